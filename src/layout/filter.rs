//! Which events pass the analyst's filters.

use crate::model::{Event, Timeline};

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
