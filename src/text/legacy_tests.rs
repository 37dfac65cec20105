use super::*;

/// Phrases of the two source documents (Báo cáo 453/BC-UBND and the Đề
/// cương of the sixth congress), names of `facts.md` among them.
const PHRASES: &[&str] = &[
    "Đại hội Thi đua yêu nước tỉnh Sơn La lần thứ VI",
    "Thi đua yêu nước là hoạt động mang tính tập thể, tự giác, tích cực",
    "Ở các thời điểm và lĩnh vực khác nhau, có các phong trào thi đua yêu nước",
    "Đại tá Trần Thanh Sơn, Phó Giám đốc Công an tỉnh Sơn La",
    "Hợp tác xã nông nghiệp Toàn Duyên",
    "Bà Lường Thị Hồng Tươi, Chủ Homestay Hoa Mộc Miên, xã Mường Sang",
    "Ông Cầm Văn Chung, Trung tâm Viễn thông Mai Sơn - Yên Châu",
    "NGƯT Lê Thị Hà Phương, Giáo viên, Trường TH - THCS Tô Múa",
    "Đồn Biên phòng Chiềng On",
    "Đoàn kết, sáng tạo, đổi mới, hội nhập và phát triển",
];

/// Unicode → TCVN3 as pasted: each byte as its Latin-1 character. VN3 has
/// no capital with a tone; the `.VnTimeH` fonts draw it from the small letter.
fn to_tcvn3(text: &str) -> String {
    let byte_of = |c: char| TCVN3.iter().find(|&&(_, l)| l == c).map(|&(b, _)| b);
    text.chars()
        .map(|c| {
            let b = byte_of(c).or_else(|| byte_of(c.to_lowercase().next().unwrap()));
            b.map_or(c, char::from)
        })
        .collect()
}

/// Unicode → VNI as pasted: a base letter then a mark byte, capitals with
/// capital marks. Built by listing every VNI pair and single letter.
fn to_vni(text: &str) -> String {
    let mut codes: Vec<(String, String)> = Vec::new();
    for base in "aeouyôöAEOUYÔÖ".chars() {
        codes.push((convert(&base.to_string(), Encoding::Vni), base.to_string()));
        for &(mark, _, _) in VNI_MARKS {
            let mark = if base.is_uppercase() {
                char::from_u32(u32::from(mark) - 0x20).unwrap()
            } else {
                mark
            };
            let code = format!("{base}{mark}");
            let letter = convert(&code, Encoding::Vni);
            if letter.chars().count() == 1 {
                codes.push((letter, code));
            }
        }
    }
    for &(small, _) in VNI_LETTERS {
        let capital = char::from_u32(u32::from(small) - 0x20).unwrap();
        for code in [small, capital] {
            codes.push((convert(&code.to_string(), Encoding::Vni), code.to_string()));
        }
    }
    text.chars()
        .map(|c| {
            let c = c.to_string();
            codes
                .iter()
                .find(|(letter, _)| *letter == c)
                .map_or(c, |(_, code)| code.clone())
        })
        .collect()
}

#[test]
fn the_issue_examples_read_as_written() {
    assert_eq!(
        convert("§oµn kÕt, s¸ng t¹o", Encoding::Tcvn3),
        "Đoàn kết, sáng tạo"
    );
    assert_eq!(
        convert("Ñoaøn keát, saùng taïo", Encoding::Vni),
        "Đoàn kết, sáng tạo"
    );
    assert_eq!(detect("§oµn kÕt, s¸ng t¹o"), Some(Encoding::Tcvn3));
    assert_eq!(detect("Ñoaøn keát, saùng taïo"), Some(Encoding::Vni));
    assert_eq!(to_tcvn3("Đoàn kết, sáng tạo"), "§oµn kÕt, s¸ng t¹o");
    assert_eq!(to_vni("Đoàn kết, sáng tạo"), "Ñoaøn keát, saùng taïo");
}

#[test]
fn phrases_of_the_sources_round_trip_both_ways() {
    for phrase in PHRASES {
        let lower = phrase.to_lowercase();
        for (encoding, encoded) in [
            // TCVN3 keeps no capital with a tone: compare in small letters.
            (Encoding::Tcvn3, to_tcvn3(&lower)),
            (Encoding::Vni, to_vni(phrase)),
        ] {
            let expected = if encoding == Encoding::Tcvn3 {
                &lower
            } else {
                *phrase
            };
            assert_ne!(&encoded, phrase, "{phrase} in {encoding:?} was not encoded");
            assert_eq!(detect(&encoded), Some(encoding), "{encoded} not detected");
            assert_eq!(convert(&encoded, encoding), expected, "{encoded}");
        }
    }
}

#[test]
fn vni_capitals_and_title_case_convert() {
    assert_eq!(to_vni("ĐẠI HỘI THI ĐUA"), "ÑAÏI HOÄI THI ÑUA");
    assert_eq!(
        convert("ÑAÏI HOÄI THI ÑUA", Encoding::Vni),
        "ĐẠI HỘI THI ĐUA"
    );
    // A capital letter with small marks, as VNI keyboards type title case.
    assert_eq!(convert("Aùnh Ngöôøi", Encoding::Vni), "Ánh Người");
}

#[test]
fn ordinary_text_is_never_flagged() {
    let ordinary = [
        PHRASES.join(" "),
        PHRASES.join(" ").to_uppercase(),
        "ĐỀ CƯƠNG TUYÊN TRUYỀN ĐẠI HỘI THI ĐUA YÊU NƯỚC".into(),
        "Où est la gare ? Déjà vu, naïve café crème, à bientôt, été, Noël.".into(),
        "The café's résumé: José Álvarez, Zoë, façade, Ångström, piñata.".into(),
        "có công, cá, cũng, là, đó, hòa, Hòa Bình, Mộc Châu — « Có » ½ × ÷ §3 ©2025".into(),
        "Ho Chi Minh, Son La, Dien Bien (no diacritics at all)".into(),
    ];
    for text in &ordinary {
        assert_eq!(find(text), vec![], "{text}");
    }
}

#[test]
fn fix_converts_only_the_old_lines_and_keeps_the_rest() {
    let text = "---\ntitle: §oµn kÕt, s¸ng t¹o\nsummary: Ñoaøn keát, saùng taïo\r\n---\nĐúng rồi.";
    let (fixed, found) = fix(text);
    assert_eq!(
        fixed,
        "---\ntitle: Đoàn kết, sáng tạo\nsummary: Đoàn kết, sáng tạo\r\n---\nĐúng rồi."
    );
    let lines: Vec<_> = found.iter().map(|f| (f.line, f.encoding)).collect();
    assert_eq!(lines, [(2, Encoding::Tcvn3), (3, Encoding::Vni)]);
    assert_eq!(fix(&fixed).1, vec![]);
}

#[test]
fn syllables_follow_vietnamese_spelling() {
    for good in [
        "người", "Nguyễn", "quốc", "giữa", "khuyến", "Chiềng", "tạo", "gì",
    ] {
        assert!(is_syllable(good), "{good}");
    }
    for bad in [
        "kõt",
        "caùc",
        "§oµn",
        "café",
        "où",
        "hello",
        "ngườii",
        "tàá",
    ] {
        assert!(!is_syllable(bad), "{bad}");
    }
}
