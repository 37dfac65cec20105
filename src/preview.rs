//! The site held in memory for `guong serve`, redrawn in part after each
//! edit. Saving one profile reloads that profile only, checks the whole
//! site again (cheap), and redraws that profile's pages, embeds and cards —
//! plus the listings when what they show of it changed. Only a change to the
//! configuration, data tables or theme redraws everything. The search index
//! is global (its statistics and content-hashed folder depend on every
//! document), so it is rebuilt whole, off the edit's path: see [`SearchJob`].
//!
//! A change that breaks the content is not applied: the last good site keeps
//! being served and the errors are returned for the browser overlay.

use crate::content::{self, Changed};
use crate::error::{Diagnostic, Location, Severity};
use crate::images::Images;
use crate::messages::msg;
use crate::output::OutFile;
use crate::paths::Urls;
use crate::render::Renderer;
use crate::scope::Scope;
use crate::search::SearchIndex;
use crate::site::{Movement, Profile, Site};
use crate::theme::Theme;
use crate::Options;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

/// Every file of the preview: path (as in the output folder) → bytes and the
/// generation of the last edit that changed it.
pub type Files = Arc<RwLock<HashMap<String, (Arc<Vec<u8>>, u64)>>>;

/// What an edited file means for the preview.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    /// Configuration, data tables or theme: everything is redrawn.
    Everything,
    /// Content: what it changed is worked out by comparing before and after
    /// (editors write temporary files, so file names say little).
    Content(Changed),
}

/// What a path under the site folder means for the preview (`None`: ignore
/// it — the output, caches, version control, editors' temporary files).
pub fn classify(root: &Path, path: &Path) -> Option<Change> {
    let rel = path.strip_prefix(root).ok()?;
    let name = rel.file_name()?.to_string_lossy();
    if name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name == "4913"
    {
        return None;
    }
    let first = rel.iter().next()?.to_string_lossy();
    match first.as_ref() {
        "content" => {
            let changed = content::changed(root, path)?;
            Some(Change::Content(changed))
        }
        "data" | "templates" | "themes" | "static" | "site.yaml" => Some(Change::Everything),
        _ => None,
    }
}

/// The outcome of one applied edit.
#[derive(Debug, Default)]
pub struct Update {
    /// Output paths whose bytes changed (or are new).
    pub changed: Vec<String>,
    /// Output paths that no longer exist.
    pub removed: Vec<String>,
    /// How many files were drawn (changed or not).
    pub drawn: usize,
    pub generation: u64,
    pub took: Duration,
    /// Warnings of the new site.
    pub warnings: Vec<Diagnostic>,
}

/// What a rebuild drew: the files, the output paths to remove, the warnings.
type Drawn = (Vec<OutFile>, Vec<String>, Vec<Diagnostic>);

/// The in-memory site. See the module documentation.
pub struct Preview {
    opts: Options,
    /// The last good site (`None` until a first build succeeds).
    state: Option<State>,
    files: Files,
    /// Edits not yet applied (because the content had errors): everything,
    /// or these documents.
    pending_everything: bool,
    pending: BTreeSet<Changed>,
    generation: u64,
    search_stale: bool,
}

struct State {
    site: Site,
    theme: Theme,
    renderer: Renderer,
    images: Images,
    search: SearchIndex,
    memo: crate::validate::Memo,
}

fn errors_only(diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diags
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect()
}

impl Preview {
    /// An empty preview; call [`Preview::rebuild`] to draw it.
    pub fn new(opts: &Options) -> Preview {
        Preview {
            opts: opts.clone(),
            state: None,
            files: Files::default(),
            pending_everything: true,
            pending: BTreeSet::new(),
            generation: 0,
            search_stale: true,
        }
    }

    /// The files, for the web server to read while edits are applied.
    pub fn files(&self) -> Files {
        self.files.clone()
    }

    pub fn generation(&self) -> u64 {
        self.generation
    }

