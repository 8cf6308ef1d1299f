//! A trained linear model as it ships: class names and, per hashed feature, one quantised
//! weight per class, in a small binary format (`CLNM`, version, classes, rows of i16). The
//! rows are kept as the file holds them, in ascending key order, and found through a small
//! index of where each range of keys begins ([`index`]; the shipped models' made when
//! compiling): loading a model copies nothing (the recogniser's 171k rows were once filed into
//! a 4 MB table on every run, a sixth of the start-up), and scoring a feature reads one index
//! entry and one row.

use std::borrow::Cow;

use thiserror::Error;

mod index;
pub use index::{shipped_index, shipped_index_len};

const MAGIC: &[u8; 4] = b"CLNM";
const VERSION: u32 = 1;

/// Why a weights file could not be read.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ModelError {
    #[error("not a chronolane model file")]
    BadMagic,
    #[error("model format version {0} is not supported")]
    Version(u32),
    #[error("model file is truncated")]
    Truncated,
    #[error("model file is malformed: {0}")]
    Malformed(&'static str),
}

/// A linear model: score(class) = Σ weight(feature, class) over the features present.
#[derive(Clone, Debug)]
pub struct Model {
    pub classes: Vec<String>,
    /// The value one quantisation step stands for (scores are compared, so only ratios matter).
    pub scale: f32,
    /// The rows in the file's format, in ascending key order, each key once and none 0: the
    /// key (u32, little-endian), then one i16 weight per class (little-endian). Borrowed from
    /// the binary for the shipped models.
    rows: Cow<'static, [u8]>,
    /// The bytes of one row: 4 + 2 × the class count.
    stride: usize,
    /// Per bucket of keys, the number of its first row, then the number of rows: the rows of
    /// bucket `b` are `starts[b]..starts[b + 1]`. A key's bucket is its top bits (see
    /// [`Model::bucket`]); there are about as many buckets as rows, so a bucket holds a row or
    /// two, side by side.
    starts: Cow<'static, [u32]>,
    /// How far a key is shifted right to give its bucket.
    shift: u32,
}

/// The most rows a model holds.
const MAX_ROWS: usize = 1 << 24;

/// Most classes a model file may have (its header is refused past this).
const MAX_CLASSES: usize = 1024;

impl Model {
    /// A model from its class names and rows `(key, weights)`, each with one weight per class
    /// (missing weights are 0). Of two rows with one key, the last counts; rows past
    /// [`MAX_ROWS`] and rows keyed 0 are left out.
    pub fn new(classes: Vec<String>, scale: f32, rows: &[(u32, Vec<i16>)]) -> Self {
        let n = classes.len();
        // In ascending key order (stable, so the last of equal keys is last), each key once.
        // Key 0 is no feature's key (the file format refuses it): a look-up of 0 finds nothing.
        let mut order: Vec<usize> = (0..rows.len()).filter(|&i| rows[i].0 != 0).collect();
        order.sort_by_key(|&i| rows[i].0);
        order.dedup_by(|later, earlier| {
            let same = rows[*later].0 == rows[*earlier].0;
            if same {
                *earlier = *later;
            }
            same
        });
        order.truncate(MAX_ROWS);
        let mut bytes = Vec::with_capacity(order.len() * (4 + 2 * n));
        for &i in &order {
            bytes.extend_from_slice(&rows[i].0.to_le_bytes());
            let w = rows[i].1.iter().copied().chain(std::iter::repeat(0));
            for x in w.take(n) {
                bytes.extend_from_slice(&x.to_le_bytes());
            }
        }
        Self::indexed(classes, scale, Cow::Owned(bytes), &[])
            .expect("rows in ascending key order, each key once, none 0")
    }

