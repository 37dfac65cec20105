//! `site.yaml`: parsed raw (unknown keys are errors), then resolved once into
//! the [`Config`] every later stage reads. Reads nothing but `site.yaml`.

use crate::error::{Diagnostic, Location};
use crate::messages::{msg, Msg};
use crate::text::fold::is_slug;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub use crate::messages::Lang;

/// Chữ theo từng ngôn ngữ: `{vi: "…", en: "…"}`. / Text per language.
#[derive(Debug, Clone, Deserialize, serde::Serialize, PartialEq, Eq, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LocalText {
    /// Tiếng Việt. / Vietnamese.
    pub vi: String,
    /// Tiếng Anh (nếu bỏ trống, trang tiếng Anh dùng tiếng Việt). / English.
    #[serde(default)]
    pub en: Option<String>,
}

impl LocalText {
    /// The text in `lang`, and whether it is really in that language (false
    /// when English falls back to Vietnamese).
    pub fn get(&self, lang: Lang) -> (&str, Lang) {
        match (lang, &self.en) {
            (Lang::En, Some(en)) if !en.trim().is_empty() => (en, Lang::En),
            _ => (&self.vi, Lang::Vi),
        }
    }
    pub fn text(&self, lang: Lang) -> &str {
        self.get(lang).0
    }
}

// `paths`, `paginate` and `images` are guong's extensions of the format.
// The doc comments are the editor's hover text (`guong schema`).

/// # Cài đặt trang (site.yaml)
/// Tên, địa chỉ và các tùy chọn của trang. / The site's name, address and options.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    /// Tên trang. / The site's name.
    title: LocalText,
    /// Mô tả ngắn của trang (cho máy tìm kiếm). / A short description for search engines.
    #[serde(default)]
    description: Option<LocalText>,
    /// Địa chỉ trang khi xuất bản, ví dụ `https://guong.sonla.gov.vn`. / The address the site is published at.
    base_url: String,
    /// Luôn là `[vi, en]`. / Always `[vi, en]`.
    languages: Vec<String>,
    /// Luôn là `vi`. / Always `vi`.
    default_language: String,
    /// Giao diện: `default` hoặc tên một thư mục trong themes/. / The theme.
    theme: String,
    /// Tên đường dẫn theo ngôn ngữ, ví dụ `{en: {profiles: people}}`. / URL path names per language.
    #[serde(default)]
    paths: BTreeMap<String, BTreeMap<String, String>>,
    /// Số hồ sơ mỗi trang danh sách (mặc định 24). / Profiles per listing page (default 24).
    #[serde(default)]
    #[schemars(range(min = 1))]
    paginate: Option<usize>,
    /// Xử lý ảnh. / Photo processing.
    #[serde(default)]
    images: RawImages,
    /// Đơn vị xuất bản trang, ghi ở chân trang. / Who publishes the site (shown in the footer).
    #[serde(default)]
    publisher: Option<LocalText>,
    /// Cách liên hệ (địa chỉ thư điện tử, trang web hoặc điện thoại), ghi ở chân trang. / How to reach the publisher (footer).
    #[serde(default)]
    contact: Option<LocalText>,
    /// Giấy phép sử dụng nội dung, ghi ở chân trang. / The licence of the content (footer).
    #[serde(default)]
    license: Option<LocalText>,
    /// Các văn bản nguồn của nội dung, ghi ở chân trang. / The documents the content is drawn from (footer).
    #[serde(default)]
    sources: Option<LocalText>,
    /// Trang "Giới thiệu" trong thanh điều hướng: tên một tệp trong content/pages/ (mặc định `gioi-thieu`). / The page the navigation's "About" link opens: a slug of content/pages/ (default `gioi-thieu`).
    #[serde(default)]
    about_page: Option<String>,
    /// Các khổ băng rôn, phướn in khẩu hiệu, tính bằng xăng-ti-mét (mặc định: ngang 500 × cao 80, 400 × 60 và phướn 80 × 250; `[]`: không tạo). / The sizes slogan banners are made at, in centimetres (`[]`: none).
    #[serde(default)]
    banner_sizes: Option<Vec<BannerSize>>,
}

/// Một khổ băng rôn. / One banner size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BannerSize {
    /// Chiều rộng, tính bằng xăng-ti-mét, ví dụ 500. / Width in centimetres.
    #[schemars(range(min = 10, max = 508))]
    pub width_cm: u32,
    /// Chiều cao, tính bằng xăng-ti-mét, ví dụ 80. / Height in centimetres.
    #[schemars(range(min = 10, max = 508))]
    pub height_cm: u32,
}

