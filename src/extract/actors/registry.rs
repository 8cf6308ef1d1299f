//! One actor per real entity across all articles: the per-article entities merged by id, lone
//! surnames folded into the person they name, and each actor's display name and aliases.

use std::borrow::Cow;

use rustc_hash::{FxHashMap, FxHashSet};

use accs::Accs;

use super::names::strip_particle;
use super::{ArticleActors, nicknames};
use crate::model::{Actor, ActorKind};

mod accs;

/// The merged actors, and for every per-article id the actor id it became.
#[derive(Clone, Debug, Default)]
pub struct Registry {
    pub actors: Vec<Actor>,
    /// Per-article id → final actor id (only where they differ).
    pub renamed: FxHashMap<String, String>,
}

impl Registry {
    /// The actor id that `id` became.
    pub fn resolve<'a>(&'a self, id: &'a str) -> &'a str {
        self.renamed.get(id).map_or(id, String::as_str)
    }

    /// The actor named `name` (by name or alias), added if nobody is, for hand-kept events.
    pub fn by_name(&mut self, name: &str) -> String {
        let name = name.trim();
        if let Some(a) = self.actors.iter().find(|a| a.is_named(name)) {
            return a.id.clone();
        }
        let surname_hits: Vec<&Actor> = self
            .actors
            .iter()
            .filter(|a| a.kind == ActorKind::Person && surname(&a.name) == name)
            .collect();
        if let [one] = surname_hits[..] {
            return one.id.clone();
        }
        let kind = match crate::extract::actors::gazetteer::GAZETTEER
            .lookup(name)
            .map(|e| crate::extract::actors::gazetteer::GAZETTEER.entry(e))
        {
            Some(entry) => {
                let id = entry.id.to_string();
                if self.actors.iter().all(|a| a.id != id) {
                    self.actors.push(Actor {
                        id: id.clone(),
                        name: entry.name.to_string(),
                        kind: entry.kind,
                        aliases: vec![name.to_string()],
                        affiliation: entry.affiliation.map(String::from),
                        mentions: Vec::new(),
                    });
                }
                return id;
            }
            None if name.split_whitespace().count() >= 2
                && crate::extract::actors::gazetteer::GAZETTEER
                    .is_given_name(name.split_whitespace().next().unwrap_or("")) =>
            {
                ActorKind::Person
            }
            None => ActorKind::Organisation,
        };
        let id = super::slug(name);
        if self.actors.iter().all(|a| a.id != id) {
            self.actors.push(Actor {
                id: id.clone(),
                name: name.to_string(),
                kind,
                aliases: Vec::new(),
                affiliation: None,
                mentions: Vec::new(),
            });
        }
        id
    }
}

fn surname(name: &str) -> &str {
    strip_particle(name.split_whitespace().next_back().unwrap_or(name))
}

