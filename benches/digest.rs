//! Speed of the digest (date salience, TF-IDF clusters, sentence choice) on real news: the
//! Timeline17 development topics in `../shared/corpora/tls-dev`, extracted once outside the
//! measurement. The corpus is measured as it is (687 articles) and repeated four times under new
//! ids (2,748 articles), to show the cost grows with the reports, not their square.
//!
//! Run: `cargo bench --bench digest`. Without the corpus it says so and measures nothing.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

use chronolane::digest::{Options, digest};
use chronolane::extract::extract;
use chronolane::ingest::{self, Loaded};

/// The program's allocator (see `src/main.rs`), so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn corpus() -> Option<Loaded> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/tls-dev");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path().join("articles.jsonl")))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    let mut loaded = Loaded::default();
    for file in files {
        let bytes = std::fs::read(&file).ok()?;
        loaded
            .articles
            .extend(ingest::parse_bytes(&file, &bytes).ok()?.articles);
    }
    (!loaded.articles.is_empty()).then_some(loaded)
}

fn repeated(loaded: &Loaded, times: usize) -> Loaded {
    let mut out = Loaded::default();
    for round in 0..times {
        out.articles.extend(loaded.articles.iter().map(|a| {
            let mut a = a.clone();
            a.id = format!("{}#{round}", a.id);
            a
        }));
    }
    out
}

fn bench(c: &mut Criterion) {
    let Some(loaded) = corpus() else {
        eprintln!("digest bench: ../shared/corpora/tls-dev is absent; nothing measured");
        return;
    };
    let options = Options {
        dates: 30,
        sentences: 2,
        ..Options::default()
    };
    let mut group = c.benchmark_group("digest");
    group.sample_size(10);
    for times in [1, 4] {
        let input = repeated(&loaded, times);
        let timeline = extract(&input);
        group.throughput(Throughput::Elements(input.articles.len() as u64));
        group.bench_function(format!("{} articles", input.articles.len()), |b| {
            b.iter(|| digest(black_box(&timeline), black_box(&options)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
