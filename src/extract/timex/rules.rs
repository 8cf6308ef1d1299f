//! The time-expression rules' patterns, in one place for both readers of them: the recogniser
//! (`recognise`, `engine`), which compiles them when a text needs them, and the build script
//! (`build.rs`), which compiles their ASCII form into a DFA ahead of time (see `ascii_dfa`).
//! So this file uses nothing but `std` and the regex fragments of `vocabulary`, which the build
//! script includes beside it.

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

/// The word boundary the rules use, of ASCII word characters in both forms of the rules.
pub(super) const B: &str = r"(?-u:\b)";

/// The patterns, in priority order. Named groups are read by the normaliser.
///
/// Every letter is written in lower case (time-zone names too): the rules are read
/// case-insensitively, and the ASCII form of a rule compiled alone is compiled as written and
/// run over lower-cased text (see `lowered`), so a capital here would never match.
pub(super) fn patterns() -> Vec<(Rule, String)> {
    let day_ref =
        format!(r"(?:{WEEKDAY}|today|yesterday|tomorrow|{MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?)");
    vec![
        (
            Rule::ClockTime,
            format!(
                r"(?:(?P<h>\d{{1,2}})(?::(?P<mi>\d{{2}}))?\s*(?P<ap>a\.m\.|p\.m\.|am{B}|pm{B}|a\.m{B}|p\.m{B})|(?P<h24>\d{{1,2}}):(?P<mi24>\d{{2}}){B}(?:\s+(?:gmt|utc|est|edt))|(?P<noon>noon|midday|midnight){B})(?:\s+(?P<tz>est|edt|cst|cdt|mst|mdt|pst|pdt|gmt|utc|bst|cet){B})?(?:,?\s+(?:on\s+)?(?P<day>{day_ref}){B})?"
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
}

/// A rule's pattern as it is compiled, case-insensitive: the DFA of all rules and a rule
/// compiled alone must read the same pattern, or a rule's parts would not fit its match.
pub(super) fn as_compiled(pattern: &str) -> String {
    format!("(?i:{pattern})")
}
