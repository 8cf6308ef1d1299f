//! Which events pass the analyst's filters: text, dates, article, confidence, stars, key events,
//! and the Admiralty grade of their reports.

use crate::model::{Credibility, Event, Grading, Reliability, Timeline};

use super::settings::ViewSettings;
use super::time::x_from_date;

/// Decides, event by event, whether the current settings show it. Built once per layout so the
/// lower-cased search text and the date bounds are computed once, not per event.
pub struct EventFilter<'a> {
    settings: &'a ViewSettings,
    needle: Option<String>,
    from_x: Option<f64>,
    to_x: Option<f64>,
}

impl<'a> EventFilter<'a> {
    pub fn new(settings: &'a ViewSettings) -> Self {
        let text = settings.filters.text.trim();
        Self {
            settings,
            needle: (!text.is_empty()).then(|| text.to_lowercase()),
            from_x: settings.filters.from.map(x_from_date),
            to_x: settings.filters.to.map(|d| x_from_date(d) + 1.0),
        }
    }

    /// True when `event`, spanning `start..end` on the axis, should be drawn.
    pub fn passes(&self, timeline: &Timeline, event: &Event, start: f64, end: f64) -> bool {
        let filters = &self.settings.filters;
        if filters.starred_only && !self.settings.starred.contains(&event.id) {
            return false;
        }
        if filters.key_events_only && !self.settings.key_events.contains(&event.id) {
            return false;
        }
        if !self.settings.grades.admits_event(event) {
            return false;
        }
        if event.confidence < filters.min_confidence {
            return false;
        }
        if self.from_x.is_some_and(|from| end <= from) || self.to_x.is_some_and(|to| start >= to) {
            return false;
        }
        if let Some(article) = &filters.article
            && !event.sources.iter().any(|s| &s.article == article)
        {
            return false;
        }
        match &self.needle {
            None => true,
            Some(needle) => matches_text(timeline, event, needle),
        }
    }
}

fn matches_text(timeline: &Timeline, event: &Event, needle: &str) -> bool {
    let has = |text: &str| text.to_lowercase().contains(needle);
    has(&event.label)
        || event.sources.iter().any(|s| has(&s.quote))
        || event.actors.iter().any(|id| {
            timeline
                .actor(id)
                .map_or_else(|| has(id), |actor| has(&actor.name))
        })
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
