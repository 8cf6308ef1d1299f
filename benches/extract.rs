//! Throughput of the whole extraction pipeline (sentences, time expressions, gazetteer, names,
//! coreference, events, labels), first on real news text and then, as a second figure, on a
//! generated news-like corpus of 1,000 template articles of about 3 KB.
//!
//! Real text (read at run time from `../shared/corpora`, see `common/corpora.rs`; skipped with
//! a message when it is absent), one thread, `extract_article` as the command line runs it on
//! one file:
//! - the TimeBank/AQUAINT text as one document of 1, 3 and 10 MB (growth with the length of
//!   one document), and 10 MB on one line (the text flattened, and one sentence repeated);
//! - per-article batches: the 256 TimeBank/AQUAINT documents, the 687 Timeline17 dev articles,
//!   the 65 saved web pages as read by our HTML reader.
//!
//! Figures are without a trained tagger unless one is built into `extract_article`.
//!
//! Run: `cargo bench --no-default-features --bench extract` (one group alone: add
//! `-- extract/real` or `-- extract/template`; one size: `-- timebank-doc/10MB`). "serial"
//! extracts the template articles one after another on one thread (the per-core figure);
//! "pipeline" is `extract()` over all 1,000 with rayon on every core.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

use chronolane::extract::{extract, extract_article};
use chronolane::ingest::{self, Loaded};
use chronolane::model::Article;

/// The program's allocator (see `src/main.rs`), so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[expect(
    dead_code,
    reason = "the module also serves the timex bench and the corpus example"
)]
#[path = "common/corpora.rs"]
mod corpora;

const PEOPLE: &[&str] = &[
    "Foreign Minister Sergei Lavrov",
    "Secretary of State John Kerry",
    "Kremlin spokesman Dmitry Peskov",
    "German Chancellor Angela Merkel",
    "Chilean President Camila Orrego",
    "Acme Robotics chief executive Dana Whitfield",
    "Senator Paula Grieve",
    "Defence Minister Arvid Lund",
];
const SURNAMES: &[&str] = &[
    "Lavrov",
    "Kerry",
    "Peskov",
    "Merkel",
    "Orrego",
    "Whitfield",
    "Grieve",
    "Lund",
];
const PLACES: &[&str] = &[
    "Moscow",
    "Washington",
    "Berlin",
    "Geneva",
    "Santiago",
    "Damascus",
    "Vienna",
    "Oslo",
];
const BODIES: &[&str] = &[
    "the United Nations",
    "the Baltic Institute for Coastal Studies",
    "Nordvik Shipping Corp.",
    "the Estonian Interior Ministry",
    "Reuters",
    "the European Union",
];
const WHEN: &[&str] = &[
    "on October 21",
    "on Tuesday",
    "last week",
    "late last month",
    "in September 2014",
    "yesterday",
    "over the past three weeks",
    "on March 3, 2016",
];
const DATED: &[&str] = &[
    "{P} met officials of {B} in {L} {W} to discuss the crisis.",
    "{S} said {W} that talks with {B} would resume in {L}.",
    "The announcement by {B} {W} comes a day after {P} visited {L}.",
    "{P} told reporters in {L} {W} that the agreement was close.",
];
const UNDATED: &[&str] = &[
    "{S} has repeatedly called for a negotiated settlement with the opposition.",
    "Meanwhile, prices for fuel and bread rose sharply across the region.",
    "He said the delegation would return to {L} once the details were settled.",
    "Analysts say the move is unlikely to change the balance of power on the ground.",
    "But critics of {B} argue that the plan lacks money and a clear timetable.",
];

struct Lcg(u64);

impl Lcg {
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        items[(self.0 >> 33) as usize % items.len()]
    }
}

fn sentence(rng: &mut Lcg, template: &str) -> String {
    template
        .replace("{P}", rng.pick(PEOPLE))
        .replace("{S}", rng.pick(SURNAMES))
        .replace("{L}", rng.pick(PLACES))
        .replace("{B}", rng.pick(BODIES))
        .replace("{W}", rng.pick(WHEN))
}

