//! Writing a file so that a crash, a full disk or a refused write never leaves it half-written:
//! the new bytes go to a temporary file in the same folder, are flushed to disk, and only then
//! renamed over the old file, whose previous version is kept beside it as `.bak`.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Whether to keep the version being replaced as `<file>.bak`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backup {
    Keep,
    Skip,
}

/// Replaces `path` with `bytes` atomically, keeping the previous version as `.bak`.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, Backup::Keep, |file| file.write_all(bytes))
}

/// Replaces `path` with whatever `write` puts in the temporary file. If anything fails (the
/// writer itself, the flush to disk, the rename), the old file is left exactly as it was and
/// the temporary file is removed.
pub fn write_atomic_with(
    path: &Path,
    backup: Backup,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let dir = folder_of(path);
    let mut builder = tempfile::Builder::new();
    builder.prefix(".chronolane-").suffix(".tmp");
    let previous = fs::metadata(path).ok();
    // A new file should get ordinary permissions (not the temporary file's owner-only ones);
    // a replaced one keeps its own.
    if let Some(meta) = previous.as_ref().filter(|m| m.is_file()) {
        builder.permissions(meta.permissions());
    } else {
        set_default_permissions(&mut builder);
    }
    let mut temp = builder.tempfile_in(&dir)?;
    {
        let mut out = io::BufWriter::new(temp.as_file_mut());
        write(&mut out)?;
        out.flush()?;
    }
    temp.as_file().sync_all()?;
    if backup == Backup::Keep && previous.as_ref().is_some_and(|m| m.is_file()) {
        copy_atomic(path, &backup_path(path), &dir)?;
    }
    temp.persist(path).map_err(|e| e.error)?;
    sync_folder(&dir);
    Ok(())
}

/// Where the previous version of `path` is kept: `name.chronolane.json.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Copies `from` to `to` through a temporary file, so `to` is never half a copy.
fn copy_atomic(from: &Path, to: &Path, dir: &Path) -> io::Result<()> {
    let mut temp = tempfile::Builder::new()
        .prefix(".chronolane-")
        .suffix(".bak.tmp")
        .tempfile_in(dir)?;
    io::copy(&mut File::open(from)?, temp.as_file_mut())?;
    temp.as_file().sync_all()?;
    if let Ok(meta) = fs::metadata(from) {
        // Best effort: a backup with owner-only permissions is still a backup.
        let _ = fs::set_permissions(temp.path(), meta.permissions());
    }
    temp.persist(to).map_err(|e| e.error)?;
    Ok(())
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

#[cfg(unix)]
fn set_default_permissions(builder: &mut tempfile::Builder<'_, '_>) {
    use std::os::unix::fs::PermissionsExt;
    // The process umask still applies on creation, as for any new file.
    builder.permissions(fs::Permissions::from_mode(0o666));
}

#[cfg(not(unix))]
fn set_default_permissions(_builder: &mut tempfile::Builder<'_, '_>) {}

/// Makes the rename itself durable. Best effort: some platforms cannot open a folder, and the
/// file's own contents are already on disk.
fn sync_folder(dir: &Path) {
    #[cfg(unix)]
    if let Ok(folder) = File::open(dir) {
        let _ = folder.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backup_sits_beside_the_file() {
        assert_eq!(
            backup_path(Path::new("/x/brief.chronolane.json")),
            PathBuf::from("/x/brief.chronolane.json.bak")
        );
    }
}
