//! A timeline that was already extracted (`chronolane extract --json` or `chronolane merge`
//! output) loads as it is, so a corpus extracted elsewhere in pieces opens in the app.
//!
//! It is recognised by shape: one JSON object with `"articles"`, `"actors"` and `"events"`
//! keys. Its articles carry no text (the contract leaves it out), so sources show their quotes.

use serde_json::Value;

use crate::model::Timeline;

use super::IngestError;
use super::source::Source;

/// The timeline in `text`, `None` when the text is not shaped like one (then it is read as
/// articles), or an error naming what is wrong when it is shaped like one but malformed.
pub(crate) fn read_timeline(
    source: &Source<'_>,
    text: &str,
) -> Option<Result<Timeline, IngestError>> {
    // Cheap checks first: article files are far more common than timelines.
    let head = text.trim_start();
    if !head.starts_with('{') || !text.contains("\"events\"") || !text.contains("\"actors\"") {
        return None;
    }
    let Ok(Value::Object(map)) = serde_json::from_str::<Value>(text) else {
        return None;
    };
    if !["articles", "actors", "events"]
        .iter()
        .all(|k| map.contains_key(*k))
    {
        return None;
    }
    Some(
        serde_json::from_value::<Timeline>(Value::Object(map)).map_err(|e| {
            IngestError::Malformed {
                path: source.name.to_path_buf(),
                reason: format!("looks like a chronolane timeline but is not one: {e}"),
            }
        }),
    )
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn read(text: &str) -> Option<Result<Timeline, IngestError>> {
        read_timeline(&Source::new(Path::new("merged.json")), text)
    }

    #[test]
    fn extract_output_is_recognised_and_articles_are_not() {
        let timeline = r#"{"articles": [{"id": "a", "title": "T", "published": "2015-10-21", "path": null}],
            "actors": [{"id": "RUS", "name": "Russia", "kind": "country", "aliases": [], "affiliation": null}],
            "events": [{"id": "e1", "when": {"start": "2015-10-20", "end": "2015-10-20", "precision": "day",
                "mod": null, "approximate": false, "value": "2015-10-20"}, "actors": ["RUS"], "label": "talks",
                "sources": [{"article": "a", "start": 0, "end": 5, "quote": "Talks"}], "confidence": 0.9}]}"#;
        let read_back = read(timeline).unwrap().unwrap();
        assert_eq!(read_back.events[0].actors, ["RUS"]);
        assert!(read(r#"{"articles": [{"text": "A story."}]}"#).is_none());
        assert!(read(r#"[{"text": "events and actors"}]"#).is_none());
    }

    #[test]
    fn a_broken_timeline_says_why() {
        let err = read(r#"{"articles": [], "actors": [], "events": [{"id": 3}]}"#)
            .unwrap()
            .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("merged.json: looks like a chronolane timeline"),
            "{err}"
        );
    }
}
