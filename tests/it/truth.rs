//! The real site says what its sources say (issue 13, "Truth"): each
//! correction read back from the built pages, the API and `guong check`.

use crate::common::*;
use crate::real_site::out;
use serde_json::Value;

/// Every reading that `facts.md` (the digest of the sources) marks `(?)`,
/// as (profile, field, the uncertain part as the site writes it). The
/// profile `d-thi-bich-chau` is a draft (its family name cannot be read).
const UNCERTAIN: &[(&str, &str, &str)] = &[
    ("vi-hong-manh", "name", "Vì"),
    ("hop-tac-xa-me-lech", "name", "Mé"),
    ("hop-tac-xa-me-lech", "name", "Lếch"),
    ("tran-manh-thang", "name", "Thắng"),
    ("luong-thi-hong-tuoi", "name", "Lường"),
    ("luong-thi-hong-tuoi", "role", "bản Vặt"),
    ("cong-ty-dien-luc-thanh-pho-son-la", "name", "thành phố"),
    ("tran-thanh-hai", "role", "Phòng KTAT"),
    ("nguyen-van-hung", "name", "Hùng"),
    ("ban-van-duc", "name", "Bàn"),
    ("luong-thi-my-hanh", "name", "Lường"),
    ("quang-thi-thu-nghia", "name", "Quàng"),
    ("luong-van-luan", "name", "Lường"),
    ("luong-van-luan", "name", "Luận"),
    ("ca-manh-hung", "name", "Cà"),
    ("ca-manh-hung", "name", "Hùng"),
    ("vi-duc-tho", "name", "Vì"),
    ("cam-thi-chuyen", "name", "Chuyên"),
    ("vi-hong-ky", "name", "Vì"),
    ("vi-hong-ky", "name", "Kỳ"),
    ("me-thi-xuan", "name", "Mè"),
    ("d-thi-bich-chau", "name", "Đ"),
];

/// The mass organisations, which the sources do not name as exemplary models.
const MASS_ORGANISATIONS: &[&str] = &[
    "Hội Cựu chiến binh",
    "Hội Nông dân",
    "Hội Liên hiệp Phụ nữ",
    "Tỉnh đoàn",
    "Đoàn Thanh niên",
    "Liên đoàn Lao động",
];

fn json(rel: &str) -> Value {
    serde_json::from_slice(&std::fs::read(out().join(rel)).unwrap()).unwrap()
}

fn texts(page: &str, css: &str) -> Vec<String> {
    select(&html(&out(), page), css)
        .iter()
        .map(|e| e.text().collect::<String>())
        .collect()
}

fn published(slug: &str) -> bool {
    out()
        .join("dien-hinh")
        .join(slug)
        .join("index.html")
        .is_file()
}

#[test]
fn congress_two_had_more_than_250_delegates_not_about() {
    let facts = text(&html(&out(), "/dai-hoi/2/"), ".facts");
    assert!(facts.contains("trên 250 đại biểu"), "{facts}");
    assert!(!facts.contains("khoảng 250"), "{facts}");
    let en = text(&html(&out(), "/en/congresses/2/"), ".facts");
    assert!(en.contains("more than 250 delegates"), "{en}");
    let timeline = texts("/dai-hoi/", ".timeline .delegates");
    assert_eq!(timeline.len(), 6);
    assert_eq!(timeline[1], "trên 250 đại biểu");
    // The others as the outline gives them: about 200, about 330, 330, 300.
    assert_eq!(timeline[0], "khoảng 200 đại biểu");
    assert_eq!(timeline[2], "khoảng 330 đại biểu");
    assert_eq!(timeline[3], "330 đại biểu");
    assert_eq!(timeline[4], "300 đại biểu");
}

