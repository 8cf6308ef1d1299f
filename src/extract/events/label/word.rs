//! A word of a headline in the making, kept beside its bare form (lower case, no surrounding
//! punctuation or quotes) and the word lists that bare form is on. Every step of the shaper
//! compares bare forms against word lists, many times per word; computing the bare form and its
//! lists once when the word is made, and again only when its text changes, keeps labelling from
//! lower-casing and looking up the same word dozens of times per clause. A word borrows its
//! text from the clause until the shaper rewrites it ("accused" → "accuses"), so making the
//! words of a clause copies none of them.

use std::borrow::Cow;
use std::ops::{Deref, Range};

use super::words::{List, lists_of};
use crate::extract::events::syntax::{core_span, lower_case};

#[derive(Clone, Debug)]
pub(super) struct Word<'a> {
    text: Cow<'a, str>,
    /// Where the bare form lies in `text`, when it is the text's own letters (no capitals):
    /// most words of news text, which then cost no second string.
    core: Range<usize>,
    /// The bare form when it differs from `text[core]`.
    lower: Option<String>,
    /// The bits of the word lists the bare form is on ([`lists_of`]).
    lists: u32,
    /// Whether the text ends a clause ([`text_ends_clause`]): the shaper and the cut ask this
    /// of the same words many times over (every comma count and search), so it is kept with
    /// the word and renewed only when its text changes.
    ends_clause: bool,
}

impl<'a> Word<'a> {
    pub fn new(text: impl Into<Cow<'a, str>>) -> Self {
        let text = text.into();
        let span = core_span(&text);
        let core = &text[span.clone()];
        // Kept only when it differs from the core: most words of news text are lower-case
        // ASCII already.
        let lowered = lower_case(core);
        let lists = lists_of(&lowered);
        let lower = match lowered {
            Cow::Owned(lower) => Some(lower),
            Cow::Borrowed(_) => None,
        };
        let ends_clause = text_ends_clause(&text);
        Word {
            core: span,
            text,
            lower,
            lists,
            ends_clause,
        }
    }

    /// Whether the word ends a clause: a comma, semicolon or colon at its end, before any
    /// closing quotes.
    #[inline]
    pub fn ends_clause(&self) -> bool {
        self.ends_clause
    }

    /// The word lower-cased without surrounding punctuation or quotes.
    #[inline]
    pub fn bare(&self) -> &str {
        match &self.lower {
            Some(lower) => lower,
            None => &self.text[self.core.clone()],
        }
    }

    /// Whether the bare form is on `list`.
    #[inline]
    pub fn is(&self, list: List) -> bool {
        list.among(self.lists)
    }

    /// Adds punctuation after the word ("," when a dash or a cut date ended a phrase here);
    /// the bare form does not change.
    pub fn push_punct(&mut self, c: char) {
        debug_assert!(!c.is_alphanumeric());
        self.text.to_mut().push(c);
        self.ends_clause = text_ends_clause(&self.text);
    }

    /// The word without the punctuation `chars` at its end; the bare form does not change
    /// (the bare form ends before any punctuation, so it stays within the text).
    pub fn trim_end_punct(&mut self, chars: &[char]) {
        let keep = self.text.trim_end_matches(chars).len();
        match &mut self.text {
            Cow::Borrowed(text) => *text = &text[..keep],
            Cow::Owned(text) => text.truncate(keep),
        }
        if keep == 0 {
            self.lower = Some(String::new());
            self.lists = 0;
        }
        self.ends_clause = text_ends_clause(&self.text);
    }
}

/// Whether `text` ends a clause: a comma, semicolon or colon at its end, before any closing
/// quotes. Read by the byte: all five are ASCII, and an ASCII byte is never part of another
/// character, so trimming the quote bytes trims the quote characters.
fn text_ends_clause(text: &str) -> bool {
    let bytes = text.as_bytes();
    let kept = bytes
        .iter()
        .rposition(|&b| b != b'"' && b != b'\'')
        .map_or(0, |i| i + 1);
    matches!(bytes[..kept].last(), Some(b',' | b';' | b':'))
}

/// Words are equal when their text and bare form are (the rest is derived from those).
impl PartialEq for Word<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text && self.bare() == other.bare()
    }
}

impl Eq for Word<'_> {}

impl Deref for Word<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        &self.text
    }
}

impl From<Word<'_>> for String {
    fn from(w: Word<'_>) -> String {
        w.text.into_owned()
    }
}

/// `word` lower-cased without surrounding punctuation or quotes (as [`Word::bare`]).
#[cfg(test)]
pub(super) fn bare(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// `words` joined by single spaces.
pub(super) fn join(words: &[Word]) -> String {
    let mut out = String::with_capacity(words.iter().map(|w| w.len() + 1).sum());
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}
