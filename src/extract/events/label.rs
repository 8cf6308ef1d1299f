//! Event labels as headlines: the clause without its date and titles, people by surname, then
//! shaped by [`headline::headline`] ("Lavrov and Kerry agree to meet in Vienna"). The full
//! sentence stays on the event as its quote, one hover away.

mod headline;
mod tense;
#[cfg(test)]
mod tests;
mod word;
mod words;

pub use headline::MAX_CHARS;

use std::ops::Range;

use crate::extract::actors::titles::{is_role_word, is_title_head, is_title_modifier};
use crate::extract::actors::{ArticleActors, How, Mention};
use crate::model::ActorKind;

/// At most this many words (hand-kept events' descriptions are cut to it too).
pub const MAX_WORDS: usize = 12;

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
    let mut names: Vec<String> = Vec::new();
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
            (How::Name | How::Modifier, ActorKind::Person) => {
                let surname = ent
                    .name
                    .split_whitespace()
                    .next_back()
                    .unwrap_or(&ent.name)
                    .trim_start_matches("al-")
                    .to_string();
                let start = title_start(text, clause.start, m.range.start);
                names.push(surname.clone());
                cuts.push((start..m.range.end, surname));
            }
            (How::Name | How::Modifier, _) => {
                names.extend(ent.name.split_whitespace().map(str::to_string))
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
    headline::headline(&out, &names)
}

/// Where the title written before a name starts ("U.S. Secretary of State John Kerry",
/// "Foreign ministry spokeswoman Maria Zakharova").
fn title_start(text: &str, floor: usize, name_start: usize) -> usize {
    let mut start = name_start;
    let mut after_role = false;
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
            || word == "Kremlin"
            // the office a spokesman speaks for: "White House", "Foreign ministry"
            || after_role
                && (word.starts_with(|c: char| c.is_uppercase())
                    && word.ends_with(|c: char| c.is_alphanumeric())
                    || matches!(
                        word,
                        "ministry" | "office" | "department" | "affairs" | "foreign" | "defence"
                            | "defense" | "interior" | "press"
                    ));
        // "in support of Assad": a title ends on its head ("Secretary of State"), never on a
        // bare modifier right before the name
        let bare_modifier = start == name_start
            && is_title_modifier(word)
            && !(is_title_head(word) || is_role_word(word));
        // "Secretary of State", not "in support of Chancellor Merkel"
        let stray_of = word == "of"
            && !before[..word_start]
                .split_whitespace()
                .next_back()
                .is_some_and(|w| is_title_head(w) || is_role_word(w));
        let bare_modifier = bare_modifier || stray_of;
        if word.is_empty() || !fits || bare_modifier {
            return start;
        }
        after_role |= is_role_word(word);
        start = floor + word_start;
    }
}
