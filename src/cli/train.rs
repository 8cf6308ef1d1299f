//! `chronolane train-models CORPORA [OUT]` (hidden): trains the part-of-speech tagger and the
//! named-entity recogniser from the shared corpora and writes their weights to `assets/models/`,
//! which the next build embeds. A subcommand rather than an example so training needs no
//! test-only dependencies built:
//!
//! ```text
//! cargo run --release -- train-models ../shared/corpora && cargo build --release
//! ```

use std::path::PathBuf;

use clap::Args;

use crate::extract::nlp::train;

#[derive(Debug, Args)]
pub struct TrainArgs {
    /// The shared corpora folder (with ud-ewt, ner-open and uner-ewt).
    #[arg(default_value = "../shared/corpora")]
    pub corpora: PathBuf,
    /// Where the weights go.
    #[arg(default_value = "assets/models")]
    pub out: PathBuf,
    /// Drop tagger features whose averaged weights all stay below this (smaller file).
    #[arg(long, default_value_t = 0.3)]
    pub prune_pos: f32,
    /// Drop recogniser features whose averaged weights all stay below this.
    #[arg(long, default_value_t = 1.0)]
    pub prune_ner: f32,
}

pub fn run_train(args: &TrainArgs) -> anyhow::Result<bool> {
    let prune = train::Pruning {
        pos: args.prune_pos,
        ner: args.prune_ner,
    };
    let report = train::run(&args.corpora, &args.out, prune, &mut |line| {
        eprintln!("{line}")
    })?;
    println!(
        "UPOS accuracy (UD EWT dev): {:.2}%\nNER exact-span F1 (UNER EWT dev, not trained on): {:.3} (P {:.3}, R {:.3})\nweights: pos {} bytes, ner {} bytes",
        report.upos_dev_accuracy * 100.0,
        report.ner_dev.2,
        report.ner_dev.0,
        report.ner_dev.1,
        report.pos_bytes,
        report.ner_bytes,
    );
    Ok(true)
}
