//! Events of one article: one per dated clause, plus one for each sentence that names an actor
//! and continues the scene (its date inferred), each with its actors, label, source sentence
//! and confidence.

pub mod clauses;
pub mod confidence;
pub mod dating;
pub mod ids;
pub mod label;

use std::ops::Range;

use crate::extract::actors::{ArticleActors, How};
use crate::extract::timex::Timex;
use crate::model::{Article, Event, SourceRef, When};

use confidence::ActorEvidence;

/// Verbs that introduce what somebody said: whoever comes before them is the sayer.
const REPORTING: &[&str] = &[
    "said",
    "says",
    "told",
    "reported",
    "reports",
    "announced",
    "announces",
    "quoted",
    "quotes",
    "stated",
    "states",
    "added",
    "according",
    "claimed",
    "claims",
    "confirmed",
    "denied",
    "insisted",
    "warned",
    "accused",
];

/// The events of one article; actor ids are the article's own (see `actors::registry`).
pub fn build(
    article: &Article,
    sentences: &[Range<usize>],
    actors: &ArticleActors,
    timexes: &[Timex],
) -> Vec<Event> {
    let text = article.text.as_str();
    let mut events: Vec<Event> = Vec::new();
    let mut narrative: Option<When> = None;
    let mut mention_at = 0;
    for (si, s) in sentences.iter().enumerate() {
        while mention_at < actors.mentions.len() && actors.mentions[mention_at].sentence < si {
            mention_at += 1;
        }
        let end = actors.mentions[mention_at..]
            .iter()
            .position(|m| m.sentence != si)
            .map_or(actors.mentions.len(), |p| mention_at + p);
        let mentions = &actors.mentions[mention_at..end];
        let sentence = &text[s.clone()];
        let anchors = clauses::anchors(text, s, timexes, article.published);
        let sayer_end = sayer_end(text, s);
        if anchors.is_empty() {
            if !mentions.iter().any(|m| m.how != How::Descriptor)
                || sentence.split_whitespace().count() < 4
            {
                continue;
            }
            let same_day = clauses::is_same_day(sentence);
            let ids = clause_actors(actors, mentions, s.clone(), sayer_end);
            let when = if same_day {
                same_day_date(&events, &ids.0, sentence, article.published)
                    .or_else(|| narrative.clone())
            } else {
                None
            };
            let when = match when {
                Some(mut w) => {
                    w.inferred = true;
                    Some(w)
                }
                None => dating::inherited(
                    dating::tense(sentence),
                    narrative.as_ref(),
                    article.published,
                ),
            };
            let Some(when) = when else {
                continue;
            };
            let label = label::label(text, s.clone(), None, actors, mentions);
            events.push(event(article, s.clone(), None, when, ids, label));
            continue;
        }
        // a date line or a bare list of dates reports no happening
        let dated_chars: usize = anchors.iter().map(|a| a.range.len()).sum();
        if sentence.split_whitespace().count() < 4 || dated_chars * 2 > sentence.trim().len() {
            continue;
        }
        for clause in clauses::clauses(text, s, &anchors) {
            let mut ids = clause_actors(actors, mentions, clause.range.clone(), sayer_end);
            if ids.0.is_empty() {
                // "... since the unrest spread to his country in 2011": the sentence's actors
                ids = clause_actors(actors, mentions, s.clone(), sayer_end);
                ids.1 = if ids.0.is_empty() {
                    ActorEvidence::None
                } else {
                    ActorEvidence::Indirect
                };
            }
            if dating::carries_scene(&clause.anchor.when, article.published) {
                narrative = Some(clause.anchor.when.clone());
            }
            let anchor = clause.anchor.range.clone();
            let mut label = label::label(
                text,
                clause.range.clone(),
                Some(anchor.clone()),
                actors,
                mentions,
            );
            if label.split_whitespace().count() < 2 {
                label = label::label(text, s.clone(), Some(anchor.clone()), actors, mentions);
            }
            let e = event(
                article,
                s.clone(),
                Some(anchor),
                clause.anchor.when.clone(),
                ids,
                label,
            );
            events.push(e);
        }
        // "Apple Corps claims that ... in 1991", "Jobs announced that it ships in 2007": the
        // claim is a happening of its own, on the story's day, with the sayer as its actor.
        if let (Some(verb_at), Some(dct)) = (sayer_end, article.published)
            && anchors.iter().all(|a| !near(&a.when, dct))
        {
            let (sayers, evidence) = clause_actors(actors, mentions, s.start..verb_at, None);
            let verb = text[verb_at..s.end].split_whitespace().next().unwrap_or("");
            let when = if verb.ends_with('s') {
                Some(When::day(dct))
            } else {
                narrative.clone().or_else(|| Some(When::day(dct)))
            };
            if let Some(mut when) = when
                && !sayers.is_empty()
            {
                when.inferred = true;
                let label = label::label(text, s.clone(), None, actors, mentions);
                events.push(event(
                    article,
                    s.clone(),
                    None,
                    when,
                    (sayers, evidence),
                    label,
                ));
            }
        }
    }
    events
}

