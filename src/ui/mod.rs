//! The eframe app, a thin shell: menus, panels, dialogs, editors, keyboard and mouse input,
//! loading, persistence. The session it shows is `view::Session`; the timeline it shows is
//! drawn by `draw` (the same code the exporters render off screen).

pub mod app;
pub mod chronology;
pub mod command;
pub mod detail;
pub mod edit_actor;
pub mod edit_event;
pub mod editing;
pub mod export_dialog;
mod load_timing;
pub mod loader;
pub mod overview;
pub mod present;
pub mod project_actions;
pub mod side_panel;
pub mod state;
pub mod toasts;
pub mod unsaved_work;

use std::path::PathBuf;

use crate::ingest::LoadOptions;

pub use app::ChronolaneApp;
pub use state::Persisted;

// What the app shows and how it draws it, re-exported for callers that drive the window's
// pieces directly (the frame benchmark).
pub use crate::draw::{TimelineResponse, timeline_ui};
pub use crate::view::Session;

/// Opens the desktop window on `files` (or on the bundled sample briefing when empty).
pub fn run_native(files: Vec<PathBuf>, options: LoadOptions) -> anyhow::Result<()> {
    let native = eframe::NativeOptions {
        viewport: eframe::egui::ViewportBuilder::default()
            .with_title("chronolane")
            .with_inner_size([1400.0, 860.0])
            .with_min_inner_size([760.0, 480.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "chronolane",
        native,
        Box::new(move |cc| {
            let persisted = cc
                .storage
                .and_then(|s| eframe::get_value::<Persisted>(s, eframe::APP_KEY));
            Ok(Box::new(ChronolaneApp::new(
                files,
                options,
                persisted,
                Some(cc.egui_ctx.clone()),
            )))
        }),
    )
    .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))
}
