//! The images stage: every photo that content refers to (a profile's
//! `photo` and images in its story) becomes responsive variants — JPEG and
//! WebP at the configured widths, upright, in sRGB, without metadata — and
//! every profile gets a share card per language; every slogan becomes
//! banners to print ([`banner`]). Encoded files are cached by the source
//! bytes and settings in `.guong-cache/images/`, so a rebuild with no photo
//! changed encodes nothing.

pub mod banner;
pub mod card;
pub mod card_file;
pub mod palette;
mod photo;
pub mod qr;

use crate::config::Lang;
use crate::error::{Diagnostic, Location};
use crate::messages::{msg, Msg};
use crate::output::{self, OutFile};
use crate::paths::Urls;
use crate::scope::Scope;
use crate::site::Site;
use crate::text::hex;
use crate::validate::RejectedPhotos;
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Bump when the card design or the card's file encoding changes, so cached
/// cards are drawn again (a card's name hashes its words, not its bytes).
const CARD_DESIGN: &str = "card-5";
/// Bump when the encoding changes, so cached files are made again.
const PIPELINE: &str = "guong-images-1";

/// One size of a photo, in both formats (site paths).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    pub width: u32,
    pub height: u32,
    pub jpeg: String,
    pub webp: String,
}

/// A photo ready for `<picture>`: its variants, smallest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    pub variants: Vec<Variant>,
}

impl Picture {
    /// The largest variant: its size is the photo's intrinsic size.
    pub fn largest(&self) -> &Variant {
        self.variants
            .last()
            .expect("a picture has at least one variant")
    }
    /// A `srcset` value: each variant's link (made by `href`) and its width.
    pub fn srcset(&self, webp: bool, href: impl Fn(&str) -> String) -> String {
        let entries: Vec<String> = self
            .variants
            .iter()
            .map(|v| {
                format!(
                    "{} {}w",
                    href(if webp { &v.webp } else { &v.jpeg }),
                    v.width
                )
            })
            .collect();
        entries.join(", ")
    }
    /// The variant closest above `width` (for `src` fallbacks and cards).
    pub fn at_least(&self, width: u32) -> &Variant {
        self.variants
            .iter()
            .find(|v| v.width >= width)
            .unwrap_or_else(|| self.largest())
    }
}

/// A share card (site path and size).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    pub path: String,
    pub width: u32,
    pub height: u32,
}

/// Everything later stages need to know about images.
#[derive(Debug, Clone, Default)]
pub struct Images {
    /// By profile slug.
    pub photos: BTreeMap<String, Picture>,
    /// By (profile slug, path written in the story).
    pub story: BTreeMap<(String, String), Picture>,
    /// By (profile slug, language).
    pub cards: BTreeMap<(String, Lang), Card>,
    /// The card of pages that are not profiles, per language.
    pub site_cards: BTreeMap<Lang, Card>,
    /// The slogans' banners (made for the whole site only).
    pub banners: banner::Banners,
    pub encoded: usize,
    pub cached: usize,
}

impl Images {
    /// The smallest variant of each profile photo, for search results.
    pub fn thumbs(&self) -> BTreeMap<String, String> {
        self.photos
            .iter()
            .map(|(slug, p)| (slug.clone(), p.variants[0].jpeg.clone()))
            .collect()
    }

    /// Replace what is known of the profiles in `scope` with `newer` (the
    /// result of [`process_scoped`] for that scope).
    pub fn update(&mut self, newer: Images, scope: &Scope) {
        if scope.all() {
            *self = newer;
            return;
        }
        self.photos.retain(|slug, _| !scope.profile(slug));
        self.story.retain(|(slug, _), _| !scope.profile(slug));
        self.cards.retain(|(slug, _), _| !scope.profile(slug));
        self.photos.extend(newer.photos);
        self.story.extend(newer.story);
        self.cards.extend(newer.cards);
        self.encoded = newer.encoded;
        self.cached = newer.cached;
    }
}

/// What one source photo became.
struct Done {
    key: String,
    variants: Vec<(u32, u32)>,
    files: Vec<(String, Vec<u8>)>,
    /// A mid-size variant, for the share card.
    card_source: image::RgbImage,
}

