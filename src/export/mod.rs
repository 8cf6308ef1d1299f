//! Exporters that draw: PNG and SVG pages of the timeline and numbered briefing slides. All
//! are drawn off screen by the same drawing code as the window (`draw::timeline_ui`,
//! `draw::present::present_ui`), so an export looks like the screen at any size; the SVG is
//! written from the very shapes the PNG rasterises.

pub mod briefing;
pub mod chronology;
pub mod key_events;
pub mod page;
pub mod paging;
pub mod png_file;
pub mod render;
pub mod slides;
pub mod svg;

use std::path::{Path, PathBuf};

use crate::layout::ViewSettings;
use crate::model::Timeline;
use crate::project::Project;
use crate::view::wording::sources_line;
use crate::view::{LanePaging, Session, TimeWindow};

pub use key_events::KeyEvent;
pub use page::{Banner, PageOptions};
pub use paging::LaneOverflow;
pub use png_file::{TextChunk, read_png, write_atomic, write_png_atomic};
pub use render::{Canvas, Captured, OffscreenRenderer, RenderError, RgbaImage};
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

/// Everything that decides one exported page (PNG or SVG).
#[derive(Clone, Debug, PartialEq)]
pub struct PageSpec {
    pub canvas: Canvas,
    pub page: PageOptions,
    pub view: ViewChoice,
    /// What to do with more lanes than fit: never drop them.
    pub lanes: LaneOverflow,
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

/// One file an export wrote.
#[derive(Clone, Debug, PartialEq)]
pub struct Written {
    pub path: PathBuf,
    /// The page's size in pixels (an SVG's width and height).
    pub width: u32,
    pub height: u32,
    /// The names of the lanes on this page, top to bottom.
    pub lanes: Vec<String>,
}

/// Renders and writes the PNG (atomically, with title, sources and lanes in its text chunks),
/// or `name-p1.png`, `name-p2.png`, ... when the lanes go onto several pages.
pub fn export_png(
    source: &Source,
    spec: &PageSpec,
    path: &Path,
) -> Result<Vec<Written>, ExportError> {
    let mut renderer = OffscreenRenderer::new()?;
    let mut written = Vec::new();
    for_each_page(source, spec, |session, canvas, page| {
        let image = renderer.render(canvas, &mut |ui| page.ui(ui, session, &spec.page))?;
        let path = paging::page_path(path, page.index, page.count);
        let lanes = lane_names(session);
        let mut text = text_chunks(&session.timeline, &spec.page.title);
        text.push((
            "Lanes".to_string(),
            lanes_chunk(page.header.as_deref(), &lanes),
        ));
        write_png_atomic(&path, &image, &text)?;
        written.push(Written {
            path,
            width: image.width,
            height: image.height,
            lanes,
        });
        Ok(())
    })?;
    Ok(written)
}

/// Writes the page as SVG drawn from the same shapes the PNG rasterises (text stays text), or
/// `name-p1.svg`, ... when the lanes go onto several pages. Needs no graphics adapter.
pub fn export_svg(
    source: &Source,
    spec: &PageSpec,
    path: &Path,
) -> Result<Vec<Written>, ExportError> {
    let mut written = Vec::new();
    for_each_page(source, spec, |session, canvas, page| {
        let captured =
            OffscreenRenderer::capture(canvas, &mut |ui| page.ui(ui, session, &spec.page))?;
        let path = paging::page_path(path, page.index, page.count);
        let lanes = lane_names(session);
        let meta = svg::Meta {
            title: spec.page.title.trim().to_string(),
            description: format!(
                "{} · {}",
                sources_line(&session.timeline),
                lanes_chunk(page.header.as_deref(), &lanes)
            ),
        };
        let text = svg::to_svg(&captured, &meta);
        write_atomic(&path, text.as_bytes())?;
        written.push(Written {
            path,
            width: captured.size_px.0,
            height: captured.size_px.1,
            lanes,
        });
        Ok(())
    })?;
    Ok(written)
}

/// Writes `path` in the format its extension names (`.svg`, else PNG).
pub fn export_file(
    source: &Source,
    spec: &PageSpec,
    path: &Path,
) -> Result<Vec<Written>, ExportError> {
    match Format::of_path(path) {
        Format::Svg => export_svg(source, spec, path),
        Format::Png => export_png(source, spec, path),
    }
}

/// The file formats a page exports to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    #[default]
    Png,
    /// Vector, for slides and print: shapes and real text.
    Svg,
}

impl Format {
    pub const ALL: [Self; 2] = [Self::Png, Self::Svg];

    /// SVG for a `.svg` name (any case), PNG otherwise.
    pub fn of_path(path: &Path) -> Self {
        match path.extension() {
            Some(ext) if ext.eq_ignore_ascii_case("svg") => Self::Svg,
            _ => Self::Png,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::Png => "png",
            Self::Svg => "svg",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Png => "PNG image",
            Self::Svg => "SVG (vector, text stays text)",
        }
    }
}

/// Which page of how many is being drawn, and its header.
struct PageAt {
    index: usize,
    count: usize,
    header: Option<String>,
    key_events: Vec<KeyEvent>,
}

impl PageAt {
    /// Draws this page of the export into `ui`.
    fn ui(&self, ui: &mut eframe::egui::Ui, session: &mut Session, options: &PageOptions) {
        page::page_ui(
            ui,
            session,
            options,
            self.header.as_deref(),
            &self.key_events,
        );
    }
}

/// Runs `draw` once per page with the session showing that page's lanes over the same window
/// (the same axis on every page), and the canvas the plan chose.
fn for_each_page(
    source: &Source,
    spec: &PageSpec,
    mut draw: impl FnMut(&mut Session, Canvas, &PageAt) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    let mut session = source.session();
    set_view(&mut session, spec.view);
    let key_events = if spec.page.key_events {
        key_events::key_events(&session)
    } else {
        Vec::new()
    };
    let plan = paging::plan(
        spec.canvas,
        &mut session,
        &spec.page,
        &key_events,
        spec.lanes,
    );
    let window = session.window;
    for (index, range) in plan.pages.iter().enumerate() {
        // Every page keeps all the lanes (so one compressed axis serves them all) and shows
        // its own.
        session.lane_paging = Some(LanePaging::Lanes(range.clone()));
        session.lane_scroll = 0;
        session.set_window(window);
        let page = PageAt {
            index,
            count: plan.pages.len(),
            header: plan.header(index),
            key_events: key_events.clone(),
        };
        draw(&mut session, plan.canvas, &page)?;
    }
    Ok(())
}

/// Sets the session to the window `view` names.
fn set_view(session: &mut Session, view: ViewChoice) {
    match view {
        ViewChoice::Opening => {}
        ViewChoice::Whole => session.fit_all(),
        ViewChoice::Window(window) => session.set_window(window),
    }
}

/// The names of the lanes the page shows.
fn lane_names(session: &Session) -> Vec<String> {
    let lanes = &session.lanes.lanes;
    let range = match &session.lane_paging {
        Some(LanePaging::Lanes(range)) => range.start.min(lanes.len())..range.end.min(lanes.len()),
        _ => 0..lanes.len(),
    };
    lanes[range].iter().map(|l| l.label.clone()).collect()
}

/// "Lanes 1–24 of 47 · page 1 of 2: Russia, Syria, ..." (or "Lanes: Russia, ..." on a single
/// page), so a file found later names what it shows.
fn lanes_chunk(header: Option<&str>, lanes: &[String]) -> String {
    format!("{}: {}", header.unwrap_or("Lanes"), lanes.join(", "))
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
