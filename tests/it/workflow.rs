//! The writer's commands: determinism, scaffolding, drafts, serve, overrides.

use crate::common::*;
use std::io::{Read, Write};

#[test]
fn two_builds_of_the_same_input_are_byte_identical() {
    let tmp = site_with(None);
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    assert!(build(tmp.path(), &a).status.success());
    assert!(build(tmp.path(), &b).status.success());
    let (sa, sb) = (snapshot(&a), snapshot(&b));
    assert!(sa.len() > 50);
    assert_eq!(sa.keys().collect::<Vec<_>>(), sb.keys().collect::<Vec<_>>());
    for (path, bytes) in &sa {
        assert!(sb[path] == *bytes, "{path} differs between builds");
    }
}

#[test]
fn new_profile_derives_the_slug_and_builds_as_a_draft() {
    let tmp = site_with(None);
    let root = tmp.path().to_str().unwrap();
    let o = guong(&["new", "profile", "Trần Thanh Sơn", "--root", root]);
    assert!(o.status.success(), "{}", stderr(&o));
    let file = tmp
        .path()
        .join("content/profiles/tran-thanh-son/index.vi.md");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("name: Trần Thanh Sơn") && text.contains("draft: true"));
    // It says where the draft will be seen.
    assert!(
        stderr(&o).contains("guong serve --drafts")
            && stderr(&o).contains("/dien-hinh/tran-thanh-son/"),
        "{}",
        stderr(&o)
    );
    // A draft is left out of a normal build, published with --drafts once
    // its field is chosen.
    let out = tmp.path().join("public");
    assert!(build(tmp.path(), &out).status.success());
    std::fs::write(&file, text.replace("field: \"\"", "field: y-te")).unwrap();
    assert!(!out.join("dien-hinh/tran-thanh-son").exists());
    let o = guong(&[
        "build",
        "--root",
        root,
        "--out",
        out.to_str().unwrap(),
        "--drafts",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        text_of(&out, "/dien-hinh/tran-thanh-son/"),
        "Trần Thanh Sơn"
    );
    // Never overwrite what a writer wrote.
    std::fs::write(&file, "---\nname: edited\n").unwrap();
    let o = guong(&["new", "profile", "Trần Thanh Sơn", "--root", root]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("already exists"));
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "---\nname: edited\n"
    );
    // NFD input gives the same slug.
    let nfd = "Lò Văn Đức"
        .chars()
        .flat_map(unicode_nfd)
        .collect::<String>();
    assert!(guong(&["new", "profile", &nfd, "--root", root])
        .status
        .success());
    let created =
        std::fs::read_to_string(tmp.path().join("content/profiles/lo-van-duc/index.vi.md"))
            .unwrap();
    assert!(created.contains("name: Lò Văn Đức"), "name stored in NFC");
}

fn unicode_nfd(c: char) -> Vec<char> {
    use unicode_normalization::UnicodeNormalization;
    c.to_string().nfd().collect()
}

fn text_of(out: &std::path::Path, page: &str) -> String {
    text(&html(out, page), "h1")
}

#[test]
fn new_movement_creates_a_valid_movement() {
    let tmp = site_with(None);
    let root = tmp.path().to_str().unwrap();
    assert!(guong(&["new", "movement", "Dân vận khéo", "--root", root])
        .status
        .success());
    // Published as it is, it would say the template's sample line: refused.
    let file = tmp.path().join("content/movements/dan-van-kheo.vi.md");
    let written = std::fs::read_to_string(&file).unwrap();
    let line = written
        .lines()
        .position(|l| l == guong::content::samples::MOVEMENT_STORY)
        .unwrap()
        + 1;
    let out = tmp.path().join("public");
    let o = build(tmp.path(), &out);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains(&format!(
            "content/movements/dan-van-kheo.vi.md:{line}:1: the story is still the sample text"
        )),
        "{}",
        stderr(&o)
    );
    std::fs::write(
        &file,
        written.replace(guong::content::samples::MOVEMENT_STORY, "Hư cấu."),
    )
    .unwrap();
    let o = build(tmp.path(), &out);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        text(&html(&out, "/phong-trao/dan-van-kheo/"), "h1"),
        "Dân vận khéo"
    );
}

