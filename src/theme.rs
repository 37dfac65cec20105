//! The theme: Tera templates, static assets and interface strings.
//!
//! The default theme is compiled in from `themes/default/` so the binary works
//! anywhere; a site's own `themes/<name>/` replaces it file by file, and a
//! site's `templates/` folder overrides single templates on top of that.

use crate::config::{Config, Lang};
use crate::error::{Diagnostic, Location};
use crate::i18n::Strings;
use crate::messages::msg;
use std::collections::BTreeMap;
use std::path::Path;

macro_rules! embedded {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/themes/default/", $path)) as &[u8])),*]
    };
}

/// The default theme's files, relative to `themes/default/`.
const DEFAULT: &[(&str, &[u8])] = embedded!(
    "templates/base.html",
    "templates/macros.html",
    "templates/index.html",
    "templates/profile.html",
    "templates/listing.html",
    "templates/taxonomy.html",
    "templates/congresses.html",
    "templates/congress.html",
    "templates/movements.html",
    "templates/movement.html",
    "templates/slogans.html",
    "templates/statistics.html",
    "templates/page.html",
    "templates/search.html",
    "templates/404.html",
    "templates/offline.html",
    "static/style.css",
    "static/emblem.svg",
    "static/search.js",
    "static/stem-en.js",
    "static/share.js",
    "static/offline.js",
    "static/sw.js",
    "i18n/vi.yaml",
    "i18n/en.yaml",
);

pub struct Theme {
    /// Template name (`base.html`) → source.
    pub templates: BTreeMap<String, String>,
    /// Static file name (`style.css`) → bytes.
    pub statics: BTreeMap<String, Vec<u8>>,
    pub strings: BTreeMap<Lang, Strings>,
}

impl Theme {
    pub fn load(cfg: &Config) -> Result<Theme, Vec<Diagnostic>> {
        let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
        if cfg.theme == "default" {
            for (path, bytes) in DEFAULT {
                files.insert(path.to_string(), bytes.to_vec());
            }
        }
        let mut errors = Vec::new();
        let theme_dir = cfg.root.join("themes").join(&cfg.theme);
        read_tree(&theme_dir, &cfg.root, "", &mut files, &mut errors);
        let mut overrides = BTreeMap::new();
        read_tree(
            &cfg.root.join("templates"),
            &cfg.root,
            "",
            &mut overrides,
            &mut errors,
        );
        for (name, bytes) in overrides {
            files.insert(format!("templates/{name}"), bytes);
        }

        let mut theme = Theme {
            templates: BTreeMap::new(),
            statics: BTreeMap::new(),
            strings: BTreeMap::new(),
        };
        for (path, bytes) in files {
            if let Some(name) = path.strip_prefix("templates/") {
                match String::from_utf8(bytes) {
                    Ok(text) => {
                        theme.templates.insert(name.to_string(), text);
                    }
                    Err(_) => errors.push(
                        Diagnostic::error(Location::file(&path), msg!("G0509"))
                            .help(msg!("G0509.help")),
                    ),
                }
            } else if let Some(name) = path.strip_prefix("static/") {
                theme.statics.insert(name.to_string(), bytes);
            } else if let Some(name) = path.strip_prefix("i18n/") {
                let Some(lang) = name.strip_suffix(".yaml").and_then(Lang::from_code) else {
                    continue;
                };
                let rel = Path::new("themes").join(&cfg.theme).join(&path);
                let text = String::from_utf8_lossy(&bytes).into_owned();
                match crate::yaml::parse::<BTreeMap<String, String>>(&text, &rel, 1) {
                    Ok(map) => {
                        theme.strings.insert(lang, Strings(map));
                    }
                    Err(d) => errors.push(d),
                }
            }
        }
        for lang in Lang::ALL {
            if !theme.strings.contains_key(&lang) {
                errors.push(
                    Diagnostic::error(
                        Location::file(Path::new("themes").join(&cfg.theme).join("i18n")),
                        msg!("G0510", lang = lang.code()),
                    )
                    .help(msg!("G0510.help", lang = lang.code())),
                );
            }
        }
        if errors.is_empty() {
            Ok(theme)
        } else {
            Err(errors)
        }
    }
}

fn read_tree(
    dir: &Path,
    root: &Path,
    prefix: &str,
    files: &mut BTreeMap<String, Vec<u8>>,
    errors: &mut Vec<Diagnostic>,
) {
    if !dir.is_dir() {
        return;
    }
    for entry in walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .follow_links(false)
    {
        let Ok(entry) = entry else { continue };
        if !entry.file_type().is_file() || entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        let key = format!("{prefix}{}", rel.to_string_lossy().replace('\\', "/"));
        match std::fs::read(entry.path()) {
            Ok(bytes) => {
                files.insert(key, bytes);
            }
            Err(e) => errors.push(Diagnostic::error(
                Location::file(entry.path().strip_prefix(root).unwrap_or(entry.path())),
                msg!("G0308", error = e.to_string()),
            )),
        }
    }
}
