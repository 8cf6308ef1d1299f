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
/// either case; where some phrase's first three letters all fit, it is compared in full.
///
/// Not every position is tried: the text is read in windows as long as the shortest phrase,
/// and the last two bytes of a window say how far the window may move on without passing a
/// phrase's start (the shifts of Wu and Manber's search). Asking the three tables at every
/// position cost about twelve instructions a byte of every short paragraph.
pub(super) struct PhraseSet {
    phrases: &'static [&'static str],
    at: [[u32; 256]; 3],
    /// The length of the shortest phrase: a window's length.
    shortest: usize,
    /// By [`pair`] of a window's last two bytes: how far the window may move on. A phrase can
    /// start where the window starts only when this is 0.
    shift: [u8; PAIRS],
}

/// Slots of [`PhraseSet`]'s shift table: [`pair`] reads five bits of each byte.
const PAIRS: usize = 1 << 10;

/// Two bytes as one slot of the shift table: the low five bits of each, which an ASCII letter
/// shares with its other case. Other bytes share slots too; that only makes shifts smaller.
const fn pair(first: u8, second: u8) -> usize {
    ((first & 0x1f) as usize) << 5 | (second & 0x1f) as usize
}

impl PhraseSet {
    pub(super) const fn new(phrases: &'static [&'static str]) -> Self {
        assert!(phrases.len() <= 32, "each phrase is one bit of a u32");
        let mut at = [[0u32; 256]; 3];
        let mut shortest = usize::MAX;
        let mut i = 0;
        while i < phrases.len() {
            let bytes = phrases[i].as_bytes();
            assert!(bytes.len() >= 3, "phrases are at least three bytes long");
            if bytes.len() < shortest {
                shortest = bytes.len();
            }
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
        assert!(shortest < 256, "a shift is one byte");
        // A window ending on a phrase's bytes k - 1 and k (k counted in the phrase's first
        // `shortest` bytes) is `shortest - 1 - k` bytes short of the window starting where
        // the phrase starts; a pair no phrase has there lets the window move its whole length
        // but one byte.
        let mut shift = [(shortest - 1) as u8; PAIRS];
        let mut i = 0;
        while i < phrases.len() {
            let bytes = phrases[i].as_bytes();
            let mut k = 1;
            while k < shortest {
                let slot = pair(bytes[k - 1], bytes[k]);
                let here = (shortest - 1 - k) as u8;
                if here < shift[slot] {
                    shift[slot] = here;
                }
                k += 1;
            }
            i += 1;
        }
        Self {
            phrases,
            at,
            shortest,
            shift,
        }
    }

    /// Whether `text` holds one of the phrases, ignoring ASCII case.
    pub(super) fn found_in(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        // the last byte of the window
        let mut end = self.shortest - 1;
        while let (Some(&before), Some(&last)) = (bytes.get(end - 1), bytes.get(end)) {
            match self.shift[pair(before, last)] {
                0 => {
                    if self.starts_at(bytes, end + 1 - self.shortest) {
                        return true;
                    }
                    end += 1;
                }
                shift => end += usize::from(shift),
            }
        }
        false
    }

    /// Whether one of the phrases starts at `bytes[start]`, ignoring ASCII case.
    fn starts_at(&self, bytes: &[u8], start: usize) -> bool {
        let Some(&[first, second, third]) = bytes.get(start..start + 3) else {
            return false;
        };
        let mut candidates = self.at[0][usize::from(first)]
            & self.at[1][usize::from(second)]
            & self.at[2][usize::from(third)];
        while candidates != 0 {
            let phrase = self.phrases[candidates.trailing_zeros() as usize].as_bytes();
            if bytes[start..]
                .get(..phrase.len())
                .is_some_and(|here| here.eq_ignore_ascii_case(phrase))
            {
                return true;
            }
            candidates &= candidates - 1;
        }
        false
    }

    /// [`PhraseSet::found_in`] trying every position: the search as it was before the shifts,
    /// which a test holds the shifts to.
    #[cfg(test)]
    pub(super) fn found_anywhere(&self, text: &str) -> bool {
        (0..text.len()).any(|start| self.starts_at(text.as_bytes(), start))
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

#[cfg(test)]
mod tests {
    use super::super::{FURNITURE_PHRASES, PHRASES};

    /// The phrases looked for naively: the text lower-cased, each phrase searched for.
    fn naive(text: &str) -> bool {
        let lower = text.to_ascii_lowercase();
        FURNITURE_PHRASES.iter().any(|p| lower.contains(p))
    }

    /// Texts around every phrase: at every offset, in three casings, whole, cut short and with
    /// one byte changed, so that a shift that jumps past a phrase's start is caught.
    fn texts() -> Vec<String> {
        let mut texts = Vec::new();
        let fillers = [
            "", "a", "xy", "the", "tion", "s in ", "reprin", "mailin ", "Ã©€",
        ];
        for phrase in FURNITURE_PHRASES {
            let title: String = phrase
                .char_indices()
                .map(|(i, c)| if i == 0 { c.to_ascii_uppercase() } else { c })
                .collect();
            for form in [phrase.to_string(), phrase.to_ascii_uppercase(), title] {
                let mut variants = vec![form.clone(), form[..form.len() - 1].to_string()];
                for k in 0..form.len() {
                    let mut changed = form.clone().into_bytes();
                    changed[k] = if changed[k] == b'q' { b'z' } else { b'q' };
                    variants.push(String::from_utf8(changed).unwrap());
                }
                for variant in variants {
                    for before in fillers {
                        for after in fillers {
                            texts.push(format!("{before}{variant}{after}"));
                        }
                    }
                }
            }
        }
        texts
    }

    #[test]
    fn shifted_search_finds_what_every_position_finds() {
        let mut found = 0;
        for text in texts() {
            let wanted = naive(&text);
            assert_eq!(PHRASES.found_anywhere(&text), wanted, "{text:?}");
            assert_eq!(PHRASES.found_in(&text), wanted, "{text:?}");
            found += usize::from(wanted);
        }
        assert!(found > 1000, "the texts hold phrases");
        for text in [
            "",
            "cooki",
            "Sign up for our newsletter",
            "Please read the Privacy Policy and Terms of Use.",
            "The views expressed are those of the author.",
            "He said the cookies were stale.",
            "The ministers agreed on Wednesday to meet in Vienna on Friday.",
        ] {
            assert_eq!(PHRASES.found_in(text), naive(text), "{text:?}");
        }
    }
}
