//! Sentences as TF-IDF vectors, for finding the sentence nearest a cluster's centre and the ones
//! that repeat each other.
//!
//! A term is a lower-case word of three characters or more that is not a function word, cut to
//! its first six characters so "reported" and "reporting" meet (a crude stem, but the same for
//! every sentence, and all that cosine similarity needs). Terms are 64-bit hashes, so a vector is
//! a short sorted list and no string is kept per word.

use std::collections::HashMap;

use crate::extract::nlp::hash;
use crate::model::WEEKDAY_NAMES;

/// Function words carry no topic.
const STOPWORDS: &[&str] = &[
    "the",
    "and",
    "for",
    "are",
    "but",
    "not",
    "you",
    "all",
    "any",
    "can",
    "had",
    "her",
    "was",
    "one",
    "our",
    "out",
    "has",
    "him",
    "his",
    "how",
    "its",
    "may",
    "new",
    "now",
    "own",
    "say",
    "she",
    "too",
    "use",
    "who",
    "did",
    "get",
    "got",
    "let",
    "put",
    "than",
    "that",
    "this",
    "with",
    "have",
    "from",
    "they",
    "been",
    "were",
    "said",
    "says",
    "will",
    "would",
    "could",
    "should",
    "there",
    "their",
    "them",
    "then",
    "these",
    "those",
    "what",
    "when",
    "where",
    "which",
    "while",
    "about",
    "after",
    "again",
    "also",
    "because",
    "before",
    "being",
    "between",
    "both",
    "each",
    "into",
    "more",
    "most",
    "other",
    "over",
    "some",
    "such",
    "only",
    "very",
    "just",
    "under",
    "until",
    "upon",
    "does",
    "doing",
    "during",
    "here",
    "just",
    "like",
    "much",
    "must",
    "over",
    "same",
    "since",
    "still",
    "through",
    "told",
    "yesterday",
    "today",
    "tomorrow",
    "week",
    "year",
    "years",
    "month",
    "months",
    "last",
    "next",
    "first",
    "per",
    "cent",
    "percent",
    "mr",
    "mrs",
    "ms",
];

/// The characters a term keeps.
const STEM: usize = 6;

/// The terms of a sentence, sorted, with their counts.
pub(crate) fn terms(text: &str) -> Vec<(u64, u32)> {
    let mut keys: Vec<u64> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .filter_map(|w| {
            let lower = w.to_lowercase();
            if STOPWORDS.contains(&lower.as_str()) || WEEKDAY_NAMES.contains(&lower.as_str()) {
                return None;
            }
            let stem = lower
                .char_indices()
                .nth(STEM)
                .map_or(lower.len(), |(i, _)| i);
            Some(hash::bytes(&lower.as_bytes()[..stem]))
        })
        .collect();
    keys.sort_unstable();
    let mut out: Vec<(u64, u32)> = Vec::with_capacity(keys.len());
    for k in keys {
        match out.last_mut() {
            Some((last, n)) if *last == k => *n += 1,
            _ => out.push((k, 1)),
        }
    }
    out
}

/// How many sentences hold each term, for inverse document frequency.
#[derive(Debug, Default)]
pub(crate) struct Frequencies {
    documents: usize,
    counts: HashMap<u64, u32>,
}

impl Frequencies {
    /// Counts one sentence's terms.
    pub fn add(&mut self, terms: &[(u64, u32)]) {
        self.documents += 1;
        for (t, _) in terms {
            *self.counts.entry(*t).or_insert(0) += 1;
        }
    }

    /// The unit-length TF-IDF vector of a sentence (smoothed IDF, so a term in every sentence
    /// still weighs a little).
    pub fn vector(&self, terms: &[(u64, u32)]) -> Vector {
        let n = self.documents as f32;
        let mut v: Vec<(u64, f32)> = terms
            .iter()
            .map(|(t, tf)| {
                let df = self.counts.get(t).copied().unwrap_or(0) as f32;
                let idf = ((1.0 + n) / (1.0 + df)).ln() + 1.0;
                (*t, (1.0 + (*tf as f32).ln()) * idf)
            })
            .collect();
        normalise(&mut v);
        Vector(v)
    }
}

/// A sparse vector sorted by term.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Vector(pub Vec<(u64, f32)>);

impl Vector {
    /// The dot product; the cosine when both have unit length.
    pub fn dot(&self, other: &Vector) -> f32 {
        let (a, b) = (&self.0, &other.0);
        let (mut i, mut j, mut sum) = (0, 0, 0.0);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += a[i].1 * b[j].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        sum
    }

    /// The unit-length weighted sum of vectors: a cluster's centre.
    pub fn centroid<'a>(members: impl IntoIterator<Item = (&'a Vector, f32)>) -> Vector {
        let mut sum: HashMap<u64, f32> = HashMap::new();
        for (v, w) in members {
            for (t, x) in &v.0 {
                *sum.entry(*t).or_insert(0.0) += x * w;
            }
        }
        let mut v: Vec<(u64, f32)> = sum.into_iter().collect();
        v.sort_unstable_by_key(|(t, _)| *t);
        normalise(&mut v);
        Vector(v)
    }
}

fn normalise(v: &mut [(u64, f32)]) {
    let norm = v.iter().map(|(_, x)| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, x) in v.iter_mut() {
            *x /= norm;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_share_a_term_and_function_words_have_none() {
        let a = terms("The ministry reported new cases");
        let b = terms("the ministry is reporting cases");
        let shared = a.iter().filter(|t| b.iter().any(|u| u.0 == t.0)).count();
        assert_eq!(shared, 3, "ministry, report-, cases");
        assert!(terms("the and but with from").is_empty());
    }

    #[test]
    fn similar_sentences_are_nearer_than_different_ones() {
        let sentences = [
            "The dam at Kessel burst and flooded the valley",
            "Floods from the burst Kessel dam covered the valley",
            "The central bank raised interest rates",
        ];
        let mut f = Frequencies::default();
        let t: Vec<_> = sentences.iter().map(|s| terms(s)).collect();
        for x in &t {
            f.add(x);
        }
        let v: Vec<Vector> = t.iter().map(|x| f.vector(x)).collect();
        assert!(v[0].dot(&v[1]) > 0.3);
        assert!(v[0].dot(&v[2]) < 0.05);
        assert!((v[0].dot(&v[0]) - 1.0).abs() < 1e-4);
    }
}
