//! The sample briefing that ships inside the binary, so the app opens it from any folder.

use std::path::Path;

use super::{IngestError, Loaded, parse_bytes};

/// The files of `assets/samples/`, by name.
const SAMPLES: &[(&str, &[u8])] = &[];

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
