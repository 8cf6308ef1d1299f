//! Articles → a [`Timeline`]: sentences, time expressions, actors, events, and the merge of what
//! several articles report.
//!
//! Each article is extracted on its own (a pure function, run in parallel with rayon); the
//! actors are then merged into one registry, event actor ids mapped onto it, the same happening
//! reported twice merged, and hand-kept events added.

pub mod actors;
pub mod byte_set;
pub mod chronological;
pub(crate) mod eight_bytes;
pub mod events;
pub mod join;
pub(crate) mod lower_case;
pub mod merge;
pub mod nlp;
pub mod sentences;
pub mod timex;
pub mod white_space;

use std::borrow::Borrow;
use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;

use crate::ingest::{HandEvent, Loaded};
use crate::model::{Actor, Article, ArticleFormat, Event, SourceRef, Timeline};
use actors::ArticleActors;
use actors::registry::{self, Registry};

/// Extracts every article (in parallel) and merges the results into one timeline.
pub fn extract(loaded: &Loaded) -> Timeline {
    extract_with_progress(loaded, &|| {})
}

/// [`extract`], calling `article_done` as each article is extracted (from any thread), for a
/// progress bar. Timelines loaded ready-made are joined in with [`join::join`].
pub fn extract_with_progress(loaded: &Loaded, article_done: &(dyn Fn() + Sync)) -> Timeline {
    assemble(loaded, extract_articles(&loaded.articles, article_done))
}

/// What one article gives: its actors (ids local to the article until merged) and events.
pub type Extracted = (ArticleActors, Vec<Event>);

/// Extracts `articles` in parallel (in their order), calling `article_done` as each is done.
/// The app extracts a corpus in batches with this, to show the first ones while the rest load;
/// a batch may be references into the loaded articles rather than copies of their text.
pub fn extract_articles<A: Borrow<Article> + Sync>(
    articles: &[A],
    article_done: &(dyn Fn() + Sync),
) -> Vec<Extracted> {
    articles
        .par_iter()
        .map(|article| {
            let found = extract_article(article.borrow());
            article_done();
            found
        })
        .collect()
}

/// The timeline of `loaded` from its articles' extractions (`per_article[i]` is article `i`'s):
/// actors merged across articles, the same happening reported twice merged, hand-kept events and
/// ready-made timelines joined in.
pub fn assemble(loaded: &Loaded, per_article: Vec<Extracted>) -> Timeline {
    let (actors, events) = actors_and_events(&loaded.articles, &loaded.hand_events, per_article);
    finish(
        loaded.articles.clone(),
        actors,
        events,
        loaded.timelines.iter().cloned(),
    )
}

/// [`extract_with_progress`] on loaded articles that are not needed afterwards: the timeline
/// takes them over instead of copying every article's text (10 MB of fresh memory for a 10 MB
/// input, and each article of the stream copied once more before it is written).
pub fn extract_owned(loaded: Loaded, article_done: &(dyn Fn() + Sync)) -> Timeline {
    let per_article = extract_articles(&loaded.articles, article_done);
    let (actors, events) = actors_and_events(&loaded.articles, &loaded.hand_events, per_article);
    finish(
        loaded.articles,
        actors,
        events,
        loaded.timelines.into_iter(),
    )
}

/// The merged actors and the events in time order, of [`assemble`].
fn actors_and_events(
    articles: &[Article],
    hand_events: &[HandEvent],
    per_article: Vec<Extracted>,
) -> (Vec<Actor>, Vec<Event>) {
    let mut registry = registry::merge(&per_article.iter().map(|(a, _)| a).collect::<Vec<_>>());
    attach_mentions(&mut registry, articles, &per_article);
    let total: usize = per_article.iter().map(|(_, events)| events.len()).sum();
    let mut events: Vec<Event> = Vec::new();
    for (_, mut article_events) in per_article {
        for e in &mut article_events {
            e.actors = resolve_all(&registry, std::mem::take(&mut e.actors));
            e.agents = resolve_all(&registry, std::mem::take(&mut e.agents));
        }
        if events.is_empty() {
            // The first article's list grows into the whole list: a single document's (all
            // of a 10 MB text's events) is kept as it is instead of copied into a second
            // list as large, which was the run's peak of memory.
            events = article_events;
            events.reserve(total - events.len());
        } else {
            events.append(&mut article_events);
        }
    }
    let mut events = merge::merge(events);
    for hand in hand_events {
        events.push(hand_event(hand, &mut registry, articles));
    }
    chronological::sort(&mut events);
    (registry.actors, events)
}