struct Cache {
    dir: Option<PathBuf>,
    /// `check` reads what earlier builds encoded but writes nothing.
    write: bool,
}

/// A file this stage made: in the cache (copied into the site when it is
/// written, never held in memory), or its bytes when the cache is not
/// written (`check`).
enum Kept {
    Cached(PathBuf),
    Bytes(Vec<u8>),
}

impl Kept {
    fn len(&self) -> u64 {
        match self {
            Kept::Cached(p) => std::fs::metadata(p).map_or(0, |m| m.len()),
            Kept::Bytes(b) => b.len() as u64,
        }
    }
    fn into_file(self, path: String) -> OutFile {
        match self {
            Kept::Cached(p) => OutFile::copy(path, p),
            Kept::Bytes(b) => OutFile::new(path, b),
        }
    }
}

impl Cache {
    /// Writes `bytes` as the cache's file `name`, and says where it is kept.
    fn keep(&self, name: &str, bytes: Vec<u8>) -> Kept {
        self.write(name, &bytes);
        match self.existing(name).filter(|_| self.write) {
            Some(p) => Kept::Cached(p),
            None => Kept::Bytes(bytes),
        }
    }
    fn read(&self, name: &str) -> Option<Vec<u8>> {
        std::fs::read(self.dir.as_ref()?.join(name)).ok()
    }
    /// The cache's file `name`, if it is there.
    fn existing(&self, name: &str) -> Option<PathBuf> {
        let path = self.dir.as_ref()?.join(name);
        path.is_file().then_some(path)
    }
    fn write(&self, name: &str, bytes: &[u8]) {
        if let Some(dir) = self.dir.as_ref().filter(|_| self.write) {
            // Whole or not at all: another build reading the cache at the
            // same moment never sees half a JPEG. A cache that cannot be
            // written only costs time on the next build.
            let _ = output::write_file(&dir.join(name), bytes, output::Existing::Replace);
        }
    }
}

fn settings(site: &Site) -> String {
    let s = &site.config.images;
    format!(
        "{PIPELINE};q{};w{:?};max{}",
        s.quality, s.widths, s.max_pixels
    )
}

/// Encode (or fetch from the cache) the variants of one source photo.
fn process_one(
    bytes: &[u8],
    site: &Site,
    cache: &Cache,
    encoded: &AtomicUsize,
) -> Result<Done, Msg> {
    let s = &site.config.images;
    let (w, h, _) = photo::probe(bytes, s.max_pixels)?;
    let key = hex(&Sha256::new()
        .chain_update(settings(site))
        .chain_update(bytes)
        .finalize()[..8]);
    let cached_meta = cache
        .read(&format!("{key}.json"))
        .and_then(|m| serde_json::from_slice::<Vec<(u32, u32)>>(&m).ok());
    if let Some(variants) = cached_meta {
        let mut files = Vec::new();
        for (vw, _) in &variants {
            for ext in ["jpg", "webp"] {
                match cache.read(&format!("{key}-{vw}.{ext}")) {
                    Some(b) => files.push((format!("{vw}.{ext}"), b)),
                    None => return encode(bytes, site, cache, encoded, key),
                }
            }
        }
        let _ = (w, h);
        let card_source = card_source(&variants, &files)?;
        return Ok(Done {
            key,
            variants,
            files,
            card_source,
        });
    }
    encode(bytes, site, cache, encoded, key)
}

fn encode(
    bytes: &[u8],
    site: &Site,
    cache: &Cache,
    encoded: &AtomicUsize,
    key: String,
) -> Result<Done, Msg> {
    let s = &site.config.images;
    let img = photo::decode(bytes, s.max_pixels)?;
    let mut variants = Vec::new();
    let mut files = Vec::new();
    // Largest first, each from the previous: cheaper than every size from the original.
    let widths = photo::variant_widths(img.width(), &s.widths);
    let mut current = img;
    for w in widths.iter().rev() {
        current = photo::resize(&current, *w);
        let (jpeg, webp) = rayon::join(
            || photo::jpeg(&current, s.quality),
            || photo::webp(&current, s.quality),
        );
        cache.write(&format!("{key}-{w}.jpg"), &jpeg);
        cache.write(&format!("{key}-{w}.webp"), &webp);
        files.push((format!("{w}.jpg"), jpeg));
        files.push((format!("{w}.webp"), webp));
        variants.push((current.width(), current.height()));
    }
    variants.reverse();
    cache.write(
        &format!("{key}.json"),
        &serde_json::to_vec(&variants).expect("JSON"),
    );
    encoded.fetch_add(1, Ordering::Relaxed);
    let card_source = card_source(&variants, &files)?;
    Ok(Done {
        key,
        variants,
        files,
        card_source,
    })
}