/// Whether a date lies within a month of publication.
fn near(when: &When, dct: chrono::NaiveDate) -> bool {
    let month = chrono::Duration::days(30);
    when.end >= dct - month && when.start <= dct + month
}

/// The end of the sayer's part ("Kremlin spokesman Dmitry Peskov said"), if the sentence
/// reports speech.
fn sayer_end(text: &str, s: &Range<usize>) -> Option<usize> {
    let sentence = &text[s.clone()];
    let mut pos = 0;
    for w in sentence.split_inclusive(char::is_whitespace) {
        let word = w.trim().trim_end_matches([',', '.']);
        if REPORTING.contains(&word) {
            return Some(s.start + pos);
        }
        pos += w.len();
        if pos > sentence.len() / 2 {
            break;
        }
    }
    None
}

/// Actor ids of the mentions inside `range`, main participants first and the sayer after.
fn clause_actors(
    actors: &ArticleActors,
    mentions: &[crate::extract::actors::Mention],
    range: Range<usize>,
    sayer_end: Option<usize>,
) -> (Vec<String>, ActorEvidence) {
    let mut main: Vec<String> = Vec::new();
    let mut sayers: Vec<String> = Vec::new();
    let mut named = false;
    for m in mentions {
        if m.how == How::Descriptor || m.range.start < range.start || m.range.end > range.end {
            continue;
        }
        let id = actors.entities[m.entity].id.clone();
        let is_sayer = sayer_end.is_some_and(|e| m.range.end <= e);
        let list = if is_sayer { &mut sayers } else { &mut main };
        if !list.contains(&id) {
            list.push(id);
        }
        named |= m.how == How::Name;
    }
    // the sayer of a report is an actor too, after the participants
    if let Some(end) = sayer_end
        && end < range.start
    {
        for m in mentions {
            if m.how != How::Descriptor && m.range.end <= end {
                let id = actors.entities[m.entity].id.clone();
                if !sayers.contains(&id) {
                    sayers.push(id);
                }
            }
        }
    }
    for s in sayers {
        if !main.contains(&s) {
            main.push(s);
        }
    }
    let evidence = if main.is_empty() {
        ActorEvidence::None
    } else if named {
        ActorEvidence::Named
    } else {
        ActorEvidence::Indirect
    };
    (main, evidence)
}

/// The date of the earlier happening that "the same day" points back to: the dated event that
/// shares the most actors and words with this sentence.
fn same_day_date(
    events: &[Event],
    actors: &[String],
    sentence: &str,
    dct: Option<chrono::NaiveDate>,
) -> Option<When> {
    let words = content_words(sentence);
    events
        .iter()
        .enumerate()
        .filter(|(_, e)| !e.when.inferred && dating::carries_scene(&e.when, dct))
        .map(|(i, e)| {
            let shared_actors = e.actors.iter().filter(|a| actors.contains(a)).count();
            let quote = e.sources.first().map_or("", |s| s.quote.as_str());
            let shared_words = shared(&content_words(quote), &words);
            (shared_actors * 2 + shared_words, i, e)
        })
        .filter(|(score, _, _)| *score > 0)
        .max_by_key(|(score, i, _)| (*score, *i))
        .map(|(_, _, e)| e.when.clone())
}

/// Lower-case words of five letters or more, cut to five ("talks" ~ "talking"), as sorted
/// distinct 64-bit keys (no allocation per word).
pub fn content_words(s: &str) -> Vec<u64> {
    let mut out: Vec<u64> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 5)
        .map(|w| {
            w.chars()
                .take(5)
                .flat_map(char::to_lowercase)
                .fold(0u64, |h, c| h.wrapping_mul(0x0100_0000_01b3) ^ u64::from(c))
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// How many keys two sorted key lists share.
pub fn shared(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

fn event(
    article: &Article,
    sentence: Range<usize>,
    timex: Option<Range<usize>>,
    when: When,
    (actor_ids, evidence): (Vec<String>, ActorEvidence),
    label: String,
) -> Event {
    let text = article.text.as_str();
    Event {
        id: ids::event_id(
            &article.id,
            (sentence.start, sentence.end),
            timex.as_ref().map(|t| t.start),
        ),
        confidence: confidence::confidence(&when, evidence),
        when,
        actors: actor_ids,
        agents: Vec::new(),
        label,
        sources: vec![SourceRef {
            article: article.id.clone(),
            start: sentence.start,
            end: sentence.end,
            quote: text[sentence].to_string(),
            timex: timex.map(|t| (t.start, t.end)),
            grading: None,
        }],
    }
}
