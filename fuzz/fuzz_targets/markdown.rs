//! Markdown rendering: a story body through every renderer the site uses —
//! the page body (with and without responsive pictures), plain text for
//! descriptions and feeds, links and images for `check` and `validate`, and
//! the embed's sanitised story.
//!
//! Beyond "no panic": raw HTML never comes out as markup, no script link
//! survives, and every link's line and column lie inside the body.

#![no_main]

use libfuzzer_sys::fuzz_target;

/// The tags of serialised HTML (text never holds a raw `<`: both
/// pulldown-cmark and html5ever escape it), each as its name and attributes.
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        // The tag ends at the first `>` outside a quoted value.
        let mut quoted = false;
        let end = rest
            .char_indices()
            .find(|&(_, c)| {
                if c == '"' {
                    quoted = !quoted;
                }
                c == '>' && !quoted
            })
            .map_or(rest.len(), |(i, _)| i);
        let tag = &rest[..end];
        rest = &rest[end..];
        let name_end = tag
            .find(|c: char| c.is_whitespace() || c == '>')
            .unwrap_or(tag.len());
        let name = tag[..name_end].trim_start_matches('/').to_ascii_lowercase();
        let mut attrs = Vec::new();
        let mut a = &tag[name_end..];
        loop {
            a = a.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
            if a.is_empty() {
                break;
            }
            let n_end = a
                .find(|c: char| c.is_whitespace() || c == '=')
                .unwrap_or(a.len());
            let attr = a[..n_end].to_ascii_lowercase();
            a = &a[n_end..];
            let mut value = String::new();
            if let Some(v) = a.strip_prefix('=') {
                if let Some(q) = v.strip_prefix('"') {
                    let close = q.find('"').unwrap_or(q.len());
                    value = q[..close].to_string();
                    a = q.get(close + 1..).unwrap_or("");
                } else {
                    let close = v.find(char::is_whitespace).unwrap_or(v.len());
                    value = v[..close].to_string();
                    a = &v[close..];
                }
            }
            attrs.push((attr, value));
        }
        out.push((name, attrs));
    }
    out
}

/// No element or attribute that runs code.
fn assert_inert(html: &str) {
    for (name, attrs) in tags(html) {
        assert!(
            !["script", "iframe", "object", "embed", "style", "form", "base"]
                .contains(&name.as_str()),
            "<{name}> in {html}"
        );
        for (attr, value) in attrs {
            assert!(!attr.starts_with("on"), "{attr}= on <{name}> in {html}");
            let v: String = value
                .to_ascii_lowercase()
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            if attr == "href" || attr == "src" {
                for scheme in ["javascript:", "vbscript:", "data:"] {
                    assert!(!v.starts_with(scheme), "{attr}={value:?} in {html}");
                }
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(md) = std::str::from_utf8(data) else {
        return;
    };
    let top = 2 + md.len() % 2;
    let html = guong::markdown::render(md, top);
    let pictured = guong::markdown::render_with_images(md, top, &|src, _alt| {
        (src.len() % 2 == 0).then(|| "<picture><img src=\"x.jpg\" alt=\"\"></picture>".to_string())
    });
    assert_inert(&html);
    assert_inert(&pictured);
    let _ = guong::markdown::plain_text(md);
    let _ = guong::markdown::image_sources(md);
    let lines = md.split('\n').collect::<Vec<_>>();
    for r in guong::markdown::references(md) {
        assert!(r.line >= 1 && r.line <= lines.len(), "{r:?}");
        assert!(
            r.col >= 1 && r.col <= lines[r.line - 1].chars().count(),
            "{r:?}"
        );
    }
    let story = guong::embed::sanitize::story_html(md, "https://example.org/ho-so/");
    assert_inert(&story);
});
