//! A decision's pattern ([`super::keys::Pattern`]) as one 128-bit number, the key of the
//! thread's memo of pattern sums. The pattern's fields are hashes (of shapes, gazetteer kinds),
//! nine words to hash and compare for every decision; here each is a small id instead: a
//! word's id in the thread's table of shapes and given-name codes met, a gazetteer column's
//! code, and the few values of the others, packed side by side so that the hash and the
//! compare are two words.
//!
//! Two patterns pack to the same key only when every field is equal: each field has bits of
//! its own, wide enough for every value it takes (checked as it is packed, and a test unpacks
//! the extremes). Equal ids mean equal hashes, so equal keys mean equal patterns and the same
//! sums.

use super::{PAD_AFTER, PAD_BEFORE};
use crate::extract::actors::gazetteer::{GAZETTEER, GazMatch};
use crate::extract::nlp::hash;
use crate::model::ActorKind;
use std::ops::Range;

/// A gazetteer column's code: [`NONE`] outside a gazetteer name, [`BEFORE`] and [`AFTER`] in
/// the padding, and for a name of kind `k` (`ActorKind as u8`) `3 + 2k`, plus one on the name's
/// first token.
pub(super) type GazCode = u8;
pub(super) const NONE: GazCode = 0;
pub(super) const BEFORE: GazCode = 1;
pub(super) const AFTER: GazCode = 2;

// Every code fits its byte.
const _: () = assert!(3 + 2 * ActorKind::ALL.len() <= 1 << 8);

/// The code of a token of a name of `kind`, on its first token as `first` says.
fn kind_code(kind: ActorKind, first: bool) -> GazCode {
    3 + 2 * kind as u8 + u8::from(first)
}

/// The gazetteer column's value (the hash of the name's kind, its low bit flipped on the
/// name's first token, or a padding value) of `code`.
pub(super) fn gaz_value(code: GazCode) -> u64 {
    match code {
        NONE => 0,
        BEFORE => PAD_BEFORE,
        AFTER => PAD_AFTER,
        c => {
            let kind = ActorKind::ALL[usize::from((c - 3) / 2)];
            hash::bytes(kind.as_str().as_bytes()) ^ u64::from((c - 3) & 1)
        }
    }
}

/// The gazetteer column's codes of `tokens` and the gazetteer's matches `gaz` into `out`,
/// padded as the columns are (two [`BEFORE`], a code per token, two [`AFTER`]).
pub(super) fn gazetteer_codes(tokens: &[Range<usize>], gaz: &[GazMatch], out: &mut Vec<GazCode>) {
    out.clear();
    out.extend([BEFORE, BEFORE]);
    out.resize(tokens.len() + 2, NONE);
    out.extend([AFTER, AFTER]);
    for m in gaz {
        let kind = GAZETTEER.kind(m.entry);
        // The tokens inside the name follow one another from the first that starts in it:
        // tokens ascend and do not overlap, so the first to end past it ends the run.
        let from = tokens.partition_point(|r| r.start < m.range.start);
        for (i, r) in tokens.iter().enumerate().skip(from) {
            if r.end > m.range.end {
                break;
            }
            out[i + 2] = kind_code(kind, r.start == m.range.start);
        }
    }
}

/// The given-name column's code of `given` (0, 1 or a padding value).
pub(super) fn given_code(given: u64) -> u8 {
    match given {
        0 | 1 => given as u8,
        PAD_BEFORE => 2,
        PAD_AFTER => 3,
        _ => panic!("not a given-name column value: {given:#x}"),
    }
}

/// The small ids of one decision's pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Ids {
    /// The ids of the word before, the word and the word after: of each one's shape and
    /// given-name code together, so that the word before's id holds its given-name code (the
    /// other two words' codes make the key finer than the pattern, never coarser).
    pub words: [u32; 3],
    /// The label before, as [`super::previous`] gives it: a label, or 0x100 at a sentence
    /// start (`first`).
    pub y1: u64,
    /// The gazetteer codes before, at and after the word, a byte each from the lowest (read
    /// from the column as one number).
    pub gaz: u32,
    /// How the sentence capitalises (0, 1 or 2).
    pub caps: u64,
    pub first: bool,
    pub in_run: bool,
}

/// Where the fields of the key's high word begin; the low word holds the ids of the word
/// (low half) and the word before. The fields that vary most are in the low bits of each word:
/// the memo's hash (Fx) takes its 7-bit tag from bits the top of the two words do not reach,
/// and with the word after's id low here most look-ups probed several entries of equal tag.
const Y1_AT: u32 = 24;
const FIRST_AT: u32 = 28;
const CAPS_AT: u32 = 29;
const RUN_AT: u32 = 31;
const N1_AT: u32 = 32;

