use super::*;

/// Each rule's ASCII form compiled in lower case and run over the lower-cased text
/// ([`lower_case_form`]) finds the match and parts of the rule as written, `(?i:…)`
/// without Unicode, at every start of texts in capitals, in lower case and mixed.
#[test]
fn lower_case_rules_read_as_the_case_insensitive_rules() {
    let texts: Vec<String> = [
        include_str!("../../../../assets/samples/2015-10-01-russia-begins-air-strikes.txt"),
        include_str!("../../../../assets/samples/2015-10-20-air-safety-memorandum.txt"),
        include_str!("../../../../assets/samples/2015-10-30-vienna-talks-widen.md"),
        "On Monday, Jan. 6, 1998 at 10:30 p.m. EST, three weeks ago, the third quarter of \
         fiscal 1997, last year's fourth-quarter, the mid-'80s, the 1990s, two years \
         earlier, the next day, every other Monday, nineteen ninety-eight, Christmas Eve \
         1996, noon Friday, 12:00 UTC, 5 December, the 31st, 2/13/98, 1998-02-13.",
        "5 pm GMT; Sept. 5th, Oct.31, 31st of December, the twenty-first century, a couple \
         of weeks from now, 3 1/2 months earlier, the year two thousand and one, each fall, \
         biweekly, the near future, at present, now, year-end, New Year's Day, the day \
         before, that same morning, the latter half of last year, earlier this month, \
         calendar 1998, March this year, 10-year, decade-long, the past few days, tonight.",
    ]
    .into_iter()
    .flat_map(|text| [text.to_string(), text.to_uppercase(), text.to_lowercase()])
    .collect();
    // Matches open at word starts; a few bytes inside words check that none opens there.
    let starts = |text: &str| -> Vec<usize> {
        let bytes = text.as_bytes();
        (0..bytes.len())
            .filter(|&s| text.is_char_boundary(s))
            .filter(|&s| s == 0 || !bytes[s - 1].is_ascii_alphanumeric() || s % 7 == 0)
            .collect()
    };
    let mut matched = 0;
    for (i, (_, pattern)) in RULES.iter().enumerate() {
        let rule = rule_parts(i, true).expect("the rule compiles");
        assert!(rule.lowered, "rule {i} is not read in lower case");
        let general = compile_alone(&as_compiled(pattern), false)
            .and_then(|nfa| BoundedBacktracker::new_from_nfa(nfa).ok())
            .expect("the rule compiles as written");
        let info = general.get_nfa().group_info();
        let names: Vec<_> = info.pattern_names(PatternID::ZERO).collect();
        let lowered: Vec<_> = rule
            .backtracker
            .get_nfa()
            .group_info()
            .pattern_names(PatternID::ZERO)
            .collect();
        assert_eq!(names, lowered, "rule {i}");
        let mut cache = general.create_cache();
        for text in &texts {
            for start in starts(text) {
                let mut end = (start + 48).min(text.len());
                while !text.is_char_boundary(end) {
                    end += 1;
                }
                let rest = &text[start..end];
                let mut caps = general.create_captures();
                let input = Input::new(rest).anchored(Anchored::Yes);
                general
                    .try_search(&mut cache, &input, &mut caps)
                    .expect("short text");
                let found = searched_parts(i, true, rest);
                assert_eq!(found.is_some(), caps.is_match(), "rule {i} {rest:?}");
                let Some(found) = found else { continue };
                assert_same_groups(
                    (i, rest),
                    info.group_len(PatternID::ZERO),
                    |group| found.get(group).map(|p| p.range()),
                    |group| caps.get_group(group).map(|span| span.range()),
                );
                matched += 1;
            }
        }
    }
    assert!(matched > 300, "{matched}");
}

/// The group `recognise::whole_group` names for a rule is the compiled rule's only group,
/// numbered as its NFA numbers it; at least the four rules have one.
#[test]
fn whole_groups_are_the_compiled_rules_groups() {
    let mut read = 0;
    for (i, (rule, _)) in RULES.iter().enumerate() {
        let Some(name) = whole_group(*rule) else {
            continue;
        };
        let group = one_group(name).expect("a group");
        let nfa = rule_parts(i, true).expect("compiles").backtracker.get_nfa();
        let names: Vec<_> = nfa.group_info().pattern_names(PatternID::ZERO).collect();
        assert_eq!(names, [None, Some(name)], "rule {i}");
        let read_names: Vec<_> = group.info.pattern_names(PatternID::ZERO).collect();
        assert_eq!(names, read_names, "rule {i}");
        assert_eq!(
            nfa.group_info().slot_len(),
            group.info.slot_len(),
            "rule {i}"
        );
        assert_eq!(group.names, [(name.into(), 1)], "rule {i}");
        let parts = whole_match_parts(i, "now", 3).expect("parts");
        assert_eq!(
            parts.name(name).map(|p| p.as_str()),
            Some("now"),
            "rule {i}"
        );
        read += 1;
    }
    assert!(read >= 4, "{read}");
}