    /// The model of `rows` (see `Model::rows`), or `None` when their keys do not ascend (or
    /// one is 0). Its index is `shipped` when that is the rows' (see [`index::shipped_index`]:
    /// one entry per bucket and the number of rows last), made here otherwise.
    fn indexed(
        classes: Vec<String>,
        scale: f32,
        rows: Cow<'static, [u8]>,
        shipped: &'static [u32],
    ) -> Option<Self> {
        let stride = 4 + 2 * classes.len();
        let count = rows.len() / stride;
        let bits = index::bucket_bits(count);
        let buckets = 1usize << bits;
        // A shipped index holds zeros unless its rows' keys ascend; the rows' count last says
        // it was made of rows like these (a test holds it equal to the index made here).
        let starts = if shipped.len() == buckets + 1 && shipped[buckets] as usize == count {
            Cow::Borrowed(shipped)
        } else {
            let mut starts = vec![0; buckets + 1];
            if !index::fill(&rows, stride, &mut starts) {
                return None;
            }
            Cow::Owned(starts)
        };
        Some(Self {
            classes,
            scale,
            rows,
            stride,
            starts,
            shift: index::shift_of(bits),
        })
    }

    /// The weights of the row of `key` as bytes (two per class), if the model has one. Its
    /// bucket's rows are side by side and ascend, so the walk stops at the first key not
    /// smaller than `key`.
    #[inline]
    fn find(&self, key: u32) -> Option<&[u8]> {
        self.find_in(key, self.stride)
    }

    /// [`Model::find`], rows being `stride` bytes long (`Model::stride`): inlined where the
    /// stride is a constant, the walk over the rows is one too.
    ///
    /// The walk starts at the key's bucket and needs no end: the rows' keys ascend across
    /// buckets too ([`index::fill`] refuses rows that do not), so the first row whose key is
    /// not smaller than `key` is `key`'s row or says there is none, whichever bucket it is in.
    /// Reading only where the bucket begins spares a second index entry and the division of a
    /// bucket's bytes into rows, for each of the few hundred thousand features a run scores.
    #[inline]
    fn find_in(&self, key: u32, stride: usize) -> Option<&[u8]> {
        let bucket = (u64::from(key) >> self.shift) as usize;
        let from = *self.starts.get(bucket)? as usize;
        let mut rows = self.rows.get(from * stride..)?;
        while let Some((row, rest)) = rows.split_at_checked(stride) {
            let (k, weights) = row.split_first_chunk::<4>()?;
            let k = u32::from_le_bytes(*k);
            if k >= key {
                return (k == key).then_some(weights);
            }
            rows = rest;
        }
        None
    }

    /// Number of feature rows kept.
    pub fn len(&self) -> usize {
        self.rows.len() / self.stride
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Adds the weights of `features` to `scores` (one per class).
    // Inlined: a caller's `scores` is mostly an array of the class count, so the choice of
    // loop below is made when compiling, not on every call.
    #[inline]
    pub fn score(&self, features: &[u32], scores: &mut [i32]) {
        // The shipped models' class counts get a row loop of known length, which the compiler
        // unrolls into a few vector additions instead of a counted loop per feature (integer
        // sums: the same scores in any order).
        if self.classes.len() == scores.len() {
            if let Ok(s) = <&mut [i32; 9]>::try_from(&mut *scores) {
                return self.score_fixed(features, s);
            }
            if let Ok(s) = <&mut [i32; 17]>::try_from(&mut *scores) {
                return self.score_fixed(features, s);
            }
        }
        for &f in features {
            if let Some(row) = self.row(f) {
                for (acc, w) in scores.iter_mut().zip(row) {
                    *acc += i32::from(w);
                }
            }
        }
    }

    /// [`Model::score`] for a model of exactly `N` classes (so of rows `4 + 2N` bytes long).
    fn score_fixed<const N: usize>(&self, features: &[u32], scores: &mut [i32; N]) {
        // Summed in a local copy, which the compiler keeps in registers across features.
        let mut sums = *scores;
        for &f in features {
            let Some(row) = self
                .find_in(f, 4 + 2 * N)
                .and_then(|w| w.as_chunks::<2>().0.first_chunk::<N>())
            else {
                continue;
            };
            for (acc, &w) in sums.iter_mut().zip(row) {
                *acc += i32::from(i16::from_le_bytes(w));
            }
        }
        *scores = sums;
    }

    /// The weights of the row of `key` as an array, for a model of exactly `N` classes (`None`
    /// when it has no such row, or other classes): the row found with a walk of a constant
    /// stride and read in one piece, where [`Model::row`]'s iterator is read weight by weight.
    #[inline]
    pub fn row_array<const N: usize>(&self, key: u32) -> Option<[i16; N]> {
        if self.classes.len() != N {
            return None;
        }
        let (weights, _) = self.find_in(key, 4 + 2 * N)?.as_chunks::<2>();
        let weights = weights.first_chunk::<N>()?;
        Some(weights.map(i16::from_le_bytes))
    }

    /// The weights of the row of `key`, one per class, if the model has one.
    pub fn row(&self, key: u32) -> Option<impl Iterator<Item = i16> + '_> {
        let weights = self.find(key)?;
        Some(
            weights
                .as_chunks::<2>()
                .0
                .iter()
                .map(|&w| i16::from_le_bytes(w)),
        )
    }

