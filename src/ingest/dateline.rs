//! Dates as news pages print them: header lines ("October 21, 2015", "Wednesday 21 October 2015",
//! "2015-10-21"), wire datelines ("MOSCOW, Oct 21 (Reuters) -") and metadata values (RFC 3339).
//!
//! A dateline without a year takes one only from a full date near it (in the text or in the file
//! name); when none is near, the year stays unknown rather than guessed.

use std::ops::Range;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use crate::ingest::eight_bytes::{HIGHS, any_flagged, any_in_block, in_range, word};
use crate::model::MONTH_NAMES;

mod ascii;
use ascii::{Found, Month};

/// How far (days) a full date may lie from a year-less dateline and still lend it its year.
const YEAR_WINDOW_DAYS: i64 = 45;

/// A date as written: the year may be missing ("Oct 21").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct WrittenDate {
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
}

impl WrittenDate {
    /// The calendar date, when the year was written.
    pub fn full(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year?, self.month, self.day)
    }

    /// The calendar date, borrowing the year from nearby full dates when it was not written.
    pub fn resolve(self, nearby: &[NaiveDate]) -> Option<NaiveDate> {
        self.full().or_else(|| {
            let year = infer_year(self.month, self.day, nearby)?;
            NaiveDate::from_ymd_opt(year, self.month, self.day)
        })
    }
}

/// A wire-service dateline opening a paragraph ("MOSCOW, Oct 21 (Reuters) - ").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct WireDateline {
    /// Bytes the dateline takes at the start of the paragraph, trailing dash and space included.
    pub len: usize,
    pub date: Option<WrittenDate>,
}

/// The month names the date patterns know, in the order their alternations try them.
const MONTHS: [&str; 48] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "JANUARY",
    "FEBRUARY",
    "MARCH",
    "APRIL",
    "MAY",
    "JUNE",
    "JULY",
    "AUGUST",
    "SEPTEMBER",
    "OCTOBER",
    "NOVEMBER",
    "DECEMBER",
    "Sept",
    "SEPT",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
    "JAN",
    "FEB",
    "MAR",
    "APR",
    "JUN",
    "JUL",
    "AUG",
    "SEP",
    "OCT",
    "NOV",
    "DEC",
];
/// The day names that may open a date, in the order its alternation tries them.
const WEEKDAYS: [&str; 17] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Mon",
    "Tue",
    "Tues",
    "Wed",
    "Thu",
    "Thur",
    "Thurs",
    "Fri",
    "Sat",
    "Sun",
];

/// Month-day-year, day-month-year and ISO dates; the year is optional in the first two.
fn date_regex(unicode: bool) -> Regex {
    let months = MONTHS.join("|");
    let weekdays = format!(r"(?:{})\.?,?\s+", WEEKDAYS.join("|"));
    let pattern = format!(
        r"\b(?:{weekdays})?(?:(?P<m1>{months})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y1>\d{{4}})\b)?|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{months})\b\.?(?:,?\s+(?P<y2>\d{{4}})\b)?|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})\b)"
    );
    regex::RegexBuilder::new(&pattern)
        .unicode(unicode)
        .build()
        .expect("the date pattern is a constant")
}

/// The date pattern as written: Unicode `\b`, `\d` and `\s`.
static DATE: LazyLock<Regex> = LazyLock::new(|| date_regex(true));

/// The date pattern with ASCII `\b`, `\d` and `\s`, which matches ASCII text as [`DATE`]
/// does (the ASCII bytes that are word characters, digits or white space are the same in
/// both). ASCII text, most lines and paragraphs searched for dates, is read by hand
/// ([`ascii::dates`]) as this reads it; the tests hold the two together.
#[cfg(test)]
static ASCII_DATE: LazyLock<Regex> = LazyLock::new(|| date_regex(false));

static WIRE: LazyLock<Regex> = LazyLock::new(|| {
    let months = MONTHS.join("|");
    let pattern = format!(
        r"^(?P<place>[A-Z][A-Z'’.\-]{{2,}}(?:\s+[A-Z][A-Z'’.\-]+){{0,3}}(?:,\s*[A-Z][A-Za-z'’.\-]+(?:\s+[A-Z][A-Za-z'’.\-]+){{0,2}})?)(?:,\s*(?P<date>(?:{months})\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?))?\s*(?P<agency>\([^()\n]{{2,30}}\))?\s*(?:--|[-–—:])\s+"
    );
    Regex::new(&pattern).expect("the wire dateline pattern is a constant")
});

