//! From a recognised expression to its TIMEX3 type and value, reading relative expressions
//! against the DCT, the sentence's tense, and the date the narrative last mentioned.

use chrono::{Datelike, NaiveDate, Weekday};
use regex::Captures;

use super::anchor::{
    Tense, add_months, day_value, head, month_value, quarter_value, resolve_weekday, resolve_year,
    same_sentence, shift_days, tail, tense_at, week_value,
};
use super::recognise::{Candidate, Rule};
use super::vocabulary::{
    century_prefix, month_number, number_value, ordinal_value, season_code, weekday_number,
};
use super::{Anchor, TimexType};
use crate::model::Modifier;

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

/// What the text has said so far that later expressions lean on.
#[derive(Default)]
pub struct Narrative {
    /// The last day-precise date mentioned, and where its mention ended.
    pub day: Option<(NaiveDate, usize)>,
    /// Every day-precise date mentioned so far, with where its mention ended, for "the same
    /// day" that points back past the latest one.
    pub days: Vec<(NaiveDate, usize)>,
    /// The first day of the last date mentioned at any precision ("June 1998" → 1998-06-01),
    /// for "later that year" and "the following month".
    pub any: Option<NaiveDate>,
    /// The last quarter mentioned (year, quarter), for "the year-earlier quarter".
    pub quarter: Option<(i32, u32)>,
}

impl Narrative {
    /// Remembers a value just produced so "the same day" and "two days later" can use it.
    pub fn note(&mut self, rule: Rule, value: &str, end: usize) {
        let date_part = value.split('T').next().unwrap_or(value);
        let first_day = calendar_start(date_part);
        if first_day.is_some() {
            self.any = first_day;
        }
        if date_part.len() == 10
            && let Some(d) = first_day
        {
            self.day = Some((d, end));
            self.days.push((d, end));
        }
        // Only quarters the text names: derived ones ("a year earlier") must not chain.
        if rule == Rule::Quarter
            && let Some((y, q)) = value.split_once("-Q")
            && let (Ok(y), Ok(q)) = (y.parse(), q.parse())
        {
            self.quarter = Some((y, q));
        }
    }
}

/// The first day of a "YYYY", "YYYY-MM" or "YYYY-MM-DD" value (parsed by hand: this runs for
/// every expression).
pub fn calendar_start(value: &str) -> Option<NaiveDate> {
    let number = |s: Option<&str>| -> Option<u32> {
        let s = s?;
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
    };
    let mut parts = value.split('-');
    let year_text = parts.next()?;
    if year_text.len() != 4 {
        return None;
    }
    let year = number(Some(year_text))? as i32;
    let month = match parts.next() {
        Some(m) if m.len() == 2 => number(Some(m))?,
        Some(_) => return None,
        None => 1,
    };
    let day = match parts.next() {
        Some(d) if d.len() == 2 => number(Some(d))?,
        Some(_) => return None,
        None => 1,
    };
    if parts.next().is_some() {
        return None;
    }
    NaiveDate::from_ymd_opt(year, month, day)
}

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

fn plain(kind: TimexType, value: String) -> Normal {
    Normal {
        kind,
        value,
        modifier: None,
        start: None,
        end: None,
        anchor: None,
    }
}

fn full_year(y: &str) -> Option<i32> {
    let n: i32 = y.parse().ok()?;
    Some(match y.len() {
        2 if n < 50 => 2000 + n,
        2 => 1900 + n,
        _ => n,
    })
}

