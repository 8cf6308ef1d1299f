//! A past tense rewritten in headline tense as one string: "accused," → "accuses,". The base
//! form ([`Base`], a stem and its ending), the present ending and the old word's trailing
//! punctuation are written into one string made at its size.
//!
//! `tense::present` on `tense::base_of_past` said the same with three strings per verb, two
//! of them through the formatting machinery (`to_string` of the base, `format!` of the
//! present), and a copy of the old word for its punctuation; most headlines rewrite a verb.

use super::tense::Base;
use super::word::Word;

/// `old`, a past tense whose base is `base`, as a headline word in the present tense, with
/// the punctuation `old` had after its letters.
pub(super) fn in_present<'a>(base: Base<'_>, plural: bool, old: &Word) -> Word<'a> {
    Word::new(present_with_tail(base, plural, punct_tail(old)))
}

/// The present tense of `base` for a singular (third person) or plural subject, followed by
/// `tail`: what `present(&base.to_string(), plural)` followed by `tail` is, in one string.
fn present_with_tail(base: Base<'_>, plural: bool, tail: &str) -> String {
    let (stem, ending) = base.parts();
    let mut out = String::with_capacity(stem.len() + ending.len() + 3 + tail.len());
    out.push_str(stem);
    out.push_str(ending);
    match (out.as_str(), plural) {
        ("be", false) => out.replace_range(.., "is"),
        ("be", true) => out.replace_range(.., "are"),
        ("have", false) => out.replace_range(.., "has"),
        (_, true) => {}
        (form, false) => {
            if form.ends_with(['s', 'x', 'z', 'o']) || form.ends_with("sh") || form.ends_with("ch")
            {
                out.push_str("es");
            } else if let Some(stem) = form.strip_suffix('y')
                && !stem.ends_with(['a', 'e', 'o', 'u'])
            {
                out.pop();
                out.push_str("ies");
            } else {
                out.push('s');
            }
        }
    }
    out.push_str(tail);
    out
}

/// The characters of `word` after its last letter or digit ("accused," → ","), as one slice.
fn punct_tail(word: &str) -> &str {
    &word[word.trim_end_matches(|c: char| !c.is_alphanumeric()).len()..]
}

#[cfg(test)]
mod tests {
    use super::super::tense::{past_base, present};
    use super::*;

    #[test]
    fn the_present_with_its_tail_is_what_present_and_a_copy_of_the_tail_made() {
        let pasts = [
            "accused",
            "agreed",
            "launched",
            "stopped",
            "carried",
            "died",
            "went",
            "was",
            "were",
            "had",
            "fixed",
            "buzzed",
            "echoed",
            "pushed",
            "played",
            "said",
            "took",
            "travelled",
            "created",
            "quoted",
            "been",
        ];
        for past in pasts {
            let Some(base) = past_base(past) else {
                continue;
            };
            for plural in [false, true] {
                for tail in ["", ",", "\".", "'s"] {
                    let old = format!("{}{tail}", present(&base.to_string(), plural));
                    assert_eq!(present_with_tail(base, plural, tail), old, "{past}");
                }
            }
        }
        assert_eq!(punct_tail("accused,\""), ",\"");
        assert_eq!(punct_tail("said"), "");
        assert_eq!(punct_tail("..."), "...");
    }
}
