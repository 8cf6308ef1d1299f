//! The analyst's session as plain data: what is loaded, what they chose to see, what is
//! selected, and the visible window. Changed through a few methods so the logic is testable
//! without drawing; the window, the exporters and the command line all read it.

use std::collections::BTreeMap;

use crate::digest;
use crate::layout::{self, LaneSet, ViewSettings};
use crate::model::Timeline;
use crate::project::{ArticleRecord, Colour, Edit, PendingReason, Project};

use super::window::TimeWindow;

/// How many key dates the "Key events" filter keeps: the thirty dates an analyst briefs from.
const KEY_DATES: usize = 30;

/// A loaded timeline and the view of it.
pub struct Session {
    /// The analyst's project: the extraction plus every correction. The one source of truth
    /// for edits, stars and hidden events; `timeline` and `settings.starred` mirror it.
    pub project: Project,
    /// The project's visible timeline (rebuilt by [`Session::refresh`] after every edit);
    /// the filters, the grade filter among them, decide what of it the lanes show.
    pub timeline: Timeline,
    /// Lane colours the analyst chose, by lane key (`actor:<id>`).
    pub lane_colours: BTreeMap<String, Colour>,
    pub settings: ViewSettings,
    /// Rebuilt whenever the timeline or the settings change.
    pub lanes: LaneSet,
    /// The visible window.
    pub window: TimeWindow,
    /// A window the plot should jump to on its next frame (fit, keyboard, overview drag).
    pub window_request: Option<TimeWindow>,
    /// Index into `timeline.events` of the selected event.
    pub selected: Option<usize>,
    /// Index of the event under the pointer this frame.
    pub hovered: Option<usize>,
    /// First lane shown when there are more lanes than fit.
    pub lane_scroll: usize,
    /// Lanes shown a page at a time instead of scrolling (slides, presentation, exported
    /// pages: paper and projectors cannot scroll); `None` in the window.
    pub lane_paging: Option<LanePaging>,
    /// Changes whenever `lanes` is rebuilt (unique across sessions), so views derived from
    /// the lanes (the chronology's rows, the lane list's search) know when to work again.
    pub lanes_stamp: u64,
}

/// Which page of lanes the timeline shows when it pages rather than scrolls. The pages
/// themselves depend on how tall each lane stacks in the plot, so the drawing works them out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LanePaging {
    /// Exactly these lanes (indices into `lanes.lanes`): a page an exporter planned.
    Lanes(std::ops::Range<usize>),
    /// Page `n` (from 0) of the pages the plot holds; past the last shows the last.
    Page(usize),
    /// The page holding lane `n` (the presented event's lane).
    Holding(usize),
}

/// The lanes a page shows and where it stands among the pages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageShown {
    pub lanes: std::ops::Range<usize>,
    /// From 0.
    pub index: usize,
    pub count: usize,
    /// Lanes in all.
    pub total: usize,
}

impl PageShown {
    /// "Lanes 11–20 of 25 · page 2 of 3".
    pub fn header(&self) -> String {
        header(&self.lanes, self.total, self.index, self.count)
    }
}

/// "Lanes 11–20 of 25 · page 2 of 3" for `lanes` (indices from 0), page `index` (from 0), the
/// words every paged view uses (exports, slides, the presentation).
pub fn header(lanes: &std::ops::Range<usize>, total: usize, index: usize, count: usize) -> String {
    if lanes.len() == 1 {
        return format!(
            "Lane {} of {total} · page {} of {count}",
            lanes.start + 1,
            index + 1
        );
    }
    format!(
        "Lanes {}–{} of {total} · page {} of {count}",
        lanes.start + 1,
        lanes.end,
        index + 1
    )
}

