//! Words of a sentence with their byte ranges, and the runs of capitalised words that names are
//! made of ("Syrian Observatory for Human Rights", "U.S. Secretary of State John Kerry").

use std::ops::Range;

use super::word_set::longest_len;
use crate::extract::nlp::tokenize::{self, PlainWord};
use crate::extract::white_space::{is_ascii_space, space_at, word_end};

/// One word: its byte range in the article (trailing punctuation and possessive peeled off).
#[derive(Clone, Debug, PartialEq)]
pub struct Word {
    pub range: Range<usize>,
    /// Capitalised ("Kerry", "U.S."), or a product-style word ("iPhone").
    pub cap: bool,
    /// Followed by "'s" or a lone apostrophe.
    pub possessive: bool,
    /// Punctuation after the word ends a name (comma, quote, bracket, colon, sentence end).
    pub breaks_after: bool,
    /// Punctuation before the word starts a new name (opening quote or bracket).
    pub breaks_before: bool,
    /// Index of the word in its sentence.
    pub index: usize,
    /// The word is the whole of its chunk of the sentence (between white space) but for one
    /// mark of `,;:!?` or a full stop that is no abbreviation's, and ASCII letters and digits:
    /// what the recogniser's tokenizer makes of it, so that it need not read the chunk again.
    /// `None` for any other word.
    pub plain: Option<PlainWord>,
}

/// Abbreviations whose final period belongs to the word.
const ABBREVIATIONS: &[&str] = &[
    "Inc.", "Corp.", "Co.", "Ltd.", "Mr.", "Mrs.", "Ms.", "Dr.", "Jr.", "Sr.", "St.", "Gen.",
    "Sen.", "Rep.", "Gov.", "Lt.", "Col.", "Capt.", "Adm.", "Sgt.", "Prof.", "Rev.", "No.",
];

/// Lower-case words that may sit inside a name between capitalised words.
const CONNECTORS: &[&str] = &[
    "of", "for", "de", "al", "bin", "ibn", "van", "von", "der", "du", "la", "le", "y", "&", "on",
    "and", "the",
];

/// The length of the longest of [`CONNECTORS`]: a longer word is none of them, and most words
/// after a capitalised one are longer (a test of its length instead of a dozen comparisons).
const LONGEST_CONNECTOR: usize = longest_len(CONNECTORS);

/// Whether `word` is one of [`CONNECTORS`].
fn is_connector(word: &str) -> bool {
    word.len() <= LONGEST_CONNECTOR && CONNECTORS.contains(&word)
}

/// The words of `text[range]` (the scan uses [`words_into`] with a buffer it keeps).
#[cfg(test)]
pub fn words(text: &str, range: Range<usize>) -> Vec<Word> {
    let mut out = Vec::new();
    words_into(text, range, &mut out);
    out
}