impl BannerSize {
    /// A PDF page may be at most 200 inches on a side (14,400 points, a
    /// limit of Acrobat and of PDF 1.x readers): 508 cm. A 5 m banner fits.
    pub const MAX_CM: u32 = 508;
    /// Below this a banner is a sign, not a banner.
    pub const MIN_CM: u32 = 10;
    /// The sizes made when `site.yaml` names none: the horizontal băng rôn
    /// of 0.8 × 5 m and 0.6 × 4 m, and a vertical phướn of 0.8 × 2.5 m.
    pub const DEFAULTS: [BannerSize; 3] = [
        BannerSize {
            width_cm: 500,
            height_cm: 80,
        },
        BannerSize {
            width_cm: 400,
            height_cm: 60,
        },
        BannerSize {
            width_cm: 80,
            height_cm: 250,
        },
    ];
    /// As file names carry it: width × height in centimetres, `500x80`.
    pub fn name(self) -> String {
        format!("{}x{}", self.width_cm, self.height_cm)
    }
    /// Taller than wide: a phướn, hung vertically.
    pub fn vertical(self) -> bool {
        self.height_cm > self.width_cm
    }
}

/// Xử lý ảnh. / Photo processing.
#[derive(Debug, Deserialize, Default, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawImages {
    /// Các chiều rộng ảnh tạo ra, tính bằng điểm ảnh (mặc định [320, 640, 1024, 1600]). / Widths of the variants, in pixels.
    #[serde(default)]
    #[schemars(inner(range(min = 16, max = 8192)))]
    widths: Option<Vec<u32>>,
    /// Chất lượng JPEG và WebP, 1–100 (mặc định 80). / JPEG and WebP quality.
    #[serde(default)]
    #[schemars(range(min = 1, max = 100))]
    quality: Option<u8>,
    /// Ảnh lớn hơn số megapixel này bị từ chối (mặc định 50). / Larger photos are refused.
    #[serde(default)]
    max_megapixels: Option<u32>,
    /// Tạo ảnh chia sẻ 1200×630 cho mỗi hồ sơ (mặc định `true`). / Draw share cards.
    #[serde(default)]
    share_cards: Option<bool>,
}

/// The schema of `site.yaml`, from the struct that parses it.
pub fn schema(settings: &schemars::generate::SchemaSettings) -> schemars::Schema {
    settings
        .clone()
        .into_generator()
        .into_root_schema_for::<RawConfig>()
}

/// How photos are processed (`images:` in site.yaml).
#[derive(Debug, Clone)]
pub struct ImageSettings {
    /// Widths of the responsive variants, in pixels (never upscaled).
    pub widths: Vec<u32>,
    /// JPEG and WebP quality, 1–100.
    pub quality: u8,
    /// Larger images are refused before decoding (decompression bombs).
    pub max_pixels: u64,
    /// Draw a share card per profile and language.
    pub share_cards: bool,
}

/// A section of the site with a path name of its own in each language;
/// `site.yaml` may rename each under `paths:` (docs/reference.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    Profiles,
    Congresses,
    Movements,
    Slogans,
    Statistics,
    Fields,
    Communes,
    Awards,
    Years,
    Kinds,
    Search,
    /// The page number of a listing's further pages (`/dien-hinh/trang/2/`).
    Page,
    /// The page a reader's browser shows, without a network, for a page it
    /// never saved (`/ngoai-tuyen/`).
    Offline,
}

impl Section {
    pub const ALL: [Section; 13] = [
        Section::Profiles,
        Section::Congresses,
        Section::Movements,
        Section::Slogans,
        Section::Statistics,
        Section::Fields,
        Section::Communes,
        Section::Awards,
        Section::Years,
        Section::Kinds,
        Section::Search,
        Section::Page,
        Section::Offline,
    ];

