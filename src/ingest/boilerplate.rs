//! What a line is, judged by its shape alone: site furniture (banners, promotions, placeholders,
//! credits, copyright and mailing-list footers), bylines, and lines that read as prose.
//!
//! These are general shapes (keywords at the start, all-caps calls to action, brackets, length
//! and casing), not any one site's strings; where a line sits is judged in `layout`.

mod keyword_sets;
mod words;

use keyword_sets::{OpeningSet, PhraseSet};
use words::is_ascii;
use words::{WORD_CHUNK, is_ascii_space, words_up_to};
pub(crate) use words::{is_cjk, word_count};

/// Lines longer than this (in words) are body text even if they contain a furniture keyword.
const MAX_FURNITURE_WORDS: usize = 40;

/// Openings that mark credits, links and site furniture ("Source:", "With reporting by").
const FURNITURE_OPENINGS: &[&str] = &[
    "copyright",
    "©",
    "(c) ",
    "all rights reserved",
    "source:",
    "sources:",
    "with reporting by",
    "reporting by",
    "additional reporting",
    "editing by",
    "edited by",
    "writing by",
    "compiled by",
    "read more",
    "read also",
    "related:",
    "related articles",
    "related stories",
    "see also",
    "tags:",
    "filed under",
    "follow us",
    "follow @",
    "click here",
    "photo:",
    "photograph:",
    "image:",
    "credit:",
    "watch:",
    "video:",
    "listen:",
    "join the",
    "join our",
    "download the",
    "home |",
    "home >",
    "(reporting by",
    "image copyright",
    "image caption",
    "media caption",
    "image source",
    "caption:",
    "photo credit",
    "from the section",
    "for immediate release",
    "media contact",
    "press contact",
    "related topics",
    "more on this story",
    "(editing by",
];

/// Openings of short furniture lines ("Advertisement", "Most read"); a longer line starting so
/// may be prose ("Registered voters...", "Comments by the minister...").
const SHORT_FURNITURE_OPENINGS: &[&str] = &[
    "subscribe",
    "advertisement",
    "sponsored",
    "comments",
    "login",
    "register",
    "trending",
    "recommended",
    "most read",
    "top stories",
    "more from",
    "log in",
    "sign up",
    "share this",
    "share on",
    "print this",
    "email this",
    "back to top",
    "skip to",
    "you are here",
    "get the app",
    "leave a comment",
];

/// Phrases that mark furniture wherever they appear in a short line.
const FURNITURE_PHRASES: &[&str] = &[
    "all rights reserved",
    "reprinted with",
    "mailing list",
    "newsletter",
    "privacy policy",
    "terms of use",
    "terms of service",
    "cookie",
    "unsubscribe",
    "follow us on",
    "like us on",
    "click here",
    "sign up for",
    "subscribe to",
    "this article was",
    "originally published",
    "contact us",
    "advertise with",
    "contributed to this report",
    "contributed reporting",
    "contributed to this story",
    // disclaimers under comments, press releases and columns
    "do not represent those of",
    "not responsible for the content",
    "views expressed are",
    "views expressed in the comments",
    "opinions expressed are",
];

/// [`COPYRIGHT_OPENINGS`], [`FURNITURE_OPENINGS`] and [`SHORT_FURNITURE_OPENINGS`] by first byte.
static COPYRIGHT: OpeningSet = OpeningSet::new(COPYRIGHT_OPENINGS);
static OPENINGS: OpeningSet = OpeningSet::new(FURNITURE_OPENINGS);
static SHORT_OPENINGS: OpeningSet = OpeningSet::new(SHORT_FURNITURE_OPENINGS);

/// [`FURNITURE_PHRASES`], ready to be looked for in one pass over a line.
static PHRASES: PhraseSet = PhraseSet::new(FURNITURE_PHRASES);

