//! Names in one sentence: gazetteer hits, and runs of capitalised words read by their shape —
//! a title before a name makes a person, an organisation head noun at the end an organisation,
//! a product-style word or a model number a product, a head noun of the lexicon a place or an
//! "other" thing ("Kyoto Protocol"). Nationality words only describe.

use std::ops::Range;
use std::sync::LazyLock;

use super::gazetteer::{GAZETTEER, GazMatch};
use super::lexicon::LEXICON;
use super::recognised;
use super::things::{is_model_code, model, named_thing, product};
use super::titles::{
    is_corporate_tail, is_not_name, is_org_head, is_place_head, is_role_word, is_title_head,
    is_title_modifier, role_family,
};
use super::tokens::{self, Word, is_product};
use super::word_set::WordSet;
use super::{Builder, How, Single, slug};
use crate::model::ActorKind;

/// Verbs after a lone capitalised word that show it acts ("Reuters quoted", "Apple announced").
const ACTING_VERBS: &[&str] = &[
    "said",
    "says",
    "announced",
    "announces",
    "reported",
    "reports",
    "quoted",
    "quotes",
    "told",
    "stated",
    "states",
    "launched",
    "launches",
    "unveiled",
    "unveils",
    "released",
    "releases",
    "sued",
    "sues",
    "filed",
    "agreed",
    "agrees",
    "introduced",
    "introduces",
    "obtained",
    "claimed",
    "claims",
    "confirmed",
    "confirms",
    "denied",
    "denies",
    "sold",
    "sells",
    "bought",
    "buys",
    "acquired",
    "acquires",
    "warned",
    "warns",
    "added",
    "noted",
    "insisted",
    "argued",
    "accused",
    "wrote",
    "published",
    "declined",
    "refused",
    "plans",
    "planned",
    "opened",
    "opens",
    "won",
    "lost",
    "signed",
    "signs",
];

/// Nouns after a nationality word that make it stand for its state ("Russian warplanes",
/// "the Thai government"): the country acts through them.
const STATE_NOUNS: &[&str] = &[
    "troops",
    "forces",
    "force",
    "soldiers",
    "army",
    "military",
    "navy",
    "warplanes",
    "jets",
    "aircraft",
    "government",
    "officials",
    "authorities",
    "police",
    "diplomats",
    "ministry",
    "embassy",
    "leaders",
    "leadership",
    "regime",
    "state",
];

/// [`ACTING_VERBS`] and [`STATE_NOUNS`] as sets: asked about the word after most names and
/// lone capitalised words, where comparing it with each listed word in turn cost more than the
/// rest of the test.
static ACTING_VERB_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(ACTING_VERBS));
static STATE_NOUN_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(STATE_NOUNS));

/// The entity a descriptor before a title stands for, and what it gives a person as affiliation.
#[derive(Clone, Copy)]
pub(crate) struct Segment {
    entity: usize,
    mention: usize,
}

/// Scans one sentence for names.
pub(crate) fn scan_sentence(b: &mut Builder, si: usize, range: Range<usize>) {
    let text = b.text;
    // the builder's word buffer, taken for the sentence and given back: one allocation for
    // the article instead of one per sentence; so are the buffers of the gazetteer hits, of
    // the sentence's runs of capitalised words and of a run's pieces
    let mut words = std::mem::take(&mut b.words);
    let mut gaz = std::mem::take(&mut b.gaz);
    let mut runs = std::mem::take(&mut b.runs);
    let mut pieces = std::mem::take(&mut b.pieces);
    tokens::words_into(text, range.clone(), &mut words);
    if !words.is_empty() {
        GAZETTEER.find_into(text, range.clone(), &mut gaz);
        let first_mention = b.mentions.len();
        tokens::cap_runs_into(text, &words, &mut runs);
        for run in &runs {
            let run_words = &words[run.clone()];
            clean_pieces(b, text, run_words, &gaz, &mut pieces);
            for piece in &pieces {
                scan_piece(b, si, &words, &run_words[piece.clone()], &gaz);
            }
        }
        recognised::add(b, si, range, &words, &gaz, first_mention);
    }
    b.words = words;
    b.gaz = gaz;
    b.runs = runs;
    b.pieces = pieces;
}

