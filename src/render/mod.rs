//! The render stage: the site model and theme in, HTML and XML files out.
//! Owns the view models (`views`) and the pages (`routes`, with the
//! taxonomy pages in `taxonomies`); asks `paths` where each lives, and
//! writes nothing itself (that is `output`'s job).

mod charts;
pub(crate) mod feeds;
mod offline;
mod print;
mod routes;
pub mod sitemap;
mod slogans;
mod taxonomies;
mod views;

use crate::config::Lang;
use crate::error::{Diagnostic, Location};
use crate::images::Images;
use crate::messages::msg;
use crate::output::{OutFile, Sink};
use crate::paths::{self, Urls};
use crate::scope::Scope;
use crate::site::Site;
use crate::text::{escape_html, short_hash};
use crate::theme::Theme;
use rayon::prelude::*;
use routes::{Nav, Route};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::Path;

/// Theme assets under `/assets/`, CSS with a content hash in its name.
fn assets(theme: &Theme, urls: &Urls) -> (BTreeMap<String, String>, Vec<OutFile>) {
    let mut hrefs = BTreeMap::new();
    let mut files = Vec::new();
    for (name, bytes) in &theme.statics {
        if name == offline::WORKER_SOURCE {
            continue; // published at the root, see `offline::worker`
        }
        let published = match name.rsplit_once('.') {
            Some((stem, ext @ ("css" | "js"))) => format!("{stem}.{}.{ext}", short_hash(bytes)),
            _ => name.clone(),
        };
        let path = paths::asset(&published);
        hrefs.insert(name.replace(['.', '/', '-'], "_"), urls.href(&path));
        files.push(OutFile::new(paths::output_file(&path), bytes.clone()));
    }
    (hrefs, files)
}

fn tera(theme: &Theme, cfg_theme: &str) -> Result<tera::Tera, Vec<Diagnostic>> {
    let mut tera = tera::Tera::default();
    tera.autoescape_on(vec![".html"]);
    tera.set_escape_fn(escape_html);
    let templates: Vec<(&str, &str)> = theme
        .templates
        .iter()
        .map(|(n, s)| (n.as_str(), s.as_str()))
        .collect();
    tera.add_raw_templates(templates)
        .map_err(|e| vec![template_error(&e, cfg_theme, None)])?;
    Ok(tera)
}

fn template_error(e: &tera::Error, theme: &str, template: Option<&str>) -> Diagnostic {
    let mut chain = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        chain.push_str(": ");
        chain.push_str(&s.to_string());
        source = s.source();
    }
    let path = match template {
        Some(t) => Path::new("themes").join(theme).join("templates").join(t),
        None => Path::new("themes").join(theme).join("templates"),
    };
    Diagnostic::error(Location::file(path), msg!("G0601", error = chain)).help(msg!("G0601.help"))
}

struct Common<'v, 'a> {
    views: &'v views::Views<'a>,
    assets: BTreeMap<String, String>,
    /// The service worker's cache name.
    cache: &'v str,
}

