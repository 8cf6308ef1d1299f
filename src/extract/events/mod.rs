//! Events of one article: one per dated clause, plus one for each sentence that names an actor
//! and continues the scene (its date inferred), each with its actors (who acts among them),
//! label, source sentence and confidence. A time expression dates the clause of its own verb:
//! one inside a subordinate or relative clause ("since the war there began in 2011") dates that
//! clause's happening, never the main clause's.

pub mod clauses;
pub mod confidence;
pub mod dating;
pub mod ids;
pub mod label;
pub mod roles;
mod same_day;
mod scan;
mod shapes;
pub mod syntax;

use std::ops::Range;
use std::sync::LazyLock;

use crate::extract::actors::{ArticleActors, Mention};
use crate::extract::timex::Timex;
use crate::extract::white_space;
use crate::model::{Article, Event, SourceRef, When};

use confidence::ActorEvidence;
use roles::Participants;
use syntax::SubKind;

/// Verbs that introduce what somebody said: whoever comes before them is the sayer.
const REPORTING: &[&str] = &[
    "said",
    "says",
    "told",
    "reported",
    "reports",
    "announced",
    "announces",
    "quoted",
    "quotes",
    "stated",
    "states",
    "added",
    "according",
    "claimed",
    "claims",
    "confirmed",
    "denied",
    "insisted",
    "warned",
    "accused",
];

