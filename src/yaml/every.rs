//! Every mistake of a front matter in one run. serde stops at the first
//! wrong key; a writer who fixes it, saves and meets the next one, three
//! times over, learns to distrust the tool. So when the typed parse fails,
//! the key it failed on is reported and set aside, and the rest is parsed
//! again, until it parses or a required key is missing. A document whose
//! only mistakes were unknown keys or bad optional values is still returned
//! (with its errors), so the checks that come after parsing — a date, a
//! field that is not in `data/fields.yaml` — report their mistakes in the
//! same run.

use super::{check_depth, check_tabs, describe, locate, Seg};
use crate::error::{Diagnostic, Location};
use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use std::path::Path;

/// Parse `text` (starting at line `first_line` of `path`) into `T`,
/// collecting every mistake. `None` when a required key is missing or
/// wrong, or the YAML itself cannot be read.
pub fn parse_every<T: DeserializeOwned + JsonSchema>(
    text: &str,
    path: &Path,
    first_line: usize,
) -> (Option<T>, Vec<Diagnostic>) {
    if let Some(d) =
        check_tabs(text, path, first_line).or_else(|| check_depth(text, path, first_line))
    {
        return (None, vec![d]);
    }
    // The common case costs one parse, as before.
    let first = match serde_yaml::from_str::<T>(text) {
        Ok(doc) => return (Some(doc), vec![]),
        Err(e) => e,
    };
    let first_diag = describe(&first, text, path, first_line);
    let Ok(serde_yaml::Value::Mapping(mut keys)) = serde_yaml::from_str(text) else {
        // Not a mapping of keys, or not YAML at all: nothing to set aside.
        return (None, vec![first_diag]);
    };
    let original: Vec<String> = keys
        .keys()
        .filter_map(|k| k.as_str().map(String::from))
        .collect();
    let mut diags = vec![];
    let mut set_aside: Vec<String> = vec![];
    let mut current = text.to_string();
    // Each round sets one key aside, so it ends after at most one round per key.
    for round in 0..=original.len() {
        let error = match serde_path_to_error::deserialize::<_, T>(
            serde_yaml::Deserializer::from_str(&current),
        ) {
            Ok(doc) => return (Some(doc), diags),
            Err(e) => e,
        };
        let segments: Vec<Segment> = error.path().iter().map(Segment::from).collect();
        let inner = error.into_inner();
        let message = inner.to_string();
        if missing_key(&message).is_some() {
            // Every required key that is neither there nor already reported
            // (wrong, or misspelt with it as the suggestion).
            diags.extend(missing_keys::<T>(
                &original, &set_aside, text, path, first_line,
            ));
            return (None, diags);
        }
        // Round 0 reads the writer's own text: serde's position is exact.
        // Later rounds read a reprint, so the path finds the line instead.
        let mut d = if round == 0 {
            first_diag.clone()
        } else {
            describe(&inner, &current, path, first_line)
        };
        let unknown = d
            .field
            .clone()
            .filter(|_| message.starts_with("unknown field"));
        let mut at: Vec<Seg> = segments.iter().map(Segment::seg).collect();
        if let Some(key) = &unknown {
            at.push(Seg::Key(key));
        }
        if round > 0 {
            d.location = match locate(text, &at) {
                Some((line, col)) => Location::at(path, first_line + line - 1, Some(col)),
                None => Location::at(path, first_line, None),
            };
        }
        let top = match (at.first(), &unknown) {
            (Some(Seg::Key(k)), _) => k.to_string(),
            (None, Some(k)) => k.clone(),
            _ => {
                diags.push(d);
                return (None, diags);
            }
        };
        if d.field.is_none() {
            d.field = Some(top.clone());
        }
        // A misspelt key accounts for the required key it resembles.
        if let Some(help) = d.help.as_ref().filter(|h| h.id == "yaml-did-you-mean") {
            set_aside.extend(help.args.iter().filter_map(|(_, v)| match v {
                crate::messages::Arg::Text(s) => Some(s.clone()),
                _ => None,
            }));
        }
        diags.push(d);
        if keys.remove(top.as_str()).is_none() {
            return (None, diags);
        }
        set_aside.push(top);
        current = match serde_yaml::to_string(&keys) {
            Ok(t) => t,
            Err(_) => return (None, diags),
        };
    }
    (None, diags)
}

