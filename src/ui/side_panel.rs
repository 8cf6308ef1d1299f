//! The left panel: grouping and sorting, the lane list (visibility, order, counts), the
//! filters and the legend. It reads the session and returns commands; it changes nothing.

use chrono::NaiveDate;
use eframe::egui::{self, Color32, RichText, Sense, vec2};

use crate::layout::{self, Filters, Grouping, LaneInfo, LaneSort, ViewSettings};

use crate::model::{Credibility, Reliability};
use crate::project::GradeFilter;

use crate::draw::{legend, palette};
use crate::view::Session;

use super::command::Command;

/// Text the analyst is typing, kept between frames.
#[derive(Clone, Debug, Default)]
pub struct SidePanelState {
    pub lane_search: String,
    pub from_text: String,
    pub to_text: String,
    /// The event search as typed; applied at once on small timelines, after a pause on large
    /// ones (rebuilding lanes for a million events takes a fraction of a second).
    pub filter_text: String,
    filter_edited_at: Option<f64>,
    /// The lane list's rows for `listed_for` (the lanes' stamp and the search), so thousands
    /// of lanes are searched once per keystroke, not once per frame.
    listed: Vec<usize>,
    listed_for: Option<(u64, String)>,
    /// Lanes with no events the unsearched list leaves out, for the same lanes.
    empty: usize,
}

impl SidePanelState {
    /// The rows of the lane list to show (indices into `session.lanes.listing`).
    fn listed_rows(&mut self, session: &Session) -> &[usize] {
        let key = (session.lanes_stamp, self.lane_search.clone());
        if self.listed_for.as_ref() != Some(&key) {
            self.listed =
                layout::listed_rows(&session.timeline, &session.lanes.listing, &self.lane_search);
            self.empty = layout::empty_lanes(&session.lanes.listing);
            self.listed_for = Some(key);
        }
        &self.listed
    }
}

/// Timelines with more events than this apply the text search after a pause in typing.
const DEBOUNCE_ABOVE_EVENTS: usize = 50_000;
/// The pause, in seconds.
const DEBOUNCE_SECONDS: f64 = 0.35;
/// Height of one row of the lane list.
const LANE_ROW_HEIGHT: f32 = 20.0;

/// What the panel's widgets changed this frame, applied to a copy of the settings only when
/// something did (the settings hold sets of every starred event and hidden lane: cloning
/// them every frame would cost a large timeline at 60 frames a second).
struct Choices {
    grouping: Grouping,
    sort: LaneSort,
    show_minor_lanes: bool,
    clear_hidden_lanes: bool,
    filters: Filters,
    grades: GradeFilter,
}

impl Choices {
    fn of(settings: &ViewSettings) -> Self {
        Self {
            grouping: settings.grouping,
            sort: settings.sort,
            show_minor_lanes: settings.show_minor_lanes,
            clear_hidden_lanes: false,
            filters: settings.filters.clone(),
            grades: settings.grades,
        }
    }

    /// The new settings, or `None` when nothing changed.
    fn applied(self, settings: &ViewSettings) -> Option<ViewSettings> {
        let order_changed = self.grouping != settings.grouping || self.sort != settings.sort;
        let changed = order_changed
            || self.show_minor_lanes != settings.show_minor_lanes
            || self.clear_hidden_lanes
            || self.filters != settings.filters
            || self.grades != settings.grades;
        if !changed {
            return None;
        }
        let mut new = settings.clone();
        if order_changed {
            new.lane_order.clear();
        }
        if self.clear_hidden_lanes {
            new.hidden_lanes.clear();
        }
        new.grouping = self.grouping;
        new.sort = self.sort;
        new.show_minor_lanes = self.show_minor_lanes;
        new.filters = self.filters;
        new.grades = self.grades;
        Some(new)
    }
}

