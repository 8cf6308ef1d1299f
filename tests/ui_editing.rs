//! The analyst's corrections in the app, driven by label through egui_kittest on the
//! hand-made briefing: relabel an event and see it everywhere, undo and redo it, star an
//! event for the briefing, merge two actors from the lane menu, grade a report, add an event.
#![cfg(feature = "gui")]

mod ui_common;

use egui_kittest::Harness;
use ui_common::harness;

use chronolane::layout::fixture::briefing;
use chronolane::model::Grading;
use chronolane::project::{Edit, GradeFilter, GradeTarget};
use chronolane::ui::ChronolaneApp;
use eframe::egui::accesskit::Role;
use eframe::egui::{self, Key, Modifiers, Pos2};
use egui_kittest::kittest::Queryable;

/// The app on the briefing with event `id` selected (its detail panel open).
fn with_selected(id: &str) -> Harness<'static, ChronolaneApp> {
    let mut app = ChronolaneApp::with_timeline(briefing());
    assert!(app.session.select_id(id), "no event {id}");
    harness(app)
}

fn mark_position(harness: &Harness<'_, ChronolaneApp>, id: &str) -> Pos2 {
    let app = harness.state();
    let index = app
        .session
        .timeline
        .events
        .iter()
        .position(|e| e.id == id)
        .unwrap_or_else(|| panic!("no event {id}"));
    app.last_timeline
        .drawn
        .iter()
        .find(|(event, _)| *event == index)
        .map(|(_, pos)| *pos)
        .unwrap_or_else(|| panic!("event {id} was not drawn"))
}

fn label_of(harness: &Harness<'_, ChronolaneApp>, id: &str) -> String {
    let events = &harness.state().session.timeline.events;
    events
        .iter()
        .find(|e| e.id == id)
        .map(|e| e.label.clone())
        .unwrap_or_default()
}

/// Replaces the text of the text field labelled `label`.
fn retype(harness: &mut Harness<'_, ChronolaneApp>, label: &str, text: &str) {
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    harness.run();
}

/// Lane labels in the plot's label column (the side panel lists the same names).
fn lane_label(harness: &Harness<'_, ChronolaneApp>, name: &str) -> Option<egui::Rect> {
    let plot_left = harness.state().last_timeline.plot_rect.left();
    harness
        .query_all_by_label(name)
        .map(|node| node.rect())
        .find(|rect| rect.right() <= plot_left + 1.0 && rect.left() > plot_left - 200.0)
}

#[test]
fn relabelling_an_event_shows_at_once_and_undo_and_redo_walk_it() {
    let mut harness = with_selected("e-vienna");
    harness.get_by_label("Edit…").click();
    harness.run();
    assert!(harness.query_by_label("Edit event").is_some());
    retype(&mut harness, "Label", "Vienna talks on Syria");
    harness.get_by_label("Apply").click();
    harness.run();
    assert!(
        harness.query_by_label("Edit event").is_none(),
        "the editor closes"
    );
    assert_eq!(label_of(&harness, "e-vienna"), "Vienna talks on Syria");
    // The detail panel's heading, and the tooltip over the mark.
    assert!(harness.query_by_label("Vienna talks on Syria").is_some());
    let pos = mark_position(&harness, "e-vienna");
    harness.hover_at(pos);
    harness.run();
    assert!(
        harness.query_all_by_label("Vienna talks on Syria").count() >= 2,
        "the tooltip shows the new label too"
    );
    // The Edit menu names the step.
    harness.get_by_label("Edit").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Undo relabel event “Vienna talks on Syria”")
            .is_some()
    );
    harness.key_press(Key::Escape);
    harness.run();

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        label_of(&harness, "e-vienna"),
        "Lavrov and Kerry meet in Vienna"
    );
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(label_of(&harness, "e-vienna"), "Vienna talks on Syria");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(label_of(&harness, "e-vienna"), "Vienna talks on Syria");
}

