//! Training and measuring the recogniser: corpus sentences re-cut as the run-time tokenizer
//! cuts them, silver labels for a treebank, the perceptron's passes over the same features
//! the run-time decisions read, and the span score. Kept apart from `ner.rs` because only
//! `chronolane train-models` runs it; recognising text never does.

use std::ops::Range;

use super::{
    EntType, LABELS, Prepared, Recogniser, best, features, label_of, prepare, previous, spans,
};
use crate::extract::actors::gazetteer::GAZETTEER;
use crate::extract::nlp::corpus::NerSentence;
use crate::extract::nlp::model::Model;
use crate::extract::nlp::perceptron::{Perceptron, Shuffler};
use crate::extract::nlp::pos::{PROPN, Tagged};
use crate::extract::nlp::tokenize;

/// One training sentence cut with the run-time tokenizer, its gold labels carried over.
pub struct Example {
    text: String,
    tokens: Vec<Range<usize>>,
    labels: Vec<usize>,
}

/// Rebuilds a corpus sentence as text and re-cuts it as [`tokenize::tokens`] would at run time.
pub fn example(s: &NerSentence) -> Example {
    let mut text = String::new();
    let mut tokens = Vec::new();
    let mut labels = Vec::new();
    for (w, l) in s.words.iter().zip(&s.labels) {
        if !text.is_empty() {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(w);
        for (k, r) in tokenize::tokens(&text, start..text.len())
            .into_iter()
            .enumerate()
        {
            tokens.push(r);
            labels.push(label_of(l.map(|(t, b)| (t, b && k == 0))));
        }
    }
    Example {
        text,
        tokens,
        labels,
    }
}

/// Sentences of a treebank labelled by a first recogniser, for training a second one on text
/// of the treebank's kind (web text, mail, reviews) that no entity corpus covers. The treebank's
/// gold part-of-speech tags correct the first model's spans: a name is a run of proper nouns,
/// so a span is trimmed to its proper nouns and widened to their whole run, and a sentence with
/// a capitalised proper noun the first model left out is not used (it would teach "no name").
pub fn silver(rec: &Recogniser, treebank: &[Tagged]) -> Vec<NerSentence> {
    let mut out = Vec::new();
    for s in treebank {
        let n = s.words.len();
        let mut text = String::new();
        let mut ranges = Vec::with_capacity(n);
        for w in &s.words {
            if !text.is_empty() {
                text.push(' ');
            }
            ranges.push(text.len()..text.len() + w.len());
            text.push_str(w);
        }
        let gaz = GAZETTEER.find(&text, 0..text.len());
        let proper = |i: usize| s.tags[i] == PROPN;
        let mut labels: Vec<Option<(EntType, bool)>> = vec![None; n];
        for e in rec.recognise(&text, 0..text.len(), &gaz) {
            let inside: Vec<usize> = (0..n)
                .filter(|&i| ranges[i].start >= e.range.start && ranges[i].end <= e.range.end)
                .collect();
            let (Some(&first), Some(&last)) = (inside.first(), inside.last()) else {
                continue;
            };
            let (mut a, mut b) = (first, last + 1);
            while a < b && !proper(a) {
                a += 1;
            }
            while b > a && !proper(b - 1) {
                b -= 1;
            }
            if a == b {
                continue;
            }
            while a > 0 && proper(a - 1) {
                a -= 1;
            }
            while b < n && proper(b) {
                b += 1;
            }
            if labels[a..b].iter().any(Option::is_some) {
                continue;
            }
            for (k, l) in labels[a..b].iter_mut().enumerate() {
                *l = Some((e.ty, k == 0));
            }
        }
        let unexplained = (0..n).any(|i| {
            proper(i) && labels[i].is_none() && s.words[i].starts_with(char::is_uppercase)
        });
        if !unexplained {
            out.push(NerSentence {
                words: s.words.clone(),
                labels,
            });
        }
    }
    out
}

/// Trains the recogniser (fixed `seed`), deciding the same words as at run time.
pub fn train(examples: &[Example], iterations: usize, seed: u64, prune: f32) -> Model {
    let prepared: Vec<Prepared> = examples
        .iter()
        .map(|e| {
            let gaz = GAZETTEER.find(&e.text, 0..e.text.len());
            let mut p = prepare(&e.text, &e.tokens, &gaz);
            // Training weighs words by the labels it guesses, which change from pass to pass:
            // every word is hashed up front.
            for i in 0..e.tokens.len() {
                p.hash_window(i);
            }
            p
        })
        .collect();
    let mut p = Perceptron::new(LABELS.iter().map(|s| (*s).to_string()).collect());
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut shuffler = Shuffler::new(seed);
    for _ in 0..iterations {
        shuffler.shuffle(&mut order);
        for &s in &order {
            let e = &examples[s];
            // Decide with the current weights, learning from each decision in turn.
            let pr = &prepared[s];
            let n = e.tokens.len();
            let mut labels: Vec<usize> = Vec::with_capacity(n);
            for i in 0..n {
                let (prev, y1, y2) = previous(&labels, i);
                if prev == 0 && !pr.open[i] {
                    labels.push(0);
                    continue;
                }
                let feats = features(pr, i, y1, y2);
                let mut scores = [0.0f32; LABELS.len()];
                p.score(&feats, &mut scores);
                let guess = best(&scores, prev);
                p.update(e.labels[i], guess, &feats);
                labels.push(guess);
            }
        }
    }
    p.finish(prune)
}

/// Span precision, recall and F1 (exact boundaries and type) of `rec` on `examples`.
pub fn evaluate(rec: &Recogniser, examples: &[Example]) -> (f64, f64, f64) {
    let (mut tp, mut found, mut gold) = (0usize, 0usize, 0usize);
    for e in examples {
        let gaz = GAZETTEER.find(&e.text, 0..e.text.len());
        let got = rec.recognise(&e.text, 0..e.text.len(), &gaz);
        let want = spans(&e.tokens, &e.labels);
        tp += got.iter().filter(|g| want.contains(g)).count();
        found += got.len();
        gold += want.len();
    }
    let p = tp as f64 / found.max(1) as f64;
    let r = tp as f64 / gold.max(1) as f64;
    (p, r, 2.0 * p * r / (p + r).max(1e-9))
}
