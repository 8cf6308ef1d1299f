//! The gazetteer's entries, patterns and id order ([`Rows`]): read where `compiled.bin`
//! holds them, a row decoded when it is asked for, or made from the tables when those were
//! edited since. Filling ~29k entries and ~37k patterns into fresh memory at every start was
//! ~3 MB, some 750 page faults, for the few hundred rows an article asks for.

use crate::extract::eight_bytes::number32;
use crate::model::ActorKind;

use super::Entry;

/// Bytes per entry row of `compiled.bin`: id, name and affiliation as (offset, length) into
/// its text, then the kind's number, each a 32-bit little-endian number.
pub(super) const ENTRY_ROW: usize = 4 * 7;
/// Bytes per pattern row: the form as (offset, length), its entry, 1 for a nationality word.
pub(super) const PATTERN_ROW: usize = 4 * 4;

/// The entries, patterns and id order.
pub(super) enum Rows {
    Shipped(Shipped),
    Made(Made),
}

/// The rows as `compiled.bin` holds them (see `write_compiled` in
/// `scripts/build_gazetteer.py`). Made with [`Shipped::new`], which checks that every entry
/// number in them is one of the entries.
pub(super) struct Shipped {
    entries: &'static [u8],
    patterns: &'static [u8],
    /// The entries' numbers in the order of their ids, 32-bit little-endian numbers.
    id_order: &'static [u8],
    /// Every string once.
    text: &'static str,
}

/// The rows as the tables read to (see `TablesRead::from_tables`).
#[derive(Default)]
pub(super) struct Made {
    pub(super) entries: Vec<Entry>,
    /// Per pattern: the entry it names.
    pub(super) pattern_entry: Vec<u32>,
    /// Per pattern: the form as written in the tables.
    pub(super) pattern_form: Vec<&'static str>,
    /// Per pattern: whether it is a nationality word.
    pub(super) pattern_demonym: Vec<bool>,
    /// The entries' numbers in the order of their ids.
    pub(super) id_order: Vec<u32>,
}

/// The kinds by their numbers in `compiled.bin` (`KINDS` in `scripts/build_gazetteer.py`).
const KINDS: [ActorKind; 7] = [
    ActorKind::Country,
    ActorKind::Person,
    ActorKind::Organisation,
    ActorKind::Place,
    ActorKind::Group,
    ActorKind::Product,
    ActorKind::Other,
];

impl Shipped {
    /// The rows in `compiled.bin`'s sections; `None` when a section's length is not whole
    /// rows or an entry number in the patterns or the id order is beyond the entries. The
    /// strings and kinds are not checked here (that would read every row at every start):
    /// `compiled.bin` is read only when made from the tables embedded with it, and a test
    /// reads every row of it against those tables.
    pub(super) fn new(
        entries: &'static [u8],
        patterns: &'static [u8],
        id_order: &'static [u8],
        text: &'static str,
    ) -> Option<Self> {
        let count = entries.len() / ENTRY_ROW;
        let whole = entries.len().is_multiple_of(ENTRY_ROW)
            && patterns.len().is_multiple_of(PATTERN_ROW)
            && id_order.len() == 4 * count;
        let known = |e: u32| (e as usize) < count;
        let in_range = (patterns.chunks_exact(PATTERN_ROW)).all(|row| known(number32(row, 2)))
            && (id_order.chunks_exact(4)).all(|e| known(number32(e, 0)));
        (whole && in_range).then_some(Self {
            entries,
            patterns,
            id_order,
            text,
        })
    }

