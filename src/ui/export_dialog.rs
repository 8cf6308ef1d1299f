//! File ▸ Export image…: format (PNG or SVG), size, density, theme, title, banner, legend,
//! footer, span and what to do with more lanes than fit, then a save dialog; File ▸ Export
//! briefing slides…; and the shell's side of both (starting the off-screen render on a worker
//! thread, reporting the result). Every action that writes has a path-taking twin
//! (`export_page_to`, `export_slides_to`) so tests never open a dialog.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use eframe::egui::{self, Color32, RichText};

use crate::export::briefing::{self, BriefingOptions};
use crate::export::{
    Banner, Canvas, Format, LaneOverflow, PageOptions, PageSpec, Source, ViewChoice, Written,
};

use super::app::ChronolaneApp;
use crate::view::Session;

/// Output sizes offered in the dialog: width and height in points, and the pixel density.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SizePreset {
    FullHd,
    Uhd,
    A4Landscape,
    Custom,
}

impl SizePreset {
    pub const ALL: [Self; 4] = [Self::FullHd, Self::Uhd, Self::A4Landscape, Self::Custom];

    pub fn label(self) -> &'static str {
        match self {
            Self::FullHd => "1920 × 1080 (slides, screens)",
            Self::Uhd => "3840 × 2160 (4K)",
            Self::A4Landscape => "A4 landscape, 300 dpi (3508 × 2480)",
            Self::Custom => "Custom",
        }
    }

    /// Points and density; the 4K and print sizes double the density so text stays legible.
    pub fn size(self) -> Option<(u32, u32, f32)> {
        match self {
            Self::FullHd => Some((1920, 1080, 1.0)),
            Self::Uhd => Some((1920, 1080, 2.0)),
            Self::A4Landscape => Some((1754, 1240, 2.0)),
            Self::Custom => None,
        }
    }
}

/// What the export dialog holds between frames.
#[derive(Debug)]
pub struct ExportDialog {
    pub open: bool,
    pub format: Format,
    pub preset: SizePreset,
    /// Width and height in points; the image is these times `density` pixels.
    pub width: u32,
    pub height: u32,
    pub density: f32,
    pub dark: bool,
    pub title: String,
    pub subtitle: String,
    pub banner: bool,
    pub banner_text: String,
    pub banner_colour: Color32,
    pub legend: bool,
    pub footer: bool,
    /// Number and list the key events (the briefing page).
    pub key_events: bool,
    /// The one-page briefing preset: size, span and lanes chosen to fit one landscape page.
    pub briefing: bool,
    /// The whole timeline rather than the window on screen.
    pub whole: bool,
    /// More lanes than fit: shrink or pages (never dropped).
    pub lanes: LaneOverflow,
    /// Where Export writes without asking (tests, scripted runs); `None` opens a save dialog.
    pub fixed_path: Option<PathBuf>,
    /// What the next frame's native dialog is for.
    pub(super) request: Option<ExportRequest>,
    job: Option<Receiver<Result<String, String>>>,
    /// Woken when a worker finishes, so the result shows without waiting for input.
    repaint: Option<egui::Context>,
}

/// An export waiting for the analyst to pick where it goes.
#[derive(Clone, Debug)]
pub(super) enum ExportRequest {
    Page(PageSpec, Format),
    Slides,
}

impl Default for ExportDialog {
    fn default() -> Self {
        Self {
            open: false,
            format: Format::Png,
            preset: SizePreset::FullHd,
            width: 1920,
            height: 1080,
            density: 1.0,
            dark: false,
            title: String::new(),
            subtitle: String::new(),
            banner: false,
            banner_text: "UNCLASSIFIED".into(),
            banner_colour: Color32::from_rgb(0x00, 0x7a, 0x33),
            legend: true,
            footer: true,
            key_events: false,
            briefing: false,
            whole: false,
            lanes: LaneOverflow::Shrink,
            fixed_path: None,
            request: None,
            job: None,
            repaint: None,
        }
    }
}

