//! The analyst's project as files: File > Save, Save As, Open Project and the event exports,
//! loading more articles into a project, and the per-frame work (title, autosave, windows).
//!
//! Every action a native dialog leads to has a path-taking method (`save_project_to`,
//! `open_project`, `export_events_csv`…): the dialog only picks the path, and tests call the
//! method directly. Editing lives in `editing.rs`; the safety net in `unsaved_work.rs`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use eframe::egui::{self, RichText};

use crate::project::{self, Autosave, Project, ProjectError, RecoveryEntry, recovery};

use super::app::ChronolaneApp;
use super::command::Command;
use super::edit_actor::ActorEditor;
use super::edit_event::EventEditor;
use crate::draw::palette;
use crate::view::{Session, TimeWindow};

/// The extension of project files.
pub const PROJECT_SUFFIX: &str = ".chronolane.json";

/// The project's windows and background work, kept by the app.
#[derive(Default)]
pub struct ProjectUi {
    /// Writes a recovery copy every 30 s while there are unsaved edits; `None` disables
    /// autosave (tests, or no data folder).
    pub autosave: Option<Autosave>,
    /// The folder recovery copies live in.
    pub recovery_dir: Option<PathBuf>,
    /// The clock autosave reads; `None` is the real one. Tests set it to move time on.
    pub now: Option<Instant>,
    /// Recovery copies found at start, offered until recovered or discarded.
    pub recovery_offers: Vec<RecoveryEntry>,
    /// The open event editor (edit or add).
    pub event_editor: Option<EventEditor>,
    /// The open actor editor.
    pub actor_editor: Option<ActorEditor>,
    /// The "Pending edits" window.
    pub show_pending: bool,
    /// Closing was asked for with unsaved edits: ask Save / Don't save / Cancel.
    pub close_prompt: bool,
    /// The analyst answered the prompt: let the next close through.
    pub(super) allow_close: bool,
    /// Close once the Save As dialog has saved.
    pub(super) close_after_save: bool,
    pub(super) dialog: Option<ProjectDialog>,
    /// The window title last sent, so it is only sent when it changes.
    title: String,
}

/// A native dialog the next frame opens for the project.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProjectDialog {
    SaveAs,
    OpenProject,
    ExportCsv,
    ExportJson,
}

/// Whether `path` names a project file (opened as a project, not as an article).
pub fn is_project_file(path: &Path) -> bool {
    path.to_string_lossy()
        .to_lowercase()
        .ends_with(PROJECT_SUFFIX)
}

impl ChronolaneApp {
    /// Sets the folder for recovery copies, turns autosave on, and offers what an earlier run
    /// left there.
    pub fn use_recovery_dir(&mut self, dir: PathBuf) {
        self.project_ui.recovery_offers = recovery::list(&dir);
        self.project_ui.autosave = Some(Autosave::new(dir.clone()));
        self.project_ui.recovery_dir = Some(dir);
    }

    /// Saves the project to its file; asks for one (Save As) when it has none.
    pub fn save_project(&mut self) -> bool {
        self.store_view();
        match self.session.project.save() {
            Ok(()) => {
                self.saved_toast();
                true
            }
            Err(ProjectError::NoPath) => {
                self.project_ui.dialog = Some(ProjectDialog::SaveAs);
                false
            }
            Err(err) => {
                self.toasts.error("Could not save", err.to_string());
                false
            }
        }
    }

    /// Saves the project to `path` (File > Save As…), which becomes its file.
    pub fn save_project_to(&mut self, path: &Path) -> bool {
        let path = with_project_suffix(path);
        self.store_view();
        match self.session.project.save_as(&path) {
            Ok(()) => {
                self.saved_toast();
                true
            }
            Err(err) => {
                self.toasts.error("Could not save", err.to_string());
                false
            }
        }
    }

    /// Keeps the view (grouping, filters, lane order, window) in the project, so opening it
    /// shows what the analyst was looking at. Stored only when saving: looking around is not
    /// an unsaved change.
    fn store_view(&mut self) {
        let view = serde_json::json!({
            "settings": self.session.settings,
            "window": self.session.window,
        });
        self.session.project.set_views(view);
    }

    fn saved_toast(&mut self) {
        let name = self
            .session
            .project
            .path()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        self.toasts.info("Project saved", name);
    }

    /// Opens a project file (File > Open Project…, the command line, a dropped file): its
    /// articles are re-read and its edits applied; what changed is reported, not fatal.
    pub fn open_project(&mut self, path: &Path) -> bool {
        let (project, report) = match Project::open(path, &self.options) {
            Ok(opened) => opened,
            Err(err) => {
                self.toasts
                    .error("Could not open the project", err.to_string());
                return false;
            }
        };
        self.show_project(project, &report.messages());
        self.persisted.recent.retain(|p| p != path);
        self.persisted.recent.insert(0, path.to_path_buf());
        true
    }

