//! References back to actors already named in the article: surnames and first names
//! ("Lavrov", "Steve"), pronouns at the start of a sentence ("He said ..."), and definite
//! descriptions the article makes unambiguous ("the Syrian president", "the ministry").

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::FxHashMap;

use super::lexicon::LEXICON;
use super::names::strip_particle;
use super::titles::{is_not_single_name, role_family};
use super::{Builder, How, initials_into, is_acronym, slug, takes_acronym};
use crate::extract::actors::gazetteer::GAZETTEER;
use crate::extract::eight_bytes::find_byte;
use crate::model::ActorKind;

mod description;
mod expletive;
mod fitting;
mod pronoun;
mod seen;

use description::descriptions;
use expletive::{is_expletive, opens_with_it};
use fitting::{Fitting, NamesRead};
use pronoun::{find_opening_pronoun, find_pronoun};
use seen::Seen;

/// Resolves lone capitalised words: a person's surname or first name, else (when it acts) an
/// organisation such as a news agency or a company.
pub(crate) fn resolve_singles(b: &mut Builder) {
    let singles = std::mem::take(&mut b.singles);
    let people = PeopleIndex::new(b);
    let acronyms = AcronymIndex::new(b);
    let makers = makers(b);
    let mut waiting = Vec::new();
    for s in singles {
        let Some(word) = b.text.get(s.range.clone()) else {
            continue;
        };
        if is_not_single_name(word) {
            continue;
        }
        // "GM" after "General Motors", "(UAW)" after "United Auto Workers"
        if is_acronym(word)
            && let Some(e) = acronyms.expanded(word)
        {
            b.mention(e, s.range.clone(), s.sentence, How::Name);
            continue;
        }
        if let Some(e) = people.person(word) {
            b.mention(e, s.range.clone(), s.sentence, How::Name);
            continue;
        }
        // "Airbus delivered ..." in an article about the "Airbus A380": the maker
        if let Some(&product) = makers.get(word) {
            let e = b.entity(&slug(word), word, ActorKind::Organisation, None, false);
            if b.entities[e].kind == ActorKind::Organisation {
                if b.entities[product].affiliation.is_none() {
                    b.entities[product].affiliation = Some(b.entities[e].id.clone());
                }
                b.mention(e, s.range.clone(), s.sentence, How::Name);
                continue;
            }
        }
        let common = b.lower_words.contains_lower_case_of(word);
        // "Wolfowitz said", "thanks, Jo": what the recogniser read the word as, when no
        // party of the article explains it.
        if let Some(kind) = s.recognised
            && !(common && s.sentence_initial)
        {
            let e = b.entity(&slug(word), word, kind, None, false);
            b.mention(e, s.range, s.sentence, How::Name);
            continue;
        }
        if common || GAZETTEER.is_given_name(word) {
            continue;
        }
        if s.unrecognised {
            continue;
        }
        if s.acts && !(s.sentence_initial && word.len() < 3) {
            let e = b.entity(&slug(word), word, ActorKind::Organisation, None, false);
            b.mention(e, s.range, s.sentence, How::Name);
        } else {
            waiting.push(s);
        }
    }
    // A name seen acting once, or written mid-sentence twice, is the same body elsewhere
    // ("Airbus said ..." then "orders for Airbus").
    let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
    for s in waiting.iter().filter(|s| !s.sentence_initial) {
        if let Some(word) = b.text.get(s.range.clone()) {
            *counts.entry(word).or_default() += 1;
        }
    }
    for s in waiting {
        let Some(word) = b.text.get(s.range.clone()) else {
            continue;
        };
        let id = slug(word);
        // Ids are unique (`Builder::entity` keeps them so): a look-up, not a scan of every entity.
        let known = b
            .index
            .get(&id)
            .copied()
            .filter(|&e| b.entities[e].kind == ActorKind::Organisation);
        let e = match known {
            Some(e) => e,
            None if counts.get(word).copied().unwrap_or(0) >= 2 && word.len() >= 3 => {
                b.entity(&id, word, ActorKind::Organisation, None, false)
            }
            None => continue,
        };
        b.mention(e, s.range, s.sentence, How::Name);
    }
}

/// Products named "Maker Model" ("Airbus A380", "Boeing 787 Dreamliner": a capitalised first
/// word, then a model designation with a digit), by their first word: that word alone names
/// the maker, not the product.
fn makers(b: &Builder) -> FxHashMap<String, usize> {
    let mut out = FxHashMap::default();
    for (i, e) in b.entities.iter().enumerate() {
        if e.kind != ActorKind::Product {
            continue;
        }
        let mut words = e.name.split_whitespace();
        let (Some(first), Some(model)) = (words.next(), words.next()) else {
            continue;
        };
        if first.starts_with(|c: char| c.is_uppercase())
            && first.chars().all(char::is_alphabetic)
            && model.chars().any(|c| c.is_ascii_digit())
        {
            out.entry(first.to_string()).or_insert(i);
        }
    }
    out
}

