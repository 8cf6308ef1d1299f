//! The chronology: the events the timeline shows, as rows of a table in date order, for an
//! analyst who reads a story top to bottom or pastes it into a report.
//!
//! The rows are taken from the lanes the timeline draws, so every filter, the grade filter,
//! hidden lanes, the folded minor actors and the visible window leave out exactly what they
//! leave out on the canvas. Only indices are kept per frame; a row's text is worked out for
//! the rows on screen (and for all of them only when exporting).

use crate::layout::LaneSet;
use crate::model::{Role, Timeline};

use super::window::TimeWindow;
use super::wording::{best_grading, normalised_date, source_line};

/// The order of the rows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DateOrder {
    /// The earliest event first: the story as it unfolded.
    #[default]
    OldestFirst,
    /// The latest event first: what happened last on top.
    NewestFirst,
}

impl DateOrder {
    /// The other order (a click on the Date column's header).
    #[must_use]
    pub fn flipped(self) -> Self {
        match self {
            Self::OldestFirst => Self::NewestFirst,
            Self::NewestFirst => Self::OldestFirst,
        }
    }
}

/// The events a chronology lists, as indices into `timeline.events`: every event drawn in a
/// shown lane, once (an event of two lanes is one row), overlapping `window` when one is
/// given, in date order (start, then end, then extraction order, so ties are stable).
pub fn event_rows(
    timeline: &Timeline,
    lanes: &LaneSet,
    window: Option<TimeWindow>,
    order: DateOrder,
) -> Vec<usize> {
    let mut seen = vec![false; timeline.events.len()];
    let mut rows: Vec<(f64, f64, usize)> = Vec::with_capacity(lanes.starts.len());
    for entry in lanes.lanes.iter().flat_map(|lane| &lane.entries) {
        let index = entry.event as usize;
        let Some(seen) = seen.get_mut(index) else {
            continue;
        };
        // An event ends at the end of its last day: one touching the window's start is in it.
        let inside = window.is_none_or(|w| entry.end >= w.start && entry.start <= w.end);
        if *seen || !inside {
            continue;
        }
        *seen = true;
        rows.push((entry.start, entry.end, index));
    }
    rows.sort_unstable_by(|a, b| {
        (a.0.total_cmp(&b.0))
            .then(a.1.total_cmp(&b.1))
            .then(a.2.cmp(&b.2))
    });
    let rows = rows.into_iter().map(|(_, _, index)| index);
    match order {
        DateOrder::OldestFirst => rows.collect(),
        DateOrder::NewestFirst => rows.rev().collect(),
    }
}

/// The row `delta` rows from the one showing `selected` (the arrow keys), clamped to the
/// table; the first row (or the last, going up) when the selection is not in the table.
pub fn stepped(rows: &[usize], selected: Option<usize>, delta: isize) -> Option<usize> {
    let last = rows.len().checked_sub(1)?;
    let position = selected.and_then(|event| rows.iter().position(|&r| r == event));
    let next = match position {
        Some(at) => at.saturating_add_signed(delta).min(last),
        None if delta < 0 => last,
        None => 0,
    };
    rows.get(next).copied()
}

/// One actor of a row and the part they play, when the extraction could tell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowActor {
    pub name: String,
    /// `None` when the event records nobody acting (roles unknown, not "mentioned").
    pub role: Option<Role>,
}

/// One event as the chronology shows and exports it.
#[derive(Clone, Debug, PartialEq)]
pub struct ChronologyRow {
    /// Index into `timeline.events`.
    pub event: usize,
    /// The event's id, so a report can be traced back to the project.
    pub id: String,
    /// "20 Oct 2015", "29 – 30 Oct 2015".
    pub date: String,
    /// The event's first day, ISO (`2015-10-20`), for spreadsheets to sort on.
    pub iso_date: String,
    pub headline: String,
    /// Acting actors first, then the others, as the detail panel lists them.
    pub actors: Vec<RowActor>,
    /// Each report's article and its publication day ("Assad visits Moscow — 21 Oct 2015").
    pub sources: Vec<String>,
    /// The best Admiralty grading among the reports ("B2"), if any is graded.
    pub grade: Option<String>,
}

impl ChronologyRow {
    /// The row of `timeline.events[event]`, or `None` when there is no such event.
    pub fn of(timeline: &Timeline, event: usize) -> Option<Self> {
        let e = timeline.events.get(event)?;
        let name = |id: &str| {
            timeline
                .actor(id)
                .map_or(id.to_string(), |a| a.name.clone())
        };
        let known_roles = !e.agents.is_empty();
        let actors = e
            .roles()
            .map(|(id, role)| RowActor {
                name: name(id),
                role: known_roles.then_some(role),
            })
            .collect();
        let mut sources: Vec<String> = Vec::with_capacity(e.sources.len());
        for source in &e.sources {
            let line = source_line(timeline, source);
            // Two sentences of one article are one source for a reader.
            if !sources.contains(&line) {
                sources.push(line);
            }
        }
        Some(Self {
            event,
            id: e.id.clone(),
            date: normalised_date(&e.when),
            iso_date: e.when.start.format("%Y-%m-%d").to_string(),
            headline: e.label.clone(),
            actors,
            sources,
            grade: best_grading(e).map(|g| g.to_string()),
        })
    }

