//! Everything the analyst can ask of the app, as one enum handled in one place. Menus, keyboard
//! shortcuts, the side panel, the lane menus and the detail panel return a [`Command`] instead
//! of changing the session themselves; [`ChronolaneApp::run`] does it, so a menu item and its
//! shortcut cannot drift apart and a refused edit is always reported.

use std::path::PathBuf;

use eframe::egui;

use crate::draw::timeline::LaneAction;
use crate::layout::ViewSettings;
use crate::model::Grading;
use crate::project::{Edit, GradeTarget};

use super::app::{ChronolaneApp, DialogRequest};
use super::chronology::MainView;
use super::project_actions::ProjectDialog;
use crate::export::chronology::ChronologyFormat;

/// One thing the analyst asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// A native dialog: open files or a folder.
    Dialog(DialogRequest),
    /// A native dialog for the project: open, save as, export events.
    ProjectDialog(ProjectDialog),
    OpenPaths(Vec<PathBuf>),
    OpenSample,
    SaveProject,
    ExportPng,
    ExportSlides,
    Quit,
    Undo,
    Redo,
    AddEvent,
    EditSelectedEvent,
    EditActor(String),
    ShowPendingEdits,
    FitAll,
    /// Zoom by a factor (< 1 zooms in) around the window's middle.
    Zoom(f64),
    /// Pan by a fraction of the window's width (negative: to the past).
    Pan(f64),
    /// Scroll the lanes by this many (negative: up).
    ScrollLanes(isize),
    Present,
    Deselect,
    /// Select the event with this index into `timeline.events` (a chronology row).
    SelectEvent(usize),
    /// Show the timeline or the chronology in the middle of the window.
    ShowView(MainView),
    /// Put the whole chronology on the clipboard.
    CopyChronology(ChronologyFormat),
    /// New view settings (grouping, sorting, filters, shown lanes).
    Settings(Box<ViewSettings>),
    LaneHidden {
        key: String,
        hidden: bool,
    },
    MoveLane {
        key: String,
        delta: isize,
    },
    /// Show every event the analyst hid (undoable edits).
    ShowHiddenEvents,
    HideSelected,
    ToggleStarSelected,
    DeleteSelected,
    /// Grade one report (`None` clears its grading).
    Grade(GradeTarget, Option<Grading>),
}

impl From<LaneAction> for Command {
    fn from(action: LaneAction) -> Self {
        match action {
            LaneAction::Hide(key) => Self::LaneHidden { key, hidden: true },
            LaneAction::Move(key, delta) => Self::MoveLane { key, delta },
            LaneAction::EditActor(actor) => Self::EditActor(actor),
        }
    }
}

impl ChronolaneApp {
    /// Does what `command` asks; refused edits become notifications.
    pub fn run(&mut self, command: Command, ctx: &egui::Context) {
        let session = &mut self.session;
        match command {
            Command::Dialog(request) => self.dialog = Some(request),
            Command::ProjectDialog(dialog) => self.project_ui.dialog = Some(dialog),
            Command::OpenPaths(paths) => self.open_paths(paths),
            Command::OpenSample => self.open_sample(),
            Command::SaveProject => {
                self.save_project();
            }
            Command::ExportPng => self.export.show(&self.session),
            Command::ExportSlides => self.request_slides(),
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::Undo => self.undo(),
            Command::Redo => self.redo(),
            Command::AddEvent => self.add_event(),
            Command::EditSelectedEvent => self.edit_selected_event(),
            Command::EditActor(id) => self.edit_actor(&id),
            Command::ShowPendingEdits => self.project_ui.show_pending = true,
            Command::FitAll => session.fit_all(),
            Command::Zoom(factor) => session.zoom(factor),
            Command::Pan(fraction) => session.pan(fraction),
            Command::ScrollLanes(step) => {
                session.lane_scroll = session.lane_scroll.saturating_add_signed(step);
            }
            Command::Present => {
                self.presentation.start(&mut self.session);
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
            }
            Command::Deselect => session.selected = None,
            Command::SelectEvent(event) => {
                session.selected = (event < session.timeline.events.len()).then_some(event);
            }
            Command::ShowView(view) => self.main_view = view,
            Command::CopyChronology(format) => self.copy_chronology(ctx, format),
            Command::Settings(settings) => {
                session.settings = *settings;
                session.settings_changed();
            }
            Command::LaneHidden { key, hidden } => session.set_lane_hidden(&key, hidden),
            Command::MoveLane { key, delta } => session.move_lane(&key, delta),
            Command::ShowHiddenEvents => {
                let hidden = session.project.annotations().hidden.iter();
                let edits = hidden.map(|id| Edit::Unhide { event: id.clone() });
                let edits: Vec<Edit> = edits.collect();
                self.apply_edits(edits);
            }
            Command::HideSelected => {
                if let Some(event) = session.selected_id() {
                    self.apply_edits(vec![Edit::Hide { event }]);
                }
            }
            Command::ToggleStarSelected => {
                if let Some(edit) = session.star_toggle() {
                    self.apply_edits(vec![edit]);
                }
            }
            Command::DeleteSelected => {
                if let Some(event) = session.selected_id() {
                    self.apply_edits(vec![Edit::Delete { event }]);
                    self.session.selected = None;
                }
            }
            Command::Grade(target, grading) => {
                self.apply_edits(vec![Edit::Grade { target, grading }]);
            }
        }
    }
}
