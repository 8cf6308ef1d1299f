//! The articles a project was built from, each with a hash of its bytes, so reopening the
//! project can tell an article that changed or went missing from one that is as it was.

use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::Timeline;

/// One input file of a project.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleRecord {
    /// Where the file is: relative to the project file's folder when it lies under it (so a
    /// project folder can be moved or shared whole), absolute otherwise.
    pub path: PathBuf,
    /// `blake3:` and the hex BLAKE3 hash of the file's bytes.
    pub hash: String,
}

/// What reopening found for one article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArticleStatus {
    Unchanged,
    /// The bytes differ from when the project was saved: extraction may have moved on, so some
    /// edits may now be pending.
    Changed,
    Missing,
    Unreadable(String),
}

impl ArticleRecord {
    /// Reads and hashes the file now.
    pub fn read(path: &Path) -> io::Result<Self> {
        let bytes = std::fs::read(path)?;
        Ok(Self {
            path: path.to_path_buf(),
            hash: hash_bytes(&bytes),
        })
    }

    /// One record per distinct file the timeline's articles came from (a JSON Lines file holds
    /// many articles but is one input), hashed now. Files that cannot be read are returned apart.
    pub fn for_timeline(timeline: &Timeline) -> (Vec<Self>, Vec<(PathBuf, io::Error)>) {
        let mut seen = BTreeSet::new();
        let mut records = Vec::new();
        let mut failed = Vec::new();
        for path in timeline.articles.iter().filter_map(|a| a.path.as_deref()) {
            if !seen.insert(path) {
                continue;
            }
            match Self::read(Path::new(path)) {
                Ok(record) => records.push(record),
                Err(err) => failed.push((PathBuf::from(path), err)),
            }
        }
        (records, failed)
    }

    /// Compares the file on disk (found from `folder`, the project's folder) with the record.
    /// On a change the record takes the new hash: the edits now apply to the new text.
    pub fn check(&mut self, folder: &Path) -> ArticleStatus {
        match std::fs::read(folder.join(&self.path)) {
            Ok(bytes) => {
                let hash = hash_bytes(&bytes);
                if hash == self.hash {
                    ArticleStatus::Unchanged
                } else {
                    self.hash = hash;
                    ArticleStatus::Changed
                }
            }
            Err(err) if err.kind() == io::ErrorKind::NotFound => ArticleStatus::Missing,
            Err(err) => ArticleStatus::Unreadable(err.to_string()),
        }
    }

    /// The record as written in a project kept in `folder`: relative if the file is under it.
    pub fn relative_to(&self, folder: &Path) -> Self {
        let absolute = absolute(&self.path);
        let path = match absolute.strip_prefix(absolute_folder(folder)) {
            Ok(inside) => inside.to_path_buf(),
            Err(_) => absolute,
        };
        Self {
            path,
            hash: self.hash.clone(),
        }
    }

    /// The record with its path made absolute against `folder`, as the app holds it.
    pub fn resolved_in(&self, folder: &Path) -> Self {
        Self {
            path: absolute(&folder.join(&self.path)),
            hash: self.hash.clone(),
        }
    }
}

/// The stable content hash used in project files. BLAKE3 is fast on large inputs and fixed by
/// its specification, so a hash written today still compares equal in a later build.
pub fn hash_bytes(bytes: &[u8]) -> String {
    format!("blake3:{}", blake3::hash(bytes).to_hex())
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

fn absolute_folder(folder: &Path) -> PathBuf {
    if folder.as_os_str().is_empty() {
        absolute(Path::new("."))
    } else {
        absolute(folder)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_under_the_project_folder_are_stored_relative() {
        let record = ArticleRecord {
            path: PathBuf::from("/data/brief/articles/a.txt"),
            hash: hash_bytes(b"x"),
        };
        let stored = record.relative_to(Path::new("/data/brief"));
        assert_eq!(stored.path, PathBuf::from("articles/a.txt"));
        let elsewhere = record.relative_to(Path::new("/other"));
        assert_eq!(elsewhere.path, PathBuf::from("/data/brief/articles/a.txt"));
        assert_eq!(
            stored.resolved_in(Path::new("/data/brief")).path,
            record.path
        );
    }

    #[test]
    fn hash_is_stable_and_names_its_algorithm() {
        assert_eq!(
            hash_bytes(b""),
            "blake3:af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262"
        );
    }
}
