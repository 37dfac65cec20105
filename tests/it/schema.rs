//! Editor schemas (`guong schema`): they accept every real and fixture file,
//! reject the mistakes guong rejects, stay current in the repository, and the
//! `guong new` templates point at them.

use crate::common::*;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Run `guong schema` on `root` into a temporary folder; name → schema.
fn schemas_of(root: &Path) -> (tempfile::TempDir, BTreeMap<String, Value>) {
    let tmp = tempfile::tempdir().unwrap();
    let o = guong(&[
        "schema",
        "--root",
        root.to_str().unwrap(),
        "--out",
        tmp.path().to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut map = BTreeMap::new();
    for entry in std::fs::read_dir(tmp.path()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let name = name.strip_suffix(".schema.json").unwrap().to_string();
        map.insert(
            name,
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap(),
        );
    }
    (tmp, map)
}

/// Which schema a file of a site is written against, by its path.
fn schema_name(rel: &Path) -> Option<String> {
    let parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    let lang = |file: &str| if file.ends_with(".en.md") { ".en" } else { "" };
    Some(match parts.as_slice() {
        ["site.yaml"] => "site".into(),
        ["data", file] => file.strip_suffix(".yaml")?.into(),
        ["content", "profiles", _, file] if file.ends_with(".md") => {
            format!("profile{}", lang(file))
        }
        ["content", "congresses", file] if file.ends_with(".md") => {
            format!("congress{}", lang(file))
        }
        ["content", "movements", file] if file.ends_with(".md") => {
            format!("movement{}", lang(file))
        }
        ["content", "pages", file] if file.ends_with(".md") => format!("page{}", lang(file)),
        _ => return None,
    })
}

/// The YAML of a site file (the front matter of a Markdown file) as JSON,
/// read the way guong reads it.
fn yaml_of(root: &Path, rel: &Path) -> Value {
    let bytes = std::fs::read(root.join(rel)).unwrap();
    let text = guong::source::check_text(&bytes, rel).unwrap();
    let (yaml, first_line) = if rel.extension().is_some_and(|e| e == "md") {
        let (fm, line, _) = guong::content::split_front_matter(&text, rel).unwrap();
        (fm.to_string(), line)
    } else {
        (text.clone(), 1)
    };
    guong::yaml::parse::<Value>(&yaml, rel, first_line).unwrap()
}

/// Every schema error of `rel`, as "path: message".
fn errors(schemas: &BTreeMap<String, Value>, root: &Path, rel: &Path) -> Vec<String> {
    let name = schema_name(rel).unwrap_or_else(|| panic!("no schema for {}", rel.display()));
    let validator = jsonschema::validator_for(&schemas[&name]).unwrap();
    let instance = yaml_of(root, rel);
    validator
        .iter_errors(&instance)
        .map(|e| format!("{}: {} ({})", rel.display(), e, e.instance_path))
        .collect()
}

/// The files of a site that have a schema.
fn site_files(root: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(root).unwrap().to_path_buf())
        .filter(|rel| !rel.starts_with("tests") && schema_name(rel).is_some())
        .collect()
}

#[test]
fn every_schema_is_a_valid_draft_7_schema() {
    let (_tmp, schemas) = schemas_of(&fixture("good"));
    let names: Vec<&str> = schemas.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "awards",
            "communes",
            "congress",
            "congress.en",
            "fields",
            "movement",
            "movement.en",
            "page",
            "page.en",
            "profile",
            "profile.en",
            "site",
            "slogans",
            "statistics"
        ]
    );
    for (name, schema) in &schemas {
        assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
        if let Err(e) = jsonschema::meta::validate(schema) {
            panic!("{name}: {e}");
        }
    }
}

#[test]
fn the_schemas_accept_every_real_and_fixture_file() {
    for root in [repo(), fixture("good")] {
        let (_tmp, schemas) = schemas_of(&root);
        let files = site_files(&root);
        let markdown = files.iter().filter(|f| f.starts_with("content")).count();
        let on_disk = walkdir::WalkDir::new(root.join("content"))
            .into_iter()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .path()
                    .extension()
                    .is_some_and(|x| x == "md")
            })
            .count();
        assert_eq!(markdown, on_disk, "every content file has a schema");
        assert!(files.iter().any(|f| f.starts_with("data")));
        let problems: Vec<String> = files
            .iter()
            .flat_map(|rel| errors(&schemas, &root, rel))
            .collect();
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}

