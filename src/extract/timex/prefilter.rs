//! Where a time expression can begin, and whether the ASCII form of a rule may read one:
//! byte-level checks that keep the big regexes off text that cannot hold a time expression.
//!
//! Both are exact, not heuristics: every position a rule can match at passes [`next_start`],
//! and [`ascii_suffices`] says "yes" only where the ASCII and Unicode forms of the rules match
//! the same. The recogniser's tests check both against the plain regex scan.

use std::sync::LazyLock;

/// The first byte at or after `from` where a time expression can begin: an ASCII word
/// boundary (every pattern opens with one) before a digit, before a word that opens some
/// pattern ([`opens_a_pattern`]), or, after a word, before `'` ("'90s") or any non-ASCII
/// character (Unicode case folding lets "ſ" match "s" and "K" match "k"; digits of other
/// scripts are `\d`). Everything else is passed over without running the regex: most words
/// open no pattern, and this loop costs a few instructions a byte.
pub fn next_start(bytes: &[u8], from: usize) -> Option<usize> {
    let mut after_word = from > 0 && bytes.get(from - 1).is_some_and(|&b| class(b) <= UNDERSCORE);
    let mut at = from;
    while let Some(&b) = bytes.get(at) {
        match class(b) {
            LETTER if !after_word => {
                let start = at;
                while bytes.get(at).is_some_and(|&b| class(b) == LETTER) {
                    at += 1;
                }
                // A non-ASCII character right after the letters may continue the word under
                // case folding ("Auguſt"): let the regex decide.
                let folds = bytes.get(at).is_some_and(|b| !b.is_ascii());
                if folds || opens_a_pattern(&bytes[start..at]) {
                    return Some(start);
                }
                after_word = true;
                continue;
            }
            DIGIT if !after_word => return Some(at),
            LETTER | DIGIT | UNDERSCORE => after_word = true,
            QUOTE_OR_HIGH if after_word => return Some(at),
            _ => after_word = false,
        }
        at += 1;
    }
    None
}

// The byte classes of `next_start`; the first three are ASCII word bytes (`\b`'s `\w`).
const LETTER: u8 = 0;
const DIGIT: u8 = 1;
const UNDERSCORE: u8 = 2;
const QUOTE_OR_HIGH: u8 = 3;
const OTHER: u8 = 4;

fn class(b: u8) -> u8 {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => LETTER,
        b'0'..=b'9' => DIGIT,
        b'_' => UNDERSCORE,
        b'\'' | 0x80..=0xff => QUOTE_OR_HIGH,
        _ => OTHER,
    }
}

/// Whether a run of ASCII letters is one a pattern can begin with: the first word of every
/// alternative of every rule (months, weekdays, number words, relative and unit words, "the",
/// "a"). A word missing here would silently stop a rule from matching, so the recogniser's
/// test `prefilter_keeps_every_match` checks the list against the plain scan.
///
/// Most words are turned away by their first letter and length alone; the rest are packed
/// into an integer (at most 12 letters) and looked up in a sorted table.
fn opens_a_pattern(word: &[u8]) -> bool {
    let Some(&first) = word.first() else {
        return false;
    };
    let letter = usize::from(first.to_ascii_lowercase().wrapping_sub(b'a'));
    let fits = word.len() <= 12
        && FIRST
            .lengths
            .get(letter)
            .is_some_and(|lengths| lengths & (1 << word.len()) != 0);
    fits && FIRST.keys.binary_search(&key(word)).is_ok()
}

/// [`FIRST_WORDS`] arranged for [`opens_a_pattern`].
struct FirstWords {
    /// Per first letter, a bit for each length a word with that letter has.
    lengths: [u16; 26],
    /// The words as [`key`]s, sorted.
    keys: Vec<u128>,
}

static FIRST: LazyLock<FirstWords> = LazyLock::new(|| {
    let mut lengths = [0u16; 26];
    for w in FIRST_WORDS {
        if let Some(l) = w
            .first()
            .and_then(|f| lengths.get_mut(usize::from(f - b'a')))
        {
            *l |= 1 << w.len();
        }
    }
    let mut keys: Vec<u128> = FIRST_WORDS.iter().map(|w| key(w)).collect();
    keys.sort_unstable();
    FirstWords { lengths, keys }
});

