//! The embed card page of each profile and language, from
//! `themes/default/templates/embed.html` rendered by its own Tera instance
//! (autoescaped), so the card stays the same whatever the site's theme does.
//!
//! The page is whole in itself: inline CSS and two inline scripts (the
//! `?theme=` class and the height message to the host), system fonts, the
//! profile's own photo from the site. A Content-Security-Policy with the
//! hashes of exactly those scripts forbids any other script, so even
//! a mistake upstream could not make the card run or load foreign code.

use super::{display_name, sanitize::plain};
use crate::config::Lang;
use crate::i18n::Strings;
use crate::images::Images;
use crate::output::OutFile;
use crate::paths::{self, output_file, Urls};
use crate::site::{Profile, Site};
use anyhow::Context as _;
use base64::Engine as _;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

const TEMPLATE: &str = include_str!("../../themes/default/templates/embed.html");
const CSP_PLACEHOLDER: &str = "GUONG-CSP-PLACEHOLDER";

/// Interface strings of the card that the theme's i18n files may not have:
/// (key, Vietnamese, English). A theme string of the same key wins.
const DEFAULTS: &[(&str, &str, &str)] = &[
    (
        "embed_read_more",
        "Xem toàn bộ hồ sơ",
        "Read the full profile",
    ),
    (
        "embed_new_tab",
        "(mở trong thẻ mới)",
        "(opens in a new tab)",
    ),
    ("awards", "Khen thưởng", "Awards"),
];

/// HTML escaping for text and quoted attribute values: the render stage's.
pub use crate::text::escape_html as escape;

fn tera() -> anyhow::Result<tera::Tera> {
    let mut tera = tera::Tera::default();
    tera.autoescape_on(vec![".html"]);
    tera.set_escape_fn(escape);
    tera.add_raw_template("embed.html", TEMPLATE)
        .context("themes/default/templates/embed.html")?;
    Ok(tera)
}

fn string(strings: &BTreeMap<Lang, Strings>, lang: Lang, key: &str) -> String {
    if let Some(s) = strings.get(&lang).and_then(|s| s.0.get(key)) {
        return s.clone();
    }
    DEFAULTS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, vi, en)| if lang == Lang::Vi { *vi } else { *en })
        .unwrap_or(key)
        .to_string()
}

/// Role and organisation on one line.
pub(super) fn role_line(p: &Profile, lang: Lang) -> Option<String> {
    let (t, _) = p.text.get(lang);
    match (&t.role, &t.organization) {
        (Some(r), Some(o)) => Some(format!("{}, {}", plain(r), plain(o))),
        (r, o) => r.as_deref().or(o.as_deref()).map(plain),
    }
}

fn label(table: Option<crate::config::LocalText>, key: &str, lang: Lang) -> String {
    table
        .map(|t| plain(t.text(lang)))
        .unwrap_or_else(|| key.to_string())
}

pub(super) fn field_label(site: &Site, key: &str, lang: Lang) -> String {
    label(site.data.fields.get(key).map(|f| f.text()), key, lang)
}

pub(super) fn award_label(site: &Site, key: &str, lang: Lang) -> String {
    label(site.data.awards.get(key).map(|a| a.text()), key, lang)
}

pub(super) fn commune_label(site: &Site, key: &str, lang: Lang) -> String {
    label(site.data.communes.get(key).map(|c| c.text()), key, lang)
}

