//! Setting a slogan on a banner: the largest letters whose lines all fit
//! inside the banner's safe area, on balanced lines broken only between
//! words. Pure measurement with the bundled Noto Sans Bold (ab_glyph): the
//! same glyphs and positions are then drawn into the SVG and the PDF, so
//! both are the same banner.
//!
//! Everything is measured on the glyphs' ink (their outlines' bounds), not
//! on nominal line heights: Vietnamese stacks marks above capitals (`Ẩ`,
//! `Ế`), and a banner must not lose a mark to the hem.

use crate::config::BannerSize;
use ab_glyph::{Font, FontRef, GlyphId};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Mutex, OnceLock};

/// Points per centimetre (72 per inch).
pub const PT_PER_CM: f32 = 72.0 / 2.54;
/// The smallest letters a banner is made with: an em of 5 cm, capitals
/// about 3.6 cm high. Smaller is a notice, not a banner read across a
/// street or a hall.
pub const MIN_EM_CM: f32 = 5.0;
/// The margin on every side, as a share of the banner's short side: clear
/// of the hem and the eyelets (usually 3–5 cm) on every size in use.
const MARGIN: f32 = 0.10;
/// The most lines tried; a slogan needing more does not belong on a banner.
const MAX_LINES: usize = 24;
/// The most words a slogan set on a banner may have.
const MAX_WORDS: usize = 400;
/// Baselines at least this many ems apart, and lines' ink at least
/// [`GAP`] apart, whichever is more.
const MIN_PITCH: f32 = 1.15;
const GAP: f32 = 0.12;
/// The letters are set this much smaller than the largest that fits, so
/// rounding in the files never puts ink on the margin.
const SAFETY: f32 = 0.995;

/// The font the banners are set in: the share cards' bold.
pub fn font() -> &'static FontRef<'static> {
    crate::images::card::bold()
}

fn upem() -> f32 {
    font().units_per_em().unwrap_or(1000.0)
}

/// The characters of `text` the font cannot draw.
pub fn missing(text: &str) -> Vec<char> {
    let mut out: Vec<char> = Vec::new();
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        if font().glyph_id(c) == GlyphId(0) && !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

/// A glyph's ink box in font units (y up), or none for a space.
fn ink_of(id: GlyphId) -> Option<Ink> {
    static CACHE: OnceLock<Mutex<HashMap<GlyphId, Option<Ink>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(ink) = cache.lock().expect("not poisoned").get(&id) {
        return *ink;
    }
    // ab_glyph gives the bounds as (x_min, y_max) – (x_max, y_min).
    let ink = font().outline(id).map(|o| Ink {
        left: o.bounds.min.x,
        right: o.bounds.max.x,
        top: o.bounds.min.y,
        bottom: o.bounds.max.y,
    });
    cache.lock().expect("not poisoned").insert(id, ink);
    ink
}

/// An ink box: font units on a line (x from the pen's start, y up from the
/// baseline), or points on the banner once placed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ink {
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub bottom: f32,
}

impl Ink {
    fn width(&self) -> f32 {
        self.right - self.left
    }
    fn union(self, o: Ink) -> Ink {
        Ink {
            left: self.left.min(o.left),
            right: self.right.max(o.right),
            top: self.top.max(o.top),
            bottom: self.bottom.min(o.bottom),
        }
    }
}

/// One glyph of a line, in font units from the line's start.
#[derive(Debug, Clone)]
pub struct Glyph {
    pub id: GlyphId,
    pub x: f32,
    /// To the next glyph's pen position (kerning included).
    pub advance: f32,
    /// The bytes of the line's text it draws.
    pub range: Range<usize>,
}

/// A line of the slogan, measured.
#[derive(Debug, Clone)]
pub struct Line {
    pub text: String,
    pub glyphs: Vec<Glyph>,
    pub ink: Ink,
}

/// Sets text glyph by glyph (advance and kerning: every Vietnamese letter
/// with its marks is one glyph of Noto Sans), keeping the ink's bounds.
#[derive(Default, Clone)]
struct Pen {
    x: f32,
    prev: Option<GlyphId>,
    ink: Option<Ink>,
}