/// A time of day, or a time zone of [`ZONES`] (the one list `may_hold_a_time` also reads).
static TIME_OF_DAY: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?i)\b\d{{1,2}}[:.]\d{{2}}(?::\d{{2}})?\s*(?:a\.?m\.?|p\.?m\.?)?|\b(?:{})\b",
        ZONES.join("|")
    );
    Regex::new(&pattern).expect("the time pattern is built from constants")
});

/// Every date written in `text`, with its byte range.
pub(crate) fn find_dates(text: &str) -> Vec<(Range<usize>, WrittenDate)> {
    dates_in(text).collect()
}

/// The full dates (those with a year) of `text`, in order, as [`find_dates`] finds them. A
/// year is four ASCII digits (`\d` also matches other scripts' digits, but such a year does not
/// parse and its date is dropped), so text without four ASCII digits in a row, most paragraphs,
/// holds none and is not searched: the search cost about 15 instructions a byte.
pub(crate) fn full_dates(text: &str) -> impl Iterator<Item = NaiveDate> {
    four_digits_in_a_row(text.as_bytes())
        .then(|| dates_in(text))
        .into_iter()
        .flatten()
        .filter_map(|(_, d)| d.full())
}

/// Whether `bytes` holds four ASCII digits in a row. Eight bytes are read at a time; most
/// reads of prose hold no digit and cost a test of the mask, and a run that crosses from one
/// read into the next is counted by carrying the digits that ended the read before. (The
/// arithmetic is `ingest::eight_bytes`'.) Sixteen bytes without a digit, most of a body's
/// text, are passed over in one test the compiler makes on all sixteen at once: every
/// paragraph of a text whose dateline lacks its year is asked.
fn four_digits_in_a_row(bytes: &[u8]) -> bool {
    // digits in a row just before `at`
    let mut run = 0;
    let mut at = 0;
    while let Some(chunk) = bytes.get(at..at + 8) {
        if let Some(sixteen) = bytes[at..].first_chunk::<16>()
            && !any_in_block(sixteen, |b| b.is_ascii_digit())
        {
            run = 0;
            at += 16;
            continue;
        }
        at += 8;
        let digits = digit_bytes(word(chunk));
        if digits == 0 {
            run = 0;
            continue;
        }
        // The first byte is the lowest: the run before goes on with this read's first digits
        // (all eight when none is a non-digit), or a digit is followed by three more.
        let non_digits = !digits & HIGHS;
        if run + non_digits.trailing_zeros() / 8 >= 4
            || digits & (digits >> 8) & (digits >> 16) & (digits >> 24) != 0
        {
            return true;
        }
        run = non_digits.leading_zeros() / 8;
    }
    for &b in bytes.get(at..).unwrap_or_default() {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        if run == 4 {
            return true;
        }
    }
    false
}

/// The high bit of each ASCII digit byte of `v`: its low seven bits in `0..=9` and its own
/// high bit clear.
fn digit_bytes(v: u64) -> u64 {
    in_range(v & !HIGHS, b'0', b'9') & !v
}

/// Whether `bytes` hold an ASCII digit, read eight at a time (the last read overlapping the
/// one before): every short line of an article is asked whether it is a date.
fn has_ascii_digit(bytes: &[u8]) -> bool {
    any_flagged(bytes, digit_bytes, u8::is_ascii_digit)
}

/// The dates of `text` one by one, so a caller wanting the first reads no further.
fn dates_in(text: &str) -> impl Iterator<Item = (Range<usize>, WrittenDate)> + '_ {
    let found: Box<dyn Iterator<Item = Found<'_>>> = if text.is_ascii() {
        Box::new(ascii::dates(text))
    } else {
        Box::new(found_by(&DATE, text))
    };
    found.filter_map(|found| {
        let month = match found.month {
            Month::Name(name) => month_number(name)?,
            Month::Digits(digits) => digits.parse().ok()?,
        };
        let day: u32 = found.day.parse().ok()?;
        let year: Option<i32> = match found.year {
            Some(y) => Some(y.parse().ok()?),
            None => None,
        };
        // 2000 is a leap year, so 29 February passes when the year is unknown.
        NaiveDate::from_ymd_opt(year.unwrap_or(2000), month, day)?;
        Some((found.whole, WrittenDate { year, month, day }))
    })
}

