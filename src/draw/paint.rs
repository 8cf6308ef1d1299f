//! Drawing the marks: points, periods, uncertain extents, clusters and density, with the
//! same look on screen and in exported images.

use eframe::egui::epaint::{Mesh, Vertex, WHITE_UV};
use eframe::egui::{
    Align2, Color32, CornerRadius, FontId, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, Visuals,
    pos2, vec2,
};

use crate::layout::ticks::window_caption;
use crate::layout::{Connector, LaneGeometry, Mark, MarkKind, MarkStyle};
use crate::view::TimeWindow;

use super::palette;

/// How one mark should stand out.
#[derive(Clone, Copy, Debug)]
pub struct MarkLook {
    pub colour: Color32,
    pub selected: bool,
    pub hovered: bool,
    /// The largest density count on screen, to scale density marks.
    pub max_density: u32,
}

/// Faint bands behind every other lane, each as tall as its lane has grown.
pub fn lane_bands(painter: &Painter, frame: Rect, geometry: &LaneGeometry, visuals: &Visuals) {
    for lane in geometry.lanes() {
        let band = Rect::from_min_max(
            pos2(frame.left(), frame.top() + geometry.lane_top(lane)),
            pos2(frame.right(), frame.top() + geometry.lane_bottom(lane)),
        );
        if lane % 2 == 1 {
            painter.rect_filled(band, 0.0, palette::lane_band(visuals));
        }
    }
}

/// Thin vertical lines joining one event's marks across lanes.
pub fn connectors(
    painter: &Painter,
    frame: Rect,
    geometry: &LaneGeometry,
    connectors: &[Connector],
    visuals: &Visuals,
) {
    let colour = visuals.text_color().gamma_multiply(0.35);
    for c in connectors {
        let x = frame.left() + c.px;
        let top = frame.top() + geometry.centre_y(c.lane_top);
        let bottom = frame.top() + geometry.centre_y(c.lane_bottom);
        painter.line_segment([pos2(x, top), pos2(x, bottom)], Stroke::new(1.2, colour));
    }
}

/// A legend sample (`legend`): one mark of `kind` and `style` drawn in a box of `size`, so the
/// legend explains marks with the very code that draws them. Returns
/// what a caller needs to add a badge to the sample.
pub fn legend_sample(
    ui: &mut eframe::egui::Ui,
    size: eframe::egui::Vec2,
    kind: MarkKind,
    style: MarkStyle,
    count: u32,
    colour: Color32,
) -> (Painter, Rect, LaneGeometry, Mark) {
    let (rect, _) = ui.allocate_exact_size(size, eframe::egui::Sense::hover());
    let width = size.x;
    let (px0, px1) = match kind {
        MarkKind::Point => (width * 0.5, width * 0.5),
        MarkKind::Cluster => (width * 0.28, width * 0.56),
        _ => (6.0, width - 6.0),
    };
    let sample = Mark {
        lane: 0,
        kind,
        px0,
        px1,
        row: 0,
        event: 0,
        count,
        style,
    };
    let geometry = LaneGeometry::uniform(0, 1, 0.0, size.y);
    let look = MarkLook {
        colour,
        selected: false,
        hovered: false,
        max_density: 1,
    };
    let painter = ui.painter_at(rect.expand(6.0));
    mark(&painter, rect, &geometry, &sample, look, ui.visuals());
    (painter, rect, geometry, sample)
}

/// The room each of `marks` takes on screen (see [`mark_rect`]).
pub fn mark_rects(frame: Rect, geometry: &LaneGeometry, marks: &[Mark]) -> Vec<Rect> {
    (marks.iter())
        .map(|m| mark_rect(frame, geometry, m))
        .collect()
}

/// The room `mark` takes on screen, about as [`mark`] draws it (a count's pill at least as
/// wide as a two-digit count).
pub fn mark_rect(frame: Rect, geometry: &LaneGeometry, mark: &Mark) -> Rect {
    let y = frame.top() + geometry.mark_y(mark);
    let (x0, x1) = (frame.left() + mark.px0, frame.left() + mark.px1);
    let r = geometry.point_radius() + 1.5;
    let half_width = match mark.kind {
        MarkKind::Cluster => ((x1 - x0) / 2.0 + r).max(12.0),
        _ => (x1 - x0) / 2.0 + r,
    };
    let half_height = match mark.kind {
        MarkKind::Bar => geometry.bar_half_height() + 1.5,
        _ => r,
    };
    Rect::from_center_size(
        pos2((x0 + x1) / 2.0, y),
        vec2(2.0 * half_width, 2.0 * half_height),
    )
}

