//! The statistical recogniser's names ([`crate::extract::nlp::ner`]) fed into actor finding,
//! after the gazetteer and the shape rules have read the sentence: a name the rules missed
//! becomes an actor of the recogniser's kind ("Doug Daniels said" is a person though "Doug" is
//! on no list; "Airbus A380" a product), while a name the gazetteer or the rules already
//! placed keeps their reading, because they know canonical names and affiliations.

use std::ops::Range;

use super::gazetteer::{GAZETTEER, GazMatch};
use super::names::person;
use super::tokens::{self, is_product};
use super::{Builder, How, Single, slug};
use crate::extract::nlp::ner::{EntType, RECOGNISER};
use crate::model::ActorKind;

/// The actor kind of a recognised name, or `None` when it makes no actor. The one place the
/// recogniser's types meet the actor kinds.
///
/// A location the gazetteer knows as a country is that country; any other location (a city, a
/// region) is a place of its own, never merged into a country. Other names (products, indices,
/// events, programmes) are named things the news follows.
pub(crate) fn actor_kind(ty: EntType, country: bool) -> Option<ActorKind> {
    match ty {
        EntType::Per => Some(ActorKind::Person),
        EntType::Org => Some(ActorKind::Organisation),
        EntType::Loc if country => Some(ActorKind::Country),
        EntType::Loc => Some(ActorKind::Place),
        EntType::Misc => Some(ActorKind::Other),
    }
}

