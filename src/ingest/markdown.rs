//! Markdown: YAML front matter (title, date), a "# Title" heading, the file kept verbatim.

use crate::model::{Article, ArticleFormat};

use super::dateline::parse_date_value;
use super::layout::{Unit, clean_title, lay_out, text_units};
use super::source::Source;

/// Reads a Markdown article; front matter and heading lines never become paragraphs.
pub(crate) fn read_markdown(source: &Source<'_>, text: String) -> Article {
    let front = front_matter(&text);
    let body_start = front.as_ref().map_or(0, |f| f.end);
    let units: Vec<Unit> = text_units(&text, body_start)
        .into_iter()
        .map(|mut u| {
            u.heading = heading_level(&text[u.range.clone()]);
            u
        })
        .collect();
    let mut layout = lay_out(&text, &units, &source.dates());
    if let Some(front) = front {
        if let Some(title) = front.title.filter(|t| !t.is_empty()) {
            layout.title = Some(title);
        }
        if let Some(date) = front.date.as_deref().and_then(parse_date_value) {
            layout.published = Some(date);
        }
    }
    source.article(ArticleFormat::Markdown, text, layout)
}

struct FrontMatter {
    /// Byte offset just past the closing `---` line.
    end: usize,
    title: Option<String>,
    date: Option<String>,
}

/// The `---` … `---` block at the top of the file, read as simple `key: value` lines.
fn front_matter(text: &str) -> Option<FrontMatter> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let mut offset = first.len();
    let mut title = None;
    let mut date = None;
    for line in lines {
        offset += line.len();
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            return Some(FrontMatter {
                end: offset,
                title,
                date,
            });
        }
        let Some((key, value)) = trimmed.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'']).trim().to_string();
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => title = Some(clean_title(&value)),
            "date" | "published" | "pubdate" | "published_at" => date = Some(value),
            _ => {}
        }
    }
    None
}

/// "## Background" is a level-2 heading; "#hashtag" is not a heading.
fn heading_level(line: &str) -> Option<u8> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    let rest = &line[hashes..];
    ((1..=6).contains(&hashes) && (rest.is_empty() || rest.starts_with(' ')))
        .then(|| u8::try_from(hashes).ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use chrono::NaiveDate;

    use super::*;

    #[test]
    fn front_matter_gives_title_and_date_and_is_no_paragraph() {
        let text = "---\ntitle: \"Vienna Talks Widen\"\ndate: 2015-10-30\n---\n\n# Vienna Talks Widen\n\nIran joined the talks in Vienna on Friday, diplomats said.\n\n## Background\n\nRussia began air strikes on September 30, officials said.\n";
        let a = read_markdown(&Source::new(Path::new("v.md")), text.into());
        assert_eq!(a.title, "Vienna Talks Widen");
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2015, 10, 30));
        let paragraphs: Vec<&str> = a.paragraph_texts().map(|(_, t)| t).collect();
        assert_eq!(
            paragraphs,
            [
                "Iran joined the talks in Vienna on Friday, diplomats said.",
                "Russia began air strikes on September 30, officials said."
            ]
        );
        assert_eq!(a.text, text);
    }

    #[test]
    fn heading_and_dateline_without_front_matter() {
        let text = "# Assad Visits Moscow\n\n*October 21, 2015*\n\nThe Syrian leader flew to Moscow on Tuesday, the Kremlin said.\n";
        let a = read_markdown(&Source::new(Path::new("a.md")), text.into());
        assert_eq!(a.title, "Assad Visits Moscow");
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2015, 10, 21));
        assert_eq!(a.paragraphs.len(), 1);
    }
}
