//! The hand-written word counters held to the plain code they replaced: both were rewritten
//! for speed and must keep every timeline byte for byte.

use super::*;

/// What `fewer_words_than` was before: the `n`th word of `split_whitespace`, looked for.
fn fewer_by_split(text: &str, n: usize) -> bool {
    text.split_whitespace().nth(n - 1).is_none()
}

/// What `content_words` was before, on any text: runs of letters and digits of at least five
/// bytes (so "écla", five bytes, counts), their first five characters lower-cased and keyed,
/// which is what its general path still reads.
fn content_by_split(s: &str) -> Vec<u64> {
    let mut out = content_keys_of_any(s);
    out.sort_unstable();
    out.dedup();
    out
}

const TEXTS: &[&str] = &[
    "",
    " ",
    "four",
    "fives",
    "sixsix",
    "four fives sixsix",
    "  Talks TALKS talking talked  ",
    "a word at the very end abcde",
    "a short one at the end abcd",
    "2015 12345 123456 20151021 abc12 1a2b3c",
    "talks,talking.said;(Reuters) \"quoted\" co-op-erate don't e-mail",
    "...!!! ,,, -- ''",
    "no\u{a0}break\u{a0}space\u{a0}",
    "\u{a0}leading\u{2003}em\u{2003}spaces and\u{85}next\u{2028}line",
    "tab\tseparated\nlines\r\nvertical\u{b}feeds\u{c}",
    "Señor Núñez écla éclat ÉCLATS naïve façade",
    "\u{0}control\u{1f}bytes inside",
    "one two three four five six seven eight nine",
];

#[test]
fn fewer_words_than_counts_as_split_whitespace_does() {
    for text in TEXTS {
        for n in 1..=10 {
            assert_eq!(
                fewer_words_than(text, n),
                fewer_by_split(text, n),
                "{text:?} {n}"
            );
        }
    }
}

#[test]
fn content_words_are_those_of_the_plain_split() {
    for text in TEXTS {
        assert_eq!(content_words(text), content_by_split(text), "{text:?}");
    }
    // the ASCII path alone, each text a word longer: words end at the very end too
    for text in TEXTS.iter().filter(|t| t.is_ascii()) {
        for tail in ["", " abcde", " abcdef", "abcd", "x"] {
            let text = format!("{text}{tail}");
            assert_eq!(content_words(&text), content_by_split(&text), "{text:?}");
        }
    }
}
