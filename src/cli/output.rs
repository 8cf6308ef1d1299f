//! How `timex` prints: JSON for tools, text for people. The `extract` printers are the
//! model's contract writer (`model::contract`), shared with a saved project's export.

use std::io::{self, Write};

use chrono::NaiveDate;
use serde::Serialize;

use crate::extract::timex::Timex;

pub use crate::model::contract::{write_csv, write_json, write_text};

/// The time expressions of one file, as `timex --json` prints them.
#[derive(Debug, Serialize)]
pub struct TimexReport {
    pub file: String,
    pub dct: Option<NaiveDate>,
    pub timexes: Vec<Timex>,
}

pub fn write_timex_json(out: &mut impl Write, reports: &[TimexReport]) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, reports)?;
    writeln!(out)
}

pub fn write_timex_text(out: &mut impl Write, reports: &[TimexReport]) -> io::Result<()> {
    for report in reports {
        let dct = report
            .dct
            .map(|d| d.to_string())
            .unwrap_or_else(|| "no DCT".into());
        writeln!(out, "{} ({dct})", report.file)?;
        for t in &report.timexes {
            let modifier = t.modifier.map(|m| m.as_str()).unwrap_or("");
            writeln!(
                out,
                "  {:>6}-{:<6} {:<8} {:<16} {:<6} {}",
                t.start,
                t.end,
                format!("{:?}", t.kind).to_uppercase(),
                t.value,
                modifier,
                t.text
            )?;
        }
    }
    Ok(())
}
