//! The translation report: for every profile, congress, movement and page,
//! whether it has an English text, and whether that text is older than the
//! Vietnamese one (so it may no longer say the same thing).
//!
//! "Older" needs the time each file last changed, and a fresh clone gives
//! every file the same modification time (give or take the milliseconds the
//! checkout took). So when the site is in a git work tree, a file's time is
//! that of the last commit that changed it, and only files with uncommitted
//! changes (or not in git) are timed by their modification time. Without
//! git, modification times. Either way an English file counts as older only
//! when it is more than [`SLACK_SECONDS`] older: a checkout, a copy or an
//! unzip writes the two files of a pair well within that.

use crate::messages::{msg, Msg};
use crate::site::{Origin, Site};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;

pub const SLACK_SECONDS: i64 = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// Has English, at least as recent as the Vietnamese.
    Current,
    /// No English file: the English site shows the Vietnamese text.
    Missing,
    /// The Vietnamese file changed after the English one.
    Outdated,
}

impl Status {
    /// The status in the CSV and JSON reports: the same in every language,
    /// so a spreadsheet's filters keep working.
    pub fn word(self) -> &'static str {
        match self {
            Status::Current => "ok",
            Status::Missing => "missing",
            Status::Outdated => "outdated",
        }
    }

    /// The status in the table, in the run's language.
    fn shown(self) -> Msg {
        match self {
            Status::Current => msg!("check-status.ok"),
            Status::Missing => msg!("check-status.missing"),
            Status::Outdated => msg!("check-status.outdated"),
        }
    }
}

/// One translatable item.
#[derive(Debug, Clone)]
pub struct Translation {
    pub status: Status,
    /// `profile`, `congress`, `movement` or `page`.
    pub kind: &'static str,
    /// The slug, or the congress number.
    pub key: String,
    /// The Vietnamese name or title.
    pub title: String,
    pub vi: PathBuf,
    /// The English file, or where to create it.
    pub en: PathBuf,
    /// When each file last changed (seconds since 1970, UTC).
    pub vi_changed: Option<i64>,
    pub en_changed: Option<i64>,
}

/// Every translatable item of the site, in kind and key order.
pub fn report(site: &Site) -> Vec<Translation> {
    let clock = Clock::new(&site.config.root);
    let mut rows = Vec::new();
    let mut add = |kind, key: String, title: &str, vi: &Origin, en: Option<&Origin>| {
        let vi_changed = clock.changed(&vi.path);
        let (en_path, en_changed) = match en {
            Some(o) => (o.path.clone(), clock.changed(&o.path)),
            None => (english_path(&vi.path), None),
        };
        let status = match (en, vi_changed, en_changed) {
            (None, _, _) => Status::Missing,
            (Some(_), Some(v), Some(e)) if e + SLACK_SECONDS < v => Status::Outdated,
            _ => Status::Current,
        };
        rows.push(Translation {
            status,
            kind,
            key,
            title: title.to_string(),
            vi: vi.path.clone(),
            en: en_path,
            vi_changed,
            en_changed,
        });
    };
    for p in &site.profiles {
        let en = p.text.en.as_ref().map(|t| &t.origin);
        add(
            "profile",
            p.slug.clone(),
            &p.text.vi.name,
            &p.text.vi.origin,
            en,
        );
    }
    for c in &site.congresses {
        let en = c.text.en.as_ref().map(|t| &t.origin);
        add(
            "congress",
            c.number.to_string(),
            &c.text.vi.title,
            &c.text.vi.origin,
            en,
        );
    }
    for m in &site.movements {
        let en = m.text.en.as_ref().map(|t| &t.origin);
        add(
            "movement",
            m.slug.clone(),
            &m.text.vi.title,
            &m.text.vi.origin,
            en,
        );
    }
    for p in &site.pages {
        let en = p.text.en.as_ref().map(|t| &t.origin);
        add(
            "page",
            p.slug.clone(),
            &p.text.vi.title,
            &p.text.vi.origin,
            en,
        );
    }
    rows
}

impl Translation {
    /// What needs doing, as a diagnostic's message (its code is the one the
    /// reports carry), and how; `None` when the English text is current.
    pub fn todo(&self) -> Option<(Msg, Msg)> {
        let (vi, en) = (path_text(&self.vi), path_text(&self.en));
        match self.status {
            Status::Current => None,
            Status::Missing => Some((
                msg!("G0410"),
                msg!("G0410.help", english = en, vietnamese = vi),
            )),
            Status::Outdated => Some((
                msg!("G0411"),
                msg!("G0411.help", english = en, vietnamese = vi),
            )),
        }
    }
}