/// A word of at most 16 letters as one integer, lower-cased.
fn key(word: &[u8]) -> u128 {
    word.iter()
        .fold(0, |k, b| (k << 8) | u128::from(b.to_ascii_lowercase()))
}

/// The words a pattern can open with, lower case. None is longer than 12 letters.
pub(super) const FIRST_WORDS: &[&[u8]] = &[
    b"a",
    b"afternoon",
    b"an",
    b"apr",
    b"april",
    b"at",
    b"aug",
    b"august",
    b"autumn",
    b"biweekly",
    b"calendar",
    b"centuries",
    b"christmas",
    b"coming",
    b"comparable",
    b"couple",
    b"current",
    b"currently",
    b"daily",
    b"day",
    b"days",
    b"dec",
    b"decades",
    b"december",
    b"dozens",
    b"each",
    b"earlier",
    b"early",
    b"eight",
    b"eighteen",
    b"eighteenth",
    b"eighty",
    b"election",
    b"eleven",
    b"evening",
    b"every",
    b"fall",
    b"feb",
    b"february",
    b"few",
    b"fifteen",
    b"fifty",
    b"final",
    b"first",
    b"fiscal",
    b"five",
    b"following",
    b"formerly",
    b"forty",
    b"four",
    b"fourteen",
    b"fourth",
    b"friday",
    b"half",
    b"halloween",
    b"hour",
    b"hourly",
    b"hours",
    b"hundred",
    b"hundreds",
    b"independence",
    b"initial",
    b"jan",
    b"january",
    b"jul",
    b"july",
    b"jun",
    b"june",
    b"last",
    b"late",
    b"lately",
    b"later",
    b"latest",
    b"many",
    b"mar",
    b"march",
    b"may",
    b"mid",
    b"midday",
    b"midnight",
    b"minute",
    b"minutes",
    b"monday",
    b"month",
    b"monthly",
    b"months",
    b"morning",
    b"new",
    b"next",
    b"night",
    b"nightly",
    b"nine",
    b"nineteen",
    b"nineteenth",
    b"ninety",
    b"noon",
    b"nov",
    b"november",
    b"now",
    b"nowadays",
    b"oct",
    b"october",
    b"one",
    b"other",
    b"past",
    b"preceding",
    b"previous",
    b"prior",
    b"quarter",
    b"recent",
    b"recently",
    b"remaining",
    b"same",
    b"saturday",
    b"second",
    b"sep",
    b"sept",
    b"september",
    b"seven",
    b"seventeen",
    b"seventy",
    b"several",
    b"six",
    b"sixteen",
    b"sixty",
    b"some",
    b"soon",
    b"spring",
    b"summer",
    b"sunday",
    b"ten",
    b"thanksgiving",
    b"that",
    b"the",
    b"these",
    b"third",
    b"thirteen",
    b"thirty",
    b"this",
    b"thousands",
    b"three",
    b"thursday",
    b"today",
    b"tomorrow",
    b"tonight",
    b"tuesday",
    b"twelve",
    b"twentieth",
    b"twenty",
    b"two",
    b"wednesday",
    b"week",
    b"weekly",
    b"weeks",
    b"winter",
    b"year",
    b"yearly",
    b"years",
    b"yesterday",
];

/// Whether the ASCII form of the rules matches on all of `text` what the Unicode one does:
/// `text` holds no character only the Unicode form could consume, that is no non-ASCII white
/// space (`\s`), digit (`\d`) or letter (case folding ties "ſ" to "s" and "K" to "k"). A
/// wider net than needed, to be sure.
pub fn ascii_suffices(text: &str) -> bool {
    text.is_ascii()
        || text
            .chars()
            .all(|c| c.is_ascii() || !(c.is_whitespace() || c.is_numeric() || c.is_alphabetic()))
}
