//! The embedded gazetteer: countries (with their state bodies), the nationality words that
//! describe them, their cities and regions (places of their own, affiliated to the country),
//! international bodies, companies, armed groups, office-holders, and the market indices,
//! products and treaties of `named.tsv`; derived from the CAMEO dictionaries by
//! `scripts/build_gazetteer.py` and matched with one sorted table of names built on first use.

use std::borrow::Cow;
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::prefixes::Prefixes;
use crate::extract::eight_bytes::{ascii_lower_eight, find_name_start};
use crate::model::ActorKind;
use forms::FormTable;
use rows::Rows;

mod forms;
mod rows;
mod tables;

const COUNTRIES: &str = include_str!("../../../assets/gazetteer/countries.tsv");
const ORGS: &str = include_str!("../../../assets/gazetteer/orgs.tsv");
const PEOPLE: &str = include_str!("../../../assets/gazetteer/people.tsv");
const EXTRAS: &str = include_str!("../../../assets/gazetteer/extras.tsv");
const NAMED: &str = include_str!("../../../assets/gazetteer/named.tsv");
const GIVEN_NAMES: &str = include_str!("../../../assets/gazetteer/given_names.txt");
/// The tables above as the gazetteer reads them, written by `scripts/build_gazetteer.py`: see
/// [`TablesRead::read`].
const COMPILED: &[u8] = include_bytes!("../../../assets/gazetteer/compiled.bin");
/// The order of the table of names, written by `scripts/build_gazetteer.py` with the tables:
/// see [`Prefixes::with_order`].
const NAMES_ORDER: &str = include_str!("../../../assets/gazetteer/names.order");

/// The gazetteer, compiled once per process.
pub static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::build);

/// One known entity, as [`Gazetteer::entry`] reads it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Entry {
    /// Stable actor id (slug of the canonical name). Ids and names borrow the embedded tables
    /// or `compiled.bin` (only when the tables themselves are read is a city's id made from
    /// its name, once per process).
    pub id: &'static str,
    pub name: &'static str,
    pub kind: ActorKind,
    /// Actor id of the country this entry belongs to (an id in the embedded tables).
    pub affiliation: Option<&'static str>,
}

/// A gazetteer hit in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct GazMatch {
    pub range: Range<usize>,
    pub entry: usize,
    /// A nationality word ("Syrian", "Thai"): it describes its country rather than naming it.
    pub demonym: bool,
}

/// The compiled tables.
pub struct Gazetteer {
    /// The entries, and per pattern its form (for the case check), its entry and whether it
    /// is a nationality word.
    rows: Rows,
    names: Prefixes,
    // The maps below hash with Fx: their keys come from the embedded tables or are asked
    // about every name of every article, never keys crafted against them.
    /// The all-ASCII forms, for [`Gazetteer::lookup`].
    forms: FormTable,
    /// Per form that is not all ASCII, its entry and pattern (11 in 2026).
    unusual_forms: FxHashMap<Folded<'static>, (u32, u32)>,
    /// Whether the lower case of one of `unusual_forms` is all ASCII (a Kelvin sign's is
    /// "k"): only then is an all-ASCII form looked up there too.
    unusual_ascii: bool,
    given: FxHashSet<&'static str>,
    /// Nationality words.
    demonyms: FxHashSet<Folded<'static>>,
}

/// A form as a key that stands for its lower case (as [`str::to_lowercase`] writes it): an
/// ASCII form as it is, compared and hashed ignoring ASCII case, and any other form
/// lower-cased. Two forms are equal keys exactly when their lower cases are equal, yet the
/// ~60k ASCII forms of the tables, and the forms looked up in every article, are keys without
/// a lower-cased copy of their own.
#[derive(Debug)]
struct Folded<'a>(Cow<'a, str>);

impl<'a> Folded<'a> {
    fn of(form: &'a str) -> Self {
        if form.is_ascii() {
            Self(Cow::Borrowed(form))
        } else {
            Self(Cow::Owned(form.to_lowercase()))
        }
    }
}

impl PartialEq for Folded<'_> {
    fn eq(&self, other: &Self) -> bool {
        // a lower-cased key has no ASCII capitals left, so this is its plain equality
        self.0.eq_ignore_ascii_case(&other.0)
    }
}

impl Eq for Folded<'_> {}

