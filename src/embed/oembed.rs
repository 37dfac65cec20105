//! oEmbed 1.0 documents (`type: rich`), one per profile and language, as
//! static files: content systems that find the discovery `<link>` on a
//! profile page fetch this and put its `html` — a sandboxed frame of the
//! card — into the article.

use super::{display_name, iframe_html, json_file, sanitize::plain};
use crate::config::Lang;
use crate::images::Images;
use crate::output::OutFile;
use crate::paths::{self, Urls};
use crate::site::{Profile, Site};
use serde_json::{json, Value};

/// The document of one profile in one language.
pub fn document(site: &Site, images: &Images, p: &Profile, lang: Lang) -> Value {
    let urls = Urls::new(&site.config);
    let site_title = plain(site.config.title.text(lang));
    let mut doc = json!({
        "version": "1.0",
        "type": "rich",
        "title": plain(&display_name(p, lang)),
        "author_name": site_title,
        "author_url": urls.abs(&urls.home(lang)),
        "provider_name": site_title,
        "provider_url": urls.abs(&urls.home(lang)),
        "html": iframe_html(site, lang, p),
        "width": super::OEMBED_WIDTH,
        "height": super::FRAME_HEIGHT,
        "cache_age": super::CACHE_AGE,
    });
    // An extension (oEmbed lets providers add parameters): the card says
    // it too, but a consumer that shows only `title` must be able to.
    if !p.unconfirmed.is_empty() {
        let notices: Vec<Value> = p
            .unconfirmed
            .iter()
            .map(|u| json!({"field": u.field.key(), "readings": u.readings.iter().map(|r| plain(r)).collect::<Vec<_>>(), "notice": plain(&u.notice(lang))}))
            .collect();
        doc["unconfirmed"] = json!(notices);
    }
    // A thumbnail: the share card made for previews, else the photo.
    let thumb = match (
        images.cards.get(&(p.slug.clone(), lang)),
        images.photos.get(&p.slug),
    ) {
        (Some(c), _) => Some((c.path.clone(), c.width, c.height)),
        (None, Some(pic)) => {
            let v = pic.at_least(640);
            Some((v.jpeg.clone(), v.width, v.height))
        }
        (None, None) => None,
    };
    if let Some((path, w, h)) = thumb {
        doc["thumbnail_url"] = json!(urls.abs(&path));
        doc["thumbnail_width"] = json!(w);
        doc["thumbnail_height"] = json!(h);
    }
    doc
}

pub(super) fn documents(site: &Site, images: &Images, scope: &crate::scope::Scope) -> Vec<OutFile> {
    let mut files = Vec::new();
    for p in site.profiles.iter().filter(|p| scope.profile(&p.slug)) {
        for lang in Lang::ALL {
            files.push(json_file(
                &paths::oembed(lang, &p.slug),
                &document(site, images, p, lang),
            ));
        }
    }
    files
}
