//! The time axis the canvas draws on: compressed where the story has long empty stretches
//! (`layout::axis_breaks`), with each break drawn as a visible zig-zag band that says how
//! much time it skips, and tabs at the plot's edges counting the events outside the window,
//! which bring them into view when clicked. The plot (egui_plot) works in compressed units;
//! the session's window stays in days, converted here in both directions.

use std::sync::Arc;

use eframe::egui::{
    self, Align2, Color32, FontId, Painter, Rect, Sense, Shape, Stroke, Visuals, pos2, vec2,
};

use crate::layout::axis_breaks::{AxisBreak, CompressedAxis, skipped_words};
use crate::layout::ticks::{Tick, ticks, window_caption};
use crate::layout::{FrameMarks, LaneSet, Window, visible_marks};
use crate::view::TimeWindow;

/// Width of an outlier tab at the plot's edge.
pub const TAB_PX: f32 = 26.0;
/// A break is never drawn narrower than this, however far out the view.
const MIN_BREAK_PX: f32 = 10.0;

/// The compressed axis of `lanes`, worked out once per set of lanes and kept in egui's memory
/// (a rebuild of the lanes changes the fingerprint).
pub fn axis_for(ctx: &egui::Context, lanes: &LaneSet) -> Arc<CompressedAxis> {
    let id = egui::Id::unique("chronolane_compressed_axis");
    let key = fingerprint(lanes);
    if let Some((k, axis)) = ctx.data(|d| d.get_temp::<(u64, Arc<CompressedAxis>)>(id))
        && k == key
    {
        return axis;
    }
    let spans: Vec<(f64, f64)> = (lanes.lanes.iter())
        .flat_map(|lane| lane.entries.iter().map(|e| (e.start, e.end)))
        .collect();
    let axis = Arc::new(CompressedAxis::for_story(&spans, lanes.period));
    ctx.data_mut(|d| d.insert_temp(id, (key, Arc::clone(&axis))));
    axis
}

/// A cheap summary of what the lanes hold: counts, ends and a sample of the event starts.
fn fingerprint(lanes: &LaneSet) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    lanes.lanes.len().hash(&mut h);
    lanes.starts.len().hash(&mut h);
    let step = (lanes.starts.len() / 64).max(1);
    for s in lanes.starts.iter().step_by(step) {
        s.to_bits().hash(&mut h);
    }
    for lane in &lanes.lanes {
        lane.entries.len().hash(&mut h);
        lane.max_span.to_bits().hash(&mut h);
    }
    if let Some((a, b)) = lanes.extent {
        (a.to_bits(), b.to_bits()).hash(&mut h);
    }
    h.finish()
}

/// The visible part of the compressed axis over a plot `width` points wide.
#[derive(Clone, Debug)]
pub struct AxisView {
    pub axis: Arc<CompressedAxis>,
    pub c0: f64,
    pub c1: f64,
    pub width: f32,
}

/// A stretch of the plot where days map linearly to points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Segment {
    pub px0: f32,
    pub px1: f32,
    pub window: Window,
}

impl AxisView {
    /// The view of `window` (days) on `axis`.
    pub fn of_days(axis: Arc<CompressedAxis>, window: TimeWindow, width: f32) -> Self {
        let (c0, c1) = (
            axis.compressed_from_x(window.start),
            axis.compressed_from_x(window.end),
        );
        Self {
            axis,
            c0,
            c1: c1.max(c0 + 1e-6),
            width: width.max(1.0),
        }
    }

    pub fn px_from_c(&self, c: f64) -> f32 {
        ((c - self.c0) / (self.c1 - self.c0) * f64::from(self.width)) as f32
    }

    pub fn c_from_px(&self, px: f32) -> f64 {
        self.c0 + f64::from(px) / f64::from(self.width) * (self.c1 - self.c0)
    }

    pub fn px_from_x(&self, x: f64) -> f32 {
        self.px_from_c(self.axis.compressed_from_x(x))
    }

    pub fn x_from_px(&self, px: f32) -> f64 {
        self.axis.x_from_compressed(self.c_from_px(px))
    }

    /// Days per point outside the breaks.
    pub fn days_per_px(&self) -> f64 {
        (self.c1 - self.c0) / f64::from(self.width)
    }

    /// The window in days.
    pub fn days(&self) -> TimeWindow {
        TimeWindow::new(
            self.axis.x_from_compressed(self.c0),
            self.axis.x_from_compressed(self.c1),
        )
    }

