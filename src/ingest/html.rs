//! HTML pages: the main content as Mozilla Readability finds it (see `html_readable`), else
//! `<article>`/`<main>` (else the body) with page furniture (`nav`, `header`, `footer`, `aside`,
//! `form`, scripts, ...) dropped; title from Readability, else `og:title`, `<title>` or `<h1>`;
//! date from the page's own JSON-LD, `article:published_time`, `<time datetime>` outside the
//! furniture, or a dateline. Nothing is fetched: links and images are never followed.
//!
//! `Article.text` is the visible text, one paragraph per block element, paragraphs separated by
//! a blank line; all offsets index that text.

use std::collections::HashMap;
use std::ops::Range;

use crate::model::{Article, ArticleFormat};

use super::boilerplate::{is_furniture, word_count};
use super::dateline::parse_date_value;
use super::html_meta::{Meta, page_title, strip_site_name};
use super::html_readable::readable;
use super::html_tokens::{Item, tokenize};
use super::layout::{Unit, lay_out};
use super::source::Source;

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template", "svg",
    "iframe", "button", "select", "textarea", "object", "canvas", "dialog", "menu", "title",
];

/// Elements that end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "section",
    "article",
    "main",
    "table",
    "tr",
    "td",
    "th",
    "pre",
    "hr",
    "figure",
    "figcaption",
    "address",
    "body",
    "html",
    "center",
    "details",
    "summary",
    "caption",
];

/// Elements that never have content or an end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Class or id words that mark page furniture ("share-bar", "related_links", "newsletter").
const FURNITURE_CLASSES: &[&str] = &[
    "share",
    "sharing",
    "social",
    "related",
    "newsletter",
    "comments",
    "comment",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "promo",
    "breadcrumb",
    "breadcrumbs",
    "cookie",
    "cookies",
    "subscribe",
    "sidebar",
    "navbar",
    "nav",
    "menu",
    "footer",
    "masthead",
    "popup",
    "modal",
];

/// Reads an HTML page.
pub(crate) fn read_html(source: &Source<'_>, html: &str) -> Article {
    let items = tokenize(html);
    let meta = Meta::of(&items, &furniture_mask(&items));
    let readable = readable(html, &items);
    // Readability already chose the body; our layout rules would drop short lines (a changelog,
    // a one-line body) as headlines or labels, so only furniture lines ("Share on Twitter",
    // "Advertisement") are left out of it.
    let readable_blocks = readable.as_ref().map(|r| {
        let mut blocks = visible_blocks(&tokenize(&r.content), ByClass::Keep);
        blocks.retain(|b| !is_furniture(b));
        blocks
    });
    let mut blocks = readable_blocks
        .filter(|b| total_words(b) > 0)
        .unwrap_or_else(|| flat_blocks(&items));

    let mut text = String::new();
    let mut units = Vec::new();
    for block in &blocks {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(block);
        units.push(Unit {
            range: start..text.len(),
            heading: None,
        });
    }
    blocks.clear();
    let mut layout = lay_out(&text, &units, &source.dates());
    if readable.is_some() {
        // Every block of Readability's body is a paragraph; layout's dates (a wire dateline)
        // still count.
        layout.paragraphs = units.iter().map(|u| u.range.clone()).collect();
    }
    let site = meta.site_name.as_deref();
    let non_empty = |t: String| (!t.is_empty()).then_some(t);
    let ours = meta
        .og_title
        .as_deref()
        .and_then(|t| non_empty(strip_site_name(t, site)))
        .or_else(|| {
            meta.title
                .as_deref()
                .and_then(|t| non_empty(page_title(t, meta.h1.as_deref(), site)))
        })
        .or_else(|| meta.h1.clone().and_then(non_empty));
    // Readability keeps a short title's site name ("Talks Open In Vienna | Example News").
    let theirs = readable
        .as_ref()
        .map(|r| page_title(&r.title, meta.h1.as_deref(), site))
        .and_then(non_empty);
    // Readability's title is the page's own account (JSON-LD headline, `og:title`, else the
    // `<title>` with the site name cut when what is left still reads as a headline).
    let title = theirs.or(ours);
    if title.is_some() {
        layout.title = title;
    }
    let ours = meta.published.iter().find_map(|v| parse_date_value(v));
    let theirs = readable
        .as_ref()
        .and_then(|r| r.published.as_deref())
        .and_then(parse_date_value);
    if let Some(date) = ours.or(theirs) {
        layout.published = Some(date);
    }
    let mut article = source.article(ArticleFormat::Html, text, layout);
    article.url = meta.url;
    article
}

