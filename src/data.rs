//! `data/*.yaml`: the tables content refers to by key (fields, awards,
//! communes), the slogans, and the statistics. Reads only `data/`.
//!
//! Tables keep the file's order: it is the order readers see.

use crate::config::LocalText;
use crate::error::{Diagnostic, Location};
use crate::messages::msg;
use crate::text::fold::is_slug;
use crate::yaml::{Positions, Seg};
use indexmap::IndexMap;
use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema};
use serde::Deserialize;
use std::cell::OnceCell;
use std::path::{Path, PathBuf};

/// Một mục của bảng: tên hiển thị theo từng ngôn ngữ. / A table entry: its name per language.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Named {
    /// Tên tiếng Việt. / The Vietnamese name.
    pub vi: String,
    /// Tên tiếng Anh (nếu bỏ trống, trang tiếng Anh dùng tên tiếng Việt). / The English name.
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

/// `state` (cấp Nhà nước), `province` (cấp tỉnh) hoặc `other` (khác). / The award's level.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, serde::Serialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum AwardLevel {
    State,
    Province,
    Other,
}

/// `order` (huân chương), `medal` (huy chương), `title` (danh hiệu), `certificate` (bằng khen, giấy khen), `flag` (cờ thi đua), `badge` (huy hiệu, kỷ niệm chương). / The kind of award.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum AwardKind {
    Order,
    Medal,
    Title,
    Certificate,
    Flag,
    Badge,
}

/// Một hình thức khen thưởng. / One kind of award.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Award {
    /// Tên tiếng Việt, ví dụ "Bằng khen của Chủ tịch UBND tỉnh". / The Vietnamese name.
    pub vi: String,
    /// Tên tiếng Anh. / The English name.
    #[serde(default)]
    pub en: Option<String>,
    /// Cấp khen thưởng. / The level.
    pub level: AwardLevel,
    /// Loại khen thưởng. / The kind.
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

/// Một khẩu hiệu, chép nguyên văn. / One slogan, verbatim.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Slogan {
    /// Khẩu hiệu tiếng Việt, nguyên văn. / The slogan in Vietnamese.
    pub vi: String,
    /// Bản dịch tiếng Anh. / The English translation.
    #[serde(default)]
    pub en: Option<String>,
    /// Nhóm khẩu hiệu theo dịp, ví dụ `general`. / A grouping key.
    #[serde(default)]
    pub occasion: Option<String>,
}

/// Extension of the format: `data/statistics.yaml`, the award totals shown
/// as bar charts on the statistics page and as headline figures on the home page.
///
/// (The doc comment of the fields below is the editor's hover text.)
#[derive(Debug, Clone, Deserialize, Default, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Statistics {
    /// Giai đoạn của số liệu, ví dụ "2021-2025". / The period the figures cover.
    #[serde(default)]
    pub period: Option<String>,
    /// Văn bản nguồn của số liệu. / Where the figures come from.
    #[serde(default)]
    pub source: Option<LocalText>,
    /// Các biểu đồ cột. / The bar charts.
    #[serde(default)]
    pub charts: Vec<Chart>,
}

/// Một biểu đồ cột. / One bar chart.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Chart {
    /// Mã biểu đồ: chữ thường không dấu, số, dấu gạch ngang. / The chart's id.
    #[schemars(pattern(crate::text::fold::SLUG_PATTERN))]
    pub id: String,
    /// Tiêu đề biểu đồ. / The chart's title.
    pub title: LocalText,
    /// Nhãn đi kèm tổng số `value` (không bắt buộc). / The label shown with the total of `value`.
    #[serde(default)]
    pub total_label: Option<LocalText>,
    /// Tên dãy số chính (`value`), ví dụ "Đã quyết định". / The name of the `value` series.
    pub series: LocalText,
    /// Tên dãy số so sánh (`compare`); khi có, cột nào cũng phải có `compare`. / The name of the `compare` series.
    #[serde(default)]
    pub compare_series: Option<LocalText>,
    /// Các cột. / The bars.
    pub bars: Vec<Bar>,
}

/// Một cột. / One bar.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Bar {
    /// Nhãn của cột. / The bar's label.
    pub label: LocalText,
    /// Giá trị. / Its value.
    pub value: u64,
    /// Giá trị so sánh (bắt buộc khi biểu đồ có `compare_series`). / The compared value.
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
    let bytes = match crate::source::read_site_file(root, &rel) {
        Ok(bytes) => bytes?,
        Err(d) => {
            errors.push(d);
            return None;
        }
    };
    let text = match crate::source::check_text(&bytes, &rel) {
        Ok(t) => t,
        Err(d) => {
            errors.push(d);
            return None;
        }
    };
    // An error, but the table is still read so its other mistakes show too.
    errors.extend(crate::source::legacy_encoding(&text, &rel));
    match crate::yaml::parse::<T>(&text, &rel, 1) {
        Ok(v) => Some((v, text, rel)),
        Err(d) => {
            errors.push(d);
            None
        }
    }
}

