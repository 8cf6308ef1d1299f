//! The app's state as plain data, changed through a few methods so the logic is testable
//! without drawing: what is loaded, what the analyst chose to see, what is selected.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::layout::overview::fit;
use crate::layout::{self, LaneSet, ViewSettings};
use crate::model::Timeline;

/// What survives a restart (eframe persistence).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Persisted {
    pub settings: ViewSettings,
    /// The visible window, in axis days, restored when the same files open again.
    pub window: Option<(f64, f64)>,
    pub theme: ThemeChoice,
    /// Most recent first.
    pub recent: Vec<PathBuf>,
    /// The files open when the app closed (empty for the sample).
    pub open_files: Vec<PathBuf>,
}

/// Light, dark, or whatever the system uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

/// How many recent files the File menu keeps.
pub const MAX_RECENT: usize = 10;

/// A loaded timeline and the view of it.
pub struct Session {
    pub timeline: Timeline,
    pub settings: ViewSettings,
    /// Rebuilt whenever the timeline or the settings change.
    pub lanes: LaneSet,
    /// The visible window, in axis days.
    pub window: (f64, f64),
    /// A window the plot should jump to on its next frame (fit, keyboard, overview drag).
    pub window_request: Option<(f64, f64)>,
    /// Index into `timeline.events` of the selected event.
    pub selected: Option<usize>,
    /// Index of the event under the pointer this frame.
    pub hovered: Option<usize>,
    /// First lane shown when there are more lanes than fit.
    pub lane_scroll: usize,
}

impl Session {
    pub fn new(timeline: Timeline, settings: ViewSettings) -> Self {
        let lanes = layout::build(&timeline, &settings);
        let window = layout::overview::focus_window(&lanes.starts, lanes.extent)
            .unwrap_or_else(default_window);
        Self {
            timeline,
            settings,
            lanes,
            window,
            window_request: Some(window),
            selected: None,
            hovered: None,
            lane_scroll: 0,
        }
    }

    /// Call after changing `settings`: rebuilds lanes, keeps the window and the selection.
    pub fn settings_changed(&mut self) {
        self.lanes = layout::build(&self.timeline, &self.settings);
        self.lane_scroll = self
            .lane_scroll
            .min(self.lanes.lanes.len().saturating_sub(1));
    }

    /// Shows every event (double-click, Home key, View ▸ Fit).
    pub fn fit_all(&mut self) {
        let window = self
            .lanes
            .extent
            .map_or_else(default_window, |(a, b)| fit(a, b));
        self.set_window(window);
    }

    /// Moves the view to `window` on the next frame.
    pub fn set_window(&mut self, window: (f64, f64)) {
        let w = layout::Window {
            x_min: window.0,
            x_max: window.1,
            width_px: 1.0,
        }
        .sanitised();
        self.window = (w.x_min, w.x_max);
        self.window_request = Some(self.window);
    }

    /// Zooms by `factor` (< 1 zooms in) around the window's centre.
    pub fn zoom(&mut self, factor: f64) {
        let (a, b) = self.window;
        let mid = (a + b) / 2.0;
        let half = (b - a) / 2.0 * factor;
        self.set_window((mid - half, mid + half));
    }

    /// Pans by `fraction` of the window's width (negative: to the past).
    pub fn pan(&mut self, fraction: f64) {
        let (a, b) = self.window;
        let shift = (b - a) * fraction;
        self.set_window((a + shift, b + shift));
    }

    pub fn selected_event(&self) -> Option<&crate::model::Event> {
        self.timeline.events.get(self.selected?)
    }

    /// Selects the event with `id`, if there is one.
    pub fn select_id(&mut self, id: &str) -> bool {
        self.selected = self.timeline.events.iter().position(|e| e.id == id);
        self.selected.is_some()
    }

    /// Hides the selected event (it stays hidden until shown again from the filters).
    pub fn hide_selected(&mut self) {
        if let Some(event) = self.selected_event() {
            let id = event.id.clone();
            self.settings.hidden_events.insert(id);
            self.selected = None;
            self.settings_changed();
        }
    }

    /// Stars or unstars the selected event.
    pub fn toggle_star_selected(&mut self) {
        if let Some(event) = self.selected_event() {
            let id = event.id.clone();
            if !self.settings.starred.remove(&id) {
                self.settings.starred.insert(id);
            }
            self.settings_changed();
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

/// The window for an empty timeline: the last month.
fn default_window() -> (f64, f64) {
    let today = layout::time::x_from_date(chrono::Local::now().date_naive());
    (today - 30.0, today + 1.0)
}
