//! Loading off the UI thread: ingest and extract run on a worker thread and report progress
//! over a channel, so the window stays responsive and a bad file never blocks the others.
//!
//! A large corpus is extracted in two batches: the timeline of the first [`FIRST_BATCH`]
//! articles is shown as soon as they are done (thousands of articles take seconds even on
//! every core), and the whole one replaces it when the rest are. Files are read in parallel
//! and the progress bar counts files read and articles extracted.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::Instant;

use crate::extract;
use crate::ingest::{self, LoadOptions, Loaded};
use crate::model::Timeline;

/// Articles extracted before a first timeline is shown, when a load has more than twice as
/// many: about a second of work on two cores.
pub const FIRST_BATCH: usize = 500;

/// Set to print to stderr how long a load took until its first timeline and its whole
/// timeline were on screen (for the speed figures in BENCHMARKS.md).
pub const TIMING_VAR: &str = "CHRONOLANE_TIMING";

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
#[derive(Clone, Debug)]
pub struct LoadResult {
    pub source: Source,
    pub timeline: Timeline,
    pub errors: Vec<FileError>,
    /// Files read only in part (a bad field left out), one line each naming the file.
    pub warnings: Vec<String>,
}

/// What the worker tells whoever waits for the load.
pub enum Update {
    /// How far it got (0..1) and what it is doing.
    Progress { fraction: f32, stage: String },
    /// The timeline of the first articles, to show while the rest are extracted.
    Partial(Box<Timeline>),
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
    partial: Option<Timeline>,
    /// Where the window was when the partial timeline was shown (to tell whether the analyst
    /// has moved it since).
    pub shown_window: Option<crate::view::TimeWindow>,
    started: Instant,
}

impl LoadJob {
    /// Starts loading `source` on a worker thread; `repaint` is called whenever there is news.
    pub fn spawn(
        source: Source,
        options: LoadOptions,
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
                        load(&source, &options, FIRST_BATCH, &|update| {
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

    /// What is being loaded.
    pub fn source(&self) -> &Source {
        &self.source
    }

    /// The first articles' timeline, once, when the worker has sent it (call after [`poll`]).
    ///
    /// [`poll`]: Self::poll
    pub fn take_partial(&mut self) -> Option<Timeline> {
        self.partial.take()
    }

    /// With [`TIMING_VAR`] set, prints how long the load has taken until `what` (a timeline
    /// about to be drawn).
    pub fn log_timing(&self, what: &str, timeline: &Timeline) {
        if std::env::var_os(TIMING_VAR).is_some() {
            let cpu = process_cpu_seconds()
                .map(|s| format!(", {s:.2} s of CPU since the app started"))
                .unwrap_or_default();
            eprintln!(
                "chronolane: {what} on screen {:.2} s after loading started ({} articles, {} events{cpu})",
                self.started.elapsed().as_secs_f64(),
                timeline.articles.len(),
                timeline.events.len()
            );
        }
    }

    /// The result once the worker is done; updates the progress meanwhile.
    pub fn poll(&mut self) -> Option<Result<LoadResult, String>> {
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

/// Loads `source` on the calling thread, reporting progress and, when there are more than
/// twice `first_batch` articles, the timeline of the first `first_batch` of them. The result
/// is the same as extracting every article at once.
pub fn load(
    source: &Source,
    options: &LoadOptions,
    first_batch: usize,
    report: &(dyn Fn(Update) + Sync),
) -> LoadResult {
    let progress = |fraction: f32, stage: String| report(Update::Progress { fraction, stage });
    // one big file is read on one core: build the recognisers on the other meanwhile
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
    let first = if total > 2 * first_batch {
        first_batch
    } else {
        total
    };
    let mut per_article = extract::extract_articles(&loaded.articles[..first], &article_done);
    if first < total {
        let shown = Loaded {
            articles: loaded.articles[..first].to_vec(),
            ..Loaded::default()
        };
        report(Update::Partial(Box::new(extract::assemble(
            &shown,
            per_article.clone(),
        ))));
        per_article.extend(extract::extract_articles(
            &loaded.articles[first..],
            &article_done,
        ));
    }
    progress(0.9, format!("Merging what {total} articles report…"));
    let timeline = extract::assemble(&loaded, per_article);
    progress(1.0, "Done".into());
    LoadResult {
        source: source.clone(),
        timeline,
        errors,
        warnings: loaded.warnings,
    }
}

/// User and system CPU time of this process so far, where `/proc` tells it (Linux): on a
/// loaded machine the wall time says little, the CPU time what two idle cores would take.
fn process_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // the fields after the command name (which may hold spaces) in parentheses
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
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
    use std::sync::Mutex;

    use super::*;

    /// Five short dated reports, one file each.
    fn corpus() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        for (i, day) in ["3", "4", "5", "6", "7"].iter().enumerate() {
            let text = format!(
                "Talks in Geneva\n\nOn March {day}, 2021, Angela Merkel met Emmanuel Macron in \
                 Geneva to discuss the trade agreement, officials said.\n"
            );
            std::fs::write(dir.path().join(format!("report-{i}.txt")), text).expect("write");
        }
        dir
    }

    #[test]
    fn a_large_load_shows_its_first_articles_then_the_same_timeline_as_one_extraction() {
        let dir = corpus();
        let paths = vec![dir.path().to_path_buf()];
        let options = LoadOptions::default();
        let partials = Mutex::new(Vec::new());
        let stages = Mutex::new(Vec::new());
        let result = load(
            &Source::Paths(paths.clone()),
            &options,
            2,
            &|update| match update {
                Update::Partial(t) => partials.lock().expect("lock").push(*t),
                Update::Progress { stage, .. } => stages.lock().expect("lock").push(stage),
            },
        );
        let partials = partials.into_inner().expect("lock");
        assert_eq!(partials.len(), 1, "one early timeline");
        assert_eq!(partials[0].articles.len(), 2);
        assert!(!partials[0].events.is_empty());
        let stages = stages.into_inner().expect("lock");
        assert!(
            stages.iter().any(|s| s == "Reading files: 5 of 5"),
            "{stages:?}"
        );
        assert!(
            stages
                .iter()
                .any(|s| s == "Finding events: 5 of 5 articles"),
            "{stages:?}"
        );
        let (loaded, errors) = ingest::load_paths(&paths, &options);
        assert!(errors.is_empty() && result.errors.is_empty());
        assert_eq!(result.timeline, extract::extract(&loaded));
        assert_eq!(result.timeline.articles.len(), 5);
    }

    #[test]
    fn a_small_load_goes_straight_to_the_whole_timeline() {
        let dir = corpus();
        let partials = AtomicUsize::new(0);
        let result = load(
            &Source::Paths(vec![dir.path().to_path_buf()]),
            &LoadOptions::default(),
            FIRST_BATCH,
            &|update| {
                if matches!(update, Update::Partial(_)) {
                    partials.fetch_add(1, Ordering::Relaxed);
                }
            },
        );
        assert_eq!(partials.load(Ordering::Relaxed), 0);
        assert_eq!(result.timeline.articles.len(), 5);
    }
}
