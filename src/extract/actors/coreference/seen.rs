//! What coreference looks up for every sentence, indexed once per article: each sentence's
//! mentions, its first person, the name spans, and every mention by where it ends.

use std::ops::Range;

use super::super::{Builder, How, nearly_sorted};
use crate::model::ActorKind;

/// The mentions found before references are resolved, indexed once so that each sentence's
/// look-ups cost the same in a long text as in a short one: scanning every mention for every
/// sentence made a 10 MB text spend most of its extraction time here.
pub(super) struct Seen {
    /// Indices into `b.mentions` of each sentence's mentions, in their order there: those of
    /// sentence `si` are `in_order[starts[si]..starts[si + 1]]`. One array for all sentences
    /// rather than a vector grown for each.
    pub(super) starts: Vec<usize>,
    pub(super) in_order: Vec<usize>,
    /// For each sentence, the entity of its first person mention that is not a descriptor.
    pub(super) first_person: Vec<Option<usize>>,
    /// Name mentions as (start, end), by start, with the largest end up to each.
    pub(super) names: Vec<(usize, usize)>,
    pub(super) names_max_end: Vec<usize>,
    /// Mentions of ministries as (end, order, entity), sorted.
    pub(super) ministries: Vec<(usize, usize, usize)>,
    /// Every mention as (end, order, entity), sorted: where a
    /// description looks back for its party.
    pub(super) by_end: Vec<(usize, usize, usize)>,
    /// Positions in `by_end` of each entity's mentions, ascending: those of entity `e` are
    /// `end_positions[entity_starts[e]..entity_starts[e + 1]]`. A description's candidates are
    /// then gathered from the entities that fit it, not by walking every mention for each noun.
    entity_starts: Vec<usize>,
    end_positions: Vec<usize>,
}

impl Seen {
    /// The index of `b`'s mentions, for a text of `sentences` sentences.
    pub(super) fn new(b: &Builder, sentences: usize) -> Self {
        let count = b
            .mentions
            .iter()
            .map(|m| m.sentence + 1)
            .max()
            .unwrap_or(0)
            .max(sentences);
        // a counting sort of the mentions by sentence, which keeps their order within one
        let mut starts = vec![0usize; count + 1];
        for m in &b.mentions {
            starts[m.sentence] += 1;
        }
        let mut total = 0;
        for start in &mut starts {
            let here = *start;
            *start = total;
            total += here;
        }
        let mut next = starts.clone();
        let mut in_order = vec![0usize; b.mentions.len()];
        let mut first_person = vec![None; count];
        // (each name is a mention: room for them all up front, rather than a list grown by
        // doubling over fresh pages; room never written is never touched)
        let mut names = Vec::with_capacity(b.mentions.len());
        let (mut ministries, mut by_end) = (Vec::new(), Vec::with_capacity(b.mentions.len()));
        // asked once per entity rather than once per mention
        let ministry: Vec<bool> = b
            .entities
            .iter()
            .map(|e| e.kind == ActorKind::Organisation && e.name.contains("Ministry"))
            .collect();
        for (i, m) in b.mentions.iter().enumerate() {
            in_order[next[m.sentence]] = i;
            next[m.sentence] += 1;
        }
        // read sentence by sentence, the lists below come out nearly sorted already (only the
        // mentions inside a sentence may be out of order): sorting them is then a few moves
        for &i in &in_order {
            let m = &b.mentions[i];
            let e = &b.entities[m.entity];
            if e.kind == ActorKind::Person && m.how != How::Descriptor {
                first_person[m.sentence].get_or_insert(m.entity);
            }
            if m.how == How::Name {
                names.push((m.range.start, m.range.end));
            }
            let key = (m.range.end, i, m.entity);
            if ministry[m.entity] {
                ministries.push(key);
            }
            by_end.push(key);
        }
        nearly_sorted::sort_by_key(&mut names, |&k| k);
        let names_max_end = names
            .iter()
            .scan(0, |max, &(_, end)| {
                *max = end.max(*max);
                Some(*max)
            })
            .collect();
        nearly_sorted::sort_by_key(&mut ministries, |&k| k);
        nearly_sorted::sort_by_key(&mut by_end, |&k| k);
        let (entity_starts, end_positions) = positions_by_entity(&by_end, b.entities.len());
        Self {
            starts,
            in_order,
            first_person,
            names,
            names_max_end,
            ministries,
            by_end,
            entity_starts,
            end_positions,
        }
    }

    /// The positions in `by_end` of entity `e`'s mentions, ascending.
    pub(super) fn positions_of(&self, e: usize) -> &[usize] {
        match (self.entity_starts.get(e), self.entity_starts.get(e + 1)) {
            (Some(&from), Some(&to)) => &self.end_positions[from..to],
            _ => &[],
        }
    }

    /// Indices of the mentions in sentence `si`.
    pub(super) fn in_sentence(&self, si: usize) -> impl Iterator<Item = usize> + '_ {
        let from = self.starts.get(si).copied().unwrap_or(0);
        let to = si
            .checked_add(1)
            .and_then(|next| self.starts.get(next))
            .copied()
            .unwrap_or(from);
        self.in_order[from..to].iter().copied()
    }

    /// Whether a name mention overlaps `range`.
    pub(super) fn overlaps_a_name(&self, range: &Range<usize>) -> bool {
        let starting_before = self.names.partition_point(|&(start, _)| start < range.end);
        starting_before > 0 && self.names_max_end[starting_before - 1] > range.start
    }
}

/// `by_end`'s positions grouped by entity (a counting sort, so each group stays ascending), as
/// the start of each entity's group and the positions.
fn positions_by_entity(
    by_end: &[(usize, usize, usize)],
    entities: usize,
) -> (Vec<usize>, Vec<usize>) {
    let count = by_end
        .iter()
        .map(|&(_, _, e)| e + 1)
        .max()
        .unwrap_or(0)
        .max(entities);
    let mut starts = vec![0usize; count + 1];
    for &(_, _, e) in by_end {
        starts[e] += 1;
    }
    let mut total = 0;
    for start in &mut starts {
        let here = *start;
        *start = total;
        total += here;
    }
    let mut next = starts.clone();
    let mut positions = vec![0usize; by_end.len()];
    for (k, &(_, _, e)) in by_end.iter().enumerate() {
        positions[next[e]] = k;
        next[e] += 1;
    }
    (starts, positions)
}
