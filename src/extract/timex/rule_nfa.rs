//! A rule's NFA written down as data, so the program rebuilds it state by state instead of
//! parsing and compiling the rule's pattern.
//!
//! The ASCII form of each rule is compiled alone for its named parts ([`super::engine`]).
//! Parsing and compiling the ~25 rules a news text needs cost every process about 11 M
//! instructions, most of it in the parser. The build script (`build.rs`) compiles them instead
//! and writes each NFA's states as [`Step`]s ([`super::rule_nfa_write`]); [`RuleNfa::build`]
//! adds the same states in the same order to regex-automata's NFA builder, which gives back
//! the very NFA the compiler made (a test compares them state by state). This file uses
//! nothing but `std` and regex-automata, as the build script includes it too.

use std::sync::Arc;

use regex_automata::nfa::thompson::{Builder, NFA, Transition};
use regex_automata::util::look::Look;
use regex_automata::util::primitives::StateID;

/// One state of a rule's NFA, or one piece of the state before it. State numbers are the
/// NFA's own (`u32`), counting states, not steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Bytes `.0..=.1` lead to state `.2`: a state of its own, or one of a [`Step::Sparse`]'s.
    Range(u8, u8, u32),
    /// A state of several byte ranges: the next this many steps are its [`Step::Range`]s.
    Sparse(u32),
    /// A look-around assertion (`Look`'s number is `1 << .0`) and the state after it.
    Look(u8, u32),
    /// A choice of states in priority order: the next this many steps are its [`Step::Alt`]s.
    Union(u32),
    /// One state of a [`Step::Union`].
    Alt(u32),
    /// The start (or the `end`) of group `group`, then state `next`.
    Capture {
        group: u16,
        end: bool,
        next: u32,
    },
    /// A state that never matches.
    #[allow(
        dead_code,
        reason = "no rule compiles to one today; the writer still writes it"
    )]
    Fail,
    Match,
}

// Eight bytes a step: the table is read from the program's pages, a page fault for every
// 4 KiB of it a process reads (about 6,700 steps for all the rules).
const _: () = assert!(std::mem::size_of::<Step>() == 8);

/// One rule's NFA (a single pattern, pattern 0): its states, its groups' names by index and
/// its start states.
pub struct RuleNfa {
    pub steps: &'static [Step],
    pub names: &'static [Option<&'static str>],
    /// The pattern's own start state (where an anchored search begins).
    pub start: u32,
    /// Where an unanchored search begins (the `(?s-u:.)*?` the compiler puts in front).
    pub unanchored: u32,
    /// Whether the NFA was compiled to match only whole UTF-8 characters.
    pub utf8: bool,
}

impl RuleNfa {
    /// The NFA these steps describe; `None` if they do not describe one (a bug in the build
    /// script, which the tests catch).
    pub fn build(&self) -> Option<NFA> {
        let id = |n: u32| StateID::new(n as usize).ok();
        let range = |step: &Step| match *step {
            Step::Range(start, end, next) => Some(Transition {
                start,
                end,
                next: id(next)?,
            }),
            _ => None,
        };
        let mut builder = Builder::new();
        builder.set_utf8(self.utf8);
        builder.start_pattern().ok()?;
        let mut steps = self.steps.iter();
        while let Some(step) = steps.next() {
            let added = match *step {
                Step::Range(..) => builder.add_range(range(step)?),
                Step::Sparse(n) => {
                    let ranges: Vec<_> = steps
                        .by_ref()
                        .take(n as usize)
                        .map(range)
                        .collect::<Option<_>>()?;
                    // (steps cut short are a bad table, not a smaller NFA)
                    if ranges.len() != n as usize {
                        return None;
                    }
                    builder.add_sparse(ranges)
                }
                Step::Look(shift, next) => {
                    let look = Look::from_repr(1u32.checked_shl(u32::from(shift))?)?;
                    builder.add_look(id(next)?, look)
                }
                Step::Union(n) => {
                    let alternates = steps.by_ref().take(n as usize).map(|step| match *step {
                        Step::Alt(next) => id(next),
                        _ => None,
                    });
                    let alternates: Vec<_> = alternates.collect::<Option<_>>()?;
                    if alternates.len() != n as usize {
                        return None;
                    }
                    builder.add_union(alternates)
                }
                Step::Alt(_) => return None,
                Step::Capture {
                    group,
                    end: false,
                    next,
                } => {
                    let name = self.names.get(usize::from(group)).copied().flatten();
                    builder.add_capture_start(id(next)?, group.into(), name.map(Arc::from))
                }
                Step::Capture {
                    group,
                    end: true,
                    next,
                } => builder.add_capture_end(id(next)?, group.into()),
                Step::Fail => builder.add_fail(),
                Step::Match => builder.add_match(),
            };
            added.ok()?;
        }
        builder.finish_pattern(id(self.start)?).ok()?;
        builder.build(id(self.start)?, id(self.unanchored)?).ok()
    }
}
