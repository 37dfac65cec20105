//! The good fixture, built: what readers see on each kind of page.

use crate::common::*;

#[test]
fn profile_page_shows_sourced_facts_in_both_languages() {
    let b = build_good();
    let vi = html(&b.out, "/dien-hinh/nguyen-van-mau/");
    assert_eq!(attr(&vi, "html", "lang").as_deref(), Some("vi"));
    assert_eq!(text(&vi, "h1"), "Bác sĩ Nguyễn Văn Mẫu");
    assert_eq!(
        text(&vi, ".profile-role"),
        "Trưởng trạm y tế, Trạm Y tế xã Mường Mẫu"
    );
    let facts = text(&vi, ".facts");
    assert!(
        facts.contains("Y tế") && facts.contains("Xã Mường Mẫu") && facts.contains("Thái"),
        "{facts}"
    );
    let awards = text(&vi, ".awards");
    assert!(
        awards.contains("Chiến sĩ thi đua cấp tỉnh (2024)"),
        "{awards}"
    );
    assert!(awards.contains("Quyết định số 1/QĐ-UBND"), "{awards}");
    assert_eq!(text(&vi, "time"), "7/8/2025");
    assert!(text(&vi, ".sources").contains("Tài liệu hư cấu số 1"));
    // The review note is for staff only.
    let raw = std::fs::read_to_string(b.out.join("dien-hinh/nguyen-van-mau/index.html")).unwrap();
    assert!(!raw.contains("KHÔNG-ĐƯỢC-XUẤT-BẢN"));

    let en = html(&b.out, "/en/profiles/nguyen-van-mau/");
    assert_eq!(attr(&en, "html", "lang").as_deref(), Some("en"));
    assert_eq!(text(&en, "h1"), "Doctor Nguyễn Văn Mẫu");
    assert_eq!(text(&en, "time"), "7 August 2025");
    assert!(select(&en, ".notice-untranslated").is_empty());
    assert!(text(&en, ".facts").contains("Health"));
}

#[test]
fn every_page_links_its_other_language_and_canonical_url() {
    let b = build_good();
    for (page, lang, canonical, vi, en) in [
        (
            "/dien-hinh/nguyen-van-mau/",
            "vi",
            "https://fixture.example.org/dien-hinh/nguyen-van-mau/",
            "/dien-hinh/nguyen-van-mau/",
            "/en/profiles/nguyen-van-mau/",
        ),
        (
            "/en/congresses/2/",
            "en",
            "https://fixture.example.org/en/congresses/2/",
            "/dai-hoi/2/",
            "/en/congresses/2/",
        ),
        (
            "/linh-vuc/y-te/",
            "vi",
            "https://fixture.example.org/linh-vuc/y-te/",
            "/linh-vuc/y-te/",
            "/en/fields/y-te/",
        ),
        (
            "/en/kinds/collectives/",
            "en",
            "https://fixture.example.org/en/kinds/collectives/",
            "/loai/tap-the/",
            "/en/kinds/collectives/",
        ),
    ] {
        let doc = html(&b.out, page);
        assert_eq!(attr(&doc, "html", "lang").as_deref(), Some(lang), "{page}");
        assert_eq!(
            attr(&doc, "link[rel=canonical]", "href").as_deref(),
            Some(canonical),
            "{page}"
        );
        let abs = |p: &str| format!("https://fixture.example.org{p}");
        assert_eq!(
            attr(&doc, "link[hreflang=vi]", "href"),
            Some(abs(vi)),
            "{page}"
        );
        assert_eq!(
            attr(&doc, "link[hreflang=en]", "href"),
            Some(abs(en)),
            "{page}"
        );
        assert_eq!(
            attr(&doc, "link[hreflang=x-default]", "href"),
            Some(abs(vi)),
            "{page}"
        );
        let other = if lang == "vi" { en } else { vi };
        assert_eq!(
            attr(&doc, "a.lang-switch", "href").as_deref(),
            Some(other),
            "{page}"
        );
        assert!(
            !text(&doc, "title").is_empty()
                && attr(&doc, "meta[name=description]", "content").is_some_and(|d| !d.is_empty()),
            "{page}"
        );
    }
}

