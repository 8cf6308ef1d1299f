//! Sentences, a DCT, and the values a reader expects.

use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
}

/// (sentence, DCT, expression text, value)
fn check(cases: &[(&str, &str, &str, &str)]) {
    for (sentence, dct, expr, value) in cases {
        let found = tag(sentence, Some(d(dct)));
        let hit = found
            .iter()
            .find(|t| t.text.contains(expr) || expr.contains(t.text.as_str()));
        let got = hit.map(|t| (t.text.as_str(), t.value.as_str()));
        assert_eq!(got.map(|g| g.1), Some(*value), "{sentence:?} → {found:?}");
    }
}

#[test]
fn absolute_dates_in_news_forms() {
    check(&[(
        "The talks opened on October 21, 2015 in Vienna.",
        "2015-10-21",
        "October 21, 2015",
        "2015-10-21",
    )]);
}
