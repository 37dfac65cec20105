//! Reading one row of a sheet into typed values: the cells of the known
//! columns, matched against the site's data (fields, communes, awards), or
//! the reason the row cannot be imported, at its row and column.

use super::columns::{norm, Column, Columns};
use super::plan::Settings;
use super::sheet::Row;
use crate::error::{Diagnostic, Location};
use crate::messages::{msg, Msg};
use crate::site::{AwardEntry, Kind, Site};

/// A row read into typed values.
pub(super) struct Record {
    pub(super) number: usize,
    pub(super) name: String,
    pub(super) kind: Kind,
    /// The kind was in a "Loại" cell, not guessed from the name.
    pub(super) kind_given: bool,
    pub(super) honorific: Option<String>,
    pub(super) role: Option<String>,
    pub(super) organization: Option<String>,
    pub(super) field: String,
    /// The field was in the row, not the `--field` default.
    pub(super) field_given: bool,
    pub(super) commune: Option<String>,
    pub(super) ethnicity: Option<String>,
    pub(super) award: Option<AwardEntry>,
    pub(super) summary: Option<String>,
}

pub(super) struct RowReader<'a> {
    pub(super) site: &'a Site,
    pub(super) columns: &'a Columns,
    pub(super) settings: &'a Settings<'a>,
}

impl RowReader<'_> {
    fn cell<'r>(&self, row: &'r Row, col: Column) -> Option<&'r str> {
        let i = self.columns.index(col)?;
        row.cells
            .get(i)
            .map(String::as_str)
            .filter(|s| !s.is_empty())
    }

    /// Blank, or filled only in left-out columns (a numbered empty line).
    pub(super) fn is_blank(&self, row: &Row) -> bool {
        row.cells.iter().enumerate().all(|(i, c)| {
            c.is_empty()
                || self
                    .columns
                    .cells
                    .get(i)
                    .is_some_and(|(_, col)| matches!(col, Some(Column::Ignore) | None))
        })
    }

    pub(super) fn skip(&self, row: &Row, col: Option<Column>, message: Msg) -> Diagnostic {
        let mut d =
            Diagnostic::warning(Location::at(self.settings.label, row.number, None), message);
        if let Some(col) = col {
            d = d.field(self.columns.header(col));
        }
        d
    }

    pub(super) fn read(&self, row: &Row) -> Result<Record, Diagnostic> {
        let text = |col| self.cell(row, col).map(str::to_string);
        let Some(name) = text(Column::Name) else {
            return Err(self
                .skip(row, Some(Column::Name), msg!("G0706"))
                .help(msg!("G0706.help")));
        };
        if crate::text::fold::slugify(&name).is_empty() {
            return Err(self
                .skip(
                    row,
                    Some(Column::Name),
                    msg!("G0707", name = format!("{name:?}")),
                )
                .help(msg!("G0707.help")));
        }
        let kind = self.kind(row, &name)?;
        let field = match self
            .cell(row, Column::Field)
            .or(self.settings.default_field)
        {
            Some(v) => self.lookup(
                row,
                Column::Field,
                v,
                &self.site.data.fields,
                |n| [Some(&n.vi), n.en.as_ref()],
                "data/fields.yaml",
            )?,
            None => {
                return Err(self
                    .skip(row, Some(Column::Field), msg!("G0708"))
                    .help(msg!("G0708.help")))
            }
        };
        let commune = match self.cell(row, Column::Commune) {
            Some(v) => Some(self.lookup(
                row,
                Column::Commune,
                v,
                &self.site.data.communes,
                |n| [Some(&n.vi), n.en.as_ref()],
                "data/communes.yaml",
            )?),
            None => None,
        };
        let award = match self.cell(row, Column::Award) {
            Some(v) => {
                let key = self.lookup(
                    row,
                    Column::Award,
                    v,
                    &self.site.data.awards,
                    |a| [Some(&a.vi), a.en.as_ref()],
                    "data/awards.yaml",
                )?;
                let decision = text(Column::Decision);
                let year = self.year(row, decision.as_deref())?;
                Some(AwardEntry {
                    award: key,
                    year,
                    decision,
                })
            }
            None => None,
        };
        let summary = text(Column::Summary);
        if let Some(s) = &summary {
            let n = s.chars().count();
            if n > crate::validate::SUMMARY_MAX_CHARS {
                return Err(self
                    .skip(
                        row,
                        Some(Column::Summary),
                        msg!("G0709", count = n, max = crate::validate::SUMMARY_MAX_CHARS),
                    )
                    .help(msg!("G0709.help")));
            }
        }
        Ok(Record {
            number: row.number,
            name,
            kind,
            kind_given: self.cell(row, Column::Kind).is_some(),
            honorific: text(Column::Honorific),
            role: text(Column::Role),
            organization: text(Column::Organization),
            field,
            field_given: self.cell(row, Column::Field).is_some(),
            commune,
            ethnicity: text(Column::Ethnicity),
            award,
            summary,
        })
    }

    /// A "Loại" cell decides; else a name that starts like a collective
    /// ("Hợp tác xã…", "Trường…"); else the name column's header ("Tên tập
    /// thể" holds collectives); else an individual.
    fn kind(&self, row: &Row, name: &str) -> Result<Kind, Diagnostic> {
        if let Some(v) = self.cell(row, Column::Kind) {
            return match norm(v).as_str() {
                "ca nhan" | "cn" | "individual" | "person" => Ok(Kind::Individual),
                "tap the" | "tt" | "collective" | "group" => Ok(Kind::Collective),
                _ => Err(self
                    .skip(
                        row,
                        Some(Column::Kind),
                        msg!("G0710", value = format!("{v:?}")),
                    )
                    .help(msg!("G0710.help"))),
            };
        }
        if guess_kind(name) == Kind::Collective {
            return Ok(Kind::Collective);
        }
        let header = norm(self.columns.header(Column::Name));
        let words: Vec<&str> = header.split(' ').collect();
        let has = |phrase: &str| {
            let p: Vec<&str> = phrase.split(' ').collect();
            words.windows(p.len()).any(|w| w == p.as_slice())
        };
        if has("tap the") && !has("ca nhan") {
            return Ok(Kind::Collective);
        }
        Ok(Kind::Individual)
    }

    fn year(&self, row: &Row, decision: Option<&str>) -> Result<i32, Diagnostic> {
        let plausible = |y: i32| (1945..=2100).contains(&y);
        match self.cell(row, Column::Year) {
            Some(v) => match v.parse::<i32>() {
                Ok(y) if plausible(y) => Ok(y),
                _ => Err(self
                    .skip(
                        row,
                        Some(Column::Year),
                        msg!("G0711", value = format!("{v:?}")),
                    )
                    .help(msg!("G0711.help"))),
            },
            // "Quyết định số 1234/QĐ-UBND ngày 12/6/2024" carries the year.
            None => decision
                .and_then(|d| {
                    d.rsplit(|c: char| !c.is_ascii_digit())
                        .filter(|n| n.len() == 4)
                        .filter_map(|n| n.parse().ok())
                        .find(|y| plausible(*y))
                })
                .ok_or_else(|| {
                    self.skip(row, Some(Column::Year), msg!("G0712"))
                        .help(msg!("G0712.help"))
                }),
        }
    }

    /// Match a cell to a data key by the key itself or its Vietnamese or
    /// English name, ignoring accents, case and punctuation.
    fn lookup<V>(
        &self,
        row: &Row,
        col: Column,
        value: &str,
        table: &indexmap::IndexMap<String, V>,
        names: impl Fn(&V) -> [Option<&String>; 2],
        file: &str,
    ) -> Result<String, Diagnostic> {
        let wanted = norm(value);
        let mut candidates: Vec<(String, &str)> = Vec::new();
        for (key, v) in table {
            let keys =
                std::iter::once(norm(key)).chain(names(v).into_iter().flatten().map(|n| norm(n)));
            for k in keys {
                if k == wanted {
                    return Ok(key.clone());
                }
                candidates.push((k, key));
            }
        }
        // The catalogue names the table: "a field", "a commune", "an award".
        let table_name = match col {
            Column::Field => "field",
            Column::Commune => "commune",
            _ => "award",
        };
        let quoted = format!("{value:?}");
        let message = msg!("G0713", value = quoted, table = table_name, file = file);
        let mut d = self.skip(row, Some(col), message);
        let best = crate::yaml::closest(&wanted, candidates.iter().map(|(k, _)| k.as_str()))
            .and_then(|best| candidates.iter().find(|(k, _)| k == best))
            .map(|(_, key)| *key);
        d = match best {
            Some(key) => {
                let vi = names(&table[key])[0].cloned().unwrap_or_default();
                let name = format!("{vi:?}");
                let help = msg!("import-did-you-mean", name = name, key = key, file = file);
                d.help(help)
            }
            None => d.help(msg!("G0713.help", file = file)),
        };
        Err(d)
    }
}

