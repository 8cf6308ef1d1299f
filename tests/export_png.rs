//! PNG export as an analyst gets it: the requested size times the density, the timeline's
//! lanes drawn, the banner in its colour at top and bottom, the title written, the sources in
//! the file's text chunks, and clear refusals instead of panics or half-written files.
//! Rendered off screen by Mesa's software rasteriser; no display needed.

use std::path::Path;

use chronolane::export::Source;
use chronolane::export::{
    self, Banner, Canvas, ExportError, LaneOverflow, PageOptions, PageSpec, RenderError, RgbaImage,
    ViewChoice, read_png,
};
use chronolane::layout::ViewSettings;
use chronolane::layout::fixture::briefing;
use chronolane::project::Edit;
use eframe::egui::{Color32, vec2};

const RED_BANNER: Color32 = Color32::from_rgb(0xc8, 0x10, 0x2e);

fn spec(width: f32, height: f32, scale: f32) -> PageSpec {
    PageSpec {
        canvas: Canvas {
            size_points: vec2(width, height),
            pixels_per_point: scale,
            dark: false,
        },
        page: PageOptions {
            title: "Syria talks, October 2015".into(),
            subtitle: "Briefing for the morning meeting".into(),
            banner: Some(Banner {
                text: "UNCLASSIFIED".into(),
                colour: RED_BANNER,
            }),
            legend: true,
            footer: true,
            key_events: false,
        },
        view: ViewChoice::Whole,
        lanes: LaneOverflow::Shrink,
    }
}

fn export(spec: &PageSpec, path: &Path) -> RgbaImage {
    let written =
        export::export_png(&source(), spec, path).unwrap_or_else(|e| panic!("export failed: {e}"));
    assert_eq!(written.len(), 1, "the fixture fits one page");
    let (image, _) = read_png(path).unwrap();
    assert_eq!(
        (image.width, image.height),
        (written[0].width, written[0].height)
    );
    image
}

fn source() -> Source {
    Source::from_timeline(briefing(), ViewSettings::default())
}

fn close(a: [u8; 4], b: Color32) -> bool {
    let b = b.to_array();
    (0..3).all(|i| a[i].abs_diff(b[i]) <= 3)
}

/// Share of pixels in a box that differ from the box's top-left pixel.
fn ink(image: &RgbaImage, x0: u32, y0: u32, x1: u32, y1: u32) -> f32 {
    let background = image.pixel(x0, y0).unwrap();
    let mut inked = 0;
    let mut total = 0;
    for y in y0..y1 {
        for x in x0..x1 {
            total += 1;
            if image
                .pixel(x, y)
                .is_some_and(|p| (0..3).any(|i| p[i].abs_diff(background[i]) > 40))
            {
                inked += 1;
            }
        }
    }
    inked as f32 / total.max(1) as f32
}

#[test]
fn the_image_is_the_requested_size_times_the_density() {
    let dir = tempfile::tempdir().unwrap();
    let image = export(&spec(800.0, 450.0, 2.0), &dir.path().join("briefing.png"));
    assert_eq!((image.width, image.height), (1600, 900));
    assert!(
        image.pixels.chunks_exact(4).all(|p| p[3] == 255),
        "the image is opaque"
    );
}

#[test]
fn the_lanes_and_marks_are_drawn_not_a_blank_page() {
    let dir = tempfile::tempdir().unwrap();
    let image = export(&spec(1200.0, 700.0, 1.0), &dir.path().join("lanes.png"));
    // The plot sits right of the 190-pt label column, between title and legend.
    let plot_ink = ink(&image, 240, 120, 1180, 560);
    assert!(
        plot_ink > 0.002,
        "marks and grid should be drawn, got {plot_ink}"
    );
    let label_ink = ink(&image, 30, 120, 200, 560);
    assert!(
        label_ink > 0.01,
        "lane names should be written, got {label_ink}"
    );
    let colours: std::collections::HashSet<[u8; 4]> = image
        .pixels
        .chunks_exact(4)
        .map(|p| [p[0], p[1], p[2], p[3]])
        .collect();
    assert!(colours.len() > 50, "only {} colours", colours.len());
}

