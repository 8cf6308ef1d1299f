//! The export dialog and presentation mode, driven through egui_kittest by label on the
//! hand-made briefing (six events, two articles).

use chronolane::export::read_png;
use chronolane::layout::fixture::briefing;
use chronolane::ui::ChronolaneApp;
use chronolane::view::briefing_steps;
use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness(app: ChronolaneApp, size: [f32; 2]) -> Harness<'static, ChronolaneApp> {
    let mut harness = Harness::builder()
        .with_size(size)
        .with_accessibility_check(false)
        .build_ui_state(|ui, app: &mut ChronolaneApp| app.ui(ui), app);
    harness.run();
    harness
}

/// The quotes of the briefing's steps, in the order presentation mode shows them.
fn expected_quotes(app: &ChronolaneApp) -> Vec<String> {
    briefing_steps(&app.session)
        .into_iter()
        .map(|i| {
            app.session.timeline.events[i].sources[0]
                .quote
                .trim()
                .to_string()
        })
        .collect()
}

fn caption_shown(harness: &Harness<'_, ChronolaneApp>, quote: &str) -> bool {
    harness.query_by_label(&format!("“{quote}”")).is_some()
}

#[test]
fn export_dialog_writes_a_png_of_the_chosen_size() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("from-dialog.png");
    let mut harness = harness(ChronolaneApp::with_timeline(briefing()), [1400.0, 860.0]);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    assert!(harness.state().export.open, "Ctrl+E opens the dialog");
    harness.get_by_label("Export image");
    {
        let export = &mut harness.state_mut().export;
        export.fixed_path = Some(path.clone());
        export.width = 900;
        export.height = 500;
        export.density = 1.5;
        export.title = "Talks in Vienna".into();
    }
    harness.run();
    harness.get_by_label("Whole timeline").click();
    harness.get_by_label("Dark").click();
    harness.run();
    harness.get_by_label("Export").click();
    harness.run();
    harness.state_mut().wait_for_export();
    harness.run();
    let (image, text) = read_png(&path).unwrap_or_else(|e| panic!("no PNG written: {e}"));
    assert_eq!((image.width, image.height), (1350, 750));
    assert!(text.contains(&("Title".to_string(), "Talks in Vienna".to_string())));
    let [r, g, b, _] = image.pixel(4, 4).unwrap();
    assert!(
        u32::from(r) + u32::from(g) + u32::from(b) < 180,
        "dark theme chosen"
    );
    assert!(!harness.state().export.open, "the dialog closes on Export");
    assert!(
        harness.query_by_label_contains("1350 × 750 px").is_some(),
        "a toast says so"
    );
}

#[test]
fn export_dialog_offers_svg_and_the_one_page_briefing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("briefing.svg");
    let mut harness = harness(ChronolaneApp::with_timeline(briefing()), [1400.0, 860.0]);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    harness.state_mut().export.fixed_path = Some(path.clone());
    harness.state_mut().export.title = "Morning brief".into();
    harness
        .get_by_label("SVG (vector, text stays text)")
        .click();
    harness
        .get_by_label("One-page briefing (A4 landscape)")
        .click();
    harness.run();
    assert!(
        harness.query_by_label("Width × height").is_none(),
        "the preset chooses the size"
    );
    harness.get_by_label("Export").click();
    harness.run();
    harness.state_mut().wait_for_export();
    harness.run();
    let svg = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("no SVG written: {e}"));
    assert!(svg.contains(r#"width="3500" height="2475""#));
    assert!(svg.contains(">Morning brief</tspan>"));
    assert!(svg.contains(">Key events</tspan>"));
    assert!(
        harness.query_by_label_contains("3500 × 2475 px").is_some(),
        "a toast says so"
    );
}

#[test]
fn presentation_steps_forward_and_back_through_the_briefing_in_time_order() {
    let mut harness = harness(ChronolaneApp::with_timeline(briefing()), [1280.0, 720.0]);
    let quotes = expected_quotes(harness.state());
    assert_eq!(quotes.len(), 6);
    harness.key_press(Key::F5);
    harness.run();
    assert!(harness.state().presentation.active);
    assert!(
        harness.query_by_label("Group by").is_none(),
        "panels are hidden"
    );
    assert!(
        caption_shown(&harness, &quotes[0]),
        "first caption: {}",
        quotes[0]
    );
    harness.get_by_label("1 / 6");

    harness.key_press(Key::ArrowRight);
    harness.run();
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert!(
        caption_shown(&harness, &quotes[2]),
        "third caption: {}",
        quotes[2]
    );
    harness.get_by_label("3 / 6");
    harness.key_press(Key::ArrowLeft);
    harness.run();
    assert!(
        caption_shown(&harness, &quotes[1]),
        "second caption: {}",
        quotes[1]
    );
    assert!(!caption_shown(&harness, &quotes[2]));
    harness.get_by_label("2 / 6");

    // The view glides to the event and ends with it in the middle of the window.
    let app = harness.state();
    let event = &app.session.timeline.events[briefing_steps(&app.session)[1]];
    let (a, b): (f64, f64) = app.session.window.into();
    let x = chronolane::layout::time::x_from_date(event.when.start);
    assert!(a < x && x < b, "event at {x} outside the window {a}..{b}");

    harness.key_press(Key::B);
    harness.run();
    assert!(!caption_shown(&harness, &quotes[1]), "B blanks the screen");
    harness.key_press(Key::B);
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!harness.state().presentation.active, "Esc leaves");
    harness.get_by_label("Group by");
}

