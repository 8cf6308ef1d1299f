//! Bytes on disk → [`Article`]s: format detection, decoding, HTML to text, boilerplate,
//! title and dateline. Hand-kept CSV event lists become [`HandEvent`]s, not articles to extract.
//!
//! Offsets: for text and Markdown files `Article.text` is the decoded file (a UTF-8 byte-order
//! mark dropped, Windows-1252 and UTF-16 re-encoded as UTF-8), so offsets are into that text;
//! for HTML it is the visible text ingest derives; for JSON the `text` field.

mod boilerplate;
mod csv_events;
mod dateline;
mod decode;
mod detect;
mod eight_bytes;
mod folder;
mod html;
mod html_meta;
mod html_readable;
mod html_tokens;
mod json;
mod json_positions;
mod layout;
mod markdown;
mod read;
mod samples;
mod source;
mod text;
mod timeline;

pub use samples::bundled_samples;

use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::model::{Article, Timeline, When};

use detect::Format;
use source::Source;

/// Files larger than this are refused unless the caller raises the limit.
pub const DEFAULT_MAX_BYTES: u64 = 25 * 1024 * 1024;

/// How inputs are read.
#[derive(Clone, Debug)]
pub struct LoadOptions {
    /// Files above this many bytes are refused with [`IngestError::TooLarge`].
    pub max_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self {
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// What one or more inputs gave.
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Article>,
    /// Events an analyst kept by hand (CSV); they skip extraction.
    pub hand_events: Vec<HandEvent>,
    /// Things read only in part, one line each naming the file (e.g. CSV rows whose date could
    /// not be read); the rest of the file loaded.
    pub warnings: Vec<String>,
    /// Timelines extracted earlier (`extract --json` or `merge` output), joined in as they are.
    pub timelines: Vec<Timeline>,
}

/// One row of a hand-kept event list.
#[derive(Clone, Debug, PartialEq)]
pub struct HandEvent {
    /// The id of the [`Article`] standing for the CSV file, so the row can be shown as a source.
    pub article: String,
    /// Byte range of the row in that file.
    pub range: Range<usize>,
    pub when: When,
    /// Actor names as written in the file.
    pub actors: Vec<String>,
    pub description: String,
    /// The row's source column (a URL or citation), if any.
    pub source: Option<String>,
}

/// Why an input could not be read. Each names the file, so one line of stderr says it all.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{path}: cannot read: {reason}")]
    Unreadable { path: PathBuf, reason: String },
    #[error("{path}: file is empty")]
    Empty { path: PathBuf },
    #[error("{path}: {size} bytes is over the {limit}-byte limit (raise it with --max-size)")]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("{path}: looks like a binary file ({kind}), not text")]
    Binary { path: PathBuf, kind: String },
    #[error("{path}: {reason}")]
    Malformed { path: PathBuf, reason: String },
}

impl IngestError {
    /// The file this error is about.
    pub fn path(&self) -> &Path {
        match self {
            Self::Unreadable { path, .. }
            | Self::Empty { path }
            | Self::TooLarge { path, .. }
            | Self::Binary { path, .. }
            | Self::Malformed { path, .. } => path,
        }
    }
}

/// Reads every path (folders recursively, by extension). Good files load even when others fail;
/// each failure is returned with its file's name. Files load in parallel; the output follows the
/// order of `paths`, each folder's files sorted by path, and ids are unique ("~2" on repeats).
pub fn load_paths(paths: &[PathBuf], options: &LoadOptions) -> (Loaded, Vec<IngestError>) {
    folder::load_paths(paths, options, &|_, _| {})
}