impl Ids {
    /// The key: each field in bits of its own. The label before is kept as its low four bits
    /// and `first`, which is the label's 0x100 bit. Panics on a field wider than its bits
    /// (none is: see the fields), rather than let two patterns share a key.
    #[inline]
    pub fn pack(&self) -> u128 {
        let [m1, w, n1] = self.words.map(u64::from);
        assert!(
            self.y1 & !0xf == u64::from(self.first) << 8 && self.caps < 4 && self.gaz < 1 << 24
        );
        let high = u64::from(self.gaz)
            | (self.y1 & 0xf) << Y1_AT
            | u64::from(self.first) << FIRST_AT
            | self.caps << CAPS_AT
            | u64::from(self.in_run) << RUN_AT
            | n1 << N1_AT;
        u128::from(w | m1 << 32) | u128::from(high) << 64
    }

    /// The fields of `key` (the inverse of [`Ids::pack`], for the test that holds it
    /// one-to-one).
    #[cfg(test)]
    fn unpack(key: u128) -> Self {
        let (low, high) = (key as u64, (key >> 64) as u64);
        let bits = |at: u32, n: u32| (high >> at) & ((1 << n) - 1);
        let first = bits(FIRST_AT, 1) == 1;
        Self {
            words: [(low >> 32) as u32, low as u32, (high >> N1_AT) as u32],
            y1: bits(Y1_AT, 4) | u64::from(first) << 8,
            gaz: bits(0, 24) as u32,
            caps: bits(CAPS_AT, 2),
            first,
            in_run: bits(RUN_AT, 1) == 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_numbered_as_listed() {
        for (i, k) in ActorKind::ALL.iter().enumerate() {
            assert_eq!(*k as usize, i);
        }
    }

    #[test]
    fn codes_give_distinct_values_and_the_column_hashes() {
        let mut codes = vec![NONE, BEFORE, AFTER];
        for k in ActorKind::ALL {
            for first in [false, true] {
                let c = kind_code(k, first);
                let want = hash::bytes(k.as_str().as_bytes()) ^ u64::from(first);
                assert_eq!(gaz_value(c), want);
                codes.push(c);
            }
        }
        let mut values: Vec<u64> = codes.iter().map(|&c| gaz_value(c)).collect();
        values.sort();
        values.dedup();
        assert_eq!(values.len(), codes.len());
        for (v, c) in [(0, 0), (1, 1), (PAD_BEFORE, 2), (PAD_AFTER, 3)] {
            assert_eq!(given_code(v), c);
        }
    }

    /// Every field at its extremes and beside them, alone and together: the key unpacks to
    /// the fields it was packed from, so no two patterns share one.
    #[test]
    fn keys_are_one_to_one() {
        let words = [0, 1, 2, u32::MAX - 1, u32::MAX];
        let gaz = [0, 1, 0x10_0203, 0xff_ffff, 0xff_0000, 0x00_ff00];
        let mut seen = std::collections::HashSet::new();
        for (k, &g) in gaz.iter().enumerate() {
            for &m1 in &words {
                for y1 in [0, 1, 8, 15, 0x100] {
                    for caps in 0..4 {
                        for in_run in [false, true] {
                            let ids = Ids {
                                words: [m1, words[k % 5], words[(k + 2) % 5]],
                                y1,
                                gaz: g,
                                caps,
                                first: y1 == 0x100,
                                in_run,
                            };
                            let key = ids.pack();
                            assert_eq!(Ids::unpack(key), ids);
                            assert!(seen.insert(key), "{ids:?}");
                        }
                    }
                }
            }
        }
    }

    fn ids(y1: u64, first: bool, gaz: u32) -> Ids {
        Ids {
            words: [0; 3],
            y1,
            gaz,
            caps: 0,
            first,
            in_run: false,
        }
    }

    #[test]
    #[should_panic]
    fn a_label_too_wide_is_refused() {
        ids(16, false, 0).pack();
    }

    #[test]
    #[should_panic]
    fn a_sentence_start_not_marked_first_is_refused() {
        ids(0x100, false, 0).pack();
    }

    #[test]
    #[should_panic]
    fn a_first_word_without_the_start_label_is_refused() {
        ids(0, true, 0).pack();
    }

    #[test]
    #[should_panic]
    fn a_fourth_gazetteer_code_is_refused() {
        ids(0, false, 1 << 24).pack();
    }
}
