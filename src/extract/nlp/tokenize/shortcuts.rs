//! The common chunks the tokenizer's scan cuts itself, beside plain words: a word and one
//! closing mark ("said,", "1998.", "Inc."), a possessive ("Tanzania's"), hyphened words
//! ("well-planned") and a word between openers and closing marks ("``It", "(AP)", "bomb,''"). Each is cut here as the general cuts (`cut_chunk`) would cut it, without
//! their passes over the chunk's characters; tests hold the two equal.

use std::ops::Range;

use super::abbreviations::is_listed_abbreviation;
use super::is_closer;

/// The next most common chunk after a plain one: a plain word or number and one closing mark
/// ("said,", "2015.", "percent)"). The general cuts split it into the word and the mark, or
/// keep it whole when the mark is the period of an abbreviation ("Inc.", "A."): said here
/// directly, without their character-by-character checks. `Some(whole)` for such a chunk.
#[inline]
pub(super) fn word_and_mark(chunk: &[u8]) -> Option<bool> {
    let (&mark, word) = chunk.split_last()?;
    if word.is_empty()
        || !word.iter().all(u8::is_ascii_alphanumeric)
        || !mark.is_ascii()
        || !(mark == b'.' || ascii_closer(mark))
    {
        return None;
    }
    // `is_abbreviation` of a letter-and-digit word and its period: one letter, or listed.
    let one_letter = matches!(word, [c] if c.is_ascii_alphabetic());
    Some(mark == b'.' && (one_letter || is_listed_abbreviation(word)))
}

/// Whether an ASCII chunk is a word or number and "'s" ("Tanzania's", "NATO'S"): the
/// general cuts make the word and the clitic of it.
#[inline]
pub(super) fn possessive(chunk: &[u8]) -> bool {
    match chunk {
        [word @ .., b'\'', s] => {
            s | 0x20 == b's' && !word.is_empty() && word.iter().all(u8::is_ascii_alphanumeric)
        }
        _ => false,
    }
}

/// Whether an ASCII chunk is words or numbers joined by single hyphens, with a letter in it
/// ("well-planned", "16-hour", "agent-in-charge"): the general cuts split it at each hyphen.
#[inline]
pub(super) fn hyphened(chunk: &[u8]) -> bool {
    chunk.first().is_some_and(u8::is_ascii_alphanumeric)
        && chunk.last().is_some_and(u8::is_ascii_alphanumeric)
        && chunk
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || b == b'-')
        && chunk.iter().any(u8::is_ascii_alphabetic)
        && !chunk.windows(2).any(|w| w == b"--")
}

/// Whether an ASCII chunk is a word or number between openers and closing marks ("``It",
/// "(AP)", "$107", "bomb,''", "said,\"", "72%\""): the general cuts make each of those marks a
/// token of its own and keep the word whole. `Some((openers, closers))`, how many bytes of
/// each, for such a chunk. An opener is one the general cuts peel off the front; a closing
/// mark one they peel off the back, or an apostrophe (which they peel off one at a time too,
/// after an "s" as elsewhere). No period: it may end an abbreviation or glue two sentences.
#[inline]
pub(super) fn punctuated(chunk: &[u8]) -> Option<(usize, usize)> {
    let openers = chunk.iter().take_while(|&&b| ascii_opener(b)).count();
    let rest = &chunk[openers..];
    let word = rest
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let closers = &rest[word..];
    (word > 0 && closers.iter().all(|&b| b == b'\'' || ascii_closer(b)))
        .then_some((openers, closers.len()))
}

/// Whether a byte is an ASCII opener the general cuts peel off the front (`is_opener`).
fn ascii_opener(b: u8) -> bool {
    b.is_ascii() && super::is_opener(char::from(b))
}

/// Whether a byte is an ASCII closing mark the general cuts peel off the end (`is_closer`).
fn ascii_closer(b: u8) -> bool {
    b.is_ascii() && is_closer(char::from(b))
}

/// The tokens of a [`punctuated`] chunk `r` of `openers` and `closers` bytes: each of those
/// a token, and the word between them.
pub(super) fn cut_punctuated(
    r: Range<usize>,
    openers: usize,
    closers: usize,
    out: &mut Vec<Range<usize>>,
) {
    let (word_start, word_end) = (r.start + openers, r.end - closers);
    out.extend((r.start..word_start).map(|at| at..at + 1));
    out.push(word_start..word_end);
    out.extend((word_end..r.end).map(|at| at..at + 1));
}

