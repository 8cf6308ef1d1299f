//! What labelling reads of the ends of a clause or label, by the byte while they are ASCII:
//! the first word of a clause (past its openers), and a label's first and last words. Every
//! label asks both, and the general word scan or a character search of every word cost more
//! there than the tests they serve.

use std::sync::LazyLock;

use super::scan;
use super::words::{self, List};
use crate::extract::actors::tokens::{is_product, opens_like_a_name};
use crate::extract::events::shapes::Shapes;
use crate::extract::white_space::is_ascii_space;

/// What [`label`](super::label) asks of a label's words: its first word (the fragment
/// test), whether it has one word at most (a bare subject), and whether it is only a speaker
/// and a reporting verb. Read from both ends, not word by word: the first word from the
/// start, the last from the end, and the words counted only for a label that ends on a
/// reporting verb (few do).
pub(super) struct Opening<'a> {
    label: &'a str,
    /// The first word and where it starts (`None` for none).
    first: Option<(usize, &'a str)>,
    /// The last word and where it starts (`None` for none).
    last: Option<(usize, &'a str)>,
}

impl<'a> Opening<'a> {
    pub(super) fn of(label: &'a str) -> Self {
        Opening {
            label,
            first: first_word(label),
            last: last_word(label),
        }
    }

    /// The first word ("" for none).
    pub(super) fn first(&self) -> &'a str {
        self.first.map_or("", |(_, w)| w)
    }

    /// Whether the label has one word or none: its first word is its last.
    pub(super) fn is_bare(&self) -> bool {
        self.first.map(|(at, _)| at) == self.last.map(|(at, _)| at)
    }

    /// Whether the label is only a speaker and a reporting verb ("Rival Boeing says"): at
    /// most four words, the last a reporting verb.
    pub(super) fn is_bare_frame(&self) -> bool {
        self.last
            .is_some_and(|(_, last)| is_on(&REPORTING_SHAPES, words::list::REPORTING, last))
            && scan::words(self.label).nth(4).is_none()
    }
}

/// Whether `word` opens a fragment of a clause ("Than planned"): on
/// [`FRAGMENT_OPENERS`](words::list::FRAGMENT_OPENERS) once lower-cased.
pub(super) fn is_fragment_opener(word: &str) -> bool {
    is_on(&FRAGMENT_SHAPES, words::list::FRAGMENT_OPENERS, word)
}

/// Whether `word` lower-cased is on `list`, whose words' shapes are `shapes`: most words are
/// told they are not by their shape, without the copy that lower-cases them (which cost more
/// than the look-up; every label's first and last words are asked).
fn is_on(shapes: &Shapes, list: List, word: &str) -> bool {
    shapes.admits_lower_case_of(word) && list.has_lower_case_of(word)
}

/// The shapes of [`words::REPORTING`], the words of [`words::list::REPORTING`].
static REPORTING_SHAPES: LazyLock<Shapes> =
    LazyLock::new(|| Shapes::of(words::REPORTING.iter().copied()));

/// The shapes of [`words::FRAGMENT_OPENERS`], the words of
/// [`words::list::FRAGMENT_OPENERS`].
static FRAGMENT_SHAPES: LazyLock<Shapes> =
    LazyLock::new(|| Shapes::of(words::FRAGMENT_OPENERS.iter().copied()));

/// The first word of `label` and where it starts, as the first of `scan::words` gives them:
/// read by the byte while the bytes are ASCII (white space is then ASCII white space), so
/// that the label's words are not scanned; by the scan when a byte that is not ASCII comes
/// first (a character to decode, which may be white space).
pub(super) fn first_word(label: &str) -> Option<(usize, &str)> {
    let bytes = label.as_bytes();
    let start = bytes.iter().position(|&b| !is_ascii_space(b))?;
    let len = bytes[start..]
        .iter()
        .position(|&b| !IN_ASCII_WORD[usize::from(b)])
        .unwrap_or(bytes.len() - start);
    let end = start + len;
    if !bytes[start].is_ascii() || bytes.get(end).is_some_and(|b| !b.is_ascii()) {
        return scan::words(label).next().map(|w| (w.at, w.text));
    }
    // (`start` and `end` are at ASCII bytes or the label's end: character boundaries)
    label.get(start..end).map(|w| (start, w))
}

/// The prepositions cut with the date they introduce ("on Monday"), each with the space
/// after it.
const DATE_PREPOSITIONS: [&str; 10] = [
    "on ", "in ", "at ", "since ", "by ", "during ", "late ", "early ", "until ", "over ",
];