impl ExportDialog {
    /// The image this dialog describes, for `session`'s current view.
    pub fn spec(&self, session: &Session) -> PageSpec {
        PageSpec {
            canvas: Canvas {
                size_points: egui::vec2(self.width.max(1) as f32, self.height.max(1) as f32),
                pixels_per_point: self.density.clamp(0.25, 8.0),
                dark: self.dark,
            },
            page: PageOptions {
                title: self.title.clone(),
                subtitle: self.subtitle.clone(),
                banner: (self.banner && !self.banner_text.trim().is_empty()).then(|| Banner {
                    text: self.banner_text.clone(),
                    colour: self.banner_colour,
                }),
                legend: self.legend,
                footer: self.footer,
                key_events: self.key_events,
            },
            view: if self.whole {
                ViewChoice::Whole
            } else {
                ViewChoice::Window(session.window)
            },
            lanes: self.lanes,
        }
    }

    /// True while an export is being rendered.
    pub fn is_busy(&self) -> bool {
        self.job.is_some()
    }

    /// Opens the dialog, with a title taken from the timeline when none was typed yet.
    pub fn show(&mut self, session: &Session) {
        if self.title.trim().is_empty() {
            self.title = match &session.timeline.articles[..] {
                [one] if !one.title.is_empty() => one.title.clone(),
                articles => format!("Timeline of {} articles", articles.len()),
            };
        }
        self.open = true;
    }
}

/// The dialog window. Returns the image to export when the analyst presses Export.
pub fn export_dialog_ui(
    ctx: &egui::Context,
    dialog: &mut ExportDialog,
    session: &Session,
) -> Option<PageSpec> {
    let mut open = dialog.open;
    let mut export = false;
    egui::Window::new("Export image")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .default_width(420.0)
        .show(ctx, |ui| {
            export = fields_ui(ui, dialog);
        });
    dialog.open = open && !export;
    export.then(|| dialog.spec(session))
}

/// Size, width × height and density, and the image size they make.
fn size_rows_ui(ui: &mut egui::Ui, d: &mut ExportDialog) {
    ui.label("Size");
    egui::ComboBox::from_id_salt("export_size")
        .selected_text(d.preset.label())
        .width(260.0)
        .show_ui(ui, |ui| {
            for preset in SizePreset::ALL {
                if ui
                    .selectable_value(&mut d.preset, preset, preset.label())
                    .clicked()
                    && let Some((w, h, density)) = preset.size()
                {
                    (d.width, d.height, d.density) = (w, h, density);
                }
            }
        });
    ui.end_row();
    ui.label("Width × height");
    ui.horizontal(|ui| {
        let mut changed = ui
            .add(
                egui::DragValue::new(&mut d.width)
                    .range(100..=8192)
                    .suffix(" pt"),
            )
            .changed();
        ui.label("×");
        changed |= ui
            .add(
                egui::DragValue::new(&mut d.height)
                    .range(100..=8192)
                    .suffix(" pt"),
            )
            .changed();
        if changed {
            d.preset = SizePreset::Custom;
        }
    });
    ui.end_row();
    ui.label("Pixel density");
    if ui
        .add(
            egui::Slider::new(&mut d.density, 0.5..=4.0)
                .step_by(0.25)
                .suffix("×"),
        )
        .changed()
    {
        d.preset = SizePreset::Custom;
    }
    ui.end_row();
    ui.label("");
    let (w, h) = (
        (d.width as f32 * d.density).round(),
        (d.height as f32 * d.density).round(),
    );
    ui.label(RichText::new(format!("Image: {w} × {h} px")).weak());
    ui.end_row();
}

