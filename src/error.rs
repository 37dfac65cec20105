//! Diagnostics: every problem a run finds, with where it is and how to fix it.
//!
//! Loaders and validators push into a [`Diagnostics`] collector and keep going;
//! the command decides at the end whether to stop. Nothing here does I/O
//! except the `fs` helpers, which exist so every filesystem error names its path.

use crate::messages::{msg, Lang, Msg};
use std::fmt;
use std::path::{Path, PathBuf};

/// Where a problem is: a file, and when known a line and column (1-based, in
/// lines of the whole file, not of the front matter).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub col: Option<usize>,
}

impl Location {
    pub fn file(path: impl Into<PathBuf>) -> Self {
        Location {
            path: path.into(),
            line: None,
            col: None,
        }
    }
    pub fn at(path: impl Into<PathBuf>, line: usize, col: Option<usize>) -> Self {
        Location {
            path: path.into(),
            line: Some(line),
            col,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Forward slashes on every platform so messages are stable in tests and docs.
        write!(f, "{}", self.path.to_string_lossy().replace('\\', "/"))?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.col {
                write!(f, ":{col}")?;
            }
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// A kind of warning that many documents can have at once: `guong check`
/// reports them as one line with a count (each with `--verbose`), so that
/// fifty identical lines do not bury the one that matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Repeated {
    /// A published profile without a portrait.
    NoPhoto,
    /// A reading still to check against the original document.
    ReadingToCheck,
}

impl Repeated {
    /// The summary line of `n` such warnings.
    pub fn summary(self, n: usize) -> Msg {
        match self {
            Repeated::NoPhoto => msg!("repeated-no-photo", count = n),
            Repeated::ReadingToCheck => msg!("repeated-reading-to-check", count = n),
        }
    }

    /// What to do about them, for the summary's help line.
    pub fn help(self) -> Msg {
        match self {
            Repeated::NoPhoto => msg!("repeated-no-photo.help"),
            Repeated::ReadingToCheck => msg!("repeated-reading-to-check.help"),
        }
    }
}

/// One problem: where, which field, what is wrong, and a hint to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub location: Location,
    pub field: Option<String>,
    /// What is wrong; its id is the diagnostic's stable code (`G0104`).
    pub message: Msg,
    /// How to fix it.
    pub help: Option<Msg>,
    /// Set on the warnings `check` sums up when there are many.
    pub repeated: Option<Repeated>,
}

impl Diagnostic {
    pub fn error(location: Location, message: impl Into<Msg>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            location,
            field: None,
            message: message.into(),
            help: None,
            repeated: None,
        }
    }
    pub fn warning(location: Location, message: impl Into<Msg>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(location, message)
        }
    }
    pub fn field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }
    pub fn help(mut self, help: impl Into<Msg>) -> Self {
        self.help = Some(help.into());
        self
    }
    pub fn repeated(mut self, kind: Repeated) -> Self {
        self.repeated = Some(kind);
        self
    }

    /// The stable code reports carry and the staff guides index (`G0104`).
    pub fn code(&self) -> Option<&'static str> {
        self.message.code()
    }

    /// The whole diagnostic as the terminal shows it, in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let label = match self.severity {
            Severity::Error => msg!("label-error"),
            Severity::Warning => msg!("label-warning"),
        };
        let mut s = label.render(lang);
        if let Some(code) = self.code() {
            s.push_str(&format!("[{code}]"));
        }
        s.push_str(&format!(": {}: ", self.location));
        if let Some(field) = &self.field {
            s.push_str(&format!("`{field}`: "));
        }
        s.push_str(&self.message.render(lang));
        if let Some(help) = &self.help {
            let label = msg!("label-help").render(lang);
            s.push_str(&format!("\n  {label}: {}", help.render(lang)));
        }
        s
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(crate::messages::lang()))
    }
}

/// Most mistakes reported in one list (a document's awards or tags, a data
/// file's keys). Finding the line of each of thousands of wrong items would
/// take minutes, and the first ones show what to fix.
pub const MAX_LIST_ERRORS: usize = 20;

/// Collects every diagnostic of a run, in a stable order for printing.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }
    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }
    pub fn error_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }
    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }
    /// Sorted by severity, file, line: the report reads top to bottom per file.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut v: Vec<&Diagnostic> = self.items.iter().collect();
        v.sort_by(|a, b| {
            (a.severity, &a.location, &a.message).cmp(&(b.severity, &b.location, &b.message))
        });
        v
    }
    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.items
    }
}

/// The error a failed build returns: all diagnostics together.
#[derive(Debug)]
pub struct BuildFailed(pub Vec<Diagnostic>);

impl fmt::Display for BuildFailed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let errors = self
            .0
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        for d in &self.0 {
            writeln!(f, "{d}")?;
        }
        write!(f, "{}", msg!("build-failed", count = errors))
    }
}

impl std::error::Error for BuildFailed {}

impl From<Vec<Diagnostic>> for BuildFailed {
    fn from(errors: Vec<Diagnostic>) -> Self {
        BuildFailed(errors)
    }
}

/// Filesystem helpers that attach the path to every error (mdBook's lesson:
/// "No such file or directory" alone helps nobody).
pub mod fs {
    use super::*;
    use anyhow::Context;

    pub fn read(path: &Path) -> anyhow::Result<Vec<u8>> {
        std::fs::read(path).with_context(|| msg!("fs-cannot-read", path = path))
    }
    pub fn read_to_string(path: &Path) -> anyhow::Result<String> {
        std::fs::read_to_string(path).with_context(|| msg!("fs-cannot-read", path = path))
    }
}
