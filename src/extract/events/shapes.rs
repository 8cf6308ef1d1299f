//! A quick test that rules a word out of a fixed word set before the set is searched: the
//! first byte and the length of every word in the set. Labelling and sentence reading look
//! every word of a clause up in a few sets (word lists, irregular verbs, verb forms), and most
//! words are in none; hashing each of them cost more than the rest of the look-up. A word
//! whose first byte and length match no member's is answered without hashing it.
//! [`WordMap`] holds such a set (or a map from its words) with its shapes.

use rustc_hash::FxHashMap;

/// A fixed set of words, each with a value (`()` for a plain set): ruled out by [`Shapes`]
/// first, then looked up by the word packed into one number ([`packed`]), which is hashed and
/// compared in a few instructions where a string was hashed byte by byte and compared through
/// `memcmp`. Every word set of labelling and sentence reading is one of these.
#[derive(Clone, Debug)]
pub struct WordMap<V> {
    shapes: Shapes,
    by_key: FxHashMap<u128, V>,
    /// Members too long to pack (no list has one today; kept so that none is ever lost).
    long: FxHashMap<&'static str, V>,
}

impl<V: Copy> WordMap<V> {
    /// The map of `entries`; of two entries for one word, the first is kept.
    pub fn of(entries: impl IntoIterator<Item = (&'static str, V)>) -> Self {
        let mut by_word: FxHashMap<&'static str, V> = FxHashMap::default();
        for (word, value) in entries {
            by_word.entry(word).or_insert(value);
        }
        let shapes = Shapes::of(by_word.keys().copied());
        let mut by_key = FxHashMap::default();
        let mut long = FxHashMap::default();
        for (word, value) in by_word {
            match packed(word) {
                Some(key) => by_key.insert(key, value),
                None => long.insert(word, value),
            };
        }
        WordMap {
            shapes,
            by_key,
            long,
        }
    }

    /// The value of `word`, if it is a member.
    #[inline]
    pub fn get(&self, word: &str) -> Option<V> {
        if !self.shapes.admits(word) {
            return None;
        }
        match packed(word) {
            Some(key) => self.by_key.get(&key).copied(),
            None => self.long.get(word).copied(),
        }
    }

    /// Whether `word` is a member.
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }
}

impl WordMap<()> {
    /// The set of `words`.
    pub fn set(words: impl IntoIterator<Item = &'static str>) -> Self {
        WordMap::of(words.into_iter().map(|w| (w, ())))
    }
}

/// `word` as one number: its bytes in order, then its length in the last byte, so that no two
/// words of at most 15 bytes share one. `None` for a longer word.
#[inline]
fn packed(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    let len = u8::try_from(bytes.len()).ok().filter(|&l| l < 16)?;
    let mut buf = [0u8; 16];
    buf[..bytes.len()].copy_from_slice(bytes);
    buf[15] = len;
    Some(u128::from_le_bytes(buf))
}

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

    #[test]
    fn a_word_map_finds_exactly_its_members_the_first_value_of_each() {
        let long = "internationalisation-of-everything-here";
        let map = WordMap::of([("said", 1), ("told", 2), ("said", 3), ("a", 4), (long, 5)]);
        assert_eq!(map.get("said"), Some(1));
        assert_eq!(map.get("told"), Some(2));
        assert_eq!(map.get("a"), Some(4));
        assert_eq!(map.get(long), Some(5));
        for other in ["", "sai", "saidd", "Said", "said\0", "tolt", "b"] {
            assert_eq!(map.get(other), None, "{other:?}");
        }
        let set = WordMap::set(["in", "on"]);
        assert!(set.contains("in") && set.contains("on") && !set.contains("at"));
    }
}
