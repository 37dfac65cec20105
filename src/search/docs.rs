//! What is searchable: every profile, congress, movement, page and slogan of
//! a language, flattened into fields, with the facet keys for filters and the
//! display data of a result. Reads the site model only.

use crate::config::Lang;
use crate::i18n::{roman, Strings};
use crate::paths::Urls;
use crate::site::{Congress, Movement, Page, Profile, Site};
use std::collections::BTreeMap;

/// An indexed field of a document. The tantivy schema has one text field
/// per variant, in [`Field::ALL`] order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Honorific,
    Role,
    Organization,
    Summary,
    Body,
    /// The field of work (lĩnh vực), by its label.
    FieldOfWork,
    Commune,
    Awards,
    Year,
    /// The kind of document, by its label ("Cá nhân", "Phong trào"…).
    Kind,
}

impl Field {
    /// Every field, in declaration order (a document's texts are in this order).
    pub const ALL: [Field; 11] = [
        Field::Title,
        Field::Honorific,
        Field::Role,
        Field::Organization,
        Field::Summary,
        Field::Body,
        Field::FieldOfWork,
        Field::Commune,
        Field::Awards,
        Field::Year,
        Field::Kind,
    ];

    /// The field's name in the tantivy schema.
    pub fn name(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Honorific => "honorific",
            Field::Role => "role",
            Field::Organization => "organization",
            Field::Summary => "summary",
            Field::Body => "body",
            Field::FieldOfWork => "field",
            Field::Commune => "commune",
            Field::Awards => "awards",
            Field::Year => "year",
            Field::Kind => "kind",
        }
    }

    /// The field's weight in the ranking: a name match counts five times a
    /// body match.
    pub fn weight(self) -> f32 {
        match self {
            Field::Title => 5.0,
            Field::Role | Field::Organization => 2.0,
            Field::Honorific
            | Field::Summary
            | Field::FieldOfWork
            | Field::Commune
            | Field::Awards => 1.5,
            Field::Body | Field::Year | Field::Kind => 1.0,
        }
    }
}

/// How much of one field's text is indexed. A long story is a few
/// thousand words (40 KB); past this, indexing takes minutes and the static
/// index that phones download grows for words already found higher up.
pub const MAX_FIELD_BYTES: usize = 100_000;

/// A facet results can be filtered by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Facet {
    Kind,
    /// The field of work (lĩnh vực), by its key in data/fields.yaml.
    FieldOfWork,
    Commune,
    Award,
    Year,
}

impl Facet {
    /// Every facet, in the order the search page offers its filters.
    pub const ALL: [Facet; 5] = [
        Facet::Kind,
        Facet::FieldOfWork,
        Facet::Commune,
        Facet::Award,
        Facet::Year,
    ];

    /// The facet's name: its file in the exported index
    /// (`facets/<name>.json`), its key in meta.json, the filter's name on the
    /// search page (read by search.js) and the theme's `facet_<name>` string.
    pub fn name(self) -> &'static str {
        match self {
            Facet::Kind => "kind",
            Facet::FieldOfWork => "field",
            Facet::Commune => "commune",
            Facet::Award => "award",
            Facet::Year => "year",
        }
    }
}

/// What a search result is. Ties in score list the kinds in declaration
/// order (profiles first), and so does the kind filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocKind {
    Individual,
    Collective,
    Movement,
    Congress,
    Page,
    Slogan,
}

impl DocKind {
    /// Every kind, in the order the kind filter lists them.
    pub const ALL: [DocKind; 6] = [
        DocKind::Individual,
        DocKind::Collective,
        DocKind::Movement,
        DocKind::Congress,
        DocKind::Page,
        DocKind::Slogan,
    ];

    /// The kind's key: its value in the kind facet, and the theme's
    /// `search_kind_<key>` string.
    pub fn key(self) -> &'static str {
        match self {
            DocKind::Individual => "individual",
            DocKind::Collective => "collective",
            DocKind::Movement => "movement",
            DocKind::Congress => "congress",
            DocKind::Page => "page",
            DocKind::Slogan => "slogan",
        }
    }

    /// Sort key of the documents: individuals and collectives together first.
    fn rank(self) -> u8 {
        match self {
            DocKind::Individual | DocKind::Collective => 0,
            DocKind::Movement => 1,
            DocKind::Congress => 2,
            DocKind::Page => 3,
            DocKind::Slogan => 4,
        }
    }

    /// The theme's name for the kind, in the language of `t`.
    pub fn label(self, t: &Strings) -> String {
        t.get(&format!("search_kind_{}", self.key())).to_string()
    }
}

