//! A clause → a headline: the reporting frame and leading adverbials dropped, day words gone,
//! the main verb in headline tense, cut to [`MAX_CHARS`] at a phrase boundary, quotes balanced.
//!
//! Works on words with small word lists, not a parser: each step only fires on a shape it
//! recognises, so an unusual sentence keeps more of its wording rather than losing its sense.
//!
//! The steps are `#[inline(never)]`: each runs once per headline, so the call costs nothing,
//! and a profile then shows what each step costs instead of one sum for the whole shaper.

use super::cut::cut_to_budget;
use super::first_words::opens_with_product;
use super::flatten::flatten;
use super::present::in_present;
use super::recycled;
use super::tense::{is_participle, is_participle_word, past_base};
use super::word::{Word, join};
use super::word_tense::{is_participle_only_word, is_past_word, is_simple_past_only_word};
use super::words::list;
use crate::extract::events::scan;
use crate::extract::lower_case::lower_into;

/// Labels are cut to at most this many characters, at a phrase boundary.
pub const MAX_CHARS: usize = 70;
/// When no boundary falls within [`MAX_CHARS`], the first one after the verb is taken if the
/// label stays under this length.
pub(super) const HARD_MAX_CHARS: usize = 90;

/// The buffers a headline is shaped in, kept from one headline to the next: every clause of
/// every article is lower-cased and split into words, and allocating (then freeing) the copy
/// and the word vector for each cost more than some of the steps. Both are empty between
/// headlines; only their room is kept.
#[derive(Default)]
pub(super) struct Buffers {
    /// The clause lower-cased.
    lower: String,
    /// Room for the words; always empty here. Its words borrow the clause they are read
    /// from, so the room is handed from one clause to the next by [`super::recycled`].
    words: Vec<Word<'static>>,
}

/// [`headline_in`] with buffers of its own.
#[cfg(test)]
pub fn headline(clause: &str, names: &[&str], keep_frame: bool) -> String {
    headline_in(&mut Buffers::default(), clause, names, keep_frame)
}

/// The headline of `clause` (dates already cut, people already by surname); `names` are the
/// actor names in it (whole names or single words), whose words are singular whatever their
/// last letter.
/// With `keep_frame`, the speaker stays: the saying is the event ("Henderson says ...").
/// The names are borrowed (from the text and the actors), as labelling has them: no copy of
/// each name word per label. Shaped in `buffers`, which labelling keeps for all its clauses.
pub(super) fn headline_in(
    buffers: &mut Buffers,
    clause: &str,
    names: &[&str],
    keep_frame: bool,
) -> String {
    let flat = flatten(clause);
    // the clause lower-cased once, which the words' bare forms are slices of
    let mut lower = std::mem::take(&mut buffers.lower);
    lower_into(&mut lower, &flat);
    let mut words = recycled(std::mem::take(&mut buffers.words));
    let label = shape(&flat, &lower, &mut words, names, keep_frame);
    // (the words borrow `lower`: their room is handed back before it is)
    buffers.words = recycled(words);
    buffers.lower = lower;
    label
}

/// The steps of [`headline_in`] on the words of `flat`, read into `words` (empty).
fn shape<'a>(
    flat: &'a str,
    lower: &'a str,
    words: &mut Vec<Word<'a>>,
    names: &[&str],
    keep_frame: bool,
) -> String {
    words_into(flat, lower, words);
    drop_leading(words);
    drop_apposition(words);
    drop_subject_relative(words);
    // "The Kremlin said that Putin told Assad that ...": a frame within a frame
    for _ in 0..if keep_frame { 0 } else { 2 } {
        if !drop_frame_and_leading(words) {
            // (nothing dropped: a second pass over the same words drops nothing either)
            break;
        }
    }
    if keep_frame
        && let Some(that) = (1..words.len().min(12))
            .find(|&i| words[i].bare() == "that" && words[i - 1].is(list::REPORTING))
    {
        // "Henderson said that GM ..." → "Henderson says GM ..."
        words.remove(that);
    }
    drop_trailing_attribution(words);
    drop_day_words(words);
    let verb = headline_tense(words, names);
    cut_to_budget(words, verb);
    finish(words)
}

