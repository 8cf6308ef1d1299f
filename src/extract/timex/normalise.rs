//! From a recognised expression to its TIMEX3 type and value, reading relative expressions
//! against the DCT, the sentence's tense, and the date the narrative last mentioned.

use chrono::{Datelike, NaiveDate};

use super::anchor::{Tense, add_months, day_value, resolve_weekday, resolve_year, tense_at};
use super::day_time::{clock_time, holiday, part_of_day};
use super::durations::{duration, duration_value, set};
use super::narrative::{Narrative, ago, narrative};
use super::recognise::{Candidate, Rule};
use super::relative::{
    deictic, relative_named, relative_unit, reporting_period, season_year, shifted_value,
};
use super::value::{Normal, TimexType, plain};
use super::vocabulary::{
    century_prefix, month_number, number_value, ordinal_value, rel_step, season_code,
    weekday_number,
};
use crate::model::Modifier;

/// Normalises one candidate; `None` when it cannot be read (an impossible date, or a relative
/// expression with nothing to be relative to).
pub fn normalise(
    text: &str,
    c: &Candidate<'_>,
    dct: Option<NaiveDate>,
    story: &Narrative,
) -> Option<Normal> {
    let caps = &c.caps;
    let get = |name: &str| caps.name(name).map(|m| m.as_str());
    let tense = || tense_at(text, c.start, c.end);
    let date = |kind: TimexType, value: String| Some(plain(kind, value));
    match c.rule {
        Rule::IsoDate | Rule::SlashDate | Rule::MonthDay | Rule::DayMonth => {
            let month = match c.rule {
                Rule::IsoDate | Rule::SlashDate => get("m")?.parse().ok()?,
                _ => month_number(get("m")?)?,
            };
            let day: u32 = get("d")?.parse().ok()?;
            let year = match get("y") {
                Some(y) => full_year(y)?,
                None => match dct {
                    Some(dct) => resolve_year(dct, month, Some(day), tense()),
                    None => {
                        NaiveDate::from_ymd_opt(2000, month, day)?;
                        return date(TimexType::Date, format!("XXXX-{month:02}-{day:02}"));
                    }
                },
            };
            let d = NaiveDate::from_ymd_opt(year, month, day)?;
            date(TimexType::Date, day_value(d))
        }
        Rule::OrdinalDay => {
            // "on the 12th": a day of the DCT's month, or the month before or after by tense.
            let dct = dct?;
            let day: u32 = get("d")?.parse().ok()?;
            let step = match tense() {
                Tense::Past if day > dct.day() => -1,
                Tense::Future if day < dct.day() => 1,
                _ => 0,
            };
            let month = add_months(dct.with_day(1)?, step);
            let d = NaiveDate::from_ymd_opt(month.year(), month.month(), day)?;
            date(TimexType::Date, day_value(d))
        }
        Rule::MonthYear => {
            let month = month_number(get("m")?)?;
            let year: i32 = get("y")?.parse().ok()?;
            date(TimexType::Date, format!("{year}-{month:02}"))
        }
        Rule::MonthRelativeYear => {
            let month = month_number(get("m")?)?;
            let year = dct?.year() + rel_step(get("rel")?);
            date(TimexType::Date, format!("{year}-{month:02}"))
        }
        Rule::Month => {
            let month = month_number(get("m")?)?;
            let Some(dct) = dct else {
                return date(TimexType::Date, format!("XXXX-{month:02}"));
            };
            let year = resolve_year(dct, month, None, tense());
            date(TimexType::Date, format!("{year}-{month:02}"))
        }
        Rule::Year | Rule::FiscalYear => date(TimexType::Date, get("y")?.to_string()),
        Rule::SpokenYear => date(
            TimexType::Date,
            spoken_year(get("spoken").or(get("spoken2"))?)?,
        ),
        Rule::Decade => {
            let value = match (get("dec"), get("short")) {
                (Some(d), _) => d.to_string(),
                (None, Some(s)) => {
                    let digit: u32 = s.parse().ok()?;
                    if digit <= 2 {
                        format!("20{digit}")
                    } else {
                        format!("19{digit}")
                    }
                }
                _ => return None,
            };
            let modifier = get("pre").and_then(period_mod);
            Some(Normal {
                modifier,
                ..plain(TimexType::Date, value)
            })
        }
        Rule::Century => date(
            TimexType::Date,
            format!("{:02}", century_prefix(get("c")?)?),
        ),
        Rule::Weekday => {
            let wd = weekday_number(get("wd")?)?;
            let Some(dct) = dct else {
                return date(TimexType::Date, format!("XXXX-WXX-{wd}"));
            };
            // "Wednesday's ruling" reports something already done.
            let possessive = text[c.end..].starts_with("'s") || text[c.end..].starts_with("’s");
            let tense = if possessive { Tense::Past } else { tense() };
            date(TimexType::Date, day_value(resolve_weekday(dct, wd, tense)?))
        }
        Rule::Season => {
            let code = season_code(get("s")?)?;
            let year = match get("y") {
                Some(y) => y.parse().ok()?,
                None => season_year(dct?, code, tense()),
            };
            date(TimexType::Date, format!("{year}-{code}"))
        }
        Rule::Holiday => holiday(get("hol")?, get("y"), dct, tense),
        Rule::Deictic => deictic(get("w")?, dct),
        Rule::RelativeNamed => relative_named(get("rel")?, get("name")?, dct?),
        Rule::RelativeUnit => relative_unit(caps, &text[c.end..], dct?),
        Rule::EarlierThis => {
            let rel = get("rel")?.to_ascii_lowercase();
            let unit = get("u")?.to_ascii_lowercase();
            let base = if rel == "that" {
                story.any.or(dct)?
            } else {
                dct?
            };
            let step = match rel.as_str() {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            let value = match season_code(&unit) {
                Some(code) => format!("{}-{code}", season_year(base, code, Tense::Unknown) + step),
                None => shifted_value(base, &unit, step)?,
            };
            // TimeML mostly keeps "earlier" in: the expression is "earlier this week".
            date(TimexType::Date, value)
        }
        Rule::Quarter => {
            let q = ordinal_value(get("q")?)?;
            let year = match (get("y1").or(get("y2")), get("rely").or(get("rely1"))) {
                (Some(y), _) => y.parse().ok()?,
                (None, Some(rel)) => dct?.year() + rel_step(rel),
                (None, None) => {
                    let dct = dct?;
                    let current = (dct.month() - 1) / 3 + 1;
                    if q > current && tense() != Tense::Future {
                        dct.year() - 1
                    } else {
                        dct.year()
                    }
                }
            };
            // "the year-ago third quarter" is the same quarter a year before.
            let year = year - i32::from(get("ago").is_some());
            // "the third-quarter loss": the article belongs to the noun, not to the date.
            let whole = caps.get(0).map_or("", |m| m.as_str());
            let adjective = whole.contains("-quarter") || whole.contains("-Quarter");
            let start = (adjective
                && whole
                    .get(..4)
                    .is_some_and(|w| w.eq_ignore_ascii_case("the ")))
            .then_some(c.start + 4);
            Some(Normal {
                start,
                ..plain(TimexType::Date, format!("{year}-Q{q}"))
            })
        }
        Rule::Half => {
            let h = match get("h")?.to_ascii_lowercase().as_str() {
                "last" => 2,
                other => ordinal_value(other)?,
            };
            let year = match (get("y"), get("rely")) {
                (Some(y), _) => y.parse().ok()?,
                (None, Some(rel)) => dct?.year() + rel_step(rel),
                (None, None) => dct?.year(),
            };
            date(TimexType::Date, format!("{year}-H{h}"))
        }
        Rule::ReportingPeriod => reporting_period(caps, dct?),
        Rule::YearEarlier => {
            let unit = get("u")?.to_ascii_lowercase();
            if unit == "year" && story.quarter.is_some() {
                // In an earnings report: the same quarter a year before.
                let last = add_months(dct?, -3);
                let q = (last.month() - 1) / 3 + 1;
                return date(TimexType::Date, format!("{}-Q{q}", last.year() - 1));
            }
            date(TimexType::Date, shifted_value(dct?, &unit, -1)?)
        }
        Rule::Ago => ago(text, c, dct, story),
        Rule::Narrative => narrative(text, c, dct, story),
        Rule::Duration => duration(caps, dct),
        Rule::HyphenDuration => {
            if let Some(unit) = get("u1") {
                // "a day-long meeting": one unit.
                return Some(plain(TimexType::Duration, duration_value(Some(1.0), unit)?));
            }
            let n = number_value(get("n")?).or_else(|| (get("n")? == "hundred").then_some(100.0));
            Some(plain(TimexType::Duration, duration_value(n, get("u")?)?))
        }
        Rule::BareUnits => {
            let dir = get("dir").map(str::to_ascii_lowercase);
            let last = dir.as_deref().and_then(|d| d.split_whitespace().last());
            match last {
                Some("past" | "last") => date(TimexType::Date, "PAST_REF".into()),
                // "in recent years": TimeML's vague past; "recent days" stays a vague length.
                Some("recent") if get("u")?.eq_ignore_ascii_case("years") => {
                    date(TimexType::Date, "PAST_REF".into())
                }
                Some("next") => date(TimexType::Date, "FUTURE_REF".into()),
                _ => Some(plain(TimexType::Duration, duration_value(None, get("u")?)?)),
            }
        }
        Rule::Set => set(caps),
        Rule::ClockTime => clock_time(caps, dct, story, tense),
        Rule::PartOfDay => part_of_day(caps, dct, tense),
    }
}

pub(super) fn full_year(y: &str) -> Option<i32> {
    let n: i32 = y.parse().ok()?;
    Some(match y.len() {
        2 if n < 50 => 2000 + n,
        2 => 1900 + n,
        _ => n,
    })
}

/// "early", "mid", "late" as TIMEX3 modifiers.
pub fn period_mod(word: &str) -> Option<Modifier> {
    match word.to_ascii_lowercase().trim_end_matches('-') {
        "early" => Some(Modifier::Start),
        "mid" => Some(Modifier::Mid),
        "late" => Some(Modifier::End),
        _ => None,
    }
}

/// "nineteen ninety-six" → 1996, "two thousand and one" → 2001, "the nineties" → 199.
fn spoken_year(words: &str) -> Option<String> {
    let w = words.to_ascii_lowercase();
    let w = w.replace('-', " ");
    let parts: Vec<&str> = w.split_whitespace().collect();
    let tens = |t: &str| -> Option<u32> {
        Some(match t {
            "forty" | "forties" => 4,
            "fifty" | "fifties" => 5,
            "sixty" | "sixties" => 6,
            "seventy" | "seventies" => 7,
            "eighty" | "eighties" => 8,
            "ninety" | "nineties" => 9,
            _ => return None,
        })
    };
    match parts.as_slice() {
        ["the", decade] => Some(format!("19{}", tens(decade)?)),
        ["nineteen", t, rest @ ..] => {
            let ones = rest
                .first()
                .and_then(|o| number_value(o))
                .map_or(0, |n| n as u32);
            Some(format!("19{}{}", tens(t)?, ones))
        }
        ["two", "thousand"] => Some("2000".into()),
        ["two", "thousand", "and", o] => Some(format!("200{}", number_value(o)? as u32)),
        _ => None,
    }
}
