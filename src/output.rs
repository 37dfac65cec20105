//! The only writer of a build. Writes every file into a temporary folder
//! beside the output, then swaps it in, so a failed or interrupted build
//! leaves the previous site exactly as it was.

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
}

impl OutFile {
    pub fn new(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        OutFile {
            path: path.into(),
            bytes: bytes.into(),
            template: None,
        }
    }
    pub fn drawn_by(mut self, template: &'static str) -> Self {
        self.template = Some(template);
        self
    }
}

fn sibling(out: &Path, tag: &str) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    out.with_file_name(format!(".{name}.{tag}-{}", std::process::id()))
}

/// Write `files` as the complete new content of `out`.
pub fn write_atomically(out: &Path, files: &[OutFile]) -> Result<()> {
    let mut staging = Staging::new(out)?;
    staging.write(files)?;
    staging.finish()
}

/// A new site being written beside the output folder, batch by batch (so a
/// build of 20,000 profiles never holds all its files in memory), and
/// swapped in whole by [`Staging::finish`]. Dropped unfinished, it is
/// removed and the previous site stays exactly as it was.
pub struct Staging {
    out: PathBuf,
    dir: PathBuf,
    dirs: std::collections::HashSet<PathBuf>,
    files: usize,
    finished: bool,
}

impl Staging {
    pub fn new(out: &Path) -> Result<Staging> {
        let parent = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
        let dir = sibling(out, "new");
        let _ = std::fs::remove_dir_all(&dir);
        crate::error::fs::create_dir_all(&dir)?;
        Ok(Staging {
            out: out.to_path_buf(),
            dir,
            dirs: Default::default(),
            files: 0,
            finished: false,
        })
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
                anyhow::bail!("refusing to write outside the output folder: {}", f.path);
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
            crate::error::fs::create_dir_all(&d)?;
            self.dirs.insert(d);
        }
        files
            .par_iter()
            .try_for_each(|f| crate::error::fs::write(&self.dir.join(&f.path), &f.bytes))?;
        self.files += files.len();
        Ok(())
    }

    /// Put the new site in place of the old one.
    pub fn finish(mut self) -> Result<()> {
        self.finished = true;
        let result = swap(&self.out, &self.dir);
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

fn swap(out: &Path, staging: &Path) -> Result<()> {
    if out.exists() {
        let old = sibling(out, "old");
        let _ = std::fs::remove_dir_all(&old);
        std::fs::rename(out, &old)
            .with_context(|| format!("cannot move the previous {} aside", out.display()))?;
        if let Err(e) = std::fs::rename(staging, out) {
            // Put the previous site back before reporting.
            let _ = std::fs::rename(&old, out);
            return Err(e)
                .with_context(|| format!("cannot move the new site into {}", out.display()));
        }
        std::fs::remove_dir_all(&old)
            .with_context(|| format!("cannot remove {}", old.display()))?;
    } else {
        std::fs::rename(staging, out)
            .with_context(|| format!("cannot move the new site into {}", out.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_whole_folder_and_refuses_escapes() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        write_atomically(
            &out,
            &[
                OutFile::new("a/index.html", "1"),
                OutFile::new("stale.txt", "x"),
            ],
        )
        .unwrap();
        write_atomically(&out, &[OutFile::new("a/index.html", "2")]).unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("a/index.html")).unwrap(),
            "2"
        );
        assert!(!out.join("stale.txt").exists());
        assert!(write_atomically(&out, &[OutFile::new("../evil", "x")]).is_err());
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