#[test]
fn congress_six_is_planned_in_its_info_box_timeline_and_api() {
    let page = html(&out(), "/dai-hoi/6/");
    let facts = text(&page, ".facts");
    assert!(facts.contains("10/10/2025 (dự kiến)"), "{facts}");
    assert!(facts.contains("khoảng 300 đại biểu (dự kiến)"), "{facts}");
    assert!(facts.contains("Chủ đề (dự kiến)"), "{facts}");
    let en = text(&html(&out(), "/en/congresses/6/"), ".facts");
    assert!(en.contains("10 October 2025 (planned)"), "{en}");
    assert!(en.contains("about 300 delegates (planned)"), "{en}");
    let timeline = texts("/dai-hoi/", ".timeline > li");
    let sixth = timeline.last().unwrap();
    assert!(sixth.contains("10/10/2025 (dự kiến)"), "{sixth}");
    assert!(sixth.contains("khoảng 300 đại biểu (dự kiến)"), "{sixth}");
    // Congresses I–V happened: nothing of theirs is marked planned.
    for earlier in &timeline[..5] {
        assert!(!earlier.contains("dự kiến"), "{earlier}");
    }
    let api = json("api/v1/congresses.json");
    let six = &api["congresses"][5];
    assert_eq!(six["number"], 6);
    assert_eq!(
        six["planned"],
        serde_json::json!(["date", "delegates", "theme"])
    );
    assert_eq!(six["delegates_qualifier"], "about");
    assert_eq!(api["congresses"][1]["delegates_qualifier"], "over");
}

#[test]
fn no_page_lists_a_mass_organisation_as_an_exemplary_model() {
    let site = out();
    let mut listed = Vec::new();
    for (path, bytes) in snapshot(&site) {
        if !path.ends_with(".html") {
            continue;
        }
        let doc = scraper::Html::parse_document(&String::from_utf8(bytes).unwrap());
        // Profile cards in every listing, and a profile page's own name.
        for el in select(&doc, ".card-title, .profile h1, .g-name") {
            let name: String = el.text().collect();
            if MASS_ORGANISATIONS.iter().any(|m| name.contains(m)) {
                listed.push(format!("{path}: {name}"));
            }
        }
    }
    assert_eq!(listed, Vec::<String>::new());
    let api = json("api/v1/profiles.json");
    for p in api["profiles"].as_array().unwrap() {
        let name = p["name"]["vi"].as_str().unwrap();
        assert!(
            !MASS_ORGANISATIONS.iter().any(|m| name.contains(m)),
            "{name}"
        );
    }
    // The count the listing shows is the count of profiles published.
    let published = std::fs::read_dir(site.join("dien-hinh"))
        .unwrap()
        .filter(|e| {
            let e = e.as_ref().unwrap();
            e.file_name() != "trang" && e.path().join("index.html").is_file()
        })
        .count();
    assert_eq!(api["count"], published);
    let home = text(&html(&site, "/"), "main");
    assert!(home.contains(&format!("({published})")), "{home}");
}

#[test]
fn the_mass_organisations_results_are_given_as_the_sources_word_them() {
    let page = html(&out(), "/ket-qua-phong-trao/");
    let headings: Vec<String> = select(&page, "main h2")
        .iter()
        .map(|e| e.text().collect())
        .collect();
    assert_eq!(
        headings,
        [
            "Hội Cựu chiến binh các cấp trong tỉnh",
            "Hội Nông dân các cấp",
            "Hội Liên hiệp Phụ nữ các cấp",
            "Đoàn Thanh niên các cấp",
            "Liên đoàn Lao động tỉnh",
        ]
    );
    let body = text(&page, "main");
    assert!(
        body.contains("không phải danh sách điển hình tiên tiến"),
        "{body}"
    );
    // Planting: both figures of Báo cáo 453, and the outline's rounding as its own.
    assert!(body.contains("trồng 39.490 ha cây các loại"), "{body}");
    assert!(body.contains("bảo vệ 31.084 ha rừng"), "{body}");
    assert!(
        body.contains(
            "Đề cương tuyên truyền gộp hai con số sau cùng thành “trồng gần 70.000 ha cây và rừng”"
        ),
        "{body}"
    );
    // Figures that look wrong are given as printed, each with its note.
    for figure in ["73.284 km", "2.729 tỷ đồng"] {
        assert!(
            body.contains(&format!(
                "Con số “{figure}” được ghi đúng như cả hai văn bản nguồn in"
            )),
            "{figure}: {body}"
        );
    }
    assert!(!body.contains("chi tiết hơn"), "{body}");
    let en = text(&html(&out(), "/en/ket-qua-phong-trao/"), "main");
    assert!(en.contains("at all levels"), "{en}");
    assert!(
        en.contains(
            "The figure “2,729 billion VND” is given exactly as both source documents print it"
        ),
        "{en}"
    );
    // Reachable: from the About page and the new-rural movement, both languages.
    for (page, target) in [
        ("/gioi-thieu/", "/ket-qua-phong-trao/"),
        ("/phong-trao/nong-thon-moi/", "/ket-qua-phong-trao/"),
        ("/en/gioi-thieu/", "/en/ket-qua-phong-trao/"),
        ("/en/movements/nong-thon-moi/", "/en/ket-qua-phong-trao/"),
    ] {
        let doc = html(&out(), page);
        assert!(
            !select(&doc, &format!("main a[href=\"{target}\"]")).is_empty(),
            "{page} does not link to {target}"
        );
    }
}

