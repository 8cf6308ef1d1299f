//! An analyst's work saved as `*.chronolane.json`: edits keyed by stable ids, applied after
//! re-extraction, written atomically.
//!
//! Nothing the analyst does is lost: every correction is an [`Edit`] in a log that undo and
//! redo walk ([`history`]); the log is replayed on each fresh extraction ([`apply`]), and an
//! edit whose target has gone is kept as pending rather than dropped; saving replaces the file
//! atomically and keeps a `.bak` ([`atomic`]); unsaved work is autosaved for recovery after a
//! crash ([`recovery`]). [`Project`] ties these together for the app and the command line.
//!
//! What the app calls: [`Project::new`] after opening files (records from
//! [`ArticleRecord::for_timeline`]) or [`Project::open`]; [`Project::edit`] for each correction
//! and [`Project::undo`]/[`Project::redo`]; draw [`Project::visible_timeline`] with
//! [`Project::annotations`] (starred list, notes, colours); [`Project::save`]/
//! [`Project::save_as`]; [`Project::is_dirty`] before closing; [`Autosave::tick`] every frame
//! (folder: `eframe::storage_dir("chronolane")/recovery`) and [`recovery::list`] at start.

pub mod apply;
pub mod articles;
pub mod atomic;
pub mod edit;
pub mod export;
pub mod file;
pub mod grading;
pub mod history;
pub mod recovery;
mod session;

use std::io;
use std::path::PathBuf;

pub use apply::{Annotations, Applied, Pending, PendingReason, apply, apply_next};
pub use articles::{ArticleRecord, ArticleStatus};
pub use edit::{Colour, DateChoice, Edit, GradeTarget};
pub use file::{ProjectFile, SCHEMA_VERSION};
pub use grading::{GradeFilter, Gradebook, ReportKey};
pub use history::History;
pub use recovery::{Autosave, RecoveryEntry};
pub use session::{OpenReport, Project, extract_paths};

/// Why a project could not be opened or saved. Each names the file.
#[derive(Debug, thiserror::Error)]
pub enum ProjectError {
    #[error("{}: cannot read the project: {cause}", path.display())]
    Read { path: PathBuf, cause: io::Error },
    #[error("{}: not a chronolane project: {reason}", path.display())]
    NotAProject { path: PathBuf, reason: String },
    #[error(
        "{}: the project file is damaged (line {line}, column {column}): {reason}; \
         it was left as it is, and the previous version may be in the .bak beside it",
        path.display()
    )]
    Corrupt {
        path: PathBuf,
        line: usize,
        column: usize,
        reason: String,
    },
    #[error(
        "{}: this project was saved by a newer chronolane (project schema {found}; this \
         version reads up to {supported}); update chronolane to open it",
        path.display()
    )]
    NewerSchema {
        path: PathBuf,
        found: u64,
        supported: u32,
    },
    #[error("{}: cannot save: {cause}; the previous file is unchanged", path.display())]
    Write { path: PathBuf, cause: io::Error },
    #[error("the project has not been saved yet: choose a file with Save As")]
    NoPath,
}
