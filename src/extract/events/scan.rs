//! The words of a sentence or clause (split at white space as [`str::split_whitespace`]
//! splits) read in one pass over its bytes, each ASCII word with where its letters and digits
//! are ([`syntax::core_span`](super::syntax::core_span)) and how many double quotes it has.
//!
//! Reading a sentence's words, then each word again for its letters, then again for its lower
//! case, was the largest single cost of reading sentences and shaping headlines: one table
//! look-up per byte here says at once whether the byte ends the word, is a letter or digit, a
//! quote, or begins a character that must be decoded.

use std::ops::Range;

use crate::extract::eight_bytes::{HIGHS, ONES, first_flagged, in_range};
use crate::extract::white_space::{is_ascii_space, space_at};

/// One word: where it starts (a byte offset into the scanned text), its text, and for an
/// ASCII word (nearly all) its [`Core`].
#[derive(Clone, Debug, PartialEq)]
pub struct Scanned<'a> {
    pub at: usize,
    pub text: &'a str,
    pub core: Option<Core>,
}

/// What the scan found inside an ASCII word.
#[derive(Clone, Debug, PartialEq)]
pub struct Core {
    /// Where the word is without the non-alphanumeric characters at either end, relative to
    /// the word (empty at its end when it has no letter or digit).
    pub span: Range<usize>,
    /// How many double quote bytes the word has.
    pub quotes: usize,
}

/// The words of `s` as [`str::split_whitespace`] gives them, with their offsets and cores.
pub fn words(s: &str) -> Words<'_> {
    Words { s, at: 0 }
}

/// The iterator of [`words`].
pub struct Words<'a> {
    s: &'a str,
    /// Where the scan is.
    at: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = Scanned<'a>;

    /// Always inlined: the scan is the inner loop of every sentence and clause read, and
    /// called as a function (which the optimiser chose when it had three callers) it cost a
    /// fifth more.
    #[inline(always)]
    fn next(&mut self) -> Option<Scanned<'a>> {
        let s = self.s;
        let bytes = s.as_bytes();
        let mut at = self.at;
        // past the white space before the word
        let start = loop {
            let b = *bytes.get(at)?;
            match CLASS[usize::from(b)] {
                SPACE => at += 1,
                NON_ASCII => {
                    let (space, len) = space_at(s, at);
                    if !space {
                        break at;
                    }
                    at += len;
                }
                _ => break at,
            }
        };
        let mut core_start = usize::MAX;
        let mut core_end = 0;
        let mut quotes = 0;
        let mut ascii = true;
        loop {
            // A run of letters and digits in a tight loop of its own: most of a word's bytes
            // are letters, and the general dispatch below cost twice as much per byte.
            let run = at;
            at = alnum_run_end(bytes, at);
            if at > run {
                core_start = core_start.min(run);
                core_end = at;
            }
            let Some(&b) = bytes.get(at) else {
                break;
            };
            match CLASS[usize::from(b)] {
                QUOTE => quotes += 1,
                SPACE => break,
                NON_ASCII => {
                    // a character to decode: white space ends the word, anything else is
                    // part of it (and the word is not ASCII)
                    let (space, len) = space_at(s, at);
                    if space {
                        break;
                    }
                    ascii = false;
                    at += len;
                    continue;
                }
                _ => {}
            }
            at += 1;
        }
        self.at = at;
        let text = s.get(start..at)?;
        let core = ascii.then(|| Core {
            span: if core_start == usize::MAX {
                text.len()..text.len()
            } else {
                core_start - start..core_end - start
            },
            quotes,
        });
        Some(Scanned {
            at: start,
            text,
            core,
        })
    }
}

/// Whether `b` is ASCII white space (for a reader of all-ASCII text).
#[inline(always)]
pub(super) fn is_space_byte(b: u8) -> bool {
    CLASS[usize::from(b)] == SPACE
}

/// Whether `b` is an ASCII byte that is neither white space nor a letter or digit (for a
/// reader of all-ASCII text: a mark such as a comma or a quote).
#[inline(always)]
pub(super) fn is_mark_byte(b: u8) -> bool {
    CLASS[usize::from(b)] <= QUOTE
}

