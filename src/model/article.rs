use std::ops::Range;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One news article (or one file of hand-kept events) as read from disk.
///
/// `text` is the text exactly as read, so every byte range elsewhere (paragraphs, sentences,
/// event sources) points into it and a viewer can highlight the original words.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub id: String,
    pub title: String,
    /// The publication date (the document creation time every deictic date is read against).
    pub published: Option<NaiveDate>,
    /// Where it was read from; `None` for articles that arrived on stdin.
    pub path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip)]
    pub format: ArticleFormat,
    /// The text as read (decoded to UTF-8; for HTML the visible text, for JSON the `text` field).
    #[serde(skip)]
    pub text: String,
    /// Byte ranges of the body paragraphs: the headline, dateline and boilerplate are left out.
    #[serde(skip)]
    pub paragraphs: Vec<Range<usize>>,
}

impl Article {
    /// The body paragraphs as text slices.
    pub fn paragraph_texts(&self) -> impl Iterator<Item = (Range<usize>, &str)> {
        self.paragraphs
            .iter()
            .filter_map(|r| self.text.get(r.clone()).map(|t| (r.clone(), t)))
    }

    /// The paragraph that holds byte `offset`, for showing a sentence in its context.
    pub fn paragraph_at(&self, offset: usize) -> Option<Range<usize>> {
        self.paragraphs
            .iter()
            .find(|r| r.start <= offset && offset < r.end)
            .cloned()
    }
}

/// The format an article was read from; decides how its text was derived.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ArticleFormat {
    #[default]
    Text,
    Html,
    Markdown,
    Json,
    Csv,
}