/// Both the schema and `guong check` reject `rel` as it is in `site`.
fn both_reject(site: &Path, rel: &str, key: &str) {
    let (_tmp, schemas) = schemas_of(&fixture("good"));
    let found = errors(&schemas, site, Path::new(rel));
    assert!(!found.is_empty(), "the schema accepts {rel}");
    assert!(
        found.iter().any(|e| e.contains(key)),
        "the schema's errors do not name `{key}`: {found:?}"
    );
    let o = guong(&["check", "--drafts", "--root", site.to_str().unwrap()]);
    assert!(!o.status.success(), "guong accepts {rel}");
    assert!(stderr(&o).contains(key), "{}", stderr(&o));
}

#[test]
fn the_schemas_reject_what_guong_rejects() {
    // The bad fixtures, as a writer would type them in an editor.
    for (overlay, rel, key) in [
        (
            "misspelt-key",
            "content/profiles/nguyen-van-mau/index.vi.md",
            "sumary",
        ),
        (
            "unknown-field",
            "content/profiles/hop-tac-xa-che-mau/index.vi.md",
            "nong-thon-mo",
        ),
        (
            "unknown-keys",
            "content/profiles/nguyen-van-mau/index.vi.md",
            "muong-mao",
        ),
        (
            "unknown-keys",
            "content/profiles/nguyen-van-mau/index.vi.md",
            "phong-trao-mai",
        ),
        (
            "unknown-keys",
            "content/profiles/nguyen-van-mau/index.vi.md",
            "chien-si-thi-dua-cap-tin",
        ),
    ] {
        let site = site_with(Some(overlay));
        both_reject(site.path(), rel, key);
    }
    // Wrong types: text where a number is expected, a kind that does not exist.
    let rel = "content/profiles/nguyen-van-mau/index.vi.md";
    for (from, to, key) in [
        ("year: 2024", "year: năm 2024", "năm 2024"),
        ("kind: individual", "kind: person", "person"),
    ] {
        let site = site_with(None);
        let path = site.path().join(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "the fixture has `{from}`");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
        both_reject(site.path(), rel, key);
    }
}

#[test]
fn tags_and_table_keys_follow_guongs_slug_rule() {
    let (_tmp, schemas) = schemas_of(&fixture("good"));
    let tags = jsonschema::validator_for(&schemas["profile"]["properties"]["tags"]).unwrap();
    let keys = jsonschema::validator_for(&schemas["fields"]).unwrap();
    for s in [
        "chuyen-doi-so",
        "y-te",
        "covid-19",
        "a",
        "",
        "-a",
        "a-",
        "a--b",
        "Chuyen-doi-so",
        "chuyển-đổi-số",
        "a b",
        "a_b",
    ] {
        let slug = guong::text::fold::is_slug(s);
        assert_eq!(tags.is_valid(&serde_json::json!([s])), slug, "tag {s:?}");
        let table = serde_json::json!({ s: { "vi": "Tên" } });
        assert_eq!(keys.is_valid(&table), slug, "fields.yaml key {s:?}");
    }
}

#[test]
fn the_committed_schemas_are_current() {
    let keys = guong::schema::load_keys(&repo()).unwrap_or_else(|e| panic!("{e}"));
    let dir = repo().join(guong::schema::DIR);
    let expected = guong::schema::generate(&keys);
    let mut stale = Vec::new();
    for file in &expected {
        if std::fs::read_to_string(dir.join(&file.name))
            .ok()
            .as_deref()
            != Some(&file.text)
        {
            stale.push(file.name.clone());
        }
    }
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.ends_with(".schema.json") && !expected.iter().any(|f| f.name == name) {
            stale.push(format!("{name} (no longer written)"));
        }
    }
    assert!(
        stale.is_empty(),
        "schemas/ is out of date: {stale:?}\nrun `cargo run -- schema` and commit the result"
    );
}

#[test]
fn the_same_site_gives_the_same_schema_bytes() {
    let a = schemas_of(&repo());
    let b = schemas_of(&repo());
    assert_eq!(snapshot(a.0.path()), snapshot(b.0.path()));
}

/// The schema a Markdown file names in its `yaml-language-server` line.
fn modeline_target(file: &Path) -> PathBuf {
    let text = std::fs::read_to_string(file).unwrap();
    let second = text.lines().nth(1).unwrap();
    let target = second
        .strip_prefix("# yaml-language-server: $schema=")
        .unwrap_or_else(|| panic!("no modeline on the first front-matter line: {second}"));
    file.parent().unwrap().join(target)
}

