//! The limits and rules of the search, written once. The exporter writes
//! them into each index's `meta.json` (`"rules"`), and the browser client
//! (`search.js`) reads them from there rather than keeping copies, so the
//! two runtimes cannot drift apart.

use serde_json::{json, Value};

/// Results drawn per page ("Xem thêm" / "Show more" adds as many again).
pub const PAGE_SIZE: usize = 10;
/// How many completions an unfinished syllable expands to.
pub const MAX_EXPANSIONS: usize = 8;
/// Prefixes up to this many characters are answered from a precomputed
/// list (the best impact per document over their expansions), so that one
/// or two typed letters cost one small file and no postings lookups.
pub const SHORT_PREFIX_CHARS: usize = 2;
/// A syllable of at least this many letters (after folding) may be
/// corrected: shorter Vietnamese syllables are one edit away from dozens of
/// real ones ("tan" → "tin", "tam", "than"…).
pub const TYPO_MIN_CHARS: usize = 4;
/// Corrections are one edit away (insert, delete, substitute, transpose).
pub const TYPO_DISTANCE: usize = 1;
/// At most this many corrections per syllable, the commonest first.
pub const MAX_CORRECTIONS: usize = 8;
/// The typo-tolerant pass runs when the exact one found fewer results.
pub const TYPO_BELOW: usize = 3;
/// Upper-case Roman numerals up to this value are read as numbers.
pub const ROMAN_MAX: u32 = 20;
/// English ordinals read as numbers ("sixth" = 6 = VI).
pub const ORDINALS: &[(&str, u32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
];

/// The rules as `meta.json` carries them; `stem` names the stemmer of the
/// language's index (Snowball English), if any.
pub fn to_json(stem: Option<&str>) -> Value {
    json!({
        "page": PAGE_SIZE,
        "expansions": MAX_EXPANSIONS,
        "short_prefix": SHORT_PREFIX_CHARS,
        "typo_min": TYPO_MIN_CHARS,
        "typo_distance": TYPO_DISTANCE,
        "corrections": MAX_CORRECTIONS,
        "typo_below": TYPO_BELOW,
        "roman_max": ROMAN_MAX,
        "ordinals": ORDINALS.iter().map(|(w, n)| (w.to_string(), json!(n))).collect::<serde_json::Map<_, _>>(),
        "stem": stem,
    })
}
