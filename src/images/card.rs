//! Share cards: draws the 1200×630 Open Graph image of each profile.
//!
//! Facebook and Zalo show this picture when a profile's link is shared, and it
//! is most of what readers see there, so it carries the essentials on its own:
//! the photo (or the site's emblem), honorific, name, role and site name. The
//! fonts (Noto Sans, OFL) are embedded in the binary so every machine draws
//! the same pixels; they hold every precomposed Vietnamese letter, so NFC text
//! is laid out glyph by glyph (advance + kerning) without a shaping engine.

use super::palette::Indexed;
use ab_glyph::{point, Font, FontRef, GlyphId, PxScale, ScaleFont};
use image::imageops::{self, FilterType};
use image::{Rgb, RgbImage};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

/// The words on a card.
pub struct CardText<'a> {
    pub honorific: Option<&'a str>,
    pub name: &'a str,
    pub role: Option<&'a str>,
    /// That a spelling on the card is still being checked against the
    /// original document: a shared link is often all people see, so the
    /// card says it as the page does.
    pub note: Option<&'a str>,
    pub site_name: &'a str,
}

// The site's palette (see themes/default/static/style.css and emblem.svg).
const BACKGROUND: Rgb<u8> = Rgb([0xa4, 0x23, 0x1b]);
const PANEL: Rgb<u8> = Rgb([0x8c, 0x1d, 0x16]);
const DISC: Rgb<u8> = Rgb([0xb3, 0x26, 0x1e]);
const GOLD_BAR: Rgb<u8> = Rgb([0xd9, 0xa5, 0x2b]);
const GOLD: Rgb<u8> = Rgb([0xf6, 0xc4, 0x45]);
const WHITE: Rgb<u8> = Rgb([0xff, 0xff, 0xff]);
const LIGHT: Rgb<u8> = Rgb([0xfb, 0xe9, 0xe7]);

const PHOTO_W: u32 = 450;
const PAD: f32 = 56.0;
const BAR_H: u32 = 12;
const TEXT_X0: f32 = PHOTO_W as f32 + PAD;
const TEXT_X1: f32 = WIDTH as f32 - PAD;
const TEXT_W: f32 = TEXT_X1 - TEXT_X0;
/// Baseline of the site name, and the rule above it that closes the text block.
const SITE_BASELINE: f32 = (HEIGHT - BAR_H) as f32 - 34.0;
const RULE_Y: u32 = HEIGHT - BAR_H - 84;

/// Noto Sans Bold (OFL), for the cards and the slogan banners.
pub const NOTO_SANS_BOLD: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/themes/default/fonts/NotoSans-Bold.ttf"
));

struct Fonts {
    regular: FontRef<'static>,
    bold: FontRef<'static>,
}
/// The embedded fonts, parsed once per process.
fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| Fonts {
        regular: FontRef::try_from_slice(include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/themes/default/fonts/NotoSans-Regular.ttf"
        )))
        .expect("the embedded NotoSans-Regular.ttf is a valid font"),
        bold: FontRef::try_from_slice(NOTO_SANS_BOLD)
            .expect("the embedded NotoSans-Bold.ttf is a valid font"),
    })
}

/// Noto Sans Bold, parsed once for the cards and the slogan banners.
pub fn bold() -> &'static FontRef<'static> {
    &fonts().bold
}

/// Characters of `text` the bundled fonts have no glyph for (empty = everything renders).
pub fn missing_glyphs(text: &str) -> Vec<char> {
    let f = fonts();
    let mut missing = Vec::new();
    for c in text
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
    {
        // Any field may be drawn in either weight, so both must have the glyph.
        let absent = f.regular.glyph_id(c) == GlyphId(0) || f.bold.glyph_id(c) == GlyphId(0);
        if absent && !missing.contains(&c) {
            missing.push(c);
        }
    }
    missing
}

type Sized = ab_glyph::PxScaleFont<&'static FontRef<'static>>;

/// A font at a size in pixels per em, as CSS sizes are; ab_glyph's own scale
/// is ascent−descent, which would make every size ~27% smaller than it reads.
fn sized(font: &'static FontRef<'static>, em: f32) -> Sized {
    let upem = font.units_per_em().unwrap_or(1000.0);
    font.as_scaled(PxScale::from(em * font.height_unscaled() / upem))
}

