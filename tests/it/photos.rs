//! Photos: upright, private (no EXIF or GPS in any output), cached, refused
//! cleanly when broken — and the share cards and preview tags.

use crate::common::*;
use std::path::Path;

/// An 800×600 JPEG stored sideways, with EXIF orientation 6 ("rotate 90°
/// clockwise to display") and a GPS position, as phones write them. Its
/// stored top-left corner is red, so upright it is the top-right corner.
fn phone_photo() -> Vec<u8> {
    let img = image::RgbImage::from_fn(800, 600, |x, y| {
        if x < 120 && y < 120 {
            image::Rgb([230, 20, 20])
        } else {
            image::Rgb([20, 40, 200])
        }
    });
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90)
        .encode_image(&img)
        .unwrap();
    // TIFF (big-endian): IFD0 {Orientation=6, GPSInfo→GPS IFD}, GPS IFD {LatitudeRef "N", Latitude 21/1 19/1 45/1}.
    let mut tiff = b"MM\x00\x2a\x00\x00\x00\x08".to_vec();
    let entry = |tag: u16, kind: u16, count: u32, value: [u8; 4]| {
        [
            &tag.to_be_bytes()[..],
            &kind.to_be_bytes(),
            &count.to_be_bytes(),
            &value,
        ]
        .concat()
    };
    tiff.extend(2u16.to_be_bytes());
    tiff.extend(entry(0x0112, 3, 1, [0, 6, 0, 0]));
    tiff.extend(entry(0x8825, 4, 1, 38u32.to_be_bytes()));
    tiff.extend(0u32.to_be_bytes());
    tiff.extend(2u16.to_be_bytes());
    tiff.extend(entry(0x0001, 2, 2, [b'N', 0, 0, 0]));
    tiff.extend(entry(0x0002, 5, 3, 68u32.to_be_bytes()));
    tiff.extend(0u32.to_be_bytes());
    for v in [21u32, 19, 45] {
        tiff.extend(v.to_be_bytes());
        tiff.extend(1u32.to_be_bytes());
    }
    let mut app1 = b"Exif\x00\x00".to_vec();
    app1.extend(tiff);
    let mut out = jpeg[..2].to_vec();
    out.extend([0xFF, 0xE1]);
    out.extend(((app1.len() + 2) as u16).to_be_bytes());
    out.extend(app1);
    out.extend(&jpeg[2..]);
    out
}

/// A site whose profile `nguyen-van-mau` has `photo` as its photo.
fn site_with_photo(bytes: &[u8], name: &str) -> tempfile::TempDir {
    let tmp = site_with(None);
    let bundle = tmp.path().join("content/profiles/nguyen-van-mau");
    std::fs::write(bundle.join(name), bytes).unwrap();
    let md = std::fs::read_to_string(bundle.join("index.vi.md"))
        .unwrap()
        .replace("photo: chan-dung.jpg", &format!("photo: {name}"));
    std::fs::write(bundle.join("index.vi.md"), md).unwrap();
    tmp
}

/// JPEG segments before the image data hold all of its metadata.
fn jpeg_has_metadata(bytes: &[u8]) -> bool {
    let mut i = 2;
    while i + 4 <= bytes.len() && bytes[i] == 0xFF {
        let marker = bytes[i + 1];
        if marker == 0xDA {
            return false; // start of scan: no more headers
        }
        if (0xE1..=0xEF).contains(&marker) || marker == 0xFE {
            return true; // APP1..APP15 (EXIF, XMP, ICC…) or a comment
        }
        i += 2 + u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]) as usize;
    }
    false
}

fn webp_has_metadata(bytes: &[u8]) -> bool {
    let mut i = 12;
    while i + 8 <= bytes.len() {
        let id = &bytes[i..i + 4];
        if id == b"EXIF" || id == b"XMP " {
            return true;
        }
        i += 8
            + (u32::from_le_bytes(bytes[i + 4..i + 8].try_into().unwrap()) as usize).div_ceil(2)
                * 2;
    }
    false
}

