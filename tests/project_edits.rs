//! What each correction does to the timeline the analyst sees, and that undo and redo give
//! back exactly the earlier states.

mod project_common;

use chronolane::model::{ActorKind, Precision};
use chronolane::project::{Applied, Edit, PendingReason, Project, apply};
use project_common::{date, every_kind_of_edit, timeline, timeline_of};

fn event<'a>(applied: &'a Applied, id: &str) -> &'a chronolane::model::Event {
    applied
        .timeline
        .events
        .iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("no event {id}"))
}

#[test]
fn every_kind_of_edit_changes_what_the_analyst_sees() {
    let applied = apply(&timeline(), &every_kind_of_edit());
    assert!(applied.pending.is_empty(), "{:?}", applied.pending);
    let notes = &applied.annotations;

    let e2 = &event(&applied, "e2").when;
    assert_eq!((e2.start, e2.end), (date("2024-03-04"), date("2024-03-09")));
    assert_eq!(e2.precision, Precision::Range);
    assert_eq!(event(&applied, "e1").actors, ["dockers", "voss"]);
    assert!(
        applied.timeline.events.iter().all(|e| e.id != "e5"),
        "deleted"
    );

    assert!(notes.hidden.contains("e4"));
    let visible = applied.visible();
    assert!(visible.events.iter().all(|e| e.id != "e4"), "hidden");
    assert_eq!(visible.events.len(), applied.timeline.events.len() - 1);

    assert_eq!(
        event(&applied, "manual-1").label,
        "Minister visits the picket"
    );
    assert!(notes.manual.contains("manual-1"));
    assert_eq!(
        notes.notes.get("manual-1").map(String::as_str),
        Some("Seen on the evening news, not in the articles")
    );
    assert!(notes.notes.contains_key("e1"));
    assert_eq!(notes.starred, ["manual-1", "e3"], "ordered briefing list");
    let starred: Vec<&str> = applied
        .starred_events()
        .iter()
        .map(|e| e.label.as_str())
        .collect();
    assert_eq!(starred, ["Minister visits the picket", "Port to reopen"]);

    let grade = |id: &str| {
        event(&applied, id).sources[0]
            .grading
            .map(|g| g.to_string())
    };
    assert_eq!(grade("e1").as_deref(), Some("B2"), "article grading");
    assert_eq!(grade("e3").as_deref(), Some("A1"), "report grading wins");
    assert_eq!(grade("e4").as_deref(), Some("C3"));

    let actor = |id: &str| applied.timeline.actor(id).unwrap_or_else(|| panic!("{id}"));
    let port = actor("port-authority");
    assert_eq!(port.name, "Valmora Port Authority");
    assert!(port.is_named("Port Authority"), "old name kept as alias");
    assert!(port.is_named("Harbour Board"), "merged name kept as alias");
    assert!(applied.timeline.actor("harbour-board").is_none());
    assert_eq!(
        event(&applied, "e4").actors,
        ["port-authority"],
        "re-pointed, once"
    );

    let brandt = actor("brandt");
    assert_eq!(brandt.name, "Brandt");
    assert_eq!(brandt.affiliation.as_deref(), Some("port-authority"));
    assert!(!actor("voss").is_named("Brandt"));
    assert_eq!(
        event(&applied, "e3").actors,
        ["brandt"],
        "the sentence names Brandt"
    );
    assert!(event(&applied, "e1").actors.contains(&"voss".to_string()));

    assert_eq!(actor("valmora").kind, ActorKind::Group);
    assert_eq!(notes.colours["voss"].to_string(), "#d62728");
}

#[test]
fn undo_and_redo_restore_exact_states() {
    let mut project = Project::new(timeline(), Vec::new());
    let mut states = vec![project.applied().clone()];
    for edit in every_kind_of_edit() {
        project
            .edit(edit.clone())
            .unwrap_or_else(|e| panic!("{edit:?}: {e}"));
        states.push(project.applied().clone());
    }
    assert_eq!(states.last(), Some(project.applied()));
    for expected in states.iter().rev().skip(1) {
        assert!(project.undo());
        assert_eq!(project.applied(), expected);
    }
    assert!(!project.undo(), "nothing left to undo");
    assert_eq!(project.timeline(), &timeline(), "back to the extraction");
    assert!(!project.is_dirty());
    for expected in states.iter().skip(1) {
        assert!(project.redo());
        assert_eq!(project.applied(), expected);
    }
    assert!(!project.redo());
}

