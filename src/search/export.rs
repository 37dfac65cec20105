//! The static index for the browser, exported from the engine of record.
//!
//! Layout under `/_search/<lang>/<hash>/` (the hash covers every file, so
//! all of it can be cached for a year):
//! - `meta.json`: document count, shard numbers by prefix, facet labels,
//!   the lengths of the vocabulary files, and the search's rules
//!   ([`super::rules`]), which the browser reads instead of copying;
//! - `s/<n>.json`: syllable shards by their first two folded characters:
//!   `{syllable: {d: df, p: postings, x: {exact: postings}, q: pair file}}`;
//!   the shard of a one- or two-character prefix also holds, under `*`, the
//!   prefix's postings ([`rank::prefix_union`]), so that one or two typed
//!   letters cost one small file;
//! - `v/<len>.json`: the syllables typos are corrected to, by length:
//!   `{syllable: df}`; fetched only when a query found too little;
//! - `x/<n>.json`: the pairs starting with one syllable: `{second: postings}`
//!   (inlined as `q: {…}` instead when small);
//! - `p/<n>.bin`: postings too large to inline (small ones are base64 inline);
//! - `f/<doc>.json`: what a result shows; fetched only for results shown;
//! - `facets/<facet>.json`: `{key: postings}` for the filters.
//!
//! Postings bytes: varint count, mode byte (0: first doc then deltas as
//! varints; 1: bitmap over all documents, LSB first), then impacts: 0 and one
//! shared byte; 1 and one byte per document; or 2, the commonest byte, a
//! varint count and (position delta varint, byte) exceptions. A query for a syllable that
//! is in every document costs a few hundred bytes, not the whole list.

use super::analyze::{term_kind, Analyzer, TermKind, EXACT, PAIR};
use super::docs::SearchDoc;
use super::engine::{Engine, Postings};
use super::rank;
use crate::paths::Urls;
use anyhow::Result;
use base64::Engine as _;
use rayon::prelude::*;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// Postings up to this many bytes are inlined in their shard.
const INLINE_MAX: usize = 48;
/// Pair tables up to this many bytes of JSON are inlined in their syllable's entry.
const PAIRS_INLINE_MAX: usize = 160;

