//! Finding time expressions: a list of patterns, compiled once into one leftmost-first regex so
//! the text is scanned in a single pass, and again one by one to read the parts of a match.

use std::sync::{LazyLock, OnceLock};

use regex::{Captures, Regex, RegexSet};

use super::vocabulary::{MONTH, MONTH_FULL, NUMBER, SEASON, UNIT, WEEKDAY};

/// What kind of expression a pattern recognises; the normaliser reads its parts by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    ClockTime,
    PartOfDay,
    Holiday,
    IsoDate,
    SlashDate,
    MonthDay,
    DayMonth,
    OrdinalDay,
    MonthYear,
    MonthRelativeYear,
    FiscalYear,
    Century,
    Decade,
    Quarter,
    Half,
    ReportingPeriod,
    EarlierThis,
    Ago,
    YearEarlier,
    Narrative,
    RelativeNamed,
    RelativeUnit,
    Duration,
    HyphenDuration,
    BareUnits,
    Set,
    Season,
    Deictic,
    Weekday,
    Month,
    Year,
    SpokenYear,
}

/// One pattern match, before normalisation. The named parts in `caps` are offsets into
/// `&text[start..]`.
pub struct Candidate<'t> {
    pub start: usize,
    pub end: usize,
    pub rule: Rule,
    pub caps: Captures<'t>,
}

/// The first candidate starting at or after byte `from`; at one position the first rule in
/// `RULES` order wins, so longer forms are listed before their parts.
///
/// The combined regex only finds the span (its lazy DFA scans the text once, no capture
/// groups); the rule is then the first anchored single pattern that matches there, and only
/// that short pattern is run for its parts.
pub fn next_candidate(text: &str, from: usize) -> Option<Candidate<'_>> {
    let whole = COMBINED.find_at(text, from)?;
    // The match and the character after it (for the closing word boundary) are all the
    // anchored patterns need to see.
    let mut stop = (whole.end() + 1).min(text.len());
    while !text.is_char_boundary(stop) {
        stop += 1;
    }
    let rest = &text[whole.start()..stop];
    let (index, caps) = ANCHORED_SET.matches(rest).into_iter().find_map(|i| {
        let re = anchored(i)?;
        let caps = re.captures(rest)?;
        (caps.get(0)?.end() == whole.len()).then_some((i, caps))
    })?;
    let (rule, _) = RULES.get(index)?;
    Some(Candidate {
        start: whole.start(),
        end: whole.end(),
        rule: *rule,
        caps,
    })
}

const B: &str = r"(?-u:\b)";

