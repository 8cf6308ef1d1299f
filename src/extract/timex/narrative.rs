//! What the story has said so far and the expressions that lean on it: "the same day", "two
//! days later", "a day after", "that year".

use chrono::{Datelike, NaiveDate};

use crate::extract::eight_bytes::{HIGHS, equal_bytes, first_flagged, in_range, non_letters};

use super::anchor::{add_months, day_value, shift_days, tail};
use super::durations::duration_value;
use super::recognise::{Candidate, Rule};
use super::relative::shifted_value;
use super::stops::{same_sentence, sentence_around};
use super::value::{Normal, TimexType, plain};
use super::vocabulary::number_value;

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

impl Narrative {
    /// The day-precise dates "the same day" is compared with: at most [`RECENT_DAYS`], the
    /// latest, so its cost does not grow with the length of the text.
    pub fn recent_days(&self) -> &[(NaiveDate, usize)] {
        &self.days[self.days.len().saturating_sub(RECENT_DAYS)..]
    }
}

/// The first day of a "YYYY", "YYYY-MM" or "YYYY-MM-DD" value (ASCII digits, each part of
/// exactly that length), `None` for any other value. Read by position: this runs for every
/// expression (3,500 on TimeBank 1 MB), and cutting the value at its dashes and parsing each
/// piece cost about 280 instructions a value.
pub fn calendar_start(value: &str) -> Option<NaiveDate> {
    let bytes = value.as_bytes();
    let number = |at: usize, len: usize| -> Option<u32> {
        bytes.get(at..at + len)?.iter().try_fold(0u32, |n, &b| {
            b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
        })
    };
    let dash = |at: usize| bytes.get(at) == Some(&b'-');
    let (month, day) = match bytes.len() {
        4 => (1, 1),
        7 if dash(4) => (number(5, 2)?, 1),
        10 if dash(4) && dash(7) => (number(5, 2)?, number(8, 2)?),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(number(0, 4)? as i32, month, day)
}

pub(super) fn ago(
    text: &str,
    c: &Candidate<'_>,
    dct: Option<NaiveDate>,
    story: &Narrative,
) -> Option<Normal> {
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

pub(super) fn narrative(
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

/// How many of the latest day-precise dates "the same day" is compared with. A story's own
/// earlier dates are among its last few dozen (TimeBank's longest article has 24), while a long
/// text, a wire file of many stories, mentions thousands: comparing with all of them made
/// tagging quadratic in the length of the text.
const RECENT_DAYS: usize = 64;

/// The day "the same day" points to: the earlier dated sentence that shares the most names and
/// content words with this one ("Putin's talks with Assad came on the same day" → the day the
/// talks were dated), else the last date mentioned.
pub(super) fn referred_day(text: &str, at: usize, story: &Narrative) -> Option<NaiveDate> {
    let last = story.day.map(|(d, _)| d);
    let (s, _) = sentence_around(text, at, at);
    let here = content_words(&text[s..at]);
    if here.is_empty() {
        return last;
    }
    let mut best: Option<(usize, NaiveDate)> = None;
    let mut shared = vec![false; here.len()];
    // Dates often come several to a sentence: the overlap of the sentence of the date before
    // is kept, and not counted again for the same sentence.
    let mut last_sentence: Option<((usize, usize), usize)> = None;
    for &(day, end) in story.recent_days() {
        let (ds, de) = sentence_around(text, end, end);
        if ds >= s {
            continue;
        }
        let overlap = match last_sentence {
            Some((span, overlap)) if span == (ds, de) => overlap,
            _ => {
                shared.fill(false);
                mark_shared(&here, &text[ds..de], &mut shared);
                let overlap = shared.iter().filter(|&&b| b).count();
                last_sentence = Some(((ds, de), overlap));
                overlap
            }
        };
        if overlap >= 2 && best.is_none_or(|(o, _)| overlap >= o) {
            best = Some((overlap, day));
        }
    }
    best.map(|(_, d)| d).or(last)
}

/// Marks each word of `here` (from [`content_words`]) that [`content_words`] of `sentence`
/// holds, without making that list: "the same day" reads the sentences of the last 64 dates,
/// and lower-casing a copy of each of their words was most of its cost. A word of `sentence`
/// too short or too common for that list is equal to no word of `here` (which has none such),
/// so only the lower-cased comparison is needed; an ASCII word is compared without copying.
fn mark_shared(here: &[String], sentence: &str, shared: &mut [bool]) {
    if sentence.is_ascii() {
        // Nearly every sentence of news text: its words are cut a byte at a time.
        for word in ascii_words(sentence.as_bytes()) {
            if word.len() >= 4 {
                for (w, mark) in here.iter().zip(shared.iter_mut()) {
                    *mark |= word.eq_ignore_ascii_case(w.as_bytes());
                }
            }
        }
        return;
    }
    for word in words(sentence) {
        if word.is_ascii() {
            // Every word of `here` has four bytes or more; a shorter one equals none of them.
            if word.len() < 4 {
                continue;
            }
            for (w, mark) in here.iter().zip(shared.iter_mut()) {
                *mark |= word.eq_ignore_ascii_case(w);
            }
        } else {
            let lower = word.to_lowercase();
            for (w, mark) in here.iter().zip(shared.iter_mut()) {
                *mark |= lower == *w;
            }
        }
    }
}

/// The words of `s` as [`content_words`] cuts them, before its filters and lower-casing: the
/// runs of alphanumeric characters and apostrophes. Empty pieces between two separators are
/// left out (no caller keeps an empty word).
///
/// "The same day" cuts the sentences of the last 64 dates into words; decoding every byte as a
/// `char` for `str::split` was most of that cost, so ASCII bytes are classed as bytes and only
/// a non-ASCII character is decoded.
fn words(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = s;
    std::iter::from_fn(move || {
        let start = word_char_end(rest, 0, false);
        let end = word_char_end(rest, start, true);
        if start == end {
            rest = "";
            return None;
        }
        let word = rest.get(start..end)?;
        rest = rest.get(end..)?;
        Some(word)
    })
    .map(without_possessive)
}

/// [`words`] of an ASCII sentence: the runs of [`is_word_byte`]s, possessive endings cut off
/// ("’s" is not ASCII, so only "'s" can end a word here). "The same day" reads the sentences
/// of the last 64 dates; a byte-table split of a plain sentence costs a few instructions a
/// byte, where [`word_char_end`]'s set-up for each end of each word cost about 80.
fn ascii_words(sentence: &[u8]) -> impl Iterator<Item = &[u8]> {
    sentence
        .split(|&b| !is_word_byte(b))
        .filter(|word| !word.is_empty())
        .map(|mut word| {
            while let Some(shorter) = word.strip_suffix(b"'s") {
                word = shorter;
            }
            word
        })
}

/// `word` with its possessive endings cut off, as `trim_end_matches("'s")` then
/// `trim_end_matches("’s")` cut them. Each of those set up a substring searcher for every
/// word, and that was half the cost of "the same day"; comparing the ending in place gives
/// the same word.
fn without_possessive(mut word: &str) -> &str {
    while let Some(shorter) = word.strip_suffix("'s") {
        word = shorter;
    }
    while let Some(shorter) = word.strip_suffix("’s") {
        word = shorter;
    }
    word
}

/// The first byte at or after `at` (a character boundary) whose character is a word character
/// (`inside` false) or is not one (`inside` true); `s.len()` if none.
///
/// "The same day" reads the words of the sentences of the last 64 dates, and a byte at a time
/// was most of its cost: ASCII bytes are classed eight at a time ([`word_flags`]), and only a
/// byte of another character stops the scan to be decoded.
fn word_char_end(s: &str, mut at: usize, inside: bool) -> usize {
    let bytes = s.as_bytes();
    loop {
        let found = if inside {
            first_flagged(
                bytes,
                at,
                |eight| !word_flags(eight) & HIGHS,
                |b| !is_word_byte(b),
            )
        } else {
            first_flagged(
                bytes,
                at,
                |eight| word_flags(eight) | (eight & HIGHS),
                |b| is_word_byte(b) || !b.is_ascii(),
            )
        };
        let Some(k) = found else {
            return s.len();
        };
        if bytes[k].is_ascii() {
            return k;
        }
        match s.get(k..).and_then(|r| r.chars().next()) {
            Some(ch) if (ch.is_alphanumeric() || ch == '’') == inside => at = k + ch.len_utf8(),
            Some(_) => return k,
            None => return s.len(),
        }
    }
}

/// Whether `b` is an ASCII byte of a word: a letter, a digit or an apostrophe.
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'\''
}

/// The high bit of exactly each byte of `eight` that [`is_word_byte`] (a byte with its own
/// high bit set is none; each test is exact within its byte).
#[inline(always)]
fn word_flags(eight: u64) -> u64 {
    let low = eight & !HIGHS;
    let apostrophe = equal_bytes(low, b'\'');
    // the letters are the bytes `non_letters` does not flag
    let ascii = !non_letters(eight) | in_range(low, b'0', b'9') | apostrophe;
    ascii & !eight & HIGHS
}

/// Lower-cased words of four letters or more, possessives stripped, minus common function words.
pub(super) fn content_words(s: &str) -> Vec<String> {
    const STOP: &[&str] = &[
        "that", "this", "with", "from", "have", "been", "were", "which", "their", "there", "they",
        "said", "says", "came", "comes", "when", "after", "before", "about", "also", "same",
        "will", "would", "into", "over", "than", "them", "some", "more",
    ];
    words(s)
        // An ASCII word keeps its length when lower-cased, so a short one (and the empty
        // pieces between separators) is dropped before it is copied.
        .filter(|w| !w.is_ascii() || w.len() >= 4)
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() >= 4 && !STOP.contains(&w.as_str()))
        .collect()
}

#[cfg(test)]
mod tests;
