//! SVG and paged export as an analyst gets them: the SVG is a well-formed document the size of
//! the page whose words are real text (lane names, title, axis), and an export with more lanes
//! than fit the page still shows every lane — on smaller type or on further pages with the same
//! axis — instead of the window's "scroll here".

use std::collections::{BTreeSet, HashSet};
use std::path::Path;

use chronolane::export::{
    self, Canvas, LaneOverflow, PageOptions, PageSpec, Source, ViewChoice, read_png,
};
use chronolane::layout::ViewSettings;
use chronolane::layout::fixture::{briefing, synthetic};
use chronolane::model::Timeline;
use chronolane::view::Session;
use eframe::egui::vec2;
use quick_xml::events::Event;

fn spec(width: f32, height: f32, lanes: LaneOverflow) -> PageSpec {
    PageSpec {
        canvas: Canvas {
            size_points: vec2(width, height),
            pixels_per_point: 1.0,
            dark: false,
        },
        page: PageOptions {
            title: "Syria talks & the Vienna process".into(),
            subtitle: "Briefing for the morning meeting".into(),
            banner: None,
            legend: true,
            footer: true,
            key_events: false,
        },
        view: ViewChoice::Whole,
        lanes,
    }
}

/// The labels of the lanes the app would show for `timeline`, top to bottom.
fn lane_labels(timeline: &Timeline) -> Vec<String> {
    let session = Session::new(timeline.clone(), ViewSettings::default());
    session
        .lanes
        .lanes
        .iter()
        .map(|l| l.label.clone())
        .collect()
}

/// What an SVG says: its root's width and height, and every `<text>` element's words (its
/// `<tspan>`s joined), read by a real XML parser, which fails on a malformed document.
struct Svg {
    width: String,
    height: String,
    texts: Vec<String>,
}

fn read_svg(path: &Path) -> Svg {
    let xml = std::fs::read_to_string(path).unwrap();
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut svg = Svg {
        width: String::new(),
        height: String::new(),
        texts: Vec::new(),
    };
    let mut depth_in_text = 0;
    let mut open = 0i32;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                open += 1;
                let name = e.name();
                if name.as_ref() == b"svg" {
                    for attr in e.attributes() {
                        let attr = attr.unwrap();
                        let value = String::from_utf8(attr.value.to_vec()).unwrap();
                        match attr.key.as_ref() {
                            b"width" => svg.width = value,
                            b"height" => svg.height = value,
                            _ => {}
                        }
                    }
                }
                if name.as_ref() == b"text" {
                    depth_in_text += 1;
                    svg.texts.push(String::new());
                }
            }
            Ok(Event::End(e)) => {
                open -= 1;
                if e.name().as_ref() == b"text" {
                    depth_in_text -= 1;
                }
            }
            Ok(Event::Text(t)) if depth_in_text > 0 => {
                let words = t.xml10_content().unwrap();
                if let Some(last) = svg.texts.last_mut() {
                    last.push_str(&words);
                }
            }
            Ok(Event::GeneralRef(r)) if depth_in_text > 0 => {
                let name = String::from_utf8(r.to_vec()).unwrap();
                let ch = match name.as_str() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("unknown entity &{other};"),
                };
                if let Some(last) = svg.texts.last_mut() {
                    last.push_str(ch);
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("{} is not well-formed XML: {e}", path.display()),
        }
    }
    assert_eq!(open, 0, "every element is closed");
    svg
}

#[test]
fn the_svg_is_the_page_size_and_its_words_are_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("briefing.svg");
    let timeline = briefing();
    let source = Source::from_timeline(timeline.clone(), ViewSettings::default());
    let written =
        export::export_svg(&source, &spec(1000.0, 600.0, LaneOverflow::Shrink), &path).unwrap();
    assert_eq!(written.len(), 1);
    let svg = read_svg(&path);
    assert_eq!((svg.width.as_str(), svg.height.as_str()), ("1000", "600"));
    let texts: HashSet<&str> = svg.texts.iter().map(|t| t.trim()).collect();
    for lane in lane_labels(&timeline) {
        assert!(texts.contains(lane.as_str()), "lane {lane:?} in {texts:?}");
    }
    assert!(
        texts.contains("Syria talks & the Vienna process"),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(|t| t.starts_with("Sources: 2 articles")),
        "the footer: {texts:?}"
    );
    assert!(
        texts.contains("Period with known ends"),
        "the legend: {texts:?}"
    );
    assert!(
        texts.iter().any(|t| t.contains("Oct")),
        "the time axis: {texts:?}"
    );
}

#[test]
fn svg_and_png_of_one_page_show_the_same_lanes() {
    let dir = tempfile::tempdir().unwrap();
    let source = Source::from_timeline(briefing(), ViewSettings::default());
    let page = spec(900.0, 560.0, LaneOverflow::Shrink);
    let svg = export::export_svg(&source, &page, &dir.path().join("a.svg")).unwrap();
    let png = export::export_png(&source, &page, &dir.path().join("a.png")).unwrap();
    assert_eq!(svg[0].lanes, png[0].lanes);
    assert_eq!((svg[0].width, svg[0].height), (png[0].width, png[0].height));
    let (_, chunks) = read_png(&png[0].path).unwrap();
    let lanes = chunks.iter().find(|(k, _)| k == "Lanes").unwrap();
    assert!(lanes.1.contains(&png[0].lanes.join(", ")), "{lanes:?}");
}

/// Sixty actors with a handful of events each: twice what a 600-point page shows.
fn crowded() -> Timeline {
    synthetic(480, 60)
}

