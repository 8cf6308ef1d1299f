//! Event labels as headlines: the clause without its date and titles, people by surname, then
//! shaped by [`headline::headline_in`] ("Lavrov and Kerry agree to meet in Vienna"). The full
//! sentence stays on the event as its quote, one hover away.

mod cut;
mod first_words;
mod flatten;
mod headline;
mod present;
mod tense;
#[cfg(test)]
mod tests;
mod word;
mod word_tense;
mod words;

pub use headline::MAX_CHARS;

use std::borrow::Cow;
use std::ops::Range;

use super::scan;
use crate::extract::actors::titles::{is_role_word, is_title_head, is_title_modifier};
use crate::extract::actors::{ArticleActors, How, Mention};
use crate::model::ActorKind;
use first_words::{Opening, date_preposition_len, is_fragment_opener, last_word, run_len};

/// At most this many words (hand-kept events' descriptions are cut to it too).
pub const MAX_WORDS: usize = 12;

/// What one article's labels are made in, kept from one label to the next: the clause as
/// rewritten for the shaper, its names and cuts, and the shaper's own buffers. Allocating and
/// freeing each of them for every label cost more than some of the shaper's steps; kept, they
/// grow to the longest clause once. Each label's [`rewrite`] clears what the last one left, so
/// only their room carries over.
/// The names and cuts borrow the article's text and actors (`'a`): a scratch lives for one
/// article, so its room is handed from label to label as it is, without being recycled.
#[derive(Default)]
pub struct Scratch<'a> {
    rewritten: Rewritten<'a>,
    shaper: headline::Buffers,
}

/// What [`rewrite`] notes of a clause's mentions before it cuts: where descriptors are and
/// where people's titled names start. Kept with the article's other buffers (empty between
/// clauses; their room grows to the most mentions one clause has).
#[derive(Default)]
struct Marks {
    descriptors: Vec<Range<usize>>,
    person_starts: Vec<usize>,
}

/// An empty vector with the room of `v`, for items of another lifetime: collecting a vector's
/// own iterator into items of the same size reuses its allocation, and an empty one yields no
/// item, so nothing is ever mapped.
pub(super) fn recycled<T, U>(mut v: Vec<T>) -> Vec<U> {
    v.clear();
    v.into_iter()
        .map(|_| unreachable!("an empty vector yields nothing"))
        .collect()
}

/// The label of the event read from `clause`, whose dating expression is `timex`, made in
/// `scratch` (one per article).
pub fn label<'a>(
    scratch: &mut Scratch<'a>,
    text: &'a str,
    clause: Range<usize>,
    timex: Option<Range<usize>>,
    actors: &'a ArticleActors,
    mentions: &[Mention],
) -> String {
    let label = label_in(
        &mut scratch.rewritten,
        &mut scratch.shaper,
        text,
        clause,
        timex,
        actors,
        mentions,
    );
    // (the rewrite empties its cuts as it makes them; its names are emptied here, so that no
    // label's names are kept past it)
    scratch.rewritten.names.clear();
    label
}

/// A clause as [`rewrite`] writes it for the shaper: its text, the actor names in it, and
/// (used while it is written) the cuts made to it and the marks they are made from.
#[derive(Default)]
struct Rewritten<'a> {
    clause: String,
    names: Vec<&'a str>,
    cuts: Vec<(Range<usize>, Cow<'a, str>)>,
    marks: Marks,
}

/// [`label`] with the rewritten clause kept in `rewritten` and the shaper's `buffers`.
fn label_in<'a>(
    rewritten: &mut Rewritten<'a>,
    buffers: &mut headline::Buffers,
    text: &'a str,
    clause: Range<usize>,
    timex: Option<Range<usize>>,
    actors: &'a ArticleActors,
    mentions: &[Mention],
) -> String {
    rewrite(
        rewritten,
        text,
        clause.clone(),
        timex.clone(),
        actors,
        mentions,
    );
    let label = headline::headline_in(buffers, &rewritten.clause, &rewritten.names, false);
    // "Than planned", "Since they begin", a bare "Henderson": a fragment of a clause; its
    // sentence says more
    let opening = Opening::of(&label);
    let bare_subject = opening.is_bare();
    if bare_subject || is_fragment_opener(opening.first()) {
        let sentence = sentence_start(text, clause.start)..sentence_end(text, clause.end);
        if sentence != clause {
            rewrite(rewritten, text, sentence, timex, actors, mentions);
            // "Henderson, who ..., said the plan ...": the bare subject's act is the saying
            return headline::headline_in(
                buffers,
                &rewritten.clause,
                &rewritten.names,
                bare_subject,
            );
        }
    }
    // "Henderson said on Tuesday" when the clause stopped before what was said: the saying is
    // the event, told with what was said ("Henderson says GM would return to profit").
    if opening.is_bare_frame() {
        let end = sentence_end(text, clause.end);
        if end > clause.end {
            rewrite(rewritten, text, clause.start..end, timex, actors, mentions);
            return headline::headline_in(buffers, &rewritten.clause, &rewritten.names, true);
        }
    }
    label
}

