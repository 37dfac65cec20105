//! What is searchable: every profile, congress, movement, page and slogan of
//! a language, flattened into fields, with the facet keys for filters and the
//! display data of a result. Reads the site model only.

use crate::config::Lang;
use crate::i18n::{roman, Strings};
use crate::paths::Urls;
use crate::site::Site;
use std::collections::BTreeMap;

/// The indexed fields and their weight in the ranking (a name match counts
/// five times a body match).
pub const FIELDS: &[(&str, f32)] = &[
    ("title", 5.0),
    ("honorific", 1.5),
    ("role", 2.0),
    ("organization", 2.0),
    ("summary", 1.5),
    ("body", 1.0),
    ("field", 1.5),
    ("commune", 1.5),
    ("awards", 1.5),
    ("year", 1.0),
    ("kind", 1.0),
];

/// How much of one field's text is indexed. A long story is a few
/// thousand words (40 KB); past this, indexing takes minutes and the static
/// index that phones download grows for words already found higher up.
pub const MAX_FIELD_BYTES: usize = 100_000;

/// The facets results can be filtered by.
pub const FACETS: &[&str] = &["kind", "field", "commune", "award", "year"];

#[derive(Debug, Clone, serde::Serialize)]
pub struct SearchDoc {
    /// Site path of the result (without the base path).
    pub path: String,
    /// Field name → text, in [`FIELDS`] order.
    #[serde(skip)]
    pub fields: Vec<String>,
    /// Facet name → keys.
    #[serde(skip)]
    pub facets: BTreeMap<&'static str, Vec<String>>,
    pub title: String,
    pub honorific: Option<String>,
    pub summary: String,
    pub kind_label: String,
    pub field_label: Option<String>,
    /// Language of the text (Vietnamese on an untranslated English page).
    pub text_lang: &'static str,
    /// Thumbnail site path, when the result has a photo.
    pub thumb: Option<String>,
    /// The notice of spellings still being checked, shown with the result.
    pub checking: Option<String>,
}

/// Sort key of the document kinds: ties in score list profiles first.
fn kind_rank(kind: &str) -> u8 {
    match kind {
        "individual" | "collective" => 0,
        "movement" => 1,
        "congress" => 2,
        "page" => 3,
        _ => 4,
    }
}

struct Builder<'a> {
    urls: Urls<'a>,
    t: &'a Strings,
}

impl Builder<'_> {
    fn doc(
        &self,
        path: String,
        kind: &str,
        title: String,
        summary: String,
        text_lang: Lang,
    ) -> SearchDoc {
        let mut facets = BTreeMap::new();
        facets.insert("kind", vec![kind.to_string()]);
        SearchDoc {
            path,
            fields: vec![String::new(); FIELDS.len()],
            facets,
            title,
            honorific: None,
            summary,
            kind_label: self.t.get(&format!("search_kind_{kind}")).to_string(),
            field_label: None,
            text_lang: text_lang.code(),
            thumb: None,
            checking: None,
        }
    }

    fn set(doc: &mut SearchDoc, field: &str, text: impl Into<String>) {
        let i = FIELDS
            .iter()
            .position(|(f, _)| *f == field)
            .expect("known field");
        let mut text = text.into();
        if text.len() > MAX_FIELD_BYTES {
            let mut cut = MAX_FIELD_BYTES;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            text.truncate(text[..cut].rfind(' ').unwrap_or(cut));
        }
        doc.fields[i] = text;
    }
}

