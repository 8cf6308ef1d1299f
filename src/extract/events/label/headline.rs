//! A clause → a headline: the reporting frame and leading adverbials dropped, day words gone,
//! the main verb in headline tense, cut to [`MAX_CHARS`] at a phrase boundary, quotes balanced.
//!
//! Works on words with small word lists, not a parser: each step only fires on a shape it
//! recognises, so an unusual sentence keeps more of its wording rather than losing its sense.

use super::MAX_WORDS;
use super::tense::{
    base_of_past, is_participle, is_participle_only, is_past, is_simple_past_only, present,
};
use super::word::{Word, join, split_words};
use super::words::{PRONOUNS, list};

/// Labels are cut to at most this many characters, at a phrase boundary.
pub const MAX_CHARS: usize = 70;
/// When no boundary falls within [`MAX_CHARS`], the first one after the verb is taken if the
/// label stays under this length.
pub(super) const HARD_MAX_CHARS: usize = 90;

/// The headline of `clause` (dates already cut, people already by surname); `names` are the
/// words of actor names in it, which are singular whatever their last letter.
/// With `keep_frame`, the speaker stays: the saying is the event ("Henderson says ...").
pub fn headline(clause: &str, names: &[String], keep_frame: bool) -> String {
    let flat = flatten(clause);
    let mut words = words_of(&flat);
    drop_leading(&mut words);
    drop_apposition(&mut words);
    drop_subject_relative(&mut words);
    // "The Kremlin said that Putin told Assad that ...": a frame within a frame
    for _ in 0..if keep_frame { 0 } else { 2 } {
        drop_reporting_frame(&mut words);
        drop_leading(&mut words);
    }
    if keep_frame
        && let Some(that) = (1..words.len().min(12))
            .find(|&i| words[i].bare() == "that" && words[i - 1].is(list::REPORTING))
    {
        // "Henderson said that GM ..." → "Henderson says GM ..."
        words.remove(that);
    }
    drop_trailing_attribution(&mut words);
    drop_day_words(&mut words);
    let verb = headline_tense(&mut words, names);
    cut_to_budget(&mut words, verb);
    finish(words)
}

/// The clause without brackets' contents; double quotes of every kind written `"`.
fn flatten(clause: &str) -> String {
    let mut depth = 0usize;
    let mut flat = String::with_capacity(clause.len());
    for c in clause.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            '“' | '”' | '„' | '«' | '»' => flat.push('"'),
            '‘' => flat.push('\''),
            '’' => flat.push('\''),
            _ if depth == 0 => flat.push(c),
            _ => {}
        }
    }
    flat
}

/// The words of a [`flatten`]ed clause, which they borrow, with standalone punctuation and
/// dashes resolved.
fn words_of(flat: &str) -> Vec<Word<'_>> {
    // about one word per six bytes: room up front rather than growing word by word
    let mut words: Vec<Word> = Vec::with_capacity(flat.len() / 5 + 4);
    for w in split_words(flat) {
        match w {
            "-" | "--" | "—" | "–" | ";" | ":" | "," => {
                // "rejected the criticism , saying": a comma a cut date left on its own ends
                // the phrase, but not between a verb and its object ("declared , a day of")
                let after_verb = w == ","
                    && words.last().is_some_and(|l| {
                        l.starts_with(|c: char| c.is_lowercase())
                            && (is_past(l.bare()) || l.is(list::REPORTING))
                    });
                if let Some(last) = words.last_mut()
                    && !last.ends_with(',')
                    && !after_verb
                {
                    last.push_punct(',');
                }
            }
            _ => {
                let word = Word::new(w);
                // a stray "." or quote left where a date was cut: without a letter or digit
                // its bare form is empty
                if !word.bare().is_empty() {
                    words.push(word);
                }
            }
        }
    }
    words.retain(|w| !w.is_empty());
    words
}

fn ends_clause(word: &str) -> bool {
    word.trim_end_matches(['"', '\''])
        .ends_with([',', ';', ':'])
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
    words[open].trim_end_punct(&[',']);
}

/// "A group that has pledged loyalty to the rebels claimed ..." → "A group claimed ...": a
/// relative clause inside the subject holds a verb of its own, which is not the event.
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
        trimmed.trim_end_punct(&[',']);
    }
}

/// Whether `word` is a finite verb we can read: an auxiliary, or a past tense.
fn is_finite(word: &Word) -> bool {
    word.starts_with(|c: char| c.is_lowercase())
        && (word.is(list::MODAL_OR_AUX) || is_past(word.bare()) && !is_participle_only(word.bare()))
}