/// The next [`Session::lanes_stamp`].
fn next_stamp() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl Session {
    /// A session over a fresh extraction: a new, unsaved project with no edits.
    pub fn new(timeline: Timeline, settings: ViewSettings) -> Self {
        // Articles without a readable file (the sample, stdin) are simply not recorded.
        let (records, _unreadable) = ArticleRecord::for_timeline(&timeline);
        Self::from_project(Project::new(timeline, records), settings)
    }

    /// A session over an opened or recovered project.
    pub fn from_project(project: Project, settings: ViewSettings) -> Self {
        let mut settings = settings;
        settings.starred = project.annotations().starred.iter().cloned().collect();
        let timeline = project.visible_timeline();
        let lane_colours = lane_colours(&project);
        // Key events belong to a timeline: ids from another one would hide every event.
        settings.key_events.clear();
        sync_key_events(&mut settings, &timeline);
        let lanes = layout::build(&timeline, &settings);
        let window = TimeWindow::opening(&lanes.starts, lanes.extent, lanes.period)
            .unwrap_or_else(TimeWindow::last_month);
        Self {
            project,
            timeline,
            lane_colours,
            settings,
            lanes,
            window,
            window_request: Some(window),
            selected: None,
            hovered: None,
            lane_scroll: 0,
            lane_paging: None,
            lanes_stamp: next_stamp(),
        }
    }

    /// Call after changing `settings`: rebuilds lanes, keeps the window and the selection.
    pub fn settings_changed(&mut self) {
        sync_key_events(&mut self.settings, &self.timeline);
        self.lanes = layout::build(&self.timeline, &self.settings);
        self.lanes_stamp = next_stamp();
        self.lane_scroll = self
            .lane_scroll
            .min(self.lanes.lanes.len().saturating_sub(1));
    }

    /// Shows the corpus's own period (double-click, Home key, View ▸ Fit): every event but far
    /// outliers (a misread year), which stay reachable in the overview strip.
    pub fn fit_all(&mut self) {
        let window = (self.lanes.period.or(self.lanes.extent))
            .map_or_else(TimeWindow::last_month, |(a, b)| TimeWindow::fit(a, b));
        self.set_window(window);
    }

    /// Moves the view to `window` (made usable) on the next frame.
    pub fn set_window(&mut self, window: impl Into<TimeWindow>) {
        self.window = window.into().sanitised();
        self.window_request = Some(self.window);
    }

    /// Zooms by `factor` (< 1 zooms in) around the window's centre.
    pub fn zoom(&mut self, factor: f64) {
        self.set_window(self.window.zoomed(factor));
    }

    /// Pans by `fraction` of the window's width (negative: to the past).
    pub fn pan(&mut self, fraction: f64) {
        self.set_window(self.window.panned(fraction));
    }

    pub fn selected_event(&self) -> Option<&crate::model::Event> {
        self.timeline.events.get(self.selected?)
    }

    /// Selects the event with `id`, if there is one.
    pub fn select_id(&mut self, id: &str) -> bool {
        self.selected = self.timeline.events.iter().position(|e| e.id == id);
        self.selected.is_some()
    }

    /// The id of the selected event.
    pub fn selected_id(&self) -> Option<String> {
        self.selected_event().map(|e| e.id.clone())
    }

    /// Applies a correction to the project and shows it at once. Refused (with the reason)
    /// when its event or actor is not in the timeline.
    pub fn edit(&mut self, edit: Edit) -> Result<(), PendingReason> {
        self.project.edit(edit)?;
        self.refresh();
        Ok(())
    }

    /// Applies the corrections of one action as one undoable step and shows them with one
    /// rebuild (showing a hundred hidden events rebuilds the view once, and one undo takes
    /// them all back). Returns the refused ones with their reasons; the others stay applied.
    pub fn edit_all(&mut self, edits: Vec<Edit>) -> Vec<(Edit, PendingReason)> {
        let count = edits.len();
        let refused = self.project.edit_all(edits);
        if refused.len() < count {
            self.refresh();
        }
        refused
    }

    /// Takes back the last correction; `false` when there is none.
    pub fn undo(&mut self) -> bool {
        let undone = self.project.undo();
        if undone {
            self.refresh();
        }
        undone
    }

    /// Does the last undone correction again; `false` when there is none.
    pub fn redo(&mut self) -> bool {
        let redone = self.project.redo();
        if redone {
            self.refresh();
        }
        redone
    }

    /// Rebuilds what is drawn from the project, keeping the selection (by id) and the window.
    pub fn refresh(&mut self) {
        let selected = self.selected_id();
        self.timeline = self.project.visible_timeline();
        self.settings.starred = self.project.annotations().starred.iter().cloned().collect();
        // The digest is of the timeline as edited: work it out again when next needed.
        self.settings.key_events.clear();
        self.lane_colours = lane_colours(&self.project);
        self.selected = None;
        if let Some(id) = selected {
            self.select_id(&id);
        }
        self.settings_changed();
    }

    /// Hides the selected event (an undoable edit; shown again from the filters). Refused,
    /// with the reason, when the project cannot apply it; nothing happens with no selection.
    pub fn hide_selected(&mut self) -> Result<(), PendingReason> {
        match self.selected_id() {
            Some(event) => self.edit(Edit::Hide { event }),
            None => Ok(()),
        }
    }

    /// The edit that stars the selected event, or unstars it when it is starred.
    pub fn star_toggle(&self) -> Option<Edit> {
        let event = self.selected_id()?;
        Some(if self.settings.starred.contains(&event) {
            Edit::Unstar { event }
        } else {
            Edit::Star {
                event,
                position: None,
            }
        })
    }

    /// Stars or unstars the selected event (the briefing list); refused like
    /// [`Session::hide_selected`].
    pub fn toggle_star_selected(&mut self) -> Result<(), PendingReason> {
        match self.star_toggle() {
            Some(edit) => self.edit(edit),
            None => Ok(()),
        }
    }

    /// Shows or hides the lane with `key`.
    pub fn set_lane_hidden(&mut self, key: &str, hidden: bool) {
        if hidden {
            self.settings.hidden_lanes.insert(key.to_string());
        } else {
            self.settings.hidden_lanes.remove(key);
        }
        self.settings_changed();
    }

    /// Moves a lane up (`delta` < 0) or down among its siblings.
    pub fn move_lane(&mut self, key: &str, delta: isize) {
        self.settings.lane_order = layout::lanes::moved(&self.lanes.listing, key, delta);
        self.settings_changed();
    }
}

