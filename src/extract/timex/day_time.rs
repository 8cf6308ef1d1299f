//! Days and times of day: "3 p.m. Tuesday", "Friday night", "the evening of October 20",
//! holidays.

use super::engine::Parts;
use chrono::{Datelike, NaiveDate, Weekday};

use super::anchor::{Tense, day_value, resolve_weekday, resolve_year, shift_days};
use super::narrative::Narrative;
use super::value::{Normal, TimexType, plain};
use super::vocabulary::{month_number, weekday_number};

pub(super) fn holiday(
    name: &str,
    year: Option<&str>,
    dct: Option<NaiveDate>,
    tense: impl Fn() -> Tense,
) -> Option<Normal> {
    let n = name.to_ascii_lowercase();
    let n = n.split_whitespace().collect::<Vec<_>>().join(" ");
    let (month, day) = match n.as_str() {
        "christmas eve" => (12, Some(24)),
        // "by year-end": the last day of the DCT's year (TimeBank's reading).
        "year-end" | "year end" | "year's end" => {
            let year = match year {
                Some(y) => y.parse().ok()?,
                None => dct?.year(),
            };
            return Some(plain(TimexType::Date, format!("{year}-12-31")));
        }
        "christmas" | "christmas day" => (12, Some(25)),
        "new year's eve" => (12, Some(31)),
        "new year's day" => (1, Some(1)),
        "halloween" => (10, Some(31)),
        "independence day" => (7, Some(4)),
        // US Election Day: the Tuesday after the first Monday of November (Nov. 2–8).
        "election day" => (11, Some(0)),
        _ => (11, None),
    };
    let year = match year {
        Some(y) => y.parse().ok()?,
        None => resolve_year(dct?, month, day.filter(|&d| d > 0).or(Some(25)), tense()),
    };
    let day = match day {
        Some(0) => NaiveDate::from_weekday_of_month_opt(year, 11, Weekday::Mon, 1)?.day() + 1,
        Some(d) => d,
        // Thanksgiving: the fourth Thursday of November.
        None => NaiveDate::from_weekday_of_month_opt(year, 11, Weekday::Thu, 4)?.day(),
    };
    let d = NaiveDate::from_ymd_opt(year, month, day)?;
    Some(plain(TimexType::Date, day_value(d)))
}

pub(super) fn clock_time(
    caps: &Parts<'_>,
    dct: Option<NaiveDate>,
    story: &Narrative,
    tense: impl Fn() -> Tense,
) -> Option<Normal> {
    let (hour, minute) = if let Some(noon) = caps.name("noon") {
        if !noon.as_str().eq_ignore_ascii_case("midnight") {
            (12, 0)
        } else {
            (24, 0)
        }
    } else if let Some(h) = caps.name("h24") {
        (
            h.as_str().parse().ok()?,
            caps.name("mi24")?.as_str().parse().ok()?,
        )
    } else {
        let mut h: u32 = caps.name("h")?.as_str().parse().ok()?;
        let m: u32 = caps
            .name("mi")
            .map_or(Some(0), |m| m.as_str().parse().ok())?;
        let pm = caps
            .name("ap")?
            .as_str()
            .to_ascii_lowercase()
            .starts_with('p');
        if !(1..=12).contains(&h) {
            return None;
        }
        if pm && h < 12 {
            h += 12;
        } else if !pm && h == 12 {
            h = 0;
        }
        (h, m)
    };
    if hour > 24 || minute > 59 {
        return None;
    }
    let day = match caps.name("day") {
        Some(day) => day_of_reference(day.as_str(), dct, &tense)?,
        None => story.day.map(|(d, _)| d).or(dct)?,
    };
    Some(plain(
        TimexType::Time,
        format!("{}T{hour:02}:{minute:02}", day_value(day)),
    ))
}

/// The day a word like "Tuesday", "yesterday" or "Oct. 21" names.
pub(super) fn day_of_reference(
    word: &str,
    dct: Option<NaiveDate>,
    tense: &impl Fn() -> Tense,
) -> Option<NaiveDate> {
    let w = word.to_ascii_lowercase();
    let dct = dct?;
    match w.as_str() {
        "today" | "tonight" | "this" => return Some(dct),
        "yesterday" | "last" => return shift_days(dct, -1),
        "tomorrow" => return shift_days(dct, 1),
        _ => {}
    }
    let last = w.split_whitespace().last()?;
    if let Some(month) = month_number(&w).filter(|_| w.chars().any(|c| c.is_ascii_digit())) {
        let day: u32 = last
            .trim_end_matches(|c: char| c.is_ascii_alphabetic())
            .parse()
            .ok()?;
        let year = resolve_year(dct, month, Some(day), tense());
        return NaiveDate::from_ymd_opt(year, month, day);
    }
    let wd = weekday_number(last)?;
    resolve_weekday(dct, wd, tense())
}

pub(super) fn part_of_day(
    caps: &Parts<'_>,
    dct: Option<NaiveDate>,
    tense: impl Fn() -> Tense,
) -> Option<Normal> {
    let code = |part: &str| match part.to_ascii_lowercase().as_str() {
        "morning" => Some("TMO"),
        "afternoon" => Some("TAF"),
        "evening" => Some("TEV"),
        _ => Some("TNI"),
    };
    let (day, part) = if caps.name("tonight").is_some() {
        (dct?, "TNI")
    } else if let Some(part) = caps.name("part2") {
        let month = month_number(caps.name("m")?.as_str())?;
        let d: u32 = caps.name("d")?.as_str().parse().ok()?;
        let year = resolve_year(dct?, month, Some(d), tense());
        (
            NaiveDate::from_ymd_opt(year, month, d)?,
            code(part.as_str())?,
        )
    } else {
        // "Friday night", "yesterday morning": TimeML dates these by the day alone, but keeps
        // the evening ("Thursday evening" → TEV).
        let reference = caps.name("ref")?.as_str();
        let word = reference.split_whitespace().last()?;
        let day = day_of_reference(word, dct, &tense)?;
        let part = caps.name("part")?.as_str();
        let evening = part.eq_ignore_ascii_case("evening");
        if !evening && !matches!(word.to_ascii_lowercase().as_str(), "this" | "last") {
            return Some(plain(TimexType::Date, day_value(day)));
        }
        (day, code(caps.name("part")?.as_str())?)
    };
    Some(plain(TimexType::Time, format!("{}{part}", day_value(day))))
}
