//! Stable feature hashing: every feature is a 32-bit key computed from precomputed 64-bit word
//! hashes, so tagging allocates no feature strings and the keys are the same on every machine
//! and every build (the weights files depend on them; `std`'s hasher is randomly seeded).

/// The FNV-1a starting state.
pub const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a over bytes: the hash of a word form, computed once per token.
pub fn bytes(data: &[u8]) -> u64 {
    data.iter().fold(FNV_OFFSET, |h, &b| fold_byte(h, b))
}

/// One byte folded into FNV-1a state `h`.
#[inline]
pub fn fold_byte(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(FNV_PRIME)
}

/// FNV-1a over the lower-cased characters of `s`, without building the lower-cased string.
pub fn lower(s: &str) -> u64 {
    s.chars().fold(FNV_OFFSET, fold_lower)
}

/// Folds the lower-cased UTF-8 bytes of one character into FNV-1a state `h` (ASCII without
/// Unicode case tables).
#[inline]
pub fn fold_lower(mut h: u64, c: char) -> u64 {
    if c.is_ascii() {
        return fold_byte(h, c.to_ascii_lowercase() as u8);
    }
    let mut buf = [0u8; 4];
    for l in c.to_lowercase() {
        for &b in l.encode_utf8(&mut buf).as_bytes() {
            h = fold_byte(h, b);
        }
    }
    h
}

/// A feature key from a template number and up to two value hashes (splitmix64 finaliser).
/// Never 0: 0 marks an empty slot in the weight table.
pub fn key(template: u32, a: u64, b: u64) -> u32 {
    let mut z = a
        .rotate_left(17)
        .wrapping_add(b.wrapping_mul(0x9e37_79b9_7f4a_7c15))
        .wrapping_add(u64::from(template).wrapping_mul(0xbf58_476d_1ce4_e5b9));
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^= z >> 31;
    let k = (z ^ (z >> 32)) as u32;
    if k == 0 { 1 } else { k }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_fixed_across_builds() {
        // The shipped weights were trained with these values; a change would silently break them.
        assert_eq!(bytes(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(lower("ApPle"), bytes(b"apple"));
        assert_ne!(key(1, 2, 3), key(2, 2, 3));
        assert_ne!(key(1, 2, 3), 0);
    }
}
