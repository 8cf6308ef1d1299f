//! Compressed time: long empty stretches between events squeezed into narrow, visible
//! breaks, as i2 Analyst's Notebook does, so a story with a prologue years earlier still
//! gives its busy weeks the width. A piecewise-linear, monotone map between days (x) and
//! compressed units (c), with the list of breaks for the painter to draw; pure, no egui.

/// Gaps shorter than this are never compressed: a quiet month is part of the story.
pub const MIN_GAP_DAYS: f64 = 60.0;

/// How long a skipped stretch is, in the words a break's caption uses ("11 months").
pub fn skipped_words(days: f64) -> String {
    let days = days.max(0.0);
    if days < 60.0 {
        format!("{} days", days.round())
    } else if days < 730.0 {
        format!("{} months", (days / 30.44).round())
    } else {
        // Half years matter below a decade: "2.5 years", not "3 years".
        let years = days / 365.25;
        if years < 10.0 && ((years * 2.0).round() / 2.0).fract() != 0.0 {
            format!("{:.1} years", (years * 2.0).round() / 2.0)
        } else {
            format!("{} years", years.round())
        }
    }
}

/// One compressed stretch: days `from..to` drawn in `width` compressed units from `at`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AxisBreak {
    pub from: f64,
    pub to: f64,
    /// Compressed position where the break starts.
    pub at: f64,
    /// Compressed width the break takes.
    pub width: f64,
}

/// The map from days to compressed units. Outside every break one day is one unit; the
/// origin is the first day given, so `c` is "days of story since the start".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CompressedAxis {
    origin: f64,
    breaks: Vec<AxisBreak>,
}

impl CompressedAxis {
    /// Compresses every gap longer than `min_gap` days between the events' `spans` (start,
    /// end x, any order) into `break_width` units. No breaks when `min_gap` is not positive.
    pub fn new(spans: &[(f64, f64)], min_gap: f64, break_width: f64) -> Self {
        let mut covered: Vec<(f64, f64)> = spans
            .iter()
            .filter(|(a, b)| a.is_finite() && b.is_finite())
            .map(|&(a, b)| (a.min(b), a.max(b)))
            .collect();
        covered.sort_unstable_by(|p, q| p.0.total_cmp(&q.0));
        let Some(&(origin, _)) = covered.first() else {
            return Self::default();
        };
        let break_width = break_width.max(0.0);
        let mut breaks = Vec::new();
        let mut reach = f64::NEG_INFINITY;
        let mut saved = 0.0;
        for (a, b) in covered {
            if reach.is_finite() && a - reach > min_gap && min_gap > 0.0 {
                let at = reach - origin - saved;
                breaks.push(AxisBreak {
                    from: reach,
                    to: a,
                    at,
                    width: break_width,
                });
                saved += a - reach - break_width;
            }
            reach = reach.max(b);
        }
        Self { origin, breaks }
    }

    /// The axis for a story whose events cover `spans` and whose own period is `period`
    /// (`layout::extent`): a gap longer than half the period, and at least [`MIN_GAP_DAYS`],
    /// is squeezed to a twenty-fifth of the period (between 2 and 60 days), so a prologue years
    /// earlier or a misread far-future year costs a narrow break, not the width of the plot.
    pub fn for_story(spans: &[(f64, f64)], period: Option<(f64, f64)>) -> Self {
        let length = period.map_or(365.0, |(a, b)| (b - a).max(1.0));
        let min_gap = (length * 0.5).max(MIN_GAP_DAYS);
        let width = (length / 25.0).clamp(2.0, 60.0);
        Self::new(spans, min_gap, width)
    }

    /// The parts of the compressed range `c0..c1` that lie outside every break, in order: the
    /// pieces over which days and compressed units are one linear map.
    pub fn segments(&self, c0: f64, c1: f64) -> Vec<(f64, f64)> {
        let mut out = Vec::new();
        let mut from = c0;
        for b in &self.breaks {
            if b.at >= c1 {
                break;
            }
            if b.at + b.width <= from {
                continue;
            }
            if b.at > from {
                out.push((from, b.at));
            }
            from = from.max(b.at + b.width);
        }
        if from < c1 {
            out.push((from, c1));
        }
        out
    }

    /// The breaks, in time order.
    pub fn breaks(&self) -> &[AxisBreak] {
        &self.breaks
    }

