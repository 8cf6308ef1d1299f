//! The gazetteer's names as one sorted table of ASCII-lower-cased keys, which answers "the
//! longest name this text starts with" by binary search. It replaces an Aho–Corasick automaton
//! that the gazetteer only ever ran anchored at a capitalised word: building the automaton's
//! failure links for ~40k names cost a quarter of a second on every run, where sorting the
//! keys costs a few milliseconds and a query stays a handful of short comparisons.

use std::borrow::Cow;

use super::number_set::NumberSet;
use crate::extract::eight_bytes::{HIGHS, ONES, eight_at, in_range, non_letters, pieces};

/// Keys (ASCII-lower-cased names) in byte order, each with the pattern number it was added as.
///
/// Every part is a run of little-endian numbers ([`Numbers`]) read where it lies: in the
/// gazetteer's `compiled.bin` for the shipped table ([`Prefixes::of_compiled`]), so a start
/// copies none of its ~1.9 MB into fresh memory (that copy was ~450 page faults at every
/// start), or in memory of its own for a table made at run time ([`Prefixes::new`]).
pub(crate) struct Prefixes {
    /// Every key's bytes, one after another, in key order: the keys a query compares with lie
    /// close together in memory.
    bytes: Cow<'static, [u8]>,
    /// Per key, sorted by the key's bytes: its start in `bytes`, its length and its pattern,
    /// three numbers.
    keys: Numbers<4>,
    /// For each two-byte value `a << 8 | b`, the first key whose first two bytes (the second
    /// counted as 0 for a key of one byte) are that value or greater, and the number of keys
    /// last: a query searches only the few keys that start as the text does, one random
    /// memory access away instead of a dozen across the whole table.
    by_two_bytes: Numbers<4>,
    /// For each two-byte bucket, the length of its longest key (at least 1, at most
    /// `u16::MAX`): a query lower-cases only that much of the text, not as much as the
    /// longest key at every capitalised word.
    longest_in: Numbers<2>,
    /// Per key (in key order), its first eight bytes as [`head`] gives them: a query's binary
    /// search compares these numbers and reads a key's bytes only when they are equal.
    heads: Numbers<8>,
    /// The [`first_word_key`] of every key: see [`Prefixes::may_reach_word_end`].
    first_words: FirstWords,
    /// Per key (in key order), the longest other key that is a prefix of it, or [`NO_KEY`]:
    /// a query that does not start with the key it finds walks these ("Bank of Eng" finds
    /// "bank of england", then its "bank of", then "bank") instead of searching again.
    shorter: Numbers<4>,
}

mod compiled;
mod lowered;

pub(crate) use compiled::Compiled;
use compiled::{FirstWords, Numbers};
use lowered::Lowered;

/// No key, in [`Prefixes::shorter`].
const NO_KEY: u32 = u32::MAX;

/// The run of ASCII letters and digits `bytes` starts with, as one number other than 0: its
/// first seven bytes ASCII-lower-cased (from the lowest byte), and one more than its length in
/// the highest byte, a run longer than eight bytes counted as eight. Runs equal but for ASCII
/// case have the same number. The text is read as one eight-byte number where it goes on that
/// far (nearly always): the gazetteer's scan asks this at every capitalised word.
fn first_word_key(bytes: &[u8]) -> u64 {
    let (eight, run) = match eight_at(bytes, 0) {
        Some(eight) => {
            let digits = in_range(eight & !HIGHS, b'0', b'9') & !eight;
            let stops = non_letters(eight) & !digits;
            // the lowest flagged byte is where the run ends; none flagged counts as eight
            (eight, (stops.trailing_zeros() / 8) as usize)
        }
        None => {
            let run = bytes
                .iter()
                .position(|b| !b.is_ascii_alphanumeric())
                .unwrap_or(bytes.len())
                .min(8);
            let mut word = [0u8; 8];
            word[..run.min(7)].copy_from_slice(&bytes[..run.min(7)]);
            (u64::from_le_bytes(word), run)
        }
    };
    let kept = run.min(7);
    let mask = (1u64 << (8 * kept)) - 1;
    // OR-ing 0x20 lower-cases an ASCII letter and leaves an ASCII digit as it is
    ((eight | (ONES * 0x20)) & mask) | ((run as u64 + 1) << 56)
}

