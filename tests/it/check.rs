//! `guong check`, the site doctor: links, anchors and images that lead
//! nowhere are reported at the file and line that wrote them, all in one
//! run with the loading errors; warnings come apart; the translation report
//! prints as a summary, a table, CSV or JSON; the JSON report carries every
//! diagnostic's code; the exit code says whether there was an error.

use crate::common::*;
use std::path::Path;
use std::process::Output;

fn check(root: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["check", "--root", root.to_str().unwrap()];
    args.extend(extra);
    guong(&args)
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// How many diagnostics of a severity (`error`, `warning`) a report lists:
/// lines that start with its label, with or without a code (`error[G0404]:`).
fn count(report: &str, label: &str) -> usize {
    report
        .lines()
        .filter(|l| {
            l.strip_prefix(label)
                .is_some_and(|rest| rest.starts_with(':') || rest.starts_with('['))
        })
        .count()
}

/// `file:line:col` of the first occurrence of `needle` in a file of the site,
/// so the expectations follow the fixture rather than repeat its numbers.
fn position(root: &Path, file: &str, needle: &str) -> String {
    let text = std::fs::read_to_string(root.join(file)).unwrap();
    let (i, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} is not in {file}"));
    let col = line[..line.find(needle).unwrap()].chars().count() + 1;
    format!("{file}:{}:{col}", i + 1)
}

#[test]
fn a_broken_link_a_missing_anchor_and_missing_images_are_reported_together() {
    let tmp = site_with(Some("links"));
    let root = tmp.path();
    let o = check(root, &[]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let page = "content/pages/gioi-thieu.vi.md";
    let movement = "content/movements/phong-trao-mau.vi.md";
    let profile = "content/profiles/lo-thi-thu/index.vi.md";
    for expected in [
        format!(
            "error[G0404]: {}: the link `/dien-hinh/nguyen-van-mua/` leads to no page of the site\n  help: did you mean /dien-hinh/nguyen-van-mau/?",
            position(root, page, "[hồ sơ bác sĩ]")
        ),
        format!(
            "error[G0406]: {}: the link `../../dien-hinh/lo-thi-thu/#so-lieu-2023`: the page /dien-hinh/lo-thi-thu/ has no anchor `#so-lieu-2023`\n  help: did you mean `#so-lieu`?",
            position(root, movement, "[bảng số liệu]")
        ),
        // An image on a page that is not a profile: nothing publishes it.
        format!(
            "error[G0403]: {}: the image `ban-do.png` does not exist (it leads to /phong-trao/phong-trao-mau/ban-do.png)",
            position(root, movement, "![Bản đồ")
        ),
        // An image of a profile's story: a loading error, in the same run.
        format!(
            "error[G0224]: {}: the photo `toan-canh.jpg` is not in content/profiles/lo-thi-thu",
            position(root, profile, "![Toàn cảnh")
        ),
    ] {
        assert!(err.contains(&expected), "missing {expected:?} in:\n{err}");
    }
    // The link with a valid anchor on the same line is not reported.
    assert!(!err.contains("#hanh-trinh"), "{err}");
    assert_eq!(count(&err, "error"), 4, "{err}");
    assert!(
        err.contains("\nFix the errors above before publishing: 4 errors, "),
        "{err}"
    );
    // Warnings after the errors, listed apart.
    let lines: Vec<&str> = err.lines().collect();
    let last_error = lines.iter().rposition(|l| count(l, "error") == 1);
    let first_warning = lines.iter().position(|l| count(l, "warning") == 1);
    assert!(last_error.unwrap() < first_warning.unwrap(), "{err}");
    assert!(!root.join("public").exists(), "check writes nothing");
}

#[test]
fn an_anchor_is_checked_against_the_ids_of_the_target_page() {
    let tmp = site_with(None);
    let root = tmp.path();
    let page = root.join("content/pages/gioi-thieu.vi.md");
    let original = std::fs::read_to_string(&page).unwrap();
    let with = |anchor: &str| {
        let body = format!(
            "{original}\n[Hành trình](/dien-hinh/nguyen-van-mau/#{anchor}) và [chú thích](/dien-hinh/lo-thi-thu/#1).\n"
        );
        std::fs::write(&page, body).unwrap();
        check(root, &[])
    };
    // `# Hành trình` in the profile becomes `id="hanh-trinh"`; `[^1]` a footnote `id="1"`.
    let o = with("hanh-trinh");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("Nothing blocks publishing: 0 errors, "),
        "{}",
        stderr(&o)
    );
    let o = with("hanh-trinh-2");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("has no anchor `#hanh-trinh-2`\n  help: did you mean `#hanh-trinh`?"),
        "{}",
        stderr(&o)
    );
    // A relative link works on the Vietnamese page but not on the English
    // one, which shows the same untranslated text one folder deeper.
    std::fs::write(
        &page,
        format!("{original}\n[Hồ sơ](../dien-hinh/lo-thi-thu/)\n"),
    )
    .unwrap();
    let o = check(root, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("the link `../dien-hinh/lo-thi-thu/` leads to no page of the site (it leads to /en/dien-hinh/lo-thi-thu/) on the English page, which shows this Vietnamese text until it is translated"),
        "{}",
        stderr(&o)
    );
    assert_eq!(count(&stderr(&o), "error"), 1, "{}", stderr(&o));
}

