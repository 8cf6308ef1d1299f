//! The `extract` contract's JSON, written by hand with exactly the bytes serde_json writes.
//!
//! `extract --json` on TimeBank 10 MB prints 73 MB of JSON, most of it the actors' mentions:
//! three short fields each, one per line. Through serde_json every token is a call into the
//! formatter, every indent is written two spaces at a time, and every byte of every string is
//! looked up in an escape table. Here the few model types are written straight into a buffer:
//! an indent is one copy, a string that needs no escaping (nearly all of them) is checked with
//! a loop the compiler vectorises and then copied whole. Counts and offsets are written by
//! hand (plain decimal, as serde_json's `itoa` writes them); floats still go through
//! serde_json's own formatter, so they read the same. The serde derives stay for everything
//! else (project files, reading timelines back); a test checks both give the same bytes.

use std::io::{self, Write};

use chrono::{Datelike, NaiveDate};
use serde_json::ser::{CompactFormatter, Formatter};

use super::{Actor, Article, Event, MentionRef, Precision, SourceRef, Timeline, When};

mod copied;
mod escape;
mod fixed;
use copied::{MentionForm, SourceHead, WhenForm};
use escape::{needs_escape, next_special};
use fixed::{Piece, push_decimal};

/// Bytes gathered before they are handed on to the writer.
const CHUNK: usize = 1 << 16;

/// A comma, a newline and the spaces of the deepest indent the contract uses (and more), so
/// that the start of an object's field or a list's item is one copy of a slice of this.
const COMMA_NEWLINE_INDENT: &[u8] =
    b",\n                                                                ";

/// How many bytes a separator copies when its lead (comma, newline and indent) fits in them:
/// every lead of the contract's usual depths.
const FIXED_LEAD: usize = 32;

/// The first [`FIXED_LEAD`] bytes of [`COMMA_NEWLINE_INDENT`] without its comma (the lead of a
/// first field or item) and with it.
static FIXED_LEADS: [[u8; FIXED_LEAD]; 2] = {
    let mut leads = [[b' '; FIXED_LEAD]; 2];
    let mut i = 0;
    while i < FIXED_LEAD {
        leads[0][i] = COMMA_NEWLINE_INDENT[1 + i];
        leads[1][i] = COMMA_NEWLINE_INDENT[i];
        i += 1;
    }
    leads
};

/// The whole timeline as `extract --json` prints it (serde_json's pretty form, two-space
/// indent), followed by a newline.
pub fn write_timeline_pretty(out: &mut dyn Write, timeline: &Timeline) -> io::Result<()> {
    let mut buf = Vec::with_capacity(CHUNK + CHUNK / 4);
    let mut json = Json::<true>::new(&mut buf, Some(&mut *out), 0);
    json.timeline(timeline)?;
    buf.push(b'\n');
    out.write_all(&buf)
}

/// One line of `extract --jsonl` (compact, `{"article", "actors", "events"}`) appended to
/// `out`, without its newline.
pub fn write_stream_line(
    out: &mut Vec<u8>,
    article: &Article,
    actors: &[Actor],
    events: &[Event],
) -> io::Result<()> {
    let mut json = Json::<false>::new(out, None, 0);
    json.open(b'{');
    json.key(true, "article");
    json.article(article);
    json.key(false, "actors");
    json.list(actors, Json::actor)?;
    json.key(false, "events");
    json.list(events, Json::event)?;
    json.close(b'}');
    Ok(())
}

/// A writer of JSON into `buf`, pretty (serde_json's `PrettyFormatter`) or compact.
struct Json<'a, const PRETTY: bool> {
    buf: &'a mut Vec<u8>,
    /// Where a full buffer is emptied to; `None` keeps everything in `buf`.
    out: Option<&'a mut dyn Write>,
    /// Nesting depth, for the indent.
    depth: usize,
    /// The bytes around the numbers of the last mention written.
    form: Option<MentionForm>,
    /// The last `when` written and its bytes.
    last_when: Option<WhenForm>,
    /// The opening of the last source written, up to its start offset.
    source_head: Option<SourceHead>,
    /// The last confidence written and its bytes.
    last_confidence: Option<(u32, Piece<32>)>,
}

impl<'a, const PRETTY: bool> Json<'a, PRETTY> {
    /// A writer into `buf` at `depth`, emptied into `out` when there is one, with nothing yet
    /// written to copy from.
    fn new(buf: &'a mut Vec<u8>, out: Option<&'a mut dyn Write>, depth: usize) -> Self {
        Self {
            buf,
            out,
            depth,
            form: None,
            last_when: None,
            source_head: None,
            last_confidence: None,
        }
    }
}

