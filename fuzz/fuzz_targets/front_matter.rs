//! Front matter: one content file's bytes through the real loading path
//! (byte checks, front-matter split, YAML into the typed document, the
//! document's own rules). The first input byte picks where the file lies,
//! which decides its kind and language; the rest is the file.
//!
//! Beyond "no panic", every diagnostic must name this file, and a line it
//! names must be a line of the file.

#![no_main]

use guong::error::Severity;
use guong::messages::Lang;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

const PATHS: [&str; 8] = [
    "content/profiles/ho-so-thu/index.vi.md",
    "content/profiles/ho-so-thu/index.en.md",
    "content/congresses/01.vi.md",
    "content/congresses/01.en.md",
    "content/movements/phong-trao-thu.vi.md",
    "content/movements/phong-trao-thu.en.md",
    "content/pages/trang-thu.vi.md",
    "content/pages/trang-thu.en.md",
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let rel = Path::new(PATHS[pick as usize % PATHS.len()]);
    let (content, diags) = guong::content::parse_document(rel, bytes, true);
    let lines = bytes.iter().filter(|&&b| b == b'\n').count() + 1;
    for d in &diags {
        assert_eq!(d.location.path, rel, "{d}");
        if let Some(line) = d.location.line {
            assert!((1..=lines).contains(&line), "line {line} of {lines}: {d}");
        }
        // Every diagnostic has a code and says something in both languages.
        let code = d.code().expect("a diagnostic's message is a coded one");
        for lang in [Lang::Vi, Lang::En] {
            let text = d.message.render(lang);
            assert!(
                !text.is_empty() && !text.starts_with(code),
                "{code}: {text}"
            );
        }
        let _ = d.to_string();
    }
    let errors = diags.iter().any(|d| d.severity == Severity::Error);
    let docs = content.profiles.len()
        + content.congresses.len()
        + content.movements.len()
        + content.pages.len();
    // A Vietnamese file without errors is a document (drafts included).
    if rel.to_string_lossy().ends_with(".vi.md") && !errors {
        assert_eq!(docs, 1, "{diags:?}");
    }
});
