//! The staff guides index every diagnostic code with an example and a fix,
//! made from the message catalogue: a guide that falls behind the catalogue
//! fails here. `UPDATE_DOCS=1 cargo test --test it codes` rewrites them.

use guong::messages::{index, Lang};
use std::path::Path;

const BEGIN: &str = "<!-- codes:begin (made by `UPDATE_DOCS=1 cargo test --test it codes`) -->\n";
const END: &str = "<!-- codes:end -->";

fn check(file: &str, lang: Lang) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let start = text
        .find(BEGIN)
        .unwrap_or_else(|| panic!("docs/{file} has no `{}` line", BEGIN.trim()))
        + BEGIN.len();
    let end = text[start..].find(END).expect("the end marker") + start;
    let table = index(lang);
    if std::env::var_os("UPDATE_DOCS").is_some() {
        let updated = format!("{}{table}{}", &text[..start], &text[end..]);
        std::fs::write(&path, updated).unwrap();
        return;
    }
    assert!(
        text[start..end] == table,
        "docs/{file}'s table of codes is not the catalogue's: run `UPDATE_DOCS=1 cargo test --test it codes`"
    );
}

#[test]
fn the_staff_guides_list_every_code_with_an_example_and_a_fix() {
    check("huong-dan.md", Lang::Vi);
    check("guide.md", Lang::En);
    let table = index(Lang::Vi);
    // Rows of the table: each code once, each with a message and a fix.
    let rows: Vec<&str> = table.lines().skip(2).collect();
    assert!(rows.len() >= 30, "{table}");
    for row in rows {
        let cells: Vec<&str> = row.split(" | ").collect();
        assert_eq!(cells.len(), 3, "{row}");
        assert!(cells.iter().all(|c| c.trim().len() > 3), "{row}");
    }
}
