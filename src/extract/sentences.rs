//! Sentence segmentation that survives news abbreviations; every sentence keeps its byte range.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (plus any closing quotes and brackets that follow)
//! when white space and a plausible sentence start come next, or at a blank line. The period of
//! an abbreviation ("Gen.", "U.S.", "Oct. 21", "No. 10", "George W. Bush") does not end one.

use std::ops::Range;

use crate::extract::eight_bytes::{HIGHS, ONES, any_in_block, first_flagged, skip_clear_blocks};

mod abbreviations;
use abbreviations::{
    COMPANY_SUFFIXES, IN_AMBIGUOUS, IN_COMPANY_SUFFIXES, IN_NUMBERED, IN_TITLES, MAX_ABBREVIATION,
    abbreviation_lists, lower_abbreviation,
};

/// Byte ranges (absolute, into `text`) of the sentences inside `range`, trimmed of surrounding
/// white space and in order. An out-of-bounds or non-boundary `range` is clamped to the text.
pub fn split(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    split_into(text, range, &mut out);
    out
}

/// [`split`], appending to `out`: an article's paragraphs are split into one list, instead
/// of a list of its own for each paragraph (tens of thousands of them in a stream) copied
/// into the article's.
pub fn split_into(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let end = range.end.min(text.len());
    let mut start = range.start.min(end);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = end;
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let slice = &text[start..end];
    let bytes = slice.as_bytes();
    let mut sentence_start = 0;
    let mut i = 0;
    // Only `.`, `!`, `?`, `…` and line breaks can end a sentence, so the scan steps over
    // bytes (a continuation byte of UTF-8 is never one of these) rather than decoding every
    // character: 32 at a time where none can end one, then eight at a time.
    while let Some(i_at) = next_may_end(bytes, i) {
        let Some(c) = slice[i_at..].chars().next() else {
            break;
        };
        i = i_at + c.len_utf8();
        let cut = match c {
            '.' | '!' | '?' | '…' => {
                // Swallow runs ("?!", "...") and the closing quotes/brackets after them.
                let mut after = i;
                for d in slice[after..].chars() {
                    if matches!(d, '.' | '!' | '?' | '…') || is_closer(d) {
                        after += d.len_utf8();
                    } else {
                        break;
                    }
                }
                i = after;
                ends_sentence(slice, sentence_start, i_at, c, after).then_some(after)
            }
            '\n' => {
                // A blank line always ends a sentence (headlines, datelines, list items).
                let rest = &slice[i_at + 1..];
                let blank = rest
                    .find(|ch: char| ch == '\n' || !ch.is_whitespace())
                    .is_some_and(|k| rest[k..].starts_with('\n'));
                blank.then_some(i_at)
            }
            // The lead byte of another character ("’", "—"): not a sentence end.
            _ => None,
        };
        if let Some(cut) = cut {
            push_trimmed(out, slice, start, sentence_start, cut);
            sentence_start = cut;
        }
    }
    push_trimmed(out, slice, start, sentence_start, slice.len());
}

/// The bytes [`split`] stops at: the ASCII sentence ends, the line break, and 0xE2, the lead
/// byte of "…" (and of other punctuation, which `split` then passes over).
static MAY_END: [bool; 256] = crate::extract::byte_set::of(MAY_END_BYTES);
const MAY_END_BYTES: &[u8; 5] = b".!?\n\xE2";

/// Whether [`split`]'s scan stops at byte `b`: one of [`MAY_END`]'s or, read eight at a time,
/// any byte of a character outside ASCII (see [`may_end`]).
fn may_end_byte(b: u8) -> bool {
    MAY_END[usize::from(b)] || !b.is_ascii()
}

/// The high bit of each byte of `eight` (eight bytes of text) that is an ASCII sentence end
/// or line break, or not ASCII at all (the scan meets the lead byte of a character first and
/// passes over the whole character unless it is "…"). A byte's low seven bits plus 0x7f keep
/// the high bit unless they equal an end's, and never carry into the next byte: one addition
/// an end, where an exact test of each of five bytes cost half as much again. Looking each
/// byte up in the table was half the cost of splitting a text, most of whose bytes end nothing.
#[inline(always)]
fn may_end(eight: u64) -> u64 {
    const LOWS: u64 = !HIGHS;
    let low = eight & LOWS;
    let differs = b".!?\n".iter().fold(HIGHS, |differs, &b| {
        differs & ((low ^ (ONES * u64::from(b))) + LOWS)
    });
    (!differs | eight) & HIGHS
}

/// How many bytes [`next_may_end`] passes over at once.
const BLOCK: usize = 32;

