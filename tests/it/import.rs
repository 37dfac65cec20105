//! `guong import`: spreadsheets with Vietnamese headers become profile
//! bundles that build, awards are added to existing profiles once, and
//! nothing a writer wrote is overwritten.
//!
//! The XLSX fixture is generated here with rust_xlsxwriter rather than
//! committed: the rows that matter (unknown awards, the duplicate name, the
//! NFD name) are readable next to the assertions about them, and no binary
//! file has to be trusted. Every person and unit is fictional ("hư cấu").

use crate::common::*;
use std::collections::BTreeSet;
use std::path::Path;
use unicode_normalization::UnicodeNormalization;

const HEADERS: [&str; 8] = [
    "STT",
    "Họ và tên",
    "Chức vụ",
    "Đơn vị",
    "Lĩnh vực",
    "Hình thức khen thưởng",
    "Năm",
    "Số quyết định",
];

/// One fictional row of the sheet.
#[derive(Clone)]
struct Person {
    name: String,
    role: &'static str,
    org: String,
    field: &'static str,
    award: &'static str,
    year: u32,
}

const UNKNOWN_AWARD_ROWS: [usize; 2] = [5, 20];
const DUPLICATE_OF: (usize, usize) = (30, 3); // row 30 has row 3's name, another unit
const NFD_ROW: usize = 12;

/// 40 rows: 35 people and 5 collectives, all invented.
fn people() -> Vec<Person> {
    let families = [
        "Lò", "Cầm", "Quàng", "Lường", "Vì", "Tòng", "Sùng", "Giàng", "Mùa", "Thào",
    ];
    let given = ["Mẫu", "Thử", "Nghiệm", "Giả Định"];
    let fields = [
        "Y tế",
        "XÂY DỰNG NÔNG THÔN MỚI",
        "y-te",
        "xay dung nong thon moi",
    ];
    let awards = [
        "Bằng khen của Chủ tịch UBND tỉnh",
        "chiến sĩ thi đua cấp tỉnh",
        "BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH",
    ];
    let mut rows: Vec<Person> = (0..40)
        .map(|i| {
            let collective = i % 8 == 7;
            Person {
                name: if collective {
                    format!("Hợp tác xã Thử Nghiệm số {i} (hư cấu)")
                } else {
                    let middle = if i % 2 == 0 { "Văn" } else { "Thị" };
                    format!("{} {middle} {}", families[i % 10], given[i / 10])
                },
                role: if collective {
                    ""
                } else {
                    ["Trưởng bản", "Điều dưỡng", "Giáo viên"][i % 3]
                },
                org: format!("Đơn vị hư cấu số {}", i % 7 + 1),
                field: fields[i % 4],
                award: if collective { awards[0] } else { awards[i % 3] },
                year: 2021 + (i % 5) as u32,
            }
        })
        .collect();
    rows[UNKNOWN_AWARD_ROWS[0]].award = "Huân chương Sao Mẫu (hư cấu)";
    rows[UNKNOWN_AWARD_ROWS[1]].award = "Bằng khen của Chủ tịch UBND huyện";
    let (dup, of) = DUPLICATE_OF;
    rows[dup].name = rows[of].name.clone();
    rows[dup].org = "Đơn vị hư cấu khác".into();
    rows[NFD_ROW].name = rows[NFD_ROW].name.nfd().collect();
    rows
}

/// The sheet as staff receive it: a title line, the headers on row 2, years
/// typed as numbers.
fn write_xlsx(path: &Path, rows: &[Person]) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Danh sách").unwrap();
    sheet
        .write_string(0, 0, "DANH SÁCH CÁ NHÂN, TẬP THỂ ĐƯỢC KHEN THƯỞNG (HƯ CẤU)")
        .unwrap();
    for (c, h) in HEADERS.iter().enumerate() {
        sheet.write_string(1, c as u16, *h).unwrap();
    }
    for (i, p) in rows.iter().enumerate() {
        let r = i as u32 + 2;
        sheet.write_number(r, 0, i as f64 + 1.0).unwrap();
        for (c, text) in [
            (1, p.name.as_str()),
            (2, p.role),
            (3, &p.org),
            (4, p.field),
            (5, p.award),
        ] {
            if !text.is_empty() {
                sheet.write_string(r, c, text).unwrap();
            }
        }
        sheet.write_number(r, 6, p.year as f64).unwrap();
        sheet
            .write_string(r, 7, format!("Quyết định số {}/QĐ-UBND (hư cấu)", i + 100))
            .unwrap();
    }
    book.save(path).unwrap();
}

/// The spreadsheet row number of fixture row `i` (title on 1, headers on 2).
fn sheet_row(i: usize) -> usize {
    i + 3
}

