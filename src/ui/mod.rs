//! The eframe app: panels, the timeline widget, tooltips, dialogs.
//!
//! `app` is the thin shell; `timeline` is the widget (usable in any `Ui`, on or off screen);
//! `state` holds the session as plain data.

pub mod app;
pub mod detail;
pub mod edit_actor;
pub mod edit_event;
pub mod editing;
pub mod export_dialog;
pub mod loader;
pub mod overview;
pub mod paint;
pub mod palette;
pub mod present;
pub mod project_actions;
pub mod side_panel;
pub mod state;
pub mod timeline;
pub mod toasts;
pub mod tooltip;
pub mod unsaved_work;

use std::path::PathBuf;

use crate::ingest::LoadOptions;

pub use app::ChronolaneApp;
pub use state::{Persisted, Session};
pub use timeline::{TimelineResponse, timeline_ui};

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