    /// The model in its file format.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 + self.rows.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&(self.classes.len() as u32).to_le_bytes());
        out.extend_from_slice(&(self.len() as u32).to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        for c in &self.classes {
            out.push(c.len().min(255) as u8);
            out.extend_from_slice(&c.as_bytes()[..c.len().min(255)]);
        }
        // The rows are kept as the format wants them.
        out.extend_from_slice(&self.rows);
        out
    }

    /// Reads a model written by [`Model::to_bytes`].
    pub fn from_bytes(data: &[u8]) -> Result<Self, ModelError> {
        Self::read(data, |rows| Cow::Owned(rows.to_vec()), &[])
    }

    /// [`Model::from_bytes`] of bytes that live as long as the program (the shipped weights,
    /// embedded in the binary): their rows are read where they are, not copied, and `index`,
    /// [`shipped_index`] of the same bytes made when compiling, is used as it is.
    pub fn from_static(data: &'static [u8], index: &'static [u32]) -> Result<Self, ModelError> {
        Self::read(data, Cow::Borrowed, index)
    }

    /// Reads a model from `data`, keeping its rows as `keep` gives them, with the index
    /// `shipped` if it is theirs.
    fn read<'a>(
        data: &'a [u8],
        keep: impl FnOnce(&'a [u8]) -> Cow<'static, [u8]>,
        shipped: &'static [u32],
    ) -> Result<Self, ModelError> {
        let mut r = Reader { data, at: 0 };
        if r.take(4)? != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let version = r.u32()?;
        if version != VERSION {
            return Err(ModelError::Version(version));
        }
        let n = r.u32()? as usize;
        let count = r.u32()? as usize;
        let scale = f32::from_le_bytes(r.array()?);
        if n == 0 || n > MAX_CLASSES {
            return Err(ModelError::Malformed("class count"));
        }
        let mut classes = Vec::with_capacity(n);
        for _ in 0..n {
            let len = r.take(1)?[0] as usize;
            let name = std::str::from_utf8(r.take(len)?)
                .map_err(|_| ModelError::Malformed("class name"))?;
            classes.push(name.to_string());
        }
        let row_bytes = 4 + 2 * n;
        if data.len().saturating_sub(r.at) < count.saturating_mul(row_bytes) {
            return Err(ModelError::Truncated);
        }
        if count > MAX_ROWS {
            return Err(ModelError::Malformed("too many rows"));
        }
        let rows = &data[r.at..r.at + count * row_bytes];
        // The rows are used as they are when `to_bytes` wrote them: in ascending key order,
        // each key once, none 0. Rows otherwise are sorted first (by key, stable, so a repeat
        // stays a repeat), and a repeat or key 0 refused.
        if let Some(model) = Self::indexed(classes.clone(), scale, keep(rows), shipped) {
            return Ok(model);
        }
        let mut sorted: Vec<&[u8]> = rows.chunks_exact(row_bytes).collect();
        sorted.sort_by_key(|row| index::word(row, 0));
        if sorted.first().is_some_and(|row| index::word(row, 0) == 0) {
            return Err(ModelError::Malformed("feature key 0"));
        }
        if sorted
            .windows(2)
            .any(|w| index::word(w[0], 0) == index::word(w[1], 0))
        {
            return Err(ModelError::Malformed("feature key repeated"));
        }
        // sorted, without repeats and without 0, the rows are in order; were that ever not
        // so, the model must not load
        Self::indexed(classes, scale, Cow::Owned(sorted.concat()), &[])
            .ok_or(ModelError::Malformed("feature key order"))
    }

