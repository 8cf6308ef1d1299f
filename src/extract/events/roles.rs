//! Who takes part in a clause's event, and who acts in it: the actors named in the clause (not
//! in a subordinate clause inside it), the sayer of a report after them, and among them the
//! agents — the subject before the clause's first verb ("Assad flew ..."), the by-phrase of a
//! passive ("was struck by Russian jets"), the subject of reported content ("Peskov said
//! Russia would ..."), the noun a relative clause describes ("Jobs, who founded Apple").

use std::borrow::Borrow;
use std::ops::Range;

use super::confidence::ActorEvidence;
use super::syntax::{self, Sub, SubKind, Token};
use crate::extract::actors::{ArticleActors, How, Mention};
use crate::model::ActorKind;

/// The actors of one event.
#[derive(Clone, Debug, PartialEq)]
pub struct Participants {
    /// Main participants first, the sayer after.
    pub ids: Vec<String>,
    /// Those of `ids` who act.
    pub agents: Vec<String>,
    pub evidence: ActorEvidence,
}

/// Words that open a leading phrase before the subject ("In Moscow, Assad met Putin").
const LEADING_PREPOSITIONS: &[&str] = &[
    "in",
    "on",
    "at",
    "after",
    "before",
    "during",
    "following",
    "with",
    "under",
    "by",
    "as",
    "for",
    "amid",
    "despite",
    "since",
    "according",
    "citing",
    "while",
    "when",
];

/// What the participants of a sentence's clauses are read from: the article's actors, the
/// sentence's mentions and its words.
#[derive(Clone, Copy)]
pub struct Sentence<'a, 't> {
    pub actors: &'a ArticleActors,
    pub mentions: &'a [Mention],
    pub tokens: &'t [Token<'t>],
}

impl<'a, 't> Sentence<'a, 't> {
    pub fn of(actors: &'a ArticleActors, mentions: &'a [Mention], tokens: &'t [Token<'t>]) -> Self {
        Self {
            actors,
            mentions,
            tokens,
        }
    }
}

/// The lists a clause's ids are gathered in, kept from one clause to the next. The ids are
/// borrowed from the article's entities while they are gathered and copied only into the
/// event's own lists, made at their size: gathered as owned strings, each list took room for
/// four ids (96 bytes) whatever it kept, and most events keep one or two.
#[derive(Default)]
pub struct Gather<'a> {
    main: Vec<&'a str>,
    sayers: Vec<&'a str>,
    agents: Vec<&'a str>,
}

impl<'a> Gather<'a> {
    /// The participants of the clause `range` of a sentence whose words are `tokens` and whose
    /// dependent clauses are `subs`; those of them in `dated` have events of their own, so their
    /// actors are theirs, not this clause's. `sayer_end` is where the reporting verb starts, if
    /// the sentence reports speech. Gathered in these lists.
    pub fn participants(
        &mut self,
        sentence: Sentence<'a, '_>,
        range: &Range<usize>,
        dated: &[Range<usize>],
        subs: &[Sub],
        sayer_end: Option<usize>,
    ) -> Participants {
        let Sentence {
            actors,
            mentions,
            tokens,
        } = sentence;
        let Gather {
            main,
            sayers,
            agents: picked,
        } = self;
        main.clear();
        sayers.clear();
        let nested_in =
            |r: &Range<usize>| range.start <= r.start && r.end <= range.end && r != range;
        // dependent clauses nested inside this one: none of their words is this clause's subject
        let nested: Vec<&Range<usize>> = subs
            .iter()
            .filter(|s| s.kind != SubKind::Reported && nested_in(&s.range))
            .map(|s| &s.range)
            .collect();
        // (the dated clauses nested inside this one are told as they are met: most clauses have
        // none, and gathering them made a list per clause)
        let inside = |m: &Mention| {
            m.how.takes_part()
                && m.range.start >= range.start
                && m.range.end <= range.end
                && !dated
                    .iter()
                    .any(|n| nested_in(n) && n.start <= m.range.start && m.range.end <= n.end)
        };
        let mut named = false;
        for m in mentions.iter().filter(|m| inside(m)) {
            let id = actors.entities[m.entity].id.as_str();
            let is_sayer = sayer_end.is_some_and(|e| m.range.end <= e);
            add_once(if is_sayer { &mut *sayers } else { &mut *main }, id);
            named |= m.how == How::Name;
        }
        // the sayer of a report is an actor too, after the participants
        if let Some(end) = sayer_end
            && end < range.start
        {
            for m in mentions {
                if m.how.takes_part() && m.range.end <= end {
                    add_once(sayers, &actors.entities[m.entity].id);
                }
            }
        }
        // Who acts: the subject of the reported content when the clause reports speech, else
        // the clause's own subject.
        // "told reporters in Detroit that the carmaker would ...": the content opens at "that"
        let reported_at = |e: usize| {
            subs.iter()
                .filter(|s| {
                    s.kind == SubKind::Reported && s.range.start >= e && s.range.end <= range.end
                })
                .map(|s| s.range.start)
                .min()
                .unwrap_or(e)
        };
        let content_from = sayer_end
            .filter(|&e| range.start <= e && e < range.end)
            .map(reported_at)
            .and_then(|e| tokens.iter().position(|t| t.range.start >= e))
            .map(|k| {
                let after = k + 1;
                match tokens.get(after) {
                    Some(t) if t.lower == "that" => tokens.get(after + 1),
                    Some(t) => Some(t),
                    None => None,
                }
                .map_or(range.end, |t| t.range.start)
            });
        agents(
            sentence,
            content_from.unwrap_or(range.start)..range.end,
            &nested,
            &inside,
            picked,
        );
        // "Ricci said on Monday": a clause that is only the saying is the sayer's act
        if picked.is_empty() && main.is_empty() {
            picked.extend_from_slice(sayers);
        }
        for &s in sayers.iter() {
            add_once(main, s);
        }
        // a place is where something happened, not who did it; the ids here came from this
        // sentence's mentions and ids are unique, so the entity is found among those, not by
        // scanning every entity of the article for every clause
        let is_place = |id: &str| {
            let place = |e: &crate::extract::actors::LocalEntity| {
                e.id == id && e.kind == crate::model::ActorKind::Place
            };
            match mentions
                .iter()
                .map(|m| &actors.entities[m.entity])
                .find(|e| e.id == id)
            {
                Some(e) => place(e),
                None => actors.entities.iter().any(place),
            }
        };
        picked.retain(|a| main.contains(a) && !is_place(a));
        let evidence = if main.is_empty() {
            ActorEvidence::None
        } else if named {
            ActorEvidence::Named
        } else {
            ActorEvidence::Indirect
        };
        Participants {
            ids: owned(main),
            agents: owned(picked),
            evidence,
        }
    }
}

