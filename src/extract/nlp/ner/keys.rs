//! The recogniser's feature keys, in five groups by what they read: the labels before the word
//! (with how the sentence capitalises), the word alone, a neighbour alone, the shapes and flags
//! around the word (its pattern), and the words around it. Training sums all five for each
//! decision. At run time the first four are looked up once, per label pair, per word and per
//! pattern (see `decide`), and only the fifth is hashed and scored per decision. Scores are
//! integer sums, the same in any grouping, and the perceptron's weights are whole numbers while
//! it learns, so its float sums are exact in any order too.

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

impl Context<'_> {
    /// What the decision's [`pattern`] features read.
    pub fn pattern(&self) -> Pattern {
        Pattern {
            shapes: [self.m1.shape, self.w.shape, self.n1.shape],
            y1: self.y1,
            gaz: self.gaz,
            m1_given: self.m1.given,
            caps: self.caps,
            first: self.first,
            in_run: self.run.is_some(),
        }
    }
}

/// What the pattern features of a decision read: the shapes of the word and its neighbours,
/// the label before, the gazetteer column, whether the word before is a given name, how the
/// sentence capitalises, and whether the word begins it or stands in a run of capitals. Few
/// such combinations occur (a few thousand in megabytes of news), so their features' summed
/// weights are kept per pattern (see `decide`) instead of being read from the model's table
/// per decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Pattern {
    /// The shapes of the word before, the word, and the word after.
    shapes: [u64; 3],
    y1: u64,
    gaz: [u64; 3],
    m1_given: u64,
    caps: u64,
    first: bool,
    in_run: bool,
}

/// The most pattern keys of one decision.
pub(super) const MAX_PATTERN: usize = 10;

/// The features of a decision that read only its [`Pattern`]. Returns the keys and how many
/// there are.
pub(super) fn pattern(p: &Pattern) -> ([u32; MAX_PATTERN], usize) {
    let [m1, w, n1] = p.shapes;
    let [before, at, after] = p.gaz;
    let keys = [
        key(20, m1, w),
        key(21, w, n1),
        key(24, p.y1, w),
        key(26, at, 0),
        key(27, before, after),
        key(29, p.m1_given, w),
        key(30, p.caps, w),
        key(31, u64::from(p.first), w),
        key(38, at, w),
        // Outside a run of capitals: the run features' stand-in.
        key(44, 0, 0),
    ];
    (
        keys,
        if p.in_run {
            MAX_PATTERN - 1
        } else {
            MAX_PATTERN
        },
    )
}

/// The most word context keys of one decision.
pub(super) const MAX_CONTEXT: usize = 8;

/// The context feature of the word with the label before (`y1`, as [`labels`] takes it), by
/// the word's lower-cased hash.
pub(super) fn after_label(y1: u64, lower: u64) -> u32 {
    key(25, y1, lower)
}

/// The context features of the word `w` with the word before, `m1`: their lower-cased
/// forms together, and the form of the word before with the word's shape.
pub(super) fn left(w: &View, m1: &View) -> [u32; 2] {
    [key(32, m1.lower, w.lower), key(35, m1.form, w.shape)]
}

/// The context features of the word `w` with the word after, `n1`: their lower-cased forms
/// together, and the suffix of the word after with the word's shape.
pub(super) fn right(w: &View, n1: &View) -> [u32; 2] {
    [key(33, w.lower, n1.lower), key(36, n1.suffix2, w.shape)]
}

/// The context features of the run of capitalised words a word stands in: its last word
/// (Holdings, Bank, Street), the word before it ("in", "at") and its first word with its
/// length. The same for every word of the run.
pub(super) fn run(r: &Run) -> [u32; 3] {
    [
        key(40, r.head, 0),
        key(41, r.before, 0),
        key(42, r.first, r.len),
    ]
}

/// The context features that read words (not only their shapes): the word with the label
/// before ([`after_label`]), with its neighbours ([`left`], [`right`]), and the run of
/// capitalised words it stands in ([`run`]). With [`pattern`], every context feature of a decision. Returns the
/// keys and how many there are.
pub(super) fn context(c: &Context<'_>) -> ([u32; MAX_CONTEXT], usize) {
    let (run, len) = match &c.run {
        Some(r) => (run(r), MAX_CONTEXT),
        None => ([0; 3], MAX_CONTEXT - 3),
    };
    let [m1_w, m1_form] = left(c.w, c.m1);
    let [w_n1, n1_suffix] = right(c.w, c.n1);
    let keys = [
        after_label(c.y1, c.w.lower),
        m1_w,
        w_n1,
        m1_form,
        n1_suffix,
        run[0],
        run[1],
        run[2],
    ];
    (keys, len)
}
