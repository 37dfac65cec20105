//! The in-memory site model: plain data produced by `content` and `data`,
//! read by `validate`, `render` and the later stages. No I/O here.

use crate::config::{Config, Lang};
use crate::data::Data;
use crate::error::Location;
use crate::yaml::{Positions, Seg};
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;
use std::path::PathBuf;
use std::sync::OnceLock;

/// A calendar date from front matter (`2025-08-07`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// The calendar date `days` after 1970-01-01 (Howard Hinnant's
    /// `civil_from_days`, proleptic Gregorian): file times and spreadsheet
    /// date cells become dates this way.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim();
        let mut parts = s.splitn(3, '-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let date = Date {
            year: y.parse().ok()?,
            month: m.parse().ok()?,
            day: d.parse().ok()?,
        };
        let leap = (date.year % 4 == 0 && date.year % 100 != 0) || date.year % 400 == 0;
        let days = match date.month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (date.day >= 1 && date.day <= days).then_some(date)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{s}` is not a valid date: write it as YYYY-MM-DD, e.g. 2025-08-07"
            ))
        })
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Cá nhân hay tập thể. / An individual or a collective.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Individual,
    Collective,
}

impl Kind {
    pub fn key(self) -> &'static str {
        match self {
            Kind::Individual => "individual",
            Kind::Collective => "collective",
        }
    }
}

/// Một lần được khen thưởng. / One award received.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AwardEntry {
    /// Hình thức khen thưởng: một khóa trong data/awards.yaml. / The award: a key of data/awards.yaml.
    pub award: String,
    /// Năm khen thưởng, bốn chữ số, ví dụ 2024. / The year, four digits.
    pub year: i32,
    /// Số, ngày của quyết định khen thưởng, ví dụ "Quyết định số 123/QĐ-UBND ngày 05/3/2024". / The decision's number and date.
    #[serde(default)]
    pub decision: Option<String>,
}

/// Một văn bản nguồn. / One source document.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Tên văn bản, ví dụ "Báo cáo số 453/BC-UBND ngày 07/8/2025 của UBND tỉnh Sơn La". / The document's title.
    pub title: String,
    /// Địa chỉ web của văn bản (bắt đầu bằng https:// hoặc http://). / Its web address.
    #[serde(default)]
    pub url: Option<String>,
}

/// Where a document came from, so later stages can point at a key's line.
#[derive(Debug, Clone, Default)]
pub struct Origin {
    /// Relative to the site root, e.g. `content/profiles/x/index.vi.md`.
    pub path: PathBuf,
    pub front_matter: String,
    /// The file line the front matter's first line is on.
    pub first_line: usize,
    /// Read from `front_matter` when a diagnostic first asks: most
    /// documents never need it.
    positions: OnceLock<Positions>,
}

impl Origin {
    pub fn new(path: PathBuf, front_matter: String, first_line: usize) -> Origin {
        Origin {
            path,
            front_matter,
            first_line,
            positions: OnceLock::new(),
        }
    }

    /// Where each key and list item of the front matter is (lines of the
    /// front matter, not of the file: see [`Origin::loc`]).
    pub fn positions(&self) -> &Positions {
        self.positions
            .get_or_init(|| Positions::of(&self.front_matter))
    }

    /// The file line of line `n` (1-based) of the body, which starts after
    /// the front matter's closing `---`.
    pub fn body_line(&self, n: usize) -> usize {
        self.first_line + self.front_matter.lines().count() + n
    }

    /// The location of a key (or the file's front matter if not found).
    pub fn loc(&self, path: &[Seg]) -> Location {
        match self.positions().get(path) {
            Some((line, col)) => Location::at(&self.path, self.first_line + line - 1, Some(col)),
            None => Location::at(&self.path, self.first_line.saturating_sub(1).max(1), None),
        }
    }
}

/// The Vietnamese document and, when present, its English translation.
#[derive(Debug, Clone)]
pub struct Translated<T> {
    pub vi: T,
    pub en: Option<T>,
}

impl<T> Translated<T> {
    /// The document in `lang` and the language it is really in.
    pub fn get(&self, lang: Lang) -> (&T, Lang) {
        match (lang, &self.en) {
            (Lang::En, Some(en)) => (en, Lang::En),
            _ => (&self.vi, Lang::Vi),
        }
    }
}

/// The language-dependent text of a profile.
#[derive(Debug, Clone)]
pub struct ProfileText {
    pub name: String,
    pub honorific: Option<String>,
    pub role: Option<String>,
    pub organization: Option<String>,
    pub ethnicity: Option<String>,
    pub photo_alt: Option<String>,
    pub summary: String,
    pub body: String,
    pub origin: Origin,
}

impl ProfileText {
    /// The fields an unconfirmed reading can be in.
    pub fn reading_fields(&self) -> crate::unconfirmed::Fields<'_> {
        crate::unconfirmed::Fields {
            name: &self.name,
            honorific: self.honorific.as_deref(),
            role: self.role.as_deref(),
            organization: self.organization.as_deref(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Profile {
    pub slug: String,
    /// The bundle folder, relative to the site root.
    pub bundle: PathBuf,
    pub kind: Kind,
    pub field: String,
    pub commune: Option<String>,
    pub movements: Vec<String>,
    pub awards: Vec<AwardEntry>,
    pub photo: Option<String>,
    pub date: Date,
    pub tags: Vec<String>,
    pub sources: Vec<Source>,
    pub featured: bool,
    pub draft: bool,
    pub text: Translated<ProfileText>,
    /// Readings not yet checked against the original document, by field.
    pub unconfirmed: Vec<crate::unconfirmed::Unconfirmed>,
    /// The Vietnamese name folded (no tones, `đ` as `d`, lower case): what
    /// lists sort by. Worked out once at load, not in every sort of every
    /// list of every render.
    pub name_key: String,
}

impl Profile {
    /// The photo's text alternative in `lang`: the translated one, else the
    /// Vietnamese one, else the name.
    pub fn photo_alt(&self, lang: crate::config::Lang) -> &str {
        let (text, _) = self.text.get(lang);
        text.photo_alt
            .as_deref()
            .or(self.text.vi.photo_alt.as_deref())
            .unwrap_or(&text.name)
    }

    /// The years this profile was recognised in: its award years, or the
    /// publication year when it lists no award.
    pub fn years(&self) -> Vec<i32> {
        let mut years: Vec<i32> = self.awards.iter().map(|a| a.year).collect();
        if years.is_empty() {
            years.push(self.date.year);
        }
        years.sort_unstable();
        years.dedup();
        years
    }
}

/// Title + body, the text of congresses, movements and pages.
#[derive(Debug, Clone)]
pub struct DocText {
    pub title: String,
    /// Congress theme (translated in the English file; extension of the format).
    pub theme: Option<String>,
    pub summary: Option<String>,
    pub body: String,
    pub origin: Origin,
}

#[derive(Debug, Clone)]
pub struct Congress {
    pub number: u32,
    pub year: i32,
    pub date: Option<Date>,
    pub delegates: Option<u32>,
    /// How the source gives the count: exactly, "khoảng" or "trên".
    pub delegates_qualifier: Qualifier,
    /// What the source gives as planned ("dự kiến"), not as having happened.
    pub planned: Vec<Planned>,
    pub text: Translated<DocText>,
}

impl Congress {
    pub fn is_planned(&self, fact: Planned) -> bool {
        self.planned.contains(&fact)
    }
}

/// Con số được nêu thế nào: `exact` (đúng bằng), `about` ("khoảng"), `over` ("trên"). / How a count is given: exactly, about, more than.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Qualifier {
    #[default]
    Exact,
    About,
    Over,
}

impl Qualifier {
    pub fn key(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::About => "about",
            Qualifier::Over => "over",
        }
    }
}

/// Điều văn bản nguồn nêu là dự kiến: `date` (ngày), `delegates` (số đại biểu), `theme` (chủ đề). / A fact the source gives as planned.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Planned {
    Date,
    Delegates,
    Theme,
}

impl Planned {
    pub fn key(self) -> &'static str {
        match self {
            Planned::Date => "date",
            Planned::Delegates => "delegates",
            Planned::Theme => "theme",
        }
    }
}

/// Cấp phát động: `prime-minister` (Thủ tướng Chính phủ), `province` (tỉnh), `sector` (ngành). / Who launched the movement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum LaunchedBy {
    PrimeMinister,
    Province,
    Sector,
}

impl LaunchedBy {
    pub fn key(self) -> &'static str {
        match self {
            LaunchedBy::PrimeMinister => "prime-minister",
            LaunchedBy::Province => "province",
            LaunchedBy::Sector => "sector",
        }
    }
}

/// Số tập thể, cá nhân được một hình thức khen thưởng trong phong trào. / Award counts of a movement.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MovementResult {
    /// Hình thức khen thưởng: một khóa trong data/awards.yaml. / The award: a key of data/awards.yaml.
    pub award: String,
    /// Số tập thể được khen thưởng. / How many collectives received it.
    #[serde(default)]
    pub collectives: Option<u32>,
    /// Số cá nhân được khen thưởng. / How many individuals received it.
    #[serde(default)]
    pub individuals: Option<u32>,
}

#[derive(Debug, Clone)]
pub struct Movement {
    pub slug: String,
    pub launched_by: LaunchedBy,
    pub period: Option<String>,
    pub results: Vec<MovementResult>,
    pub text: Translated<DocText>,
}

#[derive(Debug, Clone)]
pub struct Page {
    pub slug: String,
    pub text: Translated<DocText>,
}

/// Everything the site is made of, loaded and (after `validate`) consistent.
#[derive(Debug, Clone)]
pub struct Site {
    pub config: Config,
    pub data: Data,
    /// Sorted by slug.
    pub profiles: Vec<Profile>,
    /// Sorted by number.
    pub congresses: Vec<Congress>,
    /// Sorted by slug.
    pub movements: Vec<Movement>,
    pub pages: Vec<Page>,
}

impl Site {
    /// The movements a profile takes part in, in its order (unknown slugs are
    /// `validate`'s to report).
    pub fn movements_of<'a>(&'a self, p: &'a Profile) -> impl Iterator<Item = &'a Movement> + 'a {
        p.movements
            .iter()
            .filter_map(|slug| self.movements.iter().find(|m| &m.slug == slug))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked_for_real_calendar_days() {
        assert_eq!(
            Date::parse("2025-08-07"),
            Some(Date {
                year: 2025,
                month: 8,
                day: 7
            })
        );
        assert_eq!(Date::parse("2024-02-29").map(|d| d.day), Some(29));
        for bad in [
            "2025-02-29",
            "2025-13-01",
            "2025-8-7",
            "07/08/2025",
            "2025-04-31",
            "",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }
}
