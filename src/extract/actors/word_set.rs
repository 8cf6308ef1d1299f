//! Fixed word lists as sets with a quick first test: the actor scans ask them about nearly
//! every capitalised word and the word after every name, and nearly every answer is "no".

use rustc_hash::FxHashSet;

/// A set of words with, in front of it, one bit for each pair of length and first byte its
/// words have: a word whose pair has no bit is answered "no" from that bit alone, without
/// hashing it. Most words asked about are in none of the lists, and few share both their length
/// and their first letter with a listed word.
pub(crate) struct WordSet {
    words: FxHashSet<&'static str>,
    /// For each length (longer words counted as 15), bit `first byte % 64` for each word.
    quick: [u64; 16],
}

impl WordSet {
    pub(crate) fn new(words: &[&'static str]) -> Self {
        let mut quick = [0; 16];
        for w in words {
            if let Some(&first) = w.as_bytes().first() {
                quick[w.len().min(15)] |= 1 << (first & 63);
            }
        }
        Self {
            words: words.iter().copied().collect(),
            quick,
        }
    }

    pub(crate) fn contains(&self, word: &str) -> bool {
        let Some(&first) = word.as_bytes().first() else {
            return self.words.contains(word);
        };
        self.quick[word.len().min(15)] & (1 << (first & 63)) != 0 && self.words.contains(word)
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
}
