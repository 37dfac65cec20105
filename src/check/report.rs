//! `guong check`'s report as people read it (errors, then warnings, with
//! the kinds many documents share summed up; the verdict last) and as
//! programs read it (JSON: every diagnostic with its code, every
//! translatable item). Sentences are in the run's language; codes, keys,
//! statuses and paths are the same in every language.

use super::translations::{path_text, timestamp};
use super::{Report, Translation};
use crate::error::{Diagnostic, Repeated, Severity};
use crate::messages::{lang, msg};
use std::collections::BTreeMap;

/// A kind of warning shared by more than this many documents is one line
/// (the others are listed with `--verbose`).
const LIST_UP_TO: usize = 3;

/// Errors, then warnings, one per line (a diagnostic's help on the next).
pub fn diagnostics(report: &Report, verbose: bool) -> String {
    let mut out = String::new();
    for d in &report.errors {
        out.push_str(&format!("{d}\n"));
    }
    if !report.warnings.is_empty() {
        if !report.errors.is_empty() {
            out.push('\n');
        }
        out.push_str(&warnings(&report.warnings, verbose));
    }
    out
}

/// Warnings, with each kind that many documents share summed up in one
/// line (its first place named) unless `verbose`.
fn warnings(warnings: &[Diagnostic], verbose: bool) -> String {
    let mut repeated: BTreeMap<Repeated, Vec<&Diagnostic>> = BTreeMap::new();
    for d in warnings {
        if let Some(kind) = d.repeated {
            repeated.entry(kind).or_default().push(d);
        }
    }
    repeated.retain(|_, all| all.len() > LIST_UP_TO && !verbose);
    let mut out = String::new();
    for d in warnings
        .iter()
        .filter(|d| !d.repeated.is_some_and(|k| repeated.contains_key(&k)))
    {
        out.push_str(&format!("{d}\n"));
    }
    for (kind, all) in &repeated {
        let first = all[0].location.to_string();
        out.push_str(&format!(
            "{}: {} {}\n  {}: {}; {}\n",
            msg!("label-warning"),
            kind.summary(all.len()),
            msg!("check-repeated-first", first = first),
            msg!("label-help"),
            kind.help(),
            msg!("check-verbose-lists-each")
        ));
    }
    out
}

/// The closing line: what needs doing first (a writer reads the last line),
/// then what was found in how much content.
pub fn verdict(report: &Report) -> String {
    // The counts, which every variant of the line gives, set once.
    let mut line = match report.counts {
        Some(_) if report.ok() => msg!("check-summary-clean"),
        Some(_) => msg!("check-summary-errors"),
        None => msg!("check-summary-not-loaded"),
    };
    line.args = vec![
        ("errors", report.errors.len().into()),
        ("warnings", report.warnings.len().into()),
    ];
    if let Some(c) = report.counts {
        line.args.extend([
            ("profiles", c.profiles.into()),
            ("congresses", c.congresses.into()),
            ("movements", c.movements.into()),
            ("pages", c.pages.into()),
        ]);
    }
    line.text()
}

/// The whole report as one JSON document: every diagnostic (none summed
/// up) and every translatable item, each with its code.
pub fn json(report: &Report) -> serde_json::Value {
    let diagnostics: Vec<serde_json::Value> = report
        .errors
        .iter()
        .chain(&report.warnings)
        .map(diagnostic)
        .collect();
    let translations = report
        .translations
        .as_ref()
        .map(|rows| rows.iter().map(translation).collect::<Vec<_>>());
    serde_json::json!({
        "lang": lang().code(),
        "ok": report.ok(),
        "errors": report.errors.len(),
        "warnings": report.warnings.len(),
        "counts": report.counts.map(|c| serde_json::json!({
            "profiles": c.profiles,
            "congresses": c.congresses,
            "movements": c.movements,
            "pages": c.pages,
        })),
        "diagnostics": diagnostics,
        "translations": translations,
        "summary": verdict(report),
    })
}

fn diagnostic(d: &Diagnostic) -> serde_json::Value {
    serde_json::json!({
        "code": d.code(),
        "severity": match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        },
        "file": path_text(&d.location.path),
        "line": d.location.line,
        "column": d.location.col,
        "field": d.field,
        "message": d.message.text(),
        "help": d.help.as_ref().map(|h| h.text()),
    })
}

fn translation(t: &Translation) -> serde_json::Value {
    let todo = t.todo();
    serde_json::json!({
        "code": todo.as_ref().and_then(|(m, _)| m.code()),
        "status": t.status.word(),
        "kind": t.kind,
        "key": t.key,
        "title": t.title,
        "vietnamese_file": path_text(&t.vi),
        "english_file": path_text(&t.en),
        "vietnamese_changed": t.vi_changed.map(timestamp),
        "english_changed": t.en_changed.map(timestamp),
        "message": todo.as_ref().map(|(m, _)| m.text()),
        "help": todo.as_ref().map(|(_, h)| h.text()),
    })
}
