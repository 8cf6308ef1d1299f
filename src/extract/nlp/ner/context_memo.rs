//! The recogniser's memo of context sums: the summed weights of the features that read a word
//! with the word before it ([`super::keys::left`]) or after it ([`super::keys::right`]), by the
//! pair of words, and of the features of a run of capitals ([`super::keys::run`]), by the run.
//!
//! A word's own entry in the memo of words keeps only the neighbour it last had, which is the
//! same one about a quarter of the time ("Kenya" follows "in", "and", "to", ...); and a run's
//! sums were kept only within its sentence. Each pair or run not kept cost two or three reads of
//! the model's table, which is too large for the caches, so they were most of the recogniser's
//! waits on memory. News names the same people and places in the same phrases again and again,
//! so the sums are kept here for every pair and run met, up to a limit. The sums are the same
//! integer sums of the same weights, so the labels do not change.

use std::collections::hash_map::Entry;

use rustc_hash::FxHashMap;

use super::{LABELS, Run};

/// One decision's score per label (integer sums of the model's quantised weights).
type Scores = [i32; LABELS.len()];

/// Pairs kept in each table before it starts afresh (see [`Kept`]: a table of 2¹⁵ slots of
/// 16 bytes, as a hash table grows to twice its slots past seven eighths full, 28,672 here,
/// and 1 MB of sums).
const MEMO_PAIRS: usize = 28_000;

/// Runs kept before their table starts afresh (a table of 2¹⁴ slots of 40 bytes, and 0.5 MB
/// of sums); a text has fewer runs than pairs.
const MEMO_RUNS: usize = 14_000;

/// The context sums met, by pair of words (their indices in the memo of words) and by run.
#[derive(Default)]
pub(super) struct ContextMemo {
    /// (word, word before) → the sums of [`super::keys::left`].
    left: Kept<u64>,
    /// (word, word after) → the sums of [`super::keys::right`].
    right: Kept<u64>,
    /// Run of capitals → the sums of [`super::keys::run`].
    runs: Kept<Run>,
}

/// The key of the pair of memo indices `word` and `other`.
#[inline]
fn pair(word: u32, other: u32) -> u64 {
    u64::from(word) << 32 | u64::from(other)
}

impl ContextMemo {
    /// The sums of the word `word` with the word `before` before it, by `sum` if not kept.
    #[inline]
    pub fn left(&mut self, word: u32, before: u32, sum: impl FnOnce() -> Scores) -> Scores {
        self.left.get_or(pair(word, before), sum)
    }

    /// The sums of the word `word` with the word `after` after it, by `sum` if not kept.
    #[inline]
    pub fn right(&mut self, word: u32, after: u32, sum: impl FnOnce() -> Scores) -> Scores {
        self.right.get_or(pair(word, after), sum)
    }

    /// The sums of the run `run`, by `sum` if not kept.
    #[inline]
    pub fn run(&mut self, run: Run, sum: impl FnOnce() -> Scores) -> Scores {
        self.runs.get_or(run, sum)
    }

    /// Forgets every pair and run: the memo of words they index starts afresh, or belongs to
    /// another recogniser.
    pub fn clear(&mut self) {
        self.restart_from(0);
    }

    /// Starts afresh a table that has reached its limit (between sentences).
    pub fn trim(&mut self) {
        self.restart_from(1);
    }

    /// Empties each table holding at least `share` of its limit (0: every table; 1: the full
    /// ones), keeping room for the limit and no more.
    fn restart_from(&mut self, share: usize) {
        self.left.restart(MEMO_PAIRS * share, MEMO_PAIRS);
        self.right.restart(MEMO_PAIRS * share, MEMO_PAIRS);
        self.runs.restart(MEMO_RUNS * share, MEMO_RUNS);
    }
}

/// Sums kept by key: a hash table of keys to places in a vector of the sums. A table of the
/// sums themselves grew by doubling, moving each entry of 48 bytes (72 for a run) into every
/// larger copy, and the copies were most of the recogniser's fresh pages; here the table's
/// entries are 16 bytes (40), and the sums are written once, side by side, into room given
/// when the memo starts afresh (only address space until they are written).
struct Kept<K> {
    /// Key → its place in `sums`.
    at: FxHashMap<K, u32>,
    sums: Vec<Scores>,
}

impl<K> Default for Kept<K> {
    fn default() -> Self {
        Self {
            at: FxHashMap::default(),
            sums: Vec::new(),
        }
    }
}

impl<K: Eq + std::hash::Hash> Kept<K> {
    /// The sums of `key`, by `sum` and kept if not kept yet. One probe of the table either
    /// way: two pairs in five are new, and a look-up followed by an insertion probed twice.
    #[inline]
    fn get_or(&mut self, key: K, sum: impl FnOnce() -> Scores) -> Scores {
        match self.at.entry(key) {
            Entry::Occupied(at) => self.sums[*at.get() as usize],
            Entry::Vacant(at) => {
                let sums = sum();
                let i = u32::try_from(self.sums.len()).expect("fewer sums than memo indices");
                at.insert(i);
                self.sums.push(sums);
                sums
            }
        }
    }

    /// Empties the table when it holds `full_at` entries or more, keeping room for `limit`
    /// (one sentence can take it past the limit, which is checked between sentences: that
    /// room is given back here).
    fn restart(&mut self, full_at: usize, limit: usize) {
        if self.at.len() >= full_at {
            self.at.clear();
            self.at.shrink_to(limit);
            self.sums.clear();
            self.sums.shrink_to(limit);
            self.sums.reserve_exact(limit);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_are_kept_once_by_key_and_forgotten_when_full() {
        let mut kept = Kept::<u64>::default();
        kept.restart(0, 100);
        assert_eq!(kept.sums.capacity(), 100);
        let sums = |k: u64| [k as i32; LABELS.len()];
        for k in 0..150 {
            assert_eq!(kept.get_or(k, || sums(k)), sums(k));
        }
        // Kept: found again without summing.
        for k in 0..150 {
            assert_eq!(kept.get_or(k, || unreachable!("kept")), sums(k));
        }
        // Past its limit, the table starts afresh with its usual room.
        kept.restart(100, 100);
        assert_eq!((kept.at.len(), kept.sums.len()), (0, 0));
        assert_eq!(kept.sums.capacity(), 100);
        assert_eq!(kept.get_or(7, || sums(8)), sums(8));
        kept.restart(100, 100);
        assert_eq!(kept.get_or(7, || unreachable!("kept")), sums(8));
    }
}
