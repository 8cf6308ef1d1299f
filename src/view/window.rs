//! The span of time on screen, as one value with its maths: make it usable, zoom, pan, centre,
//! glide, fit. Every part of the app that holds "the visible window" holds a [`TimeWindow`], so
//! the rules (never inverted, never NaN, never narrower than ten minutes) live in one place.

use serde::{Deserialize, Serialize};

use crate::layout::{self, overview};

/// The visible span of the time axis, in axis days (`layout::time::x_from_date`), `start`
/// before `end`. Stored as a `(start, end)` pair, the shape earlier versions persisted.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(from = "(f64, f64)", into = "(f64, f64)")]
pub struct TimeWindow {
    pub start: f64,
    pub end: f64,
}

impl TimeWindow {
    /// The window from `start` to `end`, as given (see [`TimeWindow::sanitised`]).
    pub const fn new(start: f64, end: f64) -> Self {
        Self { start, end }
    }

    /// A usable window even from a degenerate one (inverted, NaN, narrower than the layout's
    /// minimum span): the layout's own rule, so the plot and the marks agree.
    #[must_use]
    pub fn sanitised(self) -> Self {
        let w = self.viewport(1.0).sanitised();
        Self::new(w.x_min, w.x_max)
    }

    /// The window showing `start..end` with a small margin each side (every event, Fit).
    pub fn fit(start: f64, end: f64) -> Self {
        overview::fit(start, end).into()
    }

    /// The window to open on for lanes whose sorted starts are `starts`: where most events are
    /// (leaving the earliest few percent aside), within the corpus's own `period` when there
    /// is one, so neither background events years back nor a misread far-off year (2051 in
    /// articles of 2011–2013) stretch it; outliers stay reachable in the overview strip.
    /// `None` when there are no events.
    pub fn opening(
        starts: &[f64],
        extent: Option<(f64, f64)>,
        period: Option<(f64, f64)>,
    ) -> Option<Self> {
        let (first, last) = extent?;
        let Some((from, to)) = period else {
            return overview::focus_window(starts, extent).map(Self::from);
        };
        let inside =
            &starts[starts.partition_point(|&x| x < from)..starts.partition_point(|&x| x <= to)];
        let clipped = (first.max(from), last.min(to.max(from)));
        if inside.is_empty() || clipped.1 < clipped.0 {
            return Some(Self::fit(from, to));
        }
        overview::focus_window(inside, Some(clipped)).map(Self::from)
    }

    /// The window for an empty timeline: the last month up to today.
    pub fn last_month() -> Self {
        let today = layout::time::x_from_date(chrono::Local::now().date_naive());
        Self::new(today - 30.0, today + 1.0)
    }

    /// Days from start to end.
    pub fn span(self) -> f64 {
        self.end - self.start
    }

    /// The middle of the window.
    pub fn mid(self) -> f64 {
        (self.start + self.end) / 2.0
    }

    /// Zoomed by `factor` (< 1 zooms in) around the middle.
    #[must_use]
    pub fn zoomed(self, factor: f64) -> Self {
        let half = self.span() / 2.0 * factor;
        Self::new(self.mid() - half, self.mid() + half)
    }

    /// Moved by `fraction` of its width (negative: to the past).
    #[must_use]
    pub fn panned(self, fraction: f64) -> Self {
        self.shifted(self.span() * fraction)
    }

    /// Moved by `days`.
    #[must_use]
    pub fn shifted(self, days: f64) -> Self {
        Self::new(self.start + days, self.end + days)
    }

    /// The same width, centred on `x`.
    #[must_use]
    pub fn centred_on(self, x: f64) -> Self {
        let half = self.span() / 2.0;
        Self::new(x - half, x + half)
    }

    /// The window `t` (0..=1) of the way from `self` to `to`.
    #[must_use]
    pub fn lerp(self, to: Self, t: f64) -> Self {
        let lerp = |a: f64, b: f64| a + (b - a) * t;
        Self::new(lerp(self.start, to.start), lerp(self.end, to.end))
    }

    /// The layout's view of this window over a plot `width_px` points wide.
    pub fn viewport(self, width_px: f32) -> layout::Window {
        layout::Window {
            x_min: self.start,
            x_max: self.end,
            width_px,
        }
    }
}

impl From<(f64, f64)> for TimeWindow {
    fn from((start, end): (f64, f64)) -> Self {
        Self::new(start, end)
    }
}

impl From<TimeWindow> for (f64, f64) {
    fn from(w: TimeWindow) -> Self {
        (w.start, w.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_degenerate_window_becomes_usable() {
        let w = TimeWindow::new(f64::NAN, 3.0).sanitised();
        assert!(w.start.is_finite() && w.end > w.start);
        let w = TimeWindow::new(10.0, 2.0).sanitised();
        assert_eq!((w.start, w.end), (2.0, 10.0));
        let w = TimeWindow::new(5.0, 5.0).sanitised();
        assert!(w.span() >= layout::marks::MIN_SPAN_DAYS * 0.999);
        assert!((w.mid() - 5.0).abs() < 1e-9);
    }

    #[test]
    fn zoom_pan_and_glide_keep_the_arithmetic_in_one_place() {
        let w = TimeWindow::new(0.0, 100.0);
        assert_eq!(w.zoomed(0.5), TimeWindow::new(25.0, 75.0));
        assert_eq!(w.panned(-0.2), TimeWindow::new(-20.0, 80.0));
        assert_eq!(w.centred_on(0.0), TimeWindow::new(-50.0, 50.0));
        assert_eq!(
            w.lerp(TimeWindow::new(100.0, 300.0), 0.5),
            TimeWindow::new(50.0, 200.0)
        );
    }

    #[test]
    fn the_opening_window_leaves_a_far_off_year_outside() {
        // Thirty events in 2015 (days 16_500..16_530) and one misread in 2051.
        let mut starts: Vec<f64> = (0..30).map(|d| 16_500.0 + f64::from(d)).collect();
        starts.push(29_700.0);
        let extent = Some((16_500.0, 29_701.0));
        let stretched = TimeWindow::opening(&starts, extent, None).unwrap();
        assert!(
            stretched.end > 29_000.0,
            "without a period the outlier counts"
        );
        let w = TimeWindow::opening(&starts, extent, Some((16_490.0, 16_540.0))).unwrap();
        assert!(w.start > 16_450.0 && w.end < 16_600.0, "{w:?}");
        assert!(w.start <= 16_502.0 && w.end >= 16_529.0, "{w:?}");
        let empty = TimeWindow::opening(&starts, extent, Some((10.0, 20.0))).unwrap();
        assert!(
            empty.start <= 10.0 && empty.end >= 20.0 && empty.end < 100.0,
            "{empty:?}"
        );
        assert!(TimeWindow::opening(&[], None, Some((1.0, 2.0))).is_none());
    }

    #[test]
    fn it_persists_as_the_pair_earlier_versions_wrote() {
        let json = serde_json::to_string(&TimeWindow::new(1.5, 2.5)).unwrap();
        assert_eq!(json, "[1.5,2.5]");
        let back: TimeWindow = serde_json::from_str("[3.0,4.0]").unwrap();
        assert_eq!(back, TimeWindow::new(3.0, 4.0));
    }
}
