//! The briefing as numbered slides (`slide-01.png`, ...): one image per presentation step,
//! drawn by the presentation view itself (`draw::present`), so a slide shows the page of lanes
//! holding its event and says which ("Lanes 11–20 of 25 · page 2 of 3", also in its text).

use std::path::{Path, PathBuf};

use crate::draw::present::present_ui;
use crate::view::{Presentation, briefing_steps};

use super::render::{Canvas, OffscreenRenderer};
use super::{ExportError, Source, TextChunk, text_chunks, write_png_atomic};

/// More slides than this is a data dump, not a briefing.
pub const MAX_SLIDES: usize = 500;

/// Writes one slide per briefing step (the starred events in the analyst's order, or every
/// visible event in time order) into `folder`, created if missing, overwriting slides of the
/// same names; returns the files written, in order.
pub fn export_slides(
    source: &Source,
    canvas: Canvas,
    title: &str,
    folder: &Path,
) -> Result<Vec<PathBuf>, ExportError> {
    let mut session = source.session();
    // Worked out once: the steps depend on the whole timeline, not on the slide.
    let steps = briefing_steps(&session);
    let count = steps.len();
    if count == 0 {
        return Err(ExportError::NothingToPresent);
    }
    if count > MAX_SLIDES {
        return Err(ExportError::TooManySlides(count));
    }
    std::fs::create_dir_all(folder).map_err(|source| ExportError::Folder {
        path: folder.display().to_string(),
        source,
    })?;
    let mut renderer = OffscreenRenderer::new()?;
    let digits = count.to_string().len().max(2);
    let mut written = Vec::with_capacity(count);
    for step in 0..count {
        let mut presentation = Presentation::at_step(&mut session, &steps, step);
        let image = renderer.render(canvas, &mut |ui| {
            present_ui(ui, &mut session, &mut presentation);
        })?;
        let path = folder.join(format!("slide-{:0digits$}.png", step + 1));
        let mut text = text_chunks(&session.timeline, title);
        if let Some(event) = presentation
            .current_event()
            .and_then(|i| session.timeline.events.get(i))
        {
            let chunk: TextChunk = (
                "Comment".to_string(),
                format!("Slide {} of {count}: {}", step + 1, event.label),
            );
            text.push(chunk);
        }
        if let Some(page) = presentation.page_shown.as_ref().filter(|p| p.count > 1) {
            let lanes = &session.lanes.lanes;
            let names: Vec<&str> = (lanes.get(page.lanes.clone()).unwrap_or_default().iter())
                .map(|l| l.label.as_str())
                .collect();
            text.push((
                "Lanes".to_string(),
                format!("{}: {}", page.header(), names.join(", ")),
            ));
        }
        write_png_atomic(&path, &image, &text)?;
        written.push(path);
    }
    Ok(written)
}
