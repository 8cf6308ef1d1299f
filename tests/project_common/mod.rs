//! A small hand-made timeline for the project tests, so they do not depend on how well
//! extraction works: two articles about a (made-up) dock strike in the port of Valmora.

#![allow(
    dead_code,
    reason = "each test file uses a different part of the fixture"
)]

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use chronolane::ingest::IngestError;
use chronolane::model::{Actor, ActorKind, Article, Event, SourceRef, Timeline, When};
use chronolane::project::{ArticleRecord, DateChoice, Edit, GradeTarget};

pub fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// The sentences of each article; an event cites one sentence.
const ARTICLES: [(&str, &str, &[&str]); 2] = [
    (
        "a1",
        "Dock strike in Valmora",
        &[
            "Voss called the strike on 3 March.",
            "The port authority suspended shipping in March.",
        ],
    ),
    (
        "a2",
        "Valmora port to reopen",
        &[
            "Brandt said the port would reopen on 10 March.",
            "The Harbour Board met the port authority on 12 March.",
            "The government promised an inquiry this year.",
        ],
    ),
];

/// The text of an article file: its sentences, one per line.
pub fn article_text(id: &str) -> String {
    ARTICLES
        .iter()
        .find(|(a, _, _)| *a == id)
        .map(|(_, _, sentences)| sentences.join("\n"))
        .unwrap_or_default()
}

fn source(article: &str, sentence: usize) -> SourceRef {
    let (_, _, sentences) = ARTICLES.iter().find(|(a, _, _)| *a == article).unwrap();
    let start: usize = sentences[..sentence].iter().map(|s| s.len() + 1).sum();
    let quote = sentences[sentence];
    SourceRef {
        article: article.into(),
        start,
        end: start + quote.len(),
        quote: quote.into(),
        timex: None,
        grading: None,
    }
}

fn actor(id: &str, name: &str, kind: ActorKind, aliases: &[&str], of: Option<&str>) -> Actor {
    Actor {
        id: id.into(),
        name: name.into(),
        kind,
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        affiliation: of.map(str::to_string),
        mentions: Vec::new(),
    }
}

fn event(id: &str, when: When, actors: &[&str], label: &str, source: SourceRef) -> Event {
    Event {
        id: id.into(),
        when,
        actors: actors.iter().map(|a| a.to_string()).collect(),
        agents: Vec::new(),
        label: label.into(),
        sources: vec![source],
        confidence: 0.8,
    }
}

/// The whole timeline, as if both articles had been extracted. Extraction wrongly took
/// "Brandt" for another name of Mara Voss, and lists the Harbour Board apart from the port
/// authority it belongs to.
pub fn timeline() -> Timeline {
    let month = When::from_timex("2024-03", None).unwrap();
    let year = When::from_timex("2024", None).unwrap();
    Timeline {
        articles: ARTICLES
            .iter()
            .map(|(id, title, _)| Article {
                id: id.to_string(),
                title: title.to_string(),
                published: Some(date("2024-03-13")),
                path: Some(format!("{id}.txt")),
                ..Article::default()
            })
            .collect(),
        actors: vec![
            actor(
                "voss",
                "Mara Voss",
                ActorKind::Person,
                &["Voss", "Brandt"],
                Some("dockers"),
            ),
            actor(
                "dockers",
                "Dockers' Union",
                ActorKind::Organisation,
                &[],
                None,
            ),
            actor(
                "port-authority",
                "Port Authority",
                ActorKind::Organisation,
                &["the port authority"],
                Some("valmora"),
            ),
            actor(
                "harbour-board",
                "Harbour Board",
                ActorKind::Organisation,
                &[],
                None,
            ),
            actor("valmora", "Valmora", ActorKind::Country, &[], None),
        ],
        events: vec![
            event(
                "e1",
                When::day(date("2024-03-03")),
                &["voss", "dockers"],
                "Dockers walk out",
                source("a1", 0),
            ),
            event(
                "e2",
                month,
                &["port-authority"],
                "Shipping suspended",
                source("a1", 1),
            ),
            event(
                "e3",
                When::day(date("2024-03-10")),
                &["voss"],
                "Port to reopen",
                source("a2", 0),
            ),
            event(
                "e4",
                When::day(date("2024-03-12")),
                &["harbour-board", "port-authority"],
                "Harbour Board meets port authority",
                source("a2", 1),
            ),
            event(
                "e5",
                year,
                &["valmora"],
                "Inquiry promised",
                source("a2", 2),
            ),
        ],
    }
}

