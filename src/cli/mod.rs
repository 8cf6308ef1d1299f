//! The command line: `chronolane [FILES]` opens the app; `extract` and `timex` run headless.

mod chronology;
mod digest;
mod entities;
mod export;
mod merge;
pub(crate) mod output;
mod progress;
mod read;
mod stream;
mod train;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::extract;
use crate::ingest::{self, DEFAULT_MAX_BYTES, LoadOptions};
use crate::project;

/// Turn news articles into an actor-lane timeline you can trust and brief from.
///
/// With no command, opens the timeline app on FILES (or on the bundled sample briefing).
#[derive(Debug, Parser)]
#[command(name = "chronolane", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Articles or folders to open in the app (text, HTML, Markdown, JSON, JSON Lines, CSV).
    pub files: Vec<PathBuf>,
    #[command(flatten)]
    pub input: InputOptions,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the timeline (articles, actors, events) extracted from FILES.
    Extract(ExtractArgs),
    /// Print the time expressions found in FILES, normalised to TIMEX3 values.
    Timex(TimexArgs),
    /// Render the timeline of FILES as a PNG (or the briefing as slides), with no display.
    Export(export::ExportArgs),
    /// Join the lines of `extract --jsonl` (or timelines) from FILES or stdin into one timeline.
    Merge(merge::MergeArgs),
    /// Write the events of FILES as a table in date order (CSV, Markdown or HTML) for a report.
    Chronology(chronology::ChronologyArgs),
    /// Print the key dates of FILES, each with its most representative sentences and sources.
    Digest(digest::DigestArgs),
    /// Print the names (people, organisations, places, products) found in text FILES.
    Entities(entities::EntitiesArgs),
    /// Train the tagger and recogniser weights from the shared corpora (for developers).
    #[command(hide = true)]
    TrainModels(train::TrainArgs),
    /// Print what was read from FILES (title, date, body paragraphs), before any extraction.
    Read(read::ReadArgs),
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Articles, folders, or hand-kept CSV event lists (optional with --project, which then
    /// reads the articles listed in the project).
    #[arg(required_unless_present = "project")]
    pub files: Vec<PathBuf>,
    /// Apply an analyst's project (`*.chronolane.json`): its edits, hidden events and gradings.
    #[arg(long, value_name = "FILE")]
    pub project: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text, conflicts_with_all = ["json", "csv"])]
    pub format: Format,
    /// Print JSON (the contract other tools read); same as --format json.
    #[arg(long)]
    pub json: bool,
    /// Print one CSV row per event; same as --format csv.
    #[arg(long)]
    pub csv: bool,
    /// Stream: read articles as JSON Lines from FILES ("-" for stdin) and print one JSON line
    /// per article, `{"article", "actors", "events"}`, in constant memory (join with `merge`).
    #[arg(long, conflicts_with_all = ["project", "json", "csv", "format"])]
    pub jsonl: bool,
    #[command(flatten)]
    pub input: InputOptions,
}

#[derive(Debug, Args)]
pub struct TimexArgs {
    /// Text files, read verbatim: offsets are bytes into each file's UTF-8 text.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The document creation time that "yesterday" and "last month" are read against
    /// (default: the file's own dateline, if it has one).
    #[arg(long, value_parser = parse_date)]
    pub dct: Option<NaiveDate>,
    /// Print JSON: one object per file with its time expressions.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub input: InputOptions,
}

#[derive(Debug, Clone, Args)]
pub struct InputOptions {
    /// Refuse files larger than this (bytes; K, M and G suffixes allowed).
    #[arg(long, value_name = "SIZE", default_value_t = DEFAULT_MAX_BYTES, value_parser = parse_size, global = true)]
    pub max_size: u64,
}

