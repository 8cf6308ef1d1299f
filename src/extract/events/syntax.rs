//! Clause structure of a sentence, read from its words: which parts are subordinate clauses
//! ("since the war there began in 2011", "after the deal signed in 2009"), relative clauses
//! ("who took power in 2000", "the deal signed in 2009") and reported content ("said on Monday
//! that ... in March"), and where the subject of a clause ends (its first verb), so a time
//! expression dates the clause of its own verb and the one who acts can be told apart.
//!
//! Without a part-of-speech tagger the verbs are recognised by their forms (auxiliaries, a
//! table of irregular past forms, "-ed" endings, a verb after a name); [`Token::verb`] is the
//! one place a tagger's VERB/AUX tags (`crate::extract::nlp`, issue 15a) can refine that.

use std::borrow::Borrow;
use std::ops::Range;
use std::sync::LazyLock;

use crate::extract::events::scan;
use crate::extract::events::shapes::{Shapes, WordMap};
use crate::extract::lower_case::lower_into;
use crate::model::{MONTH_NAMES, WEEKDAY_NAMES};

mod ascii_tokens;
mod verb_words;
use verb_words::{AUXILIARIES, IRREGULAR_PAST, NOT_VERBS, REPORTING};

/// One word of a sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Token<'a> {
    pub range: Range<usize>,
    /// Lower-cased, without surrounding punctuation: a slice of the lower case
    /// [`tokens_in_into`] makes for the sentence (its lower-cased copy, then the lower case of
    /// each word outside ASCII after it), so a sentence's words cost no string each.
    pub lower: &'a str,
    /// Starts with a capital letter.
    pub cap: bool,
    /// A comma, semicolon, colon or dash follows it: a clause may end here.
    pub pause_after: bool,
    /// Looks like a finite verb or auxiliary.
    pub verb: bool,
}

/// What kind of dependent clause a span is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SubKind {
    /// Opened by a subordinator: "since", "after", "because", "when" ...
    Adverbial,
    /// Opened by "who", "which", "that" + verb, or a participle after a noun.
    Relative,
    /// What somebody said: "that" after a reporting verb. It reports a happening of its own,
    /// so it is dated by its own expressions like a main clause.
    Reported,
}

/// A dependent clause: its byte range in the article and, for a relative clause, the end of
/// the noun it describes (whoever acts in it).
#[derive(Clone, Debug, PartialEq)]
pub struct Sub {
    pub range: Range<usize>,
    pub kind: SubKind,
    pub antecedent_end: Option<usize>,
}

/// Whether `word` opens an adverbial clause. A `match` rather than a list: every word of
/// every sentence is asked, and the match compares by length before comparing any bytes.
fn is_subordinator(word: &str) -> bool {
    matches!(
        word,
        "since"
            | "after"
            | "before"
            | "when"
            | "whenever"
            | "because"
            | "although"
            | "though"
            | "while"
            | "whilst"
            | "until"
            | "unless"
            | "once"
            | "whereas"
            | "if"
    )
}

/// Every word [`is_marker`] is true of (the subordinators, the relative pronouns and "that"),
/// for [`MARKER_SHAPES`]; its test holds it to the two `match`es.
const MARKERS: [&str; 20] = [
    "since", "after", "before", "when", "whenever", "because", "although", "though", "while",
    "whilst", "until", "unless", "once", "whereas", "if", "who", "whom", "whose", "which", "that",
];

/// The shapes of [`MARKERS`]: a word that is no verb opens a clause only if it is one of them,
/// and most words of a sentence are told they are not by their first byte and length.
static MARKER_SHAPES: LazyLock<Shapes> = LazyLock::new(|| Shapes::of(MARKERS));

/// Whether `word` opens a relative clause (as [`is_subordinator`], a `match`).
fn is_relative_pronoun(word: &str) -> bool {
    matches!(word, "who" | "whom" | "whose" | "which")
}

impl Token<'_> {
    /// [`Token::lower`] (kept for its callers).
    pub fn lower(&self) -> &str {
        self.lower
    }
}