/// Adds the recogniser's names in sentence `si` (`range`, already cut into `words` by the
/// rules) that the mentions from `first_mention` on do not already cover.
pub(crate) fn add(
    b: &mut Builder,
    si: usize,
    range: Range<usize>,
    words: &[tokens::Word],
    gaz: &[GazMatch],
    first_mention: usize,
) {
    let Some(rec) = RECOGNISER.as_ref() else {
        return;
    };
    let text = b.text;
    // The models cost far more than the rules: run them only where the rules left a name
    // unread — a capitalised word that no gazetteer name covers, or a name the rules could
    // only guess from its shape.
    let mentions = &b.mentions[first_mention..];
    let guessed = mentions.iter().any(|m| !b.entities[m.entity].known);
    // The first word counts only when the article never writes it in lower case ("Lisa
    // called", not "The" or "Yesterday"). Asked only when nothing was guessed, and the
    // lower-cased copy of the first word made only when no mention covers it.
    let unread = || {
        words.iter().enumerate().any(|(k, w)| {
            w.cap
                && !mentions
                    .iter()
                    .any(|m| m.range.start <= w.range.start && w.range.end <= m.range.end)
                && (k > 0 || !b.lower_words.contains_lower_case_of(&text[w.range.clone()]))
        })
    };
    if !guessed && !unread() {
        return;
    }
    // The words the rules' scan read as plain chunks spare the recogniser's tokenizer its
    // second reading of them.
    let plain = words
        .iter()
        .filter_map(|w| w.plain.map(|p| (w.range.clone(), p)));
    let found = rec.recognise_known(text, range, plain, gaz);
    // A lone capitalised word the rules could only guess from its shape, written in lower
    // case in most running text ("Section", "Team", "Service"), is no party when the
    // recogniser read the sentence and found no name there.
    let start = b.singles_start(si);
    for s in &mut b.singles[start..] {
        s.unrecognised = !found
            .iter()
            .any(|e| e.range.start < s.range.end && s.range.start < e.range.end)
            && rec.casing.usually_lower(&text[s.range.clone()]);
    }
    if found.is_empty() {
        return;
    }
    for e in found {
        let mut r = e.range.clone();
        // ".Steve Jobs" where a space went missing after a full stop.
        while let Some(c) = text[r.clone()]
            .chars()
            .next()
            .filter(|c| !c.is_alphanumeric())
        {
            r.start += c.len_utf8();
        }
        for article in ["The ", "the "] {
            if text[r.clone()].starts_with(article) && r.len() > article.len() {
                r.start += article.len();
            }
        }
        // A name starts on a capitalised word or a number, not on "in" in "in Vienna" or
        // "that" in "that Moscow" (a product such as "iPhone" keeps its lower-case i).
        while let Some(w) = words_within(words, &r).first() {
            let t = &text[w.range.clone()];
            if !t.starts_with(char::is_lowercase) || is_product(t) {
                break;
            }
            r.start = words
                .get(words.partition_point(|n| n.range.start < w.range.end))
                .map_or(r.end, |n| n.range.start.min(r.end));
        }
        // A name ends on a capitalised word or a number, not on "rose" in "... Average rose".
        while let Some(w) = words_within(words, &r).last() {
            let t = &text[w.range.clone()];
            if t.starts_with(char::is_lowercase) && !is_product(t) && w.range.start > r.start {
                r.end = words[..w.index]
                    .iter()
                    .rfind(|p| p.range.end <= w.range.start)
                    .map_or(r.start, |p| p.range.end.max(r.start));
            } else {
                break;
            }
        }
        if r.is_empty() {
            continue;
        }
        let overlaps = |x: &Range<usize>| x.start < r.end && r.start < x.end;
        // "Airbus A380", "Dow Jones Industrial Average": a named thing that contains its
        // maker's name is a lane of its own besides the maker.
        let contains_known = e.ty == EntType::Misc
            && text[r.clone()].contains(' ')
            && b.mentions[first_mention..]
                .iter()
                .filter(|m| overlaps(&m.range))
                .all(|m| {
                    m.range.start >= r.start && m.range.end <= r.end && m.range.len() < r.len()
                });
        if contains_known {
            let name = &text[r.clone()];
            if let Some(kind) = actor_kind(e.ty, false) {
                let id = b.entity(&slug(name), name, kind, None, false);
                b.mention(id, r, si, How::Name);
            }
            continue;
        }
        if let Some(m) = b.mentions[first_mention..]
            .iter()
            .find(|m| overlaps(&m.range))
        {
            // "Doug Daniels said": the shape rules guessed an organisation from the verb.
            let ent = &mut b.entities[m.entity];
            if e.ty == EntType::Per
                && m.range == r
                && !ent.known
                && ent.kind == ActorKind::Organisation
                && ent.forms.len() <= 1
            {
                ent.kind = ActorKind::Person;
            }
            continue;
        }
        if gaz.iter().any(|g| overlaps(&g.range)) {
            continue;
        }
        let name = &text[r.clone()];
        let span = words_within(words, &r);
        if span.is_empty() || !name.chars().any(char::is_uppercase) {
            continue;
        }
        if super::titles::is_file_name(name) {
            continue;
        }
        // "Norwegian", "Iraqis": a nationality word describes people; it names no party.
        if span.len() == 1
            && (GAZETTEER.is_demonym(name)
                || name
                    .strip_suffix('s')
                    .is_some_and(|n| GAZETTEER.is_demonym(n)))
        {
            continue;
        }
        // A lone word of another kind ("German", "Olympics") describes more than it names.
        if e.ty == EntType::Misc
            && span.len() < 2
            && !name.contains(|c: char| c.is_ascii_digit())
            && !is_product(name)
        {
            continue;
        }
        let country = GAZETTEER
            .lookup(name)
            .filter(|&k| GAZETTEER.kind(k) == ActorKind::Country);
        let Some(kind) = actor_kind(e.ty, country.is_some()) else {
            continue;
        };
        // A lone word as a person is left to the rules: a surname of someone already named
        // (coreference ties it), or too thin to open a lane on ("Macintosh"). A first name on
        // the given-name list is the exception ("Lisa said she would call"): it is a person
        // of its own unless someone named so far has it, whom coreference then ties it to.
        if kind == ActorKind::Person
            && span.len() == 1
            && (!GAZETTEER.is_given_name(name) || first_name_taken(b, name))
        {
            wait_for_article(b, si, &r, words, kind);
            continue;
        }
        // A lone acronym ("GM", "UAW") is left to the rules too: they tie it to the party whose
        // initials it spells ("General Motors") once the whole article is read.
        if span.len() == 1 && super::is_acronym(name) {
            wait_for_article(b, si, &r, words, kind);
            continue;
        }
        // The recogniser's reading replaces this sentence's lone-word guesses waiting for the
        // article's end.
        let start = b.singles_start(si);
        let mut tail = b.singles.split_off(start);
        tail.retain(|s| !(s.range.start >= r.start && s.range.end <= r.end));
        b.singles.append(&mut tail);
        match (kind, country) {
            (ActorKind::Person, _) => {
                person(b, si, span, None, None);
            }
            (ActorKind::Country, Some(k)) => {
                let entry = GAZETTEER.entry(k);
                let id = b.entity(
                    entry.id,
                    entry.name,
                    entry.kind,
                    entry.affiliation.map(String::from),
                    true,
                );
                b.mention(id, r, si, How::Name);
            }
            (kind, _) => {
                let id = b.entity(&slug(name), name, kind, None, false);
                b.mention(id, r, si, How::Name);
            }
        }
    }
}

