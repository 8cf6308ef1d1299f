//! The app in a kittest harness at the size the UI tests are written for, shared by the
//! `ui_*` test files.

use chronolane::ui::ChronolaneApp;
use egui_kittest::Harness;

/// The whole app at 1400×860 points, run once so its first frame is laid out.
pub fn harness(app: ChronolaneApp) -> Harness<'static, ChronolaneApp> {
    let mut harness = Harness::builder()
        .with_size([1400.0, 860.0])
        .build_ui_state(|ui, app: &mut ChronolaneApp| app.ui(ui), app);
    harness.run();
    harness
}