    /// Its key under `paths:` in `site.yaml`.
    pub fn key(self) -> &'static str {
        self.names().0
    }

    fn from_key(key: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.key() == key)
    }

    /// The path name when `site.yaml` does not rename it.
    pub fn default_name(self, lang: Lang) -> &'static str {
        let (_, vi, en) = self.names();
        match lang {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }

    /// (key, Vietnamese path name, English path name)
    fn names(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Section::Profiles => ("profiles", "dien-hinh", "profiles"),
            Section::Congresses => ("congresses", "dai-hoi", "congresses"),
            Section::Movements => ("movements", "phong-trao", "movements"),
            Section::Slogans => ("slogans", "khau-hieu", "slogans"),
            Section::Statistics => ("statistics", "thong-ke", "statistics"),
            Section::Fields => ("fields", "linh-vuc", "fields"),
            Section::Communes => ("communes", "xa-phuong", "communes"),
            Section::Awards => ("awards", "khen-thuong", "awards"),
            Section::Years => ("years", "nam", "years"),
            Section::Kinds => ("kinds", "loai", "kinds"),
            Section::Search => ("search", "tim-kiem", "search"),
            Section::Page => ("page", "trang", "page"),
            Section::Offline => ("offline", "ngoai-tuyen", "offline"),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Config {
    pub root: PathBuf,
    pub title: LocalText,
    pub description: Option<LocalText>,
    /// Without trailing slash: `https://example.org` or `https://example.org/sub`.
    pub base_url: String,
    /// The path part of `base_url`, without trailing slash ("" at a domain root).
    pub base_path: String,
    pub theme: String,
    pub paginate: usize,
    pub images: ImageSettings,
    pub footer: Footer,
    /// The slug of the page the navigation's "About" link opens; set in
    /// `site.yaml` (`about_page`) or the default [`DEFAULT_ABOUT_PAGE`].
    pub about_page: String,
    /// Whether `site.yaml` named the About page itself (then it must exist).
    pub about_page_set: bool,
    /// The sizes slogan banners are made at (`banner_sizes`), each once.
    pub banner_sizes: Vec<BannerSize>,
    paths: BTreeMap<(Lang, Section), String>,
}

/// The About page when `site.yaml` names none.
pub const DEFAULT_ABOUT_PAGE: &str = "gioi-thieu";

/// What the footer says about the site, each line only when `site.yaml` sets it.
#[derive(Debug, Clone, Default)]
pub struct Footer {
    pub publisher: Option<LocalText>,
    pub contact: Option<LocalText>,
    pub license: Option<LocalText>,
    pub sources: Option<LocalText>,
}

/// The host of the placeholder address in the bundled `site.yaml` and in
/// the docs' examples: a site built with it links to a site that is not it.
pub const EXAMPLE_HOST: &str = "guong.example.org";

impl Config {
    /// Whether `base_url` is still the placeholder [`EXAMPLE_HOST`].
    pub fn has_example_address(&self) -> bool {
        let rest = self.base_url.split_once("://").map_or("", |(_, r)| r);
        let host = rest.split(['/', ':']).next().unwrap_or_default();
        host.eq_ignore_ascii_case(EXAMPLE_HOST)
    }

    /// The path name of a URL section in a language (`Profiles` → `dien-hinh`).
    pub fn section(&self, lang: Lang, section: Section) -> &str {
        // Every section of both languages is filled in when the settings are read.
        &self.paths[&(lang, section)]
    }

    /// Replace the base URL (for `--base-url` and `serve`).
    pub fn with_base_url(mut self, url: &str) -> Result<Self, Msg> {
        let (base, path) = split_base_url(url)?;
        self.base_url = base;
        self.base_path = path;
        Ok(self)
    }

    pub fn load(root: &Path) -> Result<Config, Vec<Diagnostic>> {
        let rel = PathBuf::from("site.yaml");
        let text = match crate::source::read_text(root, &rel) {
            Ok(Some(text)) => text,
            Ok(None) => {
                return Err(vec![Diagnostic::error(Location::file(&rel), msg!("G0310"))
                    .help(msg!("G0310.help", root = root.display().to_string()))])
            }
            Err(d) => return Err(vec![d]),
        };
        let raw: RawConfig = crate::yaml::parse(&text, &rel, 1).map_err(|d| vec![d])?;
        resolve(raw, root, &rel, &text)
    }
}

fn split_base_url(url: &str) -> Result<(String, String), Msg> {
    let url = url.trim().trim_end_matches('/');
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| msg!("G0311", url = url))?;
    if rest.is_empty() || rest.starts_with('/') || rest.contains(char::is_whitespace) {
        return Err(msg!("G0312", url = url));
    }
    let path = rest
        .find('/')
        .map(|i| rest[i..].to_string())
        .unwrap_or_default();
    Ok((url.to_string(), path))
}