#[test]
fn a_site_template_overrides_the_theme_file_by_file() {
    let tmp = site_with(None);
    std::fs::create_dir_all(tmp.path().join("templates")).unwrap();
    std::fs::write(tmp.path().join("templates/page.html"), "{% extends \"base.html\" %}{% block content %}<h1>OVERRIDDEN {{ page.title }}</h1>{% endblock content %}").unwrap();
    let out = tmp.path().join("public");
    assert!(build(tmp.path(), &out).status.success());
    assert_eq!(
        text(&html(&out, "/gioi-thieu/"), "h1"),
        "OVERRIDDEN Giới thiệu (hư cấu)"
    );
    // Other templates are still the theme's.
    assert_eq!(
        text(&html(&out, "/dien-hinh/lo-thi-thu/"), "h1"),
        "Lò Thị Thử"
    );
}

#[test]
fn a_broken_template_is_an_error_naming_the_template() {
    let tmp = site_with(None);
    std::fs::create_dir_all(tmp.path().join("templates")).unwrap();
    std::fs::write(tmp.path().join("templates/page.html"), "{% extends \"base.html\" %}{% block content %}{{ page.title | nosuchfilter }}{% endblock content %}").unwrap();
    let out = tmp.path().join("public");
    let o = build(tmp.path(), &out);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("page.html"), "{}", stderr(&o));
    assert!(!out.exists());
}

#[test]
fn errors_in_the_search_template_and_another_are_reported_together() {
    // The search pages are drawn after the index, apart from the others:
    // their errors still come in the same run, and nothing is written.
    let tmp = site_with(None);
    let templates = tmp.path().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(templates.join("page.html"), "{% extends \"base.html\" %}{% block content %}{{ page.title | nosuchfilter }}{% endblock content %}").unwrap();
    std::fs::write(templates.join("search.html"), "{% extends \"base.html\" %}{% block content %}{{ page.no_such_value.deeper }}{% endblock content %}").unwrap();
    let out = tmp.path().join("public");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("index.html"), "the previous site").unwrap();
    let o = build(tmp.path(), &out);
    let err = stderr(&o);
    assert!(!o.status.success(), "{err}");
    assert!(err.contains("templates/page.html"), "{err}");
    assert!(err.contains("templates/search.html"), "{err}");
    assert_eq!(
        std::fs::read_to_string(out.join("index.html")).unwrap(),
        "the previous site"
    );
}

fn get(port: u16, path: &str) -> (u16, String) {
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut buf = String::new();
    s.read_to_string(&mut buf).unwrap();
    let status = buf.split_whitespace().nth(1).unwrap().parse().unwrap();
    (status, buf)
}

/// The headers and first message of a page's event stream.
fn first_event(port: u16, path: &str) -> String {
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(std::time::Duration::from_secs(5)))
        .unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").unwrap();
    let mut got = Vec::new();
    let mut byte = [0];
    // The stream stays open: read up to the end of the first message.
    while !String::from_utf8_lossy(&got).contains("}\n\n") {
        assert_eq!(s.read(&mut byte).unwrap(), 1, "the stream ended");
        got.push(byte[0]);
    }
    String::from_utf8(got).unwrap()
}

/// Ask for `path`, read a few bytes of the answer and go away.
fn leave_mid_answer(port: u16, path: &str) {
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").unwrap();
    s.read_exact(&mut [0; 16]).unwrap();
    s.shutdown(std::net::Shutdown::Both).unwrap();
}

