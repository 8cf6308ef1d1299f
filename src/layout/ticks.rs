//! Calendar-aware ticks for the time axis: hours, days, weeks, months or years, whichever keeps
//! labels at least a label's width apart. Ticks fall on real calendar boundaries (months of
//! 28–31 days, leap years), which fixed 30- or 365-day steps would get wrong.

use chrono::{Datelike, NaiveDate};

use super::time::{date_from_x, long_date, x_from_date};

/// One tick on the time axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub x: f64,
    /// Approximate days to the next tick of the same rank: a year boundary among month ticks
    /// has a larger step than the months, so it is drawn stronger and keeps its label longest.
    pub step_days: f64,
    pub label: String,
}

/// The spacing between ticks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TickUnit {
    Hours(u32),
    /// Ticks on these days of each month.
    Days(&'static [u32]),
    Months(u32),
    Years(i64),
}

impl TickUnit {
    /// Typical days between ticks.
    pub fn days(self) -> f64 {
        match self {
            Self::Hours(h) => f64::from(h) / 24.0,
            Self::Days(days) => 30.44 / days.len() as f64,
            Self::Months(m) => 30.44 * f64::from(m),
            Self::Years(y) => 365.25 * y as f64,
        }
    }
}

const UNITS: &[TickUnit] = &[
    TickUnit::Hours(1),
    TickUnit::Hours(3),
    TickUnit::Hours(6),
    TickUnit::Hours(12),
    TickUnit::Days(&[
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
        26, 27, 28, 29, 30, 31,
    ]),
    TickUnit::Days(&[1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29]),
    TickUnit::Days(&[1, 8, 15, 22]),
    TickUnit::Days(&[1, 15]),
    TickUnit::Months(1),
    TickUnit::Months(3),
    TickUnit::Months(6),
];

/// Never more ticks than this, whatever the window.
const MAX_TICKS: usize = 400;

/// The unit whose ticks are at least `min_spacing_px` apart.
pub fn unit_for(days_per_px: f64, min_spacing_px: f64) -> TickUnit {
    let wanted = days_per_px.abs() * min_spacing_px;
    if let Some(unit) = UNITS.iter().find(|u| u.days() >= wanted) {
        return *unit;
    }
    let mut years: i64 = 1;
    while 365.25 * (years as f64) < wanted && years < 10_000_000 {
        years = match years.to_string().as_bytes().first() {
            Some(b'1') => years * 2,
            Some(b'2') => years / 2 * 5,
            _ => years * 2,
        };
    }
    TickUnit::Years(years)
}

/// Ticks in `x_min..=x_max`, spaced for `days_per_px` and labels `min_spacing_px` wide.
pub fn ticks(x_min: f64, x_max: f64, days_per_px: f64, min_spacing_px: f64) -> Vec<Tick> {
    if !(x_min.is_finite() && x_max.is_finite()) || x_max <= x_min {
        return Vec::new();
    }
    let unit = unit_for(days_per_px, min_spacing_px);
    let mut out = Vec::new();
    match unit {
        TickUnit::Hours(step) => {
            let per_day = 24 / step;
            let first = (x_min * f64::from(per_day)).ceil() as i64;
            let last = (x_max * f64::from(per_day)).floor() as i64;
            for k in first..=last.min(first + MAX_TICKS as i64) {
                let x = k as f64 / f64::from(per_day);
                if k.rem_euclid(i64::from(per_day)) == 0 {
                    if let Some(date) = date_from_x(x) {
                        out.push(day_tick(date, unit));
                    }
                } else {
                    let hour = k.rem_euclid(i64::from(per_day)) * i64::from(step);
                    out.push(Tick {
                        x,
                        step_days: unit.days(),
                        label: format!("{hour:02}:00"),
                    });
                }
            }
        }
        TickUnit::Days(days) => {
            let (Some(first), Some(last)) = (date_from_x(x_min.ceil()), date_from_x(x_max)) else {
                return out;
            };
            for date in first
                .iter_days()
                .take_while(|d| *d <= last)
                .take(MAX_TICKS * 31)
            {
                if days.contains(&date.day()) {
                    out.push(day_tick(date, unit));
                }
            }
        }
        TickUnit::Months(step) => {
            let (Some(first), Some(last)) = (date_from_x(x_min), date_from_x(x_max)) else {
                return out;
            };
            let mut month = first.with_day(1);
            while let Some(date) = month {
                if date > last || out.len() > MAX_TICKS {
                    break;
                }
                if date >= first && (date.month() - 1) % step == 0 {
                    out.push(month_tick(date, unit));
                }
                month = date.checked_add_months(chrono::Months::new(1));
            }
        }
        TickUnit::Years(step) => {
            let (Some(first), Some(last)) = (date_from_x(x_min), date_from_x(x_max)) else {
                return out;
            };
            let mut year = i64::from(first.year()).div_euclid(step) * step;
            while year <= i64::from(last.year()) && out.len() <= MAX_TICKS {
                let Some(date) = i32::try_from(year)
                    .ok()
                    .and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1))
                else {
                    break;
                };
                if date >= first {
                    out.push(Tick {
                        x: x_from_date(date),
                        step_days: rank_of_year(year, step),
                        label: year.to_string(),
                    });
                }
                year += step;
            }
        }
    }
    out
}

/// A tick at the start of `date` for hour and day units.
fn day_tick(date: NaiveDate, unit: TickUnit) -> Tick {
    let x = x_from_date(date);
    if date.ordinal() == 1 {
        return Tick {
            x,
            step_days: 365.25,
            label: long_date(date),
        };
    }
    let step_days = if date.day() == 1 {
        30.44
    } else {
        unit.days().max(1.0)
    };
    Tick {
        x,
        step_days,
        label: date.format("%-d %b").to_string(),
    }
}

fn month_tick(date: NaiveDate, unit: TickUnit) -> Tick {
    let x = x_from_date(date);
    if date.month() == 1 {
        Tick {
            x,
            step_days: 365.25,
            label: date.year().to_string(),
        }
    } else {
        Tick {
            x,
            step_days: unit.days(),
            label: date.format("%b").to_string(),
        }
    }
}

/// Rounder years rank higher, so decades outlast single years as the view widens.
fn rank_of_year(year: i64, step: i64) -> f64 {
    let mut rank = step;
    while rank < 1_000_000_000 && year % (rank * 10) == 0 {
        rank *= 10;
    }
    365.25 * rank as f64
}

/// A caption naming the window's span in words a reader scans quickly: "Oct 2015",
/// "12 Sep – 3 Nov 2015", "2013 – 2016".
pub fn window_caption(x_min: f64, x_max: f64) -> String {
    let (Some(a), Some(b)) = (date_from_x(x_min), date_from_x(x_max - 1e-9)) else {
        return String::new();
    };
    let days = x_max - x_min;
    if days > 3.0 * 365.0 {
        return format!("{} – {}", a.year(), b.year());
    }
    if days > 62.0 {
        if a.year() == b.year() {
            return format!("{} – {} {}", a.format("%b"), b.format("%b"), a.year());
        }
        return format!(
            "{} {} – {} {}",
            a.format("%b"),
            a.year(),
            b.format("%b"),
            b.year()
        );
    }
    if a == b {
        return long_date(a);
    }
    if a.year() == b.year() {
        return format!("{} – {}", a.format("%-d %b"), long_date(b));
    }
    format!("{} – {}", long_date(a), long_date(b))
}
