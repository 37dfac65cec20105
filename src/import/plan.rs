//! Deciding, row by row, what an import does: create a profile, add an
//! award to an existing one, or skip the row with a reason. Reads the loaded
//! site; writes nothing.
//!
//! A person or collective is identified by folded name + folded organisation
//! (the same rule `validate` uses to refuse duplicates), so rows of one
//! person merge, a second import finds the profiles of the first, and the
//! same name in another organisation is another profile.

use super::columns::{Column, Columns};
use super::record::{Record, RowReader};
use super::sheet::Row;
use crate::error::Diagnostic;
use crate::messages::msg;
use crate::site::{AwardEntry, Kind, Site};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// What the planner needs besides the sheet and the site.
pub struct Settings<'a> {
    /// How the sheet is named in messages (its file name).
    pub label: &'a str,
    /// Field key for rows without a field cell (`--field`).
    pub default_field: Option<&'a str>,
    /// Folder names already used under content/profiles/ (drafts, bundles
    /// without text) and reserved words: a new slug avoids them all.
    pub taken_slugs: BTreeSet<String>,
}

/// A profile to create, from one or more rows.
#[derive(Debug, Clone)]
pub struct NewProfile {
    pub slug: String,
    pub rows: Vec<usize>,
    pub name: String,
    pub kind: Kind,
    pub honorific: Option<String>,
    pub role: Option<String>,
    pub organization: Option<String>,
    pub field: String,
    pub commune: Option<String>,
    pub ethnicity: Option<String>,
    pub awards: Vec<AwardEntry>,
    pub summary: Option<String>,
    /// Which row wrote each value kept above (a kind or field that was
    /// guessed or defaulted was written by no row), for "Rows that disagree".
    pub given_by: BTreeMap<Column, usize>,
}

/// Awards to add to a profile that exists (an index into `site.profiles`).
#[derive(Debug, Clone)]
pub struct Update {
    pub profile: usize,
    pub rows: Vec<usize>,
    pub add: Vec<AwardEntry>,
}

#[derive(Debug, Default)]
pub struct Plan {
    pub creates: Vec<NewProfile>,
    /// Existing profiles the sheet names, with what to add (possibly nothing).
    pub updates: Vec<Update>,
    /// One warning per skipped row: file:row, the column, why, how to fix.
    pub skipped: Vec<Diagnostic>,
    /// Imported rows that disagree with an earlier row of the same person,
    /// or with the profile that exists: which value was kept, and where.
    pub conflicts: Vec<Diagnostic>,
    /// Headers guong did not recognise (left out of the import).
    pub ignored_headers: Vec<String>,
}

enum Target {
    New(usize),
    Existing(usize),
}

type Identity = (String, String);

