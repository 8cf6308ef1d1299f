//! Sentences opening with "It": the pronoun "It" ("It said on Monday ...") or an expletive
//! "It" with no referent ("It is likely that ...", "It was not disclosed whether ...").
//!
//! Both tests were regexes, `^It\b` and
//! `^It (?:is|was|...) (?:\w+ ){0,3}?(?:that|to|whether|if|how|why|what)\b`. The second,
//! with its Unicode `\w`, cost about 7 M instructions to compile on every run that met a
//! sentence opening with "It". The hand tests below read ASCII bytes only, where Unicode `\w`
//! is `[0-9A-Za-z_]`; when a byte they must classify is not ASCII (a character that may or
//! may not be a word character), they leave the answer to the regexes, which are then
//! compiled, so the answers are always the regexes' own.

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::white_space::is_ascii_word;

static IT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^It\b").unwrap_or_else(|_| unreachable!("the pattern is a literal"))
});

static EXPLETIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^It (?:is|was|has been|had been|will be|would be|seems|appears) (?:\w+ ){0,3}?(?:that|to|whether|if|how|why|what)\b")
        .unwrap_or_else(|_| unreachable!("the pattern is a literal"))
});

/// The verbs an expletive "It" takes, each with the space that must follow it.
const VERBS: [&[u8]; 8] = [
    b"is ",
    b"was ",
    b"has been ",
    b"had been ",
    b"will be ",
    b"would be ",
    b"seems ",
    b"appears ",
];

/// The words that open the clause an expletive "It" stands for.
const OPENERS: [&[u8]; 7] = [b"that", b"to", b"whether", b"if", b"how", b"why", b"what"];

/// How many words may come between the verb and the opener.
const MAX_WORDS_BETWEEN: usize = 3;

/// Whether `opening` starts with the pronoun "It" (the word "It" alone, not "Italy").
pub(super) fn opens_with_it(opening: &str) -> bool {
    match opening.as_bytes() {
        [b'I', b't', next, ..] if !next.is_ascii() => IT.is_match(opening),
        [b'I', b't', next, ..] => !is_ascii_word(*next),
        [b'I', b't'] => true,
        _ => false,
    }
}

/// Whether `opening` is an expletive "It" sentence: "It is likely that ...".
pub(super) fn is_expletive(opening: &str) -> bool {
    expletive_in_ascii(opening.as_bytes()).unwrap_or_else(|| EXPLETIVE.is_match(opening))
}

/// [`is_expletive`] read from ASCII bytes; `None` when a byte that decides is not ASCII.
fn expletive_in_ascii(text: &[u8]) -> Option<bool> {
    let Some(rest) = text.strip_prefix(b"It ") else {
        return Some(false);
    };
    // the verbs differ in their first words, so at most one fits
    let Some(mut rest) = VERBS.iter().find_map(|v| rest.strip_prefix(*v)) else {
        return Some(false);
    };
    for words in 0..=MAX_WORDS_BETWEEN {
        for opener in OPENERS {
            if let Some(after) = rest.strip_prefix(opener) {
                match after.first() {
                    None => return Some(true),
                    Some(b) if !b.is_ascii() => return None,
                    Some(&b) if !is_ascii_word(b) => return Some(true),
                    // a longer word ("together"): it may still be one of the words between
                    Some(_) => {}
                }
            }
        }
        if words == MAX_WORDS_BETWEEN {
            break;
        }
        // one word between, ended by one space
        let len = rest.iter().take_while(|&&b| is_ascii_word(b)).count();
        match rest.get(len) {
            Some(b' ') if len > 0 => rest = &rest[len + 1..],
            Some(b) if !b.is_ascii() => return None,
            _ => return Some(false),
        }
    }
    Some(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sentences built from pieces that fit the pattern, nearly fit it, or hold characters
    /// outside ASCII, word characters or not, in every place where the tests read a byte.
    fn generated() -> Vec<String> {
        let starts = [
            "It ",
            "It",
            "It  ",
            "Its ",
            "It's ",
            "it ",
            "It\u{e9} ",
            "It_ ",
            "It.",
        ];
        let verbs = [
            "is ",
            "was ",
            "has been ",
            "had been ",
            "will be ",
            "would be ",
            "seems ",
            "appears ",
            "is",
            "was  ",
            "had  been ",
            "seem ",
            "is\u{a0}",
            "isn't ",
            "",
        ];
        let words = [
            "likely ",
            "not ",
            "clear ",
            "that ",
            "to ",
            "caf\u{e9} ",
            "\u{e9}t\u{e9} ",
            "2015 ",
            "a_b ",
            "x  ",
            "x,",
            "tout ",
            "\u{bd} ",
            "\u{201c}x ",
            "",
            "un\u{2019}s ",
            "de ",
        ];
        let openers = [
            "that", "to", "whether", "if", "how", "why", "what", "th", "together", "toe", "iff",
            "What", "thatch", "",
        ];
        let ends = [
            "", " he", ".", ",", "s", "_", "\u{e9}", "\u{bd}", "\u{2019}", "1", " ", "\u{a0}x",
        ];
        let mut out = Vec::new();
        // many combinations, the same on every run
        let mut sequence = crate::test_random::Sequence::new(0x2545_f491_4f6c_dd1d);
        let mut pick = |n: usize| sequence.below(n);
        for _ in 0..40_000 {
            let mut s = String::new();
            s.push_str(starts[pick(starts.len())]);
            s.push_str(verbs[pick(verbs.len())]);
            for _ in 0..pick(6) {
                s.push_str(words[pick(words.len())]);
            }
            s.push_str(openers[pick(openers.len())]);
            s.push_str(ends[pick(ends.len())]);
            out.push(s);
        }
        out
    }

    #[test]
    fn the_hand_tests_answer_as_the_regexes() {
        let mut expletives = 0;
        for s in generated() {
            assert_eq!(is_expletive(&s), EXPLETIVE.is_match(&s), "{s:?}");
            assert_eq!(opens_with_it(&s), IT.find(&s).is_some(), "{s:?}");
            if EXPLETIVE.is_match(&s) {
                expletives += 1;
            }
        }
        // the generated sentences are not all one answer
        assert!(expletives > 300, "{expletives}");
    }

    #[test]
    fn expletives_and_pronouns() {
        assert!(is_expletive("It is likely that the talks resume."));
        assert!(is_expletive(
            "It was not immediately clear whether he left."
        ));
        assert!(!is_expletive("It is a big step for the company."));
        assert!(!is_expletive("It said on Monday that sales rose."));
        assert!(opens_with_it("It said"));
        assert!(!opens_with_it("Italy said"));
    }
}
