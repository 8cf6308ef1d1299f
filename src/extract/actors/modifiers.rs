//! Names used as modifiers of the noun after them ("iPod users", "the iPod line", "Apple fans",
//! "iPhone 4 buyers"): the clause is about the users, the line or the fans, so the named party
//! is mentioned but takes no part in the event (it gets no lane entry for it). Read from the
//! word after the name: a noun for the people or the collection around a party.

use std::sync::LazyLock;

use super::word_set::WordSet;
use super::{Builder, How};
// split as `split_whitespace` splits, ASCII many bytes at a time: asked after every name
use crate::extract::white_space::words;

/// Nouns for the people and the collections around a party ("iPod users", "Apple fans", "the
/// iPod line", "GM shares"). A name before one of them is a modifier: the users, the fans or
/// the shares are what the clause is about. A name before a noun saying what the thing itself
/// is ("its iPod music players", "the iPhone device") still names it, so those are not here.
const MODIFIED_NOUNS: &[&str] = &[
    "user",
    "users",
    "owner",
    "owners",
    "buyer",
    "buyers",
    "customer",
    "customers",
    "fan",
    "fans",
    "subscriber",
    "subscribers",
    "consumer",
    "consumers",
    "shareholder",
    "shareholders",
    "investor",
    "investors",
    "employee",
    "employees",
    "worker",
    "workers",
    "staff",
    "staffers",
    "executive",
    "executives",
    "official",
    "officials",
    "developer",
    "developers",
    "engineer",
    "engineers",
    "analyst",
    "analysts",
    "supporter",
    "supporters",
    "critic",
    "critics",
    "lawyer",
    "lawyers",
    "dealer",
    "dealers",
    "supplier",
    "suppliers",
    "rival",
    "rivals",
    "family",
    "line",
    "lineup",
    "line-up",
    "range",
    "series",
    "brand",
    "brands",
    "trademark",
    "trademarks",
    "logo",
    "name",
    "share",
    "shares",
    "stock",
    "stocks",
    "website",
    "headquarters",
    "board",
    "management",
    "market",
    "markets",
];

/// [`MODIFIED_NOUNS`] as a set: every name and description of an article asks about the word
/// after it, and comparing that word with each of the ~70 nouns in turn cost more than the
/// rest of the marking.
static MODIFIED_NOUN_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(MODIFIED_NOUNS));

/// Marks name mentions that modify the noun after them, and drops descriptions that do ("the
/// device's antenna": the antenna is what the clause is about, and a description is no name to
/// list).
pub(crate) fn mark(b: &mut Builder) {
    let text = b.text;
    b.mentions.retain_mut(|m| {
        if !matches!(m.how, How::Name | How::Description) {
            return true;
        }
        let after = text.get(m.range.end..).unwrap_or("");
        if !modifies_next(after) {
            return true;
        }
        if m.how == How::Name {
            m.how = How::Modifier;
            return true;
        }
        false
    });
}

/// Whether a name followed by `after` modifies the noun that follows it.
fn modifies_next(after: &str) -> bool {
    // "Jobs' health", "Apple's response", "the device's antenna": the possessor's thing is
    // what the clause is about ("Apple's been" is a verb, not a possessive)
    for mark in ["'s ", "’s ", "' ", "’ "] {
        if let Some(rest) = after.strip_prefix(mark) {
            let next = words(rest).next().unwrap_or("");
            return !next.is_empty()
                && !matches!(next, "been" | "not" | "got" | "going" | "a" | "an" | "the");
        }
    }
    // the next word must follow a space directly ("Apple's", "Apple," are no modifiers)
    if !after.starts_with(' ') {
        return false;
    }
    let mut after_words = words(after);
    let Some(word) = after_words.next() else {
        return false;
    };
    let word = word.trim_end_matches([',', '.', ';', ':', '"', '\'', ')', '!', '?']);
    if !MODIFIED_NOUN_SET.contains(word) {
        return false;
    }
    // "Apple shares its software", "Boeing rivals the planemaker": a verb before its object
    let next = after_words.next().map(|w| w.to_ascii_lowercase());
    !matches!(
        next.as_deref(),
        Some("the" | "a" | "an" | "its" | "his" | "her" | "their" | "our" | "this" | "that")
    )
}

#[cfg(test)]
mod tests {
    use super::modifies_next;

    #[test]
    fn a_name_before_the_people_or_the_range_around_it_modifies_them() {
        assert!(modifies_next(" users."));
        assert!(modifies_next(" buyers would get a case"));
        assert!(modifies_next(" owners have called"));
        assert!(modifies_next(" family of players"));
        assert!(modifies_next(" shares fell"));
        assert!(modifies_next("'s response was"));
        assert!(modifies_next("' health appeared"));
    }

    #[test]
    fn a_name_before_its_verb_or_what_it_is_names_it() {
        assert!(!modifies_next(" unveils a tablet"));
        assert!(!modifies_next(" today launched the phone"));
        assert!(!modifies_next(" portable music players"));
        assert!(!modifies_next(" device."));
        assert!(!modifies_next("'s been sold"));
        assert!(!modifies_next(", the carmaker, said"));
        assert!(!modifies_next(" shares its software"));
    }
}