#[test]
fn the_about_page_says_what_the_profiles_are() {
    let about = text(&html(&out(), "/gioi-thieu/"), "main");
    assert!(
        about.contains("chỉ gồm những tập thể, cá nhân được nêu tên ở mục III.2"),
        "{about}"
    );
    assert!(
        about.contains("không có trong danh sách điển hình tiên tiến"),
        "{about}"
    );
    assert!(
        about.contains("Cách viết … đang được đối chiếu với văn bản gốc."),
        "{about}"
    );
    // It no longer says six congresses were held: the sixth is planned.
    assert!(
        about.contains("kỳ thứ VI dự kiến tổ chức ngày 10/10/2025"),
        "{about}"
    );
}

#[test]
fn each_uncertain_reading_shows_the_notice_on_its_page_card_api_and_oembed() {
    for &(slug, field, reading) in UNCERTAIN {
        if slug == "d-thi-bich-chau" {
            assert!(!published(slug), "{slug} must stay a draft");
            continue;
        }
        let quoted = format!("“{reading}”");
        for (page, css, sentence) in [
            (
                format!("/dien-hinh/{slug}/"),
                ".profile-header .unconfirmed",
                "đang được đối chiếu với văn bản gốc.",
            ),
            (
                format!("/embed/{slug}/"),
                ".g-check",
                "đang được đối chiếu với văn bản gốc.",
            ),
            (
                format!("/en/profiles/{slug}/"),
                ".profile-header .unconfirmed",
                "being checked against the original document.",
            ),
            (
                format!("/en/embed/{slug}/"),
                ".g-check",
                "being checked against the original document.",
            ),
        ] {
            let notices = texts(&page, css);
            assert!(
                notices
                    .iter()
                    .any(|n| n.contains(&quoted) && n.ends_with(sentence)),
                "{page}: no notice for {quoted} in {notices:?}"
            );
        }
        let doc = json(&format!("api/v1/profiles/{slug}.json"));
        let entry = doc["unconfirmed"]
            .as_array()
            .unwrap()
            .iter()
            .find(|u| u["field"] == field)
            .unwrap_or_else(|| panic!("{slug}: no `{field}` in the API's unconfirmed"));
        assert!(
            entry["readings"]
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r == reading),
            "{slug}: {entry}"
        );
        assert!(
            entry["notice"]["vi"].as_str().unwrap().contains(&quoted),
            "{slug}: {entry}"
        );
        for lang in ["", "en/"] {
            let oembed = json(&format!("{lang}oembed/{slug}.json"));
            let notices = oembed["unconfirmed"]
                .as_array()
                .unwrap_or_else(|| panic!("{lang}{slug}: {oembed}"));
            assert!(
                notices
                    .iter()
                    .any(|n| n["notice"].as_str().unwrap().contains(&quoted)),
                "{lang}{slug}: {oembed}"
            );
        }
    }
    // A profile without uncertain readings shows no notice.
    assert!(texts("/dien-hinh/tran-thanh-son/", ".unconfirmed").is_empty());
    assert_eq!(
        json("api/v1/profiles/tran-thanh-son.json")["unconfirmed"],
        serde_json::json!([])
    );
}

