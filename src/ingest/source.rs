//! What a file's name lends its articles: an id, a fallback title, a path, a date.

use std::path::Path;

use chrono::NaiveDate;

use crate::model::{Article, ArticleFormat};

use super::dateline::date_in_file_name;
use super::layout::Layout;

/// The name bytes came from: a path, or "-" for standard input.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Source<'a> {
    pub name: &'a Path,
}

impl<'a> Source<'a> {
    pub fn new(name: &'a Path) -> Self {
        Self { name }
    }

    fn is_stdin(&self) -> bool {
        self.name.as_os_str() == "-"
    }

    /// "briefing.txt"; "stdin" for standard input.
    pub fn file_name(&self) -> String {
        if self.is_stdin() {
            return "stdin".into();
        }
        self.name
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.name.display().to_string())
    }

    /// "briefing" for "briefing.txt": the title when none is found.
    pub fn stem(&self) -> String {
        if self.is_stdin() {
            return "stdin".into();
        }
        self.name
            .file_stem()
            .map(|n| n.to_string_lossy().into_owned())
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(|| self.file_name())
    }

    /// The path as shown in output; `None` for standard input.
    pub fn path_string(&self) -> Option<String> {
        (!self.is_stdin()).then(|| self.name.display().to_string())
    }

    /// A date in the file name, which may lend a dateline its year (never used as the
    /// publication date itself: a name can record when a file was saved).
    pub fn dates(&self) -> Vec<NaiveDate> {
        date_in_file_name(&self.file_name()).into_iter().collect()
    }

    /// An article of this file with the layout's findings, falling back to the file stem.
    pub fn article(&self, format: ArticleFormat, text: String, layout: Layout) -> Article {
        Article {
            id: self.file_name(),
            title: layout.title.unwrap_or_else(|| self.stem()),
            published: layout.published,
            path: self.path_string(),
            url: None,
            format,
            text,
            paragraphs: layout.paragraphs,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_give_ids_titles_and_paths() {
        let file = Source::new(Path::new("briefs/2015-10-21_lavrov.txt"));
        assert_eq!(file.file_name(), "2015-10-21_lavrov.txt");
        assert_eq!(file.stem(), "2015-10-21_lavrov");
        assert_eq!(
            file.path_string().as_deref(),
            Some("briefs/2015-10-21_lavrov.txt")
        );
        assert_eq!(
            file.dates(),
            NaiveDate::from_ymd_opt(2015, 10, 21)
                .into_iter()
                .collect::<Vec<_>>()
        );
        let stdin = Source::new(Path::new("-"));
        assert_eq!(stdin.file_name(), "stdin");
        assert_eq!(stdin.path_string(), None);
    }
}
