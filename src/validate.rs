//! Every cross-file rule of the content format, as diagnostics. Never stops
//! at the first problem and never writes anything.

use crate::config::{Lang, Section};
use crate::content::samples;
use crate::error::{Diagnostic, MAX_LIST_ERRORS};
use crate::messages::{msg, Msg};
use crate::scope::Scope;
use crate::site::{Origin, Profile, Site};
use crate::text::fold::is_slug;
use crate::yaml::{closest, Seg};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Component, Path};

/// The longest summary the cards and search results have room for.
pub const SUMMARY_MAX_CHARS: usize = 300;
pub const PHOTO_EXTENSIONS: &[&str] = &["jpg", "jpeg", "png", "webp"];

/// What validation remembers between the runs of `serve`, so that one
/// edited profile is checked without folding the names of all the others.
#[derive(Debug, Default, Clone)]
pub struct Memo {
    /// Profile slug → who it is (for the duplicate rule).
    identities: HashMap<String, (String, String)>,
}

impl Memo {
    /// What a full validation of `site` would remember.
    pub fn of(site: &Site) -> Memo {
        Memo {
            identities: site
                .profiles
                .iter()
                .map(|p| (p.slug.clone(), identity(p)))
                .collect(),
        }
    }

    /// Remember (or forget, when gone) who these profiles are.
    pub fn refresh<'a>(&mut self, site: &Site, slugs: impl IntoIterator<Item = &'a String>) {
        for slug in slugs {
            match profile_by_slug(site, slug) {
                Some(p) => self.identities.insert(slug.clone(), identity(p)),
                None => self.identities.remove(slug),
            };
        }
    }
}

/// A person or collective is its folded name and organisation.
fn identity(p: &Profile) -> (String, String) {
    (
        p.name_key.clone(),
        crate::text::fold::fold(p.text.vi.organization.as_deref().unwrap_or("")),
    )
}

fn profile_by_slug<'a>(site: &'a Site, slug: &str) -> Option<&'a Profile> {
    site.profiles
        .binary_search_by(|p| p.slug.as_str().cmp(slug))
        .ok()
        .map(|i| &site.profiles[i])
}

/// A movement's or page's file name that is no slug, and the one to use.
fn bad_file_name(path: &Path, slug: &str) -> Diagnostic {
    let suggestion = crate::text::fold::slugify(slug);
    Diagnostic::error(
        crate::error::Location::file(path),
        msg!("G0201", slug = slug),
    )
    .help(msg!("G0201.help", suggestion = suggestion))
}

/// The hint when a name is close to one that exists.
fn did_you_mean(best: &str) -> Msg {
    msg!("validate-did-you-mean", suggestion = best)
}

pub fn validate(site: &Site) -> Vec<Diagnostic> {
    validate_with(site, &Scope::All, &mut Memo::default())
}

