//! Putting a complete folder in place of another (a built site in place of
//! `public/`, a search index in place of the cached one) so that a build
//! killed at any moment leaves either the whole old folder or the whole new
//! one at the output path, never neither and never a mix.
//!
//! - Linux and macOS: one `renameat2(RENAME_EXCHANGE)` (`renameatx_np` with
//!   `RENAME_SWAP` on macOS) exchanges the staging folder and the output in a
//!   single step; the old tree, now under the staging name, is then deleted.
//! - The first build, or any build whose output is missing: one `rename`,
//!   which is atomic too.
//! - Elsewhere, or on a file system that cannot exchange (the call fails with
//!   `EINVAL`, `ENOSYS` or `ENOTSUP`): the output is renamed aside, then the
//!   staging folder into its place. Between the two, the output path is
//!   missing; a build killed there leaves the whole old site aside, and the
//!   next build ([`recover`]) puts it back before anything else.
//!
//! Leftovers of killed builds sit beside the output under hidden names that
//! carry the process id (`.public.new-1234`, `.public.old-1234`); they are
//! never served, and the next build removes those whose process is gone.

use crate::messages::msg;
use anyhow::{Context, Result};
use std::io;
use std::path::{Path, PathBuf};

const STAGING: &str = "new";
const ASIDE: &str = "old";

/// The hidden folder beside `out` that this process uses for `tag`.
pub(super) fn sibling(out: &Path, tag: &str) -> PathBuf {
    out.with_file_name(format!(".{}.{tag}-{}", file_name(out), std::process::id()))
}

fn file_name(out: &Path) -> String {
    out.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into())
}

/// Put the complete folder `new` in place of `out`, then delete the old one.
pub(super) fn replace(out: &Path, new: &Path) -> Result<()> {
    let moved = || format!("cannot move the new {} into place", out.display());
    match exchange(out, new) {
        Exchange::Done => std::fs::remove_dir_all(new).with_context(|| {
            format!(
                "cannot remove the previous {} (now {})",
                out.display(),
                new.display()
            )
        }),
        Exchange::NoOutput => match std::fs::rename(new, out) {
            // Another process put its folder there first: exchange with it.
            Err(_) if out.exists() => replace(out, new),
            renamed => renamed.with_context(moved),
        },
        Exchange::Unsupported => two_renames(out, new),
        Exchange::Failed(e) => Err(e).with_context(moved),
    }
}

enum Exchange {
    Done,
    NoOutput,
    Unsupported,
    Failed(io::Error),
}

#[cfg(any(target_os = "linux", target_os = "android", target_vendor = "apple"))]
fn exchange(out: &Path, new: &Path) -> Exchange {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    use rustix::io::Errno;
    match renameat_with(CWD, new, CWD, out, RenameFlags::EXCHANGE) {
        Ok(()) => Exchange::Done,
        Err(Errno::NOENT) if !out.exists() => Exchange::NoOutput,
        Err(Errno::INVAL | Errno::NOSYS | Errno::NOTSUP) => Exchange::Unsupported,
        Err(e) => Exchange::Failed(e.into()),
    }
}

#[cfg(not(any(target_os = "linux", target_os = "android", target_vendor = "apple")))]
fn exchange(out: &Path, _new: &Path) -> Exchange {
    if out.exists() {
        Exchange::Unsupported
    } else {
        Exchange::NoOutput
    }
}

/// The fallback: `out` is missing between the two renames (see the module
/// documentation for how the next build recovers).
fn two_renames(out: &Path, new: &Path) -> Result<()> {
    let old = sibling(out, ASIDE);
    let _ = std::fs::remove_dir_all(&old);
    std::fs::rename(out, &old).with_context(|| msg!("output-cannot-move-aside", path = out))?;
    if let Err(e) = std::fs::rename(new, out) {
        // Put the previous folder back before reporting.
        let _ = std::fs::rename(&old, out);
        return Err(e).with_context(|| msg!("output-cannot-move-in", path = out));
    }
    std::fs::remove_dir_all(&old).with_context(|| msg!("fs-cannot-remove", path = &old))
}

