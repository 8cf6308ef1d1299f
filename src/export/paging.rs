//! Every visible lane on paper: when the lanes do not fit the page at the widget's minimum lane
//! height, the export either shrinks the page's type down to a legible limit ("fit to page")
//! or splits the lanes over several pages with the same time axis, each headed "Lanes 1–30
//! of 47". It never leaves a lane out, unlike the window, which scrolls.

use std::ops::Range;
use std::path::{Path, PathBuf};

use eframe::egui::Rect;

use crate::draw::lane_fit;
use crate::view::Session;

use super::key_events::KeyEvent;
use super::page::{self, PageOptions};
use super::render::{Canvas, OffscreenRenderer};

/// How far "fit to page" may shrink the type before the lanes go onto more pages...
pub const MAX_SHRINK: f32 = 2.5;
/// ...and the fewest pixels per point it may leave (13-pt labels stay about 10 px tall).
const MIN_DENSITY: f32 = 0.75;
/// Lanes of slack the measurement keeps: the plot's axis settles its size over the first
/// passes, and a dry run makes only one.
const SLACK_LANES: f32 = 0.5;

/// What an export does with more lanes than fit its page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LaneOverflow {
    /// Draw the page at a lower density (smaller type, same pixel size) so every lane fits;
    /// past a legible limit, the rest go onto further pages.
    #[default]
    Shrink,
    /// Keep the type at its size and put the lanes that do not fit onto further pages.
    Pages,
}

impl LaneOverflow {
    pub const ALL: [Self; 2] = [Self::Shrink, Self::Pages];

    /// The dialog's wording.
    pub fn label(self) -> &'static str {
        match self {
            Self::Shrink => "Shrink to fit (pages past a legible size)",
            Self::Pages => "One page per screenful of lanes",
        }
    }
}

/// How the lanes go onto pages: the canvas every page is drawn on and the lanes of each page
/// (ranges into the session's lanes, in order, covering all of them).
#[derive(Clone, Debug, PartialEq)]
pub struct PagePlan {
    pub canvas: Canvas,
    pub pages: Vec<Range<usize>>,
    /// Lanes in all.
    pub total: usize,
}

impl PagePlan {
    /// The header a page of a paged export carries ("Lanes 31–47 of 47 · page 2 of 2"), or
    /// `None` when everything is on one page.
    pub fn header(&self, page: usize) -> Option<String> {
        if self.pages.len() < 2 {
            return None;
        }
        let lanes = self.pages.get(page)?;
        Some(format!(
            "Lanes {}–{} of {} · page {} of {}",
            lanes.start + 1,
            lanes.end,
            self.total,
            page + 1,
            self.pages.len()
        ))
    }
}

/// Plans the pages for `session` on `canvas` (see the module's doc). Leaves the session's
/// pending window as it found it.
pub fn plan(
    canvas: Canvas,
    session: &mut Session,
    page: &PageOptions,
    key_events: &[KeyEvent],
    overflow: LaneOverflow,
) -> PagePlan {
    let total = session.lanes.lanes.len();
    let one_page = |canvas| PagePlan {
        canvas,
        pages: std::iter::once(0..total).collect(),
        total,
    };
    let needed = lane_fit::height_for(total as f32 + SLACK_LANES);
    let plot = plot_height(canvas, session, page, None, key_events);
    if plot <= 0.0 || plot >= needed {
        return one_page(canvas);
    }
    let shrunk = shrunk(canvas, plot, needed);
    if overflow == LaneOverflow::Shrink && shrunk.fits {
        return one_page(shrunk.canvas);
    }
    let canvas = match overflow {
        LaneOverflow::Shrink => shrunk.canvas,
        LaneOverflow::Pages => canvas,
    };
    // The header takes a line of its own on every page; measure with one of its length.
    let header = format!("Lanes {total}–{total} of {total} · page 99 of 99");
    let plot = plot_height(canvas, session, page, Some(&header), key_events);
    let per_page = lanes_in(plot).max(1);
    PagePlan {
        canvas,
        pages: split(total, per_page),
        total,
    }
}

