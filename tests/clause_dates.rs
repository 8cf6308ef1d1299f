//! A clause takes the date of its own verb: a year in a subordinate or relative clause ("since
//! the war there began in 2011", "who took office in 2012") dates that clause's happening,
//! never the main one; and each event says who acted in it.

use chrono::{Datelike, NaiveDate};
use chronolane::extract::extract;
use chronolane::ingest::Loaded;
use chronolane::model::{Article, Event, Timeline};

fn run(published: (i32, u32, u32), text: &str) -> Timeline {
    let article = Article {
        id: "a".to_string(),
        title: String::new(),
        published: NaiveDate::from_ymd_opt(published.0, published.1, published.2),
        text: text.to_string(),
        paragraphs: std::iter::once(0..text.len()).collect(),
        ..Default::default()
    };
    extract(&Loaded {
        articles: vec![article],
        ..Default::default()
    })
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn with_actor<'a>(t: &'a Timeline, actor: &str) -> Vec<&'a Event> {
    t.events
        .iter()
        .filter(|e| e.actors.iter().any(|a| a == actor))
        .collect()
}

fn describe(t: &Timeline) -> String {
    t.events
        .iter()
        .map(|e| {
            format!(
                "{} {:?} agents {:?}: {}\n",
                e.when.start, e.actors, e.agents, e.label
            )
        })
        .collect()
}

#[test]
fn a_trip_since_a_war_began_in_2011_happened_on_the_tuesday() {
    let t = run(
        (2015, 10, 21),
        "Syrian President Bashar al-Assad flew to Moscow on Tuesday evening for talks with \
         Vladimir Putin, in his first known trip outside Syria since the war there began in 2011.",
    );
    let assad = with_actor(&t, "bashar-al-assad");
    assert!(!assad.is_empty(), "{}", describe(&t));
    for e in &assad {
        assert_eq!(e.when.start, day("2015-10-20"), "{}", describe(&t));
    }
    assert!(
        assad.iter().any(|e| e.is_agent("bashar-al-assad")),
        "{}",
        describe(&t)
    );
}

#[test]
fn a_relative_clause_keeps_its_year_and_the_main_clause_its_day() {
    let t = run(
        (2020, 3, 4),
        "Mayor Lena Brandt, who took office in 2012, resigned on Monday after a long dispute.",
    );
    let brandt = with_actor(&t, "lena-brandt");
    let resigned = brandt
        .iter()
        .find(|e| e.label.to_lowercase().contains("resigned"))
        .unwrap_or_else(|| panic!("{}", describe(&t)));
    assert_eq!(resigned.when.start, day("2020-03-02"), "{}", describe(&t));
    assert!(resigned.is_agent("lena-brandt"));
    let took_office = brandt
        .iter()
        .find(|e| e.when.start == day("2012-01-01"))
        .unwrap_or_else(|| panic!("{}", describe(&t)));
    assert!(took_office.is_agent("lena-brandt"), "{}", describe(&t));
}

#[test]
fn the_year_of_a_deal_signed_earlier_does_not_date_the_clause_that_mentions_it() {
    let t = run(
        (2021, 6, 10),
        "Northwind Airways scrapped the merger on Wednesday after the deal signed in 2009 ran into trouble. \
         Harbour Airways scrapped its expansion after the deal signed in 2009 ran into trouble.",
    );
    // what each airline did is not dated by the deal's year (the deal may have its own event)
    for id in ["northwind-airways", "harbour-airways"] {
        let acted: Vec<&Event> = t.events.iter().filter(|e| e.is_agent(id)).collect();
        assert!(!acted.is_empty(), "{id}: {}", describe(&t));
        for e in acted {
            assert_ne!(e.when.start, day("2009-01-01"), "{id}: {}", describe(&t));
        }
    }
    let northwind = with_actor(&t, "northwind-airways");
    assert!(northwind.iter().any(|e| e.when.start == day("2021-06-09")));
}

#[test]
fn reported_speech_dates_the_saying_and_what_was_said_apart() {
    let t = run(
        (2019, 1, 9),
        "Carlo Ricci said on Monday that the Dunmore plant would close in March.",
    );
    let ricci = with_actor(&t, "carlo-ricci");
    let said = ricci
        .iter()
        .find(|e| e.when.start == day("2019-01-07"))
        .unwrap_or_else(|| panic!("{}", describe(&t)));
    assert!(said.is_agent("carlo-ricci"), "{}", describe(&t));
    assert!(
        t.events.iter().any(|e| e.when.start == day("2019-03-01")),
        "{}",
        describe(&t)
    );
}

#[test]
fn a_date_right_after_since_dates_its_own_clause() {
    let t = run(
        (2011, 8, 25),
        "Maria Novak has led the dockers' union since 2004.",
    );
    let novak = with_actor(&t, "maria-novak");
    assert!(
        novak.iter().any(|e| e.when.start == day("2004-01-01")),
        "{}",
        describe(&t)
    );
}

#[test]
fn a_passive_names_who_acted_after_by() {
    let t = run(
        (2016, 5, 10),
        "The Halden depot was struck by Russian jets on Sunday, local officials said.",
    );
    let struck = t
        .events
        .iter()
        .find(|e| e.when.start == day("2016-05-08"))
        .unwrap_or_else(|| panic!("{}", describe(&t)));
    assert!(struck.is_agent("russia"), "{}", describe(&t));
}

#[test]
fn the_war_there_began_in_2011_in_the_place_named_before() {
    // An analyst reads "since the war there began in 2011" as a happening of its own, the war
    // in Syria breaking out: it stays an event, in Syria's lane, never in Assad's.
    let t = run(
        (2015, 10, 21),
        "Syrian President Bashar al-Assad flew to Moscow on Tuesday evening for talks with \
         Vladimir Putin, in his first known trip outside Syria since the war there began in 2011.",
    );
    let war = t
        .events
        .iter()
        .find(|e| e.when.start == day("2011-01-01"))
        .unwrap_or_else(|| panic!("no 2011 event: {}", describe(&t)));
    assert_eq!(war.actors, vec!["syria".to_string()], "{}", describe(&t));
    assert!(war.agents.is_empty(), "a place does not act: {war:?}");
    assert!(
        !t.actors.iter().any(|a| a.name == "Tuesday"),
        "a weekday is no party: {:?}",
        t.actors
    );
}

#[test]
fn unrest_spreading_to_his_country_happened_in_his_country() {
    let t = run(
        (2015, 10, 21),
        "Syrian President Bashar al-Assad has rarely left Syria since the unrest spread to his \
         country in 2011.",
    );
    let unrest = t
        .events
        .iter()
        .find(|e| e.when.start == day("2011-01-01"))
        .unwrap_or_else(|| panic!("no 2011 event: {}", describe(&t)));
    assert_eq!(unrest.actors, vec!["syria".to_string()], "{}", describe(&t));
}

#[test]
fn a_record_since_a_year_is_no_event_of_that_year() {
    let t = run(
        (2008, 10, 10),
        "The FTSE 100 fell 8.9 percent in London on Friday, its biggest one-day fall since 1987.",
    );
    assert!(
        t.events.iter().all(|e| e.when.start.year() != 1987),
        "{}",
        describe(&t)
    );
    assert!(
        t.events
            .iter()
            .any(|e| e.when.start == day("2008-10-10") && e.actors.contains(&"ftse-100".into())),
        "{}",
        describe(&t)
    );
}
