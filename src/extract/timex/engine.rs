//! The rules compiled for searching, built with regex-automata directly: one DFA of all the
//! rules, which tells at a word start whether one matches there, which rule wins and where its
//! match ends; and each rule alone as an NFA, run over that match by a backtracker for its
//! named parts. The DFA of the rules' ASCII form is made ahead of time ([`super::ascii_dfa`]);
//! that of the form as written is a lazy DFA, built here when a text needs it.
//!
//! Through `regex::Regex` the same work needed one search of a combined regex for the span,
//! then a search of each rule in turn to learn which one ended there, then the winner's
//! `captures` (which searches again with a lazy DFA before its backtracker reads the groups).
//! A multi-pattern DFA reports the winning pattern with the span, so one search does the first
//! two; the parts are read by a backtracker alone. Building only the forward NFAs and the lazy
//! DFA also costs less at start-up than a `regex::Regex` for each, which builds reverse forms
//! and other engines too.

use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::{LazyLock, OnceLock};

use regex_automata::hybrid::LazyStateID;
use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::nfa::thompson::backtrack::{self, BoundedBacktracker};
use regex_automata::nfa::thompson::pikevm::PikeVM;
use regex_automata::nfa::thompson::{self, NFA, WhichCaptures};
use regex_automata::util::captures::{Captures, GroupInfo};
use regex_automata::util::primitives::NonMaxUsize;
use regex_automata::util::{start, syntax};
use regex_automata::{Anchored, Input, PatternID};
use rustc_hash::FxHashMap;

use super::ascii_dfa::ascii_rules;
use super::lowered::lower_case_text;
use super::prefilter;
use super::recognise::{RULES, whole_group};
use super::rule_nfa::{RuleNfa, Step};
use super::rules::as_compiled;

/// The first word start at or after `from` ([`prefilter::next_start`]) where a rule matches,
/// with the rule that wins there and the length of its match: of the rules that match there,
/// the first in `RULES` order (leftmost-first, as in an alternation of all of them), with that
/// rule's own leftmost-first match. `ascii` picks the ASCII form of the rules (see
/// [`rule_parts`]) or the form as written.
///
/// Most word starts open no match ("the" before a noun, a number before "percent"), and the
/// lazy DFA leaves such a start after a few bytes. So the DFA is walked here a byte at a time
/// ([`walk`]) with its cache borrowed once for all the starts, rather than through a search
/// call for each: the call's set-up cost more than the walk.
pub fn next_match(bytes: &[u8], from: usize, ascii: bool) -> Option<(usize, usize, usize)> {
    // The DFA is loaded or built only once a text has a place to try it.
    let mut start = prefilter::next_start(bytes, from)?;
    // The ASCII form's DFA was made ahead of time; the form as written is compiled here.
    if ascii {
        let rules = ascii_rules();
        loop {
            if let Some((rule, len)) = rules.first_match(bytes.get(start..)?) {
                return Some((start, rule, len));
            }
            start = prefilter::next_start(bytes, start + 1)?;
        }
    }
    let dfa = &all_rules(ascii)?.dfa;
    with_cache(dfa, ascii, |cache| {
        // The start state is the same for every word start (anchored, the haystack begins
        // there); it is asked again only after the cache was cleared, which renumbers states.
        let mut clears = cache.clear_count();
        let mut first = start_state(dfa, cache)?;
        loop {
            if cache.clear_count() != clears {
                clears = cache.clear_count();
                first = start_state(dfa, cache)?;
            }
            if let Some((rule, len)) = walk(dfa, cache, first, bytes.get(start..)?) {
                return Some((start, rule, len));
            }
            start = prefilter::next_start(bytes, start + 1)?;
        }
    })
}

/// Runs `f` with this thread's lazy-DFA cache for the rules of one form. The lazy DFA keeps
/// the states it has built in its cache; one per thread and form keeps them from one text to
/// the next.
fn with_cache<T>(dfa: &DFA, ascii: bool, f: impl FnOnce(&mut Cache) -> T) -> T {
    thread_local! {
        static CACHES: RefCell<[Option<Cache>; 2]> = const { RefCell::new([None, None]) };
    }
    CACHES.with_borrow_mut(|caches| {
        f(caches[usize::from(ascii)].get_or_insert_with(|| dfa.create_cache()))
    })
}

