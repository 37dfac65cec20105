//! The search query analyzer, and the ranking it feeds: a query typed in the
//! search box (any bytes that are text) against a small fictional index
//! built with the same analyzer as the site's.
//!
//! Beyond "no panic": a query keeps at most `MAX_QUERY_SYLLABLES`, every
//! term is of the kind its shape says, and results are bounded and listed once.

#![no_main]

use guong::search::analyze::{self, Analyzer, TermKind};
use guong::search::rank::{self, Source};
use libfuzzer_sys::fuzz_target;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// Fictional documents (not real people), one per index entry.
const DOCS: [&str; 5] = [
    "Hợp tác xã chè mẫu, xã Mường Thử: thi đua sản xuất chè an toàn",
    "Ông Nguyễn Văn Mẫu, trưởng bản, phong trào xây dựng nông thôn mới",
    "Bà Lò Thị Thử, y tế cơ sở; Ðại hội thi đua yêu nước lần thứ 01",
    "453/BC-UBND 07/8/2025 Sơn La Sơn La son la",
    "Exemplary tea cooperative, emulation movement, new rural areas",
];

struct Index(BTreeMap<String, Vec<(u32, u8)>>);

impl Source for Index {
    fn completions(&self, prefix: &str) -> anyhow::Result<Vec<(String, u32)>> {
        Ok(self
            .0
            .range(prefix.to_string()..)
            .take_while(|(t, _)| t.starts_with(prefix))
            .filter(|(t, _)| analyze::term_kind(t) == TermKind::Syllable)
            .map(|(t, p)| (t.clone(), p.len() as u32))
            .collect())
    }
    fn postings(&self, term: &str) -> anyhow::Result<Vec<(u32, u8)>> {
        Ok(self.0.get(term).cloned().unwrap_or_default())
    }
    fn near(&self, word: &str) -> anyhow::Result<Vec<(String, u32)>> {
        Ok(self
            .0
            .iter()
            .filter(|(t, _)| analyze::term_kind(t) == TermKind::Syllable)
            .filter(|(t, _)| rank::in_vocabulary(t) && rank::one_edit(t, word))
            .map(|(t, p)| (t.clone(), p.len() as u32))
            .collect())
    }
    fn pairs_of(&self, first: &str) -> anyhow::Result<Vec<(String, u32)>> {
        let prefix = format!("{first}{}", analyze::PAIR);
        Ok(self
            .0
            .range(prefix.clone()..)
            .take_while(|(t, _)| t.starts_with(&prefix))
            .map(|(t, p)| (t[prefix.len()..].to_string(), p.len() as u32))
            .collect())
    }
}

/// The analyzers of the two languages; the fuzzer's bytes pick one.
const ANALYZERS: [Analyzer; 2] = [Analyzer { stem: false }, Analyzer { stem: true }];

fn index(analyzer: Analyzer) -> &'static Index {
    static INDEX: [OnceLock<Index>; 2] = [OnceLock::new(), OnceLock::new()];
    INDEX[usize::from(analyzer.stem)].get_or_init(|| {
        let mut terms: BTreeMap<String, BTreeMap<u32, u8>> = BTreeMap::new();
        for (doc, text) in DOCS.iter().enumerate() {
            for term in analyzer.index_terms(text) {
                let impact = terms
                    .entry(term)
                    .or_default()
                    .entry(doc as u32)
                    .or_insert(0);
                *impact = impact.saturating_add(1);
            }
        }
        Index(
            terms
                .into_iter()
                .map(|(t, p)| (t, p.into_iter().collect()))
                .collect(),
        )
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(q) = std::str::from_utf8(data) else {
        return;
    };
    let analyzer = ANALYZERS[data.len() % 2];
    let query = analyzer.parse_query(q);
    assert!(query.syllables.len() <= analyze::MAX_QUERY_SYLLABLES);
    for s in &query.syllables {
        assert!(!s.folded.is_empty() && !s.key.is_empty(), "{q:?}");
        assert_eq!(analyze::term_kind(&s.folded), TermKind::Syllable, "{q:?}");
        assert_eq!(analyze::term_kind(&s.key), TermKind::Syllable, "{q:?}");
        if let Some(exact) = s.exact_term() {
            assert_eq!(analyze::term_kind(&exact), TermKind::Exact, "{q:?}");
        }
    }
    for w in query.syllables.windows(2) {
        let pair = analyze::pair_term(&w[0].key, &w[1].key);
        assert_eq!(analyze::term_kind(&pair), TermKind::Pair, "{q:?}");
    }
    // The same text indexed: each syllable's folded form and key are terms.
    let terms = analyzer.index_terms(q);
    for s in analyzer.syllables(q) {
        assert!(terms.contains(&s.folded) && terms.contains(&s.key), "{q:?}");
    }

    let limit = 3;
    let ranked = rank::rank(index(analyzer), &query, None, limit).expect("in-memory source");
    assert!(ranked.hits.len() <= limit && ranked.hits.len() <= ranked.total);
    assert!(ranked.total <= DOCS.len());
    let mut docs: Vec<u32> = ranked.hits.iter().map(|h| h.0).collect();
    docs.sort_unstable();
    docs.dedup();
    assert_eq!(docs.len(), ranked.hits.len(), "a document listed twice");
});
