//! What the models see of one token, hashed once: its form, lower-cased form, shape
//! ("Xx", "Xd", "x.x."), prefixes and suffixes of one to four characters, and a few flags.
//! Feature keys are then combinations of these hashes with a template number.

use super::hash;

/// Hashed views of one token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tok {
    pub form: u64,
    /// Lower case, with numbers folded into their shape ("1984" and "2015" look alike).
    pub lower: u64,
    pub shape: u64,
    pub prefix: [u64; 4],
    pub suffix: [u64; 4],
    pub flags: u64,
}

pub const FLAG_UPPER_FIRST: u64 = 1;
pub const FLAG_ALL_CAPS: u64 = 2;
pub const FLAG_DIGIT: u64 = 4;
pub const FLAG_HYPHEN: u64 = 8;
pub const FLAG_PUNCT: u64 = 16;
pub const FLAG_LOWER: u64 = 32;

/// What an ASCII byte is, for [`Tok::ascii`]: bits of the kinds below, or 0 for any other byte.
const UPPER: u8 = 1;
const LOWER: u8 = 2;
const DIGIT: u8 = 4;
const HYPHEN: u8 = 8;
/// Per ASCII byte: its kind bits (above), and its shape class as [`shape`] writes it (X, x, d,
/// or the byte itself). One table, one load per byte.
const KIND_CLASS: [(u8, u8); 128] = {
    let mut t = [(0, 0); 128];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            b'A'..=b'Z' => (UPPER, b'X'),
            b'a'..=b'z' => (LOWER, b'x'),
            b'0'..=b'9' => (DIGIT, b'd'),
            b'-' => (HYPHEN, b'-'),
            other => (0, other),
        };
        b += 1;
    }
    t
};

/// The padding token before the start and after the end of a sentence.
pub const PAD_START: Tok = pad(0x5354_4152_5421);
pub const PAD_END: Tok = pad(0x454e_4421);

const fn pad(h: u64) -> Tok {
    Tok {
        form: h,
        lower: h,
        shape: h,
        prefix: [h; 4],
        suffix: [h; 4],
        flags: 0x100,
    }
}

impl Tok {
    pub fn new(word: &str) -> Self {
        if word.is_ascii() {
            Self::ascii(word.as_bytes())
        } else {
            Self::unicode(word)
        }
    }

    /// [`Tok::new`] for an ASCII word (nearly every token of English news), in one pass over
    /// its bytes: no character decoding and no Unicode case tables. Gives exactly the values
    /// of [`Tok::unicode`], which the shipped weights are keyed on (a test holds them equal):
    /// for ASCII, "alphabetic" is upper or lower case, lower-casing maps one byte to one byte,
    /// and a suffix of `k` characters is the last `k` bytes.
    fn ascii(word: &[u8]) -> Self {
        let mut form = hash::FNV_OFFSET;
        let mut lower = hash::FNV_OFFSET;
        let mut shape = hash::FNV_OFFSET;
        let mut last_class = 0u8;
        let mut prefix = [0; 4];
        let mut seen = 0u8;
        let mut letters = 0usize;
        for (k, &b) in word.iter().enumerate() {
            // `& 0x7f` keeps the index in the tables (the word is ASCII) without a bound check.
            let (kind, class) = KIND_CLASS[usize::from(b & 0x7f)];
            seen |= kind;
            letters += usize::from(kind & (UPPER | LOWER) != 0);
            form = hash::fold_byte(form, b);
            // Upper-case ASCII letters are lower-cased by setting bit 5 (UPPER is bit 0).
            lower = hash::fold_byte(lower, b | ((kind & UPPER) << 5));
            if k < 4 {
                prefix[k] = lower ^ (k as u64 + 1);
            }
            // Runs of one letter or digit class collapse; runs of punctuation do not.
            if class != last_class || kind & (UPPER | LOWER | DIGIT) == 0 {
                last_class = class;
                shape = hash::fold_byte(shape, class);
            }
        }
        for (k, p) in prefix.iter_mut().enumerate().skip(word.len()) {
            *p = lower ^ (k as u64 + 1);
        }
        // Suffixes of one to four characters (the whole word when shorter). One as long as the
        // word is the word's lower-cased hash, already folded; a shorter one is folded from the
        // last bytes, lower-cased once.
        let mut last = [0u8; 4];
        for (l, &b) in last.iter_mut().rev().zip(word.iter().rev()) {
            *l = b.to_ascii_lowercase();
        }
        let mut suffix = [0; 4];
        for (k, s) in suffix.iter_mut().enumerate() {
            let h = if k + 1 >= word.len() {
                lower
            } else {
                hash::bytes(&last[3 - k..])
            };
            *s = h ^ ((k as u64 + 1) << 8);
        }
        let first = word.first().copied().unwrap_or(b' ');
        let has_digit = seen & DIGIT != 0;
        let mut flags = 0;
        if seen & HYPHEN != 0 {
            flags |= FLAG_HYPHEN;
        }
        if first.is_ascii_uppercase() {
            flags |= FLAG_UPPER_FIRST;
        }
        if first.is_ascii_lowercase() {
            flags |= FLAG_LOWER;
        }
        if letters >= 2 && seen & LOWER == 0 {
            flags |= FLAG_ALL_CAPS;
        }
        if has_digit {
            flags |= FLAG_DIGIT;
        }
        if letters == 0 && !has_digit {
            flags |= FLAG_PUNCT;
        }
        let lower = if has_digit && letters == 0 {
            hash::key(99, shape, word.len().min(5) as u64).into()
        } else {
            lower
        };
        Self {
            form,
            lower,
            shape,
            prefix,
            suffix,
            flags,
        }
    }

