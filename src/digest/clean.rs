//! A sentence made fit to quote on its own: one line, without the wire-service dateline or
//! byline that opens many agency stories ("LONDON | Tue Apr 28 ... LONDON (Agency) - ").

use std::sync::LazyLock;

use regex::Regex;

/// "... CITY (Agency) - " near the start of a sentence: everything up to the dash is dateline.
static WIRE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^.{0,200}?\([A-Z][A-Za-z&.' ]{1,30}\)\s*(?:--|[-–—])\s+")
        .expect("the wire prefix pattern is a constant")
});

/// The sentence on one line, any opening dateline removed (kept whole when nothing would be
/// left of it).
pub(crate) fn quote(sentence: &str) -> String {
    let one_line = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
    let body = match WIRE_PREFIX.find(&one_line) {
        Some(m) if one_line.len() - m.end() >= 20 => &one_line[m.end()..],
        _ => one_line.as_str(),
    };
    body.trim_start_matches(['*', '-', '•', ' ']).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_datelines_and_bylines_are_cut() {
        assert_eq!(
            quote(
                "By Ann Lee GENEVA | Mon Apr 27 2009 4:23 pm EDT GENEVA (Wire) - The agency\n raised its alert level."
            ),
            "The agency raised its alert level."
        );
        assert_eq!(
            quote("OSLO (Nordic Press) -- Talks ended without a deal on Friday."),
            "Talks ended without a deal on Friday."
        );
    }

    #[test]
    fn ordinary_sentences_are_kept_whole() {
        let s = "The minister (who resigned later) - as expected - spoke first.";
        assert_eq!(quote(s), s);
        assert_eq!(
            quote("  Two   people were  rescued. "),
            "Two people were rescued."
        );
    }
}
