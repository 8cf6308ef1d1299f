//! The chronology view: the timeline's visible events as a table in date order (date,
//! headline, actors, sources, grade), beside the canvas as a second way to read the same
//! selection. Only the rows on screen are laid out (`egui_extras::TableBuilder`), so a
//! hundred thousand events scroll as smoothly as ten. Copied to the clipboard or saved as
//! CSV, Markdown or HTML by `export::chronology`.

use std::path::{Path, PathBuf};

use eframe::egui::{self, Align, Key, Modifiers, RichText, Sense};
use egui_extras::{Column, TableBuilder};

use crate::export::chronology::{self as writers, ChronologyFormat};
use crate::view::Session;
use crate::view::chronology::{ChronologyRow, DateOrder, event_rows, stepped};
use crate::view::wording::sources_line;

use super::app::ChronolaneApp;
use super::command::Command;

/// Which of the two main views fills the middle of the window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MainView {
    #[default]
    Timeline,
    Chronology,
}

/// The table's choices and its rows, kept between frames; the rows are worked out again only
/// when the lanes, the window (if followed) or the order change.
#[derive(Debug, Default)]
pub struct ChronologyState {
    pub order: DateOrder,
    /// List every filtered event, not only those in the timeline's visible window.
    pub whole_timeline: bool,
    /// Indices into `timeline.events`, in table order.
    rows: Vec<usize>,
    key: Option<RowsKey>,
    /// The selection the table last showed; a new one (from the canvas, the keys) is scrolled to.
    shown_selection: Option<usize>,
    /// A format asked for by "Save as…", for the native dialog next frame.
    pub pending_save: Option<ChronologyFormat>,
    /// The width the columns were last fitted to.
    laid_out_width: Option<f32>,
}

/// What the rows depend on.
#[derive(Clone, Copy, Debug, PartialEq)]
struct RowsKey {
    lanes_stamp: u64,
    window: Option<(f64, f64)>,
    order: DateOrder,
}

impl ChronologyState {
    /// The rows for `session` as it is now (recomputed only when something they depend on
    /// changed).
    pub fn rows(&mut self, session: &Session) -> &[usize] {
        let window = (!self.whole_timeline).then_some(session.window);
        let key = RowsKey {
            lanes_stamp: session.lanes_stamp,
            window: window.map(Into::into),
            order: self.order,
        };
        if self.key != Some(key) {
            self.rows = event_rows(&session.timeline, &session.lanes, window, self.order);
            self.key = Some(key);
        }
        &self.rows
    }

    /// The whole table's rows as text in `format`, headed by a title naming the sources.
    pub fn text(&mut self, session: &Session, format: ChronologyFormat) -> Result<String, String> {
        let rows = ChronologyRow::all(&session.timeline, self.rows(session));
        format
            .write(&rows, &report_title(session))
            .map_err(|e| e.to_string())
    }
}

/// A report's title: "Chronology — Sources: 6 articles published 1 – 24 Oct 2015 · …".
fn report_title(session: &Session) -> String {
    format!("Chronology — {}", sources_line(&session.timeline))
}

/// The "Timeline | Chronology" switch above the main view.
pub fn main_view_switch_ui(ui: &mut egui::Ui, view: MainView) -> Option<Command> {
    let mut chosen = view;
    ui.horizontal(|ui| {
        ui.selectable_value(&mut chosen, MainView::Timeline, "Timeline");
        ui.selectable_value(&mut chosen, MainView::Chronology, "Chronology")
            .on_hover_text("The visible events as a table in date order (F6 switches)");
    });
    (chosen != view).then_some(Command::ShowView(chosen))
}

/// The arrow keys, Page Up/Down, Home and End move the selection through the table. Called
/// before the app's own shortcuts, which would otherwise scroll lanes and pan the canvas.
pub fn chronology_keys(
    ctx: &egui::Context,
    session: &Session,
    state: &mut ChronologyState,
) -> Option<Command> {
    if ctx.egui_wants_keyboard_input() {
        return None;
    }
    let page = 20;
    let moves = [
        (Key::ArrowDown, 1),
        (Key::ArrowUp, -1),
        (Key::PageDown, page),
        (Key::PageUp, -page),
        (Key::End, isize::MAX / 2),
        (Key::Home, isize::MIN / 2),
    ];
    let delta = ctx.input_mut(|i| {
        moves
            .iter()
            .filter(|(key, _)| i.consume_key(Modifiers::NONE, *key))
            .map(|(_, d)| *d)
            .next()
    })?;
    let rows = state.rows(session);
    stepped(rows, session.selected, delta).map(Command::SelectEvent)
}

