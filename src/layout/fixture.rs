//! Small timelines written by us, for tests, benchmarks and screenshots: a hand-made briefing
//! that does not depend on extraction quality, a synthetic timeline of any size, and a
//! generated crisis collection (main actors, hundreds of minor ones, misread years) for the
//! first screen of a large corpus.

use chrono::{Duration, NaiveDate};

use crate::model::{
    Actor, ActorKind, Article, Event, Modifier, Precision, SourceRef, Timeline, When,
};

/// Seven actors (three countries, four people affiliated to them), two articles and six events
/// about the October 2015 Syria talks: a point, a multi-actor point, a definite period, an
/// uncertain "late last month", an inferred date, and one reported by both articles.
pub fn briefing() -> Timeline {
    let moscow = article(
        "moscow",
        "Assad makes surprise visit to Moscow",
        (2015, 10, 21),
        &[
            "MOSCOW (21 October 2015) - Syrian President Bashar al-Assad flew to Moscow on Tuesday evening for talks with Vladimir Putin, his first trip abroad since the war began.",
            "The Kremlin announced the visit the following morning, once Assad was back in Damascus.",
            "Late last month Russia moved warplanes to an air base near Latakia. Russian jets began air strikes in Syria on 30 September.",
        ],
    );
    let vienna = article(
        "vienna",
        "Foreign ministers meet in Vienna",
        (2015, 10, 24),
        &[
            "VIENNA (24 October 2015) - Sergei Lavrov and John Kerry met in Vienna on Friday to look for a way to end the fighting in Syria.",
            "The two men agreed to widen the talks. A larger conference ran from 29 to 30 October with Iran invited.",
            "Officials said Assad had met Putin in Moscow on Tuesday evening.",
        ],
    );
    let actors = vec![
        actor("russia", "Russia", ActorKind::Country, None),
        actor("syria", "Syria", ActorKind::Country, None),
        actor("usa", "United States", ActorKind::Country, None),
        actor("putin", "Vladimir Putin", ActorKind::Person, Some("russia")),
        actor("lavrov", "Sergei Lavrov", ActorKind::Person, Some("russia")),
        actor("assad", "Bashar al-Assad", ActorKind::Person, Some("syria")),
        actor("kerry", "John Kerry", ActorKind::Person, Some("usa")),
    ];
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).map(When::day);
    let mut events = Vec::new();
    let mut push =
        |id: &str, when: Option<When>, actors: &[&str], label: &str, sources: Vec<SourceRef>| {
            if let Some(when) = when {
                events.push(Event {
                    id: id.into(),
                    when,
                    actors: actors.iter().map(|a| (*a).to_string()).collect(),
                    agents: Vec::new(),
                    label: label.into(),
                    sources,
                    confidence: 0.9,
                });
            }
        };
    push(
        "e-visit",
        When::from_timex("2015-10-20TEV", None),
        &["assad", "putin"],
        "Assad meets Putin in Moscow",
        vec![
            source(
                &moscow,
                "Syrian President Bashar al-Assad flew",
                "his first trip abroad since the war began.",
                "Tuesday evening",
            ),
            source(
                &vienna,
                "Officials said Assad",
                "Tuesday evening.",
                "Tuesday evening",
            ),
        ],
    );
    push(
        "e-announce",
        day(2015, 10, 21).map(|w| When {
            inferred: true,
            ..w
        }),
        &["putin"],
        "Kremlin announces the visit",
        vec![source(
            &moscow,
            "The Kremlin announced",
            "back in Damascus.",
            "the following morning",
        )],
    );
    push(
        "e-buildup",
        When::from_timex("2015-09", Some(Modifier::End)),
        &["russia"],
        "Russian warplanes moved to Latakia",
        vec![source(
            &moscow,
            "Late last month Russia",
            "near Latakia.",
            "Late last month",
        )],
    );
    push(
        "e-strikes",
        day(2015, 9, 30),
        &["russia", "syria"],
        "Russia begins air strikes in Syria",
        vec![source(
            &moscow,
            "Russian jets began",
            "on 30 September.",
            "30 September",
        )],
    );
    push(
        "e-vienna",
        day(2015, 10, 23),
        &["lavrov", "kerry"],
        "Lavrov and Kerry meet in Vienna",
        vec![source(
            &vienna,
            "VIENNA (24 October",
            "fighting in Syria.",
            "Friday",
        )],
    );
    let conference =
        NaiveDate::from_ymd_opt(2015, 10, 29).zip(NaiveDate::from_ymd_opt(2015, 10, 30));
    push(
        "e-conference",
        conference.map(|(start, end)| When {
            start,
            end,
            precision: Precision::Range,
            modifier: None,
            approximate: false,
            value: "2015-10-29/2015-10-30".into(),
            inferred: false,
        }),
        &["lavrov", "kerry", "usa"],
        "Wider Syria conference in Vienna",
        vec![source(
            &vienna,
            "A larger conference",
            "with Iran invited.",
            "from 29 to 30 October",
        )],
    );
    Timeline {
        articles: vec![moscow, vienna],
        actors,
        events,
    }
}

