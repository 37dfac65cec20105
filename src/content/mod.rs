//! The content stage: walk `content/`, check each file's bytes, split front
//! matter, parse it into typed documents and pair Vietnamese files with their
//! translations. Cross-file rules (keys, photos, duplicates) are `validate`'s.
//!
//! Every problem becomes a [`Diagnostic`]; loading never stops at the first.

mod front_matter;
mod kinds;

use crate::config::Lang;
use crate::error::{Diagnostic, Location};
use crate::messages::{msg, Msg};
use crate::site::{Congress, Movement, Page, Profile};
use crate::source::{check_text, read_site_file, unlinked};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub use front_matter::{schemas, PROFILE_TEMPLATE_KEYS};

/// The sample texts `guong new` writes into its templates, to be replaced
/// by the writer. A published page that still carries one is an error
/// (`validate`): the site must never say "one sentence of at most 300
/// characters" about a real person.
pub mod samples {
    /// The sample summary of a new profile.
    pub const PROFILE_SUMMARY: &str =
        "Một câu tóm tắt (tối đa 300 ký tự) cho thẻ và kết quả tìm kiếm.";
    /// The sample story of a new profile.
    pub const PROFILE_STORY: &str =
        "Câu chuyện về điển hình tiên tiến: chỉ viết những gì nguồn tài liệu nói.";
    /// The sample text of a new movement.
    pub const MOVEMENT_STORY: &str = "Nội dung, mục tiêu và kết quả của phong trào.";
}

/// Which document a Markdown file is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum DocKey {
    Profile(String),
    Congress(String),
    Movement(String),
    Page(String),
}

/// A parsed file, not yet paired with its other language.
enum Parsed {
    ProfileVi(front_matter::ProfileVi),
    ProfileEn(front_matter::ProfileEn),
    CongressVi(front_matter::CongressVi),
    CongressEn(front_matter::CongressEn),
    MovementVi(front_matter::MovementVi),
    MovementEn(front_matter::MovementEn),
    PageVi(front_matter::PageVi),
    PageEn(front_matter::PageEn),
}

/// The loaded content of a site.
#[derive(Debug, Default)]
pub struct Content {
    pub profiles: Vec<Profile>,
    pub congresses: Vec<Congress>,
    pub movements: Vec<Movement>,
    pub pages: Vec<Page>,
}

/// Front matter and body of a Markdown file: (front matter, its first line, body).
pub fn split_front_matter<'a>(
    text: &'a str,
    rel: &Path,
) -> Result<(&'a str, usize, &'a str), Diagnostic> {
    let rest = text.strip_prefix("---\n").ok_or_else(|| {
        Diagnostic::error(Location::at(rel, 1, Some(1)), msg!("G0120")).help(msg!("G0120.help"))
    })?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let fm = &rest[..offset];
            let body = &rest[offset + line.len()..];
            return Ok((fm, 2, body));
        }
        offset += line.len();
    }
    Err(Diagnostic::error(Location::at(rel, 1, Some(1)), msg!("G0122")).help(msg!("G0122.help")))
}

/// A path that is not where a document can be: what is wrong and the fix.
type Misplaced = (Msg, Msg);

/// Classify a path under `content/`; `None` for files that are not documents.
fn classify(rel_to_content: &Path) -> Result<Option<(DocKey, Lang)>, Misplaced> {
    let parts: Vec<String> = rel_to_content
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let name = parts.last().cloned().unwrap_or_default();
    if !name.ends_with(".md") {
        return Ok(None);
    }
    let stem = &name[..name.len() - 3];
    let (base, lang) = match stem.rsplit_once('.') {
        Some((b, l)) => match Lang::from_code(l) {
            Some(lang) => (b.to_string(), lang),
            None => return Err((msg!("G0123", lang = l), msg!("G0123.help"))),
        },
        None => return Err((msg!("G0124"), msg!("G0124.help"))),
    };
    let key = match parts
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["profiles", slug, _] if base == "index" => DocKey::Profile(slug.to_string()),
        ["profiles", _, _] => return Err((msg!("G0125"), msg!("G0125.help"))),
        ["profiles", _] => return Err((msg!("G0126"), msg!("G0126.help"))),
        ["congresses", _] => DocKey::Congress(base),
        ["movements", _] => DocKey::Movement(base),
        ["pages", _] => DocKey::Page(base),
        _ => return Err((msg!("G0127"), msg!("G0127.help"))),
    };
    Ok(Some((key, lang)))
}