/// A name for the folds of [`merge`]: the actor id, the words of its name, its kind, and
/// whether the gazetteer knows it. The words are a slice of one buffer shared by all names
/// (`'w`), not a vector of their own: one allocation per merge instead of one per actor.
type Name<'a, 'w> = (&'a str, &'w [&'a str], ActorKind, bool);

/// One actor as the articles so far know it. Its strings borrow the articles' entities (which
/// outlive the merge): only what the registry keeps is copied, once, at the end, instead of
/// every id, name and form of every article on the way in.
struct Acc<'a> {
    name: &'a str,
    kind: ActorKind,
    affiliation: Option<&'a str>,
    forms: Vec<&'a str>,
    known: bool,
}

/// One person under two forms of the name in two articles ("Frederick Henderson", "Fritz
/// Henderson"): folded into the first named, or into the gazetteer's when one is known.
fn fold_people(by_id: &Accs, order: &[&str], renamed: &mut FxHashMap<String, String>) {
    let mut by_surname: FxHashMap<&str, Vec<&str>> = FxHashMap::default();
    for &id in order {
        if let Some(acc) = by_id.get(id)
            && acc.kind == ActorKind::Person
            && acc.name.split_whitespace().count() >= 2
        {
            by_surname.entry(surname(acc.name)).or_default().push(id);
        }
    }
    for ids in by_surname.values().filter(|ids| ids.len() >= 2) {
        for (k, &id) in ids.iter().enumerate() {
            let acc = by_id.of(id);
            if acc.known {
                continue;
            }
            let target = ids[..k].iter().find(|o| {
                !renamed.contains_key(**o)
                    && (acc.forms.iter().chain(std::iter::once(&acc.name)))
                        .any(|f| nicknames::same_person(f, by_id.of(o).name))
            });
            if let Some(&target) = target {
                renamed.insert(id.to_string(), target.to_string());
            }
        }
    }
}

/// One company with and without its legal suffix ("General Motors Corp." in one article,
/// "General Motors" in the next): folded into the bare name, or the gazetteer's.
fn fold_companies(by_id: &Accs, order: &[&str], renamed: &mut FxHashMap<String, String>) {
    let mut by_stem: FxHashMap<&str, Vec<&str>> = FxHashMap::default();
    for &id in order {
        if let Some(acc) = by_id.get(id)
            && acc.kind == ActorKind::Organisation
            && !renamed.contains_key(id)
        {
            let stem = company_stem(acc.name).unwrap_or(acc.name);
            by_stem.entry(stem).or_default().push(id);
        }
    }
    for ids in by_stem.values().filter(|ids| ids.len() >= 2) {
        let known: Vec<&&str> = ids.iter().filter(|id| by_id.of(id).known).collect();
        let target = match known[..] {
            [one] => *one,
            [] => ids
                .iter()
                .find(|id| company_stem(by_id.of(id).name).is_none())
                .unwrap_or(&ids[0]),
            _ => continue,
        };
        for &id in ids {
            if id != target && !by_id.of(id).known {
                renamed.insert(id.to_string(), target.to_string());
            }
        }
    }
}

/// Merges the actors of every article (in article order, so the result is deterministic).
pub fn merge(per_article: &[&ArticleActors]) -> Registry {
    // sized once for every entity, rather than grown push by push
    let entities = per_article.iter().map(|a| a.entities.len()).sum();
    let mut by_id = Accs::with_capacity(entities);
    let mut order: Vec<&str> = Vec::with_capacity(entities);
    for art in per_article {
        for e in &art.entities {
            let acc = by_id.entry(e.id.as_str(), || {
                order.push(e.id.as_str());
                Acc {
                    name: e.name.as_str(),
                    // "Chrysler LLC" is a company whatever recognised it as a person
                    kind: if e.kind == ActorKind::Person && company_stem(&e.name).is_some() {
                        ActorKind::Organisation
                    } else {
                        e.kind
                    },
                    affiliation: None,
                    forms: Vec::with_capacity(e.forms.len()),
                    known: e.known,
                }
            });
            if acc.affiliation.is_none() {
                acc.affiliation = e.affiliation.as_deref();
            }
            for f in &e.forms {
                if !acc.forms.contains(&f.as_str()) {
                    acc.forms.push(f);
                }
            }
        }
    }
    by_id.sort();
    let mut renamed = FxHashMap::default();
    fold_people(&by_id, &order, &mut renamed);
    fold_companies(&by_id, &order, &mut renamed);
    // Lone words ("Jobs", "Kerry") that are the surname of exactly one person elsewhere.
    let mut surnames: FxHashMap<&str, Vec<&str>> = FxHashMap::default();
    for (id, acc) in by_id.iter() {
        if renamed.contains_key(id) {
            continue;
        }
        if acc.kind == ActorKind::Person && acc.name.split_whitespace().count() >= 2 {
            surnames.entry(surname(acc.name)).or_default().push(id);
        }
    }
    for (id, acc) in by_id.iter() {
        if acc.known || acc.name.split_whitespace().count() != 1 {
            continue;
        }
        if let Some(targets) = surnames.get(acc.name)
            && let [target] = &targets[..]
        {
            renamed.insert(id.to_string(), target.to_string());
        }
    }
    rename_acronyms(&by_id, &mut renamed);
    // The names of things, for the folds below, borrowed from `by_id` (which does not change
    // until they are done) rather than copied word by word.
    let mut all_words: Vec<&str> = Vec::new();
    // one id of `order` per actor
    let mut ends: Vec<usize> = Vec::with_capacity(order.len());
    for a in by_id.values() {
        all_words.extend(a.name.split_whitespace());
        ends.push(all_words.len());
    }
    let mut start = 0;
    let names: Vec<Name> = by_id
        .iter()
        .zip(&ends)
        .map(|((id, a), &end)| {
            let words = &all_words[start..end];
            start = end;
            (id, words, a.kind, a.known)
        })
        .collect();
    // Names of things by kind and first and last word (in the order above), and the first by
    // kind and all words: only things are folded below, and a shorter form has two words or
    // more, so only those are filed (and no list is kept where the first one is all that is
    // asked for).
    let mut by_ends: FxHashMap<(ActorKind, &str, &str), Vec<usize>> = FxHashMap::default();
    let mut by_words: FxHashMap<(ActorKind, &[&str]), usize> = FxHashMap::default();
    for (i, (_, words, kind, _)) in names.iter().enumerate() {
        if !is_thing(*kind) {
            continue;
        }
        if words.len() >= 2
            && let (Some(&first), Some(&last)) = (words.first(), words.last())
        {
            by_ends.entry((*kind, first, last)).or_default().push(i);
        }
        by_words.entry((*kind, &words[..])).or_insert(i);
    }
    fold_shorter_forms(&names, &by_ends, &mut renamed);
    // A model written without its maker ("the A380", "the 787 Dreamliner") is the product
    // the texts name in full ("Airbus A380"), when exactly one does.
    for &(id, words, kind, known) in &names {
        if kind != ActorKind::Product || known || renamed.contains_key(id) {
            continue;
        }
        // exactly one: the first two asked for, not all of them gathered in a vector
        let mut full = names
            .iter()
            .filter(|&&(other, ow, ok, _)| {
                other != id
                    && ok == ActorKind::Product
                    && ow.len() == words.len() + 1
                    && ow[1..] == *words
            })
            .map(|&(other, ..)| other);
        if let (Some(one), None) = (full.next(), full.next()) {
            renamed.insert(id.to_string(), one.to_string());
        }
    }
    // Plurals of products and organisations ("iPods", "iPod Touches") are the thing itself.
    // One scratch vector serves every name's singular forms, instead of a copy per form.
    let mut singular: Vec<&str> = Vec::new();
    for &(id, words, kind, known) in &names {
        if !is_thing(kind) || known || renamed.contains_key(id) {
            continue;
        }
        let Some(last) = words.last() else {
            continue;
        };
        let singulars = [last.strip_suffix("es"), last.strip_suffix('s')];
        singular.clear();
        singular.extend_from_slice(words);
        // the first name (in the order above) that is this one with a singular last word
        let target = singulars
            .iter()
            .flatten()
            .filter_map(|&s| {
                *singular.last_mut()? = s;
                by_words.get(&(kind, &singular[..])).copied()
            })
            .min()
            .map(|i| &names[i])
            .filter(|&&(other, ..)| other != id);
        if let Some(&(other, ..)) = target {
            renamed.insert(id.to_string(), other.to_string());
        }
    }
    fold_spellings(&names, &mut renamed);
    let renamed = follow_chains(&renamed);
    let mut moves: Vec<(&String, &String)> = renamed.iter().collect();
    moves.sort();
    for (from, to) in moves {
        if let Some(acc) = by_id.remove(from.as_str())
            && let Some(target) = by_id.get_mut(to.as_str())
        {
            for f in acc.forms.into_iter().chain(std::iter::once(acc.name)) {
                if !target.forms.contains(&f) {
                    target.forms.push(f);
                }
            }
        }
    }
    // one actor per id at most (and the few affiliations added below): sized once, as the
    // ~130-byte actors grown by doubling touched twice their memory
    let mut actors = Vec::with_capacity(order.len());
    for id in order {
        let Some(acc) = by_id.remove(id) else {
            continue;
        };
        let name = display_name(acc.name, acc.kind, &acc.forms);
        let mut aliases: Vec<String> = Vec::new();
        for &f in acc.forms.iter().chain(std::iter::once(&acc.name)) {
            if !f.eq_ignore_ascii_case(&name) && !aliases.iter().any(|a| a.eq_ignore_ascii_case(f))
            {
                aliases.push(f.to_string());
            }
        }
        let affiliation = acc
            .affiliation
            .map(|a| renamed.get(a).cloned().unwrap_or_else(|| a.to_string()))
            .filter(|a| a != id);
        actors.push(Actor {
            id: id.to_string(),
            name,
            kind: acc.kind,
            aliases,
            affiliation,
            mentions: Vec::new(),
        });
    }
    // Affiliations must point at actors that exist.
    let ids: FxHashSet<&str> = actors.iter().map(|a| a.id.as_str()).collect();
    let mut missing = Vec::new();
    for a in &actors {
        if let Some(aff) = &a.affiliation
            && !ids.contains(aff.as_str())
            && !missing.contains(aff)
        {
            missing.push(aff.clone());
        }
    }
    for aff in missing {
        if let Some(entry) = crate::extract::actors::gazetteer::GAZETTEER.by_id(&aff) {
            actors.push(Actor {
                id: aff.clone(),
                name: entry.name.to_string(),
                kind: entry.kind,
                aliases: Vec::new(),
                affiliation: None,
                mentions: Vec::new(),
            });
        } else {
            for a in &mut actors {
                if a.affiliation.as_deref() == Some(aff.as_str()) {
                    a.affiliation = None;
                }
            }
        }
    }
    Registry { actors, renamed }
}

/// An acronym one article uses alone ("GM") for a party another names in full ("General
/// Motors"), when exactly one party's initials spell it. The parties are indexed by their
/// initials once, not scanned for every acronym.
fn rename_acronyms(by_id: &Accs, renamed: &mut FxHashMap<String, String>) {
    // The acronyms written alone, the only spellings asked for below: most articles write
    // none, and then no initials need to be spelt out; else only the initials that spell one
    // are filed, not a new string for every name.
    let acronyms: FxHashSet<&str> = (by_id.values())
        .filter(|acc| !acc.known && super::is_acronym(acc.name))
        .map(|acc| acc.name)
        .collect();
    if acronyms.is_empty() {
        return;
    }
    let mut by_initials: FxHashMap<&str, Vec<&str>> = FxHashMap::default();
    let mut spelt = String::new();
    for (id, o) in by_id.iter() {
        if !super::takes_acronym(o.kind) {
            continue;
        }
        for f in o.forms.iter().chain(std::iter::once(&o.name)) {
            if super::initials_into(f, &mut spelt)
                && let Some(&acronym) = acronyms.get(spelt.as_str())
            {
                let ids = by_initials.entry(acronym).or_default();
                if ids.last() != Some(&id) {
                    ids.push(id);
                }
            }
        }
    }
    for (id, acc) in by_id.iter() {
        if acc.known || renamed.contains_key(id) || !super::is_acronym(acc.name) {
            continue;
        }
        let Some(spelling) = by_initials.get(acc.name) else {
            continue;
        };
        let targets: Vec<&&str> = spelling.iter().filter(|other| **other != id).collect();
        if let [target] = targets[..] {
            renamed.insert(id.to_string(), (*target).to_string());
        }
    }
}

/// Products and organisations written shorter or longer ("iTunes Store", "iTunes Music
/// Store"): the longer goes to the shorter when they begin and end alike and the shorter's
/// words are inside the longer.
///
/// A short form that two longer names could both stand for ("World Organisation" beside
/// "World Health Organisation" and "World Trade Organisation") is ambiguous: neither is
/// folded into it, or two different parties would share one lane.
fn fold_shorter_forms<'a>(
    names: &[Name<'a, '_>],
    by_ends: &FxHashMap<(ActorKind, &str, &str), Vec<usize>>,
    renamed: &mut FxHashMap<String, String>,
) {
    let mut longer: Vec<(&'a str, &'a str)> = Vec::new();
    for &(id, words, kind, known) in names {
        if !is_thing(kind) || known || words.len() < 3 || renamed.contains_key(id) {
            continue;
        }
        let (Some(&first), Some(&last)) = (words.first(), words.last()) else {
            continue;
        };
        let shorter = by_ends
            .get(&(kind, first, last))
            .into_iter()
            .flatten()
            .map(|&i| &names[i])
            .find(|&&(other, ow, _, _)| {
                other != id && ow.len() >= 2 && ow.len() < words.len() && is_inside(ow, words)
            });
        if let Some(&(other, ..)) = shorter {
            longer.push((id, other));
        }
    }
    for &(id, other) in &longer {
        if longer.iter().filter(|(_, o)| *o == other).count() == 1 {
            renamed.insert(id.to_string(), other.to_string());
        }
    }
}