fn import(root: &Path, args: &[&str]) -> (bool, String, String) {
    let mut all = vec!["import", "--root", root.to_str().unwrap()];
    all.extend_from_slice(args);
    let o = guong(&all);
    (
        o.status.success(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr(&o),
    )
}

fn profile_dirs(root: &Path) -> BTreeSet<String> {
    std::fs::read_dir(root.join("content/profiles"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

fn read(root: &Path, slug: &str) -> String {
    std::fs::read_to_string(root.join("content/profiles").join(slug).join("index.vi.md")).unwrap()
}

fn slug_of(name: &str) -> String {
    guong::text::fold::slugify(name)
}

#[test]
fn xlsx_with_vietnamese_headers_creates_profiles_that_build_and_imports_once() {
    let tmp = site_with(None);
    let root = tmp.path();
    let rows = people();
    let sheet = tempfile::tempdir().unwrap();
    let xlsx = sheet.path().join("khen-thuong.xlsx");
    write_xlsx(&xlsx, &rows);
    let before = profile_dirs(root);

    let (ok, out, err) = import(root, &[xlsx.to_str().unwrap(), "--date", "2025-08-07"]);
    assert!(ok, "{out}\n{err}");
    assert!(
        out.contains("created 38, updated 0, unchanged 0, skipped 2."),
        "{out}"
    );
    let created: BTreeSet<String> = profile_dirs(root).difference(&before).cloned().collect();
    assert_eq!(created.len(), 38, "{created:?}");

    // The two unknown awards are reported with their row, column and value.
    for i in UNKNOWN_AWARD_ROWS {
        let line = out
            .lines()
            .find(|l| l.contains(&format!("khen-thuong.xlsx:{}:", sheet_row(i))))
            .unwrap_or_else(|| panic!("row {} not reported:\n{out}", sheet_row(i)));
        assert!(
            line.contains("`Hình thức khen thưởng`") && line.contains(rows[i].award),
            "{line}"
        );
        assert!(!created.contains(&slug_of(&rows[i].name)));
    }
    assert!(
        out.contains("did you mean \"Bằng khen của Chủ tịch UBND tỉnh\""),
        "{out}"
    );

    // Same name, another unit: a second profile with a numbered slug.
    let (dup, of) = DUPLICATE_OF;
    let base = slug_of(&rows[of].name);
    assert!(read(root, &base).contains(&format!("organization: \"{}\"", rows[of].org)));
    assert!(
        read(root, &format!("{base}-2")).contains(&format!("organization: \"{}\"", rows[dup].org))
    );

    // The NFD name is stored composed.
    let nfc: String = rows[NFD_ROW].name.nfc().collect();
    assert_ne!(nfc, rows[NFD_ROW].name);
    let text = read(root, &slug_of(&nfc));
    assert!(text.contains(&format!("name: \"{nfc}\"")), "{text}");
    assert!(!text.contains(&rows[NFD_ROW].name));

    // Collectives are told apart by their name; years typed as numbers read as years.
    let coop = read(root, &slug_of(&rows[7].name));
    assert!(coop.contains("kind: collective"), "{coop}");
    assert!(
        coop.contains(&format!("year: {}\n", rows[7].year)),
        "{coop}"
    );
    assert!(read(root, &slug_of(&rows[0].name)).contains("kind: individual"));

    // Every new profile builds and has its page with its name as the heading.
    let public = root.join("public");
    let o = build(root, &public);
    assert!(o.status.success(), "{}", stderr(&o));
    for slug in &created {
        let doc = html(&public, &format!("/dien-hinh/{slug}/"));
        let h1 = text_of(&doc, "h1");
        let name_line = read(root, slug)
            .lines()
            .find_map(|l| {
                l.strip_prefix("name: \"")
                    .map(|n| n.trim_end_matches('"').to_string())
            })
            .unwrap();
        assert!(h1.contains(&name_line), "{slug}: {h1:?} vs {name_line:?}");
    }

    // A second run finds every profile and changes nothing.
    let snap = snapshot(root);
    let (ok, out, err) = import(root, &[xlsx.to_str().unwrap(), "--date", "2025-08-07"]);
    assert!(ok, "{out}\n{err}");
    assert!(
        out.contains("created 0, updated 0, unchanged 38, skipped 2."),
        "{out}"
    );
    assert!(snapshot(root) == snap, "the second import changed files");
}

fn text_of(doc: &scraper::Html, css: &str) -> String {
    text(doc, css)
}

#[test]
fn csv_with_kind_column_semicolons_and_merged_rows() {
    let tmp = site_with(None);
    let root = tmp.path();
    let csv = root.join("danh-sach.csv");
    // Excel's "CSV UTF-8" in a Vietnamese locale: BOM, semicolons, CRLF.
    let text = "\u{feff}Loại;Tên cá nhân, tập thể;Đơn vị;Lĩnh vực;Hình thức khen thưởng;Năm\r\n\
        Tập thể;Tổ Mẫu bản Thử (hư cấu);Xã Mường Mẫu;Y tế;Bằng khen của Chủ tịch UBND tỉnh;2024\r\n\
        cá nhân;Cầm Văn Mẫu;Tổ Mẫu (hư cấu);Nông nghiệp;Chiến sĩ thi đua cấp tỉnh;2023\r\n\
        Cá nhân;CẦM VĂN MẪU;tổ mẫu (HƯ CẤU);Xây dựng nông thôn mới;Bằng khen của Chủ tịch UBND tỉnh;2025\r\n\
        Cá nhân;Vì Thị Thử;Tổ Mẫu (hư cấu);Giáo dục;Bằng khen của Chủ tịch UBND tỉnh;2025\r\n\
        ;;;;;\r\n";
    std::fs::write(&csv, text).unwrap();
    let (ok, out, err) = import(root, &[csv.to_str().unwrap(), "--date", "2025-08-07"]);
    assert!(ok, "{out}\n{err}");
    // "Nông nghiệp" is not a field of this site: row 3 is skipped; row 4
    // (the same person) then creates the profile.
    assert!(
        out.contains("danh-sach.csv:3: `Lĩnh vực`: \"Nông nghiệp\" is not a field"),
        "{out}"
    );
    assert!(
        out.contains("danh-sach.csv:5: `Lĩnh vực`: \"Giáo dục\""),
        "{out}"
    );
    assert!(
        out.contains("created 2, updated 0, unchanged 0, skipped 2."),
        "{out}"
    );
    let team = read(root, "to-mau-ban-thu-hu-cau");
    assert!(
        team.contains("kind: collective") && team.contains("field: y-te"),
        "{team}"
    );
    let person = read(root, "cam-van-mau");
    assert!(
        person.contains("name: \"CẦM VĂN MẪU\"") && person.contains("year: 2025"),
        "{person}"
    );
    let o = build(root, &root.join("public"));
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn dry_run_shows_the_plan_and_writes_nothing() {
    let tmp = site_with(None);
    let root = tmp.path();
    let sheet = tempfile::tempdir().unwrap();
    let xlsx = sheet.path().join("khen-thuong.xlsx");
    write_xlsx(&xlsx, &people());
    let snap = snapshot(root);
    let (ok, out, err) = import(root, &[xlsx.to_str().unwrap(), "--dry-run"]);
    assert!(ok, "{out}\n{err}");
    assert_eq!(
        out.lines()
            .filter(|l| l.starts_with("would create: content/profiles/"))
            .count(),
        38,
        "{out}"
    );
    assert!(
        out.contains("would create 38, would update 0, unchanged 0, skipped 2."),
        "{out}"
    );
    assert!(out.contains("Dry run: nothing was written."));
    assert!(snapshot(root) == snap, "a dry run wrote files");
}

/// A writer's profile, with comments, quoting and a story the import must keep.
const WRITTEN: &str = r#"---
# Hồ sơ do biên tập viên viết (hư cấu).
name: Quàng Thị Mẫu   # tên đầy đủ
kind: individual
organization: 'Trạm Y tế xã Mường Mẫu'
field: y-te
awards:
    - award: bang-khen-chu-tich-ubnd-tinh   # ghi chú của người viết
      year: 2023

# thêm khen thưởng ở trên
summary: "Nhân vật hư cấu."
date: 2024-01-02
---
Câu chuyện *do người viết* soạn.

awards:
  - award: not-front-matter
"#;

#[test]
fn a_row_of_an_existing_profile_adds_its_award_once_and_keeps_the_rest() {
    let tmp = site_with(None);
    let root = tmp.path();
    let dir = root.join("content/profiles/quang-thi-mau");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.vi.md"), WRITTEN).unwrap();
    let csv = root.join("bo-sung.csv");
    // Another spelling of the same person: capitals, NFD, extra spaces.
    let nfd: String = "QUÀNG  THỊ MẪU".nfd().collect();
    std::fs::write(
        &csv,
        format!(
            "Họ và tên,Đơn vị,Lĩnh vực,Hình thức khen thưởng,Năm,Số quyết định\n\
             {nfd},trạm y tế xã mường mẫu,Y tế,Chiến sĩ thi đua cấp tỉnh,2025,\"Quyết định số 9/QĐ-UBND ngày 1/2/2025 (hư cấu)\"\n\
             Quàng Thị Mẫu,Trạm Y tế xã Mường Mẫu,Y tế,Bằng khen của Chủ tịch UBND tỉnh,2023,\n"
        ),
    )
    .unwrap();
    let (ok, out, err) = import(root, &[csv.to_str().unwrap()]);
    assert!(ok, "{out}\n{err}");
    assert!(
        out.contains("created 0, updated 1, unchanged 0, skipped 0."),
        "{out}"
    );
    let after = read(root, "quang-thi-mau");
    // Everything the writer wrote is still there, in order; only the new
    // award's lines were added, after the last item, in the list's indentation.
    let (old, new): (Vec<&str>, Vec<&str>) = (WRITTEN.lines().collect(), after.lines().collect());
    let inserted = [
        "    - award: chien-si-thi-dua-cap-tinh",
        "      year: 2025",
        "      decision: \"Quyết định số 9/QĐ-UBND ngày 1/2/2025 (hư cấu)\"",
    ];
    let at = old.iter().position(|l| *l == "      year: 2023").unwrap() + 1;
    let mut expected = old.clone();
    expected.splice(at..at, inserted);
    assert_eq!(new, expected);
    assert!(after.ends_with(WRITTEN.split("---\n").nth(2).unwrap()));

    // The award already there (2023) and the one just added are not added again.
    let snap = snapshot(root);
    let (ok, out, _) = import(root, &[csv.to_str().unwrap()]);
    assert!(ok);
    assert!(
        out.contains("created 0, updated 0, unchanged 1, skipped 0."),
        "{out}"
    );
    assert!(snapshot(root) == snap);
    let o = guong(&["check", "--root", root.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn map_names_columns_the_importer_does_not_know() {
    let tmp = site_with(None);
    let root = tmp.path();
    let csv = root.join("rieng.csv");
    std::fs::write(
        &csv,
        "Người được khen,\"Cơ quan, nơi làm việc\",Thành tích đạt được,Năm\n\
         Giàng A Thử,\"Đồn Mẫu, Mường Mẫu (hư cấu)\",Chiến sĩ thi đua cấp tỉnh,2024\n",
    )
    .unwrap();
    let path = csv.to_str().unwrap();
    let (ok, _, err) = import(root, &[path, "--field", "Y tế"]);
    assert!(!ok);
    assert!(
        err.contains("no header row") && err.contains("--map"),
        "{err}"
    );

    let map = "Người được khen=name,Cơ quan, nơi làm việc=organization,Thành tích đạt được=award";
    let (ok, _, err) = import(root, &[path, "--map", "Người được khen=nmae"]);
    assert!(!ok && err.contains("did you mean `name`"), "{err}");
    let (ok, out, err) = import(root, &[path, "--map", map]);
    assert!(ok, "{out}\n{err}");
    // No field column and no --field: the row cannot make a valid profile.
    assert!(
        out.contains("rieng.csv:2: `field`: the row has no field"),
        "{out}"
    );
    let (ok, out, err) = import(root, &[path, "--map", map, "--field", "Y tế", "--draft"]);
    assert!(ok, "{out}\n{err}");
    assert!(out.contains("created 1,"), "{out}");
    let p = read(root, "giang-a-thu");
    assert!(p.contains("\ndraft: true\n"), "{p}");
    assert!(
        p.contains("organization: \"Đồn Mẫu, Mường Mẫu (hư cấu)\"") && p.contains("field: y-te"),
        "{p}"
    );
    assert!(p.contains("award: chien-si-thi-dua-cap-tinh"), "{p}");
}

#[test]
fn a_site_with_errors_is_not_imported_into() {
    let tmp = site_with(Some("misspelt-key"));
    let root = tmp.path();
    let csv = root.join("x.csv");
    std::fs::write(&csv, "Họ và tên,Lĩnh vực\nLò Văn Thử,Y tế\n").unwrap();
    let snap = snapshot(root);
    let (ok, _, err) = import(root, &[csv.to_str().unwrap()]);
    assert!(!ok);
    assert!(
        err.contains("error[G0103]:") && err.contains("guong check"),
        "{err}"
    );
    assert!(snapshot(root) == snap);
}

#[test]
fn rows_that_disagree_are_merged_and_reported_not_silently_dropped() {
    let tmp = site_with(None);
    let root = tmp.path();
    let csv = root.join("danh-sach.csv");
    // Rows 2 and 3 are one (fictional) person: row 3 fills in the commune
    // row 2 left empty, and contradicts its field. Row 4 names a profile
    // that exists, with another field.
    let text = "Tên;Đơn vị;Lĩnh vực;Xã;Hình thức khen thưởng;Năm\n\
        Lò Văn Thử;Bản Mẫu (hư cấu);Y tế;;Bằng khen của Chủ tịch UBND tỉnh;2024\n\
        Lò Văn Thử;Bản Mẫu (hư cấu);Xây dựng nông thôn mới;Xã Mường Mẫu;Chiến sĩ thi đua cấp tỉnh;2025\n\
        Nguyễn Văn Mẫu;Trạm Y tế xã Mường Mẫu;Xây dựng nông thôn mới;;Bằng khen của Chủ tịch UBND tỉnh;2025\n";
    std::fs::write(&csv, text).unwrap();
    let (ok, out, err) = import(root, &[csv.to_str().unwrap(), "--date", "2025-08-07"]);
    assert!(ok, "{out}\n{err}");
    assert!(
        out.contains("created 1, updated 1, unchanged 0, skipped 0."),
        "{out}"
    );
    assert!(out.contains("Rows that disagree"), "{out}");
    assert!(
        out.contains("danh-sach.csv:3: `Lĩnh vực`: \"nong-thon-moi\" for \"Lò Văn Thử\", but row 2 gave \"y-te\""),
        "{out}"
    );
    assert!(
        out.contains("danh-sach.csv:4: `Lĩnh vực`: \"nong-thon-moi\" for \"Nguyễn Văn Mẫu\", but content/profiles/nguyen-van-mau/index.vi.md says \"y-te\""),
        "{out}"
    );
    let person = read(root, "lo-van-thu");
    assert!(
        person.contains("field: y-te"),
        "the first row's field is kept: {person}"
    );
    assert!(
        person.contains("commune: muong-mau"),
        "the later row's commune is taken: {person}"
    );
    assert!(
        person.contains("year: 2024") && person.contains("year: 2025"),
        "{person}"
    );
    let existing = read(root, "nguyen-van-mau");
    assert!(existing.contains("field: y-te"), "{existing}");
    assert!(
        existing.contains("year: 2025"),
        "its award is added: {existing}"
    );
    let o = build(root, &root.join("public"));
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn only_what_a_row_wrote_can_disagree() {
    let tmp = site_with(None);
    let root = tmp.path();
    let csv = root.join("danh-sach.csv");
    // Row 2 has no field (the --field default applies) and no commune;
    // row 3 writes both; row 4 writes another commune, which contradicts
    // row 3, not row 2. Row 5, a profile that exists, has no field either:
    // the default says nothing against it.
    let text = "Tên;Đơn vị;Lĩnh vực;Xã;Hình thức khen thưởng;Năm\n\
        Lò Văn Thử;Bản Mẫu (hư cấu);;;Bằng khen của Chủ tịch UBND tỉnh;2023\n\
        Lò Văn Thử;Bản Mẫu (hư cấu);Y tế;Xã Mường Mẫu;Chiến sĩ thi đua cấp tỉnh;2024\n\
        Lò Văn Thử;Bản Mẫu (hư cấu);;Xã Mường Thử;Bằng khen của Chủ tịch UBND tỉnh;2025\n\
        Nguyễn Văn Mẫu;Trạm Y tế xã Mường Mẫu;;;Bằng khen của Chủ tịch UBND tỉnh;2025\n";
    std::fs::write(&csv, text).unwrap();
    let communes = root.join("data/communes.yaml");
    let extra = "muong-thu:\n  vi: Xã Mường Thử\n  en: Muong Thu Commune\n";
    std::fs::write(
        &communes,
        std::fs::read_to_string(&communes).unwrap() + extra,
    )
    .unwrap();
    let (ok, out, err) = import(
        root,
        &[
            csv.to_str().unwrap(),
            "--field",
            "nong-thon-moi",
            "--date",
            "2025-08-07",
        ],
    );
    assert!(ok, "{out}\n{err}");
    assert!(
        out.contains("created 1, updated 1, unchanged 0, skipped 0."),
        "{out}"
    );
    let warnings: Vec<&str> = out.lines().filter(|l| l.starts_with("warning[")).collect();
    assert_eq!(
        warnings,
        ["warning[G0704]: danh-sach.csv:4: `Xã`: \"muong-thu\" for \"Lò Văn Thử\", but row 3 gave \"muong-mau\"; the profile keeps \"muong-mau\""],
        "{out}"
    );
    let person = read(root, "lo-van-thu");
    assert!(
        person.contains("field: y-te"),
        "the written field beats the default: {person}"
    );
    assert!(person.contains("commune: muong-mau"), "{person}");
}