/// The matches of a date pattern ([`date_regex`]) in `text`, with their parts.
fn found_by<'t>(date: &'t Regex, text: &'t str) -> impl Iterator<Item = Found<'t>> + 't {
    date.captures_iter(text).filter_map(|c| {
        let whole = c.get(0)?.range();
        let (month, day, year) = if let Some(m) = c.name("m1") {
            (Month::Name(m.as_str()), c.name("d1")?, c.name("y1"))
        } else if let Some(m) = c.name("m2") {
            (Month::Name(m.as_str()), c.name("d2")?, c.name("y2"))
        } else {
            (
                Month::Digits(c.name("m3")?.as_str()),
                c.name("d3")?,
                c.name("y3"),
            )
        };
        Some(Found {
            whole,
            month,
            day: day.as_str(),
            year: year.map(|y| y.as_str()),
        })
    })
}

/// The date of a line that holds little else ("October 21, 2015", "Published: Wed 21 Oct 2015
/// 10:35 GMT", "By Jane Roe | Oct. 21, 2015"): such a line is a dateline, not body text.
pub(crate) fn date_only_line(line: &str) -> Option<WrittenDate> {
    let line = line.trim();
    if line.len() > 100 || (line.ends_with(['.', '?', '!']) && !ends_with_abbreviation(line)) {
        return None;
    }
    // Every date has a day in ASCII digits (others are not read as numbers), and most lines
    // of an article have no digit at all: those need no search for a date.
    if !has_ascii_digit(line.as_bytes()) {
        return None;
    }
    let (range, date) = dates_in(line).next()?;
    let rest = format!("{} {}", &line[..range.start], &line[range.end..]);
    // In ASCII text, cutting the times out never adds a word (a time starts at a word
    // boundary, so no word is split by the space put in its place): a line with few enough
    // words before the cut ("October 21, 2015", most date lines) needs no search for times.
    // Outside ASCII a character such as '½' is alphanumeric yet no word character of the
    // time pattern's `\b`, so a time can sit inside one of our words: those lines are cut.
    if rest.is_ascii() {
        if words_in(&rest) <= 6 {
            return Some(date);
        }
        // Too many words, and no time to cut out ("The New York Times said in an editorial
        // on Oct. 5:"): the answer needs no search, and the time pattern, about 2 M
        // instructions to compile, is compiled only for a line that may hold a time.
        if !may_hold_a_time(&rest) {
            return None;
        }
    }
    let rest = TIME_OF_DAY.replace_all(&rest, " ");
    (words_in(&rest) <= 6).then_some(date)
}

/// The time zones [`TIME_OF_DAY`] cuts out, in upper case.
const ZONES: [&str; 11] = [
    "GMT", "UTC", "BST", "CET", "CEST", "EST", "EDT", "PST", "PDT", "MSK", "ET",
];

/// Whether [`TIME_OF_DAY`] may find something in ASCII `text`. In ASCII text its `\d` is an
/// ASCII digit, its `\b` the edge of a run of `[0-9A-Za-z_]`, and its `(?i)` the ASCII case
/// (no other character folds to an ASCII letter there), so a time needs a digit and a zone
/// is such a run that is a zone's name in some case.
fn may_hold_a_time(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit())
        || text
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .any(|w| ZONES.iter().any(|z| w.eq_ignore_ascii_case(z)))
}

/// How many runs of alphanumeric characters `text` holds.
fn words_in(text: &str) -> usize {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count()
}

