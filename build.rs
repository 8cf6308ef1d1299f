//! Compiles the ASCII form of the time-expression rules into a DFA ahead of time, so the
//! program loads it instead of parsing all the rules and growing a lazy DFA from them in every
//! process (see `src/extract/timex/ascii_dfa.rs`, which also checks that this DFA gives the
//! lazy DFA's answers); and each rule alone into the NFA the program reads its parts with,
//! written as steps the program rebuilds it from (see `src/extract/timex/rule_nfa.rs`).
//!
//! The rules are read from the crate's own files, so they are written once.

use std::path::{Path, PathBuf};

use regex_automata::MatchKind;
use regex_automata::dfa::{StartKind, dense};
use regex_automata::nfa::thompson::{self, NFA, WhichCaptures};
use regex_automata::util::syntax;

#[path = "src/extract/timex/rule_nfa.rs"]
#[allow(
    dead_code,
    reason = "only the steps are needed here, not the rebuilding"
)]
mod rule_nfa;
#[path = "src/extract/timex/rule_nfa_write.rs"]
mod rule_nfa_write;
#[path = "src/extract/timex/rules.rs"]
mod rules;
#[path = "src/extract/timex/vocabulary.rs"]
#[allow(
    dead_code,
    reason = "only the regex fragments are needed here, not the look-ups"
)]
mod vocabulary;

/// The files the DFA is made from: it is made again when one of them changes.
const SOURCES: [&str; 5] = [
    "build.rs",
    "src/extract/timex/rules.rs",
    "src/extract/timex/vocabulary.rs",
    "src/extract/timex/rule_nfa.rs",
    "src/extract/timex/rule_nfa_write.rs",
];

fn main() {
    for source in SOURCES {
        println!("cargo::rerun-if-changed={source}");
    }
    let rules = rules::patterns();
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    write_rule_nfas(&rules, &out);
    let patterns: Vec<String> = rules.iter().map(|(_, p)| rules::as_compiled(p)).collect();
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
    std::fs::write(out.join("timex-ascii.dfa"), &bytes[pad..])
        .unwrap_or_else(|err| panic!("cannot write the time-expression DFA: {err}"));
}

/// Each rule's ASCII form compiled alone, with its groups, as `engine::compile_alone` compiled
/// it at run time (without Unicode, the pattern as written: in lower case, to be read over
/// lower-cased text), written as a Rust list of `RuleNfa`s in the rules' order.
fn write_rule_nfas(rules: &[(rules::Rule, String)], out: &Path) {
    let mut text = String::from("&[\n");
    for (rule, pattern) in rules {
        let nfa = NFA::compiler()
            .syntax(syntax::Config::new().unicode(false))
            .build(pattern)
            .unwrap_or_else(|err| panic!("the rule {rule:?} does not compile: {err}"));
        let written = rule_nfa_write::rust_of(&nfa)
            .unwrap_or_else(|err| panic!("the rule {rule:?} cannot be written: {err}"));
        text.push_str(&written);
        text.push_str(",\n");
    }
    text.push(']');
    std::fs::write(out.join("timex-rule-nfas.rs"), text)
        .unwrap_or_else(|err| panic!("cannot write the rules' NFAs: {err}"));
}
