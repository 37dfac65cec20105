//! Markdown → HTML for story bodies. Pure: no files, no templates.
//!
//! Tables, footnotes, smart punctuation and heading anchors are on. Headings
//! are re-levelled so the body's highest heading sits at the level the page
//! gives it (`<h2>` under the title, `<h3>` inside a section): writers may
//! start at `#` or `##`, and the page outline never skips a level. Raw HTML
//! is escaped (shown as text) and script-like link targets are neutralised:
//! a body can never run code on the site.

use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};
use std::collections::{BTreeSet, HashMap};

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

/// Deepest nesting of quotes, lists and footnotes kept in a body. Writers
/// use a handful; HTML parsers (the browser's, `check`'s, the embed's
/// sanitiser) take time growing with the square of the depth, so a body
/// nested ten thousand deep would stall them.
pub const MAX_NESTING: usize = 32;

/// Drop the quote, list, item and footnote tags nested deeper than
/// [`MAX_NESTING`], keeping what they contain (flattened into the deepest
/// kept level).
pub fn cap_nesting<'a>(events: impl Iterator<Item = Event<'a>>) -> impl Iterator<Item = Event<'a>> {
    let mut kept: Vec<bool> = Vec::new();
    events.filter(move |e| match e {
        Event::Start(
            Tag::BlockQuote(_) | Tag::List(_) | Tag::Item | Tag::FootnoteDefinition(_),
        ) => {
            let keep = kept.len() < MAX_NESTING;
            kept.push(keep);
            keep
        }
        Event::End(
            TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item | TagEnd::FootnoteDefinition,
        ) => kept.pop().unwrap_or(true),
        _ => true,
    })
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
    // (byte offset, its line, its column): links come in order, so each is
    // found from the one before; counting from the top for each would take
    // minutes on a 10 MB body.
    let mut at = (0usize, 1usize, 1usize);
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
        if range.start < at.0 {
            at = (0, 1, 1);
        }
        for c in markdown[at.0..range.start].chars() {
            if c == '\n' {
                (at.1, at.2) = (at.1 + 1, 1);
            } else {
                at.2 += 1;
            }
        }
        at.0 = range.start;
        out.push(Reference {
            dest: dest.to_string(),
            image,
            line: at.1,
            col: at.2,
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
    let mut events: Vec<Event> = cap_nesting(Parser::new_ext(markdown, options()))
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
    // The next number to try for each id: a body with thousands of alike
    // headings must not try `-1`, `-2`, … again for each.
    let mut next: HashMap<String, usize> = HashMap::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { level, id, .. }) = &events[i] {
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
                    let s = crate::text::fold::slugify(&text);
                    if s.is_empty() {
                        "muc".to_string()
                    } else {
                        s
                    }
                }
            };
            let mut unique = base.clone();
            let n = next.entry(base.clone()).or_insert(1);
            while !used.insert(unique.clone()) {
                unique = format!("{base}-{n}");
                *n += 1;
            }
            let new_level = level_of(*level as usize + top - highest);
            events[i] = Event::Start(Tag::Heading {
                level: new_level,
                id: Some(unique.into()),
                // Only `{#id}` is for writers: other `{key=value}` attributes
                // would reach the page as written (`onclick=…`), and classes
                // would borrow the theme's.
                classes: Vec::new(),
                attrs: Vec::new(),
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
    fn deep_nesting_is_flattened_below_the_cap_and_keeps_its_text() {
        for (md, tag) in [
            ("> ".repeat(500) + "sâu", "<blockquote>"),
            ("- ".repeat(500) + "sâu", "<ul>"),
            ("> 1. ".repeat(300) + "sâu", "<ol>"),
        ] {
            let html = render(&md, 2);
            assert!(html.contains("sâu"), "{html}");
            let opened = html.matches(tag).count();
            assert!((1..=MAX_NESTING).contains(&opened), "{opened} {tag}");
            for t in ["blockquote", "ul", "ol", "li"] {
                let (open, close) = (format!("<{t}"), format!("</{t}>"));
                assert_eq!(
                    html.matches(&open).count(),
                    html.matches(&close).count(),
                    "{t}"
                );
            }
        }
    }

    #[test]
    fn heading_attributes_cannot_add_event_handlers() {
        let html = render("# Tiêu đề {#muc .lop onclick=alert(1) style=x}\n", 2);
        assert!(!html.contains("onclick"), "{html}");
        assert!(!html.contains("style") && !html.contains("lop"), "{html}");
        assert!(html.contains(r#"id="muc""#), "{html}");
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
    fn many_alike_headings_and_links_stay_linear() {
        let md = "## Kết quả\n\n[a](x) ![b](y.jpg)\n\n".repeat(20_000);
        let start = std::time::Instant::now();
        let html = render(&md, 2);
        let refs = references(&md);
        assert!(html.contains(r#"id="ket-qua-19999""#));
        assert_eq!(refs.len(), 40_000);
        assert_eq!((refs[39_999].line, refs[39_999].col), (4 * 19_999 + 3, 8));
        // Quadratic work here took minutes; linear work takes well under a second.
        assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
    }

    #[test]
    fn plain_text_collapses() {
        assert_eq!(plain_text("# A\n\nb *c*\nd"), "A b c d");
    }
}