    /// Compressed position of day `x`.
    pub fn compressed_from_x(&self, x: f64) -> f64 {
        let mut saved = 0.0;
        for b in &self.breaks {
            if x <= b.from {
                break;
            }
            if x < b.to {
                // Inside the break: its days share its width evenly.
                return b.at + (x - b.from) / (b.to - b.from) * b.width;
            }
            saved += (b.to - b.from) - b.width;
        }
        x - self.origin - saved
    }

    /// Day at compressed position `c` (the inverse of [`Self::compressed_from_x`]).
    pub fn x_from_compressed(&self, c: f64) -> f64 {
        let mut saved = 0.0;
        for b in &self.breaks {
            if c <= b.at {
                break;
            }
            if c < b.at + b.width {
                let share = if b.width > 0.0 {
                    (c - b.at) / b.width
                } else {
                    0.0
                };
                return b.from + share * (b.to - b.from);
            }
            saved += (b.to - b.from) - b.width;
        }
        c + self.origin + saved
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A prologue in 2011 (x 15000) and a story in autumn 2015 (x 16700..16740).
    fn prologue_and_story() -> Vec<(f64, f64)> {
        let mut spans = vec![(15000.0, 15001.0)];
        spans.extend((0..40).map(|d| (16700.0 + f64::from(d), 16701.0 + f64::from(d))));
        spans
    }

    #[test]
    fn an_empty_stretch_becomes_one_visible_break() {
        let axis = CompressedAxis::new(&prologue_and_story(), 60.0, 10.0);
        assert_eq!(axis.breaks().len(), 1);
        let b = axis.breaks()[0];
        assert_eq!((b.from, b.to, b.at, b.width), (15001.0, 16700.0, 1.0, 10.0));
        // The story's forty days take 40 of the 51 units, not 2 % of the axis.
        let width = axis.compressed_from_x(16740.0) - axis.compressed_from_x(15000.0);
        assert_eq!(width, 51.0);
        assert_eq!(
            axis.compressed_from_x(16740.0) - axis.compressed_from_x(16700.0),
            40.0
        );
    }

    #[test]
    fn the_map_is_monotone_and_round_trips() {
        let axis = CompressedAxis::new(&prologue_and_story(), 60.0, 10.0);
        let mut last = f64::NEG_INFINITY;
        for step in 0..400 {
            let x = 14990.0 + f64::from(step) * 4.5;
            let c = axis.compressed_from_x(x);
            assert!(c > last, "monotone at {x}");
            last = c;
            assert!(
                (axis.x_from_compressed(c) - x).abs() < 1e-6,
                "round trip at {x}"
            );
        }
    }

    #[test]
    fn a_dense_story_or_no_events_has_no_breaks() {
        let axis = CompressedAxis::new(&prologue_and_story()[1..], 60.0, 10.0);
        assert!(axis.breaks().is_empty());
        assert_eq!(axis.compressed_from_x(16710.0), 10.0);
        let empty = CompressedAxis::new(&[], 60.0, 10.0);
        assert!(empty.breaks().is_empty());
        assert_eq!(empty.x_from_compressed(empty.compressed_from_x(5.0)), 5.0);
        let nan = CompressedAxis::new(&[(f64::NAN, 1.0)], 60.0, 10.0);
        assert!(nan.breaks().is_empty());
    }

    #[test]
    fn segments_skip_the_breaks_in_view() {
        let axis = CompressedAxis::new(&prologue_and_story(), 60.0, 10.0);
        assert_eq!(axis.segments(-5.0, 40.0), vec![(-5.0, 1.0), (11.0, 40.0)]);
        assert_eq!(axis.segments(12.0, 40.0), vec![(12.0, 40.0)]);
        assert_eq!(axis.segments(3.0, 8.0), vec![]);
        let story = CompressedAxis::for_story(&prologue_and_story(), Some((16690.0, 16745.0)));
        assert_eq!(story.breaks().len(), 1);
        assert_eq!(skipped_words(1699.0), "4.5 years");
        assert_eq!(skipped_words(4000.0), "11 years");
        assert_eq!(skipped_words(370.0), "12 months");
    }

    #[test]
    fn overlapping_periods_bridge_what_would_be_a_gap() {
        // a war from 2011 to 2015 spans the years between the prologue and the story
        let mut spans = prologue_and_story();
        spans.push((15000.0, 16710.0));
        let axis = CompressedAxis::new(&spans, 60.0, 10.0);
        assert!(axis.breaks().is_empty());
    }
}