/// All-caps calls to action that end a promotion line ("... - JOIN NOW").
const CALLS_TO_ACTION: &[&str] = &[
    "JOIN NOW",
    "SIGN UP",
    "SUBSCRIBE",
    "SUBSCRIBE NOW",
    "LEARN MORE",
    "CLICK HERE",
    "READ MORE",
    "APPLY NOW",
    "REGISTER",
    "REGISTER NOW",
    "DONATE",
    "BUY NOW",
    "FIND OUT MORE",
    "GET STARTED",
];

/// Openings that mark a copyright notice, which is furniture however long it runs.
const COPYRIGHT_OPENINGS: &[&str] = &["copyright", "©", "(c) ", "all rights reserved"];

/// A line as the shape tests read it, with what several of them ask worked out once.
///
/// `layout` asks of every paragraph whether it is furniture, a byline or prose (and a
/// dateline). Each test trimmed the line, stripped its markup, checked it for ASCII and
/// counted its words (furniture to its 41st word, prose to its 30th) on its own; here that is
/// done once, and an ASCII line's words and their starts are counted in one pass.
pub(crate) struct Line<'a> {
    /// The line trimmed, with its Markdown markup stripped.
    text: &'a str,
    /// An ASCII line's words and their starts, counted until past [`MAX_FURNITURE_WORDS`]
    /// (see [`Casing::of_ascii_until`]); other lines are counted as each test needs.
    ascii: Option<Casing>,
}

impl<'a> Line<'a> {
    pub(crate) fn of(line: &'a str) -> Self {
        // strip_markup trims white space as well
        let text = strip_markup(line);
        let ascii = is_ascii(text.as_bytes())
            .then(|| Casing::of_ascii_until(text.as_bytes(), MAX_FURNITURE_WORDS + 1));
        Self { text, ascii }
    }

    /// The line trimmed, with its Markdown markup stripped.
    pub(crate) fn text(&self) -> &'a str {
        self.text
    }

    /// Whether the line is site furniture whatever its position (see [`is_furniture`]).
    pub(crate) fn is_furniture(&self) -> bool {
        let line = self.text;
        if line.is_empty() {
            return true;
        }
        if is_placeholder(line) || is_separator(line) || is_link_only(line) {
            return true;
        }
        let folded = Folded::of(line, self.ascii.is_some());
        let folded = folded.text();
        // A paragraph of prose is counted no further than its 41st word: the counts stop
        // where `words_up_to` stops.
        let words = self
            .ascii
            .map_or_else(|| words_up_to(line, MAX_FURNITURE_WORDS), |c| c.words);
        let first = folded.as_bytes().first().map_or(0, u8::to_ascii_lowercase);
        // Copyright notices can run long; they are never prose.
        if COPYRIGHT.opens(folded, first) {
            return true;
        }
        if words > MAX_FURNITURE_WORDS {
            return false;
        }
        if ends_with_call_to_action(line) {
            return true;
        }
        if OPENINGS.opens(folded, first) {
            return true;
        }
        if words <= 6 && SHORT_OPENINGS.opens(folded, first) {
            return true;
        }
        // A short line carrying a furniture phrase; long ones may be prose that mentions it.
        words <= 25 && PHRASES.found_in(folded)
    }

    /// Whether the line reads as prose: several words, mostly lower-case, ending like a
    /// sentence.
    pub(crate) fn is_prose(&self) -> bool {
        let line = self.text;
        // An ASCII line's counts run to its 41st word rather than its 30th: the same counts
        // when it has fewer than 30 words, and 30 or more words when it has them.
        let casing = match self.ascii {
            Some(casing) => casing,
            None => {
                // Chinese and Japanese have no spaces between words: a run of their characters
                // ending a sentence (。！？) is prose, and so is any long run.
                let cjk = cjk_count(line);
                if cjk >= 10 {
                    let ends_like_sentence = line
                        .trim_end_matches(['"', '\'', '’', '”', ')', '）', '」', '』', '*', '_'])
                        .ends_with(['。', '！', '？', '.', '!', '?', '…']);
                    return ends_like_sentence || cjk >= 80;
                }
                Casing::of(line.split_whitespace().filter_map(|w| w.chars().next()))
            }
        };
        let Casing {
            words,
            alphabetic,
            lower_words,
        } = casing;
        if words >= 30 {
            return true;
        }
        if words < 4 {
            return false;
        }
        let ends_like_sentence = line
            .trim_end_matches(['"', '\'', '’', '”', ')', '*', '_'])
            .ends_with(['.', '?', '!', ':'])
            || line.ends_with(['"', '”', '’']);
        // Short questions are headlines ("Is this the end for Assad?").
        if line.ends_with('?') && words < 10 {
            return false;
        }
        // News prose is thick with names, so a fifth of lower-case words (or three) is enough;
        // title-case headlines have almost none.
        ends_like_sentence && (lower_words >= 3 || lower_words * 5 >= alphabetic.max(1))
    }

    /// "By Jane Roe", "By JANE ROE and John Doe, Reuters", "By Jane Roe, staff writer": a name
    /// after "By", short, and not a sentence ("By the end of the week the talks had stalled.").
    pub(crate) fn is_byline(&self) -> bool {
        let line = self.text;
        let Some(rest) = line
            .strip_prefix("By ")
            .or_else(|| line.strip_prefix("BY "))
            .or_else(|| line.strip_prefix("by "))
        else {
            return false;
        };
        let words: Vec<&str> = rest.split_whitespace().collect();
        let starts_with_name = words
            .first()
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase);
        starts_with_name && words.len() <= 12 && !line.ends_with('.')
    }
}