/// Splits a run at months, weekdays and boilerplate words, and drops a sentence-initial word
/// that the article also writes in lower case ("Meanwhile", "Citing"). The pieces go into
/// `pieces` (emptied first) as ranges of `run`.
fn clean_pieces(
    b: &Builder,
    text: &str,
    run: &[Word],
    gaz: &[GazMatch],
    pieces: &mut Vec<Range<usize>>,
) {
    pieces.clear();
    let mut start = 0;
    for (i, w) in run.iter().enumerate() {
        let t = &text[w.range.clone()];
        let drop = is_not_name(t)
            || (w.index == 0
                && !gaz.iter().any(|g| g.range.start == w.range.start)
                && !GAZETTEER.is_given_name(t)
                && b.lower_words.contains_lower_case_of(t));
        if drop {
            if i > start {
                pieces.extend(without_connector_ends(text, run, start..i));
            }
            start = i + 1;
        }
    }
    if start < run.len() {
        pieces.extend(without_connector_ends(text, run, start..run.len()));
    }
}

/// A piece may not start or end with a connector ("of", "the"): the piece `run[piece]`
/// without them, or `None` when nothing capitalised is left. Applied as each piece is cut, so
/// the pieces are collected once rather than into a second vector.
fn without_connector_ends(text: &str, run: &[Word], piece: Range<usize>) -> Option<Range<usize>> {
    let words = &run[piece.clone()];
    let first = words.iter().position(|w| w.cap)?;
    let last = words
        .iter()
        .rposition(|w| w.cap || text[w.range.clone()].starts_with(|c: char| c.is_ascii_digit()))?;
    Some(piece.start + first..piece.start + last + 1)
}

pub(super) fn word_text<'t>(text: &'t str, w: &Word) -> &'t str {
    &text[w.range.clone()]
}

pub(super) fn span_text<'t>(text: &'t str, ws: &[Word]) -> &'t str {
    match (ws.first(), ws.last()) {
        (Some(f), Some(l)) => &text[f.range.start..l.range.end],
        _ => "",
    }
}