impl Hash for Folded<'_> {
    /// The key's bytes ASCII-lower-cased, eight at a time, and its length: equal keys hash
    /// alike.
    fn hash<H: Hasher>(&self, state: &mut H) {
        let bytes = self.0.as_bytes();
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut eight = [0; 8];
            eight.copy_from_slice(chunk);
            state.write_u64(ascii_lower_eight(u64::from_le_bytes(eight)));
        }
        let mut last = [0; 8];
        last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        state.write_u64(ascii_lower_eight(u64::from_le_bytes(last)));
        state.write_usize(bytes.len());
    }
}

/// Roughly how many forms and entries the tables hold, so the maps are sized once instead of
/// rehashing everything as they grow (37.3k distinct forms and 29k entries in 2026: a map
/// sized far beyond its keys only spreads them over more memory).
const FORMS_CAPACITY: usize = 40_000;
const ENTRIES_CAPACITY: usize = 32_000;
/// Roughly how many given names `given_names.txt` lists (2,154 in 2026), likewise.
const GIVEN_CAPACITY: usize = 2_400;

/// The gazetteer's tables as they are read, before the table of names is made of all forms.
struct TablesRead {
    /// The entries and patterns, and the entries' numbers in the order of their ids
    /// ([`Gazetteer::by_id`] searches it, a few hundred calls per run, where a map of every id
    /// cost 29k insertions per start).
    rows: Rows,
    /// Per form, its entry and pattern: every form while the tables themselves are read, only
    /// those that are not all ASCII when the compiled table is (see `form_table`).
    by_form: FxHashMap<Folded<'static>, (u32, u32)>,
    /// The all-ASCII forms, when `compiled.bin` carries them.
    form_table: Option<FormTable>,
    /// Per id, its entry: only while the tables themselves are read (see `rows`).
    by_id: FxHashMap<&'static str, usize>,
    given: FxHashSet<&'static str>,
    demonyms: FxHashSet<Folded<'static>>,
    /// The table of names, when `compiled.bin` carries it (made with the tables).
    names: Option<Prefixes>,
}

impl Gazetteer {
    fn build() -> Self {
        let mut g = TablesRead::read();
        // Names start at a capitalised word, so the table is only asked for the longest name
        // starting there: far fewer steps than scanning every byte for 100k patterns.
        let (names, forms) = match (g.names.take(), g.form_table.take()) {
            (Some(names), Some(forms)) => (names, forms),
            // tables edited since `compiled.bin` was made: both made from the forms, listed once
            (names, forms) => {
                let all = g.rows.forms();
                (
                    names.unwrap_or_else(|| Prefixes::with_order(&all, NAMES_ORDER)),
                    forms.unwrap_or_else(|| FormTable::build(&all)),
                )
            }
        };
        let rows = &g.rows;
        (g.by_form).retain(|_, &mut (_, pattern)| !rows.form(pattern as usize).is_ascii());
        let unusual_ascii = g.by_form.keys().any(|form| form.0.is_ascii());
        Self {
            rows: g.rows,
            names,
            forms,
            unusual_forms: g.by_form,
            unusual_ascii,
            given: g.given,
            demonyms: g.demonyms,
        }
    }

    /// Entry `e`, a number the gazetteer gave ([`GazMatch::entry`], [`Gazetteer::lookup`]).
    pub fn entry(&self, e: usize) -> Entry {
        self.rows.entry(e)
    }

    /// Entry `e`'s kind: [`Gazetteer::entry`]'s, without reading its strings.
    pub fn kind(&self, e: usize) -> ActorKind {
        self.rows.kind(e)
    }

    /// The entry a whole form names ("Kremlin", "Russian", "Sergei Lavrov"), ignoring case.
    pub fn lookup(&self, form: &str) -> Option<usize> {
        let form = form.trim();
        let form = form
            .strip_prefix("the ")
            .or_else(|| form.strip_prefix("The "))
            .unwrap_or(form);
        let folded = Folded::of(form);
        // Two all-ASCII forms are equal keys exactly when they are equal but for ASCII case,
        // which the table of forms compares; the tables hold no two forms that are equal keys,
        // so at most one form answers.
        if folded.0.is_ascii() {
            let found = (self.forms).find(folded.0.as_bytes(), |p| self.rows.form_of(p));
            if let Some(pattern) = found {
                return Some(self.rows.pattern_entry(pattern));
            }
            if !self.unusual_ascii {
                return None;
            }
        }
        // the map of table keys read as a map of keys that live as long as `form`
        let unusual: &FxHashMap<Folded<'_>, (u32, u32)> = &self.unusual_forms;
        unusual.get(&folded).map(|&(entry, _)| entry as usize)
    }

