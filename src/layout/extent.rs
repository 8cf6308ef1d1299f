//! The corpus's own period: the stretch of time the articles are about, so that the first
//! view fits the story rather than its outliers (a "2051" misread in articles of 2011–2013,
//! one background event a year before an October story).
//!
//! Robust by construction: the core is the middle 80 % of event starts, widened to the
//! articles' publication dates (which are never outliers), then by a margin proportional to
//! its width. Events wholly outside that window are outliers: still on the timeline and
//! reachable by panning or "fit all", but they do not set the axis.

/// Spans up to this many days long are precise enough to locate the story.
const PRECISE_DAYS: f64 = 31.0;
/// Fraction of events left out at each end when finding the core.
const TAIL: f64 = 0.1;
/// The window reaches this fraction of the core's width beyond each side...
const MARGIN_FRACTION: f64 = 0.5;
/// ...and at least this many days, so a story of one week keeps the events of the week before.
const MIN_MARGIN_DAYS: f64 = 31.0;

/// The period to fit and the events left out of it.
#[derive(Clone, Debug, PartialEq)]
pub struct CorpusPeriod {
    /// First x of the period (days since 1970-01-01).
    pub start: f64,
    /// Last x of the period.
    pub end: f64,
    /// Indices (into the spans given) of the events lying wholly outside the period.
    pub outliers: Vec<usize>,
}

/// The corpus's period from the events' `spans` (start and end x) and the articles'
/// publication days (`published`, as x); `None` when there is neither an event nor a date.
pub fn corpus_period(spans: &[(f64, f64)], published: &[f64]) -> Option<CorpusPeriod> {
    // Coarse spans ("2015", "this decade") say little about when the story happens: the
    // core comes from events dated to within a month when there are any.
    let finite = |&&(a, b): &&(f64, f64)| a.is_finite() && b.is_finite();
    let mut starts: Vec<f64> = spans
        .iter()
        .filter(finite)
        .filter(|(a, b)| b - a <= PRECISE_DAYS)
        .map(|&(a, _)| a)
        .collect();
    if starts.is_empty() {
        starts = spans.iter().filter(finite).map(|&(a, _)| a).collect();
    }
    let published: Vec<f64> = published
        .iter()
        .copied()
        .filter(|p| p.is_finite())
        .collect();
    let pub_range = range_of(&published);
    let core = match (quantile_range(&mut starts), pub_range) {
        (Some((a, b)), Some((p, q))) => (a.min(p), b.max(q + 1.0)),
        (Some(core), None) => core,
        (None, Some((p, q))) => (p, q + 1.0),
        (None, None) => return None,
    };
    let margin = ((core.1 - core.0) * MARGIN_FRACTION).max(MIN_MARGIN_DAYS);
    let window = (core.0 - margin, core.1 + margin);
    let mut outliers = Vec::new();
    let mut period: Option<(f64, f64)> = pub_range.map(|(p, q)| (p, q + 1.0));
    for (i, &(a, b)) in spans.iter().enumerate() {
        if !(a.is_finite() && b.is_finite()) || b < window.0 || a > window.1 {
            outliers.push(i);
            continue;
        }
        // A long coarse span ("this decade") counts only where it overlaps the window.
        let (a, b) = (a.max(window.0), b.min(window.1));
        period = Some(period.map_or((a, b), |(p, q)| (p.min(a), q.max(b))));
    }
    let (start, end) = period.unwrap_or(core);
    Some(CorpusPeriod {
        start,
        end,
        outliers,
    })
}

/// The range of the middle of `values` (reordered in place): from the [`TAIL`] quantile to
/// the 1 − [`TAIL`] one, by selection, so the cost is linear in the number of events.
fn quantile_range(values: &mut [f64]) -> Option<(f64, f64)> {
    let n = values.len();
    if n == 0 {
        return None;
    }
    let lo = ((n - 1) as f64 * TAIL).round() as usize;
    let hi = ((n - 1) as f64 * (1.0 - TAIL)).round() as usize;
    let (_, &mut low, _) = values.select_nth_unstable_by(lo, f64::total_cmp);
    let (_, &mut high, _) = values.select_nth_unstable_by(hi, f64::total_cmp);
    Some((low, high + 1.0))
}

fn range_of(values: &[f64]) -> Option<(f64, f64)> {
    let first = *values.first()?;
    Some(
        values
            .iter()
            .fold((first, first), |(a, b), &v| (a.min(v), b.max(v))),
    )
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::layout::time::{date_from_x, x_from_date};

    fn x(y: i32, m: u32, d: u32) -> f64 {
        x_from_date(NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default())
    }

    fn day(x: f64) -> String {
        date_from_x(x).map_or_else(|| "?".into(), |d| d.to_string())
    }

    #[test]
    fn a_far_future_year_is_an_outlier_in_articles_of_three_years() {
        let published: Vec<f64> = (0..36)
            .map(|i| x(2011, 1, 10) + f64::from(i) * 30.0)
            .collect();
        let mut spans: Vec<(f64, f64)> = published.iter().map(|&p| (p - 1.0, p)).collect();
        spans.push((x(2051, 1, 1), x(2052, 1, 1)));
        let period = corpus_period(&spans, &published).expect("a period");
        assert_eq!(period.outliers, vec![36]);
        assert_eq!(day(period.start), "2011-01-09");
        assert!(day(period.end).starts_with("2013-"), "{}", day(period.end));
    }

    #[test]
    fn one_event_a_year_early_does_not_stretch_an_october_story() {
        let published = [x(2015, 10, 1), x(2015, 10, 30)];
        let mut spans: Vec<(f64, f64)> = (1..=30)
            .map(|d| (x(2015, 10, d), x(2015, 10, d) + 1.0))
            .collect();
        spans.insert(3, (x(2014, 9, 15), x(2014, 9, 16)));
        // late September, in the run-up to the story: part of it
        spans.push((x(2015, 9, 25), x(2015, 9, 26)));
        let period = corpus_period(&spans, &published).expect("a period");
        assert_eq!(period.outliers, vec![3]);
        assert_eq!(day(period.start), "2015-09-25");
        assert_eq!(day(period.end - 1.0), "2015-10-30");
    }

    #[test]
    fn a_coarse_year_is_clipped_to_the_story() {
        let published = [x(2015, 10, 21)];
        let spans = [
            (x(2015, 10, 20), x(2015, 10, 21)),
            (x(2015, 10, 22), x(2015, 10, 23)),
            (x(2015, 1, 1), x(2016, 1, 1)),
        ];
        let period = corpus_period(&spans, &published).expect("a period");
        assert!(period.outliers.is_empty());
        assert!(
            period.end - period.start < 120.0,
            "{} days",
            period.end - period.start
        );
    }

    #[test]
    fn publication_dates_alone_give_a_period_and_nothing_gives_none() {
        let period = corpus_period(&[], &[x(2013, 5, 1)]).expect("a period");
        assert_eq!(
            (day(period.start), day(period.end - 1.0)),
            ("2013-05-01".into(), "2013-05-01".into())
        );
        assert_eq!(corpus_period(&[], &[]), None);
        let bad = corpus_period(&[(f64::NAN, 1.0)], &[]);
        assert_eq!(bad, None);
    }
}
