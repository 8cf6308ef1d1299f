use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use chronolane::cli::{self, Cli};
use chronolane::ingest::LoadOptions;

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
