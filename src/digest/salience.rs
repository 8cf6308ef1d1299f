//! Which days matter: every report of a single-day happening is weighed by how much it says the
//! day mattered, and the days are ranked by the weight of their distinct articles.
//!
//! A report written days after the fact counts in full (the date was worth referring back to),
//! and so does the day's own news. Weaker: an echo of the report date ("officials said on
//! Tuesday" — the saying, not the happening), a plan for a later day, and a date carried over
//! from the narrative rather than written in the sentence. A sentence template that recurs with
//! many different dates ("A version appeared in print on ...") is page furniture and counts
//! nothing. The sum is divided by the square root of the number of articles that could have
//! reported the day (those published from the day before on), so the last days of a collection,
//! which few later articles had the chance to mention, are not ranked down for that alone.

use std::collections::{HashMap, HashSet};

use chrono::{Days, NaiveDate};

use crate::model::{Article, Precision, SourceRef, Timeline};

/// A report of the happening itself: written on the day or any time after.
const HAPPENING: f32 = 1.0;
/// "said on Tuesday": the date of the saying, in the article of that day or the next.
const ECHO: f32 = 0.3;
/// A day still ahead when the article was written: a plan or a forecast.
const AHEAD: f32 = 0.3;
/// A day the sentence does not write, carried over from the narrative or the story's own day.
const CARRIED: f32 = 0.1;
/// How much a second, third... outlet adds, on a log scale.
const OUTLET_BONUS: f32 = 0.25;
/// A sentence template seen with this many different dates is boilerplate.
const TEMPLATE_DATES: usize = 3;

/// Verbs of saying: a date right next to one dates the statement, not what it reports.
const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "reported",
    "reports",
    "announced",
    "announces",
    "stated",
    "added",
    "confirmed",
    "confirms",
    "claimed",
    "warned",
    "insisted",
    "denied",
    "according",
    "quoted",
];

/// One report of a happening on a key date.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Report {
    /// Index into the timeline's events.
    pub event: usize,
    /// Index into that event's sources.
    pub source: usize,
    /// Index into the timeline's articles, if the source names a known article.
    pub article: Option<usize>,
    pub weight: f32,
}

/// A candidate day with its reports and the score it is ranked by.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct DateReports {
    pub date: NaiveDate,
    /// Reports that count (weight above zero), strongest first.
    pub reports: Vec<Report>,
    pub score: f32,
    /// Distinct articles (by id) reporting the day, strongest report first.
    pub articles: Vec<String>,
    pub outlets: usize,
}

/// The single days inside `[from, to]` that reports back, most salient first (ties: more
/// articles, then the earlier day).
pub(crate) fn rank(
    timeline: &Timeline,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Vec<DateReports> {
    let index: HashMap<&str, usize> = timeline
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let mut published: Vec<NaiveDate> = timeline
        .articles
        .iter()
        .filter_map(|a| a.published)
        .collect();
    published.sort_unstable();
    let outlets: Vec<&str> = timeline.articles.iter().map(outlet).collect();

    // every report of a single day, with its sentence template for the boilerplate check
    let mut by_day: HashMap<NaiveDate, Vec<(Report, u64)>> = HashMap::new();
    let mut template_days: HashMap<u64, Vec<NaiveDate>> = HashMap::new();
    for (ei, event) in timeline.events.iter().enumerate() {
        let when = &event.when;
        if when.start != when.end || !matches!(when.precision, Precision::Day | Precision::Time) {
            continue;
        }
        let date = when.start;
        if from.is_some_and(|f| date < f) || to.is_some_and(|t| date > t) {
            continue;
        }
        for (si, source) in event.sources.iter().enumerate() {
            let article = index.get(source.article.as_str()).copied();
            let weight = if when.inferred {
                CARRIED
            } else {
                let text = article.map(|a| timeline.articles[a].text.as_str());
                let published = article.and_then(|a| timeline.articles[a].published);
                weigh(date, published, text, source)
            };
            let template = article.and_then(|a| template(&timeline.articles[a].text, source));
            if let Some(t) = template {
                let days = template_days.entry(t).or_default();
                if days.len() < TEMPLATE_DATES && !days.contains(&date) {
                    days.push(date);
                }
            }
            let report = Report {
                event: ei,
                source: si,
                article,
                weight,
            };
            by_day
                .entry(date)
                .or_default()
                .push((report, template.unwrap_or(0)));
        }
    }

    let mut ranked: Vec<DateReports> = by_day
        .into_iter()
        .filter_map(|(date, reports)| {
            let reports: Vec<Report> = reports
                .into_iter()
                .filter(|(_, t)| {
                    *t == 0
                        || template_days
                            .get(t)
                            .is_none_or(|d| d.len() < TEMPLATE_DATES)
                })
                .map(|(r, _)| r)
                .collect();
            score_day(timeline, date, reports, &published, &outlets)
        })
        .collect();
    ranked.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(b.articles.len().cmp(&a.articles.len()))
            .then(a.date.cmp(&b.date))
    });
    ranked
}