/// Shows the panel; returns what the analyst changed, as commands for the app to carry out
/// (new settings first, then lane changes).
pub fn side_panel_ui(
    ui: &mut egui::Ui,
    session: &Session,
    state: &mut SidePanelState,
) -> Vec<Command> {
    let mut choices = Choices::of(&session.settings);
    ui.add_space(6.0);
    egui::Grid::new("view_options")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            let group_label = ui.label("Group by");
            egui::ComboBox::from_id_salt("grouping")
                .selected_text(choices.grouping.label())
                .show_ui(ui, |ui| {
                    for g in Grouping::ALL {
                        ui.selectable_value(&mut choices.grouping, g, g.label());
                    }
                })
                .response
                .labelled_by(group_label.id);
            ui.end_row();
            let sort_label = ui.label("Sort by");
            egui::ComboBox::from_id_salt("sorting")
                .selected_text(choices.sort.label())
                .show_ui(ui, |ui| {
                    for s in LaneSort::ALL {
                        ui.selectable_value(&mut choices.sort, s, s.label());
                    }
                })
                .response
                .labelled_by(sort_label.id);
            ui.end_row();
        });
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        ui.label(RichText::new("Lanes").strong());
        if !session.settings.hidden_lanes.is_empty() && ui.small_button("Show all").clicked() {
            choices.clear_hidden_lanes = true;
        }
        // Large timelines fold actors with one or two events into "Other actors (N)".
        let folds = choices.show_minor_lanes
            || (session.lanes.listing.iter()).any(|l| l.key == layout::lanes::MINOR_KEY);
        if folds {
            ui.checkbox(&mut choices.show_minor_lanes, "Every minor actor")
                .on_hover_text("A lane of its own for each actor with one or two events");
        }
    });
    ui.add(
        egui::TextEdit::singleline(&mut state.lane_search)
            .hint_text("Find a lane by name or alias…")
            .desired_width(f32::INFINITY),
    );
    let mut lane_commands = lane_list_ui(ui, session, state, &mut choices);

    ui.separator();
    ui.label(RichText::new("Filters").strong());
    filters_ui(ui, session, &mut choices.filters, state);
    if let Some(filter) = grade_filter_ui(ui, choices.grades) {
        choices.grades = filter;
    }
    let hidden = session.project.annotations().hidden.len();
    if hidden > 0
        && ui
            .button(format!("Show {hidden} hidden event(s)"))
            .on_hover_text("Undoable: Edit > Undo hides them again")
            .clicked()
    {
        lane_commands.push(Command::ShowHiddenEvents);
    }
    let mut commands = Vec::new();
    if let Some(settings) = choices.applied(&session.settings) {
        commands.push(Command::Settings(Box::new(settings)));
    }
    commands.extend(lane_commands);
    ui.separator();
    ui.label(RichText::new("Legend").strong());
    legend::legend_column(ui);
    commands
}

/// The lane list: only the rows in view are laid out, so thousands of lanes cost what a
/// screenful does. The folded "Other actors (N)" row opens them into lanes of their own.
fn lane_list_ui(
    ui: &mut egui::Ui,
    session: &Session,
    state: &mut SidePanelState,
    choices: &mut Choices,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let searching = !state.lane_search.trim().is_empty();
    let rows = state.listed_rows(session);
    if rows.is_empty() && searching {
        ui.label(RichText::new("No lane has that name").weak());
        return commands;
    }
    let spacing = ui.spacing().item_spacing.y;
    let wanted = rows.len() as f32 * (LANE_ROW_HEIGHT + spacing);
    egui::ScrollArea::vertical()
        .id_salt("lane_list")
        .max_height(
            wanted
                .min(ui.available_height() * 0.45)
                .max(LANE_ROW_HEIGHT),
        )
        .auto_shrink([false, true])
        .show_rows(ui, LANE_ROW_HEIGHT, rows.len(), |ui, range| {
            for &index in &rows[range] {
                let Some(info) = session.lanes.listing.get(index) else {
                    continue;
                };
                let row = vec2(ui.available_width(), LANE_ROW_HEIGHT);
                let layout = egui::Layout::left_to_right(egui::Align::Center);
                ui.allocate_ui_with_layout(row, layout, |ui| {
                    ui.set_height(LANE_ROW_HEIGHT);
                    lane_row_ui(ui, session, info, choices, &mut commands);
                });
            }
        });
    if !searching && state.empty > 0 {
        ui.add_space(2.0);
        let noun = if state.empty == 1 { "actor" } else { "actors" };
        ui.label(
            RichText::new(format!(
                "{} {noun} with no events not listed · search to find them",
                state.empty
            ))
            .small()
            .weak(),
        )
        .on_hover_text(
            "Actors named only as someone's affiliation, or whose events the filters hide",
        );
    }
    commands
}