/// The analyst's lane colours, keyed as the actor lanes are.
/// Fills `settings.key_events` from the digest when the "Key events only" filter is on and
/// they are not worked out yet, and empties them when it is off.
fn sync_key_events(settings: &mut ViewSettings, timeline: &Timeline) {
    if !settings.filters.key_events_only {
        settings.key_events.clear();
    } else if settings.key_events.is_empty() {
        settings.key_events = digest::key_event_ids(timeline, KEY_DATES)
            .into_iter()
            .collect();
    }
}

fn lane_colours(project: &Project) -> BTreeMap<String, Colour> {
    project
        .annotations()
        .colours
        .iter()
        .map(|(actor, colour)| (format!("actor:{actor}"), *colour))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::fixture::briefing;
    use crate::view::chronology::{DateOrder, event_rows};

    fn shown(session: &Session) -> usize {
        event_rows(
            &session.timeline,
            &session.lanes,
            None,
            DateOrder::OldestFirst,
        )
        .len()
    }

    #[test]
    fn a_batch_of_edits_applies_together_and_reports_only_the_refused_ones() {
        let mut session = Session::new(briefing(), ViewSettings::default());
        let all = shown(&session);
        for id in ["e-visit", "e-vienna"] {
            session.edit(Edit::Hide { event: id.into() }).unwrap();
        }
        assert_eq!(shown(&session), all - 2);
        let stamp = session.lanes_stamp;
        let refused = session.edit_all(vec![
            Edit::Unhide {
                event: "e-visit".into(),
            },
            Edit::Unhide {
                event: "no-such-event".into(),
            },
            Edit::Unhide {
                event: "e-vienna".into(),
            },
        ]);
        assert_eq!(refused.len(), 1, "{refused:?}");
        assert!(matches!(&refused[0].0, Edit::Unhide { event } if event == "no-such-event"));
        assert_eq!(shown(&session), all, "both events are back");
        assert_ne!(session.lanes_stamp, stamp, "the lanes were rebuilt");
        assert!(session.undo());
        assert_eq!(shown(&session), all - 2, "one undo takes the batch back");
        assert!(session.edit_all(Vec::new()).is_empty());
    }
}
