//! Which mark is under the pointer. Done here, on the few marks in view, rather than by
//! egui_plot's built-in hover, which tests every point every frame.

use super::marks::{Mark, MarkKind};

/// Where lanes sit vertically, in points from the top of the plot.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LaneGeometry {
    /// y of the top edge of lane 0 (may be negative when scrolled).
    pub top_px: f32,
    /// Height of one lane.
    pub pitch_px: f32,
}

impl LaneGeometry {
    pub fn centre_y(&self, lane: usize) -> f32 {
        self.top_px + (lane as f32 + 0.5) * self.pitch_px
    }

    /// y of a mark's centre, after stacking overlapping periods into rows.
    pub fn mark_y(&self, mark: &Mark) -> f32 {
        let offset = match mark.row {
            0 => 0.0,
            1 => -0.27,
            _ => 0.27,
        };
        self.centre_y(mark.lane) + offset * self.pitch_px
    }

    /// Half the height of a bar, smaller when periods stack.
    pub fn bar_half_height(&self) -> f32 {
        (self.pitch_px * 0.12).clamp(2.5, 6.0)
    }

    /// Radius of a point mark.
    pub fn point_radius(&self) -> f32 {
        (self.pitch_px * 0.18).clamp(3.0, 6.5)
    }
}

/// Extra reach around a mark so small marks are easy to hit.
pub const HIT_SLOP_PX: f32 = 4.0;

/// The index in `marks` of the mark under (`px`, `py`), the nearest if several.
/// `marks` must be grouped by lane, as [`super::marks::visible_marks`] returns them.
pub fn hit_test(marks: &[Mark], geometry: LaneGeometry, px: f32, py: f32) -> Option<usize> {
    if geometry.pitch_px <= 0.0 || !px.is_finite() || !py.is_finite() {
        return None;
    }
    let lane_f = (py - geometry.top_px) / geometry.pitch_px;
    if lane_f < 0.0 {
        return None;
    }
    let lane = lane_f as usize;
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
                    geometry.pitch_px / 2.0
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
