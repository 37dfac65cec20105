//! The one analyzer of the search, used for every indexed text and every
//! query. The browser client (`themes/default/static/search-core.js`) mirrors
//! it line for line, and a parity test holds the two together.
//!
//! Text → NFC → lowercase (`ð` read as `đ`) → syllables (maximal runs of letters, marks and
//! digits). Each syllable gives:
//! - its folded form (`sơn` → `son`, `đua` → `dua`): what queries without
//!   diacritics match;
//! - its exact form, marked `=sơn`, when it differs from the folded form, so
//!   a query typed with diacritics ranks exact matches first;
//! - with the next syllable, the folded pair `son_la`: Vietnamese words span
//!   syllables, so adjacency is what makes "thi đua" rank above "thi … đua".

use unicode_normalization::char::is_combining_mark;

/// Marks an exact (unfolded) term in the index.
pub const EXACT: char = '=';
/// Joins the two syllables of a pair term.
pub const PAIR: char = '_';

/// A syllable of analysed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Syllable {
    /// NFC, lowercase.
    pub exact: String,
    /// Tones and vowel marks removed, đ → d.
    pub folded: String,
}

impl Syllable {
    /// The exact term, when it says more than the folded one.
    pub fn exact_term(&self) -> Option<String> {
        (self.exact != self.folded).then(|| format!("{EXACT}{}", self.exact))
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// Split text into syllables.
pub fn syllables(text: &str) -> Vec<Syllable> {
    // `Ð`/`ð` (U+00D0/U+00F0) in Vietnamese text is always a stand-in for
    // `Đ`/`đ` (OCR, old fonts): make it the real letter, exact form included.
    let text = crate::fold::nfc(text).to_lowercase().replace('ð', "đ");
    let mut out = Vec::new();
    let mut current = String::new();
    let mut flush = |current: &mut String| {
        if !current.is_empty() {
            let folded = crate::fold::fold(current);
            out.push(Syllable {
                exact: std::mem::take(current),
                folded,
            });
        }
    };
    for c in text.chars() {
        if is_word_char(c) {
            current.push(c);
        } else {
            flush(&mut current);
        }
    }
    flush(&mut current);
    // A syllable that folds to nothing (a lone combining mark) is noise.
    out.retain(|s| !s.folded.is_empty());
    out
}

pub fn pair_term(a: &str, b: &str) -> String {
    format!("{a}{PAIR}{b}")
}

/// Every index term of a text, in order: folded, exact (when different), pairs.
pub fn index_terms(text: &str) -> Vec<String> {
    let syl = syllables(text);
    let mut terms = Vec::with_capacity(syl.len() * 3);
    for (i, s) in syl.iter().enumerate() {
        terms.push(s.folded.clone());
        if let Some(x) = s.exact_term() {
            terms.push(x);
        }
        if let Some(next) = syl.get(i + 1) {
            terms.push(pair_term(&s.folded, &next.folded));
        }
    }
    terms
}

/// What kind of term an index term is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermKind {
    Syllable,
    Exact,
    Pair,
}

pub fn term_kind(term: &str) -> TermKind {
    if term.starts_with(EXACT) {
        TermKind::Exact
    } else if term.contains(PAIR) {
        TermKind::Pair
    } else {
        TermKind::Syllable
    }
}

/// A parsed query: its syllables and whether the last one is still being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub syllables: Vec<Syllable>,
    pub last_is_prefix: bool,
}

/// The most syllables a query uses; the rest are ignored.
pub const MAX_QUERY_SYLLABLES: usize = 8;

pub fn parse_query(q: &str) -> Query {
    let mut syllables = syllables(q);
    syllables.truncate(MAX_QUERY_SYLLABLES);
    let nfc = crate::fold::nfc(q);
    // "son la " (ending in a space or punctuation) means the last syllable is complete.
    let last_is_prefix = nfc.chars().last().is_some_and(is_word_char);
    Query {
        syllables,
        last_is_prefix,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    fn folded(text: &str) -> Vec<String> {
        syllables(text).into_iter().map(|s| s.folded).collect()
    }

    #[test]
    fn folds_tones_marks_and_every_d() {
        assert_eq!(folded("Sơn La"), ["son", "la"]);
        assert_eq!(folded("Thi đua yêu nước"), ["thi", "dua", "yeu", "nuoc"]);
        assert_eq!(folded("ĐẠI TÁ Ðại tá"), ["dai", "ta", "dai", "ta"]);
        assert_eq!(
            syllables("Ðại")[0].exact,
            "đại",
            "Ð is read as Đ, not as the Icelandic eth"
        );
        let nfd: String = "Hợp tác xã Mộc Châu".nfd().collect();
        assert_eq!(folded(&nfd), ["hop", "tac", "xa", "moc", "chau"]);
        assert_eq!(
            syllables(&nfd)[0].exact,
            "hợp",
            "NFD input is composed, not split at the marks"
        );
    }

    #[test]
    fn index_terms_carry_exact_forms_and_pairs() {
        assert_eq!(index_terms("Sơn La"), ["son", "=sơn", "son_la", "la"]);
        assert_eq!(index_terms("son"), ["son"]);
    }

    #[test]
    fn splits_on_punctuation_and_keeps_digits() {
        assert_eq!(
            folded("453/BC-UBND, 07/8/2025"),
            ["453", "bc", "ubnd", "07", "8", "2025"]
        );
    }

    #[test]
    fn query_knows_if_the_last_syllable_is_complete() {
        assert!(parse_query("tran thanh s").last_is_prefix);
        assert!(!parse_query("son la ").last_is_prefix);
        assert_eq!(
            parse_query("a b c d e f g h i j").syllables.len(),
            MAX_QUERY_SYLLABLES
        );
    }
}
