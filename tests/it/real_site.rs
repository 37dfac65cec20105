//! The province's real content, built from this repository: every page of
//! the URL table in both languages, and nothing broken.

use crate::common::*;
use std::sync::OnceLock;

fn real() -> &'static std::path::Path {
    static OUT: OnceLock<tempfile::TempDir> = OnceLock::new();
    OUT.get_or_init(|| {
        let tmp = tempfile::tempdir().unwrap();
        let o = build(&repo(), &tmp.path().join("public"));
        assert!(o.status.success(), "{}", stderr(&o));
        tmp
    })
    .path()
}

pub(crate) fn out() -> std::path::PathBuf {
    real().join("public")
}

#[test]
fn every_page_of_the_url_table_exists_in_both_languages() {
    let out = out();
    for page in [
        "index.html",
        "en/index.html",
        "dien-hinh/index.html",
        "en/profiles/index.html",
        "dai-hoi/index.html",
        "en/congresses/index.html",
        "phong-trao/index.html",
        "en/movements/index.html",
        "khau-hieu/index.html",
        "en/slogans/index.html",
        "thong-ke/index.html",
        "en/statistics/index.html",
        "tim-kiem/index.html",
        "en/search/index.html",
        "atom.xml",
        "en/atom.xml",
        "sitemap.xml",
        "robots.txt",
        "404.html",
        "linh-vuc/an-ninh-quoc-phong/index.html",
        "en/fields/an-ninh-quoc-phong/index.html",
        "nam/2025/index.html",
        "en/years/2025/index.html",
        "loai/tap-the/index.html",
        "en/kinds/collectives/index.html",
        "dien-hinh/tran-thanh-son/index.html",
        "en/profiles/tran-thanh-son/index.html",
        "gioi-thieu/index.html",
    ] {
        assert!(out.join(page).is_file(), "{page} is missing");
    }
    let communes = snapshot(&out)
        .keys()
        .filter(|p| {
            p.starts_with("xa-phuong/") && p.ends_with("/index.html") && p.matches('/').count() == 2
        })
        .count();
    assert!(communes >= 1, "commune pages");
}

#[test]
fn six_congresses_at_least_forty_profiles_and_every_slogan() {
    let out = out();
    for n in 1..=6 {
        let vi = html(&out, &format!("/dai-hoi/{n}/"));
        assert!(text(&vi, "h1").contains("Đại hội"), "congress {n}");
        assert!(out.join(format!("en/congresses/{n}/index.html")).is_file());
    }
    assert!(!out.join("dai-hoi/7").exists());
    let profiles = std::fs::read_dir(out.join("dien-hinh"))
        .unwrap()
        .filter(|e| {
            e.as_ref().unwrap().path().join("index.html").is_file()
                && e.as_ref().unwrap().file_name() != "trang"
        })
        .count();
    assert!(profiles >= 40, "{profiles} profiles");
    let en_profiles = std::fs::read_dir(out.join("en/profiles"))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().file_name() != "page")
        .count();
    assert_eq!(
        en_profiles - 1,
        profiles,
        "every profile in English too (minus index.html)"
    );
    let slogans_yaml = std::fs::read_to_string(repo().join("data/slogans.yaml")).unwrap();
    let in_data = slogans_yaml
        .lines()
        .filter(|l| l.starts_with("- vi:"))
        .count();
    assert!(in_data >= 12);
    for page in ["/khau-hieu/", "/en/slogans/"] {
        assert_eq!(
            select(&html(&out, page), ".slogans > li").len(),
            in_data,
            "{page}"
        );
    }
    assert!(text(&html(&out, "/khau-hieu/"), ".slogans").contains("Thi đua là yêu nước, yêu nước thì phải thi đua, những người thi đua là những người yêu nước nhất!"));
}

#[test]
fn the_sitemap_has_hreflang_and_the_feeds_are_two() {
    let out = out();
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    let doc = roxmltree::Document::parse(&sitemap).unwrap();
    let urls = doc.descendants().filter(|n| n.has_tag_name("url")).count();
    // Every Vietnamese page and its English twin (embed cards and the
    // offline page are not pages to list).
    let vi_pages = walkdir::WalkDir::new(&out)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name() == "index.html")
        .filter(|e| {
            let rel = e.path().strip_prefix(&out).unwrap();
            !rel.starts_with("en") && !rel.starts_with("embed") && !rel.starts_with("ngoai-tuyen")
        })
        .count();
    assert!(vi_pages > 50, "{vi_pages} Vietnamese pages");
    assert_eq!(
        urls,
        2 * vi_pages,
        "the sitemap lists every page in both languages"
    );
    for url in doc.descendants().filter(|n| n.has_tag_name("url")) {
        let langs: Vec<&str> = url
            .children()
            .filter_map(|n| n.attribute("hreflang"))
            .collect();
        assert_eq!(langs, ["vi", "en", "x-default"]);
    }
    for feed in ["atom.xml", "en/atom.xml"] {
        let text = std::fs::read_to_string(out.join(feed)).unwrap();
        let doc = roxmltree::Document::parse(&text).unwrap();
        assert!(
            doc.descendants()
                .filter(|n| n.has_tag_name("entry"))
                .count()
                >= 10,
            "{feed}"
        );
    }
}

#[test]
fn the_profile_of_colonel_tran_thanh_son_reads_as_in_the_source() {
    let out = out();
    let doc = html(&out, "/dien-hinh/tran-thanh-son/");
    assert_eq!(text(&doc, "h1"), "Đại tá Trần Thanh Sơn");
    assert!(text(&doc, ".sources").contains("Báo cáo số 453/BC-UBND ngày 07/8/2025"));
    let en = html(&out, "/en/profiles/tran-thanh-son/");
    assert_eq!(text(&en, "h1"), "Colonel Trần Thanh Sơn");
    let stats = html(&out, "/thong-ke/");
    assert!(text(&stats, "main").contains("19.288"));
    assert!(text(&html(&out, "/en/statistics/"), "main").contains("19,288"));
}

#[test]
fn no_internal_link_of_the_real_site_is_broken() {
    assert_eq!(broken_links(&out()), Vec::<String>::new());
}

#[test]
fn no_review_note_is_ever_published() {
    let notes: Vec<String> = walkdir::WalkDir::new(repo().join("content"))
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .flat_map(|e| {
            std::fs::read_to_string(e.path())
                .unwrap()
                .lines()
                .filter_map(|l| {
                    l.strip_prefix("review: ")
                        .map(|s| s.trim_matches('"').to_string())
                })
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(!notes.is_empty());
    for (path, bytes) in snapshot(&out()) {
        let text = String::from_utf8_lossy(&bytes);
        for note in &notes {
            assert!(
                !text.contains(note.as_str()),
                "{path} publishes the review note {note:?}"
            );
        }
    }
}
