//! The eframe shell: menus, panels, loading, drag and drop, keyboard, persistence. The
//! widgets live in their own files; this wires them together.

use std::path::PathBuf;

use eframe::egui::{self, Key, RichText};

use crate::draw::present::present_ui;
use crate::draw::{TimelineResponse, timeline_ui};
use crate::ingest::LoadOptions;
use crate::model::Timeline;
use crate::view::{Presentation, Session, TimeWindow};

use super::chronology::{
    ChronologyState, MainView, chronology_keys, chronology_ui, main_view_switch_ui,
};
use super::command::Command;
use super::detail::detail_ui;
use super::export_dialog::ExportDialog;
use super::loader::{LoadJob, LoadResult, Prepared, Source, display_name};
use super::overview;
use super::project_actions::{ProjectUi, is_project_file};
use super::side_panel::{SidePanelState, side_panel_ui};
use super::state::{MAX_RECENT, Persisted, ThemeChoice};
use super::toasts::Toasts;

/// File types the Open dialog offers.
pub const ARTICLE_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "html", "htm", "json", "jsonl", "csv",
];

/// A native dialog the next frame should open (dialogs need the window as parent, which only
/// the eframe shell has).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogRequest {
    OpenFiles,
    OpenFolder,
}

/// The whole app.
pub struct ChronolaneApp {
    pub session: Session,
    pub persisted: Persisted,
    pub side: SidePanelState,
    pub toasts: Toasts,
    /// The timeline widget's response last frame (mark positions for tests and screenshots).
    pub last_timeline: TimelineResponse,
    /// Presentation mode (F5).
    pub presentation: Presentation,
    /// File ▸ Export image… and the slides export.
    pub export: ExportDialog,
    /// The analyst's project: editors, saving, autosave, recovery, the close question.
    pub project_ui: ProjectUi,
    /// The timeline or the chronology table in the middle.
    pub main_view: MainView,
    pub chronology: ChronologyState,
    pub(super) load: Option<LoadJob>,
    pub(super) options: LoadOptions,
    pub(super) dialog: Option<DialogRequest>,
    /// The window to restore once the files open at the last exit have loaded again.
    restore_window: Option<TimeWindow>,
    pub(super) repaint: Option<egui::Context>,
}

impl ChronolaneApp {
    /// An app showing `timeline` at once, with no loading (tests, screenshots, exports).
    pub fn with_timeline(timeline: Timeline) -> Self {
        Self {
            session: Session::new(timeline, Default::default()),
            persisted: Persisted::default(),
            side: SidePanelState::default(),
            toasts: Toasts::default(),
            last_timeline: TimelineResponse::default(),
            presentation: Presentation::default(),
            export: ExportDialog::default(),
            project_ui: ProjectUi::default(),
            main_view: MainView::default(),
            chronology: ChronologyState::default(),
            load: None,
            options: LoadOptions::default(),
            dialog: None,
            restore_window: None,
            repaint: None,
        }
    }

    /// The app as started from the command line: loads `files`, or the sample when empty, in
    /// the background, restoring the last session's view when it opens the same files.
    pub fn new(
        files: Vec<PathBuf>,
        options: LoadOptions,
        persisted: Option<Persisted>,
        ctx: Option<egui::Context>,
    ) -> Self {
        let mut app = Self::with_timeline(Timeline::default());
        app.options = options;
        app.repaint = ctx;
        if let Some(dir) = eframe::storage_dir("chronolane") {
            app.use_recovery_dir(dir.join("recovery"));
        }
        if let Some(persisted) = persisted {
            let same_files = persisted.open_files == files;
            app.session.settings = if same_files {
                persisted.settings.clone()
            } else {
                Default::default()
            };
            app.restore_window = persisted.window.filter(|_| same_files);
            app.persisted = persisted;
        }
        if files.is_empty() {
            app.open_sample();
        } else {
            app.open_paths(files);
        }
        app
    }