#[test]
fn untranslated_pages_show_vietnamese_marked_and_a_notice() {
    let b = build_good();
    let doc = html(&b.out, "/en/profiles/hop-tac-xa-che-mau/");
    assert!(text(&doc, ".notice-untranslated").contains("not been translated"));
    assert_eq!(attr(&doc, "article.profile", "lang").as_deref(), Some("vi"));
    assert_eq!(text(&doc, "h1"), "Hợp tác xã Chè Mẫu");
    // The interface around it stays English.
    assert_eq!(attr(&doc, ".facts", "lang").as_deref(), Some("en"));
    let congress = html(&b.out, "/en/congresses/2/");
    assert!(!select(&congress, ".notice-untranslated").is_empty());
    assert_eq!(
        attr(&congress, "article.congress", "lang").as_deref(),
        Some("vi")
    );
    // Translated pages carry no notice.
    assert!(select(&html(&b.out, "/en/congresses/1/"), ".notice-untranslated").is_empty());
}

#[test]
fn markdown_features_render_and_raw_html_never_runs() {
    let b = build_good();
    let raw = std::fs::read_to_string(b.out.join("dien-hinh/lo-thi-thu/index.html")).unwrap();
    let doc = scraper::Html::parse_document(&raw);
    assert_eq!(select(&doc, ".story table").len(), 1);
    assert!(!select(&doc, ".story .footnote-definition").is_empty());
    assert!(text(&doc, ".story").contains("“báo cáo”"), "smart quotes");
    // The only scripts are the theme's "copy embed code" and QR download
    // helpers and the registration of the service worker (offline reading).
    assert!(select(
        &doc,
        "script:not(#embed-copy-script):not([src*='/assets/share.']):not(#offline-register)"
    )
    .is_empty());
    assert!(select(&doc, ".story img").is_empty());
    for el in select(&doc, "*") {
        assert!(
            el.value().attrs().all(|(name, _)| !name.starts_with("on")),
            "event handler attribute on {:?}",
            el.value()
        );
    }
    assert!(!raw.contains("javascript:"));
    // Shown as text instead, so nothing is silently lost.
    assert!(text(&doc, ".story").contains("<script>alert(1)</script>"));
    // Headings get anchors, one level below the page title.
    assert_eq!(attr(&doc, ".story h3", "id").as_deref(), Some("so-lieu"));
}

#[test]
fn photo_is_published_as_responsive_variants_with_its_size_and_alt_text() {
    let b = build_good();
    let doc = html(&b.out, "/dien-hinh/nguyen-van-mau/");
    let img = select(&doc, "picture img.profile-photo");
    let img = img.first().expect("profile photo").value();
    assert_eq!(
        (img.attr("width"), img.attr("height")),
        (Some("240"), Some("300"))
    );
    assert_eq!(
        img.attr("alt"),
        Some("Bác sĩ Nguyễn Văn Mẫu đứng trước trạm y tế")
    );
    assert_eq!(img.attr("fetchpriority"), Some("high"));
    let src = img.attr("src").unwrap();
    assert!(
        src.starts_with("/dien-hinh/nguyen-van-mau/chan-dung-240.") && src.ends_with(".jpg"),
        "{src}"
    );
    let webp = select(&doc, "picture source[type='image/webp']");
    assert!(webp[0]
        .value()
        .attr("srcset")
        .unwrap()
        .contains(".webp 240w"));
    // The original (which may carry a phone's metadata) is not published.
    assert!(!b
        .out
        .join("dien-hinh/nguyen-van-mau/chan-dung.jpg")
        .exists());
    // Cards below the fold load lazily.
    let list = html(&b.out, "/dien-hinh/trang/2/");
    let cards = select(&list, ".card-photo");
    assert!(
        !cards.is_empty()
            && cards
                .iter()
                .all(|c| c.value().attr("loading") == Some("lazy"))
    );
}

