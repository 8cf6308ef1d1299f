//! A word of a headline in the making, kept beside its bare form (lower case, no surrounding
//! punctuation or quotes). Every step of the shaper compares bare forms against word lists, many
//! times per word; computing the bare form once when the word is made, and again only when its
//! text changes, keeps labelling from lower-casing the same word dozens of times per clause.

use std::ops::Deref;

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Word {
    text: String,
    bare: String,
}

impl Word {
    pub fn new(text: impl Into<String>) -> Self {
        let text = text.into();
        let bare = bare(&text);
        Word { text, bare }
    }

    /// The word lower-cased without surrounding punctuation or quotes.
    pub fn bare(&self) -> &str {
        &self.bare
    }

    /// Adds punctuation after the word ("," when a dash or a cut date ended a phrase here);
    /// the bare form does not change.
    pub fn push_punct(&mut self, c: char) {
        debug_assert!(!c.is_alphanumeric());
        self.text.push(c);
    }

    /// The word without the punctuation `chars` at its end; the bare form does not change.
    pub fn trim_end_punct(&mut self, chars: &[char]) {
        let keep = self.text.trim_end_matches(chars).len();
        self.text.truncate(keep);
        if keep == 0 {
            self.bare.clear();
        }
    }
}

impl Deref for Word {
    type Target = str;

    fn deref(&self) -> &str {
        &self.text
    }
}

impl From<Word> for String {
    fn from(w: Word) -> String {
        w.text
    }
}

/// `word` lower-cased without surrounding punctuation or quotes.
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
