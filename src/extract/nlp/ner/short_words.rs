//! The recogniser's memo index of short words: a word of up to 15 bytes, packed into one
//! number ([`packed_short_word`]), to its index in the memo of words.
//!
//! Most of a sentence's words are looked up here (half a million look-ups on 3 MB of
//! TimeBank), so the table is kept small and the probe short: open addressing over 4-byte
//! memo indices (a few hundred kilobytes, where a hash map of the packed words themselves
//! took a megabyte), each slot's word compared through a list of the packed words by memo
//! index. No allocation per word, and one multiply to hash.

use std::ops::Range;

use super::memo_table::{MIN_SLOTS, slots_for};

/// The word `text[r]` as one number when it has at most 15 bytes: its bytes little-endian,
/// and its length in the top byte (so no two words share a number). Most words are that
/// short, and a number is hashed and compared in a few instructions where a string is
/// hashed byte by byte and compared by a call.
pub(super) fn packed_short_word(text: &[u8], r: &Range<usize>) -> Option<u128> {
    let len = r.len();
    if len > 15 || len == 0 {
        return None;
    }
    // Sixteen bytes from the word's start, when the text has them (the bytes after the word
    // are masked off); near the text's end, the word copied alone.
    let bytes = match text.get(r.start..r.start + 16) {
        Some(b) => b.try_into().ok()?,
        None => {
            let mut b = [0; 16];
            b[..len].copy_from_slice(text.get(r.clone())?);
            b
        }
    };
    Some(u128::from_le_bytes(bytes) & WORD_MASKS[len] | (len as u128) << 120)
}

/// The mask of the first `len` bytes of a little-endian u128, by `len` (0 to 15): read from
/// a table, where a shift of a u128 by a variable count takes a handful of instructions.
const WORD_MASKS: [u128; 16] = {
    let mut masks = [0; 16];
    let mut len = 1;
    while len < 16 {
        masks[len] = (1u128 << (8 * len)) - 1;
        len += 1;
    }
    masks
};

/// A slot holding no word.
const EMPTY: u32 = u32::MAX;

/// The most slots a table starts afresh with: twice the memo's usual most words, so probes
/// stay short.
const FIRST_SLOTS: usize = 1 << 15;

/// Packed words of up to 15 bytes → memo indices.
pub(super) struct ShortWords {
    /// Memo indices, or [`EMPTY`]; a power of two long.
    slots: Vec<u32>,
    /// The packed word of each memo index (0 for an index that is not a short word's).
    packed: Vec<u128>,
    /// How many slots are filled.
    len: usize,
}

impl Default for ShortWords {
    fn default() -> Self {
        Self {
            slots: vec![EMPTY; MIN_SLOTS],
            packed: Vec::new(),
            len: 0,
        }
    }
}

impl ShortWords {
    /// The slot where the probe for `p` starts, in a table of `slots` slots (a power of two).
    #[inline]
    fn home(p: u128, slots: usize) -> usize {
        let (lo, hi) = (p as u64, (p >> 64) as u64);
        let h = (lo.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ hi).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        (h >> 32) as usize & (slots - 1)
    }

    /// The memo index of the packed word `p`, or the slot where it would go.
    #[inline]
    pub fn find(&self, p: u128) -> Result<u32, usize> {
        let mask = self.slots.len() - 1;
        let mut s = Self::home(p, self.slots.len());
        loop {
            let k = self.slots[s];
            if k == EMPTY {
                return Err(s);
            }
            if self.packed.get(k as usize) == Some(&p) {
                return Ok(k);
            }
            s = (s + 1) & mask;
        }
    }

    /// Notes that memo index `k` (the next one) is no short word.
    pub fn push_other(&mut self, k: u32) {
        self.note(k, 0);
    }

    /// Adds the packed word `p` as memo index `k` (the next one), in the `slot` that
    /// [`ShortWords::find`] gave for it.
    pub fn insert(&mut self, p: u128, k: u32, slot: usize) {
        self.note(k, p);
        self.slots[slot] = k;
        self.len += 1;
        // Half full at most, so a probe meets an empty slot soon.
        if 2 * self.len > self.slots.len() {
            self.grow();
        }
    }

