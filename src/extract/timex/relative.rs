//! Calendar positions read from the DCT: "last month", "next Tuesday", "this summer", "the
//! quarter" of an earnings report, "now" and "recently".

use super::engine::Parts;
use chrono::{Datelike, NaiveDate, Weekday};

use super::anchor::{
    Tense, add_months, day_value, head, month_value, quarter_value, resolve_weekday, shift_days,
    week_value,
};
use super::durations::duration_value;
use super::value::{Anchor, Normal, TimexType, plain};
use super::vocabulary::{month_number, rel_step, season_code, weekday_number};

/// The year of a season named without one: the current one if it has begun, else the last.
pub(super) fn season_year(dct: NaiveDate, code: &str, tense: Tense) -> i32 {
    let start_month = match code {
        "SP" => 3,
        "SU" => 6,
        "FA" => 9,
        _ => 12,
    };
    let (y, m) = (dct.year(), dct.month());
    if code == "WI" && m <= 2 {
        return y - 1;
    }
    match tense {
        Tense::Future if start_month < m && m >= start_month + 3 => y + 1,
        Tense::Past if start_month > m => y - 1,
        _ => y,
    }
}

/// `date` moved by `step` units, written at the unit's precision ("2015-09", "2013-W11").
pub(super) fn shifted_value(date: NaiveDate, unit: &str, step: i32) -> Option<String> {
    let unit = unit.trim_end_matches('s');
    Some(match unit {
        "day" | "morning" | "evening" | "night" => day_value(shift_days(date, i64::from(step))?),
        "week" => week_value(shift_days(date, 7 * i64::from(step))?),
        "weekend" => {
            let d = shift_days(date, 7 * i64::from(step))?;
            format!("{}-WE", week_value(d))
        }
        "month" => month_value(add_months(date, step)),
        "quarter" => quarter_value(add_months(date, 3 * step)),
        "year" => (date.year() + step).to_string(),
        "decade" => ((date.year() + 10 * step) / 10).to_string(),
        "century" | "centurie" => ((date.year() + 100 * step) / 100).to_string(),
        _ => return None,
    })
}

pub(super) fn deictic(word: &str, dct: Option<NaiveDate>) -> Option<Normal> {
    let w = word.to_ascii_lowercase();
    let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
    let value = match w.as_str() {
        "today" => day_value(dct?),
        "yesterday" => day_value(shift_days(dct?, -1)?),
        "tomorrow" => day_value(shift_days(dct?, 1)?),
        "now" | "nowadays" | "currently" | "current" | "these days" | "at present"
        | "the present" => "PRESENT_REF".into(),
        "recently" | "recent" | "lately" | "formerly" | "former" | "previously" | "the past" => {
            "PAST_REF".into()
        }
        "a later date"
        | "future"
        | "the future"
        | "soon"
        | "the near future"
        | "the immediate future"
        | "the near term"
        | "the short term" => "FUTURE_REF".into(),
        _ => return None,
    };
    Some(plain(TimexType::Date, value))
}

pub(super) fn relative_named(rel: &str, name: &str, dct: NaiveDate) -> Option<Normal> {
    let rel = rel.to_ascii_lowercase();
    let step = rel_step(&rel);
    let value = if let Some(wd) = weekday_number(name).filter(|_| month_number(name).is_none()) {
        let d = match step {
            -1 => resolve_weekday(shift_days(dct, -1)?, wd, Tense::Past)?,
            1 => resolve_weekday(shift_days(dct, 1)?, wd, Tense::Future)?,
            _ => resolve_weekday(dct, wd, Tense::Future)?,
        };
        day_value(d)
    } else if let Some(code) = season_code(name) {
        format!("{}-{code}", relative_season_year(dct, code, step)?)
    } else {
        let month = month_number(name)?;
        let m = dct.month();
        let year = match step {
            -1 if month >= m => dct.year() - 1,
            1 if month <= m => dct.year() + 1,
            _ => dct.year(),
        };
        format!("{year}-{month:02}")
    };
    Some(plain(TimexType::Date, value))
}

