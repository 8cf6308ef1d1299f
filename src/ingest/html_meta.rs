//! What an HTML page says about itself: its title (`og:title`, `<title>`, `<h1>`), its
//! publication date (`article:published_time`, `<time datetime>`, JSON-LD) and its URL.

use std::sync::LazyLock;

use regex::Regex;

use super::boilerplate::word_count;
use super::html_tokens::Item;
use super::layout::clean_title;

/// What the page says about itself.
#[derive(Debug, Default)]
pub(crate) struct Meta {
    pub og_title: Option<String>,
    pub title: Option<String>,
    pub h1: Option<String>,
    pub site_name: Option<String>,
    pub url: Option<String>,
    /// Publication-date candidates, the most trusted first.
    pub published: Vec<String>,
}

/// How far a publication-date candidate is trusted; the first of the lowest rank wins.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Trust {
    /// `datePublished` of the page's own JSON-LD object (not of the items it lists): the most
    /// deliberate statement, kept right when a re-published page updates its meta tags.
    JsonLd,
    /// `article:published_time`: the page speaking of itself.
    ArticleMeta,
    /// `itemprop=datePublished` or `<time pubdate>` outside furniture.
    Microdata,
    /// Other named meta dates (`dc.date`, `parsely-pub-date`, ...).
    NamedMeta,
    /// A plain `<time datetime>` in the page's text.
    Time,
    /// Any date inside furniture (a related story, a sidebar): someone else's date.
    Furniture,
}

