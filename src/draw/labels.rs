//! Headlines on the canvas, placed so that none overlaps another label or a mark.
//!
//! Greedy by priority, as map labelling does: starred events first, then the ones more
//! sources report, then the more confident, then key events. Each label tries its mark's own
//! row (right of the mark, then left), then the lane's other rows, where a leader line ties it
//! back to its mark; a label that finds no room at full width is cut to the room there is, at
//! a word boundary with an ellipsis, or left out when not even a word fits. Labels never leave
//! their lane or the plot. When zoomed out (a day narrower than a point) only key events are
//! labelled, so the overview shows what matters instead of a carpet of text.
//!
//! Placement depends only on the marks, the lanes and the text, never on the pointer, so an
//! exported image shows the labels the screen shows. Widths come from a `glyph` callback
//! (egui's glyph widths when drawing), so the rule is tested without a GPU. A mark is only
//! measured once some spot beside it has room for a short label, and a headline's cut is found
//! from one pass of running widths, so a busy frame costs little more than its marks.

use std::collections::{BTreeSet, HashMap};

use crate::layout::{LaneGeometry, Mark, MarkKind};
use crate::model::Event;

/// Font size of a label.
pub const LABEL_FONT: f32 = 12.5;
/// The widest a label gets; longer headlines are cut at a word.
pub const MAX_LABEL_PX: f32 = 340.0;
/// Labels narrower than this are not worth drawing.
pub const MIN_LABEL_PX: f32 = 56.0;
/// Padding inside a label's plate, each side.
pub const PAD_X: f32 = 4.0;
/// Room kept between a label and its neighbours.
const GAP_PX: f32 = 3.0;
/// Room left right of a graded point for its grade badge ("B2").
const BADGE_PX: f32 = 18.0;
/// A bar wider than this may run behind labels (a label over a two-inch bar would hide it,
/// one over a period across the whole plot hides a little of it)...
const LONG_BAR_PX: f32 = 600.0;
/// ...except near its ends, which show where the period starts and stops.
const BAR_END_PX: f32 = 30.0;
/// Beyond this many days per point only key events are labelled.
pub const KEY_ONLY_DAYS_PER_PX: f64 = 1.0;

/// One label placed on the plot, in points from the plot's top-left corner.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    /// Index into the frame's marks.
    pub mark: usize,
    /// Index into `Timeline::events`.
    pub event: usize,
    /// The text drawn (the headline, or its cut with an ellipsis).
    pub text: String,
    pub x0: f32,
    pub x1: f32,
    /// Vertical centre of the label's row.
    pub y: f32,
    /// The label's row is not its mark's: a leader line joins them.
    pub displaced: bool,
}

/// What decides the order labels are placed in, highest first.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
struct Priority {
    starred: bool,
    sources: usize,
    confidence: f32,
    key: bool,
}

/// What the placement needs to know about the frame.
pub struct Frame<'a> {
    pub marks: &'a [Mark],
    pub geometry: &'a LaneGeometry,
    pub events: &'a [Event],
    /// Plot width in points.
    pub width: f32,
    pub days_per_px: f64,
    /// Stretches of the plot (points from its left) no label may cross: axis breaks, the
    /// outlier tabs.
    pub blocked: &'a [(f32, f32)],
    /// The digest's key events (ids) when worked out; otherwise starred or corroborated
    /// events count as key.
    pub key_events: &'a BTreeSet<String>,
    pub starred: &'a BTreeSet<String>,
    /// Whether the event has a grade badge beside its mark.
    pub graded: &'a dyn Fn(usize) -> bool,
}