/// The events of one article; actor ids are the article's own (see `actors::registry`).
pub fn build(
    article: &Article,
    sentences: &[Range<usize>],
    actors: &ArticleActors,
    timexes: &[Timex],
) -> Vec<Event> {
    let text = article.text.as_str();
    // The sentence being read, lower-cased: its words read their lower case from it
    // ([`syntax::tokens_in_into`] fills it) instead of lower-casing (and allocating) word by
    // word. One buffer for the article, filled per sentence that gets that far: a lower-cased
    // copy of the whole text was as large as the text, and most of its pages were fresh ones.
    let mut lower = String::new();
    // the day of publication as a date, made once (writing its value costs a formatting)
    let published_day = article.published.map(When::day);
    let source = Source {
        article,
        ids: ids::ArticleIds::new(&article.id),
    };
    // Room for about one event per sentence up front (news and TimeBank give a little fewer),
    // rather than growing by doubling; room never written is never touched.
    let mut events: Vec<Event> = Vec::with_capacity(sentences.len());
    let mut narrative: Option<When> = None;
    // The dated events by their quotes' words and their actors, filled in as "the same day"
    // needs them, so each quote is read once, not once per later "same day" sentence.
    let mut scenes = same_day::SceneIndex::default();
    let mut mention_at = 0;
    // where the next sentence's time expressions begin (see `clauses::anchors`)
    let mut timex_at = 0;
    // Room for every sentence's tokens, one vector for the article (see `tokens_in_into`).
    // Its tokens borrow `lower`, refilled per sentence, so each sentence takes the room and
    // hands it back ([`label::recycled`]).
    let mut token_room: Vec<syntax::Token<'static>> = Vec::new();
    // what the article's labels are made in, kept from one label to the next
    let mut labels = label::Scratch::default();
    // the lists clauses' actor ids are gathered in, kept from one clause to the next
    let mut gather = roles::Gather::default();
    // A sentence's dependent clauses, in one list for the article rather than a list made
    // per sentence (it grows to the most clauses of one sentence, which is bounded by the
    // longest sentence).
    let mut subs_room: Vec<syntax::Sub> = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        // (this sentence's tokens, in the room the article's earlier sentences left)
        let mut tokens = label::recycled(std::mem::take(&mut token_room));
        'sentence: {
            let mentions = mentions_of(&actors.mentions, &mut mention_at, si);
            // what this sentence's clauses' participants are read from
            let read = |tokens| roles::Sentence::of(actors, mentions, tokens);
            // the label of a part of this sentence, made in the article's kept buffers
            let mut label_of = |range: Range<usize>, timex: Option<Range<usize>>| {
                label::label(&mut labels, text, range, timex, actors, mentions)
            };
            let sentence = &text[s.clone()];
            let anchors = clauses::anchors(text, s, timexes, article.published, &mut timex_at);
            if anchors.is_empty() {
                if !mentions.iter().any(|m| m.how.takes_part()) || fewer_words_than(sentence, 4) {
                    break 'sentence;
                }
                // (read only for the sentences that get this far: most never do)
                let lower = syntax::tokens_in_into(text, s, &mut lower, &mut tokens);
                let same_day = clauses::is_same_day_lower(lower);
                let sayer_end = sayer_end(text, s, &tokens);
                syntax::subordinates_into(&tokens, &mut subs_room);
                let subs: &[syntax::Sub] = &subs_room;
                let ids = gather.participants(read(&tokens), s, &[], subs, sayer_end);
                let when = if same_day {
                    scenes.catch_up(&events, article.published);
                    scenes
                        .date(&events, &ids.ids, sentence)
                        .or_else(|| narrative.clone())
                } else {
                    None
                };
                let when = match when {
                    Some(mut w) => {
                        w.inferred = true;
                        Some(w)
                    }
                    None => dating::inherited_from(
                        dating::tense(sentence),
                        narrative.as_ref(),
                        published_day.as_ref(),
                    ),
                };
                let Some(when) = when else {
                    break 'sentence;
                };
                let label = label_of(s.clone(), None);
                events.push(event(&source, s.clone(), None, when, ids, label));
                break 'sentence;
            }
            // a date line or a bare list of dates reports no happening
            let dated_chars: usize = anchors.iter().map(|a| a.range.len()).sum();
            if fewer_words_than(sentence, 4) || dated_chars * 2 > sentence.trim().len() {
                break 'sentence;
            }
            syntax::tokens_in_into(text, s, &mut lower, &mut tokens);
            let sayer_end = sayer_end(text, s, &tokens);
            syntax::subordinates_into(&tokens, &mut subs_room);
            let subs: &[syntax::Sub] = &subs_room;
            // the dependent clauses that hold a date: each is an event of its own
            let dated: Vec<Range<usize>> = anchors
                .iter()
                .filter_map(|a| syntax::dependent_of(subs, &a.range))
                .map(|sub| sub.range.clone())
                .collect();
            let mut main_dated = false;
            for clause in clauses::clauses(text, s, &anchors) {
                let anchor = clause.anchor.range.clone();
                if let Some(sub) = syntax::dependent_of(subs, &anchor) {
                    // "... since the war there began in 2011": the subordinate clause's own
                    // happening, with its own actors only (a relative clause's: the noun it
                    // describes acts), none when it names nobody.
                    let within = sub.range.start.max(clause.range.start)..sub.range.end;
                    let mut p = gather.participants(read(&tokens), &within, &dated, subs, None);
                    if sub.kind == SubKind::Relative
                        && let Some(end) = sub.antecedent_end
                    {
                        p.add_antecedent(actors, mentions, s.start..end);
                    }
                    // a relative clause describes something of its sentence, whose actors take
                    // part (none of them acts); an adverbial one ("since the war began") does not
                    if p.ids.is_empty() && sub.kind == SubKind::Relative {
                        let whole = gather.participants(read(&tokens), s, &dated, subs, sayer_end);
                        p.ids = whole.ids;
                        p.evidence = if p.ids.is_empty() {
                            ActorEvidence::None
                        } else {
                            ActorEvidence::Indirect
                        };
                    }
                    // "since the war there began in 2011": the war's place takes part
                    p.add_place_referred_to(text, actors, mentions, s.start..within.start, &within);
                    let label = label_of(within.clone(), Some(anchor.clone()));
                    events.push(event(
                        &source,
                        s.clone(),
                        Some(anchor),
                        clause.anchor.when.clone(),
                        p,
                        label,
                    ));
                    continue;
                }
                main_dated = true;
                // "a day after Assad met Putin": a clause the date itself opens is what it dates
                let own_subs: Vec<syntax::Sub> = subs
                    .iter()
                    .filter(|sub| !(anchor.start..=anchor.end + 1).contains(&sub.range.start))
                    .cloned()
                    .collect();
                let own_dated: Vec<Range<usize>> = dated
                    .iter()
                    .filter(|r| own_subs.iter().any(|sub| sub.range == **r))
                    .cloned()
                    .collect();
                let mut p = gather.participants(
                    read(&tokens),
                    &clause.range,
                    &own_dated,
                    &own_subs,
                    sayer_end,
                );
                if p.ids.is_empty() {
                    // "... since the unrest spread to his country in 2011": the sentence's actors
                    p = gather.participants(read(&tokens), s, &dated, subs, sayer_end);
                    p.evidence = if p.ids.is_empty() {
                        ActorEvidence::None
                    } else {
                        ActorEvidence::Indirect
                    };
                }
                // "Henderson said on Monday that ...": the date is the saying's, and so is the act
                if let Some(verb_at) = sayer_end
                    && anchor.start >= verb_at
                    && subs
                        .iter()
                        .any(|sub| sub.kind == SubKind::Reported && sub.range.start >= anchor.end)
                {
                    let sayers = roles::sayers(actors, mentions, s.start..verb_at);
                    p.agents = sayers
                        .ids
                        .into_iter()
                        .filter(|a| p.ids.contains(a))
                        .collect();
                }
                if dating::carries_scene(&clause.anchor.when, article.published) {
                    narrative = Some(clause.anchor.when.clone());
                }
                let mut label = label_of(clause.range.clone(), Some(anchor.clone()));
                if fewer_words_than(&label, 2) {
                    label = label_of(s.clone(), Some(anchor.clone()));
                }
                let e = event(
                    &source,
                    s.clone(),
                    Some(anchor),
                    clause.anchor.when.clone(),
                    p,
                    label,
                );
                events.push(e);
            }
            // Every date was a subordinate clause's: the main clause happened on a day of its
            // own, carried from the scene like a sentence without dates ("flew to Moscow, his
            // first trip since 2011" is not a 2011 event).
            if !main_dated {
                let main_end = subs
                    .iter()
                    .filter(|sub| sub.kind != SubKind::Reported && sub.range.start > s.start)
                    .map(|sub| sub.range.start)
                    .min()
                    .unwrap_or(s.end);
                let p = gather.participants(read(&tokens), s, &dated, subs, sayer_end);
                let when = dating::inherited_from(
                    dating::tense(&text[s.start..main_end]),
                    narrative.as_ref(),
                    published_day.as_ref(),
                );
                if let Some(when) = when
                    && !p.ids.is_empty()
                {
                    let label = label_of(s.start..main_end, None);
                    events.push(event(&source, s.clone(), None, when, p, label));
                }
            }
            // "Apple Corps claims that ... in 1991", "Jobs announced that it ships in 2007": the
            // claim is a happening of its own, on the story's day, with the sayer as its actor.
            if let (Some(verb_at), Some(dct)) = (sayer_end, article.published)
                && anchors.iter().all(|a| !near(&a.when, dct))
            {
                let sayers = roles::sayers(actors, mentions, s.start..verb_at);
                let verb = text[verb_at..s.end].split_whitespace().next().unwrap_or("");
                let when = if verb.ends_with('s') {
                    published_day.clone()
                } else {
                    narrative.clone().or_else(|| published_day.clone())
                };
                if let Some(mut when) = when
                    && !sayers.ids.is_empty()
                {
                    when.inferred = true;
                    let label = label_of(s.clone(), None);
                    events.push(event(&source, s.clone(), None, when, sayers, label));
                }
            }
        }
        token_room = label::recycled(tokens);
    }
    events
}

