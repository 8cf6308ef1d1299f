//! Lanes a page at a time, for what cannot scroll: exported pages, slides and the presentation.
//! A page holds as many lanes as fit once each has stacked its same-day events into rows, so
//! a busy lane takes the room it needs instead of collapsing its days into "+N" badges, and
//! the pages come out about equally full. The exporter, the slides and the presentation all
//! page by this one rule and say so in the same words ("Lanes 11–20 of 25 · page 2 of 3").

use std::ops::Range;

use crate::layout::hit::{LANE_PAD_PX, ROW_PX};
pub use crate::view::session::{PageShown, header};
use crate::view::{LanePaging, Session};

use super::axis::{self, AxisView};
use super::lane_fit;
use super::lane_layout::max_rows;

/// A day deeper than this many events is "truly deep": paging gives a lane room for this many
/// stacked rows at most, and deeper days show a count that opens as a list. Without a cap one
/// busy lane at a wide zoom would take a page to itself.
pub const DEEPEST_PAGED_ROWS: u8 = 4;

/// How tall each lane draws in a plot `plot_height` tall over `view`: its stacked rows of
/// marks, at most [`DEEPEST_PAGED_ROWS`], never under the narrowest pitch (the rule
/// `lane_layout` draws by).
pub fn lane_heights(session: &Session, view: &AxisView, plot_height: f32) -> Vec<f32> {
    let total = session.lanes.lanes.len();
    let rows = max_rows(plot_height).min(DEEPEST_PAGED_ROWS);
    let marks = axis::marks(&session.lanes, view, 0..total, rows);
    marks
        .rows
        .iter()
        .map(|&rows| (f32::from(rows.max(1)) * ROW_PX + LANE_PAD_PX).max(lane_fit::MIN_PITCH))
        .collect()
}

/// Lanes of `heights` in pages of at most `room` points each (a lane taller than that gets a
/// page of its own): as few pages as the greedy fill needs, then evened out by shrinking the
/// room while the count holds, so 25 equal lanes that fit 20 to a page go 13 + 12, not 20 + 5.
pub fn paginate(heights: &[f32], room: f32) -> Vec<Range<usize>> {
    let fill = |room: f32| -> Vec<Range<usize>> {
        let mut pages = Vec::new();
        let (mut start, mut used) = (0, 0.0);
        for (i, &h) in heights.iter().enumerate() {
            if i > start && used + h > room {
                pages.push(start..i);
                (start, used) = (i, 0.0);
            }
            used += h;
        }
        pages.push(start..heights.len());
        pages
    };
    let pages = fill(room);
    if pages.len() < 2 {
        return pages;
    }
    let tallest = heights.iter().copied().fold(0.0_f32, f32::max);
    let (mut low, mut high) = (tallest, room.max(tallest));
    for _ in 0..24 {
        let mid = (low + high) / 2.0;
        if fill(mid).len() <= pages.len() {
            high = mid;
        } else {
            low = mid;
        }
    }
    fill(high)
}

/// The page of lanes the timeline shows in a plot `plot_height` tall over `view`, when the
/// session pages its lanes (`None` when it scrolls them).
pub fn shown(session: &Session, view: &AxisView, plot_height: f32) -> Option<PageShown> {
    let paging = session.lane_paging.as_ref()?;
    let total = session.lanes.lanes.len();
    if let LanePaging::Lanes(lanes) = paging {
        // The exporter planned this page; it numbers its pages itself.
        return Some(PageShown {
            lanes: lanes.start.min(total)..lanes.end.min(total),
            index: 0,
            count: 1,
            total,
        });
    }
    let heights = lane_heights(session, view, plot_height);
    let pages = paginate(&heights, plot_height - lane_fit::LANE_MARGIN);
    chosen(paging, &pages, total)
}

/// The page `paging` asks for among `pages`, or `None` when there are none.
pub fn chosen(paging: &LanePaging, pages: &[Range<usize>], total: usize) -> Option<PageShown> {
    let last = pages.len().checked_sub(1)?;
    let index = match paging {
        LanePaging::Lanes(lanes) => pages.iter().position(|p| p == lanes).unwrap_or(0),
        LanePaging::Page(n) => (*n).min(last),
        LanePaging::Holding(lane) => pages.iter().position(|p| p.contains(lane)).unwrap_or(0),
    };
    Some(PageShown {
        lanes: pages[index].clone(),
        index,
        count: pages.len(),
        total,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_lanes_split_into_even_pages_that_cover_every_lane() {
        let lanes = |n: usize| vec![30.0; n];
        assert_eq!(paginate(&lanes(47), 900.0), vec![0..24, 24..47]);
        assert_eq!(paginate(&lanes(10), 900.0), vec![0..10]);
        assert_eq!(paginate(&lanes(25), 600.0), vec![0..13, 13..25]);
        assert_eq!(paginate(&lanes(3), 10.0), vec![0..1, 1..2, 2..3]);
    }

    #[test]
    fn a_tall_stacked_lane_takes_the_room_of_several() {
        // Lane 2 stacks five rows (116 pt): the first page holds fewer lanes.
        let mut heights = vec![30.0; 12];
        heights[2] = 116.0;
        let pages = paginate(&heights, 240.0);
        for page in &pages {
            let used: f32 = heights[page.clone()].iter().sum();
            assert!(used <= 240.0, "{page:?} needs {used}");
        }
        assert_eq!(pages.first().map(|p| p.start), Some(0));
        assert_eq!(pages.last().map(|p| p.end), Some(12));
        assert!(pages.windows(2).all(|w| w[0].end == w[1].start));
        assert!(pages[0].len() < pages[1].len(), "{pages:?}");
    }

    #[test]
    fn the_page_holding_a_lane_is_found_and_page_numbers_are_clamped() {
        let pages = vec![0..10, 10..20, 20..25];
        let shown = chosen(&LanePaging::Holding(12), &pages, 25).expect("a page");
        assert_eq!(shown.header(), "Lanes 11–20 of 25 · page 2 of 3");
        let last = chosen(&LanePaging::Page(9), &pages, 25).expect("a page");
        assert_eq!(last.lanes, 20..25);
        assert_eq!(chosen(&LanePaging::Page(0), &[], 0), None);
    }
}