/// The words of `text[sentence]`, their lower case kept in `lower` (see [`tokens_in_into`]).
pub fn tokens<'a>(text: &'a str, sentence: &Range<usize>, lower: &'a mut String) -> Vec<Token<'a>> {
    let mut out = Vec::new();
    tokens_in_into(text, sentence, lower, &mut out);
    out
}

/// The words of `text[sentence]` in `out` (cleared first), their lower case read from `lower`,
/// which is made the sentence lower-cased ([`str::to_ascii_lowercase`]: the same length and
/// offsets from the sentence's start) followed by the lower case of each word that is not
/// ASCII (whose lower case may be of another length): every token's lower case is a slice of
/// it, so no word costs a string of its own and a token needs no dropping. Returns the
/// sentence lower-cased (the start of `lower`), for the caller to search.
///
/// The events of an article read every sentence's tokens into one vector, which grows to the
/// longest sentence once, instead of a vector of a few kilobytes being allocated and freed
/// per sentence; `lower` is the article's too.
pub fn tokens_in_into<'a>(
    text: &'a str,
    sentence: &Range<usize>,
    lower: &'a mut String,
    out: &mut Vec<Token<'a>>,
) -> &'a str {
    out.clear();
    let slice = text.get(sentence.clone()).unwrap_or_default();
    lower_into(lower, slice);
    // About one word per six bytes of news text: room for them up front rather than growing
    // the vector word by word.
    out.reserve(slice.len() / 5 + 4);
    // the verb sets made ready once per sentence, not asked whether they are at every word
    let verb_sets = VerbSets {
        forms: &VERB_FORMS,
        not_verbs: &NOT_VERB_SET,
    };
    // An all-ASCII sentence (nearly all) is read by the byte, in a pass of its own.
    if slice.is_ascii() {
        let lower: &'a str = lower;
        ascii_tokens::ascii_tokens_into(slice, lower, sentence.start, &verb_sets, out);
        return lower;
    }
    // The lower case of each word that is not ASCII, after the sentence's copy, in the order
    // of the words (the tokens take them in that order).
    let mut own = Vec::new();
    for word in scan::words(slice) {
        if word.core.is_none() {
            let span = core_span(word.text);
            if !span.is_empty() {
                let from = lower.len();
                lower.push_str(&word.text[span].to_lowercase());
                own.push(from..lower.len());
            }
        }
    }
    let lower: &'a str = lower;
    tokens_by_words(slice, sentence.start, lower, &own, &verb_sets, out);
    lower.get(..slice.len()).unwrap_or_default()
}

/// The tokens of `slice`, a sentence starting at byte `base` of its article, pushed onto
/// `out`, read from its words as [`scan::words`] gives them (any text): `lower` is as
/// [`tokens_in_into`] makes it, `own` where in it the lower case of each word that is not
/// ASCII is.
fn tokens_by_words<'a>(
    slice: &'a str,
    base: usize,
    lower: &'a str,
    own: &[Range<usize>],
    verb_sets: &VerbSets,
    out: &mut Vec<Token<'a>>,
) {
    let mut own = own.iter();
    // The words between white space (white space alone never makes a token), each ASCII
    // word with its letters' span found in the same pass.
    for word in scan::words(slice) {
        let (chunk_start, raw) = (word.at, word.text);
        let span = match &word.core {
            Some(core) => core.span.clone(),
            None => core_span(raw),
        };
        if span.is_empty() {
            // a lone dash between words pauses like a comma
            if raw.contains(['-', '–', '—'])
                && let Some(last) = out.last_mut()
            {
                last.pause_after = true;
            }
            continue;
        }
        // (where the letters are in the sentence, which is where they are in `lower`)
        let at = chunk_start + span.start;
        let start = base + at;
        let range = start..start + span.len();
        // (the slices of `lower` are always there: it is made for these words)
        let (lower_form, cap, pause_after) = match &word.core {
            // An ASCII word is read by the byte: its capital and what follows its letters are
            // ASCII, so no character is decoded.
            Some(_) => {
                let bytes = raw.as_bytes();
                let tail = &bytes[span.end..];
                let pause = ascii_pause(tail, || is_abbreviation(&raw[span.clone()]));
                let lower_form = lower.get(at..at + span.len()).unwrap_or_default();
                (lower_form, bytes[span.start].is_ascii_uppercase(), pause)
            }
            None => {
                let core = &raw[span.clone()];
                let tail = &raw[span.end..];
                // (most words have nothing after their letters: no search set up for them)
                let pause = !tail.is_empty()
                    && (tail.contains([',', ';', ':', '–', '—', '!', '?'])
                        || (tail.contains('.') && !is_abbreviation(core)));
                let lower_form = own
                    .next()
                    .and_then(|r| lower.get(r.clone()))
                    .unwrap_or_default();
                (lower_form, core.starts_with(char::is_uppercase), pause)
            }
        };
        let mut token = Token {
            range,
            lower: lower_form,
            cap,
            pause_after,
            verb: false,
        };
        // (a verb is told by the word and the one before it, which is complete by now: a
        // lone dash after it set its pause before this word came)
        token.verb = looks_like_verb(&token, out.last(), verb_sets);
        out.push(token);
    }
}

