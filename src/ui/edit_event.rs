//! The event editor window: an event's label, date (day, month, year or range), actors and
//! note, or a new event the analyst adds by hand (Edit > Add event…). It only collects what
//! the analyst typed; the changes become [`Edit`]s applied by the app, so each is undoable.

use chrono::NaiveDate;
use eframe::egui::{self, Color32, RichText};

use crate::model::{Actor, Event, When};
use crate::project::{DateChoice, Edit};

/// How precise the date being typed is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateKind {
    Day,
    Month,
    Year,
    Range,
}

impl DateKind {
    const ALL: [Self; 4] = [Self::Day, Self::Month, Self::Year, Self::Range];

    fn label(self) -> &'static str {
        match self {
            Self::Day => "Day",
            Self::Month => "Month",
            Self::Year => "Year",
            Self::Range => "Range",
        }
    }

    fn hint(self) -> &'static str {
        match self {
            Self::Day | Self::Range => "YYYY-MM-DD",
            Self::Month => "YYYY-MM",
            Self::Year => "YYYY",
        }
    }
}

/// What the analyst did in the window this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditorOutcome {
    Apply,
    Cancel,
}

/// The editor's fields, kept between frames.
#[derive(Clone, Debug)]
pub struct EventEditor {
    /// The event being edited; `None` for a new manual event.
    pub event: Option<String>,
    pub label: String,
    pub date_kind: DateKind,
    /// The date, or a range's first day.
    pub date_text: String,
    /// A range's last day.
    pub end_text: String,
    /// Actor ids, main participant first.
    pub actors: Vec<String>,
    pub note: String,
    actor_filter: String,
    /// Put the cursor in the label field on the first frame.
    focus_label: bool,
}

impl EventEditor {
    /// The editor pre-filled with `event` as it is now, and the analyst's note on it.
    pub fn for_event(event: &Event, note: Option<&str>) -> Self {
        let (date_kind, date_text, end_text) = match DateChoice::from_when(&event.when) {
            DateChoice::Day(d) => (DateKind::Day, d.to_string(), String::new()),
            DateChoice::Month { year, month } => (
                DateKind::Month,
                format!("{year:04}-{month:02}"),
                String::new(),
            ),
            DateChoice::Year(y) => (DateKind::Year, format!("{y:04}"), String::new()),
            DateChoice::Range { start, end } => {
                (DateKind::Range, start.to_string(), end.to_string())
            }
        };
        Self {
            event: Some(event.id.clone()),
            label: event.label.clone(),
            date_kind,
            date_text,
            end_text,
            actors: event.actors.clone(),
            note: note.unwrap_or_default().to_string(),
            actor_filter: String::new(),
            focus_label: false,
        }
    }

    /// An empty editor for a new event on `day`.
    pub fn new_event(day: NaiveDate) -> Self {
        Self {
            event: None,
            label: String::new(),
            date_kind: DateKind::Day,
            date_text: day.to_string(),
            end_text: String::new(),
            actors: Vec::new(),
            note: String::new(),
            actor_filter: String::new(),
            focus_label: true,
        }
    }

    /// The date as typed, or why it is not a date.
    pub fn when(&self) -> Result<When, String> {
        let day = |text: &str| NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok();
        let text = self.date_text.trim();
        let choice = match self.date_kind {
            DateKind::Day => day(text).map(DateChoice::Day),
            DateKind::Month => NaiveDate::parse_from_str(&format!("{text}-01"), "%Y-%m-%d")
                .ok()
                .map(|d| DateChoice::Month {
                    year: chrono::Datelike::year(&d),
                    month: chrono::Datelike::month(&d),
                }),
            DateKind::Year => text
                .parse::<i32>()
                .ok()
                .filter(|y| (1..=9999).contains(y))
                .map(DateChoice::Year),
            DateKind::Range => day(text)
                .zip(day(&self.end_text))
                .map(|(start, end)| DateChoice::Range { start, end }),
        };
        let Some(choice) = choice else {
            return Err(format!(
                "Type the date as {}",
                self.date_kind.hint().to_lowercase()
            ));
        };
        choice
            .to_when()
            .ok_or_else(|| "The range ends before it starts".to_string())
    }

