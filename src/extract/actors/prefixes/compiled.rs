//! The table of names as the gazetteer's `compiled.bin` carries it ([`Compiled`]), read in
//! place ([`Prefixes::of_compiled`]): its parts are runs of little-endian numbers
//! ([`Numbers`]) that a query decodes as it reads them, so a start neither sorts nor links
//! the keys again, nor copies them into fresh memory.

use std::borrow::Cow;

use super::Prefixes;
use crate::extract::actors::number_set::{NumberSet, home_slot};
use crate::extract::eight_bytes::number32;

/// The parts of a table of names as `compiled.bin` holds them (see
/// `scripts/build_gazetteer.py`), each a run of little-endian numbers: per key in key order
/// (start in `bytes`, length, pattern) as three 32-bit numbers, its head (its first eight
/// bytes as a big-endian number) as a 64-bit one, its [`Prefixes::shorter`] link as a 32-bit
/// one; the slots of the set of first words (see [`FirstWords`]) as 64-bit numbers; per
/// two-byte bucket its first key as a 32-bit number, and one more for the end; per bucket the
/// length of its longest key as a 16-bit number; and the keys' bytes.
pub(crate) struct Compiled<'a> {
    pub(crate) keys: &'a [u8],
    pub(crate) heads: &'a [u8],
    pub(crate) shorter: &'a [u8],
    pub(crate) first_words: &'a [u8],
    pub(crate) by_two_bytes: &'a [u8],
    pub(crate) longest_in: &'a [u8],
    pub(crate) bytes: &'a [u8],
}

/// A run of `W`-byte little-endian numbers: borrowed from `compiled.bin`, or made at run time
/// for a table sorted then (tables edited by hand, tests).
#[derive(PartialEq, Debug)]
pub(super) struct Numbers<const W: usize>(Cow<'static, [u8]>);

impl<const W: usize> Numbers<W> {
    /// The numbers as `bytes` holds them; `None` when its length is no multiple of `W`.
    fn shipped(bytes: &'static [u8]) -> Option<Self> {
        bytes
            .len()
            .is_multiple_of(W)
            .then_some(Self(Cow::Borrowed(bytes)))
    }

    /// `numbers`, each written in `W` bytes (the caller's numbers fit in them).
    pub(super) fn made(numbers: impl IntoIterator<Item = u64>) -> Self {
        let bytes = (numbers.into_iter()).flat_map(|n| n.to_le_bytes().into_iter().take(W));
        Self(Cow::Owned(bytes.collect()))
    }

    /// How many numbers.
    pub(super) fn len(&self) -> usize {
        self.0.len() / W
    }

    /// The `i`th number.
    #[inline]
    pub(super) fn get(&self, i: usize) -> u64 {
        const { assert!(W == 2 || W == 4 || W == 8) };
        let b = &self.0[W * i..W * i + W];
        // arrays of a fixed size, each one load (copying `W` bytes into eight called `memcpy`
        // for every number)
        match W {
            2 => u64::from(u16::from_le_bytes([b[0], b[1]])),
            4 => u64::from(number32(&self.0, i)),
            _ => u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]),
        }
    }

    #[cfg(test)]
    fn iter(&self) -> impl Iterator<Item = u64> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }
}

/// The set of the keys' first words: the slots of a [`NumberSet`] (0 for an empty slot, a
/// power of two of them, at least 16), as `scripts/build_gazetteer.py` writes them or as a
/// [`NumberSet`] filled here leaves them.
pub(super) struct FirstWords {
    slots: Numbers<8>,
    /// 64 minus the base-2 logarithm of the number of slots, as [`NumberSet`] keeps it.
    shift: u32,
}

impl FirstWords {
    /// The set of `slots`; `None` when their number does not fit.
    fn shipped(slots: &'static [u8]) -> Option<Self> {
        let slots = Numbers::shipped(slots)?;
        let size = slots.len();
        (size.is_power_of_two() && size >= 16).then(|| Self {
            shift: 64 - size.trailing_zeros(),
            slots,
        })
    }

    /// The set `set` holds.
    pub(super) fn made(set: NumberSet) -> Self {
        let size = set.slots().len();
        Self {
            slots: Numbers::made(set.slots().iter().copied()),
            shift: 64 - size.trailing_zeros(),
        }
    }

    /// Whether `key` is in the set, probed as [`NumberSet::contains`] probes.
    pub(super) fn contains(&self, key: u64) -> bool {
        if key == 0 {
            return false;
        }
        let mask = self.slots.len() - 1;
        let mut i = home_slot(key, self.shift);
        // a set at most half full has a free slot within reach; the bound only keeps a full
        // one (none is written) from looping
        for _ in 0..=mask {
            match self.slots.get(i) {
                0 => return false,
                k if k == key => return true,
                _ => i = (i + 1) & mask,
            }
        }
        false
    }

    /// Whether two sets hold the same keys.
    #[cfg(test)]
    pub(super) fn same_keys(&self, other: &Self) -> bool {
        let keys = |set: &Self| {
            let mut keys: Vec<u64> = set.slots.iter().filter(|&k| k != 0).collect();
            keys.sort_unstable();
            keys
        };
        keys(self) == keys(other)
    }
}

/// The number of two-byte buckets.
const BUCKETS: usize = 1 << 16;

