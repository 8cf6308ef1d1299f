//! The list an aggregate mark opens when clicked: a run of events too deep to stack, or a
//! density tick, shown as labelled rows (date and headline) from which the analyst hovers
//! and selects one, as the marks themselves allow. Kept in egui's memory under the plot's id,
//! so it stays open across frames until an event is chosen, Escape, or a click elsewhere.

use eframe::egui::{self, Id, Pos2, RichText};

use crate::layout::{Mark, MarkKind, Window};
use crate::view::Session;
use crate::view::wording::normalised_date;

/// Rows listed at most; the rest are counted, and zooming in separates them.
const MAX_ROWS: usize = 400;

/// An open list: which lane, which stretch of it, where on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenList {
    pub lane: usize,
    /// Events whose position lies in `from..=to` (axis days) are listed...
    pub from: f64,
    pub to: f64,
    /// ...by their start (a density bucket) or their middle (a run of points).
    pub by_start: bool,
    pub anchor: Pos2,
    /// The frame it opened in: the click that opened it does not close it.
    pub opened: u64,
}

/// What the analyst did in the list this frame.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ListResponse {
    pub hovered: Option<usize>,
    pub clicked: Option<usize>,
    /// "Zoom in" asked for this window.
    pub zoom: Option<(f64, f64)>,
}

/// Opens the list of aggregate `mark`, seen through `view`, at `anchor`.
pub fn open(ctx: &egui::Context, id: Id, mark: &Mark, view: Window, anchor: Pos2) {
    let by_start = mark.kind == MarkKind::Density;
    let (a, b) = if by_start {
        (mark.px0, mark.px1)
    } else {
        (mark.px0 - 0.5, mark.px1 + 0.5)
    };
    let list = OpenList {
        lane: mark.lane,
        from: view.x_from_px(a),
        to: view.x_from_px(b),
        by_start,
        anchor,
        opened: ctx.cumulative_frame_nr(),
    };
    ctx.data_mut(|d| d.insert_temp(id, list));
}

/// The list open under `id`, if any.
pub fn current(ctx: &egui::Context, id: Id) -> Option<OpenList> {
    ctx.data(|d| d.get_temp::<OpenList>(id))
}

pub fn close(ctx: &egui::Context, id: Id) {
    ctx.data_mut(|d| d.remove::<OpenList>(id));
}

/// The events `list` stands for, as indices into the timeline, in time order.
pub fn events_of(session: &Session, list: &OpenList) -> Vec<usize> {
    let Some(lane) = session.lanes.lanes.get(list.lane) else {
        return Vec::new();
    };
    let first = lane
        .entries
        .partition_point(|e| e.start < list.from - lane.max_span);
    lane.entries[first..]
        .iter()
        .take_while(|e| e.start <= list.to)
        .filter(|e| {
            let at = if list.by_start {
                e.start
            } else {
                (e.start + e.end) / 2.0
            };
            at >= list.from && at <= list.to
        })
        .map(|e| e.event as usize)
        .collect()
}

/// Draws the open list, if any, and reports hover, choice and zoom.
pub fn show(ui: &egui::Ui, id: Id, session: &Session) -> ListResponse {
    let mut out = ListResponse::default();
    let Some(list) = current(ui.ctx(), id) else {
        return out;
    };
    let events = events_of(session, &list);
    let lane_name = session
        .lanes
        .lanes
        .get(list.lane)
        .map_or("", |l| l.label.as_str());
    let mut close_it = ui.input(|i| i.key_pressed(egui::Key::Escape));
    let area = egui::Area::new(id.with("area"))
        .order(egui::Order::Foreground)
        .fixed_pos(list.anchor)
        .constrain(true)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_max_width(460.0);
                ui.horizontal(|ui| {
                    ui.label(
                        RichText::new(format!("{} events · {lane_name}", events.len())).strong(),
                    );
                    if ui.small_button("Zoom in").clicked() {
                        out.zoom = Some((list.from, list.to));
                        close_it = true;
                    }
                    if ui.small_button("Close").clicked() {
                        close_it = true;
                    }
                });
                ui.separator();
                egui::ScrollArea::vertical()
                    .max_height(320.0)
                    .show(ui, |ui| {
                        for &index in events.iter().take(MAX_ROWS) {
                            let Some(event) = session.timeline.events.get(index) else {
                                continue;
                            };
                            let text =
                                format!("{} — {}", normalised_date(&event.when), event.label);
                            let row = ui.selectable_label(session.selected == Some(index), text);
                            if row.hovered() {
                                out.hovered = Some(index);
                            }
                            if row.clicked() {
                                out.clicked = Some(index);
                                close_it = true;
                            }
                        }
                        if events.len() > MAX_ROWS {
                            ui.label(
                                RichText::new(format!(
                                    "and {} more: zoom in to see them",
                                    events.len() - MAX_ROWS
                                ))
                                .weak(),
                            );
                        }
                    });
            });
        });
    let clicked_elsewhere = ui.input(|i| {
        i.pointer.any_pressed()
            && i.pointer
                .interact_pos()
                .is_some_and(|p| !area.response.rect.contains(p))
    });
    if close_it || (clicked_elsewhere && ui.ctx().cumulative_frame_nr() > list.opened) {
        close(ui.ctx(), id);
    }
    out
}
