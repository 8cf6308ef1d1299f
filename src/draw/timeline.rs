//! The timeline widget: lane labels, the plot (egui_plot for axes, grid, pan and zoom), our
//! own marks, hit-testing and the hover tooltip. It draws into any `Ui`, so the PNG exporter
//! can render the same widget off screen.

use std::cell::RefCell;
use std::rc::Rc;

use eframe::egui::{
    self, Align2, FontId, Label, Pos2, Rect, RichText, Sense, Stroke, UiBuilder, Vec2, pos2, vec2,
};
use egui_plot::{GridMark, Plot};

use crate::layout::ticks::{Tick, ticks};
use crate::layout::{LaneGeometry, MarkKind, hit_test, visible_marks};

use crate::view::wording::best_grading;
use crate::view::{Session, TimeWindow};

use super::lane_fit::{self, LaneFit};
use super::{paint, palette, tooltip};

/// Width of the lane-label column.
pub const LABEL_WIDTH: f32 = 190.0;
/// Labels on the time axis keep at least this much room each.
const TICK_SPACING_PX: f64 = 78.0;
/// The widest window: beyond this chrono's calendar ends.
const MAX_SPAN_DAYS: f64 = 150_000_000.0;

impl Default for TimelineResponse {
    fn default() -> Self {
        Self {
            hovered: None,
            clicked: None,
            clicked_background: false,
            plot_rect: Rect::NOTHING,
            drawn: Vec::new(),
            lane_action: None,
        }
    }
}

/// What the analyst asked of a lane through its right-click menu; the caller decides (the
/// app turns it into a command, an export has no menus).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LaneAction {
    Hide(String),
    /// Move the lane up (negative) or down among its siblings.
    Move(String, isize),
    /// Open the editor on this actor.
    EditActor(String),
}

/// What happened in the widget this frame.
#[derive(Clone, Debug)]
pub struct TimelineResponse {
    /// Event under the pointer.
    pub hovered: Option<usize>,
    /// Event clicked.
    pub clicked: Option<usize>,
    /// A click on the plot that hit no mark.
    pub clicked_background: bool,
    /// The plot's rectangle on screen (without the axis).
    pub plot_rect: Rect,
    /// Screen position of every single-event mark drawn, for tests and screenshots.
    pub drawn: Vec<(usize, Pos2)>,
    /// A lane menu's choice this frame.
    pub lane_action: Option<LaneAction>,
}

