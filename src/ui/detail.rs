//! The detail panel for the selected event: every source, each with its full paragraph and
//! the sentence highlighted, and what the analyst can do with the event.

use eframe::egui::text::LayoutJob;
use eframe::egui::{self, FontId, RichText, TextFormat};

use crate::model::{Credibility, Grading, Reliability, SourceRef, Timeline};
use crate::project::GradeTarget;

use crate::draw::palette;
use crate::view::Session;
use crate::view::wording::{actor_names, date_line, source_line, written_date};

use super::command::Command;

/// Shows the selected event; `None` when nothing is selected.
pub fn detail_ui(ui: &mut egui::Ui, session: &Session) -> Option<Command> {
    let Some(event) = session.selected_event() else {
        ui.add_space(12.0);
        ui.label(RichText::new("Click a mark to see its sources.").weak());
        return None;
    };
    let timeline = &session.timeline;
    let mut action = None;
    ui.add(egui::Label::new(RichText::new(&event.label).heading()).wrap());
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        let starred = session.settings.starred.contains(&event.id);
        let star = if starred { "Unstar" } else { "Star" };
        if ui
            .button(star)
            .on_hover_text("Mark this event as important")
            .clicked()
        {
            action = Some(Command::ToggleStarSelected);
        }
        if ui
            .button("Hide")
            .on_hover_text("Hide this event from the timeline")
            .clicked()
        {
            action = Some(Command::HideSelected);
        }
        if ui
            .button("Edit…")
            .on_hover_text("Change the label, date, actors or note")
            .clicked()
        {
            action = Some(Command::EditSelectedEvent);
        }
        if ui
            .button("Delete")
            .on_hover_text("Remove this event (Edit > Undo brings it back)")
            .clicked()
        {
            action = Some(Command::DeleteSelected);
        }
        if ui.button("Close").clicked() {
            action = Some(Command::Deselect);
        }
    });
    ui.separator();
    egui::Grid::new("detail_facts")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            ui.label(RichText::new("Date").weak());
            ui.label(date_line(&event.when));
            ui.end_row();
            ui.label(RichText::new("Value").weak());
            ui.label(&event.when.value);
            ui.end_row();
            ui.label(RichText::new("Actors").weak());
            ui.label(actor_names(timeline, event));
            ui.end_row();
            ui.label(RichText::new("Confidence").weak());
            ui.label(format!("{:.0}%", event.confidence * 100.0));
            ui.end_row();
            ui.label(RichText::new("Sources").weak());
            ui.label(if event.sources.is_empty() {
                "none: added by hand".to_string()
            } else {
                event.sources.len().to_string()
            });
            ui.end_row();
            if let Some(note) = session.project.annotations().notes.get(&event.id) {
                ui.label(RichText::new("Note").weak());
                ui.add(egui::Label::new(note).wrap());
                ui.end_row();
            }
        });
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (i, source) in event.sources.iter().enumerate() {
                if i > 0 {
                    ui.add_space(8.0);
                }
                ui.label(RichText::new(source_line(timeline, source)).strong());
                if let Some(written) = written_date(timeline, source) {
                    ui.label(RichText::new(format!("Dated by “{written}”")).weak());
                }
                if let Some(grade) = grading_ui(ui, i, source) {
                    action = Some(grade);
                }
                ui.add_space(2.0);
                ui.label(paragraph_job(ui, timeline, source));
            }
        });
    action
}