/// The table with its toolbar; returns what the analyst asked for.
pub fn chronology_ui(
    ui: &mut egui::Ui,
    session: &Session,
    state: &mut ChronologyState,
) -> Vec<Command> {
    let mut commands = Vec::new();
    toolbar_ui(ui, session, state, &mut commands);
    ui.add_space(4.0);
    // Borrowed out of the state for the frame (not copied: it may hold 100k indices) and put
    // back below; the table's header may change the order meanwhile.
    state.rows(session);
    let rows = std::mem::take(&mut state.rows);
    if rows.is_empty() {
        ui.add_space(20.0);
        ui.label(
            RichText::new(if state.whole_timeline {
                "No event passes the filters. Clear them in the left panel."
            } else {
                "No event in the visible window. Tick \"Whole timeline\", or clear the filters."
            })
            .weak(),
        );
        return commands;
    }
    let selected_row = session
        .selected
        .and_then(|event| rows.iter().position(|&r| r == event));
    let scroll_to = (session.selected != state.shown_selection)
        .then_some(selected_row)
        .flatten();
    state.shown_selection = session.selected;

    let body_height = ui.text_style_height(&egui::TextStyle::Body);
    let row_height = body_height + 8.0;
    // The columns share the width there is (the detail panel opening narrows it); the
    // analyst's own column widths stand until the width changes.
    let width = ui.available_width();
    let resized = state.laid_out_width.is_none_or(|w| (w - width).abs() > 0.5);
    state.laid_out_width = Some(width);
    let (date_width, grade_width) = (170.0, 48.0);
    let rest = (width - date_width - grade_width - 40.0).max(330.0);
    let mut table = TableBuilder::new(ui)
        .id_salt("chronology_table")
        .striped(true)
        .resizable(true)
        .sense(Sense::click())
        .auto_shrink([false, false])
        .cell_layout(egui::Layout::left_to_right(Align::Center))
        // Wide enough for "22 Oct 2011 – 22 Oct 2015".
        .column(Column::initial(date_width).at_least(90.0).clip(true))
        .column(Column::initial(rest * 0.46).at_least(120.0).clip(true))
        .column(Column::initial(rest * 0.30).at_least(80.0).clip(true))
        .column(Column::remainder().at_least(80.0).clip(true))
        .column(Column::exact(grade_width));
    if resized {
        table.reset();
    }
    if let Some(row) = scroll_to {
        table = table.scroll_to_row(row, Some(Align::Center));
    }
    table
        .header(row_height + 2.0, |mut header| {
            header.col(|ui| {
                let text = match state.order {
                    DateOrder::OldestFirst => "Date · oldest first",
                    DateOrder::NewestFirst => "Date · newest first",
                };
                if ui
                    .add(egui::Button::new(RichText::new(text).strong()).frame(false))
                    .on_hover_text("Click to reverse the order")
                    .clicked()
                {
                    state.order = state.order.flipped();
                }
            });
            for heading in ["Headline", "Actors", "Sources", "Grade"] {
                header.col(|ui| {
                    ui.label(RichText::new(heading).strong());
                });
            }
        })
        .body(|body| {
            body.rows(row_height, rows.len(), |mut table_row| {
                let Some(&event) = rows.get(table_row.index()) else {
                    return;
                };
                let Some(row) = ChronologyRow::of(&session.timeline, event) else {
                    return;
                };
                table_row.set_selected(session.selected == Some(event));
                let mut clicked = false;
                let mut cell =
                    |table_row: &mut egui_extras::TableRow<'_, '_>, text: RichText, full: &str| {
                        let (_, response) = table_row.col(|ui| {
                            ui.add(egui::Label::new(text).truncate().selectable(false));
                        });
                        // On the cell, which takes the pointer for the row's click: the
                        // whole text of what the column cuts.
                        let response = if full.is_empty() {
                            response
                        } else {
                            response.on_hover_text(full)
                        };
                        clicked |= response.clicked();
                    };
                cell(&mut table_row, RichText::new(&row.date), "");
                cell(&mut table_row, RichText::new(&row.headline), &row.headline);
                let actors = row.actors_text();
                cell(&mut table_row, RichText::new(&actors), &actors);
                let sources = match row.sources.as_slice() {
                    [] => String::new(),
                    [one] => one.clone(),
                    [first, rest @ ..] => format!("{first} (+{})", rest.len()),
                };
                cell(
                    &mut table_row,
                    RichText::new(sources),
                    &row.sources.join("\n"),
                );
                let grade = row.grade.clone().unwrap_or_default();
                cell(&mut table_row, RichText::new(grade).monospace(), "");
                if clicked || table_row.response().clicked() {
                    commands.push(Command::SelectEvent(event));
                }
            });
        });
    state.rows = rows;
    commands
}

