use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

/// The months' full names in lower case, January first: the one list every reader of dates
/// (datelines, clause analysis, labels, the digest) checks words against.
pub const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The weekdays' full names in lower case, Monday first (ISO order).
pub const WEEKDAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// When an event happened: the first and last day it may cover, and how sure we are.
///
/// A month-only date is the whole month with `precision: month`, never a made-up day, so the
/// timeline can draw it as uncertain across its extent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct When {
    /// First day the event may cover (inclusive).
    pub start: NaiveDate,
    /// Last day the event may cover (inclusive).
    pub end: NaiveDate,
    pub precision: Precision,
    #[serde(rename = "mod")]
    pub modifier: Option<Modifier>,
    /// "about", "some", "around": the extent is a guess.
    pub approximate: bool,
    /// The TIMEX3 value the range was derived from ("2015-10-21", "2015-09", "P3W", ...).
    pub value: String,
    /// The date was not written in the sentence but carried over from the narrative.
    #[serde(default)]
    pub inferred: bool,
}

impl When {
    /// One exact day.
    pub fn day(date: NaiveDate) -> Self {
        Self {
            start: date,
            end: date,
            precision: Precision::Day,
            modifier: None,
            approximate: false,
            value: date.format("%Y-%m-%d").to_string(),
            inferred: false,
        }
    }

    /// The range a TIMEX3 date value covers, narrowed by its modifier
    /// (`2015-09` + END is September 21–30). `None` for values that are not calendar
    /// positions (`PAST_REF`, durations, sets) or that are malformed.
    pub fn from_timex(value: &str, modifier: Option<Modifier>) -> Option<Self> {
        let (start, end, precision) = range_of_value(value)?;
        let (start, end) = match modifier {
            Some(m) => narrow(start, end, m),
            None => (start, end),
        };
        Some(Self {
            start,
            end,
            precision,
            modifier,
            approximate: modifier == Some(Modifier::Approx),
            value: value.to_string(),
            inferred: false,
        })
    }

    /// Number of days covered, at least 1.
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }

    /// Whether the date is a single day (drawn as a point rather than a bar).
    pub fn is_point(&self) -> bool {
        self.start == self.end
    }
}

/// How finely a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Time,
    Day,
    Week,
    Month,
    Season,
    Quarter,
    Half,
    Year,
    Decade,
    Century,
    /// An explicit span ("over the past three weeks", "from 2011 to 2014").
    Range,
}

/// TIMEX3 modifiers (`mod` attribute).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Modifier {
    Start,
    Mid,
    End,
    Approx,
    Before,
    After,
    OnOrBefore,
    OnOrAfter,
    LessThan,
    MoreThan,
    EqualOrLess,
    EqualOrMore,
}

impl Modifier {
    /// The TIMEX3 spelling ("START", "ON_OR_AFTER").
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Start => "START",
            Self::Mid => "MID",
            Self::End => "END",
            Self::Approx => "APPROX",
            Self::Before => "BEFORE",
            Self::After => "AFTER",
            Self::OnOrBefore => "ON_OR_BEFORE",
            Self::OnOrAfter => "ON_OR_AFTER",
            Self::LessThan => "LESS_THAN",
            Self::MoreThan => "MORE_THAN",
            Self::EqualOrLess => "EQUAL_OR_LESS",
            Self::EqualOrMore => "EQUAL_OR_MORE",
        }
    }

    /// Parses the TIMEX3 spelling.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "START" => Self::Start,
            "MID" => Self::Mid,
            "END" => Self::End,
            "APPROX" => Self::Approx,
            "BEFORE" => Self::Before,
            "AFTER" => Self::After,
            "ON_OR_BEFORE" => Self::OnOrBefore,
            "ON_OR_AFTER" => Self::OnOrAfter,
            "LESS_THAN" => Self::LessThan,
            "MORE_THAN" => Self::MoreThan,
            "EQUAL_OR_LESS" => Self::EqualOrLess,
            "EQUAL_OR_MORE" => Self::EqualOrMore,
            _ => return None,
        })
    }
}

/// The first and last day of a TIMEX3 calendar value, with its precision.
fn range_of_value(value: &str) -> Option<(NaiveDate, NaiveDate, Precision)> {
    // A day written in full ("2015-10-21"), most dates of news, read by the byte: what the
    // fields below read of it, without splitting and parsing each field
    if let Some(date) = full_day(value) {
        return Some((date?, date?, Precision::Day));
    }
    range_of_fields(value)
}

