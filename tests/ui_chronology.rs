//! The chronology table as an analyst uses it: it lists what the timeline shows (filters and
//! hidden lanes included), a click on a row selects the event everywhere, the arrow keys move
//! through the rows, and the table saves as a report. Driven by label on the hand-made briefing.
#![cfg(feature = "gui")]

mod ui_common;

use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable};
use ui_common::harness;

use chronolane::layout::fixture::briefing;
use chronolane::ui::ChronolaneApp;
use chronolane::ui::chronology::MainView;
use eframe::egui::Key;

/// The app on the briefing, showing the chronology of every filtered event.
fn chronology() -> Harness<'static, ChronolaneApp> {
    let mut harness = harness(ChronolaneApp::with_timeline(briefing()));
    harness.get_by_label("Chronology").click();
    harness.run();
    harness.get_by_label("Whole timeline").click();
    harness.run();
    assert_eq!(harness.state().main_view, MainView::Chronology);
    harness
}

/// Whether a row shows `headline` (its cell and the cell's full-text tooltip carry it).
fn row_shown(harness: &Harness<'_, ChronolaneApp>, headline: &str) -> bool {
    harness.query_all_by_label(headline).next().is_some()
}

fn click_row(harness: &mut Harness<'_, ChronolaneApp>, headline: &str) {
    // The label drawn in the cell, not the tooltip's node (which has no place on screen).
    let cell = harness
        .query_all_by_label(headline)
        .find(|node| node.rect().is_finite() && node.rect().area() > 0.0);
    cell.unwrap_or_else(|| panic!("no row {headline}")).click();
    harness.run();
}

fn selected_id(harness: &Harness<'_, ChronolaneApp>) -> Option<String> {
    harness.state().session.selected_id()
}

#[test]
fn the_table_follows_hidden_lanes_and_the_event_search() {
    let mut harness = chronology();
    for headline in [
        "Assad meets Putin in Moscow",
        "Lavrov and Kerry meet in Vienna",
        "Russia begins air strikes in Syria",
        "Wider Syria conference in Vienna",
    ] {
        assert!(row_shown(&harness, headline), "{headline} listed");
    }
    assert!(harness.query_by_label("6 events").is_some());

    for lane in ["John Kerry", "Sergei Lavrov"] {
        harness
            .get_by_label(&format!("Show or hide the lane {lane}"))
            .click();
        harness.run();
    }
    assert!(
        !row_shown(&harness, "Lavrov and Kerry meet in Vienna"),
        "hiding both its actors' lanes takes the row away"
    );
    assert!(
        row_shown(&harness, "Wider Syria conference in Vienna"),
        "the conference stays: the United States' lane still shows it"
    );

    let search =
        || By::new().predicate(|n| n.placeholder() == Some("Search labels, quotes, actors…"));
    harness.get(search()).focus();
    harness.run();
    harness.get(search()).type_text("air strikes");
    harness.run();
    assert!(row_shown(&harness, "Russia begins air strikes in Syria"));
    assert!(!row_shown(&harness, "Assad meets Putin in Moscow"));
    assert!(!row_shown(&harness, "Wider Syria conference in Vienna"));
    assert!(harness.query_by_label("1 event").is_some());
}

#[test]
fn clicking_a_row_selects_the_event_and_the_arrow_keys_move_through_the_dates() {
    let mut harness = chronology();
    click_row(&mut harness, "Kremlin announces the visit");
    assert_eq!(selected_id(&harness).as_deref(), Some("e-announce"));
    assert!(
        harness
            .query_by_label_contains("once Assad was back in Damascus")
            .is_some(),
        "the detail panel shows the selected event's paragraph"
    );

    // 21 Oct, then the 23 Oct meeting in Vienna, then the 29–30 Oct conference.
    harness.key_press(Key::ArrowDown);
    harness.run();
    assert_eq!(selected_id(&harness).as_deref(), Some("e-vienna"));
    harness.key_press(Key::ArrowDown);
    harness.run();
    assert_eq!(selected_id(&harness).as_deref(), Some("e-conference"));
    harness.key_press(Key::ArrowUp);
    harness.key_press(Key::ArrowUp);
    harness.run();
    assert_eq!(selected_id(&harness).as_deref(), Some("e-announce"));
    harness.key_press(Key::Home);
    harness.run();
    assert_eq!(selected_id(&harness).as_deref(), Some("e-buildup"));

    // Selected on the canvas, it is the table's selection when the analyst switches back.
    harness.get_by_label("Timeline").click();
    harness.run();
    harness.state_mut().session.select_id("e-vienna");
    harness.run();
    harness.get_by_label("Chronology").click();
    harness.run();
    harness.key_press(Key::ArrowDown);
    harness.run();
    assert_eq!(selected_id(&harness).as_deref(), Some("e-conference"));
}

#[test]
fn the_date_header_reverses_the_order_and_a_saved_report_keeps_it() {
    let mut harness = chronology();
    harness.get_by_label("Date · oldest first").click();
    harness.run();
    assert!(harness.query_by_label("Date · newest first").is_some());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.md");
    harness.state_mut().export_chronology(&path).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let at = |headline: &str| {
        text.find(headline)
            .unwrap_or_else(|| panic!("{headline} missing from\n{text}"))
    };
    assert!(at("Wider Syria conference in Vienna") < at("Assad meets Putin in Moscow"));
    assert!(at("Kremlin announces the visit") < at("Russia begins air strikes in Syria"));
    assert!(text.starts_with("# Chronology"), "{text}");
}

#[test]
fn f6_switches_between_the_timeline_and_the_chronology() {
    let mut harness = harness(ChronolaneApp::with_timeline(briefing()));
    harness.key_press(Key::F6);
    harness.run();
    assert_eq!(harness.state().main_view, MainView::Chronology);
    harness.key_press(Key::F6);
    harness.run();
    assert_eq!(harness.state().main_view, MainView::Timeline);
}

#[test]
fn a_hundred_thousand_events_build_only_the_rows_on_screen() {
    let timeline = chronolane::layout::fixture::synthetic(100_000, 300);
    let mut harness = harness(ChronolaneApp::with_timeline(timeline));
    harness.get_by_label("Chronology").click();
    harness.run();
    harness.get_by_label("Whole timeline").click();
    harness.run();
    assert!(harness.query_by_label("100000 events").is_some());
    // Headlines are "Event <n>": only a screenful of rows is laid out, not 100,000.
    let built = harness.query_all_by_label_contains("Event ").count();
    assert!((10..200).contains(&built), "{built} rows built");
}
