//! Writes the real-text inputs of the speed figures in BENCHMARKS.md, from the development
//! corpora in `../shared/corpora` (read at run time, never copied into the project):
//! `cargo run --release --example real_corpus -- DIR`.
//!
//! - `timebank-1MB.txt`, `timebank-3MB.txt`, `timebank-10MB.txt`: the TimeBank/AQUAINT text
//!   (tags stripped) as one document, repeated and cut at a blank line;
//! - `timebank-line-10MB.txt`: the 10 MB document flattened onto one line;
//! - `one-line-10MB.txt`: one sentence repeated on one line (as `scripts/scale.sh` writes it);
//! - `tls-4600.jsonl`: 4,600 Timeline17 dev articles, the 687 at hand cycled with new ids;
//! - `web-pages.jsonl`: the saved web pages as read by our HTML reader, one article a line.
//!
//! The same corpora always give the same bytes (the criterion benches build the same texts
//! through the same module).

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[expect(dead_code, reason = "the module also serves the benches")]
#[path = "../benches/common/corpora.rs"]
mod corpora;

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: real_corpus DIR");
        return ExitCode::from(2);
    };
    match write_all(&dir) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => {
            corpora::say_skipped("real_corpus");
            ExitCode::from(1)
        }
        Err(err) => {
            eprintln!("real_corpus: {}: {err}", dir.display());
            ExitCode::from(2)
        }
    }
}

/// Writes every file; `Ok(false)` when the corpora are not there.
fn write_all(dir: &Path) -> std::io::Result<bool> {
    let Some(docs) = corpora::timebank() else {
        return Ok(false);
    };
    std::fs::create_dir_all(dir)?;
    for mb in [1, 3, 10] {
        let text = corpora::one_document(&docs, mb * corpora::MB);
        write(dir, &format!("timebank-{mb}MB.txt"), text.as_bytes())?;
        if mb == 10 {
            write(
                dir,
                "timebank-line-10MB.txt",
                corpora::flattened(&text).as_bytes(),
            )?;
        }
    }
    write(
        dir,
        "one-line-10MB.txt",
        corpora::one_line(10 * corpora::MB).as_bytes(),
    )?;
    if let Some(lines) = corpora::timeline17_lines() {
        let mut out = corpora::cycled_lines(&lines, 4600).join("\n");
        out.push('\n');
        write(dir, "tls-4600.jsonl", out.as_bytes())?;
    }
    if let Some(pages) = corpora::web_pages() {
        let mut out = String::new();
        for (name, html) in pages {
            let path = PathBuf::from(format!("{name}.html"));
            let Ok(loaded) = chronolane::ingest::parse_bytes(&path, &html) else {
                continue;
            };
            for article in loaded.articles {
                let line = serde_json::json!({
                    "id": name,
                    "title": article.title,
                    "published": article.published,
                    "text": article.text,
                });
                out.push_str(&line.to_string());
                out.push('\n');
            }
        }
        write(dir, "web-pages.jsonl", out.as_bytes())?;
    }
    Ok(true)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::io::Result<()> {
    let path = dir.join(name);
    std::fs::File::create(&path)?.write_all(bytes)?;
    eprintln!("{}: {} bytes", path.display(), bytes.len());
    Ok(())
}
