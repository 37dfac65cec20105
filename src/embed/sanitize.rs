//! The one allow-list for HTML that leaves the site through embeds, oEmbed
//! and the API. Story bodies are Markdown that may contain raw HTML; here
//! the raw HTML goes to ammonia with everything else, and only these
//! survive: `p em strong a[href] ul ol li blockquote h2 h3 h4 br` and
//! table parts, links only to `http:`, `https:` and `mailto:` (relative
//! links made absolute). `<script>`, `<style>`, `<iframe>` and the like are
//! dropped with their content; every attribute but `href` is dropped, so no
//! `on…=` handler can pass. Names and summaries are plain text, never HTML.
//!
//! The main pages keep their own, stricter rule (`markdown` shows raw HTML
//! as text); this stage does not rely on it.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::HashSet;

/// Tags a story may keep.
pub const TAGS: &[&str] = &[
    "p",
    "em",
    "strong",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "h2",
    "h3",
    "h4",
    "br",
    "table",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
];

/// Link schemes a story may keep.
pub const SCHEMES: &[&str] = &["http", "https", "mailto"];

/// Tags removed together with everything inside them.
const DROP_WITH_CONTENT: &[&str] = &[
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "noscript",
    "noembed",
    "noframes",
    "template",
    "svg",
    "math",
    "textarea",
    "select",
    "xmp",
    "title",
    "head",
    "plaintext",
];

/// Clean HTML with the allow-list; relative links are resolved against `base`
/// (an absolute URL), or dropped when `base` is not one.
pub fn clean_html(html: &str, base: &str) -> String {
    let mut b = ammonia::Builder::empty();
    b.add_tags(TAGS)
        .tag_attributes(
            [("a", ["href"].into_iter().collect::<HashSet<_>>())]
                .into_iter()
                .collect(),
        )
        .generic_attributes(HashSet::new())
        .url_schemes(SCHEMES.iter().copied().collect())
        .clean_content_tags(DROP_WITH_CONTENT.iter().copied().collect())
        .link_rel(Some("noopener noreferrer nofollow"))
        .strip_comments(true);
    match ammonia::Url::parse(base) {
        Ok(url) => b.url_relative(ammonia::UrlRelative::RewriteWithBase(url)),
        Err(_) => b.url_relative(ammonia::UrlRelative::Deny),
    };
    b.clean(html).to_string()
}

/// Most tags of hand-written HTML a story may hold (see [`story_html`]).
const MAX_RAW_TAGS: usize = 1000;

/// A Markdown story as clean HTML, its highest heading an `<h2>` (deeper
/// ones at most `<h4>`). Raw HTML in the Markdown goes through the
/// allow-list like the rest, so allowed tags written by hand survive and
/// anything else disappears.
pub fn story_html(markdown: &str, base: &str) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_STRIKETHROUGH;
    let mut events: Vec<Event> =
        crate::markdown::cap_nesting(Parser::new_ext(markdown, options)).collect();
    // ammonia's HTML parser takes time growing with the square of the
    // nesting depth; a story with this much hand-written HTML is shown as
    // text instead, as the main pages always do.
    let raw_tags: usize = events
        .iter()
        .map(|e| match e {
            Event::Html(s) | Event::InlineHtml(s) => s.matches('<').count(),
            _ => 0,
        })
        .sum();
    if raw_tags > MAX_RAW_TAGS {
        for e in &mut events {
            if let Event::Html(s) | Event::InlineHtml(s) = e {
                *e = Event::Text(std::mem::replace(s, CowStr::Borrowed("")));
            }
        }
    }
    let highest = crate::markdown::highest_heading(&events);
    let relevel = |level: HeadingLevel| match (level as usize + 2).saturating_sub(highest) {
        0..=2 => HeadingLevel::H2,
        3 => HeadingLevel::H3,
        _ => HeadingLevel::H4,
    };
    // Footnotes as plain `[n]` text: their links and `<sup>` are not on the list.
    let mut pending_label = None;
    let events = events.into_iter().flat_map(|e| {
        let e = match e {
            Event::FootnoteReference(label) => Event::Text(format!("[{label}]").into()),
            Event::Start(Tag::FootnoteDefinition(label)) => {
                pending_label = Some(label);
                return vec![];
            }
            Event::End(TagEnd::FootnoteDefinition) => return vec![],
            Event::Start(Tag::Paragraph) => match pending_label.take() {
                Some(label) => {
                    return vec![
                        Event::Start(Tag::Paragraph),
                        Event::Text(format!("[{label}] ").into()),
                    ]
                }
                None => Event::Start(Tag::Paragraph),
            },
            e => e,
        };
        vec![match e {
            Event::Start(Tag::Heading {
                level,
                classes,
                attrs,
                ..
            }) => Event::Start(Tag::Heading {
                level: relevel(level),
                id: None,
                classes,
                attrs,
            }),
            Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(relevel(level))),
            e => e,
        }]
    });
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events);
    clean_html(&html, base)
}

