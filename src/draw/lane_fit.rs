//! How many lanes fit in a plot, and how tall each is: the one rule the timeline widget draws
//! by and the exporter sizes its page by ("fit to page").

/// Lanes never get thinner than this; extra lanes scroll.
pub const MIN_PITCH: f32 = 30.0;
/// Nor thicker than this, so a few lanes do not look bloated.
pub const MAX_PITCH: f32 = 56.0;
/// Plot height kept free of lanes (the first lane starts a little below the top).
pub const LANE_MARGIN: f32 = 8.0;
/// Room for the "Lanes 1–20 of 47" hint under the last lane when lanes scroll.
const SCROLL_HINT: f32 = 18.0;

/// The lane pitch and how many lanes show at once.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LaneFit {
    pub pitch: f32,
    /// Lanes shown at once (at least one); the rest scroll.
    pub fits: usize,
}

/// The lanes of a plot `plot_height` points tall showing `lanes` lanes: as tall as fits
/// between [`MIN_PITCH`] and [`MAX_PITCH`], scrolling (and leaving room for the hint) when
/// `lanes` × [`MIN_PITCH`] is more than the height less [`LANE_MARGIN`].
pub fn fit(plot_height: f32, lanes: usize) -> LaneFit {
    let mut usable = (plot_height - LANE_MARGIN).max(MIN_PITCH);
    if lanes as f32 * MIN_PITCH > usable {
        usable = (usable - SCROLL_HINT).max(MIN_PITCH);
    }
    let pitch = (usable / lanes.max(1) as f32).clamp(MIN_PITCH, MAX_PITCH);
    LaneFit {
        pitch,
        // The tolerance keeps `usable / (usable / n)` from flooring to n - 1.
        fits: ((usable / pitch + 1e-3).floor() as usize).max(1),
    }
}

/// The plot height at which `lanes` lanes (fractional: callers may add slack) all show
/// without scrolling, by the rule of [`fit`].
pub fn height_for(lanes: f32) -> f32 {
    lanes * MIN_PITCH + LANE_MARGIN
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lane_shows_at_the_height_for_it_and_not_below() {
        for lanes in [1, 3, 12, 40] {
            let tall = fit(height_for(lanes as f32), lanes);
            assert_eq!(tall.fits, lanes, "{lanes} lanes at their height");
            let short = fit(height_for(lanes as f32) - 1.0, lanes);
            assert!(
                short.fits < lanes || lanes == 1,
                "{lanes} lanes, a point short"
            );
        }
    }

    #[test]
    fn a_few_lanes_stop_growing_at_the_widest_pitch() {
        let few = fit(1000.0, 2);
        assert_eq!(few.pitch, MAX_PITCH);
        assert_eq!(fit(100.0, 50).pitch, MIN_PITCH);
    }
}