/// Where the sentence holding byte `from` starts: after the last full stop, question or
/// exclamation mark followed by white space, or the start of its line.
fn sentence_start(text: &str, from: usize) -> usize {
    let head = &text[..from];
    let mut next_space = false;
    for (i, c) in head.char_indices().rev().take(SENTENCE_REACH) {
        if c == '\n' || next_space && matches!(c, '.' | '!' | '?') {
            return i + c.len_utf8();
        }
        next_space = c.is_whitespace();
    }
    if head.len() <= SENTENCE_REACH {
        0
    } else {
        from
    }
}

/// How far (in characters) the label looks for its sentence's ends: no further than the
/// sentence splitter lets a sentence run, so a text without full stops costs no more.
const SENTENCE_REACH: usize = 2_000;

/// Where the sentence holding byte `from` ends: its full stop, question or exclamation mark
/// before white space, or the end of its line.
fn sentence_end(text: &str, from: usize) -> usize {
    let rest = &text[from..];
    let mut prev_stop = false;
    for (i, c) in rest.char_indices().take(SENTENCE_REACH) {
        if c == '\n' || prev_stop && c.is_whitespace() {
            return from + i;
        }
        prev_stop = matches!(c, '.' | '!' | '?');
    }
    if rest.len() <= SENTENCE_REACH {
        text.len()
    } else {
        from
    }
}

