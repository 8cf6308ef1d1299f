//! The briefing: which events it steps through, in what order, and where the view stands at
//! each step (the window around the event, the glide between steps). Plain data, so stepping is
//! testable without drawing; presentation mode (`ui`) and the numbered slides (`export`) both
//! drive it, and `draw::present` draws it.

use super::session::{LanePaging, PageShown, Session};
use super::window::TimeWindow;

/// How long the view glides from one event to the next.
pub const GLIDE_SECONDS: f64 = 0.3;
/// The window around a single event: never narrower than this many days...
const MIN_SPAN_DAYS: f64 = 21.0;
/// ...nor wider than this (unless the event itself is longer)...
const MAX_SPAN_DAYS: f64 = 183.0;
/// ...and wide enough that the nearer neighbour sits this far inside the half-window.
const NEIGHBOUR_MARGIN: f64 = 1.4;

/// The state of a presentation; plain data, changed through the methods below so stepping is
/// testable without drawing.
#[derive(Clone, Debug, Default)]
pub struct Presentation {
    pub active: bool,
    /// Event indices (into `timeline.events`) in the order they are presented.
    pub steps: Vec<usize>,
    /// Index into `steps`.
    pub current: usize,
    /// B blanks the screen (the presenter wants the room's attention).
    pub blank: bool,
    /// The key reminder under the caption (on screen, not on slides).
    pub show_hints: bool,
    /// The page of lanes the presenter turned to (↓ / ↑); `None` shows the page holding the
    /// current event's lane, so each step's event is on screen.
    pub lane_page: Option<usize>,
    /// The page of lanes on screen and how many there are, as last drawn.
    pub page_shown: Option<PageShown>,
    glide: Option<Glide>,
    /// The view, selection and lane scroll before presenting, restored on leaving.
    before: Option<(TimeWindow, Option<usize>, usize)>,
}

#[derive(Clone, Copy, Debug)]
struct Glide {
    from: TimeWindow,
    to: TimeWindow,
    /// Set on the first frame drawn, from egui's clock.
    started: Option<f64>,
}

impl Presentation {
    /// Starts presenting `session`'s briefing from its first step.
    pub fn start(&mut self, session: &mut Session) {
        self.before = Some((session.window, session.selected, session.lane_scroll));
        self.steps = briefing_steps(session);
        self.active = true;
        self.blank = false;
        self.show_hints = true;
        self.current = 0;
        self.focus(session, true);
    }

    /// A presentation of `steps` (worked out once by [`briefing_steps`]) standing still at
    /// `step` (slides: no glide, no restore).
    pub fn at_step(session: &mut Session, steps: &[usize], step: usize) -> Self {
        let mut p = Self {
            steps: steps.to_vec(),
            active: true,
            ..Default::default()
        };
        p.current = step.min(p.steps.len().saturating_sub(1));
        p.focus(session, false);
        p
    }

    /// Leaves presentation mode, restoring the view the analyst had.
    pub fn stop(&mut self, session: &mut Session) {
        session.lane_paging = None;
        self.lane_page = None;
        self.page_shown = None;
        self.active = false;
        self.blank = false;
        self.glide = None;
        if let Some((window, selected, lane_scroll)) = self.before.take() {
            session.set_window(window);
            session.selected = selected;
            session.lane_scroll = lane_scroll;
        }
    }

    /// The next event (→); stays on the last.
    pub fn next(&mut self, session: &mut Session) {
        if self.current + 1 < self.steps.len() {
            self.current += 1;
            self.focus(session, true);
        }
    }

    /// The previous event (←); stays on the first.
    pub fn previous(&mut self, session: &mut Session) {
        if self.current > 0 {
            self.current -= 1;
            self.focus(session, true);
        }
    }

    /// The next page of lanes (↓); stays on the last.
    pub fn next_lanes(&mut self) {
        if let Some(shown) = &self.page_shown {
            self.lane_page = Some((shown.index + 1).min(shown.count.saturating_sub(1)));
        }
    }

    /// The previous page of lanes (↑); stays on the first.
    pub fn previous_lanes(&mut self) {
        if let Some(shown) = &self.page_shown {
            self.lane_page = Some(shown.index.saturating_sub(1));
        }
    }

