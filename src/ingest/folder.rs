//! Many paths at once: folders walked by extension, files read in parallel, results in a
//! stable order, ids made unique across the whole load.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use super::detect::format_from_extension;
use super::read::io_reason;
use super::{IngestError, LoadOptions, Loaded, load_file};

/// Reads every path; see [`super::load_paths`].
pub(crate) fn load_paths(
    paths: &[PathBuf],
    options: &LoadOptions,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> (Loaded, Vec<IngestError>) {
    let mut errors = Vec::new();
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut files, &mut errors);
        } else {
            // Named files are read whatever their extension (and missing ones reported).
            files.push(path.clone());
        }
    }
    let read = AtomicUsize::new(0);
    let results: Vec<Result<Loaded, IngestError>> = files
        .par_iter()
        .map(|f| {
            let one = load_file(f, options);
            progress(read.fetch_add(1, Ordering::Relaxed) + 1, files.len());
            one
        })
        .collect();

    let mut loaded = Loaded::default();
    let mut ids = UniqueIds::default();
    for result in results {
        match result {
            Ok(mut one) => {
                let mut renamed = HashMap::new();
                for article in &mut one.articles {
                    let unique = ids.claim(&article.id);
                    if unique != article.id {
                        renamed.insert(article.id.clone(), unique.clone());
                        article.id = unique;
                    }
                }
                for event in &mut one.hand_events {
                    if let Some(new) = renamed.get(&event.article) {
                        event.article.clone_from(new);
                    }
                }
                loaded.articles.append(&mut one.articles);
                loaded.hand_events.append(&mut one.hand_events);
                loaded.warnings.append(&mut one.warnings);
                loaded.timelines.append(&mut one.timelines);
            }
            Err(err) => errors.push(err),
        }
    }
    (loaded, errors)
}

/// Collects the loadable files under `root` in sorted order. Each real folder is entered once,
/// so symbolic-link loops end.
fn walk(root: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<IngestError>) {
    let mut visited: HashSet<PathBuf> = HashSet::new();
    let mut found = Vec::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let Ok(real) = dir.canonicalize() else {
            continue;
        };
        if !visited.insert(real) {
            continue;
        }
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) => {
                errors.push(IngestError::Unreadable {
                    path: dir.clone(),
                    reason: io_reason(&e),
                });
                continue;
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if format_from_extension(&path).is_some()
                && !is_folder_notes(&path)
                && !is_special(&path)
            {
                found.push(path);
            }
        }
    }
    found.sort();
    files.extend(found);
}

/// A pipe, socket or device named like an article: opening a pipe waits for a writer forever,
/// and a device may never end, so a folder walk passes them by. (A file named on the command
/// line is still read, so `extract <(command)` works.)
fn is_special(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.is_file())
}

/// A folder's README or LICENSE describes the folder; it is not an article.
fn is_folder_notes(path: &Path) -> bool {
    path.file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|s| s.eq_ignore_ascii_case("readme") || s.eq_ignore_ascii_case("license"))
}

/// Hands out ids, appending "~2", "~3", ... to repeats.
#[derive(Default)]
struct UniqueIds {
    taken: HashSet<String>,
}

impl UniqueIds {
    fn claim(&mut self, id: &str) -> String {
        if self.taken.insert(id.to_string()) {
            return id.to_string();
        }
        let mut n = 2;
        loop {
            let candidate = format!("{id}~{n}");
            if self.taken.insert(candidate.clone()) {
                return candidate;
            }
            n += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_load_known_extensions_in_order_with_unique_ids() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).unwrap();
        let story = "A Headline\n\nThe minister spoke to reporters on Wednesday, officials said.\n";
        std::fs::write(dir.path().join("b.txt"), story).unwrap();
        std::fs::write(sub.join("b.txt"), story).unwrap();
        std::fs::write(dir.path().join("a.md"), story).unwrap();
        std::fs::write(dir.path().join("image.xyz"), "ignored").unwrap();
        std::fs::write(dir.path().join("README.md"), "# About this folder").unwrap();
        let (loaded, errors) =
            crate::ingest::load_paths(&[dir.path().to_path_buf()], &LoadOptions::default());
        assert!(errors.is_empty(), "{errors:?}");
        let ids: Vec<&str> = loaded.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a.md", "b.txt", "b.txt~2"]);
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_end() {
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
        std::fs::write(
            dir.path().join("s.txt"),
            "Words of a story that goes on for a while here.\n",
        )
        .unwrap();
        let (loaded, errors) =
            crate::ingest::load_paths(&[dir.path().to_path_buf()], &LoadOptions::default());
        assert!(errors.is_empty());
        assert_eq!(loaded.articles.len(), 1);
    }
}