/// Lays `text` out on one line, calling `each` with every glyph and its pen
/// position; returns the width. Advance plus kerning is all NFC Vietnamese
/// needs, since every letter with its marks is a single glyph in Noto Sans.
fn layout(font: &Sized, text: &str, mut each: impl FnMut(GlyphId, f32)) -> f32 {
    let (mut x, mut prev) = (0.0, None);
    for c in text.chars() {
        let id = font.glyph_id(c);
        x += prev.map_or(0.0, |p| font.kern(p, id));
        each(id, x);
        x += font.h_advance(id);
        prev = Some(id);
    }
    x
}

fn measure(font: &Sized, text: &str) -> f32 {
    layout(font, text, |_, _| {})
}

/// Wraps `text` to the text column in at most `max_lines` lines, greedily at
/// spaces. A word wider than the column (a name typed without spaces) is
/// split between letters; text that does not fit ends in "…" after the last
/// whole word that does, so no word is shown half-finished.
fn fit(font: &Sized, text: &str, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if measure(font, &candidate) <= TEXT_W {
            line = candidate;
            continue;
        }
        lines.extend((!line.is_empty()).then(|| std::mem::take(&mut line)));
        for c in word.chars() {
            line.push(c);
            if measure(font, &line) > TEXT_W && line.chars().count() > 1 {
                line.pop();
                lines.push(std::mem::replace(&mut line, c.to_string()));
            }
        }
    }
    lines.extend((!line.is_empty()).then_some(line));
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            loop {
                let t = last.trim_end_matches(|c: char| c.is_whitespace() || ",;:.-–".contains(c));
                let shown = format!("{t}…");
                if t.is_empty() || measure(font, &shown) <= TEXT_W {
                    *last = shown;
                    break;
                }
                // Drop the last word, or a letter when one word fills the line.
                let last_char = t.chars().last().map_or(0, char::len_utf8);
                let cut = t.rfind(' ').unwrap_or(t.len() - last_char);
                last.truncate(cut);
            }
        }
    }
    lines
}

/// What a card is drawn on: RGB pixels (a card with a photo) or palette
/// indices ([`Mixing`], a card without one, so its PNG needs no pass to
/// count colours). The drawing code is the same, so both give the same
/// pixels.
pub trait Surface {
    fn pixel(&self, x: u32, y: u32) -> Rgb<u8>;
    fn put(&mut self, x: u32, y: u32, colour: Rgb<u8>);
    /// Mixes `colour` into a pixel by `level` steps of [`COVERAGE_STEPS`].
    fn mix(&mut self, x: u32, y: u32, colour: Rgb<u8>, level: u8) {
        let p = mixed(self.pixel(x, y), colour, level);
        self.put(x, y, p);
    }
}

/// `colour` over `p` at `level` steps of [`COVERAGE_STEPS`].
fn mixed(mut p: Rgb<u8>, colour: Rgb<u8>, level: u8) -> Rgb<u8> {
    let a = f32::from(level) / COVERAGE_STEPS;
    for (c, want) in p.0.iter_mut().zip(colour.0) {
        *c = (*c as f32 + (want as f32 - *c as f32) * a).round() as u8;
    }
    p
}

impl Surface for RgbImage {
    fn pixel(&self, x: u32, y: u32) -> Rgb<u8> {
        *self.get_pixel(x, y)
    }
    fn put(&mut self, x: u32, y: u32, colour: Rgb<u8>) {
        self.put_pixel(x, y, colour);
    }
}

/// An indexed card with the mixes already made remembered: a card's
/// letters mix three colours over a few dozen, in 12 steps, hundreds of
/// thousands of times, so (index under, colour, step) → index is looked up
/// rather than computed and hashed into the palette each time.
struct Mixing<'a> {
    img: &'a mut Indexed,
    colours: Vec<Rgb<u8>>,
    /// Per colour, 256 indices × 13 steps: index + 1, 0 when not made yet.
    made: Vec<u16>,
}

