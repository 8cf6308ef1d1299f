//! Presentation mode in the app: the presenter's keys step through the briefing
//! (`view::briefing`) and turn the pages of lanes (↓ / ↑); `Command::Present` starts it and
//! `draw::present` draws it.

use eframe::egui::{self, Key};

use crate::view::{Presentation, Session};

/// Handles the presenter's keys; call once per frame while `presentation` is active.
pub fn handle_keys(ctx: &egui::Context, presentation: &mut Presentation, session: &mut Session) {
    let pressed = |key| ctx.input(|i| i.key_pressed(key));
    if pressed(Key::ArrowRight) || pressed(Key::PageDown) || pressed(Key::Space) {
        presentation.next(session);
    }
    if pressed(Key::ArrowLeft) || pressed(Key::PageUp) {
        presentation.previous(session);
    }
    if pressed(Key::ArrowDown) {
        presentation.next_lanes();
    }
    if pressed(Key::ArrowUp) {
        presentation.previous_lanes();
    }
    if pressed(Key::B) {
        presentation.blank = !presentation.blank;
    }
    if pressed(Key::Escape) {
        presentation.stop(session);
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
    }
}
