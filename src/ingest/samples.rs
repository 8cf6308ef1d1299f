//! The sample briefing that ships inside the binary, so the app opens it from any folder.

use std::path::Path;

use super::{IngestError, Loaded, parse_bytes};

/// A file of `assets/samples/`, by name, with its bytes.
macro_rules! sample {
    ($name:literal) => {
        (
            $name,
            include_bytes!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/assets/samples/",
                $name
            )) as &[u8],
        )
    };
}

/// The briefing, listed by hand so adding a file is a visible decision (see the folder's README).
const SAMPLES: &[(&str, &[u8])] = &[
    sample!("2015-10-01-russia-begins-air-strikes.txt"),
    sample!("2015-10-20-air-safety-memorandum.txt"),
    sample!("2015-10-21-assad-visits-moscow.html"),
    sample!("2015-10-22-wire-feed.json"),
    sample!("2015-10-23-vienna-four-way-talks.html"),
    sample!("2015-10-30-vienna-talks-widen.md"),
    sample!("analyst-events.csv"),
];

/// Parses every bundled sample, as [`super::load_paths`] would the folder.
pub fn bundled_samples() -> (Loaded, Vec<IngestError>) {
    let mut loaded = Loaded::default();
    let mut errors = Vec::new();
    for (name, bytes) in SAMPLES {
        match parse_bytes(Path::new(name), bytes) {
            Ok(mut one) => {
                loaded.articles.append(&mut one.articles);
                loaded.hand_events.append(&mut one.hand_events);
                loaded.warnings.append(&mut one.warnings);
            }
            Err(err) => errors.push(err),
        }
    }
    (loaded, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sample_parses_with_a_title_and_a_date() {
        let (loaded, errors) = bundled_samples();
        assert!(errors.is_empty(), "{errors:?}");
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        let stories: Vec<_> = loaded
            .articles
            .iter()
            .filter(|a| a.format != crate::model::ArticleFormat::Csv)
            .collect();
        assert!(stories.len() >= 6);
        for a in stories {
            assert!(!a.title.is_empty(), "{}", a.id);
            assert!(a.published.is_some(), "{} has no date", a.id);
            assert!(
                a.paragraphs.len() >= 4,
                "{} has {} paragraphs",
                a.id,
                a.paragraphs.len()
            );
            for (_, paragraph) in a.paragraph_texts() {
                for furniture in [
                    "SUBSCRIBE",
                    "rights reserved",
                    "Share on",
                    "mailing list",
                    "eporting by",
                    "Related stories",
                    "cookies",
                    "What comes next",
                ] {
                    assert!(!paragraph.contains(furniture), "{}: {paragraph:?}", a.id);
                }
            }
        }
        assert!(loaded.hand_events.len() >= 8);
    }
}
