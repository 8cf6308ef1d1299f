//! SVG written from the shapes egui's painter produced for the page (the same shapes the PNG
//! exporter rasterises), so the vector and the raster export show one picture. Rectangles,
//! lines, paths, circles and curves become their SVG elements; text stays text (one `<text>`
//! per line, coloured runs as `<tspan>`s, the galley's font size), so it can be searched and
//! edited in slide software; clip rectangles become `<clipPath>`s. Only shapes an export never
//! draws are left out: shadows, images, backend callbacks.

use std::fmt::{self, Write as _};

use eframe::egui::emath::TSTransform;
use eframe::egui::epaint::{
    ClippedShape, ColorMode, CubicBezierShape, FontFamily, Mesh, PathShape, PathStroke,
    QuadraticBezierShape, RectShape, Shape, Stroke, StrokeKind, TextShape,
};
use eframe::egui::{Color32, Pos2, Rect, TextureId};

use super::render::Captured;

/// egui's own proportional font first (Ubuntu Light), then what slide software and printers
/// usually have.
pub const FONT_FAMILY: &str =
    "Ubuntu, 'Ubuntu Light', 'Noto Sans', 'DejaVu Sans', Arial, sans-serif";
/// egui's monospace font, then the usual fallbacks.
const MONO_FAMILY: &str = "Hack, 'DejaVu Sans Mono', monospace";

/// What the SVG says about itself (`<title>`, `<desc>`), like a PNG's text chunks.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Meta {
    pub title: String,
    pub description: String,
}

/// The captured page as an SVG document: `size_px` wide and tall, `size_points` of user units
/// in its view box.
pub fn to_svg(captured: &Captured, meta: &Meta) -> String {
    let size = captured.size_points;
    let page = Rect::from_min_size(Pos2::ZERO, size);
    let mut clips: Vec<Rect> = Vec::new();
    let mut body = String::new();
    let mut open: Option<usize> = None;
    let mut gradients = 0;
    for ClippedShape {
        clip_rect,
        shape,
        transform_after_tessellation: transform,
    } in &captured.shapes
    {
        let clip = clip_rect.intersect(page);
        if !clip.is_positive() {
            continue;
        }
        let wanted = if clip.contains_rect(page) {
            None
        } else {
            Some(clips.iter().position(|c| *c == clip).unwrap_or_else(|| {
                clips.push(clip);
                clips.len() - 1
            }))
        };
        if wanted != open {
            if open.is_some() {
                body.push_str("</g>\n");
            }
            if let Some(id) = wanted {
                let _ = writeln!(body, r#"<g clip-path="url(#clip{id})">"#);
            }
            open = wanted;
        }
        // A layer egui scales or moves as a whole (none on an exported page so far).
        let moved = *transform != TSTransform::IDENTITY;
        if moved {
            let _ = writeln!(
                body,
                r#"<g transform="matrix({s} 0 0 {s} {} {})">"#,
                N(transform.translation.x),
                N(transform.translation.y),
                s = N(transform.scaling)
            );
        }
        write_shape(&mut body, shape, &mut gradients);
        if moved {
            body.push_str("</g>\n");
        }
    }
    if open.is_some() {
        body.push_str("</g>\n");
    }

    let mut out = String::with_capacity(body.len() + 1024);
    let (w, h) = (N(size.x), N(size.y));
    let (width_px, height_px) = captured.size_px;
    let _ = writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{width_px}" height="{height_px}" viewBox="0 0 {w} {h}" font-family="{}">"#,
        escape(FONT_FAMILY)
    );
    let _ = writeln!(out, "<title>{}</title>", escape(&meta.title));
    let _ = writeln!(out, "<desc>{}</desc>", escape(&meta.description));
    if !clips.is_empty() {
        out.push_str("<defs>\n");
        for (id, c) in clips.iter().enumerate() {
            let _ = writeln!(
                out,
                r#"<clipPath id="clip{id}"><rect x="{}" y="{}" width="{}" height="{}"/></clipPath>"#,
                N(c.left()),
                N(c.top()),
                N(c.width()),
                N(c.height())
            );
        }
        out.push_str("</defs>\n");
    }
    let _ = writeln!(
        out,
        r#"<rect width="{w}" height="{h}"{}/>"#,
        Paint("fill", captured.background)
    );
    out.push_str(&body);
    out.push_str("</svg>\n");
    out
}

