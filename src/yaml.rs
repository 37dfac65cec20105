//! The one place YAML is parsed (serde_yaml is the maintained `serde_norway`
//! fork, behind this module so a later swap touches one file).
//!
//! Turns serde errors into [`Diagnostic`]s with file lines, adds "did you
//! mean" hints to unknown keys, and finds the line of a key for errors that
//! are found after parsing (a typed struct has no positions of its own).

use crate::error::{Diagnostic, Location};
use serde::de::DeserializeOwned;
use std::path::Path;

/// Parse `text`, which starts at line `first_line` (1-based) of `path`.
pub fn parse<T: DeserializeOwned>(
    text: &str,
    path: &Path,
    first_line: usize,
) -> Result<T, Diagnostic> {
    if let Some(d) = check_tabs(text, path, first_line) {
        return Err(d);
    }
    if let Some(d) = check_depth(text, path, first_line) {
        return Err(d);
    }
    serde_yaml::from_str::<T>(text).map_err(|e| to_diagnostic(&e, text, path, first_line))
}

/// YAML forbids tabs for indentation; say so plainly before serde does cryptically.
fn check_tabs(text: &str, path: &Path, first_line: usize) -> Option<Diagnostic> {
    for (i, line) in text.lines().enumerate() {
        let indent: &str = &line[..line.len() - line.trim_start().len()];
        if let Some(col) = indent.find('\t') {
            return Some(
                Diagnostic::error(
                    Location::at(path, first_line + i, Some(col + 1)),
                    "a tab character is used for indentation",
                )
                .help("YAML allows only spaces for indentation: replace the tab with spaces"),
            );
        }
    }
    None
}

/// Deepest `[`/`{` nesting allowed. The content needs a few levels;
/// libyaml's time grows with the square of the depth (100,000 levels take
/// minutes), so deeper text is refused before it is parsed.
const MAX_DEPTH: usize = 1000;

fn check_depth(text: &str, path: &Path, first_line: usize) -> Option<Diagnostic> {
    // Brackets inside quotes count too: no real value holds a thousand.
    let mut depth = 0usize;
    for (i, line) in text.lines().enumerate() {
        for (col, c) in line.chars().enumerate() {
            match c {
                '[' | '{' => depth += 1,
                ']' | '}' => depth = depth.saturating_sub(1),
                _ => continue,
            }
            if depth > MAX_DEPTH {
                return Some(
                    Diagnostic::error(
                        Location::at(path, first_line + i, Some(col + 1)),
                        format!("the brackets here nest more than {MAX_DEPTH} levels deep"),
                    )
                    .help("a list is written `[a, b]` or as `- ` lines: check for brackets that are never closed"),
                );
            }
        }
    }
    None
}

fn to_diagnostic(e: &serde_yaml::Error, text: &str, path: &Path, first_line: usize) -> Diagnostic {
    let raw = e.to_string();
    // serde_norway appends " at line L column C" to the message; we print our own location.
    let message = match raw.find(" at line ") {
        Some(i) => raw[..i].to_string(),
        None => raw.clone(),
    };
    let location = match e.location() {
        Some(loc) => {
            let (line, col) = line_col(text, loc.index());
            Location::at(path, first_line + line - 1, Some(col))
        }
        None if text.trim().is_empty() => Location::at(path, first_line, None),
        None => Location::file(path),
    };
    // The list of every valid key is noise next to a "did you mean" hint.
    let short = match message.find(", expected one of") {
        Some(i) if message.starts_with("unknown field") => &message[..i],
        _ => &message,
    };
    let mut d = Diagnostic::error(location, humanize(short));
    if let Some((unknown, expected)) = unknown_key(&message) {
        d = d.field(unknown.clone());
        if let Some(best) = closest(&unknown, expected.iter().map(String::as_str)) {
            d = d.help(format!("did you mean `{best}`?"));
        } else {
            d = d.help(format!("valid keys here: {}", expected.join(", ")));
        }
    } else if message.contains("unexpected end of stream") {
        d = d.help("a quotation mark `\"` or a bracket `[` opened above is never closed");
    } else if message.contains("did not find expected") || message.contains("mapping values") {
        d = d.help("check the indentation and that text containing `:` or `#` is in quotes");
    }
    d
}

