//! The legend: what each kind of mark means, defined once and drawn with the timeline's own
//! painter, so the side panel and the exported page explain the marks in the same words.

use eframe::egui::{self, RichText, Vec2, vec2};

use crate::layout::{MarkKind, MarkStyle};
use crate::model::{Credibility, Grading, Reliability};

use super::{paint, palette};

/// One line of the legend: a sample mark and what it means.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LegendItem {
    pub text: &'static str,
    pub kind: MarkKind,
    pub style: MarkStyle,
    /// Events in the sample (a cluster shows its count).
    pub count: u32,
    /// The sample carries a grading badge (B2).
    pub graded: bool,
}

/// Every line of the legend, in order.
pub fn items() -> [LegendItem; 7] {
    let item = |text, kind, style, count| LegendItem {
        text,
        kind,
        style,
        count,
        graded: false,
    };
    let plain = MarkStyle::default();
    [
        item("Event on a day", MarkKind::Point, plain, 1),
        item(
            "Date inferred from context",
            MarkKind::Point,
            MarkStyle {
                inferred: true,
                ..plain
            },
            1,
        ),
        item(
            "Period with known ends",
            MarkKind::Bar,
            MarkStyle {
                period: true,
                ..plain
            },
            1,
        ),
        item(
            "Uncertain: somewhere in span",
            MarkKind::Bar,
            MarkStyle {
                uncertain: true,
                ..plain
            },
            1,
        ),
        item("Several events (count)", MarkKind::Cluster, plain, 3),
        item(
            "Starred",
            MarkKind::Point,
            MarkStyle {
                starred: true,
                ..plain
            },
            1,
        ),
        LegendItem {
            graded: true,
            ..item("Graded report (e.g. B2)", MarkKind::Point, plain, 1)
        },
    ]
}

/// The legend as a column (the side panel).
pub fn legend_column(ui: &mut egui::Ui) {
    let colour = palette::lane(0, ui.visuals());
    for item in items() {
        ui.horizontal(|ui| {
            sample(ui, vec2(54.0, 22.0), item, colour);
            ui.label(item.text);
        });
    }
}

/// The legend as one row (the exported page).
pub fn legend_row(ui: &mut egui::Ui) {
    let colour = palette::lane(0, ui.visuals());
    // On a narrow page the samples and gaps tighten so the last item is not cut off.
    let font = egui::FontId::proportional(13.0);
    let text: f32 = items()
        .iter()
        .map(|item| {
            let galley = ui.painter().layout_no_wrap(
                item.text.to_string(),
                font.clone(),
                egui::Color32::WHITE,
            );
            galley.size().x
        })
        .sum();
    let roomy = text + items().len() as f32 * (44.0 + 8.0 + 18.0) <= ui.available_width();
    let (sample_width, gap) = if roomy { (44.0, 18.0) } else { (36.0, 8.0) };
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        for item in items() {
            sample(ui, vec2(sample_width, 24.0), item, colour);
            ui.label(RichText::new(item.text).size(13.0));
            ui.add_space(gap);
        }
    });
}

/// One sample mark (with its badge when the item is graded) in a box of `size`.
fn sample(ui: &mut egui::Ui, size: Vec2, item: LegendItem, colour: egui::Color32) {
    let (painter, rect, geometry, mark) =
        paint::legend_sample(ui, size, item.kind, item.style, item.count, colour);
    if item.graded {
        let grading = Grading::new(Reliability::B, Credibility::ProbablyTrue);
        paint::grade_badge(&painter, rect, &geometry, &mark, grading, ui.visuals());
    }
}