/// What changed when a file changed, for a partial reload.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Changed {
    /// A file of this profile's bundle (its texts or photos).
    Profile(String),
    /// A congress, movement or page file: that whole (small) folder.
    Folder(&'static str),
}

/// What a path inside `content/` belongs to; `None` outside the content.
pub fn changed(root: &Path, path: &Path) -> Option<Changed> {
    let within = path
        .strip_prefix(root)
        .unwrap_or(path)
        .strip_prefix("content")
        .ok()?;
    let mut parts = within.iter().map(|p| p.to_string_lossy());
    match parts.next()?.as_ref() {
        "profiles" => Some(Changed::Profile(parts.next()?.into_owned())),
        "congresses" => Some(Changed::Folder("congresses")),
        "movements" => Some(Changed::Folder("movements")),
        "pages" => Some(Changed::Folder("pages")),
        _ => None,
    }
}

/// Load and pair every document under `root/content`.
pub fn load(root: &Path, drafts: bool) -> (Content, Vec<Diagnostic>) {
    let content_dir = root.join("content");
    if let Err(error) = unlinked(root, Path::new("content")) {
        return (Content::default(), vec![error]);
    }
    if !content_dir.is_dir() {
        let warning =
            Diagnostic::warning(Location::file("content"), msg!("G0128")).help(msg!("G0128.help"));
        return (Content::default(), vec![warning]);
    }
    load_under(root, &content_dir, drafts)
}

/// Load just what changed (a profile bundle, or one folder of documents):
/// `serve` reloads a single file of ten thousand this way.
pub fn load_changed(root: &Path, what: &Changed, drafts: bool) -> (Content, Vec<Diagnostic>) {
    let dir = match what {
        Changed::Profile(slug) => root.join("content/profiles").join(slug),
        Changed::Folder(name) => root.join("content").join(name),
    };
    if !dir.is_dir() {
        return (Content::default(), Vec::new());
    }
    load_under(root, &dir, drafts)
}

/// Load and pair every document under `dir` (inside `root/content`).
fn load_under(root: &Path, dir: &Path, drafts: bool) -> (Content, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let content_dir = root.join("content");
    let mut files: Vec<(DocKey, Lang, PathBuf)> = Vec::new();
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name();
    for entry in walker.into_iter() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e
                    .path()
                    .map(|p| rel(root, p))
                    .unwrap_or_else(|| PathBuf::from("content"));
                diags.push(
                    Diagnostic::error(Location::file(path), msg!("G0129", detail = e.to_string()))
                        .help(msg!("G0129.help")),
                );
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy();
        if name.starts_with('.') || name.ends_with('~') {
            continue;
        }
        let relpath = rel(root, entry.path());
        if entry.path_is_symlink() {
            diags.push(
                Diagnostic::error(Location::file(&relpath), msg!("G0130")).help(msg!("G0130.help")),
            );
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let within = entry
            .path()
            .strip_prefix(&content_dir)
            .unwrap_or(entry.path());
        match classify(within) {
            Ok(Some((key, lang))) => files.push((key, lang, relpath)),
            Ok(None) => {}
            Err((m, help)) => diags.push(Diagnostic::error(Location::file(&relpath), m).help(help)),
        }
    }

    let parsed: Vec<(DocKey, ParsedFile)> = files
        .par_iter()
        .map(|(key, lang, relpath)| (key.clone(), parse_file(root, key, *lang, relpath)))
        .collect();

    // (Vietnamese, English, whether a file of the pair failed to parse)
    let mut groups: BTreeMap<DocKey, (Option<Parsed>, Option<Parsed>, bool)> = BTreeMap::new();
    for (key, (doc, ds)) in parsed {
        diags.extend(ds);
        let slot = groups.entry(key).or_default();
        match doc {
            Some(
                d @ (Parsed::ProfileVi(_)
                | Parsed::CongressVi(_)
                | Parsed::MovementVi(_)
                | Parsed::PageVi(_)),
            ) => slot.0 = Some(d),
            Some(d) => slot.1 = Some(d),
            // Remember the failure so a broken Vietnamese file does not also
            // report its translation as "without original".
            None => slot.2 = true,
        }
    }
    let mut content = Content::default();
    for (key, (vi, en, failed)) in groups {
        if failed && vi.is_none() {
            continue;
        }
        kinds::assemble(key_name(&key), vi, en, drafts, &mut content, &mut diags);
    }
    (content, diags)
}

