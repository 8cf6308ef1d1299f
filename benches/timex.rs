//! Throughput of the temporal tagger, first on real news text and then, as a second figure,
//! on a news-like corpus of about 6 MB generated here from templates.
//!
//! Real text (read at run time from `../shared/corpora`, see `common/corpora.rs`; skipped with
//! a message when it is absent): the TimeBank/AQUAINT text as one document of 1, 3 and 10 MB,
//! so growth with the length of one document shows; and per-article batches (the 256
//! TimeBank/AQUAINT documents, the 687 Timeline17 dev articles), each tagged against its own
//! date.
//!
//! The template corpus: dated paragraphs with the forms the tagger reads (month-days,
//! weekdays, deixis, durations, quarters) mixed with date-free prose, numbers, money and names
//! that must be passed over. It is also written to `target/timex_corpus.txt` so the CLI's peak
//! memory can be measured on the same text (see BENCHMARKS.md).
//!
//! Run: `cargo bench --no-default-features --bench timex` (one group alone: add `-- timex/real`
//! or `-- timex/template`).

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

use chronolane::extract::timex::tag;

/// The program's allocator (see `src/main.rs`), so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[expect(
    dead_code,
    reason = "the module also serves the extract bench and the corpus example"
)]
#[path = "common/corpora.rs"]
mod corpora;

/// Sentences with a `{}` slot for a time expression.
const DATED: &[&str] = &[
    "The foreign minister said on {} that talks with the rebels would resume in Geneva.",
    "Protesters gathered outside parliament {} and demanded the resignation of the cabinet.",
    "The central bank cut its main rate by a quarter point {}, citing weak exports.",
    "Officials confirmed {} that 27 people had been killed in the attack near the border.",
    "The company reported a loss of $2.3 million for {}, compared with a profit a year earlier.",
    "Monitors say air strikes over {} have killed more than 120 civilians in the province.",
    "The envoy, who arrived {}, is expected to meet opposition leaders before flying home.",
    "Shares in the group rose 4.5 percent {} after the merger was approved by regulators.",
];

/// Time expressions to put in the slots.
const WHEN: &[&str] = &[
    "October 21",
    "Friday",
    "last week",
    "the third quarter",
    "the past three weeks",
    "Oct. 20, 2015",
    "yesterday",
    "late last month",
    "two days ago",
    "the evening of October 20",
    "early next year",
    "3 p.m. on Tuesday",
    "the 1990s",
    "21 October 2015",
    "this week",
];

/// Prose with no dates, and look-alikes the tagger must skip.
const PLAIN: &[&str] = &[
    "The ministry's statement gave no further details about the meeting or its agenda.",
    "Theresa May said the government would publish its plans for the border in full.",
    "The group's office at 1201 Connecticut Ave has 2015 members and a staff of forty.",
    "Thousands of protesters march through the old town every weekend, police said.",
    "Analysts at the bank expect growth of 2.1 percent, down from 2.4 percent.",
    "The team won 3-2 after a late goal, and the four-year-old club mascot led the parade.",
    "Residents were told to call 555-2015 if they saw anything unusual near the station.",
    "The Arab spring changed the region, and many of its leaders have since left office.",
];

/// About `bytes` of article text, the same on every run.
fn corpus(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 1024);
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |n: usize| {
        // xorshift64: deterministic and dependency-free.
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    while out.len() < bytes {
        for _ in 0..6 {
            if next(3) == 0 {
                out.push_str(PLAIN[next(PLAIN.len())]);
            } else {
                let template = DATED[next(DATED.len())];
                out.push_str(&template.replacen("{}", WHEN[next(WHEN.len())], 1));
            }
            out.push(' ');
        }
        out.push_str("\n\n");
    }
    out
}

fn bench_tag(c: &mut Criterion) {
    let text = corpus(6 << 20);
    let _ = std::fs::write("target/timex_corpus.txt", &text);
    let dct = NaiveDate::from_ymd_opt(2015, 10, 21);
    // Compile the patterns outside the measurement.
    black_box(tag("Warm-up on October 21, 2015.", dct));
    let found = tag(&text, dct).len();
    eprintln!("timex corpus: {} bytes, {found} expressions", text.len());
    let mut group = c.benchmark_group("timex/template");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.bench_function("tag/6MB", |b| b.iter(|| tag(black_box(&text), dct)));
    group.finish();
}

/// The tagger on real news: one document of growing size, then article by article.
fn bench_real(c: &mut Criterion) {
    let Some(docs) = corpora::timebank() else {
        corpora::say_skipped("timex/real");
        return;
    };
    let dct = corpora::timebank_dct();
    black_box(tag("Warm-up on October 21, 2015.", dct));
    let mut group = c.benchmark_group("timex/real");
    group.sample_size(10);
    for mb in [1, 3, 10] {
        let text = corpora::one_document(&docs, mb * corpora::MB);
        eprintln!(
            "timebank {mb} MB: {} bytes, {} expressions",
            text.len(),
            tag(&text, dct).len()
        );
        group.throughput(Throughput::BytesDecimal(text.len() as u64));
        group.bench_function(format!("timebank-doc/{mb}MB"), |b| {
            b.iter(|| tag(black_box(&text), dct))
        });
    }
    let texts: Vec<(&str, Option<NaiveDate>)> = docs
        .iter()
        .map(|d| (d.text.as_str(), d.published))
        .collect();
    tag_each(
        &mut group,
        &format!("timebank-articles/{}", docs.len()),
        &texts,
    );
    if let Some(articles) = corpora::timeline17_articles() {
        let texts: Vec<(&str, Option<NaiveDate>)> = articles
            .iter()
            .map(|a| (a.text.as_str(), a.published))
            .collect();
        tag_each(
            &mut group,
            &format!("timeline17-articles/{}", articles.len()),
            &texts,
        );
    }
    group.finish();
}

/// `tag` over each (text, DCT) in turn, throughput in decimal megabytes.
fn tag_each(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    name: &str,
    texts: &[(&str, Option<NaiveDate>)],
) {
    let bytes: usize = texts.iter().map(|(t, _)| t.len()).sum();
    group.throughput(Throughput::BytesDecimal(bytes as u64));
    group.bench_function(name, |b| {
        b.iter(|| {
            for &(text, dct) in texts {
                black_box(tag(text, dct));
            }
        })
    });
}

criterion_group!(benches, bench_real, bench_tag);
criterion_main!(benches);
