//! Bytes on disk → [`Article`]s: format detection, decoding, HTML to text, boilerplate,
//! title and dateline. Hand-kept CSV event lists become [`HandEvent`]s, not articles to extract.

use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::model::{Article, When};

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
/// each failure is returned with its file's name.
pub fn load_paths(paths: &[PathBuf], options: &LoadOptions) -> (Loaded, Vec<IngestError>) {
    let _ = (paths, options);
    unimplemented!("ingest helper")
}

/// Reads one file.
pub fn load_file(path: &Path, options: &LoadOptions) -> Result<Loaded, IngestError> {
    let _ = (path, options);
    unimplemented!("ingest helper")
}

/// Parses bytes that came from `name` (a path or "-" for stdin); the format is chosen from the
/// name's extension and the content.
pub fn parse_bytes(name: &Path, bytes: &[u8]) -> Result<Loaded, IngestError> {
    let _ = (name, bytes);
    unimplemented!("ingest helper")
}

/// Decodes a file's bytes to UTF-8 text (BOM-sniffed UTF-8/UTF-16, else UTF-8, else
/// Windows-1252) without any other change, for tools that report offsets into the file.
pub fn decode(name: &Path, bytes: &[u8]) -> Result<String, IngestError> {
    let _ = (name, bytes);
    unimplemented!("ingest helper")
}

/// Reads a file's bytes, refusing directories, unreadable files and files over the size limit.
pub fn read_limited(path: &Path, options: &LoadOptions) -> Result<Vec<u8>, IngestError> {
    let _ = (path, options);
    unimplemented!("ingest helper")
}
