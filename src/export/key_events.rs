//! The key events of an exported briefing page: the analyst's starred briefing list, or else
//! the digest's key events, numbered on the timeline beside their marks and listed under it
//! with date, headline and sources — the text an analyst reads out in the briefing room.
//! Chosen once per export (the digest is not cheap) and drawn on every page.

use std::collections::{BTreeSet, HashMap, HashSet};

use eframe::egui::{
    self, Align2, Color32, FontId, Label, Pos2, Rect, RichText, Stroke, pos2, vec2,
};

use crate::digest;
use crate::draw::TimelineResponse;
use crate::view::Session;
use crate::view::wording::normalised_date;

/// More than this and the list stops being a summary.
pub const MAX_KEY_EVENTS: usize = 10;
/// Height of one line of the list, in points.
const LINE: f32 = 21.0;
/// The list's heading and the space around it, in points.
const HEADING: f32 = 40.0;
/// The numbered discs' radius, in points.
const DISC_RADIUS: f32 = 8.0;

/// One numbered key event.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyEvent {
    /// From 1, in date order.
    pub number: usize,
    /// Index into `Timeline::events`.
    pub event: usize,
    pub date: String,
    pub headline: String,
    /// Distinct articles that report it.
    pub sources: usize,
}

/// The key events of what `session` shows: its starred events (the briefing list) when there
/// are any, else the digest's, at most [`MAX_KEY_EVENTS`], in date order.
pub fn key_events(session: &Session) -> Vec<KeyEvent> {
    let shown: HashSet<usize> = session
        .lanes
        .lanes
        .iter()
        .flat_map(|lane| lane.entries.iter().map(|e| e.event as usize))
        .collect();
    let events = &session.timeline.events;
    // Indexed once: the starred list may be long, and each look-up would scan every event.
    let mut by_id: HashMap<&str, usize> = HashMap::with_capacity(events.len());
    for (i, e) in events.iter().enumerate() {
        by_id.entry(e.id.as_str()).or_insert(i);
    }
    let index_of = |id: &String| by_id.get(id.as_str()).copied();
    let starred: Vec<usize> = session
        .project
        .annotations()
        .starred
        .iter()
        .filter_map(index_of)
        .filter(|i| shown.contains(i))
        .collect();
    let chosen = if starred.is_empty() {
        digest::key_event_ids(&session.timeline, MAX_KEY_EVENTS)
            .iter()
            .filter_map(index_of)
            .filter(|i| shown.contains(i))
            .collect()
    } else {
        starred
    };
    let mut seen = HashSet::new();
    let mut chosen: Vec<usize> = chosen
        .into_iter()
        .filter(|i| seen.insert(*i))
        .take(MAX_KEY_EVENTS)
        .collect();
    chosen.sort_by_key(|&i| events.get(i).map(|e| (e.when.start, e.when.end)));
    chosen
        .into_iter()
        .enumerate()
        .filter_map(|(n, i)| {
            let event = events.get(i)?;
            let sources: BTreeSet<&str> =
                event.sources.iter().map(|s| s.article.as_str()).collect();
            Some(KeyEvent {
                number: n + 1,
                event: i,
                date: normalised_date(&event.when),
                headline: event.label.clone(),
                sources: sources.len(),
            })
        })
        .collect()
}

/// The height [`list_ui`] takes for `count` events.
pub fn list_height(count: usize) -> f32 {
    if count == 0 {
        return 0.0;
    }
    HEADING + count.div_ceil(2) as f32 * LINE
}

/// The numbered list in two columns, filled top to bottom then left to right.
pub fn list_ui(ui: &mut egui::Ui, events: &[KeyEvent]) {
    if events.is_empty() {
        return;
    }
    ui.add_space(6.0);
    ui.label(RichText::new("Key events").size(15.0).strong());
    ui.add_space(4.0);
    let rows = events.len().div_ceil(2);
    let column = ((ui.available_width() - 24.0) / 2.0).max(120.0);
    ui.horizontal_top(|ui| {
        for half in events.chunks(rows) {
            ui.vertical(|ui| {
                ui.set_width(column);
                for key in half {
                    line_ui(ui, key, column);
                }
            });
            ui.add_space(24.0);
        }
    });
    ui.add_space(10.0);
}