/// One lane of the list: colour, visibility, name (with the actor's editor on right-click),
/// event count and the order arrows.
fn lane_row_ui(
    ui: &mut egui::Ui,
    session: &Session,
    info: &LaneInfo,
    choices: &mut Choices,
    commands: &mut Vec<Command>,
) {
    ui.add_space(f32::from(info.depth) * 16.0);
    let mut visible = !info.hidden;
    let (swatch, _) = ui.allocate_exact_size(vec2(10.0, 14.0), Sense::hover());
    ui.painter().rect_filled(
        swatch,
        2.0,
        palette::lane_with(
            session.lane_colours.get(&info.key),
            info.colour,
            ui.visuals(),
        ),
    );
    let text = if info.events == 0 {
        RichText::new(&info.label).weak()
    } else {
        RichText::new(&info.label)
    };
    if ui
        .checkbox(&mut visible, "")
        .on_hover_text(format!("Show or hide the lane {}", info.label))
        .changed()
    {
        commands.push(Command::LaneHidden {
            key: info.key.clone(),
            hidden: !visible,
        });
    }
    let folded = info.key == layout::lanes::MINOR_KEY;
    let trailing = if folded { 52.0 } else { 92.0 };
    let name_width = (ui.available_width() - trailing).max(40.0);
    ui.allocate_ui_with_layout(
        vec2(name_width, LANE_ROW_HEIGHT),
        egui::Layout::left_to_right(egui::Align::Center),
        |ui| {
            ui.set_min_width(name_width);
            let name = ui.add(egui::Label::new(text).truncate().sense(Sense::click()));
            if let Some(actor) = info.key.strip_prefix("actor:") {
                name.context_menu(|ui| {
                    if ui.button("Edit actor…").clicked() {
                        commands.push(Command::EditActor(actor.to_string()));
                    }
                });
            }
        },
    );
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        if folded {
            if ui
                .small_button("Open")
                .on_hover_text("Give each of these actors a lane of its own")
                .clicked()
            {
                choices.show_minor_lanes = true;
            }
            return;
        }
        if arrow_button(ui, false).on_hover_text("Move down").clicked() {
            commands.push(Command::MoveLane {
                key: info.key.clone(),
                delta: 1,
            });
        }
        if arrow_button(ui, true).on_hover_text("Move up").clicked() {
            commands.push(Command::MoveLane {
                key: info.key.clone(),
                delta: -1,
            });
        }
        ui.label(RichText::new(info.events.to_string()).weak().monospace());
    });
}

/// The event filters, edited in `filters` (the caller compares them with the settings).
fn filters_ui(
    ui: &mut egui::Ui,
    session: &Session,
    filters: &mut Filters,
    state: &mut SidePanelState,
) {
    let large = session.timeline.events.len() > DEBOUNCE_ABOVE_EVENTS;
    if state.filter_edited_at.is_none() && state.filter_text != filters.text {
        state.filter_text = filters.text.clone();
    }
    let now = ui.input(|i| i.time);
    let typed = ui
        .add(
            egui::TextEdit::singleline(&mut state.filter_text)
                .hint_text("Search labels, quotes, actors…")
                .desired_width(f32::INFINITY),
        )
        .changed();
    if typed {
        state.filter_edited_at = Some(now);
    }
    if let Some(at) = state.filter_edited_at {
        if !large || now - at >= DEBOUNCE_SECONDS {
            filters.text = state.filter_text.clone();
            state.filter_edited_at = None;
        } else {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_secs_f64(DEBOUNCE_SECONDS));
        }
    }
    egui::Grid::new("filter_grid")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            ui.label("From");
            date_field(ui, &mut state.from_text, &mut filters.from);
            ui.end_row();
            ui.label("To");
            date_field(ui, &mut state.to_text, &mut filters.to);
            ui.end_row();
            let article_label = ui.label("Article");
            let current = filters
                .article
                .as_ref()
                .and_then(|id| session.timeline.article(id))
                .map_or("All articles".to_string(), |a| short(&a.title, 28));
            egui::ComboBox::from_id_salt("article_filter")
                .selected_text(current)
                .width(170.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut filters.article, None, "All articles");
                    for article in &session.timeline.articles {
                        ui.selectable_value(
                            &mut filters.article,
                            Some(article.id.clone()),
                            short(&article.title, 48),
                        );
                    }
                })
                .response
                .labelled_by(article_label.id);
            ui.end_row();
            ui.label("Confidence");
            ui.add(egui::Slider::new(&mut filters.min_confidence, 0.0..=1.0).text("min"));
            ui.end_row();
        });
    ui.checkbox(&mut filters.starred_only, "Starred events only");
    ui.checkbox(&mut filters.key_events_only, "Key events only")
        .on_hover_text(
            "The dates most sources report, each by its most representative reports \
             (as `chronolane digest`); F5 then steps through them.",
        );
}