/// Shows the timeline of `session` in `height` points of `ui`.
pub fn timeline_ui(ui: &mut egui::Ui, session: &mut Session, height: f32) -> TimelineResponse {
    let width = ui.available_width().max(LABEL_WIDTH + 80.0);
    let (rect, _) = ui.allocate_exact_size(vec2(width, height.max(120.0)), Sense::hover());
    let label_rect = Rect::from_min_max(rect.min, pos2(rect.min.x + LABEL_WIDTH, rect.max.y));
    let plot_area = Rect::from_min_max(pos2(label_rect.max.x, rect.min.y), rect.max);

    let tick_cache: Rc<RefCell<Vec<Tick>>> = Rc::default();
    let (spacer_ticks, formatter_ticks) = (Rc::clone(&tick_cache), Rc::clone(&tick_cache));
    let fit = session.lanes.extent.map(|(a, b)| TimeWindow::fit(a, b));
    let request = session.window_request.take();
    let mut plot_ui = ui.new_child(
        UiBuilder::new()
            .max_rect(plot_area)
            .id_salt("timeline_plot"),
    );
    let plot = Plot::new("timeline")
        .show_axes([true, false])
        .show_grid([true, false])
        .show_x(false)
        .show_y(false)
        .allow_zoom([true, false])
        .allow_drag([true, false])
        .allow_scroll(false)
        .allow_boxed_zoom(true)
        .allow_double_click_reset(true)
        .allow_axis_zoom_drag(false)
        .default_x_bounds(
            fit.map_or(session.window.start, |f| f.start),
            fit.map_or(session.window.end, |f| f.end),
        )
        .default_y_bounds(0.0, 1.0)
        .x_grid_spacer(move |input| {
            let days_per_px = input.base_step_size / 8.0;
            let list = ticks(input.bounds.0, input.bounds.1, days_per_px, TICK_SPACING_PX);
            let marks = list
                .iter()
                .map(|t| GridMark {
                    value: t.x,
                    step_size: t.step_days,
                })
                .collect();
            *spacer_ticks.borrow_mut() = list;
            marks
        })
        .x_axis_formatter(move |mark, _range| {
            formatter_ticks
                .borrow()
                .iter()
                .find(|t| t.x == mark.value)
                .map(|t| t.label.clone())
                .unwrap_or_default()
        });
    let shown = plot.show(&mut plot_ui, move |p| {
        if let Some(TimeWindow { start, end }) = request {
            p.set_plot_bounds_x(start..=end);
            p.set_plot_bounds_y(0.0..=1.0);
        }
        if p.response().contains_pointer() {
            let (scroll, dpos) = (
                p.ctx().input(|i| i.smooth_scroll_delta),
                p.transform().dvalue_dpos()[0],
            );
            if scroll.y != 0.0 {
                p.zoom_bounds_around_hovered(vec2((scroll.y * 0.004).exp(), 1.0));
            }
            if scroll.x != 0.0 {
                p.translate_bounds(vec2((-f64::from(scroll.x) * dpos) as f32, 0.0));
            }
            if scroll != Vec2::ZERO {
                p.ctx().input_mut(|i| i.smooth_scroll_delta = Vec2::ZERO);
            }
        }
    });
    let frame = *shown.transform.frame();
    let bounds = shown.transform.bounds();
    let mut window = TimeWindow::new(bounds.min()[0], bounds.max()[0]);
    let span = window.span();
    if !(span.is_finite() && span <= MAX_SPAN_DAYS && window.start.abs() < MAX_SPAN_DAYS) {
        session.set_window(fit.unwrap_or(session.window));
        window = session.window;
    } else if span < crate::layout::marks::MIN_SPAN_DAYS {
        session.set_window((window.mid(), window.mid()));
        window = session.window;
    } else {
        session.window = window;
    }

    // Lanes: as tall as fits, scrolling when there are more than MIN_PITCH allows.
    let lane_count = session.lanes.lanes.len();
    let LaneFit { pitch, fits } = lane_fit::fit(frame.height(), lane_count);
    session.lane_scroll = session.lane_scroll.min(lane_count.saturating_sub(fits));
    let geometry = LaneGeometry {
        top_px: 4.0 - session.lane_scroll as f32 * pitch,
        pitch_px: pitch,
    };
    let lane_range = session.lane_scroll..(session.lane_scroll + fits).min(lane_count);
    let view = window.viewport(frame.width());
    let marks = visible_marks(&session.lanes, view, lane_range.clone());

    let visuals = ui.visuals().clone();
    let painter = ui.painter_at(frame);
    paint::lane_bands(&painter, frame, geometry, lane_range.clone(), &visuals);

    let pointer = ui
        .input(|i| i.pointer.hover_pos())
        .filter(|p| frame.contains(*p));
    let interacting = shown.response.dragged() || shown.response.drag_stopped();
    let hovered_mark = pointer.filter(|_| !interacting).and_then(|p| {
        hit_test(
            &marks.marks,
            geometry,
            p.x - frame.left(),
            p.y - frame.top(),
        )
    });

    let selected = session.selected;
    let highlight = |event: u32| {
        let event = event as usize;
        (
            selected == Some(event),
            hovered_mark.map(|i| marks.marks[i].event as usize) == Some(event),
        )
    };
    paint::connectors(&painter, frame, geometry, &marks.connectors, &visuals);
    let mut drawn = Vec::new();
    let max_density = marks
        .marks
        .iter()
        .filter(|m| m.kind == MarkKind::Density)
        .map(|m| m.count)
        .max()
        .unwrap_or(1);
    for mark in &marks.marks {
        let Some(lane) = session.lanes.lanes.get(mark.lane) else {
            continue;
        };
        let colour = palette::lane_with(session.lane_colours.get(&lane.key), lane.colour, &visuals);
        let (is_selected, is_hovered) = highlight(mark.event);
        let centre = pos2(
            frame.left() + mark.centre_px(),
            frame.top() + geometry.mark_y(mark),
        );
        if mark.count == 1 {
            drawn.push((mark.event as usize, centre));
        }
        paint::mark(
            &painter,
            frame,
            geometry,
            mark,
            paint::MarkLook {
                colour,
                selected: is_selected,
                hovered: is_hovered,
                max_density,
            },
            &visuals,
        );
        let grading = (mark.count == 1)
            .then(|| session.timeline.events.get(mark.event as usize))
            .flatten()
            .and_then(best_grading);
        if let Some(grading) = grading {
            paint::grade_badge(&painter, frame, geometry, mark, grading, &visuals);
        }
    }

    let lane_action = lane_labels(ui, session, label_rect, frame, geometry, lane_range, fits);
    paint::caption(
        ui.painter(),
        pos2(label_rect.left() + 12.0, frame.bottom() + 5.0),
        window,
        &visuals,
    );

    let mut response = TimelineResponse {
        plot_rect: frame,
        drawn,
        hovered: None,
        clicked: None,
        clicked_background: false,
        lane_action,
    };
    if let Some(index) = hovered_mark {
        let mark = marks.marks[index];
        response.hovered = Some(mark.event as usize);
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
        let timeline = &session.timeline;
        let lane = session.lanes.lanes.get(mark.lane);
        egui::Tooltip::always_open(
            ui.ctx().clone(),
            ui.layer_id(),
            shown.response.id,
            egui::PopupAnchor::Pointer,
        )
        .gap(14.0)
        .show(|ui| tooltip::mark_tooltip_ui(ui, timeline, lane, &mark, view));
    }
    if shown.response.clicked() {
        match hovered_mark {
            Some(index) if marks.marks[index].count == 1 => {
                response.clicked = Some(marks.marks[index].event as usize);
            }
            Some(index) => {
                // A cluster or density mark: zoom to it so its events separate.
                let mark = marks.marks[index];
                let (a, b) = (
                    view.x_from_px(mark.px0 - 40.0),
                    view.x_from_px(mark.px1 + 40.0),
                );
                session.set_window((a, b));
            }
            None => response.clicked_background = true,
        }
    }
    response
}

