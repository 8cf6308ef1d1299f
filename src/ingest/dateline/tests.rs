use super::*;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn four_digits_are_found_wherever_they_sit() {
    // past 32 bytes, so that runs sit before, across and after a digitless sixteen
    for len in 0..44 {
        for start in 0..len {
            for run in 1..=5 {
                let mut bytes = vec![b'x'; len];
                for b in bytes.iter_mut().skip(start).take(run) {
                    *b = b'7';
                }
                let wanted = bytes.windows(4).any(|w| w.iter().all(u8::is_ascii_digit));
                assert_eq!(four_digits_in_a_row(&bytes), wanted, "{len} {start} {run}");
            }
        }
    }
    // bytes next to the digits in value: '/' and ':' are not digits, nor is 0xb0
    assert!(!four_digits_in_a_row(b"12/34:56\xb0789"));
    assert!(four_digits_in_a_row("\u{660}\u{661}2015".as_bytes()));
}

#[test]
fn full_dates_are_the_found_dates_with_a_year() {
    for text in [
        "Talks on Oct. 21, 2015 and on 22 October 2015, not on Oct. 23.",
        "Filed 2015-10-21; no year on March 3; \u{662}\u{660}\u{661}\u{665} is no year.",
        "On March 3 1999",
        "nothing here",
    ] {
        let wanted: Vec<NaiveDate> = find_dates(text)
            .into_iter()
            .filter_map(|(_, d)| d.full())
            .collect();
        assert_eq!(full_dates(text).collect::<Vec<_>>(), wanted, "{text}");
    }
}

#[test]
fn header_lines_in_every_house_style_give_the_day() {
    for line in [
        "October 21, 2015",
        "Oct. 21, 2015",
        "Wednesday 21 October 2015",
        "2015-10-21",
        "21 October 2015",
        "Published: Wednesday, October 21, 2015 10:35 AM ET",
        "By Jane Roe | Oct 21, 2015",
    ] {
        let date = date_only_line(line).and_then(|d| d.full());
        assert_eq!(date, Some(ymd(2015, 10, 21)), "{line}");
    }
}

#[test]
fn a_line_counts_its_words_after_the_times_are_cut_out() {
    // '½' and '²' are alphanumeric, so "½GMT²" is one word before the cut, but no word
    // characters of the time pattern, so "GMT" is cut out of it and two words are left:
    // seven words besides the date, too many for a date line.
    assert_eq!(date_only_line("October 21, 2015 a b c d e ½GMT²"), None);
    assert!(date_only_line("October 21, 2015 a b c d 10:35 GMT").is_some());
}

/// Lines of a date and many words, with and without times, zones in every case, near
/// misses ("ESTATE", "_ET", "10:3") and characters outside ASCII.
fn generated_lines() -> Vec<String> {
    let dates = [
        "October 21, 2015",
        "Oct. 21",
        "21 Oct 2015",
        "2015-10-21",
        "Tue 21 Oct",
    ];
    let pieces = [
        "The",
        "New",
        "York",
        "Times",
        "said",
        "on",
        ":",
        "&QL;",
        "10:35",
        "10.35 pm",
        "9:05:30 a.m.",
        "10:3",
        "123:45",
        "GMT",
        "gmt",
        "Et",
        "et",
        "EST_",
        "_ET",
        "ESTATE",
        "cest",
        "Msk",
        "UTC2",
        "x",
        "½GMT²",
        "é",
        "10:35am",
        "7",
        "a_b",
        "|",
        "-",
    ];
    let mut out = Vec::new();
    // many combinations, the same on every run
    let mut sequence = crate::test_random::Sequence::new(0x9e37_79b9_7f4a_7c15);
    let mut pick = |n: usize| sequence.below(n);
    for _ in 0..20_000 {
        let mut words: Vec<&str> = (0..pick(11)).map(|_| pieces[pick(pieces.len())]).collect();
        words.insert(pick(words.len() + 1), dates[pick(dates.len())]);
        out.push(words.join(" "));
    }
    out
}

/// [`date_only_line`] as it was before times were looked for only where one may be.
fn date_only_line_searching_always(line: &str) -> Option<WrittenDate> {
    let line = line.trim();
    if line.len() > 100 || (line.ends_with(['.', '?', '!']) && !ends_with_abbreviation(line)) {
        return None;
    }
    let (range, date) = dates_in(line).next()?;
    let rest = format!("{} {}", &line[..range.start], &line[range.end..]);
    let rest = TIME_OF_DAY.replace_all(&rest, " ");
    (words_in(&rest) <= 6).then_some(date)
}

#[test]
fn times_are_looked_for_only_where_one_may_be() {
    let mut dates = 0;
    for line in generated_lines() {
        let found = date_only_line(&line);
        assert_eq!(found, date_only_line_searching_always(&line), "{line:?}");
        dates += usize::from(found.is_some());
        if line.is_ascii() && !may_hold_a_time(&line) {
            assert!(TIME_OF_DAY.find(&line).is_none(), "{line:?}");
        }
    }
    // the generated lines are not all one answer
    assert!(dates > 1_000, "{dates}");
}

