//! The cut of a headline to its budget ([`MAX_CHARS`] characters, [`MAX_WORDS`] words): the
//! longest prefix that ends on a phrase boundary after the verb, never inside a quotation, a
//! name or a clause whose verb it would lose. Apart from the shaping steps of
//! [`headline`](super::headline), which decide what the clause says, this decides only where
//! it stops.

use super::MAX_WORDS;
use super::headline::{HARD_MAX_CHARS, MAX_CHARS, ends_clause, is_verb_slot};
use super::tense::is_participle_word;
use super::word::Word;
use super::words::{PRONOUNS, list};

/// The longest prefix within [`MAX_CHARS`] that ends on a phrase boundary after the verb and
/// its first word of object.
pub(super) fn cut_to_budget(words: &mut Vec<Word>, verb: Option<usize>) {
    if words.is_empty() {
        return;
    }
    // Running totals, so that each candidate cut is priced in constant time: the length of
    // the first n words and the quote marks before word i (one array for both; a quote mark
    // is one byte, so it is counted by the byte). No cut is priced past MAX_WORDS words (the
    // word count is asked first), so the totals stop there, on the stack.
    let mut totals = [(0usize, 0usize); MAX_WORDS + 2];
    let priced = words.len().min(MAX_WORDS + 1);
    for (n, w) in words[..priced].iter().enumerate() {
        let (chars, quotes) = totals[n];
        totals[n + 1] = (chars + w.len() + 1, quotes + w.quotes());
    }
    let len = |n: usize| totals[n].0 - 1;
    let fits = |n: usize| n <= MAX_WORDS && len(n) <= MAX_CHARS;
    let floor = verb.map_or(3, |v| v + 2).min(words.len());
    // Never inside a quotation: "'pouring gasoline on the fire'" stays whole.
    let quoted = |i: usize| totals[i].1 % 2 == 1;
    // A cut after more than MAX_WORDS words is never taken, so no boundary beyond is sought
    // (at most MAX_WORDS + 2 of them: on the stack too).
    let mut found = [0usize; MAX_WORDS + 2];
    let mut count = 0;
    for i in (floor..words.len().min(MAX_WORDS + 1))
        .filter(|&i| is_boundary(words, i) && !quoted(i))
        .chain(std::iter::once(words.len()))
    {
        found[count] = i;
        count += 1;
    }
    let boundaries = &found[..count];
    // A relative or subordinate clause, or a participle after a comma, ends the label (list
    // commas do not).
    let clause_end = boundaries.iter().copied().find(|&i| {
        words.get(i).is_some_and(|w| {
            let b = w.bare();
            w.is(list::STRONG_OPENERS)
                || ends_clause(&words[i - 1]) && b.ends_with("ing")
                // "fell 6 percent, its sharpest drop": an apposition about the event
                || ends_clause(&words[i - 1]) && matches!(b, "its" | "his" | "her" | "their")
                || b == "and" && words.get(i + 1).is_some_and(|n| n.bare() == "that")
                || b == "that" && !has_verb(&words[i + 1..])
        })
    });
    // A cut inside a "that" clause keeps the clause's verb: never "a visit that state TV".
    let that_clause_whole = |n: usize| {
        (floor..n)
            .rev()
            .find(|&t| words[t].bare() == "that")
            .is_none_or(|t| has_verb(&words[t + 1..n]))
    };
    let ends_well = |n: usize| {
        let last = &words[n - 1];
        // "an agreement meant", "to keep Russian": mid-phrase
        let mid_phrase = last.is(list::DANGLING)
            || n < words.len() && n > floor && opens_reduced_relative(words, n - 1)
            || is_nationality(&words[n - 1])
            // "for standing up for Syria's", "in a remote part | of the peninsula"
            || words[n - 1].trim_end_matches(['"', '\'']).ends_with("'s")
            || last.is(list::PARTITIVES) && words.get(n).is_some_and(|w| w.bare() == "of")
            || n < words.len() && n > floor && leaves_subject(words, floor, n)
            // "its Boeing | 787": inside a name
            || n < words.len()
                && words[n].starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                && words[n - 1].starts_with(|c: char| c.is_uppercase())
                && !ends_clause(&words[n - 1])
                && !words[n - 1].ends_with('"')
            // "either through a vote" without its "or ..."
            || words[..n]
                .iter()
                .rposition(|w| w.bare() == "either")
                .is_some_and(|e| words[e..n].iter().all(|w| w.bare() != "or"));
        !mid_phrase && that_clause_whole(n)
    };
    // The boundaries ascend, so the last that passes is the longest cut: read from the end,
    // the (costly) `ends_well` is asked only until one passes, not of every boundary.
    let within = boundaries
        .iter()
        .rev()
        .copied()
        .find(|&n| n <= clause_end.unwrap_or(words.len()) && fits(n) && ends_well(n));
    let cut = within
        .or_else(|| {
            boundaries
                .iter()
                .copied()
                .find(|&n| n <= MAX_WORDS && len(n) <= HARD_MAX_CHARS && ends_well(n))
        })
        .unwrap_or_else(|| {
            // No boundary fits: as many words as fit, back to a phrase boundary after the
            // verb ("lands | in a remote part of ..."), else to a content word.
            let mut n = (1..=words.len())
                .take_while(|&n| fits(n))
                .last()
                .unwrap_or(1);
            // "lands | in a remote part": an intransitive verb's place may go; "kill | at
            // least 370 people" keeps its object.
            let place = |m: usize| {
                verb.is_some_and(|v| m == v + 1)
                    && matches!(
                        words[m].bare(),
                        "in" | "on" | "near" | "over" | "into" | "off"
                    )
                    && words
                        .get(m + 1)
                        .is_some_and(|d| matches!(d.bare(), "a" | "an" | "the"))
            };
            let from = verb.map_or(floor, |v| v + 1).min(n);
            if let Some(m) = (from..n).rev().find(|&m| {
                (m >= floor || place(m)) && is_boundary(words, m) && !quoted(m) && ends_well(m)
            }) {
                return m;
            }
            while n > 1 && !ends_well(n) {
                n -= 1;
            }
            n
        });
    words.truncate(cut);
}

