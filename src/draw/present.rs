//! Presentation mode drawn: the timeline full screen in large, high-contrast type with the
//! current step's quote and source as a caption. The window shows it; the numbered slides
//! (`export::slides`) render it off screen, so a slide is the screen.

use eframe::egui::{self, Color32, RichText, Visuals};

use crate::view::wording::{actor_names, date_line, source_line};
use crate::view::{Presentation, Session};

use super::timeline::{LaneAction, timeline_ui};

/// Text grows by this much while presenting, so the back of the room can read it.
const TYPE_SCALE: f32 = 1.45;
/// The line above the lanes that says which page of them shows.
const HEADER_HEIGHT: f32 = 30.0;

/// High-contrast visuals for projectors: pure black or white behind, full-strength text.
pub fn high_contrast(dark: bool) -> Visuals {
    let (mut v, bg, fg) = if dark {
        (Visuals::dark(), Color32::BLACK, Color32::WHITE)
    } else {
        (Visuals::light(), Color32::WHITE, Color32::BLACK)
    };
    v.panel_fill = bg;
    v.window_fill = bg;
    v.extreme_bg_color = bg;
    v.faint_bg_color = bg;
    v.override_text_color = Some(fg);
    v.widgets.noninteractive.fg_stroke.color = fg;
    v.widgets.noninteractive.bg_stroke.color = fg.gamma_multiply(0.45);
    v
}

/// The presentation: the timeline above, the caption below, or a black screen when blanked.
/// Call with the whole window's `Ui`.
/// Returns a lane menu's choice, for the caller to carry out.
pub fn present_ui(
    ui: &mut egui::Ui,
    session: &mut Session,
    presentation: &mut Presentation,
) -> Option<LaneAction> {
    let now = ui.input(|i| i.time);
    if presentation.advance_glide(now, session) {
        ui.ctx().request_repaint();
    }
    let rect = ui.max_rect();
    if presentation.blank {
        ui.painter().rect_filled(rect, 0.0, Color32::BLACK);
        return None;
    }
    ui.scope(|ui| {
        let style = ui.style_mut();
        style.visuals = high_contrast(true);
        for font in style.text_styles.values_mut() {
            font.size *= TYPE_SCALE;
        }
        ui.painter().rect_filled(rect, 0.0, ui.visuals().panel_fill);
        let frame = egui::Frame::NONE
            .fill(ui.visuals().panel_fill)
            .inner_margin(egui::Margin::symmetric(28, 16));
        egui::Panel::bottom("present_caption")
            .resizable(false)
            .show_separator_line(false)
            .frame(frame)
            .show(ui, |ui| caption_ui(ui, session, presentation));
        session.lane_paging = Some(presentation.lane_paging(session));
        egui::CentralPanel::default()
            .frame(frame)
            .show(ui, |ui| paged_timeline_ui(ui, session, presentation))
            .inner
    })
    .inner
}

/// The timeline a page of lanes at a time, headed "Lanes 11–20 of 25 · page 2 of 3" when
/// there is more than one page: a slide cannot scroll.
fn paged_timeline_ui(
    ui: &mut egui::Ui,
    session: &mut Session,
    presentation: &mut Presentation,
) -> Option<LaneAction> {
    // The header's line is kept when the last frame had pages; a change redoes the frame.
    let reserved = presentation
        .page_shown
        .as_ref()
        .is_some_and(|p| p.count > 1);
    let header = reserved.then(|| {
        let size = egui::vec2(ui.available_width(), HEADER_HEIGHT);
        ui.allocate_exact_size(size, egui::Sense::hover()).0
    });
    let height = ui.available_height();
    let response = timeline_ui(ui, session, height);
    let page = response.page.as_ref().filter(|p| p.count > 1);
    if page.is_some() != reserved {
        ui.ctx().request_discard("the lanes went onto pages");
    }
    if let (Some(rect), Some(page)) = (header, page) {
        let text = RichText::new(page.header()).size(20.0).strong();
        let line = egui::UiBuilder::new()
            .max_rect(rect)
            .layout(egui::Layout::left_to_right(egui::Align::Center));
        ui.scope_builder(line, |ui| ui.label(text));
    }
    presentation.page_shown = response.page;
    response.lane_action
}

/// The presenter's keys, the lane pages' among them when there are pages.
fn hints(presentation: &Presentation) -> &'static str {
    if presentation
        .page_shown
        .as_ref()
        .is_some_and(|p| p.count > 1)
    {
        "Right arrow: next · Left arrow: back · Down / Up arrow: more lanes · B: blank screen · Esc: leave"
    } else {
        "Right arrow: next · Left arrow: back · B: blank screen · Esc: leave"
    }
}

/// The current event in large type: where it is in the briefing, when, who, the quote, and
/// the article it came from.
fn caption_ui(ui: &mut egui::Ui, session: &Session, presentation: &Presentation) {
    let total = presentation.steps.len();
    let Some(event) = presentation
        .current_event()
        .and_then(|i| session.timeline.events.get(i))
    else {
        ui.label(RichText::new("Nothing to present: no events are visible.").size(26.0));
        return;
    };
    let timeline = &session.timeline;
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(format!("{} / {total}", presentation.current + 1))
                .size(20.0)
                .strong(),
        );
        ui.add_space(14.0);
        ui.label(
            RichText::new(format!(
                "{} · {}",
                date_line(&event.when),
                actor_names(timeline, event)
            ))
            .size(20.0),
        );
    });
    ui.add_space(6.0);
    let quote = event
        .sources
        .first()
        .map_or(event.label.as_str(), |s| s.quote.as_str());
    ui.add(egui::Label::new(RichText::new(format!("“{}”", quote.trim())).size(30.0)).wrap());
    ui.add_space(6.0);
    if let Some(source) = event.sources.first() {
        let mut line = format!("— {}", source_line(timeline, source));
        if event.sources.len() > 1 {
            line.push_str(&format!(" · and {} more", event.sources.len() - 1));
        }
        ui.label(RichText::new(line).size(19.0).weak());
    }
    if presentation.show_hints {
        ui.add_space(4.0);
        ui.label(RichText::new(hints(presentation)).size(13.0).weak());
    }
}
