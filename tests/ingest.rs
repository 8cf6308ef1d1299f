//! Ingest as a user meets it: files on disk in every supported shape, good and bad.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use chronolane::ingest::{IngestError, LoadOptions, Loaded, load_file, load_paths};
use chronolane::model::{Article, ArticleFormat, Precision};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ingest")
        .join(name)
}

fn load(name: &str) -> Result<Loaded, IngestError> {
    load_file(&fixture(name), &LoadOptions::default())
}

fn only_article(name: &str) -> Article {
    let mut loaded = load(name).unwrap();
    assert_eq!(loaded.articles.len(), 1, "{name}");
    loaded.articles.remove(0)
}

fn paragraphs(a: &Article) -> Vec<&str> {
    a.paragraph_texts().map(|(_, t)| t).collect()
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn wire_story_boilerplate_never_reaches_a_paragraph() {
    let a = only_article("boilerplate_wire_story.txt");
    assert_eq!(
        a.title,
        "Ministers Agree Grain Corridor Talks After Port Strike"
    );
    assert_eq!(a.published, ymd(2016, 3, 3));
    assert_eq!(a.format, ArticleFormat::Text);
    let body = paragraphs(&a);
    assert_eq!(body.len(), 3);
    assert!(body[0].starts_with("Officials from three Black Sea states"));
    for furniture in [
        "JOIN NOW",
        "Energy Security",
        "banner",
        "March 3, 2016",
        "With reporting",
        "Source:",
        "Copyright",
        "mailing list",
    ] {
        assert!(
            body.iter().all(|p| !p.contains(furniture)),
            "{furniture:?} is in a paragraph"
        );
    }
    // Offsets index the file as it is on disk.
    let file = std::fs::read_to_string(fixture("boilerplate_wire_story.txt")).unwrap();
    assert_eq!(a.text, file);
}

#[test]
fn the_seed_article_reads_with_its_title_and_date_when_present() {
    let seed =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/000_742c857a948e76ff.txt");
    if !seed.exists() {
        return;
    }
    let loaded = load_file(&seed, &LoadOptions::default()).unwrap();
    let a = &loaded.articles[0];
    assert_eq!(
        a.title,
        "Lavrov To Meet Kerry On Syria After Assad's Moscow Visit"
    );
    assert_eq!(a.published, ymd(2015, 10, 21));
    let body = paragraphs(a);
    assert!(body[0].starts_with("Russia says Foreign Minister Sergei Lavrov"));
    assert!(
        body.last()
            .unwrap()
            .starts_with("Pentagon spokesman Peter Cook")
    );
}

#[test]
fn reuters_dateline_borrows_its_year_from_the_text() {
    let a = only_article("dateline_reuters.txt");
    assert_eq!(a.published, ymd(2016, 3, 10));
    assert!(paragraphs(&a)[0].starts_with("Talks on a Black Sea grain corridor"));
    assert!(paragraphs(&a).iter().all(|p| !p.contains("Reporting by")));
}

#[test]
fn reuters_dateline_without_any_year_leaves_the_date_unknown() {
    let a = only_article("dateline_reuters_no_year.txt");
    assert_eq!(a.published, None);
    assert_eq!(a.title, "Grain Corridor Talks Open In Istanbul");
}

#[test]
fn weekday_dateline_gives_the_date() {
    let a = only_article("dateline_weekday.txt");
    assert_eq!(a.published, ymd(2016, 3, 2));
    assert_eq!(paragraphs(&a).len(), 2);
}

#[test]
fn html_page_keeps_only_the_article_text() {
    let a = only_article("page_with_nav.html");
    assert_eq!(a.title, "Port Strike Ends After Pay Deal");
    assert_eq!(a.published, ymd(2016, 3, 2));
    assert_eq!(a.format, ArticleFormat::Html);
    assert_eq!(
        paragraphs(&a),
        [
            "Dockworkers voted on Wednesday to accept a pay offer, ending a strike that had lasted two weeks.",
            "The union’s leader said members had won \"most of what we asked for\" & would be back at work by nightfall.",
        ]
    );
    for absent in ["Tracking", "Sport", "Most read", "All rights", "color"] {
        assert!(!a.text.contains(absent), "{absent:?} leaked into the text");
    }
}

#[test]
fn json_array_echoes_ids_and_numbers_the_rest() {
    let loaded = load("articles.json").unwrap();
    let [first, second] = loaded.articles.as_slice() else {
        panic!("two articles expected");
    };
    assert_eq!(first.id, "grain-1");
    assert_eq!(first.url.as_deref(), Some("https://example.org/grain-1"));
    assert_eq!(first.published, ymd(2016, 3, 3));
    assert_eq!(paragraphs(first).len(), 2);
    assert_eq!(second.id, "articles.json#2");
    assert_eq!(second.title, "Grain Talks Open");
    assert_eq!(second.published, ymd(2016, 3, 10));
    assert_eq!(
        paragraphs(second),
        ["Talks on the grain corridor opened in Istanbul on Thursday, officials said."]
    );
}

#[test]
fn json_lines_give_one_article_per_line() {
    let loaded = load("articles.jsonl").unwrap();
    let ids: Vec<&str> = loaded.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a", "b"]);
}

#[test]
fn broken_json_names_line_and_column() {
    let err = load("broken.json").unwrap_err().to_string();
    assert!(
        err.starts_with(&fixture("broken.json").display().to_string()),
        "{err}"
    );
    assert!(err.contains("line 4 column"), "{err}");
}

#[test]
fn json_articles_with_bad_fields_are_kept_with_warnings() {
    let loaded = load("bad_fields.json").unwrap();
    let ids: Vec<&str> = loaded.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["port-1", "port-2", "port-3"]);
    let [_, undated, dated] = loaded.articles.as_slice() else {
        panic!("three articles expected");
    };
    assert_eq!(undated.published, None);
    assert_eq!(
        paragraphs(undated),
        ["Dockers voted to end the strike on Thursday evening, their union said."]
    );
    assert_eq!(dated.published, ymd(2016, 3, 5), "dated from its dateline");
    let file = fixture("bad_fields.json").display().to_string();
    assert_eq!(
        loaded.warnings,
        [
            format!(
                "{file}: line 5: item 2: \"published\" \"03-02-2009\" is not a date \
                 (use YYYY-MM-DD or an RFC 3339 time); the article is kept undated"
            ),
            format!(
                "{file}: line 7: item 3: \"title\" is a number (12), not a string; \
                 the title is taken from the text"
            ),
            format!(
                "{file}: line 8: item 3: \"published\" is a number (20160305), not a string; \
                 the article is kept, dated from its dateline"
            ),
        ]
    );
}

