//! A model's index of key ranges (`Model::starts`): where the rows of each bucket of keys
//! begin. Written as `const fn`s, so that the shipped models' indices are computed when the
//! program is compiled ([`shipped_index`]) and read from the binary where they lie, while a
//! model read at run time (`Model::from_bytes`, a freshly trained one) is indexed by the same
//! code. Computing the recogniser's index at every start read all 171k of its rows' keys and
//! wrote half a megabyte (3.3 M instructions and about 200 page faults, a tenth of the
//! start-up); a shipped index costs a page of the binary where a look-up reads one.

use super::{MAGIC, MAX_CLASSES, MAX_ROWS, VERSION};

/// How many bits of a key choose its bucket, for `count` rows: about one bucket per row
/// (2^bits ≤ count).
pub(super) const fn bucket_bits(count: usize) -> u32 {
    let count = if count == 0 { 1 } else { count };
    usize::BITS - count.leading_zeros() - 1
}

/// How far a key is shifted right to give its bucket, in an index of `bits` bucket bits.
pub(super) const fn shift_of(bits: u32) -> u32 {
    32 - bits
}

/// Fills `starts` (zeros, 2^bits + 1 long) with the first row of each bucket of `rows` (rows
/// of `stride` bytes, each beginning with its key, little-endian), then the number of rows;
/// false, the index left half-made, unless the keys ascend and none is 0.
pub(super) const fn fill(rows: &[u8], stride: usize, starts: &mut [u32]) -> bool {
    if stride < 4 || starts.len() < 2 || !(starts.len() - 1).is_power_of_two() {
        return false;
    }
    let shift = shift_of((starts.len() - 1).trailing_zeros());
    // Counted per bucket, one place on, then summed: bucket `b` begins after the rows of the
    // buckets before it.
    let mut last = 0;
    let mut at = 0;
    while at + stride <= rows.len() {
        let key = word(rows, at);
        if key <= last {
            return false;
        }
        last = key;
        starts[(key as u64 >> shift) as usize + 1] += 1;
        at += stride;
    }
    let mut total = 0;
    let mut b = 0;
    while b < starts.len() {
        total += starts[b];
        starts[b] = total;
        b += 1;
    }
    true
}