#[test]
fn the_good_fixture_checks_clean_with_photo_warnings_only() {
    let tmp = site_with(None);
    let o = check(tmp.path(), &["--verbose"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert_eq!(count(&err, "error"), 0, "{err}");
    let without_photo = profiles_without_photo(tmp.path());
    assert!(!without_photo.is_empty());
    for p in &without_photo {
        assert!(
            err.contains(&format!(
                "warning[G0401]: content/profiles/{p}/index.vi.md:1: `photo`: the profile has no photo"
            )),
            "{p}: {err}"
        );
    }
    assert_eq!(count(&err, "warning"), without_photo.len(), "{err}");
}

fn profiles_without_photo(root: &Path) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(root.join("content/profiles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let text = std::fs::read_to_string(p.join("index.vi.md")).unwrap();
            let front_matter = text.split("\n---\n").next().unwrap();
            let key = |k: &str| front_matter.lines().any(|l| l.starts_with(k));
            // Drafts are not checked without --drafts.
            !key("photo:") && !key("draft: true")
        })
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    out.sort();
    out
}

#[test]
fn the_real_site_checks_clean() {
    let root = repo();
    let o = check(&root, &["--verbose"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert_eq!(count(&err, "error"), 0, "{err}");
    // The real profiles have no photos yet: one warning each; one to-do per
    // field with readings still to check against the original document;
    // nothing else but, in a shallow clone (a CI checkout), the warning
    // that says so.
    let shallow = std::process::Command::new("git")
        .arg("-C")
        .arg(&root)
        .args(["rev-parse", "--is-shallow-repository"])
        .output()
        .is_ok_and(|o| o.stdout.trim_ascii() == b"true");
    assert_eq!(err.contains("this git clone is shallow"), shallow, "{err}");
    let todos = err
        .matches("`unconfirmed`: to do: check the spelling")
        .count();
    assert_eq!(todos, fields_with_unconfirmed_readings(&root), "{err}");
    let expected = profiles_without_photo(&root).len() + todos + usize::from(shallow);
    assert_eq!(count(&err, "warning"), expected, "{err}");
    assert!(
        err.contains(&format!(
            "\nNothing blocks publishing: 0 errors, {expected} warnings"
        )),
        "{err}"
    );
    // Without --verbose, the kinds many profiles share are one line each,
    // and the whole report fits a screen.
    let o = check(&root, &[]);
    let short = stderr(&o);
    let photos = profiles_without_photo(&root).len();
    assert!(
        short.contains(&format!(
            "warning: {photos} profiles have no photo (the first: content/profiles/"
        )),
        "{short}"
    );
    assert!(
        short.contains(&format!("warning: {todos} readings of names or titles")),
        "{short}"
    );
    assert!(
        !short.contains("`photo`: the profile has no photo"),
        "{short}"
    );
    assert!(
        short.trim_end().ends_with('.')
            && short.contains(&format!(
                "Nothing blocks publishing: 0 errors, {expected} warnings"
            )),
        "{short}"
    );
}

/// Of the items of a site (drafts aside), how many have no English text
/// and how many an older one, and how many there are: from the CSV.
fn translations_to_do(root: &Path) -> (usize, usize, usize) {
    let (_, rows) = csv_report(root);
    let n = |status: &str| rows.iter().filter(|r| r[0] == status).count();
    (n("missing"), n("outdated"), rows.len())
}

#[test]
fn check_on_the_real_site_fits_a_screen_and_says_what_to_do() {
    let root = repo();
    let o = check(&root, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let (out, err) = (stdout(&o), stderr(&o));
    // Everything a writer sees: both streams.
    let lines = out.lines().count() + err.lines().count();
    assert!(lines <= 15, "{lines} lines:\n{err}\n{out}");
    // The translations that need work are one summary with what to do,
    // not a table of every file.
    let (missing, outdated, total) = translations_to_do(&root);
    let summary = match (missing, outdated) {
        (0, 0) => format!("all {total} items have an English text"),
        (0, n) => format!("{n} of {total} items have an English text older than the Vietnamese."),
        (n, 0) => format!("{n} of {total} items have no English text."),
        (m, n) => {
            format!("{m} of {total} items have no English text and {n} an English text older")
        }
    };
    assert!(out.contains(&summary), "{summary:?} in:\n{out}");
    if missing + outdated > 3 {
        assert!(
            out.contains("\n  help: ") && out.contains("`guong check --verbose` lists each"),
            "{out}"
        );
        assert!(!out.lines().any(|l| l.starts_with("outdated")), "{out}");
        // --verbose lists each.
        let full = stdout(&check(&root, &["--verbose"]));
        let rows = full
            .lines()
            .filter(|l| l.starts_with("outdated") || l.starts_with("missing"));
        assert_eq!(rows.count(), missing + outdated, "{full}");
    }
    // In Vietnamese, the same, as a writer reads it.
    let vi = check(&root, &["--lang", "vi"]);
    let (out, err) = (stdout(&vi), stderr(&vi));
    assert!(
        out.lines().count() + err.lines().count() <= 15,
        "{err}\n{out}"
    );
    assert!(out.starts_with("Bản dịch: "), "{out}");
    if outdated > 0 {
        assert!(
            out.contains(&format!("{outdated} bản tiếng Anh cũ hơn bản tiếng Việt")),
            "{out}"
        );
    }
    assert!(
        err.contains("\nKhông có gì cản trở việc xuất bản: 0 lỗi, "),
        "{err}"
    );
}

#[test]
fn the_json_report_carries_each_diagnostics_code_in_the_runs_language() {
    let tmp = site_with(Some("links"));
    let root = tmp.path();
    let report = |lang: &str| {
        let o = check(root, &["--format", "json", "--lang", lang]);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        serde_json::from_str::<serde_json::Value>(&stdout(&o)).expect("JSON on stdout")
    };
    let en = report("en");
    assert_eq!(en["ok"], false);
    let diagnostics = en["diagnostics"].as_array().unwrap();
    assert_eq!(
        diagnostics.len() as u64,
        en["errors"].as_u64().unwrap() + en["warnings"].as_u64().unwrap()
    );
    let link = diagnostics
        .iter()
        .find(|d| d["code"] == "G0404")
        .expect("the broken link, by its code");
    assert_eq!(link["severity"], "error");
    assert_eq!(link["file"], "content/pages/gioi-thieu.vi.md");
    assert!(link["line"].as_u64().is_some() && link["column"].as_u64().is_some());
    assert_eq!(
        link["message"],
        "the link `/dien-hinh/nguyen-van-mua/` leads to no page of the site"
    );
    assert_eq!(link["help"], "did you mean /dien-hinh/nguyen-van-mau/?");
    // Every diagnostic of this module has a code; warnings summed up in the
    // terminal are each listed.
    let photos = diagnostics.iter().filter(|d| d["code"] == "G0401").count();
    assert_eq!(photos, profiles_without_photo(root).len());
    // Translatable items carry the code of what needs doing.
    let items = en["translations"].as_array().unwrap();
    assert_eq!(items.len(), translatable_items(root));
    for item in items {
        let code = match item["status"].as_str().unwrap() {
            "ok" => serde_json::Value::Null,
            "missing" => "G0410".into(),
            _ => "G0411".into(),
        };
        assert_eq!(item["code"], code, "{item}");
    }
    // The same report in Vietnamese: codes, files and statuses do not change.
    let vi = report("vi");
    let link_vi = vi["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "G0404")
        .unwrap();
    assert_eq!(link_vi["file"], link["file"]);
    assert_eq!(
        link_vi["message"],
        "liên kết `/dien-hinh/nguyen-van-mua/` không dẫn tới trang nào của trang web"
    );
    assert_eq!(vi["lang"], "vi");
    assert_eq!(vi["translations"][0]["status"], items[0]["status"]);
}

/// How many (published profile, field) pairs list an unconfirmed reading.
fn fields_with_unconfirmed_readings(root: &Path) -> usize {
    let mut n = 0;
    for entry in std::fs::read_dir(root.join("content/profiles")).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path().join("index.vi.md")).unwrap();
        let front_matter = text
            .split("\n---\n")
            .next()
            .unwrap()
            .trim_start_matches("---\n");
        let doc: serde_yaml::Value = serde_yaml::from_str(front_matter).unwrap();
        if doc["draft"].as_bool() == Some(true) {
            continue;
        }
        let mut fields: Vec<&str> = doc["unconfirmed"]
            .as_sequence()
            .map(|s| s.iter().filter_map(|r| r["field"].as_str()).collect())
            .unwrap_or_default();
        fields.sort_unstable();
        fields.dedup();
        n += fields.len();
    }
    n
}

/// A CSV document (RFC 4180) as rows of fields.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut field) = (Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        field.is_empty() && row.is_empty(),
        "the CSV ends with a line break"
    );
    rows
}

fn translatable_items(root: &Path) -> usize {
    walkdir::WalkDir::new(root.join("content"))
        .into_iter()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".vi.md")
        })
        .count()
}

