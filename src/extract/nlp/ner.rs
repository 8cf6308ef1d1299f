//! The named-entity recogniser: person, organisation, location and other names (products,
//! events, works) as BIO labels read greedily left to right. Each decision weighs the word, its
//! shape and affixes, its neighbours, how the sentence capitalises, and whether the gazetteer or
//! the given-name list knows the word — lists as evidence, never as a gate, so "Doug Daniels
//! said" is a person whether or not "Doug" is listed.
//!
//! Only words that can begin a name (an upper-case letter or a digit) and words that continue
//! one are weighed; every other word is outside a name without a look-up, in training as at run
//! time. Part-of-speech tags are not features: measured on Universal NER they added nothing the
//! shape and neighbour features do not already carry, and tagging every sentence cost more
//! than recognising it.

use std::ops::Range;
use std::sync::LazyLock;

use super::casing::Casing;
use super::features::{self, Tok};
use super::model::{Model, ModelError, shipped_index, shipped_index_len};
use super::tokenize::{self, PlainWord};
use crate::extract::actors::gazetteer::{GAZETTEER, GazMatch};
use crate::extract::eight_bytes::ONES;

mod context_memo;
mod decide;
mod keys;
mod memo_table;
mod pattern_key;
mod runs;
mod short_words;
mod train;

use keys::View;
use runs::{Run, runs};
pub use train::{Example, evaluate, example, silver, train};

/// The kinds of name the recogniser tells apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntType {
    Per,
    Org,
    Loc,
    /// Products, events, works, market indices: named things that are not parties.
    Misc,
}

impl EntType {
    pub const ALL: [EntType; 4] = [EntType::Per, EntType::Org, EntType::Loc, EntType::Misc];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Per => "PER",
            Self::Org => "ORG",
            Self::Loc => "LOC",
            Self::Misc => "MISC",
        }
    }

    fn index(self) -> usize {
        match self {
            Self::Per => 0,
            Self::Org => 1,
            Self::Loc => 2,
            Self::Misc => 3,
        }
    }
}

/// Class names of the model: O, then B- and I- of each type.
pub const LABELS: [&str; 9] = [
    "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC",
];

fn label_of(l: Option<(EntType, bool)>) -> usize {
    match l {
        None => 0,
        Some((t, true)) => 1 + 2 * t.index(),
        Some((t, false)) => 2 + 2 * t.index(),
    }
}

fn type_of(label: usize) -> Option<(EntType, bool)> {
    (label > 0).then(|| (EntType::ALL[(label - 1) / 2], label % 2 == 1))
}

/// An I- label may only continue a name of its own type.
const fn allowed(label: usize, prev: usize) -> bool {
    label == 0 || label % 2 == 1 || prev == label || prev + 1 == label
}

/// Per label before, the labels [`allowed`] after it, as bits by label: every decision asks
/// after its label before, and one bit test a label is cheaper than the four tests.
const ALLOWED_AFTER: [u16; LABELS.len()] = {
    let mut table = [0; LABELS.len()];
    let mut prev = 0;
    while prev < LABELS.len() {
        let mut label = 0;
        while label < LABELS.len() {
            if allowed(label, prev) {
                table[prev] |= 1 << label;
            }
            label += 1;
        }
        prev += 1;
    }
    table
};

const WEIGHTS: &[u8] = include_bytes!("../../../assets/models/ner.clnm");
const CASING: &[u8] = include_bytes!("../../../assets/models/case.clnm");

/// The index of [`WEIGHTS`]' rows, made when compiling (see [`super::model::shipped_index`]).
static WEIGHTS_INDEX: [u32; shipped_index_len(WEIGHTS)] = shipped_index(WEIGHTS);

/// The index of [`CASING`]'s rows, made when compiling.
static CASING_INDEX: [u32; shipped_index_len(CASING)] = shipped_index(CASING);

/// The shipped recogniser, read on first use; `None` when the weights are missing or damaged,
/// or their classes are not [`LABELS`].
pub static RECOGNISER: LazyLock<Option<Recogniser>> = LazyLock::new(|| {
    super::model::shipped("ner.clnm", WEIGHTS, &WEIGHTS_INDEX).and_then(|model| {
        let casing = super::model::shipped("case.clnm", CASING, &CASING_INDEX)
            .map_or_else(Casing::empty, Casing::from_model);
        Recogniser::new(model, casing).ok()
    })
});

/// A name found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    pub range: Range<usize>,
    pub ty: EntType,
}

