//! The static JSON API, `/api/v1/`: the profiles (an index and one document
//! each, both languages), the congresses, the movements and the slogans,
//! and a JSON Schema (draft 2020-12) for every kind of document, the oEmbed
//! documents' included. Every document names its schema in `$schema`.
//!
//! Text in two languages is `{"vi": …, "en": …}`, `en` being `null` where
//! there is no translation (never the Vietnamese text in disguise). HTML
//! (`story_html`, `body_html`) has been through the [`super::sanitize`]
//! allow-list; everything else is plain text. URLs are absolute.

use super::card::{award_label, commune_label, field_label};
use super::sanitize::{plain, story_html};
use super::{json_file, API_VERSION};
use crate::config::{Lang, LocalText};
use crate::i18n::roman;
use crate::images::Images;
use crate::output::OutFile;
use crate::paths::{self, Urls};
use crate::site::{Profile, Qualifier, Site, Translated};
use serde_json::{json, Value};

/// The schema files, by document kind (`/api/v1/schema/<kind>.json`).
pub const SCHEMAS: &[(&str, &str)] = &[
    ("profiles", include_str!("schemas/profiles.json")),
    ("profile", include_str!("schemas/profile.json")),
    ("congresses", include_str!("schemas/congresses.json")),
    ("movements", include_str!("schemas/movements.json")),
    ("slogans", include_str!("schemas/slogans.json")),
    ("oembed", include_str!("schemas/oembed.json")),
];

struct Api<'a> {
    site: &'a Site,
    urls: Urls<'a>,
    images: &'a Images,
}

/// `{"vi": …, "en": …}` from a value per language (`en` may be null).
fn both(vi: Value, en: Value) -> Value {
    json!({"vi": vi, "en": en})
}

fn local(text: &LocalText) -> Value {
    both(
        json!(plain(&text.vi)),
        json!(text.en.as_deref().map(plain).filter(|s| !s.is_empty())),
    )
}

/// The profile's unconfirmed readings with their notice in both languages.
pub(super) fn unconfirmed(p: &Profile) -> Value {
    let list: Vec<Value> = p
        .unconfirmed
        .iter()
        .map(|u| {
            json!({
                "field": u.field.key(),
                "readings": u.readings.iter().map(|r| plain(r)).collect::<Vec<_>>(),
                "value": plain(&u.value),
                "notice": both(json!(plain(&u.notice(Lang::Vi))), json!(plain(&u.notice(Lang::En)))),
            })
        })
        .collect();
    json!(list)
}

/// A URL a reader may follow: only http(s), else nothing.
fn web_url(url: &str) -> Option<String> {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then(|| url.trim().to_string())
}