/// Read the text of a Vietnamese profile file (`rel` =
/// `content/profiles/<slug>/index.vi.md`) exactly as [`load`] would, for
/// commands that write profiles and must check them first (`guong import`).
pub fn parse_profile(rel: &Path, text: &str) -> Result<Profile, Vec<Diagnostic>> {
    let text = check_text(text.as_bytes(), rel).map_err(|d| vec![d])?;
    let (fm, first_line, body) = split_front_matter(&text, rel).map_err(|d| vec![d])?;
    let origin = crate::site::Origin::new(rel.to_path_buf(), fm.to_string(), first_line);
    let slug = rel
        .parent()
        .and_then(Path::file_name)
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (doc, mut diags) = kinds::parse(kinds::DocKind::Profile, Lang::Vi, fm, body, origin);
    let Some(doc) = doc else { return Err(diags) };
    let mut content = Content::default();
    kinds::assemble(&slug, Some(doc), None, true, &mut content, &mut diags);
    match content.profiles.pop() {
        Some(p) if diags.is_empty() => Ok(p),
        _ => Err(diags),
    }
}

/// One content file's bytes (`rel` = `content/…`, relative to the site
/// root) through the same steps as [`load`]: classify the path, check the
/// bytes, split and parse the front matter, assemble the document alone (an
/// English file alone is reported as without original). For the fuzz
/// target, which must exercise the real path without touching files.
pub fn parse_document(rel: &Path, bytes: &[u8], drafts: bool) -> (Content, Vec<Diagnostic>) {
    let mut content = Content::default();
    let within = rel.strip_prefix("content").unwrap_or(rel);
    let (key, lang) = match classify(within) {
        Ok(Some(found)) => found,
        Ok(None) => return (content, Vec::new()),
        Err((m, help)) => {
            return (
                content,
                vec![Diagnostic::error(Location::file(rel), m).help(help)],
            )
        }
    };
    let (doc, mut diags) = parse_bytes(&key, lang, rel, bytes);
    if let Some(doc) = doc {
        let (vi, en) = match lang {
            Lang::Vi => (Some(doc), None),
            Lang::En => (None, Some(doc)),
        };
        kinds::assemble(key_name(&key), vi, en, drafts, &mut content, &mut diags);
    }
    (content, diags)
}

fn key_name(key: &DocKey) -> &str {
    match key {
        DocKey::Profile(s) | DocKey::Congress(s) | DocKey::Movement(s) | DocKey::Page(s) => s,
    }
}

/// A file's document (when its required keys are there) and its mistakes.
type ParsedFile = (Option<Parsed>, Vec<Diagnostic>);

fn parse_file(root: &Path, key: &DocKey, lang: Lang, relpath: &Path) -> ParsedFile {
    let bytes = read_site_file(root, relpath).and_then(|b| {
        b.ok_or_else(|| {
            Diagnostic::error(Location::file(relpath), msg!("G0121")).help(msg!("G0121.help"))
        })
    });
    match bytes {
        Ok(bytes) => parse_bytes(key, lang, relpath, &bytes),
        Err(d) => (None, vec![d]),
    }
}

