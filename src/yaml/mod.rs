//! The one place YAML is parsed (serde_yaml is the maintained `serde_norway`
//! fork, behind this module so a later swap touches one file).
//!
//! Turns serde errors into [`Diagnostic`]s with file lines, adds "did you
//! mean" hints to unknown keys, and reads where each key and list item of a
//! file is ([`Positions`], from `saphyr-parser`'s spans) for errors that are
//! found after parsing (a typed struct has no positions of its own).

use crate::error::{Diagnostic, Location};
use crate::messages::msg;
use indexmap::IndexMap;
use serde::de::DeserializeOwned;
use std::path::Path;

mod every;
pub use every::parse_every;

/// Parse `text`, which starts at line `first_line` (1-based) of `path`;
/// the first mistake only (see [`parse_every`] for all of a front matter's).
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
    serde_yaml::from_str::<T>(text).map_err(|e| describe(&e, text, path, first_line))
}

/// YAML forbids tabs for indentation; say so plainly before serde does cryptically.
fn check_tabs(text: &str, path: &Path, first_line: usize) -> Option<Diagnostic> {
    for (i, line) in text.lines().enumerate() {
        let indent: &str = &line[..line.len() - line.trim_start().len()];
        if let Some(col) = indent.find('\t') {
            return Some(
                Diagnostic::error(
                    Location::at(path, first_line + i, Some(col + 1)),
                    msg!("G0101"),
                )
                .help(msg!("G0101.help")),
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
                        msg!("G0102", max = MAX_DEPTH),
                    )
                    .help(msg!("G0102.help")),
                );
            }
        }
    }
    None
}

/// A serde error as a diagnostic: where (serde's position in `text`), what
/// (in the catalogue's words, not serde's), and how to fix it.
fn describe(e: &serde_yaml::Error, text: &str, path: &Path, first_line: usize) -> Diagnostic {
    let raw = e.to_string();
    // serde_norway appends " at line L column C" to the message; we print our own location.
    let message = match raw.find(" at line ") {
        Some(i) => raw[..i].to_string(),
        None => raw.clone(),
    };
    // The path serde prints before nested errors ("awards[0].year: …").
    let message = strip_path(&message);
    let location = match e.location() {
        Some(loc) => {
            let (line, col) = line_col(text, loc.index());
            Location::at(path, first_line + line - 1, Some(col))
        }
        None if text.trim().is_empty() => Location::at(path, first_line, None),
        None => Location::file(path),
    };
    if let Some((unknown, expected)) = unknown_key(message) {
        let d = Diagnostic::error(location, msg!("G0103", key = &unknown)).field(unknown.clone());
        return match closest(&unknown, expected.iter().map(String::as_str)) {
            Some(best) => d.help(msg!("yaml-did-you-mean", suggestion = best)),
            None => d.help(msg!("G0103.help", keys = quoted(&expected))),
        };
    }
    if let Some(key) = message
        .strip_prefix("missing field `")
        .and_then(|r| r.split('`').next())
    {
        return missing(key, location);
    }
    if let Some((value, allowed)) = unknown_variant(message) {
        let d = Diagnostic::error(location, msg!("G0104", value = &value));
        return match closest(&value, allowed.iter().map(String::as_str)) {
            Some(best) => d.help(msg!("yaml-did-you-mean", suggestion = best)),
            None => d.help(msg!("G0104.help", allowed = quoted(&allowed))),
        };
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let (found, value) = literal(found);
        let (found, expected) = (kind_of(found), kind_of(expected));
        return Diagnostic::error(
            location,
            msg!("G0105", value = value, found = found, expected = expected),
        )
        .help(msg!("G0105.help"));
    }
    if message.contains("unexpected end of stream") {
        return Diagnostic::error(location, msg!("G0106")).help(msg!("G0106.help"));
    }
    if message.contains("mapping values are not allowed") {
        return Diagnostic::error(location, msg!("G0107")).help(msg!("G0107.help"));
    }
    if message.contains("did not find expected") {
        return Diagnostic::error(location, msg!("G0108", detail = message))
            .help(msg!("G0108.help"));
    }
    if message.starts_with("duplicate entry") || message.contains("duplicate key") {
        return Diagnostic::error(location, msg!("G0109", detail = message))
            .help(msg!("G0109.help"));
    }
    Diagnostic::error(location, msg!("G0110", detail = message)).help(msg!("G0110.help"))
}

