//! The one analyzer of the search, used for every indexed text and every
//! query. The browser client (`themes/default/static/search.js`) mirrors it
//! step for step, and a parity test holds the two together.
//!
//! Text → NFC → syllables (maximal runs of letters, marks and digits) →
//! lowercase (`ð` read as `đ`). Each syllable gives:
//! - its folded form (`sơn` → `son`, `đua` → `dua`): what queries without
//!   diacritics match, and what an unfinished syllable matches as a prefix;
//! - its key, what a finished query syllable looks up: the folded form,
//!   stemmed on an English index (`teachers` → `teacher`), or the number a
//!   numeral stands for (`VI`, `6th`, `sixth` → `6`);
//! - its exact form, marked `=sơn`, when it differs from the folded form, so
//!   a query typed with diacritics ranks exact matches first;
//! - with the next syllable, the pair of keys `son_la`: Vietnamese words span
//!   syllables, so adjacency is what makes "thi đua" rank above "thi … đua".

use super::rules;
use crate::config::Lang;
use unicode_normalization::char::is_combining_mark;

/// Marks an exact (unfolded) term in the index.
pub const EXACT: char = '=';
/// Joins the two syllables of a pair term.
pub const PAIR: char = '_';

/// How a language's text is analysed: the same for its index and its queries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Analyzer {
    /// Stem folded syllables with Snowball English (the English index).
    pub stem: bool,
}

impl Analyzer {
    pub fn for_lang(lang: Lang) -> Analyzer {
        Analyzer {
            stem: lang == Lang::En,
        }
    }
    /// The stemmer's name as `meta.json` carries it.
    pub fn stemmer_name(&self) -> Option<&'static str> {
        self.stem.then_some("english")
    }
}

/// A syllable of analysed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Syllable {
    /// NFC, lowercase.
    pub exact: String,
    /// Tones and vowel marks removed, đ → d.
    pub folded: String,
    /// What a finished syllable is looked up by (see the module docs).
    pub key: String,
    /// The number a numeral stands for.
    pub numeral: Option<u32>,
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

/// The value of an upper-case Roman numeral (`VI` → 6) up to
/// [`rules::ROMAN_MAX`], written the usual way (not `IIII`). Lower case is
/// left alone: "vi" is a Vietnamese word far more often than a number.
pub fn roman_value(token: &str) -> Option<u32> {
    if token.is_empty() || !token.chars().all(|c| matches!(c, 'I' | 'V' | 'X')) {
        return None;
    }
    (1..=rules::ROMAN_MAX).find(|n| crate::i18n::roman(*n) == token)
}

/// The value of an English ordinal: `sixth` or `6th` → 6.
pub fn ordinal_value(folded: &str) -> Option<u32> {
    if let Some((_, n)) = rules::ORDINALS.iter().find(|(w, _)| *w == folded) {
        return Some(*n);
    }
    let digits = folded.trim_end_matches(|c: char| c.is_ascii_lowercase());
    let suffix = &folded[digits.len()..];
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    matches!(suffix, "st" | "nd" | "rd" | "th")
        .then(|| digits.parse().ok())
        .flatten()
}

/// Snowball English, as the browser's `stem-en.js` computes it.
pub fn stem_english(word: &str) -> String {
    use std::sync::OnceLock;
    static STEMMER: OnceLock<rust_stemmers::Stemmer> = OnceLock::new();
    STEMMER
        .get_or_init(|| rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English))
        .stem(word)
        .into_owned()
}

impl Analyzer {
    /// The key of an index term offered as a candidate (a completion or a
    /// correction): what its pairs are made of.
    pub fn key_of(&self, term: &str) -> String {
        if self.stem {
            stem_english(term)
        } else {
            term.to_string()
        }
    }

    fn syllable(&self, token: &str) -> Syllable {
        // `Ð`/`ð` (U+00D0/U+00F0) in Vietnamese text is always a stand-in for
        // `Đ`/`đ` (OCR, old fonts): make it the real letter, exact form included.
        let exact = token.to_lowercase().replace('ð', "đ");
        let folded = crate::text::fold::fold(&exact);
        let numeral = roman_value(token).or_else(|| ordinal_value(&folded));
        let key = match numeral {
            Some(n) => n.to_string(),
            None if self.stem => stem_english(&folded),
            None => folded.clone(),
        };
        Syllable {
            exact,
            folded,
            key,
            numeral,
        }
    }

    /// Split text into syllables.
    pub fn syllables(&self, text: &str) -> Vec<Syllable> {
        let text = crate::text::fold::nfc(text);
        let mut out = Vec::new();
        for token in text.split(|c: char| !is_word_char(c)) {
            if token.is_empty() {
                continue;
            }
            let s = self.syllable(token);
            // A syllable that folds to nothing (a lone combining mark) is noise.
            if !s.folded.is_empty() {
                out.push(s);
            }
        }
        out
    }