fn scan_piece(b: &mut Builder, si: usize, all: &[Word], piece: &[Word], gaz: &[GazMatch]) {
    let text = b.text;
    let Some(last) = piece.last() else {
        return;
    };
    let last_text = word_text(text, last);
    // "Inspector Ann Roe of the Winnipeg Police Service": a person, then the body she is of.
    if let Some(k) = piece
        .iter()
        .position(|w| matches!(word_text(text, w), "of" | "for"))
        && k >= 2
        && (is_title_head(word_text(text, &piece[0]))
            || GAZETTEER.is_given_name(word_text(text, &piece[0])))
        && !is_title_head(word_text(text, &piece[k - 1]))
    {
        let mut rest = k + 1;
        while rest < piece.len() && !piece[rest].cap {
            rest += 1;
        }
        let count = b.mentions.len();
        if rest < piece.len() {
            scan_piece(b, si, all, &piece[rest..], gaz);
        }
        let body = (b.mentions.len() > count).then(|| b.mentions.len() - 1);
        let before = b.mentions.len();
        scan_piece(b, si, all, &piece[..k], gaz);
        if let Some(body) = body {
            let org = b.mentions[body].entity;
            let org_aff = b.entities[org]
                .affiliation
                .clone()
                .or(Some(b.entities[org].id.clone()));
            for m in before..b.mentions.len() {
                let e = b.mentions[m].entity;
                if b.entities[e].kind == ActorKind::Person && b.entities[e].affiliation.is_none() {
                    b.entities[e].affiliation.clone_from(&org_aff);
                }
            }
        }
        return;
    }
    if piece.len() >= 2
        && let Some(kind) = LEXICON.head_kind(last_text)
        && !gaz
            .iter()
            .any(|g| g.range == (piece[0].range.start..last.range.end))
    {
        named_thing(b, si, piece, kind);
        return;
    }
    if is_place_head(last_text) && !is_product(word_text(text, &piece[0])) {
        return;
    }
    // "Airbus A380", "Boeing 787 Dreamliner": a maker and a model code make a product.
    if piece.len() >= 2
        && piece[1..].iter().any(|w| is_model_code(word_text(text, w)))
        && !gaz
            .iter()
            .any(|g| g.range == (piece[0].range.start..last.range.end))
    {
        model(b, si, piece, gaz);
        return;
    }
    // Organisations by shape win over the country names inside them.
    if piece.len() >= 2 && (is_org_head(last_text) || is_corporate_tail(last_text)) {
        organisation(b, si, all, piece);
        return;
    }
    if is_product(word_text(text, &piece[0])) {
        product(b, si, all, piece);
        return;
    }
    let mut i = 0;
    let mut segment: Option<Segment> = None;
    let mut pending_role: Option<&'static str> = None;
    while i < piece.len() {
        let w = &piece[i];
        if let Some(g) = gaz.iter().find(|g| g.range.start == w.range.start) {
            let j = piece
                .iter()
                .rposition(|x| x.range.start < g.range.end)
                .unwrap_or(i);
            let entry = GAZETTEER.entry(g.entry);
            let e = b.entity(
                entry.id,
                entry.name,
                entry.kind,
                entry.affiliation.map(String::from),
                true,
            );
            if let Some(role) = pending_role.take() {
                add_role(b, e, role);
                demote(b, segment);
            }
            // "Syrian" describes; "Syrian troops" is the state acting through its forces
            let stands_for_state = all
                .get(piece[j].index + 1)
                .filter(|_| !piece[j].breaks_after)
                .is_some_and(|n| STATE_NOUN_SET.contains(word_text(text, n)));
            let how = if g.demonym && !stands_for_state && j + 1 == piece.len() {
                How::Descriptor
            } else {
                How::Name
            };
            b.mention(e, g.range.clone(), si, how);
            segment = Some(Segment {
                entity: e,
                mention: b.mentions.len() - 1,
            });
            i = j + 1;
            continue;
        }
        let mut k = i + 1;
        while k < piece.len() && !gaz.iter().any(|g| g.range.start == piece[k].range.start) {
            k += 1;
        }
        let uncovered = &piece[i..k];
        segment = uncovered_words(b, si, all, uncovered, segment, &mut pending_role);
        i = k;
    }
}