    pub fn profiles(&self) -> usize {
        self.state.as_ref().map_or(0, |s| s.site.profiles.len())
    }

    /// Apply the edits of `paths` (and any still pending). `Ok(None)` when
    /// none of them concerns the site.
    pub fn apply(&mut self, paths: &[PathBuf]) -> Result<Option<Update>, Vec<Diagnostic>> {
        for path in paths {
            match classify(&self.opts.root, path) {
                Some(Change::Everything) => self.pending_everything = true,
                Some(Change::Content(what)) => {
                    self.pending.insert(what);
                }
                None => {}
            }
        }
        if !self.pending_everything && self.pending.is_empty() {
            return Ok(None);
        }
        self.rebuild().map(Some)
    }

    /// Apply what is pending: everything, or the content edits.
    pub fn rebuild(&mut self) -> Result<Update, Vec<Diagnostic>> {
        let start = Instant::now();
        let (files, removed, warnings) = if self.state.is_none() || self.pending_everything {
            self.rebuild_everything()?
        } else {
            let changes: Vec<Changed> = self.pending.iter().cloned().collect();
            self.rebuild_content(&changes)?
        };
        self.pending.clear();
        self.pending_everything = false;
        self.search_stale = true;
        let mut update = crate::timing::timed("publish", || self.publish(files, removed));
        update.took = start.elapsed();
        update.warnings = warnings;
        Ok(update)
    }

    /// Load, check and draw the whole site (the search index stays as it was
    /// until [`SearchJob`] replaces it).
    fn rebuild_everything(&mut self) -> Result<Drawn, Vec<Diagnostic>> {
        let loaded = crate::load(&self.opts).map_err(|e| e.0)?;
        let site = loaded.site;
        let theme = Theme::load(&site.config)?;
        let renderer = Renderer::new(&site, &theme)?;
        let (images, photo_files) = crate::images::process(&site, true)?;
        let search = self
            .state
            .as_ref()
            .map(|s| s.search.clone())
            .unwrap_or_default();
        let mut files = renderer.render(&site, &images, &search, &Scope::All)?;
        files.extend(renderer.offline_manifests(&site));
        files.extend(embeds(&site, &images, &theme, &Scope::All)?);
        files.extend(photo_files);
        // Whatever the new site no longer has goes (but the search index stays).
        let drawn: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
        let removed = self
            .files
            .read()
            .expect("files lock")
            .keys()
            .filter(|p| !p.starts_with("_search/") && !drawn.contains(p.as_str()))
            .cloned()
            .collect();
        self.state = Some(State {
            memo: crate::validate::Memo::of(&site),
            site,
            theme,
            renderer,
            images,
            search,
        });
        Ok((files, removed, loaded.warnings))
    }