/// `n` articles of about 3 KB each: paragraphs of two dated and two undated sentences.
fn corpus(n: usize) -> Vec<Article> {
    let mut rng = Lcg(42);
    (0..n)
        .map(|i| {
            let mut text = String::new();
            let mut paragraphs = Vec::new();
            while text.len() < 3000 {
                let start = text.len();
                for k in 0..4 {
                    let template = if k % 2 == 0 {
                        rng.pick(DATED)
                    } else {
                        rng.pick(UNDATED)
                    };
                    text.push_str(&sentence(&mut rng, template));
                    text.push(' ');
                }
                text.pop();
                paragraphs.push(start..text.len());
                text.push_str("\n\n");
            }
            Article {
                id: format!("bench-{i}"),
                title: format!("Generated article {i}"),
                published: NaiveDate::from_ymd_opt(2015, 10, 21),
                text,
                paragraphs,
                ..Default::default()
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let articles = corpus(1000);
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let mut group = c.benchmark_group("extract/template");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("serial", |b| {
        b.iter(|| {
            for a in &articles {
                black_box(extract_article(a));
            }
        })
    });
    let loaded = Loaded {
        articles,
        ..Default::default()
    };
    group.bench_function("pipeline", |b| b.iter(|| black_box(extract(&loaded))));
    group.finish();
}

/// The article the command line makes of `text` saved as `name` (paragraphs, dateline).
fn as_file(name: &str, text: &str) -> Option<Article> {
    ingest::parse_bytes(std::path::Path::new(name), text.as_bytes())
        .ok()?
        .articles
        .into_iter()
        .next()
}

/// `extract_article` over `articles` one after another, throughput in decimal megabytes.
fn bench_serial(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    name: &str,
    articles: &[Article],
) {
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    group.throughput(Throughput::BytesDecimal(bytes as u64));
    group.bench_function(name, |b| {
        b.iter(|| {
            for a in articles {
                black_box(extract_article(a));
            }
        })
    });
}

/// Extraction on real news: one document of growing size, one long line, article batches.
fn bench_real(c: &mut Criterion) {
    let Some(docs) = corpora::timebank() else {
        corpora::say_skipped("extract/real");
        return;
    };
    // The recognisers are built on first use; keep that out of the measurement.
    black_box(extract_article(
        &as_file("warm-up.txt", "Kerry met Lavrov on Tuesday.").unwrap_or_default(),
    ));
    let mut group = c.benchmark_group("extract/real");
    group.sample_size(10);
    for mb in [1, 3, 10] {
        let text = corpora::one_document(&docs, mb * corpora::MB);
        if let Some(article) = as_file(&format!("timebank-{mb}MB.txt"), &text) {
            bench_serial(&mut group, &format!("timebank-doc/{mb}MB"), &[article]);
        }
    }
    let ten = corpora::one_document(&docs, 10 * corpora::MB);
    for (name, text) in [
        ("timebank-line/10MB", corpora::flattened(&ten)),
        ("one-line/10MB", corpora::one_line(10 * corpora::MB)),
    ] {
        if let Some(article) = as_file(&format!("{}.txt", name.replace('/', "-")), &text) {
            bench_serial(&mut group, name, &[article]);
        }
    }
    // Each document as the command line reads a text file, dated by its own DCT.
    let articles: Vec<Article> = docs
        .iter()
        .filter_map(|d| {
            let mut article = as_file(&format!("{}.txt", d.id), &d.text)?;
            article.published = d.published;
            Some(article)
        })
        .collect();
    bench_serial(
        &mut group,
        &format!("timebank-articles/{}", articles.len()),
        &articles,
    );
    if let Some(articles) = corpora::timeline17_articles() {
        bench_serial(
            &mut group,
            &format!("timeline17-articles/{}", articles.len()),
            &articles,
        );
    }
    if let Some(pages) = corpora::web_pages() {
        let articles: Vec<Article> = pages
            .iter()
            .filter_map(|(name, html)| {
                let path = format!("{name}.html");
                ingest::parse_bytes(std::path::Path::new(&path), html).ok()
            })
            .flat_map(|l| l.articles)
            .collect();
        bench_serial(
            &mut group,
            &format!("web-pages/{}", articles.len()),
            &articles,
        );
    }
    group.finish();
}

criterion_group!(benches, bench_real, bench);
criterion_main!(benches);
