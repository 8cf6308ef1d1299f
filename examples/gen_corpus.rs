//! Writes a synthetic news corpus for scale tests: `cargo run --release --example gen_corpus --
//! DIR [COUNT] [--jsonl]`. Articles are built from sentence templates written for this tool,
//! with varied actors, places and dates, about 3 KB each (10,000 articles ≈ 30 MB), as .txt
//! (70%), .html (20%) and .md (10%) files, or with `--jsonl` as one `DIR/articles.jsonl`.
//! The same arguments always give the same corpus.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;

const PEOPLE: &[(&str, &str)] = &[
    ("Foreign Minister", "Ana Ribeiro"),
    ("President", "Tomas Varga"),
    ("Prime Minister", "Helena Brandt"),
    ("Defence Minister", "Yusuf Kaya"),
    ("envoy", "Marek Novak"),
    ("Secretary-General", "Ines Duarte"),
    ("central bank governor", "Lars Holm"),
    ("opposition leader", "Nadia Petrova"),
    ("Trade Commissioner", "Paolo Greco"),
    ("Interior Minister", "Sofia Lind"),
    ("Finance Minister", "Omar Haddad"),
    ("mayor", "Claire Dubois"),
];
const COUNTRIES: &[&str] = &[
    "Portugal", "Hungary", "Germany", "Turkey", "Poland", "Greece", "Sweden", "Italy", "Egypt",
    "Jordan", "Norway", "Chile", "Kenya", "Japan", "Canada", "Brazil",
];
const ORGS: &[&str] = &[
    "the United Nations",
    "NATO",
    "the European Union",
    "the World Bank",
    "the International Monetary Fund",
    "the African Union",
    "the Red Cross",
    "OPEC",
];
const CITIES: &[&str] = &[
    "LISBON",
    "BUDAPEST",
    "BERLIN",
    "ANKARA",
    "WARSAW",
    "ATHENS",
    "STOCKHOLM",
    "ROME",
    "CAIRO",
    "AMMAN",
    "OSLO",
    "SANTIAGO",
    "NAIROBI",
    "TOKYO",
    "OTTAWA",
    "BRASILIA",
];
const TOPICS: &[&str] = &[
    "a grain export corridor",
    "fishing quotas in shared waters",
    "a border crossing for lorries",
    "the reconstruction of a river bridge",
    "power lines across the mountains",
    "a loan for flood defences",
    "the return of displaced families",
    "a ceasefire along the northern line",
    "rules for port inspections",
    "a vaccine purchase",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Sentence templates: {P} a titled person, {S} that person's surname, {C}/{D} countries,
/// {O} an organisation, {T} a topic, {DAY} a weekday, {DATE} a full date, {MONTH} a month.
const SENTENCES: &[&str] = &[
    "{P} met officials from {C} on {DAY} to discuss {T}.",
    "{C} and {D} signed an agreement on {T} on {DATE}, according to a joint statement.",
    "{S} told reporters that talks with {O} would resume in {MONTH}.",
    "Last week {O} said it was ready to fund {T} if {C} agreed to new audits.",
    "On {DATE}, {P} travelled to {D} for two days of meetings.",
    "{C} recalled its ambassador from {D} on {DAY}, a government spokesman said.",
    "The delegation from {O} arrived on {DAY} and left the following morning.",
    "{S} said the plan for {T} had been delayed since {MONTH}.",
    "Negotiators from {C} and {D} are expected to meet again next month.",
    "Protesters gathered outside the parliament on {DAY} to oppose {T}.",
    "{P} resigned on {DATE} after a dispute over {T}.",
    "Three weeks ago {O} warned that {T} was running out of money.",
    "Officials in {C} said on {DAY} that the first shipments would leave within days.",
    "{S} is due to address {O} in {MONTH}.",
    "The agreement, first proposed in {MONTH}, still needs the approval of lawmakers in {D}.",
    "Analysts said the move by {C} was aimed at voters ahead of elections.",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[(self.next() % items.len() as u64) as usize]
    }
}

struct Story {
    headline: String,
    dateline: String,
    published: String,
    paragraphs: Vec<String>,
}