    /// Every index term of a text, in order: folded, key and exact forms
    /// (when they differ), then the pairs it starts.
    pub fn index_terms(&self, text: &str) -> Vec<String> {
        let syl = self.syllables(text);
        let mut terms = Vec::with_capacity(syl.len() * 3);
        for (i, s) in syl.iter().enumerate() {
            terms.push(s.folded.clone());
            if s.key != s.folded {
                terms.push(s.key.clone());
            }
            if let Some(x) = s.exact_term() {
                terms.push(x);
            }
            if let Some(next) = syl.get(i + 1) {
                terms.push(pair_term(&s.key, &next.key));
                // "Đại hội VI" is also found as "dai hoi vi", typed in lower case.
                if (s.numeral.is_some() || next.numeral.is_some())
                    && (s.folded != s.key || next.folded != next.key)
                {
                    terms.push(pair_term(&s.folded, &next.folded));
                }
            }
        }
        terms
    }

    pub fn parse_query(&self, q: &str) -> Query {
        let mut syllables = self.syllables(q);
        syllables.truncate(MAX_QUERY_SYLLABLES);
        let nfc = crate::text::fold::nfc(q);
        // "son la " (ending in a space or punctuation) means the last syllable is complete.
        let last_is_prefix = nfc.chars().last().is_some_and(is_word_char);
        Query {
            syllables,
            last_is_prefix,
            analyzer: *self,
        }
    }
}

pub fn pair_term(a: &str, b: &str) -> String {
    format!("{a}{PAIR}{b}")
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
    /// The analyzer the query was parsed with (its candidates' pair keys are
    /// stemmed the same way).
    pub analyzer: Analyzer,
}

/// The most syllables a query uses; the rest are ignored.
pub const MAX_QUERY_SYLLABLES: usize = 8;

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    const VI: Analyzer = Analyzer { stem: false };
    const EN: Analyzer = Analyzer { stem: true };

    fn folded(text: &str) -> Vec<String> {
        VI.syllables(text).into_iter().map(|s| s.folded).collect()
    }
    fn keys(a: Analyzer, text: &str) -> Vec<String> {
        a.syllables(text).into_iter().map(|s| s.key).collect()
    }

    #[test]
    fn folds_tones_marks_and_every_d() {
        assert_eq!(folded("Sơn La"), ["son", "la"]);
        assert_eq!(folded("Thi đua yêu nước"), ["thi", "dua", "yeu", "nuoc"]);
        assert_eq!(folded("ĐẠI TÁ Ðại tá"), ["dai", "ta", "dai", "ta"]);
        assert_eq!(
            VI.syllables("Ðại")[0].exact,
            "đại",
            "Ð is read as Đ, not as the Icelandic eth"
        );
        let nfd: String = "Hợp tác xã Mộc Châu".nfd().collect();
        assert_eq!(folded(&nfd), ["hop", "tac", "xa", "moc", "chau"]);
        assert_eq!(
            VI.syllables(&nfd)[0].exact,
            "hợp",
            "NFD input is composed, not split at the marks"
        );
    }

    #[test]
    fn index_terms_carry_exact_forms_and_pairs() {
        assert_eq!(VI.index_terms("Sơn La"), ["son", "=sơn", "son_la", "la"]);
        assert_eq!(VI.index_terms("son"), ["son"]);
    }

    #[test]
    fn splits_on_punctuation_and_keeps_digits() {
        assert_eq!(
            folded("453/BC-UBND, 07/8/2025"),
            ["453", "bc", "ubnd", "07", "8", "2025"]
        );
    }

    #[test]
    fn numerals_roman_arabic_and_ordinal_are_one_number() {
        assert_eq!(keys(VI, "Đại hội VI"), ["dai", "hoi", "6"]);
        assert_eq!(keys(VI, "dai hoi 6"), ["dai", "hoi", "6"]);
        assert_eq!(keys(EN, "the sixth congress"), ["the", "6", "congress"]);
        assert_eq!(keys(EN, "6th"), ["6"]);
        assert_eq!(keys(VI, "vi IIII VX"), ["vi", "iiii", "vx"]);
        let terms = VI.index_terms("hội VI");
        for t in ["vi", "6", "hoi_6", "hoi_vi"] {
            assert!(terms.contains(&t.to_string()), "{t} in {terms:?}");
        }
    }

    #[test]
    fn english_is_stemmed_and_vietnamese_is_not() {
        assert_eq!(keys(EN, "Teachers teaching"), ["teacher", "teach"]);
        assert_eq!(keys(VI, "teachers"), ["teachers"]);
        let terms = EN.index_terms("teachers");
        assert_eq!(terms, ["teachers", "teacher"]);
    }

    #[test]
    fn query_knows_if_the_last_syllable_is_complete() {
        assert!(VI.parse_query("tran thanh s").last_is_prefix);
        assert!(!VI.parse_query("son la ").last_is_prefix);
        assert_eq!(
            VI.parse_query("a b c d e f g h i j").syllables.len(),
            MAX_QUERY_SYLLABLES
        );
    }
}
