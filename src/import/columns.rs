//! Which spreadsheet column holds which profile key. Headers are matched
//! accent- and case-insensitively against Vietnamese and English names;
//! `--map "Header=column"` adds or overrides a match.

use crate::messages::msg;
use anyhow::{bail, Result};
use std::fmt;

/// A profile key a column can fill (named as in the front matter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Column {
    Name,
    Kind,
    Honorific,
    Role,
    Organization,
    Field,
    Commune,
    Ethnicity,
    Award,
    Year,
    Decision,
    Summary,
    /// A column deliberately left out (`STT`, `Ghi chú`, or `--map "X=ignore"`).
    Ignore,
}

/// Every column with the headers it is recognised by, folded (see [`norm`]).
/// The first Vietnamese header is the one shown in help texts.
#[rustfmt::skip]
const HEADERS: &[(Column, &str, &[&str])] = &[
    (Column::Name, "name", &["ho va ten", "ho ten", "ten", "ten ca nhan", "ten tap the", "ten ca nhan tap the", "ca nhan tap the", "ten don vi ca nhan", "full name", "name"]),
    (Column::Kind, "kind", &["loai", "doi tuong", "ca nhan hay tap the", "loai doi tuong", "kind", "type"]),
    (Column::Honorific, "honorific", &["danh xung", "cap bac", "hoc ham", "hoc ham hoc vi", "quan ham", "honorific", "rank"]),
    (Column::Role, "role", &["chuc vu", "chuc danh", "chuc vu chuc danh", "nghe nghiep", "chuc vu nghe nghiep", "role", "position", "job"]),
    (Column::Organization, "organization", &["don vi", "co quan", "co quan don vi", "don vi cong tac", "noi cong tac", "co quan don vi cong tac", "organization", "organisation", "unit"]),
    (Column::Field, "field", &["linh vuc", "nganh linh vuc", "field", "sector"]),
    (Column::Commune, "commune", &["xa", "xa phuong", "phuong xa", "dia ban", "commune", "ward"]),
    (Column::Ethnicity, "ethnicity", &["dan toc", "ethnicity"]),
    (Column::Award, "award", &["hinh thuc khen thuong", "hinh thuc", "khen thuong", "danh hieu", "hinh thuc khen thuong danh hieu", "danh hieu hinh thuc khen thuong", "award"]),
    (Column::Year, "year", &["nam", "nam khen thuong", "nam duoc khen", "year"]),
    (Column::Decision, "decision", &["so quyet dinh", "quyet dinh", "so qd", "qd", "so ngay quyet dinh", "so ky hieu quyet dinh", "decision"]),
    (Column::Summary, "summary", &["tom tat", "summary"]),
    (Column::Ignore, "ignore", &["stt", "tt", "so thu tu", "ghi chu", "no", "notes", "note"]),
];

impl Column {
    pub fn key(self) -> &'static str {
        HEADERS
            .iter()
            .find(|(c, _, _)| *c == self)
            .map_or("ignore", |(_, k, _)| k)
    }

    fn from_key(key: &str) -> Option<Column> {
        let n = norm(key);
        HEADERS
            .iter()
            .find(|(_, k, aliases)| *k == n || aliases.contains(&n.as_str()))
            .map(|(c, _, _)| *c)
    }
}

