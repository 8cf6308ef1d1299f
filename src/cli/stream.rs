//! `chronolane extract --jsonl FILE|-`: articles as JSON Lines in, one line of actors and events
//! per article out, in constant memory, so another engine can run extraction as a map step
//! (GNU parallel, Spark's `RDD.pipe`) and `chronolane merge` can join the pieces.
//!
//! Each article is extracted alone; lines are read and extracted a small batch at a time (one
//! line per pool thread, so both cores work) and written in input order. A bad line is
//! reported on stderr with its line number and skipped, and the stream goes on.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::extract;
use crate::ingest::{self, LoadOptions, Loaded};
use crate::model::{Article, json};

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
    // An article's line is flushed as soon as it is written, and every write is whole lines
    // (each article's output ends with its newline): stdout's own line buffer hands such a
    // write on as it is, in one write, where a buffer of ours first copied every line into
    // itself (5 M instructions on 400 Timeline17 articles).
    let mut out = io::stdout().lock();
    let mut ok = true;
    for input in inputs {
        if input.as_os_str() == "-" {
            let reader = BufReader::with_capacity(BATCH_BYTES, io::stdin().lock());
            ok &= stream(reader, input, options, &mut out)?;
            continue;
        }
        match std::fs::File::open(input) {
            Ok(file) => {
                let reader = BufReader::with_capacity(BATCH_BYTES, file);
                ok &= stream(reader, input, options, &mut out)?;
            }
            Err(e) => {
                eprintln!("chronolane: {}: cannot read: {e}", input.display());
                ok = false;
            }
        }
    }
    out.flush()?;
    Ok(ok)
}

/// A line read and waiting to be extracted with the rest of its batch.
enum Pending {
    /// A non-blank line and its number in the input.
    Line { number: usize, text: Vec<u8> },
    /// A line that was not read (over the size limit): only its message is left to print.
    Skipped(String),
}

/// What one pending line gives: its messages for stderr and its output lines, printed in
/// input order once the whole batch is extracted.
struct Extracted {
    messages: Vec<String>,
    output: Vec<u8>,
    ok: bool,
}

/// Lines a batch holds per pool thread. Every batch waits for its slowest article, so a batch
/// of a few lines leaves threads idle behind one long article; with 16 a thread the 4,600
/// Timeline17 articles keep both cores busy.
const LINES_PER_THREAD: usize = 16;

/// Bytes of input after which a batch is extracted even if it has fewer lines, so that long
/// articles do not pile up in memory.
const BATCH_BYTES: usize = 4 << 20;

/// Streams one input; lines longer than the size limit are skipped without being held.
///
/// Lines are read and extracted in batches ([`LINES_PER_THREAD`], [`BATCH_BYTES`]); output and
/// messages keep the input's order. With one thread a batch is one line, read, extracted and
/// written before the next is read; with more, memory stays bounded by the batch. A batch is
/// also extracted whenever everything that has arrived is read, so a program that writes one
/// line and waits for its answer gets it instead of waiting for a batch that never fills.
fn stream(
    mut reader: BufReader<impl Read>,
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
    let batch_len = match rayon::current_num_threads() {
        0 | 1 => 1,
        threads => LINES_PER_THREAD * threads,
    };
    let mut ok = true;
    let mut batch = Vec::with_capacity(batch_len);
    let mut batch_bytes = 0;
    for number in 1.. {
        // Nothing more has arrived: extract what has before the next read waits for more.
        if !batch.is_empty() && reader.buffer().is_empty() {
            ok &= write_batch(&mut batch, name, &shown, out)?;
            batch_bytes = 0;
        }
        let mut line = Vec::new();
        match read_line(&mut reader, &mut line, limit) {
            Ok(Line::End) => break,
            Ok(Line::TooLong) => batch.push(Pending::Skipped(format!(
                "chronolane: {shown}: line {number}: over the {limit}-byte limit (raise it with --max-size); skipped"
            ))),
            Ok(Line::Read) if line.trim_ascii().is_empty() => {}
            Ok(Line::Read) => {
                batch_bytes += line.len();
                batch.push(Pending::Line { number, text: line });
            }
            Err(e) => {
                write_batch(&mut batch, name, &shown, out)?;
                eprintln!("chronolane: {shown}: line {number}: cannot read: {e}");
                return Ok(false);
            }
        }
        if batch.len() >= batch_len || batch_bytes >= BATCH_BYTES {
            ok &= write_batch(&mut batch, name, &shown, out)?;
            batch_bytes = 0;
        }
    }
    ok &= write_batch(&mut batch, name, &shown, out)?;
    Ok(ok)
}

/// Extracts the batch's lines in parallel, then prints their messages and writes their lines
/// in input order, flushing after each article so a consumer reading the pipe sees it at once.
fn write_batch(
    batch: &mut Vec<Pending>,
    name: &Path,
    shown: &str,
    out: &mut impl Write,
) -> io::Result<bool> {
    let done: Vec<io::Result<Extracted>> = batch
        .par_drain(..)
        .map(|pending| match pending {
            Pending::Line { number, text } => extract_line(name, shown, number, text),
            Pending::Skipped(message) => Ok(Extracted {
                messages: vec![message],
                output: Vec::new(),
                ok: false,
            }),
        })
        .collect();
    let mut ok = true;
    for extracted in done {
        let extracted = extracted?;
        for message in &extracted.messages {
            eprintln!("{message}");
        }
        if !extracted.output.is_empty() {
            out.write_all(&extracted.output)?;
            out.flush()?;
        }
        ok &= extracted.ok;
    }
    Ok(ok)
}

