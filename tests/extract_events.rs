//! Events as the timeline shows them: one per dated happening, two from a sentence with two,
//! one with two sources when two articles report the same meeting, and ids that do not move.

use chrono::NaiveDate;
use chronolane::extract::extract;
use chronolane::ingest::{HandEvent, Loaded};
use chronolane::model::{Article, Event, Timeline, When};

fn article(id: &str, published: (i32, u32, u32), text: &str) -> Article {
    Article {
        id: id.to_string(),
        title: String::new(),
        published: NaiveDate::from_ymd_opt(published.0, published.1, published.2),
        text: text.to_string(),
        paragraphs: std::iter::once(0..text.len()).collect(),
        ..Default::default()
    }
}

fn run(articles: Vec<Article>) -> Timeline {
    extract(&Loaded {
        articles,
        ..Default::default()
    })
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn from_quote<'a>(t: &'a Timeline, cue: &str) -> Vec<&'a Event> {
    t.events
        .iter()
        .filter(|e| e.sources.iter().any(|s| s.quote.contains(cue)))
        .collect()
}

#[test]
fn a_sentence_with_two_dated_happenings_gives_two_events() {
    let text = "The ceasefire announced on March 3 came a day after the envoys met in Geneva.";
    let t = run(vec![article("a", (2016, 3, 4), text)]);
    let events = from_quote(&t, "ceasefire");
    let mut starts: Vec<NaiveDate> = events.iter().map(|e| e.when.start).collect();
    starts.sort();
    assert_eq!(
        starts,
        [day("2016-03-02"), day("2016-03-03")],
        "{events:#?}"
    );
}

#[test]
fn each_source_points_at_its_sentence_and_its_date() {
    let text = "Rain fell all week. Premier Lotte Hagen opened the Harbour Bridge on May 14, 2016.";
    let t = run(vec![article("a", (2016, 5, 20), text)]);
    let events = from_quote(&t, "Harbour Bridge");
    assert_eq!(events.len(), 1, "{:#?}", t.events);
    let e = events[0];
    let src = &e.sources[0];
    assert_eq!(&text[src.start..src.end], src.quote);
    assert!(src.quote.starts_with("Premier Lotte Hagen"));
    let (ts, te) = src.timex.unwrap_or_default();
    assert_eq!(&text[ts..te], "May 14, 2016");
    assert_eq!(e.when.start, day("2016-05-14"));
    assert!(e.label.split_whitespace().count() <= 12, "{}", e.label);
    assert!(e.label.contains("Hagen"), "{}", e.label);
    assert!(e.confidence > 0.8 && e.confidence <= 1.0);
}

#[test]
fn a_sentence_that_continues_the_scene_gets_an_inferred_date() {
    let text = "Senator Paula Grieve visited the flooded town on May 12. \
                Grieve promised federal aid to residents.";
    let t = run(vec![article("a", (2016, 5, 14), text)]);
    let events = from_quote(&t, "promised federal aid");
    assert_eq!(events.len(), 1, "{:#?}", t.events);
    assert_eq!(events[0].when.start, day("2016-05-12"));
    assert!(events[0].when.inferred);
    assert!(events[0].confidence < 0.6);
}

#[test]
fn two_articles_reporting_the_same_meeting_give_one_event_with_two_sources() {
    let t = run(vec![
        article(
            "wire",
            (2016, 4, 8),
            "Foreign Minister Arvid Lund met Chinese envoy Wei Tan in Stockholm on April 7 to \
             discuss shipping routes.",
        ),
        article(
            "paper",
            (2016, 4, 9),
            "Lund and envoy Wei Tan discussed shipping routes when they met in Stockholm on \
             April 7, 2016.",
        ),
    ]);
    let meetings = from_quote(&t, "Stockholm");
    assert_eq!(meetings.len(), 1, "{meetings:#?}");
    assert_eq!(meetings[0].corroboration(), 2);
    let articles: Vec<&str> = meetings[0]
        .sources
        .iter()
        .map(|s| s.article.as_str())
        .collect();
    assert_eq!(articles, ["wire", "paper"]);
}

