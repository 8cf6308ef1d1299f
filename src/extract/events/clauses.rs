//! The dated clauses of a sentence: each calendar time expression dates the clause around it,
//! so "the announcement on October 21 comes a day after Assad met Putin" gives two.

use std::ops::Range;

use chrono::NaiveDate;

use crate::extract::lower_case::contains_ignore_ascii_case;
use crate::extract::timex::{self, Timex, TimexType};
use crate::model::{Precision, When};

/// A time expression that places a happening on the calendar.
#[derive(Clone, Debug)]
pub struct Anchor {
    pub range: Range<usize>,
    pub when: When,
}

/// A part of a sentence dated by one anchor (the sentence's own, borrowed: its date is copied
/// only into the event made of it).
#[derive(Clone, Debug)]
pub struct Clause<'a> {
    pub range: Range<usize>,
    pub anchor: &'a Anchor,
}

/// The anchors among `timexes` (in text order, as [`timex::tag`] gives them) that fall in
/// `sentence`, in text order. Vague references ("recently", `PAST_REF`), sets and bare
/// durations ("for two hours") date nothing.
///
/// `from` is where the sentence's expressions were last found to begin, kept between calls:
/// sentences come in text order, so the next sentence's begin at or after it and are reached
/// by stepping on, not by a binary search over the whole article per sentence.
pub fn anchors(
    text: &str,
    sentence: &Range<usize>,
    timexes: &[Timex],
    dct: Option<NaiveDate>,
    from: &mut usize,
) -> Vec<Anchor> {
    let mut out = Vec::new();
    let first = first_from(timexes, sentence.start, from);
    for t in &timexes[first..] {
        if t.start >= sentence.end {
            break;
        }
        if t.end > sentence.end {
            continue;
        }
        let when = match t.kind {
            TimexType::Date | TimexType::Time => When::from_timex(&t.value, t.modifier),
            TimexType::Duration => {
                let lower = t.text.to_ascii_lowercase();
                // "over the past three weeks" is a stretch of the calendar; "an eleven year
                // partnership" or "the 6 weeks it has been on sale" date nothing
                let placed = ["past", "last", "next", "previous", "coming"]
                    .iter()
                    .any(|w| lower.contains(w))
                    || (t.anchor.is_some() && !adjectival(text, t));
                if placed {
                    timex::implied_range(t, dct).map(|(start, end)| When {
                        start,
                        end,
                        precision: Precision::Range,
                        modifier: t.modifier,
                        approximate: false,
                        value: t.value.clone(),
                        inferred: false,
                    })
                } else {
                    None
                }
            }
            TimexType::Set => None,
        };
        let Some(when) = when else {
            continue;
        };
        // "the same day" is resolved against the story's events, not the last date written.
        if is_same_day(&text[t.start..t.end])
            || names_an_occasion(text, t)
            || measures_a_record(&text[sentence.start..t.start])
        {
            continue;
        }
        out.push(Anchor {
            range: t.start..t.end,
            when,
        });
    }
    out
}

/// The first of `timexes` starting at or after `start`, and `from` set to it. Only the
/// sentence's own expressions are visited, so a sentence costs the same in a long article as
/// in a short one (scanning all of them made a 10 MB text take minutes). The answer is where
/// `partition_point` would put it: found again by a search should the sentence start before
/// the last one did. Apart so that a test can hold it to `partition_point`.
fn first_from(timexes: &[Timex], start: usize, from: &mut usize) -> usize {
    let mut first = (*from).min(timexes.len());
    if first > 0 && timexes[first - 1].start >= start {
        first = timexes.partition_point(|t| t.start < start);
    }
    while timexes.get(first).is_some_and(|t| t.start < start) {
        first += 1;
    }
    *from = first;
    first
}

/// "the same day", "that day": a date given by another happening.
pub fn is_same_day(s: &str) -> bool {
    // Compared without ASCII case where each phrase could start, as a lower-cased copy would
    // be (every time expression is asked: copying each cost more than reading it). Every
    // phrase begins with an "s" or a "t", so only there are the phrases compared: one pass
    // over the text, not one per phrase.
    let bytes = s.as_bytes();
    (0..bytes.len()).any(|at| {
        matches!(bytes[at] | 0x20, b's' | b't')
            && SAME_DAY.iter().any(|p| {
                bytes[at..]
                    .get(..p.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(p.as_bytes()))
            })
    })
}

