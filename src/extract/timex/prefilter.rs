//! Where a time expression can begin, and whether the ASCII form of a rule may read one:
//! byte-level checks that keep the big regexes off text that cannot hold a time expression.
//!
//! Both are exact, not heuristics: every position a rule can match at passes [`next_start`],
//! and [`ascii_suffices`] says "yes" only where the ASCII and Unicode forms of the rules match
//! the same. The recogniser's tests check both against the plain regex scan.

use crate::extract::eight_bytes::{ONES, eight_at, first_flagged, non_letters};

/// The first byte at or after `from` where a time expression can begin: an ASCII word
/// boundary (every pattern opens with one) before a digit, before a word that opens some
/// pattern ([`opens_a_pattern`]), or, after a word, before `'` ("'90s") or any non-ASCII
/// character (Unicode case folding lets "ſ" match "s" and "K" match "k"; digits of other
/// scripts are `\d`). Everything else is passed over without running the regex: most words
/// open no pattern, and this loop costs a few instructions a byte.
pub fn next_start(bytes: &[u8], from: usize) -> Option<usize> {
    let class_at = |i: usize| bytes.get(i).map(|&b| CLASS[usize::from(b)]);
    let mut after_word = from
        .checked_sub(1)
        .and_then(class_at)
        .is_some_and(|c| c <= UNDERSCORE);
    let mut at = from;
    while let Some(c) = class_at(at) {
        match c {
            LETTER if !after_word => {
                let (end, opens) = word_at(bytes, at);
                if opens {
                    return Some(at);
                }
                at = end;
                after_word = true;
                continue;
            }
            DIGIT if !after_word => return Some(at),
            LETTER => {
                // The rest of a word the scan started inside, or letters after a digit.
                at = word_end(bytes, at);
                after_word = true;
                continue;
            }
            DIGIT | UNDERSCORE => after_word = true,
            QUOTE_OR_HIGH if after_word => return Some(at),
            _ => after_word = false,
        }
        at += 1;
    }
    None
}

/// The end of the word (run of ASCII letters) that starts at `start`, and whether it may open
/// a pattern: it is an opening word ([`may_open`], [`opens_a_pattern`]), or a non-ASCII
/// character right after its letters may continue it under case folding ("Auguſt"), which
/// the regex then decides.
///
/// Nearly every word of news text is shorter than sixteen letters, and the eight or sixteen
/// bytes read at its start hold the whole word and the byte after it: its length, its key and
/// whether that byte is ASCII all come from those numbers, which [`word_at_slowly`] reads
/// three times over. A longer word, or one near the end of the text, takes that general path.
#[inline(always)]
fn word_at(bytes: &[u8], start: usize) -> (usize, bool) {
    let lower = |eight: u64| eight | (0x20 * ONES);
    let Some(eight) = eight_at(bytes, start) else {
        return word_at_slowly(bytes, start);
    };
    let flags = non_letters(eight);
    // The lowest flag is the high bit of the first byte after the letters: in the first eight
    // bytes bit `8 * len + 7`, in the next eight bit `8 * (len - 8) + 7`. The bytes below it
    // are the letters, which make the key ([`key`]) in lower case.
    let (len, key, folds) = if flags != 0 {
        let high_bit = flags.trailing_zeros();
        let letters = (1u64 << (high_bit - 7)) - 1;
        let folds = (eight >> high_bit) & 1 != 0;
        ((high_bit / 8) as usize, lower(eight) & letters, folds)
    } else {
        let Some(rest) = eight_at(bytes, start + 8) else {
            return word_at_slowly(bytes, start);
        };
        let flags = non_letters(rest);
        if flags == 0 {
            return word_at_slowly(bytes, start);
        }
        let high_bit = flags.trailing_zeros();
        let letters = (1u64 << (high_bit - 7)) - 1;
        let folds = (rest >> high_bit) & 1 != 0;
        // (past 12 letters the key is not [`key`]'s, but [`LENGTHS`] turns such a word away)
        let key = lower(eight) ^ ((lower(rest) & letters) << 32);
        (8 + (high_bit / 8) as usize, key, folds)
    };
    let may_open = LENGTHS[usize::from(eight as u8 & 0x1f)] & (1 << len) != 0;
    (start + len, folds || may_open && opens_a_pattern(key))
}

/// [`word_at`] for any word: its letters passed first, then its key made when it is short
/// enough to open a pattern.
fn word_at_slowly(bytes: &[u8], start: usize) -> (usize, bool) {
    let end = word_end(bytes, start);
    let folds = bytes.get(end).is_some_and(|b| !b.is_ascii());
    let word = bytes.get(start..end).unwrap_or_default();
    (
        end,
        folds || may_open(word) && opens_a_pattern(key_at(bytes, start, word)),
    )
}

