//! What relative expressions are measured from: the document creation time, the date the
//! narrative last mentioned, and the tense of the sentence ("said Friday" looks back, "will
//! meet Friday" looks ahead).

use std::sync::LazyLock;

use chrono::{Datelike, Duration, Months, NaiveDate};
use regex::Regex;

use super::cues;
use super::recognise::compile;
use super::stops::sentence_around;

/// Which way an underspecified date ("Friday", "October 23") is read from the DCT.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    /// No cue either way: take the nearest reading (news mostly reports the past).
    Unknown,
}

/// The tense cue nearest to `at` within its sentence.
pub fn tense_at(text: &str, start: usize, end: usize) -> Tense {
    let (s, e) = sentence_around(text, start, end);
    let mut best: Option<(usize, Tense)> = None;
    let sentence = &text[s..e];
    let span = (s, start, end);
    // On the usual sentence the ASCII form of the pattern finds the same cues, and they are
    // found by hand ([`cues::next_cue_before`], [`cues::find_from`]); the Unicode form is
    // compiled only for another sentence.
    if !plain_words(sentence) {
        let cues = CUES.find_iter(sentence).map(|m| (m.start(), m.end()));
        weigh_cues(text, span, cues, &mut best);
        return best.map_or(Tense::Unknown, |(_, t)| t);
    }
    // The cues that start before the expression first. A cue after it is at least 200 bytes
    // away as [`weigh_cues`] counts, so when one before it is that near, the rest of the
    // sentence cannot change the answer and is not read: the scan stops at the expression
    // (most expressions have their verb before them, and reading on to the next cue after
    // them was much of the cost). Otherwise the scan goes on from the end of the last cue,
    // where the first cue it finds is the first one at or after the expression.
    let bytes = sentence.as_bytes();
    let mut from = 0;
    let before = std::iter::from_fn(|| {
        let (cue_start, cue_end) = cues::next_cue_before(bytes, from, start - s)?;
        from = cue_end;
        Some((cue_start, cue_end))
    });
    weigh_cues(text, span, before, &mut best);
    if best.is_none_or(|(d, _)| d > 200) {
        weigh_cues(text, span, cues::find_from(sentence, from), &mut best);
    }
    best.map_or(Tense::Unknown, |(_, t)| t)
}

/// Weighs `cues` (ranges in the sentence that begins at `s`, in order) for the expression
/// `start..end`: each that marks a tense and is nearer than `best` (by the distance below)
/// becomes `best`; the first such at or after the expression ends the search.
fn weigh_cues(
    text: &str,
    (s, start, end): (usize, usize, usize),
    cues: impl Iterator<Item = (usize, usize)>,
    best: &mut Option<(usize, Tense)>,
) {
    let sentence = &text[s..];
    for (cue_start, cue_end) in cues {
        let cue = &sentence[cue_start..cue_end];
        let pos = s + cue_start;
        // The cue in lower case, on the stack: a cue is a few words, and a `String` for each
        // (and another in `is_past_form`) was a tenth of the cost of `tense_at`.
        let mut buf = [0u8; 32];
        let owned;
        let word: &[u8] = match buf.get_mut(..cue.len()) {
            Some(lower) => {
                lower.copy_from_slice(cue.as_bytes());
                lower.make_ascii_lowercase();
                lower
            }
            None => {
                owned = cue.to_ascii_lowercase();
                owned.as_bytes()
            }
        };
        // "Until Thursday, they had not ..." opens a sentence about the past.
        let opens = word == b"until" && text[s..pos].trim().is_empty();
        let tense = if opens {
            continue;
        } else if FUTURE_WORDS.iter().any(|w| word.starts_with(w.as_bytes())) {
            // "had been due to expire Friday": a timetable already in the past (but "the sale,
            // which had been expected, ..." says nothing of when it happens).
            let timetable = ["due", "schedul", "set "]
                .iter()
                .any(|w| word.starts_with(w.as_bytes()));
            if timetable && text[s..pos].trim_end().ends_with("had been") {
                Tense::Past
            } else {
                Tense::Future
            }
        } else if !is_past_form(cue, word, &text[s..pos]) {
            continue;
        } else {
            Tense::Past
        };
        // The verb that governs "on Tuesday" comes before it; a "said" after it ("Tuesday,
        // Castro said") dates the saying, so cues behind count only when none lead.
        let distance = if pos < start {
            start - pos
        } else {
            pos.saturating_sub(end) + 200
        };
        if best.is_none_or(|(d, _)| distance < d) {
            *best = Some((distance, tense));
        }
        if pos >= start {
            // Every later cue is further from the expression than this one, so none can win:
            // the rest of the sentence is not searched.
            return;
        }
    }
}

