//! Tokens for tagging, as byte ranges into the text, cut the way the training treebank cuts
//! English (Penn Treebank conventions as used by Universal Dependencies English-EWT): punctuation
//! and quotes apart, clitics apart ("do" "n't", "Russia" "'s"), hyphens apart, abbreviations
//! ("U.S.", "Mr.") whole. Matching the training cuts matters more than any one feature.

use std::ops::Range;

use crate::extract::eight_bytes::{HIGHS, eight_at, non_letters};
use crate::extract::white_space::{is_ascii_space, space_at};

mod abbreviations;
mod known;
mod shortcuts;

use abbreviations::is_listed_abbreviation;
pub use known::{PlainWord, cuts_full_stop, marked_tokens_known_into};
use shortcuts::{
    cut_possessive_or_hyphened, cut_punctuated, hyphened, possessive, punctuated,
    push_word_and_mark, word_and_mark,
};

const CLITICS: &[&str] = &[
    "n't", "'s", "'re", "'ve", "'ll", "'d", "'m", "n’t", "’s", "’re", "’ve", "’ll", "’d", "’m",
];

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '(' | '[' | '{' | '«' | '$' | '#' | '*' | '`'
    )
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '”' | '’' | ')' | ']' | '}' | '»' | ',' | ';' | ':' | '!' | '?' | '*' | '%'
    )
}

/// The tokens of `text[range]`, as absolute byte ranges.
pub fn tokens(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    tokens_into(text, range, &mut out);
    out
}

/// [`tokens`] into `out` (cleared first), whose memory a caller keeps from sentence to
/// sentence.
pub fn tokens_into(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    scan(text, range, out, &mut ());
}

/// [`tokens_into`], with each token's [`marks`] into `marks` (cleared first): what the
/// recogniser asks of every token's characters, noted while the scan reads them anyway.
pub fn marked_tokens_into(
    text: &str,
    range: Range<usize>,
    out: &mut Vec<Range<usize>>,
    marks: &mut Vec<u8>,
) {
    marks.clear();
    scan(text, range, out, marks);
}

/// [`marks`] bit: the token's first character is upper case.
pub const UPPER_FIRST: u8 = 1;
/// [`marks`] bit: the token's first character is alphabetic.
pub const LETTER_FIRST: u8 = 2;
/// [`marks`] bit: the token has an upper-case letter or an ASCII digit.
pub const UPPER_OR_DIGIT: u8 = 4;

/// What [`marked_tokens_into`] notes of a token: [`UPPER_FIRST`], [`LETTER_FIRST`] and
/// [`UPPER_OR_DIGIT`], read from its characters.
pub fn marks(word: &str) -> u8 {
    let first = word.chars().next();
    let mut m = 0;
    if first.is_some_and(char::is_uppercase) {
        m |= UPPER_FIRST;
    }
    if first.is_some_and(char::is_alphabetic) {
        m |= LETTER_FIRST;
    }
    if word.chars().any(|c| c.is_uppercase() || c.is_ascii_digit()) {
        m |= UPPER_OR_DIGIT;
    }
    m
}

/// Where [`scan`] puts the [`marks`] of the tokens it cuts: nowhere (`()`), or a vector.
trait MarkSink {
    /// A plain token (ASCII letters and digits) whose first byte has the class `first` and
    /// whose bytes' classes or-ed together are `seen`.
    fn plain(&mut self, first: u8, seen: u8);
    /// The tokens `out[from..]`, cut from one chunk: read again, by characters.
    fn cut(&mut self, text: &str, out: &[Range<usize>], from: usize);
    /// An ASCII word and its closing mark ([`word_and_mark`]), one token when `whole`: the
    /// chunk's first byte has the class `first`, its bytes' classes or-ed are `seen`.
    fn word_and_mark(&mut self, first: u8, seen: u8, whole: bool);
    /// A word between `openers` and `closers` marks ([`punctuated`]): the chunk's bytes'
    /// classes or-ed are `seen`, and the word's first byte has the class `first`.
    fn punctuated(&mut self, openers: usize, first: u8, seen: u8, closers: usize);
}

impl MarkSink for () {
    #[inline]
    fn plain(&mut self, _: u8, _: u8) {}
    #[inline]
    fn cut(&mut self, _: &str, _: &[Range<usize>], _: usize) {}
    #[inline]
    fn word_and_mark(&mut self, _: u8, _: u8, _: bool) {}
    #[inline]
    fn punctuated(&mut self, _: usize, _: u8, _: u8, _: usize) {}
}