/// Where `word` is without the non-alphanumeric characters at either end ("(Reuters)," →
/// "Reuters"); empty at the end of `word` when it has no letter or digit. ASCII words (nearly
/// all) are scanned by the byte.
#[inline]
pub fn core_span(word: &str) -> Range<usize> {
    let bytes = word.as_bytes();
    if bytes.is_ascii() {
        let start = bytes
            .iter()
            .position(u8::is_ascii_alphanumeric)
            .unwrap_or(bytes.len());
        let end = bytes
            .iter()
            .rposition(u8::is_ascii_alphanumeric)
            .map_or(start, |i| i + 1);
        return start..end;
    }
    let start = word.len()
        - word
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .len();
    let end = start
        + word[start..]
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .len();
    start..end
}

/// "U.S.", "Corp.", "Mr.": a period that ends no sentence.
fn is_abbreviation(core: &str) -> bool {
    core.contains('.')
        || core.len() <= 2
        || matches!(
            core,
            "Mrs"
                | "Inc"
                | "Corp"
                | "Ltd"
                | "Gen"
                | "Sen"
                | "Rep"
                | "Gov"
                | "Col"
                | "Capt"
                | "Prof"
        )
}

/// The auxiliaries, irregular past forms and reporting verbs in one map, each word with the
/// bits of the lists it is on ([`AUXILIARY`], [`IRREGULAR`], [`REPORTED`]): scanning the three
/// lists for every word of every sentence was most of the cost of reading a sentence's words,
/// and asking whether a verb is an auxiliary or reports speech compared it with each member.
/// With their shapes: most words are none of them, and are told so without hashing them.
static VERB_FORMS: LazyLock<WordMap<u8>> = LazyLock::new(|| {
    let mut bits: rustc_hash::FxHashMap<&'static str, u8> = rustc_hash::FxHashMap::default();
    for (list, bit) in [
        (AUXILIARIES, AUXILIARY),
        (IRREGULAR_PAST, IRREGULAR),
        (REPORTING, REPORTED),
    ] {
        for &w in list {
            *bits.entry(w).or_default() |= bit;
        }
    }
    WordMap::of(bits)
});

/// [`VERB_FORMS`] bit of the words of [`AUXILIARIES`].
const AUXILIARY: u8 = 1;
/// [`VERB_FORMS`] bit of the words of [`IRREGULAR_PAST`].
const IRREGULAR: u8 = 2;
/// [`VERB_FORMS`] bit of the words of [`REPORTING`].
const REPORTED: u8 = 4;

/// Whether `word` is on the verb list of `bit` ([`VERB_FORMS`]).
fn is_verb_form(word: &str, bit: u8) -> bool {
    VERB_FORMS.get(word).is_some_and(|bits| bits & bit != 0)
}

/// "-ed" words that are no verbs, as a set ([`NOT_VERBS`]).
static NOT_VERB_SET: LazyLock<WordMap<()>> =
    LazyLock::new(|| WordMap::set(NOT_VERBS.iter().copied()));

/// [`VERB_FORMS`] and [`NOT_VERB_SET`], each made once: [`looks_like_verb`] is asked of every
/// word of every sentence, and reaching a `LazyLock` checks that it is made.
struct VerbSets<'s> {
    forms: &'s WordMap<u8>,
    not_verbs: &'s WordMap<()>,
}