impl Surface for Mixing<'_> {
    fn pixel(&self, x: u32, y: u32) -> Rgb<u8> {
        self.img.get(x, y)
    }
    fn put(&mut self, x: u32, y: u32, colour: Rgb<u8>) {
        self.img.set(x, y, colour);
    }
    fn mix(&mut self, x: u32, y: u32, colour: Rgb<u8>, level: u8) {
        let c = match self.colours.iter().position(|&c| c == colour) {
            Some(c) => c,
            None => {
                self.colours.push(colour);
                self.made.resize(self.made.len() + 256 * 13, 0);
                self.colours.len() - 1
            }
        };
        let under = self.img.index_at(x, y);
        let slot = (c * 256 + usize::from(under)) * 13 + usize::from(level);
        match self.made[slot] {
            0 => {
                let p = mixed(self.img.colour(under), colour, level);
                self.img.set(x, y, p);
                // A 257th colour leaves the image not whole: nothing to keep.
                if self.img.is_whole() {
                    self.made[slot] = u16::from(self.img.index_at(x, y)) + 1;
                }
            }
            i => self.img.set_index(x, y, (i - 1) as u8),
        }
    }
}

/// Draws one line from the text column's left edge, baseline at `y`.
fn draw_line(canvas: &mut impl Surface, font: &Sized, text: &str, y: f32, color: Rgb<u8>) {
    // `fit` keeps text inside the column; clipping (with room for side
    // bearings) is the safety net that keeps the margin clean.
    let column = TEXT_X0 as i32 - 8..TEXT_X1 as i32 + 8;
    layout(font, text, |id, x| {
        let (x, y) = (TEXT_X0 + x, y.round() as i32);
        // A quarter of a pixel is as close as the eye sees a letter's place.
        let quarters = ((x - x.floor()) * 4.0).round() as i32;
        let (x0, quarter) = (x.floor() as i32 + quarters / 4, (quarters % 4) as u8);
        let glyph = rasterized(font, id, quarter);
        for (row, levels) in glyph.levels.chunks_exact(glyph.width.max(1)).enumerate() {
            let py = y + glyph.top + row as i32;
            for (col, &level) in levels.iter().enumerate().filter(|(_, l)| **l > 0) {
                let px = x0 + glyph.left + col as i32;
                if column.contains(&px) && (0..HEIGHT as i32).contains(&py) {
                    canvas.mix(px as u32, py as u32, color, level);
                }
            }
        }
    });
}

/// A glyph's coverage as steps of [`COVERAGE_STEPS`], row by row, placed
/// relative to its pen position.
struct Rasterized {
    left: i32,
    top: i32,
    width: usize,
    levels: Vec<u8>,
}

/// The glyph `id` of `font` at a pen position a whole pixel plus `quarter`
/// quarters: drawn once per thread and kept, since a card repeats a few
/// dozen letters and every card of a site the same sizes. Rasterizing was
/// a tenth of a card's time.
fn rasterized(font: &Sized, id: GlyphId, quarter: u8) -> Arc<Rasterized> {
    type Key = (usize, u32, u16, u8);
    thread_local! {
        static DRAWN: std::cell::RefCell<HashMap<Key, Arc<Rasterized>>> = Default::default();
    }
    let key = (
        std::ptr::from_ref(font.font).addr(),
        font.scale().y.to_bits(),
        id.0,
        quarter,
    );
    if let Some(g) = DRAWN.with_borrow(|d| d.get(&key).cloned()) {
        return g;
    }
    let glyph = id.with_scale_and_position(font.scale(), point(f32::from(quarter) / 4.0, 0.0));
    let g = Arc::new(match font.outline_glyph(glyph) {
        Some(outline) => {
            let b = outline.px_bounds();
            let width = b.width() as usize;
            let mut levels = vec![0; width * b.height() as usize];
            outline.draw(|gx, gy, coverage| {
                levels[gy as usize * width + gx as usize] = level(coverage);
            });
            Rasterized {
                left: b.min.x as i32,
                top: b.min.y as i32,
                width,
                levels,
            }
        }
        None => Rasterized {
            left: 0,
            top: 0,
            width: 0,
            levels: Vec::new(),
        },
    });
    DRAWN.with_borrow_mut(|d| d.insert(key, g.clone()));
    g
}

/// Steps of anti-aliasing: 12 read as smooth as 256 at this size, and keep
/// a card without a photo within a palette of a few dozen colours, so it is
/// stored as a small palette PNG (see `encode`).
const COVERAGE_STEPS: f32 = 12.0;

