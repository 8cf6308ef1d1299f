//! Reading's scans of a paragraph eight bytes at a time (is it ASCII, does it hold a digit,
//! where is its next capital), on the crate's `eight_bytes` arithmetic.

pub(super) use crate::eight_bytes::{HIGHS, in_range, word};

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