/// The words of `text[range]` into `out` (emptied first), so that one buffer serves every
/// sentence of an article instead of a new vector growing for each.
///
/// The words are those of [`str::split_whitespace`]. Most are ASCII letters and digits,
/// perhaps followed by one of `,;:!?`: those are read in one pass over their bytes, which
/// finds the word's end, whether it is plain and whether it is capitalised together (one
/// table look-up a byte); only the other words go through the trimming of [`trimmed_word`].
/// Splitting the words first and then testing each again read every byte three times.
pub fn words_into(text: &str, range: Range<usize>, out: &mut Vec<Word>) {
    out.clear();
    let Some(slice) = text.get(range.clone()) else {
        return;
    };
    let bytes = slice.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        // white space between words: ASCII by the byte, other characters decoded
        if is_ascii_space(b) {
            at += 1;
            continue;
        }
        if !b.is_ascii() {
            let (space, len) = space_at(slice, at);
            if space {
                at += len;
                continue;
            }
        }
        let start = at;
        // the ASCII letters and digits the word starts with
        let first = BYTE_CLASS[usize::from(b)];
        let mut end = at;
        if first & ALNUM != 0 {
            // For `is_cap` a word whose first letter is lower case needs to know whether a
            // capital follows it ("iPhone"), and for the recogniser's marks whether a capital
            // or a digit does: its scan also stops at capitals and digits and goes on.
            let mut capital_after = false;
            let mut upper_or_digit_after = false;
            let stop = if first & LOWER != 0 {
                NOT_ALNUM_OR_UPPER_OR_DIGIT
            } else {
                NOT_ALNUM
            };
            end += 1;
            // One table look-up a byte; a stop at a capital or a digit (only after a
            // lower-case first letter) is noted and stepped over in the same loop.
            while let Some(&c) = bytes.get(end) {
                let class = BYTE_CLASS[usize::from(c)];
                if class & stop == 0 {
                    end += 1;
                } else if class & (UPPER | DIGIT) != 0 {
                    capital_after |= class & UPPER != 0;
                    upper_or_digit_after = true;
                    end += 1;
                } else {
                    break;
                }
            }
            // one closing mark may follow, then the word must end; the white space that
            // ends it is stepped over at once. A full stop counts as one when it is no
            // abbreviation's ("said." ends most sentences): `trimmed_word` would peel it off
            // too, as the recogniser's tokenizer does (a test holds the lists in step).
            let (word_end, breaks_after) = match bytes.get(end) {
                Some(b',' | b';' | b':' | b'!' | b'?') => (end + 1, true),
                Some(b'.') if tokenize::cuts_full_stop(&bytes[start..=end]) => (end + 1, true),
                _ => (end, false),
            };
            if let Some(next) = past_space(slice, word_end) {
                // `is_cap` for an ASCII word: a capital first, or a lower-case letter, four
                // letters or more and a capital after it (a product name, "iPhone")
                let cap = first & UPPER != 0 || (capital_after && end - start >= 4);
                // the recogniser's marks (`tokenize::marks`) of the word: its first byte's,
                // and whether it has a capital or a digit
                let marks = FIRST_MARKS[usize::from(b)]
                    | (u8::from(upper_or_digit_after) * tokenize::UPPER_OR_DIGIT);
                out.push(Word {
                    range: range.start + start..range.start + end,
                    cap,
                    possessive: false,
                    breaks_after,
                    breaks_before: false,
                    index: out.len(),
                    plain: Some(PlainWord {
                        has_closing_mark: breaks_after,
                        marks,
                    }),
                });
                at = next;
                continue;
            }
        }
        // any other word: find its end as `split_whitespace` does, then trim it
        end = word_end(slice, end);
        trimmed_word(&slice[start..end], range.start + start, out);
        at = end;
    }
}

/// Where the next word may start when a word ends at byte `at` of `s`: past the end of `s`
/// or the white space character there; `None` when no word ends there.
fn past_space(s: &str, at: usize) -> Option<usize> {
    match s.as_bytes().get(at) {
        None => Some(at),
        Some(&c) if c.is_ascii() => is_ascii_space(c).then_some(at + 1),
        Some(_) => match space_at(s, at) {
            (true, len) => Some(at + len),
            (false, _) => None,
        },
    }
}

/// [`BYTE_CLASS`] bits: an ASCII letter or digit, a capital, a lower-case letter, and any
/// other byte (what ends the letters and digits of a plain word).
const ALNUM: u8 = 1;
const UPPER: u8 = 2;
const LOWER: u8 = 4;
const NOT_ALNUM: u8 = 8;
const DIGIT: u8 = 16;
/// What stops the scan of a word whose first letter is lower case: a capital, a digit, or the
/// end of its letters and digits.
const NOT_ALNUM_OR_UPPER_OR_DIGIT: u8 = NOT_ALNUM | UPPER | DIGIT;

/// The recogniser's marks ([`tokenize::marks`]) an ASCII letter or digit gives the word it
/// begins, by the byte ([`tokenize::ascii_first_byte_marks`], where the rules are), looked up
/// rather than worked out for every plain word.
static FIRST_MARKS: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = tokenize::ascii_first_byte_marks(b as u8);
        b += 1;
    }
    table
};

