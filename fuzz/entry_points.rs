//! How fuzz bytes reach chronolane's three entry points, and what must hold afterwards.
//!
//! Shared by the fuzz targets (`fuzz_targets/*.rs`) and the regression test that replays the
//! saved corpus (`tests/fuzz_regressions.rs`), so a saved input means the same in both.

use std::path::Path;

use chrono::NaiveDate;
use chronolane::extract;
use chronolane::ingest::{self, Loaded};
use chronolane::model::Article;

/// The names bytes are parsed under: one per reader, and one the content must decide.
pub const NAMES: [&str; 8] = [
    "a.txt", "a.html", "a.md", "a.json", "a.jsonl", "a.csv", "noext", "-",
];

/// Any bytes, read as each kind of file: an article or an error, and offsets that index text.
pub fn ingest_bytes(data: &[u8]) {
    for name in NAMES {
        if let Ok(loaded) = ingest::parse_bytes(Path::new(name), data) {
            for article in &loaded.articles {
                for range in &article.paragraphs {
                    assert!(
                        article.text.get(range.clone()).is_some(),
                        "{name}: paragraph {range:?}"
                    );
                }
            }
            for hand in &loaded.hand_events {
                assert!(hand.when.start <= hand.when.end, "{name}: {:?}", hand.when);
            }
        }
    }
}

/// Any text against any DCT: every expression's span indexes the text.
pub fn timex_bytes(data: &[u8]) {
    let (dct, text) = dct_and_text(data);
    for t in extract::timex::tag(&text, dct) {
        assert!(
            text.get(t.start..t.end).is_some(),
            "span {}..{}",
            t.start,
            t.end
        );
    }
}

/// Any text as one article (published on any date): every source indexes the text.
pub fn extract_bytes(data: &[u8]) {
    let (published, text) = dct_and_text(data);
    let len = text.len();
    let article = Article {
        id: "fuzz".into(),
        title: "fuzz".into(),
        published,
        text,
        paragraphs: std::iter::once(0..len).collect(),
        ..Article::default()
    };
    let loaded = Loaded {
        articles: vec![article],
        ..Loaded::default()
    };
    let timeline = extract::extract(&loaded);
    let text = &loaded.articles[0].text;
    for event in &timeline.events {
        assert!(event.when.start <= event.when.end, "{:?}", event.when);
        for s in &event.sources {
            assert!(
                text.get(s.start..s.end).is_some(),
                "source {}..{}",
                s.start,
                s.end
            );
        }
    }
}

/// The first four bytes choose the date (none; any date chrono can hold; or one within fifty
/// years of 2000, where most text lives), the rest is the text.
pub fn dct_and_text(data: &[u8]) -> (Option<NaiveDate>, String) {
    let Some((head, rest)) = data.split_first_chunk::<4>() else {
        return (None, String::from_utf8_lossy(data).into_owned());
    };
    let n = i32::from_le_bytes(*head);
    let dct = match n.rem_euclid(4) {
        0 => None,
        1 => NaiveDate::from_num_days_from_ce_opt(n),
        _ => NaiveDate::from_num_days_from_ce_opt(712_000 + (n >> 2).rem_euclid(36_600)),
    };
    (dct, String::from_utf8_lossy(rest).into_owned())
}