impl fmt::Display for Column {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// Folded text with every run of non-letters as one space, so "Họ và tên",
/// "HỌ VÀ TÊN" and "Họ  và tên:" compare equal, and "Xã/Phường" is "xa phuong".
pub fn norm(s: &str) -> String {
    crate::text::fold::fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `--map` pairs, header (normalised) → column.
#[derive(Debug, Default, Clone)]
pub struct Overrides(Vec<(String, String, Column)>);

impl Overrides {
    /// Parse `--map` values: `"Header=column,Other header=column"`. A header
    /// may itself contain commas ("Cơ quan, đơn vị=organization"): a piece
    /// without `=` belongs to the next one.
    pub fn parse(values: &[String]) -> Result<Overrides> {
        let mut out = Vec::new();
        for value in values {
            let mut pending = String::new();
            for piece in value.split(',') {
                if !pending.is_empty() {
                    pending.push(',');
                }
                pending.push_str(piece);
                let Some((header, column)) = pending.rsplit_once('=') else {
                    continue;
                };
                let (header, column) = (header.trim().to_string(), column.trim().to_string());
                let quoted = format!("{value:?}");
                if header.is_empty() {
                    bail!(msg!("import-map-no-header", value = quoted));
                }
                let col =
                    Column::from_key(&column).ok_or_else(|| unknown_column(&quoted, &column))?;
                out.push((norm(&header), header, col));
                pending.clear();
            }
            if !pending.trim().is_empty() {
                let (value, piece) = (format!("{value:?}"), pending.trim());
                bail!(msg!("import-map-no-column", value = value, piece = piece));
            }
        }
        Ok(Overrides(out))
    }

    fn get(&self, header: &str) -> Option<Column> {
        let n = norm(header);
        self.0.iter().find(|(h, _, _)| *h == n).map(|(_, _, c)| *c)
    }
}

/// `--map` names a column guong does not know: say which it knows, and the
/// likeliest one.
fn unknown_column(value: &str, column: &str) -> anyhow::Error {
    let keys: Vec<&str> = HEADERS.iter().map(|(_, k, _)| *k).collect();
    let all = keys.join(", ");
    let (v, c) = (value, column);
    anyhow::anyhow!(match crate::yaml::closest(column, keys.iter().copied()) {
        Some(best) => msg!(
            "import-map-column-hint",
            value = v,
            column = c,
            best = best,
            all = all
        ),
        None => msg!("import-map-column", value = v, column = c, all = all),
    })
}

/// The header row of a sheet and what each of its columns holds.
#[derive(Debug)]
pub struct Columns {
    /// Index into the sheet's rows.
    pub header_row: usize,
    /// Per cell of the header row: its text and column (None: not recognised).
    pub cells: Vec<(String, Option<Column>)>,
}

impl Columns {
    pub fn index(&self, col: Column) -> Option<usize> {
        self.cells.iter().position(|(_, c)| *c == Some(col))
    }
    pub fn header(&self, col: Column) -> &str {
        self.index(col)
            .map_or(col.key(), |i| self.cells[i].0.as_str())
    }
    /// Headers guong does not know, so the report can say they were left out.
    pub fn unknown(&self) -> Vec<&str> {
        self.cells
            .iter()
            .filter(|(h, c)| c.is_none() && !h.is_empty())
            .map(|(h, _)| h.as_str())
            .collect()
    }
}

fn classify(header: &str, overrides: &Overrides) -> Option<Column> {
    overrides.get(header).or_else(|| {
        let n = norm(header);
        HEADERS
            .iter()
            .find(|(_, _, aliases)| aliases.contains(&n.as_str()))
            .map(|(c, _, _)| *c)
    })
}

/// How far down a title block ("DANH SÁCH CÁ NHÂN, TẬP THỂ ĐƯỢC KHEN THƯỞNG")
/// may push the header row.
const HEADER_SEARCH_ROWS: usize = 20;

/// Find the header row: the first of the top rows with a name column and at
/// least one other recognised column.
pub fn detect(rows: &[super::sheet::Row], overrides: &Overrides) -> Result<Columns> {
    for (i, row) in rows.iter().take(HEADER_SEARCH_ROWS).enumerate() {
        let cells: Vec<(String, Option<Column>)> = row
            .cells
            .iter()
            .map(|h| (h.clone(), classify(h, overrides)))
            .collect();
        let has = |col| cells.iter().any(|(_, c)| *c == Some(col));
        let known = cells
            .iter()
            .filter(|(_, c)| c.is_some_and(|c| c != Column::Ignore))
            .count();
        if has(Column::Name) && known >= 2 {
            let columns = Columns {
                header_row: i,
                cells,
            };
            check_once(&columns)?;
            check_overrides_used(&columns, overrides)?;
            return Ok(columns);
        }
    }
    bail!(msg!("import-no-header-row", count = HEADER_SEARCH_ROWS))
}

/// Two headers for the same key would make one silently win.
fn check_once(columns: &Columns) -> Result<()> {
    let mut seen: Vec<(Column, &str)> = Vec::new();
    for (header, col) in &columns.cells {
        let Some(col) = col.filter(|c| *c != Column::Ignore) else {
            continue;
        };
        if let Some((_, first)) = seen.iter().find(|(c, _)| *c == col) {
            let (c, a, b) = (col.key(), format!("{first:?}"), format!("{header:?}"));
            let m = msg!(
                "import-two-columns",
                column = c,
                first = a,
                second = b,
                header = header
            );
            bail!(m);
        }
        seen.push((col, header));
    }
    Ok(())
}

/// A `--map` header that is not in the sheet is a typo worth reporting.
fn check_overrides_used(columns: &Columns, overrides: &Overrides) -> Result<()> {
    for (n, header, _) in &overrides.0 {
        if !columns.cells.iter().any(|(h, _)| norm(h) == *n) {
            let headers: Vec<&str> = columns
                .cells
                .iter()
                .map(|(h, _)| h.as_str())
                .filter(|h| !h.is_empty())
                .collect();
            // Compare folded, so a missing accent is not what makes it far.
            let folded: Vec<String> = headers.iter().map(|h| norm(h)).collect();
            let best = crate::yaml::closest(n, folded.iter().map(String::as_str))
                .and_then(|best| folded.iter().position(|f| f == best))
                .map(|i| format!("{:?}", headers[i]));
            let (h, all) = (format!("{header:?}"), headers.join(", "));
            bail!(match best {
                Some(best) => msg!("import-map-header-hint", header = h, best = best, all = all),
                None => msg!("import-map-header", header = h, all = all),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::sheet::Row;
    use super::*;
    use crate::messages::{Lang, Msg};

    /// The error in English, whatever the environment's language.
    fn en(e: anyhow::Error) -> String {
        e.downcast_ref::<Msg>()
            .expect("a catalogue message")
            .render(Lang::En)
    }

    fn row(number: usize, cells: &[&str]) -> Row {
        Row {
            number,
            cells: cells.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn vietnamese_headers_match_whatever_the_case_and_accents() {
        let rows = [
            row(1, &["DANH SÁCH KHEN THƯỞNG (hư cấu)"]),
            row(2, &[]),
            row(
                3,
                &[
                    "STT",
                    "HỌ VÀ TÊN",
                    "Chức vụ",
                    "Đơn vị",
                    "Lĩnh vực",
                    "Hình thức khen thưởng",
                    "Năm",
                    "Số quyết định",
                    "Xã/Phường",
                    "Cột lạ",
                ],
            ),
        ];
        let c = detect(&rows, &Overrides::default()).unwrap();
        assert_eq!(c.header_row, 2);
        assert_eq!(c.index(Column::Name), Some(1));
        assert_eq!(c.index(Column::Decision), Some(7));
        assert_eq!(c.index(Column::Commune), Some(8));
        assert_eq!(c.index(Column::Ignore), Some(0));
        assert_eq!(c.unknown(), ["Cột lạ"]);
        assert_eq!(c.header(Column::Award), "Hình thức khen thưởng");
    }

    #[test]
    fn map_overrides_and_allows_commas_in_headers() {
        let o =
            Overrides::parse(&["Người được khen=name, Cơ quan, nơi làm việc=organization".into()])
                .unwrap();
        let rows = [row(
            1,
            &["Người được khen", "Cơ quan, nơi làm việc", "Đơn vị"],
        )];
        let o2 = Overrides::parse(&[
            "Người được khen=name,Cơ quan, nơi làm việc=organization,Đơn vị=ignore".into(),
        ])
        .unwrap();
        // Without ignoring it, "Đơn vị" would be a second organisation column.
        assert!(en(detect(&rows, &o).unwrap_err()).contains("two columns hold `organization`"));
        let c = detect(&rows, &o2).unwrap();
        assert_eq!(c.index(Column::Name), Some(0));
        assert_eq!(c.index(Column::Organization), Some(1));
    }

    #[test]
    fn map_mistakes_are_explained() {
        let e = en(Overrides::parse(&["Tên=nmae".into()]).unwrap_err());
        assert!(e.contains("did you mean `name`"), "{e}");
        let e = en(Overrides::parse(&["Tên".into()]).unwrap_err());
        assert!(e.contains("has no `=column`"), "{e}");
        let rows = [row(1, &["Họ và tên", "Năm"])];
        let o = Overrides::parse(&["Ho ve ten=name".into()]).unwrap();
        let e = en(detect(&rows, &o).unwrap_err());
        assert!(e.contains("did you mean \"Họ và tên\"?"), "{e}");
    }

    #[test]
    fn a_sheet_without_a_name_column_is_refused() {
        let rows = [row(1, &["Năm", "Đơn vị"])];
        let e = en(detect(&rows, &Overrides::default()).unwrap_err());
        assert!(e.contains("--map"), "{e}");
    }
}
