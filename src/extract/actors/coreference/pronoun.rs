//! The first personal pronoun of a sentence ("He" or "She" opening it, else "he" or "she"
//! anywhere), which coreference resolves to the person last named. A file of its own because
//! the pattern is found by a byte scan that must agree with the regex it stands in for, and
//! the test that holds the two equal belongs beside both.

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::eight_bytes::find_byte;

static PRONOUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:He|She|His|Her)\b|\b(?:he|she)\b")
        .unwrap_or_else(|_| unreachable!("the pattern is a literal"))
});

/// The match of [`PRONOUN`] that opens `s`, if one does, as (start, length). Every match
/// starts with one of "H", "S", "h", "s", so most openings need no search; and the search
/// finds the leftmost match, so a match at 0 is the one it finds.
pub(super) fn find_opening_pronoun(s: &str) -> Option<(usize, usize)> {
    if !matches!(s.as_bytes().first(), Some(b'H' | b'S' | b'h' | b's')) {
        return None;
    }
    find_pronoun(s).filter(|&(at, _)| at == 0)
}

/// The first match of [`PRONOUN`] in `s`, as (start, length). Found by looking at the bytes
/// around each "he", where the regex search cost more than the rest of the references: a
/// word boundary next to an ASCII byte is decided here, and only a sentence where one falls
/// next to another character is handed to the regex, whose Unicode word boundaries then
/// decide exactly as before.
pub(super) fn find_pronoun(s: &str) -> Option<(usize, usize)> {
    match find_pronoun_ascii(s) {
        Ok(found) => found,
        Err(Undecided) => PRONOUN.find(s).map(|m| (m.start(), m.len())),
    }
}

/// A word boundary next to a character other than ASCII, which [`find_pronoun_ascii`] leaves
/// to the regex.
struct Undecided;

/// Whether a word character of the regex (`\w`) stands at byte `at` of `s`, for an ASCII byte
/// there; `Err` for another character. `at` may be the end of `s` (no character: `false`).
fn word_byte_at(s: &[u8], at: usize) -> Result<bool, Undecided> {
    match s.get(at) {
        None => Ok(false),
        Some(&b) if b.is_ascii() => Ok(crate::extract::white_space::is_ascii_word(b)),
        Some(_) => Err(Undecided),
    }
}

/// [`PRONOUN`]'s leftmost-first search, for boundaries next to ASCII bytes: at the start "He",
/// "She", "His" or "Her" (tried in that order) ending on a boundary, else the first "he" or
/// "she" with a boundary on each side.
fn find_pronoun_ascii(s: &str) -> Result<Option<(usize, usize)>, Undecided> {
    let bytes = s.as_bytes();
    for capital in ["He", "She", "His", "Her"] {
        if s.starts_with(capital) && !word_byte_at(bytes, capital.len())? {
            return Ok(Some((0, capital.len())));
        }
    }
    let mut from = 0;
    // each "h", then whether an "e" follows
    while let Some(h) = find_byte(bytes, from, b'h') {
        from = h + 1;
        if bytes.get(h + 1) != Some(&b'e') {
            continue;
        }
        // "she" when an "s" stands before the "he" (then the "he" alone has no boundary)
        let start = if h >= 1 && bytes[h - 1] == b's' {
            h - 1
        } else {
            h
        };
        let before = match start.checked_sub(1) {
            Some(p) => word_byte_at(bytes, p)?,
            None => false,
        };
        if !before && !word_byte_at(bytes, h + 2)? {
            return Ok(Some((start, h + 2 - start)));
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::{PRONOUN, find_pronoun};

    #[test]
    fn pronouns_are_found_where_the_pattern_finds_them() {
        for s in [
            "",
            "h",
            "he",
            "He said so.",
            "Her car, Hers, His",
            "Heather met them; she left",
            "She-wolf",
            "the shepherd said he would",
            "Ashe, she and he",
            "x_he he_",
            "caf\u{e9} he",
            "\u{e9}he he",
            "he\u{e9} and she\u{301}",
            "they",
            "He\u{2019}s here, he\u{2019}s",
        ] {
            let pattern = PRONOUN.find(s).map(|m| (m.start(), m.len()));
            assert_eq!(find_pronoun(s), pattern, "{s:?}");
        }
    }
}