impl From<crate::site::Kind> for DocKind {
    fn from(kind: crate::site::Kind) -> DocKind {
        match kind {
            crate::site::Kind::Individual => DocKind::Individual,
            crate::site::Kind::Collective => DocKind::Collective,
        }
    }
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct SearchDoc {
    /// Site path of the result (without the base path).
    pub path: String,
    #[serde(skip)]
    pub kind: DocKind,
    /// The text of each field, in [`Field::ALL`] order.
    #[serde(skip)]
    pub fields: Vec<String>,
    /// Facet → keys.
    #[serde(skip)]
    pub facets: BTreeMap<Facet, Vec<String>>,
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

impl SearchDoc {
    /// Index `text` as `field`, cut at a space before [`MAX_FIELD_BYTES`].
    fn set(&mut self, field: Field, text: impl Into<String>) {
        let mut text = text.into();
        if text.len() > MAX_FIELD_BYTES {
            let mut cut = MAX_FIELD_BYTES;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            text.truncate(text[..cut].rfind(' ').unwrap_or(cut));
        }
        self.fields[field as usize] = text;
    }
}

/// Makes the documents of one language.
struct Builder<'a> {
    site: &'a Site,
    lang: Lang,
    urls: Urls<'a>,
    t: &'a Strings,
}

impl Builder<'_> {
    /// A document with its kind filled in (facet, label and field).
    fn doc(
        &self,
        path: String,
        kind: DocKind,
        title: String,
        summary: String,
        text_lang: Lang,
    ) -> SearchDoc {
        let kind_label = kind.label(self.t);
        let mut doc = SearchDoc {
            path,
            kind,
            fields: vec![String::new(); Field::ALL.len()],
            facets: BTreeMap::from([(Facet::Kind, vec![kind.key().to_string()])]),
            title,
            honorific: None,
            summary,
            kind_label: kind_label.clone(),
            field_label: None,
            text_lang: text_lang.code(),
            thumb: None,
            checking: None,
        };
        doc.set(Field::Kind, kind_label);
        doc
    }

    /// The label of a key of data/fields.yaml or data/communes.yaml (the key
    /// itself when the table does not have it).
    fn label(&self, table: &indexmap::IndexMap<String, crate::data::Named>, key: &str) -> String {
        table
            .get(key)
            .map(|n| n.text().text(self.lang).to_string())
            .unwrap_or_else(|| key.to_string())
    }

    fn profile(&self, p: &Profile, thumbs: &BTreeMap<String, String>) -> SearchDoc {
        let (text, text_lang) = p.text.get(self.lang);
        let data = &self.site.data;
        let mut d = self.doc(
            self.urls.profile(self.lang, &p.slug),
            p.kind.into(),
            text.name.clone(),
            text.summary.clone(),
            text_lang,
        );
        let field_label = self.label(&data.fields, &p.field);
        d.honorific = text.honorific.clone();
        d.field_label = Some(field_label.clone());
        d.thumb = thumbs.get(&p.slug).cloned();
        d.checking = crate::unconfirmed::combined_text(&p.unconfirmed, self.lang);
        d.set(Field::Title, &text.name);
        d.set(Field::Honorific, text.honorific.clone().unwrap_or_default());
        d.set(Field::Role, text.role.clone().unwrap_or_default());
        d.set(
            Field::Organization,
            text.organization.clone().unwrap_or_default(),
        );
        d.set(Field::Summary, &text.summary);
        d.set(Field::Body, crate::markdown::plain_text(&text.body));
        d.set(Field::FieldOfWork, field_label);
        if let Some(c) = &p.commune {
            d.set(Field::Commune, self.label(&data.communes, c));
            d.facets.insert(Facet::Commune, vec![c.clone()]);
        }
        // An award missing from data/awards.yaml is indexed as no text.
        let awards: Vec<String> = p
            .awards
            .iter()
            .map(|a| {
                data.awards
                    .get(&a.award)
                    .map(|x| x.text().text(self.lang).to_string())
                    .unwrap_or_default()
            })
            .collect();
        d.set(Field::Awards, awards.join(". "));
        let years: Vec<String> = p.years().iter().map(|y| y.to_string()).collect();
        d.set(Field::Year, years.join(" "));
        d.facets.insert(Facet::FieldOfWork, vec![p.field.clone()]);
        d.facets
            .insert(Facet::Award, award_keys(p.awards.iter().map(|a| &a.award)));
        d.facets.insert(Facet::Year, years);
        d
    }

