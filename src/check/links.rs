//! Links, anchors and images: every address inside the site leads to a file
//! the build makes, and every `#anchor` to an element of that page.
//!
//! Every built HTML page is read once, for its anchors and its addresses.
//! What staff wrote — Markdown bodies, a profile's source URLs — is then
//! resolved from its source, so a problem is reported at the file and line
//! they wrote. What is wrong on the built pages and did not come from
//! content (templates: navigation, pagination, share previews) is reported
//! at the built page, once per address, naming the template that drew it.

use super::html::{self, Use};
pub use super::resolve::{Resolver, Target};
use crate::config::Lang;
use crate::error::{Diagnostic, Location};
use crate::messages::{msg, Msg};
use crate::output::OutFile;
use crate::paths::{output_file, site_path_of, Urls};
use crate::site::{Origin, Site};
use crate::yaml::Seg;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// What is wrong with a target.
enum Problem<'b> {
    Missing,
    NoAnchor(&'b HashSet<String>),
    OutsideBase,
}

/// The built site: every file, and the anchors of each HTML page.
struct Built<'f> {
    files: HashMap<&'f str, Option<HashSet<String>>>,
}

/// An address on a built page that may lead nowhere.
struct PageRef<'f> {
    used_as: Use,
    url: String,
    target: Target,
    file: &'f OutFile,
    line: usize,
}

/// `#` and `#top` scroll to the top in every browser; other anchors need an element.
fn needs_element(anchor: &Option<String>) -> Option<&str> {
    anchor
        .as_deref()
        .filter(|a| !a.is_empty() && !a.eq_ignore_ascii_case("top"))
}

impl<'f> Built<'f> {
    /// Read every built page once, in parallel: keep its anchors, and of the
    /// addresses on it those that may lead nowhere. A link to an anchor of
    /// another page waits until every page's anchors are known.
    fn read(r: &Resolver, files: &'f [OutFile]) -> (Built<'f>, Vec<PageRef<'f>>) {
        let is_html = |f: &&OutFile| f.path.ends_with(".html");
        let mut built = Built {
            files: files.iter().map(|f| (f.path.as_str(), None)).collect(),
        };
        let pages: Vec<(&str, HashSet<String>, Vec<PageRef>)> = files
            .par_iter()
            .filter(is_html)
            .map(|f| {
                let (anchors, refs) = html::scan(&String::from_utf8_lossy(&f.bytes));
                let page = site_path_of(&f.path);
                let doubtful = refs
                    .into_iter()
                    .filter_map(|link| {
                        let target = r.resolve(&page, &link.url);
                        let keep = match (&target, built.problem(&target)) {
                            (_, Some(_)) => true,
                            (Target::Site { path, anchor }, None) => {
                                match (built.file(path), needs_element(anchor)) {
                                    (Some(file), Some(a)) if file == f.path => !anchors.contains(a),
                                    (Some(file), Some(_)) => file.ends_with(".html"),
                                    _ => false,
                                }
                            }
                            _ => false,
                        };
                        keep.then_some(PageRef {
                            used_as: link.used_as,
                            url: link.url,
                            target,
                            file: f,
                            line: link.line,
                        })
                    })
                    .collect();
                (f.path.as_str(), anchors, doubtful)
            })
            .collect();
        let mut doubtful = Vec::new();
        for (path, anchors, refs) in pages {
            built.files.insert(path, Some(anchors));
            doubtful.extend(refs);
        }
        doubtful.retain(|d| built.problem(&d.target).is_some());
        (built, doubtful)
    }

    /// The file a site path is served from: `/a/` → `a/index.html`; `/a`
    /// also finds `a/index.html` (servers redirect to the folder).
    fn file(&self, path: &str) -> Option<&'f str> {
        let direct = output_file(path);
        if let Some((k, _)) = self.files.get_key_value(direct.as_str()) {
            return Some(k);
        }
        if path.ends_with('/') {
            return None;
        }
        let folder = output_file(&format!("{path}/"));
        self.files.get_key_value(folder.as_str()).map(|(k, _)| *k)
    }

    fn problem(&self, target: &Target) -> Option<Problem<'_>> {
        match target {
            Target::Elsewhere => None,
            Target::OutsideBase(_) => Some(Problem::OutsideBase),
            Target::Site { path, anchor } => {
                let Some(file) = self.file(path) else {
                    return Some(Problem::Missing);
                };
                match (&self.files[file], needs_element(anchor)) {
                    (Some(anchors), Some(a)) if !anchors.contains(a) => {
                        Some(Problem::NoAnchor(anchors))
                    }
                    _ => None,
                }
            }
        }
    }

    /// A page beside `path` whose name is close: the likely typo's fix.
    fn near(&self, path: &str) -> Option<String> {
        let trimmed = path.trim_end_matches('/');
        let (parent, name) = trimmed.rsplit_once('/')?;
        let prefix = output_file(&format!("{parent}/"));
        let prefix = prefix.trim_end_matches("index.html");
        let siblings: Vec<&str> = self
            .files
            .keys()
            .filter_map(|f| f.strip_prefix(prefix))
            .filter_map(|rest| rest.strip_suffix("/index.html"))
            .filter(|rest| !rest.contains('/'))
            .collect();
        let best = crate::yaml::closest(name, siblings.iter().copied())?;
        Some(format!("{parent}/{best}/"))
    }
}

