//! A word of a headline in the making, kept beside its bare form (lower case, no surrounding
//! punctuation or quotes) and the word lists that bare form is on. Every step of the shaper
//! compares bare forms against word lists, many times per word; computing the bare form and its
//! lists once when the word is made, and again only when its text changes, keeps labelling from
//! lower-casing and looking up the same word dozens of times per clause. A word borrows its
//! text from the clause until the shaper rewrites it ("accused" → "accuses"), so making the
//! words of a clause copies none of them.

use std::borrow::Cow;
use std::ops::Deref;

use super::words::{List, lists_of};
use crate::extract::events::scan::Scanned;
use crate::extract::events::shapes::WordMap;
use crate::extract::events::syntax::core_span;
use crate::extract::lower_case::lower_case;

#[derive(Clone, Debug)]
pub(super) struct Word<'a> {
    text: Cow<'a, str>,
    /// The bare form. For an ASCII word of the clause it is a slice of the clause's
    /// lower-cased copy (see [`Word::in_clause`]): a word with capitals costs no string of
    /// its own, and asking for the bare form is reading a slice.
    bare: Cow<'a, str>,
    /// The bits of the word lists the bare form is on ([`lists_of`]).
    lists: u32,
    /// How many double quote bytes the text has: the cut counts them before every word.
    quotes: usize,
    /// Whether the text ends a clause ([`text_ends_clause`]): the shaper and the cut ask this
    /// of the same words many times over (every comma count and search), so it is kept with
    /// the word and renewed only when its text changes.
    ends_clause: bool,
}

impl<'a> Word<'a> {
    pub fn new(text: impl Into<Cow<'a, str>>) -> Self {
        match text.into() {
            Cow::Borrowed(text) => {
                let span = core_span(text);
                Word::made(
                    Cow::Borrowed(text),
                    lower_case(&text[span]),
                    quotes_in(text),
                )
            }
            // a word the shaper wrote ("accuses"): its bare form is a string of its own
            Cow::Owned(text) => {
                let span = core_span(&text);
                let bare = Cow::Owned(lower_case(&text[span]).into_owned());
                let quotes = quotes_in(&text);
                Word::made(Cow::Owned(text), bare, quotes)
            }
        }
    }

    /// The word with its bare form, its lists, its quote marks and whether it ends a clause.
    /// (Inlined: every word of every headline clause is made here.)
    #[inline(always)]
    fn made(text: Cow<'a, str>, bare: Cow<'a, str>, quotes: usize) -> Self {
        let ends_clause = text_ends_clause(&text);
        let lists = lists_of(&bare);
        Word::made_ending(text, bare, lists, quotes, ends_clause)
    }

    /// [`Word::made`] with the bare form's lists and whether the text ends a clause already
    /// known.
    #[inline(always)]
    fn made_ending(
        text: Cow<'a, str>,
        bare: Cow<'a, str>,
        lists: u32,
        quotes: usize,
        ends_clause: bool,
    ) -> Self {
        Word {
            text,
            bare,
            lists,
            quotes,
            ends_clause,
        }
    }

    /// A word of a clause as `scan::words` read it from the clause, whose copy lower-cased
    /// by [`str::to_ascii_lowercase`] (same length, same offsets) is `lower`. An ASCII word's
    /// bare form is then a slice of that copy: the same bare form as [`Word::new`] gives,
    /// without reading the word again or allocating for its capitals. Other words are made by
    /// [`Word::new`]. `lists` is the table of [`lists_of`], which the caller reaches once for
    /// all the words of its clause.
    #[inline]
    pub fn in_clause(word: &Scanned<'a>, lower: &'a str, lists: &WordMap<u32>) -> Self {
        match &word.core {
            Some(core) => {
                let bare = lower
                    .get(word.at + core.span.start..word.at + core.span.end)
                    .unwrap_or_default();
                // A word whose letters run to its end (most words) has no comma, semicolon
                // or colon after them: its text is not read again to be told so.
                let ends_on_letter = !core.span.is_empty() && core.span.end == word.text.len();
                let ends_clause = !ends_on_letter && text_ends_clause(word.text);
                Word::made_ending(
                    Cow::Borrowed(word.text),
                    Cow::Borrowed(bare),
                    lists.get(bare).unwrap_or(0),
                    core.quotes,
                    ends_clause,
                )
            }
            None => Word::new(word.text),
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
        &self.bare
    }

    /// [`Word::bare`] as it is held: a slice of the clause for most words, so keeping it
    /// while the words change copies nothing.
    #[inline]
    pub fn bare_form(&self) -> Cow<'a, str> {
        self.bare.clone()
    }

