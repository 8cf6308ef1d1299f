//! Non-blocking notifications in the corner of the window, one per failed file, each fading
//! after a while or closed by hand.

use eframe::egui::{self, Align2, Color32, RichText, vec2};

/// How long a notification stays, in seconds.
const LIFETIME: f64 = 12.0;

/// One notification.
#[derive(Clone, Debug, PartialEq)]
pub struct Toast {
    pub title: String,
    pub body: String,
    pub error: bool,
    /// `ctx.input().time` when shown; set on first display.
    shown_at: Option<f64>,
}

/// The notifications currently on screen.
#[derive(Clone, Debug, Default)]
pub struct Toasts {
    pub list: Vec<Toast>,
}

impl Toasts {
    pub fn error(&mut self, title: impl Into<String>, body: impl Into<String>) {
        self.list.push(Toast {
            title: title.into(),
            body: body.into(),
            error: true,
            shown_at: None,
        });
    }

    pub fn info(&mut self, title: impl Into<String>, body: impl Into<String>) {
        self.list.push(Toast {
            title: title.into(),
            body: body.into(),
            error: false,
            shown_at: None,
        });
    }

    /// Draws the notifications at the bottom right of the screen.
    pub fn ui(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        self.list
            .retain(|t| t.shown_at.is_none_or(|at| now - at < LIFETIME));
        if self.list.is_empty() {
            return;
        }
        let mut close = None;
        egui::Area::new(egui::Id::unique("toasts"))
            .anchor(Align2::RIGHT_BOTTOM, vec2(-16.0, -16.0))
            .order(egui::Order::Foreground)
            .show(ctx, |ui| {
                ui.set_max_width(380.0);
                for (i, toast) in self.list.iter_mut().enumerate().take(6) {
                    toast.shown_at.get_or_insert(now);
                    let accent = if toast.error {
                        Color32::from_rgb(0xd0, 0x45, 0x3a)
                    } else {
                        ui.visuals().selection.bg_fill
                    };
                    egui::Frame::popup(ui.style())
                        .stroke(egui::Stroke::new(1.5, accent))
                        .show(ui, |ui| {
                            ui.set_width(360.0);
                            ui.horizontal(|ui| {
                                ui.label(RichText::new(&toast.title).strong().color(accent));
                                ui.with_layout(
                                    egui::Layout::right_to_left(egui::Align::Center),
                                    |ui| {
                                        if ui.small_button("×").on_hover_text("Dismiss").clicked()
                                        {
                                            close = Some(i);
                                        }
                                    },
                                );
                            });
                            ui.label(&toast.body);
                        });
                    ui.add_space(6.0);
                }
            });
        if let Some(i) = close {
            self.list.remove(i);
        }
        ctx.request_repaint_after(std::time::Duration::from_secs(1));
    }
}