/// Lane names in the left column, as real labels (readable by screen readers and tests), with
/// a colour swatch and a right-click menu to hide or move the lane (returned, not applied).
fn lane_labels(
    ui: &mut egui::Ui,
    session: &mut Session,
    label_rect: Rect,
    frame: Rect,
    geometry: LaneGeometry,
    lane_range: std::ops::Range<usize>,
    fits: usize,
) -> Option<LaneAction> {
    let visuals = ui.visuals().clone();
    let painter = ui.painter_at(Rect::from_x_y_ranges(label_rect.x_range(), frame.y_range()));
    let scroll_hint = session.lane_scroll > 0 || lane_range.end < session.lanes.lanes.len();
    let mut action: Option<LaneAction> = None;
    for index in lane_range {
        let Some(lane) = session.lanes.lanes.get(index) else {
            continue;
        };
        let y = frame.top() + geometry.centre_y(index);
        if y < frame.top() || y > frame.bottom() {
            continue;
        }
        let indent = 12.0 + f32::from(lane.depth) * 16.0;
        let swatch = Rect::from_center_size(pos2(label_rect.left() + indent, y), vec2(5.0, 16.0));
        painter.rect_filled(
            swatch,
            2.0,
            palette::lane_with(session.lane_colours.get(&lane.key), lane.colour, &visuals),
        );
        let text_rect = Rect::from_min_max(
            pos2(swatch.right() + 8.0, y - geometry.pitch_px / 2.0),
            pos2(label_rect.right() - 10.0, y + geometry.pitch_px / 2.0),
        );
        let text = if lane.depth == 0 {
            RichText::new(&lane.label).strong()
        } else {
            RichText::new(&lane.label)
        };
        let mut child = ui.new_child(
            UiBuilder::new()
                .max_rect(text_rect)
                .layout(egui::Layout::left_to_right(egui::Align::Center)),
        );
        let label = child
            .add(Label::new(text).truncate().sense(Sense::click()))
            .on_hover_text(format!(
                "{} · {} events · right-click for options",
                lane.label,
                lane.entries.len()
            ));
        label.context_menu(|ui| {
            if let Some(actor) = lane.key.strip_prefix("actor:")
                && ui.button("Edit actor…").clicked()
            {
                action = Some(LaneAction::EditActor(actor.to_string()));
            }
            if ui.button("Hide lane").clicked() {
                action = Some(LaneAction::Hide(lane.key.clone()));
            }
            if ui.button("Move up").clicked() {
                action = Some(LaneAction::Move(lane.key.clone(), -1));
            }
            if ui.button("Move down").clicked() {
                action = Some(LaneAction::Move(lane.key.clone(), 1));
            }
        });
    }
    if scroll_hint {
        let hint = format!(
            "Lanes {}–{} of {} · scroll here",
            session.lane_scroll + 1,
            (session.lane_scroll + fits).min(session.lanes.lanes.len()),
            session.lanes.lanes.len()
        );
        painter.text(
            pos2(label_rect.left() + 12.0, frame.bottom() - 4.0),
            Align2::LEFT_BOTTOM,
            hint,
            FontId::proportional(11.0),
            visuals.weak_text_color(),
        );
        lane_scrollbar(ui, session, label_rect, frame, fits);
    }
    let over_labels = ui
        .input(|i| i.pointer.hover_pos())
        .is_some_and(|p| label_rect.contains(p));
    if over_labels {
        let scroll = ui.input(|i| i.smooth_scroll_delta.y);
        if scroll.abs() > 0.5 {
            let step = (-scroll / geometry.pitch_px).round() as isize;
            let step = if step == 0 {
                -(scroll.signum() as isize)
            } else {
                step
            };
            session.lane_scroll = session.lane_scroll.saturating_add_signed(step);
            ui.input_mut(|i| i.smooth_scroll_delta = Vec2::ZERO);
        }
    }
    painter.line_segment(
        [
            pos2(label_rect.right() - 0.5, frame.top()),
            pos2(label_rect.right() - 0.5, frame.bottom()),
        ],
        Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color),
    );
    action
}

