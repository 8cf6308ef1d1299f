//! Bad input never hurts: every odd file below either loads or is refused with a message that
//! names the file and says why, the run ends, and nothing panics. Fixtures are made here.
//!
//! No timings are asserted (the debug build is slow and the machine shared); the release-build
//! figures for the big inputs are in BENCHMARKS.md, with the commands.

use std::path::{Path, PathBuf};
use std::process::Command;

use chronolane::extract;
use chronolane::ingest::{self, IngestError, LoadOptions, Loaded};

const STORY: &str = "Harbour Reopens\n\nMarch 2, 2016\n\nDockworkers in Piraeus returned to work on Wednesday, the port authority said.\n";

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn load_one(path: &Path) -> Result<Loaded, IngestError> {
    ingest::load_file(path, &LoadOptions::default())
}

/// The error for `path`, checked to name the file and to contain `reason`.
fn refused(path: &Path, reason: &str) -> String {
    let err = match load_one(path) {
        Ok(loaded) => panic!(
            "{} loaded ({} articles) but should be refused",
            path.display(),
            loaded.articles.len()
        ),
        Err(err) => err.to_string(),
    };
    let name = path.file_name().unwrap().to_string_lossy();
    assert!(err.contains(name.as_ref()), "{err:?} does not name {name}");
    assert!(err.contains(reason), "{err:?} does not say {reason:?}");
    err
}

/// Loads `path` and extracts it; returns the timeline's event count.
fn loads_and_extracts(path: &Path) -> usize {
    let loaded = load_one(path).unwrap_or_else(|e| panic!("{e}"));
    assert!(!loaded.articles.is_empty(), "{}", path.display());
    extract::extract(&loaded).events.len()
}

#[test]
fn empty_and_blank_files_are_refused_as_empty() {
    let dir = tempfile::tempdir().unwrap();
    refused(&write(dir.path(), "zero.txt", b""), "file is empty");
    refused(
        &write(dir.path(), "blank.md", " \n\t\r\n  \n"),
        "file is empty",
    );
    refused(
        &write(dir.path(), "bom-only.txt", b"\xef\xbb\xbf"),
        "file is empty",
    );
}

#[test]
fn binaries_are_refused_by_kind() {
    let dir = tempfile::tempdir().unwrap();
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10".to_vec();
    png.extend((0..4000u32).map(|i| (i * 7 % 251) as u8));
    refused(&write(dir.path(), "photo.png", &png), "PNG image");
    // A picture saved with a text extension is still a picture.
    refused(&write(dir.path(), "photo.txt", &png), "PNG image");
    let mut elf = b"\x7fELF\x02\x01\x01\0".to_vec();
    elf.extend([0u8; 200]);
    refused(&write(dir.path(), "program.html", &elf), "ELF executable");
    let mut nul = b"Looks like text at first".to_vec();
    nul.extend([0, 1, 2, 3, 0, 0]);
    refused(&write(dir.path(), "mixed.json", &nul), "NUL bytes");
}

#[test]
fn invalid_utf8_reads_as_windows_1252() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes =
        b"Caf\xe9 Talks\n\nOn 3 March 2016 the ministers met in Geneva \x93at last\x94.\n".to_vec();
    bytes.extend([0xff, 0xfe, 0x80, 0x81, b'\n']);
    let path = write(dir.path(), "latin.txt", &bytes);
    let loaded = load_one(&path).unwrap();
    assert_eq!(loaded.articles[0].title, "Café Talks");
    assert!(loaded.articles[0].text.contains("\u{201c}at last\u{201d}"));
    loads_and_extracts(&path);
}

#[test]
fn utf16_without_a_byte_order_mark_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let le: Vec<u8> = STORY.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = STORY.encode_utf16().flat_map(u16::to_be_bytes).collect();
    for (name, bytes) in [("le.txt", le), ("be.txt", be)] {
        let loaded = load_one(&write(dir.path(), name, bytes)).unwrap();
        assert_eq!(loaded.articles[0].title, "Harbour Reopens", "{name}");
        assert_eq!(loaded.articles[0].text, STORY, "{name}");
    }
}

#[test]
fn control_characters_do_not_break_reading() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("Signal\u{7} Lost\n\n");
    for c in (1u8..32).filter(|c| *c != b'\n') {
        text.push_str(&format!(
            "On 4 May 2016{} the{}council met.\u{1b}[31m\n",
            char::from(c),
            char::from(c)
        ));
    }
    text.push_str("\u{202e}reversed\u{feff} text\u{200b} on 5 May 2016.\u{7f}\n");
    loads_and_extracts(&write(dir.path(), "control.txt", &text));
    loads_and_extracts(&write(dir.path(), "control.html", format!("<p>{text}</p>")));
    let json = serde_json::json!([{ "text": text, "title": "\u{0}\u{1}" }]).to_string();
    loads_and_extracts(&write(dir.path(), "control.json", json));
}

