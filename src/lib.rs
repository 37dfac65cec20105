//! guong: a static-site generator for the exemplary models (điển hình tiên
//! tiến) of Sơn La province.
//!
//! The data flows one way: `config` → `content` + `data` (through
//! `source`) into the `site` model → `validate` → `images` → `search` and
//! `embed` → `render` → `output` (or → `check`, which inspects the drawn
//! files instead of writing them). `paths` is the one owner of site paths,
//! URLs and output files; `text` of folding and escaping. The layer table
//! in `tests/it/layers.rs` (drawn in docs/architecture.md) holds this:
//! no module uses one above it. This file and `cli`, `serve`, `preview`,
//! `scaffold`, `schema` only orchestrate; `import` reads the loaded site and
//! writes new profile bundles (or awards added to existing ones) into
//! `content/`.

// Diagnostics are the error path of a batch tool that reports everything at
// once; boxing them would add noise everywhere for no measurable gain.
#![allow(clippy::result_large_err)]

pub mod check;
pub mod cli;
pub mod config;
pub mod content;
pub mod data;
pub mod embed;
pub mod error;
pub mod i18n;
pub mod images;
pub mod import;
pub mod markdown;
pub mod messages;
pub mod output;
pub mod paths;
pub mod preview;
pub mod render;
pub mod scaffold;
pub mod schema;
pub mod scope;
pub mod search;
pub mod serve;
pub mod site;
pub mod source;
pub mod text;
pub mod theme;
pub mod timing;
pub mod unconfirmed;
pub mod validate;
pub mod yaml;

use error::{BuildFailed, Diagnostic, Diagnostics};
use messages::msg;
use output::{OutFile, Sink};
use site::Site;
use std::path::{Path, PathBuf};
use timing::timed;

/// What a build needs to know beyond the site folder.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub root: PathBuf,
    pub base_url: Option<String>,
    pub drafts: bool,
}

/// A loaded, validated site and the warnings found on the way.
pub struct Loaded {
    pub site: Site,
    pub warnings: Vec<Diagnostic>,
}

/// Load and validate everything; all errors of the run together.
pub fn load(opts: &Options) -> Result<Loaded, BuildFailed> {
    let (site, diags) = load_all(opts);
    let sorted: Vec<Diagnostic> = diags.sorted().into_iter().cloned().collect();
    match site {
        Some(site) if !diags.has_errors() => Ok(Loaded {
            site,
            warnings: sorted,
        }),
        _ => Err(BuildFailed(sorted)),
    }
}

/// Load and validate, keeping whatever loaded even when there are errors:
/// `check` inspects the rest of the site too. No site without a readable
/// `site.yaml` and `data/`.
pub fn load_all(opts: &Options) -> (Option<Site>, Diagnostics) {
    let mut diags = Diagnostics::new();
    let config = match config::Config::load(&opts.root) {
        Ok(c) => match &opts.base_url {
            Some(url) => match c.with_base_url(url) {
                Ok(c) => Some(c),
                Err(msg) => {
                    diags.push(Diagnostic::error(error::Location::file("--base-url"), msg));
                    None
                }
            },
            None => Some(c),
        },
        Err(ds) => {
            diags.extend(ds);
            None
        }
    };
    let data = data::Data::load(&opts.root)
        .map_err(|ds| diags.extend(ds))
        .ok();
    let (content, content_diags) = content::load(&opts.root, opts.drafts);
    diags.extend(content_diags);
    let (Some(config), Some(data)) = (config, data) else {
        return (None, diags);
    };
    let mut congresses = content.congresses;
    congresses.sort_by_key(|c| c.number);
    let site = Site {
        config,
        data,
        profiles: content.profiles,
        congresses,
        movements: content.movements,
        pages: content.pages,
    };
    diags.extend(validate::validate(&site));
    (Some(site), diags)
}

/// Every file of the built site, in memory. `write_cache`: keep encoded
/// photos in the site's `.guong-cache/` (`build` and `serve` do; `check`
/// writes nothing).
pub fn render_site(site: &Site, write_cache: bool) -> Result<Vec<OutFile>, BuildFailed> {
    let photos = timed("images", || images::process(site, write_cache));
    collect(|sink| render_with(site, photos, sink))
}

/// Every file drawn into memory, sorted by path.
fn collect(
    draw: impl FnOnce(Sink) -> Result<(), BuildFailed>,
) -> Result<Vec<OutFile>, BuildFailed> {
    let mut all = Vec::new();
    draw(&mut |files| {
        all.extend(files);
        Ok(())
    })?;
    all.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(all)
}

/// Every file of the site for `check`, drawn even when some photos fail
/// (those pages have no photo), and every error on the way. No files when a
/// template or the search index fails.
pub fn render_for_check(site: &Site) -> (Option<Vec<OutFile>>, Vec<Diagnostic>) {
    let rejected = validate::rejected_photos(site);
    let (photos, photo_files, mut errors) =
        timed("images", || images::process_for_check(site, &rejected));
    match collect(|sink| render_with(site, Ok((photos, photo_files)), sink)) {
        Ok(files) => (Some(files), errors),
        Err(BuildFailed(more)) => {
            errors.extend(more);
            (None, errors)
        }
    }
}

