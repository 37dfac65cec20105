//! View models: what templates see. Plain JSON built from the model, with
//! URLs, labels and per-language formatting already resolved, so templates
//! only lay things out.

use crate::config::Lang;
use crate::i18n::{format_date, format_number, roman, Strings};
use crate::images::{Images, Picture};
use crate::paths::{Taxonomy, Urls};
use crate::site::{Congress, Kind, Movement, Planned, Profile, Qualifier, Site};
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// Everything a view builder needs, shared by all pages of a build.
pub struct Views<'a> {
    pub site: &'a Site,
    pub urls: Urls<'a>,
    pub strings: BTreeMap<Lang, Strings>,
    pub images: &'a Images,
    pub search: &'a crate::search::SearchIndex,
    /// Each taxonomy's terms and members, worked out once per render: the
    /// index pages, the term listings and the search page all show them.
    pub terms: [std::sync::OnceLock<super::taxonomies::Terms<'a>>; 5],
}

impl<'a> Views<'a> {
    pub fn new(
        site: &'a Site,
        strings: BTreeMap<Lang, Strings>,
        images: &'a Images,
        search: &'a crate::search::SearchIndex,
    ) -> Views<'a> {
        Views {
            site,
            urls: Urls::new(&site.config),
            strings,
            images,
            search,
            terms: Default::default(),
        }
    }
}

impl<'a> Views<'a> {
    pub fn t(&self, lang: Lang) -> &Strings {
        &self.strings[&lang]
    }

    pub fn kind_label(&self, kind: Kind, lang: Lang) -> String {
        self.t(lang)
            .get(&format!("kind_{}", kind.key()))
            .to_string()
    }

    pub fn field_label(&self, key: &str, lang: Lang) -> String {
        self.site
            .data
            .fields
            .get(key)
            .map(|f| f.text().text(lang).to_string())
            .unwrap_or_else(|| key.to_string())
    }
    pub fn commune_label(&self, key: &str, lang: Lang) -> String {
        self.site
            .data
            .communes
            .get(key)
            .map(|f| f.text().text(lang).to_string())
            .unwrap_or_else(|| key.to_string())
    }
    pub fn award_label(&self, key: &str, lang: Lang) -> String {
        self.site
            .data
            .awards
            .get(key)
            .map(|f| f.text().text(lang).to_string())
            .unwrap_or_else(|| key.to_string())
    }

    /// The footer's lines about the site (publisher, contact, licence,
    /// sources): those `site.yaml` sets, in the page's language.
    pub fn footer(&self, lang: Lang) -> Vec<Value> {
        let f = &self.site.config.footer;
        let t = self.t(lang);
        let lines = [
            ("publisher", &f.publisher),
            ("contact", &f.contact),
            ("license", &f.license),
            ("sources", &f.sources),
        ];
        lines
            .into_iter()
            .filter_map(|(key, text)| {
                let (text, text_lang) = text.as_ref()?.get(lang);
                let href = if key == "contact" { contact_href(text) } else { None };
                Some(json!({"key": key, "label": t.get(&format!("footer_{key}")), "text": text, "lang": text_lang.code(), "href": href}))
            })
            .collect()
    }

    /// Label of a taxonomy term in a language.
    pub fn term_label(&self, tax: Taxonomy, key: &str, lang: Lang) -> String {
        match tax {
            Taxonomy::Field => self.field_label(key, lang),
            Taxonomy::Commune => self.commune_label(key, lang),
            Taxonomy::Award => self.award_label(key, lang),
            Taxonomy::Year => key.to_string(),
            Taxonomy::Kind => self.t(lang).get(&format!("kinds_{key}")).to_string(),
        }
    }

    /// A `<picture>`: WebP and JPEG `srcset`s, the intrinsic size (no layout
    /// shift) and a JPEG `src` for old browsers.
    pub fn picture(&self, pic: &Picture, alt: &str, sizes: &str) -> Value {
        let srcset = |webp: bool| pic.srcset(webp, |path| self.urls.href(path));
        let big = pic.largest();
        json!({
            "src": self.urls.href(&pic.at_least(640).jpeg),
            "srcset_jpeg": srcset(false),
            "srcset_webp": srcset(true),
            "sizes": sizes,
            "width": big.width,
            "height": big.height,
            "alt": alt,
        })
    }

    fn photo(&self, p: &Profile, lang: Lang, sizes: &str) -> Value {
        match self.images.photos.get(&p.slug) {
            Some(pic) => self.picture(pic, p.photo_alt(lang), sizes),
            None => Value::Null,
        }
    }

