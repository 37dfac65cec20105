//! Offline reading: the service worker (`/sw.js`), the page a browser shows
//! without a network for a page it never stored, and the manifest of each
//! listing a reader may save (its pages, its profiles' pages, their sizes,
//! and the records the search page searches offline).
//!
//! A manifest needs the size of every page it lists, known only once the
//! pages are drawn, so the renderer keeps a [`Ledger`] while it draws and
//! writes the manifests at the end ([`super::Renderer::offline_manifests`]).

use super::routes::{Nav, Route};
use super::views::Views;
use crate::config::Lang;
use crate::output::OutFile;
use crate::paths::{self, Urls};
use crate::text::short_hash;
use crate::theme::Theme;
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;

/// The template of the offline page (not in the sitemap, not indexed).
pub const TEMPLATE: &str = "offline.html";

/// The theme's service worker source, published at [`paths::SERVICE_WORKER`]
/// rather than under `/assets/` (a worker controls only its own folder).
pub const WORKER_SOURCE: &str = "sw.js";

/// What the pages and the worker agree on.
pub struct Worker {
    /// The name of the worker's cache: the site's folder and a hash of the
    /// theme, so that a redeploy with a new theme installs a new worker, and
    /// two sites on one host never touch each other's caches.
    pub cache: String,
    pub file: OutFile,
}

/// The service worker of a site: the theme's source after one line of
/// settings (cache name, scope, offline pages, files stored at install).
pub fn worker(theme: &Theme, urls: &Urls, assets: &BTreeMap<String, String>) -> Worker {
    let source = theme
        .statics
        .get(WORKER_SOURCE)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let scope = urls.href("/");
    // The offline pages, and what they need to look like the site.
    let mut precache: Vec<String> = Lang::ALL
        .iter()
        .map(|l| urls.href(&urls.offline(*l)))
        .collect();
    precache.extend(
        ["style_css", "emblem_svg"]
            .iter()
            .filter_map(|k| assets.get(*k).cloned()),
    );
    let settings = json!({
        "scope": scope,
        "en": urls.href(&urls.home(Lang::En)),
        "offline": {"vi": precache[0], "en": precache[1]},
        "precache": precache,
    });
    // Everything the theme draws with: a change to any of it is a new site version.
    let mut all = Vec::new();
    let statics = theme.statics.iter().map(|(n, b)| (n, b.as_slice()));
    for (name, bytes) in statics.chain(theme.templates.iter().map(|(n, s)| (n, s.as_bytes()))) {
        all.extend_from_slice(name.as_bytes());
        all.extend_from_slice(bytes);
    }
    for strings in theme.strings.values() {
        for (k, v) in &strings.0 {
            all.extend_from_slice(format!("{k}={v}\n").as_bytes());
        }
    }
    all.extend_from_slice(settings.to_string().as_bytes());
    let cache = format!("guong:{scope}:{}", short_hash(&all));
    let mut settings = settings;
    settings["cache"] = Value::String(cache.clone());
    let mut body = format!("const G = {settings};\n").into_bytes();
    body.extend_from_slice(source);
    Worker {
        cache,
        file: OutFile::new(paths::output_file(paths::SERVICE_WORKER), body),
    }
}