/// Plain text for JSON and attributes: control characters dropped,
/// whitespace collapsed. It is text, never parsed as HTML: wherever it is
/// put into HTML, it is escaped.
pub fn plain(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://example.org/dien-hinh/x/";

    #[test]
    fn deeply_nested_hand_written_html_becomes_text() {
        let shallow = story_html("<blockquote><em>giữ</em></blockquote>", BASE);
        assert!(
            shallow.contains("<blockquote><em>giữ</em></blockquote>"),
            "{shallow}"
        );
        let deep =
            "<blockquote>".repeat(MAX_RAW_TAGS) + "sâu" + &"</blockquote>".repeat(MAX_RAW_TAGS);
        let html = story_html(&deep, BASE);
        assert!(!html.contains("<blockquote>"), "shown as text");
        assert!(html.contains("&lt;blockquote&gt;") && html.contains("sâu"));
    }

    #[test]
    fn nothing_executable_survives() {
        let html = story_html(
            "<script>alert(1)</script>\n\nx <img src=x onerror=alert(1)> \
             [a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](data:text/html,x)\n\n\
             <iframe src=\"https://evil.example/\"></iframe>\n\n\
             <p onclick=\"alert(1)\" style=\"x\">keep <em>this</em></p>\n\n\
             <svg><script>alert(1)</script></svg><a href=\"vbscript:x\">v</a>",
            BASE,
        );
        for bad in [
            "<script",
            "alert(1)",
            "onerror",
            "onclick",
            "javascript:",
            "<iframe",
            "<img",
            "style=",
            "data:",
            "vbscript",
            "evil",
        ] {
            assert!(!html.to_ascii_lowercase().contains(bad), "{bad} in {html}");
        }
        assert!(html.contains("<p>keep <em>this</em></p>"), "{html}");
    }

    #[test]
    fn allowed_markdown_keeps_its_shape() {
        let html = story_html(
            "# Top\n\n## Sub\n\n#### Deep\n\n- a\n- **b**\n\n> q\n\n| x | y |\n|---|--:|\n| 1 | 2 |\n\n\
             [abs](https://a.example/p) [rel](../khac/) [mail](mailto:a@b.example)",
            BASE,
        );
        assert!(
            html.contains("<h2>Top</h2>\n<h3>Sub</h3>\n<h4>Deep</h4>"),
            "{html}"
        );
        assert!(html.contains("<li><strong>b</strong></li>"), "{html}");
        assert!(html.contains("<blockquote>"), "{html}");
        assert!(html.contains("<td>2</td>"), "{html}");
        assert!(html.contains(r#"href="https://a.example/p""#), "{html}");
        assert!(
            html.contains(r#"href="https://example.org/dien-hinh/khac/""#),
            "{html}"
        );
        assert!(html.contains(r#"href="mailto:a@b.example""#), "{html}");
        assert!(
            html.contains(r#"rel="noopener noreferrer nofollow""#),
            "{html}"
        );
        let notes = story_html("Text[^a].\n\n[^a]: The note.\n", BASE);
        assert_eq!(notes, "<p>Text[a].</p>\n<p>[a] The note.</p>\n", "{notes}");
    }

    #[test]
    fn plain_text_is_collapsed() {
        assert_eq!(plain("  a\u{0}b \n\t c  "), "a b c");
    }
}
