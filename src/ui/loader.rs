//! Loading off the UI thread: ingest and extract run on a worker thread and report progress
//! over a channel, so the window stays responsive and a bad file never blocks the others.
//!
//! A large corpus is extracted in two batches: the timeline of about [`FIRST_BATCH`] articles
//! taken evenly across it is shown as soon as they are done (thousands of articles take seconds
//! even on every core), and the whole one replaces it when the rest are. Each timeline reaches
//! the window as a [`Session`] already laid out on the worker, so taking it costs a frame
//! nothing. Files are read in parallel and the progress bar counts files read and articles
//! extracted.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::sync::{Mutex, PoisonError};
use std::time::Instant;

use super::load_timing::{self, FrameClock};
use crate::extract;
use crate::ingest::{self, LoadOptions, Loaded};
use crate::layout::ViewSettings;
use crate::model::{Article, Timeline};
use crate::view::Session;

/// Articles extracted before a first timeline is shown, when a load has more than twice as
/// many: about half a second of work on two cores. They are taken evenly across the load (every
/// k-th article), so the first timeline already spans the corpus's period and its main actors
/// rather than the first topic of a file sorted by topic.
pub const FIRST_BATCH: usize = 300;

pub use super::load_timing::TIMING_VAR;

/// What to load.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// The briefing bundled with the app.
    Sample,
    /// Files and folders the analyst chose.
    Paths(Vec<PathBuf>),
}

/// A file that could not be read.
#[derive(Clone, Debug, PartialEq)]
pub struct FileError {
    /// The file's name, for the notification's title.
    pub file: String,
    pub reason: String,
}

/// What a load gave.
pub struct LoadResult {
    pub source: Source,
    /// The timeline, already made into a session on the worker.
    pub prepared: Prepared,
    pub errors: Vec<FileError>,
    /// Files read only in part (a bad field left out), one line each naming the file.
    pub warnings: Vec<String>,
}

/// A loaded timeline made into a [`Session`] on the worker thread: for a hundred thousand
/// events the project, the visible copy and the lanes take a good part of a second, which on
/// the UI thread would be a frozen window just as the timeline arrives.
pub struct Prepared {
    session: Box<Session>,
    /// The settings the session was built with (before it cleared the stars and key events
    /// that belong to another timeline).
    settings: ViewSettings,
}

impl Prepared {
    /// Builds the session of a freshly extracted `timeline` shown with `settings`.
    pub fn new(timeline: Timeline, settings: ViewSettings) -> Self {
        Self {
            session: Box::new(Session::new(timeline, settings.clone())),
            settings,
        }
    }

    /// The timeline as extracted.
    pub fn timeline(&self) -> &Timeline {
        self.session.project.base()
    }

    /// The session to show with `settings`: the one built on the worker when the analyst has
    /// not changed the settings since the load started, else one laid out again.
    pub fn into_session(self, settings: ViewSettings) -> Session {
        if same_lanes(&settings, &self.settings) {
            *self.session
        } else {
            Session::from_project(self.session.project, settings)
        }
    }

    /// The timeline as extracted, for a project that replays its edits on it.
    pub fn into_timeline(self) -> Timeline {
        self.session.project.base().clone()
    }
}

/// Whether a session built with `a` is the one built with `b`. The stars and the key events are
/// left out: a new session takes its stars from its project and works its key events out anew
/// (the first timeline's are not the whole one's).
fn same_lanes(a: &ViewSettings, b: &ViewSettings) -> bool {
    let bare = |s: &ViewSettings| ViewSettings {
        starred: Default::default(),
        key_events: Default::default(),
        ..s.clone()
    };
    bare(a) == bare(b)
}

/// What the worker tells whoever waits for the load.
pub enum Update {
    /// How far it got (0..1) and what it is doing.
    Progress { fraction: f32, stage: String },
    /// The timeline of the first articles, to show while the rest are extracted.
    Partial(Box<Prepared>),
}

enum Message {
    Update(Update),
    Finished(Result<Box<LoadResult>, String>),
}

/// A load in progress.
pub struct LoadJob {
    source: Source,
    receiver: Receiver<Message>,
    /// 0..1.
    pub fraction: f32,
    /// What the worker is doing, for the status bar.
    pub stage: String,
    /// The first articles' timeline, until the app takes it.
    partial: Option<Prepared>,
    /// Where the window was when the partial timeline was shown (to tell whether the analyst
    /// has moved it since).
    pub shown_window: Option<crate::view::TimeWindow>,
    started: Instant,
    /// Frames drawn since the load started, for the [`TIMING_VAR`] report.
    frames: FrameClock,
}