/// Words of a run that the gazetteer does not know.
fn uncovered_words(
    b: &mut Builder,
    si: usize,
    all: &[Word],
    ws: &[Word],
    before: Option<Segment>,
    pending_role: &mut Option<&'static str>,
) -> Option<Segment> {
    let text = b.text;
    let (Some(first_cap), Some(last_cap)) = (
        ws.iter().position(|w| w.cap),
        ws.iter().rposition(|w| w.cap),
    ) else {
        return before;
    };
    let ws = &ws[first_cap..=last_cap];
    // the words' texts on the stack for the usual few words: this runs for most pieces of
    // every sentence, and a vector for each cost an allocation and a free
    let mut stack = [""; 16];
    let heap: Vec<&str>;
    let texts: &[&str] = if ws.len() <= stack.len() {
        for (slot, w) in stack.iter_mut().zip(ws) {
            *slot = word_text(text, w);
        }
        &stack[..ws.len()]
    } else {
        heap = ws.iter().map(|w| word_text(text, w)).collect();
        &heap
    };
    // The last title head followed by name words.
    let title_at = (0..texts.len()).rev().find(|&t| {
        is_title_head(texts[t])
            && t + 1 < texts.len()
            && texts[t + 1..]
                .iter()
                .all(|x| !is_title_head(x) && !is_title_modifier(x))
    });
    if let Some(t) = title_at {
        let mut title_start = t;
        while title_start > 0
            && (is_title_modifier(texts[title_start - 1]) || is_title_head(texts[title_start - 1]))
        {
            title_start -= 1;
        }
        let descriptor = if title_start > 0 {
            describe(b, si, all, &ws[..title_start]).or(before)
        } else {
            before
        };
        demote(b, descriptor);
        let role = role_family(texts[t]).or(pending_role.take());
        // "Commissioner for Competition Ann Roe": the name is what follows the last connector
        let name_from = (t + 1..texts.len())
            .rev()
            .find(|&k| matches!(texts[k], "of" | "for" | "the" | "on" | "and"))
            .map_or(t + 1, |k| k + 1);
        if name_from >= texts.len() {
            return before;
        }
        return Some(person(b, si, &ws[name_from..], descriptor, role));
    }
    if texts
        .iter()
        .all(|x| is_title_head(x) || is_title_modifier(x))
    {
        *pending_role = texts
            .iter()
            .rev()
            .find_map(|x| role_family(x))
            .or(Some("title"));
        return before;
    }
    if let Some(role) = pending_role.take() {
        demote(b, before);
        let role = if role == "title" { None } else { Some(role) };
        return Some(person(b, si, ws, before, role));
    }
    // "Kremlin spokesman Dmitry Peskov": a lower-case role word just before the name.
    let first = &ws[0];
    if first.index > 0 {
        let prev = &all[first.index - 1];
        let prev_text = word_text(text, prev);
        // a lone word needs to stand alone ("spokesman Peskov said"), not qualify a noun
        // ("official Facebook page")
        // asked only when the tests before it hold
        let next_is_noun = || {
            all.get(ws[ws.len() - 1].index + 1).is_some_and(|n| {
                !n.cap
                    && !ws[ws.len() - 1].breaks_after
                    && !ACTING_VERB_SET.contains(word_text(text, n))
            })
        };
        if !prev.cap
            && is_role_word(prev_text)
            && !prev.breaks_after
            && (ws.len() >= 2 || !next_is_noun())
        {
            // "Kremlin spokesman", "German government spokesman": the nearest name within
            // a few lower-case words before the role
            let descriptor = (prev.index.saturating_sub(3)..prev.index)
                .rev()
                .take_while(|&k| k + 1 == prev.index || !all[k + 1].cap)
                .find_map(|k| segment_ending_at(b, si, all[k].range.end));
            demote(b, descriptor);
            return Some(person(b, si, ws, descriptor, role_family(prev_text)));
        }
    }
    if (2..=4).contains(&ws.len())
        && GAZETTEER.is_given_name(texts[0])
        && !texts
            .iter()
            .any(|t| is_place_head(t) || is_org_head(t) || matches!(*t, "of" | "for" | "the"))
    {
        return Some(person(b, si, ws, None, None));
    }
    if ws.len() == 1 {
        let w = &ws[0];
        let next = all.get(w.index + 1).map(|n| word_text(text, n));
        let acts = w.possessive
            || next.is_some_and(|n| ACTING_VERB_SET.contains(n))
            || (w.index >= 2
                && word_text(text, &all[w.index - 1]) == "to"
                && word_text(text, &all[w.index - 2]).eq_ignore_ascii_case("according"));
        b.singles.push(Single {
            range: w.range.clone(),
            sentence: si,
            acts,
            sentence_initial: w.index == 0,
            recognised: None,
            unrecognised: false,
        });
        return before;
    }
    // Several capitalised words with no shape: an organisation only when it acts.
    let last = &ws[ws.len() - 1];
    let next = all.get(last.index + 1).map(|n| word_text(text, n));
    if last.possessive || next.is_some_and(|n| ACTING_VERB_SET.contains(n)) {
        let name = span_text(text, ws);
        let e = b.entity(&slug(name), name, ActorKind::Organisation, None, false);
        b.mention(e, ws[0].range.start..last.range.end, si, How::Name);
        return Some(Segment {
            entity: e,
            mention: b.mentions.len() - 1,
        });
    }
    before
}