/// The number `digits` writes in decimal (at most nine digits, nothing else), or `None`.
fn decimal(digits: &[u8]) -> Option<usize> {
    if digits.is_empty() || digits.len() > 9 {
        return None;
    }
    digits.iter().try_fold(0, |n, &d| {
        d.is_ascii_digit().then(|| n * 10 + usize::from(d - b'0'))
    })
}

/// A key's first eight bytes as a big-endian number (zero-padded): comparing these orders keys
/// as their bytes do whenever they differ, so sorting compares whole keys only on a tie.
fn head(key: &[u8]) -> u64 {
    if let Some(eight) = key.first_chunk::<8>() {
        return u64::from_be_bytes(*eight);
    }
    let mut eight = [0u8; 8];
    let n = key.len().min(8);
    eight[..n].copy_from_slice(&key[..n]);
    u64::from_be_bytes(eight)
}

/// The [`bucket`] of the key whose [`head`] is `head`: its top two bytes are the key's first
/// two (the second 0 for a key of one byte).
fn bucket_of_head(head: u64) -> usize {
    (head >> 48) as usize
}

/// A key's first two bytes as one bucket number (a key of one byte in the bucket of its byte
/// followed by 0, where it sorts first).
fn bucket(key: &[u8]) -> usize {
    match key {
        [] => 0,
        [a] => usize::from(*a) << 8,
        [a, b, ..] => usize::from(*a) << 8 | usize::from(*b),
    }
}

/// Per key of a sorted table (`keys` as (start in `bytes`, length, pattern), `heads` their
/// [`head`]s), the longest other key that is a prefix of it, or [`NO_KEY`]: see
/// [`Prefixes::shorter`].
fn shorter_keys(bytes: &[u8], keys: &[(u32, u32, u32)], heads: &[u64]) -> Vec<u32> {
    // In key order a key comes right after its prefixes and every key between them starts
    // with them. A stack holds the keys that are prefixes of the key before (the longest on
    // top); those of them no longer than what that key and the next share are the next key's
    // prefixes. What two keys share is told by their heads when they differ there, which is
    // nearly always, without reading their bytes.
    let mut shorter = Vec::with_capacity(keys.len());
    let mut prefixes: Vec<(u32, u32)> = Vec::new();
    for k in 0..keys.len() {
        let len = keys[k].1;
        let reach = k.checked_sub(1).map_or(0, |before| {
            let differ = heads[before] ^ heads[k];
            let shared = if differ != 0 {
                differ.leading_zeros() / 8
            } else {
                let [a, b] = [before, k].map(|i| {
                    let (start, len, _) = keys[i];
                    &bytes[start as usize..(start + len) as usize]
                });
                let rest = a.iter().skip(8).zip(b.iter().skip(8));
                // fits in u32: no longer than a key
                8 + rest.take_while(|(x, y)| x == y).count() as u32
            };
            // a head pads a short key with zeros, which may match the other key's bytes
            shared.min(keys[before].1).min(len)
        });
        while prefixes.last().is_some_and(|&(_, prefix)| prefix > reach) {
            prefixes.pop();
        }
        shorter.push(prefixes.last().map_or(NO_KEY, |&(p, _)| p));
        // fits in u32: fewer keys than `u32::MAX`, checked where they were numbered
        prefixes.push((k as u32, len));
    }
    shorter
}

/// The set of the [`first_word_key`]s of `keys` (start in `bytes`, length, pattern).
fn first_words_of(bytes: &[u8], keys: &[(u32, u32, u32)]) -> NumberSet {
    // many names share a first word ("John", "New", "United"): sized for half the keys
    let mut first_words = NumberSet::with_capacity(keys.len() / 2);
    for &(start, len, _) in keys {
        first_words.insert(first_word_key(
            &bytes[start as usize..(start + len) as usize],
        ));
    }
    first_words
}

