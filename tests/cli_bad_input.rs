//! `chronolane extract` with a mix of good and bad files: each bad one gets a line on stderr,
//! the good one is still printed, and the exit code says something failed.

use std::process::Command;

#[test]
fn bad_files_are_reported_and_good_ones_still_printed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("picture.png"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
    )
    .unwrap();
    std::fs::write(dir.path().join("empty.txt"), b"").unwrap();
    std::fs::write(
        dir.path().join("good.txt"),
        "Harbour Reopens\n\nMarch 2, 2016\n\nDockworkers returned to work on Wednesday, the port said.\n",
    )
    .unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_chronolane"))
        .current_dir(dir.path())
        .args([
            "extract",
            "--json",
            "missing.txt",
            "picture.png",
            "empty.txt",
            "good.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    assert!(
        lines[0].contains("missing.txt") && lines[0].contains("no such file"),
        "{stderr}"
    );
    assert!(
        lines[1].contains("picture.png") && lines[1].contains("PNG image"),
        "{stderr}"
    );
    assert!(
        lines[2].contains("empty.txt") && lines[2].contains("empty"),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let articles = json["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0]["title"], "Harbour Reopens");
    assert_eq!(articles[0]["published"], "2016-03-02");
}
