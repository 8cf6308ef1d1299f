//! The words an article writes in lower case ("meanwhile", "service"), so that a capitalised
//! copy at the start of a sentence is known to be no name. Every word of every article is
//! added here, so the set is built for that: short words are numbers in a table of their own.

use rustc_hash::FxHashSet;

use super::number_set::NumberSet;
use crate::extract::lower_case::with_lower_case;

/// The words of an article that begin with a lower-case letter (see [`lower_case_words`]).
/// Words of up to seven bytes (most) are kept as one number each, their bytes and their
/// length, which tells every such word from every other: adding the article's every word and
/// asking about it then hashes and compares a number instead of a string.
pub(crate) struct LowerWords<'a> {
    short: NumberSet,
    long: FxHashSet<&'a str>,
}

impl LowerWords<'_> {
    /// Whether the article writes `word` (as it is) as a word beginning with a lower-case
    /// letter.
    pub fn contains(&self, word: &str) -> bool {
        match short_key(word.as_bytes()) {
            Some(key) => self.short.contains(key),
            None => self.long.contains(word),
        }
    }

    /// Whether the article writes `word` lower-cased (as [`str::to_lowercase`] writes it) as
    /// a word beginning with a lower-case letter.
    pub fn contains_lower_case_of(&self, word: &str) -> bool {
        with_lower_case(word, |lower| self.contains(lower))
    }
}

impl<'a> LowerWords<'a> {
    /// Adds the word `start..end` of `text` when it begins with a lower-case letter. Inlined
    /// into the scan: it runs for every word of every article, a quarter of them empty or
    /// capitalised, and a call cost as much as the test.
    #[inline(always)]
    fn add(&mut self, text: &'a str, start: usize, end: usize) {
        let bytes = text.as_bytes();
        // the first byte decides for an ASCII letter; only a non-ASCII one is decoded
        let lower = match bytes.get(start..end).and_then(<[u8]>::first) {
            Some(b) if b.is_ascii() => b.is_ascii_lowercase(),
            Some(_) => text
                .get(start..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(char::is_lowercase),
            None => false,
        };
        if !lower {
            return;
        }
        match short_key_in(bytes, start, end) {
            Some(key) => self.short.insert(key),
            None => {
                if let Some(word) = text.get(start..end) {
                    self.long.insert(word);
                }
            }
        }
    }
}

/// A word of at most seven bytes as one number: its bytes from the lowest, and its length in
/// the highest byte. `None` for a longer word.
fn short_key(word: &[u8]) -> Option<u64> {
    if word.len() > 7 {
        return None;
    }
    let mut key = (word.len() as u64) << 56;
    for (i, &b) in word.iter().enumerate() {
        key |= u64::from(b) << (8 * i);
    }
    Some(key)
}

/// [`short_key`] of `bytes[start..end]`, read as one eight-byte number where the text goes
/// on that far (nearly always) and masked to the word, instead of a byte at a time: every
/// word of every article is keyed.
fn short_key_in(bytes: &[u8], start: usize, end: usize) -> Option<u64> {
    let len = end - start;
    if len > 7 {
        return None;
    }
    let Some(eight) = bytes.get(start..start + 8) else {
        return short_key(&bytes[start..end]);
    };
    let mut word = [0; 8];
    word.copy_from_slice(eight);
    // the word's bytes from the lowest, as `short_key` places them; `len` is at most 7
    let mask = (1u64 << (8 * len)) - 1;
    Some((u64::from_le_bytes(word) & mask) | ((len as u64) << 56))
}

/// The words of `text` that begin with a lower-case letter, a word being what lies between
/// characters that are neither alphanumeric nor a hyphen. Read a byte at a time, decoding a
/// character only where a non-ASCII one starts: this reads every byte of every article, and
/// splitting with a character predicate cost as much as all the look-ups it serves.
pub(super) fn lower_case_words(text: &str) -> LowerWords<'_> {
    // sized for the article up front (roughly one distinct lower-case word per 16 bytes of a
    // news article, most of them short), so the sets are not grown again and again; capped,
    // as a long text repeats its words and would only leave most of a larger table empty
    let capacity = (text.len() / 16).min(1 << 14);
    let mut words = LowerWords {
        short: NumberSet::with_capacity(capacity),
        long: FxHashSet::with_capacity_and_hasher(capacity / 4, rustc_hash::FxBuildHasher),
    };
    let bytes = text.as_bytes();
    let (mut start, mut at) = (0, 0);
    while at < bytes.len() {
        // the ASCII letters, digits and hyphens of a word, skipped in one tight loop
        at += bytes[at..]
            .iter()
            .position(|&b| !ASCII_WORD_BYTE[usize::from(b)])
            .unwrap_or(bytes.len() - at);
        let Some(&b) = bytes.get(at) else {
            break;
        };
        let (separates, len) = if b.is_ascii() {
            (true, 1)
        } else {
            let c = text[at..].chars().next().unwrap_or(' ');
            (!c.is_alphanumeric(), c.len_utf8())
        };
        if separates {
            words.add(text, start, at);
            start = at + len;
        }
        at += len;
    }
    words.add(text, start, bytes.len());
    words
}

/// ASCII bytes that belong to a word for [`lower_case_words`]: letters, digits and hyphens.
/// Non-ASCII bytes are false here and decoded where they start.
static ASCII_WORD_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = byte.is_ascii_alphanumeric() || byte == b'-';
        b += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_written_in_lower_case_are_found_whatever_their_length() {
        let words = lower_case_words(
            "Meanwhile the service, Service and a well-known extraordinarily Long-word é-été",
        );
        for word in "the service and a well-known extraordinarily é-été".split(' ') {
            assert!(words.contains(word), "{word}");
        }
        // capitalised, or not written at all; and the empty word
        for word in "Meanwhile meanwhile Service Long-word long-word servic ".split(' ') {
            assert!(!words.contains(word), "{word:?}");
        }
        // asked for the lower case of a word, short or long, ASCII or not
        for word in ["The", "SERVICE", "Well-Known", "É-été", "A"] {
            let lower = word.to_lowercase();
            assert_eq!(
                words.contains_lower_case_of(word),
                words.contains(&lower),
                "{word}"
            );
            assert!(words.contains_lower_case_of(word), "{word}");
        }
        assert!(!words.contains_lower_case_of("Meanwhile") && !words.contains_lower_case_of(""));
    }
}