/// The mentions of sentence `si`, read from `at` on (moved past the earlier sentences'):
/// `mentions` are in sentence order and the sentences are read in turn.
fn mentions_of<'m>(mentions: &'m [Mention], at: &mut usize, si: usize) -> &'m [Mention] {
    while *at < mentions.len() && mentions[*at].sentence < si {
        *at += 1;
    }
    let end = mentions[*at..]
        .iter()
        .position(|m| m.sentence != si)
        .map_or(mentions.len(), |p| *at + p);
    &mentions[*at..end]
}

/// Whether `text` has fewer than `n` words (as `split_whitespace` splits): the words after the
/// `n`th are never read. Only where words start is counted: the white space before a word and
/// the word itself are each passed over in a tight loop of their own, a byte at a time (a
/// character is decoded only where a non-ASCII one begins). The word scan's cores and quotes,
/// which nothing here reads, cost twice as much per sentence; asking at every byte whether a
/// word starts there cost half as much again as these loops.
fn fewer_words_than(text: &str, n: usize) -> bool {
    let bytes = text.as_bytes();
    let mut words = 0;
    let mut at = 0;
    loop {
        // past white space to the word's first byte
        loop {
            let Some(&b) = bytes.get(at) else {
                return true;
            };
            match BYTE_KIND[usize::from(b)] {
                SPACE => at += 1,
                IN_WORD => break,
                _ => {
                    let (space, len) = white_space::space_at(text, at);
                    if !space {
                        break;
                    }
                    at += len;
                }
            }
        }
        words += 1;
        if words >= n {
            return false;
        }
        // past the word to the white space after it
        loop {
            let Some(&b) = bytes.get(at) else {
                return true;
            };
            match BYTE_KIND[usize::from(b)] {
                SPACE => break,
                IN_WORD => at += 1,
                _ => {
                    let (space, len) = white_space::space_at(text, at);
                    if space {
                        break;
                    }
                    at += len;
                }
            }
        }
    }
}

