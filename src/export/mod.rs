//! Exporters that draw: PNG images of the timeline and numbered briefing slides. Both are
//! rendered off screen by the same drawing code as the window (`draw::timeline_ui`,
//! `draw::present::present_ui`), so an export looks like the screen at any size.

pub mod chronology;
pub mod page;
pub mod png_file;
pub mod render;
pub mod slides;

use std::path::Path;

use crate::draw::lane_fit;
use crate::layout::ViewSettings;
use crate::model::Timeline;
use crate::project::Project;
use crate::view::wording::sources_line;
use crate::view::{Session, TimeWindow};

pub use page::{Banner, PageOptions};
pub use png_file::{TextChunk, read_png, write_png_atomic};
pub use render::{Canvas, OffscreenRenderer, RenderError, RgbaImage};
pub use slides::export_slides;

/// Which span of time the image shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ViewChoice {
    /// The view the app opens with: where most events are, leaving far outliers aside.
    Opening,
    /// Every event, with a little margin.
    Whole,
    /// This window (the view on screen).
    Window(TimeWindow),
}

/// Everything that decides one exported image.
#[derive(Clone, Debug, PartialEq)]
pub struct PngSpec {
    pub canvas: Canvas,
    pub page: PageOptions,
    pub view: ViewChoice,
}

/// Why an export failed; each variant's message is meant for the analyst.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Render(#[from] RenderError),
    #[error(transparent)]
    Png(#[from] png_file::PngError),
    #[error("could not create the folder {path}: {source}")]
    Folder {
        path: String,
        source: std::io::Error,
    },
    #[error("there is nothing to present: no events are visible")]
    NothingToPresent,
    #[error(
        "the briefing has {0} steps, too many for slides (at most {max}); star the events to \
         brief or narrow the filters",
        max = slides::MAX_SLIDES
    )]
    TooManySlides(usize),
}

/// What an export draws: the analyst's project (edits, stars, colours and hidden events
/// applied) seen through the app's view settings and grade filter, exactly as on screen.
/// Owned, so an export can run on a worker thread while the analyst keeps working.
#[derive(Clone, Debug)]
pub struct Source {
    pub project: Project,
    pub settings: ViewSettings,
}

impl Source {
    /// A fresh extraction with no edits (the command line).
    pub fn from_timeline(timeline: Timeline, settings: ViewSettings) -> Self {
        let session = Session::new(timeline, settings);
        Self {
            project: session.project,
            settings: session.settings,
        }
    }

    /// What the app shows now.
    pub fn of_session(session: &Session) -> Self {
        Self {
            project: session.project.clone(),
            settings: session.settings.clone(),
        }
    }

    /// A session to draw from, with nothing selected.
    pub fn session(&self) -> Session {
        Session::from_project(self.project.clone(), self.settings.clone())
    }
}

/// Renders the page for `source` as `spec` describes, with `renderer`.
///
/// An image shows every lane: when they do not fit at the widget's minimum lane height, the
/// page is laid out larger and drawn at a lower density (like a printer's "fit to page"), so
/// the image keeps its pixel size and the type gets smaller, within [`MAX_SHRINK`] and a
/// legible density; past that the widget's own "Lanes 1–N of M" hint says what is left out.
pub fn render_page(
    renderer: &mut OffscreenRenderer,
    source: &Source,
    spec: &PngSpec,
) -> Result<RgbaImage, ExportError> {
    let mut session = source.session();
    render_session(renderer, &mut session, spec)
}

fn render_session(
    renderer: &mut OffscreenRenderer,
    session: &mut Session,
    spec: &PngSpec,
) -> Result<RgbaImage, ExportError> {
    match spec.view {
        ViewChoice::Opening => {}
        ViewChoice::Whole => session.fit_all(),
        ViewChoice::Window(window) => session.set_window(window),
    }
    let page = spec.page.clone();
    let canvas = fit_lanes(spec.canvas, session, &page);
    let image = renderer.render(canvas, &mut |ui| {
        page::page_ui(ui, session, &page);
    })?;
    Ok(image)
}

/// Renders and writes one PNG (atomically, with title and sources in its text chunks);
/// returns the image's size in pixels.
pub fn export_png(source: &Source, spec: &PngSpec, path: &Path) -> Result<(u32, u32), ExportError> {
    let mut renderer = OffscreenRenderer::new()?;
    let mut session = source.session();
    let image = render_session(&mut renderer, &mut session, spec)?;
    write_png_atomic(
        path,
        &image,
        &text_chunks(&session.timeline, &spec.page.title),
    )?;
    Ok((image.width, image.height))
}

/// How far "fit to page" may shrink the type before lanes scroll instead...
pub const MAX_SHRINK: f32 = 2.5;
/// ...and the fewest pixels per point it may leave (13-pt labels stay about 10 px tall).
const MIN_DENSITY: f32 = 0.75;

/// The canvas on which every lane of `session` fits (see [`render_page`]).
fn fit_lanes(canvas: Canvas, session: &mut Session, page: &PageOptions) -> Canvas {
    let lanes = session.lanes.lanes.len() as f32;
    let request = session.window_request;
    let mut plot = eframe::egui::Rect::NOTHING;
    OffscreenRenderer::dry_run(canvas, &mut |ui| {
        plot = page::page_ui(ui, session, page).plot_rect;
    });
    // The dry run consumed the pending window; the real render needs it again.
    session.window_request = request.or(Some(session.window));
    // The widget's own rule, with half a lane of slack: the plot's axis settles its size over
    // the first passes.
    let needed = lane_fit::height_for(lanes + 0.5);
    if !plot.is_positive() || plot.height() >= needed {
        return canvas;
    }
    let overhead = canvas.size_points.y - plot.height();
    let factor = ((needed + overhead) / canvas.size_points.y)
        .min(MAX_SHRINK)
        .min(canvas.pixels_per_point / MIN_DENSITY);
    if factor <= 1.0 {
        return canvas;
    }
    Canvas {
        size_points: canvas.size_points * factor,
        pixels_per_point: canvas.pixels_per_point / factor,
        ..canvas
    }
}

/// Text chunks naming what the image shows and where it came from: the title, the software,
/// a one-line summary, and one `Source` chunk per article (title, date, file or URL).
pub fn text_chunks(timeline: &Timeline, title: &str) -> Vec<TextChunk> {
    /// Beyond this the per-article chunks would outweigh the image; the summary remains.
    const MAX_SOURCE_CHUNKS: usize = 500;
    let mut chunks = vec![
        ("Title".to_string(), title.trim().to_string()),
        ("Software".to_string(), "chronolane".to_string()),
        ("Description".to_string(), sources_line(timeline)),
    ];
    for article in timeline.articles.iter().take(MAX_SOURCE_CHUNKS) {
        let mut line = if article.title.is_empty() {
            article.id.clone()
        } else {
            article.title.clone()
        };
        if let Some(date) = article.published {
            line.push_str(&format!(" — {date}"));
        }
        if let Some(place) = article.url.as_ref().or(article.path.as_ref()) {
            line.push_str(&format!(" — {place}"));
        }
        chunks.push(("Source".to_string(), line));
    }
    chunks
}
