//! `chronolane extract --jsonl FILE|-`: articles as JSON Lines in, one line of actors and events
//! per article out, in constant memory, so another engine can run extraction as a map step
//! (GNU parallel, Spark's `RDD.pipe`) and `chronolane merge` can join the pieces.
//!
//! Each line is read, extracted alone and written before the next is read; a bad line is
//! reported on stderr with its line number and skipped, and the stream goes on.

use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::extract;
use crate::ingest::{self, LoadOptions, Loaded};
use crate::model::{Actor, Article, Event};

/// One output line: the article (without its text), its actors and its events.
#[derive(Debug, Serialize)]
pub(crate) struct StreamLine<'a> {
    pub article: &'a Article,
    pub actors: &'a [Actor],
    pub events: &'a [Event],
}

/// Streams every input ("-" is stdin) to stdout; `Ok(false)` when some line or file failed.
/// An error writing stdout (a closed pipe) ends the run.
pub(crate) fn run_stream(inputs: &[PathBuf], options: &LoadOptions) -> anyhow::Result<bool> {
    // Reading a line and extracting its article each run a rayon parallel iterator over one
    // item. From the main thread, every such iterator hands its work to a pool thread and
    // sleeps until it is done: two thread hand-offs (wake-ups, context switches) per article.
    // Run from a pool thread instead, they run in place, and the other pool threads can
    // still take a share of the work. The lines are read and written in order as before.
    rayon::scope(|_| stream_all(inputs, options))
}

/// [`run_stream`], run on a rayon pool thread.
fn stream_all(inputs: &[PathBuf], options: &LoadOptions) -> anyhow::Result<bool> {
    // An article's line is flushed as soon as it is written; a buffer that holds a whole
    // line (tens of kilobytes for a long article) makes that one write.
    let mut out = BufWriter::with_capacity(super::OUTPUT_BUFFER, io::stdout().lock());
    let mut ok = true;
    for input in inputs {
        if input.as_os_str() == "-" {
            ok &= stream(io::stdin().lock(), input, options, &mut out)?;
            continue;
        }
        match std::fs::File::open(input) {
            Ok(file) => ok &= stream(BufReader::new(file), input, options, &mut out)?,
            Err(e) => {
                eprintln!("chronolane: {}: cannot read: {e}", input.display());
                ok = false;
            }
        }
    }
    out.flush()?;
    Ok(ok)
}

/// Streams one input; lines longer than the size limit are skipped without being held.
fn stream(
    mut reader: impl BufRead,
    name: &Path,
    options: &LoadOptions,
    out: &mut impl Write,
) -> io::Result<bool> {
    let shown = if name.as_os_str() == "-" {
        "stdin".to_string()
    } else {
        name.display().to_string()
    };
    let limit = usize::try_from(options.max_bytes).unwrap_or(usize::MAX);
    let mut ok = true;
    let mut line = Vec::new();
    for number in 1.. {
        line.clear();
        match read_line(&mut reader, &mut line, limit) {
            Ok(Line::End) => break,
            Ok(Line::TooLong) => {
                eprintln!(
                    "chronolane: {shown}: line {number}: over the {limit}-byte limit (raise it with --max-size); skipped"
                );
                ok = false;
                continue;
            }
            Ok(Line::Read) => {}
            Err(e) => {
                eprintln!("chronolane: {shown}: line {number}: cannot read: {e}");
                return Ok(false);
            }
        }
        if line.trim_ascii().is_empty() {
            continue;
        }
        match ingest::parse_json_line(name, number, &line) {
            Ok(loaded) => {
                for warning in &loaded.warnings {
                    eprintln!("chronolane: warning: {warning}");
                }
                for article in loaded.articles {
                    write_article(article, out)?;
                }
            }
            Err(e) => {
                // The error names the stream; add the line.
                let text = e.to_string();
                let reason = text
                    .strip_prefix(&format!("{}: ", name.display()))
                    .unwrap_or(&text);
                eprintln!("chronolane: {shown}: line {number}: {reason}");
                ok = false;
            }
        }
    }
    Ok(ok)
}

/// Extracts one article on its own and writes its line, flushed so a consumer reading the pipe
/// sees each article as soon as it is done.
fn write_article(article: Article, out: &mut impl Write) -> io::Result<()> {
    let loaded = Loaded {
        articles: vec![article],
        ..Loaded::default()
    };
    let timeline = extract::extract(&loaded);
    let Some(article) = timeline.articles.first() else {
        return Ok(());
    };
    let line = StreamLine {
        article,
        actors: &timeline.actors,
        events: &timeline.events,
    };
    serde_json::to_writer(&mut *out, &line)?;
    out.write_all(b"\n")?;
    out.flush()
}

enum Line {
    Read,
    TooLong,
    End,
}

/// Reads one line (without its newline) into `buf`, holding at most `limit` bytes: the rest
/// of a longer line is read and dropped.
fn read_line(reader: &mut impl BufRead, buf: &mut Vec<u8>, limit: usize) -> io::Result<Line> {
    let mut too_long = false;
    let mut any = false;
    loop {
        let chunk = match reader.fill_buf() {
            Ok(chunk) => chunk,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            break;
        }
        any = true;
        let (part, used, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (&chunk[..i], i + 1, true),
            None => (chunk, chunk.len(), false),
        };
        if !too_long {
            if buf.len() + part.len() > limit {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(part);
            }
        }
        reader.consume(used);
        if done {
            break;
        }
    }
    Ok(match (any, too_long) {
        (false, _) => Line::End,
        (true, true) => Line::TooLong,
        (true, false) => Line::Read,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_dropped_without_losing_the_next() {
        let input = format!("{}\nshort\n\nlast", "x".repeat(50));
        let mut reader = io::Cursor::new(input.into_bytes());
        let mut buf = Vec::new();
        assert!(matches!(
            read_line(&mut reader, &mut buf, 10),
            Ok(Line::TooLong)
        ));
        buf.clear();
        assert!(matches!(
            read_line(&mut reader, &mut buf, 10),
            Ok(Line::Read)
        ));
        assert_eq!(buf, b"short");
        buf.clear();
        assert!(matches!(
            read_line(&mut reader, &mut buf, 10),
            Ok(Line::Read)
        ));
        assert!(buf.is_empty());
        buf.clear();
        assert!(matches!(
            read_line(&mut reader, &mut buf, 10),
            Ok(Line::Read)
        ));
        assert_eq!(buf, b"last");
        assert!(matches!(
            read_line(&mut reader, &mut buf, 10),
            Ok(Line::End)
        ));
    }

    #[test]
    fn each_article_gives_one_line_and_bad_lines_are_skipped() {
        let input = concat!(
            "{\"id\": \"a\", \"published\": \"2015-10-21\", \"text\": \"Russia and Turkey signed a deal on Tuesday.\"}\n",
            "not json\n",
            "{\"text\": \"Iran and Iraq met on 3 March 2016 in Baghdad.\"}\n",
        );
        let mut out = Vec::new();
        let ok = stream(
            io::Cursor::new(input),
            Path::new("-"),
            &LoadOptions::default(),
            &mut out,
        )
        .unwrap();
        assert!(!ok);
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0]["article"]["id"], "a");
        assert_eq!(lines[1]["article"]["id"], "stdin#3");
        assert!(lines[0]["events"].is_array() && lines[0]["actors"].is_array());
    }
}
