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

/// The tense of a sentence: that of its first auxiliary or "-ed" verb.
pub fn tense(sentence: &str) -> Tense {
    // The lists are lower-case ASCII, so comparing without ASCII case is comparing the word
    // lower-cased, without making a lower-cased copy of every word of the sentence.
    let listed = |list: &[&str], w: &str| list.iter().any(|l| w.eq_ignore_ascii_case(l));
    for w in sentence.split(|c: char| !c.is_alphanumeric() && c != '\'') {
        let ed = w.len() > 4 && w.as_bytes()[w.len() - 2..].eq_ignore_ascii_case(b"ed");
        if listed(PAST, w) || (ed && !listed(NOT_PAST, w)) {
            return Tense::Past;
        }
        if listed(PRESENT, w) {
            return Tense::Present;
        }
    }
    Tense::Past
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

/// How far before publication a day may lie and still be the scene the story continues;
/// older days are background ("born on February 24, 1955").
const SCENE_DAYS: i64 = 90;

/// Whether a dated expression can carry a scene forward: a recent day up to publication, not a
/// year, a span, a plan or an old date.
pub fn carries_scene(when: &When, dct: Option<NaiveDate>) -> bool {
    matches!(when.precision, Precision::Day | Precision::Time)
        && dct.is_none_or(|d| when.start <= d && (d - when.start).num_days() <= SCENE_DAYS)
}