/// Draws one mark.
pub fn mark(
    painter: &Painter,
    frame: Rect,
    geometry: &LaneGeometry,
    mark: &Mark,
    look: MarkLook,
    visuals: &Visuals,
) {
    let y = frame.top() + geometry.mark_y(mark);
    let x0 = frame.left() + mark.px0;
    let x1 = frame.left() + mark.px1;
    let background = visuals.extreme_bg_color;
    let emphasis = visuals.strong_text_color();
    match mark.kind {
        MarkKind::Point => {
            let r = geometry.point_radius() * if look.hovered { 1.3 } else { 1.0 };
            let centre = pos2(x0, y);
            if mark.style.starred {
                painter.circle_stroke(centre, r + 3.5, Stroke::new(2.0, palette::star(visuals)));
            }
            if mark.style.inferred {
                // Hollow: the date was inferred, not written.
                painter.circle(centre, r, background, Stroke::new(2.2, look.colour));
            } else {
                painter.circle(centre, r, look.colour, Stroke::new(1.0, background));
            }
            if look.selected {
                painter.circle_stroke(centre, r + 3.0, Stroke::new(2.0, emphasis));
            }
        }
        MarkKind::Bar => {
            let half = geometry.bar_half_height() * if look.hovered { 1.3 } else { 1.0 };
            let rect = Rect::from_min_max(pos2(x0, y - half), pos2(x1, y + half));
            if mark.style.uncertain {
                uncertain_bar(painter, rect, look.colour);
                if mark.style.inferred {
                    painter.rect_stroke(
                        rect,
                        CornerRadius::same(3),
                        Stroke::new(1.0, look.colour.gamma_multiply(0.7)),
                        StrokeKind::Inside,
                    );
                }
            } else if mark.style.inferred {
                painter.rect(
                    rect,
                    CornerRadius::same(3),
                    background,
                    Stroke::new(2.0, look.colour),
                    StrokeKind::Inside,
                );
            } else {
                painter.rect_filled(rect, CornerRadius::same(3), look.colour);
            }
            if mark.style.starred {
                painter.rect_stroke(
                    rect.expand(2.5),
                    CornerRadius::same(4),
                    Stroke::new(1.8, palette::star(visuals)),
                    StrokeKind::Outside,
                );
            }
            if look.selected {
                painter.rect_stroke(
                    rect.expand(2.0),
                    CornerRadius::same(4),
                    Stroke::new(2.0, emphasis),
                    StrokeKind::Outside,
                );
            }
        }
        MarkKind::Cluster => {
            // A pill over the clustered points with the count inside, so no badge spills onto
            // the neighbouring marks.
            let r = geometry.point_radius() + 1.5;
            let text = if mark.count > 999 {
                "999+".to_string()
            } else {
                mark.count.to_string()
            };
            let ink = if luminance(look.colour) > 0.6 {
                Color32::BLACK
            } else {
                Color32::WHITE
            };
            let galley = painter.layout_no_wrap(text, FontId::proportional(10.5), ink);
            let width = (x1 - x0 + 2.0 * r).max(galley.size().x + 10.0);
            let rect = Rect::from_center_size(pos2((x0 + x1) / 2.0, y), vec2(width, 2.0 * r));
            let outline = if look.hovered || look.selected {
                Stroke::new(2.0, emphasis)
            } else {
                Stroke::new(1.0, background)
            };
            painter.rect(
                rect,
                CornerRadius::same(r as u8),
                look.colour,
                outline,
                StrokeKind::Outside,
            );
            if mark.style.starred {
                painter.rect_stroke(
                    rect.expand(2.5),
                    CornerRadius::same(r as u8 + 2),
                    Stroke::new(1.8, palette::star(visuals)),
                    StrokeKind::Outside,
                );
            }
            painter.galley(rect.center() - galley.size() / 2.0, galley, ink);
        }
        MarkKind::Density => {
            let strength =
                (f64::from(mark.count).ln_1p() / f64::from(look.max_density.max(1)).ln_1p()) as f32;
            let lane_height = geometry.lane_bottom(mark.lane) - geometry.lane_top(mark.lane);
            let height = lane_height * (0.2 + 0.55 * strength);
            let rect = Rect::from_center_size(
                pos2((x0 + x1) / 2.0, y),
                vec2((x1 - x0 - 1.0).max(1.0), height),
            );
            let alpha = if look.hovered {
                1.0
            } else {
                0.35 + 0.55 * strength
            };
            painter.rect_filled(
                rect,
                CornerRadius::same(1),
                look.colour.gamma_multiply(alpha),
            );
        }
    }
}