impl Api<'_> {
    fn abs(&self, path: &str) -> String {
        self.urls.abs(path)
    }
    fn schema(&self, kind: &str) -> String {
        self.abs(&paths::api(&format!("schema/{kind}.json")))
    }
    fn per_lang(&self, f: impl Fn(Lang) -> String) -> Value {
        both(json!(self.abs(&f(Lang::Vi))), json!(self.abs(&f(Lang::En))))
    }
    fn translated<T>(&self, t: &Translated<T>, f: impl Fn(&T) -> Value) -> Value {
        both(f(&t.vi), t.en.as_ref().map(f).unwrap_or(Value::Null))
    }
    fn keyed(&self, key: &str, label: impl Fn(Lang) -> String, has_en: bool) -> Value {
        json!({"key": key, "label": both(json!(label(Lang::Vi)), if has_en { json!(label(Lang::En)) } else { Value::Null })})
    }
    fn field(&self, key: &str) -> Value {
        let has_en = self
            .site
            .data
            .fields
            .get(key)
            .is_some_and(|f| f.en.is_some());
        self.keyed(key, |l| field_label(self.site, key, l), has_en)
    }
    fn award(&self, key: &str) -> Value {
        let has_en = self
            .site
            .data
            .awards
            .get(key)
            .is_some_and(|a| a.en.is_some());
        self.keyed(key, |l| award_label(self.site, key, l), has_en)
    }

    fn thumbnail(&self, p: &Profile) -> Value {
        match self.images.photos.get(&p.slug) {
            Some(pic) => {
                let v = pic.at_least(320);
                json!({"url": self.abs(&v.jpeg), "width": v.width, "height": v.height})
            }
            None => Value::Null,
        }
    }

    fn brief(&self, p: &Profile) -> Value {
        let u = &self.urls;
        json!({
            "slug": p.slug,
            "kind": p.kind.key(),
            "name": self.translated(&p.text, |t| json!(plain(&t.name))),
            "honorific": self.translated(&p.text, |t| json!(t.honorific.as_deref().map(plain))),
            "summary": self.translated(&p.text, |t| json!(plain(&t.summary))),
            "field": self.field(&p.field),
            "updated": p.date.to_string(),
            "url": self.per_lang(|l| u.profile(l, &p.slug)),
            "api_url": self.abs(&paths::api(&format!("profiles/{}.json", p.slug))),
            "thumbnail": self.thumbnail(p),
            "unconfirmed": unconfirmed(p),
        })
    }

    fn profile(&self, p: &Profile) -> Value {
        let u = &self.urls;
        let base = self.abs(&u.profile(Lang::Vi, &p.slug));
        let text = self.translated(&p.text, |t| {
            let opt = |s: &Option<String>| json!(s.as_deref().map(plain));
            json!({
                "name": plain(&t.name),
                "honorific": opt(&t.honorific),
                "role": opt(&t.role),
                "organization": opt(&t.organization),
                "ethnicity": opt(&t.ethnicity),
                "summary": plain(&t.summary),
                "photo_alt": opt(&t.photo_alt),
                "story_html": story_html(&t.body, &base),
            })
        });
        let awards: Vec<Value> = p
            .awards
            .iter()
            .map(|a| {
                let data = self.site.data.awards.get(&a.award);
                let mut v = self.award(&a.award);
                v["level"] = json!(data.map(|d| d.level));
                v["kind"] = json!(data.map(|d| d.kind));
                v["year"] = json!(a.year);
                v["decision"] = json!(a.decision.as_deref().map(plain));
                v
            })
            .collect();
        let movements: Vec<Value> = self
            .site
            .movements_of(p)
            .map(|m| {
                json!({
                    "slug": m.slug,
                    "title": self.translated(&m.text, |t| json!(plain(&t.title))),
                    "url": self.per_lang(|l| u.movement(l, &m.slug)),
                })
            })
            .collect();
        let photo = self.images.photos.get(&p.slug).map(|pic| {
            let variants: Vec<Value> = pic.variants.iter().map(|v| json!({
                "width": v.width, "height": v.height, "jpeg": self.abs(&v.jpeg), "webp": self.abs(&v.webp),
            })).collect();
            json!({"variants": variants})
        });
        let card =
            |l: Lang| {
                json!(self.images.cards.get(&(p.slug.clone(), l)).map(
                    |c| json!({"url": self.abs(&c.path), "width": c.width, "height": c.height})
                ))
            };
        let sources: Vec<Value> = p
            .sources
            .iter()
            .map(|s| json!({"title": plain(&s.title), "url": s.url.as_deref().and_then(web_url)}))
            .collect();
        json!({
            "$schema": self.schema("profile"),
            "api_version": API_VERSION,
            "slug": p.slug,
            "kind": p.kind.key(),
            "field": self.field(&p.field),
            "commune": p.commune.as_ref().map(|c| {
                let has_en = self.site.data.communes.get(c).is_some_and(|d| d.en.is_some());
                self.keyed(c, |l| commune_label(self.site, c, l), has_en)
            }),
            "text": text,
            "unconfirmed": unconfirmed(p),
            "awards": awards,
            "movements": movements,
            "years": p.years(),
            "photo": photo,
            "share_cards": both(card(Lang::Vi), card(Lang::En)),
            "tags": p.tags,
            "sources": sources,
            "date": p.date.to_string(),
            "updated": p.date.to_string(),
            "urls": {
                "profile": self.per_lang(|l| u.profile(l, &p.slug)),
                "embed": self.per_lang(|l| paths::embed(l, &p.slug)),
                "oembed": self.per_lang(|l| paths::oembed(l, &p.slug)),
                "api": self.abs(&paths::api(&format!("profiles/{}.json", p.slug))),
            },
        })
    }

    fn site_info(&self) -> Value {
        json!({
            "title": local(&self.site.config.title),
            "url": self.per_lang(|l| self.urls.home(l)),
        })
    }

    fn profiles(&self) -> Value {
        // 10,000 profiles: worth both cores, in `serve` after every card edit too.
        use rayon::prelude::*;
        let list: Vec<Value> = self
            .site
            .profiles
            .par_iter()
            .map(|p| self.brief(p))
            .collect();
        json!({
            "$schema": self.schema("profiles"),
            "api_version": API_VERSION,
            "site": self.site_info(),
            "count": list.len(),
            "profiles": list,
        })
    }

    fn congresses(&self) -> Value {
        let u = &self.urls;
        let list: Vec<Value> = self
            .site
            .congresses
            .iter()
            .map(|c| {
                let base = self.abs(&u.congress(Lang::Vi, c.number));
                json!({
                    "number": c.number,
                    "numeral": roman(c.number),
                    "year": c.year,
                    "date": c.date.map(|d| d.to_string()),
                    "delegates": c.delegates,
                    "delegates_approx": c.delegates_qualifier == Qualifier::About,
                    "delegates_qualifier": c.delegates.map(|_| c.delegates_qualifier.key()),
                    "planned": c.planned.iter().map(|f| f.key()).collect::<Vec<_>>(),
                    "title": self.translated(&c.text, |t| json!(plain(&t.title))),
                    "theme": self.translated(&c.text, |t| json!(t.theme.as_deref().map(plain))),
                    "body_html": self.translated(&c.text, |t| json!(story_html(&t.body, &base))),
                    "url": self.per_lang(|l| u.congress(l, c.number)),
                })
            })
            .collect();
        json!({"$schema": self.schema("congresses"), "api_version": API_VERSION, "site": self.site_info(), "congresses": list})
    }

    fn movements(&self) -> Value {
        let u = &self.urls;
        let list: Vec<Value> = self.site.movements.iter().map(|m| {
            let base = self.abs(&u.movement(Lang::Vi, &m.slug));
            let results: Vec<Value> = m.results.iter().map(|r| json!({
                "award": self.award(&r.award), "collectives": r.collectives, "individuals": r.individuals,
            })).collect();
            let profiles: Vec<&str> = self.site.profiles.iter().filter(|p| p.movements.contains(&m.slug)).map(|p| p.slug.as_str()).collect();
            json!({
                "slug": m.slug,
                "launched_by": m.launched_by.key(),
                "period": m.period.as_deref().map(plain),
                "results": results,
                "title": self.translated(&m.text, |t| json!(plain(&t.title))),
                "body_html": self.translated(&m.text, |t| json!(story_html(&t.body, &base))),
                "url": self.per_lang(|l| u.movement(l, &m.slug)),
                "profiles": profiles,
            })
        }).collect();
        json!({"$schema": self.schema("movements"), "api_version": API_VERSION, "site": self.site_info(), "movements": list})
    }

    fn slogans(&self) -> Value {
        let list: Vec<Value> = self.site.data.slogans.iter().map(|s| json!({
            "text": both(json!(plain(&s.vi)), json!(s.en.as_deref().map(plain).filter(|t| !t.is_empty()))),
            "occasion": s.occasion.as_deref().map(plain),
        })).collect();
        json!({
            "$schema": self.schema("slogans"),
            "api_version": API_VERSION,
            "site": self.site_info(),
            "url": self.per_lang(|l| self.urls.slogans(l)),
            "slogans": list,
        })
    }
}

