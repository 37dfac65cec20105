//! The taxonomy pages (fields, communes, awards, years, kinds): each
//! taxonomy's index of terms and each term's listing of profiles.

use super::routes::{by_name, Nav, Route};
use super::views::Views;
use crate::config::Lang;
use crate::i18n::format_number;
use crate::paths::{Taxonomy, Urls};
use crate::site::{Kind, Profile};
use serde_json::{json, Value};

/// A taxonomy's terms with their members, in display order.
pub type Terms<'a> = Vec<(String, Vec<&'a Profile>)>;

fn kind_of(key: &str) -> Option<Kind> {
    match key {
        "individual" => Some(Kind::Individual),
        "collective" => Some(Kind::Collective),
        _ => None,
    }
}

impl<'a> Views<'a> {
    /// Terms of a taxonomy with their profiles: (key, profiles), in display order.
    fn terms(&self, tax: Taxonomy) -> &Terms<'a> {
        let slot = Taxonomy::ALL
            .iter()
            .position(|t| *t == tax)
            .expect("a taxonomy");
        self.terms[slot].get_or_init(|| self.work_out_terms(tax))
    }

    fn work_out_terms(&self, tax: Taxonomy) -> Terms<'a> {
        let all = by_name(self.site.profiles.iter());
        let years: Vec<Vec<i32>> = if tax == Taxonomy::Year {
            all.iter().map(|p| p.years()).collect()
        } else {
            Vec::new()
        };
        let data = &self.site.data;
        let keys: Vec<String> = match tax {
            Taxonomy::Field => data.fields.keys().cloned().collect(),
            Taxonomy::Commune => data.communes.keys().cloned().collect(),
            Taxonomy::Award => data.awards.keys().cloned().collect(),
            Taxonomy::Year => {
                let mut y: Vec<i32> = self.site.profiles.iter().flat_map(|p| p.years()).collect();
                y.sort_unstable_by(|a, b| b.cmp(a));
                y.dedup();
                y.iter().map(|y| y.to_string()).collect()
            }
            Taxonomy::Kind => vec!["individual".into(), "collective".into()],
        };
        keys.into_iter()
            .map(|key| {
                let year: i32 = key.parse().unwrap_or(i32::MIN);
                let members = all
                    .iter()
                    .enumerate()
                    .filter(|(i, p)| match tax {
                        Taxonomy::Field => p.field == key,
                        Taxonomy::Commune => p.commune.as_deref() == Some(key.as_str()),
                        Taxonomy::Award => p.awards.iter().any(|a| a.award == key),
                        Taxonomy::Year => years[*i].contains(&year),
                        Taxonomy::Kind => Some(p.kind) == kind_of(&key),
                    })
                    .map(|(_, p)| *p)
                    .collect();
                (key, members)
            })
            .collect()
    }

    fn term_path(&self, lang: Lang, tax: Taxonomy, key: &str) -> String {
        match (tax, kind_of(key)) {
            (Taxonomy::Kind, Some(kind)) => self.urls.term(lang, tax, Urls::kind_key(lang, kind)),
            _ => self.urls.term(lang, tax, key),
        }
    }

    /// Whether a term has a page: only a term with at least one profile
    /// does. A page saying "0 profiles" is a dead end for a reader, so it is
    /// neither written nor linked (nor in the sitemap, made from the routes).
    pub fn term_published(&self, tax: Taxonomy, key: &str) -> bool {
        self.terms(tax)
            .iter()
            .any(|(k, ps)| k == key && !ps.is_empty())
    }

    /// Terms with counts and links, for the taxonomy index and the search
    /// page: the published terms only, each counting the profiles its
    /// listing shows.
    pub fn term_links(&self, lang: Lang, tax: Taxonomy) -> Vec<Value> {
        self.terms(tax)
            .iter()
            .filter(|(_, ps)| !ps.is_empty())
            .map(|(key, ps)| json!({"label": self.term_label(tax, key, lang), "href": self.urls.href(&self.term_path(lang, tax, key)), "count": format_number(ps.len() as u64, lang)}))
            .collect()
    }

    pub(super) fn taxonomies(&self, lang: Lang) -> Vec<Route<'a>> {
        let mut routes = Vec::new();
        let t = self.t(lang);
        for tax in Taxonomy::ALL {
            let terms = self.term_links(lang, tax);
            if terms.is_empty() {
                // No term to list: no index page either.
                continue;
            }
            let heading = t.get(&format!("taxonomy_{}", tax.key())).to_string();
            let page = json!({"heading": heading, "terms": terms});
            routes.push(Route::new(
                lang,
                self.urls.taxonomy(lang, tax),
                self.urls.taxonomy(lang.other(), tax),
                "taxonomy.html",
                Nav::Profiles,
                heading.clone(),
                heading.clone(),
                page,
            ));
            for (key, members) in self.terms(tax).clone() {
                if members.is_empty() {
                    continue;
                }
                let label = self.term_label(tax, &key, lang);
                let heading_term = format!("{}: {label}", t.get(&format!("term_{}", tax.key())));
                // Award pages also show the movements whose results counted this award.
                let extra = if tax == Taxonomy::Award {
                    let ms: Vec<Value> = self
                        .site
                        .movements
                        .iter()
                        .filter(|m| m.results.iter().any(|r| r.award == key))
                        .map(|m| self.movement_summary(m, lang))
                        .collect();
                    json!({"movements": ms})
                } else {
                    json!({})
                };
                let key2 = key.clone();
                let mut pages = self.listing(
                    lang,
                    move |u, l| match (tax, kind_of(&key2)) {
                        (Taxonomy::Kind, Some(kind)) => u.term(l, tax, Urls::kind_key(l, kind)),
                        _ => u.term(l, tax, &key2),
                    },
                    heading_term,
                    None,
                    members,
                    Nav::Profiles,
                    extra,
                );
                // Field, commune, kind and year listings are what a reader
                // takes along (an award's holders are read online).
                if tax != Taxonomy::Award {
                    let manifest = crate::paths::offline_manifest(&pages[0].path);
                    for r in &mut pages {
                        r.offline = Some(manifest.clone());
                    }
                }
                routes.extend(pages);
            }
        }
        routes
    }
}