/// The minimum Admiralty grading: events with no report at least this good are left out.
/// Returns the new filter when the analyst changed it.
fn grade_filter_ui(ui: &mut egui::Ui, current: GradeFilter) -> Option<GradeFilter> {
    let mut filter = current;
    ui.horizontal(|ui| {
        let label = ui.label("Grade at least");
        egui::ComboBox::from_id_salt("grade_reliability")
            .selected_text(filter.reliability.letter().to_string())
            .width(36.0)
            .show_ui(ui, |ui| {
                for r in &Reliability::ALL[..5] {
                    ui.selectable_value(
                        &mut filter.reliability,
                        *r,
                        format!("{}  {}", r.letter(), r.meaning()),
                    );
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text("Least reliable source kept");
        egui::ComboBox::from_id_salt("grade_credibility")
            .selected_text(filter.credibility.number().to_string())
            .width(36.0)
            .show_ui(ui, |ui| {
                for c in &Credibility::ALL[..5] {
                    ui.selectable_value(
                        &mut filter.credibility,
                        *c,
                        format!("{}  {}", c.number(), c.meaning()),
                    );
                }
            })
            .response
            .on_hover_text("Least credible information kept");
    });
    ui.checkbox(&mut filter.keep_unjudged, "Keep ungraded reports");
    (filter != current).then_some(filter)
}

/// A YYYY-MM-DD field: empty clears the bound; a bad date is shown in red and ignored.
fn date_field(ui: &mut egui::Ui, text: &mut String, value: &mut Option<NaiveDate>) -> bool {
    let parsed = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok();
    let bad = !text.trim().is_empty() && parsed.is_none();
    let mut edit = egui::TextEdit::singleline(text)
        .hint_text("YYYY-MM-DD")
        .desired_width(120.0);
    if bad {
        edit = edit.text_color(Color32::from_rgb(0xd0, 0x40, 0x40));
    }
    if ui.add(edit).changed() {
        let parsed = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok();
        if text.trim().is_empty() || parsed.is_some() {
            *value = parsed;
            return true;
        }
    }
    false
}

fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut s: String = text.chars().take(max - 1).collect();
    s.push('…');
    s
}

/// A small button with a painted triangle (the bundled font has no arrow glyphs).
fn arrow_button(ui: &mut egui::Ui, up: bool) -> egui::Response {
    let response = ui.add(egui::Button::new("").min_size(vec2(18.0, 18.0)).small());
    let c = response.rect.center();
    let (tip, base) = if up { (-3.5, 3.0) } else { (3.5, -3.0) };
    let points = vec![
        egui::pos2(c.x, c.y + tip),
        egui::pos2(c.x - 4.0, c.y + base),
        egui::pos2(c.x + 4.0, c.y + base),
    ];
    let colour = ui.visuals().widgets.style(&response).fg_stroke.color;
    ui.painter().add(egui::Shape::convex_polygon(
        points,
        colour,
        egui::Stroke::NONE,
    ));
    response
}
