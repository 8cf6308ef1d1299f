//! A set of 64-bit numbers for the actor scans' hot look-ups: the lower-case words of an
//! article (a word of up to seven bytes is one number) and the first words of the
//! gazetteer's names. A general hash set's probe (hashing, control bytes, group loads) cost
//! several times this one's multiply, load and compare.

/// A set of numbers other than 0: open addressing with linear probing in a table at most half
/// full, a key's slot taken from the high bits of the key times an odd constant. 0 marks an
/// empty slot, so it may not be added (the keys made for this set hold a length of at least 1
/// in their highest byte); asking for it answers `false`.
pub(crate) struct NumberSet {
    slots: Vec<u64>,
    len: usize,
    /// 64 minus the base-2 logarithm of the table's size: a key's slot is the top bits.
    shift: u32,
}

/// Multiplying by this odd constant (2^64 divided by the golden ratio) spreads a key's low
/// bytes, where its letters are, into the high bits that choose its slot.
const SPREAD: u64 = 0x9e37_79b9_7f4a_7c15;

/// The slots of an open-addressing table that holds `keys` keys at most half full: a power of
/// two, at least 16. This set and the gazetteer's table of forms are sized by it, and
/// `scripts/build_gazetteer.py` (`table_shape`) sizes their shipped tables the same way.
pub(crate) fn table_size(keys: usize) -> usize {
    (keys * 2).next_power_of_two().max(16)
}

/// The first slot `key` is looked for in, in a table of `2^(64 - shift)` slots: the table's
/// number of bits from the top of the key times [`SPREAD`]. The gazetteer's shipped set of
/// first words is probed by it too.
pub(crate) fn home_slot(key: u64, shift: u32) -> usize {
    // the shift leaves at most the table's number of bits: the slot fits in a usize
    (key.wrapping_mul(SPREAD) >> shift) as usize
}

impl NumberSet {
    /// A table that holds `capacity` keys before it grows.
    pub(crate) fn with_capacity(capacity: usize) -> Self {
        let size = table_size(capacity);
        Self {
            slots: vec![0; size],
            len: 0,
            shift: 64 - size.trailing_zeros(),
        }
    }

    /// The table, for the gazetteer's table of names, which keeps its first words as these
    /// slots (see `FirstWords` in `prefixes/compiled.rs`).
    pub(crate) fn slots(&self) -> &[u64] {
        &self.slots
    }

    fn slot(&self, key: u64) -> usize {
        home_slot(key, self.shift)
    }

    /// Adds `key`, which is not 0. Inlined into the scan of an article's lower-case words: it
    /// runs for most words of every article.
    #[inline(always)]
    pub(crate) fn insert(&mut self, key: u64) {
        let mask = self.slots.len() - 1;
        let mut i = self.slot(key);
        loop {
            match self.slots[i] {
                0 => break,
                k if k == key => return,
                _ => i = (i + 1) & mask,
            }
        }
        self.slots[i] = key;
        self.len += 1;
        if self.len * 2 > self.slots.len() {
            self.grow();
        }
    }

    pub(crate) fn contains(&self, key: u64) -> bool {
        if key == 0 {
            return false;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.slot(key);
        loop {
            match self.slots[i] {
                0 => return false,
                k if k == key => return true,
                _ => i = (i + 1) & mask,
            }
        }
    }

    /// Doubles the table and puts every key again.
    fn grow(&mut self) {
        let size = self.slots.len() * 2;
        let old = std::mem::replace(&mut self.slots, vec![0; size]);
        self.shift -= 1;
        self.len = 0;
        for key in old.into_iter().filter(|&k| k != 0) {
            self.insert(key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::NumberSet;

    #[test]
    fn the_table_grows_and_keeps_every_key() {
        let mut set = NumberSet::with_capacity(1);
        let keys: Vec<u64> = (1..5_000u64).map(|k| k << 3 | 1 << 56).collect();
        for &k in &keys {
            set.insert(k);
            set.insert(k);
        }
        assert_eq!(set.len, keys.len());
        assert!(keys.iter().all(|&k| set.contains(k)));
        assert!(!set.contains(0) && !set.contains(2 << 56));
    }
}
