//! The recogniser at run time: the decisions of [`super::train`]'s features, with the work that
//! does not change from one decision to the next done once.
//!
//! Of a decision's 36 features, 4 read only the labels before the word and how the sentence
//! capitalises, 11 only the word, 4 only one neighbour, and 9 or 10 only the shapes and flags
//! around the word, its pattern ([`keys`]). Their summed weights are kept: per label pair in
//! the recogniser, per word and per pattern in memos each thread keeps from sentence to
//! sentence (news repeats its words, and a few thousand patterns cover it). Of the 5 to 8 word
//! context features left, the word's with the label before is kept with the word for the label
//! it last followed, a run's three are summed once per run, and the two that read the word with
//! the word before (and the two with the word after) are kept with the word for the word it
//! last had there. A decision then reads the model's table, too large for the caches, only
//! where one of these changed. The sums are integer sums of the same
//! weights, so the labels are those the features give summed one by one (a test holds them
//! equal).

use std::cell::RefCell;
use std::ops::Range;

use rustc_hash::FxHashMap;

use super::context_memo::ContextMemo;
use super::keys::{self, Pattern, View};
use super::memo_table::MemoTable;
use super::pattern_key::{self, GazCode};
use super::runs::{Run, RunsInOrder, each_run};
use super::short_words::{ShortWords, packed_short_word};
use super::{
    Capitals, LABELS, PAD_AFTER, PAD_BEFORE, Recogniser, best, given_name, previous, spans_of,
};
use crate::extract::actors::gazetteer::GazMatch;
use crate::extract::eight_bytes::{HIGHS, first_flagged};
use crate::extract::nlp::features::{PAD_END, PAD_START, Tok};
use crate::extract::nlp::model::Model;
use crate::extract::nlp::tokenize;

/// One decision's score per label (integer sums of the model's quantised weights).
type Scores = [i32; LABELS.len()];

/// The label pairs a decision can follow: the label before (or none, at a sentence start) and
/// the one before that (or none): 10 × 10, for each of the three sentence capitalisations.
const LABEL_PAIRS: usize = 3 * 10 * 10;

/// The index in `Recogniser::by_labels` of the decision of token `i` after `labels`, in a
/// sentence capitalised as `caps`.
fn label_index(caps: u64, labels: &[usize], i: usize) -> usize {
    let y1 = if i >= 1 { labels[i - 1] } else { 9 };
    let y2 = if i >= 2 { labels[i - 2] } else { 9 };
    (caps as usize * 10 + y1) * 10 + y2
}

/// The summed weights of the bias and label features for each entry of [`label_index`], with
/// the label values [`previous`] gives (the label before marked at a sentence start, 0xff for
/// no label two before).
pub(super) fn label_sums(model: &Model) -> Vec<Scores> {
    let mut out = vec![[0; LABELS.len()]; LABEL_PAIRS];
    for (index, sums) in out.iter_mut().enumerate() {
        let (caps, y1, y2) = (index / 100, index / 10 % 10, index % 10);
        let y1 = if y1 == 9 { 0x100 } else { y1 as u64 };
        let y2 = if y2 == 9 { 0xff } else { y2 as u64 };
        model.score(&keys::labels(caps as u64, y1, y2), sums);
    }
    out
}

/// A word as the recogniser has met it: what its context features read, and the summed
/// weights of the features that read it alone.
struct Known {
    view: View,
    /// The id in `Scratch::shapes` of its shape and given-name code: what a pattern key reads
    /// of it ([`pattern_key::Ids::words`]).
    shape: u32,
    /// The weights of the word's own features ([`keys::word`]), summed; summed only once the
    /// word is weighed (most words of a window are only its context: "the", "said", ",").
    alone: Option<Scores>,
    /// The row of each of its neighbour features ([`keys::neighbour`]): as the word two before
    /// the weighed word, one before, one after and two after (one row each, kept as the
    /// model's i16 weights: widened in every decision that adds them, which costs the vector
    /// additions nothing, they keep the memo's words a quarter smaller, and the memo's pages
    /// are a tenth of the faults of a run).
    near: [Row; 4],
    /// The label before it was last weighed after ([`NO_LABEL`] before that), and the row of
    /// its feature with that label ([`keys::after_label`]): a word is mostly weighed after the
    /// same label ("O"), and a row kept here is one read of the model's table fewer.
    after: (u32, Row),
    /// The word before it when it was last weighed (its index in the memo, [`NO_WORD`]
    /// before that) and the summed weights of their features ([`keys::left`]); names are
    /// written after the same words again and again ("Mr.", "President", "in").
    left: (u32, Scores),
    /// The same of the word after it ([`keys::right`]: "said", "'s", ",").
    right: (u32, Scores),
}