#[test]
fn a_ten_megabyte_line_loads_and_the_run_ends() {
    let dir = tempfile::tempdir().unwrap();
    // Sentences on one line, with a 1 MB stretch that has no full stop at all (a run-on
    // sentence once made every event in it quote the whole megabyte).
    let sentence = "The envoys met again on 21 October 2015 and talked until late. ";
    let run_on = "the envoys met on 21 October 2015 and talked without a break ";
    let mut line = sentence.repeat(9 * 1024 * 1024 / sentence.len());
    line.push_str(&run_on.repeat(1024 * 1024 / run_on.len()));
    let path = write(dir.path(), "one-line.txt", &line);
    let loaded = load_one(&path).unwrap();
    assert_eq!(loaded.articles.len(), 1);
    // Several seconds in a debug build; in release 1.7 s (all sentences) and 3.4 s (all one
    // run-on sentence): BENCHMARKS.md, scripts/scale.sh.
    let timeline = extract::extract(&loaded);
    assert!(!timeline.events.is_empty());
    assert!(
        timeline
            .events
            .iter()
            .all(|e| e.sources[0].quote.len() <= 2_000)
    );
}

#[test]
fn a_hundred_thousand_short_lines_load_and_extract() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("Many Lines\n\n");
    for i in 0..100_000 {
        text.push_str(if i % 10 == 0 {
            "On 2 May 2016 Ann spoke.\n"
        } else {
            "ok\n"
        });
    }
    let path = write(dir.path(), "lines.txt", &text);
    assert!(loads_and_extracts(&path) > 0);
}

#[test]
fn html_nested_a_hundred_thousand_deep_loads() {
    let dir = tempfile::tempdir().unwrap();
    let depth = 100_000;
    let page = format!(
        "<html><body>{}<p>The talks resumed on 3 March 2016 in Geneva.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let path = write(dir.path(), "deep.html", &page);
    let loaded = load_one(&path).unwrap();
    assert!(loaded.articles[0].text.contains("talks resumed"));
    let unclosed = format!(
        "<html><body>{}text on 3 March 2016",
        "<span><b>".repeat(depth)
    );
    load_one(&write(dir.path(), "unclosed.html", unclosed)).unwrap();
}

#[test]
fn json_of_the_wrong_shape_says_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "object.json",
            r#"{"headline": "no text here"}"#,
            "no \"text\" field",
        ),
        ("numbers.json", "[1, 2, 3]", "item 1 is a number"),
        ("string.json", r#""just a string""#, "not an object"),
        (
            "text-list.json",
            r#"[{"text": ["a", "b"]}]"#,
            "\"text\" is a list",
        ),
        ("truncated.json", r#"[{"text": "cut off"#, "not valid JSON"),
        (
            "articles.json",
            r#"{"articles": {"text": "x"}}"#,
            "not a list",
        ),
        ("empty-list.json", "[]", "holds no articles"),
        (
            "lines.jsonl",
            "{\"text\": \"ok\"}\n{\"text\": 5}\n",
            "item 2",
        ),
        (
            "timeline.json",
            r#"{"articles": [], "actors": [], "events": [{"id": 1}]}"#,
            "looks like a chronolane timeline",
        ),
    ];
    for (name, text, reason) in cases {
        refused(&write(dir.path(), name, text), reason);
    }
}

#[test]
fn csv_with_missing_columns_is_refused_or_its_rows_warned() {
    let dir = tempfile::tempdir().unwrap();
    let no_date = refused(
        &write(dir.path(), "no-date.csv", "actor,event\nRussia,talks\n"),
        "no-date.csv",
    );
    assert!(no_date.to_lowercase().contains("date"), "{no_date}");
    // Rows shorter than the header: loaded where they can be, the rest named in warnings.
    let path = write(
        dir.path(),
        "short-rows.csv",
        "date,actor,event\n2016-03-02,Greece,Port reopens\n2016-03-03\n,,\nnot a date,Turkey,x\n",
    );
    match load_one(&path) {
        Ok(loaded) => {
            for warning in &loaded.warnings {
                assert!(warning.contains("short-rows.csv"), "{warning}");
            }
            extract::extract(&loaded);
        }
        Err(err) => assert!(err.to_string().contains("short-rows.csv"), "{err}"),
    }
}