/// The words of a [`flatten`]ed clause, which they borrow, with standalone punctuation and
/// dashes resolved, pushed onto `words` (empty).
/// `lower` is `flat` lower-cased by [`str::to_ascii_lowercase`] (same offsets).
#[inline(never)]
fn words_into<'a>(flat: &'a str, lower: &'a str, words: &mut Vec<Word<'a>>) {
    // about one word per six bytes: room up front rather than growing word by word (the room
    // is kept from clause to clause, so this rarely allocates)
    words.reserve(flat.len() / 5 + 4);
    let lists = super::words::list_table();
    for scanned in scan::words(flat) {
        let w = scanned.text;
        // (a word with a letter or digit, nearly every word, is compared with none of them)
        let lettered = scanned.core.as_ref().is_some_and(|c| !c.span.is_empty());
        match (lettered, w) {
            (false, "-" | "--" | "—" | "–" | ";" | ":" | ",") => {
                // "rejected the criticism , saying": a comma a cut date left on its own ends
                // the phrase, but not between a verb and its object ("declared , a day of")
                let after_verb = w == ","
                    && words.last().is_some_and(|l| {
                        l.starts_with(|c: char| c.is_lowercase())
                            && (is_past_word(l) || l.is(list::REPORTING))
                    });
                if let Some(last) = words.last_mut()
                    && !last.ends_with(',')
                    && !after_verb
                {
                    last.push_punct(',');
                }
            }
            _ => {
                let word = Word::in_clause(&scanned, lower, lists);
                // a stray "." or quote left where a date was cut: without a letter or digit
                // its bare form is empty
                if !word.bare().is_empty() {
                    words.push(word);
                }
            }
        }
    }
    // (every word has text: the scan yields no empty word, and punctuation only adds to one)
}

/// Whether `word` ends a clause ([`Word::ends_clause`], kept with the word).
#[inline]
pub(super) fn ends_clause(word: &Word) -> bool {
    word.ends_clause()
}

/// Fillers ("But", "Meanwhile,"), a verb left at the start by the clause splitter, and an
/// opening adverbial up to its comma ("In a televised address, ...").
fn drop_leading(words: &mut Vec<Word>) {
    loop {
        let Some(first) = words.first() else { return };
        let b = first.bare();
        let lower_start = first.starts_with(|c: char| c.is_lowercase());
        if first.is(list::LEADING_FILLER)
            && (ends_clause(first) || words.len() > 3 && !b.starts_with("earlier"))
        {
            words.remove(0);
        } else if first.is(list::LEADING_ADVERBIAL)
            && let Some(comma) = words.iter().take(16).position(|w| ends_clause(w))
            && comma + 3 < words.len()
        {
            // "when the river rose, the dam held": the main clause is the event
            words.drain(..=comma);
        } else if lower_start
            && first.is(list::MID_CLAUSE_OPENERS)
            && (words.len() > 3 || words.len() > 2 && first.is(list::SUBORDINATORS))
        {
            words.remove(0);
        } else {
            return;
        }
    }
}

/// "Russia, a long-standing ally of Syria, launched ..." → "Russia launched ...": a headline
/// names its subject and goes straight to the verb.
#[inline(never)]
fn drop_apposition(words: &mut Vec<Word>) {
    let Some(open) = words.iter().take(8).position(|w| ends_clause(w)) else {
        return;
    };
    if !words.get(open + 1).is_some_and(opens_apposition) {
        return;
    }
    let Some(close) = (open + 1..words.len().min(open + 14)).find(|&i| ends_clause(&words[i]))
    else {
        return;
    };
    // What follows the apposition is the subject's verb, in lower case.
    if !words
        .get(close + 1)
        .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()))
    {
        return;
    }
    words.drain(open + 1..=close);
    words[open].trim_end_punct(b",");
}

/// "A group that has pledged loyalty to the rebels claimed ..." → "A group claimed ...": a
/// relative clause inside the subject holds a verb of its own, which is not the event.
#[inline(never)]
fn drop_subject_relative(words: &mut Vec<Word>) {
    let Some(rel) = (1..words.len().min(8)).find(|&i| {
        matches!(words[i].bare(), "that" | "who" | "which")
            && !words[i - 1].is(list::MODIFIERS)
            && !words[i - 1].is(list::REPORTING)
    }) else {
        return;
    };
    // The subject before it has no verb, and the relative clause opens on one.
    if (1..rel).any(|i| is_verb_slot(words, i)) || !words.get(rel + 1).is_some_and(is_finite) {
        return;
    }
    // The subject's own verb: a finite verb after the relative clause's, not in its chain
    // ("has pledged") nor coordinated with it.
    let main = (rel + 3..words.len().min(rel + 14)).find(|&j| {
        let prev = words[j - 1].bare();
        is_finite(&words[j])
            && !words[j - 1].is(list::MODAL_OR_AUX)
            && !matches!(
                prev,
                "and" | "or" | "to" | "been" | "be" | "that" | "who" | "which"
            )
            && !ends_clause(&words[j - 1])
            && !words[j - 1].is(list::MODIFIERS)
    });
    if let Some(main) = main {
        words.drain(rel..main);
        let trimmed = &mut words[rel - 1];
        trimmed.trim_end_punct(b",");
    }
}

