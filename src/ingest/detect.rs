//! Which reader a file needs: by extension when it has a known one, otherwise by its content.

use std::path::Path;

/// The readers ingest has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Format {
    Text,
    Html,
    Markdown,
    Json,
    Csv,
}

/// The format a known extension names, if any. Folders load only files with one of these.
pub(crate) fn format_from_extension(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "txt" | "text" => Format::Text,
        "html" | "htm" | "xhtml" => Format::Html,
        "md" | "markdown" => Format::Markdown,
        "json" | "jsonl" | "ndjson" => Format::Json,
        "csv" => Format::Csv,
        _ => return None,
    })
}

/// The format of a file: its extension decides when known, else its first characters.
pub(crate) fn detect(path: &Path, text: &str) -> Format {
    format_from_extension(path).unwrap_or_else(|| sniff(text))
}

/// Guesses the format of text whose name says nothing.
fn sniff(text: &str) -> Format {
    let head: String = text.trim_start().chars().take(1024).collect();
    let lower = head.to_ascii_lowercase();
    if lower.starts_with("<!doctype html")
        || lower.starts_with("<html")
        || (lower.starts_with('<')
            && ["<body", "<p>", "<p ", "<div", "<article", "<head"]
                .iter()
                .any(|t| lower.contains(t)))
    {
        return Format::Html;
    }
    if (head.starts_with('[') || head.starts_with('{'))
        && serde_json::Deserializer::from_str(text)
            .into_iter::<serde_json::Value>()
            .next()
            .is_some_and(|v| v.is_ok())
    {
        return Format::Json;
    }
    if head.starts_with("---\n") || head.starts_with("---\r\n") || head.starts_with("# ") {
        return Format::Markdown;
    }
    if looks_like_event_csv(&head) {
        return Format::Csv;
    }
    Format::Text
}

/// A first line of comma-separated column names including a date column.
fn looks_like_event_csv(head: &str) -> bool {
    let first = head.lines().next().unwrap_or("");
    let columns: Vec<String> = first
        .split(',')
        .map(|c| c.trim().trim_matches('"').to_ascii_lowercase())
        .collect();
    columns.len() >= 2
        && columns.iter().all(|c| !c.is_empty() && c.len() <= 30)
        && columns
            .iter()
            .any(|c| ["date", "when", "day", "start"].contains(&c.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_decides_when_known() {
        assert_eq!(detect(Path::new("a.HTM"), "plain words"), Format::Html);
        assert_eq!(detect(Path::new("a.jsonl"), "{}"), Format::Json);
        assert_eq!(detect(Path::new("a.txt"), "<html>"), Format::Text);
    }

    #[test]
    fn content_decides_for_unknown_names() {
        assert_eq!(
            detect(Path::new("page"), "<!DOCTYPE html><p>x"),
            Format::Html
        );
        assert_eq!(
            detect(Path::new("feed.dat"), "[{\"text\": \"x\"}]"),
            Format::Json
        );
        assert_eq!(
            detect(Path::new("notes"), "---\ntitle: x\n---\n"),
            Format::Markdown
        );
        assert_eq!(
            detect(Path::new("events.tsv"), "date,actor,event\n"),
            Format::Csv
        );
        assert_eq!(
            detect(Path::new("story"), "[ banner ]\nWords."),
            Format::Text
        );
    }
}
