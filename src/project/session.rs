//! The open project: the extraction it started from, the edit log with its history, and what
//! was last saved, so the app can ask before closing with unsaved edits.

use std::path::{Path, PathBuf};

use crate::extract;
use crate::ingest::{self, IngestError, LoadOptions};
use crate::model::Timeline;

use super::ProjectError;
use super::apply::{Annotations, Applied, Pending, PendingReason, apply, apply_next};
use super::articles::{ArticleRecord, ArticleStatus};
use super::atomic;
use super::edit::Edit;
use super::file::{self, ProjectFile};
use super::history::History;

/// An analyst's project, open in the app or on the command line.
#[derive(Clone, Debug)]
pub struct Project {
    /// The project file (absolute), once saved or opened.
    path: Option<PathBuf>,
    /// The input files, with absolute paths.
    articles: Vec<ArticleRecord>,
    /// The timeline as extracted, before any edit.
    base: Timeline,
    history: History,
    applied: Applied,
    notes: String,
    views: serde_json::Value,
    /// Counts every change, so an autosaver can tell whether there is anything new to write.
    revision: u64,
    /// What the file on disk holds; `None` when the project was never saved or was recovered.
    saved: Option<Snapshot>,
}

/// The parts of a project whose change makes it unsaved.
#[derive(Clone, Debug)]
struct Snapshot {
    edits: Vec<Edit>,
    notes: String,
    views: serde_json::Value,
    articles: Vec<PathBuf>,
}

/// What opening a project found: articles that changed, went missing or could not be read.
/// Edits that no longer apply are in [`Project::pending`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OpenReport {
    /// Every article that is not as it was saved, with what happened to it.
    pub articles: Vec<(PathBuf, ArticleStatus)>,
    /// Messages from reading the articles that were there.
    pub load_errors: Vec<String>,
}

impl OpenReport {
    /// One line per problem, for a notification or stderr.
    pub fn messages(&self) -> Vec<String> {
        let articles = self.articles.iter().map(|(path, status)| {
            let path = path.display();
            match status {
                ArticleStatus::Unchanged => format!("{path}: unchanged"),
                ArticleStatus::Changed => {
                    format!("{path}: changed since the project was saved; edits re-applied")
                }
                ArticleStatus::Missing => {
                    format!("{path}: missing; its edits are kept until it is back")
                }
                ArticleStatus::Unreadable(why) => format!("{path}: cannot read ({why})"),
            }
        });
        articles.chain(self.load_errors.iter().cloned()).collect()
    }

    /// Whether an article went missing or could not be read.
    pub fn lost_articles(&self) -> bool {
        !self.load_errors.is_empty()
            || self
                .articles
                .iter()
                .any(|(_, s)| matches!(s, ArticleStatus::Missing | ArticleStatus::Unreadable(_)))
    }
}

/// The usual way articles become a timeline: ingest, then extract.
pub fn extract_paths(
    options: &LoadOptions,
) -> impl FnOnce(&[PathBuf]) -> (Timeline, Vec<IngestError>) {
    let options = options.clone();
    move |paths| {
        let (loaded, errors) = ingest::load_paths(paths, &options);
        (extract::extract(&loaded), errors)
    }
}

impl Project {
    /// A new, unsaved project over an extracted timeline and the files it came from.
    pub fn new(base: Timeline, articles: Vec<ArticleRecord>) -> Self {
        let articles = absolute_records(articles);
        Self::build(
            None,
            articles,
            base,
            Vec::new(),
            String::new(),
            serde_json::Value::Null,
        )
    }

    /// Opens a project file: re-reads and re-extracts its articles, then applies its edits.
    pub fn open(path: &Path, options: &LoadOptions) -> Result<(Self, OpenReport), ProjectError> {
        Self::open_with(path, extract_paths(options))
    }

    /// [`Project::open`] with the articles turned into a timeline by `load` (tests, or the
    /// command line when it is given other files).
    pub fn open_with(
        path: &Path,
        load: impl FnOnce(&[PathBuf]) -> (Timeline, Vec<IngestError>),
    ) -> Result<(Self, OpenReport), ProjectError> {
        let stored = file::read(path)?;
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let (mut project, report) = Self::from_file(stored, &folder, load);
        project.path = Some(path);
        project.saved = Some(project.snapshot());
        Ok((project, report))
    }