/// Whether a cut before `words[n]` leaves the subject of a subordinate or coordinated clause
/// without its verb: "after Washington | dropped its objections", ", and since then pilots |
/// from the coalition have reported".
fn leaves_subject(words: &[Word], floor: usize, n: usize) -> bool {
    let Some(open) = (floor..n).rev().find(|&i| {
        let b = words[i].bare();
        words[i].is(list::SUBORDINATORS)
            || matches!(b, "and" | "but") && ends_clause(&words[i - 1])
            || opens_implicit_relative(words, i)
    }) else {
        return false;
    };
    if (open + 2..n).any(|i| is_verb_slot(words, i)) {
        return false;
    }
    // its verb comes soon, before any other clause or phrase opens
    (n..words.len().min(n + 8))
        .take_while(|&j| (j == n || !ends_clause(&words[j - 1])) && !is_clause_opener(&words[j..]))
        .any(|j| j > open + 1 && is_verb_slot(words, j))
}

/// "on the same day | the Pentagon announced": a relative clause without its "that" after a
/// noun of time.
fn opens_implicit_relative(words: &[Word], i: usize) -> bool {
    i > 0 && words[i - 1].is(list::NOUNS_OF_TIME) && words[i].is(list::PHRASE_DETERMINERS)
}

/// Whether `words` hold a verb we can see: a past or auxiliary, or a lower-case "-s" word
/// ("that includes Bahrain"); "that Syrian state TV" was cut before its verb.
/// A present "-s" verb is told from a plural noun by what follows it: an object ("includes
/// Bahrain", "wants the"), not "of" or another noun ("thousands of fighters").
fn has_verb(words: &[Word]) -> bool {
    (1..words.len()).any(|i| is_verb_slot(words, i))
        // "it's", "they're", "don't"
        || words.iter().any(|w| {
            let b = w.bare();
            b.ends_with("n't") || b.contains('\'') && PRONOUNS.iter().any(|p| b.starts_with(&format!("{p}'")))
        })
        || (0..words.len()).any(|i| {
            let (w, b) = (&words[i], words[i].bare());
            w.starts_with(|c: char| c.is_lowercase())
                && b.ends_with('s')
                && !b.ends_with("ss")
                && !w.is(list::PLURAL_PRONOUNS)
                && (i == 0 || !words[i - 1].is(list::MODIFIERS))
                && words.get(i + 1).is_some_and(|n| {
                    n.starts_with(|c: char| c.is_uppercase())
                        || matches!(
                            n.bare(),
                            "the" | "a" | "an" | "its" | "his" | "her" | "their" | "to" | "that"
                        )
                })
        })
}

