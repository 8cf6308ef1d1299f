//! Web pages as an analyst saves them from a browser: the body is found wherever it sits, and
//! what a reader never sees (teasers, hidden text, related stories and their dates) stays out.
//! Every page here is small and written for the test.

use std::path::Path;

use chrono::NaiveDate;
use chronolane::ingest::parse_bytes;
use chronolane::model::Article;

fn read(html: &str) -> Article {
    let mut loaded = parse_bytes(Path::new("page.html"), html.as_bytes()).unwrap();
    assert_eq!(loaded.articles.len(), 1);
    loaded.articles.remove(0)
}

fn body(a: &Article) -> String {
    a.paragraph_texts()
        .map(|(_, t)| t)
        .collect::<Vec<_>>()
        .join("\n")
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Several sentences about grain talks, as a page body.
fn story(paragraphs: usize) -> String {
    (0..paragraphs)
        .map(|i| {
            format!(
                "<p>Delegates from the port authority met for round {i} of the grain talks on \
                 Thursday, and officials said that the corridor, the insurance terms and the \
                 inspection rules were discussed at length, with further meetings planned.</p>"
            )
        })
        .collect()
}

#[test]
fn a_teaser_article_does_not_win_over_the_real_body() {
    let html = format!(
        "<html><head><title>Grain talks resume | Example Daily</title></head><body>\
         <div class=\"content\"><h1>Grain talks resume</h1>{}</div>\
         <article class=\"card\"><h3>Elsewhere</h3><p>Cup final tickets sold out within hours, \
         the club said, and fans queued overnight outside the stadium for the last ones.</p></article>\
         </body></html>",
        story(6)
    );
    let a = read(&html);
    let text = body(&a);
    assert!(text.contains("round 0 of the grain talks"), "{text}");
    assert!(text.contains("round 5 of the grain talks"), "{text}");
    assert!(!text.contains("Cup final"), "{text}");
}

#[test]
fn hidden_text_is_dropped() {
    let html = format!(
        "<html><body><div class=\"story\">{}\
         <p style=\"display: none\">Secret draft line one.</p>\
         <div style=\"visibility:hidden\"><p>Secret draft line two.</p></div>\
         <p hidden>Secret draft line three.</p>\
         <p><span aria-hidden=\"true\">Secret draft line four.</span>The port reopened on Friday, \
         officials said.</p></div></body></html>",
        story(4)
    );
    let text = body(&read(&html));
    assert!(text.contains("The port reopened on Friday"), "{text}");
    assert!(!text.contains("Secret"), "{text}");
}

#[test]
fn a_body_inside_a_share_named_box_is_kept() {
    let html = format!(
        "<html><body><nav><a href=\"/\">Home</a></nav>\
         <div id=\"share-wrapper\"><div class=\"entry\">{}</div></div>\
         <footer>Contact us</footer></body></html>",
        story(5)
    );
    let text = body(&read(&html));
    assert!(text.contains("round 4 of the grain talks"), "{text}");
    assert!(!text.contains("Contact us"), "{text}");
}

#[test]
fn chinese_paragraphs_are_read_as_prose() {
    let sentence = "港口管理局的代表周四举行了新一轮粮食会谈，官员表示，走廊、保险条款和检查规则都得到了详细讨论。";
    let paragraphs: String = (0..5).map(|_| format!("<p>{sentence}</p>")).collect();
    let html = format!(
        "<html><head><title>粮食会谈恢复</title></head><body>\
         <div class=\"menu\"><a href=\"/\">首页</a> <a href=\"/news\">新闻</a></div>\
         <div class=\"text\">{paragraphs}</div></body></html>"
    );
    let a = read(&html);
    assert_eq!(a.paragraphs.len(), 5, "{:?}", body(&a));
    assert!(body(&a).starts_with("港口管理局"));
    assert!(!body(&a).contains("首页"));
}

#[test]
fn a_changelog_of_br_lines_is_kept_line_by_line() {
    let lines = [
        "Version 2.4 fixes the export of timelines with empty lanes",
        "Dates written as 3 March now keep their year",
        "The search box finds actors by any of their names",
        "Opening a folder no longer reads hidden files",
    ];
    let html = format!(
        "<html><head><title>Release notes</title></head><body><div class=\"post\">\
         <p>This release brings several fixes that analysts asked for over the last months, \
         and we thank everyone who reported problems.</p><p>{}</p></div></body></html>",
        lines.join("<br>")
    );
    let text = body(&read(&html));
    for line in lines {
        assert!(text.contains(line), "{line:?} is missing from {text}");
    }
}

#[test]
fn a_one_line_body_is_not_taken_for_the_headline() {
    let a = read(
        "<html><head><title>Port reopens | Example Daily</title></head><body>\
         <h1>Port reopens</h1><div class=\"body\"><p>The port reopened on Friday.</p></div>\
         </body></html>",
    );
    assert_eq!(a.title, "Port reopens");
    assert_eq!(body(&a), "The port reopened on Friday.");
}

#[test]
fn the_page_date_beats_the_dates_of_related_items() {
    let html = format!(
        "<html><head><meta property=\"article:published_time\" content=\"2016-03-03T09:00:00Z\">\
         </head><body><div class=\"story\">{}</div>\
         <div class=\"related-stories\"><div itemscope itemtype=\"http://schema.org/NewsArticle\">\
         <meta itemprop=\"datePublished\" content=\"2015-05-05\">\
         <time itemprop=\"datePublished\" datetime=\"2015-06-06\">6 June</time>\
         <a href=\"/old\">An older story</a></div></div></body></html>",
        story(4)
    );
    assert_eq!(read(&html).published, ymd(2016, 3, 3));
}

#[test]
fn json_ld_of_the_page_beats_the_items_it_lists() {
    let html = format!(
        "<html><head><script type=\"application/ld+json\">{{\"@type\": \"NewsArticle\", \
         \"headline\": \"Grain talks\", \"datePublished\": \"2016-03-03\", \"relatedLink\": \
         [{{\"@type\": \"NewsArticle\", \"datePublished\": \"2015-01-01\"}}]}}</script>\
         <script type=\"application/ld+json\">{{\"@type\": \"ItemList\", \"itemListElement\": \
         [{{\"@type\": \"NewsArticle\", \"datePublished\": \"2014-02-02\"}}]}}</script>\
         </head><body><div class=\"story\">{}</div></body></html>",
        story(4)
    );
    assert_eq!(read(&html).published, ymd(2016, 3, 3));
}

#[test]
fn a_time_in_the_story_beats_one_in_the_sidebar() {
    let html = format!(
        "<html><body><aside class=\"sidebar\"><time datetime=\"2014-01-01\">1 Jan</time> \
         <a href=\"/x\">Most read</a></aside><article><header><h1>Grain talks resume</h1>\
         <time datetime=\"2016-03-03\">3 March 2016</time></header>{}</article></body></html>",
        story(4)
    );
    assert_eq!(read(&html).published, ymd(2016, 3, 3));
}
