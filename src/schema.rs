//! `guong schema`: JSON Schemas of the front matter of each content kind, of
//! the data files and of `site.yaml`, so editors underline mistakes as staff
//! type. Orchestration only: each stage derives the schema of its own raw
//! serde types (the structs that parse, so the two cannot drift); this module
//! adds what only a loaded site knows — the keys of `data/*.yaml` and the
//! movement files, as `enum`s editors offer for completion — and writes the
//! files in a stable byte form.

use crate::data::Data;
use crate::error::{BuildFailed, Diagnostic, Location};
use crate::messages::msg;
use crate::site::Site;
use schemars::generate::SchemaSettings;
use serde_json::{json, Map, Value};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Where a site keeps its schemas, relative to its root; the templates of
/// `guong new` and `.vscode/settings.json` point here.
pub const DIR: &str = "schemas";

/// The keys content refers to, as loaded from this site.
#[derive(Debug, Default, Clone)]
pub struct Keys {
    pub fields: BTreeSet<String>,
    pub communes: BTreeSet<String>,
    pub awards: BTreeSet<String>,
    pub movements: BTreeSet<String>,
}

impl Keys {
    pub fn of<'a>(data: &Data, movements: impl IntoIterator<Item = &'a str>) -> Keys {
        Keys {
            fields: data.fields.keys().cloned().collect(),
            communes: data.communes.keys().cloned().collect(),
            awards: data.awards.keys().cloned().collect(),
            movements: movements.into_iter().map(str::to_string).collect(),
        }
    }
}

/// One schema file: its name (`profile.schema.json`) and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaFile {
    pub name: String,
    pub text: String,
}

/// The `# yaml-language-server: $schema=…` line of a document `depth`
/// folders below the site root (`content/movements/x.vi.md` is 2).
pub fn modeline(kind: &str, depth: usize) -> String {
    format!(
        "# yaml-language-server: $schema={}{DIR}/{kind}.schema.json",
        "../".repeat(depth)
    )
}

/// Which schema property takes which site keys (JSON pointers into the schema).
fn key_targets(name: &str, keys: &Keys) -> Vec<(&'static str, Vec<String>)> {
    let list = |s: &BTreeSet<String>| s.iter().cloned().collect::<Vec<_>>();
    match name {
        "profile" | "profile.en" => vec![
            ("/properties/field", list(&keys.fields)),
            ("/properties/commune", list(&keys.communes)),
            ("/properties/movements/items", list(&keys.movements)),
            (
                "/definitions/AwardEntry/properties/award",
                list(&keys.awards),
            ),
        ],
        "movement" | "movement.en" => vec![(
            "/definitions/MovementResult/properties/award",
            list(&keys.awards),
        )],
        _ => vec![],
    }
}

/// Every schema, generated and completed with the site's keys.
pub fn generate(keys: &Keys) -> Vec<SchemaFile> {
    // Draft 7: the newest draft yaml-language-server (VS Code, Neovim, Helix,
    // Zed) supports.
    let settings = SchemaSettings::draft07();
    let mut all: Vec<(&str, Value)> = Vec::new();
    for (name, schema) in crate::content::schemas(&settings) {
        all.push((name, schema.to_value()));
    }
    for (name, schema) in crate::data::schemas(&settings) {
        all.push((name, schema.to_value()));
    }
    all.push(("site", crate::config::schema(&settings).to_value()));

    all.into_iter()
        .map(|(name, mut schema)| {
            for (pointer, allowed) in key_targets(name, keys) {
                restrict(&mut schema, pointer, &allowed);
            }
            if name == "profile" || name == "profile.en" {
                if let Some(summary) = schema.pointer_mut("/properties/summary") {
                    let max = crate::validate::SUMMARY_MAX_CHARS;
                    summary["maxLength"] = json!(max);
                    let text = summary["description"].as_str().unwrap_or_default();
                    summary["description"] =
                        json!(format!("{text} Tối đa {max} ký tự. / At most {max} characters."));
                }
            }
            if let Value::Object(map) = &mut schema {
                map.insert(
                    "$comment".into(),
                    json!("Written by `guong schema` from guong's own types and this site's data; do not edit, run `guong schema` again."),
                );
            }
            drop_number_formats(&mut schema);
            SchemaFile {
                name: format!("{name}.schema.json"),
                text: format!("{}\n", pretty(&sorted(schema))),
            }
        })
        .collect()
}

/// Offer only `allowed` at `pointer` (keeping `null` where the key may be empty).
fn restrict(schema: &mut Value, pointer: &str, allowed: &[String]) {
    // An empty enum would reject every value, and some validators refuse
    // the schema itself; guong reports the missing table instead.
    if allowed.is_empty() {
        return;
    }
    let Some(node) = schema.pointer_mut(pointer) else {
        debug_assert!(false, "no {pointer} in the schema");
        return;
    };
    let nullable = match &node["type"] {
        Value::Array(types) => types.iter().any(|t| t == "null"),
        _ => false,
    };
    let mut values: Vec<Value> = allowed.iter().map(|k| json!(k)).collect();
    if nullable {
        values.push(Value::Null);
    }
    node["enum"] = Value::Array(values);
}