/// Whether the token `t`, whose sentence's token before it is `prev` (`None` for the first
/// word), looks like a verb. (Asked before `t` joins its sentence's tokens, so that it is
/// made in one piece.)
fn looks_like_verb(t: &Token, prev: Option<&Token>, sets: &VerbSets) -> bool {
    verb_by(t.lower(), t.cap, prev.map(|p| (p.cap, p.pause_after)), sets)
}

/// [`looks_like_verb`] of a word whose lower case is `w` and which starts with a capital when
/// `cap`, after a token that starts with a capital and pauses as `prev` says (`None` for the
/// first word). Inlined: every word of a sentence is asked.
#[inline(always)]
fn verb_by(w: &str, cap: bool, prev: Option<(bool, bool)>, sets: &VerbSets) -> bool {
    if cap && prev.is_some() {
        return false;
    }
    if sets.forms.contains(w) {
        return true;
    }
    if w.len() > 4 && w.ends_with("ed") && !sets.not_verbs.contains(w) {
        return true;
    }
    // "Apple announces", "GM says": a present-tense verb right after a name
    let after_name = prev.is_some_and(|(cap, pause_after)| cap && !pause_after);
    after_name && w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !cap
}

/// The dependent clauses of a sentence, outermost first.
pub fn subordinates(tokens: &[Token]) -> Vec<Sub> {
    let mut subs = Vec::new();
    subordinates_into(tokens, &mut subs);
    subs
}

/// [`subordinates`] in `subs` (emptied first), which the events of an article keep from one
/// sentence to the next.
pub fn subordinates_into(tokens: &[Token], subs: &mut Vec<Sub>) {
    subs.clear();
    // (made once for the sentence, not checked at every word)
    let markers: &Shapes = &MARKER_SHAPES;
    for (i, t) in tokens.iter().enumerate() {
        // Each test of `opened_at` needs a marker or a verb (a reduced relative opens on a
        // verb with a preposition after it): a word that is neither opens nothing, and most
        // words, verbs too, are done here.
        let shaped = markers.admits(t.lower());
        if !shaped && !may_open_reduced_relative(tokens, i) {
            continue;
        }
        if let Some(sub) = opened_at(tokens, i, shaped) {
            subs.push(sub);
        }
    }
}

/// Whether `tokens[i]`, a word that is no marker, may open a clause: only a reduced relative
/// can, and it needs a lower-case verb after the first word with one of its prepositions after
/// it. Most verbs have none, and are told so here rather than in a call of [`opened_at`] each
/// ([`reduced_relative`] asks this first).
#[inline(always)]
fn may_open_reduced_relative(tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    t.verb
        && i > 0
        && !t.cap
        && tokens
            .get(i + 1)
            .is_some_and(|n| opens_participle_phrase(n.lower()))
}

/// The words after a participle that make it a reduced relative ("the deal signed in 2009").
#[inline]
fn opens_participle_phrase(word: &str) -> bool {
    matches!(
        word,
        "in" | "on" | "at" | "by" | "last" | "during" | "earlier" | "since"
    )
}

/// Whether an ASCII word whose letters are followed by the marks `tail` makes a pause after
/// it: a comma, semicolon, colon, "!" or "?", or a full stop that does not end an abbreviation
/// (`is_abbreviation` of the word's letters, asked only then). Both readers of a sentence's
/// words ask this, so they cannot come to differ on it.
#[inline]
pub(super) fn ascii_pause(tail: &[u8], is_abbreviation: impl FnOnce() -> bool) -> bool {
    !tail.is_empty()
        && (tail
            .iter()
            .any(|b| matches!(b, b',' | b';' | b':' | b'!' | b'?'))
            || (tail.contains(&b'.') && !is_abbreviation()))
}