/// A message and a hint for `problem` of the address `raw`, used as
/// `used_as`. `english`: found on the English page of a Vietnamese text not
/// yet translated (a relative address may work on one page and not the other).
fn describe(
    r: &Resolver,
    built: &Built,
    used_as: Use,
    raw: &str,
    target: &Target,
    problem: &Problem,
    english: bool,
) -> (Msg, Msg) {
    let path = match target {
        Target::Site { path, .. } => path.as_str(),
        Target::OutsideBase(p) => p.as_str(),
        Target::Elsewhere => "",
    };
    // "none": the address is the path itself, so the message need not repeat it.
    let leads = if raw.trim_end_matches('/') == path.trim_end_matches('/') {
        "none"
    } else {
        path
    };
    let en = if english { "yes" } else { "no" };
    match problem {
        Problem::Missing => match used_as {
            Use::Image => (
                msg!("G0403", address = raw, target = leads, english = en),
                msg!("G0403.help"),
            ),
            Use::Link => (
                msg!("G0404", address = raw, target = leads, english = en),
                match built.near(path) {
                    Some(near) => msg!("check-did-you-mean-page", address = r.href(&near)),
                    None => msg!("G0404.help"),
                },
            ),
            Use::Resource => (
                msg!("G0405", address = raw, target = leads),
                msg!("G0405.help"),
            ),
        },
        Problem::NoAnchor(anchors) => {
            let anchor = match target {
                Target::Site {
                    anchor: Some(a), ..
                } => a.as_str(),
                _ => "",
            };
            let help = match crate::yaml::closest(anchor, anchors.iter().map(String::as_str)) {
                Some(best) => msg!("check-did-you-mean-anchor", anchor = best),
                None => msg!("G0406.help"),
            };
            let (p, a) = (path, anchor);
            let message = msg!("G0406", address = raw, page = p, anchor = a, english = en);
            (message, help)
        }
        Problem::OutsideBase => (
            msg!("G0407", address = raw, base_url = r.base_url, english = en),
            msg!("G0407.help", address = raw, base_path = r.base_path),
        ),
    }
}

/// A Markdown body and the pages it is shown on (a Vietnamese body also on
/// the English page while it has no translation).
struct Body<'a> {
    text: &'a str,
    origin: &'a Origin,
    pages: Vec<(Lang, String)>,
    /// Profile stories' images are `validate`'s: it checks them in the folder.
    profile: bool,
}

type Text<'a> = (&'a str, &'a Origin);

fn add<'a>(
    out: &mut Vec<Body<'a>>,
    vi: Text<'a>,
    en: Option<Text<'a>>,
    url: impl Fn(Lang) -> String,
    profile: bool,
) {
    let mut vi_pages = vec![(Lang::Vi, url(Lang::Vi))];
    match en {
        Some((text, origin)) => out.push(Body {
            text,
            origin,
            pages: vec![(Lang::En, url(Lang::En))],
            profile,
        }),
        None => vi_pages.push((Lang::En, url(Lang::En))),
    }
    out.push(Body {
        text: vi.0,
        origin: vi.1,
        pages: vi_pages,
        profile,
    });
}

fn bodies(site: &Site) -> Vec<Body<'_>> {
    let urls = Urls::new(&site.config);
    let mut out = Vec::new();
    for p in &site.profiles {
        let en = p.text.en.as_ref().map(|t| (t.body.as_str(), &t.origin));
        let vi = (p.text.vi.body.as_str(), &p.text.vi.origin);
        add(&mut out, vi, en, |l| urls.profile(l, &p.slug), true);
    }
    for c in &site.congresses {
        let en = c.text.en.as_ref().map(|t| (t.body.as_str(), &t.origin));
        let vi = (c.text.vi.body.as_str(), &c.text.vi.origin);
        add(&mut out, vi, en, |l| urls.congress(l, c.number), false);
    }
    for m in &site.movements {
        let en = m.text.en.as_ref().map(|t| (t.body.as_str(), &t.origin));
        let vi = (m.text.vi.body.as_str(), &m.text.vi.origin);
        add(&mut out, vi, en, |l| urls.movement(l, &m.slug), false);
    }
    for p in &site.pages {
        let en = p.text.en.as_ref().map(|t| (t.body.as_str(), &t.origin));
        let vi = (p.text.vi.body.as_str(), &p.text.vi.origin);
        add(&mut out, vi, en, |l| urls.page(l, &p.slug), false);
    }
    out
}