fn varint(mut n: u32, out: &mut Vec<u8>) {
    while n >= 0x80 {
        out.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

pub fn encode(postings: &[(u32, u8)], docs: u32) -> Vec<u8> {
    let mut list = Vec::new();
    let mut prev = 0;
    for (i, (doc, _)) in postings.iter().enumerate() {
        varint(if i == 0 { *doc } else { doc - prev }, &mut list);
        prev = *doc;
    }
    let bitmap_len = (docs as usize).div_ceil(8);
    let mut out = Vec::with_capacity(list.len().min(bitmap_len) + postings.len() + 8);
    varint(postings.len() as u32, &mut out);
    if bitmap_len < list.len() {
        out.push(1);
        let mut bits = vec![0u8; bitmap_len];
        for (doc, _) in postings {
            bits[*doc as usize / 8] |= 1 << (doc % 8);
        }
        out.extend(bits);
    } else {
        out.push(0);
        out.extend(list);
    }
    // Impacts: one shared value; one per document; or (for long, shaped
    // lists) the commonest value and the exceptions by position.
    let mut counts = [0usize; 256];
    for p in postings {
        counts[p.1 as usize] += 1;
    }
    let common = (0..=255u8)
        .max_by_key(|v| (counts[*v as usize], std::cmp::Reverse(*v)))
        .unwrap_or(0);
    let exceptions: Vec<(usize, u8)> = postings
        .iter()
        .enumerate()
        .filter(|(_, p)| p.1 != common)
        .map(|(i, p)| (i, p.1))
        .collect();
    if exceptions.is_empty() {
        out.extend([0, common]);
    } else if exceptions.len() * 2 < postings.len() {
        out.extend([2, common]);
        varint(exceptions.len() as u32, &mut out);
        let mut prev = 0;
        for (i, v) in exceptions {
            varint((i - prev) as u32, &mut out);
            out.push(v);
            prev = i;
        }
    } else {
        out.push(1);
        out.extend(postings.iter().map(|p| p.1));
    }
    out
}

/// Read postings written by [`encode`] for an index of `docs` documents.
pub fn decode(bytes: &[u8], docs: u32) -> Option<Postings> {
    let mut pos = 0usize;
    let varint = |pos: &mut usize| -> Option<u32> {
        let mut n = 0u32;
        let mut shift = 0;
        loop {
            let b = *bytes.get(*pos)?;
            *pos += 1;
            n |= ((b & 0x7f) as u32) << shift;
            if b < 0x80 {
                return Some(n);
            }
            shift += 7;
        }
    };
    let count = varint(&mut pos)? as usize;
    let mode = *bytes.get(pos)?;
    pos += 1;
    let mut list = Vec::with_capacity(count);
    if mode == 1 {
        let bitmap = bytes.get(pos..pos + (docs as usize).div_ceil(8))?;
        list.extend((0..docs).filter(|d| bitmap[*d as usize / 8] >> (d % 8) & 1 == 1));
        pos += bitmap.len();
    } else {
        let mut prev = 0u32;
        for i in 0..count {
            let n = varint(&mut pos)?;
            prev = if i == 0 { n } else { prev + n };
            list.push(prev);
        }
    }
    if list.len() != count {
        return None;
    }
    let impacts: Vec<u8> = match *bytes.get(pos)? {
        0 => vec![*bytes.get(pos + 1)?; count],
        2 => {
            let mut impacts = vec![*bytes.get(pos + 1)?; count];
            pos += 2;
            let k = varint(&mut pos)?;
            let mut at = 0usize;
            for _ in 0..k {
                at += varint(&mut pos)? as usize;
                *impacts.get_mut(at)? = *bytes.get(pos)?;
                pos += 1;
            }
            impacts
        }
        _ => bytes.get(pos + 1..pos + 1 + count)?.to_vec(),
    };
    Some(list.into_iter().zip(impacts).collect())
}

/// Builds the files of one language's index; paths are relative to its folder.
struct Writer {
    files: Vec<IndexFile>,
    docs: u32,
    postings_files: u32,
}

impl Writer {
    /// Inline base64 for small postings, else a file number.
    fn postings_ref(&mut self, postings: &[(u32, u8)]) -> Value {
        let bytes = encode(postings, self.docs);
        if bytes.len() <= INLINE_MAX {
            Value::String(base64::engine::general_purpose::STANDARD.encode(bytes))
        } else {
            let n = self.postings_files;
            self.postings_files += 1;
            self.files.push((format!("p/{n}.bin"), bytes));
            Value::from(n)
        }
    }
    fn json(&mut self, path: String, value: &Value) {
        self.files
            .push((path, serde_json::to_vec(value).expect("JSON")));
    }
}

/// Where a short prefix's postings are kept in its shard (not a syllable:
/// syllables are letters, marks and digits).
pub const SHORT_PREFIX_ENTRY: &str = "*";

/// The syllables' postings in memory, as a [`rank::Source`] for working out
/// the short prefixes' postings with the ranking's own definition.
struct InMemory<'a>(&'a BTreeMap<String, Entry>);

impl rank::Source for InMemory<'_> {
    fn completions(&self, prefix: &str) -> Result<Vec<(String, u32)>> {
        Ok(self
            .0
            .range(prefix.to_string()..)
            .take_while(|(t, _)| t.starts_with(prefix))
            .filter(|(_, e)| !e.postings.is_empty())
            .map(|(t, e)| (t.clone(), e.postings.len() as u32))
            .collect())
    }
    fn postings(&self, term: &str) -> Result<Postings> {
        Ok(self
            .0
            .get(term)
            .map(|e| e.postings.clone())
            .unwrap_or_default())
    }
    fn near(&self, _: &str) -> Result<Vec<(String, u32)>> {
        unreachable!("the export asks only for prefixes")
    }
    fn pairs_of(&self, _: &str) -> Result<Vec<(String, u32)>> {
        unreachable!("the export asks only for prefixes")
    }
}

