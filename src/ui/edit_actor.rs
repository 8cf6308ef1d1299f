//! The actor editor window, opened from a lane's right-click menu: rename, kind, affiliation
//! and colour; split an alias off as an actor of its own; merge into another actor (the
//! names become aliases). Every change is an [`Edit`] the app applies, so each is undoable.

use eframe::egui::{self, Color32, RichText};

use crate::model::{Actor, ActorKind};
use crate::project::{Colour, Edit};

const KINDS: [ActorKind; 7] = ActorKind::ALL;

/// The editor's fields, kept between frames.
#[derive(Clone, Debug)]
pub struct ActorEditor {
    pub actor: String,
    pub name: String,
    pub kind: ActorKind,
    pub affiliation: Option<String>,
    /// The lane colour; `None` keeps the automatic one.
    pub colour: Option<[u8; 3]>,
    /// The actor to merge this one into.
    pub merge_into: Option<String>,
}

/// What the analyst asked for this frame.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ActorOutcome {
    pub edits: Vec<Edit>,
    /// Close the window (after a merge the actor is gone; or Close was pressed).
    pub close: bool,
}

impl ActorEditor {
    /// The editor pre-filled with `actor` as it is now.
    pub fn for_actor(actor: &Actor, colour: Option<Colour>) -> Self {
        Self {
            actor: actor.id.clone(),
            name: actor.name.clone(),
            kind: actor.kind,
            affiliation: actor.affiliation.clone(),
            colour: colour.map(|c| c.0),
            merge_into: None,
        }
    }

    /// The edits for the fields changed against `actor` (Apply).
    pub fn changes(&self, actor: &Actor, colour: Option<Colour>) -> Vec<Edit> {
        let id = self.actor.clone();
        let mut edits = Vec::new();
        let name = self.name.trim();
        if !name.is_empty() && name != actor.name {
            edits.push(Edit::RenameActor {
                actor: id.clone(),
                name: name.to_string(),
            });
        }
        if self.kind != actor.kind {
            edits.push(Edit::SetActorKind {
                actor: id.clone(),
                kind: self.kind,
            });
        }
        if self.affiliation != actor.affiliation {
            edits.push(Edit::SetAffiliation {
                actor: id.clone(),
                affiliation: self.affiliation.clone(),
            });
        }
        if self.colour != colour.map(|c| c.0) {
            edits.push(Edit::SetColour {
                actor: id,
                colour: self.colour.map(Colour),
            });
        }
        edits
    }