/// The report's Admiralty grading: two small pickers (source reliability A–F, information
/// credibility 1–6) and the grading in words.
fn grading_ui(ui: &mut egui::Ui, index: usize, source: &SourceRef) -> Option<Command> {
    let mut action = None;
    let current = source.grading;
    let target = || GradeTarget::report(source);
    ui.horizontal(|ui| {
        ui.label(RichText::new("Grade").weak());
        let letter = current.map_or("–".to_string(), |g| g.reliability.letter().to_string());
        egui::ComboBox::from_id_salt(("reliability", index))
            .selected_text(letter)
            .width(36.0)
            .show_ui(ui, |ui| {
                for r in Reliability::ALL {
                    let chosen = current.is_some_and(|g| g.reliability == r);
                    if ui
                        .selectable_label(chosen, format!("{}  {}", r.letter(), r.meaning()))
                        .clicked()
                    {
                        let credibility =
                            current.map_or(Credibility::CannotBeJudged, |g| g.credibility);
                        action = Some(Command::Grade(target(), Some(Grading::new(r, credibility))));
                    }
                }
            })
            .response
            .on_hover_text("How reliable the source is (A best, F cannot be judged)");
        let digit = current.map_or("–".to_string(), |g| g.credibility.number().to_string());
        egui::ComboBox::from_id_salt(("credibility", index))
            .selected_text(digit)
            .width(36.0)
            .show_ui(ui, |ui| {
                for c in Credibility::ALL {
                    let chosen = current.is_some_and(|g| g.credibility == c);
                    if ui
                        .selectable_label(chosen, format!("{}  {}", c.number(), c.meaning()))
                        .clicked()
                    {
                        let reliability = current.map_or(Reliability::F, |g| g.reliability);
                        action = Some(Command::Grade(target(), Some(Grading::new(reliability, c))));
                    }
                }
            })
            .response
            .on_hover_text("How credible the information is (1 confirmed, 6 cannot be judged)");
        match current {
            Some(_) => {
                if ui.small_button("clear").clicked() {
                    action = Some(Command::Grade(target(), None));
                }
            }
            None => {
                ui.label(RichText::new("not graded").weak().small());
            }
        }
    });
    if let Some(grading) = current {
        // On its own line, so a long meaning wraps instead of widening the panel.
        ui.add(egui::Label::new(RichText::new(grading.meaning()).weak().small()).wrap());
    }
    action
}

/// The paragraph containing `source`, with its sentence and time expression highlighted.
/// Falls back to the quote alone when the article's text is not at hand.
fn paragraph_job(ui: &egui::Ui, timeline: &Timeline, source: &SourceRef) -> LayoutJob {
    let visuals = ui.visuals();
    let font = FontId::proportional(14.5);
    let plain = TextFormat {
        font_id: font.clone(),
        color: visuals.text_color(),
        line_height: Some(21.0),
        ..Default::default()
    };
    let sentence = TextFormat {
        background: palette::sentence_highlight(visuals),
        color: visuals.strong_text_color(),
        ..plain.clone()
    };
    let timex = TextFormat {
        background: palette::timex_highlight(visuals),
        color: visuals.strong_text_color(),
        ..plain.clone()
    };
    let mut job = LayoutJob::default();
    job.wrap.max_width = ui.available_width().max(200.0);
    let article = timeline.article(&source.article);
    let paragraph = article.and_then(|a| {
        let range = a.paragraph_at(source.start)?;
        Some((a.text.as_str(), range))
    });
    let Some((text, range)) = paragraph.filter(|(text, r)| text.get(r.clone()).is_some()) else {
        job.append(&source.quote, 0.0, sentence);
        return job;
    };
    // Cut points inside the paragraph, clamped and kept on character boundaries.
    let clamp = |at: usize| {
        let mut at = at.clamp(range.start, range.end);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let (s0, s1) = (clamp(source.start), clamp(source.end));
    let (t0, t1) = source
        .timex
        .map(|(a, b)| (clamp(a).max(s0), clamp(b).min(s1)))
        .filter(|(a, b)| a < b)
        .unwrap_or((s1, s1));
    let pieces = [
        (range.start, s0, &plain),
        (s0, t0, &sentence),
        (t0, t1, &timex),
        (t1, s1, &sentence),
        (s1, range.end, &plain),
    ];
    for (a, b, format) in pieces {
        if let Some(piece) = text.get(a..b).filter(|p| !p.is_empty()) {
            job.append(piece, 0.0, format.clone());
        }
    }
    job
}
