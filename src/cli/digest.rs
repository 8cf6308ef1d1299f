//! `chronolane digest FILES... [--dates N] [--sentences K] [--json]`: the key dates of many
//! articles, each with its most representative sentences and how many sources back it.
//!
//! The JSON is a list in date order, `[{"date", "headline", "sentences": [...], "sources": n,
//! "outlets": n, "events": [ids], "articles": [ids], "quoted": [{"article", "event"}],
//! "salience"}]`: `sentences` and `quoted` run in parallel, so every quote keeps its source.

use std::io::{self, Write};
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Args;
use serde::Serialize;

use super::{InputOptions, parse_date, progress, report};
use crate::digest::{self, KeyDate, Options};

#[derive(Debug, Args)]
pub struct DigestArgs {
    /// Articles or folders (text, HTML, Markdown, JSON, JSON Lines, CSV).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// How many key dates to keep.
    #[arg(long, default_value_t = 30)]
    pub dates: usize,
    /// How many sentences to quote for each date.
    #[arg(long, default_value_t = 2)]
    pub sentences: usize,
    /// Only dates on or after this day (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub from: Option<NaiveDate>,
    /// Only dates on or before this day (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub to: Option<NaiveDate>,
    /// Print JSON (the contract other tools read) instead of a readable digest.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub input: InputOptions,
}

/// One key date as the JSON contract spells it.
#[derive(Serialize)]
struct Entry<'a> {
    date: NaiveDate,
    headline: &'a str,
    sentences: Vec<&'a str>,
    sources: usize,
    outlets: usize,
    events: &'a [String],
    articles: &'a [String],
    quoted: Vec<Quoted<'a>>,
    salience: f32,
}

#[derive(Serialize)]
struct Quoted<'a> {
    article: &'a str,
    event: &'a str,
}

/// Reads, extracts and prints the digest; `Ok(false)` when some input failed (the digest of the
/// rest is still printed).
pub(crate) fn run_digest(args: &DigestArgs) -> anyhow::Result<bool> {
    let (loaded, errors) = progress::load(&args.files, &args.input.load_options());
    report(&errors);
    let timeline = progress::extract(loaded);
    let options = Options {
        dates: args.dates,
        sentences: args.sentences,
        from: args.from,
        to: args.to,
    };
    let key_dates = digest::digest(&timeline, &options);
    let mut out = io::BufWriter::new(io::stdout().lock());
    if args.json {
        write_json(&mut out, &key_dates)?;
    } else {
        write_text(&mut out, &key_dates)?;
    }
    out.flush()?;
    Ok(errors.is_empty())
}

fn write_json(out: &mut impl Write, key_dates: &[KeyDate]) -> io::Result<()> {
    let entries: Vec<Entry> = key_dates
        .iter()
        .map(|k| Entry {
            date: k.date,
            headline: &k.headline,
            sentences: k.sentences.iter().map(|q| q.text.as_str()).collect(),
            sources: k.sources,
            outlets: k.outlets,
            events: &k.events,
            articles: &k.articles,
            quoted: k
                .sentences
                .iter()
                .map(|q| Quoted {
                    article: &q.article,
                    event: &q.event,
                })
                .collect(),
            salience: k.salience,
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &entries)?;
    writeln!(out)
}

/// A briefing on paper: each date with its backing, headline and quotes.
fn write_text(out: &mut impl Write, key_dates: &[KeyDate]) -> io::Result<()> {
    if key_dates.is_empty() {
        return writeln!(out, "no dated events to digest");
    }
    for k in key_dates {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        writeln!(
            out,
            "{}  {} {}, {}",
            k.date.format("%a %-d %b %Y"),
            k.headline,
            format_args!("({}", plural(k.sources, "source")),
            format_args!("{})", plural(k.outlets, "outlet")),
        )?;
        for q in &k.sentences {
            writeln!(out, "    \u{201c}{}\u{201d} [{}]", q.text, q.article)?;
        }
        writeln!(out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::digest::Quote;

    #[test]
    fn text_digest_names_date_backing_and_sources() {
        let k = KeyDate {
            date: NaiveDate::from_ymd_opt(2021, 3, 4).unwrap(),
            headline: "Dam bursts at Kessel".into(),
            sentences: vec![Quote {
                text: "The Kessel dam burst on Thursday.".into(),
                article: "a1".into(),
                event: "e1".into(),
            }],
            sources: 3,
            outlets: 1,
            articles: vec!["a1".into()],
            events: vec!["e1".into()],
            salience: 1.0,
        };
        let mut out = Vec::new();
        write_text(&mut out, std::slice::from_ref(&k)).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.starts_with("Thu 4 Mar 2021  Dam bursts at Kessel (3 sources, 1 outlet)"),
            "{text}"
        );
        assert!(text.contains("\u{201c}The Kessel dam burst on Thursday.\u{201d} [a1]"));
        let mut out = Vec::new();
        write_json(&mut out, &[k]).unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(json[0]["date"], "2021-03-04");
        assert_eq!(json[0]["sentences"][0], "The Kessel dam burst on Thursday.");
        assert_eq!(json[0]["sources"], 3);
        assert_eq!(json[0]["events"][0], "e1");
        assert_eq!(json[0]["quoted"][0]["article"], "a1");
    }
}
