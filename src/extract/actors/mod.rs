//! Actors of one article: gazetteer names, people found from titles and name patterns,
//! organisations and products from their shapes, and the surnames, pronouns and descriptions
//! ("the Syrian president") that refer back to them.

pub mod coreference;
pub mod gazetteer;
pub mod lexicon;
mod lower_words;
mod modifiers;
pub mod names;
mod nearly_sorted;
pub mod nicknames;
mod number_set;
mod prefixes;
mod recognised;
pub mod registry;
pub mod things;
pub mod titles;
pub mod tokens;
mod word_set;

use std::ops::Range;

use rustc_hash::FxHashMap;

use lower_words::{LowerWords, lower_case_words};

use crate::model::{ActorKind, MONTH_NAMES, WEEKDAY_NAMES};

/// Everything one article says about who is involved.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArticleActors {
    pub entities: Vec<LocalEntity>,
    /// In text order.
    pub mentions: Vec<Mention>,
}

/// One entity as one article knows it.
#[derive(Clone, Debug, PartialEq)]
pub struct LocalEntity {
    /// Stable actor id: the gazetteer's, or the slug of the fullest name.
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    pub affiliation: Option<String>,
    /// Every form the article used, in order of first use.
    pub forms: Vec<String>,
    /// Role families seen with it ("leader", "minister"), for descriptions.
    pub roles: Vec<&'static str>,
    /// Known to the gazetteer (its name is canonical) rather than found by shape.
    pub known: bool,
}

/// One place an entity is referred to.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    pub range: Range<usize>,
    pub entity: usize,
    /// Index of the sentence (in the list given to [`find`]).
    pub sentence: usize,
    pub how: How,
}

/// How a mention refers to its entity; descriptors ("Syrian" in "Syrian President") and
/// pronouns count for less when deciding who took part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum How {
    Name,
    Descriptor,
    Description,
    Pronoun,
    /// A name that modifies the noun after it ("iPod users", "the iPod line"): mentioned, but
    /// the noun is what takes part.
    Modifier,
}

impl How {
    /// Whether a mention made this way can make its entity a participant of an event.
    pub fn takes_part(self) -> bool {
        !matches!(self, How::Descriptor | How::Modifier)
    }
}

/// Finds the actors of an article whose sentences are `sentences` (byte ranges into `text`).
pub fn find(text: &str, sentences: &[Range<usize>]) -> ArticleActors {
    let mut b = Builder::new(text);
    for (si, s) in sentences.iter().enumerate() {
        names::scan_sentence(&mut b, si, s.clone());
    }
    b.fold_people();
    coreference::resolve_singles(&mut b);
    coreference::resolve_references(&mut b, sentences);
    modifiers::mark(&mut b);
    b.finish()
}

/// A single capitalised word whose meaning waits until the whole article is read.
#[derive(Clone, Debug)]
pub(crate) struct Single {
    pub range: Range<usize>,
    pub sentence: usize,
    /// Followed by a reporting verb, written as a possessive, or after "according to".
    pub acts: bool,
    pub sentence_initial: bool,
    /// The statistical recogniser's kind for the word, used when nothing else in the article
    /// explains it (no acronym it spells, no person it names).
    pub recognised: Option<ActorKind>,
    /// The recogniser read the sentence and found no name here ("Great Service", "Section 7"):
    /// the word's shape alone does not make it a party.
    pub unrecognised: bool,
}

/// Collects entities and mentions while an article is scanned. Its maps hash with Fx: they
/// are asked about every name and word of the article, and SipHash's protection against
/// crafted keys buys nothing for them.
pub(crate) struct Builder<'a> {
    pub text: &'a str,
    pub entities: Vec<LocalEntity>,
    index: FxHashMap<String, usize>,
    /// Entities by the last word of every name of two or more words they have had (see
    /// [`Builder::named_with_ends`]). Keyed by the last word alone, so a look-up borrows the
    /// word instead of building a pair of Strings; the first word is checked on the few found.
    by_last: FxHashMap<String, Vec<usize>>,
    pub mentions: Vec<Mention>,
    pub singles: Vec<Single>,
    /// Words that the article also writes in lower case ("meanwhile"), so a capitalised
    /// sentence-initial copy is no name.
    pub lower_words: LowerWords<'a>,
    /// Scratch space for a sentence's words, reused from sentence to sentence.
    words: Vec<tokens::Word>,
    /// Scratch space for a sentence's gazetteer hits, reused likewise.
    gaz: Vec<gazetteer::GazMatch>,
    /// Scratch space for a sentence's runs of capitalised words and a run's pieces (ranges of
    /// word indices), reused likewise.
    runs: Vec<Range<usize>>,
    pieces: Vec<Range<usize>>,
}