    /// Which lanes to show: the page turned to, else the one holding the current event.
    pub fn lane_paging(&self, session: &Session) -> LanePaging {
        if let Some(page) = self.lane_page {
            return LanePaging::Page(page);
        }
        let event = self.current_event();
        let lane = (session.lanes.lanes.iter())
            .position(|l| l.entries.iter().any(|e| Some(e.event as usize) == event));
        lane.map_or(LanePaging::Page(0), LanePaging::Holding)
    }

    /// The event on screen, as an index into `timeline.events`.
    pub fn current_event(&self) -> Option<usize> {
        self.steps.get(self.current).copied()
    }

    /// Selects the current event and moves the view to it (gliding when `animate`).
    fn focus(&mut self, session: &mut Session, animate: bool) {
        let Some(event) = self.current_event() else {
            return;
        };
        session.selected = Some(event);
        // The lanes turn to the page holding the event (`lane_paging`).
        self.lane_page = None;
        session.lane_paging = Some(self.lane_paging(session));
        let target = step_window(session, &self.steps, self.current);
        if animate {
            self.glide = Some(Glide {
                from: session.window,
                to: target,
                started: None,
            });
        } else {
            self.glide = None;
            session.set_window(target);
        }
    }

    /// Moves the view along the glide to where it is at `now` (seconds, egui's clock); true
    /// while it is still moving.
    pub fn advance_glide(&mut self, now: f64, session: &mut Session) -> bool {
        let Some(glide) = &mut self.glide else {
            return false;
        };
        let started = *glide.started.get_or_insert(now);
        let t = ((now - started) / GLIDE_SECONDS).clamp(0.0, 1.0);
        let eased = t * t * (3.0 - 2.0 * t);
        session.set_window(glide.from.lerp(glide.to, eased));
        if t >= 1.0 {
            self.glide = None;
        }
        self.glide.is_some()
    }
}

/// The events a briefing steps through: the analyst's briefing list (starred events, in the
/// order they put them) where those are still on the timeline, otherwise every visible event
/// in time order.
pub fn briefing_steps(session: &Session) -> Vec<usize> {
    let mut visible: Vec<(f64, usize)> = session
        .lanes
        .lanes
        .iter()
        .flat_map(|lane| lane.entries.iter())
        .map(|entry| (entry.start, entry.event as usize))
        .collect();
    visible.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    visible.dedup_by_key(|(_, event)| *event);
    let shown: std::collections::HashSet<usize> = visible.iter().map(|(_, e)| *e).collect();
    let events = &session.timeline.events;
    let starred: Vec<usize> = session
        .project
        .annotations()
        .starred
        .iter()
        .filter_map(|id| events.iter().position(|e| &e.id == id))
        .filter(|i| shown.contains(i))
        .collect();
    if starred.is_empty() {
        visible.into_iter().map(|(_, e)| e).collect()
    } else {
        starred
    }
}

/// The visible window for step `current` of `steps`: centred on its event, wide enough to
/// show the nearer of its neighbours in the briefing (an outlier years away does not zoom
/// every step out), at least three weeks and at most half a year unless the event is longer.
pub fn step_window(session: &Session, steps: &[usize], current: usize) -> TimeWindow {
    let span_of = |step: usize| {
        let event = session.timeline.events.get(*steps.get(step)?)?;
        Some(crate::layout::time::span_of(
            event.when.start,
            event.when.end,
        ))
    };
    let Some((a, b)) = span_of(current) else {
        return session.window;
    };
    // Neighbours are compared by their start, the order the briefing follows.
    let nearest = [current.checked_sub(1), Some(current + 1)]
        .into_iter()
        .flatten()
        .filter_map(span_of)
        .map(|(start, _)| (start - a).abs())
        .filter(|d| *d > 0.0)
        .reduce(f64::min)
        .unwrap_or(0.0);
    let span = (nearest * 2.0 * NEIGHBOUR_MARGIN)
        .clamp(MIN_SPAN_DAYS, MAX_SPAN_DAYS)
        .max((b - a) * 1.6);
    let mid = (a + b) / 2.0;
    TimeWindow::new(mid - span / 2.0, mid + span / 2.0)
}