#[test]
fn sentences_with_dates_are_not_datelines() {
    assert_eq!(
        date_only_line("The ministry said Lavrov and Kerry spoke on October 21, 2015."),
        None
    );
}

#[test]
fn reuters_dateline_is_recognised_without_a_year() {
    let p = "MOSCOW, Oct 21 (Reuters) - Russia said on Wednesday that talks would go ahead.";
    let wire = wire_dateline(p).unwrap();
    assert_eq!(&p[wire.len..wire.len + 6], "Russia");
    assert_eq!(
        wire.date,
        Some(WrittenDate {
            year: None,
            month: 10,
            day: 21
        })
    );
    let ap = wire_dateline("VIENNA, Austria (AP) — Diplomats met.").unwrap();
    assert_eq!(ap.date, None);
    assert_eq!(wire_dateline("Russia says it will talk."), None);
    assert_eq!(wire_dateline("NOTE: this is a label"), None);
}

#[test]
fn a_missing_year_comes_only_from_a_nearby_date() {
    let oct21 = WrittenDate {
        year: None,
        month: 10,
        day: 21,
    };
    assert_eq!(oct21.resolve(&[ymd(2015, 10, 23)]), Some(ymd(2015, 10, 21)));
    assert_eq!(oct21.resolve(&[ymd(2011, 3, 15)]), None);
    assert_eq!(oct21.resolve(&[]), None);
    let jan3 = WrittenDate {
        year: None,
        month: 1,
        day: 3,
    };
    assert_eq!(jan3.resolve(&[ymd(2015, 12, 30)]), Some(ymd(2016, 1, 3)));
}

#[test]
fn metadata_values_accept_iso_and_rfc3339() {
    assert_eq!(parse_date_value("2015-10-21"), Some(ymd(2015, 10, 21)));
    assert_eq!(
        parse_date_value("2015-10-21T18:04:00+03:00"),
        Some(ymd(2015, 10, 21))
    );
    assert_eq!(
        parse_date_value("October 21, 2015"),
        Some(ymd(2015, 10, 21))
    );
    assert_eq!(parse_date_value("yesterday"), None);
    assert_eq!(parse_date_value("2015-13-45"), None);
}

#[test]
fn file_names_can_carry_a_date() {
    assert_eq!(
        date_in_file_name("2015-10-21-lavrov.txt"),
        Some(ymd(2015, 10, 21))
    );
    assert_eq!(
        date_in_file_name("reuters_20151021.txt"),
        Some(ymd(2015, 10, 21))
    );
    assert_eq!(date_in_file_name("briefing.txt"), None);
}

#[test]
fn may_the_verb_is_not_a_month() {
    assert!(find_dates("Talks may 21 times fail").is_empty());
}

/// A text built around one date-shaped template, with the pieces the pattern turns on drawn
/// at random: each may be right, slightly wrong or missing, so the texts reach every
/// alternative of the pattern and the edges between them.
fn templated_text(pick: &mut impl FnMut(usize) -> usize) -> String {
    const SPACES: [&str; 8] = [" ", " ", " ", "  ", "\t", "\n", "\r\n", "\x0b\x0c"];
    const AROUND: [&str; 16] = [
        "", "", "on ", "On ", "(", "x", "_", "7", "2015", "said ", ", ", ". ", "-", "a1 ", "|", ":",
    ];
    const AFTER: [&str; 14] = [
        "", "", " said", ".", ",", ")", "x", "_", "7", "0", "-", " 10:35", "th", " 2015",
    ];
    let mut text = String::new();
    let space = |text: &mut String, pick: &mut dyn FnMut(usize) -> usize| {
        // mostly white space, sometimes none, so the pattern's `\s+` is missed too
        if pick(8) > 0 {
            for _ in 0..1 + pick(2) {
                text.push_str(SPACES[pick(SPACES.len())]);
            }
        }
    };
    // a name as listed, in capitals, in small letters, or cut short
    let name = |name: &str, pick: &mut dyn FnMut(usize) -> usize| match pick(8) {
        0 => name.to_ascii_uppercase(),
        1 => name.to_ascii_lowercase(),
        2 => name[..name.len() - 1].to_string(),
        _ => name.to_string(),
    };
    let day = |pick: &mut dyn FnMut(usize) -> usize| {
        let mut day = match pick(6) {
            0 => format!("{}", pick(10)),
            1 => format!("{:03}", pick(1000)),
            _ => format!("{}", 1 + pick(31)),
        };
        if pick(2) == 0 {
            day.push_str(["st", "nd", "rd", "th", "s", "TH"][pick(6)]);
        }
        day
    };
    let year = |text: &mut String, pick: &mut dyn FnMut(usize) -> usize| {
        if pick(2) == 0 {
            if pick(2) == 0 {
                text.push(',');
            }
            if pick(8) > 0 {
                text.push_str(SPACES[pick(SPACES.len())]);
            }
            // a year, more often than one too short, too long or running into a word
            text.push_str(["2015", "1998", "201", "20151", "2015x"][pick(5).min(pick(5))]);
        }
    };
    for _ in 0..1 + pick(2) {
        text.push_str(AROUND[pick(AROUND.len())]);
        if pick(2) == 0 {
            text.push_str(&name(WEEKDAYS[pick(WEEKDAYS.len())], pick));
            if pick(3) == 0 {
                text.push('.');
            }
            if pick(3) == 0 {
                text.push(',');
            }
            space(&mut text, pick);
        }
        match pick(5) {
            0 | 1 => {
                text.push_str(&name(MONTHS[pick(MONTHS.len())], pick));
                if pick(2) == 0 {
                    text.push('.');
                }
                space(&mut text, pick);
                text.push_str(&day(pick));
                year(&mut text, pick);
            }
            2 | 3 => {
                text.push_str(&day(pick));
                space(&mut text, pick);
                if pick(3) == 0 {
                    text.push_str(["of", "Of", "off"][pick(4).min(2)]);
                    space(&mut text, pick);
                }
                text.push_str(&name(MONTHS[pick(MONTHS.len())], pick));
                if pick(2) == 0 {
                    text.push('.');
                }
                year(&mut text, pick);
            }
            _ => {
                let (y, m, d) = (1990 + pick(40), pick(14), pick(33));
                text.push_str(&match pick(4) {
                    0 => format!("{y}-{m}-{d}"),
                    1 => format!("{y}/{m:02}/{d:02}"),
                    _ => format!("{y}-{m:02}-{d:02}"),
                });
            }
        }
        text.push_str(AFTER[pick(AFTER.len())]);
    }
    text
}

