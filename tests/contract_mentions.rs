//! The `extract --json` contract lists where each actor is mentioned (article, byte range into
//! the text as read) and which actors act in each event, and timelines written before either
//! field existed still load.

use chrono::NaiveDate;
use chronolane::extract::extract;
use chronolane::ingest::Loaded;
use chronolane::model::{Article, Timeline};

fn timeline(text: &str) -> Timeline {
    let article = Article {
        id: "wire".to_string(),
        title: String::new(),
        published: NaiveDate::from_ymd_opt(2009, 6, 2),
        text: text.to_string(),
        paragraphs: std::iter::once(0..text.len()).collect(),
        ..Default::default()
    };
    extract(&Loaded {
        articles: vec![article],
        ..Default::default()
    })
}

#[test]
fn every_mention_is_a_byte_range_of_the_article_naming_its_actor() {
    let text = "Fritz Henderson said on Monday that General Motors would sell Saab. \
                Henderson added that the carmaker had no other buyer.";
    let t = timeline(text);
    let json = serde_json::to_value(&t).expect("serialisable");
    let henderson = json["actors"]
        .as_array()
        .and_then(|a| a.iter().find(|a| a["id"] == "fritz-henderson"))
        .unwrap_or_else(|| panic!("no Henderson in {json:#}"));
    let spans: Vec<&str> = henderson["mentions"]
        .as_array()
        .expect("a list of mentions")
        .iter()
        .map(|m| {
            assert_eq!(m["article"], "wire");
            let start = m["start"].as_u64().expect("start") as usize;
            let end = m["end"].as_u64().expect("end") as usize;
            &text[start..end]
        })
        .collect();
    assert_eq!(spans, ["Fritz Henderson", "Henderson"]);
    let gm = t
        .actors
        .iter()
        .find(|a| a.name == "General Motors")
        .unwrap_or_else(|| panic!("{:#?}", t.actors));
    let gm_spans: Vec<&str> = gm.mentions.iter().map(|m| &text[m.start..m.end]).collect();
    assert!(gm_spans.contains(&"the carmaker"), "{gm_spans:?}");
    // who acts is listed apart, without changing the list of actor ids
    let said = json["events"]
        .as_array()
        .and_then(|e| {
            e.iter().find(|e| {
                e["when"]["start"] == "2009-06-01"
                    && e["sources"][0]["quote"]
                        .as_str()
                        .is_some_and(|q| q.contains("Saab"))
            })
        })
        .unwrap_or_else(|| panic!("no Monday event in {json:#}"));
    assert_eq!(said["agents"][0], "fritz-henderson", "{said:#}");
    assert!(
        said["actors"]
            .as_array()
            .is_some_and(|a| a.iter().all(|id| id.is_string()))
    );
}

#[test]
fn timelines_written_before_mentions_and_agents_still_load() {
    let old = r#"{"articles": [], "actors": [{"id": "a", "name": "A", "kind": "person"}],
        "events": [{"id": "e", "when": {"start": "2015-10-20", "end": "2015-10-20",
        "precision": "day", "approximate": false, "value": "2015-10-20"}, "actors": ["a"], "label": "x",
        "sources": [], "confidence": 0.5}]}"#;
    let t: Timeline = serde_json::from_str(old).expect("an old timeline loads");
    assert!(t.actors[0].mentions.is_empty());
    assert!(t.events[0].agents.is_empty());
    assert!(!t.events[0].is_agent("a"));
}
