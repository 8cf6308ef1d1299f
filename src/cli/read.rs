//! `chronolane read [--json] FILES`: what ingestion read from each file (title, publication date,
//! body paragraphs) before any extraction, so main-content reading can be scored and its text
//! piped to other tools.
//!
//! Files are read in parallel in one batch (the same loader the app and `extract` use); a file
//! that cannot be read is named on stderr and the others are still printed.

use std::io::{self, Write};
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Args;
use serde::Serialize;

use crate::ingest::{self, Loaded};
use crate::model::Article;

use super::InputOptions;

#[derive(Debug, Args)]
pub struct ReadArgs {
    /// Articles or folders (text, HTML, Markdown, JSON, JSON Lines, CSV).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Print a JSON list, one `{file, id, title, published, paragraphs}` object per article.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub input: InputOptions,
}

/// What was read from one article, as `read --json` prints it.
#[derive(Debug, Serialize)]
struct ReadArticle<'a> {
    /// The path the article came from ("-" for stdin).
    file: &'a str,
    id: &'a str,
    title: &'a str,
    published: Option<NaiveDate>,
    /// The body paragraphs, in order, as they are in the article's text.
    paragraphs: Vec<&'a str>,
}

impl<'a> ReadArticle<'a> {
    fn of(article: &'a Article) -> Self {
        Self {
            file: article.path.as_deref().unwrap_or("-"),
            id: &article.id,
            title: &article.title,
            published: article.published,
            paragraphs: article.paragraph_texts().map(|(_, t)| t).collect(),
        }
    }
}

/// Reads and prints; `Ok(false)` when some file could not be read (the rest are printed).
pub(crate) fn run_read(args: &ReadArgs) -> anyhow::Result<bool> {
    let (loaded, errors) = ingest::load_paths(&args.files, &args.input.load_options());
    for err in &errors {
        eprintln!("chronolane: {err}");
    }
    for warning in &loaded.warnings {
        eprintln!("chronolane: warning: {warning}");
    }
    let mut out = io::BufWriter::new(io::stdout().lock());
    if args.json {
        write_json(&mut out, &loaded)?;
    } else {
        write_text(&mut out, &loaded)?;
    }
    out.flush()?;
    Ok(errors.is_empty())
}

fn write_json(out: &mut impl Write, loaded: &Loaded) -> io::Result<()> {
    let articles: Vec<ReadArticle<'_>> = loaded.articles.iter().map(ReadArticle::of).collect();
    serde_json::to_writer_pretty(&mut *out, &articles)?;
    writeln!(out)
}

/// For people: the title, the date, then the paragraphs separated by blank lines.
fn write_text(out: &mut impl Write, loaded: &Loaded) -> io::Result<()> {
    for (i, article) in loaded.articles.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let read = ReadArticle::of(article);
        writeln!(out, "== {} ({})", read.title, read.file)?;
        match read.published {
            Some(date) => writeln!(out, "published {date}")?,
            None => writeln!(out, "published: unknown")?,
        }
        for paragraph in &read.paragraphs {
            writeln!(out)?;
            writeln!(out, "{paragraph}")?;
        }
    }
    Ok(())
}