#[test]
fn more_lanes_than_fit_go_onto_pages_with_every_lane_and_the_same_axis() {
    let dir = tempfile::tempdir().unwrap();
    let timeline = crowded();
    let expected = lane_labels(&timeline);
    assert!(expected.len() >= 40, "{} lanes", expected.len());
    let source = Source::from_timeline(timeline, ViewSettings::default());
    let path = dir.path().join("crowded.svg");
    let pages =
        export::export_svg(&source, &spec(1000.0, 600.0, LaneOverflow::Pages), &path).unwrap();
    assert!(pages.len() >= 2, "{} pages", pages.len());
    assert!(!path.exists(), "pages are numbered, not one file");
    let mut seen = Vec::new();
    let mut axes = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        assert_eq!(
            page.path,
            dir.path().join(format!("crowded-p{}.svg", i + 1))
        );
        assert_eq!(
            (page.width, page.height),
            (1000, 600),
            "the page keeps its size"
        );
        let svg = read_svg(&page.path);
        let texts: Vec<&str> = svg.texts.iter().map(|t| t.trim()).collect();
        assert!(
            !texts.iter().any(|t| t.contains("scroll")),
            "nothing is left to scroll to: {texts:?}"
        );
        let first = seen.len() + 1;
        let header = format!(
            "Lanes {first}–{} of {} · page {} of {}",
            first + page.lanes.len() - 1,
            expected.len(),
            i + 1,
            pages.len()
        );
        assert!(texts.contains(&header.as_str()), "{header:?} in {texts:?}");
        for lane in &page.lanes {
            assert!(
                texts.contains(&lane.as_str()),
                "lane {lane:?} drawn on page {i}"
            );
        }
        // The axis: the year labels under the plot, the same on every page.
        let years: BTreeSet<String> = texts
            .iter()
            .filter(|t| t.len() == 4 && t.chars().all(|c| c.is_ascii_digit()))
            .map(|t| t.to_string())
            .collect();
        assert!(years.len() >= 3, "{years:?}");
        axes.push(years);
        seen.extend(page.lanes.iter().cloned());
    }
    assert_eq!(seen, expected, "every lane once, in order");
    assert!(axes.windows(2).all(|w| w[0] == w[1]), "{axes:?}");
}

#[test]
fn shrinking_fits_a_few_more_lanes_on_one_page_of_the_same_size() {
    let dir = tempfile::tempdir().unwrap();
    // Twenty lanes: more than a 520-point page shows at the widget's lane height, within
    // what smaller type can hold at twice the density.
    let timeline = synthetic(200, 20);
    let expected = lane_labels(&timeline);
    let source = Source::from_timeline(timeline, ViewSettings::default());
    let mut page = spec(1000.0, 520.0, LaneOverflow::Shrink);
    page.canvas.pixels_per_point = 2.0;
    let path = dir.path().join("shrunk.svg");
    let written = export::export_svg(&source, &page, &path).unwrap();
    assert_eq!(written.len(), 1);
    assert_eq!((written[0].width, written[0].height), (2000, 1040));
    assert_eq!(written[0].lanes, expected);
    let svg = read_svg(&path);
    assert!(!svg.texts.iter().any(|t| t.contains("scroll")));
    // At full size the same lanes take two pages.
    page.lanes = LaneOverflow::Pages;
    let paged = export::export_svg(&source, &page, &dir.path().join("paged.svg")).unwrap();
    assert!(paged.len() >= 2, "{} pages", paged.len());
}

#[test]
fn paged_png_files_each_name_their_lanes() {
    let dir = tempfile::tempdir().unwrap();
    let timeline = synthetic(240, 30);
    let expected = lane_labels(&timeline);
    let source = Source::from_timeline(timeline, ViewSettings::default());
    let path = dir.path().join("lanes.png");
    let pages =
        export::export_png(&source, &spec(800.0, 480.0, LaneOverflow::Pages), &path).unwrap();
    assert!(pages.len() >= 2, "{} pages", pages.len());
    let mut named = Vec::new();
    for page in &pages {
        let (image, chunks) = read_png(&page.path).unwrap();
        assert_eq!((image.width, image.height), (800, 480));
        let (_, lanes) = chunks.iter().find(|(k, _)| k == "Lanes").unwrap();
        assert!(lanes.starts_with("Lanes "), "{lanes}");
        named.extend(page.lanes.iter().cloned());
    }
    assert_eq!(named, expected);
}

#[test]
fn the_briefing_page_lists_its_key_events_as_text_on_one_page() {
    let dir = tempfile::tempdir().unwrap();
    let source = Source::from_timeline(briefing(), ViewSettings::default());
    let options = export::briefing::BriefingOptions::default();
    let (narrowed, spec) = export::briefing::one_page(&source, &options);
    let mut session = narrowed.session();
    session.fit_all();
    let keys = export::key_events::key_events(&session);
    assert!(!keys.is_empty(), "the fixture has key events");
    let path = dir.path().join("brief.svg");
    let written = export::export_svg(&narrowed, &spec, &path).unwrap();
    assert_eq!(written.len(), 1, "one page");
    assert_eq!((written[0].width, written[0].height), (3500, 2475));
    let svg = read_svg(&path);
    let texts: HashSet<&str> = svg.texts.iter().map(|t| t.trim()).collect();
    assert!(texts.contains("Key events"), "{texts:?}");
    for key in &keys {
        // The headline is also a label on the canvas; the list's line is the one that
        // starts with the date.
        assert!(
            texts
                .iter()
                .any(|t| t.contains(&key.headline) && t.starts_with(&key.date)),
            "{:?} listed with its date {:?} in {texts:?}",
            key.headline,
            key.date
        );
    }
    assert!(
        texts.iter().any(|t| t.starts_with("Briefing · ")),
        "{texts:?}"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Period ") && t.contains("2 sources")),
        "{texts:?}"
    );
}