    /// Opens files and folders (File ▸ Open, drag and drop, the command line, recent files).
    pub fn open_paths(&mut self, paths: Vec<PathBuf>) {
        if paths.is_empty() {
            return;
        }
        if let Some(project) = paths.iter().find(|p| is_project_file(p)) {
            self.open_project(&project.clone());
            return;
        }
        for path in paths.iter().rev() {
            self.persisted.recent.retain(|p| p != path);
            self.persisted.recent.insert(0, path.clone());
        }
        self.persisted.recent.truncate(MAX_RECENT);
        let paths = self.paths_to_load(paths);
        self.start_load(Source::Paths(paths));
    }

    /// Opens the bundled sample briefing.
    pub fn open_sample(&mut self) {
        self.start_load(Source::Sample);
    }

    fn start_load(&mut self, source: Source) {
        let ctx = self.repaint.clone();
        let settings = self.settings_for_load(&source);
        self.load = Some(LoadJob::spawn(
            source,
            self.options.clone(),
            settings,
            move || {
                if let Some(ctx) = &ctx {
                    ctx.request_repaint();
                }
            },
        ));
    }

    /// The view settings a load will be shown with: the current ones when the same files are
    /// opened again, else the defaults.
    fn settings_for_load(&self, source: &Source) -> crate::layout::ViewSettings {
        match source {
            Source::Paths(files) if *files == self.persisted.open_files => {
                self.session.settings.clone()
            }
            _ => Default::default(),
        }
    }

    /// True while files are loading.
    pub fn is_loading(&self) -> bool {
        self.load.is_some()
    }

    /// Blocks until the current load finishes and applies it (tests and screenshots).
    pub fn wait_for_load(&mut self) {
        if let Some(job) = self.load.take() {
            let result = job.wait();
            self.apply_load(result);
        }
    }

    fn poll_load(&mut self) {
        let Some(job) = &mut self.load else {
            return;
        };
        let finished = job.poll();
        if let Some(partial) = job.take_partial() {
            job.log_timing("first timeline", partial.timeline());
            self.show_partial(partial);
        }
        if let Some(result) = finished
            && let Some(job) = self.load.take()
        {
            // the analyst moved about the first articles' timeline: stay there
            if job
                .shown_window
                .is_some_and(|shown| shown != self.session.window)
            {
                self.restore_window = Some(self.session.window);
            }
            if let Ok(loaded) = &result {
                job.log_timing("whole timeline", loaded.prepared.timeline());
            }
            self.apply_load(result);
        }
    }

    /// Shows the first articles' timeline while the rest load, unless the open project has
    /// edits (they are applied once, to the whole timeline).
    fn show_partial(&mut self, partial: Prepared) {
        let Some(Source::Paths(files)) = self.load.as_ref().map(LoadJob::source) else {
            return;
        };
        if !self.session.project.edits().is_empty() || self.session.project.path().is_some() {
            return;
        }
        let files = files.clone();
        let settings = if files == self.persisted.open_files {
            std::mem::take(&mut self.session.settings)
        } else {
            Default::default()
        };
        self.replace_session(partial.into_session(settings));
        if let Some(window) = self.restore_window {
            self.session.set_window(window);
        }
        // the whole timeline keeps whatever the analyst sets meanwhile
        self.persisted.open_files = files;
        if let Some(job) = &mut self.load {
            job.shown_window = Some(self.session.window);
        }
    }

    fn apply_load(&mut self, result: Result<LoadResult, String>) {
        let result = match result {
            Ok(result) => result,
            Err(reason) => {
                self.toasts.error("Loading failed", reason);
                return;
            }
        };
        for error in &result.errors {
            self.toasts
                .error(format!("Could not open {}", error.file), &error.reason);
        }
        for warning in &result.warnings {
            self.toasts.info("Read in part", warning);
        }
        let files = match &result.source {
            Source::Sample => Vec::new(),
            Source::Paths(paths) => paths.clone(),
        };
        if result.prepared.timeline().articles.is_empty() && !files.is_empty() {
            // Nothing readable: keep what is on screen rather than an empty timeline.
            if result.errors.is_empty() {
                self.toasts.error(
                    "Nothing to show",
                    "No articles were found in the chosen files.",
                );
            }
            return;
        }
        let settings = std::mem::take(&mut self.session.settings);
        let keep_settings = files == self.persisted.open_files;
        let settings = if keep_settings {
            settings
        } else {
            Default::default()
        };
        let session = self.session_for_load(result.prepared, settings);
        self.replace_session(session);
        if let Some(window) = self.restore_window.take().filter(|_| keep_settings) {
            self.session.set_window(window);
        }
        if self.session.timeline.events.is_empty() {
            self.toasts.info(
                "No dated events found",
                format!(
                    "{} article(s) loaded, but none had events with dates.",
                    self.session.timeline.articles.len()
                ),
            );
        }
        self.persisted.open_files = files;
        self.side.from_text = self
            .session
            .settings
            .filters
            .from
            .map(|d| d.to_string())
            .unwrap_or_default();
        self.side.to_text = self
            .session
            .settings
            .filters
            .to
            .map(|d| d.to_string())
            .unwrap_or_default();
    }