impl Pen {
    /// Sets `c`; returns its glyph, its pen position and the kerning added
    /// before it (which belongs to the previous glyph's advance).
    fn push(&mut self, c: char) -> (GlyphId, f32, f32) {
        let f = font();
        let id = f.glyph_id(c);
        let kern = self.prev.map_or(0.0, |p| f.kern_unscaled(p, id));
        self.x += kern;
        if let Some(g) = ink_of(id) {
            let placed = Ink {
                left: g.left + self.x,
                right: g.right + self.x,
                ..g
            };
            self.ink = Some(self.ink.map_or(placed, |i| i.union(placed)));
        }
        let at = self.x;
        self.x += f.h_advance_unscaled(id);
        self.prev = Some(id);
        (id, at, kern)
    }
    fn ink(&self) -> Ink {
        self.ink.unwrap_or(Ink {
            left: 0.0,
            right: self.x,
            top: 0.0,
            bottom: 0.0,
        })
    }
}

impl Line {
    fn new(text: String) -> Line {
        let mut pen = Pen::default();
        let mut glyphs: Vec<Glyph> = Vec::new();
        for (at, c) in text.char_indices() {
            let (id, x, kern) = pen.push(c);
            if let Some(last) = glyphs.last_mut() {
                last.advance += kern;
            }
            glyphs.push(Glyph {
                id,
                x,
                advance: font().h_advance_unscaled(id),
                range: at..at + c.len_utf8(),
            });
        }
        let ink = pen.ink();
        Line { text, glyphs, ink }
    }
}

/// A dash standing between spaces ("kinh tế - xã hội", "2025 - 2030") is
/// kept with both its neighbours: no line starts or ends with it.
fn is_dash(word: &str) -> bool {
    word.chars().all(|c| matches!(c, '-' | '–' | '—'))
}

/// A slogan's balanced settings on 1, 2, … lines: which words go on which
/// line does not depend on the banner's size, only how many lines it has.
pub struct Settings {
    /// By number of lines − 1; `None` where the words cannot make that many.
    by_lines: Vec<Option<Vec<Line>>>,
}

impl Settings {
    pub fn new(text: &str) -> Settings {
        let words: Vec<&str> = text.split_whitespace().collect();
        let n = words.len();
        // More words than this fit no banner at a legible size; the
        // settings are quadratic in the words, so a pasted page is refused
        // at once rather than measured.
        if n > MAX_WORDS {
            return Settings {
                by_lines: Vec::new(),
            };
        }
        let width = widths(&words);
        let by_lines = (1..=n.clamp(1, MAX_LINES))
            .map(|k| balanced(&width, k).map(|ends| lines_of(&words, &ends)))
            .collect();
        Settings { by_lines }
    }

    /// The slogan on a banner of `size`: the number of lines that gives the
    /// largest letters, or the size of the largest letters (pt per em) when
    /// even they are below the legible minimum.
    pub fn place(&self, size: BannerSize) -> Result<Layout, f32> {
        let width = size.width_cm as f32 * PT_PER_CM;
        let height = size.height_cm as f32 * PT_PER_CM;
        let margin = MARGIN * width.min(height);
        let (avail_w, avail_h) = (width - 2.0 * margin, height - 2.0 * margin);
        let upem = upem();
        let mut best: Option<(f32, &Vec<Line>, f32)> = None;
        for lines in self.by_lines.iter().flatten() {
            let pitch = pitch(lines, upem);
            let first = &lines[0].ink;
            let last = &lines[lines.len() - 1].ink;
            let block = first.top + pitch * (lines.len() - 1) as f32 - last.bottom;
            let widest = lines.iter().map(|l| l.ink.width()).fold(0.0, f32::max);
            let scale = (avail_w / widest).min(avail_h / block) * SAFETY;
            // Fewer lines win a tie: they are tried first.
            if best.as_ref().is_none_or(|b| scale > b.0) {
                best = Some((scale, lines, pitch));
            }
        }
        let (scale, lines, pitch) = best.ok_or(0.0)?;
        if scale * upem < MIN_EM_CM * PT_PER_CM {
            return Err(scale * upem);
        }
        let first = &lines[0].ink;
        let last = &lines[lines.len() - 1].ink;
        let block = (first.top + pitch * (lines.len() - 1) as f32 - last.bottom) * scale;
        let baseline0 = margin + (avail_h - block) / 2.0 + first.top * scale;
        let set = lines
            .iter()
            .enumerate()
            .map(|(k, line)| SetLine {
                x: margin + (avail_w - line.ink.width() * scale) / 2.0 - line.ink.left * scale,
                baseline: baseline0 + k as f32 * pitch * scale,
                line: line.clone(),
            })
            .collect();
        Ok(Layout {
            width,
            height,
            margin,
            em: scale * upem,
            scale,
            lines: set,
        })
    }
}

