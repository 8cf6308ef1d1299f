//! Reading's scans of a text several bytes at a time: eight (is a paragraph ASCII, does it
//! hold a digit, where is its next capital, on the crate's `eight_bytes` arithmetic) or
//! sixteen (where the next line ends).

pub(super) use crate::eight_bytes::{HIGHS, in_range, word};

/// Whether `flags` flags a byte of `bytes` (it gives the high bit of each byte it wants, in a
/// read of eight), every read whole: the last read overlaps the one before it rather than
/// leaving the tail to a byte loop. A text shorter than eight bytes is tested with `byte`,
/// which must say what `flags` says of one byte.
#[inline(always)]
pub(super) fn any_flagged(
    bytes: &[u8],
    flags: impl Fn(u64) -> u64,
    byte: impl Fn(&u8) -> bool,
) -> bool {
    let Some(last) = bytes.len().checked_sub(8) else {
        return bytes.iter().any(byte);
    };
    flags(word(&bytes[last..])) != 0 || bytes.chunks_exact(8).any(|eight| flags(word(eight)) != 0)
}

/// The first `\n` of `bytes` at or after `from`. Sixteen bytes are tested at a time with no
/// early exit inside them (the compiler tests all sixteen at once), and only the sixteen that
/// hold one are searched byte by byte: `str::split_inclusive('\n')` went through a general
/// character searcher for every line of every text, three instructions a byte.
pub(super) fn next_newline(bytes: &[u8], from: usize) -> Option<usize> {
    let rest = bytes.get(from..)?;
    let (sixteens, tail) = rest.as_chunks::<16>();
    let has_newline = |sixteen: &[u8; 16]| sixteen.iter().fold(false, |any, &b| any | (b == b'\n'));
    let (base, search): (usize, &[u8]) = match sixteens.iter().position(has_newline) {
        Some(k) => (16 * k, &sixteens[k]),
        None => (16 * sixteens.len(), tail),
    };
    let at = search.iter().position(|&b| b == b'\n')?;
    Some(from + base + at)
}

#[cfg(test)]
mod tests {
    use super::next_newline;

    #[test]
    fn a_newline_is_found_wherever_it_sits() {
        for len in 0..40 {
            let mut bytes = vec![b'a'; len];
            for from in 0..=len + 1 {
                assert_eq!(next_newline(&bytes, from), None, "{len} {from}");
            }
            for at in 0..len {
                bytes[at] = b'\n';
                for from in 0..=len {
                    let general = bytes
                        .get(from..)
                        .and_then(|rest| rest.iter().position(|&b| b == b'\n'))
                        .map(|k| from + k);
                    assert_eq!(next_newline(&bytes, from), general, "{len} {at} {from}");
                }
                bytes[at] = b'a';
            }
        }
    }
}