/// The end of the run of ASCII letters from `at`. News text is mostly words, and this is where
/// the scan spends its time, so it reads eight bytes at a time ([`non_letters`]), then the last
/// few one by one.
fn word_end(bytes: &[u8], at: usize) -> usize {
    first_flagged(bytes, at, non_letters, |b| CLASS[usize::from(b)] != LETTER)
        .unwrap_or(bytes.len().max(at))
}

// The byte classes of `next_start`; the first three are ASCII word bytes (`\b`'s `\w`).
const LETTER: u8 = 0;
const DIGIT: u8 = 1;
const UNDERSCORE: u8 = 2;
const QUOTE_OR_HIGH: u8 = 3;
const OTHER: u8 = 4;

/// Each byte's class, looked up rather than worked out in the per-byte loop.
static CLASS: [u8; 256] = {
    let mut table = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => LETTER,
            b'0'..=b'9' => DIGIT,
            b'_' => UNDERSCORE,
            b'\'' | 0x80..=0xff => QUOTE_OR_HIGH,
            _ => OTHER,
        };
        b += 1;
    }
    table
};

/// Whether some opening word ([`FIRST_WORDS`]) has the first letter and the length of `word`
/// (ASCII letters): two in five words of news text ("of", "to", "was", "his") are turned
/// away by this look-up before their key is made.
fn may_open(word: &[u8]) -> bool {
    word.len() <= 12
        && word
            .first()
            .is_some_and(|&b| LENGTHS[usize::from(b & 0x1f)] & (1 << word.len()) != 0)
}

/// For each first letter (by its low five bits, the same in both cases), a bit for each
/// length of an opening word that begins with it. Built by the compiler.
const LENGTHS: [u16; 32] = {
    let mut lengths = [0u16; 32];
    let mut i = 0;
    while i < FIRST_WORDS.len() {
        let word = FIRST_WORDS[i];
        lengths[(word[0] & 0x1f) as usize] |= 1 << word.len();
        i += 1;
    }
    lengths
};

/// Whether a word (as its [`key`], at most 12 letters) may be one a pattern can begin with:
/// never false for such a word, and now and then true for another whose key it shares (the
/// regex then turns it away). The opening words are the first word of every alternative of
/// every rule (months, weekdays, number words, relative and unit words, "the", "a"). A word
/// missing here would silently stop a rule from matching, so the recogniser's test
/// `prefilter_keeps_every_match` checks the list against the plain scan.
///
/// The keys sit in a small open-addressing hash table built at compile time: most words that
/// open nothing land on an empty slot, and an opening word is found at its slot or one or two
/// after it.
fn opens_a_pattern(key: u64) -> bool {
    let mut slot = slot_of(key);
    loop {
        match TABLE[slot] {
            0 => return false,
            k if k == key => return true,
            _ => slot = (slot + 1) % TABLE.len(),
        }
    }
}

/// The home slot of a key in [`TABLE`]: a multiplicative hash down to 9 bits.
const fn slot_of(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 55) as usize
}

/// [`FIRST_WORDS`] as [`key`]s in 512 slots (a third of them used), 0 for an empty slot: no
/// key is 0. Filled by linear probing, done by the compiler.
const TABLE: [u64; 512] = {
    let mut table = [0u64; 512];
    let mut i = 0;
    while i < FIRST_WORDS.len() {
        let k = key(FIRST_WORDS[i]);
        let mut slot = slot_of(k);
        while table[slot] != 0 {
            slot = (slot + 1) % 512;
        }
        table[slot] = k;
        i += 1;
    }
    table
};

/// A word of at most 12 ASCII letters as one integer: its first eight letters in lower case as
/// the bytes of one number (the first the lowest), the other four in the upper half of a
/// second, the two combined by exclusive or. "May" and "may" have one key, and none is 0 (the
/// lowest byte is the first letter). Two words may share a key: a word that is no opening word
/// is then passed to the regex, which finds nothing there, so the table's answer stays exact
/// where it matters (every opening word is found).
const fn key(word: &[u8]) -> u64 {
    let (mut low, mut high) = (0u64, 0u64);
    let mut i = 0;
    while i < word.len() {
        let b = (word[i] | 0x20) as u64;
        if i < 8 {
            low |= b << (8 * i);
        } else {
            high |= b << (8 * (i - 8));
        }
        i += 1;
    }
    low ^ (high << 32)
}

/// [`key`] of `word`, which lies at `start` in `bytes`, read eight bytes at a time where the
/// text goes on far enough: the scan makes the key of every word that may open a pattern, and
/// packing it a letter at a time was a fifth of the scan's cost.
#[inline]
fn key_at(bytes: &[u8], start: usize, word: &[u8]) -> u64 {
    /// The low `n` bytes of a number (`n` from 1 to 8).
    const fn low_bytes(n: usize) -> u64 {
        u64::MAX >> (64 - 8 * n)
    }
    let lower = |eight: u64| eight | (0x20 * ONES);
    match (word.len(), eight_at(bytes, start)) {
        (len @ 1..=8, Some(eight)) => lower(eight) & low_bytes(len),
        (len @ 9..=12, Some(eight)) => match eight_at(bytes, start + 8) {
            Some(rest) => lower(eight) ^ ((lower(rest) & low_bytes(len - 8)) << 32),
            None => key(word),
        },
        _ => key(word),
    }
}