/// [`range_of_value`] by splitting the value into its fields: every value but a full day
/// comes here. Apart so that a test can hold [`full_day`] to what this reads of a full day,
/// which [`range_of_value`] no longer asks it.
fn range_of_fields(value: &str) -> Option<(NaiveDate, NaiveDate, Precision)> {
    let (date_part, has_time) = match value.split_once('T') {
        Some((d, _)) => (d, true),
        None => (value, false),
    };
    // The first three fields, read without collecting them: every date of a timeline passes
    // here, and the vector was its one allocation besides the value's own copy.
    let mut parts = date_part.split('-');
    let year_text = parts.next()?;
    let second = parts.next();
    let third = parts.next();
    if year_text.is_empty() || !year_text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // "201" is the 2010s, "20" the 21st century ("19" is 1900-1999 in TIMEX3).
    let year_digits = year_text.len();
    let scaled: i32 = year_text.parse().ok()?;
    match (year_digits, second.is_none()) {
        (2, true) => {
            let first = scaled * 100;
            return Some((
                ymd(first, 1, 1)?,
                ymd(first + 99, 12, 31)?,
                Precision::Century,
            ));
        }
        (3, true) => {
            let first = scaled * 10;
            return Some((
                ymd(first, 1, 1)?,
                ymd(first + 9, 12, 31)?,
                Precision::Decade,
            ));
        }
        (4, _) => {}
        _ => return None,
    }
    let year = scaled;
    let Some(second) = second else {
        return Some((ymd(year, 1, 1)?, ymd(year, 12, 31)?, Precision::Year));
    };
    if let Some(week) = second
        .strip_prefix('W')
        .filter(|w| w.bytes().all(|b| b.is_ascii_digit()))
    {
        let week: u32 = week.parse().ok()?;
        let monday = NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Mon)?;
        return Some((monday, monday + Duration::days(6), Precision::Week));
    }
    if let Some(q) = second.strip_prefix('Q') {
        let q: u32 = q.parse().ok().filter(|q| (1..=4).contains(q))?;
        let first_month = (q - 1) * 3 + 1;
        return Some((
            ymd(year, first_month, 1)?,
            month_end(year, first_month + 2)?,
            Precision::Quarter,
        ));
    }
    if let Some(h) = second.strip_prefix('H') {
        let h: u32 = h.parse().ok().filter(|h| (1..=2).contains(h))?;
        let first_month = (h - 1) * 6 + 1;
        return Some((
            ymd(year, first_month, 1)?,
            month_end(year, first_month + 5)?,
            Precision::Half,
        ));
    }
    let season = match second {
        "SP" => Some((ymd(year, 3, 1)?, month_end(year, 5)?)),
        "SU" => Some((ymd(year, 6, 1)?, month_end(year, 8)?)),
        "FA" => Some((ymd(year, 9, 1)?, month_end(year, 11)?)),
        "WI" => Some((ymd(year, 12, 1)?, month_end(year + 1, 2)?)),
        _ => None,
    };
    if let Some((s, e)) = season {
        return Some((s, e, Precision::Season));
    }
    let month: u32 = second.parse().ok().filter(|m| (1..=12).contains(m))?;
    let Some(third) = third else {
        return Some((
            ymd(year, month, 1)?,
            month_end(year, month)?,
            Precision::Month,
        ));
    };
    let day: u32 = third.parse().ok()?;
    let date = ymd(year, month, day)?;
    let precision = if has_time {
        Precision::Time
    } else {
        Precision::Day
    };
    Some((date, date, precision))
}

/// `Some` when `value` is a day written in full, `YYYY-MM-DD` in ASCII digits, with the day if
/// the calendar has it (`Some(None)`: month or day out of range); `None` for any other value.
fn full_day(value: &str) -> Option<Option<NaiveDate>> {
    let b: &[u8; 10] = value.as_bytes().try_into().ok()?;
    let digits = [0, 1, 2, 3, 5, 6, 8, 9];
    if b[4] != b'-' || b[7] != b'-' || !digits.iter().all(|&i| b[i].is_ascii_digit()) {
        return None;
    }
    let n = |i: usize| u32::from(b[i] - b'0');
    let year = n(0) * 1000 + n(1) * 100 + n(2) * 10 + n(3);
    let month = n(5) * 10 + n(6);
    let day = n(8) * 10 + n(9);
    Some(
        (1..=12)
            .contains(&month)
            .then(|| ymd(year as i32, month, day))
            .flatten(),
    )
}

