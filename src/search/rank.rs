//! The ranking, defined once: `guong search` runs it over the tantivy index,
//! and the browser client (`search.js`) runs the same steps over the static
//! export. Integer impacts make the two agree to the last place.
//!
//! 1. Every query syllable must match (AND). The last syllable, while still
//!    being typed, matches as a prefix: its candidates are the
//!    [`MAX_EXPANSIONS`] most frequent syllables starting with it (ties by
//!    term), plus the syllable itself. Shorter than [`MIN_PREFIX_CHARS`], it
//!    matches exactly, and is ignored when it matches nothing and other
//!    syllables were typed, so results do not vanish at each new word.
//! 2. A syllable scores the best impact among its candidates, plus the
//!    impact of its exact form when typed with diacritics.
//! 3. Each pair of adjacent query syllables adds the impact of the pair term.
//! 4. Results are ordered by score, then by document number.

use super::analyze::{pair_term, Query};
use std::collections::{BTreeMap, BTreeSet};

/// How many completions the last, unfinished syllable expands to.
pub const MAX_EXPANSIONS: usize = 8;
/// A syllable shorter than this is not expanded as a prefix: two letters
/// ("th", "ch") would expand to the commonest syllables and cost the most.
pub const MIN_PREFIX_CHARS: usize = 3;

