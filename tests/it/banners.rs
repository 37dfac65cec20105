//! Slogan banners as a print shop receives them: for every slogan of the
//! real site and every size, the PDF linked from /khau-hieu/ has the
//! banner's real page size (pdfinfo), its font embedded and subset
//! (pdffonts), and the slogan as its text, exactly (pdftotext). Poppler's
//! tools are Debian's `poppler-utils` (scripts/test installs them). The
//! lines' bounds in the SVGs are checked in Chromium (banners.test.mjs).

use crate::common::*;
use std::path::Path;
use std::process::Command;
use unicode_normalization::UnicodeNormalization;

/// The slogans of `data/slogans.yaml`, read here on their own.
fn slogans(root: &Path) -> Vec<String> {
    #[derive(serde::Deserialize)]
    struct Slogan {
        vi: String,
    }
    let text = std::fs::read_to_string(root.join("data/slogans.yaml")).unwrap();
    let list: Vec<Slogan> = serde_yaml::from_str(&text).unwrap();
    list.into_iter().map(|s| s.vi).collect()
}

/// NFC, runs of white space as one space, trimmed.
fn normal(s: &str) -> String {
    let nfc: String = s.nfc().collect();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn poppler(tool: &str, args: &[&str]) -> String {
    let o = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} (Debian package poppler-utils) cannot run: {e}"));
    assert!(o.status.success(), "{tool} {args:?}: {}", stderr(&o));
    String::from_utf8(o.stdout).unwrap()
}

/// Each slogan's banner links on a page: (slogan's number from 1, href).
fn links(out: &Path, page: &str) -> Vec<(usize, String)> {
    let doc = html(out, page);
    let mut found = Vec::new();
    for (i, li) in select(&doc, ".slogans > li").iter().enumerate() {
        let a = scraper::Selector::parse(".banners a").unwrap();
        for link in li.select(&a) {
            found.push((i + 1, link.value().attr("href").unwrap().to_string()));
        }
    }
    found
}

/// `500x80` in a file name → its size in points.
fn size_pt(href: &str) -> (f64, f64) {
    let stem = href.rsplit_once('.').unwrap().0;
    let size = stem.rsplit_once('-').unwrap().1;
    let (w, h) = size.split_once('x').unwrap();
    let pt = |cm: &str| cm.parse::<f64>().unwrap() * 72.0 / 2.54;
    (pt(w), pt(h))
}

#[test]
fn every_slogan_at_every_size_is_a_pdf_of_the_real_size_with_its_text_and_font() {
    let out = crate::real_site::out();
    let slogans = slogans(&repo());
    let links = links(&out, "/khau-hieu/");
    // The real site names no sizes: the defaults, a băng rôn of 5 × 0.8 m
    // and of 4 × 0.6 m and a phướn of 0.8 × 2.5 m, for every slogan.
    let sizes = ["500x80", "400x60", "80x250"];
    for (n, _) in slogans.iter().enumerate() {
        for size in sizes {
            for ext in ["pdf", "svg"] {
                let suffix = format!("-{size}.{ext}");
                let count = links
                    .iter()
                    .filter(|(m, h)| *m == n + 1 && h.ends_with(&suffix))
                    .count();
                assert_eq!(count, 1, "slogan {} has one {suffix}", n + 1);
            }
        }
    }
    // The English page links the same (Vietnamese) files.
    assert_eq!(links, self::links(&out, "/en/slogans/"));
    for (n, href) in links.iter().filter(|(_, h)| h.ends_with(".pdf")) {
        let file = out.join(href.trim_start_matches('/'));
        let file = file.to_str().unwrap();
        let info = poppler("pdfinfo", &[file]);
        let (w, h) = size_pt(href);
        let line = info.lines().find(|l| l.starts_with("Page size:")).unwrap();
        let nums: Vec<f64> = line
            .split_whitespace()
            .filter_map(|w| w.parse().ok())
            .collect();
        // pdfinfo prints six digits: 14173.2 for 500 cm (14173.23 pt).
        assert!(
            (nums[0] - w).abs() < 0.05 && (nums[1] - h).abs() < 0.05,
            "{href}: {line}, expected {w:.2} x {h:.2}"
        );
        assert!(info.contains("Pages:           1"), "{href}: {info}");
        // One font, Noto Sans Bold, embedded and subset (the `ABCDEF+` prefix).
        let fonts = poppler("pdffonts", &[file]);
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert_eq!(rows.len(), 1, "{href}: {fonts}");
        let cols: Vec<&str> = rows[0].split_whitespace().collect();
        let name = cols[0];
        assert!(
            name.len() > 7 && name.as_bytes()[6] == b'+' && name.ends_with("NotoSans-Bold"),
            "{href}: {fonts}"
        );
        let n_cols = cols.len();
        assert_eq!(
            &cols[n_cols - 5..n_cols - 2],
            ["yes", "yes", "yes"],
            "emb sub uni: {href}: {fonts}"
        );
        let text = poppler("pdftotext", &[file, "-"]);
        assert_eq!(normal(&text), normal(&slogans[n - 1]), "{href}");
    }
}