/// The CSV rows by `english_file`, after the header.
fn csv_report(root: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let o = check(root, &["--format", "csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut rows = parse_csv(&stdout(&o));
    let header = rows.remove(0);
    (header, rows)
}

fn status_of(header: &[String], rows: &[Vec<String>], english_file: &str) -> String {
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    rows.iter()
        .find(|r| r[col("english_file")] == english_file)
        .unwrap_or_else(|| panic!("no row for {english_file}"))[col("status")]
    .clone()
}

#[test]
fn the_translation_report_as_csv_lists_every_item_and_finds_missing_english() {
    let tmp = site_with(None);
    let root = tmp.path();
    let en = "content/profiles/nguyen-van-mau/index.en.md";
    let (header, rows) = csv_report(root);
    assert_eq!(
        header,
        [
            "status",
            "code",
            "kind",
            "key",
            "title",
            "vietnamese_file",
            "english_file",
            "vietnamese_changed",
            "english_changed"
        ]
    );
    assert!(rows.iter().all(|r| r.len() == header.len()), "{rows:?}");
    assert_eq!(rows.len(), translatable_items(root));
    assert_eq!(status_of(&header, &rows, en), "ok");
    // The code names what needs doing, so the guides can say how.
    for row in &rows {
        let code = match row[0].as_str() {
            "ok" => "",
            "missing" => "G0410",
            _ => "G0411",
        };
        assert_eq!(row[1], code, "{row:?}");
    }
    // Diagnostics stay on standard error, so the CSV can be redirected.
    let o = check(root, &["--format", "csv"]);
    assert!(!stdout(&o).contains("warning"));
    assert!(count(&stderr(&o), "warning") > 0, "{}", stderr(&o));

    std::fs::remove_file(root.join(en)).unwrap();
    let (header, rows) = csv_report(root);
    assert_eq!(rows.len(), translatable_items(root));
    assert_eq!(status_of(&header, &rows, en), "missing");
    // The table lists it too (with --verbose: there are more than three).
    let table = stdout(&check(root, &["--verbose"]));
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("missing") && l.contains(en)),
        "{table}"
    );
}