    /// The entry with this actor id.
    pub fn by_id(&self, id: &str) -> Option<Entry> {
        let (mut low, mut high) = (0, self.rows.entry_count());
        // a binary search of the entries' numbers in the order of their ids
        while low < high {
            let mid = low + (high - low) / 2;
            let entry = self.rows.by_id_order(mid);
            match self.rows.id(entry).cmp(id) {
                std::cmp::Ordering::Less => low = mid + 1,
                std::cmp::Ordering::Greater => high = mid,
                std::cmp::Ordering::Equal => return Some(self.rows.entry(entry)),
            }
        }
        None
    }

    /// Whether `form` is a nationality word ("Syrian", "Irish"), which describes a country.
    pub fn is_demonym(&self, form: &str) -> bool {
        // the set of table keys read as a set of keys that live as long as `form`
        let demonyms: &FxHashSet<Folded<'_>> = &self.demonyms;
        demonyms.contains(&Folded::of(form.trim()))
    }

    /// Whether `word` is a first name borne by known office-holders ("Sergei", "Steve").
    pub fn is_given_name(&self, word: &str) -> bool {
        self.given.contains(word)
    }

    /// Every gazetteer name in `text[range]`, the longest at each capitalised word, each on word
    /// boundaries and in a plausible case ("IS" only in capitals, "Washington" capitalised).
    pub fn find(&self, text: &str, range: Range<usize>) -> Vec<GazMatch> {
        let mut out = Vec::new();
        self.find_into(text, range, &mut out);
        out
    }

    /// [`Gazetteer::find`] into `out` (emptied first): the article scan keeps it from sentence
    /// to sentence instead of allocating one for each.
    pub fn find_into(&self, text: &str, range: Range<usize>, out: &mut Vec<GazMatch>) {
        out.clear();
        let Some(slice) = text.get(range.clone()) else {
            return;
        };
        let bytes = slice.as_bytes();
        // Only bytes that may start a name are stopped at (ASCII capitals and digits, and the
        // bytes of other characters), found eight bytes at a time (most bytes are lower-case
        // letters and spaces); a character is decoded only where a non-ASCII one starts.
        // After a hit the scan goes on at its end.
        let mut next = 0;
        while let Some(at) = find_name_start(bytes, next) {
            next = at + 1;
            let starts_name = bytes[at].is_ascii()
                || (slice.is_char_boundary(at)
                    && slice[at..].chars().next().is_some_and(char::is_uppercase));
            if !starts_name || !boundary_before(slice, at) {
                continue;
            }
            // a name must end where a word does: most capitalised words start none that can
            if !self.names.may_reach_word_end(&bytes[at..]) {
                continue;
            }
            let Some((pattern, len)) = self.names.longest_prefix(&bytes[at..]) else {
                continue;
            };
            let e = at + len;
            if !boundary_after(slice, e) {
                continue;
            }
            if !case_fits(self.rows.form(pattern), &slice[at..e]) {
                continue;
            }
            out.push(GazMatch {
                range: range.start + at..range.start + e,
                entry: self.rows.pattern_entry(pattern),
                demonym: self.rows.pattern_demonym(pattern),
            });
            next = e;
        }
    }
}

/// Whether a name may start at byte `at` of `s`: no letter, digit, hyphen, apostrophe or full
/// stop before it. An ASCII byte before it (nearly always) is tested as it is; only a byte of
/// another character has that character decoded (the scan asks at every capital and digit).
fn boundary_before(s: &str, at: usize) -> bool {
    match at.checked_sub(1).map(|before| s.as_bytes()[before]) {
        None => true,
        Some(b) if b.is_ascii() => !b.is_ascii_alphanumeric() && !matches!(b, b'-' | b'\'' | b'.'),
        Some(_) => boundary_before_decoded(s, at),
    }
}

/// [`boundary_before`] decoding the character before `at` whatever it is.
fn boundary_before_decoded(s: &str, at: usize) -> bool {
    s[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric() && c != '-' && c != '\'' && c != '.')
}