/// [`drop_reporting_frame`], then [`drop_leading`]; whether they dropped anything. Both only
/// ever drop words (a frame's subject put back for its pronoun is shorter than the frame
/// dropped), so the words are unchanged exactly when their number is, and a second pass over
/// unchanged words, which are all the steps read, would change nothing: most clauses have no
/// frame, and are read once rather than twice.
fn drop_frame_and_leading(words: &mut Vec<Word>) -> bool {
    let before = words.len();
    drop_reporting_frame(words);
    drop_leading(words);
    words.len() != before
}

/// Whether `word` is a finite verb we can read: an auxiliary, or a past tense.
fn is_finite(word: &Word) -> bool {
    word.starts_with(|c: char| c.is_lowercase())
        && (word.is(list::MODAL_OR_AUX) || is_past_word(word) && !is_participle_only_word(word))
}

/// "The observatory says (that) the strikes hit ..." → "the strikes hit ..."; "Russia says it
/// has ..." → "Russia has ...".
#[inline(never)]
fn drop_reporting_frame(words: &mut Vec<Word>) {
    // "Early reports said": a reporting word followed by another is a noun.
    let Some(verb) = (0..words.len().min(12)).find(|&i| {
        let w = &words[i];
        w.is(list::REPORTING)
            && !w.starts_with(|c: char| c.is_uppercase())
            && !words.get(i + 1).is_some_and(|n| n.is(list::REPORTING))
    }) else {
        return;
    };
    // The frame's subject is a noun phrase, with at most an apposition between two commas
    // ("Several airlines, including X and Y, said ...").
    let commas = words[..verb].iter().filter(|w| ends_clause(w)).count();
    // "Moscow has claimed", "Carter had already said": the auxiliary belongs to the frame
    let mut subject_end = verb;
    while subject_end > 1 && {
        let w = &words[subject_end - 1];
        w.is(list::MODAL_OR_AUX) || is_adverb_word(w) || w.bare() == "not"
    } {
        subject_end -= 1;
    }
    // "Russia launched a campaign and insists ...": a subject with a verb is no frame
    if verb == 0 || commas % 2 == 1 || (1..subject_end).any(|i| is_verb_slot(words, i)) {
        return;
    }
    let mut rest = verb + 1;
    // "told reporters (that)", "said in a statement that"
    if let Some(that) = words[rest..]
        .iter()
        .take(5)
        .position(|w| w.bare() == "that" && !ends_clause(w))
    {
        rest += that + 1;
    } else if matches!(words[verb].bare(), "told" | "tells") {
        // "told reporters their positions had been hit": the audience, then the clause
        let clause_follows = (rest + 2..words.len().min(rest + 10)).any(|i| is_verb_slot(words, i));
        if !clause_follows {
            return;
        }
        rest += 1;
    } else if !words[verb].is(list::SAY_VERBS) {
        // "announced a ban", "confirmed the call": without "that" the frame is the event
        return;
    }
    if rest + 3 > words.len() {
        return;
    }
    // The subject without its apposition: "Several airlines".
    let subject: Vec<Word> = match words[..subject_end].iter().position(|w| ends_clause(w)) {
        Some(comma) => words[..=comma]
            .iter()
            .map(|w| {
                let mut w = w.clone();
                w.trim_end_punct(b",");
                w
            })
            .collect(),
        None => words[..subject_end].to_vec(),
    };
    words.drain(..rest);
    // The reported clause's pronoun stands for the frame's subject.
    let Some(first) = words.first() else { return };
    let pronoun = first.bare();
    // "He said it was not yet clear": a pronoun never stands in for another
    let named = subject
        .iter()
        .any(|w| w.starts_with(|c: char| c.is_uppercase()))
        && !subject.first().is_some_and(|w| w.is(list::PRONOUNS));
    // "it is heartbreaking to see", "it was not clear": an "it" before a copula and a
    // description is no one; "it is targeting terrorists" is the frame's subject acting
    let progressive = words.get(2).is_some_and(|w| w.bare().ends_with("ing"))
        && words
            .get(3)
            .is_none_or(|w| !matches!(w.bare(), "to" | "that"));
    let expletive = pronoun == "it"
        && words
            .get(1)
            .is_some_and(|w| matches!(w.bare(), "is" | "was" | "seems" | "seemed"))
        && !progressive;
    if matches!(pronoun, "he" | "she" | "it" | "they") && named && subject.len() <= 6 && !expletive
    {
        let subject = if matches!(pronoun, "he" | "she") {
            subject
                .iter()
                .rev()
                .find(|w| w.starts_with(|c: char| c.is_uppercase()))
                .into_iter()
                .cloned()
                .collect()
        } else {
            subject
        };
        words.splice(..1, subject);
    } else if matches!(pronoun, "its" | "his" | "her" | "their")
        && named
        && let Some(owner) = owner_of(&subject, pronoun)
    {
        // "Moscow says its jets struck ..." → "Moscow's jets struck ..."
        words[0] = Word::new(owner);
    }
}