/// The labels of `frame`, none overlapping another or a mark. `glyph` gives the width in
/// points of a character at [`LABEL_FONT`].
pub fn place(frame: &Frame<'_>, glyph: &mut dyn FnMut(char) -> f32) -> Vec<Placed> {
    let geometry = frame.geometry;
    let radius = geometry.point_radius();
    let mut taken = Occupancy::default();
    for mark in frame.marks {
        let slot = geometry.slot_of_row(mark.lane, mark.row);
        let (a, b) = extent(mark, radius);
        if mark.kind == MarkKind::Bar && b - a > LONG_BAR_PX {
            // A period months long runs behind labels; only its ends stay clear.
            taken.add(mark.lane, slot, a, a + BAR_END_PX);
            taken.add(mark.lane, slot, b - BAR_END_PX, b);
        } else {
            taken.add(mark.lane, slot, a, b);
        }
    }
    for lane in geometry.lanes() {
        for slot in 0..geometry.slots(lane) {
            for &(a, b) in frame.blocked {
                taken.add(lane, slot, a, b);
            }
        }
    }
    let key_only = frame.days_per_px > KEY_ONLY_DAYS_PER_PX;
    let mut candidates: Vec<(Priority, usize)> = frame
        .marks
        .iter()
        .enumerate()
        .filter(|(_, m)| m.count == 1 && matches!(m.kind, MarkKind::Point | MarkKind::Bar))
        .filter_map(|(i, m)| {
            let event = frame.events.get(m.event as usize)?;
            let starred = m.style.starred || frame.starred.contains(&event.id);
            let key = if frame.key_events.is_empty() {
                starred || event.corroboration() >= 2
            } else {
                frame.key_events.contains(&event.id)
            };
            if (key_only && !key) || event.label.trim().is_empty() {
                return None;
            }
            let priority = Priority {
                starred,
                sources: event.corroboration(),
                confidence: event.confidence,
                key,
            };
            Some((priority, i))
        })
        .collect();
    candidates.sort_by(|a, b| {
        b.0.partial_cmp(&a.0)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(frame.marks[a.1].px0.total_cmp(&frame.marks[b.1].px0))
    });
    let mut placed = Vec::new();
    for (_, index) in candidates {
        let mark = &frame.marks[index];
        let event_index = mark.event as usize;
        let Some(event) = frame.events.get(event_index) else {
            continue;
        };
        let text = event.label.trim();
        let (left, mut right) = extent(mark, radius);
        if mark.kind == MarkKind::Point && (frame.graded)(event_index) {
            right += BADGE_PX;
        }
        let own = geometry.slot_of_row(mark.lane, mark.row);
        let rooms: Vec<(u8, f32, bool, f32)> = spots(geometry, mark, own, left, right)
            .into_iter()
            .map(|(slot, anchor, rightwards)| {
                let room = taken.room(mark.lane, slot, anchor, rightwards, frame.width);
                (slot, anchor, rightwards, room)
            })
            .collect();
        if rooms.iter().all(|&(_, _, _, room)| room < MIN_LABEL_PX) {
            continue;
        }
        let widths = Widths::of(text, glyph);
        let full = (widths.total() + 2.0 * PAD_X).min(MAX_LABEL_PX);
        let choice = [full, MIN_LABEL_PX].into_iter().find_map(|need| {
            (rooms.iter())
                .find(|&&(_, _, _, room)| room >= need)
                .map(|&(slot, anchor, rightwards, room)| (slot, anchor, rightwards, room.min(full)))
        });
        let Some((slot, anchor, rightwards, room)) = choice else {
            continue;
        };
        let Some((text, width)) = widths.cut(text, room - 2.0 * PAD_X) else {
            continue;
        };
        let width = width + 2.0 * PAD_X;
        let (x0, x1) = if rightwards {
            (anchor, anchor + width)
        } else {
            (anchor - width, anchor)
        };
        taken.add(mark.lane, slot, x0 - GAP_PX, x1 + GAP_PX);
        placed.push(Placed {
            mark: index,
            event: event_index,
            text,
            x0,
            x1,
            y: geometry.slot_y(mark.lane, slot),
            displaced: slot != own,
        });
    }
    placed
}

/// Where a mark's label may go, best first: (slot, anchor x, extends rightwards). Its own
/// row beside it, then the lane's other rows from the nearest, starting at the mark's x.
fn spots(
    geometry: &LaneGeometry,
    mark: &Mark,
    own: u8,
    left: f32,
    right: f32,
) -> Vec<(u8, f32, bool)> {
    let mut out = vec![(own, right + GAP_PX, true), (own, left - GAP_PX, false)];
    let slots = geometry.slots(mark.lane);
    let mut others: Vec<u8> = (0..slots).filter(|&s| s != own).collect();
    others.sort_by_key(|&s| (s.abs_diff(own), s > own));
    let centre = mark.centre_px();
    for slot in others {
        out.push((slot, centre - 2.0, true));
        out.push((slot, centre + 2.0, false));
    }
    out
}

