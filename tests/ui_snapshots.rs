//! PNG snapshots that pin the timeline's look, rendered by the machine's own software
//! rasteriser. Update after an intended change with
//! `UPDATE_SNAPSHOTS=1 cargo test --test ui_snapshots`.
//!
//! The widget is drawn alone in a plain `Ui`, the way the PNG exporter uses it.
#![cfg(feature = "gui")]

use chronolane::layout::ViewSettings;
use chronolane::layout::fixture::briefing;
use chronolane::layout::time::x_from_date;
use chronolane::ui::{Session, timeline_ui};
use eframe::egui;
use egui_kittest::Harness;

fn day(y: i32, m: u32, d: u32) -> f64 {
    chrono::NaiveDate::from_ymd_opt(y, m, d).map_or(0.0, x_from_date)
}

fn widget_harness(theme: egui::Theme) -> Harness<'static, Session> {
    let mut session = Session::new(briefing(), ViewSettings::default());
    session.set_window((day(2015, 9, 14), day(2015, 11, 3)));
    let mut harness = Harness::builder()
        .with_size([960.0, 360.0])
        .with_theme(theme)
        .with_accessibility_check(false)
        .build_ui_state(
            |ui, session: &mut Session| {
                egui::Frame::central_panel(ui.style()).show(ui, |ui| {
                    timeline_ui(ui, session, 320.0);
                });
            },
            session,
        );
    harness.run();
    harness
}

#[test]
fn timeline_light_snapshot() {
    let mut harness = widget_harness(egui::Theme::Light);
    harness.snapshot("timeline_light");
}

#[test]
fn timeline_dark_snapshot() {
    let mut harness = widget_harness(egui::Theme::Dark);
    harness.snapshot("timeline_dark");
}