/// The schema of each data file, named as its schema file, from the same
/// types that parse it.
pub fn schemas(settings: &SchemaSettings) -> Vec<(&'static str, Schema)> {
    fn of<T: JsonSchema>(settings: &SchemaSettings, title: &str, description: &str) -> Schema {
        let mut schema = settings
            .clone()
            .into_generator()
            .into_root_schema_for::<T>();
        schema.insert("title".into(), title.into());
        schema.insert("description".into(), description.into());
        schema
    }
    fn table<T: JsonSchema>(settings: &SchemaSettings, title: &str, description: &str) -> Schema {
        let mut schema = of::<IndexMap<String, T>>(settings, title, description);
        // The keys are what content refers to: `check_keys` holds them to slugs.
        schema.insert(
            "propertyNames".into(),
            serde_json::json!({ "pattern": crate::text::fold::SLUG_PATTERN }),
        );
        schema
    }
    vec![
        ("fields", table::<Named>(settings, "Lĩnh vực (data/fields.yaml)",
            "Mỗi khóa (chữ thường không dấu, nối bằng gạch ngang) là một lĩnh vực mà hồ sơ ghi trong `field`. / Each key is a field profiles name in `field`.")),
        ("awards", table::<Award>(settings, "Hình thức khen thưởng (data/awards.yaml)",
            "Mỗi khóa là một hình thức khen thưởng mà hồ sơ và phong trào ghi trong `award`. / Each key is an award profiles and movements name in `award`.")),
        ("communes", table::<Named>(settings, "Xã, phường (data/communes.yaml)",
            "Mỗi khóa là một xã, phường mà hồ sơ ghi trong `commune`. / Each key is a commune profiles name in `commune`.")),
        ("slogans", of::<Vec<Slogan>>(settings, "Khẩu hiệu (data/slogans.yaml)",
            "Danh sách khẩu hiệu tuyên truyền, theo thứ tự hiển thị. / The slogans, in the order shown.")),
        ("statistics", of::<Statistics>(settings, "Số liệu thống kê (data/statistics.yaml)",
            "Số liệu khen thưởng vẽ thành biểu đồ cột ở trang Thống kê. / Award totals drawn as bar charts on the statistics page.")),
    ]
}

fn check_keys<V>(
    table: &IndexMap<String, V>,
    text: &str,
    rel: &Path,
    errors: &mut Vec<Diagnostic>,
) {
    let from = errors.len();
    // Read only if a key is wrong: most runs have none.
    let positions = OnceCell::new();
    for key in table.keys() {
        // As for lists in content: the first mistakes, not the line of each of thousands.
        if errors.len() - from >= crate::error::MAX_LIST_ERRORS {
            errors.push(
                Diagnostic::error(
                    Location::file(rel),
                    msg!("G0324", count = crate::error::MAX_LIST_ERRORS),
                )
                .help(msg!("G0324.help")),
            );
            break;
        }
        if !is_slug(key) {
            let (line, col) = positions
                .get_or_init(|| Positions::of(text))
                .get(&[Seg::Key(key)])
                .unwrap_or((1, 1));
            errors.push(
                Diagnostic::error(Location::at(rel, line, Some(col)), msg!("G0325", key = key))
                    .help(msg!("G0325.help")),
            );
        }
    }
}

impl Data {
    pub fn load(root: &Path) -> Result<Data, Vec<Diagnostic>> {
        // One error for a linked folder, not one for each of its files.
        crate::source::unlinked(root, Path::new("data")).map_err(|d| vec![d])?;
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
            let positions = OnceCell::new();
            for (i, chart) in t.charts.iter().enumerate() {
                let loc = |path: &[Seg]| {
                    let (line, col) = positions
                        .get_or_init(|| Positions::of(&text))
                        .get(path)
                        .unwrap_or((1, 1));
                    Location::at(&rel, line, Some(col))
                };
                if !is_slug(&chart.id) {
                    errors.push(
                        Diagnostic::error(
                            loc(&[Seg::Key("charts"), Seg::Index(i), Seg::Key("id")]),
                            msg!("G0326"),
                        )
                        .field("id")
                        .help(msg!("G0326.help")),
                    );
                }
                for (j, bar) in chart.bars.iter().enumerate() {
                    if chart.compare_series.is_some() != bar.compare.is_some() {
                        errors.push(
                            Diagnostic::error(
                                loc(&[
                                    Seg::Key("charts"),
                                    Seg::Index(i),
                                    Seg::Key("bars"),
                                    Seg::Index(j),
                                ]),
                                msg!("G0327"),
                            )
                            .field("compare")
                            .help(msg!("G0327.help")),
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
