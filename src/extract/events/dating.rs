//! Dates for sentences that write none: "the same day" takes the date of the happening it
//! points back to; otherwise a past-tense sentence continues the scene of the last dated one
//! and a present-tense one is about the day of publication. Such dates are marked inferred.

use chrono::NaiveDate;

use super::ASCII_ALNUM_LOWER;
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
        // one table look-up per byte (letters and digits have a non-zero entry) rather than
        // the split closure's range tests; the words are the same as `split`'s (empty ones
        // between two separators tell no tense)
        let bytes = sentence.as_bytes();
        let mut start = 0;
        for (i, &b) in bytes.iter().enumerate() {
            if ASCII_ALNUM_LOWER[usize::from(b)] == 0 && b != b'\'' {
                if i > start
                    && let Some(tense) = tense_of(&bytes[start..i])
                {
                    return tense;
                }
                start = i + 1;
            }
        }
        if let Some(tense) = tense_of(&bytes[start..]) {
            return tense;
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

/// The tense one word of a sentence tells, if any. Inlined: every word of the sentence up to
/// the first that tells one is asked, and most are ruled out by their shape and ending alone.
#[inline]
fn tense_of(w: &[u8]) -> Option<Tense> {
    let ed = w.len() > 4 && w[w.len() - 2..].eq_ignore_ascii_case(b"ed");
    // a word whose first letter and length no listed word has (or an empty one) is on no
    // list: only its ending counts
    let listed_shape = w
        .first()
        .is_some_and(|&b| LISTED_SHAPES[usize::from(b)] & (1 << w.len().min(31)) != 0);
    if !listed_shape {
        return ed.then_some(Tense::Past);
    }
    listed_tense(w, ed)
}

/// [`tense_of`] a word with the shape of a listed one (`ed`: it ends in "-ed"), out of line as
/// few words get this far. Its lower case is matched against the lists' words spelled out in a
/// `match`, which tells them apart by length and a load or two: comparing the word with each
/// listed word in turn cost ~165 instructions a word. A test holds the `match` to the lists.
#[inline(never)]
fn listed_tense(w: &[u8], ed: bool) -> Option<Tense> {
    let mut room = [0u8; 12];
    let Some(lower) = room.get_mut(..w.len()) else {
        // longer than any listed word: only its ending counts
        return ed.then_some(Tense::Past);
    };
    lower.copy_from_slice(w);
    lower.make_ascii_lowercase();
    let lower: &[u8] = lower;
    let past = matches!(
        lower,
        b"was" | b"were" | b"had" | b"did" | b"said" | b"told" | b"came" | b"went" | b"began"
    );
    let not_past = || {
        matches!(
            lower,
            b"need" | b"indeed" | b"speed" | b"seed" | b"feed" | b"proceed" | b"red" | b"bed"
        )
    };
    if past || (ed && !not_past()) {
        return Some(Tense::Past);
    }
    let present = matches!(
        lower,
        b"is"
            | b"are"
            | b"has"
            | b"have"
            | b"says"
            | b"will"
            | b"does"
            | b"can"
            | b"remains"
            | b"continues"
            | b"comes"
            | b"costs"
            | b"includes"
            | b"offers"
            | b"uses"
            | b"sells"
    );
    present.then_some(Tense::Present)
}

/// The first letters and lengths of the words of [`PAST`], [`PRESENT`] and [`NOT_PAST`]: for
/// each first byte (either case, as the lists are compared without ASCII case), bit `n` set
/// when a listed word starting with it is `n` bytes long (bit 31: 31 or more). Most words of
/// a sentence are ruled out by it before being compared with any listed word.
static LISTED_SHAPES: [u32; 256] = shapes(&[PAST, PRESENT, NOT_PAST]);

const fn shapes(lists: &[&[&str]]) -> [u32; 256] {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < lists.len() {
        let mut j = 0;
        while j < lists[i].len() {
            let word = lists[i][j].as_bytes();
            if !word.is_empty() {
                let len = if word.len() < 31 { word.len() } else { 31 };
                let bit = 1u32 << len;
                table[word[0].to_ascii_lowercase() as usize] |= bit;
                table[word[0].to_ascii_uppercase() as usize] |= bit;
            }
            j += 1;
        }
        i += 1;
    }
    table
}

/// The date a sentence without a time expression inherits: the last explicit day of the
/// narrative for the past tense, else the publication date.
pub fn inherited(tense: Tense, narrative: Option<&When>, dct: Option<NaiveDate>) -> Option<When> {
    inherited_from(tense, narrative, dct.map(When::day).as_ref())
}

/// [`inherited`] with the day of publication already made (`When::day` of it): an article
/// asks for it sentence after sentence, and writing its date each time cost more than the
/// rest of dating the sentence.
pub fn inherited_from(
    tense: Tense,
    narrative: Option<&When>,
    published: Option<&When>,
) -> Option<When> {
    let mut when = match (tense, narrative) {
        (Tense::Past, Some(n)) => n.clone(),
        _ => published?.clone(),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The word lists as they were read before the `match`: each listed word compared in turn.
    fn listed_by_the_lists(w: &[u8], ed: bool) -> Option<Tense> {
        let listed = |list: &[&str]| list.iter().any(|l| w.eq_ignore_ascii_case(l.as_bytes()));
        if listed(PAST) || (ed && !listed(NOT_PAST)) {
            return Some(Tense::Past);
        }
        listed(PRESENT).then_some(Tense::Present)
    }

    #[test]
    fn the_match_tells_every_listed_word_as_the_lists_do() {
        let others = [
            "wasn't",
            "Were",
            "SAID",
            "Seeded",
            "spEEd",
            "bedded",
            "continued",
            "a",
        ];
        for word in PAST
            .iter()
            .chain(PRESENT)
            .chain(NOT_PAST)
            .copied()
            .chain(others)
        {
            for w in [word.to_string(), word.to_ascii_uppercase()] {
                let w = w.as_bytes();
                let ed = w.len() > 4 && w[w.len() - 2..].eq_ignore_ascii_case(b"ed");
                assert_eq!(listed_tense(w, ed), listed_by_the_lists(w, ed), "{word}");
            }
        }
        // A word in the `match` that no list has would most likely be a misspelt listed word
        // (or one left behind when a list lost it): the listed words' neighbours are asked too.
        for word in PAST.iter().chain(PRESENT).chain(NOT_PAST) {
            for near in one_letter_away(word.as_bytes()) {
                for w in [near.clone(), near.to_ascii_uppercase()] {
                    let ed = w.len() > 4 && w[w.len() - 2..].eq_ignore_ascii_case(b"ed");
                    assert_eq!(
                        listed_tense(&w, ed),
                        listed_by_the_lists(&w, ed),
                        "{:?} near {word}",
                        String::from_utf8_lossy(&w)
                    );
                }
            }
        }
    }

    /// Every word one letter away from `word`: each letter replaced by another, a letter added
    /// anywhere, each letter removed.
    fn one_letter_away(word: &[u8]) -> Vec<Vec<u8>> {
        let mut out = Vec::new();
        for at in 0..=word.len() {
            for c in b'a'..=b'z' {
                if at < word.len() && c != word[at].to_ascii_lowercase() {
                    let mut w = word.to_vec();
                    w[at] = c;
                    out.push(w);
                }
                let mut w = word.to_vec();
                w.insert(at, c);
                out.push(w);
            }
            if at < word.len() {
                let mut w = word.to_vec();
                w.remove(at);
                out.push(w);
            }
        }
        out
    }
}