    /// Recovers the work in a recovery copy; autosave keeps writing to the same copy.
    pub fn recover(&mut self, file: &Path) -> bool {
        self.project_ui.recovery_offers.retain(|e| e.file != file);
        match recovery::recover(file, project::extract_paths(&self.options)) {
            Ok((project, report)) => {
                self.show_project(project, &report.messages());
                if let Some(autosave) = &mut self.project_ui.autosave {
                    autosave.adopt(file.to_path_buf());
                }
                self.toasts.info(
                    "Work recovered",
                    "Save it to keep it (File > Save, Ctrl+S).",
                );
                true
            }
            Err(err) => {
                self.toasts.error("Could not recover", err.to_string());
                false
            }
        }
    }

    /// Deletes a recovery copy the analyst does not want.
    pub fn discard_recovery(&mut self, file: &Path) {
        self.project_ui.recovery_offers.retain(|e| e.file != file);
        if let Err(err) = recovery::discard(file) {
            self.toasts
                .error("Could not delete the recovery copy", err.to_string());
        }
    }

    fn show_project(&mut self, project: Project, messages: &[String]) {
        let pending = project.pending().len();
        let views = project.views();
        let settings = views
            .get("settings")
            .and_then(|s| serde_json::from_value(s.clone()).ok())
            .unwrap_or_default();
        let window = views
            .get("window")
            .and_then(|w| serde_json::from_value::<TimeWindow>(w.clone()).ok());
        self.session = Session::from_project(project, settings);
        if let Some(window) = window {
            self.session.set_window(window);
        }
        self.load = None;
        if !messages.is_empty() || pending > 0 {
            let mut body = messages.join("\n");
            if pending > 0 {
                body.push_str(&format!(
                    "\n{pending} edit(s) do not apply now: see Edit > Pending edits…"
                ));
            }
            self.toasts
                .info("The articles changed since saving", body.trim());
            self.project_ui.show_pending = pending > 0;
        }
    }

    /// Writes the visible events, edits applied, as CSV (File > Export events as CSV…).
    pub fn export_events_csv(&mut self, path: &Path) -> bool {
        self.export_events(path, project::export::write_csv)
    }

    /// Writes the visible events, edits applied, as JSON (File > Export events as JSON…).
    pub fn export_events_json(&mut self, path: &Path) -> bool {
        self.export_events(path, project::export::write_json)
    }

    fn export_events(
        &mut self,
        path: &Path,
        write: impl FnOnce(&mut std::io::BufWriter<std::fs::File>, &Project) -> std::io::Result<()>,
    ) -> bool {
        let written = std::fs::File::create(path).and_then(|file| {
            let mut out = std::io::BufWriter::new(file);
            write(&mut out, &self.session.project)?;
            std::io::Write::flush(&mut out)
        });
        match written {
            Ok(()) => {
                self.toasts
                    .info("Events exported", path.display().to_string());
                true
            }
            Err(err) => {
                self.toasts
                    .error("Could not export", format!("{}: {err}", path.display()));
                false
            }
        }
    }

    /// The paths to load when the analyst opens `paths`: added to the project's own articles
    /// when it has edits, so opening more files extends the project rather than replacing it.
    pub(super) fn paths_to_load(&self, paths: Vec<PathBuf>) -> Vec<PathBuf> {
        if self.session.project.edits().is_empty() {
            return paths;
        }
        let mut all: Vec<PathBuf> = self
            .session
            .project
            .articles()
            .iter()
            .map(|a| a.path.clone())
            .filter(|p| !paths.contains(p))
            .collect();
        all.extend(paths);
        all
    }

    /// The session for a freshly loaded timeline: the same project with a new base when it
    /// holds the analyst's work, otherwise a new project.
    pub(super) fn session_for_load(
        &mut self,
        prepared: super::loader::Prepared,
        settings: crate::layout::ViewSettings,
    ) -> Session {
        let mut project = std::mem::replace(
            &mut self.session.project,
            Project::new(Default::default(), Vec::new()),
        );
        if project.edits().is_empty() && project.path().is_none() {
            return prepared.into_session(settings);
        }
        let timeline = prepared.into_timeline();
        let (records, _unreadable) = project::ArticleRecord::for_timeline(&timeline);
        project.replace_base(timeline, records);
        let pending = project.pending().len();
        if pending > 0 {
            self.toasts.info(
                "Some edits do not apply",
                format!("{pending} edit(s) wait for their events: Edit > Pending edits…"),
            );
        }
        Session::from_project(project, settings)
    }