    fn congress(&self, c: &Congress) -> SearchDoc {
        let (text, text_lang) = c.text.get(self.lang);
        // The English theme when there is one, else the Vietnamese.
        let theme = match (self.lang, &c.text.en) {
            (Lang::En, Some(en)) if en.theme.is_some() => en.theme.clone().unwrap_or_default(),
            _ => c.text.vi.theme.clone().unwrap_or_default(),
        };
        let mut d = self.doc(
            self.urls.congress(self.lang, c.number),
            DocKind::Congress,
            text.title.clone(),
            theme.clone(),
            text_lang,
        );
        d.set(Field::Title, format!("{} {}", text.title, roman(c.number)));
        d.set(Field::Summary, &theme);
        d.set(Field::Body, crate::markdown::plain_text(&text.body));
        d.set(Field::Year, c.year.to_string());
        d.facets.insert(Facet::Year, vec![c.year.to_string()]);
        d
    }

    fn movement(&self, m: &Movement) -> SearchDoc {
        let (text, text_lang) = m.text.get(self.lang);
        let body = crate::markdown::plain_text(&text.body);
        let mut d = self.doc(
            self.urls.movement(self.lang, &m.slug),
            DocKind::Movement,
            text.title.clone(),
            crate::text::truncate(&body, 200),
            text_lang,
        );
        d.set(Field::Title, &text.title);
        d.set(Field::Body, body);
        d.set(Field::Year, m.period.clone().unwrap_or_default());
        d.facets
            .insert(Facet::Award, award_keys(m.results.iter().map(|r| &r.award)));
        d
    }

    fn page(&self, p: &Page) -> SearchDoc {
        let (text, text_lang) = p.text.get(self.lang);
        let body = crate::markdown::plain_text(&text.body);
        let summary = text
            .summary
            .clone()
            .unwrap_or_else(|| crate::text::truncate(&body, 200));
        let mut d = self.doc(
            self.urls.page(self.lang, &p.slug),
            DocKind::Page,
            text.title.clone(),
            summary,
            text_lang,
        );
        d.set(Field::Title, &text.title);
        d.set(Field::Body, body);
        d
    }

    /// The `i`-th slogan (0-based), found at its anchor on the slogans page.
    fn slogan(&self, i: usize, s: &crate::data::Slogan) -> SearchDoc {
        let local = crate::config::LocalText {
            vi: s.vi.clone(),
            en: s.en.clone(),
        };
        let (text, text_lang) = local.get(self.lang);
        let path = format!("{}#{}", self.urls.slogans(self.lang), slogan_anchor(i));
        let mut d = self.doc(
            path,
            DocKind::Slogan,
            text.to_string(),
            text.to_string(),
            text_lang,
        );
        d.set(Field::Title, text);
        d
    }
}

/// The award facet's keys: each award once, sorted.
fn award_keys<'a>(awards: impl Iterator<Item = &'a String>) -> Vec<String> {
    let mut keys: Vec<String> = awards.cloned().collect();
    keys.sort();
    keys.dedup();
    keys
}

/// All searchable documents of a language, in document-number order.
pub fn collect(
    site: &Site,
    lang: Lang,
    t: &Strings,
    thumbs: &BTreeMap<String, String>,
) -> Vec<SearchDoc> {
    let b = Builder {
        site,
        lang,
        urls: Urls::new(&site.config),
        t,
    };
    let mut docs: Vec<SearchDoc> = site.profiles.iter().map(|p| b.profile(p, thumbs)).collect();
    docs.extend(site.congresses.iter().map(|c| b.congress(c)));
    docs.extend(site.movements.iter().map(|m| b.movement(m)));
    docs.extend(site.pages.iter().map(|p| b.page(p)));
    let slogans = site.data.slogans.iter().enumerate();
    docs.extend(slogans.map(|(i, s)| b.slogan(i, s)));
    // Stable numbering: by kind, then path. Equal scores list results in this order.
    docs.sort_by(|a, b| (a.kind.rank(), &a.path).cmp(&(b.kind.rank(), &b.path)));
    docs
}

/// The anchor of the n-th slogan (0-based) on the slogans page.
pub fn slogan_anchor(i: usize) -> String {
    format!("khau-hieu-{}", i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_documents_texts_are_in_field_order() {
        // `SearchDoc::set` indexes the texts by declaration order, the tantivy
        // schema by `Field::ALL`: the two must agree.
        for (i, f) in Field::ALL.into_iter().enumerate() {
            assert_eq!(f as usize, i, "{f:?}");
        }
    }
}