fn context(
    site: &Site,
    images: &Images,
    strings: &BTreeMap<Lang, Strings>,
    p: &Profile,
    lang: Lang,
) -> Value {
    let urls = Urls::new(&site.config);
    let (t, text_lang) = p.text.get(lang);
    let photo = images.photos.get(&p.slug).map(|pic| {
        let srcset = |webp: bool| pic.srcset(webp, |path| urls.href(path));
        let alt = p.photo_alt(lang);
        json!({
            "src": urls.href(&pic.at_least(320).jpeg),
            "srcset_jpeg": srcset(false),
            "srcset_webp": srcset(true),
            "alt": plain(alt),
        })
    });
    let awards: Vec<Value> = p
        .awards
        .iter()
        .map(|a| json!({"label": award_label(site, &a.award, lang), "year": a.year}))
        .collect();
    let kind = string(strings, lang, &format!("kind_{}", p.kind.key()));
    json!({
        "lang": lang.code(),
        "text_lang": text_lang.code(),
        "csp": CSP_PLACEHOLDER,
        "title": plain(&display_name(p, lang)),
        "name": plain(&t.name),
        "honorific": t.honorific.as_deref().map(plain),
        "role_line": role_line(p, lang),
        "summary": plain(&t.summary),
        "unconfirmed": crate::unconfirmed::combined_html(&p.unconfirmed, lang).into_iter().collect::<Vec<_>>(),
        "kind_label": kind,
        "field_label": field_label(site, &p.field, lang),
        "awards": awards,
        "photo": photo,
        "profile_href": urls.href(&urls.profile(lang, &p.slug)),
        "canonical": urls.abs(&urls.profile(lang, &p.slug)),
        "site_title": plain(site.config.title.text(lang)),
        "t": {
            "awards": string(strings, lang, "awards"),
            "read_more": string(strings, lang, "embed_read_more"),
            "new_tab": string(strings, lang, "embed_new_tab"),
        },
    })
}

/// The contents of every `<open>…</close>` element of a rendered page.
fn inline_blocks<'a>(html: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(open) {
        let body = &rest[start + open.len()..];
        let Some(end) = body.find(close) else { break };
        out.push(&body[..end]);
        rest = &body[end + close.len()..];
    }
    out
}

fn hash_source(text: &str) -> String {
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes()))
    )
}

/// The page's policy: its own photos, and only its own scripts, by hash.
/// Styles are inline (`'unsafe-inline'`: a hash there makes the Nu HTML
/// Checker warn on every card, and CSS can load nothing beyond `img-src`).
fn csp(html: &str) -> String {
    let scripts: Vec<String> = inline_blocks(html, "<script>", "</script>")
        .into_iter()
        .map(hash_source)
        .collect();
    format!(
        "default-src 'none'; img-src 'self'; script-src {}; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
        scripts.join(" ")
    )
}

/// One page per profile and language.
pub(super) fn pages(
    site: &Site,
    images: &Images,
    strings: &BTreeMap<Lang, Strings>,
    scope: &crate::scope::Scope,
) -> anyhow::Result<Vec<OutFile>> {
    let tera = tera()?;
    let mut files = Vec::new();
    for p in site.profiles.iter().filter(|p| scope.profile(&p.slug)) {
        for lang in Lang::ALL {
            let ctx = tera::Context::from_value(context(site, images, strings, p, lang))?;
            let html = tera
                .render("embed.html", &ctx)
                .with_context(|| crate::messages::msg!("render-embed-card-of", slug = &p.slug))?;
            let html = html.replacen(CSP_PLACEHOLDER, &csp(&html), 1);
            files.push(
                OutFile::new(output_file(&paths::embed(lang, &p.slug)), html)
                    .drawn_by("embed.html"),
            );
        }
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_hashes_exactly_the_inline_blocks() {
        let html = "<script>a()</script><p>x</p><script>b()</script><style>p{}</style>";
        let policy = csp(html);
        assert_eq!(inline_blocks(html, "<script>", "</script>"), ["a()", "b()"]);
        assert!(policy.contains(&hash_source("a()")), "{policy}");
        assert!(policy.contains(&hash_source("b()")), "{policy}");
        assert!(policy.contains("script-src 'sha256-"), "{policy}");
        assert!(!policy.contains("script-src 'unsafe"), "{policy}");
        assert!(policy.starts_with("default-src 'none'"));
    }

    #[test]
    fn escaping_covers_quotes() {
        assert_eq!(
            escape(r#"<a href="x">'&"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;"
        );
    }
}