#[test]
fn one_banner_rendered_from_its_pdf_goes_to_the_artifacts() {
    let out = crate::real_site::out();
    let links = links(&out, "/khau-hieu/");
    let dir = std::env::var("ARTIFACTS_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| repo().join("tests/artifacts"))
        .join("banners");
    std::fs::create_dir_all(&dir).unwrap();
    // The longest slogan, on the short băng rôn and on the phướn.
    for size in ["400x60", "80x250"] {
        let (_, href) = links
            .iter()
            .find(|(n, h)| *n == 1 && h.ends_with(&format!("-{size}.pdf")))
            .unwrap();
        let file = out.join(href.trim_start_matches('/'));
        let png = dir.join(format!("slogan-1-{size}"));
        poppler(
            "pdftoppm",
            &[
                "-r",
                "12",
                "-png",
                "-singlefile",
                file.to_str().unwrap(),
                png.to_str().unwrap(),
            ],
        );
        let img = image::open(png.with_extension("png")).unwrap().to_rgb8();
        // Red ground in the corner, and yellow letters somewhere.
        assert_eq!(img.get_pixel(2, 2).0, [0xda, 0x25, 0x1d]);
        assert!(img.pixels().any(|p| p.0 == [0xff, 0xde, 0x00]));
    }
}

/// A copy of the good fixture with the real site's slogans.
fn with_real_slogans() -> tempfile::TempDir {
    let tmp = site_with(None);
    std::fs::copy(
        repo().join("data/slogans.yaml"),
        tmp.path().join("data/slogans.yaml"),
    )
    .unwrap();
    tmp
}

#[test]
fn banners_made_twice_from_nothing_are_byte_identical() {
    let tmp = with_real_slogans();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    let banners = |out: &Path| {
        let mut all = snapshot(out);
        all.retain(|path, _| path.starts_with("khau-hieu/bang-ron/"));
        all
    };
    assert!(build(tmp.path(), &a).status.success());
    // Without the cache, so the second build makes every banner again.
    std::fs::remove_dir_all(tmp.path().join(".guong-cache")).unwrap();
    assert!(build(tmp.path(), &b).status.success());
    let (sa, sb) = (banners(&a), banners(&b));
    assert_eq!(sa.len(), slogans(tmp.path()).len() * 3 * 2);
    assert_eq!(sa.keys().collect::<Vec<_>>(), sb.keys().collect::<Vec<_>>());
    for (path, bytes) in &sa {
        assert!(sb[path] == *bytes, "{path} differs between builds");
    }
}

#[test]
fn a_slogan_too_long_for_a_size_is_an_error_at_its_line_in_both_languages() {
    let tmp = site_with(None);
    let long = ["Thi đua yêu nước (khẩu hiệu thử quá dài)"; 12].join(", ");
    std::fs::write(
        tmp.path().join("data/slogans.yaml"),
        format!("- vi: \"Ngắn thôi (thử)!\"\n- vi: \"{long}!\"\n"),
    )
    .unwrap();
    let site = std::fs::read_to_string(tmp.path().join("site.yaml")).unwrap();
    std::fs::write(
        tmp.path().join("site.yaml"),
        format!("{site}banner_sizes:\n  - {{ width_cm: 200, height_cm: 40 }}\n  - {{ width_cm: 600, height_cm: 80 }}\n"),
    )
    .unwrap();
    // The size out of range first: nothing is drawn until site.yaml is right.
    let o = build(tmp.path(), &tmp.path().join("public"));
    assert!(!o.status.success());
    let e = stderr(&o);
    assert!(
        e.contains("[G0621]") && e.contains("site.yaml:") && e.contains("banner_sizes.width_cm"),
        "{e}"
    );
    assert!(e.contains("600 cm"), "{e}");
    std::fs::write(
        tmp.path().join("site.yaml"),
        format!("{site}banner_sizes:\n  - {{ width_cm: 200, height_cm: 40 }}\n"),
    )
    .unwrap();
    let o = build(tmp.path(), &tmp.path().join("public"));
    assert!(!o.status.success());
    let e = stderr(&o);
    assert!(
        e.contains("[G0620]") && e.contains("data/slogans.yaml:2:") && e.contains("`vi`"),
        "{e}"
    );
    assert!(
        e.contains("slogan 2 is too long for a 200 × 40 cm banner: its type"),
        "{e}"
    );
    let vi = command()
        .args(["build", "--lang", "vi", "--root"])
        .arg(tmp.path())
        .output()
        .unwrap();
    assert!(
        stderr(&vi).contains("khẩu hiệu số 2 quá dài để in trên khổ 200 × 40 cm"),
        "{}",
        stderr(&vi)
    );
    // The short slogan alone fits: the site builds.
    std::fs::write(
        tmp.path().join("data/slogans.yaml"),
        "- vi: \"Ngắn thôi (thử)!\"\n",
    )
    .unwrap();
    let o = build(tmp.path(), &tmp.path().join("public"));
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(tmp
        .path()
        .join("public/khau-hieu/bang-ron/ngan-thoi-thu-200x40.pdf")
        .is_file());
}

#[test]
fn no_banner_sizes_makes_no_banners_and_no_links() {
    let tmp = site_with(None);
    let site = std::fs::read_to_string(tmp.path().join("site.yaml")).unwrap();
    std::fs::write(
        tmp.path().join("site.yaml"),
        format!("{site}banner_sizes: []\n"),
    )
    .unwrap();
    let out = tmp.path().join("public");
    assert!(build(tmp.path(), &out).status.success());
    assert!(!out.join("khau-hieu/bang-ron").exists());
    assert!(select(&html(&out, "/khau-hieu/"), ".banners").is_empty());
    assert!(select(&html(&out, "/khau-hieu/"), ".banners-note").is_empty());
}
