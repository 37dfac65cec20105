use super::*;
use crate::search::analyze::Analyzer;

const VI: Analyzer = Analyzer { stem: false };

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
    fn near(&self, word: &str) -> anyhow::Result<Vec<(String, u32)>> {
        Ok(self
            .0
            .iter()
            .filter(|(t, _)| in_vocabulary(t) && !t.contains(['=', '_']) && one_edit(t, word))
            .map(|(t, p)| (t.to_string(), p.len() as u32))
            .collect())
    }
    fn pairs_of(&self, first: &str) -> anyhow::Result<Vec<(String, u32)>> {
        let prefix = format!("{first}_");
        Ok(self
            .0
            .iter()
            .filter_map(|(t, p)| Some((t.strip_prefix(&prefix)?.to_string(), p.len() as u32)))
            .collect())
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
        ("thanh", vec![(4, 9), (5, 9)]),
        ("tran", vec![(4, 9), (6, 9)]),
        ("tran_thanh", vec![(4, 20)]),
        ("thah", vec![(6, 9)]),
    ]))
}

fn q(s: &str) -> crate::search::analyze::Query {
    VI.parse_query(s)
}

#[test]
fn diacritics_rank_exact_matches_first_and_plain_finds_both() {
    let m = mem();
    let r = rank(&m, &q("Sơn "), None, 10).unwrap();
    assert_eq!(r.hits[0], (0, 18));
    assert_eq!(r.total, 3);
    let r = rank(&m, &q("son "), None, 10).unwrap();
    assert_eq!(r.hits, vec![(0, 10), (1, 10), (2, 10)]);
}

#[test]
fn adjacent_syllables_rank_above_scattered_ones() {
    let r = rank(&mem(), &q("son la"), None, 10).unwrap();
    assert_eq!(r.hits[0].0, 2);
}

#[test]
fn the_last_syllable_matches_as_a_prefix_from_its_first_letter() {
    let m = mem();
    let r = rank(&m, &q("s"), None, 10).unwrap();
    assert_eq!(r.total, 4, "one letter: son and song");
    let r = rank(&m, &q("so"), None, 10).unwrap();
    assert_eq!(r.total, 4, "two letters: son and song");
    let r = rank(&m, &q("so "), None, 10).unwrap();
    assert_eq!(r.total, 0, "a complete syllable is not a prefix");
    let r = rank(&m, &q("song la "), None, 10).unwrap();
    assert_eq!(r.suggestion.as_deref(), Some("son la"), "{r:?}");
    let r = rank(&m, &q("son l"), None, 10).unwrap();
    assert_eq!(r.total, 3);
    let r = rank(&m, &q("son x"), None, 10).unwrap();
    assert_eq!(
        r.total, 3,
        "an unfinished syllable that matches nothing is ignored"
    );
    let filter = BTreeSet::from([1]);
    assert_eq!(
        rank(&m, &q("son"), Some(&filter), 10).unwrap().hits,
        vec![(1, 10)]
    );
}

#[test]
fn one_typo_is_forgiven_below_the_exact_matches_and_suggested() {
    let m = mem();
    let r = rank(&m, &q("tran thnah "), None, 10).unwrap();
    assert_eq!(
        r.hits[0].0, 4,
        "thnah → thanh (transposition), with the pair"
    );
    assert_eq!(r.suggestion.as_deref(), Some("tran thanh"));
    // "thah" is a real term: the exact match (doc 6) ranks above the corrected one.
    let r = rank(&m, &q("tran thah "), None, 10).unwrap();
    assert_eq!(r.hits.iter().map(|h| h.0).collect::<Vec<_>>(), [6, 4]);
    assert!(
        r.hits[1].1 > r.hits[0].1,
        "doc 4 scores more (pair) but has a typo"
    );
    // Short syllables are not corrected; a good query is not "corrected".
    assert_eq!(rank(&m, &q("sox "), None, 10).unwrap().suggestion, None);
    assert_eq!(
        rank(&m, &q("tran thanh"), None, 10).unwrap().suggestion,
        None
    );
}

#[test]
fn joined_syllables_are_split_where_the_index_has_the_pair() {
    let m = mem();
    assert_eq!(rank(&m, &q("sonla "), None, 10).unwrap().hits[0].0, 2);
    assert_eq!(rank(&m, &q("sonla"), None, 10).unwrap().hits[0].0, 2);
    assert_eq!(rank(&m, &q("sonl"), None, 10).unwrap().total, 3);
    assert_eq!(rank(&m, &q("tranthanh"), None, 10).unwrap().hits[0].0, 4);
}

#[test]
fn edits_are_optimal_string_alignment() {
    assert!(one_edit("thnah", "thanh"));
    assert!(one_edit("chou", "chau"));
    assert!(one_edit("loan", "luan"));
    assert!(one_edit("truogn", "truong"));
    assert!(one_edit("teacher", "teachers"));
    assert!(!one_edit("son", "son"));
    assert!(!one_edit("abcd", "badc"));
}