impl MarkSink for Vec<u8> {
    #[inline]
    fn plain(&mut self, first: u8, seen: u8) {
        self.push(ascii_marks(first, seen));
    }

    fn cut(&mut self, text: &str, out: &[Range<usize>], from: usize) {
        for r in &out[from..] {
            // An ASCII token is read by the byte classes; another by its characters.
            let bytes = &text.as_bytes()[r.clone()];
            let seen = bytes
                .iter()
                .fold(0, |seen, &b| seen | CLASS[usize::from(b)]);
            let m = match bytes.first() {
                Some(&b) if seen & WIDE == 0 => ascii_marks(CLASS[usize::from(b)], seen),
                _ => marks(&text[r.clone()]),
            };
            self.push(m);
        }
    }

    #[inline]
    fn word_and_mark(&mut self, first: u8, seen: u8, whole: bool) {
        // The mark (OTHER) adds no bit `ascii_marks` reads, so the word's marks are the
        // chunk's; a mark alone has none.
        self.push(ascii_marks(first, seen));
        if !whole {
            self.push(ascii_marks(OTHER, OTHER));
        }
    }

    #[inline]
    fn punctuated(&mut self, openers: usize, first: u8, seen: u8, closers: usize) {
        // A mark alone has no marks; the marks add no bit `ascii_marks` reads, so the word's
        // are the chunk's.
        let none = ascii_marks(OTHER, OTHER);
        self.extend(std::iter::repeat_n(none, openers));
        self.push(ascii_marks(first, seen));
        self.extend(std::iter::repeat_n(none, closers));
    }
}

/// The [`marks`] a one-byte ASCII token `byte` has: what its first byte gives any token it
/// begins, since a capital's or a digit's [`UPPER_OR_DIGIT`] cannot be taken away by the bytes
/// after it. For callers that read a word's first byte themselves (the actors' word scan
/// builds its table from this, so the rules stay here).
pub const fn ascii_first_byte_marks(byte: u8) -> u8 {
    if byte.is_ascii_uppercase() {
        UPPER_FIRST | LETTER_FIRST | UPPER_OR_DIGIT
    } else if byte.is_ascii_lowercase() {
        LETTER_FIRST
    } else if byte.is_ascii_digit() {
        UPPER_OR_DIGIT
    } else {
        0
    }
}

/// The [`marks`] of an ASCII token whose first byte has the class `first` and whose bytes'
/// classes or-ed together are `seen`.
#[inline]
fn ascii_marks(first: u8, seen: u8) -> u8 {
    // The first byte's marks read from a table and the rest's or-ed in without a branch:
    // this runs for most tokens of every sentence the recogniser reads.
    FIRST_MARKS[usize::from(first)] | (u8::from(seen & (UPPER | DIGIT) != 0) * UPPER_OR_DIGIT)
}

/// The marks a token's first byte gives it, by the byte's class ([`ascii_marks`]).
const FIRST_MARKS: [u8; 256] = {
    let mut t = [0; 256];
    t[LOWER as usize] = LETTER_FIRST;
    t[UPPER as usize] = UPPER_FIRST | LETTER_FIRST;
    t
};

/// [`tokens_into`], handing each token's marks to `marks`.
fn scan(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>, marks: &mut impl MarkSink) {
    out.clear();
    // One token per word is the usual case: a guess that saves most regrowth of `out`.
    out.reserve(range.len() / 5);
    scan_more(text, range, out, marks);
}