    fn rebuild_content(&mut self, changes: &[Changed]) -> Result<Drawn, Vec<Diagnostic>> {
        let root = self.opts.root.clone();
        let drafts = self.opts.drafts;
        let state = self.state.as_mut().expect("a first build");
        let mut errors = Vec::new();
        let mut loaded = Vec::new();
        for what in changes {
            let (content, diags) =
                crate::timing::timed("load", || content::load_changed(&root, what, drafts));
            errors.extend(errors_only(diags));
            loaded.push((what.clone(), content));
        }
        // Documents with mistakes are swapped in too, and checked with the
        // rest, so the panel shows every mistake of the save at once (a
        // wrong key and a field that does not exist); any error undoes it.
        // Swap the new documents in, keeping the old ones to undo on error.
        let mut undo: Vec<Undo> = Vec::new();
        let mut own: BTreeSet<String> = BTreeSet::new();
        // How far the edits reach: 0 a profile's own files, 1 its cards, 2 every list.
        let mut reach = 0;
        let mut deleted: Vec<String> = Vec::new();
        let mut movements_changed = false;
        for (what, content) in loaded {
            let site = &mut state.site;
            match what {
                Changed::Profile(slug) => {
                    let old = site
                        .profiles
                        .iter()
                        .position(|p| p.slug == slug)
                        .map(|i| site.profiles.remove(i));
                    let new = content.profiles.into_iter().next();
                    reach = reach.max(match (&old, &new) {
                        (Some(o), Some(n)) if same_front_matter(o, n) => 0,
                        (Some(o), Some(n)) if same_place_in_lists(o, n) => 1,
                        (Some(_), None) => {
                            deleted.push(slug.clone());
                            2
                        }
                        _ => 2,
                    });
                    if let Some(n) = new {
                        let at = site.profiles.partition_point(|p| p.slug < n.slug);
                        site.profiles.insert(at, n);
                    }
                    own.insert(slug.clone());
                    undo.push(Undo::Profile(slug, old.map(Box::new)));
                }
                Changed::Folder(folder) => {
                    reach = 2;
                    match folder {
                        "congresses" => {
                            let mut new = content.congresses;
                            new.sort_by_key(|c| c.number);
                            undo.push(Undo::Congresses(std::mem::replace(
                                &mut site.congresses,
                                new,
                            )));
                        }
                        "movements" => {
                            movements_changed = true;
                            let old = std::mem::replace(&mut site.movements, content.movements);
                            // Profile pages show their movements' titles.
                            own.extend(profiles_showing_changed_movements(site, &old));
                            undo.push(Undo::Movements(old));
                        }
                        _ => {
                            let old = std::mem::replace(&mut site.pages, content.pages);
                            let slugs = |ps: &[crate::site::Page]| {
                                ps.iter().map(|p| p.slug.clone()).collect::<BTreeSet<_>>()
                            };
                            // The navigation links the about page from every page.
                            if slugs(&old) != slugs(&site.pages) {
                                own.extend(site.profiles.iter().map(|p| p.slug.clone()));
                            }
                            undo.push(Undo::Pages(old));
                        }
                    }
                }
            }
        }
        // Only a change of the movements can break profiles nobody edited.
        let checked = if movements_changed {
            Scope::All
        } else {
            Scope::Shared(own.clone())
        };
        let diags = crate::timing::timed("validate", || {
            crate::validate::validate_with(&state.site, &checked, &mut state.memo)
        });
        let (mut errs, warnings): (Vec<Diagnostic>, Vec<Diagnostic>) = diags
            .into_iter()
            .partition(|d| d.severity == Severity::Error);
        errs.extend(errors);
        // Top to bottom per file, as the terminal lists them.
        errs.sort_by(|a, b| (&a.location, &a.message).cmp(&(&b.location, &b.message)));
        let scope = match reach {
            0 => Scope::Profiles(own),
            1 => Scope::Cards(own),
            _ => Scope::Shared(own),
        };
        let drawn = if errs.is_empty() {
            crate::timing::timed("draw", || draw(state, scope))
        } else {
            Err(errs)
        };
        match drawn {
            Ok((files, images)) => {
                state.images = images;
                let removed = self.removed_with(&deleted, &files);
                Ok((files, removed, warnings))
            }
            Err(e) => {
                for u in undo.into_iter().rev() {
                    u.apply(&mut state.site);
                }
                state.memo = crate::validate::Memo::of(&state.site);
                Err(e)
            }
        }
    }

