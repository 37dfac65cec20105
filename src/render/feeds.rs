//! Machine-readable outputs: Atom feeds of the latest profiles, the sitemap
//! with hreflang alternates, and robots.txt. Written directly, not through
//! templates: their formats are fixed.

use super::routes::{by_date, Route};
use crate::config::Lang;
use crate::output::OutFile;
use crate::paths::{output_file, Urls};
use crate::site::Site;
use crate::text::xml_escape;

const FEED_ENTRIES: usize = 20;

pub fn atom(site: &Site, urls: &Urls, lang: Lang) -> OutFile {
    let latest = by_date(&site.profiles);
    let updated = latest
        .first()
        .map(|p| p.date.to_string())
        .unwrap_or_else(|| "2000-01-01".into());
    let feed_url = urls.abs(&urls.feed(lang));
    let mut x = String::new();
    x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        lang.code()
    ));
    x.push_str(&format!(
        "  <title>{}</title>\n",
        xml_escape(site.config.title.text(lang))
    ));
    x.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        xml_escape(&feed_url)
    ));
    x.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        xml_escape(&urls.abs(&urls.home(lang)))
    ));
    x.push_str(&format!(
        "  <id>{}</id>\n  <updated>{updated}T00:00:00Z</updated>\n",
        xml_escape(&feed_url)
    ));
    x.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        xml_escape(site.config.title.text(lang))
    ));
    for p in latest.into_iter().take(FEED_ENTRIES) {
        let (text, text_lang) = p.text.get(lang);
        let url = urls.abs(&urls.profile(lang, &p.slug));
        let title = match &text.honorific {
            Some(h) => format!("{h} {}", text.name),
            None => text.name.clone(),
        };
        x.push_str("  <entry");
        if text_lang != lang {
            x.push_str(&format!(" xml:lang=\"{}\"", text_lang.code()));
        }
        x.push_str(">\n");
        x.push_str(&format!("    <title>{}</title>\n", xml_escape(&title)));
        x.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            xml_escape(&url)
        ));
        x.push_str(&format!("    <id>{}</id>\n", xml_escape(&url)));
        x.push_str(&format!("    <updated>{}T00:00:00Z</updated>\n", p.date));
        x.push_str(&format!(
            "    <summary>{}</summary>\n",
            xml_escape(&text.summary)
        ));
        x.push_str("  </entry>\n");
    }
    x.push_str("</feed>\n");
    OutFile::new(output_file(&urls.feed(lang)), x)
}

/// The sitemap of every page that has a version in the other language.
pub fn sitemap(urls: &Urls, routes: &[Route]) -> Vec<OutFile> {
    let entries: Vec<super::sitemap::Entry> = routes
        .iter()
        // The offline page is for browsers without a network, not for search engines.
        .filter(|r| r.template != super::offline::TEMPLATE)
        .filter_map(|r| {
            let alt = r.alt_path.as_ref()?;
            let (vi, en) = match r.lang {
                Lang::Vi => (&r.path, alt),
                Lang::En => (alt, &r.path),
            };
            Some(super::sitemap::Entry {
                path: r.path.clone(),
                vi: vi.clone(),
                en: en.clone(),
                lastmod: r.lastmod,
            })
        })
        .collect();
    super::sitemap::files(urls, &entries)
}

pub fn robots(urls: &Urls) -> OutFile {
    OutFile::new(
        output_file(&urls.robots()),
        format!(
            "User-agent: *\nAllow: /\n\nSitemap: {}\n",
            urls.abs(&urls.sitemap())
        ),
    )
}
