//! Key events across many articles: the dates that matter most, each with the sentences that say
//! best what happened and how many sources back it — the digest an analyst briefs from.
//!
//! Dates are ranked by corroboration ([`salience`]): how many distinct articles and outlets
//! report a happening on that day, with reports written days later (the date was worth referring
//! back to) counting in full and report-date echoes ("said on Tuesday") and dates carried over
//! from the narrative counting less. For each key date the reports' sentences are clustered by
//! TF-IDF ([`terms`]) and the most central ones are chosen, skipping those that repeat what an
//! earlier key date already says ([`select`]). Every step is linear in the number of reports.

mod clean;
mod salience;
mod select;
mod terms;

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::Timeline;

/// What to put in a digest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// How many key dates to keep.
    pub dates: usize,
    /// How many sentences to quote for each date.
    pub sentences: usize,
    /// Only dates on or after this day.
    pub from: Option<NaiveDate>,
    /// Only dates on or before this day.
    pub to: Option<NaiveDate>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            dates: 30,
            sentences: 2,
            from: None,
            to: None,
        }
    }
}

/// One key date of the digest.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KeyDate {
    pub date: NaiveDate,
    /// A short phrase for the date: the label of the event its first sentence reports.
    pub headline: String,
    /// The chosen sentences, most representative first.
    pub sentences: Vec<Quote>,
    /// Distinct articles that report a happening on this date.
    pub sources: usize,
    /// Distinct outlets among them (the web site, or the folder an article id names).
    pub outlets: usize,
    /// Every article reporting the date, strongest report first.
    pub articles: Vec<String>,
    /// Every event dated that day that a report backs, those quoted first.
    pub events: Vec<String>,
    /// The corroboration score the date was ranked by.
    pub salience: f32,
}

/// A sentence quoted in the digest, with where it was read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Quote {
    pub text: String,
    pub article: String,
    pub event: String,
}

/// The digest of a timeline: the `options.dates` most corroborated single days (in date order),
/// each with up to `options.sentences` representative, non-redundant sentences.
pub fn digest(timeline: &Timeline, options: &Options) -> Vec<KeyDate> {
    let ranked = salience::rank(timeline, options.from, options.to);
    let kept: Vec<salience::DateReports> = ranked.into_iter().take(options.dates).collect();
    let mut digest = select::choose(timeline, &kept, options.sentences);
    digest.sort_by_key(|k| k.date);
    digest
}

/// The events an analyst should see first: those quoted by the digest of the `dates` key dates.
/// For a "key events" filter and a briefing that steps through them.
pub fn key_event_ids(timeline: &Timeline, dates: usize) -> Vec<String> {
    let options = Options {
        dates,
        ..Options::default()
    };
    let mut ids: Vec<String> = digest(timeline, &options)
        .into_iter()
        .flat_map(|k| k.sentences.into_iter().map(|q| q.event))
        .collect();
    ids.dedup();
    ids
}

#[cfg(test)]
mod tests;
