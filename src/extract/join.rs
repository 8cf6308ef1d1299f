//! Timelines extracted apart (one article at a time by `extract --jsonl`, or by several
//! machines) joined into one, as if the articles had been extracted together: actors unified
//! by id, events by id, then the same happening reported by several articles merged by the
//! rule of [`super::merge`].
//!
//! The result does not depend on the order of the parts, and joining a timeline with itself
//! changes nothing, so partial results can be re-joined safely. Joining already-merged parts
//! (a reduce in stages) may merge a little more than one join of all the lines would.

use std::collections::{BTreeSet, HashMap, HashSet};

use crate::model::{Actor, ActorKind, Article, Event, MentionRef, Timeline};

use super::events::ids::event_id;
use super::merge;

/// Joins timelines into one. Articles are kept once by id; two different articles that share
/// an id (two shards both numbering from "stdin#1") are told apart by a "~2" suffix, and their
/// events re-identified as if read from the renamed article.
pub fn join(mut parts: Vec<Timeline>) -> Timeline {
    parts.retain(|p| !(p.articles.is_empty() && p.actors.is_empty() && p.events.is_empty()));
    // A timeline opened on its own comes back as it was: merging is not idempotent (a merged
    // event's pooled words can match a report that neither source matched alone).
    if parts.len() == 1
        && let Some(only) = parts.pop()
    {
        return only;
    }
    // Workers hand pieces back in any order; joining in article order gives the same timeline,
    // and the same ids for merged events, whatever the order.
    parts.sort_by(|a, b| first_article(a).cmp(&first_article(b)));
    let mut joined = Joined::default();
    for part in parts {
        joined.add(part);
    }
    joined.finish()
}

#[derive(Default)]
struct Joined {
    articles: Vec<Article>,
    article_at: HashMap<String, usize>,
    actors: Vec<Actor>,
    actor_at: HashMap<String, usize>,
    /// The mentions of each actor, to tell a new one in a set rather than by scanning the list
    /// (a country mentioned in every one of thousands of articles made the join quadratic).
    mentions_of: Vec<BTreeSet<MentionRef>>,
    events: Vec<Event>,
    event_at: HashMap<String, usize>,
}

impl Joined {
    fn add(&mut self, part: Timeline) {
        let mut renamed: HashMap<String, String> = HashMap::new();
        for mut article in part.articles {
            match self.article_at.get(&article.id) {
                Some(&i) if same_article(&self.articles[i], &article) => {}
                Some(_) => {
                    let unique = self.unique_article_id(&article.id);
                    renamed.insert(article.id.clone(), unique.clone());
                    article.id = unique;
                    self.push_article(article);
                }
                None => self.push_article(article),
            }
        }
        for actor in part.actors {
            self.add_actor(actor);
        }
        for mut event in part.events {
            if !renamed.is_empty() {
                let mut moved = false;
                for source in &mut event.sources {
                    if let Some(new) = renamed.get(&source.article) {
                        source.article.clone_from(new);
                        moved = true;
                    }
                }
                if moved && let Some(first) = event.sources.first() {
                    event.id = event_id(
                        &first.article,
                        (first.start, first.end),
                        first.timex.map(|t| t.0),
                    );
                }
            }
            self.add_event(event);
        }
    }

    fn push_article(&mut self, article: Article) {
        self.article_at
            .insert(article.id.clone(), self.articles.len());
        self.articles.push(article);
    }

    fn unique_article_id(&self, id: &str) -> String {
        (2..)
            .map(|n| format!("{id}~{n}"))
            .find(|candidate| !self.article_at.contains_key(candidate))
            .unwrap_or_else(|| id.to_string())
    }

    fn add_actor(&mut self, actor: Actor) {
        let Some(&i) = self.actor_at.get(&actor.id) else {
            self.actor_at.insert(actor.id.clone(), self.actors.len());
            self.mentions_of
                .push(actor.mentions.iter().cloned().collect());
            self.actors.push(actor);
            return;
        };
        let known = &mut self.actors[i];
        for form in std::iter::once(actor.name).chain(actor.aliases) {
            if !known.is_named(&form) {
                known.aliases.push(form);
            }
        }
        if known.affiliation.is_none() {
            known.affiliation = actor.affiliation;
        }
        for m in actor.mentions {
            if self.mentions_of[i].insert(m.clone()) {
                known.mentions.push(m);
            }
        }
    }

    fn add_event(&mut self, event: Event) {
        let Some(&i) = self.event_at.get(&event.id) else {
            self.event_at.insert(event.id.clone(), self.events.len());
            self.events.push(event);
            return;
        };
        let known = &mut self.events[i];
        for actor in event.actors {
            if !known.actors.contains(&actor) {
                known.actors.push(actor);
            }
        }
        for source in event.sources {
            let seen = known.sources.iter().any(|s| {
                s.article == source.article && s.start == source.start && s.end == source.end
            });
            if !seen {
                known.sources.push(source);
            }
        }
        known.confidence = known.confidence.max(event.confidence);
    }

    fn finish(mut self) -> Timeline {
        let renamed = fold_lone_surnames(&mut self.actors);
        let mut events = self.events;
        if !renamed.is_empty() {
            for event in &mut events {
                let mut ids: Vec<String> = Vec::with_capacity(event.actors.len());
                for id in &event.actors {
                    let id = renamed.get(id).unwrap_or(id);
                    if !ids.contains(id) {
                        ids.push(id.clone());
                    }
                }
                event.actors = ids;
            }
        }
        let mut events = merge::merge(events);
        super::chronological::sort(&mut events);
        Timeline {
            articles: self.articles,
            actors: self.actors,
            events,
        }
    }
}

