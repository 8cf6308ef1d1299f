//! Fixed word lists as sets with a quick first test: the actor scans ask them about nearly
//! every capitalised word and the word after every name, and nearly every answer is "no".

use rustc_hash::FxHashSet;

/// The length in bytes of the longest of `words`: a longer word is none of them, which a
/// list's callers test before comparing or hashing (most words asked about are longer than a
/// list of short words, or than any role word).
pub(crate) const fn longest_len(words: &[&str]) -> usize {
    let mut longest = 0;
    let mut i = 0;
    while i < words.len() {
        if words[i].len() > longest {
            longest = words[i].len();
        }
        i += 1;
    }
    longest
}

/// A set of words with, in front of it, one bit for each pair of length and first byte its
/// words have: a word whose pair has no bit is answered "no" from that bit alone, without
/// hashing it. Most words asked about are in none of the lists, and few share both their length
/// and their first letter with a listed word.
pub(crate) struct WordSet {
    words: FxHashSet<&'static str>,
    /// For each length (longer words counted as 15), bit `first byte % 64` for each word.
    quick: [u64; 16],
    /// Likewise for each word's last byte: a third of the words asked about share their length
    /// and first letter with a listed word (capitals are common first letters of names and
    /// titles alike), and far fewer also their last letter, so most of them are answered
    /// here rather than by hashing.
    quick_last: [u64; 16],
}

impl WordSet {
    pub(crate) fn new(words: &[&'static str]) -> Self {
        let (mut quick, mut quick_last) = ([0; 16], [0; 16]);
        for w in words {
            if let (Some(&first), Some(&last)) = (w.as_bytes().first(), w.as_bytes().last()) {
                quick[w.len().min(15)] |= 1 << (first & 63);
                quick_last[w.len().min(15)] |= 1 << (last & 63);
            }
        }
        Self {
            words: words.iter().copied().collect(),
            quick,
            quick_last,
        }
    }

    pub(crate) fn contains(&self, word: &str) -> bool {
        let (Some(&first), Some(&last)) = (word.as_bytes().first(), word.as_bytes().last()) else {
            return self.words.contains(word);
        };
        let len = word.len().min(15);
        self.quick[len] & (1 << (first & 63)) != 0
            && self.quick_last[len] & (1 << (last & 63)) != 0
            && self.words.contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::WordSet;

    #[test]
    fn finds_its_words_and_no_others() {
        let list = [
            "Minister",
            "Mr.",
            "Gen.",
            "Vice-President",
            "Superintendents",
            "ä",
            "",
        ];
        let set = WordSet::new(&list);
        assert!(list.iter().all(|w| set.contains(w)));
        for other in [
            "minister",
            "Mr",
            "General",
            "Vice-Presidents",
            "Superintendent",
            "á",
            "M",
        ] {
            assert!(!set.contains(other), "{other}");
        }
    }

    #[test]
    fn the_quick_tests_answer_as_the_set_does() {
        let list = [
            "Minister",
            "Mr.",
            "said",
            "troops",
            "CEO",
            "a",
            "Vice-President",
        ];
        let set = WordSet::new(&list);
        let plain: std::collections::HashSet<&str> = list.iter().copied().collect();
        let text = "Minister Ministers Mr. Mr said sand saiD troops troopS tropes CEO CFO CEOs a b A \
                    Vice-President Vice-Presidant vice-President minister Mr.. s";
        for word in text.split(' ').chain([""]) {
            assert_eq!(set.contains(word), plain.contains(word), "{word:?}");
        }
    }
}