/// The timeline of the articles, actors and events, with the ready-made `timelines` joined in.
fn finish(
    articles: Vec<Article>,
    actors: Vec<Actor>,
    events: Vec<Event>,
    timelines: impl ExactSizeIterator<Item = Timeline>,
) -> Timeline {
    let timeline = Timeline {
        articles,
        actors,
        events,
    };
    if timelines.len() == 0 {
        return timeline;
    }
    join::join(std::iter::once(timeline).chain(timelines).collect())
}

/// Builds what extraction loads on first use — the gazetteer's automaton over ~100k names, the
/// time-expression patterns, the trained tagger and recogniser: about half a second of CPU — so
/// that the app can do it while it reads files, instead of on the first article.
pub fn warm_up() {
    std::sync::LazyLock::force(&nlp::ner::RECOGNISER);
    std::sync::LazyLock::force(&nlp::pos::TAGGER);
    let article = Article {
        text: "On Monday, the minister met the Prime Minister in Geneva, officials said.".into(),
        ..Article::default()
    };
    extract_article(&article);
}

/// Everything one article gives: its actors (ids local to the article until merged) and events.
/// A CSV file of the analyst's own events is their provenance, not prose: its rows become hand
/// events (see [`assemble`]), and reading them as sentences would make a second, garbled event
/// of every row ("2015-10-20,,Pentagon; …").
pub fn extract_article(article: &Article) -> Extracted {
    if article.format == ArticleFormat::Csv {
        return (ArticleActors::default(), Vec::new());
    }
    let sentences = article_sentences(article);
    let timexes = timex::tag(&article.text, article.published);
    let found = actors::find(&article.text, &sentences);
    let events = events::build(article, &sentences, &found, &timexes);
    (found, events)
}

/// The sentences of the body paragraphs (the whole text when no paragraphs were marked).
pub fn article_sentences(article: &Article) -> Vec<Range<usize>> {
    if article.paragraphs.is_empty() {
        return sentences::split(&article.text, 0..article.text.len());
    }
    let mut all = Vec::new();
    for p in &article.paragraphs {
        sentences::split_into(&article.text, p.clone(), &mut all);
    }
    all
}

/// Per-article actor ids mapped onto the merged actors, each once, first ones first. Done in
/// the list itself: an id that was not renamed (most) stays where it is, and no list is
/// allocated for each event.
fn resolve_all(registry: &Registry, mut ids: Vec<String>) -> Vec<String> {
    if !registry.renamed.is_empty() {
        for id in &mut ids {
            if let Some(to) = registry.renamed.get(id.as_str()) {
                id.clone_from(to);
            }
        }
    }
    // the first `kept` are the ids seen so far, each once; a repeat is swapped behind them
    let mut kept = 0;
    for i in 0..ids.len() {
        if !ids[..kept].contains(&ids[i]) {
            ids.swap(kept, i);
            kept += 1;
        }
    }
    ids.truncate(kept);
    ids
}

/// Every mention of every article, as a byte range into its text, on the actor it became.
///
/// Mentions are gathered as numbers (actor, the article id's rank, range, article) and sorted
/// once, so that no id is copied for a mention that turns out to be a repeat and the sort
/// compares numbers; a rank orders articles as their ids do (equal ids share one), so the
/// order and the repeats dropped are those of sorting the [`crate::model::MentionRef`]s.
fn attach_mentions(registry: &mut Registry, articles: &[Article], per_article: &[Extracted]) {
    // Actors by id, borrowed and hashed with Fx: every entity of every article asks this map.
    let at: rustc_hash::FxHashMap<&str, usize> = registry
        .actors
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let count = articles.len().min(per_article.len());
    let mut by_id: Vec<usize> = (0..count).collect();
    by_id.sort_by(|&a, &b| articles[a].id.cmp(&articles[b].id));
    let mut rank = vec![0usize; count];
    for pair in by_id.windows(2) {
        let (before, this) = (pair[0], pair[1]);
        rank[this] = rank[before] + usize::from(articles[before].id != articles[this].id);
    }
    // (actor, rank, start, end, article)
    // room for every mention up front: a long document has hundreds of thousands, and growing
    // the list by doubling copied it a dozen times
    let mut found: Vec<(usize, usize, usize, usize, usize)> = Vec::with_capacity(
        per_article
            .iter()
            .take(count)
            .map(|(extracted, _)| extracted.mentions.len())
            .sum(),
    );
    let mut actor_of: Vec<Option<usize>> = Vec::new();
    for (a, (extracted, _)) in per_article.iter().enumerate().take(count) {
        // each entity is resolved once, not once for each of its mentions
        actor_of.clear();
        actor_of.extend(
            extracted
                .entities
                .iter()
                .map(|e| at.get(registry.resolve(&e.id)).copied()),
        );
        for m in &extracted.mentions {
            if let Some(&Some(i)) = actor_of.get(m.entity) {
                found.push((i, rank[a], m.range.start, m.range.end, a));
            }
        }
    }
    let mut found = by_actor(found, registry.actors.len());
    // each article's id once, shared by all its mentions
    let ids: Vec<Arc<str>> = articles
        .iter()
        .take(count)
        .map(|article| article.id.as_str().into())
        .collect();
    found.dedup_by_key(|&mut (i, rank, start, end, _)| (i, rank, start, end));
    let had: Vec<bool> = registry
        .actors
        .iter()
        .map(|a| !a.mentions.is_empty())
        .collect();
    // an actor's mentions are together in `found`: its list is grown once for all of them
    for of_one in found.chunk_by(|x, y| x.0 == y.0) {
        let Some(actor) = of_one
            .first()
            .and_then(|&(i, ..)| registry.actors.get_mut(i))
        else {
            continue;
        };
        actor.mentions.reserve(of_one.len());
        for &(_, _, start, end, a) in of_one {
            actor.mentions.push(crate::model::MentionRef {
                article: Arc::clone(&ids[a]),
                start,
                end,
            });
        }
    }
    // an actor that came with mentions of its own has them merged in order
    for (actor, had) in registry.actors.iter_mut().zip(had) {
        if had {
            actor.mentions.sort();
            actor.mentions.dedup();
        }
    }
}