fn write_shape(out: &mut String, shape: &Shape, gradients: &mut usize) {
    match shape {
        Shape::Noop | Shape::Callback(_) | Shape::Band(_) => {}
        Shape::Vec(shapes) => shapes.iter().for_each(|s| write_shape(out, s, gradients)),
        Shape::Circle(c) => {
            let _ = writeln!(
                out,
                r#"<circle cx="{}" cy="{}" r="{}"{}{}/>"#,
                N(c.center.x),
                N(c.center.y),
                N(c.radius),
                Paint("fill", c.fill),
                StrokeAttrs(c.stroke)
            );
        }
        Shape::Ellipse(e) => {
            let _ = writeln!(
                out,
                r#"<ellipse cx="{}" cy="{}" rx="{}" ry="{}"{}{}{}/>"#,
                N(e.center.x),
                N(e.center.y),
                N(e.radius.x),
                N(e.radius.y),
                Rotation(e.angle, e.center),
                Paint("fill", e.fill),
                StrokeAttrs(e.stroke)
            );
        }
        Shape::LineSegment { points, stroke } => {
            if visible_stroke(*stroke) {
                let _ = writeln!(
                    out,
                    r#"<line x1="{}" y1="{}" x2="{}" y2="{}"{}/>"#,
                    N(points[0].x),
                    N(points[0].y),
                    N(points[1].x),
                    N(points[1].y),
                    StrokeAttrs(*stroke)
                );
            }
        }
        Shape::Path(path) => write_path(out, path),
        Shape::Rect(rect) => write_rect(out, rect),
        Shape::Text(text) => write_text(out, text),
        Shape::Mesh(mesh) => write_mesh(out, mesh, gradients),
        Shape::QuadraticBezier(q) => write_curve(out, &Curve::Quadratic(q)),
        Shape::CubicBezier(c) => write_curve(out, &Curve::Cubic(c)),
    }
}

fn write_rect(out: &mut String, r: &RectShape) {
    // Shadows (blurred) and images (textured) never appear on an exported page.
    if r.blur_width > 0.0 || r.brush.is_some() {
        return;
    }
    let radius = r.corner_radius;
    let rx = f32::from(radius.nw.max(radius.ne).max(radius.sw).max(radius.se));
    let rotation = Rotation(r.angle, r.rect.center());
    if r.fill.a() > 0 {
        let _ = writeln!(
            out,
            "<rect{}{}{}/>",
            RectAttrs(r.rect, rx),
            rotation,
            Paint("fill", r.fill)
        );
    }
    if visible_stroke(r.stroke) {
        let half = r.stroke.width / 2.0;
        let outline = match r.stroke_kind {
            StrokeKind::Inside => r.rect.shrink(half),
            StrokeKind::Middle => r.rect,
            StrokeKind::Outside => r.rect.expand(half),
        };
        let _ = writeln!(
            out,
            r#"<rect{}{} fill="none"{}/>"#,
            RectAttrs(outline, rx),
            rotation,
            StrokeAttrs(r.stroke)
        );
    }
}

fn write_path(out: &mut String, path: &PathShape) {
    if path.points.len() < 2 {
        return;
    }
    let points = path
        .points
        .iter()
        .map(|p| format!("{},{}", N(p.x), N(p.y)))
        .collect::<Vec<_>>()
        .join(" ");
    let stroke = solid_stroke(&path.stroke, &path.points);
    if path.closed {
        let _ = writeln!(
            out,
            r#"<polygon points="{points}"{}{}/>"#,
            Paint("fill", path.fill),
            StrokeAttrs(stroke)
        );
    } else if visible_stroke(stroke) {
        let _ = writeln!(
            out,
            r#"<polyline points="{points}" fill="none"{}/>"#,
            StrokeAttrs(stroke)
        );
    }
}

