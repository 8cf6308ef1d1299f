use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use chronolane::cli::{self, Cli};
use chronolane::ingest::LoadOptions;

/// Extraction allocates many short-lived words, ids and labels per sentence; mimalloc's
/// per-thread free lists serve them with far fewer instructions than the system allocator,
/// and the app's frames and loader threads gain the same. Benchmarks that time extraction
/// set the same allocator, so their figures are the program's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    cli::run(Cli::parse(), open_app)
}

#[cfg(feature = "gui")]
fn open_app(files: Vec<PathBuf>, options: LoadOptions) -> anyhow::Result<()> {
    chronolane::ui::run_native(files, options)
}

#[cfg(not(feature = "gui"))]
fn open_app(_files: Vec<PathBuf>, _options: LoadOptions) -> anyhow::Result<()> {
    anyhow::bail!(
        "this build has no desktop app (built without the `gui` feature); use `extract` or `timex`"
    )
}
