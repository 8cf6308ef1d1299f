//! The DFA of all the rules in their ASCII form, made ahead of time by the build script
//! (`build.rs`) and loaded from the program's own bytes.
//!
//! Nearly every news text is searched in the ASCII form ([`super::prefilter::ascii_suffices`]).
//! Built at run time, that form cost every process about 17 M instructions to parse the rules
//! and compile their NFA, then about 16 M more (TimeBank 1 MB) for the ~5,200 transitions its
//! lazy DFA worked out one by one, and some 700 page faults for the parsed rules and the lazy
//! DFA's growing cache. The whole DFA is about 2,400 states (1.2 MB, minimised): loading it
//! only checks its transitions. The rules' Unicode form, rarely needed, is still compiled at
//! run time ([`super::engine`]).

use std::sync::LazyLock;

use regex_automata::Anchored;
use regex_automata::dfa::Automaton;
use regex_automata::dfa::dense::DFA;
use regex_automata::util::primitives::StateID;
use regex_automata::util::start;

/// The DFA's bytes, four-byte aligned: `DFA::from_bytes` reads its tables in place as `u32`s,
/// so it refuses bytes that are not.
#[repr(C, align(4))]
struct Aligned<Bytes: ?Sized>(Bytes);

static BYTES: &Aligned<[u8]> = &Aligned(*include_bytes!(concat!(
    env!("OUT_DIR"),
    "/timex-ascii.dfa"
)));

/// The loaded DFA and its anchored start state, the same for every word start (the walk
/// begins as at the start of a text, as the lazy DFA's anchored search does).
pub struct AsciiRules {
    dfa: DFA<&'static [u32]>,
    start: StateID,
}

/// The ASCII form's DFA, checked and loaded the first time a text needs it.
///
/// # Panics
///
/// If the build script's bytes are not a DFA: a bug in the build, which every test that reads
/// a time expression meets. The rules used to be compiled at run time instead, a path no
/// build ever took.
pub fn ascii_rules() -> &'static AsciiRules {
    static LOADED: LazyLock<AsciiRules> = LazyLock::new(|| {
        let (dfa, _) = DFA::from_bytes(&BYTES.0)
            .unwrap_or_else(|err| panic!("the time-expression DFA build.rs made is bad: {err}"));
        let start = dfa
            .start_state(&start::Config::new().anchored(Anchored::Yes))
            .unwrap_or_else(|err| panic!("the time-expression DFA has no start: {err}"));
        AsciiRules { dfa, start }
    });
    &LOADED
}

impl AsciiRules {
    /// The rule that matches at the start of `haystack` and the length of its match, as the
    /// lazy DFA's anchored leftmost-first search finds them (see `engine::walk`, which walks
    /// that DFA the same way): a match state reports the match that ended one byte before (at
    /// the end of the haystack, the end-of-input transition does), the last match seen wins,
    /// and the dead state ends the walk. The DFA has no quit bytes, and start and accelerated
    /// states are not marked as special (see `build.rs`).
    ///
    /// Inlined into the engine's loop over word starts, which runs it 32,000 times a megabyte
    /// of news for a walk of a few bytes.
    #[inline]
    pub fn first_match(&self, haystack: &[u8]) -> Option<(usize, usize)> {
        let dfa = &self.dfa;
        let mut sid = self.start;
        let mut found = None;
        for (at, &byte) in haystack.iter().enumerate() {
            sid = dfa.next_state(sid, byte);
            if dfa.is_special_state(sid) {
                if dfa.is_match_state(sid) {
                    found = Some((dfa.match_pattern(sid, 0).as_usize(), at));
                } else if dfa.is_dead_state(sid) {
                    return found;
                } else if dfa.is_quit_state(sid) {
                    debug_assert!(false, "timex search quit");
                    return None;
                }
            }
        }
        sid = dfa.next_eoi_state(sid);
        if dfa.is_match_state(sid) {
            found = Some((dfa.match_pattern(sid, 0).as_usize(), haystack.len()));
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::timex::engine;

    /// At every byte of real news text and of strings that end inside or just after a match,
    /// the DFA made ahead of time gives the lazy DFA's answer (rule and length) for the same
    /// rules: a change to the rules or to how either is built that makes them differ fails here.
    #[test]
    fn the_ahead_of_time_dfa_answers_as_the_lazy_dfa() {
        let samples = [
            include_str!("../../../assets/samples/2015-10-01-russia-begins-air-strikes.txt"),
            include_str!("../../../assets/samples/2015-10-20-air-safety-memorandum.txt"),
            include_str!("../../../assets/samples/2015-10-30-vienna-talks-widen.md"),
            "At 10:30 p.m. EST on Monday, Jan. 6, 1998; 5 pm GMT; 12:00 UTC, noon Friday.",
            "the third quarter of fiscal 1997, last year's fourth-quarter, the year-ago period",
            "THE 1990S, the mid-'80s, the late 1980's, the twenty-first century, 21st century",
            "two years ago, 3 1/2 months earlier, a couple of weeks from now, several days_",
            "nineteen ninety-eight, the year two thousand and one, 1998-02-13, 2/13/98, 12/31/1999",
            "Christmas Eve 1996, year-end, New Year's Day, the day before, that same morning",
            "every other Monday, each fall, daily, biweekly, the near future, at present, now.",
            "Mayday Monday1 May5 1998a 10:30pm 10:30p.m.x the3rd thes 1999x x1999 _1999 2000_",
            "Sept. 5th, Sep 5, Oct.31, 31st of December, the 31st, 5 December, 1998s 1,998",
        ];
        let lazy = |haystack: &[u8]| engine::first_match(haystack, true);
        let ahead = ascii_rules();
        let mut matched = 0;
        for sample in samples {
            let bytes = sample.as_bytes();
            for start in 0..bytes.len() {
                // The whole rest of the text, and cut short after each of the next 24 bytes
                // (a match read to the end of its text ends on the end-of-input transition).
                let ends = (start..=bytes.len().min(start + 24)).chain([bytes.len()]);
                for end in ends {
                    let haystack = &bytes[start..end];
                    let found = ahead.first_match(haystack);
                    assert_eq!(
                        found,
                        lazy(haystack),
                        "{:?}",
                        String::from_utf8_lossy(haystack)
                    );
                    matched += usize::from(found.is_some());
                }
            }
        }
        assert!(matched > 1_500, "{matched}");
    }
}
