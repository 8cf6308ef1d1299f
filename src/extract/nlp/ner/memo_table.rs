//! The table the recogniser's memos of summed weights are kept in: by pattern, by pair of
//! words and by run of capitals (see `decide` and `context_memo`). Each decision probes the
//! pattern table and most probe a pair table or two (about 130k probes on TimeBank 1 MB), so
//! the probe is kept short: open addressing over 4-byte places, half full at most, the keys
//! and the sums side by side in the order they were met, and one multiplication to hash (a
//! general hash map hashed and probed in about twice the instructions). The sums are written
//! once, into room given when the table starts afresh; a place per key in the slots is all a
//! key that is met costs there.

use super::LABELS;
use super::runs::Run;

/// One decision's score per label (integer sums of the model's quantised weights).
type Scores = [i32; LABELS.len()];

/// A key of a memo table: small, compared whole, and mixed into 64 bits whose top bits pick its
/// slot.
pub(super) trait MemoKey: Copy + Eq {
    /// The key's bits, mixed so that every bit of the key reaches the top ones.
    fn mix(&self) -> u64;
}

/// Odd constants for the mixing multiplications (from splitmix64 and the golden ratio).
const M1: u64 = 0x9e37_79b9_7f4a_7c15;
const M2: u64 = 0xbf58_476d_1ce4_e5b9;

impl MemoKey for u64 {
    /// A pair of memo indices: one multiplication carries each bit up into the top ones.
    #[inline]
    fn mix(&self) -> u64 {
        self.wrapping_mul(M1)
    }
}

impl MemoKey for u128 {
    /// A pattern key (see `pattern_key::Ids::pack`).
    #[inline]
    fn mix(&self) -> u64 {
        let (lo, hi) = (*self as u64, (*self >> 64) as u64);
        (lo.wrapping_mul(M1) ^ hi).wrapping_mul(M2)
    }
}

impl MemoKey for Run {
    #[inline]
    fn mix(&self) -> u64 {
        let h = (self.head.wrapping_mul(M1) ^ self.first).wrapping_mul(M2);
        (h ^ self.before.rotate_left(32) ^ self.len).wrapping_mul(M1)
    }
}

/// A slot holding no key.
const EMPTY: u32 = u32::MAX;

/// Summed weights by key.
pub(super) struct MemoTable<K> {
    /// Places in `kept`, or [`EMPTY`]; a power of two long, at least twice as long as `kept`.
    slots: Vec<u32>,
    /// How far a key's mixed bits are shifted right to give its slot: 64 less the slots' bits.
    shift: u32,
    /// Each key met and its sums, in the order they were met (side by side: one read, and one
    /// bound check, finds both).
    kept: Vec<(K, Scores)>,
    /// The slots for the table's limit of keys (see [`MemoTable::restart_now`]): the fewest a
    /// table started smaller grows to, so that a table given few slots for a short text and
    /// then filled by a long stream of texts files its keys again once, not at every doubling.
    full: usize,
}

impl<K> Default for MemoTable<K> {
    fn default() -> Self {
        Self::with_slots(MIN_SLOTS)
    }
}

/// The fewest slots a table has (the short words' table too).
pub(super) const MIN_SLOTS: usize = 16;

/// The slots a table starts with for `keys` keys (the recogniser's tables of short words too):
/// twice as many, so that a probe meets an empty slot soon, as a power of two, at least
/// [`MIN_SLOTS`] and at most `most`.
pub(super) fn slots_for(keys: usize, most: usize) -> usize {
    (2 * keys.min(most))
        .next_power_of_two()
        .clamp(MIN_SLOTS, most)
}

/// The most slots a table starts afresh with (128 KB: room for the pairs of a megabyte of news).
const RESTART_SLOTS: usize = 1 << 15;

impl<K> MemoTable<K> {
    /// An empty table of `slots` slots (a power of two).
    fn with_slots(slots: usize) -> Self {
        Self {
            slots: vec![EMPTY; slots],
            shift: 64 - slots.trailing_zeros(),
            kept: Vec::new(),
            full: slots,
        }
    }

    /// Empties the table when it holds `full_at` keys or more, keeping room for `limit` (one
    /// sentence can take it past the limit, which is checked between sentences: that room is
    /// given back here, since the thread keeps the table for as long as it lives), with slots
    /// for the `expected` keys.
    #[inline]
    pub fn restart(&mut self, full_at: usize, limit: usize, expected: usize) {
        if self.kept.len() >= full_at {
            self.restart_now(limit, expected);
        }
    }

    /// Empties the table, keeping room for `limit` keys, with slots for `expected` of them
    /// (the limit at most). The slots start at most [`RESTART_SLOTS`] and double as keys come:
    /// slots for the limit given at once were all written empty, a page fault each, where a
    /// megabyte of news fills a fifth of them. A short text expects few keys: slots for the
    /// many of a long one were written empty in a tenth of the run of a one-sentence article.
    fn restart_now(&mut self, limit: usize, expected: usize) {
        let slots = slots_for(expected.min(limit), RESTART_SLOTS);
        if self.slots.len() == slots {
            self.slots.fill(EMPTY);
        } else {
            *self = Self::with_slots(slots);
        }
        self.full = slots_for(limit, RESTART_SLOTS);
        self.kept.clear();
        self.kept.shrink_to(limit);
        self.kept.reserve_exact(limit);
    }
}

