//! Sentences, a DCT, and the values a reader expects.

use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
}

/// Tags `sentence` and returns the expression whose text contains `expr` (or lies inside it).
fn find(sentence: &str, dct: &str, expr: &str) -> Option<Timex> {
    tag(sentence, Some(d(dct)))
        .into_iter()
        .find(|t| t.text.contains(expr) || expr.contains(t.text.as_str()))
}

/// (sentence, DCT, expression, value): each sentence must give that value for that expression.
fn check(cases: &[(&str, &str, &str, &str)]) {
    let mut failures = Vec::new();
    for (sentence, dct, expr, value) in cases {
        let got = find(sentence, dct, expr).map(|t| t.value);
        if got.as_deref() != Some(*value) {
            failures.push(format!(
                "{sentence:?} [{dct}] {expr:?}: want {value}, got {got:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn absolute_dates_in_news_forms() {
    check(&[
        (
            "Talks opened on October 21, 2015 in Vienna.",
            "2015-11-02",
            "October 21, 2015",
            "2015-10-21",
        ),
        (
            "Talks opened on 21 October 2015 in Vienna.",
            "2015-11-02",
            "21 October 2015",
            "2015-10-21",
        ),
        (
            "The envoys met on Oct. 21 in Vienna.",
            "2015-10-22",
            "Oct. 21",
            "2015-10-21",
        ),
        (
            "The filing is dated 2015-10-21.",
            "2015-11-02",
            "2015-10-21",
            "2015-10-21",
        ),
        (
            "The filing is dated 10/21/2015.",
            "2015-11-02",
            "10/21/2015",
            "2015-10-21",
        ),
        (
            "Sales fell in September 2014, the company said.",
            "2015-10-21",
            "September 2014",
            "2014-09",
        ),
        ("The unrest began in 2011.", "2015-10-21", "2011", "2011"),
        (
            "Inflation was high in the 1990s.",
            "2015-10-21",
            "1990s",
            "199",
        ),
        (
            "It was the bloodiest war of the 20th century.",
            "2015-10-21",
            "20th century",
            "19",
        ),
        (
            "The offensive is planned for the spring of 2016.",
            "2015-10-21",
            "spring of 2016",
            "2016-SP",
        ),
        (
            "Profit rose in the third quarter.",
            "2015-10-21",
            "third quarter",
            "2015-Q3",
        ),
        (
            "Profit rose in the fourth quarter.",
            "1998-01-26",
            "fourth quarter",
            "1997-Q4",
        ),
        (
            "Fighting intensified last week.",
            "2013-03-22",
            "last week",
            "2013-W11",
        ),
        (
            "Fighting intensified over the last week.",
            "2013-03-22",
            "the last week",
            "2013-W11",
        ),
        (
            "The vote starts at 3 p.m. on Tuesday.",
            "2013-03-18",
            "3 p.m.",
            "2013-03-19T15:00",
        ),
        (
            "He arrived on the evening of October 20.",
            "2015-10-21",
            "evening of October 20",
            "2015-10-20TEV",
        ),
        (
            "The ceasefire was signed on the 12th.",
            "2015-10-21",
            "12th",
            "2015-10-12",
        ),
        (
            "The deal was struck in December.",
            "2015-02-10",
            "December",
            "2014-12",
        ),
        (
            "The court will rule in January.",
            "2015-11-10",
            "January",
            "2016-01",
        ),
        ("Elections are due in May.", "2015-03-01", "May", "2015-05"),
        (
            "Christmas fell on a Friday.",
            "2015-12-30",
            "Christmas",
            "2015-12-25",
        ),
        (
            "The summit was held in the nineties.",
            "2015-12-30",
            "nineties",
            "199",
        ),
        (
            "Turnout on Election Day was high.",
            "1998-11-05",
            "Election Day",
            "1998-11-03",
        ),
        (
            "The judge ruled at midday on Friday.",
            "2015-10-23",
            "midday",
            "2015-10-23T12:00",
        ),
    ]);
}

#[test]
fn deictic_expressions_follow_the_dct_and_the_tense() {
    let friday = "2013-03-22";
    check(&[
        (
            "The regulator may soon rule on the merger.",
            friday,
            "soon",
            "FUTURE_REF",
        ),
        (
            "Output is expected to soon double.",
            friday,
            "soon",
            "FUTURE_REF",
        ),
        (
            "The bank soon will open two branches.",
            friday,
            "soon",
            "FUTURE_REF",
        ),
        (
            "The delegation planned to fly home on Sunday.",
            friday,
            "Sunday",
            "2013-03-24",
        ),
        (
            "The agency postponed the hearing until Tuesday morning.",
            friday,
            "Tuesday",
            "2013-03-26",
        ),
        (
            "The minister said Friday that talks would resume.",
            friday,
            "Friday",
            "2013-03-22",
        ),
        (
            "The rebels attacked on Tuesday.",
            friday,
            "Tuesday",
            "2013-03-19",
        ),
        (
            "The ministers will meet on Tuesday.",
            friday,
            "Tuesday",
            "2013-03-26",
        ),
        (
            "The president is to visit Moscow on Tuesday.",
            friday,
            "Tuesday",
            "2013-03-26",
        ),
        (
            "She plans to travel on Monday.",
            friday,
            "Monday",
            "2013-03-25",
        ),
        (
            "The bridge collapsed yesterday.",
            friday,
            "yesterday",
            "2013-03-21",
        ),
        (
            "Protests spread last month.",
            friday,
            "last month",
            "2013-02",
        ),
        (
            "Elections are expected next year.",
            friday,
            "next year",
            "2014",
        ),
        ("Diplomats met this week.", friday, "this week", "2013-W12"),
        (
            "The ship sank two days ago.",
            friday,
            "two days ago",
            "2013-03-20",
        ),
        (
            "Prices rose earlier this year.",
            friday,
            "this year",
            "2013",
        ),
        ("Shares closed lower today.", friday, "today", "2013-03-22"),
        ("Talks are now under way.", friday, "now", "PRESENT_REF"),
        (
            "He recently returned from exile.",
            friday,
            "recently",
            "PAST_REF",
        ),
        (
            "The party won last fall.",
            "1999-04-10",
            "last fall",
            "1998-FA",
        ),
        ("The law passed a year ago.", friday, "a year ago", "2012"),
        (
            "The bank opened last Friday.",
            friday,
            "last Friday",
            "2013-03-15",
        ),
        (
            "A decision is due next Tuesday.",
            friday,
            "next Tuesday",
            "2013-03-26",
        ),
    ]);
}

#[test]
fn narrative_expressions_lean_on_the_last_date() {
    let dct = "2015-10-21";
    check(&[
        (
            "The statement on October 21 comes a day after the two leaders met in Moscow.",
            dct,
            "a day",
            "2015-10-20",
        ),
        (
            "The envoys met on October 12. Two days later the talks collapsed.",
            dct,
            "Two days later",
            "2015-10-14",
        ),
        (
            "Putin and Assad held talks on October 20. Officials spoke on October 21. \
             Putin's talks with Assad came on the same day the Pentagon signed a deal.",
            dct,
            "the same day",
            "2015-10-20",
        ),
        (
            "The vote was held on March 3. The results came the next day.",
            dct,
            "the next day",
            "2015-03-04",
        ),
    ]);
    // Hundreds of dated sentences earlier, "the same day" still finds the sentence it shares
    // words with, and compares with a bounded number of dates, however long the text.
    let mut long = String::new();
    for k in 0..400 {
        long.push_str(&format!("Report {k} was filed on October {}. ", k % 28 + 1));
    }
    long.push_str("Putin and Assad held talks on March 3. Officials spoke on March 4. ");
    long.push_str("Putin's talks with Assad came on the same day the Pentagon signed a deal.");
    let t = find(&long, dct, "the same day");
    assert_eq!(t.map(|t| t.value), Some("2015-03-03".into()));
    let mut story = narrative::Narrative::default();
    for k in 0..10_000 {
        story.note(recognise::Rule::MonthDay, "2015-10-21", k);
    }
    assert!(story.recent_days().len() <= 64);
    assert_eq!(story.recent_days().last(), Some(&(d("2015-10-21"), 9_999)));
    // Without a dated sentence to lean on, "a year after" is a length of time.
    let t = find("He resigned a year after he was elected.", dct, "a year");
    assert_eq!(
        t.map(|t| (t.text, t.value)),
        Some(("a year".into(), "P1Y".into()))
    );
}

#[test]
fn modifiers_narrow_or_bound_the_date() {
    let cases = [
        (
            "Russia began strikes late last month.",
            "2015-10-21",
            "late last month",
            "2015-09",
            Some(Modifier::End),
        ),
        (
            "Russia began strikes in early 2015.",
            "2015-10-21",
            "early 2015",
            "2015",
            Some(Modifier::Start),
        ),
        (
            "Prices peaked in mid-October.",
            "2015-10-21",
            "mid-October",
            "2015-10",
            Some(Modifier::Mid),
        ),
        (
            "The siege lasted about three weeks.",
            "2015-10-21",
            "three weeks",
            "P3W",
            Some(Modifier::Approx),
        ),
        (
            "The war lasted more than four decades.",
            "2015-10-21",
            "more than four decades",
            "P40Y",
            Some(Modifier::MoreThan),
        ),
        (
            "The border has been closed since 2011.",
            "2015-10-21",
            "2011",
            "2011",
            Some(Modifier::OnOrAfter),
        ),
        (
            "The rebels held the city before 2011.",
            "2015-10-21",
            "2011",
            "2011",
            Some(Modifier::Before),
        ),
    ];
    for (sentence, dct, expr, value, modifier) in cases {
        let t = find(sentence, dct, expr);
        assert_eq!(
            t.map(|t| (t.value, t.modifier)),
            Some((value.to_string(), modifier)),
            "{sentence}"
        );
    }
}

#[test]
fn durations_and_sets() {
    let dct = "2015-10-21";
    check(&[
        (
            "Air strikes over the past three weeks killed dozens.",
            dct,
            "the past three weeks",
            "P3W",
        ),
        ("He ruled for ten years.", dct, "ten years", "P10Y"),
        (
            "The economy shrank over the past decade.",
            dct,
            "past decade",
            "P10Y",
        ),
        ("The talks lasted nine months.", dct, "nine months", "P9M"),
        ("The index is published daily.", dct, "daily", "P1D"),
        (
            "The council meets every Monday.",
            dct,
            "every Monday",
            "XXXX-WXX-1",
        ),
        (
            "The pass closes every winter.",
            dct,
            "every winter",
            "XXXX-WI",
        ),
        ("It was a two-year contract.", dct, "two-year", "P2Y"),
        ("The fighting went on for weeks.", dct, "weeks", "PXW"),
        (
            "They lived in the camps for 2 1/2 years.",
            dct,
            "2 1/2 years",
            "P2Y6M",
        ),
        (
            "Rescuers worked through the last twenty four hours.",
            dct,
            "twenty four hours",
            "PT24H",
        ),
        (
            "She spent about 5 1/2 hours in Nairobi.",
            dct,
            "5 1/2 hours",
            "PT5H30M",
        ),
        (
            "The contract runs for half a year.",
            dct,
            "half a year",
            "P6M",
        ),
        (
            "It was their third day-long meeting.",
            dct,
            "day-long",
            "P1D",
        ),
    ]);
}

#[test]
fn durations_imply_a_stretch_of_calendar() {
    let dct = d("2015-10-21");
    for (sentence, expr) in [
        (
            "Air strikes over the past three weeks killed 370 people.",
            "three weeks",
        ),
        (
            "After three weeks of Russian air strikes the front moved.",
            "three weeks",
        ),
    ] {
        let t = tag(sentence, Some(dct))
            .into_iter()
            .find(|t| t.text.contains(expr));
        let range = t.as_ref().and_then(|t| implied_range(t, Some(dct)));
        assert_eq!(range, Some((d("2015-09-30"), dct)), "{sentence}");
    }
    let late = tag("Strikes began late last month.", Some(dct));
    let range = late.first().and_then(|t| implied_range(t, Some(dct)));
    assert_eq!(range, Some((d("2015-09-21"), d("2015-09-30"))));
    let next = tag("Talks continue over the next two weeks.", Some(dct));
    let range = next.first().and_then(|t| implied_range(t, Some(dct)));
    assert_eq!(range, Some((dct, d("2015-11-04"))));
}

#[test]
fn look_alikes_are_not_dates() {
    let dct = Some(d("2015-10-21"));
    for sentence in [
        "The group is based at 1201 Connecticut Ave in Washington.",
        "Activists recalled the Arab spring protests.",
        "A four-year-old boy was rescued.",
        "The ticket cost $2015 in all.",
        "Chelsea won the match 3-2 at home.",
        "Call the desk on 555-2015 for details.",
        "Theresa May said the talks were useful.",
        "Thousands of protesters march through the city.",
        "He met the editor of the Sun and the Wed Times.",
        "The army has 2015 troops in the region.",
        "Turnout rose to 20 percent from 19 percent.",
        "The village has 1,201 residents.",
        "Unemployment reached 2015 people.",
        "May said the vote would go ahead.",
        "The plan failed. Now, the minister says, a new one is ready.",
        "\"Now, let us be clear,\" the senator told them.",
        "The hostages were soon released.",
        "The envoy left soon after the vote.",
        "Call us as soon as you land.",
    ] {
        let found = tag(sentence, dct);
        assert!(found.is_empty(), "{sentence:?} gave {found:?}");
    }
}

/// Paraphrases of the seed article's dated statements (DCT 2015-10-21), with the same date
/// expressions, and the dates its answer key expects.
#[test]
fn seed_article_dates_come_out_right() {
    let article = "Moscow says the two foreign ministers will meet in Vienna on October 23 to talk about Syria.\n\n\
The ministry's statement on October 21 comes a day after the Syrian leader met Putin in Moscow.\n\n\
The diplomats spoke by phone on October 21, the ministry said.\n\n\
A spokesman said the guest arrived the evening on October 20 for a short visit, his first trip since unrest reached his country in 2011.\n\n\
State radio on October 21 reported that he was back home.\n\n\
Russia started a bombing campaign late last month and wants him to stay.\n\n\
The talks between Putin and the Syrian leader on October 20 covered the air campaign.\n\n\
The Kremlin said on October 21 that thousands of fighters came from abroad.\n\n\
Footage aired by Russian media on October 21 showed the meeting.\n\n\
A US-led coalition began bombing in September 2014.\n\n\
His office posted photos on October 21.\n\n\
Monitors say strikes over the past three weeks have killed 370 people.\n\n\
On October 20, a news agency quoted a source about three deaths.\n\n\
A spokeswoman on October 21 criticised the reports.\n\n\
Putin's talks with the Syrian leader came on the same day the Pentagon announced a safety deal.\n\n\
After three weeks of Russian air strikes the front barely moved.";
    let dct = d("2015-10-21");
    let found = tag(article, Some(dct));
    let value_of = |cue: &str, expr: &str| -> Option<String> {
        let at = article.find(cue)?;
        found
            .iter()
            .find(|t| t.start >= at && t.start < at + cue.len() && t.text.contains(expr))
            .map(|t| t.value.clone())
    };
    let expected = [
        ("in Vienna on October 23", "October 23", "2015-10-23"),
        ("statement on October 21", "October 21", "2015-10-21"),
        ("a day after the Syrian leader", "a day", "2015-10-20"),
        ("by phone on October 21", "October 21", "2015-10-21"),
        ("the evening on October 20", "October 20", "2015-10-20"),
        ("his country in 2011", "2011", "2011"),
        ("State radio on October 21", "October 21", "2015-10-21"),
        ("campaign late last month", "last month", "2015-09"),
        ("leader on October 20", "October 20", "2015-10-20"),
        ("Kremlin said on October 21", "October 21", "2015-10-21"),
        ("media on October 21", "October 21", "2015-10-21"),
        ("in September 2014", "September 2014", "2014-09"),
        ("photos on October 21", "October 21", "2015-10-21"),
        ("over the past three weeks", "three weeks", "P3W"),
        ("On October 20, a news", "October 20", "2015-10-20"),
        ("spokeswoman on October 21", "October 21", "2015-10-21"),
        ("on the same day the Pentagon", "same day", "2015-10-20"),
        ("three weeks of Russian", "three weeks", "P3W"),
    ];
    for (cue, expr, value) in expected {
        assert_eq!(value_of(cue, expr).as_deref(), Some(value), "{cue}");
    }
    let late = found.iter().find(|t| t.text == "late last month");
    assert_eq!(late.and_then(|t| t.modifier), Some(Modifier::End));
}

#[test]
fn without_a_dct_relative_dates_stay_underspecified() {
    let found = tag("The envoys met on October 21 and again on Friday.", None);
    let values: Vec<&str> = found.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(values, ["XXXX-10-21", "XXXX-WXX-5"]);
}

#[test]
fn offsets_are_bytes_into_the_text() {
    let text = "«Réunion» prévue — talks on October 21, 2015.";
    let found = tag(text, Some(d("2015-10-01")));
    let t = found.first();
    assert_eq!(t.map(|t| &text[t.start..t.end]), Some("October 21, 2015"));
}

#[test]
fn any_text_and_any_dct_are_safe() {
    let text = "2147483647 days ago, 99999 weeks later, last week, the weekend, Friday, \
                tomorrow, next Tuesday, October 21, the evening of May 3, 4 p.m. Monday, \
                the ſpring, ﬁscal 1999, «Oct. 32», 9999999999 years, the 1988 quarter.";
    for dct in [
        Some(NaiveDate::MAX),
        Some(NaiveDate::MIN),
        Some(d("2015-10-21")),
        None,
    ] {
        for t in tag(text, dct) {
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            let _ = implied_range(&t, dct);
        }
    }
    let odd = Timex {
        start: 0,
        end: 0,
        text: String::new(),
        kind: TimexType::Duration,
        value: "PTé".into(),
        modifier: None,
        anchor: None,
    };
    assert_eq!(implied_range(&odd, Some(d("2015-10-21"))), None);
}

/// The look at the last word before the modifier regex never turns away a window the regex
/// would read a modifier at the end of.
#[test]
fn the_modifier_check_keeps_every_modifier() {
    let pieces = [
        "early",
        "late",
        "mid-",
        "mid",
        "amid",
        "the",
        "end",
        "of",
        "beginning",
        "start",
        "middle",
        "about",
        "around",
        "approximately",
        "roughly",
        "some",
        "nearly",
        "almost",
        "more",
        "than",
        "less",
        "fewer",
        "at",
        "least",
        "most",
        "up",
        "to",
        "no",
        "said",
        "in",
        "Late",
        "ABOUT",
        "Up",
        "almo\u{17f}t",
        "\u{17f}ome",
        "\u{2019}",
        "\u{2014}",
        "5",
        ",",
        "-",
        "\u{a0}",
        "\n",
        "x",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let (mut kept, mut turned_away) = (0, 0);
    for _ in 0..20_000 {
        let mut window = String::new();
        for _ in 0..(state % 5 + 1) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            window.push_str(pieces[(state % pieces.len() as u64) as usize]);
            window.push_str(if (state >> 40).is_multiple_of(4) {
                ""
            } else {
                " "
            });
        }
        if MODIFIER.is_match(&window) {
            assert!(may_end_with_modifier(&window), "{window:?}");
            kept += 1;
        } else if !may_end_with_modifier(&window) {
            turned_away += 1;
        }
    }
    assert!(kept > 1_000 && turned_away > 1_000, "{kept} {turned_away}");
}

/// A match longer than the backtracker can track (a long run of white space inside a date)
/// is read by the PikeVM instead, with the same parts, in the ASCII form of the rules and in
/// the form as written (which a non-ASCII character elsewhere in the text selects).
#[test]
fn a_date_spread_over_a_long_run_of_white_space_keeps_its_value() {
    let gap = " ".repeat(30_000);
    for tail in ["in Vienna.", "in Vienna, caf\u{e9} talk."] {
        let short = format!("The talks opened on October 21, 2015 {tail}");
        let long = format!("The talks opened on October{gap}21, 2015 {tail}");
        let value = |text: &str| {
            tag(text, Some(d("2015-10-25")))
                .first()
                .map(|t| t.value.clone())
        };
        assert_eq!(value(&short).as_deref(), Some("2015-10-21"));
        assert_eq!(value(&long), value(&short), "{tail}");
    }
}

#[test]
fn weekday_abbreviations_are_chronos() {
    let monday = d("2015-10-19");
    for k in 0..14 {
        let day = monday + Duration::days(k);
        assert_eq!(weekday_abbreviation(day), day.format("%a").to_string());
    }
}