    /// The linear pieces of the view, left to right.
    pub fn segments(&self) -> Vec<Segment> {
        (self.axis.segments(self.c0, self.c1).into_iter())
            .map(|(a, b)| {
                let (px0, px1) = (self.px_from_c(a), self.px_from_c(b));
                Segment {
                    px0,
                    px1,
                    window: Window {
                        x_min: self.axis.x_from_compressed(a),
                        x_max: self.axis.x_from_compressed(b),
                        width_px: px1 - px0,
                    },
                }
            })
            .filter(|s| s.px1 - s.px0 >= 1.0)
            .collect()
    }

    /// The linear map of the piece of the view around `px`, stretched over the whole plot:
    /// exact for positions in that piece (what a mark's tooltip and list need).
    pub fn linear_at(&self, px: f32) -> Window {
        let c = self.c_from_px(px);
        let x = self.axis.x_from_compressed(c);
        let per_px = self.days_per_px();
        Window {
            x_min: x - f64::from(px) * per_px,
            x_max: x + f64::from(self.width - px) * per_px,
            width_px: self.width,
        }
    }

    /// The breaks in view with their extent in points from the plot's left.
    pub fn breaks(&self) -> Vec<(f32, f32, AxisBreak)> {
        (self.axis.breaks().iter())
            .filter(|b| b.at < self.c1 && b.at + b.width > self.c0)
            .map(|b| (self.px_from_c(b.at), self.px_from_c(b.at + b.width), *b))
            .collect()
    }

    /// Calendar ticks of every linear piece, placed in compressed units (what the plot's
    /// grid takes).
    pub fn ticks(&self, min_spacing_px: f64) -> Vec<Tick> {
        let per_px = self.days_per_px();
        let mut out = Vec::new();
        for segment in self.segments() {
            let w = segment.window;
            for mut tick in ticks(w.x_min, w.x_max, per_px, min_spacing_px) {
                tick.x = self.axis.compressed_from_x(tick.x);
                out.push(tick);
            }
        }
        out
    }
}

/// The marks of `lanes` in `view`: each linear piece laid out on its own and put side by
/// side, grouped by lane and then by x as [`visible_marks`] returns them.
pub fn marks(
    lanes: &LaneSet,
    view: &AxisView,
    lane_range: std::ops::Range<usize>,
    max_rows: u8,
) -> FrameMarks {
    let segments = view.segments();
    if let [only] = segments.as_slice()
        && only.px0.abs() < 0.01
    {
        return visible_marks(lanes, only.window, lane_range, max_rows);
    }
    let mut out = FrameMarks {
        rows: vec![1; lane_range.len()],
        ..FrameMarks::default()
    };
    for segment in segments {
        let mut part = visible_marks(lanes, segment.window, lane_range.clone(), max_rows);
        for mark in &mut part.marks {
            mark.px0 += segment.px0;
            mark.px1 += segment.px0;
        }
        for connector in &mut part.connectors {
            connector.px += segment.px0;
        }
        for (rows, part_rows) in out.rows.iter_mut().zip(&part.rows) {
            *rows = (*rows).max(*part_rows);
        }
        out.dense_lanes = out.dense_lanes.max(part.dense_lanes);
        out.marks.append(&mut part.marks);
        out.connectors.append(&mut part.connectors);
    }
    // Stable: within a lane the pieces stay in x order.
    out.marks.sort_by_key(|m| m.lane);
    out
}

/// The breaks in view as bands over the plot: the background colour hides the grid, a
/// zig-zag on each side says "cut here", and the caption says how long the cut is. Returns
/// each band's rectangle and caption.
pub fn paint_breaks(
    painter: &Painter,
    frame: Rect,
    view: &AxisView,
    visuals: &Visuals,
) -> Vec<(Rect, String)> {
    let ink = visuals.weak_text_color();
    let mut out = Vec::new();
    for (a, b, brk) in view.breaks() {
        let centre = frame.left() + (a + b) / 2.0;
        let half = ((b - a) / 2.0).max(MIN_BREAK_PX / 2.0);
        let band = Rect::from_x_y_ranges(
            (centre - half).max(frame.left())..=(centre + half).min(frame.right()),
            frame.y_range(),
        );
        painter.rect_filled(band, 0.0, visuals.extreme_bg_color);
        for x in [band.left(), band.right()] {
            painter.add(zig_zag(x, band.top(), band.bottom(), ink));
        }
        let caption = format!("{} skipped", skipped_words(brk.to - brk.from));
        let dates = window_caption(brk.from, brk.to);
        let font = FontId::proportional(11.0);
        let galley = painter.layout_no_wrap(format!("{caption} · {dates}"), font, ink);
        if galley.size().x + 16.0 < band.height() && band.width() >= galley.size().y + 2.0 {
            // Upright along the band, reading bottom to top.
            let at = pos2(
                band.center().x - galley.size().y / 2.0,
                band.center().y + galley.size().x / 2.0,
            );
            painter.add(
                egui::epaint::TextShape::new(at, galley, ink)
                    .with_angle(-std::f32::consts::FRAC_PI_2),
            );
        }
        out.push((band, caption));
    }
    out
}

