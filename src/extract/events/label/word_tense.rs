//! The tense tests of [`tense`](super::tense) asked of a headline word, reading whether it is
//! an irregular form from its list bits ([`list::IRREGULAR_FORMS`], looked up once when the
//! word was made) instead of looking its bare form up in the irregular verbs' map again.
//!
//! The shaper asks whether a word is a past tense of most of the words before a clause's verb
//! (every candidate verb slot, every finite-verb test), and most words are no irregular form:
//! for them only the "-ed" test is left.

use super::tense::{has_participle_ending, is_regular_past};
use super::word::Word;
use super::words::list;

/// `tense::is_past` of the word's bare form. Only whether a regular past has a base is asked
/// (of nearly every word before a clause's verb), so the base, which reads the stem against
/// several lists, is not worked out.
#[inline]
pub(super) fn is_past_word(word: &Word) -> bool {
    word.is(list::IRREGULAR_FORMS) || is_regular_past(word.bare())
}

/// `tense::is_participle_only` of the word's bare form.
#[inline]
pub(super) fn is_participle_only_word(word: &Word) -> bool {
    word.is(list::IRREGULAR_FORMS) && has_participle_ending(word.bare())
}

/// [`is_simple_past_only`] of the word's bare form (which only an irregular form can be),
/// read from its list bits ([`list::SIMPLE_PAST_ONLY`]).
#[inline]
pub(super) fn is_simple_past_only_word(word: &Word) -> bool {
    word.is(list::SIMPLE_PAST_ONLY)
}

#[cfg(test)]
mod tests {
    use super::super::tense::{is_participle_only, is_past, is_simple_past_only};
    use super::*;

    #[test]
    fn the_word_tests_agree_with_the_tests_of_the_bare_form() {
        let words = [
            "said",
            "Said,",
            "told",
            "taken",
            "shown",
            "came",
            "began",
            "begun",
            "accused",
            "agreed",
            "need",
            "red",
            "Ted",
            "killed",
            "the",
            "Russia",
            "won",
            "done",
            "gone",
            "known",
            "went",
            "met",
            "\"struck\"",
            "proceeded",
            "reported",
            "scored",
            "carried",
            "stopped",
            "cancelled",
            "naked",
            "Xed",
            "ed",
            "décidéed",
            "",
            ",",
            "run",
            "took",
            "Took",
            "gave",
            "saw",
            "seen",
            "ran",
            "hit",
            "rose",
            "said",
            "felt",
            "come",
            "became",
            "become",
        ];
        for text in words {
            let word = Word::new(text);
            let bare = word.bare();
            assert_eq!(is_past_word(&word), is_past(bare), "{text:?}");
            assert_eq!(
                is_participle_only_word(&word),
                is_participle_only(bare),
                "{text:?}"
            );
            assert_eq!(
                is_simple_past_only_word(&word),
                is_simple_past_only(bare),
                "{text:?}"
            );
        }
    }
}