/// Coverage (0–1, or beyond) as a step of [`COVERAGE_STEPS`].
fn level(coverage: f32) -> u8 {
    (coverage.clamp(0.0, 1.0) * COVERAGE_STEPS).round() as u8
}

/// Mixes `color` into a pixel by `coverage` (0–1): anti-aliased edges.
fn blend(canvas: &mut impl Surface, x: u32, y: u32, color: Rgb<u8>, coverage: f32) {
    match level(coverage) {
        0 => {}
        step => canvas.mix(x, y, color, step),
    }
}

fn fill(
    canvas: &mut impl Surface,
    xs: std::ops::Range<u32>,
    ys: std::ops::Range<u32>,
    color: Rgb<u8>,
) {
    for y in ys {
        for x in xs.clone() {
            canvas.put(x, y, color);
        }
    }
}

/// Fills the photo area with the photo, scaled to cover it and centred.
fn draw_photo(canvas: &mut RgbImage, photo: &RgbImage) {
    let ((pw, ph), (w, h)) = (photo.dimensions(), (PHOTO_W, HEIGHT));
    if pw == 0 || ph == 0 {
        return;
    }
    let scale = (w as f32 / pw as f32).max(h as f32 / ph as f32);
    let cw = ((w as f32 / scale).round() as u32).clamp(1, pw);
    let ch = ((h as f32 / scale).round() as u32).clamp(1, ph);
    let (x0, y0) = ((pw - cw) / 2, (ph - ch) / 2);
    // Camera photos can be 12 MP, and Catmull-Rom over all of that alone takes
    // several times a card's 50 ms budget. An integer box average (one pass
    // over the bytes) first brings big crops to 2–4× the target, which still
    // leaves Catmull-Rom enough pixels to stay sharp.
    let k = cw / (2 * w);
    let fitted = if k >= 2 {
        imageops::resize(
            &box_shrink(photo, (x0, y0, cw, ch), k),
            w,
            h,
            FilterType::CatmullRom,
        )
    } else {
        let crop = imageops::crop_imm(photo, x0, y0, cw, ch);
        imageops::resize(&*crop, w, h, FilterType::CatmullRom)
    };
    imageops::replace(canvas, &fitted, 0, 0);
}

/// Averages k×k blocks of the region (x, y, w, h); a remainder of fewer than
/// k pixels at its right and bottom edges is dropped.
fn box_shrink(src: &RgbImage, (x0, y0, w, h): (u32, u32, u32, u32), k: u32) -> RgbImage {
    let (ow, oh, k) = ((w / k) as usize, (h / k) as usize, k as usize);
    let (stride, raw): (usize, &[u8]) = (src.width() as usize * 3, src);
    let mut out = RgbImage::new(ow as u32, oh as u32);
    let mut sums = vec![0u32; ow * 3];
    for (oy, dst) in out.chunks_exact_mut(ow * 3).enumerate() {
        sums.fill(0);
        for sy in 0..k {
            let start = (y0 as usize + oy * k + sy) * stride + x0 as usize * 3;
            let blocks = raw[start..start + ow * k * 3].chunks_exact(k * 3);
            for (sum, block) in sums.chunks_exact_mut(3).zip(blocks) {
                for px in block.chunks_exact(3) {
                    (0..3).for_each(|i| sum[i] += px[i] as u32);
                }
            }
        }
        let n = (k * k) as u32;
        dst.iter_mut()
            .zip(&sums)
            .for_each(|(d, s)| *d = ((s + n / 2) / n) as u8);
    }
    out
}