/// Whether a cut may come before `words[i]`. (The tests are pure: the ones read from the
/// words' kept bits come first, the string comparisons last.) Inlined: the cut asks it of
/// every word it may price, about seven a label, and most are told by the first tests.
#[inline]
fn is_boundary(words: &[Word], i: usize) -> bool {
    ends_clause(&words[i - 1])
        || words[i].is(list::PREPOSITIONS)
        || is_clause_opener(&words[i..])
        || words[i].starts_with('"') && !words[i - 1].ends_with('"')
        // after a quotation closes: "'pouring gasoline on the fire' | of the war"
        || words[i - 1].ends_with('"') && !words[i - 1].starts_with('"') && !words[i].starts_with('"')
        // a participle phrase after the object: "an agreement | meant to stop ..."
        || words[i].starts_with(|c: char| c.is_lowercase()) && is_participle_word(&words[i])
        || opens_implicit_relative(words, i)
}

/// Whether the participle `words[i]` opens a phrase about the noun before it ("an agreement
/// meant ..."), rather than closing a verb ("had been killed").
fn opens_reduced_relative(words: &[Word], i: usize) -> bool {
    let before = words
        .get(i.wrapping_sub(1))
        .map(|w| w.bare())
        .unwrap_or_default();
    let aux_before = i > 0 && words[i - 1].is(list::MODAL_OR_AUX);
    is_participle_word(&words[i]) && !aux_before && before != "been"
}

/// "Russian", "Syrian", "Chinese", "British": an adjective that needs its noun.
fn is_nationality(word: &str) -> bool {
    // (the first letter first: a capital is alphanumeric, so the trimmed word starts with
    // the word's own first character, and most words are in lower case)
    if !word.starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    let w = word.trim_end_matches(|c: char| !c.is_alphanumeric());
    w.starts_with(|c: char| c.is_uppercase())
        && (w.ends_with("ian") || w.ends_with("ese") || w.ends_with("ish") || w.ends_with("can"))
}

/// Whether `rest` opens a clause of its own: a relative or subordinate clause, a participle
/// phrase.
fn is_clause_opener(rest: &[Word]) -> bool {
    let Some(first) = rest.first() else {
        return false;
    };
    let b = first.bare();
    first.is(list::CLAUSE_OPENERS) || b == "that" && rest.len() > 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_implicit_relative_is_read_from_list_bits_as_from_the_words() {
        let texts = [
            "day", "Day,", "time", "moment", "night", "week", "weeks", "days", "the", "The", "a",
            "an", "his", "her", "its", "their", "them", "this", "\"the", "year", "",
        ];
        for before in texts {
            for after in texts {
                let words = [Word::new(before), Word::new(after)];
                let by_words = matches!(
                    words[0].bare(),
                    "day" | "time" | "moment" | "night" | "week"
                ) && matches!(
                    words[1].bare(),
                    "the" | "a" | "an" | "his" | "her" | "its" | "their"
                );
                assert_eq!(
                    opens_implicit_relative(&words, 1),
                    by_words,
                    "{before:?} {after:?}"
                );
            }
        }
    }
}