#[test]
fn listings_paginate_and_taxonomies_group_profiles() {
    let b = build_good();
    // paginate: 2 in the fixture's site.yaml, 3 profiles.
    let p1 = html(&b.out, "/dien-hinh/");
    assert_eq!(select(&p1, ".cards .card").len(), 2);
    assert_eq!(
        attr(&p1, "a[rel=next]", "href").as_deref(),
        Some("/dien-hinh/trang/2/")
    );
    let p2 = html(&b.out, "/en/profiles/page/2/");
    assert_eq!(select(&p2, ".cards .card").len(), 1);
    assert_eq!(
        attr(&p2, "a[rel=prev]", "href").as_deref(),
        Some("/en/profiles/")
    );
    // Sorted by name, folded: Hợp < Lò < Nguyễn.
    let names: Vec<String> = select(&p1, ".card-title")
        .iter()
        .map(|e| e.text().collect::<String>().trim().to_string())
        .collect();
    assert_eq!(names, ["Hợp tác xã Chè Mẫu", "Lò Thị Thử"]);

    let field = html(&b.out, "/linh-vuc/nong-thon-moi/");
    assert_eq!(select(&field, ".card").len(), 2);
    assert_eq!(
        select(&html(&b.out, "/xa-phuong/muong-mau/"), ".card").len(),
        1
    );
    assert_eq!(
        select(&html(&b.out, "/nam/2024/"), ".card").len(),
        2,
        "award year 2024 and publication year 2024"
    );
    let award = html(&b.out, "/khen-thuong/bang-khen-chu-tich-ubnd-tinh/");
    assert_eq!(select(&award, ".card").len(), 1);
    assert!(
        text(&award, ".results").contains("1.198"),
        "movement results with Vietnamese number format"
    );
    assert_eq!(select(&html(&b.out, "/loai/ca-nhan/"), ".card").len(), 2);
    assert_eq!(
        select(&html(&b.out, "/en/kinds/collectives/"), ".card").len(),
        1
    );
}

#[test]
fn statistics_are_bar_charts_in_text_with_data_tables_and_local_numbers() {
    let b = build_good();
    for (page, total) in [("/thong-ke/", "19.288"), ("/en/statistics/", "19,288")] {
        let doc = html(&b.out, page);
        let chart = select(&doc, ".chart");
        assert_eq!(chart.len(), 1, "{page}");
        assert_eq!(chart[0].value().attr("role"), Some("img"));
        // Named by the section heading and the figures in words.
        let named_by = chart[0].value().attr("aria-labelledby").unwrap();
        for id in named_by.split(' ') {
            assert!(!text(&doc, &format!("#{id}")).is_empty(), "{page}: #{id}");
        }
        assert!(
            text(&doc, ".chart .visually-hidden").contains(if page == "/thong-ke/" {
                "11.563"
            } else {
                "11,563"
            })
        );
        // Labels and figures are text of the page, not of a scaled picture.
        let labels: Vec<String> = select(&doc, ".bars .bar-label")
            .iter()
            .map(|e| e.text().collect())
            .collect();
        let rows: Vec<String> = select(&doc, "table.chart-table tbody th")
            .iter()
            .map(|e| e.text().collect())
            .collect();
        assert_eq!(labels, rows, "{page}");
        assert_eq!(rows.len(), 2, "{page}");
        assert_eq!(
            text(&doc, "table.chart-table tfoot td.num"),
            total,
            "{page}"
        );
    }
    let home = html(&b.out, "/");
    assert!(text(&home, ".figures").contains("19.288"));
}

#[test]
fn congresses_use_roman_numerals_and_approximate_delegates() {
    let b = build_good();
    let list = html(&b.out, "/dai-hoi/");
    let marks: Vec<String> = select(&list, ".timeline-mark .numeral")
        .iter()
        .map(|e| e.text().collect())
        .collect();
    assert_eq!(marks, ["I", "II"]);
    assert!(text(&list, ".delegates").contains("khoảng 200 đại biểu"));
    let en = html(&b.out, "/en/congresses/1/");
    assert!(text(&en, ".facts").contains("about 200 delegates"));
    assert!(text(&en, ".facts").contains("The fictional theme of the first congress"));
    assert_eq!(
        attr(&en, "a[rel=next]", "href").as_deref(),
        Some("/en/congresses/2/")
    );
}

