//! `guong import`: profiles from the spreadsheets staff receive (CSV, XLSX,
//! XLS, ODS). A stage of its own: it reads the site as `guong check` does
//! (content + data, drafts included), plans row by row, checks what it would
//! write against the same rules, then writes profile bundles atomically.
//!
//! sheet (cells as NFC text) → columns (which header is which key) → plan
//! (create / add awards / skip, with reasons) → write.

mod columns;
mod plan;
mod record;
mod sheet;
mod write;

use crate::error::{BuildFailed, Diagnostic};
use crate::messages::msg;
use crate::output::{self, Existing};
use crate::site::{Date, Site};
use anyhow::{bail, Context, Result};
use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};

/// What `guong import` was asked to do.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The site folder.
    pub root: PathBuf,
    /// The spreadsheet.
    pub file: PathBuf,
    /// A worksheet of a workbook, by name (default: the first).
    pub sheet: Option<String>,
    /// `--map "Header=column,…"` values.
    pub map: Vec<String>,
    /// The field of rows without one (a key or name of data/fields.yaml).
    pub field: Option<String>,
    /// The `date` of new profiles (default: today).
    pub date: Option<String>,
    /// Create new profiles as drafts.
    pub draft: bool,
    /// Plan and report, write nothing.
    pub dry_run: bool,
}

/// One line of the plan, as the report shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Create {
        path: PathBuf,
        rows: Vec<usize>,
        name: String,
        detail: String,
    },
    Update {
        path: PathBuf,
        rows: Vec<usize>,
        added: Vec<String>,
    },
    Unchanged {
        path: PathBuf,
        rows: Vec<usize>,
    },
}

/// What an import did (or, in a dry run, would do).
#[derive(Debug)]
pub struct Report {
    pub source: String,
    pub rows: usize,
    pub actions: Vec<Action>,
    pub skipped: Vec<Diagnostic>,
    /// Imported rows that contradict an earlier row or the existing profile.
    pub conflicts: Vec<Diagnostic>,
    pub ignored_headers: Vec<String>,
    pub dry_run: bool,
}

impl Report {
    pub fn created(&self) -> usize {
        self.count(|a| matches!(a, Action::Create { .. }))
    }
    pub fn updated(&self) -> usize {
        self.count(|a| matches!(a, Action::Update { .. }))
    }
    pub fn unchanged(&self) -> usize {
        self.count(|a| matches!(a, Action::Unchanged { .. }))
    }
    fn count(&self, f: impl Fn(&Action) -> bool) -> usize {
        self.actions.iter().filter(|a| f(a)).count()
    }
}

fn rows_label(rows: &[usize]) -> String {
    let list: Vec<String> = rows.iter().map(usize::to_string).collect();
    msg!("import-rows", count = rows.len(), list = list.join(", ")).text()
}

