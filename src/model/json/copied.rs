//! The pieces of output the writer makes once and then copies: an event's date when it is its
//! predecessor's, a mention's bytes around its two numbers, a source's opening. Each is written
//! by the general writer ([`Json`]) the first time, so the copies are the same bytes.

use std::sync::Arc;

use super::fixed::Piece;
use super::{Json, When};

/// A `when` as written, with the depth it was indented for. Events are written in time order,
/// so an event's date is most often its predecessor's (seven events in ten on TimeBank): its
/// bytes (eight fields, two dates and three strings to format) are then copied whole.
pub(super) struct WhenForm {
    pub(super) when: When,
    pub(super) depth: usize,
    pub(super) bytes: Vec<u8>,
}

/// Everything a mention writes but its two numbers, for one article at one depth: the
/// mentions are most of the output, and an actor's mentions nearly all name one article, so
/// these bytes are made once (by the general writer, so they are the same) and then copied.
pub(super) struct MentionForm {
    /// The article the bytes name (the mentions' own shared id).
    pub(super) article: Arc<str>,
    /// The depth they were indented for.
    pub(super) depth: usize,
    /// The mention as written, its two numbers left out: before `start`'s number, between
    /// the two numbers, after `end`'s.
    pub(super) head: Piece<96>,
    pub(super) middle: Piece<32>,
    pub(super) tail: Piece<32>,
}

/// A source's bytes up to its `start` offset (its brace, `article` and the `start` key), for
/// one article at one depth: an article's sources all open alike, so they are copied.
pub(super) struct SourceHead {
    pub(super) article: String,
    pub(super) depth: usize,
    pub(super) bytes: Piece<96>,
}

impl MentionForm {
    /// The bytes of a mention of `article` at `depth`, written by the general writer.
    pub(super) fn of<const PRETTY: bool>(article: &Arc<str>, depth: usize) -> Self {
        let mut bytes = Vec::new();
        let mut json = Json::<PRETTY>::new(&mut bytes, None, depth);
        open_source(&mut json, article);
        let start_at = json.buf.len();
        json.key(false, "end");
        let end_at = json.buf.len();
        json.close(b'}');
        Self {
            article: Arc::clone(article),
            depth,
            head: Piece::of(&bytes[..start_at]),
            middle: Piece::of(&bytes[start_at..end_at]),
            tail: Piece::of(&bytes[end_at..]),
        }
    }
}

impl SourceHead {
    /// The opening of a source of `article` at `depth`, written by the general writer.
    pub(super) fn of<const PRETTY: bool>(article: &str, depth: usize) -> Self {
        let mut bytes = Vec::new();
        open_source(&mut Json::<PRETTY>::new(&mut bytes, None, depth), article);
        Self {
            article: article.to_string(),
            depth,
            bytes: Piece::of(&bytes),
        }
    }
}

/// A mention's or a source's opening: its brace, `article` and the `start` key, which the two
/// write alike.
fn open_source<const PRETTY: bool>(json: &mut Json<'_, PRETTY>, article: &str) {
    json.open(b'{');
    json.key(true, "article");
    json.string(article);
    json.key(false, "start");
}