impl Prefixes {
    /// The table of `patterns`; a query returns the index of the pattern it found. Patterns
    /// that are equal ignoring ASCII case are one key: the first of them is the one kept. An
    /// empty pattern is never found.
    pub(crate) fn new(patterns: &[&str]) -> Self {
        let mut lowered = Vec::with_capacity(patterns.iter().map(|p| p.len()).sum());
        let mut keys = Vec::with_capacity(patterns.len());
        for (i, p) in patterns.iter().enumerate().filter(|(_, p)| !p.is_empty()) {
            let (Ok(start), Ok(len), Ok(pattern), Ok(_)) = (
                u32::try_from(lowered.len()),
                u32::try_from(p.len()),
                u32::try_from(i),
                u32::try_from(lowered.len() + p.len()),
            ) else {
                break;
            };
            lowered.extend_from_slice(p.as_bytes());
            keys.push((start, len, pattern));
        }
        // lower-cased at once rather than a byte at a time as each name is added
        lowered.make_ascii_lowercase();
        let key =
            |&(start, len, _): &(u32, u32, u32)| &lowered[start as usize..(start + len) as usize];
        // Of two equal keys the first added comes first, and is kept. The keys' first eight
        // bytes decide most comparisons as one number: sorting ~60k names this way is several
        // times cheaper than comparing byte slices each time.
        let headed: Vec<(u64, (u32, u32, u32))> = keys.iter().map(|k| (head(key(k)), *k)).collect();
        let order = |(ha, a): &(u64, (u32, u32, u32)), (hb, b): &(u64, (u32, u32, u32))| {
            ha.cmp(hb)
                .then_with(|| key(a).cmp(key(b)))
                .then(a.2.cmp(&b.2))
        };
        // A head's top two bytes are its key's two-byte bucket, and order the buckets as the
        // heads do: the keys are placed by bucket first (a counting sort), then each bucket,
        // a few dozen keys, is sorted alone. The same order as one sort of all of them, for a
        // third of the comparisons (this sort was most of the table's cost to build).
        let mut starts = vec![0usize; (1 << 16) + 1];
        for (h, _) in &headed {
            starts[bucket_of_head(*h) + 1] += 1;
        }
        for b in 1..starts.len() {
            starts[b] += starts[b - 1];
        }
        let mut next = starts.clone();
        let mut sorted = vec![(0, (0, 0, 0)); headed.len()];
        for item in headed {
            let b = bucket_of_head(item.0);
            sorted[next[b]] = item;
            next[b] += 1;
        }
        for bucket in starts.windows(2) {
            if bucket[1] - bucket[0] > 1 {
                sorted[bucket[0]..bucket[1]].sort_unstable_by(order);
            }
        }
        sorted.dedup_by(|later, first| key(&later.1) == key(&first.1));
        // the heads, already made for the sort, stay with their keys
        let (heads, mut keys): (Vec<u64>, Vec<(u32, u32, u32)>) = sorted.into_iter().unzip();
        // the bytes again, in key order
        let mut bytes = Vec::with_capacity(lowered.len());
        for k in &mut keys {
            let from = k.0 as usize..(k.0 + k.1) as usize;
            // fits in u32: no more bytes than `lowered`, whose length was checked above
            k.0 = bytes.len() as u32;
            bytes.extend_from_slice(&lowered[from]);
        }
        Self::of_sorted(bytes, keys, heads)
    }

    /// The table of `patterns` as [`Prefixes::new`] makes it, taking their key order from
    /// `order` (the pattern numbers in key order, one a line, `#` lines skipped) instead of
    /// sorting, when it holds: every pattern listed once, none empty, each key after the one
    /// before. Then there are no equal keys and no ties, so the table is the one the sort
    /// makes; otherwise (tables edited without their order) the patterns are sorted. The
    /// check is one comparison per key, mostly of two numbers, where the sort was most of the
    /// cost of building the gazetteer at every start.
    pub(crate) fn with_order(patterns: &[&str], order: &str) -> Self {
        Self::in_order(patterns, order).unwrap_or_else(|| Self::new(patterns))
    }