/// The kind of every byte, for the one pass of [`words_into`] over a plain word.
static BYTE_CLASS: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_alphanumeric() {
            ALNUM
        } else {
            NOT_ALNUM
        };
        if byte.is_ascii_uppercase() {
            table[b] |= UPPER;
        }
        if byte.is_ascii_lowercase() {
            table[b] |= LOWER;
        }
        if byte.is_ascii_digit() {
            table[b] |= DIGIT;
        }
        b += 1;
    }
    table
};

/// A word that is not only ASCII letters and digits (and one closing mark): opening quotes
/// and brackets are cut from its start, and sentence punctuation, closing marks and
/// possessives from its end, until none is left. `raw` starts at byte `start` of the article;
/// the word, if anything is left of it, is pushed onto `out`.
fn trimmed_word(raw: &str, start: usize, out: &mut Vec<Word>) {
    // a word that starts with an ASCII byte other than an opening quote or bracket has
    // nothing to trim
    let lead = match raw.as_bytes().first() {
        Some(&b) if b.is_ascii() && !is_opener(char::from(b)) => 0,
        _ => raw.len() - raw.trim_start_matches(is_opener).len(),
    };
    let mut core = &raw[lead..];
    let mut breaks_after = false;
    let mut possessive = false;
    // Most words end in a letter or digit: nothing below would peel anything off them,
    // so the string tests are skipped. An "s" counts too unless an apostrophe ("'", or
    // the last byte of "’") stands before it: plurals are common and never possessive.
    let plain_end = match core.as_bytes() {
        [.., before, b's'] => *before != b'\'' && *before != 0x99,
        [.., last] => last.is_ascii_alphanumeric(),
        [] => false,
    };
    let mut peeling = !plain_end;
    while peeling {
        let before = core.len();
        if core.ends_with('.') && !is_abbreviation(core) {
            core = &core[..core.len() - 1];
            breaks_after = true;
        }
        let trimmed = core.trim_end_matches(|c: char| is_closer(c) || ",;:!?".contains(c));
        if trimmed.len() != core.len() {
            breaks_after = true;
            core = trimmed;
        }
        for suffix in ["'s", "’s"] {
            if let Some(stem) = core.strip_suffix(suffix)
                && !stem.is_empty()
            {
                core = stem;
                possessive = true;
            }
        }
        if let Some(stem) = core.strip_suffix(['\'', '’'])
            && stem.ends_with('s')
        {
            core = stem;
            possessive = true;
        }
        peeling = core.len() != before;
    }
    if core.is_empty() {
        // A lone apostrophe after "Beatles" marks the previous word as possessive.
        if raw.chars().all(|c| c == '\'' || c == '’')
            && let Some(prev) = out.last_mut()
        {
            let prev: &mut Word = prev;
            prev.possessive = true;
            prev.breaks_after = true;
        }
        return;
    }
    let start = start + lead;
    let end = start + core.len();
    out.push(Word {
        range: start..end,
        cap: is_cap(core),
        possessive,
        breaks_after: breaks_after || possessive,
        breaks_before: lead > 0,
        index: out.len(),
        plain: None,
    });
}

/// A run of name words: consecutive capitalised words, with connectors inside (the scan uses
/// [`cap_runs_into`] with a buffer it keeps).
#[cfg(test)]
pub fn cap_runs(text: &str, words: &[Word]) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    cap_runs_into(text, words, &mut runs);
    runs
}

