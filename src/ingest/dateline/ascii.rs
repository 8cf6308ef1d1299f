//! The date pattern of [`super::date_regex`] in its ASCII form, read by hand: compiling the
//! regex cost 5 M instructions, paid by every run that meets a line that may be a date line,
//! more than all the searches it then made. The reading follows the regex step for step and
//! gives the same matches and parts on every ASCII text (a test compares the two on many
//! generated texts); text with other characters is still searched with the Unicode regex.
//!
//! In ASCII text the regex's `\d` is `[0-9]`, `\s` is `[\t\n\x0B\x0C\r ]`, and `\b` lies
//! between a byte of `[0-9A-Za-z_]` and one that is not (or the text's edge). Its optional
//! parts are greedy and its alternatives tried in order, as below; where an optional part
//! could be taken or left, leaving it would make the rest fail at once (a month or a digit
//! cannot start with a dot, a comma or a space), so each step has one way to go on.

use std::ops::Range;

use super::{MONTHS, WEEKDAYS};
use crate::ingest::eight_bytes::{in_range, word};

/// A date as the pattern matched it: its range, and its parts as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Found<'t> {
    pub whole: Range<usize>,
    pub month: Month<'t>,
    pub day: &'t str,
    pub year: Option<&'t str>,
}

/// A month as written: a name ("Oct", "October") or two digits (ISO).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Month<'t> {
    Name(&'t str),
    Digits(&'t str),
}

/// Every match of the date pattern in ASCII `text`, left to right, as `captures_iter` finds
/// them: at each place, the leftmost match; the search goes on where it ended.
pub(super) fn dates(text: &str) -> impl Iterator<Item = Found<'_>> {
    let bytes = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        // A match starts at a word's first byte, a digit or a capital: most capitals open
        // no day or month name, and are passed over on their first three bytes.
        while let Some(at) = next_capital_or_digit(bytes, from) {
            from = at + 1;
            if (at > 0 && is_word(bytes[at - 1]))
                || (bytes[at].is_ascii_uppercase() && !opens_a_name(bytes, at))
            {
                continue;
            }
            if let Some(found) = date_at(text, at) {
                from = found.whole.end;
                return Some(found);
            }
        }
        None
    })
}

/// The first ASCII capital or digit of ASCII `bytes` at or after `from`, found eight bytes at
/// a time: most bytes of prose are neither.
fn next_capital_or_digit(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let v = word(chunk);
        let found = in_range(v, 0x41, 0x5a) | in_range(v, 0x30, 0x39);
        if found != 0 {
            return Some(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    (at..bytes.len()).find(|&i| bytes[i].is_ascii_uppercase() || bytes[i].is_ascii_digit())
}

/// Whether the three bytes at `at` open one of [`WEEKDAYS`] or [`MONTHS`] (a test holds this
/// list to theirs): the names are compared only where one may start, and three bytes turn
/// them all away elsewhere (at every digit, and at most capitals).
fn opens_a_name(bytes: &[u8], at: usize) -> bool {
    matches!(
        bytes.get(at..at + 3),
        Some(
            b"Mon"
                | b"Tue"
                | b"Wed"
                | b"Thu"
                | b"Fri"
                | b"Sat"
                | b"Sun"
                | b"Jan"
                | b"Feb"
                | b"Mar"
                | b"Apr"
                | b"May"
                | b"Jun"
                | b"Jul"
                | b"Aug"
                | b"Sep"
                | b"Oct"
                | b"Nov"
                | b"Dec"
                | b"JAN"
                | b"FEB"
                | b"MAR"
                | b"APR"
                | b"MAY"
                | b"JUN"
                | b"JUL"
                | b"AUG"
                | b"SEP"
                | b"OCT"
                | b"NOV"
                | b"DEC"
        )
    )
}

/// `\w` in ASCII.
/// Repeats `extract::white_space::is_ascii_word`: ingest may not use extract (architecture test).
fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// `\s` in ASCII.
/// Repeats `extract::white_space::is_ascii_space`: ingest may not use extract (architecture test).
fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')
}

/// Whether `at` is a word boundary (`\b`) of `bytes`.
fn boundary(bytes: &[u8], at: usize) -> bool {
    let before = at > 0 && bytes.get(at - 1).copied().is_some_and(is_word);
    let after = bytes.get(at).copied().is_some_and(is_word);
    before != after
}

/// The end of the run of white space at `at` (`at` itself when there is none).
fn spaces(bytes: &[u8], at: usize) -> usize {
    at + bytes[at.min(bytes.len())..]
        .iter()
        .take_while(|&&b| is_space(b))
        .count()
}

/// `at` plus one when `bytes[at]` is `byte` (an optional `byte`, taken when it is there).
fn optional(bytes: &[u8], at: usize, byte: u8) -> usize {
    at + usize::from(bytes.get(at) == Some(&byte))
}

/// How many ASCII digits `bytes` has at `at`, up to `most`.
fn digits(bytes: &[u8], at: usize, most: usize) -> usize {
    bytes[at.min(bytes.len())..]
        .iter()
        .take(most)
        .take_while(|b| b.is_ascii_digit())
        .count()
}

/// The ends of the day's choices at `at`, in the order the pattern tries them:
/// `\d{1,2}(?:st|nd|rd|th)?`, two digits before one, a suffix before none.
fn day_choices(bytes: &[u8], at: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let most = digits(bytes, at, 2);
    (1..=most).rev().flat_map(move |len| {
        let end = at + len;
        let suffix = bytes
            .get(end..end + 2)
            .is_some_and(|s| matches!(s, b"st" | b"nd" | b"rd" | b"th"));
        // (where the day's digits end, where the day with its suffix ends)
        let with = suffix.then_some((end, end + 2));
        with.into_iter().chain([(end, end)])
    })
}

/// The optional year after a day or month, `(?:,?\s+\d{4}\b)?`: its range when it is there.
fn year_at(bytes: &[u8], at: usize) -> Option<Range<usize>> {
    let after_comma = optional(bytes, at, b',');
    let start = spaces(bytes, after_comma);
    (start > after_comma && digits(bytes, start, 4) == 4 && boundary(bytes, start + 4))
        .then_some(start..start + 4)
}

/// The date the pattern matches at `at`, a word boundary: an optional day of the week, then a
/// month and day, a day and month, or an ISO date.
fn date_at(text: &str, at: usize) -> Option<Found<'_>> {
    let bytes = text.as_bytes();
    let days: &[&str] = if opens_a_name(bytes, at) {
        &WEEKDAYS
    } else {
        &[]
    };
    let after_weekday = days.iter().find_map(|day| {
        let end = at + day.len();
        if !bytes[at..].starts_with(day.as_bytes()) {
            return None;
        }
        let before_space = optional(bytes, optional(bytes, end, b'.'), b',');
        let after = spaces(bytes, before_space);
        (after > before_space).then_some(after)
    });
    let found = after_weekday
        .and_then(|from| after_opening(text, from))
        .or_else(|| after_opening(text, at))?;
    Some(Found {
        whole: at..found.whole.end,
        ..found
    })
}

