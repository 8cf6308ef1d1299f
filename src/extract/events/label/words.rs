//! The word lists the headline shaper reads a clause with: reporting verbs, fillers, the
//! words a label may not end on, clause openers and day words.
//!
//! Each word's lists are also kept as bits in one table ([`lists_of`]): the shaper asks dozens
//! of list questions per word, and scanning the lists with string comparisons was most of the
//! cost of labelling. A [`Word`](super::word::Word) looks its bits up once when it is made.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::extract::events::shapes::WordMap;
use crate::extract::lower_case::with_lower_case;
use crate::model::WEEKDAY_NAMES;

/// One of the word lists below, as a bit of [`lists_of`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct List(u32);

impl List {
    /// Whether `word` (bare: lower case, no punctuation) is on the list.
    pub fn has(self, word: &str) -> bool {
        self.among(lists_of(word))
    }

    /// Whether `word` lower-cased (as `str::to_lowercase` writes it) is on the list: a label's
    /// first word has the capital the shaper gave it.
    pub fn has_lower_case_of(self, word: &str) -> bool {
        with_lower_case(word, |lower| self.has(lower))
    }

    /// Whether the list is among the `lists` bits of a word.
    pub fn among(self, lists: u32) -> bool {
        lists & self.0 != 0
    }
}

/// The lists as bits, named as the lists are.
pub mod list {
    use super::List;

    pub const REPORTING: List = List(1 << 0);
    pub const MID_CLAUSE_OPENERS: List = List(1 << 1);
    pub const SAY_VERBS: List = List(1 << 2);
    pub const LEADING_FILLER: List = List(1 << 3);
    pub const LEADING_ADVERBIAL: List = List(1 << 4);
    pub const DANGLING: List = List(1 << 5);
    pub const FRAGMENT_OPENERS: List = List(1 << 6);
    pub const SUBORDINATORS: List = List(1 << 7);
    pub const PARTITIVES: List = List(1 << 8);
    pub const CLAUSE_OPENERS: List = List(1 << 9);
    pub const MODIFIERS: List = List(1 << 10);
    pub const STRONG_OPENERS: List = List(1 << 11);
    pub const PREPOSITIONS: List = List(1 << 12);
    pub const DAY_WORDS: List = List(1 << 13);
    pub const PARTS_OF_DAY: List = List(1 << 14);
    pub const PLURAL_PRONOUNS: List = List(1 << 15);
    pub const ADVERBS: List = List(1 << 16);
    pub const SUBJECT_PREPOSITIONS: List = List(1 << 17);
    pub const MODAL_OR_AUX: List = List(1 << 18);
    pub const PRONOUNS: List = List(1 << 19);
    /// [`WEEKDAY_NAMES`](crate::model::WEEKDAY_NAMES)
    pub const WEEKDAYS: List = List(1 << 20);
    /// The irregular past forms of [`tense`](super::super::tense) ("taken", "began").
    pub const IRREGULAR_FORMS: List = List(1 << 21);
    /// [`NOUNS_OF_TIME`](super::NOUNS_OF_TIME)
    pub const NOUNS_OF_TIME: List = List(1 << 22);
    /// [`PHRASE_DETERMINERS`](super::PHRASE_DETERMINERS)
    pub const PHRASE_DETERMINERS: List = List(1 << 23);
    /// The irregular forms that are only ever a simple past ("came", "took"):
    /// [`is_simple_past_only`](super::super::tense::is_simple_past_only), which reads the
    /// whole table of irregular verbs, asked once per form when the table is built.
    pub const SIMPLE_PAST_ONLY: List = List(1 << 24);
}

