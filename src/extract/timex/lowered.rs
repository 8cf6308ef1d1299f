//! The rules' ASCII form read case-insensitively by lower-casing, for the rules compiled alone
//! for their parts ([`super::engine`]).
//!
//! Parsed as `(?i:…)`, every letter of a rule becomes a class of two bytes (`[jJ]`), each
//! folded on its own, and the alternations compare and merge classes instead of bytes: of the
//! ~17 M instructions that parsing and compiling the ~29 rules a news text needs cost every
//! process, about a third went to that. Without Unicode, `(?i)` folds nothing but the 52 ASCII
//! letters, so the lower-case pattern read case-sensitively over the lower-cased text matches
//! the same bytes at the same offsets: lower-casing ASCII keeps every byte's place, keeps
//! letters letters (so `\w` and `\b` read the same), and leaves every other byte as it is.
//! That holds only for a pattern with no construct that tells a letter's case apart on its
//! own — a flag turning `i` off, a letter in a class, a letter by its code (`\x41`) or a
//! Perl class in capitals (`\S`); [`lower_case_form`] declines any pattern with one.
//!
//! The rules are now written in that lower-case form and the build script compiles them as
//! written, so what runs is [`lower_case_text`]; [`lower_case_form`] is the tests' check that
//! every rule is its own lower-case form.

use std::borrow::Cow;

/// `pattern`'s lower-case form, to be read case-sensitively without Unicode over
/// [`lower_case_text`] where `(?i:pattern)` would be read over the text itself; `None` when
/// the pattern has a construct that could read the two differently (see the module's notes).
///
/// The rules are written in lower case, and the build script compiles each as written; the
/// tests check with this that every rule is its own lower-case form, so that holds.
#[cfg(test)]
pub fn lower_case_form(pattern: &str) -> Option<String> {
    let bytes = pattern.as_bytes();
    let mut lower = String::with_capacity(pattern.len());
    let mut in_class = false;
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            _ if !byte.is_ascii() => return None,
            // `\d`, `\s`, `\w`, `\b` and escaped punctuation read the same on lower-cased
            // text; any other letter escape could name a letter's case or a Unicode class.
            b'\\' => {
                let next = *bytes.get(at + 1)?;
                if next.is_ascii_alphanumeric() && !b"dswb".contains(&next) {
                    return None;
                }
                lower.push('\\');
                lower.push(char::from(next));
                at += 2;
                continue;
            }
            // Classes of digits, spaces and punctuation only; no nested or bracket classes,
            // and no `]` read as a literal at a class's start.
            b'[' if in_class => return None,
            b'[' => {
                if matches!(bytes.get(at + 1), Some(b']' | b'^')) {
                    return None;
                }
                in_class = true;
            }
            b']' if in_class => in_class = false,
            _ if in_class && byte.is_ascii_alphabetic() => return None,
            // A group: non-capturing, named, or turning Unicode off; any other flag (`-i`,
            // `x`) is declined. A name is kept as written and must be lower case already, or
            // the caller would look its part up under a name the pattern no longer has.
            b'(' if !in_class && bytes.get(at + 1) == Some(&b'?') => {
                let rest = pattern.get(at + 2..)?;
                let opener = ["P<", "<", ":", "-u:"]
                    .into_iter()
                    .find(|opener| rest.starts_with(opener))?;
                if opener.ends_with('<') {
                    let name = rest.get(opener.len()..)?.split('>').next()?;
                    if name.bytes().any(|b| b.is_ascii_uppercase()) {
                        return None;
                    }
                }
                lower.push_str("(?");
                lower.push_str(opener);
                at += 2 + opener.len();
                continue;
            }
            _ => {}
        }
        lower.push(char::from(byte.to_ascii_lowercase()));
        at += 1;
    }
    (!in_class).then_some(lower)
}

/// `text` with its ASCII letters lower-cased, every byte in its place; borrowed when it has no
/// capital letter.
pub fn lower_case_text(text: &str) -> Cow<'_, str> {
    if text.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(text.to_ascii_lowercase())
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_that_tell_case_apart_are_declined() {
        for pattern in [
            r"a\Sb",
            r"(?-i:ABC)",
            r"(?i)x",
            r"[A-Z]+",
            r"[[:alpha:]]",
            r"[]a]",
            r"\x41",
            r"\pL",
            r"(?P<Name>x)",
            r"[0-9",
            "caf\u{e9}",
        ] {
            assert_eq!(lower_case_form(pattern), None, "{pattern}");
        }
    }

    #[test]
    fn letters_are_lowered_and_syntax_kept() {
        assert_eq!(
            lower_case_form(r"(?P<tz>EST|GMT)(?-u:\b)\s+(?:of\s+)?(?<y>\d{4})[- ]\.").as_deref(),
            Some(r"(?P<tz>est|gmt)(?-u:\b)\s+(?:of\s+)?(?<y>\d{4})[- ]\.")
        );
        assert_eq!(lower_case_text("Jan. 6, 1998 EST"), "jan. 6, 1998 est");
        assert!(matches!(lower_case_text("last year"), Cow::Borrowed(_)));
    }
}
