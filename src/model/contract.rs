//! The `extract` contract as written: JSON for tools, CSV for spreadsheets, text for people.
//!
//! It lives with the model, not the command line, because the command line (`extract`) and
//! a saved project (`project::export`) both print it and must print it the same way.

use std::io::{self, Write};

use super::{Event, Timeline};

/// The whole timeline as the `extract --json` contract.
///
/// Written by [`super::json`], which gives serde_json's pretty bytes several times faster.
pub fn write_json(out: &mut impl Write, timeline: &Timeline) -> io::Result<()> {
    super::json::write_timeline_pretty(out, timeline)
}

/// One row per event, actors by name, with the first source's quote.
pub fn write_csv(out: &mut impl Write, timeline: &Timeline) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "id",
        "start",
        "end",
        "precision",
        "mod",
        "value",
        "actors",
        "label",
        "confidence",
        "sources",
        "article",
        "quote",
    ])?;
    for event in &timeline.events {
        let first = event.sources.first();
        w.write_record([
            event.id.as_str(),
            &event.when.start.to_string(),
            &event.when.end.to_string(),
            &format!("{:?}", event.when.precision).to_lowercase(),
            event.when.modifier.map(|m| m.as_str()).unwrap_or(""),
            &event.when.value,
            &actor_names(timeline, event).join("; "),
            &event.label,
            &format!("{:.2}", event.confidence),
            &event.sources.len().to_string(),
            first.map(|s| s.article.as_str()).unwrap_or(""),
            first.map(|s| s.quote.as_str()).unwrap_or(""),
        ])?;
    }
    w.flush()
}

/// A readable listing: articles, then events in date order with their actors.
pub fn write_text(out: &mut impl Write, timeline: &Timeline) -> io::Result<()> {
    for article in &timeline.articles {
        let published = article
            .published
            .map(|d| d.to_string())
            .unwrap_or_else(|| "undated".into());
        writeln!(
            out,
            "article {}: {} ({published})",
            article.id, article.title
        )?;
    }
    let mut events: Vec<&Event> = timeline.events.iter().collect();
    events.sort_by_key(|e| (e.when.start, e.when.end));
    for event in events {
        let date = if event.when.is_point() {
            event.when.start.to_string()
        } else {
            format!("{}..{}", event.when.start, event.when.end)
        };
        let marker = if event.when.inferred { "~" } else { " " };
        writeln!(
            out,
            "{date:<22}{marker} [{}] {}",
            actor_names(timeline, event).join(", "),
            event.label
        )?;
    }
    Ok(())
}

fn actor_names<'a>(timeline: &'a Timeline, event: &Event) -> Vec<&'a str> {
    event
        .actors
        .iter()
        .filter_map(|id| timeline.actor(id))
        .map(|a| a.name.as_str())
        .collect()
}
