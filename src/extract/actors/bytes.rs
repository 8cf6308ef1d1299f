//! Finding bytes in a text eight at a time. The actor scans look for a few bytes ("h" for
//! the pronoun and description scans, tabs in the gazetteer's tables, where a name may start
//! for the gazetteer) again and again in short stretches, where setting up a general search
//! for each, or testing a byte at a time, cost more than what is found there.

const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);

/// Eight bytes of `bytes` from `at` as one number, the first in the lowest byte; `None` when
/// fewer than eight are left.
fn eight_at(bytes: &[u8], at: usize) -> Option<u64> {
    let eight = bytes.get(at..at.checked_add(8)?)?;
    let mut word = [0; 8];
    word.copy_from_slice(eight);
    Some(u64::from_le_bytes(word))
}

/// The first `byte` (ASCII) in `bytes` at or after `from`, read eight bytes at a time. The
/// pronoun and description scans stop at every "h" of every sentence: `str::find` set up a
/// searcher and a `memchr` call for each, which cost more than the tests made there. The
/// gazetteer's tables are split at their tabs with it.
pub(super) fn find_byte(bytes: &[u8], from: usize, byte: u8) -> Option<usize> {
    let wanted = u64::from_ne_bytes([byte; 8]);
    let found = |eight: u64| {
        // a zero byte of `x` is a `byte` of the text; the lowest flagged byte is the first
        // zero (a borrow only ever flags bytes above a real zero)
        let x = eight ^ wanted;
        x.wrapping_sub(ONES) & !x & HIGHS
    };
    first_flagged(bytes, from, found, |b| b == byte)
}

/// The first byte at or after `from` where the gazetteer's scan may find a name: an ASCII
/// capital or digit, or any byte of a character other than ASCII.
pub(super) fn find_name_start(bytes: &[u8], from: usize) -> Option<usize> {
    let found = |eight: u64| {
        // per byte, with its high bit cleared (so no sum carries into the next byte), the
        // high bit of `low + (0x80 - c)` says whether `low >= c`
        let low = eight & !HIGHS;
        let at_least = |c: u8| (low + u64::from_ne_bytes([0x80 - c; 8])) & HIGHS;
        let digit = at_least(b'0') & !at_least(b'9' + 1);
        let capital = at_least(b'A') & !at_least(b'Z' + 1);
        (eight & HIGHS) | digit | capital
    };
    first_flagged(bytes, from, found, may_start_name)
}

/// The first byte at or after `from` that `flags` marks (by the high bit of its byte in the
/// number it makes of eight bytes, with no byte before a marked one marked wrongly), read
/// eight bytes at a time; `is` decides for the last few bytes, one at a time.
fn first_flagged(
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

/// Whether the gazetteer's scan stops at byte `b` (see [`find_name_start`]).
fn may_start_name(b: u8) -> bool {
    b.is_ascii_uppercase() || b.is_ascii_digit() || !b.is_ascii()
}

#[cfg(test)]
mod tests {
    use super::{find_byte, find_name_start, may_start_name};

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