/// A required key that is not there.
fn missing(key: &str, location: Location) -> Diagnostic {
    Diagnostic::error(location, msg!("G0111", key = key))
        .field(key)
        .help(msg!("G0111.help", key = key))
}

fn strip_path(message: &str) -> &str {
    // "awards[0].year: invalid type: …": the location already says where.
    match message.split_once(": ") {
        Some((head, rest))
            if !head.contains(' ') && !head.is_empty() && !message.starts_with("invalid") =>
        {
            rest
        }
        _ => message,
    }
}

/// serde's `string "năm 2024"` or ``integer `5` `` as the kind and the
/// value as written (`none` for a list or mapping, which has no one value).
fn literal(found: &str) -> (&str, String) {
    let found = found.trim();
    for quote in ['"', '`'] {
        if let (Some(start), true) = (found.find(quote), found.ends_with(quote)) {
            if start + 1 < found.len() {
                return (
                    &found[..start],
                    found[start + 1..found.len() - 1].to_string(),
                );
            }
        }
    }
    (found, "none".to_string())
}

/// serde's words for what it found or wanted, as one of the kinds the
/// catalogue names in both languages (`string`, `integer`, …), or as written.
fn kind_of(serde_words: &str) -> String {
    let w = serde_words.trim();
    let kind = if w.starts_with("string") || w == "a string" {
        "string"
    } else if w.starts_with("integer")
        || ["u8", "u16", "u32", "u64", "i32", "i64", "usize"].contains(&w)
    {
        "integer"
    } else if w.starts_with("floating point") || w == "f64" || w == "f32" {
        "number"
    } else if w.starts_with("boolean") || w == "a boolean" || w == "bool" {
        "boolean"
    } else if w.starts_with("sequence") || w == "a sequence" || w.starts_with("a list") {
        "list"
    } else if w.starts_with("map") || w == "a map" || w.starts_with("struct") {
        "mapping"
    } else if w == "unit value" || w == "null" {
        "empty"
    } else if w.starts_with("a YAML tag") {
        // serde_yaml's words for an enum given a list or mapping.
        "choice"
    } else {
        return w.to_string();
    };
    kind.to_string()
}

