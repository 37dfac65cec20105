//! Every page of the site as a [`Route`]: where it lives (in both languages),
//! which template draws it, and its page-specific view model.

use super::views::Views;
use crate::config::Lang;
use crate::i18n::format_number;
use crate::paths::{Taxonomy, Urls};
use crate::site::{Date, Profile};
use crate::text::truncate;
use serde_json::{json, Value};

/// A page's view model, or what to build it from when the page is drawn:
/// tens of thousands of profile pages are never all held in memory at once.
pub enum PageData<'a> {
    Ready(Value),
    Profile(&'a Profile),
    /// A listing: its fixed part, and the profiles whose cards go in `cards`.
    Listing(Value, Vec<&'a Profile>),
}

/// The entries of the navigation; every page belongs to one, or to none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    Home,
    Profiles,
    Congresses,
    Movements,
    Slogans,
    Statistics,
    About,
    Search,
    None,
}

impl Nav {
    /// The menu, in order (the search page is reached from the search box).
    pub const MENU: [Nav; 7] = [
        Nav::Home,
        Nav::Profiles,
        Nav::Congresses,
        Nav::Movements,
        Nav::Slogans,
        Nav::Statistics,
        Nav::About,
    ];

    /// As the templates see it (`<body class="section-…">`).
    pub fn key(self) -> &'static str {
        match self {
            Nav::Home => "home",
            Nav::Profiles => "profiles",
            Nav::Congresses => "congresses",
            Nav::Movements => "movements",
            Nav::Slogans => "slogans",
            Nav::Statistics => "statistics",
            Nav::About => "about",
            Nav::Search => "search",
            Nav::None => "",
        }
    }
}

pub struct Route<'a> {
    pub lang: Lang,
    pub path: String,
    /// The same page in the other language (none for the shared 404 page).
    pub alt_path: Option<String>,
    pub template: &'static str,
    pub title: String,
    pub description: String,
    /// The navigation entry this page belongs to.
    pub section: Nav,
    /// Language of the main text (Vietnamese on an untranslated English page).
    pub text_lang: Lang,
    pub lastmod: Option<Date>,
    pub page: PageData<'a>,
    /// The share card of the page, when it has its own.
    pub card: Option<crate::images::Card>,
    /// Open Graph type: `profile`, `article` or `website`.
    pub og_type: &'static str,
    /// On a listing a reader may save for offline reading: the site path of
    /// the listing's manifest (`/linh-vuc/x/offline.json`), on every page of it.
    pub offline: Option<String>,
}

impl<'a> Route<'a> {
    // Every route needs all of these; a builder would only rename the arguments.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn new(
        lang: Lang,
        path: String,
        alt: String,
        template: &'static str,
        section: Nav,
        title: String,
        description: String,
        page: impl Into<PageData<'a>>,
    ) -> Self {
        let og_type = match template {
            "index.html" | "listing.html" | "taxonomy.html" | "search.html" => "website",
            _ => "article",
        };
        Route {
            lang,
            path,
            alt_path: Some(alt),
            template,
            title,
            description,
            section,
            text_lang: lang,
            lastmod: None,
            page: page.into(),
            card: None,
            og_type,
            offline: None,
        }
    }
}

impl From<Value> for PageData<'_> {
    fn from(v: Value) -> Self {
        PageData::Ready(v)
    }
}

/// Profiles sorted the way readers look names up: by folded name, then slug.
pub fn by_name<'a>(profiles: impl Iterator<Item = &'a Profile>) -> Vec<&'a Profile> {
    let mut v: Vec<&Profile> = profiles.collect();
    v.sort_by(|a, b| (&a.name_key, &a.slug).cmp(&(&b.name_key, &b.slug)));
    v
}

/// Newest first, then by name: for "latest" and feeds.
pub fn by_date(profiles: &[Profile]) -> Vec<&Profile> {
    let mut v = by_name(profiles.iter());
    v.sort_by_key(|p| std::cmp::Reverse(p.date));
    v
}

