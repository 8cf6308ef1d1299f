//! CPU cost of building one frame of the timeline widget, headless (no window, no GPU):
//! `egui::Context::run_ui` with the widget and the overview strip, on synthetic timelines of
//! 100,000 and 1,000,000 events in 20 lanes. Two windows: the whole timeline (every event in
//! view, so dense lanes aggregate) and one month (individual marks).
//!
//! The labelled cases give every event a headline of real length (about 60 characters, the
//! length of an extracted one) and show one month or one week of the 100,000-event timeline,
//! so the label placement (measuring, cutting at a word, collision tests) is in the frame.
//!
//! Also times `layout::build` (run once per timeline or settings change, not per frame).
//!
//! Run: `cargo bench --bench frame`. Prints the process's peak memory at the end.

use criterion::{Criterion, criterion_group, criterion_main};
use eframe::egui::{self, RawInput, Rect, pos2, vec2};

use chronolane::layout::ViewSettings;
use chronolane::layout::fixture::synthetic;
use chronolane::layout::time::x_from_date;
use chronolane::ui::{Session, overview, timeline_ui};

/// The program's allocator (see `src/main.rs`), so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn input() -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(1400.0, 860.0))),
        ..Default::default()
    }
}

fn frame(ctx: &egui::Context, session: &mut Session) -> egui::FullOutput {
    ctx.run_ui(input(), |ui| {
        egui::CentralPanel::default().show(ui, |ui| {
            let response = timeline_ui(ui, session, 760.0);
            overview::overview_ui(ui, session, response.plot_rect.x_range());
        });
    })
}

fn bench_frames(c: &mut Criterion) {
    for events in [100_000usize, 1_000_000] {
        let timeline = synthetic(events, 20);
        // What a settings change (grouping, filter keystroke) costs: rebuilding the lanes.
        let mut group = c.benchmark_group("lanes");
        group.sample_size(10);
        group.bench_function(format!("build/{events}"), |b| {
            b.iter(|| chronolane::layout::build(&timeline, &ViewSettings::default()));
        });
        group.finish();
        let mut session = Session::new(timeline, ViewSettings::default());
        let ctx = egui::Context::default();
        // Warm up fonts and the plot's memory.
        for _ in 0..3 {
            session.fit_all();
            let _ = frame(&ctx, &mut session);
        }
        let whole = session.window;
        c.bench_function(&format!("frame/{events}/whole"), |b| {
            b.iter(|| {
                session.window_request = Some(whole);
                frame(&ctx, &mut session)
            });
        });
        let month = chrono::NaiveDate::from_ymd_opt(2015, 10, 1).map_or(0.0, x_from_date);
        c.bench_function(&format!("frame/{events}/month"), |b| {
            b.iter(|| {
                session.window_request = Some((month, month + 31.0).into());
                frame(&ctx, &mut session)
            });
        });
        c.bench_function(&format!("frame/{events}/whole+tessellate"), |b| {
            b.iter(|| {
                session.window_request = Some(whole);
                let output = frame(&ctx, &mut session);
                ctx.tessellate(output.shapes, output.pixels_per_point)
            });
        });
    }
    if let Ok(status) = std::fs::read_to_string("/proc/self/status") {
        for line in status
            .lines()
            .filter(|l| l.starts_with("VmHWM") || l.starts_with("VmRSS"))
        {
            eprintln!("memory: {line}");
        }
    }
}

/// Headline-length labels for every event, varied so the cuts differ.
fn with_headlines(mut timeline: chronolane::model::Timeline) -> chronolane::model::Timeline {
    const WHO: [&str; 5] = [
        "Foreign minister",
        "Rebel commander",
        "Envoy",
        "President",
        "Ministry",
    ];
    const WHAT: [&str; 4] = [
        "meets counterparts in Vienna over the ceasefire talks",
        "accuses Western media of information aggression",
        "announces new air strikes near the northern border",
        "says talks on the transition will resume next week",
    ];
    for (i, event) in timeline.events.iter_mut().enumerate() {
        event.label = format!("{} {i} {}", WHO[i % WHO.len()], WHAT[i % WHAT.len()]);
    }
    timeline
}

fn bench_labelled(c: &mut Criterion) {
    let timeline = with_headlines(synthetic(100_000, 20));
    let mut session = Session::new(timeline, ViewSettings::default());
    let ctx = egui::Context::default();
    let month = chrono::NaiveDate::from_ymd_opt(2015, 10, 1).map_or(0.0, x_from_date);
    for (name, days) in [("month", 31.0), ("week", 7.0)] {
        let window = (month, month + days);
        let mut labels = 0;
        for _ in 0..3 {
            session.window_request = Some(window.into());
            let _ = ctx.run_ui(input(), |ui| {
                egui::CentralPanel::default().show(ui, |ui| {
                    labels = timeline_ui(ui, &mut session, 760.0).labels.len();
                });
            });
        }
        eprintln!("frame/100000/{name}+headlines: {labels} labels drawn");
        c.bench_function(&format!("frame/100000/{name}+headlines"), |b| {
            b.iter(|| {
                session.window_request = Some(window.into());
                frame(&ctx, &mut session)
            });
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = bench_frames, bench_labelled
}
criterion_main!(benches);