/// The DFA's state before the first byte of an anchored search.
fn start_state(dfa: &DFA, cache: &mut Cache) -> Option<LazyStateID> {
    let config = start::Config::new().anchored(Anchored::Yes);
    dfa.start_state(cache, &config)
        .map_err(|err| debug_assert!(false, "timex search failed: {err}"))
        .ok()
}

/// The anchored leftmost-first search of the lazy DFA from state `sid` over `haystack`, as
/// `try_search_fwd` runs it: a match state reports the match that ended one byte before (at
/// the end of the haystack, the end-of-input transition does), the last match seen wins, and
/// the dead state ends the walk. The DFA has no quit bytes and never gives up on a full cache,
/// so neither can happen; were they to, the position is passed as one where nothing matches,
/// as a failed search was.
fn walk(
    dfa: &DFA,
    cache: &mut Cache,
    mut sid: LazyStateID,
    haystack: &[u8],
) -> Option<(usize, usize)> {
    let mut found = None;
    for (at, &byte) in haystack.iter().enumerate() {
        sid = dfa.next_state(cache, sid, byte).ok()?;
        if sid.is_tagged() {
            if sid.is_match() {
                found = Some((dfa.match_pattern(cache, sid, 0).as_usize(), at));
            } else if sid.is_dead() {
                return found;
            } else if sid.is_quit() {
                debug_assert!(false, "timex search quit");
                return None;
            }
        }
    }
    sid = dfa.next_eoi_state(cache, sid).ok()?;
    if sid.is_match() {
        found = Some((dfa.match_pattern(cache, sid, 0).as_usize(), haystack.len()));
    }
    found
}

/// The rule that matches at the start of `haystack` and the length of its match, found by the
/// lazy DFA's own search: what [`walk`] must agree with (for the tests).
#[cfg(test)]
pub fn first_match(haystack: &[u8], ascii: bool) -> Option<(usize, usize)> {
    let dfa = &all_rules(ascii)?.dfa;
    with_cache(dfa, ascii, |cache| {
        let input = Input::new(haystack).anchored(Anchored::Yes);
        let found = dfa.try_search_fwd(cache, &input).ok()?;
        found.map(|m| (m.pattern().as_usize(), m.offset()))
    })
}

/// All the rules of one form, as compiled for searching: the lazy DFA of all of them and what
/// compiles each one alone.
struct AllRules {
    /// A pattern for each rule (its index in `RULES`).
    dfa: DFA,
    /// Compiles rule `i` alone, with its groups (for [`rule_parts`]), from the form parsed for
    /// `dfa`, so a rule is parsed once for both. Kept in a closure because the parsed form's
    /// type belongs to `regex-syntax`, which this crate does not name.
    compile_one: Box<dyn Fn(usize) -> Option<NFA> + Send + Sync>,
}

/// Our rules are constants that compile: a failure is a bug to catch in debug builds, and a
/// release build goes on without the rule rather than stop reading the text.
fn bad_pattern(err: impl std::fmt::Display) {
    debug_assert!(false, "bad timex pattern: {err}");
}

/// [`AllRules`] in the ASCII form (index 1) or as written (index 0); each built the first time
/// it is needed. The program searches the ASCII form with the DFA made ahead of time: the
/// lazy DFA of that form is built only by the tests, which compare the two.
static ALL_RULES: [OnceLock<Option<AllRules>>; 2] = [OnceLock::new(), OnceLock::new()];