/// The kind of an item in the table, in the run's language.
fn kind_shown(kind: &str) -> String {
    match kind {
        "profile" => msg!("check-kind.profile"),
        "congress" => msg!("check-kind.congress"),
        "movement" => msg!("check-kind.movement"),
        _ => msg!("check-kind.page"),
    }
    .text()
}

/// `x/index.vi.md` → `x/index.en.md`.
fn english_path(vi: &Path) -> PathBuf {
    let name = vi
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let en = match name.strip_suffix(".vi.md") {
        Some(stem) => format!("{stem}.en.md"),
        None => name,
    };
    vi.with_file_name(en)
}

/// When files last changed: git history where it knows, else modification times.
struct Clock {
    root: PathBuf,
    /// Path (relative to the site) → time of the last commit that changed it.
    committed: HashMap<PathBuf, i64>,
    /// Files whose content differs from the last commit.
    uncommitted: HashSet<PathBuf>,
}

impl Clock {
    fn new(root: &Path) -> Clock {
        let (committed, uncommitted) = git_times(root).unwrap_or_default();
        Clock {
            root: root.to_path_buf(),
            committed,
            uncommitted,
        }
    }

    fn changed(&self, rel: &Path) -> Option<i64> {
        if !self.uncommitted.contains(rel) {
            if let Some(t) = self.committed.get(rel) {
                return Some(*t);
            }
        }
        let modified = std::fs::metadata(self.root.join(rel))
            .ok()?
            .modified()
            .ok()?;
        let secs = match modified.duration_since(std::time::UNIX_EPOCH) {
            Ok(d) => d.as_secs() as i64,
            Err(e) => -(e.duration().as_secs() as i64),
        };
        Some(secs)
    }
}

/// One `git log` for the commit times of everything under `content/`, one
/// `git diff` for what is changed but not committed. `None` when the site is
/// not in a git work tree or git is not installed.
fn git_times(root: &Path) -> Option<(HashMap<PathBuf, i64>, HashSet<PathBuf>)> {
    let git = |args: &[&str]| -> Option<String> {
        let out = Command::new("git")
            .arg("-C")
            .arg(root)
            .args(["-c", "core.quotePath=false"])
            .args(args)
            .stderr(std::process::Stdio::null())
            .output()
            .ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    };
    // `--relative`: paths relative to the site folder, even when it is a
    // subfolder of the repository.
    let log = git(&[
        "log",
        "--format=%x01%ct",
        "--name-only",
        "--relative",
        "--",
        "content",
    ])?;
    let diff = git(&["diff", "--name-only", "--relative", "HEAD", "--", "content"])?;
    let mut committed = HashMap::new();
    let mut time = None;
    for line in log.lines() {
        if let Some(t) = line.strip_prefix('\u{1}') {
            time = t.trim().parse::<i64>().ok();
        } else if let (Some(t), false) = (time, line.is_empty()) {
            // Newest first: the first time a path appears is its last change.
            committed.entry(PathBuf::from(line)).or_insert(t);
        }
    }
    let uncommitted = diff
        .lines()
        .filter(|l| !l.is_empty())
        .map(PathBuf::from)
        .collect();
    Some((committed, uncommitted))
}

/// A shallow clone (CI checkouts fetch one commit by default) dates every
/// file by that one commit, so the report would call every English text
/// current: say so rather than let it pass for an answer.
pub fn shallow_history_warning(root: &Path) -> Option<crate::error::Diagnostic> {
    let out = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["rev-parse", "--is-shallow-repository"])
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    (out.status.success() && out.stdout.trim_ascii() == b"true").then(|| {
        crate::error::Diagnostic::warning(crate::error::Location::file("content"), msg!("G0409"))
            .help(msg!("G0409.help"))
    })
}

/// `2025-08-07` (UTC) of a time in seconds since 1970.
pub fn date(secs: i64) -> String {
    crate::site::Date::from_days(secs.div_euclid(86_400)).to_string()
}

/// `2025-08-07T10:20:30Z`.
pub fn timestamp(secs: i64) -> String {
    let s = secs.rem_euclid(86_400);
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        date(secs),
        s / 3600,
        s % 3600 / 60,
        s % 60
    )
}

