//! The hover tooltip: what the mark is, when (as written and as normalised), who, and the
//! sentence it came from with the time expression highlighted.

use eframe::egui::text::LayoutJob;
use eframe::egui::{self, FontId, RichText, TextFormat};

use crate::layout::time::long_date;
use crate::layout::{Lane, Mark, MarkKind, Window};
use crate::model::{Event, Role, SourceRef, Timeline, When};

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
                RichText::new(format!("{} events", mark.count))
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

/// The best grading among an event's reports (A before F, 1 before 6), if any is graded.
pub fn best_grading(event: &Event) -> Option<crate::model::Grading> {
    event
        .sources
        .iter()
        .filter_map(|s| s.grading)
        .min_by_key(|g| (g.reliability, g.credibility))
}

/// "20 Oct 2015", "29 – 30 Oct 2015", "21 – 30 Sep 2015".
pub fn normalised_date(when: &When) -> String {
    use chrono::Datelike;
    let (a, b) = (when.start, when.end);
    if a == b {
        return long_date(a);
    }
    if a.year() != b.year() {
        return format!("{} – {}", long_date(a), long_date(b));
    }
    if a.month() == b.month() {
        return format!("{} – {}", a.day(), long_date(b));
    }
    format!("{} – {}", a.format("%-d %b"), long_date(b))
}

/// The normalised date with why it is not exact, if it is not: the line every event view shows.
pub fn date_line(when: &When) -> String {
    format!("{}{}", normalised_date(when), certainty_note(when))
}

/// Why a date is not exact, if it is not.
fn certainty_note(when: &When) -> &'static str {
    use crate::model::Precision;
    if when.inferred {
        " · inferred from context"
    } else if when.approximate {
        " · approximate"
    } else if when.precision > Precision::Day && when.precision != Precision::Range {
        " · somewhere in this span"
    } else {
        ""
    }
}

/// The time expression as the source wrote it.
pub fn written_date(timeline: &Timeline, source: &SourceRef) -> Option<String> {
    let (a, b) = source.timex?;
    if let Some(text) = timeline
        .article(&source.article)
        .and_then(|art| art.text.get(a..b))
    {
        return Some(text.to_string());
    }
    let relative = a.checked_sub(source.start)?..b.checked_sub(source.start)?;
    source.quote.get(relative).map(str::to_string)
}

/// The event's actors by name; when extraction told who acts, "acting: ... · mentioned: ...".
pub fn actor_names(timeline: &Timeline, event: &Event) -> String {
    if event.actors.is_empty() {
        return "none named".into();
    }
    let name = |id: &str| {
        timeline
            .actor(id)
            .map_or(id.to_string(), |a| a.name.clone())
    };
    if event.agents.is_empty() {
        return event
            .actors
            .iter()
            .map(|id| name(id))
            .collect::<Vec<_>>()
            .join(", ");
    }
    let mut parts: Vec<String> = Vec::new();
    for role in [Role::Agent, Role::Participant] {
        let names: Vec<String> = event
            .roles()
            .filter(|(_, r)| *r == role)
            .map(|(id, _)| name(id))
            .collect();
        if !names.is_empty() {
            parts.push(format!("{}: {}", role.as_str(), names.join(", ")));
        }
    }
    parts.join(" · ")
}

/// "Assad makes surprise visit to Moscow — 21 Oct 2015".
pub fn source_line(timeline: &Timeline, source: &SourceRef) -> String {
    match timeline.article(&source.article) {
        Some(article) => {
            let title = if article.title.is_empty() {
                &article.id
            } else {
                &article.title
            };
            match article.published {
                Some(date) => format!("{title} — {}", long_date(date)),
                None => title.clone(),
            }
        }
        None => source.article.clone(),
    }
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
