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
    // ASCII text (nearly all news) is split by the byte, without decoding characters: an
    // ASCII character is alphanumeric exactly when its byte is.
    if sentence.is_ascii() {
        let words = sentence
            .as_bytes()
            .split(|&b| !b.is_ascii_alphanumeric() && b != b'\'');
        for w in words {
            if let Some(tense) = tense_of(w) {
                return tense;
            }
        }
    } else {
        for w in sentence.split(|c: char| !c.is_alphanumeric() && c != '\'') {
            if let Some(tense) = tense_of(w.as_bytes()) {
                return tense;
            }
        }
    }
    Tense::Past
}

/// The tense one word of a sentence tells, if any.
fn tense_of(w: &[u8]) -> Option<Tense> {
    let listed = |list: &[&str]| list.iter().any(|l| w.eq_ignore_ascii_case(l.as_bytes()));
    let ed = w.len() > 4 && w[w.len() - 2..].eq_ignore_ascii_case(b"ed");
    // a word longer than every listed one (or empty) is on no list: only its ending counts
    if w.is_empty() || w.len() > LONGEST_LISTED {
        return ed.then_some(Tense::Past);
    }
    if listed(PAST) || (ed && !listed(NOT_PAST)) {
        return Some(Tense::Past);
    }
    listed(PRESENT).then_some(Tense::Present)
}

/// The length of the longest word of [`PAST`], [`PRESENT`] and [`NOT_PAST`].
const LONGEST_LISTED: usize = longest(&[PAST, PRESENT, NOT_PAST]);

const fn longest(lists: &[&[&str]]) -> usize {
    let mut longest = 0;
    let mut i = 0;
    while i < lists.len() {
        let mut j = 0;
        while j < lists[i].len() {
            if lists[i][j].len() > longest {
                longest = lists[i][j].len();
            }
            j += 1;
        }
        i += 1;
    }
    longest
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
