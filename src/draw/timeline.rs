//! The timeline widget: lane labels, the plot (egui_plot for axes, grid, pan and zoom), our
//! own marks, hit-testing and the hover tooltip. It draws into any `Ui`, so the PNG exporter
//! can render the same widget off screen.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use eframe::egui::{
    self, Align2, FontId, Label, Pos2, Rect, RichText, Sense, Stroke, UiBuilder, Vec2, pos2, vec2,
};
use egui_plot::{GridMark, Plot};

use crate::layout::hit::ROW_PX;
use crate::layout::ticks::Tick;
use crate::layout::{LaneGeometry, MarkKind, hit_test};

use crate::view::wording::best_grading;
use crate::view::{Session, TimeWindow};

use super::axis::{self, AxisView};
use super::lane_fit;
use super::lane_layout::{LaidOut, lay_out_lanes};
use super::lane_pages::{self, PageShown};
use super::{aggregate, labels, paint, palette, tooltip};

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
            labels: Vec::new(),
            breaks: Vec::new(),
            outlier_tabs: Vec::new(),
            lane_action: None,
            page: None,
            marks: Vec::new(),
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
    /// Every headline drawn on the plot: the event and the label's rectangle on screen.
    /// Hovering or clicking one is hovering or clicking its event.
    pub labels: Vec<(usize, Rect)>,
    /// The breaks drawn on the time axis: band on screen and caption ("11 months skipped").
    pub breaks: Vec<(Rect, String)>,
    /// The tabs at the plot's edges counting events outside the window: rect and count.
    pub outlier_tabs: Vec<(Rect, usize)>,
    /// A lane menu's choice this frame.
    pub lane_action: Option<LaneAction>,
    /// The page of lanes shown when the session pages them (`Session::lane_paging`).
    pub page: Option<PageShown>,
    /// The room every mark drawn takes on screen (points, bars, count badges), so what is
    /// drawn over the timeline (the briefing's numbered discs) can keep clear of them.
    pub marks: Vec<Rect>,
}

