//! Colours: lane colours that stay distinct on light and dark backgrounds, and the few
//! semantic colours the timeline uses.

use eframe::egui::{Color32, Visuals};

/// Lane colours, chosen for contrast on both themes (Tableau 10, slightly deepened).
const LANES: [Color32; 10] = [
    Color32::from_rgb(0x3a, 0x78, 0xb5),
    Color32::from_rgb(0xe0, 0x7b, 0x1a),
    Color32::from_rgb(0x3c, 0x9a, 0x3c),
    Color32::from_rgb(0xcf, 0x3b, 0x3c),
    Color32::from_rgb(0x8c, 0x62, 0xb8),
    Color32::from_rgb(0x8c, 0x56, 0x4b),
    Color32::from_rgb(0xd1, 0x63, 0xae),
    Color32::from_rgb(0x6f, 0x6f, 0x6f),
    Color32::from_rgb(0xa3, 0xa4, 0x1f),
    Color32::from_rgb(0x17, 0xa2, 0xb3),
];

/// The colour of lane colour index `index`.
pub fn lane(index: usize, visuals: &Visuals) -> Color32 {
    let base = LANES[index % LANES.len()];
    if visuals.dark_mode {
        base.lerp_to_gamma(Color32::WHITE, 0.18)
    } else {
        base
    }
}

/// The gold of a starred event.
pub fn star(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(0xf2, 0xc1, 0x2e)
    } else {
        Color32::from_rgb(0xc9, 0x8f, 0x00)
    }
}

/// Background behind the time expression in a highlighted quote.
pub fn timex_highlight(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(0x6b, 0x55, 0x12)
    } else {
        Color32::from_rgb(0xff, 0xe4, 0x8a)
    }
}

/// Background behind the quoted sentence in a paragraph.
pub fn sentence_highlight(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(0x23, 0x3a, 0x55)
    } else {
        Color32::from_rgb(0xdc, 0xea, 0xfb)
    }
}

/// Every other lane gets this faint band, so the eye can follow a lane across the plot.
pub fn lane_band(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_white_alpha(6)
    } else {
        Color32::from_black_alpha(7)
    }
}

/// A lane's colour: the analyst's choice when there is one, else the palette's.
pub fn lane_with(
    custom: Option<&crate::project::Colour>,
    index: usize,
    visuals: &Visuals,
) -> Color32 {
    match custom {
        Some(colour) => {
            let [r, g, b] = colour.0;
            Color32::from_rgb(r, g, b)
        }
        None => lane(index, visuals),
    }
}