/// Whether a name may end at byte `at` of `s`: no letter or digit after it, tested by the
/// byte when it is ASCII (see [`boundary_before`]).
fn boundary_after(s: &str, at: usize) -> bool {
    match s.as_bytes().get(at) {
        None => true,
        Some(b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
        Some(_) => boundary_after_decoded(s, at),
    }
}

/// [`boundary_after`] decoding the character at `at` whatever it is.
fn boundary_after_decoded(s: &str, at: usize) -> bool {
    s[at..].chars().next().is_none_or(|c| !c.is_alphanumeric())
}

/// Short acronyms must be written in capitals ("IS", "US", "UN"); other words must start with a
/// capital unless they are function words ("Islamic State of Iraq").
fn case_fits(form: &str, seen: &str) -> bool {
    let mut form_words = form.split_whitespace();
    let mut seen_words = seen.split_whitespace();
    loop {
        match (form_words.next(), seen_words.next()) {
            (None, None) => return true,
            (Some(f), Some(w)) => {
                let letters = f.chars().filter(|c| c.is_alphabetic()).count();
                let acronym = letters <= 3 && f.chars().all(|c| !c.is_lowercase());
                if acronym {
                    if f != w && !w.chars().all(|c| !c.is_lowercase()) {
                        return false;
                    }
                } else if f.chars().next().is_some_and(char::is_lowercase) {
                    continue;
                } else if !w.chars().next().is_some_and(char::is_uppercase) {
                    return false;
                }
            }
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::slug;
    use super::*;

    fn names(text: &str) -> Vec<(String, String)> {
        GAZETTEER
            .find(text, 0..text.len())
            .into_iter()
            .map(|m| {
                (
                    text[m.range].to_string(),
                    GAZETTEER.entry(m.entry).id.to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn seats_of_power_stand_for_their_country_and_cities_are_places_of_their_own() {
        let found = names("Officials in Moscow and the Kremlin replied to the U.S. from Houston.");
        assert!(
            found.contains(&("Kremlin".into(), "russia".into())),
            "{found:?}"
        );
        assert!(found.contains(&("U.S.".into(), "united-states".into())));
        for (city, country) in [("Moscow", "russia"), ("Houston", "united-states")] {
            let id = slug(city);
            assert!(found.contains(&(city.into(), id.clone())), "{found:?}");
            let entry = GAZETTEER.by_id(&id).expect("the city is in the tables");
            assert_eq!(entry.kind, ActorKind::Place);
            assert_eq!(entry.affiliation, Some(country));
        }
    }

    #[test]
    fn nationality_words_describe_and_people_are_no_country_aliases() {
        let found = GAZETTEER.find("Thai and Irish officials", 0..24);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found.iter().all(|m| m.demonym));
        for name in ["Abdullah", "Khalid", "Fahd"] {
            let hit = GAZETTEER.lookup(name).map(|e| GAZETTEER.entry(e));
            assert!(
                hit.is_none_or(|e| e.kind != ActorKind::Country),
                "{name} is an alias of {hit:?}"
            );
        }
    }

    #[test]
    fn short_acronyms_only_match_in_capitals() {
        assert!(names("It is what it is, said one of us.").is_empty());
        let found = names("Fighters of IS were seen near the US border.");
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn whole_forms_are_looked_up_in_any_case() {
        let iraq = GAZETTEER.lookup("Kurdistan Regional Government");
        assert!(iraq.is_some());
        // the Kelvin sign's lower case is an ASCII "k"
        for form in [
            "KURDISTAN REGIONAL GOVERNMENT",
            "kurdistan regional government",
            "\u{212A}urdistan Regional Government",
        ] {
            assert_eq!(GAZETTEER.lookup(form), iraq, "{form}");
        }
        let barzani = GAZETTEER.lookup("Mesûd Barzanî");
        assert!(barzani.is_some());
        for form in ["MESÛD BARZANÎ", "mesûd barzanî"] {
            assert_eq!(GAZETTEER.lookup(form), barzani, "{form}");
        }
    }

    #[test]
    fn the_shipped_order_of_names_holds_and_makes_the_sorted_table() {
        let forms = TablesRead::read().rows.forms();
        let listed = Prefixes::in_order(&forms, NAMES_ORDER)
            .expect("names.order is stale: run python3 scripts/build_gazetteer.py --order");
        assert!(listed.same_as(&Prefixes::new(&forms)));
    }

    #[test]
    fn the_compiled_table_of_names_is_the_sorted_table() {
        let mut g = TablesRead::compiled()
            .expect("compiled.bin is stale: run python3 scripts/build_gazetteer.py --order");
        let shipped = g
            .names
            .take()
            .expect("compiled.bin carries the table of names");
        assert!(shipped.same_as(&Prefixes::new(&g.rows.forms())));
    }

    /// Where two lists first differ, with both items there, or `None` when they are equal.
    fn first_difference<T: PartialEq + Clone>(
        a: &[T],
        b: &[T],
    ) -> Option<(usize, Option<T>, Option<T>)> {
        (0..a.len().max(b.len()))
            .find(|&i| a.get(i) != b.get(i))
            .map(|i| (i, a.get(i).cloned(), b.get(i).cloned()))
    }

    #[test]
    fn the_compiled_table_is_what_the_tables_read_to() {
        let compiled = TablesRead::compiled()
            .expect("compiled.bin is stale: run python3 scripts/build_gazetteer.py --order");
        let tables = TablesRead::from_tables();
        // every row of each, read through the same accessors the gazetteer uses
        let entries = |g: &TablesRead| {
            (0..g.rows.entry_count())
                .map(|e| g.rows.entry(e))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            first_difference(&entries(&compiled), &entries(&tables)),
            None
        );
        let patterns = |g: &TablesRead| {
            (0..g.rows.pattern_count())
                .map(|p| {
                    (
                        g.rows.form(p),
                        g.rows.pattern_entry(p),
                        g.rows.pattern_demonym(p),
                    )
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(
            first_difference(&patterns(&compiled), &patterns(&tables)),
            None
        );
        fn unusual(g: &TablesRead) -> Vec<(&str, (u32, u32))> {
            let mut forms: Vec<_> = (g.by_form.iter())
                .filter(|(_, (_, p))| !g.rows.form(*p as usize).is_ascii())
                .map(|(form, &at)| (form.0.as_ref(), at))
                .collect();
            forms.sort_unstable();
            forms
        }
        assert_eq!(unusual(&compiled), unusual(&tables));
        let shipped = compiled
            .form_table
            .as_ref()
            .expect("compiled.bin carries the forms");
        assert!(shipped.bytes() == FormTable::build(&tables.rows.forms()).bytes());
        let id_order = |g: &TablesRead| {
            (0..g.rows.entry_count())
                .map(|i| g.rows.by_id_order(i))
                .collect::<Vec<_>>()
        };
        assert_eq!(id_order(&compiled), id_order(&tables));
        // each id once: the search by id finds every entry
        let ids = id_order(&tables).into_iter().map(|e| tables.rows.id(e));
        assert!(ids.clone().zip(ids.skip(1)).all(|(a, b)| a < b));
        for e in 0..GAZETTEER.rows.entry_count() {
            let entry = GAZETTEER.entry(e);
            assert_eq!(GAZETTEER.by_id(entry.id), Some(entry));
        }
        assert!(compiled.demonyms == tables.demonyms);
        assert!(compiled.given == tables.given);
    }

    #[test]
    fn a_form_is_looked_up_as_the_map_of_every_form_finds_it() {
        let tables = TablesRead::from_tables();
        let general = |form: &str| {
            let form = form.trim();
            let form = (form.strip_prefix("the "))
                .or_else(|| form.strip_prefix("The "))
                .unwrap_or(form);
            (tables.by_form.get(&Folded::of(form))).map(|&(entry, _)| entry as usize)
        };
        let mut found = 0;
        let forms = tables.rows.forms();
        for form in &forms {
            for variant in [
                form.to_string(),
                form.to_uppercase(),
                form.to_lowercase(),
                format!("the {form}"),
                format!("{form}s"),
                form.chars().take(form.chars().count() / 2).collect(),
            ] {
                assert_eq!(GAZETTEER.lookup(&variant), general(&variant), "{variant}");
                found += usize::from(general(&variant).is_some());
            }
        }
        assert!(found > 3 * forms.len());
    }

    #[test]
    fn matches_respect_word_boundaries() {
        assert!(names("The Omskville and Moscowite reports").is_empty());
    }

    #[test]
    fn boundaries_tested_by_the_byte_agree_with_the_decoded_character() {
        let text = "x.Moscow-Kyiv's (Paris) 'Rome é Zürich,Oslo—Bonn 3A ¿Lima? ÉTAT\u{a0}Riga";
        for at in (0..=text.len()).filter(|&at| text.is_char_boundary(at)) {
            assert_eq!(
                boundary_before(text, at),
                boundary_before_decoded(text, at),
                "{at}"
            );
            assert_eq!(
                boundary_after(text, at),
                boundary_after_decoded(text, at),
                "{at}"
            );
        }
    }
}