/// Where postings come from: the tantivy index or the static export.
pub trait Source {
    /// Syllable terms starting with `prefix` and their document frequencies.
    fn completions(&self, prefix: &str) -> anyhow::Result<Vec<(String, u32)>>;
    /// Postings of a term (empty when the term is unknown).
    fn postings(&self, term: &str) -> anyhow::Result<Vec<(u32, u8)>>;
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Ranked {
    /// Number of matching documents.
    pub total: usize,
    /// (document number, score), best first.
    pub hits: Vec<(u32, u32)>,
}

/// The candidate terms of the last syllable when typed as a prefix.
pub fn expansions(src: &impl Source, prefix: &str) -> anyhow::Result<Vec<String>> {
    let mut all = src.completions(prefix)?;
    all.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut chosen: Vec<String> = all
        .iter()
        .take(MAX_EXPANSIONS)
        .map(|(t, _)| t.clone())
        .collect();
    if all.iter().any(|(t, _)| t == prefix) && !chosen.iter().any(|t| t == prefix) {
        chosen.push(prefix.to_string());
    }
    chosen.sort();
    Ok(chosen)
}

/// Rank the documents for `query`, keeping only those in `filter` when given.
pub fn rank(
    src: &impl Source,
    query: &Query,
    filter: Option<&BTreeSet<u32>>,
    limit: usize,
) -> anyhow::Result<Ranked> {
    let n = query.syllables.len();
    if n == 0 {
        let hits: Vec<(u32, u32)> = filter
            .map(|f| f.iter().map(|d| (*d, 0)).collect())
            .unwrap_or_default();
        return Ok(Ranked {
            total: hits.len(),
            hits: hits.into_iter().take(limit).collect(),
        });
    }
    let mut scores: Option<BTreeMap<u32, u32>> = None;
    let mut used = Vec::with_capacity(n);
    for (i, s) in query.syllables.iter().enumerate() {
        let unfinished = i == n - 1 && query.last_is_prefix;
        let candidates = if unfinished && s.folded.chars().count() >= MIN_PREFIX_CHARS {
            expansions(src, &s.folded)?
        } else {
            vec![s.folded.clone()]
        };
        let mut best: BTreeMap<u32, u32> = BTreeMap::new();
        for c in &candidates {
            for (doc, impact) in src.postings(c)? {
                let e = best.entry(doc).or_insert(0);
                *e = (*e).max(impact as u32);
            }
        }
        if best.is_empty() && unfinished && i > 0 && s.folded.chars().count() < MIN_PREFIX_CHARS {
            continue;
        }
        used.push(s);
        if let Some(exact) = s.exact_term() {
            for (doc, impact) in src.postings(&exact)? {
                if let Some(e) = best.get_mut(&doc) {
                    *e += impact as u32;
                }
            }
        }
        scores = Some(match scores {
            None => best,
            Some(prev) => prev
                .into_iter()
                .filter_map(|(doc, score)| best.get(&doc).map(|b| (doc, score + b)))
                .collect(),
        });
        if scores.as_ref().is_some_and(|s| s.is_empty()) {
            return Ok(Ranked {
                total: 0,
                hits: vec![],
            });
        }
    }
    let mut scores = scores.unwrap_or_default();
    for w in used.windows(2) {
        for (doc, impact) in src.postings(&pair_term(&w[0].folded, &w[1].folded))? {
            if let Some(s) = scores.get_mut(&doc) {
                *s += impact as u32;
            }
        }
    }
    if let Some(f) = filter {
        scores.retain(|doc, _| f.contains(doc));
    }
    let mut hits: Vec<(u32, u32)> = scores.into_iter().collect();
    hits.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let total = hits.len();
    hits.truncate(limit);
    Ok(Ranked { total, hits })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::analyze::parse_query;

    /// A tiny in-memory source: term → postings.
    struct Mem(BTreeMap<&'static str, Vec<(u32, u8)>>);

    impl Source for Mem {
        fn completions(&self, prefix: &str) -> anyhow::Result<Vec<(String, u32)>> {
            Ok(self
                .0
                .iter()
                .filter(|(t, _)| t.starts_with(prefix) && !t.contains(['=', '_']))
                .map(|(t, p)| (t.to_string(), p.len() as u32))
                .collect())
        }
        fn postings(&self, term: &str) -> anyhow::Result<Vec<(u32, u8)>> {
            Ok(self.0.get(term).cloned().unwrap_or_default())
        }
    }

    fn mem() -> Mem {
        Mem(BTreeMap::from([
            ("son", vec![(0, 10), (1, 10), (2, 10)]),
            ("=sơn", vec![(0, 8)]),
            ("=sọn", vec![(1, 8)]),
            ("la", vec![(0, 5), (1, 5), (2, 5)]),
            ("son_la", vec![(2, 30)]),
            ("song", vec![(3, 20)]),
        ]))
    }

    #[test]
    fn diacritics_rank_exact_matches_first_and_plain_finds_both() {
        let m = mem();
        let r = rank(&m, &parse_query("Sơn "), None, 10).unwrap();
        assert_eq!(r.hits[0], (0, 18));
        assert_eq!(r.total, 3);
        let r = rank(&m, &parse_query("son "), None, 10).unwrap();
        assert_eq!(r.hits, vec![(0, 10), (1, 10), (2, 10)]);
    }

    #[test]
    fn adjacent_syllables_rank_above_scattered_ones() {
        let r = rank(&mem(), &parse_query("son la"), None, 10).unwrap();
        assert_eq!(r.hits[0].0, 2);
    }

    #[test]
    fn the_last_syllable_matches_as_a_prefix_and_all_must_match() {
        let m = mem();
        let r = rank(&m, &parse_query("so"), None, 10).unwrap();
        assert_eq!(r.total, 0, "two letters match exactly");
        let r = rank(&m, &parse_query("son"), None, 10).unwrap();
        assert_eq!(r.total, 4, "son and song");
        let r = rank(&m, &parse_query("so "), None, 10).unwrap();
        assert_eq!(r.total, 0, "a complete syllable is not a prefix");
        let r = rank(&m, &parse_query("song la"), None, 10).unwrap();
        assert_eq!(r.total, 0);
        let r = rank(&m, &parse_query("son l"), None, 10).unwrap();
        assert_eq!(r.total, 3, "one unfinished letter is ignored");
        let filter = BTreeSet::from([1]);
        assert_eq!(
            rank(&m, &parse_query("son"), Some(&filter), 10)
                .unwrap()
                .hits,
            vec![(1, 10)]
        );
    }
}
