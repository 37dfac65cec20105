//! Markdown → HTML for story bodies. Pure: no files, no templates.
//!
//! Tables, footnotes, smart punctuation and heading anchors are on. Headings
//! are re-levelled so the body's highest heading sits at the level the page
//! gives it (`<h2>` under the title, `<h3>` inside a section): writers may
//! start at `#` or `##`, and the page outline never skips a level. Raw HTML
//! is escaped (shown as text) and script-like link targets are neutralised:
//! a body can never run code on the site.

use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};
use std::collections::BTreeSet;

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_STRIKETHROUGH
}

fn level_of(n: usize) -> HeadingLevel {
    match n {
        0..=1 => HeadingLevel::H1,
        2 => HeadingLevel::H2,
        3 => HeadingLevel::H3,
        4 => HeadingLevel::H4,
        5 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

fn safe_url(url: CowStr<'_>) -> CowStr<'_> {
    let lower: String = url
        .trim_start()
        .chars()
        .take(12)
        .collect::<String>()
        .to_ascii_lowercase();
    let lower: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
    if lower.starts_with("javascript:")
        || lower.starts_with("vbscript:")
        || lower.starts_with("data:")
    {
        CowStr::Borrowed("#")
    } else {
        url
    }
}

/// Render a story body to HTML; its highest heading becomes `<h{top}>`.
pub fn render(markdown: &str, top: usize) -> String {
    render_with_images(markdown, top, &|_, _| None)
}

/// The targets of the images in a body (`![alt](target)`), in order.
pub fn image_sources(markdown: &str) -> Vec<String> {
    Parser::new_ext(markdown, options())
        .filter_map(|e| match e {
            Event::Start(Tag::Image { dest_url, .. }) => Some(dest_url.to_string()),
            _ => None,
        })
        .collect()
}

/// A link or image written in a body, and where: for `check`, which resolves
/// it against the built site, and `validate`, which points at missing photos.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// The target as written (`../x/`, `#thanh-tich`, `anh.jpg`).
    pub dest: String,
    pub image: bool,
    /// 1-based line and column (in characters) of the `[` or `![` in the body.
    pub line: usize,
    pub col: usize,
}

/// Every link and image of a body, in order. E-mail autolinks
/// (`<ten@example.org>`) are left out: they are not addresses on the web.
pub fn references(markdown: &str) -> Vec<Reference> {
    let mut out = Vec::new();
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        let (dest, image) = match event {
            Event::Start(Tag::Link {
                link_type: LinkType::Email,
                ..
            }) => continue,
            Event::Start(Tag::Link { dest_url, .. }) => (dest_url, false),
            Event::Start(Tag::Image { dest_url, .. }) => (dest_url, true),
            _ => continue,
        };
        let before = &markdown[..range.start];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        out.push(Reference {
            dest: dest.to_string(),
            image,
            line: before.matches('\n').count() + 1,
            col: before[line_start..].chars().count() + 1,
        });
    }
    out
}

/// Like [`render`], with `picture(target, alt)` giving the HTML of an image
/// (the render stage's `<picture>` with responsive variants), or `None` to
/// keep a plain `<img>`.
pub fn render_with_images(
    markdown: &str,
    top: usize,
    picture: &dyn Fn(&str, &str) -> Option<String>,
) -> String {
    let mut events: Vec<Event> = Parser::new_ext(markdown, options())
        .map(|e| match e {
            Event::Html(s) | Event::InlineHtml(s) => Event::Text(s),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Link {
                link_type,
                dest_url: safe_url(dest_url),
                title,
                id,
            }),
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Image {
                link_type,
                dest_url: safe_url(dest_url),
                title,
                id,
            }),
            e => e,
        })
        .collect();
    add_heading_ids(&mut events, top);
    replace_images(&mut events, picture);
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    html
}

