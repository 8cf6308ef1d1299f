//! Which earlier mentions a description ("the carmaker", "the Syrian capital") may stand for,
//! worked out once per article for each noun and country.

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
    pub(super) fn new(b: &Builder, seen: &Seen, d: &Description, country: Option<&str>) -> Self {
        let fits = |e: &LocalEntity| {
            let kind_fits = e.kind == d.kind
                || (d.kind == ActorKind::Organisation && e.kind == ActorKind::Group)
                || (d.kind == ActorKind::Product
                    && e.kind == ActorKind::Organisation
                    && is_product(&e.name));
            kind_fits
                && !e.name.contains("Ministry")
                && (d.kind != ActorKind::Place
                    || country.is_none()
                    || e.affiliation.as_deref() == country)
        };
        // most description nouns ("the company", "the capital") have no cues: then no name
        // shows one, and the words of the names need not be read
        let shows_sector = |e: &LocalEntity| {
            !d.cues.is_empty()
                && e.forms
                    .iter()
                    .chain(std::iter::once(&e.name))
                    .flat_map(|f| f.split_whitespace())
                    .any(|w| d.cues.contains(&w))
        };
        let other_sector = |e: &LocalEntity| {
            !d.cues.is_empty()
                && e.name
                    .split_whitespace()
                    .any(|w| LEXICON.is_sector_cue(w) && !d.cues.contains(&w))
        };
        // each fitting entity's mentions, gathered by entity and marked on a bit per position
        // in `by_end`, which the set bits then give back in order: walking every mention of a
        // long text for each noun, or sorting the gathered positions, cost more than the rest
        let words = seen.by_end.len().div_ceil(64);
        let (mut sector, mut no_other) = (vec![0u64; words], vec![0u64; words]);
        for (i, e) in b.entities.iter().enumerate() {
            let positions = seen.positions_of(i);
            if positions.is_empty() || !fits(e) {
                continue;
            }
            if shows_sector(e) {
                mark(&mut sector, positions);
            }
            if !other_sector(e) {
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