/// `events` events over ten years among `actors` actors (at most 26·26), deterministic: most are
/// days, some name two actors, one in ten is a period and one in twenty is uncertain.
pub fn synthetic(events: usize, actors: usize) -> Timeline {
    let actors = actors.clamp(1, 676);
    let letters = |i: usize| {
        let a = char::from(b'A' + (i / 26) as u8);
        let b = char::from(b'A' + (i % 26) as u8);
        format!("{a}{b}")
    };
    let actor_list: Vec<Actor> = (0..actors)
        .map(|i| {
            actor(
                &format!("a{i}"),
                &format!("Actor {}", letters(i)),
                ActorKind::Person,
                None,
            )
        })
        .collect();
    let Some(origin) = NaiveDate::from_ymd_opt(2010, 1, 1) else {
        return Timeline::default();
    };
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut list = Vec::with_capacity(events);
    for i in 0..events {
        let r = next();
        let start = origin + Duration::days((r % 3650) as i64);
        let when = match (r >> 12) % 20 {
            0 | 1 => When {
                end: start + Duration::days(((r >> 20) % 20 + 1) as i64),
                precision: Precision::Range,
                ..When::day(start)
            },
            2 => When {
                end: start + Duration::days(29),
                precision: Precision::Month,
                ..When::day(start)
            },
            _ => When::day(start),
        };
        let first = ((r >> 32) % actors as u64) as usize;
        let mut ids = vec![format!("a{first}")];
        if (r >> 40) % 4 == 0 {
            ids.push(format!(
                "a{}",
                (first + 1 + ((r >> 44) % 3) as usize) % actors
            ));
            ids.dedup();
        }
        list.push(Event {
            id: format!("s{i}"),
            when,
            actors: ids,
            agents: Vec::new(),
            label: format!("Event {i}"),
            sources: Vec::new(),
            confidence: 0.5 + ((r >> 50) % 50) as f32 / 100.0,
        });
    }
    Timeline {
        articles: Vec::new(),
        actors: actor_list,
        events: list,
    }
}

