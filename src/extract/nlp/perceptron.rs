//! The averaged perceptron that trains the tagger and the recogniser (Collins 2002, with the
//! lazy averaging trick): simple, fast to train on a laptop, and as accurate as a linear model
//! with these features gets. Averaging the weights over every step keeps late updates from
//! dominating, which is what makes the plain perceptron generalise.

use std::collections::HashMap;

use super::model::Model;

/// Weights being learnt, with the running sums needed for their average.
pub struct Perceptron {
    classes: Vec<String>,
    index: HashMap<u32, usize>,
    weights: Vec<f32>,
    totals: Vec<f64>,
    stamps: Vec<u32>,
    /// Examples seen so far.
    time: u32,
}

impl Perceptron {
    pub fn new(classes: Vec<String>) -> Self {
        Self {
            classes,
            index: HashMap::new(),
            weights: Vec::new(),
            totals: Vec::new(),
            stamps: Vec::new(),
            time: 0,
        }
    }

    pub fn classes(&self) -> &[String] {
        &self.classes
    }

    /// Current (not averaged) scores of `features`, added into `scores`.
    pub fn score(&self, features: &[u32], scores: &mut [f32]) {
        let n = self.classes.len();
        for f in features {
            if let Some(&row) = self.index.get(f) {
                for (s, w) in scores.iter_mut().zip(&self.weights[row * n..row * n + n]) {
                    *s += w;
                }
            }
        }
    }

    /// One training example: moves weight from `guess` to `truth` when they differ.
    pub fn update(&mut self, truth: usize, guess: usize, features: &[u32]) {
        self.time += 1;
        if truth == guess {
            return;
        }
        let n = self.classes.len();
        for &f in features {
            let row = *self.index.entry(f).or_insert_with(|| {
                self.weights.resize(self.weights.len() + n, 0.0);
                self.totals.resize(self.totals.len() + n, 0.0);
                self.stamps.resize(self.stamps.len() + n, 0);
                self.weights.len() / n - 1
            });
            for (class, delta) in [(truth, 1.0f32), (guess, -1.0)] {
                let i = row * n + class;
                self.totals[i] +=
                    f64::from(self.time - self.stamps[i]) * f64::from(self.weights[i]);
                self.stamps[i] = self.time;
                self.weights[i] += delta;
            }
        }
    }

    /// The averaged weights, quantised to i16; rows whose largest averaged weight is below
    /// `min_weight` are pruned (mostly features seen once or twice: they hardly move a decision
    /// and would only add size).
    pub fn finish(&self, min_weight: f32) -> Model {
        let n = self.classes.len();
        let time = f64::from(self.time.max(1));
        let avg: Vec<f32> = (0..self.weights.len())
            .map(|i| {
                let total = self.totals[i]
                    + f64::from(self.time - self.stamps[i]) * f64::from(self.weights[i]);
                (total / time) as f32
            })
            .collect();
        let max = avg.iter().fold(0.0f32, |m, w| m.max(w.abs())).max(1e-6);
        let scale = max / f32::from(i16::MAX);
        let mut keys: Vec<(&u32, &usize)> = self.index.iter().collect();
        keys.sort();
        let rows: Vec<(u32, Vec<i16>)> = keys
            .into_iter()
            .filter_map(|(&key, &row)| {
                let w = &avg[row * n..row * n + n];
                let keep = w.iter().any(|x| x.abs() >= min_weight);
                let q: Vec<i16> = w.iter().map(|x| (x / scale).round() as i16).collect();
                (keep && q.iter().any(|x| *x != 0)).then_some((key, q))
            })
            .collect();
        Model::new(self.classes.clone(), scale, &rows)
    }
}

/// A small fixed-seed generator for shuffling training sentences reproducibly.
pub struct Shuffler(u64);

impl Shuffler {
    pub fn new(seed: u64) -> Self {
        Self(seed | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// Fisher–Yates.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_rule_and_keeps_it_after_quantising() {
        let mut p = Perceptron::new(vec!["no".into(), "yes".into()]);
        let examples = [
            (vec![1u32, 10], 1usize),
            (vec![2, 10], 0),
            (vec![1, 11], 1),
            (vec![3, 11], 0),
        ];
        for _ in 0..5 {
            for (f, truth) in &examples {
                let mut s = [0.0f32; 2];
                p.score(f, &mut s);
                let guess = usize::from(s[1] > s[0]);
                p.update(*truth, guess, f);
            }
        }
        let m = p.finish(0.0);
        for (f, truth) in &examples {
            let mut s = [0i32; 2];
            m.score(f, &mut s);
            assert_eq!(usize::from(s[1] > s[0]), *truth);
        }
    }
}