fn add_heading_ids(events: &mut [Event], top: usize) {
    let highest = highest_heading(events);
    let mut used = BTreeSet::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) = &events[i]
        {
            let mut text = String::new();
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[j] {
                    text.push_str(t);
                }
                j += 1;
            }
            let base = match id {
                Some(explicit) => explicit.to_string(),
                None => {
                    let s = crate::fold::slugify(&text);
                    if s.is_empty() {
                        "muc".to_string()
                    } else {
                        s
                    }
                }
            };
            let mut unique = base.clone();
            let mut n = 1;
            while !used.insert(unique.clone()) {
                unique = format!("{base}-{n}");
                n += 1;
            }
            let new_level = level_of(*level as usize + top - highest);
            events[i] = Event::Start(Tag::Heading {
                level: new_level,
                id: Some(unique.into()),
                classes: classes.clone(),
                attrs: attrs.clone(),
            });
            if j < events.len() {
                events[j] = Event::End(TagEnd::Heading(new_level));
            }
            i = j;
        }
        i += 1;
    }
}

/// Swap each image (start, alt text, end) for the HTML `picture` gives.
fn replace_images(events: &mut Vec<Event>, picture: &dyn Fn(&str, &str) -> Option<String>) {
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Image { dest_url, .. }) = &events[i] {
            let mut alt = String::new();
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j], Event::End(TagEnd::Image)) {
                if let Event::Text(t) | Event::Code(t) = &events[j] {
                    alt.push_str(t);
                }
                j += 1;
            }
            if let Some(html) = picture(dest_url, &alt) {
                let end = (j + 1).min(events.len());
                events.splice(i..end, [Event::Html(html.into())]);
            }
        }
        i += 1;
    }
}

/// The level (1–6) of a body's highest heading, 1 when it has none: bodies
/// are re-levelled from it to fit the page they appear in.
pub fn highest_heading(events: &[Event]) -> usize {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(*level as usize),
            _ => None,
        })
        .min()
        .unwrap_or(1)
}

/// Plain text of Markdown (for descriptions and feeds), whitespace collapsed.
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::new();
    for e in Parser::new_ext(markdown, options()) {
        match e {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_get_folded_unique_ids_and_shift_down() {
        let html = render("# Thành tích\n\n## Thành tích\n", 2);
        assert!(
            html.contains(r#"<h2 id="thanh-tich">Thành tích</h2>"#),
            "{html}"
        );
        assert!(html.contains(r#"<h3 id="thanh-tich-1">"#), "{html}");
        // A body that starts at `##` or `###` is lifted to the page's level.
        assert!(render("### Kết quả\n\n#### Chi tiết\n", 2).starts_with(r#"<h2 id="ket-qua">"#));
        assert!(render("## Kết quả\n", 3).starts_with(r#"<h3 id="ket-qua">"#));
    }

    #[test]
    fn raw_html_and_script_urls_are_neutralised() {
        let html = render(
            "<script>alert(1)</script>\n\nx <img src=x onerror=alert(1)> [a](javascript:alert(1))",
            2,
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains(r##"<a href="#">a</a>"##), "{html}");
    }

    #[test]
    fn tables_footnotes_and_smart_quotes() {
        let html = render(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\nChú thích[^1] \"trích\"\n\n[^1]: Nguồn.\n",
            2,
        );
        assert!(html.contains("<table>"));
        assert!(html.contains("footnote-definition"));
        assert!(html.contains("“trích”"), "{html}");
    }

    #[test]
    fn references_know_their_line_and_column() {
        let md = "Mở đầu.\n\nXem [hồ sơ](../x/) và ![ảnh](a.jpg \"t\").\n\n[tham chiếu][r] <ten@example.org> <https://a.vn>\n\n[r]: /y/#z\n";
        let refs: Vec<(String, bool, usize, usize)> = references(md)
            .into_iter()
            .map(|r| (r.dest, r.image, r.line, r.col))
            .collect();
        assert_eq!(
            refs,
            vec![
                ("../x/".into(), false, 3, 5),
                ("a.jpg".into(), true, 3, 23),
                ("/y/#z".into(), false, 5, 1),
                ("https://a.vn".into(), false, 5, 35),
            ]
        );
    }

    #[test]
    fn plain_text_collapses() {
        assert_eq!(plain_text("# A\n\nb *c*\nd"), "A b c d");
    }
}
