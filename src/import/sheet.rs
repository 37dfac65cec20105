//! Reading the spreadsheet staff actually receive: CSV, or a workbook
//! (XLSX, XLS, ODS through calamine). Every cell becomes trimmed NFC text
//! with its whitespace collapsed, whatever the cell type was.

use crate::messages::msg;
use anyhow::{bail, Context, Result};
use calamine::{Data, Reader};
use std::path::Path;

/// One row as the spreadsheet program numbers it (1 = the first line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub number: usize,
    pub cells: Vec<String>,
}

/// The rows of one sheet, and which sheet it was (for the report).
#[derive(Debug)]
pub struct Sheet {
    pub name: Option<String>,
    pub rows: Vec<Row>,
}

/// Read `path` by its extension: `.csv` (or `.txt`) as CSV, anything else as
/// a workbook. `sheet` picks a worksheet by name (default: the first).
pub fn read(path: &Path, sheet: Option<&str>) -> Result<Sheet> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if ext == "csv" || ext == "txt" {
        if sheet.is_some() {
            bail!(msg!("import-sheet-csv"));
        }
        let bytes = crate::error::fs::read(path)?;
        return Ok(Sheet {
            name: None,
            rows: read_csv(&bytes).with_context(|| msg!("import-cannot-read", path = path))?,
        });
    }
    read_workbook(path, sheet)
}

/// Cell text as stored in the model: NFC, trimmed, inner whitespace (line
/// breaks typed with Alt+Enter, non-breaking spaces) collapsed to one space,
/// invisible and control characters removed (they would break the YAML).
pub fn clean(raw: &str) -> String {
    const INVISIBLE: [char; 3] = ['\u{200B}', '\u{FEFF}', '\u{00AD}'];
    let nfc = crate::text::fold::nfc(raw);
    let mut out = String::with_capacity(nfc.len());
    for word in nfc
        .split(char::is_whitespace)
        .map(|w| w.replace(|c: char| c.is_control() || INVISIBLE.contains(&c), ""))
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word);
    }
    out
}

fn read_csv(bytes: &[u8]) -> Result<Vec<Row>> {
    // Excel writes a byte-order mark in front of "CSV UTF-8" files.
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if let Err(e) = std::str::from_utf8(bytes) {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        bail!(msg!("import-csv-not-utf8", line = line));
    }
    // Spreadsheet programs set to Vietnamese (or French, German…) separate
    // with semicolons, because the comma is their decimal mark.
    let first_line = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    let count = |c: u8| first_line.iter().filter(|&&b| b == c).count();
    let delimiter = if count(b';') > count(b',') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| {
            anyhow::anyhow!(msg!("import-csv-row", row = i + 1, error = e.to_string()))
        })?;
        rows.push(Row {
            number: i + 1,
            cells: record.iter().map(clean).collect(),
        });
    }
    Ok(rows)
}

fn read_workbook(path: &Path, sheet: Option<&str>) -> Result<Sheet> {
    let mut book = calamine::open_workbook_auto(path).map_err(|e| {
        let error = e.to_string();
        anyhow::anyhow!(msg!("import-not-a-spreadsheet", path = path, error = error))
    })?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(wanted) => names
            .iter()
            .find(|n| crate::text::fold::fold(n).trim() == crate::text::fold::fold(wanted).trim())
            .cloned()
            .ok_or_else(|| {
                let (sheet, all) = (format!("{wanted:?}"), names.join(", "));
                let m = msg!("import-no-sheet", path = path, sheet = sheet, all = all);
                anyhow::anyhow!(m)
            })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| anyhow::anyhow!(msg!("import-no-sheets", path = path)))?,
    };
    let range = book.worksheet_range(&name).map_err(|e| {
        let (sheet, err) = (format!("{name:?}"), e.to_string());
        let m = msg!("import-bad-sheet", sheet = sheet, path = path, error = err);
        anyhow::anyhow!(m)
    })?;
    // The range starts at the first used cell, not at A1.
    let first_row = range.start().map_or(0, |(r, _)| r as usize);
    let rows = range
        .rows()
        .enumerate()
        .map(|(i, cells)| Row {
            number: first_row + i + 1,
            cells: cells.iter().map(cell_text).collect(),
        })
        .collect();
    Ok(Sheet {
        name: Some(name),
        rows,
    })
}

/// A workbook cell as the text a person sees: years typed as numbers are
/// stored as floats (2024.0) and must read "2024"; dates read YYYY-MM-DD.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::DateTime(d) => {
            // Serial day numbers count from 1899-12-30 (the 1900 date system,
            // which is what every current spreadsheet program writes).
            let date = crate::site::Date::from_days(d.as_f64().floor() as i64 - 25_569);
            date.to_string()
        }
        other => clean(&other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn cells_are_nfc_trimmed_and_collapsed() {
        let nfd: String = "Lò Thị Thử".nfd().collect();
        assert_eq!(clean(&format!("  {nfd}\u{a0}\n ")), "Lò Thị Thử");
        assert_eq!(clean("Hợp tác xã\nChè\u{200B} Mẫu"), "Hợp tác xã Chè Mẫu");
        assert_eq!(clean("   "), "");
    }

    #[test]
    fn csv_with_bom_and_semicolons() {
        let rows = read_csv("\u{feff}Họ và tên;Năm\n\"Lò, Thị\";2024\n\n".as_bytes()).unwrap();
        assert_eq!(rows[0].cells, ["Họ và tên", "Năm"]);
        assert_eq!(rows[1].cells, ["Lò, Thị", "2024"]);
        assert_eq!(rows[1].number, 2);
    }

    #[test]
    fn csv_in_a_legacy_encoding_is_refused_with_advice() {
        let err = read_csv(b"name\n\xC2\xB9\xE0 Th\xE3\n").unwrap_err();
        let err = err.downcast_ref::<crate::messages::Msg>().unwrap();
        let en = err.render(crate::messages::Lang::En);
        assert!(en.starts_with("line 2 is not UTF-8 text"), "{en}");
        assert!(en.contains("CSV UTF-8"), "{en}");
        assert!(err.render(crate::messages::Lang::Vi).contains("CSV UTF-8"));
    }

    #[test]
    fn numbers_and_dates_read_as_people_see_them() {
        assert_eq!(cell_text(&Data::Float(2024.0)), "2024");
        assert_eq!(cell_text(&Data::Float(2.5)), "2.5");
        assert_eq!(cell_text(&Data::Int(7)), "7");
        let d =
            calamine::ExcelDateTime::new(45_455.0, calamine::ExcelDateTimeType::DateTime, false);
        assert_eq!(cell_text(&Data::DateTime(d)), "2024-06-12");
    }
}