    /// The corrections that turn `current` into what the editor holds (nothing for fields
    /// left as they were), or a new event with id `new_id`.
    pub fn edits(
        &self,
        current: Option<&Event>,
        current_note: Option<&str>,
        new_id: String,
    ) -> Result<Vec<Edit>, String> {
        let when = self.when()?;
        let label = self.label.trim().to_string();
        if label.is_empty() {
            return Err("The event needs a label".to_string());
        }
        let note = Some(self.note.trim().to_string()).filter(|n| !n.is_empty());
        let Some(event) = current else {
            let event = Event {
                id: new_id,
                when,
                actors: self.actors.clone(),
                agents: Vec::new(),
                label,
                sources: Vec::new(),
                confidence: 1.0,
            };
            return Ok(vec![Edit::AddEvent { event, note }]);
        };
        let id = event.id.clone();
        let mut edits = Vec::new();
        if label != event.label {
            edits.push(Edit::SetLabel {
                event: id.clone(),
                label,
            });
        }
        if when.start != event.when.start
            || when.end != event.when.end
            || when.precision != event.when.precision
        {
            edits.push(Edit::SetDate {
                event: id.clone(),
                when,
            });
        }
        if self.actors != event.actors {
            edits.push(Edit::SetActors {
                event: id.clone(),
                actors: self.actors.clone(),
            });
        }
        if note.as_deref() != current_note {
            edits.push(Edit::SetNote { event: id, note });
        }
        Ok(edits)
    }

    /// Draws the window; `actors` are the ones the analyst can pick from.
    pub fn window_ui(&mut self, ctx: &egui::Context, actors: &[Actor]) -> Option<EditorOutcome> {
        let title = if self.event.is_some() {
            "Edit event"
        } else {
            "Add event"
        };
        let mut outcome = None;
        let mut open = true;
        egui::Window::new(title)
            .id(egui::Id::unique("event_editor"))
            .open(&mut open)
            .collapsible(false)
            // Over the plot, clear of the menu bar and the side panel.
            .default_pos(ctx.content_rect().center_top() + egui::vec2(-440.0 / 2.0, 90.0))
            .resizable(true)
            .default_width(440.0)
            .show(ctx, |ui| outcome = self.form_ui(ui, actors));
        if !open {
            outcome = Some(EditorOutcome::Cancel);
        }
        outcome
    }

