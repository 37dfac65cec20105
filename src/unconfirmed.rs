//! Unconfirmed readings: a profile's `unconfirmed:` list marks the parts of
//! its name, title, role or organisation that were read from a damaged scan
//! and not yet checked against the original document. The site names real
//! people, so such a reading must say on every page that shows it (profile
//! page, embed card, API, oEmbed) that it is being checked, and `guong
//! check` lists it as a to-do until someone removes the entry.
//!
//! This module is the one owner of that notice: the entries as written, the
//! check that each names text that is really there, and the sentence in
//! both languages.

use crate::config::Lang;
use crate::error::{Diagnostic, Location};
use crate::messages::msg;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The text fields of a profile that can hold an unconfirmed reading.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum ReadingField {
    Name,
    Honorific,
    Role,
    Organization,
}

impl ReadingField {
    pub fn key(self) -> &'static str {
        match self {
            ReadingField::Name => "name",
            ReadingField::Honorific => "honorific",
            ReadingField::Role => "role",
            ReadingField::Organization => "organization",
        }
    }

    /// The field's value in the Vietnamese text (the text the scan was read into).
    fn value<'a>(self, vi: &Fields<'a>) -> Option<&'a str> {
        match self {
            ReadingField::Name => Some(vi.name),
            ReadingField::Honorific => vi.honorific,
            ReadingField::Role => vi.role,
            ReadingField::Organization => vi.organization,
        }
    }
}

/// The Vietnamese values of the fields a reading can be in (the model's
/// profile text hands them over; this module does not know the model).
#[derive(Debug, Clone, Copy, Default)]
pub struct Fields<'a> {
    pub name: &'a str,
    pub honorific: Option<&'a str>,
    pub role: Option<&'a str>,
    pub organization: Option<&'a str>,
}

/// Một cách đọc chưa được đối chiếu với văn bản gốc. / A reading not yet checked against the original document.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reading {
    /// Trường chứa cách đọc: `name`, `honorific`, `role` hoặc `organization`. / The field holding the reading.
    pub field: ReadingField,
    /// Phần chữ chưa chắc chắn, viết đúng như trong trường đó, ví dụ "Vì" (mặc định: cả trường). / The uncertain part, exactly as written in the field (default: the whole field).
    #[serde(default)]
    pub text: Option<String>,
}

/// The readings of one field, with the field's Vietnamese value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unconfirmed {
    pub field: ReadingField,
    /// The uncertain parts, in the order written.
    pub readings: Vec<String>,
    /// The whole Vietnamese value they are part of.
    pub value: String,
}

/// Check the entries against the Vietnamese text: each names a field that
/// is set and a text that occurs in it. Errors point at the entry:
/// `locate(i, key)` is where key `key` of the `i`-th entry is written.
pub fn check(
    entries: &[Reading],
    vi: &Fields<'_>,
    locate: impl Fn(usize, &str) -> Location,
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for (i, r) in entries.iter().enumerate() {
        let at = |key| locate(i, key);
        let Some(value) = r.field.value(vi) else {
            diags.push(
                Diagnostic::error(at("field"), msg!("G0251", field = r.field.key()))
                    .field("unconfirmed")
                    .help(msg!("G0251.help")),
            );
            continue;
        };
        if let Some(text) = &r.text {
            if text.trim().is_empty() || !value.contains(text.as_str()) {
                diags.push(
                    Diagnostic::error(
                        at("text"),
                        msg!("G0252", text = text, field = r.field.key(), value = value),
                    )
                    .field("unconfirmed")
                    .help(msg!("G0252.help")),
                );
            }
        }
    }
    diags
}

/// The entries grouped by field (in field order), each with its value.
pub fn group(entries: &[Reading], vi: &Fields<'_>) -> Vec<Unconfirmed> {
    let mut out: Vec<Unconfirmed> = Vec::new();
    let mut fields: Vec<ReadingField> = entries.iter().map(|r| r.field).collect();
    fields.sort();
    fields.dedup();
    for field in fields {
        let Some(value) = field.value(vi) else {
            continue;
        };
        let mut readings: Vec<String> = Vec::new();
        for r in entries.iter().filter(|r| r.field == field) {
            let reading = r.text.clone().unwrap_or_else(|| value.to_string());
            if !readings.contains(&reading) {
                readings.push(reading);
            }
        }
        out.push(Unconfirmed {
            field,
            readings,
            value: value.to_string(),
        });
    }
    out
}

/// `a`, `a và b`, `a, b và c` (`and` in English).
fn list(items: &[String], lang: Lang) -> String {
    let and = match lang {
        Lang::Vi => " và ",
        Lang::En => " and ",
    };
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{}{and}{last}", init.join(", ")),
    }
}

impl Unconfirmed {
    /// Whether to quote the whole value after the readings: for a part of a
    /// name ("“Vì” trong “Vì Hồng Mạnh”"); a role or an organisation is
    /// long, and its uncertain words are plain to find on the line above.
    fn with_context(&self) -> bool {
        self.field == ReadingField::Name
            && !(self.readings.len() == 1 && self.readings[0] == self.value)
    }

