//! Reading's scans of a paragraph eight bytes at a time (is it ASCII, does it hold a digit,
//! where is its next capital): one place for the arithmetic. Extraction has its own
//! `extract::eight_bytes`; reading sits below extraction in the layers and does not import it.

/// 0x01 in every byte.
pub(super) const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
/// 0x80 in every byte: the bit each test sets to flag a byte.
pub(super) const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);

/// Eight bytes (`eight` is that long) as one number, the first the lowest.
#[inline(always)]
pub(super) fn word(eight: &[u8]) -> u64 {
    let mut word = [0; 8];
    word.copy_from_slice(eight);
    u64::from_le_bytes(word)
}

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