/// Each word list with its bit: what [`LISTS`] is built from, and what its test checks.
const LISTED: [(&[&str], List); 23] = [
    (REPORTING, list::REPORTING),
    (MID_CLAUSE_OPENERS, list::MID_CLAUSE_OPENERS),
    (SAY_VERBS, list::SAY_VERBS),
    (LEADING_FILLER, list::LEADING_FILLER),
    (LEADING_ADVERBIAL, list::LEADING_ADVERBIAL),
    (DANGLING, list::DANGLING),
    (FRAGMENT_OPENERS, list::FRAGMENT_OPENERS),
    (SUBORDINATORS, list::SUBORDINATORS),
    (PARTITIVES, list::PARTITIVES),
    (CLAUSE_OPENERS, list::CLAUSE_OPENERS),
    (MODIFIERS, list::MODIFIERS),
    (STRONG_OPENERS, list::STRONG_OPENERS),
    (PREPOSITIONS, list::PREPOSITIONS),
    (DAY_WORDS, list::DAY_WORDS),
    (PARTS_OF_DAY, list::PARTS_OF_DAY),
    (PLURAL_PRONOUNS, list::PLURAL_PRONOUNS),
    (ADVERBS, list::ADVERBS),
    (SUBJECT_PREPOSITIONS, list::SUBJECT_PREPOSITIONS),
    (MODAL_OR_AUX, list::MODAL_OR_AUX),
    (PRONOUNS, list::PRONOUNS),
    (&WEEKDAY_NAMES, list::WEEKDAYS),
    (NOUNS_OF_TIME, list::NOUNS_OF_TIME),
    (PHRASE_DETERMINERS, list::PHRASE_DETERMINERS),
];

/// Every listed word with the bits of the lists it is on; most words of a clause are on no
/// list and are answered without hashing them ([`WordMap`]).
static LISTS: LazyLock<WordMap<u32>> = LazyLock::new(|| {
    let lists = LISTED;
    let mut map: FxHashMap<&'static str, u32> = FxHashMap::default();
    for (words, List(bit)) in lists {
        for &w in words {
            *map.entry(w).or_default() |= bit;
        }
    }
    for w in super::tense::irregular_forms() {
        *map.entry(w).or_default() |= list::IRREGULAR_FORMS.0;
        if super::tense::is_simple_past_only(w) {
            *map.entry(w).or_default() |= list::SIMPLE_PAST_ONLY.0;
        }
    }
    WordMap::of(map)
});

/// The table of [`lists_of`], for a caller that looks up many words in a row: reaching it
/// once rather than checking at every word that it is made.
pub fn list_table() -> &'static WordMap<u32> {
    &LISTS
}

/// The bits of the lists `word` (bare) is on; 0 for most words. (Always inlined: every word of
/// every headline clause is looked up here, and a call cost a sixth of the look-up.)
#[inline(always)]
pub fn lists_of(word: &str) -> u32 {
    LISTS.get(word).unwrap_or(0)
}

pub const REPORTING: &[&str] = &[
    "says",
    "said",
    "say",
    "reported",
    "reports",
    "announced",
    "announces",
    "stated",
    "states",
    "added",
    "adds",
    "told",
    "tells",
    "confirmed",
    "confirms",
    "claimed",
    "claims",
    "insisted",
    "insists",
    "believes",
    "believed",
    "warned",
    "warns",
    "noted",
    "notes",
    "explained",
    "explains",
    "acknowledged",
    "admitted",
    "argued",
    "argues",
];

/// Words a clause starts with when the splitter cut it out of a longer sentence: "(which)
/// means Russia's air strikes ...".
pub const MID_CLAUSE_OPENERS: &[&str] = &[
    "means",
    "meaning",
    "shows",
    "showing",
    "suggests",
    "suggesting",
    "indicates",
    "indicating",
    "says",
    "said",
    "saying",
    "adding",
    "noting",
    "that",
    "which",
    "who",
    "and",
    "but",
    "while",
    "whereas",
    "as",
    "so",
    "because",
    "although",
    "though",
    "of",
    "on",
    "in",
    "at",
    "by",
    "for",
    "since",
    "after",
    "before",
    "when",
    "until",
    "once",
    "where",
    "if",
];

