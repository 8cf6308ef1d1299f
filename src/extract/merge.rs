//! The same happening reported by several articles becomes one event with several sources:
//! dates that overlap, at least one shared actor, and similar words.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::events::{content_words, shared};
use crate::model::Event;

/// How alike two reports' words must be (Dice overlap of content words).
const MIN_SIMILARITY: f32 = 0.2;

/// Reports compared per (day, actor): the most recent ones, so a day that every article
/// covers costs linear time, not quadratic.
const RECENT: usize = 48;

/// Merges events of different articles that report the same happening. The merged event keeps
/// the id of its earliest report (in input order), so ids stay stable.
pub fn merge(events: Vec<Event>) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    let mut words: Vec<Vec<u64>> = Vec::new();
    // articles already among each merged event's sources
    let mut reported_by: Vec<HashSet<String>> = Vec::new();
    let mut by_day: HashMap<(NaiveDate, &str), Vec<usize>> = HashMap::new();
    let keys: Vec<Vec<String>> = events.iter().map(|e| e.actors.clone()).collect();
    for (n, e) in events.into_iter().enumerate() {
        let actor_keys = &keys[n];
        let mut w: Vec<u64> = e
            .sources
            .iter()
            .flat_map(|s| content_words(&s.quote))
            .collect();
        w.sort_unstable();
        w.dedup();
        let mut target = None;
        if !e.when.inferred && e.when.days() <= 7 && !e.actors.is_empty() {
            let mut day = e.when.start;
            'search: while day <= e.when.end {
                let candidates = actor_keys
                    .iter()
                    .filter_map(|a| by_day.get(&(day, a.as_str())))
                    .flat_map(|bucket| bucket.iter().rev().take(RECENT));
                for &i in candidates {
                    let o = &out[i];
                    let other_articles = e
                        .sources
                        .iter()
                        .all(|t| !reported_by[i].contains(&t.article));
                    let shares_actor = o.actors.iter().any(|a| e.actors.contains(a));
                    if other_articles && shares_actor && similarity(&words[i], &w) >= MIN_SIMILARITY
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
                for a in e.actors {
                    if !o.actors.contains(&a) {
                        o.actors.push(a);
                    }
                }
                for a in e.agents {
                    if !o.agents.contains(&a) {
                        o.agents.push(a);
                    }
                }
                reported_by[i].extend(e.sources.iter().map(|s| s.article.clone()));
                o.sources.extend(e.sources);
                o.confidence = o.confidence.max(e.confidence);
            }
            None => {
                if !e.when.inferred && e.when.days() <= 7 {
                    let mut day = e.when.start;
                    while day <= e.when.end {
                        for a in actor_keys {
                            by_day.entry((day, a.as_str())).or_default().push(out.len());
                        }
                        let Some(next) = day.succ_opt() else {
                            break;
                        };
                        day = next;
                    }
                }
                reported_by.push(e.sources.iter().map(|s| s.article.clone()).collect());
                out.push(e);
                words.push(w);
            }
        }
    }
    out
}

fn similarity(a: &[u64], b: &[u64]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    shared(a, b) as f32 / (a.len() + b.len()) as f32 * 2.0
}