/// Pull `x` and the allowed list out of "unknown variant `x`, expected one of `a`, `b`"
/// (or "expected `a` or `b`").
fn unknown_variant(message: &str) -> Option<(String, Vec<String>)> {
    named_and_choices(message, "unknown variant `")
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

/// Pull `x` and the expected list out of "unknown field `x`, expected one of `a`, `b`".
fn unknown_key(message: &str) -> Option<(String, Vec<String>)> {
    named_and_choices(message, "unknown field `")
}

/// serde's "<prefix>x`, expected one of `a`, `b`": the name and the choices.
fn named_and_choices(message: &str, prefix: &str) -> Option<(String, Vec<String>)> {
    let rest = message.strip_prefix(prefix)?;
    let end = rest.find('`')?;
    let choices = rest[end..]
        .split('`')
        .skip(2)
        .step_by(2)
        .map(str::to_string)
        .collect();
    Some((rest[..end].to_string(), choices))
}

/// `a`, `b`, `c`: names as the writer types them.
fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The closest candidate by edit distance, if it is close enough to be a typo.
pub fn closest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let mut best: Option<(&str, f64)> = None;
    for c in candidates {
        let score = strsim::jaro_winkler(wanted, c);
        if best.is_none_or(|(_, s)| score > s) {
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

/// The (line, column) of the value at `path` in `text`, 1-based, columns in
/// characters; see [`Positions::get`]. For one lookup: a file with several
/// diagnostics builds its [`Positions`] once.
pub fn locate(text: &str, path: &[Seg]) -> Option<(usize, usize)> {
    Positions::of(text).get(path)
}

/// Where every key and list item of a YAML document is: the document read
/// once by `saphyr-parser` (which gives each event its span) into a tree of
/// positions, consulted by every diagnostic about the file. serde has
/// already turned the same text into the typed document; this tree holds
/// only positions, so a check that finds a wrong value after parsing can
/// still point at its line.
#[derive(Debug, Clone, Default)]
pub struct Positions {
    /// `nodes[0]` is the document's top node, when there is one.
    nodes: Vec<Node>,
}

/// A line and column, 1-based, the column counted in characters.
type At = (usize, usize);

#[derive(Debug, Clone)]
enum Node {
    /// A scalar or an alias (never expanded: a "billion laughs" costs nothing here).
    Leaf,
    /// Each key's position and its value's node; the first of repeated keys wins.
    Map(IndexMap<String, (At, usize)>),
    /// Each item's position (its `-` in a block list) and its node.
    Seq(Vec<(At, usize)>),
}

impl Positions {
    /// Read the positions of `text`. Text that is not valid YAML (to this
    /// parser) keeps the positions read before the error.
    pub fn of(text: &str) -> Positions {
        let mut built = Builder {
            cursor: Cursor::new(text),
            nodes: Vec::new(),
            open: Vec::new(),
        };
        // Events are pulled one by one: `Parser::load` would recurse per
        // level of nesting. The parser itself refuses flow nesting deeper
        // than a few hundred levels.
        let mut parser = saphyr_parser::Parser::new_from_str(text);
        while let Some(Ok((event, span))) = parser.next_event() {
            if !built.add(event, span.start.index()) {
                break;
            }
        }
        Positions { nodes: built.nodes }
    }

    /// The (line, column) of the value at `path`: a key's own position, a
    /// list item's `-` (or, in a flow list `[a, b]`, the item). A path that
    /// goes further than the document falls back to the deepest part of it
    /// found; `None` when not even its first step is there.
    pub fn get(&self, path: &[Seg]) -> Option<At> {
        let mut node = 0;
        let mut found = None;
        for seg in path {
            let next = match (seg, self.nodes.get(node)) {
                (Seg::Key(key), Some(Node::Map(map))) => map.get(*key),
                (Seg::Index(i), Some(Node::Seq(items))) => items.get(*i),
                _ => None,
            };
            let Some(&(at, child)) = next else { break };
            found = Some(at);
            node = child;
        }
        found
    }
}

/// The tree being built from the parser's events.
struct Builder<'a> {
    cursor: Cursor<'a>,
    nodes: Vec<Node>,
    /// The open lists and mappings, innermost last.
    open: Vec<Open>,
}

/// A list or mapping whose items are still coming.
struct Open {
    node: usize,
    /// In a mapping, between a key and its value: the key (unless it is a
    /// list or mapping itself, which no path can name) and its position.
    key: Option<(Option<String>, At)>,
}

impl Builder<'_> {
    /// Take one event, starting at character `index`; false at the end of
    /// the first document (front matter is one document).
    fn add(&mut self, event: saphyr_parser::Event, index: usize) -> bool {
        use saphyr_parser::Event;
        let (node, key) = match event {
            Event::Scalar(value, ..) => (Node::Leaf, Some(value.into_owned())),
            Event::Alias(_) => (Node::Leaf, None),
            Event::SequenceStart(..) => (Node::Seq(Vec::new()), None),
            Event::MappingStart(..) => (Node::Map(IndexMap::new()), None),
            Event::SequenceEnd | Event::MappingEnd => {
                self.open.pop();
                return true;
            }
            Event::DocumentEnd | Event::StreamEnd => return false,
            _ => return true,
        };
        let opens = matches!(node, Node::Seq(_) | Node::Map(_));
        let id = self.nodes.len();
        self.nodes.push(node);
        self.attach(id, key, index);
        if opens {
            self.open.push(Open {
                node: id,
                key: None,
            });
        }
        true
    }

    /// Hang node `id` under the innermost open list or mapping.
    fn attach(&mut self, id: usize, key: Option<String>, index: usize) {
        let Some(parent) = self.open.last_mut() else {
            return; // the top node, `nodes[0]`
        };
        match (&mut self.nodes[parent.node], parent.key.take()) {
            (Node::Seq(items), _) => items.push((self.cursor.item(index), id)),
            // A key: its value comes next.
            (Node::Map(_), None) => parent.key = Some((key, self.cursor.at(index))),
            (Node::Map(map), Some((key, at))) => {
                if let Some(key) = key {
                    map.entry(key).or_insert((at, id));
                }
            }
            (Node::Leaf, _) => {}
        }
    }
}

/// Turns the parser's character offsets into lines and columns, as editors
/// count them: lines end at `\n` only (the parser also breaks at a lone CR).
/// Events come in order, so the cursor only moves forward.
struct Cursor<'a> {
    text: &'a str,
    /// The character offset, byte offset, line and column reached.
    chars: usize,
    bytes: usize,
    line: usize,
    col: usize,
}

