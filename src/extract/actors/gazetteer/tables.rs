//! Reading the gazetteer's embedded tables ([`TablesRead::read`]): the compiled table when it
//! was made from the tables as they are, else their rows and fields, split eight bytes at a
//! time, into entries and the forms that name them; before the table of names is made of all
//! forms.

use std::borrow::Cow;
use std::collections::hash_map;

use rustc_hash::{FxHashMap, FxHashSet};

use super::forms::FormTable;
use super::{
    COMPILED, COUNTRIES, ENTRIES_CAPACITY, EXTRAS, Entry, FORMS_CAPACITY, Folded, GIVEN_NAMES,
    NAMED, ORGS, PEOPLE, Prefixes, TablesRead,
};
use crate::extract::actors::prefixes::Compiled;
use crate::extract::eight_bytes::{find_byte, pieces};
use crate::model::ActorKind;

/// The rows of a table as their `N` tab-separated fields; `None` for a row with another number
/// of fields. Fixed-size arrays rather than a `Vec` per row: the tables have ~26k rows.
fn rows<const N: usize>(table: &'static str) -> impl Iterator<Item = Option<[&'static str; N]>> {
    pieces(table, b'\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .filter(|l| !l.starts_with('#') && !is_blank(l))
        .map(fields)
}

/// Whether `line` is empty or only white space (a line that opens with a visible ASCII byte,
/// nearly every one, is decided without `trim`).
fn is_blank(line: &str) -> bool {
    !line.as_bytes().first().is_some_and(u8::is_ascii_graphic) && line.trim().is_empty()
}

/// The `N` tab-separated fields of `line`, or `None` when it has another number of them. The
/// tabs are found eight bytes at a time: splitting with a `char` pattern set up a searcher for
/// each field of the ~2 MB of tables on every run.
fn fields<const N: usize>(line: &'static str) -> Option<[&'static str; N]> {
    let mut out = [""; N];
    let mut slot = 0;
    let mut start = 0;
    while let Some(tab) = find_byte(line.as_bytes(), start, b'\t') {
        *out.get_mut(slot)? = &line[start..tab];
        slot += 1;
        start = tab + 1;
    }
    *out.get_mut(slot)? = &line[start..];
    (slot + 1 == N).then_some(out)
}

impl TablesRead {
    /// The gazetteer's entries and forms: from the compiled table when it was made from the
    /// tables embedded with it, else from the tables themselves.
    pub(super) fn read() -> Self {
        Self::compiled().unwrap_or_else(Self::from_tables)
    }

    /// Empty tables, their maps of forms and ids sized for `forms` and `ids` keys.
    fn empty(forms: usize, ids: usize) -> Self {
        Self {
            entries: Vec::with_capacity(ENTRIES_CAPACITY),
            pattern_entry: Vec::with_capacity(FORMS_CAPACITY),
            pattern_form: Vec::with_capacity(FORMS_CAPACITY),
            pattern_demonym: Vec::with_capacity(FORMS_CAPACITY),
            by_form: FxHashMap::with_capacity_and_hasher(forms, Default::default()),
            by_id: FxHashMap::with_capacity_and_hasher(ids, Default::default()),
            given: pieces(GIVEN_NAMES, b'\n')
                .map(|l| l.strip_suffix('\r').unwrap_or(l))
                .filter(|l| !l.starts_with('#') && !l.is_empty())
                .collect(),
            demonyms: FxHashSet::default(),
            names: None,
            form_table: None,
            id_order: Vec::new(),
        }
    }

    /// Reads `compiled.bin`, what `scripts/build_gazetteer.py` made of the tables (entries,
    /// forms and nationality words, in the order [`TablesRead::from_tables`] makes them; its
    /// layout is in the script's `write_compiled`), when it gives the lengths and the
    /// [`fingerprint`] of the tables embedded with it; `None` when it does not (a table edited
    /// by hand since) or does not read. Reading the tables themselves splits 1.35 MB of rows and trims, compares and
    /// deduplicates ~55k forms at every start; this reads a few numbers per entry and form.
    /// It also carries the table of names as [`Prefixes::new`] would sort and link it (see
    /// [`Prefixes::of_compiled`]), the entries in the order of their ids and the table of
    /// all-ASCII forms ([`FormTable`]), so that neither a sort nor a map of ~29k ids or ~37k
    /// forms is made at every start.
    pub(super) fn compiled() -> Option<Self> {
        const HEADER: usize = 15;
        let (header, rest) = COMPILED.split_at_checked(4 * HEADER)?;
        let header: [u32; HEADER] = std::array::from_fn(|i| word(header, i));
        let sources = [COUNTRIES, ORGS, PEOPLE, NAMED, EXTRAS];
        let made_from = u64::from(header[6]) | u64::from(header[7]) << 32;
        if header[0] != COMPILED_VERSION
            || header[1..6]
                .iter()
                .zip(sources)
                .any(|(&a, table)| a as usize != table.len())
            || made_from != fingerprint(&sources)
        {
            return None;
        }
        let [
            entries,
            patterns,
            demonyms,
            first_words,
            form_slots,
            keys_len,
            text_len,
        ] = std::array::from_fn(|i| header[8 + i] as usize);
        let (entry_rows, rest) = rest.split_at_checked(entries.checked_mul(4 * 7)?)?;
        let (pattern_rows, rest) = rest.split_at_checked(patterns.checked_mul(4 * 4)?)?;
        let (demonym_rows, rest) = rest.split_at_checked(demonyms.checked_mul(4 * 2)?)?;
        // the table of names: see `Compiled`
        let (keys, rest) = rest.split_at_checked(patterns.checked_mul(4 * 3)?)?;
        let (heads, rest) = rest.split_at_checked(patterns.checked_mul(8)?)?;
        let (shorter, rest) = rest.split_at_checked(patterns.checked_mul(4)?)?;
        let (first_words, rest) = rest.split_at_checked(first_words.checked_mul(8)?)?;
        let (id_order, rest) = rest.split_at_checked(entries.checked_mul(4)?)?;
        let (form_slots, rest) = rest.split_at_checked(form_slots.checked_mul(4)?)?;
        let (bytes, text) = rest.split_at_checked(keys_len)?;
        let names = Compiled {
            keys,
            heads,
            shorter,
            first_words,
            bytes,
        };
        let text = std::str::from_utf8(text)
            .ok()
            .filter(|t| t.len() == text_len)?;
        // the string at offset `at` of the text, `len` bytes long
        let string = |row: &[u8], i: usize| {
            let (at, len) = (word(row, i) as usize, word(row, i + 1) as usize);
            text.get(at..at.checked_add(len)?)
        };
        // only the forms that are not all ASCII are hashed (11 in 2026), and no id
        let mut g = Self::empty(16, 0);
        for row in entry_rows.chunks_exact(4 * 7) {
            let (id, name, affiliation) = (string(row, 0)?, string(row, 2)?, string(row, 4)?);
            g.entries.push(Entry {
                id: Cow::Borrowed(id),
                name: Cow::Borrowed(name),
                kind: *KINDS.get(word(row, 6) as usize)?,
                affiliation: (!affiliation.is_empty()).then_some(affiliation),
            });
        }
        for row in pattern_rows.chunks_exact(4 * 4) {
            let form = string(row, 0)?;
            let entry = word(row, 2);
            if entry as usize >= g.entries.len() {
                return None;
            }
            // patterns number a few tens of thousands: they fit in u32
            let pattern = g.pattern_form.len() as u32;
            // only the forms the table of forms leaves out (see `Gazetteer::lookup`); the
            // script wrote each form once, as a test holds it to
            if !form.is_ascii()
                && g.by_form
                    .insert(Folded::of(form), (entry, pattern))
                    .is_some()
            {
                return None;
            }
            g.pattern_entry.push(entry as usize);
            g.pattern_form.push(form);
            g.pattern_demonym.push(word(row, 3) == 1);
        }
        for row in demonym_rows.chunks_exact(4 * 2) {
            g.demonyms.insert(Folded::of(string(row, 0)?));
        }
        g.names = Some(Prefixes::of_compiled(&names, g.pattern_form.len())?);
        g.form_table = Some(FormTable::of_compiled(form_slots)?);
        g.id_order = id_order.chunks_exact(4).map(|n| word(n, 0)).collect();
        // an entry beyond the table, were it written, is refused rather than read
        g.id_order
            .iter()
            .all(|&e| (e as usize) < g.entries.len())
            .then_some(g)
    }

    /// Reads the embedded tables: every entry and form, the forms marked as nationality words.
    pub(super) fn from_tables() -> Self {
        let mut g = Self::empty(FORMS_CAPACITY, ENTRIES_CAPACITY);
        let mut country_by_code: FxHashMap<&str, &'static str> = FxHashMap::default();
        let mut places: Vec<(&'static str, &'static str)> = Vec::new();
        for fields in rows(COUNTRIES) {
            let Some([code, id, name, aliases, demonyms, country_places]) = fields else {
                continue;
            };
            // every nationality word, for `is_demonym` and for `mark_demonyms` at the end
            for form in pieces(demonyms, b'|').filter(|f| !f.is_empty()) {
                g.demonyms.insert(Folded::of(form));
            }
            country_by_code.insert(code, id);
            g.add(id, name, ActorKind::Country, None, aliases);
            g.add(id, name, ActorKind::Country, None, demonyms);
            places.push((id, country_places));
        }
        g.add_extras();
        for fields in rows(ORGS) {
            let Some([id, name, kind, code, aliases]) = fields else {
                continue;
            };
            let kind = if kind == "group" {
                ActorKind::Group
            } else {
                ActorKind::Organisation
            };
            let affiliation = country_by_code.get(code).copied();
            g.add(id, name, kind, affiliation, aliases);
        }
        for fields in rows(PEOPLE) {
            let Some([id, name, code, aliases]) = fields else {
                continue;
            };
            let affiliation = country_by_code.get(code).copied();
            g.add(id, name, ActorKind::Person, affiliation, aliases);
        }
        for fields in rows(NAMED) {
            let Some([id, name, kind, affiliation, aliases]) = fields else {
                continue;
            };
            let kind = match kind {
                "product" => ActorKind::Product,
                "place" => ActorKind::Place,
                "organisation" => ActorKind::Organisation,
                _ => ActorKind::Other,
            };
            let affiliation = (!affiliation.is_empty()).then_some(affiliation);
            g.add(id, name, kind, affiliation, aliases);
        }
        // Cities and regions come last, so a country, body or person of the same name wins.
        for (country, list) in places {
            for place in pieces(list, b'|').filter(|p| p.len() >= 2) {
                if g.by_form.contains_key(&Folded::of(place)) {
                    continue;
                }
                g.add(
                    super::super::slug(place),
                    place,
                    ActorKind::Place,
                    Some(country),
                    "",
                );
            }
        }
        // Extras may name organisations that only exist after the ORGS pass.
        g.add_extras();
        g.mark_demonyms();
        // entries number a few tens of thousands: they fit in u32
        g.id_order = (0..g.entries.len() as u32).collect();
        g.id_order
            .sort_unstable_by(|&a, &b| g.entries[a as usize].id.cmp(&g.entries[b as usize].id));
        g
    }

    fn add(
        &mut self,
        id: impl Into<Cow<'static, str>>,
        name: &'static str,
        kind: ActorKind,
        affiliation: Option<&'static str>,
        aliases: &'static str,
    ) {
        // one look-up for an id met before or new (an id borrowed from the tables is a cheap key)
        let entry = match self.by_id.entry(id.into()) {
            hash_map::Entry::Occupied(o) => *o.get(),
            hash_map::Entry::Vacant(v) => {
                self.entries.push(Entry {
                    id: v.key().clone(),
                    name: Cow::Borrowed(name),
                    kind,
                    affiliation,
                });
                *v.insert(self.entries.len() - 1)
            }
        };
        self.add_form(entry, name);
        for form in pieces(aliases, b'|') {
            self.add_form(entry, form);
        }
    }

    /// The extra aliases of `extras.tsv`, for the entries read so far. Read twice: once after the
    /// countries, so an alias there is known before the bodies and people, and again at the end,
    /// for the organisations that only exist after the ORGS pass.
    fn add_extras(&mut self) {
        for fields in rows(EXTRAS) {
            if let Some([id, aliases]) = fields
                && let Some(&entry) = self.by_id.get(id)
            {
                for form in pieces(aliases, b'|') {
                    self.add_form(entry, form);
                }
            }
        }
    }

    /// Marks the patterns that are nationality words: a pattern is one when its key is one of
    /// [`TablesRead::demonyms`], so the few hundred of those are looked up among the forms
    /// rather than each of ~37k new forms among them.
    fn mark_demonyms(&mut self) {
        for demonym in &self.demonyms {
            if let Some(&(_, pattern)) = self.by_form.get(demonym) {
                self.pattern_demonym[pattern as usize] = true;
            }
        }
    }

    fn add_form(&mut self, entry: usize, form: &'static str) {
        // the tables' forms are trimmed already: one that starts and ends with a visible ASCII
        // byte is its own trim, and only another is handed to the Unicode `trim`
        let visible = |b: Option<&u8>| b.is_some_and(u8::is_ascii_graphic);
        let bytes = form.as_bytes();
        let form = if visible(bytes.first()) && visible(bytes.last()) {
            form
        } else {
            form.trim()
        };
        let form = form
            .strip_prefix("the ")
            .or_else(|| form.strip_prefix("The "))
            .unwrap_or(form);
        if form.len() < 2 || !form.bytes().any(|b| b.is_ascii_alphabetic()) {
            return;
        }
        match self.by_form.entry(Folded::of(form)) {
            hash_map::Entry::Occupied(_) => return,
            // entries and patterns number a few tens of thousands: they fit in u32
            hash_map::Entry::Vacant(v) => v.insert((entry as u32, self.pattern_form.len() as u32)),
        };
        self.pattern_entry.push(entry);
        self.pattern_form.push(form);
        // marked by `mark_demonyms` once every form is in
        self.pattern_demonym.push(false);
        // News writes "Bashar al-Assad" where the tables say "Bashar al Assad".
        if has_al(form.as_bytes()) {
            let hyphenated: &'static str = Box::leak(form.replace(" al ", " al-").into_boxed_str());
            self.add_form(entry, hyphenated);
        }
    }
}

/// The version of `compiled.bin`'s layout, its first number.
const COMPILED_VERSION: u32 = 3;

/// A 64-bit fingerprint of the tables' bytes, as `scripts/build_gazetteer.py` computes it for
/// `compiled.bin`: a hand edit that keeps a table's length (one country code for another)
/// changes it, so the binary then reads the edited tables instead of stale compiled ones. Eight
/// bytes per step (the last group of each table zero-padded): about 1 M instructions for the
/// 1.35 MB, against the ~26 M that reading the tables costs.
fn fingerprint(tables: &[&str]) -> u64 {
    let mut h = 0u64;
    for table in tables {
        for chunk in table.as_bytes().chunks(8) {
            let mut eight = [0u8; 8];
            eight[..chunk.len()].copy_from_slice(chunk);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(eight)).wrapping_mul(0x517C_C1B7_2722_0A95);
        }
    }
    h
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

/// The `i`th 32-bit little-endian number of `row`.
fn word(row: &[u8], i: usize) -> u32 {
    let mut bytes = [0; 4];
    bytes.copy_from_slice(&row[4 * i..4 * i + 4]);
    u32::from_le_bytes(bytes)
}

/// Whether `form` holds " al ": a byte comparison at each space (a substring search set up for
/// every one of ~37k forms, or a comparison at every byte, cost more).
fn has_al(form: &[u8]) -> bool {
    let mut from = 0;
    while let Some(space) = find_byte(form, from, b' ') {
        if form[space..].starts_with(b" al ") {
            return true;
        }
        from = space + 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edit_that_keeps_a_tables_length_is_seen() {
        // one affiliation for another: the same length, so only the fingerprint tells
        let edited = PEOPLE.replacen("\tRUS\t", "\tUKR\t", 1);
        assert_eq!(edited.len(), PEOPLE.len());
        assert_ne!(edited, PEOPLE);
        let shipped = [COUNTRIES, ORGS, PEOPLE, NAMED, EXTRAS];
        let after_edit = [COUNTRIES, ORGS, edited.as_str(), NAMED, EXTRAS];
        assert_ne!(fingerprint(&shipped), fingerprint(&after_edit));
        // and the shipped compiled.bin was made from the shipped tables
        assert!(TablesRead::compiled().is_some());
    }
}
