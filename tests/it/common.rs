//! Helpers shared by the integration tests: fixture sites, running the real
//! binary, reading the built output.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{LazyLock, OnceLock};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures").join(name)
}

pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

/// The good fixture in a temporary folder, with `overlay` (a folder under
/// `fixtures/bad/`) copied on top.
pub fn site_with(overlay: Option<&str>) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(&fixture("good"), tmp.path());
    if let Some(o) = overlay {
        copy_tree(&fixture("bad").join(o), tmp.path());
    }
    tmp
}

/// The guong binary, speaking English: the tests written before the
/// Vietnamese catalogue read English messages; the ones that test
/// Vietnamese say `--lang vi` (or set LANG) themselves.
pub fn command() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_guong"));
    c.env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    c
}

pub fn guong(args: &[&str]) -> Output {
    command().args(args).output().expect("run guong")
}

pub fn build(root: &Path, out: &Path) -> Output {
    guong(&[
        "build",
        "--root",
        root.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ])
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Every file of a folder, path → bytes.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path()
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

pub fn html(out: &Path, page: &str) -> scraper::Html {
    let path = out
        .join(page.trim_start_matches('/'))
        .join(if page.ends_with('/') {
            "index.html"
        } else {
            ""
        });
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    scraper::Html::parse_document(&text)
}

pub fn select<'a>(doc: &'a scraper::Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    doc.select(&scraper::Selector::parse(css).unwrap())
        .collect()
}

pub fn text(doc: &scraper::Html, css: &str) -> String {
    select(doc, css)
        .first()
        .map(|e| e.text().collect::<String>())
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn attr(doc: &scraper::Html, css: &str, name: &str) -> Option<String> {
    select(doc, css)
        .first()
        .and_then(|e| e.value().attr(name))
        .map(str::to_string)
}

/// The good fixture, built.
pub struct Built {
    /// The site's folder (sources, photo cache, and `public/` inside).
    pub root: PathBuf,
    pub out: PathBuf,
}

/// The good fixture built once per test binary and shared by the tests that
/// only read it: building it is the slowest step of most tests. A test that
/// changes the site takes its own copy ([`site_with`], [`built_good_copy`]).
pub fn build_good() -> &'static Built {
    static GOOD: LazyLock<Built> = LazyLock::new(|| {
        // Under Cargo's folder for test files rather than /tmp: a static is
        // never dropped, so the folder is removed at exit (below), and a
        // test binary killed before that leaves it inside `target/`.
        let tmp = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
        let root = tmp.keep();
        remove_at_exit(&root);
        copy_tree(&fixture("good"), &root);
        let out = root.join("public");
        let o = build(&root, &out);
        assert!(o.status.success(), "{}", stderr(&o));
        Built { root, out }
    });
    &GOOD
}

/// The built good fixture (sources and `public/`) in a temporary folder of
/// its own, for a test that changes a built site.
pub fn built_good_copy() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(&build_good().root, tmp.path());
    tmp
}

fn remove_at_exit(dir: &Path) {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    extern "C" fn remove() {
        if let Some(dir) = DIR.get() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
    DIR.set(dir.to_path_buf()).expect("one shared fixture");
    // SAFETY: `remove` is a plain function that neither unwinds nor calls exit.
    assert_eq!(unsafe { libc::atexit(remove) }, 0);
}

/// Every root-relative link and asset of every page must exist in the output.
pub fn broken_links(out: &Path) -> Vec<String> {
    let mut broken = Vec::new();
    for (path, bytes) in snapshot(out) {
        if !path.ends_with(".html") {
            continue;
        }
        let doc = scraper::Html::parse_document(&String::from_utf8(bytes).unwrap());
        for (css, attr) in [
            ("a[href]", "href"),
            ("link[href]", "href"),
            ("img[src]", "src"),
            ("form[action]", "action"),
        ] {
            for el in select(&doc, css) {
                let target = el.value().attr(attr).unwrap();
                if !target.starts_with('/') || target.starts_with("//") {
                    continue;
                }
                let target = target.split(['#', '?']).next().unwrap();
                let file = out.join(target.trim_start_matches('/'));
                let file = if target.ends_with('/') {
                    file.join("index.html")
                } else {
                    file
                };
                if !file.is_file() {
                    broken.push(format!("{path}: {target}"));
                }
            }
        }
    }
    broken
}
