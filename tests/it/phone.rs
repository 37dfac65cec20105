//! What the public reads on a phone, checked in the built pages: complete
//! statistics in text, no page that lists nothing (and no link to one), the
//! footer's facts about the site, and an embed box that never hands out the
//! example address. (Layout itself is checked in a real browser:
//! tests/browser/phone.test.mjs.)

use crate::common::*;
use crate::real_site::out as real_out;
use std::path::Path;

/// "19.288" or "19,288" as a number.
fn number(s: &str) -> u64 {
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("`{s}` is not a figure"))
}

/// Every HTML page of a built site, as (site path, document).
fn pages(out: &Path) -> Vec<(String, scraper::Html)> {
    snapshot(out)
        .into_iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| {
            let doc = scraper::Html::parse_document(&String::from_utf8(b).unwrap());
            (p, doc)
        })
        .collect()
}

#[test]
fn every_total_row_of_the_statistics_is_complete_and_adds_up() {
    let out = real_out();
    for page in ["/thong-ke/", "/en/statistics/"] {
        let doc = html(&out, page);
        let tables = select(&doc, "table.chart-table");
        assert!(tables.len() >= 3, "{page}");
        for table in tables {
            let columns = table
                .select(&scraper::Selector::parse("thead th.num").unwrap())
                .count();
            let foot: Vec<String> = table
                .select(&scraper::Selector::parse("tfoot td").unwrap())
                .map(|td| td.text().collect::<String>().trim().to_string())
                .collect();
            assert_eq!(foot.len(), columns, "{page}: a total per column");
            for (col, total) in foot.iter().enumerate() {
                assert!(
                    !total.is_empty(),
                    "{page}: blank total in column {}",
                    col + 1
                );
                let sum: u64 = table
                    .select(&scraper::Selector::parse("tbody tr").unwrap())
                    .map(|tr| {
                        let td = tr
                            .select(&scraper::Selector::parse("td").unwrap())
                            .nth(col)
                            .unwrap();
                        number(&td.text().collect::<String>())
                    })
                    .sum();
                assert_eq!(number(total), sum, "{page}: column {}", col + 1);
            }
        }
    }
    // The totals the source prints (Báo cáo 453 §IV.1, Đề cương §III): 463
    // State-level proposals; 452 individuals given the Chairman's
    // Certificate of Merit in the Prime Minister's movements.
    let vi = html(&out, "/thong-ke/");
    let totals: Vec<String> = select(&vi, "table.chart-table tfoot td")
        .iter()
        .map(|td| td.text().collect::<String>())
        .collect();
    assert!(totals.contains(&"463".to_string()), "{totals:?}");
    assert!(totals.contains(&"452".to_string()), "{totals:?}");
}

#[test]
fn the_5295_awards_have_the_name_the_source_gives_them() {
    // Báo cáo 453 and the Đề cương both say "Huy hiệu “Vì sự nghiệp xây
    // dựng và phát triển tỉnh Sơn La”": no page may call it another name.
    let out = real_out();
    let stats = html(&out, "/thong-ke/");
    assert!(
        text(&stats, "main").contains("Huy hiệu “Vì sự nghiệp xây dựng và phát triển tỉnh Sơn La”")
    );
    for (path, doc) in pages(&out) {
        let body = text(&doc, "body");
        assert!(!body.contains("Kỷ niệm chương"), "{path}");
    }
}

/// The cards of a listing, across its pages (following rel=next).
fn cards_of(out: &Path, first: &str) -> usize {
    let mut page = first.to_string();
    let mut n = 0;
    loop {
        let doc = html(out, &page);
        n += select(&doc, ".cards .card").len();
        match attr(&doc, "a[rel=next]", "href") {
            Some(next) => page = next,
            None => return n,
        }
    }
}

