//! Hand-kept event lists (CSV): one row per event, columns named loosely (date/when/day,
//! actor/who/party, description/event/what, source/url, optional end).
//!
//! The file itself becomes an [`Article`] (text = the file, one paragraph per row) so each
//! [`HandEvent`] can point at its row. Rows whose date cannot be read are skipped and listed in a
//! warning naming their lines; when no row has a readable date the file is refused, quoting the
//! first bad value, since a list the analyst kept by hand should not vanish silently.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Article, ArticleFormat, Precision, When};

use super::dateline::{find_dates, month_number, parse_date_value};
use super::source::Source;
use super::{HandEvent, IngestError};

/// What a CSV file gave: the file as an article, its events, and a note on skipped rows.
#[derive(Debug)]
pub(crate) struct CsvEvents {
    pub article: Article,
    pub events: Vec<HandEvent>,
    pub warning: Option<String>,
}

const DATE_NAMES: &[&str] = &[
    "date",
    "when",
    "day",
    "start",
    "start date",
    "from",
    "begin",
    "date start",
];
const END_NAMES: &[&str] = &["end", "end date", "until", "to", "date end", "finish"];
const ACTOR_NAMES: &[&str] = &[
    "actor",
    "actors",
    "who",
    "party",
    "parties",
    "participants",
    "participant",
];
const DESCRIPTION_NAMES: &[&str] = &[
    "description",
    "event",
    "what",
    "summary",
    "label",
    "title",
    "text",
    "details",
];
const SOURCE_NAMES: &[&str] = &[
    "source",
    "sources",
    "url",
    "reference",
    "ref",
    "citation",
    "link",
];

/// Reads a CSV event list.
pub(crate) fn read_csv(source: &Source<'_>, text: String) -> Result<CsvEvents, IngestError> {
    let malformed = |reason: String| IngestError::Malformed {
        path: source.name.to_path_buf(),
        reason,
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter_of(&text))
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| malformed(format!("cannot read the header row: {e}")))?
        .iter()
        .map(normalise_header)
        .collect();
    let mut columns = Columns::new(&headers);
    let Some(date_col) = columns.take(DATE_NAMES, &["date", "when", "day", "start"], &["end"])
    else {
        return Err(malformed(format!(
            "no date column: the header row has {:?}; name one column date, when or day",
            headers.join(", ")
        )));
    };
    let end_col = columns.take(END_NAMES, &["end", "until", "finish"], &[]);
    let actor_col = columns.take(
        ACTOR_NAMES,
        &["actor", "actors", "who", "party", "parties", "participants"],
        &[],
    );
    let description_col = columns.take(
        DESCRIPTION_NAMES,
        &["description", "event", "what", "summary", "label", "title"],
        &[],
    );
    let source_col = columns.take(
        SOURCE_NAMES,
        &["source", "url", "reference", "link", "citation"],
        &[],
    );

    let id = source.file_name();
    let mut rows: Vec<(usize, u64, csv::StringRecord)> = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| malformed(format!("cannot read a row: {e}")))?;
        let Some(pos) = record.position() else {
            continue;
        };
        let start = usize::try_from(pos.byte()).unwrap_or(text.len());
        rows.push((start, pos.line(), record));
    }

    let mut events = Vec::new();
    let mut paragraphs = Vec::new();
    let mut bad: Vec<(u64, String)> = Vec::new();
    for (i, (start, line, record)) in rows.iter().enumerate() {
        if record.iter().all(str::is_empty) {
            continue;
        }
        let next = rows.get(i + 1).map_or(text.len(), |r| r.0);
        let range = trimmed(&text, *start..next);
        paragraphs.push(range.clone());
        let cell = |col: Option<usize>| col.and_then(|c| record.get(c)).unwrap_or("");
        let date_text = cell(Some(date_col));
        let Some(when) = row_when(date_text, cell(end_col)) else {
            bad.push((*line, date_text.to_string()));
            continue;
        };
        let source_text = cell(source_col);
        events.push(HandEvent {
            article: id.clone(),
            range,
            when,
            actors: split_actors(cell(actor_col)),
            description: cell(description_col).to_string(),
            source: (!source_text.is_empty()).then(|| source_text.to_string()),
        });
    }
    if events.is_empty() {
        let detail = bad.first().map_or_else(
            || "it has no rows".to_string(),
            |(line, value)| format!("line {line} has {value:?}"),
        );
        return Err(malformed(format!(
            "no row has a date that can be read ({detail}); write dates like 2015-10-21, 2015-10, 2015 or 21 October 2015"
        )));
    }
    let warning = (!bad.is_empty()).then(|| {
        let lines: Vec<String> = bad.iter().map(|(l, _)| l.to_string()).collect();
        format!(
            "{}: skipped {} of {} rows whose date could not be read (lines {})",
            source.name.display(),
            bad.len(),
            bad.len() + events.len(),
            lines.join(", ")
        )
    });
    let article = Article {
        id,
        title: source.stem(),
        published: None,
        path: source.path_string(),
        url: None,
        format: ArticleFormat::Csv,
        text,
        paragraphs,
    };
    Ok(CsvEvents {
        article,
        events,
        warning,
    })
}