/// The weight of one report whose sentence writes its date (`source.timex`).
fn weigh(
    date: NaiveDate,
    published: Option<NaiveDate>,
    text: Option<&str>,
    source: &SourceRef,
) -> f32 {
    let Some(published) = published else {
        return HAPPENING;
    };
    if published < date {
        return AHEAD;
    }
    let report_day = published == date || published.pred_opt() == Some(date);
    if report_day && text.is_some_and(|t| is_speech_date(t, source)) {
        return ECHO;
    }
    HAPPENING
}

/// Whether the sentence's date stands next to a verb of saying: "said on Tuesday", "told
/// reporters Tuesday", "on Tuesday said".
fn is_speech_date(text: &str, source: &SourceRef) -> bool {
    let Some((start, end)) = source.timex else {
        return false;
    };
    let before = text.get(source.start.min(start)..start).unwrap_or("");
    let after = text.get(end..source.end.max(end)).unwrap_or("");
    let near_before = before.split_whitespace().rev().take(3);
    let near_after = after.split_whitespace().take(1);
    near_before.chain(near_after).any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        SPEECH.iter().any(|s| s.eq_ignore_ascii_case(w))
    })
}

/// A key for the sentence's wording without its time expression and without any word holding a
/// digit ("p7", "00.38"), so page stamps of different days read alike; `None` for sentences too
/// short to call a template.
fn template(text: &str, source: &SourceRef) -> Option<u64> {
    let sentence = text.get(source.start..source.end)?;
    let (before, after) = match source.timex {
        Some((start, end)) if source.start <= start && start <= end && end <= source.end => {
            (text.get(source.start..start)?, text.get(end..source.end)?)
        }
        _ => (sentence, ""),
    };
    let mut n = 0;
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let words = before
        .split(|c: char| !c.is_alphanumeric())
        .chain(std::iter::once(""))
        .chain(after.split(|c: char| !c.is_alphanumeric()));
    for word in words {
        if word.is_empty() || word.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        for b in word.to_lowercase().bytes().chain(std::iter::once(b' ')) {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        n += 1;
    }
    (n >= 5).then_some(hash)
}

/// The score of one day from its reports; `None` when no report counts.
fn score_day(
    timeline: &Timeline,
    date: NaiveDate,
    mut reports: Vec<Report>,
    published: &[NaiveDate],
    outlet_of: &[&str],
) -> Option<DateReports> {
    reports.retain(|r| r.weight > 0.0);
    if reports.is_empty() {
        return None;
    }
    reports.sort_by(|a, b| b.weight.total_cmp(&a.weight));
    // each article counts once, with its strongest report
    let mut best: Vec<(&str, f32, &str)> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    for r in &reports {
        let id = timeline.events[r.event].sources[r.source].article.as_str();
        if seen.insert(id) {
            let outlet = r.article.map_or(id, |a| outlet_of[a]);
            best.push((id, r.weight, outlet));
        }
    }
    let mut outlets: Vec<&str> = best.iter().map(|(_, _, o)| *o).collect();
    outlets.sort_unstable();
    outlets.dedup();
    let total: f32 = best.iter().map(|(_, w, _)| w).sum();
    let since = date.checked_sub_days(Days::new(1)).unwrap_or(date);
    let exposure = published.len() - published.partition_point(|p| *p < since);
    let score = total / (exposure.max(1) as f32).sqrt()
        * (1.0 + OUTLET_BONUS * (outlets.len().max(1) as f32).ln());
    Some(DateReports {
        date,
        reports,
        score,
        articles: best.into_iter().map(|(id, _, _)| id.to_string()).collect(),
        outlets: outlets.len(),
    })
}

/// Who published an article: the host of its address, else the leading folder of its id
/// ("reuters/2009-04-27/12.txt"), else the article itself.
fn outlet(article: &Article) -> &str {
    if let Some(host) = article.url.as_deref().and_then(host) {
        return host;
    }
    match article.id.split_once('/') {
        Some((head, _)) if !head.is_empty() => head,
        _ => &article.id,
    }
}

/// The host of a web address, without a leading "www.".
fn host(url: &str) -> Option<&str> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_drop_scheme_path_and_www() {
        assert_eq!(
            host("https://www.example.org/news/1.html"),
            Some("example.org")
        );
        assert_eq!(host("example.net/a"), Some("example.net"));
        assert_eq!(host("https:///x"), None);
    }

    #[test]
    fn templates_ignore_numbers_and_the_time_expression() {
        let stamp = |text: &str, timex: &str| {
            let at = text.find(timex).unwrap();
            let source = SourceRef {
                article: "a".into(),
                start: 0,
                end: text.len(),
                quote: text.into(),
                timex: Some((at, at + timex.len())),
                grading: None,
            };
            template(text, &source)
        };
        let a = stamp(
            "A version appeared on page 7 of the print edition on Saturday 2 May 2009.",
            "Saturday 2 May 2009",
        );
        let b = stamp(
            "A version appeared on page 12 of the print edition on Friday 1 May.",
            "Friday 1 May",
        );
        assert!(a.is_some());
        assert_eq!(a, b);
        let other = stamp(
            "The ministry closed every school in the capital on Friday.",
            "Friday",
        );
        assert_ne!(a, other);
        assert_eq!(stamp("Talks resumed on Monday.", "Monday"), None);
    }
}