    /// Shows `session`, dropping the one it replaces on another thread: freeing a hundred
    /// thousand events takes a noticeable part of a second.
    fn replace_session(&mut self, session: Session) {
        let old = std::mem::replace(&mut self.session, session);
        // with no thread to spare it is dropped here, which is only slower
        let _ = std::thread::Builder::new()
            .name("chronolane-drop".into())
            .spawn(move || drop(old));
    }

    /// What the app saves on exit.
    pub fn to_persisted(&self) -> Persisted {
        Persisted {
            settings: self.session.settings.clone(),
            window: Some(self.session.window),
            ..self.persisted.clone()
        }
    }

    /// The whole window's contents. Works in any `Ui` (the eframe window or a test harness).
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if self.repaint.is_none() {
            self.repaint = Some(ctx.clone());
        }
        self.poll_load();
        self.apply_theme(&ctx);
        self.handle_dropped_files(&ctx);
        self.handle_keys(&ctx);
        self.project_frame(&ctx);
        if self.presentation.active {
            if let Some(action) = present_ui(ui, &mut self.session, &mut self.presentation) {
                self.run(action.into(), &ctx);
            }
            self.toasts.ui(&ctx);
            return;
        }

        egui::Panel::top("menu_bar").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| self.menu_ui(ui));
        });
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_ui(ui));
        let mut commands = Vec::new();
        egui::Panel::left("lanes_panel")
            .default_size(290.0)
            .min_size(230.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("side_scroll")
                    .show(ui, |ui| {
                        commands = side_panel_ui(ui, &self.session, &mut self.side);
                    });
            });
        for command in commands {
            self.run(command, &ctx);
        }
        if self.session.selected.is_some() {
            egui::Panel::right("detail_panel")
                .default_size(380.0)
                .min_size(280.0)
                .show(ui, |ui| {
                    if let Some(command) = detail_ui(ui, &self.session) {
                        self.run(command, ui.ctx());
                    }
                });
        }
        egui::CentralPanel::default().show(ui, |ui| self.central_ui(ui));
        self.export_ui(&ctx);
        self.toasts.ui(&ctx);
    }

    fn central_ui(&mut self, ui: &mut egui::Ui) {
        if self.session.timeline.events.is_empty() {
            ui.vertical_centered(|ui| {
                ui.add_space(ui.available_height() * 0.3);
                if self.is_loading() {
                    ui.heading("Loading…");
                } else {
                    ui.heading("No events to show");
                    ui.label("Open articles with File > Open…, or drop files on this window.");
                    if ui.button("Open the sample briefing").clicked() {
                        self.open_sample();
                    }
                }
            });
            return;
        }
        if let Some(command) = main_view_switch_ui(ui, self.main_view) {
            self.run(command, ui.ctx());
        }
        if self.main_view == MainView::Chronology {
            for command in chronology_ui(ui, &self.session, &mut self.chronology) {
                self.run(command, ui.ctx());
            }
            return;
        }
        if self.session.lanes.lanes.is_empty() {
            ui.label(
                RichText::new(
                    "Every event is filtered out or hidden. Clear the filters in the left panel.",
                )
                .weak(),
            );
        }
        let height = (ui.available_height() - overview::HEIGHT - 10.0).max(160.0);
        let response = timeline_ui(ui, &mut self.session, height);
        if let Some(action) = response.lane_action.clone() {
            self.run(action.into(), ui.ctx());
        }
        ui.add_space(4.0);
        overview::overview_ui(ui, &mut self.session, response.plot_rect.x_range());
        self.session.hovered = response.hovered;
        if let Some(event) = response.clicked {
            self.session.selected = Some(event);
        } else if response.clicked_background {
            self.session.selected = None;
        }
        self.last_timeline = response;
    }

    fn menu_ui(&mut self, ui: &mut egui::Ui) {
        let mut commands = Vec::new();
        let mut ask = |command: Option<Command>| commands.extend(command);
        let clicked = |ui: &mut egui::Ui, text: &str, command: Command| {
            ui.button(text).clicked().then_some(command)
        };
        ui.menu_button("File", |ui| {
            ask(clicked(
                ui,
                "Open…",
                Command::Dialog(DialogRequest::OpenFiles),
            ));
            ask(clicked(
                ui,
                "Open folder…",
                Command::Dialog(DialogRequest::OpenFolder),
            ));
            ui.menu_button("Open recent", |ui| {
                if self.persisted.recent.is_empty() {
                    ui.label(RichText::new("No recent files").weak());
                }
                for path in &self.persisted.recent {
                    if ui
                        .button(display_name(path))
                        .on_hover_text(path.display().to_string())
                        .clicked()
                    {
                        ask(Some(Command::OpenPaths(vec![path.clone()])));
                    }
                }
            });
            ask(clicked(ui, "Open the sample briefing", Command::OpenSample));
            ui.separator();
            ask(self.project_file_menu_ui(ui));
            ui.separator();
            ask(clicked(
                ui,
                "Export image (PNG, SVG)…  (Ctrl+E)",
                Command::ExportPng,
            ));
            ask(clicked(
                ui,
                "Export briefing slides…",
                Command::ExportSlides,
            ));
            ui.separator();
            ask(clicked(ui, "Quit", Command::Quit));
        });
        ui.menu_button("Edit", |ui| ask(self.edit_menu_ui(ui)));
        ui.menu_button("View", |ui| {
            ask(clicked(ui, "Fit all events  (Home)", Command::FitAll));
            ask(clicked(ui, "Zoom in  (+)", Command::Zoom(0.5)));
            ask(clicked(ui, "Zoom out  (−)", Command::Zoom(2.0)));
            ask(clicked(ui, "Present  (F5)", Command::Present));
            ui.separator();
            ask(clicked(
                ui,
                "Timeline",
                Command::ShowView(MainView::Timeline),
            ));
            ask(clicked(
                ui,
                "Chronology table  (F6)",
                Command::ShowView(MainView::Chronology),
            ));
            ui.separator();
            ui.label(RichText::new("Theme").weak());
            for (choice, name) in [
                (ThemeChoice::System, "System"),
                (ThemeChoice::Light, "Light"),
                (ThemeChoice::Dark, "Dark"),
            ] {
                ui.radio_value(&mut self.persisted.theme, choice, name);
            }
        });
        ui.menu_button("Help", |ui| {
            ui.label("Wheel: zoom · drag: pan · right-drag: box zoom · double-click: fit");
            ui.label("Keys: + / − zoom, ← → pan, Home fit, Esc deselect");
            ui.label("F5: present (→ ← step, B blank, Esc leave) · Ctrl+E: export PNG");
            ui.label("F6: timeline / chronology table (arrow keys, Page Up/Down, Home, End step)");
            ui.label("Hover a mark for its source; click it for the full paragraph.");
            ui.label("Ctrl+Z / Ctrl+Shift+Z: undo / redo an edit · Ctrl+S: save the project");
        });
        self.project_status_ui(ui);
        for command in commands {
            self.run(command, ui.ctx());
        }
    }

    fn status_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            if let Some(job) = &self.load {
                ui.add(
                    egui::ProgressBar::new(job.fraction)
                        .desired_width(220.0)
                        .show_percentage(),
                );
                ui.label(&job.stage);
                ui.ctx().request_repaint_after(job.repaint_interval());
            } else {
                let t = &self.session.timeline;
                let shown: usize = self.session.lanes.starts.len();
                ui.label(format!(
                    "{} articles · {} actors · {} events ({} shown) · {} lanes",
                    t.articles.len(),
                    t.actors.len(),
                    t.events.len(),
                    shown,
                    self.session.lanes.lanes.len()
                ));
            }
        });
    }

    fn apply_theme(&self, ctx: &egui::Context) {
        let preference = match self.persisted.theme {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        };
        ctx.set_theme(preference);
    }

    fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            self.open_paths(dropped);
        }
        let hovering = ctx.input(|i| !i.raw.hovered_files.is_empty());
        if hovering {
            let painter = ctx.layer_painter(egui::LayerId::new(
                egui::Order::Foreground,
                egui::Id::unique("drop_hint"),
            ));
            let rect = ctx.content_rect();
            painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(140));
            painter.text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                "Drop articles to open them",
                egui::FontId::proportional(24.0),
                egui::Color32::WHITE,
            );
        }
    }

    fn handle_keys(&mut self, ctx: &egui::Context) {
        if self.presentation.active {
            super::present::handle_keys(ctx, &mut self.presentation, &mut self.session);
            return;
        }
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, Key::F6)) {
            let other = match self.main_view {
                MainView::Timeline => MainView::Chronology,
                MainView::Chronology => MainView::Timeline,
            };
            self.run(Command::ShowView(other), ctx);
        }
        if self.main_view == MainView::Chronology
            && let Some(command) = chronology_keys(ctx, &self.session, &mut self.chronology)
        {
            self.run(command, ctx);
        }
        for command in shortcut_commands(ctx) {
            self.run(command, ctx);
        }
    }

    /// Opens the native dialog asked for this frame, with the window as its parent.
    fn run_dialog(&mut self, parent: &eframe::Frame) {
        let Some(request) = self.dialog.take() else {
            return;
        };
        let dialog = rfd::FileDialog::new().set_parent(parent);
        let picked = match request {
            DialogRequest::OpenFiles => dialog
                .set_title("Open articles")
                .add_filter("Articles", ARTICLE_EXTENSIONS)
                .add_filter("All files", &["*"])
                .pick_files(),
            DialogRequest::OpenFolder => dialog
                .set_title("Open a folder of articles")
                .pick_folder()
                .map(|p| vec![p]),
        };
        if let Some(paths) = picked {
            self.open_paths(paths);
        }
    }
}

