//! Fictional phone-size photos for benchmarks: deterministic 4000×3000
//! JPEGs with gradients, shapes and sensor-like noise, so they compress and
//! decode like real photos (a flat image would flatter every encoder).

use anyhow::Result;
use rayon::prelude::*;
use std::path::Path;

fn photo(seed: u64, width: u32, height: u32) -> image::RgbImage {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let (cx, cy) = (
        (seed * 97 % width as u64) as f32,
        (seed * 61 % height as u64) as f32,
    );
    image::RgbImage::from_fn(width, height, |x, y| {
        // xorshift: cheap noise, the same on every machine
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let noise = (state % 23) as f32 - 11.0;
        let d = ((x as f32 - cx).powi(2) + (y as f32 - cy).powi(2)).sqrt() / width as f32;
        let sky = y as f32 / height as f32;
        let r = 90.0 + 120.0 * sky + 40.0 * (d * 9.0).sin() + noise;
        let g = 110.0 + 80.0 * (1.0 - sky) + 30.0 * (x as f32 / 300.0).sin() + noise;
        let b = 60.0 + 100.0 * (1.0 - d) + noise;
        image::Rgb([
            r.clamp(0.0, 255.0) as u8,
            g.clamp(0.0, 255.0) as u8,
            b.clamp(0.0, 255.0) as u8,
        ])
    })
}

/// Write `count` photos named `anh-001.jpg`… into `dir`.
pub fn generate(dir: &Path, count: usize) -> Result<()> {
    (1..=count).into_par_iter().try_for_each(|i| {
        let img = photo(i as u64, 4000, 3000);
        let mut out = Vec::new();
        let mut enc = jpeg_encoder::Encoder::new(&mut out, 92);
        enc.set_sampling_factor(jpeg_encoder::SamplingFactor::F_2_2);
        enc.encode(img.as_raw(), 4000, 3000, jpeg_encoder::ColorType::Rgb)?;
        guong::output::write_file(
            &dir.join(format!("anh-{i:03}.jpg")),
            &out,
            guong::output::Existing::Replace,
        )
    })
}