/// The words of the sentence's `words` that lie within `r`. The words are in text order and
/// do not overlap, so their starts and their ends both ascend, and those within `r` are one
/// run of them, found by two binary searches.
fn words_within<'w>(words: &'w [tokens::Word], r: &Range<usize>) -> &'w [tokens::Word] {
    let from = words.partition_point(|w| w.range.start < r.start);
    let len = words[from..].partition_point(|w| w.range.end <= r.end);
    &words[from..from + len]
}

/// Leaves the lone word `r` to be resolved once the article is read, with the recogniser's
/// `kind` as its reading should nothing in the article explain it.
fn wait_for_article(
    b: &mut Builder,
    si: usize,
    r: &Range<usize>,
    words: &[tokens::Word],
    kind: ActorKind,
) {
    let start = b.singles_start(si);
    if let Some(s) = b.singles[start..].iter_mut().find(|s| s.range == *r) {
        s.recognised = Some(kind);
        return;
    }
    b.singles.push(Single {
        range: r.clone(),
        sentence: si,
        acts: false,
        sentence_initial: words.first().is_some_and(|w| w.range.start == r.start),
        recognised: Some(kind),
        unrecognised: false,
    });
}

/// Whether a person already found in the article goes by the first name `given`.
fn first_name_taken(b: &Builder, given: &str) -> bool {
    // A first word (before the first space) is never `given` when `given` holds a space.
    if given.contains(' ') {
        return false;
    }
    b.entities.iter().any(|e| {
        e.kind == ActorKind::Person
            && e.forms
                .iter()
                .chain([&e.name])
                .any(|f| first_word_is(f, given))
    })
}

