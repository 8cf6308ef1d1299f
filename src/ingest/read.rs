//! Reading a file's bytes within the size limit.

use std::io::Read;
use std::path::Path;

use super::{IngestError, LoadOptions};

/// Reads a file's bytes, checking its size from metadata before reading a byte of it.
pub(crate) fn read_limited(path: &Path, options: &LoadOptions) -> Result<Vec<u8>, IngestError> {
    let unreadable = |reason: String| IngestError::Unreadable {
        path: path.to_path_buf(),
        reason,
    };
    let meta = std::fs::metadata(path).map_err(|e| unreadable(io_reason(&e)))?;
    if meta.is_dir() {
        return Err(unreadable("is a folder, not a file".into()));
    }
    if meta.len() > options.max_bytes {
        return Err(too_large(path, meta.len(), options.max_bytes));
    }
    let file = std::fs::File::open(path).map_err(|e| unreadable(io_reason(&e)))?;
    // The file may have grown since the metadata was read; read one byte past the limit to tell.
    // Room for the whole file (and the byte that tells it grew) up front: read_to_end through
    // `take` has no size hint and would grow the buffer from 32 bytes, doubling.
    // Only a hint: a limit raised past what memory holds must end in the read's own error,
    // not in an allocation failure that aborts the program.
    let expected = usize::try_from(meta.len()).unwrap_or(0).saturating_add(1);
    let mut bytes = Vec::new();
    if bytes.try_reserve_exact(expected).is_err() {
        return Err(unreadable(format!(
            "too large to hold in memory ({} bytes)",
            meta.len()
        )));
    }
    file.take(options.max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(io_reason(&e)))?;
    let len = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if len > options.max_bytes {
        return Err(too_large(path, len, options.max_bytes));
    }
    Ok(bytes)
}

fn too_large(path: &Path, size: u64, limit: u64) -> IngestError {
    IngestError::TooLarge {
        path: path.to_path_buf(),
        size,
        limit,
    }
}

/// A reason a person can act on ("no such file" rather than "os error 2").
pub(crate) fn io_reason(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => err.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_files_and_folders_are_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing.txt");
        let err = read_limited(&missing, &LoadOptions::default()).unwrap_err();
        assert!(
            err.to_string()
                .contains("missing.txt: cannot read: no such file")
        );
        let err = read_limited(dir.path(), &LoadOptions::default()).unwrap_err();
        assert!(err.to_string().contains("is a folder"));
    }

    #[test]
    fn files_over_the_limit_are_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.txt");
        std::fs::write(&big, "x".repeat(2000)).unwrap();
        let err = read_limited(&big, &LoadOptions { max_bytes: 1000 }).unwrap_err();
        assert!(matches!(
            err,
            IngestError::TooLarge {
                size: 2000,
                limit: 1000,
                ..
            }
        ));
    }
}