/// Check the profiles of `scope` (all of them for [`Scope::All`]) and every
/// rule that spans the site; `memo` carries what the last run learnt.
pub fn validate_with(site: &Site, scope: &Scope, memo: &mut Memo) -> Vec<Diagnostic> {
    let mut d = Vec::new();
    let movements: BTreeSet<&str> = site.movements.iter().map(|m| m.slug.as_str()).collect();
    let reserved: BTreeSet<&str> = Lang::ALL
        .iter()
        .map(|l| site.config.section(*l, Section::Page))
        .collect();
    for p in site.profiles.iter().filter(|p| scope.profile(&p.slug)) {
        check_profile(&mut d, site, p, &movements, &reserved);
    }
    duplicates(&mut d, site, scope, memo);

    for c in &site.congresses {
        let o = &c.text.vi.origin;
        if !(1945..=2100).contains(&c.year) {
            d.push(
                Diagnostic::error(o.loc(&[Seg::Key("year")]), msg!("G0202", year = c.year))
                    .field("year")
                    .help(msg!("G0202.help")),
            );
        }
        if let Some(date) = c.date {
            if date.year != c.year {
                d.push(
                    Diagnostic::error(
                        o.loc(&[Seg::Key("date")]),
                        msg!("G0203", date = date.to_string(), year = c.year),
                    )
                    .field("date")
                    .help(msg!("G0203.help")),
                );
            }
        }
    }

    let sections: BTreeSet<&str> = Lang::ALL
        .iter()
        .flat_map(|l| Section::ALL.map(|s| site.config.section(*l, s)))
        .collect();
    for m in &site.movements {
        let o = &m.text.vi.origin;
        sample_story(&mut d, &m.text.vi.body, o, samples::MOVEMENT_STORY, false);
        if !is_slug(&m.slug) {
            d.push(bad_file_name(&o.path, &m.slug));
        }
        for (i, r) in m.results.iter().enumerate() {
            key_exists(
                &mut d,
                o,
                &[Seg::Key("results"), Seg::Index(i), Seg::Key("award")],
                "results.award",
                &r.award,
                site.data.awards.keys(),
                "data/awards.yaml",
            );
        }
    }
    for p in &site.pages {
        let o = &p.text.vi.origin;
        if !is_slug(&p.slug) {
            d.push(bad_file_name(&o.path, &p.slug));
        }
        if sections.contains(p.slug.as_str())
            || p.slug == "en"
            || ["embed", "oembed", "api", "assets", "_search"].contains(&p.slug.as_str())
        {
            d.push(
                Diagnostic::error(
                    crate::error::Location::file(&o.path),
                    msg!("G0204", slug = &p.slug),
                )
                .help(msg!("G0204.help")),
            );
        }
    }
    let about = &site.config.about_page;
    if site.config.about_page_set && !site.pages.iter().any(|p| &p.slug == about) {
        let slugs = site.pages.iter().map(|p| p.slug.as_str());
        let help = match closest(about, slugs) {
            Some(best) => did_you_mean(best),
            None => msg!("G0205.help", about = about),
        };
        d.push(
            Diagnostic::error(
                crate::error::Location::file("site.yaml"),
                msg!("G0205", about = about),
            )
            .field("about_page")
            .help(help),
        );
    }
    for (i, s) in site.data.slogans.iter().enumerate() {
        if s.vi.trim().is_empty() {
            d.push(
                Diagnostic::error(
                    crate::error::Location::file("data/slogans.yaml"),
                    msg!("G0206", number = i + 1),
                )
                .field("vi")
                .help(msg!("G0206.help")),
            );
        }
    }
    d
}

