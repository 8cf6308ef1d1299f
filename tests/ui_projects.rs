//! Projects in the app: saving and opening again, exporting the edited events, the question
//! before closing with unsaved edits, autosave and the recovery offer at the next start, and
//! edits that no longer apply after an article changed. Uses a real article file in a temp
//! folder (the project re-reads its articles) and a temp folder for recovery copies.
#![cfg(feature = "gui")]

mod ui_common;

use ui_common::harness;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chronolane::layout::Grouping;
use chronolane::model::Timeline;
use chronolane::project::Edit;
use chronolane::ui::ChronolaneApp;
use egui_kittest::kittest::Queryable;

const ARTICLE: &str = "Valmora dock strike ends

VALMORA, 14 March 2024 - Dock workers in Valmora ended their strike on Tuesday after eleven days.

The union leader Anna Voss called the strike on 3 March 2024, and the port authority suspended shipping the next day.

Transport minister Karl Brandt said on 12 March 2024 that the government would open an inquiry.
";

/// An app with the Valmora article (written into `dir`) loaded.
fn app_on_article(dir: &Path) -> (ChronolaneApp, PathBuf) {
    let article = dir.join("valmora.txt");
    std::fs::write(&article, ARTICLE).unwrap();
    let mut app = ChronolaneApp::with_timeline(Timeline::default());
    app.open_paths(vec![article.clone()]);
    app.wait_for_load();
    assert!(
        !app.session.timeline.events.is_empty(),
        "the article gives events"
    );
    (app, article)
}

/// The id of the event whose label mentions `word`.
fn event_about(app: &ChronolaneApp, word: &str) -> String {
    app.session
        .timeline
        .events
        .iter()
        .find(|e| e.label.contains(word))
        .map(|e| e.id.clone())
        .unwrap_or_else(|| panic!("no event about {word}"))
}

fn relabel(app: &mut ChronolaneApp, id: &str, label: &str) {
    app.apply_edits(vec![Edit::SetLabel {
        event: id.into(),
        label: label.into(),
    }]);
}

#[test]
fn saved_edits_come_back_when_the_project_is_opened_in_a_fresh_app() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = app_on_article(dir.path());
    let inquiry = event_about(&app, "inquiry");
    relabel(&mut app, &inquiry, "Minister promises an inquiry");
    app.apply_edits(vec![Edit::Star {
        event: inquiry.clone(),
        position: None,
    }]);
    assert!(app.session.project.is_dirty());
    app.session.settings.grouping = Grouping::Kind;
    // Save As with a bare name: the project suffix is added.
    assert!(app.save_project_to(&dir.path().join("strike")));
    let file = dir.path().join("strike.chronolane.json");
    assert!(file.exists());
    assert!(!app.session.project.is_dirty());

    let mut fresh = ChronolaneApp::with_timeline(Timeline::default());
    assert!(fresh.open_project(&file));
    let mut harness = harness(fresh);
    assert!(harness.state_mut().session.select_id(&inquiry));
    harness.run();
    assert!(
        harness
            .query_by_label("Minister promises an inquiry")
            .is_some()
    );
    assert!(harness.query_by_label("Unstar").is_some(), "still starred");
    assert!(!harness.state().session.project.is_dirty());
    assert_eq!(
        harness.state().session.settings.grouping,
        Grouping::Kind,
        "the view is saved with the project"
    );
}

#[test]
fn a_project_file_dropped_or_named_on_the_command_line_opens_as_a_project() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = app_on_article(dir.path());
    let inquiry = event_about(&app, "inquiry");
    relabel(&mut app, &inquiry, "Inquiry promised");
    let file = dir.path().join("strike.chronolane.json");
    assert!(app.save_project_to(&file));

    let mut fresh = ChronolaneApp::with_timeline(Timeline::default());
    fresh.open_paths(vec![file.clone()]);
    fresh.wait_for_load();
    assert_eq!(fresh.session.project.path(), Some(file.as_path()));
    assert!(fresh.session.select_id(&inquiry));
    assert_eq!(
        fresh.session.selected_event().map(|e| e.label.as_str()),
        Some("Inquiry promised")
    );
}

#[test]
fn exported_events_carry_the_edits() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = app_on_article(dir.path());
    let inquiry = event_about(&app, "inquiry");
    relabel(&mut app, &inquiry, "Minister promises an inquiry");
    let csv = dir.path().join("events.csv");
    let json = dir.path().join("events.json");
    assert!(app.export_events_csv(&csv));
    assert!(app.export_events_json(&json));
    for file in [csv, json] {
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            text.contains("Minister promises an inquiry"),
            "{}",
            file.display()
        );
    }
}