    /// [`Tok::new`] for any word.
    fn unicode(word: &str) -> Self {
        let mut flags = 0;
        let mut has_digit = false;
        let mut all_caps = true;
        let mut letters = 0;
        // One pass folds the lower-cased word into its hash, and the hash after each of the
        // first four characters is that prefix's hash (FNV-1a is computed left to right).
        let mut lower = hash::FNV_OFFSET;
        let mut prefix = [0; 4];
        let mut chars = 0;
        for c in word.chars() {
            if c.is_alphabetic() {
                letters += 1;
                if c.is_lowercase() {
                    all_caps = false;
                }
            } else if c.is_ascii_digit() {
                has_digit = true;
            } else if c == '-' {
                flags |= FLAG_HYPHEN;
            }
            lower = hash::fold_lower(lower, c);
            if chars < 4 {
                prefix[chars] = lower ^ (chars as u64 + 1);
            }
            chars += 1;
        }
        for (k, p) in prefix.iter_mut().enumerate().skip(chars) {
            *p = lower ^ (k as u64 + 1);
        }
        if word.chars().next().is_some_and(char::is_uppercase) {
            flags |= FLAG_UPPER_FIRST;
        }
        if word.chars().next().is_some_and(char::is_lowercase) {
            flags |= FLAG_LOWER;
        }
        if letters >= 2 && all_caps {
            flags |= FLAG_ALL_CAPS;
        }
        if has_digit {
            flags |= FLAG_DIGIT;
        }
        if letters == 0 && !has_digit {
            flags |= FLAG_PUNCT;
        }
        let shape = shape(word);
        let lower = if has_digit && letters == 0 {
            hash::key(99, shape, word.len().min(5) as u64).into()
        } else {
            lower
        };
        // Suffixes of one to four characters (the whole word when shorter).
        let mut suffix = [0; 4];
        let mut starts = word.char_indices().rev().map(|(i, _)| i);
        let mut s_start = 0;
        for (k, s) in suffix.iter_mut().enumerate() {
            s_start = starts.next().unwrap_or(s_start);
            *s = hash::lower(&word[s_start..]) ^ ((k as u64 + 1) << 8);
        }
        Self {
            form: hash::bytes(word.as_bytes()),
            lower,
            shape,
            prefix,
            suffix,
            flags,
        }
    }
}

/// The shape of a word with runs collapsed: "Daniels" → "Xx", "A380" → "Xd", "U.S." → "X.X.".
pub fn shape(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut last = '\0';
    for c in word.chars() {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if class == last && matches!(class, 'X' | 'x' | 'd' | 'a') {
            continue;
        }
        last = class;
        let mut buf = [0u8; 4];
        for &b in class.encode_utf8(&mut buf).as_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// The hashed views of every token, padded with two tokens either side so windows need no
/// bounds checks: index `i + 2` is token `i`.
pub fn padded(words: &[&str]) -> Vec<Tok> {
    let mut out = Vec::with_capacity(words.len() + 4);
    out.extend([PAD_START, PAD_START]);
    out.extend(words.iter().map(|w| Tok::new(w)));
    out.extend([PAD_END, PAD_END]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_group_words_that_look_alike() {
        assert_eq!(shape("Daniels"), shape("Ko"));
        assert_eq!(shape("A380"), shape("F35"));
        assert_ne!(shape("iPhone"), shape("Iphone"));
        assert_eq!(Tok::new("1984").lower, Tok::new("2015").lower);
        assert_eq!(Tok::new("Apple").lower, Tok::new("APPLE").lower);
        assert_eq!(Tok::new("running").suffix[2], Tok::new("Singing").suffix[2]);
        assert_ne!(Tok::new("running").suffix[2], Tok::new("running").suffix[3]);
    }

    #[test]
    fn the_ascii_path_gives_the_general_values() {
        for word in [
            "",
            "a",
            "A",
            "Daniels",
            "U.S.",
            "A380",
            "1984",
            "--",
            "long-term",
            "n't",
            "IBM",
            "iPhone",
            "$",
            "...",
            "x1-2",
            "3.5%",
            "O'Neil",
            "ab",
            "AB",
            "Ab1",
        ] {
            assert_eq!(Tok::ascii(word.as_bytes()), Tok::unicode(word), "{word}");
        }
        // Every two-byte ASCII word.
        for a in 0u8..128 {
            for b in 0u8..128 {
                let w = [a, b];
                let word = std::str::from_utf8(&w).expect("ASCII");
                assert_eq!(Tok::ascii(&w), Tok::unicode(word), "{w:?}");
            }
        }
    }

    #[test]
    fn prefixes_hash_the_lower_cased_first_characters() {
        // The shipped weights key on these values: a prefix is the hash of its own text.
        for word in ["Zürich", "ÉTAT", "a", "", "U.S."] {
            let t = Tok::new(word);
            let mut ends = word.char_indices().map(|(i, c)| i + c.len_utf8());
            let mut end = word.len();
            for k in 0..4 {
                end = ends.next().unwrap_or(end);
                assert_eq!(
                    t.prefix[k],
                    hash::lower(&word[..end]) ^ (k as u64 + 1),
                    "{word}"
                );
            }
        }
    }
}