#[test]
fn presentation_follows_the_briefing_list_in_the_analysts_order() {
    // Starred in this order: the later event first, as the analyst wants to brief it.
    let mut app = ChronolaneApp::with_timeline(briefing());
    for event in ["e-conference", "e-strikes"] {
        app.session.select_id(event);
        app.session
            .toggle_star_selected()
            .expect("the event is on the timeline");
    }
    app.session.selected = None;
    let mut harness = harness(app, [1280.0, 720.0]);
    harness.key_press(Key::F5);
    harness.run();
    harness.get_by_label("1 / 2");
    assert!(
        harness
            .query_by_label_contains("A larger conference")
            .is_some()
    );
    harness.key_press(Key::ArrowRight);
    harness.run();
    harness.key_press(Key::ArrowRight);
    harness.run();
    harness.get_by_label("2 / 2");
    assert!(
        harness
            .query_by_label_contains("Russian jets began")
            .is_some()
    );
}

#[test]
fn presentation_pages_the_lanes_with_the_arrow_keys() {
    // Thirty actors: more lanes than the screen holds.
    let app = ChronolaneApp::with_timeline(chronolane::layout::fixture::synthetic(60, 30));
    let mut harness = harness(app, [1280.0, 720.0]);
    harness.key_press(Key::F5);
    harness.run();
    harness.run();
    let lanes: Vec<String> = (harness.state().session.lanes.lanes.iter())
        .map(|l| l.label.clone())
        .collect();
    // The header the screen shows, checked to be on it.
    let header = |harness: &Harness<'_, ChronolaneApp>| {
        let page = harness.state().presentation.page_shown.clone();
        let text = page.expect("a page of lanes").header();
        assert!(harness.query_by_label(&text).is_some(), "{text} on screen");
        assert!(
            text.contains(&format!(" of {} · page ", lanes.len())),
            "{text}"
        );
        text
    };
    assert!(
        harness.query_by_label_contains("more lanes").is_some(),
        "the key is hinted"
    );
    // Turn to the first page, then through every page: each lane shows on exactly one.
    for _ in 0..10 {
        harness.key_press(Key::ArrowUp);
        harness.run();
    }
    let mut seen: Vec<String> = Vec::new();
    let mut headers = Vec::new();
    loop {
        harness.run();
        let now = header(&harness);
        if headers.last() == Some(&now) {
            break;
        }
        for lane in &lanes {
            if harness.query_by_label(lane).is_some() {
                seen.push(lane.clone());
            }
        }
        headers.push(now);
        harness.key_press(Key::ArrowDown);
        harness.run();
    }
    assert!(headers.len() > 1, "{headers:?}");
    assert!(headers[0].starts_with("Lanes 1–"), "{headers:?}");
    let mut sorted = seen.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), seen.len(), "a lane on two pages: {seen:?}");
    assert_eq!(seen.len(), lanes.len(), "every lane on a page: {headers:?}");
    // The next step turns to the page holding its event.
    harness.key_press(Key::ArrowRight);
    harness.run();
    harness.run();
    let app = harness.state();
    let event = app.presentation.current_event().expect("an event");
    let shown = app.presentation.page_shown.clone().expect("a page");
    assert!(
        app.session.lanes.lanes[shown.lanes]
            .iter()
            .any(|l| l.entries.iter().any(|e| e.event as usize == event)),
        "the step's event is on the page shown"
    );
}