pub fn path_text(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

/// Up to this many items that need work are listed even without
/// `--verbose`; more are summed up (as the warnings many documents share).
const LIST_UP_TO: usize = 3;

/// The report for the terminal: a one-line summary, then the items that
/// need work as an aligned table, or when there are many and not
/// `verbose`, what to do about them and how to list them.
pub fn table(rows: &[Translation], verbose: bool) -> String {
    let missing = rows.iter().filter(|r| r.status == Status::Missing).count();
    let outdated = rows.iter().filter(|r| r.status == Status::Outdated).count();
    let (total, m, o) = (rows.len(), missing, outdated);
    let mut summary = match (missing, outdated) {
        (0, 0) => return format!("{}\n", msg!("check-translations-current", count = total)),
        (_, 0) => msg!("check-translations-missing", count = m),
        (0, _) => msg!("check-translations-outdated", count = o),
        _ => msg!("check-translations-both", missing = m, outdated = o),
    };
    // Every variant says of how many.
    summary.args.push(("total", total.into()));
    if missing + outdated > LIST_UP_TO && !verbose {
        let help = msg!("check-translations-help", missing = m, outdated = o);
        return format!("{summary}.\n  {}: {help}\n", msg!("label-help"));
    }
    let mut out = format!("{summary}:\n\n");
    let mut todo: Vec<&Translation> = rows
        .iter()
        .filter(|r| r.status != Status::Current)
        .collect();
    todo.sort_by(|a, b| (a.status, a.kind, &a.en).cmp(&(b.status, b.kind, &b.en)));
    let header = [
        msg!("check-column.status"),
        msg!("check-column.kind"),
        msg!("check-column.english"),
        msg!("check-column.vietnamese-changed"),
        msg!("check-column.english-changed"),
    ]
    .map(|m| m.text());
    let cells: Vec<[String; 5]> = todo
        .iter()
        .map(|r| {
            [
                r.status.shown().text(),
                kind_shown(r.kind),
                path_text(&r.en),
                r.vi_changed.map(date).unwrap_or_else(|| "-".into()),
                r.en_changed.map(date).unwrap_or_else(|| "-".into()),
            ]
        })
        .collect();
    out.push_str(&aligned(&header, &cells));
    out
}

/// Rows of cells in columns as wide as their widest cell.
fn aligned(header: &[String; 5], cells: &[[String; 5]]) -> String {
    let mut widths = header.clone().map(|h| h.chars().count());
    for row in cells {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cols: &[String; 5]| {
        let padded: Vec<String> = cols
            .iter()
            .zip(widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
            .collect();
        format!("{}\n", padded.join("  ").trim_end())
    };
    let mut out = line(header);
    for row in cells {
        out.push_str(&line(row));
    }
    out
}

/// Every item as CSV (RFC 4180), one row each, for a spreadsheet.
pub fn csv(rows: &[Translation]) -> String {
    let mut out = String::from(
        "status,code,kind,key,title,vietnamese_file,english_file,vietnamese_changed,english_changed\r\n",
    );
    for r in rows {
        let code = r.todo().and_then(|(m, _)| m.code()).unwrap_or_default();
        let fields = [
            r.status.word().to_string(),
            code.to_string(),
            r.kind.to_string(),
            r.key.clone(),
            r.title.clone(),
            path_text(&r.vi),
            path_text(&r.en),
            r.vi_changed.map(timestamp).unwrap_or_default(),
            r.en_changed.map(timestamp).unwrap_or_default(),
        ];
        let quoted: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&quoted.join(","));
        out.push_str("\r\n");
    }
    out
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_from_seconds() {
        assert_eq!(timestamp(0), "1970-01-01T00:00:00Z");
        assert_eq!(timestamp(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(timestamp(1_754_562_030), "2025-08-07T10:20:30Z");
        assert_eq!(date(-1), "1969-12-31");
    }

    #[test]
    fn csv_quotes_what_needs_it() {
        assert_eq!(csv_field("Trạm Y tế"), "Trạm Y tế");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }

    #[test]
    fn english_file_beside_the_vietnamese() {
        assert_eq!(
            english_path(Path::new("content/profiles/a/index.vi.md")),
            Path::new("content/profiles/a/index.en.md")
        );
        assert_eq!(
            english_path(Path::new("content/congresses/06.vi.md")),
            Path::new("content/congresses/06.en.md")
        );
    }
}