    /// [`Prefixes::with_order`] when `order` holds, else `None`.
    pub(crate) fn in_order(patterns: &[&str], order: &str) -> Option<Self> {
        let total = patterns.iter().map(|p| p.len()).sum();
        u32::try_from(total).ok()?;
        u32::try_from(patterns.len()).ok()?;
        let mut bytes = Vec::with_capacity(total);
        let mut keys: Vec<(u32, u32, u32)> = Vec::with_capacity(patterns.len());
        let mut heads: Vec<u64> = Vec::with_capacity(patterns.len());
        let mut listed = vec![false; patterns.len()];
        // lines found and numbers read by hand: `lines` and `parse` cost 9 M instructions here,
        // more than half of what taking the order saves
        let lines = order.strip_suffix('\n').unwrap_or(order);
        for line in pieces(lines, b'\n').filter(|_| !lines.is_empty()) {
            let line = line.as_bytes();
            if line.first() == Some(&b'#') {
                continue;
            }
            let pattern = decimal(line)?;
            let form = patterns.get(pattern)?;
            if form.is_empty() || std::mem::replace(&mut listed[pattern], true) {
                return None;
            }
            let start = bytes.len();
            bytes.extend_from_slice(form.as_bytes());
            bytes[start..].make_ascii_lowercase();
            let key = &bytes[start..];
            let h = head(key);
            if let (Some(&last_head), Some(&(last_start, last_len, _))) =
                (heads.last(), keys.last())
            {
                let last = &bytes[last_start as usize..(last_start + last_len) as usize];
                if (last_head, last) >= (h, key) {
                    return None;
                }
            }
            // the lengths fit in u32: checked above
            keys.push((start as u32, form.len() as u32, pattern as u32));
            heads.push(h);
        }
        (keys.len() == patterns.len()).then(|| Self::of_sorted(bytes, keys, heads))
    }

    /// The table of keys already in order and without repeats: `keys` as (start in `bytes`,
    /// length, pattern), `heads` their [`head`]s.
    fn of_sorted(bytes: Vec<u8>, keys: Vec<(u32, u32, u32)>, heads: Vec<u64>) -> Self {
        let shorter = shorter_keys(&bytes, &keys, &heads);
        let mut by_two_bytes = Vec::with_capacity((1 << 16) + 1);
        for (i, &h) in heads.iter().enumerate() {
            let b = bucket_of_head(h);
            while by_two_bytes.len() <= b {
                by_two_bytes.push(i as u64);
            }
        }
        by_two_bytes.resize((1 << 16) + 1, keys.len() as u64);
        let mut longest_in = vec![1u64; 1 << 16];
        for (k, &h) in keys.iter().zip(&heads) {
            let b = bucket_of_head(h);
            longest_in[b] = longest_in[b].max(u64::from(k.1.min(u32::from(u16::MAX))));
        }
        let first_words = FirstWords::made(first_words_of(&bytes, &keys));
        let keys = keys
            .iter()
            .flat_map(|&(start, len, pattern)| [start, len, pattern]);
        Self {
            bytes: Cow::Owned(bytes),
            keys: Numbers::made(keys.map(u64::from)),
            by_two_bytes: Numbers::made(by_two_bytes),
            longest_in: Numbers::made(longest_in),
            heads: Numbers::made(heads),
            first_words,
            shorter: Numbers::made(shorter.into_iter().map(u64::from)),
        }
    }

    /// Whether a key `text` starts with may reach the end of the run of ASCII letters and
    /// digits `text` starts with (or beyond it). When not, every key it starts with ends inside
    /// that run, before a letter or digit, where the gazetteer takes no name: its scan asks
    /// this (one hash look-up) before [`Prefixes::longest_prefix`] (a few binary searches), and
    /// most capitalised words of a text ("The", "Mr", "But") are answered here.
    ///
    /// Why it holds: a key of at least the run's length that `text` starts with has the run
    /// (lower-cased) as its own first run, since the byte after the run, if the key has it,
    /// is the text's, which is no ASCII letter or digit; so its [`first_word_key`] is the
    /// text's. A `false` is certain; a `true` may be wrong (runs share numbers), and the
    /// search then answers as before.
    pub(crate) fn may_reach_word_end(&self, text: &[u8]) -> bool {
        self.first_words.contains(first_word_key(text))
    }

    /// Whether two tables are the same, field by field (the set of first words by its keys).
    #[cfg(test)]
    pub(crate) fn same_as(&self, other: &Self) -> bool {
        self.bytes == other.bytes
            && self.keys == other.keys
            && self.by_two_bytes == other.by_two_bytes
            && self.longest_in == other.longest_in
            && self.heads == other.heads
            && self.shorter == other.shorter
            && self.first_words.same_keys(&other.first_words)
    }

