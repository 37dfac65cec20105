//! The check stage (`guong check`, the site doctor): reads the loaded site
//! and the files the build would write, and reports what a reader would
//! trip over — links and `#anchors` that lead nowhere, images that do not
//! exist — plus what is not wrong but wants doing: profiles without a
//! photo, readings not yet checked against the original document, and the
//! translation report. Writes nothing.
//!
//! Keys of movements, fields, awards and communes, photos and summary
//! lengths are `validate`'s rules; `check` runs them too (through
//! [`crate::load_all`]) and reports their errors with its own.

mod html;
pub mod links;
pub mod report;
mod resolve;
pub mod translations;

use crate::error::{Diagnostic, Location, Repeated, Severity};
use crate::messages::msg;
use crate::output::OutFile;
use crate::site::Site;
use crate::yaml::Seg;
pub use translations::{Status, Translation};

/// What the stage found in a loaded site.
pub struct Found {
    pub diagnostics: Vec<Diagnostic>,
    pub translations: Vec<Translation>,
}

/// Inspect a site and its built files (`None` when they could not be drawn:
/// then only the site itself is inspected). `content_ok`: loading and
/// validation found no error.
pub fn inspect(site: &Site, files: Option<&[OutFile]>, content_ok: bool) -> Found {
    let mut diagnostics = Vec::new();
    if let Some(files) = files {
        diagnostics.extend(links::check(site, files, content_ok));
    }
    diagnostics.extend(profile_warnings(site));
    diagnostics.extend(unconfirmed_readings(site));
    diagnostics.extend(translations::shallow_history_warning(&site.config.root));
    Found {
        diagnostics,
        translations: translations::report(site),
    }
}

/// Profiles without a photo: allowed, but their cards, share previews and
/// search results have no picture.
fn profile_warnings(site: &Site) -> Vec<Diagnostic> {
    site.profiles
        .iter()
        .filter(|p| p.photo.is_none())
        .map(|p| {
            Diagnostic::warning(p.text.vi.origin.loc(&[Seg::Key("photo")]), msg!("G0401"))
                .field("photo")
                .repeated(Repeated::NoPhoto)
                .help(msg!("G0401.help", folder = &p.bundle))
        })
        .collect()
}

/// Every unconfirmed reading, as a to-do: the pages say it is being
/// checked, so someone must check it and then remove the entry.
fn unconfirmed_readings(site: &Site) -> Vec<Diagnostic> {
    site.profiles
        .iter()
        .flat_map(|p| {
            p.unconfirmed.iter().map(move |u| {
                let readings: Vec<String> = u.readings.iter().map(|r| format!("“{r}”")).collect();
                let (readings, key, value) = (readings.join(", "), u.field.key(), &u.value);
                Diagnostic::warning(
                    p.text.vi.origin.loc(&[Seg::Key("unconfirmed")]),
                    msg!("G0402", readings = readings, key = key, value = value),
                )
                .field("unconfirmed")
                .repeated(Repeated::ReadingToCheck)
                .help(msg!("G0402.help", key = u.field.key()))
            })
        })
        .collect()
}

/// How much content a site has, for the closing line.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    pub profiles: usize,
    pub congresses: usize,
    pub movements: usize,
    pub pages: usize,
}

/// Everything `guong check` reports: errors and warnings apart, each
/// sorted by file and line, and the translation report.
pub struct Report {
    pub errors: Vec<Diagnostic>,
    pub warnings: Vec<Diagnostic>,
    /// `None` when the site could not be loaded at all.
    pub translations: Option<Vec<Translation>>,
    pub counts: Option<Counts>,
}

impl Report {
    pub fn new(
        site: Option<&Site>,
        mut diagnostics: Vec<Diagnostic>,
        translations: Option<Vec<Translation>>,
    ) -> Report {
        diagnostics.sort_by(|a, b| {
            (a.severity, &a.location, &a.message).cmp(&(b.severity, &b.location, &b.message))
        });
        // A Vietnamese body shown on both language pages is checked twice.
        diagnostics.dedup();
        let (errors, warnings) = diagnostics
            .into_iter()
            .partition(|d| d.severity == Severity::Error);
        Report {
            errors,
            warnings,
            translations,
            counts: site.map(|s| Counts {
                profiles: s.profiles.len(),
                congresses: s.congresses.len(),
                movements: s.movements.len(),
                pages: s.pages.len(),
            }),
        }
    }

    pub fn ok(&self) -> bool {
        self.errors.is_empty()
    }
}

/// A location inside a built page (for problems that do not come from content).
pub fn built_page(file: &str, line: usize) -> Location {
    Location::at(format!("public/{file}"), line, None)
}
