//! Lanes + the visible window → the marks to draw this frame.
//!
//! Each lane's entries are sorted by start, so the window is found by binary search. A lane with
//! more entries in view than it has pixels to show them is aggregated: one density mark per few
//! pixels, each counted with two more binary searches, so the cost follows the plot's width and
//! not the number of events.
//!
//! Marks that would overlap stack: events of the same day (or a few points apart) in one lane
//! take one row each, as vis-timeline stacks its items, and the lane grows to hold the rows.
//! Only a run of events needing more rows than the lane may have becomes one aggregate mark.

use super::lanes::{Entry, Lane, LaneSet, MarkStyle};

/// The part of the axis on screen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Window {
    pub x_min: f64,
    pub x_max: f64,
    /// Width of the plot in points.
    pub width_px: f32,
}

impl Window {
    /// A usable window even from a degenerate one (zero or negative width, NaN).
    pub fn sanitised(self) -> Self {
        let (mut a, mut b) = (self.x_min, self.x_max);
        if !a.is_finite() || !b.is_finite() {
            (a, b) = (0.0, 1.0);
        }
        if b < a {
            std::mem::swap(&mut a, &mut b);
        }
        if b - a < MIN_SPAN_DAYS {
            let mid = (a + b) / 2.0;
            (a, b) = (mid - MIN_SPAN_DAYS / 2.0, mid + MIN_SPAN_DAYS / 2.0);
        }
        Self {
            x_min: a,
            x_max: b,
            width_px: if self.width_px.is_finite() {
                self.width_px.max(1.0)
            } else {
                1.0
            },
        }
    }

    /// Points from the left edge of the plot to `x`.
    pub fn px_from_x(&self, x: f64) -> f32 {
        ((x - self.x_min) / (self.x_max - self.x_min) * f64::from(self.width_px)) as f32
    }

    pub fn x_from_px(&self, px: f32) -> f64 {
        self.x_min + f64::from(px) / f64::from(self.width_px) * (self.x_max - self.x_min)
    }

    pub fn days_per_px(&self) -> f64 {
        (self.x_max - self.x_min) / f64::from(self.width_px)
    }
}

/// The narrowest window: ten minutes.
pub const MIN_SPAN_DAYS: f64 = 10.0 / 1440.0;

/// Points closer than this to the previous one in a row overlap: they stack into rows or,
/// beyond the rows allowed, aggregate into one mark with a count.
pub const CLUSTER_PX: f32 = 12.0;
/// Width of one density bucket.
pub const BUCKET_PX: f32 = 6.0;
/// Bars never get narrower than this, so a month seen from a decade away is still visible.
pub const MIN_BAR_PX: f32 = 6.0;

/// What one mark stands for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MarkKind {
    /// One dated event.
    Point,
    /// One event over a period (definite or uncertain).
    Bar,
    /// More events too close to tell apart than the lane has rows for; drawn with a count,
    /// opened as a list.
    Cluster,
    /// Many events in a few pixels of a dense lane; drawn as a density tick with a count.
    Density,
}

/// One thing to draw in one lane.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mark {
    /// Index into `LaneSet::lanes`.
    pub lane: usize,
    pub kind: MarkKind,
    /// Left and right edge in points from the plot's left (equal for a point).
    pub px0: f32,
    pub px1: f32,
    /// Stacking row within the lane (0 = top row).
    pub row: u8,
    /// The event shown (the first one for a cluster or density mark).
    pub event: u32,
    pub count: u32,
    pub style: MarkStyle,
}

impl Mark {
    pub fn centre_px(&self) -> f32 {
        (self.px0 + self.px1) / 2.0
    }
}

/// A thin vertical line joining the marks of one event that names several actors.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Connector {
    pub px: f32,
    pub lane_top: usize,
    pub lane_bottom: usize,
}

/// Everything to draw in the window.
#[derive(Clone, Debug, Default)]
pub struct FrameMarks {
    /// Grouped by lane, in lane order, then by x.
    pub marks: Vec<Mark>,
    pub connectors: Vec<Connector>,
    /// Lanes drawn as density rather than individual marks.
    pub dense_lanes: usize,
    /// Rows of marks each lane of the range uses (at least one), from the range's first lane.
    pub rows: Vec<u8>,
}