/// Reporting verbs whose object is always a clause: "X says Y" reports Y whatever Y is.
pub const SAY_VERBS: &[&str] = &[
    "says", "said", "say", "insists", "insisted", "believes", "believed", "argued", "argues",
    "added", "adds",
];

pub const LEADING_FILLER: &[&str] = &[
    "but",
    "and",
    "meanwhile",
    "however",
    "also",
    "still",
    "yet",
    "so",
    "then",
    "now",
    "separately",
    "earlier",
    "later",
    "today",
    "yesterday",
    "thus",
    "indeed",
    "moreover",
    "furthermore",
    "besides",
    "instead",
    "nevertheless",
    "nonetheless",
    "finally",
];

/// Words opening an adverbial that ends at the first comma ("In a statement, ...").
pub const LEADING_ADVERBIAL: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "citing",
    "according",
    "with",
    "under",
    "following",
    "since",
    "by",
    "while",
    "when",
    "as",
    "although",
    "though",
    "despite",
    "amid",
    "speaking",
    "asked",
    "for",
    "from",
    "as",
    "if",
    "once",
    "until",
    "within",
];

/// A label never ends on one of these.
pub const DANGLING: &[&str] = &[
    "the", "a", "an", "of", "to", "and", "with", "in", "on", "for", "by", "that", "at", "from",
    "as", "amid", "its", "his", "her", "their", "our", "my", "your", "or", "but", "which", "who",
    "whom", "whose", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
    "will", "would", "could", "should", "can", "may", "might", "must", "do", "does", "did", "not",
    "this", "these", "those", "into", "onto", "under", "than", "after", "before", "about",
    "against", "between", "during", "since", "until", "while", "when", "where", "if", "because",
    "very", "more", "most", "some", "any", "each", "every", "such", "both", "all", "no", "so",
    "too", "just", "also", "then", "there", "via", "per", "toward", "towards", "across", "through",
    "near", "without", "within", "among", "upon", "either", "neither", "whether", "than", "only",
    "even", "almost", "nearly", "he", "she", "they", "we", "i", "once", "unless", "whereas",
];

/// A label that starts with one of these is a fragment of its sentence ("Than planned", "Of
/// talks").
pub const FRAGMENT_OPENERS: &[&str] = &[
    "than", "of", "to", "and", "or", "but", "which", "who", "whom", "whose", "about", "amid",
    "via", "per", "whether", "either", "neither", "with", "by", "from", "at", "for",
];

/// Words that open a subordinate clause, whose subject needs its verb.
pub const SUBORDINATORS: &[&str] = &[
    "after", "before", "since", "until", "when", "while", "because", "although", "though", "if",
    "once", "unless", "whereas",
];

/// Nouns that need their "of" phrase: a label never ends on "a remote part" before "of ...".
pub const PARTITIVES: &[&str] = &[
    "part",
    "parts",
    "rest",
    "end",
    "side",
    "edge",
    "middle",
    "centre",
    "center",
    "heart",
    "outskirts",
    "number",
    "series",
    "couple",
    "lot",
    "pair",
    "kind",
    "sort",
    "type",
    "half",
    "third",
    "quarter",
    "majority",
    "minority",
    "history",
    "head",
    "top",
    "bottom",
    "front",
    "wake",
    "course",
    "start",
];

/// A cut may come before one of these: what follows is a clause or phrase of its own.
pub const CLAUSE_OPENERS: &[&str] = &[
    "which",
    "who",
    "whom",
    "whose",
    "where",
    "when",
    "while",
    "whereas",
    "because",
    "after",
    "before",
    "since",
    "until",
    "although",
    "though",
    "despite",
    "amid",
    "following",
    "during",
    "if",
    "unless",
    "as",
    "but",
    "saying",
    "adding",
    "prompting",
    "according",
];