    /// A profile as a card in listings.
    pub fn card(&self, p: &Profile, lang: Lang) -> Value {
        let (text, text_lang) = p.text.get(lang);
        json!({
            "href": self.urls.href(&self.urls.profile(lang, &p.slug)),
            "name": text.name,
            "honorific": text.honorific,
            "role": text.role,
            "organization": text.organization,
            "summary": text.summary,
            "kind": p.kind.key(),
            "kind_label": self.kind_label(p.kind, lang),
            "field_label": self.field_label(&p.field, lang),
            "text_lang": text_lang.code(),
            "photo": self.photo(p, lang, "(min-width: 48rem) 16rem, calc(100vw - 2rem)"),
            // Listings name people too: a spelling still being checked says so there as well.
            "checking": crate::unconfirmed::combined_html(&p.unconfirmed, lang),
        })
    }

    /// The full profile page.
    pub fn profile(&self, p: &Profile, lang: Lang) -> Value {
        let (text, text_lang) = p.text.get(lang);
        let u = &self.urls;
        let awards: Vec<Value> = p
            .awards
            .iter()
            .map(|a| json!({"label": self.award_label(&a.award, lang), "href": u.href(&u.term(lang, Taxonomy::Award, &a.award)), "year": a.year, "year_href": u.href(&u.term(lang, Taxonomy::Year, &a.year.to_string())), "decision": a.decision}))
            .collect();
        let movements: Vec<Value> = self
            .site
            .movements_of(p)
            .map(|m| {
                let (t, l) = m.text.get(lang);
                json!({"title": t.title, "href": u.href(&u.movement(lang, &m.slug)), "text_lang": l.code()})
            })
            .collect();
        let sources: Vec<Value> = p
            .sources
            .iter()
            .map(|s| json!({"title": s.title, "url": s.url}))
            .collect();
        let mut card = self.card(p, lang);
        let extra = json!({
            "slug": p.slug,
            "ethnicity": text.ethnicity,
            "field_href": u.href(&u.term(lang, Taxonomy::Field, &p.field)),
            "kind_href": u.href(&u.term(lang, Taxonomy::Kind, Urls::kind_key(lang, p.kind))),
            "commune": p.commune.as_ref().map(|c| json!({"label": self.commune_label(c, lang), "href": u.href(&u.term(lang, Taxonomy::Commune, c))})),
            "awards": awards,
            "movements": movements,
            "sources": sources,
            "body_html": self.story(p, &text.body),
            "date": format_date(p.date, lang),
            "date_iso": p.date.to_string(),
            "years": p.years().iter().map(|y| json!({"label": y, "href": u.href(&u.term(lang, Taxonomy::Year, &y.to_string()))})).collect::<Vec<_>>(),
            "untranslated": lang != text_lang,
            "unconfirmed": p.unconfirmed.iter().map(|u| u.notice_html(lang)).collect::<Vec<_>>(),
            "embed": crate::embed::profile_links(self.site, lang, p),
            "print": self.print_sheet(p, lang),
        });
        if let (Value::Object(c), Value::Object(e)) = (&mut card, extra) {
            c.extend(e);
        }
        card["photo"] = self.photo(p, lang, "(min-width: 48rem) 20rem, calc(100vw - 2rem)");
        card
    }

    /// The printed sheet: its layout for the length of the text, and the QR
    /// code of the page's own address (named by the caption `qr-caption`).
    fn print_sheet(&self, p: &Profile, lang: Lang) -> Value {
        let (text, _) = p.text.get(lang);
        let mut weight = super::print::Weight::default();
        weight.block(&text.summary);
        weight.story(&text.body);
        for a in &p.awards {
            weight.block(&format!(
                "{} {}",
                self.award_label(&a.award, lang),
                a.decision.as_deref().unwrap_or("")
            ));
        }
        for s in &p.sources {
            weight.block(&format!("{} {}", s.title, s.url.as_deref().unwrap_or("")));
        }
        for m in self.site.movements_of(p) {
            weight.block(&m.text.get(lang).0.title);
        }
        for _ in &p.unconfirmed {
            weight.block(&"x".repeat(140));
        }
        let url = self.urls.abs(&self.urls.profile(lang, &p.slug));
        // A code printed for the placeholder address would send a poster's
        // readers to a site that is not this one, and paper cannot be
        // corrected: none until `base_url` is set (G0805 says so).
        let qr = (!self.site.config.has_example_address())
            .then(|| crate::images::qr::svg(&url, "qr-caption"))
            .flatten();
        json!({
            "layout": super::print::layout(weight),
            "qr": qr,
            "url": url,
        })
    }

