//! The embed stage: what other sites and apps take from this one. Per
//! profile and language a self-contained card page (`/embed/<slug>/`) and an
//! oEmbed document (`/oembed/<slug>.json`); the static JSON API under
//! `/api/v1/` with a JSON Schema for each kind of document; and `/embed.js`,
//! which turns a `<blockquote class="guong-profile">` on a host page into a
//! self-sizing, sandboxed frame of the card.
//!
//! Safe by construction: every text that leaves through this stage is either
//! escaped plain text or HTML cleaned by one small allow-list
//! ([`sanitize`]), whatever the Markdown body contains. Writes nothing
//! itself: it returns files for `output`.

mod api;
mod card;
mod oembed;
pub mod sanitize;

use crate::config::Lang;
use crate::i18n::Strings;
use crate::images::Images;
use crate::output::OutFile;
use crate::paths::{self, Urls};
use crate::scope::Scope;
use crate::site::{Profile, Site};
use serde_json::Value;
use std::collections::BTreeMap;

/// The API version in every API path; a breaking change means a new number.
pub use crate::paths::API_VERSION;

/// `sandbox` of every frame we hand out: scripts (for the height message)
/// and links opening in a new, unsandboxed tab; nothing else.
pub const SANDBOX: &str = "allow-scripts allow-popups allow-popups-to-escape-sandbox";

/// Width (px) announced in oEmbed; the card itself fits 280–700 px.
pub const OEMBED_WIDTH: u32 = 560;

/// Height (px) of a frame nobody resizes (a plain iframe, oEmbed): the
/// card fills it at every width from 280 to 700 px, keeping each text to
/// whole lines (embed.html); tests/browser/phone.test.mjs checks that every
/// card fits it. The docs' snippet says the same number.
pub const FRAME_HEIGHT: u32 = 340;

/// Seconds an oEmbed consumer may cache a document.
pub const CACHE_AGE: u64 = 86_400;

/// The profile's display title: honorific and name.
pub fn display_name(p: &Profile, lang: Lang) -> String {
    let (t, _) = p.text.get(lang);
    match &t.honorific {
        Some(h) => format!("{h} {}", t.name),
        None => t.name.clone(),
    }
}

/// The `<iframe>` of a profile's card for a host page (absolute URL). Its
/// text is escaped; the card fills its [`FRAME_HEIGHT`] at any width.
pub fn iframe_html(site: &Site, lang: Lang, p: &Profile) -> String {
    let urls = Urls::new(&site.config);
    let title = format!(
        "{} — {}",
        display_name(p, lang),
        site.config.title.text(lang)
    );
    format!(
        r#"<iframe class="guong-embed" src="{}" title="{}" width="{}" height="{}" sandbox="{SANDBOX}" loading="lazy" style="border:0;width:100%;max-width:700px"></iframe>"#,
        card::escape(&urls.abs(&paths::embed(lang, &p.slug))),
        card::escape(&title),
        OEMBED_WIDTH,
        FRAME_HEIGHT,
    )
}

/// The recommended snippet for a host page: a plain link that embed.js
/// turns into the card (the link stays when the script does not run).
pub fn blockquote_html(site: &Site, lang: Lang, p: &Profile) -> String {
    let urls = Urls::new(&site.config);
    format!(
        r#"<blockquote class="guong-profile" data-profile="{slug}" data-lang="{lang}"><a href="{href}">{name}</a></blockquote>
<script async src="{js}"></script>"#,
        slug = card::escape(&p.slug),
        lang = lang.code(),
        href = card::escape(&urls.abs(&urls.profile(lang, &p.slug))),
        name = card::escape(&display_name(p, lang)),
        js = card::escape(&urls.abs(paths::EMBED_JS)),
    )
}