/// Room for one mention per this many bytes of text is made up front, so that a long text's
/// mentions (TimeBank 1 MB: 15k, one per 65 bytes; news one per 120 on average, at most one per
/// 25) do not grow their list by doubling, which touched fresh memory twice the list's size.
/// Room never written is never touched, and the list lives only as long as its article.
const BYTES_PER_MENTION: usize = 48;

impl<'a> Builder<'a> {
    fn new(text: &'a str) -> Self {
        let lower_words = lower_case_words(text);
        Self {
            text,
            entities: Vec::new(),
            index: FxHashMap::default(),
            by_last: FxHashMap::default(),
            mentions: Vec::with_capacity(text.len() / BYTES_PER_MENTION),
            singles: Vec::new(),
            lower_words,
            words: Vec::new(),
            gaz: Vec::new(),
            runs: Vec::new(),
            pieces: Vec::new(),
        }
    }

    /// The entity with `id`, created if new.
    pub fn entity(
        &mut self,
        id: &str,
        name: &str,
        kind: ActorKind,
        affiliation: Option<String>,
        known: bool,
    ) -> usize {
        if let Some(&e) = self.index.get(id) {
            let ent = &mut self.entities[e];
            if ent.affiliation.is_none() && affiliation.as_deref() != Some(id) {
                ent.affiliation = affiliation;
            }
            if !ent.known && name.len() > ent.name.len() && kind == ent.kind {
                ent.name = name.to_string();
                self.index_ends(e);
            }
            return e;
        }
        self.entities.push(LocalEntity {
            id: id.to_string(),
            name: name.to_string(),
            kind,
            affiliation: affiliation.filter(|a| a != id),
            forms: Vec::new(),
            roles: Vec::new(),
            known,
        });
        let e = self.entities.len() - 1;
        self.index.insert(id.to_string(), e);
        self.index_ends(e);
        e
    }

    /// Files entity `e` under the last word of its name, when it has two or more.
    fn index_ends(&mut self, e: usize) {
        let mut words = self.entities[e].name.split_whitespace();
        if let (Some(_), Some(last)) = (words.next(), words.next_back()) {
            match self.by_last.get_mut(last) {
                Some(list) => list.push(e),
                None => {
                    self.by_last.insert(last.to_string(), vec![e]);
                }
            }
        }
    }

    /// The first person whose name has two or more words, the first `first` and the last
    /// `last` ("James Kopp", "James Charles Kopp"): a look-up, where scanning every entity
    /// for every name made a long text quadratic.
    pub fn named_with_ends(&self, first: &str, last: &str) -> Option<usize> {
        // an entity is filed under every name it has had: only its present one counts
        self.by_last
            .get(last)?
            .iter()
            .copied()
            .filter(|&e| {
                let ent = &self.entities[e];
                let mut words = ent.name.split_whitespace();
                ent.kind == ActorKind::Person
                    && words.next() == Some(first)
                    && words.next_back() == Some(last)
            })
            .min()
    }

    /// Where sentence `si`'s lone words begin in [`Builder::singles`]. They are pushed sentence
    /// by sentence, so while a sentence is read its lone words are the last ones: looking only
    /// at those keeps a long text from walking every earlier sentence's again.
    pub fn singles_start(&self, si: usize) -> usize {
        self.singles
            .iter()
            .rposition(|s| s.sentence != si)
            .map_or(0, |p| p + 1)
    }

    /// Records a mention; names and descriptions become forms of the entity.
    pub fn mention(&mut self, entity: usize, range: Range<usize>, sentence: usize, how: How) {
        if matches!(how, How::Name)
            && let Some(form) = self.text.get(range.clone())
        {
            let form = form.trim();
            let ent = &mut self.entities[entity];
            if !ent.forms.iter().any(|f| f == form) {
                ent.forms.push(form.to_string());
            }
        }
        self.mentions.push(Mention {
            range,
            entity,
            sentence,
            how,
        });
    }