#[test]
fn no_published_listing_is_empty_and_every_count_is_what_the_listing_shows() {
    let out = real_out();
    let mut terms = 0;
    for (path, doc) in pages(&out) {
        // A listing page: its count says how many, its cards show them.
        if !select(&doc, "main > p.count").is_empty() {
            assert!(
                !select(&doc, ".cards .card").is_empty(),
                "{path} lists nothing"
            );
        }
        // Taxonomy indexes and the search page's browse list.
        for li in select(&doc, "ul.terms li") {
            let a = li
                .select(&scraper::Selector::parse("a").unwrap())
                .next()
                .unwrap();
            let href = a.value().attr("href").unwrap();
            let count = li
                .select(&scraper::Selector::parse(".count").unwrap())
                .next()
                .unwrap();
            let shown = cards_of(&out, href);
            assert!(shown > 0, "{path} links the empty listing {href}");
            assert_eq!(
                number(&count.text().collect::<String>()),
                shown as u64,
                "{path}: {href}"
            );
            terms += 1;
        }
    }
    assert!(terms > 20, "the terms were found ({terms})");
    // No profile of the real site has an award of its own: no award page,
    // no awards index, nothing in the sitemap, no link to any of them.
    assert!(!out.join("khen-thuong").exists());
    assert!(!out.join("en/awards").exists());
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert!(!sitemap.contains("/khen-thuong/") && !sitemap.contains("/en/awards/"));
    assert_eq!(broken_links(&out), Vec::<String>::new());
}

#[test]
fn an_award_no_profile_has_is_named_but_neither_published_nor_linked() {
    let site = site_with(None);
    let root = site.path();
    let add = |file: &str, after: &str, text: &str| {
        let path = root.join(file);
        let s = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, s.replacen(after, &format!("{after}{text}"), 1)).unwrap();
    };
    add(
        "data/awards.yaml",
        "",
        "co-thi-dua-ubnd-tinh:\n  vi: Cờ thi đua của UBND tỉnh\n  en: Emulation Flag of the Provincial People's Committee\n  level: province\n  kind: flag\n",
    );
    add(
        "content/movements/phong-trao-mau.vi.md",
        "results:\n",
        "  - award: co-thi-dua-ubnd-tinh\n    collectives: 3\n",
    );
    let out = root.join("public");
    let o = build(root, &out);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!out.join("khen-thuong/co-thi-dua-ubnd-tinh").exists());
    assert!(out
        .join("khen-thuong/bang-khen-chu-tich-ubnd-tinh/index.html")
        .is_file());
    let movement = html(&out, "/phong-trao/phong-trao-mau/");
    let rows: Vec<(String, Option<String>)> = select(&movement, ".results tbody th")
        .iter()
        .map(|th| {
            let href = th
                .select(&scraper::Selector::parse("a").unwrap())
                .next()
                .and_then(|a| a.value().attr("href").map(str::to_string));
            (th.text().collect::<String>(), href)
        })
        .collect();
    assert!(
        rows.contains(&("Cờ thi đua của UBND tỉnh".into(), None)),
        "{rows:?}"
    );
    assert!(rows
        .iter()
        .any(|(_, h)| h.as_deref() == Some("/khen-thuong/bang-khen-chu-tich-ubnd-tinh/")));
    let index = html(&out, "/khen-thuong/");
    assert!(!text(&index, "ul.terms").contains("Cờ thi đua"));
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert!(!sitemap.contains("co-thi-dua-ubnd-tinh"));
    assert_eq!(broken_links(&out), Vec::<String>::new());
}