    /// The string at the offset and length that are numbers `i` and `i + 1` of `row`: `""`
    /// where it would not be one (which the script does not write, see [`Shipped::new`]).
    /// The text is checked to be UTF-8 once, as a whole: checking each string as it was read
    /// cost ~110 instructions a string, 4 M on TimeBank 1 MB.
    fn string(&self, row: &[u8], i: usize) -> &'static str {
        let (at, len) = (number32(row, i) as usize, number32(row, i + 1) as usize);
        let text = self.text;
        at.checked_add(len)
            .and_then(|end| text.get(at..end))
            .unwrap_or("")
    }

    fn entry_row(&self, e: usize) -> &'static [u8] {
        &self.entries[ENTRY_ROW * e..ENTRY_ROW * (e + 1)]
    }

    fn pattern_row(&self, p: usize) -> &'static [u8] {
        &self.patterns[PATTERN_ROW * p..PATTERN_ROW * (p + 1)]
    }
}

impl Rows {
    /// Entry `e` (one of [`Rows::entry_count`]).
    pub(super) fn entry(&self, e: usize) -> Entry {
        match self {
            Self::Shipped(s) => {
                let row = s.entry_row(e);
                let affiliation = s.string(row, 4);
                Entry {
                    id: s.string(row, 0),
                    name: s.string(row, 2),
                    kind: self.kind(e),
                    affiliation: (!affiliation.is_empty()).then_some(affiliation),
                }
            }
            Self::Made(m) => m.entries[e],
        }
    }

    /// Entry `e`'s kind, read alone (the recogniser asks it of every hit).
    pub(super) fn kind(&self, e: usize) -> ActorKind {
        match self {
            // `Other` for a number beyond the kinds, which the script does not write
            Self::Shipped(s) => {
                (KINDS.get(number32(s.entry_row(e), 6) as usize)).map_or(ActorKind::Other, |&k| k)
            }
            Self::Made(m) => m.entries[e].kind,
        }
    }

    /// Entry `e`'s id: a search by id reads only this.
    pub(super) fn id(&self, e: usize) -> &'static str {
        match self {
            Self::Shipped(s) => s.string(s.entry_row(e), 0),
            Self::Made(m) => m.entries[e].id,
        }
    }

    pub(super) fn entry_count(&self) -> usize {
        match self {
            Self::Shipped(s) => s.entries.len() / ENTRY_ROW,
            Self::Made(m) => m.entries.len(),
        }
    }

    pub(super) fn pattern_count(&self) -> usize {
        match self {
            Self::Shipped(s) => s.patterns.len() / PATTERN_ROW,
            Self::Made(m) => m.pattern_form.len(),
        }
    }

    /// Pattern `p`'s form as written in the tables.
    pub(super) fn form(&self, p: usize) -> &'static str {
        match self {
            Self::Shipped(s) => s.string(s.pattern_row(p), 0),
            Self::Made(m) => m.pattern_form[p],
        }
    }

    /// Pattern `p`'s form, or `None` for a number beyond the patterns.
    pub(super) fn form_of(&self, p: usize) -> Option<&'static str> {
        (p < self.pattern_count()).then(|| self.form(p))
    }

    /// The entry pattern `p` names.
    pub(super) fn pattern_entry(&self, p: usize) -> usize {
        match self {
            Self::Shipped(s) => number32(s.pattern_row(p), 2) as usize,
            Self::Made(m) => m.pattern_entry[p] as usize,
        }
    }

    /// Whether pattern `p` is a nationality word. A hit's text equals its pattern but for
    /// ASCII case, so it is a demonym exactly when the pattern is: decided once in the tables
    /// instead of lower-casing every hit.
    pub(super) fn pattern_demonym(&self, p: usize) -> bool {
        match self {
            Self::Shipped(s) => number32(s.pattern_row(p), 3) == 1,
            Self::Made(m) => m.pattern_demonym[p],
        }
    }

    /// The entry whose id is `i`th in the order of the ids.
    pub(super) fn by_id_order(&self, i: usize) -> usize {
        match self {
            Self::Shipped(s) => number32(s.id_order, i) as usize,
            Self::Made(m) => m.id_order[i] as usize,
        }
    }

    /// Every pattern's form, for the tables' own reading (edited tables, tests).
    pub(super) fn forms(&self) -> Vec<&'static str> {
        (0..self.pattern_count()).map(|p| self.form(p)).collect()
    }
}
