//! The chronology as text for reports: CSV for spreadsheets, Markdown for notes and wikis,
//! HTML for documents and mail. Each writer takes the rows (`view::chronology`) and returns
//! the text, so the app's clipboard, its Save dialog and the command line write the same
//! thing; every cell is escaped for its format, so a headline with a pipe, a quote or a
//! `<script>` stays text.

use std::path::Path;

use thiserror::Error;

use crate::project::atomic::{Backup, write_atomic_with};
use crate::view::chronology::ChronologyRow;

/// The column headings, in the order every format writes them.
pub const HEADINGS: [&str; 6] = ["Date", "Headline", "Actors", "Sources", "Grade", "Event"];

/// A text format of the chronology.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChronologyFormat {
    Csv,
    Markdown,
    Html,
}

impl ChronologyFormat {
    pub const ALL: [Self; 3] = [Self::Csv, Self::Markdown, Self::Html];

    /// The format a file name asks for by its extension (`.csv`, `.md`, `.html`).
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "csv" => Some(Self::Csv),
            "md" | "markdown" => Some(Self::Markdown),
            "html" | "htm" => Some(Self::Html),
            _ => None,
        }
    }

    /// The usual extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Markdown => "md",
            Self::Html => "html",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Csv => "CSV",
            Self::Markdown => "Markdown",
            Self::Html => "HTML",
        }
    }

    /// The chronology in this format; `title` heads the Markdown and HTML documents.
    pub fn write(self, rows: &[ChronologyRow], title: &str) -> Result<String, ChronologyError> {
        match self {
            Self::Csv => csv_text(rows),
            Self::Markdown => Ok(markdown(rows, title)),
            Self::Html => Ok(html(rows, title)),
        }
    }
}