/// The rules of one profile on its own.
fn check_profile(
    d: &mut Vec<Diagnostic>,
    site: &Site,
    p: &Profile,
    movements: &BTreeSet<&str>,
    reserved: &BTreeSet<&str>,
) {
    let d = &mut *d;
    let o = &p.text.vi.origin;
    if !is_slug(&p.slug) {
        let suggestion = crate::text::fold::slugify(&p.slug);
        d.push(
            Diagnostic::error(
                crate::error::Location::file(&p.bundle),
                msg!("G0207", slug = &p.slug),
            )
            .help(msg!("G0207.help", suggestion = suggestion)),
        );
    }
    if reserved.contains(p.slug.as_str()) {
        d.push(
            Diagnostic::error(
                crate::error::Location::file(&p.bundle),
                msg!("G0208", slug = &p.slug),
            )
            .help(msg!("G0208.help")),
        );
    }
    placeholders(d, p);
    key_exists(
        d,
        o,
        &[Seg::Key("field")],
        "field",
        &p.field,
        site.data.fields.keys(),
        "data/fields.yaml",
    );
    if let Some(c) = &p.commune {
        key_exists(
            d,
            o,
            &[Seg::Key("commune")],
            "commune",
            c,
            site.data.communes.keys(),
            "data/communes.yaml",
        );
    }
    each_item(d, o, "movements", &p.movements, |d, i, m| {
        key_exists_str(
            d,
            o,
            &[Seg::Key("movements"), Seg::Index(i)],
            "movements",
            m,
            movements.iter().copied(),
            "content/movements/",
        );
    });
    each_item(d, o, "awards", &p.awards, |d, i, a| {
        let at = [Seg::Key("awards"), Seg::Index(i), Seg::Key("award")];
        key_exists(
            d,
            o,
            &at,
            "awards.award",
            &a.award,
            site.data.awards.keys(),
            "data/awards.yaml",
        );
        if !(1945..=2100).contains(&a.year) {
            d.push(
                Diagnostic::error(
                    o.loc(&[Seg::Key("awards"), Seg::Index(i), Seg::Key("year")]),
                    msg!("G0209", year = a.year),
                )
                .field("awards.year")
                .help(msg!("G0209.help")),
            );
        }
    });
    each_item(d, o, "tags", &p.tags, |d, i, t| {
        if !is_slug(t) {
            let suggestion = crate::text::fold::slugify(t);
            d.push(
                Diagnostic::error(
                    o.loc(&[Seg::Key("tags"), Seg::Index(i)]),
                    msg!("G0210", tag = t),
                )
                .field("tags")
                .help(msg!("G0210.help", suggestion = suggestion)),
            );
        }
    });
    each_item(d, o, "sources", &p.sources, |d, i, s| {
        if let Some(url) = &s.url {
            if !(url.starts_with("https://") || url.starts_with("http://")) {
                d.push(
                    Diagnostic::error(
                        o.loc(&[Seg::Key("sources"), Seg::Index(i), Seg::Key("url")]),
                        msg!("G0211", url = url),
                    )
                    .field("sources.url")
                    .help(msg!("G0211.help")),
                );
            }
        }
    });
    summary_length(d, &p.text.vi.origin, &p.text.vi.summary);
    if let Some(en) = &p.text.en {
        summary_length(d, &en.origin, &en.summary);
    }
    photo(d, site, p);
}

/// One profile per person or collective: the same folded name and
/// organisation twice is an error on every profile after the first.
fn duplicates(d: &mut Vec<Diagnostic>, site: &Site, scope: &Scope, memo: &mut Memo) {
    let groups: Vec<Vec<&str>> = match scope {
        Scope::All => {
            memo.identities = site
                .profiles
                .iter()
                .map(|p| (p.slug.clone(), identity(p)))
                .collect();
            let mut by_who: BTreeMap<&(String, String), Vec<&str>> = BTreeMap::new();
            for p in &site.profiles {
                by_who
                    .entry(&memo.identities[&p.slug])
                    .or_default()
                    .push(&p.slug);
            }
            by_who.into_values().collect()
        }
        Scope::Profiles(slugs) | Scope::Cards(slugs) | Scope::Shared(slugs) => {
            memo.refresh(site, slugs);
            // The last good site had no duplicates: only the edited profiles can.
            let wanted: BTreeSet<&(String, String)> = slugs
                .iter()
                .filter_map(|s| memo.identities.get(s))
                .collect();
            let mut by_who: BTreeMap<&(String, String), Vec<&str>> = BTreeMap::new();
            for (slug, who) in &memo.identities {
                if wanted.contains(who) {
                    by_who.entry(who).or_default().push(slug);
                }
            }
            by_who
                .into_values()
                .map(|mut v| {
                    v.sort_unstable();
                    v
                })
                .collect()
        }
    };
    for group in groups.iter().filter(|g| g.len() > 1) {
        let first = group[0];
        for slug in &group[1..] {
            let Some(p) = profile_by_slug(site, slug) else {
                continue;
            };
            d.push(
                Diagnostic::error(
                    p.text.vi.origin.loc(&[Seg::Key("name")]),
                    msg!("G0212", first = first),
                )
                .field("name")
                .help(msg!("G0212.help")),
            );
        }
    }
}

