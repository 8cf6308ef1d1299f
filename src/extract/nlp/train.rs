//! The training run behind `chronolane train-models` (hidden): reads the corpora,
//! trains the tagger and then the recogniser, measures both on
//! held-out data, and writes the weights to `assets/models/`. Deterministic: fixed seeds,
//! fixed corpus order.

use std::path::{Path, PathBuf};

use thiserror::Error;

use super::casing::{self, Casing};
use super::corpus::{self, NerSentence, TypeMap};
use super::model::{Model, ModelError};
use super::ner::{self, Recogniser};
#[cfg(doc)]
use super::perceptron::Perceptron;
use super::pos::{self, Tagger};

/// Passes over the training data.
const POS_ITERATIONS: usize = 8;
const NER_ITERATIONS: usize = 10;
const SEED: u64 = 0x00C0_FFEE;

/// Why training could not run.
#[derive(Debug, Error)]
pub enum TrainError {
    #[error("reading {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("writing {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A trained model the recogniser refused (its classes are not the recogniser's labels).
    #[error("recogniser model: {0}")]
    Model(#[from] ModelError),
}

/// What training measured.
#[derive(Debug)]
pub struct Report {
    pub pos_train_sentences: usize,
    pub upos_dev_accuracy: f64,
    pub ner_train_sentences: usize,
    /// Exact-span precision, recall, F1 on Universal NER English-EWT dev (measured only).
    pub ner_dev: (f64, f64, f64),
    pub pos_bytes: usize,
    pub ner_bytes: usize,
}

fn read<T>(path: &Path, f: impl Fn(&Path) -> std::io::Result<T>) -> Result<T, TrainError> {
    f(path).map_err(|source| TrainError::Read {
        path: path.to_path_buf(),
        source,
    })
}

/// The entity training files under `corpora/ner-open`, each with its type mapping.
fn ner_files(corpora: &Path) -> Vec<(PathBuf, TypeMap)> {
    let open = corpora.join("ner-open");
    let mut files: Vec<(PathBuf, TypeMap)> = vec![
        (
            open.join("wikigold/CONLL-format/data/wikigold.conll.txt"),
            corpus::conll_types,
        ),
        (
            open.join("WNUT17/CONLL-format/data/train/wnut17train.conll"),
            corpus::wnut_types,
        ),
        (
            open.join("WNUT17/CONLL-format/data/dev/emerging.dev.conll"),
            corpus::wnut_types,
        ),
        (
            open.join("WNUT17/CONLL-format/data/test/emerging.test.annotated"),
            corpus::wnut_types,
        ),
        (
            open.join("re3d/CONLL-format/data/train/re3d-train.conll"),
            corpus::re3d_types,
        ),
        (
            open.join("re3d/CONLL-format/data/test/re3d-test.conll"),
            corpus::re3d_types,
        ),
        (
            open.join("GUM/CONLL-format/data/train/gum-train.conll"),
            corpus::gum_types,
        ),
        (
            open.join("GUM/CONLL-format/data/test/gum-test.conll"),
            corpus::gum_types,
        ),
    ];
    for part in ["a", "b", "e", "f", "g", "h"] {
        files.push((
            open.join(format!("BTC/CONLL-format/data/{part}.conll")),
            corpus::conll_types,
        ));
    }
    files
}

/// How small an averaged weight may be and still ship, per model (see [`Perceptron::finish`]).
#[derive(Clone, Copy, Debug)]
pub struct Pruning {
    pub pos: f32,
    pub ner: f32,
}

/// Trains both models from `corpora` (the shared corpora folder) and writes them to `out`.
pub fn run(
    corpora: &Path,
    out: &Path,
    prune: Pruning,
    log: &mut dyn FnMut(&str),
) -> Result<Report, TrainError> {
    let ud = corpora.join("ud-ewt");
    let train = read(&ud.join("en_ewt-ud-train.conllu"), corpus::read_conllu)?;
    let dev = read(&ud.join("en_ewt-ud-dev.conllu"), corpus::read_conllu)?;
    log(&format!("tagger: {} training sentences", train.len()));
    let tagger = Tagger {
        model: pos::train(&train, POS_ITERATIONS, SEED, prune.pos),
    };
    let upos = pos::accuracy(&tagger, &dev);
    log(&format!(
        "tagger: UPOS accuracy on UD EWT dev {:.2}%",
        upos * 100.0
    ));
    // What ships is what was measured: the quantised, pruned model read back from its bytes.
    let pos_bytes = write(&out.join("pos.clnm"), &tagger.model)?;

    let mut sentences: Vec<NerSentence> = Vec::new();
    for (path, map) in ner_files(corpora) {
        let mut s = read(&path, |p| corpus::read_conll(p, map))?;
        // Every corpus, not only GUM's mentions: re3d marks "a rocket" and "the Government"
        // as spans too, and taught the model to open names on lower-case words ("to Miami").
        s.iter_mut().for_each(corpus::keep_named);
        log(&format!(
            "recogniser: {} sentences from {}",
            s.len(),
            path.display()
        ));
        sentences.extend(s);
    }
    let casing = casing(corpora, &train, &sentences)?;
    let case_bytes = match casing.model() {
        Some(m) => write(&out.join("case.clnm"), m)?,
        None => 0,
    };
    log(&format!(
        "recogniser: casing table of {} words ({case_bytes} bytes)",
        casing.model().map_or(0, Model::len)
    ));
    let examples: Vec<ner::Example> = sentences.iter().map(ner::example).collect();
    // A second pass on the tagger's treebank: the first recogniser labels its sentences, the
    // treebank's proper-noun tags correct the spans (see `ner::silver`), and the final model
    // learns from both — names as web text, mail and reviews write them.
    let first = Recogniser::new(
        ner::train(&examples, NER_ITERATIONS, SEED, prune.ner),
        casing,
    )?;
    let silver = ner::silver(&first, &train);
    log(&format!(
        "recogniser: {} treebank sentences labelled by a first pass",
        silver.len()
    ));
    let mut examples = examples;
    examples.extend(silver.iter().map(ner::example));
    let rec = Recogniser::new(
        ner::train(&examples, NER_ITERATIONS, SEED, prune.ner),
        first.casing,
    )?;
    let uner = read(
        &corpora.join("uner-ewt/en_ewt-ud-dev.iob2"),
        corpus::read_uner,
    )?;
    let uner: Vec<ner::Example> = uner.iter().map(ner::example).collect();
    let ner_dev = ner::evaluate(&rec, &uner);
    log(&format!(
        "recogniser: exact spans on Universal NER EWT dev (measured, not trained on): P {:.3} R {:.3} F1 {:.3}",
        ner_dev.0, ner_dev.1, ner_dev.2
    ));
    let ner_bytes = write(&out.join("ner.clnm"), rec.model())?;
    Ok(Report {
        pos_train_sentences: train.len(),
        upos_dev_accuracy: upos,
        ner_train_sentences: examples.len(),
        ner_dev,
        pos_bytes,
        ner_bytes,
    })
}

/// Counts how words are capitalised in the unlabelled text training may read: the treebank's
/// train sentences, the entity corpora's sentences and the news articles of `tls-dev`
/// (never UD or Universal NER dev, which measure the models).
fn casing(
    corpora: &Path,
    treebank: &[pos::Tagged],
    entities: &[NerSentence],
) -> Result<Casing, TrainError> {
    let mut counter = casing::Counter::default();
    for s in treebank {
        counter.sentence(s.words.iter().map(String::as_str));
    }
    for s in entities {
        counter.sentence(s.words.iter().map(String::as_str));
    }
    for topic in ["h1n1", "haiti"] {
        let path = corpora.join("tls-dev").join(topic).join("articles.jsonl");
        let data = read(&path, |p| std::fs::read_to_string(p))?;
        for line in data.lines() {
            let Ok(article) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let Some(text) = article.get("text").and_then(serde_json::Value::as_str) else {
                continue;
            };
            for s in crate::extract::sentences::split(text, 0..text.len()) {
                let words = super::tokenize::tokens(text, s);
                counter.sentence(words.into_iter().map(|r| &text[r]));
            }
        }
    }
    Ok(counter.finish())
}

fn write(path: &Path, model: &Model) -> Result<usize, TrainError> {
    let bytes = model.to_bytes();
    std::fs::write(path, &bytes).map_err(|source| TrainError::Write {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(bytes.len())
}
