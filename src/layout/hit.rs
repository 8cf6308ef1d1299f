//! Where lanes sit vertically and which mark is under the pointer. Done here, on the few
//! marks in view, rather than by egui_plot's built-in hover, which tests every point every
//! frame.
//!
//! Lanes are not all the same height: a lane whose events stack (several on one day) grows
//! by one row per stacked mark, as vis-timeline's groups do, so [`LaneGeometry`] keeps the
//! top edge of every lane laid out this frame.

use std::ops::Range;

use super::marks::{Mark, MarkKind};

/// Height of one row of marks (and of the labels beside them), in points.
pub const ROW_PX: f32 = 22.0;
/// Room kept above and below the rows of a lane.
pub const LANE_PAD_PX: f32 = 6.0;

/// Where the lanes laid out this frame sit vertically, in points from the top of the plot.
#[derive(Clone, Debug, PartialEq)]
pub struct LaneGeometry {
    /// First lane laid out (index into `LaneSet::lanes`).
    first: usize,
    /// Top edge of each laid-out lane, then the bottom edge of the last one.
    edges: Vec<f32>,
    /// Rows each laid-out lane offers for marks and labels: the rows its marks use and as
    /// many spare pairs as its height allows.
    slots: Vec<u8>,
    /// Rows its marks use (at least one).
    mark_rows: Vec<u8>,
    /// Height of one row.
    pub row_px: f32,
}

impl LaneGeometry {
    /// Lanes `first..first + mark_rows.len()` from `top_px` down, each at least `pitch_px`
    /// tall and tall enough for its rows of marks (`mark_rows`, one entry per lane).
    pub fn stacked(first: usize, top_px: f32, pitch_px: f32, mark_rows: &[u8]) -> Self {
        let row_px = ROW_PX.min(pitch_px.max(1.0));
        let mut edges = Vec::with_capacity(mark_rows.len() + 1);
        let mut slots = Vec::with_capacity(mark_rows.len());
        let mut y = top_px;
        for &rows in mark_rows {
            let rows = rows.max(1);
            let height = pitch_px.max(f32::from(rows) * row_px + LANE_PAD_PX);
            // Spare rows for labels come in pairs, one above and one below the marks, so the
            // marks stay on the lane's centre line.
            let spare = ((height - LANE_PAD_PX - f32::from(rows) * row_px) / (2.0 * row_px))
                .floor()
                .clamp(0.0, 64.0) as u8;
            edges.push(y);
            slots.push(rows.saturating_add(2 * spare));
            y += height;
        }
        edges.push(y);
        Self {
            first,
            edges,
            slots,
            mark_rows: mark_rows.iter().map(|&r| r.max(1)).collect(),
            row_px,
        }
    }

    /// `count` lanes from `first`, one row of marks each, all `pitch_px` tall.
    pub fn uniform(first: usize, count: usize, top_px: f32, pitch_px: f32) -> Self {
        Self::stacked(first, top_px, pitch_px, &vec![1; count])
    }

    /// The lanes laid out.
    pub fn lanes(&self) -> Range<usize> {
        self.first..self.first + self.slots.len()
    }

    /// Index of `lane` in this frame's vectors, clamped to the lanes laid out.
    fn local(&self, lane: usize) -> usize {
        lane.saturating_sub(self.first)
            .min(self.slots.len().saturating_sub(1))
    }

    pub fn lane_top(&self, lane: usize) -> f32 {
        self.edges[self.local(lane)]
    }

    pub fn lane_bottom(&self, lane: usize) -> f32 {
        self.edges[(self.local(lane) + 1).min(self.edges.len() - 1)]
    }

    pub fn centre_y(&self, lane: usize) -> f32 {
        (self.lane_top(lane) + self.lane_bottom(lane)) / 2.0
    }

    /// Bottom edge of the last lane laid out.
    pub fn bottom(&self) -> f32 {
        self.edges.last().copied().unwrap_or(0.0)
    }

    /// Rows `lane` offers for marks and labels.
    pub fn slots(&self, lane: usize) -> u8 {
        self.slots.get(self.local(lane)).copied().unwrap_or(1)
    }

    /// Rows the marks of `lane` use.
    pub fn mark_rows(&self, lane: usize) -> u8 {
        self.mark_rows.get(self.local(lane)).copied().unwrap_or(1)
    }