/// One required key per error, each found absent from the writer's text
/// (serde names only the first): every key the schema requires.
fn missing_keys<T: JsonSchema>(
    present: &[String],
    set_aside: &[String],
    text: &str,
    path: &Path,
    first_line: usize,
) -> Vec<Diagnostic> {
    let schema = schemars::schema_for!(T);
    let required: Vec<String> = schema
        .get("required")
        .and_then(|r| r.as_array())
        .map(|r| {
            r.iter()
                .filter_map(|k| k.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    // After the last line of the front matter: where a writer would add it.
    let end = first_line + text.lines().count().saturating_sub(1);
    required
        .into_iter()
        .filter(|k| !present.contains(k) && !set_aside.contains(k))
        .map(|k| super::missing(&k, Location::at(path, end.max(first_line), None)))
        .collect()
}

fn missing_key(message: &str) -> Option<String> {
    let rest = message.strip_prefix("missing field `")?;
    Some(rest[..rest.find('`')?].to_string())
}

/// A step of serde's path, owned (the error is consumed).
enum Segment {
    Key(String),
    Index(usize),
    Other,
}

impl From<&serde_path_to_error::Segment> for Segment {
    fn from(s: &serde_path_to_error::Segment) -> Segment {
        match s {
            serde_path_to_error::Segment::Map { key } => Segment::Key(key.clone()),
            serde_path_to_error::Segment::Seq { index } => Segment::Index(*index),
            _ => Segment::Other,
        }
    }
}

impl Segment {
    fn seg(&self) -> Seg<'_> {
        match self {
            Segment::Key(k) => Seg::Key(k),
            Segment::Index(i) => Seg::Index(*i),
            Segment::Other => Seg::Index(usize::MAX),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Lang;

    #[derive(serde::Deserialize, schemars::JsonSchema, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        name: String,
        summary: String,
        #[serde(default)]
        organization: Option<String>,
        #[serde(default)]
        delegates: Option<u32>,
        #[serde(default)]
        awards: Vec<Award>,
    }

    #[derive(serde::Deserialize, schemars::JsonSchema, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Award {
        award: String,
        year: i32,
    }

    fn parse(text: &str) -> (Option<Doc>, Vec<String>) {
        let (doc, diags) = parse_every::<Doc>(text, Path::new("f.md"), 2);
        let shown = diags.iter().map(|d| d.render(Lang::En)).collect();
        (doc, shown)
    }

    #[test]
    fn every_wrong_key_is_reported_at_its_line_and_the_document_kept() {
        let text = "name: A\norganisation: B\ndelegates: many\nawards:\n  - award: x\n    yeer: 2020\nsummary: s\n";
        let (doc, shown) = parse(text);
        assert_eq!(shown.len(), 3, "{shown:#?}");
        assert!(
            shown[0].starts_with("error[G0103]: f.md:3:1: `organisation`: unknown key"),
            "{shown:#?}"
        );
        assert!(
            shown[0].contains("did you mean `organization`?"),
            "{shown:#?}"
        );
        assert!(shown[1].starts_with("error[G0105]: f.md:4:"), "{shown:#?}");
        assert!(shown[1].contains("`delegates`"), "{shown:#?}");
        assert!(
            shown[2].starts_with("error[G0103]: f.md:7:5: `yeer`: unknown key"),
            "{shown:#?}"
        );
        // Only optional keys were wrong: the rest is still there to check.
        let doc = doc.expect("the document without its wrong keys");
        assert_eq!((doc.name.as_str(), doc.summary.as_str()), ("A", "s"));
        assert!(doc.awards.is_empty() && doc.delegates.is_none());
    }

    #[test]
    fn every_missing_required_key_is_reported_and_wrong_ones_too() {
        let (doc, shown) = parse("organisation: B\n");
        assert!(doc.is_none());
        let codes: Vec<&str> = shown.iter().map(|s| &s[..12]).collect();
        assert_eq!(
            codes,
            ["error[G0103]", "error[G0111]", "error[G0111]"],
            "{shown:#?}"
        );
        assert!(
            shown[1].contains("`name`") && shown[2].contains("`summary`"),
            "{shown:#?}"
        );
        // A misspelt required key is one mistake, not also a missing key.
        let (doc, shown) = parse("name: A\nsumary: s\n");
        assert!(doc.is_none());
        assert_eq!(shown.len(), 1, "{shown:#?}");
        assert!(shown[0].contains("did you mean `summary`?"), "{shown:#?}");
        // A required key with a wrong value is reported once, as wrong.
        let (doc, shown) = parse("name: [a, b]\nsummary: s\n");
        assert!(doc.is_none());
        assert_eq!(shown.len(), 1, "{shown:#?}");
        assert!(shown[0].starts_with("error[G0105]: f.md:2:"), "{shown:#?}");
    }

    #[test]
    fn a_syntax_error_stops_its_own_file_only_once() {
        let (doc, shown) = parse("name: A\nsummary: \"open\n");
        assert!(doc.is_none());
        assert_eq!(shown.len(), 1, "{shown:#?}");
        let (doc, shown) = parse("name: A\nsummary: s\n");
        assert!(doc.is_some() && shown.is_empty());
    }
}
