//! The digest of a small story written for these tests (`tests/fixtures/digest/kessel.jsonl`):
//! a dam bursts (four articles, three outlets, one of them days later), residents are evacuated
//! two days after (two articles), three officials speak on the Monday after ("said on Monday":
//! echoes of the report date), and one article recalls an older failure elsewhere.

use std::path::Path;

use chrono::{Datelike, NaiveDate};

use super::*;
use crate::extract;
use crate::ingest;

fn kessel() -> Timeline {
    let bytes = include_bytes!("../../tests/fixtures/digest/kessel.jsonl");
    let loaded = ingest::parse_bytes(Path::new("kessel.jsonl"), bytes).expect("fixture parses");
    extract::extract(&loaded)
}

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, m, d).unwrap()
}

fn with(dates: usize, sentences: usize) -> Options {
    Options {
        dates,
        sentences,
        ..Options::default()
    }
}

#[test]
fn corroborated_happenings_beat_report_date_echoes_and_a_lone_recollection() {
    let timeline = kessel();
    let key_dates = digest(&timeline, &with(2, 1));
    let dates: Vec<NaiveDate> = key_dates.iter().map(|k| k.date).collect();
    // by raw counts the Monday of statements (three articles) would beat the evacuation (two)
    assert_eq!(dates, vec![day(3, 4), day(3, 6)], "{key_dates:#?}");
    let burst = &key_dates[0];
    assert_eq!(burst.sources, 4, "{burst:#?}");
    assert_eq!(burst.outlets, 3);
    assert!(burst.articles.iter().any(|a| a == "courier/2021-03-12/1"));
    let three = digest(&timeline, &with(3, 1));
    assert!(
        !three.iter().any(|k| k.date.year() == 1987),
        "one recollection must not outrank the news: {three:#?}"
    );
}

#[test]
fn the_quoted_sentence_is_the_one_most_reports_agree_on() {
    let timeline = kessel();
    let key_dates = digest(&timeline, &with(1, 1));
    let burst = &key_dates[0];
    let quote = &burst.sentences[0];
    assert!(
        quote.text.contains("burst") && quote.text.contains("valley"),
        "{quote:#?}"
    );
    assert!(!quote.text.contains("Rescue teams"), "{quote:#?}");
    assert!(burst.events.contains(&quote.event));
    assert!(burst.articles.contains(&quote.article));
    assert!(!burst.headline.is_empty());
}

#[test]
fn second_sentences_add_something_new() {
    let timeline = kessel();
    let key_dates = digest(&timeline, &with(1, 2));
    let s = &key_dates[0].sentences;
    assert_eq!(s.len(), 2, "{s:#?}");
    assert_ne!(s[0].text, s[1].text);
    assert_ne!(s[0].article, s[1].article, "{s:#?}");
}

#[test]
fn bounds_and_limits_are_kept() {
    let timeline = kessel();
    let options = Options {
        dates: 5,
        sentences: 1,
        from: Some(day(3, 5)),
        to: Some(day(3, 31)),
    };
    let key_dates = digest(&timeline, &options);
    assert!(!key_dates.is_empty());
    assert!(
        key_dates
            .iter()
            .all(|k| k.date >= day(3, 5) && k.date <= day(3, 31))
    );
    assert!(
        key_dates.windows(2).all(|w| w[0].date < w[1].date),
        "date order"
    );
    assert!(key_dates.iter().all(|k| k.sentences.len() <= 1));
    assert_eq!(key_dates[0].date.weekday(), chrono::Weekday::Sat);
}

#[test]
fn key_events_are_the_quoted_events() {
    let timeline = kessel();
    let ids = key_event_ids(&timeline, 2);
    assert!(!ids.is_empty() && ids.len() <= 2 * Options::default().sentences);
    let known: Vec<&str> = timeline.events.iter().map(|e| e.id.as_str()).collect();
    assert!(ids.iter().all(|id| known.contains(&id.as_str())));
}

#[test]
fn nothing_dated_gives_an_empty_digest() {
    assert!(digest(&Timeline::default(), &Options::default()).is_empty());
    assert!(key_event_ids(&Timeline::default(), 10).is_empty());
}
