//! Which earlier mentions a description ("the carmaker", "the Syrian capital") may stand for,
//! worked out once per article for each noun and country.

use std::ops::Range;

use super::seen::Seen;
use crate::extract::actors::lexicon::{Description, LEXICON};
use crate::extract::actors::tokens::is_product;
use crate::extract::actors::{Builder, LocalEntity};
use crate::model::ActorKind;

/// How many mentions back a description ("the carmaker") looks for its party: far enough for
/// any article, and a bound that keeps a 10 MB document linear.
const DESCRIPTION_REACH: usize = 4096;

/// The mentions a description ("the carmaker", "the Syrian capital") of one noun and country
/// may stand for, as positions in `Seen::by_end`, found once per article: a long text has
/// thousands of descriptions, and testing each mention in reach for every one of them was a
/// tenth of the extraction time.
pub(super) struct Fitting {
    /// Mentions of a party of the noun's kind whose name shows the sector ("General Motors"
    /// for "the carmaker").
    showing_sector: Vec<usize>,
    /// Mentions of a party of the noun's kind whose name shows no other sector.
    of_no_other_sector: Vec<usize>,
}

impl Fitting {
    /// "the Syrian capital" must be a place of Syria; a description with sector cues prefers
    /// a party whose name shows one of them over a nearer one that does not ("United Auto
    /// Workers"), and never takes one that shows another sector's ("Singapore Airlines" is not
    /// "the planemaker").
    pub(super) fn new<'a>(
        b: &'a Builder,
        seen: &Seen,
        d: &Description,
        country: Option<&str>,
        names: &mut NamesRead<'a>,
    ) -> Self {
        let kind_fits = |e: &LocalEntity| {
            e.kind == d.kind
                || (d.kind == ActorKind::Organisation && e.kind == ActorKind::Group)
                || (d.kind == ActorKind::Product
                    && e.kind == ActorKind::Organisation
                    && is_product(&e.name))
        };
        let fits = |e: &LocalEntity, ministry: bool| {
            !ministry
                && (d.kind != ActorKind::Place
                    || country.is_none()
                    || e.affiliation.as_deref() == country)
        };
        // Most description nouns ("the company", "the capital") have no cues: then no name
        // shows one. A word of a name can only be one of `d.cues` if it is a sector cue at
        // all (every description's cues are), so only the names' sector cues are compared.
        let shows_sector = |cues: &[(&str, bool)]| {
            !d.cues.is_empty() && cues.iter().any(|(w, _)| d.cues.contains(w))
        };
        let other_sector = |cues: &[(&str, bool)]| {
            !d.cues.is_empty()
                && cues
                    .iter()
                    .any(|&(w, in_name)| in_name && !d.cues.contains(&w))
        };
        // each fitting entity's mentions, gathered by entity and marked on a bit per position
        // in `by_end`, which the set bits then give back in order: walking every mention of a
        // long text for each noun, or sorting the gathered positions, cost more than the rest
        let words = seen.by_end.len().div_ceil(64);
        let (mut sector, mut no_other) = (vec![0u64; words], vec![0u64; words]);
        // only the entities of the kinds that fit are visited (the order does not matter:
        // their positions are marked on bits)
        let also = match d.kind {
            ActorKind::Organisation => Some(ActorKind::Group),
            ActorKind::Product => Some(ActorKind::Organisation),
            _ => None,
        };
        names.group_by_kind(&b.entities);
        let mut candidates = names.of_kind(d.kind).to_vec();
        if let Some(kind) = also {
            candidates.extend_from_slice(names.of_kind(kind));
        }
        for i in candidates {
            let e = &b.entities[i];
            let positions = seen.positions_of(i);
            if positions.is_empty() || !kind_fits(e) {
                continue;
            }
            // a noun without cues (most: "the company") needs no words of the names: they
            // are read (once per article) only for one with cues
            let read = (!d.cues.is_empty()).then(|| names.read(i, e));
            let ministry = read
                .as_ref()
                .map_or_else(|| e.name.contains("Ministry"), |r| r.ministry);
            if !fits(e, ministry) {
                continue;
            }
            let cues = read.as_ref().map_or(&[][..], |r| names.cues(r));
            if shows_sector(cues) {
                mark(&mut sector, positions);
            }
            if !other_sector(cues) {
                mark(&mut no_other, positions);
            }
        }
        let (showing_sector, of_no_other_sector) = (set_bits(&sector), set_bits(&no_other));
        Self {
            showing_sector,
            of_no_other_sector,
        }
    }

    /// The party of the latest fitting mention ending at or before `before`, preferring one
    /// that shows the sector, looking back at most [`DESCRIPTION_REACH`] mentions.
    pub(super) fn nearest_before(&self, seen: &Seen, before: usize) -> Option<usize> {
        let upto = seen.by_end.partition_point(|&(end, _, _)| end <= before);
        let latest = |list: &[usize]| {
            let k = *list.get(list.partition_point(|&k| k < upto).checked_sub(1)?)?;
            (k + DESCRIPTION_REACH >= upto).then_some(seen.by_end[k].2)
        };
        latest(&self.showing_sector).or_else(|| latest(&self.of_no_other_sector))
    }
}

/// What [`Fitting::new`] reads in an entity's names, read once per article for each entity it
/// asks about instead of once for every description noun: splitting every form of every
/// fitting entity into words for each noun was most of the cost of resolving descriptions.
#[derive(Clone)]
pub(super) struct NameRead {
    /// Its name holds "Ministry" (a ministry is never a description's party).
    ministry: bool,
    /// Where its sector cues lie in [`NamesRead::cues`].
    cues: Range<usize>,
}

