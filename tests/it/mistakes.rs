//! Issue #15's writer: one front matter with three mistakes (a misspelt key,
//! a field that does not exist, a date written the Vietnamese way) gives
//! three errors in one run, each at its line, in Vietnamese by default and
//! in English with `--lang en`, in `check` and in `build` alike.

use crate::common::*;
use std::path::Path;

const FILE: &str = "content/profiles/hop-tac-xa-che-mau/index.vi.md";

/// The good fixture with the three mistakes; their lines.
fn three_mistakes() -> (tempfile::TempDir, [usize; 3]) {
    let tmp = site_with(None);
    let path = tmp.path().join(FILE);
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text
        .replace("organization:", "organisation:")
        .replace("field: nong-thon-moi", "field: an-ninh")
        .replace("date: 2024-03-15", "date: 7/8/2025");
    std::fs::write(&path, &text).unwrap();
    let line = |start: &str| text.lines().position(|l| l.starts_with(start)).unwrap() + 1;
    let lines = [line("organisation:"), line("field:"), line("date:")];
    (tmp, lines)
}

fn run(root: &Path, args: &[&str], lang_env: &str) -> (bool, String) {
    let mut c = command();
    c.args(args).arg("--root").arg(root).env("LANG", lang_env);
    let o = c.output().unwrap();
    (o.status.success(), stderr(&o))
}

/// The error lines about FILE, each with its code.
fn errors_of(stderr: &str, label: &str) -> Vec<String> {
    stderr
        .lines()
        .filter(|l| l.starts_with(&format!("{label}[G")) && l.contains(FILE))
        .map(String::from)
        .collect()
}

fn assert_three(stderr: &str, label: &str, lines: [usize; 3], words: [&str; 3], help: &str) {
    let errors = errors_of(stderr, label);
    assert_eq!(errors.len(), 3, "three errors expected:\n{stderr}");
    for ((line, word), error) in lines.iter().zip(words).zip(&errors) {
        assert!(
            error.contains(&format!("]: {FILE}:{line}:")),
            "line {line}: {error}"
        );
        assert!(error.contains(word), "{word:?} in {error}");
    }
    let helps = stderr
        .lines()
        .filter(|l| l.starts_with(&format!("  {help}: ")))
        .count();
    assert!(helps >= 3, "each error has its fix:\n{stderr}");
}

#[test]
fn three_mistakes_are_three_errors_in_vietnamese_by_default_and_in_english_on_request() {
    let (tmp, lines) = three_mistakes();
    let out = tmp.path().join("public");
    let out = out.to_str().unwrap();
    let vi_words = [
        "khóa `organisation`",
        "`an-ninh`",
        "không phải là ngày hợp lệ",
    ];
    let en_words = [
        "unknown key `organisation`",
        "`an-ninh`",
        "is not a valid date",
    ];
    // Vietnamese: the default (C locale), or `--lang vi` whatever LANG says.
    for (args, env) in [
        (vec!["check"], "C.UTF-8"),
        (vec!["build", "--out", out], "C.UTF-8"),
        (vec!["check", "--lang", "vi"], "en_US.UTF-8"),
    ] {
        let (ok, err) = run(tmp.path(), &args, env);
        assert!(!ok, "{args:?}");
        assert_three(&err, "lỗi", lines, vi_words, "cách sửa");
        for english in ["unknown key", "is not a", "did you mean", "help:"] {
            assert!(
                !err.contains(english),
                "{args:?}: English {english:?} in:\n{err}"
            );
        }
        assert!(err.contains("có phải ý bạn là `organization`?"), "{err}");
    }
    // English: `--lang en`, or an English environment.
    for (args, env) in [
        (vec!["check", "--lang", "en"], "vi_VN.UTF-8"),
        (vec!["build", "--out", out], "en_GB.UTF-8"),
    ] {
        let (ok, err) = run(tmp.path(), &args, env);
        assert!(!ok, "{args:?}");
        assert_three(&err, "error", lines, en_words, "help");
        assert!(err.contains("did you mean `organization`?"), "{err}");
    }
    assert!(!tmp.path().join("public").exists(), "nothing published");
}

#[test]
fn the_reports_carry_each_mistakes_code() {
    let (tmp, _) = three_mistakes();
    let root = tmp.path().to_str().unwrap();
    let o = guong(&["check", "--format", "json", "--root", root]);
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let text = report.to_string();
    for code in ["G0103", "G0215", "G0132"] {
        assert!(text.contains(&format!("\"{code}\"")), "{code} in {text}");
    }
    // The CSV is the translation report (a spreadsheet of what to
    // translate): its rows carry the code of what each needs.
    let o = guong(&["check", "--format", "csv", "--root", root]);
    let csv = String::from_utf8(o.stdout).unwrap();
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let code = header
        .iter()
        .position(|c| *c == "code")
        .expect("a code column");
    let missing = csv
        .lines()
        .filter(|l| l.starts_with("missing,"))
        .map(|l| l.split(',').nth(code).unwrap());
    assert!(missing.clone().count() > 0, "{csv}");
    assert!(missing.into_iter().all(|c| c == "G0410"), "{csv}");
}
