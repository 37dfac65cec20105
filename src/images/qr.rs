//! QR codes of the profile pages, as SVG to inline in the page: the printed
//! sheet carries one (the page prints without network or JavaScript), and
//! the share area offers it for posters and certificates.
//!
//! Small, because it is in every profile page (issue #16's budget): one
//! stroked path whose subpaths are the dark runs of each row (`m2 0h3`),
//! about seven bytes a run, not a `<rect>` per module.

use fast_qr::qr::QRBuilder;
use fast_qr::ECL;
use std::fmt::Write;

/// The white margin a reader needs to find the code, in modules (the
/// standard asks for four).
pub const QUIET_ZONE: usize = 4;

/// The SVG of a QR code for `url`, with its quiet zone and a white ground,
/// named for screen readers by the element `label_id` (the page shows the
/// URL beside it; the URL twice would cost a hundred bytes a page). Error
/// correction M, the level made for print: 15 % of the code may be soiled or
/// torn; Q (25 %) makes most codes of this site a version larger, some 300
/// bytes more in every page. `None` when the URL is too long for any QR code
/// (over 2,300 bytes).
pub fn svg(url: &str, label_id: &str) -> Option<String> {
    let (width, dark) = modules(url)?;
    let side = width + 2 * QUIET_ZONE;
    let label = crate::text::xml_escape(label_id);
    let (d, dashes) = snake(width, &dark);
    Some(format!(
        concat!(
            r#"<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {s} {s}" role="img" aria-labelledby="{label}">"#,
            r##"<path fill="#fff" d="M0 0h{s}v{s}H0z"/><path fill="none" stroke="#000" stroke-dasharray="{dashes}" d="{d}"/></svg>"##
        ),
        s = side,
        label = label,
        d = d,
        dashes = dashes,
    ))
}

/// The code's width and its modules, row by row (`true` = dark), at the
/// smallest version that holds `url` and the mask of least penalty. fast_qr,
/// because a site of 10,000 profiles draws 20,000 codes on every build: the
/// `qrcode` crate's mask scoring took 15 % of such a build.
fn modules(url: &str) -> Option<(usize, Vec<bool>)> {
    let code = QRBuilder::new(url.as_bytes()).ecl(ECL::M).build().ok()?;
    let n = code.size;
    Some((n, code.data[..n * n].iter().map(|m| m.value()).collect()))
}

/// The path and its dash pattern: one line that snakes through the rows
/// (left to right, down one, right to left, …) reaching one module into the
/// quiet zone at both ends, so that every turn falls in a gap; its dashes
/// are the dark runs. About four bytes a run, where a subpath per run takes
/// six and a `<rect>` per module forty.
fn snake(width: usize, dark: &[bool]) -> (String, String) {
    let reach = width + 2;
    let mut d = format!("M{} {}.5", QUIET_ZONE - 1, QUIET_ZONE);
    // Along the line, alternating dark and light lengths, dark first.
    let mut lengths: Vec<usize> = vec![0];
    let mut push = |dark: bool, n: usize| {
        let last_dark = lengths.len() % 2 == 1;
        if dark == last_dark {
            *lengths.last_mut().expect("never empty") += n;
        } else {
            lengths.push(n);
        }
    };
    for (y, row) in dark.chunks(width).enumerate() {
        if y > 0 {
            push(false, 1); // the step down
        }
        let sign = if y % 2 == 0 { "" } else { "-" };
        write!(d, "{}h{sign}{reach}", if y > 0 { "v1" } else { "" }).expect("writing to a String");
        push(false, 1);
        let cells: Box<dyn Iterator<Item = &bool>> = if y % 2 == 0 {
            Box::new(row.iter())
        } else {
            Box::new(row.iter().rev())
        };
        for c in cells {
            push(*c, 1);
        }
        push(false, 1);
    }
    let dashes = lengths
        .iter()
        .map(|n| n.to_string())
        .collect::<Vec<_>>()
        .join(" ");
    (d, dashes)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Walk the path a unit at a time with the dash pattern, as a renderer
    /// strokes it, and collect the modules of the code it paints.
    fn painted(d: &str, dashes: &str, width: usize) -> Vec<bool> {
        let mut on: Vec<bool> = Vec::new();
        for (i, n) in dashes.split(' ').enumerate() {
            on.extend(std::iter::repeat_n(i % 2 == 0, n.parse().unwrap()));
        }
        let mut on = on.into_iter().chain(std::iter::repeat(false));
        let rest = d.strip_prefix('M').unwrap();
        let cut = rest.find(['h', 'v']).unwrap();
        let (x, y) = rest[..cut].split_once(' ').unwrap();
        let (mut x, mut y): (isize, f64) = (x.parse().unwrap(), y.parse().unwrap());
        let mut grid = vec![false; width * width];
        let mut moves = rest[cut..].chars().peekable();
        while let Some(axis) = moves.next() {
            let mut n = String::new();
            while let Some(c) = moves.next_if(|c| c.is_ascii_digit() || *c == '-') {
                n.push(c);
            }
            let n: isize = n.parse().unwrap();
            for _ in 0..n.abs() {
                let paint = on.next().unwrap();
                if axis == 'v' {
                    assert!(!paint, "a step down is drawn");
                    y += 1.0;
                    continue;
                }
                let cell = if n > 0 { x } else { x - 1 };
                x += n.signum();
                let (cx, cy) = (
                    cell - QUIET_ZONE as isize,
                    y.floor() as isize - QUIET_ZONE as isize,
                );
                let inside = (0..width as isize).contains(&cx) && (0..width as isize).contains(&cy);
                assert!(inside || !paint, "paints the quiet zone at {cell}");
                if inside && paint {
                    grid[cy as usize * width + cx as usize] = true;
                }
            }
        }
        grid
    }

    #[test]
    fn dashes_paint_exactly_the_dark_modules() {
        for url in [
            "https://guong.example.org/dien-hinh/ca-manh-hung/",
            "https://x.org/en/",
        ] {
            let (width, dark) = modules(url).unwrap();
            let (d, dashes) = snake(width, &dark);
            assert_eq!(painted(&d, &dashes, width), dark, "{url}");
        }
    }

    #[test]
    fn svg_names_its_url_and_has_a_quiet_zone() {
        let made = svg("https://guong.example.org/en/dien-hinh/a/", "qr-<a>").unwrap();
        assert!(made.contains(r#"aria-labelledby="qr-&lt;a&gt;""#), "{made}");
        // Version 3 (29 modules) plus four on each side.
        assert!(made.contains(r#"viewBox="0 0 37 37""#), "{made}");
        assert!(
            made.contains(r#"stroke-dasharray="0 1 7 "#),
            "finder pattern first: {made}"
        );
        assert!(
            made.contains(r#"d="M3 4.5h31v1h-31"#),
            "one module into the quiet zone: {made}"
        );
        assert!(svg("x".repeat(4000).as_str(), "").is_none());
    }
}