impl<'a> Views<'a> {
    /// The view model of a route's page.
    pub fn page_value(&self, r: &Route<'a>) -> Value {
        match &r.page {
            PageData::Ready(v) => v.clone(),
            PageData::Profile(p) => self.profile(p, r.lang),
            PageData::Listing(v, profiles) => {
                let mut v = v.clone();
                v["cards"] = Value::Array(profiles.iter().map(|p| self.card(p, r.lang)).collect());
                v
            }
        }
    }

    /// The pages of just these profiles, in both languages.
    pub fn profile_routes(&self, slugs: &std::collections::BTreeSet<String>) -> Vec<Route<'a>> {
        let mut routes = Vec::new();
        for lang in Lang::ALL {
            for p in self
                .site
                .profiles
                .iter()
                .filter(|p| slugs.contains(&p.slug))
            {
                routes.push(self.profile_route(p, lang));
            }
        }
        routes
    }

    pub fn routes(&self) -> Vec<Route<'a>> {
        self.routes_but(false)
    }

    /// Every route, or every route but the profiles' own pages.
    pub fn routes_but(&self, without_profiles: bool) -> Vec<Route<'a>> {
        let mut routes = Vec::new();
        for lang in Lang::ALL {
            routes.push(self.home(lang));
            routes.extend(self.listing(
                lang,
                |u, l| u.profiles(l),
                self.t(lang).get("profiles_title").to_string(),
                None,
                by_name(self.site.profiles.iter()),
                Nav::Profiles,
                json!({}),
            ));
            if !without_profiles {
                for p in &self.site.profiles {
                    routes.push(self.profile_route(p, lang));
                }
            }
            routes.extend(self.taxonomies(lang));
            routes.extend(self.congress_routes(lang));
            routes.extend(self.movement_routes(lang));
            routes.push(self.slogans(lang));
            routes.push(self.statistics(lang));
            routes.push(self.search(lang));
            routes.push(self.offline_page(lang));
            for page in &self.site.pages {
                let (text, text_lang) = page.text.get(lang);
                let desc = text
                    .summary
                    .clone()
                    .unwrap_or_else(|| truncate(&crate::markdown::plain_text(&text.body), 160));
                let page_view = json!({"title": text.title, "body_html": crate::markdown::render(&text.body, 2), "untranslated": lang != text_lang});
                let mut r = Route::new(
                    lang,
                    self.urls.page(lang, &page.slug),
                    self.urls.page(lang.other(), &page.slug),
                    "page.html",
                    Nav::About,
                    text.title.clone(),
                    desc,
                    page_view,
                );
                r.text_lang = text_lang;
                routes.push(r);
            }
        }
        routes.push(Route {
            lang: Lang::Vi,
            path: self.urls.not_found(),
            alt_path: None,
            template: "404.html",
            title: self.t(Lang::Vi).get("not_found_title").into(),
            description: self.t(Lang::Vi).get("not_found_text").into(),
            section: Nav::None,
            text_lang: Lang::Vi,
            lastmod: None,
            page: PageData::Ready(json!({"en": self.t(Lang::En).0, "home_en": self.urls.href(&self.urls.home(Lang::En))})),
            card: None,
            og_type: "website",
            offline: None,
        });
        routes
    }

    fn home(&self, lang: Lang) -> Route<'a> {
        let featured: Vec<Value> = by_name(self.site.profiles.iter().filter(|p| p.featured))
            .into_iter()
            .take(6)
            .map(|p| self.card(p, lang))
            .collect();
        let latest: Vec<Value> = by_date(&self.site.profiles)
            .into_iter()
            .take(6)
            .map(|p| self.card(p, lang))
            .collect();
        let slogan = self.site.data.slogans.first().map(|s| {
            let local = crate::config::LocalText {
                vi: s.vi.clone(),
                en: s.en.clone(),
            };
            let (text, l) = local.get(lang);
            json!({"text": text, "lang": l.code()})
        });
        let congresses: Vec<Value> = self
            .site
            .congresses
            .iter()
            .map(|c| self.congress(c, lang))
            .collect();
        let headline: Vec<Value> = self
            .site
            .data
            .statistics
            .charts
            .iter()
            .map(|c| {
                json!({
                    "value": format_number(c.bars.iter().map(|b| b.value).sum(), lang),
                    "label": c.total_label.as_ref().unwrap_or(&c.title).text(lang),
                    // Each figure leads to the chart it sums, where its parts are.
                    "href": format!("{}#h-{}", self.urls.href(&self.urls.statistics(lang)), c.id),
                })
            })
            .collect();
        let page = json!({
            "featured": featured, "latest": latest, "slogan": slogan, "congresses": congresses, "headline": headline,
            "profiles_href": self.urls.href(&self.urls.profiles(lang)),
            "statistics_href": self.urls.href(&self.urls.statistics(lang)),
            "congresses_href": self.urls.href(&self.urls.congresses(lang)),
            "slogans_href": self.urls.href(&self.urls.slogans(lang)),
            "profile_count": format_number(self.site.profiles.len() as u64, lang),
        });
        let desc = self
            .site
            .config
            .description
            .as_ref()
            .map(|d| d.text(lang).to_string())
            .unwrap_or_default();
        Route::new(
            lang,
            self.urls.home(lang),
            self.urls.home(lang.other()),
            "index.html",
            Nav::Home,
            self.site.config.title.text(lang).to_string(),
            desc,
            page,
        )
    }

    fn profile_route(&self, p: &'a Profile, lang: Lang) -> Route<'a> {
        let (text, text_lang) = p.text.get(lang);
        let title = match &text.honorific {
            Some(h) => format!("{h} {}", text.name),
            None => text.name.clone(),
        };
        let mut r = Route::new(
            lang,
            self.urls.profile(lang, &p.slug),
            self.urls.profile(lang.other(), &p.slug),
            "profile.html",
            Nav::Profiles,
            title,
            text.summary.clone(),
            PageData::Profile(p),
        );
        r.text_lang = text_lang;
        r.lastmod = Some(p.date);
        r.card = self.images.cards.get(&(p.slug.clone(), lang)).cloned();
        r.og_type = "profile";
        r
    }

    /// A paginated list of profiles whose first page is `first(urls, lang)`.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn listing(
        &self,
        lang: Lang,
        first: impl Fn(&Urls, Lang) -> String,
        heading: String,
        intro: Option<String>,
        profiles: Vec<&'a Profile>,
        section: Nav,
        extra: Value,
    ) -> Vec<Route<'a>> {
        let size = self.site.config.paginate;
        let pages = profiles.len().div_ceil(size).max(1);
        let (first_here, first_there) = (first(&self.urls, lang), first(&self.urls, lang.other()));
        let t = self.t(lang);
        let count = t.with_n(
            if profiles.len() == 1 {
                "profile_count_one"
            } else {
                "profile_count"
            },
            &format_number(profiles.len() as u64, lang),
        );
        (1..=pages)
            .map(|n| {
                let chunk: Vec<&'a Profile> = profiles.iter().skip((n - 1) * size).take(size).copied().collect();
                let href = |k: usize| self.urls.href(&self.urls.paged(lang, &first_here, k));
                // First, last and the neighbours of the current page, with gaps
                // marked: hundreds of page links help nobody on a phone.
                let window: Vec<Value> = page_window(n, pages)
                    .into_iter()
                    .map(|k| match k {
                        Some(k) => json!({"n": k, "href": href(k), "current": k == n}),
                        None => json!({"gap": true}),
                    })
                    .collect();
                let pagination = (pages > 1).then(|| json!({
                    "prev": (n > 1).then(|| href(n - 1)),
                    "next": (n < pages).then(|| href(n + 1)),
                    "pages": window,
                    "label": t.with_n("page_n", &n.to_string()),
                }));
                let title = if n > 1 { format!("{heading} – {}", t.with_n("page_n", &n.to_string())) } else { heading.clone() };
                let page = json!({"heading": heading, "intro": intro, "count": count, "pagination": pagination, "extra": extra});
                let desc = intro.clone().unwrap_or_else(|| format!("{heading}: {count}"));
                Route::new(lang, self.urls.paged(lang, &first_here, n), self.urls.paged(lang.other(), &first_there, n), "listing.html", section, title, desc, PageData::Listing(page, chunk))
            })
            .collect()
    }

    fn congress_routes(&self, lang: Lang) -> Vec<Route<'a>> {
        let t = self.t(lang);
        let items: Vec<Value> = self
            .site
            .congresses
            .iter()
            .map(|c| self.congress(c, lang))
            .collect();
        let heading = t.get("congresses_title").to_string();
        let mut routes = vec![Route::new(
            lang,
            self.urls.congresses(lang),
            self.urls.congresses(lang.other()),
            "congresses.html",
            Nav::Congresses,
            heading.clone(),
            t.get("congresses_intro").into(),
            json!({"heading": heading, "items": items}),
        )];
        for (i, c) in self.site.congresses.iter().enumerate() {
            let mut view = self.congress(c, lang);
            let nav = |j: Option<usize>| {
                j.and_then(|j| self.site.congresses.get(j)).map(|o| json!({"href": self.urls.href(&self.urls.congress(lang, o.number)), "numeral": crate::i18n::roman(o.number)}))
            };
            view["prev"] = nav(i.checked_sub(1)).unwrap_or(Value::Null);
            view["next"] = nav(Some(i + 1)).unwrap_or(Value::Null);
            let (text, text_lang) = c.text.get(lang);
            let desc = format!(
                "{} ({}): {}",
                text.title,
                c.year,
                view["theme"].as_str().unwrap_or_default()
            );
            let mut r = Route::new(
                lang,
                self.urls.congress(lang, c.number),
                self.urls.congress(lang.other(), c.number),
                "congress.html",
                Nav::Congresses,
                text.title.clone(),
                desc,
                view,
            );
            r.text_lang = text_lang;
            routes.push(r);
        }
        routes
    }

    fn movement_routes(&self, lang: Lang) -> Vec<Route<'a>> {
        let t = self.t(lang);
        let heading = t.get("movements_title").to_string();
        let groups: Vec<Value> = [crate::site::LaunchedBy::PrimeMinister, crate::site::LaunchedBy::Province, crate::site::LaunchedBy::Sector]
            .iter()
            .filter_map(|by| {
                let items: Vec<Value> = self.site.movements.iter().filter(|m| m.launched_by == *by).map(|m| self.movement_summary(m, lang)).collect();
                (!items.is_empty()).then(|| json!({"heading": t.get(&format!("movements_by_{}", by.key().replace('-', "_"))), "items": items}))
            })
            .collect();
        let mut routes = vec![Route::new(
            lang,
            self.urls.movements(lang),
            self.urls.movements(lang.other()),
            "movements.html",
            Nav::Movements,
            heading.clone(),
            t.get("movements_intro").into(),
            json!({"heading": heading, "groups": groups}),
        )];
        for m in &self.site.movements {
            let (text, text_lang) = m.text.get(lang);
            let mut view = self.movement_summary(m, lang);
            view["body_html"] = Value::String(crate::markdown::render(&text.body, 2));
            view["untranslated"] = Value::Bool(lang != text_lang);
            view["profiles"] = Value::Array(
                by_name(
                    self.site
                        .profiles
                        .iter()
                        .filter(|p| p.movements.contains(&m.slug)),
                )
                .into_iter()
                .map(|p| self.card(p, lang))
                .collect(),
            );
            let desc = truncate(&crate::markdown::plain_text(&text.body), 160);
            let mut r = Route::new(
                lang,
                self.urls.movement(lang, &m.slug),
                self.urls.movement(lang.other(), &m.slug),
                "movement.html",
                Nav::Movements,
                text.title.clone(),
                desc,
                view,
            );
            r.text_lang = text_lang;
            routes.push(r);
        }
        routes
    }

    fn statistics(&self, lang: Lang) -> Route<'a> {
        let t = self.t(lang);
        let stats = &self.site.data.statistics;
        let charts: Vec<Value> = stats
            .charts
            .iter()
            .map(|c| super::charts::chart(c, lang))
            .collect();
        let heading = t.get("statistics_title").to_string();
        let page = json!({"heading": heading, "period": stats.period, "source": stats.source.as_ref().map(|s| s.text(lang).to_string()), "charts": charts});
        Route::new(
            lang,
            self.urls.statistics(lang),
            self.urls.statistics(lang.other()),
            "statistics.html",
            Nav::Statistics,
            heading,
            t.get("statistics_intro").into(),
            page,
        )
    }

    pub fn search(&self, lang: Lang) -> Route<'a> {
        let t = self.t(lang);
        let heading = t.get("search_title").to_string();
        let browse: Vec<Value> = [Taxonomy::Field, Taxonomy::Commune, Taxonomy::Award, Taxonomy::Year]
            .iter()
            .map(|tax| (tax, self.term_links(lang, *tax)))
            // A taxonomy with no published term has no listing to offer.
            .filter(|(_, terms)| !terms.is_empty())
            .map(|(tax, terms)| json!({"heading": t.get(&format!("taxonomy_{}", tax.key())), "href": self.urls.href(&self.urls.taxonomy(lang, *tax)), "terms": terms}))
            .collect();
        Route::new(
            lang,
            self.urls.search(lang),
            self.urls.search(lang.other()),
            super::SEARCH_TEMPLATE,
            Nav::Search,
            heading.clone(),
            t.get("search_intro").into(),
            json!({
                "heading": heading,
                "browse": browse,
                "index": self.search.base.get(&lang).map(|b| self.urls.href(b)),
                // The English index is stemmed: its page loads the stemmer (stem-en.js).
                "stemmed": crate::search::analyze::Analyzer::for_lang(lang).stem,
                "filters": self.search.filters.get(&lang).into_iter().flatten().map(|f| json!({
                    "name": f.facet.name(), "label": t.get(&format!("facet_{}", f.facet.name())),
                    "values": f.values.iter().map(|(key, label, n)| json!({"key": key, "label": label, "count": format_number(*n as u64, lang)})).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
                // What the search script says, from the theme's strings.
                "strings": {
                    "results": t.get("search_results"), "no_results": t.get("search_no_results"), "all": t.get("search_all"),
                    "facet_kind": t.get("facet_kind"), "facet_field": t.get("facet_field"), "facet_commune": t.get("facet_commune"),
                    "facet_award": t.get("facet_award"), "facet_year": t.get("facet_year"),
                    "suggest": t.get("search_suggest"), "more": t.get("search_more"), "showing": t.get("search_showing"),
                    "remove_filter": t.get("search_remove_filter"),
                },
            }),
        )
    }
}

/// Page numbers to link from page `n` of `pages`: the first, the last and
/// `n` ± 2, with `None` where numbers are left out.
pub fn page_window(n: usize, pages: usize) -> Vec<Option<usize>> {
    let mut out: Vec<Option<usize>> = Vec::new();
    for k in 1..=pages {
        if k == 1 || k == pages || k.abs_diff(n) <= 2 {
            out.push(Some(k));
        } else if out.last().is_some_and(|l| l.is_some()) {
            out.push(None);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::page_window;

    #[test]
    fn pagination_links_a_window_not_every_page() {
        let w = |n, p| {
            page_window(n, p)
                .into_iter()
                .map(|k| k.map_or("…".to_string(), |k| k.to_string()))
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(w(1, 3), "1 2 3");
        assert_eq!(w(1, 834), "1 2 3 … 834");
        assert_eq!(w(400, 834), "1 … 398 399 400 401 402 … 834");
        assert_eq!(w(834, 834), "1 … 832 833 834");
        assert_eq!(w(4, 8), "1 2 3 4 5 6 … 8");
    }
}
