//! What the desktop app keeps between runs (eframe persistence): the view settings, the
//! window, the theme and the recent files. The session itself is `view::Session`.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::layout::ViewSettings;
use crate::view::TimeWindow;

/// What survives a restart (eframe persistence).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Persisted {
    pub settings: ViewSettings,
    /// The visible window, restored when the same files open again.
    pub window: Option<TimeWindow>,
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