#[test]
fn the_footer_says_who_publishes_how_to_reach_them_and_the_licence_when_set() {
    // Without the keys (the good fixture) the footer says nothing of them.
    let plain = build_good();
    assert!(select(&html(&plain.out, "/"), ".site-facts").is_empty());

    let site = site_with(None);
    let yaml = site.path().join("site.yaml");
    let mut s = std::fs::read_to_string(&yaml).unwrap();
    s.push_str(
        "publisher:\n  vi: Ban Thi đua (hư cấu)\n  en: Emulation Board (fictional)\ncontact:\n  vi: lienhe@fixture.example.org\nlicense:\n  vi: Giấy phép CC BY 4.0\n  en: CC BY 4.0 licence\n",
    );
    std::fs::write(&yaml, s).unwrap();
    let out = site.path().join("public");
    let o = build(site.path(), &out);
    assert!(o.status.success(), "{}", stderr(&o));
    for (page, publisher, licence) in [
        ("/", "Ban Thi đua (hư cấu)", "Giấy phép CC BY 4.0"),
        ("/en/", "Emulation Board (fictional)", "CC BY 4.0 licence"),
        (
            "/dien-hinh/lo-thi-thu/",
            "Ban Thi đua (hư cấu)",
            "Giấy phép CC BY 4.0",
        ),
        (
            "/en/profiles/lo-thi-thu/",
            "Emulation Board (fictional)",
            "CC BY 4.0 licence",
        ),
    ] {
        let doc = html(&out, page);
        assert_eq!(text(&doc, ".site-fact-publisher dd"), publisher, "{page}");
        assert_eq!(text(&doc, ".site-fact-license dd"), licence, "{page}");
        assert_eq!(
            attr(&doc, ".site-fact-contact dd a", "href").as_deref(),
            Some("mailto:lienhe@fixture.example.org"),
            "{page}"
        );
        assert!(
            select(&doc, ".site-fact-sources").is_empty(),
            "{page}: not set"
        );
    }
    // The contact has no English text: the English page says it is Vietnamese.
    let en = html(&out, "/en/");
    assert_eq!(
        attr(&en, ".site-fact-contact dd", "lang").as_deref(),
        Some("vi")
    );
    assert_eq!(attr(&en, ".site-fact-publisher dd", "lang"), None);

    // The real site names only its sources, in both languages.
    let real = real_out();
    for (page, source) in [
        ("/", "Báo cáo số 453/BC-UBND"),
        ("/en/", "Report No. 453/BC-UBND"),
    ] {
        let doc = html(&real, page);
        assert!(
            text(&doc, ".site-fact-sources dd").contains(source),
            "{page}"
        );
        for key in ["publisher", "contact", "license"] {
            assert!(
                select(&doc, &format!(".site-fact-{key}")).is_empty(),
                "{page}: {key}"
            );
        }
    }
}

#[test]
fn a_build_with_the_example_address_warns_and_offers_no_embed_code() {
    let site = site_with(None);
    let yaml = site.path().join("site.yaml");
    let s = std::fs::read_to_string(&yaml).unwrap();
    std::fs::write(
        &yaml,
        s.replace("https://fixture.example.org", "https://guong.example.org"),
    )
    .unwrap();
    let out = site.path().join("public");
    let o = build(site.path(), &out);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("site.yaml:7:"), "{err}");
    assert!(
        err.contains("NOT READY TO PUBLISH") && err.contains("base_url"),
        "{err}"
    );
    for page in ["/dien-hinh/lo-thi-thu/", "/en/profiles/lo-thi-thu/"] {
        let doc = html(&out, page);
        assert!(select(&doc, "#embed-code").is_empty(), "{page}");
        assert!(!text(&doc, "main").contains("guong.example.org"), "{page}");
    }
    // With the real address given on the command line: no warning, and the code.
    let out2 = site.path().join("public2");
    let o = guong(&[
        "build",
        "--root",
        site.path().to_str().unwrap(),
        "--out",
        out2.to_str().unwrap(),
        "--base-url",
        "https://guong.sonla.test",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stderr(&o).contains("NOT READY"), "{}", stderr(&o));
    let code = text(
        &html(&out2, "/dien-hinh/lo-thi-thu/"),
        "textarea#embed-code",
    );
    assert!(code.contains("https://guong.sonla.test/embed.js"), "{code}");
}