#[test]
fn redating_an_event_to_a_month_moves_it() {
    let mut harness = with_selected("e-vienna");
    harness.get_by_label("Edit…").click();
    harness.run();
    harness.get_by_label("Month").click();
    harness.run();
    retype(&mut harness, "Date", "2015-11");
    harness.get_by_label("Apply").click();
    harness.run();
    let app = harness.state();
    let event = app.session.selected_event().expect("still selected");
    assert_eq!(event.when.start.to_string(), "2015-11-01");
    assert_eq!(event.when.end.to_string(), "2015-11-30");
    assert!(harness.query_by_label_contains("Nov 2015").is_some());
}

#[test]
fn starring_an_event_puts_it_on_the_briefing_list() {
    let mut harness = with_selected("e-strikes");
    harness.get_by_label("Star").click();
    harness.run();
    let app = harness.state();
    let starred: Vec<&str> = app
        .session
        .project
        .applied()
        .starred_events()
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(starred, ["e-strikes"]);
    assert!(app.session.settings.starred.contains("e-strikes"));
    assert_eq!(
        chronolane::view::briefing_steps(&app.session).len(),
        1,
        "presentation steps through the starred list"
    );
    assert!(harness.query_by_label("Unstar").is_some());
    harness.get_by_label("Unstar").click();
    harness.run();
    assert!(
        harness
            .state()
            .session
            .project
            .annotations()
            .starred
            .is_empty()
    );
}