/// The prefix a syllable is sharded by: its first two characters.
pub fn shard_key(syllable: &str) -> String {
    syllable.chars().take(2).collect()
}

#[derive(Default)]
struct Entry {
    postings: Postings,
    exact: BTreeMap<String, Postings>,
    pairs: BTreeMap<String, Postings>,
}

/// A file of the exported index: path relative to its folder, and bytes.
pub type IndexFile = (String, Vec<u8>);

/// Facet key → (label, documents), per facet, in display order.
pub type FacetTable = BTreeMap<super::Facet, Vec<(String, String, Vec<u32>)>>;

/// Export the engine's index: files relative to the index folder, and the folder's hash.
pub fn export(
    engine: &Engine,
    analyzer: Analyzer,
    docs: &[SearchDoc],
    facets: &FacetTable,
    urls: &Urls,
) -> Result<(Vec<IndexFile>, String)> {
    let terms: Vec<String> = engine.terms()?.into_iter().collect();
    let postings: Vec<(String, Postings)> = terms
        .into_par_iter()
        .map(|t| engine.impacts(&t).map(|p| (t, p)))
        .collect::<Result<_>>()?;
    let mut entries: BTreeMap<String, Entry> = BTreeMap::new();
    for (term, p) in postings {
        match term_kind(&term) {
            TermKind::Syllable => entries.entry(term).or_default().postings = p,
            TermKind::Exact => {
                let exact = term.trim_start_matches(EXACT).to_string();
                entries
                    .entry(crate::text::fold::fold(&exact))
                    .or_default()
                    .exact
                    .insert(exact, p);
            }
            TermKind::Pair => {
                let (a, b) = term.split_once(PAIR).unwrap_or((&term, ""));
                entries
                    .entry(a.to_string())
                    .or_default()
                    .pairs
                    .insert(b.to_string(), p);
            }
        }
    }
    let mut w = Writer {
        files: Vec::new(),
        docs: engine.docs,
        postings_files: 0,
    };
    let mut shards: BTreeMap<String, Map<String, Value>> = BTreeMap::new();
    // The postings of every one- and two-character prefix of a syllable.
    let prefixes: std::collections::BTreeSet<String> = entries
        .iter()
        .filter(|(_, e)| !e.postings.is_empty())
        .flat_map(|(t, _)| {
            (1..=super::rules::SHORT_PREFIX_CHARS).map(move |n| t.chars().take(n).collect())
        })
        .collect();
    let short: Vec<(String, Postings)> = prefixes
        .into_par_iter()
        .map(|p| rank::prefix_union(&InMemory(&entries), &p).map(|u| (p, u)))
        .collect::<Result<_>>()?;
    for (prefix, postings) in short {
        let r = w.postings_ref(&postings);
        shards
            .entry(prefix)
            .or_default()
            .insert(SHORT_PREFIX_ENTRY.into(), r);
    }
    // The vocabulary typos are corrected to, by length.
    let mut vocabulary: BTreeMap<usize, Map<String, Value>> = BTreeMap::new();
    for (t, e) in &entries {
        if !e.postings.is_empty() && rank::in_vocabulary(t) {
            vocabulary
                .entry(t.chars().count())
                .or_default()
                .insert(t.clone(), Value::from(e.postings.len()));
        }
    }
    let lengths: Vec<usize> = vocabulary.keys().copied().collect();
    for (len, words) in vocabulary {
        w.json(format!("v/{len}.json"), &Value::Object(words));
    }
    let mut pair_files = 0u32;
    for (syllable, e) in entries {
        if e.postings.is_empty() {
            continue;
        }
        let mut v = Map::new();
        v.insert("d".into(), Value::from(e.postings.len()));
        v.insert("p".into(), w.postings_ref(&e.postings));
        if !e.exact.is_empty() {
            let x: Map<String, Value> = e
                .exact
                .iter()
                .map(|(k, p)| (k.clone(), w.postings_ref(p)))
                .collect();
            v.insert("x".into(), Value::Object(x));
        }
        if !e.pairs.is_empty() {
            let q: Map<String, Value> = e
                .pairs
                .iter()
                .map(|(k, p)| (k.clone(), w.postings_ref(p)))
                .collect();
            // A few pairs ride along in the shard; many get their own file.
            if serde_json::to_vec(&q).map_or(0, |b| b.len()) <= PAIRS_INLINE_MAX {
                v.insert("q".into(), Value::Object(q));
            } else {
                w.json(format!("x/{pair_files}.json"), &Value::Object(q));
                v.insert("q".into(), Value::from(pair_files));
                pair_files += 1;
            }
        }
        shards
            .entry(shard_key(&syllable))
            .or_default()
            .insert(syllable, Value::Object(v));
    }
    let mut shard_numbers = Map::new();
    for (n, (key, shard)) in shards.into_iter().enumerate() {
        w.json(format!("s/{n}.json"), &Value::Object(shard));
        shard_numbers.insert(key, Value::from(n));
    }
    let mut facet_meta = Map::new();
    for (facet, values) in facets {
        let name = facet.name();
        let mut file = Map::new();
        let mut labels = Vec::new();
        for (key, label, members) in values {
            let p: Postings = members.iter().map(|d| (*d, 0)).collect();
            file.insert(
                key.clone(),
                Value::String(
                    base64::engine::general_purpose::STANDARD.encode(encode(&p, engine.docs)),
                ),
            );
            labels.push(json!([key, label, members.len()]));
        }
        w.json(format!("facets/{name}.json"), &Value::Object(file));
        facet_meta.insert(name.to_string(), Value::Array(labels));
    }
    for (n, d) in docs.iter().enumerate() {
        let fragment = json!({
            "u": urls.href(&d.path), "t": d.title, "h": d.honorific, "s": d.summary,
            "k": d.kind_label, "f": d.field_label, "l": d.text_lang, "i": d.thumb.as_ref().map(|t| urls.href(t)),
        });
        // Only where there is one: most results have no notice.
        let mut fragment = fragment;
        if let Some(c) = &d.checking {
            fragment["c"] = Value::String(c.clone());
        }
        w.json(format!("f/{n}.json"), &fragment);
    }
    let meta = json!({
        "v": 2, "n": engine.docs, "shards": shard_numbers, "facets": facet_meta,
        "vocab": lengths, "rules": super::rules::to_json(analyzer.stemmer_name()),
    });
    w.json("meta.json".into(), &meta);
    w.files.sort();
    let mut hasher = <sha2::Sha256 as sha2::Digest>::new();
    for (path, bytes) in &w.files {
        sha2::Digest::update(&mut hasher, path.as_bytes());
        sha2::Digest::update(&mut hasher, bytes);
    }
    let hash: String = sha2::Digest::finalize(hasher)
        .iter()
        .take(5)
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok((w.files, hash))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_round_trip_in_both_modes() {
        let sparse = vec![(3, 7), (40, 9), (1000, 7)];
        assert_eq!(decode(&encode(&sparse, 2000), 2000).unwrap(), sparse);
        assert_eq!(encode(&sparse, 2000)[1], 0, "sparse lists are delta lists");
        let dense: Postings = (0..500).map(|d| (d, 4)).collect();
        let bytes = encode(&dense, 500);
        assert_eq!(bytes[2], 1, "dense lists are bitmaps");
        assert!(
            bytes.len() < 70,
            "a syllable in every document costs a bitmap, {} bytes",
            bytes.len()
        );
        assert_eq!(decode(&bytes, 500).unwrap(), dense);
        let varied: Postings = (0..300).map(|d| (d * 2, (d % 7) as u8)).collect();
        assert_eq!(decode(&encode(&varied, 600), 600).unwrap(), varied);
        let shaped = crate::search::engine::shape((0..5000).map(|d| (d, (d % 97) as u8)).collect());
        let bytes = encode(&shaped, 5000);
        assert!(
            bytes.len() < 1200,
            "a shaped list of 5000 costs {} bytes",
            bytes.len()
        );
        assert_eq!(decode(&bytes, 5000).unwrap(), shaped);
    }
}