/// The emblem of emblem.svg (red disc, gold ring, gold star), drawn with
/// distance-based anti-aliasing so no SVG renderer is needed.
fn draw_emblem(canvas: &mut RgbImage, cx: f32, cy: f32, r: f32) {
    // Proportions of the 64-unit SVG: disc r31, ring r26 stroke 2, star r≈20.6.
    let unit = r / 31.0;
    let (scy, star_r) = (cy + unit, 20.6 * unit);
    let star: Vec<(f32, f32)> = (0..10)
        .map(|i| {
            let rad = if i % 2 == 0 { star_r } else { star_r * 0.382 };
            let a = (i as f32 / 5.0 - 0.5) * std::f32::consts::PI;
            (cx + rad * a.cos(), scy + rad * a.sin())
        })
        .collect();
    let (x0, y0) = ((cx - r - 1.0).max(0.0) as u32, (cy - r - 1.0).max(0.0));
    for y in y0 as u32..((cy + r + 2.0) as u32).min(HEIGHT) {
        for x in x0..((cx + r + 2.0) as u32).min(PHOTO_W) {
            let (px, py) = (x as f32 + 0.5, y as f32 + 0.5);
            let d = (px - cx).hypot(py - cy);
            blend(canvas, x, y, DISC, r - d + 0.5);
            blend(canvas, x, y, GOLD, unit - (d - 26.0 * unit).abs() + 0.5);
            // Only pixels near the star pay for the polygon test.
            if (px - cx).abs() <= star_r + 1.0 && (py - scy).abs() <= star_r + 1.0 {
                blend(canvas, x, y, GOLD, polygon_distance(&star, px, py) + 0.5);
            }
        }
    }
}

/// Signed distance from (x, y) to a polygon's outline: positive inside.
fn polygon_distance(poly: &[(f32, f32)], x: f32, y: f32) -> f32 {
    let (mut inside, mut nearest) = (false, f32::MAX);
    for (i, &(ax, ay)) in poly.iter().enumerate() {
        let (bx, by) = poly[(i + 1) % poly.len()];
        if (ay > y) != (by > y) && x < ax + (y - ay) * (bx - ax) / (by - ay) {
            inside = !inside;
        }
        let (ex, ey) = (bx - ax, by - ay);
        let t = (((x - ax) * ex + (y - ay) * ey) / (ex * ex + ey * ey)).clamp(0.0, 1.0);
        nearest = nearest.min((x - ax - t * ex).hypot(y - ay - t * ey));
    }
    nearest * if inside { 1.0 } else { -1.0 }
}

/// Draw a card: the photo (cover-cropped into the left part) or, without one,
/// the site's emblem drawn in code; the honorific, the name (large, bold, at
/// most 2 lines, shrunk to fit), the role (at most 3 lines, then "…"; 2
/// with a note), the note that a spelling is being checked, and the
/// site name at the bottom.
pub fn render(photo: Option<&image::RgbImage>, text: &CardText) -> image::RgbImage {
    let mut canvas = match photo {
        Some(p) => {
            let mut canvas = RgbImage::from_pixel(WIDTH, HEIGHT, BACKGROUND);
            draw_photo(&mut canvas, p);
            draw_footer(&mut canvas, text.site_name);
            canvas
        }
        None => without_photo(text.site_name).0.clone(),
    };
    draw_text(&mut canvas, text);
    canvas
}

/// The card [`render`] draws without a photo, as palette indices: the same
/// pixels, at about half the cost. `None` in the unlikely case that its
/// colours pass 256 (letters overlapping in many shades); draw it with
/// [`render`] then.
pub fn render_indexed(text: &CardText) -> Option<Indexed> {
    let mut canvas = without_photo(text.site_name).1.clone();
    let mut mixing = Mixing {
        img: &mut canvas,
        colours: Vec::new(),
        made: Vec::new(),
    };
    draw_text(&mut mixing, text);
    canvas.is_whole().then_some(canvas)
}

