//! The engine of record: a tantivy index of the search documents, and the
//! per-term impacts read from it. An impact is the BM25 score of a term in a
//! document (over all fields, with their weights, using tantivy's postings,
//! document frequencies and field norms), quantised to an integer 0–255 so
//! that every runtime adds the same numbers and ranks identically.

use super::analyze::{term_kind, Analyzer, TermKind, PAIR};
use super::docs::{Field, SearchDoc};
use crate::messages::msg;
use anyhow::{Context, Result};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use tantivy::schema::{IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions};
use tantivy::tokenizer::Token;
use tantivy::{Index, IndexReader, Searcher, TantivyDocument, Term};

const K1: f32 = 1.2;
const B: f32 = 0.75;
/// Impact units per BM25 point: a strong name match (≈ 100 points) stays under 255.
const SCALE: f32 = 2.0;

/// A term's postings: (document number, impact), by document number.
pub type Postings = Vec<(u32, u8)>;

/// Documents of a term that keep their own impact; the rest share one.
pub const STRONGEST: usize = 128;

/// Keep the [`STRONGEST`] impacts of a long posting list and give the rest
/// their median. A syllable on thousands of pages then costs its membership
/// bits and a few hundred bytes, not a byte per page; its weak matches were
/// never going to decide a ranking. Applied here, it is part of the ranking
/// for every runtime.
pub fn shape(mut postings: Postings) -> Postings {
    if postings.len() <= STRONGEST {
        return postings;
    }
    let mut order: Vec<usize> = (0..postings.len()).collect();
    order.sort_by(|a, b| {
        postings[*b]
            .1
            .cmp(&postings[*a].1)
            .then(postings[*a].0.cmp(&postings[*b].0))
    });
    let rest = &order[STRONGEST..];
    let mut tail: Vec<u8> = rest.iter().map(|i| postings[*i].1).collect();
    tail.sort_unstable();
    let median = tail[tail.len() / 2];
    for i in rest {
        postings[*i].1 = median;
    }
    postings
}

pub struct Engine {
    reader: IndexReader,
    fields: Vec<(tantivy::schema::Field, f32)>,
    /// Per field, the average length BM25 divides by.
    avg_len: Vec<f32>,
    /// Per segment, the number of each of its documents (`docnum`), read
    /// once rather than for every term.
    numbers: Vec<Vec<u32>>,
    /// Number of documents.
    pub docs: u32,
    /// The syllable terms typos are corrected to ([`super::rank::in_vocabulary`]),
    /// read from the term dictionary once, when first needed.
    vocabulary: std::sync::OnceLock<Vec<String>>,
}

fn schema() -> (
    Schema,
    Vec<(tantivy::schema::Field, f32)>,
    tantivy::schema::Field,
) {
    let mut b = Schema::builder();
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(TOKENIZER)
        .set_index_option(IndexRecordOption::WithFreqs)
        .set_fieldnorms(true);
    let fields = Field::ALL
        .iter()
        .map(|f| {
            (
                b.add_text_field(
                    f.name(),
                    TextOptions::default().set_indexing_options(indexing.clone()),
                ),
                f.weight(),
            )
        })
        .collect();
    let id = b.add_u64_field("docnum", NumericOptions::default().set_fast());
    (b.build(), fields, id)
}

/// The name the [`Terms`] tokenizer is registered under.
const TOKENIZER: &str = "guong";

/// Hands tantivy the terms of [`Analyzer::index_terms`]: folded
/// syllables, keys, exact forms and pairs. A tokenizer rather than pre-tokenized text because
/// tantivy stores a pre-tokenized value in its document as JSON and parses
/// it back to index it, which cost a quarter of a build's CPU time; this
/// way the analysis also runs on tantivy's indexing threads.
#[derive(Clone)]
struct Terms {
    analyzer: Analyzer,
    token: Token,
}

impl Terms {
    fn new(analyzer: Analyzer) -> Terms {
        Terms {
            analyzer,
            token: Token::default(),
        }
    }
}

struct TermStream<'a> {
    terms: std::iter::Enumerate<std::vec::IntoIter<String>>,
    token: &'a mut Token,
}