/// Whether a line is site furniture whatever its position.
///
/// Every paragraph of every article passes through here, so the keyword lists are matched on
/// the line as it is, ignoring ASCII case, rather than on a lower-cased copy (see [`Folded`]).
pub(crate) fn is_furniture(line: &str) -> bool {
    Line::of(line).is_furniture()
}

/// A line ready for matching lower-case keywords while ignoring ASCII case.
///
/// Matching ASCII keywords ignoring ASCII case finds exactly what `str::to_lowercase` and an
/// exact match would, because lower-casing maps every other character to non-ASCII ones,
/// except two: 'İ' (to "i" and a combining dot) and the Kelvin sign 'K' (to "k"). Only a line
/// holding one of them is lower-cased (into its own `String`) first.
enum Folded<'a> {
    AsIs(&'a str),
    Lowered(String),
}

impl<'a> Folded<'a> {
    /// `ascii`: whether `line` is ASCII, known already.
    fn of(line: &'a str, ascii: bool) -> Self {
        // (is_ascii reads eight bytes at a time; the search decodes every character)
        if !ascii && line.contains(['\u{130}', '\u{212a}']) {
            Self::Lowered(line.to_lowercase())
        } else {
            Self::AsIs(line)
        }
    }

    fn text(&self) -> &str {
        match self {
            Self::AsIs(line) => line,
            Self::Lowered(lowered) => lowered,
        }
    }
}

/// How the first 30 words of a line start: how many there are, how many start with a letter,
/// and how many of those with a lower-case one.
#[derive(Clone, Copy)]
struct Casing {
    words: usize,
    alphabetic: usize,
    lower_words: usize,
}