/// The article's organisations (and groups, indices, countries) by the initials of each of
/// their names, built once per article so a lone acronym is a look-up, not a scan. The lone
/// words resolved after it is built add no name of several words, so it stays complete.
struct AcronymIndex {
    by_initials: FxHashMap<String, Vec<usize>>,
}

impl AcronymIndex {
    fn new(b: &Builder) -> Self {
        let mut by_initials: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        // the initials spelt into one buffer, copied only for a key not seen before
        let mut key = String::new();
        for (i, e) in b.entities.iter().enumerate() {
            if !takes_acronym(e.kind) {
                continue;
            }
            for form in e.forms.iter().chain(std::iter::once(&e.name)) {
                if !initials_into(form, &mut key) {
                    continue;
                }
                match by_initials.get_mut(key.as_str()) {
                    Some(entities) if entities.last() == Some(&i) => {}
                    Some(entities) => entities.push(i),
                    None => {
                        by_initials.insert(key.clone(), vec![i]);
                    }
                }
            }
        }
        Self { by_initials }
    }

    /// The one entity whose initials spell `acronym`.
    fn expanded(&self, acronym: &str) -> Option<usize> {
        match self.by_initials.get(acronym)?.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }
}

/// The one person of the article whose surname or first name is `word`.
/// People by each word of their names, with how often the article names each, built once per
/// article so resolving many lone words stays linear.
struct PeopleIndex {
    by_part: FxHashMap<String, Vec<usize>>,
    named: Vec<usize>,
}

impl PeopleIndex {
    fn new(b: &Builder) -> Self {
        let mut by_part: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (i, e) in b.entities.iter().enumerate() {
            if e.kind != ActorKind::Person {
                continue;
            }
            for part in e
                .forms
                .iter()
                .chain(std::iter::once(&e.name))
                .flat_map(|f| f.split_whitespace())
                .map(strip_particle)
            {
                let list = by_part.entry(part.to_string()).or_default();
                if !list.contains(&i) {
                    list.push(i);
                }
            }
        }
        let mut named = vec![0; b.entities.len()];
        for m in &b.mentions {
            named[m.entity] += 1;
        }
        Self { by_part, named }
    }

    /// The one person whose name has `word` in it; when several do ("Steve Jobs", "Steve
    /// Ballmer"), the one the article names most often, if one stands out.
    fn person(&self, word: &str) -> Option<usize> {
        let list = self.by_part.get(word)?;
        let mut candidates: Vec<(usize, usize)> =
            list.iter().map(|&i| (self.named[i], i)).collect();
        candidates.sort_unstable_by(|a, b| b.cmp(a));
        match candidates[..] {
            [] => None,
            [(_, one)] => Some(one),
            [(first, one), (second, _), ..] => (first > second).then_some(one),
        }
    }
}

/// Nouns that describe a person by office; they resolve to the one person of the article who
/// holds an office of that family (and nationality, when one is written).
const OFFICE_NOUNS: &[&str] = &[
    "president",
    "leader",
    "prime minister",
    "foreign minister",
    "minister",
    "chancellor",
    "king",
    "spokesman",
    "spokeswoman",
];

/// "the [adjective] [Nationality] noun", with the nouns of offices, "ministry", and every
/// description noun of the lexicon ("the carmaker", "the Syrian capital").
static DESCRIPTION: LazyLock<Regex> = LazyLock::new(|| {
    let alternatives: Vec<String> = description_nouns()
        .iter()
        .map(|n| regex::escape(n))
        .collect();
    Regex::new(&format!(
        r"\b[Tt]he (?:[a-z]+ )?(?:([A-Z][a-z]+) )?({})\b",
        alternatives.join("|")
    ))
    .unwrap_or_else(|_| unreachable!("the nouns are escaped"))
});

/// The nouns [`DESCRIPTION`] ends with: those of offices, "ministry", and every description
/// noun of the lexicon, longest first, so "prime minister" wins over "minister".
fn description_nouns() -> Vec<&'static str> {
    let mut nouns: Vec<&'static str> = OFFICE_NOUNS.to_vec();
    nouns.push("ministry");
    nouns.extend(LEXICON.description_nouns());
    nouns.sort_by_key(|n| std::cmp::Reverse(n.len()));
    nouns
}

