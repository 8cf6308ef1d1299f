//! The abbreviations whose period may not end a sentence ("Gen.", "Oct. 21", "Corp."), in
//! the lists [`super::ends_sentence`] asks about, and the one table that looks a word up in
//! all of them at once.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

/// The longest abbreviation of the lists ([`TITLES`], [`NUMBERED`], [`AMBIGUOUS`],
/// [`COMPANY_SUFFIXES`]), in bytes.
pub(super) const MAX_ABBREVIATION: usize = 6;

/// `word` in ASCII lower case, written into `buf`, when it is short enough to be one of the
/// listed abbreviations (all lower-case ASCII); otherwise nothing (empty), which is none of
/// them either. Every sentence's last word is asked about, and a lower-cased copy of it on the
/// heap cost more than the look-ups.
pub(super) fn lower_abbreviation<'b>(word: &str, buf: &'b mut [u8; MAX_ABBREVIATION]) -> &'b [u8] {
    let Some(lower) = buf.get_mut(..word.len()) else {
        return &[];
    };
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    lower
}

// The lists an abbreviation is in, as bits, so one look-up says all of them.
/// The bit of an abbreviation in [`TITLES`].
pub(super) const IN_TITLES: u8 = 1;
/// The bit of an abbreviation in [`NUMBERED`].
pub(super) const IN_NUMBERED: u8 = 2;
/// The bit of an abbreviation in [`AMBIGUOUS`].
pub(super) const IN_AMBIGUOUS: u8 = 4;
/// The bit of an abbreviation in [`COMPANY_SUFFIXES`].
pub(super) const IN_COMPANY_SUFFIXES: u8 = 8;

/// Every listed abbreviation, by [`packed_abbreviation`], with the lists it is in. The word
/// before each full stop is looked up here once: comparing it with the hundred-odd entries of
/// the lists one by one was a sixth of the cost of splitting a text.
static ABBREVIATIONS: LazyLock<FxHashMap<u64, u8>> = LazyLock::new(|| {
    let mut all = FxHashMap::default();
    for (list, bit) in [
        (TITLES, IN_TITLES),
        (NUMBERED, IN_NUMBERED),
        (AMBIGUOUS, IN_AMBIGUOUS),
        (COMPANY_SUFFIXES, IN_COMPANY_SUFFIXES),
    ] {
        for word in list {
            *all.entry(packed_abbreviation(word.as_bytes())).or_insert(0) |= bit;
        }
    }
    all
});

/// The lists (bits) that `lower`, a word from [`lower_abbreviation`], is in; none for an empty
/// one (a word too long to be any).
pub(super) fn abbreviation_lists(lower: &[u8]) -> u8 {
    if lower.is_empty() {
        return 0;
    }
    ABBREVIATIONS
        .get(&packed_abbreviation(lower))
        .copied()
        .unwrap_or(0)
}

/// A word of at most [`MAX_ABBREVIATION`] bytes as one number: its bytes, then its length.
fn packed_abbreviation(word: &[u8]) -> u64 {
    let mut eight = [0; 8];
    let len = word.len().min(MAX_ABBREVIATION);
    eight[..len].copy_from_slice(&word[..len]);
    eight[7] = len as u8;
    u64::from_le_bytes(eight)
}

/// Abbreviations that never end a sentence: they always precede a name.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "dr", "gen", "gens", "sen", "sens", "rep", "reps", "gov", "lt",
    "col", "maj", "capt", "cmdr", "sgt", "cpl", "pvt", "adm", "brig", "prof", "rev", "hon", "pres",
    "supt", "insp", "det", "atty", "st", "mt", "ft", "gov", "amb", "fr",
];

/// Abbreviations that never end a sentence when a number follows.
const NUMBERED: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
    "nos", "vol", "art", "sec", "pp", "p", "ch", "fig", "tel", "ext", "approx", "ca",
];

/// Abbreviations that end a sentence only when a typical sentence opener follows.
const AMBIGUOUS: &[&str] = &[
    "inc", "corp", "co", "ltd", "plc", "llc", "jr", "sr", "bros", "etc", "vs", "v", "ave", "blvd",
    "rd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun", "dept", "univ", "est", "no",
];

/// Legal suffixes of company names: after one, a speaker and a verb start a new sentence.
pub(super) const COMPANY_SUFFIXES: &[&str] = &["inc", "corp", "co", "ltd", "plc", "llc"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_are_short_lower_case_ascii() {
        for word in [TITLES, NUMBERED, AMBIGUOUS, COMPANY_SUFFIXES].concat() {
            assert!(word.len() <= MAX_ABBREVIATION, "{word}");
            assert!(word.bytes().all(|b| b.is_ascii_lowercase()), "{word}");
        }
        let mut buf = [0; MAX_ABBREVIATION];
        assert_eq!(lower_abbreviation("Gen", &mut buf), b"gen");
        assert_eq!(lower_abbreviation("MESSRS", &mut buf), b"messrs");
        assert_eq!(lower_abbreviation("Ministers", &mut buf), b"");
        assert_eq!(lower_abbreviation("Añ", &mut buf), "añ".as_bytes());
    }

    #[test]
    fn each_abbreviation_is_found_in_the_lists_that_hold_it() {
        let lists = [
            (TITLES, IN_TITLES),
            (NUMBERED, IN_NUMBERED),
            (AMBIGUOUS, IN_AMBIGUOUS),
            (COMPANY_SUFFIXES, IN_COMPANY_SUFFIXES),
        ];
        for word in [TITLES, NUMBERED, AMBIGUOUS, COMPANY_SUFFIXES].concat() {
            for (list, bit) in lists {
                let found = abbreviation_lists(word.as_bytes()) & bit != 0;
                assert_eq!(found, list.contains(&word), "{word}");
            }
        }
        for word in ["", "said", "u.s", "gener", "añ", "incorp"] {
            assert_eq!(abbreviation_lists(word.as_bytes()), 0, "{word}");
        }
    }
}
