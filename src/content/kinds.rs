//! Parsing front matter into the typed documents of [`super::front_matter`],
//! and the pairing of a Vietnamese document with its translation.
//!
//! A translation carries only text; structural data repeated in it must equal
//! the Vietnamese value (the content format's rule), else it is an error.

use super::front_matter::*;
use super::{Content, Parsed};
use crate::config::Lang;
use crate::error::{Diagnostic, Location};
use crate::messages::msg;
use crate::site::*;
use crate::yaml::Seg;

#[derive(Debug, Clone, Copy)]
pub(super) enum DocKind {
    Profile,
    Congress,
    Movement,
    Page,
}

macro_rules! parse_as {
    ($ty:ty, $variant:ident, $fm:expr, $body:expr, $origin:expr) => {{
        let (doc, diags) = crate::yaml::parse_every::<$ty>($fm, &$origin.path, $origin.first_line);
        let doc = doc.map(|mut doc| {
            doc.body = $body.to_string();
            doc.origin = $origin;
            Parsed::$variant(doc)
        });
        (doc, diags)
    }};
}

/// The document, unless a required key is missing or wrong, and every
/// mistake found in its front matter (a document with mistakes in optional
/// keys is still returned, so later checks report theirs in the same run).
pub(super) fn parse(
    kind: DocKind,
    lang: Lang,
    fm: &str,
    body: &str,
    origin: Origin,
) -> (Option<Parsed>, Vec<Diagnostic>) {
    match (kind, lang) {
        (DocKind::Profile, Lang::Vi) => parse_as!(ProfileVi, ProfileVi, fm, body, origin),
        (DocKind::Profile, Lang::En) => parse_as!(ProfileEn, ProfileEn, fm, body, origin),
        (DocKind::Congress, Lang::Vi) => parse_as!(CongressVi, CongressVi, fm, body, origin),
        (DocKind::Congress, Lang::En) => parse_as!(CongressEn, CongressEn, fm, body, origin),
        (DocKind::Movement, Lang::Vi) => parse_as!(MovementVi, MovementVi, fm, body, origin),
        (DocKind::Movement, Lang::En) => parse_as!(MovementEn, MovementEn, fm, body, origin),
        (DocKind::Page, Lang::Vi) => parse_as!(PageVi, PageVi, fm, body, origin),
        (DocKind::Page, Lang::En) => parse_as!(PageEn, PageEn, fm, body, origin),
    }
}

/// Report a structural key of a translation whose value differs from the Vietnamese one.
fn same<T: PartialEq + std::fmt::Debug>(
    key: &str,
    en: &Option<T>,
    vi: &T,
    en_origin: &Origin,
    vi_origin: &Origin,
    diags: &mut Vec<Diagnostic>,
) {
    if let Some(v) = en {
        if v != vi {
            let vi_file = vi_origin
                .path
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default();
            diags.push(
                Diagnostic::error(
                    en_origin.loc(&[Seg::Key(key)]),
                    msg!(
                        "G0131",
                        en = format!("{v:?}"),
                        vi_file = vi_file,
                        vi = format!("{vi:?}")
                    ),
                )
                .field(key)
                .help(msg!("G0131.help", key = key)),
            );
        }
    }
}

/// Parse a date key here rather than in serde, so the error points at its line.
fn date_at(origin: &Origin, raw: &str, diags: &mut Vec<Diagnostic>) -> Option<Date> {
    let date = Date::parse(raw);
    if date.is_none() {
        diags.push(
            Diagnostic::error(origin.loc(&[Seg::Key("date")]), msg!("G0132", value = raw))
                .field("date")
                .help(msg!("G0132.help")),
        );
    }
    date
}

fn orphan(origin: &Origin) -> Diagnostic {
    Diagnostic::error(Location::file(&origin.path), msg!("G0133")).help(msg!("G0133.help"))
}

fn empty_text(origin: &Origin, key: &str, value: &str, diags: &mut Vec<Diagnostic>) {
    if value.trim().is_empty() {
        diags.push(
            Diagnostic::error(origin.loc(&[Seg::Key(key)]), msg!("G0134"))
                .field(key)
                .help(msg!("G0134.help", key = key)),
        );
    }
}

fn nonempty(s: Option<String>) -> Option<String> {
    s.filter(|v| !v.trim().is_empty())
}