/// The patterns, in priority order. Named groups are read by the normaliser.
static RULES: LazyLock<Vec<(Rule, String)>> = LazyLock::new(|| {
    let day_ref =
        format!(r"(?:{WEEKDAY}|today|yesterday|tomorrow|{MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?)");
    vec![
        (
            Rule::ClockTime,
            format!(
                r"(?:(?P<h>\d{{1,2}})(?::(?P<mi>\d{{2}}))?\s*(?P<ap>a\.m\.|p\.m\.|am{B}|pm{B}|a\.m{B}|p\.m{B})|(?P<h24>\d{{1,2}}):(?P<mi24>\d{{2}}){B}(?:\s+(?:GMT|UTC|EST|EDT))|(?P<noon>noon|midday|midnight){B})(?:\s+(?P<tz>EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET){B})?(?:,?\s+(?:on\s+)?(?P<day>{day_ref}){B})?"
            ),
        ),
        (
            Rule::PartOfDay,
            format!(
                r"(?:(?P<ref>{WEEKDAY}|today|yesterday|tomorrow|this|last|early\s+{WEEKDAY}|late\s+{WEEKDAY})\s+(?P<part>morning|afternoon|evening|night){B}|(?P<tonight>tonight){B}|(?:the\s+)?(?P<part2>morning|afternoon|evening|night)\s+of\s+(?P<m>{MONTH})\.?\s+(?P<d>\d{{1,2}}){B})"
            ),
        ),
        (
            Rule::Holiday,
            r"(?P<hol>year[- ]end|year's\s+end|christmas\s+eve|christmas\s+day|christmas|new\s+year's\s+eve|new\s+year's\s+day|thanksgiving(?:\s+day)?|halloween|independence\s+day|election\s+day)(?:,?\s+(?P<y>\d{4}))?(?-u:\b)".to_string(),
        ),
        (
            Rule::IsoDate,
            format!(r"(?P<y>(?:1[89]|20)\d{{2}})-(?P<m>[01]\d)-(?P<d>[0-3]\d){B}"),
        ),
        (
            Rule::SlashDate,
            format!(r"(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>(?:1[89]|20)\d{{2}}|\d{{2}}){B}"),
        ),
        (
            Rule::MonthDay,
            format!(
                r"(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<m>{MONTH}){B}\.?\s*(?P<d>[0-3]?\d)(?:st|nd|rd|th)?{B}(?:,?\s+(?P<y>(?:1[89]|20)\d{{2}}){B})?"
            ),
        ),
        (
            Rule::DayMonth,
            format!(
                r"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{MONTH}){B}(?:,?\s+(?P<y>(?:1[89]|20)\d{{2}}){B})?"
            ),
        ),
        (
            Rule::OrdinalDay,
            format!(r"the\s+(?P<d>[12]?\d|3[01])(?:st|nd|rd|th){B}"),
        ),
        (
            Rule::MonthYear,
            format!(
                r"(?P<m>{MONTH}){B}\.?,?\s+(?:of\s+)?(?P<y>(?:1[89]|20)\d{{2}}){B}"
            ),
        ),
        (
            Rule::MonthRelativeYear,
            format!(r"(?P<m>{MONTH_FULL})\s+(?P<rel>this|last|next)\s+year{B}"),
        ),
        (
            Rule::FiscalYear,
            format!(r"(?:fiscal|calendar)(?:\s+year)?\s+(?P<y>(?:1[89]|20)\d{{2}}){B}"),
        ),
        (
            Rule::Century,
            format!(
                r"(?:the\s+)?(?P<c>\d{{1,2}}(?:st|nd|rd|th)|eighteenth|nineteenth|twentieth|twenty-first)\s+century{B}"
            ),
        ),
        (
            Rule::Decade,
            format!(
                r"(?:the\s+)?(?:(?P<pre>early|mid|late)(?:-|\s+))?(?:(?P<dec>(?:1[0-9]|20)\d)0'?s|'(?P<short>\d)0s){B}"
            ),
        ),
        (
            Rule::SpokenYear,
            format!(
                r"(?:the\s+year\s+)?(?P<spoken>nineteen(?:\s+|-)(?:ninety|eighty|seventy|sixty|fifty|forty)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|the\s+(?:nineties|eighties|seventies|sixties|fifties)){B}|the\s+year\s+(?P<spoken2>two\s+thousand(?:\s+and\s+(?:one|two|three|four|five|six|seven|eight|nine))?){B}"
            ),
        ),
        (
            Rule::Quarter,
            format!(
                r"(?:the\s+)?(?:(?P<rely1>this|last|next)\s+year's\s+)?(?:(?P<y1>(?:19|20)\d{{2}})\s+)?(?:(?P<ago>year-ago|year-earlier|prior-year|comparable\s+year-ago)\s+)?(?:(?P<rel>last|this|next|current|previous)\s+)?(?P<q>first|second|third|fourth|final|1st|2nd|3rd|4th)(?:-|\s+)(?:fiscal\s+)?quarters?{B}(?:\s+of\s+(?:(?:fiscal\s+)?(?P<y2>(?:19|20)\d{{2}})|(?P<rely>this|last|next|the)\s+year){B})?"
            ),
        ),
        (
            Rule::Half,
            format!(
                r"the\s+(?P<h>first|second|1st|2nd|last|latter)\s+half(?:\s+of\s+(?:(?P<y>(?:19|20)\d{{2}})|(?P<rely>this|last|next|the)\s+year))?{B}"
            ),
        ),
        (
            Rule::ReportingPeriod,
            format!(
                r"the\s+(?:(?P<adj>latest|most\s+recent|current|year-ago|year-earlier|prior-year|comparable|same|previous|recent)\s+)?(?P<u>quarter|period){B}|(?:the\s+)?(?P<ya>year-ago|year-earlier)\s+(?P<u2>quarter|period){B}|the\s+(?P<yr>(?:19|20)\d{{2}})\s+(?P<u3>quarter|period){B}|(?P<rely>last|this)\s+year's\s+(?P<u4>quarter|period){B}"
            ),
        ),
        (
            Rule::EarlierThis,
            format!(
                r"(?P<adv>earlier|later)\s+(?P<rel>this|last|next|that)\s+(?P<u>week|month|year|quarter|{SEASON}){B}"
            ),
        ),
        (
            Rule::Ago,
            format!(
                r"(?P<n>{NUMBER})\s+(?:more\s+)?(?P<u>{UNIT})\s+(?P<dir>ago|earlier|later|before|after|from\s+now|hence|previously){B}"
            ),
        ),
        (Rule::YearEarlier, format!(r"(?P<u>year|month|quarter)-(?P<dir>earlier|ago){B}")),
        (
            Rule::Narrative,
            format!(
                r"(?:(?:that|the)\s+(?:very\s+)?same|that|the\s+(?P<dir>next|following|previous|preceding|prior))\s+(?P<u>day|morning|evening|night|week|month|quarter|year){B}|the\s+day\s+(?P<dir2>before|after){B}"
            ),
        ),
        (
            Rule::RelativeNamed,
            format!(
                r"(?P<rel>last|next|this|coming|past|previous)\s+(?P<name>{MONTH_FULL}|{WEEKDAY}|{SEASON}){B}"
            ),
        ),
        (
            Rule::RelativeUnit,
            format!(
                r"(?P<the>the\s+)?(?P<rel>this|last|next|past|previous|coming|current|recent|same)\s+(?:fiscal\s+)?(?P<u>week|weekend|month|year|quarter|decade|century){B}|(?P<only>the\s+(?:fiscal\s+|full\s+)?year|the\s+month|the\s+week|the\s+weekend){B}"
            ),
        ),
        (
            Rule::Duration,
            format!(
                r"(?:the\s+)?(?:(?P<dir>past|last|next|first|coming|previous|final|following|latest|recent|preceding|initial|remaining|other)\s+)?(?P<n>{NUMBER})\s+(?:more\s+|full\s+|straight\s+|consecutive\s+|long\s+|additional\s+)?(?:trading\s+|business\s+|working\s+|calendar\s+)?(?P<u>{UNIT}){B}"
            ),
        ),
        (
            Rule::HyphenDuration,
            format!(
                r"(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred)-(?P<u>second|minute|hour|day|week|month|year|decade|century)s?(?:-long)?{B}|(?P<u1>minute|hour|day|week|month|year)-long{B}"
            ),
        ),
        (
            Rule::BareUnits,
            format!(
                r"(?:(?P<dir>the\s+past|the\s+coming|the\s+last|the\s+next|recent|coming|past)\s+)?(?P<u>days|weeks|months|years|decades|hours|minutes|centuries)(?:-long)?{B}"
            ),
        ),
        (
            Rule::Set,
            format!(
                r"(?P<adv>daily|weekly|monthly|yearly|nightly|hourly|biweekly){B}|(?:every|each)\s+(?:other\s+)?(?P<u>day|week|month|year|morning|afternoon|evening|night|weekend|quarter|{WEEKDAY}|{SEASON}|{MONTH_FULL}){B}"
            ),
        ),
        (
            Rule::Season,
            format!(
                r"(?:the\s+)?(?P<s>{SEASON})(?:\s+(?:of\s+)?(?P<y>(?:19|20)\d{{2}}))?{B}"
            ),
        ),
        (
            Rule::Deictic,
            format!(
                r"(?P<w>the\s+(?:near|immediate)\s+future|a\s+later\s+date|the\s+(?:near|short)\s+term|today|yesterday|tomorrow|now|nowadays|currently|current|recently|lately|formerly|soon|the\s+past|the\s+future|these\s+days|at\s+present|the\s+present){B}"
            ),
        ),
        (Rule::Weekday, format!(r"(?P<wd>{WEEKDAY}){B}")),
        (Rule::Month, format!(r"(?P<m>{MONTH_FULL}){B}")),
        (Rule::Year, format!(r"(?P<y>(?:1[89]|20)\d{{2}}){B}")),
    ]
});

