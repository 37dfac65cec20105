//! Text, one owner for each way the site changes it: folding and slugs
//! ([`fold`]), shortening, escaping for HTML and XML, and the short content
//! hashes in file names. A leaf: it knows nothing of the site.

pub mod fold;
pub mod legacy;

use sha2::{Digest, Sha256};

/// At most `max` characters, cut at a word boundary when one is in the
/// second half, with an ellipsis when anything was cut.
pub fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => &cut,
    };
    format!("{cut}…")
}

/// HTML escaping for text and attribute values. Tera's default also escapes
/// `/`, which bloats every URL on every page for no safety gain in quoted attributes.
pub fn escape_html(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + 8);
    for c in input.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// XML escaping for the feeds and the sitemap (`&apos;`, which XML knows).
pub fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// Lower-case hexadecimal.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A short content hash for cache-busting file names (ten hex digits).
pub fn short_hash(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes)[..5])
}