/// The tokens of the chunk `r` (of bytes `chunk`), [`possessive`] or [`hyphened`].
pub(super) fn cut_possessive_or_hyphened(
    r: Range<usize>,
    chunk: &[u8],
    out: &mut Vec<Range<usize>>,
) {
    if possessive(chunk) {
        out.push(r.start..r.end - 2);
        out.push(r.end - 2..r.end);
        return;
    }
    let mut start = r.start;
    for (k, _) in chunk.iter().enumerate().filter(|&(_, &b)| b == b'-') {
        let at = r.start + k;
        out.push(start..at);
        out.push(at..at + 1);
        start = at + 1;
    }
    out.push(start..r.end);
}

/// The tokens of a [`word_and_mark`] chunk `r`: itself when `whole`, else the word and the mark.
#[inline]
pub(super) fn push_word_and_mark(r: Range<usize>, whole: bool, out: &mut Vec<Range<usize>>) {
    if whole {
        out.push(r);
    } else {
        out.push(r.start..r.end - 1);
        out.push(r.end - 1..r.end);
    }
}

#[cfg(test)]
mod tests {
    use super::super::{chunk_tokens, cut_chunk};
    use super::*;

    #[test]
    fn a_word_and_one_mark_are_cut_as_the_general_rules_cut_them() {
        // The shortcut for "said," and "Inc." gives what the general cuts give.
        for word in [
            "a", "A", "Inc", "inc", "said", "2015", "x1", "St", "No", "e", "Approx",
        ] {
            for mark in 0u8..128 {
                let chunk = format!("{word}{}", char::from(mark));
                let (mut fast, mut general) = (Vec::new(), Vec::new());
                chunk_tokens(&chunk, 0..chunk.len(), &mut fast);
                cut_chunk(&chunk, 0..chunk.len(), &mut general);
                assert_eq!(fast, general, "{chunk:?}");
            }
        }
    }

    #[test]
    fn punctuated_words_are_cut_as_the_general_rules_cut_them() {
        // every ASCII mark, alone and in pairs, before and after a few words
        let marks: Vec<String> = (0x21u8..0x7f)
            .filter(|b| !b.is_ascii_alphanumeric())
            .map(|b| char::from(b).to_string())
            .collect();
        let mut ones = vec![String::new()];
        ones.extend(marks.iter().cloned());
        let mut twos = ones.clone();
        for a in &marks {
            for b in &marks {
                twos.push(format!("{a}{b}"));
            }
        }
        let mut fast_cuts = 0;
        for word in ["a", "I", "s", "AP", "said", "72", "x1"] {
            for (leads, tails) in [(&ones, &twos), (&twos, &ones)] {
                for lead in leads {
                    for tail in tails {
                        let chunk = format!("{lead}{word}{tail}");
                        let Some((openers, closers)) = punctuated(chunk.as_bytes()) else {
                            continue;
                        };
                        let (mut fast, mut general) = (Vec::new(), Vec::new());
                        cut_punctuated(0..chunk.len(), openers, closers, &mut fast);
                        cut_chunk(&chunk, 0..chunk.len(), &mut general);
                        assert_eq!(fast, general, "{chunk:?}");
                        fast_cuts += 1;
                    }
                }
            }
        }
        assert!(fast_cuts > 10_000, "{fast_cuts}");
        for chunk in ["``It", "(AP)", "$107", "bomb,''", "bombers'", "said,\""] {
            assert!(punctuated(chunk.as_bytes()).is_some(), "{chunk}");
        }
        for chunk in [
            "U.S.",
            "people.''",
            "don't",
            "a-b",
            "``",
            ")a",
            "a`",
            "$1.5",
        ] {
            assert!(punctuated(chunk.as_bytes()).is_none(), "{chunk}");
        }
    }

    #[test]
    fn possessives_and_hyphened_words_are_cut_as_the_general_rules_cut_them() {
        for chunk in [
            "Tanzania's",
            "NATO'S",
            "a's",
            "I's",
            "n's",
            "isn's",
            "well-planned",
            "16-hour",
            "agent-in-charge",
            "Israeli-built",
            "a-b",
            "1-2",
            "-ab",
            "ab-",
            "a--b",
            "x-1-y",
        ] {
            let bytes = chunk.as_bytes();
            let (mut fast, mut general) = (Vec::new(), Vec::new());
            cut_chunk(chunk, 0..chunk.len(), &mut general);
            if possessive(bytes) || hyphened(bytes) {
                cut_possessive_or_hyphened(0..chunk.len(), bytes, &mut fast);
                assert_eq!(fast, general, "{chunk:?}");
            }
        }
        assert!(possessive(b"Tanzania's") && hyphened(b"a-b") && !hyphened(b"1-2"));
        assert!(!hyphened(b"a--b") && !hyphened(b"-ab") && !possessive(b"'s"));
    }
}