/// A thin scrollbar at the right of the label column when there are more lanes than fit.
fn lane_scrollbar(
    ui: &mut egui::Ui,
    session: &mut Session,
    label_rect: Rect,
    frame: Rect,
    fits: usize,
) {
    let total = session.lanes.lanes.len().max(1) as f32;
    let track = Rect::from_min_max(
        pos2(label_rect.right() - 8.0, frame.top() + 2.0),
        pos2(label_rect.right() - 3.0, frame.bottom() - 2.0),
    );
    let response = ui.interact(
        track.expand2(vec2(3.0, 0.0)),
        ui.scope_id().with("lane_scrollbar"),
        Sense::click_and_drag(),
    );
    if let Some(pointer) = response.interact_pointer_pos() {
        let fraction = ((pointer.y - track.top()) / track.height()).clamp(0.0, 1.0);
        let first = (fraction * total - fits as f32 / 2.0).round().max(0.0) as usize;
        session.lane_scroll = first.min(session.lanes.lanes.len().saturating_sub(fits));
    }
    let visuals = ui.visuals();
    let thumb_top = track.top() + track.height() * session.lane_scroll as f32 / total;
    let thumb_height = (track.height() * fits as f32 / total).max(16.0);
    let thumb = Rect::from_min_size(
        pos2(track.left(), thumb_top),
        vec2(track.width(), thumb_height),
    );
    let painter = ui.painter();
    painter.rect_filled(track, 2.5, visuals.extreme_bg_color);
    let colour = if response.hovered() || response.dragged() {
        visuals.widgets.hovered.fg_stroke.color
    } else {
        visuals.widgets.inactive.bg_fill
    };
    painter.rect_filled(thumb, 2.5, colour);
}
