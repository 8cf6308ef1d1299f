//! White space as `char::is_whitespace` defines it, found by the byte: the words of a sentence
//! are split for the recogniser, the actor scan and every headline, and decoding each
//! character through a predicate cost more than the rest of the split. ASCII bytes are
//! classified as they are; a character is decoded only where a non-ASCII one begins.

/// Whether the character that begins at byte `at` of `s` is white space, and its length in
/// bytes. `at` must lie inside `s`. A continuation byte (the middle of a multi-byte character)
/// is "not space, one byte", so a caller may step through `s` byte by byte.
#[inline]
pub fn space_at(s: &str, at: usize) -> (bool, usize) {
    let b = s.as_bytes()[at];
    if b.is_ascii() {
        return (is_ascii_space(b), 1);
    }
    if b < 0xc0 {
        return (false, 1);
    }
    s[at..]
        .chars()
        .next()
        .map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8()))
}

/// The ASCII members of `char::is_whitespace`: tab, line feed, vertical tab, form feed,
/// carriage return and space. `const` so the scanners' byte-class tables are built from it.
#[inline]
pub const fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// A byte of regex's `\w` on ASCII text (`[0-9A-Za-z_]`): where a hand-written reader stands
/// in for a regex, a word's edge is where this changes, as `\b` sees it.
#[inline]
pub const fn is_ascii_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The words of `s` with their byte offsets: what [`str::split_whitespace`] gives.
pub fn words_at(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = loop {
            if at >= s.len() {
                return None;
            }
            let (space, len) = space_at(s, at);
            if !space {
                break at;
            }
            at += len;
        };
        at = word_end(s, at);
        Some((start, &s[start..at]))
    })
}

/// Where the word that byte `at` of `s` lies in ends, as [`str::split_whitespace`] ends it: at
/// the first white space character from `at` on, or at the end of `s`.
pub fn word_end(s: &str, mut at: usize) -> usize {
    while at < s.len() {
        // ASCII bytes that are no white space, many at a time
        at += s.as_bytes()[at..]
            .iter()
            .position(|&b| !b.is_ascii() || is_ascii_space(b))
            .unwrap_or(s.len() - at);
        if at >= s.len() {
            break;
        }
        let (space, len) = space_at(s, at);
        if space {
            break;
        }
        at += len;
    }
    at
}

/// The words of `s`, as [`str::split_whitespace`] gives them.
pub fn words(s: &str) -> impl Iterator<Item = &str> {
    words_at(s).map(|(_, word)| word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_as_split_whitespace_splits_them() {
        for text in [
            "",
            "   ",
            "Lavrov and  Kerry\tagree\nto meet",
            " leading and trailing ",
            "no\u{a0}break\u{2003}em space, vertical\u{b}tab\r\nend",
            "Zürich’s “quoted” words — dashes",
        ] {
            let ours: Vec<&str> = words(text).collect();
            let std: Vec<&str> = text.split_whitespace().collect();
            assert_eq!(ours, std, "{text:?}");
            for (at, word) in words_at(text) {
                assert_eq!(&text[at..at + word.len()], word, "{text:?}");
            }
        }
    }

    #[test]
    fn a_byte_inside_a_character_is_no_space() {
        let s = "a\u{2003}b";
        assert_eq!(space_at(s, 1), (true, 3));
        assert_eq!(space_at(s, 2), (false, 1));
        assert_eq!(space_at(s, 4), (false, 1));
    }
}