fn set_mtime(path: &Path, secs: u64) {
    let time = std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs);
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(time)
        .unwrap();
}

#[test]
fn an_english_file_older_than_its_vietnamese_source_is_outdated() {
    let tmp = site_with(None);
    let root = tmp.path();
    let vi = root.join("content/movements/phong-trao-mau.vi.md");
    let en = "content/movements/phong-trao-mau.en.md";
    // Equal times (a fresh copy): up to date.
    set_mtime(&vi, 1_700_000_000);
    set_mtime(&root.join(en), 1_700_000_000);
    let (header, rows) = csv_report(root);
    assert_eq!(status_of(&header, &rows, en), "ok");
    // The Vietnamese changed a day after the translation.
    set_mtime(&vi, 1_700_086_400);
    let (header, rows) = csv_report(root);
    assert_eq!(status_of(&header, &rows, en), "outdated");
    let table = stdout(&check(root, &["--verbose"]));
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("outdated") && l.contains(en) && l.contains("2023-11-15")),
        "{table}"
    );
}

fn git(root: &Path, args: &[&str], date: &str) {
    let o = std::process::Command::new("git")
        .arg("-C")
        .arg(root)
        .args([
            "-c",
            "user.name=Kiểm Thử",
            "-c",
            "user.email=kiem-thu@example.org",
        ])
        .args(args)
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .output()
        .expect("git is needed for this test");
    assert!(o.status.success(), "git {args:?}: {}", stderr(&o));
}

/// A git history of the site: everything on 2024-01-01, then a change to
/// the Vietnamese file `vi` on 2024-02-01.
fn two_commits(root: &Path, vi: &Path) {
    git(root, &["init", "-q"], "");
    git(root, &["add", "."], "");
    git(root, &["commit", "-q", "-m", "một"], "2024-01-01T00:00:00Z");
    std::fs::write(
        vi,
        std::fs::read_to_string(vi).unwrap() + "\nThêm một câu.\n",
    )
    .unwrap();
    git(
        root,
        &["commit", "-q", "-am", "hai"],
        "2024-02-01T00:00:00Z",
    );
}