/// [`scan`] without emptying `out` first: the tokens of `text[range]` are added after those
/// already there. `range` must begin and end at white space or the sentence's ends (chunks
/// are cut by themselves alone, so a part of a sentence cut on its own gives its tokens).
fn scan_more(
    text: &str,
    range: Range<usize>,
    out: &mut Vec<Range<usize>>,
    marks: &mut impl MarkSink,
) {
    let Some(slice) = text.get(range.clone()) else {
        return;
    };
    // The maximal runs of non-whitespace characters, each cut by `chunk_tokens`. A run of ASCII
    // letters and digits only ("market", "2015"; about four in five) has nothing to cut: it is
    // seen to be plain while it is scanned, and kept whole without a second look. Each byte is
    // classed by one table load; only a byte beyond ASCII is decoded, to ask whether it begins
    // a space (U+00A0 and the like).
    let bytes = slice.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match CLASS[usize::from(b)] {
            SPACE => {
                i += 1;
                continue;
            }
            WIDE => {
                let (space, len) = space_at(slice, i);
                if space {
                    i += len;
                    continue;
                }
            }
            _ => {}
        }
        let start = i;
        let first = CLASS[usize::from(b)];
        // The classes of the chunk's bytes, or-ed: OTHER or WIDE in it makes it not plain.
        // (Any byte but a space, the continuation bytes of a character included, is part of
        // the chunk: none of them begins a space, so stepping byte by byte stays exact.)
        // Its leading ASCII letters (most chunks are a word and perhaps a mark) are read eight
        // at a time; the rest byte by byte.
        let (letters, upper) = letter_run(bytes, i);
        i += letters;
        let mut seen = upper;
        while let Some(&b) = bytes.get(i) {
            let class = CLASS[usize::from(b)];
            // One comparison lets a letter or digit through (the classes below SPACE).
            if class >= SPACE && (class == SPACE || (class == WIDE && space_at(slice, i).0)) {
                break;
            }
            seen |= class;
            i += 1;
        }
        let word = range.start + start..range.start + i;
        if seen & (OTHER | WIDE) == 0 {
            out.push(word);
            marks.plain(first, seen);
        } else if seen & WIDE == 0
            && let Some(whole) = word_and_mark(&bytes[start..i])
        {
            // "said,", "1998.", "Inc.": cut here, and marked from the classes already or-ed,
            // instead of cut by `cut_chunk` and read again by `MarkSink::cut`.
            push_word_and_mark(word, whole, out);
            marks.word_and_mark(first, seen, whole);
        } else if seen & WIDE == 0 && (possessive(&bytes[start..i]) || hyphened(&bytes[start..i])) {
            // "Tanzania's", "well-planned": cut here, without the general cuts' passes over
            // the chunk's characters (what they would give: a test holds them equal).
            let from = out.len();
            cut_possessive_or_hyphened(word, &bytes[start..i], out);
            marks.cut(text, out, from);
        } else if seen & WIDE == 0
            && let Some((openers, closers)) = punctuated(&bytes[start..i])
        {
            // "``It", "(AP)", "bomb,''": the marks cut off, the word kept whole
            cut_punctuated(word, openers, closers, out);
            let first = CLASS[usize::from(bytes[start + openers])];
            marks.punctuated(openers, first, seen, closers);
        } else {
            // no word and mark: the test above said so, and a chunk beyond ASCII is none
            let from = out.len();
            cut_chunk(text, word, out);
            marks.cut(text, out, from);
        }
    }
}

/// How many of the (up to) eight bytes from `at` are ASCII letters before the first that is
/// not, and [`UPPER`] if one of those letters is upper case (else 0: what or-ing their classes
/// gives). (0, 0) when fewer than eight bytes are left: the byte loop reads them.
#[inline]
fn letter_run(bytes: &[u8], at: usize) -> (usize, u8) {
    let Some(x) = eight_at(bytes, at) else {
        return (0, 0);
    };
    let other = non_letters(x);
    let letter = !other & HIGHS;
    let n = (other.trailing_zeros() / 8) as usize;
    // Upper case: the case bit (0x20) clear, moved up to the byte's top bit; counted only
    // below the first byte that is not a letter (`other`'s lowest bit; none: all eight).
    let upper = letter & !(x << 2) & (other & other.wrapping_neg()).wrapping_sub(1);
    (n, u8::from(upper != 0) * UPPER)
}

// Byte classes for [`tokens_into`], as bits, so a chunk's classes or-ed say what it holds.
/// An ASCII lower-case letter: no bit (plain, and no sign of a name).
const LOWER: u8 = 0;
/// An ASCII upper-case letter.
const UPPER: u8 = 1;
/// An ASCII digit.
const DIGIT: u8 = 2;
/// ASCII white space: the ASCII members of `char::is_whitespace`.
const SPACE: u8 = 4;
/// Any other ASCII byte.
const OTHER: u8 = 8;
/// A byte beyond ASCII.
const WIDE: u8 = 16;

/// The class of each byte (a table: one load per byte).
const CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        t[b] = if byte.is_ascii_lowercase() {
            LOWER
        } else if byte.is_ascii_uppercase() {
            UPPER
        } else if byte.is_ascii_digit() {
            DIGIT
        } else if is_ascii_space(byte) {
            SPACE
        } else if byte.is_ascii() {
            OTHER
        } else {
            WIDE
        };
        b += 1;
    }
    t
};

