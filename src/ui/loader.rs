//! Loading off the UI thread: ingest and extract run on a worker thread and report progress
//! over a channel, so the window stays responsive and a bad file never blocks the others.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::ingest::{self, LoadOptions, Loaded};
use crate::model::Timeline;

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

enum Message {
    Progress { fraction: f32, stage: String },
    Finished(Result<Box<LoadResult>, String>),
}

/// A load in progress.
pub struct LoadJob {
    receiver: Receiver<Message>,
    /// 0..1.
    pub fraction: f32,
    /// What the worker is doing, for the status bar.
    pub stage: String,
}

impl LoadJob {
    /// Starts loading `source` on a worker thread; `repaint` is called whenever there is news.
    pub fn spawn(
        source: Source,
        options: LoadOptions,
        repaint: impl Fn() + Send + 'static,
    ) -> Self {
        let (sender, receiver) = channel();
        let spawned = std::thread::Builder::new()
            .name("chronolane-load".into())
            .spawn(move || {
                let progress_sender = sender.clone();
                let progress_repaint = &repaint;
                let outcome = catch_unwind(AssertUnwindSafe(|| {
                    load(&source, &options, |fraction, stage| {
                        let _ = progress_sender.send(Message::Progress {
                            fraction,
                            stage: stage.to_string(),
                        });
                        progress_repaint();
                    })
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
            return Self {
                receiver,
                fraction: 0.0,
                stage: String::new(),
            };
        }
        Self {
            receiver,
            fraction: 0.0,
            stage: "Starting…".into(),
        }
    }

    /// The result once the worker is done; updates the progress meanwhile.
    pub fn poll(&mut self) -> Option<Result<LoadResult, String>> {
        loop {
            match self.receiver.try_recv() {
                Ok(Message::Progress { fraction, stage }) => {
                    self.fraction = fraction;
                    self.stage = stage;
                }
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
                Ok(Message::Progress { fraction, stage }) => {
                    self.fraction = fraction;
                    self.stage = stage;
                }
                Ok(Message::Finished(result)) => return result.map(|b| *b),
                Err(_) => return Err("the loader stopped unexpectedly".into()),
            }
        }
    }
}

/// Loads `source` on the calling thread, reporting progress as (fraction, stage).
pub fn load(
    source: &Source,
    options: &LoadOptions,
    mut progress: impl FnMut(f32, &str),
) -> LoadResult {
    let mut loaded = Loaded::default();
    let mut errors = Vec::new();
    match source {
        Source::Sample => {
            progress(0.1, "Reading the sample briefing…");
            let (sample, failures) = ingest::bundled_samples();
            loaded = sample;
            errors.extend(failures.iter().map(file_error));
        }
        Source::Paths(paths) => {
            let total = paths.len().max(1);
            for (i, path) in paths.iter().enumerate() {
                let name = display_name(path);
                progress(0.7 * i as f32 / total as f32, &format!("Reading {name}…"));
                let (part, failures) = ingest::load_paths(std::slice::from_ref(path), options);
                loaded.articles.extend(part.articles);
                loaded.hand_events.extend(part.hand_events);
                loaded.timelines.extend(part.timelines);
                loaded.warnings.extend(part.warnings);
                errors.extend(failures.iter().map(file_error));
            }
        }
    }
    progress(
        0.75,
        &format!("Finding events in {} articles…", loaded.articles.len()),
    );
    let timeline = crate::extract::extract(&loaded);
    progress(1.0, "Done");
    LoadResult {
        source: source.clone(),
        timeline,
        errors,
        warnings: loaded.warnings,
    }
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