impl Common<'_, '_> {
    /// Context shared by every page: language, strings, navigation, alternates.
    fn context(&self, r: &Route, page: Value) -> Value {
        let v = self.views;
        let (u, lang, t) = (&v.urls, r.lang, v.t(r.lang));
        let site_title = v.site.config.title.text(lang);
        let nav: Vec<Value> = Nav::MENU
            .iter()
            .filter_map(|section| {
                let path = match section {
                    Nav::Home => u.home(lang),
                    Nav::Profiles => u.profiles(lang),
                    Nav::Congresses => u.congresses(lang),
                    Nav::Movements => u.movements(lang),
                    Nav::Slogans => u.slogans(lang),
                    Nav::Statistics => u.statistics(lang),
                    Nav::About => u.page(lang, &v.site.pages.iter().find(|p| p.slug == v.site.config.about_page)?.slug),
                    Nav::Search | Nav::None => return None,
                };
                let label = t.get(&format!("nav_{}", section.key())).to_string();
                Some(json!({"href": u.href(&path), "label": label, "current": r.section == *section}))
            })
            .collect();
        let (vi_path, en_path) = match (&r.alt_path, lang) {
            (Some(alt), Lang::Vi) => (r.path.clone(), alt.clone()),
            (Some(alt), Lang::En) => (alt.clone(), r.path.clone()),
            (None, _) => (u.home(Lang::Vi), u.home(Lang::En)),
        };
        let alternates = if r.alt_path.is_some() {
            json!([
                {"hreflang": "vi", "href": u.abs(&vi_path)},
                {"hreflang": "en", "href": u.abs(&en_path)},
                {"hreflang": "x-default", "href": u.abs(&vi_path)},
            ])
        } else {
            json!([])
        };
        let other = lang.other();
        let switch_path = r.alt_path.clone().unwrap_or_else(|| u.home(other));
        let full_title = if r.template == "index.html" {
            site_title.to_string()
        } else {
            format!("{} | {site_title}", r.title)
        };
        // Share previews (Facebook, Zalo): the profile's card, else the site's.
        let card = r.card.as_ref().or_else(|| v.images.site_cards.get(&lang));
        let og = json!({
            "type": r.og_type,
            "image": card.map(|c| u.abs(&c.path)),
            "width": card.map(|c| c.width),
            "height": card.map(|c| c.height),
            "locale": if lang == Lang::Vi { "vi_VN" } else { "en_US" },
            "alternate_locale": if lang == Lang::Vi { "en_US" } else { "vi_VN" },
        });
        json!({
            "lang": lang.code(),
            "text_lang": r.text_lang.code(),
            "untranslated": r.text_lang != lang,
            "t": t.0,
            "site": {
                "title": site_title,
                "description": v.site.config.description.as_ref().map(|d| d.text(lang)),
                "base_url": v.site.config.base_url,
                "footer": v.footer(lang),
            },
            "title": r.title,
            "full_title": full_title,
            "og": og,
            "description": r.description,
            "canonical": u.abs(&r.path),
            "alternates": alternates,
            "switch": {"href": u.href(&switch_path), "lang": other.code(), "label": v.t(other).get("language_name")},
            "nav": nav,
            "section": r.section.key(),
            "assets": self.assets,
            "home_href": u.href(&u.home(lang)),
            "search_href": u.href(&u.search(lang)),
            "feed_href": u.href(&u.feed(lang)),
            "offline": {
                "worker": u.href(paths::SERVICE_WORKER),
                "scope": u.href("/"),
                "cache": self.cache,
                "manifest": r.offline.as_ref().map(|m| u.href(m)),
                // What offline.js says, on the pages that load it.
                "strings": (r.offline.is_some() || [SEARCH_TEMPLATE, offline::TEMPLATE].contains(&r.template))
                    .then(|| offline::strings(t)),
            },
            "page": page,
        })
    }
}

/// Render every page, feed and asset of the site.
pub fn render(
    site: &Site,
    theme: &Theme,
    images: &Images,
    search: &crate::search::SearchIndex,
) -> Result<Vec<OutFile>, Vec<Diagnostic>> {
    Renderer::new(site, theme)?.render(site, images, search, &Scope::All)
}

/// The template of the search pages, the only pages that need the index.
pub const SEARCH_TEMPLATE: &str = "search.html";

/// The templates, parsed once, and the theme's assets: `serve` keeps one
/// and redraws a few pages with it after each edit.
pub struct Renderer {
    tera: tera::Tera,
    theme: String,
    strings: BTreeMap<Lang, crate::i18n::Strings>,
    asset_hrefs: BTreeMap<String, String>,
    asset_files: Vec<OutFile>,
    worker: offline::Worker,
    ledger: offline::Ledger,
}

impl Renderer {
    pub fn new(site: &Site, theme: &Theme) -> Result<Renderer, Vec<Diagnostic>> {
        let urls = Urls::new(&site.config);
        let (asset_hrefs, asset_files) = assets(theme, &urls);
        let worker = offline::worker(theme, &urls, &asset_hrefs);
        let ledger = offline::Ledger::default();
        ledger.note_assets(&asset_files);
        Ok(Renderer {
            tera: tera(theme, &site.config.theme)?,
            theme: site.config.theme.clone(),
            strings: theme.strings.clone(),
            asset_hrefs,
            asset_files,
            worker,
            ledger,
        })
    }

    /// The manifest of every listing a reader may save for offline reading,
    /// once every page (the search pages too) has been drawn.
    pub fn offline_manifests(&self, site: &Site) -> Vec<OutFile> {
        let urls = Urls::new(&site.config);
        // Offline search runs on the search page with these.
        let shared: Vec<(String, String)> = ["style_css", "search_js", "offline_js"]
            .iter()
            .filter_map(|k| self.asset_hrefs.get(*k))
            .filter_map(|href| {
                let path = paths::without_base(&site.config.base_path, href)?;
                Some((href.clone(), paths::output_file(&path)))
            })
            .collect();
        self.ledger
            .manifests(&urls, &site.config.base_path, &shared)
    }

    /// Render the pages of `scope`: a profile's own pages when its slug is in
    /// scope, shared pages (listings, feeds) when the scope is shared.
    pub fn render(
        &self,
        site: &Site,
        images: &Images,
        search: &crate::search::SearchIndex,
        scope: &Scope,
    ) -> Result<Vec<OutFile>, Vec<Diagnostic>> {
        let mut all = Vec::new();
        self.render_into(site, images, Some(search), scope, &mut |files| {
            all.extend(files);
            Ok(())
        })?;
        all.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(all)
    }

