//! Autosave for crash recovery: while a project has unsaved edits, a copy is written every
//! 30 s to a recovery folder (the app passes its data folder); after a crash the next start
//! lists what can be recovered. A normal save or close removes the copy.
//!
//! The clock is passed in (`now`), so the app calls [`Autosave::tick`] every frame and tests
//! drive time by hand.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::ingest::IngestError;
use crate::model::Timeline;

use super::atomic::{self, Backup};
use super::file::{self, RecoveryInfo};
use super::{OpenReport, Project, ProjectError};

/// How long unsaved edits wait before they are copied to the recovery folder.
pub const AUTOSAVE_INTERVAL: Duration = Duration::from_secs(30);

/// How recovery files end.
pub const RECOVERY_SUFFIX: &str = ".recovery.json";

/// Writes a recovery copy of the open project while it has unsaved edits.
#[derive(Clone, Debug)]
pub struct Autosave {
    dir: PathBuf,
    interval: Duration,
    /// Names this run's copy of a never-saved project, so two runs do not overwrite each other.
    session: String,
    /// When the next copy is due, counted from the first change not yet copied.
    due: Option<Instant>,
    /// The copy on disk and the project revision it holds.
    written: Option<(PathBuf, u64)>,
}

/// What a tick did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tick {
    Idle,
    /// A recovery copy was written here.
    Wrote(PathBuf),
    /// The project was saved, so its recovery copy was removed.
    Cleared(PathBuf),
}

/// A recovery copy found on disk.
#[derive(Clone, Debug, PartialEq)]
pub struct RecoveryEntry {
    /// The recovery file itself.
    pub file: PathBuf,
    /// The project it belongs to; `None` for work never saved.
    pub project: Option<PathBuf>,
    /// When it was written (RFC 3339, UTC).
    pub written: String,
    /// How many edits it holds.
    pub edits: usize,
}

impl Autosave {
    /// An autosaver writing into `dir` (created when first needed).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        Self {
            dir: dir.into(),
            interval: AUTOSAVE_INTERVAL,
            session: format!("{}-{nanos}", std::process::id()),
            due: None,
            written: None,
        }
    }

    /// The same with another interval (tests, settings).
    pub fn with_interval(mut self, interval: Duration) -> Self {
        self.interval = interval;
        self
    }

    /// Call often (every frame): writes a copy once the interval has passed since the first
    /// change not yet copied, and removes the copy once the project is saved. A failed write is
    /// retried after another interval.
    pub fn tick(&mut self, now: Instant, project: &Project) -> Result<Tick, ProjectError> {
        if !project.is_dirty() {
            self.due = None;
            return Ok(match self.remove_copy() {
                Some(file) => Tick::Cleared(file),
                None => Tick::Idle,
            });
        }
        let target = self.file_for(project);
        let up_to_date = self
            .written
            .as_ref()
            .is_some_and(|(file, revision)| *file == target && *revision == project.revision());
        if up_to_date {
            return Ok(Tick::Idle);
        }
        let due = *self.due.get_or_insert(now + self.interval);
        if now < due {
            return Ok(Tick::Idle);
        }
        self.due = None;
        self.write(&target, project)?;
        if let Some((old, _)) = self.written.replace((target.clone(), project.revision()))
            && old != target
        {
            let _ = fs::remove_file(old);
        }
        Ok(Tick::Wrote(target))
    }

    /// The app closes normally (saved, or the analyst chose to drop the edits): the copy goes.
    pub fn discard(&mut self) {
        self.due = None;
        self.remove_copy();
    }

    /// Takes over a recovery file the project was recovered from, so it is replaced by the next
    /// copy and removed on save like this run's own.
    pub fn adopt(&mut self, file: PathBuf) {
        self.written = Some((file, u64::MAX));
    }

    /// Where this project's copy goes: named after the project file, or after this run for a
    /// project never saved.
    pub fn file_for(&self, project: &Project) -> PathBuf {
        let name = match project.path() {
            Some(path) => {
                let stem = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let stem = stem.strip_suffix(".chronolane.json").unwrap_or(&stem);
                let tag = blake3::hash(path.to_string_lossy().as_bytes()).to_hex();
                format!("{}-{}", safe_name(stem), &tag[..16])
            }
            None => format!("untitled-{}", self.session),
        };
        self.dir.join(format!("{name}{RECOVERY_SUFFIX}"))
    }

    fn write(&self, target: &Path, project: &Project) -> Result<(), ProjectError> {
        let mut copy = project.to_file(None);
        copy.recovery = Some(RecoveryInfo {
            project: project.path().map(Path::to_path_buf),
            written: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        });
        copy.to_bytes()
            .and_then(|bytes| {
                fs::create_dir_all(&self.dir)?;
                atomic::write_atomic_with(target, Backup::Skip, |w| w.write_all(&bytes))
            })
            .map_err(|cause| ProjectError::Write {
                path: target.to_path_buf(),
                cause,
            })
    }

    fn remove_copy(&mut self) -> Option<PathBuf> {
        let (file, _) = self.written.take()?;
        match fs::remove_file(&file) {
            Ok(()) => Some(file),
            Err(err) if err.kind() == io::ErrorKind::NotFound => None,
            // Left behind, it is offered at the next start; better than losing work.
            Err(_) => None,
        }
    }
}

/// The recovery copies in `dir`, newest first. Files that cannot be read as recovery copies
/// are skipped (and left alone).
pub fn list(dir: &Path) -> Vec<RecoveryEntry> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<RecoveryEntry> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(RECOVERY_SUFFIX))
        .filter_map(|file| {
            let stored = file::read(&file).ok()?;
            let info = stored.recovery?;
            Some(RecoveryEntry {
                file,
                project: info.project,
                written: info.written,
                edits: stored.edits.len(),
            })
        })
        .collect();
    found.sort_by(|a, b| b.written.cmp(&a.written));
    found
}

/// Reopens the work in a recovery copy: its articles are re-read and its edits applied. The
/// project belongs to the original project file (if any) and counts as unsaved.
pub fn recover(
    file: &Path,
    load: impl FnOnce(&[PathBuf]) -> (Timeline, Vec<IngestError>),
) -> Result<(Project, OpenReport), ProjectError> {
    let mut stored = file::read(file)?;
    let original = stored.recovery.take().and_then(|info| info.project);
    let folder = original
        .as_deref()
        .and_then(Path::parent)
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let (mut project, report) = Project::from_file(stored, &folder, load);
    project.set_path_unsaved(original);
    Ok((project, report))
}

/// Removes a recovery copy the analyst chose not to recover.
pub fn discard(file: &Path) -> io::Result<()> {
    match fs::remove_file(file) {
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

/// Keeps letters, digits, `-` and `_` of a file name, so the copy's name is valid anywhere.
fn safe_name(stem: &str) -> String {
    let cleaned: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(48)
        .collect();
    if cleaned.is_empty() {
        "project".to_string()
    } else {
        cleaned
    }
}
