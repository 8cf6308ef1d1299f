//! Time expressions: recognise them in text and normalise them to TIMEX3 values against the
//! document creation time (DCT) and the narrative's last date.
//!
//! A combined regex, tried at the word starts that can open a time expression, finds
//! candidates ([`recognise`]), [`filters`] drops the look-alikes, [`normalise`] reads each
//! against the DCT, the sentence's tense ([`anchor`]) and the last date the story mentioned.
//! Tagging is a pure function of the text and the DCT.

mod anchor;
mod ascii_dfa;
mod cues;
mod day_time;
mod durations;
mod engine;
mod filters;
mod first_bytes;
mod lowered;
mod modifier;
mod narrative;
mod normalise;
mod prefilter;
mod recognise;
mod relative;
mod rule_nfa;
#[cfg(test)]
mod rule_nfa_write;
mod rules;
mod stops;
mod value;
mod vocabulary;

use std::sync::LazyLock;

use chrono::{Datelike, Duration, Months, NaiveDate};
use regex::Regex;
use serde::Serialize;

use crate::model::{Modifier, When};

pub use value::{Anchor, TimexType};

/// One time expression found in a text, as printed by `chronolane timex --json`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Timex {
    /// Byte offset of the first byte in the text.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// The TIMEX3 value ("2015-10-21", "2015-W43", "P3W", "PAST_REF", "XXXX-WI").
    pub value: String,
    #[serde(rename = "mod")]
    pub modifier: Option<Modifier>,
    /// For a duration: the date it is measured from and whether it runs forward ("the next
    /// three weeks") or back ("the past three weeks"); see [`implied_range`].
    #[serde(skip)]
    pub anchor: Option<Anchor>,
}

/// Finds and normalises every time expression in `text`. `dct` is the publication date; without
/// it, expressions relative to "now" keep underspecified values.
pub fn tag(text: &str, dct: Option<NaiveDate>) -> Vec<Timex> {
    let mut story = narrative::Narrative::default();
    let mut out = Vec::new();
    let mut from = 0;
    // Worked out once for the whole text rather than for each candidate.
    let ascii = prefilter::ascii_suffices(text);
    while let Some(c) = recognise::next_candidate_in(text, from, ascii) {
        let normal = if filters::reject(text, &c) {
            None
        } else {
            normalise::normalise(text, &c, dct, &story)
        };
        let Some(normal) = normal else {
            // A look-alike ("a year" in "a year-earlier loss"): try again from its next word.
            from = next_word(text, c.start);
            continue;
        };
        from = c.end.max(c.start + 1);
        let end = normal.end.unwrap_or(c.end);
        let (start, prefix_mod) = match normal.start {
            Some(start) => (start, None),
            None => prefix(text, c.start, normal.kind),
        };
        let modifier = normal
            .modifier
            .or(prefix_mod)
            .or_else(|| signal_mod(text, start, normal.kind));
        story.note(c.rule, &normal.value, end);
        out.push(Timex {
            start,
            end,
            text: text[start..end].to_string(),
            kind: normal.kind,
            value: normal.value,
            modifier,
            anchor: normal.anchor,
        });
    }
    date_weekdays(text, &mut out);
    out
}

/// "Thursday, Jan. 6": a weekday written next to its date takes that date rather than one
/// guessed from the tense.
fn date_weekdays(text: &str, found: &mut [Timex]) {
    for i in 1..found.len() {
        let (head, tail) = found.split_at_mut(i);
        let (Some(weekday), Some(date)) = (head.last_mut(), tail.first()) else {
            continue;
        };
        let between = &text[weekday.end.min(date.start)..date.start];
        if date.value.len() != 10 || weekday.value.len() != 10 {
            continue;
        }
        let Some(day) = narrative::calendar_start(&date.value) else {
            continue;
        };
        let names_it = weekday
            .text
            .get(..3)
            .is_some_and(|w| w.eq_ignore_ascii_case(weekday_abbreviation(day)));
        if names_it && between.trim().len() <= 1 && weekday.value.len() == 10 {
            weekday.value = date.value.clone();
        }
    }
}