#[test]
fn serve_previews_from_memory_and_only_the_site() {
    let tmp = site_with(None);
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = crate::common::command()
        .args([
            "serve",
            "--root",
            tmp.path().to_str().unwrap(),
            "--port",
            &port.to_string(),
        ])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(std::time::Instant::now() < deadline, "serve did not start");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let (status, body) = get(port, "/en/profiles/nguyen-van-mau/");
    let (refused, leaked) = get(port, "/../site.yaml");
    let (missing, _) = get(port, "/khong-co-trang-nay/");
    let (redirect, headers) = get(port, "/dien-hinh");
    let (_, list) = get(port, "/dien-hinh/");
    let drawn = list.split("data-generation=\"").nth(1).unwrap();
    let drawn = &drawn[..drawn.find('"').unwrap()];
    let stream = |generation: &str| {
        first_event(
            port,
            &format!("/__guong/live?file=dien-hinh%2Findex.html&generation={generation}"),
        )
    };
    let (current, stale) = (stream(drawn), stream("0"));
    leave_mid_answer(port, "/__guong/live?file=index.html");
    leave_mid_answer(port, "/en/profiles/nguyen-van-mau/");
    let (after, _) = get(port, "/dien-hinh/");
    child.kill().unwrap();
    let mut log = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut log)
        .unwrap();
    let _ = child.wait();
    assert!(
        current.contains("Content-Type: text/event-stream")
            && current.ends_with("data: {\"paths\":[],\"type\":\"reload\"}\n\n"),
        "a page of the current build is first told it missed nothing:\n{current}"
    );
    assert!(
        stale.ends_with("data: {\"paths\":[\"dien-hinh/index.html\"],\"type\":\"reload\"}\n\n"),
        "a page of an older build is first told to reload:\n{stale}"
    );
    assert_eq!(
        after, 200,
        "browsers that left mid-answer do not stop the preview"
    );
    assert!(!log.contains("panicked"), "{log}");
    assert_eq!(status, 200);
    assert!(body.contains("text/html") && body.contains("Doctor"));
    assert!(
        body.contains(&format!(
            "http://127.0.0.1:{port}/en/profiles/nguyen-van-mau/"
        )),
        "canonical uses the preview address"
    );
    assert_eq!(refused, 400, "a path climbing out of the site is refused");
    assert!(!leaked.contains("base_url"));
    assert_eq!(missing, 404);
    assert!(
        !tmp.path().join("public").exists(),
        "the preview is built in memory; public/ is left alone"
    );
    assert_eq!(redirect, 301);
    assert!(headers.contains("Location: /dien-hinh/"));
}

#[test]
fn a_new_profile_published_without_edits_is_refused_naming_the_sample_lines() {
    let tmp = site_with(None);
    let root = tmp.path().to_str().unwrap();
    assert!(guong(&["new", "profile", "Lò Văn Thử", "--root", root])
        .status
        .success());
    let file = tmp.path().join("content/profiles/lo-van-thu/index.vi.md");
    let text = std::fs::read_to_string(&file).unwrap();
    // Today's date, not a date of the template.
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let today = guong::site::Date::from_days(secs / 86_400).to_string();
    assert!(
        text.lines()
            .any(|l| l.starts_with(&format!("date: {today}"))),
        "{text}"
    );
    let line_of = |start: &str| text.lines().position(|l| l.starts_with(start)).unwrap() + 1;
    let (field, summary) = (line_of("field:"), line_of("summary:"));
    let story = line_of(guong::content::samples::PROFILE_STORY);
    let published = text.replace("draft: true", "draft: false");
    std::fs::write(&file, &published).unwrap();
    let rel = "content/profiles/lo-van-thu/index.vi.md";
    let out = tmp.path().join("public");
    for o in [build(tmp.path(), &out), guong(&["check", "--root", root])] {
        assert!(!o.status.success());
        let err = stderr(&o);
        for (code, line, what) in [
            ("G0214", field, "no `field` chosen yet"),
            ("G0217", summary, "the summary is still the sample text"),
            ("G0218", story, "the story is still the sample text"),
        ] {
            assert!(
                err.contains(&format!("error[{code}]: {rel}:{line}:1: ")) && err.contains(what),
                "{what} at line {line}:\n{err}"
            );
        }
    }
    assert!(!out.exists(), "nothing published");
}

#[test]
fn commands_outside_a_site_say_so_at_once() {
    let empty = tempfile::tempdir().unwrap();
    let root = empty.path().to_str().unwrap();
    for args in [
        vec!["serve", "--root", root, "--port", "0"],
        vec!["new", "profile", "Lò Văn Thử", "--root", root],
        vec!["schema", "--root", root],
    ] {
        let start = std::time::Instant::now();
        let o = guong(&args);
        assert!(
            start.elapsed() < std::time::Duration::from_secs(1),
            "{args:?} took {:?}",
            start.elapsed()
        );
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert!(
            stderr(&o).contains("no site.yaml") && stderr(&o).contains("--root"),
            "{args:?}: {}",
            stderr(&o)
        );
    }
    assert!(
        std::fs::read_dir(empty.path()).unwrap().next().is_none(),
        "nothing created"
    );
}
