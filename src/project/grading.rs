//! Admiralty gradings as the analyst gives them (per article, per report) and as the timeline
//! uses them: stamped on each report, and a filter over events by grade.

use std::collections::BTreeMap;

use crate::model::{Credibility, Event, Grading, Reliability, SourceRef, Timeline};

/// Where one report sits: an article and a byte range of it. Events citing the same sentence
/// share it, so grading a report grades it wherever it is cited.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ReportKey {
    pub article: String,
    pub start: usize,
    pub end: usize,
}

impl ReportKey {
    pub fn of(source: &SourceRef) -> Self {
        Self {
            article: source.article.clone(),
            start: source.start,
            end: source.end,
        }
    }
}

/// The gradings the analyst has given, before they are stamped on the reports.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Gradebook {
    pub articles: BTreeMap<String, Grading>,
    pub reports: BTreeMap<ReportKey, Grading>,
}

impl Gradebook {
    /// The grading a report carries: its own if graded, else its article's.
    pub fn grading_of(&self, source: &SourceRef) -> Option<Grading> {
        self.reports
            .get(&ReportKey::of(source))
            .or_else(|| self.articles.get(&source.article))
            .copied()
    }

    /// Writes each report's grading into the timeline, so tooltips and exports read it there.
    pub fn stamp(&self, timeline: &mut Timeline) {
        for event in &mut timeline.events {
            for source in &mut event.sources {
                source.grading = self.grading_of(source);
            }
        }
    }
}

/// Which events to keep by grade: an event passes when any of its reports is at least as
/// reliable and as credible as asked. F and 6 ("cannot be judged") are not ranked; they pass
/// with the ungraded ones only when `keep_unjudged` is set. Events with no report at all (added
/// by hand) always pass: the analyst vouches for them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GradeFilter {
    /// The least reliable source letter kept (`C` keeps A, B and C).
    pub reliability: Reliability,
    /// The least credible information digit kept (`3` keeps 1, 2 and 3).
    pub credibility: Credibility,
    pub keep_unjudged: bool,
}

impl Default for GradeFilter {
    /// Keeps everything.
    fn default() -> Self {
        Self {
            reliability: Reliability::E,
            credibility: Credibility::Improbable,
            keep_unjudged: true,
        }
    }
}

impl GradeFilter {
    /// Whether one report passes.
    pub fn admits(&self, grading: Option<Grading>) -> bool {
        let Some(g) = grading else {
            return self.keep_unjudged;
        };
        let reliable = if g.reliability == Reliability::F {
            self.keep_unjudged
        } else {
            g.reliability <= self.reliability
        };
        let credible = if g.credibility == Credibility::CannotBeJudged {
            self.keep_unjudged
        } else {
            g.credibility <= self.credibility
        };
        reliable && credible
    }

    /// Whether an event passes (its reports' gradings as stamped on the timeline).
    pub fn admits_event(&self, event: &Event) -> bool {
        event.sources.is_empty() || event.sources.iter().any(|s| self.admits(s.grading))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(code: &str) -> Option<Grading> {
        Some(code.parse().unwrap())
    }

    #[test]
    fn filter_keeps_grades_at_or_above_the_threshold() {
        let filter = GradeFilter {
            reliability: Reliability::B,
            credibility: Credibility::PossiblyTrue,
            keep_unjudged: false,
        };
        assert!(filter.admits(g("A1")));
        assert!(filter.admits(g("B3")));
        assert!(!filter.admits(g("C1")));
        assert!(!filter.admits(g("B4")));
        assert!(!filter.admits(g("F1")));
        assert!(!filter.admits(None));
        let lenient = GradeFilter {
            keep_unjudged: true,
            ..filter
        };
        assert!(lenient.admits(g("F3")));
        assert!(lenient.admits(None));
        assert!(GradeFilter::default().admits(g("E5")));
    }

    #[test]
    fn a_report_grading_wins_over_its_article() {
        let mut book = Gradebook::default();
        book.articles.insert("a1".into(), "C3".parse().unwrap());
        let report = SourceRef {
            article: "a1".into(),
            start: 10,
            end: 40,
            quote: String::new(),
            timex: None,
            grading: None,
        };
        assert_eq!(book.grading_of(&report), g("C3"));
        book.reports
            .insert(ReportKey::of(&report), "A1".parse().unwrap());
        assert_eq!(book.grading_of(&report), g("A1"));
    }
}