/// `found` (actor, rank, start, end, article) sorted, as `sort_unstable` sorts it: put in
/// runs by actor first (a count of each actor's mentions, then each mention placed in its
/// actor's run), then each run sorted on its own. A long document has hundreds of thousands of
/// mentions, and sorting them all at once compared them about twenty times each; an actor's
/// run is short and comes already nearly in order (a text's mentions are gathered in text
/// order), which its sort notices.
fn by_actor(
    found: Vec<(usize, usize, usize, usize, usize)>,
    actors: usize,
) -> Vec<(usize, usize, usize, usize, usize)> {
    // where each actor's run starts; an actor index out of range (none is) goes last
    let mut run_start = vec![0usize; actors + 2];
    for &(i, ..) in &found {
        run_start[i.min(actors) + 1] += 1;
    }
    for i in 1..run_start.len() {
        run_start[i] += run_start[i - 1];
    }
    let mut sorted = vec![(0, 0, 0, 0, 0); found.len()];
    let mut next = run_start.clone();
    for mention in found {
        let slot = &mut next[mention.0.min(actors)];
        sorted[*slot] = mention;
        *slot += 1;
    }
    for run in run_start.windows(2) {
        sorted[run[0]..run[1]].sort_unstable();
    }
    sorted
}

/// A hand-kept event: taken as written, its actors looked up by name (confidence 1).
fn hand_event(hand: &HandEvent, registry: &mut Registry, articles: &[Article]) -> Event {
    let actors = hand
        .actors
        .iter()
        .filter(|n| !n.trim().is_empty())
        .map(|n| registry.by_name(n))
        .collect();
    let quote = articles
        .iter()
        .find(|a| a.id == hand.article)
        .and_then(|a| a.text.get(hand.range.clone()))
        .map_or_else(|| hand.description.clone(), str::to_string);
    let label = hand
        .description
        .split_whitespace()
        .take(events::label::MAX_WORDS)
        .collect::<Vec<_>>()
        .join(" ");
    Event {
        id: events::ids::event_id(&hand.article, (hand.range.start, hand.range.end), None),
        when: hand.when.clone(),
        actors,
        agents: Vec::new(),
        label,
        sources: vec![SourceRef {
            article: hand.article.clone(),
            start: hand.range.start,
            end: hand.range.end,
            quote,
            timex: None,
            grading: None,
        }],
        confidence: 1.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_by_actor_are_sorted_as_one_sort_sorts_them() {
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n) as usize
        };
        for len in [0, 1, 2, 50, 3_000] {
            let found: Vec<_> = (0..len)
                .map(|_| (next(12), next(3), next(40), next(45), next(4)))
                .collect();
            let mut sorted = found.clone();
            sorted.sort_unstable();
            assert_eq!(by_actor(found.clone(), 12), sorted, "{len}");
            // actors beyond the count given still come out in order, last
            assert_eq!(by_actor(found, 5), sorted, "{len}");
        }
    }
}
