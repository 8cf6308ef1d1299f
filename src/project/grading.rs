//! Admiralty gradings as the analyst gives them (per article, per report) and as the timeline
//! uses them: stamped on each report. The filter over events by grade is the layout's
//! (`layout::filter::GradeFilter`), re-exported here.

use std::collections::BTreeMap;

use crate::model::{Grading, SourceRef, Timeline};

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

pub use crate::layout::filter::GradeFilter;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Credibility, Reliability};

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
