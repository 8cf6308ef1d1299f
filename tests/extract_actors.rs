//! Actors as the timeline shows them: people found from their titles, one lane per person
//! however the texts name them, and no lanes for words that only look like names.

use chrono::NaiveDate;
use chronolane::extract::extract;
use chronolane::ingest::Loaded;
use chronolane::model::{Actor, ActorKind, Article, Timeline};

fn article(id: &str, text: &str) -> Article {
    Article {
        id: id.to_string(),
        title: String::new(),
        published: NaiveDate::from_ymd_opt(2016, 6, 3),
        text: text.to_string(),
        paragraphs: std::iter::once(0..text.len()).collect(),
        ..Default::default()
    }
}

fn timeline(articles: &[(&str, &str)]) -> Timeline {
    extract(&Loaded {
        articles: articles.iter().map(|(id, t)| article(id, t)).collect(),
        ..Default::default()
    })
}

fn named<'a>(t: &'a Timeline, name: &str) -> Vec<&'a Actor> {
    t.actors
        .iter()
        .filter(|a| a.name.contains(name) || a.aliases.iter().any(|x| x == name))
        .collect()
}

#[test]
fn people_are_found_from_the_titles_before_their_names() {
    let cases = [
        (
            "German government spokesman Steffen Brauer said on June 2 that talks would resume.",
            "Steffen Brauer",
            Some("germany"),
        ),
        (
            "Norwegian Foreign Minister Ingrid Solberg arrived in Oslo on June 1.",
            "Ingrid Solberg",
            Some("norway"),
        ),
        (
            "Acme Robotics chief executive Dana Whitfield unveiled the machine on June 1.",
            "Dana Whitfield",
            None,
        ),
        (
            "Mayor Tomas Vrbik opened the bridge on May 30 after years of delay.",
            "Tomas Vrbik",
            None,
        ),
    ];
    for (text, name, affiliation) in cases {
        let t = timeline(&[("a", text)]);
        let people = named(&t, name);
        assert_eq!(people.len(), 1, "{text}: {:?}", t.actors);
        assert_eq!(people[0].kind, ActorKind::Person, "{text}");
        if let Some(aff) = affiliation {
            assert_eq!(people[0].affiliation.as_deref(), Some(aff), "{text}");
        }
    }
}

#[test]
fn organisations_are_found_from_their_shapes() {
    let t = timeline(&[(
        "a",
        "The Baltic Institute for Coastal Studies said on June 1 that Nordvik Shipping Corp. had \
         filed a complaint with the Estonian Interior Ministry.",
    )]);
    for name in [
        "Baltic Institute for Coastal Studies",
        "Nordvik Shipping Corp.",
        "Estonian Interior Ministry",
    ] {
        let found = named(&t, name);
        assert_eq!(found.len(), 1, "{name}: {:?}", t.actors);
        assert_eq!(found[0].kind, ActorKind::Organisation, "{name}");
    }
    let ministry = named(&t, "Estonian Interior Ministry");
    assert_eq!(ministry[0].affiliation.as_deref(), Some("estonia"));
}

#[test]
fn a_surname_title_and_description_land_on_one_person_across_articles() {
    let t = timeline(&[
        (
            "a",
            "Chilean President Camila Orrego met trade envoys in Santiago on June 1. \
             Orrego said the talks were useful. The Chilean president later left for Lima.",
        ),
        (
            "b",
            "Orrego signed the accord on June 2, officials in Santiago said.",
        ),
    ]);
    let people = named(&t, "Orrego");
    assert_eq!(people.len(), 1, "{:?}", t.actors);
    let orrego = people[0];
    assert_eq!(orrego.name, "Camila Orrego");
    assert!(orrego.aliases.iter().any(|a| a == "Orrego"), "{orrego:?}");
    assert_eq!(orrego.affiliation.as_deref(), Some("chile"));
    // every sentence about her is in her lane, in both articles
    let in_lane = t
        .events
        .iter()
        .filter(|e| e.actors.contains(&orrego.id))
        .count();
    assert!(in_lane >= 3, "{:#?}", t.events);
}

#[test]
fn capitalised_words_that_are_not_names_make_no_lanes() {
    let t = timeline(&[(
        "a",
        "Meanwhile, prices rose on Monday. But Citing sources, officials said in October that \
         nothing had changed. Source: wire copy. Copyright 2016. He said so. The Report said \
         little. Join our mailing list.",
    )]);
    for junk in [
        "Meanwhile",
        "But",
        "Citing",
        "Monday",
        "October",
        "Source",
        "Copyright",
        "He",
        "The",
        "Join",
        "Report",
    ] {
        assert!(
            t.actors.iter().all(|a| a.name != junk),
            "junk lane {junk}: {:?}",
            t.actors
        );
    }
}

#[test]
fn short_acronyms_count_only_in_capitals() {
    let t = timeline(&[(
        "a",
        "The US envoy said on June 1 that IS fighters had left, and it is what it is for us.",
    )]);
    let ids: Vec<&str> = t.actors.iter().map(|a| a.id.as_str()).collect();
    assert!(ids.contains(&"united-states"), "{ids:?}");
    assert!(ids.contains(&"islamic-state"), "{ids:?}");
    assert_eq!(ids.len(), 2, "{ids:?}");
}
