//! The command line as a shell user meets it: output piped into a reader
//! that stops early, a language that does not exist, the About page named
//! in site.yaml.

use crate::common::*;
use std::process::Stdio;

/// Runs guong with its standard output already closed by the reader (as
/// `| head -1` does once it has its line): the status and standard error.
fn with_closed_stdout(args: &[&str]) -> (Option<i32>, String) {
    let mut child = crate::common::command()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run guong");
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    (out.status.code(), stderr(&out))
}

#[test]
fn a_reader_that_stops_early_ends_the_command_quietly() {
    let site = repo();
    let root = site.to_str().unwrap();
    let (code, err) = with_closed_stdout(&["search", "--root", root, "son la"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let (code, err) = with_closed_stdout(&["check", "--root", root, "--format", "csv"]);
    assert!(
        !err.contains("panicked") && !err.contains("failed printing"),
        "{err}"
    );
    // The same verdict as with an open pipe: the closed reader is not an error of the site.
    let open = guong(&["check", "--root", root, "--format", "csv"]);
    assert_eq!(code, open.status.code(), "{err}");
}

#[test]
fn an_unknown_language_is_refused_with_the_choices() {
    let o = guong(&[
        "search",
        "--lang",
        "fr",
        "--root",
        repo().to_str().unwrap(),
        "x",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("'fr'") && err.contains("vi") && err.contains("en"),
        "{err}"
    );
}

#[test]
fn the_about_link_opens_the_page_site_yaml_names() {
    let tmp = site_with(None);
    let yaml = tmp.path().join("site.yaml");
    let settings = std::fs::read_to_string(&yaml).unwrap();
    std::fs::write(&yaml, format!("{settings}about_page: lien-he\n")).unwrap();
    let pages = tmp.path().join("content/pages");
    std::fs::create_dir_all(&pages).unwrap();
    std::fs::write(
        pages.join("lien-he.vi.md"),
        "---\ntitle: Liên hệ\n---\nHư cấu.\n",
    )
    .unwrap();
    let out = tmp.path().join("public");
    let o = build(tmp.path(), &out);
    assert!(o.status.success(), "{}", stderr(&o));
    let home = html(&out, "/");
    let about: Vec<String> = select(&home, "nav a")
        .iter()
        .filter(|a| a.text().collect::<String>().contains("Giới thiệu"))
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect();
    assert_eq!(about, ["/lien-he/"]);

    std::fs::write(&yaml, format!("{settings}about_page: lien-hee\n")).unwrap();
    let o = build(tmp.path(), &out);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(
        err.contains("site.yaml") && err.contains("about_page") && err.contains("lien-he"),
        "{err}"
    );
}
