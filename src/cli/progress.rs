//! A progress bar on stderr while many files load and their articles are extracted, drawn only
//! when stderr is a terminal, so pipes and logs get nothing but the messages that matter.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

use crate::extract;
use crate::ingest::{self, IngestError, LoadOptions, Loaded};
use crate::model::Timeline;

/// Below this many files or articles a bar would only flicker.
const MIN_ITEMS: usize = 20;

/// [`ingest::load_paths`] with a bar counting files read.
pub(crate) fn load(paths: &[PathBuf], options: &LoadOptions) -> (Loaded, Vec<IngestError>) {
    let bar = Bar::new("reading");
    let result = ingest::load_paths_with_progress(paths, options, &|done, total| {
        bar.set(done, total);
    });
    bar.clear();
    result
}

/// [`extract::extract`] with a bar counting articles extracted; the timeline takes over the
/// loaded articles.
pub(crate) fn extract(loaded: Loaded) -> Timeline {
    let bar = Bar::new("extracting");
    let total = loaded.articles.len();
    bar.set(0, total);
    let timeline = extract::extract_owned(loaded, &|| bar.inc(total));
    bar.clear();
    timeline
}

/// A bar that stays hidden unless stderr is a terminal and the job is big enough.
struct Bar {
    bar: Option<ProgressBar>,
}

impl Bar {
    fn new(stage: &'static str) -> Self {
        if !std::io::stderr().is_terminal() {
            return Self { bar: None };
        }
        let style =
            ProgressStyle::with_template("{prefix:>10} [{bar:32}] {pos}/{len} {elapsed} {eta}")
                .map(|s| s.progress_chars("=> "))
                .unwrap_or_else(|_| ProgressStyle::default_bar());
        let bar = ProgressBar::hidden().with_style(style).with_prefix(stage);
        Self { bar: Some(bar) }
    }

    /// Sets the count; the bar appears on stderr once the total is known to be large.
    fn set(&self, done: usize, total: usize) {
        let Some(bar) = &self.bar else {
            return;
        };
        if total < MIN_ITEMS {
            return;
        }
        if bar.is_hidden() {
            bar.set_length(total as u64);
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            bar.enable_steady_tick(Duration::from_millis(200));
        }
        bar.set_position(done as u64);
    }

    fn inc(&self, total: usize) {
        if let Some(bar) = &self.bar
            && total >= MIN_ITEMS
        {
            bar.inc(1);
        }
    }

    /// Removes the bar so the messages and output that follow start on a clean line.
    fn clear(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