    /// The files of deleted profiles that nothing drew again.
    fn removed_with(&self, deleted: &[String], drawn: &[OutFile]) -> Vec<String> {
        let Some(state) = &self.state else {
            return Vec::new();
        };
        let urls = Urls::new(&state.site.config);
        let mut prefixes = Vec::new();
        for slug in deleted {
            for lang in crate::config::Lang::ALL {
                prefixes.push(urls.profile(lang, slug));
                prefixes.push(crate::paths::embed(lang, slug));
                prefixes.push(crate::paths::oembed(lang, slug));
            }
            prefixes.push(crate::paths::api(&format!("profiles/{slug}.json")));
        }
        // A page's folder holds its photos and cards too: match the folder.
        let prefixes: Vec<String> = prefixes
            .iter()
            .map(|p| crate::paths::output_file(p))
            .collect();
        let prefixes: Vec<&str> = prefixes
            .iter()
            .map(|p| p.trim_end_matches("index.html"))
            .collect();
        let drawn: BTreeSet<&str> = drawn.iter().map(|f| f.path.as_str()).collect();
        self.files
            .read()
            .expect("files lock")
            .keys()
            .filter(|p| {
                prefixes.iter().any(|pre| p.starts_with(pre)) && !drawn.contains(p.as_str())
            })
            .cloned()
            .collect()
    }

    /// Put the drawn files in place and say which of them changed.
    fn publish(&mut self, files: Vec<OutFile>, removed: Vec<String>) -> Update {
        self.generation += 1;
        let generation = self.generation;
        let mut map = self.files.write().expect("files lock");
        let mut update = Update {
            drawn: files.len(),
            generation,
            ..Update::default()
        };
        for f in files {
            let path = f.path.clone();
            // A share card copied from the cache is read here: the preview
            // serves from memory. One that vanished is served as missing.
            let Ok(bytes) = f.contents() else { continue };
            let same = map.get(&path).is_some_and(|(old, _)| **old == bytes);
            if !same {
                update.changed.push(path.clone());
                map.insert(path, (Arc::new(bytes), generation));
            }
        }
        for path in removed {
            if map.remove(&path).is_some() {
                update.removed.push(path);
            }
        }
        update
    }

    /// The search index to rebuild, when the content changed since the last one.
    pub fn search_job(&mut self) -> Option<SearchJob> {
        if !self.search_stale {
            return None;
        }
        let state = self.state.as_ref()?;
        self.search_stale = false;
        Some(SearchJob {
            site: state.site.clone(),
            strings: state.theme.strings.clone(),
            thumbs: state.images.thumbs(),
        })
    }

    /// Put a rebuilt search index in place of the old one, and redraw the
    /// search pages that point at it.
    pub fn apply_search(
        &mut self,
        (search_files, index): (Vec<OutFile>, SearchIndex),
    ) -> Result<Update, Vec<Diagnostic>> {
        let start = Instant::now();
        let Some(state) = self.state.as_mut() else {
            return Ok(Update::default());
        };
        let pages = state
            .renderer
            .render_search_pages(&state.site, &state.images, &index)?;
        state.search = index;
        let fresh: BTreeSet<&str> = search_files.iter().map(|f| f.path.as_str()).collect();
        let removed: Vec<String> = self
            .files
            .read()
            .expect("files lock")
            .keys()
            .filter(|p| p.starts_with("_search/") && !fresh.contains(p.as_str()))
            .cloned()
            .collect();
        let mut files = search_files;
        files.extend(pages);
        let mut update = self.publish(files, removed);
        update.took = start.elapsed();
        Ok(update)
    }
}

/// A search index rebuild, run on its own thread with its own copy of the site.
pub struct SearchJob {
    site: Site,
    strings: BTreeMap<crate::config::Lang, crate::i18n::Strings>,
    thumbs: BTreeMap<String, String>,
}

impl SearchJob {
    pub fn run(self) -> Result<(Vec<OutFile>, SearchIndex), Vec<Diagnostic>> {
        crate::search::build(&self.site, &self.strings, &self.thumbs).map_err(|e| {
            vec![Diagnostic::error(
                Location::file(".guong-cache/search"),
                msg!("G0803", error = format!("{e:#}")),
            )
            .help(msg!("G0803.help"))]
        })
    }
}