impl<const PRETTY: bool> Json<'_, PRETTY> {
    /// Hands the buffer on once it holds a chunk; called between the items of lists.
    fn spill(&mut self) -> io::Result<()> {
        if self.buf.len() >= CHUNK
            && let Some(out) = self.out.as_mut()
        {
            out.write_all(&self.buf[..])?;
            self.buf.clear();
        }
        Ok(())
    }

    /// A newline and the indent of the current depth (pretty only).
    fn newline(&mut self) {
        self.separator(true);
    }

    /// What goes before a field or an item: a comma unless it is the `first`, then (pretty) a
    /// newline and the indent of the current depth. One copy where the indent is no deeper
    /// than [`COMMA_NEWLINE_INDENT`]'s: a field's start was three copies, and every field of
    /// every mention and event has one.
    #[inline(always)]
    fn separator(&mut self, first: bool) {
        if !PRETTY {
            if !first {
                self.buf.push(b',');
            }
            return;
        }
        let comma = usize::from(!first);
        let len = 1 + comma + 2 * self.depth;
        // A copy of a fixed size is a few moves where one of the lead's own length is a call
        // to `memcpy`; the bytes past the lead are cut off again.
        if len <= FIXED_LEAD {
            let end = self.buf.len() + len;
            self.buf.extend_from_slice(&FIXED_LEADS[comma]);
            self.buf.truncate(end);
            return;
        }
        match COMMA_NEWLINE_INDENT.get(1 - comma..2 + 2 * self.depth) {
            Some(lead) => self.buf.extend_from_slice(lead),
            None => {
                self.buf
                    .extend_from_slice(&COMMA_NEWLINE_INDENT[1 - comma..2]);
                for _ in 0..self.depth {
                    self.buf.extend_from_slice(b"  ");
                }
            }
        }
    }

    /// Opens an object or a list: `bracket` is `{` or `[`.
    fn open(&mut self, bracket: u8) {
        self.buf.push(bracket);
        self.depth += 1;
    }

    /// Closes a non-empty object or list.
    fn close(&mut self, bracket: u8) {
        self.depth -= 1;
        self.newline();
        self.buf.push(bracket);
    }

    /// An object key (a plain identifier, never escaped) and its colon. Inlined, so that the
    /// key's bytes, a constant at every call, are copied without a call to `memcpy`.
    ///
    /// Pretty, the lead, the key and its colon usually fit in [`FIXED_LEAD`] bytes: they are
    /// put together in a copy of the lead and written as one copy of that fixed size (cut back
    /// after), instead of four writes each checking the buffer's room. Every field of every
    /// event and source starts with a key.
    #[inline(always)]
    fn key(&mut self, first: bool, key: &str) {
        let colon: &[u8] = if PRETTY { b"\": " } else { b"\":" };
        if PRETTY {
            let comma = usize::from(!first);
            let quote_at = 1 + comma + 2 * self.depth;
            let colon_at = quote_at + 1 + key.len();
            let len = colon_at + colon.len();
            if len <= FIXED_LEAD {
                let mut bytes = FIXED_LEADS[comma];
                bytes[quote_at] = b'"';
                bytes[quote_at + 1..colon_at].copy_from_slice(key.as_bytes());
                bytes[colon_at..len].copy_from_slice(colon);
                let end = self.buf.len() + len;
                self.buf.extend_from_slice(&bytes);
                self.buf.truncate(end);
                return;
            }
        }
        self.separator(first);
        self.buf.push(b'"');
        self.buf.extend_from_slice(key.as_bytes());
        self.buf.extend_from_slice(colon);
    }

    /// A list, `[]` when empty as serde_json writes it.
    fn list<T>(
        &mut self,
        items: &[T],
        mut each: impl FnMut(&mut Self, &T) -> io::Result<()>,
    ) -> io::Result<()> {
        if items.is_empty() {
            self.buf.extend_from_slice(b"[]");
            return Ok(());
        }
        self.open(b'[');
        for (i, item) in items.iter().enumerate() {
            self.separator(i == 0);
            each(self, item)?;
            self.spill()?;
        }
        self.close(b']');
        Ok(())
    }

    /// A JSON string, escaped as serde_json escapes it. Inlined, with its test for escapes:
    /// nearly every string is copied whole, and the two calls cost about as much as that.
    #[inline(always)]
    fn string(&mut self, s: &str) {
        self.buf.push(b'"');
        if needs_escape(s.as_bytes()) {
            self.escaped(s.as_bytes());
        } else {
            self.buf.extend_from_slice(s.as_bytes());
        }
        self.buf.push(b'"');
    }

    /// The contents of a string with serde_json's escapes: `\"`, `\\`, the short forms of
    /// backspace, form feed, newline, return and tab, and `\u00XX` for other control bytes.
    /// The runs between them are found eight bytes at a time and copied whole.
    fn escaped(&mut self, bytes: &[u8]) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut run = 0;
        while let Some(i) = next_special(bytes, run) {
            let b = bytes[i];
            let short = match b {
                b'"' => b'"',
                b'\\' => b'\\',
                0x08 => b'b',
                0x0c => b'f',
                b'\n' => b'n',
                b'\r' => b'r',
                b'\t' => b't',
                _ => b'u',
            };
            self.buf.extend_from_slice(&bytes[run..i]);
            run = i + 1;
            if short == b'u' {
                let hex = [HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xf)]];
                self.buf.extend_from_slice(b"\\u00");
                self.buf.extend_from_slice(&hex);
            } else {
                self.buf.extend_from_slice(&[b'\\', short]);
            }
        }
        self.buf.extend_from_slice(&bytes[run..]);
    }

    /// A string, or `null`.
    fn opt_string(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.string(s),
            None => self.buf.extend_from_slice(b"null"),
        }
    }

    /// `true` or `false`.
    fn bool(&mut self, value: bool) {
        let text: &[u8] = if value { b"true" } else { b"false" };
        self.buf.extend_from_slice(text);
    }

    /// A count or offset, as serde_json's `usize` serialisation writes it.
    fn number(&mut self, n: usize) {
        push_decimal(self.buf, n as u64);
    }

    /// A date as chrono serialises it (its `Debug` form, "2015-10-21", "-0002-08-07").
    fn date(&mut self, date: NaiveDate) {
        let year = date.year();
        if (0..=9999).contains(&year) {
            // chrono writes these years as four digits, the month and day as two.
            let mut text = *b"\"0000-00-00\"";
            let year = year.unsigned_abs();
            for (place, value) in [
                (4, year % 10),
                (3, year / 10 % 10),
                (2, year / 100 % 10),
                (1, year / 1000),
                (7, date.month() % 10),
                (6, date.month() / 10),
                (10, date.day() % 10),
                (9, date.day() / 10),
            ] {
                text[place] = b'0' + (value % 10) as u8;
            }
            self.buf.extend_from_slice(&text);
        } else {
            self.buf.push(b'"');
            // Writing to a Vec cannot fail.
            let _ = write!(self.buf, "{date:?}");
            self.buf.push(b'"');
        }
    }

    /// A date as chrono serialises it, or `null`.
    fn opt_date(&mut self, date: Option<NaiveDate>) {
        match date {
            Some(date) => self.date(date),
            None => self.buf.extend_from_slice(b"null"),
        }
    }

    /// The whole timeline: articles, actors, events (the fields of `Timeline`, in order).
    fn timeline(&mut self, timeline: &Timeline) -> io::Result<()> {
        self.open(b'{');
        self.key(true, "articles");
        self.list(&timeline.articles, |json, article| {
            json.article(article);
            Ok(())
        })?;
        self.key(false, "actors");
        self.list(&timeline.actors, Self::actor)?;
        self.key(false, "events");
        self.list(&timeline.events, Self::event)?;
        self.close(b'}');
        Ok(())
    }

    /// An article with the fields its serde derive writes (not its text or paragraphs).
    fn article(&mut self, article: &Article) {
        self.open(b'{');
        self.key(true, "id");
        self.string(&article.id);
        self.key(false, "title");
        self.string(&article.title);
        self.key(false, "published");
        self.opt_date(article.published);
        self.key(false, "path");
        self.opt_string(article.path.as_deref());
        if let Some(url) = &article.url {
            self.key(false, "url");
            self.string(url);
        }
        self.close(b'}');
    }

    /// An actor; `mentions` only when it has some, as its derive skips an empty list.
    fn actor(&mut self, actor: &Actor) -> io::Result<()> {
        self.open(b'{');
        self.key(true, "id");
        self.string(&actor.id);
        self.key(false, "name");
        self.string(&actor.name);
        self.key(false, "kind");
        self.string(actor.kind.as_str());
        self.key(false, "aliases");
        self.strings(&actor.aliases)?;
        self.key(false, "affiliation");
        self.opt_string(actor.affiliation.as_deref());
        if !actor.mentions.is_empty() {
            self.key(false, "mentions");
            self.list(&actor.mentions, Self::mention)?;
        }
        self.close(b'}');
        Ok(())
    }

    /// `{"article", "start", "end"}`, through a [`MentionForm`] made for its article.
    fn mention(&mut self, mention: &MentionRef) -> io::Result<()> {
        if self
            .form
            .as_ref()
            // (`Arc`'s equality compares the pointers first: an article's mentions share one id)
            .is_none_or(|f| f.depth != self.depth || f.article != mention.article)
        {
            self.form = Some(MentionForm::of::<PRETTY>(&mention.article, self.depth));
        }
        if let Some(form) = &self.form {
            let buf = &mut *self.buf;
            form.head.write(buf);
            push_decimal(buf, mention.start as u64);
            form.middle.write(buf);
            push_decimal(buf, mention.end as u64);
            form.tail.write(buf);
        }
        Ok(())
    }

    /// A list of strings.
    fn strings(&mut self, strings: &[String]) -> io::Result<()> {
        self.list(strings, |json, s| {
            json.string(s);
            Ok(())
        })
    }

    /// An event; `agents` only when it has some.
    fn event(&mut self, event: &Event) -> io::Result<()> {
        self.open(b'{');
        self.key(true, "id");
        self.string(&event.id);
        self.key(false, "when");
        self.when(&event.when);
        self.key(false, "actors");
        self.strings(&event.actors)?;
        if !event.agents.is_empty() {
            self.key(false, "agents");
            self.strings(&event.agents)?;
        }
        self.key(false, "label");
        self.string(&event.label);
        self.key(false, "sources");
        self.list(&event.sources, Self::source)?;
        self.key(false, "confidence");
        self.confidence(event.confidence)?;
        self.close(b'}');
        Ok(())
    }

    /// A float through serde_json's formatter (`null` when not finite); a copy of the last
    /// one's bytes when it is the same number: events' confidences take few values.
    fn confidence(&mut self, confidence: f32) -> io::Result<()> {
        if !confidence.is_finite() {
            self.buf.extend_from_slice(b"null");
            return Ok(());
        }
        let bits = confidence.to_bits();
        if let Some((last, bytes)) = &self.last_confidence
            && *last == bits
        {
            bytes.write(self.buf);
            return Ok(());
        }
        let from = self.buf.len();
        CompactFormatter.write_f32(&mut *self.buf, confidence)?;
        self.last_confidence = Some((bits, Piece::of(&self.buf[from..])));
        Ok(())
    }

    /// A date or span, its modifier under the key `mod`; a copy of the last one's bytes when
    /// it is the same (see [`WhenForm`]).
    fn when(&mut self, when: &When) {
        if let Some(last) = &self.last_when
            && last.depth == self.depth
            && last.when == *when
        {
            self.buf.extend_from_slice(&last.bytes);
            return;
        }
        let from = self.buf.len();
        self.write_when(when);
        let written = &self.buf[from..];
        match &mut self.last_when {
            Some(last) => {
                last.when.clone_from(when);
                last.depth = self.depth;
                last.bytes.clear();
                last.bytes.extend_from_slice(written);
            }
            None => {
                self.last_when = Some(WhenForm {
                    when: when.clone(),
                    depth: self.depth,
                    bytes: written.to_vec(),
                });
            }
        }
    }

    /// A date or span, written field by field.
    fn write_when(&mut self, when: &When) {
        self.open(b'{');
        self.key(true, "start");
        self.date(when.start);
        self.key(false, "end");
        self.date(when.end);
        self.key(false, "precision");
        self.string(precision_name(when.precision));
        self.key(false, "mod");
        self.opt_string(when.modifier.map(|m| m.as_str()));
        self.key(false, "approximate");
        self.bool(when.approximate);
        self.key(false, "value");
        self.string(&when.value);
        self.key(false, "inferred");
        self.bool(when.inferred);
        self.close(b'}');
    }

    /// A source; `timex` and `grading` only when present. Its opening is a copy of a
    /// [`SourceHead`] made for its article.
    fn source(&mut self, source: &SourceRef) -> io::Result<()> {
        if self
            .source_head
            .as_ref()
            .is_none_or(|h| h.depth != self.depth || h.article != source.article)
        {
            self.source_head = Some(SourceHead::of::<PRETTY>(&source.article, self.depth));
        }
        if let Some(head) = &self.source_head {
            head.bytes.write(self.buf);
        }
        // the depth inside the source's braces, which the general writer opened
        self.depth += 1;
        self.number(source.start);
        self.key(false, "end");
        self.number(source.end);
        self.key(false, "quote");
        self.string(&source.quote);
        if let Some((start, end)) = source.timex {
            self.key(false, "timex");
            self.list(&[start, end][..], |json, n| {
                json.number(*n);
                Ok(())
            })?;
        }
        if let Some(grading) = &source.grading {
            self.key(false, "grading");
            self.string(&grading.to_string());
        }
        self.close(b'}');
        Ok(())
    }
}

/// A precision's name in the contract (serde's lower-case variant name).
fn precision_name(precision: Precision) -> &'static str {
    match precision {
        Precision::Time => "time",
        Precision::Day => "day",
        Precision::Week => "week",
        Precision::Month => "month",
        Precision::Season => "season",
        Precision::Quarter => "quarter",
        Precision::Half => "half",
        Precision::Year => "year",
        Precision::Decade => "decade",
        Precision::Century => "century",
        Precision::Range => "range",
    }
}

#[cfg(test)]
mod tests;
