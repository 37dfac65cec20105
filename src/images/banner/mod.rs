//! Slogan banners: each slogan of `data/slogans.yaml` as a print-ready
//! băng rôn or phướn, PDF and SVG, at every size of `banner_sizes` in
//! `site.yaml`. Only in Vietnamese: banners are hung in Sơn La, where they
//! are read in Vietnamese; the English page offers the same files.
//!
//! Setting and drawing 36 banners takes a few hundred milliseconds, so the
//! files are kept in `.guong-cache/images/`, keyed by the slogan, the size,
//! the font, this design and guong's version: a rebuild copies them.

pub mod draw;
pub mod layout;

use super::{Cache, Kept};
use crate::config::BannerSize;
use crate::error::{Diagnostic, Location};
use crate::messages::msg;
use crate::output::OutFile;
use crate::paths::Urls;
use crate::site::Site;
use crate::text::hex;
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

/// Bump when the setting or the drawing changes, so cached banners are made again.
const DESIGN: &str = "banner-1";
/// A slug longer than this is cut at a word.
const SLUG_MAX: usize = 60;

/// One file of a banner, as a page links it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BannerFile {
    /// Site path.
    pub path: String,
    pub bytes: u64,
}

/// A slogan at one size: its PDF and its SVG.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Banner {
    pub size: BannerSize,
    pub pdf: BannerFile,
    pub svg: BannerFile,
}

/// The banners of each slogan (by its place in `data/slogans.yaml`, from 0).
pub type Banners = BTreeMap<usize, Vec<Banner>>;

/// Stable names for the slogans' files: the slogan's words folded (cut at a
/// word after [`SLUG_MAX`] characters), and where two slogans begin alike,
/// a short hash of each one's text after them. A slogan keeps its name when
/// others are removed or moved, or added unless they begin as it does.
pub fn slugs(slogans: &[&str]) -> Vec<String> {
    let cut = |text: &str| {
        let slug = crate::text::fold::slugify(text);
        let mut out = String::new();
        for word in slug.split('-') {
            if !out.is_empty() && out.len() + 1 + word.len() > SLUG_MAX {
                break;
            }
            if !out.is_empty() {
                out.push('-');
            }
            out.push_str(word);
        }
        if out.is_empty() {
            "khau-hieu".to_string()
        } else {
            out
        }
    };
    let cuts: Vec<String> = slogans.iter().map(|s| cut(s)).collect();
    cuts.iter()
        .zip(slogans)
        .map(|(c, text)| match cuts.iter().filter(|o| *o == c).count() {
            1 => c.clone(),
            _ => format!("{c}-{}", &crate::text::short_hash(text.as_bytes())[..6]),
        })
        .collect()
}

/// The part of the cache key every banner shares: the design, guong's
/// version (krilla's output comes with it) and the font's bytes.
fn key_base() -> &'static str {
    static BASE: OnceLock<String> = OnceLock::new();
    BASE.get_or_init(|| {
        let font = Sha256::digest(super::card::NOTO_SANS_BOLD);
        format!("{DESIGN};{};{}", env!("CARGO_PKG_VERSION"), hex(&font[..8]))
    })
}

fn cache_key(text: &str, size: BannerSize) -> String {
    let h = Sha256::new()
        .chain_update(key_base())
        .chain_update(size.name())
        .chain_update(text);
    hex(&h.finalize()[..8])
}

/// What one slogan at one size became: its two files (in the cache, or as
/// bytes when the cache is not written), or why it could not be made.
enum Made {
    Files { pdf: Kept, svg: Kept },
    TooLong,
    Missing(Vec<char>),
    Fault(String),
}

/// Every size of one slogan.
fn make_slogan(text: &str, sizes: &[BannerSize], cache: &Cache) -> Vec<Made> {
    let keys: Vec<String> = sizes.iter().map(|s| cache_key(text, *s)).collect();
    let cached = |k: &String| {
        let pdf = cache.existing(&format!("banner-{k}.pdf"))?;
        let svg = cache.existing(&format!("banner-{k}.svg"))?;
        Some((pdf, svg))
    };
    if let Some(all) = keys.iter().map(cached).collect::<Option<Vec<_>>>() {
        let made = all.into_iter().map(|(pdf, svg)| Made::Files {
            pdf: Kept::Cached(pdf),
            svg: Kept::Cached(svg),
        });
        return made.collect();
    }
    let missing = layout::missing(text);
    if !missing.is_empty() {
        return sizes
            .iter()
            .map(|_| Made::Missing(missing.clone()))
            .collect();
    }
    let settings = layout::Settings::new(text);
    sizes
        .iter()
        .zip(&keys)
        .map(|(size, key)| match settings.place(*size) {
            Err(_) => Made::TooLong,
            Ok(set) => match draw::pdf(&set, text) {
                Err(e) => Made::Fault(e),
                Ok(pdf) => {
                    let svg = draw::svg(&set, size.width_cm, size.height_cm, text);
                    Made::Files {
                        pdf: cache.keep(&format!("banner-{key}.pdf"), pdf),
                        svg: cache.keep(&format!("banner-{key}.svg"), svg),
                    }
                }
            },
        })
        .collect()
}

