//! Writes a compiled rule's NFA as the [`Step`]s [`RuleNfa::build`](super::rule_nfa) reads
//! back: used by the build script, which writes every rule's, and by the tests.

use regex_automata::PatternID;
use regex_automata::nfa::thompson::{NFA, State, Transition};

use super::rule_nfa::Step;

/// `nfa`'s states as steps, in the NFA's order. An NFA is only ever given states the builder
/// makes from the steps: a union of two or more, a sparse state of two or more ranges (the
/// builder turns fewer into other states), no dense state (the compiler makes none).
pub fn steps_of(nfa: &NFA) -> Result<Vec<Step>, String> {
    let range = |t: &Transition| Step::Range(t.start, t.end, t.next.as_u32());
    let mut steps = Vec::new();
    for (at, state) in nfa.states().iter().enumerate() {
        match state {
            State::ByteRange { trans } => steps.push(range(trans)),
            State::Sparse(sparse) if sparse.transitions.len() >= 2 => {
                steps.push(Step::Sparse(count(sparse.transitions.len())?));
                steps.extend(sparse.transitions.iter().map(range));
            }
            // every `Look` is a single bit
            State::Look { look, next } if look.as_repr().is_power_of_two() => {
                let shift = look.as_repr().trailing_zeros();
                steps.push(Step::Look(count(shift as usize)?, next.as_u32()));
            }
            State::Union { alternates } if alternates.len() >= 2 => {
                steps.push(Step::Union(count(alternates.len())?));
                steps.extend(alternates.iter().map(|s| Step::Alt(s.as_u32())));
            }
            State::BinaryUnion { alt1, alt2 } => {
                steps.extend([
                    Step::Union(2),
                    Step::Alt(alt1.as_u32()),
                    Step::Alt(alt2.as_u32()),
                ]);
            }
            State::Capture {
                next,
                pattern_id,
                group_index,
                slot,
            } if *pattern_id == PatternID::ZERO => steps.push(Step::Capture {
                group: count(group_index.as_usize())?,
                // pattern 0's group g has slots 2g (start) and 2g + 1 (end)
                end: slot.as_usize() % 2 == 1,
                next: next.as_u32(),
            }),
            State::Fail => steps.push(Step::Fail),
            State::Match { pattern_id } if *pattern_id == PatternID::ZERO => {
                steps.push(Step::Match);
            }
            _ => return Err(format!("state {at} cannot be written as steps: {state:?}")),
        }
    }
    Ok(steps)
}

/// `n` as the narrower number a step keeps it in.
fn count<T: TryFrom<usize, Error = std::num::TryFromIntError>>(n: usize) -> Result<T, String> {
    T::try_from(n).map_err(|err| err.to_string())
}

/// `nfa` as a `RuleNfa` expression in Rust, with `Step` and `RuleNfa` in scope.
pub fn rust_of(nfa: &NFA) -> Result<String, String> {
    if nfa.pattern_len() != 1 {
        return Err(format!("{} patterns, not one", nfa.pattern_len()));
    }
    let mut text = String::from("RuleNfa { steps: &[");
    for step in steps_of(nfa)? {
        text.push_str(&format!("Step::{step:?}, "));
    }
    let names: Vec<Option<&str>> = nfa.group_info().pattern_names(PatternID::ZERO).collect();
    let start = nfa
        .start_pattern(PatternID::ZERO)
        .ok_or("no start state")?
        .as_u32();
    text.push_str(&format!(
        "], names: &{names:?}, start: {start}, unanchored: {}, utf8: {} }}",
        nfa.start_unanchored().as_u32(),
        nfa.is_utf8(),
    ));
    Ok(text)
}