fn slash(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

impl Report {
    /// One line of the plan: what was (or would be) done to which file.
    fn action_line(&self, a: &Action) -> crate::messages::Msg {
        let dry = self.dry_run;
        match a {
            Action::Create {
                path,
                rows,
                name,
                detail,
            } => {
                let (path, rows) = (slash(path), rows_label(rows));
                if dry {
                    msg!(
                        "import-would-create",
                        path = path,
                        rows = rows,
                        name = name,
                        detail = detail
                    )
                } else {
                    msg!(
                        "import-created",
                        path = path,
                        rows = rows,
                        name = name,
                        detail = detail
                    )
                }
            }
            Action::Update { path, rows, added } => {
                let (p, r, a) = (slash(path), rows_label(rows), added.join(", "));
                if dry {
                    msg!("import-would-update", path = p, rows = r, added = a)
                } else {
                    msg!("import-updated", path = p, rows = r, added = a)
                }
            }
            Action::Unchanged { path, rows } => {
                let (path, rows) = (slash(path), rows_label(rows));
                msg!("import-unchanged", path = path, rows = rows)
            }
        }
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for h in &self.ignored_headers {
            let quoted = format!("{h:?}");
            let note = msg!("import-note-ignored-column", quoted = quoted, header = h);
            writeln!(f, "{note}")?;
        }
        for a in &self.actions {
            writeln!(f, "{}", self.action_line(a))?;
        }
        let (source, count) = (&self.source, self.rows);
        let (c, u, n, s) = (
            self.created(),
            self.updated(),
            self.unchanged(),
            self.skipped.len(),
        );
        let summary = if self.dry_run {
            msg!(
                "import-summary-dry-run",
                source = source,
                count = count,
                created = c,
                updated = u,
                unchanged = n,
                skipped = s
            )
        } else {
            msg!(
                "import-summary",
                source = source,
                count = count,
                created = c,
                updated = u,
                unchanged = n,
                skipped = s
            )
        };
        writeln!(f, "\n{summary}")?;
        if !self.skipped.is_empty() {
            writeln!(f, "{}", msg!("import-skipped-heading"))?;
            for d in &self.skipped {
                writeln!(f, "{d}")?;
            }
        }
        if !self.conflicts.is_empty() {
            writeln!(f, "{}", msg!("import-conflicts-heading"))?;
            for d in &self.conflicts {
                writeln!(f, "{d}")?;
            }
        }
        if self.dry_run {
            writeln!(f, "{}", msg!("import-dry-run"))?;
        }
        Ok(())
    }
}

/// Plan the import and, unless it is a dry run, write it.
pub fn run(opts: &ImportOptions) -> Result<Report> {
    let loaded = crate::load(&crate::Options {
        root: opts.root.clone(),
        base_url: None,
        // Drafts are people too: a row must find them, not duplicate them.
        drafts: true,
    })
    .map_err(|e| anyhow::Error::new(e).context(msg!("import-site-has-errors")))?;
    let site = loaded.site;
    let date = match &opts.date {
        Some(d) => {
            Date::parse(d).with_context(|| msg!("import-bad-date", date = format!("{d:?}")))?
        }
        None => today(),
    };
    let default_field = match &opts.field {
        Some(f) => Some(field_key(&site, f)?),
        None => None,
    };
    let label = opts
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| slash(&opts.file));
    let sheet = sheet::read(&opts.file, opts.sheet.as_deref())?;
    let overrides = columns::Overrides::parse(&opts.map)?;
    let columns = columns::detect(&sheet.rows, &overrides)
        .with_context(|| msg!("import-columns-unclear", file = &label))?;
    let settings = plan::Settings {
        label: &label,
        default_field: default_field.as_deref(),
        taken_slugs: taken_slugs(&site),
    };
    let mut plan = plan::plan(&site, &sheet.rows, &columns, settings);

    // Render every file first, and check them all, before writing any.
    let mut creates = Vec::new();
    for p in &plan.creates {
        let rel = PathBuf::from("content/profiles")
            .join(&p.slug)
            .join("index.vi.md");
        let text = write::profile_text(p, &site.data, &label, date, opts.draft);
        creates.push((rel, text, p));
    }
    let mut updates = Vec::new();
    let mut actions = Vec::new();
    for u in &plan.updates {
        let profile = &site.profiles[u.profile];
        let rel = profile.text.vi.origin.path.clone();
        if u.add.is_empty() {
            actions.push(Action::Unchanged {
                path: rel,
                rows: u.rows.clone(),
            });
            continue;
        }
        let raw = crate::error::fs::read_to_string(&opts.root.join(&rel))?;
        match write::add_awards(&raw, &u.add) {
            Ok(text) => updates.push((rel, text, u)),
            Err(why) => {
                for &row in &u.rows {
                    plan.skipped.push(
                        Diagnostic::warning(
                            crate::error::Location::at(&label, row, None),
                            msg!("G0701", file = slash(&rel), why = why.text()),
                        )
                        .help(msg!("G0701.help")),
                    );
                }
            }
        }
    }
    check(&site, &creates, &updates)?;

    for (rel, text, p) in &creates {
        if !opts.dry_run {
            // A file that appeared since the plan was checked is kept.
            output::write_file(&opts.root.join(rel), text.as_bytes(), Existing::Keep)?;
        }
        actions.push(Action::Create {
            path: rel.clone(),
            rows: p.rows.clone(),
            name: p.name.clone(),
            detail: describe(p),
        });
    }
    for (rel, text, u) in &updates {
        if !opts.dry_run {
            output::write_file(&opts.root.join(rel), text.as_bytes(), Existing::Replace)?;
        }
        actions.push(Action::Update {
            path: rel.clone(),
            rows: u.rows.clone(),
            added: u
                .add
                .iter()
                .map(|a| format!("{} {}", a.award, a.year))
                .collect(),
        });
    }
    actions.sort_by_key(|a| match a {
        Action::Create { rows, .. }
        | Action::Update { rows, .. }
        | Action::Unchanged { rows, .. } => rows.first().copied().unwrap_or(0),
    });
    plan.skipped.sort_by_key(|d| d.location.line);
    plan.conflicts.sort_by_key(|d| d.location.line);
    // The rows the report accounts for (blank ones are not rows of data).
    let data_rows = actions
        .iter()
        .map(|a| match a {
            Action::Create { rows, .. }
            | Action::Update { rows, .. }
            | Action::Unchanged { rows, .. } => rows.len(),
        })
        .sum::<usize>()
        + plan.skipped.len();
    let source = match &sheet.name {
        Some(name) => {
            let sheet = format!("{name:?}");
            msg!("import-source-sheet", file = &label, sheet = sheet).text()
        }
        None => label.clone(),
    };
    Ok(Report {
        source,
        rows: data_rows,
        actions,
        skipped: plan.skipped,
        conflicts: plan.conflicts,
        ignored_headers: plan.ignored_headers,
        dry_run: opts.dry_run,
    })
}