/// Parses one line and extracts each of its articles on its own, into output lines. The line
/// is given up to become the text it holds (without a copy when it is plain UTF-8).
fn extract_line(name: &Path, shown: &str, number: usize, text: Vec<u8>) -> io::Result<Extracted> {
    let mut extracted = Extracted {
        messages: Vec::new(),
        output: Vec::new(),
        ok: true,
    };
    let input_len = text.len();
    match ingest::parse_json_line_owned(name, number, text) {
        Ok(loaded) => {
            // An article's line of output runs to about four times its input line (3.8 on the
            // Timeline17 articles; 4.4 at the median of 400 of them, and more than 6 for 30 of
            // the 400): room for six times up front saves growing the line a dozen times, and
            // the copy of a line grown once past four times (most articles; 3.5 M instructions
            // on those 400). Only once the line has parsed: a broken line writes one short
            // message, and its batch would otherwise hold six times its bytes until written.
            extracted.output.reserve(input_len.saturating_mul(6));
            for warning in &loaded.warnings {
                extracted
                    .messages
                    .push(format!("chronolane: warning: {warning}"));
            }
            for article in loaded.articles {
                write_article(article, &mut extracted.output)?;
            }
        }
        Err(e) => {
            // The error names the stream; add the line.
            let text = e.to_string();
            let reason = text
                .strip_prefix(&format!("{}: ", name.display()))
                .unwrap_or(&text);
            extracted
                .messages
                .push(format!("chronolane: {shown}: line {number}: {reason}"));
            extracted.ok = false;
        }
    }
    Ok(extracted)
}

/// Extracts one article on its own and appends its line to `out`.
fn write_article(article: Article, out: &mut Vec<u8>) -> io::Result<()> {
    let loaded = Loaded {
        articles: vec![article],
        ..Loaded::default()
    };
    let timeline = extract::extract_owned(loaded, &|| {});
    let Some(article) = timeline.articles.first() else {
        return Ok(());
    };
    // One output line: the article (without its text), its actors and its events.
    json::write_stream_line(out, article, &timeline.actors, &timeline.events)?;
    out.push(b'\n');
    Ok(())
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
            BufReader::new(io::Cursor::new(input)),
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

    #[test]
    fn lines_come_out_in_input_order_across_batches() {
        // More lines than a batch holds on any pool, with a bad line and an over-long one
        // among them: every good line gives its article, in the order it was read.
        let mut input = String::new();
        let count = 3 * LINES_PER_THREAD * rayon::current_num_threads().max(1) + 5;
        for n in 1..=count {
            match n {
                7 => input.push_str("{\"text\": broken\n"),
                11 => input.push_str(&format!("{{\"id\": \"long\", \"text\": \"{}\"}}\n", "x ".repeat(600))),
                _ => input.push_str(&format!(
                    "{{\"id\": \"a{n}\", \"published\": \"2016-03-0{}\", \"text\": \"Iran and Iraq met in Baghdad on Monday.\"}}\n",
                    1 + n % 9
                )),
            }
        }
        let options = LoadOptions { max_bytes: 1000 };
        let mut out = Vec::new();
        let reader = BufReader::new(io::Cursor::new(input));
        let ok = stream(reader, Path::new("-"), &options, &mut out).unwrap();
        assert!(!ok);
        let ids: Vec<String> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| {
                serde_json::from_str::<serde_json::Value>(l).unwrap()["article"]["id"].to_string()
            })
            .collect();
        let expected: Vec<String> = (1..=count)
            .filter(|n| *n != 7 && *n != 11)
            .map(|n| format!("\"a{n}\""))
            .collect();
        assert_eq!(ids, expected);
    }

    /// A reader that hands out one line per read, and checks that every earlier line's answer
    /// was written before the next line is asked for, as a program that waits for each
    /// answer before sending more would need.
    struct OneLineAtATime {
        lines: Vec<String>,
        given: usize,
        written: std::rc::Rc<std::cell::RefCell<Vec<u8>>>,
    }

    impl Read for OneLineAtATime {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let answered = self
                .written
                .borrow()
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            assert_eq!(
                answered,
                self.given,
                "line {} asked for too early",
                self.given + 1
            );
            let Some(line) = self.lines.get(self.given) else {
                return Ok(0);
            };
            self.given += 1;
            buf[..line.len()].copy_from_slice(line.as_bytes());
            Ok(line.len())
        }
    }

    struct Shared(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn each_line_is_answered_before_the_next_is_read() {
        let written = std::rc::Rc::default();
        let reader = OneLineAtATime {
            lines: (1..=3)
                .map(|n| {
                    format!("{{\"id\": \"a{n}\", \"text\": \"Iran and Iraq met on Monday.\"}}\n")
                })
                .collect(),
            given: 0,
            written: std::rc::Rc::clone(&written),
        };
        let mut out = Shared(std::rc::Rc::clone(&written));
        let ok = stream(
            BufReader::new(reader),
            Path::new("-"),
            &LoadOptions::default(),
            &mut out,
        );
        assert!(ok.unwrap());
        assert_eq!(written.borrow().iter().filter(|&&b| b == b'\n').count(), 3);
    }
}
