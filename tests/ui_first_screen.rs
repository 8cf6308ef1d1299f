//! The first screen of a large corpus, as an analyst opening a folder of a few hundred
//! articles sees it: the main actors on top, hundreds of one-event actors folded away (and
//! found again by searching the lane list), "(no actor)" last, and the axis on the period the
//! articles cover, not stretched by a misread year. On a generated crisis collection
//! (`layout::fixture::crisis_corpus`: 2011–2012, 402 minor actors, events in 1990 and 2051).
#![cfg(feature = "gui")]

mod ui_common;

use chrono::NaiveDate;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable};
use ui_common::harness;

use chronolane::layout::fixture::crisis_corpus;
use chronolane::layout::time::x_from_date;
use chronolane::ui::ChronolaneApp;

fn x(y: i32, m: u32, d: u32) -> f64 {
    x_from_date(NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

/// Whether `name` is drawn in the plot's lane column (the side panel lists names too).
fn lane_drawn(harness: &Harness<'_, ChronolaneApp>, name: &str) -> bool {
    let plot_left = harness.state().last_timeline.plot_rect.left();
    harness.query_all_by_label(name).any(|node| {
        node.rect().right() <= plot_left + 1.0 && node.rect().left() > plot_left - 200.0
    })
}

fn lane_rows_built(harness: &Harness<'_, ChronolaneApp>) -> usize {
    harness
        .query_all_by_label_contains("Show or hide the lane")
        .count()
}

#[test]
fn a_large_corpus_opens_on_its_main_actors_and_the_period_its_articles_cover() {
    let harness = harness(ChronolaneApp::with_timeline(crisis_corpus(300)));
    let session = &harness.state().session;

    let lanes: Vec<&str> = session
        .lanes
        .lanes
        .iter()
        .map(|l| l.label.as_str())
        .collect();
    let mut first = lanes[..4].to_vec();
    first.sort_unstable();
    assert_eq!(
        first,
        ["Bashar al-Assad", "Russia", "Syria", "United Nations"],
        "{lanes:?}"
    );
    assert_eq!(lanes.last(), Some(&"(no actor)"), "{lanes:?}");
    assert_eq!(lanes[lanes.len() - 2], "Other actors (402)");
    assert!(lanes.len() < 20, "minor actors are folded: {lanes:?}");

    // The articles run from March 2011 to October 2012; 1990 and 2051 are misread years.
    let window = session.window;
    assert!(
        window.start > x(2010, 12, 1) && window.end < x(2013, 3, 1),
        "the window is the corpus period, not 1990–2051: {window:?}"
    );
    assert!(
        window.start < x(2011, 3, 15) && window.end > x(2012, 10, 1),
        "the window shows the whole period: {window:?}"
    );

    for main in ["Syria", "Bashar al-Assad", "Russia", "United Nations"] {
        assert!(lane_drawn(&harness, main), "{main} on the first screen");
    }
    for minor in ["Round Church", "James Bible", "Minor 7"] {
        assert!(!lane_drawn(&harness, minor), "{minor} is folded away");
    }
}

#[test]
fn the_lane_list_finds_a_folded_actor_and_the_fold_opens_on_demand() {
    let mut harness = harness(ChronolaneApp::with_timeline(crisis_corpus(300)));
    assert!(lane_list_has(&harness, "Other actors (402)"));
    assert!(
        !lane_list_has(&harness, "Minor 7"),
        "folded actors are not listed one by one"
    );

    let search =
        || By::new().predicate(|n| n.placeholder() == Some("Find a lane by name or alias…"));
    harness.get(search()).focus();
    harness.run();
    harness.get(search()).type_text("president assad");
    harness.run();
    assert!(
        lane_list_has(&harness, "Bashar al-Assad"),
        "found by an alias"
    );
    assert!(!lane_list_has(&harness, "Syria"));
    harness.state_mut().side.lane_search = "minor 7".into();
    harness.run();
    assert!(
        lane_list_has(&harness, "Minor 7"),
        "search lists folded actors"
    );
    assert!(!lane_list_has(&harness, "Syria"));

    harness.state_mut().side.lane_search.clear();
    harness.run();
    harness.get_by_label("Open").click();
    harness.run();
    let session = &harness.state().session;
    assert!(session.settings.show_minor_lanes);
    assert!(session.lanes.lanes.iter().any(|l| l.label == "Minor 7"));
    assert!(session.lanes.listing.len() > 400);
    // Hundreds of lanes, but only the rows in view of the list are built.
    let built = lane_rows_built(&harness);
    assert!((5..60).contains(&built), "{built} lane rows built");
}

/// Whether the side panel's lane list shows a row for `name` (its visibility checkbox).
fn lane_list_has(harness: &Harness<'_, ChronolaneApp>, name: &str) -> bool {
    harness
        .query_by_label(&format!("Show or hide the lane {name}"))
        .is_some()
}

#[test]
fn an_actor_without_events_is_not_an_empty_row_but_search_finds_it() {
    let mut timeline = chronolane::layout::fixture::briefing();
    let mut ireland = timeline.actors[0].clone();
    ireland.id = "ireland".into();
    ireland.name = "Ireland".into();
    ireland.kind = chronolane::model::ActorKind::Country;
    ireland.affiliation = None;
    timeline.actors.push(ireland);
    let mut harness = harness(ChronolaneApp::with_timeline(timeline));
    assert!(lane_list_has(&harness, "Russia"));
    assert!(
        !lane_list_has(&harness, "Ireland"),
        "no empty row for an actor with no events"
    );
    assert!(
        harness
            .query_by_label_contains("1 actor with no events not listed")
            .is_some(),
        "the list says what it leaves out"
    );
    harness.state_mut().side.lane_search = "irel".into();
    harness.run();
    assert!(lane_list_has(&harness, "Ireland"), "search finds it");
}