#[test]
fn a_sideways_phone_photo_is_upright_at_every_width_and_leaks_nothing() {
    let photo = phone_photo();
    assert!(
        photo.windows(6).any(|w| w == b"Exif\0\0"),
        "the source carries EXIF"
    );
    let tmp = site_with_photo(&photo, "dien-thoai.jpg");
    let out = tmp.path().join("public");
    let o = build(tmp.path(), &out);
    assert!(o.status.success(), "{}", stderr(&o));
    let doc = html(&out, "/dien-hinh/nguyen-van-mau/");
    let img = select(&doc, "img.profile-photo")[0].value().clone();
    assert_eq!(
        (img.attr("width"), img.attr("height")),
        (Some("600"), Some("800")),
        "upright: portrait"
    );
    let srcset = img.attr("srcset").unwrap();
    let files: Vec<&str> = srcset
        .split(", ")
        .map(|s| s.split(' ').next().unwrap())
        .collect();
    assert_eq!(
        files.len(),
        2,
        "320 and 600 wide (never upscaled to 640+): {srcset}"
    );
    let webp_srcset = select(&doc, "picture source[type='image/webp']")[0]
        .value()
        .attr("srcset")
        .unwrap()
        .to_string();
    for f in files.iter().copied().chain(
        webp_srcset
            .split(", ")
            .map(|s| s.split(' ').next().unwrap()),
    ) {
        let bytes = std::fs::read(out.join(f.trim_start_matches('/'))).unwrap();
        let decoded = image::load_from_memory(&bytes).unwrap().into_rgb8();
        assert!(decoded.height() > decoded.width(), "{f} is not upright");
        let corner = decoded.get_pixel(decoded.width() - 4, 4);
        assert!(
            corner[0] > 150 && corner[2] < 110,
            "{f}: the red corner is not top-right: {corner:?}"
        );
        assert!(!bytes.windows(4).any(|w| w == b"Exif"), "{f} contains EXIF");
    }
    // No output image of the whole site carries metadata; the original is not published.
    for (path, bytes) in snapshot(&out) {
        if path.ends_with(".jpg") {
            assert!(!jpeg_has_metadata(&bytes), "{path} carries metadata");
        } else if path.ends_with(".webp") {
            assert!(!webp_has_metadata(&bytes), "{path} carries metadata");
        }
        assert!(
            !path.ends_with("dien-thoai.jpg"),
            "the original (with GPS) was published as {path}"
        );
    }
}

#[test]
fn a_second_build_encodes_nothing_and_writes_the_same_bytes() {
    let tmp = site_with_photo(&phone_photo(), "dien-thoai.jpg");
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    let first = build(tmp.path(), &a);
    assert!(
        stderr(&first).contains("Photos: 1 encoded, 0 unchanged"),
        "{}",
        stderr(&first)
    );
    let second = build(tmp.path(), &b);
    assert!(
        stderr(&second).contains("Photos: 0 encoded, 1 unchanged"),
        "{}",
        stderr(&second)
    );
    assert_eq!(snapshot(&a), snapshot(&b));
}