/// The horizontal room a mark itself takes in its row.
fn extent(mark: &Mark, radius: f32) -> (f32, f32) {
    match mark.kind {
        MarkKind::Point => (mark.px0 - radius - 2.0, mark.px1 + radius + 2.0),
        MarkKind::Bar => (mark.px0 - 2.0, mark.px1 + 2.0),
        // The pill is at least wide enough for its count.
        MarkKind::Cluster => {
            let centre = mark.centre_px();
            let half = ((mark.px1 - mark.px0) / 2.0 + radius + 2.0).max(18.0);
            (centre - half, centre + half)
        }
        MarkKind::Density => (mark.px0, mark.px1),
    }
}

/// `text` if it fits in `room` points, else its longest run of whole words that fits with an
/// ellipsis (never ending on a dangling "of", "the", "and" ...), with its width; `None` when
/// not even the first word fits.
pub fn cut_to_fit(
    text: &str,
    room: f32,
    glyph: &mut dyn FnMut(char) -> f32,
) -> Option<(String, f32)> {
    Widths::of(text, glyph).cut(text, room)
}

/// Running widths of a text: the width before each character, measured once.
struct Widths {
    /// (byte index, width of the text before it), then (len, total width).
    before: Vec<(usize, f32)>,
    ellipsis: f32,
}

impl Widths {
    fn of(text: &str, glyph: &mut dyn FnMut(char) -> f32) -> Self {
        let mut before = Vec::with_capacity(text.len() + 1);
        let mut sum = 0.0;
        for (i, c) in text.char_indices() {
            before.push((i, sum));
            sum += glyph(c);
        }
        before.push((text.len(), sum));
        Self {
            before,
            ellipsis: glyph('…'),
        }
    }

    fn total(&self) -> f32 {
        self.before.last().map_or(0.0, |&(_, w)| w)
    }

    /// Width of `text[..end]` (`end` a character boundary).
    fn upto(&self, end: usize) -> f32 {
        let at = self.before.partition_point(|&(i, _)| i < end);
        self.before.get(at).map_or(self.total(), |&(_, w)| w)
    }

    fn cut(&self, text: &str, room: f32) -> Option<(String, f32)> {
        if self.total() <= room {
            return Some((text.to_string(), self.total()));
        }
        for (end, _) in text.char_indices().rev().filter(|&(_, c)| c == ' ') {
            let words = text[..end].trim_end_matches([',', ';', ':', ' ', '-', '–', '—']);
            let last = words.rsplit(' ').next().unwrap_or(words);
            if words.is_empty() || DANGLING.contains(&last.to_lowercase().as_str()) {
                continue;
            }
            let width = self.upto(words.len()) + self.ellipsis;
            if width <= room {
                return Some((format!("{words}…"), width));
            }
        }
        None
    }
}

/// Words a cut label must not end on.
const DANGLING: [&str; 22] = [
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or",
    "but", "that", "as", "into", "over", "after", "before", "its",
];

/// What each (lane, slot) row holds, as sorted, non-overlapping-enough intervals.
#[derive(Default)]
struct Occupancy {
    rows: HashMap<(usize, u8), Vec<(f32, f32)>>,
}

impl Occupancy {
    fn add(&mut self, lane: usize, slot: u8, a: f32, b: f32) {
        let row = self.rows.entry((lane, slot)).or_default();
        let at = row.partition_point(|&(x, _)| x < a);
        row.insert(at, (a, b));
    }

