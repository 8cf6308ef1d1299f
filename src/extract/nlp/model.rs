//! A trained linear model as it ships: class names and, per hashed feature, one quantised
//! weight per class, in a small binary format (`CLNM`, version, classes, rows of i16), read
//! into an ordered open-addressing table so scoring a feature reads one cache line and makes a
//! few additions.

use thiserror::Error;

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
    /// The rows' keys, in ascending order with gaps (see [`Slot`] and [`Model::find`]).
    slots: Vec<Slot>,
    /// The number of home slots: the home of a key is `key × homes / 2³²`.
    homes: u64,
    /// Every row, in ascending key order, one i16 weight per class: for [`Model::row`], the
    /// file format, and the rows a [`Slot`] cannot hold.
    weights: Vec<i16>,
}

/// The most classes whose weights a [`Slot`] holds itself.
const NARROW: usize = 9;

/// `Slot::narrow[0]` of a slot whose row is only in `Model::weights`: narrow rows keep their
/// weights within −127..=127, so this value never begins one.
const WIDE: i8 = i8::MIN;

/// The most rows a model holds: a row's number takes three bytes of its [`Slot`].
const MAX_ROWS: usize = 1 << 24;

/// One feature of the table: its key, its row's number in `Model::weights`, and, for a model of
/// at most [`NARROW`] classes whose weights all fit in an i8 (99 % of the recogniser's rows),
/// the weights themselves. 16 bytes, aligned, so four slots share a cache line and none
/// straddles two: a look-up reads one line of one table. (Keys and rows in two tables, as
/// before, cost two random reads per feature found: scoring is bound by that memory latency.)
#[derive(Clone, Copy, Debug)]
#[repr(C, align(16))]
struct Slot {
    /// The feature key; 0 marks an empty slot.
    key: u32,
    /// The row's number in `Model::weights`, little-endian.
    row: [u8; 3],
    /// The row's weights (the first `classes.len()`), or [`WIDE`] first when it has none here.
    narrow: [i8; NARROW],
}

/// A slot holding no row: its key, 0, is smaller than any row's (see [`Model::find`]).
const EMPTY: Slot = Slot {
    key: 0,
    row: [0; 3],
    narrow: [WIDE; NARROW],
};

impl Slot {
    /// The slot of row `number`, of weights `w`, under `key`: the weights kept in the slot
    /// when the model has at most [`NARROW`] classes and each fits in −127..=127.
    #[inline]
    fn new(key: u32, number: usize, w: &[i16]) -> Self {
        let mut narrow = [WIDE; NARROW];
        // Every weight checked, not stopping at the first that does not fit: for a row of a
        // known length that is a few vector instructions instead of a branch per weight.
        let fits = w
            .iter()
            .fold(true, |fits, x| fits & (-127..=127).contains(x));
        if w.len() <= NARROW && fits {
            narrow = [0; NARROW];
            for (n, &x) in narrow.iter_mut().zip(w) {
                *n = x as i8;
            }
        }
        let [a, b, c, _] = (number as u32).to_le_bytes();
        Self {
            key,
            row: [a, b, c],
            narrow,
        }
    }

    /// The number of the slot's row in `Model::weights` (times the class count: its start).
    fn row(&self) -> usize {
        let [a, b, c] = self.row;
        u32::from_le_bytes([a, b, c, 0]) as usize
    }
}

impl Model {
    /// A model from its class names and rows `(key, weights)`, each with one weight per class
    /// (missing weights are 0). Of two rows with one key, the last counts; rows past
    /// [`MAX_ROWS`] and rows keyed 0 are left out.
    pub fn new(classes: Vec<String>, scale: f32, rows: &[(u32, Vec<i16>)]) -> Self {
        let n = classes.len();
        // In ascending key order (stable, so the last of equal keys is last), each key once.
        // Key 0 marks an empty slot: a row under it would take slot 0 looking empty, never be
        // found, and stop the look-ups of the keys homed there; the file format refuses it too.
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
        let mut model = Self::empty(classes, scale, order.len());
        for &i in &order {
            let w = rows[i].1.iter().copied().chain(std::iter::repeat(0));
            model.weights.extend(w.take(n));
        }
        let mut next = 0;
        for (number, &i) in order.iter().enumerate() {
            let key = rows[i].0;
            let slot = Slot::new(key, number, &model.weights[number * n..][..n]);
            next = file(&mut model.slots, home(key, model.homes), next, slot);
        }
        model
    }

    /// A model with no rows yet, sized for `count` rows.
    fn empty(classes: Vec<String>, scale: f32, count: usize) -> Self {
        // Two home slots for three rows: probes stay short (about two slots, in one cache
        // line) while the table stays near 4 MB for the recogniser's 171k rows.
        let homes = (count + count / 2).max(16);
        let weights = Vec::with_capacity(count * classes.len());
        Self {
            classes,
            scale,
            slots: vec![EMPTY; homes],
            homes: homes as u64,
            weights,
        }
    }