impl Meta {
    /// Reads what the page says of itself; `in_furniture[i]` tells whether item `i` sits inside
    /// page furniture, where dates belong to other stories.
    pub fn of(items: &[Item], in_furniture: &[bool]) -> Self {
        let mut meta = Self::default();
        let mut dates: Vec<(Trust, String)> = Vec::new();
        let mut i = 0;
        while i < items.len() {
            let item = &items[i];
            let furniture = in_furniture.get(i).copied().unwrap_or(false);
            i += 1;
            let Item::Start { name, .. } = item else {
                continue;
            };
            let mut push = |trust: Trust, value: &str| {
                let trust = if furniture { Trust::Furniture } else { trust };
                dates.push((trust, value.to_string()));
            };
            match name.as_str() {
                "meta" => {
                    if let Some((trust, value)) = meta.read_meta_tag(item) {
                        push(trust, &value);
                    }
                }
                "link"
                    if meta.url.is_none()
                        && item
                            .attr("rel")
                            .is_some_and(|r| r.eq_ignore_ascii_case("canonical")) =>
                {
                    meta.url = item.attr("href").map(str::to_string);
                }
                "title" if meta.title.is_none() => {
                    meta.title = Some(clean_title(&text_until_end(items, i, "title")));
                }
                "h1" if meta.h1.is_none() => {
                    meta.h1 = Some(clean_title(&text_until_end(items, i, "h1")))
                        .filter(|t| !t.is_empty());
                }
                "time" => {
                    if let Some(value) = item.attr("datetime") {
                        let trusted = item.attr("pubdate").is_some()
                            || item.attr("itemprop") == Some("datePublished");
                        push(
                            if trusted {
                                Trust::Microdata
                            } else {
                                Trust::Time
                            },
                            value,
                        );
                    }
                }
                "script" if item.attr("type") == Some("application/ld+json") => {
                    if let Some(Item::Text(json)) = items.get(i) {
                        match ld_json_date(json) {
                            Some(date) => push(Trust::JsonLd, &date),
                            None => {
                                if let Some(date) = ld_json_any_date(json) {
                                    push(Trust::NamedMeta, &date);
                                }
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        dates.sort_by_key(|(trust, _)| *trust);
        meta.published = dates.into_iter().map(|(_, v)| v).collect();
        meta
    }

    /// Reads a `<meta>` tag into the fields it names; a date comes back with its trust.
    fn read_meta_tag(&mut self, item: &Item) -> Option<(Trust, String)> {
        let key = item
            .attr("property")
            .or_else(|| item.attr("name"))
            .or_else(|| item.attr("itemprop"))
            .unwrap_or("")
            .to_ascii_lowercase();
        let content = item
            .attr("content")
            .map(str::trim)
            .filter(|c| !c.is_empty())?;
        match key.as_str() {
            "og:title" | "twitter:title" if self.og_title.is_none() => {
                self.og_title = Some(clean_title(content));
            }
            "og:site_name" => self.site_name = Some(content.to_string()),
            "og:url" => self.url = Some(content.to_string()),
            "article:published_time" | "og:article:published_time" => {
                return Some((Trust::ArticleMeta, content.to_string()));
            }
            "datepublished" => return Some((Trust::Microdata, content.to_string())),
            "date"
            | "pubdate"
            | "publishdate"
            | "publish-date"
            | "publish_date"
            | "dc.date"
            | "dc.date.issued"
            | "dcterms.date"
            | "dcterms.created"
            | "sailthru.date"
            | "parsely-pub-date"
            | "article.published"
            | "original-publish-date" => {
                return Some((Trust::NamedMeta, content.to_string()));
            }
            _ => {}
        }
        None
    }
}

/// The text inside the element whose start tag is just before `from`.
fn text_until_end(items: &[Item], from: usize, tag: &str) -> String {
    let mut out = String::new();
    for item in &items[from.min(items.len())..] {
        match item {
            Item::End(name) if name == tag => break,
            Item::Text(t) => {
                out.push_str(t);
                out.push(' ');
            }
            _ => {}
        }
    }
    out
}

/// `datePublished` of the page's own JSON-LD object: the top-level object, a top-level list's
/// objects, or the members of its `@graph` — never an item it lists (`itemListElement`,
/// `relatedLink`, `hasPart`), which are other stories.
fn ld_json_date(json: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(ld_json_body(json)).ok()?;
    let date_of = |v: &serde_json::Value| {
        v.get("datePublished")
            .and_then(serde_json::Value::as_str)
            .map(str::to_string)
    };
    let tops: Vec<&serde_json::Value> = match &value {
        serde_json::Value::Array(list) => list.iter().collect(),
        other => vec![other],
    };
    tops.iter().find_map(|v| date_of(v)).or_else(|| {
        tops.iter()
            .filter_map(|v| v.get("@graph").and_then(serde_json::Value::as_array))
            .flatten()
            .find_map(date_of)
    })
}

/// A JSON-LD block without the `<![CDATA[ ... ]]>` some sites wrap it in.
fn ld_json_body(json: &str) -> &str {
    let body = json.trim();
    let body = body.strip_prefix("//").unwrap_or(body).trim_start();
    match body.strip_prefix("<![CDATA[") {
        Some(inner) => {
            let inner = inner.trim_end();
            let inner = inner.strip_suffix("]]>").unwrap_or(inner).trim_end();
            inner.strip_suffix("//").unwrap_or(inner).trim()
        }
        None => body,
    }
}

/// The first `datePublished` anywhere in a JSON-LD block that does not parse as JSON.
fn ld_json_any_date(json: &str) -> Option<String> {
    static DATE_PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#""datePublished"\s*:\s*"([^"]+)""#).expect("the JSON-LD pattern is a constant")
    });
    if serde_json::from_str::<serde_json::Value>(ld_json_body(json)).is_ok() {
        return None;
    }
    DATE_PUBLISHED.captures(json).map(|c| c[1].to_string())
}

/// The `<title>`: the page's `<h1>` when the title holds it with a site name around it
/// ("World News - Kerry meets Lavrov" with `<h1>Kerry meets Lavrov</h1>`), else the title with
/// its site name stripped.
pub(crate) fn page_title(title: &str, h1: Option<&str>, site: Option<&str>) -> String {
    let title = clean_title(title);
    if let Some(h1) = h1
        && word_count(h1) >= 2
        && title.to_lowercase().contains(&h1.to_lowercase())
    {
        return h1.to_string();
    }
    strip_site_name(&title, site)
}

/// "Talks Open In Vienna | Example News" → "Talks Open In Vienna".
pub(crate) fn strip_site_name(title: &str, site: Option<&str>) -> String {
    let mut title = clean_title(title);
    for _ in 0..2 {
        let mut stripped = false;
        for sep in [" | ", " – ", " — ", " - ", " :: ", " · ", " » "] {
            let Some((head, tail)) = title.rsplit_once(sep) else {
                continue;
            };
            let names_site = site.is_some_and(|s| s.trim().eq_ignore_ascii_case(tail.trim()));
            if names_site || (word_count(tail) <= 4 && word_count(head) >= 3) {
                title = head.trim().to_string();
                stripped = true;
                break;
            }
        }
        if !stripped {
            break;
        }
    }
    if let Some(site) = site {
        for sep in [" | ", " - ", " – ", " — ", ": "] {
            if let Some(rest) = title.strip_prefix(&format!("{}{sep}", site.trim()))
                && word_count(rest) >= 2
            {
                title = rest.to_string();
            }
        }
    }
    title
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(html: &str) -> crate::model::Article {
        super::super::html::read_html(
            &super::super::source::Source::new(std::path::Path::new("page.html")),
            html,
        )
    }

    #[test]
    fn a_site_name_before_the_headline_gives_way_to_the_h1() {
        let a = read(
            "<title>World News - Kerry and Lavrov meet in Vienna</title>\
             <header><h1>Kerry and Lavrov meet in Vienna</h1></header>\
             <p>The two ministers met in Vienna on Friday, officials said.</p>",
        );
        assert_eq!(a.title, "Kerry and Lavrov meet in Vienna");
    }

    #[test]
    fn site_names_are_stripped_from_titles() {
        assert_eq!(
            strip_site_name("Talks Open In Vienna - Example", None),
            "Talks Open In Vienna"
        );
        assert_eq!(
            strip_site_name("US - Russia Sign Pact", None),
            "US - Russia Sign Pact"
        );
        assert_eq!(
            strip_site_name("Example News: Kerry Meets Lavrov", Some("Example News")),
            "Kerry Meets Lavrov"
        );
    }
}