/// [`BYTE_KIND`] of a byte that is part of a word: ASCII other than white space, or the
/// continuation of a character (never its start, so never white space).
const IN_WORD: u8 = 0;
/// [`BYTE_KIND`] of ASCII white space.
const SPACE: u8 = 1;
/// [`BYTE_KIND`] of the first byte of a character outside ASCII: decoded to tell.
const DECODE: u8 = 2;

/// What each byte is to [`fewer_words_than`].
static BYTE_KIND: [u8; 256] = {
    let mut table = [IN_WORD; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte >= 0xc0 {
            DECODE
        } else if white_space::is_ascii_space(byte) {
            SPACE
        } else {
            IN_WORD
        };
        b += 1;
    }
    table
};

/// [`REPORTING`] as a set: every sentence's first half is looked up word by word, most words
/// ruled out by their shapes without hashing them.
static REPORTING_SET: LazyLock<shapes::WordMap<()>> =
    LazyLock::new(|| shapes::WordMap::set(REPORTING.iter().copied()));

/// Whether a date lies within a month of publication.
fn near(when: &When, dct: chrono::NaiveDate) -> bool {
    let month = chrono::Duration::days(30);
    when.end >= dct - month && when.start <= dct + month
}

/// The end of the sayer's part ("Kremlin spokesman Dmitry Peskov said"), if the sentence
/// reports speech: the start of the first word in the sentence's first half that is a
/// reporting verb as written (lower case), with nothing after it but commas and full stops.
/// Read from the sentence's `tokens` (its words between white space, each with its letters'
/// range and lower case), not by splitting the sentence again: such a word is a token whose
/// letters start the word and equal its lower case, so most tokens are ruled out by their
/// lower case's shape alone.
fn sayer_end(text: &str, s: &Range<usize>, tokens: &[syntax::Token]) -> Option<usize> {
    let half = s.len() / 2;
    for t in tokens {
        // Where the token's word starts is at or before its letters: once its letters are past
        // the half, so is every later word's start.
        if t.range.start - s.start > half {
            break;
        }
        if !REPORTING_SET.contains(t.lower()) || text.get(t.range.clone()) != Some(t.lower()) {
            continue;
        }
        // the word is the letters alone, or followed by commas and full stops
        let starts_word = text[s.start..t.range.start]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace);
        let rest_of_word = text[t.range.end..s.end].split(char::is_whitespace).next();
        if starts_word && rest_of_word.is_none_or(|r| r.chars().all(|c| matches!(c, ',' | '.'))) {
            return Some(t.range.start);
        }
    }
    None
}