#[test]
fn guong_check_lists_every_uncertain_reading_as_a_to_do() {
    let root = repo();
    // Listed each with --verbose (without it they are summed up in one line).
    let o = guong(&[
        "check",
        "--drafts",
        "--verbose",
        "--root",
        root.to_str().unwrap(),
    ]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let todos: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("`unconfirmed`: to do: check the spelling"))
        .collect();
    for &(slug, field, reading) in UNCERTAIN {
        let file = format!("content/profiles/{slug}/index.vi.md:");
        assert!(
            todos.iter().any(|l| l.contains(&file)
                && l.contains(&format!("“{reading}”"))
                && l.contains(&format!("of `{field}`"))),
            "no to-do for {reading:?} of {slug}: {todos:#?}"
        );
    }
}

#[test]
fn figures_and_wording_of_single_profiles_match_the_report() {
    let lottery = text(
        &html(
            &out(),
            "/dien-hinh/cong-ty-tnhh-mot-thanh-vien-xo-so-kien-thiet-son-la/",
        ),
        ".story",
    );
    assert!(lottery.contains("120 triệu đồng"), "{lottery}");
    assert!(!lottery.contains("chỉ nêu tên tập thể"), "{lottery}");
    let hai = html(&out(), "/dien-hinh/tran-thanh-hai/");
    assert!(text(&hai, ".profile-role").contains("Phòng KTAT"));
    assert!(!text(&hai, "main").contains("Kỹ thuật an toàn"));
    assert!(
        !text(&html(&out(), "/en/profiles/tran-thanh-hai/"), "main").contains("Technical Safety")
    );
    for slug in ["vi-hong-manh", "ban-van-duc", "luong-thi-hong-tuoi"] {
        let story = text(&html(&out(), &format!("/dien-hinh/{slug}/")), ".story");
        assert!(
            !story.contains("chỉ nêu tên, chức danh và đơn vị công tác"),
            "{slug}: {story}"
        );
    }
    // 548 villages merged into 271 is 277 fewer; the outline's 276 is quoted as printed.
    let reform = text(&html(&out(), "/phong-trao/cai-cach-hanh-chinh/"), "main");
    assert!(
        reform.contains("sáp nhập 548 bản thành 271 bản, giảm 277 bản"),
        "{reform}"
    );
    assert!(
        reform.contains("(ghi đúng như văn bản in; 548 − 271 = 277)"),
        "{reform}"
    );
}

#[test]
fn the_home_page_205_says_what_is_summed_and_links_to_it() {
    let home = html(&out(), "/");
    let figure = select(&home, ".figures li a")
        .into_iter()
        .find(|a| {
            a.value()
                .attr("href")
                .unwrap()
                .ends_with("#h-prime-minister-movements")
        })
        .expect("the movements figure links to its chart");
    let label: String = figure.text().collect();
    assert!(
        label.contains("7 phong trào thi đua do Thủ tướng Chính phủ phát động"),
        "{label}"
    );
    assert!(
        label.contains("trang web cộng số liệu của từng phong trào"),
        "{label}"
    );
    // The figure is the sum of the chart it links to, read from that page.
    let stats = html(&out(), "/thong-ke/");
    assert!(!select(&stats, "#h-prime-minister-movements").is_empty());
    let section = select(&stats, "section.chart-block")
        .into_iter()
        .find(|s| {
            s.select(&scraper::Selector::parse("#h-prime-minister-movements").unwrap())
                .next()
                .is_some()
        })
        .unwrap();
    let sum: u64 = section
        .select(&scraper::Selector::parse("tbody tr td:nth-of-type(1)").unwrap())
        .map(|td| {
            td.text()
                .collect::<String>()
                .replace('.', "")
                .trim()
                .parse::<u64>()
                .unwrap()
        })
        .sum();
    let shown: String = figure
        .select(&scraper::Selector::parse("strong").unwrap())
        .next()
        .unwrap()
        .text()
        .collect();
    assert_eq!(shown.replace('.', ""), sum.to_string());
    let en = html(&out(), "/en/");
    let en_label = text(&en, ".figures li:nth-child(3)");
    assert!(
        en_label.contains("the site's sum of each movement's figures"),
        "{en_label}"
    );
}