/// The ink width of the words `i..j` as one line (infinite where a line
/// cannot start at `i` or end before `j`), each line extended word by word.
fn widths(words: &[&str]) -> Vec<Vec<f32>> {
    let n = words.len();
    // A line may start at word i (and end before word j) only where a break is allowed.
    let can_break = |i: usize| i == 0 || i == n || !(is_dash(words[i - 1]) || is_dash(words[i]));
    let mut width = vec![vec![f32::INFINITY; n + 1]; n + 1];
    for i in (0..n).filter(|&i| can_break(i)) {
        let mut pen = Pen::default();
        for j in i + 1..=n {
            if j > i + 1 {
                pen.push(' ');
            }
            for c in words[j - 1].chars() {
                pen.push(c);
            }
            if can_break(j) {
                width[i][j] = pen.ink().width();
            }
        }
    }
    width
}

/// The distance between baselines (font units): even, and enough that no
/// line's marks touch the descenders of the line above.
fn pitch(lines: &[Line], upem: f32) -> f32 {
    let touching = lines
        .windows(2)
        .map(|w| w[1].ink.top - w[0].ink.bottom + GAP * upem)
        .fold(0.0, f32::max);
    touching.max(MIN_PITCH * upem)
}

/// The ends of `k` lines (word indices) whose widest line is as narrow as
/// it can be, and among those the most even (least sum of squared widths);
/// `None` when the breaks allowed cannot make `k` lines.
fn balanced(width: &[Vec<f32>], k: usize) -> Option<Vec<usize>> {
    let n = width.len() - 1;
    // narrowest[l][j]: the narrowest widest line of words 0..j on l lines.
    let mut narrowest = vec![vec![f32::INFINITY; n + 1]; k + 1];
    narrowest[0][0] = 0.0;
    for l in 1..=k {
        for j in 1..=n {
            for i in 0..j {
                let w = narrowest[l - 1][i].max(width[i][j]);
                narrowest[l][j] = narrowest[l][j].min(w);
            }
        }
    }
    let cap = narrowest[k][n];
    if !cap.is_finite() {
        return None;
    }
    let mut even = vec![vec![(f32::INFINITY, 0usize); n + 1]; k + 1];
    even[0][0] = (0.0, 0);
    for l in 1..=k {
        for j in 1..=n {
            for i in 0..j {
                let w = width[i][j];
                if w <= cap && even[l - 1][i].0.is_finite() {
                    let cost = even[l - 1][i].0 + w * w;
                    if cost < even[l][j].0 {
                        even[l][j] = (cost, i);
                    }
                }
            }
        }
    }
    let mut ends = vec![n];
    let mut j = n;
    for l in (1..=k).rev() {
        j = even[l][j].1;
        if l > 1 {
            ends.push(j);
        }
    }
    ends.reverse();
    Some(ends)
}

fn lines_of(words: &[&str], ends: &[usize]) -> Vec<Line> {
    let mut start = 0;
    ends.iter()
        .map(|&end| {
            let line = Line::new(words[start..end].join(" "));
            start = end;
            line
        })
        .collect()
}

/// A line placed on the banner: its pen starts at `x` on `baseline` (points,
/// from the top left).
#[derive(Debug, Clone)]
pub struct SetLine {
    pub line: Line,
    pub x: f32,
    pub baseline: f32,
}

impl SetLine {
    /// The line's ink on the banner, in points (y down: `top` < `bottom`).
    pub fn ink(&self, scale: f32) -> Ink {
        let i = &self.line.ink;
        Ink {
            left: self.x + i.left * scale,
            right: self.x + i.right * scale,
            top: self.baseline - i.top * scale,
            bottom: self.baseline - i.bottom * scale,
        }
    }
}

/// A slogan set on one banner, in points from the top left.
#[derive(Debug, Clone)]
pub struct Layout {
    pub width: f32,
    pub height: f32,
    pub margin: f32,
    /// The size of the letters (points per em).
    pub em: f32,
    /// Points per font unit.
    pub scale: f32,
    pub lines: Vec<SetLine>,
}

#[cfg(test)]
mod tests {
    use super::*;

