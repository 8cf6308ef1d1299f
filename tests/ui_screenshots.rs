//! Renders the app off screen into `screenshots/` (ignored in normal test runs):
//!
//! `cargo test --test ui_screenshots -- --ignored`
//!
//! Uses egui_kittest's wgpu renderer (Mesa's software rasteriser on a machine with no GPU).
#![cfg(feature = "gui")]

use std::path::Path;

use chronolane::layout::Grouping;
use chronolane::model::Timeline;
use chronolane::ui::ChronolaneApp;
use chronolane::ui::state::ThemeChoice;
use eframe::egui::{self, Pos2};
use egui_kittest::Harness;

fn sample_app(theme: ThemeChoice) -> ChronolaneApp {
    let mut app = ChronolaneApp::with_timeline(Timeline::default());
    app.persisted.theme = theme;
    app.open_sample();
    app.wait_for_load();
    app
}

fn harness(app: ChronolaneApp) -> Harness<'static, ChronolaneApp> {
    let mut harness = Harness::builder()
        .with_size([1440.0, 880.0])
        .with_pixels_per_point(1.0)
        .with_accessibility_check(false)
        .build_ui_state(|ui, app: &mut ChronolaneApp| app.ui(ui), app);
    harness.run();
    harness
}

fn save(harness: &mut Harness<'_, ChronolaneApp>, name: &str) {
    let image = harness
        .render()
        .unwrap_or_else(|e| panic!("rendering {name} failed (is there a graphics adapter?): {e}"));
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("screenshots");
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let path = dir.join(format!("{name}.png"));
    image
        .save(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// A mark worth showing: a single event whose label mentions `word`, else the first drawn.
fn mark_to_show(harness: &Harness<'_, ChronolaneApp>, word: &str) -> Option<(usize, Pos2)> {
    let app = harness.state();
    let drawn = &app.last_timeline.drawn;
    drawn
        .iter()
        .find(|(event, _)| {
            app.session.timeline.events[*event]
                .label
                .to_lowercase()
                .contains(word)
        })
        .or_else(|| drawn.first())
        .copied()
}

#[test]
#[ignore = "writes screenshots/; run with --ignored"]
fn screenshots() {
    let mut light = harness(sample_app(ThemeChoice::Light));
    save(&mut light, "timeline-light");

    if let Some((_, pos)) = mark_to_show(&light, "moscow") {
        light.hover_at(pos);
        light.run();
        save(&mut light, "hover-tooltip");
        light.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed: true,
            modifiers: egui::Modifiers::NONE,
        });
        light.step();
        light.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed: false,
            modifiers: egui::Modifiers::NONE,
        });
        light.run();
        light.remove_cursor();
        light.run();
        save(&mut light, "detail-panel");
    }

    let mut app = sample_app(ThemeChoice::Dark);
    app.session.settings.grouping = Grouping::Affiliation;
    app.session.settings_changed();
    let mut dark = harness(app);
    save(&mut dark, "affiliation-dark");
}