#[test]
fn merging_two_actors_from_the_lane_menu_leaves_one_lane() {
    let mut harness = harness(ChronolaneApp::with_timeline(briefing()));
    let lanes_before = harness.state().session.lanes.lanes.len();
    let rect = lane_label(&harness, "Sergei Lavrov").expect("a lane for Lavrov");
    harness.hover_at(rect.center());
    harness.run();
    harness.event(egui::Event::PointerButton {
        pos: rect.center(),
        button: egui::PointerButton::Secondary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    harness.step();
    harness.event(egui::Event::PointerButton {
        pos: rect.center(),
        button: egui::PointerButton::Secondary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    harness.run();
    harness.get_by_label("Edit actor…").click();
    harness.run();
    assert!(
        harness
            .query_by_label("Edit actor: Sergei Lavrov")
            .is_some()
    );
    harness
        .get_by_role_and_label(Role::ComboBox, "Merge into")
        .click();
    harness.run();
    // The merge list offers every other actor; pick Putin from it (the last match is the
    // popup's entry, after the lane labels and the side panel).
    let putin = harness
        .query_all_by_label("Vladimir Putin")
        .last()
        .expect("Putin in the merge list")
        .rect();
    harness.click_at(putin.center());
    harness.run();
    harness.get_by_label("Merge").click();
    harness.run();
    assert!(
        lane_label(&harness, "Sergei Lavrov").is_none(),
        "Lavrov's lane is gone"
    );
    let app = harness.state();
    assert_eq!(app.session.lanes.lanes.len(), lanes_before - 1);
    let putin = app
        .session
        .timeline
        .actors
        .iter()
        .find(|a| a.id == "putin")
        .expect("putin");
    assert!(putin.is_named("Sergei Lavrov"), "the old name is an alias");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(lane_label(&harness, "Sergei Lavrov").is_some(), "undo");
}

trait ClickAt {
    fn click_at(&mut self, pos: Pos2);
}

impl ClickAt for Harness<'_, ChronolaneApp> {
    fn click_at(&mut self, pos: Pos2) {
        self.hover_at(pos);
        self.run();
        for pressed in [true, false] {
            self.event(egui::Event::PointerButton {
                pos,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: Modifiers::NONE,
            });
            self.step();
        }
        self.run();
    }
}

#[test]
fn a_graded_report_shows_its_meaning_and_the_grade_filter_uses_it() {
    let mut app = ChronolaneApp::with_timeline(briefing());
    let source = app.session.timeline.events[0].sources[0].clone();
    let id = app.session.timeline.events[0].id.clone();
    app.apply_edits(vec![Edit::Grade {
        target: GradeTarget::report(&source),
        grading: Some("B2".parse::<Grading>().unwrap()),
    }]);
    app.session.select_id(&id);
    let mut harness = harness(app);
    assert!(
        harness
            .query_by_label_contains("usually reliable source; information probably true")
            .is_some(),
        "the detail panel says what B2 means"
    );
    let pos = mark_position(&harness, &id);
    harness.hover_at(pos);
    harness.run();
    assert!(
        harness
            .query_by_label_contains("B2: usually reliable source")
            .is_some(),
        "the tooltip shows the grading"
    );
    let app = harness.state_mut();
    app.session.settings.grades = GradeFilter {
        keep_unjudged: false,
        ..GradeFilter::default()
    };
    app.session.settings_changed();
    let shown: std::collections::BTreeSet<&str> = app
        .session
        .lanes
        .lanes
        .iter()
        .flat_map(|lane| &lane.entries)
        .map(|entry| {
            app.session.timeline.events[entry.event as usize]
                .id
                .as_str()
        })
        .collect();
    assert_eq!(
        shown.into_iter().collect::<Vec<_>>(),
        [id.as_str()],
        "only the graded event passes"
    );
}

#[test]
fn an_event_added_by_hand_appears_with_its_note() {
    let mut harness = harness(ChronolaneApp::with_timeline(briefing()));
    let before = harness.state().session.timeline.events.len();
    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label("Add event…").click();
    harness.run();
    retype(&mut harness, "Label", "Ceasefire talks resume");
    retype(&mut harness, "Date", "2015-10-25");
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Note")
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Note")
        .type_text("From a phone call with the embassy");
    harness.run();
    harness.get_by_label("Apply").click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.session.timeline.events.len(), before + 1);
    let added = app
        .session
        .selected_event()
        .expect("the new event is selected");
    assert_eq!(added.label, "Ceasefire talks resume");
    assert!(harness.query_by_label("none: added by hand").is_some());
    assert!(
        harness
            .query_by_label("From a phone call with the embassy")
            .is_some()
    );
}

#[test]
fn renaming_and_re_kinding_an_actor_in_its_window() {
    let mut app = ChronolaneApp::with_timeline(briefing());
    app.edit_actor("kerry");
    let mut harness = harness(app);
    assert!(harness.query_by_label("Edit actor: John Kerry").is_some());
    retype(&mut harness, "Name", "Secretary Kerry");
    harness
        .get_by_role_and_label(Role::ComboBox, "Kind")
        .click();
    harness.run();
    harness.get_by_label("organisation").click();
    harness.run();
    harness.get_by_label("Apply").click();
    harness.run();
    assert!(lane_label(&harness, "Secretary Kerry").is_some());
    let app = harness.state();
    let kerry = app
        .session
        .timeline
        .actors
        .iter()
        .find(|a| a.id == "kerry")
        .expect("kerry");
    assert_eq!(kerry.kind, chronolane::model::ActorKind::Organisation);
    assert!(
        kerry.is_named("John Kerry"),
        "the old name stays as an alias"
    );
    assert_eq!(app.session.project.edits().len(), 2, "two undoable steps");
}

#[test]
fn showing_hidden_events_is_one_undo_step() {
    let mut app = ChronolaneApp::with_timeline(briefing());
    for id in ["e-visit", "e-vienna"] {
        app.session
            .edit(Edit::Hide { event: id.into() })
            .expect("hide");
    }
    let mut harness = harness(app);
    harness.get_by_label("Show 2 hidden event(s)").click();
    harness.run();
    assert!(harness.query_by_label("Show 2 hidden event(s)").is_none());
    harness.get_by_label("Edit").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Undo show 2 hidden events")
            .is_some(),
        "the Edit menu names the one step"
    );
    harness.key_press(Key::Escape);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(
        harness.query_by_label("Show 2 hidden event(s)").is_some(),
        "one undo hides both events again"
    );
}