    /// A project from a stored file whose relative article paths are under `folder`. It counts
    /// as unsaved until saved (a recovered project has no file of its own yet).
    pub fn from_file(
        stored: ProjectFile,
        folder: &Path,
        load: impl FnOnce(&[PathBuf]) -> (Timeline, Vec<IngestError>),
    ) -> (Self, OpenReport) {
        let mut report = OpenReport::default();
        let mut articles: Vec<ArticleRecord> = stored
            .articles
            .iter()
            .map(|a| a.resolved_in(folder))
            .collect();
        let mut present = Vec::new();
        for record in &mut articles {
            let status = record.check(Path::new(""));
            if matches!(status, ArticleStatus::Unchanged | ArticleStatus::Changed) {
                present.push(record.path.clone());
            }
            if status != ArticleStatus::Unchanged {
                report.articles.push((record.path.clone(), status));
            }
        }
        let (base, errors) = load(&present);
        report.load_errors = errors.iter().map(ToString::to_string).collect();
        let project = Self::build(
            None,
            articles,
            base,
            stored.edits,
            stored.notes,
            stored.views,
        );
        (project, report)
    }

    fn build(
        path: Option<PathBuf>,
        articles: Vec<ArticleRecord>,
        base: Timeline,
        edits: Vec<Edit>,
        notes: String,
        views: serde_json::Value,
    ) -> Self {
        let applied = apply(&base, &edits);
        let mut project = Self {
            path,
            articles,
            base,
            history: History::new(edits),
            applied,
            notes,
            views,
            revision: 0,
            saved: None,
        };
        if project.history.log().is_empty() && project.notes.is_empty() && project.views.is_null() {
            // Nothing the analyst did yet: closing loses nothing.
            project.saved = Some(project.snapshot());
        }
        project
    }

    /// Applies an edit, as an undoable step. An edit whose target is not in the timeline is
    /// refused (it would only become pending) and the project is unchanged.
    pub fn edit(&mut self, edit: Edit) -> Result<(), PendingReason> {
        let (applied, result) = apply_next(std::mem::take(&mut self.applied), &edit);
        self.applied = applied;
        result?;
        self.history.push(edit);
        self.revision += 1;
        Ok(())
    }

    /// Applies the edits of one action (the analyst's one click) as a single undoable step;
    /// returns those refused, with why, which leave the project unchanged.
    pub fn edit_all(&mut self, edits: Vec<Edit>) -> Vec<(Edit, PendingReason)> {
        let mut refused = Vec::new();
        let mut done = Vec::with_capacity(edits.len());
        for edit in edits {
            let (applied, result) = apply_next(std::mem::take(&mut self.applied), &edit);
            self.applied = applied;
            match result {
                Ok(()) => done.push(edit),
                Err(reason) => refused.push((edit, reason)),
            }
        }
        if !done.is_empty() {
            self.history.push_all(done);
            self.revision += 1;
        }
        refused
    }

    /// Takes back the last step; `false` when there is none.
    pub fn undo(&mut self) -> bool {
        let undone = self.history.undo();
        if undone {
            self.reapply();
        }
        undone
    }

    /// Does the last undone step again; `false` when there is none.
    pub fn redo(&mut self) -> bool {
        let redone = self.history.redo();
        if redone {
            self.reapply();
        }
        redone
    }

    /// Removes the edit at `index` of the log (a pending edit the analyst gives up on, or an
    /// old edit to revert), as an undoable step.
    pub fn discard(&mut self, index: usize) -> Option<Edit> {
        let removed = self.history.remove(index);
        if removed.is_some() {
            self.reapply();
        }
        removed
    }

    /// Swaps in a new extraction (files added or removed in the app); the edits are replayed.
    pub fn replace_base(&mut self, base: Timeline, articles: Vec<ArticleRecord>) {
        self.base = base;
        self.articles = absolute_records(articles);
        self.reapply();
    }

    fn reapply(&mut self) {
        self.applied = apply(&self.base, self.history.log());
        self.revision += 1;
    }

    /// The timeline with the edits applied, hidden events included.
    pub fn timeline(&self) -> &Timeline {
        &self.applied.timeline
    }

    /// The timeline without hidden events: what is drawn and exported.
    pub fn visible_timeline(&self) -> Timeline {
        self.applied.visible()
    }