/// Lower-case words of five letters or more, cut to five ("talks" ~ "talking"), as sorted
/// distinct 64-bit keys (no allocation per word).
pub fn content_words(s: &str) -> Vec<u64> {
    let key = content_key;
    // ASCII text (nearly all news) splits and lower-cases by the byte, with the same keys
    // as the Unicode path: an ASCII character is alphanumeric and lower-cases alike either way.
    let mut out: Vec<u64> = if s.is_ascii() {
        // One pass over the bytes, keyed as a word reaches its fifth letter: splitting into
        // slices and filtering them cost most of reading a quote. One table look-up per byte
        // tells a letter or digit and lower-cases it.
        // Past a word's fifth letter its bytes are only passed over, in a loop of their own.
        let mut out = Vec::with_capacity(s.len() / 8 + 1);
        let bytes = s.as_bytes();
        let letter = |at: usize| {
            bytes
                .get(at)
                .map_or(0, |&b| ASCII_ALNUM_LOWER[usize::from(b)])
        };
        let mut at = 0;
        while at < bytes.len() {
            let first = letter(at);
            at += 1;
            if first == 0 {
                continue;
            }
            let mut h = key(0, char::from(first));
            let mut run = 1;
            while run < 5 {
                let lower = letter(at);
                if lower == 0 {
                    break;
                }
                h = key(h, char::from(lower));
                run += 1;
                at += 1;
            }
            if run == 5 {
                out.push(h);
                while letter(at) != 0 {
                    at += 1;
                }
            }
        }
        out
    } else {
        content_keys_of_any(s)
    };
    out.sort_unstable();
    out.dedup();
    out
}

/// One more character of a content word's key (FNV-style, one step per character).
fn content_key(h: u64, c: char) -> u64 {
    h.wrapping_mul(0x0100_0000_01b3) ^ u64::from(c)
}

/// The keys [`content_words`] gives, unsorted, read from any text: runs of letters and digits
/// of at least five bytes, their first five characters lower-cased. The ASCII path of
/// `content_words` reads the same keys by the byte.
fn content_keys_of_any(s: &str) -> Vec<u64> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 5)
        .map(|w| {
            w.chars()
                .take(5)
                .flat_map(char::to_lowercase)
                .fold(0u64, content_key)
        })
        .collect()
}

/// Each byte's lower-case form when it is an ASCII letter or digit, else 0.
static ASCII_ALNUM_LOWER: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        if byte.is_ascii_alphanumeric() {
            table[b] = byte.to_ascii_lowercase();
        }
        b += 1;
    }
    table
};

/// How many keys two sorted key lists share.
pub fn shared(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// The article events are read from, with the hash of its id begun for their ids.
struct Source<'a> {
    article: &'a Article,
    ids: ids::ArticleIds,
}

fn event(
    source: &Source,
    sentence: Range<usize>,
    timex: Option<Range<usize>>,
    when: When,
    participants: Participants,
    label: String,
) -> Event {
    let article = source.article;
    let text = article.text.as_str();
    Event {
        id: source.ids.event_id(
            (sentence.start, sentence.end),
            timex.as_ref().map(|t| t.start),
        ),
        confidence: confidence::confidence(&when, participants.evidence),
        when,
        actors: participants.ids,
        agents: participants.agents,
        label,
        sources: vec![SourceRef {
            article: article.id.clone(),
            start: sentence.start,
            end: sentence.end,
            quote: text[sentence].to_string(),
            timex: timex.map(|t| (t.start, t.end)),
            grading: None,
        }],
    }
}

#[cfg(test)]
mod tests;