/// The share card's photo: the published JPEG of the smallest variant wide
/// enough for the card, decoded — the same pixels whether it was just encoded
/// or read from the cache, so cards are identical from build to build.
fn card_source(
    variants: &[(u32, u32)],
    files: &[(String, Vec<u8>)],
) -> Result<image::RgbImage, Msg> {
    let fault = |error: &str| msg!("G0508", error = error);
    let width = variants
        .iter()
        .map(|v| v.0)
        .find(|w| *w >= card::WIDTH / 2)
        .or_else(|| variants.iter().map(|v| v.0).max())
        .ok_or_else(|| fault("no variant"))?;
    let jpeg = &files
        .iter()
        .find(|(n, _)| *n == format!("{width}.jpg"))
        .ok_or_else(|| fault("no JPEG variant"))?
        .1;
    Ok(image::load_from_memory(jpeg)
        .map_err(|e| fault(&e.to_string()))?
        .into_rgb8())
}

/// The fix for a photo that could not be processed, when there is one to
/// give (a read error of the site's files brings its own code).
fn photo_help(message: &Msg) -> Option<Msg> {
    Some(match message.code()? {
        "G0501" => msg!("G0501.help"),
        "G0502" => msg!("G0502.help"),
        "G0503" => msg!("G0503.help"),
        "G0504" => msg!("G0504.help"),
        "G0505" => msg!("G0505.help"),
        "G0506" => msg!("G0506.help"),
        "G0507" => msg!("G0507.help"),
        "G0508" => msg!("G0508.help"),
        _ => return None,
    })
}

/// A photo to process: the profile, the path written in the content, and the file.
struct Job {
    slug: String,
    written: String,
    file: PathBuf,
    is_photo: bool,
}

/// The photos to process, leaving out those `validate` rejected (`check`
/// draws the rest of the site anyway).
fn jobs(site: &Site, rejected: Option<&RejectedPhotos>, scope: &Scope) -> Vec<Job> {
    let rejected = |p: &crate::site::Profile, file: &str| {
        rejected.is_some_and(|r| r.contains(&(p.slug.clone(), file.to_string())))
    };
    let mut jobs = Vec::new();
    for p in site.profiles.iter().filter(|p| scope.profile(&p.slug)) {
        if let Some(photo) = p.photo.as_ref().filter(|f| !rejected(p, f)) {
            jobs.push(Job {
                slug: p.slug.clone(),
                written: photo.clone(),
                file: p.bundle.join(photo),
                is_photo: true,
            });
        }
        let mut seen = std::collections::BTreeSet::new();
        for text in std::iter::once(&p.text.vi).chain(p.text.en.as_ref()) {
            for src in crate::markdown::image_sources(&text.body) {
                if crate::paths::is_local(&src) && !rejected(p, &src) && seen.insert(src.clone()) {
                    jobs.push(Job {
                        slug: p.slug.clone(),
                        file: p.bundle.join(&src),
                        written: src,
                        is_photo: false,
                    });
                }
            }
        }
    }
    jobs
}