impl Casing {
    /// [`Casing::of`] an ASCII line's word starts, counted [`WORD_CHUNK`] bytes at a time with
    /// no early exit inside a chunk, so that the compiler checks many bytes at once. Counting
    /// stops after the chunk that reaches `enough` words: the counts then run past the first
    /// `enough` words', but `words` is `enough` or more, which is all [`Line::is_prose`] (30)
    /// and [`Line::is_furniture`] (41) ask of such a line.
    fn of_ascii_until(line: &[u8], enough: usize) -> Self {
        let Some(&first) = line.first() else {
            return Self {
                words: 0,
                alphabetic: 0,
                lower_words: 0,
            };
        };
        let start = !is_ascii_space(first);
        let mut casing = Self {
            words: usize::from(start),
            alphabetic: usize::from(start && first.is_ascii_alphabetic()),
            lower_words: usize::from(start && first.is_ascii_lowercase()),
        };
        let mut at = 1;
        while at < line.len() && casing.words < enough {
            let end = (at + WORD_CHUNK).min(line.len());
            // At most WORD_CHUNK starts a chunk: narrow counters let more bytes share a step.
            let (mut words, mut alphabetic, mut lower) = (0u8, 0u8, 0u8);
            for (&before, &b) in line[at - 1..end - 1].iter().zip(&line[at..end]) {
                let starts = is_ascii_space(before) & !is_ascii_space(b);
                words += u8::from(starts);
                alphabetic += u8::from(starts & b.is_ascii_alphabetic());
                lower += u8::from(starts & b.is_ascii_lowercase());
            }
            casing.words += usize::from(words);
            casing.alphabetic += usize::from(alphabetic);
            casing.lower_words += usize::from(lower);
            at = end;
        }
        casing
    }

    /// Counted in one pass over the words' first characters, without collecting the words.
    fn of(first_chars: impl Iterator<Item = char>) -> Self {
        let mut casing = Self {
            words: 0,
            alphabetic: 0,
            lower_words: 0,
        };
        for c in first_chars.take(30) {
            casing.words += 1;
            if c.is_alphabetic() {
                casing.alphabetic += 1;
                casing.lower_words += usize::from(c.is_lowercase());
            }
        }
        casing
    }
}

/// How many Chinese, Japanese or Korean characters `line` holds. Those are all three-byte
/// UTF-8 characters led by a byte from 0xE3 to 0xEF, so a line without such a byte (nearly all
/// of them: curly quotes and dashes are led by 0xE2) is answered without decoding it.
fn cjk_count(line: &str) -> usize {
    if line.is_ascii() || !line.bytes().any(|b| (0xe3..=0xef).contains(&b)) {
        return 0;
    }
    line.chars().filter(|&c| is_cjk(c)).count()
}

/// Markdown emphasis and list markers around a line ("**By Jane Roe**", "_Oct 21, 2015_").
pub(crate) fn strip_markup(line: &str) -> &str {
    line.trim_matches(|c: char| c == '*' || c == '_' || c == '>' || c.is_whitespace())
}

/// "[ site banner ]", "<ad>", "{{ placeholder }}".
fn is_placeholder(line: &str) -> bool {
    let pairs = [('[', ']'), ('<', '>'), ('{', '}')];
    pairs
        .iter()
        .any(|&(open, close)| line.starts_with(open) && line.ends_with(close))
}

/// "* * *", "----", "|": lines without a single word.
fn is_separator(line: &str) -> bool {
    !line.chars().any(char::is_alphanumeric)
}

/// A bare URL or e-mail address.
fn is_link_only(line: &str) -> bool {
    !line.contains(' ')
        && (line.starts_with("http://")
            || line.starts_with("https://")
            || line.starts_with("www.")
            || (line.contains('@') && line.contains('.')))
}

