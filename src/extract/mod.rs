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
            let mut actors = std::mem::take(&mut e.actors);
            let actors_renamed = rename(&registry, &mut actors);
            e.actors = once_each(actors);
            // An event's agents are among its actors (see `events::roles`): when none of the
            // actors was renamed, an agent found among them was not either, and is not
            // looked up again.
            let mut agents = std::mem::take(&mut e.agents);
            if actors_renamed || !agents.iter().all(|a| e.actors.contains(a)) {
                rename(&registry, &mut agents);
            }
            e.agents = once_each(agents);
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

/// Bytes of text per sentence of room made up front in [`article_sentences`]: news sentences
/// run to 100-150 bytes and TimeBank's to about 125, so the room is seldom outgrown, and it
/// lives only as long as its article.
const BYTES_PER_SENTENCE: usize = 96;

/// The sentences of the body paragraphs (the whole text when no paragraphs were marked).
pub fn article_sentences(article: &Article) -> Vec<Range<usize>> {
    if article.paragraphs.is_empty() {
        return sentences::split(&article.text, 0..article.text.len());
    }
    // Room for one sentence per [`BYTES_PER_SENTENCE`] bytes up front, so a long text's list
    // does not grow by doubling over fresh pages; room never written is never touched.
    let mut all = Vec::with_capacity(article.text.len() / BYTES_PER_SENTENCE);
    for p in &article.paragraphs {
        sentences::split_into(&article.text, p.clone(), &mut all);
    }
    all
}

/// Per-article actor ids mapped onto the merged actors, in the list itself: an id that was not
/// renamed (most) stays where it is, and no list is allocated for each event. Whether any id
/// was renamed.
fn rename(registry: &Registry, ids: &mut [String]) -> bool {
    let mut renamed = false;
    if !registry.renamed.is_empty() {
        for id in ids {
            if let Some(to) = registry.renamed.get(id.as_str()) {
                id.clone_from(to);
                renamed = true;
            }
        }
    }
    renamed
}

/// `ids` with each id once, first ones first.
fn once_each(mut ids: Vec<String>) -> Vec<String> {
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
/// Each actor's list is sized by a first count and then filled straight from the articles'
/// mentions, visited in the order of the articles' ids: an article's mentions come in text
/// order, so a list is then nearly always in order already (as [`crate::model::MentionRef`]s
/// sort: article id, start, end) and only needs its repeats dropped. Gathering every mention
/// as a tuple first and sorting them into a second list of tuples made two arrays the size of
/// all the mentions (12 MB of fresh memory on a 10 MB text) before the lists were built.
fn attach_mentions(registry: &mut Registry, articles: &[Article], per_article: &[Extracted]) {
    let count = articles.len().min(per_article.len());
    let per_article = &per_article[..count];
    // The actor each article's entity became (`None`: none), all articles in one list, each
    // entity resolved once rather than once for each of its mentions.
    let mut actor_of: Vec<Option<usize>> =
        Vec::with_capacity(per_article.iter().map(|(a, _)| a.entities.len()).sum());
    let mut entities_from: Vec<usize> = Vec::with_capacity(count + 1);
    {
        // Actors by id, borrowed and hashed with Fx: every entity of every article asks this.
        let at: rustc_hash::FxHashMap<&str, usize> = registry
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        for (extracted, _) in per_article {
            entities_from.push(actor_of.len());
            actor_of.extend(
                extracted
                    .entities
                    .iter()
                    .map(|e| at.get(registry.resolve(&e.id)).copied()),
            );
        }
        entities_from.push(actor_of.len());
    }
    let actor_of = |a: usize, entity: usize| -> Option<usize> {
        actor_of[entities_from[a]..entities_from[a + 1]]
            .get(entity)
            .copied()
            .flatten()
    };
    let mut counts = vec![0usize; registry.actors.len()];
    for (a, (extracted, _)) in per_article.iter().enumerate() {
        for m in &extracted.mentions {
            if let Some(count) = actor_of(a, m.entity).and_then(|i| counts.get_mut(i)) {
                *count += 1;
            }
        }
    }
    let had: Vec<bool> = registry
        .actors
        .iter()
        .map(|a| !a.mentions.is_empty())
        .collect();
    for (actor, &n) in registry.actors.iter_mut().zip(&counts) {
        actor.mentions.reserve(n);
    }
    let mut by_id: Vec<usize> = (0..count).collect();
    by_id.sort_by(|&a, &b| articles[a].id.cmp(&articles[b].id));
    for a in by_id {
        // each article's id once, shared by all its mentions
        let id: Arc<str> = articles[a].id.as_str().into();
        for m in &per_article[a].0.mentions {
            if let Some(actor) = actor_of(a, m.entity).and_then(|i| registry.actors.get_mut(i)) {
                actor.mentions.push(crate::model::MentionRef {
                    article: Arc::clone(&id),
                    start: m.range.start,
                    end: m.range.end,
                });
            }
        }
    }
    // an actor that came with mentions of its own has them merged in order
    for (actor, had) in registry.actors.iter_mut().zip(had) {
        let mentions = &mut actor.mentions;
        if had || !mentions.is_sorted_by(in_order) {
            mentions.sort();
        }
        mentions.dedup();
    }
}

/// Whether mention `x` may come before `y` in a sorted list. Two mentions of one article share
/// its id (one `Arc`), so their ids are told equal without comparing the strings.
fn in_order(x: &crate::model::MentionRef, y: &crate::model::MentionRef) -> bool {
    if Arc::ptr_eq(&x.article, &y.article) {
        (x.start, x.end) <= (y.start, y.end)
    } else {
        x <= y
    }
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

    /// Mentions as one sort of every article's would order them: by article id, start, end,
    /// repeats once, whatever order the articles and their mentions came in.
    #[test]
    fn mentions_on_actors_are_in_order_and_each_once() {
        use actors::{How, LocalEntity, Mention};
        let entity = |id: &str| LocalEntity {
            id: id.into(),
            name: id.into(),
            kind: crate::model::ActorKind::Person,
            affiliation: None,
            forms: Vec::new(),
            roles: Vec::new(),
            known: false,
        };
        let mention = |entity: usize, start: usize| Mention {
            range: start..start + 3,
            entity,
            sentence: 0,
            how: How::Name,
        };
        let found = |mentions: Vec<Mention>| {
            let found = ArticleActors {
                entities: vec![entity("x"), entity("y")],
                mentions,
            };
            (found, Vec::new())
        };
        let article = |id: &str| Article {
            id: id.into(),
            ..Article::default()
        };
        let articles = [article("b"), article("a"), article("b")];
        let per_article = vec![
            found(vec![mention(0, 5), mention(1, 9), mention(0, 40)]),
            // out of text order, and a repeat
            found(vec![mention(0, 30), mention(0, 2), mention(0, 30)]),
            // the same id as the first article, and one of its mentions again
            found(vec![mention(0, 1), mention(0, 40)]),
        ];
        let mut registry = registry::merge(&per_article.iter().map(|(a, _)| a).collect::<Vec<_>>());
        attach_mentions(&mut registry, &articles, &per_article);
        let x = registry.actors.iter().find(|a| a.id == "x").unwrap();
        let got: Vec<(&str, usize)> = x.mentions.iter().map(|m| (&*m.article, m.start)).collect();
        assert_eq!(got, [("a", 2), ("a", 30), ("b", 1), ("b", 5), ("b", 40)]);
        let y = registry.actors.iter().find(|a| a.id == "y").unwrap();
        assert_eq!(y.mentions.len(), 1);
    }
}
