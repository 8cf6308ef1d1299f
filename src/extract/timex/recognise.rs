//! Finding time expressions: a list of patterns, tried at the word starts that can open one.
//! One search of all of them at once ([`engine::next_match`]) tells whether a rule matches
//! there, which one wins and where its match ends; the winner's own pattern then gives its
//! parts.

use std::sync::LazyLock;

use regex::Regex;

use super::engine::{self, Parts};
use super::first_bytes::{ByteSet, first_bytes};
use super::prefilter;
use super::rules;
#[cfg(test)]
use super::rules::B;

pub use super::rules::Rule;

/// One pattern match, before normalisation. The named parts in `caps` are offsets into
/// `&text[start..]`.
pub struct Candidate<'t> {
    pub start: usize,
    pub end: usize,
    pub rule: Rule,
    pub caps: Parts<'t>,
}

/// [`next_candidate_in`] for a text not known to be plain: the tests' entry.
#[cfg(test)]
pub fn next_candidate(text: &str, from: usize) -> Option<Candidate<'_>> {
    next_candidate_in(text, from, prefilter::ascii_suffices(text))
}

/// The first candidate starting at or after byte `from`; at one position the first rule in
/// `RULES` order wins, so longer forms are listed before their parts.
///
/// The span and the rule are found by one search of all the rules, anchored, at each word
/// start that can open a time expression ([`prefilter::next_start`]). That is the
/// leftmost-first match of their alternation, as an unanchored scan finds it; but the scan's
/// lazy DFA tracked every partial match at once and built tens of thousands of states on
/// varied news text (about 120 M instructions a megabyte), while anchored at a word start it
/// needs few. Only the winner's own pattern is then run, for its parts.
///
/// `ascii_text` says whether the ASCII forms of the patterns suffice for all of `text`
/// ([`prefilter::ascii_suffices`] of the whole text, worked out once by the caller; then they
/// also suffice for every part of it). Nearly every news text is such a text (its only
/// non-ASCII characters are quotes and dashes): the rules are then searched in their ASCII
/// form, which is a fraction of the Unicode form's size (its DFA is made ahead of time, and
/// each rule alone compiles faster), and the Unicode form is never compiled.
pub fn next_candidate_in(text: &str, from: usize, ascii_text: bool) -> Option<Candidate<'_>> {
    let (start, winner, len) = engine::next_match(text.as_bytes(), from, ascii_text)?;
    let end = start + len;
    // The match and the character after it (for the closing word boundary) are all the
    // rule's own pattern needs to see.
    let mut stop = (end + 1).min(text.len());
    while !text.is_char_boundary(stop) {
        stop += 1;
    }
    let rest = &text[start..stop];
    let ascii = ascii_text || prefilter::ascii_suffices(rest);
    let first = rest.as_bytes().first().copied();
    // The rule is the first one whose own pattern, run on `rest` alone, ends where the match
    // ends. No rule before the winner can (it would have matched in the whole text too, and
    // won), and the winner nearly always does; only if it does not (its pattern read
    // differently at the end of `rest`) are the others asked, in order.
    let ends_here = |i: usize| {
        // A rule that cannot begin with the match's first byte does not match here.
        if first.is_some_and(|b| FIRST.get(i).is_some_and(|set| !set.contains(b))) {
            return None;
        }
        let caps = engine::parts(i, ascii, rest)?;
        (caps.get(0)?.end() == end - start).then_some((i, caps))
    };
    let whole = (ascii
        && RULES
            .get(winner)
            .is_some_and(|(rule, _)| whole_group(*rule).is_some()))
    .then(|| engine::whole_match_parts(winner, rest, end - start))
    .flatten()
    .map(|caps| (winner, caps));
    let (index, caps) = whole
        .or_else(|| ends_here(winner))
        .or_else(|| (winner + 1..RULES.len()).find_map(ends_here))?;
    let (rule, _) = RULES.get(index)?;
    Some(Candidate {
        start,
        end,
        rule: *rule,
        caps,
    })
}

/// The name of `rule`'s one group when its pattern is that group around all of it but a
/// closing word boundary, with every alternative ending in an ASCII letter or digit: a
/// weekday, a month, a year, a deictic word. In their ASCII form such a rule's own match where
/// the search of all rules found it ends where that search says (the boundary after an
/// alternative is decided by the byte after the match, which the rule is shown too), and its
/// group is the whole match. So their parts are known without running the rule's backtracker,
/// which cost about 3,000 instructions a match; these rules give two in five of the
/// expressions found in TimeBank. The engine's tests check each name against the compiled
/// rule's groups.
pub(super) fn whole_group(rule: Rule) -> Option<&'static str> {
    match rule {
        Rule::Deictic => Some("w"),
        Rule::Weekday => Some("wd"),
        Rule::Month => Some("m"),
        Rule::Year => Some("y"),
        _ => None,
    }
}

