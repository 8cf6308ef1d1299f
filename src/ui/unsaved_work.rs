//! What keeps the analyst's work from being lost: autosave every 30 s while there are unsaved
//! edits, the recovery offer when an earlier run left a copy, the question before closing with
//! unsaved edits, and the window listing edits that no longer apply.

use std::time::Instant;

use eframe::egui::{self, RichText};

use super::app::ChronolaneApp;

impl ChronolaneApp {
    pub(super) fn autosave_tick(&mut self) {
        let now = self.project_ui.now.unwrap_or_else(Instant::now);
        let Some(autosave) = &mut self.project_ui.autosave else {
            return;
        };
        if let Err(err) = autosave.tick(now, &self.session.project) {
            // Reported once: autosave stops rather than failing every frame.
            self.project_ui.autosave = None;
            self.toasts.error("Autosave stopped", err.to_string());
        }
    }

    /// Asks before closing with unsaved edits: the close is cancelled and the prompt shown.
    /// Returns whether the app may close now (tests call this as the window's close button).
    pub fn request_close(&mut self) -> bool {
        let dirty = self.session.project.is_dirty() && !self.session.project.edits().is_empty();
        if dirty && !self.project_ui.allow_close {
            self.project_ui.close_prompt = true;
            return false;
        }
        if let Some(autosave) = &mut self.project_ui.autosave {
            autosave.discard();
        }
        true
    }

    pub(super) fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.request_close() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        }
    }

    pub(super) fn close_prompt_ui(&mut self, ctx: &egui::Context) {
        if !self.project_ui.close_prompt {
            return;
        }
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("close_prompt")).show(ctx, |ui| {
            ui.set_width(380.0);
            ui.heading("Save your edits?");
            ui.add_space(4.0);
            let edits = self.session.project.edits().len();
            ui.label(format!(
                "This project has {edits} edit(s) that are not saved. They are lost if you close \
                 without saving."
            ));
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    choice = Some(CloseChoice::Save);
                }
                if ui.button("Don't save").clicked() {
                    choice = Some(CloseChoice::DontSave);
                }
                if ui.button("Cancel").clicked() {
                    choice = Some(CloseChoice::Cancel);
                }
            });
        });
        let Some(choice) = choice else {
            return;
        };
        self.project_ui.close_prompt = false;
        match choice {
            CloseChoice::Save => {
                if self.save_project() {
                    self.close_now(ctx);
                } else {
                    self.project_ui.close_after_save = true;
                }
            }
            CloseChoice::DontSave => self.close_now(ctx),
            CloseChoice::Cancel => {}
        }
    }

    pub(super) fn close_now(&mut self, ctx: &egui::Context) {
        self.project_ui.allow_close = true;
        if let Some(autosave) = &mut self.project_ui.autosave {
            autosave.discard();
        }
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }

    pub(super) fn recovery_prompt_ui(&mut self, ctx: &egui::Context) {
        let Some(entry) = self.project_ui.recovery_offers.first().cloned() else {
            return;
        };
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("recovery_prompt")).show(ctx, |ui| {
            ui.set_width(420.0);
            ui.heading("Recover unsaved work?");
            ui.add_space(4.0);
            let of = entry
                .project
                .as_deref()
                .map_or("an untitled project".to_string(), |p| {
                    p.display().to_string()
                });
            ui.label(format!(
                "chronolane closed with unsaved edits to {of}: {} edit(s), autosaved at {} UTC.",
                entry.edits,
                entry
                    .written
                    .get(..19)
                    .unwrap_or(&entry.written)
                    .replace('T', " ")
            ));
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                if ui.button("Recover").clicked() {
                    choice = Some(true);
                }
                if ui
                    .button("Discard")
                    .on_hover_text("Delete the recovery copy")
                    .clicked()
                {
                    choice = Some(false);
                }
            });
        });
        match choice {
            Some(true) => {
                self.recover(&entry.file);
            }
            Some(false) => self.discard_recovery(&entry.file),
            None => {}
        }
    }

    pub(super) fn pending_ui(&mut self, ctx: &egui::Context) {
        if !self.project_ui.show_pending {
            return;
        }
        let mut open = true;
        let mut discard = None;
        egui::Window::new("Pending edits")
            .open(&mut open)
            .default_width(460.0)
            .min_width(420.0)
            .default_pos(ctx.content_rect().center_top() + egui::vec2(-230.0, 90.0))
            .collapsible(false)
            .show(ctx, |ui| {
                let pending = self.session.project.pending();
                if pending.is_empty() {
                    ui.label("Every edit applies.");
                    return;
                }
                ui.label(
                    "These edits are kept in the project but do not apply to the articles as \
                     they are now. They apply again once their event, actor or article is back.",
                );
                ui.add_space(6.0);
                for p in pending {
                    ui.separator();
                    ui.horizontal(|ui| {
                        if ui
                            .button("discard")
                            .on_hover_text("Remove this edit from the project (undoable)")
                            .clicked()
                        {
                            discard = Some(p.index);
                        }
                        ui.vertical(|ui| {
                            ui.add(egui::Label::new(p.edit.describe()).wrap());
                            ui.label(RichText::new(p.reason.to_string()).weak().small());
                        });
                    });
                }
            });
        if let Some(index) = discard {
            self.session.project.discard(index);
            self.session.refresh();
        }
        self.project_ui.show_pending = open;
    }
}

#[derive(Clone, Copy)]
enum CloseChoice {
    Save,
    DontSave,
    Cancel,
}
