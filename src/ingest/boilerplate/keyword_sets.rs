//! The keyword look-ups of the furniture test: openings found by a line's first byte, and
//! phrases found anywhere in a line in one pass, both ignoring ASCII case.

/// Lower-case openings, found by the line's first byte.
///
/// Nearly every opening differs from a line in its first byte. Comparing that byte with each
/// of the 76 openings in turn cost about 900 instructions a paragraph; here a table says which
/// openings (a bit each) start with each byte, and only those are compared in full.
pub(super) struct OpeningSet {
    openings: &'static [&'static str],
    by_first: [u64; 256],
}

impl OpeningSet {
    pub(super) const fn new(openings: &'static [&'static str]) -> Self {
        assert!(openings.len() <= 64, "each opening is one bit of a u64");
        let mut by_first = [0u64; 256];
        let mut i = 0;
        while i < openings.len() {
            let first = openings[i].as_bytes()[0];
            assert!(!first.is_ascii_uppercase(), "openings are lower-case");
            by_first[first as usize] |= 1 << i;
            i += 1;
        }
        Self { openings, by_first }
    }

    /// Whether `line`, whose first byte lower-cased is `first`, opens with one of the openings.
    pub(super) fn opens(&self, line: &str, first: u8) -> bool {
        let mut candidates = self.by_first[usize::from(first)];
        while candidates != 0 {
            if opens_with(line, self.openings[candidates.trailing_zeros() as usize]) {
                return true;
            }
            candidates &= candidates - 1;
        }
        false
    }
}

/// Lower-case ASCII phrases to find anywhere in a text, ignoring ASCII case, in one pass.
///
/// Looking for each phrase in turn read every short paragraph 26 times. Here a table for each
/// of a phrase's first three bytes says which phrases (a bit each) have that byte there, in
/// either case; at each position of the text the three are intersected, so only a position
/// where some phrase's first three letters all fit is compared in full.
pub(super) struct PhraseSet {
    phrases: &'static [&'static str],
    at: [[u32; 256]; 3],
}

impl PhraseSet {
    pub(super) const fn new(phrases: &'static [&'static str]) -> Self {
        assert!(phrases.len() <= 32, "each phrase is one bit of a u32");
        let mut at = [[0u32; 256]; 3];
        let mut i = 0;
        while i < phrases.len() {
            let bytes = phrases[i].as_bytes();
            assert!(bytes.len() >= 3, "phrases are at least three bytes long");
            let mut k = 0;
            while k < bytes.len() {
                let b = bytes[k];
                assert!(
                    b.is_ascii() && !b.is_ascii_uppercase(),
                    "phrases are lower-case ASCII"
                );
                if k < 3 {
                    at[k][b as usize] |= 1 << i;
                    at[k][b.to_ascii_uppercase() as usize] |= 1 << i;
                }
                k += 1;
            }
            i += 1;
        }
        Self { phrases, at }
    }

    /// Whether `text` holds one of the phrases, ignoring ASCII case.
    pub(super) fn found_in(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        bytes.windows(3).enumerate().any(|(i, w)| {
            let mut candidates = self.at[0][usize::from(w[0])]
                & self.at[1][usize::from(w[1])]
                & self.at[2][usize::from(w[2])];
            while candidates != 0 {
                let phrase = self.phrases[candidates.trailing_zeros() as usize].as_bytes();
                if bytes[i..]
                    .get(..phrase.len())
                    .is_some_and(|here| here.eq_ignore_ascii_case(phrase))
                {
                    return true;
                }
                candidates &= candidates - 1;
            }
            false
        })
    }
}

/// Whether `line` starts with the word(s) `opening` (lower-case), ignoring ASCII case, not
/// merely with its letters. Whether the next character is a letter or digit does not change
/// with lower-casing, so it is asked of the character as written.
fn opens_with(line: &str, opening: &str) -> bool {
    let Some(head) = line.as_bytes().get(..opening.len()) else {
        return false;
    };
    head.eq_ignore_ascii_case(opening.as_bytes())
        && (opening.ends_with(|c: char| !c.is_alphanumeric())
            || line
                .get(opening.len()..)
                .and_then(|rest| rest.chars().next())
                .is_none_or(|c| !c.is_alphanumeric()))
}