/// The possessive that stands for `pronoun` ("its", "his") whose owner is the frame's
/// `subject`: "Moscow" → "Moscow's", "Russia's Defence Ministry" → "Russia's" (whose jets
/// they are), a person by surname.
fn owner_of(subject: &[Word], pronoun: &str) -> Option<String> {
    if let Some(owner) = subject.iter().find(|w| w.ends_with("'s")) {
        return Some(owner.to_string());
    }
    let person = matches!(pronoun, "his" | "her");
    let names: Vec<&Word> = subject
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
        .collect();
    // Only a name or a short noun phrase: never "the commanders in the area's positions".
    let name = match (person, names.len(), subject.len()) {
        (true, 1.., _) => names.last()?.to_string(),
        (false, _, 1..=3) if subject.iter().all(|w| !w.is(list::SUBJECT_PREPOSITIONS)) => {
            join(subject)
        }
        _ => return None,
    };
    let plural = name.ends_with('s') && pronoun == "their";
    Some(if plural {
        format!("{name}'")
    } else {
        format!("{name}'s")
    })
}

/// "..., the ministry said" and "..., according to X" at the end.
#[inline(never)]
fn drop_trailing_attribution(words: &mut Vec<Word>) {
    let Some(comma) = words.iter().rposition(|w| ends_clause(w)) else {
        return;
    };
    let tail = &words[comma + 1..];
    // "..., the ministry said", but not "..., that it was too early to say"
    let attribution = tail.len() <= 7
        && (tail.first().is_some_and(|w| w.bare() == "according")
            || tail.first().is_some_and(|w| w.bare() != "that")
                && (1..tail.len())
                    .any(|i| tail[i].is(list::REPORTING) && tail[i - 1].bare() != "to")
            || tail.first().is_some_and(|w| w.is(list::REPORTING)));
    if attribution && comma >= 2 {
        words.truncate(comma + 1);
    }
}

/// "on Thursday", "yesterday", "on Monday night": a headline has no day words (the date is
/// beside the label on the canvas).
#[inline(never)]
fn drop_day_words(words: &mut Vec<Word>) {
    // Both passes below change only clauses with a part of the day, a weekday or a day word:
    // most clauses have none, which their words' list bits tell at once.
    let lists = words.iter().fold(0, |all, w| all | w.lists());
    if ![list::PARTS_OF_DAY, list::WEEKDAYS, list::DAY_WORDS]
        .iter()
        .any(|l| l.among(lists))
    {
        return;
    }
    // "arrived the evening on October 20" with its date cut: "the evening" goes too
    let mut i = 1;
    while i + 1 < words.len() {
        if matches!(words[i].bare(), "the" | "last") && words[i + 1].is(list::PARTS_OF_DAY) {
            let start = if matches!(words[i - 1].bare(), "in" | "on" | "during") {
                i - 1
            } else {
                i
            };
            // "the night before": the adverb goes with its day part
            let end = if words
                .get(i + 2)
                .is_some_and(|w| matches!(w.bare(), "before" | "earlier" | "after" | "later"))
            {
                i + 3
            } else {
                i + 2
            };
            words.drain(start..end);
            i = start.max(1);
        } else {
            i += 1;
        }
    }
    let mut i = 0;
    while i < words.len() {
        if !(words[i].is(list::WEEKDAYS) || words[i].is(list::DAY_WORDS))
            || words[i].starts_with('"')
        {
            i += 1;
            continue;
        }
        let mut start = i;
        let mut end = i + 1;
        if i > 0
            && matches!(
                words[i - 1].bare(),
                "on" | "last" | "this" | "late" | "early"
            )
        {
            start = i - 1;
        }
        if words.get(end).is_some_and(|w| w.is(list::PARTS_OF_DAY)) {
            end += 1;
        }
        // Keep a comma the removed words carried.
        let comma = ends_clause(&words[end - 1]);
        words.drain(start..end);
        if comma
            && start > 0
            && let Some(prev) = words.get_mut(start - 1)
            && !ends_clause(prev)
        {
            prev.push_punct(',');
        }
        i = start;
    }
}