/// Narrows (or, for BEFORE/AFTER, keeps) a range by a modifier: START/MID/END take the first,
/// middle or last third of the span.
fn narrow(start: NaiveDate, end: NaiveDate, modifier: Modifier) -> (NaiveDate, NaiveDate) {
    let days = (end - start).num_days() + 1;
    if days < 3 {
        return (start, end);
    }
    let third = days / 3;
    match modifier {
        Modifier::Start => (start, start + Duration::days(third - 1)),
        Modifier::Mid => (start + Duration::days(third), end - Duration::days(third)),
        Modifier::End => (end - Duration::days(days - 2 * third - 1), end),
        _ => (start, end),
    }
}

fn ymd(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month >= 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    ymd(y, m, 1).map(|d| d.pred_opt().unwrap_or(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(value: &str, m: Option<Modifier>) -> (String, String, Precision) {
        let w = When::from_timex(value, m).unwrap_or_else(|| panic!("{value} gave no range"));
        (w.start.to_string(), w.end.to_string(), w.precision)
    }

    #[test]
    fn calendar_values_cover_their_whole_extent() {
        let cases = [
            ("2015-10-21", "2015-10-21", "2015-10-21", Precision::Day),
            ("2015-10-20TEV", "2015-10-20", "2015-10-20", Precision::Time),
            ("2015-09", "2015-09-01", "2015-09-30", Precision::Month),
            ("2016-02", "2016-02-01", "2016-02-29", Precision::Month),
            ("2013-W11", "2013-03-11", "2013-03-17", Precision::Week),
            ("2015-Q3", "2015-07-01", "2015-09-30", Precision::Quarter),
            ("2015-H2", "2015-07-01", "2015-12-31", Precision::Half),
            ("2015-WI", "2015-12-01", "2016-02-29", Precision::Season),
            ("2011", "2011-01-01", "2011-12-31", Precision::Year),
            ("199", "1990-01-01", "1999-12-31", Precision::Decade),
            ("19", "1900-01-01", "1999-12-31", Precision::Century),
        ];
        for (value, start, end, precision) in cases {
            assert_eq!(
                range(value, None),
                (start.into(), end.into(), precision),
                "{value}"
            );
        }
    }

    #[test]
    fn full_days_read_by_the_byte_as_the_fields_read_them() {
        // leap and non-leap years (1900 is not, 2000 is), months and days just inside and
        // just outside the calendar
        for year in ["0000", "1900", "2000", "2015", "2016", "9999"] {
            for month in ["00", "01", "02", "12", "13"] {
                for day in ["00", "01", "28", "29", "30", "31", "32"] {
                    let value = format!("{year}-{month}-{day}");
                    let by_bytes = full_day(&value).map(|d| d.map(|d| (d, d, Precision::Day)));
                    assert_eq!(by_bytes, Some(range_of_fields(&value)), "{value}");
                    assert_eq!(range_of_value(&value), range_of_fields(&value), "{value}");
                }
            }
        }
        // not a full day: left to the fields
        for value in [
            "2015-10-2",
            "2015-10-210",
            "2015/10/21",
            "2015-1a-21",
            "2015-10-21T10",
        ] {
            assert_eq!(full_day(value), None, "{value}");
        }
    }

    #[test]
    fn late_last_month_is_the_last_third_not_the_whole_month() {
        let (start, end, _) = range("2015-09", Some(Modifier::End));
        assert_eq!((start.as_str(), end.as_str()), ("2015-09-21", "2015-09-30"));
        let (start, end, _) = range("2015", Some(Modifier::Start));
        assert_eq!((start.as_str(), end.as_str()), ("2015-01-01", "2015-05-01"));
    }

    #[test]
    fn non_calendar_values_have_no_range() {
        for value in [
            "PAST_REF",
            "P3W",
            "XXXX-WI",
            "2015-13",
            "2015-02-30",
            "",
            "abc",
        ] {
            assert!(When::from_timex(value, None).is_none(), "{value}");
        }
    }

    #[test]
    fn approx_marks_the_date_approximate() {
        let w = When::from_timex("2015-10", Some(Modifier::Approx)).unwrap();
        assert!(w.approximate);
        assert_eq!(w.days(), 31);
    }

    #[test]
    fn serialises_mod_in_timex_spelling() {
        let w = When::from_timex("2015-09", Some(Modifier::End)).unwrap();
        let json = serde_json::to_value(&w).unwrap();
        assert_eq!(json["mod"], "END");
        assert_eq!(json["precision"], "month");
        assert_eq!(json["start"], "2015-09-21");
    }
}