    /// File menu entries for projects and event exports.
    pub(super) fn project_file_menu_ui(&self, ui: &mut egui::Ui) -> Option<Command> {
        let entries = [
            (
                "Open project…",
                Command::ProjectDialog(ProjectDialog::OpenProject),
            ),
            ("Save project  (Ctrl+S)", Command::SaveProject),
            (
                "Save project as…",
                Command::ProjectDialog(ProjectDialog::SaveAs),
            ),
        ];
        let mut command = None;
        for (text, entry) in entries {
            if ui.button(text).clicked() {
                command = Some(entry);
            }
        }
        ui.separator();
        let exports = [
            ("Export events as CSV…", ProjectDialog::ExportCsv),
            ("Export events as JSON…", ProjectDialog::ExportJson),
        ];
        for (text, dialog) in exports {
            if ui.button(text).clicked() {
                command = Some(Command::ProjectDialog(dialog));
            }
        }
        command
    }

    /// "strike — chronolane", with a leading "* " while there are unsaved edits.
    fn update_title(&mut self, ctx: &egui::Context) {
        let project = &self.session.project;
        let unsaved = project.is_dirty() && !project.edits().is_empty();
        let title = format!(
            "{}{} — chronolane",
            if unsaved { "* " } else { "" },
            project_name(project)
        );
        if title != self.project_ui.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.project_ui.title = title;
        }
    }

    /// The project's name and whether it is saved, at the right of the menu bar.
    pub(super) fn project_status_ui(&self, ui: &mut egui::Ui) {
        let project = &self.session.project;
        let name = project_name(project);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if project.is_dirty() && !project.edits().is_empty() {
                ui.label(RichText::new("unsaved edits").color(palette::star(ui.visuals())))
                    .on_hover_text("File > Save project (Ctrl+S)");
            }
            ui.label(RichText::new(name).weak());
        });
    }

    /// Every frame: autosave, the close question, and the project's windows.
    pub(super) fn project_frame(&mut self, ctx: &egui::Context) {
        self.update_title(ctx);
        self.autosave_tick();
        self.handle_close_request(ctx);
        self.event_editor_ui(ctx);
        self.actor_editor_ui(ctx);
        self.pending_ui(ctx);
        self.recovery_prompt_ui(ctx);
        self.close_prompt_ui(ctx);
    }

    /// Opens the project dialog asked for this frame, with the window as its parent.
    pub(super) fn run_project_dialog(&mut self, parent: &eframe::Frame) {
        let Some(request) = self.project_ui.dialog.take() else {
            return;
        };
        let dialog = rfd::FileDialog::new().set_parent(parent);
        match request {
            ProjectDialog::SaveAs => {
                let picked = dialog
                    .set_title("Save project")
                    .add_filter("chronolane project", &["json"])
                    .set_file_name("briefing.chronolane.json")
                    .save_file();
                let saved = picked.is_some_and(|path| self.save_project_to(&path));
                if saved && std::mem::take(&mut self.project_ui.close_after_save) {
                    self.project_ui.allow_close = true;
                    self.repaint_close();
                }
            }
            ProjectDialog::OpenProject => {
                if let Some(path) = dialog
                    .set_title("Open project")
                    .add_filter("chronolane project", &["json"])
                    .pick_file()
                {
                    self.open_project(&path);
                }
            }
            ProjectDialog::ExportCsv => {
                if let Some(path) = dialog
                    .set_title("Export events as CSV")
                    .add_filter("CSV", &["csv"])
                    .set_file_name("events.csv")
                    .save_file()
                {
                    self.export_events_csv(&path);
                }
            }
            ProjectDialog::ExportJson => {
                if let Some(path) = dialog
                    .set_title("Export events as JSON")
                    .add_filter("JSON", &["json"])
                    .set_file_name("events.json")
                    .save_file()
                {
                    self.export_events_json(&path);
                }
            }
        }
    }

    fn repaint_close(&self) {
        if let Some(ctx) = &self.repaint {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}

/// The project file's name without its suffix, or "untitled project".
fn project_name(project: &Project) -> String {
    project
        .path()
        .and_then(Path::file_name)
        .map_or("untitled project".to_string(), |n| {
            n.to_string_lossy()
                .trim_end_matches(PROJECT_SUFFIX)
                .to_string()
        })
}

/// `path` with `.chronolane.json` at the end (the dialog may return a bare name).
fn with_project_suffix(path: &Path) -> PathBuf {
    if is_project_file(path) {
        return path.to_path_buf();
    }
    let name = path.to_string_lossy();
    let stem = name.strip_suffix(".json").unwrap_or(&name);
    PathBuf::from(format!("{stem}{PROJECT_SUFFIX}"))
}
