//! Plain text: the file's text verbatim, with paragraphs, headline and dateline found by layout.

use crate::model::{Article, ArticleFormat};

use super::layout::{lay_out, text_units};
use super::source::Source;

/// Reads a plain-text article; `text` stays the decoded file so offsets index the file.
pub(crate) fn read_text(source: &Source<'_>, text: String) -> Article {
    let units = text_units(&text, 0);
    let layout = lay_out(&text, &units, &source.dates());
    source.article(ArticleFormat::Text, text, layout)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use chrono::NaiveDate;

    use super::*;

    #[test]
    fn untitled_notes_take_the_file_stem() {
        let a = read_text(
            &Source::new(Path::new("dir/notes.txt")),
            "Russia began air strikes in Syria at the end of September, officials said.\n".into(),
        );
        assert_eq!(a.title, "notes");
        assert_eq!(a.id, "notes.txt");
        assert_eq!(a.published, None);
        assert_eq!(a.paragraphs.len(), 1);
    }

    #[test]
    fn crlf_files_keep_offsets_into_the_file() {
        let text = "Talks In Vienna\r\n\r\nOctober 23, 2015\r\n\r\nThe ministers met in Vienna on Friday, diplomats said.\r\n";
        let a = read_text(&Source::new(Path::new("v.txt")), text.into());
        assert_eq!(a.title, "Talks In Vienna");
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2015, 10, 23));
        let (_, p) = a.paragraph_texts().next().unwrap();
        assert_eq!(p, "The ministers met in Vienna on Friday, diplomats said.");
    }
}
