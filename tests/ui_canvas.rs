//! The canvas as an analyst reads it (issue 16): headlines beside the marks that never overlap,
//! events of one day stacked so each can be hovered, aggregates that open as a list, and a
//! time axis that compresses long empty stretches into visible breaks and keeps outliers
//! reachable. Driven through egui_kittest on small hand-made timelines.
#![cfg(feature = "gui")]

mod ui_common;

use chronolane::layout::fixture::briefing;
use chronolane::layout::time::x_from_date;
use chronolane::model::{Timeline, When};
use chronolane::ui::ChronolaneApp;
use eframe::egui::{self, Pos2, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use ui_common::harness;

fn day(y: i32, m: u32, d: u32) -> f64 {
    chrono::NaiveDate::from_ymd_opt(y, m, d).map_or(0.0, x_from_date)
}

/// The briefing with `n` more meetings in Vienna on 23 October 2015, each its own event with
/// its own headline, all in the Lavrov and Kerry lanes.
fn busy_day(n: usize) -> Timeline {
    let mut timeline = briefing();
    let vienna = timeline
        .events
        .iter()
        .find(|e| e.id == "e-vienna")
        .cloned()
        .expect("the briefing has the Vienna meeting");
    for i in 0..n {
        let mut event = vienna.clone();
        event.id = format!("e-vienna-{i}");
        event.label = format!("Vienna side meeting number {i} on the transition");
        timeline.events.push(event);
    }
    timeline
}

fn index_of(app: &ChronolaneApp, id: &str) -> usize {
    app.session
        .timeline
        .events
        .iter()
        .position(|e| e.id == id)
        .unwrap_or_else(|| panic!("no event {id}"))
}

/// Every mark drawn for `event` last frame.
fn marks_of(app: &ChronolaneApp, event: usize) -> Vec<Pos2> {
    (app.last_timeline.drawn.iter())
        .filter(|(e, _)| *e == event)
        .map(|(_, p)| *p)
        .collect()
}

fn show_window(harness: &mut Harness<'_, ChronolaneApp>, from: f64, to: f64) {
    harness.state_mut().session.set_window((from, to));
    harness.run();
}

fn click_at(harness: &mut Harness<'_, ChronolaneApp>, pos: Pos2) {
    harness.hover_at(pos);
    harness.run();
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        harness.step();
    }
    harness.run();
}

fn overlaps(a: Rect, b: Rect) -> bool {
    a.intersects(b) && a.intersect(b).area() > 0.5
}

#[test]
fn headlines_are_drawn_and_no_two_overlap() {
    let mut harness = harness(ChronolaneApp::with_timeline(busy_day(6)));
    for (from, to) in [
        (day(2015, 9, 14), day(2015, 11, 3)),
        (day(2015, 10, 20), day(2015, 10, 26)),
        (day(2010, 1, 1), day(2020, 1, 1)),
    ] {
        show_window(&mut harness, from, to);
        let app = harness.state();
        let labels = &app.last_timeline.labels;
        let plot = app.last_timeline.plot_rect;
        for (i, (_, a)) in labels.iter().enumerate() {
            assert!(plot.contains_rect(*a), "{a:?} leaves the plot {plot:?}");
            for (_, b) in &labels[i + 1..] {
                assert!(!overlaps(*a, *b), "labels {a:?} and {b:?} overlap");
            }
            // Nor does a label cover a mark.
            for (_, mark) in &app.last_timeline.drawn {
                assert!(
                    !a.shrink(1.0).contains(*mark),
                    "{a:?} covers a mark at {mark:?}"
                );
            }
        }
    }
    // In a month's view the story's headlines are there to read.
    show_window(&mut harness, day(2015, 9, 14), day(2015, 11, 3));
    let app = harness.state();
    let texts: Vec<&str> = (app.last_timeline.labels.iter())
        .map(|(e, _)| app.session.timeline.events[*e].label.as_str())
        .collect();
    assert!(texts.contains(&"Assad meets Putin in Moscow"), "{texts:?}");
    assert!(app.last_timeline.labels.len() >= 6, "{texts:?}");
}

