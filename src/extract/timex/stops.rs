//! Where a sentence stops, as the tense cues and "the same day" read it: a cheap scan for
//! `. `, `! `, `? ` and blank lines within a few hundred bytes of an expression.
//!
//! Every tense cue and every "the same day" looks for the stops around a place in the text
//! (TimeBank 3 MB: ~4,700 times), and testing a byte at a time was most of that cost. The
//! bytes that may stop a sentence are rare, so they are looked for eight bytes at a time, and
//! [`is_stop`] decides only at those.

use crate::extract::eight_bytes::{eight_at, equal_bytes, first_flagged};

/// Titles that end in a full stop inside a sentence ("Mr. Davison", "Gen. Schwarzkopf").
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "prof",
    "rev", "adm", "maj", "cmdr", "pres",
];

/// How far from the expression the scan looks for a stop each way: a longer "sentence" is cut
/// there.
const REACH: usize = 300;

/// The bounds of the sentence holding `start..end`: the byte after the last stop before
/// `start` and the first stop at or after `end`, each looked for at most [`REACH`] bytes away
/// (and cut to a character boundary where none was found).
pub fn sentence_around(text: &str, start: usize, end: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let lo = start.saturating_sub(REACH);
    let mut s = lo;
    let mut i = start;
    while let Some(k) = last_may_stop(bytes, lo, i) {
        if is_stop(bytes, k) {
            s = k + 1;
            break;
        }
        i = k;
    }
    let hi = (end + REACH).min(bytes.len());
    let mut e = hi;
    let mut j = end;
    while let Some(k) = first_may_stop(&bytes[..hi], j) {
        if is_stop(bytes, k) {
            e = k;
            break;
        }
        j = k + 1;
    }
    while !text.is_char_boundary(s) {
        s += 1;
    }
    while !text.is_char_boundary(e) {
        e -= 1;
    }
    (s, e.max(s))
}

/// Whether a sentence-like stop lies between two byte offsets.
pub fn same_sentence(text: &str, from: usize, to: usize) -> bool {
    let bytes = text.as_bytes();
    let hi = to.min(bytes.len());
    let mut i = from;
    while let Some(k) = first_may_stop(&bytes[..hi], i) {
        if is_stop(bytes, k) {
            return false;
        }
        i = k + 1;
    }
    true
}

/// Whether the byte can end a sentence at all ([`is_stop`] looks further only then).
#[inline]
fn may_stop(b: u8) -> bool {
    matches!(b, b'\n' | b'.' | b'!' | b'?')
}

/// The high bit of exactly each byte of `eight` that [`may_stop`] (any bytes, no borrow between
/// them: a byte's low seven bits plus 0x7f stay within the byte), so the highest flag is the
/// last such byte as well as the lowest the first.
#[inline(always)]
fn stop_flags(eight: u64) -> u64 {
    let equal = |byte: u8| equal_bytes(eight, byte);
    equal(b'\n') | equal(b'.') | equal(b'!') | equal(b'?')
}

/// The first byte at or after `from` in `bytes` that [`may_stop`].
fn first_may_stop(bytes: &[u8], from: usize) -> Option<usize> {
    first_flagged(bytes, from, stop_flags, may_stop)
}

/// The last byte in `lo..before` that [`may_stop`], read eight bytes at a time from the end.
fn last_may_stop(bytes: &[u8], lo: usize, before: usize) -> Option<usize> {
    let mut at = before.min(bytes.len());
    while at >= lo + 8 {
        let eight = eight_at(bytes, at - 8)?;
        let found = stop_flags(eight);
        if found != 0 {
            return Some(at - 8 + (63 - found.leading_zeros() as usize) / 8);
        }
        at -= 8;
    }
    (lo..at).rev().find(|&i| may_stop(bytes[i]))
}

