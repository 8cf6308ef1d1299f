//! The same happening reported by several articles becomes one event with several sources:
//! dates that overlap, at least one shared actor, and similar words.

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use super::events::{content_words, shared};
use crate::model::Event;

/// How alike two reports' words must be (Dice overlap of content words).
const MIN_SIMILARITY: f32 = 0.2;

/// Reports compared per (day, actor): the most recent ones, so a day that every article
/// covers costs linear time, not quadratic.
const RECENT: usize = 48;

/// Merges events of different articles that report the same happening. The merged event keeps
/// the id of its earliest report (in input order), so ids stay stable.
///
/// The merge itself is a walk in input order (which report is kept depends on what came
/// before). A report's words are found only when it is compared with another, which needs
/// two reports from different articles with a shared actor on one day: an article alone (the
/// stream extracts and assembles one at a time) or one long document never needs them, and
/// finding them for every report was most of the merge. Actor ids and articles are compared
/// as numbers, so a hundred thousand reports do not clone and hash a string set each.
pub fn merge(events: Vec<Event>) -> Vec<Event> {
    if from_one_article(&events) {
        return events;
    }
    // per report (input order), its words once found
    let mut words: Vec<Option<Vec<u64>>> = vec![None; events.len()];
    let (actor_keys, article_keys) = {
        let mut actor_ids = Interner::default();
        let mut article_ids = Interner::default();
        let actor_keys: Vec<Vec<u32>> = events
            .iter()
            .map(|e| e.actors.iter().map(|a| actor_ids.id(a)).collect())
            .collect();
        let article_keys: Vec<Vec<u32>> = events
            .iter()
            .map(|e| {
                e.sources
                    .iter()
                    .map(|s| article_ids.id(&s.article))
                    .collect()
            })
            .collect();
        (actor_keys, article_keys)
    };
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    // per merged event: the report whose words it is compared by, its actors as numbers, and
    // the articles already among its sources (sorted)
    let mut out_words: Vec<usize> = Vec::with_capacity(events.len());
    let mut out_actors: Vec<Vec<u32>> = Vec::with_capacity(events.len());
    let mut reported_by: Vec<Vec<u32>> = Vec::with_capacity(events.len());
    let mut by_day: FxHashMap<(NaiveDate, u32), Vec<usize>> = FxHashMap::default();
    for (n, e) in events.into_iter().enumerate() {
        let actors = &actor_keys[n];
        let articles = &article_keys[n];
        let mut target = None;
        if !e.when.inferred && e.when.days() <= 7 && !actors.is_empty() {
            let mut day = e.when.start;
            'search: while day <= e.when.end {
                let candidates = actors
                    .iter()
                    .filter_map(|&a| by_day.get(&(day, a)))
                    .flat_map(|bucket| bucket.iter().rev().take(RECENT));
                for &i in candidates {
                    let other_articles = articles
                        .iter()
                        .all(|t| reported_by[i].binary_search(t).is_err());
                    let shares_actor = out_actors[i].iter().any(|a| actors.contains(a));
                    if !other_articles || !shares_actor {
                        continue;
                    }
                    // A merged report's words are those of its first report, found here before
                    // anything is merged into it (a merge follows this comparison), so from the
                    // sources it had when it was added, as when every report's were found first.
                    let theirs = out_words[i];
                    if words[theirs].is_none() {
                        words[theirs] = Some(report_words(&out[i]));
                    }
                    if words[n].is_none() {
                        words[n] = Some(report_words(&e));
                    }
                    if let (Some(theirs), Some(ours)) = (&words[theirs], &words[n])
                        && similarity(theirs, ours) >= MIN_SIMILARITY
                    {
                        target = Some(i);
                        break 'search;
                    }
                }
                let Some(next) = day.succ_opt() else {
                    break;
                };
                day = next;
            }
        }
        match target {
            Some(i) => {
                let o = &mut out[i];
                for (a, &key) in e.actors.into_iter().zip(actors) {
                    if !out_actors[i].contains(&key) {
                        out_actors[i].push(key);
                        o.actors.push(a);
                    }
                }
                for a in e.agents {
                    if !o.agents.contains(&a) {
                        o.agents.push(a);
                    }
                }
                for &article in articles {
                    if let Err(at) = reported_by[i].binary_search(&article) {
                        reported_by[i].insert(at, article);
                    }
                }
                o.sources.extend(e.sources);
                o.confidence = o.confidence.max(e.confidence);
            }
            None => {
                if !e.when.inferred && e.when.days() <= 7 {
                    let mut day = e.when.start;
                    while day <= e.when.end {
                        for &a in actors {
                            by_day.entry((day, a)).or_default().push(out.len());
                        }
                        let Some(next) = day.succ_opt() else {
                            break;
                        };
                        day = next;
                    }
                }
                let mut sorted = articles.clone();
                sorted.sort_unstable();
                sorted.dedup();
                reported_by.push(sorted);
                out_actors.push(dedup_keeping_order(actors));
                out_words.push(n);
                out.push(e);
            }
        }
    }
    out
}

/// Whether every report has sources and all of them are one article's: then no two reports
/// are of different articles, none is merged, and the reports stay as they are. The stream
/// assembles each article on its own, and a long document is one article.
fn from_one_article(events: &[Event]) -> bool {
    let Some(article) = events
        .first()
        .and_then(|e| e.sources.first())
        .map(|s| s.article.as_str())
    else {
        return events.is_empty();
    };
    events
        .iter()
        .all(|e| !e.sources.is_empty() && e.sources.iter().all(|s| s.article == article))
}

/// The content words of all of a report's quotes, sorted, each once.
fn report_words(e: &Event) -> Vec<u64> {
    let mut w: Vec<u64> = e
        .sources
        .iter()
        .flat_map(|s| content_words(&s.quote))
        .collect();
    w.sort_unstable();
    w.dedup();
    w
}

/// `keys` without repeats, first occurrences kept in order.
fn dedup_keeping_order(keys: &[u32]) -> Vec<u32> {
    let mut out: Vec<u32> = Vec::with_capacity(keys.len());
    for &k in keys {
        if !out.contains(&k) {
            out.push(k);
        }
    }
    out
}

/// Numbers for strings, the first one seen 0, so they compare without hashing the text again.
#[derive(Default)]
struct Interner<'a> {
    ids: FxHashMap<&'a str, u32>,
}

impl<'a> Interner<'a> {
    fn id(&mut self, s: &'a str) -> u32 {
        let next = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        *self.ids.entry(s).or_insert(next)
    }
}

fn similarity(a: &[u64], b: &[u64]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    shared(a, b) as f32 / (a.len() + b.len()) as f32 * 2.0
}