enum Curve<'a> {
    Quadratic(&'a QuadraticBezierShape),
    Cubic(&'a CubicBezierShape),
}

fn write_curve(out: &mut String, curve: &Curve<'_>) {
    let p = |p: Pos2| format!("{},{}", N(p.x), N(p.y));
    let (d, closed, fill, stroke) = match curve {
        Curve::Quadratic(q) => (
            format!("M{} Q{} {}", p(q.points[0]), p(q.points[1]), p(q.points[2])),
            q.closed,
            q.fill,
            solid_stroke(&q.stroke, &q.points),
        ),
        Curve::Cubic(c) => (
            format!(
                "M{} C{} {} {}",
                p(c.points[0]),
                p(c.points[1]),
                p(c.points[2]),
                p(c.points[3])
            ),
            c.closed,
            c.fill,
            solid_stroke(&c.stroke, &c.points),
        ),
    };
    let z = if closed { " Z" } else { "" };
    let fill = if closed { fill } else { Color32::TRANSPARENT };
    let _ = writeln!(
        out,
        r#"<path d="{d}{z}"{}{}/>"#,
        Paint("fill", fill),
        StrokeAttrs(stroke)
    );
}

/// Untextured triangles (egui fills some shapes as meshes) as one path per run of a colour;
/// a triangle whose corners differ in colour (the fading ends of an uncertain period) gets a
/// gradient from its leftmost to its rightmost corner, defined in place.
fn write_mesh(out: &mut String, mesh: &Mesh, gradients: &mut usize) {
    if mesh.texture_id != TextureId::default() {
        return;
    }
    let mut run: Option<(Color32, String)> = None;
    for triangle in mesh.indices.chunks_exact(3) {
        let corners: Option<Vec<_>> = triangle
            .iter()
            .map(|&i| mesh.vertices.get(i as usize))
            .collect();
        let Some(corners) = corners else {
            continue;
        };
        let d = format!(
            "M{},{} L{},{} L{},{} Z ",
            N(corners[0].pos.x),
            N(corners[0].pos.y),
            N(corners[1].pos.x),
            N(corners[1].pos.y),
            N(corners[2].pos.x),
            N(corners[2].pos.y)
        );
        let colour = corners[0].color;
        if corners.iter().any(|v| v.color != colour) {
            flush_mesh_run(out, run.take());
            let by_x = |a: &&&eframe::egui::epaint::Vertex, b: &&&eframe::egui::epaint::Vertex| {
                a.pos.x.total_cmp(&b.pos.x)
            };
            let (Some(left), Some(right)) =
                (corners.iter().min_by(by_x), corners.iter().max_by(by_x))
            else {
                continue;
            };
            let id = *gradients;
            *gradients += 1;
            let stop = |offset: u8, c: Color32| {
                let [r, g, b, a] = c.to_srgba_unmultiplied();
                format!(
                    r##"<stop offset="{offset}" stop-color="#{r:02x}{g:02x}{b:02x}" stop-opacity="{}"/>"##,
                    N(f32::from(a) / 255.0)
                )
            };
            let _ = writeln!(
                out,
                r#"<defs><linearGradient id="fade{id}" gradientUnits="userSpaceOnUse" x1="{}" y1="0" x2="{}" y2="0">{}{}</linearGradient></defs><path d="{}" fill="url(#fade{id})"/>"#,
                N(left.pos.x),
                N(right.pos.x),
                stop(0, left.color),
                stop(1, right.color),
                d.trim_end()
            );
            continue;
        }
        match &mut run {
            Some((c, path)) if *c == colour => path.push_str(&d),
            _ => {
                flush_mesh_run(out, run.take());
                run = Some((colour, d));
            }
        }
    }
    flush_mesh_run(out, run);
}

fn flush_mesh_run(out: &mut String, run: Option<(Color32, String)>) {
    if let Some((colour, d)) = run
        && colour.a() > 0
    {
        let _ = writeln!(
            out,
            r#"<path d="{}"{}/>"#,
            d.trim_end(),
            Paint("fill", colour)
        );
    }
}

/// One `<text>` per laid-out row, at the galley's baseline, runs of one colour as `<tspan>`s
/// placed and sized where egui placed them (so a font with other widths cannot push a run
/// sideways or make it longer).
fn write_text(out: &mut String, text: &TextShape) {
    let galley = &text.galley;
    let Some(format) = galley.job.sections.first().map(|s| &s.format) else {
        return;
    };
    let size = format.font_id.size;
    let family = match format.font_id.family {
        FontFamily::Monospace => format!(r#" font-family="{}""#, escape(MONO_FAMILY)),
        _ => String::new(),
    };
    // Glyphs carry their font's line height, not its size; the first section's glyphs give the
    // ratio, so a section in another size (a headline after a date) keeps its size.
    let size_per_height = galley
        .rows
        .iter()
        .find_map(|r| r.row.glyphs.first())
        .filter(|g| g.font_height > 0.0)
        .map_or(0.0, |g| size / g.font_height);
    let size_of = |height: f32| {
        let sized = (height * size_per_height * 2.0).round() / 2.0;
        if sized > 0.0 { sized } else { size }
    };
    for placed in &galley.rows {
        let row = &placed.row;
        let mut runs: Vec<Run> = Vec::new();
        for glyph in &row.glyphs {
            let colour = glyph_colour(text, row, glyph.first_vertex as usize);
            let at = text.pos + placed.pos.to_vec2() + glyph.pos.to_vec2();
            let end = at.x + glyph.advance_width;
            let glyph_size = size_of(glyph.font_height);
            match runs.last_mut() {
                Some(run)
                    if (run.colour == colour && run.size == glyph_size)
                        || glyph.chr.is_whitespace() =>
                {
                    run.text.push(glyph.chr);
                    if !glyph.chr.is_whitespace() {
                        run.end = end;
                    }
                }
                _ => runs.push(Run {
                    at,
                    end,
                    colour,
                    size: glyph_size,
                    text: glyph.chr.to_string(),
                }),
            }
        }
        runs.retain(|r| r.colour.a() > 0 && !r.text.trim().is_empty());
        let Some(first) = runs.first() else {
            continue;
        };
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" font-size="{}"{family}{}{} xml:space="preserve">"#,
            N(first.at.x),
            N(first.at.y),
            N(size),
            Paint("fill", first.colour),
            Rotation(text.angle, text.pos)
        );
        for run in &runs {
            // Each run keeps the width egui gave it, so a fallback font with wider letters
            // cannot run into the next mark or label.
            let own_size = if run.size == size {
                String::new()
            } else {
                format!(r#" font-size="{}""#, N(run.size))
            };
            let _ = write!(
                out,
                r#"<tspan x="{}" y="{}" textLength="{}" lengthAdjust="spacingAndGlyphs"{own_size}{}>{}</tspan>"#,
                N(run.at.x),
                N(run.at.y),
                N(run.end - run.at.x),
                Paint("fill", run.colour),
                escape(run.text.trim_end())
            );
        }
        out.push_str("</text>\n");
    }
}

/// Glyphs of one colour and size in a row, where egui placed them.
struct Run {
    at: Pos2,
    /// Right edge of the last visible glyph.
    end: f32,
    colour: Color32,
    /// Font size in points.
    size: f32,
    text: String,
}

/// The colour egui paints a glyph in: its vertices' colour (the text format's), the shape's
/// fallback for the placeholder, or the override, faded by the shape's opacity.
fn glyph_colour(
    text: &TextShape,
    row: &eframe::egui::epaint::text::Row,
    first_vertex: usize,
) -> Color32 {
    let painted = row
        .visuals
        .mesh
        .vertices
        .get(first_vertex)
        .map_or(text.fallback_color, |v| v.color);
    let colour = match text.override_text_color {
        Some(c) => c,
        None if painted == Color32::PLACEHOLDER => text.fallback_color,
        None => painted,
    };
    if text.opacity_factor < 1.0 {
        colour.gamma_multiply(text.opacity_factor.max(0.0))
    } else {
        colour
    }
}

fn visible_stroke(stroke: Stroke) -> bool {
    stroke.width > 0.0 && stroke.color.a() > 0
}

/// A path's stroke as one colour (a gradient stroke takes its colour at the first point).
fn solid_stroke(stroke: &PathStroke, points: &[Pos2]) -> Stroke {
    let colour = match &stroke.color {
        ColorMode::Solid(c) => *c,
        ColorMode::UV(f) => {
            let bounds = Rect::from_points(points);
            points
                .first()
                .map_or(Color32::TRANSPARENT, |p| f(bounds, *p))
        }
    };
    Stroke::new(stroke.width, colour)
}

/// A number in user units, to a hundredth of a point, without trailing zeros.
struct N(f32);

impl fmt::Display for N {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = if self.0.is_finite() { self.0 } else { 0.0 };
        let s = format!("{:.2}", v);
        let s = s.trim_end_matches('0').trim_end_matches('.');
        f.write_str(if s == "-0" { "0" } else { s })
    }
}

/// ` fill="#rrggbb"` (with an opacity when translucent), or ` fill="none"`.
struct Paint(&'static str, Color32);

impl fmt::Display for Paint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [r, g, b, a] = self.1.to_srgba_unmultiplied();
        if a == 0 {
            return write!(f, r#" {}="none""#, self.0);
        }
        write!(f, r##" {}="#{r:02x}{g:02x}{b:02x}""##, self.0)?;
        if a < 255 {
            write!(f, r#" {}-opacity="{}""#, self.0, N(f32::from(a) / 255.0))?;
        }
        Ok(())
    }
}

/// ` stroke=".." stroke-width=".."`, or nothing for no stroke.
struct StrokeAttrs(Stroke);

impl fmt::Display for StrokeAttrs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !visible_stroke(self.0) {
            return Ok(());
        }
        write!(
            f,
            r#"{} stroke-width="{}""#,
            Paint("stroke", self.0.color),
            N(self.0.width)
        )
    }
}

/// ` x=".." y=".." width=".." height=".."` and the corner radius.
struct RectAttrs(Rect, f32);

impl fmt::Display for RectAttrs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Self(r, rx) = *self;
        write!(
            f,
            r#" x="{}" y="{}" width="{}" height="{}""#,
            N(r.left()),
            N(r.top()),
            N(r.width().max(0.0)),
            N(r.height().max(0.0))
        )?;
        if rx > 0.0 {
            write!(
                f,
                r#" rx="{}""#,
                N(rx.min(r.width() / 2.0).min(r.height() / 2.0))
            )?;
        }
        Ok(())
    }
}

