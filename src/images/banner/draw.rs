//! A set banner as the two files a print shop takes: a PDF whose page is
//! the banner's real size, with the slogan as real text in Noto Sans Bold
//! (embedded, subset), and an SVG with the letters as outlines, which every
//! drawing program (CorelDRAW, Illustrator, Inkscape) opens as it is, with
//! no font to install. Both carry the same glyphs at the same places.
//!
//! Red ground and yellow letters, the colours of the flag, as slogan
//! banners are made in Vietnam.

use super::layout::{font, Layout};
use ab_glyph::{Font, OutlineCurve};
use std::fmt::Write;

/// The flag's red and yellow (sRGB).
pub const RED: [u8; 3] = [0xda, 0x25, 0x1d];
pub const YELLOW: [u8; 3] = [0xff, 0xde, 0x00];

fn hex([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// A coordinate to a tenth of a point (0.035 mm), without a trailing `.0`.
fn num(out: &mut String, v: f32) {
    let tenths = (v * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let (whole, frac) = (tenths.abs() / 10, tenths.abs() % 10);
    match frac {
        0 => write!(out, "{sign}{whole}"),
        _ => write!(out, "{sign}{whole}.{frac}"),
    }
    .expect("writing to a String");
}

fn point(out: &mut String, x: f32, y: f32) {
    num(out, x);
    out.push(',');
    num(out, y);
}

/// The outlines of a line's glyphs as SVG path data, in points.
fn path_data(l: &Layout, line: usize) -> String {
    let set = &l.lines[line];
    let mut d = String::new();
    for g in &set.line.glyphs {
        let Some(outline) = font().outline(g.id) else {
            continue;
        };
        let ox = set.x + g.x * l.scale;
        let at = |p: ab_glyph::Point| (ox + p.x * l.scale, set.baseline - p.y * l.scale);
        let mut last: Option<ab_glyph::Point> = None;
        for curve in &outline.curves {
            let (start, end) = match curve {
                OutlineCurve::Line(a, b) | OutlineCurve::Quad(a, _, b) => (*a, *b),
                OutlineCurve::Cubic(a, _, _, b) => (*a, *b),
            };
            if last != Some(start) {
                if last.is_some() {
                    d.push('Z');
                }
                d.push('M');
                let (x, y) = at(start);
                point(&mut d, x, y);
            }
            let mut to = |cmd: char, pts: &[ab_glyph::Point]| {
                d.push(cmd);
                for (i, p) in pts.iter().enumerate() {
                    if i > 0 {
                        d.push(' ');
                    }
                    let (x, y) = at(*p);
                    point(&mut d, x, y);
                }
            };
            match curve {
                OutlineCurve::Line(_, b) => to('L', &[*b]),
                OutlineCurve::Quad(_, c, b) => to('Q', &[*c, *b]),
                OutlineCurve::Cubic(_, c1, c2, b) => to('C', &[*c1, *c2, *b]),
            }
            last = Some(end);
        }
        if last.is_some() {
            d.push('Z');
        }
    }
    d
}

/// The banner as SVG: its size in centimetres, the view box in points (as
/// the PDF), one path per line of letters, the slogan as its title.
pub fn svg(l: &Layout, width_cm: u32, height_cm: u32, text: &str) -> Vec<u8> {
    let mut out = String::new();
    let (mut w, mut h) = (String::new(), String::new());
    num(&mut w, l.width);
    num(&mut h, l.height);
    let title = crate::text::xml_escape(text);
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#).expect("String");
    writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width_cm}cm" height="{height_cm}cm" viewBox="0 0 {w} {h}" role="img" aria-label="{title}" lang="vi">"#
    )
    .expect("String");
    writeln!(out, "<title>{title}</title>").expect("String");
    writeln!(
        out,
        r#"<rect width="{w}" height="{h}" fill="{}"/>"#,
        hex(RED)
    )
    .expect("String");
    writeln!(out, r#"<g fill="{}">"#, hex(YELLOW)).expect("String");
    for (i, set) in l.lines.iter().enumerate() {
        let text = crate::text::xml_escape(&set.line.text);
        writeln!(out, r#"<path data-line="{text}" d="{}"/>"#, path_data(l, i)).expect("String");
    }
    out.push_str("</g>\n</svg>\n");
    out.into_bytes()
}

/// The banner as PDF: one page of the banner's real size, the ground a
/// filled rectangle and each line real text (selectable, searchable; what
/// `pdftotext` reads is the slogan), in the subset font krilla embeds.
/// krilla writes no date, and its document ids are hashes of the content:
/// the same banner gives the same bytes.
pub fn pdf(l: &Layout, text: &str) -> Result<Vec<u8>, String> {
    use krilla::color::rgb;
    use krilla::geom::{PathBuilder, Point, Rect};
    use krilla::metadata::Metadata;
    use krilla::num::NormalizedF32;
    use krilla::page::PageSettings;
    use krilla::paint::{Fill, FillRule};
    use krilla::text::{Font as PdfFont, GlyphId, KrillaGlyph};

    let fill = |[r, g, b]: [u8; 3]| Fill {
        paint: rgb::Color::new(r, g, b).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    };
    let pdf_font = PdfFont::new(crate::images::card::NOTO_SANS_BOLD.into(), 0)
        .ok_or("the font cannot be read")?;
    let upem = font().units_per_em().unwrap_or(1000.0);
    let mut doc = krilla::Document::new();
    doc.set_metadata(
        Metadata::new()
            .title(text.to_string())
            .language("vi".into())
            .creator("guong".into()),
    );
    let settings = PageSettings::from_wh(l.width, l.height).ok_or("the page has no size")?;
    let mut page = doc.start_page_with(settings);
    let mut surface = page.surface();
    surface.set_fill(Some(fill(RED)));
    let mut ground = PathBuilder::new();
    ground.push_rect(Rect::from_xywh(0.0, 0.0, l.width, l.height).ok_or("the page has no size")?);
    surface.draw_path(&ground.finish().ok_or("the page has no size")?);
    surface.set_fill(Some(fill(YELLOW)));
    for set in &l.lines {
        let glyphs: Vec<KrillaGlyph> = set
            .line
            .glyphs
            .iter()
            .map(|g| {
                KrillaGlyph::new(
                    GlyphId::new(u32::from(g.id.0)),
                    g.advance / upem,
                    0.0,
                    0.0,
                    0.0,
                    g.range.clone(),
                    None,
                )
            })
            .collect();
        surface.draw_glyphs(
            Point::from_xy(set.x, set.baseline),
            &glyphs,
            pdf_font.clone(),
            &set.line.text,
            l.em,
            false,
        );
    }
    surface.finish();
    page.finish();
    doc.finish().map_err(|e| format!("{e:?}"))
}
