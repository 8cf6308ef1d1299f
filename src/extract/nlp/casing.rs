//! How a word is written in running text: the share of its appearances, away from the start of
//! a sentence, that are capitalised. Counted once, at training time, over unlabelled text (the
//! treebank's and the entity corpora's words, news articles), and shipped as a small table.
//! "Service", "Team" or "Section" are capitalised in a heading but written in lower case almost
//! everywhere else; "Kettering" or "Zorbix" never are — the recogniser weighs that as evidence,
//! so a title-cased line of a review is not a row of names.

use std::collections::HashMap;

use super::hash::{self, key};
use super::model::Model;

/// Buckets of the capitalised share; 0 stands for a word the counts never saw.
const UNSEEN: u64 = 0;

/// Appearances a word needs before its share is trusted.
const MIN_COUNT: u32 = 2;

/// The table: one row per counted word (its lower-cased hash), holding its bucket.
pub struct Casing {
    table: Option<Model>,
}

impl Casing {
    /// A table that knows no word (every bucket is [`UNSEEN`]).
    pub fn empty() -> Self {
        Self { table: None }
    }

    pub fn from_model(model: Model) -> Self {
        Self { table: Some(model) }
    }

    /// The bucket of a word by its lower-cased hash (`Tok::lower`).
    pub fn bucket(&self, lower: u64) -> u64 {
        self.table
            .as_ref()
            .and_then(|m| m.row(key(60, lower, 0)))
            .and_then(|mut row| row.next())
            .map_or(UNSEEN, |b| b as u64)
    }

    /// Whether running text writes `word` in lower case at least half of the time.
    pub fn usually_lower(&self, word: &str) -> bool {
        (1..=3).contains(&self.bucket(hash::lower(word)))
    }

    /// The table as a one-class model, to be written with [`Model::to_bytes`].
    pub fn model(&self) -> Option<&Model> {
        self.table.as_ref()
    }
}

/// Counts capitalised and lower-case appearances of words over sentences.
#[derive(Default)]
pub struct Counter {
    counts: HashMap<u64, (u32, u32)>,
}

impl Counter {
    /// Counts the words of one sentence; its first word is left out (capitalised by position).
    pub fn sentence<'a>(&mut self, words: impl IntoIterator<Item = &'a str>) {
        for w in words.into_iter().skip(1) {
            let Some(first) = w.chars().next() else {
                continue;
            };
            if !w
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
                || !first.is_alphabetic()
            {
                continue;
            }
            let e = self.counts.entry(hash::lower(w)).or_default();
            if first.is_uppercase() {
                e.0 += 1;
            } else {
                e.1 += 1;
            }
        }
    }

    /// The table of buckets: 1 never capitalised, 2 under a fifth of the time, 3 under half,
    /// 4 under nine in ten, 5 nearly always.
    pub fn finish(self) -> Casing {
        let mut rows: Vec<(u32, Vec<i16>)> = self
            .counts
            .into_iter()
            .filter(|&(_, (cap, low))| cap + low >= MIN_COUNT)
            .map(|(word, (cap, low))| {
                let share = f64::from(cap) / f64::from(cap + low);
                let bucket = if cap == 0 {
                    1
                } else if share < 0.2 {
                    2
                } else if share < 0.5 {
                    3
                } else if share < 0.9 {
                    4
                } else {
                    5
                };
                (key(60, word, 0), vec![bucket])
            })
            .collect();
        rows.sort_unstable();
        rows.dedup_by_key(|r| r.0);
        Casing::from_model(Model::new(vec!["case".to_string()], 1.0, &rows))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_written_in_lower_case_is_told_from_a_name() {
        let mut c = Counter::default();
        for _ in 0..3 {
            c.sentence(["We", "liked", "the", "service", "in", "Kettering"]);
        }
        c.sentence(["Great", "Service"]);
        let casing = c.finish();
        assert_eq!(casing.bucket(hash::lower("service")), 3);
        assert_eq!(casing.bucket(hash::lower("kettering")), 5);
        assert_eq!(casing.bucket(hash::lower("liked")), 1);
        assert_eq!(casing.bucket(hash::lower("zorbix")), UNSEEN);
        let back = Casing::from_model(
            Model::from_bytes(&casing.model().expect("a table").to_bytes()).expect("round trip"),
        );
        assert_eq!(back.bucket(hash::lower("kettering")), 5);
    }
}