/// A rotation by `angle` radians (clockwise, as egui turns) about `centre`; nothing for 0.
struct Rotation(f32, Pos2);

impl fmt::Display for Rotation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 == 0.0 {
            return Ok(());
        }
        write!(
            f,
            r#" transform="rotate({} {} {})""#,
            N(self.0.to_degrees()),
            N(self.1.x),
            N(self.1.y)
        )
    }
}

/// Text escaped for XML content and attribute values; characters XML 1.0 forbids are dropped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_never_nan() {
        assert_eq!(N(12.0).to_string(), "12");
        assert_eq!(N(0.126).to_string(), "0.13");
        assert_eq!(N(-0.001).to_string(), "0");
        assert_eq!(N(f32::NAN).to_string(), "0");
    }

    #[test]
    fn markup_and_control_characters_cannot_break_the_document() {
        assert_eq!(
            escape("Assad & Putin <\"talks\"> \u{1}"),
            "Assad &amp; Putin &lt;&quot;talks&quot;&gt; "
        );
    }

    #[test]
    fn translucent_colours_carry_their_opacity() {
        let half = Color32::from_rgba_unmultiplied(255, 0, 0, 128);
        let attrs = Paint("fill", half).to_string();
        assert!(
            attrs.starts_with(r##" fill="#ff0000" fill-opacity="0.5"##),
            "{attrs}"
        );
        assert_eq!(
            Paint("fill", Color32::TRANSPARENT).to_string(),
            r#" fill="none""#
        );
    }
}
