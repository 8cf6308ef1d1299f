//! The exported page: an optional classification banner, title and subtitle (and on a paged
//! export, which lanes the page shows), the timeline
//! widget itself (the same `draw::timeline_ui` the window uses), on a briefing page the key
//! events numbered and listed, the legend (the side panel's, `draw::legend`) and a footer
//! naming the sources, and the banner again at the bottom.

use eframe::egui::{self, Align2, Color32, FontId, Rect, RichText, UiBuilder, pos2, vec2};

use super::key_events::{self, KeyEvent};
use crate::draw::legend::legend_row;
use crate::draw::{TimelineResponse, timeline_ui};
use crate::view::Session;
use crate::view::wording::sources_line;

/// Height of a banner band, in points.
pub const BANNER_HEIGHT: f32 = 30.0;
/// Margin around the page's contents, in points.
const MARGIN: f32 = 28.0;

/// What goes around the timeline on the page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageOptions {
    pub title: String,
    pub subtitle: String,
    /// A classification or caveat banner repeated at the top and the bottom.
    pub banner: Option<Banner>,
    pub legend: bool,
    /// A footer naming the sources: how many articles and their date span.
    pub footer: bool,
    /// Number the key events on the timeline and list them under it (the briefing page).
    pub key_events: bool,
}

/// A full-width band of colour with centred text ("UNCLASSIFIED").
#[derive(Clone, Debug, PartialEq)]
pub struct Banner {
    pub text: String,
    pub colour: Color32,
}

impl Banner {
    /// Black or white, whichever reads better on the banner's colour.
    pub fn text_colour(&self) -> Color32 {
        let [r, g, b, _] = self.colour.to_array();
        let luma = 0.299 * f32::from(r) + 0.587 * f32::from(g) + 0.114 * f32::from(b);
        if luma > 150.0 {
            Color32::BLACK
        } else {
            Color32::WHITE
        }
    }
}

/// Draws the page into the whole of `ui` (on the panel colour the renderer clears to; the page
/// paints no background of its own), with `header` (which lanes a page of a paged export
/// shows) under the subtitle and `key_events` numbered on the timeline and listed under it;
/// returns what the timeline widget reported.
pub fn page_ui(
    ui: &mut egui::Ui,
    session: &mut Session,
    page: &PageOptions,
    header: Option<&str>,
    key_events: &[KeyEvent],
) -> TimelineResponse {
    let full = ui.max_rect();
    let mut body = full;
    if let Some(banner) = &page.banner {
        let top = Rect::from_min_size(full.min, vec2(full.width(), BANNER_HEIGHT));
        let bottom = Rect::from_min_max(pos2(full.left(), full.bottom() - BANNER_HEIGHT), full.max);
        banner_band(ui, top, banner);
        banner_band(ui, bottom, banner);
        body = Rect::from_min_max(
            pos2(full.left(), top.bottom()),
            pos2(full.right(), bottom.top()),
        );
    }
    let inner = body.shrink2(vec2(MARGIN, MARGIN * 0.7));
    let mut ui = ui.new_child(
        UiBuilder::new()
            .max_rect(inner)
            .layout(egui::Layout::top_down(egui::Align::Min)),
    );
    if !page.title.trim().is_empty() {
        ui.label(RichText::new(page.title.trim()).size(26.0).strong());
    }
    if !page.subtitle.trim().is_empty() {
        ui.label(RichText::new(page.subtitle.trim()).size(16.0).weak());
    }
    if let Some(header) = header {
        ui.label(RichText::new(header).size(15.0).strong());
    }
    ui.add_space(10.0);
    let below = if page.legend { 34.0 } else { 0.0 }
        + if page.footer { 26.0 } else { 0.0 }
        + key_events::list_height(key_events.len());
    let height = (ui.available_height() - below - 24.0).max(120.0);
    let response = timeline_ui(&mut ui, session, height);
    key_events::number_marks(&ui, key_events, &response);
    ui.add_space(24.0);
    key_events::list_ui(&mut ui, key_events);
    if page.legend {
        legend_row(&mut ui);
    }
    if page.footer {
        ui.add_space(6.0);
        ui.label(
            RichText::new(sources_line(&session.timeline))
                .size(13.0)
                .weak(),
        );
    }
    response
}

fn banner_band(ui: &egui::Ui, rect: Rect, banner: &Banner) {
    let painter = ui.painter();
    painter.rect_filled(rect, 0.0, banner.colour);
    painter.text(
        rect.center(),
        Align2::CENTER_CENTER,
        banner.text.trim(),
        FontId::proportional(17.0),
        banner.text_colour(),
    );
}