    /// A profile's story, its images as responsive pictures.
    fn story(&self, p: &Profile, body: &str) -> String {
        crate::markdown::render_with_images(body, 3, &|src, alt| {
            let pic = self.images.story.get(&(p.slug.clone(), src.to_string()))?;
            let v = self.picture(pic, alt, "(min-width: 48rem) 44rem, calc(100vw - 2rem)");
            let esc = |s: &Value| crate::text::xml_escape(s.as_str().unwrap_or_default());
            Some(format!(
                r#"<picture><source type="image/webp" srcset="{}" sizes="{}"><img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" loading="lazy" decoding="async"></picture>"#,
                esc(&v["srcset_webp"]),
                esc(&v["sizes"]),
                esc(&v["src"]),
                esc(&v["srcset_jpeg"]),
                esc(&v["sizes"]),
                v["width"],
                v["height"],
                esc(&v["alt"])
            ))
        })
    }

    /// The delegate count as the source gives it: "trên 250 đại biểu",
    /// "khoảng 300 đại biểu (dự kiến)".
    pub fn delegates_label(&self, c: &Congress, lang: Lang) -> Option<String> {
        let n = c.delegates?;
        let key = match c.delegates_qualifier {
            Qualifier::Exact => "delegates_exact",
            Qualifier::About => "delegates_approx",
            Qualifier::Over => "delegates_over",
        };
        let label = self.t(lang).with_n(key, &format_number(n as u64, lang));
        Some(self.planned(c, Planned::Delegates, label, lang))
    }

    /// `text`, marked "(dự kiến)" when the source gives `fact` as planned.
    fn planned(&self, c: &Congress, fact: Planned, text: String, lang: Lang) -> String {
        if c.is_planned(fact) {
            self.t(lang).get("planned").replace("{x}", &text)
        } else {
            text
        }
    }

    pub fn congress(&self, c: &Congress, lang: Lang) -> Value {
        let (text, text_lang) = c.text.get(lang);
        // The theme may be translated even when the body is not.
        let (theme, theme_lang) = match (lang, &c.text.en) {
            (Lang::En, Some(en)) if en.theme.is_some() => (en.theme.clone(), Lang::En),
            _ => (c.text.vi.theme.clone(), Lang::Vi),
        };
        json!({
            "number": c.number,
            "numeral": roman(c.number),
            "year": c.year,
            "date": c.date.map(|d| self.planned(c, Planned::Date, format_date(d, lang), lang)),
            "date_iso": c.date.map(|d| d.to_string()),
            "delegates": self.delegates_label(c, lang),
            "theme_label": self.t(lang).get(if c.is_planned(Planned::Theme) { "theme_label_planned" } else { "theme_label" }),
            "theme_mark": c.is_planned(Planned::Theme).then(|| self.t(lang).get("theme_planned_mark")),
            "title": text.title,
            "theme": theme,
            "theme_lang": theme_lang.code(),
            "text_lang": text_lang.code(),
            "href": self.urls.href(&self.urls.congress(lang, c.number)),
            "body_html": crate::markdown::render(&text.body, 2),
        })
    }

    pub fn movement_summary(&self, m: &Movement, lang: Lang) -> Value {
        let (text, text_lang) = m.text.get(lang);
        let u = &self.urls;
        let results: Vec<Value> = m
            .results
            .iter()
            .map(|r| {
                json!({
                    "award": self.award_label(&r.award, lang),
                    // Linked only where the award has a listing of profiles.
                    "award_href": self.term_published(Taxonomy::Award, &r.award).then(|| u.href(&u.term(lang, Taxonomy::Award, &r.award))),
                    "collectives": r.collectives.map(|n| format_number(n as u64, lang)),
                    "individuals": r.individuals.map(|n| format_number(n as u64, lang)),
                })
            })
            .collect();
        json!({
            "title": text.title,
            "text_lang": text_lang.code(),
            "href": u.href(&u.movement(lang, &m.slug)),
            "period": m.period,
            "launched_by": self.t(lang).get(&format!("launched_by_{}", m.launched_by.key().replace('-', "_"))),
            "results": results,
        })
    }
}

/// A link for a contact that is a single web address or e-mail address;
/// anything else (a phone number, a postal address) stays plain text.
fn contact_href(text: &str) -> Option<String> {
    let t = text.trim();
    if t.contains(char::is_whitespace) {
        return None;
    }
    if t.starts_with("https://") || t.starts_with("http://") {
        return Some(t.to_string());
    }
    let (user, host) = t.split_once('@')?;
    (!user.is_empty() && host.contains('.') && !host.contains('@')).then(|| format!("mailto:{t}"))
}