/// Whether the first word of `form` (up to its first space) is `given`, which holds no space:
/// `form.split(' ').next() == Some(given)`, asked of every form of every person in the article
/// for each lone first name, so the byte after the word is tested before the word is compared
/// (a splitter per form cost about 70k instructions a call on TimeBank).
fn first_word_is(form: &str, given: &str) -> bool {
    let (f, g) = (form.as_bytes(), given.as_bytes());
    match f.get(g.len()) {
        None => f == g,
        Some(&b' ') => &f[..g.len()] == g,
        Some(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::actors::find;
    use crate::extract::sentences;
    use crate::model::ActorKind;

    fn actors(text: &str) -> Vec<(String, ActorKind)> {
        let s = sentences::split(text, 0..text.len());
        find(text, &s)
            .entities
            .into_iter()
            .map(|e| (e.name, e.kind))
            .collect()
    }

    #[test]
    fn a_first_word_is_what_splitting_at_the_first_space_gives() {
        for form in [
            "Lisa",
            "Lisa Brennan",
            "Lisabeth Brennan",
            "Lis",
            "",
            " Lisa",
            "Lisa ",
        ] {
            for given in ["Lisa", "Lis", ""] {
                assert_eq!(
                    super::first_word_is(form, given),
                    form.split(' ').next() == Some(given),
                    "{form:?} {given:?}"
                );
            }
        }
    }

    #[test]
    fn a_person_is_found_though_no_list_knows_the_first_name() {
        let found = actors("Revenue fell for a third quarter, Doug Daniels said on Tuesday.");
        assert!(
            found.contains(&("Doug Daniels".to_string(), ActorKind::Person)),
            "{found:?}"
        );
    }

    #[test]
    fn a_lone_first_name_is_a_person_unless_someone_named_has_it() {
        let found =
            actors("Thanks for the notes, and tomorrow Lisa will send the contract to the office.");
        assert!(
            found.contains(&("Lisa".to_string(), ActorKind::Person)),
            "{found:?}"
        );
        // At the start of a sentence too, when the article never writes it in lower case.
        let found = actors("Thanks for the notes. Lisa will send the contract to the office.");
        assert!(
            found.contains(&("Lisa".to_string(), ActorKind::Person)),
            "{found:?}"
        );
        let found = actors(
            "Lisa Brennan chaired the meeting on Monday. Later, Lisa will send the contract.",
        );
        assert!(!found.iter().any(|(n, _)| n == "Lisa"), "{found:?}");
    }

    #[test]
    fn a_name_never_starts_on_a_lower_case_word() {
        let found = actors(
            "Ministers met in Vienna on Friday, and the envoy said that Moscow would attend \
             the next round in Geneva with officials from Tehran.",
        );
        assert!(
            found
                .iter()
                .all(|(n, _)| !n.starts_with(char::is_lowercase)),
            "{found:?}"
        );
    }

    #[test]
    fn market_indices_get_lanes_and_stop_before_the_verb() {
        let found = actors(
            "The FTSE 100 fell 2 percent while the Dow Jones Industrial Average rose on Friday.",
        );
        assert!(found.iter().any(|(n, _)| n == "FTSE 100"), "{found:?}");
        assert!(
            found
                .iter()
                .any(|(n, _)| n == "Dow Jones Industrial Average"),
            "{found:?}"
        );
    }

    #[test]
    fn a_company_named_by_its_suffix_is_an_organisation() {
        let found = actors("Zorbix Holdings would close its plant, the company said on Monday.");
        assert!(
            found.contains(&("Zorbix Holdings".to_string(), ActorKind::Organisation)),
            "{found:?}"
        );
    }

    #[test]
    fn a_capitalised_common_word_is_no_party() {
        let found = actors(
            "Traders said the shares fell sharply after the announcement. Under Section 4 of \
             the lease the tenant pays for repairs, and Section 4 also covers the garden.",
        );
        assert!(
            !found.iter().any(|(n, _)| n == "Traders" || n == "Section"),
            "{found:?}"
        );
    }

    #[test]
    fn a_lone_surname_nobody_else_explains_is_a_person() {
        let found = actors("The figures were late again, Wolbrecht said on Friday.");
        assert!(
            found.contains(&("Wolbrecht".to_string(), ActorKind::Person)),
            "{found:?}"
        );
    }

    #[test]
    fn attached_files_are_not_parties() {
        let found = actors(
            "Please read the attached Rates.pdf and Budget_draft.doc before the call, and \
             Report.htm explains the figures.",
        );
        assert!(!found.iter().any(|(n, _)| n.contains('.')), "{found:?}");
    }

    #[test]
    fn nationality_words_are_not_parties() {
        let found = actors("Norwegian officials met Iraqis and Chileans in Oslo on Monday.");
        assert!(
            !found
                .iter()
                .any(|(n, _)| ["Norwegian", "Iraqis", "Chileans"].contains(&n.as_str())),
            "{found:?}"
        );
    }

    #[test]
    fn a_city_is_not_made_into_its_country() {
        let found = actors("The plant near Kingsworth will close, the union said.");
        assert!(
            !found
                .iter()
                .any(|(n, k)| *k == ActorKind::Country && n.contains("Kingsworth")),
            "{found:?}"
        );
    }
}
