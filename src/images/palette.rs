//! Images of at most 256 colours held as palette indices, one byte a pixel.
//!
//! A share card without a photo is flat colours and anti-aliased letters, a
//! few dozen colours in all. Drawing it straight into indices, rather than
//! into RGB and counting its colours afterwards, saves a pass over its
//! 756,000 pixels and two thirds of the memory each card copies: the
//! largest costs of a card after compression.

use image::{Rgb, RgbImage};
use std::sync::atomic::{AtomicU64, Ordering};

/// The colours of an image in the order met, with an open-addressing table
/// from colour to index: this lookup runs for every pixel a letter touches
/// (hundreds of thousands a card), where a `HashMap` with its default hasher
/// cost as much as the compression.
#[derive(Clone)]
pub struct Palette {
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
    pub fn index(&mut self, [r, g, b]: [u8; 3]) -> Option<u8> {
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

    /// The colours, in index order.
    pub fn colours(&self) -> &[[u8; 3]] {
        &self.colours
    }
}

/// An image as palette indices. Setting a 257th colour does not fail at
/// once (drawing code has no error path); it marks the image as not
/// `whole`, and the caller draws it in RGB instead.
#[derive(Clone)]
pub struct Indexed {
    width: u32,
    height: u32,
    pixels: Vec<u8>,
    palette: Palette,
    whole: bool,
    /// Set by [`Indexed::into_base`]: rows not `touched` since are the
    /// base's rows, index for index, so their compressed bytes can be kept
    /// from one card to the next (see `card_file`).
    base: Option<u64>,
    touched: Vec<bool>,
}

impl Indexed {
    /// `img` as indices, or `None` when it has more than 256 colours.
    pub fn from_rgb(img: &RgbImage) -> Option<Indexed> {
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
        Some(Indexed {
            width: img.width(),
            height: img.height(),
            pixels,
            palette,
            whole: true,
            base: None,
            touched: vec![false; img.height() as usize],
        })
    }

    pub fn dimensions(&self) -> (u32, u32) {
        (self.width, self.height)
    }

    /// One index a pixel, row by row.
    pub fn pixels(&self) -> &[u8] {
        &self.pixels
    }

    pub fn palette(&self) -> &Palette {
        &self.palette
    }

    /// Marks this image as a base that others are copied from, with an id
    /// of its own (for the life of the process).
    pub fn into_base(mut self) -> Indexed {
        static NEXT: AtomicU64 = AtomicU64::new(1);
        self.base = Some(NEXT.fetch_add(1, Ordering::Relaxed));
        self.touched.fill(false);
        self
    }

    /// The base this image was copied from, if any.
    pub fn base(&self) -> Option<u64> {
        self.base
    }

    /// Whether row `y` may differ from the base's.
    pub fn row_touched(&self, y: u32) -> bool {
        self.touched[y as usize]
    }

    /// False once a colour could not be added: the pixels are then wrong.
    pub fn is_whole(&self) -> bool {
        self.whole
    }

    /// The colour of palette index `i`.
    pub fn colour(&self, i: u8) -> Rgb<u8> {
        Rgb(self.palette.colours[usize::from(i)])
    }

    pub fn get(&self, x: u32, y: u32) -> Rgb<u8> {
        let i = self.pixels[(y * self.width + x) as usize];
        Rgb(self.palette.colours[i as usize])
    }

    pub fn set(&mut self, x: u32, y: u32, colour: Rgb<u8>) {
        self.touched[y as usize] = true;
        match self.palette.index(colour.0) {
            Some(i) => self.pixels[(y * self.width + x) as usize] = i,
            None => self.whole = false,
        }
    }

    /// The palette index of a pixel.
    pub fn index_at(&self, x: u32, y: u32) -> u8 {
        self.pixels[(y * self.width + x) as usize]
    }

    /// Sets a pixel to a colour already in the palette.
    pub fn set_index(&mut self, x: u32, y: u32, i: u8) {
        debug_assert!(usize::from(i) < self.palette.colours.len());
        self.touched[y as usize] = true;
        self.pixels[(y * self.width + x) as usize] = i;
    }

    /// The same pixels in RGB.
    pub fn to_rgb(&self) -> RgbImage {
        let raw = self
            .pixels
            .iter()
            .flat_map(|&i| self.palette.colours[i as usize])
            .collect();
        RgbImage::from_raw(self.width, self.height, raw).expect("3 bytes a pixel")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indices_round_trip_and_the_257th_colour_is_refused() {
        let img = RgbImage::from_fn(20, 10, |x, y| Rgb([x as u8 * 6, y as u8, 7]));
        let indexed = Indexed::from_rgb(&img).expect("200 colours");
        assert!(indexed.to_rgb() == img);
        assert_eq!(indexed.palette().colours().len(), 200);
        let few = RgbImage::from_fn(16, 16, |x, y| Rgb([(x * 16 + y) as u8, 0, 0]));
        let mut indexed = Indexed::from_rgb(&few).expect("256 colours");
        indexed.set(0, 0, Rgb([255, 0, 0]));
        assert!(indexed.is_whole(), "a colour it has");
        assert_eq!(indexed.get(0, 0), Rgb([255, 0, 0]));
        indexed.set(0, 0, Rgb([0, 1, 0]));
        assert!(!indexed.is_whole(), "a 257th colour cannot be an index");
        let big = RgbImage::from_fn(20, 20, |x, y| Rgb([x as u8, y as u8, 0]));
        assert!(Indexed::from_rgb(&big).is_none(), "400 colours");
    }
}
