//! The one way guong writes a single file outside a build's staging folder
//! (a profile by `guong new` or `guong import`, the editor schemas, the
//! image and search caches): whole or not at all.
//!
//! The bytes go to a hidden temporary file in the same folder (so the final
//! step is a rename within one file system, and the content loader, which
//! skips dot-files, never reads it), are flushed to the disk, and the file
//! is then renamed over the target. A reader — another build, an editor, a
//! killed `guong` — sees the previous file or the new one, never half.
//!
//! Flushing policy: the temporary file is `fsync`ed before the rename,
//! because without it a power cut soon after the rename can leave the new
//! name on an empty or cut file on ext4, XFS or btrfs (the rename reaches the
//! journal before the data), which is what the rename is there to rule out;
//! and a cache entry is trusted by the next build, so a cut JPEG would be
//! published. These writes are few (a profile, six schemas) or follow the
//! encoding of a photo, which costs far more than one flush. The folder is
//! not flushed: a rename lost to a power cut leaves the previous whole file,
//! which the promise allows. A build's own pages are not written here: they
//! go to a staging folder that is swapped in whole (`super::swap`).

use anyhow::Result;
use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

/// What to do when the target already exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Put the new content in its place (schemas, caches, an import's update).
    Replace,
    /// Leave it and fail: guong never overwrites what a writer wrote
    /// (`guong new`, a profile an import creates).
    Keep,
}

/// Write `bytes` to `path` whole or not at all, creating its folder.
pub fn write_file(path: &Path, bytes: &[u8], existing: Existing) -> Result<()> {
    let dir = super::created_parent(path)?;
    let tmp = dir.join(temp_name(path));
    let result = write_flushed(&tmp, bytes)
        .and_then(|()| put_in_place(&tmp, path, existing))
        .map_err(|e| refused_or(e, path));
    // Gone after a rename; left by a failure or a `Keep` (hard link).
    let _ = std::fs::remove_file(&tmp);
    result
}

/// A hidden name of its own for each write, so two threads or two guong
/// processes writing the same file never share a temporary file.
fn temp_name(path: &Path) -> String {
    static SEQ: AtomicUsize = AtomicUsize::new(0);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!(
        ".{name}.guong-{}-{}",
        std::process::id(),
        SEQ.fetch_add(1, Ordering::Relaxed)
    )
}

fn write_flushed(tmp: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(tmp)?;
    file.write_all(bytes)?;
    file.sync_all()
}

fn put_in_place(tmp: &Path, path: &Path, existing: Existing) -> std::io::Result<()> {
    match existing {
        Existing::Replace => std::fs::rename(tmp, path),
        // A hard link fails if the name exists, in one step: no file that
        // appears between a check and the rename is ever replaced.
        Existing::Keep => match std::fs::hard_link(tmp, path) {
            Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => {
                // A file system without hard links (FAT): check, then rename.
                if path.exists() {
                    Err(std::io::ErrorKind::AlreadyExists.into())
                } else {
                    std::fs::rename(tmp, path)
                }
            }
            linked => linked,
        },
    }
}

fn refused_or(e: std::io::Error, path: &Path) -> anyhow::Error {
    if e.kind() == std::io::ErrorKind::AlreadyExists {
        anyhow::anyhow!(
            "{} already exists; guong never overwrites what a writer wrote",
            path.display()
        )
    } else {
        anyhow::Error::new(e).context(format!("cannot write {}", path.display()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::output::names;

    #[test]
    fn replaces_whole_and_leaves_no_temporary_file() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("a/b/schema.json");
        write_file(&path, b"1", Existing::Replace).unwrap();
        write_file(&path, b"22", Existing::Replace).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"22");
        assert_eq!(names(&tmp.path().join("a/b")), ["schema.json"]);
    }

    #[test]
    fn keep_never_overwrites_and_says_so() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("ho-so.md");
        write_file(&path, b"writer's text", Existing::Keep).unwrap();
        let err = write_file(&path, b"template", Existing::Keep).unwrap_err();
        assert!(
            format!("{err:#}").contains("already exists; guong never overwrites"),
            "{err:#}"
        );
        assert_eq!(std::fs::read(&path).unwrap(), b"writer's text");
        assert_eq!(names(tmp.path()), ["ho-so.md"]);
    }

    #[test]
    fn a_failure_names_the_file() {
        let tmp = tempfile::tempdir().unwrap();
        // The target is a folder: the rename fails.
        let path = tmp.path().join("taken");
        std::fs::create_dir_all(path.join("inside")).unwrap();
        let err = write_file(&path, b"x", Existing::Replace).unwrap_err();
        assert!(format!("{err:#}").contains("cannot write"), "{err:#}");
        assert!(format!("{err:#}").contains("taken"), "{err:#}");
        assert_eq!(names(tmp.path()), ["taken"]);
    }
}