/// Shows the timeline of `session` in `height` points of `ui`.
pub fn timeline_ui(ui: &mut egui::Ui, session: &mut Session, height: f32) -> TimelineResponse {
    let width = ui.available_width().max(LABEL_WIDTH + 80.0);
    let (rect, _) = ui.allocate_exact_size(vec2(width, height.max(120.0)), Sense::hover());
    let label_rect_column =
        Rect::from_min_max(rect.min, pos2(rect.min.x + LABEL_WIDTH, rect.max.y));
    let plot_area = Rect::from_min_max(pos2(label_rect_column.max.x, rect.min.y), rect.max);

    let tick_cache: Rc<RefCell<Vec<Tick>>> = Rc::default();
    let (spacer_ticks, formatter_ticks) = (Rc::clone(&tick_cache), Rc::clone(&tick_cache));
    let fit = session.lanes.extent.map(|(a, b)| TimeWindow::fit(a, b));
    // The plot runs in compressed units: long empty stretches take a narrow break.
    let compressed = axis::axis_for(ui.ctx(), &session.lanes);
    let to_c = |w: TimeWindow| {
        (
            compressed.compressed_from_x(w.start),
            compressed.compressed_from_x(w.end),
        )
    };
    let request = session.window_request.take().map(to_c);
    let default_bounds = to_c(fit.unwrap_or(session.window));
    let spacer_axis = Arc::clone(&compressed);
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
        .default_x_bounds(default_bounds.0, default_bounds.1)
        .default_y_bounds(0.0, 1.0)
        .x_grid_spacer(move |input| {
            let days_per_px = input.base_step_size / 8.0;
            let view = AxisView {
                axis: Arc::clone(&spacer_axis),
                c0: input.bounds.0,
                c1: input.bounds.1,
                width: ((input.bounds.1 - input.bounds.0) / days_per_px.max(1e-12)) as f32,
            };
            let list = view.ticks(TICK_SPACING_PX);
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
        if let Some((start, end)) = request {
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
    let mut view = AxisView {
        axis: Arc::clone(&compressed),
        c0: bounds.min()[0],
        c1: bounds.max()[0],
        width: frame.width(),
    };
    let mut window = view.days();
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
    if session.window != window || view.c1.is_nan() || view.c1 <= view.c0 {
        view = AxisView::of_days(Arc::clone(&compressed), session.window, frame.width());
    }

    let (layout, page) = paged_layout(session, &view, frame.height());
    let LaidOut {
        marks,
        geometry,
        shown: lanes_shown,
    } = layout;

    let visuals = ui.visuals().clone();
    let painter = ui.painter_at(frame);
    paint::lane_bands(&painter, frame, &geometry, &visuals);
    let breaks = axis::paint_breaks(&painter, frame, &view, &visuals);
    let blocked = axis::kept_clear(&breaks, frame, axis::outside(&session.lanes, window));

    let labels = place_labels(ui.ctx(), session, &marks.marks, &geometry, &view, &blocked);

    let pointer = ui
        .input(|i| i.pointer.hover_pos())
        .filter(|p| frame.contains(*p));
    let interacting = shown.response.dragged() || shown.response.drag_stopped();
    let list_id = shown.response.id.with("aggregate_list");
    let list_open = aggregate::current(ui.ctx(), list_id).is_some();
    let hovered_mark = pointer
        .filter(|_| !interacting && !list_open)
        .and_then(|p| {
            let (px, py) = (p.x - frame.left(), p.y - frame.top());
            labels
                .iter()
                .find(|l| label_rect(l, frame).contains(p))
                .map(|l| l.mark)
                .or_else(|| hit_test(&marks.marks, &geometry, px, py))
        });

    paint::connectors(&painter, frame, &geometry, &marks.connectors, &visuals);
    let (drawn, label_rects) = paint_marks_and_labels(
        &painter,
        frame,
        session,
        Drawing {
            marks: &marks.marks,
            geometry: &geometry,
            labels: &labels,
            hovered_mark,
        },
        &visuals,
    );

    let lane_action = lane_labels(
        ui,
        session,
        label_rect_column,
        frame,
        &geometry,
        lanes_shown,
        page.is_some(),
    );
    paint::caption(
        ui.painter(),
        pos2(label_rect_column.left() + 12.0, frame.bottom() + 5.0),
        window,
        &visuals,
    );

    let mut response = TimelineResponse {
        plot_rect: frame,
        drawn,
        labels: label_rects,
        breaks: Vec::new(),
        outlier_tabs: Vec::new(),
        hovered: None,
        clicked: None,
        clicked_background: false,
        lane_action,
        page,
        marks: paint::mark_rects(frame, &geometry, &marks.marks),
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
        .show(|ui| {
            let local = view.linear_at(mark.centre_px());
            tooltip::mark_tooltip_ui(ui, timeline, lane, &mark, local);
        });
    }
    if shown.response.clicked() && !list_open {
        match hovered_mark {
            Some(index) if marks.marks[index].count == 1 => {
                response.clicked = Some(marks.marks[index].event as usize);
            }
            Some(index) => {
                // An aggregate: list its events, labelled, to hover and pick from.
                let anchor = pointer.unwrap_or(frame.center()) + vec2(8.0, 8.0);
                let mark = &marks.marks[index];
                let local = view.linear_at(mark.centre_px());
                aggregate::open(ui.ctx(), list_id, mark, local, anchor);
            }
            None => response.clicked_background = true,
        }
    }
    response.breaks = breaks;
    edges_and_list(ui, session, frame, window, list_id, &mut response);
    response
}

/// The lanes of this frame laid out, and the page of them shown when the session pages its
/// lanes instead of scrolling them.
fn paged_layout(
    session: &mut Session,
    view: &AxisView,
    plot_height: f32,
) -> (LaidOut, Option<PageShown>) {
    let page = lane_pages::shown(session, view, plot_height);
    let lanes = page.as_ref().map(|p| p.lanes.clone());
    (lay_out_lanes(session, view, plot_height, lanes), page)
}

/// The outlier tabs at the plot's edges and the open aggregate list, applied to `response`
/// and the session's window.
fn edges_and_list(
    ui: &mut egui::Ui,
    session: &mut Session,
    frame: Rect,
    window: TimeWindow,
    list_id: egui::Id,
    response: &mut TimelineResponse,
) {
    let (asked, tabs) = axis::outlier_tabs(ui, frame, &session.lanes, window);
    if let Some(wider) = asked {
        session.set_window(wider);
    }
    response.outlier_tabs = tabs;
    let list = aggregate::show(ui, list_id, session);
    if list.hovered.is_some() {
        response.hovered = list.hovered;
    }
    if list.clicked.is_some() {
        response.clicked = list.clicked;
    }
    if let Some((a, b)) = list.zoom {
        let pad = ((b - a) * 0.5).max(0.5);
        session.set_window((a - pad, b + pad));
    }
}

/// What one frame draws: its marks, lanes, labels and the mark under the pointer.
struct Drawing<'a> {
    marks: &'a [crate::layout::Mark],
    geometry: &'a LaneGeometry,
    labels: &'a [labels::Placed],
    hovered_mark: Option<usize>,
}

/// Paints the marks, their grade badges and the labels; returns where single marks and
/// labels were drawn (for tests and hit-testing).
#[expect(
    clippy::type_complexity,
    reason = "two plain lists of (event, where) pairs"
)]
fn paint_marks_and_labels(
    painter: &egui::Painter,
    frame: Rect,
    session: &Session,
    drawing: Drawing<'_>,
    visuals: &egui::Visuals,
) -> (Vec<(usize, Pos2)>, Vec<(usize, Rect)>) {
    let Drawing {
        marks,
        geometry,
        labels,
        hovered_mark,
    } = drawing;
    let selected = session.selected;
    let hovered_event = hovered_mark.map(|i| marks[i].event as usize);
    let mut drawn = Vec::new();
    let max_density = marks
        .iter()
        .filter(|m| m.kind == MarkKind::Density)
        .map(|m| m.count)
        .max()
        .unwrap_or(1);
    for mark in marks {
        let Some(lane) = session.lanes.lanes.get(mark.lane) else {
            continue;
        };
        let colour = palette::lane_with(session.lane_colours.get(&lane.key), lane.colour, visuals);
        let single = mark.count == 1;
        let event = mark.event as usize;
        let centre = pos2(
            frame.left() + mark.centre_px(),
            frame.top() + geometry.mark_y(mark),
        );
        if single {
            drawn.push((event, centre));
        }
        let hovered = hovered_mark.is_some_and(|i| std::ptr::eq(&marks[i], mark))
            || (single && hovered_event == Some(event));
        paint::mark(
            painter,
            frame,
            geometry,
            mark,
            paint::MarkLook {
                colour,
                selected: single && selected == Some(event),
                hovered,
                max_density,
            },
            visuals,
        );
        let grading = single
            .then(|| session.timeline.events.get(event))
            .flatten()
            .and_then(best_grading);
        if let Some(grading) = grading {
            paint::grade_badge(painter, frame, geometry, mark, grading, visuals);
        }
    }
    let mut label_rects = Vec::with_capacity(labels.len());
    for placed in labels {
        let mark = &marks[placed.mark];
        let Some(lane) = session.lanes.lanes.get(mark.lane) else {
            continue;
        };
        let rect = label_rect(placed, frame);
        let leader = placed.displaced.then(|| {
            pos2(
                frame.left() + mark.centre_px(),
                frame.top() + geometry.mark_y(mark),
            )
        });
        let look = paint::LabelLook {
            colour: palette::lane_with(session.lane_colours.get(&lane.key), lane.colour, visuals),
            emphasised: selected == Some(placed.event) || hovered_event == Some(placed.event),
        };
        paint::label(painter, rect, &placed.text, leader, look, visuals);
        label_rects.push((placed.event, rect));
    }

    (drawn, label_rects)
}