#[test]
fn json_item_without_text_is_named() {
    let err = load("missing_text_field.json").unwrap_err().to_string();
    assert!(err.ends_with("item 3 has no \"text\" field"), "{err}");
}

#[test]
fn markdown_front_matter_and_headings_are_not_paragraphs() {
    let a = only_article("markdown_front_matter.md");
    assert_eq!(a.title, "Harbour Reopens");
    assert_eq!(a.published, ymd(2016, 3, 2));
    assert_eq!(
        paragraphs(&a),
        [
            "The harbour reopened on Wednesday after a two-week strike, officials said.",
            "The strike began on February 17, 2016, over pay."
        ]
    );
}

#[test]
fn analyst_csv_rows_become_hand_events() {
    let loaded = load("analyst_events.csv").unwrap();
    let csv = &loaded.articles[0];
    assert_eq!(csv.format, ArticleFormat::Csv);
    assert_eq!(csv.title, "analyst_events");
    let events = &loaded.hand_events;
    assert_eq!(events.len(), 3);
    assert_eq!(events[0].when.precision, Precision::Range);
    assert_eq!(events[0].when.days(), 15);
    assert_eq!(events[1].actors, ["Dockworkers union", "Port authority"]);
    assert_eq!(
        events[1].source.as_deref(),
        Some("https://example.org/deal")
    );
    assert_eq!(events[2].when.precision, Precision::Month);
    assert!(csv.text[events[1].range.clone()].starts_with("2016-03-02,,Dockworkers"));
    assert_eq!(loaded.warnings.len(), 1);
    assert!(
        loaded.warnings[0].contains("skipped 1 of 4 rows"),
        "{:?}",
        loaded.warnings
    );
}

