//! A seeded pseudo-random sequence for tests that compare a hand-written reader with the regex
//! it stands in for on many generated inputs: the same inputs on every run, so a failure can be
//! replayed, and no dependency for it.

/// xorshift64 over a fixed seed.
pub(crate) struct Sequence(u64);

impl Sequence {
    /// A sequence from `seed`, which must not be zero (xorshift would stay at zero).
    pub(crate) fn new(seed: u64) -> Self {
        assert_ne!(seed, 0, "a xorshift seed of zero repeats itself");
        Self(seed)
    }

    /// The next number in `0..n`.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}
