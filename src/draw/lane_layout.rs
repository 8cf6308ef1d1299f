//! How the lanes of one frame are laid out: which lanes show from the one scrolled to, how
//! tall each grows to hold its stacked rows of marks, within the rule of `lane_fit` that the
//! exporter sizes its pages by.

use std::ops::Range;

use crate::layout::hit::{LANE_PAD_PX, ROW_PX};
use crate::layout::{FrameMarks, LaneGeometry};
use crate::view::Session;

use super::axis::{self, AxisView};
use super::lane_fit::{self, LaneFit};

/// The first lane starts this far below the plot's top.
pub const LANE_TOP_PX: f32 = 4.0;

/// The rows of marks stack in, at most: as many as the plot is tall, so a lane never
/// outgrows the screen.
pub fn max_rows(plot_height: f32) -> u8 {
    ((plot_height - lane_fit::LANE_MARGIN - LANE_PAD_PX) / ROW_PX)
        .floor()
        .clamp(1.0, 255.0) as u8
}

/// This frame's marks and where their lanes sit.
pub struct LaidOut {
    pub marks: FrameMarks,
    pub geometry: LaneGeometry,
    /// Lanes shown, from `session.lane_scroll`.
    pub shown: usize,
}

/// The lanes from the first scrolled to, as many as fit in `plot_height` once their marks
/// have stacked, or exactly the lanes of `page` when the lanes are paged. A lane holding a
/// busy day grows; when the lanes scroll anyway it may leave room for fewer of them (never
/// under half a screenful), but when they all fit unstacked they all still show, and a page
/// shows all of its lanes.
pub fn lay_out_lanes(
    session: &mut Session,
    view: &AxisView,
    plot_height: f32,
    page: Option<Range<usize>>,
) -> LaidOut {
    let lane_count = session.lanes.lanes.len();
    let paged = page.is_some();
    let (first, candidates, LaneFit { pitch, fits }) = match page {
        Some(page) => {
            let page = page.start.min(lane_count)..page.end.min(lane_count);
            (
                page.start,
                page.clone(),
                lane_fit::fit(plot_height, page.len()),
            )
        }
        None => {
            let fit = lane_fit::fit(plot_height, lane_count);
            let first = first_scrolled(session, view, plot_height);
            (first, first..(first + fit.fits).min(lane_count), fit)
        }
    };
    let rows_allowed = max_rows(plot_height);
    let attempt = |rows_allowed: u8| {
        let marks = axis::marks(&session.lanes, view, candidates.clone(), rows_allowed);
        // Lanes that did not stack give up height (down to the narrowest pitch) to those
        // that did, so the same lanes still fit when they can.
        let needs: Vec<f32> = (marks.rows.iter())
            .map(|&r| f32::from(r) * ROW_PX + LANE_PAD_PX)
            .collect();
        let pitch = shrunk_pitch(&needs, pitch, plot_height - LANE_TOP_PX);
        let mut shown = 0;
        let mut y = LANE_TOP_PX;
        for &rows in &marks.rows {
            let height = pitch.max(f32::from(rows) * ROW_PX + LANE_PAD_PX);
            if shown > 0 && y + height > plot_height {
                break;
            }
            y += height;
            shown += 1;
        }
        (marks, pitch, shown)
    };
    let mut best = attempt(rows_allowed);
    // When every lane fits unstacked, stacking may not push one out (the exporter sizes its
    // pages by `lane_fit`): the deepest stacking that keeps them all; runs deeper than that
    // aggregate and open as a list.
    // Lanes that must show: all of a page, all of them when they fit unstacked, else at
    // least half of a screenful, so a busy lane cannot take the first screen from the main
    // actors.
    let must_show = if paged || lane_count <= fits {
        candidates.len()
    } else {
        (candidates.len() / 2).max(1)
    };
    if best.2 < must_show {
        // The deepest cap the unconstrained rows allow, worked out from them, then checked
        // (capping can only lower a lane's rows), stepping down while it still overflows.
        let room = plot_height - LANE_TOP_PX;
        let need = |cap: u8| -> f32 {
            (best.0.rows.iter().take(must_show))
                .map(|&r| (f32::from(r.min(cap)) * ROW_PX + LANE_PAD_PX).max(lane_fit::MIN_PITCH))
                .sum()
        };
        let mut cap = (1..rows_allowed)
            .rev()
            .find(|&c| need(c) <= room)
            .unwrap_or(1);
        loop {
            let tried = attempt(cap);
            if tried.2 >= must_show || cap == 1 {
                best = tried;
                break;
            }
            cap -= 1;
        }
    }
    let (mut marks, pitch, shown) = best;
    let end = first + shown;
    marks.rows.truncate(shown);
    marks.marks.retain(|m| m.lane < end);
    marks.connectors.retain(|c| c.lane_bottom < end);
    let geometry = LaneGeometry::stacked(first, LANE_TOP_PX, pitch, &marks.rows);
    LaidOut {
        marks,
        geometry,
        shown,
    }
}

/// The first lane to show, from `session.lane_scroll` (clamped, and stored back): scrolled to
/// the end, the last lanes fill the plot, as many as fit once stacked.
fn first_scrolled(session: &mut Session, view: &AxisView, plot_height: f32) -> usize {
    let lane_count = session.lanes.lanes.len();
    let LaneFit { pitch, fits } = lane_fit::fit(plot_height, lane_count);
    let rows_allowed = max_rows(plot_height);
    let height_of = |rows: u8| pitch.max(f32::from(rows) * ROW_PX + LANE_PAD_PX);
    let mut last_first = lane_count.saturating_sub(fits);
    if lane_count > fits {
        let tail = axis::marks(&session.lanes, view, last_first..lane_count, rows_allowed);
        let mut y = LANE_TOP_PX;
        for (i, &rows) in tail.rows.iter().enumerate().rev() {
            y += height_of(rows);
            if y > plot_height {
                last_first += i + 1;
                break;
            }
        }
        last_first = last_first.min(lane_count - 1);
    }
    session.lane_scroll = session.lane_scroll.min(last_first);
    session.lane_scroll
}

/// The pitch for lanes whose rows need `needs` points each (a lane is as tall as the pitch
/// or its rows, whichever is more) so that they fit in `room`: `pitch` when they already do,
/// less, down to [`lane_fit::MIN_PITCH`], when the stacked ones push the rest out.
fn shrunk_pitch(needs: &[f32], pitch: f32, room: f32) -> f32 {
    let total: f32 = needs.iter().map(|&n| n.max(pitch)).sum();
    if total <= room {
        return pitch;
    }
    let mut p = pitch;
    for _ in 0..4 {
        let (fixed, flexible) = needs.iter().fold((0.0, 0usize), |(sum, n), &need| {
            if need > p {
                (sum + need, n)
            } else {
                (sum, n + 1)
            }
        });
        if flexible == 0 {
            break;
        }
        p = ((room - fixed) / flexible as f32).clamp(lane_fit::MIN_PITCH, pitch);
    }
    p
}
