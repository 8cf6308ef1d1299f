//! The plot's x axis: days since 1970-01-01 as `f64`, so hours are fractions of a day and any
//! date chrono can hold (years −262143..262143) maps to an exactly representable number.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};

/// `NaiveDate::num_days_from_ce` of 1970-01-01.
const EPOCH_DAYS_FROM_CE: i64 = 719_163;

/// The x of the first instant of `date`.
pub fn x_from_date(date: NaiveDate) -> f64 {
    (i64::from(date.num_days_from_ce()) - EPOCH_DAYS_FROM_CE) as f64
}

/// The day containing `x`, or `None` outside chrono's calendar.
pub fn date_from_x(x: f64) -> Option<NaiveDate> {
    if !x.is_finite() {
        return None;
    }
    let days = x.floor() + EPOCH_DAYS_FROM_CE as f64;
    if days.abs() > f64::from(i32::MAX) {
        return None;
    }
    NaiveDate::from_num_days_from_ce_opt(days as i32)
}

/// The instant at `x`, to the second.
pub fn datetime_from_x(x: f64) -> Option<NaiveDateTime> {
    let date = date_from_x(x)?;
    let seconds = ((x - x.floor()) * 86_400.0).round().clamp(0.0, 86_399.0) as u32;
    let time = NaiveTime::from_num_seconds_from_midnight_opt(seconds, 0)?;
    Some(date.and_time(time))
}

/// The span an event covers on the axis: from the start of its first day to the end of its last.
pub fn span_of(start: NaiveDate, end: NaiveDate) -> (f64, f64) {
    let (a, b) = (x_from_date(start), x_from_date(end) + 1.0);
    if b < a { (b - 1.0, a + 1.0) } else { (a, b) }
}

/// A long date for captions and tooltips ("21 Oct 2015"), with years outside 0..=9999 written
/// in full rather than as chrono's signed, padded form.
pub fn long_date(date: NaiveDate) -> String {
    format!("{} {}", date.format("%-d %b"), date.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn days_round_trip_across_the_calendar() {
        for date in [
            d(1970, 1, 1),
            d(2015, 10, 21),
            d(0, 1, 1),
            d(99999, 12, 31),
            d(-500, 3, 1),
        ] {
            assert_eq!(date_from_x(x_from_date(date) + 0.5), Some(date), "{date}");
        }
        assert_eq!(x_from_date(d(1970, 1, 2)), 1.0);
    }

    #[test]
    fn out_of_calendar_x_has_no_date() {
        assert_eq!(date_from_x(f64::NAN), None);
        assert_eq!(date_from_x(1e12), None);
    }

    #[test]
    fn a_day_spans_one_unit() {
        let (a, b) = span_of(d(2015, 10, 21), d(2015, 10, 21));
        assert_eq!(b - a, 1.0);
    }
}
