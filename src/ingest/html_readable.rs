//! The main content of a page found the way Firefox's Reader View finds it: Mozilla
//! Readability's scoring of blocks by text length, commas (ASCII and full-width), link density,
//! class and id hints and position, as ported to Rust by the `dom_smoothie` crate.
//!
//! It drops what a reader never sees (`display:none`, `visibility:hidden`, `hidden`,
//! `aria-hidden`), scores candidates by the text they hold rather than by their tag (so a teaser
//! `<article>` cannot beat the real body), keeps `<br>` lines, and only drops a "share" box when
//! it holds little text. We keep it apart from our own page reading, which still finds the title,
//! the date and, when Readability finds nothing, the text.

use dom_smoothie::{Config, Readability};

use super::html_tokens::Item;

/// Pages nested deeper than this are left to the flat reader: a tree that deep is no article,
/// and walking it may cost more stack than a worker thread has.
const MAX_DEPTH: usize = 256;

/// What Readability made of a page.
#[derive(Debug)]
pub(crate) struct Readable {
    /// The main content as cleaned HTML.
    pub content: String,
    /// Readability's own choice of title (the `<title>` or a heading, site name trimmed).
    pub title: String,
    /// The publication time from JSON-LD or the page's meta tags, as written.
    pub published: Option<String>,
}

/// Runs Readability over `html` (whose tokens are `items`); `None` when the page is too deep to
/// trust to a tree, or Readability finds no content.
pub(crate) fn readable(html: &str, items: &[Item]) -> Option<Readable> {
    if nesting_depth(items) > MAX_DEPTH {
        return None;
    }
    let mut reader = Readability::new(html, None, Some(Config::default())).ok()?;
    let article = reader.parse().ok()?;
    Some(Readable {
        content: article.content.to_string(),
        title: article.title,
        published: article.published_time,
    })
}

/// How deep start tags nest, counting as a browser would only roughly (an unclosed `<p>` counts
/// until its parent closes) — enough to tell a page from a pathological one.
fn nesting_depth(items: &[Item]) -> usize {
    let mut depth = 0usize;
    let mut deepest = 0usize;
    for item in items {
        match item {
            Item::Start {
                name, self_closing, ..
            } if !*self_closing && !never_nests(name) => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            Item::End(name) if !never_nests(name) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// Void elements, and `<p>`/`<li>`, which pages often leave open (the next one closes them):
/// counting those would make an ordinary page look deep.
fn never_nests(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "p"
            | "li"
    )
}