/// The parts [`parts`] answers from its memory of earlier texts are those a search finds.
#[test]
fn remembered_parts_are_the_searched_parts() {
    let text = "On Monday, Jan. 6, 1998 at 10:30 p.m. EST, three weeks ago, the third \
                quarter of 1997, last year's fourth quarter, the 1990s, two years earlier, \
                the next day, this week, every Monday, fiscal 1998, Christmas Eve 1996.";
    let mut matched = 0;
    for ascii in [true, false] {
        for i in 0..RULES.len() {
            let group_len = rule_parts(i, ascii).map_or(0, |r| {
                r.backtracker
                    .get_nfa()
                    .group_info()
                    .group_len(PatternID::ZERO)
            });
            for start in (0..text.len()).filter(|&s| text.is_char_boundary(s)) {
                let rest = &text[start..(start + 40).min(text.len())];
                let searched = searched_parts(i, ascii, rest);
                // The first call may search; the second is answered from memory.
                for _ in 0..2 {
                    let found = parts(i, ascii, rest);
                    assert_eq!(found.is_some(), searched.is_some(), "{i} {rest:?}");
                    let (Some(found), Some(searched)) = (&found, &searched) else {
                        continue;
                    };
                    assert_same_groups(
                        (i, rest),
                        group_len,
                        |group| found.get(group).map(|p| p.range()),
                        |group| searched.get(group).map(|p| p.range()),
                    );
                    matched += 1;
                }
            }
        }
    }
    assert!(matched > 100, "{matched}");
}

/// Asserts that two readings of rule `rule`'s match at the start of `rest` put each of its
/// `groups` groups (the whole match first) in the same place, or both leave it out.
fn assert_same_groups(
    (rule, rest): (usize, &str),
    groups: usize,
    one: impl Fn(usize) -> Option<std::ops::Range<usize>>,
    other: impl Fn(usize) -> Option<std::ops::Range<usize>>,
) {
    for group in 0..groups {
        assert_eq!(
            one(group),
            other(group),
            "rule {rule} group {group} in {rest:?}"
        );
    }
}

/// Every rule is written in lower case: its lower-case form is itself, so the build script,
/// which compiles each rule's ASCII form as written, compiles that form.
#[test]
fn rules_are_their_own_lower_case_form() {
    for (i, (_, pattern)) in RULES.iter().enumerate() {
        let lower = super::super::lowered::lower_case_form(pattern);
        assert_eq!(lower.as_deref(), Some(pattern.as_str()), "rule {i}");
    }
}

/// The NFA rebuilt from the build script's steps is, state for state, the one the rule's
/// pattern compiles to here, with the same groups and starts; and the steps are what the
/// writer makes of that NFA.
#[test]
fn rebuilt_rules_are_the_compiled_rules() {
    use super::super::rule_nfa_write::{rust_of, steps_of};
    assert_eq!(RULE_NFAS.len(), RULES.len());
    for (i, (_, pattern)) in RULES.iter().enumerate() {
        let compiled = compile_alone(pattern, false).expect("the rule compiles");
        let rebuilt = RULE_NFAS[i].build().expect("the steps build");
        assert_eq!(compiled.states(), rebuilt.states(), "rule {i}");
        assert_eq!(
            compiled.start_anchored(),
            rebuilt.start_anchored(),
            "rule {i}"
        );
        assert_eq!(
            compiled.start_unanchored(),
            rebuilt.start_unanchored(),
            "rule {i}"
        );
        assert_eq!(
            compiled.start_pattern(PatternID::ZERO),
            rebuilt.start_pattern(PatternID::ZERO),
            "rule {i}"
        );
        assert_eq!(compiled.is_utf8(), rebuilt.is_utf8(), "rule {i}");
        assert_eq!(compiled.look_set_any(), rebuilt.look_set_any(), "rule {i}");
        let classes = |nfa: &NFA| {
            (0..=255u8)
                .map(|b| nfa.byte_classes().get(b))
                .collect::<Vec<_>>()
        };
        assert_eq!(classes(&compiled), classes(&rebuilt), "rule {i}");
        let names = |nfa: &NFA| -> Vec<Option<String>> {
            let info = nfa.group_info();
            assert_eq!(info.slot_len(), 2 * info.group_len(PatternID::ZERO));
            info.pattern_names(PatternID::ZERO)
                .map(|n| n.map(str::to_string))
                .collect()
        };
        assert_eq!(names(&compiled), names(&rebuilt), "rule {i}");
        assert_eq!(
            steps_of(&compiled).expect("writable"),
            RULE_NFAS[i].steps,
            "rule {i}"
        );
        // what the build script writes of the rest of the rule
        let table = &RULE_NFAS[i];
        let written = rust_of(&compiled).expect("writable");
        let tail = format!(
            "], names: &{:?}, start: {}, unanchored: {}, utf8: {} }}",
            table.names, table.start, table.unanchored, table.utf8
        );
        assert!(written.ends_with(&tail), "rule {i}: {written}");
    }
}

/// Steps that do not describe an NFA build none rather than a wrong one.
#[test]
fn broken_steps_build_nothing() {
    use super::super::rule_nfa::{RuleNfa, Step};
    for steps in [
        &[Step::Alt(0)][..],
        &[Step::Sparse(2), Step::Range(b'a', b'a', 1), Step::Match][..],
        &[Step::Union(2), Step::Alt(1), Step::Fail][..],
        &[Step::Look(40, 1), Step::Match][..],
        &[Step::Look(30, 1), Step::Match][..],
    ] {
        let nfa = RuleNfa {
            steps,
            names: &[None],
            start: 0,
            unanchored: 0,
            utf8: false,
        };
        assert!(nfa.build().is_none(), "{steps:?}");
    }
}