/// The page's blocks read from its tokens alone: the main region with class and id furniture
/// dropped (the reading used when Readability finds nothing or the page is too deep for a tree).
fn flat_blocks(items: &[Item]) -> Vec<String> {
    let region = main_region(items);
    let blocks = visible_blocks(&items[region.clone()], ByClass::Skip);
    // A page wrapped whole in something like `<div id="main-nav-wrapper">` loses everything to
    // the class rule; then the elements alone decide.
    if total_words(&blocks) < 30 {
        let loose = visible_blocks(&items[region], ByClass::Keep);
        if total_words(&loose) > 4 * total_words(&blocks) {
            return loose;
        }
    }
    blocks
}

/// For each item, whether it sits inside page furniture (`aside`, `nav`, `footer`, a "related"
/// or "sidebar" box, text hidden from readers): a date found there belongs to something else.
/// (A `<header>` is not furniture here: an article's own header holds its date.)
fn furniture_mask(items: &[Item]) -> Vec<bool> {
    let mut mask = Vec::with_capacity(items.len());
    let mut inside: Vec<&str> = Vec::new();
    let mut open_counts: HashMap<&str, usize> = HashMap::new();
    for item in items {
        mask.push(!inside.is_empty());
        match item {
            Item::Start {
                name, self_closing, ..
            } => {
                let void = VOID.contains(&name.as_str()) || *self_closing;
                let elsewhere = matches!(name.as_str(), "aside" | "nav" | "footer")
                    || is_hidden(item)
                    || (!matches!(name.as_str(), "html" | "body" | "article" | "main")
                        && class_marks_furniture(item));
                if !void && elsewhere {
                    inside.push(name);
                    *open_counts.entry(name).or_default() += 1;
                }
            }
            Item::End(name) => {
                if open_counts.get(name.as_str()).is_some_and(|&n| n > 0) {
                    while let Some(top) = inside.pop() {
                        if let Some(n) = open_counts.get_mut(top) {
                            *n = n.saturating_sub(1);
                        }
                        if top == name {
                            break;
                        }
                    }
                }
            }
            Item::Text(_) => {}
        }
    }
    mask
}

/// The items of the main content: the `<article>` holding the most text, else `<main>`, else
/// everything.
fn main_region(items: &[Item]) -> Range<usize> {
    let regions = |tag: &str| -> Vec<Range<usize>> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < items.len() {
            if matches!(&items[i], Item::Start { name, self_closing: false, .. } if name == tag) {
                let end = element_end(items, i, tag);
                found.push(i..end);
                i = end;
            } else {
                i += 1;
            }
        }
        found
    };
    let text_len = |r: &Range<usize>| -> usize {
        visible_blocks(&items[r.clone()], ByClass::Skip)
            .iter()
            .map(|b| word_count(b))
            .sum()
    };
    let best_article = regions("article")
        .into_iter()
        .map(|r| (text_len(&r), r))
        .max_by_key(|(len, r)| (*len, std::cmp::Reverse(r.start)));
    if let Some((words, r)) = &best_article
        && *words >= 40
    {
        return r.clone();
    }
    if let Some(main) = regions("main").into_iter().next() {
        return main;
    }
    match best_article {
        Some((words, r)) if words > 0 => r,
        _ => 0..items.len(),
    }
}

