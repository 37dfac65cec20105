//! Search: the static export reads back to exactly what the engine of record
//! answers, and `guong search` speaks to staff at the terminal.

use crate::common::*;
use guong::config::Lang;
use guong::search::{analyze::Analyzer, rank::rank, Engine, Exported};
use std::collections::BTreeMap;

/// The exported index files of one language, by path inside its folder.
fn exported(files: &[guong::output::OutFile], lang: Lang) -> BTreeMap<String, Vec<u8>> {
    let prefix = format!("_search/{}/", lang.code());
    files
        .iter()
        .filter_map(|f| {
            f.path
                .strip_prefix(&prefix)
                .map(|rest| (rest.split_once('/').unwrap().1.to_string(), f.bytes.clone()))
        })
        .collect()
}

fn parity(root: &std::path::Path, queries: &[&str]) {
    let loaded = guong::load(&guong::Options {
        root: root.to_path_buf(),
        ..Default::default()
    })
    .unwrap_or_else(|e| panic!("{e}"));
    let files = guong::render_site(&loaded.site, false).unwrap_or_else(|e| panic!("{e}"));
    let theme = guong::theme::Theme::load(&loaded.site.config).ok().unwrap();
    for lang in Lang::ALL {
        let docs = guong::search::collect_docs(&loaded.site, lang, &theme.strings[&lang]);
        let analyzer = Analyzer::for_lang(lang);
        let engine = Engine::build(&docs, None, analyzer).unwrap();
        let static_index = Exported::new(exported(&files, lang)).unwrap();
        let mut answered = 0;
        for q in queries {
            let query = analyzer.parse_query(q);
            let a = rank(&engine, &query, None, 10).unwrap();
            let b = rank(&static_index, &query, None, 10).unwrap();
            assert_eq!(a, b, "{lang:?} {q:?}");
            answered += usize::from(a.total > 0);
        }
        assert!(
            answered > queries.len() / 2,
            "{lang:?}: only {answered} queries found anything"
        );
    }
}

const QUERIES: &[&str] = &[
    "nguyen van mau",
    "Nguyễn Văn Mẫu",
    "muong mau",
    "Mường Mẫu",
    "hop tac xa",
    "Hợp tác xã Chè",
    "che",
    "bác sĩ",
    "bac si",
    "doctor",
    "fictional",
    "mẫu",
    "mau",
    "ng",
    "nguy",
    "thi dua",
    "ho",
    "phong trao",
    "lo thi thu",
    "Ðại",
    "tram y te",
    "sample movement",
    "nguyen van mua",
    "hop tac xaa",
    "hoptac",
    "doctors",
    "dai hoi 6",
    "n",
];

#[test]
fn the_static_index_answers_exactly_as_the_engine_on_the_fixture() {
    parity(&fixture("good"), QUERIES);
}

#[test]
fn the_static_index_answers_exactly_as_the_engine_on_the_real_site() {
    parity(
        &repo(),
        &[
            "tran thanh son",
            "son la",
            "Sơn La",
            "thi đua",
            "Ðại tá",
            "hop tac xa",
            "cooperative",
            "colonel",
            "moc chau",
            "tran thanh s",
            "xoa nha tam",
            "bao cao 453",
        ],
    );
}

#[test]
fn guong_search_answers_in_text_and_json() {
    let tmp = site_with(None);
    let root = tmp.path().to_str().unwrap();
    let o = guong(&["search", "bac si mau", "--root", root]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(
        text.contains("Nguyễn Văn Mẫu") && text.contains("/dien-hinh/nguyen-van-mau/"),
        "{text}"
    );
    let o = guong(&["search", "Mẫu", "--lang", "en", "--json", "--root", root]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["lang"], "en");
    let urls: Vec<&str> = v["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["url"].as_str().unwrap())
        .collect();
    assert!(urls.contains(&"/en/profiles/nguyen-van-mau/"), "{urls:?}");
    assert!(urls.iter().all(|u| u.starts_with("/en/")));
    assert_eq!(v["total"].as_u64().unwrap() as usize, urls.len());
    // Diacritics are optional: "mau" matches what "Mẫu" matches.
    let json = |q: &str| -> serde_json::Value {
        serde_json::from_slice(&guong(&["search", q, "--json", "--root", root]).stdout).unwrap()
    };
    let (plain, exact) = (json("mau "), json("Mẫu "));
    assert!(exact["total"].as_u64().unwrap() > 1);
    assert_eq!(plain["total"], exact["total"]);
    let o = guong(&["search", "khongcogi", "--root", root]);
    assert!(String::from_utf8(o.stdout).unwrap().contains("No results"));
}

#[test]
fn the_search_page_draws_the_filters_of_its_index() {
    // Drawn with the page (not by the script once the index arrives), so the
    // page does not move when search starts; the same keys as the index.
    let b = build_good();
    for (page, all, field) in [
        ("/tim-kiem/", "Tất cả", "Xây dựng nông thôn mới (2)"),
        ("/en/search/", "All", "New rural development (2)"),
    ] {
        let doc = html(&b.out, page);
        let index = attr(&doc, "#search-app", "data-index").unwrap();
        let facets = b.out.join(index.trim_start_matches('/')).join("facets");
        let selects = select(&doc, ".search-filters select");
        let names: Vec<&str> = selects
            .iter()
            .filter_map(|s| s.value().attr("name"))
            .collect();
        assert!(
            names.contains(&"kind") && names.contains(&"field"),
            "{page}: {names:?}"
        );
        for s in selects {
            let name = s.value().attr("name").unwrap();
            let id = s.value().attr("id").unwrap();
            assert_eq!(
                select(&doc, &format!("label[for={id}]")).len(),
                1,
                "{page}: {id} unlabelled"
            );
            let options: Vec<(String, String)> = s
                .select(&scraper::Selector::parse("option").unwrap())
                .map(|o| {
                    (
                        o.value().attr("value").unwrap().to_string(),
                        o.text().collect(),
                    )
                })
                .collect();
            assert_eq!(
                options[0],
                (String::new(), all.to_string()),
                "{page}: {name}"
            );
            let exported: serde_json::Map<String, serde_json::Value> = serde_json::from_slice(
                &std::fs::read(facets.join(format!("{name}.json"))).unwrap(),
            )
            .unwrap();
            let keys: std::collections::BTreeSet<&String> =
                options[1..].iter().map(|(k, _)| k).collect();
            assert_eq!(keys, exported.keys().collect(), "{page}: {name}");
        }
        assert_eq!(
            text(&doc, "#search-filter-field option[value=nong-thon-moi]"),
            field,
            "{page}"
        );
    }
}

#[test]
fn the_search_page_points_at_its_index_and_script() {
    let b = build_good();
    for (page, lang) in [("/tim-kiem/", "vi"), ("/en/search/", "en")] {
        let doc = html(&b.out, page);
        let index = attr(&doc, "#search-app", "data-index").expect("data-index");
        assert!(index.starts_with(&format!("/_search/{lang}/")), "{index}");
        assert!(b
            .out
            .join(index.trim_start_matches('/'))
            .join("meta.json")
            .is_file());
        let script = attr(&doc, "script[type=module]", "src").unwrap();
        assert!(
            script.starts_with("/assets/search.")
                && b.out.join(script.trim_start_matches('/')).is_file()
        );
        let strings: serde_json::Value =
            serde_json::from_str(&text(&doc, "#search-strings")).unwrap();
        assert!(strings["results"].as_str().unwrap().contains("{n}"));
    }
}
