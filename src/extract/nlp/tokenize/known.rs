//! The tokens of a sentence whose plain words a caller's own scan has already read: the
//! actors' word scan runs over every sentence before the recogniser does, and four chunks in
//! five are a word of ASCII letters and digits, perhaps with one closing mark ("said,", or
//! the sentence's last "said."). Such a chunk's tokens and marks follow from what that scan
//! saw; only the rest of the sentence is scanned again.

use std::ops::Range;

use super::scan_more;
use super::shortcuts::word_and_mark;
use crate::extract::white_space::is_ascii_space;

/// A chunk (a run of characters between white space) that is ASCII letters and digits, then
/// perhaps one of `,;:!?` or a full stop that [`cuts_full_stop`] cuts off, as a caller read
/// it: the tokenizer cuts it into the word and the mark, and the word's marks are `marks`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlainWord {
    /// One of `,;:!?`, or a full stop the tokenizer cuts off, follows the word in its chunk.
    pub has_closing_mark: bool,
    /// The word's [`super::marks`].
    pub marks: u8,
}

/// Whether the tokenizer cuts the chunk `chunk`, ASCII letters and digits and then a period
/// ("said.", "1998."), into the word and the period, as it cuts "said,": the period is then
/// no abbreviation's ("Inc.", "A." stay whole). Such a chunk (most sentences end with one)
/// may then be given as a [`PlainWord`] with a closing mark; the rule is the tokenizer's own
/// shortcut, so the two cannot part.
pub fn cuts_full_stop(chunk: &[u8]) -> bool {
    chunk.last() == Some(&b'.') && word_and_mark(chunk) == Some(false)
}

/// [`super::marked_tokens_into`] of the sentence `text[range]`, given `plain`: the byte range
/// of the word of every plain chunk the caller found in it, in text order (a chunk that starts
/// at its word, and ends with it or with its one mark). The text between two such chunks is
/// scanned as [`super::marked_tokens_into`] would scan it; most of it is one space.
pub fn marked_tokens_known_into(
    text: &str,
    range: Range<usize>,
    plain: impl Iterator<Item = (Range<usize>, PlainWord)>,
    out: &mut Vec<Range<usize>>,
    marks: &mut Vec<u8>,
) {
    out.clear();
    marks.clear();
    out.reserve(range.len() / 5);
    let bytes = text.as_bytes();
    let mut at = range.start;
    for (word, p) in plain {
        // one space between the last chunk and this one holds no token
        let one_space = word.start == at + 1 && bytes.get(at).copied().is_some_and(is_ascii_space);
        if word.start > at && !one_space {
            scan_more(text, at..word.start, out, marks);
        }
        at = word.end;
        out.push(word);
        marks.push(p.marks);
        if p.has_closing_mark {
            out.push(at..at + 1);
            // a mark alone has no marks
            marks.push(0);
            at += 1;
        }
    }
    if at < range.end {
        scan_more(text, at..range.end, out, marks);
    }
}

#[cfg(test)]
mod tests {
    use super::super::{marked_tokens_into, marks};
    use super::*;

    /// The plain chunks of `text` as a caller finds them, by the characters.
    fn plain_words(text: &str) -> Vec<(Range<usize>, PlainWord)> {
        let mut out = Vec::new();
        let mut at = 0;
        for chunk in text.split(|c: char| c.is_whitespace()) {
            let start = at;
            at += chunk.len();
            // the white space character after the chunk
            at += text[at..].chars().next().map_or(0, char::len_utf8);
            let (word, mark) = match chunk.as_bytes() {
                [w @ .., b',' | b';' | b':' | b'!' | b'?'] => (w, true),
                [w @ .., b'.'] if cuts_full_stop(chunk.as_bytes()) => (w, true),
                w => (w, false),
            };
            if word.is_empty() || !word.iter().all(u8::is_ascii_alphanumeric) {
                continue;
            }
            let word = start..start + word.len();
            let m = marks(&text[word.clone()]);
            out.push((
                word,
                PlainWord {
                    has_closing_mark: mark,
                    marks: m,
                },
            ));
        }
        out
    }

    #[test]
    fn tokens_from_known_plain_words_are_those_of_the_whole_scan() {
        for text in [
            "",
            "said",
            " said, ",
            "Mr. Daniels didn't say (much) about the U.S. carmaker's 2015 plans, A380 iPhone",
            "x1 ÉTAT Zürich's \u{a0}über 3.5% long-term «Ab» 日本 ß. He said:  \"no\"; Yes!",
            "a\u{a0}b\u{2003}C  D\t\tE?\nF,G Inc. A. the market.Steve Jobs ... end",
            "He said. 1998. Inc. a. No. U.S. said.\" x. Approx. it.",
        ] {
            let (mut want, mut want_marks) = (Vec::new(), Vec::new());
            marked_tokens_into(text, 0..text.len(), &mut want, &mut want_marks);
            // left over from an earlier sentence: the cut empties them first
            let mut got: Vec<Range<usize>> = std::iter::once(0..1).collect();
            let mut got_marks = vec![9];
            let plain = plain_words(text);
            marked_tokens_known_into(
                text,
                0..text.len(),
                plain.iter().cloned(),
                &mut got,
                &mut got_marks,
            );
            assert_eq!(got, want, "{text:?}");
            assert_eq!(got_marks, want_marks, "{text:?}");
            // and with no plain word known: the whole scan
            marked_tokens_known_into(
                text,
                0..text.len(),
                std::iter::empty(),
                &mut got,
                &mut got_marks,
            );
            assert_eq!((got, got_marks), (want, want_marks), "{text:?}");
        }
    }

    #[test]
    fn a_full_stop_is_cut_off_where_the_tokenizer_cuts_it_off() {
        for (chunk, cut) in [
            ("said.", true),
            ("1998.", true),
            ("Kerry.", true),
            ("5.", true),
            ("Inc.", false),
            ("inc.", false),
            ("A.", false),
            ("a.", false),
            ("U.S.", false),
            ("said,", false),
            ("said", false),
            (".", false),
        ] {
            let mut tokens = Vec::new();
            super::super::tokens_into(chunk, 0..chunk.len(), &mut tokens);
            assert_eq!(cuts_full_stop(chunk.as_bytes()), cut, "{chunk}");
            if cut {
                assert_eq!(tokens, [0..chunk.len() - 1, chunk.len() - 1..chunk.len()]);
            }
        }
    }
}