impl InputOptions {
    fn load_options(&self) -> LoadOptions {
        LoadOptions {
            max_bytes: self.max_size,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
    Csv,
}

/// Bytes of output gathered before each write to stdout.
pub(crate) const OUTPUT_BUFFER: usize = 1 << 16;

/// Runs the command line; the app itself is opened through `open_app`, which the binary supplies
/// so the library stays usable without a window.
pub fn run(
    cli: Cli,
    open_app: impl FnOnce(Vec<PathBuf>, LoadOptions) -> anyhow::Result<()>,
) -> ExitCode {
    let result = match cli.command {
        None => open_app(cli.files, cli.input.load_options()).map(|()| true),
        Some(Command::Extract(args)) => run_extract(&args),
        Some(Command::Timex(args)) => run_timex(&args),
        Some(Command::Export(args)) => export::run_export(&args),
        Some(Command::Entities(args)) => entities::run_entities(&args),
        Some(Command::TrainModels(args)) => train::run_train(&args),
        Some(Command::Merge(args)) => merge::run_merge(&args),
        Some(Command::Digest(args)) => digest::run_digest(&args),
        Some(Command::Chronology(args)) => chronology::run_chronology(&args),
        Some(Command::Read(args)) => read::run_read(&args),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(err) => {
            eprintln!("chronolane: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// Extracts and prints; `Ok(false)` when some input failed (the rest are still printed).
fn run_extract(args: &ExtractArgs) -> anyhow::Result<bool> {
    if args.jsonl {
        return stream::run_stream(&args.files, &args.input.load_options());
    }
    let (timeline, ok) = match &args.project {
        Some(project) => extract_with_project(args, project)?,
        None => {
            let (loaded, errors) = progress::load(&args.files, &args.input.load_options());
            report(&errors);
            for warning in &loaded.warnings {
                eprintln!("chronolane: warning: {warning}");
            }
            (progress::extract(loaded), errors.is_empty())
        }
    };
    let format = if args.json {
        Format::Json
    } else if args.csv {
        Format::Csv
    } else {
        args.format
    };
    // Buffered: stdout flushes at every newline, and pretty JSON has one per field. The
    // output runs to tens of megabytes: 64 KiB a write makes 8 times fewer system calls
    // than the default 8 KiB.
    let mut out = std::io::BufWriter::with_capacity(OUTPUT_BUFFER, std::io::stdout().lock());
    match format {
        Format::Json => output::write_json(&mut out, &timeline)?,
        Format::Csv => output::write_csv(&mut out, &timeline)?,
        Format::Text => output::write_text(&mut out, &timeline)?,
    }
    std::io::Write::flush(&mut out)?;
    // The process ends right after this: freeing the timeline's millions of small strings one
    // by one (and glibc consolidating its free lists) cost about 5 % of a large run's time, and
    // the operating system takes the memory back at exit anyway. Only this one-shot command
    // does this; the app keeps dropping its timelines as usual.
    std::mem::forget(timeline);
    Ok(ok)
}

/// The timeline of a project's articles (or of FILES, when given) with the project's edits
/// applied and hidden events left out. Missing articles and pending edits are reported on
/// stderr; a missing article makes the run fail like an unreadable input.
fn extract_with_project(
    args: &ExtractArgs,
    path: &std::path::Path,
) -> anyhow::Result<(crate::model::Timeline, bool)> {
    let (project, ok) = open_project(path, &args.files, &args.input.load_options())?;
    Ok((project.visible_timeline(), ok))
}

/// Opens an analyst's project on its own articles (or on FILES, when given), reporting
/// missing articles and pending edits on stderr; `false` when an article could not be read.
fn open_project(
    path: &std::path::Path,
    files: &[PathBuf],
    options: &LoadOptions,
) -> anyhow::Result<(project::Project, bool)> {
    let load = project::extract_paths(options);
    let opened = if files.is_empty() {
        project::Project::open_with(path, load)
    } else {
        project::Project::open_with(path, |_listed| load(files))
    };
    let (project, opened) = opened?;
    // With FILES given, the project's own article list is not read, so its state is moot.
    let (messages, ok) = if files.is_empty() {
        (opened.messages(), !opened.lost_articles())
    } else {
        (opened.load_errors.clone(), opened.load_errors.is_empty())
    };
    for message in messages {
        eprintln!("chronolane: {message}");
    }
    for pending in project.pending() {
        eprintln!(
            "chronolane: {}: pending edit #{} ({}): {}",
            path.display(),
            pending.index + 1,
            pending.edit.describe(),
            pending.reason
        );
    }
    Ok((project, ok))
}

/// Tags each file verbatim; `Ok(false)` when some file could not be read.
fn run_timex(args: &TimexArgs) -> anyhow::Result<bool> {
    let options = args.input.load_options();
    let mut reports = Vec::new();
    let mut ok = true;
    for path in &args.files {
        match timex_file(path, args.dct, &options) {
            Ok(report) => reports.push(report),
            Err(err) => {
                eprintln!("chronolane: {err}");
                ok = false;
            }
        }
    }
    let mut out = std::io::stdout().lock();
    if args.json {
        output::write_timex_json(&mut out, &reports)?;
    } else {
        output::write_timex_text(&mut out, &reports)?;
    }
    Ok(ok)
}

fn timex_file(
    path: &std::path::Path,
    dct: Option<NaiveDate>,
    options: &LoadOptions,
) -> Result<output::TimexReport, ingest::IngestError> {
    let bytes = ingest::read_limited(path, options)?;
    let text = ingest::decode(path, &bytes)?;
    let dct = match dct {
        Some(d) => Some(d),
        None => ingest::parse_bytes(path, &bytes)
            .ok()
            .and_then(|l| l.articles.first().and_then(|a| a.published)),
    };
    let timexes = extract::timex::tag(&text, dct);
    Ok(output::TimexReport {
        file: path.display().to_string(),
        dct,
        timexes,
    })
}

fn report(errors: &[ingest::IngestError]) {
    for err in errors {
        eprintln!("chronolane: {err}");
    }
}

fn parse_date(s: &str) -> anyhow::Result<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .with_context(|| format!("{s:?} is not a YYYY-MM-DD date"))
}

fn parse_size(s: &str) -> anyhow::Result<u64> {
    let t = s.trim().to_ascii_uppercase();
    let t = t.strip_suffix('B').unwrap_or(&t);
    let (digits, scale) = match t.chars().last() {
        Some('K') => (&t[..t.len() - 1], 1u64 << 10),
        Some('M') => (&t[..t.len() - 1], 1 << 20),
        Some('G') => (&t[..t.len() - 1], 1 << 30),
        _ => (t, 1),
    };
    let Ok(n) = digits.trim().parse::<u64>() else {
        bail!("{s:?} is not a size (examples: 1048576, 500K, 25M, 1G)");
    };
    n.checked_mul(scale)
        .with_context(|| format!("{s:?} is too large"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_accept_suffixes() {
        assert_eq!(parse_size("25M").unwrap(), 25 << 20);
        assert_eq!(parse_size("500k").unwrap(), 500 << 10);
        assert_eq!(parse_size("1GB").unwrap(), 1 << 30);
        assert_eq!(parse_size("1234").unwrap(), 1234);
        assert!(parse_size("lots").is_err());
    }

    #[test]
    fn command_line_shapes_parse() {
        let cli =
            Cli::try_parse_from(["chronolane", "extract", "--json", "a.txt", "b.html"]).unwrap();
        assert!(
            matches!(cli.command, Some(Command::Extract(ref a)) if a.json && a.files.len() == 2)
        );
        let cli = Cli::try_parse_from([
            "chronolane",
            "timex",
            "--dct",
            "2015-10-21",
            "--json",
            "a.txt",
        ])
        .unwrap();
        assert!(matches!(cli.command, Some(Command::Timex(ref a)) if a.dct.is_some()));
        let cli = Cli::try_parse_from(["chronolane", "a.txt", "folder"]).unwrap();
        assert!(cli.command.is_none() && cli.files.len() == 2);
        assert!(
            Cli::try_parse_from(["chronolane", "timex", "--dct", "21/10/2015", "a.txt"]).is_err()
        );
        let cli = Cli::try_parse_from(["chronolane", "extract", "--project", "b.chronolane.json"])
            .unwrap();
        assert!(
            matches!(cli.command, Some(Command::Extract(ref a)) if a.project.is_some() && a.files.is_empty())
        );
        assert!(Cli::try_parse_from(["chronolane", "extract", "--json"]).is_err());
    }
}
