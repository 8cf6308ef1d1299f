//! The part-of-speech tagger: Universal Dependencies tags (NOUN, PROPN, VERB, ...) read greedily
//! left to right, each decision from the word, its affixes and shape, its neighbours and the two
//! tags already chosen. Trained on UD English-EWT (see `assets/models/README.md`).

use std::sync::LazyLock;

use super::features::{self, Tok};
use super::hash::key;
use super::model::Model;
use super::perceptron::{Perceptron, Shuffler};

/// The Universal Dependencies part-of-speech tags, in the order the model's classes use.
pub const UPOS: [&str; 17] = [
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
    "PUNCT", "SCONJ", "SYM", "VERB", "X",
];

pub const PROPN: usize = 11;

const WEIGHTS: &[u8] = include_bytes!("../../../assets/models/pos.clnm");

/// The shipped tagger, read on first use; `None` when the weights file is missing or damaged
/// (then callers go on without tags). Its index is made at run time: `extract` does not tag,
/// and the app loads the tagger while it reads files, so one made when compiling (seconds of
/// every build) would save no one's wait.
pub static TAGGER: LazyLock<Option<Tagger>> = LazyLock::new(|| {
    super::model::shipped("pos.clnm", WEIGHTS, &[])
        .filter(|m| m.classes.iter().map(String::as_str).eq(UPOS))
        .map(|model| Tagger { model })
});

/// A trained tagger.
pub struct Tagger {
    pub model: Model,
}

/// The tag "before the sentence", as a feature value.
const NO_TAG: u64 = 0xffff;

/// Pushes the features of token `i` (index into `toks` without padding) given the previous tags.
pub fn features(toks: &[Tok], i: usize, p1: u64, p2: u64, out: &mut Vec<u32>) {
    let at = i + 2;
    let w = &toks[at];
    let (m1, m2, n1, n2) = (&toks[at - 1], &toks[at - 2], &toks[at + 1], &toks[at + 2]);
    out.clear();
    out.push(key(0, 0, 0));
    out.push(key(1, w.lower, 0));
    out.push(key(2, w.form, 0));
    for k in 0..4 {
        out.push(key(3 + k as u32, w.suffix[k], 0));
        out.push(key(7 + k as u32, w.prefix[k], 0));
    }
    out.push(key(11, w.shape, 0));
    out.push(key(12, w.flags, 0));
    out.push(key(13, p1, 0));
    out.push(key(14, p2, 0));
    out.push(key(15, p1, p2));
    out.push(key(16, p1, w.lower));
    out.push(key(17, m1.lower, 0));
    out.push(key(18, m1.suffix[2], 0));
    out.push(key(19, m2.lower, 0));
    out.push(key(20, n1.lower, 0));
    out.push(key(21, n1.suffix[2], 0));
    out.push(key(22, n2.lower, 0));
    out.push(key(23, m1.lower, w.lower));
    out.push(key(24, w.lower, n1.lower));
    out.push(key(25, m1.shape, w.shape));
    out.push(key(26, p1, w.suffix[2]));
    out.push(key(27, n1.shape, n1.flags));
    out.push(key(28, w.shape, n1.lower));
    out.push(key(29, p1, n1.lower));
}

impl Tagger {
    /// The tag (index into [`UPOS`]) of each word.
    pub fn tag(&self, words: &[&str]) -> Vec<usize> {
        self.tag_prepared(&features::padded(words))
    }

    /// [`Tagger::tag`] over tokens already hashed by [`features::padded`] (the recogniser
    /// hashes each sentence once for both models).
    pub fn tag_prepared(&self, toks: &[Tok]) -> Vec<usize> {
        let n = toks.len().saturating_sub(4);
        let mut tags = Vec::with_capacity(n);
        let mut feats = Vec::with_capacity(40);
        let mut scores = [0i32; UPOS.len()];
        for i in 0..n {
            let (p1, p2) = previous(&tags, i);
            features(toks, i, p1, p2, &mut feats);
            scores.fill(0);
            self.model.score(&feats, &mut scores);
            tags.push(argmax_i(&scores));
        }
        tags
    }
}

fn previous(tags: &[usize], i: usize) -> (u64, u64) {
    let p1 = if i >= 1 { tags[i - 1] as u64 } else { NO_TAG };
    let p2 = if i >= 2 { tags[i - 2] as u64 } else { NO_TAG };
    (p1, p2)
}

fn argmax_i(scores: &[i32]) -> usize {
    let mut best = 0;
    for (c, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = c;
        }
    }
    best
}

fn argmax_f(scores: &[f32]) -> usize {
    let mut best = 0;
    for (c, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = c;
        }
    }
    best
}

/// One training sentence: words and their gold tags.
pub struct Tagged {
    pub words: Vec<String>,
    pub tags: Vec<usize>,
}

/// Trains a tagger over `iterations` shuffled passes (fixed `seed`), with the model's own
/// previous guesses as context, as at run time.
pub fn train(sentences: &[Tagged], iterations: usize, seed: u64, prune: f32) -> Model {
    let mut p = Perceptron::new(UPOS.iter().map(|s| (*s).to_string()).collect());
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut shuffler = Shuffler::new(seed);
    let mut feats = Vec::with_capacity(40);
    for _ in 0..iterations {
        shuffler.shuffle(&mut order);
        for &s in &order {
            let sent = &sentences[s];
            let words: Vec<&str> = sent.words.iter().map(String::as_str).collect();
            let toks = features::padded(&words);
            let mut guesses = Vec::with_capacity(words.len());
            for i in 0..words.len() {
                let (p1, p2) = previous(&guesses, i);
                features(&toks, i, p1, p2, &mut feats);
                let mut scores = [0.0f32; UPOS.len()];
                p.score(&feats, &mut scores);
                let guess = argmax_f(&scores);
                p.update(sent.tags[i], guess, &feats);
                guesses.push(guess);
            }
        }
    }
    p.finish(prune)
}

/// Share of words tagged as in `gold`.
pub fn accuracy(tagger: &Tagger, gold: &[Tagged]) -> f64 {
    let (mut right, mut all) = (0usize, 0usize);
    for s in gold {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let tags = tagger.tag(&words);
        right += tags.iter().zip(&s.tags).filter(|(a, b)| a == b).count();
        all += s.tags.len();
    }
    right as f64 / all.max(1) as f64
}
