//! The words whose final period belongs to them ("Mr.", "Inc.", "Sept."), and the look-up
//! the tokenizer makes for a word and its period: the list packed into numbers, so a word is
//! searched for among numbers, not strings.

/// Words whose final period belongs to them (lower-cased, without the period), sorted so a
/// word is looked up by binary search (a test keeps them sorted).
const ABBREVIATIONS: &[&str] = &[
    "adm", "approx", "apr", "aug", "capt", "co", "col", "corp", "dec", "dept", "dr", "e.g", "etc",
    "feb", "ft", "gen", "gov", "i.e", "inc", "jan", "jr", "lt", "ltd", "mar", "mr", "mrs", "ms",
    "mt", "no", "nov", "oct", "prof", "rep", "rev", "sen", "sep", "sept", "sgt", "sr", "st", "vs",
];

/// The longest word in [`ABBREVIATIONS`].
const LONGEST_ABBREVIATION: usize = 6;

/// A word of at most [`LONGEST_ABBREVIATION`] bytes as one number: its bytes from the top
/// (so numbers sort as the words do), then its length in the lowest byte (so no two words
/// share one).
const fn pack_abbreviation(word: &[u8]) -> u64 {
    let mut v = 0u64;
    let mut i = 0;
    while i < LONGEST_ABBREVIATION {
        v <<= 8;
        if i < word.len() {
            v |= word[i] as u64;
        }
        i += 1;
    }
    v << 8 | word.len() as u64
}

/// [`ABBREVIATIONS`] packed ([`pack_abbreviation`]), in the same (ascending) order: a word
/// and its period ("said.", "1998.", "Inc.") is searched for among numbers, not strings.
const PACKED_ABBREVIATIONS: [u64; ABBREVIATIONS.len()] = {
    let mut t = [0; ABBREVIATIONS.len()];
    let mut i = 0;
    while i < t.len() {
        t[i] = pack_abbreviation(ABBREVIATIONS[i].as_bytes());
        i += 1;
    }
    t
};

/// Whether `core` is in [`ABBREVIATIONS`], in any ASCII case.
pub(super) fn is_listed_abbreviation(core: &[u8]) -> bool {
    let mut lower = [0u8; LONGEST_ABBREVIATION];
    let Some(lower) = lower.get_mut(..core.len()) else {
        return false;
    };
    for (l, &b) in lower.iter_mut().zip(core) {
        *l = b.to_ascii_lowercase();
    }
    PACKED_ABBREVIATIONS
        .binary_search(&pack_abbreviation(lower))
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_are_sorted_and_found_in_any_case() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0] < w[1]));
        assert!(PACKED_ABBREVIATIONS.windows(2).all(|w| w[0] < w[1]));
        assert!(
            ABBREVIATIONS
                .iter()
                .all(|a| a.len() <= LONGEST_ABBREVIATION)
        );
        for a in ABBREVIATIONS {
            assert!(is_listed_abbreviation(a.as_bytes()));
            assert!(is_listed_abbreviation(a.to_uppercase().as_bytes()));
        }
        assert!(!is_listed_abbreviation(b"said"));
        assert!(!is_listed_abbreviation(b"co\0"));
        assert!(!is_listed_abbreviation(b"c"));
        assert!(!is_listed_abbreviation(b"approxi"));
    }
}
