//! The timeline as an analyst uses it: lanes, hover, click, filters, grouping. Driven through
//! egui_kittest by label, on the hand-made briefing (not on extraction quality), plus one
//! robust check on the bundled sample.
#![cfg(feature = "gui")]

mod ui_common;

use egui_kittest::Harness;
use ui_common::harness;

use chronolane::layout::fixture::briefing;
use chronolane::layout::{Grouping, ViewSettings};
use chronolane::model::{Timeline, When};
use chronolane::ui::ChronolaneApp;
use eframe::egui::{self, Pos2};
use egui_kittest::kittest::Queryable;

/// Where the mark of event `id` was drawn last frame.
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

fn click_at(harness: &mut Harness<'_, ChronolaneApp>, pos: Pos2) {
    harness.hover_at(pos);
    harness.run();
    harness.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    harness.step();
    harness.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run();
}

/// Labels drawn in the plot's lane column (the side panel lists the same names further left).
fn lane_label_rect(harness: &Harness<'_, ChronolaneApp>, name: &str) -> Option<egui::Rect> {
    let plot_left = harness.state().last_timeline.plot_rect.left();
    harness
        .query_all_by_label(name)
        .map(|node| node.rect())
        .find(|rect| rect.right() <= plot_left + 1.0 && rect.left() > plot_left - 200.0)
}

#[test]
fn the_sample_opens_with_lanes_for_its_main_actors() {
    let mut app = ChronolaneApp::with_timeline(Timeline::default());
    app.open_sample();
    app.wait_for_load();
    let harness = harness(app);
    let app = harness.state();
    assert!(
        app.session.timeline.articles.len() >= 6,
        "the sample has six or more articles"
    );
    assert!(
        app.session.lanes.lanes.len() >= 3,
        "{:?}",
        app.session.lanes.lanes.len()
    );
    for actor in ["Russia", "Syria"] {
        assert!(
            lane_label_rect(&harness, actor).is_some(),
            "no lane labelled {actor}"
        );
    }
}

/// The events the lanes show, by id.
fn shown_ids(app: &ChronolaneApp) -> std::collections::BTreeSet<String> {
    let events = &app.session.timeline.events;
    (app.session.lanes.lanes.iter())
        .flat_map(|lane| lane.entries.iter())
        .map(|entry| events[entry.event as usize].id.clone())
        .collect()
}

#[test]
fn key_events_only_shows_the_digest_and_the_briefing_steps_through_it() {
    let mut app = ChronolaneApp::with_timeline(Timeline::default());
    app.open_sample();
    app.wait_for_load();
    let mut harness = harness(app);
    let all = shown_ids(harness.state());
    harness.get_by_label("Key events only").click();
    harness.run();
    let app = harness.state();
    let key: std::collections::BTreeSet<String> =
        chronolane::digest::key_event_ids(&app.session.timeline, 30)
            .into_iter()
            .collect();
    let shown = shown_ids(app);
    assert!(!shown.is_empty(), "the sample has key events");
    assert!(shown.len() < all.len(), "{} of {}", shown.len(), all.len());
    assert!(shown.is_subset(&key), "{shown:?} not all in {key:?}");
    // With nothing starred, F5 steps through what is shown: the key events, in date order.
    let steps = chronolane::view::briefing_steps(&app.session);
    assert_eq!(steps.len(), shown.len());
    let events = &app.session.timeline.events;
    assert!(
        steps
            .windows(2)
            .all(|w| events[w[0]].when.start <= events[w[1]].when.start)
    );
    // Reopened with the filter saved on (and ids left from another timeline), the same events.
    let mut settings = app.session.settings.clone();
    settings.key_events = ["from-another-timeline".to_string()].into();
    let reopened = chronolane::view::Session::from_project(app.session.project.clone(), settings);
    let reopened_ids: std::collections::BTreeSet<String> = (reopened.lanes.lanes.iter())
        .flat_map(|lane| lane.entries.iter())
        .map(|entry| events[entry.event as usize].id.clone())
        .collect();
    assert_eq!(reopened_ids, shown);
}

#[test]
fn hovering_a_mark_shows_its_quote_and_dates() {
    let mut harness = harness(ChronolaneApp::with_timeline(briefing()));
    let pos = mark_position(&harness, "e-vienna");
    harness.hover_at(pos);
    harness.run();
    assert!(
        harness
            .query_by_label_contains("met in Vienna on Friday")
            .is_some()
    );
    assert!(
        harness.query_by_label_contains("“Friday”").is_some(),
        "the date as written"
    );
    assert!(
        harness.query_by_label_contains("23 Oct 2015").is_some(),
        "the date as normalised"
    );
    assert!(
        harness
            .query_by_label_contains("Foreign ministers meet in Vienna")
            .is_some()
    );
}

#[test]
fn clicking_a_mark_selects_it_and_shows_its_paragraph() {
    let mut harness = harness(ChronolaneApp::with_timeline(briefing()));
    let pos = mark_position(&harness, "e-announce");
    click_at(&mut harness, pos);
    let selected = harness
        .state()
        .session
        .selected_event()
        .map(|e| e.id.clone());
    assert_eq!(selected.as_deref(), Some("e-announce"));
    // The detail panel shows the whole paragraph, not only the quoted sentence.
    assert!(
        harness
            .query_by_label_contains("once Assad was back in Damascus")
            .is_some()
    );
    harness.get_by_label("Hide").click();
    harness.run();
    let app = harness.state();
    assert!(
        app.session
            .project
            .annotations()
            .hidden
            .contains("e-announce")
    );
    assert!(app.session.selected.is_none());
}