/// [`NameRead`] of the article's entities, each made when first asked for. Kept only while
/// one article's references are resolved.
pub(super) struct NamesRead<'a> {
    read: Vec<Option<NameRead>>,
    /// The sector cues among the words of each entity read: first those of its forms and its
    /// name (as `false`), then those of its name alone (as `true`). Nearly every entity has
    /// none.
    cues: Vec<(&'a str, bool)>,
    /// The entities by their kind (indexed by `ActorKind as usize`), grouped when a
    /// description is first fitted: each noun visits only the entities of its kinds.
    by_kind: Vec<Vec<usize>>,
}

impl<'a> NamesRead<'a> {
    /// Room for `entities` entities, none read yet.
    pub(super) fn new(entities: usize) -> Self {
        Self {
            read: vec![None; entities],
            cues: Vec::new(),
            by_kind: Vec::new(),
        }
    }

    /// Groups `entities` by kind, on the first call.
    fn group_by_kind(&mut self, entities: &[LocalEntity]) {
        if !self.by_kind.is_empty() {
            return;
        }
        self.by_kind = vec![Vec::new(); ActorKind::ALL.len()];
        for (i, e) in entities.iter().enumerate() {
            if let Some(list) = self.by_kind.get_mut(e.kind as usize) {
                list.push(i);
            }
        }
    }

    /// The entities of `kind`, in order, once grouped.
    fn of_kind(&self, kind: ActorKind) -> &[usize] {
        self.by_kind.get(kind as usize).map_or(&[], Vec::as_slice)
    }

    /// What entity `i` (`e`) names hold, read on the first call.
    fn read(&mut self, i: usize, e: &'a LocalEntity) -> NameRead {
        if let Some(Some(read)) = self.read.get(i) {
            return read.clone();
        }
        let start = self.cues.len();
        let words = |f: &'a String| f.split_whitespace().filter(|w| LEXICON.is_sector_cue(w));
        let every_form = e.forms.iter().chain(std::iter::once(&e.name));
        self.cues
            .extend(every_form.flat_map(words).map(|w| (w, false)));
        self.cues.extend(words(&e.name).map(|w| (w, true)));
        let read = NameRead {
            ministry: e.name.contains("Ministry"),
            cues: start..self.cues.len(),
        };
        if let Some(slot) = self.read.get_mut(i) {
            *slot = Some(read.clone());
        }
        read
    }

    /// The sector cues `read` lists.
    fn cues(&self, read: &NameRead) -> &[(&'a str, bool)] {
        &self.cues[read.cues.clone()]
    }
}

/// Sets the bit of each of `positions` in `marks` (bit `k % 64` of word `k / 64`).
fn mark(marks: &mut [u64], positions: &[usize]) {
    for &k in positions {
        if let Some(word) = marks.get_mut(k / 64) {
            *word |= 1 << (k % 64);
        }
    }
}

/// The positions whose bits [`mark`] set, ascending.
fn set_bits(marks: &[u64]) -> Vec<usize> {
    // sized once: a long text's lists hold thousands of positions
    let count: u32 = marks.iter().map(|word| word.count_ones()).sum();
    let mut out = Vec::with_capacity(count as usize);
    for (w, &word) in marks.iter().enumerate() {
        let mut bits = word;
        while bits != 0 {
            out.push(w * 64 + bits.trailing_zeros() as usize);
            bits &= bits - 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether some word of the entity's forms or name is one of `cues`, and whether a word
    /// of its name is a sector cue that is not: what the fitting asked of every name before
    /// the names were read once.
    fn split_and_compared(e: &LocalEntity, cues: &[&str]) -> (bool, bool) {
        let shows = (e.forms.iter().chain(std::iter::once(&e.name)))
            .flat_map(|f| f.split_whitespace())
            .any(|w| cues.contains(&w));
        let other =
            (e.name.split_whitespace()).any(|w| LEXICON.is_sector_cue(w) && !cues.contains(&w));
        (shows, other)
    }

    #[test]
    fn names_read_once_answer_as_their_words_split_for_each_noun() {
        let entity = |name: &str, forms: &[&str]| LocalEntity {
            id: name.to_lowercase(),
            name: name.to_string(),
            kind: ActorKind::Organisation,
            affiliation: None,
            forms: forms.iter().map(|f| f.to_string()).collect(),
            roles: Vec::new(),
            known: false,
        };
        let entities = [
            entity("General Motors", &["GM", "General Motors Co"]),
            entity("Singapore Airlines", &["SIA"]),
            entity("Foreign Ministry", &[]),
            entity("Apple", &["Apple Computer", "Apple Motors Airlines"]),
            entity("Bank of England Motors", &["the Bank"]),
        ];
        let nouns: Vec<&str> = LEXICON.description_nouns().collect();
        let mut names = NamesRead::new(entities.len());
        let mut some_cue = false;
        for noun in nouns {
            let d = LEXICON.description(noun).expect("a description noun");
            for (i, e) in entities.iter().enumerate() {
                let read = names.read(i, e);
                let cues = names.cues(&read);
                let shows = cues.iter().any(|(w, _)| d.cues.contains(w));
                let other = cues.iter().any(|&(w, own)| own && !d.cues.contains(&w));
                assert_eq!(
                    (shows, other),
                    split_and_compared(e, &d.cues),
                    "{noun} {e:?}"
                );
                assert_eq!(read.ministry, e.name.contains("Ministry"));
                some_cue |= shows;
            }
        }
        assert!(some_cue);
    }
}