/// The phrases of [`is_same_day`] (lower case).
const SAME_DAY: [&str; 3] = ["same day", "that day", "same time"];

/// [`is_same_day`] of a text already lower-cased by [`str::to_ascii_lowercase`]: a sentence
/// is a slice of its article's lower-cased copy, so no copy of it is made. Usually two searches
/// of the sentence, not one per phrase: the two phrases that begin "same " are looked for only
/// where "same " is (seldom).
pub fn is_same_day_lower(lower: &str) -> bool {
    lower.contains("that day")
        || (lower.contains("same ") && (lower.contains("same day") || lower.contains("same time")))
}

/// Words that open a new clause between two dates.
const MARKERS: &[&str] = &[
    ", ", " that ", " after ", " before ", " when ", " while ", " since ", " and ", " but ",
    " which ", " who ", " as ", " until ",
];

/// Where the last of the [`MARKERS`] in `gap` puts a cut: at the marker, or after the comma
/// of ", " (the furthest such cut of any marker, as searching for each marker from the end
/// finds). One pass back from the end: every marker starts with a comma or a space, and the
/// furthest cut is at the last position where a marker starts (a cut after an earlier comma
/// is never past it).
fn last_marker(gap: &str) -> Option<usize> {
    let bytes = gap.as_bytes();
    (0..bytes.len()).rev().find_map(|at| {
        if !matches!(bytes[at], b',' | b' ') {
            return None;
        }
        MARKERS
            .iter()
            .filter(|m| bytes[at..].starts_with(m.as_bytes()))
            .map(|m| at + usize::from(m.starts_with(',')))
            .max()
    })
}

/// Splits `sentence` into one clause per anchor.
pub fn clauses<'a>(text: &str, sentence: &Range<usize>, anchors: &'a [Anchor]) -> Vec<Clause<'a>> {
    let mut cuts = vec![sentence.start];
    for pair in anchors.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let between = a.range.end..b.range.start.max(a.range.end);
        let gap = &text[between.clone()];
        let b_text = &text[b.range.clone()];
        let cut = if [" after", " before", "later", "earlier"]
            .iter()
            .any(|w| contains_ignore_ascii_case(b_text, w))
        {
            b.range.start
        } else {
            last_marker(gap).map_or(b.range.start, |i| between.start + i)
        };
        let cut = (cut..=b.range.start)
            .find(|&c| text.is_char_boundary(c))
            .unwrap_or(b.range.start);
        cuts.push(cut);
    }
    cuts.push(sentence.end);
    anchors
        .iter()
        .enumerate()
        .map(|(i, a)| Clause {
            range: cuts[i]..cuts[i + 1],
            anchor: a,
        })
        .collect()
}

/// "its biggest fall since 1987", "the first such visit since March": a date after "since"
/// that only says how long a record stands dates no happening (`before` is the sentence up to
/// the date).
fn measures_a_record(before: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    if !words
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("since"))
    {
        return false;
    }
    words
        .take(8)
        .take_while(|w| !w.ends_with([',', ';', ':']))
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase()
        })
        .any(|w| {
            matches!(w.as_str(), "first" | "best" | "worst" | "most" | "least")
                || (w.len() >= 6 && w.ends_with("est") && !w.ends_with("interest"))
        })
}

/// A year that is part of a name ("the company's 2010 Worldwide Developers Conference",
/// "the 2012 Olympics") dates no happening of its own.
fn names_an_occasion(text: &str, t: &Timex) -> bool {
    let year_only = t.text.len() == 4 && t.text.bytes().all(|b| b.is_ascii_digit());
    if !year_only {
        return false;
    }
    let after = text[t.end..].trim_start_matches(' ');
    let before = text[..t.start].trim_end_matches(' ');
    after.starts_with(|c: char| c.is_uppercase())
        && (before.ends_with("'s") || before.ends_with("’s") || before.ends_with("the"))
}