impl tantivy::tokenizer::Tokenizer for Terms {
    type TokenStream<'a> = TermStream<'a>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> TermStream<'a> {
        self.token.reset();
        TermStream {
            terms: self.analyzer.index_terms(text).into_iter().enumerate(),
            token: &mut self.token,
        }
    }
}

impl tantivy::tokenizer::TokenStream for TermStream<'_> {
    fn advance(&mut self) -> bool {
        match self.terms.next() {
            Some((position, text)) => {
                self.token.position = position;
                self.token.text = text;
                true
            }
            None => false,
        }
    }
    fn token(&self) -> &Token {
        self.token
    }
    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

impl Engine {
    /// Index `docs` (numbered by their order) into the empty folder `dir`, or in memory.
    pub fn build(docs: &[SearchDoc], dir: Option<&Path>, analyzer: Analyzer) -> Result<Engine> {
        let (schema, fields, id) = schema();
        let index = match dir {
            Some(dir) => Index::create_in_dir(dir, schema)
                .with_context(|| msg!("search-cannot-create-index", path = dir))?,
            None => Index::create_in_ram(schema),
        };
        index.tokenizers().register(TOKENIZER, Terms::new(analyzer));
        // Documents may land in several segments; the `docnum` fast field keeps their numbers.
        let mut writer = index.writer_with_num_threads::<TantivyDocument>(2, 128 * 1024 * 1024)?;
        // The text is analysed by the `Terms` tokenizer on the writer's threads.
        for (n, d) in docs.iter().enumerate() {
            let mut doc = TantivyDocument::default();
            doc.add_u64(id, n as u64);
            for ((field, _), text) in fields.iter().zip(&d.fields) {
                if !text.is_empty() {
                    doc.add_text(*field, text);
                }
            }
            writer.add_document(doc)?;
        }
        writer.commit()?;
        Self::open_index(index, fields, analyzer)
    }

    /// Open an index written by [`Engine::build`].
    pub fn open(dir: &Path, analyzer: Analyzer) -> Result<Engine> {
        let index = Index::open_in_dir(dir)
            .with_context(|| msg!("search-cannot-open-index", path = dir))?;
        let (_, fields, _) = schema();
        Self::open_index(index, fields, analyzer)
    }

    fn open_index(
        index: Index,
        fields: Vec<(tantivy::schema::Field, f32)>,
        analyzer: Analyzer,
    ) -> Result<Engine> {
        index.tokenizers().register(TOKENIZER, Terms::new(analyzer));
        // Manual: nothing watches the folder for changes (a watcher only costs time here).
        let reader = index
            .reader_builder()
            .reload_policy(tantivy::ReloadPolicy::Manual)
            .try_into()?;
        let searcher = reader.searcher();
        let docs = searcher.num_docs() as u32;
        let mut avg_len = Vec::with_capacity(fields.len());
        for (field, _) in &fields {
            let mut total_tokens = 0u64;
            for segment in searcher.segment_readers() {
                total_tokens += segment.inverted_index(*field)?.total_num_tokens();
            }
            avg_len.push((total_tokens as f32 / docs.max(1) as f32).max(1.0));
        }
        let mut numbers = Vec::new();
        for segment in searcher.segment_readers() {
            let ids = segment.fast_fields().u64("docnum")?;
            numbers.push(
                (0..segment.max_doc())
                    .map(|doc| ids.first(doc).unwrap_or(0) as u32)
                    .collect(),
            );
        }
        Ok(Engine {
            reader,
            fields,
            avg_len,
            numbers,
            docs,
            vocabulary: std::sync::OnceLock::new(),
        })
    }

    fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    /// Every term of the index, sorted.
    pub fn terms(&self) -> Result<BTreeSet<String>> {
        let searcher = self.searcher();
        let mut terms = BTreeSet::new();
        for segment in searcher.segment_readers() {
            for (field, _) in &self.fields {
                let inverted = segment.inverted_index(*field)?;
                let mut stream = inverted.terms().stream()?;
                while stream.advance() {
                    terms.insert(String::from_utf8_lossy(stream.key()).into_owned());
                }
            }
        }
        Ok(terms)
    }

