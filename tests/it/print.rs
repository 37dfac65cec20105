//! The printed sheet's QR code: read back from the page, drawn by a real SVG
//! renderer (resvg), and decoded by a QR reader (rqrr), it must be the
//! page's own address, in both languages; and each profile names a print
//! layout. (Printing itself is checked in Chromium: tests/browser/print.test.mjs.)

use crate::common::{attr, build_good, html, select};

/// The text a QR reader finds in `svg`, drawn at 4 pixels a module.
fn decode(svg: &str) -> Vec<String> {
    let tree = resvg::usvg::Tree::from_str(svg, &resvg::usvg::Options::default())
        .unwrap_or_else(|e| panic!("not an SVG a renderer reads: {e}\n{svg}"));
    let side = tree.size().width();
    let scale = 4.0;
    let px = (side * scale).ceil() as u32;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(px, px).unwrap();
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    // Transparent would read as black: the SVG must paint its own white ground.
    let grey: Vec<u8> = pixmap
        .pixels()
        .iter()
        .map(|p| p.demultiply().red())
        .collect();
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(px as usize, px as usize, |x, y| {
        grey[y * px as usize + x]
    });
    img.detect_grids()
        .iter()
        .map(|g| {
            g.decode()
                .unwrap_or_else(|e| panic!("unreadable QR code: {e:?}"))
                .1
        })
        .collect()
}

#[test]
fn the_qr_code_of_each_profile_page_reads_as_its_address() {
    let built = build_good();
    for page in [
        "/dien-hinh/nguyen-van-mau/",
        "/en/profiles/nguyen-van-mau/",
        "/dien-hinh/hop-tac-xa-che-mau/",
    ] {
        let doc = html(&built.out, page);
        let canonical = attr(&doc, "link[rel=canonical]", "href").unwrap();
        let svgs = select(&doc, ".share .qr-figure svg");
        assert_eq!(svgs.len(), 1, "{page}: one QR code");
        let svg = svgs[0].html();
        assert_eq!(decode(&svg), std::slice::from_ref(&canonical), "{page}");
        // Named for screen readers by the caption, which shows the address.
        let label = svgs[0].value().attr("aria-labelledby").unwrap();
        let caption = crate::common::text(&doc, &format!("#{label}"));
        assert!(caption.ends_with(&canonical), "{page}: {caption:?}");
        assert_eq!(svgs[0].value().attr("role"), Some("img"));
        // Small: the page carries it, for every profile (issue #16's budget).
        assert!(svg.len() < 2_000, "{page}: {} bytes", svg.len());
    }
}

#[test]
fn every_profile_names_its_print_layout() {
    let built = build_good();
    for page in ["/dien-hinh/nguyen-van-mau/", "/en/profiles/lo-thi-thu/"] {
        let doc = html(&built.out, page);
        let class = attr(&doc, "article.profile", "class").unwrap();
        assert!(class.split(' ').any(|c| c == "print-1"), "{page}: {class}");
        // Only a story too long to print whole says where the rest is.
        assert!(select(&doc, ".print-cut-note").is_empty(), "{page}");
    }
}