    /// y of the centre of slot `slot` of `lane` (slots are numbered from the top). The rows
    /// of marks sit in the middle slots; the others hold labels moved off their row.
    pub fn slot_y(&self, lane: usize, slot: u8) -> f32 {
        let slots = f32::from(self.slots(lane));
        let block_top = self.centre_y(lane) - slots * self.row_px / 2.0;
        block_top + (f32::from(slot) + 0.5) * self.row_px
    }

    /// The slot holding row `row` of marks in `lane`.
    pub fn slot_of_row(&self, lane: usize, row: u8) -> u8 {
        (self.slots(lane) - self.mark_rows(lane)) / 2 + row.min(self.mark_rows(lane) - 1)
    }

    /// y of a mark's centre, in its stacking row.
    pub fn mark_y(&self, mark: &Mark) -> f32 {
        self.slot_y(mark.lane, self.slot_of_row(mark.lane, mark.row))
    }

    /// The lane laid out at `py`, if any.
    pub fn lane_at(&self, py: f32) -> Option<usize> {
        if !(py >= self.edges[0] && py < self.bottom()) {
            return None;
        }
        let after = self.edges.partition_point(|&e| e <= py);
        Some(self.first + after.checked_sub(1)?)
    }

    /// Half the height of a bar.
    pub fn bar_half_height(&self) -> f32 {
        (self.row_px * 0.22).clamp(2.5, 5.0)
    }

    /// Radius of a point mark.
    pub fn point_radius(&self) -> f32 {
        (self.row_px * 0.26).clamp(3.0, 6.0)
    }
}

/// Extra reach around a mark so small marks are easy to hit.
pub const HIT_SLOP_PX: f32 = 4.0;

/// The index in `marks` of the mark under (`px`, `py`), the nearest if several.
/// `marks` must be grouped by lane, as [`super::marks::visible_marks`] returns them.
pub fn hit_test(marks: &[Mark], geometry: &LaneGeometry, px: f32, py: f32) -> Option<usize> {
    if !px.is_finite() || !py.is_finite() {
        return None;
    }
    let lane = geometry.lane_at(py)?;
    let first = marks.partition_point(|m| m.lane < lane);
    let last = marks.partition_point(|m| m.lane <= lane);
    let radius = geometry.point_radius() + HIT_SLOP_PX;
    let half = geometry.bar_half_height() + HIT_SLOP_PX;
    let mut best: Option<(usize, f32)> = None;
    for (i, mark) in marks[first..last].iter().enumerate() {
        let y = geometry.mark_y(mark);
        let distance = match mark.kind {
            MarkKind::Point | MarkKind::Cluster => {
                let x = if px < mark.px0 {
                    mark.px0
                } else {
                    px.min(mark.px1)
                };
                let d = ((px - x).powi(2) + (py - y).powi(2)).sqrt();
                (d <= radius).then_some(d)
            }
            MarkKind::Bar | MarkKind::Density => {
                let dx = if px < mark.px0 {
                    mark.px0 - px
                } else if px > mark.px1 {
                    px - mark.px1
                } else {
                    0.0
                };
                let dy = (py - y).abs();
                let reach = if mark.kind == MarkKind::Density {
                    (geometry.lane_bottom(lane) - geometry.lane_top(lane)) / 2.0
                } else {
                    half
                };
                (dx <= HIT_SLOP_PX && dy <= reach).then_some(dx + dy * 0.5)
            }
        };
        if let Some(d) = distance
            && best.is_none_or(|(_, b)| d < b)
        {
            best = Some((first + i, d));
        }
    }
    best.map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stacked_lane_grows_and_the_next_lane_moves_down() {
        let g = LaneGeometry::stacked(3, 4.0, 30.0, &[1, 4, 1]);
        assert_eq!(g.lanes(), 3..6);
        assert_eq!(g.lane_top(3), 4.0);
        assert_eq!(g.lane_top(4), 34.0);
        let tall = g.lane_bottom(4) - g.lane_top(4);
        assert_eq!(tall, 4.0 * ROW_PX + LANE_PAD_PX);
        assert_eq!(g.lane_top(5), 34.0 + tall);
        assert_eq!(g.lane_at(35.0), Some(4));
        assert_eq!(g.lane_at(3.0), None);
        assert_eq!(g.lane_at(g.bottom() + 1.0), None);
        // Four rows, each in its own band, top to bottom.
        let ys: Vec<f32> = (0..4).map(|r| g.slot_y(4, g.slot_of_row(4, r))).collect();
        assert!(ys.windows(2).all(|w| (w[1] - w[0] - ROW_PX).abs() < 1e-3));
        assert!(ys[0] > g.lane_top(4) && ys[3] < g.lane_bottom(4));
    }
}
