//! A quick test that rules a word out of a fixed word set before the set is searched: the
//! first byte and the length of every word in the set. Labelling and sentence reading look
//! every word of a clause up in a few sets (word lists, irregular verbs, verb forms), and most
//! words are in none; hashing each of them cost more than the rest of the look-up. A word
//! whose first byte and length match no member's is answered without hashing it.
//! [`WordMap`] holds such a set (or a map from its words) with its shapes.

use rustc_hash::FxHashMap;

/// A fixed set of words, each with a value (`()` for a plain set): ruled out by [`Shapes`]
/// first, then looked up by the word as a [`Key`] of two numbers in a small open-addressed
/// table of its own. Every word set of labelling and sentence reading is one of these, and
/// about half a million words a megabyte of news are looked up: a `HashMap` probe (its hash,
/// its group scan, the 16-byte key copied through `memcpy`) cost three times this table's.
#[derive(Clone, Debug)]
pub struct WordMap<V> {
    shapes: Shapes,
    /// Power-of-two sized, at most a quarter full, so that a probe rarely reads a second slot.
    slots: Box<[Option<(Key, V)>]>,
    /// How far a hash is shifted right to index `slots` (64 minus the table's bits).
    shift: u32,
    /// Members too long for a [`Key`] (no list has one today; kept so that none is ever lost).
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
        let size = (by_word.len() * 4).next_power_of_two().max(8);
        let shift = 64 - size.trailing_zeros();
        let mut slots: Vec<Option<(Key, V)>> = vec![None; size];
        let mut long = FxHashMap::default();
        for (word, value) in by_word {
            match Key::of(word.as_bytes()) {
                Some(key) => {
                    let mut at = key.slot(shift);
                    while slots[at].is_some() {
                        at = (at + 1) & (size - 1);
                    }
                    slots[at] = Some((key, value));
                }
                None => {
                    long.insert(word, value);
                }
            }
        }
        WordMap {
            shapes,
            slots: slots.into_boxed_slice(),
            shift,
            long,
        }
    }

    /// The value of `word`, if it is a member. Always inlined: most words are ruled out by
    /// their shape in a few instructions, without a call.
    #[inline(always)]
    pub fn get(&self, word: &str) -> Option<V> {
        if !self.shapes.admits(word) {
            return None;
        }
        self.get_admitted(word)
    }

    /// [`WordMap::get`] of a word its shape did not rule out. Inlined too: as a call, saving
    /// and restoring the caller's registers cost a third of the look-up.
    #[inline(always)]
    fn get_admitted(&self, word: &str) -> Option<V> {
        let Some(key) = Key::of(word.as_bytes()) else {
            return self.long.get(word).copied();
        };
        let mask = self.slots.len() - 1;
        let mut at = key.slot(self.shift);
        loop {
            match self.slots.get(at)? {
                Some((k, value)) if *k == key => return Some(*value),
                Some(_) => at = (at + 1) & mask,
                None => return None,
            }
        }
    }

    /// Whether `word` is a member.
    #[inline(always)]
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

/// A word of at most 16 bytes as two numbers and its length: its first and last bytes,
/// read as whole numbers (the two reads overlap for a word shorter than 16 bytes, and
/// together cover every byte), so two words of one length share a key only when they are
/// the same word. No copy into a buffer, no loop over the bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Key {
    head: u64,
    tail: u64,
    len: usize,
}

impl Key {
    /// The key of `word`; `None` when it is longer than 16 bytes.
    #[inline]
    fn of(word: &[u8]) -> Option<Key> {
        let len = word.len();
        let (head, tail) = match len {
            0 => (0, 0),
            // bytes 0, len / 2 and len - 1 are every byte of a word of one to three
            1..=3 => (
                u64::from(word[0])
                    | (u64::from(word[len / 2]) << 8)
                    | (u64::from(word[len - 1]) << 16),
                0,
            ),
            4..=7 => (
                u64::from(u32::from_le_bytes(word[..4].try_into().ok()?)),
                u64::from(u32::from_le_bytes(word[len - 4..].try_into().ok()?)),
            ),
            8..=16 => (
                u64::from_le_bytes(word[..8].try_into().ok()?),
                u64::from_le_bytes(word[len - 8..].try_into().ok()?),
            ),
            _ => return None,
        };
        Some(Key { head, tail, len })
    }

    /// The key's home slot in a table indexed by the top `64 - shift` bits of its hash.
    #[inline]
    fn slot(self, shift: u32) -> usize {
        let mixed = self.head ^ self.tail.rotate_left(29) ^ ((self.len as u64) << 58);
        // (the top bits of a multiplicative hash: every bit of `mixed` reaches them)
        (mixed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize
    }
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

    /// Whether `word` lower-cased may be a member: an ASCII word's lower case has its length
    /// and its first byte lower-cased, so its shape tells without lower-casing it; a word with
    /// other characters may always be (its lower case may be of another length).
    #[inline]
    pub fn admits_lower_case_of(&self, word: &str) -> bool {
        !word.is_ascii()
            || word.as_bytes().first().is_none_or(|&first| {
                self.0[usize::from(first.to_ascii_lowercase())] & length_bit(word.len()) != 0
            })
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
        for w in ["said", "Said", "SAID", "Told", "A", ""] {
            assert!(shapes.admits_lower_case_of(w), "{w:?}");
        }
        assert!(shapes.admits_lower_case_of("Sáid"), "not ASCII: may be");
        assert!(!shapes.admits_lower_case_of("Sai"));
        assert!(!shapes.admits_lower_case_of("X"));
    }

    #[test]
    fn a_word_map_finds_exactly_its_members_the_first_value_of_each() {
        let long = "internationalisation-of-everything-here";
        let map = WordMap::of([("said", 1), ("told", 2), ("said", 3), ("a", 4), (long, 5)]);
        assert_eq!(map.get("said"), Some(1));
        assert_eq!(map.get("told"), Some(2));
        assert_eq!(map.get("a"), Some(4));
        assert_eq!(map.get(long), Some(5));
        for other in [
            "", "sai", "saidd", "Said", "said\0", "tolt", "b", "ssid", "siad",
        ] {
            assert_eq!(map.get(other), None, "{other:?}");
        }
        // every length a key reads differently, each word against the same word with one
        // byte changed: only the members are found
        let alphabet = "abcdefghijklmnopqrstuvwxyz";
        let members: Vec<&'static str> = (1..=alphabet.len()).map(|n| &alphabet[..n]).collect();
        let map = WordMap::of(members.iter().enumerate().map(|(i, &w)| (w, i)));
        for (i, w) in members.iter().enumerate() {
            assert_eq!(map.get(w), Some(i), "{w:?}");
            for at in 0..w.len() {
                let mut other = w.as_bytes().to_vec();
                other[at] = b'_';
                let other = String::from_utf8(other).expect("ASCII");
                assert_eq!(map.get(&other), None, "{other:?}");
            }
        }
        let set = WordMap::set(["in", "on"]);
        assert!(set.contains("in") && set.contains("on") && !set.contains("at"));
    }
}