/// The main verb in headline tense; returns its index (the end of the subject).
#[inline(never)]
fn headline_tense(words: &mut Vec<Word>, names: &[&str]) -> Option<usize> {
    // "is expected to ...": no subject to agree with
    if words
        .first()
        .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()) && w.is(list::MODAL_OR_AUX))
    {
        return None;
    }
    let verb = (1..words.len().min(10))
        .find(|&i| is_verb_slot(words, i) && !is_reduced_relative(words, i))?;
    let plural = if words[..verb].iter().all(|w| w.bare() == "there") {
        // "There were no survivors": the number is the noun's after the verb
        words[verb + 1..words.len().min(verb + 4)].iter().any(|w| {
            let b = w.bare();
            b.ends_with('s') && !b.ends_with("ss") && w.starts_with(|c: char| c.is_lowercase())
        })
    } else {
        is_plural(&words[..verb], names)
    };
    // (the bare forms borrow the clause, not the words: no copy while the words change)
    let w = words[verb].bare_form();
    // "have mostly targeted": the participle after the auxiliary's adverbs
    let mut k = verb + 1;
    while k < words.len().min(verb + 3) && is_adverb(words[k].bare()) {
        k += 1;
    }
    let next = words.get(k).map(Word::bare_form).unwrap_or_default();
    // "is"/"are" borrowed: no string of their own
    let be = || Word::new(if plural { "are" } else { "is" });
    match w.as_ref() {
        "has" | "have" | "had" if next == "been" => {
            // "have been killed" → "killed"; "has been a ..." → "is a ..."
            if words.get(k + 1).is_some_and(is_participle_word) {
                words.remove(k);
                words.remove(verb);
            } else {
                words[verb] = be();
                words.remove(k);
            }
        }
        "has" | "have" | "had" => {
            if let Some(base) = past_base(&next) {
                words[k] = in_present(base, plural, &words[k]);
                words.remove(verb);
            }
        }
        "was" | "were" if is_participle(&next) => {
            words.remove(verb);
        }
        "was" | "were" => words[verb] = be(),
        "will" if !matches!(next.as_ref(), "not" | "be" | "have") => words[verb] = Word::new("to"),
        _ => {
            if let Some(base) = past_base(&w) {
                words[verb] = in_present(base, plural, &words[verb]);
            }
        }
    }
    // "... bolster Assad's regime and made it ...": a second verb of the same subject
    let mut i = verb + 2;
    while i < words.len().min(verb + 14) {
        // (both rewrites follow an "and", which neither changes: most words follow none)
        if words[i - 1].bare() != "and" {
            i += 1;
            continue;
        }
        // "... and had met Putin" → "... and meets Putin"
        if matches!(words[i].bare(), "has" | "have" | "had")
            && words
                .get(i + 1)
                .is_some_and(|n| n.bare() != "been" && is_past_word(n))
        {
            words.remove(i);
        }
        let b = words[i].bare();
        if words[i].starts_with(|c: char| c.is_lowercase())
            && !is_participle_only_word(&words[i])
            && let Some(base) = past_base(b)
        {
            words[i] = in_present(base, plural, &words[i]);
        }
        i += 1;
    }
    Some(verb)
}

/// "Patients treated only with aspirin had ...", "tests conducted on the students showed
/// ...": an "-ed" word followed by a preposition or adverb, with the subject's real verb
/// still to come, describes the noun before it.
fn is_reduced_relative(words: &[Word], i: usize) -> bool {
    // "He declined to say whether ...": a pronoun is never described by a participle, nor
    // is anything by a simple past ("talks with Assad came on ...")
    if words[i].is(list::MODAL_OR_AUX)
        || ends_clause(&words[i])
        || words[i - 1].is(list::PRONOUNS)
        || is_simple_past_only_word(&words[i])
    {
        return false;
    }
    if !words
        .get(i + 1)
        .is_some_and(|n| n.is(list::PREPOSITIONS) || is_adverb_word(n))
    {
        return false;
    }
    (i + 2..words.len().min(i + 10))
        .take_while(|&j| {
            let before = words[j - 1].bare();
            !ends_clause(&words[j - 1])
                && !matches!(before, "that" | "whether" | "how" | "why" | "what")
                && !words[j - 1].is(list::CLAUSE_OPENERS)
        })
        .any(|j| is_verb_slot(words, j))
}