fn all_rules(ascii: bool) -> Option<&'static AllRules> {
    ALL_RULES[usize::from(ascii)]
        .get_or_init(|| {
            let patterns: Vec<String> = RULES.iter().map(|(_, p)| as_compiled(p)).collect();
            let parsed = syntax::parse_many_with(&patterns, &syntax::Config::new().unicode(!ascii))
                .map_err(bad_pattern)
                .ok()?;
            // The DFA reports no groups, so its NFA has no capture states (as the DFA's own
            // builder would compile it from the patterns).
            let nfa = thompson::Compiler::new()
                .configure(thompson::Config::new().which_captures(WhichCaptures::None))
                .build_many_from_hir(&parsed)
                .map_err(bad_pattern)
                .ok()?;
            // The lazy DFA of so many rules can need more states than the default 2 MB cache
            // holds on varied news text; a full cache is cleared and its states rebuilt. 16 MB
            // is allocated only as states are made. Should a rule ever need more than that as
            // the minimum, the DFA is still built (and clears its cache more often): failing
            // to build would leave every text without time expressions.
            let dfa = DFA::builder()
                .configure(
                    DFA::config()
                        .cache_capacity(16 << 20)
                        .skip_cache_capacity_check(true),
                )
                .build_from_nfa(nfa)
                .map_err(bad_pattern)
                .ok()?;
            let compile_one = Box::new(move |i: usize| {
                thompson::Compiler::new()
                    .build_from_hir(parsed.get(i)?)
                    .map_err(bad_pattern)
                    .ok()
            });
            Some(AllRules { dfa, compile_one })
        })
        .as_ref()
}

/// The named parts of rule `i`'s leftmost-first match at the start of `text` (`None` when it
/// does not match there), in its ASCII form or as written.
///
/// The answer depends on nothing but the rule, the form and `text` (a match and one character
/// after it), and news repeats its phrases ("last year", "the third quarter", "two weeks"),
/// so answers are kept per thread, across texts: the backtracker cost about 4,000
/// instructions a match, a look-up a few hundred. [`searched_parts`] is the search itself.
pub fn parts(i: usize, ascii: bool, text: &str) -> Option<Parts<'_>> {
    let rule = rule_parts(i, ascii)?;
    let slot = usize::from(ascii) * RULES.len() + i;
    thread_local! {
        static KNOWN: RefCell<Vec<Known>> = const { RefCell::new(Vec::new()) };
    }
    let known = KNOWN.with_borrow(|known| {
        let slots = known.get(slot)?.get(text)?;
        let mut caps = rule.backtracker.create_captures();
        if let Some(slots) = slots {
            caps.set_pattern(Some(PatternID::ZERO));
            caps.slots_mut().copy_from_slice(slots);
        }
        Some(caps)
    });
    let caps = known.unwrap_or_else(|| {
        let caps = search(rule, slot, text);
        KNOWN.with_borrow_mut(|known| {
            if known.len() <= slot {
                known.resize_with(slot + 1, Known::default);
            }
            let memo = &mut known[slot];
            // A bound on the memory a long run over varied text can take; what is dropped is
            // searched again when it comes back.
            if memo.len() >= KNOWN_PER_RULE {
                memo.clear();
            }
            memo.insert(text.into(), caps.is_match().then(|| caps.slots().into()));
        });
        caps
    });
    caps.is_match().then_some(Parts {
        text,
        caps,
        names: &rule.names,
    })
}

/// The answers of [`parts`] for one rule and form: the capture slots of the match for each
/// text searched, `None` for no match.
type Known = FxHashMap<Box<str>, Option<Box<[Option<NonMaxUsize>]>>>;

/// How many texts [`Known`] keeps for one rule before it starts again.
const KNOWN_PER_RULE: usize = 4096;

/// [`parts`] found by searching, without the memory of earlier answers (for the tests).
#[cfg(test)]
pub fn searched_parts(i: usize, ascii: bool, text: &str) -> Option<Parts<'_>> {
    let rule = rule_parts(i, ascii)?;
    let caps = search(rule, usize::from(ascii) * RULES.len() + i, text);
    caps.is_match().then_some(Parts {
        text,
        caps,
        names: &rule.names,
    })
}