/// The words of a card, over its photo or emblem.
fn draw_text(canvas: &mut impl Surface, text: &CardText) {
    let f = fonts();
    // The name is what people look for: the largest size at which it fits in
    // two lines, down to a floor that still reads in a feed thumbnail.
    let mut name_size = 76.0;
    let (name_font, name_lines) = loop {
        name_size -= 4.0;
        let font = sized(&f.bold, name_size);
        if name_size <= 44.0 || fit(&font, text.name, 3).len() <= 2 {
            let lines = fit(&font, text.name, 2);
            break (font, lines);
        }
    };
    let (hon_font, role_font) = (sized(&f.regular, 34.0), sized(&f.regular, 30.0));
    let note_font = sized(&f.regular, 22.0);
    let hon_lines = text.honorific.map_or(Vec::new(), |h| fit(&hon_font, h, 1));
    let note_lines = text.note.map_or(Vec::new(), |n| fit(&note_font, n, 2));
    // With a note, the role gives up its third line so everything fits.
    let role_max = if note_lines.is_empty() { 3 } else { 2 };
    let role_lines = text
        .role
        .map_or(Vec::new(), |r| fit(&role_font, r, role_max));

    // (font, line height, lines, colour, gap above). Line heights clear the
    // tallest stacked mark ("Ỗ" reaches 1.054 em in Noto Sans Bold) above the
    // deepest descender ("g", −0.24 em) of the line before: 1.3 em or more.
    let blocks: Vec<_> = [
        (&hon_font, 34.0 * 1.3, hon_lines, GOLD, 0.0),
        (&name_font, name_size * 1.32, name_lines, WHITE, 8.0),
        (&role_font, 30.0 * 1.4, role_lines, LIGHT, 22.0),
        (&note_font, 22.0 * 1.35, note_lines, GOLD, 18.0),
    ]
    .into_iter()
    .filter(|b| !b.2.is_empty())
    .collect();
    let height: f32 = blocks
        .iter()
        .map(|b| b.4 + b.1 * b.2.len() as f32)
        .sum::<f32>()
        - blocks.first().map_or(0.0, |b| b.4);
    // Centre the stack between the top padding and the rule above the site name.
    let mut y = PAD + (RULE_Y as f32 - 24.0 - PAD - height).max(0.0) / 2.0;
    for (i, (font, line_h, lines, color, gap)) in blocks.iter().enumerate() {
        y += if i > 0 { *gap } else { 0.0 };
        for line in lines {
            // The baseline goes where CSS puts it: half the leading, then the ascent.
            let baseline = y + (line_h - (font.ascent() - font.descent())) / 2.0 + font.ascent();
            draw_line(canvas, font, line, baseline.round(), *color);
            y += line_h;
        }
    }
}

/// A short gold rule, the site name and the gold bar, like the site's
/// footer. Below the text block, which never reaches it.
fn draw_footer(canvas: &mut impl Surface, site_name: &str) {
    let rule_x = TEXT_X0 as u32;
    fill(canvas, rule_x..rule_x + 96, RULE_Y..RULE_Y + 3, GOLD);
    let site_font = sized(&fonts().regular, 24.0);
    if let Some(line) = fit(&site_font, site_name, 1).first() {
        draw_line(canvas, &site_font, line, SITE_BASELINE, LIGHT);
    }
    fill(canvas, 0..WIDTH, HEIGHT - BAR_H..HEIGHT, GOLD_BAR);
}

