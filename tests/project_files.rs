//! Saving and reopening projects: every edit survives the round trip, bad files are refused
//! without being touched, a failed save leaves the previous file whole, and an article that
//! went missing keeps its edits.

mod project_common;

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use chronolane::project::atomic::{self, Backup};
use chronolane::project::{ArticleStatus, Project, ProjectError, SCHEMA_VERSION};
use project_common::{every_kind_of_edit, load, records, write_articles};

/// A project over the two fixture articles in `dir`, with every kind of edit, notes and a view.
fn edited_project(dir: &Path) -> Project {
    let paths = write_articles(dir);
    let (base, _) = load(&paths);
    let mut project = Project::new(base, records(&paths));
    for edit in every_kind_of_edit() {
        project.edit(edit).unwrap();
    }
    project.set_notes("Brief for Monday: who called the strike?");
    project.set_views(serde_json::json!({"briefing": {"group": "actor", "from": "2024-03-01"}}));
    project
}

fn open(path: &Path) -> Result<(Project, chronolane::project::OpenReport), ProjectError> {
    Project::open_with(path, load)
}

#[test]
fn save_then_open_round_trips_every_kind_of_edit() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = edited_project(dir.path());
    assert!(project.is_dirty());
    let path = dir.path().join("strike.chronolane.json");
    project.save_as(&path).unwrap();
    assert!(!project.is_dirty());
    assert_eq!(project.path(), Some(path.as_path()));

    let (reopened, report) = open(&path).unwrap();
    assert!(report.articles.is_empty(), "{report:?}");
    assert!(reopened.pending().is_empty());
    assert_eq!(reopened.edits(), project.edits());
    assert_eq!(reopened.applied(), project.applied());
    assert_eq!(reopened.notes(), project.notes());
    assert_eq!(reopened.views(), project.views());
    assert!(!reopened.is_dirty());
    assert!(
        !reopened.history().can_undo(),
        "a reopened project starts a fresh history"
    );
}

#[test]
fn the_file_says_its_schema_and_keeps_article_paths_relative() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = edited_project(dir.path());
    let path = dir.path().join("strike.chronolane.json");
    project.save_as(&path).unwrap();
    let json: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(json["format"], "chronolane project");
    assert_eq!(json["schema"], SCHEMA_VERSION);
    assert_eq!(json["articles"][0]["path"], "a1.txt");
    assert!(
        json["articles"][0]["hash"]
            .as_str()
            .unwrap()
            .starts_with("blake3:")
    );
    assert_eq!(
        json["edits"][3],
        serde_json::json!({"op": "hide", "event": "e4"})
    );
    assert_eq!(json["views"]["briefing"]["group"], "actor");

    // The folder can move: paths are found from the project file.
    let moved = tempfile::tempdir().unwrap();
    for name in ["a1.txt", "a2.txt", "strike.chronolane.json"] {
        fs::copy(dir.path().join(name), moved.path().join(name)).unwrap();
    }
    let (reopened, report) = open(&moved.path().join("strike.chronolane.json")).unwrap();
    assert!(report.articles.is_empty(), "{report:?}");
    assert_eq!(reopened.timeline().events, project.timeline().events);
    assert_eq!(reopened.annotations(), project.annotations());
}

#[test]
fn saving_again_keeps_the_previous_version_as_bak() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = edited_project(dir.path());
    let path = dir.path().join("strike.chronolane.json");
    project.save_as(&path).unwrap();
    let first = fs::read(&path).unwrap();
    project.set_notes("Second thoughts");
    project.save().unwrap();
    assert_eq!(fs::read(atomic::backup_path(&path)).unwrap(), first);
    assert_ne!(fs::read(&path).unwrap(), first);
}

#[test]
fn a_damaged_or_newer_project_file_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8]); 4] = [
        (
            "truncated",
            b"{\"format\": \"chronolane project\", \"schema\": 1, \"articles\": [",
        ),
        ("binary", b"\x00\x01\x02 not json"),
        (
            "newer",
            b"{\"format\": \"chronolane project\", \"schema\": 99, \"articles\": [], \"layers\": {}}",
        ),
        (
            "bad edit",
            b"{\"format\": \"chronolane project\", \"schema\": 1, \"articles\": [], \"edits\": [{\"op\": \"hide\"}]}",
        ),
    ];
    for (name, bytes) in cases {
        let path = dir.path().join(format!("{name}.chronolane.json"));
        fs::write(&path, bytes).unwrap();
        let err = open(&path).map(|_| ()).unwrap_err();
        let message = err.to_string();
        assert!(message.contains(&path.display().to_string()), "{message}");
        match name {
            "newer" => {
                assert!(matches!(err, ProjectError::NewerSchema { found: 99, .. }));
                assert!(message.contains("newer chronolane"), "{message}");
            }
            _ => assert!(
                matches!(err, ProjectError::Corrupt { .. }),
                "{name}: {err:?}"
            ),
        }
        assert_eq!(fs::read(&path).unwrap(), bytes, "{name}: bytes unchanged");
        assert!(!atomic::backup_path(&path).exists());
    }
    let names: Vec<_> = fs::read_dir(dir.path()).unwrap().flatten().collect();
    assert_eq!(names.len(), 4, "nothing else written");
}