/// Header names matched to roles, each column used once: an exact name first ("when"), else a
/// header holding a role word ("Event date", "Actor(s)") and none of the words it must not.
struct Columns<'a> {
    headers: &'a [String],
    taken: Vec<usize>,
}

impl<'a> Columns<'a> {
    fn new(headers: &'a [String]) -> Self {
        Self {
            headers,
            taken: Vec::new(),
        }
    }

    fn take(&mut self, exact: &[&str], words: &[&str], not: &[&str]) -> Option<usize> {
        let free = |i: &usize| !self.taken.contains(i);
        let found = (0..self.headers.len())
            .filter(free)
            .find(|&i| exact.contains(&self.headers[i].as_str()))
            .or_else(|| {
                (0..self.headers.len()).filter(free).find(|&i| {
                    let header_words: Vec<&str> = self.headers[i]
                        .split(|c: char| !c.is_alphanumeric())
                        .filter(|w| !w.is_empty())
                        .collect();
                    header_words.iter().any(|w| words.contains(w))
                        && !header_words.iter().any(|w| not.contains(w))
                })
            })?;
        self.taken.push(found);
        Some(found)
    }
}

/// The separator of the header row: commas, or semicolons or tabs as some spreadsheets save.
fn delimiter_of(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    let count = |c: char| header.matches(c).count();
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&d| (count(char::from(d)), d == b','))
        .unwrap_or(b',')
}

/// "Start Date" → "start date"; "actor_names" → "actor names".
fn normalise_header(h: &str) -> String {
    h.trim_start_matches('\u{feff}')
        .chars()
        .map(|c| {
            if c == '_' || c == '-' {
                ' '
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = text.get(range.clone()).unwrap_or("");
    range.start..range.start + slice.trim_end().len()
}

/// The row's date, or the span from its start to its end date.
fn row_when(start: &str, end: &str) -> Option<When> {
    let start = cell_when(start)?;
    if end.trim().is_empty() {
        return Some(start);
    }
    let end = cell_when(end)?;
    if end.end < start.start {
        return None;
    }
    Some(When {
        value: format!("{}/{}", start.value, end.value),
        start: start.start,
        end: end.end,
        precision: Precision::Range,
        modifier: None,
        approximate: false,
        inferred: false,
    })
}

/// One date cell: "2015-10-21", "2015-10", "2015", "21 October 2015", "October 2015",
/// "21/10/2015" (day and month told apart only when one is over 12).
fn cell_when(cell: &str) -> Option<When> {
    static ISO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$").expect("the ISO cell pattern is a constant")
    });
    static MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^([A-Za-z]{3,9})\.?,?\s+(\d{4})$")
            .expect("the month-year pattern is a constant")
    });
    static SLASHED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(\d{1,2})/(\d{1,2})/(\d{4})$").expect("the slashed pattern is a constant")
    });
    let cell = cell.trim();
    if cell.is_empty() {
        return None;
    }
    if ISO.is_match(cell) {
        return When::from_timex(cell, None);
    }
    if let Some(date) = parse_date_value(cell) {
        return Some(When::day(date));
    }
    if let Some(c) = MONTH_YEAR.captures(cell) {
        let month = month_number(&c[1])?;
        return When::from_timex(&format!("{}-{month:02}", &c[2]), None);
    }
    if let Some(c) = SLASHED.captures(cell) {
        let (a, b): (u32, u32) = (c[1].parse().ok()?, c[2].parse().ok()?);
        let (day, month) = match (a > 12, b > 12) {
            (true, false) => (a, b),
            (false, true) => (b, a),
            _ if a == b => (a, b),
            _ => return None,
        };
        let date = chrono::NaiveDate::from_ymd_opt(c[3].parse().ok()?, month, day)?;
        return Some(When::day(date));
    }
    // A written date with a year inside a little extra ("Tue 20 Oct 2015").
    let dates = find_dates(cell);
    let [(_, only)] = dates.as_slice() else {
        return None;
    };
    only.full().map(When::day)
}