fn line_ui(ui: &mut egui::Ui, key: &KeyEvent, width: f32) {
    let (rect, _) = ui.allocate_exact_size(vec2(width, LINE), egui::Sense::hover());
    let disc = pos2(rect.left() + 9.0, rect.center().y);
    number_disc(ui.painter(), disc, key.number, ui.visuals());
    let sources = match key.sources {
        0 => String::new(),
        1 => " · 1 source".to_string(),
        n => format!(" · {n} sources"),
    };
    let mut text = egui::text::LayoutJob::default();
    let strong = ui.visuals().strong_text_color();
    let weak = ui.visuals().weak_text_color();
    let format = |size: f32, color: Color32| egui::TextFormat {
        font_id: FontId::proportional(size),
        color,
        ..Default::default()
    };
    text.append(&format!("{}  ", key.date), 0.0, format(13.0, weak));
    text.append(&key.headline, 0.0, format(14.0, strong));
    text.append(&sources, 0.0, format(13.0, weak));
    let text_rect = egui::Rect::from_min_max(pos2(disc.x + 16.0, rect.top()), rect.max);
    let mut line = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(text_rect)
            .layout(egui::Layout::left_to_right(egui::Align::Center)),
    );
    line.add(Label::new(text).truncate());
}

/// Numbers the key events on the timeline: a small disc beside each one's mark (where the
/// widget drew it as a lone mark), linking the chart to the list. Each disc goes to the first
/// spot around its mark that covers no other disc, mark, count badge or label and stays on
/// the plot; when every spot is taken, the one covering least.
pub fn number_marks(ui: &egui::Ui, events: &[KeyEvent], drawn: &TimelineResponse) {
    let painter = ui.painter();
    let marks: Vec<(usize, Pos2)> = events
        .iter()
        .filter_map(|key| {
            let (_, at) = drawn.drawn.iter().find(|(event, _)| *event == key.event)?;
            Some((key.number, *at))
        })
        .collect();
    let labels: Vec<Rect> = drawn.labels.iter().map(|(_, r)| *r).collect();
    let obstacles = Obstacles {
        plot: drawn.plot_rect,
        marks: &drawn.marks,
        labels: &labels,
    };
    let at: Vec<Pos2> = marks.iter().map(|(_, at)| *at).collect();
    for ((number, at), disc) in marks.iter().zip(place_discs(&at, &obstacles)) {
        painter.line_segment(
            [*at, disc],
            Stroke::new(1.0, ui.visuals().strong_text_color()),
        );
        number_disc(painter, disc, *number, ui.visuals());
    }
}

/// What a numbered disc must keep clear of, on screen.
struct Obstacles<'a> {
    /// The discs stay inside it.
    plot: Rect,
    /// Every mark and count badge drawn.
    marks: &'a [Rect],
    /// Every headline drawn.
    labels: &'a [Rect],
}

/// Where the discs of marks at `at` go (see [`number_marks`]), in order.
fn place_discs(at: &[Pos2], obstacles: &Obstacles<'_>) -> Vec<Pos2> {
    // Up-right first (the old place, clear of the headline to the right), then around.
    const SPOTS: [(f32, f32); 8] = [
        (1.0, -1.0),
        (-1.0, -1.0),
        (0.0, -1.4),
        (1.0, 1.0),
        (-1.0, 1.0),
        (0.0, 1.4),
        (-1.4, 0.0),
        (1.4, 0.0),
    ];
    let mut placed: Vec<Pos2> = Vec::with_capacity(at.len());
    for &mark in at {
        let mut best: Option<(f32, Pos2)> = None;
        'search: for reach in [1.3, 2.2, 3.2] {
            for (dx, dy) in SPOTS {
                let centre = mark + vec2(dx, dy) * DISC_RADIUS * reach;
                let cost = cost_at(centre, mark, &placed, obstacles);
                if best.is_none_or(|(c, _)| cost < c) {
                    best = Some((cost, centre));
                }
                if cost == 0.0 {
                    break 'search;
                }
            }
        }
        placed.push(best.map_or(mark, |(_, centre)| centre));
    }
    placed
}