/// The three forms of date at `at` (after any day of the week), in the pattern's order; the
/// match's range starts at `at`.
fn after_opening(text: &str, at: usize) -> Option<Found<'_>> {
    month_first(text, at)
        .or_else(|| day_first(text, at))
        .or_else(|| iso(text, at))
}

/// `(?P<m1>MONTHS)\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y1>\d{4})\b)?`
fn month_first(text: &str, at: usize) -> Option<Found<'_>> {
    let bytes = text.as_bytes();
    if !opens_a_name(bytes, at) {
        return None;
    }
    MONTHS.iter().find_map(|month| {
        if !bytes[at..].starts_with(month.as_bytes()) {
            return None;
        }
        let month_end = at + month.len();
        let after_dot = optional(bytes, month_end, b'.');
        let day_start = spaces(bytes, after_dot);
        if day_start == after_dot {
            return None;
        }
        let (day_end, end) =
            day_choices(bytes, day_start).find(|&(_, end)| boundary(bytes, end))?;
        let year = year_at(bytes, end);
        Some(Found {
            whole: at..year.as_ref().map_or(end, |y| y.end),
            month: Month::Name(&text[at..month_end]),
            day: &text[day_start..day_end],
            year: year.map(|y| &text[y]),
        })
    })
}

/// `(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>MONTHS)\b\.?(?:,?\s+(?P<y2>\d{4})\b)?`
fn day_first(text: &str, at: usize) -> Option<Found<'_>> {
    let bytes = text.as_bytes();
    day_choices(bytes, at).find_map(|(day_end, end)| {
        let month_start = spaces(bytes, end);
        if month_start == end {
            return None;
        }
        // "of" and its white space when they are there, then without them
        let after_of = (bytes[month_start..].starts_with(b"of"))
            .then(|| spaces(bytes, month_start + 2))
            .filter(|&s| s > month_start + 2);
        after_of.into_iter().chain([month_start]).find_map(|start| {
            if !opens_a_name(bytes, start) {
                return None;
            }
            let month = MONTHS.iter().find(|m| {
                bytes[start..].starts_with(m.as_bytes()) && boundary(bytes, start + m.len())
            })?;
            let month_end = start + month.len();
            let after_dot = optional(bytes, month_end, b'.');
            let year = year_at(bytes, after_dot);
            Some(Found {
                whole: at..year.as_ref().map_or(after_dot, |y| y.end),
                month: Month::Name(&text[start..month_end]),
                day: &text[at..day_end],
                year: year.map(|y| &text[y]),
            })
        })
    })
}

