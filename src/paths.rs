//! Site paths and URLs: the only place that knows where a page, an asset, a
//! card, an embed, an API document or a search index lives, and where it is
//! written. Every other stage asks here.
//!
//! Everything is first a *site path* (`/dien-hinh/x/`, always from the site's
//! root, never with the base path). From a site path, [`Urls::href`] makes the
//! link a page writes (the base URL's path added), [`Urls::abs`] the absolute
//! URL (canonical, feeds, sitemap, oEmbed), and [`output_file`] the file of
//! the built site; [`site_path_of`] goes back from a request or a file.

use crate::config::{Config, Lang, Section};
use crate::site::Kind;

/// A taxonomy the profiles are listed by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Taxonomy {
    Field,
    Commune,
    Award,
    Year,
    Kind,
}

impl Taxonomy {
    pub const ALL: [Taxonomy; 5] = [
        Taxonomy::Field,
        Taxonomy::Commune,
        Taxonomy::Award,
        Taxonomy::Year,
        Taxonomy::Kind,
    ];
    /// The section of the site its listings are in.
    pub fn section(self) -> Section {
        match self {
            Taxonomy::Field => Section::Fields,
            Taxonomy::Commune => Section::Communes,
            Taxonomy::Award => Section::Awards,
            Taxonomy::Year => Section::Years,
            Taxonomy::Kind => Section::Kinds,
        }
    }

    /// Its key in the theme's strings (`taxonomy_fields`, `term_fields`).
    pub fn key(self) -> &'static str {
        self.section().key()
    }
}

/// The version in the API's paths; a change that breaks its readers gets a new one.
pub const API_VERSION: &str = "v1";

/// Site path of the script host pages load to size embedded cards.
pub const EMBED_JS: &str = "/embed.js";

/// Site path of the service worker. It sits at the site's root because a
/// worker controls only the pages under its own folder (its scope).
pub const SERVICE_WORKER: &str = "/sw.js";

/// Site path of what a reader's browser stores to read a listing offline
/// (its pages, its profiles' pages and their search records), beside the
/// listing's first page `first`: one small file per listing.
pub fn offline_manifest(first: &str) -> String {
    format!("{first}offline.json")
}

/// Site path of the full list behind a listing's manifest: every file to
/// store and the records offline search needs. Fetched only when the reader
/// asks to save, since a listing of thousands of profiles makes it large.
pub fn offline_list(first: &str) -> String {
    format!("{first}offline-list.json")
}

/// The path every page of `lang` starts with: nothing for Vietnamese.
fn prefix(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "",
        Lang::En => "/en",
    }
}

/// Site path of a profile's embed card: `/embed/<slug>/`, `/en/embed/<slug>/`.
pub fn embed(lang: Lang, slug: &str) -> String {
    format!("{}/embed/{slug}/", prefix(lang))
}

/// Site path of a profile's oEmbed document: `/oembed/<slug>.json`, `/en/oembed/<slug>.json`.
pub fn oembed(lang: Lang, slug: &str) -> String {
    format!("{}/oembed/{slug}.json", prefix(lang))
}

/// Site path of an API document, e.g. `api("profiles.json")`.
pub fn api(file: &str) -> String {
    format!("/api/{API_VERSION}/{file}")
}

/// Site path of a theme asset as published (`name` already carries its hash).
pub fn asset(name: &str) -> String {
    format!("/assets/{name}")
}

/// Site path of the site's own share card in `lang`; `file` is its content
/// hash and extension.
pub fn site_card(lang: Lang, file: &str) -> String {
    asset(&format!("og-{}.{file}", lang.code()))
}

/// Site path of the folder of one search index; `hash` covers every file in it.
pub fn search_index(lang: Lang, hash: &str) -> String {
    format!("/_search/{}/{hash}/", lang.code())
}

pub struct Urls<'a> {
    cfg: &'a Config,
}

impl<'a> Urls<'a> {
    pub fn new(cfg: &'a Config) -> Self {
        Urls { cfg }
    }

    fn section(&self, lang: Lang, section: Section) -> String {
        format!("{}/{}/", prefix(lang), self.cfg.section(lang, section))
    }

    /// Page `n` (1-based) of a listing whose first page is at `first`.
    pub fn paged(&self, lang: Lang, first: &str, n: usize) -> String {
        if n <= 1 {
            first.to_string()
        } else {
            format!("{first}{}/{n}/", self.cfg.section(lang, Section::Page))
        }
    }