/// A crisis collection as a large folder gives it: `articles` articles over 2011–2013, four
/// main actors reported by many of them, a few busy actors that one article repeats, hundreds
/// of actors named once or twice, events naming no actor, and two misread dates (1990, 2051).
pub fn crisis_corpus(articles: usize) -> Timeline {
    let day0 = NaiveDate::from_ymd_opt(2011, 3, 1).unwrap_or_default();
    let article_list: Vec<Article> = (0..articles)
        .map(|i| Article {
            id: format!("art{i}"),
            title: format!("Report {i}"),
            published: Some(day0 + Duration::days(2 * i as i64)),
            ..Article::default()
        })
        .collect();
    let mut actors = Vec::new();
    let mut person = |id: &str, name: &str| {
        // Assad's alias lets a lane search find him by another name.
        let aliases = if id == "assad" {
            vec!["President Assad".to_string()]
        } else {
            Vec::new()
        };
        actors.push(Actor {
            id: id.into(),
            name: name.into(),
            kind: ActorKind::Person,
            aliases,
            affiliation: None,
            mentions: Vec::new(),
        });
    };
    for (id, name) in [
        ("syria", "Syria"),
        ("assad", "Bashar al-Assad"),
        ("russia", "Russia"),
        ("un", "United Nations"),
        ("church", "Round Church"),
        ("bible", "James Bible"),
    ] {
        person(id, name);
    }
    for b in 0..6 {
        person(&format!("busy{b}"), &format!("Busy {b}"));
    }
    for m in 0..400 {
        person(&format!("minor{m}"), &format!("Minor {m}"));
    }
    let mut events = Vec::new();
    let event = |n: usize, day: NaiveDate, actors: &[&str], sources: &[usize]| Event {
        id: format!("e{n}"),
        when: When::day(day),
        actors: actors.iter().map(|a| a.to_string()).collect(),
        agents: Vec::new(),
        label: format!("Event {n}"),
        sources: sources
            .iter()
            .map(|&a| SourceRef {
                article: format!("art{}", a % articles),
                start: 0,
                end: 1,
                quote: String::new(),
                timex: None,
                grading: None,
            })
            .collect(),
        confidence: 0.8,
    };
    let published = |i: usize| day0 + Duration::days(2 * (i % articles) as i64);
    // The earliest events name whoever a background paragraph mentioned first.
    events.push(event(0, day0, &["church"], &[0]));
    events.push(event(1, day0, &["bible"], &[0]));
    events.push(event(2, day0 + Duration::days(1), &["bible"], &[1]));
    for i in 0..articles {
        let main = ["syria", "assad", "russia", "un"][i % 4];
        events.push(event(
            events.len(),
            published(i),
            &[main, "syria"],
            &[i, i + 7],
        ));
        events.push(event(events.len(), published(i), &[], &[i]));
    }
    for b in 0..6 {
        for k in 0..12 {
            let busy = format!("busy{b}");
            events.push(event(
                events.len(),
                published(b * 40 + k),
                &[&busy],
                &[b * 40],
            ));
        }
    }
    for m in 0..400 {
        let minor = format!("minor{m}");
        events.push(event(events.len(), published(m), &[&minor], &[m]));
        if m % 3 == 0 {
            events.push(event(events.len(), published(m + 1), &[&minor], &[m + 1]));
        }
    }
    let misread = |y: i32| NaiveDate::from_ymd_opt(y, 6, 1).unwrap_or_default();
    events.push(event(events.len(), misread(2051), &["russia"], &[3]));
    events.push(event(events.len(), misread(1990), &["un"], &[5]));
    Timeline {
        articles: article_list,
        actors,
        events,
    }
}

fn actor(id: &str, name: &str, kind: ActorKind, affiliation: Option<&str>) -> Actor {
    Actor {
        id: id.into(),
        name: name.into(),
        kind,
        aliases: Vec::new(),
        affiliation: affiliation.map(Into::into),
        mentions: Vec::new(),
    }
}

fn article(id: &str, title: &str, (y, m, d): (i32, u32, u32), paragraphs: &[&str]) -> Article {
    let mut text = String::new();
    let mut ranges = Vec::new();
    for paragraph in paragraphs {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(paragraph);
        ranges.push(start..text.len());
    }
    Article {
        id: id.into(),
        title: title.into(),
        published: NaiveDate::from_ymd_opt(y, m, d),
        path: Some(format!("{id}.txt")),
        text,
        paragraphs: ranges,
        ..Article::default()
    }
}

/// The sentence of `article` from `begins` through `ends`, with `timex` marked inside it.
fn source(article: &Article, begins: &str, ends: &str, timex: &str) -> SourceRef {
    let text = &article.text;
    let start = text.find(begins).unwrap_or(0);
    let end = text[start..]
        .find(ends)
        .map_or(text.len(), |i| start + i + ends.len());
    let timex = text[start..end]
        .find(timex)
        .map(|i| (start + i, start + i + timex.len()));
    SourceRef {
        article: article.id.clone(),
        start,
        end,
        quote: text[start..end].to_string(),
        timex,
        grading: None,
    }
}