impl LoadJob {
    /// Starts loading `source` on a worker thread, to be shown with `settings`; `repaint` is
    /// called whenever there is news.
    pub fn spawn(
        source: Source,
        options: LoadOptions,
        settings: ViewSettings,
        repaint: impl Fn() + Send + Sync + 'static,
    ) -> Self {
        let (sender, receiver) = channel();
        let source_copy = source.clone();
        let spawned = std::thread::Builder::new()
            .name("chronolane-load".into())
            .spawn(move || {
                let progress_sender = sender.clone();
                let progress_repaint = &repaint;
                let outcome = catch_unwind(AssertUnwindSafe(|| {
                    let run = || {
                        load(&source, &options, &settings, FIRST_BATCH, &|update| {
                            // progress is drawn by the status bar's own repaints; a new
                            // timeline is worth waking the window for
                            let wake = matches!(update, Update::Partial(_));
                            let _ = progress_sender.send(Message::Update(update));
                            if wake {
                                progress_repaint();
                            }
                        })
                    };
                    // The window lays out lanes with rayon on the global pool: extracting there
                    // would queue the first timeline's frame behind every remaining article.
                    match rayon::ThreadPoolBuilder::new()
                        .thread_name(|i| format!("chronolane-extract-{i}"))
                        .build()
                    {
                        Ok(pool) => pool.install(run),
                        Err(_) => run(),
                    }
                }));
                let message = match outcome {
                    Ok(result) => Message::Finished(Ok(Box::new(result))),
                    Err(panic) => Message::Finished(Err(panic_text(panic.as_ref()))),
                };
                let _ = sender.send(message);
                repaint();
            });
        if let Err(error) = spawned {
            let (sender, receiver) = channel();
            let _ = sender.send(Message::Finished(Err(format!(
                "could not start loading: {error}"
            ))));
            return Self::new(source_copy, receiver, String::new());
        }
        Self::new(source_copy, receiver, "Starting…".into())
    }

    fn new(source: Source, receiver: Receiver<Message>, stage: String) -> Self {
        Self {
            source,
            receiver,
            fraction: 0.0,
            stage,
            partial: None,
            shown_window: None,
            started: Instant::now(),
            frames: FrameClock::default(),
        }
    }

    fn note(&mut self, update: Update) {
        match update {
            Update::Progress { fraction, stage } => {
                self.fraction = fraction;
                self.stage = stage;
            }
            Update::Partial(timeline) => self.partial = Some(*timeline),
        }
    }

    /// How often the window should redraw to move the progress bar: every second while the
    /// load shows only its progress, every two once a timeline is drawn behind it. Without a
    /// graphics card (Xvfb, llvmpipe) a frame of thousands of events costs about a fifth of a
    /// second of CPU, taken from the extraction the analyst is waiting for.
    pub fn repaint_interval(&self) -> std::time::Duration {
        std::time::Duration::from_secs(if self.shown_window.is_some() { 2 } else { 1 })
    }

    /// What is being loaded.
    pub fn source(&self) -> &Source {
        &self.source
    }

    /// The first articles' timeline, once, when the worker has sent it (call after [`poll`]).
    ///
    /// [`poll`]: Self::poll
    pub fn take_partial(&mut self) -> Option<Prepared> {
        self.partial.take()
    }

    /// With [`TIMING_VAR`] set, prints how long the load has taken until `what` (a timeline
    /// about to be drawn).
    pub fn log_timing(&self, what: &str, timeline: &Timeline) {
        if load_timing::enabled() {
            let what = format!(
                "{what} on screen ({} articles, {} events)",
                timeline.articles.len(),
                timeline.events.len()
            );
            load_timing::log(self.started, &what, Some(&self.frames));
        }
    }

    /// The result once the worker is done; updates the progress meanwhile.
    pub fn poll(&mut self) -> Option<Result<LoadResult, String>> {
        self.frames.tick();
        loop {
            match self.receiver.try_recv() {
                Ok(Message::Update(update)) => self.note(update),
                Ok(Message::Finished(result)) => return Some(result.map(|b| *b)),
                Err(TryRecvError::Empty) => return None,
                Err(TryRecvError::Disconnected) => {
                    return Some(Err("the loader stopped unexpectedly".into()));
                }
            }
        }
    }

