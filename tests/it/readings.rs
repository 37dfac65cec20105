//! The content format's ways of saying how sure a statement is: a congress's
//! delegate count "khoảng" / "trên" / planned, and a profile's readings not
//! yet checked against the original document. Built from the fictional
//! fixture with the keys written in, read back from the built pages.

use crate::common::*;
use std::path::Path;

fn write(root: &Path, rel: &str, text: &str) {
    std::fs::write(root.join(rel), text).unwrap();
}

/// Replace `old` by `new` in a file of the site (which must contain it).
fn edit(root: &Path, rel: &str, old: &str, new: &str) {
    let path = root.join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(old), "{rel} has no {old:?}");
    std::fs::write(path, text.replacen(old, new, 1)).unwrap();
}

const CONGRESS_2: &str = "content/congresses/02.vi.md";
const PROFILE: &str = "content/profiles/lo-thi-thu/index.vi.md";

#[test]
fn more_than_and_planned_are_said_on_the_page_the_timeline_and_the_api() {
    let tmp = site_with(None);
    let root = tmp.path();
    edit(
        root,
        CONGRESS_2,
        "delegates: 250\n",
        "delegates: 250\ndelegates_qualifier: over\nplanned: [date, theme]\n",
    );
    let out = root.join("public");
    let o = build(root, &out);
    assert!(o.status.success(), "{}", stderr(&o));

    let page = html(&out, "/dai-hoi/2/");
    let facts = text(&page, ".facts");
    assert!(facts.contains("trên 250 đại biểu"), "{facts}");
    assert!(!facts.contains("khoảng 250"), "{facts}");
    assert!(facts.contains("20/9/2005 (dự kiến)"), "{facts}");
    assert!(facts.contains("Chủ đề (dự kiến)"), "{facts}");
    // Only what is planned is marked: the count is not.
    assert!(!facts.contains("đại biểu (dự kiến)"), "{facts}");
    let en = text(&html(&out, "/en/congresses/2/"), ".facts");
    assert!(en.contains("more than 250 delegates"), "{en}");
    assert!(
        en.contains("(planned)") && en.contains("Theme (proposed)"),
        "{en}"
    );

    let timeline = html(&out, "/dai-hoi/");
    let items: Vec<String> = select(&timeline, ".timeline > li")
        .iter()
        .map(|li| li.text().collect::<String>())
        .collect();
    let second = items.iter().find(|t| t.contains("lần thứ II")).unwrap();
    assert!(second.contains("trên 250 đại biểu"), "{second}");
    assert!(second.contains("(dự kiến)"), "{second}");
    // The contract's `delegates_approx: true` (congress I) still says "khoảng".
    let first = items.iter().find(|t| t.contains("lần thứ I ")).unwrap();
    assert!(first.contains("khoảng 200 đại biểu"), "{first}");

    let api: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("api/v1/congresses.json")).unwrap())
            .unwrap();
    let by_number = |n: u64| {
        api["congresses"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["number"] == n)
            .unwrap()
            .clone()
    };
    assert_eq!(by_number(2)["delegates_qualifier"], "over");
    assert_eq!(by_number(2)["delegates_approx"], false);
    assert_eq!(
        by_number(2)["planned"],
        serde_json::json!(["date", "theme"])
    );
    assert_eq!(by_number(1)["delegates_qualifier"], "about");
    assert_eq!(by_number(1)["delegates_approx"], true);
    assert_eq!(by_number(1)["planned"], serde_json::json!([]));
}

#[test]
fn a_contradictory_qualifier_or_a_planned_fact_that_is_missing_is_an_error_at_its_line() {
    let tmp = site_with(None);
    let root = tmp.path();
    write(
        root,
        CONGRESS_2,
        "---\nnumber: 2\nyear: 2005\ndelegates: 250\ndelegates_approx: true\ndelegates_qualifier: over\nplanned: [delegates, date]\ntheme: \"Chủ đề hư cấu\"\ntitle: Đại hội lần thứ II (hư cấu)\n---\nChưa dịch.\n",
    );
    let o = build(root, &root.join("public"));
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("content/congresses/02.vi.md:5:1: `delegates_approx`: `delegates_approx: true` says \"about\", but `delegates_qualifier` says `over`"),
        "{err}"
    );
    assert!(
        err.contains("content/congresses/02.vi.md:7:")
            && err.contains("`date` is planned, but the congress has no `date`"),
        "{err}"
    );
    assert!(!err.contains("`delegates` is planned"), "{err}");
}

const READINGS: &str = "unconfirmed:\n  - field: name\n    text: \"Lò\"\n  - field: name\n    text: \"Thử\"\n  - field: role\n";

