//! The sitemap, within the protocol's limits at any size: one file of at
//! most 50,000 URLs and 50 MB (sitemaps.org), else a sitemap index at the
//! same address listing as many files as it takes. Each URL keeps its
//! hreflang alternates, so search engines pair the two languages.

use crate::output::OutFile;
use crate::paths::{output_file, Urls};
use crate::site::Date;
use crate::text::xml_escape;

/// Most URLs one sitemap file may list.
pub const MAX_URLS: usize = 50_000;
/// Most bytes one sitemap file may have (uncompressed).
pub const MAX_BYTES: usize = 50 * 1024 * 1024;

/// One page: its site path, the Vietnamese and English versions' paths
/// (one of them is the page itself) and when it last changed.
pub struct Entry {
    pub path: String,
    pub vi: String,
    pub en: String,
    pub lastmod: Option<Date>,
}

const URLSET_HEAD: &str = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
const URLSET_TAIL: &str = "</urlset>\n";

/// The sitemap files of `entries`: `/sitemap.xml` alone while they fit in
/// one file, else `/sitemap.xml` as the index of `/sitemaps/1.xml`, ….
pub fn files(urls: &Urls, entries: &[Entry]) -> Vec<OutFile> {
    let parts = parts(urls, entries);
    if parts.len() == 1 {
        let (body, _) = parts.into_iter().next().expect("one part");
        return vec![OutFile::new(output_file(&urls.sitemap()), body)];
    }
    let mut index = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    let mut out = Vec::with_capacity(parts.len() + 1);
    for (n, (body, lastmod)) in parts.into_iter().enumerate() {
        let path = urls.sitemap_part(n + 1);
        index.push_str(&format!(
            "  <sitemap>\n    <loc>{}</loc>\n",
            xml_escape(&urls.abs(&path))
        ));
        if let Some(d) = lastmod {
            index.push_str(&format!("    <lastmod>{d}</lastmod>\n"));
        }
        index.push_str("  </sitemap>\n");
        out.push(OutFile::new(output_file(&path), body));
    }
    index.push_str("</sitemapindex>\n");
    out.push(OutFile::new(output_file(&urls.sitemap()), index));
    out
}

/// The `<urlset>` files, each within the limits, with the latest change
/// of what each lists (for the index).
fn parts(urls: &Urls, entries: &[Entry]) -> Vec<(String, Option<Date>)> {
    let mut parts = Vec::new();
    let (mut body, mut count, mut lastmod) = (String::from(URLSET_HEAD), 0, None);
    for e in entries {
        let url = url_element(urls, e);
        if count == MAX_URLS || body.len() + url.len() + URLSET_TAIL.len() > MAX_BYTES {
            body.push_str(URLSET_TAIL);
            parts.push((
                std::mem::replace(&mut body, String::from(URLSET_HEAD)),
                lastmod,
            ));
            (count, lastmod) = (0, None);
        }
        body.push_str(&url);
        count += 1;
        lastmod = lastmod.max(e.lastmod);
    }
    body.push_str(URLSET_TAIL);
    parts.push((body, lastmod));
    parts
}

fn url_element(urls: &Urls, e: &Entry) -> String {
    let mut x = format!(
        "  <url>\n    <loc>{}</loc>\n",
        xml_escape(&urls.abs(&e.path))
    );
    if let Some(d) = e.lastmod {
        x.push_str(&format!("    <lastmod>{d}</lastmod>\n"));
    }
    for (hreflang, path) in [("vi", &e.vi), ("en", &e.en), ("x-default", &e.vi)] {
        x.push_str(&format!(
            "    <xhtml:link rel=\"alternate\" hreflang=\"{hreflang}\" href=\"{}\"/>\n",
            xml_escape(&urls.abs(path))
        ));
    }
    x.push_str("  </url>\n");
    x
}
