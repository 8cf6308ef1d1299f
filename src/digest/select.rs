//! The sentences for each key date: the reports of the day form one cluster, and the sentences
//! nearest its TF-IDF centre are quoted, unless they say again what a sentence already quoted
//! (for this date or a more salient one) says — maximal marginal relevance.
//!
//! Only the reports of the kept dates are read, and each date's redundancy check runs over its
//! most central sentences only, so the cost grows with the number of reports, not their square.

use std::collections::HashSet;

use super::salience::DateReports;
use super::terms::{self, Frequencies, Vector};
use super::{KeyDate, Quote, clean};
use crate::model::Timeline;

/// How much repeating an already quoted sentence costs against being central (0: never mind
/// repeats, 1: only novelty counts).
const REDUNDANCY: f32 = 0.4;
/// Sentences of each date considered for quoting, most central first.
const SHORTLIST: usize = 48;
/// Sentences shorter than this say too little to brief from.
const MIN_WORDS: usize = 6;
/// Sentences longer than this are run-ons or lists; they are ranked down in proportion.
const MAX_WORDS: usize = 40;

/// One distinct sentence reporting a key date.
struct Candidate {
    text: String,
    article: String,
    event: usize,
    /// The strongest report weight behind this wording.
    weight: f32,
    terms: Vec<(u64, u32)>,
    /// Filled once every sentence's terms are counted.
    vector: Vector,
    words: usize,
}

/// Picks the sentences of each date (in `kept`'s order, most salient first) and builds the
/// digest entries.
pub(crate) fn choose(timeline: &Timeline, kept: &[DateReports], per_date: usize) -> Vec<KeyDate> {
    let mut frequencies = Frequencies::default();
    let mut clusters: Vec<Vec<Candidate>> = Vec::with_capacity(kept.len());
    for day in kept {
        let mut seen: HashSet<String> = HashSet::new();
        let mut cluster: Vec<Candidate> = Vec::new();
        for r in &day.reports {
            let source = &timeline.events[r.event].sources[r.source];
            let text = clean::quote(&source.quote);
            if text.is_empty() || !seen.insert(text.to_lowercase()) {
                continue;
            }
            let t = terms::terms(&text);
            frequencies.add(&t);
            cluster.push(Candidate {
                words: text.split_whitespace().count(),
                text,
                article: source.article.clone(),
                event: r.event,
                weight: r.weight,
                terms: t,
                vector: Vector::default(),
            });
        }
        clusters.push(cluster);
    }
    for cluster in &mut clusters {
        for c in cluster.iter_mut() {
            c.vector = frequencies.vector(&c.terms);
        }
    }

    let mut quoted: Vec<Vector> = Vec::new();
    let mut out = Vec::with_capacity(kept.len());
    for (day, cluster) in kept.iter().zip(clusters) {
        let chosen = pick(&cluster, per_date, &mut quoted);
        out.push(entry(timeline, day, &cluster, &chosen));
    }
    out
}

/// The indices of up to `k` sentences of one cluster, chosen greedily by centrality minus
/// redundancy against everything quoted so far (which they join).
fn pick(cluster: &[Candidate], k: usize, quoted: &mut Vec<Vector>) -> Vec<usize> {
    if cluster.is_empty() || k == 0 {
        return Vec::new();
    }
    let centre = Vector::centroid(cluster.iter().map(|c| (&c.vector, c.weight)));
    let fit = |c: &Candidate| {
        let length = if c.words < MIN_WORDS {
            c.words as f32 / MIN_WORDS as f32 * 0.5
        } else if c.words > MAX_WORDS {
            MAX_WORDS as f32 / c.words as f32
        } else {
            1.0
        };
        c.vector.dot(&centre) * length * (0.5 + 0.5 * c.weight.min(1.0))
    };
    let mut shortlist: Vec<(usize, f32)> = cluster
        .iter()
        .enumerate()
        .map(|(i, c)| (i, fit(c)))
        .collect();
    shortlist.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    shortlist.truncate(SHORTLIST);
    let mut chosen: Vec<usize> = Vec::with_capacity(k);
    while chosen.len() < k {
        let best = shortlist
            .iter()
            .filter(|(i, _)| !chosen.contains(i))
            .map(|&(i, centrality)| {
                let repeat = quoted
                    .iter()
                    .map(|q| q.dot(&cluster[i].vector))
                    .fold(0.0_f32, f32::max);
                (i, (1.0 - REDUNDANCY) * centrality - REDUNDANCY * repeat)
            })
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        let Some((i, _)) = best else {
            break;
        };
        quoted.push(cluster[i].vector.clone());
        chosen.push(i);
    }
    chosen
}

/// The digest entry of one date.
fn entry(
    timeline: &Timeline,
    day: &DateReports,
    cluster: &[Candidate],
    chosen: &[usize],
) -> KeyDate {
    let sentences: Vec<Quote> = chosen
        .iter()
        .map(|&i| Quote {
            text: cluster[i].text.clone(),
            article: cluster[i].article.clone(),
            event: timeline.events[cluster[i].event].id.clone(),
        })
        .collect();
    let headline = chosen
        .first()
        .map(|&i| timeline.events[cluster[i].event].label.clone())
        .unwrap_or_default();
    let mut events: Vec<String> = sentences.iter().map(|q| q.event.clone()).collect();
    let mut listed: HashSet<&str> = events.iter().map(String::as_str).collect();
    let mut rest: Vec<String> = Vec::new();
    for r in &day.reports {
        let id = timeline.events[r.event].id.as_str();
        if listed.insert(id) {
            rest.push(id.to_string());
        }
    }
    events.extend(rest);
    KeyDate {
        date: day.date,
        headline,
        sentences,
        sources: day.articles.len(),
        outlets: day.outlets,
        articles: day.articles.clone(),
        events,
        salience: day.score,
    }
}
