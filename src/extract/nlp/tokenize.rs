//! Tokens for tagging, as byte ranges into the text, cut the way the training treebank cuts
//! English (Penn Treebank conventions as used by Universal Dependencies English-EWT): punctuation
//! and quotes apart, clitics apart ("do" "n't", "Russia" "'s"), hyphens apart, abbreviations
//! ("U.S.", "Mr.") whole. Matching the training cuts matters more than any one feature.

use std::ops::Range;

/// Words whose final period belongs to them (lower-cased, without the period).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "jr", "sr", "st", "inc", "corp", "co", "ltd", "gen", "sen", "rep",
    "gov", "lt", "col", "capt", "adm", "sgt", "prof", "rev", "no", "vs", "etc", "jan", "feb",
    "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "mt", "ft", "approx", "dept", "e.g",
    "i.e",
];

const CLITICS: &[&str] = &[
    "n't", "'s", "'re", "'ve", "'ll", "'d", "'m", "n’t", "’s", "’re", "’ve", "’ll", "’d", "’m",
];

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '(' | '[' | '{' | '«' | '$' | '#' | '*' | '`'
    )
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '”' | '’' | ')' | ']' | '}' | '»' | ',' | ';' | ':' | '!' | '?' | '*' | '%'
    )
}

/// The tokens of `text[range]`, as absolute byte ranges.
pub fn tokens(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let Some(slice) = text.get(range.clone()) else {
        return out;
    };
    // One token per word is the usual case: a guess that saves most regrowth of `out`.
    out.reserve(slice.len() / 5);
    // The maximal runs of non-whitespace characters, found byte by byte: ASCII bytes are
    // classified without decoding (most of news text), other characters are decoded one at a
    // time (the Unicode spaces, U+00A0 and the like, also separate words).
    let bytes = slice.as_bytes();
    let mut word_start = None;
    let mut i = 0;
    while i < bytes.len() {
        let (space, width) = match bytes[i] {
            b if b.is_ascii() => (b.is_ascii_whitespace() || b == 0x0b, 1),
            _ => slice[i..]
                .chars()
                .next()
                .map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8())),
        };
        match (space, word_start) {
            (true, Some(start)) => {
                chunk_tokens(text, range.start + start..range.start + i, &mut out);
                word_start = None;
            }
            (false, None) => word_start = Some(i),
            _ => {}
        }
        i += width;
    }
    if let Some(start) = word_start {
        chunk_tokens(text, range.start + start..range.end, &mut out);
    }
    out
}

/// Cuts one whitespace-free chunk.
fn chunk_tokens(text: &str, mut r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    // Most chunks are plain words or numbers ("market", "2015"): no opener, closer, period,
    // apostrophe or hyphen, so nothing below would cut them. Saying so up front skips the
    // character-by-character checks for about four chunks in five.
    if s.bytes().all(|b| b.is_ascii_alphanumeric()) {
        out.push(r);
        return;
    }
    // Clitics and "s'" need an apostrophe; a chunk without one skips those checks.
    let apostrophe = s.contains(['\'', '’']);
    // "market.Steve": a sentence end whose space went missing (only a chunk with a period).
    let glued_stop = s.contains('.').then(|| {
        s.char_indices().find_map(|(i, c)| {
            (c == '.'
                && s[..i].ends_with(char::is_lowercase)
                && s[i + 1..].starts_with(char::is_uppercase))
            .then_some(i)
        })
    });
    if let Some(dot) = glued_stop.flatten() {
        let at = r.start + dot;
        chunk_tokens(text, r.start..at, out);
        out.push(at..at + 1);
        chunk_tokens(text, at + 1..r.end, out);
        return;
    }
    // Leading openers, one token each.
    while let Some(c) = text[r.clone()].chars().next() {
        // ".Steve" where a space went missing after a full stop
        let stop_before_capital =
            c == '.' && text[r.start + 1..r.end].starts_with(char::is_uppercase);
        if r.len() > c.len_utf8() && (is_opener(c) || stop_before_capital) {
            out.push(r.start..r.start + c.len_utf8());
            r.start += c.len_utf8();
        } else {
            break;
        }
    }
    let mut tail: Vec<Range<usize>> = Vec::new();
    loop {
        let s = &text[r.clone()];
        let Some(c) = s.chars().next_back() else {
            break;
        };
        if s.len() <= c.len_utf8() {
            break;
        }
        if s.ends_with("...") && s.len() > 3 {
            tail.push(r.end - 3..r.end);
            r.end -= 3;
            continue;
        }
        if is_closer(c) || (c == '\'' && !s.ends_with("s'")) {
            tail.push(r.end - c.len_utf8()..r.end);
            r.end -= c.len_utf8();
            continue;
        }
        if c == '.' && !is_abbreviation(s) {
            tail.push(r.end - 1..r.end);
            r.end -= 1;
            continue;
        }
        if !apostrophe {
            break;
        }
        if let Some(cl) = CLITICS.iter().find(|cl| {
            s.len() > cl.len()
                && s.is_char_boundary(s.len() - cl.len())
                && s[s.len() - cl.len()..].eq_ignore_ascii_case(cl)
        }) {
            tail.push(r.end - cl.len()..r.end);
            r.end -= cl.len();
            continue;
        }
        if s.ends_with("s'") {
            tail.push(r.end - 1..r.end);
            r.end -= 1;
            continue;
        }
        break;
    }
    hyphen_split(text, r, out);
    out.extend(tail.into_iter().rev());
}

/// "long-term" → "long" "-" "term"; a number range or a phone number stays whole.
fn hyphen_split(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let splittable = s.contains('-')
        && s.chars().any(char::is_alphabetic)
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--");
    if !splittable {
        out.push(r);
        return;
    }
    let mut start = r.start;
    for (i, _) in s.match_indices('-') {
        let at = r.start + i;
        if at > start {
            out.push(start..at);
        }
        out.push(at..at + 1);
        start = at + 1;
    }
    if start < r.end {
        out.push(start..r.end);
    }
}

fn is_abbreviation(s: &str) -> bool {
    let core = &s[..s.len() - 1];
    if core.is_empty() {
        return false;
    }
    let single_letter = core.chars().count() == 1 && core.chars().all(char::is_alphabetic);
    single_letter
        || (core.contains('.') && core.chars().any(char::is_alphabetic))
        || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(core))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(s: &str) -> Vec<&str> {
        tokens(s, 0..s.len()).into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn punctuation_and_clitics_are_cut_as_the_treebank_cuts_them() {
        assert_eq!(
            cut("Mr. Daniels didn't say (much) about the U.S. carmaker's plans."),
            [
                "Mr.", "Daniels", "did", "n't", "say", "(", "much", ")", "about", "the", "U.S.",
                "carmaker", "'s", "plans", "."
            ]
        );
        assert_eq!(
            cut("\"A long-term deal,\" she said"),
            [
                "\"", "A", "long", "-", "term", "deal", ",", "\"", "she", "said"
            ]
        );
    }

    #[test]
    fn a_missing_space_after_a_full_stop_does_not_glue_it_to_a_name() {
        assert_eq!(
            cut("the market.Steve Jobs"),
            ["the", "market", ".", "Steve", "Jobs"]
        );
    }

    #[test]
    fn odd_text_never_panics_and_offsets_stay_in_the_text() {
        for s in [
            "",
            "'",
            "...",
            "’’’",
            "n't",
            "é-",
            "--x--",
            "s'",
            "(((",
            "日本's",
        ] {
            for r in tokens(s, 0..s.len()) {
                assert!(s.get(r).is_some_and(|t| !t.is_empty()));
            }
        }
    }
}