pub(super) fn assemble(
    slug: &str,
    vi: Option<Parsed>,
    en: Option<Parsed>,
    drafts: bool,
    out: &mut Content,
    diags: &mut Vec<Diagnostic>,
) {
    match (vi, en) {
        (Some(Parsed::ProfileVi(v)), en) => {
            let en = match en {
                Some(Parsed::ProfileEn(e)) => Some(e),
                _ => None,
            };
            if let Some(p) = profile(slug, v, en, diags) {
                if drafts || !p.draft {
                    out.profiles.push(p);
                }
            }
        }
        (Some(Parsed::CongressVi(v)), en) => {
            let en = match en {
                Some(Parsed::CongressEn(e)) => Some(e),
                _ => None,
            };
            out.congresses.push(congress(slug, v, en, diags));
        }
        (Some(Parsed::MovementVi(v)), en) => {
            let en = match en {
                Some(Parsed::MovementEn(e)) => Some(e),
                _ => None,
            };
            out.movements.push(movement(slug, v, en, diags));
        }
        (Some(Parsed::PageVi(v)), en) => {
            let en = match en {
                Some(Parsed::PageEn(e)) => Some(e),
                _ => None,
            };
            empty_text(&v.origin, "title", &v.title, diags);
            if drafts || !v.draft {
                let en = en.map(|e| DocText {
                    title: e.title,
                    theme: None,
                    summary: nonempty(e.summary),
                    body: e.body,
                    origin: e.origin,
                });
                let vi = DocText {
                    title: v.title,
                    theme: None,
                    summary: nonempty(v.summary),
                    body: v.body,
                    origin: v.origin,
                };
                out.pages.push(Page {
                    slug: slug.to_string(),
                    text: Translated { vi, en },
                });
            }
        }
        (None, Some(e)) => {
            let origin = match &e {
                Parsed::ProfileEn(d) => &d.origin,
                Parsed::CongressEn(d) => &d.origin,
                Parsed::MovementEn(d) => &d.origin,
                Parsed::PageEn(d) => &d.origin,
                _ => return,
            };
            diags.push(orphan(origin));
        }
        _ => {} // the Vietnamese file failed to parse: already reported
    }
}