/// The first byte at or after `from` that [`split`]'s scan stops at ([`may_end_byte`]). Most
/// of a text's bytes end nothing: whether any of 32 bytes may end is asked of them all at
/// once, in a loop without branches that the compiler turns into a few vector comparisons,
/// and only the block that holds one is read eight bytes at a time ([`may_end`]). Reading all
/// the text eight bytes at a time cost three instructions a byte.
fn next_may_end(bytes: &[u8], from: usize) -> Option<usize> {
    let at = skip_clear_blocks::<BLOCK>(bytes, from, block_may_end);
    first_flagged(bytes, at, may_end, may_end_byte)
}

/// Whether any byte of `block` is one [`may_end_byte`] stops at: `.`, `!`, `?`, a line break
/// or a byte outside ASCII (the lead byte of "…" is one), tested all at once
/// ([`any_in_block`]).
#[inline(always)]
fn block_may_end(block: &[u8; BLOCK]) -> bool {
    any_in_block(block, |b| {
        (b == b'.') | (b == b'!') | (b == b'?') | (b == b'\n') | (b >= 0x80)
    })
}

/// Closing quotes and brackets that belong to the sentence they close.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

/// Whether the terminal punctuation `c` at byte `i` (its run ending at `after`) closes the
/// sentence that began at `sentence_start`.
fn ends_sentence(slice: &str, sentence_start: usize, i: usize, c: char, after: usize) -> bool {
    let rest = &slice[after..];
    let Some(first) = rest.chars().next() else {
        return true;
    };
    if !first.is_whitespace() {
        // "3.5", "U.S.-led", "yahoo.com": no white space, no boundary.
        return false;
    }
    let next_word = rest.trim_start();
    let Some(next) = next_word.chars().next() else {
        return true;
    };
    if next.is_lowercase() || matches!(next, ',' | ';' | ':' | ')' | '-' | '–' | '—') {
        // "'No.' he said", "3 p.m. on Tuesday", "etc., and".
        return false;
    }
    if c != '.' {
        return true;
    }
    let word = word_before(slice, sentence_start, i);
    let next_is_digit = next.is_ascii_digit();
    let mut buf = [0; MAX_ABBREVIATION];
    let lists = abbreviation_lists(lower_abbreviation(word, &mut buf));
    let is_in = |list: u8| lists & list != 0;
    if is_in(IN_TITLES) {
        return false;
    }
    if is_in(IN_NUMBERED) && next_is_digit {
        // "Oct. 21", "No. 10", "Vol. 3".
        return false;
    }
    let initial = word.len() == 1 && word.chars().all(|ch| ch.is_uppercase());
    if initial {
        // "George W. Bush", "J. R. R. Tolkien".
        return false;
    }
    let acronym = word.contains('.');
    if acronym || is_in(IN_AMBIGUOUS) {
        // "the U.S. Army" vs "in the U.S. The talks...": only a typical opener ends it.
        return starts_like_a_sentence(next_word)
            || is_in(IN_COMPANY_SUFFIXES) && opens_with_a_speaker(next_word);
    }
    true
}

/// Whether `rest` begins with a name of one or two words and its verb ("Henderson said",
/// "Anna Berg told"): after a company's "Co." or "Inc." that is a new sentence's subject, while
/// "Co. Ltd" and "Corp. of America" go on naming the company.
fn opens_with_a_speaker(rest: &str) -> bool {
    let mut words = rest.split_whitespace();
    for _ in 0..2 {
        let Some(word) = words.next() else {
            return false;
        };
        let name = word.trim_end_matches(['.', ',']).to_ascii_lowercase();
        if !word.starts_with(|c: char| c.is_uppercase())
            || !word
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
            || COMPANY_SUFFIXES.contains(&name.as_str())
        {
            return false;
        }
        if words
            .clone()
            .next()
            .is_some_and(|verb| SPEAKER_VERBS.contains(&verb.trim_end_matches([',', '.'])))
        {
            return true;
        }
    }
    false
}

/// The token that ends just before byte `dot` (letters and inner periods, e.g. "U.S", "Gen").
fn word_before(slice: &str, sentence_start: usize, dot: usize) -> &str {
    let head = &slice[sentence_start..dot];
    let begin = head
        .char_indices()
        .rev()
        .find(|&(_, ch)| !(ch.is_alphanumeric() || ch == '.'))
        .map_or(0, |(k, ch)| k + ch.len_utf8());
    &head[begin..]
}