/// "Lavrov; Kerry", "Lavrov | Kerry", "Lavrov and Kerry", "Lavrov, Kerry".
fn split_actors(cell: &str) -> Vec<String> {
    let parts: Vec<&str> = if cell.contains([';', '|']) {
        cell.split([';', '|']).collect()
    } else {
        cell.split(',')
            .flat_map(|p| p.split(" and "))
            .flat_map(|p| p.split(" & "))
            .collect()
    };
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use chrono::NaiveDate;

    use super::*;

    fn read(text: &str) -> Result<CsvEvents, IngestError> {
        read_csv(&Source::new(Path::new("events.csv")), text.into())
    }

    #[test]
    fn rows_become_events_pointing_at_their_row() {
        let text = "When,Who,What,URL\n2015-10-20,Putin; Assad,Assad visits Moscow,https://example.org/a\n2015-10,Russia,Air campaign continues,\n";
        let got = read(text).unwrap();
        assert_eq!(got.events.len(), 2);
        let first = &got.events[0];
        assert_eq!(first.actors, ["Putin", "Assad"]);
        assert_eq!(
            first.when,
            When::day(NaiveDate::from_ymd_opt(2015, 10, 20).unwrap())
        );
        assert_eq!(
            &text[first.range.clone()],
            "2015-10-20,Putin; Assad,Assad visits Moscow,https://example.org/a"
        );
        assert_eq!(got.events[1].when.precision, Precision::Month);
        assert_eq!(got.events[1].source, None);
        assert_eq!(got.article.format, ArticleFormat::Csv);
        assert_eq!(got.article.title, "events");
    }

    #[test]
    fn start_and_end_make_a_range() {
        let text =
            "date,end date,actors,event\n2015-10-23,25 October 2015,Lavrov and Kerry,Talks\n";
        let e = &read(text).unwrap().events[0];
        assert_eq!(e.when.precision, Precision::Range);
        assert_eq!(e.when.days(), 3);
        assert_eq!(e.actors, ["Lavrov", "Kerry"]);
    }

    #[test]
    fn bad_dates_are_skipped_and_reported() {
        let text = "date,actor,event\n2015-10-20,Putin,Visit\nsoon,Kerry,Call\n";
        let got = read(text).unwrap();
        assert_eq!(got.events.len(), 1);
        assert_eq!(
            got.warning.as_deref(),
            Some("events.csv: skipped 1 of 2 rows whose date could not be read (lines 3)")
        );
        let err = read("date,actor\nsoon,Kerry\n").unwrap_err().to_string();
        assert!(err.contains("line 2 has \"soon\""), "{err}");
    }

    #[test]
    fn missing_date_column_is_named() {
        let err = read("actor,event\nPutin,Visit\n").unwrap_err().to_string();
        assert!(err.contains("no date column"), "{err}");
    }

    #[test]
    fn semicolon_separated_sheets_are_read() {
        let text = "Datum;Who;What\n2015-10-20;Putin, Assad;Visit\n";
        let err = read(text).unwrap_err().to_string();
        assert!(err.contains("no date column"), "{err}");
        let got = read("Date;Who;What\n2015-10-20;Putin, Assad;Visit\n").unwrap();
        assert_eq!(got.events[0].actors, ["Putin", "Assad"]);
    }

    #[test]
    fn header_names_are_matched_loosely() {
        let text = "Event date,Event end date,Actor(s),Event,Source URL\n2015-10-23,2015-10-24,Lavrov | Kerry,Talks,x\n";
        let e = &read(text).unwrap().events[0];
        assert_eq!(e.when.days(), 2);
        assert_eq!(e.actors, ["Lavrov", "Kerry"]);
        assert_eq!(e.description, "Talks");
        assert_eq!(e.source.as_deref(), Some("x"));
    }

    #[test]
    fn ambiguous_slashed_dates_are_not_guessed() {
        assert!(cell_when("21/10/2015").is_some());
        assert!(cell_when("10/11/2015").is_none());
        assert_eq!(
            cell_when("October 2015").unwrap().precision,
            Precision::Month
        );
    }
}
