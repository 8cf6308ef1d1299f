//! Reading's scans of a text several bytes at a time: eight (is a paragraph ASCII, does it
//! hold a digit, where is its next capital, on the crate's `eight_bytes` arithmetic) or
//! sixteen (where the next line ends).

use crate::eight_bytes::skip_clear_blocks;
pub(super) use crate::eight_bytes::{HIGHS, any_in_block, in_range, word};

/// Whether `flags` flags a byte of `bytes` (it gives the high bit of each byte it wants, in a
/// read of eight), every read whole: the last read overlaps the one before it rather than
/// leaving the tail to a byte loop. A text shorter than eight bytes is tested with `byte`,
/// which must say what `flags` says of one byte.
#[inline(always)]
pub(super) fn any_flagged(
    bytes: &[u8],
    flags: impl Fn(u64) -> u64,
    byte: impl Fn(&u8) -> bool,
) -> bool {
    let Some(last) = bytes.len().checked_sub(8) else {
        return bytes.iter().any(byte);
    };
    flags(word(&bytes[last..])) != 0 || bytes.chunks_exact(8).any(|eight| flags(word(eight)) != 0)
}

/// The first `\n` of `bytes` at or after `from`. Sixteen bytes are ruled out at a time, all
/// sixteen tested at once ([`any_in_block`]), and only from the sixteen that hold one are the
/// bytes searched one by one: `str::split_inclusive('\n')` went through a general character
/// searcher for every line of every text, three instructions a byte.
pub(super) fn next_newline(bytes: &[u8], from: usize) -> Option<usize> {
    let is_newline = |b: u8| b == b'\n';
    let at = skip_clear_blocks::<16>(bytes, from, |sixteen| any_in_block(sixteen, is_newline));
    let k = bytes.get(at..)?.iter().position(|&b| is_newline(b))?;
    Some(at + k)
}

#[cfg(test)]
mod tests {
    use super::next_newline;

    #[test]
    fn a_newline_is_found_wherever_it_sits() {
        for len in 0..40 {
            let mut bytes = vec![b'a'; len];
            for from in 0..=len + 1 {
                assert_eq!(next_newline(&bytes, from), None, "{len} {from}");
            }
            for at in 0..len {
                bytes[at] = b'\n';
                for from in 0..=len {
                    let general = bytes
                        .get(from..)
                        .and_then(|rest| rest.iter().position(|&b| b == b'\n'))
                        .map(|k| from + k);
                    assert_eq!(next_newline(&bytes, from), general, "{len} {at} {from}");
                }
                bytes[at] = b'a';
            }
        }
    }
}
