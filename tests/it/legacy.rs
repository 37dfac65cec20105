//! Text pasted from documents in the old Vietnamese encodings (TCVN3/ABC,
//! VNI-Windows): reported by `build` and `check` with what it reads, and
//! converted by `guong fix-encoding`; the real site has none.

use crate::common::*;
use std::path::Path;

const PROFILE: &str = "content/profiles/lo-thi-thu/index.vi.md";
const SLOGANS: &str = "data/slogans.yaml";
const TCVN3: &str = "§¹i héi Thi ®ua yªu n\u{AD}íc tØnh S¬n La lÇn thø VI ®· thµnh c«ng tèt ®Ñp.";
const TCVN3_READS: &str = "Đại hội Thi đua yêu nước tỉnh Sơn La lần thứ VI đã thành công tốt đẹp.";
const VNI: &str = "Phong traøo thi ñua yeâu nöôùc ñoåi môùi, saùng taïo";
const VNI_READS: &str = "Phong trào thi đua yêu nước đổi mới, sáng tạo";

/// The good fixture with a TCVN3 paragraph at the end of a profile and a
/// VNI slogan; the lines they are on.
fn site_with_old_text() -> (tempfile::TempDir, usize, usize) {
    let site = site_with(None);
    let append = |rel: &str, text: &str| {
        let path = site.path().join(rel);
        let mut content = std::fs::read_to_string(&path).unwrap();
        content.push_str(text);
        std::fs::write(&path, &content).unwrap();
        content.lines().count() - text.trim_start().lines().count() + 1
    };
    let profile_line = append(PROFILE, &format!("\n{TCVN3}\n"));
    let slogan_line = append(
        SLOGANS,
        &format!("- vi: \"{VNI}\"\n  en: \"Unity (test slogan)\"\n  occasion: general\n"),
    );
    (site, profile_line, slogan_line)
}

fn assert_both_reported(out: &str, profile_line: usize, slogan_line: usize) {
    assert!(
        out.contains(&format!(
            "{PROFILE}:{profile_line}: looks like TCVN3 (ABC) text; it reads: “{TCVN3_READS}”"
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "{SLOGANS}:{slogan_line}: `vi`: looks like VNI-Windows text; it reads: “{VNI_READS}”"
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!("guong fix-encoding {PROFILE}")),
        "{out}"
    );
}

#[test]
fn old_encodings_fail_build_and_check_and_fix_encoding_converts_them() {
    let (site, profile_line, slogan_line) = site_with_old_text();
    let root = site.path().to_str().unwrap();
    let out = site.path().join("public");

    let built = build(site.path(), &out);
    assert!(!built.status.success());
    assert_both_reported(&stderr(&built), profile_line, slogan_line);
    let checked = guong(&["check", "--root", root]);
    assert!(!checked.status.success());
    let report = format!(
        "{}{}",
        stderr(&checked),
        String::from_utf8_lossy(&checked.stdout)
    );
    assert_both_reported(&report, profile_line, slogan_line);
    // In Vietnamese, the staff read what the line says and the command to run.
    let vi = stderr(&guong(&["check", "--lang", "vi", "--root", root]));
    assert!(
        vi.contains(&format!(
            "lỗi[G0306]: {PROFILE}:{profile_line}: dòng này có vẻ được gõ bằng bảng mã cũ TCVN3 (ABC); chuyển sang Unicode thì đọc là: “{TCVN3_READS}”"
        )),
        "{vi}"
    );
    assert!(
        vi.contains(&format!(
            "cách sửa: chạy lệnh `guong fix-encoding {PROFILE}`"
        )),
        "{vi}"
    );

    let files = [site.path().join(PROFILE), site.path().join(SLOGANS)];
    let args = |dry: bool| {
        let mut a = vec!["fix-encoding"];
        a.extend(files.iter().map(|f| f.to_str().unwrap()));
        if dry {
            a.push("--dry-run");
        }
        guong(&a)
    };
    let before: Vec<_> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    let dry = args(true);
    assert!(dry.status.success(), "{}", stderr(&dry));
    let listed = String::from_utf8_lossy(&dry.stdout).into_owned();
    assert!(
        listed.contains(&format!(":{profile_line}: TCVN3 (ABC) → {TCVN3_READS}")),
        "{listed}"
    );
    assert!(
        listed.contains(&format!(
            ":{slogan_line}: VNI-Windows → - vi: \"{VNI_READS}\""
        )),
        "{listed}"
    );
    let after: Vec<_> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    assert_eq!(before, after, "--dry-run changed a file");

    let fixed = args(false);
    assert!(fixed.status.success(), "{}", stderr(&fixed));
    let profile = std::fs::read_to_string(&files[0]).unwrap();
    assert!(profile.contains(&format!("\n{TCVN3_READS}\n")), "{profile}");
    assert!(profile.starts_with("---\nname: Lò Thị Thử\n"), "{profile}");
    assert!(std::fs::read_to_string(&files[1])
        .unwrap()
        .contains(VNI_READS));
    let rebuilt = build(site.path(), &out);
    assert!(rebuilt.status.success(), "{}", stderr(&rebuilt));
    let page = std::fs::read_to_string(out.join("dien-hinh/lo-thi-thu/index.html")).unwrap();
    assert!(
        page.contains(TCVN3_READS),
        "the converted paragraph is not on the page"
    );
}

/// Every text file of a folder, for `fix-encoding --dry-run`.
fn text_files(dir: &Path) -> Vec<String> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .filter(|e| {
            let ext = e.path().extension().and_then(|x| x.to_str()).unwrap_or("");
            matches!(ext, "md" | "yaml" | "yml" | "toml" | "txt")
        })
        .map(|e| e.path().to_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_real_site_and_the_good_fixture_have_no_old_encoding() {
    let mut files = Vec::new();
    for dir in [repo().join("content"), repo().join("data"), fixture("good")] {
        files.extend(text_files(&dir));
    }
    assert!(files.len() > 100, "only {} files", files.len());
    let mut args = vec!["fix-encoding", "--dry-run"];
    args.extend(files.iter().map(String::as_str));
    let o = guong(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "",
        "found old encodings"
    );
    assert!(
        stderr(&o).contains("Would convert 0 lines"),
        "{}",
        stderr(&o)
    );
}