/// The clause as text for the shaper: people by surname without their titles, the date cut,
/// a relative pronoun or a subject pronoun replaced by who it stands for; with the actor
/// names in it (people's surnames, other actors' whole names). The names and replacements are
/// slices of the text and the actors' names (only a possessive is made): copying each of them cost more than reading them. Written
/// into `rewritten`, whatever it held before.
fn rewrite<'a>(
    rewritten: &mut Rewritten<'a>,
    text: &'a str,
    clause: Range<usize>,
    timex: Option<Range<usize>>,
    actors: &'a ArticleActors,
    mentions: &[Mention],
) {
    // Replace people's full mentions (with the titles before them) by their surnames and drop
    // the date itself.
    let Rewritten {
        clause: out,
        names,
        cuts,
        marks: Marks {
            descriptors,
            person_starts,
        },
    } = rewritten;
    cuts.clear();
    names.clear();
    descriptors.clear();
    person_starts.clear();
    if let Some(t) = timex.filter(|t| t.start >= clause.start && t.end <= clause.end) {
        // The clause's text before the date, compared without ASCII case at its end only
        // (lower-casing a copy of all of it cost more than the rest of the rewrite). A match
        // is ASCII, so the byte before it is a character boundary.
        let prep = date_preposition_len(&text[clause.start..t.start]);
        cuts.push((t.start - prep..t.end, Cow::Borrowed("")));
    }
    let opening = subject_start(text, &clause);
    for m in mentions {
        if m.range.start < clause.start || m.range.end > clause.end {
            continue;
        }
        let ent = &actors.entities[m.entity];
        match (m.how, ent.kind) {
            (How::Descriptor, _) => descriptors.push(m.range.clone()),
            // "He also voiced concern ...": the subject pronoun is the actor it stands for
            // (a full name only: a one-word "person" is too often a misread name; only people:
            // "it" is too often no actor at all, "It is the first time")
            (How::Pronoun, ActorKind::Person)
                if m.range.start == opening && scan::words(&ent.name).nth(1).is_some() =>
            {
                // compared without ASCII case: no other letter lower-cases to one of these
                let pronoun = &text[m.range.clone()];
                let is = |p: &str| pronoun.eq_ignore_ascii_case(p);
                let short = surname(&ent.name);
                let replacement = if is("he") || is("she") {
                    Cow::Borrowed(short)
                } else if is("his") || is("her") {
                    Cow::Owned(format!("{short}'s"))
                } else {
                    continue;
                };
                names.push(short);
                cuts.push((m.range.clone(), replacement));
            }
            (How::Name | How::Modifier, ActorKind::Person) => {
                // as the article writes it: the name the reader sees in the quote
                let written = strip_all_suffixes(&text[m.range.clone()], "'s");
                let surname = if scan::words(written).nth(1).is_some() {
                    surname(written)
                } else {
                    surname(&ent.name)
                };
                let start = title_start(text, clause.start, m.range.start);
                names.push(surname);
                person_starts.push(start);
                cuts.push((start..m.range.end, Cow::Borrowed(surname)));
            }
            // (the whole name: the shaper splits it into words only when it asks)
            (How::Name | How::Modifier, _) => names.push(&ent.name),
            _ => {}
        }
    }
    // "Syrian" goes with the title of the person it precedes ("Syrian President Bashar
    // al-Assad" → "Assad"); elsewhere it says something ("Russian air strikes").
    for d in descriptors.drain(..) {
        let next = d.end + (text[d.end..].len() - text[d.end..].trim_start().len());
        if person_starts.contains(&next) {
            cuts.push((d, Cow::Borrowed("")));
        }
    }
    // "..., which began a month ago": the relative pronoun is the noun it follows
    if let Some((pronoun, antecedent)) =
        relative_antecedent(text, &clause, opening, actors, mentions)
    {
        cuts.push((pronoun, Cow::Borrowed(antecedent)));
    }
    // (the cuts are usually made in order already: a stable sort leaves sorted cuts as they
    // are, so they are sorted only when they are not)
    let key = |(r, _): &(Range<usize>, Cow<'a, str>)| (r.start, std::cmp::Reverse(r.end));
    if !cuts.is_sorted_by_key(key) {
        cuts.sort_by_key(key);
    }
    // room for the clause up front (a surname is shorter than the name and title it replaces)
    out.clear();
    out.reserve(clause.len() + 8);
    let mut pos = clause.start;
    for (r, replacement) in cuts.drain(..) {
        if r.start < pos {
            continue;
        }
        out.push_str(&text[pos..r.start]);
        out.push_str(&replacement);
        pos = r.end;
    }
    out.push_str(&text[pos..clause.end]);
}

/// A person's surname as a headline names them: "Bashar al-Assad" → "Assad".
fn surname(name: &str) -> &str {
    // (the last word read back from the end: a name's other words are never read)
    let mut last = last_word(name).map_or(name, |(_, w)| w);
    // (what `trim_start_matches("al-")` leaves, without setting up a substring search)
    while let Some(rest) = last.strip_prefix("al-") {
        last = rest;
    }
    last
}

/// `text` without every `suffix` at its end, as `trim_end_matches(suffix)` leaves it (without
/// setting up a substring search: every person's mention in a label is trimmed).
fn strip_all_suffixes<'a>(mut text: &'a str, suffix: &str) -> &'a str {
    while let Some(rest) = text.strip_suffix(suffix) {
        text = rest;
    }
    text
}

/// Where the clause's subject starts: past white space, quotes and a leading "But"/"And".
fn subject_start(text: &str, clause: &Range<usize>) -> usize {
    let mut at = clause.start;
    loop {
        at += run_len(
            &text[at..clause.end],
            |b| !b.is_ascii_alphanumeric(),
            |c| !c.is_alphanumeric(),
        );
        let word_len = run_len(
            &text[at..clause.end],
            |b| b.is_ascii_alphanumeric(),
            char::is_alphanumeric,
        );
        let word = &text[at..at + word_len];
        const OPENERS: [&str; 5] = ["but", "and", "so", "then", "yet"];
        // an ASCII word compared without case, as its lower-cased copy would be
        let is_opener = if word.is_ascii() {
            OPENERS.iter().any(|o| word.eq_ignore_ascii_case(o))
        } else {
            OPENERS.contains(&word.to_lowercase().as_str())
        };
        if word_len == 0 || !is_opener {
            return at;
        }
        at += word_len;
    }
}