/// The dependent clause that `tokens[i]` (a verb or a word shaped like a marker) opens, if
/// any; `shaped`: whether the word has the shape of one of the [`MARKERS`] (a word that has
/// not is none of them, and is not compared with them: most verbs are not). A function of its
/// own, not inlined: inlined, its scans of the sentence made the loop of [`subordinates_into`] over
/// every word keep their slices up to date at each word, which cost more than the test that
/// rules most words out.
#[inline(never)]
fn opened_at(tokens: &[Token], i: usize, shaped: bool) -> Option<Sub> {
    let t = &tokens[i];
    let w = t.lower();
    let kind = if shaped && is_subordinator(w) {
        SubKind::Adverbial
    } else if shaped && is_relative_pronoun(w) && i > 0 && !t.cap {
        SubKind::Relative
    } else if shaped && w == "that" && i > 0 {
        that_clause(tokens, i)?
    } else if reduced_relative(tokens, i) {
        SubKind::Relative
    } else {
        return None;
    };
    if kind == SubKind::Adverbial && tokens.get(i + 1).is_none_or(starts_a_date) {
        return None;
    }
    let end = clause_end(tokens, i, kind);
    let last = tokens.get(end.saturating_sub(1))?;
    // "since November 2008", "after its launch in 2003": a phrase without a verb is part
    // of the clause around it, and dates it
    if kind == SubKind::Adverbial && !tokens[i + 1..end].iter().any(|t| t.verb) {
        return None;
    }
    let antecedent_end = (kind == SubKind::Relative && i > 0).then(|| tokens[i - 1].range.end);
    Some(Sub {
        range: t.range.start..last.range.end,
        kind,
        antecedent_end,
    })
}

/// "that" opens reported content after a reporting verb (or any verb), a relative clause after
/// a noun when a verb follows, and nothing when it is a determiner ("that day").
fn that_clause(tokens: &[Token], i: usize) -> Option<SubKind> {
    let prev = &tokens[i - 1];
    if is_verb_form(prev.lower(), REPORTED) || (prev.verb && !prev.pause_after) {
        return Some(SubKind::Reported);
    }
    // a reporting verb a few words back: "told reporters that", "said on Monday that"
    let reported = tokens[i.saturating_sub(4)..i]
        .iter()
        .any(|t| is_verb_form(t.lower(), REPORTED));
    if reported {
        return Some(SubKind::Reported);
    }
    let verb_follows = tokens[i + 1..].iter().take(3).any(|t| t.verb);
    verb_follows.then_some(SubKind::Relative)
}

fn is_marker(word: &str) -> bool {
    is_subordinator(word) || is_relative_pronoun(word) || word == "that"
}

/// "the deal signed in 2009": a past participle right after a lower-case noun, followed by a
/// preposition, while the sentence's verb comes before or after it.
fn reduced_relative(tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    // (the auxiliaries are looked up last, below: every verb of every sentence comes here,
    // and the tests are pure, so their order is free; the word after is read first, as few
    // verbs come before one of these prepositions)
    if !may_open_reduced_relative(tokens, i) || matches!(t.lower(), "said" | "says" | "told") {
        return false;
    }
    let prev = &tokens[i - 1];
    let noun_before = !prev.cap
        && prev.lower.chars().all(char::is_alphabetic)
        && !prev.verb
        && !prev.pause_after
        && !matches!(
            prev.lower(),
            "to" | "he"
                | "she"
                | "it"
                | "they"
                | "we"
                | "i"
                | "you"
                | "who"
                | "which"
                | "that"
                | "and"
                | "or"
                | "but"
                | "not"
                | "also"
                | "then"
                | "later"
                | "there"
                | "here"
                | "now"
                | "still"
                | "already"
                | "just"
                | "never"
                | "ever"
                | "first"
                | "once"
        )
        && !prev.lower.ends_with("ly");
    // the scans of the sentence below only for a participle between a noun and a preposition
    if !noun_before || is_verb_form(t.lower(), AUXILIARY) {
        return false;
    }
    // the first verb after "since", "who" ... is that clause's own verb
    let opened_here =
        tokens[..i].iter().rev().take_while(|t| !t.verb).any(|t| {
            is_subordinator(t.lower()) || is_relative_pronoun(t.lower()) || t.lower == "that"
        });
    // the main verb is elsewhere: before it ("announced the deal signed in 2009") or after it,
    // before any other clause opens ("the pact signed in 2009 collapsed")
    let verb_before = tokens[..i].iter().any(|o| o.verb);
    let verb_after = tokens[i + 1..]
        .iter()
        .take_while(|o| !is_marker(o.lower()))
        .any(|o| o.verb);
    let other_verb = verb_before || verb_after;
    other_verb && !opened_here
}