/// The dialog's fields; true when Export was pressed.
fn fields_ui(ui: &mut egui::Ui, d: &mut ExportDialog) -> bool {
    egui::Grid::new("export_fields")
        .num_columns(2)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            ui.label("Format");
            ui.horizontal(|ui| {
                for format in Format::ALL {
                    ui.radio_value(&mut d.format, format, format.label());
                }
            });
            ui.end_row();
            ui.label("Preset");
            ui.checkbox(&mut d.briefing, "One-page briefing (A4 landscape)")
                .on_hover_text(
                    "The corpus's period on one landscape page at 300 dpi, with the key events \
                     numbered and listed, the period, the sources and the legend",
                );
            ui.end_row();
            if d.briefing {
                let (w, h) = briefing::PAGE_POINTS;
                let density = briefing::DENSITY;
                ui.label("Page");
                ui.label(
                    RichText::new(format!(
                        "{} × {} px, the whole period, key events numbered and listed",
                        w * density,
                        h * density
                    ))
                    .weak(),
                );
                ui.end_row();
            } else {
                size_rows_ui(ui, d);
            }
            ui.label("Theme");
            ui.horizontal(|ui| {
                ui.radio_value(&mut d.dark, false, "Light");
                ui.radio_value(&mut d.dark, true, "Dark");
            });
            ui.end_row();
            ui.label("Title");
            ui.add(egui::TextEdit::singleline(&mut d.title).desired_width(260.0));
            ui.end_row();
            ui.label("Subtitle");
            ui.add(egui::TextEdit::singleline(&mut d.subtitle).desired_width(260.0));
            ui.end_row();
            ui.checkbox(&mut d.banner, "Banner");
            ui.horizontal(|ui| {
                ui.add_enabled(
                    d.banner,
                    egui::TextEdit::singleline(&mut d.banner_text).desired_width(200.0),
                );
                ui.add_enabled_ui(d.banner, |ui| {
                    ui.color_edit_button_srgba(&mut d.banner_colour)
                });
            });
            ui.end_row();
            if !d.briefing {
                ui.label("Show");
                ui.horizontal(|ui| {
                    ui.checkbox(&mut d.legend, "Legend");
                    ui.checkbox(&mut d.footer, "Sources footer");
                    ui.checkbox(&mut d.key_events, "Key events");
                });
                ui.end_row();
                ui.label("Span");
                ui.horizontal(|ui| {
                    ui.radio_value(&mut d.whole, false, "Current view");
                    ui.radio_value(&mut d.whole, true, "Whole timeline");
                });
                ui.end_row();
                ui.label("Lanes");
                ui.vertical(|ui| {
                    for overflow in LaneOverflow::ALL {
                        ui.radio_value(&mut d.lanes, overflow, overflow.label());
                    }
                });
                ui.end_row();
            }
        });
    ui.add_space(8.0);
    let mut export = false;
    ui.horizontal(|ui| {
        export = ui
            .add_enabled(!d.is_busy(), egui::Button::new("Export"))
            .clicked();
        if d.is_busy() {
            ui.spinner();
            ui.label("Rendering…");
        }
    });
    export
}

impl ChronolaneApp {
    /// Shows the dialog, starts exports, and reports finished ones; once per frame.
    pub(super) fn export_ui(&mut self, ctx: &egui::Context) {
        self.export.repaint = Some(ctx.clone());
        if let Some(spec) = export_dialog_ui(ctx, &mut self.export, &self.session) {
            let format = self.export.format;
            match self.export.fixed_path.clone() {
                Some(path) => self.export_page_to(&path, spec, format),
                None => self.export.request = Some(ExportRequest::Page(spec, format)),
            }
        }
        self.poll_export();
    }

    /// Renders `spec` into `path` (and `-p2`, ... when the lanes take several pages) as
    /// `format`, on a worker thread; the result arrives as a toast.
    pub fn export_page_to(&mut self, path: &Path, spec: PageSpec, format: Format) {
        let source = Source::of_session(&self.session);
        let path = path.to_path_buf();
        let briefing = self.export.briefing.then(|| BriefingOptions {
            title: Some(spec.page.title.clone()),
            banner: spec.page.banner.clone(),
            dark: spec.canvas.dark,
        });
        self.start_export(move || {
            // The preset fits the page to the corpus, which takes a few dry runs: off the UI
            // thread too.
            let (source, spec) = match &briefing {
                Some(options) => briefing::one_page(&source, options),
                None => (source, spec),
            };
            let written = match format {
                Format::Png => crate::export::export_png(&source, &spec, &path),
                Format::Svg => crate::export::export_svg(&source, &spec, &path),
            };
            written
                .map(|files| written_summary(&files))
                .map_err(|e| e.to_string())
        });
    }

