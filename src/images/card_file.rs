//! A share card as the file the build writes: small, because a site has two
//! per profile and every one is fetched by Facebook, Zalo and the rest each
//! time a link is shared. A card without a photo is flat colours and
//! anti-aliased letters — a few dozen colours, so a palette PNG of about
//! 20 KB, lossless, sharper than any JPEG of that size; it is drawn as
//! palette indices and compressed in strips (see [`STRIP_ROWS`]), which
//! made it about three times cheaper to make. A card with a photo
//! is a JPEG at the best quality within [`MAX_BYTES`], but never below
//! [`MIN_QUALITY`]: letters on red are costly for JPEG, so a photo card is
//! usually about 35 KB at that floor (sharp letters over a size target).

use super::palette::Indexed;
use flate2::{Compress, Compression, FlushCompress};
use image::RgbImage;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// The size a card should stay within.
pub const MAX_BYTES: usize = 25_000;
/// Below this a JPEG's letters blur: a card may exceed `MAX_BYTES` rather.
const MIN_QUALITY: u8 = 55;

/// A card's bytes and its file extension.
pub struct CardFile {
    pub bytes: Vec<u8>,
    pub ext: &'static str,
}

/// The file of a card drawn by [`super::card::render`].
pub fn encode(img: &RgbImage, with_photo: bool) -> CardFile {
    let ext = extension(with_photo);
    let bytes = match with_photo {
        true => jpeg_within(img),
        // More than 256 colours cannot happen with the card's palette; if a
        // change of design brings it, the card stays a PNG, only larger.
        false => palette_png(img).unwrap_or_else(|| rgb_png(img)),
    };
    CardFile { bytes, ext }
}

/// The extension the card of a profile with (or without) a photo has.
pub fn extension(with_photo: bool) -> &'static str {
    if with_photo {
        "jpg"
    } else {
        "png"
    }
}

/// An indexed PNG of `img`, when it has at most 256 colours.
fn palette_png(img: &RgbImage) -> Option<Vec<u8>> {
    indexed_png_within(&Indexed::from_rgb(img)?)
}

/// The file of a card drawn by [`super::card::render_indexed`].
pub fn encode_indexed(img: &Indexed) -> Option<CardFile> {
    let bytes = indexed_png_within(img)?;
    Some(CardFile { bytes, ext: "png" })
}

/// Strips of a card compressed one by one (each an independent run of
/// deflate blocks, byte-aligned): a card without a photo shares all its
/// rows but those its words touch with the other cards of its site, so
/// those strips are compressed once, at the best level, and copied, and
/// only the strips with words are compressed for each card. Strips of 32
/// rows came out about 4% smaller than one stream of the whole image at
/// the same level (each strip gets Huffman codes of its own).
const STRIP_ROWS: u32 = 32;

/// The level of the strips with words. On 2,000 fixture cards (zlib-rs),
/// against level 5: level 3 made the cards 9% larger (median 20.3 KB
/// against 18.6 KB) and the first build of 1,000 profiles 20% cheaper in
/// CPU; a card still over [`MAX_BYTES`] gets level 9 for those strips,
/// at several times the time.
const LEVEL: u32 = 3;

fn indexed_png_within(img: &Indexed) -> Option<Vec<u8>> {
    let out = indexed_png(img, &zlib_strips(img, LEVEL))?;
    if out.len() <= MAX_BYTES {
        return Some(out);
    }
    indexed_png(img, &zlib_strips(img, 9))
}

/// The compressed strips of each base image, filled as cards leave them
/// untouched.
type Kept = HashMap<u64, Arc<Vec<OnceLock<Vec<u8>>>>>;

/// The image data of `img` as a zlib stream (rows with filter type 0), its
/// untouched strips taken from the base's when it has one.
fn zlib_strips(img: &Indexed, level: u32) -> Vec<u8> {
    static KEPT: OnceLock<Mutex<Kept>> = OnceLock::new();
    let (w, h) = img.dimensions();
    let kept = img.base().map(|b| {
        let mut all = KEPT
            .get_or_init(Default::default)
            .lock()
            .expect("kept strips");
        let strips = h.div_ceil(STRIP_ROWS) as usize;
        all.entry(b)
            .or_insert_with(|| Arc::new((0..strips).map(|_| OnceLock::new()).collect()))
            .clone()
    });
    let mut out = vec![0x78, 0x5e];
    let mut adler = simd_adler32::Adler32::new();
    let mut raw = Vec::with_capacity(((w + 1) * STRIP_ROWS) as usize);
    for (k, y0) in (0..h).step_by(STRIP_ROWS as usize).enumerate() {
        let rows = y0..(y0 + STRIP_ROWS).min(h);
        raw.clear();
        for y in rows.clone() {
            raw.push(0);
            raw.extend_from_slice(&img.pixels()[(y * w) as usize..((y + 1) * w) as usize]);
        }
        adler.write(&raw);
        let untouched = !rows.clone().any(|y| img.row_touched(y));
        match &kept {
            // Compressed once for all the cards of a site: the best level.
            Some(kept) if untouched => {
                out.extend_from_slice(kept[k].get_or_init(|| deflate_strip(&raw, 9)))
            }
            _ => out.extend_from_slice(&deflate_strip(&raw, level)),
        }
    }
    // An empty final block (fixed codes), then the checksum.
    out.extend_from_slice(&[0x03, 0x00]);
    out.extend_from_slice(&adler.finish().to_be_bytes());
    out
}