/// `Known::left` and `Known::right`'s word before a word is first weighed: no word's index.
const NO_WORD: u32 = u32::MAX;

/// `Known::after`'s label before a word is first weighed: no label before is this (the labels
/// [`previous`] gives are below 0x200).
const NO_LABEL: u32 = u32::MAX;

/// One row of the model's weights, one per label, as the model holds them.
type Row = [i16; LABELS.len()];

/// The row of `key` in `model`, zeros when it has none.
fn row_of(model: &Model, key: u32) -> Row {
    model.row_array(key).unwrap_or([0; LABELS.len()])
}

impl Known {
    /// The word `tok`, on the given-name list as `given` says, with the sums of `model`'s
    /// weights for the features that read it alone when it is to be `weighed`.
    /// Its id of shape and given-name code is `shape`.
    fn new(model: &Model, tok: &Tok, given: u64, weighed: bool, shape: u32) -> Self {
        let alone = weighed.then(|| word_sums(model, tok, given));
        let near = keys::neighbour(tok.lower).map(|k| row_of(model, k));
        Self {
            view: View::new(tok, given),
            shape,
            alone,
            near,
            after: (NO_LABEL, [0; LABELS.len()]),
            left: (NO_WORD, [0; LABELS.len()]),
            right: (NO_WORD, [0; LABELS.len()]),
        }
    }
}

/// The summed weights of the features of the word `tok` alone ([`keys::word`]), on the
/// given-name list as `given` says.
fn word_sums(model: &Model, tok: &Tok, given: u64) -> Scores {
    summed(model, &keys::word(tok, given))
}

/// The summed weights of the features `keys`, from zero.
#[inline]
fn summed(model: &Model, keys: &[u32]) -> Scores {
    let mut sums = [0; LABELS.len()];
    model.score(keys, &mut sums);
    sums
}

/// Words kept in a thread's memo before it starts afresh (264 bytes each).
const MEMO_WORDS: usize = 1 << 14;

/// Patterns kept in a thread's memo before it starts afresh (about 70 bytes each; a few
/// thousand cover megabytes of news).
const MEMO_PATTERNS: usize = 1 << 13;

/// The capacity the memo's tables keep when they start afresh: the most they reach in
/// ordinary use (the sentence that crosses [`MEMO_WORDS`] can double a table's capacity).
const MEMO_CAPACITY: usize = 2 * MEMO_WORDS;

/// The room `Scratch::known` is given when it starts afresh: the most words it holds unless
/// one sentence of more than [`SENTENCE_CAPACITY`] tokens crosses [`MEMO_WORDS`] (the limit is
/// checked between sentences, and a sentence adds at most one word per token). Given at once,
/// the room is only address space until words are written into it, a page at a time, where
/// a vector grown by doubling wrote each word again into every larger copy.
const MEMO_ROOM: usize = MEMO_WORDS + SENTENCE_CAPACITY;

/// The tokens a sentence's buffers keep room for between sentences; a longer sentence's
/// room is given back once it is decided.
const SENTENCE_CAPACITY: usize = 1 << 12;

/// Bytes of text per key a memo table (of words, pairs, runs or patterns) is expected to reach
/// at most: a megabyte of news keeps fewer than 2^14 of each. Each table is first given slots
/// for the keys its thread's first text is expected to reach, and grows past them if need be:
/// the slots for a long text's keys, all written empty, were most of what the recogniser cost
/// on a one-sentence article.
const BYTES_PER_KEY: usize = 32;

/// Where the padding before and after a sentence is in `Scratch::known`.
const BEFORE: u32 = 0;
const AFTER: u32 = 1;

