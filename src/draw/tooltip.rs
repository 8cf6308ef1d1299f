//! The hover tooltip: what the mark is, when (as written and as normalised), who, and the
//! sentence it came from with the time expression highlighted.

use eframe::egui::text::LayoutJob;
use eframe::egui::{self, FontId, RichText, TextFormat};

use crate::layout::{Lane, Mark, MarkKind, Window};
use crate::model::{Event, SourceRef, Timeline};
use crate::view::wording::{
    actor_names, best_grading, date_line, normalised_date, source_line, written_date,
};

use super::palette;

/// Tooltip contents for `mark`.
pub fn mark_tooltip_ui(
    ui: &mut egui::Ui,
    timeline: &Timeline,
    lane: Option<&Lane>,
    mark: &Mark,
    view: Window,
) {
    ui.set_max_width(420.0);
    match mark.kind {
        MarkKind::Point | MarkKind::Bar => {
            if let Some(event) = timeline.events.get(mark.event as usize) {
                event_summary_ui(ui, timeline, event);
            }
        }
        MarkKind::Cluster | MarkKind::Density => {
            let lane_name = lane.map_or("this lane", |l| l.label.as_str());
            ui.label(
                RichText::new(match mark.count {
                    1 => "1 event".to_string(),
                    n => format!("{n} events"),
                })
                .strong()
                .size(15.0),
            );
            let (a, b) = (
                view.x_from_px(mark.px0),
                view.x_from_px(mark.px1.max(mark.px0 + 1.0)),
            );
            ui.label(format!(
                "{lane_name} · {}",
                crate::layout::ticks::window_caption(a, b + 1.0)
            ));
            if let Some(lane) = lane {
                let first = lane.entries.partition_point(|e| e.start < a - 1.0);
                for entry in lane.entries[first..]
                    .iter()
                    .take_while(|e| e.start <= b)
                    .take(6)
                {
                    if let Some(event) = timeline.events.get(entry.event as usize) {
                        ui.label(format!(
                            "• {} — {}",
                            normalised_date(&event.when),
                            event.label
                        ));
                    }
                }
            }
            ui.label(RichText::new("Click to zoom in").weak().italics());
        }
    }
}

/// Label, dates, actors, the first source's sentence and the source count: shared by the
/// tooltip and the detail panel's header.
pub fn event_summary_ui(ui: &mut egui::Ui, timeline: &Timeline, event: &Event) {
    ui.label(RichText::new(&event.label).strong().size(15.0));
    ui.add_space(2.0);
    egui::Grid::new(("event_facts", &event.id))
        .num_columns(2)
        .spacing([10.0, 3.0])
        .show(ui, |ui| {
            ui.label(RichText::new("Date").weak());
            ui.label(date_line(&event.when));
            ui.end_row();
            if let Some(written) = event.sources.iter().find_map(|s| written_date(timeline, s)) {
                ui.label(RichText::new("As written").weak());
                ui.label(format!("“{written}”  ({})", event.when.value));
                ui.end_row();
            } else {
                ui.label(RichText::new("Value").weak());
                ui.label(&event.when.value);
                ui.end_row();
            }
            ui.label(RichText::new("Actors").weak());
            ui.label(actor_names(timeline, event));
            ui.end_row();
            if let Some(grading) = best_grading(event) {
                ui.label(RichText::new("Graded").weak());
                ui.label(format!("{grading}: {}", grading.meaning()));
                ui.end_row();
            }
        });
    if let Some(source) = event.sources.first() {
        ui.add_space(4.0);
        ui.label(quote_job(ui, source));
        ui.add_space(2.0);
        ui.label(RichText::new(source_line(timeline, source)).italics());
    }
    let n = event.sources.len();
    let corroboration = match n {
        0 => "No source sentence".to_string(),
        1 => "1 source".to_string(),
        n => format!("{n} sources report this"),
    };
    ui.label(RichText::new(corroboration).weak());
}

/// The quoted sentence with its time expression highlighted.
pub fn quote_job(ui: &egui::Ui, source: &SourceRef) -> LayoutJob {
    let visuals = ui.visuals();
    let body = FontId::proportional(14.0);
    let plain = TextFormat {
        font_id: body.clone(),
        color: visuals.text_color(),
        italics: false,
        ..Default::default()
    };
    let marked = TextFormat {
        font_id: body,
        color: visuals.strong_text_color(),
        background: palette::timex_highlight(visuals),
        ..Default::default()
    };
    let mut job = LayoutJob::default();
    job.wrap.max_width = 400.0;
    let quote = source.quote.as_str();
    let timex = source
        .timex
        .and_then(|(a, b)| Some((a.checked_sub(source.start)?, b.checked_sub(source.start)?)))
        .filter(|&(a, b)| {
            a < b && quote.is_char_boundary(a) && quote.is_char_boundary(b) && b <= quote.len()
        });
    job.append("“", 0.0, plain.clone());
    match timex {
        Some((a, b)) => {
            job.append(&quote[..a], 0.0, plain.clone());
            job.append(&quote[a..b], 0.0, marked);
            job.append(&quote[b..], 0.0, plain.clone());
        }
        None => job.append(quote, 0.0, plain.clone()),
    }
    job.append("”", 0.0, plain);
    job
}