/// A subject pronoun or an auxiliary: what a noun phrase never ends on.
pub(super) fn is_pronoun_or_aux(word: &str) -> bool {
    list::PRONOUNS.has(word) || list::MODAL_OR_AUX.has(word)
}

fn is_adverb(word: &str) -> bool {
    word.ends_with("ly") && word.len() > 4 || list::ADVERBS.has(word)
}

/// [`is_adverb`] of a word's bare form, its list bits already at hand.
fn is_adverb_word(word: &Word) -> bool {
    let b = word.bare();
    b.ends_with("ly") && b.len() > 4 || word.is(list::ADVERBS)
}

/// Whether `words[i]` is where the subject ends and its verb starts.
///
/// Inlined into the loops that ask it of word after word (about 40 k times a megabyte): most
/// words are neither an auxiliary, an irregular form nor an "-ed" word, and are told so from
/// their list bits and last two letters without a call. (The test is a necessary condition
/// of [`is_past_word`] or an auxiliary, which [`verb_slot`] requires first.)
#[inline]
pub(super) fn is_verb_slot(words: &[Word], i: usize) -> bool {
    let w = &words[i];
    if !w.is(list::MODAL_OR_AUX) && !w.is(list::IRREGULAR_FORMS) && !w.bare().ends_with("ed") {
        return false;
    }
    verb_slot(words, i)
}

/// [`is_verb_slot`] in full.
#[inline(never)]
fn verb_slot(words: &[Word], i: usize) -> bool {
    let w = &words[i];
    if w.starts_with(|c: char| !c.is_lowercase()) {
        return false;
    }
    // The word's own form first: most words are no verb, and are told so by their list bits
    // and ending before the word before them is read (all the tests are pure, so the order
    // is free).
    let aux = w.is(list::MODAL_OR_AUX);
    if !aux && (!is_past_word(w) || is_participle_only_word(w)) {
        return false;
    }
    let prev = words[i - 1].bare();
    // "the armed groups", "of wounded civilians": an "-ed" word after a determiner or
    // preposition describes a noun.
    // "expected to be paid", "than planned": no verb of its own either.
    let after_modifier = words[i - 1].is(list::MODIFIERS)
        || prev.ends_with("'s")
        || matches!(prev, "be" | "been" | "being" | "than");
    // (a past, not an auxiliary, after a clause's end is no verb either)
    let verb_form = !after_modifier && (aux || !ends_clause(&words[i - 1]));
    // The apposition test below reads all the words before it. A hyphenated word is no
    // verb; its bytes are read only for a word of a verb's form.
    // ("-" is ASCII: looked for byte by byte, without a call to `memchr` for a short word)
    if !verb_form || w.bytes().any(|b| b == b'-') {
        return false;
    }
    // Inside an apposition ("X, a group based in Britain, said") there is no main verb: an
    // odd number of clause-ending marks before the word, one of them opening an apposition.
    // (The marks, kept with each word, are counted first: most verbs have none before them.)
    let closes = words[..i].iter().filter(|w| ends_clause(w)).count();
    closes % 2 == 0 || !(1..i).any(|j| ends_clause(&words[j - 1]) && opens_apposition(&words[j]))
}

/// "a monitoring group", "operated by ...", "including ...": what follows a comma in an
/// apposition rather than in a list.
fn opens_apposition(word: &Word) -> bool {
    let b = word.bare();
    matches!(b, "a" | "an" | "the" | "including" | "who" | "which")
        || word.starts_with(|c: char| c.is_lowercase()) && is_participle_word(word)
}

/// Whether the subject `words` is plural ("Lavrov and Kerry", "rebels", "they").
#[inline(never)]
fn is_plural(subject: &[Word], names: &[&str]) -> bool {
    if subject.iter().any(|w| w.bare() == "and") {
        return true;
    }
    // The head noun: before a participle phrase ("a jet carrying 224 people") and adverbs.
    let end = (2..subject.len())
        .find(|&i| {
            let w = &subject[i];
            w.ends_with("ing")
                && w.starts_with(|c: char| c.is_lowercase())
                && !subject[i - 1].is(list::MODIFIERS)
        })
        .unwrap_or(subject.len());
    // "The hundreds of Russian air strikes in Syria": the head comes before "of".
    // "Samples tested in the lab": the head comes before the participle too.
    let end = (1..end)
        .find(|&i| {
            subject[i].is(list::SUBJECT_PREPOSITIONS)
                || subject[i].starts_with(|c: char| c.is_lowercase())
                    && is_participle_word(&subject[i])
        })
        .unwrap_or(end);
    let Some(at) = subject[..end].iter().rposition(|w| !is_adverb_word(w)) else {
        return false;
    };
    let head = &subject[at];
    let b = head.bare();
    if head.is(list::PLURAL_PRONOUNS) {
        return true;
    }
    let capitalised = head.starts_with(|c: char| c.is_uppercase());
    let plural_ending = b.ends_with('s')
        && !b.ends_with("ss")
        && !b.ends_with("us")
        && !b.ends_with("is")
        && !head.ends_with("'s");
    // A capital mid-subject is a name ("Reuters"); at the start, the sentence's ("Samples").
    // (The names are split into words only here, for the few heads that end like a plural.)
    plural_ending && (!capitalised || at == 0) && !is_name_word(names, b)
}