/// The first 20,000×20,000 PNG header: refused before a byte of it is decoded.
fn huge_png() -> Vec<u8> {
    fn crc32(data: &[u8]) -> u32 {
        let mut c = 0xFFFF_FFFFu32;
        for b in data {
            c ^= *b as u32;
            for _ in 0..8 {
                c = if c & 1 == 1 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
        }
        !c
    }
    let chunk = |kind: &[u8], data: &[u8]| {
        [
            &(data.len() as u32).to_be_bytes()[..],
            kind,
            data,
            &crc32(&[kind, data].concat()).to_be_bytes(),
        ]
        .concat()
    };
    let ihdr = [
        &20_000u32.to_be_bytes()[..],
        &20_000u32.to_be_bytes(),
        &[8, 2, 0, 0, 0],
    ]
    .concat();
    [
        &b"\x89PNG\r\n\x1a\n"[..],
        &chunk(b"IHDR", &ihdr),
        &chunk(b"IDAT", &[0x78, 0x9c, 0x03, 0x00, 0, 0, 0, 1]),
        &chunk(b"IEND", &[]),
    ]
    .concat()
}

#[test]
fn a_corrupt_photo_and_a_decompression_bomb_give_one_line_errors_and_keep_public() {
    let jpeg = phone_photo();
    for (name, bytes, expected) in [
        (
            "hong.jpg",
            jpeg[..jpeg.len() / 3].to_vec(),
            "damaged or unreadable",
        ),
        (
            "khong-phai-anh.jpg",
            b"this is a text file, not a photo".to_vec(),
            "not an image",
        ),
        (
            "qua-lon.png",
            huge_png(),
            "20000×20000 pixels (400 megapixels), over the limit of 50",
        ),
    ] {
        let tmp = built_good_copy();
        let out = tmp.path().join("public");
        let before = snapshot(&out);
        let bundle = tmp.path().join("content/profiles/nguyen-van-mau");
        std::fs::write(bundle.join(name), &bytes).unwrap();
        let md = std::fs::read_to_string(bundle.join("index.vi.md"))
            .unwrap()
            .replace("photo: chan-dung.jpg", &format!("photo: {name}"));
        std::fs::write(bundle.join("index.vi.md"), md).unwrap();
        let o = build(tmp.path(), &out);
        assert!(!o.status.success(), "{name}");
        let err = stderr(&o);
        let line = err
            .lines()
            .find(|l| l.starts_with("error[G05"))
            .unwrap_or_default();
        assert!(
            line.contains(&format!("content/profiles/nguyen-van-mau/{name}"))
                && line.contains(expected),
            "{name}: {err}"
        );
        assert!(!err.contains("panicked"));
        assert_eq!(snapshot(&out), before, "{name}: public/ must be untouched");
    }
}

#[test]
fn a_photo_needs_alt_text_and_story_images_must_be_bundle_files() {
    let tmp = site_with(None);
    let vi = tmp
        .path()
        .join("content/profiles/nguyen-van-mau/index.vi.md");
    let md = std::fs::read_to_string(&vi).unwrap();
    let md = md.replace(
        "photo_alt: Bác sĩ Nguyễn Văn Mẫu đứng trước trạm y tế\n",
        "",
    );
    let md =
        format!("{md}\n![Ảnh từ nơi khác](https://example.com/x.jpg)\n\n![Không có](thieu.jpg)\n");
    std::fs::write(&vi, md).unwrap();
    let o = build(tmp.path(), &tmp.path().join("public"));
    let err = stderr(&o);
    assert!(
        err.contains("`photo_alt`: a photo needs `photo_alt`"),
        "{err}"
    );
    assert!(
        err.contains("the image `https://example.com/x.jpg` is not a file of the profile"),
        "{err}"
    );
    assert!(
        err.contains("the photo `thieu.jpg` is not in content/profiles/nguyen-van-mau"),
        "{err}"
    );
}

#[test]
fn story_images_become_responsive_pictures() {
    let tmp = site_with(None);
    let bundle = tmp.path().join("content/profiles/nguyen-van-mau");
    std::fs::copy(bundle.join("chan-dung.jpg"), bundle.join("tram-y-te.jpg")).unwrap();
    let vi = bundle.join("index.vi.md");
    let md = std::fs::read_to_string(&vi).unwrap() + "\n![Trạm y tế xã (hư cấu)](tram-y-te.jpg)\n";
    std::fs::write(&vi, md).unwrap();
    let out = tmp.path().join("public");
    let o = build(tmp.path(), &out);
    assert!(o.status.success(), "{}", stderr(&o));
    let doc = html(&out, "/dien-hinh/nguyen-van-mau/");
    let img = select(&doc, ".story picture img");
    let img = img.first().expect("a picture in the story").value();
    assert_eq!(img.attr("alt"), Some("Trạm y tế xã (hư cấu)"));
    assert_eq!(
        (img.attr("width"), img.attr("height"), img.attr("loading")),
        (Some("240"), Some("300"), Some("lazy"))
    );
    assert!(out
        .join(img.attr("src").unwrap().trim_start_matches('/'))
        .is_file());
}

#[test]
fn profile_pages_carry_share_previews() {
    let b = build_good();
    for (page, locale, name) in [
        ("/dien-hinh/nguyen-van-mau/", "vi_VN", "Nguyễn Văn Mẫu"),
        ("/en/profiles/nguyen-van-mau/", "en_US", "Nguyễn Văn Mẫu"),
    ] {
        let doc = html(&b.out, page);
        let meta =
            |p: &str| attr(&doc, &format!("meta[property='{p}']"), "content").unwrap_or_default();
        assert_eq!(meta("og:type"), "profile");
        assert_eq!(meta("og:locale"), locale);
        assert_eq!(
            (
                meta("og:image:width").as_str(),
                meta("og:image:height").as_str()
            ),
            ("1200", "630")
        );
        let image = meta("og:image");
        assert!(
            image.starts_with("https://fixture.example.org/") && image.ends_with(".jpg"),
            "{image}"
        );
        let card = image::open(
            b.out
                .join(image.trim_start_matches("https://fixture.example.org/")),
        )
        .unwrap();
        assert_eq!((card.width(), card.height()), (1200, 630));
        assert!(meta("og:title").contains(name));
        assert_eq!(
            attr(&doc, "meta[name='twitter:card']", "content").as_deref(),
            Some("summary_large_image")
        );
    }
    let about = html(&b.out, "/gioi-thieu/");
    assert_eq!(
        attr(&about, "meta[property='og:type']", "content").as_deref(),
        Some("article")
    );
    assert!(attr(&about, "meta[property='og:image']", "content")
        .unwrap()
        .contains("/assets/og-vi."));
}

#[test]
fn the_share_card_font_has_every_glyph_of_the_real_names() {
    // Every character of every real profile's card text renders with the bundled font.
    let loaded = guong::load(&guong::Options {
        root: repo(),
        ..Default::default()
    })
    .unwrap_or_else(|e| panic!("{e}"));
    let mut text = String::new();
    for p in &loaded.site.profiles {
        for t in std::iter::once(&p.text.vi).chain(p.text.en.as_ref()) {
            text += &format!(
                "{} {} {} {} ",
                t.name,
                t.honorific.clone().unwrap_or_default(),
                t.role.clone().unwrap_or_default(),
                t.organization.clone().unwrap_or_default()
            );
        }
    }
    assert!(text.contains("Trần Thanh Sơn") && text.contains("Đại tá"));
    assert_eq!(
        guong::images::card::missing_glyphs(&text),
        Vec::<char>::new()
    );
    // And a picture of one, for people to look at.
    let card = guong::images::card::render(
        None,
        &guong::images::card::CardText {
            honorific: Some("Đại tá"),
            name: "Trần Thanh Sơn",
            role: Some("Phó Giám đốc, Thủ trưởng Cơ quan Cảnh sát điều tra, Công an tỉnh Sơn La"),
            note: None,
            site_name: "Gương điển hình tiên tiến tỉnh Sơn La",
        },
    );
    // The file as the build writes it: small, and every pixel as drawn.
    let file = guong::images::card_file::encode(&card, false);
    assert_eq!(file.ext, "png");
    assert!(
        file.bytes.len() <= guong::images::card_file::MAX_BYTES,
        "the card is {} bytes",
        file.bytes.len()
    );
    let decoded = image::load_from_memory(&file.bytes).unwrap().to_rgb8();
    assert!(
        decoded == card,
        "the palette PNG is the card, pixel for pixel"
    );
    let dir = repo().join("tests/artifacts");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("share-card-tran-thanh-son.png"), &file.bytes).unwrap();
    assert!(Path::new(&dir.join("share-card-tran-thanh-son.png")).is_file());
}