    /// Blocks until the worker is done (tests and the screenshot tool).
    pub fn wait(mut self) -> Result<LoadResult, String> {
        loop {
            match self.receiver.recv() {
                Ok(Message::Update(update)) => self.note(update),
                Ok(Message::Finished(result)) => return result.map(|b| *b),
                Err(_) => return Err("the loader stopped unexpectedly".into()),
            }
        }
    }
}

/// Loads `source` on the calling thread for showing with `settings`, reporting progress and,
/// when there are more than twice `first_batch` articles, the timeline of about `first_batch`
/// of them taken evenly across the load. The result is the same as extracting every article
/// at once.
pub fn load(
    source: &Source,
    options: &LoadOptions,
    settings: &ViewSettings,
    first_batch: usize,
    report: &(dyn Fn(Update) + Sync),
) -> LoadResult {
    let forward = ForwardOnly::new(report);
    let progress = |fraction: f32, stage: String| forward.progress(fraction, stage);
    let started = Instant::now();
    let phase = |what: &str| load_timing::log(started, what, None);
    phase("loading started");
    // the recognisers and the gazetteer's automaton take half a second to build: do it while
    // the files are read rather than on the first article
    rayon::spawn(extract::warm_up);
    let mut errors = Vec::new();
    let loaded = match source {
        Source::Sample => {
            progress(0.1, "Reading the sample briefing…".into());
            let (sample, failures) = ingest::bundled_samples();
            errors.extend(failures.iter().map(file_error));
            sample
        }
        Source::Paths(paths) => {
            progress(0.0, "Reading files…".into());
            let (loaded, failures) =
                ingest::load_paths_with_progress(paths, options, &|read, total| {
                    progress(
                        0.2 * read as f32 / total.max(1) as f32,
                        format!("Reading files: {read} of {total}"),
                    );
                });
            errors.extend(failures.iter().map(file_error));
            loaded
        }
    };
    phase("read");
    let total = loaded.articles.len();
    let done = AtomicUsize::new(0);
    // about a hundred progress messages whatever the size
    let step = (total / 100).max(1);
    let article_done = || {
        let n = done.fetch_add(1, Ordering::Relaxed) + 1;
        if n.is_multiple_of(step) || n == total {
            progress(
                0.2 + 0.7 * n as f32 / total as f32,
                format!("Finding events: {n} of {total} articles"),
            );
        }
    };
    let per_article = if total > 2 * first_batch {
        let (early, rest) = spread_batch(total, first_batch);
        let early_articles: Vec<&Article> = early.iter().map(|&i| &loaded.articles[i]).collect();
        let early_found = extract::extract_articles(&early_articles, &article_done);
        phase("first articles extracted");
        let shown = Loaded {
            articles: early_articles.into_iter().cloned().collect(),
            ..Loaded::default()
        };
        let partial = extract::assemble(&shown, early_found.clone());
        report(Update::Partial(Box::new(Prepared::new(
            partial,
            settings.clone(),
        ))));
        phase("first timeline prepared");
        let rest_articles: Vec<&Article> = rest.iter().map(|&i| &loaded.articles[i]).collect();
        let rest_found = extract::extract_articles(&rest_articles, &article_done);
        phase("all articles extracted");
        in_load_order(
            total,
            early
                .iter()
                .copied()
                .zip(early_found)
                .chain(rest.iter().copied().zip(rest_found)),
        )
    } else {
        extract::extract_articles(&loaded.articles, &article_done)
    };
    progress(0.9, format!("Merging what {total} articles report…"));
    let timeline = extract::assemble(&loaded, per_article);
    phase("whole timeline assembled");
    progress(0.95, "Laying out the lanes…".into());
    let prepared = Prepared::new(timeline, settings.clone());
    phase("whole timeline prepared");
    progress(1.0, "Done".into());
    LoadResult {
        source: source.clone(),
        prepared,
        errors,
        warnings: loaded.warnings,
    }
}