/// Before writing a new `out`: put back a whole old folder that a killed
/// fallback swap left aside, and delete what killed builds left beside it.
/// Folders of processes still running (another build into the same output)
/// are left to them.
pub(super) fn recover(out: &Path) {
    let Some(parent) = out.parent() else { return };
    let parent = if parent.as_os_str().is_empty() {
        Path::new(".")
    } else {
        parent
    };
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let prefix = format!(".{}.", file_name(out));
    let mut leftovers: Vec<(PathBuf, &str)> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let (tag, pid) = name.strip_prefix(&prefix)?.split_once('-')?;
            let tag = [STAGING, ASIDE].into_iter().find(|t| *t == tag)?;
            let pid: u32 = pid.parse().ok()?;
            (pid != std::process::id() && !alive(pid)).then(|| (e.path(), tag))
        })
        .collect();
    // The aside folders first, so a missing output is restored from one.
    leftovers.sort_by_key(|(path, tag)| (*tag != ASIDE, path.clone()));
    for (path, tag) in leftovers {
        if tag == ASIDE
            && std::fs::symlink_metadata(out).is_err()
            && std::fs::rename(&path, out).is_ok()
        {
            continue;
        }
        let _ = std::fs::remove_dir_all(&path);
    }
}

#[cfg(unix)]
fn alive(pid: u32) -> bool {
    let Some(pid) = i32::try_from(pid)
        .ok()
        .and_then(rustix::process::Pid::from_raw)
    else {
        return false;
    };
    // EPERM: it exists, under another user.
    !matches!(
        rustix::process::test_kill_process(pid),
        Err(rustix::io::Errno::SRCH)
    )
}

/// Without a cheap way to ask, a leftover is taken as a killed build's: two
/// builds into the same folder at once are not supported there.
#[cfg(not(unix))]
fn alive(_pid: u32) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::output::names;

    fn folder(path: &Path, text: &str) {
        std::fs::create_dir_all(path).unwrap();
        std::fs::write(path.join("index.html"), text).unwrap();
    }

    #[test]
    fn exchanges_then_removes_the_old_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let (out, new) = (
            tmp.path().join("public"),
            sibling(&tmp.path().join("public"), STAGING),
        );
        folder(&new, "first");
        replace(&out, &new).unwrap();
        folder(&new, "second");
        replace(&out, &new).unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "second"
        );
        assert_eq!(names(tmp.path()), ["public"]);
    }

    #[test]
    fn the_fallback_gives_the_same_result() {
        let tmp = tempfile::tempdir().unwrap();
        let (out, new) = (
            tmp.path().join("public"),
            sibling(&tmp.path().join("public"), STAGING),
        );
        folder(&out, "old");
        folder(&new, "new");
        two_renames(&out, &new).unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "new"
        );
        assert_eq!(names(tmp.path()), ["public"]);
    }

    /// A process id no process has: above Linux's `pid_max` limit (2^22).
    const GONE: u32 = 4_194_305;

    #[test]
    fn a_killed_fallback_swap_is_undone_and_leftovers_removed() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        folder(&tmp.path().join(format!(".public.old-{GONE}")), "old");
        folder(&tmp.path().join(format!(".public.new-{GONE}")), "half");
        folder(&tmp.path().join(".public.new-notapid"), "not ours");
        recover(&out);
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "old"
        );
        assert_eq!(names(tmp.path()), [".public.new-notapid", "public"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_running_build_keeps_its_staging_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        folder(&out, "site");
        // Process 1 (init) is always running.
        folder(&tmp.path().join(".public.new-1"), "being written");
        folder(&tmp.path().join(format!(".public.old-{GONE}")), "killed");
        recover(&out);
        assert_eq!(names(tmp.path()), [".public.new-1", "public"]);
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "site"
        );
    }
}
