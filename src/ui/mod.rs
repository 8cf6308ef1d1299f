//! The eframe app: panels, the timeline widget, tooltips, dialogs.

use std::path::PathBuf;

use crate::ingest::LoadOptions;

/// Opens the desktop window on `files` (or on the bundled sample briefing when empty).
pub fn run_native(files: Vec<PathBuf>, options: LoadOptions) -> anyhow::Result<()> {
    let _ = (files, options);
    anyhow::bail!("the app is being built")
}