fn describe(p: &plan::NewProfile) -> String {
    let mut parts = vec![p.kind.key().to_string(), p.field.clone()];
    if let Some(o) = &p.organization {
        parts.insert(0, o.clone());
    }
    parts.push(msg!("import-award-count", count = p.awards.len()).text());
    parts.join(", ")
}

/// The would-be site must pass the same rules as `guong check`: parse every
/// new or changed file as the loader would, then validate the whole site.
/// Planning should have caught everything; this is the guarantee.
fn check(
    site: &Site,
    creates: &[(PathBuf, String, &plan::NewProfile)],
    updates: &[(PathBuf, String, &plan::Update)],
) -> Result<()> {
    let mut errors: Vec<Diagnostic> = Vec::new();
    let mut next = site.clone();
    for (rel, text, _) in creates {
        match crate::content::parse_profile(rel, text) {
            Ok(p) => next.profiles.push(p),
            Err(ds) => errors.extend(ds),
        }
    }
    for (rel, text, u) in updates {
        match crate::content::parse_profile(rel, text) {
            Ok(p) => {
                let expected: Vec<_> = site.profiles[u.profile]
                    .awards
                    .iter()
                    .chain(&u.add)
                    .cloned()
                    .collect();
                if p.awards != expected {
                    errors.push(
                        Diagnostic::error(crate::error::Location::file(rel), msg!("G0702"))
                            .help(msg!("G0702.help")),
                    );
                }
                let old = &mut next.profiles[u.profile];
                old.awards = p.awards;
                old.text.vi.origin = p.text.vi.origin;
            }
            Err(ds) => errors.extend(ds),
        }
    }
    errors.extend(
        crate::validate::validate(&next)
            .into_iter()
            .filter(|d| d.severity == crate::error::Severity::Error),
    );
    if errors.is_empty() {
        Ok(())
    } else {
        Err(anyhow::Error::new(BuildFailed(errors)).context(msg!("import-would-fail-check")))
    }
}

/// A field given on the command line, by key or by name.
fn field_key(site: &Site, wanted: &str) -> Result<String> {
    let n = columns::norm(wanted);
    for (key, f) in &site.data.fields {
        let names = [Some(key.as_str()), Some(f.vi.as_str()), f.en.as_deref()];
        if names.into_iter().flatten().any(|x| columns::norm(x) == n) {
            return Ok(key.clone());
        }
    }
    let keys: Vec<&str> = site.data.fields.keys().map(String::as_str).collect();
    let (field, fields) = (format!("{wanted:?}"), keys.join(", "));
    bail!(msg!("import-unknown-field", field = field, fields = fields))
}

/// Slugs a new profile may not take: every folder under content/profiles/
/// (drafts and half-made bundles too) and the page-number section names.
fn taken_slugs(site: &Site) -> BTreeSet<String> {
    let mut taken: BTreeSet<String> = std::fs::read_dir(site.config.root.join("content/profiles"))
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    for lang in crate::config::Lang::ALL {
        taken.insert(
            site.config
                .section(lang, crate::config::Section::Page)
                .to_string(),
        );
    }
    taken
}

/// Today's date (UTC): the publication date of new profiles.
fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_days((secs / 86_400) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_become_calendar_dates() {
        assert_eq!(Date::from_days(0).to_string(), "1970-01-01");
        assert_eq!(Date::from_days(19_782).to_string(), "2024-02-29");
        assert_eq!(Date::from_days(20_307).to_string(), "2025-08-07");
    }
}