/// [`load_paths`], calling `progress(files_read, files_in_all)` as each file is read (from any
/// thread), for a progress bar.
pub fn load_paths_with_progress(
    paths: &[PathBuf],
    options: &LoadOptions,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> (Loaded, Vec<IngestError>) {
    folder::load_paths(paths, options, progress)
}

/// Reads one file.
pub fn load_file(path: &Path, options: &LoadOptions) -> Result<Loaded, IngestError> {
    let bytes = read_limited(path, options)?;
    parse_text(path, decode::decode_text_owned(path, bytes)?)
}

/// Parses bytes that came from `name` (a path or "-" for stdin); the format is chosen from the
/// name's extension and the content.
pub fn parse_bytes(name: &Path, bytes: &[u8]) -> Result<Loaded, IngestError> {
    parse_text(name, decode(name, bytes)?)
}

/// [`parse_bytes`] of bytes already decoded.
fn parse_text(name: &Path, text: String) -> Result<Loaded, IngestError> {
    if text.trim().is_empty() {
        return Err(IngestError::Empty {
            path: name.to_path_buf(),
        });
    }
    let source = Source::new(name);
    let mut loaded = Loaded::default();
    match detect::detect(name, &text) {
        Format::Text => loaded.articles.push(text::read_text(&source, text)),
        Format::Markdown => loaded.articles.push(markdown::read_markdown(&source, text)),
        Format::Html => loaded.articles.push(html::read_html(&source, &text)),
        Format::Json => match timeline::read_timeline(&source, &text) {
            Some(timeline) => loaded.timelines.push(timeline?),
            None => {
                let read = json::read_json(&source, &text)?;
                loaded.articles = read.articles;
                loaded.warnings = read.warnings;
            }
        },
        Format::Csv => {
            let csv = csv_events::read_csv(&source, text)?;
            loaded.articles.push(csv.article);
            loaded.hand_events = csv.events;
            loaded.warnings.extend(csv.warning);
        }
    }
    Ok(loaded)
}

/// Parses line `line` (counting from 1) of a JSON Lines stream named `name` ("-" for stdin), as
/// `extract --jsonl` reads it: one article object (or a list of them). An article without an
/// `id` is named by its line, "stdin#7", so ids stay unique along the stream. Warnings about
/// fields left out name that line.
pub fn parse_json_line(name: &Path, line: usize, bytes: &[u8]) -> Result<Loaded, IngestError> {
    read_json_line(name, line, &decode(name, bytes)?)
}

/// [`parse_json_line`] of a line the caller has no more use for: a line of plain UTF-8 (nearly
/// every one) becomes its text without a copy, as a file's bytes do ([`load_file`]).
pub fn parse_json_line_owned(
    name: &Path,
    line: usize,
    bytes: Vec<u8>,
) -> Result<Loaded, IngestError> {
    read_json_line(name, line, &decode::decode_text_owned(name, bytes)?)
}

/// The articles of a decoded line of a JSON Lines stream (see [`parse_json_line`]).
fn read_json_line(name: &Path, line: usize, text: &str) -> Result<Loaded, IngestError> {
    let source = Source::new(name);
    let read = json::read_json_from_line(&source, text, line)?;
    let mut articles = read.articles;
    let file = source.file_name();
    let count = articles.len();
    for (k, article) in articles.iter_mut().enumerate() {
        if article.id == file || article.id == format!("{file}#{}", k + 1) {
            article.id = if count == 1 {
                format!("{file}#{line}")
            } else {
                format!("{file}#{line}.{}", k + 1)
            };
        }
    }
    Ok(Loaded {
        articles,
        warnings: read.warnings,
        ..Loaded::default()
    })
}

/// Decodes a file's bytes to UTF-8 text (BOM-sniffed UTF-8/UTF-16, else UTF-8, else
/// Windows-1252) without any other change, for tools that report offsets into the file.
/// Empty and binary files are refused.
pub fn decode(name: &Path, bytes: &[u8]) -> Result<String, IngestError> {
    decode::decode_text(name, bytes)
}

/// Reads a file's bytes, refusing directories, unreadable files and files over the size limit.
pub fn read_limited(path: &Path, options: &LoadOptions) -> Result<Vec<u8>, IngestError> {
    read::read_limited(path, options)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Odd inputs in every format must give an article or an error, never a panic.
    #[test]
    fn odd_inputs_never_panic() {
        let pieces = [
            "MOSCOW, Oct 21 (Reuters) - ",
            "Oct. 21",
            ", 2015",
            "\r\n",
            "\n\n",
            "é",
            "—",
            "😀",
            "<p>",
            "</p>",
            "<article>",
            "<!--",
            "&amp",
            "&#x",
            "# ",
            "---\n",
            "title: x\n",
            "[",
            "{",
            "\"text\": \"",
            "\"",
            ",",
            ";",
            "date,actor,event\n",
            "2015-10-21",
            "By ",
            "JOIN NOW",
            "Copyright ",
            "\u{feff}",
            "\t",
            "   ",
            "]",
            "}",
            "Wednesday 21 October 2015",
            "\u{0}",
        ];
        let names = ["a.txt", "a.html", "a.md", "a.json", "a.csv", "a.bin", "-"];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for round in 0..3000 {
            let mut text = String::new();
            for _ in 0..(round % 24) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let index = usize::try_from(seed % pieces.len() as u64).unwrap_or(0);
                text.push_str(pieces[index]);
            }
            for name in names {
                if let Ok(loaded) = parse_bytes(Path::new(name), text.as_bytes()) {
                    for article in &loaded.articles {
                        assert!(!article.title.is_empty(), "{name}: {text:?}");
                        for range in &article.paragraphs {
                            assert!(
                                article.text.get(range.clone()).is_some(),
                                "{name}: {text:?}"
                            );
                        }
                    }
                }
            }
        }
    }
}