/// Progress reports passed on in the order of their fractions. Files are read and articles
/// extracted on rayon's threads, each reporting the count it took; a thread can be overtaken
/// between taking its count and reporting it. A report behind one already passed on is
/// dropped (under one lock, so two reports cannot cross), and the bar never moves back.
struct ForwardOnly<'a> {
    shown: Mutex<f32>,
    report: &'a (dyn Fn(Update) + Sync),
}

impl<'a> ForwardOnly<'a> {
    fn new(report: &'a (dyn Fn(Update) + Sync)) -> Self {
        Self {
            shown: Mutex::new(0.0),
            report,
        }
    }

    /// Passes on `stage` at `fraction` unless a later one was passed on already.
    fn progress(&self, fraction: f32, stage: String) {
        let mut shown = self.shown.lock().unwrap_or_else(PoisonError::into_inner);
        if fraction >= *shown {
            *shown = fraction;
            (self.report)(Update::Progress { fraction, stage });
        }
    }
}

/// Splits the indices `0..total` into about `batch` of them spread evenly (every k-th, in
/// order) and the rest (in order).
fn spread_batch(total: usize, batch: usize) -> (Vec<usize>, Vec<usize>) {
    let every = total.div_ceil(batch.max(1)).max(1);
    (0..total).partition(|i| i % every == 0)
}

/// The extractions put back in the articles' order, from `(index, extraction)` pairs covering
/// `0..total` once each.
fn in_load_order(
    total: usize,
    found: impl Iterator<Item = (usize, extract::Extracted)>,
) -> Vec<extract::Extracted> {
    let mut slots: Vec<Option<extract::Extracted>> = (0..total).map(|_| None).collect();
    for (i, one) in found {
        slots[i] = Some(one);
    }
    slots.into_iter().flatten().collect()
}

fn file_error(error: &ingest::IngestError) -> FileError {
    let full = error.to_string();
    let prefix = format!("{}: ", error.path().display());
    FileError {
        file: display_name(error.path()),
        reason: full.strip_prefix(&prefix).unwrap_or(&full).to_string(),
    }
}

/// The last component of `path`, or the whole path.
pub fn display_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn panic_text(panic: &(dyn std::any::Any + Send)) -> String {
    let detail = panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown error".into());
    format!("internal error while loading: {detail}")
}

#[cfg(test)]
mod tests {
    use chrono::Datelike;

    use super::*;

    #[test]
    fn a_report_overtaken_by_a_later_one_is_dropped() {
        let passed = Mutex::new(Vec::new());
        let report = |update: Update| {
            if let Update::Progress { fraction, stage } = update {
                passed.lock().expect("lock").push((fraction, stage));
            }
        };
        let forward = ForwardOnly::new(&report);
        for (fraction, stage) in [
            (0.2, "a"),
            (0.5, "c"),
            (0.3, "b"),
            (0.5, "c again"),
            (0.9, "d"),
        ] {
            forward.progress(fraction, stage.into());
        }
        let stages: Vec<String> = passed
            .into_inner()
            .expect("lock")
            .into_iter()
            .map(|(_, s)| s)
            .collect();
        assert_eq!(stages, ["a", "c", "c again", "d"]);
    }

