//! Stable event ids: a hash of where the event was read, never a counter, so analyst edits
//! keyed by id survive re-extraction.

/// 16 hex digits from the article id, the sentence's byte range and the dating expression's
/// offset (FNV-1a, fixed across runs, platforms and versions).
pub fn event_id(article: &str, sentence: (usize, usize), timex: Option<usize>) -> String {
    ArticleIds::new(article).event_id(sentence, timex)
}

/// [`event_id`] for the events of one article: the article id is hashed once, not once per
/// event (an article has dozens to thousands of events, each hashing its id byte by byte).
pub struct ArticleIds(Fnv);

impl ArticleIds {
    pub fn new(article: &str) -> Self {
        let mut h = Fnv::default();
        h.write(article.as_bytes());
        h.write(&[0]);
        ArticleIds(h)
    }

    /// [`event_id`] of this article's event read at `sentence`, dated by `timex`.
    pub fn event_id(&self, sentence: (usize, usize), timex: Option<usize>) -> String {
        let mut h = Fnv(self.0.0);
        h.write(&(sentence.0 as u64).to_le_bytes());
        h.write(&(sentence.1 as u64).to_le_bytes());
        match timex {
            Some(t) => h.write(&(t as u64).to_le_bytes()),
            None => h.write(b"inferred"),
        }
        hex16(h.0)
    }
}

/// `n` as 16 lower-case hex digits (what `format!("{n:016x}")` writes, without the
/// formatting machinery: every event asks for one).
fn hex16(n: u64) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    // pushed into a string made at its size (collecting the characters grew it one by one)
    let mut out = String::with_capacity(16);
    for i in (0..16).rev() {
        out.push(char::from(DIGITS[((n >> (i * 4)) & 0xf) as usize]));
    }
    out
}

struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_depend_only_on_where_the_event_was_read() {
        let a = event_id("doc-1", (10, 80), Some(42));
        assert_eq!(a, event_id("doc-1", (10, 80), Some(42)));
        assert_eq!(a.len(), 16);
        assert_ne!(a, event_id("doc-1", (10, 80), Some(43)));
        assert_ne!(a, event_id("doc-2", (10, 80), Some(42)));
        assert_ne!(a, event_id("doc-1", (10, 80), None));
    }

    #[test]
    fn hex_digits_are_those_format_writes() {
        for n in [0, 1, 0xabc, u64::MAX, 0x0123_4567_89ab_cdef, 1 << 63] {
            assert_eq!(hex16(n), format!("{n:016x}"));
        }
    }
}