/// Cuts one whitespace-free chunk.
fn chunk_tokens(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    // Most chunks are plain words or numbers ("market", "2015"): no opener, closer, period,
    // apostrophe or hyphen, so nothing below would cut them. Saying so up front skips the
    // character-by-character checks for about four chunks in five.
    if s.bytes().all(|b| b.is_ascii_alphanumeric()) {
        out.push(r);
        return;
    }
    if let Some(whole) = word_and_mark(&text.as_bytes()[r.clone()]) {
        push_word_and_mark(r, whole, out);
        return;
    }
    cut_chunk(text, r, out);
}

/// [`chunk_tokens`] for any chunk: openers, closers, periods, clitics and hyphens.
fn cut_chunk(text: &str, mut r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    // Clitics and "s'" need an apostrophe; a chunk without one skips those checks. (0xE2 begins
    // '’' and other punctuation too: a false "maybe" only costs the checks.)
    let apostrophe = s.bytes().any(|b| b == b'\'' || b == 0xe2);
    // "market.Steve": a sentence end whose space went missing (only a chunk with a period).
    // (Bytes compared one by one: a chunk is a few bytes, too short for `memchr` to pay.)
    let glued_stop = s.bytes().any(|b| b == b'.').then(|| {
        s.char_indices().find_map(|(i, c)| {
            (c == '.'
                && s[..i].ends_with(char::is_lowercase)
                && s[i + 1..].starts_with(char::is_uppercase))
            .then_some(i)
        })
    });
    if let Some(dot) = glued_stop.flatten() {
        let at = r.start + dot;
        chunk_tokens(text, r.start..at, out);
        out.push(at..at + 1);
        chunk_tokens(text, at + 1..r.end, out);
        return;
    }
    // Leading openers, one token each.
    while let Some(c) = text[r.clone()].chars().next() {
        // ".Steve" where a space went missing after a full stop
        let stop_before_capital =
            c == '.' && text[r.start + 1..r.end].starts_with(char::is_uppercase);
        if r.len() > c.len_utf8() && (is_opener(c) || stop_before_capital) {
            out.push(r.start..r.start + c.len_utf8());
            r.start += c.len_utf8();
        } else {
            break;
        }
    }
    // Trailing pieces are cut from the right, so they are found last first. They go straight
    // into `out` (no vector of their own per chunk) and are put in text order once the rest of
    // the chunk has followed them.
    let tail_start = out.len();
    loop {
        let s = &text[r.clone()];
        let Some(c) = s.chars().next_back() else {
            break;
        };
        if s.len() <= c.len_utf8() {
            break;
        }
        if s.ends_with("...") && s.len() > 3 {
            out.push(r.end - 3..r.end);
            r.end -= 3;
            continue;
        }
        if is_closer(c) || (c == '\'' && !s.ends_with("s'")) {
            out.push(r.end - c.len_utf8()..r.end);
            r.end -= c.len_utf8();
            continue;
        }
        if c == '.' && !is_abbreviation(s) {
            out.push(r.end - 1..r.end);
            r.end -= 1;
            continue;
        }
        // A clitic or "s'" has its apostrophe in the chunk's last five bytes ("n’t" is the
        // longest): without one there, neither can match.
        let tail = &s.as_bytes()[s.len().saturating_sub(5)..];
        if !apostrophe || !tail.iter().any(|&b| b == b'\'' || b == 0xe2) {
            break;
        }
        if let Some(cl) = CLITICS.iter().find(|cl| {
            s.len() > cl.len()
                && s.is_char_boundary(s.len() - cl.len())
                && s[s.len() - cl.len()..].eq_ignore_ascii_case(cl)
        }) {
            out.push(r.end - cl.len()..r.end);
            r.end -= cl.len();
            continue;
        }
        if s.ends_with("s'") {
            out.push(r.end - 1..r.end);
            r.end -= 1;
            continue;
        }
        break;
    }
    let tail_len = out.len() - tail_start;
    hyphen_split(text, r, out);
    // [t1 .. tk, c1 .. cm] → reversed whole: [cm .. c1, tk .. t1] → first m reversed back.
    if tail_len > 0 {
        let core_len = out.len() - tail_start - tail_len;
        out[tail_start..].reverse();
        out[tail_start..tail_start + core_len].reverse();
    }
}

