//! `chronolane chronology` from the command line: the bundled sample's events as a Markdown
//! table in date order, filtered like the app, and a clear refusal of an unknown format.

mod cli_common;

use cli_common::{SAMPLE, chronolane};

/// The ISO dates of a CSV chronology's rows, in file order.
fn iso_dates(path: &std::path::Path) -> Vec<String> {
    let mut reader = csv::Reader::from_path(path).unwrap();
    reader
        .records()
        .map(|r| r.unwrap()[0].to_string())
        .collect()
}

#[test]
fn the_sample_becomes_a_dated_table_in_order_and_the_filters_apply() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("moscow.md");
    let run = chronolane()
        .args(["chronology", SAMPLE, "-o"])
        .arg(&md)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(text.starts_with("# Chronology"), "{text}");
    assert!(text.contains("| Date | Headline | Actors | Sources | Grade | Event |"));
    assert!(text.contains("Oct 2015"), "{text}");

    let all = dir.path().join("all.csv");
    let run = chronolane()
        .args(["chronology", SAMPLE, "-o"])
        .arg(&all)
        .output()
        .unwrap();
    assert!(run.status.success());
    let dates = iso_dates(&all);
    assert!(dates.len() >= 5, "{dates:?}");
    assert!(dates.is_sorted(), "{dates:?}");

    let october = dir.path().join("october.csv");
    let run = chronolane()
        .args([
            "chronology",
            SAMPLE,
            "--from",
            "2015-10-01",
            "--to",
            "2015-10-31",
            "-o",
        ])
        .arg(&october)
        .output()
        .unwrap();
    assert!(run.status.success());
    let in_october = iso_dates(&october);
    assert!(
        !in_october.is_empty() && in_october.len() < dates.len(),
        "{in_october:?}"
    );
    assert!(
        in_october
            .iter()
            .all(|d| d.as_str() >= "2015-09-01" && d.as_str() <= "2015-10-31")
    );
}

#[test]
fn an_unknown_extension_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.docx");
    let run = chronolane()
        .args(["chronology", SAMPLE, "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains(".csv, .md or .html"), "{stderr}");
    assert!(!out.exists());
}