    /// Every row of `events`, in that order (an export of the whole table).
    pub fn all(timeline: &Timeline, events: &[usize]) -> Vec<Self> {
        events
            .iter()
            .filter_map(|&i| Self::of(timeline, i))
            .collect()
    }

    /// "Bashar al-Assad (acting), Vladimir Putin (mentioned)"; names only when no role is
    /// known; empty for an event that names nobody.
    pub fn actors_text(&self) -> String {
        let part = |a: &RowActor| match a.role {
            Some(role) => format!("{} ({})", a.name, role.as_str()),
            None => a.name.clone(),
        };
        self.actors.iter().map(part).collect::<Vec<_>>().join(", ")
    }

    /// The sources on one line, separated by semicolons.
    pub fn sources_text(&self) -> String {
        self.sources.join("; ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{self, ViewSettings, fixture::briefing};

    fn ids(timeline: &Timeline, rows: &[usize]) -> Vec<String> {
        rows.iter()
            .map(|&i| timeline.events[i].id.clone())
            .collect()
    }

    #[test]
    fn rows_are_the_drawn_events_once_each_in_date_order() {
        let timeline = briefing();
        let lanes = layout::build(&timeline, &ViewSettings::default());
        let rows = event_rows(&timeline, &lanes, None, DateOrder::OldestFirst);
        let drawn: std::collections::BTreeSet<u32> = lanes
            .lanes
            .iter()
            .flat_map(|l| l.entries.iter().map(|e| e.event))
            .collect();
        assert_eq!(rows.len(), drawn.len(), "one row per drawn event");
        let starts: Vec<_> = rows
            .iter()
            .map(|&i| timeline.events[i].when.start)
            .collect();
        assert!(starts.is_sorted(), "{starts:?}");
        let newest = event_rows(&timeline, &lanes, None, DateOrder::NewestFirst);
        let mut reversed = newest.clone();
        reversed.reverse();
        assert_eq!(reversed, rows);
    }

    #[test]
    fn a_hidden_lane_and_a_filter_leave_their_events_out() {
        let timeline = briefing();
        let all = layout::build(&timeline, &ViewSettings::default());
        let every = ids(
            &timeline,
            &event_rows(&timeline, &all, None, DateOrder::OldestFirst),
        );
        let mut settings = ViewSettings::default();
        settings.filters.text = "Vienna".into();
        let lanes = layout::build(&timeline, &settings);
        let found = ids(
            &timeline,
            &event_rows(&timeline, &lanes, None, DateOrder::OldestFirst),
        );
        assert!(!found.is_empty() && found.len() < every.len(), "{found:?}");
        for id in &found {
            let event = timeline.events.iter().find(|e| &e.id == id).unwrap();
            let text = format!("{} {:?}", event.label, event.sources);
            assert!(text.contains("Vienna"), "{id}: {text}");
        }
    }

    #[test]
    fn the_window_keeps_the_events_it_overlaps() {
        let timeline = briefing();
        let lanes = layout::build(&timeline, &ViewSettings::default());
        let visit = timeline
            .events
            .iter()
            .position(|e| e.id == "e-visit")
            .unwrap();
        let (start, end) = layout::time::span_of(
            timeline.events[visit].when.start,
            timeline.events[visit].when.end,
        );
        let window = TimeWindow::new(start + 0.25, end - 0.25);
        let rows = event_rows(&timeline, &lanes, Some(window), DateOrder::OldestFirst);
        assert!(rows.contains(&visit), "{:?}", ids(&timeline, &rows));
        let far = TimeWindow::new(start + 3000.0, end + 3001.0);
        assert!(event_rows(&timeline, &lanes, Some(far), DateOrder::OldestFirst).is_empty());
    }

    #[test]
    fn the_arrow_keys_step_through_rows_and_stop_at_the_ends() {
        let rows = [7, 3, 9];
        assert_eq!(stepped(&rows, Some(3), 1), Some(9));
        assert_eq!(stepped(&rows, Some(9), 1), Some(9));
        assert_eq!(stepped(&rows, Some(7), -1), Some(7));
        assert_eq!(stepped(&rows, None, 1), Some(7));
        assert_eq!(stepped(&rows, Some(42), -1), Some(9));
        assert_eq!(stepped(&[], Some(3), 1), None);
    }

    #[test]
    fn a_row_says_who_acted_and_lists_each_article_once() {
        let mut timeline = briefing();
        let visit = timeline
            .events
            .iter()
            .position(|e| e.id == "e-visit")
            .unwrap();
        let event = &mut timeline.events[visit];
        event.agents = vec!["assad".into()];
        let first = event.sources[0].clone();
        event.sources.push(first);
        let row = ChronologyRow::of(&timeline, visit).unwrap();
        let text = row.actors_text();
        assert!(text.starts_with("Bashar al-Assad (acting)"), "{text}");
        assert!(text.contains("(mentioned)"), "{text}");
        let distinct: std::collections::BTreeSet<_> = row.sources.iter().collect();
        assert_eq!(distinct.len(), row.sources.len(), "{:?}", row.sources);
        assert!(ChronologyRow::of(&timeline, 10_000).is_none());
    }
}
