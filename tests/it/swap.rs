//! A build killed at any moment leaves `public/` as the whole previous site
//! or the whole new one: never missing, never a mix, and what the killed
//! build left beside it is cleaned by the next build.
//!
//! The real binary is killed with SIGKILL (no cleanup runs) after random
//! delays spread over a build's duration, half of them near its end where
//! the swap happens. Two versions of a site take turns, so every build
//! replaces one known site with the other. Meanwhile a reader asks for the
//! home page as fast as it can, as a web server serving `public/` would: on
//! the earlier swap (two renames) it found the folder missing.

use crate::common::{build, copy_tree, site_with};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Stdio;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const KILLS: usize = 32;

/// Every file of a built site: path → SHA-256.
type Listing = BTreeMap<String, [u8; 32]>;

fn listing(dir: &Path) -> Listing {
    assert!(dir.is_dir(), "{} is missing", dir.display());
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| !e.file_type().is_dir())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap();
            let bytes = std::fs::read(e.path()).unwrap();
            (
                rel.to_string_lossy().into_owned(),
                Sha256::digest(bytes).into(),
            )
        })
        .collect()
}

/// A small generator, seeded from the clock and printed, so a failure can
/// be replayed with `GUONG_SWAP_SEED`.
struct Random(u64);

impl Random {
    fn new() -> Random {
        let seed = std::env::var("GUONG_SWAP_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_nanos() as u64
            });
        eprintln!("swap test seed: GUONG_SWAP_SEED={seed}");
        Random(seed | 1)
    }
    /// A number in [0, 1).
    fn unit(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// The two versions of the site, each built once into `public` to record
/// what a complete build of it is.
struct Versions {
    roots: [tempfile::TempDir; 2],
    sites: [Listing; 2],
    /// How long a whole build (photos cached) takes, at the longest.
    duration: Duration,
}

fn versions(public: &Path, reader: &Reader) -> Versions {
    let old = site_with(None);
    let new = tempfile::tempdir().unwrap();
    copy_tree(old.path(), new.path());
    // The new version changes a page and adds one.
    let pages = new.path().join("content/pages");
    let about = pages.join("gioi-thieu.vi.md");
    let text = std::fs::read_to_string(&about).unwrap();
    std::fs::write(&about, format!("{text}\nPhiên bản mới của trang.\n")).unwrap();
    std::fs::write(
        pages.join("lien-he.vi.md"),
        "---\ntitle: Liên hệ (hư cấu)\n---\nTrang liên hệ.\n",
    )
    .unwrap();
    let roots = [old, new];
    let mut sites = [Listing::new(), Listing::new()];
    let mut duration = Duration::ZERO;
    // The first build of each encodes its photos into its cache; the
    // second, timed with the reader watching as it will, is the build the
    // kills interrupt.
    for round in 0..2 {
        reader.armed.store(round == 1, Ordering::Relaxed);
        for (root, site) in roots.iter().zip(&mut sites) {
            let start = Instant::now();
            let out = build(root.path(), public);
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            duration = duration.max(start.elapsed());
            *site = listing(public);
        }
    }
    assert_ne!(
        sites[0], sites[1],
        "the two versions must build different sites"
    );
    Versions {
        roots,
        sites,
        duration,
    }
}

/// What the reader thread shares with the test.
#[derive(Default)]
struct Reader {
    /// Set while a build may be swapping (its last stretch).
    armed: AtomicBool,
    stop: AtomicBool,
    misses: AtomicUsize,
}

impl Reader {
    /// Asks for `public/index.html` as fast as it can while armed, and
    /// counts the misses: the old swap's gap lasted microseconds, and a
    /// reader that yields or sleeps between its questions did not find it.
    /// Idles otherwise, so as not to take a core from the tests running
    /// beside this one for the whole run.
    fn run(&self, public: &Path) {
        let home = public.join("index.html");
        while !self.stop.load(Ordering::Relaxed) {
            if !self.armed.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(1));
                continue;
            }
            if std::fs::symlink_metadata(&home).is_err() {
                self.misses.fetch_add(1, Ordering::Relaxed);
            }
        }
    }
}

struct StopOnDrop<'a>(&'a AtomicBool);

impl Drop for StopOnDrop<'_> {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

#[test]
fn a_killed_build_leaves_the_whole_old_site_or_the_whole_new_one() {
    let parent = tempfile::tempdir().unwrap();
    let public = parent.path().join("public");
    let reader = Reader::default();
    let mut random = Random::new();
    let (mut interrupted, mut kept, mut replaced) = (0, 0, 0);
    let v = std::thread::scope(|scope| {
        scope.spawn(|| reader.run(&public));
        // Stops the reader however this closure ends (a failed assertion too),
        // or the scope would wait for it forever.
        let _stop = StopOnDrop(&reader.stop);
        let v = versions(&public, &reader);
        // `public` holds the last version built, version 1.
        let mut current = 1;
        // How long a build takes, learnt as the kills go: a build measured
        // while other tests load the machine can take several times longer
        // than the ones that follow, and kills spread over that would all
        // come after the end. A build that ended before its kill took at
        // most that long; one that was killed, at least.
        let mut duration = v.duration;
        for kill in 0..KILLS {
            let target = 1 - current;
            // Half anywhere in a build, half in its last fifth and just after.
            let share = if kill % 2 == 0 {
                random.unit() * 1.1
            } else {
                0.8 + random.unit() * 0.3
            };
            let delay = duration.mul_f64(share);
            let mut child = crate::common::command()
                .args(["build", "--root"])
                .arg(v.roots[target].path())
                .arg("--out")
                .arg(&public)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap();
            // The reader watches from half-way through the build, as the
            // swap comes at its end.
            let half = duration / 2;
            std::thread::sleep(delay.min(half));
            reader.armed.store(true, Ordering::Relaxed);
            std::thread::sleep(delay.saturating_sub(half));
            let _ = child.kill();
            let status = child.wait().unwrap();
            reader.armed.store(false, Ordering::Relaxed);
            interrupted += usize::from(!status.success());
            duration = match status.success() {
                true => duration.min(delay.max(Duration::from_millis(50))),
                false => duration.max(delay),
            };
            let after = listing(&public);
            let left = if after == v.sites[current] {
                kept += 1;
                current
            } else if after == v.sites[target] {
                replaced += 1;
                target
            } else {
                panic!(
                    "kill {kill} after {delay:?} ({status}): public/ is neither the old site nor the new one ({} files; old {}, new {})",
                    after.len(),
                    v.sites[current].len(),
                    v.sites[target].len()
                );
            };
            current = left;
        }
        (v, current)
    });
    let (v, current) = v;
    eprintln!(
        "{KILLS} builds: {interrupted} killed, {kept} left the old site, {replaced} the new one; one build takes {:?}",
        v.duration
    );
    assert_eq!(
        reader.misses.load(Ordering::Relaxed),
        0,
        "a reader found no public/index.html while builds were swapping"
    );
    assert!(interrupted > 0, "no build was killed before it ended");
    assert!(
        kept > 0 && replaced > 0,
        "the kills never straddled the swap"
    );

    // The next whole build cleans what the killed ones left beside public/.
    let target = 1 - current;
    let out = build(v.roots[target].path(), &public);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(listing(&public) == v.sites[target]);
    let names: Vec<String> = std::fs::read_dir(parent.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["public"]);
}
