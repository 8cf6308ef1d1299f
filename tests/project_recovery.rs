//! Autosave and crash recovery, driven by a hand-moved clock: unsaved edits are copied every
//! 30 s, the copy is found and recovered after a crash, and a normal save or close removes it.

mod project_common;

use std::fs;
use std::time::{Duration, Instant};

use chronolane::project::recovery::{self, Tick};
use chronolane::project::{Autosave, Edit, Project};
use project_common::{every_kind_of_edit, load, records, write_articles};

const SECOND: Duration = Duration::from_secs(1);

fn project_in(dir: &std::path::Path) -> Project {
    let paths = write_articles(dir);
    let (base, _) = load(&paths);
    Project::new(base, records(&paths))
}

#[test]
fn unsaved_edits_are_copied_30_seconds_after_the_first_change() {
    let dir = tempfile::tempdir().unwrap();
    let recovery_dir = dir.path().join("recovery");
    let mut project = project_in(dir.path());
    let mut autosave = Autosave::new(&recovery_dir);
    let t0 = Instant::now();

    assert_eq!(
        autosave.tick(t0, &project).unwrap(),
        Tick::Idle,
        "nothing to save"
    );
    project.edit(Edit::Hide { event: "e1".into() }).unwrap();
    assert_eq!(autosave.tick(t0 + SECOND, &project).unwrap(), Tick::Idle);
    project.edit(Edit::Hide { event: "e2".into() }).unwrap();
    assert_eq!(
        autosave.tick(t0 + 30 * SECOND, &project).unwrap(),
        Tick::Idle
    );
    let Tick::Wrote(copy) = autosave.tick(t0 + 31 * SECOND, &project).unwrap() else {
        panic!("no copy 30 s after the first unsaved edit");
    };
    assert!(copy.starts_with(&recovery_dir));
    assert_eq!(
        autosave.tick(t0 + 90 * SECOND, &project).unwrap(),
        Tick::Idle,
        "nothing new since the copy"
    );
    project.edit(Edit::Hide { event: "e3".into() }).unwrap();
    assert_eq!(
        autosave.tick(t0 + 91 * SECOND, &project).unwrap(),
        Tick::Idle
    );
    assert_eq!(
        autosave.tick(t0 + 121 * SECOND, &project).unwrap(),
        Tick::Wrote(copy)
    );
}

#[test]
fn after_a_crash_the_copy_is_listed_and_recovers_the_work() {
    let dir = tempfile::tempdir().unwrap();
    let recovery_dir = dir.path().join("recovery");
    let path = dir.path().join("strike.chronolane.json");
    let mut project = project_in(dir.path());
    project.save_as(&path).unwrap();
    for edit in every_kind_of_edit() {
        project.edit(edit).unwrap();
    }
    project.set_notes("written just before the crash");
    let mut autosave = Autosave::new(&recovery_dir).with_interval(Duration::ZERO);
    let Tick::Wrote(copy) = autosave.tick(Instant::now(), &project).unwrap() else {
        panic!("no copy");
    };
    drop(autosave); // The app dies here: nothing is cleaned up.

    let found = recovery::list(&recovery_dir);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].file, copy);
    assert_eq!(found[0].project.as_deref(), Some(path.as_path()));
    assert_eq!(found[0].edits, every_kind_of_edit().len());

    let (recovered, report) = recovery::recover(&found[0].file, load).unwrap();
    assert!(report.articles.is_empty(), "{report:?}");
    assert_eq!(recovered.applied(), project.applied());
    assert_eq!(recovered.notes(), "written just before the crash");
    assert_eq!(recovered.path(), Some(path.as_path()));
    assert!(
        recovered.is_dirty(),
        "recovered work is not in the project file yet"
    );

    // The next run takes the copy over; saving the recovered project removes it.
    let mut recovered = recovered;
    let mut autosave = Autosave::new(&recovery_dir);
    autosave.adopt(found[0].file.clone());
    recovered.save().unwrap();
    assert_eq!(
        autosave.tick(Instant::now(), &recovered).unwrap(),
        Tick::Cleared(copy.clone())
    );
    assert!(!copy.exists());
    assert!(recovery::list(&recovery_dir).is_empty());
    let (reopened, _) = Project::open_with(&path, load).unwrap();
    assert_eq!(reopened.applied(), project.applied());
}

#[test]
fn a_never_saved_project_is_recovered_too() {
    let dir = tempfile::tempdir().unwrap();
    let recovery_dir = dir.path().join("recovery");
    let mut project = project_in(dir.path());
    project.edit(Edit::Delete { event: "e5".into() }).unwrap();
    let mut autosave = Autosave::new(&recovery_dir).with_interval(Duration::ZERO);
    let Tick::Wrote(copy) = autosave.tick(Instant::now(), &project).unwrap() else {
        panic!("no copy");
    };
    let name = copy.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with("untitled-"), "{name}");
    let found = recovery::list(&recovery_dir);
    assert_eq!(found[0].project, None);
    let (recovered, _) = recovery::recover(&copy, load).unwrap();
    assert_eq!(recovered.applied(), project.applied());
    assert_eq!(recovered.path(), None);

    recovery::discard(&copy).unwrap();
    assert!(recovery::list(&recovery_dir).is_empty());
}

#[test]
fn closing_normally_removes_the_copy() {
    let dir = tempfile::tempdir().unwrap();
    let recovery_dir = dir.path().join("recovery");
    let mut project = project_in(dir.path());
    project.edit(Edit::Hide { event: "e1".into() }).unwrap();
    let mut autosave = Autosave::new(&recovery_dir).with_interval(Duration::ZERO);
    let Tick::Wrote(copy) = autosave.tick(Instant::now(), &project).unwrap() else {
        panic!("no copy");
    };
    autosave.discard();
    assert!(!copy.exists());
}

#[test]
fn a_failed_copy_is_reported_and_retried() {
    let dir = tempfile::tempdir().unwrap();
    let blocked = dir.path().join("recovery");
    fs::write(&blocked, b"a file where the folder should be").unwrap();
    let mut project = project_in(dir.path());
    project.edit(Edit::Hide { event: "e1".into() }).unwrap();
    let mut autosave = Autosave::new(&blocked).with_interval(Duration::ZERO);
    let t0 = Instant::now();
    assert!(autosave.tick(t0, &project).is_err());
    fs::remove_file(&blocked).unwrap();
    assert!(matches!(
        autosave.tick(t0 + SECOND, &project).unwrap(),
        Tick::Wrote(_)
    ));
}