impl<K: MemoKey> MemoTable<K> {
    /// The slot where the probe for `key` starts.
    #[inline]
    fn home(&self, key: &K) -> usize {
        (key.mix() >> self.shift) as usize
    }

    /// The sums of `key`, by `sum` and kept if not kept yet (one probe either way).
    #[inline]
    pub fn get_or(&mut self, key: K, sum: impl FnOnce() -> Scores) -> Scores {
        let mask = self.slots.len() - 1;
        let mut s = self.home(&key);
        loop {
            let k = self.slots[s];
            if k == EMPTY {
                break;
            }
            if let Some((kept, sums)) = self.kept.get(k as usize)
                && *kept == key
            {
                return *sums;
            }
            s = (s + 1) & mask;
        }
        let sums = sum();
        self.slots[s] = u32::try_from(self.kept.len()).expect("fewer keys than slots");
        self.kept.push((key, sums));
        // Half full at most, so a probe meets an empty slot soon.
        if 2 * self.kept.len() > self.slots.len() {
            self.grow();
        }
        sums
    }

    /// Doubles the slots (or gives the table its full slots, when it started with fewer) and
    /// files every key again.
    fn grow(&mut self) {
        let slots = (2 * self.slots.len()).max(self.full);
        self.slots.clear();
        self.slots.resize(slots, EMPTY);
        self.shift = 64 - slots.trailing_zeros();
        let mask = slots - 1;
        for (k, (key, _)) in self.kept.iter().enumerate() {
            let mut s = (key.mix() >> self.shift) as usize;
            while self.slots[s] != EMPTY {
                s = (s + 1) & mask;
            }
            self.slots[s] = k as u32;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// Keys met in `order` are found again, each with its own sums, as a general hash map
    /// finds them, while the table grows and after it restarts.
    fn kept_as_a_hash_map_keeps<K: MemoKey + std::hash::Hash + std::fmt::Debug>(order: &[K]) {
        let mut table = MemoTable::<K>::default();
        let mut map: HashMap<K, Scores> = HashMap::new();
        for (i, &key) in order.iter().enumerate() {
            let new = [i as i32; LABELS.len()];
            let want = *map.entry(key).or_insert(new);
            assert_eq!(table.get_or(key, || new), want, "{key:?}");
        }
        assert_eq!(table.kept.len(), map.len());
        for (key, want) in &map {
            assert_eq!(table.get_or(*key, || unreachable!("kept")), *want);
        }
        table.restart(map.len(), 100, 100);
        assert_eq!(table.kept.len(), 0);
        assert_eq!(table.slots.len(), 256);
        assert!(table.kept.capacity() >= 100);
        let key = order[0];
        assert_eq!(table.get_or(key, || [7; LABELS.len()]), [7; LABELS.len()]);
        assert_eq!(
            table.get_or(key, || unreachable!("kept")),
            [7; LABELS.len()]
        );
    }

    #[test]
    fn sums_are_found_again_by_key_as_a_hash_map_finds_them() {
        // Pairs of memo indices, near one another as a sentence's are, each met several times.
        let pairs: Vec<u64> = (0..30_000u64)
            .map(|i| (i % 7_001) << 32 | (i * 13 % 97))
            .collect();
        kept_as_a_hash_map_keeps(&pairs);
        // Pattern keys differing in their high word only, and in their low word only.
        let patterns: Vec<u128> = (0..5_000u128)
            .map(|i| if i % 2 == 0 { i << 64 | 5 } else { i % 1_500 })
            .collect();
        kept_as_a_hash_map_keeps(&patterns);
        let runs: Vec<Run> = (0..3_000u64)
            .map(|i| Run {
                head: i % 400,
                first: i % 3,
                before: i % 11,
                len: i % 4,
            })
            .collect();
        kept_as_a_hash_map_keeps(&runs);
    }

    #[test]
    fn a_table_restarts_only_when_full() {
        let mut table = MemoTable::<u64>::default();
        table.restart(0, 1_000, 1_000);
        assert_eq!(table.slots.len(), 2_048);
        table.restart(0, 100_000, 100_000);
        assert_eq!(table.slots.len(), RESTART_SLOTS);
        // slots for the keys expected, the limit at most, and room for the limit
        table.restart(0, 1_000, 3);
        assert_eq!(table.slots.len(), MIN_SLOTS);
        assert!(table.kept.capacity() >= 1_000);
        // a table started small grows at once to the slots of its limit, its keys kept
        for k in 0..9 {
            table.get_or(k, || [k as i32; LABELS.len()]);
        }
        assert_eq!(table.slots.len(), 2_048);
        for k in 0..9 {
            assert_eq!(
                table.get_or(k, || unreachable!("kept")),
                [k as i32; LABELS.len()]
            );
        }
        table.restart(0, 1_000, 5_000);
        assert_eq!(table.slots.len(), 2_048);
        table.restart(0, 1_000, 1_000);
        for k in 0..10 {
            table.get_or(k, || [1; LABELS.len()]);
        }
        table.restart(11, 1_000, 1_000);
        assert_eq!(table.kept.len(), 10);
        table.restart(10, 1_000, 1_000);
        assert_eq!(table.kept.len(), 0);
        assert_eq!(table.get_or(3, || [2; LABELS.len()]), [2; LABELS.len()]);
    }
}