    /// The `k`th key's (start in `bytes`, length, pattern).
    fn key_row(&self, k: usize) -> (usize, usize, usize) {
        // numbers of 32 bits: they fit in a usize
        let number = |i| self.keys.get(3 * k + i) as usize;
        (number(0), number(1), number(2))
    }

    fn key(&self, k: usize) -> &[u8] {
        let (start, len, _) = self.key_row(k);
        &self.bytes[start..start + len]
    }

    /// The first key of bucket `b` (see [`Prefixes::by_two_bytes`]).
    fn bucket_start(&self, b: usize) -> usize {
        // a number of 32 bits: it fits in a usize
        self.by_two_bytes.get(b) as usize
    }

    /// The first key in `from..below` (sorted) that sorts after `wanted` (the text as the
    /// query lower-cases it). Heads that differ order two keys as their bytes do, so most steps
    /// compare two numbers, not two slices.
    fn first_after(&self, from: usize, below: usize, wanted: Lowered<'_>) -> usize {
        let wanted_head = wanted.head();
        let (mut low, mut high) = (from, below);
        while low < high {
            let mid = low + (high - low) / 2;
            let h = self.heads.get(mid);
            if h < wanted_head || (h == wanted_head && wanted.not_before(self.key(mid))) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        low
    }

    /// The pattern and length of the longest key that `text` starts with, comparing ASCII
    /// letters without case (other bytes exactly).
    pub(crate) fn longest_prefix(&self, text: &[u8]) -> Option<(usize, usize)> {
        let two = [
            text.first()?.to_ascii_lowercase(),
            text.get(1).map_or(0, u8::to_ascii_lowercase),
        ];
        // A text whose first two bytes start no key can only match a key of one byte: it is
        // answered at once (numbers and most capitalised words that start no name end here).
        let pair = bucket(&two);
        if text.len() < 2 || self.bucket_start(pair) == self.bucket_start(pair + 1) {
            return self.one_byte_key(two[0]);
        }
        // Only as much text as the longest key of its two-byte bucket can match is compared,
        // lower-cased as it is read: copying and lower-casing that much of the text first
        // (tens of bytes at every capitalised word that starts a key's first word) cost more
        // than the search, which mostly compares the heads.
        // a number of 16 bits: it fits in a usize
        let reach = self.longest_in.get(pair) as usize;
        let wanted = Lowered(&text[..text.len().min(reach)]);
        // Every prefix of two bytes or more starts with the text's first two bytes, so lies in
        // their bucket. There, the greatest key not after `wanted` is the longest prefix when
        // it is one. When it is not, the longest prefix P still sorts between the two (P is
        // not after that key, which is not after `wanted`, and `wanted` starts with P), so
        // the key starts with P: P is the longest of the key's own prefixes that is no longer
        // than what the key and `wanted` share.
        if wanted.0.len() >= 2 {
            // the bucket of `wanted`'s first two bytes, lower-cased: `pair`
            let from = self.bucket_start(pair);
            let below = self.bucket_start(pair + 1);
            let k = self.first_after(from, below, wanted);
            if let Some(mut k) = k.checked_sub(1).filter(|&k| k >= from) {
                let key = self.key(k);
                let shared = wanted.shared_with(key);
                if shared == key.len() {
                    return Some((self.key_row(k).2, key.len()));
                }
                loop {
                    let p = self.shorter.get(k);
                    if p == u64::from(NO_KEY) {
                        break;
                    }
                    // a number of 32 bits: it fits in a usize
                    k = p as usize;
                    let (_, len, pattern) = self.key_row(k);
                    if len <= shared {
                        return Some((pattern, len));
                    }
                }
            }
        }
        // the text's first byte, lower-cased
        self.one_byte_key(two[0])
    }

    /// The pattern of the key that is the one (lower-cased) byte `byte`, as a match of length 1.
    /// A key of one byte sorts first in the bucket of that byte followed by 0.
    fn one_byte_key(&self, byte: u8) -> Option<(usize, usize)> {
        let k = self.bucket_start(bucket(&[byte]));
        (k < self.heads.len() && self.key(k) == [byte]).then(|| (self.key_row(k).2, 1))
    }
}

#[cfg(test)]
mod tests;