#[test]
fn the_banner_is_in_its_colour_at_top_and_bottom_with_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let image = export(&spec(1000.0, 600.0, 2.0), &dir.path().join("banner.png"));
    let band = (export::page::BANNER_HEIGHT * 2.0) as u32;
    for y in [4, band - 4, image.height - band + 4, image.height - 4] {
        for x in [4, 200, image.width - 4] {
            let p = image.pixel(x, y).unwrap();
            assert!(
                close(p, RED_BANNER),
                "pixel ({x}, {y}) is {p:?}, not the banner's red"
            );
        }
    }
    let centre = image.width / 2;
    let text = ink(&image, centre - 120, 4, centre + 120, band - 4);
    assert!(
        text > 0.05,
        "the banner's text should be written in its middle, got {text}"
    );
    assert!(
        !close(image.pixel(4, band + 10).unwrap(), RED_BANNER),
        "the band ends"
    );
}

#[test]
fn the_title_is_written_and_an_empty_title_leaves_the_area_clear() {
    let dir = tempfile::tempdir().unwrap();
    let mut with_title = spec(1000.0, 600.0, 1.0);
    with_title.page.banner = None;
    with_title.page.subtitle.clear();
    let titled = export(&with_title, &dir.path().join("titled.png"));
    let mut untitled = with_title.clone();
    untitled.page.title.clear();
    let bare = export(&untitled, &dir.path().join("bare.png"));
    // The title sits in the top margin, left-aligned.
    let title_ink = ink(&titled, 20, 14, 420, 50);
    assert!(title_ink > 0.05, "title ink {title_ink}");
    assert_ne!(titled.pixels, bare.pixels);
}

#[test]
fn the_file_names_its_title_and_source_articles() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("chunks.png");
    export(&spec(640.0, 400.0, 1.0), &path);
    let (_, text) = read_png(&path).unwrap();
    let get = |key: &str| {
        text.iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(get("Title"), ["Syria talks, October 2015"]);
    let sources = get("Source").join("\n");
    assert!(
        sources.contains("Assad makes surprise visit to Moscow — 2015-10-21"),
        "{sources}"
    );
    assert!(
        sources.contains("Foreign ministers meet in Vienna"),
        "{sources}"
    );
}

#[test]
fn the_dark_theme_has_a_dark_page() {
    let dir = tempfile::tempdir().unwrap();
    let mut dark = spec(640.0, 400.0, 1.0);
    dark.canvas.dark = true;
    dark.page.banner = None;
    let image = export(&dark, &dir.path().join("dark.png"));
    let [r, g, b, _] = image.pixel(5, 5).unwrap();
    assert!(
        u32::from(r) + u32::from(g) + u32::from(b) < 3 * 60,
        "{r} {g} {b}"
    );
}

#[test]
fn images_wider_than_the_texture_limit_are_drawn_in_tiles() {
    let dir = tempfile::tempdir().unwrap();
    let image = export(&spec(9000.0, 420.0, 1.0), &dir.path().join("wide.png"));
    assert_eq!((image.width, image.height), (9000, 420));
    // Right of the 8192-px seam the page and banner are still drawn.
    assert!(close(image.pixel(8500, 5).unwrap(), RED_BANNER));
    assert!(image.pixel(8990, 200).unwrap()[3] == 255);
}

#[test]
fn oversized_images_are_refused_with_a_reason_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.png");
    let err = export::export_png(&source(), &spec(20_000.0, 1000.0, 1.0), &path).unwrap_err();
    assert!(
        matches!(err, ExportError::Render(RenderError::TooLarge { .. })),
        "{err}"
    );
    assert!(err.to_string().contains("16384 px per side"), "{err}");
    assert!(!path.exists());
}

#[test]
fn a_failed_write_keeps_the_old_file_and_leaves_no_temporary() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no such folder").join("out.png");
    let err = export::export_png(&source(), &spec(640.0, 400.0, 1.0), &missing).unwrap_err();
    assert!(err.to_string().contains("no such folder"), "{err}");
    let path = dir.path().join("keep.png");
    std::fs::write(&path, b"old").unwrap();
    let err = export::export_png(&source(), &spec(0.0, 400.0, 1.0), &path).unwrap_err();
    assert!(err.to_string().contains("no area"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), b"old");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
    assert_eq!(leftovers.len(), 1, "{leftovers:?}");
}