/// The path name of every section in both languages: the defaults, with
/// what `site.yaml` renames under `paths:` (checked: known sections, valid
/// names, no two sections of a language on one path).
fn resolve_paths(
    raw: &BTreeMap<String, BTreeMap<String, String>>,
    at: &dyn Fn(&[crate::yaml::Seg]) -> Location,
    errors: &mut Vec<Diagnostic>,
) -> BTreeMap<(Lang, Section), String> {
    use crate::yaml::Seg;
    let mut paths = BTreeMap::new();
    for lang in Lang::ALL {
        let overrides = raw.get(lang.code());
        for section in Section::ALL {
            let value = overrides
                .and_then(|o| o.get(section.key()))
                .cloned()
                .unwrap_or_else(|| section.default_name(lang).to_string());
            paths.insert((lang, section), value);
        }
    }
    for (lang, table) in raw {
        if Lang::from_code(lang).is_none() {
            errors.push(
                Diagnostic::error(
                    at(&[Seg::Key("paths"), Seg::Key(lang)]),
                    msg!("G0313", lang = lang),
                )
                .field("paths")
                .help(msg!("G0313.help")),
            );
            continue;
        }
        let mut seen = BTreeMap::new();
        for (name, value) in table {
            let loc = at(&[Seg::Key("paths"), Seg::Key(lang), Seg::Key(name)]);
            if Section::from_key(name).is_none() {
                let names = Section::ALL.map(Section::key);
                let mut d = Diagnostic::error(loc.clone(), msg!("G0314", name = name))
                    .field(format!("paths.{lang}"));
                d = d.help(match crate::yaml::closest(name, names) {
                    Some(best) => msg!("config-did-you-mean", suggestion = best),
                    None => msg!("G0314.help"),
                });
                errors.push(d);
            }
            if !is_slug(value) {
                errors.push(
                    Diagnostic::error(loc.clone(), msg!("G0315", value = value))
                        .field(format!("paths.{lang}.{name}"))
                        .help(msg!("G0315.help")),
                );
            }
            if let Some(other) = seen.insert(value.clone(), name.clone()) {
                errors.push(
                    Diagnostic::error(
                        loc,
                        msg!("G0316", name = name, other = other, value = value),
                    )
                    .field(format!("paths.{lang}"))
                    .help(msg!("G0316.help")),
                );
            }
        }
    }
    paths
}

/// The settings guong does not let a site change (the languages, the
/// default language) and the theme folder.
fn check_fixed(
    raw: &RawConfig,
    root: &Path,
    at: &dyn Fn(&[crate::yaml::Seg]) -> Location,
    errors: &mut Vec<Diagnostic>,
) {
    use crate::yaml::Seg;
    if raw.languages != ["vi", "en"] {
        errors.push(
            Diagnostic::error(
                at(&[Seg::Key("languages")]),
                msg!("G0317", found = format!("{:?}", raw.languages)),
            )
            .field("languages")
            .help(msg!("G0317.help")),
        );
    }
    if raw.default_language != "vi" {
        errors.push(
            Diagnostic::error(at(&[Seg::Key("default_language")]), msg!("G0318"))
                .field("default_language")
                .help(msg!("G0318.help")),
        );
    }
    if !is_slug(&raw.theme) {
        errors.push(
            Diagnostic::error(at(&[Seg::Key("theme")]), msg!("G0319"))
                .field("theme")
                .help(msg!("G0319.help")),
        );
    } else if raw.theme != "default" && !root.join("themes").join(&raw.theme).is_dir() {
        errors.push(
            Diagnostic::error(at(&[Seg::Key("theme")]), msg!("G0320", theme = &raw.theme))
                .field("theme")
                .help(msg!("G0320.help")),
        );
    }
}

/// The photo settings, with their defaults.
fn resolve_images(
    raw: &RawImages,
    at: &dyn Fn(&[crate::yaml::Seg]) -> Location,
    errors: &mut Vec<Diagnostic>,
) -> ImageSettings {
    use crate::yaml::Seg;
    let mut widths = raw
        .widths
        .clone()
        .unwrap_or_else(|| vec![320, 640, 1024, 1600]);
    widths.sort_unstable();
    widths.dedup();
    if widths.is_empty() || widths.iter().any(|w| !(16..=8192).contains(w)) {
        errors.push(
            Diagnostic::error(at(&[Seg::Key("images"), Seg::Key("widths")]), msg!("G0321"))
                .field("images.widths")
                .help(msg!("G0321.help")),
        );
    }
    let quality = raw.quality.unwrap_or(80);
    if !(1..=100).contains(&quality) {
        errors.push(
            Diagnostic::error(
                at(&[Seg::Key("images"), Seg::Key("quality")]),
                msg!("G0322"),
            )
            .field("images.quality")
            .help(msg!("G0322.help")),
        );
    }
    ImageSettings {
        widths,
        quality,
        max_pixels: raw.max_megapixels.unwrap_or(50) as u64 * 1_000_000,
        share_cards: raw.share_cards.unwrap_or(true),
    }
}

