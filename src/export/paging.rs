//! Every visible lane on paper: when the lanes do not fit the page at the widget's minimum lane
//! height, the export either shrinks the page's type down to a legible limit ("fit to page")
//! or splits the lanes over several pages with the same time axis, each headed "Lanes 1–30
//! of 47". It never leaves a lane out, unlike the window, which scrolls.

use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::draw::axis::{self, AxisView};
use crate::draw::{lane_fit, lane_pages};
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
        Some(lane_pages::header(
            lanes,
            self.total,
            page,
            self.pages.len(),
        ))
    }
}

/// Plans the pages for `session` on `canvas` (see the module's doc): each lane measured at the
/// height its stacked same-day events take (`draw::lane_pages`), so a page holds its lanes'
/// events rather than folding busy days into count badges. Leaves the session's pending
/// window as it found it.
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
    let first = measure(canvas, session, page, None, key_events);
    if first.plot <= 0.0 || first.pages.len() < 2 {
        return one_page(canvas);
    }
    let slack = SLACK_LANES * lane_fit::MIN_PITCH;
    let limit = shrunk(canvas, first.plot, f32::INFINITY);
    if overflow == LaneOverflow::Shrink {
        // Shrunk as far as the stacked lanes need, within the legible limit, when that puts
        // them on one page (the wider page stacks less, so measure again)...
        let stacked = shrunk(canvas, first.plot, first.needed + slack);
        if stacked != canvas
            && measure(stacked, session, page, None, key_events)
                .pages
                .len()
                < 2
        {
            return one_page(stacked);
        }
        // ...else only as far as every lane needs at the narrowest pitch, the deepest days
        // counted: smaller type buys no stacking there.
        let unstacked = lane_fit::height_for(total as f32 + SLACK_LANES);
        let narrow = shrunk(canvas, first.plot, unstacked);
        if first.plot >= unstacked || narrow != limit {
            return one_page(narrow);
        }
    }
    let canvas = match overflow {
        LaneOverflow::Shrink => limit,
        LaneOverflow::Pages => canvas,
    };
    // The header takes a line of its own on every page; measure with one of its length.
    let header = format!("Lanes {total}–{total} of {total} · page 99 of 99");
    let pages = measure(canvas, session, page, Some(&header), key_events).pages;
    PagePlan {
        canvas,
        pages,
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

/// The page laid out larger and drawn at a lower density, like a printer's "fit to page":
/// the image keeps its pixel size and the type gets smaller, within [`MAX_SHRINK`] and
/// [`MIN_DENSITY`].
fn shrunk(canvas: Canvas, plot: f32, needed: f32) -> Canvas {
    let overhead = canvas.size_points.y - plot;
    let wanted = (needed + overhead) / canvas.size_points.y;
    let limit = MAX_SHRINK.min(canvas.pixels_per_point / MIN_DENSITY);
    let factor = wanted.min(limit);
    if factor <= 1.0 {
        return canvas;
    }
    Canvas {
        size_points: canvas.size_points * factor,
        pixels_per_point: canvas.pixels_per_point / factor,
        ..canvas
    }
}

/// A page's plot as a dry run lays it out, and the lanes on it.
struct Measured {
    /// The plot's height (0 when it could not be laid out).
    plot: f32,
    /// The lanes' pages on this plot.
    pages: Vec<Range<usize>>,
    /// The plot height that holds every lane, stacked, on one page.
    needed: f32,
}

/// The page on `canvas` drawn with `header`, by a dry run: its plot and the lanes' pages on it.
fn measure(
    canvas: Canvas,
    session: &mut Session,
    page: &PageOptions,
    header: Option<&str>,
    key_events: &[KeyEvent],
) -> Measured {
    let request = session.window_request;
    let mut measured = Measured {
        plot: 0.0,
        pages: Vec::new(),
        needed: 0.0,
    };
    OffscreenRenderer::dry_run(canvas, &mut |ui| {
        let plot = page::page_ui(ui, session, page, header, key_events).plot_rect;
        if !plot.is_positive() {
            return;
        }
        // A dry run makes one pass; the axis settles its size over the first few.
        let slack = SLACK_LANES * lane_fit::MIN_PITCH;
        let compressed = axis::axis_for(ui.ctx(), &session.lanes);
        let view = AxisView::of_days(compressed, session.window, plot.width());
        let heights = lane_pages::lane_heights(session, &view, plot.height());
        measured = Measured {
            plot: plot.height(),
            pages: lane_pages::paginate(&heights, plot.height() - slack - lane_fit::LANE_MARGIN),
            needed: heights.iter().sum::<f32>() + lane_fit::LANE_MARGIN,
        };
    });
    // The dry run consumed the pending window; the real render needs it again.
    session.window_request = request.or(Some(session.window));
    measured
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::ViewSettings;
    use crate::layout::fixture::briefing;
    use crate::model::{Timeline, When};
    use crate::view::LanePaging;

    /// `lanes` actors, each with three events on a day of its own, two days after the last's.
    fn crowded_days(lanes: usize) -> Timeline {
        let mut timeline = briefing();
        let (actor, event) = (timeline.actors[0].clone(), timeline.events[0].clone());
        timeline.actors.clear();
        timeline.events.clear();
        let first = chrono::NaiveDate::from_ymd_opt(2015, 10, 1).expect("a date");
        for a in 0..lanes {
            let id = format!("a{a}");
            timeline.actors.push(crate::model::Actor {
                id: id.clone(),
                name: format!("Actor {a}"),
                affiliation: None,
                aliases: Vec::new(),
                ..actor.clone()
            });
            for k in 0..3 {
                timeline.events.push(crate::model::Event {
                    id: format!("e{a}-{k}"),
                    when: When::day(first + chrono::Duration::days(2 * a as i64)),
                    actors: vec![id.clone()],
                    agents: Vec::new(),
                    label: format!("Step {k} by actor {a}"),
                    ..event.clone()
                });
            }
        }
        timeline
    }

    #[test]
    fn pages_hold_every_event_of_their_lanes_when_days_stack() {
        let mut session = Session::new(crowded_days(16), ViewSettings::default());
        session.fit_all();
        let window = session.window;
        let canvas = Canvas {
            size_points: eframe::egui::vec2(1000.0, 560.0),
            pixels_per_point: 1.0,
            dark: false,
        };
        let options = PageOptions {
            title: "Crowded days".into(),
            ..PageOptions::default()
        };
        let plan = plan(canvas, &mut session, &options, &[], LaneOverflow::Pages);
        assert!(plan.pages.len() > 1, "{:?}", plan.pages);
        for (index, lanes) in plan.pages.iter().enumerate() {
            session.lane_paging = Some(LanePaging::Lanes(lanes.clone()));
            session.set_window(window);
            let header = plan.header(index);
            let mut drawn = Vec::new();
            OffscreenRenderer::dry_run(plan.canvas, &mut |ui| {
                let response = page::page_ui(ui, &mut session, &options, header.as_deref(), &[]);
                drawn = response.drawn.iter().map(|(event, _)| *event).collect();
            });
            for lane in &session.lanes.lanes[lanes.clone()] {
                for entry in &lane.entries {
                    assert!(
                        drawn.contains(&(entry.event as usize)),
                        "page {}: {} shows its day as a count, not event {}",
                        index + 1,
                        lane.label,
                        entry.event
                    );
                }
            }
        }
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