/// 1-based line and column (in characters) of a byte offset. libyaml's own
/// line count also breaks at a lone CR, NEL, LS and PS, which editors (and
/// every other message) do not: a stray `\r` would point many lines off.
fn line_col(text: &str, index: usize) -> (usize, usize) {
    let mut at = index.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

fn humanize(message: &str) -> String {
    message
        .replace(
            "found unexpected end of stream",
            "the front matter ends in the middle of a value",
        )
        .replace("unknown field", "unknown key")
        .replace("missing field", "missing required key")
}

/// Pull `x` and the expected list out of "unknown field `x`, expected one of `a`, `b`".
fn unknown_key(message: &str) -> Option<(String, Vec<String>)> {
    let rest = message.strip_prefix("unknown field `")?;
    let end = rest.find('`')?;
    let unknown = rest[..end].to_string();
    let expected = rest[end..]
        .split('`')
        .skip(2)
        .step_by(2)
        .map(str::to_string)
        .collect();
    Some((unknown, expected))
}

/// The closest candidate by edit distance, if it is close enough to be a typo.
pub fn closest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let mut best: Option<(&str, f64)> = None;
    for c in candidates {
        let score = strsim::jaro_winkler(wanted, c);
        if best.map_or(true, |(_, s)| score > s) {
            best = Some((c, score));
        }
    }
    best.filter(|(_, s)| *s >= 0.75).map(|(c, _)| c)
}

/// One step of a path to a value inside a YAML document.
#[derive(Debug, Clone, Copy)]
pub enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