/// The marks for the lanes `lane_range` in `window`, stacking overlapping marks into at most
/// `max_rows` rows per lane (one row: every overlap aggregates).
pub fn visible_marks(
    lanes: &LaneSet,
    window: Window,
    lane_range: std::ops::Range<usize>,
    max_rows: u8,
) -> FrameMarks {
    let window = window.sanitised();
    let mut out = FrameMarks::default();
    let end = lane_range.end.min(lanes.lanes.len());
    for lane_index in lane_range.start.min(end)..end {
        let lane = &lanes.lanes[lane_index];
        let first = lane
            .entries
            .partition_point(|e| e.start < window.x_min - lane.max_span);
        let last = lane.entries.partition_point(|e| e.start <= window.x_max);
        let candidates = &lane.entries[first..last];
        let capacity = (window.width_px / BUCKET_PX).max(1.0) as usize;
        let rows = if candidates.len() > capacity * 2 {
            out.dense_lanes += 1;
            density_marks(lane_index, lane, window, &mut out.marks);
            1
        } else {
            sparse_marks(lane_index, candidates, window, max_rows, &mut out.marks)
        };
        out.rows.push(rows);
    }
    out.connectors = connectors(&out.marks);
    out
}

/// Marks of one lane that is not dense, stacked into rows; returns the rows used.
fn sparse_marks(
    lane: usize,
    entries: &[Entry],
    window: Window,
    max_rows: u8,
    out: &mut Vec<Mark>,
) -> u8 {
    let mut rows = Rows {
        ends: Vec::with_capacity(4),
        max: usize::from(max_rows.max(1)),
    };
    // A run of points each closer than CLUSTER_PX to the one before: placed together, so a
    // run too deep for the rows aggregates whole instead of spilling onto its neighbours.
    let mut run: Vec<(f32, &Entry)> = Vec::new();
    let first_mark = out.len();
    for entry in entries.iter().filter(|e| e.end > window.x_min) {
        let px0 = window.px_from_x(entry.start);
        let px1 = window.px_from_x(entry.end);
        let as_point = !entry.style.uncertain && !entry.style.period;
        if as_point {
            let px = (px0 + px1) / 2.0;
            if run.last().is_some_and(|&(last, _)| px - last >= CLUSTER_PX) {
                place_run(lane, &run, &mut rows, out);
                run.clear();
            }
            run.push((px, entry));
        } else {
            place_run(lane, &run, &mut rows, out);
            run.clear();
            let (px0, px1) = widen(px0, px1);
            let row = rows.free(px0 - 2.0).unwrap_or_else(|| rows.least_busy());
            rows.ends[row] = rows.ends[row].max(px1);
            out.push(Mark {
                lane,
                kind: MarkKind::Bar,
                px0,
                px1,
                row: row as u8,
                event: entry.event,
                count: 1,
                style: entry.style,
            });
        }
    }
    place_run(lane, &run, &mut rows, out);
    out[first_mark..].sort_by(|a, b| a.px0.total_cmp(&b.px0));
    rows.ends.len().max(1) as u8
}

/// The right edge of what each stacking row holds so far, left to right.
struct Rows {
    ends: Vec<f32>,
    max: usize,
}

impl Rows {
    /// The first row free left of `px` (opening a new one if allowed).
    fn free(&mut self, px: f32) -> Option<usize> {
        if let Some(row) = self.ends.iter().position(|&end| end < px) {
            return Some(row);
        }
        (self.ends.len() < self.max).then(|| {
            self.ends.push(f32::NEG_INFINITY);
            self.ends.len() - 1
        })
    }

    /// The row that frees up first (for a period when every row is taken).
    fn least_busy(&mut self) -> usize {
        if self.ends.is_empty() {
            self.ends.push(f32::NEG_INFINITY);
        }
        self.ends
            .iter()
            .enumerate()
            .min_by(|a, b| a.1.total_cmp(b.1))
            .map_or(0, |(i, _)| i)
    }
}