/// `(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})\b`
fn iso(text: &str, at: usize) -> Option<Found<'_>> {
    let bytes = text.as_bytes();
    let shape = digits(bytes, at, 4) == 4
        && bytes.get(at + 4) == Some(&b'-')
        && digits(bytes, at + 5, 2) == 2
        && bytes.get(at + 7) == Some(&b'-')
        && digits(bytes, at + 8, 2) == 2
        && boundary(bytes, at + 10);
    shape.then(|| Found {
        whole: at..at + 10,
        month: Month::Digits(&text[at + 5..at + 7]),
        day: &text[at + 8..at + 10],
        year: Some(&text[at..at + 4]),
    })
}

#[cfg(test)]
mod tests {
    use super::super::{ASCII_DATE, found_by};
    use super::*;

    /// Pieces of dates, of near-dates and of what surrounds them; the texts are runs of them.
    const PIECES: &[&str] = &[
        "Monday",
        "Mon",
        "Tues",
        "Tue",
        "Thurs",
        "Thur",
        "Thu",
        "Thursday",
        "Sun",
        "Sunday",
        "Wed",
        "Friday",
        "Frid",
        "January",
        "Jan",
        "JAN",
        "JANUARY",
        "Janu",
        "Sept",
        "SEPT",
        "Sep",
        "September",
        "Septem",
        "May",
        "MAY",
        "Mayo",
        "Dec",
        "DECEMBER",
        "Oct",
        "Octo",
        "mar",
        "Mar",
        "March",
        "Marc",
        "1",
        "5",
        "9",
        "12",
        "31",
        "07",
        "123",
        "2015",
        "1998",
        "20151",
        "2015-10-21",
        "1998-1-08",
        "10-21",
        "-",
        "st",
        "nd",
        "rd",
        "th",
        "s",
        "of",
        "off",
        "the",
        "x",
        "_",
        "a1",
        "Z",
        " ",
        " ",
        " ",
        " ",
        "  ",
        "\t",
        "\n",
        "\r",
        "\x0b",
        "\x0c",
        ".",
        ".",
        ",",
        ",",
        ", ",
        ". ",
        ":",
        "(",
        ")",
        "'",
    ];

    #[test]
    fn reads_ascii_text_as_the_ascii_regex_does() {
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let mut matched = 0;
        for _ in 0..150_000 {
            let len = 1 + next(14);
            let text: String = (0..len).map(|_| PIECES[next(PIECES.len())]).collect();
            let ours: Vec<_> = dates(&text).collect();
            let regex: Vec<_> = found_by(&ASCII_DATE, &text).collect();
            assert_eq!(ours, regex, "{text:?}");
            matched += ours.len();
        }
        // the texts hold dates of every form, not only near-misses
        assert!(matched > 2_000, "{matched}");
    }

    #[test]
    fn every_name_opens_as_the_scan_expects() {
        for name in WEEKDAYS.iter().chain(&MONTHS) {
            assert!(opens_a_name(name.as_bytes(), 0), "{name}");
        }
    }

    /// Every ASCII byte at every offset of a buffer of two chunks and a tail, searched from
    /// every start: the eight-byte search must stop where a byte-by-byte one does, in each
    /// lane of a chunk and in the tail, whatever bytes lie around it.
    #[test]
    fn capitals_and_digits_are_found_wherever_they_are() {
        let simple = |bytes: &[u8], from: usize| {
            (from..bytes.len())
                .find(|&i| bytes[i].is_ascii_uppercase() || bytes[i].is_ascii_digit())
        };
        // bytes that are neither, next to the ranges' edges and at ASCII's ends
        for filler in [b'a', b'@', b'[', b'/', b':', 0, 0x7f] {
            for byte in 0..0x80 {
                for offset in 0..17 {
                    let mut bytes = [filler; 17];
                    bytes[offset] = byte;
                    for from in 0..=bytes.len() {
                        assert_eq!(
                            next_capital_or_digit(&bytes, from),
                            simple(&bytes, from),
                            "{filler:#x} {byte:#x} at {offset} from {from}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn reads_news_date_lines_as_the_ascii_regex_does() {
        for text in [
            "The New York Times said in an editorial on Monday, Oct. 26:",
            "WASHINGTON, August 8 (Xinhua) --",
            "Wednesday 21 October 2015 10:35 GMT",
            "Published: Wed, 21st of Oct. 2015",
            "By Jane Roe | Oct. 21, 2015 | 2015-10-21",
            "Tues. Sept. 5th, 1998 and 5 of MAY, 2001",
            "",
            "2015-10-21",
            "Oct",
        ] {
            let ours: Vec<_> = dates(text).collect();
            assert_eq!(
                ours,
                found_by(&ASCII_DATE, text).collect::<Vec<_>>(),
                "{text:?}"
            );
        }
    }
}