#[test]
fn closing_with_unsaved_edits_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = app_on_article(dir.path());
    assert!(app.request_close(), "nothing to lose: closes at once");
    let inquiry = event_about(&app, "inquiry");
    relabel(&mut app, &inquiry, "Inquiry promised");
    assert!(!app.request_close(), "unsaved edits: the close waits");
    let mut harness = harness(app);
    assert!(harness.query_by_label("Save your edits?").is_some());
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.query_by_label("Save your edits?").is_none());
    assert!(harness.state().session.project.is_dirty(), "nothing lost");

    assert!(!harness.state_mut().request_close());
    harness.run();
    harness.get_by_label("Don't save").click();
    harness.run();
    assert!(
        harness.state_mut().request_close(),
        "the analyst chose to close"
    );
}

#[test]
fn saving_from_the_close_prompt_keeps_the_edits() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = app_on_article(dir.path());
    let file = dir.path().join("strike.chronolane.json");
    assert!(app.save_project_to(&file));
    let inquiry = event_about(&app, "inquiry");
    relabel(&mut app, &inquiry, "Inquiry promised");
    assert!(!app.request_close());
    let mut harness = harness(app);
    harness.get_by_label("Save").click();
    harness.run();
    assert!(!harness.state().session.project.is_dirty());
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(saved.contains("Inquiry promised"));
}

#[test]
fn unsaved_work_is_autosaved_and_offered_at_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let (mut app, _) = app_on_article(dir.path());
    app.use_recovery_dir(recovery.clone());
    let start = Instant::now();
    app.project_ui.now = Some(start);
    let inquiry = event_about(&app, "inquiry");
    relabel(&mut app, &inquiry, "Inquiry promised");
    let mut first = harness(app);
    assert_eq!(copies(&recovery), 0, "not before 30 s");
    first.state_mut().project_ui.now = Some(start + Duration::from_secs(31));
    first.run();
    assert_eq!(copies(&recovery), 1, "a recovery copy after 30 s");
    // The app "crashes": no normal close, the copy stays.
    drop(first);

    let mut next = ChronolaneApp::with_timeline(Timeline::default());
    next.use_recovery_dir(recovery.clone());
    let mut harness = harness(next);
    assert!(harness.query_by_label("Recover unsaved work?").is_some());
    harness.get_by_label("Recover").click();
    harness.run();
    assert!(harness.query_by_label("Recover unsaved work?").is_none());
    let app = harness.state_mut();
    assert!(app.session.project.is_dirty(), "recovered work is unsaved");
    assert!(app.session.select_id(&inquiry));
    assert_eq!(
        app.session.selected_event().map(|e| e.label.as_str()),
        Some("Inquiry promised")
    );
}

#[test]
fn a_discarded_recovery_copy_is_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let (mut app, _) = app_on_article(dir.path());
    app.use_recovery_dir(recovery.clone());
    let start = Instant::now();
    app.project_ui.now = Some(start);
    let inquiry = event_about(&app, "inquiry");
    relabel(&mut app, &inquiry, "Inquiry promised");
    let mut first = harness(app);
    first.state_mut().project_ui.now = Some(start + Duration::from_secs(31));
    first.run();
    drop(first);
    assert_eq!(copies(&recovery), 1);

    let mut next = ChronolaneApp::with_timeline(Timeline::default());
    next.use_recovery_dir(recovery.clone());
    let mut harness = harness(next);
    harness.get_by_label("Discard").click();
    harness.run();
    assert!(harness.query_by_label("Recover unsaved work?").is_none());
    assert_eq!(copies(&recovery), 0);
}

#[test]
fn edits_that_no_longer_apply_are_listed_and_can_be_discarded() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, article) = app_on_article(dir.path());
    let inquiry = event_about(&app, "inquiry");
    relabel(&mut app, &inquiry, "Inquiry promised");
    let file = dir.path().join("strike.chronolane.json");
    assert!(app.save_project_to(&file));
    // The article is corrected upstream: the inquiry sentence is gone.
    let shorter: String = ARTICLE
        .lines()
        .filter(|l| !l.contains("inquiry"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&article, shorter).unwrap();

    let mut fresh = ChronolaneApp::with_timeline(Timeline::default());
    assert!(fresh.open_project(&file));
    assert_eq!(fresh.session.project.pending().len(), 1);
    let mut harness = harness(fresh);
    assert!(harness.query_by_label("Pending edits").is_some());
    assert!(
        harness
            .query_by_label_contains("The articles changed since saving")
            .is_some(),
        "a notification says what changed"
    );
    harness.get_by_label("discard").click();
    harness.run();
    assert!(harness.state().session.project.pending().is_empty());
    assert!(harness.query_by_label("Every edit applies.").is_some());
}

fn copies(dir: &Path) -> usize {
    std::fs::read_dir(dir).map_or(0, |entries| {
        entries
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().ends_with(".recovery.json"))
            .count()
    })
}