    /// Draws the window over `actors` (the whole timeline's). `colour` is the lane's colour
    /// as drawn now, the starting point when the analyst picks one.
    pub fn window_ui(
        &mut self,
        ctx: &egui::Context,
        actors: &[Actor],
        current_colour: Option<Colour>,
        automatic: Color32,
    ) -> ActorOutcome {
        let mut outcome = ActorOutcome::default();
        let Some(actor) = actors.iter().find(|a| a.id == self.actor) else {
            outcome.close = true;
            return outcome;
        };
        let mut open = true;
        egui::Window::new(format!("Edit actor: {}", actor.name))
            .id(egui::Id::unique("actor_editor"))
            .open(&mut open)
            .collapsible(false)
            // Over the plot, clear of the menu bar and the side panel.
            .default_pos(ctx.content_rect().center_top() + egui::vec2(-420.0 / 2.0, 90.0))
            .resizable(false)
            .default_width(420.0)
            .show(ctx, |ui| {
                self.form_ui(ui, actor, actors, automatic, &mut outcome);
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Apply").clicked() {
                        outcome.edits.extend(self.changes(actor, current_colour));
                    }
                    if ui.button("Close").clicked() {
                        outcome.close = true;
                    }
                });
            });
        outcome.close |= !open;
        outcome
    }

    fn form_ui(
        &mut self,
        ui: &mut egui::Ui,
        actor: &Actor,
        actors: &[Actor],
        automatic: Color32,
        outcome: &mut ActorOutcome,
    ) {
        let name_of = |id: &str| {
            actors
                .iter()
                .find(|a| a.id == id)
                .map_or(id.to_string(), |a| a.name.clone())
        };
        egui::Grid::new("actor_editor_grid")
            .num_columns(2)
            .spacing([10.0, 8.0])
            .show(ui, |ui| {
                let name = ui.label("Name");
                ui.add(egui::TextEdit::singleline(&mut self.name).desired_width(260.0))
                    .labelled_by(name.id);
                ui.end_row();
                let kind = ui.label("Kind");
                egui::ComboBox::from_id_salt("actor_kind")
                    .selected_text(self.kind.as_str())
                    .show_ui(ui, |ui| {
                        for k in KINDS {
                            ui.selectable_value(&mut self.kind, k, k.as_str());
                        }
                    })
                    .response
                    .labelled_by(kind.id);
                ui.end_row();
                let affiliation = ui.label("Part of");
                let shown = self
                    .affiliation
                    .as_deref()
                    .map_or("nothing".into(), name_of);
                egui::ComboBox::from_id_salt("actor_affiliation")
                    .selected_text(shown)
                    .width(260.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut self.affiliation, None, "nothing");
                        for other in actors.iter().filter(|a| a.id != self.actor) {
                            ui.selectable_value(
                                &mut self.affiliation,
                                Some(other.id.clone()),
                                &other.name,
                            );
                        }
                    })
                    .response
                    .labelled_by(affiliation.id);
                ui.end_row();
                ui.label("Colour");
                ui.horizontal(|ui| {
                    let mut rgb =
                        self.colour
                            .unwrap_or([automatic.r(), automatic.g(), automatic.b()]);
                    if ui.color_edit_button_srgb(&mut rgb).changed() {
                        self.colour = Some(rgb);
                    }
                    let mut auto = self.colour.is_none();
                    if ui.checkbox(&mut auto, "automatic").changed() {
                        self.colour = if auto { None } else { Some(rgb) };
                    }
                });
                ui.end_row();
            });
        ui.separator();
        ui.label(RichText::new("Other names").strong());
        if actor.aliases.is_empty() {
            ui.label(RichText::new("none").weak());
        }
        for alias in &actor.aliases {
            ui.horizontal(|ui| {
                ui.label(alias);
                if ui
                    .small_button("Split off")
                    .on_hover_text("Make this name an actor of its own")
                    .clicked()
                {
                    outcome.edits.push(Edit::SplitAlias {
                        actor: self.actor.clone(),
                        alias: alias.clone(),
                        new_actor: fresh_id(actors, alias),
                    });
                }
            });
        }
        ui.separator();
        ui.horizontal(|ui| {
            let merge = ui.label("Merge into");
            let shown = self.merge_into.as_deref().map_or("choose…".into(), name_of);
            egui::ComboBox::from_id_salt("actor_merge")
                .selected_text(shown)
                .width(200.0)
                .show_ui(ui, |ui| {
                    for other in actors.iter().filter(|a| a.id != self.actor) {
                        ui.selectable_value(
                            &mut self.merge_into,
                            Some(other.id.clone()),
                            &other.name,
                        );
                    }
                })
                .response
                .labelled_by(merge.id);
            if ui
                .add_enabled(self.merge_into.is_some(), egui::Button::new("Merge"))
                .on_hover_text("Its names become aliases; its events move over")
                .clicked()
                && let Some(into) = self.merge_into.clone()
            {
                outcome.edits.push(Edit::MergeActors {
                    into,
                    from: self.actor.clone(),
                });
                outcome.close = true;
            }
        });
    }
}

/// An actor id made from `name` that no actor uses yet.
fn fresh_id(actors: &[Actor], name: &str) -> String {
    let base: String = name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    let base = format!("split-{}", base.trim_matches('-'));
    (1..)
        .map(|n| {
            if n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            }
        })
        .find(|id| actors.iter().all(|a| &a.id != id))
        .unwrap_or(base)
}
