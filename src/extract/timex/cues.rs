//! The tense cues of [`super::anchor::tense_at`] in a sentence that the ASCII form of their
//! pattern reads like the Unicode form (`anchor::plain_words`, nearly every sentence of news
//! text), found by hand rather than by that pattern compiled as a `regex::Regex`.
//!
//! Compiling the ASCII form cost about 6 M instructions at start-up (the `regex` crate builds
//! several engines and looks for literals), and its search about 8,000 a sentence. Here each
//! word is looked up by its first letter and length, which leaves at most a few cues to compare.
//! [`find_from`] gives exactly what `find_iter` of the ASCII form gives, match for match (its
//! leftmost-first reading: the first cue in the pattern's order that matches at the leftmost
//! place); the test below compares the two.

use crate::extract::eight_bytes::{first_flagged, non_letters};
use crate::extract::white_space::{is_ascii_space, is_ascii_word};

/// The cues of `anchor::CUE_PATTERN` in its order, but `'ll` (the only one that does not open
/// with a letter, see [`next_cue`]) and the last, `[a-z]{3,}ed` (see [`cue_at`]), each as its
/// words: a run of white space (`\s+`) lies between two. Optional endings are written out
/// (`plans?\s+to` as "plans to" and "plan to": no text matches both, so their order does not
/// matter).
const PHRASES: &[&[&str]] = &[
    &["will"],
    &["shall"],
    &["going", "to"],
    &["is", "to"],
    &["are", "to"],
    &["plans", "to"],
    &["plan", "to"],
    &["planning"],
    &["planned", "to"],
    &["intends", "to"],
    &["intended", "to"],
    &["intend", "to"],
    &["expects"],
    &["expect"],
    &["expected"],
    &["scheduled"],
    &["due", "to"],
    &["set", "to"],
    &["next"],
    &["upcoming"],
    &["would"],
    &["starts"],
    &["begins"],
    &["opens"],
    &["resumes"],
    &["as", "soon", "as"],
    &["as", "early", "as"],
    &["to", "meet"],
    &["to", "visit"],
    &["to", "hold"],
    &["until"],
    &["since"],
    &["said"],
    &["was"],
    &["were"],
    &["had"],
    &["did"],
    &["told"],
    &["met"],
    &["came"],
    &["went"],
    &["left"],
    &["took"],
    &["gave"],
    &["made"],
    &["held"],
    &["began"],
    &["brought"],
    &["bought"],
    &["sold"],
    &["won"],
    &["lost"],
    &["fell"],
    &["rose"],
    &["saw"],
    &["got"],
    &["paid"],
    &["led"],
    &["ran"],
    &["became"],
    &["fought"],
    &["sent"],
    &["spent"],
    &["built"],
    &["kept"],
    &["struck"],
    &["found"],
    &["wrote"],
    &["spoke"],
    &["stood"],
    &["broke"],
    &["chose"],
    &["grew"],
    &["knew"],
    &["threw"],
    &["shot"],
    &["fled"],
    &["ago"],
    &["last"],
    &["earlier"],
];

/// The first word of each phrase, its first eight letters packed as [`key`] packs them: a
/// phrase is compared in full only when the word in the text has its key. Built by the compiler.
const KEYS: [u64; PHRASES.len()] = {
    let mut keys = [0; PHRASES.len()];
    let mut i = 0;
    while i < PHRASES.len() {
        let first = PHRASES[i][0].as_bytes();
        let mut k = 0;
        while k < first.len() && k < 8 {
            keys[i] |= (first[k] as u64) << (8 * k);
            k += 1;
        }
        i += 1;
    }
    keys
};

/// The first eight bytes of a run of ASCII letters in lower case, packed into a number (the
/// first in the lowest byte); setting bit 0x20 lower-cases an ASCII letter.
fn key(letters: &[u8]) -> u64 {
    letters
        .iter()
        .take(8)
        .enumerate()
        .fold(0, |key, (k, &b)| key | u64::from(b | 0x20) << (8 * k))
}

/// The longest first word of a phrase.
const MAX_FIRST: usize = 9;

const _: () = assert!(PHRASES.len() <= 128, "a phrase set is a u128");