    /// The notice, with each Vietnamese quotation passed through `quote`
    /// (plain quotes for text, a `lang="vi"` span for HTML).
    fn sentence(&self, lang: Lang, quote: &dyn Fn(&str) -> String) -> String {
        let readings: Vec<String> = self.readings.iter().map(|r| quote(r)).collect();
        let readings = list(&readings, lang);
        let context = self.with_context().then(|| quote(&self.value));
        match (lang, context) {
            (Lang::Vi, None) => {
                format!("Cách viết {readings} đang được đối chiếu với văn bản gốc.")
            }
            (Lang::Vi, Some(c)) => {
                format!("Cách viết {readings} trong {c} đang được đối chiếu với văn bản gốc.")
            }
            (Lang::En, context) => {
                let (noun, verb) = if self.readings.len() == 1 {
                    ("spelling", "is")
                } else {
                    ("spellings", "are")
                };
                let within = context.map(|c| format!(" in {c}")).unwrap_or_default();
                format!("The {noun} {readings}{within} {verb} being checked against the original document.")
            }
        }
    }

    /// The notice as plain text: “Cách viết “Vì” trong “Vì Hồng Mạnh” đang
    /// được đối chiếu với văn bản gốc.”
    pub fn notice(&self, lang: Lang) -> String {
        self.sentence(lang, &|s| format!("“{s}”"))
    }

    /// The notice as HTML for a page in `lang`: escaped, the Vietnamese
    /// spellings marked `lang="vi"` on English pages.
    pub fn notice_html(&self, lang: Lang) -> String {
        let esc = crate::text::escape_html;
        let quote = |s: &str| match lang {
            Lang::Vi => format!("“{}”", esc(s)),
            Lang::En => format!("“<span lang=\"vi\">{}</span>”", esc(s)),
        };
        self.sentence(lang, &quote)
    }
}

/// All of a profile's readings as one: the embed card, listing cards and
/// search results are small and show the name and role right next to the
/// notice, so it names the spellings without quoting where they are.
fn combined(all: &[Unconfirmed]) -> Option<Unconfirmed> {
    let readings: Vec<String> = all.iter().flat_map(|u| u.readings.clone()).collect();
    (!readings.is_empty()).then_some(Unconfirmed {
        field: ReadingField::Role,
        readings,
        value: String::new(),
    })
}

/// [`combined`] as HTML for a page in `lang`.
pub fn combined_html(all: &[Unconfirmed], lang: Lang) -> Option<String> {
    combined(all).map(|u| u.notice_html(lang))
}

/// [`combined`] as plain text (for search results).
pub fn combined_text(all: &[Unconfirmed], lang: Lang) -> Option<String> {
    combined(all).map(|u| u.notice(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text<'a>(name: &'a str, org: Option<&'a str>) -> Fields<'a> {
        Fields {
            name,
            organization: org,
            ..Fields::default()
        }
    }

    fn nowhere(_: usize, _: &str) -> Location {
        Location::file("f.md")
    }

    fn reading(field: ReadingField, text: Option<&str>) -> Reading {
        Reading {
            field,
            text: text.map(Into::into),
        }
    }

    #[test]
    fn notices_name_the_part_and_where_it_is() {
        let vi = text("Vì Hồng Kỳ", None);
        let g = group(
            &[
                reading(ReadingField::Name, Some("Vì")),
                reading(ReadingField::Name, Some("Kỳ")),
            ],
            &vi,
        );
        assert_eq!(
            g[0].notice(Lang::Vi),
            "Cách viết “Vì” và “Kỳ” trong “Vì Hồng Kỳ” đang được đối chiếu với văn bản gốc."
        );
        assert_eq!(
            g[0].notice(Lang::En),
            "The spellings “Vì” and “Kỳ” in “Vì Hồng Kỳ” are being checked against the original document."
        );
        let whole = group(&[reading(ReadingField::Name, None)], &vi);
        assert_eq!(
            whole[0].notice(Lang::En),
            "The spelling “Vì Hồng Kỳ” is being checked against the original document."
        );
        assert_eq!(
            whole[0].notice_html(Lang::En),
            "The spelling “<span lang=\"vi\">Vì Hồng Kỳ</span>” is being checked against the original document."
        );
    }

    #[test]
    fn an_entry_must_name_text_that_is_there() {
        let vi = text("Vì Hồng Mạnh", None);
        assert!(check(&[reading(ReadingField::Name, Some("Vì"))], &vi, nowhere).is_empty());
        let wrong = check(&[reading(ReadingField::Name, Some("Vi"))], &vi, nowhere);
        assert_eq!(wrong[0].code(), Some("G0252"));
        assert_eq!(
            wrong[0].message.render(Lang::En),
            "“Vi” is not part of `name` (“Vì Hồng Mạnh”)"
        );
        assert_eq!(
            wrong[0].message.render(Lang::Vi),
            "“Vi” không có trong `name` (“Vì Hồng Mạnh”)"
        );
        let unset = check(&[reading(ReadingField::Organization, None)], &vi, nowhere);
        assert_eq!(unset[0].code(), Some("G0251"));
        assert_eq!(
            unset[0].message.render(Lang::En),
            "the profile has no `organization`"
        );
    }
}