/// Where slogan `i`'s text is written in `data/slogans.yaml`.
fn slogan_at(root: &Path, i: usize) -> Location {
    use crate::yaml::{Positions, Seg};
    let rel = Path::new("data/slogans.yaml");
    let text = crate::source::read_text(root, rel).ok().flatten();
    let at = text.and_then(|t| Positions::of(&t).get(&[Seg::Index(i), Seg::Key("vi")]));
    match at {
        Some((line, col)) => Location::at(rel, line, Some(col)),
        None => Location::file(rel),
    }
}

/// The size as the messages write it: `400 × 60 cm`.
fn size_text(size: BannerSize) -> String {
    format!("{} × {} cm", size.width_cm, size.height_cm)
}

fn diagnostic(site: &Site, i: usize, size: BannerSize, made: &Made) -> Option<Diagnostic> {
    let at = || slogan_at(&site.config.root, i);
    let d = match made {
        Made::Files { .. } => return None,
        Made::TooLong => Diagnostic::error(
            at(),
            msg!(
                "G0620",
                number = i + 1,
                size = size_text(size),
                min = layout::MIN_EM_CM as u32
            ),
        )
        .help(msg!("G0620.help")),
        Made::Missing(chars) => {
            let chars: Vec<String> = chars.iter().map(|c| c.to_string()).collect();
            Diagnostic::error(at(), msg!("G0622", number = i + 1, chars = chars.join(" ")))
                .help(msg!("G0622.help"))
        }
        Made::Fault(e) => {
            Diagnostic::error(at(), msg!("G0623", error = e)).help(msg!("G0623.help"))
        }
    };
    Some(d.field("vi"))
}

/// Every banner of the site, the files to write, and what could not be made.
pub(super) fn make(
    site: &Site,
    urls: &Urls,
    cache: &Cache,
) -> (Banners, Vec<OutFile>, Vec<Diagnostic>) {
    let sizes = &site.config.banner_sizes;
    let texts: Vec<&str> = site.data.slogans.iter().map(|s| s.vi.trim()).collect();
    let slugs = slugs(&texts);
    let made: Vec<Vec<Made>> = texts
        .par_iter()
        .map(|text| match text.is_empty() {
            // `validate` reports an empty slogan.
            true => Vec::new(),
            false => make_slogan(text, sizes, cache),
        })
        .collect();
    let mut banners = Banners::new();
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for (i, (made, slug)) in made.into_iter().zip(&slugs).enumerate() {
        for (size, m) in sizes.iter().zip(made) {
            if let Some(d) = diagnostic(site, i, *size, &m) {
                // A missing letter is one report, not one per size.
                if !errors.contains(&d) {
                    errors.push(d);
                }
                continue;
            }
            let Made::Files { pdf, svg } = m else {
                continue;
            };
            let path = |ext| urls.banner(slug, &size.name(), ext);
            let banner = Banner {
                size: *size,
                pdf: BannerFile {
                    path: path("pdf"),
                    bytes: pdf.len(),
                },
                svg: BannerFile {
                    path: path("svg"),
                    bytes: svg.len(),
                },
            };
            files.push(pdf.into_file(crate::paths::output_file(&banner.pdf.path)));
            files.push(svg.into_file(crate::paths::output_file(&banner.svg.path)));
            banners.entry(i).or_default().push(banner);
        }
    }
    (banners, files, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_the_words_and_tell_alike_slogans_apart() {
        let a = "Thi đua lập thành tích chào mừng Đại hội Thi đua yêu nước toàn quốc lần thứ XI và Đại hội đại biểu toàn quốc lần thứ XIV của Đảng!";
        let b = "Thi đua lập thành tích chào mừng Đại hội Thi đua yêu nước toàn quốc lần thứ XI, lần khác!";
        let c = "Đoàn kết, sáng tạo, thi đua xây dựng và bảo vệ Tổ quốc!";
        let s = slugs(&[a, b, c]);
        assert_eq!(s[2], "doan-ket-sang-tao-thi-dua-xay-dung-va-bao-ve-to-quoc");
        assert!(s[0].starts_with("thi-dua-lap-thanh-tich-chao-mung-dai-hoi-thi-dua-yeu-nuoc-"));
        assert_ne!(s[0], s[1]);
        assert!(s.iter().all(|x| crate::text::fold::is_slug(x)), "{s:?}");
        // A slogan keeps its name when the others change.
        assert_eq!(slugs(&[c])[0], s[2]);
        assert_eq!(slugs(&[a, c])[0], slugs(&[a])[0]);
    }
}