/// Images in stories are files of the bundle; anything with a scheme is not ours.
/// A progress bar for many photos on a terminal; hidden otherwise.
fn progress(n: usize) -> indicatif::ProgressBar {
    if n < 8 {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(n as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template(&format!(
            "{} {{bar:30}} {{pos}}/{{len}} {{eta}}",
            msg!("images-progress")
        ))
        .expect("valid template"),
    );
    bar
}

/// Process every photo and share card. `cache`: keep encoded files in the site's `.guong-cache/`.
pub fn process(site: &Site, cache: bool) -> Result<(Images, Vec<OutFile>), Vec<Diagnostic>> {
    process_scoped(site, cache, &Scope::All)
}

/// Process the photos and share cards of the profiles in `scope` (the
/// site's own cards only for [`Scope::All`]).
pub fn process_scoped(
    site: &Site,
    cache: bool,
    scope: &Scope,
) -> Result<(Images, Vec<OutFile>), Vec<Diagnostic>> {
    let cache = Cache {
        dir: cache.then(|| site.config.root.join(".guong-cache/images")),
        write: true,
    };
    let (images, files, errors) = run(site, &cache, None, scope);
    if errors.is_empty() {
        Ok((images, files))
    } else {
        Err(errors)
    }
}

/// For `check`, which must draw every page even when some photos are
/// broken: reads the cache without writing to it, leaves out the photos
/// `validate` rejected (it has reported them), and returns the errors of the
/// others beside what did work — a page whose photo failed has none.
pub fn process_for_check(
    site: &Site,
    rejected: &RejectedPhotos,
) -> (Images, Vec<OutFile>, Vec<Diagnostic>) {
    let cache = Cache {
        dir: Some(site.config.root.join(".guong-cache/images")),
        write: false,
    };
    run(site, &cache, Some(rejected), &Scope::All)
}

fn run(
    site: &Site,
    cache: &Cache,
    rejected: Option<&RejectedPhotos>,
    scope: &Scope,
) -> (Images, Vec<OutFile>, Vec<Diagnostic>) {
    let lenient = rejected.is_some();
    let urls = Urls::new(&site.config);
    let encoded = AtomicUsize::new(0);
    let jobs = jobs(site, rejected, scope);
    let bar = progress(jobs.len());
    let results: Vec<(&Job, Result<Done, Msg>)> = jobs
        .par_iter()
        .map(|job| {
            let result = crate::source::read_site_file(&site.config.root, &job.file)
                .map_err(|d| d.message)
                .and_then(|bytes| bytes.ok_or_else(|| msg!("G0507")))
                .and_then(|bytes| process_one(&bytes, site, cache, &encoded));
            bar.inc(1);
            (job, result)
        })
        .collect();
    bar.finish_and_clear();

    let mut images = Images::default();
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut card_sources: BTreeMap<String, image::RgbImage> = BTreeMap::new();
    for (job, result) in results {
        let done = match result {
            Ok(d) => d,
            Err(message) => {
                let help = photo_help(&message);
                let d = Diagnostic::error(Location::file(&job.file), message);
                errors.push(match help {
                    Some(help) => d.help(help),
                    None => d,
                });
                continue;
            }
        };
        let stem = Path::new(&job.written)
            .file_stem()
            .map(|s| crate::text::fold::slugify(&s.to_string_lossy()))
            .unwrap_or_default();
        let stem = if stem.is_empty() {
            "anh".to_string()
        } else {
            stem
        };
        let mut variants = Vec::new();
        for (w, h) in &done.variants {
            let path = |ext: &str| {
                urls.bundle_file(&job.slug, &format!("{stem}-{w}.{}.{ext}", &done.key[..10]))
            };
            variants.push(Variant {
                width: *w,
                height: *h,
                jpeg: path("jpg"),
                webp: path("webp"),
            });
        }
        for (name, bytes) in done.files {
            let (w, ext) = name.split_once('.').expect("width.ext");
            let path =
                urls.bundle_file(&job.slug, &format!("{stem}-{w}.{}.{ext}", &done.key[..10]));
            files.push(OutFile::new(crate::paths::output_file(&path), bytes));
        }
        let picture = Picture { variants };
        if job.is_photo {
            images.photos.insert(job.slug.clone(), picture);
            card_sources.insert(job.slug.clone(), done.card_source);
        } else {
            images
                .story
                .insert((job.slug.clone(), job.written.clone()), picture);
        }
    }
    if !errors.is_empty() && !lenient {
        return (images, files, errors);
    }
    images.encoded = encoded.load(Ordering::Relaxed);
    images.cached = jobs.len().saturating_sub(images.encoded + errors.len());
    if site.config.images.share_cards {
        cards(
            site,
            &urls,
            cache,
            &card_sources,
            scope,
            &mut images,
            &mut files,
        );
    }
    if scope.all() {
        let (banners, banner_files, banner_errors) = banner::make(site, &urls, cache);
        images.banners = banners;
        files.extend(banner_files);
        errors.extend(banner_errors);
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files.dedup_by(|a, b| a.path == b.path);
    (images, files, errors)
}

/// Share cards: one per profile and language, and one for the rest of the site.
fn cards(
    site: &Site,
    urls: &Urls,
    cache: &Cache,
    sources: &BTreeMap<String, image::RgbImage>,
    scope: &Scope,
    images: &mut Images,
    files: &mut Vec<OutFile>,
) {
    struct CardJob<'a> {
        profile: Option<&'a str>,
        lang: Lang,
        honorific: Option<String>,
        name: String,
        role: Option<String>,
        note: Option<String>,
    }
    let mut jobs = Vec::new();
    for lang in Lang::ALL {
        let site_name = site.config.title.text(lang).to_string();
        if scope.all() {
            jobs.push(CardJob {
                profile: None,
                lang,
                honorific: None,
                note: None,
                name: site_name,
                role: site
                    .config
                    .description
                    .as_ref()
                    .map(|d| d.text(lang).to_string()),
            });
        }
        for p in site.profiles.iter().filter(|p| scope.profile(&p.slug)) {
            let (t, _) = p.text.get(lang);
            let role = match (&t.role, &t.organization) {
                (Some(r), Some(o)) => Some(format!("{r}, {o}")),
                (r, o) => r.clone().or_else(|| o.clone()),
            };
            jobs.push(CardJob {
                profile: Some(&p.slug),
                lang,
                honorific: t.honorific.clone(),
                name: t.name.clone(),
                role,
                note: crate::unconfirmed::combined_text(&p.unconfirmed, lang),
            });
        }
    }
    // Each card as its file in the cache (copied into the site when it is
    // written), or as bytes when the cache is not written (`check`).
    let made: Vec<(String, Kept)> = jobs
        .par_iter()
        .map(|j| {
            let site_name = site.config.title.text(j.lang);
            let photo = j.profile.and_then(|s| sources.get(s));
            let mut h = Sha256::new()
                .chain_update(PIPELINE)
                .chain_update(CARD_DESIGN)
                .chain_update(site_name)
                .chain_update(&j.name);
            h.update(j.honorific.as_deref().unwrap_or("\0"));
            h.update(j.role.as_deref().unwrap_or("\0"));
            // Only a card with a note differs from the cards made before notes.
            if let Some(note) = &j.note {
                h.update(note);
            }
            if let Some(p) = photo {
                h.update(p.as_raw());
            }
            let key = hex(&h.finalize()[..8]);
            let ext = card_file::extension(photo.is_some());
            let name = format!("card-{key}.{ext}");
            let card = cache.existing(&name).map(Kept::Cached).unwrap_or_else(|| {
                let text = card::CardText {
                    honorific: j.honorific.as_deref(),
                    name: &j.name,
                    role: j.role.as_deref(),
                    note: j.note.as_deref(),
                    site_name,
                };
                let indexed = photo.is_none().then(|| {
                    card::render_indexed(&text).and_then(|c| card_file::encode_indexed(&c))
                });
                let file = indexed.flatten().unwrap_or_else(|| {
                    card_file::encode(&card::render(photo, &text), photo.is_some())
                });
                cache.keep(&name, file.bytes)
            });
            (format!("{}.{ext}", &key[..10]), card)
        })
        .collect();
    for (j, (file, card)) in jobs.iter().zip(made) {
        let path = match j.profile {
            Some(slug) => urls.profile_card(j.lang, slug, &file),
            None => crate::paths::site_card(j.lang, &file),
        };
        let c = Card {
            path: path.clone(),
            width: card::WIDTH,
            height: card::HEIGHT,
        };
        match j.profile {
            Some(slug) => images.cards.insert((slug.to_string(), j.lang), c),
            None => images.site_cards.insert(j.lang, c),
        };
        let out = crate::paths::output_file(&path);
        files.push(card.into_file(out));
    }
}
