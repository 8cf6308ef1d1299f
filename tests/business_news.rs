//! A folder of business news (our own sentences, in tests/fixtures/business) gives the lanes an
//! analyst expects: companies, unions, products, market indices and cities, each form of a party
//! in one lane (GM and General Motors, UAW and United Auto Workers, Fritz and Frederick
//! Henderson), and no lane for a nationality word.

use std::path::PathBuf;

use chronolane::extract::extract;
use chronolane::ingest::{self, LoadOptions};
use chronolane::model::{Actor, ActorKind, Timeline};

fn timeline() -> Timeline {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/business");
    let (loaded, errors) = ingest::load_paths(&[dir], &LoadOptions::default());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(loaded.articles.len(), 5);
    extract(&loaded)
}

/// The actor named `name` (by name or alias), with its number of events.
fn lane<'a>(t: &'a Timeline, name: &str) -> (&'a Actor, usize) {
    let Some(actor) = t.actors.iter().find(|a| a.is_named(name)) else {
        panic!(
            "no actor named {name}: {:?}",
            t.actors.iter().map(|a| &a.name).collect::<Vec<_>>()
        );
    };
    let events = t
        .events
        .iter()
        .filter(|e| e.actors.contains(&actor.id))
        .count();
    (actor, events)
}

fn in_lane(t: &Timeline, name: &str, kind: ActorKind) -> usize {
    let (actor, events) = lane(t, name);
    assert_eq!(actor.kind, kind, "{name}: {actor:?}");
    assert!(events > 0, "{name} has no events");
    events
}

#[test]
fn companies_unions_products_indices_and_cities_get_lanes_of_their_kind() {
    let t = timeline();
    in_lane(&t, "General Motors", ActorKind::Organisation);
    in_lane(&t, "United Auto Workers", ActorKind::Organisation);
    in_lane(&t, "Airbus", ActorKind::Organisation);
    in_lane(&t, "Boeing", ActorKind::Organisation);
    in_lane(&t, "Singapore Airlines", ActorKind::Organisation);
    in_lane(&t, "Bank of England", ActorKind::Organisation);
    in_lane(&t, "Airbus A380", ActorKind::Product);
    in_lane(&t, "Boeing 787 Dreamliner", ActorKind::Product);
    in_lane(&t, "iPad", ActorKind::Product);
    in_lane(&t, "FTSE 100", ActorKind::Other);
    in_lane(&t, "Nikkei 225", ActorKind::Other);
    in_lane(&t, "Dow Jones Industrial Average", ActorKind::Other);
    in_lane(&t, "Steve Jobs", ActorKind::Person);
}

#[test]
fn short_forms_join_the_full_name() {
    let t = timeline();
    let (gm, _) = lane(&t, "GM");
    assert_eq!(gm.id, lane(&t, "General Motors").0.id);
    // the legal name in one article, the bare one in the other
    assert_eq!(lane(&t, "General Motors Co.").0.id, gm.id);
    let (uaw, _) = lane(&t, "UAW");
    assert_eq!(uaw.id, lane(&t, "United Auto Workers").0.id);
    // two articles, two forms of one chief executive's given name
    let (fritz, _) = lane(&t, "Fritz Henderson");
    let (frederick, events) = lane(&t, "Frederick Henderson");
    assert_eq!(fritz.id, frederick.id);
    assert!(events >= 3, "{events}");
    // "the A380" is the aircraft the first article names in full
    assert_eq!(lane(&t, "A380").0.id, lane(&t, "Airbus A380").0.id);
}

#[test]
fn descriptions_stand_for_the_party_of_their_sector() {
    let t = timeline();
    let (airbus, _) = lane(&t, "Airbus");
    // "The planemaker blamed problems ..." is Airbus acting, not the airline named nearer
    let blamed = t
        .events
        .iter()
        .find(|e| e.label.contains("blame"))
        .expect("an event for the planemaker's statement");
    assert_eq!(blamed.agents, vec![airbus.id.clone()], "{blamed:?}");
    let (a380, _) = lane(&t, "Airbus A380");
    assert_eq!(a380.affiliation.as_deref(), Some(airbus.id.as_str()));
}

#[test]
fn a_city_is_its_own_place_affiliated_to_its_country() {
    let t = timeline();
    for (city, country) in [
        ("Detroit", "United States"),
        ("London", "United Kingdom"),
        ("Tokyo", "Japan"),
        ("Sydney", "Australia"),
    ] {
        let (place, events) = lane(&t, city);
        assert_eq!(place.kind, ActorKind::Place, "{city}");
        assert!(events > 0, "{city}");
        let (nation, _) = lane(&t, country);
        assert_eq!(place.affiliation.as_deref(), Some(nation.id.as_str()));
        assert_ne!(place.id, nation.id);
    }
}

#[test]
fn nationality_words_and_modified_nouns_make_no_participants() {
    let t = timeline();
    // "Irish suppliers", "a Chinese buyer": descriptions of others, no lane of their own
    for country in ["Ireland", "China"] {
        assert!(
            !t.actors.iter().any(|a| a.is_named(country)),
            "{country} is an actor"
        );
    }
    // "draw buyers away from small laptops": the iPad acts; the buyers are nobody's lane
    let (ipad, _) = lane(&t, "iPad");
    assert!(
        t.events
            .iter()
            .any(|e| e.label.contains("draw buyers") && e.agents.contains(&ipad.id))
    );
}
