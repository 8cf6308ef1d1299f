//! What a rule hands back: the TIMEX3 type and value of one expression, with the extent and
//! modifier corrections the rule found. The dispatcher (`normalise`) and every rule file import it
//! from here, so no rule file imports its caller.

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::Modifier;

/// The TIMEX3 type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

/// Where a duration sits on the calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Anchor {
    pub date: NaiveDate,
    pub forward: bool,
}

/// A normalised expression.
pub struct Normal {
    pub kind: TimexType,
    pub value: String,
    pub modifier: Option<Modifier>,
    /// A later start when the first word is not part of the expression ("earlier this week").
    pub start: Option<usize>,
    /// A shorter end when the last word is a signal, not part of the expression ("a year after").
    pub end: Option<usize>,
    pub anchor: Option<Anchor>,
}

pub(super) fn plain(kind: TimexType, value: String) -> Normal {
    Normal {
        kind,
        value,
        modifier: None,
        start: None,
        end: None,
        anchor: None,
    }
}
