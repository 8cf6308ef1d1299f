//! A text lower-cased as it is compared with the gazetteer's keys, eight bytes at a time,
//! rather than copied and lower-cased first.

use crate::eight_bytes::word;
use crate::extract::eight_bytes::ascii_lower_eight;

/// A piece of text as [`super::Prefixes::longest_prefix`] compares it with the keys: its ASCII
/// letters lower-cased, each byte as it is read.
#[derive(Clone, Copy)]
pub(super) struct Lowered<'t>(pub(super) &'t [u8]);

impl Lowered<'_> {
    /// The [`super::head`] of the lower-cased text.
    pub(super) fn head(self) -> u64 {
        let mut eight = [0u8; 8];
        let n = self.0.len().min(8);
        eight[..n].copy_from_slice(&self.0[..n]);
        // big-endian, as `head` reads a key
        ascii_lower_eight(u64::from_le_bytes(eight)).swap_bytes()
    }

    /// How many bytes `key` and the lower-cased text start with in common. Compared eight
    /// bytes at a time: a key and the text it is searched with often share tens of bytes
    /// ("united states of ..."), and a byte at a time cost more than copying and lower-casing
    /// the text once.
    pub(super) fn shared_with(self, key: &[u8]) -> usize {
        let n = key.len().min(self.0.len());
        let (key, text) = (&key[..n], &self.0[..n]);
        let mut keys = key.chunks_exact(8);
        let mut texts = text.chunks_exact(8);
        let mut shared = 0;
        for (k, t) in (&mut keys).zip(&mut texts) {
            let differ = word(k) ^ ascii_lower_eight(word(t));
            if differ != 0 {
                // the lowest differing byte: the first, as the bytes are read little-endian
                return shared + (differ.trailing_zeros() / 8) as usize;
            }
            shared += 8;
        }
        let rest = keys.remainder().iter().zip(texts.remainder());
        shared
            + rest
                .take_while(|&(k, t)| *k == t.to_ascii_lowercase())
                .count()
    }

    /// Whether `key` sorts before the lower-cased text or is equal to it.
    pub(super) fn not_before(self, key: &[u8]) -> bool {
        let shared = self.shared_with(key);
        match (key.get(shared), self.0.get(shared)) {
            // a byte where they differ orders them
            (Some(&k), Some(t)) => k < t.to_ascii_lowercase(),
            // the key is a prefix of the text, or equal to it
            (None, _) => true,
            // the text is a proper prefix of the key
            (Some(_), None) => false,
        }
    }
}