/// Searches `text` for `rule`'s match and parts with its backtracker, or its PikeVM for a long
/// text. `slot` names the rule and form, for the backtracker's cache.
fn search(rule: &RuleParts, slot: usize, text: &str) -> Captures {
    // The lower-case form reads the lower-cased text; its offsets are the text's own.
    let read = if rule.lowered {
        lower_case_text(text)
    } else {
        Cow::Borrowed(text)
    };
    let input = Input::new(read.as_bytes()).anchored(Anchored::Yes);
    let mut caps = rule.backtracker.create_captures();
    // The backtracker's cache (its stack and its set of visited states) is kept per thread
    // and rule: a new one for each match grew its stack and set from nothing every time.
    thread_local! {
        static CACHES: RefCell<Vec<Option<backtrack::Cache>>> = const { RefCell::new(Vec::new()) };
    }
    let found = CACHES.with_borrow_mut(|caches| {
        if caches.len() <= slot {
            caches.resize_with(slot + 1, || None);
        }
        let cache = caches[slot].get_or_insert_with(|| rule.backtracker.create_cache());
        rule.backtracker.try_search(cache, &input, &mut caps)
    });
    if found.is_err() {
        // Too long a text for the backtracker's memory of visited states (a match with a very
        // long run of white space): the PikeVM finds the same match and parts.
        let mut cache = rule.pikevm.create_cache();
        rule.pikevm.search(&mut cache, &input, &mut caps);
    }
    caps
}

/// The parts of rule `i`'s match of the first `len` bytes of `text`, for a rule whose one group
/// is its whole match (see `recognise::whole_group`, which names that group): no search is
/// needed to read them. `None` for another rule.
///
/// The rule is not compiled for this. Compiling the four such rules only to learn their
/// group's name cost about 1 M instructions in every process that met a weekday, a month, a
/// year or "now"; a test checks the names `whole_group` gives against the compiled rules.
pub fn whole_match_parts(i: usize, text: &str, len: usize) -> Option<Parts<'_>> {
    static GROUPS: LazyLock<Vec<Option<OneGroup>>> = LazyLock::new(|| {
        RULES
            .iter()
            .map(|(rule, _)| whole_group(*rule).and_then(one_group))
            .collect()
    });
    let group = GROUPS.get(i)?.as_ref()?;
    let mut caps = Captures::all(group.info.clone());
    caps.set_pattern(Some(PatternID::ZERO));
    // the whole match (group 0) and the named group (1), both from 0 to `len`
    for pair in caps.slots_mut().chunks_exact_mut(2) {
        pair[0] = NonMaxUsize::new(0);
        pair[1] = NonMaxUsize::new(len);
    }
    Some(Parts {
        text,
        caps,
        names: &group.names,
    })
}

/// The groups of a rule whose only group, named `name`, is its whole match, as its NFA numbers
/// them: the unnamed whole match, then the named group.
struct OneGroup {
    info: GroupInfo,
    names: Vec<(Box<str>, usize)>,
}

fn one_group(name: &'static str) -> Option<OneGroup> {
    let info = GroupInfo::new([[None, Some(name)]])
        .map_err(bad_pattern)
        .ok()?;
    Some(OneGroup {
        info,
        names: vec![(name.into(), 1)],
    })
}

/// One rule alone, with its named groups: a backtracker reads them, and a PikeVM does when the
/// text is too long for the backtracker.
struct RuleParts {
    backtracker: BoundedBacktracker,
    pikevm: PikeVM,
    /// Each group name with its index. The normaliser asks for parts by name a dozen times a
    /// match; a rule has at most a dozen groups with names of a few letters, so a scan of this
    /// list costs less than the NFA's own map from names, which hashes the name with SipHash.
    names: Vec<(Box<str>, usize)>,
    /// Whether the NFA is the rule's lower-case (ASCII) form, which reads the text
    /// lower-cased.
    lowered: bool,
}