/// Find the (line, column) of the value at `path` in block-style YAML, in
/// lines of `text` (1-based). Flow lists (`[a, b]`) resolve to the item on
/// the key's line. Falls back to the deepest part of the path it found.
pub fn locate(text: &str, path: &[Seg]) -> Option<(usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut start = 0usize; // first line of the current node's children
    let mut min_indent: Option<usize> = None; // children are indented more than this
    let mut found: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < path.len() {
        match path[i] {
            Seg::Key(key) => {
                let mut hit = None;
                for (n, line) in lines.iter().enumerate().skip(start) {
                    let indent = line.len() - line.trim_start().len();
                    let body = line.trim_start().trim_start_matches("- ");
                    let body_indent = line.len() - body.len();
                    if n > start
                        && !line.trim().is_empty()
                        && min_indent.is_some_and(|m| indent <= m)
                        && !line.trim_start().starts_with('#')
                    {
                        break;
                    }
                    if let Some(after) = body.strip_prefix(key) {
                        if after.trim_start().starts_with(':') {
                            hit = Some((n, body_indent));
                            break;
                        }
                    }
                }
                let (n, col) = hit?;
                found = Some((n + 1, col + 1));
                // A flow list on the same line: point at the item itself.
                if let Some(Seg::Index(k)) = path.get(i + 1) {
                    let line = lines[n];
                    if let (Some(open), Some(_)) = (line.find('['), line.find(']')) {
                        let items: Vec<&str> =
                            line[open + 1..].trim_end_matches(']').split(',').collect();
                        if let Some(item) = items.get(*k) {
                            let offset = line.find(item.trim()).unwrap_or(open);
                            return Some((n + 1, offset + 1));
                        }
                        return found;
                    }
                }
                start = n + 1;
                min_indent = Some(col);
            }
            Seg::Index(k) => {
                let mut seen = 0;
                let mut hit = None;
                for (n, line) in lines.iter().enumerate().skip(start) {
                    let indent = line.len() - line.trim_start().len();
                    if !line.trim().is_empty() && min_indent.is_some_and(|m| indent < m) {
                        break;
                    }
                    if line.trim_start().starts_with("- ") || line.trim() == "-" {
                        if seen == k {
                            hit = Some((n, indent));
                            break;
                        }
                        seen += 1;
                    }
                }
                let (n, col) = hit?;
                found = Some((n + 1, col + 1));
                // Keys of this item are on its dash line or indented deeper.
                start = n;
                min_indent = Some(col);
            }
        }
        i += 1;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "name: A\nfield: y-te\nmovements: [a, b-c]\nawards:\n  - award: x\n    year: 2024\n  - award: y\n    year: 2023\nsummary: s\n";

    #[test]
    fn locates_keys_items_and_flow_items() {
        assert_eq!(locate(DOC, &[Seg::Key("field")]), Some((2, 1)));
        assert_eq!(
            locate(DOC, &[Seg::Key("movements"), Seg::Index(1)]),
            Some((3, 16))
        );
        assert_eq!(
            locate(DOC, &[Seg::Key("awards"), Seg::Index(1), Seg::Key("year")]),
            Some((8, 5))
        );
        assert_eq!(
            locate(DOC, &[Seg::Key("awards"), Seg::Index(0), Seg::Key("award")]),
            Some((5, 5))
        );
        assert_eq!(locate(DOC, &[Seg::Key("summary")]), Some((9, 1)));
        assert_eq!(locate(DOC, &[Seg::Key("photo")]), None);
    }

    #[test]
    fn suggests_close_keys_only() {
        assert_eq!(
            closest("nong-thon-mo", ["y-te", "nong-thon-moi"]),
            Some("nong-thon-moi")
        );
        assert_eq!(closest("zzz", ["y-te", "nong-thon-moi"]), None);
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct T {
        name: String,
        summary: Option<String>,
    }

    #[test]
    fn unknown_key_error_has_file_line_and_hint() {
        let err = parse::<T>("name: a\nsumary: b\n", Path::new("x.md"), 2).unwrap_err();
        let text = err.to_string();
        assert!(text.contains("x.md:3"), "{text}");
        assert!(text.contains("did you mean `summary`?"), "{text}");
    }

    #[test]
    fn lines_are_counted_as_editors_count_them() {
        // libyaml breaks lines at a lone CR and at U+2028; a file's lines do not.
        for text in [
            "name: a\r\r\r\rsumary: b\n",
            "name: a\u{2028}\u{2028}sumary: b\n",
        ] {
            let err = parse::<T>(text, Path::new("x.md"), 2).unwrap_err();
            assert_eq!(err.location.line, Some(2), "{text:?}: {err}");
        }
        // Columns count characters, not bytes.
        let err = parse::<T>("name: ơ\nsummary: [ơ, b]\n", Path::new("x.md"), 2).unwrap_err();
        assert_eq!(err.location, Location::at("x.md", 3, Some(10)), "{err}");
    }

    #[test]
    fn deep_brackets_are_refused_before_parsing() {
        let deep = format!("name: a\nsummary: {}\n", "[".repeat(MAX_DEPTH + 1));
        let err = parse::<T>(&deep, Path::new("x.md"), 2).unwrap_err();
        assert_eq!(err.location, Location::at("x.md", 3, Some(10 + MAX_DEPTH)));
        assert!(err.message.contains("nest"), "{err}");
        // Closed brackets do not add up.
        let wide = format!("name: a\nsummary: \"{}\"\n", "[]".repeat(5 * MAX_DEPTH));
        assert!(parse::<T>(&wide, Path::new("x.md"), 2).is_ok());
    }

    #[test]
    fn tabs_are_reported_with_column() {
        let err = parse::<T>("name: a\n\tsummary: b\n", Path::new("x.md"), 2).unwrap_err();
        assert_eq!(err.location, Location::at("x.md", 3, Some(1)));
    }
}