/// The entity a descriptor names ("Russian", "Kremlin", "Apple"), if the article knows it.
fn describe(b: &mut Builder, si: usize, _all: &[Word], ws: &[Word]) -> Option<Segment> {
    let text = b.text;
    let form = span_text(text, ws);
    let entry = GAZETTEER.lookup(form)?;
    let entry = GAZETTEER.entry(entry);
    let e = b.entity(
        entry.id,
        entry.name,
        entry.kind,
        entry.affiliation.map(String::from),
        true,
    );
    b.mention(
        e,
        ws[0].range.start..ws[ws.len() - 1].range.end,
        si,
        How::Descriptor,
    );
    Some(Segment {
        entity: e,
        mention: b.mentions.len() - 1,
    })
}

/// The mention in sentence `si` that ends at byte `end`, as a descriptor. Sentence `si` is the
/// one being scanned, so its mentions are the last ones pushed: the search walks back over
/// those only and stops at the first mention of an earlier sentence, where walking back
/// through the whole article made a long text (TimeBank as one document) quadratic.
fn segment_ending_at(b: &Builder, si: usize, end: usize) -> Option<Segment> {
    let from_end = b
        .mentions
        .iter()
        .rev()
        .take_while(|m| m.sentence == si)
        .position(|m| m.range.end == end)?;
    let mention = b.mentions.len() - 1 - from_end;
    Some(Segment {
        entity: b.mentions[mention].entity,
        mention,
    })
}

/// A descriptor before a title is not a participant of its own.
fn demote(b: &mut Builder, segment: Option<Segment>) {
    if let Some(s) = segment
        && let Some(m) = b.mentions.get_mut(s.mention)
        && m.how == How::Name
    {
        m.how = How::Descriptor;
    }
}

fn add_role(b: &mut Builder, e: usize, role: &'static str) {
    if role != "title" && !b.entities[e].roles.contains(&role) {
        b.entities[e].roles.push(role);
    }
}

/// A person named by `ws`, affiliated through `descriptor`.
pub(crate) fn person(
    b: &mut Builder,
    si: usize,
    ws: &[Word],
    descriptor: Option<Segment>,
    role: Option<&'static str>,
) -> Segment {
    let text = b.text;
    let name = span_text(text, ws);
    let range = ws[0].range.start..ws[ws.len() - 1].range.end;
    let affiliation = descriptor.and_then(|d| {
        let ent = &b.entities[d.entity];
        match ent.kind {
            ActorKind::Country | ActorKind::Group => Some(ent.id.clone()),
            ActorKind::Organisation | ActorKind::Place => {
                ent.affiliation.clone().or_else(|| Some(ent.id.clone()))
            }
            ActorKind::Person => ent.affiliation.clone(),
            ActorKind::Product | ActorKind::Other => None,
        }
    });
    let known = GAZETTEER.lookup(name).or_else(|| {
        // "Bashar al-Assad" when the tables know "Assad" and "Bashar al Assad".
        let surname = ws[ws.len() - 1..]
            .iter()
            .map(|w| word_text(text, w))
            .next()?;
        let surname = strip_particle(surname);
        let entry = GAZETTEER.lookup(surname)?;
        let first = word_text(text, &ws[0]);
        (ws.len() >= 2 && GAZETTEER.entry(entry).name.contains(first)).then_some(entry)
    });
    let e = match known.map(|k| GAZETTEER.entry(k)) {
        Some(entry) if entry.kind == ActorKind::Person => b.entity(
            entry.id,
            entry.name,
            ActorKind::Person,
            entry.affiliation.map(String::from).or(affiliation),
            true,
        ),
        _ => match variant_of(
            b,
            &ws.iter().map(|w| word_text(text, w)).collect::<Vec<_>>(),
        ) {
            Some(e) => e,
            None => b.entity(&slug(name), name, ActorKind::Person, affiliation, false),
        },
    };
    if let Some(role) = role {
        add_role(b, e, role);
    }
    b.mention(e, range, si, How::Name);
    Segment {
        entity: e,
        mention: b.mentions.len() - 1,
    }
}

