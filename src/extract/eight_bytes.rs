//! Reading a text eight bytes at a time: the scans that pass over runs of ordinary bytes
//! (a word's letters, the stretch before the next "h" or tab, the bytes before a capital) test
//! all eight bytes of one number at once. The actor scans look for a few bytes again and again
//! in short stretches, where setting up a general search for each, or testing a byte at a time,
//! cost more than what is found there; the events and time-expression word scans pass over
//! letters. The arithmetic itself is the crate's `eight_bytes`; each scan here says only what it
//! stops at.

pub(crate) use crate::eight_bytes::{
    HIGHS, ONES, any_in_block, in_range, skip_clear_blocks, zero_bytes,
};

/// Eight bytes of `bytes` from `at` as one number, the first in the lowest byte; `None` when
/// fewer than eight are left.
#[inline(always)]
pub(crate) fn eight_at(bytes: &[u8], at: usize) -> Option<u64> {
    let eight = bytes.get(at..at.checked_add(8)?)?;
    let mut word = [0; 8];
    word.copy_from_slice(eight);
    Some(u64::from_le_bytes(word))
}

/// The `i`th of the four-byte little-endian numbers `bytes` holds (the shipped tables'
/// numbers, as `scripts/build_gazetteer.py` writes them). Read as one fixed-size array, which
/// is one load; the caller has checked that `bytes` holds it.
#[inline]
pub(crate) fn number32(bytes: &[u8], i: usize) -> u32 {
    let b = &bytes[4 * i..4 * i + 4];
    u32::from_le_bytes([b[0], b[1], b[2], b[3]])
}

/// The high bit of exactly each byte of `eight` (any bytes) equal to `byte`, with no borrow
/// between bytes (a byte's low seven bits plus 0x7f stay within it): the highest flag is the
/// last such byte as well as the lowest the first, which [`zero_bytes`] does not promise.
#[inline(always)]
pub(crate) const fn equal_bytes(eight: u64, byte: u8) -> u64 {
    let diff = eight ^ (ONES * byte as u64);
    !(((diff & !HIGHS) + !HIGHS) | diff) & HIGHS
}

/// The high bit of each byte of `v` (any bytes) that is not an ASCII letter: OR-ing 0x20 maps
/// exactly the ASCII letters into `a..=z`, and a byte whose own high bit is set is no letter.
#[inline(always)]
pub(crate) const fn non_letters(v: u64) -> u64 {
    let lower = v | (0x20 * ONES);
    let letters = in_range(lower & !HIGHS, b'a', b'z') & !lower;
    !letters & HIGHS
}

/// Eight bytes with their ASCII capitals lower-cased (0x20 added to each byte in `A..=Z`);
/// any other byte, one of a non-ASCII character too, is left as it is.
#[inline(always)]
pub(crate) fn ascii_lower_eight(eight: u64) -> u64 {
    // flags the ASCII capitals by their high bit (a byte that had the high bit is no capital)
    let capitals = in_range(eight & !HIGHS, b'A', b'Z') & !eight;
    eight | (capitals >> 2)
}

/// The first `byte` (ASCII) in `bytes` at or after `from`, read eight bytes at a time. The
/// pronoun and description scans stop at every "h" of every sentence: `str::find` set up a
/// searcher and a `memchr` call for each, which cost more than the tests made there. The
/// gazetteer's tables are split at their tabs with it.
pub(crate) fn find_byte(bytes: &[u8], from: usize, byte: u8) -> Option<usize> {
    let wanted = u64::from_ne_bytes([byte; 8]);
    let found = |eight: u64| {
        // a zero byte of the difference is a `byte` of the text
        zero_bytes(eight ^ wanted)
    };
    first_flagged(bytes, from, found, |b| b == byte)
}

/// The pieces of `text` between its `separator`s (an ASCII byte), as `str::split` gives them,
/// the separators found eight bytes at a time: `split` and `lines` set up a searcher for each
/// call, which the gazetteer's ~26k lines and ~70k lists of aliases paid at every start.
pub(crate) fn pieces(text: &str, separator: u8) -> impl Iterator<Item = &str> {
    let mut from = Some(0);
    std::iter::from_fn(move || {
        let start = from?;
        match find_byte(text.as_bytes(), start, separator) {
            Some(end) => {
                from = Some(end + 1);
                Some(&text[start..end])
            }
            None => {
                from = None;
                Some(&text[start..])
            }
        }
    })
}