/// What a profile page needs to offer embedding: the oEmbed discovery URL
/// and the code to copy (for the theme's `page.embed`). No code while
/// `base_url` is the example address: a snippet pointing there cannot work
/// on anyone's page (the build warns about it).
pub fn profile_links(site: &Site, lang: Lang, p: &Profile) -> Value {
    let urls = Urls::new(&site.config);
    let real = !site.config.has_example_address();
    serde_json::json!({
        "oembed_href": urls.abs(&paths::oembed(lang, &p.slug)),
        "card_href": urls.abs(&paths::embed(lang, &p.slug)),
        "title": display_name(p, lang),
        "code": real.then(|| blockquote_html(site, lang, p)),
        "iframe": real.then(|| iframe_html(site, lang, p)),
    })
}

/// JSON for files other sites read: pretty, and with `<`, `>` and `&`
/// written as `\u003c`… so no file can be taken for HTML, whatever a
/// browser or a misconfigured server makes of it. The values are unchanged.
pub(crate) fn json_file(path: &str, value: &Value) -> OutFile {
    let text = serde_json::to_string_pretty(value).expect("JSON values serialise");
    let mut out = String::with_capacity(text.len() + 64);
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out.push('\n');
    OutFile::new(paths::output_file(path), out)
}

/// Build every file of the stage.
pub fn build(
    site: &Site,
    images: &Images,
    strings: &BTreeMap<Lang, Strings>,
) -> anyhow::Result<Vec<OutFile>> {
    build_scoped(site, images, strings, &Scope::All)
}

/// Build every file of the stage into `sink`, a few thousand profiles at a
/// time (a big site's embeds never sit in memory all at once).
pub fn build_into(
    site: &Site,
    images: &Images,
    strings: &BTreeMap<Lang, Strings>,
    sink: crate::output::Sink,
) -> Result<(), crate::error::BuildFailed> {
    let failed = |e: anyhow::Error| {
        crate::error::BuildFailed(vec![crate::error::Diagnostic::error(
            crate::error::Location::file(format!(
                "themes/{}/templates/embed.html",
                site.config.theme
            )),
            crate::messages::msg!("G0602", error = format!("{e:#}")),
        )
        .help(crate::messages::msg!("G0602.help"))])
    };
    for chunk in site.profiles.chunks(2048) {
        let slugs = chunk.iter().map(|p| p.slug.clone()).collect();
        sink(build_scoped(site, images, strings, &Scope::Profiles(slugs)).map_err(failed)?)?;
    }
    // The lists of all profiles, the script and the schemas.
    let mut rest =
        build_scoped(site, images, strings, &Scope::Shared(Default::default())).map_err(failed)?;
    rest.extend(api::schemas(site, images).map_err(failed)?);
    rest.push(embed_script());
    Ok(sink(rest)?)
}

fn embed_script() -> OutFile {
    OutFile::new(
        paths::output_file(paths::EMBED_JS),
        include_str!("../../themes/default/static/embed.js"),
    )
}

/// Build the embeds of the profiles in `scope`, and the lists of all
/// profiles when the scope is shared.
pub fn build_scoped(
    site: &Site,
    images: &Images,
    strings: &BTreeMap<Lang, Strings>,
    scope: &Scope,
) -> anyhow::Result<Vec<OutFile>> {
    let mut files = card::pages(site, images, strings, scope)?;
    files.extend(oembed::documents(site, images, scope));
    files.extend(api::documents(site, images, scope)?);
    if scope.all() {
        files.push(embed_script());
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_files_never_contain_markup_characters() {
        let f = json_file(
            "/a.json",
            &serde_json::json!({"html": "<p>a & b</p>\u{2028}"}),
        );
        let text = String::from_utf8(f.bytes).unwrap();
        assert!(!text.contains('<') && !text.contains('&'), "{text}");
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back["html"], "<p>a & b</p>\u{2028}");
        assert_eq!(f.path, "a.json");
    }

    #[test]
    fn paths_per_language() {
        assert_eq!(paths::embed(Lang::Vi, "a-b"), "/embed/a-b/");
        assert_eq!(paths::embed(Lang::En, "a-b"), "/en/embed/a-b/");
        assert_eq!(paths::oembed(Lang::En, "a-b"), "/en/oembed/a-b.json");
        assert_eq!(paths::api("profiles.json"), "/api/v1/profiles.json");
    }
}
