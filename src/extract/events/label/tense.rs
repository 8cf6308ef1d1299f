//! Headline tense: news headlines tell the past in the present ("Zakharova accuses ...",
//! "Lavrov and Kerry agree ..."), drop the passive's auxiliary ("Three soldiers killed") and
//! write the future as "to" ("Putin to visit Tehran"). Only forms we are sure of are changed;
//! an unknown past tense is left as written rather than guessed.

use std::sync::LazyLock;

use super::word::Word;
use super::words::list;
use crate::extract::events::shapes::WordMap;

/// Past (or past participle) forms that are not "-ed", with their base form.
const IRREGULAR: &[(&str, &str)] = &[
    ("arose", "arise"),
    ("ate", "eat"),
    ("became", "become"),
    ("began", "begin"),
    ("begun", "begin"),
    ("bought", "buy"),
    ("broke", "break"),
    ("broken", "break"),
    ("brought", "bring"),
    ("built", "build"),
    ("came", "come"),
    ("caught", "catch"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("dealt", "deal"),
    ("drew", "draw"),
    ("drawn", "draw"),
    ("drove", "drive"),
    ("driven", "drive"),
    ("fell", "fall"),
    ("fallen", "fall"),
    ("felt", "feel"),
    ("fled", "flee"),
    ("flew", "fly"),
    ("flown", "fly"),
    ("forgave", "forgive"),
    ("fought", "fight"),
    ("found", "find"),
    ("froze", "freeze"),
    ("gave", "give"),
    ("given", "give"),
    ("gone", "go"),
    ("grew", "grow"),
    ("grown", "grow"),
    ("held", "hold"),
    ("hid", "hide"),
    ("kept", "keep"),
    ("knew", "know"),
    ("known", "know"),
    ("laid", "lay"),
    ("led", "lead"),
    ("left", "leave"),
    ("lent", "lend"),
    ("lost", "lose"),
    ("made", "make"),
    ("meant", "mean"),
    ("met", "meet"),
    ("overthrew", "overthrow"),
    ("overthrown", "overthrow"),
    ("paid", "pay"),
    ("ran", "run"),
    ("rang", "ring"),
    ("rose", "rise"),
    ("risen", "rise"),
    ("sank", "sink"),
    ("sat", "sit"),
    ("saw", "see"),
    ("seen", "see"),
    ("sent", "send"),
    ("shook", "shake"),
    ("shot", "shoot"),
    ("shown", "show"),
    ("sold", "sell"),
    ("sought", "seek"),
    ("spent", "spend"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("stole", "steal"),
    ("stolen", "steal"),
    ("stood", "stand"),
    ("struck", "strike"),
    ("swore", "swear"),
    ("sworn", "swear"),
    ("taken", "take"),
    ("thought", "think"),
    ("threw", "throw"),
    ("thrown", "throw"),
    ("told", "tell"),
    ("took", "take"),
    ("tore", "tear"),
    ("undertook", "undertake"),
    ("upheld", "uphold"),
    ("went", "go"),
    ("withdrew", "withdraw"),
    ("withdrawn", "withdraw"),
    ("withheld", "withhold"),
    ("won", "win"),
    ("woke", "wake"),
    // same in every form
    ("hurt", "hurt"),
    ("hit", "hit"),
    ("cut", "cut"),
    ("put", "put"),
    ("set", "set"),
    ("shut", "shut"),
    ("spread", "spread"),
    ("cost", "cost"),
    ("quit", "quit"),
    ("split", "split"),
    ("upset", "upset"),
    ("burst", "burst"),
    ("wrote", "write"),
    ("written", "write"),
    ("said", "say"),
    ("heard", "hear"),
    ("taught", "teach"),
    ("understood", "understand"),
    ("got", "get"),
    ("forgot", "forget"),
    ("forgotten", "forget"),
    ("swept", "sweep"),
    ("hung", "hang"),
    ("rode", "ride"),
    ("ridden", "ride"),
    ("hidden", "hide"),
    ("stuck", "stick"),
    ("swung", "swing"),
    ("fed", "feed"),
    ("bred", "breed"),
    ("spun", "spin"),
    ("slid", "slide"),
    ("bent", "bend"),
    ("sang", "sing"),
    ("sung", "sing"),
    ("slept", "sleep"),
    ("wept", "weep"),
    ("overcame", "overcome"),
    ("overtook", "overtake"),
    ("overtaken", "overtake"),
    ("forbade", "forbid"),
    ("forbidden", "forbid"),
    ("forgave", "forgive"),
    ("forgiven", "forgive"),
    ("foresaw", "foresee"),
    ("mistook", "mistake"),
    ("mistaken", "mistake"),
    ("withstood", "withstand"),
    ("sprang", "spring"),
    ("dug", "dig"),
    ("shrank", "shrink"),
    ("wore", "wear"),
    ("worn", "wear"),
    ("shaken", "shake"),
    ("woken", "wake"),
    ("bitten", "bite"),
    ("done", "do"),
    // participles that are also the base: "had come" → "comes"
    ("come", "come"),
    ("become", "become"),
    ("overcome", "overcome"),
];

/// Words ending in "-ed" that are no past tense: base forms ("need", "proceed"), adjectives
/// ("naked", "sacred") and nouns ("hundred").
const NOT_PAST: &[&str] = &[
    "need", "speed", "seed", "feed", "bleed", "breed", "heed", "weed", "proceed", "succeed",
    "exceed", "greed", "deed", "creed", "steed", "reed", "indeed", "hundred", "kindred", "sacred",
    "naked", "wicked", "wretched", "rugged", "ragged", "jagged", "crooked", "beloved", "shred",
    "seabed", "infrared", "embed",
];

/// Stems of "-ed" forms whose base ends in a silent "e" that the endings rules cannot see
/// ("scored" → "score", "welcomed" → "welcome").
const E_WORDS: &[&str] = &[
    "scor", "stor", "restor", "ignor", "explor", "implor", "deplor", "ador", "complet", "compet",
    "delet", "deplet", "welcom", "condon", "dethron", "clon", "persuad", "dissuad", "guid", "typ",
    "conced", "reced", "preced", "seced", "ced", "imped",
];

/// Stem endings after which an "-ed" verb had a silent "e" ("accused" → "accuse").
const E_STEMS: &[&str] = &[
    "ac", "ec", "ic", "oc", "uc", "nc", "rc", "ag", "rg", "dg", "ng", "iv", "av", "ev", "ov", "rv",
    "lv", "iz", "yz", "us", "is", "as", "os", "ns", "rs", "ps", "at", "ut", "ot", "it", "ar", "ir",
    "ur", "ok", "ak", "ik", "ul", "bl", "pl", "dl", "gl", "tl", "kl", "zl", "id", "ud", "od", "ad",
    "um", "in", "pon", "hon", "zon", "ib", "ab", "ub", "am", "im", "ap", "op", "ip", "up", "il",
    "ol", "yl", "ob", "un", "ven", "yp",
];

/// Stems that look as if they took an "e" but do not ("visited", "claimed", "warned").
const NO_E_STEMS: &[&str] = &[
    "visit",
    "edit",
    "exit",
    "limit",
    "credit",
    "deposit",
    "inhibit",
    "exhibit",
    "prohibit",
    "audit",
    "claim",
    "aim",
    "maim",
    "warn",
    "sign",
    "join",
    "rain",
    "gain",
    "explain",
    "complain",
    "contain",
    "obtain",
    "remain",
    "detain",
    "maintain",
    "retain",
    "sustain",
    "attain",
    "ban",
    "plan",
    "question",
    "mention",
    "reckon",
    "summon",
    "pardon",
    "abandon",
    "condition",
    "position",
    "petition",
    "function",
    "sanction",
    "caution",
    "section",
    "lessen",
    "open",
    "happen",
    "threaten",
    "listen",
    "weaken",
    "strengthen",
    "widen",
    "tighten",
    "heighten",
    "worsen",
    "focus",
    "bias",
    "canvas",
    "harass",
    "embarrass",
    "trespass",
    "repeat",
    "defeat",
    "treat",
    "threat",
    "retreat",
    "seat",
    "heat",
    "beat",
    "boycott",
    "limit",
    "gossip",
    "develop",
    "envelop",
    "wallop",
    "gallop",
    "worship",
    "bid",
    "avoid",
    "head",
    "lead",
    "plead",
    "spread",
    "load",
    "need",
    "feed",
    "seed",
    "heed",
    "weed",
    "proceed",
    "succeed",
    "exceed",
    "echo",
    "ask",
    "walk",
    "talk",
    "attack",
    "back",
    "check",
    "block",
    "knock",
    "lock",
    "pack",
    "track",
    "crack",
    "hack",
    "link",
    "mark",
    "park",
    "work",
    "look",
    "book",
    "cook",
    "hook",
    "shock",
    "mock",
    "dock",
    "rock",
    "wreck",
    "benefit",
    "profit",
    "target",
    "budget",
    "market",
    "ticket",
    "pocket",
    "interpret",
    "regret",
    "merit",
    "inherit",
    "vomit",
    "orbit",
    "recruit",
    "suit",
    "quit",
    "halt",
    "insult",
    "consult",
    "result",
    "exalt",
    "assault",
    "default",
    "vault",
    "bolt",
    "jolt",
    "restart",
    "start",
    "alert",
    "assert",
    "convert",
    "divert",
    "exert",
    "insert",
    "revert",
    "invert",
    "subvert",
    "avert",
    "desert",
    "export",
    "import",
    "report",
    "support",
    "deport",
    "escort",
    "sort",
    "resort",
    "distort",
    "extort",
    "abort",
    "comfort",
    "effort",
    "riot",
    "pivot",
    "pilot",
    "ballot",
];

/// The irregular forms by past form (the first entry of a form wins, as a scan of the table
/// would find it): every word of every label is looked up, and a scan of the table per word was
/// a fifth of labelling. Most words asked about are no irregular form, and are told so by
/// their shapes ([`WordMap`]).
static IRREGULAR_BASE: LazyLock<WordMap<&'static str>> =
    LazyLock::new(|| WordMap::of(IRREGULAR.iter().copied()));

/// [`NOT_PAST`] as a set: every "-ed" word a shaping step or the cut asks about is looked
/// for in it (comparing it with each member in turn cost more than the rest of the test).
static NOT_PAST_SET: LazyLock<WordMap<()>> =
    LazyLock::new(|| WordMap::set(NOT_PAST.iter().copied()));

/// [`E_WORDS`] as a set, for the same reason.
static E_WORD_SET: LazyLock<WordMap<()>> = LazyLock::new(|| WordMap::set(E_WORDS.iter().copied()));

/// [`NO_E_STEMS`] as a set: most regular past tenses reach this check.
static NO_E_STEM_SET: LazyLock<WordMap<()>> =
    LazyLock::new(|| WordMap::set(NO_E_STEMS.iter().copied()));

/// [`E_STEMS`] as a set of endings: every ending is two or three letters long, so "the stem
/// ends with one of them" is "its last two or last three letters are one of them".
static E_STEM_SET: LazyLock<WordMap<()>> = LazyLock::new(|| WordMap::set(E_STEMS.iter().copied()));

/// The base form of an irregular past or participle.
fn irregular_base(word: &str) -> Option<&'static str> {
    IRREGULAR_BASE.get(word)
}

/// A base form as the stem of a past tense and the ending it gets back ("accus" + "e"), so
/// that asking whether a word is a past tense allocates nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Base<'a> {
    stem: &'a str,
    ending: &'static str,
}