    /// Syllable terms one edit from `word`, with their document frequency.
    pub fn near(&self, word: &str) -> Result<Vec<(String, u32)>> {
        if self.vocabulary.get().is_none() {
            let terms = self.terms()?;
            let _ = self.vocabulary.set(
                terms
                    .into_iter()
                    .filter(|t| term_kind(t) == TermKind::Syllable && super::rank::in_vocabulary(t))
                    .collect(),
            );
        }
        let vocabulary = self.vocabulary.get().map(Vec::as_slice).unwrap_or_default();
        vocabulary
            .iter()
            .filter(|t| super::rank::one_edit(t, word))
            .map(|t| Ok((t.clone(), self.impacts(t)?.len() as u32)))
            .collect()
    }

    /// The second syllables of the pairs starting with `first`, with the
    /// number of documents of each pair.
    pub fn pairs_of(&self, first: &str) -> Result<Vec<(String, u32)>> {
        let prefix = format!("{first}{PAIR}");
        self.terms_with_prefix(&prefix)?
            .into_iter()
            .filter(|t| t[prefix.len()..].chars().all(|c| c != PAIR))
            .map(|t| {
                Ok((
                    t[prefix.len()..].to_string(),
                    self.impacts(&t)?.len() as u32,
                ))
            })
            .collect()
    }

    /// Whether any syllable term starts with `prefix`.
    pub fn has_syllable_with_prefix(&self, prefix: &str) -> Result<bool> {
        Ok(self
            .terms_with_prefix(prefix)?
            .iter()
            .any(|t| term_kind(t) == TermKind::Syllable))
    }

    /// Syllable terms starting with `prefix`, with their document frequency.
    pub fn syllables_with_prefix(&self, prefix: &str) -> Result<Vec<(String, u32)>> {
        self.terms_with_prefix(prefix)?
            .into_iter()
            .filter(|t| term_kind(t) == TermKind::Syllable)
            .map(|t| Ok((t.clone(), self.impacts(&t)?.len() as u32)))
            .collect()
    }

    /// Terms of every kind starting with `prefix`.
    fn terms_with_prefix(&self, prefix: &str) -> Result<BTreeSet<String>> {
        let searcher = self.searcher();
        let mut found = BTreeSet::new();
        for segment in searcher.segment_readers() {
            for (field, _) in &self.fields {
                let inverted = segment.inverted_index(*field)?;
                let mut stream = inverted
                    .terms()
                    .range()
                    .ge(prefix.as_bytes())
                    .into_stream()?;
                while stream.advance() {
                    let key = String::from_utf8_lossy(stream.key()).into_owned();
                    if !key.starts_with(prefix) {
                        break;
                    }
                    found.insert(key);
                }
            }
        }
        Ok(found)
    }

    /// The impacts of `term` in every document that contains it.
    pub fn impacts(&self, term: &str) -> Result<Postings> {
        let searcher = self.searcher();
        let n = searcher.num_docs() as f32;
        let mut raw: BTreeMap<u32, f32> = BTreeMap::new();
        for ((field, boost), avg) in self.fields.iter().zip(&self.avg_len) {
            let t = Term::from_field_text(*field, term);
            let df = searcher.doc_freq(&t)? as f32;
            if df == 0.0 {
                continue;
            }
            let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
            for (segment, numbers) in searcher.segment_readers().iter().zip(&self.numbers) {
                let norms = segment.get_fieldnorms_reader(*field)?;
                let inverted = segment.inverted_index(*field)?;
                let Some(mut postings) =
                    inverted.read_postings(&t, IndexRecordOption::WithFreqs)?
                else {
                    continue;
                };
                use tantivy::postings::Postings as _;
                use tantivy::{DocSet, TERMINATED};
                let mut doc = postings.doc();
                while doc != TERMINATED {
                    let tf = postings.term_freq() as f32;
                    let len = norms.fieldnorm(doc) as f32;
                    let score = idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len / avg));
                    let number = numbers.get(doc as usize).copied().unwrap_or(0);
                    *raw.entry(number).or_insert(0.0) += boost * score;
                    doc = postings.advance();
                }
            }
        }
        Ok(shape(
            raw.into_iter()
                .map(|(d, s)| (d, (s * SCALE).round().clamp(0.0, 255.0) as u8))
                .collect(),
        ))
    }
}