/// `raw` as raw deflate blocks that end byte-aligned and not final (a sync
/// flush), referring to nothing before them.
fn deflate_strip(raw: &[u8], level: u32) -> Vec<u8> {
    let mut c = Compress::new(Compression::new(level), false);
    let mut out = Vec::with_capacity(raw.len() / 4 + 64);
    loop {
        let read = c.total_in() as usize;
        c.compress_vec(&raw[read..], &mut out, FlushCompress::Sync)
            .expect("deflate to memory");
        if c.total_in() as usize == raw.len() && out.len() < out.capacity() {
            return out;
        }
        out.reserve(out.capacity().max(1024));
    }
}

fn indexed_png(img: &Indexed, zlib: &[u8]) -> Option<Vec<u8>> {
    let (width, height) = img.dimensions();
    let mut out = Vec::with_capacity(zlib.len() + 1024);
    let mut enc = png::Encoder::new(&mut out, width, height);
    enc.set_color(png::ColorType::Indexed);
    enc.set_depth(png::BitDepth::Eight);
    enc.set_palette(img.palette().colours().concat());
    let mut writer = enc.write_header().ok()?;
    writer.write_chunk(png::chunk::IDAT, zlib).ok()?;
    writer.finish().ok()?;
    Some(out)
}

fn rgb_png(img: &RgbImage) -> Vec<u8> {
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, img.width(), img.height());
    enc.set_color(png::ColorType::Rgb);
    enc.set_depth(png::BitDepth::Eight);
    let mut writer = enc.write_header().expect("PNG header to memory");
    writer
        .write_image_data(img.as_raw())
        .expect("PNG to memory");
    writer.finish().expect("PNG to memory");
    out
}

/// The best-quality JPEG of `img` within `MAX_BYTES`, or at `MIN_QUALITY`.
fn jpeg_within(img: &RgbImage) -> Vec<u8> {
    let mut best = Vec::new();
    for quality in [85, 78, 71, 64, MIN_QUALITY] {
        best = super::photo::jpeg_baseline(img, quality);
        if best.len() <= MAX_BYTES {
            break;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::images::card::{render, render_indexed, CardText};

    fn text() -> CardText<'static> {
        CardText {
            honorific: Some("Nghệ nhân Ưu tú"),
            name: "Lường Thị Thử Nghiệm Dài Tên",
            role: Some("Chủ nhiệm Hợp tác xã dệt thổ cẩm hư cấu, xã Mường Mẫu, tỉnh Sơn La"),
            note: Some("Cách viết “Thử” đang được đối chiếu với văn bản gốc."),
            site_name: "Gương điển hình tiên tiến tỉnh Sơn La",
        }
    }

    #[test]
    fn a_card_without_a_photo_is_a_small_exact_palette_png() {
        let card = render(None, &text());
        let file = encode(&card, false);
        assert_eq!(file.ext, "png");
        assert!(file.bytes.len() <= MAX_BYTES, "{} bytes", file.bytes.len());
        let back = image::load_from_memory(&file.bytes).unwrap().to_rgb8();
        assert!(back == card, "lossless");
        // Drawn straight into indices: the same pixels.
        let indexed = render_indexed(&text()).expect("a few dozen colours");
        let file = encode_indexed(&indexed).unwrap();
        assert!(file.bytes.len() <= MAX_BYTES, "{} bytes", file.bytes.len());
        let back = image::load_from_memory(&file.bytes).unwrap().to_rgb8();
        assert!(back == card, "the same pixels as the RGB drawing");
    }

    fn jpeg_at(img: &RgbImage, quality: u8) -> Vec<u8> {
        crate::images::photo::jpeg_baseline(img, quality)
    }

    #[test]
    fn a_card_with_a_photo_is_the_best_jpeg_within_the_size_or_at_the_floor() {
        // A portrait-like photo: soft light and shapes.
        let photo = RgbImage::from_fn(600, 800, |x, y| {
            let v = (120.0 + 60.0 * ((x as f32 / 160.0).sin() * (y as f32 / 210.0).cos())) as u8;
            image::Rgb([v, v.saturating_sub(20), v.saturating_sub(35)])
        });
        let card = render(Some(&photo), &text());
        let file = encode(&card, true);
        assert_eq!(file.ext, "jpg");
        assert_eq!(&file.bytes[..2], &[0xff, 0xd8], "a JPEG");
        // Letters on red cost a JPEG more than 25 KB at any quality that
        // keeps them sharp: the card stays at the floor rather than blur.
        if file.bytes.len() > MAX_BYTES {
            assert!(file.bytes == jpeg_at(&card, MIN_QUALITY));
        } else {
            assert!(jpeg_at(&card, 85).len() > MAX_BYTES || file.bytes == jpeg_at(&card, 85));
        }
    }
}