/// "an eleven year partnership", "a two-day visit": a length that describes a noun.
fn adjectival(text: &str, t: &Timex) -> bool {
    let words: Vec<&str> = t.text.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    let singular_after_number = words.len() >= 2
        && words
            .last()
            .is_some_and(|u| matches!(*u, "year" | "month" | "week" | "day" | "hour" | "minute"))
        && !matches!(words[words.len() - 2], "one" | "a" | "1");
    let next_is_noun = text[t.end..]
        .trim_start()
        .starts_with(|c: char| c.is_ascii_lowercase())
        && !text[t.end..].trim_start().starts_with("of ")
        && !text[t.end..].trim_start().starts_with("ago");
    t.text.contains('-') || (singular_after_number && next_is_noun)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_marker_is_the_furthest_cut_of_any_marker() {
        for gap in [
            "",
            " ",
            ", ",
            " and then, when it came, ",
            " which, as before, ",
            "no marker here",
            " but,",
            ",  that ",
            " until the war, and since ",
        ] {
            let searched = MARKERS
                .iter()
                .filter_map(|m| {
                    gap.rfind(m)
                        .map(|i| i + if m.starts_with(',') { 1 } else { 0 })
                })
                .max();
            assert_eq!(last_marker(gap), searched, "{gap:?}");
        }
    }

    fn at(start: usize) -> Timex {
        Timex {
            start,
            end: start + 1,
            text: String::new(),
            kind: TimexType::Date,
            value: String::new(),
            modifier: None,
            anchor: None,
        }
    }

    #[test]
    fn the_cursor_lands_where_partition_point_does() {
        // Sorted starts, with a repeat and gaps between them, as `timex::tag` may give.
        let timexes: Vec<Timex> = [3, 7, 7, 12, 20, 21, 40].into_iter().map(at).collect();
        let searched = |start: usize| timexes.partition_point(|t| t.start < start);
        let every: Vec<usize> = (0..=45).collect();
        let skipping: Vec<usize> = vec![0, 5, 7, 8, 21, 22, 41, 45];
        let backwards: Vec<usize> = (0..=45).rev().collect();
        // in order, then with gaps, then back to front, then jumping both ways
        let jumping: Vec<usize> = vec![20, 3, 40, 7, 7, 0, 45, 12, 13, 2];
        for starts in [&every, &skipping, &backwards, &jumping] {
            let mut from = 0;
            for &start in starts.iter() {
                let first = first_from(&timexes, start, &mut from);
                assert_eq!(first, searched(start), "{start} in {starts:?}");
                assert_eq!(from, first, "{start} in {starts:?}");
            }
        }
        // a cursor left past the end, as after another, longer article, is searched back
        let mut from = 99;
        assert_eq!(first_from(&timexes, 8, &mut from), searched(8));
        assert!(first_from(&[], 5, &mut from) == 0 && from == 0);
    }

    #[test]
    fn same_day_phrases_are_found_without_case() {
        assert!(is_same_day("On the Same Day, talks resumed"));
        assert!(is_same_day("THAT DAY"));
        assert!(is_same_day("at the same time"));
        assert!(!is_same_day("the same, day"));
        assert!(!is_same_day("sam"));
        // as lower-casing a copy and searching it finds, wherever the phrase stands
        // (every phrase of SAME_DAY itself first: a phrase added there and not to the search
        // of a lower-cased sentence fails here)
        for text in SAME_DAY.iter().copied().chain([
            "same day",
            "xSAME DAYx",
            "tthat day",
            "ssame time",
            "the same da",
            "Sáme day, that day",
            "that  day",
            "",
            "t",
            "same  time, the same tim",
            "the same dax; same ",
            "same time",
            "that days",
        ]) {
            let searched = SAME_DAY
                .iter()
                .any(|p| text.to_ascii_lowercase().contains(p));
            assert_eq!(is_same_day(text), searched, "{text:?}");
            assert_eq!(
                is_same_day_lower(&text.to_ascii_lowercase()),
                searched,
                "{text:?}"
            );
        }
    }
}