/// Places a run of close points: one row each where rows allow, otherwise one aggregate mark.
fn place_run(lane: usize, run: &[(f32, &Entry)], rows: &mut Rows, out: &mut Vec<Mark>) {
    let (Some(&(first_px, first)), Some(&(last_px, _))) = (run.first(), run.last()) else {
        return;
    };
    let saved = rows.ends.clone();
    let start = out.len();
    for &(px, entry) in run {
        let Some(row) = rows.free(px - CLUSTER_PX + 0.01) else {
            break;
        };
        rows.ends[row] = px;
        out.push(Mark {
            lane,
            kind: MarkKind::Point,
            px0: px,
            px1: px,
            row: row as u8,
            event: entry.event,
            count: 1,
            style: entry.style,
        });
    }
    if out.len() - start == run.len() {
        return;
    }
    // Too deep to stack: one aggregate over the run, in the first row free where it starts.
    out.truncate(start);
    rows.ends = saved;
    let row = rows
        .free(first_px - CLUSTER_PX + 0.01)
        .unwrap_or_else(|| rows.least_busy());
    rows.ends[row] = last_px + CLUSTER_PX;
    out.push(Mark {
        lane,
        kind: MarkKind::Cluster,
        px0: first_px,
        px1: last_px,
        row: row as u8,
        event: first.event,
        count: u32::try_from(run.len()).unwrap_or(u32::MAX),
        style: MarkStyle {
            starred: run.iter().any(|(_, e)| e.style.starred),
            ..first.style
        },
    });
}

fn widen(px0: f32, px1: f32) -> (f32, f32) {
    if px1 - px0 >= MIN_BAR_PX {
        return (px0, px1);
    }
    let mid = (px0 + px1) / 2.0;
    (mid - MIN_BAR_PX / 2.0, mid + MIN_BAR_PX / 2.0)
}

fn density_marks(lane_index: usize, lane: &Lane, window: Window, out: &mut Vec<Mark>) {
    let entries = &lane.entries;
    let buckets = (window.width_px / BUCKET_PX).ceil() as usize;
    let mut lo = entries.partition_point(|e| e.start < window.x_min);
    for bucket in 0..buckets {
        let px0 = bucket as f32 * BUCKET_PX;
        let x1 = window.x_from_px(px0 + BUCKET_PX);
        let hi = gallop(entries, lo, |e| e.start < x1);
        if hi > lo {
            out.push(Mark {
                lane: lane_index,
                kind: MarkKind::Density,
                px0,
                px1: px0 + BUCKET_PX,
                row: 0,
                event: entries[lo].event,
                count: u32::try_from(hi - lo).unwrap_or(u32::MAX),
                style: MarkStyle::default(),
            });
        }
        lo = hi;
    }
}

/// The first index at or after `from` where `before` turns false (entries sorted so that it
/// does so once). Searches outward from `from` in doubling steps, then bisects: a bucket's
/// entries lie next to the previous bucket's, so this touches a few nearby cache lines where a
/// plain binary search over the whole lane would miss the cache at every probe.
pub fn gallop<T>(items: &[T], from: usize, before: impl Fn(&T) -> bool) -> usize {
    let mut low = from.min(items.len());
    let mut step = 1;
    loop {
        let probe = low + step;
        if probe >= items.len() {
            return low + items[low..].partition_point(&before);
        }
        if !before(&items[probe]) {
            return low + items[low..probe].partition_point(&before);
        }
        low = probe;
        step *= 2;
    }
}

/// One connector per event drawn in more than one lane.
fn connectors(marks: &[Mark]) -> Vec<Connector> {
    let mut singles: Vec<(u32, usize, f32)> = marks
        .iter()
        .filter(|m| m.count == 1)
        .map(|m| (m.event, m.lane, m.centre_px()))
        .collect();
    singles.sort_unstable_by_key(|&(event, lane, _)| (event, lane));
    singles
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|group| group.len() > 1)
        .filter_map(|group| {
            Some(Connector {
                px: group.first()?.2,
                lane_top: group.first()?.1,
                lane_bottom: group.last()?.1,
            })
        })
        .collect()
}