/// How many bytes at the end of `before` (a clause's text before its date) are a date
/// preposition and its space, compared without ASCII case, with no letter or digit before it:
/// 0 for none. The word before the last space is read back by the byte once and compared with
/// the prepositions of its length, not each preposition with the text's end in turn (every
/// dated label asks). No preposition ends another, so at most one can match.
pub(super) fn date_preposition_len(before: &str) -> usize {
    let Some((b' ', head)) = before.as_bytes().split_last() else {
        return 0;
    };
    // the ASCII letters before the space (a preposition's are all ASCII letters)
    let start = head
        .iter()
        .rposition(|b| !b.is_ascii_alphabetic())
        .map_or(0, |i| i + 1);
    let word = &head[start..];
    if !(2..=6).contains(&word.len()) {
        return 0;
    }
    let Some(prep) = DATE_PREPOSITIONS.iter().find(|p| {
        p.len() == word.len() + 1 && word.eq_ignore_ascii_case(&p.as_bytes()[..word.len()])
    }) else {
        return 0;
    };
    // (`start` is at an ASCII letter: a character boundary; a letter or digit before it, of
    // any script, makes the preposition part of another word)
    let open = before[..start]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    if open { prep.len() } else { 0 }
}

/// Whether the first word of `label` (as [`first_word`] gives it) is a product name or
/// model code ([`is_product`]), which keeps its case. A capital then a lower-case letter opens
/// most labels, and is `is_product`'s own quick "no" ([`opens_like_a_name`]): then the first
/// word is not looked for.
pub(super) fn opens_with_product(label: &str) -> bool {
    !opens_like_a_name(label) && is_product(first_word(label).map_or("", |(_, w)| w))
}

/// The last word of `label` and where it starts, as the last of `scan::words` gives them:
/// read back from the end by the byte while the bytes are ASCII (white space is then ASCII
/// white space), so that only the last word is read; by the scan of every word when a byte
/// that is not ASCII comes first (a character to decode, which may be white space).
pub(super) fn last_word(label: &str) -> Option<(usize, &str)> {
    let bytes = label.as_bytes();
    let mut end = bytes.len();
    while end > 0 && is_ascii_space(bytes[end - 1]) {
        end -= 1;
    }
    // back to the byte before the word: ASCII white space, or a byte of a character to
    // decode (which may be white space)
    let before = bytes[..end]
        .iter()
        .rposition(|&b| !IN_ASCII_WORD[usize::from(b)]);
    if before.is_some_and(|i| !bytes[i].is_ascii()) {
        return scan::words(label).last().map(|w| (w.at, w.text));
    }
    let start = before.map_or(0, |i| i + 1);
    // (`start` and `end` are at ASCII bytes or the label's ends: character boundaries)
    (start < end).then(|| label.get(start..end).map(|w| (start, w)))?
}

/// The bytes that go on an ASCII word: ASCII bytes other than white space. (One table look-up
/// per byte: the first and last words of every label and clause are read by it.)
static IN_ASCII_WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = !is_ascii_space(b as u8);
        b += 1;
    }
    table
};