/// The timeline restricted to some articles: what extraction gives when the others are gone.
pub fn timeline_of(articles: &[&str]) -> Timeline {
    let mut timeline = timeline();
    timeline
        .articles
        .retain(|a| articles.contains(&a.id.as_str()));
    timeline.events.retain(|e| {
        e.sources
            .iter()
            .all(|s| articles.contains(&s.article.as_str()))
    });
    timeline
}

/// Writes both articles into `dir` as `a1.txt` and `a2.txt`.
pub fn write_articles(dir: &Path) -> Vec<PathBuf> {
    ARTICLES
        .iter()
        .map(|(id, _, _)| {
            let path = dir.join(format!("{id}.txt"));
            std::fs::write(&path, article_text(id)).unwrap();
            path
        })
        .collect()
}

/// A stand-in for ingest + extract: each file named `<article id>.txt` gives that article's
/// part of the fixture timeline, with the article's path set to the file.
pub fn load(paths: &[PathBuf]) -> (Timeline, Vec<IngestError>) {
    let ids: Vec<String> = paths
        .iter()
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let mut timeline = timeline_of(&ids);
    for article in &mut timeline.articles {
        article.path = paths
            .iter()
            .find(|p| p.file_stem().is_some_and(|s| s == article.id.as_str()))
            .map(|p| p.display().to_string());
    }
    (timeline, Vec::new())
}

/// The records of the article files, as the app makes them when it opens them.
pub fn records(paths: &[PathBuf]) -> Vec<ArticleRecord> {
    paths
        .iter()
        .map(|p| ArticleRecord::read(p).unwrap())
        .collect()
}

/// One edit of every kind, all applicable to [`timeline`], in an order an analyst might make.
pub fn every_kind_of_edit() -> Vec<Edit> {
    let manual = Event {
        id: "manual-1".into(),
        when: When::day(date("2024-03-05")),
        actors: vec!["valmora".into()],
        agents: Vec::new(),
        label: "Minister visits the picket".into(),
        sources: Vec::new(),
        confidence: 1.0,
    };
    vec![
        Edit::SetDate {
            event: "e2".into(),
            when: DateChoice::Range {
                start: date("2024-03-04"),
                end: date("2024-03-09"),
            }
            .to_when()
            .unwrap(),
        },
        Edit::SetActors {
            event: "e1".into(),
            actors: vec!["dockers".into(), "voss".into()],
        },
        Edit::SetLabel {
            event: "e5".into(),
            label: "Government promises an inquiry".into(),
        },
        Edit::Hide { event: "e4".into() },
        Edit::Unhide { event: "e4".into() },
        Edit::Hide { event: "e4".into() },
        Edit::AddEvent {
            event: manual,
            note: Some("Seen on the evening news, not in the articles".into()),
        },
        Edit::SetNote {
            event: "e1".into(),
            note: Some("Check the date against the union's statement".into()),
        },
        Edit::Star {
            event: "e3".into(),
            position: None,
        },
        Edit::Star {
            event: "e1".into(),
            position: None,
        },
        Edit::Star {
            event: "manual-1".into(),
            position: Some(0),
        },
        Edit::Unstar { event: "e1".into() },
        Edit::Grade {
            target: GradeTarget::Article {
                article: "a1".into(),
            },
            grading: Some("B2".parse().unwrap()),
        },
        Edit::Grade {
            target: GradeTarget::Article {
                article: "a2".into(),
            },
            grading: Some("C3".parse().unwrap()),
        },
        Edit::Grade {
            target: GradeTarget::Source {
                article: "a2".into(),
                start: 0,
                end: "Brandt said the port would reopen on 10 March.".len(),
            },
            grading: Some("A1".parse().unwrap()),
        },
        Edit::RenameActor {
            actor: "port-authority".into(),
            name: "Valmora Port Authority".into(),
        },
        Edit::MergeActors {
            into: "port-authority".into(),
            from: "harbour-board".into(),
        },
        Edit::SplitAlias {
            actor: "voss".into(),
            alias: "Brandt".into(),
            new_actor: "brandt".into(),
        },
        Edit::SetActorKind {
            actor: "valmora".into(),
            kind: ActorKind::Group,
        },
        Edit::SetAffiliation {
            actor: "brandt".into(),
            affiliation: Some("port-authority".into()),
        },
        Edit::SetColour {
            actor: "voss".into(),
            colour: Some("#d62728".parse().unwrap()),
        },
        Edit::Delete { event: "e5".into() },
    ]
}
