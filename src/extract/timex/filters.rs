//! Things that look like dates and are not: street numbers, money, ages, scores, counts,
//! "Theresa May", "protesters march", "the Arab spring".

use super::recognise::{Candidate, Rule};

/// Whether a candidate should be dropped given the words around it.
pub fn reject(text: &str, c: &Candidate<'_>) -> bool {
    let before = &text[..c.start];
    let after = &text[c.end..];
    let matched = &text[c.start..c.end];
    // Money, hashtags, percentages, ages, decimals and thousands around a number.
    if before.ends_with(['$', '#', '£', '€']) && starts_with_digit(matched) {
        return true;
    }
    let bare_number = matches!(c.rule, Rule::Year | Rule::Duration);
    let prefixed = ["mid-", "pre-", "post-", "Mid-", "Pre-", "Post-"]
        .iter()
        .any(|p| before.ends_with(p));
    if bare_number && !prefixed && before.ends_with(['-', '/']) && starts_with_digit(matched) {
        return true;
    }
    if ends_with_digit(matched)
        && (after.starts_with('%')
            || after.starts_with(" percent")
            || after.starts_with(" per cent")
            || bare_number && after.starts_with(['-', '/'])
            || digit_follows_separator(after))
    {
        return true;
    }
    if starts_with_digit(matched) && digit_precedes_separator(before) {
        return true;
    }
    if is_age(after) {
        return true;
    }
    // Month and weekday names are proper nouns: lowercase "march", "may" are other words.
    for name in ["m", "wd"] {
        if let Some(m) = c.caps.name(name)
            && m.as_str().starts_with(|ch: char| ch.is_ascii_lowercase())
            && !m.as_str().starts_with(|ch: char| ch.is_ascii_digit())
        {
            return true;
        }
    }
    // "the year-earlier quarter", "a years-old slump", "quarter-to-quarter": the word is part
    // of a compound that is read on its own, from its next word.
    if matched.ends_with(|ch: char| ch.is_ascii_alphabetic())
        && after.starts_with('-')
        && after[1..].starts_with(|ch: char| ch.is_ascii_alphabetic())
    {
        return true;
    }
    let prev = previous_word(before);
    let prev_lower = prev.to_ascii_lowercase();
    let next = next_word(after);
    match c.rule {
        Rule::Year => !year_in_date_context(&prev_lower, after, next),
        Rule::Month => {
            if DATE_PREPOSITIONS.contains(&prev_lower.as_str()) {
                return false;
            }
            let risky = ["may", "march", "june", "august", "april"]
                .contains(&matched.to_ascii_lowercase().as_str());
            // "Theresa May", "April Ryan": a capitalised word before is a first name.
            risky || prev.starts_with(|ch: char| ch.is_uppercase()) && !at_sentence_start(before)
        }
        Rule::Season => {
            let has_year = c.caps.name("y").is_some();
            let with_the = matched
                .get(..4)
                .is_some_and(|w| w.eq_ignore_ascii_case("the "));
            if has_year {
                return false;
            }
            if prev.starts_with(|ch: char| ch.is_uppercase()) && !with_the {
                // "Arab spring", "Prague Spring".
                return !at_sentence_start(before)
                    || !SEASON_CONTEXT.contains(&prev_lower.as_str());
            }
            if with_the && after.trim_start().starts_with("of ") {
                return true;
            }
            !(with_the || SEASON_CONTEXT.contains(&prev_lower.as_str()))
        }
        Rule::BareUnits => {
            c.caps.name("dir").is_none()
                && !matched.ends_with("-long")
                && !BARE_UNIT_CONTEXT.contains(&prev_lower.as_str())
                || next.eq_ignore_ascii_case("old")
        }
        Rule::Duration => {
            let n = c.caps.name("n").map(|m| m.as_str().to_ascii_lowercase());
            let unit = c.caps.name("u").map(|m| m.as_str().to_ascii_lowercase());
            // "a second time", "some days": not lengths of time.
            matches!(
                (n.as_deref(), unit.as_deref()),
                (Some("a" | "an"), Some("second"))
            ) || next.eq_ignore_ascii_case("old")
                || n.as_deref() == Some("some")
                || prev_lower == "once" && n.as_deref() == Some("a")
                || matches!(n.as_deref(), Some("a" | "an")) && is_rate(&prev_lower)
                // "the 1988 quarter" names a year, it does not count quarters.
                || n.as_deref().is_some_and(|n| n.len() == 4 && (n.starts_with("19") || n.starts_with("20")))
                    && matches!(unit.as_deref(), Some("quarter" | "quarters" | "months" | "month"))
                // "a year-earlier loss": the compound is read on its own.
                || after.starts_with('-') && after[1..].starts_with(|ch: char| ch.is_alphabetic())
                || matches!(prev_lower.as_str(), "per" | "each" | "every")
        }
        Rule::Deictic => {
            if matched.len() > 2 && !matched.bytes().any(|b| b.is_ascii_lowercase()) {
                // "JOIN NOW" in a banner.
                return true;
            }
            // "Now, he says, ...": a sentence opened by "Now," is a discourse marker, not the
            // present moment.
            if matched == "Now" && after.starts_with(',') && at_sentence_start(before) {
                return true;
            }
            let w = matched.to_ascii_lowercase();
            if w == "soon" {
                // "will soon seek", "it soon will", "to soon grow": the future. Narrative
                // "was soon released", "soon after", "as soon as" are not.
                const MODALS: &[&str] = &[
                    "will", "ll", "may", "might", "could", "would", "should", "can", "must",
                    "shall", "to",
                ];
                let next = next.to_ascii_lowercase();
                return !(MODALS.contains(&prev_lower.as_str())
                    || matches!(next.as_str(), "will" | "to" | "would"));
            }
            // "current" as in electric current, "former" only before a role.
            (w == "current" || w == "former") && !next.starts_with(|ch: char| ch.is_alphabetic())
        }
        Rule::OrdinalDay => {
            // "on the 12th." but not "the 25th anniversary" or "the 5th Fleet".
            let ends = after
                .trim_start_matches([' ', '\t'])
                .starts_with(['.', ',', ';', ')', '\n'])
                || after.is_empty();
            !(ends
                && matches!(
                    prev_lower.as_str(),
                    "on" | "by"
                        | "until"
                        | "till"
                        | "since"
                        | "before"
                        | "after"
                        | "from"
                        | "to"
                        | "through"
                ))
        }
        // "ABC's \"This Week\"": a programme, not a week.
        Rule::RelativeUnit if before.ends_with(['"', '“']) => matched
            .split_whitespace()
            .all(|w| w.starts_with(|ch: char| ch.is_uppercase())),
        Rule::RelativeUnit => {
            matched.split_whitespace().count() == 2
                && matched
                    .split_whitespace()
                    .all(|w| w.starts_with(|ch: char| ch.is_uppercase()))
                && !at_sentence_start(&text[..c.start + matched.find(' ').unwrap_or(0)])
        }
        Rule::ClockTime => prev_lower == "high",
        Rule::Weekday => next.eq_ignore_ascii_case("Times") || prev == "Black" || prev == "Good",
        _ => false,
    }
}

