//! What `check` needs from a built page: the anchors it offers (`id`s and
//! `<a name>`) and the addresses it refers to, each with its line.
//!
//! Read with html5ever's tokenizer, the same HTML5 tokenizer browsers
//! follow (ammonia already builds it into guong): character references in
//! attributes are decoded, comments and `<script>`/`<style>` text are not
//! mistaken for tags. No tree is built — tags and attributes are all we need.

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, StartTag, Tag, TagToken, Token, TokenSink, TokenSinkResult, Tokenizer,
    TokenizerOpts,
};
use std::cell::RefCell;
use std::collections::HashSet;

/// What kind of thing an address is for: the messages differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Use {
    /// `<a href>`, `<area href>`: a link a reader follows.
    Link,
    /// `<img>`, `<source>`, `<video poster>`…: an image shown on the page.
    Image,
    /// Stylesheets, scripts, frames, forms, `<link>`, share-preview `<meta>`.
    Resource,
}

/// One address on a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ref {
    pub line: usize,
    pub used_as: Use,
    pub url: String,
}

/// The anchors of a page (`id`s, and `name`s of `<a>`) and every address
/// it refers to, in order.
pub fn scan(html: &str) -> (HashSet<String>, Vec<Ref>) {
    let sink = Sink::default();
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let tokenizer = Tokenizer::new(&sink, TokenizerOpts::default());
    // The sink never asks to pause for a script, so one feed reads everything.
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    drop(tokenizer);
    (sink.anchors.into_inner(), sink.refs.into_inner())
}

#[derive(Default)]
struct Sink {
    anchors: RefCell<HashSet<String>>,
    refs: RefCell<Vec<Ref>>,
}

fn attr<'t>(tag: &'t Tag, name: &str) -> Option<&'t str> {
    tag.attrs
        .iter()
        .find(|a| &*a.name.local == name)
        .map(|a| &*a.value)
}

/// The URLs of a `srcset` (`a.jpg 320w, b.jpg 640w`). Split at commas: the
/// variant names guong writes never contain one.
fn srcset_urls(value: &str) -> impl Iterator<Item = &str> {
    value
        .split(',')
        .filter_map(|candidate| candidate.split_whitespace().next())
}

impl Sink {
    fn tag(&self, tag: &Tag, line: usize) {
        for a in &tag.attrs {
            if &*a.name.local == "id" || (&*tag.name == "a" && &*a.name.local == "name") {
                self.anchors.borrow_mut().insert(a.value.to_string());
            }
        }
        let mut refs = self.refs.borrow_mut();
        let mut push = |used_as, url: &str| {
            refs.push(Ref {
                line,
                used_as,
                url: url.to_string(),
            })
        };
        let name = &*tag.name;
        match name {
            "a" | "area" => attr(tag, "href")
                .into_iter()
                .for_each(|u| push(Use::Link, u)),
            "img" | "source" => {
                attr(tag, "src")
                    .into_iter()
                    .for_each(|u| push(Use::Image, u));
                if let Some(set) = attr(tag, "srcset") {
                    srcset_urls(set).for_each(|u| push(Use::Image, u));
                }
            }
            "link" => attr(tag, "href")
                .into_iter()
                .for_each(|u| push(Use::Resource, u)),
            "script" | "iframe" | "audio" | "video" | "track" | "embed" => {
                attr(tag, "src")
                    .into_iter()
                    .for_each(|u| push(Use::Resource, u));
                attr(tag, "poster")
                    .into_iter()
                    .for_each(|u| push(Use::Image, u));
            }
            "form" => attr(tag, "action")
                .into_iter()
                .for_each(|u| push(Use::Resource, u)),
            // Share previews: absolute URLs of this site, fetched by Facebook and Zalo.
            "meta" => {
                let key = attr(tag, "property").or_else(|| attr(tag, "name"));
                if matches!(key, Some("og:image" | "og:url" | "twitter:image")) {
                    attr(tag, "content")
                        .into_iter()
                        .for_each(|u| push(Use::Resource, u));
                }
            }
            _ => {}
        }
    }
}

impl TokenSink for &Sink {
    type Handle = ();

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<()> {
        let TagToken(tag) = token else {
            return TokenSinkResult::Continue;
        };
        if tag.kind != StartTag {
            return TokenSinkResult::Continue;
        }
        self.tag(&tag, line as usize);
        // Without a tree builder the tokenizer must be told which elements
        // hold raw text, or `<script>` code would be read as markup.
        match &*tag.name {
            "script" => TokenSinkResult::RawData(RawKind::ScriptData),
            "style" | "xmp" | "iframe" | "noembed" | "noframes" => {
                TokenSinkResult::RawData(RawKind::Rawtext)
            }
            "title" | "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
            "plaintext" => TokenSinkResult::Plaintext,
            _ => TokenSinkResult::Continue,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_anchors_but_not_in_comments_or_scripts() {
        let html = "<!doctype html><h2 id=\"thanh-tich\">x</h2>\n<a name=\"cu\"></a>\
                    <!-- <p id=\"comment\"> --><script>var s = '<p id=\"script\">';</script>\
                    <div ID=\"Hoa\"></div><title><b id=\"t\"></title>";
        let mut found: Vec<String> = scan(html).0.into_iter().collect();
        found.sort();
        assert_eq!(found, ["Hoa", "cu", "thanh-tich"]);
    }

    #[test]
    fn finds_addresses_with_lines_and_decoded_entities() {
        let html = "<p>\n<a href=\"/a/?x=1&amp;y=2#b\">a</a>\n\
                    <picture><source srcset=\"/s-320.webp 320w, /s-640.webp 640w\">\
                    <img src=\"/s.jpg\" alt=\"\"></picture>\n\
                    <link rel=\"stylesheet\" href=\"/assets/style.css\">\
                    <meta property=\"og:image\" content=\"https://x.org/og.jpg\">\
                    <meta name=\"description\" content=\"not a URL\">\
                    <style>a{background:url(/nope.png)}</style>";
        let got: Vec<(usize, Use, String)> = scan(html)
            .1
            .into_iter()
            .map(|r| (r.line, r.used_as, r.url))
            .collect();
        assert_eq!(
            got,
            vec![
                (2, Use::Link, "/a/?x=1&y=2#b".to_string()),
                (3, Use::Image, "/s-320.webp".into()),
                (3, Use::Image, "/s-640.webp".into()),
                (3, Use::Image, "/s.jpg".into()),
                (4, Use::Resource, "/assets/style.css".into()),
                (4, Use::Resource, "https://x.org/og.jpg".into()),
            ]
        );
    }
}
