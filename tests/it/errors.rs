//! Bad input: every mistake is reported with file, line and a fix; all of a
//! run's mistakes come together; the previous site is never touched.

use crate::common::*;

fn fails_with(overlay: &str) -> String {
    let tmp = site_with(Some(overlay));
    let out = tmp.path().join("public");
    let o = build(tmp.path(), &out);
    assert!(!o.status.success(), "{overlay}: the build should fail");
    assert!(!out.exists(), "{overlay}: nothing may be written");
    let err = stderr(&o);
    assert!(!err.contains("panicked"), "{overlay}: {err}");
    err
}

#[test]
fn one_report_lists_every_mistake_with_file_and_line_and_keeps_public() {
    let tmp = built_good_copy();
    let out = tmp.path().join("public");
    let before = snapshot(&out);
    copy_tree(&fixture("bad/report"), tmp.path());
    let o = build(tmp.path(), &out);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    for expected in [
        // unknown field key, with the closest valid key
        "content/profiles/nguyen-van-mau/index.vi.md:7:1: `field`: `y-tee` is not a key of data/fields.yaml",
        "help: did you mean `y-te`?",
        // bad date, on the date's own line
        "content/profiles/hop-tac-xa-che-mau/index.vi.md:7:1: `date`: `2024-02-30` is not a valid date",
        // missing photo
        "content/profiles/lo-thi-thu/index.vi.md:7:1: `photo`: the photo `anh-the.jpg` is not in content/profiles/lo-thi-thu",
        // YAML syntax errors in three different files
        "content/congresses/02.vi.md:8:1:",
        "content/movements/phong-trao-mau.en.md:3:1:",
        "content/pages/gioi-thieu.vi.md:3:10: mapping values are not allowed",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    assert!(err.contains("error(s) found; nothing was written"));
    assert_eq!(snapshot(&out), before, "public/ must be exactly as before");
    insta::assert_snapshot!("report", err);
}

#[test]
fn unknown_keys_suggest_the_closest_valid_key() {
    let err = fails_with("unknown-keys");
    for expected in [
        "index.vi.md:8:1: `commune`: `muong-mao` is not a key of data/communes.yaml\n  help: did you mean `muong-mau`?",
        "index.vi.md:10:13: `movements`: `phong-trao-mai` is not a key of content/movements/\n  help: did you mean `phong-trao-mau`?",
        "index.vi.md:12:5: `awards.award`: `chien-si-thi-dua-cap-tin` is not a key of data/awards.yaml\n  help: did you mean `chien-si-thi-dua-cap-tinh`?",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    let err = fails_with("unknown-field");
    assert!(err.contains("`nong-thon-mo` is not a key of data/fields.yaml\n  help: did you mean `nong-thon-moi`?"), "{err}");
    let err = fails_with("misspelt-key");
    assert!(
        err.contains(
            "index.vi.md:19:1: `sumary`: unknown key `sumary`\n  help: did you mean `summary`?"
        ),
        "{err}"
    );
    assert!(
        !err.contains("no Vietnamese original"),
        "a broken original must not make its translation an orphan: {err}"
    );
}

#[test]
fn translation_may_not_contradict_structural_data() {
    let err = fails_with("translation-contradicts");
    assert!(err.contains("content/profiles/nguyen-van-mau/index.en.md:6:1: `field`: this translation says \"nong-thon-moi\", but index.vi.md says \"y-te\""), "{err}");
    assert!(err.contains("remove it from the translation"));
}

#[test]
fn photos_must_exist_inside_their_bundle() {
    let err = fails_with("photo-escape");
    assert!(err.contains("lo-thi-thu/index.vi.md:7:1: `photo`: `../nguyen-van-mau/chan-dung.jpg` leaves the profile's folder"), "{err}");
    let err = fails_with("missing-photo");
    assert!(err.contains("`photo`: the photo `chan-dung.jpeg` is not in content/profiles/nguyen-van-mau\n  help: did you mean `chan-dung.jpg`?"), "{err}");
}

#[test]
fn bad_bytes_get_plain_messages() {
    let file = "content/profiles/hop-tac-xa-che-mau/index.vi.md";
    for (overlay, expected) in [
        ("empty-file", format!("{file}: the file is empty")),
        (
            "binary-file",
            format!("{file}:3: the file contains a NUL byte"),
        ),
        (
            "bom",
            format!("{file}:1:1: the file starts with a byte-order mark (BOM)"),
        ),
        (
            "crlf",
            format!("{file}:1: the file has Windows (CRLF) line endings"),
        ),
        (
            "yaml-tabs",
            format!("{file}:4:1: a tab character is used for indentation"),
        ),
    ] {
        let err = fails_with(overlay);
        assert!(
            err.contains(&expected),
            "{overlay}: missing {expected:?} in:\n{err}"
        );
        assert!(
            err.contains("help: "),
            "{overlay}: every message says how to fix it"
        );
    }
}

#[test]
fn duplicates_and_orphan_translations_are_reported() {
    let err = fails_with("duplicate");
    assert!(err.contains("nguyen-van-mau-2/index.vi.md:2:1: `name`: the same name and organisation as the profile `nguyen-van-mau`"), "{err}");
    assert!(
        err.contains("chi-co-tieng-anh/index.en.md: this translation has no Vietnamese original"),
        "{err}"
    );
}

#[test]
fn summaries_have_a_length_limit() {
    let err = fails_with("summary-too-long");
    assert!(
        err.contains("`summary`: the summary has 419 characters; at most 300"),
        "{err}"
    );
}

#[test]
fn check_reports_the_same_errors_and_writes_nothing() {
    let tmp = site_with(Some("report"));
    let o = guong(&["check", "--root", tmp.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("`y-tee` is not a key"));
    assert!(!tmp.path().join("public").exists());
    let good = site_with(None);
    let o = guong(&["check", "--root", good.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!good.path().join("public").exists());
}

#[test]
fn validation_speaks_vietnamese_with_its_codes_under_lang_vi() {
    let tmp = site_with(Some("unknown-keys"));
    let root = tmp.path().to_str().unwrap();
    let o = guong(&["check", "--lang", "vi", "--root", root]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("lỗi[G0215]: content/profiles/nguyen-van-mau/index.vi.md:8:1: `commune`: giá trị `muong-mao` không có trong danh sách khóa của data/communes.yaml\n  cách sửa: có phải ý bạn là `muong-mau`?"),
        "{err}"
    );
    // Every variable of a message and of its fix is given at the call.
    assert!(!err.contains("{$"), "{err}");
}