/// When `clause` opens with "which" or "who", the pronoun's range and the noun phrase it
/// stands for, read backwards from the comma before it: an actor's mention ("Henderson,
/// who"), else the words back to a determiner or possessive ("its air strikes, which").
/// `start` is where the clause's subject starts ([`subject_start`], which the caller has).
fn relative_antecedent<'a>(
    text: &'a str,
    clause: &Range<usize>,
    start: usize,
    actors: &'a ArticleActors,
    mentions: &[Mention],
) -> Option<(Range<usize>, &'a str)> {
    let word_end = start
        + run_len(
            &text[start..clause.end],
            |b| b.is_ascii_alphabetic(),
            char::is_alphabetic,
        );
    // Only these open a relative clause; most clauses open otherwise and need none of the
    // look-ups below. Only ASCII letters lower-case to them, so the word is compared without
    // ASCII case instead of lower-casing a copy of every clause's first word.
    let pronoun = ["which", "who", "that"]
        .into_iter()
        .find(|p| text[start..word_end].eq_ignore_ascii_case(p))?;
    // "the update that was released": "that" right after a noun, before an auxiliary
    let next_word = text[word_end..clause.end]
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    let noun_before = text[..clause.start]
        .split_whitespace()
        .next_back()
        .is_some_and(|w| {
            let b = w.to_lowercase();
            w.ends_with(|c: char| c.is_alphanumeric())
                && !words::list::REPORTING.has(&b)
                && !tense::is_past(&b)
                && !headline::is_pronoun_or_aux(&b)
        });
    let relative_that =
        pronoun == "that" && noun_before && words::list::MODAL_OR_AUX.has(&next_word);
    if !(matches!(pronoun, "which" | "who") || relative_that) {
        return None;
    }
    let before = text[..clause.start].trim_end();
    let before = before.strip_suffix(',').unwrap_or(before).trim_end();
    // "strikes in Syria, which": the place is not what the clause describes
    let after_preposition = |at: usize| {
        text[..at]
            .split_whitespace()
            .next_back()
            .is_some_and(|w| words::list::PREPOSITIONS.has(w) || w == "of")
    };
    if let Some(m) = mentions.iter().find(|m| {
        m.range.end == before.len()
            && m.how == How::Name
            && (pronoun == "who" || !after_preposition(m.range.start))
    }) {
        let ent = &actors.entities[m.entity];
        let name = if ent.kind == ActorKind::Person {
            surname(&ent.name)
        } else {
            &text[m.range.clone()]
        };
        return Some((start..word_end, name));
    }
    if pronoun == "who" {
        return None;
    }
    // Back over the noun phrase: "Russia's air strikes in Syria", "the Iranian delegation".
    // The last few words only, nearest first: the article before them is never read.
    let spans: Vec<(usize, &str)> = before
        .split_whitespace()
        .rev()
        .take(9)
        .map(|w| (w.as_ptr() as usize - before.as_ptr() as usize, w))
        .collect();
    let mut from = before.len();
    let mut taken = 0;
    for (k, &(at, w)) in spans.iter().enumerate() {
        let bare = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        let capital = w.starts_with(|c: char| c.is_uppercase());
        if taken > 0 && w.ends_with([',', ';', ':', '.']) || taken >= 7 || bare.is_empty() {
            break;
        }
        let all_names = before[from..]
            .split_whitespace()
            .all(|n| n.starts_with(|c: char| c.is_uppercase()));
        // "to replace X", "he bought X": a verb before the noun phrase ends it
        let before_verb = spans
            .get(k + 1)
            .map(|(_, p)| {
                p.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .is_some_and(|p| p == "to" || headline::is_pronoun_or_aux(&p));
        if matches!(bare.as_str(), "in" | "of") && taken > 0 && all_names {
            // "strikes in Syria": a place or name after "in"/"of" belongs to the noun
        } else if words::list::PREPOSITIONS.has(&bare)
            || !capital
                && (words::list::REPORTING.has(&bare)
                    || headline::is_pronoun_or_aux(&bare)
                    || tense::is_past(&bare)
                    || before_verb
                    || matches!(bare.as_str(), "that" | "than" | "as" | "after" | "before"))
            || bare.chars().all(|c| c.is_ascii_digit())
        {
            break;
        }
        from = at;
        taken += 1;
        if w.ends_with("'s")
            || w.ends_with("’s")
            || matches!(
                bare.as_str(),
                "the" | "a" | "an" | "its" | "his" | "her" | "their" | "this" | "these"
            )
        {
            break;
        }
    }
    let phrase = before[from..].trim();
    (taken > 0 && !phrase.is_empty()).then_some((start..word_end, phrase))
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
