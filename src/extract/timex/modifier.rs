//! The modifier just before a time expression ("late", "more than", "the end of"), read by hand
//! from an ASCII window of text. `MODIFIER` (in the parent module) says the same as a regex;
//! compiling it as a `regex::Regex` cost about 3 M instructions at start-up, and news text
//! nearly always gives an ASCII window, so the regex is compiled only for another one.

use crate::extract::white_space::{is_ascii_space, is_ascii_word};

/// The alternatives of `MODIFIER` in its order, as their words (a run of white space, `\s+`,
/// between two).
const MODIFIERS: &[&[&str]] = &[
    &["early"],
    &["late"],
    &["mid-"],
    &["mid"],
    &["the", "end", "of"],
    &["the", "beginning", "of"],
    &["the", "start", "of"],
    &["the", "middle", "of"],
    &["about"],
    &["around"],
    &["approximately"],
    &["roughly"],
    &["some"],
    &["nearly"],
    &["almost"],
    &["more", "than"],
    &["less", "than"],
    &["fewer", "than"],
    &["at", "least"],
    &["at", "most"],
    &["up", "to"],
    &["no", "more", "than"],
];

/// Where the group of `MODIFIER` (`(?i)(?-u:\b)(…)\s*$`) lies in `window`, which must be
/// ASCII: the leftmost modifier that ends the window but for white space and starts at an
/// ASCII word boundary. Every alternative ends with a byte that is not white space, so a match
/// ends exactly where the trailing white space begins, and at most one alternative matches at
/// any one start.
pub fn ascii_modifier(window: &[u8]) -> Option<(usize, usize)> {
    let end = trailing(window, is_ascii_space);
    let text = window.get(..end)?;
    let mut best: Option<usize> = None;
    for words in MODIFIERS {
        let Some(start) = start_of(text, words) else {
            continue;
        };
        let boundary = start == 0 || text.get(start - 1).is_some_and(|&b| !is_ascii_word(b));
        if boundary && best.is_none_or(|b| start < b) {
            best = Some(start);
        }
    }
    best.map(|start| (start, end))
}

/// Where `words` start if `text` ends with them, in either case, with a run of white space
/// between two.
fn start_of(text: &[u8], words: &[&str]) -> Option<usize> {
    let mut end = text.len();
    for (k, word) in words.iter().rev().enumerate() {
        if k > 0 {
            let spaces_start = trailing(text.get(..end)?, is_ascii_space);
            if spaces_start == end {
                return None;
            }
            end = spaces_start;
        }
        let start = end.checked_sub(word.len())?;
        if !text.get(start..end)?.eq_ignore_ascii_case(word.as_bytes()) {
            return None;
        }
        end = start;
    }
    Some(end)
}

/// Where the run of bytes `in_run` that ends `bytes` begins.
fn trailing(bytes: &[u8], in_run: impl Fn(u8) -> bool) -> usize {
    bytes.len() - bytes.iter().rev().take_while(|&&b| in_run(b)).count()
}

#[cfg(test)]
mod tests {
    use super::super::cues::spell_out;
    use super::super::{MODIFIER, MODIFIER_PATTERN};
    use super::*;

    /// The test below is made from `MODIFIERS`, so a word added to `MODIFIER` alone would go
    /// untested and unfound: the hand list must be the pattern's alternatives, in order.
    #[test]
    fn modifiers_are_the_patterns_alternatives_in_its_order() {
        let body = MODIFIER_PATTERN
            .strip_prefix(r"(?i)(?-u:\b)(")
            .and_then(|b| b.strip_suffix(r")\s*$"))
            .expect("MODIFIER is (?i)(?-u:\\b)(…)\\s*$");
        let listed: Vec<String> = MODIFIERS.iter().map(|words| words.join(" ")).collect();
        assert_eq!(listed, spell_out(body));
    }

    #[test]
    fn reads_what_the_regex_reads() {
        let mut pieces: Vec<String> = MODIFIERS
            .iter()
            .flat_map(|words| words.iter())
            .map(|w| w.to_string())
            .collect();
        pieces.extend(
            [
                "Late", "ABOUT", "Up", "The", "x", "5", "_", ",", "-", "said", "in", "o", "f",
                "mid", "middle", "somewhat", "xlate", "5some", "_early",
            ]
            .map(str::to_string),
        );
        let separators = ["", " ", " ", "  ", "\t", "\n", "\u{b}", "\u{c}", "\r", "-"];
        let mut sequence = crate::test_random::Sequence::new(0x2545_f491_4f6c_dd1d);
        let mut next = |n: usize| sequence.below(n);
        let mut found = 0;
        for _ in 0..40_000 {
            let mut window = String::new();
            for _ in 0..next(5) + 1 {
                window.push_str(&pieces[next(pieces.len())]);
                window.push_str(separators[next(separators.len())]);
            }
            let want = MODIFIER
                .captures(&window)
                .and_then(|m| m.get(1))
                .map(|g| (g.start(), g.end()));
            assert_eq!(ascii_modifier(window.as_bytes()), want, "{window:?}");
            found += usize::from(want.is_some());
        }
        assert!(found > 5_000, "{found}");
    }
}
