//! Presentation mode: the timeline full screen in large, high-contrast type, stepping through
//! the briefing one event at a time with its quote and source as a caption. The same view is
//! rendered off screen for the numbered slides (`export::slides`).

use eframe::egui::{self, Color32, Key, RichText, Visuals};

use super::app::ChronolaneApp;
use super::state::Session;
use super::timeline::timeline_ui;
use super::tooltip::{actor_names, date_line, source_line};

/// How long the view glides from one event to the next.
pub const GLIDE_SECONDS: f64 = 0.3;
/// Text grows by this much while presenting, so the back of the room can read it.
const TYPE_SCALE: f32 = 1.45;
/// The window around a single event: never narrower than this many days...
const MIN_SPAN_DAYS: f64 = 21.0;
/// ...nor wider than this (unless the event itself is longer)...
const MAX_SPAN_DAYS: f64 = 183.0;
/// ...and wide enough that the nearer neighbour sits this far inside the half-window.
const NEIGHBOUR_MARGIN: f64 = 1.4;

/// The state of a presentation; plain data, changed through the methods below so stepping is
/// testable without drawing.
#[derive(Clone, Debug, Default)]
pub struct Presentation {
    pub active: bool,
    /// Event indices (into `timeline.events`) in the order they are presented.
    pub steps: Vec<usize>,
    /// Index into `steps`.
    pub current: usize,
    /// B blanks the screen (the presenter wants the room's attention).
    pub blank: bool,
    /// The key reminder under the caption (on screen, not on slides).
    pub show_hints: bool,
    glide: Option<Glide>,
    /// The view, selection and lane scroll before presenting, restored on leaving.
    before: Option<((f64, f64), Option<usize>, usize)>,
}

#[derive(Clone, Copy, Debug)]
struct Glide {
    from: (f64, f64),
    to: (f64, f64),
    /// Set on the first frame drawn, from egui's clock.
    started: Option<f64>,
}

impl Presentation {
    /// Starts presenting `session`'s briefing from its first step.
    pub fn start(&mut self, session: &mut Session) {
        self.before = Some((session.window, session.selected, session.lane_scroll));
        self.steps = briefing_steps(session);
        self.active = true;
        self.blank = false;
        self.show_hints = true;
        self.current = 0;
        self.focus(session, true);
    }

    /// A presentation standing still at `step` (slides: no glide, no restore).
    pub fn at_step(session: &mut Session, step: usize) -> Self {
        let mut p = Self {
            steps: briefing_steps(session),
            active: true,
            ..Default::default()
        };
        p.current = step.min(p.steps.len().saturating_sub(1));
        p.focus(session, false);
        p
    }

    /// Leaves presentation mode, restoring the view the analyst had.
    pub fn stop(&mut self, session: &mut Session) {
        self.active = false;
        self.blank = false;
        self.glide = None;
        if let Some((window, selected, lane_scroll)) = self.before.take() {
            session.set_window(window);
            session.selected = selected;
            session.lane_scroll = lane_scroll;
        }
    }

    /// The next event (→); stays on the last.
    pub fn next(&mut self, session: &mut Session) {
        if self.current + 1 < self.steps.len() {
            self.current += 1;
            self.focus(session, true);
        }
    }

    /// The previous event (←); stays on the first.
    pub fn previous(&mut self, session: &mut Session) {
        if self.current > 0 {
            self.current -= 1;
            self.focus(session, true);
        }
    }

    /// The event on screen, as an index into `timeline.events`.
    pub fn current_event(&self) -> Option<usize> {
        self.steps.get(self.current).copied()
    }

    /// Handles the presenter's keys; call once per frame while active.
    pub fn handle_keys(&mut self, ctx: &egui::Context, session: &mut Session) {
        let pressed = |key| ctx.input(|i| i.key_pressed(key));
        if pressed(Key::ArrowRight) || pressed(Key::PageDown) || pressed(Key::Space) {
            self.next(session);
        }
        if pressed(Key::ArrowLeft) || pressed(Key::PageUp) {
            self.previous(session);
        }
        if pressed(Key::B) {
            self.blank = !self.blank;
        }
        if pressed(Key::Escape) {
            self.stop(session);
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
        }
    }