fn parse_bytes(key: &DocKey, lang: Lang, relpath: &Path, bytes: &[u8]) -> ParsedFile {
    let text = match check_text(bytes, relpath) {
        Ok(text) => text,
        Err(d) => return (None, vec![d]),
    };
    // Reported with the file's other mistakes, which still get looked for.
    let mut errors = crate::source::legacy_encoding(&text, relpath);
    match split_front_matter(&text, relpath) {
        Ok((fm, first_line, body)) => {
            let origin =
                crate::site::Origin::new(relpath.to_path_buf(), fm.to_string(), first_line);
            let (doc, more) = kinds::parse(key_kind(key), lang, fm, body, origin);
            errors.extend(more);
            (doc, errors)
        }
        Err(d) => {
            errors.push(d);
            (None, errors)
        }
    }
}

fn key_kind(key: &DocKey) -> kinds::DocKind {
    match key {
        DocKey::Profile(_) => kinds::DocKind::Profile,
        DocKey::Congress(_) => kinds::DocKind::Congress,
        DocKey::Movement(_) => kinds::DocKind::Movement,
        DocKey::Page(_) => kinds::DocKind::Page,
    }
}

fn rel(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_content_paths() {
        let c = |p: &str| classify(Path::new(p));
        assert_eq!(
            c("profiles/a-b/index.vi.md"),
            Ok(Some((DocKey::Profile("a-b".into()), Lang::Vi)))
        );
        assert_eq!(
            c("congresses/06.en.md"),
            Ok(Some((DocKey::Congress("06".into()), Lang::En)))
        );
        assert_eq!(c("profiles/a-b/photo.jpg"), Ok(None));
        assert!(c("profiles/a.vi.md").is_err());
        assert!(c("profiles/a/notes.vi.md").is_err());
        let (wrong, _) = c("movements/x.fr.md").unwrap_err();
        assert_eq!(wrong.code(), Some("G0123"));
        assert!(wrong.render(Lang::En).contains("`fr`"));
        assert!(wrong.render(Lang::Vi).contains("`fr`"));
        assert!(c("movements/x.md").is_err());
        assert!(c("blog/x.vi.md").is_err());
    }

    #[test]
    fn one_document_parses_as_the_loader_would() {
        let text = "---\nname: Hồ Sơ Thử\nkind: individual\nfield: y-te\nsummary: Hư cấu.\ndate: 2025-01-02\n---\nx\n";
        let rel = Path::new("content/profiles/ho-so-thu/index.vi.md");
        let (content, diags) = parse_document(rel, text.as_bytes(), false);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(content.profiles[0].slug, "ho-so-thu");
        let (_, diags) = parse_document(rel, &text.as_bytes()[..20], false);
        assert_eq!(diags[0].code(), Some("G0122"), "{diags:?}");
        let en = Path::new("content/profiles/ho-so-thu/index.en.md");
        let (_, diags) = parse_document(en, text.as_bytes(), false);
        assert!(diags.iter().any(|d| d.location.path == en), "{diags:?}");
        let (_, diags) = parse_document(Path::new("content/blog/a.vi.md"), b"", false);
        assert_eq!(diags[0].code(), Some("G0127"), "{diags:?}");
    }

    #[test]
    fn front_matter_split_reports_lines() {
        let (fm, line, body) =
            split_front_matter("---\na: 1\n---\nbody\n", Path::new("f")).unwrap();
        assert_eq!((fm, line, body), ("a: 1\n", 2, "body\n"));
        assert!(split_front_matter("a: 1\n", Path::new("f")).is_err());
        let open = split_front_matter("---\na: 1\n", Path::new("f")).unwrap_err();
        assert_eq!(open.code(), Some("G0122"));
        assert!(open.message.render(Lang::En).contains("not closed"));
        assert!(open.message.render(Lang::Vi).contains("chưa được đóng"));
    }
}
