//! The `*.chronolane.json` format: a schema version, the articles with their hashes, the edit
//! log, the analyst's notes and the saved views. Reading never writes: a file this version
//! cannot read is reported and left byte for byte as it was.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::ProjectError;
use super::articles::ArticleRecord;
use super::edit::Edit;

/// What the `format` field of every project file says.
pub const FORMAT: &str = "chronolane project";

/// The schema this build writes and the newest it reads. Bump it (and add a migration from the
/// older shape in [`parse`]) whenever a change would make an older build misread a file.
pub const SCHEMA_VERSION: u32 = 1;

/// The extension project files get.
pub const EXTENSION: &str = "chronolane.json";

/// A project file as stored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectFile {
    pub format: String,
    pub schema: u32,
    pub articles: Vec<ArticleRecord>,
    /// The analyst's edits, in the order they apply.
    #[serde(default)]
    pub edits: Vec<Edit>,
    /// The analyst's free-text notes on the project as a whole.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Saved views (filters, windows, groupings), kept as the UI wrote them.
    #[serde(default, skip_serializing_if = "serde_json::Value::is_null")]
    pub views: serde_json::Value,
    /// Present only in autosaved recovery files: which project they recover.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recovery: Option<RecoveryInfo>,
}

/// What a recovery file says about the work it holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecoveryInfo {
    /// The project file it belongs to; `None` for a project never saved.
    pub project: Option<std::path::PathBuf>,
    /// When it was written (RFC 3339, UTC).
    pub written: String,
}

impl ProjectFile {
    /// An empty project of the current schema.
    pub fn new(articles: Vec<ArticleRecord>, edits: Vec<Edit>) -> Self {
        Self {
            format: FORMAT.to_string(),
            schema: SCHEMA_VERSION,
            articles,
            edits,
            notes: String::new(),
            views: serde_json::Value::Null,
            recovery: None,
        }
    }

    /// Pretty JSON with a final newline, so project files diff well in version control.
    pub fn to_bytes(&self) -> std::io::Result<Vec<u8>> {
        let mut bytes = serde_json::to_vec_pretty(self)?;
        bytes.push(b'\n');
        Ok(bytes)
    }
}

/// Reads a project file (nothing is written, whatever happens).
pub fn read(path: &Path) -> Result<ProjectFile, ProjectError> {
    let bytes = std::fs::read(path).map_err(|cause| ProjectError::Read {
        path: path.to_path_buf(),
        cause,
    })?;
    parse(path, &bytes)
}

/// Parses a project file's bytes; `path` is only for messages.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<ProjectFile, ProjectError> {
    let corrupt = |err: serde_json::Error| ProjectError::Corrupt {
        path: path.to_path_buf(),
        line: err.line(),
        column: err.column(),
        reason: err.to_string(),
    };
    let not_project = |reason: &str| ProjectError::NotAProject {
        path: path.to_path_buf(),
        reason: reason.to_string(),
    };
    // First only the envelope, so a newer file is refused for its version rather than for
    // fields this build does not know.
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(corrupt)?;
    let Some(envelope) = value.as_object() else {
        return Err(not_project("it is not a JSON object"));
    };
    if envelope.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(not_project("its \"format\" is not \"chronolane project\""));
    }
    let Some(schema) = envelope.get("schema").and_then(|s| s.as_u64()) else {
        return Err(not_project("it has no schema version"));
    };
    if schema > u64::from(SCHEMA_VERSION) {
        return Err(ProjectError::NewerSchema {
            path: path.to_path_buf(),
            found: schema,
            supported: SCHEMA_VERSION,
        });
    }
    // Parsed again from the bytes (not the value) so errors carry a line and column.
    serde_json::from_slice(bytes).map_err(corrupt)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> Result<ProjectFile, ProjectError> {
        parse(Path::new("brief.chronolane.json"), text.as_bytes())
    }

    #[test]
    fn minimal_file_reads() {
        let file =
            parse_str(r#"{"format": "chronolane project", "schema": 1, "articles": []}"#).unwrap();
        assert_eq!(file, ProjectFile::new(Vec::new(), Vec::new()));
        assert_eq!(
            parse(Path::new("x"), &file.to_bytes().unwrap()).unwrap(),
            file
        );
    }

    #[test]
    fn errors_say_what_is_wrong() {
        let newer = parse_str(r#"{"format": "chronolane project", "schema": 9, "whatever": 1}"#);
        assert!(
            matches!(
                newer,
                Err(ProjectError::NewerSchema {
                    found: 9,
                    supported: 1,
                    ..
                })
            ),
            "{newer:?}"
        );
        let other = parse_str(r#"{"articles": [], "events": []}"#);
        assert!(matches!(other, Err(ProjectError::NotAProject { .. })));
        let broken =
            parse_str("{\"format\": \"chronolane project\",\n \"schema\": 1,\n \"articles\": [");
        let Err(ProjectError::Corrupt { line, .. }) = broken else {
            panic!("{broken:?}")
        };
        assert_eq!(line, 3);
        let bad_edit = parse_str(
            r#"{"format": "chronolane project", "schema": 1, "articles": [],
                "edits": [{"op": "teleport", "event": "e1"}]}"#,
        );
        let message = bad_edit.unwrap_err().to_string();
        assert!(message.contains("teleport"), "{message}");
    }
}
