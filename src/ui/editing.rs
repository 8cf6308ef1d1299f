//! Editing in the app: corrections applied to the project (each an undoable step, a refusal
//! reported), undo and redo, the Edit menu and shortcuts (as commands), and the event and
//! actor editor windows.

use eframe::egui::{self, Key, KeyboardShortcut, Modifiers};

use crate::project::{Edit, Project};

use super::app::ChronolaneApp;
use super::command::Command;
use super::edit_actor::ActorEditor;
use super::edit_event::{EditorOutcome, EventEditor};
use crate::draw::palette;

impl ChronolaneApp {
    /// Applies corrections, reporting any that cannot apply.
    pub fn apply_edits(&mut self, edits: Vec<Edit>) {
        for (edit, reason) in self.session.edit_all(edits) {
            self.toasts
                .error(format!("Could not {}", edit.describe()), reason.to_string());
        }
    }

    /// Undo (Edit menu, Ctrl+Z).
    pub fn undo(&mut self) {
        self.session.undo();
    }

    /// Redo (Edit menu, Ctrl+Shift+Z, Ctrl+Y).
    pub fn redo(&mut self) {
        self.session.redo();
    }

    /// Opens the editor on the selected event.
    pub fn edit_selected_event(&mut self) {
        let Some(event) = self.session.selected_event() else {
            return;
        };
        let note = self.session.project.annotations().notes.get(&event.id);
        self.project_ui.event_editor =
            Some(EventEditor::for_event(event, note.map(String::as_str)));
    }

    /// Opens the editor for a new event, dated at the middle of the visible window.
    pub fn add_event(&mut self) {
        let day = crate::layout::time::date_from_x(self.session.window.mid())
            .unwrap_or_else(|| chrono::Local::now().date_naive());
        self.project_ui.event_editor = Some(EventEditor::new_event(day));
    }

    /// Opens the actor editor on actor `id`.
    pub fn edit_actor(&mut self, id: &str) {
        let project = &self.session.project;
        let Some(actor) = project.timeline().actors.iter().find(|a| a.id == id) else {
            return;
        };
        let colour = project.annotations().colours.get(id).copied();
        self.project_ui.actor_editor = Some(ActorEditor::for_actor(actor, colour));
    }

    /// The Edit menu: undo and redo named after the step, add an event, pending edits.
    pub(super) fn edit_menu_ui(&self, ui: &mut egui::Ui) -> Option<Command> {
        let project = &self.session.project;
        let history = project.history();
        let undo = history.undo_label().map_or("Undo".to_string(), |l| {
            format!("Undo {}", readable(&l, project))
        });
        let redo = history.redo_label().map_or("Redo".to_string(), |l| {
            format!("Redo {}", readable(&l, project))
        });
        let (can_undo, can_redo) = (history.can_undo(), history.can_redo());
        let mut command = None;
        if ui
            .add_enabled(can_undo, egui::Button::new(undo).shortcut_text("Ctrl+Z"))
            .clicked()
        {
            command = Some(Command::Undo);
        }
        if ui
            .add_enabled(
                can_redo,
                egui::Button::new(redo).shortcut_text("Ctrl+Shift+Z"),
            )
            .clicked()
        {
            command = Some(Command::Redo);
        }
        ui.separator();
        if ui.button("Add event…").clicked() {
            command = Some(Command::AddEvent);
        }
        let selected = self.session.selected.is_some();
        if ui
            .add_enabled(selected, egui::Button::new("Edit selected event…"))
            .clicked()
        {
            command = Some(Command::EditSelectedEvent);
        }
        let pending = project.pending().len();
        if ui
            .add_enabled(
                pending > 0,
                egui::Button::new(format!("Pending edits ({pending})…")),
            )
            .clicked()
        {
            command = Some(Command::ShowPendingEdits);
        }
        command
    }

    pub(super) fn event_editor_ui(&mut self, ctx: &egui::Context) {
        let Some(editor) = &mut self.project_ui.event_editor else {
            return;
        };
        let actors = &self.session.project.timeline().actors;
        let Some(outcome) = editor.window_ui(ctx, actors) else {
            return;
        };
        let editor = self.project_ui.event_editor.take();
        if outcome != EditorOutcome::Apply {
            return;
        }
        let Some(editor) = editor else {
            return;
        };
        let project = &self.session.project;
        let current = editor
            .event
            .as_ref()
            .and_then(|id| project.timeline().events.iter().find(|e| &e.id == id));
        let note = current.and_then(|e| project.annotations().notes.get(&e.id));
        match editor.edits(current, note.map(String::as_str), project.new_event_id()) {
            Ok(edits) => {
                let new_id = edits.iter().find_map(|e| match e {
                    Edit::AddEvent { event, .. } => Some(event.id.clone()),
                    _ => None,
                });
                self.apply_edits(edits);
                if let Some(id) = new_id {
                    self.session.select_id(&id);
                }
            }
            Err(problem) => {
                self.toasts.error("Could not apply", problem);
                self.project_ui.event_editor = Some(editor);
            }
        }
    }

    pub(super) fn actor_editor_ui(&mut self, ctx: &egui::Context) {
        let Some(editor) = &mut self.project_ui.actor_editor else {
            return;
        };
        let project = &self.session.project;
        let current = project.annotations().colours.get(&editor.actor).copied();
        let key = format!("actor:{}", editor.actor);
        let index = self.session.lanes.listing.iter().find(|l| l.key == key);
        let automatic = palette::lane(index.map_or(0, |l| l.colour), &ctx.global_style().visuals);
        let outcome = editor.window_ui(ctx, &project.timeline().actors, current, automatic);
        if outcome.close {
            self.project_ui.actor_editor = None;
        }
        if !outcome.edits.is_empty() {
            self.apply_edits(outcome.edits);
        }
    }
}

/// A step's description with event and actor ids replaced by what the analyst sees: the
/// event's label (shortened) or the actor's name. Only runs while the Edit menu is open.
fn readable(description: &str, project: &Project) -> String {
    let timeline = project.timeline();
    description
        .split(' ')
        .map(|word| {
            // Deleted events are only in the base.
            let mut events = timeline.events.iter().chain(&project.base().events);
            if let Some(event) = events.find(|e| e.id == word) {
                let label: String = event.label.chars().take(32).collect();
                let more = if event.label.chars().count() > 32 {
                    "…"
                } else {
                    ""
                };
                format!("“{label}{more}”")
            } else if let Some(actor) = timeline.actors.iter().find(|a| a.id == word) {
                actor.name.clone()
            } else {
                word.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Ctrl+S, and Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y unless a text field has focus (fields keep their
/// own undo).
pub(super) fn project_shortcuts(ctx: &egui::Context) -> Vec<Command> {
    let shortcut = |modifiers, key| {
        ctx.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(modifiers, key)))
    };
    let mut commands = Vec::new();
    if shortcut(Modifiers::COMMAND, Key::S) {
        commands.push(Command::SaveProject);
    }
    if ctx.egui_wants_keyboard_input() {
        return commands;
    }
    // The shifted shortcut first: Ctrl+Z also matches with Shift held.
    if shortcut(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z)
        || shortcut(Modifiers::COMMAND, Key::Y)
    {
        commands.push(Command::Redo);
    } else if shortcut(Modifiers::COMMAND, Key::Z) {
        commands.push(Command::Undo);
    }
    commands
}