/// Why a chronology could not be written.
#[derive(Debug, Error)]
pub enum ChronologyError {
    #[error("could not write the CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("the CSV is not UTF-8: {0}")]
    Utf8(#[from] std::string::FromUtf8Error),
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{0}: unknown chronology format (use .csv, .md or .html)")]
    UnknownFormat(String),
}

/// Writes the chronology to `path` in the format its extension names, replacing the file
/// only once the whole text is written (a failed export never leaves half a report), with
/// the permissions of any saved file.
pub fn write_file(
    path: &Path,
    rows: &[ChronologyRow],
    title: &str,
) -> Result<ChronologyFormat, ChronologyError> {
    let format = ChronologyFormat::from_path(path)
        .ok_or_else(|| ChronologyError::UnknownFormat(path.display().to_string()))?;
    let text = format.write(rows, title)?;
    write_atomic_with(path, Backup::Skip, |out| out.write_all(text.as_bytes())).map_err(
        |source| ChronologyError::Io {
            path: path.display().to_string(),
            source,
        },
    )?;
    Ok(format)
}

/// One row's cells, in [`HEADINGS`] order.
fn cells(row: &ChronologyRow) -> [String; 6] {
    [
        row.date.clone(),
        row.headline.clone(),
        row.actors_text(),
        row.sources_text(),
        row.grade.clone().unwrap_or_default(),
        row.id.clone(),
    ]
}

/// CSV (RFC 4180, quoted where needed) with an ISO date column beside the readable one, so a
/// spreadsheet sorts by date.
pub fn csv_text(rows: &[ChronologyRow]) -> Result<String, ChronologyError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut heading = vec!["ISO date"];
    heading.extend(HEADINGS);
    writer.write_record(&heading)?;
    for row in rows {
        let mut record = vec![row.iso_date.clone()];
        record.extend(cells(row));
        writer.write_record(&record)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(String::from_utf8(bytes)?)
}

/// A GitHub-flavoured Markdown table under a `#` title.
pub fn markdown(rows: &[ChronologyRow], title: &str) -> String {
    let mut out = String::new();
    if !title.trim().is_empty() {
        out.push_str(&format!("# {}\n\n", markdown_cell(title)));
    }
    out.push_str(&format!("| {} |\n", HEADINGS.join(" | ")));
    out.push_str(&format!("|{}\n", "---|".repeat(HEADINGS.len())));
    for row in rows {
        let cells = cells(row).map(|c| markdown_cell(&c));
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}

/// A cell's text with what Markdown would read as markup (a pipe ends the cell; `*`, `_`,
/// brackets and angle brackets format or link) escaped, and line breaks made spaces.
fn markdown_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\r' | '\n' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// A standalone HTML page holding the table, styled to print on A4.
pub fn html(rows: &[ChronologyRow], title: &str) -> String {
    let title = html_escape(title);
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(&format!("<title>{title}</title>\n"));
    out.push_str(
        "<style>\nbody{font-family:sans-serif;margin:2em}\n\
         table{border-collapse:collapse;width:100%}\n\
         th,td{border:1px solid #bbb;padding:4px 8px;text-align:left;vertical-align:top}\n\
         th{background:#eee}\ntd.date{white-space:nowrap}\n</style>\n",
    );
    out.push_str(&format!(
        "</head>\n<body>\n<h1>{title}</h1>\n<table>\n<thead><tr>"
    ));
    for heading in HEADINGS {
        out.push_str(&format!("<th>{heading}</th>"));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        out.push_str("<tr>");
        for (i, cell) in cells(row).iter().enumerate() {
            let class = if i == 0 { " class=\"date\"" } else { "" };
            out.push_str(&format!("<td{class}>{}</td>", html_escape(cell)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</body>\n</html>\n");
    out
}

/// Text made safe inside an element or an attribute.
fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Role;
    use crate::view::chronology::RowActor;

    fn row(headline: &str) -> ChronologyRow {
        ChronologyRow {
            event: 0,
            id: "e-1".into(),
            date: "20 Oct 2015".into(),
            iso_date: "2015-10-20".into(),
            headline: headline.into(),
            actors: vec![
                RowActor {
                    name: "Bashar al-Assad".into(),
                    role: Some(Role::Agent),
                },
                RowActor {
                    name: "Vladimir Putin".into(),
                    role: Some(Role::Participant),
                },
            ],
            sources: vec!["Moscow, \"live\" — 21 Oct 2015".into(), "Vienna".into()],
            grade: Some("B2".into()),
        }
    }

    #[test]
    fn csv_quotes_commas_quotes_and_line_breaks_and_reads_back() {
        let text = csv_text(&[row("Assad, in Moscow, says \"no\"\nto talks")]).unwrap();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let headers = reader.headers().unwrap().clone();
        assert_eq!(&headers[0], "ISO date");
        assert_eq!(&headers[2], "Headline");
        let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(records.len(), 1);
        assert_eq!(&records[0][0], "2015-10-20");
        assert_eq!(&records[0][2], "Assad, in Moscow, says \"no\"\nto talks");
        assert_eq!(
            &records[0][3],
            "Bashar al-Assad (acting), Vladimir Putin (mentioned)"
        );
        assert_eq!(&records[0][4], "Moscow, \"live\" — 21 Oct 2015; Vienna");
        assert_eq!(&records[0][5], "B2");
    }

    #[test]
    fn markdown_escapes_pipes_and_markup_so_the_table_keeps_its_columns() {
        let text = markdown(&[row("Talks | ceasefire *agreed* [draft]\nnext")], "Syria");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "# Syria");
        let body = lines.iter().find(|l| l.contains("ceasefire")).unwrap();
        assert!(
            body.contains(r"Talks \| ceasefire \*agreed\* \[draft\] next"),
            "{body}"
        );
        // Unescaped pipes delimit cells: as many as the heading row has.
        let unescaped = |l: &str| l.matches('|').count() - l.matches(r"\|").count();
        let heading = lines.iter().find(|l| l.starts_with("| Date")).unwrap();
        assert_eq!(unescaped(body), unescaped(heading));
        assert_eq!(text.lines().count(), 5, "{text}");
    }

    #[test]
    fn html_escapes_every_cell_and_the_title() {
        let text = html(
            &[row("<script>alert('x')</script> & \"more\"")],
            "Syria <draft>",
        );
        assert!(!text.contains("<script>"), "{text}");
        assert!(
            text.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;")
        );
        assert!(text.contains("<title>Syria &lt;draft&gt;</title>"));
        assert_eq!(
            text.matches("<tr>").count(),
            2,
            "a heading row and one event"
        );
    }

    #[test]
    fn the_file_extension_picks_the_format_and_an_unknown_one_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let rows = [row("Assad meets Putin")];
        for (name, format) in [
            ("c.csv", ChronologyFormat::Csv),
            ("c.MD", ChronologyFormat::Markdown),
            ("c.html", ChronologyFormat::Html),
        ] {
            let path = dir.path().join(name);
            assert_eq!(write_file(&path, &rows, "t").unwrap(), format);
            let written = std::fs::read_to_string(&path).unwrap();
            assert!(written.contains("Assad meets Putin"), "{name}");
        }
        let bad = dir.path().join("c.docx");
        assert!(matches!(
            write_file(&bad, &rows, "t"),
            Err(ChronologyError::UnknownFormat(_))
        ));
        assert!(!bad.exists());
    }
}