fn profile(
    slug: &str,
    v: ProfileVi,
    en: Option<ProfileEn>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Profile> {
    empty_text(&v.origin, "name", &v.name, diags);
    let date = date_at(&v.origin, &v.date, diags);
    empty_text(&v.origin, "summary", &v.summary, diags);
    if let Some(e) = &en {
        empty_text(&e.origin, "summary", &e.summary, diags);
        same("kind", &e.kind, &v.kind, &e.origin, &v.origin, diags);
        same("field", &e.field, &v.field, &e.origin, &v.origin, diags);
        same(
            "commune",
            &e.commune.clone().map(Some),
            &v.commune,
            &e.origin,
            &v.origin,
            diags,
        );
        same(
            "movements",
            &e.movements,
            &v.movements,
            &e.origin,
            &v.origin,
            diags,
        );
        same("awards", &e.awards, &v.awards, &e.origin, &v.origin, diags);
        same(
            "photo",
            &e.photo.clone().map(Some),
            &v.photo,
            &e.origin,
            &v.origin,
            diags,
        );
        let en_date = e.date.as_deref().and_then(|d| date_at(&e.origin, d, diags));
        if let (Some(_), Some(vi_date)) = (en_date, date) {
            same("date", &en_date, &vi_date, &e.origin, &v.origin, diags);
        }
        same("tags", &e.tags, &v.tags, &e.origin, &v.origin, diags);
    }
    let bundle = v
        .origin
        .path
        .parent()
        .map(|p| p.to_path_buf())
        .unwrap_or_default();
    let readings = v.unconfirmed;
    let vi_text = ProfileText {
        name: v.name.trim().to_string(),
        honorific: nonempty(v.honorific),
        role: nonempty(v.role),
        organization: nonempty(v.organization),
        ethnicity: nonempty(v.ethnicity),
        photo_alt: nonempty(v.photo_alt),
        summary: v.summary.trim().to_string(),
        body: v.body,
        origin: v.origin,
    };
    let en_text = en.map(|e| ProfileText {
        name: nonempty(e.name).unwrap_or_else(|| vi_text.name.clone()),
        honorific: nonempty(e.honorific),
        role: nonempty(e.role),
        organization: nonempty(e.organization),
        ethnicity: nonempty(e.ethnicity),
        photo_alt: nonempty(e.photo_alt),
        summary: e.summary.trim().to_string(),
        body: e.body,
        origin: e.origin,
    });
    let origin = &vi_text.origin;
    diags.extend(crate::unconfirmed::check(
        &readings,
        &vi_text.reading_fields(),
        |i, key| origin.loc(&[Seg::Key("unconfirmed"), Seg::Index(i), Seg::Key(key)]),
    ));
    Some(Profile {
        unconfirmed: crate::unconfirmed::group(&readings, &vi_text.reading_fields()),
        slug: slug.to_string(),
        bundle,
        kind: v.kind,
        field: v.field,
        commune: nonempty(v.commune),
        movements: v.movements,
        awards: v.awards,
        photo: nonempty(v.photo),
        // A wrong date is already an error, which stops publishing; the
        // profile stays so its other keys are checked in the same run.
        date: date.unwrap_or(Date::from_days(0)),
        tags: v.tags,
        sources: v.sources,
        featured: v.featured,
        draft: v.draft,
        name_key: crate::text::fold::fold(&vi_text.name),
        text: Translated {
            vi: vi_text,
            en: en_text,
        },
    })
}

fn congress(
    slug: &str,
    v: CongressVi,
    en: Option<CongressEn>,
    diags: &mut Vec<Diagnostic>,
) -> Congress {
    empty_text(&v.origin, "title", &v.title, diags);
    let date = v.date.as_deref().and_then(|d| date_at(&v.origin, d, diags));
    empty_text(&v.origin, "theme", &v.theme, diags);
    if slug.parse::<u32>().ok() != Some(v.number) || slug.len() != 2 {
        diags.push(
            Diagnostic::error(
                v.origin.loc(&[Seg::Key("number")]),
                msg!("G0135", number = v.number, file = slug),
            )
            .field("number")
            .help(msg!("G0135.help", file = format!("{:02}.vi.md", v.number))),
        );
    }
    if !(1..=6).contains(&v.number) {
        diags.push(
            Diagnostic::error(
                v.origin.loc(&[Seg::Key("number")]),
                msg!("G0136", number = v.number),
            )
            .help(msg!("G0136.help"))
            .field("number"),
        );
    }
    if let Some(e) = &en {
        same("number", &e.number, &v.number, &e.origin, &v.origin, diags);
        same("year", &e.year, &v.year, &e.origin, &v.origin, diags);
        let en_date = e.date.as_deref().and_then(|d| date_at(&e.origin, d, diags));
        same(
            "date",
            &en_date.map(Some),
            &date,
            &e.origin,
            &v.origin,
            diags,
        );
        same(
            "delegates",
            &e.delegates.map(Some),
            &v.delegates,
            &e.origin,
            &v.origin,
            diags,
        );
        same(
            "delegates_approx",
            &e.delegates_approx,
            &v.delegates_approx,
            &e.origin,
            &v.origin,
            diags,
        );
        same(
            "delegates_qualifier",
            &e.delegates_qualifier.map(Some),
            &v.delegates_qualifier,
            &e.origin,
            &v.origin,
            diags,
        );
        same(
            "planned", &e.planned, &v.planned, &e.origin, &v.origin, diags,
        );
    }
    let delegates_qualifier = qualifier(&v, diags);
    for (i, fact) in v.planned.iter().enumerate() {
        let missing = match fact {
            Planned::Date => v.date.is_none(),
            Planned::Delegates => v.delegates.is_none(),
            Planned::Theme => false,
        };
        if missing {
            diags.push(
                Diagnostic::error(
                    v.origin.loc(&[Seg::Key("planned"), Seg::Index(i)]),
                    msg!("G0137", key = fact.key()),
                )
                .field("planned")
                .help(msg!("G0137.help", key = fact.key())),
            );
        }
    }
    let mut planned = v.planned.clone();
    planned.sort();
    planned.dedup();
    let en = en.map(|e| DocText {
        title: e.title,
        theme: nonempty(e.theme),
        summary: None,
        body: e.body,
        origin: e.origin,
    });
    Congress {
        number: v.number,
        year: v.year,
        date,
        delegates: v.delegates,
        delegates_qualifier,
        planned,
        text: Translated {
            vi: DocText {
                title: v.title,
                theme: Some(v.theme),
                summary: None,
                body: v.body,
                origin: v.origin,
            },
            en,
        },
    }
}

/// The delegate count's qualifier: `delegates_qualifier`, or `about` from
/// the older `delegates_approx: true`; the two must not disagree.
fn qualifier(v: &CongressVi, diags: &mut Vec<Diagnostic>) -> Qualifier {
    match (v.delegates_qualifier, v.delegates_approx) {
        (None, approx) => {
            if approx {
                Qualifier::About
            } else {
                Qualifier::Exact
            }
        }
        (Some(q), false) | (Some(q @ Qualifier::About), true) => q,
        (Some(q), true) => {
            diags.push(
                Diagnostic::error(
                    v.origin.loc(&[Seg::Key("delegates_approx")]),
                    msg!("G0138", qualifier = q.key()),
                )
                .field("delegates_approx")
                .help(msg!("G0138.help")),
            );
            q
        }
    }
}

fn movement(
    slug: &str,
    v: MovementVi,
    en: Option<MovementEn>,
    diags: &mut Vec<Diagnostic>,
) -> Movement {
    empty_text(&v.origin, "title", &v.title, diags);
    if let Some(e) = &en {
        same(
            "launched_by",
            &e.launched_by,
            &v.launched_by,
            &e.origin,
            &v.origin,
            diags,
        );
        same(
            "period",
            &e.period.clone().map(Some),
            &v.period,
            &e.origin,
            &v.origin,
            diags,
        );
        same(
            "results", &e.results, &v.results, &e.origin, &v.origin, diags,
        );
    }
    let en = en.map(|e| DocText {
        title: e.title,
        theme: None,
        summary: None,
        body: e.body,
        origin: e.origin,
    });
    Movement {
        slug: slug.to_string(),
        launched_by: v.launched_by,
        period: nonempty(v.period),
        results: v.results,
        text: Translated {
            vi: DocText {
                title: v.title,
                theme: None,
                summary: None,
                body: v.body,
                origin: v.origin,
            },
            en,
        },
    }
}
