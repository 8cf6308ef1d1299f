//! The hand-written writer checked against serde_json, which defines the contract's bytes.

use serde::Serialize;

use super::*;
use crate::model::{ActorKind, Grading, Modifier};

/// A timeline with every field filled in odd ways: escapes and control bytes, non-ASCII
/// text, empty and absent lists, a grading, dates outside four-digit years, odd floats.
fn odd_timeline() -> Timeline {
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let article = |id: &str| Article {
        id: id.into(),
        title: "Quotes \"here\", a back\\slash, tab\t, nul \u{0} and \u{1f}; café — 😀".into(),
        published: Some(date(2015, 10, 21)),
        path: Some("/tmp/a b/\u{7f}.txt".into()),
        ..Article::default()
    };
    let mut second = article("b\n\r\u{8}\u{c}");
    second.published = None;
    second.path = None;
    second.url = Some("https://example.com/?q=\"x\"".into());
    let mention = |start, end| MentionRef {
        article: "a".into(),
        start,
        end,
    };
    let actors = vec![
        Actor {
            id: "russia".into(),
            name: "Russia".into(),
            kind: ActorKind::Country,
            aliases: vec!["Moscow".into(), "the \"Kremlin\"".into()],
            affiliation: None,
            mentions: vec![
                mention(0, 6),
                MentionRef {
                    article: "b\n\"".into(),
                    start: 7,
                    end: 9,
                },
                mention(usize::MAX - 1, usize::MAX),
                // an article name too long for a mention's fixed-size copies
                MentionRef {
                    article: "long ".repeat(30).into(),
                    start: 10,
                    end: 99,
                },
                mention(100, 1000),
            ],
        },
        Actor {
            id: "lavrov".into(),
            name: "Sergei Lavrov".into(),
            kind: ActorKind::Person,
            aliases: Vec::new(),
            affiliation: Some("russia".into()),
            mentions: Vec::new(),
        },
    ];
    let mut when = When::day(date(2015, 10, 21));
    let mut events = Vec::new();
    for (n, confidence) in [0.39f32, 1.0, 0.0, 1e-7, f32::NAN, 0.1 + 0.2]
        .into_iter()
        .enumerate()
    {
        when.start = date(-2 + 2000 * i32::from(n % 2 == 0), 8, 7);
        when.end = date(10_000 * i32::from(n == 1) + 1998, 12, 31);
        when.precision = [Precision::Range, Precision::Day, Precision::Century][n % 3];
        when.modifier = [None, Some(Modifier::MoreThan), Some(Modifier::OnOrAfter)][n % 3];
        when.approximate = n % 2 == 1;
        when.inferred = n % 3 == 1;
        events.push(Event {
            id: format!("e{n}"),
            when: when.clone(),
            actors: if n == 0 {
                Vec::new()
            } else {
                vec!["russia".into(), "lavrov".into()]
            },
            agents: if n == 2 {
                vec!["lavrov".into()]
            } else {
                Vec::new()
            },
            label: "Lavrov says \"no\"".into(),
            sources: (0..n % 3)
                .map(|k| SourceRef {
                    article: if n == 4 {
                        "long ".repeat(30)
                    } else {
                        "a".into()
                    },
                    start: k,
                    end: k + 10,
                    quote: "He said:\n\"no\".".into(),
                    timex: (k == 1).then_some((3, 9)),
                    grading: (n == 2).then(|| "B2".parse::<Grading>().unwrap()),
                })
                .collect(),
            confidence,
        });
    }
    // Events with their predecessor's date (written as a copy of its bytes), and one whose
    // date differs from it only in its value.
    let mut same = events[events.len() - 1].clone();
    same.id = "same".into();
    events.push(same.clone());
    events.push(same.clone());
    same.when.value = "2015-W43".into();
    events.push(same);
    Timeline {
        articles: vec![article("a"), second],
        actors,
        events,
    }
}