/// The index just past the end tag matching the start tag at `start` (or the end of the page).
fn element_end(items: &[Item], start: usize, tag: &str) -> usize {
    let mut depth = 0usize;
    for (i, item) in items.iter().enumerate().skip(start) {
        match item {
            Item::Start {
                name,
                self_closing: false,
                ..
            } if name == tag => depth += 1,
            Item::End(name) if name == tag => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
    }
    items.len()
}

/// The visible text of `items`, one string per block, white space collapsed.
fn visible_blocks(items: &[Item], by_class: ByClass) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current = String::new();
    // Names of the skipped elements we are inside, innermost last, and how often each occurs
    // there, so an end tag of an element not in the stack costs nothing however deep it is.
    let mut skipping: Vec<&str> = Vec::new();
    let mut open_counts: HashMap<&str, usize> = HashMap::new();
    for item in items {
        match item {
            Item::Start {
                name, self_closing, ..
            } => {
                let void = VOID.contains(&name.as_str()) || *self_closing;
                if skipping.is_empty() && BLOCKS.contains(&name.as_str()) {
                    flush(&mut current, &mut blocks);
                }
                if !void && is_skipped(name, item, by_class) {
                    skipping.push(name);
                    *open_counts.entry(name).or_default() += 1;
                }
            }
            Item::End(name) => {
                if open_counts.get(name.as_str()).is_some_and(|&n| n > 0) {
                    while let Some(top) = skipping.pop() {
                        if let Some(n) = open_counts.get_mut(top) {
                            *n = n.saturating_sub(1);
                        }
                        if top == name {
                            break;
                        }
                    }
                    continue;
                }
                if skipping.is_empty() && BLOCKS.contains(&name.as_str()) {
                    flush(&mut current, &mut blocks);
                }
            }
            Item::Text(text) if skipping.is_empty() => append_collapsed(&mut current, text),
            Item::Text(_) => {}
        }
    }
    flush(&mut current, &mut blocks);
    blocks
}

/// Appends `text` with runs of white space as one space; text with no space at its edges joins
/// the word before it (inline markup inside a word: `Syr<i>ian</i>`).
fn append_collapsed(current: &mut String, text: &str) {
    let mut space_before = text.starts_with(char::is_whitespace);
    for word in text.split_whitespace() {
        if space_before && !current.is_empty() && !current.ends_with(' ') {
            current.push(' ');
        }
        current.push_str(word);
        space_before = true;
    }
    if text.ends_with(char::is_whitespace) && !current.is_empty() && !current.ends_with(' ') {
        current.push(' ');
    }
}

fn flush(current: &mut String, blocks: &mut Vec<String>) {
    let trimmed = current.trim();
    if !trimmed.is_empty() {
        blocks.push(trimmed.to_string());
    }
    current.clear();
}

/// Whether class and id words ("share-bar", "related") mark furniture, or only element names do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ByClass {
    Skip,
    Keep,
}

fn total_words(blocks: &[String]) -> usize {
    blocks.iter().map(|b| word_count(b)).sum()
}

fn is_skipped(name: &str, item: &Item, by_class: ByClass) -> bool {
    if SKIPPED.contains(&name) || is_hidden(item) {
        return true;
    }
    if by_class == ByClass::Keep || matches!(name, "html" | "body" | "article" | "main" | "p") {
        return false;
    }
    class_marks_furniture(item)
}

/// Hidden from readers: the `hidden` attribute, `aria-hidden="true"` or an inline style.
fn is_hidden(item: &Item) -> bool {
    item.attr("hidden").is_some()
        || item.attr("aria-hidden") == Some("true")
        || item.attr("style").is_some_and(hides)
}

/// Class or id words that name furniture ("share-bar", "related_links"), or a navigation role.
fn class_marks_furniture(item: &Item) -> bool {
    let marks = |value: Option<&str>| {
        value.is_some_and(|v| {
            v.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
                .any(|w| FURNITURE_CLASSES.contains(&w.to_ascii_lowercase().as_str()))
        })
    };
    marks(item.attr("class")) || marks(item.attr("id")) || item.attr("role") == Some("navigation")
}