fn is_stop(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        b'\n' => bytes.get(i + 1) == Some(&b'\n'),
        b'.' | b'!' | b'?' => {
            bytes.get(i + 1).is_some_and(u8::is_ascii_whitespace)
                && bytes
                    .get(i + 2)
                    .is_some_and(|b| b.is_ascii_uppercase() || *b == b'"')
                && !(i >= 2 && bytes[i - 2] == b'.')
                && !is_abbreviation(bytes, i)
        }
        _ => false,
    }
}

/// Whether the full stop at `i` closes an initial ("P. Davison") or a title ("Mr. Davison")
/// rather than a sentence.
fn is_abbreviation(bytes: &[u8], i: usize) -> bool {
    let start = bytes[..i]
        .iter()
        .rposition(|b| !b.is_ascii_alphabetic())
        .map_or(0, |p| p + 1);
    let word = &bytes[start..i];
    match word {
        [only] => only.is_ascii_uppercase(),
        _ => {
            word.len() <= 4
                && TITLES
                    .iter()
                    .any(|t| t.as_bytes().eq_ignore_ascii_case(word))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`sentence_around`] as it was written before the eight-byte scans: a byte at a time.
    fn sentence_around_bytewise(text: &str, start: usize, end: usize) -> (usize, usize) {
        let bytes = text.as_bytes();
        let lo = start.saturating_sub(REACH);
        let mut s = lo;
        let mut i = start;
        while i > lo {
            i -= 1;
            if may_stop(bytes[i]) && is_stop(bytes, i) {
                s = i + 1;
                break;
            }
        }
        let hi = (end + REACH).min(bytes.len());
        let mut e = hi;
        let mut j = end;
        while j < hi {
            if may_stop(bytes[j]) && is_stop(bytes, j) {
                e = j;
                break;
            }
            j += 1;
        }
        while !text.is_char_boundary(s) {
            s += 1;
        }
        while !text.is_char_boundary(e) {
            e -= 1;
        }
        (s, e.max(s))
    }

    #[test]
    fn stop_flags_mark_exactly_the_stop_bytes_in_every_place() {
        for b in 0..=255u8 {
            for at in 0..8 {
                for fill in [b'a', b'.', 0xff, 0x00, b'\n'] {
                    let mut chunk = [fill; 8];
                    chunk[at] = b;
                    let flags = stop_flags(u64::from_le_bytes(chunk));
                    for (k, &byte) in chunk.iter().enumerate() {
                        let flagged = (flags >> (8 * k)) & 0xff;
                        let want = if may_stop(byte) { 0x80 } else { 0 };
                        assert_eq!(flagged, want, "{b:#x} at {at} in {fill:#x}");
                    }
                }
            }
        }
    }

    #[test]
    fn eight_byte_scans_find_what_the_bytewise_scan_finds() {
        let mut text = String::new();
        for piece in [
            "Mr. Davison said on Friday. The talks ended! Did they? \"Yes.\" P. Jones left. ",
            "A line\n\nand a paragraph. Gen. Smith arrived at 4 p.m. Monday. Zürich… é. Ça va. ",
            "no stop here at all, just words going on and on without an end in sight ",
        ] {
            text.push_str(piece);
        }
        // Long stretches without a stop, so the reach of the scan is met both ways.
        let long = "word ".repeat(90);
        let text = format!("{text}{long}. End. {long}x.\n\nLast.");
        let ends: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for (k, &start) in ends.iter().enumerate() {
            for &end in ends[k..].iter().take(12) {
                assert_eq!(
                    sentence_around(&text, start, end),
                    sentence_around_bytewise(&text, start, end),
                    "{start}..{end}"
                );
            }
            for &to in ends.iter().step_by(7) {
                let bytes = text.as_bytes();
                let bytewise =
                    !(start..to.min(bytes.len())).any(|i| may_stop(bytes[i]) && is_stop(bytes, i));
                assert_eq!(same_sentence(&text, start, to), bytewise, "{start}..{to}");
            }
        }
    }
}