/// Whether a past-looking word really marks the past: not a name ("United", "Ahmed"), not a
/// word that merely ends in "-ed" ("hundred", "succeed"), not a passive after "be" ("would
/// be held").
fn is_past_form(word: &str, lower: &[u8], before: &str) -> bool {
    const NOT_PAST: &[&str] = &[
        "planned", "hundred", "need", "indeed", "speed", "seed", "succeed", "proceed", "exceed",
        "embed", "sacred", "naked", "wicked", "kindred", "shed", "bled", "bred", "fled",
    ];
    // A participle after "be" is a passive, and the tense is the auxiliary's: "will be held".
    let after_be = |before: &str| {
        let before = before.trim_end();
        before.ends_with(" be") || before.ends_with(" been") || before.ends_with(" being")
    };
    if matches!(lower, b"held" | b"made" | b"met" | b"told" | b"left") && after_be(before) {
        return false;
    }
    if lower.len() > 4 && lower.ends_with(b"ed") {
        if word.starts_with(|ch: char| ch.is_ascii_uppercase())
            || NOT_PAST.iter().any(|w| w.as_bytes() == lower)
        {
            return false;
        }
        let before = before.trim_end();
        // "the reduced dividend", "its revised plan": an adjective after a determiner.
        let prev = before
            .rsplit(|ch: char| !ch.is_ascii_alphabetic())
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if DETERMINERS.contains(&prev.as_str()) {
            return false;
        }
        if before.ends_with(" be") || before.ends_with(" been") || before.ends_with(" being") {
            return false;
        }
    }
    true
}

/// Words after which an "-ed" form is an adjective, not a past-tense verb.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those",
];

