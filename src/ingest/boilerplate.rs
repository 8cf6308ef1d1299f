//! What a line is, judged by its shape alone: site furniture (banners, promotions, placeholders,
//! credits, copyright and mailing-list footers), bylines, and lines that read as prose.
//!
//! These are general shapes (keywords at the start, all-caps calls to action, brackets, length
//! and casing), not any one site's strings; where a line sits is judged in `layout`.

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

/// Whether a line is site furniture whatever its position.
pub(crate) fn is_furniture(line: &str) -> bool {
    let line = strip_markup(line.trim());
    if line.is_empty() {
        return true;
    }
    if is_placeholder(line) || is_separator(line) || is_link_only(line) {
        return true;
    }
    // A paragraph of prose is read no further than its 41st word, and only its opening is
    // lower-cased (for a copyright notice).
    let long = more_words_than(line, MAX_FURNITURE_WORDS);
    let lower = if long {
        line.chars().take(64).collect::<String>().to_lowercase()
    } else {
        line.to_lowercase()
    };
    // Copyright notices can run long; they are never prose.
    if ["copyright", "©", "(c) ", "all rights reserved"]
        .iter()
        .any(|o| opens_with(&lower, o))
    {
        return true;
    }
    if long {
        return false;
    }
    if ends_with_call_to_action(line) {
        return true;
    }
    if FURNITURE_OPENINGS.iter().any(|o| opens_with(&lower, o)) {
        return true;
    }
    let words = word_count(line);
    if words <= 6
        && SHORT_FURNITURE_OPENINGS
            .iter()
            .any(|o| opens_with(&lower, o))
    {
        return true;
    }
    // A short line carrying a furniture phrase; long ones may be prose that mentions it.
    words <= 25 && FURNITURE_PHRASES.iter().any(|p| lower.contains(p))
}

/// Whether a line reads as prose: several words, mostly lower-case, ending like a sentence.
pub(crate) fn is_prose(line: &str) -> bool {
    let line = strip_markup(line.trim());
    // Chinese and Japanese have no spaces between words: a run of their characters ending a
    // sentence (。！？) is prose, and so is any long run.
    let cjk = line.chars().filter(|&c| is_cjk(c)).count();
    if cjk >= 10 {
        let ends_like_sentence = line
            .trim_end_matches(['"', '\'', '’', '”', ')', '）', '」', '』', '*', '_'])
            .ends_with(['。', '！', '？', '.', '!', '?', '…']);
        return ends_like_sentence || cjk >= 80;
    }
    let words: Vec<&str> = line.split_whitespace().take(30).collect();
    if words.len() >= 30 {
        return true;
    }
    if words.len() < 4 {
        return false;
    }
    let ends_like_sentence = line
        .trim_end_matches(['"', '\'', '’', '”', ')', '*', '_'])
        .ends_with(['.', '?', '!', ':'])
        || line.ends_with(['"', '”', '’']);
    // Short questions are headlines ("Is this the end for Assad?").
    if line.ends_with('?') && words.len() < 10 {
        return false;
    }
    let alphabetic: Vec<&&str> = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    let lower_words = alphabetic
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .count();
    // News prose is thick with names, so a fifth of lower-case words (or three) is enough;
    // title-case headlines have almost none.
    ends_like_sentence && (lower_words >= 3 || lower_words * 5 >= alphabetic.len().max(1))
}

/// "By Jane Roe", "By JANE ROE and John Doe, Reuters", "By Jane Roe, staff writer": a name after
/// "By", short, and not a sentence ("By the end of the week the talks had stalled.").
pub(crate) fn is_byline(line: &str) -> bool {
    let line = strip_markup(line.trim());
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

/// Markdown emphasis and list markers around a line ("**By Jane Roe**", "_Oct 21, 2015_").
pub(crate) fn strip_markup(line: &str) -> &str {
    line.trim_matches(|c: char| c == '*' || c == '_' || c == '>' || c.is_whitespace())
}

/// Whether `line` has more than `limit` words (as [`word_count`] counts them), reading no
/// further than needed.
fn more_words_than(line: &str, limit: usize) -> bool {
    let mut count = 0;
    line.split_whitespace().any(|w| {
        count += if w.is_ascii() { 1 } else { word_count(w) };
        count > limit
    })
}

/// Words in `line`. Chinese, Japanese and Korean characters count one each (a sentence there
/// has no spaces), so a length rule means about the same for every script.
pub(crate) fn word_count(line: &str) -> usize {
    // Most text is ASCII: count runs of non-space bytes without decoding characters (a
    // third of reading a stream of news articles went into this count, several per paragraph).
    if line.is_ascii() {
        let mut words = 0;
        let mut in_word = false;
        for &b in line.as_bytes() {
            // char::is_whitespace on ASCII: the five of is_ascii_whitespace and vertical tab
            let space = b.is_ascii_whitespace() || b == 0x0b;
            words += usize::from(!space && !in_word);
            in_word = !space;
        }
        return words;
    }
    line.split_whitespace()
        .map(|w| {
            let cjk = w.chars().filter(|&c| is_cjk(c)).count();
            if cjk == 0 {
                1
            } else {
                cjk + usize::from(w.chars().any(|c| c.is_alphanumeric() && !is_cjk(c)))
            }
        })
        .sum()
}

/// A Han, kana or Hangul character: scripts written without spaces between words.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}'
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}'
        | '\u{ff66}'..='\u{ff9f}'
        | '\u{ac00}'..='\u{d7af}')
}

/// Whether `line` starts with the word(s) `opening`, not merely with its letters.
fn opens_with(line: &str, opening: &str) -> bool {
    line.strip_prefix(opening).is_some_and(|rest| {
        opening.ends_with(|c: char| !c.is_alphanumeric())
            || rest.chars().next().is_none_or(|c| !c.is_alphanumeric())
    })
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
        ] {
            assert_eq!(
                word_count(line),
                line.split_whitespace().count(),
                "{line:?}"
            );
        }
        assert!(is_prose(
            "MOSCOW, Oct. 21, 2015 (Example) -- The Kremlin said Wednesday that Syrian President Bashar al-Assad visited Moscow late Tuesday."
        ));
    }

    #[test]
    fn bylines_are_names_after_by() {
        assert!(is_byline("By Jane Roe and John Doe"));
        assert!(is_byline("**By Jane Roe**"));
        assert!(is_byline("By Jane Roe, staff writer"));
        assert!(!is_byline("By the end of the week the talks had stalled."));
    }
}