/// Adds `id` to `list` unless it is there already.
fn add_once<'a>(list: &mut Vec<&'a str>, id: &'a str) {
    if !list.contains(&id) {
        list.push(id);
    }
}

/// Copies of gathered ids, in a list of their size (none made for no ids).
fn owned(ids: &[&str]) -> Vec<String> {
    ids.iter().map(|&id| id.to_owned()).collect()
}

/// The subject of the clause `range`: actors before its first verb (after a leading phrase), or
/// the by-phrase of a passive; written into `out` (emptied first).
fn agents<'a>(
    sentence: Sentence<'a, '_>,
    range: Range<usize>,
    nested: &[&Range<usize>],
    inside: &dyn Fn(&Mention) -> bool,
    out: &mut Vec<&'a str>,
) {
    out.clear();
    let Sentence {
        actors,
        mentions,
        tokens,
    } = sentence;
    let head = if nested.is_empty() {
        // Without nested clauses the clause's words are a run of the sentence's (its tokens
        // are in order and never overlap): read in place, not gathered into a vector.
        let first = tokens.partition_point(|t| t.range.start < range.start);
        let len = tokens[first..].partition_point(|t| t.range.end <= range.end);
        clause_head(&tokens[first..first + len], &range)
    } else {
        let outside_nested = |t: &Token| {
            !nested
                .iter()
                .any(|n| n.start <= t.range.start && t.range.end <= n.end)
        };
        // The clause's words up to what the subject and a passive's by-phrase are read from:
        // its first verb, the run of verbs after it, then two words (`syntax::subject_end`
        // reads no further). The rest of the clause, most of it, is never read, so it is not
        // gathered. (room for every token up front: the clause is most of its sentence)
        let mut clause: Vec<&Token> = Vec::with_capacity(tokens.len());
        let mut verb = false;
        let mut past_run = 0;
        for t in tokens.iter().filter(|t| {
            t.range.start >= range.start && t.range.end <= range.end && outside_nested(t)
        }) {
            clause.push(t);
            if !verb {
                verb = t.verb;
            } else if past_run > 0 || !t.verb {
                past_run += 1;
                if past_run == 2 {
                    break;
                }
            }
        }
        clause_head(&clause, &range)
    };
    let Some((verb_at, from, by)) = head else {
        return;
    };
    let (lo, hi, first_only) = match by {
        Some(by) => (by, range.end, true),
        None => (from, verb_at, false),
    };
    for m in mentions
        .iter()
        .filter(|m| inside(m) && m.range.start >= lo && m.range.end <= hi)
    {
        add_once(out, &actors.entities[m.entity].id);
        if first_only {
            break;
        }
    }
}