/// "The observatory says (that) the strikes hit ..." → "the strikes hit ..."; "Russia says it
/// has ..." → "Russia has ...".
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
                w.trim_end_punct(&[',']);
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
fn drop_day_words(words: &mut Vec<Word>) {
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
fn headline_tense(words: &mut Vec<Word>, names: &[String]) -> Option<usize> {
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
    let w = words[verb].bare().to_string();
    // "have mostly targeted": the participle after the auxiliary's adverbs
    let mut k = verb + 1;
    while k < words.len().min(verb + 3) && is_adverb(words[k].bare()) {
        k += 1;
    }
    let next = words
        .get(k)
        .map(|w| w.bare().to_string())
        .unwrap_or_default();
    let keep_punct = |new: &str, old: &str| {
        let tail: String = old
            .chars()
            .rev()
            .take_while(|c| !c.is_alphanumeric())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        format!("{new}{tail}")
    };
    match w.as_str() {
        "has" | "have" | "had" if next == "been" => {
            // "have been killed" → "killed"; "has been a ..." → "is a ..."
            if words.get(k + 1).is_some_and(|w| is_participle(w.bare())) {
                words.remove(k);
                words.remove(verb);
            } else {
                words[verb] = Word::new(present("be", plural));
                words.remove(k);
            }
        }
        "has" | "have" | "had" => {
            if let Some(base) = base_of_past(&next) {
                let old = words[k].clone();
                words[k] = Word::new(keep_punct(&present(&base, plural), &old));
                words.remove(verb);
            }
        }
        "was" | "were" if is_participle(&next) => {
            words.remove(verb);
        }
        "was" | "were" => words[verb] = Word::new(present("be", plural)),
        "will" if !matches!(next.as_str(), "not" | "be" | "have") => words[verb] = Word::new("to"),
        _ => {
            if let Some(base) = base_of_past(&w) {
                let old = words[verb].clone();
                words[verb] = Word::new(keep_punct(&present(&base, plural), &old));
            }
        }
    }
    // "... bolster Assad's regime and made it ...": a second verb of the same subject
    let mut i = verb + 2;
    while i < words.len().min(verb + 14) {
        // "... and had met Putin" → "... and meets Putin"
        if words[i - 1].bare() == "and"
            && matches!(words[i].bare(), "has" | "have" | "had")
            && words
                .get(i + 1)
                .is_some_and(|n| n.bare() != "been" && is_past(n.bare()))
        {
            words.remove(i);
        }
        let b = words[i].bare();
        if words[i - 1].bare() == "and"
            && words[i].starts_with(|c: char| c.is_lowercase())
            && !is_participle_only(b)
            && let Some(base) = base_of_past(b)
        {
            let old = words[i].clone();
            words[i] = Word::new(keep_punct(&present(&base, plural), &old));
        }
        i += 1;
    }
    Some(verb)
}

/// "Patients treated only with aspirin had ...", "tests conducted on the students showed
/// ...": an "-ed" word followed by a preposition or adverb, with the subject's real verb
/// still to come, describes the noun before it.
fn is_reduced_relative(words: &[Word], i: usize) -> bool {
    let b = words[i].bare();
    // "He declined to say whether ...": a pronoun is never described by a participle, nor
    // is anything by a simple past ("talks with Assad came on ...")
    if words[i].is(list::MODAL_OR_AUX)
        || ends_clause(&words[i])
        || words[i - 1].is(list::PRONOUNS)
        || is_simple_past_only(b)
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
fn is_verb_slot(words: &[Word], i: usize) -> bool {
    let w = &words[i];
    if w.starts_with(|c: char| !c.is_lowercase()) || w.contains('-') {
        return false;
    }
    let b = w.bare();
    let prev = words[i - 1].bare();
    // "the armed groups", "of wounded civilians": an "-ed" word after a determiner or
    // preposition describes a noun.
    // "expected to be paid", "than planned": no verb of its own either.
    let after_modifier = words[i - 1].is(list::MODIFIERS)
        || prev.ends_with("'s")
        || matches!(prev, "be" | "been" | "being" | "than");
    let verb_form = if w.is(list::MODAL_OR_AUX) {
        !after_modifier
    } else {
        !after_modifier && !ends_clause(&words[i - 1]) && is_past(b) && !is_participle_only(b)
    };
    // The word's own form first: the apposition test below reads all the words before it,
    // and most words are no verb anyway.
    if !verb_form {
        return false;
    }
    // Inside an apposition ("X, a group based in Britain, said") there is no main verb.
    let appositions = (1..i)
        .filter(|&j| ends_clause(&words[j - 1]) && opens_apposition(&words[j]))
        .count();
    let closes = words[..i].iter().filter(|w| ends_clause(w)).count();
    !(appositions > 0 && closes % 2 == 1)
}

/// "a monitoring group", "operated by ...", "including ...": what follows a comma in an
/// apposition rather than in a list.
fn opens_apposition(word: &Word) -> bool {
    let b = word.bare();
    matches!(b, "a" | "an" | "the" | "including" | "who" | "which")
        || word.starts_with(|c: char| c.is_lowercase()) && is_participle(b)
}

/// Whether the subject `words` is plural ("Lavrov and Kerry", "rebels", "they").
fn is_plural(subject: &[Word], names: &[String]) -> bool {
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
            let b = subject[i].bare();
            subject[i].is(list::SUBJECT_PREPOSITIONS)
                || subject[i].starts_with(|c: char| c.is_lowercase()) && is_participle(b)
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
    let known_name = names.iter().any(|n| n.eq_ignore_ascii_case(b));
    let plural_ending = b.ends_with('s')
        && !b.ends_with("ss")
        && !b.ends_with("us")
        && !b.ends_with("is")
        && !head.ends_with("'s");
    // A capital mid-subject is a name ("Reuters"); at the start, the sentence's ("Samples").
    plural_ending && !known_name && (!capitalised || at == 0)
}

/// The longest prefix within [`MAX_CHARS`] that ends on a phrase boundary after the verb and
/// its first word of object.
fn cut_to_budget(words: &mut Vec<Word>, verb: Option<usize>) {
    if words.is_empty() {
        return;
    }
    // Running totals, so that each candidate cut is priced in constant time: the length of
    // the first n words and the quote marks before word i (one vector for both; a quote mark
    // is one byte, so it is counted by the byte).
    let mut totals: Vec<(usize, usize)> = Vec::with_capacity(words.len() + 1);
    totals.push((0, 0));
    for w in words.iter() {
        let (chars, quotes) = totals[totals.len() - 1];
        let marks = w.bytes().filter(|&b| b == b'"').count();
        totals.push((chars + w.len() + 1, quotes + marks));
    }
    let len = |n: usize| totals[n].0 - 1;
    let fits = |n: usize| len(n) <= MAX_CHARS && n <= MAX_WORDS;
    let floor = verb.map_or(3, |v| v + 2).min(words.len());
    // Never inside a quotation: "'pouring gasoline on the fire'" stays whole.
    let quoted = |i: usize| totals[i].1 % 2 == 1;
    // A cut after more than MAX_WORDS words is never taken, so no boundary beyond is sought.
    let boundaries: Vec<usize> = (floor..words.len().min(MAX_WORDS + 1))
        .filter(|&i| is_boundary(words, i) && !quoted(i))
        .chain(std::iter::once(words.len()))
        .collect();
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
    let within = boundaries
        .iter()
        .copied()
        .filter(|&n| n <= clause_end.unwrap_or(words.len()) && fits(n) && ends_well(n))
        .max();
    let cut = within
        .or_else(|| {
            boundaries
                .iter()
                .copied()
                .find(|&n| len(n) <= HARD_MAX_CHARS && n <= MAX_WORDS && ends_well(n))
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
    i > 0
        && matches!(
            words[i - 1].bare(),
            "day" | "time" | "moment" | "night" | "week"
        )
        && matches!(
            words[i].bare(),
            "the" | "a" | "an" | "his" | "her" | "its" | "their"
        )
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

/// Whether a cut may come before `words[i]`.
fn is_boundary(words: &[Word], i: usize) -> bool {
    let b = words[i].bare();
    ends_clause(&words[i - 1])
        || is_clause_opener(&words[i..])
        || opens_implicit_relative(words, i)
        || words[i].is(list::PREPOSITIONS)
        || words[i].starts_with('"') && !words[i - 1].ends_with('"')
        // after a quotation closes: "'pouring gasoline on the fire' | of the war"
        || words[i - 1].ends_with('"') && !words[i - 1].starts_with('"') && !words[i].starts_with('"')
        // a participle phrase after the object: "an agreement | meant to stop ..."
        || words[i].starts_with(|c: char| c.is_lowercase()) && is_participle(b)
}

/// Whether the participle `words[i]` opens a phrase about the noun before it ("an agreement
/// meant ..."), rather than closing a verb ("had been killed").
fn opens_reduced_relative(words: &[Word], i: usize) -> bool {
    let before = words
        .get(i.wrapping_sub(1))
        .map(|w| w.bare())
        .unwrap_or_default();
    let aux_before = i > 0 && words[i - 1].is(list::MODAL_OR_AUX);
    is_participle(words[i].bare()) && !aux_before && before != "been"
}

/// "Russian", "Syrian", "Chinese", "British": an adjective that needs its noun.
fn is_nationality(word: &str) -> bool {
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

/// Trailing dangling words and punctuation removed, quotes balanced and written as single
/// quotes, the first letter capitalised.
fn finish(mut words: Vec<Word>) -> String {
    loop {
        while words.last().is_some_and(|w| w.is(list::DANGLING)) {
            words.pop();
        }
        let Some(last) = words.last_mut() else {
            return String::new();
        };
        last.trim_end_punct(&[',', ';', ':', '.', '!', '?']);
        if !words.last().is_some_and(|w| w.is(list::DANGLING)) {
            break;
        }
    }
    let mut out = join(&words);
    balance_quotes(&mut out);
    // (each step copies the label only when it changes something)
    if out.contains('"') {
        out = out.replace('"', "'");
    }
    let trimmed = out.trim().trim_matches(',').trim();
    if trimmed.len() != out.len() {
        out = trimmed.to_string();
    }
    let first_word = out.split_whitespace().next().unwrap_or("");
    if crate::extract::actors::tokens::is_product(first_word) {
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