fn ends_with_call_to_action(line: &str) -> bool {
    let trimmed = line.trim_end_matches(['!', '.', ' ', '»', '>']);
    // Every call to action ends in a capital letter, and nearly no line does.
    if !trimmed.ends_with(|c: char| c.is_ascii_uppercase()) {
        return false;
    }
    CALLS_TO_ACTION.iter().any(|cta| {
        trimmed.ends_with(cta)
            && trimmed[..trimmed.len() - cta.len()]
                .chars()
                .last()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`Line::is_prose`] of a line as it is.
    fn is_prose(line: &str) -> bool {
        Line::of(line).is_prose()
    }

    /// [`Line::is_byline`] of a line as it is.
    fn is_byline(line: &str) -> bool {
        Line::of(line).is_byline()
    }

    #[test]
    fn site_furniture_is_recognised_by_shape() {
        for line in [
            "The Largest Network for Widget Careers - JOIN NOW",
            "[ partner banner ]",
            "Source: world/some-story/12345.html",
            "With reporting by AP and AFP",
            "Copyright (c) 2015. Example Media, Inc. Reprinted with permission.",
            "© 2015 Example News. All rights reserved.",
            "Join the mailing list",
            "Sign up for our daily newsletter",
            "* * *",
            "https://example.org/story",
            "Advertisement",
            "Most read",
            "Image caption Mr Assad was greeted by President Putin in the Kremlin",
            "From the section Middle East",
            "FOR IMMEDIATE RELEASE",
            "Associated Press writers contributed to this report.",
            "Views expressed in the comments do not represent those of Example Wire.",
            "* Example Wire is not responsible for the content in this press release.",
            "The opinions expressed are the author's own.",
        ] {
            assert!(is_furniture(line), "{line}");
        }
    }

    #[test]
    fn news_prose_is_not_furniture() {
        for line in [
            "Russia says its foreign minister will meet his U.S. counterpart in Vienna on Friday.",
            "Lavrov To Meet Kerry On Syria After Assad's Moscow Visit",
            "The opposition said it would join the talks only if the bombing stopped.",
            "Registered voters stayed away from the polls in large numbers.",
            "Comments by the minister angered officials in Ankara.",
            "Diplomats welcomed the views expressed by Tehran at the talks on Friday.",
        ] {
            assert!(!is_furniture(line), "{line}");
        }
    }

    #[test]
    fn prose_differs_from_headlines_and_labels() {
        assert!(is_prose(
            "He said Assad informed Putin about the plans of Syrian government forces."
        ));
        assert!(!is_prose(
            "Lavrov To Meet Kerry On Syria After Assad's Moscow Visit"
        ));
        assert!(!is_prose("Weapons of Mass Destruction (WMD)"));
        assert!(!is_prose("Will Russia Stay In Syria?"));
        assert!(!is_prose("Is this the end for Assad?"));
        assert!(is_prose(
            "俄罗斯外交部长周五在维也纳与美国国务卿举行了会谈。"
        ));
        assert!(!is_prose("维也纳会谈"));
        assert_eq!(word_count("维也纳会谈 talks"), 6);
        // ASCII lines are counted byte by byte: the same words as splitting on white space.
        for line in [
            "",
            "   ",
            "one",
            " two  words ",
            "tab\tand\nnew line\r\nend",
            "vertical\x0btab\x0cfeed",
            "-- 21 Oct. --",
            " The Minister said 3 things,\tand 'quoted' them. ",
        ] {
            assert_eq!(
                word_count(line),
                line.split_whitespace().count(),
                "{line:?}"
            );
            let fast = Casing::of_ascii_until(line.as_bytes(), 30);
            let slow = Casing::of(line.split_whitespace().filter_map(|w| w.chars().next()));
            assert_eq!(
                (fast.words, fast.alphabetic, fast.lower_words),
                (slow.words, slow.alphabetic, slow.lower_words),
                "{line:?}"
            );
        }
        assert!(is_prose(
            "MOSCOW, Oct. 21, 2015 (Example) -- The Kremlin said Wednesday that Syrian President Bashar al-Assad visited Moscow late Tuesday."
        ));
    }

    #[test]
    fn calls_to_action_end_in_a_capital() {
        // ends_with_call_to_action passes over lines that do not
        assert!(
            CALLS_TO_ACTION
                .iter()
                .all(|c| c.ends_with(|c: char| c.is_ascii_uppercase()))
        );
    }

    #[test]
    fn bylines_are_names_after_by() {
        assert!(is_byline("By Jane Roe and John Doe"));
        assert!(is_byline("**By Jane Roe**"));
        assert!(is_byline("By Jane Roe, staff writer"));
        assert!(!is_byline("By the end of the week the talks had stalled."));
    }
}
