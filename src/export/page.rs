//! The exported page: an optional classification banner, title and subtitle, the timeline
//! widget itself (the same `timeline_ui` the window uses), a legend and a footer naming the
//! sources, and the banner again at the bottom.

use eframe::egui::{self, Align2, Color32, FontId, Rect, RichText, UiBuilder, pos2, vec2};

use crate::layout::time::long_date;
use crate::layout::{MarkKind, MarkStyle};
use crate::model::Timeline;
use crate::ui::state::Session;
use crate::ui::timeline::{TimelineResponse, timeline_ui};
use crate::ui::{paint, palette};

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
/// paints no background of its own); returns what the timeline widget reported.
pub fn page_ui(ui: &mut egui::Ui, session: &mut Session, page: &PageOptions) -> TimelineResponse {
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
    ui.add_space(10.0);
    let below = if page.legend { 34.0 } else { 0.0 } + if page.footer { 26.0 } else { 0.0 };
    let height = (ui.available_height() - below - 24.0).max(120.0);
    let response = timeline_ui(&mut ui, session, height);
    ui.add_space(24.0);
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

/// "Sources: 6 articles published 1 – 24 Oct 2015".
pub fn sources_line(timeline: &Timeline) -> String {
    let n = timeline.articles.len();
    let noun = if n == 1 { "article" } else { "articles" };
    let dates: Vec<_> = timeline
        .articles
        .iter()
        .filter_map(|a| a.published)
        .collect();
    let span = match (dates.iter().min(), dates.iter().max()) {
        (Some(a), Some(b)) if a == b => format!(" published {}", long_date(*a)),
        (Some(a), Some(b)) => format!(" published {} – {}", long_date(*a), long_date(*b)),
        _ => String::new(),
    };
    format!(
        "Sources: {n} {noun}{span} · {} events · chronolane",
        timeline.events.len()
    )
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

/// What each kind of mark means, in one row, drawn with the timeline's own painter.
fn legend_row(ui: &mut egui::Ui) {
    let colour = palette::lane(0, ui.visuals());
    let style = |f: fn(&mut MarkStyle)| {
        let mut s = MarkStyle::default();
        f(&mut s);
        s
    };
    let items = [
        ("Event on a day", MarkKind::Point, MarkStyle::default(), 1),
        (
            "Date inferred from context",
            MarkKind::Point,
            style(|s| s.inferred = true),
            1,
        ),
        ("Period", MarkKind::Bar, style(|s| s.period = true), 1),
        (
            "Somewhere in this span",
            MarkKind::Bar,
            style(|s| s.uncertain = true),
            1,
        ),
        ("Several events", MarkKind::Cluster, MarkStyle::default(), 3),
        ("Starred", MarkKind::Point, style(|s| s.starred = true), 1),
    ];
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        for (text, kind, style, count) in items {
            paint::legend_sample(ui, vec2(44.0, 24.0), kind, style, count, colour);
            ui.label(RichText::new(text).size(13.0));
            ui.add_space(18.0);
        }
    });
}
