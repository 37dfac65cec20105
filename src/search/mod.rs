//! The search stage: indexes every document of each language with tantivy
//! (the engine of record), exports a compact static index for the browser,
//! and answers `guong search` from the tantivy index. Both answer with the
//! one ranking of [`rank`]. Reads the site model; writes only its own files.

pub mod analyze;
mod docs;
pub(crate) mod engine;
pub mod export;
pub mod rank;
pub mod rules;

pub use docs::{DocKind, Facet, Field, SearchDoc};
pub use engine::Engine;

use crate::config::Lang;
use crate::i18n::Strings;
use crate::output::OutFile;
use crate::paths::Urls;
use crate::site::Site;
use anyhow::Result;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What the search stage hands the search pages: where each language's
/// static index lives (site path, e.g. `/_search/vi/ab12cd34ef/`), and the
/// filters the page offers, so that they are drawn with the page instead of
/// arriving with the index and pushing the page down.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    pub base: BTreeMap<Lang, String>,
    pub filters: BTreeMap<Lang, Vec<Filter>>,
}

/// One filter of the search page: a facet with at least two values.
#[derive(Debug, Clone)]
pub struct Filter {
    pub facet: Facet,
    /// (key, label, documents), in display order.
    pub values: Vec<(String, String, usize)>,
}

impl Filter {
    fn from_table(table: &export::FacetTable) -> Vec<Filter> {
        Facet::ALL
            .into_iter()
            .filter_map(|facet| {
                let values = table.get(&facet)?;
                (values.len() >= 2).then(|| Filter {
                    facet,
                    values: values
                        .iter()
                        .map(|(k, l, m)| (k.clone(), l.clone(), m.len()))
                        .collect(),
                })
            })
            .collect()
    }
}

impl rank::Source for Engine {
    fn completions(&self, prefix: &str) -> Result<Vec<(String, u32)>> {
        self.syllables_with_prefix(prefix)
    }
    fn postings(&self, term: &str) -> Result<Vec<(u32, u8)>> {
        self.impacts(term)
    }
    fn has_completions(&self, prefix: &str) -> Result<bool> {
        Engine::has_syllable_with_prefix(self, prefix)
    }
    fn near(&self, word: &str) -> Result<Vec<(String, u32)>> {
        Engine::near(self, word)
    }
    fn pairs_of(&self, first: &str) -> Result<Vec<(String, u32)>> {
        Engine::pairs_of(self, first)
    }
}

/// Facet values with labels and their documents, in display order.
fn facets(site: &Site, lang: Lang, t: &Strings, docs: &[SearchDoc]) -> export::FacetTable {
    let mut table = export::FacetTable::new();
    for facet in Facet::ALL {
        let mut members: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        for (n, d) in docs.iter().enumerate() {
            for key in d.facets.get(&facet).into_iter().flatten() {
                members.entry(key.clone()).or_default().push(n as u32);
            }
        }
        let mut values: Vec<(usize, String, String, Vec<u32>)> = members
            .into_iter()
            .map(|(k, m)| {
                let (text, order) = facet_label(site, lang, t, facet, &k);
                (order, k, text, m)
            })
            .collect();
        values.sort();
        table.insert(
            facet,
            values.into_iter().map(|(_, k, l, m)| (k, l, m)).collect(),
        );
    }
    table
}

/// The label of a facet's key, and its place in the filter: the order of
/// the data file, kinds profiles first, years newest first. A key the data
/// does not know is shown as itself, last.
fn facet_label(site: &Site, lang: Lang, t: &Strings, facet: Facet, key: &str) -> (String, usize) {
    let named = |table: &indexmap::IndexMap<String, crate::data::Named>| {
        (
            table.get(key).map(|n| n.text().text(lang).to_string()),
            table.get_index_of(key),
        )
    };
    let (text, order) = match facet {
        Facet::FieldOfWork => named(&site.data.fields),
        Facet::Commune => named(&site.data.communes),
        Facet::Award => (
            site.data
                .awards
                .get(key)
                .map(|n| n.text().text(lang).to_string()),
            site.data.awards.get_index_of(key),
        ),
        Facet::Kind => {
            let i = DocKind::ALL.iter().position(|k| k.key() == key);
            (i.map(|i| DocKind::ALL[i].label(t)), i)
        }
        Facet::Year => (
            Some(key.to_string()),
            Some(usize::MAX - key.parse::<usize>().unwrap_or(0)),
        ),
    };
    (
        text.unwrap_or_else(|| key.to_string()),
        order.unwrap_or(usize::MAX),
    )
}