/// Words after which an "-ed" word describes a noun rather than being its verb.
pub const MODIFIERS: &[&str] = &[
    "the",
    "a",
    "an",
    "its",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "this",
    "these",
    "those",
    "of",
    "in",
    "on",
    "at",
    "for",
    "by",
    "with",
    "from",
    "into",
    "some",
    "any",
    "each",
    "every",
    "no",
    "all",
    "both",
    "such",
    "to",
    "newly",
    "well",
    "recently",
    "so-called",
];

/// Openers that always end the label's clause.
pub const STRONG_OPENERS: &[&str] = &[
    "which", "who", "whom", "whose", "where", "because", "although", "though", "whereas", "unless",
    "while", "but",
];

/// Prepositions a cut may come before once the verb has its object ("of" binds a noun phrase
/// together, so it is never a cut).
pub const PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "from", "for", "with", "near", "into", "across", "over", "against", "under",
    "through", "toward", "towards", "outside", "inside", "between", "around", "via", "without",
    "within", "by", "along", "among", "and", "or", "to",
];

pub const DAY_WORDS: &[&str] = &["yesterday", "today", "tonight", "tomorrow"];

pub const PARTS_OF_DAY: &[&str] = &["morning", "afternoon", "evening", "night"];

pub const PLURAL_PRONOUNS: &[&str] = &[
    "they",
    "we",
    "you",
    "i",
    "people",
    "police",
    "men",
    "women",
    "children",
    "both",
    // quantifiers whose noun follows "of": "most of the passengers"
    "most",
    "many",
    "some",
    "all",
    "few",
    "several",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    // "the two met": numbers standing for people
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
];

/// Adverbs between a subject and its verb ("ministries first held").
pub const ADVERBS: &[&str] = &[
    "first", "also", "later", "then", "still", "already", "again", "now", "only", "just", "never",
    "soon",
];

/// Prepositions that end a subject's head noun phrase ("the hundreds | of ...").
pub const SUBJECT_PREPOSITIONS: &[&str] = &[
    "of", "in", "on", "at", "for", "from", "with", "by", "between", "near", "among",
];

/// Auxiliaries and modals: a verb slot whatever follows.
pub const MODAL_OR_AUX: &[&str] = &[
    "has", "have", "had", "was", "were", "will", "would", "could", "should", "can", "may", "might",
    "must", "is", "are", "did", "does",
];

/// Subject pronouns, which never stand in for another subject.
pub const PRONOUNS: &[&str] = &["he", "she", "it", "they", "we", "i", "you"];

/// Nouns of time after which a relative clause may go without its "that" ("on the same day
/// | the Pentagon announced"). Kept as list bits, not compared as strings: the cut asks this
/// of the word before nearly every candidate boundary.
pub const NOUNS_OF_TIME: &[&str] = &["day", "time", "moment", "night", "week"];

/// The determiners that open such a relative clause's subject ("the", "his").
pub const PHRASE_DETERMINERS: &[&str] = &["the", "a", "an", "his", "her", "its", "their"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_word_is_found_on_its_list_and_others_on_none() {
        let lists = LISTED;
        for (words, l) in lists {
            for w in words {
                assert!(l.has(w), "{w}");
            }
        }
        for w in super::super::tense::irregular_forms() {
            assert!(list::IRREGULAR_FORMS.has(w), "{w}");
            assert_eq!(
                list::SIMPLE_PAST_ONLY.has(w),
                super::super::tense::is_simple_past_only(w),
                "{w}"
            );
        }
        for w in ["came", "took", "began", "went"] {
            assert!(list::SIMPLE_PAST_ONLY.has(w), "{w}");
        }
        for w in ["said", "taken", "began"] {
            assert!(list::IRREGULAR_FORMS.has(w), "{w}");
        }
        for w in ["accused", "takes", "the"] {
            assert!(!list::IRREGULAR_FORMS.has(w), "{w}");
        }
        for w in [
            "",
            "th",
            "thee",
            "in\0",
            "Said",
            "the-",
            "nevertheless-and-more",
        ] {
            assert_eq!(lists_of(w), 0, "{w:?}");
        }
    }
}