/// [`cap_runs`] into `runs` (emptied first), so that the article scan reuses one buffer for
/// every sentence instead of allocating a vector for each.
pub fn cap_runs_into(text: &str, words: &[Word], runs: &mut Vec<Range<usize>>) {
    runs.clear();
    let mut i = 0;
    while i < words.len() {
        if !words[i].cap {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < words.len() && !words[end - 1].breaks_after {
            let w = &words[end];
            if w.breaks_before {
                break;
            }
            if w.cap || is_model_number(text, &words[start], w) {
                end += 1;
                continue;
            }
            // connectors only count when a capitalised word follows them
            let mut k = end;
            while k < words.len()
                && !words[k].cap
                && is_connector(&text[words[k].range.clone()])
                && !words[k].breaks_after
            {
                k += 1;
            }
            if k > end && k < words.len() && words[k].cap && !words[k].breaks_before {
                let joined = &text[words[end].range.clone()];
                // "and" joins two names ("Lavrov and Kerry") far more often than one.
                if joined == "and" || (joined == "the" && end == k - 1) {
                    break;
                }
                end = k + 1;
                continue;
            }
            break;
        }
        runs.push(start..end);
        i = end;
    }
}

/// "4", "3G", "3GS" after a product name ("iPhone 4").
/// "787" after "Boeing" (three or four digits that are no year).
fn is_model_number(text: &str, first: &Word, w: &Word) -> bool {
    let t = &text[w.range.clone()];
    let short_model = t.len() <= 4
        && t.starts_with(|c: char| c.is_ascii_digit())
        && t.chars().all(|c| c.is_ascii_alphanumeric());
    let digits_only = t.bytes().all(|b| b.is_ascii_digit());
    let year_like = digits_only && t.len() == 4 && (t.starts_with("19") || t.starts_with("20"));
    short_model
        && (is_product(&text[first.range.clone()]) || (digits_only && t.len() >= 3 && !year_like))
}

/// A product-style word: lower-case prefix then a capital ("iPhone", "iTunes", "eBay"), or a
/// model code ("A380", "F35").
pub fn is_product(word: &str) -> bool {
    !opens_like_a_name(word) && is_product_by_shape(word)
}

/// Whether `text` opens with an ASCII capital then a lower-case letter ("Smith", most words
/// [`is_product`] is asked about): a word that does is no product name or model code, for
/// the model code needs digits after its capitals, the product a lower-case first letter.
#[inline]
pub fn opens_like_a_name(text: &str) -> bool {
    matches!(text.as_bytes(), [first, second, ..]
        if first.is_ascii_uppercase() && second.is_ascii_lowercase())
}

/// [`is_product`] without its quick answer for a capitalised word.
fn is_product_by_shape(word: &str) -> bool {
    let letters = word.bytes().take_while(u8::is_ascii_uppercase).count();
    let digits = word.len() - letters;
    if (1..=2).contains(&letters)
        && (2..=4).contains(&digits)
        && word.bytes().skip(letters).all(|b| b.is_ascii_digit())
    {
        return true;
    }
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    first.is_lowercase()
        && word.len() >= 4
        && word.chars().skip(1).any(char::is_uppercase)
        && word.chars().all(|c| c.is_alphanumeric())
}

fn is_cap(core: &str) -> bool {
    let Some(first) = core.chars().next() else {
        return false;
    };
    // `is_product` for a word whose first letter is not a capital, where its model-code test
    // (capitals first) cannot hold: the cheap length test first, for the many short words.
    let rest = &core[first.len_utf8()..];
    first.is_uppercase()
        || (first.is_lowercase()
            && core.len() >= 4
            // a capital after the first letter: its bytes when they are all ASCII (a tight
            // loop), its characters only when some are not
            && (rest.bytes().any(|b| b.is_ascii_uppercase())
                || (!rest.is_ascii() && rest.chars().any(char::is_uppercase)))
            && core.chars().all(char::is_alphanumeric))
}

fn is_abbreviation(core: &str) -> bool {
    ABBREVIATIONS.contains(&core)
        || core[..core.len() - 1].contains('.')
        || (core.len() == 2 && core.starts_with(|c: char| c.is_uppercase()))
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '{' | '«')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '}' | '»')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(text: &str) -> Vec<String> {
        let ws = words(text, 0..text.len());
        cap_runs(text, &ws)
            .into_iter()
            .map(|r| text[ws[r.start].range.start..ws[r.end - 1].range.end].to_string())
            .collect()
    }

    #[test]
    fn names_keep_their_inner_connectors_and_drop_punctuation() {
        assert_eq!(
            runs("The Kenyan Institute for Marine Studies, said Dr. Amina Otieno."),
            [
                "The Kenyan Institute for Marine Studies",
                "Dr. Amina Otieno"
            ]
        );
    }

    #[test]
    fn and_separates_two_people_and_possessives_end_a_name() {
        assert_eq!(
            runs("Okafor and Lindqvist met at Norway's embassy"),
            ["Okafor", "Lindqvist", "Norway"]
        );
    }

    #[test]
    fn plain_words_give_the_recogniser_the_tokens_of_its_own_scan() {
        for text in [
            "Mr. Daniels didn't say (much) about the U.S. carmaker's 2015 plans, A380 iPhone",
            "x1 ÉTAT Zürich's \u{a0}über 3.5% long-term «Ab» 日本 ß. He said:  \"no\"; Yes!",
            "a\u{a0}b\u{2003}C  D\t\tE?\nF,G Inc. A. the market.Steve Jobs ... end",
            "abc1Def iPad2 eBay, h2o; 3GS: 787! zz9? ab,, ',' café said, A, Q; 9 (x) x.",
        ] {
            let (mut want, mut want_marks) = (Vec::new(), Vec::new());
            tokenize::marked_tokens_into(text, 0..text.len(), &mut want, &mut want_marks);
            // a sentence inside the text, as the scan reads one
            for range in [0..text.len(), 3..text.len() - 2] {
                let (mut part, mut part_marks) = (Vec::new(), Vec::new());
                tokenize::marked_tokens_into(text, range.clone(), &mut part, &mut part_marks);
                let ws = words(text, range.clone());
                let plain = ws
                    .iter()
                    .filter_map(|w| w.plain.map(|p| (w.range.clone(), p)));
                let (mut got, mut got_marks) = (Vec::new(), Vec::new());
                tokenize::marked_tokens_known_into(text, range, plain, &mut got, &mut got_marks);
                assert_eq!((got, got_marks), (part, part_marks), "{text:?}");
            }
            assert!(words(text, 0..text.len()).iter().any(|w| w.plain.is_some()));
        }
    }

    #[test]
    fn a_word_and_its_full_stop_read_in_one_pass_is_the_trimmed_word() {
        // every abbreviation whose period stays on the word here keeps it for the tokenizer
        // too, so a period the tokenizer cuts off is one `trimmed_word` peels off
        for abbreviation in ABBREVIATIONS {
            assert!(
                !tokenize::cuts_full_stop(abbreviation.as_bytes()),
                "{abbreviation}"
            );
        }
        for text in [
            "He said. Kerry. 1998. iPhone. Inc. Mr. A. a. No. U.S. x.",
            "it rose 5. ZZ. eBay. said.\" abc1Def. Corp.",
        ] {
            let fast = words(text, 0..text.len());
            let mut general = Vec::new();
            for (at, chunk) in crate::extract::white_space::words_at(text) {
                trimmed_word(chunk, at, &mut general);
            }
            for w in &mut general {
                w.index = 0;
            }
            let fast: Vec<Word> = fast
                .into_iter()
                .map(|w| Word {
                    index: 0,
                    plain: None,
                    ..w
                })
                .collect();
            assert_eq!(fast, general, "{text}");
        }
        // and the full stops were read as plain words' marks
        let text = "He said. Kerry. Inc.";
        let plain: Vec<bool> = words(text, 0..text.len())
            .iter()
            .map(|w| w.plain.is_some_and(|p| p.has_closing_mark))
            .collect();
        assert_eq!(plain, [false, true, true, false]);
    }

    #[test]
    fn the_quick_answer_for_capitalised_words_is_the_shapes_answer() {
        for word in [
            "Smith", "Sa", "S", "", "SA", "A380", "F35", "Ab12", "iPhone", "eBay", "ipod", "Xbox",
            "ÉTAT", "Éa", "Über", "aB", "iPh", "AB1234", "A1", "B52s", "Mc", "Zz9",
        ] {
            assert_eq!(is_product(word), is_product_by_shape(word), "{word}");
        }
    }

    #[test]
    fn products_carry_their_model_number() {
        assert_eq!(runs("the new iPhone 5 ships"), ["iPhone 5"]);
    }
}