/// Addresses written in content, checked where they were written.
struct FromContent<'a> {
    r: &'a Resolver<'a>,
    built: &'a Built<'a>,
    diags: Vec<Diagnostic>,
    /// Per built page, the targets content put there: the pass over built
    /// pages leaves them alone (they are reported at their source).
    targets: HashMap<String, HashSet<Target>>,
}

impl FromContent<'_> {
    /// `raw`, written at `at`, shown on the page at site path `page`.
    /// `report`: false when another stage owns the problem (profile images).
    fn address(
        &mut self,
        page: &str,
        raw: &str,
        used_as: Use,
        at: &dyn Fn() -> Location,
        english: bool,
        report: bool,
    ) -> Option<(Target, Diagnostic)> {
        let target = self.r.resolve(page, raw);
        let problem = report.then(|| self.built.problem(&target)).flatten();
        let found = problem.map(|problem| {
            let (message, help) =
                describe(self.r, self.built, used_as, raw, &target, &problem, english);
            let d = Diagnostic::error(at(), message).help(help);
            (target.clone(), d)
        });
        self.targets
            .entry(output_file(page))
            .or_default()
            .insert(target);
        found
    }
}

/// Every internal link, anchor and image of the site that leads nowhere.
/// `content_ok`: loading and validation found no error; otherwise the
/// templates' own links are left for the next run, because broken content
/// makes them point at pages that do not exist (an unknown field key, say,
/// becomes a link to a field page that is never made) and each would repeat
/// an error already reported.
pub fn check(site: &Site, files: &[OutFile], content_ok: bool) -> Vec<Diagnostic> {
    let r = Resolver {
        base_url: &site.config.base_url,
        base_path: &site.config.base_path,
    };
    let (built, doubtful) = crate::timing::timed("check pages", || Built::read(&r, files));
    let mut content = FromContent {
        r: &r,
        built: &built,
        diags: Vec::new(),
        targets: HashMap::new(),
    };
    for body in bodies(site) {
        let body_start = body.origin.body_line(0);
        for reference in crate::markdown::references(body.text) {
            let line = body_start + reference.line;
            let at = || Location::at(&body.origin.path, line, Some(reference.col));
            let used_as = if reference.image {
                Use::Image
            } else {
                Use::Link
            };
            // A Vietnamese body shown on both language pages: a relative
            // address may work on one and not the other.
            let mut reported = Vec::new();
            for (lang, page) in &body.pages {
                let english = *lang == Lang::En && body.pages.len() > 1;
                let report = !(body.profile && reference.image);
                if let Some((target, d)) =
                    content.address(page, &reference.dest, used_as, &at, english, report)
                {
                    if !reported.contains(&target) {
                        content.diags.push(d);
                        reported.push(target);
                    }
                }
            }
        }
    }
    // Sources are shown on both language pages of a profile.
    let urls = Urls::new(&site.config);
    for p in &site.profiles {
        for (i, source) in p.sources.iter().enumerate() {
            let Some(url) = &source.url else { continue };
            // Found only for a broken address: finding the line of each of
            // thousands of sources would take minutes.
            let at = || {
                p.text
                    .vi
                    .origin
                    .loc(&[Seg::Key("sources"), Seg::Index(i), Seg::Key("url")])
            };
            for lang in Lang::ALL {
                let found = content.address(
                    &urls.profile(lang, &p.slug),
                    url,
                    Use::Link,
                    &at,
                    false,
                    true,
                );
                content
                    .diags
                    .extend(found.map(|(_, d)| d.field("sources.url")));
            }
        }
    }
    let mut diags = content.diags;
    let drawn = built_pages(&r, &built, doubtful, &content.targets);
    if content_ok {
        diags.extend(drawn);
    } else if !drawn.is_empty() {
        diags.push(
            Diagnostic::warning(
                Location::file("public/"),
                msg!("G0408", count = drawn.len()),
            )
            .help(msg!("G0408.help")),
        );
    }
    diags
}

/// The problems of the built pages that share an address and a kind of
/// problem: one wrong link in the navigation is one report, not thousands.
#[derive(Default)]
struct Group<'f> {
    /// (built file, line, what the address leads to there).
    pages: Vec<(&'f str, usize, Target)>,
    templates: BTreeSet<&'static str>,
}