#[test]
fn slides_are_numbered_one_per_briefing_step_and_follow_the_stars() {
    let dir = tempfile::tempdir().unwrap();
    let canvas = Canvas {
        size_points: vec2(960.0, 540.0),
        pixels_per_point: 1.0,
        dark: true,
    };
    let timeline = briefing();
    let all = export::export_slides(&source(), canvas, "Talks", dir.path()).unwrap();
    assert_eq!(all.len(), timeline.events.len());
    assert!(all[0].ends_with("slide-01.png") && dir.path().join("slide-06.png").exists());
    let (image, text) = read_png(&all[0]).unwrap();
    assert_eq!((image.width, image.height), (960, 540));
    assert!(
        text.iter()
            .any(|(k, v)| k == "Comment" && v.starts_with("Slide 1 of 6"))
    );

    // The briefing list keeps the analyst's order, not time order.
    let mut starred = source();
    for event in ["e-conference", "e-strikes"] {
        let star = Edit::Star {
            event: event.into(),
            position: None,
        };
        starred.project.edit(star).unwrap();
    }
    let starred_dir = dir.path().join("starred");
    let slides = export::export_slides(&starred, canvas, "Talks", &starred_dir).unwrap();
    assert_eq!(slides.len(), 2);
    let comment = |path: &Path| {
        let (_, text) = read_png(path).unwrap();
        text.into_iter()
            .find(|(k, _)| k == "Comment")
            .map(|(_, v)| v)
            .unwrap_or_default()
    };
    assert!(
        comment(&slides[0]).contains("Wider Syria conference"),
        "{}",
        comment(&slides[0])
    );
    assert!(
        comment(&slides[1]).contains("Russia begins air strikes"),
        "{}",
        comment(&slides[1])
    );
}

#[test]
fn a_panic_while_drawing_is_reported_and_the_renderer_still_works() {
    let canvas = Canvas {
        size_points: vec2(320.0, 200.0),
        pixels_per_point: 1.0,
        dark: false,
    };
    let mut renderer = export::OffscreenRenderer::new().unwrap();
    let err = renderer
        .render(canvas, &mut |_ui| panic!("a widget bug"))
        .unwrap_err();
    assert!(
        matches!(err, RenderError::Panicked(ref m) if m.contains("a widget bug")),
        "{err}"
    );
    let image = renderer
        .render(canvas, &mut |ui| {
            ui.label("still drawing");
        })
        .unwrap();
    assert_eq!((image.width, image.height), (320, 200));
}

#[test]
fn slides_of_many_lanes_show_the_page_holding_their_event() {
    // Thirty actors: more lanes than a 960×540 slide holds.
    let timeline = chronolane::layout::fixture::synthetic(60, 30);
    let source = Source::from_timeline(timeline, ViewSettings::default());
    let session = source.session();
    let steps = chronolane::view::briefing_steps(&session);
    let dir = tempfile::tempdir().unwrap();
    let canvas = Canvas {
        size_points: vec2(960.0, 540.0),
        pixels_per_point: 1.0,
        dark: true,
    };
    let slides = export::export_slides(&source, canvas, "Many", dir.path()).unwrap();
    let total = session.lanes.lanes.len();
    let mut pages_seen = std::collections::BTreeSet::new();
    for (step, path) in slides.iter().enumerate().take(12) {
        let (_, text) = read_png(path).unwrap();
        let lanes = text
            .iter()
            .find(|(k, _)| k == "Lanes")
            .map(|(_, v)| v.clone())
            .unwrap_or_else(|| panic!("slide {} names no page of lanes", step + 1));
        let (header, names) = lanes.split_once(": ").expect("header: names");
        assert!(header.contains(&format!(" of {total} · page ")), "{header}");
        assert!(!header.contains("scroll"), "{header}");
        pages_seen.insert(header.to_string());
        // The slide's event is on a lane the slide shows.
        let event = &session.timeline.events[steps[step]];
        let lane_names: Vec<&str> = names.split(", ").collect();
        let on_page = session
            .lanes
            .lanes
            .iter()
            .filter(|l| l.entries.iter().any(|e| e.event as usize == steps[step]))
            .any(|l| lane_names.contains(&l.label.as_str()));
        assert!(
            on_page,
            "slide {}: {} not on {lanes}",
            step + 1,
            event.label
        );
    }
    assert!(
        pages_seen.len() > 1,
        "the slides turn the pages: {pages_seen:?}"
    );
}