/// Whether `bytes` has a byte at `at` and the scan's table says it is of `class` (one of the
/// classes below).
#[inline(always)]
pub(super) fn byte_is(bytes: &[u8], at: usize, class: u8) -> bool {
    bytes
        .get(at)
        .is_some_and(|&b| CLASS[usize::from(b)] == class)
}

/// Where the run of ASCII letters and digits that starts at `at` ends. Which of eight bytes
/// are letters or digits is told for all eight at once (most words end within the first
/// eight); the last few are read byte by byte.
#[inline(always)]
pub(super) fn alnum_run_end(bytes: &[u8], at: usize) -> usize {
    let stops = |x: u64| {
        // the high bit cleared for the range tests; a byte that had it is a stop anyway. A
        // letter of either case is in a..=z once the case bit is set (no other byte is).
        let low = x & !HIGHS;
        let alnum = in_range(low, b'0', b'9') | in_range(low | (ONES * 0x20), b'a', b'z');
        (x & HIGHS) | (!alnum & HIGHS)
    };
    first_flagged(bytes, at, stops, |b| CLASS[usize::from(b)] != ALNUM)
        .unwrap_or(bytes.len().max(at))
}

/// A byte that is ASCII and none of the others. It and [`QUOTE`], the two marks, are the two
/// lowest classes, so [`is_mark_byte`] asks one comparison (every word of every sentence read
/// by the byte asks it two or three times).
const OTHER: u8 = 0;
/// The double quote (a mark, next to [`OTHER`]).
const QUOTE: u8 = 1;
/// An ASCII letter or digit.
pub(super) const ALNUM: u8 = 2;
/// ASCII white space (what [`char::is_whitespace`] says of the ASCII characters).
const SPACE: u8 = 3;
/// A byte of a non-ASCII character.
const NON_ASCII: u8 = 4;

/// What each byte is to the scan.
static CLASS: [u8; 256] = {
    let mut table = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if !byte.is_ascii() {
            NON_ASCII
        } else if byte.is_ascii_alphanumeric() {
            ALNUM
        } else if byte == b'"' {
            QUOTE
        } else if is_ascii_space(byte) {
            SPACE
        } else {
            OTHER
        };
        b += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::events::syntax::core_span;

    #[test]
    fn a_run_of_letters_and_digits_ends_where_the_byte_table_says() {
        for b in 0..=255u8 {
            for p in 0..18 {
                let mut bytes = b"abcdefgh01234567XYZ".to_vec();
                bytes[p] = b;
                for from in 0..=p {
                    let naive = bytes[from..]
                        .iter()
                        .position(|&c| CLASS[usize::from(c)] != ALNUM)
                        .map_or(bytes.len(), |k| from + k);
                    assert_eq!(
                        alnum_run_end(&bytes, from),
                        naive,
                        "{b:#x} at {p} from {from}"
                    );
                }
            }
        }
    }

    #[test]
    fn words_and_cores_are_those_of_split_whitespace_and_core_span() {
        for text in [
            "",
            "   ",
            "Lavrov and  Kerry\tagree\nto meet",
            " \"(Reuters),\" said -- the \"quoted\" word ",
            "no\u{a0}break\u{2003}em space, vertical\u{b}tab\r\nend",
            "Señor Núñez — “curly” quotes, ... !?",
            "\u{0}control\u{1f}bytes stay in words",
            "internationalisation12345 of@the[worlds`{longest}words/:;<=>?, OK",
            "\u{10}\u{19}\u{30}\u{39}:\u{40}\u{5b}\u{60}\u{7b}\u{7f} AZaz09 ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            "abcdefgh\u{e9}ijklmnop qrstuvwx\u{2003}yz0123456789abcdef\u{a0}",
        ] {
            let scanned: Vec<Scanned> = words(text).collect();
            let split: Vec<&str> = text.split_whitespace().collect();
            assert_eq!(
                scanned.iter().map(|w| w.text).collect::<Vec<_>>(),
                split,
                "{text:?}"
            );
            for w in &scanned {
                assert_eq!(&text[w.at..w.at + w.text.len()], w.text);
                match &w.core {
                    Some(core) => {
                        assert!(w.text.is_ascii());
                        assert_eq!(core.span, core_span(w.text), "{:?}", w.text);
                        assert_eq!(core.quotes, w.text.matches('"').count());
                    }
                    None => assert!(!w.text.is_ascii()),
                }
            }
        }
    }
}
