//! Extraction as a map step: `extract --jsonl -` turns JSON Lines articles into one line each,
//! `merge` joins the lines (in any split) into one timeline, and that timeline opens again as
//! an input like any article file.

use std::io::Write;
use std::process::{Command, Stdio};

const ARTICLES: &[(&str, &str, &str)] = &[
    (
        "w1",
        "2016-03-03",
        "Harbour Reopens\n\nDockworkers in Piraeus returned to work on Wednesday after Greece and Turkey agreed new rules, the port authority said.",
    ),
    (
        "w2",
        "2016-03-04",
        "Port Deal\n\nGreece and Turkey agreed new rules for the port of Piraeus on Wednesday, and dockworkers went back to work.",
    ),
    (
        "w3",
        "2016-05-10",
        "Council Meets\n\nThe council of Lisbon met on 9 May 2016 to approve the budget.",
    ),
];

fn chronolane(args: &[&str], stdin: &[u8]) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_chronolane"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn jsonl(articles: &[(&str, &str, &str)]) -> String {
    articles
        .iter()
        .map(|(id, published, text)| {
            serde_json::json!({"id": id, "published": published, "text": text}).to_string() + "\n"
        })
        .collect()
}

#[test]
fn streamed_pieces_merge_into_the_timeline_extract_gives() {
    let input = jsonl(ARTICLES) + "this line is not JSON\n";
    let streamed = chronolane(&["extract", "--jsonl", "-"], input.as_bytes());
    assert_eq!(
        streamed.status.code(),
        Some(1),
        "the bad line fails the run"
    );
    let stderr = String::from_utf8_lossy(&streamed.stderr);
    assert!(stderr.contains("stdin: line 4: not valid JSON"), "{stderr}");
    let lines: Vec<&[u8]> = streamed
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(lines.len(), 3);
    for line in &lines {
        let value: serde_json::Value = serde_json::from_slice(line).unwrap();
        assert!(value["article"]["id"].is_string() && value["events"].is_array());
    }

    // Merge the lines split over two "workers", in the wrong order.
    let dir = tempfile::tempdir().unwrap();
    let part1 = dir.path().join("part1.jsonl");
    let part2 = dir.path().join("part2.jsonl");
    std::fs::write(&part1, [lines[2], b"\n"].concat()).unwrap();
    std::fs::write(&part2, [lines[0], b"\n", lines[1], b"\n"].concat()).unwrap();
    let merged = chronolane(
        &["merge", part1.to_str().unwrap(), part2.to_str().unwrap()],
        b"",
    );
    assert_eq!(
        merged.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&merged.stderr)
    );
    let timeline: serde_json::Value = serde_json::from_slice(&merged.stdout).unwrap();
    assert_eq!(timeline["articles"].as_array().map(Vec::len), Some(3));
    let port_deal = timeline["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["sources"].as_array().is_some_and(|s| s.len() == 2));
    assert!(
        port_deal.is_some(),
        "the two port reports merge: {timeline:#}"
    );

    // The merged timeline is an input like any other.
    let merged_path = dir.path().join("merged.json");
    std::fs::write(&merged_path, &merged.stdout).unwrap();
    let reopened = chronolane(&["extract", "--json", merged_path.to_str().unwrap()], b"");
    assert_eq!(reopened.status.code(), Some(0));
    let again: serde_json::Value = serde_json::from_slice(&reopened.stdout).unwrap();
    assert_eq!(again, timeline);
}

#[test]
fn merge_reads_stdin_and_names_bad_lines() {
    let streamed = chronolane(
        &["extract", "--jsonl", "-"],
        jsonl(&ARTICLES[2..]).as_bytes(),
    );
    let input = [&streamed.stdout[..], b"{\"article\": {}}\n"].concat();
    let merged = chronolane(&["merge"], &input);
    assert_eq!(merged.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&merged.stderr);
    assert!(
        stderr.starts_with("chronolane: stdin: line 2: "),
        "{stderr}"
    );
    let timeline: serde_json::Value = serde_json::from_slice(&merged.stdout).unwrap();
    assert_eq!(timeline["articles"][0]["id"], "w3");
}
