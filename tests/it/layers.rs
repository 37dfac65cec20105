//! The pipeline's shape, checked on the source: each module of `src/` may
//! use only the modules of the layers below its own (docs/architecture.md
//! draws the same table). An import that runs back up the pipeline, or
//! between two stages of one layer, fails here with the file and line.

use std::collections::BTreeMap;
use std::path::Path;

/// Lowest first. Leaves, then the model, then the stages that read it,
/// then the commands that orchestrate them. The crate root (`lib.rs`) is
/// an orchestrator too: no stage may use what it defines.
const LAYERS: &[&[&str]] = &[
    &["messages"],
    &["error", "timing", "scope"],
    &["text", "yaml", "output"],
    &["source", "markdown"],
    &["config"],
    &["unconfirmed", "data"],
    &["site"],
    &["i18n", "paths"],
    &["content", "theme"],
    &["validate"],
    &["images"],
    &["search", "embed"],
    &["render"],
    &["check"],
    // Orchestration: may use every stage and the crate root; no stage uses them.
    &["schema"],
    &["scaffold"],
    &["import", "preview"],
    &["serve"],
    &["cli"],
];

/// The first orchestration layer: from here on, the crate root's items may be used.
const ORCHESTRATION: usize = 13;

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// The top-level modules a file names after `crate::`, with the line of each.
fn imports(source: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let mut in_use_group: Option<usize> = None;
    for (n, line) in source.lines().enumerate() {
        let code = line.trim_start();
        if code.starts_with("//") {
            continue;
        }
        let mut rest = code;
        if let Some(depth) = in_use_group.as_mut() {
            // Inside `use crate::{ … }` spread over lines: names at depth 1.
            rest = scan_group(rest, depth, &mut |name| found.push((n + 1, name)));
            if *depth == 0 {
                in_use_group = None;
            }
        }
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            if let Some(group) = after.strip_prefix('{') {
                let mut depth = 1;
                rest = scan_group(group, &mut depth, &mut |name| found.push((n + 1, name)));
                if depth > 0 {
                    in_use_group = Some(depth);
                    break;
                }
            } else {
                let name: String = after
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                rest = &after[name.len()..];
                found.push((n + 1, name));
            }
        }
    }
    found
}

/// Reads the names at depth 1 of a brace group until it closes (`depth` 0).
fn scan_group<'a>(text: &'a str, depth: &mut usize, found: &mut dyn FnMut(String)) -> &'a str {
    let mut expecting_name = true;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '{' => *depth += 1,
            '}' => {
                *depth -= 1;
                if *depth == 0 {
                    return &text[i + 1..];
                }
            }
            ',' if *depth == 1 => expecting_name = true,
            c if (c.is_alphanumeric() || c == '_') && expecting_name && *depth == 1 => {
                let mut name = c.to_string();
                while let Some(&(_, d)) = chars.peek() {
                    if !(d.is_alphanumeric() || d == '_') {
                        break;
                    }
                    name.push(d);
                    chars.next();
                }
                found(name);
                expecting_name = false;
            }
            _ => {}
        }
    }
    ""
}

/// Every `.rs` file under `src/`, by its top-level module (`None`: the crate root).
fn sources() -> BTreeMap<String, (Option<String>, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(&src).sort_by_file_name() {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let rel = path.strip_prefix(&src).unwrap();
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let module = first.trim_end_matches(".rs").to_string();
        let module = (!matches!(module.as_str(), "lib" | "main")).then_some(module);
        let text = std::fs::read_to_string(path).unwrap();
        out.insert(format!("src/{}", rel.to_string_lossy()), (module, text));
    }
    out
}

#[test]
fn no_module_uses_one_above_it() {
    let modules: Vec<String> = sources().into_values().filter_map(|(m, _)| m).collect();
    let mut problems = Vec::new();
    for module in &modules {
        if layer_of(module).is_none() {
            problems.push(format!(
                "src/{module}: a module the layer table in tests/it/layers.rs does not place"
            ));
        }
    }
    for (file, (module, text)) in sources() {
        let Some(module) = module else { continue };
        let Some(own) = layer_of(&module) else {
            continue;
        };
        for (line, name) in imports(&text) {
            if name == module || name == "self" {
                continue;
            }
            match layer_of(&name) {
                Some(l) if l < own => {}
                Some(_) => problems.push(format!("{file}:{line}: `{module}` uses `{name}`, which is not below it")),
                None if own >= ORCHESTRATION => {}
                None => problems.push(format!("{file}:{line}: `{module}` uses the crate root's `{name}`; a stage must not reach back to its orchestrator")),
            }
        }
    }
    assert!(
        problems.is_empty(),
        "imports against the pipeline:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_import_reader_finds_what_a_file_uses() {
    let text = "//! crate::nothing in a doc comment\n\
                use crate::site::Site;\n\
                use crate::{paths::{self, Urls}, text,\n    output::OutFile};\n\
                fn f() { crate::timing::timed(\"x\", || crate::text::fold::fold(\"a\")); }\n";
    let names: Vec<(usize, String)> = imports(text);
    let as_str: Vec<(usize, &str)> = names.iter().map(|(l, n)| (*l, n.as_str())).collect();
    assert_eq!(
        as_str,
        [
            (2, "site"),
            (3, "paths"),
            (3, "text"),
            (4, "output"),
            (5, "timing"),
            (5, "text")
        ]
    );
}

#[test]
fn one_function_makes_an_output_file_and_one_adds_the_base_path() {
    // Outside paths.rs, no stage turns a site path into a file name or a
    // link by hand (the trims and joins that used to be in nine places).
    let mut problems = Vec::new();
    for (file, (module, text)) in sources() {
        if module.as_deref() == Some("paths") || module.is_none() {
            continue;
        }
        for (n, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            let joins_base = code.contains("format!") && code.contains("base_path");
            if code.contains("trim_start_matches('/')") || joins_base {
                problems.push(format!("{file}:{}: {}", n + 1, code));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "site paths turned into files or links by hand:\n{}",
        problems.join("\n")
    );
}