    /// Records the packed word of memo index `k`.
    fn note(&mut self, k: u32, p: u128) {
        // a slip here would hand one word another's memo entry, silently: checked in release
        // too, once per new word
        assert_eq!(
            k as usize,
            self.packed.len(),
            "memo indices and packed words in step"
        );
        self.packed.push(p);
    }

    /// Doubles the slots (or gives a table started smaller for a short text [`FIRST_SLOTS`],
    /// so that a long stream of texts after it has the words filed again once, not at every
    /// doubling) and files every word again.
    fn grow(&mut self) {
        let slots = (2 * self.slots.len()).max(FIRST_SLOTS);
        self.slots.clear();
        self.slots.resize(slots, EMPTY);
        for (k, &p) in self.packed.iter().enumerate() {
            if p == 0 {
                continue;
            }
            let mut s = Self::home(p, slots);
            while self.slots[s] != EMPTY {
                s = (s + 1) & (slots - 1);
            }
            self.slots[s] = k as u32;
        }
    }

    /// Forgets every word, keeping slots for `expected` words ([`FIRST_SLOTS`] at most: a
    /// table grown past that by one long sentence gives its room back, since the thread keeps
    /// it for good otherwise). A short text expects few words: slots for the many of a long
    /// one were written empty in a tenth of the run of a one-sentence article.
    pub fn clear(&mut self, expected: usize) {
        let slots = slots_for(expected, FIRST_SLOTS);
        if self.slots.len() != slots {
            self.slots = vec![EMPTY; slots];
        } else if self.len > 0 {
            // (a table no word was added to is empty already)
            self.slots.fill(EMPTY);
        }
        self.packed.clear();
        self.packed.shrink_to(2 * FIRST_SLOTS);
        self.len = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_words_are_told_apart_wherever_they_stand() {
        let words = [
            "a",
            "ab",
            "a\u{0}",
            "\u{0}a",
            "Ab",
            "said",
            "Zürich",
            "abcdefghijklmno",
        ];
        let mut seen = Vec::new();
        for w in words {
            // At the text's end (the word copied) and before more text (read in place).
            let alone = packed_short_word(w.as_bytes(), &(0..w.len()));
            let text = format!("{w} and more text after it");
            assert_eq!(
                packed_short_word(text.as_bytes(), &(0..w.len())),
                alone,
                "{w:?}"
            );
            let p = alone.expect("short");
            assert!(!seen.contains(&p), "{w:?}");
            seen.push(p);
        }
        assert_eq!(packed_short_word(b"abcdefghijklmnop", &(0..16)), None);
    }

    #[test]
    fn every_word_is_found_again_as_the_table_grows() {
        let mut t = ShortWords::default();
        let words: Vec<u128> = (1..40_000u128)
            .map(|i| (i * 0x1_0000_0001) | (1 << 120))
            .collect();
        for (k, &p) in words.iter().enumerate() {
            if k % 7 == 0 {
                t.push_other(t.packed.len() as u32);
            }
            let k = t.packed.len() as u32;
            match t.find(p) {
                Ok(_) => panic!("{p} found before it was added"),
                Err(slot) => t.insert(p, k, slot),
            }
        }
        for &p in &words {
            let k = t.find(p).expect("added");
            assert_eq!(t.packed[k as usize], p);
        }
        assert!(t.find(5).is_err());
        t.clear(usize::MAX);
        assert!(t.find(words[0]).is_err());
        assert_eq!(t.slots.len(), FIRST_SLOTS);
        t.clear(10);
        assert_eq!(t.slots.len(), 32);
        t.push_other(0);
        // found again as the small table grows
        for (k, &p) in words[..1_000].iter().enumerate() {
            let slot = t.find(p).expect_err("cleared");
            t.insert(p, k as u32 + 1, slot);
            if k == 16 {
                // grown at once to the usual first size
                assert_eq!(t.slots.len(), FIRST_SLOTS);
            }
        }
        for (k, &p) in words[..1_000].iter().enumerate() {
            assert_eq!(t.find(p), Ok(k as u32 + 1));
        }
    }
}