    /// Selects the current event and moves the view to it (gliding when `animate`).
    fn focus(&mut self, session: &mut Session, animate: bool) {
        let Some(event) = self.current_event() else {
            return;
        };
        session.selected = Some(event);
        // Scroll the lanes so the event's first lane shows, with a little context above.
        let lane = session
            .lanes
            .lanes
            .iter()
            .position(|l| l.entries.iter().any(|e| e.event as usize == event));
        if let Some(lane) = lane {
            session.lane_scroll = lane.saturating_sub(2);
        }
        let target = step_window(session, &self.steps, self.current);
        if animate {
            self.glide = Some(Glide {
                from: session.window,
                to: target,
                started: None,
            });
        } else {
            self.glide = None;
            session.set_window(target);
        }
    }

    /// Moves the view along the glide; true while it is still moving.
    fn advance_glide(&mut self, now: f64, session: &mut Session) -> bool {
        let Some(glide) = &mut self.glide else {
            return false;
        };
        let started = *glide.started.get_or_insert(now);
        let t = ((now - started) / GLIDE_SECONDS).clamp(0.0, 1.0);
        let eased = t * t * (3.0 - 2.0 * t);
        let lerp = |a: f64, b: f64| a + (b - a) * eased;
        session.set_window((
            lerp(glide.from.0, glide.to.0),
            lerp(glide.from.1, glide.to.1),
        ));
        if t >= 1.0 {
            self.glide = None;
        }
        self.glide.is_some()
    }
}

impl ChronolaneApp {
    /// F5 or View ▸ Present: full screen, panels hidden, the first step of the briefing.
    pub fn start_presentation(&mut self, ctx: &egui::Context) {
        self.presentation.start(&mut self.session);
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
    }
}

/// The events a briefing steps through: the analyst's briefing list (starred events, in the
/// order they put them) where those are still on the timeline, otherwise every visible event
/// in time order.
pub fn briefing_steps(session: &Session) -> Vec<usize> {
    let mut visible: Vec<(f64, usize)> = session
        .lanes
        .lanes
        .iter()
        .flat_map(|lane| lane.entries.iter())
        .map(|entry| (entry.start, entry.event as usize))
        .collect();
    visible.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    visible.dedup_by_key(|(_, event)| *event);
    let shown: std::collections::HashSet<usize> = visible.iter().map(|(_, e)| *e).collect();
    let events = &session.timeline.events;
    let starred: Vec<usize> = session
        .project
        .annotations()
        .starred
        .iter()
        .filter_map(|id| events.iter().position(|e| &e.id == id))
        .filter(|i| shown.contains(i))
        .collect();
    if starred.is_empty() {
        visible.into_iter().map(|(_, e)| e).collect()
    } else {
        starred
    }
}

/// The visible window for step `current` of `steps`: centred on its event, wide enough to
/// show the nearer of its neighbours in the briefing (an outlier years away does not zoom
/// every step out), at least three weeks and at most half a year unless the event is longer.
pub fn step_window(session: &Session, steps: &[usize], current: usize) -> (f64, f64) {
    let span_of = |step: usize| {
        let event = session.timeline.events.get(*steps.get(step)?)?;
        Some(crate::layout::time::span_of(
            event.when.start,
            event.when.end,
        ))
    };
    let Some((a, b)) = span_of(current) else {
        return session.window;
    };
    // Neighbours are compared by their start, the order the briefing follows.
    let nearest = [current.checked_sub(1), Some(current + 1)]
        .into_iter()
        .flatten()
        .filter_map(span_of)
        .map(|(start, _)| (start - a).abs())
        .filter(|d| *d > 0.0)
        .reduce(f64::min)
        .unwrap_or(0.0);
    let span = (nearest * 2.0 * NEIGHBOUR_MARGIN)
        .clamp(MIN_SPAN_DAYS, MAX_SPAN_DAYS)
        .max((b - a) * 1.6);
    let mid = (a + b) / 2.0;
    (mid - span / 2.0, mid + span / 2.0)
}