/// The JSON Schemas of the API documents.
pub(super) fn schemas(site: &Site, images: &Images) -> anyhow::Result<Vec<OutFile>> {
    let api = Api {
        site,
        urls: Urls::new(&site.config),
        images,
    };
    let mut files = Vec::new();
    for (kind, text) in SCHEMAS.iter() {
        let mut schema: Value = serde_json::from_str(text)
            .map_err(|e| anyhow::anyhow!("src/embed/schemas/{kind}.json: {e}"))?;
        schema["$id"] = json!(api.schema(kind));
        files.push(json_file(
            &paths::api(&format!("schema/{kind}.json")),
            &schema,
        ));
    }
    Ok(files)
}

pub(super) fn documents(
    site: &Site,
    images: &Images,
    scope: &crate::scope::Scope,
) -> anyhow::Result<Vec<OutFile>> {
    let api = Api {
        site,
        urls: Urls::new(&site.config),
        images,
    };
    let mut files = Vec::new();
    if scope.shared() {
        files.extend([
            json_file(&paths::api("profiles.json"), &api.profiles()),
            json_file(&paths::api("congresses.json"), &api.congresses()),
            json_file(&paths::api("movements.json"), &api.movements()),
            json_file(&paths::api("slogans.json"), &api.slogans()),
        ]);
    }
    for p in site.profiles.iter().filter(|p| scope.profile(&p.slug)) {
        files.push(json_file(
            &paths::api(&format!("profiles/{}.json", p.slug)),
            &api.profile(p),
        ));
    }
    if scope.all() {
        files.extend(schemas(site, images)?);
    }
    Ok(files)
}