/// Prepositions and modifiers that put a bare month or year in a date context.
const DATE_PREPOSITIONS: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "of",
    "from",
    "to",
    "through",
    "during",
    "last",
    "next",
    "this",
    "early",
    "late",
    "mid",
    "before",
    "after",
    "that",
    "each",
    "every",
    "for",
    "between",
    "and",
    "or",
    "around",
    "about",
    "as",
    "fiscal",
    "year",
    "mid-",
    "spring",
    "summer",
    "fall",
    "autumn",
    "winter",
    "circa",
    "on",
    "throughout",
    "against",
    "than",
];

const SEASON_CONTEXT: &[&str] = &[
    "this",
    "last",
    "next",
    "past",
    "coming",
    "in",
    "during",
    "early",
    "late",
    "mid",
    "of",
    "by",
    "until",
    "since",
    "each",
    "every",
    "that",
    "through",
    "throughout",
    "before",
    "after",
    "until",
];

const BARE_UNIT_CONTEXT: &[&str] = &[
    "for", "in", "over", "within", "recent", "coming", "past", "few", "several", "many", "after",
    "before", "lasted", "last", "took", "spent", "than",
];

/// A bare year counts only where a date is expected: after a preposition, or followed by
/// punctuation; "2015 people" and "1201 Connecticut Ave" are not years.
fn year_in_date_context(prev: &str, after: &str, next: &str) -> bool {
    if is_street(after) {
        return false;
    }
    // "a 1996 law", "its 1990 invasion", "the company's 1989 results".
    let determiner = matches!(
        prev,
        "the" | "a" | "an" | "its" | "his" | "her" | "their" | "our" | "both" | "is" | "was"
    ) || prev.ends_with("'s")
        || prev.ends_with("’s");
    if DATE_PREPOSITIONS.contains(&prev) || determiner {
        return true;
    }
    let first = after.chars().next();
    match first {
        None => true,
        // "1,201" was caught before; "2011." ends a sentence.
        Some(',' | '.' | ';' | ':' | ')' | '"' | '\'' | '’' | '”' | '?' | '!') => true,
        Some('\n') => true,
        _ => matches!(
            next.to_ascii_lowercase().as_str(),
            "and"
                | "to"
                | "through"
                | "or"
                | "when"
                | "as"
                | "after"
                | "before"
                | "until"
                | "season"
                | "budget"
                | "election"
                | "elections"
                | "levels"
                | "level"
        ),
    }
}

