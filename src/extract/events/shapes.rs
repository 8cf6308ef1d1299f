//! A quick test that rules a word out of a fixed word set before the set is searched: the
//! first byte and the length of every word in the set. Labelling and sentence reading look
//! every word of a clause up in a few sets (word lists, irregular verbs, verb forms), and most
//! words are in none; hashing each of them cost more than the rest of the look-up. A word
//! whose first byte and length match no member's is answered without hashing it.

/// For each first byte, bit `n` set when a member starting with that byte is `n` bytes long
/// (bit 31: 31 bytes or more).
#[derive(Clone, Debug)]
pub struct Shapes([u32; 256]);

impl Shapes {
    /// The shapes of `words`.
    pub fn of<'a>(words: impl IntoIterator<Item = &'a str>) -> Self {
        let mut shapes = [0u32; 256];
        for w in words {
            if let Some(&first) = w.as_bytes().first() {
                shapes[usize::from(first)] |= length_bit(w.len());
            }
        }
        Shapes(shapes)
    }

    /// Whether `word` may be a member: `false` only when no member has its first byte and
    /// length. The empty word may always be (the set is asked).
    #[inline]
    pub fn admits(&self, word: &str) -> bool {
        word.as_bytes()
            .first()
            .is_none_or(|&first| self.0[usize::from(first)] & length_bit(word.len()) != 0)
    }
}

/// The bit of a word of `len` bytes.
#[inline]
fn length_bit(len: usize) -> u32 {
    1 << len.min(31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_member_is_admitted_and_most_other_words_are_not() {
        let set = [
            "said",
            "told",
            "a",
            "",
            "internationalisation-of-everything-here",
        ];
        let shapes = Shapes::of(set);
        for w in set {
            assert!(shapes.admits(w), "{w:?}");
        }
        assert!(shapes.admits("saw!"), "same first byte and length");
        assert!(shapes.admits("in-the-longest-words-all-share-one-length-bit"));
        assert!(!shapes.admits("sai"));
        assert!(!shapes.admits("Said"));
        assert!(!shapes.admits("x"));
    }
}
