//! One photo, from a phone to the web: checked before decoding (format,
//! pixel limit), decoded upright (EXIF orientation applied), converted to
//! sRGB when it carries another colour profile, resized (never upscaled) and
//! encoded as JPEG and WebP from pixels only — so no metadata, GPS location
//! included, can reach an output file.

use crate::messages::{msg, Msg};
use fast_image_resize as fr;
use image::{ImageDecoder, ImageFormat, ImageReader, RgbImage};
use std::io::Cursor;

/// A decoded photo's problem, said for a writer.
pub type PhotoResult<T> = Result<T, Msg>;

fn damaged(e: image::ImageError) -> Msg {
    msg!("G0504", error = e.to_string())
}

/// Width, height and format from the header alone: nothing is decoded yet.
pub fn probe(bytes: &[u8], max_pixels: u64) -> PhotoResult<(u32, u32, ImageFormat)> {
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| msg!("G0501", error = e.to_string()))?;
    let format = reader.format().ok_or(msg!("G0502"))?;
    if !matches!(
        format,
        ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP
    ) {
        return Err(msg!("G0503", format = format!("{format:?}")));
    }
    let (w, h) = reader.into_dimensions().map_err(damaged)?;
    // Decoders fill a cut-off file with grey; a half-downloaded photo must be refused instead.
    let complete = match format {
        ImageFormat::Jpeg => bytes
            .windows(2)
            .rev()
            .take(1 << 16)
            .any(|w| w == [0xFF, 0xD9]),
        ImageFormat::Png => bytes.windows(4).rev().take(1 << 12).any(|w| w == b"IEND"),
        _ => true,
    };
    if !complete {
        return Err(msg!("G0505"));
    }
    let pixels = w as u64 * h as u64;
    if pixels > max_pixels {
        let size = format!("{w}×{h}");
        let mega = format!("{:.0}", pixels as f64 / 1e6);
        let max = format!("{:.0}", max_pixels as f64 / 1e6);
        return Err(msg!("G0506", size = size, mega = mega, max = max));
    }
    Ok((w, h, format))
}

/// Decode to upright sRGB pixels.
pub fn decode(bytes: &[u8], max_pixels: u64) -> PhotoResult<RgbImage> {
    probe(bytes, max_pixels)?;
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| msg!("G0501", error = e.to_string()))?;
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(max_pixels * 8 + (64 << 20));
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(damaged)?;
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let icc = decoder.icc_profile().ok().flatten();
    let mut img = image::DynamicImage::from_decoder(decoder).map_err(damaged)?;
    img.apply_orientation(orientation);
    let mut rgb = img.into_rgb8();
    if let Some(icc) = icc {
        to_srgb(&mut rgb, &icc);
    }
    Ok(rgb)
}

/// Convert pixels described by an ICC profile (Display P3 from phones, Adobe RGB from cameras) to sRGB.
fn to_srgb(img: &mut RgbImage, icc: &[u8]) {
    let Some(src) = qcms::Profile::new_from_slice(icc, false) else {
        return;
    };
    let srgb = qcms::Profile::new_sRGB();
    if let Some(t) =
        qcms::Transform::new(&src, &srgb, qcms::DataType::RGB8, qcms::Intent::Perceptual)
    {
        t.apply(img.as_mut());
    }
}