    pub fn applied(&self) -> &Applied {
        &self.applied
    }

    pub fn annotations(&self) -> &Annotations {
        &self.applied.annotations
    }

    /// Edits kept in the project that do not apply to the articles as they are now.
    pub fn pending(&self) -> &[Pending] {
        &self.applied.pending
    }

    /// The edit log, in the order it applies.
    pub fn edits(&self) -> &[Edit] {
        self.history.log()
    }

    /// The timeline as extracted, before any edit.
    pub fn base(&self) -> &Timeline {
        &self.base
    }

    pub fn articles(&self) -> &[ArticleRecord] {
        &self.articles
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    pub fn notes(&self) -> &str {
        &self.notes
    }

    pub fn set_notes(&mut self, notes: &str) {
        if self.notes != notes {
            notes.clone_into(&mut self.notes);
            self.revision += 1;
        }
    }

    /// Saved views, as the UI stored them.
    pub fn views(&self) -> &serde_json::Value {
        &self.views
    }

    pub fn set_views(&mut self, views: serde_json::Value) {
        if self.views != views {
            self.views = views;
            self.revision += 1;
        }
    }

    /// The project file, once the project has one.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Whether there is work that is not in the project file: ask before closing.
    /// Cheap enough to call every frame: it compares, it does not copy.
    pub fn is_dirty(&self) -> bool {
        let Some(saved) = &self.saved else {
            return true;
        };
        saved.edits.as_slice() != self.history.log()
            || saved.notes != self.notes
            || saved.views != self.views
            || !saved
                .articles
                .iter()
                .eq(self.articles.iter().map(|a| &a.path))
    }

    /// Goes up with every change; equal revisions mean nothing changed in between.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// An id for a new manual event that no event and no edit uses yet.
    pub fn new_event_id(&self) -> String {
        let taken = |id: &str| {
            self.applied.timeline.events.iter().any(|e| e.id == id)
                || self
                    .history
                    .log()
                    .iter()
                    .any(|e| matches!(e, Edit::AddEvent { event, .. } if event.id == id))
        };
        (1..)
            .map(|n| format!("manual-{n}"))
            .find(|id| !taken(id))
            .unwrap_or_else(|| "manual".to_string())
    }

    /// Saves to the project's own file.
    pub fn save(&mut self) -> Result<(), ProjectError> {
        let path = self.path.clone().ok_or(ProjectError::NoPath)?;
        self.save_as(&path)
    }

    /// Saves to `path` (atomically, keeping the previous version as `.bak`), which becomes the
    /// project's file. On failure the project keeps its old file and stays unsaved.
    pub fn save_as(&mut self, path: &Path) -> Result<(), ProjectError> {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let written = self
            .to_file(Some(&folder))
            .to_bytes()
            .and_then(|bytes| atomic::write_atomic(&path, &bytes));
        written.map_err(|cause| ProjectError::Write {
            path: path.clone(),
            cause,
        })?;
        self.path = Some(path);
        self.saved = Some(self.snapshot());
        Ok(())
    }

    /// The project as a file kept in `folder` (article paths relative to it where they can
    /// be), or with absolute paths when `None`.
    pub fn to_file(&self, folder: Option<&Path>) -> ProjectFile {
        let articles = match folder {
            Some(folder) => self
                .articles
                .iter()
                .map(|a| a.relative_to(folder))
                .collect(),
            None => self.articles.clone(),
        };
        let mut stored = ProjectFile::new(articles, self.history.log().to_vec());
        stored.notes = self.notes.clone();
        stored.views = self.views.clone();
        stored
    }

    /// Marks the project as holding work that is in no project file (after recovery).
    pub(crate) fn set_path_unsaved(&mut self, path: Option<PathBuf>) {
        self.path = path;
        self.saved = None;
    }

    fn snapshot(&self) -> Snapshot {
        Snapshot {
            edits: self.history.log().to_vec(),
            notes: self.notes.clone(),
            views: self.views.clone(),
            articles: self.articles.iter().map(|a| a.path.clone()).collect(),
        }
    }
}

/// Records with absolute paths, so a recovery copy (kept elsewhere) still finds the files.
fn absolute_records(articles: Vec<ArticleRecord>) -> Vec<ArticleRecord> {
    articles
        .iter()
        .map(|a| a.resolved_in(Path::new("")))
        .collect()
}