    /// Writes the briefing as numbered slides into `folder` on a worker thread.
    pub fn export_slides_to(&mut self, folder: &Path) {
        let source = Source::of_session(&self.session);
        let title = self.export.title.clone();
        let folder = folder.to_path_buf();
        let canvas = Canvas {
            size_points: egui::vec2(1920.0, 1080.0),
            pixels_per_point: 1.0,
            dark: true,
        };
        self.start_export(move || {
            crate::export::export_slides(&source, canvas, &title, &folder)
                .map(|files| format!("{} slides in {}", files.len(), folder.display()))
                .map_err(|e| e.to_string())
        });
    }

    /// Blocks until the running export finishes and reports it (tests and scripts).
    pub fn wait_for_export(&mut self) {
        if let Some(job) = self.export.job.take() {
            let result = job
                .recv()
                .unwrap_or_else(|_| Err("the export stopped unexpectedly".into()));
            self.report_export(result);
        }
    }

    /// Opens the native dialog an export asked for, with the window as parent.
    pub(super) fn run_export_dialog(&mut self, parent: &eframe::Frame) {
        let Some(request) = self.export.request.take() else {
            return;
        };
        let dialog = rfd::FileDialog::new().set_parent(parent);
        match request {
            ExportRequest::Page(spec, format) => {
                let ext = format.extension();
                let picked = dialog
                    .set_title("Export image")
                    .add_filter(format.label(), &[ext])
                    .set_file_name(format!("timeline.{ext}"))
                    .save_file();
                if let Some(path) = picked {
                    // A name typed without an extension still gets a file image viewers open.
                    let path = if path.extension().is_none() {
                        path.with_extension(ext)
                    } else {
                        path
                    };
                    self.export_page_to(&path, spec, format);
                }
            }
            ExportRequest::Slides => {
                if let Some(folder) = dialog.set_title("Folder for the slides").pick_folder() {
                    self.export_slides_to(&folder);
                }
            }
        }
    }

    /// Asks for a folder, then writes the slides there.
    pub(super) fn request_slides(&mut self) {
        match self.export.fixed_path.clone() {
            Some(folder) => self.export_slides_to(&folder),
            None => self.export.request = Some(ExportRequest::Slides),
        }
    }

    fn start_export(&mut self, work: impl FnOnce() -> Result<String, String> + Send + 'static) {
        let (sender, receiver) = channel();
        let ctx = self.export.repaint.clone();
        std::thread::spawn(move || {
            // A panic inside the renderer must not take the app down with it.
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work))
                .unwrap_or_else(|_| Err("the renderer crashed; nothing was written".into()));
            drop(sender.send(result));
            if let Some(ctx) = ctx {
                ctx.request_repaint();
            }
        });
        self.export.job = Some(receiver);
    }

    fn poll_export(&mut self) {
        let Some(job) = &self.export.job else {
            return;
        };
        match job.try_recv() {
            Ok(result) => {
                self.export.job = None;
                self.report_export(result);
            }
            Err(TryRecvError::Empty) => {}
            Err(TryRecvError::Disconnected) => {
                self.export.job = None;
                self.report_export(Err("the export stopped unexpectedly".into()));
            }
        }
    }

    fn report_export(&mut self, result: Result<String, String>) {
        match result {
            Ok(what) => self.toasts.info("Exported", what),
            Err(reason) => self.toasts.error("Export failed", reason),
        }
    }
}

/// "timeline.png (1920 × 1080 px)", or the first file and how many pages there are.
fn written_summary(files: &[Written]) -> String {
    match files {
        [one] => format!("{} ({} × {} px)", one.path.display(), one.width, one.height),
        [first, ..] => format!(
            "{} pages, {} … ({} × {} px each, every lane on one of them)",
            files.len(),
            first.path.display(),
            first.width,
            first.height
        ),
        [] => "nothing".to_string(),
    }
}
