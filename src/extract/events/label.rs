//! Short labels for tooltips: the clause without its date, titles and reporting frame, people
//! by surname, cut to at most 12 words ("Lavrov and Kerry have agreed to meet in Vienna").

use std::ops::Range;

use crate::extract::actors::titles::{is_role_word, is_title_head, is_title_modifier};
use crate::extract::actors::{ArticleActors, How, Mention};
use crate::model::ActorKind;

/// At most this many words.
pub const MAX_WORDS: usize = 12;

const REPORTING: &[&str] = &[
    "says",
    "said",
    "say",
    "reported",
    "reports",
    "announced",
    "announces",
    "stated",
    "states",
    "added",
    "told",
    "confirmed",
    "claimed",
    "claims",
];
const LEADING_PREPOSITIONS: &[&str] = &[
    "In",
    "On",
    "At",
    "During",
    "After",
    "Before",
    "Citing",
    "According",
    "With",
    "Under",
    "Following",
    "Since",
    "By",
    "While",
];
const TRAILING_FUNCTION: &[&str] = &[
    "the", "a", "an", "of", "to", "and", "with", "in", "on", "for", "by", "that", "at", "from",
    "as", "amid", "its", "his", "her", "their", "or", "but", "which", "who",
];
const LEADING_FILLER: &[&str] = &[
    "But",
    "And",
    "Meanwhile,",
    "However,",
    "Also,",
    "Meanwhile",
    "However",
];

/// The label of the event read from `clause`, whose dating expression is `timex`.
pub fn label(
    text: &str,
    clause: Range<usize>,
    timex: Option<Range<usize>>,
    actors: &ArticleActors,
    mentions: &[Mention],
) -> String {
    // Replace people's full mentions (with the titles before them) by their surnames and drop
    // the date itself.
    let mut cuts: Vec<(Range<usize>, String)> = Vec::new();
    if let Some(t) = timex.filter(|t| t.start >= clause.start && t.end <= clause.end) {
        let before = text[clause.start..t.start].to_ascii_lowercase();
        let prep = [
            "on ", "in ", "at ", "since ", "by ", "during ", "late ", "early ", "until ", "over ",
        ]
        .iter()
        .find(|p| {
            before.ends_with(*p)
                && before[..before.len() - p.len()]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
        .map_or(0, |p| p.len());
        cuts.push((t.start - prep..t.end, String::new()));
    }
    for m in mentions {
        if m.range.start < clause.start || m.range.end > clause.end {
            continue;
        }
        let ent = &actors.entities[m.entity];
        match (m.how, ent.kind) {
            (How::Descriptor, _) => cuts.push((m.range.clone(), String::new())),
            (How::Name, ActorKind::Person) => {
                let surname = ent
                    .name
                    .split_whitespace()
                    .next_back()
                    .unwrap_or(&ent.name)
                    .trim_start_matches("al-")
                    .to_string();
                let start = title_start(text, clause.start, m.range.start);
                cuts.push((start..m.range.end, surname));
            }
            _ => {}
        }
    }
    cuts.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    let mut out = String::new();
    let mut pos = clause.start;
    for (r, replacement) in cuts {
        if r.start < pos {
            continue;
        }
        out.push_str(&text[pos..r.start]);
        out.push_str(&replacement);
        pos = r.end;
    }
    out.push_str(&text[pos..clause.end]);
    tidy(&out)
}

/// Where the title written before a name starts ("U.S. Secretary of State John Kerry").
fn title_start(text: &str, floor: usize, name_start: usize) -> usize {
    let mut start = name_start;
    loop {
        let before = text[floor..start].trim_end();
        // Past the whole space: a no-break or em space is more than one byte.
        let word_start = before
            .char_indices()
            .rfind(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = &before[word_start..];
        let fits = is_title_head(word)
            || is_title_modifier(word)
            || is_role_word(word)
            || word == "U.S."
            || (word.starts_with(|c: char| c.is_uppercase())
                && (word.ends_with("ian") || word.ends_with("ese") || word.ends_with("ish")))
            || word == "Kremlin";
        if word.is_empty() || !fits {
            return start;
        }
        start = floor + word_start;
    }
}

/// Whitespace, quotes and brackets cleaned; reporting frame and leading fillers dropped;
/// cut to [`MAX_WORDS`].
fn tidy(s: &str) -> String {
    let cleaned: String = s
        .chars()
        .map(|c| match c {
            '"' | '“' | '”' | '‘' | '’' | '(' | ')' | '[' | ']' => ' ',
            c => c,
        })
        .collect();
    let mut words: Vec<&str> = cleaned
        .split_whitespace()
        .filter(|w| *w != "'" && *w != "," && *w != "--")
        .collect();
    while words.first().is_some_and(|w| LEADING_FILLER.contains(w)) {
        words.remove(0);
    }
    // "In video footage broadcast by Russian media, Assad told Putin ..."
    if words
        .first()
        .is_some_and(|w| LEADING_PREPOSITIONS.contains(w))
        && let Some(comma) = words.iter().take(MAX_WORDS).position(|w| w.ends_with(','))
        && comma + 3 < words.len()
    {
        words.drain(..=comma);
    }
    // "Russia says Lavrov and Kerry have agreed ..." → "Lavrov and Kerry have agreed ..."
    if let Some(verb) = words
        .iter()
        .take(6)
        .position(|w| REPORTING.contains(&w.trim_end_matches(',')))
        && verb + 4 < words.len()
    {
        let mut rest = verb + 1;
        if words.get(rest) == Some(&"that") {
            rest += 1;
        }
        words.drain(..rest);
    }
    words.truncate(MAX_WORDS);
    while words.last().is_some_and(|w| {
        TRAILING_FUNCTION.contains(
            &w.trim_end_matches([',', '.', ';', ':'])
                .to_ascii_lowercase()
                .as_str(),
        )
    }) {
        words.pop();
    }
    let mut out = words.join(" ");
    while out.ends_with([',', ';', ':', '.', '-', ' ']) {
        out.pop();
    }
    // "three weeks of Russian air strikes" without its date starts with a dangling "of"
    for dangling in ["of ", "on ", "in ", "at ", "that "] {
        if let Some(rest) = out.strip_prefix(dangling) {
            out = rest.to_string();
        }
    }
    // "iPhone 4 goes on sale" keeps its lower-case i
    let first_word = out.split_whitespace().next().unwrap_or("");
    if crate::extract::actors::tokens::is_product(first_word) {
        return out;
    }
    let mut chars = out.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => out,
    }
}