#[test]
fn an_unconfirmed_reading_is_said_on_the_page_the_card_the_api_and_oembed() {
    let tmp = site_with(None);
    let root = tmp.path();
    edit(
        root,
        PROFILE,
        "date: 2023-01-02\n",
        &format!("date: 2023-01-02\nrole: \"Nông dân bản Hư\"\n{READINGS}"),
    );
    let out = root.join("public");
    let o = build(root, &out);
    assert!(o.status.success(), "{}", stderr(&o));

    let vi_name = "Cách viết “Lò” và “Thử” trong “Lò Thị Thử” đang được đối chiếu với văn bản gốc.";
    let vi_role = "Cách viết “Nông dân bản Hư” đang được đối chiếu với văn bản gốc.";
    let en_name = "The spellings “Lò” and “Thử” in “Lò Thị Thử” are being checked against the original document.";
    let notices = |page: &str, css: &str| -> Vec<String> {
        let doc = html(&out, page);
        select(&doc, css)
            .iter()
            .map(|e| e.text().collect::<String>())
            .collect()
    };
    assert_eq!(
        notices("/dien-hinh/lo-thi-thu/", ".profile-header .unconfirmed"),
        [vi_name, vi_role]
    );
    // The small card says it once, for every field.
    assert_eq!(
        notices("/embed/lo-thi-thu/", ".g-check"),
        ["Cách viết “Lò”, “Thử” và “Nông dân bản Hư” đang được đối chiếu với văn bản gốc."]
    );
    let en_page = notices("/en/profiles/lo-thi-thu/", ".profile-header .unconfirmed");
    assert_eq!(en_page[0], en_name);
    assert_eq!(
        notices("/en/embed/lo-thi-thu/", ".g-check"),
        ["The spellings “Lò”, “Thử” and “Nông dân bản Hư” are being checked against the original document."]
    );
    // On English pages the Vietnamese spellings are marked as Vietnamese.
    let en_doc = html(&out, "/en/profiles/lo-thi-thu/");
    let spans: Vec<String> = select(&en_doc, ".unconfirmed span[lang=vi]")
        .iter()
        .map(|e| e.text().collect())
        .collect();
    assert_eq!(spans[..3], ["Lò", "Thử", "Lò Thị Thử"]);
    // Other profiles say nothing of the kind.
    assert!(select(&html(&out, "/dien-hinh/nguyen-van-mau/"), ".unconfirmed").is_empty());

    let json = |rel: &str| -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(out.join(rel)).unwrap()).unwrap()
    };
    let doc = json("api/v1/profiles/lo-thi-thu.json");
    assert_eq!(doc["unconfirmed"][0]["field"], "name");
    assert_eq!(
        doc["unconfirmed"][0]["readings"],
        serde_json::json!(["Lò", "Thử"])
    );
    assert_eq!(doc["unconfirmed"][0]["notice"]["vi"], vi_name);
    assert_eq!(doc["unconfirmed"][0]["notice"]["en"], en_name);
    assert_eq!(doc["unconfirmed"][1]["field"], "role");
    let list = json("api/v1/profiles.json");
    let brief = list["profiles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["slug"] == "lo-thi-thu")
        .unwrap();
    assert_eq!(brief["unconfirmed"], doc["unconfirmed"]);
    let other = json("api/v1/profiles/nguyen-van-mau.json");
    assert_eq!(other["unconfirmed"], serde_json::json!([]));
    assert_eq!(
        json("oembed/lo-thi-thu.json")["unconfirmed"][0]["notice"],
        vi_name
    );
    assert_eq!(
        json("en/oembed/lo-thi-thu.json")["unconfirmed"][0]["notice"],
        en_name
    );
    assert!(json("oembed/nguyen-van-mau.json")
        .get("unconfirmed")
        .is_none());

    // Every document still matches the schema it names (which documents the key).
    for (rel, kind) in [
        ("api/v1/profiles/lo-thi-thu.json", "profile"),
        ("api/v1/profiles/nguyen-van-mau.json", "profile"),
        ("api/v1/profiles.json", "profiles"),
        ("api/v1/congresses.json", "congresses"),
        ("oembed/lo-thi-thu.json", "oembed"),
        ("en/oembed/lo-thi-thu.json", "oembed"),
        ("oembed/nguyen-van-mau.json", "oembed"),
    ] {
        let schema = json(&format!("api/v1/schema/{kind}.json"));
        let validator = jsonschema::validator_for(&schema).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&json(rel))
            .map(|e| format!("{}: {e}", e.instance_path))
            .collect();
        assert_eq!(errors, Vec::<String>::new(), "{rel}");
    }
}

#[test]
fn guong_check_lists_each_unconfirmed_reading_as_a_to_do() {
    let tmp = site_with(None);
    let root = tmp.path();
    edit(
        root,
        PROFILE,
        "date: 2023-01-02\n",
        &format!(
            "date: 2023-01-02\n{}",
            &READINGS[..READINGS.len() - "  - field: role\n".len()]
        ),
    );
    let o = guong(&["check", "--root", root.to_str().unwrap()]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(
        err.contains("warning[G0402]: content/profiles/lo-thi-thu/index.vi.md:7:1: `unconfirmed`: to do: check the spelling “Lò”, “Thử” of `name` (“Lò Thị Thử”) against the original document"),
        "{err}"
    );
    assert_eq!(err.matches("to do: check the spelling").count(), 1, "{err}");
}

#[test]
fn an_unconfirmed_reading_must_be_in_the_field_it_names() {
    let tmp = site_with(None);
    let root = tmp.path();
    edit(
        root,
        PROFILE,
        "date: 2023-01-02\n",
        "date: 2023-01-02\nunconfirmed:\n  - field: name\n    text: \"Lo\"\n  - field: organization\n  - field: nickname\n",
    );
    let o = build(root, &root.join("public"));
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("content/profiles/lo-thi-thu/index.vi.md:"),
        "{err}"
    );
    assert!(err.contains("nickname"), "an unknown field is named: {err}");
    // Fix the unknown field: the other two mistakes come with their lines.
    edit(root, PROFILE, "  - field: nickname\n", "");
    let err = stderr(&build(root, &root.join("public")));
    assert!(
        err.contains("index.vi.md:9:5: `unconfirmed`: “Lo” is not part of `name` (“Lò Thị Thử”)"),
        "{err}"
    );
    assert!(
        err.contains("index.vi.md:10:5: `unconfirmed`: the profile has no `organization`"),
        "{err}"
    );
}