/// Whether `rest` begins with a word that commonly opens a news sentence.
fn starts_like_a_sentence(rest: &str) -> bool {
    let end = rest
        .char_indices()
        .find(|&(_, ch)| !(ch.is_alphabetic() || ch == '\'' || ch == '’'))
        .map_or(rest.len(), |(at, _)| at);
    let word = &rest[..end];
    if word.is_empty() {
        // Opening quotes, brackets, numbers: most likely a new sentence.
        return !rest.starts_with(|ch: char| ch.is_ascii_digit());
    }
    OPENERS.contains(&word)
}

fn push_trimmed(out: &mut Vec<Range<usize>>, slice: &str, base: usize, from: usize, to: usize) {
    let piece = &slice[from..to];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        push_capped(out, slice, base, from + lead, to - trail);
    }
}

/// Longer than this, a "sentence" is a run-on (a page with no punctuation, a table flattened
/// into one line), and every event dated in it would quote all of it: a 10 MB line once
/// needed tens of gigabytes. It is cut at white space into pieces no longer than this.
const MAX_SENTENCE_BYTES: usize = 2_000;

fn push_capped(out: &mut Vec<Range<usize>>, slice: &str, base: usize, from: usize, to: usize) {
    let mut start = from;
    while to - start > MAX_SENTENCE_BYTES {
        let mut limit = start + MAX_SENTENCE_BYTES;
        while !slice.is_char_boundary(limit) {
            limit -= 1;
        }
        let cut = slice[start..limit]
            .char_indices()
            .rfind(|(_, c)| c.is_whitespace())
            .map_or(limit, |(i, _)| start + i)
            .max(start + 1);
        let mut cut = cut;
        while !slice.is_char_boundary(cut) {
            cut += 1;
        }
        let piece = &slice[start..cut];
        out.push(base + start..base + start + piece.trim_end().len());
        start = cut + (slice[cut..to].len() - slice[cut..to].trim_start().len());
    }
    if start < to {
        out.push(base + start..base + to);
    }
}

/// Verbs that follow a person named at the start of a sentence.
const SPEAKER_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "announced",
    "wrote",
    "stated",
    "noted",
    "declined",
    "replied",
    "agreed",
    "warned",
    "explained",
    "argued",
    "insisted",
    "confirmed",
    "denied",
    "has",
    "had",
    "is",
    "was",
    "will",
    "would",
];