    /// The bits of the word lists the bare form is on.
    #[inline]
    pub fn lists(&self) -> u32 {
        self.lists
    }

    /// How many double quote marks the word has.
    #[inline]
    pub fn quotes(&self) -> usize {
        self.quotes
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
        self.quotes = quotes_in(&self.text);
        self.ends_clause = text_ends_clause(&self.text);
    }

    /// The word without the punctuation `marks` (ASCII bytes) at its end; the bare form does
    /// not change (the bare form ends before any punctuation, so it stays within the text).
    /// Read by the byte, not as a pattern of characters decoded from the end: every label's
    /// last word is trimmed, and an ASCII byte is never part of another character, so the
    /// bytes trimmed are the characters `trim_end_matches` would trim.
    /// (Inlined, with the marks its callers name, for that first test.)
    #[inline]
    pub fn trim_end_punct(&mut self, marks: &[u8]) {
        debug_assert!(marks.is_ascii());
        // Most words end on a letter (every label's last word is asked): nothing to trim,
        // and nothing kept with the word changes (its clause end is its text's, and stays).
        if self
            .text
            .as_bytes()
            .last()
            .is_some_and(|b| !marks.contains(b))
        {
            return;
        }
        self.trim_marks(marks);
    }

    /// [`Word::trim_end_punct`] of a word that ends on one of `marks` (or is empty).
    #[inline(never)]
    fn trim_marks(&mut self, marks: &[u8]) {
        let bytes = self.text.as_bytes();
        let keep = bytes
            .iter()
            .rposition(|b| !marks.contains(b))
            .map_or(0, |i| i + 1);
        // (only the quote marks trimmed, if any, change the count: no rescan of the word)
        let trimmed_quotes = quotes_in_bytes(&bytes[keep..]);
        match &mut self.text {
            Cow::Borrowed(text) => *text = &text[..keep],
            Cow::Owned(text) => text.truncate(keep),
        }
        if keep == 0 {
            self.bare = Cow::Borrowed("");
            self.lists = 0;
        }
        self.quotes = self.quotes.saturating_sub(trimmed_quotes);
        self.ends_clause = text_ends_clause(&self.text);
    }
}

/// How many double quote bytes `text` has.
fn quotes_in(text: &str) -> usize {
    quotes_in_bytes(text.as_bytes())
}

/// How many double quote bytes `bytes` has.
fn quotes_in_bytes(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'"').count()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trimming_marks_by_the_byte_trims_what_trimming_the_characters_does() {
        let texts = [
            "said,",
            "\"quoted,\"",
            "\"end.!?\",",
            "end.!?",
            ",,,",
            "",
            "Núñez,",
            "“curly”,",
            "a\"b\",\"",
            "word",
            "x,;:.!?,",
        ];
        let mark_sets: [&[u8]; 4] = [b",", b",;:.!?", b"\"", b"\",!"];
        for text in texts {
            for marks in mark_sets {
                let chars: Vec<char> = marks.iter().copied().map(char::from).collect();
                let expected = text.trim_end_matches(chars.as_slice());
                for owned in [false, true] {
                    let mut word = if owned {
                        Word::new(text.to_string())
                    } else {
                        Word::new(text)
                    };
                    let bare = word.bare().to_string();
                    word.trim_end_punct(marks);
                    let case = format!("{text:?} {marks:?} owned {owned}");
                    assert_eq!(&*word, expected, "{case}");
                    assert_eq!(word.quotes(), quotes_in(expected), "{case}");
                    assert_eq!(word.ends_clause(), text_ends_clause(expected), "{case}");
                    let bare_now = if expected.is_empty() {
                        ""
                    } else {
                        bare.as_str()
                    };
                    assert_eq!(word.bare(), bare_now, "{case}");
                }
            }
        }
    }
}
