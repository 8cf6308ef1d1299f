//! The overview strip: how many events start in each slice of the whole timeline.

/// Counts of `starts` (sorted) in `bins` equal slices of `range`, by binary search, so the
/// cost follows the number of bins, not of events.
pub fn density(starts: &[f64], range: (f64, f64), bins: usize) -> Vec<u32> {
    let (a, b) = range;
    if bins == 0 || b.partial_cmp(&a) != Some(std::cmp::Ordering::Greater) {
        return vec![0; bins];
    }
    let width = (b - a) / bins as f64;
    let mut lo = starts.partition_point(|&s| s < a);
    (0..bins)
        .map(|i| {
            let edge = if i + 1 == bins {
                b
            } else {
                a + width * (i + 1) as f64
            };
            let hi = super::marks::gallop(starts, lo, |&s| s < edge || (i + 1 == bins && s <= b));
            let count = u32::try_from(hi - lo).unwrap_or(u32::MAX);
            lo = hi;
            count
        })
        .collect()
}

/// The range the overview shows: the timeline's extent plus a margin, widened to contain the
/// current window so the window marker is always on the strip.
pub fn overview_range(extent: Option<(f64, f64)>, window: (f64, f64)) -> (f64, f64) {
    let (a, b) = extent.map_or(window, |(a, b)| fit(a, b));
    (a.min(window.0), b.max(window.1))
}

/// A window showing `start..end` with a small margin each side, never narrower than a day.
pub fn fit(start: f64, end: f64) -> (f64, f64) {
    let span = (end - start).max(1.0);
    let margin = span * 0.04;
    (start - margin, start + span + margin)
}

/// The window to open on: most events, leaving out the earliest few percent, so a handful of
/// background events years back do not squeeze the story into a sliver.
pub fn focus_window(starts: &[f64], extent: Option<(f64, f64)>) -> Option<(f64, f64)> {
    let (first, last) = extent?;
    if starts.len() < 20 {
        return Some(fit(first, last));
    }
    let at = |q: f64| starts[((starts.len() - 1) as f64 * q) as usize];
    let (a, b) = (at(0.06), at(1.0));
    Some(fit(a, (b + 1.0).min(last)))
}