    fn form_ui(&mut self, ui: &mut egui::Ui, actors: &[Actor]) -> Option<EditorOutcome> {
        let mut outcome = None;
        egui::Grid::new("event_editor_grid")
            .num_columns(2)
            .spacing([10.0, 8.0])
            .show(ui, |ui| {
                let label = ui.label("Label");
                let field = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.label)
                            .desired_width(300.0)
                            .hint_text("What happened"),
                    )
                    .labelled_by(label.id);
                if std::mem::take(&mut self.focus_label) {
                    field.request_focus();
                }
                ui.end_row();
                ui.label("Precision");
                ui.horizontal(|ui| {
                    for kind in DateKind::ALL {
                        ui.radio_value(&mut self.date_kind, kind, kind.label());
                    }
                });
                ui.end_row();
                let date = ui.label(if self.date_kind == DateKind::Range {
                    "From"
                } else {
                    "Date"
                });
                ui.add(
                    egui::TextEdit::singleline(&mut self.date_text)
                        .hint_text(self.date_kind.hint())
                        .desired_width(120.0),
                )
                .labelled_by(date.id);
                ui.end_row();
                if self.date_kind == DateKind::Range {
                    let to = ui.label("To");
                    ui.add(
                        egui::TextEdit::singleline(&mut self.end_text)
                            .hint_text("YYYY-MM-DD")
                            .desired_width(120.0),
                    )
                    .labelled_by(to.id);
                    ui.end_row();
                }
                ui.label("Actors");
                self.actors_ui(ui, actors);
                ui.end_row();
                let note = ui.label("Note");
                ui.add(
                    egui::TextEdit::multiline(&mut self.note)
                        .desired_rows(2)
                        .desired_width(300.0)
                        .hint_text("Where this comes from, why it matters"),
                )
                .labelled_by(note.id);
                ui.end_row();
            });
        let problem = self.when().err().or_else(|| {
            self.label
                .trim()
                .is_empty()
                .then(|| "The event needs a label".to_string())
        });
        ui.add_space(6.0);
        if let Some(problem) = &problem {
            ui.label(RichText::new(problem).color(Color32::from_rgb(0xd0, 0x40, 0x40)));
        }
        ui.horizontal(|ui| {
            if ui
                .add_enabled(problem.is_none(), egui::Button::new("Apply"))
                .clicked()
            {
                outcome = Some(EditorOutcome::Apply);
            }
            if ui.button("Cancel").clicked() {
                outcome = Some(EditorOutcome::Cancel);
            }
        });
        outcome
    }

    /// The chosen actors in order (click × to drop one), then a searchable list to add more.
    fn actors_ui(&mut self, ui: &mut egui::Ui, actors: &[Actor]) {
        let name = |id: &str| {
            actors
                .iter()
                .find(|a| a.id == id)
                .map_or(id.to_string(), |a| a.name.clone())
        };
        ui.vertical(|ui| {
            let mut remove = None;
            ui.horizontal_wrapped(|ui| {
                if self.actors.is_empty() {
                    ui.label(RichText::new("none").weak());
                }
                for (i, id) in self.actors.iter().enumerate() {
                    if ui
                        .small_button(format!("{} ×", name(id)))
                        .on_hover_text("Remove this actor from the event")
                        .clicked()
                    {
                        remove = Some(i);
                    }
                }
            });
            if let Some(i) = remove {
                self.actors.remove(i);
            }
            ui.add(
                egui::TextEdit::singleline(&mut self.actor_filter)
                    .hint_text("Add an actor…")
                    .desired_width(300.0),
            );
            let needle = self.actor_filter.trim().to_lowercase();
            egui::ScrollArea::vertical()
                .id_salt("editor_actor_list")
                .max_height(120.0)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    for actor in actors {
                        if self.actors.contains(&actor.id)
                            || (!needle.is_empty() && !actor.name.to_lowercase().contains(&needle))
                        {
                            continue;
                        }
                        if ui
                            .selectable_label(false, format!("+ {}", actor.name))
                            .clicked()
                        {
                            self.actors.push(actor.id.clone());
                        }
                    }
                });
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Precision;

    fn event() -> Event {
        Event {
            id: "e1".into(),
            when: When::day("2015-10-23".parse().unwrap()),
            actors: vec!["lavrov".into()],
            agents: Vec::new(),
            label: "Ministers meet".into(),
            sources: Vec::new(),
            confidence: 0.9,
        }
    }

    #[test]
    fn only_the_fields_changed_become_edits() {
        let e = event();
        let mut editor = EventEditor::for_event(&e, None);
        assert_eq!(editor.edits(Some(&e), None, "x".into()), Ok(vec![]));
        editor.label = "Ministers meet in Vienna".into();
        editor.date_kind = DateKind::Month;
        editor.date_text = "2015-10".into();
        let edits = editor.edits(Some(&e), None, "x".into()).unwrap();
        assert!(
            matches!(&edits[0], Edit::SetLabel { label, .. } if label == "Ministers meet in Vienna")
        );
        assert!(
            matches!(&edits[1], Edit::SetDate { when, .. } if when.precision == Precision::Month && when.days() == 31)
        );
        assert_eq!(edits.len(), 2);
    }

    #[test]
    fn bad_dates_and_empty_labels_are_refused_with_a_reason() {
        let e = event();
        let mut editor = EventEditor::for_event(&e, None);
        editor.date_kind = DateKind::Range;
        editor.date_text = "2015-10-09".into();
        editor.end_text = "2015-10-01".into();
        assert_eq!(
            editor.edits(Some(&e), None, "x".into()),
            Err("The range ends before it starts".into())
        );
        editor.date_kind = DateKind::Day;
        editor.date_text = "23 October".into();
        assert!(editor.when().is_err());
        editor.date_text = "2015-10-23".into();
        editor.label = "  ".into();
        assert!(editor.edits(Some(&e), None, "x".into()).is_err());
    }

    #[test]
    fn a_new_event_carries_its_note_and_no_sources() {
        let mut editor = EventEditor::new_event("2015-10-25".parse().unwrap());
        editor.label = "Talks resume".into();
        editor.note = "From the embassy".into();
        let edits = editor.edits(None, None, "manual-1".into()).unwrap();
        let [Edit::AddEvent { event, note }] = edits.as_slice() else {
            panic!("{edits:?}");
        };
        assert_eq!(event.id, "manual-1");
        assert!(event.sources.is_empty());
        assert_eq!(note.as_deref(), Some("From the embassy"));
    }
}