/// `path` for page `index` (from 0) of `count`: the path itself for a single page, else
/// `name-p1.png`, `name-p2.png`, ...
pub fn page_path(path: &Path, index: usize, count: usize) -> PathBuf {
    if count < 2 {
        return path.to_path_buf();
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = match path.extension() {
        Some(ext) => format!("{stem}-p{}.{}", index + 1, ext.to_string_lossy()),
        None => format!("{stem}-p{}", index + 1),
    };
    path.with_file_name(name)
}

struct Shrunk {
    canvas: Canvas,
    /// Every lane fits at this size.
    fits: bool,
}

/// The page laid out larger and drawn at a lower density, like a printer's "fit to page":
/// the image keeps its pixel size and the type gets smaller, within [`MAX_SHRINK`] and
/// [`MIN_DENSITY`].
fn shrunk(canvas: Canvas, plot: f32, needed: f32) -> Shrunk {
    let overhead = canvas.size_points.y - plot;
    let wanted = (needed + overhead) / canvas.size_points.y;
    let limit = MAX_SHRINK.min(canvas.pixels_per_point / MIN_DENSITY);
    let factor = wanted.min(limit);
    if factor <= 1.0 {
        return Shrunk {
            canvas,
            fits: false,
        };
    }
    Shrunk {
        canvas: Canvas {
            size_points: canvas.size_points * factor,
            pixels_per_point: canvas.pixels_per_point / factor,
            ..canvas
        },
        fits: wanted <= limit,
    }
}

/// Lanes that fit a plot `plot` points tall at the minimum pitch, with the slack kept.
fn lanes_in(plot: f32) -> usize {
    let lanes = (plot - lane_fit::LANE_MARGIN) / lane_fit::MIN_PITCH - SLACK_LANES;
    lanes.floor().max(0.0) as usize
}

/// `total` lanes in pages of at most `per_page`, as even as they go (47 in pages of 30 is
/// 24 + 23, not 30 + 17).
fn split(total: usize, per_page: usize) -> Vec<Range<usize>> {
    let pages = total.div_ceil(per_page.max(1)).max(1);
    let (base, extra) = (total / pages, total % pages);
    let mut start = 0;
    (0..pages)
        .map(|i| {
            let len = base + usize::from(i < extra);
            let range = start..start + len;
            start += len;
            range
        })
        .collect()
}

/// The plot's height on `canvas` when the page is drawn with `header`, by a dry run.
fn plot_height(
    canvas: Canvas,
    session: &mut Session,
    page: &PageOptions,
    header: Option<&str>,
    key_events: &[KeyEvent],
) -> f32 {
    let request = session.window_request;
    let mut plot = Rect::NOTHING;
    OffscreenRenderer::dry_run(canvas, &mut |ui| {
        plot = page::page_ui(ui, session, page, header, key_events).plot_rect;
    });
    // The dry run consumed the pending window; the real render needs it again.
    session.window_request = request.or(Some(session.window));
    if plot.is_positive() {
        plot.height()
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lanes_split_into_even_pages_that_cover_every_lane() {
        assert_eq!(split(47, 30), vec![0..24, 24..47]);
        assert_eq!(split(10, 30), vec![0..10]);
        assert_eq!(split(61, 30), vec![0..21, 21..41, 41..61]);
        assert_eq!(split(3, 1), vec![0..1, 1..2, 2..3]);
    }

    #[test]
    fn pages_are_numbered_beside_the_file_asked_for() {
        let path = Path::new("/tmp/out/brief.png");
        assert_eq!(page_path(path, 0, 1), path);
        assert_eq!(page_path(path, 1, 3), Path::new("/tmp/out/brief-p2.png"));
        assert_eq!(page_path(Path::new("brief"), 0, 2), Path::new("brief-p1"));
    }

    #[test]
    fn the_header_counts_lanes_from_one() {
        let plan = PagePlan {
            canvas: Canvas {
                size_points: eframe::egui::vec2(100.0, 100.0),
                pixels_per_point: 1.0,
                dark: false,
            },
            pages: vec![0..24, 24..47],
            total: 47,
        };
        assert_eq!(
            plan.header(1).as_deref(),
            Some("Lanes 25–47 of 47 · page 2 of 2")
        );
    }
}