/// For each first letter and length of a phrase's first word, the set of those phrases (bit
/// `i` for `PHRASES[i]`, so the lowest bit is the first in the pattern's order). A cue's first
/// word is followed by white space or a word boundary, so it is the whole run of letters where
/// it starts: a run of another length begins none of them. Built by the compiler.
const BY_START: [[u128; MAX_FIRST + 1]; 26] = {
    let mut table = [[0u128; MAX_FIRST + 1]; 26];
    let mut i = 0;
    while i < PHRASES.len() {
        let first = PHRASES[i][0].as_bytes();
        let len = first.len();
        assert!(len >= 1 && len <= MAX_FIRST && first[0].is_ascii_lowercase());
        table[(first[0] - b'a') as usize][len] |= 1 << i;
        i += 1;
    }
    table
};

/// The cues of the whole of `sentence`: the tests' reference reading (tense reads a sentence
/// in two parts, with [`next_cue_before`] and then [`find_from`]).
#[cfg(test)]
pub fn find(sentence: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    find_from(sentence, 0)
}

/// The cues in `sentence` from `from` on as byte ranges, in order, as `find_iter` of the ASCII
/// form of `anchor::CUE_PATTERN` (`(?i)\b(?:…)\b` with ASCII `\b`, `\s` and case folding)
/// finds them. `from` is 0, the end of a cue, or a place where none starts before it (where
/// [`next_cue_before`] left off): the search at each place depends only on the bytes, so from
/// there on it finds the same cues as a search from the sentence's start.
pub fn find_from(sentence: &str, from: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = sentence.as_bytes();
    let mut from = from;
    std::iter::from_fn(move || {
        let (start, end) = next_cue(bytes, from)?;
        from = end;
        Some((start, end))
    })
}

/// The first cue at or after `from`. A cue opening with a letter starts where a run of word
/// bytes starts (its `\b`); `'ll` starts at an apostrophe right after a word byte. Each run of
/// letters is looked at once, at its start, then passed over whole, eight bytes at a time: no
/// boundary lies inside it.
fn next_cue(bytes: &[u8], from: usize) -> Option<(usize, usize)> {
    next_cue_before(bytes, from, usize::MAX)
}

/// [`next_cue`] if it starts before `limit`: the scan stops there (a cue that starts before it
/// may end after it). `tense_at` looks at the cues before an expression first.
pub fn next_cue_before(bytes: &[u8], from: usize, limit: usize) -> Option<(usize, usize)> {
    let mut at = from;
    let mut after_word = at > 0 && bytes.get(at - 1).is_some_and(|&b| is_ascii_word(b));
    while let Some(&b) = bytes.get(at) {
        if at >= limit {
            return None;
        }
        if b.is_ascii_alphabetic() {
            let letters_end = first_flagged(bytes, at, non_letters, |b| !b.is_ascii_alphabetic())
                .unwrap_or(bytes.len());
            if !after_word && let Some(end) = cue_at(bytes, at, letters_end) {
                return Some((at, end));
            }
            at = letters_end;
            after_word = true;
            continue;
        }
        if is_ascii_word(b) {
            after_word = true;
        } else {
            if b == b'\''
                && after_word
                && let Some(end) = words_at(bytes, at, &["'ll"])
            {
                return Some((at, end));
            }
            after_word = false;
        }
        at += 1;
    }
    None
}

/// The end of the cue at `at`, where a run of letters ending at `letters_end` starts: the first
/// phrase in order that matches there, else `[a-z]{3,}ed\b` (a run of five letters or more
/// ending in "ed", with no digit or underscore after it).
fn cue_at(bytes: &[u8], at: usize, letters_end: usize) -> Option<usize> {
    let len = letters_end - at;
    let first = usize::from(bytes.get(at)?.to_ascii_lowercase().wrapping_sub(b'a'));
    let mut set = BY_START
        .get(first)
        .and_then(|by_len| by_len.get(len))
        .copied()
        .unwrap_or(0);
    if set != 0 {
        let word = key(bytes.get(at..letters_end).unwrap_or_default());
        while set != 0 {
            let i = set.trailing_zeros() as usize;
            set &= set - 1;
            if KEYS.get(i) != Some(&word) {
                continue;
            }
            if let Some(end) = PHRASES.get(i).and_then(|words| words_at(bytes, at, words)) {
                return Some(end);
            }
        }
    }
    let past = len >= 5
        && bytes
            .get(letters_end - 2..letters_end)
            .is_some_and(|end| end.eq_ignore_ascii_case(b"ed"))
        && !bytes.get(letters_end).is_some_and(|&b| is_ascii_word(b));
    past.then_some(letters_end)
}