/// Where `placed` sits on screen.
fn label_rect(placed: &labels::Placed, frame: Rect) -> Rect {
    let half = ROW_PX / 2.0 - 1.5;
    Rect::from_min_max(
        pos2(frame.left() + placed.x0, frame.top() + placed.y - half),
        pos2(frame.left() + placed.x1, frame.top() + placed.y + half),
    )
}

/// The headlines of this frame's marks, placed with egui's glyph widths.
fn place_labels(
    ctx: &egui::Context,
    session: &Session,
    marks: &[crate::layout::Mark],
    geometry: &LaneGeometry,
    view: &AxisView,
    blocked: &[(f32, f32)],
) -> Vec<labels::Placed> {
    let events = &session.timeline.events;
    let graded = |event: usize| events.get(event).and_then(best_grading).is_some();
    let frame = labels::Frame {
        marks,
        geometry,
        events,
        width: view.width,
        days_per_px: view.days_per_px(),
        blocked,
        key_events: &session.settings.key_events,
        starred: &session.settings.starred,
        graded: &graded,
    };
    let font = FontId::proportional(labels::LABEL_FONT);
    ctx.fonts_mut(|fonts| {
        let mut glyph = |c: char| fonts.glyph_width(&font, c);
        labels::place(&frame, &mut glyph)
    })
}

/// Lane names in the left column, as real labels (readable by screen readers and tests), with
/// a colour swatch and a right-click menu to hide or move the lane (returned, not applied).
fn lane_labels(
    ui: &mut egui::Ui,
    session: &mut Session,
    label_rect: Rect,
    frame: Rect,
    geometry: &LaneGeometry,
    fits: usize,
    paged: bool,
) -> Option<LaneAction> {
    let lane_range = geometry.lanes();
    let visuals = ui.visuals().clone();
    let painter = ui.painter_at(Rect::from_x_y_ranges(label_rect.x_range(), frame.y_range()));
    // A paged timeline (slides, pages) says which page it is elsewhere and never scrolls.
    let scroll_hint =
        !paged && (session.lane_scroll > 0 || lane_range.end < session.lanes.lanes.len());
    let mut action: Option<LaneAction> = None;
    for index in lane_range {
        let Some(lane) = session.lanes.lanes.get(index) else {
            continue;
        };
        let y = frame.top() + geometry.centre_y(index);
        let (lane_top, lane_bottom) = (
            frame.top() + geometry.lane_top(index),
            frame.top() + geometry.lane_bottom(index),
        );
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
            pos2(swatch.right() + 8.0, lane_top),
            pos2(label_rect.right() - 10.0, lane_bottom),
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
    if over_labels && !paged {
        let scroll = ui.input(|i| i.smooth_scroll_delta.y);
        if scroll.abs() > 0.5 {
            let step = (-scroll / lane_fit::MIN_PITCH).round() as isize;
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