/// "long-term" → "long" "-" "term"; a number range or a phone number stays whole.
fn hyphen_split(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let splittable = s.bytes().any(|b| b == b'-')
        && s.chars().any(char::is_alphabetic)
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--");
    if !splittable {
        out.push(r);
        return;
    }
    let mut start = r.start;
    for (i, _) in s.match_indices('-') {
        let at = r.start + i;
        if at > start {
            out.push(start..at);
        }
        out.push(at..at + 1);
        start = at + 1;
    }
    if start < r.end {
        out.push(start..r.end);
    }
}

fn is_abbreviation(s: &str) -> bool {
    let core = &s[..s.len() - 1];
    if core.is_empty() {
        return false;
    }
    let single_letter = core.chars().count() == 1 && core.chars().all(char::is_alphabetic);
    single_letter
        || (core.contains('.') && core.chars().any(char::is_alphabetic))
        || is_listed_abbreviation(core.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(s: &str) -> Vec<&str> {
        tokens(s, 0..s.len()).into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn punctuation_and_clitics_are_cut_as_the_treebank_cuts_them() {
        assert_eq!(
            cut("Mr. Daniels didn't say (much) about the U.S. carmaker's plans."),
            [
                "Mr.", "Daniels", "did", "n't", "say", "(", "much", ")", "about", "the", "U.S.",
                "carmaker", "'s", "plans", "."
            ]
        );
        assert_eq!(
            cut("\"A long-term deal,\" she said"),
            [
                "\"", "A", "long", "-", "term", "deal", ",", "\"", "she", "said"
            ]
        );
    }

    #[test]
    fn a_first_bytes_marks_are_those_of_the_byte_alone() {
        for byte in 0..0x80u8 {
            let alone = char::from(byte).to_string();
            let expected = if byte.is_ascii_alphanumeric() {
                marks(&alone)
            } else {
                0
            };
            assert_eq!(ascii_first_byte_marks(byte), expected, "{byte:#x}");
        }
    }

    #[test]
    fn marks_noted_while_scanning_are_those_of_the_characters() {
        let text = "Mr. Daniels didn't say (much) about the U.S. carmaker's 2015 plans, \
                    A380 iPhone x1 ÉTAT Zürich's \u{a0}über 3.5% long-term «Ab» 日本 ß. \
                    ``It (AP) $107 72%\" bomb,''";
        let (mut tokens, mut marked) = (Vec::new(), Vec::new());
        marked_tokens_into(text, 0..text.len(), &mut tokens, &mut marked);
        assert_eq!(tokens, super::tokens(text, 0..text.len()));
        let want: Vec<u8> = tokens.iter().map(|r| marks(&text[r.clone()])).collect();
        assert_eq!(marked, want);
        assert_eq!(marks("A380"), UPPER_FIRST | LETTER_FIRST | UPPER_OR_DIGIT);
        assert_eq!(marks("2015"), UPPER_OR_DIGIT);
        assert_eq!(marks("iPhone"), LETTER_FIRST | UPPER_OR_DIGIT);
        assert_eq!(marks("said"), LETTER_FIRST);
    }

    #[test]
    fn letters_read_eight_at_a_time_are_those_read_one_by_one() {
        let text = "Kenya's@[`{aZzA1998 évêque ÉTAT zebra-Quagga\tmarket\u{a0}x";
        let bytes = text.as_bytes();
        for at in 0..bytes.len() {
            let (n, upper) = letter_run(bytes, at);
            if bytes.len() - at < 8 {
                assert_eq!((n, upper), (0, 0));
                continue;
            }
            let want = bytes[at..at + 8]
                .iter()
                .take_while(|b| b.is_ascii_alphabetic())
                .count();
            let want_upper = bytes[at..at + want].iter().any(u8::is_ascii_uppercase);
            assert_eq!((n, upper), (want, u8::from(want_upper) * UPPER), "at {at}");
        }
    }

    #[test]
    fn a_missing_space_after_a_full_stop_does_not_glue_it_to_a_name() {
        assert_eq!(
            cut("the market.Steve Jobs"),
            ["the", "market", ".", "Steve", "Jobs"]
        );
    }

    #[test]
    fn odd_text_never_panics_and_offsets_stay_in_the_text() {
        for s in [
            "",
            "'",
            "...",
            "’’’",
            "n't",
            "é-",
            "--x--",
            "s'",
            "(((",
            "日本's",
        ] {
            for r in tokens(s, 0..s.len()) {
                assert!(s.get(r).is_some_and(|t| !t.is_empty()));
            }
        }
    }
}