/// A trained recogniser.
pub struct Recogniser {
    /// Private, so it cannot be swapped after [`Recogniser::new`]: `id` and `by_labels` are
    /// derived from it, and a thread's memo trusts them.
    model: Model,
    /// How often each word is capitalised in running text (see [`Casing`]); the actor finder
    /// asks it before it drops a lone word's shape-only reading.
    pub casing: Casing,
    /// Tells this recogniser's words, summed in a thread's memo, from another one's (training
    /// holds two at once).
    id: u64,
    /// The summed weights of the bias and label features ([`keys::labels`]) for each sentence
    /// capitalisation and pair of labels before: see [`decide::label_index`].
    by_labels: Vec<[i32; LABELS.len()]>,
}

impl Recogniser {
    /// A recogniser running `model`, whose classes must be [`LABELS`] in that order: the
    /// decisions index scores by label, so a model of other classes is refused here rather
    /// than mislabelling (or failing) sentence by sentence.
    pub fn new(model: Model, casing: Casing) -> Result<Self, ModelError> {
        static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        if !model.classes.iter().map(String::as_str).eq(LABELS) {
            return Err(ModelError::Malformed(
                "classes are not the recogniser's labels",
            ));
        }
        let by_labels = decide::label_sums(&model);
        Ok(Self {
            model,
            casing,
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            by_labels,
        })
    }

    /// The weights this recogniser runs with (training writes them out).
    pub fn model(&self) -> &Model {
        &self.model
    }
}

/// Everything the features of one sentence need, computed once per token (index `i + 2` is
/// token `i`: two padding tokens either side).
struct Prepared<'a> {
    words: Vec<&'a str>,
    /// The hashed views of the words, each computed when first needed: the features read only
    /// a weighed word and its two neighbours either side, and most words are not weighed (they
    /// may not begin a name), so about half of a sentence's words are never hashed.
    toks: Vec<Tok>,
    /// Per padded index: whether `toks` holds that word's hashes yet.
    hashed: Vec<bool>,
    gaz: Vec<u64>,
    given: Vec<u64>,
    /// How the sentence capitalises: mostly lower case, ordinary, or title case.
    caps: u64,
    /// Per token (unpadded): whether it may begin a name (an upper-case letter or a digit).
    open: Vec<bool>,
    /// Per token (unpadded): the run of capitalised words it stands in, if any.
    run: Vec<Option<Run>>,
}

/// Padding values of the gazetteer and given-name columns, before and after the sentence.
const PAD_BEFORE: u64 = 0xfff0;
const PAD_AFTER: u64 = 0xfff1;

/// Whether a word may begin a name: it has an upper-case letter or a digit. ASCII bytes are
/// tested as they are; a word with another character is read again by characters.
#[inline]
fn opens(word: &str) -> bool {
    for &b in word.as_bytes() {
        if !b.is_ascii() {
            return word.chars().any(|c| c.is_uppercase() || c.is_ascii_digit());
        }
        if b.is_ascii_uppercase() || b.is_ascii_digit() {
            return true;
        }
    }
    false
}

impl Prepared<'_> {
    /// Hashes the word at padded index `at` unless that is done.
    fn hash(&mut self, at: usize) {
        if !self.hashed[at] {
            self.toks[at] = Tok::new(self.words[at - 2]);
            self.hashed[at] = true;
        }
    }

    /// Hashes what the features of token `i` read: the words from two before to two after.
    fn hash_window(&mut self, i: usize) {
        for at in i..=i + 4 {
            self.hash(at);
        }
    }
}

/// A column of per-token values, padded as `toks` is (index `i + 2` is token `i`), into `out`:
/// [`PAD_BEFORE`] twice, `n` zeros, [`PAD_AFTER`] twice.
fn padded_column(n: usize, out: &mut Vec<u64>) {
    out.clear();
    out.extend([PAD_BEFORE, PAD_BEFORE]);
    out.resize(n + 2, 0);
    out.extend([PAD_AFTER, PAD_AFTER]);
}

/// The gazetteer column: per token inside a gazetteer name, the hash of the name's kind, with
/// its low bit flipped on the name's first token. Read from the codes the run-time decisions
/// keep ([`pattern_key::gazetteer_codes`]), so the two cannot differ.
fn gazetteer_column(tokens: &[Range<usize>], gaz: &[GazMatch], out: &mut Vec<u64>) {
    let mut codes = Vec::new();
    pattern_key::gazetteer_codes(tokens, gaz, &mut codes);
    out.clear();
    out.extend(codes.into_iter().map(pattern_key::gaz_value));
}

/// Whether a word is on the given-name list, as the given-name column holds it (0 or 1). The
/// list holds capitalised names: a lower-case word needs no look-up.
fn given_name(word: &str) -> u64 {
    u64::from(word.starts_with(char::is_uppercase) && GAZETTEER.is_given_name(word))
}

/// Counts the words beginning with a letter and those beginning with an upper-case one.
#[derive(Default)]
struct Capitals {
    alpha: usize,
    upper: usize,
}

