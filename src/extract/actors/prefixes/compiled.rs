//! The table of names as the gazetteer's `compiled.bin` carries it ([`Compiled`]), read
//! without sorting or linking its keys again ([`Prefixes::of_compiled`]).

use super::{NO_KEY, Prefixes};
use crate::extract::actors::number_set::NumberSet;

/// The parts of a table of names as `compiled.bin` holds them (see
/// `scripts/build_gazetteer.py`), each a run of little-endian numbers: per key in key order
/// (start in `bytes`, length, pattern) as three 32-bit numbers, its head (its first eight
/// bytes as a big-endian number) as a 64-bit one, its [`Prefixes::shorter`] link as a 32-bit
/// one; the slots of the set of first words (see [`NumberSet::from_slots`]) as 64-bit
/// numbers; and the keys' bytes.
pub(crate) struct Compiled<'a> {
    pub(crate) keys: &'a [u8],
    pub(crate) heads: &'a [u8],
    pub(crate) shorter: &'a [u8],
    pub(crate) first_words: &'a [u8],
    pub(crate) bytes: &'a [u8],
}

/// The `i`th 32-bit little-endian number of `bytes`.
fn number32(bytes: &[u8], i: usize) -> u32 {
    u32::from_le_bytes([
        bytes[4 * i],
        bytes[4 * i + 1],
        bytes[4 * i + 2],
        bytes[4 * i + 3],
    ])
}

/// Eight bytes as a little-endian number.
fn number64(eight: &[u8]) -> u64 {
    let mut bytes = [0; 8];
    bytes.copy_from_slice(eight);
    u64::from_le_bytes(bytes)
}

impl Prefixes {
    /// The table `scripts/build_gazetteer.py` wrote into the gazetteer's `compiled.bin` for
    /// `patterns` patterns, in its parts as [`Compiled`] lists them. The script sorts and
    /// links the keys as [`Prefixes::new`] does, and `compiled.bin` is only read when made
    /// from the tables embedded with it, so the parts are not checked beyond what keeps the
    /// table's reads in bounds (a test holds the shipped table to the sort): sorting and
    /// linking ~37k names was a quarter of the start-up. `None` when out of bounds.
    pub(crate) fn of_compiled(parts: &Compiled, patterns: usize) -> Option<Self> {
        let keys: Vec<(u32, u32, u32)> = parts
            .keys
            .chunks_exact(12)
            .map(|row| (number32(row, 0), number32(row, 1), number32(row, 2)))
            .collect();
        let n = keys.len();
        let heads: Vec<u64> = parts.heads.chunks_exact(8).map(number64).collect();
        let shorter: Vec<u32> = parts
            .shorter
            .chunks_exact(4)
            .map(|n| number32(n, 0))
            .collect();
        let first_words = parts.first_words.chunks_exact(8).map(number64).collect();
        let in_bounds = heads.len() == n
            && shorter.len() == n
            && keys.iter().all(|&(start, len, pattern)| {
                (start as usize)
                    .checked_add(len as usize)
                    .is_some_and(|end| end <= parts.bytes.len())
                    && (pattern as usize) < patterns
            })
            && shorter.iter().all(|&p| p == NO_KEY || (p as usize) < n);
        if !in_bounds {
            return None;
        }
        let longest = keys.iter().map(|k| k.1 as usize).max().unwrap_or(0);
        Some(Self::of_parts(
            parts.bytes.to_vec(),
            keys,
            heads,
            longest,
            shorter,
            Some(NumberSet::from_slots(first_words)?),
        ))
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
        let le32 = |numbers: &mut dyn Iterator<Item = u32>| -> Vec<u8> {
            numbers.flat_map(u32::to_le_bytes).collect()
        };
        let keys = le32(&mut sorted.keys.iter().flat_map(|&(a, b, c)| [a, b, c]));
        let heads: Vec<u8> = sorted.heads.iter().flat_map(|h| h.to_le_bytes()).collect();
        let shorter = le32(&mut sorted.shorter.iter().copied());
        let first_words: Vec<u8> = (sorted.first_words.slots().iter())
            .flat_map(|k| k.to_le_bytes())
            .collect();
        let parts = Compiled {
            keys: &keys,
            heads: &heads,
            shorter: &shorter,
            first_words: &first_words,
            bytes: &sorted.bytes,
        };
        let read = Prefixes::of_compiled(&parts, patterns.len()).expect("in bounds");
        assert!(read.same_as(&sorted));
        // a link, a key or a pattern beyond the table is refused rather than read
        let mut bad_link = shorter.clone();
        bad_link[..4].copy_from_slice(&99u32.to_le_bytes());
        let bad = Compiled {
            shorter: &bad_link,
            ..parts
        };
        assert!(Prefixes::of_compiled(&bad, patterns.len()).is_none());
        let short = &sorted.bytes[..sorted.bytes.len() - 1];
        assert!(
            Prefixes::of_compiled(
                &Compiled {
                    bytes: short,
                    ..parts
                },
                patterns.len()
            )
            .is_none()
        );
        assert!(Prefixes::of_compiled(&parts, patterns.len() - 1).is_none());
        let no_heads = Compiled {
            heads: &heads[8..],
            ..parts
        };
        assert!(Prefixes::of_compiled(&no_heads, patterns.len()).is_none());
    }
}
