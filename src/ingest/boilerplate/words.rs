//! Counting a line's words as the shape tests count them: ASCII lines byte by byte without
//! decoding, other lines by `split_whitespace` with each Chinese, Japanese or Korean
//! character a word.

use crate::ingest::eight_bytes::{HIGHS, any_flagged};

/// The words in `line` (as [`word_count`] counts them) when there are at most `limit`, else
/// some number above `limit`: counting stops soon after the first word past it.
pub(super) fn words_up_to(line: &str, limit: usize) -> usize {
    if is_ascii(line.as_bytes()) {
        return ascii_words_up_to(line.as_bytes(), limit);
    }
    let mut count = 0;
    for w in line.split_whitespace() {
        count += if w.is_ascii() { 1 } else { word_count(w) };
        if count > limit {
            break;
        }
    }
    count
}

/// Whether `bytes` are all ASCII, as `str::is_ascii` says, read eight at a time with the last
/// read overlapping the one before it. The standard one reads 64 bytes at a time and what is
/// left (most of a paragraph of 120 bytes) one by one; every paragraph is asked.
pub(crate) fn is_ascii(bytes: &[u8]) -> bool {
    !any_flagged(bytes, |v| v & HIGHS, |b| !b.is_ascii())
}

/// Bytes an ASCII line's words are counted in at a time (see [`ascii_words_up_to`]).
pub(super) const WORD_CHUNK: usize = 64;

/// `char::is_whitespace` on an ASCII byte: the five of `is_ascii_whitespace` and vertical tab.
pub(super) fn is_ascii_space(b: u8) -> bool {
    b == b' ' || (b'\t'..=b'\r').contains(&b)
}

/// The words of an ASCII line, cut as `str::split_whitespace` cuts them, without decoding
/// characters (every paragraph's words are counted several times): the non-space bytes after
/// a space or at the start. Exact up to `limit`; past it, some larger number.
///
/// The bytes are read [`WORD_CHUNK`] at a time with no early exit inside a chunk, so the
/// compiler checks many bytes at once; counting stops after the chunk that passes `limit`.
fn ascii_words_up_to(line: &[u8], limit: usize) -> usize {
    let Some(&first) = line.first() else {
        return 0;
    };
    let mut count = usize::from(!is_ascii_space(first));
    let mut at = 1;
    while at < line.len() && count <= limit {
        let end = (at + WORD_CHUNK).min(line.len());
        // At most WORD_CHUNK starts a chunk: a narrow counter lets more bytes share a step.
        let starts: u8 = line[at - 1..end - 1]
            .iter()
            .zip(&line[at..end])
            .map(|(&before, &b)| u8::from(is_ascii_space(before) & !is_ascii_space(b)))
            .sum();
        count += usize::from(starts);
        at = end;
    }
    count
}

/// Words in `line`. Chinese, Japanese and Korean characters count one each (a sentence there
/// has no spaces), so a length rule means about the same for every script.
pub(crate) fn word_count(line: &str) -> usize {
    // Most text is ASCII: count runs of non-space bytes without decoding characters (a
    // third of reading a stream of news articles went into this count, several per paragraph).
    if is_ascii(line.as_bytes()) {
        return ascii_words_up_to(line.as_bytes(), usize::MAX);
    }
    line.split_whitespace()
        .map(|w| {
            let cjk = w.chars().filter(|&c| is_cjk(c)).count();
            if cjk == 0 {
                1
            } else {
                cjk + usize::from(w.chars().any(|c| c.is_alphanumeric() && !is_cjk(c)))
            }
        })
        .sum()
}

/// A Han, kana or Hangul character: scripts written without spaces between words.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}'
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}'
        | '\u{ff66}'..='\u{ff9f}'
        | '\u{ac00}'..='\u{d7af}')
}

#[cfg(test)]
mod tests {
    use super::is_ascii;

    #[test]
    fn ascii_is_checked_as_the_standard_check_does() {
        for len in 0..40 {
            let mut bytes = vec![b'a'; len];
            assert_eq!(is_ascii(&bytes), bytes.is_ascii());
            for at in 0..len {
                bytes[at] = 0xc3;
                assert_eq!(is_ascii(&bytes), bytes.is_ascii(), "{len} {at}");
                bytes[at] = b'a';
            }
        }
    }
}