    pub fn home(&self, lang: Lang) -> String {
        format!("{}/", prefix(lang))
    }
    pub fn profiles(&self, lang: Lang) -> String {
        self.section(lang, Section::Profiles)
    }
    pub fn profile(&self, lang: Lang, slug: &str) -> String {
        format!("{}{slug}/", self.profiles(lang))
    }
    /// Where a profile's bundle files (photos) are published: beside the Vietnamese page.
    pub fn bundle_file(&self, slug: &str, file: &str) -> String {
        format!("{}{file}", self.profile(Lang::Vi, slug))
    }
    pub fn congresses(&self, lang: Lang) -> String {
        self.section(lang, Section::Congresses)
    }
    pub fn congress(&self, lang: Lang, number: u32) -> String {
        format!("{}{number}/", self.congresses(lang))
    }
    pub fn movements(&self, lang: Lang) -> String {
        self.section(lang, Section::Movements)
    }
    pub fn movement(&self, lang: Lang, slug: &str) -> String {
        format!("{}{slug}/", self.movements(lang))
    }
    pub fn slogans(&self, lang: Lang) -> String {
        self.section(lang, Section::Slogans)
    }
    /// Site path of a slogan's banner file: `/khau-hieu/bang-ron/<slug>-500x80.pdf`.
    /// Banners are Vietnamese, so there is one of each, under the Vietnamese
    /// slogans page, linked from both languages.
    pub fn banner(&self, slug: &str, size: &str, ext: &str) -> String {
        format!("{}bang-ron/{slug}-{size}.{ext}", self.slogans(Lang::Vi))
    }
    pub fn statistics(&self, lang: Lang) -> String {
        self.section(lang, Section::Statistics)
    }
    pub fn search(&self, lang: Lang) -> String {
        self.section(lang, Section::Search)
    }
    /// The page shown without a network for a page the browser never stored.
    pub fn offline(&self, lang: Lang) -> String {
        self.section(lang, Section::Offline)
    }
    pub fn page(&self, lang: Lang, slug: &str) -> String {
        format!("{}/{slug}/", prefix(lang))
    }
    pub fn taxonomy(&self, lang: Lang, tax: Taxonomy) -> String {
        self.section(lang, tax.section())
    }
    pub fn term(&self, lang: Lang, tax: Taxonomy, key: &str) -> String {
        format!("{}{key}/", self.taxonomy(lang, tax))
    }
    pub fn kind_key(lang: Lang, kind: Kind) -> &'static str {
        match (lang, kind) {
            (Lang::Vi, Kind::Individual) => "ca-nhan",
            (Lang::Vi, Kind::Collective) => "tap-the",
            (Lang::En, Kind::Individual) => "individuals",
            (Lang::En, Kind::Collective) => "collectives",
        }
    }
    pub fn feed(&self, lang: Lang) -> String {
        format!("{}/atom.xml", prefix(lang))
    }
    /// The sitemap, or the sitemap index of a site too large for one file.
    pub fn sitemap(&self) -> String {
        "/sitemap.xml".into()
    }
    /// Part `n` (from 1) of a sitemap split by [`crate::render::sitemap`].
    pub fn sitemap_part(&self, n: usize) -> String {
        format!("/sitemaps/{n}.xml")
    }
    pub fn robots(&self) -> String {
        "/robots.txt".into()
    }
    /// The one "not found" page, in both languages (servers are pointed at it).
    pub fn not_found(&self) -> String {
        "/404.html".into()
    }
    /// Site path of a profile's share card; `file` is its content hash and
    /// extension (`3f9a….png`).
    pub fn profile_card(&self, lang: Lang, slug: &str, file: &str) -> String {
        format!("{}og.{file}", self.profile(lang, slug))
    }

    /// A link inside the site (adds the base URL's path).
    pub fn href(&self, path: &str) -> String {
        with_base(&self.cfg.base_path, path)
    }
    /// An absolute URL (canonical, feeds, sitemap).
    pub fn abs(&self, path: &str) -> String {
        format!("{}{path}", self.cfg.base_url)
    }
}

/// The link to site path `path` on a site published under `base_path`
/// (`/sub`, or "" at a domain's root): the one place a base path is added.
pub fn with_base(base_path: &str, path: &str) -> String {
    format!("{base_path}{path}")
}

/// The site path a request or link path (`/sub/dien-hinh/x/`) names on a
/// site published under `base_path`; `None` when it lies outside it.
pub fn without_base(base_path: &str, url_path: &str) -> Option<String> {
    if base_path.is_empty() {
        return Some(url_path.to_string());
    }
    match url_path.strip_prefix(base_path) {
        Some("") => Some("/".to_string()),
        Some(rest) if rest.starts_with('/') => Some(rest.to_string()),
        _ => None,
    }
}

/// The site path a built file is served at: `a/index.html` → `/a/` (the
/// inverse of [`output_file`]).
pub fn site_path_of(file: &str) -> String {
    match file.strip_suffix("index.html") {
        Some(dir) if dir.is_empty() || dir.ends_with('/') => format!("/{dir}"),
        _ => format!("/{file}"),
    }
}

/// Is `src`, as written in a profile's Markdown or `photo`, a file of the
/// profile's own folder (not an address, a site path or an anchor)?
pub fn is_local(src: &str) -> bool {
    !src.contains(':') && !src.starts_with('/') && !src.starts_with('#')
}

/// The output file of a site path: `/a/b/` → `a/b/index.html`.
pub fn output_file(path: &str) -> String {
    let p = path.trim_start_matches('/');
    if p.is_empty() || p.ends_with('/') {
        format!("{p}index.html")
    } else {
        p.to_string()
    }
}
