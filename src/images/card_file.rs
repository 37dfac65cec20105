//! A share card as the file the build writes: small, because a site has two
//! per profile and every one is fetched by Facebook, Zalo and the rest each
//! time a link is shared. A card without a photo is flat colours and
//! anti-aliased letters — a few dozen colours, so a palette PNG of about
//! 20 KB, lossless, sharper than any JPEG of that size. A card with a photo
//! is a JPEG at the best quality within [`MAX_BYTES`], but never below
//! [`MIN_QUALITY`]: letters on red are costly for JPEG, so a photo card is
//! usually about 35 KB at that floor (sharp letters over a size target).

use image::RgbImage;

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
    let mut palette = Palette::default();
    let mut pixels = Vec::with_capacity((img.width() * img.height()) as usize);
    // Most neighbours share a colour: look up only when it changes.
    let mut last: Option<([u8; 3], u8)> = None;
    for rgb in img.as_raw().chunks_exact(3) {
        let rgb = [rgb[0], rgb[1], rgb[2]];
        let i = match last {
            Some((c, i)) if c == rgb => i,
            _ => {
                let i = palette.index(rgb)?;
                last = Some((rgb, i));
                i
            }
        };
        pixels.push(i);
    }
    // Level 5 is within the size for all but the longest words, and as
    // small as zlib's default (6) on these images at two thirds of its time
    // (measured with zlib-rs); the longest words get the best, at four
    // times the time.
    let palette = palette.colours.concat();
    let (w, h) = img.dimensions();
    let out = indexed_png(w, h, &palette, &pixels, USUAL)?;
    if out.len() <= MAX_BYTES {
        return Some(out);
    }
    indexed_png(w, h, &palette, &pixels, png::DeflateCompression::Level(9))
}

const USUAL: png::DeflateCompression = png::DeflateCompression::Level(5);

/// The colours of a card in the order met, with an open-addressing table
/// from colour to index: this lookup runs for every change of colour along
/// a row (a card's letters are hundreds of thousands), where a `HashMap`
/// with its default hasher cost as much as the compression.
struct Palette {
    colours: Vec<[u8; 3]>,
    /// Colour (24 bits) + 1 → index, 0 for an empty slot.
    slots: Box<[(u32, u8); Palette::SLOTS]>,
}

impl Default for Palette {
    fn default() -> Self {
        Palette {
            colours: Vec::new(),
            slots: Box::new([(0, 0); Palette::SLOTS]),
        }
    }
}

impl Palette {
    /// Four times the most colours a palette PNG holds: probes stay short.
    const SLOTS: usize = 1024;

    /// The index of `rgb`, added if new; `None` past 256 colours.
    fn index(&mut self, [r, g, b]: [u8; 3]) -> Option<u8> {
        let key = (u32::from(r) << 16 | u32::from(g) << 8 | u32::from(b)) + 1;
        let mut slot = (key.wrapping_mul(0x9E37_79B1) >> 22) as usize;
        loop {
            match self.slots[slot] {
                (0, _) => {
                    let i = u8::try_from(self.colours.len()).ok()?;
                    self.colours.push([r, g, b]);
                    self.slots[slot] = (key, i);
                    return Some(i);
                }
                (k, i) if k == key => return Some(i),
                _ => slot = (slot + 1) % Self::SLOTS,
            }
        }
    }
}

fn indexed_png(
    width: u32,
    height: u32,
    palette: &[u8],
    pixels: &[u8],
    compression: png::DeflateCompression,
) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, width, height);
    enc.set_color(png::ColorType::Indexed);
    enc.set_depth(png::BitDepth::Eight);
    enc.set_palette(palette);
    enc.set_deflate_compression(compression);
    // Filters predict colour values; on palette indices they only add noise.
    enc.set_filter(png::Filter::NoFilter);
    let mut writer = enc.write_header().ok()?;
    writer.write_image_data(pixels).ok()?;
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
    use crate::images::card::{render, CardText};

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
