//! The words of an all-ASCII sentence (nearly every sentence of news) read in one pass over its
//! bytes. The general reader ([`super::tokens_by_words`]) takes each word from the word scan
//! (`scan::words`, which also counts quotes and decodes non-ASCII characters), then matches on
//! what the scan found and slices the word again for its letters, its tail and its lower case:
//! reading words was two fifths of reading a sentence's events (labels aside). Here a byte is
//! only ever white space, a letter or digit, or a mark, and a word's letters, tail and lower
//! case are ranges of the sentence and of its lower-cased copy found in the same pass.

use super::{Token, VerbSets, is_abbreviation, verb_by};
use crate::extract::events::scan;

/// The tokens of `slice`, an all-ASCII sentence starting at byte `base` of its article, pushed
/// onto `out`; `lower` is `slice` lower-cased ([`str::to_ascii_lowercase`]: the same length).
/// What [`super::tokens_by_words`] gives for the sentence, which a test holds it to.
pub(super) fn ascii_tokens_into<'a>(
    slice: &'a str,
    lower: &'a str,
    base: usize,
    sets: &VerbSets,
    out: &mut Vec<Token<'a>>,
) {
    let bytes = slice.as_bytes();
    let mut at = 0;
    // the token before, as the verb test reads it: whether it starts with a capital and
    // whether it pauses (a lone dash after it may still set its pause)
    let mut prev: Option<(bool, bool)> = None;
    while let Some(&b) = bytes.get(at) {
        if scan::is_space_byte(b) {
            at += 1;
            continue;
        }
        let start = at;
        // marks before the letters: "(Reuters", "\"We"
        at = marks_end(bytes, at);
        let core_start = at;
        let mut core_end = at;
        // letters and digits, then marks, until white space: the letters end where the last
        // run of letters and digits does ("U.S.", "al-Assad's"). (The marks' end says what
        // stopped them, so no byte is read twice.)
        if scan::byte_is(bytes, at, scan::ALNUM) {
            loop {
                core_end = scan::alnum_run_end(bytes, at);
                at = marks_end(bytes, core_end);
                if !scan::byte_is(bytes, at, scan::ALNUM) {
                    break;
                }
            }
        }
        // `at` is at white space or the sentence's end: the next word starts after it
        let end = at;
        at += 1;
        if core_end == core_start {
            // a lone dash between words pauses like a comma
            if bytes[start..end].contains(&b'-')
                && let Some(last) = out.last_mut()
            {
                last.pause_after = true;
                if let Some(p) = prev.as_mut() {
                    p.1 = true;
                }
            }
            continue;
        }
        // (most words have nothing after their letters: no tail is sliced for them)
        let pause_after = core_end != end
            && super::ascii_pause(&bytes[core_end..end], || {
                slice.get(core_start..core_end).is_some_and(is_abbreviation)
            });
        let cap = bytes[core_start].is_ascii_uppercase();
        // (`lower` is as long as the sentence: the slice is always there)
        let lower_form = lower.get(core_start..core_end).unwrap_or_default();
        let verb = verb_by(lower_form, cap, prev, sets);
        prev = Some((cap, pause_after));
        out.push(Token {
            range: base + core_start..base + core_end,
            lower: lower_form,
            cap,
            pause_after,
            verb,
        });
    }
}

/// Where the run of marks (bytes that are neither white space nor a letter or digit) that
/// starts at `at` ends.
#[inline(always)]
fn marks_end(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(|&b| scan::is_mark_byte(b)) {
        at += 1;
    }
    at
}