/// The banner sizes, with their defaults; each size once, in the order written.
fn resolve_banner_sizes(
    raw: Option<&[BannerSize]>,
    at: &dyn Fn(&[crate::yaml::Seg]) -> Location,
    errors: &mut Vec<Diagnostic>,
) -> Vec<BannerSize> {
    use crate::yaml::Seg;
    let Some(raw) = raw else {
        return BannerSize::DEFAULTS.to_vec();
    };
    let mut sizes = Vec::new();
    for (i, size) in raw.iter().enumerate() {
        let range = BannerSize::MIN_CM..=BannerSize::MAX_CM;
        for (key, cm) in [("width_cm", size.width_cm), ("height_cm", size.height_cm)] {
            if !range.contains(&cm) {
                errors.push(
                    Diagnostic::error(
                        at(&[Seg::Key("banner_sizes"), Seg::Index(i), Seg::Key(key)]),
                        msg!(
                            "G0621",
                            cm = cm,
                            min = BannerSize::MIN_CM,
                            max = BannerSize::MAX_CM
                        ),
                    )
                    .field(format!("banner_sizes.{key}"))
                    .help(msg!("G0621.help")),
                );
            }
        }
        if !sizes.contains(size) {
            sizes.push(*size);
        }
    }
    sizes
}

fn resolve(raw: RawConfig, root: &Path, rel: &Path, text: &str) -> Result<Config, Vec<Diagnostic>> {
    use crate::yaml::{Positions, Seg};
    let mut errors = Vec::new();
    let positions = Positions::of(text);
    let at = |path: &[Seg]| {
        let (line, col) = positions.get(path).unwrap_or((1, 1));
        Location::at(rel, line, Some(col))
    };
    let (base_url, base_path) = match split_base_url(&raw.base_url) {
        Ok(v) => v,
        Err(message) => {
            errors.push(
                Diagnostic::error(at(&[Seg::Key("base_url")]), message)
                    .field("base_url")
                    .help(msg!("G0311.help")),
            );
            (String::new(), String::new())
        }
    };
    check_fixed(&raw, root, &at, &mut errors);
    let paths = resolve_paths(&raw.paths, &at, &mut errors);
    let paginate = raw.paginate.unwrap_or(24);
    if paginate == 0 {
        errors.push(
            Diagnostic::error(at(&[Seg::Key("paginate")]), msg!("G0323"))
                .field("paginate")
                .help(msg!("G0323.help")),
        );
    }
    let images = resolve_images(&raw.images, &at, &mut errors);
    let banner_sizes = resolve_banner_sizes(raw.banner_sizes.as_deref(), &at, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Config {
        images,
        root: root.to_path_buf(),
        title: raw.title,
        description: raw.description,
        base_url,
        base_path,
        theme: raw.theme,
        paginate,
        footer: Footer {
            publisher: raw.publisher,
            contact: raw.contact,
            license: raw.license,
            sources: raw.sources,
        },
        paths,
        about_page_set: raw.about_page.is_some(),
        banner_sizes,
        about_page: raw
            .about_page
            .unwrap_or_else(|| DEFAULT_ABOUT_PAGE.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_splits_path() {
        assert_eq!(
            split_base_url("https://a.org/").unwrap(),
            ("https://a.org".into(), "".into())
        );
        assert_eq!(
            split_base_url("http://127.0.0.1:8080/sub/").unwrap(),
            ("http://127.0.0.1:8080/sub".into(), "/sub".into())
        );
        let code = |url| split_base_url(url).unwrap_err().code();
        assert_eq!(code("example.org"), Some("G0311"));
        assert_eq!(code("https://a b"), Some("G0312"));
        assert_eq!(
            split_base_url("example.org")
                .unwrap_err()
                .render(crate::messages::Lang::En),
            "`example.org` is not an absolute http(s) URL"
        );
    }
}
