//! Real news text for the speed benchmarks, read at run time from the development corpora in
//! `../shared/corpora` (never copied into the project): the TimeBank/AQUAINT text with its
//! TimeML tags stripped, the Timeline17 dev articles, and the web pages' saved HTML.
//!
//! Shared by `benches/timex.rs`, `benches/extract.rs` and `examples/real_corpus.rs` (through
//! `#[path]`), so the criterion figures and the command-line figures of BENCHMARKS.md run on
//! the same bytes. Every reader returns `None` when the corpora are absent (CI compiles the
//! benches but has no `../shared`), and the caller says so and skips.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

/// One megabyte as the figures count it (decimal, like the MB/s goals).
pub const MB: usize = 1_000_000;

/// The one sentence of `scripts/scale.sh`, repeated into a single line with no paragraph break.
pub const ONE_LINE_SENTENCE: &str =
    "The envoys met again on 21 October 2015 and talked until late without a break. ";

/// The DCT the TimeBank figures use for every size (the first document's date), so relative
/// expressions are read as they would be in one long wire file.
pub fn timebank_dct() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(1998, 1, 8)
}

/// The corpora folder: `$CHRONOLANE_CORPORA`, else `../shared/corpora` next to the checkout.
pub fn root() -> Option<PathBuf> {
    let dir = std::env::var_os("CHRONOLANE_CORPORA").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora"),
        PathBuf::from,
    );
    dir.is_dir().then_some(dir)
}

/// Prints why a real-text bench is skipped.
pub fn say_skipped(what: &str) {
    eprintln!(
        "{what}: skipped: no corpora at ../shared/corpora (set CHRONOLANE_CORPORA to the folder \
         holding timebank/, tls-dev/ and web-pages/)"
    );
}

/// One document of a corpus: its name, its publication date and its plain text.
pub struct Doc {
    pub id: String,
    pub published: Option<NaiveDate>,
    pub text: String,
}

/// The TimeBank 1.2 and AQUAINT documents in file-name order, as `timex_score.py` sees them:
/// the text inside `<TEXT>` with every tag removed and `&amp;`-style entities decoded.
pub fn timebank() -> Option<Vec<Doc>> {
    let root = root()?.join("timebank");
    let mut paths = Vec::new();
    for sub in ["TimeBank", "AQUAINT"] {
        for entry in std::fs::read_dir(root.join(sub)).ok()? {
            let path = entry.ok()?.path();
            if path.extension().is_some_and(|e| e == "tml") {
                paths.push(path);
            }
        }
    }
    paths.sort();
    let docs: Vec<Doc> = paths
        .iter()
        .filter_map(|path| {
            let raw = std::fs::read_to_string(path).ok()?;
            let published = raw
                .split_once("<DCT>")
                .and_then(|(_, rest)| rest.split_once("value=\""))
                .and_then(|(_, rest)| rest.get(..10))
                .and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok());
            let body = raw.split_once("<TEXT>")?.1.split_once("</TEXT>")?.0;
            Some(Doc {
                id: path.file_stem()?.to_string_lossy().into_owned(),
                published,
                text: strip_tags(body),
            })
        })
        .collect();
    (!docs.is_empty()).then_some(docs)
}

/// Markup removed and the five XML entities decoded.
fn strip_tags(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        rest = rest[open..].split_once('>').map_or("", |(_, after)| after);
    }
    out.push_str(rest);
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The documents' texts, trimmed, one after another with a blank line between them, repeated
/// and cut at the last blank line at or before `bytes`: one long wire file of about that size.
pub fn one_document(docs: &[Doc], bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 64 * 1024);
    'fill: loop {
        for d in docs {
            let text = d.text.trim();
            if text.is_empty() {
                continue;
            }
            if out.len() + text.len() + 2 > bytes {
                break 'fill;
            }
            out.push_str(text);
            out.push_str("\n\n");
        }
        if docs.iter().all(|d| d.text.trim().is_empty()) {
            break;
        }
    }
    out
}

/// `text` on one line: every run of white space that holds a line break becomes one space.
pub fn flattened(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (k, line) in text
        .split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .enumerate()
    {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// [`ONE_LINE_SENTENCE`] repeated to at most `bytes`.
pub fn one_line(bytes: usize) -> String {
    ONE_LINE_SENTENCE.repeat(bytes / ONE_LINE_SENTENCE.len())
}

/// The Timeline17 dev articles (`tls-dev/*/articles.jsonl`), one JSON object a line, topics in
/// name order.
pub fn timeline17_lines() -> Option<Vec<String>> {
    let root = root()?.join("tls-dev");
    let mut topics: Vec<PathBuf> = std::fs::read_dir(&root)
        .ok()?
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.join("articles.jsonl").is_file())
        .collect();
    topics.sort();
    let mut lines = Vec::new();
    for topic in topics {
        let text = std::fs::read_to_string(topic.join("articles.jsonl")).ok()?;
        lines.extend(
            text.lines()
                .filter(|l| !l.trim().is_empty())
                .map(str::to_string),
        );
    }
    (!lines.is_empty()).then_some(lines)
}

/// The Timeline17 dev articles as `extract --jsonl` reads them (text, date, paragraphs).
pub fn timeline17_articles() -> Option<Vec<chronolane::model::Article>> {
    let lines = timeline17_lines()?;
    let name = Path::new("tls-dev.jsonl");
    let articles = lines
        .iter()
        .enumerate()
        .filter_map(|(k, line)| {
            chronolane::ingest::parse_json_line(name, k + 1, line.as_bytes())
                .ok()
                .map(|loaded| loaded.articles)
        })
        .flatten()
        .collect();
    Some(articles)
}

/// `count` article lines cycled from `lines`; repeats get "#copy<k>" appended to their id so
/// each is a separate article (the 4,600-article stream of the issue from the 687 at hand).
pub fn cycled_lines(lines: &[String], count: usize) -> Vec<String> {
    (0..count)
        .filter_map(|k| {
            let line = lines.get(k % lines.len().max(1))?;
            let copy = k / lines.len();
            if copy == 0 {
                return Some(line.clone());
            }
            let mut value: serde_json::Value = serde_json::from_str(line).ok()?;
            let id = value.get("id")?.as_str()?.to_string();
            value["id"] = serde_json::Value::String(format!("{id}#copy{copy}"));
            serde_json::to_string(&value).ok()
        })
        .collect()
}

/// The saved web pages (`web-pages/*/source.html`), in folder-name order, with their folder
/// names.
pub fn web_pages() -> Option<Vec<(String, Vec<u8>)>> {
    let root = root()?.join("web-pages");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .ok()?
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.join("source.html").is_file())
        .collect();
    dirs.sort();
    let pages: Vec<(String, Vec<u8>)> = dirs
        .iter()
        .filter_map(|d| {
            let name = d.file_name()?.to_string_lossy().into_owned();
            Some((name, std::fs::read(d.join("source.html")).ok()?))
        })
        .collect();
    (!pages.is_empty()).then_some(pages)
}