impl<'a> Base<'a> {
    /// The stem and the ending, which written one after the other are the base form.
    pub fn parts(self) -> (&'a str, &'static str) {
        (self.stem, self.ending)
    }
}

#[cfg(test)]
impl std::fmt::Display for Base<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.stem)?;
        f.write_str(self.ending)
    }
}

/// `word` (lower case, "-ed" or irregular) in its base form, if we know it. (Headlines
/// write the present from [`past_base`] directly: `present::present_with_tail`.)
#[cfg(test)]
pub fn base_of_past(word: &str) -> Option<String> {
    past_base(word).map(|b| b.to_string())
}

/// Whether `word` is a past tense we know the base of ([`past_base`] finds one).
pub fn is_past(word: &str) -> bool {
    past_base(word).is_some()
}

/// The base form of `word` (lower case, "-ed" or irregular), if we know it, as stem and
/// ending.
pub fn past_base(word: &str) -> Option<Base<'_>> {
    if let Some(irregular) = irregular_base(word) {
        return Some(Base {
            stem: irregular,
            ending: "",
        });
    }
    regular_past_base(word)
}

/// Whether `word` is a regular past that [`regular_past_base`] finds a base for: an "-ed"
/// word whose stem is two lower-case ASCII letters or more and that is no [`NOT_PAST`] word
/// (every such word has one).
pub(super) fn is_regular_past(word: &str) -> bool {
    word.strip_suffix("ed")
        .is_some_and(|stem| stem.len() >= 2 && stem.bytes().all(|b| b.is_ascii_lowercase()))
        && !NOT_PAST_SET.contains(word)
}