/// [`description_nouns`] by their first byte, for [`next_description_at`]; `None` when a noun
/// is empty (then any "the" may start a description, and every sentence is searched).
static NOUNS_BY_FIRST_BYTE: LazyLock<Option<Vec<Vec<&'static str>>>> = LazyLock::new(|| {
    let mut by_first = vec![Vec::new(); 256];
    for noun in description_nouns() {
        by_first[usize::from(*noun.as_bytes().first()?)].push(noun);
    }
    Some(by_first)
});

/// Per first byte of the [`description_nouns`], the second bytes they go on with, as bit
/// `second % 64` of a number (all bits for a noun of one byte): a word whose second byte's bit
/// is clear starts no noun, and [`next_description_at`] tells so without comparing it with
/// each noun of its first byte.
static NOUN_SECOND_BYTES: LazyLock<[u64; 256]> = LazyLock::new(|| {
    let mut seconds = [0u64; 256];
    for noun in description_nouns() {
        if let Some(&first) = noun.as_bytes().first() {
            seconds[usize::from(first)] |= noun.as_bytes().get(1).map_or(!0, |&c| 1 << (c & 63));
        }
    }
    seconds
});

/// The first place at or after `from` where [`DESCRIPTION`] can match in `sentence`: a "the "
/// or "The " followed, as the first, second or third space-separated piece after it, by the
/// start of a description noun. Every match has that shape ("the " + at most a lower-case word
/// and a capitalised one, each ending at the next space, + the noun), so no match starts
/// anywhere else; these are the candidate starts `description::descriptions` reads, and
/// none is read once none is left.
fn next_description_at(sentence: &str, from: usize) -> Option<usize> {
    let Some(by_first) = NOUNS_BY_FIRST_BYTE.as_ref() else {
        return (from <= sentence.len()).then_some(from);
    };
    let bytes = sentence.as_bytes();
    let second_bytes = &*NOUN_SECOND_BYTES;
    let noun_at = |q: usize| {
        bytes.get(q).is_some_and(|&b| {
            let first = usize::from(b);
            // most words after "the" start as no noun does: told by their second byte
            let may = bytes
                .get(q + 1)
                .is_none_or(|&c| second_bytes[first] & 1 << (c & 63) != 0);
            may && by_first[first]
                .iter()
                .any(|n| bytes[q..].starts_with(n.as_bytes()))
        })
    };
    // the piece after the one starting at `q`: just past the next space
    let next_piece = |q: usize| {
        bytes
            .get(q..)
            .and_then(|rest| rest.iter().position(|&b| b == b' '))
            .map(|k| q + k + 1)
    };
    // the "h" of a "the" starting at or after `from`
    let mut after = from + 1;
    while let Some(h) = find_byte(bytes, after, b'h') {
        after = h + 1;
        let the = matches!(bytes[h - 1], b'T' | b't')
            && bytes.get(h + 1..h + 3) == Some(b"e ".as_slice());
        if !the {
            continue;
        }
        let q0 = h + 3;
        if noun_at(q0) {
            return Some(h - 1);
        }
        let Some(q1) = next_piece(q0) else {
            continue;
        };
        if noun_at(q1) || next_piece(q1).is_some_and(noun_at) {
            return Some(h - 1);
        }
    }
    None
}