/// Whether `bare` is, without ASCII case, a word (as `split_whitespace` splits) of one of
/// `names`. Labelling passes actors' whole names and splits them only when a head noun asks:
/// splitting every name of every clause into words cost more than all these questions.
fn is_name_word(names: &[&str], bare: &str) -> bool {
    names
        .iter()
        .any(|n| scan::words(n).any(|w| w.text.eq_ignore_ascii_case(bare)))
}

/// Trailing dangling words and punctuation removed, quotes balanced and written as single
/// quotes, the first letter capitalised.
#[inline(never)]
fn finish(words: &mut Vec<Word>) -> String {
    loop {
        while words.last().is_some_and(|w| w.is(list::DANGLING)) {
            words.pop();
        }
        let Some(last) = words.last_mut() else {
            return String::new();
        };
        last.trim_end_punct(b",;:.!?");
        if !words.last().is_some_and(|w| w.is(list::DANGLING)) {
            break;
        }
    }
    let mut out = join(words);
    // (each step copies the label only when it changes something; the words know their quote
    // marks, and most labels have none: then the label is not searched for them)
    if words.iter().any(|w| w.quotes() > 0) {
        balance_quotes(&mut out);
        if out.contains('"') {
            out = out.replace('"', "'");
        }
    }
    let mut out = trim_ends(out);
    if opens_with_product(&out) {
        return out;
    }
    // An ASCII first letter (nearly every label) is capitalised in place: what the Unicode
    // case mapping below does for it, without a second string.
    if let Some(first) = out.as_bytes().first()
        && first.is_ascii()
    {
        out[..1].make_ascii_uppercase();
        return out;
    }
    let mut chars = out.chars();
    match chars.next() {
        // already a capital (or a character without one): the label as it is
        Some(first) if first.to_uppercase().eq(std::iter::once(first)) => out,
        Some(first) => {
            // the rest copied as one slice, not collected character by character
            let mut capitalised = String::with_capacity(out.len() + 2);
            capitalised.extend(first.to_uppercase());
            capitalised.push_str(chars.as_str());
            capitalised
        }
        None => out,
    }
}

/// `label` without the white space and commas at its ends, as `trim`, `trim_matches(',')`
/// and `trim` again leave it; copied only when they change it. A label whose ends are ASCII
/// letters, digits or marks other than the comma (nearly every one) has nothing to trim, and
/// is not searched for white space.
fn trim_ends(label: String) -> String {
    let plain_end = |b: Option<&u8>| b.is_some_and(|&b| b.is_ascii_graphic() && b != b',');
    if plain_end(label.as_bytes().first()) && plain_end(label.as_bytes().last()) {
        return label;
    }
    let trimmed = label.trim().trim_matches(',').trim();
    if trimmed.len() == label.len() {
        label
    } else {
        trimmed.to_string()
    }
}