/// A hash of the documents, to know whether a cached tantivy index is current.
fn stamp(docs: &[SearchDoc]) -> String {
    let mut h = <sha2::Sha256 as sha2::Digest>::new();
    for d in docs {
        sha2::Digest::update(&mut h, d.path.as_bytes());
        for f in &d.fields {
            sha2::Digest::update(&mut h, [0]);
            sha2::Digest::update(&mut h, f.as_bytes());
        }
    }
    sha2::Digest::finalize(h)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Changes whenever the analyzer's terms change (numerals, stemming…).
const ANALYZER_VERSION: &str = "analyzer-2";

/// The folder of a language's tantivy index in the site's cache.
pub fn cache_dir(root: &Path, lang: Lang) -> PathBuf {
    root.join(".guong-cache/search").join(lang.code())
}

/// Open the cached index of `docs` if it is current, else (re)build it there,
/// so repeated `guong search` calls do not re-index the site.
fn engine_for(docs: &[SearchDoc], dir: &Path, analyzer: analyze::Analyzer) -> Result<Engine> {
    let stamp_file = dir.join("guong-stamp");
    // The analyzer's version is part of the stamp: an index analysed by an
    // older guong is rebuilt, not read with the wrong terms.
    let want = format!("{ANALYZER_VERSION} {}", stamp(docs));
    if std::fs::read_to_string(&stamp_file).ok().as_deref() == Some(want.as_str()) {
        if let Ok(engine) = Engine::open(dir, analyzer) {
            return Ok(engine);
        }
    }
    // Made beside the cached index and swapped in whole with its stamp, so a
    // `guong search` killed or run twice at once never leaves a stamp over
    // half an index.
    let staging = crate::output::Staging::new(dir)?;
    drop(Engine::build(docs, Some(staging.path()), analyzer)?);
    crate::output::write_file(
        &staging.path().join("guong-stamp"),
        want.as_bytes(),
        crate::output::Existing::Replace,
    )?;
    staging.finish()?;
    Engine::open(dir, analyzer)
}

/// Index (in memory) and export every language, each on a thread of its
/// own: at a thousand profiles the index is the longest stage of a build.
/// Not on rayon's pool, which the pages are drawn on meanwhile: a
/// language's index is one long task, and two would hold both of the
/// pool's threads while the pages wait.
pub fn build(
    site: &Site,
    strings: &BTreeMap<Lang, Strings>,
    thumbs: &BTreeMap<String, String>,
) -> Result<(Vec<OutFile>, SearchIndex)> {
    let one = |lang: Lang| -> Result<(Lang, Vec<OutFile>, String, Vec<Filter>)> {
        let t = &strings[&lang];
        let docs = docs::collect(site, lang, t, thumbs);
        let analyzer = analyze::Analyzer::for_lang(lang);
        let engine = crate::timing::timed("search index", || Engine::build(&docs, None, analyzer))?;
        let facets = facets(site, lang, t, &docs);
        let (exported, hash) = crate::timing::timed("search export", || {
            export::export(&engine, analyzer, &docs, &facets, &Urls::new(&site.config))
        })?;
        let base = crate::paths::search_index(lang, &hash);
        let files = exported
            .into_iter()
            .map(|(path, bytes)| {
                OutFile::new(crate::paths::output_file(&format!("{base}{path}")), bytes)
            })
            .collect();
        Ok((lang, files, base, Filter::from_table(&facets)))
    };
    let built: Vec<_> = std::thread::scope(|threads| {
        let each = Lang::ALL.map(|lang| threads.spawn(move || one(lang)));
        each.into_iter()
            .map(|t| {
                t.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect::<Result<_>>()
    })?;
    let mut files = Vec::new();
    let mut index = SearchIndex::default();
    for (lang, lang_files, base, filters) in built {
        files.extend(lang_files);
        index.base.insert(lang, base);
        index.filters.insert(lang, filters);
    }
    Ok((files, index))
}

/// One result of `guong search`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Hit {
    pub url: String,
    pub title: String,
    pub kind: String,
    pub score: u32,
}

/// What `guong search` answers: the number of results, the first
/// `limit`, and the corrected query when corrections found more.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Answer {
    pub total: usize,
    pub results: Vec<Hit>,
    pub suggestion: Option<String>,
}

/// Answer a query from the tantivy index (built into the cache when missing or stale).
pub fn query(
    site: &Site,
    strings: &BTreeMap<Lang, Strings>,
    lang: Lang,
    q: &str,
    limit: usize,
) -> Result<Answer> {
    let docs = docs::collect(site, lang, &strings[&lang], &BTreeMap::new());
    let analyzer = analyze::Analyzer::for_lang(lang);
    let engine = engine_for(&docs, &cache_dir(&site.config.root, lang), analyzer)?;
    let ranked = rank::rank(&engine, &analyzer.parse_query(q), None, limit)?;
    let hits = ranked
        .hits
        .iter()
        .map(|(doc, score)| {
            let d = &docs[*doc as usize];
            Hit {
                url: Urls::new(&site.config).href(&d.path),
                title: d.title.clone(),
                kind: d.kind_label.clone(),
                score: *score,
            }
        })
        .collect();
    Ok(Answer {
        total: ranked.total,
        results: hits,
        suggestion: ranked.suggestion,
    })
}

/// A [`rank::Source`] over exported files, as the browser reads them (for tests).
pub struct Exported {
    files: BTreeMap<String, Vec<u8>>,
    docs: u32,
}

impl Exported {
    pub fn new(files: BTreeMap<String, Vec<u8>>) -> Result<Exported> {
        let meta: serde_json::Value = serde_json::from_slice(
            files
                .get("meta.json")
                .ok_or_else(|| anyhow::anyhow!("no meta.json"))?,
        )?;
        Ok(Exported {
            docs: meta["n"].as_u64().unwrap_or(0) as u32,
            files,
        })
    }
    fn json(&self, path: &str) -> Option<serde_json::Value> {
        serde_json::from_slice(self.files.get(path)?).ok()
    }
    fn shard(&self, syllable: &str) -> Option<serde_json::Value> {
        let meta = self.json("meta.json")?;
        let n = meta["shards"].get(export::shard_key(syllable))?.as_u64()?;
        self.json(&format!("s/{n}.json"))
    }
    fn resolve(&self, r: &serde_json::Value) -> Option<Vec<(u32, u8)>> {
        use base64::Engine as _;
        let bytes = match r {
            serde_json::Value::String(b64) => {
                base64::engine::general_purpose::STANDARD.decode(b64).ok()?
            }
            v => self.files.get(&format!("p/{}.bin", v.as_u64()?))?.clone(),
        };
        export::decode(&bytes, self.docs)
    }
    fn lookup(&self, term: &str) -> Option<Vec<(u32, u8)>> {
        match analyze::term_kind(term) {
            analyze::TermKind::Syllable => self.resolve(&self.shard(term)?[term]["p"]),
            analyze::TermKind::Exact => {
                let exact = term.trim_start_matches(analyze::EXACT);
                let folded = crate::text::fold::fold(exact);
                self.resolve(&self.shard(&folded)?[folded.as_str()]["x"][exact])
            }
            analyze::TermKind::Pair => {
                let (a, b) = term.split_once(analyze::PAIR)?;
                self.resolve(&self.pair_table(a)?[b])
            }
        }
    }
    /// `{second: postings}` of the pairs starting with `first`.
    fn pair_table(&self, first: &str) -> Option<serde_json::Value> {
        let q = self.shard(first)?[first]["q"].clone();
        match q.as_u64() {
            Some(n) => self.json(&format!("x/{n}.json")),
            None => Some(q),
        }
    }
}

impl rank::Source for Exported {
    fn completions(&self, prefix: &str) -> Result<Vec<(String, u32)>> {
        let Some(shard) = self.shard(prefix) else {
            return Ok(vec![]);
        };
        let map = shard.as_object().cloned().unwrap_or_default();
        Ok(map
            .into_iter()
            .filter(|(t, _)| t.starts_with(prefix))
            .map(|(t, v)| (t, v["d"].as_u64().unwrap_or(0) as u32))
            .collect())
    }
    fn postings(&self, term: &str) -> Result<Vec<(u32, u8)>> {
        Ok(self.lookup(term).unwrap_or_default())
    }
    fn short_prefix(&self, prefix: &str) -> Result<Vec<(u32, u8)>> {
        Ok(self
            .shard(prefix)
            .and_then(|s| self.resolve(&s[export::SHORT_PREFIX_ENTRY]))
            .unwrap_or_default())
    }
    fn near(&self, word: &str) -> Result<Vec<(String, u32)>> {
        let len = word.chars().count();
        let mut out = Vec::new();
        for n in len.saturating_sub(1)..=len + 1 {
            let Some(serde_json::Value::Object(v)) = self.json(&format!("v/{n}.json")) else {
                continue;
            };
            out.extend(
                v.into_iter()
                    .filter(|(t, _)| rank::one_edit(t, word))
                    .map(|(t, df)| (t, df.as_u64().unwrap_or(0) as u32)),
            );
        }
        Ok(out)
    }
    fn pairs_of(&self, first: &str) -> Result<Vec<(String, u32)>> {
        let Some(serde_json::Value::Object(table)) = self.pair_table(first) else {
            return Ok(vec![]);
        };
        Ok(table
            .into_iter()
            .map(|(second, r)| {
                let df = self.resolve(&r).map_or(0, |p| p.len() as u32);
                (second, df)
            })
            .collect())
    }
}

#[doc(hidden)]
pub fn collect_docs(site: &Site, lang: Lang, t: &Strings) -> Vec<SearchDoc> {
    docs::collect(site, lang, t, &BTreeMap::new())
}