/// A vertical zig-zag line at `x` from `top` to `bottom`.
fn zig_zag(x: f32, top: f32, bottom: f32, colour: Color32) -> Shape {
    let mut points = Vec::new();
    let mut y = top;
    let mut left = true;
    while y < bottom {
        points.push(pos2(x + if left { -2.5 } else { 2.5 }, y));
        y += 5.0;
        left = !left;
    }
    points.push(pos2(x, bottom));
    Shape::line(points, Stroke::new(1.2, colour))
}

/// The tabs at the plot's edges counting events before and after the window; clicking one
/// widens the window to take them in. Returns the window asked for, and the tabs drawn.
pub fn outlier_tabs(
    ui: &mut egui::Ui,
    frame: Rect,
    lanes: &LaneSet,
    window: TimeWindow,
) -> (Option<TimeWindow>, Vec<(Rect, usize)>) {
    let starts = &lanes.starts;
    let (before, after) = outside(lanes, window);
    let (Some(&first), Some(&last)) = (starts.first(), starts.last()) else {
        return (None, Vec::new());
    };
    let last_end = lanes.extent.map_or(last + 1.0, |(_, e)| e);
    let mut asked = None;
    let mut tabs = Vec::new();
    let visuals = ui.visuals().clone();
    for (count, left) in [(before, true), (after, false)] {
        if count == 0 {
            continue;
        }
        let x = if left {
            frame.left()
        } else {
            frame.right() - TAB_PX
        };
        let rect = Rect::from_min_size(pos2(x, frame.center().y - 26.0), vec2(TAB_PX, 52.0));
        let id = ui.scope_id().with(("outlier_tab", left));
        let response = ui.interact(rect, id, Sense::click());
        let fill = if response.hovered() {
            visuals.widgets.hovered.bg_fill
        } else {
            visuals.widgets.inactive.bg_fill
        };
        let painter = ui.painter();
        painter.rect_filled(rect, 4.0, fill);
        let ink = visuals.strong_text_color();
        // An arrowhead pointing off the plot, drawn (the UI font has no arrow glyphs).
        let tip = rect.center() - vec2(0.0, 10.0);
        let (dx, back) = if left { (-5.0, 4.0) } else { (5.0, -4.0) };
        painter.add(Shape::convex_polygon(
            vec![
                tip + vec2(dx, 0.0),
                tip + vec2(back, -5.0),
                tip + vec2(back, 5.0),
            ],
            ink,
            Stroke::NONE,
        ));
        painter.text(
            rect.center() + vec2(0.0, 10.0),
            Align2::CENTER_CENTER,
            count_words(count),
            FontId::proportional(11.0),
            ink,
        );
        let side = if left { "before" } else { "after" };
        let response = response.on_hover_text(format!(
            "{count} event{} {side} this window · click to bring {} into view",
            if count == 1 { "" } else { "s" },
            if count == 1 { "it" } else { "them" }
        ));
        if response.clicked() {
            asked = Some(if left {
                TimeWindow::new(first - 1.0, window.end)
            } else {
                TimeWindow::new(window.start, last_end + 1.0)
            });
        }
        tabs.push((rect, count));
    }
    (asked, tabs)
}

/// How many events start before and after `window`.
pub fn outside(lanes: &LaneSet, window: TimeWindow) -> (usize, usize) {
    let starts = &lanes.starts;
    let before = starts.partition_point(|&s| s < window.start);
    let after = starts.len() - starts.partition_point(|&s| s <= window.end);
    (before, after)
}

/// The stretches of the plot (points from its left) labels keep out of: the breaks' bands and,
/// when there are events `(before, after)` the window, the tabs' edges.
pub fn kept_clear(
    breaks: &[(Rect, String)],
    frame: Rect,
    outside: (usize, usize),
) -> Vec<(f32, f32)> {
    let mut clear: Vec<(f32, f32)> = (breaks.iter())
        .map(|(r, _)| (r.left() - frame.left(), r.right() - frame.left()))
        .collect();
    if outside.0 > 0 {
        clear.push((0.0, TAB_PX + 2.0));
    }
    if outside.1 > 0 {
        clear.push((frame.width() - TAB_PX - 2.0, frame.width()));
    }
    clear
}

/// A count short enough for a tab ("7", "1.2k").
fn count_words(count: usize) -> String {
    if count < 1000 {
        count.to_string()
    } else {
        format!("{:.1}k", count as f64 / 1000.0)
    }
}