impl<'a> Cursor<'a> {
    fn new(text: &'a str) -> Cursor<'a> {
        Cursor {
            text,
            chars: 0,
            bytes: 0,
            line: 1,
            col: 1,
        }
    }

    /// The position of character `index`.
    fn at(&mut self, index: usize) -> At {
        if index < self.chars {
            *self = Cursor::new(self.text);
        }
        for c in self.text[self.bytes..].chars() {
            if self.chars >= index {
                break;
            }
            self.chars += 1;
            self.bytes += c.len_utf8();
            if c == '\n' {
                self.line += 1;
                self.col = 1;
            } else {
                self.col += 1;
            }
        }
        (self.line, self.col)
    }

    /// The position of a list item starting at character `index`: its `-`
    /// in a block list (where a reader looks for the item), else the item.
    fn item(&mut self, index: usize) -> At {
        let at = self.at(index);
        let before = self.text[..self.bytes].trim_end_matches([' ', '\t', '\r', '\n']);
        if !before.ends_with('-') {
            return at;
        }
        let dash = before.len() - 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let lines_back = self.text[dash..self.bytes].matches('\n').count();
        (at.0 - lines_back, before[line_start..].chars().count())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Lang;

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
        let text = err.render(Lang::En);
        assert!(
            text.starts_with("error[G0103]: x.md:3:1: `sumary`: unknown key"),
            "{text}"
        );
        assert!(text.contains("did you mean `summary`?"), "{text}");
        let text = err.render(Lang::Vi);
        assert!(
            text.starts_with("lỗi[G0103]: x.md:3:1: `sumary`: khóa `sumary` không có"),
            "{text}"
        );
        assert!(text.contains("có phải ý bạn là `summary`?"), "{text}");
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
        assert_eq!(err.code(), Some("G0102"), "{err}");
        // Closed brackets do not add up.
        let wide = format!("name: a\nsummary: \"{}\"\n", "[]".repeat(5 * MAX_DEPTH));
        assert!(parse::<T>(&wide, Path::new("x.md"), 2).is_ok());
    }

    #[test]
    fn tabs_are_reported_with_column() {
        let err = parse::<T>("name: a\n\tsummary: b\n", Path::new("x.md"), 2).unwrap_err();
        assert_eq!(err.location, Location::at("x.md", 3, Some(1)));
    }

    #[test]
    fn positions_follow_the_structure_not_the_text() {
        let doc = "awards:\n  - name: nested\nname: top\nsummary: |\n  field: inside a text\nfield: y-te\n\"quoted\": 1\n";
        let at = Positions::of(doc);
        // A key of the same name deeper in, or inside a block of text, is another key.
        assert_eq!(at.get(&[Seg::Key("name")]), Some((3, 1)));
        assert_eq!(at.get(&[Seg::Key("field")]), Some((6, 1)));
        assert_eq!(at.get(&[Seg::Key("quoted")]), Some((7, 1)));
        // Past the end of the document: the deepest part found.
        assert_eq!(
            at.get(&[Seg::Key("awards"), Seg::Index(0), Seg::Key("year")]),
            Some((2, 3))
        );
        assert_eq!(at.get(&[Seg::Key("awards"), Seg::Index(5)]), Some((1, 1)));
        assert_eq!(at.get(&[Seg::Key("photo"), Seg::Index(0)]), None);
    }

    #[test]
    fn list_items_are_found_at_their_dash() {
        let doc = "planned:\n- a\n-   b\n-\n  award: c\ngrid:\n  - - x\n    - y\n";
        let at = Positions::of(doc);
        assert_eq!(at.get(&[Seg::Key("planned"), Seg::Index(1)]), Some((3, 1)));
        // An item that starts on the line after its dash.
        assert_eq!(at.get(&[Seg::Key("planned"), Seg::Index(2)]), Some((4, 1)));
        assert_eq!(
            at.get(&[Seg::Key("planned"), Seg::Index(2), Seg::Key("award")]),
            Some((5, 3))
        );
        assert_eq!(
            at.get(&[Seg::Key("grid"), Seg::Index(0), Seg::Index(1)]),
            Some((8, 5))
        );
    }

    #[test]
    fn positions_count_lines_and_characters_as_editors_do() {
        // A lone CR is no line break in an editor; CRLF is one; columns count characters.
        let at = Positions::of("name: a\r\r\nsummary: Sơn La\r\ntags: [Mường, La]\n");
        assert_eq!(at.get(&[Seg::Key("summary")]), Some((2, 1)));
        assert_eq!(at.get(&[Seg::Key("tags"), Seg::Index(1)]), Some((3, 15)));
    }

    #[test]
    fn hostile_yaml_gives_positions_quickly_and_without_expanding_aliases() {
        let start = std::time::Instant::now();
        // "Billion laughs": each alias doubles the one before.
        let mut laughs = String::from("a0: &a0 [\"ha\", \"ha\"]\n");
        for i in 1..40 {
            laughs.push_str(&format!("a{i}: &a{i} [*a{p}, *a{p}]\n", p = i - 1));
        }
        let at = Positions::of(&laughs);
        assert_eq!(at.get(&[Seg::Key("a39"), Seg::Index(1)]), Some((40, 18)));
        // An alias is one position with nothing under it.
        let alias = [Seg::Key("a39"), Seg::Index(1), Seg::Index(0)];
        assert_eq!(at.get(&alias), Some((40, 18)));
        // Nesting far deeper than serde is given (flow, block lists, block
        // mappings): no stack overflow, the positions before the depth the
        // parser refuses are kept.
        let n = 100_000;
        let flow = format!("name: a\ntags: {}{}\n", "[".repeat(n), "]".repeat(n));
        assert_eq!(Positions::of(&flow).get(&[Seg::Key("tags")]), Some((2, 1)));
        let dashes = format!("name: a\ntags: {}x\n", "- ".repeat(n));
        assert_eq!(
            Positions::of(&dashes).get(&[Seg::Key("name")]),
            Some((1, 1))
        );
        let mut mappings = String::new();
        for i in 0..3_000 {
            mappings.push_str(&format!("{}k:\n", " ".repeat(i)));
        }
        let deep = [Seg::Key("k"); 3_000];
        assert_eq!(Positions::of(&mappings).get(&deep), Some((3_000, 3_000)));
        // 100,000 lines.
        let long: String = (0..50_000).map(|i| format!("- t: {i}\n  u: x\n")).collect();
        let at = Positions::of(&long);
        assert_eq!(
            at.get(&[Seg::Index(49_999), Seg::Key("u")]),
            Some((100_000, 3))
        );
        let secs = start.elapsed().as_secs_f64();
        assert!(secs < 10.0, "{secs} s");
    }
}
