//! Articles → a [`Timeline`]: sentences, time expressions, actors, events, and the merge of what
//! several articles report.
//!
//! Each article is extracted on its own (a pure function, run in parallel with rayon); the
//! actors are then merged into one registry, event actor ids mapped onto it, the same happening
//! reported twice merged, and hand-kept events added.

pub mod actors;
pub mod byte_set;
pub mod events;
pub mod join;
pub mod merge;
pub mod nlp;
pub mod sentences;
pub mod timex;
pub mod white_space;

use std::borrow::Borrow;
use std::ops::Range;

use rayon::prelude::*;

use crate::ingest::{HandEvent, Loaded};
use crate::model::{Article, ArticleFormat, Event, SourceRef, Timeline};
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
    let mut registry = registry::merge(&per_article.iter().map(|(a, _)| a).collect::<Vec<_>>());
    attach_mentions(&mut registry, &loaded.articles, &per_article);
    let mut events: Vec<Event> = Vec::new();
    for (_, article_events) in per_article {
        for mut e in article_events {
            e.actors = resolve_all(&registry, &e.actors);
            e.agents = resolve_all(&registry, &e.agents);
            events.push(e);
        }
    }
    let mut events = merge::merge(events);
    for hand in &loaded.hand_events {
        events.push(hand_event(hand, &mut registry, &loaded.articles));
    }
    // a stable sort on every core: the same order as a sort on one
    events.par_sort_by(|a, b| {
        (a.when.start, a.when.end, &a.id).cmp(&(b.when.start, b.when.end, &b.id))
    });
    let timeline = Timeline {
        articles: loaded.articles.clone(),
        actors: registry.actors,
        events,
    };
    if loaded.timelines.is_empty() {
        return timeline;
    }
    join::join(
        std::iter::once(timeline)
            .chain(loaded.timelines.iter().cloned())
            .collect(),
    )
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
    article
        .paragraphs
        .iter()
        .flat_map(|p| sentences::split(&article.text, p.clone()))
        .collect()
}

/// Per-article actor ids mapped onto the merged actors, each once.
fn resolve_all(registry: &Registry, ids: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(ids.len());
    for a in ids {
        let id = registry.resolve(a).to_string();
        if !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

/// Every mention of every article, as a byte range into its text, on the actor it became.
fn attach_mentions(registry: &mut Registry, articles: &[Article], per_article: &[Extracted]) {
    // Actors by id, borrowed and hashed with Fx: every mention of every article asks this map.
    let at: rustc_hash::FxHashMap<&str, usize> = registry
        .actors
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let mut found_on: Vec<Vec<crate::model::MentionRef>> = vec![Vec::new(); registry.actors.len()];
    for (article, (found, _)) in articles.iter().zip(per_article) {
        for m in &found.mentions {
            let Some(entity) = found.entities.get(m.entity) else {
                continue;
            };
            let Some(&i) = at.get(registry.resolve(&entity.id)) else {
                continue;
            };
            found_on[i].push(crate::model::MentionRef {
                article: article.id.clone(),
                start: m.range.start,
                end: m.range.end,
            });
        }
    }
    for (actor, found) in registry.actors.iter_mut().zip(found_on) {
        actor.mentions.extend(found);
        actor.mentions.sort();
        actor.mentions.dedup();
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
