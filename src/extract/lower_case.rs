//! Asking something of a word lower-cased without a `String` for it when it is short ASCII.
//!
//! Sentence-initial and lone capitalised words are looked up lower-cased in several places
//! (the article's lower-case words, the headline's word lists); nearly all are short ASCII
//! words, and a heap copy each cost more than the look-up.

use std::borrow::Cow;

/// The longest word lower-cased on the stack (room for any common English word); a longer
/// or non-ASCII word is lower-cased into a `String`.
const ON_THE_STACK: usize = 32;

/// `ask` of `word` lower-cased as [`str::to_lowercase`] lower-cases it.
pub(crate) fn with_lower_case<T>(word: &str, ask: impl FnOnce(&str) -> T) -> T {
    let mut buf = [0u8; ON_THE_STACK];
    if word.is_ascii()
        && let Some(lower) = buf.get_mut(..word.len())
    {
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        // ASCII bytes are always a str
        if let Ok(lower) = std::str::from_utf8(lower) {
            return ask(lower);
        }
    }
    ask(&word.to_lowercase())
}

/// `lower` made `sentence` lower-cased ([`str::to_ascii_lowercase`]), in its own room.
pub(crate) fn lower_into(lower: &mut String, sentence: &str) {
    lower.clear();
    lower.push_str(sentence);
    lower.make_ascii_lowercase();
}

/// Whether `s` holds `word` (lower-case ASCII) in any ASCII case: what lower-casing a copy of
/// `s` and searching it finds, without the copy.
pub(crate) fn contains_ignore_ascii_case(s: &str, word: &str) -> bool {
    s.as_bytes()
        .windows(word.len())
        .any(|w| w.eq_ignore_ascii_case(word.as_bytes()))
}

/// `word` lower-cased: itself when it is ASCII without capitals (most words of news text),
/// other ASCII words by the byte, without the Unicode case tables.
pub(crate) fn lower_case(word: &str) -> Cow<'_, str> {
    if !word.is_ascii() {
        Cow::Owned(word.to_lowercase())
    } else if word.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(word.to_ascii_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

#[cfg(test)]
mod tests {
    use super::{contains_ignore_ascii_case, with_lower_case};

    #[test]
    fn finds_what_a_lower_cased_copy_finds() {
        for text in [
            "",
            "The Same Day",
            "that SAME day",
            "sam",
            "ÉTÉ same",
            "sameday",
        ] {
            for word in ["same day", "same", "day", "é"] {
                assert_eq!(
                    contains_ignore_ascii_case(text, word),
                    text.to_ascii_lowercase().contains(word),
                    "{text:?} {word:?}"
                );
            }
        }
    }

    #[test]
    fn lowers_as_to_lowercase_does_on_and_off_the_stack() {
        let long = "A".repeat(40);
        for word in [
            "",
            "The",
            "MEANWHILE",
            "İstanbul",
            "Kelvin",
            "ÉCOLE",
            long.as_str(),
        ] {
            assert_eq!(
                with_lower_case(word, str::to_owned),
                word.to_lowercase(),
                "{word}"
            );
        }
    }
}
