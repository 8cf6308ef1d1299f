//! Exporting a project's events with its edits applied: the same JSON contract and CSV columns
//! as `chronolane extract`, through the same printers (`model::contract`). Hidden events are
//! left out.

use std::io::{self, Write};

use crate::model::contract as output;

use super::Project;

/// The `extract --json` contract, edits applied; gradings appear on the sources that have one.
pub fn write_json(out: &mut impl Write, project: &Project) -> io::Result<()> {
    output::write_json(out, &project.visible_timeline())
}

/// One row per visible event, as `extract --csv` prints them.
pub fn write_csv(out: &mut impl Write, project: &Project) -> io::Result<()> {
    output::write_csv(out, &project.visible_timeline())
}

/// The readable listing of `extract`, edits applied.
pub fn write_text(out: &mut impl Write, project: &Project) -> io::Result<()> {
    output::write_text(out, &project.visible_timeline())
}