    /// The home slot of `key` (see [`home`]).
    #[inline]
    fn home(&self, key: u32) -> usize {
        home(key, self.homes)
    }

    /// The slot of `key`, if the model has a row for it. The keys ascend through the table,
    /// and none is before its home slot, with no empty slot between its home and itself: so
    /// the walk from the home stops at the first slot whose key is not smaller (an empty
    /// slot's key, 0, is smaller than any other: it stops there too).
    #[inline]
    fn find(&self, key: u32) -> Option<&Slot> {
        let mut s = self.home(key);
        loop {
            let slot = self.slots.get(s)?;
            if slot.key >= key {
                return (slot.key == key && key != 0).then_some(slot);
            }
            if slot.key == 0 {
                return None;
            }
            s += 1;
        }
    }

    /// Number of feature rows kept.
    pub fn len(&self) -> usize {
        self.weights.len() / self.classes.len().max(1)
    }

    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
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
                for (acc, &w) in scores.iter_mut().zip(row) {
                    *acc += i32::from(w);
                }
            }
        }
    }

    /// [`Model::score`] for a model of exactly `N` classes.
    fn score_fixed<const N: usize>(&self, features: &[u32], scores: &mut [i32; N]) {
        // Summed in a local copy, which the compiler keeps in registers across features.
        let mut sums = *scores;
        for &f in features {
            let Some(slot) = self.find(f) else {
                continue;
            };
            // The weights in the slot itself (`N` at most `NARROW`: the zip stops at `N`).
            if N <= NARROW && slot.narrow[0] != WIDE {
                for (acc, &w) in sums.iter_mut().zip(&slot.narrow) {
                    *acc += i32::from(w);
                }
                continue;
            }
            let at = slot.row() * N;
            let row: &[i16; N] = match self.weights.get(at..at + N).map(<&[i16; N]>::try_from) {
                Some(Ok(row)) => row,
                _ => continue,
            };
            for (acc, &w) in sums.iter_mut().zip(row) {
                *acc += i32::from(w);
            }
        }
        *scores = sums;
    }

    /// The weights of the row of `key`, one per class, if the model has one.
    pub fn row(&self, key: u32) -> Option<&[i16]> {
        let n = self.classes.len();
        let at = self.find(key)?.row() * n;
        self.weights.get(at..at + n)
    }

    /// The model in its file format.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 + self.weights.len() * 2 + self.len() * 4);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&(self.classes.len() as u32).to_le_bytes());
        out.extend_from_slice(&(self.len() as u32).to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        for c in &self.classes {
            out.push(c.len().min(255) as u8);
            out.extend_from_slice(&c.as_bytes()[..c.len().min(255)]);
        }
        let n = self.classes.len();
        // The slots hold the keys in ascending order, as the format wants them.
        for slot in self.slots.iter().filter(|s| s.key != 0) {
            out.extend_from_slice(&slot.key.to_le_bytes());
            let at = slot.row() * n;
            for w in &self.weights[at..at + n] {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out
    }

    /// Reads a model written by [`Model::to_bytes`].
    pub fn from_bytes(data: &[u8]) -> Result<Self, ModelError> {
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
        if n == 0 || n > 1024 {
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
        let mut model = Self::empty(classes, scale, count);
        model.weights.resize(count * n, 0);
        // The rows go into the table as `to_bytes` writes them: in ascending key order, each
        // key once, none 0. Rows otherwise are sorted first (by key, stable, so a repeat stays
        // a repeat), and a repeat or key 0 refused.
        if !model.fill(rows) {
            let mut sorted: Vec<&[u8]> = rows.chunks_exact(row_bytes).collect();
            sorted.sort_by_key(|row| key_of(row));
            if sorted.first().is_some_and(|row| key_of(row) == 0) {
                return Err(ModelError::Malformed("feature key 0"));
            }
            if sorted.windows(2).any(|w| key_of(w[0]) == key_of(w[1])) {
                return Err(ModelError::Malformed("feature key repeated"));
            }
            model.slots.clear();
            model.slots.resize(model.homes as usize, EMPTY);
            // sorted, without repeats and without 0, the rows fill the table; were that ever
            // not so, a half-filled model must not load
            if !model.fill(&sorted.concat()) {
                return Err(ModelError::Malformed("feature key order"));
            }
        }
        Ok(model)
    }

    /// Reads `rows`, the rows of a file one after another (key, then the weights), into the
    /// table and `weights` (sized for them already), front to back, with no allocation per
    /// row; false, the table part filled, at the first row whose key is not larger than the
    /// key before (keys must ascend, and 0 is no key).
    fn fill(&mut self, rows: &[u8]) -> bool {
        match self.classes.len() {
            9 => self.fill_rows::<9>(rows),
            1 => self.fill_rows::<1>(rows),
            _ => self.fill_rows::<0>(rows),
        }
    }

    /// [`Model::fill`] for rows of `N` weights, or of the class count when `N` is 0. The
    /// shipped models' class counts (9 for names, 1 for casing) are constants here, so their
    /// rows are read as arrays of a known length: decoded and checked with no loop and no
    /// bounds check per weight (the recogniser's 171k rows are read on every run).
    fn fill_rows<const N: usize>(&mut self, rows: &[u8]) -> bool {
        let n = if N == 0 { self.classes.len() } else { N };
        let (mut last, mut next, mut rest) = (0, 0, rows);
        for (number, w) in self.weights.chunks_exact_mut(n).enumerate() {
            let Some((key, after)) = rest.split_first_chunk::<4>() else {
                return false;
            };
            let (Some(pairs), Some(after)) =
                (after.as_chunks::<2>().0.get(..n), after.get(2 * n..))
            else {
                return false;
            };
            rest = after;
            let key = u32::from_le_bytes(*key);
            if key <= last {
                return false;
            }
            last = key;
            match (
                <&mut [i16; N]>::try_from(&mut *w),
                <&[[u8; 2]; N]>::try_from(pairs),
            ) {
                (Ok(w), Ok(pairs)) if N > 0 => *w = pairs.map(i16::from_le_bytes),
                _ => {
                    for (x, b) in w.iter_mut().zip(pairs) {
                        *x = i16::from_le_bytes(*b);
                    }
                }
            }
            next = file(
                &mut self.slots,
                home(key, self.homes),
                next,
                Slot::new(key, number, w),
            );
        }
        true
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
pub fn shipped(name: &str, embedded: &[u8]) -> Option<Model> {
    match std::env::var_os("CHRONOLANE_MODELS") {
        Some(off) if off == "off" => None,
        Some(dir) => std::fs::read(std::path::Path::new(&dir).join(name))
            .ok()
            .and_then(|bytes| Model::from_bytes(&bytes).ok()),
        None => Model::from_bytes(embedded).ok(),
    }
}

/// The home slot of `key` in a table of `homes` home slots: `key × homes / 2³²`, which grows
/// with the key. So rows filed in ascending key order each go in the first free slot at or
/// after their home, which is after every slot used so far ([`file`]): the table is written
/// front to back, and its keys ascend through it. A look-up walks from the home slot until it
/// meets its key, an empty slot or a larger key (see [`Model::find`]).
#[inline]
fn home(key: u32, homes: u64) -> usize {
    ((u64::from(key) * homes) >> 32) as usize
}

/// Files `slot`, whose key is larger than every key filed so far, at its home or at `after`
/// (the slot after the last one filed), whichever is later; returns the slot after it. The
/// table grows past its home slots when the last keys need it.
fn file(slots: &mut Vec<Slot>, home: usize, after: usize, slot: Slot) -> usize {
    let at = home.max(after);
    if at >= slots.len() {
        slots.resize(at + 1, EMPTY);
    }
    slots[at] = slot;
    at + 1
}

/// The key a row of a file begins with.
fn key_of(row: &[u8]) -> u32 {
    u32::from_le_bytes([row[0], row[1], row[2], row[3]])
}

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
        // A slot holds a row whose weights fit in −127..=127; −128, 300 or a model of more
        // classes than a slot holds send the row to the i16 table. Each scores the same.
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
                    assert_eq!(model.row(*key), Some(&w[..]));
                }
            }
        }
    }

    #[test]
    fn a_row_keyed_0_is_left_out_and_hides_no_other() {
        // Keys homed at slot 0 of a 16-slot table (key × 16 / 2³² = 0), after a row keyed 0.
        let rows = [
            (0, vec![9]),
            (1, vec![1]),
            (2, vec![2]),
            (0x0fff_ffff, vec![3]),
        ];
        let m = Model::new(vec!["A".into()], 1.0, &rows);
        assert_eq!(m.len(), 3);
        assert_eq!(m.row(0), None);
        for model in [&m, &Model::from_bytes(&m.to_bytes()).expect("round trip")] {
            for (key, w) in &rows[1..] {
                assert_eq!(model.row(*key), Some(&w[..]));
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
            assert_eq!(m.row(*key), Some(&w[..]));
            assert_eq!(back.row(*key), Some(&w[..]));
            assert_eq!(back.row(key.wrapping_add(1)), None);
        }
        assert_eq!(back.row(0), None);
        assert_eq!(back.row(u32::MAX), None);
        // Written in another order, the rows are read all the same.
        let mut bytes = m.to_bytes();
        let body = bytes.len() - rows.len() * 8;
        let (first, second) = bytes[body..].split_at_mut(8);
        first.swap_with_slice(&mut second[..8]);
        let swapped = Model::from_bytes(&bytes).expect("unsorted rows");
        for (key, w) in &rows {
            assert_eq!(swapped.row(*key), Some(&w[..]));
        }
        // Of two rows with one key, the last counts.
        let m = Model::new(vec!["A".into()], 1.0, &[(9, vec![1]), (9, vec![2])]);
        assert_eq!(m.row(9), Some(&[2i16][..]));
    }
}