fn render_with(
    site: &Site,
    photos: Result<(images::Images, Vec<OutFile>), Vec<Diagnostic>>,
    sink: Sink,
) -> Result<(), BuildFailed> {
    let theme = theme::Theme::load(&site.config);
    let (theme, (photos, photo_files)) = match (theme, photos) {
        (Ok(t), Ok(p)) => (t, p),
        (t, p) => {
            let mut errs = Vec::new();
            if let Err(e) = t {
                errs.extend(e);
            }
            if let Err(e) = p {
                errs.extend(e);
            }
            return Err(BuildFailed(errs));
        }
    };
    let thumbs = photos.thumbs();
    if photos.encoded + photos.cached > 0 {
        let (encoded, cached) = (photos.encoded, photos.cached);
        eprintln!("{}", msg!("cli-photos", encoded = encoded, cached = cached));
    }
    // The search index is the longest stage, and only the two search pages
    // need its result (the folder's hash): index on a thread of its own
    // while every other page and the embeds are drawn, so both cores stay
    // busy through the build; then draw the search pages.
    std::thread::scope(|threads| {
        let search =
            threads.spawn(|| timed("search", || search::build(site, &theme.strings, &thumbs)));
        let renderer = render::Renderer::new(site, &theme);
        let drawn = match &renderer {
            Ok(renderer) => (|| {
                sink(photo_files)?;
                timed("render+write", || {
                    renderer.render_into(site, &photos, None, &scope::Scope::All, &mut |f| sink(f))
                })
                .map_err(BuildFailed)?;
                timed("embed+write", || {
                    embed::build_into(site, &photos, &theme.strings, sink)
                })
            })(),
            Err(e) => Err(BuildFailed(e.clone())),
        };
        // Joined even when drawing failed, so that every error is reported together.
        let searched = search
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            .map_err(|e| {
                vec![Diagnostic::error(
                    error::Location::file(".guong-cache/search"),
                    msg!("G0803", error = format!("{e:#}")),
                )
                .help(msg!("G0803.help"))]
            });
        let mut errors = drawn.err().map(|e| e.0).unwrap_or_default();
        let (search_files, search_index) = match searched {
            Ok(s) => s,
            Err(e) => {
                errors.extend(e);
                return Err(BuildFailed(errors));
            }
        };
        let Ok(renderer) = renderer else {
            return Err(BuildFailed(errors));
        };
        // Drawn even after another page failed: an error in the search
        // template is then reported in the same run as the others.
        let pages = timed("search pages", || {
            renderer.render_search_pages(site, &photos, &search_index)
        });
        match pages {
            Ok(pages) if errors.is_empty() => {
                timed("search write", || sink(search_files))?;
                sink(pages)?;
                // Last: a listing's manifest says how large the search page is.
                Ok(timed("offline", || sink(renderer.offline_manifests(site)))?)
            }
            Ok(_) => Err(BuildFailed(errors)),
            Err(more) => {
                for d in more {
                    if !errors.contains(&d) {
                        errors.push(d);
                    }
                }
                Err(BuildFailed(errors))
            }
        }
    })
}

/// Summary of a finished build, for the command line.
pub struct Built {
    pub files: usize,
    pub profiles: usize,
    pub warnings: Vec<Diagnostic>,
}

/// Load, validate, render and write the site to `out` atomically.
pub fn build(opts: &Options, out: &Path) -> anyhow::Result<Built> {
    let loaded = timed("load+validate", || load(opts))?;
    let mut staging = output::Staging::new(out)?;
    let photos = timed("images", || images::process(&loaded.site, true));
    render_with(&loaded.site, photos, &mut |files| {
        staging.write(&files).map_err(|e| {
            vec![Diagnostic::error(
                error::Location::file(out),
                msg!("G0804", error = format!("{e:#}")),
            )
            .help(msg!("G0804.help"))]
        })
    })?;
    let files = staging.files();
    timed("swap", || staging.finish())?;
    let mut warnings = loaded.warnings;
    warnings.extend(example_address_warning(&loaded.site.config));
    Ok(Built {
        files,
        profiles: loaded.site.profiles.len(),
        warnings,
    })
}

/// A build whose `base_url` is still the example address: its canonical
/// links, feeds, sitemap and oEmbed all point at a site that is not this
/// one, so it must not be published as it is. (Profile pages leave the
/// embed code out rather than hand out a snippet that cannot work.)
fn example_address_warning(config: &config::Config) -> Option<Diagnostic> {
    if !config.has_example_address() {
        return None;
    }
    let rel = std::path::Path::new("site.yaml");
    let text = std::fs::read_to_string(config.root.join(rel)).unwrap_or_default();
    let at = match yaml::locate(&text, &[yaml::Seg::Key("base_url")]) {
        Some((line, col)) => error::Location::at(rel, line, Some(col)),
        None => error::Location::file(rel),
    };
    Some(
        Diagnostic::warning(at, msg!("G0805", address = &config.base_url))
            .field("base_url")
            .help(msg!("G0805.help")),
    )
}

/// `guong check`: load, validate and draw the whole site in memory, then
/// inspect it (links, anchors, images, translations, profile warnings).
/// Writes nothing; every problem of the run is in the report.
pub fn check(opts: &Options) -> check::Report {
    let (site, diags) = timed("load+validate", || load_all(opts));
    let content_ok = !diags.has_errors();
    let mut diags = diags.into_vec();
    let Some(site) = site else {
        return check::Report::new(None, diags, None);
    };
    // Editors' schemas that no longer list the site's keys.
    diags.extend(schema::stale(&site));
    let (files, render_errors) = render_for_check(&site);
    diags.extend(render_errors);
    let found = timed("check", || {
        check::inspect(&site, files.as_deref(), content_ok)
    });
    diags.extend(found.diagnostics);
    check::Report::new(Some(&site), diags, Some(found.translations))
}