/// The count, the window toggle, copy and save.
fn toolbar_ui(
    ui: &mut egui::Ui,
    session: &Session,
    state: &mut ChronologyState,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        let count = state.rows(session).len();
        let noun = if count == 1 { "event" } else { "events" };
        ui.label(RichText::new(format!("{count} {noun}")).strong());
        ui.checkbox(&mut state.whole_timeline, "Whole timeline")
            .on_hover_text(
                "Off: only the events in the timeline's visible window. \
                 The filters and hidden lanes apply either way.",
            );
        ui.separator();
        ui.menu_button("Copy", |ui| {
            for format in [ChronologyFormat::Markdown, ChronologyFormat::Csv] {
                if ui.button(format!("As {}", format.label())).clicked() {
                    commands.push(Command::CopyChronology(format));
                }
            }
        })
        .response
        .on_hover_text("Copy the whole table for a report");
        ui.menu_button("Save as…", |ui| {
            for format in ChronologyFormat::ALL {
                if ui
                    .button(format!("{} (.{})…", format.label(), format.extension()))
                    .clicked()
                {
                    state.pending_save = Some(format);
                }
            }
        });
    });
}

impl ChronolaneApp {
    /// Puts the whole chronology on the clipboard in `format`.
    pub fn copy_chronology(&mut self, ctx: &egui::Context, format: ChronologyFormat) {
        match self.chronology.text(&self.session, format) {
            Ok(text) => {
                let rows = self.chronology.rows(&self.session).len();
                ctx.copy_text(text);
                self.toasts.info(
                    "Chronology copied",
                    format!("{rows} events as {}", format.label()),
                );
            }
            Err(reason) => self.toasts.error("Could not copy the chronology", reason),
        }
    }

    /// Writes the whole chronology to `path`, in the format its extension names.
    pub fn export_chronology(&mut self, path: &Path) -> Result<(), String> {
        let rows = ChronologyRow::all(&self.session.timeline, self.chronology.rows(&self.session));
        let title = report_title(&self.session);
        match writers::write_file(path, &rows, &title) {
            Ok(_) => {
                self.toasts
                    .info("Chronology saved", path.display().to_string());
                Ok(())
            }
            Err(e) => {
                self.toasts
                    .error("Could not save the chronology", e.to_string());
                Err(e.to_string())
            }
        }
    }

    /// Opens the Save dialog asked for by the toolbar, with the window as parent.
    pub(super) fn run_chronology_dialog(&mut self, parent: &eframe::Frame) {
        let Some(format) = self.chronology.pending_save.take() else {
            return;
        };
        let picked: Option<PathBuf> = rfd::FileDialog::new()
            .set_parent(parent)
            .set_title("Save the chronology")
            .set_file_name(format!("chronology.{}", format.extension()))
            .add_filter(format.label(), &[format.extension()])
            .save_file();
        if let Some(mut path) = picked {
            if ChronologyFormat::from_path(&path) != Some(format) {
                path.set_extension(format.extension());
            }
            // Failures are reported as notifications by export_chronology.
            let _ = self.export_chronology(&path);
        }
    }
}
