//! `chronolane merge [FILES]`: joins the lines `extract --jsonl` printed (and whole timelines
//! from `extract --json` or an earlier `merge`) into one timeline, printed as the extract
//! contract, which the app opens like any other file.
//!
//! Because timelines join as well as lines do, merging is a reduce step that can run in
//! stages: merge each worker's output, then merge the merges.

use std::io::{self, Read, Write};
use std::path::PathBuf;

use clap::Args;
use serde::Deserialize;

use super::output;
use crate::extract::join;
use crate::model::{Actor, Article, Event, Timeline};

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Outputs of `extract --jsonl` (or `extract --json` timelines); standard input when none
    /// is given, or for "-".
    pub files: Vec<PathBuf>,
}

/// One JSON value of the input: a line of `extract --jsonl` (`article`) or a whole timeline
/// (`articles`). Both carry actors and events.
#[derive(Debug, Deserialize)]
struct Piece {
    #[serde(default)]
    article: Option<Article>,
    #[serde(default)]
    articles: Vec<Article>,
    #[serde(default)]
    actors: Vec<Actor>,
    events: Vec<Event>,
}

impl From<Piece> for Timeline {
    fn from(piece: Piece) -> Self {
        let mut articles = piece.articles;
        articles.extend(piece.article);
        Self {
            articles,
            actors: piece.actors,
            events: piece.events,
        }
    }
}

/// Reads every input, joins and prints; `Ok(false)` when some input or value was skipped.
pub(crate) fn run_merge(args: &MergeArgs) -> anyhow::Result<bool> {
    let stdin = [PathBuf::from("-")];
    let inputs = if args.files.is_empty() {
        &stdin[..]
    } else {
        &args.files[..]
    };
    let mut parts = Vec::new();
    let mut ok = true;
    for input in inputs {
        let (name, bytes) = if input.as_os_str() == "-" {
            let mut bytes = Vec::new();
            io::stdin().lock().read_to_end(&mut bytes)?;
            ("stdin".to_string(), bytes)
        } else {
            match std::fs::read(input) {
                Ok(bytes) => (input.display().to_string(), bytes),
                Err(e) => {
                    eprintln!("chronolane: {}: cannot read: {e}", input.display());
                    ok = false;
                    continue;
                }
            }
        };
        ok &= read_pieces(&name, &bytes, &mut parts);
    }
    let timeline = join::join(parts);
    let mut out = io::BufWriter::new(io::stdout().lock());
    output::write_json(&mut out, &timeline)?;
    out.flush()?;
    Ok(ok)
}

/// Adds every value of `bytes` to `parts`; a value that does not read is reported with its
/// line and skipped up to the next line that starts a value. `false` when any was skipped.
fn read_pieces(name: &str, bytes: &[u8], parts: &mut Vec<Timeline>) -> bool {
    let mut ok = true;
    let mut at = 0;
    while at < bytes.len() {
        let mut values = serde_json::Deserializer::from_slice(&bytes[at..]).into_iter::<Piece>();
        let failed = loop {
            match values.next() {
                None => break None,
                Some(Ok(piece)) => parts.push(piece.into()),
                Some(Err(e)) => break Some((e, values.byte_offset())),
            }
        };
        let Some((error, offset)) = failed else {
            break;
        };
        ok = false;
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + error.line();
        eprintln!(
            "chronolane: {name}: line {line}: not a line of `extract --jsonl` or a timeline: {}; skipped",
            error_reason(&error)
        );
        at = next_value_start(bytes, at + offset.max(1));
    }
    ok
}

/// serde_json's message without its "at line L column C" (the line is reported already).
fn error_reason(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// The offset of the first line at or after `from`'s line end that starts with `{`: JSON Lines
/// values start at the beginning of a line; the inner lines of a pretty timeline are indented.
fn next_value_start(bytes: &[u8], from: usize) -> usize {
    let mut i = from.min(bytes.len());
    while i < bytes.len() {
        match bytes[i..].iter().position(|&b| b == b'\n') {
            Some(nl) => i += nl + 1,
            None => return bytes.len(),
        }
        if bytes.get(i) == Some(&b'{') {
            return i;
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINE_A: &str = r#"{"article": {"id": "a", "title": "A", "published": "2015-10-21", "path": null}, "actors": [{"id": "RUS", "name": "Russia", "kind": "country", "aliases": [], "affiliation": null}], "events": [{"id": "e1", "when": {"start": "2015-10-20", "end": "2015-10-20", "precision": "day", "mod": null, "approximate": false, "value": "2015-10-20"}, "actors": ["RUS"], "label": "Russia signed", "sources": [{"article": "a", "start": 0, "end": 13, "quote": "Russia signed"}], "confidence": 0.8}]}"#;
    const LINE_B: &str = r#"{"article": {"id": "b", "title": "B", "published": null, "path": null}, "actors": [{"id": "RUS", "name": "Russia", "kind": "country", "aliases": ["Moscow"], "affiliation": null}], "events": []}"#;

    #[test]
    fn lines_join_with_actors_unified_and_bad_lines_skipped() {
        let input = format!("{LINE_A}\n{{\"article\": 3}}\n{LINE_B}\n");
        let mut parts = Vec::new();
        assert!(!read_pieces("out.jsonl", input.as_bytes(), &mut parts));
        let timeline = join::join(parts);
        assert_eq!(timeline.articles.len(), 2);
        assert_eq!(timeline.actors.len(), 1);
        assert_eq!(timeline.actors[0].aliases, ["Moscow"]);
        assert_eq!(timeline.events.len(), 1);
    }

    #[test]
    fn a_merged_timeline_merges_again_unchanged() {
        let mut parts = Vec::new();
        assert!(read_pieces(
            "out.jsonl",
            format!("{LINE_A}\n{LINE_B}\n").as_bytes(),
            &mut parts
        ));
        let once = join::join(parts);
        let pretty = serde_json::to_string_pretty(&once).unwrap();
        let mut again = Vec::new();
        assert!(read_pieces("merged.json", pretty.as_bytes(), &mut again));
        assert!(read_pieces("out.jsonl", LINE_A.as_bytes(), &mut again));
        assert_eq!(join::join(again), once);
    }
}