/// [`past_base`] of a word that is no irregular form: an "-ed" past.
fn regular_past_base(word: &str) -> Option<Base<'_>> {
    let base = |stem, ending| Some(Base { stem, ending });
    if !is_regular_past(word) {
        return None;
    }
    let stem = word.strip_suffix("ed")?;
    if E_WORD_SET.contains(stem) {
        return base(stem, "e");
    }
    if stem == "add" || stem == "err" {
        return base(stem, "");
    }
    if let Some(y) = stem.strip_suffix('i') {
        // "carried" → "carry", but "died" → "die", "tied" → "tie"
        return if y.len() <= 1 {
            base(stem, "e")
        } else {
            base(y, "y")
        };
    }
    if stem.ends_with('e') {
        // "agreed", "freed"; "need" and "proceed" are no past (NOT_PAST)
        return base(stem, "e");
    }
    let bytes = stem.as_bytes();
    let (last, before) = (bytes[bytes.len() - 1], bytes[bytes.len() - 2]);
    let vowel = |b: u8| b"aeiou".contains(&b);
    if last == before && !vowel(last) && !b"lsfz".contains(&last) {
        // "stopped" → "stop", "planned" → "plan"; "called", "passed" keep their double letter
        return base(&stem[..stem.len() - 1], "");
    }
    if stem.ends_with("ll")
        && stem.bytes().filter(|b| vowel(*b)).count() > 1
        && !["stall", "call", "fall", "thrall"]
            .iter()
            .any(|end| stem.ends_with(end))
    {
        // "cancelled", "travelled", "controlled": the British double "l" of a longer verb;
        // "installed", "recalled" keep theirs
        return base(&stem[..stem.len() - 1], "");
    }
    if stem.ends_with('u') || stem.ends_with("iat") || stem.ends_with("uat") || stem == "creat" {
        // "continued", "negotiated", "evacuated", "created"
        return base(stem, "e");
    }
    if NO_E_STEM_SET.contains(stem) {
        return base(stem, "");
    }
    // (the stem is ASCII, checked above, so these slices fall on character boundaries)
    let ends_in_e_stem = (E_STEM_SET.contains(&stem[stem.len() - 2..])
        || stem.len() >= 3 && E_STEM_SET.contains(&stem[stem.len() - 3..]))
        // a vowel pair before these consonants takes no "e" ("claimed", "treated", "cleared"),
        // unlike "caused", "received", "seized"
        && !(stem.len() >= 3
            && b"tdmnlkrp".contains(&last)
            && vowel(before)
            && vowel(bytes[bytes.len() - 3])
            // the "u" of "qu" is a consonant: "quoted"
            && !stem[..stem.len() - 2].ends_with("qu"));
    if ends_in_e_stem {
        base(stem, "e")
    } else {
        base(stem, "")
    }
}