fn is_street(after: &str) -> bool {
    let mut words = after.split_whitespace();
    let Some(name) = words.next() else {
        return false;
    };
    if !name.starts_with(|ch: char| ch.is_uppercase()) {
        return false;
    }
    let kind = words.next().unwrap_or("");
    let kind = kind.trim_end_matches(['.', ',']);
    [
        "St",
        "Street",
        "Ave",
        "Avenue",
        "Road",
        "Rd",
        "Blvd",
        "Boulevard",
        "Lane",
        "Drive",
        "Way",
        "Place",
        "Square",
        "Highway",
        "Suite",
    ]
    .contains(&kind)
}

fn is_age(after: &str) -> bool {
    let rest = after.trim_start_matches('-').as_bytes();
    // Every candidate passes here: the words are compared in place, ignoring ASCII case,
    // rather than through a lower-cased copy of the next dozen characters (two allocations).
    // The words are ASCII, so only ASCII bytes can match them.
    ["old", "year-old", " old", "years-old", " years old"]
        .iter()
        .any(|w| {
            rest.get(..w.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(w.as_bytes()))
        })
}

fn starts_with_digit(s: &str) -> bool {
    s.starts_with(|ch: char| ch.is_ascii_digit())
}

fn ends_with_digit(s: &str) -> bool {
    s.ends_with(|ch: char| ch.is_ascii_digit())
}

fn digit_follows_separator(after: &str) -> bool {
    let b = after.as_bytes();
    b.len() >= 2 && matches!(b[0], b',' | b'.' | b':') && b[1].is_ascii_digit()
}

fn digit_precedes_separator(before: &str) -> bool {
    let b = before.as_bytes();
    let n = b.len();
    n >= 2 && matches!(b[n - 1], b',' | b'.' | b':') && b[n - 2].is_ascii_digit()
}

fn previous_word(before: &str) -> &str {
    let trimmed = before.trim_end();
    let start = trimmed
        .char_indices()
        .rev()
        .find(|&(_, ch)| !(ch.is_alphanumeric() || ch == '-' || ch == '\''))
        .map_or(0, |(i, ch)| i + ch.len_utf8());
    &trimmed[start..]
}

fn next_word(after: &str) -> &str {
    let trimmed = after.trim_start();
    let end = trimmed
        .char_indices()
        .find(|&(_, ch)| !ch.is_alphanumeric())
        .map_or(trimmed.len(), |(i, _)| i);
    &trimmed[..end]
}

/// Whether only white space and a sentence end (or nothing) precede.
fn at_sentence_start(before: &str) -> bool {
    let t = before.trim_end();
    let t = t.trim_end_matches(|ch: char| ch.is_alphanumeric());
    let t = t.trim_end();
    t.is_empty() || t.ends_with(['.', '!', '?', '\n', '"', '“'])
}

/// "$5 a year", "20 percent a month", "twice a day": a rate, not a stretch of time.
fn is_rate(prev: &str) -> bool {
    // "four flights a week", "24 hours a day": a plural count before "a <unit>".
    const NOT_PLURAL: &[&str] = &[
        "this", "thus", "plus", "less", "does", "across", "unless", "whereas", "towards",
        "besides", "perhaps", "always", "was", "has", "his", "its", "is", "as", "us", "yes",
        "earnings", "news", "series",
    ];
    let plural = prev.len() > 3
        && prev.ends_with('s')
        && !prev.ends_with("ss")
        && !NOT_PLURAL.contains(&prev);
    plural
        || prev.ends_with(|ch: char| ch.is_ascii_digit())
        || matches!(
            prev,
            "million"
                | "billion"
                | "trillion"
                | "percent"
                | "cents"
                | "dollars"
                | "twice"
                | "times"
                | "thousand"
                | "hundred"
                | "barrels"
                | "tons"
                | "shares"
                | "%"
        )
}