#[test]
fn csv_without_a_date_column_is_refused_with_a_reason() {
    let err = load("events_without_date.csv").unwrap_err();
    assert!(matches!(err, IngestError::Malformed { .. }));
    assert!(err.to_string().contains("no date column"), "{err}");
}

#[test]
fn encodings_decode_and_binary_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let story = "Harbour Reopens\n\nMarch 2, 2016\n\nDockworkers returned to work on Wednesday, the port said.\n";
    let utf16: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(story.encode_utf16().flat_map(|u| u.to_le_bytes()))
        .collect();
    std::fs::write(dir.path().join("utf16_bom.txt"), utf16).unwrap();
    let mut cp1252 = b"Caf\xe9 Talks\n\nMarch 2, 2016\n\n".to_vec();
    cp1252.extend_from_slice(b"The minister said the talks were \x93useful\x94 and would go on.\n");
    std::fs::write(dir.path().join("windows1252.txt"), cp1252).unwrap();
    let bom = [b"\xef\xbb\xbf".as_slice(), story.as_bytes()].concat();
    std::fs::write(dir.path().join("utf8_bom.txt"), bom).unwrap();
    std::fs::write(
        dir.path().join("picture.png"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
    )
    .unwrap();
    std::fs::write(dir.path().join("empty.txt"), b"").unwrap();

    let (loaded, errors) = load_paths(&[dir.path().to_path_buf()], &LoadOptions::default());
    let by_id = |id: &str| loaded.articles.iter().find(|a| a.id == id).unwrap();
    assert_eq!(by_id("utf16_bom.txt").title, "Harbour Reopens");
    assert_eq!(by_id("utf16_bom.txt").published, ymd(2016, 3, 2));
    assert_eq!(by_id("windows1252.txt").title, "Café Talks");
    assert!(by_id("windows1252.txt").text.contains("“useful”"));
    // The BOM is gone, so offsets start at the first letter.
    assert!(by_id("utf8_bom.txt").text.starts_with("Harbour"));
    // Unknown extensions in a folder are skipped without complaint; the empty file is not.
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(matches!(errors[0], IngestError::Empty { .. }));

    let png = load_file(&dir.path().join("picture.png"), &LoadOptions::default()).unwrap_err();
    assert!(png.to_string().contains("binary file (PNG image)"), "{png}");
}

#[test]
fn size_limit_is_checked_before_reading() {
    let options = LoadOptions { max_bytes: 100 };
    let err = load_file(&fixture("boilerplate_wire_story.txt"), &options).unwrap_err();
    assert!(
        matches!(err, IngestError::TooLarge { limit: 100, .. }),
        "{err}"
    );
}

#[test]
fn one_load_keeps_good_files_and_names_each_bad_one() {
    let paths = [
        fixture("dateline_weekday.txt"),
        fixture("no_such_file.txt"),
        fixture("broken.json"),
        fixture("dateline_weekday.txt"),
    ];
    let (loaded, errors) = load_paths(&paths, &LoadOptions::default());
    let ids: Vec<&str> = loaded.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["dateline_weekday.txt", "dateline_weekday.txt~2"]);
    assert_eq!(errors.len(), 2);
    assert!(errors[0].to_string().contains("no_such_file.txt"));
}

#[test]
fn bundled_samples_open_with_titles_and_dates() {
    let (loaded, errors) = chronolane::ingest::bundled_samples();
    assert!(errors.is_empty(), "{errors:?}");
    let stories = loaded
        .articles
        .iter()
        .filter(|a| a.format != ArticleFormat::Csv);
    for a in stories {
        assert!(a.published.is_some(), "{} is undated", a.id);
        assert!(!a.title.is_empty());
    }
}