#[test]
fn slogans_show_translation_with_original_or_vietnamese_marked() {
    let b = build_good();
    let en = html(&b.out, "/en/slogans/");
    let items = select(&en, ".slogans > li");
    assert_eq!(items.len(), 2);
    assert!(text(&en, ".slogans > li .original").contains("Thi đua là yêu nước"));
    assert_eq!(
        attr(&en, ".slogans > li:nth-child(2) blockquote", "lang").as_deref(),
        Some("vi")
    );
}

#[test]
fn feeds_sitemap_and_robots_are_valid_and_complete() {
    let b = build_good();
    for (file, lang, first) in [
        ("atom.xml", "vi", "Bác sĩ Nguyễn Văn Mẫu"),
        ("en/atom.xml", "en", "Doctor Nguyễn Văn Mẫu"),
    ] {
        let text = std::fs::read_to_string(b.out.join(file)).unwrap();
        let doc = roxmltree::Document::parse(&text).expect("well-formed Atom");
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "feed");
        assert_eq!(
            root.attribute(("http://www.w3.org/XML/1998/namespace", "lang")),
            Some(lang)
        );
        let entries: Vec<_> = root
            .children()
            .filter(|n| n.has_tag_name("entry"))
            .collect();
        assert_eq!(entries.len(), 3);
        let title = entries[0]
            .children()
            .find(|n| n.has_tag_name("title"))
            .unwrap()
            .text()
            .unwrap();
        assert_eq!(title, first, "newest first");
    }
    let sitemap = std::fs::read_to_string(b.out.join("sitemap.xml")).unwrap();
    let doc = roxmltree::Document::parse(&sitemap).expect("well-formed sitemap");
    let locs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    let pages = snapshot(&b.out)
        .keys()
        // Embed cards and the offline page are `noindex` and stay out of the sitemap.
        .filter(|p| p.ends_with("index.html") && !p.contains("embed/"))
        .filter(|p| !p.starts_with("ngoai-tuyen/") && !p.starts_with("en/offline/"))
        .count();
    assert_eq!(locs.len(), pages, "every page is in the sitemap");
    assert!(locs.contains(&"https://fixture.example.org/en/profiles/nguyen-van-mau/"));
    let alternates = doc
        .descendants()
        .filter(|n| n.has_tag_name("link") && n.attribute("hreflang").is_some())
        .count();
    assert_eq!(alternates, pages * 3);
    let robots = std::fs::read_to_string(b.out.join("robots.txt")).unwrap();
    assert!(robots.contains("Sitemap: https://fixture.example.org/sitemap.xml"));
}

#[test]
fn no_internal_link_is_broken() {
    let b = build_good();
    assert_eq!(broken_links(&b.out), Vec::<String>::new());
}

#[test]
fn pages_make_no_external_requests() {
    let b = build_good();
    for (path, bytes) in snapshot(&b.out) {
        if !path.ends_with(".html") {
            continue;
        }
        let doc = scraper::Html::parse_document(&String::from_utf8(bytes).unwrap());
        for (css, a) in [
            ("link[rel=stylesheet]", "href"),
            ("script[src]", "src"),
            ("img", "src"),
            ("link[rel=icon]", "href"),
        ] {
            for el in select(&doc, css) {
                let url = el.value().attr(a).unwrap_or("");
                assert!(
                    url.starts_with('/') && !url.starts_with("//"),
                    "{path}: {url}"
                );
            }
        }
    }
}

#[test]
fn base_url_with_a_path_prefixes_every_link() {
    let tmp = site_with(None);
    let out = tmp.path().join("public");
    let o = guong(&[
        "build",
        "--root",
        tmp.path().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--base-url",
        "https://so.example.vn/guong/",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let doc = html(&out, "/dien-hinh/nguyen-van-mau/");
    assert_eq!(
        attr(&doc, "a.lang-switch", "href").as_deref(),
        Some("/guong/en/profiles/nguyen-van-mau/")
    );
    assert_eq!(
        attr(&doc, "link[rel=canonical]", "href").as_deref(),
        Some("https://so.example.vn/guong/dien-hinh/nguyen-van-mau/")
    );
    assert!(attr(&doc, "link[rel=stylesheet]", "href")
        .unwrap()
        .starts_with("/guong/assets/style."));
}
