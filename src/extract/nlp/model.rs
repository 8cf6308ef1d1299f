//! A trained linear model as it ships: class names and, per hashed feature, one quantised
//! weight per class, in a small binary format (`CLNM`, version, classes, rows of i16), read
//! into an open-addressing table so scoring a feature is one probe and a few additions.

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
    /// Slot → (feature key, first weight of its row in `weights`); key 0 marks an empty slot.
    /// Length a power of two. Key and row side by side: one cache miss per feature, not two.
    slots: Vec<(u32, u32)>,
    /// How far a key is shifted right to give its home slot: 32 − log2 of the number of slots.
    shift: u32,
    weights: Vec<i16>,
}

impl Model {
    /// A model from its class names and rows `(key, weights)`, each with one weight per class.
    pub fn new(classes: Vec<String>, scale: f32, rows: &[(u32, Vec<i16>)]) -> Self {
        let n = classes.len();
        let capacity = (rows.len() * 2).next_power_of_two().max(16);
        let mut model = Self {
            classes,
            scale,
            slots: vec![(0, 0); capacity],
            shift: 32u32.saturating_sub(capacity.trailing_zeros()),
            weights: Vec::with_capacity(rows.len() * n),
        };
        for (key, w) in rows {
            let at = u32::try_from(model.weights.len()).unwrap_or(u32::MAX);
            model.weights.extend(w.iter().copied().take(n));
            model
                .weights
                .resize(model.weights.len() + n.saturating_sub(w.len()), 0);
            let slot = model.slot(*key);
            model.slots[slot] = (*key, at);
        }
        model
    }

    /// The home slot of `key`: its top bits (keys are hashes, so the top bits spread as evenly
    /// as the low ones). Keys in ascending order then have ascending home slots, so reading a
    /// file (whose rows ascend by key) fills the table front to back instead of at random
    /// places all over it (the NER model's table is 4 MB: a cache miss per row). Look-ups
    /// cost the same either way.
    #[inline]
    fn home(&self, key: u32) -> usize {
        (key >> self.shift) as usize
    }

    /// The slot holding `key`, or the empty slot where it would go.
    fn slot(&self, key: u32) -> usize {
        let mask = self.slots.len() - 1;
        let mut s = self.home(key);
        while self.slots[s].0 != 0 && self.slots[s].0 != key {
            s = (s + 1) & mask;
        }
        s
    }

    /// Where the row of `key` begins in `weights`, if the model has one: [`Model::slot`] as
    /// one loop that reads each slot once (the scorer's inner loop).
    #[inline]
    fn find(&self, key: u32) -> Option<usize> {
        let mask = self.slots.len() - 1;
        let mut s = self.home(key);
        loop {
            let (k, at) = *self.slots.get(s)?;
            // An empty slot first: key 0 marks one, so it is never a feature's row.
            if k == 0 {
                return None;
            }
            if k == key {
                return Some(at as usize);
            }
            s = (s + 1) & mask;
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
        let n = self.classes.len();
        for &f in features {
            let (key, at) = self.slots[self.slot(f)];
            if key == 0 {
                continue;
            }
            let at = at as usize;
            for (acc, &w) in scores.iter_mut().zip(&self.weights[at..at + n]) {
                *acc += i32::from(w);
            }
        }
    }

    /// [`Model::score`] for a model of exactly `N` classes.
    fn score_fixed<const N: usize>(&self, features: &[u32], scores: &mut [i32; N]) {
        // Summed in a local copy, which the compiler keeps in registers across features.
        let mut sums = *scores;
        for &f in features {
            let Some(at) = self.find(f) else {
                continue;
            };
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
        let (k, at) = self.slots[self.slot(key)];
        let n = self.classes.len();
        (k != 0).then(|| &self.weights[at as usize..at as usize + n])
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
        let mut slots: Vec<(u32, u32)> = self.slots.iter().copied().filter(|s| s.0 != 0).collect();
        slots.sort_unstable();
        for (key, at) in slots {
            out.extend_from_slice(&key.to_le_bytes());
            let at = at as usize;
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
        // The table is filled straight from the rows: no per-row allocation, so loading costs
        // one pass over the bytes and no more memory than the table itself.
        let capacity = (count * 2).next_power_of_two().max(16);
        let mut model = Self {
            classes,
            scale,
            slots: vec![(0, 0); capacity],
            shift: 32u32.saturating_sub(capacity.trailing_zeros()),
            weights: Vec::with_capacity(count * n),
        };
        for row in data[r.at..r.at + count * row_bytes].chunks_exact(row_bytes) {
            let key = u32::from_le_bytes([row[0], row[1], row[2], row[3]]);
            if key == 0 {
                return Err(ModelError::Malformed("feature key 0"));
            }
            let slot = model.slot(key);
            if model.slots[slot].0 == key {
                return Err(ModelError::Malformed("feature key repeated"));
            }
            let at = u32::try_from(model.weights.len())
                .map_err(|_| ModelError::Malformed("too many rows"))?;
            model.weights.extend(
                row[4..]
                    .chunks_exact(2)
                    .map(|w| i16::from_le_bytes([w[0], w[1]])),
            );
            model.slots[slot] = (key, at);
        }
        Ok(model)
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