#[test]
fn a_failed_write_leaves_the_previous_file_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("strike.chronolane.json");
    fs::write(&path, b"the previous version").unwrap();

    // The disk fills up halfway through.
    let full = atomic::write_atomic_with(&path, Backup::Keep, |out| {
        out.write_all(b"{\"format\": ")?;
        Err(io::Error::new(
            io::ErrorKind::StorageFull,
            "no space left on device",
        ))
    });
    assert_eq!(full.unwrap_err().kind(), io::ErrorKind::StorageFull);
    assert_eq!(fs::read(&path).unwrap(), b"the previous version");
    let left: Vec<_> = fs::read_dir(dir.path()).unwrap().flatten().collect();
    assert_eq!(left.len(), 1, "no temporary file left behind");

    // A real full device, where there is one.
    if Path::new("/dev/full").exists() {
        let failed = atomic::write_atomic_with(&path, Backup::Keep, |out| {
            let mut device = fs::OpenOptions::new().write(true).open("/dev/full")?;
            device.write_all(b"new project")?;
            device.flush()?;
            out.write_all(b"new project")
        });
        assert!(failed.is_err());
        assert_eq!(fs::read(&path).unwrap(), b"the previous version");
    }
}

#[test]
fn a_project_that_cannot_be_saved_stays_unsaved_and_keeps_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = edited_project(dir.path());
    let path = dir.path().join("strike.chronolane.json");
    project.save_as(&path).unwrap();
    let saved = fs::read(&path).unwrap();
    project.set_notes("unsaved thought");

    // The folder is not a folder.
    let not_a_folder = dir.path().join("a1.txt").join("brief.chronolane.json");
    let err = project.save_as(&not_a_folder).unwrap_err();
    assert!(matches!(err, ProjectError::Write { .. }), "{err:?}");
    assert!(err.to_string().contains("previous file is unchanged"));
    assert!(project.is_dirty());
    assert_eq!(project.path(), Some(path.as_path()), "still its old file");

    // A read-only folder (root may write anyway; then there is nothing to show).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let locked = dir.path().join("locked");
        fs::create_dir(&locked).unwrap();
        let target = locked.join("brief.chronolane.json");
        fs::write(&target, &saved).unwrap();
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o555)).unwrap();
        let root_writes = fs::write(locked.join("probe"), b"").is_ok();
        if !root_writes {
            let err = project.save_as(&target).unwrap_err();
            assert!(matches!(err, ProjectError::Write { .. }));
            assert_eq!(fs::read(&target).unwrap(), saved);
            assert_eq!(fs::read_dir(&locked).unwrap().count(), 1);
        }
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
    }
    assert_eq!(fs::read(&path).unwrap(), saved);
}

#[test]
fn a_missing_article_keeps_its_edits() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = edited_project(dir.path());
    let path = dir.path().join("strike.chronolane.json");
    project.save_as(&path).unwrap();
    let saved = fs::read(&path).unwrap();
    let a2 = dir.path().join("a2.txt");
    let a2_text = fs::read(&a2).unwrap();
    fs::remove_file(&a2).unwrap();

    let (mut reopened, report) = open(&path).unwrap();
    assert_eq!(report.articles, [(a2.clone(), ArticleStatus::Missing)]);
    assert!(report.lost_articles());
    assert!(
        report.messages()[0].contains("its edits are kept"),
        "{report:?}"
    );
    assert_eq!(reopened.edits(), project.edits(), "no edit dropped");
    let pending: Vec<String> = reopened
        .pending()
        .iter()
        .map(|p| p.edit.describe())
        .collect();
    assert!(
        pending.contains(&"star event e3".to_string()),
        "{pending:?}"
    );
    assert!(reopened.timeline().events.iter().all(|e| e.id != "e3"));
    assert!(!reopened.is_dirty());

    // Saved again while the article is away, nothing is lost from the file either.
    reopened.set_notes("a2 is on the other laptop");
    reopened.save().unwrap();
    let (again, _) = open(&path).unwrap();
    assert_eq!(again.edits(), project.edits());
    assert_eq!(
        again.articles().len(),
        2,
        "the missing article stays listed"
    );

    // When it is back, its edits apply again.
    fs::write(&a2, a2_text).unwrap();
    let (restored, report) = open(&path).unwrap();
    assert!(report.articles.is_empty(), "{report:?}");
    assert!(restored.pending().is_empty());
    assert_eq!(restored.timeline(), project.timeline());
    assert_ne!(fs::read(&path).unwrap(), saved, "notes were saved");
}

#[test]
fn a_changed_article_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = edited_project(dir.path());
    let path = dir.path().join("strike.chronolane.json");
    project.save_as(&path).unwrap();
    let a1 = dir.path().join("a1.txt");
    let mut text = fs::read_to_string(&a1).unwrap();
    text.push_str("\nA correction was appended.");
    fs::write(&a1, text).unwrap();
    let (reopened, report) = open(&path).unwrap();
    assert_eq!(report.articles, [(a1, ArticleStatus::Changed)]);
    assert!(!report.lost_articles());
    assert!(report.messages()[0].contains("changed since the project was saved"));
    assert_eq!(reopened.edits(), project.edits());
}