/// A day's weekday as chrono's `%a` writes it ("Mon"), without formatting a string for it.
fn weekday_abbreviation(day: NaiveDate) -> &'static str {
    const NAMES: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    NAMES[day.weekday().num_days_from_monday() as usize % 7]
}

/// The start of the word after the one at `at` (or the end of the text).
fn next_word(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    let word_end = rest
        .find(|ch: char| !ch.is_alphanumeric())
        .unwrap_or(rest.len())
        .max(rest.chars().next().map_or(1, char::len_utf8));
    let after = &rest[word_end..];
    let skip = after
        .find(|ch: char| ch.is_alphanumeric())
        .unwrap_or(after.len());
    at + word_end + skip
}

/// The calendar days an expression covers: its own extent for a date ("late last month" is
/// September 21–30), and for a duration the stretch it implies next to its anchor ("over the
/// past three weeks" in a paper of 2015-10-21 is 2015-09-30..2015-10-21). `None` for sets and
/// vague references (`PAST_REF`, `PXY`).
pub fn implied_range(t: &Timex, dct: Option<NaiveDate>) -> Option<(NaiveDate, NaiveDate)> {
    match t.kind {
        TimexType::Date | TimexType::Time => {
            let w = When::from_timex(&t.value, t.modifier)?;
            Some((w.start, w.end))
        }
        TimexType::Duration => {
            let anchor = t.anchor.or_else(|| {
                dct.map(|date| Anchor {
                    date,
                    forward: false,
                })
            })?;
            let (months, days) = duration_parts(&t.value)?;
            let days = Duration::try_days(days)?;
            if anchor.forward {
                let end = anchor
                    .date
                    .checked_add_months(Months::new(months))?
                    .checked_add_signed(days)?;
                Some((anchor.date, end))
            } else {
                let start = anchor
                    .date
                    .checked_sub_months(Months::new(months))?
                    .checked_sub_signed(days)?;
                Some((start, anchor.date))
            }
        }
        TimexType::Set => None,
    }
}

/// A calendar duration as (months, days); time-of-day durations count as zero or more days.
fn duration_parts(value: &str) -> Option<(u32, i64)> {
    let body = value.strip_prefix('P')?;
    if let Some(time) = body.strip_prefix('T') {
        let n: i64 = time.get(..time.len().checked_sub(1)?)?.parse().ok()?;
        let hours = match time.chars().last()? {
            'H' => n,
            'M' => n / 60,
            _ => 0,
        };
        return Some((0, hours / 24));
    }
    let (n, unit) = body.split_at_checked(body.len().checked_sub(1)?)?;
    let n: u32 = n.parse().ok()?;
    Some(match unit {
        "D" => (0, i64::from(n)),
        "W" => (0, 7 * i64::from(n)),
        "M" => (n, 0),
        "Y" => (12 * n, 0),
        _ => return None,
    })
}