/// The end of a phrase of `words` (lower case) matched at `at` in either case, with a run of
/// white space between two words, then a word boundary (the phrase ends with a letter, so no
/// word byte may follow).
fn words_at(bytes: &[u8], at: usize, words: &[&str]) -> Option<usize> {
    let mut pos = at;
    for (k, word) in words.iter().enumerate() {
        if k > 0 {
            let spaces_end = run_end(bytes, pos, is_ascii_space);
            if spaces_end == pos {
                return None;
            }
            pos = spaces_end;
        }
        let end = pos + word.len();
        if !bytes.get(pos..end)?.eq_ignore_ascii_case(word.as_bytes()) {
            return None;
        }
        pos = end;
    }
    (!bytes.get(pos).is_some_and(|&b| is_ascii_word(b))).then_some(pos)
}

/// The first byte at or after `at` that is not `in_run` (or the end).
fn run_end(bytes: &[u8], at: usize, in_run: impl Fn(u8) -> bool) -> usize {
    bytes
        .get(at..)
        .and_then(|rest| rest.iter().position(|&b| !in_run(b)))
        .map_or(bytes.len().max(at), |n| at + n)
}

/// For the tests that hold a hand-kept word list to its regex: the phrases `pattern` (a
/// regex alternation of plain words) matches, spelt out in its order, with one space for each
/// `\s+`. It reads only lower-case letters, `'`, `-`, `\s+`, `(?:…)` groups and `?` (an
/// optional part is spelt with it first, then without), and panics at anything else, so a
/// pattern that outgrows it fails its test rather than passing unread.
#[cfg(test)]
pub(super) fn spell_out(pattern: &str) -> Vec<String> {
    fn alternatives(p: &[u8], at: &mut usize) -> Vec<String> {
        let mut all = sequence(p, at);
        while p.get(*at) == Some(&b'|') {
            *at += 1;
            all.extend(sequence(p, at));
        }
        all
    }
    fn sequence(p: &[u8], at: &mut usize) -> Vec<String> {
        let mut spelt = vec![String::new()];
        while let Some(&c) = p.get(*at) {
            let mut part = if c == b'|' || c == b')' {
                break;
            } else if p[*at..].starts_with(b"(?:") {
                *at += 3;
                let inner = alternatives(p, at);
                assert_eq!(p.get(*at), Some(&b')'), "unclosed group at {at}");
                *at += 1;
                inner
            } else if p[*at..].starts_with(b"\\s+") {
                *at += 3;
                vec![" ".to_string()]
            } else {
                assert!(
                    c.is_ascii_lowercase() || c == b'\'' || c == b'-',
                    "not read here: {:?} at {at}",
                    char::from(c)
                );
                *at += 1;
                vec![char::from(c).to_string()]
            };
            if p.get(*at) == Some(&b'?') {
                *at += 1;
                part.push(String::new());
            }
            spelt = spelt
                .iter()
                .flat_map(|head| part.iter().map(move |tail| format!("{head}{tail}")))
                .collect();
        }
        spelt
    }
    let bytes = pattern.as_bytes();
    let mut at = 0;
    let all = alternatives(bytes, &mut at);
    assert_eq!(at, bytes.len(), "not read here: {:?}", &pattern[at..]);
    all
}

#[cfg(test)]
mod tests {
    use super::super::anchor::CUE_PATTERN;
    use super::super::recognise::compile;
    use super::*;