fn identity(name: &str, organization: Option<&str>) -> Identity {
    let f = |s: &str| {
        crate::text::fold::fold(s)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    (f(name), f(organization.unwrap_or("")))
}

pub fn plan(site: &Site, rows: &[Row], columns: &Columns, settings: Settings) -> Plan {
    let mut plan = Plan {
        ignored_headers: columns.unknown().iter().map(|s| s.to_string()).collect(),
        ..Plan::default()
    };
    let existing: HashMap<Identity, usize> = site
        .profiles
        .iter()
        .enumerate()
        .map(|(i, p)| {
            (
                identity(&p.text.vi.name, p.text.vi.organization.as_deref()),
                i,
            )
        })
        .collect();
    let mut taken = settings.taken_slugs.clone();
    taken.extend(site.profiles.iter().map(|p| p.slug.clone()));
    let mut targets: HashMap<Identity, Target> = HashMap::new();
    let reader = RowReader {
        site,
        columns,
        settings: &settings,
    };

    for row in rows.iter().skip(columns.header_row + 1) {
        if reader.is_blank(row) {
            continue;
        }
        let record = match reader.read(row) {
            Ok(r) => r,
            Err(d) => {
                plan.skipped.push(d);
                continue;
            }
        };
        let who = identity(&record.name, record.organization.as_deref());
        let target = match targets.get(&who) {
            Some(Target::New(i)) => Target::New(*i),
            Some(Target::Existing(i)) => Target::Existing(*i),
            None => match existing.get(&who) {
                Some(&p) => {
                    // A translation that repeats `awards` would contradict
                    // the Vietnamese file once an award is added to it.
                    if record.award.is_some() {
                        if let Some(en) = &site.profiles[p].text.en {
                            if en
                                .origin
                                .positions()
                                .get(&[crate::yaml::Seg::Key("awards")])
                                .is_some()
                            {
                                let file = en.origin.path.as_path();
                                let slug = &site.profiles[p].slug;
                                plan.skipped.push(
                                    reader
                                        .skip(row, None, msg!("G0703", file = file, slug = slug))
                                        .help(msg!("G0703.help")),
                                );
                                continue;
                            }
                        }
                    }
                    plan.updates.push(Update {
                        profile: p,
                        rows: Vec::new(),
                        add: Vec::new(),
                    });
                    Target::Existing(plan.updates.len() - 1)
                }
                None => {
                    let base = crate::text::fold::slugify(&record.name);
                    let slug = free_slug(&base, &taken);
                    taken.insert(slug.clone());
                    plan.creates.push(NewProfile {
                        slug,
                        rows: Vec::new(),
                        name: record.name.clone(),
                        kind: record.kind,
                        honorific: record.honorific.clone(),
                        role: record.role.clone(),
                        organization: record.organization.clone(),
                        field: record.field.clone(),
                        commune: record.commune.clone(),
                        ethnicity: record.ethnicity.clone(),
                        awards: Vec::new(),
                        summary: record.summary.clone(),
                        given_by: BTreeMap::new(),
                    });
                    Target::New(plan.creates.len() - 1)
                }
            },
        };
        // Same award in the same year: already there, nothing to add (this
        // is what makes a second import of the same sheet change nothing).
        let same = |a: &AwardEntry, b: &AwardEntry| a.award == b.award && a.year == b.year;
        match target {
            Target::New(i) => {
                let p = &mut plan.creates[i];
                plan.conflicts.extend(merge(p, &record, &reader, row));
                p.rows.push(record.number);
                if let Some(a) = record.award {
                    if !p.awards.iter().any(|b| same(&a, b)) {
                        p.awards.push(a);
                    }
                }
                targets.insert(who, Target::New(i));
            }
            Target::Existing(i) => {
                let u = &mut plan.updates[i];
                u.rows.push(record.number);
                plan.conflicts.extend(differs_from_site(
                    &site.profiles[u.profile],
                    &record,
                    &reader,
                    row,
                ));
                let had = &site.profiles[u.profile].awards;
                if let Some(a) = record.award {
                    if !had.iter().chain(&u.add).any(|b| same(&a, b)) {
                        u.add.push(a);
                    }
                }
                targets.insert(who, Target::Existing(i));
            }
        }
    }
    plan
}

/// Merge a row of a person into the profile its earlier rows started: a
/// value no row has written yet (an empty cell, a guessed kind, the
/// `--field` default) is taken; one that contradicts what an earlier row
/// wrote is not, and the writer is told which rows disagree (silently
/// keeping either would hide a mistake in one of them).
fn merge(p: &mut NewProfile, r: &Record, reader: &RowReader, row: &Row) -> Vec<Diagnostic> {
    let mut conflicts = Vec::new();
    let mut disagree = |col: Column, by: usize, kept: &str, given: &str| {
        let (given, kept, name) = (q(given), q(kept), q(&r.name));
        let message = msg!("G0704", given = given, name = &name, row = by, kept = kept);
        conflicts.push(
            reader
                .skip(row, Some(col), message)
                .help(msg!("G0704.help", name = name)),
        );
    };
    let given_by = &mut p.given_by;
    if r.kind_given {
        match given_by.get(&Column::Kind) {
            Some(&by) if p.kind != r.kind => disagree(Column::Kind, by, p.kind.key(), r.kind.key()),
            Some(_) => {}
            None => {
                p.kind = r.kind;
                given_by.insert(Column::Kind, r.number);
            }
        }
    }
    let mut take = |col: Column, kept: &mut String, given: Option<&str>| {
        let Some(given) = given else { return };
        match given_by.get(&col) {
            Some(&by) if kept != given => disagree(col, by, kept, given),
            Some(_) => {}
            None => {
                *kept = given.to_string();
                given_by.insert(col, r.number);
            }
        }
    };
    take(
        Column::Field,
        &mut p.field,
        r.field_given.then_some(r.field.as_str()),
    );
    for (col, kept, given) in [
        (Column::Honorific, &mut p.honorific, &r.honorific),
        (Column::Role, &mut p.role, &r.role),
        (Column::Commune, &mut p.commune, &r.commune),
        (Column::Ethnicity, &mut p.ethnicity, &r.ethnicity),
        (Column::Summary, &mut p.summary, &r.summary),
    ] {
        let mut value = kept.clone().unwrap_or_default();
        take(col, &mut value, given.as_deref());
        if !value.is_empty() {
            *kept = Some(value);
        }
    }
    conflicts
}

/// An import only adds awards to a profile that exists: a row that says
/// otherwise about its kind or field is reported, and the profile kept.
fn differs_from_site(
    p: &crate::site::Profile,
    r: &Record,
    reader: &RowReader,
    row: &Row,
) -> Vec<Diagnostic> {
    let file = p
        .text
        .vi
        .origin
        .path
        .display()
        .to_string()
        .replace('\\', "/");
    let mut conflicts = Vec::new();
    // Only what the row wrote: a guessed kind or the `--field` default
    // says nothing against the profile.
    for (col, kept, given) in [
        (
            Column::Kind,
            p.kind.key(),
            r.kind_given.then(|| r.kind.key()),
        ),
        (
            Column::Field,
            p.field.as_str(),
            r.field_given.then_some(r.field.as_str()),
        ),
    ] {
        let Some(given) = given else { continue };
        if kept != given {
            let (given, name, kept) = (q(given), q(&r.name), q(kept));
            let f = file.as_str();
            let message = msg!("G0705", given = given, name = name, file = f, kept = kept);
            conflicts.push(
                reader
                    .skip(row, Some(col), message)
                    .help(msg!("G0705.help", file = &file)),
            );
        }
    }
    conflicts
}

/// A value quoted as the messages show what a cell says.
fn q(s: &str) -> String {
    format!("{s:?}")
}

/// `base`, else `base-2`, `base-3`… (the first free one, so the same sheet
/// on the same site always gives the same slugs).
fn free_slug(base: &str, taken: &BTreeSet<String>) -> String {
    if !taken.contains(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|s| !taken.contains(s))
        .expect("an unused number")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_take_the_first_free_number() {
        let taken: BTreeSet<String> = ["lo-thi-thu".into(), "lo-thi-thu-2".into()].into();
        assert_eq!(free_slug("lo-thi-thu", &taken), "lo-thi-thu-3");
        assert_eq!(free_slug("ca-van-mau", &taken), "ca-van-mau");
    }

    #[test]
    fn identity_ignores_accents_case_and_spacing() {
        assert_eq!(
            identity("Lò  Thị Thử", Some("Trạm Y tế")),
            identity("LO THI THU", Some("tram y te"))
        );
        assert_ne!(
            identity("Lò Thị Thử", None),
            identity("Lò Thị Thử", Some("A"))
        );
    }
}
