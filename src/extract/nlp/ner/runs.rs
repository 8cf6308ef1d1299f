//! Runs of capitalised words ("Zorbix Holdings", "Department of Defense"): one reading for
//! training (a run per word of the sentence), and one for the decisions at run time, which
//! passes over the words that are not capitalised eight at a time and keeps each run once
//! (most words of a sentence are in none, and a decision asks only for its own word's run).

use std::ops::Range;

use crate::extract::nlp::features::Tok;

/// A run of capitalised words, seen from each of its words: the last word usually says what
/// kind of name it is (Holdings, Bank, Street, Grill), and the word before the run how it is
/// used ("in", "at", "said").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) struct Run {
    pub head: u64,
    pub first: u64,
    pub before: u64,
    pub len: u64,
}

/// Lower-case words that may join two capitalised words into one name.
fn connects(word: &str) -> bool {
    matches!(
        word,
        "of" | "and" | "&" | "for" | "de" | "du" | "la" | "von" | "van" | "der" | "al"
    )
}

/// The runs of capitalised words of a sentence, as seen from each word.
pub(super) fn runs(words: &[&str], toks: &[Tok]) -> Vec<Option<Run>> {
    let n = words.len();
    let cap = |i: usize| words[i].starts_with(char::is_uppercase);
    let mut out = vec![None; n];
    each_run(
        n,
        |from| (from..n).find(|&i| cap(i)).unwrap_or(n),
        cap,
        |i| words[i],
        |at| toks[at].lower,
        |words, run| out[words].fill(Some(run)),
    );
    out
}

/// Every run of capitals of the `n` words `word(i)`, capitalised where `cap(i)`, whose
/// lower-cased hashes are `lower(at)` by padded index (`i + 2`), handed to `found` with the
/// words it spans, in order. `next_cap(from)` is the first capitalised word at or after `from`
/// (`n` when none is), so a caller that can skip the other words quickly does. Only the hashes
/// of a run's first and last word and of the word before it are read.
pub(super) fn each_run<'a>(
    n: usize,
    next_cap: impl Fn(usize) -> usize,
    cap: impl Fn(usize) -> bool,
    word: impl Fn(usize) -> &'a str,
    lower: impl Fn(usize) -> u64,
    mut found: impl FnMut(Range<usize>, Run),
) {
    let mut i = next_cap(0);
    while i < n {
        let start = i;
        let mut end = i + 1;
        loop {
            if end < n && cap(end) {
                end += 1;
            } else if end + 1 < n && connects(word(end)) && cap(end + 1) {
                end += 2;
            } else {
                break;
            }
        }
        let run = Run {
            head: lower(end - 1 + 2),
            first: lower(start + 2),
            before: lower(start + 1),
            len: (end - start).min(4) as u64,
        };
        found(start..end, run);
        i = next_cap(end);
    }
}

/// The runs of a sentence read in order of their words: the decisions go left to right, so the
/// run of each decided word is found by moving forward from the last one asked for.
#[derive(Default)]
pub(super) struct RunsInOrder {
    /// Each run, with the words it spans, in order.
    runs: Vec<(Range<usize>, Run)>,
    /// The first run not ending before the word last asked for.
    next: usize,
}

impl RunsInOrder {
    /// Forgets the last sentence's runs; [`RunsInOrder::push`] adds the next one's.
    pub fn clear(&mut self) {
        self.runs.clear();
        self.next = 0;
    }

    /// Adds the run spanning `words`, after those added.
    pub fn push(&mut self, words: Range<usize>, run: Run) {
        self.runs.push((words, run));
    }

    /// The run word `i` stands in, if any; `i` must not be before a word asked for earlier.
    #[inline]
    pub fn at(&mut self, i: usize) -> Option<Run> {
        while self.runs.get(self.next).is_some_and(|(w, _)| w.end <= i) {
            self.next += 1;
        }
        match self.runs.get(self.next) {
            Some((w, run)) if w.start <= i => Some(*run),
            _ => None,
        }
    }

    /// Gives back the room of an unusually long sentence (see `Scratch::shrink_sentence`).
    pub fn shrink_to(&mut self, most: usize) {
        self.runs.shrink_to(most);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::nlp::features;

    #[test]
    fn a_run_of_capitals_is_seen_from_each_of_its_words() {
        let words = [
            "staff",
            "at",
            "the",
            "Department",
            "of",
            "Defense",
            "said",
            "so",
        ];
        let toks = features::padded(&words);
        let r = runs(&words, &toks);
        assert!(r[..3].iter().all(Option::is_none));
        for run in &r[3..6] {
            let run = run.expect("inside the run");
            assert_eq!(run.head, Tok::new("Defense").lower);
            assert_eq!(run.before, Tok::new("the").lower);
            assert_eq!(run.len, 3);
        }
        assert!(r[6].is_none());
    }

    #[test]
    fn runs_kept_once_and_read_in_order_are_those_seen_from_each_word() {
        let sentences = [
            "staff at the Department of Defense said so",
            "Bank of America and Zorbix Holdings of New York",
            "A B C D E F G H I J K L M N O P Q of R",
            "the end of",
            "Of and",
            "IBM",
            "",
        ];
        for s in sentences {
            let words: Vec<&str> = s.split(' ').filter(|w| !w.is_empty()).collect();
            let toks = features::padded(&words);
            let want = runs(&words, &toks);
            let n = words.len();
            let cap = |i: usize| words[i].starts_with(char::is_uppercase);
            let mut kept = RunsInOrder::default();
            each_run(
                n,
                |from| (from..n).find(|&i| cap(i)).unwrap_or(n),
                cap,
                |i| words[i],
                |at| toks[at].lower,
                |w, run| kept.push(w, run),
            );
            let got: Vec<Option<Run>> = (0..n).map(|i| kept.at(i)).collect();
            assert_eq!(got, want, "{s}");
        }
    }
}