    /// Folds people the article names under two forms ("Bill Clinton", "William Jefferson
    /// Clinton") into the first, or into the gazetteer's when only one is known, so a lone
    /// "Clinton" later has one person to refer to.
    fn fold_people(&mut self) {
        // people by surname, so each is compared with namesakes only (linear in the article)
        let mut by_surname: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
        for (i, e) in self.entities.iter().enumerate() {
            if e.kind == ActorKind::Person
                && e.name.split_whitespace().count() >= 2
                && let Some(last) = e.name.split_whitespace().next_back()
            {
                by_surname
                    .entry(names::strip_particle(last))
                    .or_default()
                    .push(i);
            }
        }
        let mut into: Vec<usize> = (0..self.entities.len()).collect();
        for people in by_surname.values().filter(|p| p.len() >= 2) {
            for (k, &e) in people.iter().enumerate() {
                let ent = &self.entities[e];
                let target = people[..k].iter().copied().find(|&o| {
                    let other = &self.entities[o];
                    into[o] == o && !ent.known && nicknames::same_person(&ent.name, &other.name)
                });
                if let Some(t) = target {
                    into[e] = t;
                }
            }
        }
        if into.iter().enumerate().all(|(i, &t)| i == t) {
            return;
        }
        // new positions of the kept entities; a folded one takes its target's
        let mut root_position = vec![0; into.len()];
        let mut kept = 0;
        for (i, &t) in into.iter().enumerate() {
            if t == i {
                root_position[i] = kept;
                kept += 1;
            }
        }
        let position: Vec<usize> = into.iter().map(|&t| root_position[t]).collect();
        let old = std::mem::take(&mut self.entities);
        for (i, e) in old.into_iter().enumerate() {
            if into[i] == i {
                self.entities.push(e);
            } else {
                let target = &mut self.entities[position[i]];
                for f in e.forms {
                    if !target.forms.contains(&f) {
                        target.forms.push(f);
                    }
                }
                for r in e.roles {
                    if !target.roles.contains(&r) {
                        target.roles.push(r);
                    }
                }
                if target.affiliation.is_none() {
                    target.affiliation = e.affiliation;
                }
            }
        }
        for e in self.index.values_mut() {
            *e = position[*e];
        }
        // The surname lists moved to the new positions rather than built again from every
        // name (a hash and two allocations a name): a folded person's entry now points at the
        // person it joined, whose present name `named_with_ends` checks anyway, and every
        // kept entity's present name was filed when it was given.
        for list in self.by_last.values_mut() {
            for e in list {
                *e = position[*e];
            }
        }
        for m in &mut self.mentions {
            m.entity = position[m.entity];
        }
    }

    fn finish(mut self) -> ArticleActors {
        // "on Tuesday evening": a weekday or a month is a date, never a party, whatever
        // recognised it as a name
        let calendar = |e: &LocalEntity| {
            if e.kind == ActorKind::Person {
                return false;
            }
            // an ASCII name lower-cases as its bytes do: no String is made for it; another is
            // lower-cased once, not once for each of the 19 names
            let lowered;
            let name = if e.name.is_ascii() {
                e.name.as_str()
            } else {
                lowered = e.name.to_lowercase();
                lowered.as_str()
            };
            // the day and month names are lower-case ASCII, so equal but for ASCII case is
            // equal to the lower-cased name; the length is compared first, as most differ
            WEEKDAY_NAMES
                .iter()
                .chain(MONTH_NAMES.iter())
                .any(|d| name.len() == d.len() && name.eq_ignore_ascii_case(d))
        };
        // "Irish suppliers", "a Chinese buyer": a party only ever used to describe another is
        // no actor of the article (a person's country comes back as their affiliation)
        let mut describes = vec![false; self.entities.len()];
        let mut named = vec![false; self.entities.len()];
        for m in &self.mentions {
            if m.how == How::Descriptor {
                describes[m.entity] = true;
            } else {
                named[m.entity] = true;
            }
        }
        let dropped: Vec<bool> = (0..self.entities.len())
            .map(|i| calendar(&self.entities[i]) || (describes[i] && !named[i]))
            .collect();
        if dropped.contains(&true) {
            let mut position = Vec::with_capacity(self.entities.len());
            let mut kept = Vec::with_capacity(self.entities.len());
            for (i, e) in std::mem::take(&mut self.entities).into_iter().enumerate() {
                if dropped[i] {
                    position.push(None);
                } else {
                    position.push(Some(kept.len()));
                    kept.push(e);
                }
            }
            self.entities = kept;
            self.mentions.retain_mut(|m| match position[m.entity] {
                Some(p) => {
                    m.entity = p;
                    true
                }
                None => false,
            });
        }
        sort_mentions(&mut self.mentions);
        self.mentions
            .dedup_by(|a, b| a.range == b.range && a.entity == b.entity);
        ArticleActors {
            entities: self.entities,
            mentions: self.mentions,
        }
    }
}

