//! The match of [`DESCRIPTION`](super::DESCRIPTION) ("the [adjective] [Nationality] noun")
//! that starts at a given "the", read by hand, because a regex search with its captures at
//! every place a description may start costs far more than the few byte tests that decide
//! it. Where a decision needs a character other than ASCII (the regex's `\b` is
//! Unicode-aware), the regex itself decides, so the matches are always the regex's.

use std::ops::Range;

use super::{DESCRIPTION, NOUNS_BY_FIRST_BYTE, next_description_at};

/// A description found in a sentence: the whole match, its nationality word (the pattern's
/// first group) and its noun (the second), as byte ranges of the sentence.
pub(super) struct Description {
    pub(super) whole: Range<usize>,
    pub(super) nationality: Option<Range<usize>>,
    pub(super) noun: Range<usize>,
}

/// The descriptions of `sentence` in order: the matches `captures_iter` would give of
/// [`DESCRIPTION`], each search starting where the last match ended, but no earlier than the
/// next place a match can start.
pub(super) fn descriptions(sentence: &str) -> impl Iterator<Item = Description> + '_ {
    let mut at = 0;
    let nouns = NOUNS_BY_FIRST_BYTE.as_deref();
    std::iter::from_fn(move || {
        while let Some(start) = next_description_at(sentence, at) {
            match description_at(nouns, sentence, start) {
                Found::Here(Some(found)) | Found::ByRegex(Some(found)) => {
                    at = found.whole.end;
                    return Some(found);
                }
                Found::Here(None) => at = start + 1,
                Found::ByRegex(None) => break,
            }
        }
        // none is left: later calls find none either
        at = sentence.len() + 1;
        None
    })
}