/// The widths to produce for a photo `width` pixels wide: the configured
/// ones it can fill, and its own width when it is smaller than the largest.
pub fn variant_widths(width: u32, configured: &[u32]) -> Vec<u32> {
    let mut out: Vec<u32> = configured.iter().copied().filter(|w| *w <= width).collect();
    if configured.iter().any(|w| *w > width) || out.is_empty() {
        out.push(width);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Resize to `width` (height keeps the aspect ratio), Lanczos3.
pub fn resize(img: &RgbImage, width: u32) -> RgbImage {
    if width == img.width() {
        return img.clone();
    }
    let height = ((img.height() as u64 * width as u64 + img.width() as u64 / 2)
        / img.width() as u64)
        .max(1) as u32;
    let src =
        fr::images::ImageRef::new(img.width(), img.height(), img.as_raw(), fr::PixelType::U8x3)
            .expect("valid RGB buffer");
    let mut dst = fr::images::Image::new(width, height, fr::PixelType::U8x3);
    let options =
        fr::ResizeOptions::new().resize_alg(fr::ResizeAlg::Convolution(fr::FilterType::Lanczos3));
    fr::Resizer::new()
        .resize(&src, &mut dst, &options)
        .expect("same pixel type");
    RgbImage::from_raw(width, height, dst.into_vec()).expect("buffer of the right size")
}

/// Progressive JPEG (it shows early on slow networks), no metadata.
pub fn jpeg(img: &RgbImage, quality: u8) -> Vec<u8> {
    encode_jpeg(img, quality, |enc| enc.set_progressive(true))
}

/// Baseline JPEG with optimised Huffman tables: the smallest for a small
/// image such as a share card, where progressive scans cost bytes.
pub fn jpeg_baseline(img: &RgbImage, quality: u8) -> Vec<u8> {
    encode_jpeg(img, quality, |enc| enc.set_optimized_huffman_tables(true))
}

fn encode_jpeg(
    img: &RgbImage,
    quality: u8,
    configure: impl FnOnce(&mut jpeg_encoder::Encoder<&mut Vec<u8>>),
) -> Vec<u8> {
    let mut out = Vec::new();
    let mut enc = jpeg_encoder::Encoder::new(&mut out, quality);
    configure(&mut enc);
    enc.encode(
        img.as_raw(),
        img.width() as u16,
        img.height() as u16,
        jpeg_encoder::ColorType::Rgb,
    )
    .expect("JPEG encoding to memory");
    out
}

/// Lossy WebP, no metadata.
pub fn webp(img: &RgbImage, quality: u8) -> Vec<u8> {
    webp::Encoder::from_rgb(img.as_raw(), img.width(), img.height())
        .encode(quality as f32)
        .to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_never_upscale() {
        assert_eq!(
            variant_widths(4000, &[320, 640, 1024, 1600]),
            [320, 640, 1024, 1600]
        );
        assert_eq!(
            variant_widths(800, &[320, 640, 1024, 1600]),
            [320, 640, 800]
        );
        assert_eq!(variant_widths(200, &[320, 640]), [200]);
        assert_eq!(variant_widths(640, &[320, 640]), [320, 640]);
    }

    #[test]
    fn probe_rejects_what_is_not_a_photo() {
        assert_eq!(probe(b"hello", 50_000_000).unwrap_err(), msg!("G0502"));
        let mut png = Vec::new();
        RgbImage::new(10, 10)
            .write_to(&mut Cursor::new(&mut png), ImageFormat::Png)
            .unwrap();
        assert_eq!(probe(&png, 50_000_000).unwrap(), (10, 10, ImageFormat::Png));
        let big = probe(&png, 99).unwrap_err();
        assert_eq!(big.code(), Some("G0506"));
        assert!(big
            .render(crate::messages::Lang::En)
            .starts_with("the image is 10×10 pixels (0 megapixels), over the limit of 0;"));
        assert!(
            decode(&png[..png.len() / 2], 50_000_000).is_err(),
            "a truncated file is an error, not a panic"
        );
        let mut jpeg = Vec::new();
        RgbImage::new(64, 64)
            .write_to(&mut Cursor::new(&mut jpeg), ImageFormat::Jpeg)
            .unwrap();
        assert!(probe(&jpeg, 50_000_000).is_ok());
        assert_eq!(
            probe(&jpeg[..jpeg.len() - 40], 50_000_000).unwrap_err(),
            msg!("G0505")
        );
    }

    #[test]
    fn resize_keeps_the_aspect_ratio() {
        let img = RgbImage::new(400, 300);
        let small = resize(&img, 100);
        assert_eq!((small.width(), small.height()), (100, 75));
    }
}