/// Each rule alone, in two forms: as written (Unicode classes and case folding), and with
/// ASCII `\d`, `\s` and case folding. On a text with no non-ASCII character the Unicode form
/// could match (see [`super::prefilter::ascii_suffices`]) both match exactly the same, and the
/// ASCII one is smaller (a Unicode `\d` alone is dozens of UTF-8 ranges), so it compiles and
/// runs faster. Each is made the first time it is needed: a short text uses a few rules.
static RULE_PARTS: LazyLock<[Vec<OnceLock<Option<RuleParts>>>; 2]> =
    LazyLock::new(|| [0, 1].map(|_| RULES.iter().map(|_| OnceLock::new()).collect()));

/// Each rule's ASCII form as the build script compiled it: its pattern as written (in lower
/// case, see [`super::rules::patterns`]) without Unicode, read over the lower-cased text
/// ([`lower_case_text`]), which `(?i:…)` would read the same (see [`super::lowered`]). In
/// `RULES` order.
static RULE_NFAS: &[RuleNfa] = include!(concat!(env!("OUT_DIR"), "/timex-rule-nfas.rs"));

fn rule_parts(i: usize, ascii: bool) -> Option<&'static RuleParts> {
    let (_, pattern) = RULES.get(i)?;
    RULE_PARTS
        .get(usize::from(ascii))?
        .get(i)?
        .get_or_init(|| {
            // The ASCII form is rebuilt from the build script's steps: nothing else parses it
            // (its DFA is made ahead of time too). A rule's parts in the Unicode form are
            // asked for after the DFA of all rules in that form found its match, and the rule
            // is compiled from the form parsed for it.
            // (a compile that fails has reported itself; only the steps are reported here)
            let nfa = match ALL_RULES[0].get() {
                _ if ascii => RULE_NFAS.get(i)?.build().or_else(|| {
                    bad_pattern(format_args!("rule {i}'s built steps make no NFA"));
                    None
                }),
                Some(Some(all)) => (all.compile_one)(i),
                _ => compile_alone(&as_compiled(pattern), true),
            }?;
            let names = nfa
                .group_info()
                .pattern_names(PatternID::ZERO)
                .enumerate()
                .filter_map(|(index, name)| Some((name?.into(), index)))
                .collect();
            Some(RuleParts {
                backtracker: BoundedBacktracker::new_from_nfa(nfa.clone()).ok()?,
                pikevm: PikeVM::new_from_nfa(nfa).ok()?,
                names,
                lowered: ascii,
            })
        })
        .as_ref()
}

/// One rule's pattern compiled alone, with its groups.
fn compile_alone(pattern: &str, unicode: bool) -> Option<NFA> {
    NFA::compiler()
        .syntax(syntax::Config::new().unicode(unicode))
        .build(pattern)
        .map_err(bad_pattern)
        .ok()
}

/// A rule's match and its named parts, as offsets into the text it was matched in (the
/// candidate's text from its start); read like `regex::Captures`.
pub struct Parts<'t> {
    text: &'t str,
    caps: Captures,
    names: &'static [(Box<str>, usize)],
}

impl<'t> Parts<'t> {
    /// The part named `name`, if it took part in the match.
    pub fn name(&self, name: &str) -> Option<Part<'t>> {
        let &(_, index) = self.names.iter().find(|(n, _)| **n == *name)?;
        self.get(index)
    }

    /// Group `index`: 0 is the whole match.
    pub fn get(&self, index: usize) -> Option<Part<'t>> {
        self.part(self.caps.get_group(index)?)
    }

    fn part(&self, span: regex_automata::Span) -> Option<Part<'t>> {
        Some(Part {
            text: self.text.get(span.range())?,
            start: span.start,
        })
    }
}

/// One part of a match: its text and where it starts in the matched text.
#[derive(Clone, Copy, Debug)]
pub struct Part<'t> {
    text: &'t str,
    start: usize,
}

impl<'t> Part<'t> {
    pub fn as_str(&self) -> &'t str {
        self.text
    }

    pub fn start(&self) -> usize {
        self.start
    }

    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }

    /// Where the part lies in the matched text (for the tests' comparisons with `regex`).
    #[cfg(test)]
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end()
    }
}

#[cfg(test)]
mod tests;