/// The patterns, in priority order ([`rules::patterns`]).
pub(super) static RULES: LazyLock<Vec<(Rule, String)>> = LazyLock::new(rules::patterns);

/// The bytes each rule can begin a match with ([`first_bytes`]), in `RULES` order.
static FIRST: LazyLock<Vec<ByteSet>> =
    LazyLock::new(|| RULES.iter().map(|(_, p)| first_bytes(p)).collect());

/// The patterns are constants of this module; one that fails to compile is a bug caught by the
/// tests, and must not take the program down, so it becomes a regex that never matches.
pub(super) fn compile(pattern: &str, unicode: bool) -> Regex {
    regex::RegexBuilder::new(pattern)
        .unicode(unicode)
        .build()
        .unwrap_or_else(|err| {
            debug_assert!(false, "bad timex pattern: {err}");
            Regex::new(r"[^\s\S]").unwrap_or_else(|_| unreachable!())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain leftmost-first scan the prefilter replaces: every rule, unanchored, after a
    /// word boundary.
    fn plain_scan() -> Regex {
        let body = RULES
            .iter()
            .enumerate()
            .map(|(i, (_, p))| format!("(?:{})", p.replace("(?P<", &format!("(?P<r{i}_"))))
            .collect::<Vec<_>>()
            .join("|");
        compile(&format!(r"(?i){B}(?:{body})"), true)
    }

    /// Pseudo-random text made of the patterns' own words (whatever their position in a
    /// pattern), numbers and punctuation, so that every rule matches somewhere in it, starting
    /// with every word that can open it.
    fn word_salad(words: usize, unicode: bool) -> String {
        let mut vocabulary: Vec<String> = Vec::new();
        for (_, p) in RULES.iter() {
            for w in p.split(|c: char| !c.is_ascii_lowercase()) {
                if !w.is_empty() && !vocabulary.iter().any(|v| v == w) {
                    vocabulary.push(w.to_string());
                }
            }
        }
        // Numbers, punctuation, and characters only the Unicode form of the rules matches
        // (no-break space, long s, Kelvin sign, an Arabic-Indic digit) or that end a match.
        let extra = [
            "5", "12", "1998", "2015", "1990s", "'90s", "3rd", "21st", "10:30", "1/2", "-", "'s",
            ",", ".", "\n", "Monday", "May", "The", "Last", "X", "said", "ago", "\u{a0}",
            "\u{a0}5", "Auguſt", "ſunday", "\u{212a}", "٣", "’", "—", "“", "(", ";", "\"", "é",
            "_",
        ];
        vocabulary.extend(
            extra
                .iter()
                .filter(|s| unicode || prefilter::ascii_suffices(s))
                .map(|s| (*s).to_string()),
        );
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut text = String::new();
        for _ in 0..words {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let word = &vocabulary[(state % vocabulary.len() as u64) as usize];
            text.push_str(word);
            // Mostly spaces; sometimes a hyphen or nothing, so compounds form too.
            text.push_str(match (state >> 32) % 10 {
                0 => "-",
                1 => "",
                _ => " ",
            });
        }
        text
    }

    #[test]
    fn prefilter_keeps_every_match() {
        let (found, unicode) = same_as_plain_scan(&word_salad(60_000, true));
        assert!(found > 10_000 && unicode > 100, "{found} {unicode}");
    }

    /// On a text the ASCII forms suffice for, the rules are searched in their ASCII form.
    #[test]
    fn ascii_forms_keep_every_match() {
        let text = word_salad(60_000, false);
        assert!(prefilter::ascii_suffices(&text) && !text.is_ascii());
        let (found, _) = same_as_plain_scan(&text);
        assert!(found > 10_000, "{found}");
    }

    /// The byte-by-byte walk of the DFA ([`engine::next_match`]: for the ASCII form the one
    /// made ahead of time) finds at each word start what the lazy DFA's own search finds there.
    #[test]
    fn the_dfa_walk_finds_what_its_search_finds() {
        for unicode in [false, true] {
            let text = word_salad(8_000, unicode);
            let ascii = prefilter::ascii_suffices(&text);
            assert_eq!(ascii, !unicode);
            let bytes = text.as_bytes();
            let searched = |from: usize| {
                let mut at = from;
                loop {
                    let start = prefilter::next_start(bytes, at)?;
                    if let Some((rule, len)) = engine::first_match(&bytes[start..], ascii) {
                        return Some((start, rule, len));
                    }
                    at = start + 1;
                }
            };
            let mut found = 0;
            for from in 0..=bytes.len() {
                let walked = engine::next_match(bytes, from, ascii);
                assert_eq!(walked, searched(from), "from {from}");
                found += usize::from(walked.is_some_and(|(start, _, _)| start == from));
            }
            assert!(found > 1_000, "{found}");
        }
    }

    /// Checks every candidate in `text` against the plain scan; returns how many were found
    /// and how many of them hold a non-ASCII character.
    fn same_as_plain_scan(text: &str) -> (usize, usize) {
        let scan = plain_scan();
        // Each rule alone, anchored, through `regex` rather than the recogniser's own engine.
        let rules: Vec<Regex> = RULES
            .iter()
            .map(|(_, p)| compile(&format!(r"(?i)^(?:{p})"), true))
            .collect();
        let text = text.to_string();
        let mut from = 0;
        let (mut found, mut unicode) = (0, 0);
        while let Some(m) = scan.find_at(&text, from) {
            unicode += usize::from(!m.as_str().is_ascii());
            let c = next_candidate(&text, from);
            assert_eq!(
                c.as_ref().map(|c| (c.start, c.end)),
                Some((m.start(), m.end())),
                "at {from}: {:?}",
                &text[m.start()..m.end()]
            );
            // The rule and parts are those of the first rule alone that ends there.
            let mut stop = (m.end() + 1).min(text.len());
            while !text.is_char_boundary(stop) {
                stop += 1;
            }
            let rest = &text[m.start()..stop];
            let own = rules.iter().enumerate().find_map(|(i, re)| {
                let caps = re.captures(rest)?;
                (caps.get(0)?.end() == m.len()).then_some((i, re, caps))
            });
            if let (Some(c), Some((i, re, caps))) = (&c, own) {
                assert_eq!(c.rule, RULES[i].0, "{rest:?}");
                for name in re.capture_names().flatten() {
                    assert_eq!(
                        c.caps.name(name).map(|m| m.range()),
                        caps.name(name).map(|m| m.range()),
                        "{rest:?}"
                    );
                }
            }
            found += 1;
            from = m.start() + 1;
        }
        assert!(next_candidate(&text, from).is_none());
        (found, unicode)
    }

    /// The rules whose parts are read without a search are one named group around the whole
    /// pattern but its closing word boundary, and the group is what the backtracker reads.
    #[test]
    fn whole_group_rules_are_one_group_around_the_match() {
        let mut checked = 0;
        for (i, (rule, pattern)) in RULES.iter().enumerate() {
            if whole_group(*rule).is_none() {
                continue;
            }
            assert!(pattern.starts_with("(?P<") && pattern.ends_with(&format!("){B}")));
            for text in [
                "now and then",
                "Friday.",
                "July 4",
                "1998,",
                "the near future",
            ] {
                let Some(searched) = engine::parts(i, true, text) else {
                    continue;
                };
                let whole = searched.get(0).map_or(0, |m| m.end());
                let made = engine::whole_match_parts(i, text, whole);
                let made = made.as_ref().expect("one group");
                for group in 0..3 {
                    assert_eq!(
                        made.get(group).map(|m| m.range()),
                        searched.get(group).map(|m| m.range()),
                        "{rule:?} {text}"
                    );
                }
                checked += 1;
            }
        }
        assert!(checked >= 5, "{checked}");
    }

    /// Every rule's pattern is read by `first_bytes` (none falls back to "any byte"), and
    /// every rule can begin with a byte some match begins with.
    #[test]
    fn the_first_bytes_of_every_rule_are_known() {
        for ((rule, _), set) in RULES.iter().zip(FIRST.iter()) {
            assert!(!set.contains(b'_') && !set.contains(b' '), "{rule:?}");
            assert!((b'0'..=b'z').any(|b| set.contains(b)), "{rule:?}");
        }
    }

    #[test]
    fn opening_words_are_sorted_short_and_lower_case() {
        let words = prefilter::FIRST_WORDS;
        assert!(words.windows(2).all(|w| w[0] < w[1]));
        assert!(
            words
                .iter()
                .all(|w| w.len() <= 12 && w.iter().all(u8::is_ascii_lowercase))
        );
    }

    #[test]
    fn one_search_tells_the_rule() {
        for (text, rule) in [
            ("on May 5, 1998 the", Rule::MonthDay),
            ("three weeks ago", Rule::Ago),
            ("the third quarter", Rule::Quarter),
            ("at 10:30 p.m. EST", Rule::ClockTime),
            ("in the 1990s", Rule::Decade),
        ] {
            let c = next_candidate(text, 0);
            assert_eq!(c.as_ref().map(|c| c.rule), Some(rule), "{text}");
        }
        let c = next_candidate("on May 5, 1998 the", 0);
        let year = c
            .as_ref()
            .and_then(|c| c.caps.name("y"))
            .map(|m| m.as_str());
        assert_eq!(year, Some("1998"));
    }
}