impl Prefixes {
    /// The table `scripts/build_gazetteer.py` wrote into the gazetteer's `compiled.bin` for
    /// `patterns` patterns, in its parts as [`Compiled`] lists them, read where it lies. The
    /// script sorts and links the keys as [`Prefixes::new`] does, and `compiled.bin` is only
    /// read when made from the tables embedded with it, so the parts are not checked beyond
    /// what keeps the table's reads in bounds (a test holds the shipped table to the sort):
    /// sorting and linking ~37k names was a quarter of the start-up, and copying them out
    /// ~450 page faults. `None` when out of bounds.
    pub(crate) fn of_compiled(parts: &Compiled<'static>, patterns: usize) -> Option<Self> {
        let keys = Numbers::<4>::shipped(parts.keys)?;
        let heads = Numbers::<8>::shipped(parts.heads)?;
        let shorter = Numbers::<4>::shipped(parts.shorter)?;
        let by_two_bytes = Numbers::<4>::shipped(parts.by_two_bytes)?;
        let longest_in = Numbers::<2>::shipped(parts.longest_in)?;
        let n = heads.len();
        let in_bounds = keys.len() == 3 * n
            && shorter.len() == n
            && by_two_bytes.len() == BUCKETS + 1
            && longest_in.len() == BUCKETS
            // read straight from the parts, a row at a time: one bounds check per row rather
            // than one per number (this check is most of the table's start-up)
            && (parts.keys.chunks_exact(12)).all(|row| {
                let [start, len, pattern] = [0, 1, 2].map(|i| number32(row, i) as usize);
                start + len <= parts.bytes.len() && pattern < patterns
            })
            && (parts.shorter.chunks_exact(4))
                .map(|p| number32(p, 0))
                .all(|p| p == super::NO_KEY || (p as usize) < n)
            && (parts.by_two_bytes.chunks_exact(4)).all(|k| number32(k, 0) as usize <= n);
        if !in_bounds {
            return None;
        }
        Some(Self {
            bytes: Cow::Borrowed(parts.bytes),
            keys,
            by_two_bytes,
            longest_in,
            heads,
            first_words: FirstWords::shipped(parts.first_words)?,
            shorter,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_read_as_compiled_is_the_table_it_was_written_from() {
        let patterns = [
            "Bank",
            "Bank of England",
            "IS",
            "Azerbaijan",
            "x",
            "Ünion",
            "Banks",
        ];
        let sorted = Prefixes::new(&patterns);
        let leak = |bytes: &[u8]| -> &'static [u8] { bytes.to_vec().leak() };
        let parts = Compiled {
            keys: leak(&sorted.keys.0),
            heads: leak(&sorted.heads.0),
            shorter: leak(&sorted.shorter.0),
            first_words: leak(&sorted.first_words.slots.0),
            by_two_bytes: leak(&sorted.by_two_bytes.0),
            longest_in: leak(&sorted.longest_in.0),
            bytes: leak(&sorted.bytes),
        };
        let read = Prefixes::of_compiled(&parts, patterns.len()).expect("in bounds");
        assert!(read.same_as(&sorted));
        for text in [
            "Bank of England",
            "BANKS",
            "Ünion",
            "x-ray",
            "Azerbaijani",
            "Is",
        ] {
            assert_eq!(
                read.longest_prefix(text.as_bytes()),
                sorted.longest_prefix(text.as_bytes()),
                "{text}"
            );
            assert!(read.may_reach_word_end(text.as_bytes()));
        }
        // a link, a key or a pattern beyond the table is refused rather than read
        // a copy of `bytes` whose first number points far beyond the table
        let first_out_of_range = |bytes: &[u8]| {
            let mut bad = bytes.to_vec();
            bad[..4].copy_from_slice(&99u32.to_le_bytes());
            leak(&bad)
        };
        let bad_link = Compiled {
            shorter: first_out_of_range(parts.shorter),
            ..parts
        };
        assert!(Prefixes::of_compiled(&bad_link, patterns.len()).is_none());
        let short = &parts.bytes[..parts.bytes.len() - 1];
        let no_last_byte = Compiled {
            bytes: short,
            ..parts
        };
        assert!(Prefixes::of_compiled(&no_last_byte, patterns.len()).is_none());
        assert!(Prefixes::of_compiled(&parts, patterns.len() - 1).is_none());
        let no_heads = Compiled {
            heads: &parts.heads[8..],
            ..parts
        };
        assert!(Prefixes::of_compiled(&no_heads, patterns.len()).is_none());
        let bad_bucket = Compiled {
            by_two_bytes: first_out_of_range(parts.by_two_bytes),
            ..parts
        };
        assert!(Prefixes::of_compiled(&bad_bucket, patterns.len()).is_none());
    }

    #[test]
    fn the_shipped_set_of_first_words_answers_as_the_set_it_was_written_from() {
        let mut set = NumberSet::with_capacity(8);
        let keys: Vec<u64> = (1..200u64).map(|k| (k * 0x0101_0101) | (1 << 56)).collect();
        for &k in &keys {
            set.insert(k);
        }
        let made = FirstWords::made(set);
        let shipped = FirstWords::shipped(made.slots.0.to_vec().leak()).expect("fits");
        for k in keys
            .iter()
            .flat_map(|&k| [k, k + 1, k ^ 1 << 57])
            .chain([0])
        {
            let known = keys.contains(&k);
            assert_eq!(made.contains(k), known, "{k:x}");
            assert_eq!(shipped.contains(k), known, "{k:x}");
        }
        assert!(FirstWords::shipped(&[0; 8 * 12]).is_none());
    }
}