/// The wire dateline opening `paragraph`, if it has one.
pub(crate) fn wire_dateline(paragraph: &str) -> Option<WireDateline> {
    if !may_open_with_place(paragraph.as_bytes()) {
        return None;
    }
    let c = WIRE.captures(paragraph)?;
    let whole = c.get(0)?;
    let date = c
        .name("date")
        .and_then(|d| find_dates(d.as_str()).first().map(|(_, w)| *w));
    let dash = whole.as_str().trim_end();
    let has_dash = dash.ends_with(['-', '–', '—']);
    // "NOTE: ..." or "UPDATE: ..." are labels, not places: a colon needs a date or an agency.
    if date.is_none() && c.name("agency").is_none() && !has_dash {
        return None;
    }
    Some(WireDateline {
        len: whole.end(),
        date,
    })
}

/// Whether `paragraph` can open with a dateline's place: an ASCII capital, then a capital,
/// apostrophe, full stop or hyphen (or the first byte of '’'). Most paragraphs open with a
/// word in lower case after its capital, and are turned away without compiling [`WIRE`] or
/// running it.
fn may_open_with_place(paragraph: &[u8]) -> bool {
    matches!(
        paragraph,
        [b'A'..=b'Z', b'A'..=b'Z' | b'\'' | b'.' | b'-' | 0xE2, ..]
    )
}

/// A date from metadata: "2015-10-21", an RFC 3339 or ISO date-time, or a written date with a year.
pub(crate) fn parse_date_value(value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    if let Some(head) = value.get(..10)
        && let Ok(date) = NaiveDate::parse_from_str(head, "%Y-%m-%d")
    {
        let rest = &value[10..];
        if rest.is_empty() || rest.starts_with(['T', 't', ' ']) {
            return Some(date);
        }
    }
    let dates = find_dates(value);
    let (range, date) = dates.first()?;
    // Only when the date is the value, not a date mentioned inside a longer text.
    (range.len() * 2 >= value.len()).then_some(())?;
    date.full()
}

/// A date written in a file name ("2015-10-21-lavrov.txt", "20151021_reuters.txt").
pub(crate) fn date_in_file_name(name: &str) -> Option<NaiveDate> {
    static NAME_DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[^0-9])((?:19|20)\d{2})[-_.]?(\d{2})[-_.]?(\d{2})(?:[^0-9]|$)")
            .expect("the file-name date pattern is a constant")
    });
    // The pattern needs a "19" or "20"; most file names have neither, and are answered
    // without compiling it.
    if !name.as_bytes().windows(2).any(|w| w == b"19" || w == b"20") {
        return None;
    }
    let c = NAME_DATE.captures(name)?;
    NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
}

/// The year that puts month/day within a few weeks of the nearby full dates, if exactly one does
/// best; otherwise unknown.
fn infer_year(month: u32, day: u32, nearby: &[NaiveDate]) -> Option<i32> {
    let mut votes: Vec<(i32, usize, i64)> = Vec::new();
    for near in nearby {
        for year in [near.year() - 1, near.year(), near.year() + 1] {
            let Some(candidate) = NaiveDate::from_ymd_opt(year, month, day) else {
                continue;
            };
            let gap = (candidate - *near).num_days().abs();
            if gap > YEAR_WINDOW_DAYS {
                continue;
            }
            match votes.iter_mut().find(|v| v.0 == year) {
                Some(v) => {
                    v.1 += 1;
                    v.2 = v.2.min(gap);
                }
                None => votes.push((year, 1, gap)),
            }
        }
    }
    votes
        .into_iter()
        .max_by_key(|&(_, count, gap)| (count, -gap))
        .map(|(year, _, _)| year)
}

pub(crate) fn month_number(name: &str) -> Option<u32> {
    let lower = name.trim_end_matches('.').to_ascii_lowercase();
    if lower.len() < 3 {
        return None;
    }
    MONTH_NAMES
        .iter()
        .position(|m| m.starts_with(&lower))
        .and_then(|i| u32::try_from(i + 1).ok())
}

fn ends_with_abbreviation(line: &str) -> bool {
    let last = line.split_whitespace().last().unwrap_or("");
    last.len() <= 5 && last.chars().filter(|c| *c == '.').count() >= 1 && {
        let lower = last.to_ascii_lowercase();
        [
            "a.m.", "p.m.", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.", "et.",
        ]
        .contains(&lower.as_str())
    }
}

#[cfg(test)]
mod tests;