/// `check` each item of the list `key` until it has found
/// [`MAX_LIST_ERRORS`] mistakes; then one line says the rest are unchecked.
fn each_item<T>(
    d: &mut Vec<Diagnostic>,
    o: &Origin,
    key: &str,
    items: &[T],
    mut check: impl FnMut(&mut Vec<Diagnostic>, usize, &T),
) {
    let from = d.len();
    for (i, item) in items.iter().enumerate() {
        if d.len() - from >= MAX_LIST_ERRORS {
            let (max, count) = (MAX_LIST_ERRORS, items.len() - i);
            d.push(
                Diagnostic::error(
                    o.loc(&[Seg::Key(key), Seg::Index(i)]),
                    msg!("G0213", key = key, max = max, count = count),
                )
                .field(key)
                .help(msg!("G0213.help")),
            );
            return;
        }
        check(d, i, item);
    }
}

fn key_exists<'a>(
    d: &mut Vec<Diagnostic>,
    o: &Origin,
    at: &[Seg],
    field: &str,
    key: &str,
    valid: impl Iterator<Item = &'a String> + Clone,
    table: &str,
) {
    key_exists_str(d, o, at, field, key, valid.map(String::as_str), table)
}

fn key_exists_str<'a>(
    d: &mut Vec<Diagnostic>,
    o: &Origin,
    at: &[Seg],
    field: &str,
    key: &str,
    valid: impl Iterator<Item = &'a str> + Clone,
    table: &str,
) {
    if valid.clone().any(|k| k == key) {
        return;
    }
    if key.is_empty() {
        let keys = valid.collect::<Vec<&str>>().join(", ");
        let help = msg!("G0214.help", field = field, table = table, keys = keys);
        d.push(
            Diagnostic::error(o.loc(at), msg!("G0214", field = field))
                .field(field)
                .help(help),
        );
        return;
    }
    let mut diag =
        Diagnostic::error(o.loc(at), msg!("G0215", key = key, table = table)).field(field);
    diag = match closest(key, valid.clone()) {
        Some(best) => diag.help(did_you_mean(best)),
        None => {
            let all: Vec<&str> = valid.collect();
            if all.is_empty() {
                diag.help(msg!("validate-no-keys-yet", table = table, key = key))
            } else {
                diag.help(msg!("G0215.help", keys = all.join(", ")))
            }
        }
    };
    d.push(diag);
}

fn summary_length(d: &mut Vec<Diagnostic>, o: &Origin, summary: &str) {
    let n = summary.chars().count();
    if n > SUMMARY_MAX_CHARS {
        d.push(
            Diagnostic::error(
                o.loc(&[Seg::Key("summary")]),
                msg!("G0216", count = n, max = SUMMARY_MAX_CHARS),
            )
            .field("summary")
            .help(msg!("G0216.help")),
        );
    }
}

/// A profile that still carries the sample texts of `guong new`: an error
/// once published, a warning while it is a draft (previewed with --drafts).
fn placeholders(d: &mut Vec<Diagnostic>, p: &Profile) {
    let vi = &p.text.vi;
    if vi.summary.trim() == samples::PROFILE_SUMMARY {
        let at = vi.origin.loc(&[Seg::Key("summary")]);
        let diag = if p.draft {
            Diagnostic::warning(at, msg!("G0217"))
        } else {
            Diagnostic::error(at, msg!("G0217"))
        };
        d.push(diag.field("summary").help(msg!("G0217.help")));
    }
    sample_story(d, &vi.body, &vi.origin, samples::PROFILE_STORY, p.draft);
}

/// A story that still has the template's sample line.
fn sample_story(d: &mut Vec<Diagnostic>, body: &str, o: &Origin, sample: &str, draft: bool) {
    let Some(n) = body.lines().position(|l| l.contains(sample)) else {
        return;
    };
    let at = crate::error::Location::at(&o.path, o.body_line(n + 1), Some(1));
    let diag = if draft {
        Diagnostic::warning(at, msg!("G0218"))
    } else {
        Diagnostic::error(at, msg!("G0218"))
    };
    d.push(diag.help(msg!("G0218.help")));
}