/// Which of the pattern's alternatives a match took, as counted by the test below.
#[derive(Debug, Default)]
struct Reached {
    month_day: usize,
    month_day_year: usize,
    day_month: usize,
    day_month_year: usize,
    day_of_month: usize,
    iso: usize,
    weekday_month_day: usize,
    weekday_day_month: usize,
    weekday_iso: usize,
    weekday_year: usize,
}

impl Reached {
    fn count(&mut self, c: &regex::Captures<'_>) {
        let start = c.get(0).map_or(0, |m| m.start());
        // a day of the week comes before the first part of the date proper
        let opening = ["m1", "d2", "y3"].iter().find_map(|n| c.name(n));
        let weekday = opening.is_some_and(|m| m.start() > start);
        let year = c.name("y1").or(c.name("y2")).is_some();
        if c.name("m1").is_some() {
            self.month_day += 1;
            self.month_day_year += usize::from(year);
            self.weekday_month_day += usize::from(weekday);
        } else if let (Some(d), Some(m)) = (c.name("d2"), c.name("m2")) {
            self.day_month += 1;
            self.day_month_year += usize::from(year);
            self.weekday_day_month += usize::from(weekday);
            let between = &c.get(0).map_or("", |w| w.as_str())[d.end() - start..m.start() - start];
            self.day_of_month += usize::from(between.contains("of"));
        } else {
            self.iso += 1;
            self.weekday_iso += usize::from(weekday);
        }
        self.weekday_year += usize::from(weekday && year);
    }
}

#[test]
fn reads_date_shaped_ascii_text_as_the_ascii_regex_does() {
    let mut sequence = crate::test_random::Sequence::new(0x5851_f42d_4c95_7f2d);
    let mut pick = |n: usize| sequence.below(n);
    let mut reached = Reached::default();
    for _ in 0..40_000 {
        let text = templated_text(&mut pick);
        let ours: Vec<_> = ascii::dates(&text).collect();
        assert_eq!(
            ours,
            found_by(&ASCII_DATE, &text).collect::<Vec<_>>(),
            "{text:?}"
        );
        ASCII_DATE
            .captures_iter(&text)
            .for_each(|c| reached.count(&c));
    }
    // every alternative, with and without its optional parts, was met hundreds of times (the
    // run meets each more than 600 times), not only the near-misses around it
    let Reached {
        month_day,
        month_day_year,
        day_month,
        day_month_year,
        day_of_month,
        iso,
        weekday_month_day,
        weekday_day_month,
        weekday_iso,
        weekday_year,
    } = reached;
    for (what, n) in [
        ("month day", month_day),
        ("month day year", month_day_year),
        ("day month", day_month),
        ("day month year", day_month_year),
        ("day of month", day_of_month),
        ("ISO", iso),
        ("weekday month day", weekday_month_day),
        ("weekday day month", weekday_day_month),
        ("weekday ISO", weekday_iso),
        ("weekday with a year", weekday_year),
    ] {
        assert!(n >= 500, "{what}: {n} matches");
    }
}

#[test]
fn a_digit_is_found_wherever_it_sits() {
    for len in 0..40 {
        let mut bytes = vec![b'x'; len];
        assert!(!has_ascii_digit(&bytes));
        for at in 0..len {
            for b in [b'0', b'9', b'/', b':', 0xb0, 0xb9] {
                bytes[at] = b;
                let wanted = bytes.iter().any(u8::is_ascii_digit);
                assert_eq!(has_ascii_digit(&bytes), wanted, "{len} {at} {b}");
            }
            bytes[at] = b'x';
        }
    }
}