/// At most the first `n` bytes of `s` (cut back to a character boundary): look-ahead stays
/// local however long the text.
pub fn head(s: &str, n: usize) -> &str {
    let mut end = n.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// At most the last `n` bytes of `s`, cut forward to a character boundary.
pub fn tail(s: &str, n: usize) -> &str {
    let mut start = s.len().saturating_sub(n);
    while !s.is_char_boundary(start) {
        start += 1;
    }
    &s[start..]
}

const FUTURE_WORDS: &[&str] = &[
    "will",
    "'ll",
    "shall",
    "going",
    "is to",
    "are to",
    "plans",
    "plan ",
    "planning",
    "expect",
    "schedul",
    "due",
    "set to",
    "next",
    "upcoming",
    "would",
    "to meet",
    "to visit",
    "to hold",
    "as soon",
    "as early",
    "starts",
    "begins",
    "opens",
    "resumes",
    // A plan or a deadline looks ahead of itself: "planned to leave on Thursday", "postponed
    // until Tuesday", "has until Friday".
    "planned to",
    "intend",
    "until",
];

/// Tense cues: future markers first (they are rarer and decisive), then past forms. In its
/// ASCII form it is matched by hand ([`cues`], which lists the same words).
pub(super) const CUE_PATTERN: &str = r"(?i)\b(?:will|'ll|shall|going\s+to|is\s+to|are\s+to|plans?\s+to|planning|planned\s+to|intend(?:s|ed)?\s+to|expects?|expected|scheduled|due\s+to|set\s+to|next|upcoming|would|starts|begins|opens|resumes|as\s+soon\s+as|as\s+early\s+as|to\s+meet|to\s+visit|to\s+hold|until|since|said|was|were|had|did|told|met|came|went|left|took|gave|made|held|began|brought|bought|sold|won|lost|fell|rose|saw|got|paid|led|ran|became|fought|sent|spent|built|kept|struck|found|wrote|spoke|stood|broke|chose|grew|knew|threw|shot|fled|ago|last|earlier|[a-z]{3,}ed)\b";

/// [`CUE_PATTERN`] as written (Unicode word boundaries, white space and case folding).
static CUES: LazyLock<Regex> = LazyLock::new(|| compile(CUE_PATTERN, true));

/// Whether the Unicode and ASCII forms of [`CUE_PATTERN`] read `sentence` alike: every
/// non-ASCII character in it is one of a few quotes, dashes and symbols of news text, which
/// are neither word characters (for `\b`) nor white space, and fold to no ASCII letter.
fn plain_words(sentence: &str) -> bool {
    sentence.is_ascii()
        || sentence
            .chars()
            .all(|c| c.is_ascii() || NOT_WORDS.contains(&c))
}

/// Non-ASCII characters that are neither `\w` nor `\s` in Unicode, nor case-fold to ASCII.
const NOT_WORDS: &[char] = &[
    '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2013}', '\u{2014}', '\u{2026}', '\u{00A3}',
    '\u{20AC}', '\u{00B0}', '\u{2022}', '\u{00AB}', '\u{00BB}',
];

/// The `weekday` (1 = Monday) nearest `dct` in the direction of `tense`; the DCT itself counts.
/// `None` only at the ends of the calendar.
pub fn resolve_weekday(dct: NaiveDate, weekday: u32, tense: Tense) -> Option<NaiveDate> {
    let today = dct.weekday().number_from_monday() as i64;
    let wd = weekday as i64;
    match tense {
        Tense::Future => shift_days(dct, (wd - today).rem_euclid(7)),
        Tense::Past | Tense::Unknown => shift_days(dct, -(today - wd).rem_euclid(7)),
    }
}

/// `date` moved by `days`, or `None` past the ends of the calendar (a DCT or a count in the
/// text can be anything).
pub fn shift_days(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    date.checked_add_signed(Duration::try_days(days)?)
}

/// The year of a month (and day) written without one: the occurrence nearest the DCT, unless
/// the tense says otherwise and the other side is not much further ("was shot on Oct. 23" in
/// May is last October; "payable Dec. 15" in November is this December).
pub fn resolve_year(dct: NaiveDate, month: u32, day: Option<u32>, tense: Tense) -> i32 {
    let day = day.unwrap_or(15);
    let at = |y: i32| {
        NaiveDate::from_ymd_opt(y, month, day)
            .or_else(|| NaiveDate::from_ymd_opt(y, month, 28))
            .map_or(i64::MAX / 4, |d| (d - dct).num_days())
    };
    let y = dct.year();
    let nearest = [y - 1, y, y + 1]
        .into_iter()
        .min_by_key(|&c| at(c).abs())
        .unwrap_or(y);
    let offset = at(nearest);
    // A month named without a day spans weeks: allow more slack before flipping it.
    match tense {
        Tense::Past if offset > 60 => nearest - 1,
        Tense::Future if offset < -60 => nearest + 1,
        // No cue: news reports the past, so a date more than four months ahead is last year's.
        Tense::Unknown if offset > 120 => nearest - 1,
        _ => nearest,
    }
}

/// `date` moved by `n` months (negative goes back), clamped to the month's last day.
pub fn add_months(date: NaiveDate, n: i32) -> NaiveDate {
    let moved = if n >= 0 {
        date.checked_add_months(Months::new(n as u32))
    } else {
        date.checked_sub_months(Months::new(n.unsigned_abs()))
    };
    moved.unwrap_or(date)
}

/// The ISO week value ("2013-W11") of a date.
pub fn week_value(date: NaiveDate) -> String {
    let w = date.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

/// The quarter value ("2015-Q4") of a date.
pub fn quarter_value(date: NaiveDate) -> String {
    format!("{}-Q{}", date.year(), (date.month() - 1) / 3 + 1)
}

pub fn day_value(date: NaiveDate) -> String {
    let Some(year) = four_digit_year(date) else {
        return format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day());
    };
    let mut value = String::with_capacity(10);
    push_digits(&mut value, year, 4);
    value.push('-');
    push_digits(&mut value, date.month(), 2);
    value.push('-');
    push_digits(&mut value, date.day(), 2);
    value
}

pub fn month_value(date: NaiveDate) -> String {
    let Some(year) = four_digit_year(date) else {
        return format!("{:04}-{:02}", date.year(), date.month());
    };
    let mut value = String::with_capacity(7);
    push_digits(&mut value, year, 4);
    value.push('-');
    push_digits(&mut value, date.month(), 2);
    value
}

/// The year of `date` when it has at most four digits and no sign (every year a text names),
/// which the values write as four digits by hand: most expressions become such a value, and
/// `format!` cost several times the few digits written. Other years go through `format!`.
fn four_digit_year(date: NaiveDate) -> Option<u32> {
    u32::try_from(date.year()).ok().filter(|&year| year <= 9999)
}

/// The last `width` decimal digits of `n`, zero-padded, as `{:0width$}` writes a number of at
/// most `width` digits.
fn push_digits(value: &mut String, n: u32, width: u32) {
    for place in (0..width).rev() {
        value.push(char::from(b'0' + (n / 10u32.pow(place) % 10) as u8));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`tense_at`] with every cue of a plain sentence read in one scan (for the tests).
    fn tense_in_one_scan(text: &str, start: usize, end: usize) -> Tense {
        let (s, e) = sentence_around(text, start, end);
        let mut best = None;
        let sentence = &text[s..e];
        if plain_words(sentence) {
            weigh_cues(text, (s, start, end), cues::find(sentence), &mut best);
        } else {
            let cues = CUES.find_iter(sentence).map(|m| (m.start(), m.end()));
            weigh_cues(text, (s, start, end), cues, &mut best);
        }
        best.map_or(Tense::Unknown, |(_, t)| t)
    }

    #[test]
    fn values_written_by_hand_are_those_format_writes() {
        for (y, m, d) in [
            (1998, 1, 8),
            (5, 12, 31),
            (0, 2, 29),
            (9999, 7, 4),
            (10_000, 3, 1),
            (-1, 6, 15),
            (-2000, 10, 21),
        ] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(day_value(date), format!("{y:04}-{m:02}-{d:02}"));
            assert_eq!(month_value(date), format!("{y:04}-{m:02}"));
        }
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    #[test]
    fn weekdays_follow_the_tense() {
        let friday = d("2013-03-22");
        assert_eq!(resolve_weekday(friday, 5, Tense::Past), Some(friday));
        assert_eq!(
            resolve_weekday(friday, 2, Tense::Past),
            Some(d("2013-03-19"))
        );
        assert_eq!(
            resolve_weekday(friday, 2, Tense::Future),
            Some(d("2013-03-26"))
        );
        assert!((1..=7).any(|wd| resolve_weekday(NaiveDate::MAX, wd, Tense::Future).is_none()));
    }

    /// Stopping at the expression when a cue before it is near enough gives the tense that
    /// reading on gives, at every place of texts with cues near and far on both sides.
    #[test]
    fn the_scan_stopped_at_the_expression_gives_the_same_tense() {
        let far = "x ".repeat(120);
        let text = format!(
            "Until Monday, they said, the talks had been due to resume. The ministers \
             will meet, as soon as 5 p.m., on Friday; they'll vote, going  to the \
             polls in 1998 as early as May 2, the company said it expected. Its revised \
             plan, which was planned, would be held Tuesday. They met {far} on Friday and \
             will {far} sign. He said the deal {far} closed Friday, {far} it would. \
             \u{201c}We met on Friday,\u{201d} he said, and left \u{2014} sold 5,000."
        );
        let mut checked = 0;
        for at in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
            for len in [1, 6] {
                let end = (at + len).min(text.len());
                if !text.is_char_boundary(end) {
                    continue;
                }
                assert_eq!(
                    tense_at(&text, at, end),
                    tense_in_one_scan(&text, at, end),
                    "{at}..{end}"
                );
                checked += 1;
            }
        }
        assert!(checked > 1_000, "{checked}");
    }

    #[test]
    fn tense_comes_from_the_nearest_cue() {
        let text = "He said the ministers will meet on Friday.";
        let at = text.find("Friday").unwrap_or(0);
        assert_eq!(tense_at(text, at, at + 6), Tense::Future);
        let text = "The ministers met on Friday.";
        let at = text.find("Friday").unwrap_or(0);
        assert_eq!(tense_at(text, at, at + 6), Tense::Past);
    }

    #[test]
    fn plans_deadlines_and_adjectives_set_the_tense() {
        let cases = [
            (
                "The delegation planned to fly home on Sunday.",
                "Sunday",
                Tense::Future,
            ),
            (
                "Officials postponed the vote until Monday.",
                "Monday",
                Tense::Future,
            ),
            (
                "Until Monday, the agency had said nothing.",
                "Monday",
                Tense::Past,
            ),
            (
                "The ship has been at sea since March.",
                "March",
                Tense::Past,
            ),
            (
                "The revised dividend is payable Jan. 4.",
                "Jan. 4",
                Tense::Unknown,
            ),
            (
                "Gen. Smith ordered the retreat on Friday.",
                "Friday",
                Tense::Past,
            ),
            ("The summit will be held on May 2.", "May 2", Tense::Future),
            (
                "In January, the board brought in a new chief.",
                "January",
                Tense::Past,
            ),
            (
                "The offer had been due to lapse Friday.",
                "Friday",
                Tense::Past,
            ),
            (
                "Ms. Vega said B. Jones will arrive Tuesday.",
                "Tuesday",
                Tense::Future,
            ),
        ];
        for (text, word, want) in cases {
            let at = text.find(word).unwrap_or(0);
            assert_eq!(tense_at(text, at, at + word.len()), want, "{text}");
        }
    }

    #[test]
    fn cues_read_alike_in_any_case_and_length() {
        // A cue is lower-cased on the stack up to 32 bytes, in a `String` past that.
        let spaces = " ".repeat(40);
        for (text, want) in [
            ("They WILL meet on Friday.".to_string(), Tense::Future),
            ("They Will meet on Friday.".to_string(), Tense::Future),
            (
                format!("They are going{spaces}to meet on Friday."),
                Tense::Future,
            ),
            (
                format!("They are GOING{spaces}TO meet on Friday."),
                Tense::Future,
            ),
            ("The ministers MET on Friday.".to_string(), Tense::Past),
            (
                "The deal is EXPECTED to close Friday.".to_string(),
                Tense::Future,
            ),
            (
                "Its REVISED dividend is payable Friday.".to_string(),
                Tense::Unknown,
            ),
        ] {
            let at = text.find("Friday").unwrap_or(0);
            assert_eq!(tense_at(&text, at, at + 6), want, "{text}");
        }
    }

    #[test]
    fn both_forms_find_the_same_cues_in_plain_sentences() {
        for s in [
            "\u{201c}We will meet on Friday,\u{201d} he said \u{2014} and left\u{2026}",
            "The talks, which had been expected, resumed \u{2018}Tuesday\u{2019}.",
            "Ahmed\u{2019}s planned visit \u{2013} \u{00a3}5 \u{00ab}ended\u{00bb}",
        ] {
            assert!(plain_words(s), "{s}");
            let unicode: Vec<_> = CUES.find_iter(s).map(|m| m.range()).collect();
            let ascii: Vec<_> = cues::find(s).map(|(a, b)| a..b).collect();
            assert!(!unicode.is_empty());
            assert_eq!(unicode, ascii, "{s}");
        }
        assert!(!plain_words("caf\u{e9} said"));
        assert!(!plain_words("said\u{a0}it"));
    }

    #[test]
    fn months_without_year_follow_the_tense() {
        let dct = d("2015-10-21");
        assert_eq!(resolve_year(dct, 3, Some(5), Tense::Past), 2015);
        assert_eq!(resolve_year(dct, 3, Some(5), Tense::Future), 2016);
        assert_eq!(resolve_year(dct, 12, Some(5), Tense::Unknown), 2015);
        assert_eq!(resolve_year(dct, 1, Some(5), Tense::Future), 2016);
        assert_eq!(resolve_year(dct, 10, Some(23), Tense::Past), 2015);
        assert_eq!(week_value(d("2013-03-15")), "2013-W11");
    }
}