    /// Like [`Renderer::render`], handing the files to `sink` a batch at a
    /// time instead of keeping them. With no `search` index (a build still
    /// indexing) the search pages are left for [`Renderer::render_search_pages`].
    pub fn render_into(
        &self,
        site: &Site,
        images: &Images,
        search: Option<&crate::search::SearchIndex>,
        scope: &Scope,
        sink: Sink,
    ) -> Result<(), Vec<Diagnostic>> {
        let pending = crate::search::SearchIndex::default();
        let views = views::Views::new(
            site,
            self.strings.clone(),
            images,
            search.unwrap_or(&pending),
        );
        let all = match scope {
            Scope::Profiles(_) => Vec::new(),
            // The cards changed but no list did: other profiles' pages (and
            // so the sitemap) stay as they are.
            Scope::Cards(_) => crate::timing::timed("routes", || views.routes_but(true)),
            _ => crate::timing::timed("routes", || views.routes()),
        };
        let routes: Vec<&Route> = all
            .iter()
            .filter(|r| match &r.page {
                routes::PageData::Profile(p) => scope.profile(&p.slug),
                routes::PageData::Listing(_, cards) => {
                    scope.listing(cards.iter().map(|p| p.slug.as_str()))
                }
                routes::PageData::Ready(_) => true,
            })
            // No index yet: the search pages are drawn by `render_search_pages`.
            .filter(|r| search.is_some() || r.template != SEARCH_TEMPLATE)
            .collect();
        let own = match scope {
            Scope::Profiles(slugs) | Scope::Cards(slugs) => views.profile_routes(slugs),
            _ => Vec::new(),
        };
        self.draw(
            &views,
            routes.into_iter().chain(&own).collect(),
            scope,
            sink,
        )?;
        if matches!(scope, Scope::All | Scope::Shared(_)) {
            sink(feeds::sitemap(&views.urls, &all))?;
        }
        Ok(())
    }

    /// The search pages alone, pointing at `search` (a rebuilt index).
    pub fn render_search_pages(
        &self,
        site: &Site,
        images: &Images,
        search: &crate::search::SearchIndex,
    ) -> Result<Vec<OutFile>, Vec<Diagnostic>> {
        let views = views::Views::new(site, self.strings.clone(), images, search);
        let routes: Vec<Route> = Lang::ALL.iter().map(|l| views.search(*l)).collect();
        let mut files = Vec::new();
        self.draw(
            &views,
            routes.iter().collect(),
            &Scope::Profiles(Default::default()),
            &mut |f| {
                files.extend(f);
                Ok(())
            },
        )?;
        Ok(files)
    }

    /// Draw `routes` a batch at a time into `sink`, with the assets and
    /// feeds of the scope. Every template error of the run is reported.
    fn draw<'a>(
        &self,
        views: &views::Views<'a>,
        routes: Vec<&Route<'a>>,
        scope: &Scope,
        sink: Sink,
    ) -> Result<(), Vec<Diagnostic>> {
        let site = views.site;
        if scope.all() {
            let mut files = self.asset_files.clone();
            files.push(self.worker.file.clone());
            sink(files)?;
        }
        let common = Common {
            views,
            assets: self.asset_hrefs.clone(),
            cache: &self.worker.cache,
        };
        let mut errors: Vec<Diagnostic> = Vec::new();
        // Enough pages to keep every core busy, few enough to keep memory flat.
        for batch in routes.chunks(2048) {
            type Drawn = (OutFile, Option<Value>);
            let pages: Vec<Result<Drawn, Diagnostic>> = batch
                .par_iter()
                .map(|r| {
                    let page = views.page_value(r);
                    // A saveable listing's cards become its manifest's records.
                    let saved = r.offline.is_some().then(|| page.clone());
                    let ctx = tera::Context::from_value(common.context(r, page))
                        .map_err(|e| template_error(&e, &self.theme, Some(r.template)))?;
                    let html = self
                        .tera
                        .render(r.template, &ctx)
                        .map_err(|e| template_error(&e, &self.theme, Some(r.template)))?;
                    let file = OutFile::new(paths::output_file(&r.path), html).drawn_by(r.template);
                    Ok((file, saved))
                })
                .collect();
            let mut files = Vec::with_capacity(pages.len());
            let mut listings = Vec::new();
            for (r, p) in batch.iter().zip(pages) {
                match p {
                    Ok((f, saved)) => {
                        files.push(f);
                        if let Some(page) = saved {
                            listings.push((*r, page));
                        }
                    }
                    Err(d) => {
                        if !errors.contains(&d) {
                            errors.push(d);
                        }
                    }
                }
            }
            self.ledger
                .note(&files, listings.iter().map(|(r, p)| (*r, p)).collect());
            if errors.is_empty() {
                sink(files)?;
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        if scope.shared() {
            let mut files: Vec<OutFile> = Lang::ALL
                .iter()
                .map(|lang| feeds::atom(site, &views.urls, *lang))
                .collect();
            files.push(feeds::robots(&views.urls));
            sink(files)?;
        }
        Ok(())
    }
}