/// High-contrast visuals for projectors: pure black or white behind, full-strength text.
pub fn high_contrast(dark: bool) -> Visuals {
    let (mut v, bg, fg) = if dark {
        (Visuals::dark(), Color32::BLACK, Color32::WHITE)
    } else {
        (Visuals::light(), Color32::WHITE, Color32::BLACK)
    };
    v.panel_fill = bg;
    v.window_fill = bg;
    v.extreme_bg_color = bg;
    v.faint_bg_color = bg;
    v.override_text_color = Some(fg);
    v.widgets.noninteractive.fg_stroke.color = fg;
    v.widgets.noninteractive.bg_stroke.color = fg.gamma_multiply(0.45);
    v
}

/// The presentation: the timeline above, the caption below, or a black screen when blanked.
/// Call with the whole window's `Ui`.
pub fn present_ui(ui: &mut egui::Ui, session: &mut Session, presentation: &mut Presentation) {
    let now = ui.input(|i| i.time);
    if presentation.advance_glide(now, session) {
        ui.ctx().request_repaint();
    }
    let rect = ui.max_rect();
    if presentation.blank {
        ui.painter().rect_filled(rect, 0.0, Color32::BLACK);
        return;
    }
    ui.scope(|ui| {
        let style = ui.style_mut();
        style.visuals = high_contrast(true);
        for font in style.text_styles.values_mut() {
            font.size *= TYPE_SCALE;
        }
        ui.painter().rect_filled(rect, 0.0, ui.visuals().panel_fill);
        let frame = egui::Frame::NONE
            .fill(ui.visuals().panel_fill)
            .inner_margin(egui::Margin::symmetric(28, 16));
        egui::Panel::bottom("present_caption")
            .resizable(false)
            .show_separator_line(false)
            .frame(frame)
            .show(ui, |ui| caption_ui(ui, session, presentation));
        egui::CentralPanel::default().frame(frame).show(ui, |ui| {
            let height = ui.available_height();
            timeline_ui(ui, session, height);
        });
    });
}

/// The current event in large type: where it is in the briefing, when, who, the quote, and
/// the article it came from.
fn caption_ui(ui: &mut egui::Ui, session: &Session, presentation: &Presentation) {
    let total = presentation.steps.len();
    let Some(event) = presentation
        .current_event()
        .and_then(|i| session.timeline.events.get(i))
    else {
        ui.label(RichText::new("Nothing to present: no events are visible.").size(26.0));
        return;
    };
    let timeline = &session.timeline;
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(format!("{} / {total}", presentation.current + 1))
                .size(20.0)
                .strong(),
        );
        ui.add_space(14.0);
        ui.label(
            RichText::new(format!(
                "{} · {}",
                date_line(&event.when),
                actor_names(timeline, event)
            ))
            .size(20.0),
        );
    });
    ui.add_space(6.0);
    let quote = event
        .sources
        .first()
        .map_or(event.label.as_str(), |s| s.quote.as_str());
    ui.add(egui::Label::new(RichText::new(format!("“{}”", quote.trim())).size(30.0)).wrap());
    ui.add_space(6.0);
    if let Some(source) = event.sources.first() {
        let mut line = format!("— {}", source_line(timeline, source));
        if event.sources.len() > 1 {
            line.push_str(&format!(" · and {} more", event.sources.len() - 1));
        }
        ui.label(RichText::new(line).size(19.0).weak());
    }
    if presentation.show_hints {
        ui.add_space(4.0);
        ui.label(
            RichText::new("Right arrow: next · Left arrow: back · B: blank screen · Esc: leave")
                .size(13.0)
                .weak(),
        );
    }
}
