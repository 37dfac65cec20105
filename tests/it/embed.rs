//! Embeds, oEmbed and the JSON API on the good fixture, whose profile
//! `lo-thi-thu` has `<script>alert(1)</script>`, `<img src=x
//! onerror=alert(1)>` and a `javascript:` link in its body: none of it may
//! reach a card, an oEmbed document or an API file in a form that runs.

use crate::common::*;
use base64::Engine as _;
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::path::Path;

const BASE: &str = "https://fixture.example.org";
const SLUGS: [&str; 3] = ["hop-tac-xa-che-mau", "lo-thi-thu", "nguyen-van-mau"];
const SANDBOX: &str = "allow-scripts allow-popups allow-popups-to-escape-sandbox";

fn read(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn json(out: &Path, rel: &str) -> Value {
    serde_json::from_str(&read(out, rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Every string in a JSON value, keys included.
fn strings(v: &Value, acc: &mut Vec<String>) {
    match v {
        Value::String(s) => acc.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| strings(x, acc)),
        Value::Object(o) => o.iter().for_each(|(k, x)| {
            acc.push(k.clone());
            strings(x, acc)
        }),
        _ => {}
    }
}

/// The text must not contain anything that could run in a browser.
fn assert_inert(what: &str, text: &str) {
    let lower = text.to_ascii_lowercase();
    for bad in ["onerror", "javascript:", "alert(1)", "vbscript:"] {
        assert!(!lower.contains(bad), "{what} contains {bad}:\n{text}");
    }
}

/// The site path of an absolute URL of the fixture, as an output file.
fn file_of(out: &Path, url: &str) -> std::path::PathBuf {
    let path = url
        .strip_prefix(BASE)
        .unwrap_or_else(|| panic!("{url} is not on {BASE}"));
    let path = path.split(['#', '?']).next().unwrap();
    let file = out.join(path.trim_start_matches('/'));
    if path.ends_with('/') {
        file.join("index.html")
    } else {
        file
    }
}

fn card_paths() -> Vec<(String, &'static str, &'static str)> {
    let mut v = Vec::new();
    for slug in SLUGS {
        v.push((format!("embed/{slug}/index.html"), slug, "vi"));
        v.push((format!("en/embed/{slug}/index.html"), slug, "en"));
    }
    v
}

#[test]
fn cards_run_only_their_own_hashed_scripts() {
    let b = build_good();
    for (rel, slug, lang) in card_paths() {
        let text = read(&b.out, &rel);
        assert_inert(&rel, &text);
        assert!(!text.contains("<iframe"), "{rel}");
        let doc = scraper::Html::parse_document(&text);
        assert_eq!(attr(&doc, "html", "lang").as_deref(), Some(lang), "{rel}");
        // Exactly the two inline scripts of the template, nothing loaded.
        let scripts = select(&doc, "script");
        assert_eq!(scripts.len(), 2, "{rel}");
        for s in &scripts {
            assert!(
                s.value().attrs().next().is_none(),
                "{rel}: a script with attributes"
            );
        }
        assert_eq!(text.matches("<script").count(), 2, "{rel}");
        assert!(text.contains("guong:resize") && text.contains("ResizeObserver"));
        assert!(text.contains("theme=(light|dark)"));
        for tag in [
            "iframe",
            "object",
            "embed",
            "link[rel=stylesheet]",
            "form",
            "base",
        ] {
            assert!(select(&doc, tag).is_empty(), "{rel}: {tag}");
        }
        // No event-handler attribute on any element.
        for el in select(&doc, "*") {
            for (name, value) in el.value().attrs() {
                assert!(!name.starts_with("on"), "{rel}: {name}={value}");
            }
        }
        // The policy allows exactly these scripts, by hash.
        let csp = attr(
            &doc,
            r#"meta[http-equiv="Content-Security-Policy"]"#,
            "content",
        )
        .unwrap_or_else(|| panic!("{rel}: no CSP"));
        assert!(
            csp.starts_with("default-src 'none'; img-src 'self';"),
            "{csp}"
        );
        for el in select(&doc, "script") {
            let body = el.text().collect::<String>();
            let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(body));
            assert!(csp.contains(&format!("'sha256-{hash}'")), "{rel}: {csp}");
        }
        let script_src = csp
            .split("; ")
            .find(|d| d.starts_with("script-src "))
            .unwrap();
        assert!(!script_src.contains("unsafe"), "{csp}");
        assert_eq!(script_src.matches("'sha256-").count(), 2, "{csp}");
        // "Read more" opens the full profile in a new tab.
        let more = select(&doc, "a.g-more");
        assert_eq!(more.len(), 1);
        let profile = if lang == "vi" {
            format!("/dien-hinh/{slug}/")
        } else {
            format!("/en/profiles/{slug}/")
        };
        assert_eq!(more[0].value().attr("href"), Some(profile.as_str()));
        assert_eq!(more[0].value().attr("target"), Some("_blank"));
        assert_eq!(more[0].value().attr("rel"), Some("noopener"));
        assert_eq!(
            attr(&doc, "link[rel=canonical]", "href"),
            Some(format!("{BASE}{profile}"))
        );
        assert_eq!(
            attr(&doc, "meta[name=robots]", "content").as_deref(),
            Some("noindex")
        );
    }
    // The card shows the structured facts, escaped as text.
    let doc = html(&b.out, "/embed/nguyen-van-mau/");
    assert_eq!(text(&doc, ".g-name"), "Bác sĩ Nguyễn Văn Mẫu");
    assert_eq!(
        text(&doc, ".g-role"),
        "Trưởng trạm y tế, Trạm Y tế xã Mường Mẫu"
    );
    assert_eq!(text(&doc, ".g-eyebrow"), "Cá nhân · Y tế");
    assert_eq!(select(&doc, ".g-awards li").len(), 2);
    let src = attr(&doc, "img.g-photo", "src").unwrap();
    assert!(
        src.starts_with("/dien-hinh/nguyen-van-mau/") && src.ends_with(".jpg"),
        "{src}"
    );
    assert!(b.out.join(src.trim_start_matches('/')).is_file());
    let en = html(&b.out, "/en/embed/nguyen-van-mau/");
    assert_eq!(
        text(&en, ".g-more"),
        "Read the full profile (opens in a new tab) →"
    );
}

#[test]
fn oembed_documents_are_rich_frames_of_the_card() {
    let b = build_good();
    for slug in SLUGS {
        for prefix in ["", "/en"] {
            let rel = format!("{prefix}/oembed/{slug}.json")
                .trim_start_matches('/')
                .to_string();
            let raw = read(&b.out, &rel);
            assert!(!raw.contains('<'), "{rel}: markup characters are escaped");
            let d: Value = serde_json::from_str(&raw).unwrap();
            assert_eq!(d["version"], "1.0");
            assert_eq!(d["type"], "rich");
            for key in ["title", "author_name", "provider_name", "html"] {
                assert!(
                    d[key].as_str().is_some_and(|s| !s.is_empty()),
                    "{rel}: {key}"
                );
            }
            for key in ["author_url", "provider_url"] {
                assert_eq!(
                    d[key].as_str(),
                    Some(format!("{BASE}{prefix}/").as_str()),
                    "{rel}"
                );
            }
            for key in ["width", "height", "cache_age"] {
                assert!(d[key].as_u64().is_some_and(|n| n > 0), "{rel}: {key}");
            }
            // Every profile of the fixture has a share card: the thumbnail.
            let thumb = d["thumbnail_url"].as_str().expect("thumbnail_url");
            assert!(file_of(&b.out, thumb).is_file(), "{thumb}");
            assert_eq!(d["thumbnail_width"], 1200);
            assert_eq!(d["thumbnail_height"], 630);
            let mut all = Vec::new();
            strings(&d, &mut all);
            all.iter().for_each(|s| assert_inert(&rel, s));
            assert_eq!(
                raw.matches("iframe").count(),
                2,
                "{rel}: one frame, nothing else"
            );
            // The html is one sandboxed iframe of the card, nothing else.
            let html = d["html"].as_str().unwrap();
            let frag = scraper::Html::parse_fragment(html);
            let elements: Vec<_> = select(&frag, "*")
                .into_iter()
                .filter(|e| e.value().name() != "html")
                .collect();
            assert_eq!(elements.len(), 1, "{html}");
            let frame = elements[0].value();
            assert_eq!(frame.name(), "iframe");
            assert_eq!(frame.attr("sandbox"), Some(SANDBOX));
            assert_eq!(
                frame.attr("src"),
                Some(format!("{BASE}{prefix}/embed/{slug}/").as_str())
            );
            assert!(file_of(&b.out, frame.attr("src").unwrap()).is_file());
            assert!(frame
                .attr("title")
                .is_some_and(|t| t.contains(d["title"].as_str().unwrap())));
            assert_eq!(
                frame.attr("height").map(str::to_string),
                Some(d["height"].to_string())
            );
        }
    }
}

#[test]
fn api_documents_have_both_languages_and_nothing_executable() {
    let b = build_good();
    let api = b.out.join("api/v1");
    let files: Vec<String> = walkdir::WalkDir::new(&api)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(&b.out)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(files.len(), 4 + 3 + 6, "{files:?}");
    for rel in &files {
        let raw = read(&b.out, rel);
        assert!(!raw.contains('<') && !raw.contains('>'), "{rel}");
        let doc: Value = serde_json::from_str(&raw).unwrap();
        let mut all = Vec::new();
        strings(&doc, &mut all);
        for s in &all {
            assert_inert(rel, s);
            assert!(!s.to_ascii_lowercase().contains("<script"), "{rel}: {s}");
        }
        // Every absolute URL of the site in the API leads to a file (sources
        // are the content's own references, wherever they point).
        let mut ours = doc.clone();
        if let Some(o) = ours.as_object_mut() {
            o.remove("sources");
        }
        let mut urls = Vec::new();
        strings(&ours, &mut urls);
        for s in urls.iter().filter(|s| s.starts_with(BASE)) {
            assert!(file_of(&b.out, s).is_file(), "{rel}: {s}");
        }
        if !rel.contains("/schema/") {
            let kind = match rel.as_str() {
                r if r.starts_with("api/v1/profiles/") => "profile",
                r => r.trim_start_matches("api/v1/").trim_end_matches(".json"),
            };
            assert_eq!(
                doc["$schema"],
                format!("{BASE}/api/v1/schema/{kind}.json"),
                "{rel}"
            );
            assert_eq!(doc["api_version"], "v1");
        }
    }
    for kind in [
        "profiles",
        "profile",
        "congresses",
        "movements",
        "slogans",
        "oembed",
    ] {
        let s = json(&b.out, &format!("api/v1/schema/{kind}.json"));
        assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
        assert_eq!(s["$id"], format!("{BASE}/api/v1/schema/{kind}.json"));
    }

    let index = json(&b.out, "api/v1/profiles.json");
    assert_eq!(index["count"], 3);
    let slugs: Vec<&str> = index["profiles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["slug"].as_str().unwrap())
        .collect();
    assert_eq!(slugs, SLUGS);
    for p in index["profiles"].as_array().unwrap() {
        assert!(p["name"]["vi"].is_string());
        assert!(
            p["name"].get("en").is_some(),
            "both languages, en null when untranslated"
        );
        assert_eq!(
            p["url"]["vi"],
            format!("{BASE}/dien-hinh/{}/", p["slug"].as_str().unwrap())
        );
        assert_eq!(
            p["url"]["en"],
            format!("{BASE}/en/profiles/{}/", p["slug"].as_str().unwrap())
        );
    }
    assert_eq!(index["profiles"][0]["summary"]["en"], Value::Null);
    assert_eq!(
        index["profiles"][1]["summary"]["en"],
        "A fictional person whose body has every kind of Markdown."
    );

    // The fixture with raw HTML in its body: the story keeps its table and
    // the link's words, loses the script, the image and the javascript: target.
    let thu = json(&b.out, "api/v1/profiles/lo-thi-thu.json");
    let story = thu["text"]["vi"]["story_html"].as_str().unwrap();
    assert!(
        story.contains("<table>") && story.contains("<td>1.234</td>"),
        "{story}"
    );
    assert!(story.contains("liên kết nguy hiểm"), "{story}");
    let frag = scraper::Html::parse_fragment(story);
    assert!(select(&frag, "script, img, iframe").is_empty(), "{story}");
    assert!(select(&frag, "a[href]").is_empty(), "{story}");
    assert!(thu["text"]["en"]["story_html"]
        .as_str()
        .unwrap()
        .contains("<h2>Figures</h2>"));

    let mau = json(&b.out, "api/v1/profiles/nguyen-van-mau.json");
    assert_eq!(mau["text"]["vi"]["honorific"], "Bác sĩ");
    assert_eq!(mau["kind"], "individual");
    assert_eq!(mau["field"]["key"], "y-te");
    assert_eq!(mau["field"]["label"]["en"], "Health");
    assert_eq!(mau["commune"]["key"], "muong-mau");
    assert_eq!(mau["awards"].as_array().unwrap().len(), 2);
    assert_eq!(mau["awards"][0]["key"], "chien-si-thi-dua-cap-tinh");
    assert_eq!(mau["awards"][0]["year"], 2024);
    assert_eq!(
        mau["awards"][0]["label"]["en"],
        "Provincial Emulation Soldier"
    );
    assert_eq!(mau["movements"][0]["slug"], "phong-trao-mau");
    assert_eq!(mau["date"], "2025-08-07");
    assert_eq!(mau["updated"], "2025-08-07");
    assert_eq!(
        mau["sources"][0]["url"],
        "https://nguon.example.org/tai-lieu-1"
    );
    let variants = mau["photo"]["variants"].as_array().unwrap();
    assert!(!variants.is_empty());
    for v in variants {
        assert!(file_of(&b.out, v["jpeg"].as_str().unwrap()).is_file());
        assert!(file_of(&b.out, v["webp"].as_str().unwrap()).is_file());
    }
    assert_eq!(
        mau["urls"]["oembed"]["en"],
        format!("{BASE}/en/oembed/nguyen-van-mau.json")
    );
    let unpublished = serde_json::to_string(&mau).unwrap();
    assert!(
        !unpublished.contains("KHÔNG-ĐƯỢC-XUẤT-BẢN"),
        "the review note stays private"
    );

    let movements = json(&b.out, "api/v1/movements.json");
    assert_eq!(movements["movements"][0]["profiles"][0], "nguyen-van-mau");
    let congresses = json(&b.out, "api/v1/congresses.json");
    assert_eq!(congresses["congresses"][0]["numeral"], "I");
    let slogans = json(&b.out, "api/v1/slogans.json");
    assert_eq!(slogans["slogans"][1]["text"]["en"], Value::Null);
}

#[test]
fn embed_js_is_published_at_the_root() {
    let b = build_good();
    let js = read(&b.out, "embed.js");
    assert_eq!(
        js,
        std::fs::read_to_string(repo().join("themes/default/static/embed.js")).unwrap()
    );
    assert!(js.contains("guong:resize") && js.contains("event.source"));
    assert!(!js.contains("document.cookie") && !js.contains("localStorage"));
}

#[test]
fn profile_pages_announce_oembed_and_offer_the_embed_code() {
    let b = build_good();
    for (page, oembed, card) in [
        (
            "/dien-hinh/nguyen-van-mau/",
            "/oembed/nguyen-van-mau.json",
            "vi",
        ),
        (
            "/en/profiles/lo-thi-thu/",
            "/en/oembed/lo-thi-thu.json",
            "en",
        ),
    ] {
        let doc = html(&b.out, page);
        let href = attr(
            &doc,
            r#"link[rel=alternate][type="application/json+oembed"]"#,
            "href",
        );
        assert_eq!(href, Some(format!("{BASE}{oembed}")), "{page}");
        assert!(file_of(&b.out, &href.unwrap()).is_file());
        let code = text(&doc, "textarea#embed-code");
        assert!(
            code.contains(&format!(r#"data-lang="{card}""#)) && code.contains("/embed.js"),
            "{page}: {code}"
        );
        assert_eq!(select(&doc, "button#embed-copy").len(), 1, "{page}");
    }
}