    /// Word salad from the pattern's own words, their parts and neighbours, in both cases,
    /// joined by white space, punctuation or nothing.
    fn salad(words: usize) -> String {
        let mut vocabulary: Vec<String> = PHRASES
            .iter()
            .flat_map(|words| words.iter())
            .map(|w| w.to_string())
            .collect();
        vocabulary.extend(
            [
                "'ll",
                "ll",
                "he'll",
                "we'LL",
                "'",
                "plans",
                "intend",
                "ed",
                "ED",
                "Ended",
                "reduced",
                "shed",
                "1ed",
                "_ed",
                "cared",
                "said2",
                "x_said",
                "Planned",
                "WILL",
                "Expected",
                "going",
                "soon",
                "early",
                "a",
                "the",
                "9",
                "_",
                "\u{2019}",
                "\u{201c}",
                "\u{2014}",
                "pass\u{e9}d",
            ]
            .map(str::to_string),
        );
        let separators = [
            " ", " ", " ", "  ", "\t", "\n", "\u{b}", "\u{c}", "\r", "", "-", ".", ",", "'", "_",
            "\u{2019}", "\u{a0}",
        ];
        let mut sequence = crate::test_random::Sequence::new(0x9e37_79b9_7f4a_7c15);
        let mut next = |n: usize| sequence.below(n);
        let mut text = String::new();
        for _ in 0..words {
            let word = &vocabulary[next(vocabulary.len())];
            if next(4) == 0 {
                text.push_str(&word.to_uppercase());
            } else {
                text.push_str(word);
            }
            text.push_str(separators[next(separators.len())]);
        }
        text
    }

    /// The cues before a limit, then the rest from the end of the last of them, are all the
    /// cues, at every limit of a word salad.
    #[test]
    fn cues_before_a_limit_then_the_rest_are_all_the_cues() {
        let text = salad(2_000);
        let bytes = text.as_bytes();
        let all: Vec<(usize, usize)> = find(&text).collect();
        for limit in (0..=text.len()).step_by(5) {
            let mut from = 0;
            let mut got = Vec::new();
            while let Some(cue) = next_cue_before(bytes, from, limit) {
                assert!(cue.0 < limit, "{cue:?} {limit}");
                got.push(cue);
                from = cue.1;
            }
            got.extend(find_from(&text, from));
            assert_eq!(got, all, "limit {limit}");
        }
    }

    #[test]
    fn finds_what_the_ascii_regex_finds() {
        let regex = compile(CUE_PATTERN, false);
        let text = salad(40_000);
        // Sentences of every length, as `tense_at` hands them over, and the whole text.
        let mut pieces: Vec<&str> = text.split_inclusive(['.', '\n']).collect();
        pieces.push(&text);
        let mut found = 0;
        for piece in pieces {
            let want: Vec<(usize, usize)> = regex
                .find_iter(piece)
                .map(|m| (m.start(), m.end()))
                .collect();
            let got: Vec<(usize, usize)> = find(piece).collect();
            assert_eq!(got, want, "{piece:?}");
            found += got.len();
        }
        assert!(found > 20_000, "{found}");
    }

    /// The salad above is made from `PHRASES`, so a cue added to `CUE_PATTERN` alone would
    /// go untested and unfound: the hand list must be the pattern's alternatives, in order.
    #[test]
    fn phrases_are_the_patterns_alternatives_in_its_order() {
        let body = CUE_PATTERN
            .strip_prefix(r"(?i)\b(?:")
            .and_then(|b| b.strip_suffix(r")\b"))
            .expect("CUE_PATTERN is (?i)\\b(?:…)\\b");
        // the last alternative and `'ll` are found by their own code (see `find`)
        let body = body
            .strip_suffix("|[a-z]{3,}ed")
            .expect("[a-z]{3,}ed is the last alternative");
        let mut spelt = spell_out(body);
        let ll = spelt.iter().position(|p| p == "'ll").expect("'ll is a cue");
        spelt.remove(ll);
        let listed: Vec<String> = PHRASES.iter().map(|words| words.join(" ")).collect();
        assert_eq!(listed, spelt);
    }

    #[test]
    fn reads_multi_word_cues_and_their_ends() {
        let s = "He'll go; they are\t to go and to meet, as  soon as planned; it  rained 5ed";
        let got: Vec<&str> = find(s).map(|(a, b)| &s[a..b]).collect();
        assert_eq!(
            got,
            [
                "'ll",
                "are\t to",
                "to meet",
                "as  soon as",
                "planned",
                "rained"
            ]
        );
    }
}