/// The present tense of `base` for a singular (third person) or plural subject. (What
/// `present::present_with_tail` writes in one string; kept as the reference its test compares.)
#[cfg(test)]
pub fn present(base: &str, plural: bool) -> String {
    match (base, plural) {
        ("be", false) => return "is".into(),
        ("be", true) => return "are".into(),
        ("have", false) => return "has".into(),
        (_, true) => return base.to_string(),
        _ => {}
    }
    if base.ends_with(['s', 'x', 'z', 'o']) || base.ends_with("sh") || base.ends_with("ch") {
        return format!("{base}es");
    }
    if let Some(stem) = base.strip_suffix('y')
        && !stem.ends_with(['a', 'e', 'o', 'u'])
    {
        return format!("{stem}ies");
    }
    format!("{base}s")
}

/// Whether `word` is only ever a participle ("taken", "shown"), never a simple past: without
/// an auxiliary it opens a reduced relative ("footage shown on television"), not a verb.
pub fn is_participle_only(word: &str) -> bool {
    has_participle_ending(word) && irregular_base(word).is_some()
}

/// Whether `word` ends as the irregular participles [`is_participle_only`] knows do.
pub(super) fn has_participle_ending(word: &str) -> bool {
    ["en", "wn", "un", "rn", "ne"]
        .iter()
        .any(|end| word.ends_with(end))
}