/// A period known only roughly: a translucent bar whose ends fade out, so it reads as "some
/// time in here" rather than "from this day to that day".
fn uncertain_bar(painter: &Painter, rect: Rect, colour: Color32) {
    let solid = colour.gamma_multiply(0.45);
    let clear = colour.gamma_multiply(0.0);
    let fade = (rect.width() * 0.25).min(40.0);
    let stops = [
        (rect.left(), clear),
        (rect.left() + fade, solid),
        (rect.right() - fade, solid),
        (rect.right(), clear),
    ];
    let mut mesh = Mesh::default();
    for (x, c) in stops {
        for y in [rect.top(), rect.bottom()] {
            mesh.vertices.push(Vertex {
                pos: pos2(x, y),
                uv: WHITE_UV,
                color: c,
            });
        }
    }
    for i in 0..3u32 {
        let base = i * 2;
        mesh.add_triangle(base, base + 1, base + 2);
        mesh.add_triangle(base + 1, base + 2, base + 3);
    }
    painter.add(Shape::mesh(mesh));
    // A dashed centre line keeps a faint bar visible on any background.
    let dashes = Shape::dashed_line(
        &[
            pos2(rect.left() + fade * 0.5, rect.center().y),
            pos2(rect.right() - fade * 0.5, rect.center().y),
        ],
        Stroke::new(1.2, colour),
        4.0,
        3.0,
    );
    painter.extend(dashes);
}

/// How a label should stand out.
#[derive(Clone, Copy, Debug)]
pub struct LabelLook {
    /// The lane's colour, for the tab at the label's left edge and the leader line.
    pub colour: Color32,
    pub emphasised: bool,
}

/// One headline on its plate (`rect`, on screen), with a leader line from `mark_at` when the
/// label had to move off its mark's row. The plate is the plot's background, nearly opaque,
/// so the text reads the same over lane bands, connectors and grid lines; a tab in the lane's
/// colour says whose it is.
pub fn label(
    painter: &Painter,
    rect: Rect,
    text: &str,
    leader_from: Option<Pos2>,
    look: LabelLook,
    visuals: &Visuals,
) {
    if let Some(from) = leader_from {
        let to = pos2(
            from.x.clamp(rect.left() + 2.0, rect.right() - 2.0),
            if from.y < rect.center().y {
                rect.top()
            } else {
                rect.bottom()
            },
        );
        painter.line_segment(
            [from, to],
            Stroke::new(1.0, look.colour.gamma_multiply(0.8)),
        );
    }
    let plate = visuals.extreme_bg_color.gamma_multiply(0.92);
    let border = if look.emphasised {
        Stroke::new(1.5, visuals.strong_text_color())
    } else {
        Stroke::new(0.6, visuals.widgets.noninteractive.bg_stroke.color)
    };
    painter.rect(
        rect,
        CornerRadius::same(3),
        plate,
        border,
        StrokeKind::Inside,
    );
    let tab = Rect::from_min_max(rect.min, pos2(rect.left() + 2.5, rect.bottom()));
    painter.rect_filled(tab, CornerRadius::same(1), look.colour);
    let ink = if look.emphasised {
        visuals.strong_text_color()
    } else {
        visuals.text_color()
    };
    let font = FontId::proportional(super::labels::LABEL_FONT);
    let galley = painter.layout_no_wrap(text.to_string(), font, ink);
    let at = pos2(
        rect.left() + super::labels::PAD_X,
        rect.center().y - galley.size().y / 2.0,
    );
    painter.with_clip_rect(rect).galley(at, galley, ink);
}

/// Relative luminance in 0..1, to pick readable ink on a coloured fill.
fn luminance(colour: Color32) -> f32 {
    let [r, g, b, _] = colour.to_array();
    (0.299 * f32::from(r) + 0.587 * f32::from(g) + 0.114 * f32::from(b)) / 255.0
}

/// The visible span in words ("12 Sep – 3 Nov 2015"), left of the time axis.
pub fn caption(painter: &Painter, at: Pos2, window: TimeWindow, visuals: &Visuals) {
    let text = window_caption(window.start, window.end);
    painter.text(
        at,
        Align2::LEFT_TOP,
        text,
        FontId::proportional(13.0),
        visuals.strong_text_color(),
    );
}

/// The analyst's grading of a lone mark's best report ("B2"), small and to its upper right:
/// readable when looked for, quiet otherwise. Well-graded reports (A–B, 1–2) are drawn in the
/// strong text colour, the rest in the weak one.
pub fn grade_badge(
    painter: &Painter,
    frame: Rect,
    geometry: &LaneGeometry,
    mark: &Mark,
    grading: crate::model::Grading,
    visuals: &Visuals,
) {
    use crate::model::{Credibility, Reliability};
    if !matches!(mark.kind, MarkKind::Point | MarkKind::Bar) {
        return;
    }
    let y = frame.top() + geometry.mark_y(mark);
    let x = frame.left()
        + match mark.kind {
            MarkKind::Point => mark.px0 + geometry.point_radius() + 5.0,
            _ => mark.px1 + 2.0,
        };
    let good =
        grading.reliability <= Reliability::B && grading.credibility <= Credibility::ProbablyTrue;
    let ink = if good {
        visuals.strong_text_color()
    } else {
        visuals.weak_text_color()
    };
    painter.text(
        pos2(x, y - 3.0),
        Align2::LEFT_BOTTOM,
        grading.to_string(),
        FontId::proportional(10.5),
        ink,
    );
}