/// All rules as one alternation, without capture groups, for one fast scan of the text.
static COMBINED: LazyLock<Regex> = LazyLock::new(|| {
    static NAMED: LazyLock<Regex> = LazyLock::new(|| compile(r"\(\?P<\w+>"));
    let body = RULES
        .iter()
        .map(|(_, p)| format!("(?:{})", NAMED.replace_all(p, "(?:")))
        .collect::<Vec<_>>()
        .join("|");
    // The lazy DFA of this large alternation needs more states than the default 2 MB cache
    // holds on varied news text; a full cache is cleared and its states rebuilt, which cost
    // ~15% of tagging. 16 MB is allocated only as states are made.
    regex::RegexBuilder::new(&format!(r"(?i){B}(?:{body})"))
        .dfa_size_limit(16 << 20)
        .build()
        .unwrap_or_else(|err| {
            debug_assert!(false, "bad timex pattern: {err}");
            compile(r"[^\s\S]")
        })
});

/// Each rule alone, anchored at the start of the text it is given, to read its named parts.
/// (The combined scan already checked the word boundary before the match.) Each is compiled
/// the first time it matches: a short text uses a few of the rules, and compiling all of them
/// up front was a sixth of the fixed start-up.
static ANCHORED: LazyLock<Vec<OnceLock<Regex>>> =
    LazyLock::new(|| RULES.iter().map(|_| OnceLock::new()).collect());

/// Rule `i`'s anchored pattern.
fn anchored(i: usize) -> Option<&'static Regex> {
    let (_, p) = RULES.get(i)?;
    Some(
        ANCHORED
            .get(i)?
            .get_or_init(|| compile(&format!(r"(?i)^(?:{p})"))),
    )
}

/// The anchored patterns as one set: which rules match at a position, in one pass.
static ANCHORED_SET: LazyLock<RegexSet> = LazyLock::new(|| {
    let patterns = RULES.iter().map(|(_, p)| format!(r"(?i)^(?:{p})"));
    RegexSet::new(patterns).unwrap_or_else(|err| {
        debug_assert!(false, "bad timex pattern set: {err}");
        RegexSet::empty()
    })
});

/// The patterns are constants of this module; one that fails to compile is a bug caught by the
/// tests, and must not take the program down, so it becomes a regex that never matches.
fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|err| {
        debug_assert!(false, "bad timex pattern: {err}");
        Regex::new(r"[^\s\S]").unwrap_or_else(|_| unreachable!())
    })
}