#[test]
fn an_edit_on_something_that_is_not_there_is_refused_and_changes_nothing() {
    let mut project = Project::new(timeline(), Vec::new());
    let refused = project.edit(Edit::Hide {
        event: "e99".into(),
    });
    assert_eq!(refused, Err(PendingReason::NoEvent("e99".into())));
    let refused = project.edit(Edit::SetActors {
        event: "e1".into(),
        actors: vec!["nobody".into()],
    });
    assert_eq!(refused, Err(PendingReason::NoActor("nobody".into())));
    let refused = project.edit(Edit::SplitAlias {
        actor: "voss".into(),
        alias: "Vossy".into(),
        new_actor: "vossy".into(),
    });
    assert!(matches!(refused, Err(PendingReason::NotAnAlias { .. })));
    let refused = project.edit(Edit::MergeActors {
        into: "voss".into(),
        from: "voss".into(),
    });
    assert!(refused.is_err());
    assert!(!project.is_dirty());
    assert!(!project.history().can_undo());
    assert!(project.edits().is_empty());
}

#[test]
fn edits_whose_article_is_gone_are_pending_and_come_back_with_it() {
    let log = every_kind_of_edit();
    let without_a2 = apply(&timeline_of(&["a1"]), &log);
    let pending: Vec<String> = without_a2
        .pending
        .iter()
        .map(|p| p.edit.describe())
        .collect();
    assert!(
        pending.contains(&"hide event e4".to_string()),
        "{pending:?}"
    );
    assert!(
        pending.contains(&"star event e3".to_string()),
        "{pending:?}"
    );
    assert!(pending.iter().any(|p| p.starts_with("grade article a2")));
    assert!(pending.contains(&"delete event e5".to_string()));
    // The edits on a1's events still apply.
    assert_eq!(event(&without_a2, "e1").actors, ["dockers", "voss"]);
    assert_eq!(without_a2.annotations.starred, ["manual-1"]);

    let with_a2 = apply(&timeline(), &log);
    assert!(with_a2.pending.is_empty());
    assert_eq!(with_a2, apply(&timeline(), &log), "replay is deterministic");
}

#[test]
fn discarding_a_pending_edit_is_an_undoable_step() {
    let mut project = Project::new(timeline_of(&["a1"]), Vec::new());
    let log = every_kind_of_edit();
    // As if loaded from a project file: the log carries edits on the missing article.
    project.replace_base(timeline(), Vec::new());
    for edit in log.iter().cloned() {
        project.edit(edit).unwrap();
    }
    project.replace_base(timeline_of(&["a1"]), Vec::new());
    let first = project.pending()[0].clone();
    let count = project.edits().len();
    assert_eq!(project.discard(first.index), Some(first.edit.clone()));
    assert_eq!(project.edits().len(), count - 1);
    assert!(project.pending().iter().all(|p| p.edit != first.edit));
    assert!(project.undo());
    assert_eq!(project.edits(), &log[..]);
}

#[test]
fn starring_again_moves_the_event_in_the_briefing_list() {
    let mut project = Project::new(timeline(), Vec::new());
    for id in ["e1", "e2", "e3"] {
        project
            .edit(Edit::Star {
                event: id.into(),
                position: None,
            })
            .unwrap();
    }
    project
        .edit(Edit::Star {
            event: "e3".into(),
            position: Some(0),
        })
        .unwrap();
    assert_eq!(project.annotations().starred, ["e3", "e1", "e2"]);
}

#[test]
fn dirty_follows_the_log_not_the_number_of_changes() {
    let mut project = Project::new(timeline(), Vec::new());
    assert!(!project.is_dirty());
    project.edit(Edit::Hide { event: "e1".into() }).unwrap();
    assert!(project.is_dirty());
    let revision = project.revision();
    project.undo();
    assert!(!project.is_dirty(), "undone back to what is saved");
    assert!(project.revision() > revision, "but it did change");
    project.set_notes("Brief for Monday");
    assert!(project.is_dirty());
}

#[test]
fn new_manual_events_get_fresh_ids() {
    let mut project = Project::new(timeline(), Vec::new());
    assert_eq!(project.new_event_id(), "manual-1");
    for edit in every_kind_of_edit() {
        project.edit(edit).unwrap();
    }
    assert_eq!(project.new_event_id(), "manual-2");
}

#[test]
fn an_edit_in_the_app_gives_the_same_state_as_replaying_the_log() {
    let mut log = every_kind_of_edit();
    // Marks on a deleted event do not come back with a new event under the same id.
    log.push(Edit::Star {
        event: "e3".into(),
        position: None,
    });
    log.push(Edit::Delete { event: "e3".into() });
    log.push(Edit::AddEvent {
        event: project_common::timeline().events[2].clone(),
        note: None,
    });
    let mut project = Project::new(timeline(), Vec::new());
    for (n, edit) in log.iter().enumerate() {
        project.edit(edit.clone()).unwrap();
        assert_eq!(
            project.applied(),
            &apply(&timeline(), &log[..=n]),
            "after {edit:?}"
        );
    }
    assert!(!project.annotations().starred.contains(&"e3".to_string()));
}