/// The words a pattern can open with, lower case. None is longer than 12 letters.
pub(super) const FIRST_WORDS: &[&[u8]] = &[
    b"a",
    b"afternoon",
    b"an",
    b"apr",
    b"april",
    b"at",
    b"aug",
    b"august",
    b"autumn",
    b"biweekly",
    b"calendar",
    b"centuries",
    b"christmas",
    b"coming",
    b"comparable",
    b"couple",
    b"current",
    b"currently",
    b"daily",
    b"day",
    b"days",
    b"dec",
    b"decades",
    b"december",
    b"dozens",
    b"each",
    b"earlier",
    b"early",
    b"eight",
    b"eighteen",
    b"eighteenth",
    b"eighty",
    b"election",
    b"eleven",
    b"evening",
    b"every",
    b"fall",
    b"feb",
    b"february",
    b"few",
    b"fifteen",
    b"fifty",
    b"final",
    b"first",
    b"fiscal",
    b"five",
    b"following",
    b"formerly",
    b"forty",
    b"four",
    b"fourteen",
    b"fourth",
    b"friday",
    b"half",
    b"halloween",
    b"hour",
    b"hourly",
    b"hours",
    b"hundred",
    b"hundreds",
    b"independence",
    b"initial",
    b"jan",
    b"january",
    b"jul",
    b"july",
    b"jun",
    b"june",
    b"last",
    b"late",
    b"lately",
    b"later",
    b"latest",
    b"many",
    b"mar",
    b"march",
    b"may",
    b"mid",
    b"midday",
    b"midnight",
    b"minute",
    b"minutes",
    b"monday",
    b"month",
    b"monthly",
    b"months",
    b"morning",
    b"new",
    b"next",
    b"night",
    b"nightly",
    b"nine",
    b"nineteen",
    b"nineteenth",
    b"ninety",
    b"noon",
    b"nov",
    b"november",
    b"now",
    b"nowadays",
    b"oct",
    b"october",
    b"one",
    b"other",
    b"past",
    b"preceding",
    b"previous",
    b"prior",
    b"quarter",
    b"recent",
    b"recently",
    b"remaining",
    b"same",
    b"saturday",
    b"second",
    b"sep",
    b"sept",
    b"september",
    b"seven",
    b"seventeen",
    b"seventy",
    b"several",
    b"six",
    b"sixteen",
    b"sixty",
    b"some",
    b"soon",
    b"spring",
    b"summer",
    b"sunday",
    b"ten",
    b"thanksgiving",
    b"that",
    b"the",
    b"these",
    b"third",
    b"thirteen",
    b"thirty",
    b"this",
    b"thousands",
    b"three",
    b"thursday",
    b"today",
    b"tomorrow",
    b"tonight",
    b"tuesday",
    b"twelve",
    b"twentieth",
    b"twenty",
    b"two",
    b"wednesday",
    b"week",
    b"weekly",
    b"weeks",
    b"winter",
    b"year",
    b"yearly",
    b"years",
    b"yesterday",
];

/// Whether the ASCII form of the rules matches on all of `text` what the Unicode one does:
/// `text` holds no character only the Unicode form could consume, that is no non-ASCII white
/// space (`\s`), digit (`\d`) or letter (case folding ties "ſ" to "s" and "K" to "k"). A
/// wider net than needed, to be sure.
///
/// Asked of whole texts, so the ASCII stretches between non-ASCII characters are passed over
/// 16 bytes at a time (`is_ascii` reads them a machine word at a time) and only the non-ASCII
/// characters are decoded. A text that is ASCII throughout (all of TimeBank and of the
/// Timeline17 sample) is settled first by one `is_ascii` of the whole text, which reads it
/// word by word without stopping every 16 bytes: a quarter of the cost.
pub fn ascii_suffices(text: &str) -> bool {
    if text.is_ascii() {
        return true;
    }
    let mut rest = text;
    loop {
        rest = &rest[ascii_prefix(rest.as_bytes())..];
        let Some(c) = rest.chars().next() else {
            return true;
        };
        if c.is_whitespace() || c.is_numeric() || c.is_alphabetic() {
            return false;
        }
        rest = &rest[c.len_utf8()..];
    }
}

/// The length of the ASCII bytes `bytes` opens with (a character boundary in a `str`).
fn ascii_prefix(bytes: &[u8]) -> usize {
    let mut at = 0;
    for chunk in bytes.chunks(16) {
        if !chunk.is_ascii() {
            return at + chunk.iter().take_while(|b| b.is_ascii()).count();
        }
        at += chunk.len();
    }
    at
}

#[cfg(test)]
mod tests;