#[test]
fn a_text_filter_hides_lanes_without_matching_events() {
    let mut harness = harness(ChronolaneApp::with_timeline(briefing()));
    assert!(lane_label_rect(&harness, "Bashar al-Assad").is_some());
    let app = harness.state_mut();
    app.session.settings.filters.text = "conference".into();
    app.session.settings_changed();
    harness.run();
    assert!(lane_label_rect(&harness, "Bashar al-Assad").is_none());
    assert!(lane_label_rect(&harness, "Sergei Lavrov").is_some());
}

#[test]
fn hiding_a_lane_from_the_side_panel_removes_it() {
    let mut harness = harness(ChronolaneApp::with_timeline(briefing()));
    harness
        .get_by_label("Show or hide the lane John Kerry")
        .click();
    harness.run();
    assert!(lane_label_rect(&harness, "John Kerry").is_none());
}

#[test]
fn grouping_by_affiliation_nests_people_under_their_country() {
    let mut app = ChronolaneApp::with_timeline(briefing());
    app.session.settings = ViewSettings {
        grouping: Grouping::Affiliation,
        ..ViewSettings::default()
    };
    app.session.settings_changed();
    let harness = harness(app);
    let rect = |name| lane_label_rect(&harness, name).unwrap_or_else(|| panic!("no lane {name}"));
    let (russia, putin, lavrov) = (
        rect("Russia"),
        rect("Vladimir Putin"),
        rect("Sergei Lavrov"),
    );
    assert!(
        putin.left() > russia.left() + 8.0,
        "people are indented under their country"
    );
    assert!(russia.top() < putin.top() && russia.top() < lavrov.top());
    let others = ["Syria", "United States"].map(rect);
    for other in others {
        // No other country sits between Russia and its people.
        assert!(!(other.top() > russia.top() && other.top() < putin.top().max(lavrov.top())));
    }
}

#[test]
fn awkward_timelines_render_without_panicking() {
    let mut timeline = briefing();
    timeline.events[0].actors.clear();
    timeline.events[1].when = When::day(chrono::NaiveDate::from_ymd_opt(0, 1, 1).expect("year 0"));
    timeline.events[2].when =
        When::day(chrono::NaiveDate::from_ymd_opt(99999, 6, 1).expect("year 99999"));
    let mut harness = harness(ChronolaneApp::with_timeline(timeline));
    harness.state_mut().session.fit_all();
    harness.run();
    harness.state_mut().session.set_window((10.0, 10.0));
    harness.run();
    let mut harness = harness_for_empty();
    harness.run();
    assert!(harness.query_by_label("No events to show").is_some());
}

fn harness_for_empty() -> Harness<'static, ChronolaneApp> {
    harness(ChronolaneApp::with_timeline(Timeline::default()))
}

fn wheel(harness: &mut Harness<'_, ChronolaneApp>, at: Pos2, lines: f32) {
    harness.hover_at(at);
    harness.run();
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Line,
        delta: egui::vec2(0.0, lines),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run();
}

#[test]
fn more_lanes_than_fit_scroll_under_the_labels() {
    let timeline = chronolane::layout::fixture::synthetic(400, 60);
    let mut harness = harness(ChronolaneApp::with_timeline(timeline));
    let first = harness.state().session.lanes.lanes[0].label.clone();
    assert!(lane_label_rect(&harness, &first).is_some());
    let plot = harness.state().last_timeline.plot_rect;
    wheel(
        &mut harness,
        egui::pos2(plot.left() - 100.0, plot.center().y),
        -6.0,
    );
    assert!(harness.state().session.lane_scroll > 0);
    assert!(
        lane_label_rect(&harness, &first).is_none(),
        "the first lane scrolled away"
    );
}

#[test]
fn the_wheel_over_the_plot_zooms_time() {
    let mut harness = harness(ChronolaneApp::with_timeline(briefing()));
    let (a, b): (f64, f64) = harness.state().session.window.into();
    let plot = harness.state().last_timeline.plot_rect;
    wheel(&mut harness, plot.center(), 3.0);
    let (c, d): (f64, f64) = harness.state().session.window.into();
    assert!(d - c < b - a, "scrolling up zooms in");
}

#[test]
fn typing_in_the_event_search_hides_lanes() {
    let mut harness = harness(ChronolaneApp::with_timeline(briefing()));
    let search = egui_kittest::kittest::By::new()
        .predicate(|node| node.placeholder() == Some("Search labels, quotes, actors…"));
    harness.get(search).focus();
    harness.run();
    harness
        .get(
            egui_kittest::kittest::By::new()
                .predicate(|node| node.placeholder() == Some("Search labels, quotes, actors…")),
        )
        .type_text("conference");
    harness.run();
    assert_eq!(harness.state().session.settings.filters.text, "conference");
    assert!(lane_label_rect(&harness, "Bashar al-Assad").is_none());
    assert!(lane_label_rect(&harness, "John Kerry").is_some());
}
