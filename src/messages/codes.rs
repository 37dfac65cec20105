//! The index of diagnostic codes the staff guides print: each code with an
//! example of its message and its fix, in one language, made from the
//! catalogue so the guides cannot fall behind it (a test compares them).

use super::{is_code, render, Arg, Lang, FILES};
use std::collections::BTreeMap;

/// Each code's example variables, from the `# example: key=value | …`
/// comment written above it in the Vietnamese catalogue.
pub fn examples() -> BTreeMap<String, Vec<(&'static str, Arg)>> {
    let mut out = BTreeMap::new();
    for (_, vi, _) in FILES {
        let mut pending: Option<Vec<(&'static str, Arg)>> = None;
        for line in vi.lines() {
            if let Some(rest) = line.strip_prefix("# example:") {
                pending = Some(parse_example(rest));
                continue;
            }
            if line.starts_with('#') || line.trim().is_empty() || line.starts_with(' ') {
                continue;
            }
            if let Some((id, _)) = line.split_once(" =") {
                if let Some(args) = pending.take() {
                    out.insert(id.trim().to_string(), args);
                }
            }
        }
    }
    out
}

fn parse_example(text: &str) -> Vec<(&'static str, Arg)> {
    text.split(" | ")
        .filter(|s| !s.trim().is_empty())
        .filter_map(|pair| pair.split_once('='))
        .map(|(k, v)| {
            let key: &'static str = Box::leak(k.trim().to_string().into_boxed_str());
            let v = v.trim();
            let value = match v.parse::<i64>() {
                Ok(n) if !v.starts_with('0') || v == "0" => Arg::Count(n),
                _ => Arg::Text(v.to_string()),
            };
            (key, value)
        })
        .collect()
}

/// Every code in order, as Markdown: a heading per part of the pipeline,
/// then code, example message and fix.
pub fn index(lang: Lang) -> String {
    let examples = examples();
    let mut out = String::new();
    let (code, example, fix) = match lang {
        Lang::Vi => ("Mã", "Ví dụ thông báo", "Cách sửa"),
        Lang::En => ("Code", "Example message", "How to fix it"),
    };
    out.push_str(&format!("| {code} | {example} | {fix} |\n|---|---|---|\n"));
    for (id, args) in &examples {
        if !is_code(id) {
            continue;
        }
        let message = render(lang, id, args);
        let help = render(lang, &format!("{id}.help"), args);
        out.push_str(&format!(
            "| <span id=\"{id}\">`{id}`</span> | {} | {} |\n",
            cell(&message),
            cell(&help)
        ));
    }
    out
}

/// A table cell: one line, pipes escaped.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}
