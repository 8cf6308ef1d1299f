//! The one-page briefing: the page an analyst prints for the briefing room. The corpus's own
//! period (far outliers left aside) on one landscape page in A4's proportions, the key events
//! numbered on the timeline and listed with date, headline and sources, a title, the period
//! and the number of sources under it, the legend and the sources footer. When every lane
//! does not fit even on smaller type, the page shows the lanes of the key events (saying how
//! many of how many); only if those still do not fit does it go onto a second page.

use crate::layout::ticks::window_caption;
use crate::layout::time::{date_from_x, long_date};

use super::key_events::key_events;
use super::page::{Banner, PageOptions};
use super::paging::{self, LaneOverflow};
use super::render::Canvas;
use super::{PageSpec, Source, ViewChoice};

/// The page in points: A4 landscape's proportions (√2 : 1)...
pub const PAGE_POINTS: (f32, f32) = (1400.0, 990.0);
/// ...drawn at 2.5 pixels per point: 3500 × 2475 px, about 300 dpi on A4, where the lane
/// names' 13 points print at about 8 pt.
pub const DENSITY: f32 = 2.5;

/// What the analyst chose that the preset keeps.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BriefingOptions {
    /// The page's title; by default "Briefing · <period>".
    pub title: Option<String>,
    pub banner: Option<Banner>,
    pub dark: bool,
}

/// The source (narrowed to the key events' lanes when all lanes do not fit) and the page for
/// a one-page briefing of `source`.
pub fn one_page(source: &Source, options: &BriefingOptions) -> (Source, PageSpec) {
    let mut spec = PageSpec {
        canvas: Canvas {
            size_points: eframe::egui::vec2(PAGE_POINTS.0, PAGE_POINTS.1),
            pixels_per_point: DENSITY,
            dark: options.dark,
        },
        page: PageOptions {
            // Stand-ins of the final lines' height while the lanes are fitted.
            title: "Briefing".to_string(),
            subtitle: "Period".to_string(),
            banner: options.banner.clone(),
            legend: true,
            footer: true,
            key_events: true,
        },
        view: ViewChoice::Whole,
        lanes: LaneOverflow::Shrink,
    };
    let all_lanes = lanes_and_pages(source, &spec);
    let mut chosen = source.clone();
    let mut note = String::new();
    if all_lanes.1 > 1 {
        let mut narrowed = source.clone();
        narrowed.settings.filters.key_events_only = true;
        let key_lanes = lanes_and_pages(&narrowed, &spec);
        // A corpus with no key events (no sources to weigh) keeps every lane.
        if key_lanes.0 > 0 {
            note = format!(
                " · lanes with key events: {} of {}",
                key_lanes.0, all_lanes.0
            );
            chosen = narrowed;
        }
    }
    let session = chosen.session();
    let span = session.lanes.period.or(session.lanes.extent);
    // The title names the months; the subtitle the days, first to last.
    let period = span.map(|(a, b)| window_caption(a, b)).unwrap_or_default();
    let days = span
        .and_then(|(a, b)| Some((date_from_x(a)?, date_from_x(b - 1e-9)?)))
        .map(|(a, b)| {
            if a == b {
                long_date(a)
            } else {
                format!("{} – {}", long_date(a), long_date(b))
            }
        })
        .unwrap_or_default();
    let articles = session.timeline.articles.len();
    let sources = match articles {
        1 => "1 source".to_string(),
        n => format!("{n} sources"),
    };
    let events = session.lanes.starts.len();
    spec.page.title = match &options.title {
        Some(title) if !title.trim().is_empty() => title.trim().to_string(),
        _ if period.is_empty() => "Briefing".to_string(),
        _ => format!("Briefing · {period}"),
    };
    spec.page.subtitle = if days.is_empty() {
        format!("{sources} · {events} events{note}")
    } else {
        format!("Period {days} · {sources} · {events} events{note}")
    };
    (chosen, spec)
}

/// How many lanes `source` shows and on how many pages `spec` would put them.
fn lanes_and_pages(source: &Source, spec: &PageSpec) -> (usize, usize) {
    let mut session = source.session();
    session.fit_all();
    let keys = key_events(&session);
    let plan = paging::plan(spec.canvas, &mut session, &spec.page, &keys, spec.lanes);
    (plan.total, plan.pages.len())
}