/// The little-endian u32 at `at` in `bytes`.
pub(super) const fn word(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

/// The rows of the model file `data` and their length in bytes, found as `Model::read` finds
/// them; `None` when the header is not a model's or the rows are cut short (`Model::read`
/// then says why, at run time).
const fn rows_of(data: &[u8]) -> Option<(&[u8], usize)> {
    let Some((head, _)) = data.split_first_chunk::<20>() else {
        return None;
    };
    let (n, count) = (word(head, 8) as usize, word(head, 12) as usize);
    if head[0] != MAGIC[0]
        || head[1] != MAGIC[1]
        || head[2] != MAGIC[2]
        || head[3] != MAGIC[3]
        || word(head, 4) != VERSION
        || n == 0
        || n > MAX_CLASSES
        || count > MAX_ROWS
    {
        return None;
    }
    // past the class names, each one byte of length and its bytes
    let mut at = 20;
    let mut class = 0;
    while class < n {
        if at >= data.len() {
            return None;
        }
        at += 1 + data[at] as usize;
        class += 1;
    }
    let stride = 4 + 2 * n;
    let Some((_, rest)) = data.split_at_checked(at) else {
        return None;
    };
    match rest.split_at_checked(count * stride) {
        Some((rows, _)) => Some((rows, stride)),
        None => None,
    }
}

/// The length of [`shipped_index`] of the model file `data`: one entry per bucket and one
/// more (1 for a file that is not a model's).
pub const fn shipped_index_len(data: &[u8]) -> usize {
    match rows_of(data) {
        Some((rows, stride)) => (1 << bucket_bits(rows.len() / stride)) + 1,
        None => 1,
    }
}

/// The index of the model file `data` (see `Model::starts`), computed when compiling for the
/// weights embedded in the binary; zeros when the file is damaged or its rows are not in
/// ascending key order, which `Model::from_static` takes as no index (and indexes the rows,
/// or refuses them, at run time).
pub const fn shipped_index<const N: usize>(data: &[u8]) -> [u32; N] {
    let mut starts = [0; N];
    if let Some((rows, stride)) = rows_of(data)
        && N == shipped_index_len(data)
        && fill(rows, stride, &mut starts)
    {
        return starts;
    }
    [0; N]
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::super::Model;
    use super::*;

    /// A model file of `n` rows with keys spread over the whole range, as the feature hash
    /// spreads them, living as long as the program (as the shipped weights do).
    fn file(n: u32) -> &'static [u8] {
        let rows: Vec<(u32, Vec<i16>)> = (1..=n)
            .map(|i| (i.wrapping_mul(0x9e37_79b1) | 1, vec![i as i16, -(i as i16)]))
            .collect();
        let bytes = Model::new(vec!["A".into(), "B".into()], 1.0, &rows).to_bytes();
        Box::leak(bytes.into_boxed_slice())
    }

    #[test]
    fn a_shipped_index_is_the_index_made_at_run_time_and_is_used() {
        // 3000 rows: 2^11 buckets, and one entry more.
        let data = file(3000);
        assert_eq!(shipped_index_len(data), 2049);
        let index: &'static [u32; 2049] = Box::leak(Box::new(shipped_index(data)));
        let made = Model::from_bytes(data).expect("a model");
        let shipped = Model::from_static(data, index).expect("a model");
        assert_eq!(shipped.starts, made.starts);
        assert!(matches!(shipped.starts, Cow::Borrowed(s) if std::ptr::eq(s, &index[..])));
        // and every row is found through it
        let rows = Model::from_bytes(data).expect("a model");
        for key in (1..=3000u32).map(|i| i.wrapping_mul(0x9e37_79b1) | 1) {
            assert_eq!(
                shipped.row(key).map(Iterator::collect::<Vec<_>>),
                rows.row(key).map(Iterator::collect::<Vec<_>>)
            );
        }
    }

    #[test]
    fn an_index_not_of_the_rows_is_not_used() {
        let data = file(3000);
        // Of another length, or not ending in the rows' count: made afresh.
        let short: &'static [u32] = Box::leak(vec![0; 1025].into_boxed_slice());
        let zeros: &'static [u32] = Box::leak(vec![0; 2049].into_boxed_slice());
        let made = Model::from_bytes(data).expect("a model");
        for index in [short, zeros, &[]] {
            let m = Model::from_static(data, index).expect("a model");
            assert!(matches!(m.starts, Cow::Owned(_)));
            assert_eq!(m.starts, made.starts);
        }
    }

    #[test]
    fn damaged_or_unsorted_files_get_no_shipped_index() {
        let data = file(3000);
        // Two rows swapped: the keys no longer ascend.
        let mut swapped = data.to_vec();
        let body = swapped.len() - 3000 * 8;
        let (first, second) = swapped[body..].split_at_mut(8);
        first.swap_with_slice(&mut second[..8]);
        assert_eq!(shipped_index::<2049>(&swapped), [0; 2049]);
        // A row keyed 0 at the start.
        let mut zero = data.to_vec();
        zero[body..body + 4].fill(0);
        assert_eq!(shipped_index::<2049>(&zero), [0; 2049]);
        // Cut short, of another version, not a model's: no rows to index.
        for bad in [&data[..data.len() - 1], &data[..10], b"CLNM", b""] {
            assert_eq!(shipped_index_len(bad), 1, "{}", bad.len());
            assert_eq!(shipped_index::<1>(bad), [0]);
        }
        let mut version = data.to_vec();
        version[4] = 9;
        assert_eq!(shipped_index_len(&version), 1);
        // An index of the wrong length is refused rather than half-filled.
        assert_eq!(shipped_index::<1025>(data), [0; 1025]);
    }
}