/// First words that name a collective in Sơn La's award lists. Compared
/// with their accents: folded, "Trường" (school) would be "Trương" (a family
/// name) and "Tổ" (team) would be "Tô".
#[rustfmt::skip]
const COLLECTIVE_WORDS: &[&str] = &[
    "hợp tác xã", "htx", "tổ hợp tác", "công ty", "doanh nghiệp", "nhà máy", "trường", "trạm",
    "bệnh viện", "trung tâm", "phòng", "ban", "bộ chỉ huy", "đội", "đồn", "tổ", "chi bộ",
    "đảng bộ", "đảng ủy", "ủy ban", "ubnd", "hội", "chi hội", "chi đoàn", "đoàn thanh niên",
    "công an", "xã", "phường", "thị trấn", "bản", "tiểu khu", "khoa", "sở", "cục", "chi cục",
    "viện", "nhân dân", "tập thể", "ngân hàng", "quỹ", "kho bạc", "bưu điện", "báo", "đài",
    "câu lạc bộ", "clb", "liên đoàn", "văn phòng", "chi nhánh", "hạt kiểm lâm", "lữ đoàn",
    "trung đoàn", "tiểu đoàn", "đại đội", "huyện", "thành phố",
];

pub fn guess_kind(name: &str) -> Kind {
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let collective = COLLECTIVE_WORDS.iter().any(|phrase| {
        let p: Vec<&str> = phrase.split(' ').collect();
        words.len() > p.len() && words.starts_with(&p)
    });
    if collective {
        Kind::Collective
    } else {
        Kind::Individual
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collectives_are_told_from_people_by_their_first_words() {
        for c in [
            "Hợp tác xã Chè Mẫu",
            "Trường Tiểu học Nà Sản",
            "Tổ an ninh bản Co",
            "UBND xã Mường Mẫu",
            "Nhân dân bản Huổi Lạnh",
        ] {
            assert_eq!(guess_kind(c), Kind::Collective, "{c}");
        }
        // Family names that fold like collective words stay people.
        for p in [
            "Trương Văn Mẫu",
            "Tô Thị Thử",
            "Đoàn Văn Mẫu",
            "Bạn",
            "Hà Thị Thử",
        ] {
            assert_eq!(guess_kind(p), Kind::Individual, "{p}");
        }
    }
}