/// What [`DESCRIPTION`] finds at `start`, the first place at or after the previous match
/// where one can start (as `next_description_at` gives it). `nouns_by_first_byte` lists the
/// pattern's nouns by their first byte, each list in the pattern's order (`None`: the regex
/// answers; it is compiled only when it must).
///
/// The match starting at `start`, if any, is the first of these whose noun is followed by the
/// end of a word: "the " + a lower-case word + a capitalised word + the noun, then without the
/// capitalised word, then without the lower-case word, then without both (the pattern's
/// optional groups are greedy), each trying the nouns in the pattern's order.
/// `Found::Here(None)`: no match starts at `start`, and the caller moves on to the next place.
fn description_at(
    nouns_by_first_byte: Option<&[Vec<&'static str>]>,
    sentence: &str,
    start: usize,
) -> Found {
    let by_hand =
        nouns_by_first_byte.map_or(Err(Undecided), |n| by_hand(n, sentence.as_bytes(), start));
    match by_hand {
        Ok(found) => Found::Here(found),
        Err(Undecided) => Found::ByRegex(DESCRIPTION.captures_at(sentence, start).and_then(|c| {
            Some(Description {
                whole: c.get(0)?.range(),
                nationality: c.get(1).map(|m| m.range()),
                noun: c.get(2)?.range(),
            })
        })),
    }
}

/// What [`description_at`] found.
enum Found {
    /// The match starting at `start`, or `None` when none starts there.
    Here(Option<Description>),
    /// The regex's first match at or after `start` (or `None`: there is none in the sentence).
    ByRegex(Option<Description>),
}

/// A decision needs a character other than ASCII.
struct Undecided;

/// Whether the byte `b` is a word character of the regex's `\b`, for an ASCII byte; a byte of
/// a character other than ASCII leaves it undecided.
fn ascii_word_byte(b: u8) -> Result<bool, Undecided> {
    if b.is_ascii() {
        Ok(crate::extract::white_space::is_ascii_word(b))
    } else {
        Err(Undecided)
    }
}

/// The match starting at `start` (the "T" or "t" of "the "), read by hand.
fn by_hand(
    nouns_by_first_byte: &[Vec<&'static str>],
    bytes: &[u8],
    start: usize,
) -> Result<Option<Description>, Undecided> {
    if !matches!(bytes.get(start), Some(b'T' | b't'))
        || bytes.get(start + 1..start + 4) != Some(b"he ".as_slice())
    {
        return Ok(None);
    }
    // `\b` before the "T": the byte before is no word byte (or there is none)
    if let Some(&before) = start.checked_sub(1).and_then(|b| bytes.get(b))
        && ascii_word_byte(before)?
    {
        return Ok(None);
    }
    let after_the = start + 4;
    // "[a-z]+ " and "[A-Z][a-z]+ " at `at`: where the word ends (its space) if it is one
    let lower_word = |at: usize| word_then_space(bytes, at, false);
    let capital_word = |at: usize| word_then_space(bytes, at, true);
    let lower = lower_word(after_the);
    // (nationality word, where the noun starts), in the pattern's order of preference
    let mut tries: [Option<(Option<Range<usize>>, usize)>; 4] = [const { None }; 4];
    if let Some(lower_end) = lower {
        tries[0] = capital_word(lower_end + 1).map(|end| (Some(lower_end + 1..end), end + 1));
        tries[1] = Some((None, lower_end + 1));
    }
    tries[2] = capital_word(after_the).map(|end| (Some(after_the..end), end + 1));
    tries[3] = Some((None, after_the));
    for (nationality, at) in tries.into_iter().flatten() {
        if let Some(noun) = noun_at(nouns_by_first_byte, bytes, at)? {
            return Ok(Some(Description {
                whole: start..noun.end,
                nationality,
                noun,
            }));
        }
    }
    Ok(None)
}

/// The end of the word at `at` (`[a-z]+`, or `[A-Z][a-z]+` when `capital`) when a space
/// follows it.
fn word_then_space(bytes: &[u8], at: usize, capital: bool) -> Option<usize> {
    let mut end = at;
    if capital {
        bytes.get(end).filter(|b| b.is_ascii_uppercase())?;
        end += 1;
    }
    let letters = bytes
        .get(end..)?
        .iter()
        .take_while(|b| b.is_ascii_lowercase())
        .count();
    (letters > 0 && bytes.get(end + letters) == Some(&b' ')).then_some(end + letters)
}

/// The first noun (in the pattern's order) at `at` that a word's end follows.
fn noun_at(
    nouns_by_first_byte: &[Vec<&'static str>],
    bytes: &[u8],
    at: usize,
) -> Result<Option<Range<usize>>, Undecided> {
    let Some(&first) = bytes.get(at) else {
        return Ok(None);
    };
    for noun in &nouns_by_first_byte[usize::from(first)] {
        if !bytes[at..].starts_with(noun.as_bytes()) {
            continue;
        }
        let end = at + noun.len();
        // `\b` after the noun, whose last byte is a word byte (the nouns are words)
        let ends_word = match bytes.get(end) {
            None => true,
            Some(&b) => !ascii_word_byte(b)?,
        };
        let last_is_word = noun.as_bytes().last().map(|&b| ascii_word_byte(b));
        match last_is_word {
            Some(Ok(true)) if ends_word => return Ok(Some(at..end)),
            Some(Ok(true)) => {}
            _ => return Err(Undecided),
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every description of `sentence` as (nationality, noun).
    fn found(sentence: &str) -> Vec<(Option<&str>, &str)> {
        descriptions(sentence)
            .map(|d| (d.nationality.map(|r| &sentence[r]), &sentence[d.noun]))
            .collect()
    }

    #[test]
    fn descriptions_are_the_patterns_matches() {
        let cases = [
            "The Syrian president met the prime minister and the new Thai foreign minister.",
            "Then the ministry's man and theministry and the minister-designate spoke.",
            "Bathe the president; the presidents; the former president said the.",
            "The Élysée said the président and the ministry é and the ministryé agreed.",
            "the president",
            "_the president and 9the minister and the  president and the\tminister spoke.",
            "Then the café president and the Café minister and the Zürich minister spoke.",
        ];
        for sentence in cases {
            let expected: Vec<(Option<&str>, &str)> = DESCRIPTION
                .captures_iter(sentence)
                .filter_map(|c| Some((c.get(1).map(|m| m.as_str()), c.get(2)?.as_str())))
                .collect();
            assert_eq!(found(sentence), expected, "{sentence}");
        }
        assert_eq!(
            found("The Syrian president met the new foreign minister."),
            [(Some("Syrian"), "president"), (None, "foreign minister")]
        );
    }
}
