//! The overview strip under the plot: density of all events over the whole timeline, the
//! visible window drawn on it, and drag to move or set the window.

use eframe::egui::{self, CornerRadius, Rect, Sense, Stroke, StrokeKind, pos2, vec2};

use crate::layout::overview::{density, overview_range};

use crate::view::Session;

/// Height of the strip.
pub const HEIGHT: f32 = 44.0;

/// Shows the strip spanning `x_range` (the plot's horizontal extent).
pub fn overview_ui(ui: &mut egui::Ui, session: &mut Session, x_range: egui::Rangef) {
    let (row, _) = ui.allocate_exact_size(vec2(ui.available_width(), HEIGHT), Sense::hover());
    let rect = Rect::from_x_y_ranges(x_range, row.y_range());
    let response = ui.interact(
        rect,
        ui.scope_id().with("overview"),
        Sense::click_and_drag(),
    );
    let visuals = ui.visuals().clone();
    let painter = ui.painter_at(rect.expand(2.0));
    painter.rect(
        rect,
        CornerRadius::same(4),
        visuals.extreme_bg_color,
        visuals.widgets.noninteractive.bg_stroke,
        StrokeKind::Inside,
    );
    let range = overview_range(session.lanes.extent, session.window.into());
    let width = rect.width().max(1.0);
    let bins = (width / 3.0) as usize;
    let counts = density(&session.lanes.starts, range, bins);
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    let bar_colour = visuals.text_color().gamma_multiply(0.45);
    for (i, &count) in counts.iter().enumerate() {
        if count == 0 {
            continue;
        }
        let h = (f64::from(count).ln_1p() / f64::from(max).ln_1p()) as f32 * (rect.height() - 8.0);
        let x = rect.left() + i as f32 * 3.0;
        let bar = Rect::from_min_max(
            pos2(x, rect.bottom() - 4.0 - h.max(2.0)),
            pos2(x + 2.0, rect.bottom() - 4.0),
        );
        painter.rect_filled(bar, 0.0, bar_colour);
    }
    let span = (range.1 - range.0).max(1e-9);
    let px = |x: f64| rect.left() + ((x - range.0) / span) as f32 * width;
    let x_at = |p: f32| range.0 + f64::from((p - rect.left()) / width) * span;
    let window = session.window;
    let (a, b) = (window.start, window.end);
    let mut lens = Rect::from_min_max(
        pos2(px(a), rect.top() + 1.0),
        pos2(px(b), rect.bottom() - 1.0),
    );
    if lens.width() < 4.0 {
        lens = Rect::from_center_size(lens.center(), vec2(4.0, lens.height()));
    }
    painter.rect(
        lens,
        CornerRadius::same(3),
        visuals.selection.bg_fill.gamma_multiply(0.25),
        Stroke::new(1.5, visuals.selection.stroke.color),
        StrokeKind::Inside,
    );
    let response = response.on_hover_text("Drag to move the view; click to centre it here");
    if let Some(pointer) = response.interact_pointer_pos() {
        if response.dragged()
            && lens.contains(
                response.interact_pointer_pos().unwrap_or(pointer) - response.drag_delta(),
            )
        {
            let shift = f64::from(response.drag_delta().x / width) * span;
            session.set_window(window.shifted(shift));
        } else if response.dragged() || response.clicked() {
            let centre = x_at(pointer.x);
            session.set_window(window.centred_on(centre));
        }
    }
}
