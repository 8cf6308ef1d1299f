//! Reading the gazetteer's embedded tables ([`TablesRead::read`]): the compiled table when it
//! was made from the tables as they are, else their rows and fields, split eight bytes at a
//! time, into entries and the forms that name them; before the table of names is made of all
//! forms.

use std::collections::hash_map;

use rustc_hash::{FxHashMap, FxHashSet};

use super::forms::FormTable;
use super::rows::{ENTRY_ROW, Made, PATTERN_ROW, Rows, Shipped};
use super::{
    COMPILED, COUNTRIES, ENTRIES_CAPACITY, EXTRAS, Entry, FORMS_CAPACITY, Folded, GIVEN_CAPACITY,
    GIVEN_NAMES, NAMED, ORGS, PEOPLE, Prefixes, TablesRead,
};
use crate::extract::actors::prefixes::Compiled;
use crate::extract::eight_bytes::{find_byte, number32, pieces};
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

    /// Empty tables holding `rows`, their maps of forms and ids sized for `forms` and `ids`
    /// keys.
    fn empty(rows: Rows, forms: usize, ids: usize) -> Self {
        // sized once rather than rehashed as it grows, which touched twice its memory
        let mut given = FxHashSet::with_capacity_and_hasher(GIVEN_CAPACITY, Default::default());
        given.extend(
            pieces(GIVEN_NAMES, b'\n')
                .map(|l| l.strip_suffix('\r').unwrap_or(l))
                .filter(|l| !l.starts_with('#') && !l.is_empty()),
        );
        Self {
            rows,
            by_form: FxHashMap::with_capacity_and_hasher(forms, Default::default()),
            by_id: FxHashMap::with_capacity_and_hasher(ids, Default::default()),
            given,
            demonyms: FxHashSet::default(),
            names: None,
            form_table: None,
        }
    }

    /// Reads `compiled.bin`, what `scripts/build_gazetteer.py` made of the tables (entries,
    /// forms and nationality words, in the order [`TablesRead::from_tables`] makes them; its
    /// layout is in the script's `write_compiled`), when it gives the lengths and the
    /// [`fingerprint`] of the tables embedded with it; `None` when it does not (a table edited
    /// by hand since) or does not read. Reading the tables themselves splits 1.35 MB of rows
    /// and trims, compares and deduplicates ~55k forms at every start; this leaves the entries
    /// and forms where they lie ([`Rows`]) and hashes only the nationality words and the 11
    /// forms that are not all ASCII, which it lists. It also carries the table of names as
    /// [`Prefixes::new`] would sort and link it (see [`Prefixes::of_compiled`]), the entries
    /// in the order of their ids and the table of all-ASCII forms ([`FormTable`]), so that
    /// neither a sort nor a map of ~29k ids or ~37k forms is made at every start.
    pub(super) fn compiled() -> Option<Self> {
        const HEADER: usize = 16;
        let (header, rest) = COMPILED.split_at_checked(4 * HEADER)?;
        let header: [u32; HEADER] = std::array::from_fn(|i| number32(header, i));
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
            unusual,
        ] = std::array::from_fn(|i| header[8 + i] as usize);
        let (entry_rows, rest) = rest.split_at_checked(entries.checked_mul(ENTRY_ROW)?)?;
        let (pattern_rows, rest) = rest.split_at_checked(patterns.checked_mul(PATTERN_ROW)?)?;
        let (demonym_rows, rest) = rest.split_at_checked(demonyms.checked_mul(4 * 2)?)?;
        // the table of names: see `Compiled`
        let (keys, rest) = rest.split_at_checked(patterns.checked_mul(4 * 3)?)?;
        let (heads, rest) = rest.split_at_checked(patterns.checked_mul(8)?)?;
        let (shorter, rest) = rest.split_at_checked(patterns.checked_mul(4)?)?;
        let (first_words, rest) = rest.split_at_checked(first_words.checked_mul(8)?)?;
        let (id_order, rest) = rest.split_at_checked(entries.checked_mul(4)?)?;
        let (form_slots, rest) = rest.split_at_checked(form_slots.checked_mul(4)?)?;
        let (by_two_bytes, rest) = rest.split_at_checked(4 * ((1 << 16) + 1))?;
        let (longest_in, rest) = rest.split_at_checked(2 << 16)?;
        let (unusual, rest) = rest.split_at_checked(unusual.checked_mul(4)?)?;
        let (bytes, text) = rest.split_at_checked(keys_len)?;
        let names = Compiled {
            keys,
            heads,
            shorter,
            first_words,
            by_two_bytes,
            longest_in,
            bytes,
        };
        let text = std::str::from_utf8(text)
            .ok()
            .filter(|t| t.len() == text_len)?;
        let rows = Shipped::new(entry_rows, pattern_rows, id_order, text)?;
        // only the forms that are not all ASCII are hashed (11 in 2026), and no id
        let mut g = Self::empty(Rows::Shipped(rows), 16, 0);
        for pattern in unusual.chunks_exact(4).map(|n| number32(n, 0)) {
            let p = pattern as usize;
            let form = g.rows.form_of(p)?;
            let entry = g.rows.pattern_entry(p) as u32;
            // the script wrote each form once, as a test holds it to
            if form.is_ascii()
                || g.by_form
                    .insert(Folded::of(form), (entry, pattern))
                    .is_some()
            {
                return None;
            }
        }
        for row in demonym_rows.chunks_exact(4 * 2) {
            let (at, len) = (number32(row, 0) as usize, number32(row, 1) as usize);
            g.demonyms
                .insert(Folded::of(text.get(at..at.checked_add(len)?)?));
        }
        g.names = Some(Prefixes::of_compiled(&names, patterns)?);
        g.form_table = Some(FormTable::of_compiled(form_slots)?);
        Some(g)
    }

    /// Reads the embedded tables: every entry and form, the forms marked as nationality words.
    pub(super) fn from_tables() -> Self {
        let made = Made {
            entries: Vec::with_capacity(ENTRIES_CAPACITY),
            pattern_entry: Vec::with_capacity(FORMS_CAPACITY),
            pattern_form: Vec::with_capacity(FORMS_CAPACITY),
            pattern_demonym: Vec::with_capacity(FORMS_CAPACITY),
            id_order: Vec::new(),
        };
        let mut g = Self::empty(Rows::Made(made), FORMS_CAPACITY, ENTRIES_CAPACITY);
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
                // made once per process, and only when the tables themselves are read
                let id: &'static str = super::super::slug(place).leak();
                g.add(id, place, ActorKind::Place, Some(country), "");
            }
        }
        // Extras may name organisations that only exist after the ORGS pass.
        g.add_extras();
        g.mark_demonyms();
        // entries number a few tens of thousands: they fit in u32
        let made = g.made();
        made.id_order = (0..made.entries.len() as u32).collect();
        let entries = &made.entries;
        (made.id_order)
            .sort_unstable_by(|&a, &b| entries[a as usize].id.cmp(entries[b as usize].id));
        g
    }

    /// The rows the tables' own reading adds to (only it calls this, on the rows it made).
    fn made(&mut self) -> &mut Made {
        Self::made_rows(&mut self.rows)
    }

    /// [`TablesRead::made`] of `rows` alone, so the maps beside them can be borrowed too.
    fn made_rows(rows: &mut Rows) -> &mut Made {
        match rows {
            Rows::Made(made) => made,
            Rows::Shipped(_) => unreachable!("rows are only added while the tables are read"),
        }
    }

    fn add(
        &mut self,
        id: &'static str,
        name: &'static str,
        kind: ActorKind,
        affiliation: Option<&'static str>,
        aliases: &'static str,
    ) {
        // one look-up for an id met before or new (an id borrowed from the tables is a cheap key)
        let entry = match self.by_id.entry(id) {
            hash_map::Entry::Occupied(o) => *o.get(),
            hash_map::Entry::Vacant(v) => {
                let entries = &mut Self::made_rows(&mut self.rows).entries;
                entries.push(Entry {
                    id,
                    name,
                    kind,
                    affiliation,
                });
                *v.insert(entries.len() - 1)
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
        let made = Self::made_rows(&mut self.rows);
        for demonym in &self.demonyms {
            if let Some(&(_, pattern)) = self.by_form.get(demonym) {
                made.pattern_demonym[pattern as usize] = true;
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
        let made = Self::made_rows(&mut self.rows);
        match self.by_form.entry(Folded::of(form)) {
            hash_map::Entry::Occupied(_) => return,
            // entries and patterns number a few tens of thousands: they fit in u32
            hash_map::Entry::Vacant(v) => v.insert((entry as u32, made.pattern_form.len() as u32)),
        };
        made.pattern_entry.push(entry as u32);
        made.pattern_form.push(form);
        // marked by `mark_demonyms` once every form is in
        made.pattern_demonym.push(false);
        // News writes "Bashar al-Assad" where the tables say "Bashar al Assad".
        if has_al(form.as_bytes()) {
            let hyphenated: &'static str = Box::leak(form.replace(" al ", " al-").into_boxed_str());
            self.add_form(entry, hyphenated);
        }
    }
}

/// The version of `compiled.bin`'s layout, its first number.
const COMPILED_VERSION: u32 = 4;

/// A 64-bit fingerprint of the tables' bytes, as `scripts/build_gazetteer.py` computes it for
/// `compiled.bin`: a hand edit that keeps a table's length (one country code for another)
/// changes it, so the binary then reads the edited tables instead of stale compiled ones. Eight
/// bytes per step (the last group of each table zero-padded): about 1 M instructions for the
/// 1.35 MB, against the ~26 M that reading the tables costs. Whole groups are read as fixed
/// arrays: copying each group as a slice called `memcpy` 169k times (3 M instructions).
fn fingerprint(tables: &[&str]) -> u64 {
    let step = |h: u64, eight: [u8; 8]| {
        (h.rotate_left(5) ^ u64::from_le_bytes(eight)).wrapping_mul(0x517C_C1B7_2722_0A95)
    };
    let mut h = 0u64;
    for table in tables {
        let mut groups = table.as_bytes().chunks_exact(8);
        for group in &mut groups {
            h = step(
                h,
                [
                    group[0], group[1], group[2], group[3], group[4], group[5], group[6], group[7],
                ],
            );
        }
        let last = groups.remainder();
        if !last.is_empty() {
            let mut eight = [0u8; 8];
            eight[..last.len()].copy_from_slice(last);
            h = step(h, eight);
        }
    }
    h
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