/// Pronouns and definite descriptions, resolved against what earlier sentences named.
pub(crate) fn resolve_references(b: &mut Builder, sentences: &[Range<usize>]) {
    // (room for a reference per sentence up front: more is rare, and a list grown by doubling
    // touches fresh pages twice its size)
    let mut added = Vec::with_capacity(sentences.len());
    let seen = Seen::new(b, sentences.len());
    let mut fitting = FxHashMap::default();
    // the entities do not change until the loop ends, so each office's holder is found once
    let mut holders = FxHashMap::default();
    // what the fitting of descriptions reads in the entities' names, each read once
    let mut names_read = NamesRead::new(b.entities.len());
    // The first person named in the latest sentence before this one that names one.
    let mut last_person: Option<usize> = None;
    for (si, s) in sentences.iter().enumerate() {
        let before = last_person;
        if let Some(&e) = seen.first_person.get(si).and_then(Option::as_ref) {
            last_person = Some(e);
        }
        let Some(sentence) = b.text.get(s.clone()) else {
            continue;
        };
        let trimmed_at = sentence.len() - sentence.trim_start_matches(['"', '\'', '“', ' ']).len();
        // the patterns below are run only where they can match: a regex search costs far more
        // than these tests, and most sentences start otherwise or follow no person
        let opening = &sentence[trimmed_at..];
        if opens_with_it(opening)
            && !is_expletive(opening)
            && let Some(e) = subject_of(b, &seen, sentences, si.wrapping_sub(1))
        {
            let start = s.start + trimmed_at;
            added.push((e, start..start + "It".len(), si, How::Pronoun));
        }
        let names_a_person = seen.in_sentence(si).any(|i| {
            let m = &b.mentions[i];
            m.how == How::Name && b.entities[m.entity].kind == ActorKind::Person
        });
        // in a sentence that names a person only a pronoun opening it counts
        let pronoun_in = if names_a_person {
            find_opening_pronoun
        } else {
            find_pronoun
        };
        if let Some(e) = before
            && let Some((at, len)) = pronoun_in(opening)
        {
            let start = s.start + trimmed_at + at;
            added.push((e, start..start + len, si, How::Pronoun));
        }
        for found in descriptions(sentence) {
            let range = s.start + found.whole.start..s.start + found.whole.end;
            if seen.overlaps_a_name(&range) {
                continue;
            }
            let nationality = found.nationality.and_then(|r| sentence.get(r));
            let country = nationality
                .and_then(|d| GAZETTEER.lookup(d))
                .map(|e| GAZETTEER.entry(e).id.to_string());
            if nationality.is_some() && country.is_none() {
                continue;
            }
            let Some(noun) = sentence.get(found.noun) else {
                continue;
            };
            let target = if noun == "ministry" {
                last_entity_before(&seen.ministries, range.start)
            } else if let Some(d) = LEXICON.description(noun) {
                let key = (noun.to_string(), country.clone());
                let fit = fitting.entry(key).or_insert_with(|| {
                    Fitting::new(b, &seen, d, country.as_deref(), &mut names_read)
                });
                fit.nearest_before(&seen, range.start)
            } else {
                let family = noun.split(' ').next_back().and_then(role_family);
                *holders
                    .entry((country.clone(), family))
                    .or_insert_with(|| unique_person(b, country.as_deref(), family))
            };
            if let Some(e) = target {
                added.push((e, range, si, How::Description));
            }
        }
    }
    for (e, range, si, how) in added {
        b.mention(e, range, si, how);
    }
}

/// The organisation or product a sentence is about: its first named actor when that opens
/// the sentence (within its first few words).
fn subject_of(b: &Builder, seen: &Seen, sentences: &[Range<usize>], si: usize) -> Option<usize> {
    let sentence = sentences.get(si)?;
    let m = seen
        .in_sentence(si)
        .map(|i| &b.mentions[i])
        .filter(|m| m.how != How::Descriptor)
        .min_by_key(|m| m.range.start)?;
    let lead = b.text.get(sentence.start..m.range.start)?;
    let ent = &b.entities[m.entity];
    let thing = matches!(
        ent.kind,
        ActorKind::Organisation | ActorKind::Group | ActorKind::Product | ActorKind::Other
    );
    (thing && lead.split_whitespace().count() <= 4).then_some(m.entity)
}

/// The entity of the mention in `kind` (sorted by end, then order) that ends last at or
/// before `before`; of several ending there, the latest found.
fn last_entity_before(kind: &[(usize, usize, usize)], before: usize) -> Option<usize> {
    let upto = kind.partition_point(|&(end, _, _)| end <= before);
    upto.checked_sub(1).map(|k| kind[k].2)
}

/// The only person of the article from `country` with a role of `family`.
fn unique_person(b: &Builder, country: Option<&str>, family: Option<&str>) -> Option<usize> {
    let family = family?;
    let mut found = None;
    for (i, e) in b.entities.iter().enumerate() {
        if e.kind != ActorKind::Person || !e.roles.contains(&family) {
            continue;
        }
        if country.is_some() && e.affiliation.as_deref() != country {
            continue;
        }
        if found.is_some() {
            return None;
        }
        found = Some(i);
    }
    found
}

#[cfg(test)]
mod tests {
    use crate::extract::actors::find;
    use crate::extract::sentences;

    /// The text of every mention of the entity named `name`.
    fn mentions_of(text: &str, name: &str) -> Vec<String> {
        let found = find(text, &sentences::split(text, 0..text.len()));
        let Some(e) = found.entities.iter().position(|e| e.name == name) else {
            panic!("no {name} in {:?}", found.entities);
        };
        found
            .mentions
            .iter()
            .filter(|m| m.entity == e)
            .map(|m| text[m.range.clone()].to_string())
            .collect()
    }

    #[test]
    fn acronyms_and_sector_descriptions_refer_to_the_party_they_stand_for() {
        let text = "General Motors and the United Auto Workers reached a deal on Monday. \
                    GM said the UAW had accepted cuts. The carmaker expects savings.";
        let gm = mentions_of(text, "General Motors");
        assert!(gm.contains(&"GM".to_string()), "{gm:?}");
        assert!(gm.contains(&"The carmaker".to_string()), "{gm:?}");
        let uaw = mentions_of(text, "United Auto Workers");
        assert!(uaw.contains(&"UAW".to_string()), "{uaw:?}");
    }
}