/// What groups problems: how the address is used, the address, the kind of problem.
type GroupKey = (Use, String, u8);

fn kind(problem: &Problem) -> u8 {
    match problem {
        Problem::Missing => 0,
        Problem::NoAnchor(_) => 1,
        Problem::OutsideBase => 2,
    }
}

fn built_pages(
    r: &Resolver,
    built: &Built,
    doubtful: Vec<PageRef>,
    from_content: &HashMap<String, HashSet<Target>>,
) -> Vec<Diagnostic> {
    let found = doubtful.into_iter().filter_map(|d| {
        let problem = kind(&built.problem(&d.target)?);
        let ours = from_content.get(&d.file.path);
        if ours.is_some_and(|t| t.contains(&d.target)) {
            return None;
        }
        Some(((d.used_as, d.url, problem), d.file, d.line, d.target))
    });
    let mut groups: BTreeMap<GroupKey, Group> = BTreeMap::new();
    for (key, file, line, target) in found {
        let group = groups.entry(key).or_default();
        group.pages.push((&file.path, line, target));
        group.templates.extend(file.template);
    }
    groups
        .into_iter()
        .map(|((used_as, url, _), mut group)| {
            group.pages.sort();
            let (first, line, target) = &group.pages[0];
            let problem = built.problem(target).expect("kept only problems");
            let (message, _) = describe(r, built, used_as, &url, target, &problem, false);
            let names: Vec<String> = group.templates.iter().map(|t| format!("`{t}`")).collect();
            let examples: Vec<String> = group
                .pages
                .iter()
                .take(3)
                .map(|(p, _, _)| site_path_of(p))
                .collect();
            let more = if group.pages.len() > 3 { ", …" } else { "" };
            let (templates, n) = (names.join(", "), names.len());
            let pages = group.pages.len();
            let examples = format!("{}{more}", examples.join(", "));
            let help = msg!(
                "check-written-by-template",
                pages = pages,
                templates = templates,
                templates_count = n,
                examples = examples
            );
            Diagnostic::error(super::built_page(first, *line), message).help(help)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::resolve::tests::site_target;

    #[test]
    fn reads_pages_once_and_keeps_what_leads_nowhere() {
        let r = Resolver {
            base_url: "https://x.org",
            base_path: "",
        };
        let files = [
            OutFile::new(
                "index.html",
                "<a href=\"#main\">skip</a><main id=main>\
                 <a href=\"/dien-hinh/a/#thanh-tich\">ok</a>\
                 <a href=\"dien-hinh/a/#khong\">no anchor there</a>\
                 <a href=\"/dien-hinh/b/\">no page</a>\
                 <a href=\"#khong-co\">no anchor here</a>\
                 <a href=\"https://y.org/\">elsewhere</a><img src=\"/assets/style.css\"></main>",
            ),
            OutFile::new("dien-hinh/a/index.html", "<h2 id=\"thanh-tich\">x</h2>"),
            OutFile::new("dien-hinh/abc/index.html", ""),
            OutFile::new("assets/style.css", "h2{}"),
        ];
        let (built, doubtful) = Built::read(&r, &files);
        let urls: Vec<&str> = doubtful.iter().map(|d| d.url.as_str()).collect();
        assert_eq!(urls, ["dien-hinh/a/#khong", "/dien-hinh/b/", "#khong-co"]);
        let ok =
            |path: &str, anchor: Option<&str>| built.problem(&site_target(path, anchor)).is_none();
        assert!(ok("/", None));
        assert!(ok("/dien-hinh/a/", Some("thanh-tich")));
        assert!(ok("/dien-hinh/a", None), "servers redirect a folder");
        assert!(ok("/dien-hinh/a/", Some("top")));
        assert!(ok("/dien-hinh/a/", Some("")));
        assert!(ok("/assets/style.css", Some("anything")));
        assert!(!ok("/dien-hinh/a/", Some("thanh-tich-1")));
        assert!(!ok("/dien-hinh/b/", None));
        assert!(!ok("/assets/style.cs", None));
        assert_eq!(
            built.near("/dien-hinh/ab/").as_deref(),
            Some("/dien-hinh/abc/")
        );
    }

    #[test]
    fn site_paths_of_built_files() {
        assert_eq!(site_path_of("index.html"), "/");
        assert_eq!(site_path_of("en/profiles/a/index.html"), "/en/profiles/a/");
        assert_eq!(site_path_of("404.html"), "/404.html");
        assert_eq!(site_path_of("notindex.html"), "/notindex.html");
    }
}