/// All searchable documents of a language, in document-number order.
pub fn collect(
    site: &Site,
    lang: Lang,
    t: &Strings,
    thumbs: &BTreeMap<String, String>,
) -> Vec<SearchDoc> {
    let b = Builder {
        urls: Urls::new(&site.config),
        t,
    };
    let label = |table: &indexmap::IndexMap<String, crate::data::Named>, key: &str| {
        table
            .get(key)
            .map(|n| n.text().text(lang).to_string())
            .unwrap_or_else(|| key.to_string())
    };
    let mut docs = Vec::new();
    for p in &site.profiles {
        let (text, text_lang) = p.text.get(lang);
        let mut d = b.doc(
            b.urls.profile(lang, &p.slug),
            p.kind.key(),
            text.name.clone(),
            text.summary.clone(),
            text_lang,
        );
        d.honorific = text.honorific.clone();
        d.field_label = Some(label(&site.data.fields, &p.field));
        d.thumb = thumbs.get(&p.slug).cloned();
        d.checking = crate::unconfirmed::combined_text(&p.unconfirmed, lang);
        Builder::set(&mut d, "title", &text.name);
        Builder::set(
            &mut d,
            "honorific",
            text.honorific.clone().unwrap_or_default(),
        );
        Builder::set(&mut d, "role", text.role.clone().unwrap_or_default());
        Builder::set(
            &mut d,
            "organization",
            text.organization.clone().unwrap_or_default(),
        );
        Builder::set(&mut d, "summary", &text.summary);
        Builder::set(&mut d, "body", crate::markdown::plain_text(&text.body));
        let field_label = d.field_label.clone().unwrap_or_default();
        Builder::set(&mut d, "field", field_label);
        if let Some(c) = &p.commune {
            Builder::set(&mut d, "commune", label(&site.data.communes, c));
            d.facets.insert("commune", vec![c.clone()]);
        }
        let awards: Vec<String> = p
            .awards
            .iter()
            .map(|a| {
                site.data
                    .awards
                    .get(&a.award)
                    .map(|x| x.text().text(lang).to_string())
                    .unwrap_or_default()
            })
            .collect();
        Builder::set(&mut d, "awards", awards.join(". "));
        let years: Vec<String> = p.years().iter().map(|y| y.to_string()).collect();
        Builder::set(&mut d, "year", years.join(" "));
        let kind_label = d.kind_label.clone();
        Builder::set(&mut d, "kind", kind_label);
        d.facets.insert("field", vec![p.field.clone()]);
        let mut award_keys: Vec<String> = p.awards.iter().map(|a| a.award.clone()).collect();
        award_keys.sort();
        award_keys.dedup();
        d.facets.insert("award", award_keys);
        d.facets.insert("year", years);
        docs.push(d);
    }
    for c in &site.congresses {
        let (text, text_lang) = c.text.get(lang);
        let theme = match (lang, &c.text.en) {
            (Lang::En, Some(en)) if en.theme.is_some() => en.theme.clone().unwrap_or_default(),
            _ => c.text.vi.theme.clone().unwrap_or_default(),
        };
        let mut d = b.doc(
            b.urls.congress(lang, c.number),
            "congress",
            text.title.clone(),
            theme.clone(),
            text_lang,
        );
        Builder::set(
            &mut d,
            "title",
            format!("{} {}", text.title, roman(c.number)),
        );
        Builder::set(&mut d, "summary", &theme);
        Builder::set(&mut d, "body", crate::markdown::plain_text(&text.body));
        Builder::set(&mut d, "year", c.year.to_string());
        let kind_label = d.kind_label.clone();
        Builder::set(&mut d, "kind", kind_label);
        d.facets.insert("year", vec![c.year.to_string()]);
        docs.push(d);
    }
    for m in &site.movements {
        let (text, text_lang) = m.text.get(lang);
        let body = crate::markdown::plain_text(&text.body);
        let mut d = b.doc(
            b.urls.movement(lang, &m.slug),
            "movement",
            text.title.clone(),
            crate::text::truncate(&body, 200),
            text_lang,
        );
        Builder::set(&mut d, "title", &text.title);
        Builder::set(&mut d, "body", body);
        Builder::set(&mut d, "year", m.period.clone().unwrap_or_default());
        let kind_label = d.kind_label.clone();
        Builder::set(&mut d, "kind", kind_label);
        let mut award_keys: Vec<String> = m.results.iter().map(|r| r.award.clone()).collect();
        award_keys.sort();
        award_keys.dedup();
        d.facets.insert("award", award_keys);
        docs.push(d);
    }
    for p in &site.pages {
        let (text, text_lang) = p.text.get(lang);
        let body = crate::markdown::plain_text(&text.body);
        let summary = text
            .summary
            .clone()
            .unwrap_or_else(|| crate::text::truncate(&body, 200));
        let mut d = b.doc(
            b.urls.page(lang, &p.slug),
            "page",
            text.title.clone(),
            summary,
            text_lang,
        );
        Builder::set(&mut d, "title", &text.title);
        Builder::set(&mut d, "body", body);
        let kind_label = d.kind_label.clone();
        Builder::set(&mut d, "kind", kind_label);
        docs.push(d);
    }
    for (i, s) in site.data.slogans.iter().enumerate() {
        let local = crate::config::LocalText {
            vi: s.vi.clone(),
            en: s.en.clone(),
        };
        let (text, text_lang) = local.get(lang);
        let path = format!("{}#{}", b.urls.slogans(lang), slogan_anchor(i));
        let mut d = b.doc(
            path,
            "slogan",
            text.to_string(),
            text.to_string(),
            text_lang,
        );
        Builder::set(&mut d, "title", text);
        let kind_label = d.kind_label.clone();
        Builder::set(&mut d, "kind", kind_label);
        docs.push(d);
    }
    // Stable numbering: by kind, then path. Equal scores list results in this order.
    docs.sort_by(|a, b| {
        (kind_rank(&a.facets["kind"][0]), &a.path).cmp(&(kind_rank(&b.facets["kind"][0]), &b.path))
    });
    docs
}

/// The anchor of the n-th slogan (0-based) on the slogans page.
pub fn slogan_anchor(i: usize) -> String {
    format!("khau-hieu-{}", i + 1)
}