/// The profile's portrait and the images of its stories: files of its
/// bundle, each portrait with the text read out in its place.
fn photo(d: &mut Vec<Diagnostic>, site: &Site, p: &Profile) {
    let o = &p.text.vi.origin;
    if let Some(photo) = &p.photo {
        if let Some((msg, help)) = bundle_photo(site, p, photo) {
            d.push(
                Diagnostic::error(o.loc(&[Seg::Key("photo")]), msg)
                    .field("photo")
                    .help(help),
            );
        }
        if p.text.vi.photo_alt.is_none() {
            d.push(
                Diagnostic::error(o.loc(&[Seg::Key("photo")]), msg!("G0219"))
                    .field("photo_alt")
                    .help(msg!("G0219.help")),
            );
        }
    }
    // Images in the story are photos of the bundle too: no outside requests, no missing files.
    for text in std::iter::once(&p.text.vi).chain(p.text.en.as_ref()) {
        let images = crate::markdown::references(&text.body)
            .into_iter()
            .filter(|r| r.image);
        for r in images {
            let src = &r.dest;
            let problem = if crate::paths::is_local(src) {
                bundle_photo(site, p, src)
            } else {
                Some((msg!("G0220", src = src), msg!("G0220.help")))
            };
            if let Some((msg, help)) = problem {
                let loc = crate::error::Location::at(
                    &text.origin.path,
                    text.origin.body_line(r.line),
                    Some(r.col),
                );
                d.push(Diagnostic::error(loc, msg).help(help));
            }
        }
    }
}

/// The photos `validate` refused, as (profile slug, file as written): the
/// images stage of `check` leaves them out and draws the rest.
pub type RejectedPhotos = BTreeSet<(String, String)>;

/// Every photo of the site that [`bundle_photo`] refuses: the profile
/// photos and the local images of the stories.
pub fn rejected_photos(site: &Site) -> RejectedPhotos {
    let mut out = RejectedPhotos::new();
    for p in &site.profiles {
        let stories = std::iter::once(&p.text.vi).chain(p.text.en.as_ref());
        let images = stories.flat_map(|t| crate::markdown::image_sources(&t.body));
        for file in p
            .photo
            .iter()
            .cloned()
            .chain(images.filter(|s| crate::paths::is_local(s)))
        {
            if bundle_photo(site, p, &file).is_some() {
                out.insert((p.slug.clone(), file));
            }
        }
    }
    out
}

/// Is `file` a photo inside the profile's bundle? Returns the problem and a fix.
pub fn bundle_photo(site: &Site, p: &Profile, file: &str) -> Option<(Msg, Msg)> {
    let path = Path::new(file);
    if path.is_absolute()
        || path
            .components()
            .any(|c| !matches!(c, Component::Normal(_)))
        || file.contains('\\')
        || file.contains(':')
    {
        return Some((msg!("G0221", file = file), msg!("G0221.help")));
    }
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if !PHOTO_EXTENSIONS.contains(&ext.as_str()) {
        return Some((msg!("G0222", file = file), msg!("G0222.help")));
    }
    let full = site.config.root.join(&p.bundle).join(path);
    if std::fs::symlink_metadata(&full).is_ok_and(|m| m.file_type().is_symlink()) {
        return Some((msg!("G0223", file = file), msg!("G0223.help")));
    }
    if !full.is_file() {
        let files: Vec<String> = std::fs::read_dir(site.config.root.join(&p.bundle))
            .map(|rd| {
                rd.filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .filter(|n| !n.ends_with(".md"))
                    .collect()
            })
            .unwrap_or_default();
        let help = match closest(file, files.iter().map(String::as_str)) {
            // Same letters, other code points: macOS stores accents decomposed (NFD).
            Some(best) if crate::text::fold::nfc(best) == crate::text::fold::nfc(file) => {
                let stem = path.file_stem().unwrap_or_default().to_string_lossy();
                let name = crate::text::fold::slugify(&stem) + "." + &ext;
                msg!("validate-photo-nfd", name = name)
            }
            Some(best) => did_you_mean(best),
            None => msg!("G0224.help"),
        };
        return Some((msg!("G0224", file = file, folder = &p.bundle), help));
    }
    None
}