fn first_article(timeline: &Timeline) -> Option<&str> {
    timeline.articles.first().map(|a| a.id.as_str())
}

/// The same article seen twice (the same output joined twice), not two articles sharing an id.
fn same_article(a: &Article, b: &Article) -> bool {
    a.title == b.title && a.published == b.published && a.path == b.path && a.url == b.url
}

/// A person named by one word in one article ("Kerry") and in full in another ("John Kerry")
/// is one actor when exactly one full name ends in that word, as extraction decides within a
/// single run. Returns the ids folded away and where they went.
fn fold_lone_surnames(actors: &mut Vec<Actor>) -> HashMap<String, String> {
    let mut by_surname: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, a) in actors.iter().enumerate() {
        if a.kind == ActorKind::Person
            && a.name.split_whitespace().count() >= 2
            && let Some(last) = a.name.split_whitespace().next_back()
        {
            by_surname.entry(last).or_default().push(i);
        }
    }
    let mut folds: Vec<(usize, usize)> = Vec::new();
    for (i, a) in actors.iter().enumerate() {
        if a.kind != ActorKind::Person || a.name.split_whitespace().count() != 1 {
            continue;
        }
        if let Some([target]) = by_surname.get(a.name.as_str()).map(Vec::as_slice) {
            folds.push((i, *target));
        }
    }
    let mut renamed = HashMap::new();
    let mut gone = HashSet::new();
    for (from, to) in folds {
        let lone = actors[from].clone();
        let target = &mut actors[to];
        for form in std::iter::once(lone.name).chain(lone.aliases) {
            if !target.is_named(&form) {
                target.aliases.push(form);
            }
        }
        renamed.insert(lone.id, target.id.clone());
        gone.insert(from);
    }
    let mut i = 0;
    actors.retain(|_| {
        let keep = !gone.contains(&i);
        i += 1;
        keep
    });
    for a in actors.iter_mut() {
        if let Some(to) = a.affiliation.as_ref().and_then(|id| renamed.get(id)) {
            a.affiliation = Some(to.clone());
        }
    }
    renamed
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::model::{SourceRef, When};

    fn article(id: &str, title: &str) -> Article {
        Article {
            id: id.into(),
            title: title.into(),
            ..Article::default()
        }
    }

    fn person(id: &str, name: &str) -> Actor {
        Actor {
            id: id.into(),
            name: name.into(),
            kind: ActorKind::Person,
            aliases: Vec::new(),
            affiliation: None,
            mentions: Vec::new(),
        }
    }

    fn event(article: &str, start: usize, actors: &[&str], quote: &str) -> Event {
        let day = NaiveDate::from_ymd_opt(2015, 10, 20).unwrap_or_default();
        Event {
            id: event_id(article, (start, start + quote.len()), Some(start)),
            when: When::day(day),
            actors: actors.iter().map(|a| a.to_string()).collect(),
            agents: Vec::new(),
            label: quote.into(),
            sources: vec![SourceRef {
                article: article.into(),
                start,
                end: start + quote.len(),
                quote: quote.into(),
                timex: Some((start, start + 1)),
                grading: None,
            }],
            confidence: 0.5,
        }
    }

    #[test]
    fn the_same_happening_in_two_articles_becomes_one_event_with_two_sources() {
        let quote_a = "Kerry met Lavrov in Vienna on Tuesday to discuss the ceasefire.";
        let quote_b = "Kerry and Lavrov met in Vienna on Tuesday over the ceasefire plan.";
        let one = Timeline {
            articles: vec![article("a", "First")],
            actors: vec![person("john-kerry", "John Kerry")],
            events: vec![event("a", 0, &["john-kerry"], quote_a)],
        };
        let two = Timeline {
            articles: vec![article("b", "Second")],
            actors: vec![person("kerry", "Kerry")],
            events: vec![event("b", 10, &["kerry"], quote_b)],
        };
        let joined = join(vec![one.clone(), two.clone()]);
        assert_eq!(
            join(vec![two, one]),
            joined,
            "the order of the parts does not matter"
        );
        assert_eq!(joined.actors.len(), 1, "{:?}", joined.actors);
        assert!(joined.actors[0].is_named("Kerry"));
        assert_eq!(joined.events.len(), 1, "{:?}", joined.events);
        assert_eq!(joined.events[0].sources.len(), 2);
    }

    #[test]
    fn joining_twice_changes_nothing_and_clashing_ids_are_told_apart() {
        let part = Timeline {
            articles: vec![article("stdin#1", "First")],
            actors: vec![person("p", "Ann Lee")],
            events: vec![event("stdin#1", 0, &["p"], "Ann Lee resigned on Monday.")],
        };
        let again = join(vec![part.clone(), part.clone()]);
        assert_eq!(again.articles.len(), 1);
        assert_eq!(again.events.len(), 1);
        assert_eq!(again.events[0].sources.len(), 1);

        let mut other = part.clone();
        other.articles[0].title = "Another story".into();
        let joined = join(vec![part, other]);
        let ids: Vec<&str> = joined.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["stdin#1", "stdin#1~2"]);
        assert_eq!(
            joined.events.len(),
            1,
            "same words, same day, same actor: merged"
        );
        let sources: Vec<&str> = joined.events[0]
            .sources
            .iter()
            .map(|s| s.article.as_str())
            .collect();
        assert_eq!(sources, ["stdin#1", "stdin#1~2"]);
    }
}