/// Sorts mentions by sentence, start and end, as a stable sort does. They were made sentence
/// by sentence, in a few passes over the article (names, then lone words, then references):
/// grouped by sentence (a counting sort, which keeps their order), only the few inside a
/// sentence are out of place, where one general sort of the whole list cost hundreds of
/// instructions a mention on a long text. The counting sort orders the mentions' places and
/// the mentions are then moved in place: sorting them into a second list touched fresh memory
/// five times the size of the places (40 bytes a mention against 8).
fn sort_mentions(mentions: &mut [Mention]) {
    let count = mentions.iter().map(|m| m.sentence + 1).max().unwrap_or(0);
    let mut starts = vec![0usize; count + 1];
    for m in mentions.iter() {
        starts[m.sentence + 1] += 1;
    }
    for s in 1..starts.len() {
        starts[s] += starts[s - 1];
    }
    // `order[i]`: the place of the mention that goes to place `i`
    let mut order = vec![0usize; mentions.len()];
    for (place, m) in mentions.iter().enumerate() {
        let at = &mut starts[m.sentence];
        order[*at] = place;
        *at += 1;
    }
    crate::extract::chronological::permute(mentions, &mut order);
    nearly_sorted::sort_by_key(mentions, |m| (m.sentence, m.range.start, m.range.end));
}

/// Whether `word` is written like an acronym ("GM", "UAW", "OPEC").
pub fn is_acronym(word: &str) -> bool {
    (2..=6).contains(&word.len()) && word.bytes().all(|c| c.is_ascii_uppercase())
}

/// The initials of a name of several capitalised words, written into `caps` (emptied first,
/// kept by the caller from name to name), function words skipped ("United Auto Workers" →
/// "UAW", "Organisation of Petroleum Exporting Countries" → "OPEC"); whether there are any: a
/// single word has none (`caps` is then meaningless).
pub fn initials_into(name: &str, caps: &mut String) -> bool {
    caps.clear();
    // the words read once, their capitals counted as they are written (a single word has
    // one initial at most, and then says no), instead of a pass to count the words, a
    // second to spell and a third to count what was spelt
    let (mut words, mut spelt) = (0, 0);
    for w in name.split_whitespace() {
        words += 1;
        if let Some(c) = w.chars().next().filter(|c| c.is_uppercase()) {
            caps.push(c);
            spelt += 1;
        }
    }
    words >= 2 && spelt >= 2
}

/// Kinds whose short forms are acronyms.
pub fn takes_acronym(kind: ActorKind) -> bool {
    matches!(
        kind,
        ActorKind::Organisation | ActorKind::Group | ActorKind::Other | ActorKind::Country
    )
}

/// A stable id from a name: lower case, ASCII letters and digits, hyphens between.
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut dash = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else if c != '\'' && c != '’' && c != '.' {
            dash = true;
        }
    }
    if out.is_empty() {
        "actor".to_string()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_sort_as_a_stable_sort_does() {
        // made in passes over a few sentences, with ties (same range, other entity) kept in order
        let mut state = 7u64;
        let mut next = |n: u64| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            usize::try_from((state >> 33) % n).unwrap()
        };
        for len in [0, 1, 2, 5, 40, 300] {
            let mentions: Vec<Mention> = (0..len)
                .map(|entity| {
                    let start = next(6) * 10;
                    Mention {
                        range: start..start + 1 + next(3),
                        entity,
                        sentence: next(9),
                        how: How::Name,
                    }
                })
                .collect();
            let mut wanted = mentions.clone();
            wanted.sort_by_key(|m| (m.sentence, m.range.start, m.range.end));
            let mut sorted = mentions;
            sort_mentions(&mut sorted);
            assert_eq!(sorted, wanted, "{len} mentions");
        }
    }
}
