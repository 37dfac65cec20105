//! Vietnamese text normalisation and folding: one definition for slugs,
//! matching data keys and (later) search.
//!
//! Folding works on the canonical decomposition, so NFC, NFD and mixed input
//! fold alike; `đ`, `Đ` and the look-alike `Ð` (U+00D0, common in OCR and old
//! fonts) all become `d`.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Text as stored everywhere in the model: Unicode NFC.
pub fn nfc(s: &str) -> String {
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => s.to_string(),
        _ => s.nfc().collect(),
    }
}

/// Lowercase, tones and vowel marks removed, đ→d. Keeps everything else
/// (spaces, punctuation) so callers decide how to split.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            'đ' | 'Đ' | 'Ð' | 'ð' => out.push('d'),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// A URL slug: folded, ASCII letters and digits, words joined by single hyphens.
pub fn slugify(s: &str) -> String {
    let folded = fold(s);
    let mut slug = String::with_capacity(folded.len());
    let mut pending_hyphen = false;
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            if pending_hyphen && !slug.is_empty() {
                slug.push('-');
            }
            pending_hyphen = false;
            slug.push(c);
        } else {
            pending_hyphen = true;
        }
    }
    slug
}

/// [`is_slug`] as a regular expression, for the editor schemas.
pub const SLUG_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";

/// The slug rule of the content format: `^[a-z0-9]+(-[a-z0-9]+)*$`.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slug_folds_vietnamese_letters() {
        assert_eq!(slugify("Trần Thanh Sơn"), "tran-thanh-son");
        assert_eq!(
            slugify("Đồn Biên phòng Chiềng On"),
            "don-bien-phong-chieng-on"
        );
        assert_eq!(slugify("  Hợp tác xã  Tú Châu! "), "hop-tac-xa-tu-chau");
        assert_eq!(slugify("Ðại tá"), "dai-ta");
        assert_eq!(slugify("Ưng Ướt Ở Ăn Ấm Ê"), "ung-uot-o-an-am-e");
    }

    #[test]
    fn fold_handles_nfd_and_eth() {
        let nfd: String = "Sơn La Đại tá".nfd().collect();
        assert_ne!(nfd, "Sơn La Đại tá");
        assert_eq!(fold(&nfd), "son la dai ta");
        assert_eq!(fold("ÐẠI TÁ"), "dai ta");
    }

    #[test]
    fn nfc_composes_decomposed_text() {
        let nfd: String = "Mường Sang".nfd().collect();
        assert_eq!(nfc(&nfd), "Mường Sang");
    }

    #[test]
    fn slug_rule() {
        assert!(is_slug("tran-thanh-son"));
        assert!(is_slug("500-ngay-dem"));
        for bad in ["", "-a", "a-", "a--b", "Tran", "trần", "a_b", "a b"] {
            assert!(!is_slug(bad), "{bad:?} should not be a slug");
        }
    }
}
