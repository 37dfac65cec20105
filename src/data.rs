//! `data/*.yaml`: the tables content refers to by key (fields, awards,
//! communes), the slogans, and the statistics. Reads only `data/`.
//!
//! Tables keep the file's order: it is the order readers see.

use crate::config::LocalText;
use crate::error::{Diagnostic, Location};
use crate::fold::is_slug;
use crate::yaml::{locate, Seg};
use indexmap::IndexMap;
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Named {
    pub vi: String,
    #[serde(default)]
    pub en: Option<String>,
}

impl Named {
    pub fn text(&self) -> LocalText {
        LocalText {
            vi: self.vi.clone(),
            en: self.en.clone(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AwardLevel {
    State,
    Province,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AwardKind {
    Order,
    Medal,
    Title,
    Certificate,
    Flag,
    Badge,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Award {
    pub vi: String,
    #[serde(default)]
    pub en: Option<String>,
    pub level: AwardLevel,
    pub kind: AwardKind,
}

impl Award {
    pub fn text(&self) -> LocalText {
        LocalText {
            vi: self.vi.clone(),
            en: self.en.clone(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Slogan {
    pub vi: String,
    #[serde(default)]
    pub en: Option<String>,
    #[serde(default)]
    pub occasion: Option<String>,
}

/// Extension of the format: `data/statistics.yaml`, the award totals shown
/// as bar charts on the statistics page and as headline figures on the home page.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Statistics {
    #[serde(default)]
    pub period: Option<String>,
    #[serde(default)]
    pub source: Option<LocalText>,
    #[serde(default)]
    pub charts: Vec<Chart>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chart {
    pub id: String,
    pub title: LocalText,
    #[serde(default)]
    pub total_label: Option<LocalText>,
    pub series: LocalText,
    #[serde(default)]
    pub compare_series: Option<LocalText>,
    pub bars: Vec<Bar>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bar {
    pub label: LocalText,
    pub value: u64,
    #[serde(default)]
    pub compare: Option<u64>,
}

#[derive(Debug, Clone, Default)]
pub struct Data {
    pub fields: IndexMap<String, Named>,
    pub awards: IndexMap<String, Award>,
    pub communes: IndexMap<String, Named>,
    pub slogans: Vec<Slogan>,
    pub statistics: Statistics,
}

/// Read one data file: `None` when absent (an empty table), a diagnostic when broken.
fn read<T: serde::de::DeserializeOwned>(
    root: &Path,
    name: &str,
    errors: &mut Vec<Diagnostic>,
) -> Option<(T, String, PathBuf)> {
    let rel = PathBuf::from("data").join(name);
    let bytes = std::fs::read(root.join(&rel)).ok()?;
    let text = match crate::content::check_text(&bytes, &rel) {
        Ok(t) => t,
        Err(d) => {
            errors.push(d);
            return None;
        }
    };
    match crate::yaml::parse::<T>(&text, &rel, 1) {
        Ok(v) => Some((v, text, rel)),
        Err(d) => {
            errors.push(d);
            None
        }
    }
}

fn check_keys<V>(
    table: &IndexMap<String, V>,
    text: &str,
    rel: &Path,
    errors: &mut Vec<Diagnostic>,
) {
    for key in table.keys() {
        if !is_slug(key) {
            let (line, col) = locate(text, &[Seg::Key(key)]).unwrap_or((1, 1));
            errors.push(
                Diagnostic::error(
                    Location::at(rel, line, Some(col)),
                    format!("`{key}` is not a valid key"),
                )
                .help("keys are lowercase ASCII letters, digits and hyphens, e.g. `nong-thon-moi`"),
            );
        }
    }
}

impl Data {
    pub fn load(root: &Path) -> Result<Data, Vec<Diagnostic>> {
        let mut errors = Vec::new();
        let mut data = Data::default();
        if let Some((t, text, rel)) =
            read::<IndexMap<String, Named>>(root, "fields.yaml", &mut errors)
        {
            check_keys(&t, &text, &rel, &mut errors);
            data.fields = t;
        }
        if let Some((t, text, rel)) =
            read::<IndexMap<String, Award>>(root, "awards.yaml", &mut errors)
        {
            check_keys(&t, &text, &rel, &mut errors);
            data.awards = t;
        }
        if let Some((t, text, rel)) =
            read::<IndexMap<String, Named>>(root, "communes.yaml", &mut errors)
        {
            check_keys(&t, &text, &rel, &mut errors);
            data.communes = t;
        }
        if let Some((t, _, _)) = read::<Vec<Slogan>>(root, "slogans.yaml", &mut errors) {
            data.slogans = t;
        }
        if let Some((t, text, rel)) = read::<Statistics>(root, "statistics.yaml", &mut errors) {
            for (i, chart) in t.charts.iter().enumerate() {
                let loc = |path: &[Seg]| {
                    let (line, col) = locate(&text, path).unwrap_or((1, 1));
                    Location::at(&rel, line, Some(col))
                };
                if !is_slug(&chart.id) {
                    errors.push(
                        Diagnostic::error(
                            loc(&[Seg::Key("charts"), Seg::Index(i), Seg::Key("id")]),
                            "the chart id must be lowercase letters, digits and hyphens",
                        )
                        .field("id"),
                    );
                }
                for (j, bar) in chart.bars.iter().enumerate() {
                    if chart.compare_series.is_some() != bar.compare.is_some() {
                        errors.push(
                            Diagnostic::error(
                                loc(&[Seg::Key("charts"), Seg::Index(i), Seg::Key("bars"), Seg::Index(j)]),
                                "every bar needs `compare` exactly when the chart has `compare_series`",
                            )
                            .field("compare"),
                        );
                    }
                }
            }
            data.statistics = t;
        }
        if errors.is_empty() {
            Ok(data)
        } else {
            Err(errors)
        }
    }
}
