//! The arithmetic of reading bytes eight at a time, which every layer's scans share: the JSON
//! escape finder (`model`), reading's scans (`ingest::eight_bytes`) and extraction's
//! (`extract::eight_bytes`). It sits below them all and uses nothing, so none of them keeps
//! its own copy; each layer's module adds only the scans it needs.

/// 0x01 in every byte.
pub(crate) const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
/// 0x80 in every byte: the bit each test flags a byte with.
pub(crate) const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);

/// Eight bytes (`eight` is that long) as one number, the first the lowest.
#[inline(always)]
pub(crate) fn word(eight: &[u8]) -> u64 {
    let mut word = [0; 8];
    word.copy_from_slice(eight);
    u64::from_le_bytes(word)
}

/// The high bit of each byte of `x` that lies in `lo..=hi`, where every byte of `x` is ASCII
/// (high bit clear) and `hi` is ASCII: `b + 0x80 - lo` reaches 0x80 when `b >= lo`,
/// `0x80 + hi - b` when `b <= hi`, and neither sum crosses into the next byte.
#[inline(always)]
pub(crate) const fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    (x + ONES * (0x80 - lo as u64)) & (ONES * (0x80 + hi as u64) - x) & HIGHS
}

/// Whether any byte of `block` passes `test`. Every byte is tested, the answers joined with
/// `|` rather than `||`: with no exit inside the block, the compiler makes the whole test a
/// few vector comparisons. The scans that pass over long stretches holding none of the bytes
/// they stop at (sentence ends, brackets, newlines, escapes) rule out a block at a time.
#[inline(always)]
pub(crate) fn any_in_block<const N: usize>(block: &[u8; N], test: impl Fn(u8) -> bool) -> bool {
    block.iter().fold(false, |any, &b| any | test(b))
}

/// Where the first block of `N` bytes at or after `from` starts that `may_hold` (a test of a
/// whole block, such as [`any_in_block`]) says may hold a wanted byte, or where the last whole
/// block ends: none of the bytes passed over is wanted, and the caller searches on from there.
#[inline(always)]
pub(crate) fn skip_clear_blocks<const N: usize>(
    bytes: &[u8],
    from: usize,
    may_hold: impl Fn(&[u8; N]) -> bool,
) -> usize {
    let mut at = from;
    while let Some(block) = bytes.get(at..).and_then(<[u8]>::first_chunk::<N>) {
        if may_hold(block) {
            break;
        }
        at += N;
    }
    at
}

/// The high bit of the lowest zero byte of `v`, and perhaps of bytes above it (a borrow only
/// ever flags bytes above a real zero): zero exactly when no byte is zero, and its lowest flag
/// is the first zero byte.
#[inline(always)]
pub(crate) const fn zero_bytes(v: u64) -> u64 {
    v.wrapping_sub(ONES) & !v & HIGHS
}