/// Whether an inline style hides the element (`display: none`, `visibility: hidden`).
fn hides(style: &str) -> bool {
    let style = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    style.split(';').any(|rule| {
        matches!(
            rule.trim_end_matches("!important"),
            "display:none" | "visibility:hidden"
        )
    })
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use chrono::NaiveDate;

    use super::*;

    fn read(html: &str) -> Article {
        read_html(&Source::new(Path::new("page.html")), html)
    }

    #[test]
    fn furniture_is_dropped_and_blocks_become_paragraphs() {
        let a = read(
            "<html><head><title>Talks Open In Vienna | Example News</title>\
             <meta property=\"article:published_time\" content=\"2015-10-23T09:00:00Z\">\
             <script>var x = '<p>not text</p>';</script><style>p { color: red }</style></head>\
             <body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\
             <article><h1>Talks Open In Vienna</h1>\
             <p>Ministers from four countries met in Vienna on Friday, diplomats said.</p>\
             <p>The talks lasted &ldquo;several hours&rdquo;, according to one official.</p>\
             <div class=\"share-bar\">Share on Twitter</div></article>\
             <footer>&copy; 2015 Example News</footer></body></html>",
        );
        assert_eq!(a.title, "Talks Open In Vienna");
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2015, 10, 23));
        let paragraphs: Vec<&str> = a.paragraph_texts().map(|(_, t)| t).collect();
        assert_eq!(
            paragraphs,
            [
                "Ministers from four countries met in Vienna on Friday, diplomats said.",
                "The talks lasted “several hours”, according to one official."
            ]
        );
        assert!(!a.text.contains("Home"));
        assert!(!a.text.contains("not text"));
        assert!(!a.text.contains("Share"));
    }

    #[test]
    fn og_title_wins_and_time_element_dates_the_page() {
        let a = read(
            "<meta property=\"og:title\" content=\"Assad Flies To Moscow\"><title>Home</title>\
             <body><time datetime=\"2015-10-21\">Wednesday</time>\
             <p>The Syrian leader met the Russian president in Moscow on Tuesday night.</p></body>",
        );
        assert_eq!(a.title, "Assad Flies To Moscow");
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2015, 10, 21));
    }

    #[test]
    fn inline_markup_keeps_words_and_spaces() {
        let a = read(
            "<p>The <b>Kremlin</b> said <a href=\"x\">Putin</a>'s guest was Syr<i>ian</i>.</p>",
        );
        assert_eq!(a.text, "The Kremlin said Putin's guest was Syrian.");
    }

    #[test]
    fn a_page_wrapped_in_a_nav_named_div_still_has_text() {
        let a = read(
            "<div id=\"main-nav-wrapper\"><p>The ministers met in Vienna on Friday, officials said.</p></div>",
        );
        assert_eq!(
            a.text,
            "The ministers met in Vienna on Friday, officials said."
        );
    }

    #[test]
    fn deeply_nested_pages_do_not_overflow_the_stack() {
        let depth = 100_000;
        let html = format!(
            "{}<p>Deep words here.</p>{}",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let started = std::time::Instant::now();
        let a = read(&html);
        assert!(a.text.contains("Deep words here."));
        assert!(started.elapsed() < std::time::Duration::from_secs(20));
    }

    #[test]
    fn deeply_nested_furniture_with_stray_end_tags_stays_fast() {
        let depth = 100_000;
        let html = format!(
            "<p>Kept words here.</p>{}{}<p>Also kept.</p>",
            "<aside><nav>".repeat(depth / 2),
            "</span>".repeat(depth)
        );
        let started = std::time::Instant::now();
        let a = read(&html);
        assert!(a.text.contains("Kept words here."));
        assert!(started.elapsed() < std::time::Duration::from_secs(20));
    }
}