    /// Three stories, twenty reports each, one file per report, named so that a folder lists
    /// them story by story (as a collection sorted by topic is): talks in Geneva in 2011, a
    /// storm in Manila in 2013, an election in Lagos in 2015.
    fn corpus() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        let stories = [
            (
                2011,
                "Angela Merkel met Emmanuel Macron in Geneva to discuss the trade agreement",
            ),
            (
                2013,
                "Rodrigo Duterte visited the flooded districts of Manila with Red Cross teams",
            ),
            (
                2015,
                "Muhammadu Buhari addressed supporters in Lagos before the election results",
            ),
        ];
        for (s, (year, what)) in stories.iter().enumerate() {
            for day in 1..=20 {
                let text =
                    format!("Report {day}\n\nOn March {day}, {year}, {what}, officials said.\n");
                let name = format!("story-{s}-report-{day:02}.txt");
                std::fs::write(dir.path().join(name), text).expect("write");
            }
        }
        dir
    }

    struct Seen {
        partials: Vec<Prepared>,
        stages: Vec<(f32, String)>,
    }

    fn load_recording(paths: &[PathBuf], first_batch: usize) -> (LoadResult, Seen) {
        let seen = Mutex::new(Seen {
            partials: Vec::new(),
            stages: Vec::new(),
        });
        let result = load(
            &Source::Paths(paths.to_vec()),
            &LoadOptions::default(),
            &ViewSettings::default(),
            first_batch,
            &|update| {
                let mut seen = seen.lock().expect("lock");
                match update {
                    Update::Partial(p) => seen.partials.push(*p),
                    Update::Progress { fraction, stage } => seen.stages.push((fraction, stage)),
                }
            },
        );
        (result, seen.into_inner().expect("lock"))
    }

    #[test]
    fn a_large_load_first_shows_reports_from_every_story_then_the_same_timeline_as_one_extraction()
    {
        let dir = corpus();
        let paths = vec![dir.path().to_path_buf()];
        let (result, seen) = load_recording(&paths, 10);

        assert_eq!(seen.partials.len(), 1, "one early timeline");
        let early = seen.partials[0].timeline().clone();
        assert!(
            (8..=12).contains(&early.articles.len()),
            "about ten of the sixty reports: {}",
            early.articles.len()
        );
        // taken across the load, not the first story's reports only
        let years: std::collections::BTreeSet<i32> =
            early.events.iter().map(|e| e.when.start.year()).collect();
        assert_eq!(
            years.into_iter().collect::<Vec<_>>(),
            [2011, 2013, 2015],
            "the early timeline spans the corpus's period"
        );
        let early_session = seen.partials.into_iter().next().expect("partial");
        let lanes: Vec<String> = early_session
            .into_session(ViewSettings::default())
            .lanes
            .lanes
            .iter()
            .map(|l| l.label.clone())
            .collect();
        for actor in ["Angela Merkel", "Manila", "Lagos"] {
            assert!(
                lanes.iter().any(|l| l == actor),
                "{actor} has a lane early: {lanes:?}"
            );
        }

        // progress: files read, then articles, counted, never going back
        let stages: Vec<&str> = seen.stages.iter().map(|(_, s)| s.as_str()).collect();
        assert!(stages.contains(&"Reading files: 60 of 60"), "{stages:?}");
        assert!(
            stages.contains(&"Finding events: 60 of 60 articles"),
            "{stages:?}"
        );
        assert!(
            seen.stages.windows(2).all(|w| w[0].0 <= w[1].0),
            "progress only moves forward: {:?}",
            seen.stages
        );

        let (loaded, errors) = ingest::load_paths(&paths, &LoadOptions::default());
        assert!(errors.is_empty() && result.errors.is_empty());
        let whole = result.prepared.timeline();
        assert_eq!(whole, &extract::extract(&loaded));
        assert_eq!(whole.articles.len(), 60);
        assert!(whole.events.len() > early.events.len());
    }

    #[test]
    fn a_small_load_goes_straight_to_the_whole_timeline() {
        let dir = corpus();
        let (result, seen) = load_recording(&[dir.path().to_path_buf()], FIRST_BATCH);
        assert!(seen.partials.is_empty());
        assert_eq!(result.prepared.timeline().articles.len(), 60);
    }

    #[test]
    fn settings_changed_while_loading_lay_the_timeline_out_again() {
        let dir = corpus();
        let (result, _) = load_recording(&[dir.path().to_path_buf()], FIRST_BATCH);
        let mut settings = ViewSettings::default();
        settings.filters.to = chrono::NaiveDate::from_ymd_opt(2012, 1, 1);
        let session = result.prepared.into_session(settings.clone());
        assert_eq!(session.settings.filters, settings.filters);
        let (first, last) = session.lanes.extent.expect("events shown");
        let x = |y, m, d| {
            crate::layout::time::x_from_date(
                chrono::NaiveDate::from_ymd_opt(y, m, d).expect("date"),
            )
        };
        assert!(
            first >= x(2011, 3, 1) && last < x(2012, 1, 1),
            "only the 2011 story is left: {first}..{last}"
        );
    }

    #[test]
    fn the_early_batch_is_spread_evenly_and_every_article_is_extracted_once() {
        let (early, rest) = spread_batch(4600, 300);
        assert!((280..=300).contains(&early.len()), "{}", early.len());
        assert_eq!(early.first(), Some(&0));
        assert!(*early.last().expect("early") > 4500);
        let mut all: Vec<usize> = early.iter().chain(&rest).copied().collect();
        all.sort_unstable();
        assert_eq!(all, (0..4600).collect::<Vec<_>>());
    }
}
