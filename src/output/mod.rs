//! The only writer of files. A build writes every page into a staging
//! folder beside the output, then swaps it in whole ([`swap`]), so a failed,
//! interrupted or killed build leaves the previous site exactly as it was;
//! every other file guong writes (a new profile, an import, the schemas, the
//! image and search caches) goes through [`write_file`], whole or not at all.

mod file;
mod swap;

pub use file::{write_file, Existing};

use crate::messages::msg;
use anyhow::{Context, Result};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// Where drawn files go, a batch at a time: the staging folder of a build,
/// memory for `check`, the dev server's page table. An error stops the
/// drawing and is reported with the run's others.
pub type Sink<'s> = &'s mut dyn FnMut(Vec<OutFile>) -> Result<(), Vec<crate::error::Diagnostic>>;

/// One file of the built site; `path` is relative to the output folder, with `/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutFile {
    pub path: String,
    pub bytes: Vec<u8>,
    /// The template that drew this page, so `check` can say where a link
    /// that is not from content comes from.
    pub template: Option<&'static str>,
    /// A file whose bytes these are (`bytes` is then empty): a share card
    /// in the image cache is copied when written, not held in memory —
    /// tens of thousands of them would take hundreds of megabytes.
    pub copy_of: Option<PathBuf>,
}

impl OutFile {
    pub fn new(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        OutFile {
            path: path.into(),
            bytes: bytes.into(),
            template: None,
            copy_of: None,
        }
    }
    /// A file of the site with the bytes of `from`, read when it is written.
    pub fn copy(path: impl Into<String>, from: PathBuf) -> Self {
        OutFile {
            copy_of: Some(from),
            ..OutFile::new(path, Vec::new())
        }
    }
    /// The file's bytes, read from the file it copies if it is one.
    pub fn contents(self) -> std::io::Result<Vec<u8>> {
        match self.copy_of {
            Some(from) => std::fs::read(from),
            None => Ok(self.bytes),
        }
    }
    pub fn drawn_by(mut self, template: &'static str) -> Self {
        self.template = Some(template);
        self
    }
}

/// The folder `path` goes in ("." for a bare name), created if missing:
/// a file and a build's staging folder are both made beside their target.
fn created_parent(path: &Path) -> Result<&Path> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).with_context(|| msg!("fs-cannot-create-folder", path = dir))?;
    Ok(dir)
}

/// The entries of `dir`, sorted (for the tests of this module).
#[cfg(test)]
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A new site being written beside the output folder, batch by batch (so a
/// build of 20,000 profiles never holds all its files in memory), and
/// swapped in whole by [`Staging::finish`]. Dropped unfinished, it is
/// removed and the previous site stays exactly as it was.
///
/// Its files are not flushed one by one: a killed process loses nothing the
/// kernel already holds, and the swap is what makes a kill safe. Against a
/// power cut, a built site is derived data that the next build rewrites,
/// whereas an `fsync` per file would add a disk flush to each of the
/// 100,000-odd files of a 20,000-profile build.
pub struct Staging {
    out: PathBuf,
    dir: PathBuf,
    dirs: std::collections::HashSet<PathBuf>,
    files: usize,
    finished: bool,
}

impl Staging {
    pub fn new(out: &Path) -> Result<Staging> {
        created_parent(out)?;
        swap::recover(out);
        let dir = swap::sibling(out, "new");
        let _ = std::fs::remove_dir_all(&dir);
        create_dir(&dir)?;
        Ok(Staging {
            out: out.to_path_buf(),
            dir,
            dirs: Default::default(),
            files: 0,
            finished: false,
        })
    }

    /// The folder being written (a search index is made there directly).
    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// How many files were written so far.
    pub fn files(&self) -> usize {
        self.files
    }

    pub fn write(&mut self, files: &[OutFile]) -> Result<()> {
        for f in files {
            if f.path
                .split('/')
                .any(|part| part == ".." || part.is_empty())
            {
                anyhow::bail!(msg!("output-outside", path = &f.path));
            }
        }
        let mut dirs: Vec<PathBuf> = files
            .iter()
            .filter_map(|f| Path::new(&f.path).parent().map(|p| self.dir.join(p)))
            .filter(|d| !self.dirs.contains(d))
            .collect();
        dirs.sort();
        dirs.dedup();
        for d in dirs {
            create_dir(&d)?;
            self.dirs.insert(d);
        }
        files.par_iter().try_for_each(|f| {
            let path = self.dir.join(&f.path);
            match &f.copy_of {
                Some(from) => link_or_copy(from, &path),
                None => std::fs::write(&path, &f.bytes),
            }
            .with_context(|| msg!("fs-cannot-write", path = &path))
        })?;
        self.files += files.len();
        Ok(())
    }

    /// Put the new site in place of the old one.
    pub fn finish(mut self) -> Result<()> {
        self.finished = true;
        let result = swap::replace(&self.out, &self.dir);
        if result.is_err() {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
        result
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.finished {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// A file of the image cache into the site: a second name for the same
/// bytes when both are on one file system, else a copy. The cache replaces
/// its files (a new file renamed over the old), never rewrites them, so
/// the site's name keeps the bytes it was given. At 10,000 profiles the
/// cards alone were 390 MB of copying on every build; the deploy's archive
/// (`tar --hard-dereference`) and `rsync` store such a file as any other.
fn link_or_copy(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::hard_link(from, to).or_else(|_| std::fs::copy(from, to).map(|_| ()))
}

fn create_dir(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| msg!("fs-cannot-create-folder", path = dir))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A cached card linked into a site keeps its bytes when the cache
    /// replaces the file (as `write_file` does: a new file renamed over
    /// the old), and the next site gets the new bytes.
    #[test]
    fn a_linked_cache_file_keeps_its_bytes_when_the_cache_replaces_it() {
        let tmp = tempfile::tempdir().unwrap();
        let cached = tmp.path().join("cache/card.png");
        write_file(&cached, b"first", Existing::Replace).unwrap();
        let out = tmp.path().join("public");
        let card = || vec![OutFile::copy("og.png", cached.clone())];
        let mut staging = Staging::new(&out).unwrap();
        staging.write(&card()).unwrap();
        staging.finish().unwrap();
        write_file(&cached, b"second", Existing::Replace).unwrap();
        assert_eq!(std::fs::read(out.join("og.png")).unwrap(), b"first");
        let mut staging = Staging::new(&out).unwrap();
        staging.write(&card()).unwrap();
        staging.finish().unwrap();
        assert_eq!(std::fs::read(out.join("og.png")).unwrap(), b"second");
        assert_eq!(std::fs::read(&cached).unwrap(), b"second");
    }

    fn write_site(out: &Path, files: &[OutFile]) -> Result<()> {
        let mut staging = Staging::new(out)?;
        staging.write(files)?;
        staging.finish()
    }

    #[test]
    fn replaces_the_whole_folder_and_refuses_escapes() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        write_site(
            &out,
            &[
                OutFile::new("a/index.html", "1"),
                OutFile::new("stale.txt", "x"),
            ],
        )
        .unwrap();
        write_site(&out, &[OutFile::new("a/index.html", "2")]).unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("a/index.html")).unwrap(),
            "2"
        );
        assert!(!out.join("stale.txt").exists());
        assert!(write_site(&out, &[OutFile::new("../evil", "x")]).is_err());
        assert_eq!(
            std::fs::read_to_string(out.join("a/index.html")).unwrap(),
            "2"
        );
        let leftovers: Vec<_> = std::fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(leftovers, vec![std::ffi::OsString::from("public")]);
    }
}