    const LONG: &str = "Đảng bộ và nhân dân các dân tộc tỉnh Sơn La ra sức thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội, bảo đảm quốc phòng - an ninh giai đoạn 2025 - 2030!";
    const BANNER: BannerSize = BannerSize {
        width_cm: 500,
        height_cm: 80,
    };
    const PHUON: BannerSize = BannerSize {
        width_cm: 80,
        height_cm: 250,
    };

    fn words_of(l: &Layout) -> String {
        let lines: Vec<&str> = l.lines.iter().map(|s| s.line.text.as_str()).collect();
        lines.join(" ")
    }

    #[test]
    fn every_word_is_set_once_in_order_and_inside_the_margins() {
        for size in [BANNER, PHUON, BannerSize::DEFAULTS[1]] {
            let l = Settings::new(LONG).place(size).unwrap();
            assert_eq!(words_of(&l), LONG);
            for line in &l.lines {
                let ink = line.ink(l.scale);
                assert!(
                    ink.left >= l.margin && ink.right <= l.width - l.margin,
                    "{ink:?}"
                );
                assert!(
                    ink.top >= l.margin && ink.bottom <= l.height - l.margin,
                    "{ink:?}"
                );
            }
        }
    }

    #[test]
    fn a_dash_between_spaces_never_starts_or_ends_a_line() {
        for size in [BANNER, PHUON] {
            let l = Settings::new(LONG).place(size).unwrap();
            for line in &l.lines {
                let words: Vec<&str> = line.line.text.split(' ').collect();
                assert!(
                    !is_dash(words[0]) && !is_dash(words[words.len() - 1]),
                    "{}",
                    line.line.text
                );
            }
        }
    }

    #[test]
    fn the_letters_are_as_large_as_any_other_number_of_lines_allows() {
        let s = Settings::new(LONG);
        let chosen = s.place(PHUON).unwrap();
        // Every other line count, forced, gives letters no larger.
        for lines in s.by_lines.iter().flatten() {
            let one = Settings {
                by_lines: vec![Some(lines.clone())],
            };
            if let Ok(other) = one.place(PHUON) {
                assert!(
                    other.em <= chosen.em,
                    "{} lines: {} > {}",
                    lines.len(),
                    other.em,
                    chosen.em
                );
            }
        }
        // A vertical banner takes the long slogan on many lines.
        assert!(chosen.lines.len() >= 6, "{}", chosen.lines.len());
    }

    #[test]
    fn lines_are_balanced_not_greedy() {
        let l = Settings::new(LONG).place(BANNER).unwrap();
        let widths: Vec<f32> = l.lines.iter().map(|s| s.line.ink.width()).collect();
        let (min, max) = widths
            .iter()
            .fold((f32::MAX, 0f32), |(a, b), w| (a.min(*w), b.max(*w)));
        assert!(l.lines.len() >= 2);
        assert!(min > 0.7 * max, "{widths:?}");
    }

    #[test]
    fn a_slogan_too_long_for_the_size_says_how_small_its_letters_would_be() {
        let endless = ["Thi đua yêu nước"; 20].join(", ");
        let small = BannerSize {
            width_cm: 100,
            height_cm: 30,
        };
        let em = Settings::new(&endless).place(small).unwrap_err();
        assert!(em > 0.0 && em < MIN_EM_CM * PT_PER_CM, "{em}");
    }

    #[test]
    fn a_pasted_page_is_refused_at_once() {
        let page = ["Thi đua yêu nước"; 2000].join(" ");
        let started = std::time::Instant::now();
        assert!(Settings::new(&page).place(BANNER).is_err());
        assert!(started.elapsed().as_secs_f32() < 1.0);
    }

    #[test]
    fn words_measured_one_after_another_are_the_line_measured_whole() {
        let words: Vec<&str> = LONG.split_whitespace().collect();
        let width = widths(&words);
        let mut lines = 0;
        for i in 0..words.len() {
            for j in i + 1..=words.len() {
                if width[i][j].is_finite() {
                    let whole = Line::new(words[i..j].join(" ")).ink.width();
                    assert_eq!(width[i][j], whole, "{}", words[i..j].join(" "));
                    lines += 1;
                }
            }
        }
        // Breaks at the three dashes are not lines.
        assert!(
            lines > 400 && lines < words.len() * (words.len() + 1) / 2,
            "{lines}"
        );
    }

    #[test]
    fn characters_the_font_lacks_are_named() {
        assert!(missing(LONG).is_empty());
        assert_eq!(missing("Thi đua ★ ★ 🇻🇳"), vec!['★', '🇻', '🇳']);
    }
}
