//! The gazetteer's names as one sorted table of ASCII-lower-cased keys, which answers "the
//! longest name this text starts with" by binary search. It replaces an Aho–Corasick automaton
//! that the gazetteer only ever ran anchored at a capitalised word: building the automaton's
//! failure links for ~40k names cost a quarter of a second on every run, where sorting the
//! keys costs a few milliseconds and a query stays a handful of short comparisons.

/// Keys (ASCII-lower-cased names) in byte order, each with the pattern number it was added as.
pub(crate) struct Prefixes {
    /// Every key's bytes, one after another.
    bytes: Vec<u8>,
    /// (start in `bytes`, length, pattern), sorted by the key's bytes.
    keys: Vec<(u32, u32, u32)>,
    /// The longest key, in bytes: how much of the text a query needs to look at.
    longest: usize,
    /// For each byte value, the first key starting with that byte or a greater one (and
    /// the number of keys last): a query searches only the keys of the text's first byte.
    by_first_byte: Vec<usize>,
}

impl Prefixes {
    /// The table of `patterns`; a query returns the index of the pattern it found. Patterns
    /// that are equal ignoring ASCII case are one key: the first of them is the one kept. An
    /// empty pattern is never found.
    pub(crate) fn new(patterns: &[&str]) -> Self {
        let mut bytes = Vec::with_capacity(patterns.iter().map(|p| p.len()).sum());
        let mut keys = Vec::with_capacity(patterns.len());
        let mut longest = 0;
        for (i, p) in patterns.iter().enumerate().filter(|(_, p)| !p.is_empty()) {
            let (Ok(start), Ok(len), Ok(pattern)) = (
                u32::try_from(bytes.len()),
                u32::try_from(p.len()),
                u32::try_from(i),
            ) else {
                break;
            };
            bytes.extend(p.bytes().map(|b| b.to_ascii_lowercase()));
            keys.push((start, len, pattern));
            longest = longest.max(p.len());
        }
        let key =
            |&(start, len, _): &(u32, u32, u32)| &bytes[start as usize..(start + len) as usize];
        // Of two equal keys the first added comes first, and is kept.
        keys.sort_unstable_by(|a, b| key(a).cmp(key(b)).then(a.2.cmp(&b.2)));
        keys.dedup_by(|later, first| key(later) == key(first));
        let by_first_byte = (0..=256)
            .map(|b| keys.partition_point(|k| key(k).first().is_some_and(|&f| usize::from(f) < b)))
            .collect();
        Self {
            bytes,
            keys,
            longest,
            by_first_byte,
        }
    }

    fn key(&self, k: usize) -> &[u8] {
        let (start, len, _) = self.keys[k];
        &self.bytes[start as usize..(start + len) as usize]
    }

    /// The pattern and length of the longest key that `text` starts with, comparing ASCII
    /// letters without case (other bytes exactly); `window` is scratch space the caller keeps.
    pub(crate) fn longest_prefix(
        &self,
        text: &[u8],
        window: &mut Vec<u8>,
    ) -> Option<(usize, usize)> {
        window.clear();
        window.extend(
            text[..text.len().min(self.longest)]
                .iter()
                .map(u8::to_ascii_lowercase),
        );
        let mut wanted: &[u8] = window;
        let first = usize::from(*wanted.first()?);
        // every prefix of the text starts with its first byte
        let from = self.by_first_byte[first];
        let mut below = self.by_first_byte[first + 1];
        // The greatest key not after `wanted` is the longest prefix when it is one. When it is
        // not, every prefix of `wanted` is also a prefix of the bytes the two share, and sorts
        // before that key: look again for those, among the keys before it.
        loop {
            let k = from
                + self.keys[from..below].partition_point(|&(start, len, _)| {
                    &self.bytes[start as usize..(start + len) as usize] <= wanted
                });
            let k = k.checked_sub(1).filter(|&k| k >= from)?;
            let key = self.key(k);
            if wanted.starts_with(key) {
                return Some((self.keys[k].2 as usize, key.len()));
            }
            let shared = key.iter().zip(wanted).take_while(|(a, b)| a == b).count();
            wanted = &wanted[..shared];
            below = k;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(table: &Prefixes, text: &str) -> Option<(usize, usize)> {
        table.longest_prefix(text.as_bytes(), &mut Vec::new())
    }

    #[test]
    fn the_longest_name_a_text_starts_with_wins_whatever_its_case() {
        let table = Prefixes::new(&[
            "Bank",
            "Bank of England",
            "Bank of Japan",
            "Banks",
            "IS",
            "",
            "Azerbaijan",
            "Canada",
        ]);
        assert_eq!(found(&table, "Bank of England said"), Some((1, 15)));
        assert_eq!(found(&table, "BANK OF JAPAN"), Some((2, 13)));
        // "Bank of Eng" shares most with "Bank of England" yet only "Bank" is a prefix of it
        assert_eq!(found(&table, "Bank of Eng"), Some((0, 4)));
        assert_eq!(found(&table, "Bankside"), Some((3, 5)));
        assert_eq!(found(&table, "Bankrupt"), Some((0, 4)));
        assert_eq!(found(&table, "is it"), Some((4, 2)));
        assert_eq!(found(&table, "Ban"), None);
        assert_eq!(found(&table, "Apple"), None);
        assert_eq!(found(&table, "Canada's"), Some((7, 6)));
        assert_eq!(found(&table, "Cab"), None);
        assert_eq!(found(&table, ""), None);
    }

    #[test]
    fn names_equal_but_for_case_keep_the_first() {
        let table = Prefixes::new(&["Us", "US", "Üs", "üs"]);
        assert_eq!(found(&table, "us"), Some((0, 2)));
        assert_eq!(found(&table, "Üs"), Some((2, 3)));
        assert_eq!(found(&table, "üs"), Some((3, 3)));
    }
}