#[test]
fn hovering_or_clicking_a_headline_is_hovering_or_clicking_its_event() {
    let mut harness = harness(ChronolaneApp::with_timeline(briefing()));
    show_window(&mut harness, day(2015, 9, 14), day(2015, 11, 3));
    let announce = index_of(harness.state(), "e-announce");
    let rect = (harness.state().last_timeline.labels.iter())
        .find(|(e, _)| *e == announce)
        .map(|(_, r)| *r)
        .expect("the announcement is labelled");
    harness.hover_at(rect.center());
    harness.run();
    assert_eq!(harness.state().session.hovered, Some(announce));
    assert!(
        harness
            .query_by_label_contains("once Assad was back in Damascus")
            .is_some(),
        "the tooltip quotes the source"
    );
    click_at(&mut harness, rect.center());
    assert_eq!(harness.state().session.selected, Some(announce));
}

#[test]
fn events_of_one_day_stack_and_each_is_hovered_on_its_own() {
    let mut harness = harness(ChronolaneApp::with_timeline(busy_day(5)));
    show_window(&mut harness, day(2015, 10, 22), day(2015, 10, 25));
    let app = harness.state();
    let ids: Vec<String> = std::iter::once("e-vienna".to_string())
        .chain((0..5).map(|i| format!("e-vienna-{i}")))
        .collect();
    let events: Vec<usize> = ids.iter().map(|id| index_of(app, id)).collect();
    // One mark per event per lane (Lavrov's and Kerry's), no count badge.
    let positions: Vec<Pos2> = events
        .iter()
        .map(|&e| {
            let marks = marks_of(app, e);
            assert_eq!(marks.len(), 2, "event {e} drawn in both lanes: {marks:?}");
            marks[0]
        })
        .collect();
    let mut ys: Vec<f32> = positions.iter().map(|p| p.y).collect();
    ys.sort_by(f32::total_cmp);
    assert!(
        ys.windows(2).all(|w| w[1] - w[0] >= 12.0),
        "same-day marks sit in rows of their own: {ys:?}"
    );
    for (&event, &pos) in events.iter().zip(&positions) {
        harness.hover_at(pos);
        harness.run();
        assert_eq!(harness.state().session.hovered, Some(event), "at {pos:?}");
    }
}

#[test]
fn a_day_too_deep_to_stack_opens_as_a_labelled_list() {
    // Far more meetings on one day than the plot has rows for.
    let mut harness = harness(ChronolaneApp::with_timeline(busy_day(60)));
    show_window(&mut harness, day(2015, 10, 22), day(2015, 10, 25));
    let app = harness.state();
    let vienna = index_of(app, "e-vienna");
    assert!(
        marks_of(app, vienna).is_empty(),
        "the deep day aggregates: {:?}",
        app.last_timeline.drawn
    );
    // The aggregate sits where the day is, in Kerry's lane; click it.
    let plot = app.last_timeline.plot_rect;
    let x =
        plot.left() + plot.width() * ((day(2015, 10, 23) + 0.5 - day(2015, 10, 22)) / 3.0) as f32;
    let lane = harness
        .query_all_by_label("John Kerry")
        .map(|n| n.rect())
        .find(|r| r.right() <= plot.left() + 1.0 && r.left() > plot.left() - 200.0)
        .expect("Kerry's lane");
    click_at(&mut harness, egui::pos2(x, lane.center().y));
    assert!(
        harness.query_by_label_contains("61 events").is_some(),
        "the list says how many"
    );
    let row = harness
        .query_by_label_contains("Vienna side meeting number 7 on the transition")
        .expect("each event listed by its headline");
    let rect = row.rect();
    harness.hover_at(rect.center());
    harness.run();
    let seventh = index_of(harness.state(), "e-vienna-7");
    assert_eq!(harness.state().session.hovered, Some(seventh));
    click_at(&mut harness, rect.center());
    assert_eq!(harness.state().session.selected, Some(seventh));
}

