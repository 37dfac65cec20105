//! The images stage: publishes each profile's photo beside its page and
//! measures it, so pages carry `width`/`height` and never shift while loading.
//! (Responsive variants and metadata stripping build on this stage.)

use crate::error::{Diagnostic, Location};
use crate::output::OutFile;
use crate::render::urls::Urls;
use crate::site::Site;
use rayon::prelude::*;
use std::collections::BTreeMap;

/// A published photo: its site path and pixel size.
#[derive(Debug, Clone)]
pub struct Photo {
    pub path: String,
    pub width: u32,
    pub height: u32,
}

/// Photos by profile slug.
pub type Photos = BTreeMap<String, Photo>;

/// Photos by profile slug, and the files to write.
pub fn process(site: &Site) -> Result<(Photos, Vec<OutFile>), Vec<Diagnostic>> {
    let urls = Urls::new(&site.config);
    let results: Vec<Result<(String, Photo, OutFile), Diagnostic>> = site
        .profiles
        .par_iter()
        .filter_map(|p| p.photo.as_ref().map(|f| (p, f)))
        .map(|(p, file)| {
            let rel = p.bundle.join(file);
            let loc = Location::file(&rel);
            let bytes = std::fs::read(site.config.root.join(&rel)).map_err(|e| {
                Diagnostic::error(loc.clone(), format!("cannot read the photo: {e}"))
            })?;
            let reader = image::ImageReader::new(std::io::Cursor::new(&bytes))
                .with_guessed_format()
                .map_err(|e| {
                    Diagnostic::error(loc.clone(), format!("cannot read the photo: {e}"))
                })?;
            if reader.format().is_none() {
                return Err(
                    Diagnostic::error(loc, "this file is not a JPEG, PNG or WebP image")
                        .help("export the photo again as .jpg"),
                );
            }
            let (width, height) = reader.into_dimensions().map_err(|e| {
                Diagnostic::error(
                    loc.clone(),
                    format!("the photo is damaged or unreadable: {e}"),
                )
                .help("export the photo again as .jpg")
            })?;
            let path = urls.bundle_file(&p.slug, file);
            let out = OutFile {
                path: path.trim_start_matches('/').to_string(),
                bytes,
            };
            Ok((
                p.slug.clone(),
                Photo {
                    path,
                    width,
                    height,
                },
                out,
            ))
        })
        .collect();
    let mut photos = BTreeMap::new();
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for r in results {
        match r {
            Ok((slug, photo, file)) => {
                photos.insert(slug, photo);
                files.push(file);
            }
            Err(d) => errors.push(d),
        }
    }
    if errors.is_empty() {
        Ok((photos, files))
    } else {
        Err(errors)
    }
}