/// How badly a disc at `centre` for the mark at `own` covers what is there: another disc or
/// mark weighs most, a headline less, leaving the plot least.
fn cost_at(centre: Pos2, own: Pos2, placed: &[Pos2], obstacles: &Obstacles<'_>) -> f32 {
    let clear = DISC_RADIUS + 1.0;
    let covers = |r: &&Rect| r.distance_to_pos(centre) < clear;
    let discs = placed
        .iter()
        .filter(|p| p.distance(centre) < 2.0 * clear)
        .count();
    // The disc's own mark (and a bar it sits on) is what the leader line points at.
    let marks = (obstacles.marks.iter())
        .filter(|r| !r.contains(own))
        .filter(covers)
        .count();
    let labels = obstacles.labels.iter().filter(covers).count();
    let disc = Rect::from_center_size(centre, vec2(2.0, 2.0) * clear);
    let outside = !obstacles.plot.contains_rect(disc);
    (10 * (discs + marks) + 3 * labels + usize::from(outside)) as f32
}

fn number_disc(painter: &egui::Painter, centre: Pos2, number: usize, visuals: &egui::Visuals) {
    painter.circle_filled(centre, DISC_RADIUS, visuals.strong_text_color());
    painter.text(
        centre,
        Align2::CENTER_CENTER,
        number.to_string(),
        FontId::proportional(11.0),
        visuals.panel_fill,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discs_keep_clear_of_count_badges_labels_and_each_other() {
        let plot = Rect::from_min_max(pos2(0.0, 0.0), pos2(400.0, 200.0));
        // Two key events a day apart, a count badge up and to the right of them (the disc's
        // old place) and a headline to their left.
        let at = [pos2(100.0, 100.0), pos2(104.0, 100.0)];
        let marks = [
            Rect::from_center_size(at[0], vec2(15.0, 15.0)),
            Rect::from_center_size(at[1], vec2(15.0, 15.0)),
            Rect::from_center_size(pos2(113.0, 88.0), vec2(24.0, 15.0)),
        ];
        let labels = [Rect::from_min_max(pos2(20.0, 80.0), pos2(96.0, 96.0))];
        let obstacles = Obstacles {
            plot,
            marks: &marks,
            labels: &labels,
        };
        let discs = place_discs(&at, &obstacles);
        assert_eq!(discs.len(), 2);
        assert!(
            discs[0].distance(discs[1]) >= 2.0 * DISC_RADIUS,
            "discs overlap: {discs:?}"
        );
        for disc in &discs {
            for rect in marks.iter().skip(2).chain(&labels) {
                assert!(
                    rect.distance_to_pos(*disc) >= DISC_RADIUS,
                    "{disc:?} covers {rect:?}"
                );
            }
            assert!(plot.contains(*disc));
            assert!(disc.distance(at[0]) < 4.0 * DISC_RADIUS, "near its mark");
        }
    }

    #[test]
    fn a_disc_at_the_plots_top_edge_goes_below_its_mark() {
        let plot = Rect::from_min_max(pos2(0.0, 0.0), pos2(400.0, 200.0));
        let at = [pos2(50.0, 6.0)];
        let marks = [Rect::from_center_size(at[0], vec2(15.0, 15.0))];
        let obstacles = Obstacles {
            plot,
            marks: &marks,
            labels: &[],
        };
        let disc = place_discs(&at, &obstacles)[0];
        assert!(disc.y > at[0].y, "{disc:?}");
    }
}