fn rel_step(rel: &str) -> i32 {
    match rel.to_ascii_lowercase().as_str() {
        "last" | "previous" | "past" => -1,
        "next" | "coming" => 1,
        _ => 0,
    }
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

/// The year of a season named without one: the current one if it has begun, else the last.
fn season_year(dct: NaiveDate, code: &str, tense: Tense) -> i32 {
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
fn shifted_value(date: NaiveDate, unit: &str, step: i32) -> Option<String> {
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

fn deictic(word: &str, dct: Option<NaiveDate>) -> Option<Normal> {
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

fn relative_named(rel: &str, name: &str, dct: NaiveDate) -> Option<Normal> {
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
fn relative_season_year(dct: NaiveDate, code: &str, step: i32) -> Option<i32> {
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

fn relative_unit(caps: &Captures<'_>, after: &str, dct: NaiveDate) -> Option<Normal> {
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
fn last_weekend(dct: NaiveDate) -> Option<String> {
    let back = match dct.weekday() {
        Weekday::Sat | Weekday::Sun => 0,
        wd => i64::from(wd.number_from_monday()) + 1,
    };
    Some(format!("{}-WE", week_value(shift_days(dct, -back)?)))
}

fn reporting_period(caps: &Captures<'_>, dct: NaiveDate) -> Option<Normal> {
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

fn ago(text: &str, c: &Candidate<'_>, dct: Option<NaiveDate>, story: &Narrative) -> Option<Normal> {
    let caps = &c.caps;
    let n_text = caps.name("n")?.as_str();
    let unit = caps.name("u")?.as_str().to_ascii_lowercase();
    let dir = caps.name("dir")?;
    let dir_word = dir.as_str().to_ascii_lowercase();
    let n = number_value(n_text);
    // "X on October 21 comes a day after Y": only after a verb of coming does the expression
    // date Y; elsewhere ("wait at least 30 days before closing") it is a length of time.
    let linked = {
        let before = tail(text[..c.start].trim_end(), 40).to_ascii_lowercase();
        let before = [
            "barely", "just", "only", "exactly", "almost", "nearly", "about",
        ]
        .iter()
        .fold(before.as_str(), |b, w| {
            b.strip_suffix(w).map_or(b, str::trim_end)
        });
        ["comes", "came", "come", "coming"]
            .iter()
            .any(|w| before.ends_with(w))
    };
    let recent_day = story
        .day
        .filter(|&(_, at)| linked && at <= c.start && same_sentence(text, at, c.start));
    let (base, sign) = match dir_word.split_whitespace().next()? {
        "ago" => (dct, -1),
        "from" | "hence" => (dct, 1),
        "earlier" | "previously" => (story.day.map(|(d, _)| d).or(dct), -1),
        "later" => (story.day.map(|(d, _)| d).or(dct), 1),
        // "X on October 21 comes a day after Y": Y is a day before the date just mentioned.
        "after" => match recent_day {
            Some((d, _)) => (Some(d), -1),
            None => (None, 0),
        },
        "before" => match recent_day {
            Some((d, _)) => (Some(d), 1),
            None => (None, 0),
        },
        _ => return None,
    };
    // "after" and "before" are TimeML signals, outside the expression.
    let signal_end = matches!(dir_word.as_str(), "after" | "before")
        .then(|| text[..c.start + dir.start()].trim_end().len());
    let Some(base) = base else {
        // Nothing to count from: the expression is the length ("a year after he was killed").
        let end = text[..c.start + dir.start()].trim_end().len();
        return Some(Normal {
            end: Some(end),
            ..plain(TimexType::Duration, duration_value(n, &unit)?)
        });
    };
    let Some(n) = n else {
        let value = if sign < 0 { "PAST_REF" } else { "FUTURE_REF" };
        return Some(Normal {
            end: signal_end,
            ..plain(TimexType::Date, value.into())
        });
    };
    if !(0.0..=5000.0).contains(&n) {
        // "2147483647 days ago" is no date.
        return None;
    }
    let steps = (n.round() as i32) * sign;
    let singular = unit.trim_end_matches('s');
    if singular == "year" && steps == -1 && story.quarter.is_some() {
        let last = add_months(dct.unwrap_or(base), -3);
        let (y, q) = (last.year(), (last.month() - 1) / 3 + 1);
        // Earnings reports compare with the same quarter a year before.
        return Some(plain(TimexType::Date, format!("{}-Q{q}", y - 1)));
    }
    let value = match singular {
        "hour" | "minute" | "second" => day_value(base),
        "decade" => (base.year() + 10 * steps).to_string(),
        "centurie" | "century" => (base.year() + 100 * steps).to_string(),
        "fortnight" => day_value(shift_days(base, 14 * i64::from(steps))?),
        _ => shifted_value(base, singular, steps)?,
    };
    Some(Normal {
        end: signal_end,
        ..plain(TimexType::Date, value)
    })
}

fn narrative(
    text: &str,
    c: &Candidate<'_>,
    dct: Option<NaiveDate>,
    story: &Narrative,
) -> Option<Normal> {
    let caps = &c.caps;
    let unit = caps
        .name("u")
        .map_or("day".to_string(), |m| m.as_str().to_ascii_lowercase());
    let dir = caps
        .name("dir")
        .or(caps.name("dir2"))
        .map(|m| m.as_str().to_ascii_lowercase());
    let step = match dir.as_deref() {
        Some("next" | "following") => 1,
        Some("previous" | "preceding" | "prior") => -1,
        // "the day before" (the event) is the day after the one just named is not meant here:
        // it is one day before the narrative's date.
        Some("before") => -1,
        Some("after") => 1,
        _ => 0,
    };
    if let Some(signal) = caps.name("dir2") {
        let after = &text[c.end..];
        let alone = after
            .trim_start_matches([' ', '\t'])
            .starts_with(['.', ',', ';', ':', ')', '\n']);
        if !alone {
            // "Oct. 12, the day before the crash": "the day" is the date just named; in "the
            // day before returning" with no date at hand there is nothing to read.
            let (day, at) = story.day?;
            if !same_sentence(text, at, c.start) {
                return None;
            }
            let end = text[..c.start + signal.start()].trim_end().len();
            return Some(Normal {
                end: Some(end),
                ..plain(TimexType::Date, day_value(day))
            });
        }
    }
    if unit == "quarter" {
        // "that quarter": the quarter the story last named.
        let (y, q) = story.quarter?;
        return Some(plain(TimexType::Date, format!("{y}-Q{q}")));
    }
    let base = if matches!(unit.as_str(), "week" | "month" | "year") {
        story.any
    } else if step == 0 {
        referred_day(text, c.start, story)
    } else {
        story.day.map(|(d, _)| d)
    };
    let base = base.or(dct)?;
    let part = match unit.as_str() {
        "morning" => Some("TMO"),
        "evening" => Some("TEV"),
        "night" => Some("TNI"),
        _ => None,
    };
    if let Some(part) = part {
        let d = shift_days(base, i64::from(step))?;
        return Some(plain(TimexType::Time, format!("{}{part}", day_value(d))));
    }
    Some(plain(TimexType::Date, shifted_value(base, &unit, step)?))
}

fn duration(caps: &Captures<'_>, dct: Option<NaiveDate>) -> Option<Normal> {
    let n = number_value(caps.name("n")?.as_str());
    let unit = caps.name("u")?.as_str();
    let value = duration_value(n, unit)?;
    let dir = caps.name("dir").map(|m| m.as_str().to_ascii_lowercase());
    let forward = matches!(
        dir.as_deref(),
        Some("next" | "coming" | "following" | "remaining")
    );
    Some(Normal {
        anchor: dct.map(|date| Anchor { date, forward }),
        ..plain(TimexType::Duration, value)
    })
}

/// The TIMEX3 duration for `n` units ("P3W", "PT16H", "PXY" when the count is vague).
pub fn duration_value(n: Option<f64>, unit: &str) -> Option<String> {
    let u = unit.to_ascii_lowercase();
    let u = u.trim_end_matches("-long");
    let singular = if u == "centuries" {
        "century"
    } else {
        u.trim_end_matches('s')
    };
    let (code, per, time) = match singular {
        "second" => ("S", 1.0, true),
        "minute" => ("M", 1.0, true),
        "hour" => ("H", 1.0, true),
        "day" => ("D", 1.0, false),
        "week" | "fortnight" => ("W", if singular == "week" { 1.0 } else { 2.0 }, false),
        "month" => ("M", 1.0, false),
        "quarter" => ("M", 3.0, false),
        "year" => ("Y", 1.0, false),
        "decade" => ("Y", 10.0, false),
        "century" => ("Y", 100.0, false),
        _ => return None,
    };
    let t = if time { "T" } else { "" };
    let Some(n) = n else {
        let code = match singular {
            "decade" => "DE",
            "century" => "CE",
            "quarter" => "Q",
            _ => code,
        };
        return Some(format!("P{t}X{code}"));
    };
    let total = n * per;
    if total.fract() == 0.0 {
        return Some(format!("P{t}{}{code}", total as i64));
    }
    // Fractions go down a unit: "half a year" is P6M, "2 1/2 years" P2Y6M, "5 1/2 hours"
    // PT5H30M.
    let (smaller, factor, time_part) = match singular {
        "year" | "decade" | "century" => ("M", 12.0, false),
        "month" | "quarter" => ("D", 30.0, false),
        "week" | "fortnight" => ("D", 7.0, false),
        "day" => ("H", 24.0, true),
        "hour" => ("M", 60.0, true),
        _ => ("S", 60.0, true),
    };
    let whole = total.trunc() as i64;
    let rest = (total.fract() * factor).round() as i64;
    let whole_part = if whole > 0 {
        format!("{whole}{code}")
    } else {
        String::new()
    };
    Some(match (time, time_part) {
        (true, _) => format!("PT{whole_part}{rest}{smaller}"),
        (false, true) => format!("P{whole_part}T{rest}{smaller}"),
        (false, false) => format!("P{whole_part}{rest}{smaller}"),
    })
}

fn set(caps: &Captures<'_>) -> Option<Normal> {
    let value = if let Some(adv) = caps.name("adv") {
        match adv.as_str().to_ascii_lowercase().as_str() {
            "daily" | "nightly" => "P1D",
            "weekly" => "P1W",
            "biweekly" => "P2W",
            "monthly" => "P1M",
            "quarterly" => "P3M",
            "annually" | "yearly" => "P1Y",
            "hourly" => "PT1H",
            _ => return None,
        }
        .to_string()
    } else {
        let unit = caps.name("u")?.as_str();
        if let Some(wd) = weekday_number(unit).filter(|_| unit.len() > 5) {
            format!("XXXX-WXX-{wd}")
        } else if let Some(code) = season_code(unit) {
            format!("XXXX-{code}")
        } else if let Some(m) = month_number(unit).filter(|_| unit.len() > 3) {
            format!("XXXX-{m:02}")
        } else {
            match unit.to_ascii_lowercase().as_str() {
                "morning" => "XXXX-XX-XXTMO".into(),
                "afternoon" => "XXXX-XX-XXTAF".into(),
                "evening" => "XXXX-XX-XXTEV".into(),
                "night" => "XXXX-XX-XXTNI".into(),
                "weekend" => "XXXX-WXX-WE".into(),
                u => duration_value(Some(1.0), u)?,
            }
        }
    };
    Some(plain(TimexType::Set, value))
}

fn holiday(
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

fn clock_time(
    caps: &Captures<'_>,
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
fn day_of_reference(
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

fn part_of_day(
    caps: &Captures<'_>,
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

/// The day "the same day" points to: the earlier dated sentence that shares the most names and
/// content words with this one ("Putin's talks with Assad came on the same day" → the day the
/// talks were dated), else the last date mentioned.
fn referred_day(text: &str, at: usize, story: &Narrative) -> Option<NaiveDate> {
    let last = story.day.map(|(d, _)| d);
    let (s, _) = super::anchor::sentence_around(text, at, at);
    let here = content_words(&text[s..at]);
    if here.is_empty() {
        return last;
    }
    let mut best: Option<(usize, NaiveDate)> = None;
    for &(day, end) in &story.days {
        let (ds, de) = super::anchor::sentence_around(text, end, end);
        if ds >= s {
            continue;
        }
        let there = content_words(&text[ds..de]);
        let overlap = here.iter().filter(|w| there.contains(w)).count();
        if overlap >= 2 && best.is_none_or(|(o, _)| overlap >= o) {
            best = Some((overlap, day));
        }
    }
    best.map(|(_, d)| d).or(last)
}

/// Lower-cased words of four letters or more, possessives stripped, minus common function words.
fn content_words(s: &str) -> Vec<String> {
    const STOP: &[&str] = &[
        "that", "this", "with", "from", "have", "been", "were", "which", "their", "there", "they",
        "said", "says", "came", "comes", "when", "after", "before", "about", "also", "same",
        "will", "would", "into", "over", "than", "them", "some", "more",
    ];
    s.split(|ch: char| !(ch.is_alphanumeric() || ch == '\'' || ch == '’'))
        .map(|w| {
            w.trim_end_matches("'s")
                .trim_end_matches("’s")
                .to_lowercase()
        })
        .filter(|w| w.chars().count() >= 4 && !STOP.contains(&w.as_str()))
        .collect()
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
