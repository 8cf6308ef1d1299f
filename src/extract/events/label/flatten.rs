//! A clause as the shaper reads it: without what brackets hold, double quotes of every kind
//! written `"`. Nearly every clause has neither, so it is first searched for the bytes that
//! could begin one, eight at a time, and returned as it is when there is none.

use std::borrow::Cow;

use crate::extract::eight_bytes::{HIGHS, ONES, any_in_block, skip_clear_blocks, zero_bytes};

/// The clause without brackets' contents; double quotes of every kind written `"`. Most
/// clauses have neither: they are returned as they are, not copied.
#[inline(never)]
pub(super) fn flatten(clause: &str) -> Cow<'_, str> {
    let bytes = clause.as_bytes();
    let Some(first) = next_stop(bytes, 0) else {
        return Cow::Borrowed(clause);
    };
    let mut depth = 0usize;
    let mut flat = String::with_capacity(clause.len());
    // Only brackets and curly quotes change anything: the text between them is copied as
    // whole slices, not character by character. Those characters start with a bracket byte
    // or the lead byte 0xC2 (« ») or 0xE2 (the curly quotes); a lead byte is always a
    // character boundary, and other characters with those lead bytes are copied as they are.
    let mut copied = 0;
    let mut at = first;
    while let Some(stop) = next_stop(bytes, at) {
        at = stop;
        let Some(c) = clause[at..].chars().next() else {
            break;
        };
        if depth == 0 {
            flat.push_str(&clause[copied..at]);
        }
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            '“' | '”' | '„' | '«' | '»' => flat.push('"'),
            '‘' => flat.push('\''),
            '’' => flat.push('\''),
            _ if depth == 0 => flat.push(c),
            _ => {}
        }
        at += c.len_utf8();
        copied = at;
    }
    if depth == 0 {
        flat.push_str(&clause[copied..]);
    }
    Cow::Owned(flat)
}

/// The bytes [`flatten`] stops at: brackets and the lead bytes of the curly quotes.
static FLATTEN_STOPS: [bool; 256] = crate::extract::byte_set::of(b"()[]\xC2\xE2");

/// Where the next of the [`FLATTEN_STOPS`] is in `bytes`, from `at` on. Most clauses have no
/// bracket or curly quote at all: whole blocks of [`BLOCK`] bytes are ruled out first, in a
/// loop without branches that the compiler turns into a few vector comparisons (eight bytes
/// at a time, every clause of every label cost about three instructions a byte); then eight
/// bytes at a time while none of them can be one; a group that may hold one is read byte by
/// byte.
fn next_stop(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = skip_clear_blocks::<BLOCK>(bytes, from, block_may_stop);
    let is_stop = |b: &u8| FLATTEN_STOPS[usize::from(*b)];
    while let Some(group) = bytes.get(at..at + 8) {
        if let Ok(chunk) = <[u8; 8]>::try_from(group)
            && may_hold_stop(u64::from_le_bytes(chunk))
            && let Some(p) = group.iter().position(is_stop)
        {
            return Some(at + p);
        }
        at += 8;
    }
    bytes.get(at..)?.iter().position(is_stop).map(|p| at + p)
}

/// How many bytes [`next_stop`] rules out at once.
const BLOCK: usize = 32;

/// Whether any byte of `block` may be one of the [`FLATTEN_STOPS`]: a bracket or a byte outside
/// ASCII (both lead bytes are), tested all at once ([`any_in_block`]).
#[inline(always)]
fn block_may_stop(block: &[u8; BLOCK]) -> bool {
    any_in_block(block, |b| {
        (b == b'(') | (b == b')') | (b == b'[') | (b == b']') | (b >= 0x80)
    })
}

/// Whether one of the eight bytes of `chunk` may be one of the [`FLATTEN_STOPS`]: a byte of
/// a non-ASCII character, or a byte equal to a bracket under a mask ("(" and ")" differ in
/// one bit; "[" and "]" in two, which also lets "Y" and "_" through). Never `false` for a
/// group that holds a stop.
#[inline]
fn may_hold_stop(chunk: u64) -> bool {
    let has_zero = |v: u64| zero_bytes(v) != 0;
    chunk & HIGHS != 0
        || has_zero((chunk ^ (ONES * 0x28)) & (ONES * 0xFE))
        || has_zero((chunk ^ (ONES * 0x5B)) & (ONES * 0xF9))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every byte value at every place of a text longer than two blocks, searched from every
    /// place before it: the blocks, the groups of eight and the last bytes all find it.
    #[test]
    fn a_stop_is_found_in_every_place_of_blocks_groups_and_tail() {
        let plain =
            b"The quick brown fox jumps over the lazy dog, said Reuters on Monday 70 x".to_vec();
        for b in 0..=255u8 {
            for p in 0..plain.len() {
                let mut bytes = plain.clone();
                bytes[p] = b;
                for from in (0..=p).step_by(3).chain([p]) {
                    let naive = bytes[from..]
                        .iter()
                        .position(|&c| FLATTEN_STOPS[usize::from(c)])
                        .map(|k| from + k);
                    assert_eq!(next_stop(&bytes, from), naive, "{b:#x} at {p} from {from}");
                }
            }
        }
    }

    #[test]
    fn the_next_stop_is_the_first_bracket_or_curly_quote_lead_byte() {
        let texts = [
            "",
            "plain words without any stop at all, just text",
            "Yes_Y words_ that (look like) brackets [under] the mask",
            "long plain text before a (bracket",
            "curly “quotes” and « guillemets » and ‘single’ ones",
            "ends with a bracket)",
            "YYYYYYYY________YYYYYYYY]",
            "sixteen bytes..(sixteen bytes..[sixteen bytes..)sixteen bytes..]",
            "a much longer clause of plain words that runs past sixteen bytes « and on",
            "________________YYYYYYYYYYYYYYYY________________YYYYYYYYYYYYYYYY(",
        ];
        for text in texts {
            let bytes = text.as_bytes();
            for from in 0..=bytes.len() {
                let naive = bytes[from..]
                    .iter()
                    .position(|&b| FLATTEN_STOPS[usize::from(b)])
                    .map(|p| from + p);
                assert_eq!(next_stop(bytes, from), naive, "{text:?} from {from}");
            }
        }
    }
}
