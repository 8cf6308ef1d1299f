//! Throughput of the whole extraction pipeline (sentences, time expressions, gazetteer, names,
//! coreference, events, registry and merge) on a generated news-like corpus: 1,000 articles of
//! about 3 KB, written from templates here (deterministic, no data files).
//!
//! Run: `cargo bench --bench extract`. "serial" extracts article after article on one thread
//! (the per-core figure); "pipeline" is `extract()` over all 1,000 with rayon on every core.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

use chronolane::extract::{extract, extract_article};
use chronolane::ingest::Loaded;
use chronolane::model::Article;

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
    let mut group = c.benchmark_group("extract");
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

criterion_group!(benches, bench);
criterion_main!(benches);