#[test]
fn in_a_git_clone_times_come_from_the_commits_not_the_checkout() {
    let tmp = site_with(None);
    let root = tmp.path();
    let vi = root.join("content/movements/phong-trao-mau.vi.md");
    let en = "content/movements/phong-trao-mau.en.md";
    two_commits(root, &vi);
    // A checkout writes the English file last: its time says nothing.
    set_mtime(&vi, 1_600_000_000);
    set_mtime(&root.join(en), 1_800_000_000);
    let (header, rows) = csv_report(root);
    assert_eq!(status_of(&header, &rows, en), "outdated");
    let col = header
        .iter()
        .position(|h| h == "vietnamese_changed")
        .unwrap();
    let row = rows.iter().find(|r| r.contains(&en.to_string())).unwrap();
    assert_eq!(row[col], "2024-02-01T00:00:00Z");
    // The translation catches up, committed later: up to date.
    let en_path = root.join(en);
    std::fs::write(
        &en_path,
        std::fs::read_to_string(&en_path).unwrap() + "\nOne more sentence.\n",
    )
    .unwrap();
    git(root, &["commit", "-q", "-am", "ba"], "2024-03-01T00:00:00Z");
    let (header, rows) = csv_report(root);
    assert_eq!(status_of(&header, &rows, en), "ok");
}

#[test]
fn a_broken_link_in_a_template_is_reported_once_at_a_built_page() {
    let tmp = site_with(None);
    let root = tmp.path();
    let theme_page =
        std::fs::read_to_string(repo().join("themes/default/templates/page.html")).unwrap();
    std::fs::create_dir_all(root.join("templates")).unwrap();
    std::fs::write(
        root.join("templates/page.html"),
        theme_page.replace(
            "<h1>",
            "<a href=\"/khong-co/\">x</a>\n<a href=\"#khong-co-muc\">y</a>\n<h1>",
        ),
    )
    .unwrap();
    let o = check(root, &[]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    // Both languages of the one free page show it: one report each, naming the template.
    assert_eq!(
        err.matches("the link `/khong-co/` leads to no page")
            .count(),
        1,
        "{err}"
    );
    assert_eq!(
        err.matches("has no anchor `#khong-co-muc`").count(),
        1,
        "{err}"
    );
    assert!(
        err.contains("written by the template `page.html` (or a template it includes), not by content; it is on 2 built pages: /en/gioi-thieu/, /gioi-thieu/"),
        "{err}"
    );
    // At the line of the built page, as `guong build` writes it.
    let out = tmp.path().join("public");
    assert!(build(root, &out).status.success());
    let html = std::fs::read_to_string(out.join("en/gioi-thieu/index.html")).unwrap();
    let line = html.lines().position(|l| l.contains("/khong-co/")).unwrap() + 1;
    assert!(
        err.contains(&format!(
            "error[G0404]: public/en/gioi-thieu/index.html:{line}: the link `/khong-co/`"
        )),
        "{err}"
    );
}

#[test]
fn a_content_error_does_not_come_back_as_template_link_errors() {
    // An unknown field key would make the profile page link to a field page
    // that is never made: that is the same mistake, reported once.
    let tmp = site_with(Some("unknown-field"));
    let o = check(tmp.path(), &[]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert_eq!(count(&err, "error"), 1, "{err}");
    assert!(
        err.contains("`nong-thon-mo` is not a key of data/fields.yaml"),
        "{err}"
    );
    assert!(
        err.contains("2 addresses drawn by the templates lead nowhere, most likely because of the errors above"),
        "{err}"
    );
}

#[test]
fn a_shallow_clone_is_named_rather_than_reported_as_all_current() {
    let tmp = site_with(None);
    let root = tmp.path();
    let vi = root.join("content/movements/phong-trao-mau.vi.md");
    two_commits(root, &vi);
    let full = check(root, &[]);
    assert!(!stderr(&full).contains("shallow"), "{}", stderr(&full));
    // What CI checks out by default: the last commit alone.
    let clones = tempfile::tempdir().unwrap();
    let shallow = clones.path().join("site");
    let url = format!("file://{}", root.display());
    git(
        clones.path(),
        &["clone", "-q", "--depth", "1", &url, "site"],
        "",
    );
    let o = check(&shallow, &[]);
    let err = stderr(&o);
    assert!(o.status.success(), "a warning, not an error: {err}");
    assert!(
        err.contains("content: this git clone is shallow") && err.contains("git fetch --unshallow"),
        "{err}"
    );
}