/// Photos, pages and embeds of `scope`; the images known after it. A
/// photo replaced under the same name shows in the cards too: then the
/// scope widens to them.
fn draw(state: &State, scope: Scope) -> Result<(Vec<OutFile>, Images), Vec<Diagnostic>> {
    let (newer, photo_files) = crate::timing::timed("images", || {
        crate::images::process_scoped(&state.site, true, &scope)
    })?;
    let photo_changed = state.site.profiles.iter().any(|p| {
        scope.profile(&p.slug) && state.images.photos.get(&p.slug) != newer.photos.get(&p.slug)
    });
    let scope = match scope {
        Scope::Profiles(s) if photo_changed => Scope::Cards(s),
        s => s,
    };
    let mut images = state.images.clone();
    images.update(newer, &scope);
    let mut files = state
        .renderer
        .render(&state.site, &images, &state.search, &scope)?;
    files.extend(embeds(&state.site, &images, &state.theme, &scope)?);
    files.extend(photo_files);
    Ok((files, images))
}

fn embeds(
    site: &Site,
    images: &Images,
    theme: &Theme,
    scope: &Scope,
) -> Result<Vec<OutFile>, Vec<Diagnostic>> {
    crate::embed::build_scoped(site, images, &theme.strings, scope).map_err(|e| {
        vec![Diagnostic::error(
            Location::file(format!("themes/{}/templates/embed.html", site.config.theme)),
            msg!("G0806", error = format!("{e:#}")),
        )
        .help(msg!("G0806.help"))]
    })
}

/// Whether two versions of a profile differ only in their stories (so no
/// listing, card or feed shows a difference).
fn same_front_matter(a: &Profile, b: &Profile) -> bool {
    let fm = |p: &Profile| {
        (
            p.text.vi.origin.front_matter.clone(),
            p.text.en.as_ref().map(|t| t.origin.front_matter.clone()),
        )
    };
    fm(a) == fm(b)
}

/// Whether a profile is in the same lists at the same place: same sort keys
/// (name, date, featured) and same terms (kind, field, commune, awards,
/// movements).
fn same_place_in_lists(a: &Profile, b: &Profile) -> bool {
    let place = |p: &Profile| {
        (
            p.text.vi.name.clone(),
            p.date,
            p.featured,
            p.kind,
            p.field.clone(),
            p.commune.clone(),
            p.awards
                .iter()
                .map(|a| (a.award.clone(), a.year))
                .collect::<Vec<_>>(),
            p.movements.clone(),
        )
    };
    place(a) == place(b)
}

/// Profiles that show a movement whose title changed, appeared or went.
fn profiles_showing_changed_movements(site: &Site, old: &[Movement]) -> Vec<String> {
    let titles = |ms: &[Movement]| -> BTreeMap<String, (String, Option<String>)> {
        ms.iter()
            .map(|m| {
                let en = m.text.en.as_ref().map(|t| t.title.clone());
                (m.slug.clone(), (m.text.vi.title.clone(), en))
            })
            .collect()
    };
    let (before, after) = (titles(old), titles(&site.movements));
    let changed: BTreeSet<&String> = before
        .keys()
        .chain(after.keys())
        .filter(|k| before.get(*k) != after.get(*k))
        .collect();
    site.profiles
        .iter()
        .filter(|p| p.movements.iter().any(|m| changed.contains(m)))
        .map(|p| p.slug.clone())
        .collect()
}

/// How to put back what an edit that failed had swapped in.
enum Undo {
    Profile(String, Option<Box<Profile>>),
    Congresses(Vec<crate::site::Congress>),
    Movements(Vec<Movement>),
    Pages(Vec<crate::site::Page>),
}

impl Undo {
    fn apply(self, site: &mut Site) {
        match self {
            Undo::Profile(slug, old) => {
                site.profiles.retain(|p| p.slug != slug);
                if let Some(o) = old {
                    let at = site.profiles.partition_point(|p| p.slug < o.slug);
                    site.profiles.insert(at, *o);
                }
            }
            Undo::Congresses(c) => site.congresses = c,
            Undo::Movements(m) => site.movements = m,
            Undo::Pages(p) => site.pages = p,
        }
    }
}