/// Whether `word` is only ever a simple past ("came", "took", "began"): its verb has another
/// form for the participle, so it never opens a reduced relative.
pub fn is_simple_past_only(word: &str) -> bool {
    let Some(base) = irregular_base(word) else {
        return false;
    };
    !is_participle_only(word)
        && word != base
        && IRREGULAR.iter().any(|&(other, b)| {
            b == base && other != word && (is_participle_only(other) || other == base)
        })
}

/// Whether `word` (lower case) is a past participle we can read ("killed", "taken").
pub fn is_participle(word: &str) -> bool {
    is_regular_participle(word) || irregular_base(word).is_some()
}

/// Whether `word` (lower case) reads as a regular "-ed" participle: the half of
/// [`is_participle`] that needs no look-up of the irregular forms.
fn is_regular_participle(word: &str) -> bool {
    word.len() > 3 && word.ends_with("ed") && !NOT_PAST_SET.contains(word)
}

/// [`is_participle`] of a headline word's bare form: whether it is an irregular form is read
/// from the word's list bits ([`list::IRREGULAR_FORMS`]), looked up once when the word was
/// made, instead of looking the word up again (the cut asks this of most of its words).
pub fn is_participle_word(word: &Word) -> bool {
    is_regular_participle(word.bare()) || word.is(list::IRREGULAR_FORMS)
}

/// The irregular past forms ([`list::IRREGULAR_FORMS`]).
pub fn irregular_forms() -> impl Iterator<Item = &'static str> {
    IRREGULAR.iter().map(|&(form, _)| form)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn past_tenses_find_their_base() {
        for (past, base) in [
            ("accused", "accuse"),
            ("agreed", "agree"),
            ("launched", "launch"),
            ("stopped", "stop"),
            ("called", "call"),
            ("carried", "carry"),
            ("died", "die"),
            ("announced", "announce"),
            ("visited", "visit"),
            ("claimed", "claim"),
            ("warned", "warn"),
            ("created", "create"),
            ("treated", "treat"),
            ("bolstered", "bolster"),
            ("arrived", "arrive"),
            ("urged", "urge"),
            ("changed", "change"),
            ("decided", "decide"),
            ("killed", "kill"),
            ("attacked", "attack"),
            ("met", "meet"),
            ("took", "take"),
            ("signed", "sign"),
            ("resumed", "resume"),
            ("declared", "declare"),
            ("released", "release"),
            ("reported", "report"),
            ("opened", "open"),
            ("refused", "refuse"),
            ("described", "describe"),
            ("caused", "cause"),
            ("received", "receive"),
            ("seized", "seize"),
            ("cleared", "clear"),
            ("postponed", "postpone"),
            ("continued", "continue"),
            ("negotiated", "negotiate"),
            ("hurt", "hurt"),
            ("quoted", "quote"),
            ("pledged", "pledge"),
            ("filed", "file"),
            ("smiled", "smile"),
            ("cancelled", "cancel"),
            ("travelled", "travel"),
            ("controlled", "control"),
            ("installed", "install"),
            ("killed", "kill"),
            ("failed", "fail"),
            ("scored", "score"),
            ("ignored", "ignore"),
            ("monitored", "monitor"),
            ("completed", "complete"),
            ("targeted", "target"),
            ("welcomed", "welcome"),
            ("conceded", "concede"),
            ("succeeded", "succeed"),
            ("added", "add"),
            ("probed", "probe"),
            ("tuned", "tune"),
            ("convened", "convene"),
            ("persuaded", "persuade"),
            ("rioted", "riot"),
            ("said", "say"),
            ("come", "come"),
            ("joined", "join"),
            ("ruined", "ruin"),
            ("boiled", "boil"),
            ("paroled", "parole"),
            ("styled", "style"),
            ("typed", "type"),
            ("guided", "guide"),
        ] {
            assert_eq!(base_of_past(past).as_deref(), Some(base), "{past}");
        }
        for word in ["need", "proceed", "hundred", "naked", "indeed"] {
            assert_eq!(base_of_past(word), None, "{word}");
        }
        assert_eq!(base_of_past("red"), None);
        assert_eq!(base_of_past("Ted"), None);
    }

    #[test]
    fn present_agrees_with_its_subject() {
        assert_eq!(present("accuse", false), "accuses");
        assert_eq!(present("agree", true), "agree");
        assert_eq!(present("launch", false), "launches");
        assert_eq!(present("carry", false), "carries");
        assert_eq!(present("go", false), "goes");
        assert_eq!(present("stay", false), "stays");
        assert_eq!(present("have", false), "has");
        assert_eq!(present("be", true), "are");
    }
}
