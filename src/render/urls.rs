//! The URL plan: the only place that knows where a page lives. Every other
//! stage asks here. Paths are site paths (`/dien-hinh/x/`); `href` adds the
//! base URL's path, `abs` the whole base URL.

use crate::config::{Config, Lang};
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
    /// The URL section name in `site.yaml` `paths`.
    pub fn section(self) -> &'static str {
        match self {
            Taxonomy::Field => "fields",
            Taxonomy::Commune => "communes",
            Taxonomy::Award => "awards",
            Taxonomy::Year => "years",
            Taxonomy::Kind => "kinds",
        }
    }
}

pub struct Urls<'a> {
    cfg: &'a Config,
}

impl<'a> Urls<'a> {
    pub fn new(cfg: &'a Config) -> Self {
        Urls { cfg }
    }

    fn prefix(lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => "",
            Lang::En => "/en",
        }
    }

    fn section(&self, lang: Lang, name: &str) -> String {
        format!("{}/{}/", Self::prefix(lang), self.cfg.section(lang, name))
    }

    /// Page `n` (1-based) of a listing whose first page is at `first`.
    pub fn paged(&self, lang: Lang, first: &str, n: usize) -> String {
        if n <= 1 {
            first.to_string()
        } else {
            format!("{first}{}/{n}/", self.cfg.section(lang, "page"))
        }
    }

    pub fn home(&self, lang: Lang) -> String {
        format!("{}/", Self::prefix(lang))
    }
    pub fn profiles(&self, lang: Lang) -> String {
        self.section(lang, "profiles")
    }
    pub fn profile(&self, lang: Lang, slug: &str) -> String {
        format!("{}{slug}/", self.profiles(lang))
    }
    /// Where a profile's bundle files (photos) are published: beside the Vietnamese page.
    pub fn bundle_file(&self, slug: &str, file: &str) -> String {
        format!("{}{file}", self.profile(Lang::Vi, slug))
    }
    pub fn congresses(&self, lang: Lang) -> String {
        self.section(lang, "congresses")
    }
    pub fn congress(&self, lang: Lang, number: u32) -> String {
        format!("{}{number}/", self.congresses(lang))
    }
    pub fn movements(&self, lang: Lang) -> String {
        self.section(lang, "movements")
    }
    pub fn movement(&self, lang: Lang, slug: &str) -> String {
        format!("{}{slug}/", self.movements(lang))
    }
    pub fn slogans(&self, lang: Lang) -> String {
        self.section(lang, "slogans")
    }
    pub fn statistics(&self, lang: Lang) -> String {
        self.section(lang, "statistics")
    }
    pub fn search(&self, lang: Lang) -> String {
        self.section(lang, "search")
    }
    pub fn page(&self, lang: Lang, slug: &str) -> String {
        format!("{}/{slug}/", Self::prefix(lang))
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
        format!("{}/atom.xml", Self::prefix(lang))
    }
    pub fn sitemap(&self) -> String {
        "/sitemap.xml".into()
    }

    /// A link inside the site (adds the base URL's path).
    pub fn href(&self, path: &str) -> String {
        format!("{}{path}", self.cfg.base_path)
    }
    /// An absolute URL (canonical, feeds, sitemap).
    pub fn abs(&self, path: &str) -> String {
        format!("{}{path}", self.cfg.base_url)
    }
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