impl eframe::App for ChronolaneApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        ChronolaneApp::ui(self, ui);
        self.run_dialog(frame);
        self.run_export_dialog(frame);
        self.run_project_dialog(frame);
        self.run_chronology_dialog(frame);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.to_persisted());
    }
}

/// The commands the keyboard asked for this frame (outside presentation mode). Text fields
/// keep their own keys: only the Ctrl shortcuts that no field uses pass while one has focus.
fn shortcut_commands(ctx: &egui::Context) -> Vec<Command> {
    let mut commands = Vec::new();
    if ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, Key::E)) {
        commands.push(Command::ExportPng);
    }
    commands.extend(super::editing::project_shortcuts(ctx));
    if ctx.egui_wants_keyboard_input() {
        return commands;
    }
    let pressed = |key| ctx.input(|i| i.key_pressed(key));
    if pressed(Key::F5) {
        commands.push(Command::Present);
        return commands;
    }
    let keys = [
        (Key::Plus, Command::Zoom(0.5)),
        (Key::Equals, Command::Zoom(0.5)),
        (Key::Minus, Command::Zoom(2.0)),
        (Key::ArrowLeft, Command::Pan(-0.2)),
        (Key::ArrowRight, Command::Pan(0.2)),
        (Key::ArrowUp, Command::ScrollLanes(-1)),
        (Key::ArrowDown, Command::ScrollLanes(1)),
        (Key::Home, Command::FitAll),
        (Key::Escape, Command::Deselect),
    ];
    let mut zoomed = false;
    for (key, command) in keys {
        if !pressed(key) {
            continue;
        }
        // + and = are one key on most keyboards: zoom once.
        if matches!(command, Command::Zoom(f) if f < 1.0) {
            if zoomed {
                continue;
            }
            zoomed = true;
        }
        commands.push(command);
    }
    commands
}