fn story(rng: &mut Rng, n: usize) -> Story {
    let year = 2014 + (rng.next() % 5) as usize;
    let month = (rng.next() % 12) as usize;
    let day = 1 + (rng.next() % 28) as usize;
    let city = rng.pick(CITIES);
    let (title, name) = rng.pick(PEOPLE);
    let country = rng.pick(COUNTRIES);
    let other = rng.pick(COUNTRIES);
    let topic = rng.pick(TOPICS);
    let headline = format!("{country} and {other} press on with talks over {topic} ({n})");
    let mut paragraphs = Vec::new();
    let mut size = 0;
    while size < 2800 {
        let mut paragraph = String::new();
        for _ in 0..3 {
            let (t, nm) = rng.pick(PEOPLE);
            let date_day = 1 + (rng.next() % 28) as usize;
            let date_month = MONTHS[(month + 12 - (rng.next() % 3) as usize) % 12];
            let sentence = rng
                .pick(SENTENCES)
                .replace("{P}", &format!("{t} {nm}"))
                .replace("{S}", nm.rsplit(' ').next().unwrap_or(nm))
                .replace(
                    "{C}",
                    if rng.next().is_multiple_of(2) {
                        country
                    } else {
                        rng.pick(COUNTRIES)
                    },
                )
                .replace("{D}", other)
                .replace("{O}", rng.pick(ORGS))
                .replace("{T}", topic)
                .replace("{DAY}", rng.pick(WEEKDAYS))
                .replace("{DATE}", &format!("{date_day} {date_month} {year}"))
                .replace("{MONTH}", rng.pick(MONTHS));
            let sentence = capitalise(&sentence);
            paragraph.push_str(&sentence);
            paragraph.push(' ');
        }
        let lead = format!("{title} {name} said the talks were difficult. ");
        if paragraphs.is_empty() {
            paragraph.insert_str(0, &lead);
        }
        size += paragraph.len();
        paragraphs.push(paragraph.trim_end().to_string());
    }
    Story {
        headline,
        dateline: format!("{city}, {} {day}, {year} (Wire) - ", MONTHS[month]),
        published: format!("{year}-{:02}-{day:02}", month + 1),
        paragraphs,
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn as_text(s: &Story) -> String {
    let mut out = format!("{}\n\n{}", s.headline, s.dateline);
    for p in &s.paragraphs {
        let _ = write!(out, "{p}\n\n");
    }
    out
}

fn as_html(s: &Story) -> String {
    let mut out = format!(
        "<!DOCTYPE html><html><head><title>{0}</title></head><body><nav><a href=\"/\">Home</a></nav><article><h1>{0}</h1><p>{1}",
        s.headline, s.dateline
    );
    for p in &s.paragraphs {
        let _ = write!(out, "{p}</p>\n<p>");
    }
    out.push_str("</p></article><footer>Copyright Wire</footer></body></html>\n");
    out
}

fn as_markdown(s: &Story) -> String {
    let mut out = format!("---\ntitle: {}\ndate: {}\n---\n\n", s.headline, s.published);
    for p in &s.paragraphs {
        let _ = write!(out, "{p}\n\n");
    }
    out
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let jsonl = args.iter().any(|a| a == "--jsonl");
    let positional: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let Some(dir) = positional.first().map(PathBuf::from) else {
        eprintln!("usage: gen_corpus DIR [COUNT] [--jsonl]");
        std::process::exit(2);
    };
    let count: usize = positional
        .get(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(10_000);
    std::fs::create_dir_all(&dir)?;
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut bytes = 0usize;
    let mut lines = if jsonl {
        Some(std::io::BufWriter::new(std::fs::File::create(
            dir.join("articles.jsonl"),
        )?))
    } else {
        None
    };
    for n in 0..count {
        let s = story(&mut rng, n);
        if let Some(out) = lines.as_mut() {
            let line = serde_json::json!({
                "id": format!("gen-{n:05}"),
                "published": s.published,
                "text": as_text(&s),
            })
            .to_string()
                + "\n";
            bytes += line.len();
            out.write_all(line.as_bytes())?;
            continue;
        }
        let (name, body) = match n % 10 {
            0 | 1 => (format!("a{n:05}.html"), as_html(&s)),
            2 => (format!("a{n:05}.md"), as_markdown(&s)),
            _ => (format!("a{n:05}.txt"), as_text(&s)),
        };
        bytes += body.len();
        std::fs::write(dir.join(name), body)?;
    }
    if let Some(mut out) = lines {
        out.flush()?;
    }
    eprintln!(
        "wrote {count} articles, {bytes} bytes, to {}",
        dir.display()
    );
    Ok(())
}
