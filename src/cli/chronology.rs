//! `chronolane chronology`: the events of FILES (or of an analyst's project) as a table in
//! date order, written as CSV, Markdown or HTML for a report — the app's chronology view
//! without a window, filtered the same way (`view::chronology`, `export::chronology`).

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Args;

use super::InputOptions;

#[derive(Debug, Args)]
pub struct ChronologyArgs {
    /// Articles, folders, or hand-kept CSV event lists (optional with --project, which then
    /// reads the articles listed in the project).
    #[arg(required_unless_present = "project")]
    pub files: Vec<PathBuf>,
    /// Use an analyst's project (`*.chronolane.json`): its edits, hidden events and gradings.
    #[arg(long, value_name = "FILE")]
    pub project: Option<PathBuf>,
    /// The file to write; its extension chooses the format: .csv, .md or .html.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// Only events from this day on (YYYY-MM-DD).
    #[arg(long, value_parser = super::parse_date)]
    pub from: Option<NaiveDate>,
    /// Only events up to this day (YYYY-MM-DD).
    #[arg(long, value_parser = super::parse_date)]
    pub to: Option<NaiveDate>,
    /// Only events whose label, quotes or actors contain this text.
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// Newest event first.
    #[arg(long)]
    pub newest_first: bool,
    /// Title of the Markdown or HTML document (default: "Chronology — " and the sources).
    #[arg(long)]
    pub title: Option<String>,
    #[command(flatten)]
    pub input: InputOptions,
}

/// Writes the chronology; `Ok(false)` when some input could not be read (the rest is written).
#[cfg(feature = "gui")]
pub fn run_chronology(args: &ChronologyArgs) -> anyhow::Result<bool> {
    use crate::export::chronology::{ChronologyFormat, write_file};
    use crate::layout::ViewSettings;
    use crate::view::Session;
    use crate::view::chronology::{ChronologyRow, DateOrder, event_rows};
    use crate::view::wording::sources_line;

    if ChronologyFormat::from_path(&args.output).is_none() {
        anyhow::bail!(
            "{}: the output's extension chooses the format: .csv, .md or .html",
            args.output.display()
        );
    }
    let options = args.input.load_options();
    let mut settings = ViewSettings::default();
    settings.filters.from = args.from;
    settings.filters.to = args.to;
    settings.filters.text = args.search.clone().unwrap_or_default();
    let (session, ok) = match &args.project {
        Some(path) => {
            let (project, ok) = super::open_project(path, &args.files, &options)?;
            (Session::from_project(project, settings), ok)
        }
        None => {
            let (loaded, errors) = crate::ingest::load_paths(&args.files, &options);
            super::report(&errors);
            let timeline = crate::extract::extract(&loaded);
            (Session::new(timeline, settings), errors.is_empty())
        }
    };
    if session.timeline.articles.is_empty() && session.timeline.events.is_empty() {
        anyhow::bail!("no articles could be read, so there is no chronology to write");
    }
    let order = if args.newest_first {
        DateOrder::NewestFirst
    } else {
        DateOrder::OldestFirst
    };
    let events = event_rows(&session.timeline, &session.lanes, None, order);
    let rows = ChronologyRow::all(&session.timeline, &events);
    let title = args
        .title
        .clone()
        .unwrap_or_else(|| format!("Chronology — {}", sources_line(&session.timeline)));
    write_file(&args.output, &rows, &title)?;
    eprintln!(
        "chronolane: wrote {} events to {}",
        rows.len(),
        args.output.display()
    );
    Ok(ok)
}

/// Without the GUI feature the exporters are not built.
#[cfg(not(feature = "gui"))]
pub fn run_chronology(_args: &ChronologyArgs) -> anyhow::Result<bool> {
    anyhow::bail!("this build cannot write chronologies (built without the `gui` feature)")
}