/// The token index where a clause opened at `i` ends (exclusive): at a pause (comma, dash,
/// period), at "and"/"but" opening a verb of the main clause, or, when no comma set the clause
/// off, where the main clause resumes after the clause's own verb: at a second verb ("the deal
/// that was signed in 2009 collapsed") or a new subject before one ("After the case closed
/// Apple's chief wrote ...").
fn clause_end(tokens: &[Token], i: usize, kind: SubKind) -> usize {
    let open_ended = kind != SubKind::Reported && (i == 0 || !tokens[i - 1].pause_after);
    let mut seen_verb = tokens[i].verb;
    let mut gap = false;
    for k in i + 1..tokens.len() {
        let t = &tokens[k];
        let verb_before_pause = || {
            tokens[k + 1..]
                .iter()
                .take_while(|x| !x.pause_after)
                .chain(tokens[k + 1..].iter().find(|x| x.pause_after))
                .any(|x| x.verb)
        };
        if open_ended && seen_verb && gap && (t.verb || (t.cap && verb_before_pause())) {
            return k;
        }
        if seen_verb
            && matches!(t.lower(), "and" | "but")
            && tokens[k + 1..].iter().take(2).any(|x| x.verb)
        {
            return k;
        }
        if t.verb {
            seen_verb = true;
        } else if seen_verb {
            gap = true;
        }
        if t.pause_after {
            return k + 1;
        }
    }
    tokens.len()
}

/// A word that starts a date: "since 2004", "after Tuesday", "until March" are phrases of the
/// clause around them, not clauses.
fn starts_a_date(t: &Token) -> bool {
    const WORDS: &[&str] = &[
        "last",
        "next",
        "this",
        "early",
        "late",
        "mid",
        "then",
        "yesterday",
        "today",
        "tomorrow",
    ];
    let word = t.lower();
    word.starts_with(|c: char| c.is_ascii_digit())
        || WORDS.contains(&word)
        || MONTH_NAMES.contains(&word)
        || WEEKDAY_NAMES.contains(&word)
}

/// Whether the byte range `r` lies in a clause other than the one containing `at`: in an
/// adverbial or relative clause that does not also hold `at`.
pub fn dependent_of<'a>(subs: &'a [Sub], r: &Range<usize>) -> Option<&'a Sub> {
    subs.iter()
        .filter(|s| s.kind != SubKind::Reported && s.range.start <= r.start && r.end <= s.range.end)
        .min_by_key(|s| s.range.len())
}

/// Where the subject of the clause starting at byte `from` ends: at its first verb (for a
/// passive, "was attacked by ...", the agent follows "by": its start is returned as well).
/// `tokens` may be the sentence's tokens or references to some of them (a clause's words
/// without its nested clauses), so a caller need not copy them.
pub fn subject_end<'a, T: Borrow<Token<'a>>>(
    tokens: &[T],
    from: usize,
    to: usize,
) -> Option<(usize, Option<usize>)> {
    let at = |k: usize| -> &Token<'a> { tokens[k].borrow() };
    let first = (0..tokens.len()).find(|&k| {
        let t = at(k);
        t.range.start >= from && t.verb && t.range.end <= to
    })?;
    let verb_at = at(first).range.start;
    // "was struck by", "were attacked by": the by-phrase names who acted
    let mut k = first;
    let mut passive = false;
    while k + 1 < tokens.len() && at(k).verb && at(k).range.end <= to {
        if matches!(at(k).lower(), "was" | "were" | "been" | "is" | "are" | "be") && at(k + 1).verb
        {
            passive = true;
        }
        k += 1;
    }
    let by = passive
        .then(|| {
            tokens[k..]
                .iter()
                .map(Borrow::borrow)
                .take(2)
                .find(|t: &&Token<'a>| t.lower == "by" && t.range.end <= to)
                .map(|t| t.range.end)
        })
        .flatten();
    Some((verb_at, by))
}

#[cfg(test)]
mod tests;
