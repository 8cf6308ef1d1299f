//! Lengths and repetitions: "three weeks" (P3W), "2 1/2 years" (P2Y6M), "every Monday"
//! (XXXX-WXX-1), "daily" (P1D).

use super::engine::Parts;
use chrono::NaiveDate;

use super::value::{Anchor, Normal, TimexType, plain};
use super::vocabulary::{month_number, number_value, season_code, weekday_number};

pub(super) fn duration(caps: &Parts<'_>, dct: Option<NaiveDate>) -> Option<Normal> {
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

pub(super) fn set(caps: &Parts<'_>) -> Option<Normal> {
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