#[test]
fn english_pages_avoid_the_slips_the_review_found() {
    let mut found = Vec::new();
    let mut soldier = 0;
    for (path, bytes) in snapshot(&out()) {
        if !(path.starts_with("en/") && path.ends_with(".html")) {
            continue;
        }
        let doc = scraper::Html::parse_document(&String::from_utf8(bytes).unwrap());
        let main = text(&doc, "main");
        soldier += main.matches("Emulation Soldier").count();
        for slip in [
            "Criminal Police Investigation Agency",
            "the leading movement",
            "leading thematic",
            "together with its units",
            "and its units",
            "Artisan",
            "artisan",
            "Connectivity and computers",
            "Third-class Labour Order",
            "Emulation Fighter",
        ] {
            if main.contains(slip) {
                found.push(format!("{path}: {slip}"));
            }
        }
    }
    assert_eq!(found, Vec::<String>::new());
    assert!(soldier > 0, "one term, Emulation Soldier, is used");
    let covid = text(&html(&out(), "/en/movements/phong-chong-covid-19/"), "main");
    assert!(
        covid.contains("“Waves and Computers for Children”"),
        "{covid}"
    );
    let son = text(
        &html(&out(), "/en/profiles/tran-thanh-son/"),
        ".profile-role",
    );
    assert!(
        son.contains("Head of the Police Investigation Agency"),
        "{son}"
    );
    let award = text(&html(&out(), "/en/movements/xoa-nha-tam/"), "main");
    assert!(award.contains("Labour Order, Third Class"), "{award}");
    let agribank = text(
        &html(&out(), "/en/profiles/phong-tong-hop-ngan-hang-nong-nghiep-va-phat-trien-nong-thon-viet-nam-chi-nhanh-tinh/"),
        ".lead",
    );
    assert!(agribank.starts_with("The General Affairs Division of the Vietnam Bank for Agriculture and Rural Development"), "{agribank}");
}

#[test]
fn listing_cards_say_which_spellings_are_being_checked() {
    // Every card on the listing of all profiles (both of its pages) that
    // names a person or body with an uncertain reading says so.
    let mut cards: Vec<(String, String)> = Vec::new();
    for page in ["/dien-hinh/", "/dien-hinh/trang/2/"] {
        let doc = html(&out(), page);
        for card in select(&doc, "article.card") {
            let href = card
                .select(&scraper::Selector::parse(".card-title a").unwrap())
                .next()
                .and_then(|a| a.value().attr("href"))
                .unwrap_or_default()
                .to_string();
            let check: String = card
                .select(&scraper::Selector::parse(".card-check").unwrap())
                .flat_map(|e| e.text())
                .collect();
            cards.push((href, check));
        }
    }
    let mut checked = 0;
    for &(slug, _, reading) in UNCERTAIN {
        if !published(slug) {
            continue;
        }
        let href = format!("/dien-hinh/{slug}/");
        let (_, check) = cards
            .iter()
            .find(|(h, _)| *h == href)
            .unwrap_or_else(|| panic!("{slug} is not listed"));
        assert!(
            check.contains(&format!("“{reading}”"))
                && check.ends_with("đang được đối chiếu với văn bản gốc."),
            "{slug}: the card says {check:?}"
        );
        checked += 1;
    }
    assert!(checked > 10, "{checked} readings checked");
    let sure = cards.iter().filter(|(_, c)| c.is_empty()).count();
    assert!(sure > 0, "cards of certain spellings carry no notice");
}