#[test]
fn event_ids_survive_re_extraction_and_new_articles() {
    let first = article(
        "a",
        (2016, 4, 8),
        "General Ruth Amsel inspected the base on April 6. She left on April 7.",
    );
    let other = article(
        "b",
        (2016, 4, 9),
        "Mayor Ilse Brandt opened a school on April 8.",
    );
    let alone = run(vec![first.clone()]);
    let again = run(vec![first.clone()]);
    let with_other = run(vec![other, first]);
    let ids = |t: &Timeline, article: &str| -> Vec<String> {
        let mut v: Vec<String> = t
            .events
            .iter()
            .filter(|e| e.sources.iter().any(|s| s.article == article))
            .map(|e| e.id.clone())
            .collect();
        v.sort();
        v
    };
    assert!(!ids(&alone, "a").is_empty());
    assert_eq!(ids(&alone, "a"), ids(&again, "a"));
    assert_eq!(ids(&alone, "a"), ids(&with_other, "a"));
    let actor_ids = |t: &Timeline| -> Vec<String> {
        let mut v: Vec<String> = t.actors.iter().map(|a| a.id.clone()).collect();
        v.sort();
        v
    };
    assert!(actor_ids(&alone).contains(&"ruth-amsel".to_string()));
    assert_eq!(actor_ids(&alone), actor_ids(&again));
}

#[test]
fn hand_kept_events_join_the_actors_of_the_articles() {
    let text = "Prime Minister Karin Dahl resigned on March 1.";
    let mut loaded = Loaded {
        articles: vec![article("a", (2016, 3, 2), text)],
        ..Default::default()
    };
    loaded.hand_events.push(HandEvent {
        article: "log.csv".into(),
        range: 0..40,
        when: When::day(day("2016-03-05")),
        actors: vec!["Dahl".into(), "Unknown Body".into()],
        description: "Dahl hands over to her deputy".into(),
        source: None,
    });
    let t = extract(&loaded);
    let hand = t
        .events
        .iter()
        .find(|e| e.label.starts_with("Dahl hands"))
        .unwrap_or_else(|| panic!("{:#?}", t.events));
    assert_eq!(hand.confidence, 1.0);
    assert_eq!(hand.actors[0], "karin-dahl");
    assert!(t.actors.iter().any(|a| a.id == hand.actors[1]));
}

#[test]
fn odd_text_gives_a_timeline_without_panicking() {
    let texts = [
        "",
        "   \n\n  ",
        "Ünited Émirates said on Monday 🎉 that «Señor Ñúñez» met Zoë O'Brien-Łukasz.",
        "IS. US. It. He. The. On October 21.",
        "“Quoted” — said Dr. Ana Ruiz on 3 May 2016 … then left (for Lima).",
        "iPhone 4 iPhone 4 iPhone 4, the phone, It is. It was.",
    ];
    for (i, text) in texts.iter().enumerate() {
        let mut a = article(&format!("odd-{i}"), (2016, 5, 4), text);
        let t = run(vec![a.clone()]);
        for e in &t.events {
            for s in &e.sources {
                assert!(text.get(s.start..s.end).is_some(), "{text}: {s:?}");
            }
        }
        a.published = None;
        let _ = run(vec![a]);
    }
}

#[test]
fn the_rows_of_an_analysts_csv_are_hand_events_only_never_prose() {
    let csv = "date,end date,actors,event,source\n\
               2015-10-20,,Pentagon; Kremlin,Memorandum on flight safety signed,memo.txt\n\
               2015-10-23,,Sergei Lavrov; John Kerry,Talks in Vienna,talks.html\n";
    let loaded = chronolane::ingest::parse_bytes(std::path::Path::new("log.csv"), csv.as_bytes())
        .expect("a well-formed event CSV loads");
    let timeline = extract(&loaded);
    assert_eq!(timeline.events.len(), 2, "one event per row, nothing more");
    for e in &timeline.events {
        assert!(
            !e.label.contains(",,"),
            "a raw CSV row became an event: {}",
            e.label
        );
    }
}