    /// The index of key ranges, and whether it is one made when compiling (for the tests of
    /// the shipped models' indices).
    #[cfg(test)]
    pub(crate) fn index(&self) -> (&[u32], bool) {
        (&self.starts, matches!(self.starts, Cow::Borrowed(_)))
    }

    /// Index of the class called `name`.
    pub fn class(&self, name: &str) -> Option<usize> {
        self.classes.iter().position(|c| c == name)
    }
}

/// The weights a shipped model runs with: the bytes embedded at build time, or, when the
/// environment variable `CHRONOLANE_MODELS` names a folder, the file `name` in it. The override
/// lets a freshly trained model be scored (`scripts/score_ner.py`) before the rebuild that
/// embeds it; `None` when the weights are missing or damaged, or when `CHRONOLANE_MODELS=off`
/// leaves the models out so the speed of the rules alone can be measured (BENCHMARKS.md).
/// `index` is [`shipped_index`] of `embedded`, made when compiling.
pub fn shipped(name: &str, embedded: &'static [u8], index: &'static [u32]) -> Option<Model> {
    match std::env::var_os("CHRONOLANE_MODELS") {
        Some(off) if off == "off" => None,
        Some(dir) => std::fs::read(std::path::Path::new(&dir).join(name))
            .ok()
            .and_then(|bytes| Model::from_bytes(&bytes).ok()),
        None => Model::from_static(embedded, index).ok(),
    }
}