/// Words that commonly open a news sentence; after an ambiguous abbreviation they signal a
/// boundary.
const OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "In",
    "On",
    "At",
    "For",
    "As",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "Since",
    "Its",
    "His",
    "Her",
    "Their",
    "Our",
    "Some",
    "Many",
    "Most",
    "Meanwhile",
    "However",
    "Still",
    "Also",
    "Then",
    "Now",
    "Last",
    "Earlier",
    "Later",
    "According",
    "Officials",
    "Analysts",
    "Asked",
    "No",
    "Not",
    "What",
    "Why",
    "How",
    "Who",
    "Where",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_eight_byte_scan_stops_at_every_byte_the_table_holds() {
        crate::extract::eight_bytes::check_first_flags(may_end, may_end_byte, *b"abcdefgh");
        // every byte the table holds is one the scan stops at
        assert!((0..=255).all(|b| !MAY_END[usize::from(b)] || may_end_byte(b)));
    }

    #[test]
    fn the_block_scan_stops_where_the_eight_byte_scan_stops() {
        // every byte in every place of a block, the blocks before it plain or not
        for b in 0..=255u8 {
            for at in [0, 1, 7, 8, 31, 32, 33, 63, 64, 65, 100] {
                let mut bytes = b"The talks resumed on Monday, officials said; they ".repeat(3);
                bytes.truncate(110);
                bytes[at] = b;
                for from in [0, 1, at.saturating_sub(1), at, at + 1] {
                    assert_eq!(
                        next_may_end(&bytes, from),
                        first_flagged(&bytes, from, may_end, may_end_byte),
                        "{b:#x} at {at} from {from}"
                    );
                }
            }
        }
        // the block test itself says what the byte test says of each byte
        for b in 0..=255u8 {
            let mut block = [b'a'; BLOCK];
            block[BLOCK - 1] = b;
            assert_eq!(block_may_end(&block), may_end_byte(b), "{b:#x}");
        }
    }

    fn sentences(text: &str) -> Vec<&str> {
        split(text, 0..text.len())
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn news_sentences_split_where_a_reader_would() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Talks resume today. Officials expect a deal.",
                &["Talks resume today.", "Officials expect a deal."],
            ),
            (
                "The U.S. Army moved in. Gen. Smith said so.",
                &["The U.S. Army moved in.", "Gen. Smith said so."],
            ),
            (
                "Troops left the U.S. The base closed.",
                &["Troops left the U.S.", "The base closed."],
            ),
            (
                "They met on Oct. 21 in Vienna. Mr. Kerry flew home.",
                &["They met on Oct. 21 in Vienna.", "Mr. Kerry flew home."],
            ),
            (
                "It starts at 3 p.m. on Tuesday. Nobody came.",
                &["It starts at 3 p.m. on Tuesday.", "Nobody came."],
            ),
            (
                "He lives at No. 10 Downing St. near the park. Fine.",
                &["He lives at No. 10 Downing St. near the park.", "Fine."],
            ),
            (
                "George W. Bush spoke. Then he left.",
                &["George W. Bush spoke.", "Then he left."],
            ),
            (
                "Shares of Acme Inc. rose 3.5 percent. Acme Inc. The firm grew.",
                &[
                    "Shares of Acme Inc. rose 3.5 percent.",
                    "Acme Inc.",
                    "The firm grew.",
                ],
            ),
            (
                "Banks lent money to Tollund Co. Vasquez said the loans were safe.",
                &[
                    "Banks lent money to Tollund Co.",
                    "Vasquez said the loans were safe.",
                ],
            ),
            (
                "The bid came from Marlow Corp. Priya Natarajan told staff on Friday.",
                &[
                    "The bid came from Marlow Corp.",
                    "Priya Natarajan told staff on Friday.",
                ],
            ),
            (
                "Harrow Co. Ltd bought a mill. Delta Corp. of Ohio sold it. Fenwick Inc. Chief Executive Ann Ruiz said so.",
                &[
                    "Harrow Co. Ltd bought a mill.",
                    "Delta Corp. of Ohio sold it.",
                    "Fenwick Inc. Chief Executive Ann Ruiz said so.",
                ],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(sentences(text), *expected, "{text}");
        }
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        let cases: &[(&str, &[&str])] = &[
            (
                "He said \"we will win.\" Nobody agreed.",
                &["He said \"we will win.\"", "Nobody agreed."],
            ),
            (
                "She said ‘it is over.’ Then silence.",
                &["She said ‘it is over.’", "Then silence."],
            ),
            (
                "“We are ready,” he said. “Are you?” she asked.",
                &["“We are ready,” he said.", "“Are you?” she asked."],
            ),
            (
                "'No.' he said. 'Why?' Later it rained.",
                &["'No.' he said.", "'Why?'", "Later it rained."],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(sentences(text), *expected, "{text}");
        }
    }

    #[test]
    fn dashes_and_numbers_do_not_split() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Russia struck late last month -- rejecting the view of U.S.-led forces. Done.",
                &[
                    "Russia struck late last month -- rejecting the view of U.S.-led forces.",
                    "Done.",
                ],
            ),
            (
                "Growth was 2.5 percent — the best since 2011. Really!",
                &["Growth was 2.5 percent — the best since 2011.", "Really!"],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(sentences(text), *expected, "{text}");
        }
    }

    #[test]
    fn blank_lines_end_headlines_and_datelines() {
        let text = "Lavrov To Meet Kerry\n\nOctober 21, 2015\n\nRussia says talks resume.";
        assert_eq!(
            sentences(text),
            [
                "Lavrov To Meet Kerry",
                "October 21, 2015",
                "Russia says talks resume."
            ]
        );
    }

    #[test]
    fn ranges_are_absolute_and_stay_inside_the_paragraph() {
        let text = "Skip this. First one. Second one! Skip that.";
        let start = text.find("First").unwrap_or(0);
        let end = text.find(" Skip that").unwrap_or(text.len());
        let got: Vec<&str> = split(text, start..end)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(got, ["First one.", "Second one!"]);
        assert!(split(text, 5..500).iter().all(|r| r.end <= text.len()));
        assert!(split("", 0..0).is_empty());
    }

    #[test]
    fn run_on_text_is_cut_at_white_space_into_bounded_pieces() {
        let text = "talks went on through the night in Geneva — ".repeat(500);
        let pieces = split(&text, 0..text.len());
        assert!(pieces.len() > 5);
        for r in &pieces {
            assert!(r.len() <= MAX_SENTENCE_BYTES, "{r:?}");
            let piece = &text[r.clone()];
            assert_eq!(piece, piece.trim(), "{r:?}");
        }
        let rejoined: Vec<&str> = pieces.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(rejoined.join(" "), text.trim_end());
        let unbroken = "x".repeat(5_000);
        assert_eq!(split(&unbroken, 0..5_000).len(), 3);
    }
}
