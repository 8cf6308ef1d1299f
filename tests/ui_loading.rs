//! Opening files as an analyst does (dialog paths, drag and drop, recent files, restart),
//! without ever opening a native dialog: each dialog action has a path-taking function.
#![cfg(feature = "gui")]

mod ui_common;

use ui_common::harness;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chronolane::ingest::LoadOptions;
use chronolane::layout::Grouping;
use chronolane::model::Timeline;
use chronolane::ui::{ChronolaneApp, Persisted};
use eframe::egui;
use egui_kittest::kittest::Queryable;

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    path
}

const ARTICLE: &str = "Talks resume in Geneva\n\nGENEVA (3 May 2016) - Envoys met in Geneva on Tuesday to restart the talks.\n";

#[test]
fn a_bad_file_is_named_in_a_notification_and_the_rest_load() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = write(dir.path(), "geneva.txt", ARTICLE);
    let empty = write(dir.path(), "empty.txt", "");
    let mut app = ChronolaneApp::with_timeline(Timeline::default());
    app.open_paths(vec![good.clone(), empty.clone()]);
    app.wait_for_load();
    let harness = harness(app);
    assert!(
        harness.query_by_label_contains("empty.txt").is_some(),
        "a toast names the file"
    );
    let app = harness.state();
    assert_eq!(app.session.timeline.articles.len(), 1);
    assert!(app.persisted.recent.contains(&good) && app.persisted.recent.contains(&empty));
}

#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_a_file_on_the_window_opens_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = write(dir.path(), "geneva.txt", ARTICLE);
    let mut harness = harness(ChronolaneApp::with_timeline(Timeline::default()));
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(Dropped(good.clone())));
    harness.step();
    let app = harness.state_mut();
    assert!(app.is_loading());
    app.wait_for_load();
    assert_eq!(app.session.timeline.articles.len(), 1);
    assert_eq!(app.persisted.recent.first(), Some(&good));
}

#[test]
fn keyboard_zooms_and_pans_the_time_axis() {
    let mut harness = harness(ChronolaneApp::with_timeline(
        chronolane::layout::fixture::briefing(),
    ));
    let (a, b): (f64, f64) = harness.state().session.window.into();
    harness.key_press(egui::Key::Plus);
    harness.run();
    let (c, d): (f64, f64) = harness.state().session.window.into();
    assert!(
        ((d - c) - (b - a) / 2.0).abs() < 1e-6,
        "+ halves the window"
    );
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    let (e, _): (f64, f64) = harness.state().session.window.into();
    assert!(e > c, "→ moves later in time");
    harness.key_press(egui::Key::Home);
    harness.run();
    let (f, g): (f64, f64) = harness.state().session.window.into();
    let (first, last) = harness.state().session.lanes.extent.expect("events");
    assert!(f <= first && g >= last, "Home shows every event");
}

#[test]
fn the_view_survives_a_restart() {
    let mut app = ChronolaneApp::with_timeline(Timeline::default());
    app.open_sample();
    app.wait_for_load();
    app.session.settings.grouping = Grouping::Affiliation;
    app.session.settings_changed();
    let (a, b): (f64, f64) = app.session.window.into();
    app.session.set_window((a + 1.0, b - 1.0));
    let saved = serde_json::to_string(&app.to_persisted()).expect("serialise");
    let restored: Persisted = serde_json::from_str(&saved).expect("deserialise");
    let mut app = ChronolaneApp::new(Vec::new(), LoadOptions::default(), Some(restored), None);
    app.wait_for_load();
    assert_eq!(app.session.settings.grouping, Grouping::Affiliation);
    assert_eq!(
        app.session.window,
        chronolane::view::TimeWindow::new(a + 1.0, b - 1.0)
    );
}