#[test]
fn dates_out_of_range_are_ignored_or_refused_not_panicked_on() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Far Dates\n\nOn 1 January 0000 nothing happened. In the year 99999 the sun rose. \
                By 31 December 9999 and 1 January 262144 and year -5000 all was quiet. \
                The treaty of 12 March 99999 lapsed in 0000-00-00 or 99999-12-31.\n";
    loads_and_extracts(&write(dir.path(), "far.txt", text));
    for date in ["0000-01-01", "99999-01-01", "+262143-12-31", "-0001-01-01"] {
        let json = serde_json::json!([{ "published": date, "text": text }]).to_string();
        let path = write(dir.path(), "far.json", json);
        match load_one(&path) {
            Ok(loaded) => {
                extract::extract(&loaded);
            }
            Err(err) => {
                let err = err.to_string();
                assert!(
                    err.contains("far.json") && err.contains("is not a date"),
                    "{err}"
                );
            }
        }
    }
    // A year this far off in a dateline or front matter loads too.
    let md = "---\ntitle: Far\ndate: 99999-01-01\n---\n\nThe fleet sailed on 2 June.\n";
    loads_and_extracts(&write(dir.path(), "far.md", md));
    for dct in ["0001-01-01", "9999-12-31"] {
        let dct = chrono::NaiveDate::parse_from_str(dct, "%Y-%m-%d").ok();
        extract::timex::tag("next year, last century, in 10,000 years, yesterday", dct);
    }
}

#[test]
fn unreadable_files_folders_as_files_and_symlink_loops_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("folder.txt");
    std::fs::create_dir(&folder).unwrap();
    refused(&folder, "is a folder");
    refused(&dir.path().join("missing.txt"), "no such file");

    #[cfg(unix)]
    {
        use std::os::unix::fs::{PermissionsExt, symlink};
        let a = dir.path().join("a.txt");
        let b = dir.path().join("b.txt");
        symlink(&b, &a).unwrap();
        symlink(&a, &b).unwrap();
        refused(&a, "cannot read");

        let locked = write(dir.path(), "locked.txt", STORY);
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        if std::fs::File::open(&locked).is_ok() {
            // Running as root: mode 000 does not stop root reading, so there is nothing to
            // refuse. The folder-as-file case above covers the "cannot read" message.
            eprintln!("note: running as root, chmod 000 does not make a file unreadable");
        } else {
            refused(&locked, "permission denied");
        }
    }
}

/// A folder holding a pipe, a loop of links, a locked sub-folder and good files: the good files
/// load and the walk ends (a pipe opened for reading would wait for a writer forever).
#[cfg(unix)]
#[test]
fn odd_entries_in_a_folder_do_not_stop_the_walk() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.txt", STORY);
    let fifo = dir.path().join("pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("self.txt"), dir.path().join("self.txt")).unwrap();
    let (loaded, errors) = ingest::load_paths(&[dir.path().to_path_buf()], &LoadOptions::default());
    assert_eq!(loaded.articles.len(), 1, "{errors:?}");
    assert!(made.is_ok_and(|s| s.success()) || !fifo.exists());
    for err in &errors {
        assert!(err.to_string().contains("self.txt"), "{err}");
    }
}

#[test]
fn a_folder_of_ten_thousand_files_loads_every_one() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..10_000 {
        let body = format!(
            "Note {i}\n\nThe committee met on {} May 2016.\n",
            i % 28 + 1
        );
        std::fs::write(dir.path().join(format!("n{i:05}.txt")), body).unwrap();
    }
    std::fs::write(dir.path().join("n99999.txt"), b"").unwrap();
    let (loaded, errors) = ingest::load_paths(&[dir.path().to_path_buf()], &LoadOptions::default());
    assert_eq!(loaded.articles.len(), 10_000);
    assert_eq!(errors.len(), 1);
    assert!(errors[0].to_string().contains("n99999.txt: file is empty"));
    let timeline = extract::extract(&loaded);
    assert_eq!(timeline.articles.len(), 10_000);
}

/// The command line: each bad file gets one line on stderr naming it, good ones still print,
/// ingest warnings are printed as warnings, and the exit code says something failed.
#[test]
fn the_command_line_names_each_bad_file_once() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.txt", STORY);
    write(dir.path(), "wrong.json", r#"{"headline": "x"}"#);
    write(dir.path(), "zero.md", b"");
    write(
        dir.path(),
        "rows.csv",
        "date,actor,event\n2016-03-02,Greece,Port reopens\nsoon,Turkey,Talks\n",
    );
    let output = Command::new(env!("CARGO_BIN_EXE_chronolane"))
        .current_dir(dir.path())
        .args([
            "extract",
            "--json",
            "good.txt",
            "wrong.json",
            "zero.md",
            "rows.csv",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    for (name, reason) in [("wrong.json", "no \"text\" field"), ("zero.md", "empty")] {
        let lines: Vec<&str> = stderr.lines().filter(|l| l.contains(name)).collect();
        assert_eq!(lines.len(), 1, "{name}: {stderr}");
        assert!(
            lines[0].starts_with("chronolane: ") && lines[0].contains(reason),
            "{stderr}"
        );
    }
    assert!(
        stderr
            .lines()
            .any(|l| l.starts_with("chronolane: warning: ") && l.contains("rows.csv")),
        "{stderr}"
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["articles"].as_array().map(Vec::len), Some(2));
}