#[test]
fn pretty_timeline_matches_serde_json() {
    for timeline in [odd_timeline(), Timeline::default()] {
        let mut ours = Vec::new();
        write_timeline_pretty(&mut ours, &timeline).unwrap();
        let mut theirs = serde_json::to_vec_pretty(&timeline).unwrap();
        theirs.push(b'\n');
        assert_eq!(
            String::from_utf8(ours).unwrap(),
            String::from_utf8(theirs).unwrap()
        );
    }
}

#[test]
fn stream_line_matches_serde_json() {
    #[derive(Serialize)]
    struct Line<'a> {
        article: &'a Article,
        actors: &'a [Actor],
        events: &'a [Event],
    }
    let timeline = odd_timeline();
    for article in &timeline.articles {
        for (actors, events) in [
            (&timeline.actors[..], &timeline.events[..]),
            (&[][..], &[][..]),
        ] {
            let mut ours = b"before".to_vec();
            write_stream_line(&mut ours, article, actors, events).unwrap();
            let mut theirs = b"before".to_vec();
            serde_json::to_writer(
                &mut theirs,
                &Line {
                    article,
                    actors,
                    events,
                },
            )
            .unwrap();
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                String::from_utf8(theirs).unwrap()
            );
        }
    }
}

/// The writer spells enum variants by hand: each must be serde's spelling of the variant,
/// so a renamed variant or a changed `rename_all` shows here, not in a tool's parser.
#[test]
fn every_variant_is_spelled_as_serde_spells_it() {
    for kind in ActorKind::ALL {
        assert_eq!(serde_name(&kind), kind.as_str());
    }
    let precisions = [
        Precision::Time,
        Precision::Day,
        Precision::Week,
        Precision::Month,
        Precision::Season,
        Precision::Quarter,
        Precision::Half,
        Precision::Year,
        Precision::Decade,
        Precision::Century,
        Precision::Range,
    ];
    for precision in precisions {
        assert_eq!(serde_name(&precision), precision_name(precision));
    }
    let modifiers = [
        Modifier::Start,
        Modifier::Mid,
        Modifier::End,
        Modifier::Approx,
        Modifier::Before,
        Modifier::After,
        Modifier::OnOrBefore,
        Modifier::OnOrAfter,
        Modifier::LessThan,
        Modifier::MoreThan,
        Modifier::EqualOrLess,
        Modifier::EqualOrMore,
    ];
    for modifier in modifiers {
        assert_eq!(serde_name(&modifier), modifier.as_str());
    }
}

/// serde_json's spelling of a unit variant, without its quotes.
fn serde_name<T: Serialize>(value: &T) -> String {
    let quoted = serde_json::to_string(value).unwrap();
    quoted.trim_matches('"').to_string()
}

#[test]
fn numbers_are_written_as_serde_json_writes_them() {
    let mut numbers = vec![0, u64::MAX, u64::MAX - 1];
    for digits in 1..20 {
        let power = 10u64.pow(digits);
        numbers.extend([power - 1, power, power + 1, power / 2 + 7]);
    }
    for bits in 1..64 {
        let power = 1u64 << bits;
        numbers.extend([power - 1, power, power + 1]);
    }
    for n in numbers {
        let mut ours = b"x".to_vec();
        fixed::push_decimal(&mut ours, n);
        assert_eq!(
            ours,
            format!("x{}", serde_json::to_string(&n).unwrap()).into_bytes()
        );
    }
}

#[test]
fn long_output_is_handed_on_in_chunks_and_whole() {
    let mut timeline = odd_timeline();
    let mentions = timeline.actors[0].mentions.clone();
    for _ in 0..5000 {
        timeline.actors[0].mentions.extend(mentions.iter().cloned());
    }
    let mut ours = Vec::new();
    write_timeline_pretty(&mut ours, &timeline).unwrap();
    let mut theirs = serde_json::to_vec_pretty(&timeline).unwrap();
    theirs.push(b'\n');
    assert!(ours.len() > 4 * CHUNK);
    assert!(ours == theirs);
}