/// The key a row of a file begins with.
struct Reader<'a> {
    data: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], ModelError> {
        let end = self.at.checked_add(n).ok_or(ModelError::Truncated)?;
        let s = self.data.get(self.at..end).ok_or(ModelError::Truncated)?;
        self.at = end;
        Ok(s)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        let s = self.take(N)?;
        let mut a = [0u8; N];
        a.copy_from_slice(s);
        Ok(a)
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.array()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The row of `key` in `model` as a vector, to compare.
    fn row_vec(model: &Model, key: u32) -> Option<Vec<i16>> {
        model.row(key).map(Iterator::collect)
    }

    #[test]
    fn a_model_survives_its_file_format() {
        let m = Model::new(
            vec!["A".into(), "B".into()],
            0.5,
            &[(7, vec![3, -2]), (9, vec![-1, 4])],
        );
        let back = Model::from_bytes(&m.to_bytes()).expect("round trip");
        let mut s = [0i32; 2];
        back.score(&[7, 9, 11], &mut s);
        assert_eq!(s, [2, 2]);
        assert_eq!(back.classes, ["A", "B"]);
    }

    #[test]
    fn rows_beyond_i8_score_as_the_others() {
        // Weights beyond i8 (−128, 300), and class counts scored by the loop of a known row
        // length (9, 17) and by the general one: each scores the same.
        for n in [1usize, 2, 9, 10, 17] {
            let row = |k: i16| (0..n as i16).map(|c| (c - 4) * k).collect::<Vec<i16>>();
            let rows = vec![
                (3, row(1)),
                (5, row(31)),
                (7, vec![-128; n]),
                (9, row(-127 / 4)),
                (11, row(i16::MAX / 16)),
            ];
            let m = Model::new((0..n).map(|c| c.to_string()).collect(), 1.0, &rows);
            let back = Model::from_bytes(&m.to_bytes()).expect("round trip");
            let mut want = vec![0i32; n];
            for (_, w) in &rows {
                for (s, &x) in want.iter_mut().zip(w) {
                    *s += i32::from(x);
                }
            }
            for model in [&m, &back] {
                let mut got = vec![0i32; n];
                model.score(&[3, 4, 5, 7, 9, 10, 11, 12], &mut got);
                assert_eq!(got, want, "{n} classes");
                for (key, w) in &rows {
                    assert_eq!(row_vec(model, *key), Some(w.clone()));
                }
            }
        }
    }

    #[test]
    fn rows_read_as_arrays_are_the_rows_read_weight_by_weight() {
        let rows: Vec<(u32, Vec<i16>)> = (1..500u32)
            .map(|i| {
                let k = i.wrapping_mul(0x9e37_79b1) | 1;
                (k, (0..9).map(|c| (i as i16) * (c - 4)).collect())
            })
            .collect();
        let m = Model::new((0..9).map(|c| c.to_string()).collect(), 1.0, &rows);
        for (key, _) in &rows {
            for k in [*key, key.wrapping_add(1), 0] {
                let want = row_vec(&m, k);
                assert_eq!(m.row_array::<9>(k).map(Vec::from), want);
            }
            // a model of other classes has no rows of nine
            assert_eq!(m.row_array::<8>(*key), None);
        }
    }

    #[test]
    fn a_row_keyed_0_is_left_out_and_hides_no_other() {
        // Keys of the first bucket (the smallest keys), after a row keyed 0.
        let rows = [
            (0, vec![9]),
            (1, vec![1]),
            (2, vec![2]),
            (0x0fff_ffff, vec![3]),
        ];
        let m = Model::new(vec!["A".into()], 1.0, &rows);
        assert_eq!(m.len(), 3);
        assert_eq!(row_vec(&m, 0), None);
        for model in [&m, &Model::from_bytes(&m.to_bytes()).expect("round trip")] {
            for (key, w) in &rows[1..] {
                assert_eq!(row_vec(model, *key), Some(w.clone()));
            }
            let mut s = [0i32];
            model.score(&[0, 1, 2, 0x0fff_ffff], &mut s);
            assert_eq!(s, [6]);
        }
    }

    #[test]
    fn damaged_files_are_refused_not_panicked_on() {
        let m = Model::new(vec!["A".into()], 1.0, &[(5, vec![1])]);
        let bytes = m.to_bytes();
        assert_eq!(
            Model::from_bytes(&bytes[..bytes.len() - 1]).unwrap_err(),
            ModelError::Truncated
        );
        assert_eq!(
            Model::from_bytes(b"nope").unwrap_err(),
            ModelError::BadMagic
        );
        assert!(Model::from_bytes(&[]).is_err());
        let mut repeated =
            Model::new(vec!["A".into()], 1.0, &[(5, vec![1]), (6, vec![2])]).to_bytes();
        let last = repeated.len() - 6;
        repeated[last..last + 4].copy_from_slice(&5u32.to_le_bytes());
        assert_eq!(
            Model::from_bytes(&repeated).unwrap_err(),
            ModelError::Malformed("feature key repeated")
        );
    }

    #[test]
    fn every_key_is_found_in_any_order_and_no_other() {
        // Keys spread over the whole range (as the feature hash spreads them), given unsorted.
        let rows: Vec<(u32, Vec<i16>)> = (1..3000u32)
            .map(|i| (i.wrapping_mul(0x9e37_79b1) | 1, vec![i as i16, -(i as i16)]))
            .collect();
        let m = Model::new(vec!["A".into(), "B".into()], 1.0, &rows);
        assert_eq!(m.len(), rows.len());
        let back = Model::from_bytes(&m.to_bytes()).expect("round trip");
        for (key, w) in &rows {
            assert_eq!(row_vec(&m, *key), Some(w.clone()));
            assert_eq!(row_vec(&back, *key), Some(w.clone()));
            assert_eq!(row_vec(&back, key.wrapping_add(1)), None);
        }
        assert_eq!(row_vec(&back, 0), None);
        assert_eq!(row_vec(&back, u32::MAX), None);
        // Written in another order, the rows are read all the same.
        let mut bytes = m.to_bytes();
        let body = bytes.len() - rows.len() * 8;
        let (first, second) = bytes[body..].split_at_mut(8);
        first.swap_with_slice(&mut second[..8]);
        let swapped = Model::from_bytes(&bytes).expect("unsorted rows");
        for (key, w) in &rows {
            assert_eq!(row_vec(&swapped, *key), Some(w.clone()));
        }
        // Of two rows with one key, the last counts.
        let m = Model::new(vec!["A".into()], 1.0, &[(9, vec![1]), (9, vec![2])]);
        assert_eq!(row_vec(&m, 9), Some(vec![2]));
    }
}
