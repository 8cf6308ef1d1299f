//! Stable feature hashing: every feature is a 32-bit key computed from precomputed 64-bit word
//! hashes, so tagging allocates no feature strings and the keys are the same on every machine
//! and every build (the weights files depend on them; `std`'s hasher is randomly seeded).

/// FNV-1a over bytes: the hash of a word form, computed once per token.
pub fn bytes(data: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in data {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// FNV-1a over the lower-cased characters of `s`, without building the lower-cased string.
pub fn lower(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut buf = [0u8; 4];
    for c in s.chars().flat_map(char::to_lowercase) {
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
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
