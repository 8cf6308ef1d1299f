//! Exports and `chronolane extract --project`: the extract contract and CSV, with the
//! project's edits applied and hidden events left out.

mod project_common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use chronolane::ingest::LoadOptions;
use chronolane::project::{self, ArticleRecord, Edit, GradeTarget, Project, export};
use project_common::{every_kind_of_edit, timeline};

fn edited() -> Project {
    let mut project = Project::new(timeline(), Vec::new());
    for edit in every_kind_of_edit() {
        project.edit(edit).unwrap();
    }
    project
}

#[test]
fn json_export_is_the_extract_contract_with_edits_applied() {
    let mut out = Vec::new();
    export::write_json(&mut out, &edited()).unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let ids: Vec<&str> = json["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["e1", "e2", "e3", "manual-1"], "e4 hidden, e5 deleted");
    assert_eq!(json["events"][1]["when"]["start"], "2024-03-04");
    assert_eq!(json["events"][1]["when"]["precision"], "range");
    assert_eq!(json["events"][2]["actors"], serde_json::json!(["brandt"]));
    assert_eq!(json["events"][2]["sources"][0]["grading"], "A1");
    assert!(
        json["actors"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["id"] != "harbour-board")
    );
}

#[test]
fn csv_export_has_one_row_per_visible_event() {
    let mut out = Vec::new();
    export::write_csv(&mut out, &edited()).unwrap();
    let text = String::from_utf8(out).unwrap();
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows.len(), 5, "header and four events:\n{text}");
    assert!(rows[0].starts_with("id,start,end"));
    assert!(text.contains("Minister visits the picket"));
    assert!(!text.contains("Harbour Board meets"), "hidden");
}

fn chronolane(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chronolane"))
        .args(args)
        .output()
        .unwrap()
}

fn json_of(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

/// Real extraction of a small article, so ids come from the extractor, not from us.
#[test]
fn extract_with_a_project_prints_the_edited_timeline() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("strike.txt");
    fs::write(
        &article,
        "VALMORA, 13 March 2024 - Dock workers in Valmora walked out on 3 March, the union \
         leader Mara Voss said.\n\nThe port authority suspended all shipping on 5 March.\n",
    )
    .unwrap();
    let path = article.to_str().unwrap();
    let plain = json_of(&chronolane(&["extract", "--json", path]));
    let Some(first) = plain["events"][0]["id"].as_str() else {
        panic!("no event extracted: {plain}");
    };
    let article_id = plain["articles"][0]["id"].as_str().unwrap().to_string();

    // The project, made the way the app makes it.
    let options = LoadOptions::default();
    let (base, errors) = project::extract_paths(&options)(std::slice::from_ref(&article));
    assert!(errors.is_empty());
    let mut project = Project::new(base, vec![ArticleRecord::read(&article).unwrap()]);
    project
        .edit(Edit::SetLabel {
            event: first.into(),
            label: "Strike begins".into(),
        })
        .unwrap();
    project
        .edit(Edit::Grade {
            target: GradeTarget::Article {
                article: article_id,
            },
            grading: Some("B2".parse().unwrap()),
        })
        .unwrap();
    let hidden: Vec<String> = plain["events"]
        .as_array()
        .unwrap()
        .iter()
        .skip(1)
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect();
    for id in &hidden {
        project.edit(Edit::Hide { event: id.clone() }).unwrap();
    }
    let file = dir.path().join("strike.chronolane.json");
    project.save_as(&file).unwrap();
    let file = file.to_str().unwrap();

    let output = chronolane(&["extract", "--project", file, "--json"]);
    assert!(output.status.success(), "{output:?}");
    let edited = json_of(&output);
    let events = edited["events"].as_array().unwrap();
    assert_eq!(events.len(), 1, "the others are hidden: {edited}");
    assert_eq!(events[0]["id"], first);
    assert_eq!(events[0]["label"], "Strike begins");
    assert_eq!(events[0]["sources"][0]["grading"], "B2");

    let csv = chronolane(&["extract", "--project", file, "--csv"]);
    assert!(String::from_utf8_lossy(&csv.stdout).contains("Strike begins"));

    // With the article gone, the run fails, says why, and the edits wait.
    fs::remove_file(&article).unwrap();
    let missing = chronolane(&["extract", "--project", file, "--json"]);
    assert_eq!(missing.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&missing.stderr);
    assert!(stderr.contains("missing"), "{stderr}");
    assert!(stderr.contains("pending edit #1"), "{stderr}");
    assert_eq!(json_of(&missing)["events"], serde_json::json!([]));
}

#[test]
fn extract_refuses_a_project_from_a_newer_version() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("future.chronolane.json");
    let bytes = br#"{"format": "chronolane project", "schema": 7, "articles": []}"#;
    fs::write(&file, bytes).unwrap();
    let output = chronolane(&["extract", "--project", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("newer chronolane"), "{stderr}");
    assert_eq!(fs::read(Path::new(&file)).unwrap(), bytes);
}
