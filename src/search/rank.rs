//! The ranking, defined once: `guong search` runs it over the tantivy index,
//! and the browser client (`search.js`) runs the same steps over the static
//! export. Integer impacts make the two agree to the last place. The limits
//! named here are in [`super::rules`].
//!
//! 1. **Joined syllables.** A query syllable that matches nothing but splits
//!    into two syllables that occur together ("sonla" → "son la") is
//!    searched as the two.
//! 2. **Candidates.** A finished syllable matches its key. The last syllable,
//!    while still being typed, matches as a prefix from its first letter:
//!    its candidates are the [`MAX_EXPANSIONS`] most frequent syllables
//!    starting with it (ties by term), plus the syllable itself; a longer
//!    completion counts half its impact. For one or two letters the index
//!    stores the result (the best impact per document, [`shape`]d), so a
//!    keystroke costs one small file.
//! 3. Every syllable must match (AND), but an unfinished last syllable that
//!    would leave nothing is ignored: results never vanish while typing.
//! 4. A syllable scores the best impact among its candidates, plus the
//!    impact of its exact form when typed with diacritics; each pair of
//!    adjacent syllables adds the impact of the pair term.
//! 5. **Typos.** When that finds fewer than [`TYPO_BELOW`] results, a second
//!    pass also lets each syllable of [`TYPO_MIN_CHARS`] letters or more
//!    match the [`MAX_CORRECTIONS`] commonest syllables one edit away
//!    (insert, delete, substitute, transpose). A document's typos are the
//!    syllables it matched only through a correction. Where the query as
//!    typed found nothing (or its last word nothing), the corrected query of
//!    the best such document is offered as "did you mean".
//! 6. Results are ordered by typos, then score, then document number.

use super::analyze::{pair_term, Analyzer, Query, Syllable};
use super::engine::{shape, Postings};
use super::rules::{
    MAX_CORRECTIONS, MAX_EXPANSIONS, SHORT_PREFIX_CHARS, TYPO_BELOW, TYPO_DISTANCE, TYPO_MIN_CHARS,
};
use std::collections::{BTreeMap, BTreeSet};