/// A modifier word or phrase at the end of the text before an expression. An ASCII text is
/// read by [`modifier::ascii_modifier`] instead, which lists the same words (a test there
/// holds the two lists together).
const MODIFIER_PATTERN: &str = r"(?i)(?-u:\b)(early|late|mid-|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|about|around|approximately|roughly|some|nearly|almost|more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|no\s+more\s+than)\s*$";
/// [`MODIFIER_PATTERN`] compiled, for a window that is not ASCII.
static MODIFIER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(MODIFIER_PATTERN)
        .unwrap_or_else(|_| Regex::new(r"[^\s\S]").unwrap_or_else(|_| unreachable!()))
});
/// Widens a match over a modifier just before it ("late last month", "about three weeks",
/// "more than four decades ago") and returns the new start and the modifier.
fn prefix(text: &str, start: usize, kind: TimexType) -> (usize, Option<Modifier>) {
    let mut from = start.saturating_sub(24);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = &text[from..start];
    if !may_end_with_modifier(window) {
        return (start, None);
    }
    // An ASCII window is read by hand ([`modifier`]); the regex only for another.
    let found = if window.is_ascii() {
        modifier::ascii_modifier(window.as_bytes())
    } else {
        MODIFIER
            .captures(window)
            .and_then(|m| m.get(1))
            .map(|word| (word.start(), word.end()))
    };
    let Some((word_start, word_end)) = found else {
        return (start, None);
    };
    let w = window[word_start..word_end].to_ascii_lowercase();
    let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
    let is_date = matches!(kind, TimexType::Date | TimexType::Time);
    let modifier = match w.as_str() {
        "early" | "the beginning of" | "the start of" if is_date => Modifier::Start,
        "mid" | "mid-" | "the middle of" if is_date => Modifier::Mid,
        "late" | "the end of" if is_date => Modifier::End,
        "about" | "around" | "approximately" | "roughly" => Modifier::Approx,
        "some" if !is_date => Modifier::Approx,
        "nearly" | "almost" | "less than" | "fewer than" => Modifier::LessThan,
        "more than" => Modifier::MoreThan,
        "at least" => Modifier::EqualOrMore,
        "at most" | "up to" | "no more than" => Modifier::EqualOrLess,
        _ => return (start, None),
    };
    // TimeML leaves "about" and "nearly" outside the expression but keeps "more than".
    let start = match modifier {
        Modifier::Approx | Modifier::LessThan if !w.ends_with("than") => start,
        _ => from + word_start,
    };
    (start, Some(modifier))
}

/// Whether `window` can end with one of the modifiers of [`prefix`] and white space: each ends
/// in "-" ("mid-") or in one of [`MODIFIER_ENDS`], in ASCII letters (of the letters of those
/// words only "s" has a non-ASCII form under case folding, "ſ", and it is never the last). Most
/// expressions follow no modifier, and this look at the last word turns them away without
/// running the regex. It says "maybe" wherever it is unsure: for a non-ASCII byte before the
/// last run of letters, or a non-ASCII last character.
fn may_end_with_modifier(window: &str) -> bool {
    // `trim_end` drops what `\s*` matches there: characters with Unicode's White_Space property.
    let bytes = window.trim_end().as_bytes();
    let letters = bytes
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let (head, word) = bytes.split_at(bytes.len() - letters);
    if letters == 0 {
        return bytes.last().is_some_and(|&b| b == b'-' || !b.is_ascii());
    }
    if head.last().is_some_and(|b| !b.is_ascii()) {
        return true;
    }
    MODIFIER_ENDS.iter().any(|end| {
        word.len() >= end.len() && word[word.len() - end.len()..].eq_ignore_ascii_case(end)
    })
}

/// The last word of each modifier [`prefix`] reads, but "mid-".
const MODIFIER_ENDS: &[&[u8]] = &[
    b"early",
    b"late",
    b"mid",
    b"of",
    b"about",
    b"around",
    b"approximately",
    b"roughly",
    b"some",
    b"nearly",
    b"almost",
    b"than",
    b"least",
    b"most",
    b"to",
];

/// "before 2011", "after 2011", "since 2011": the signal stays outside the expression (as in
/// TimeML) but tells which side of the date is meant.
fn signal_mod(text: &str, start: usize, kind: TimexType) -> Option<Modifier> {
    if kind != TimexType::Date {
        return None;
    }
    let before = text[..start].trim_end();
    // Past the whole character: the one before the word may be several bytes long.
    let word_start = before
        .char_indices()
        .rfind(|(_, ch)| !ch.is_ascii_alphabetic())
        .map_or(0, |(i, ch)| i + ch.len_utf8());
    match before[word_start..].to_ascii_lowercase().as_str() {
        "before" => Some(Modifier::Before),
        "after" => Some(Modifier::After),
        "since" => Some(Modifier::OnOrAfter),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