    /// Free width from `anchor` rightwards (or leftwards) before the next taken interval or
    /// the plot's edge; zero when `anchor` itself is taken.
    fn room(&self, lane: usize, slot: u8, anchor: f32, rightwards: bool, width: f32) -> f32 {
        if !(0.0..=width).contains(&anchor) {
            return 0.0;
        }
        let limit = if rightwards { width - anchor } else { anchor };
        let Some(row) = self.rows.get(&(lane, slot)) else {
            return limit;
        };
        let mut room = limit;
        for &(a, b) in row {
            if a <= anchor && anchor <= b {
                return 0.0;
            }
            if rightwards && a > anchor {
                room = room.min(a - anchor);
            } else if !rightwards && b < anchor {
                room = room.min(anchor - b);
            }
        }
        room
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::MarkStyle;
    use crate::model::{Event, SourceRef, When};

    fn measure(_: char) -> f32 {
        7.0
    }

    fn event(id: &str, label: &str, sources: usize) -> Event {
        let source = SourceRef {
            article: "a".into(),
            start: 0,
            end: 0,
            quote: String::new(),
            timex: None,
            grading: None,
        };
        Event {
            id: id.into(),
            label: label.into(),
            when: When::day(chrono::NaiveDate::from_ymd_opt(2015, 10, 20).unwrap_or_default()),
            actors: Vec::new(),
            agents: Vec::new(),
            sources: vec![source; sources],
            confidence: 0.5,
        }
    }

    fn point(event: u32, px: f32, row: u8) -> Mark {
        Mark {
            lane: 0,
            kind: MarkKind::Point,
            px0: px,
            px1: px,
            row,
            event,
            count: 1,
            style: MarkStyle::default(),
        }
    }

    fn rect(p: &Placed) -> (f32, f32, f32) {
        (p.x0, p.x1, p.y)
    }

    fn overlap(a: &Placed, b: &Placed) -> bool {
        (a.y - b.y).abs() < 1.0 && a.x0 < b.x1 && b.x0 < a.x1
    }

    #[test]
    fn crowded_labels_never_overlap_and_the_best_reported_wins_its_row() {
        let events: Vec<Event> = (0..12)
            .map(|i| event(&format!("e{i}"), "Ministers meet in Vienna on Syria", i % 3))
            .collect();
        let marks: Vec<Mark> = (0..12)
            .map(|i| point(i, 40.0 + i as f32 * 30.0, 0))
            .collect();
        // A lane stacked three rows deep elsewhere: its other rows take displaced labels.
        let geometry = LaneGeometry::stacked(0, 0.0, 30.0, &[3]);
        let none = BTreeSet::new();
        let frame = Frame {
            marks: &marks,
            geometry: &geometry,
            events: &events,
            width: 600.0,
            days_per_px: 0.05,
            blocked: &[],
            key_events: &none,
            starred: &none,
            graded: &|_| false,
        };
        let placed = place(&frame, &mut measure);
        assert!(placed.len() >= 2, "{placed:?}");
        for (i, a) in placed.iter().enumerate() {
            for b in &placed[i + 1..] {
                assert!(!overlap(a, b), "{:?} and {:?}", rect(a), rect(b));
            }
            assert!(a.x0 >= 0.0 && a.x1 <= 600.0);
            // Never over a mark of its row.
            for m in &marks {
                let y = geometry.mark_y(m);
                if (y - a.y).abs() < 1.0 {
                    assert!(
                        m.px0 + 6.0 <= a.x0 || m.px0 - 6.0 >= a.x1,
                        "{a:?} over {m:?}"
                    );
                }
            }
        }
        // The first placed is one with two sources.
        assert_eq!(events[placed[0].event].corroboration(), 2);
        assert!(
            placed.iter().any(|p| p.displaced),
            "uses the lane's spare row"
        );
    }

    #[test]
    fn zoomed_out_only_key_events_keep_labels() {
        let events = vec![event("a", "Quiet item", 1), event("b", "Big news", 3)];
        let marks = vec![point(0, 50.0, 0), point(1, 300.0, 0)];
        let geometry = LaneGeometry::stacked(0, 0.0, 30.0, &[1]);
        let none = BTreeSet::new();
        let mut frame = Frame {
            marks: &marks,
            geometry: &geometry,
            events: &events,
            width: 600.0,
            days_per_px: 30.0,
            blocked: &[],
            key_events: &none,
            starred: &none,
            graded: &|_| false,
        };
        let placed = place(&frame, &mut measure);
        assert_eq!(placed.iter().map(|p| p.event).collect::<Vec<_>>(), [1]);
        frame.days_per_px = 0.1;
        assert_eq!(place(&frame, &mut measure).len(), 2);
    }

    #[test]
    fn a_cut_ends_on_a_whole_word_with_an_ellipsis() {
        let text = "Putin and Assad hold talks in the Kremlin on the war";
        let (cut, width) = cut_to_fit(text, 7.0 * 30.0, &mut measure).expect("a cut");
        assert!(cut.ends_with('…'), "{cut}");
        assert!(text.starts_with(cut.trim_end_matches('…')));
        assert!(width <= 210.0);
        assert!(!cut.ends_with("the…") && !cut.ends_with("in…"), "{cut}");
        assert_eq!(cut_to_fit("Unbreakableword", 30.0, &mut measure), None);
        assert_eq!(
            cut_to_fit("Short", 100.0, &mut measure),
            Some(("Short".into(), 35.0))
        );
    }
}
