//! Names that are things rather than people or bodies: products ("iPhone 4", "Boeing 787
//! Dreamliner", written by a product-style word or a maker and a model code) and the places and
//! "other" things a lexicon head noun makes ("Harris County", "Kyoto Protocol").

use super::gazetteer::{GAZETTEER, GazMatch};
use super::names::{span_text, word_text};
use super::tokens::{Word, is_product};
use super::{Builder, How, slug};
use crate::model::ActorKind;

/// A product: "iPhone 4", "the 3G iPhone" (the model written first), "the iTunes store" (a
/// lower-case head noun that is part of the name).
pub(super) fn product(b: &mut Builder, si: usize, all: &[Word], piece: &[Word]) {
    let text = b.text;
    let first = &piece[0];
    let mut last = &piece[piece.len() - 1];
    let mut start = first.range.start;
    let mut name = span_text(text, piece).to_string();
    if let Some(next) = all.get(last.index + 1)
        && !last.breaks_after
        && !next.cap
    {
        let word = word_text(text, next);
        let mut chars = word.chars();
        let capitalised: String = chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
        if matches!(
            capitalised.as_str(),
            "Store" | "Service" | "Network" | "Platform"
        ) {
            name = format!("{name} {word}");
            last = next;
        }
    }
    if piece.len() == 1 && first.index > 0 {
        let prev = &all[first.index - 1];
        let model = word_text(text, prev);
        if !prev.breaks_after
            && model.len() <= 4
            && model.starts_with(|c: char| c.is_ascii_digit())
            && model.chars().all(|c| c.is_ascii_alphanumeric())
        {
            name = format!("{name} {model}");
            start = prev.range.start;
        }
    }
    // "the new iPhone" after "iPhone 4" is the iPhone 4
    let brand_only = piece.len() == 1 && start == first.range.start;
    let fresh = first.index > 0
        && matches!(
            word_text(text, &all[first.index - 1]),
            "new" | "newest" | "latest" | "updated"
        );
    let prefix = format!("{name} ");
    let newer = (brand_only && fresh)
        .then(|| {
            b.entities
                .iter()
                .rposition(|e| e.kind == ActorKind::Product && e.name.starts_with(&prefix))
        })
        .flatten();
    let e = match newer {
        Some(e) => e,
        None => b.entity(&slug(&name), &name, ActorKind::Product, None, false),
    };
    let how = if newer.is_some() {
        How::Description
    } else {
        How::Name
    };
    b.mention(e, start..last.range.end, si, how);
}

/// A model code: "A380", "787", "F-35" (letters then digits, or three or four digits that are
/// no year).
pub(super) fn is_model_code(word: &str) -> bool {
    let digits_only = word.bytes().all(|b| b.is_ascii_digit());
    let year_like =
        digits_only && word.len() == 4 && (word.starts_with("19") || word.starts_with("20"));
    (digits_only && (3..=4).contains(&word.len()) && !year_like)
        || (is_product(word) && word.starts_with(|c: char| c.is_ascii_uppercase()))
}

/// A product named by its maker and a model ("Boeing 787 Dreamliner"), affiliated to the
/// maker when the tables know it.
pub(super) fn model(b: &mut Builder, si: usize, piece: &[Word], gaz: &[GazMatch]) {
    let text = b.text;
    let name = span_text(text, piece);
    let maker = gaz
        .iter()
        .find(|g| g.range.start == piece[0].range.start)
        .map(|g| GAZETTEER.entry(g.entry))
        .filter(|e| e.kind == ActorKind::Organisation)
        .map(|e| e.id.to_string());
    let e = b.entity(&slug(name), name, ActorKind::Product, maker, false);
    let range = piece[0].range.start..piece[piece.len() - 1].range.end;
    b.mention(e, range, si, How::Name);
}

/// A place or "other" thing named by a head noun of the lexicon ("Harris County", "Kyoto
/// Protocol"), affiliated to the country a word of it names.
pub(super) fn named_thing(b: &mut Builder, si: usize, piece: &[Word], kind: ActorKind) {
    let text = b.text;
    let name = span_text(text, piece);
    let name = name.strip_prefix("The ").unwrap_or(name);
    let country = piece.iter().find_map(|w| {
        let entry = GAZETTEER.entry(GAZETTEER.lookup(word_text(text, w))?);
        match entry.kind {
            ActorKind::Country => Some(entry.id.to_string()),
            ActorKind::Place => entry.affiliation.map(String::from),
            _ => None,
        }
    });
    let e = match GAZETTEER.lookup(name).map(|e| GAZETTEER.entry(e)) {
        Some(entry) => b.entity(
            entry.id,
            entry.name,
            entry.kind,
            entry.affiliation.map(String::from),
            true,
        ),
        None => b.entity(&slug(name), name, kind, country, false),
    };
    let range = piece[0].range.start..piece[piece.len() - 1].range.end;
    b.mention(e, range, si, How::Name);
}

#[cfg(test)]
mod tests {
    use crate::extract::actors::{How, find};
    use crate::extract::sentences;
    use crate::model::ActorKind;

    /// (name, kind, affiliation) of every entity named (not only described) in `text`.
    fn named(text: &str) -> Vec<(String, ActorKind, Option<String>)> {
        let found = find(text, &sentences::split(text, 0..text.len()));
        found
            .entities
            .iter()
            .enumerate()
            .filter(|(i, _)| {
                found
                    .mentions
                    .iter()
                    .any(|m| m.entity == *i && m.how == How::Name)
            })
            .map(|(_, e)| (e.name.clone(), e.kind, e.affiliation.clone()))
            .collect()
    }

    #[test]
    fn makers_with_model_codes_are_products() {
        let found =
            named("Qantas grounded its Airbus A380 fleet after Boeing 787 deliveries slipped.");
        assert!(
            found
                .iter()
                .any(|(n, k, _)| n == "Airbus A380" && *k == ActorKind::Product),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|(n, k, _)| n == "Boeing 787" && *k == ActorKind::Product),
            "{found:?}"
        );
    }

    #[test]
    fn treaties_indices_and_counties_get_their_own_kinds() {
        let found = named(
            "Ministers revived the Kyoto Protocol talks. The FTSE 100 fell while rain hit Harris County.",
        );
        let kind_of = |name: &str| found.iter().find(|(n, ..)| n == name).map(|(_, k, _)| *k);
        assert_eq!(
            kind_of("Kyoto Protocol"),
            Some(ActorKind::Other),
            "{found:?}"
        );
        assert_eq!(kind_of("FTSE 100"), Some(ActorKind::Other), "{found:?}");
        assert_eq!(
            kind_of("Harris County"),
            Some(ActorKind::Place),
            "{found:?}"
        );
    }

    #[test]
    fn a_city_is_a_place_of_its_country_and_a_nationality_word_no_actor() {
        let found = named("Irish and Thai investors met in Houston and Kingston on Monday.");
        let houston = found.iter().find(|(n, ..)| n == "Houston");
        assert_eq!(
            houston.map(|(_, k, a)| (*k, a.as_deref())),
            Some((ActorKind::Place, Some("united-states"))),
            "{found:?}"
        );
        assert!(found.iter().any(|(n, k, a)| n == "Kingston"
            && *k == ActorKind::Place
            && a.as_deref() == Some("jamaica")));
        assert!(
            found.iter().all(|(_, k, _)| *k != ActorKind::Country),
            "nationality words made countries: {found:?}"
        );
    }
}