/// The year of "last fall" (the latest one already over), "next summer" (the first one not yet
/// begun) or "this winter".
pub(super) fn relative_season_year(dct: NaiveDate, code: &str, step: i32) -> Option<i32> {
    let span = |y: i32| crate::model::When::from_timex(&format!("{y}-{code}"), None);
    let mut y = dct.year();
    match step {
        -1 => {
            while span(y)?.end >= dct {
                y -= 1;
            }
        }
        1 => {
            y -= 1;
            while span(y)?.start <= dct {
                y += 1;
            }
        }
        _ => {
            if code == "WI" && dct.month() <= 2 {
                y -= 1;
            }
        }
    }
    Some(y)
}

pub(super) fn relative_unit(caps: &Parts<'_>, after: &str, dct: NaiveDate) -> Option<Normal> {
    if let Some(only) = caps.name("only") {
        let words = only.as_str().to_ascii_lowercase();
        let unit = words.rsplit(char::is_whitespace).next()?;
        let next = head(after.trim_start(), 16).to_ascii_lowercase();
        if ["ended", "ending", "ends", "to ", "through"]
            .iter()
            .any(|w| next.starts_with(w))
        {
            // "the year ended Sept. 30": a fiscal stretch, not the calendar year.
            return Some(plain(TimexType::Duration, duration_value(Some(1.0), unit)?));
        }
        if unit == "weekend" {
            return Some(plain(TimexType::Date, last_weekend(dct)?));
        }
        return Some(plain(TimexType::Date, shifted_value(dct, unit, 0)?));
    }
    let rel = caps.name("rel")?.as_str().to_ascii_lowercase();
    let unit = caps.name("u")?.as_str().to_ascii_lowercase();
    let has_the = caps.name("the").is_some();
    if has_the && matches!(rel.as_str(), "past" | "next" | "recent") {
        // "the past year", "the next month": a stretch of time, not a calendar position.
        let value = duration_value(Some(1.0), &unit)?;
        let forward = rel == "next";
        return Some(Normal {
            anchor: Some(Anchor { date: dct, forward }),
            ..plain(TimexType::Duration, value)
        });
    }
    if rel == "past" || rel == "recent" {
        return Some(Normal {
            anchor: Some(Anchor {
                date: dct,
                forward: false,
            }),
            ..plain(TimexType::Duration, duration_value(Some(1.0), &unit)?)
        });
    }
    if unit == "weekend" {
        let value = match rel_step(&rel) {
            0 => format!("{}-WE", week_value(dct)),
            -1 => last_weekend(dct)?,
            _ => format!("{}-WE", week_value(shift_days(dct, 7)?)),
        };
        return Some(plain(TimexType::Date, value));
    }
    let value = shifted_value(dct, &unit, rel_step(&rel))?;
    Some(plain(TimexType::Date, value))
}

/// The weekend on or before the DCT ("over the weekend" in a Monday paper).
pub(super) fn last_weekend(dct: NaiveDate) -> Option<String> {
    let back = match dct.weekday() {
        Weekday::Sat | Weekday::Sun => 0,
        wd => i64::from(wd.number_from_monday()) + 1,
    };
    Some(format!("{}-WE", week_value(shift_days(dct, -back)?)))
}

pub(super) fn reporting_period(caps: &Parts<'_>, dct: NaiveDate) -> Option<Normal> {
    let adj = caps
        .name("adj")
        .or(caps.name("ya"))
        .map(|m| m.as_str().to_ascii_lowercase());
    let unit = caps
        .name("u")
        .or(caps.name("u2"))
        .or(caps.name("u3"))
        .or(caps.name("u4"))?
        .as_str()
        .to_ascii_lowercase();
    // The quarter a financial report is about: the last one closed before the DCT.
    let (y, q) = {
        let last = add_months(dct, -3);
        (last.year(), (last.month() - 1) / 3 + 1)
    };
    if let Some(yr) = caps.name("yr") {
        // "the 1988 period": the reporting quarter, in the year named.
        return Some(plain(TimexType::Date, format!("{}-Q{q}", yr.as_str())));
    }
    if let Some(rel) = caps.name("rely") {
        let year = dct.year() + rel_step(rel.as_str());
        return Some(plain(TimexType::Date, format!("{year}-Q{q}")));
    }
    let value = match adj.as_deref() {
        Some("year-ago" | "year-earlier" | "prior-year") => format!("{}-Q{q}", y - 1),
        Some("current") => quarter_value(dct),
        None if unit == "period" => return None,
        Some("same" | "comparable") => return None,
        _ => format!("{y}-Q{q}"),
    };
    Some(plain(TimexType::Date, value))
}
