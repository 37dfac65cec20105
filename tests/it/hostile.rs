//! Hostile input: huge, deeply nested, binary, linked and oddly named files.
//! Each is written at test time (no 10 MB files in the repository) into a
//! copy of the good fixture, then the real binary runs `build` and `check`
//! under a time limit while its peak memory is measured. Every case ends in a
//! correct page or a clear error naming the file — never a panic, a hang or
//! an unbounded allocation. See docs/fuzzing.md.

use crate::common::*;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

/// Peak memory any run may use.
const MAX_RSS_MB: u64 = 1024;

/// What a bounded run of the binary did.
struct Run {
    code: Option<i32>,
    stderr: String,
    secs: f64,
    peak_rss_mb: u64,
}

/// Peak resident memory of a running process (VmHWM), in MB. Read from
/// /proc while it runs: the kernel's `ru_maxrss` of a child also counts the
/// memory of this (large, multi-threaded) test process it was spawned from.
fn peak_rss_mb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}

/// Run guong with `args`, killed after `limit`, watching its peak memory.
fn run_bounded(args: &[&str], limit: Duration) -> Run {
    // Where /proc has no VmHWM (not Linux) the bound cannot be checked: say
    // so rather than pass with a peak of 0.
    assert!(
        peak_rss_mb(std::process::id()).is_some(),
        "cannot measure peak memory here: /proc/<pid>/status has no VmHWM (these tests need Linux)"
    );
    let mut child = crate::common::command()
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run guong");
    let mut pipe = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        std::io::Read::read_to_end(&mut pipe, &mut s).unwrap();
        String::from_utf8_lossy(&s).into_owned()
    });
    let start = Instant::now();
    let mut peak = 0;
    let mut killed = false;
    let status = loop {
        // The high-water mark only grows: the last reading before the exit
        // misses at most the final few milliseconds. (An exited child, not
        // yet reaped, has no VmHWM.)
        if let Some(mb) = peak_rss_mb(child.id()) {
            peak = peak.max(mb);
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if !killed && start.elapsed() > limit {
            child.kill().unwrap();
            killed = true;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let secs = start.elapsed().as_secs_f64();
    let stderr = reader.join().unwrap();
    // A run that ends within a few readings (a refused file is refused at
    // once) may exit before the first one; a run long enough to use much
    // memory is always read.
    assert!(
        peak > 0 || secs < 0.5,
        "guong {args:?}: ran {secs:.1} s and no reading of its memory was taken"
    );
    assert!(
        !killed,
        "guong {args:?} did not finish within {limit:?}; stderr:\n{}",
        tail(&stderr)
    );
    Run {
        code: status.code(),
        stderr,
        secs,
        peak_rss_mb: peak,
    }
}

/// The last lines of a long report, for assertion messages.
fn tail(s: &str) -> String {
    let lines: Vec<&str> = s.lines().collect();
    lines[lines.len().saturating_sub(30)..].join("\n")
}

/// `build` then `check` of `root`, each within `limit` and the memory bound,
/// neither panicking; returns both runs.
fn build_and_check(root: &Path, limit: Duration) -> (Run, Run) {
    let out = root.join("public");
    let build = run_bounded(
        &[
            "build",
            "--root",
            root.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
        limit,
    );
    let check = run_bounded(&["check", "--root", root.to_str().unwrap()], limit);
    for (what, run) in [("build", &build), ("check", &check)] {
        assert!(
            !run.stderr.contains("panicked at"),
            "{what} panicked:\n{}",
            tail(&run.stderr)
        );
        assert!(
            run.code.is_some(),
            "{what} was killed by a signal (stack overflow?):\n{}",
            tail(&run.stderr)
        );
        assert!(
            run.peak_rss_mb < MAX_RSS_MB,
            "{what} used {} MB",
            run.peak_rss_mb
        );
        eprintln!(
            "{what}: exit {:?} in {:.1} s, peak {} MB",
            run.code, run.secs, run.peak_rss_mb
        );
    }
    (build, check)
}

fn write(root: &Path, rel: &str, bytes: impl AsRef<[u8]>) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

/// A fictional profile with `extra` front matter and `body`.
fn profile(extra: &str, body: &str) -> String {
    format!(
        "---\nname: Hồ Sơ Thử Nghiệm\nkind: individual\nfield: y-te\n\
         summary: Nhân vật hư cấu cho kiểm thử đầu vào khắc nghiệt.\ndate: 2025-01-02\n{extra}---\n{body}"
    )
}

const HOSTILE: &str = "content/profiles/ho-so-thu-nghiem/index.vi.md";

fn assert_fails_naming(run: &Run, expected: &[&str]) {
    assert_eq!(run.code, Some(1), "{}", tail(&run.stderr));
    for e in expected {
        assert!(
            run.stderr.contains(e),
            "missing {e:?} in:\n{}",
            tail(&run.stderr)
        );
    }
}

#[test]
fn a_ten_megabyte_story_builds_one_page_in_bounded_time_and_memory() {
    let tmp = site_with(None);
    // Realistic Markdown: headings (many alike), lists, a table, links,
    // emphasis, footnotes; about 1 KB a block.
    let block = |i: usize| {
        format!(
            "## Thành tích\n\nNăm {i}, hợp tác xã hư cấu *Chè Mẫu* trồng thêm **{i} cây** chè, \
             theo [báo cáo](https://nguon.example.org/{i}) và chú thích[^n{i}].\n\n\
             - Sản xuất chè an toàn, thi đua yêu nước\n- Xây dựng nông thôn mới\n  1. Đường bản\n  2. Nhà văn hóa\n\n\
             > Trích lời người dân hư cấu: \"Đoàn kết, sáng tạo\".\n\n\
             | Năm | Số hộ |\n|-----|------:|\n| {i} | 1.234 |\n\n[^n{i}]: Tài liệu hư cấu số {i}.\n\n"
        )
    };
    let mut body = String::new();
    let mut i = 0;
    while body.len() < 10 * 1024 * 1024 {
        body.push_str(&block(i));
        i += 1;
    }
    body.push_str("Đoạn cuối cùng DẤU-HIỆU-CUỐI.\n");
    write(tmp.path(), HOSTILE, profile("", &body));

    // Measured in a debug build: 32 s to build, 59 s to check, 540 MB.
    let (build, check) = build_and_check(tmp.path(), Duration::from_secs(240));
    assert_eq!(build.code, Some(0), "{}", tail(&build.stderr));
    assert_eq!(check.code, Some(0), "{}", tail(&check.stderr));
    let page = std::fs::read_to_string(
        tmp.path()
            .join("public/dien-hinh/ho-so-thu-nghiem/index.html"),
    )
    .expect("the profile page exists");
    assert!(
        page.contains("DẤU-HIỆU-CUỐI"),
        "the whole story is on the page"
    );
    assert!(
        page.contains(&format!("id=\"thanh-tich-{}\"", i - 1)),
        "every heading has its own anchor"
    );
    assert!(
        page.len() < 6 * body.len(),
        "page of {} bytes for a story of {}",
        page.len(),
        body.len()
    );
    let total: u64 = walkdir::WalkDir::new(tmp.path().join("public"))
        .into_iter()
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .sum();
    assert!(total < 200 * 1024 * 1024, "{total} bytes of output");
}

#[test]
fn ten_thousand_levels_of_nesting_do_not_overflow_the_stack() {
    let tmp = site_with(None);
    let depth = 10_000;
    let body = format!(
        "{lists}lists\n\n{quotes}quotes\n\n{mixed}mixed\n\n{ordered}ordered\n\n\
         {html}raw html{html_end}\n\n{brackets}brackets{brackets_end}\n\n{stars}stars{stars}\n\n\
         Đoạn cuối DẤU-HIỆU-CUỐI.\n",
        lists = "- ".repeat(depth),
        quotes = "> ".repeat(depth),
        mixed = "> - ".repeat(depth / 2),
        ordered = "1. ".repeat(depth),
        html = "<blockquote><div>".repeat(depth),
        html_end = "</div></blockquote>".repeat(depth),
        brackets = "[".repeat(depth),
        brackets_end = "](https://nguon.example.org/)".repeat(depth),
        stars = "*".repeat(depth),
    );
    write(tmp.path(), HOSTILE, profile("", &body));
    let (build, check) = build_and_check(tmp.path(), Duration::from_secs(60));
    assert_eq!(build.code, Some(0), "{}", tail(&build.stderr));
    assert_eq!(check.code, Some(0), "{}", tail(&check.stderr));
    let doc = html(&tmp.path().join("public"), "/dien-hinh/ho-so-thu-nghiem/");
    let story = text(&doc, "main");
    for words in [
        "lists",
        "quotes",
        "mixed",
        "ordered",
        "raw html",
        "DẤU-HIỆU-CUỐI",
    ] {
        assert!(story.contains(words), "{words:?} missing from the page");
    }
    assert!(
        !select(&doc, "main blockquote blockquote blockquote").is_empty(),
        "the nesting is kept, not dropped"
    );
    let page = std::fs::read_to_string(
        tmp.path()
            .join("public/dien-hinh/ho-so-thu-nghiem/index.html"),
    )
    .unwrap();
    assert!(
        page.contains("&lt;blockquote&gt;&lt;div&gt;"),
        "raw HTML stays text"
    );
}

#[test]
fn a_hundred_thousand_lines_of_front_matter_give_a_page_or_a_clear_error() {
    // Valid: 50,000 sources (two lines each) on one page.
    let tmp = site_with(None);
    let sources: String = (0..50_000)
        .map(|i| {
            format!("  - title: \"Tài liệu hư cấu {i}\"\n    url: https://nguon.example.org/{i}\n")
        })
        .collect();
    write(
        tmp.path(),
        HOSTILE,
        profile(&format!("sources:\n{sources}"), "Câu chuyện.\n"),
    );
    let (build, _) = build_and_check(tmp.path(), Duration::from_secs(60));
    assert_eq!(build.code, Some(0), "{}", tail(&build.stderr));
    let page = std::fs::read_to_string(
        tmp.path()
            .join("public/dien-hinh/ho-so-thu-nghiem/index.html"),
    )
    .unwrap();
    assert!(page.contains("Tài liệu hư cấu 49999"));

    // Invalid: 33,333 awards whose key does not exist. The first twenty are
    // reported on their lines, then one line says the rest are unchecked.
    let tmp = site_with(None);
    let awards: String = (0..33_333)
        .map(|i| format!("  - award: khong-co-{i}\n    year: 2024\n    decision: \"Quyết định hư cấu {i}\"\n"))
        .collect();
    write(
        tmp.path(),
        HOSTILE,
        profile(&format!("awards:\n{awards}"), "Câu chuyện.\n"),
    );
    let (build, check) = build_and_check(tmp.path(), Duration::from_secs(60));
    for run in [&build, &check] {
        assert_fails_naming(
            run,
            &[
                &format!("{HOSTILE}:8:5: `awards.award`: `khong-co-0` is not a key of data/awards.yaml"),
                &format!("{HOSTILE}:65:5: `awards.award`: `khong-co-19` is not a key"),
                &format!("{HOSTILE}:68:3: `awards`: stopped checking `awards` after 20 mistakes: 33313 more items are not checked"),
            ],
        );
        assert!(
            !run.stderr.contains("khong-co-20`"),
            "{}",
            tail(&run.stderr)
        );
    }
}

#[test]
fn yaml_bombs_and_deep_yaml_give_one_clear_error() {
    let tmp = site_with(None);
    // Nested flow lists, 100,000 deep, on one line.
    let deep = format!("tags: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    write(tmp.path(), HOSTILE, profile(&deep, "x\n"));
    // "Billion laughs": each alias doubles the one before.
    let mut laughs = String::from("a0: &a0 [\"ha\", \"ha\"]\n");
    for i in 1..40 {
        laughs.push_str(&format!("a{i}: &a{i} [*a{p}, *a{p}]\n", p = i - 1));
    }
    write(
        tmp.path(),
        "content/pages/bom-yaml.vi.md",
        format!("---\ntitle: Trang hư cấu\n{laughs}---\nx\n"),
    );
    let (build, check) = build_and_check(tmp.path(), Duration::from_secs(30));
    for run in [&build, &check] {
        assert_fails_naming(run, &[HOSTILE, "content/pages/bom-yaml.vi.md"]);
    }
}

#[test]
fn invalid_utf8_nul_and_zero_byte_data_files_are_named() {
    let tmp = site_with(None);
    // Latin-1 "Sơn La" is not UTF-8 (no NUL byte: the binary-file fixture has those).
    write(
        tmp.path(),
        HOSTILE,
        b"---\nname: S\xf3n La\n---\n".as_slice(),
    );
    write(
        tmp.path(),
        "data/fields.yaml",
        b"y-te:\n  vi: Y t\xe9\n".as_slice(),
    );
    write(
        tmp.path(),
        "data/communes.yaml",
        b"muong-mau:\n  vi: M\0\n".as_slice(),
    );
    write(tmp.path(), "data/slogans.yaml", b"");
    let (build, check) = build_and_check(tmp.path(), Duration::from_secs(30));
    for run in [&build, &check] {
        assert_fails_naming(
            run,
            &[
                &format!("{HOSTILE}:2: the file is not valid UTF-8 text"),
                "data/fields.yaml:2: the file is not valid UTF-8 text",
                "data/communes.yaml:2: the file contains a NUL byte",
                "data/slogans.yaml: the file is empty",
            ],
        );
    }
}

#[test]
fn a_zero_byte_photo_is_a_clear_error() {
    let tmp = site_with(None);
    write(
        tmp.path(),
        "content/profiles/nguyen-van-mau/chan-dung.jpg",
        b"",
    );
    let (build, check) = build_and_check(tmp.path(), Duration::from_secs(30));
    for run in [&build, &check] {
        assert_fails_naming(run, &["content/profiles/nguyen-van-mau/chan-dung.jpg"]);
    }
}

/// Outside the site: a file that must never be read. Its text would show in
/// a report if it were (a YAML error, or a broken JPEG), and a named pipe
/// would block whoever opened it until the time limit.
fn outside() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "poison.md", "---\nname: [BÍ-MẬT\n---\n");
    write(dir.path(), "poison.yaml", "BÍ-MẬT: [\n");
    write(dir.path(), "poison.jpg", "BÍ-MẬT: not a JPEG");
    write(
        dir.path(),
        "folder/index.vi.md",
        "---\nname: [BÍ-MẬT\n---\n",
    );
    let fifo = std::ffi::CString::new(dir.path().join("pipe").to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0);
    dir
}

#[test]
fn symbolic_links_out_of_the_site_are_refused_and_never_read() {
    use std::os::unix::fs::symlink;
    let away = outside();
    let tmp = site_with(None);
    let root = tmp.path();
    let a = away.path();
    let profiles = root.join("content/profiles");
    std::fs::remove_file(profiles.join("nguyen-van-mau/chan-dung.jpg")).unwrap();
    symlink(
        a.join("poison.jpg"),
        profiles.join("nguyen-van-mau/chan-dung.jpg"),
    )
    .unwrap();
    std::fs::remove_file(profiles.join("lo-thi-thu/index.en.md")).unwrap();
    symlink(a.join("poison.md"), profiles.join("lo-thi-thu/index.en.md")).unwrap();
    symlink(
        a.join("pipe"),
        profiles.join("hop-tac-xa-che-mau/index.en.md"),
    )
    .unwrap();
    symlink(a.join("folder"), profiles.join("ho-so-lien-ket")).unwrap();
    std::fs::remove_file(root.join("data/fields.yaml")).unwrap();
    symlink(a.join("poison.yaml"), root.join("data/fields.yaml")).unwrap();
    std::fs::remove_file(root.join("data/communes.yaml")).unwrap();
    symlink(a.join("pipe"), root.join("data/communes.yaml")).unwrap();

    let (build, check) = build_and_check(root, Duration::from_secs(30));
    for run in [&build, &check] {
        assert_fails_naming(
            run,
            &[
                "content/profiles/nguyen-van-mau/chan-dung.jpg: this is a symbolic link",
                "content/profiles/lo-thi-thu/index.en.md: this is a symbolic link",
                "content/profiles/hop-tac-xa-che-mau/index.en.md: this is a symbolic link",
                "content/profiles/ho-so-lien-ket: this is a symbolic link",
                "data/fields.yaml: this is a symbolic link",
                "data/communes.yaml: this is a symbolic link",
            ],
        );
        assert!(
            !run.stderr.contains("BÍ-MẬT"),
            "a linked file was read:\n{}",
            run.stderr
        );
        assert!(
            !run.stderr.contains("decode"),
            "the linked photo was read:\n{}",
            run.stderr
        );
    }
}

#[test]
fn content_and_data_folders_linked_from_elsewhere_are_refused() {
    use std::os::unix::fs::symlink;
    let away = tempfile::tempdir().unwrap();
    let tmp = site_with(None);
    for folder in ["content", "data"] {
        std::fs::rename(tmp.path().join(folder), away.path().join(folder)).unwrap();
        symlink(away.path().join(folder), tmp.path().join(folder)).unwrap();
    }
    let (build, check) = build_and_check(tmp.path(), Duration::from_secs(30));
    for run in [&build, &check] {
        assert_fails_naming(
            run,
            &[
                "content: this is a symbolic link",
                "data: this is a symbolic link",
            ],
        );
    }
}

#[test]
fn a_named_pipe_in_data_is_refused_not_waited_on() {
    let tmp = site_with(None);
    let fifo = tmp.path().join("data/awards.yaml");
    std::fs::remove_file(&fifo).unwrap();
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    let (build, check) = build_and_check(tmp.path(), Duration::from_secs(30));
    for run in [&build, &check] {
        assert_fails_naming(run, &["data/awards.yaml: this is not a regular file"]);
    }
}

#[test]
fn a_profile_folder_named_in_nfd_is_told_its_ascii_slug() {
    use unicode_normalization::UnicodeNormalization;
    let tmp = site_with(None);
    // What macOS file systems hand back for a folder typed with diacritics.
    let nfd: String = "hồ-sơ-thử".nfd().collect();
    assert_ne!(nfd, "hồ-sơ-thử");
    write(
        tmp.path(),
        &format!("content/profiles/{nfd}/index.vi.md"),
        profile("", "Câu chuyện.\n"),
    );
    // And a photo saved with an NFD name, written NFC in the front matter.
    let photo = format!(
        "content/profiles/nguyen-van-mau/{}",
        "ảnh-mẫu.jpg".nfd().collect::<String>()
    );
    std::fs::copy(
        tmp.path()
            .join("content/profiles/nguyen-van-mau/chan-dung.jpg"),
        tmp.path().join(photo),
    )
    .unwrap();
    let vi = tmp
        .path()
        .join("content/profiles/nguyen-van-mau/index.vi.md");
    let text = std::fs::read_to_string(&vi).unwrap();
    std::fs::write(
        &vi,
        text.replace("photo: chan-dung.jpg", "photo: ảnh-mẫu.jpg"),
    )
    .unwrap();
    let (build, check) = build_and_check(tmp.path(), Duration::from_secs(30));
    for run in [&build, &check] {
        assert_fails_naming(
            run,
            &[
                &format!("content/profiles/{nfd}: the folder name `{nfd}` is not a valid slug\n  help: rename the folder to `ho-so-thu`"),
                "`photo`: the photo `ảnh-mẫu.jpg` is not in content/profiles/nguyen-van-mau\n  help: the file's name has the same letters written in decomposed Unicode (NFD, as macOS saves accents): rename it `anh-mau.jpg`",
            ],
        );
    }
}
