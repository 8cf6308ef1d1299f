//! Finding the bytes a JSON string escapes (a quote, a backslash, a control byte) without
//! reading the string a byte at a time: nearly no string holds one, and the news quotes that
//! do hold a quotation mark or two in a few hundred bytes.

use crate::eight_bytes::{HIGHS, ONES, any_in_block, word, zero_bytes};

/// Whether JSON escapes `b`.
#[inline(always)]
fn is_special(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// The high bit of the first byte of `v` (eight bytes, the first the lowest) that JSON
/// escapes, and perhaps of bytes above it: zero exactly when none is escaped. A borrow of the
/// subtractions only ever runs up from a byte that is flagged rightly.
#[inline(always)]
fn specials(v: u64) -> u64 {
    // bytes below 0x20, then bytes equal to a quote or a backslash (zero once XOR-ed with it)
    (v.wrapping_sub(ONES * 0x20) & !v & HIGHS)
        | zero_bytes(v ^ (ONES * u64::from(b'"')))
        | zero_bytes(v ^ (ONES * u64::from(b'\\')))
}

/// Whether a string holds a byte JSON escapes. Sixteen bytes at a time, all of them read,
/// the last sixteen read again rather than one by one; a string shorter than that (an id, a
/// name) as one or two words of eight. Nearly no string holds such a byte, so no chunk is
/// worth an exit of its own: with none, a chunk costs a handful of vector instructions and
/// the loop no call (an exit per chunk made it a call to `Iterator::any` of twice the cost;
/// testing every byte left up to fifteen of each string to a byte loop).
#[inline(always)]
pub(super) fn needs_escape(bytes: &[u8]) -> bool {
    let len = bytes.len();
    if len >= 16 {
        let (chunks, _) = bytes.as_chunks::<16>();
        let (last, _) = bytes[len - 16..].as_chunks::<16>();
        let mut found = false;
        for sixteen in chunks.iter().chain(last) {
            found |= any_special(sixteen);
        }
        return found;
    }
    if len >= 8 {
        return specials(word(&bytes[..8])) | specials(word(&bytes[len - 8..])) != 0;
    }
    bytes.iter().any(|&b| is_special(b))
}

/// Whether sixteen bytes hold one JSON escapes, tested all at once ([`any_in_block`]).
#[inline(always)]
fn any_special(sixteen: &[u8; 16]) -> bool {
    any_in_block(sixteen, is_special)
}

/// The first byte at or after `from` that JSON escapes, read eight bytes at a time.
pub(super) fn next_special(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(eight) = bytes.get(at..at + 8) {
        let found = specials(word(eight));
        if found != 0 {
            return Some(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    let rest = bytes.get(at..)?;
    rest.iter().position(|&b| is_special(b)).map(|k| at + k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_bytes_are_found_wherever_they_sit() {
        for len in 0..56 {
            let mut bytes = vec![b'a'; len];
            assert!(!needs_escape(&bytes));
            assert_eq!(next_special(&bytes, 0), None);
            for at in 0..len {
                for b in 0..=255u8 {
                    bytes[at] = b;
                    assert_eq!(needs_escape(&bytes), is_special(b), "{len} {at} {b}");
                    let first = is_special(b).then_some(at);
                    assert_eq!(next_special(&bytes, 0), first, "{len} {at} {b}");
                    assert_eq!(next_special(&bytes, at), first, "{len} {at} {b}");
                    assert_eq!(next_special(&bytes, at + 1), None, "{len} {at} {b}");
                }
                bytes[at] = b'a';
            }
        }
    }
}
