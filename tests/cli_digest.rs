//! `chronolane digest` on a small story written for the tests (`tests/fixtures/digest/`): the
//! JSON contract, the readable digest, and a missing file reported while the rest is digested.

use std::process::Command;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/digest/kessel.jsonl"
);

fn digest(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_chronolane"))
        .arg("digest")
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn json_lists_the_key_dates_in_order_with_sentences_sources_and_events() {
    let output = digest(&["--json", "--dates", "2", "--sentences", "2", FIXTURE]);
    assert!(output.status.success(), "{output:?}");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let entries = json.as_array().unwrap();
    let dates: Vec<&str> = entries
        .iter()
        .map(|e| e["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates, ["2021-03-04", "2021-03-06"]);
    let burst = &entries[0];
    assert_eq!(burst["sources"], 4);
    let sentences = burst["sentences"].as_array().unwrap();
    assert_eq!(sentences.len(), 2);
    assert!(sentences[0].as_str().unwrap().contains("burst"), "{burst}");
    let events = burst["events"].as_array().unwrap();
    for q in burst["quoted"].as_array().unwrap() {
        assert!(events.contains(&q["event"]), "{burst}");
        assert!(q["article"].as_str().unwrap().contains('/'));
    }
}

#[test]
fn text_digest_reads_as_a_briefing() {
    let output = digest(&["--dates", "1", "--sentences", "1", FIXTURE]);
    assert!(output.status.success(), "{output:?}");
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with("Thu 4 Mar 2021  "), "{text}");
    assert!(text.contains("(4 sources, 3 outlets)"), "{text}");
    assert!(text.contains("burst"), "{text}");
}

#[test]
fn a_missing_file_is_reported_and_the_rest_digested() {
    let output = digest(&["--json", "--dates", "1", "no-such-file.txt", FIXTURE]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no-such-file.txt"));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json[0]["date"], "2021-03-04");
}
