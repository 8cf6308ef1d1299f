//! Compiles the ASCII form of the time-expression rules into a DFA ahead of time, so the
//! program loads it instead of parsing all the rules and growing a lazy DFA from them in every
//! process (see `src/extract/timex/ascii_dfa.rs`, which also checks that this DFA gives the
//! lazy DFA's answers).
//!
//! The rules are read from the crate's own files, so they are written once.

use std::path::PathBuf;

use regex_automata::MatchKind;
use regex_automata::dfa::{StartKind, dense};
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::syntax;

#[path = "src/extract/timex/rules.rs"]
mod rules;
#[path = "src/extract/timex/vocabulary.rs"]
#[allow(
    dead_code,
    reason = "only the regex fragments are needed here, not the look-ups"
)]
mod vocabulary;

/// The files the DFA is made from: it is made again when one of them changes.
const SOURCES: [&str; 3] = [
    "build.rs",
    "src/extract/timex/rules.rs",
    "src/extract/timex/vocabulary.rs",
];

fn main() {
    for source in SOURCES {
        println!("cargo::rerun-if-changed={source}");
    }
    let patterns: Vec<String> = rules::patterns()
        .iter()
        .map(|(_, p)| rules::as_compiled(p))
        .collect();
    // What the lazy DFA of the ASCII form is built with (`engine::all_rules`): the patterns
    // without Unicode, an NFA without capture states, leftmost-first. Only anchored searches
    // are run, so only anchored start states are made. Minimised, it is a quarter smaller
    // (1.2 MB), for a build slower by about two seconds. Acceleration is left out: the walk
    // steps one byte at a time and a match rarely runs past a few words.
    let dfa = dense::Builder::new()
        .syntax(syntax::Config::new().unicode(false))
        .thompson(thompson::Config::new().which_captures(WhichCaptures::None))
        .configure(
            dense::Config::new()
                .match_kind(MatchKind::LeftmostFirst)
                .start_kind(StartKind::Anchored)
                .accelerate(false)
                .minimize(true),
        )
        .build_many(&patterns)
        .unwrap_or_else(|err| panic!("the time-expression rules do not compile: {err}"));
    // The bytes are read on the target, in its byte order.
    let (bytes, pad) = match std::env::var("CARGO_CFG_TARGET_ENDIAN").as_deref() {
        Ok("big") => dfa.to_bytes_big_endian(),
        _ => dfa.to_bytes_little_endian(),
    };
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("timex-ascii.dfa"), &bytes[pad..])
        .unwrap_or_else(|err| panic!("cannot write the time-expression DFA: {err}"));
}
