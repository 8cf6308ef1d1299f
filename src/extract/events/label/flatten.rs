//! A clause as the shaper reads it: without what brackets hold, double quotes of every kind
//! written `"`. Nearly every clause has neither, so it is first searched for the bytes that
//! could begin one, eight at a time, and returned as it is when there is none.

use std::borrow::Cow;

use crate::extract::eight_bytes::{HIGHS, ONES, zero_bytes};

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

/// Where the next of the [`FLATTEN_STOPS`] is in `bytes`, from `at` on. Eight bytes are
/// ruled out at a time while none of them can be one (most clauses have no bracket or curly
/// quote at all); a group that may hold one is read byte by byte.
fn next_stop(bytes: &[u8], mut at: usize) -> Option<usize> {
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