/// schemars names the width of integers (`uint32`) in `format`; no draft
/// defines those, and strict validators (ajv) reject unknown formats. The
/// `minimum`/`maximum` beside them already say the same.
fn drop_number_formats(v: &mut Value) {
    match v {
        Value::Object(map) => {
            let numeric = matches!(map.get("type"), Some(Value::String(t)) if t == "integer" || t == "number")
                || matches!(map.get("type"), Some(Value::Array(ts)) if ts.iter().any(|t| t == "integer" || t == "number"));
            if numeric {
                map.remove("format");
            }
            map.values_mut().for_each(drop_number_formats);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_number_formats),
        _ => {}
    }
}

/// Keys in sorted order at every level, whatever serde_json's map keeps.
fn sorted(v: Value) -> Value {
    match v {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(
                entries
                    .into_iter()
                    .map(|(k, v)| (k, sorted(v)))
                    .collect::<Map<_, _>>(),
            )
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sorted).collect()),
        other => other,
    }
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).expect("a JSON value always serializes")
}

/// Load what the schemas need from `root`: the data tables (which must be
/// valid) and the movement files. Broken profiles do not matter here — the
/// schemas are what helps fix them.
pub fn load_keys(root: &Path) -> Result<Keys, BuildFailed> {
    let data = Data::load(root).map_err(BuildFailed)?;
    let (content, _) = crate::content::load(root, true);
    Ok(Keys::of(
        &data,
        content.movements.iter().map(|m| m.slug.as_str()),
    ))
}

/// Write every schema into `out`; returns the files written.
pub fn write(root: &Path, out: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let keys = load_keys(root)?;
    let mut written = Vec::new();
    for file in generate(&keys) {
        let path = out.join(&file.name);
        crate::output::write_file(
            &path,
            file.text.as_bytes(),
            crate::output::Existing::Replace,
        )?;
        written.push(path);
    }
    Ok(written)
}

/// A warning when the site keeps schemas (`schemas/`) that no longer match
/// its data: editors would then underline keys that are valid, or accept
/// removed ones.
pub fn stale(site: &Site) -> Option<Diagnostic> {
    let dir = site.config.root.join(DIR);
    if !dir.is_dir() {
        return None;
    }
    let keys = Keys::of(&site.data, site.movements.iter().map(|m| m.slug.as_str()));
    let outdated: Vec<String> = generate(&keys)
        .into_iter()
        .filter(|f| std::fs::read_to_string(dir.join(&f.name)).ok().as_deref() != Some(&f.text))
        .map(|f| f.name)
        .collect();
    if outdated.is_empty() {
        return None;
    }
    Some(
        Diagnostic::warning(
            Location::file(DIR),
            msg!("G0511", files = outdated.join(", ")),
        )
        .help(msg!("G0511.help")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> Keys {
        let set = |v: &[&str]| v.iter().map(|s| s.to_string()).collect();
        Keys {
            fields: set(&["y-te", "giao-duc"]),
            communes: set(&["xa-mau"]),
            awards: set(&["bang-khen"]),
            movements: set(&["phong-trao-mau"]),
        }
    }

    fn schema(files: &[SchemaFile], name: &str) -> Value {
        let file = files
            .iter()
            .find(|f| f.name == format!("{name}.schema.json"))
            .unwrap();
        serde_json::from_str(&file.text).unwrap()
    }

    #[test]
    fn every_key_target_exists_and_gets_the_sites_keys() {
        let keys = keys();
        let files = generate(&keys);
        for name in ["profile", "profile.en", "movement", "movement.en"] {
            let schema = schema(&files, name);
            let targets = key_targets(name, &keys);
            assert!(!targets.is_empty());
            for (pointer, allowed) in targets {
                let node = schema
                    .pointer(pointer)
                    .unwrap_or_else(|| panic!("{name}: no {pointer}"));
                let values = node["enum"].as_array().unwrap();
                for key in &allowed {
                    assert!(values.contains(&json!(key)), "{name} {pointer} lacks {key}");
                }
            }
        }
    }

    #[test]
    fn optional_keys_may_stay_empty_required_ones_may_not() {
        let files = generate(&keys());
        let profile = schema(&files, "profile");
        assert!(profile["properties"]["commune"]["enum"]
            .as_array()
            .unwrap()
            .contains(&Value::Null));
        assert!(!profile["properties"]["field"]["enum"]
            .as_array()
            .unwrap()
            .contains(&Value::Null));
    }

    #[test]
    fn an_empty_table_restricts_nothing() {
        let files = generate(&Keys::default());
        let profile = schema(&files, "profile");
        assert!(profile["properties"]["field"].get("enum").is_none());
    }

    #[test]
    fn output_is_sorted_and_free_of_integer_formats() {
        for file in generate(&keys()) {
            assert!(!file.text.contains("\"format\": \"uint"), "{}", file.name);
            assert!(!file.text.contains("\"format\": \"int"), "{}", file.name);
            let v: Value = serde_json::from_str(&file.text).unwrap();
            assert_eq!(format!("{}\n", pretty(&sorted(v))), file.text);
        }
    }
}
