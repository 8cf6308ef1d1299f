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

use super::memo_table::MemoTable;
use super::{LABELS, Run};

/// One decision's score per label (integer sums of the model's quantised weights).
type Scores = [i32; LABELS.len()];

/// Pairs kept in each table before it starts afresh (see [`MemoTable`]: up to 2¹⁶ slots of 4
/// bytes, and 1.3 MB of keys and sums, written as they are met).
const MEMO_PAIRS: usize = 28_000;

/// Runs kept before their table starts afresh (up to 2¹⁵ slots, 1 MB of keys and sums); a text
/// has fewer runs than pairs.
const MEMO_RUNS: usize = 14_000;

/// The context sums met, by pair of words (their indices in the memo of words) and by run.
#[derive(Default)]
pub(super) struct ContextMemo {
    /// (word, word before) → the sums of [`super::keys::left`].
    left: MemoTable<u64>,
    /// (word, word after) → the sums of [`super::keys::right`].
    right: MemoTable<u64>,
    /// Run of capitals → the sums of [`super::keys::run`].
    runs: MemoTable<Run>,
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
    /// another recogniser. Each table is given slots for `expected` keys (it grows past them).
    pub fn clear(&mut self, expected: usize) {
        self.restart_from(0, expected);
    }

    /// Starts afresh a table that has reached its limit (between sentences).
    pub fn trim(&mut self) {
        self.restart_from(1, usize::MAX);
    }

    /// Empties each table holding at least `share` of its limit (0: every table; 1: the full
    /// ones), keeping room for the limit and no more, and slots for `expected` keys.
    fn restart_from(&mut self, share: usize, expected: usize) {
        self.left.restart(MEMO_PAIRS * share, MEMO_PAIRS, expected);
        self.right.restart(MEMO_PAIRS * share, MEMO_PAIRS, expected);
        self.runs.restart(MEMO_RUNS * share, MEMO_RUNS, expected);
    }
}