impl Capitals {
    /// Counts a word by its first character.
    fn add(&mut self, first: Option<char>) {
        if let Some(first) = first {
            self.count(first.is_alphabetic(), first.is_uppercase());
        }
    }

    /// Counts a word whose first character is a letter as `letter` says, upper case as
    /// `upper` says.
    fn count(&mut self, letter: bool, upper: bool) {
        // Added without a branch: every token of a sentence is counted, and whether it
        // begins with a letter is as good as random to the branch predictor.
        self.alpha += usize::from(letter);
        self.upper += usize::from(letter & upper);
    }

    /// The counts of a sentence's tokens by their [`tokenize::marks`], eight marks at a time:
    /// every token of every sentence the recogniser reads is counted.
    fn of_marks(marks: &[u8]) -> Self {
        const { assert!(tokenize::LETTER_FIRST == 2 && tokenize::UPPER_FIRST == 1) };
        let mut counts = Self::default();
        let (eights, rest) = marks.as_chunks::<8>();
        for eight in eights {
            let x = u64::from_le_bytes(*eight);
            // per byte: its letter bit, and its letter and upper-case bits together, as 0 or
            // 1; a multiplication by ONES adds the eight bytes up into the top one
            let letters = (x >> 1) & ONES;
            let upper = letters & x;
            counts.alpha += (letters.wrapping_mul(ONES) >> 56) as usize;
            counts.upper += (upper.wrapping_mul(ONES) >> 56) as usize;
        }
        for &m in rest {
            counts.count(
                m & tokenize::LETTER_FIRST != 0,
                m & tokenize::UPPER_FIRST != 0,
            );
        }
        counts
    }

    /// How the sentence capitalises: mostly lower case (0), ordinary (1), or title case (2).
    fn caps(&self) -> u64 {
        let (alpha, upper) = (self.alpha, self.upper);
        if alpha == 0 || upper * 10 < alpha {
            0
        } else if upper * 2 > alpha && alpha >= 4 {
            2
        } else {
            1
        }
    }
}

fn prepare<'a>(text: &'a str, tokens: &[Range<usize>], gaz: &[GazMatch]) -> Prepared<'a> {
    let words: Vec<&str> = tokens.iter().map(|r| &text[r.clone()]).collect();
    let n = words.len();
    let mut gz = Vec::with_capacity(n + 4);
    gazetteer_column(tokens, gaz, &mut gz);
    // One pass over the words: which may begin a name, which are on the given-name list, and
    // how the sentence capitalises (its words' first letters).
    let mut given = Vec::with_capacity(n + 4);
    padded_column(n, &mut given);
    let mut open = Vec::with_capacity(n);
    let mut capitals = Capitals::default();
    for (g, w) in given[2..].iter_mut().zip(&words) {
        open.push(opens(w));
        *g = given_name(w);
        capitals.add(w.chars().next());
    }
    let caps = capitals.caps();
    // Padding is hashed already; a word's slot holds a stand-in until it is hashed.
    let mut toks = vec![features::PAD_END; n + 4];
    toks[..2].fill(features::PAD_START);
    let mut hashed = vec![false; n + 4];
    hashed[..2].fill(true);
    hashed[n + 2..].fill(true);
    let mut p = Prepared {
        words,
        toks,
        hashed,
        gaz: gz,
        given,
        caps,
        open,
        run: Vec::new(),
    };
    // Every word that may begin a name is weighed, so its window is read. The runs of
    // capitalised words read only such windows: their first and last words are capitalised,
    // and the word before the run is next to its first.
    for i in 0..n {
        if p.open[i] {
            p.hash_window(i);
        }
    }
    p.run = runs(&p.words, &p.toks);
    p
}

/// The most feature keys one decision has.
const MAX_FEATURES: usize = 36;

/// The feature keys of one decision: a fixed array and how much of it is used (no allocation).
struct Features {
    keys: [u32; MAX_FEATURES],
    len: usize,
}

impl std::ops::Deref for Features {
    type Target = [u32];

    fn deref(&self) -> &[u32] {
        &self.keys[..self.len]
    }
}

/// The features of token `i` given the two labels before it: every group of [`keys`].
fn features(p: &Prepared<'_>, i: usize, y1: u64, y2: u64) -> Features {
    let at = i + 2;
    let t = &p.toks;
    let view = |at: usize| View::new(&t[at], p.given[at]);
    let (w, m1, n1) = (view(at), view(at - 1), view(at + 1));
    let c = keys::Context {
        w: &w,
        m1: &m1,
        n1: &n1,
        y1,
        gaz: [p.gaz[at - 1], p.gaz[at], p.gaz[at + 1]],
        caps: p.caps,
        first: i == 0,
        run: p.run[i],
    };
    let (pattern, pattern_len) = keys::pattern(&c.pattern());
    let (context, context_len) = keys::context(&c);
    let mut f = Features {
        keys: [0; MAX_FEATURES],
        len: 0,
    };
    let neighbours = [
        keys::neighbour(t[at - 2].lower)[0],
        keys::neighbour(t[at - 1].lower)[1],
        keys::neighbour(t[at + 1].lower)[2],
        keys::neighbour(t[at + 2].lower)[3],
    ];
    for group in [
        &keys::labels(p.caps, y1, y2)[..],
        &keys::word(&t[at], p.given[at]),
        &neighbours,
        &pattern[..pattern_len],
        &context[..context_len],
    ] {
        f.keys[f.len..f.len + group.len()].copy_from_slice(group);
        f.len += group.len();
    }
    f
}

