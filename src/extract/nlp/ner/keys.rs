//! The recogniser's feature keys, in four groups by what they read: the labels before the word
//! (with how the sentence capitalises), the word alone, a neighbour alone, and the word in its
//! context. Training sums all four for each decision. At run time the first three are looked
//! up once, per label pair and per word (see `decide`), and only the fourth is hashed and
//! scored per decision. Scores are integer sums, the same in any grouping, and the perceptron's
//! weights are whole numbers while it learns, so its float sums are exact in any order too.

use super::Run;
use crate::extract::nlp::features::Tok;
use crate::extract::nlp::hash::key;

/// What the context features read of a word: four of its hashed views, and whether it is on
/// the given-name list (the given-name column's value, padding included).
#[derive(Clone, Copy, Debug)]
pub(super) struct View {
    /// The lower-cased word's hash.
    pub lower: u64,
    /// The word as written, hashed.
    pub form: u64,
    /// Its shape ("Xxxx", "dd"), hashed.
    pub shape: u64,
    /// Its last two characters, hashed.
    pub suffix2: u64,
    /// 1 when it is a given name, 0 when not, or a padding value.
    pub given: u64,
}

impl View {
    /// What the context features read of `t`, whose given-name column holds `given`.
    pub fn new(t: &Tok, given: u64) -> Self {
        Self {
            lower: t.lower,
            form: t.form,
            shape: t.shape,
            suffix2: t.suffix[2],
            given,
        }
    }
}

/// The bias and the label features: the label before (`y1`, marked at a sentence start), the
/// one before that (`y2`), and how the sentence capitalises (`caps`).
pub(super) fn labels(caps: u64, y1: u64, y2: u64) -> [u32; 4] {
    [
        key(0, 0, 0),
        key(22, y1, 0),
        key(23, y1, y2),
        key(37, caps, y1),
    ]
}

/// The features of the weighed word alone: its forms, shape, affixes and flags, and whether it
/// is a given name (`given`).
pub(super) fn word(w: &Tok, given: u64) -> [u32; 11] {
    [
        key(1, w.lower, 0),
        key(2, w.form, 0),
        key(3, w.shape, 0),
        key(5, w.suffix[1], 0),
        key(9, w.prefix[1], 0),
        key(6, w.suffix[2], 0),
        key(10, w.prefix[2], 0),
        key(7, w.suffix[3], 0),
        key(11, w.prefix[3], 0),
        key(12, w.flags, 0),
        key(28, given, w.shape),
    ]
}

/// The features of a neighbour alone, by its lower-cased form: as the word two before the
/// weighed word, one before, one after and two after.
pub(super) fn neighbour(lower: u64) -> [u32; 4] {
    [
        key(18, lower, 0),
        key(16, lower, 0),
        key(17, lower, 0),
        key(19, lower, 0),
    ]
}

/// What the context features of one decision read.
pub(super) struct Context<'a> {
    /// The weighed word, the one before and the one after.
    pub w: &'a View,
    pub m1: &'a View,
    pub n1: &'a View,
    /// The label before, as [`labels`] takes it.
    pub y1: u64,
    /// The gazetteer column before, at and after the word.
    pub gaz: [u64; 3],
    pub caps: u64,
    /// Whether the word begins the sentence.
    pub first: bool,
    pub run: Option<Run>,
}

/// The most context keys of one decision.
pub(super) const MAX_CONTEXT: usize = 17;

/// The context features: the word with its neighbours, the label before, the gazetteer and
/// given-name columns, the sentence's capitals, and the run of capitalised words it stands in
/// (its last word: Holdings, Bank, Street; the word before it: "in", "at"; its first word with
/// its length). Returns the keys and how many there are.
pub(super) fn context(c: &Context<'_>) -> ([u32; MAX_CONTEXT], usize) {
    let (w, m1, n1) = (c.w, c.m1, c.n1);
    let [before, at, after] = c.gaz;
    let (run, len) = match c.run {
        Some(r) => (
            [
                key(40, r.head, 0),
                key(41, r.before, 0),
                key(42, r.first, r.len),
            ],
            MAX_CONTEXT,
        ),
        None => ([key(44, 0, 0), 0, 0], MAX_CONTEXT - 2),
    };
    let keys = [
        key(20, m1.shape, w.shape),
        key(21, w.shape, n1.shape),
        key(24, c.y1, w.shape),
        key(25, c.y1, w.lower),
        key(26, at, 0),
        key(27, before, after),
        key(29, m1.given, w.shape),
        key(30, c.caps, w.shape),
        key(31, u64::from(c.first), w.shape),
        key(32, m1.lower, w.lower),
        key(33, w.lower, n1.lower),
        key(35, m1.form, w.shape),
        key(36, n1.suffix2, w.shape),
        key(38, at, w.shape),
        run[0],
        run[1],
        run[2],
    ];
    (keys, len)
}