/// The length of the run of characters that `keeps` accepts at the start of `s`, its ASCII
/// bytes told by `ascii` (which must say of an ASCII byte what `keeps` says of it as a
/// character) without decoding them: the clause's first words are read at every label, and a
/// character search cost more than the rest of finding them. From the first byte that is not
/// ASCII on, the characters are decoded.
#[inline(always)]
pub(super) fn run_len(s: &str, ascii: impl Fn(u8) -> bool, keeps: impl Fn(char) -> bool) -> usize {
    let bytes = s.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at)
        && b.is_ascii()
    {
        if !ascii(b) {
            return at;
        }
        at += 1;
    }
    // (`at` is at a character's first byte: every byte before it is ASCII)
    at + s[at..].find(|c: char| !keeps(c)).unwrap_or(s.len() - at)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXTS: [&str; 20] = [
        "",
        "Henderson",
        "  Henderson  ",
        "Rival Boeing says",
        "Than planned",
        "Lavrov and Kerry agree to meet in Vienna",
        "one two\tthree\nfour\x0bfive\x0csix\rseven",
        "a  b   c    d     e      f",
        "Señor Núñez says",
        "no\u{a0}break\u{2003}space here and there",
        "internationalisation-of-everything says so",
        "\"Quoted\" words, and more: yes",
        "Rival Boeing says  ",
        "Boeing says\u{a0}",
        "Airbus Señor says",
        " \t ",
        "says Núñez",
        "Núñez",
        "x\u{2003}y",
        "\u{2003}Lead and end\u{a0}",
    ];

    #[test]
    fn the_first_and_last_words_are_those_of_the_word_scan() {
        for text in TEXTS {
            let opening = Opening::of(text);
            let words: Vec<(usize, &str)> = scan::words(text).map(|w| (w.at, w.text)).collect();
            assert_eq!(opening.first, words.first().copied(), "{text:?}");
            assert_eq!(opening.last, words.last().copied(), "{text:?}");
            assert_eq!(opening.is_bare(), words.len() <= 1, "{text:?}");
            let frame = (1..=4).contains(&words.len())
                && words::list::REPORTING.has_lower_case_of(words[words.len() - 1].1);
            assert_eq!(opening.is_bare_frame(), frame, "{text:?}");
        }
    }

    #[test]
    fn the_date_preposition_is_the_one_each_preposition_compared_in_turn_finds() {
        let by_each = |before: &str| {
            DATE_PREPOSITIONS
                .iter()
                .find(|p| {
                    let Some(at) = before.len().checked_sub(p.len()) else {
                        return false;
                    };
                    before.as_bytes()[at..].eq_ignore_ascii_case(p.as_bytes())
                        && before[..at]
                            .chars()
                            .next_back()
                            .is_none_or(|c| !c.is_alphanumeric())
                })
                .map_or(0, |p| p.len())
        };
        let mut befores: Vec<String> = Vec::new();
        for p in DATE_PREPOSITIONS {
            for lead in [
                "",
                "fell ",
                "x",
                "5",
                "é",
                "(",
                "\u{a0}",
                "Carter said ",
                "no",
            ] {
                befores.push(format!("{lead}{p}"));
                befores.push(format!("{lead}{}", p.to_uppercase()));
                befores.push(format!("{lead}{}", p.trim_end()));
                befores.push(format!("{lead}{p} "));
            }
        }
        befores.extend(
            [
                "", " ", "a ", "Xon ", "Son ", "moon ", "ONLY ", "duringg ", "early  ",
            ]
            .map(String::from),
        );
        for before in &befores {
            assert_eq!(date_preposition_len(before), by_each(before), "{before:?}");
        }
    }

    #[test]
    fn a_product_opening_is_told_as_from_the_first_word() {
        let mut labels: Vec<String> = TEXTS.iter().map(|t| t.to_string()).collect();
        for first in [
            "iPhone", "A320", "F16", "Boeing", "BOEING", "eBay", "Xa", "X", "x",
        ] {
            for rest in ["", " sells", "s are out", ",\u{a0}says", "\u{2003}lands"] {
                labels.push(format!("{first}{rest}"));
                labels.push(format!(" {first}{rest}"));
            }
        }
        for label in &labels {
            assert_eq!(
                opens_with_product(label),
                is_product(first_word(label).map_or("", |(_, w)| w)),
                "{label:?}"
            );
        }
    }

    #[test]
    fn the_lists_are_asked_as_without_their_shapes() {
        let mut asked: Vec<String> = Vec::new();
        for w in words::REPORTING.iter().chain(words::FRAGMENT_OPENERS) {
            asked.push(w.to_string());
            asked.push(w.to_uppercase());
            asked.push(format!("{w},"));
            let mut chars = w.chars();
            if let Some(c) = chars.next() {
                asked.push(c.to_uppercase().chain(chars).collect());
            }
        }
        for text in TEXTS {
            asked.extend(text.split_whitespace().map(str::to_string));
        }
        asked.extend(["", "İS", "SAYS", "Şays", "Than", "THAN", "thanks"].map(String::from));
        for w in &asked {
            assert_eq!(
                is_on(&REPORTING_SHAPES, words::list::REPORTING, w),
                words::list::REPORTING.has_lower_case_of(w),
                "{w:?}"
            );
            assert_eq!(
                is_fragment_opener(w),
                words::list::FRAGMENT_OPENERS.has_lower_case_of(w),
                "{w:?}"
            );
        }
    }

    #[test]
    fn a_run_read_by_the_byte_ends_where_the_character_search_ends_it() {
        for text in TEXTS {
            for from in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let s = &text[from..];
                let search =
                    |keeps: fn(char) -> bool| s.find(|c: char| !keeps(c)).unwrap_or(s.len());
                assert_eq!(
                    run_len(s, |b| b.is_ascii_alphanumeric(), char::is_alphanumeric),
                    search(char::is_alphanumeric),
                    "{s:?}"
                );
                assert_eq!(
                    run_len(s, |b| !b.is_ascii_alphanumeric(), |c| !c.is_alphanumeric()),
                    search(|c| !c.is_alphanumeric()),
                    "{s:?}"
                );
                assert_eq!(
                    run_len(s, |b| b.is_ascii_alphabetic(), char::is_alphabetic),
                    search(char::is_alphabetic),
                    "{s:?}"
                );
            }
        }
    }
}