#[test]
fn new_documents_name_their_schema_and_still_check_clean() {
    let site = site_with(None);
    let root = site.path().to_str().unwrap();
    assert!(guong(&["schema", "--root", root]).status.success());
    for args in [
        ["new", "profile", "Lò Văn Thử"],
        ["new", "movement", "Phong trào thử"],
    ] {
        let o = guong(&[args[0], args[1], args[2], "--root", root]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    // The writer chooses the field and replaces the sample texts.
    for rel in [
        "content/profiles/lo-van-thu/index.vi.md",
        "content/movements/phong-trao-thu.vi.md",
    ] {
        let path = site.path().join(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        let text = text.replace("field: \"\"", "field: y-te");
        let text = text.replace(guong::content::samples::PROFILE_SUMMARY, "Hư cấu.");
        let text = text.replace(guong::content::samples::PROFILE_STORY, "Hư cấu.");
        let text = text.replace(guong::content::samples::MOVEMENT_STORY, "Hư cấu.");
        std::fs::write(&path, text).unwrap();
    }
    let schemas: BTreeMap<String, Value> = ["profile", "movement"]
        .iter()
        .map(|n| {
            let path = site.path().join(format!("schemas/{n}.schema.json"));
            (
                n.to_string(),
                serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap(),
            )
        })
        .collect();
    for (rel, schema) in [
        ("content/profiles/lo-van-thu/index.vi.md", "profile"),
        ("content/movements/phong-trao-thu.vi.md", "movement"),
    ] {
        let target = modeline_target(&site.path().join(rel));
        let expected = site.path().join(format!("schemas/{schema}.schema.json"));
        assert_eq!(
            target.canonicalize().unwrap(),
            expected.canonicalize().unwrap(),
            "{rel} names its schema by a path relative to itself"
        );
        let found = errors(&schemas, site.path(), Path::new(rel));
        assert!(found.is_empty(), "{found:?}");
    }
    let o = guong(&["check", "--drafts", "--root", root]);
    assert!(o.status.success(), "{}", stderr(&o));
    // `check` warns about profiles without photos; none about the schemas.
    assert!(
        !stderr(&o)
            .lines()
            .any(|l| l.starts_with("warning") && l.contains("editor schemas")),
        "{}",
        stderr(&o)
    );
    // With the extra comment line, mistakes are still reported at their own line.
    let rel = "content/profiles/lo-van-thu/index.vi.md";
    let text = std::fs::read_to_string(site.path().join(rel)).unwrap();
    let line = text.lines().position(|l| l.starts_with("field:")).unwrap() + 1;
    let broken: String = text
        .lines()
        .map(|l| {
            if l.starts_with("field:") {
                "field: y-tee"
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(site.path().join(rel), broken + "\n").unwrap();
    let o = guong(&["check", "--drafts", "--root", root]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains(&format!("{rel}:{line}:1: `field`: `y-tee` is not a key")),
        "{}",
        stderr(&o)
    );
}

#[test]
fn check_warns_when_the_sites_schemas_fall_behind_its_data() {
    let site = site_with(None);
    let root = site.path().to_str().unwrap();
    // No schemas/ folder: nothing to say.
    let o = guong(&["check", "--root", root]);
    assert!(
        o.status.success() && !stderr(&o).contains("schemas"),
        "{}",
        stderr(&o)
    );
    assert!(guong(&["schema", "--root", root]).status.success());
    let o = guong(&["check", "--root", root]);
    assert!(!stderr(&o).contains("out of date"), "{}", stderr(&o));
    // A new field in data/fields.yaml is not yet offered by the editors.
    let fields = site.path().join("data/fields.yaml");
    let mut text = std::fs::read_to_string(&fields).unwrap();
    text.push_str("linh-vuc-moi:\n  vi: \"Lĩnh vực mới (hư cấu)\"\n");
    std::fs::write(&fields, text).unwrap();
    let o = guong(&["check", "--root", root]);
    assert!(
        o.status.success(),
        "a warning, not an error: {}",
        stderr(&o)
    );
    let err = stderr(&o);
    assert!(
        err.contains("warning[G0511]: schemas: the editor schemas are out of date (profile.schema.json, profile.en.schema.json)"),
        "{err}"
    );
    assert!(err.contains("run `guong schema`"), "{err}");
}