/// The theme's strings offline.js says (`offline_*`, and the search's count).
pub fn strings(t: &crate::i18n::Strings) -> BTreeMap<&str, &str> {
    t.0.iter()
        .filter(|(k, _)| {
            k.starts_with("offline_") || k.starts_with("profile_count") || *k == "search_results"
        })
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

/// What the drawn pages tell the manifests: every page's size, and each
/// saveable listing's pages with the records of their profiles.
#[derive(Default)]
pub struct Ledger {
    inner: Mutex<Drawn>,
}

#[derive(Default)]
struct Drawn {
    /// Output file → bytes.
    sizes: HashMap<String, u64>,
    /// Manifest site path → the listing.
    listings: BTreeMap<String, Listing>,
}

struct Listing {
    lang: Lang,
    title: String,
    /// Its pages in order (site paths), each with its profiles' records.
    pages: Vec<(String, Vec<Value>)>,
}

/// The record offline search needs of a profile card: where it is, its
/// name, what it says and what it is (the fields of a search result).
fn record(card: &Value) -> Value {
    let name = card["name"].as_str().unwrap_or_default();
    let title = match card["honorific"].as_str() {
        Some(h) if !h.is_empty() => format!("{h} {name}"),
        _ => name.to_string(),
    };
    let meta: Vec<&str> = ["kind_label", "field_label"]
        .iter()
        .filter_map(|k| card[*k].as_str())
        .collect();
    json!({"u": card["href"], "t": title, "s": card["summary"], "m": meta.join(" · "), "l": card["text_lang"]})
}

impl Ledger {
    /// Note a batch of drawn pages: their sizes, and the records of the
    /// saveable listing pages among them (`(route, page view)`).
    pub fn note(&self, files: &[OutFile], listings: Vec<(&Route, &Value)>) {
        let mut d = self.inner.lock().expect("ledger lock");
        for f in files {
            d.sizes.insert(f.path.clone(), f.bytes.len() as u64);
        }
        for (r, page) in listings {
            let Some(manifest) = &r.offline else { continue };
            let records: Vec<Value> = page["cards"]
                .as_array()
                .into_iter()
                .flatten()
                .map(record)
                .collect();
            let listing = d
                .listings
                .entry(manifest.clone())
                .or_insert_with(|| Listing {
                    lang: r.lang,
                    title: page["heading"].as_str().unwrap_or_default().to_string(),
                    pages: Vec::new(),
                });
            // A page drawn again (`serve`) replaces its first drawing.
            match listing.pages.iter_mut().find(|(p, _)| *p == r.path) {
                Some(slot) => slot.1 = records,
                None => listing.pages.push((r.path.clone(), records)),
            }
        }
    }

    /// Every saveable listing's manifest. `shared` are the files offline
    /// search needs besides the pages and the search page of the listing's
    /// language: (href, output file).
    pub fn manifests(
        &self,
        urls: &Urls,
        base_path: &str,
        shared: &[(String, String)],
    ) -> Vec<OutFile> {
        let d = self.inner.lock().expect("ledger lock");
        let size = |file: &str| d.sizes.get(file).copied().unwrap_or(0);
        let of_href = |href: &str| {
            paths::without_base(base_path, href)
                .map(|p| size(&paths::output_file(&p)))
                .unwrap_or(0)
        };
        d.listings
            .iter()
            .flat_map(|(manifest, l)| {
                let mut files: Vec<(String, u64)> = l
                    .pages
                    .iter()
                    .map(|(p, _)| (urls.href(p), size(&paths::output_file(p))))
                    .collect();
                let records: Vec<&Value> = l.pages.iter().flat_map(|(_, r)| r).collect();
                files.extend(records.iter().map(|r| {
                    let href = r["u"].as_str().unwrap_or_default();
                    (href.to_string(), of_href(href))
                }));
                let search = urls.search(l.lang);
                let mut needs = vec![(urls.href(&search), size(&paths::output_file(&search)))];
                needs.extend(shared.iter().map(|(href, file)| (href.clone(), size(file))));
                let bytes: u64 = files.iter().chain(&needs).map(|f| f.1).sum();
                // The summary is what every visit to the listing fetches (to
                // say the size before anything is stored): a few hundred
                // bytes, however long the listing.
                let list = paths::offline_list(&l.pages[0].0);
                let summary = json!({
                    "v": 1,
                    "lang": l.lang.code(),
                    "title": l.title,
                    "listing": urls.href(&l.pages[0].0),
                    "profiles": records.len(),
                    "bytes": bytes,
                    "list": urls.href(&list),
                });
                let full = json!({"files": files, "shared": needs, "records": records});
                [(manifest.clone(), summary), (list, full)].map(|(path, body)| {
                    let bytes = serde_json::to_vec(&body).expect("JSON");
                    OutFile::new(paths::output_file(&path), bytes)
                })
            })
            .collect()
    }

    /// The size of an asset as published, for [`Ledger::manifests`].
    pub fn note_assets(&self, files: &[OutFile]) {
        self.note(files, Vec::new());
    }
}

impl<'a> Views<'a> {
    /// The page a browser shows without a network for a page it never stored.
    pub(super) fn offline_page(&self, lang: Lang) -> Route<'a> {
        let t = self.t(lang);
        let heading = t.get("offline_title").to_string();
        let page = json!({
            "heading": heading,
            "search_href": self.urls.href(&self.urls.search(lang)),
        });
        Route::new(
            lang,
            self.urls.offline(lang),
            self.urls.offline(lang.other()),
            TEMPLATE,
            Nav::None,
            heading,
            t.get("offline_text").into(),
            page,
        )
    }
}