/// Removes the quote marks that have no partner: a quote opened before the cut, or closed
/// after a clause that started inside it.
fn balance_quotes(text: &mut String) {
    let marks: Vec<usize> = text.match_indices('"').map(|(i, _)| i).collect();
    if marks.len().is_multiple_of(2) {
        return;
    }
    // The unpartnered mark: a closing one at the very start of the quoted stretch, otherwise
    // the last opening one.
    let first = marks[0];
    let closes_first = first > 0 && !text[..first].ends_with(' ');
    let drop = if closes_first {
        first
    } else {
        marks[marks.len() - 1]
    };
    text.remove(drop);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_frame_and_leading_steps_change_words_only_by_dropping_some() {
        // The shaper stops after a pass that dropped nothing: it must have changed nothing,
        // and a second pass over the words must change nothing either.
        let clauses = [
            "The Kremlin said that Putin told Assad that the strikes would go on",
            "Russia says it has hit 50 targets",
            "Moscow says its jets struck the camps",
            "He said it was not yet clear whether talks would resume",
            "Several airlines, including Aeroflot and KLM, said they would avoid the area",
            "Officials told reporters their positions had been hit",
            "But meanwhile, in a televised address, the minister announced a ban",
            "The observatory reported that the strikes hit a market",
            "Early reports said the dam held",
            "Moscow has claimed that the rebels, who fled, were beaten",
            "Carter had already said he would run",
            "It is heartbreaking to see, the mayor said",
            "When the river rose, officials said that the dam held, and they said it again",
            "said that",
            "",
        ];
        for clause in clauses {
            let lower = clause.to_ascii_lowercase();
            let mut words = Vec::new();
            words_into(clause, &lower, &mut words);
            for pass in 0..3 {
                let before = words.clone();
                let dropped = drop_frame_and_leading(&mut words);
                assert_eq!(dropped, words != before, "{clause:?} pass {pass}");
                assert!(words.len() <= before.len(), "{clause:?} pass {pass}");
                if !dropped {
                    let mut again = words.clone();
                    assert!(
                        !drop_frame_and_leading(&mut again),
                        "{clause:?} pass {pass}"
                    );
                    assert_eq!(again, words, "{clause:?} pass {pass}");
                }
            }
        }
        // the frame within a frame still goes in two passes
        assert_eq!(
            headline(
                "The Kremlin said that Putin told Assad that the strikes would go on",
                &[],
                false
            ),
            "The strikes would go"
        );
    }

    /// [`is_verb_slot`] with its tests in the order they were written first: the word
    /// before first, then the word's own form.
    fn is_verb_slot_in_written_order(words: &[Word], i: usize) -> bool {
        let w = &words[i];
        if w.starts_with(|c: char| !c.is_lowercase()) {
            return false;
        }
        let prev = words[i - 1].bare();
        let after_modifier = words[i - 1].is(list::MODIFIERS)
            || prev.ends_with("'s")
            || matches!(prev, "be" | "been" | "being" | "than");
        let verb_form = if w.is(list::MODAL_OR_AUX) {
            !after_modifier
        } else {
            !after_modifier
                && !ends_clause(&words[i - 1])
                && is_past_word(w)
                && !is_participle_only_word(w)
        };
        if !verb_form || w.bytes().any(|b| b == b'-') {
            return false;
        }
        let closes = words[..i].iter().filter(|w| ends_clause(w)).count();
        closes % 2 == 0
            || !(1..i).any(|j| ends_clause(&words[j - 1]) && opens_apposition(&words[j]))
    }

    #[test]
    fn a_verb_slot_is_the_same_whichever_test_comes_first() {
        let clauses = [
            "The armed groups attacked the town, officials said",
            "Russia, a long-standing ally, has launched strikes and killed dozens",
            "Patients treated with aspirin had fewer attacks than expected",
            "the so-called rebels were beaten, and the ministry's men fled",
            "It is expected to be paid, being the first than planned",
            "He was taken to hospital where he died, shown on TV",
            "Officials, who declined to be named, said the well-known plan failed",
            "Bush's aides had already said that prices rose, fell and rose again",
            "A, the B, c-d e, f g; h: i, j",
        ];
        for clause in clauses {
            let lower = clause.to_ascii_lowercase();
            let mut words = Vec::new();
            words_into(clause, &lower, &mut words);
            for i in 1..words.len() {
                assert_eq!(
                    is_verb_slot(&words, i),
                    is_verb_slot_in_written_order(&words, i),
                    "{clause:?} word {i}"
                );
            }
        }
    }

    #[test]
    fn ends_are_trimmed_as_the_string_trims_trim_them() {
        for label in [
            "",
            ",",
            " , ",
            "Plain label",
            "Plain label,",
            ", plain label",
            "\tlabel\n",
            "label\u{a0}",
            "\u{2003}label",
            "Núñez says",
            "says Núñez",
            "x",
            "\u{b}label\u{b}",
            "'quoted'",
        ] {
            let general = label.trim().trim_matches(',').trim();
            assert_eq!(trim_ends(label.to_string()), general, "{label:?}");
        }
    }

    #[test]
    fn a_name_word_is_a_word_of_a_whole_name() {
        let whole = ["Bashar al-Assad", "Reuters", "United  Nations", "Núñez", ""];
        let split: Vec<&str> = whole.iter().flat_map(|n| n.split_whitespace()).collect();
        for bare in [
            "reuters",
            "nations",
            "united",
            "assad",
            "al-assad",
            "bashar",
            "núñez",
            "",
            "un",
            "united nations",
        ] {
            assert_eq!(
                is_name_word(&whole, bare),
                split.iter().any(|n| n.eq_ignore_ascii_case(bare)),
                "{bare:?}"
            );
        }
    }
}
