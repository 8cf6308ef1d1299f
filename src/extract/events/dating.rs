//! Dates for sentences that write none: "the same day" takes the date of the happening it
//! points back to; otherwise a past-tense sentence continues the scene of the last dated one
//! and a present-tense one is about the day of publication. Such dates are marked inferred.

use chrono::NaiveDate;

use crate::model::{Precision, When};

/// What a sentence's verbs say about its time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
}

const PAST: &[&str] = &[
    "was", "were", "had", "did", "said", "told", "came", "went", "began",
];
const PRESENT: &[&str] = &[
    "is",
    "are",
    "has",
    "have",
    "says",
    "will",
    "does",
    "can",
    "remains",
    "continues",
    "comes",
    "costs",
    "includes",
    "offers",
    "uses",
    "sells",
];
const NOT_PAST: &[&str] = &[
    "need", "indeed", "speed", "seed", "feed", "proceed", "red", "bed",
];

/// The tense of a sentence, by its auxiliaries and "-ed" verbs; present wins a tie only when
/// no past form is there.
pub fn tense(sentence: &str) -> Tense {
    let mut past = false;
    let mut present = false;
    for w in sentence.split(|c: char| !c.is_alphanumeric() && c != '\'') {
        let l = w.to_ascii_lowercase();
        if PAST.contains(&l.as_str())
            || (l.len() > 4 && l.ends_with("ed") && !NOT_PAST.contains(&l.as_str()))
        {
            past = true;
        } else if PRESENT.contains(&l.as_str()) {
            present = true;
        }
    }
    if past || !present {
        Tense::Past
    } else {
        Tense::Present
    }
}

/// The date a sentence without a time expression inherits: the last explicit day of the
/// narrative for the past tense, else the publication date.
pub fn inherited(tense: Tense, narrative: Option<&When>, dct: Option<NaiveDate>) -> Option<When> {
    let mut when = match (tense, narrative) {
        (Tense::Past, Some(n)) => n.clone(),
        _ => When::day(dct?),
    };
    when.inferred = true;
    Some(when)
}

/// Whether a dated expression can carry a scene forward: a day, not a year or a span.
pub fn carries_scene(when: &When) -> bool {
    matches!(when.precision, Precision::Day | Precision::Time)
}