/// The first byte at or after `from` where the gazetteer's scan may find a name: an ASCII
/// capital or digit, or any byte of a character other than ASCII.
pub(crate) fn find_name_start(bytes: &[u8], from: usize) -> Option<usize> {
    let found = |eight: u64| {
        // the high bit cleared for the range tests; a byte that had it is flagged anyway
        let low = eight & !HIGHS;
        (eight & HIGHS) | in_range(low, b'0', b'9') | in_range(low, b'A', b'Z')
    };
    first_flagged(bytes, from, found, may_start_name)
}

/// The first byte at or after `from` that `flags` marks (by the high bit of its byte in the
/// number it makes of eight bytes, with no byte before a marked one marked wrongly), read
/// eight bytes at a time; `is` decides for the last few bytes, one at a time.
#[inline(always)]
pub(crate) fn first_flagged(
    bytes: &[u8],
    from: usize,
    flags: impl Fn(u64) -> u64,
    is: impl Fn(u8) -> bool,
) -> Option<usize> {
    let mut at = from;
    while let Some(eight) = eight_at(bytes, at) {
        let found = flags(eight);
        if found != 0 {
            return Some(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    bytes.get(at..)?.iter().position(|&b| is(b)).map(|k| at + k)
}

/// For the scans' tests: that `flags` marks first, in every place of eight bytes of `plain`
/// (bytes `wanted` does not want), exactly each byte `wanted` wants.
#[cfg(test)]
pub(crate) fn check_first_flags(
    flags: impl Fn(u64) -> u64,
    wanted: impl Fn(u8) -> bool,
    plain: [u8; 8],
) {
    for b in 0..=255u8 {
        for at in 0..8 {
            let mut chunk = plain;
            chunk[at] = b;
            let found = flags(u64::from_le_bytes(chunk));
            let first = (found != 0).then(|| (found.trailing_zeros() / 8) as usize);
            assert_eq!(first, wanted(b).then_some(at), "{b:#x} at {at}");
        }
    }
}

/// Whether the gazetteer's scan stops at byte `b` (see [`find_name_start`]).
fn may_start_name(b: u8) -> bool {
    b.is_ascii_uppercase() || b.is_ascii_digit() || !b.is_ascii()
}

#[cfg(test)]
mod tests {
    use super::{find_byte, find_name_start, in_range, may_start_name, non_letters};

    #[test]
    fn range_and_letter_tests_flag_exactly_their_bytes_in_every_place() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut chunk = *b"........";
                chunk[at] = b;
                let x = u64::from_le_bytes(chunk);
                let flagged = |mask: u64| (mask >> (8 * at)) & 0x80 != 0;
                assert_eq!(flagged(non_letters(x)), !b.is_ascii_alphabetic(), "{b:#x}");
                if b.is_ascii() {
                    for (lo, hi) in [(b'0', b'9'), (b'A', b'Z'), (b'a', b'z'), (0, 0x7f)] {
                        assert_eq!(flagged(in_range(x, lo, hi)), (lo..=hi).contains(&b));
                    }
                }
            }
        }
    }

    #[test]
    fn every_occurrence_is_found_in_order_across_the_eight_byte_steps() {
        let text = b"the shepherd\tsaid he would; h\xc3\xa9h at the very end: h";
        for byte in [b'h', b'\t', b'x', b'e'] {
            let mut ours = Vec::new();
            let mut from = 0;
            while let Some(at) = find_byte(text, from, byte) {
                ours.push(at);
                from = at + 1;
            }
            let all: Vec<usize> = (0..text.len()).filter(|&i| text[i] == byte).collect();
            assert_eq!(ours, all, "{}", char::from(byte));
        }
        assert_eq!(find_byte(b"abc", 3, b'a'), None);
        assert_eq!(find_byte(b"abc", 9, b'a'), None);
    }

    #[test]
    fn name_starts_are_every_capital_digit_and_other_character_byte() {
        let mut text: Vec<u8> = (0..=255u8).collect();
        text.extend_from_slice("the Kremlin said, 2015 and Zürich é @[`{ 9/11 x".as_bytes());
        text.extend((0..=255u8).rev());
        for from in 0..20 {
            let mut ours = Vec::new();
            let mut at = from;
            while let Some(found) = find_name_start(&text, at) {
                ours.push(found);
                at = found + 1;
            }
            let all: Vec<usize> = (from..text.len())
                .filter(|&i| may_start_name(text[i]))
                .collect();
            assert_eq!(ours, all, "from {from}");
        }
    }
}