/// The label features of token `i` see: the one before (marked at a sentence start) and the
/// one before that.
fn previous(labels: &[usize], i: usize) -> (usize, u64, u64) {
    let y1 = if i >= 1 { labels[i - 1] } else { 0 };
    let y2 = if i >= 2 { labels[i - 2] as u64 } else { 0xff };
    (y1, y1 as u64 + 0x100 * u64::from(i == 0), y2)
}

/// The best label allowed after `prev` (a label).
fn best<T: PartialOrd + Copy>(scores: &[T; LABELS.len()], prev: usize) -> usize {
    let after = ALLOWED_AFTER[prev];
    let mut best = 0;
    for l in 1..LABELS.len() {
        if after >> l & 1 != 0 && scores[l] > scores[best] {
            best = l;
        }
    }
    best
}

/// Names spanned by a label sequence: each begins at a label other than O and goes on over the
/// I- labels of its type that follow it.
fn spans(tokens: &[Range<usize>], labels: &[usize]) -> Vec<Entity> {
    let mut out: Vec<Entity> = Vec::new();
    let mut i = 0;
    // Most labels are O: they are passed over by a plain search, not read one by one as a
    // name's.
    while let Some(skip) = labels[i..].iter().position(|&l| l != 0) {
        let start = i + skip;
        let Some((ty, _)) = type_of(labels[start]) else {
            break;
        };
        let mut end = start + 1;
        while labels
            .get(end)
            .is_some_and(|&l| type_of(l) == Some((ty, false)))
        {
            end += 1;
        }
        out.push(Entity {
            range: tokens[start].start..tokens[end - 1].end,
            ty,
        });
        i = end;
    }
    out
}

/// [`spans`] of a label sequence whose labels other than O are at `named` (in order): a
/// sentence's few names are read without passing over its every label.
fn spans_of(tokens: &[Range<usize>], labels: &[usize], named: &[usize]) -> Vec<Entity> {
    let mut out: Vec<Entity> = Vec::new();
    let mut k = 0;
    while let Some(&start) = named.get(k) {
        let Some((ty, _)) = type_of(labels[start]) else {
            break;
        };
        // the name goes on over the I- labels of its type that follow it, each next in `named`
        let mut end = start + 1;
        k += 1;
        while named.get(k) == Some(&end) && type_of(labels[end]) == Some((ty, false)) {
            end += 1;
            k += 1;
        }
        out.push(Entity {
            range: tokens[start].start..tokens[end - 1].end,
            ty,
        });
    }
    out
}

/// Whether the sentence `text[range]` may hold a name: names are written with capitals in
/// edited text, so a sentence with none (or a range that is not one of `text`) costs nothing.
fn may_name(text: &str, range: &Range<usize>) -> bool {
    text.get(range.clone())
        .is_some_and(|sentence| sentence.chars().any(char::is_uppercase))
}

impl Recogniser {
    /// The names in the sentence `text[range]`; `gaz` are the gazetteer's matches in it.
    pub fn recognise(&self, text: &str, range: Range<usize>, gaz: &[GazMatch]) -> Vec<Entity> {
        if !may_name(text, &range) {
            return Vec::new();
        }
        decide::recognise(self, text, gaz, |tokens, marks| {
            tokenize::marked_tokens_into(text, range, tokens, marks);
        })
    }

    /// [`Recogniser::recognise`], given the words of the plain chunks of the sentence as
    /// [`tokenize::marked_tokens_known_into`] takes them: a caller that has read the sentence's
    /// words already spares the tokenizer most of its scan.
    pub fn recognise_known(
        &self,
        text: &str,
        range: Range<usize>,
        plain: impl Iterator<Item = (Range<usize>, PlainWord)>,
        gaz: &[GazMatch],
    ) -> Vec<Entity> {
        if !may_name(text, &range) {
            return Vec::new();
        }
        decide::recognise(self, text, gaz, |tokens, marks| {
            tokenize::marked_tokens_known_into(text, range, plain, tokens, marks);
        })
    }
}

#[cfg(test)]
mod tests;