/// Where postings come from: the tantivy index or the static export.
pub trait Source {
    /// Syllable terms starting with `prefix` and their document frequencies.
    fn completions(&self, prefix: &str) -> anyhow::Result<Vec<(String, u32)>>;
    /// Whether any syllable starts with `prefix` (the engine answers without
    /// working out frequencies).
    fn has_completions(&self, prefix: &str) -> anyhow::Result<bool> {
        Ok(!self.completions(prefix)?.is_empty())
    }
    /// Postings of a term (empty when the term is unknown).
    fn postings(&self, term: &str) -> anyhow::Result<Postings>;
    /// The postings of a prefix of at most [`SHORT_PREFIX_CHARS`] characters:
    /// the export stores them; the engine works them out.
    fn short_prefix(&self, prefix: &str) -> anyhow::Result<Postings> {
        prefix_union(self, prefix)
    }
    /// Syllable terms one edit from `word` ([`one_edit`]) that are all
    /// letters, [`TYPO_MIN_CHARS`] − 1 or more, with their frequencies.
    fn near(&self, word: &str) -> anyhow::Result<Vec<(String, u32)>>;
    /// The second syllables of the pairs that start with `first`, and the
    /// number of documents of each pair.
    fn pairs_of(&self, first: &str) -> anyhow::Result<Vec<(String, u32)>>;
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Ranked {
    /// Number of matching documents.
    pub total: usize,
    /// (document number, score), best first.
    pub hits: Vec<(u32, u32)>,
    /// The corrected query, when corrections found what the query did not.
    pub suggestion: Option<String>,
}

/// The candidate terms of the last syllable when typed as a prefix.
pub fn expansions(src: &(impl Source + ?Sized), prefix: &str) -> anyhow::Result<Vec<String>> {
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

/// The impacts of a completion of `prefix`: a longer word counts half, so
/// that "son la" ranks "Sơn La" above "Tông Lạnh" while "la" is still being
/// typed.
pub fn completion_impacts(term: &str, prefix: &str, postings: Postings) -> Postings {
    if term == prefix {
        return postings;
    }
    postings.into_iter().map(|(d, i)| (d, i / 2)).collect()
}

/// The best impact per document over a prefix's expansions, [`shape`]d:
/// what the export stores for short prefixes.
pub fn prefix_union(src: &(impl Source + ?Sized), prefix: &str) -> anyhow::Result<Postings> {
    let mut best: BTreeMap<u32, u8> = BTreeMap::new();
    for term in expansions(src, prefix)? {
        for (doc, impact) in completion_impacts(&term, prefix, src.postings(&term)?) {
            let e = best.entry(doc).or_insert(0);
            *e = (*e).max(impact);
        }
    }
    Ok(shape(best.into_iter().collect()))
}

/// Whether two words are one edit apart (optimal string alignment).
pub fn one_edit(a: &str, b: &str) -> bool {
    strsim::osa_distance(a, b) == TYPO_DISTANCE
}

/// Whether a term can be offered as a correction: all letters, and long
/// enough to be one edit from a correctable syllable.
pub fn in_vocabulary(term: &str) -> bool {
    term.chars().count() + 1 >= TYPO_MIN_CHARS && term.chars().all(char::is_alphabetic)
}

/// Whether a syllable may be corrected: letters only, long enough, not a numeral.
fn correctable(s: &Part) -> bool {
    s.numeral.is_none()
        && s.folded.chars().count() >= TYPO_MIN_CHARS
        && s.folded.chars().all(char::is_alphabetic)
}

/// The [`MAX_CORRECTIONS`] commonest syllables one edit from `word`.
pub fn corrections(src: &(impl Source + ?Sized), word: &str) -> anyhow::Result<Vec<String>> {
    let mut near = src.near(word)?;
    near.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(near
        .into_iter()
        .take(MAX_CORRECTIONS)
        .map(|(t, _)| t)
        .collect())
}

/// One syllable of the query as the ranking uses it.
#[derive(Debug, Clone)]
struct Part {
    /// As typed, lowercase (for the suggestion).
    typed: String,
    folded: String,
    key: String,
    exact: Option<String>,
    numeral: Option<u32>,
    unfinished: bool,
}

impl Part {
    fn new(s: &Syllable, unfinished: bool) -> Part {
        Part {
            typed: s.exact.clone(),
            folded: s.folded.clone(),
            key: s.key.clone(),
            exact: s.exact_term(),
            numeral: s.numeral,
            unfinished,
        }
    }
    fn plain(term: &str, unfinished: bool) -> Part {
        Part {
            typed: term.to_string(),
            folded: term.to_string(),
            key: term.to_string(),
            exact: None,
            numeral: None,
            unfinished,
        }
    }
}

/// Step 1: a syllable that matches nothing, split where the index has the
/// two halves as a pair (the commonest such pair wins; ties: the shorter first half).
fn split_joined(src: &(impl Source + ?Sized), part: &Part) -> anyhow::Result<Option<[Part; 2]>> {
    let word = &part.folded;
    if word.chars().count() < 2 || part.numeral.is_some() {
        return Ok(None);
    }
    let known = if part.unfinished {
        src.has_completions(word)?
    } else {
        !src.postings(&part.key)?.is_empty()
    };
    if known {
        return Ok(None);
    }
    let mut best: Option<(u32, usize)> = None;
    for (i, _) in word.char_indices().skip(1) {
        let (a, b) = word.split_at(i);
        let weight: u32 = src
            .pairs_of(a)?
            .iter()
            .filter(|(second, _)| second == b || (part.unfinished && second.starts_with(b)))
            .map(|(_, df)| df)
            .sum();
        if weight > 0 && best.is_none_or(|(w, _)| weight > w) {
            best = Some((weight, i));
        }
    }
    Ok(best.map(|(_, i)| {
        let (a, b) = word.split_at(i);
        [Part::plain(a, false), Part::plain(b, part.unfinished)]
    }))
}

/// A document's match of one syllable: (typos, impact, candidate number).
type Match = (u8, u32, usize);

/// What one syllable matched: each document's best match, and the pair key
/// of each candidate.
struct Matches {
    best: BTreeMap<u32, Match>,
    keys: Vec<String>,
    /// The terms of the candidates that are corrections, by candidate number.
    terms: Vec<String>,
}

/// Steps 2–4 for one syllable: each document's best match.
fn matches(
    src: &(impl Source + ?Sized),
    part: &Part,
    analyzer: Analyzer,
    typos: bool,
) -> anyhow::Result<Matches> {
    let mut m = Matches {
        best: BTreeMap::new(),
        keys: Vec::new(),
        terms: Vec::new(),
    };
    let add = |m: &mut Matches, term: &str, key: String, postings: Postings, typo: u8| {
        let n = m.keys.len();
        m.keys.push(key);
        m.terms.push(term.to_string());
        for (doc, impact) in postings {
            let new = (typo, impact as u32, n);
            let e = m.best.entry(doc).or_insert(new);
            if (new.0, std::cmp::Reverse(new.1)) < (e.0, std::cmp::Reverse(e.1)) {
                *e = new;
            }
        }
    };
    if !part.unfinished {
        add(
            &mut m,
            &part.key,
            part.key.clone(),
            src.postings(&part.key)?,
            0,
        );
    } else if part.folded.chars().count() <= SHORT_PREFIX_CHARS {
        let postings = src.short_prefix(&part.folded)?;
        add(&mut m, &part.folded, part.folded.clone(), postings, 0);
    } else {
        for term in expansions(src, &part.folded)? {
            let postings = completion_impacts(&term, &part.folded, src.postings(&term)?);
            add(&mut m, &term, analyzer.key_of(&term), postings, 0);
        }
    }
    // A word still being typed is also matched as the word it already is:
    // "sixth" as 6, "cooperatives" by its stem.
    if part.unfinished && part.key != part.folded {
        add(
            &mut m,
            &part.key,
            part.key.clone(),
            src.postings(&part.key)?,
            0,
        );
    }
    if typos && correctable(part) {
        for term in corrections(src, &part.folded)? {
            add(
                &mut m,
                &term,
                analyzer.key_of(&term),
                src.postings(&term)?,
                1,
            );
        }
    }
    if let Some(exact) = &part.exact {
        for (doc, impact) in src.postings(exact)? {
            if let Some(e) = m.best.get_mut(&doc) {
                e.1 += impact as u32;
            }
        }
    }
    Ok(m)
}

/// A pass over the query: documents → (typos, score), and the corrected
/// query of the best document with typos.
struct Pass {
    scores: BTreeMap<u32, (u32, u32)>,
    suggestion: Option<String>,
    /// Whether the unfinished last syllable was ignored (it matched nothing more).
    dropped: bool,
}

fn pass(
    src: &(impl Source + ?Sized),
    parts: &[Part],
    analyzer: Analyzer,
    typos: bool,
) -> anyhow::Result<Pass> {
    let n = parts.len();
    let mut scores: Option<BTreeMap<u32, (u32, u32)>> = None;
    let mut used: Vec<Matches> = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        let m = matches(src, part, analyzer, typos)?;
        let next: BTreeMap<u32, (u32, u32)> = match &scores {
            None => m
                .best
                .iter()
                .map(|(d, b)| (*d, (b.0 as u32, b.1)))
                .collect(),
            Some(prev) => prev
                .iter()
                .filter_map(|(d, (t, s))| m.best.get(d).map(|b| (*d, (t + b.0 as u32, s + b.1))))
                .collect(),
        };
        if next.is_empty() && part.unfinished && i == n - 1 && i > 0 {
            break; // still being typed: keep what the rest found
        }
        scores = Some(next);
        used.push(m);
        if scores.as_ref().is_some_and(|s| s.is_empty()) {
            break;
        }
    }
    let mut scores = scores.unwrap_or_default();
    // Pairs: of the candidates each document matched.
    for w in used.windows(2) {
        let mut groups: BTreeMap<(usize, usize), Vec<u32>> = BTreeMap::new();
        for doc in scores.keys() {
            if let (Some(a), Some(b)) = (w[0].best.get(doc), w[1].best.get(doc)) {
                groups.entry((a.2, b.2)).or_default().push(*doc);
            }
        }
        for ((a, b), docs) in groups {
            let pair: BTreeMap<u32, u8> = src
                .postings(&pair_term(&w[0].keys[a], &w[1].keys[b]))?
                .into_iter()
                .collect();
            for doc in docs {
                if let (Some(impact), Some(s)) = (pair.get(&doc), scores.get_mut(&doc)) {
                    s.1 += *impact as u32;
                }
            }
        }
    }
    let dropped = used.len() < parts.len() && !scores.is_empty();
    // The corrected query, from the best document that needed a correction.
    let fixed = scores
        .iter()
        .filter(|(_, (t, _))| *t > 0)
        .min_by_key(|(doc, (t, s))| (*t, std::cmp::Reverse(*s), **doc))
        .map(|(doc, _)| *doc);
    let suggestion = fixed.map(|doc| {
        let mut words: Vec<String> = Vec::new();
        for (part, m) in parts.iter().zip(&used) {
            match m.best.get(&doc) {
                Some((1, _, c)) => words.push(m.terms[*c].clone()),
                _ => words.push(part.typed.clone()),
            }
        }
        // A syllable ignored while being typed stays as typed.
        words.extend(parts[used.len()..].iter().map(|p| p.typed.clone()));
        words.join(" ")
    });
    Ok(Pass {
        scores,
        suggestion,
        dropped,
    })
}

/// Rank the documents for `query`, keeping only those in `filter` when given.
pub fn rank(
    src: &(impl Source + ?Sized),
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
            suggestion: None,
        });
    }
    let mut parts = Vec::with_capacity(n + 1);
    for (i, s) in query.syllables.iter().enumerate() {
        let part = Part::new(s, i == n - 1 && query.last_is_prefix);
        match split_joined(src, &part)? {
            Some(two) => parts.extend(two),
            None => parts.push(part),
        }
    }
    let finish = |p: Pass| -> (Ranked, bool) {
        let mut hits: Vec<(u32, (u32, u32))> = p.scores.into_iter().collect();
        if let Some(f) = filter {
            hits.retain(|(doc, _)| f.contains(doc));
        }
        hits.sort_by_key(|(doc, (t, s))| (*t, std::cmp::Reverse(*s), *doc));
        let total = hits.len();
        let ranked = Ranked {
            total,
            hits: hits
                .into_iter()
                .take(limit)
                .map(|(d, (_, s))| (d, s))
                .collect(),
            suggestion: p.suggestion,
        };
        (ranked, p.dropped)
    };
    let (exact, dropped) = finish(pass(src, &parts, query.analyzer, false)?);
    // An unfinished last word that matched nothing may be a typo ("moc chou").
    let last_is_typo = dropped && parts.last().is_some_and(correctable);
    if (exact.total >= TYPO_BELOW && !last_is_typo) || !parts.iter().any(correctable) {
        return Ok(exact);
    }
    let (fuzzy, fuzzy_dropped) = finish(pass(src, &parts, query.analyzer, true)?);
    let better = fuzzy.total > exact.total || (last_is_typo && !fuzzy_dropped && fuzzy.total > 0);
    if !better {
        return Ok(exact);
    }
    // "Did you mean" only where the query as typed found nothing (or its last
    // word nothing): a query that found something is not second-guessed.
    let suggest = exact.total == 0 || last_is_typo;
    Ok(Ranked {
        suggestion: fuzzy.suggestion.filter(|_| suggest),
        ..fuzzy
    })
}

#[cfg(test)]
mod tests;