/// The briefing with one event moved to `when`, far from the October 2015 story.
fn with_prologue(when: When) -> Timeline {
    let mut timeline = briefing();
    if let Some(event) = timeline.events.iter_mut().find(|e| e.id == "e-strikes") {
        event.when = when;
    }
    timeline
}

#[test]
fn an_awkward_timeline_still_draws_labels_without_overlap() {
    let timeline = with_prologue(When::day(
        chrono::NaiveDate::from_ymd_opt(2014, 9, 15).expect("a date"),
    ));
    let mut harness = harness(ChronolaneApp::with_timeline(timeline));
    harness.state_mut().session.fit_all();
    harness.run();
    harness.run();
    let labels = harness.state().last_timeline.labels.clone();
    for (i, (_, a)) in labels.iter().enumerate() {
        for (_, b) in &labels[i + 1..] {
            assert!(!overlaps(*a, *b));
        }
    }
}

#[test]
fn a_long_empty_stretch_is_drawn_as_a_break_and_the_story_keeps_the_width() {
    let timeline = with_prologue(When::day(
        chrono::NaiveDate::from_ymd_opt(2013, 3, 15).expect("a date"),
    ));
    let mut harness = harness(ChronolaneApp::with_timeline(timeline));
    // Every event in view, the prologue of March 2013 included.
    let (a, b) = harness.state().session.lanes.extent.expect("events");
    harness
        .state_mut()
        .session
        .set_window(chronolane::view::TimeWindow::fit(a, b));
    harness.run();
    harness.run();
    let app = harness.state();
    let response = &app.last_timeline;
    assert_eq!(response.breaks.len(), 1, "{:?}", response.breaks);
    let (band, caption) = &response.breaks[0];
    assert!(caption.contains("skipped"), "{caption}");
    assert!(
        caption.contains("years") || caption.contains("months"),
        "{caption}"
    );
    // The prologue is drawn left of the break, the story right of it.
    let prologue = index_of(app, "e-strikes");
    let vienna = index_of(app, "e-vienna");
    let before = marks_of(app, prologue);
    let story = marks_of(app, vienna);
    assert!(!before.is_empty() && !story.is_empty());
    assert!(before[0].x < band.left() && story[0].x > band.right());
    // Two and a half years of nothing take a narrow band, not the plot.
    let plot = response.plot_rect;
    assert!(band.width() < plot.width() * 0.2, "{band:?} of {plot:?}");
}

#[test]
fn an_outlier_outside_the_window_is_counted_at_the_edge_and_one_click_away() {
    let timeline = with_prologue(When::day(
        chrono::NaiveDate::from_ymd_opt(2013, 3, 15).expect("a date"),
    ));
    let mut harness = harness(ChronolaneApp::with_timeline(timeline));
    show_window(&mut harness, day(2015, 9, 10), day(2015, 11, 5));
    let app = harness.state();
    let prologue = index_of(app, "e-strikes");
    assert!(marks_of(app, prologue).is_empty(), "not in this window");
    let (tab, count) = (app.last_timeline.outlier_tabs.iter())
        .find(|(rect, _)| rect.left() <= app.last_timeline.plot_rect.left() + 1.0)
        .copied()
        .expect("a tab on the left edge");
    assert_eq!(count, 1);
    click_at(&mut harness, tab.center());
    harness.run();
    let app = harness.state();
    assert!(
        !marks_of(app, prologue).is_empty(),
        "the outlier is in view after the click"
    );
    assert!(
        !marks_of(app, index_of(app, "e-vienna")).is_empty(),
        "and the story still is"
    );
}

#[test]
fn the_legend_row_of_an_export_fits_a_narrow_page() {
    // A 1280-point page less its margins.
    let width = 1220.0;
    let mut harness = Harness::builder()
        .with_size([width, 60.0])
        .build_ui(chronolane::draw::legend::legend_row);
    harness.run();
    let last = harness.get_by_label("Graded report (e.g. B2)");
    assert!(
        last.rect().right() <= width,
        "the last legend item ends at {}",
        last.rect().right()
    );
}
