//! Sitemaps valid at any size (issue #16): past 50,000 URLs or 50 MB the
//! sitemap becomes an index of files each within the protocol's limits,
//! every URL keeping its hreflang alternates; all of it validates against
//! the sitemaps.org schemas (xmllint, Debian `libxml2-utils`).

use crate::common::*;
use guong::render::sitemap::{files, Entry, MAX_BYTES, MAX_URLS};
use std::path::Path;
use std::process::Command;

fn xmllint(schema: &str, file: &Path) {
    let schema = repo().join("tests/schemas").join(schema);
    let o = Command::new("xmllint")
        .args(["--noout", "--huge", "--schema"])
        .arg(&schema)
        .arg(file)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "xmllint is needed (Debian package libxml2-utils; scripts/test installs it): {e}"
            )
        });
    assert!(
        o.status.success(),
        "{} does not validate against {}:\n{}",
        file.display(),
        schema.display(),
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn a_sitemap_past_the_protocols_limits_becomes_a_valid_index_of_valid_files() {
    let config = guong::config::Config::load(&fixture("good")).unwrap();
    let urls = guong::paths::Urls::new(&config);
    let n = MAX_URLS + MAX_URLS / 5; // 60,000 pages, two languages each
    let entries: Vec<Entry> = (0..n)
        .map(|i| {
            let (vi, en) = (
                format!("/dien-hinh/ho-so-thu-{}/", i / 2),
                format!("/en/profiles/ho-so-thu-{}/", i / 2),
            );
            Entry {
                path: if i % 2 == 0 { vi.clone() } else { en.clone() },
                vi,
                en,
                lastmod: guong::site::Date::parse(&format!(
                    "2025-{:02}-{:02}",
                    1 + i % 12,
                    1 + i % 28
                )),
            }
        })
        .collect();
    let written = files(&urls, &entries);
    let dir = tempfile::tempdir().unwrap();
    for f in &written {
        let path = dir.path().join(f.path.trim_start_matches('/'));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &f.bytes).unwrap();
    }
    let index = std::fs::read_to_string(dir.path().join("sitemap.xml")).unwrap();
    assert!(index.contains("<sitemapindex"), "{index}");
    let parts: Vec<&str> = index
        .split("<loc>")
        .skip(1)
        .map(|s| &s[..s.find("</loc>").unwrap()])
        .collect();
    assert_eq!(parts.len(), written.len() - 1, "{index}");
    xmllint("siteindex.xsd", &dir.path().join("sitemap.xml"));
    let mut listed = 0;
    for loc in parts {
        let rel = loc
            .strip_prefix(&config.base_url)
            .expect("an absolute URL of this site");
        let file = dir.path().join(rel.trim_start_matches('/'));
        let bytes = std::fs::read(&file).unwrap();
        assert!(bytes.len() <= MAX_BYTES, "{loc}: {} bytes", bytes.len());
        let text = String::from_utf8(bytes).unwrap();
        let urls_here = text.matches("<url>").count();
        assert!(urls_here <= MAX_URLS, "{loc}: {urls_here} URLs");
        // Each URL keeps its three alternates.
        assert_eq!(text.matches("<xhtml:link ").count(), 3 * urls_here, "{loc}");
        listed += urls_here;
        xmllint("sitemap-hreflang.xsd", &file);
    }
    assert_eq!(listed, n, "every page is listed once");
}

#[test]
fn a_small_sites_sitemap_is_one_valid_file() {
    let built = build_good();
    let sitemap = built.out.join("sitemap.xml");
    let text = std::fs::read_to_string(&sitemap).unwrap();
    assert!(
        text.contains("<urlset") && text.contains("hreflang=\"en\""),
        "{text}"
    );
    assert!(!built.out.join("sitemaps").exists());
    xmllint("sitemap-hreflang.xsd", &sitemap);
}