/// "al-Assad" → "Assad".
pub fn strip_particle(word: &str) -> &str {
    for p in ["al-", "Al-", "el-", "El-", "bin-", "ibn-"] {
        if let Some(rest) = word.strip_prefix(p) {
            return rest;
        }
    }
    word
}

/// An organisation by its shape: "Russian Foreign Ministry", "Apple Computer", "Apple Corps".
fn organisation(b: &mut Builder, si: usize, all: &[Word], ws: &[Word]) {
    let text = b.text;
    let range = ws[0].range.start..ws[ws.len() - 1].range.end;
    let name = span_text(text, ws);
    let name = name.strip_prefix("The ").unwrap_or(name);
    let head = &ws[..ws.len() - 1];
    let last = word_text(text, &ws[ws.len() - 1]);
    // A known name, or a known organisation with a corporate tail ("Apple Computer" is Apple).
    let known = GAZETTEER.lookup(name).or_else(|| {
        is_corporate_tail(last)
            .then(|| GAZETTEER.lookup(span_text(text, head)))
            .flatten()
            .filter(|&e| GAZETTEER.kind(e) == ActorKind::Organisation)
    });
    let e = if let Some(entry) = known {
        let entry = GAZETTEER.entry(entry);
        b.entity(
            entry.id,
            entry.name,
            entry.kind,
            entry.affiliation.map(String::from),
            true,
        )
    } else {
        // "Russian Foreign Ministry" and "Russia's Foreign Ministry" are one body of Russia.
        let first = word_text(text, &ws[0]);
        let country_of = |w: &str| {
            GAZETTEER
                .lookup(w)
                .map(|e| GAZETTEER.entry(e))
                .filter(|e| e.kind == ActorKind::Country)
        };
        let owner = (ws[0].index > 0)
            .then(|| &all[ws[0].index - 1])
            .filter(|p| p.possessive && p.cap)
            .and_then(|p| country_of(word_text(text, p)));
        match (country_of(first), owner) {
            (None, Some(c)) => {
                let id = slug(&format!("{} {}", c.id, name));
                b.entity(
                    &id,
                    name,
                    ActorKind::Organisation,
                    Some(c.id.to_string()),
                    false,
                )
            }
            (Some(c), _) if ws.len() >= 2 => {
                let rest = span_text(text, &ws[1..]);
                let id = slug(&format!("{} {}", c.id, rest));
                b.entity(
                    &id,
                    name,
                    ActorKind::Organisation,
                    Some(c.id.to_string()),
                    false,
                )
            }
            _ => b.entity(&slug(name), name, ActorKind::Organisation, None, false),
        }
    };
    let owner_is_country = ws[0].index > 0 && {
        let p = &all[ws[0].index - 1];
        p.possessive
            && GAZETTEER
                .lookup(word_text(text, p))
                .is_some_and(|e| GAZETTEER.kind(e) == ActorKind::Country)
    };
    b.mention(e, range.clone(), si, How::Name);
    // "The Beatles' Apple Corps": the owner's possessive is a form of the name too.
    if ws[0].index > 0 {
        let prev = &all[ws[0].index - 1];
        if prev.possessive && prev.cap && !owner_is_country {
            let mut owner = prev.index;
            while owner > 0 && all[owner - 1].cap && !all[owner - 1].breaks_after {
                owner -= 1;
            }
            let form = text[all[owner].range.start..range.end].to_string();
            let form = form
                .strip_prefix("The ")
                .map_or(form.clone(), str::to_string);
            let ent = &mut b.entities[e];
            if !ent.forms.contains(&form) {
                ent.forms.push(form);
            }
        }
    }
}

/// A person already met under a fuller or shorter form with the same first and last name
/// ("James Kopp", "James Charles Kopp").
fn variant_of(b: &Builder, words: &[&str]) -> Option<usize> {
    let (first, last) = (words.first()?, words.last()?);
    if words.len() < 2 {
        return None;
    }
    b.named_with_ends(first, last)
}
