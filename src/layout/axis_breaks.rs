//! Compressed time: long empty stretches between events squeezed into narrow, visible
//! breaks, as i2 Analyst's Notebook does, so a story with a prologue years earlier still
//! gives its busy weeks the width. A piecewise-linear, monotone map between days (x) and
//! compressed units (c), with the list of breaks for the painter to draw; pure, no egui.

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
    fn overlapping_periods_bridge_what_would_be_a_gap() {
        // a war from 2011 to 2015 spans the years between the prologue and the story
        let mut spans = prologue_and_story();
        spans.push((15000.0, 16710.0));
        let axis = CompressedAxis::new(&spans, 60.0, 10.0);
        assert!(axis.breaks().is_empty());
    }
}