/// Whether the words of `short` appear in `long` in the same order ("iTunes Store" in "iTunes
/// Music Store"; "World Health Organisation" is not in "World Intellectual Property
/// Organisation", though both begin and end alike).
fn is_inside(short: &[&str], long: &[&str]) -> bool {
    let mut rest = long.iter();
    short.iter().all(|w| rest.any(|l| l == w))
}

/// British and American spellings of one organisation or thing ("World Health Organisation",
/// "World Health Organization") are one party: each name goes to the first one (in the order
/// of `names`, by id) that reads the same with "-ise" endings written "-ize".
fn fold_spellings<'a>(names: &[Name<'a, '_>], renamed: &mut FxHashMap<String, String>) {
    // a word with no "is" in it has none of the endings: it is borrowed as it is, not copied
    // three times over
    let american = |words: &[&'a str]| -> Vec<Cow<'a, str>> {
        words
            .iter()
            .map(|&w| {
                // two bytes compared at each place: a substring searcher set up for every
                // word of every thing cost more than the words' own bytes
                if w.as_bytes().windows(2).any(|pair| pair == b"is") {
                    Cow::Owned(
                        w.replace("isation", "ization")
                            .replace("ised", "ized")
                            .replace("ising", "izing"),
                    )
                } else {
                    Cow::Borrowed(w)
                }
            })
            .collect()
    };
    let mut first: FxHashMap<(ActorKind, Vec<Cow<'a, str>>), &str> = FxHashMap::default();
    for &(id, words, kind, _) in names {
        if !is_thing(kind) {
            continue;
        }
        let key = (kind, american(words));
        match first.get(&key) {
            Some(&other) if other != id && !renamed.contains_key(id) => {
                renamed.insert(id.to_string(), other.to_string());
            }
            Some(_) => {}
            None => {
                first.insert(key, id);
            }
        }
    }
}

/// Each rename taken to its end: a name may be renamed to one renamed in turn ("HIV" → "H1N1
/// Influenza Virus" → "H1N1 Virus"), and stopping half-way left events on an actor that no
/// longer exists and, read in hash order, made the merged aliases differ from run to run. A
/// rename that comes back to its own name (a loop) is dropped.
fn follow_chains(renamed: &FxHashMap<String, String>) -> FxHashMap<String, String> {
    renamed
        .iter()
        .filter_map(|(from, first)| {
            let mut to = first;
            for _ in 0..renamed.len() {
                match renamed.get(to) {
                    Some(next) if next != from => to = next,
                    Some(_) => return None,
                    None => break,
                }
            }
            (to != from).then(|| (from.clone(), to.clone()))
        })
        .collect()
}

/// Organisations, products and other named things, whose names news writes longer, shorter
/// or in the plural.
fn is_thing(kind: ActorKind) -> bool {
    matches!(
        kind,
        ActorKind::Organisation | ActorKind::Product | ActorKind::Other
    )
}

/// The name a lane shows: for a person the fullest form the texts used, else the table name.
fn display_name(name: &str, kind: ActorKind, forms: &[&str]) -> String {
    if kind == ActorKind::Person {
        let best = forms
            .iter()
            .filter(|f| f.split_whitespace().count() >= 2 && !f.contains('\''))
            .max_by_key(|f| f.split_whitespace().count() * 100 + f.len());
        if let Some(b) = best {
            return (*b).to_string();
        }
    }
    name.to_string()
}

/// Legal suffixes of company names.
const COMPANY_SUFFIXES: &[&str] = &[
    "Corp",
    "Corporation",
    "Inc",
    "Incorporated",
    "Co",
    "Company",
    "Ltd",
    "Limited",
    "LLC",
    "Plc",
    "PLC",
    "plc",
    "AG",
    "SA",
    "S.A",
    "NV",
    "N.V",
    "SE",
    "GmbH",
    "Holdings",
];

/// The name without its legal suffix ("General Motors" for "General Motors Corp.", "Apple" for
/// "Apple, Inc."), if it has one and something is left.
fn company_stem(name: &str) -> Option<&str> {
    let trimmed = name.trim_end_matches('.');
    let (stem, last) = trimmed.rsplit_once(' ')?;
    if !COMPANY_SUFFIXES.contains(&last) {
        return None;
    }
    let stem = stem.trim_end_matches([',', ' ']);
    (!stem.is_empty()).then_some(stem)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::actors::LocalEntity;

    fn article(id: &str, name: &str) -> ArticleActors {
        ArticleActors {
            entities: vec![LocalEntity {
                id: id.into(),
                name: name.into(),
                kind: ActorKind::Other,
                affiliation: None,
                forms: vec![name.into()],
                roles: Vec::new(),
                known: false,
            }],
            mentions: Vec::new(),
        }
    }

    /// One article naming one organisation.
    fn organisation(id: &str, name: &str) -> ArticleActors {
        let mut a = article(id, name);
        a.entities[0].kind = ActorKind::Organisation;
        a
    }

    #[test]
    fn a_rename_of_a_renamed_name_reaches_the_last_one_every_time() {
        // "HIV" spells "H1N1 Influenza Virus", which is a longer "H1N1 Virus"
        let articles = [
            article("h1n1-virus", "H1N1 Virus"),
            article("h1n1-influenza-virus", "H1N1 Influenza Virus"),
            article("hiv", "HIV"),
        ];
        let refs: Vec<&ArticleActors> = articles.iter().collect();
        let first = merge(&refs);
        assert_eq!(first.resolve("hiv"), "h1n1-virus");
        assert_eq!(first.resolve("h1n1-influenza-virus"), "h1n1-virus");
        assert_eq!(first.actors.len(), 1);
        assert_eq!(first.actors[0].aliases, ["H1N1 Influenza Virus", "HIV"]);
        for _ in 0..20 {
            assert_eq!(merge(&refs).actors, first.actors);
        }
    }

    #[test]
    fn a_short_form_two_longer_names_fit_is_neither_of_them() {
        let one = [
            organisation("store", "Music Store"),
            organisation("music-world-store", "Music World Store"),
        ];
        let refs: Vec<&ArticleActors> = one.iter().collect();
        assert_eq!(merge(&refs).actors.len(), 1, "one longer form folds in");

        let two = [
            organisation("world-organisation", "World Organisation"),
            organisation("world-health-organisation", "World Health Organisation"),
            organisation("world-trade-organisation", "World Trade Organisation"),
        ];
        let refs: Vec<&ArticleActors> = two.iter().collect();
        let merged = merge(&refs);
        let mut names: Vec<&str> = merged.actors.iter().map(|a| a.name.as_str()).collect();
        names.sort_unstable();
        assert_eq!(
            names,
            [
                "World Health Organisation",
                "World Organisation",
                "World Trade Organisation"
            ]
        );
    }

    #[test]
    fn names_that_only_begin_and_end_alike_stay_apart() {
        let articles = [
            organisation("harbour-authority", "Harbour Port Authority"),
            organisation(
                "harbour-transit-authority",
                "Harbour City Transit Authority",
            ),
        ];
        let refs: Vec<&ArticleActors> = articles.iter().collect();
        assert_eq!(merge(&refs).actors.len(), 2);
    }

    #[test]
    fn british_and_american_spellings_are_one_organisation() {
        let articles = [
            organisation("tariff-organization", "Tariff Organization"),
            organisation("tariff-organisation", "Tariff Organisation"),
            organisation("tariff-organisers", "Tariff Organisers"),
        ];
        let refs: Vec<&ArticleActors> = articles.iter().collect();
        let merged = merge(&refs);
        assert_eq!(
            merged.resolve("tariff-organisation"),
            merged.resolve("tariff-organization")
        );
        assert_eq!(merged.resolve("tariff-organisers"), "tariff-organisers");
        assert_eq!(merged.actors.len(), 2);
    }

    #[test]
    fn a_legal_suffix_comes_off_a_company_name() {
        assert_eq!(company_stem("General Motors Corp."), Some("General Motors"));
        assert_eq!(company_stem("Apple, Inc."), Some("Apple"));
        assert_eq!(company_stem("Chrysler LLC"), Some("Chrysler"));
        assert_eq!(company_stem("General Motors"), None);
        assert_eq!(company_stem("Co"), None);
    }
}