/// A slot of `Scratch::at` whose word is not looked up yet.
const UNSEEN: u32 = u32::MAX;

/// What a thread keeps from sentence to sentence: the memo of words, and the buffers of one
/// sentence (kept for their memory).
#[derive(Default)]
struct Scratch {
    /// The recogniser whose weights `known` sums (`None` before the first sentence).
    owner: Option<u64>,
    /// Word of up to 15 bytes, [`packed_short_word`] → its index in `known`.
    short: ShortWords,
    /// Longer word → its index in `known`.
    index: FxHashMap<Box<str>, u32>,
    /// The words met, after the padding before and after a sentence.
    known: Vec<Known>,
    /// Shape hash and given-name code ([`pattern_key::given_code`]) of the words in `known` →
    /// their id (the order they were met in): emptied with `known`, and with it `patterns`,
    /// whose keys hold the ids.
    shapes: FxHashMap<(u64, u8), u32>,
    /// The summed weights of each pattern met (see [`keys::pattern`]), by its key
    /// ([`pattern_key::Ids::pack`]).
    patterns: MemoTable<u128>,
    /// The summed weights of each pair of words and each run of capitals met.
    context: ContextMemo,
    /// The sentence's tokens, as byte ranges of the text.
    tokens: Vec<Range<usize>>,
    /// Per padded index (`i + 2` is token `i`): the word's index in `known`, or [`UNSEEN`].
    at: Vec<u32>,
    /// The gazetteer column's codes, padded as `at` is (see [`pattern_key::gazetteer_codes`]).
    gaz: Vec<GazCode>,
    /// Per token: its [`tokenize::marks`] (whether it may begin a name, see [`opens`]; whether
    /// it begins with an upper-case letter or any letter).
    marks: Vec<u8>,
    /// The runs of capitalised words, read in the order of the decisions.
    runs: RunsInOrder,
    /// Per token: the label decided, left to right.
    labels: Vec<usize>,
    /// The tokens decided to be in a name (a label other than O), in order.
    named: Vec<usize>,
    /// The run of capitals last weighed in the sentence, and the summed weights of its
    /// features ([`keys::run`]): every word of a run has the same, so they are summed once.
    last_run: Option<(Run, Scores)>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Whether a token of `marks` may begin a name: it has an upper-case letter or a digit (what
/// [`super::opens`] says of its word).
fn marks_open(marks: u8) -> bool {
    marks & tokenize::UPPER_OR_DIGIT != 0
}

/// The first token at or after `from` whose `marks` say it may begin a name, or the number
/// of tokens when none does.
fn next_open(marks: &[u8], from: usize) -> usize {
    next_marked::<{ tokenize::UPPER_OR_DIGIT }>(marks, from)
}

/// The first token at or after `from` whose `marks` have the bit `MARK`, or the number of
/// tokens when none does. Most tokens have not (they may not begin a name, they do not begin
/// with a capital), so they are passed over eight at a time: one test of eight marks read as
/// one number.
#[inline]
fn next_marked<const MARK: u8>(marks: &[u8], from: usize) -> usize {
    const { assert!(MARK.is_power_of_two()) };
    // the mark's bit moved up to the top of its byte, where `first_flagged` looks
    let up = 7 - MARK.trailing_zeros();
    first_flagged(
        marks,
        from,
        |eight| (eight << up) & HIGHS,
        |m| m & MARK != 0,
    )
    .unwrap_or(marks.len())
}

/// The names in a sentence of `text` (see [`Recogniser::recognise`]) that `cut` cuts into
/// tokens and their marks (as [`tokenize::marked_tokens_into`] does, into the two emptied
/// vectors it is given).
pub(super) fn recognise(
    rec: &Recogniser,
    text: &str,
    gaz: &[GazMatch],
    cut: impl FnOnce(&mut Vec<Range<usize>>, &mut Vec<u8>),
) -> Vec<super::Entity> {
    SCRATCH.with_borrow_mut(|s| {
        // cut here, so that the one body of the decisions below serves every way of cutting
        cut(&mut s.tokens, &mut s.marks);
        s.recognise(rec, text, gaz)
    })
}

impl Scratch {
    /// Empties the memo when it holds another recogniser's sums or has grown to its limit
    /// (only between sentences: a sentence holds indices into it). Its tables are given slots
    /// for the keys a text of `text_len` bytes is expected to reach (see [`BYTES_PER_KEY`]).
    fn start(&mut self, rec: &Recogniser, text_len: usize) {
        if self.owner == Some(rec.id) {
            self.patterns
                .restart(MEMO_PATTERNS, MEMO_PATTERNS, MEMO_PATTERNS);
        }
        if self.owner == Some(rec.id) && self.known.len() < MEMO_WORDS {
            self.context.trim();
            return;
        }
        let expected = text_len / BYTES_PER_KEY;
        self.context.clear(expected);
        self.owner = Some(rec.id);
        self.patterns.restart(0, MEMO_PATTERNS, expected);
        self.short.clear(expected);
        self.index.clear();
        self.known.clear();
        self.shapes.clear();
        // One sentence of many distinct words (a word list, an adversarial input) can grow the
        // memo far past its limit before this check runs; the thread lives as long as the
        // program, so that room is given back rather than kept for good.
        self.index.shrink_to(MEMO_CAPACITY);
        self.known.shrink_to(MEMO_ROOM);
        self.known.reserve_exact(MEMO_ROOM);
        self.shapes.shrink_to(MEMO_CAPACITY);
        for (tok, given) in [(&PAD_START, PAD_BEFORE), (&PAD_END, PAD_AFTER)] {
            let shape = self.shape_id(tok.shape, given);
            self.known
                .push(Known::new(&rec.model, tok, given, false, shape));
        }
        self.short.push_other(BEFORE);
        self.short.push_other(AFTER);
    }

    /// The id of the shape hashed as `shape` with the given-name column's value `given`, given
    /// one when the pair is new.
    fn shape_id(&mut self, shape: u64, given: u64) -> u32 {
        let next = u32::try_from(self.shapes.len()).expect("fewer ids than words");
        *self
            .shapes
            .entry((shape, pattern_key::given_code(given)))
            .or_insert(next)
    }

    /// Looks up the words the features of token `i` read (two before to two after) in the
    /// memo, adding those it lacks, when the token before was weighed (and its window looked
    /// up): of the window, only the word two after `i` can be new.
    fn look_up_window_after_weighed(&mut self, rec: &Recogniser, text: &str, i: usize) {
        debug_assert!(i >= 1 && self.at[i..i + 4].iter().all(|&k| k != UNSEEN));
        self.look_up(rec, text, i + 4..i + 5);
    }

    /// Looks up the words at the padded indices `window` in the memo, adding those it lacks.
    fn look_up(&mut self, rec: &Recogniser, text: &str, window: Range<usize>) {
        for at in window {
            if self.at[at] != UNSEEN {
                continue;
            }
            let r = &self.tokens[at - 2];
            // A short word is looked up by its packed bytes; the word itself is sliced only
            // when it is longer or new.
            let found = match packed_short_word(text.as_bytes(), r) {
                Some(p) => self.short.find(p).map_err(|slot| Some((p, slot))),
                None => self.index.get(&text[r.clone()]).copied().ok_or(None),
            };
            self.at[at] = match found {
                Ok(k) => k,
                Err(slot) => self.add_word(rec, text, at, slot),
            };
        }
    }

    /// Adds the word at padded index `at` to the memo (its packed bytes and their slot in
    /// `short` when it is short, see [`ShortWords::find`]) and gives its index. Kept out of
    /// [`Scratch::look_up`]'s loop: one word in thirteen is new, and inlined, this path's
    /// values crowded the loop's own out of their registers.
    #[inline(never)]
    fn add_word(
        &mut self,
        rec: &Recogniser,
        text: &str,
        at: usize,
        slot: Option<(u128, usize)>,
    ) -> u32 {
        let word = &text[self.tokens[at - 2].clone()];
        let k = self.known.len() as u32;
        // A word that may begin a name is weighed wherever it stands (its marks are its
        // characters'); another is summed if it continues a name.
        let weighed = marks_open(self.marks[at - 2]);
        let tok = Tok::new(word);
        let given = given_name(word);
        let shape = self.shape_id(tok.shape, given);
        let known = Known::new(&rec.model, &tok, given, weighed, shape);
        self.known.push(known);
        match slot {
            Some((p, slot)) => self.short.insert(p, k, slot),
            None => {
                self.index.insert(word.into(), k);
                self.short.push_other(k);
            }
        }
        k
    }

    /// The names in the sentence of `text` whose tokens and their marks are in `tokens` and
    /// `marks` (see [`recognise`]) by `rec`'s weights, the words' sums read from (and added
    /// to) the memo; `gaz` are the gazetteer's matches in it.
    fn recognise(&mut self, rec: &Recogniser, text: &str, gaz: &[GazMatch]) -> Vec<super::Entity> {
        self.start(rec, text.len());
        self.last_run = None;
        let n = self.tokens.len();
        pattern_key::gazetteer_codes(&self.tokens, gaz, &mut self.gaz);
        self.at.clear();
        self.at.extend([BEFORE, BEFORE]);
        self.at.resize(n + 2, UNSEEN);
        self.at.extend([AFTER, AFTER]);
        // How the sentence capitalises, from its words' first letters.
        let caps = Capitals::of_marks(&self.marks).caps();
        // Every word that may begin a name is weighed, so its window is read. The runs of
        // capitalised words read only such windows: their first and last words are
        // capitalised, and the word before the run is next to its first.
        // Windows that overlap or touch are looked up as one, each word once.
        let mut span: Option<Range<usize>> = None;
        let mut i = next_open(&self.marks, 0);
        while i < n {
            match &mut span {
                Some(s) if s.end >= i => s.end = i + 5,
                _ => {
                    if let Some(s) = span.replace(i..i + 5) {
                        self.look_up(rec, text, s);
                    }
                }
            }
            i = next_open(&self.marks, i + 1);
        }
        if let Some(s) = span {
            self.look_up(rec, text, s);
        }
        let (tokens, known, at, marks) = (&self.tokens, &self.known, &self.at, &self.marks);
        let runs = &mut self.runs;
        runs.clear();
        each_run(
            n,
            |from| next_marked::<{ tokenize::UPPER_FIRST }>(marks, from),
            |i| marks[i] & tokenize::UPPER_FIRST != 0,
            |i| &text[tokens[i].clone()],
            |p| known[at[p] as usize].view.lower,
            |words, run| runs.push(words, run),
        );
        // Every word is outside a name (O) unless decided otherwise.
        self.labels.clear();
        self.labels.resize(n, 0);
        self.named.clear();
        let mut i = next_open(&self.marks, 0);
        while i < n {
            if !marks_open(self.marks[i]) {
                // A word that continues a name ("of" in "Bank of America") is weighed too. It
                // follows a name's word (only that makes a word that may not begin a name
                // weighed), whose window was looked up.
                self.look_up_window_after_weighed(rec, text, i);
            }
            let (prev, y1, _) = previous(&self.labels, i);
            let run = self.runs.at(i);
            let scores = self.scores(rec, text, i, caps, y1, run);
            let label = best(&scores, prev);
            self.labels[i] = label;
            if label != 0 {
                self.named.push(i);
            }
            // After a name the next word is weighed whatever it is; after a word outside one,
            // a word that may not begin a name is outside too, so the next that may is weighed.
            i = if label == 0 {
                next_open(&self.marks, i + 1)
            } else {
                i + 1
            };
        }
        let names = spans_of(&self.tokens, &self.labels, &self.named);
        self.shrink_sentence();
        names
    }

    /// Gives back the room of an unusually long sentence: the buffers are kept for the next
    /// sentence's sake, and one long sentence should not make a thread hold its size for good.
    fn shrink_sentence(&mut self) {
        let most = SENTENCE_CAPACITY + 4;
        self.tokens.shrink_to(most);
        self.at.shrink_to(most);
        self.gaz.shrink_to(most);
        self.marks.shrink_to(most);
        self.runs.shrink_to(most);
        self.labels.shrink_to(most);
        self.named.shrink_to(most);
    }

    /// The scores of the decision of token `i` of `text`, whose label before is `y1` (as
    /// [`previous`] gives it) and which stands in `run`, its window looked up.
    fn scores(
        &mut self,
        rec: &Recogniser,
        text: &str,
        i: usize,
        caps: u64,
        y1: u64,
        run: Option<Run>,
    ) -> Scores {
        let p = i + 2;
        // the window's words read once, with one bound check
        let window: [u32; 5] = self.at[i..i + 5].try_into().expect("a window of five");
        let [two_before, before, word_k, after, two_after] = window;
        let k = word_k as usize;
        let w = &self.known[k];
        let pair_sums = |keys: [u32; 2]| summed(&rec.model, &keys);
        let (known, context) = (&self.known, &mut self.context);
        let left = (w.left.0 != before).then(|| {
            context.left(word_k, before, || {
                pair_sums(keys::left(&w.view, &known[before as usize].view))
            })
        });
        let right = (w.right.0 != after).then(|| {
            context.right(word_k, after, || {
                pair_sums(keys::right(&w.view, &known[after as usize].view))
            })
        });
        let known = &mut self.known[k];
        if let Some(sums) = left {
            known.left = (before, sums);
        }
        if let Some(sums) = right {
            known.right = (after, sums);
        }
        if known.alone.is_none() {
            let word = &text[self.tokens[i].clone()];
            known.alone = Some(word_sums(&rec.model, &Tok::new(word), given_name(word)));
        }
        // below 0x200 (see `previous`), so the label is kept whole
        let y1_kept = y1 as u32;
        if known.after.0 != y1_kept {
            known.after = (
                y1_kept,
                row_of(&rec.model, keys::after_label(y1, known.view.lower)),
            );
        }
        let run_sums = match run {
            None => [0; LABELS.len()],
            Some(run) => match self.last_run {
                Some((last, sums)) if last == run => sums,
                _ => {
                    let sums = self
                        .context
                        .run(run, || summed(&rec.model, &keys::run(&run)));
                    self.last_run = Some((run, sums));
                    sums
                }
            },
        };
        let word = |k: u32| &self.known[k as usize];
        let (w, m1, m2, n1, n2) = (
            word(word_k),
            word(before),
            word(two_before),
            word(after),
            word(two_after),
        );
        // the codes before, at and after the word as one number (the padding after the
        // sentence is two codes long, so the fourth byte read is there)
        let four: [u8; 4] = self.gaz[p - 1..p + 3].try_into().expect("four codes");
        let gaz = u32::from_le_bytes(four) & 0xff_ffff;
        let pattern = pattern_key::Ids {
            words: [m1.shape, w.shape, n1.shape],
            y1,
            gaz,
            caps,
            first: i == 0,
            in_run: run.is_some(),
        }
        .pack();
        let shared = &self.patterns.get_or(pattern, || {
            let c = keys::Context {
                w: &w.view,
                m1: &m1.view,
                n1: &n1.view,
                y1,
                gaz: [four[0], four[1], four[2]].map(pattern_key::gaz_value),
                caps,
                first: i == 0,
                run,
            };
            pattern_sums(&rec.model, &c.pattern())
        });
        // Every kept sum and row, added label by label in one loop (integer sums: the order
        // does not matter), which the compiler turns into a few vector additions.
        let by_labels = &rec.by_labels[label_index(caps, &self.labels, i)];
        let alone = w.alone.as_ref().unwrap_or(&[0; LABELS.len()]);
        let rows = [
            &w.after.1,
            &m2.near[0],
            &m1.near[1],
            &n1.near[2],
            &n2.near[3],
        ];
        let mut scores = [0; LABELS.len()];
        for (l, s) in scores.iter_mut().enumerate() {
            *s = by_labels[l]
                + alone[l]
                + shared[l]
                + run_sums[l]
                + w.left.1[l]
                + w.right.1[l]
                + rows.iter().map(|r| i32::from(r[l])).sum::<i32>();
        }
        scores
    }
}

/// The summed weights of the features of `pattern` (the first decision of each pattern).
#[inline(never)]
fn pattern_sums(model: &Model, pattern: &Pattern) -> Scores {
    let (keys, len) = keys::pattern(pattern);
    summed(model, &keys[..len])
}

#[cfg(test)]
mod tests {
    use super::super::{RECOGNISER, features, prepare, spans};
    use super::*;
    use crate::extract::actors::gazetteer::GAZETTEER;

    /// The labels of the features summed one by one, as training scores them.
    fn one_by_one(rec: &Recogniser, text: &str) -> Vec<usize> {
        let tokens = tokenize::tokens(text, 0..text.len());
        let gaz = GAZETTEER.find(text, 0..text.len());
        let mut p = prepare(text, &tokens, &gaz);
        let mut labels = Vec::new();
        for i in 0..tokens.len() {
            p.hash_window(i);
            let (prev, y1, y2) = previous(&labels, i);
            if !p.open[i] && prev == 0 {
                labels.push(0);
                continue;
            }
            let mut scores = [0i32; LABELS.len()];
            rec.model().score(&features(&p, i, y1, y2), &mut scores);
            labels.push(best(&scores, prev));
        }
        labels
    }

    #[test]
    fn the_next_open_token_is_found_eight_at_a_time_as_one_by_one() {
        let open = tokenize::UPPER_OR_DIGIT;
        for n in 0..40 {
            for at in [0, 1, 7, 8, 9, 15, 16, 17, 30, 39] {
                let mut marks = vec![tokenize::LETTER_FIRST; n];
                if at < n {
                    marks[at] = open | tokenize::UPPER_FIRST;
                }
                for from in 0..=n {
                    let want = (from..n).find(|&i| marks[i] & open != 0).unwrap_or(n);
                    assert_eq!(next_open(&marks, from), want, "{n} {at} {from}");
                    // the capitals the runs begin at, likewise
                    let want = (from..n)
                        .find(|&i| marks[i] & tokenize::UPPER_FIRST != 0)
                        .unwrap_or(n);
                    let got = next_marked::<{ tokenize::UPPER_FIRST }>(&marks, from);
                    assert_eq!(got, want, "{n} {at} {from}");
                }
            }
        }
    }

    #[test]
    fn the_memo_has_its_room_at_once_and_gives_back_an_odd_sentences() {
        let Some(rec) = RECOGNISER.as_ref() else {
            return;
        };
        let room = || SCRATCH.with_borrow(|s| s.known.capacity());
        let run = |text: &str| {
            let gaz = GAZETTEER.find(text, 0..text.len());
            rec.recognise(text, 0..text.len(), &gaz);
        };
        run("He said so.");
        assert_eq!(room(), MEMO_ROOM);
        // One sentence of more new words than the room: the memo grows past it...
        let long: String = (0..MEMO_ROOM + 1000).map(|i| format!("Zq{i} ")).collect();
        run(&long);
        assert!(room() > MEMO_ROOM);
        // ... and, full, starts afresh at the next sentence with its usual room.
        run("He said so.");
        assert_eq!(room(), MEMO_ROOM);
    }

    #[test]
    fn sums_kept_give_the_labels_of_the_features_one_by_one() {
        let Some(rec) = RECOGNISER.as_ref() else {
            return;
        };
        let texts = [
            "Revenue fell for a third quarter, Doug Daniels said on Tuesday.",
            "The Bank of America said on Monday that Zorbix Holdings would close its plant.",
            "In Vienna, the envoy said that Moscow would attend the next round in Geneva.",
            "THE FTSE 100 FELL 2 PERCENT WHILE THE DOW JONES INDUSTRIAL AVERAGE ROSE.",
            "Great Service And Friendly Staff At The Kettering Grill",
            "Zürich's Ämter, the U.S. Department of Defense and Airbus A380 — \"Lisa\" (Mr. O'Neil).",
            "He said so.",
            "A",
        ];
        // Twice, so the second pass reads every word from the memo.
        for text in texts.iter().chain(&texts) {
            let want = one_by_one(rec, text);
            let tokens = tokenize::tokens(text, 0..text.len());
            let gaz = GAZETTEER.find(text, 0..text.len());
            let got = rec.recognise(text, 0..text.len(), &gaz);
            assert_eq!(got, spans(&tokens, &want), "{text}");
        }
    }
}