/// The card without a photo and without its words, per site name, in RGB
/// and as indices: every card without a photo shares its emblem and
/// footer, drawn once and copied for each card.
type Base = Arc<(RgbImage, Indexed)>;
fn without_photo(site_name: &str) -> Base {
    static DRAWN: OnceLock<Mutex<HashMap<String, Base>>> = OnceLock::new();
    let drawn = DRAWN.get_or_init(Default::default);
    if let Some(base) = drawn.lock().expect("card bases").get(site_name) {
        return base.clone();
    }
    let mut canvas = RgbImage::from_pixel(WIDTH, HEIGHT, BACKGROUND);
    fill(&mut canvas, 0..PHOTO_W, 0..HEIGHT, PANEL);
    let (cx, cy) = (PHOTO_W as f32 / 2.0, (HEIGHT - BAR_H) as f32 / 2.0);
    draw_emblem(&mut canvas, cx, cy, 150.0);
    draw_footer(&mut canvas, site_name);
    let indexed = Indexed::from_rgb(&canvas)
        .expect("the emblem and footer have a few dozen colours")
        .into_base();
    let base = Arc::new((canvas, indexed));
    let mut drawn = drawn.lock().expect("card bases");
    drawn.insert(site_name.to_string(), base.clone());
    base
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    fn sample_text() -> CardText<'static> {
        CardText {
            honorific: Some("Đại tá"),
            name: "Trần Thanh Sơn",
            role: Some("Phó Giám đốc, Thủ trưởng Cơ quan Cảnh sát điều tra Công an tỉnh Sơn La"),
            note: None,
            site_name: "Gương điển hình tiên tiến tỉnh Sơn La",
        }
    }

    /// Pixels with x in `xs` within 8 levels of `color`.
    fn count(img: &RgbImage, xs: std::ops::Range<u32>, color: Rgb<u8>) -> usize {
        let near = |p: &Rgb<u8>| (0..3).all(|i| p.0[i].abs_diff(color.0[i]) <= 8);
        img.enumerate_pixels()
            .filter(|(x, _, p)| xs.contains(x) && near(p))
            .count()
    }

    fn gradient(w: u32, h: u32) -> RgbImage {
        RgbImage::from_fn(w, h, |x, y| {
            Rgb([(x * 255 / w) as u8, (y * 255 / h) as u8, 140])
        })
    }

    #[test]
    fn every_vietnamese_letter_has_a_glyph() {
        let mut all = String::from("đĐ");
        for base in ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"] {
            for tone in ["", "\u{300}", "\u{301}", "\u{309}", "\u{303}", "\u{323}"] {
                let letter: String = format!("{base}{tone}").nfc().collect();
                assert_eq!(letter.chars().count(), 1, "{letter:?} is precomposed");
                all = all + &letter + &letter.to_uppercase();
            }
        }
        assert_eq!(all.chars().count(), 2 + 12 * 6 * 2);
        assert_eq!(missing_glyphs(&all), Vec::<char>::new());
        assert_eq!(missing_glyphs("Đại tá Trần Thanh Sơn"), Vec::<char>::new());
        assert_eq!(missing_glyphs("Sơn La 中 中"), vec!['中']);
    }

    #[test]
    fn a_spelling_being_checked_is_said_on_the_card() {
        let plain = render(None, &sample_text());
        let note = "Cách viết “Sơn” trong “Trần Thanh Sơn” đang được đối chiếu với văn bản gốc.";
        let noted = render(
            None,
            &CardText {
                note: Some(note),
                ..sample_text()
            },
        );
        // The note is gold, below the name and role, above the footer rule.
        let below = |img: &RgbImage| {
            img.enumerate_pixels()
                .filter(|(x, y, p)| *x >= PHOTO_W && *y > 330 && *y < RULE_Y && **p == GOLD)
                .count()
        };
        assert!(
            below(&noted) > below(&plain) + 200,
            "{} vs {}",
            below(&noted),
            below(&plain)
        );
        assert_eq!(
            count(&noted, 0..PHOTO_W, GOLD),
            count(&plain, 0..PHOTO_W, GOLD)
        );
    }

    #[test]
    fn text_is_drawn_in_the_text_area_only() {
        let img = render(None, &sample_text());
        assert_eq!(img.dimensions(), (WIDTH, HEIGHT));
        assert!(
            count(&img, PHOTO_W..WIDTH, WHITE) > 2000,
            "the name is drawn"
        );
        assert!(
            count(&img, PHOTO_W..WIDTH, GOLD) > 500,
            "the honorific is drawn"
        );
        assert_eq!(count(&img, 0..PHOTO_W, WHITE), 0, "no text over the emblem");
    }

    #[test]
    fn emblem_without_photo_and_photo_with_one() {
        let img = render(None, &sample_text());
        assert!(count(&img, 0..PHOTO_W, GOLD) > 5000, "ring and star");
        assert!(
            count(&img, PHOTO_W / 2..PHOTO_W / 2 + 1, GOLD) > 120,
            "the star's axis"
        );
        assert_eq!(*img.get_pixel(4, 4), PANEL);
        let photo = RgbImage::from_pixel(800, 1000, Rgb([10, 200, 30]));
        let img = render(Some(&photo), &sample_text());
        assert_eq!(
            count(&img, 0..PHOTO_W, GOLD),
            0,
            "the photo replaces the emblem"
        );
        assert_eq!(*img.get_pixel(200, 300), Rgb([10, 200, 30]));
    }

    #[test]
    fn rendering_is_deterministic() {
        let photo = gradient(800, 1000);
        assert!(render(None, &sample_text()) == render(None, &sample_text()));
        assert!(render(Some(&photo), &sample_text()) == render(Some(&photo), &sample_text()));
    }

    /// Drawn into palette indices or into RGB, a card has the same pixels,
    /// whatever its words (long ones overlap letters in more shades).
    #[test]
    fn indices_and_rgb_draw_the_same_card() {
        let long = "Nguyễn Thị Ánh Hồng Phượng Thuỷ Tiên Ngọc Diễm Kiều Oanh Hoàng Yến Ấu Ỷ";
        let note = "Cách viết “Sơn” đang được đối chiếu với văn bản gốc.";
        for text in [
            sample_text(),
            CardText {
                note: Some(note),
                ..sample_text()
            },
            CardText {
                name: long,
                role: Some(long),
                honorific: Some(long),
                note: Some(long),
                ..sample_text()
            },
            CardText {
                honorific: None,
                role: None,
                ..sample_text()
            },
        ] {
            let indexed = render_indexed(&text).expect("within 256 colours");
            assert!(indexed.to_rgb() == render(None, &text), "{:?}", text.name);
        }
    }

    #[test]
    fn long_text_stays_inside_the_margin() {
        let long = "Nguyễn Thị Ánh Hồng Phượng Thuỷ Tiên Ngọc Diễm Kiều Oanh Hoàng Yến Ấu Ỷ";
        let no_spaces = "NGUYỄNTHỊÁNHHỒNGPHƯỢNGTHUỶTIÊNNGỌCDIỄMKIỀUOANHHOÀNGYẾN";
        for name in [long, no_spaces, "", " "] {
            let text = CardText {
                name,
                role: Some(long),
                note: Some(long),
                honorific: Some(long),
                ..sample_text()
            };
            for photo in [None, Some(gradient(3, 7)), Some(RgbImage::new(0, 0))] {
                let img = render(photo.as_ref(), &text);
                for (x, y, p) in img.enumerate_pixels().filter(|(x, _, _)| *x >= WIDTH - 40) {
                    let want = if y >= HEIGHT - BAR_H {
                        GOLD_BAR
                    } else {
                        BACKGROUND
                    };
                    assert_eq!(*p, want, "pixel ({x}, {y}) for name {name:?}");
                }
            }
        }
    }

    #[test]
    fn cut_text_ends_with_an_ellipsis_after_a_whole_word() {
        let font = sized(&fonts().regular, 30.0);
        let words = "Phó Giám đốc Công an tỉnh Sơn La ".repeat(10);
        let lines = fit(&font, &words, 3);
        assert_eq!(lines.len(), 3);
        let kept = lines[2].strip_suffix('…').expect("ends with an ellipsis");
        assert!(
            words.contains(&format!("{kept} ")),
            "cut at a word: {kept:?}"
        );
        assert!(lines.iter().all(|l| measure(&font, l) <= TEXT_W));
    }

    /// A photo of any shape or size fills the photo area: scaled to cover
    /// it and centred, the overflow cut equally from both sides. A phone
    /// photo takes the box-averaging path first, a small one does not.
    #[test]
    fn a_photo_of_any_size_covers_the_photo_area_centred() {
        for (w, h) in [(3000, 4000), (4000, 3000), (300, 200)] {
            let img = render(Some(&gradient(w, h)), &sample_text());
            let scale = (PHOTO_W as f32 / w as f32).max(HEIGHT as f32 / h as f32);
            let x0 = (w as f32 - PHOTO_W as f32 / scale) / 2.0;
            let y0 = (h as f32 - HEIGHT as f32 / scale) / 2.0;
            let bottom = HEIGHT - BAR_H - 1;
            for (cx, cy) in [
                (0, 0),
                (PHOTO_W - 1, 0),
                (PHOTO_W / 2, HEIGHT / 2),
                (0, bottom),
                (PHOTO_W - 1, bottom),
            ] {
                // Where the centre of the card's pixel falls in the photo.
                let sx = x0 + (cx as f32 + 0.5) / scale;
                let sy = y0 + (cy as f32 + 0.5) / scale;
                let want = [sx * 255.0 / w as f32, sy * 255.0 / h as f32, 140.0];
                let got = img.get_pixel(cx, cy).0;
                assert!(
                    (0..3).all(|i| (got[i] as f32 - want[i]).abs() <= 4.0),
                    "{w}×{h} photo, card pixel ({cx}, {cy}): {got:?}, expected about {want:?}"
                );
            }
            assert_eq!(*img.get_pixel(PHOTO_W / 2, HEIGHT - 1), GOLD_BAR);
        }
    }
}