/// Where the subject of a clause is read from, given the clause's words (all of them, or its
/// words up to two past its run of verbs): its first verb's start, where its subject may start
/// (past a leading phrase: "In a statement, ..."), and a passive's by-phrase end. `None` when
/// the clause has no verb.
fn clause_head<'a, T: Borrow<Token<'a>>>(
    clause: &[T],
    range: &Range<usize>,
) -> Option<(usize, usize, Option<usize>)> {
    let verb = clause.iter().position(|t| t.borrow().verb)?;
    let verb_at = clause[verb].borrow().range.start;
    let mut from = range.start;
    if clause
        .first()
        .is_some_and(|t| LEADING_PREPOSITIONS.contains(&t.borrow().lower()))
        && let Some(pause) = clause[..verb].iter().position(|t| t.borrow().pause_after)
    {
        from = clause[pause].borrow().range.end;
    }
    let by = syntax::subject_end(clause, verb_at, range.end).and_then(|(_, by)| by);
    Some((verb_at, from, by))
}

impl Participants {
    /// With nobody named, the place a clause points back to takes part (see
    /// [`place_referred_to`]); it does not act.
    pub fn add_place_referred_to(
        &mut self,
        text: &str,
        actors: &ArticleActors,
        mentions: &[Mention],
        before: Range<usize>,
        clause: &Range<usize>,
    ) {
        if self.ids.is_empty()
            && let Some(place) = place_referred_to(text, actors, mentions, before, clause.clone())
        {
            self.ids = vec![place];
            self.evidence = ActorEvidence::Indirect;
        }
    }

    /// A relative clause's event: the noun it describes (the mention ending at `before.end`,
    /// give or take its punctuation, in the same sentence) takes part first and acts.
    pub fn add_antecedent(
        &mut self,
        actors: &ArticleActors,
        mentions: &[Mention],
        before: Range<usize>,
    ) {
        let Some(m) = mentions
            .iter()
            .filter(|m| {
                m.how.takes_part()
                    && m.range.start >= before.start
                    && m.range.end.abs_diff(before.end) <= 2
            })
            .max_by_key(|m| m.range.end)
        else {
            return;
        };
        let id = actors.entities[m.entity].id.clone();
        self.ids.retain(|i| *i != id);
        self.ids.insert(0, id.clone());
        self.agents.retain(|i| *i != id);
        self.agents.insert(0, id);
        if self.evidence == ActorEvidence::None {
            self.evidence = ActorEvidence::Named;
        }
    }
}

/// The sayers of a report (the actors before the reporting verb), who all act in saying it.
pub fn sayers(actors: &ArticleActors, mentions: &[Mention], range: Range<usize>) -> Participants {
    let mut gathered: Vec<&str> = Vec::new();
    let mut named = false;
    for m in mentions {
        if !m.how.takes_part() || m.range.start < range.start || m.range.end > range.end {
            continue;
        }
        add_once(&mut gathered, &actors.entities[m.entity].id);
        named |= m.how == How::Name;
    }
    let ids = owned(&gathered);
    let evidence = match (ids.is_empty(), named) {
        (true, _) => ActorEvidence::None,
        (false, true) => ActorEvidence::Named,
        (false, false) => ActorEvidence::Indirect,
    };
    Participants {
        agents: ids.clone(),
        ids,
        evidence,
    }
}

/// The place a subordinate clause that names nobody points back to: "since the war there began
/// in 2011" happened in the place or country named before it in the sentence ("outside Syria"),
/// "since the unrest spread to his country" in the country of the person named before it.
/// `before` is the sentence up to the clause, `clause` the clause itself.
pub fn place_referred_to(
    text: &str,
    actors: &ArticleActors,
    mentions: &[Mention],
    before: Range<usize>,
    clause: Range<usize>,
) -> Option<String> {
    let words: Vec<String> = text
        .get(clause)?
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase()
        })
        .collect();
    let earlier = || {
        mentions
            .iter()
            .rev()
            .filter(|m| m.range.start >= before.start && m.range.end <= before.end)
            .map(|m| &actors.entities[m.entity])
    };
    let is_place = |kind: ActorKind| matches!(kind, ActorKind::Place | ActorKind::Country);
    // "there" as an adverb of place, not "there was"
    let there = words.windows(2).any(|w| {
        w[0] == "there"
            && !matches!(
                w[1].as_str(),
                "is" | "are"
                    | "was"
                    | "were"
                    | "has"
                    | "have"
                    | "had"
                    | "will"
                    | "would"
                    | "may"
                    | "might"
                    | "seems"
                    | "seemed"
                    | "remain"
                    | "remains"
            )
    });
    if there {
        return earlier().find(|e| is_place(e.kind)).map(|e| e.id.clone());
    }
    let own_country = words
        .windows(2)
        .any(|w| matches!(w[0].as_str(), "his" | "her" | "their") && w[1] == "country");
    if own_country {
        let person = earlier().find(|e| e.kind == ActorKind::Person)?;
        let country = person.affiliation.as_ref()?;
        return actors
            .entities
            .iter()
            .find(|e| e.id == *country && e.kind == ActorKind::Country)
            .map(|e| e.id.clone());
    }
    None
}
