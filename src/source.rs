//! Reading the site's sources: the one place that opens a file of the site
//! folder. Reads refuse symbolic links, devices and pipes, and text is
//! checked (UTF-8, no legacy Vietnamese encoding, no byte-order mark
//! surprises) and normalised to NFC before any stage sees it. A leaf: it
//! knows nothing of what the files mean.

use crate::error::{Diagnostic, Location};
use std::path::{Path, PathBuf};

/// Check a text file's bytes and return its text in NFC.
pub fn check_text(bytes: &[u8], rel: &Path) -> Result<String, Diagnostic> {
    let loc = Location::file(rel);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        let help = if rel.starts_with("data") {
            "write the table, or delete the file (a missing data file is an empty table)"
        } else {
            "write the front matter between two `---` lines, or delete the file"
        };
        return Err(Diagnostic::error(loc, "the file is empty").help(help));
    }
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Err(Diagnostic::error(
            Location::at(rel, 1, Some(1)),
            "the file starts with a byte-order mark (BOM)",
        )
        .help("save the file as \"UTF-8\" (without BOM) in your editor"));
    }
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        let line = bytes[..pos].iter().filter(|&&b| b == b'\n').count() + 1;
        return Err(Diagnostic::error(
            Location::at(rel, line, None),
            "the file contains a NUL byte: it looks binary, not text",
        )
        .help("content files must be plain UTF-8 text"));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let line = bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            let d = Diagnostic::error(
                Location::at(rel, line, None),
                "the file is not valid UTF-8 text",
            );
            return Err(match windows_1258_line(bytes, line) {
                Some(reads) => d.help(format!("it looks saved as Windows-1258 (CP1258): line {line} reads \u{201c}{reads}\u{201d}; save the file as UTF-8 in your editor")),
                None => d.help("save it as UTF-8; files from old Vietnamese encodings (TCVN3, VNI) must be converted first"),
            });
        }
    };
    if let Some(pos) = text.find("\r\n") {
        let line = text[..pos].matches('\n').count() + 1;
        return Err(Diagnostic::error(Location::at(rel, line, None), "the file has Windows (CRLF) line endings")
            .help("set your editor to save with LF line endings (in VS Code: the \"CRLF\" button in the status bar)"));
    }
    Ok(crate::text::fold::nfc(text))
}

/// Line `line` of `bytes` read as Windows-1258, the Windows code page for
/// Vietnamese (tones as combining marks), when it reads as Vietnamese: its
/// words with marks all Vietnamese syllables. `None` for other bytes.
fn windows_1258_line(bytes: &[u8], line: usize) -> Option<String> {
    let raw = bytes.split(|&b| b == b'\n').nth(line - 1)?;
    let (text, had_errors) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(raw);
    let text = crate::text::fold::nfc(text.trim());
    let mut words = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_ascii())
        .peekable();
    let vietnamese = words.peek().is_some() && words.all(crate::text::legacy::is_syllable);
    (!had_errors && vietnamese).then_some(text)
}

/// Every line of a checked text in an old Vietnamese encoding (TCVN3 or
/// VNI pasted as Unicode), as an error showing what the line reads. Kept
/// apart from [`check_text`], which stops at the first broken byte: these
/// lines are all reported, with the file's other mistakes.
pub fn legacy_encoding(text: &str, rel: &Path) -> Vec<Diagnostic> {
    crate::text::legacy::find(text)
        .into_iter()
        .map(|found| {
            let keyed = found.converted.split_once(':').and_then(|(k, v)| {
                let key = k.trim_start().trim_start_matches("- ");
                is_key(key).then_some((key, v))
            });
            let reads = keyed.map_or(found.converted.as_str(), |(_, v)| v).trim();
            // A quoted YAML value is shown without its quotes.
            let reads = ['"', '\'']
                .iter()
                .find_map(|q| reads.strip_prefix(*q)?.strip_suffix(*q))
                .unwrap_or(reads);
            let d = Diagnostic::error(
                Location::at(rel, found.line, None),
                format!(
                    "looks like {} text; it reads: \u{201c}{reads}\u{201d}",
                    found.encoding.name()
                ),
            )
            .help(format!(
                "run `guong fix-encoding {}` to convert it (try --dry-run first)",
                rel.display()
            ));
            match keyed {
                Some((key, _)) => d.field(key),
                None => d,
            }
        })
        .collect()
}

/// A YAML key at the start of a line (`name:`, `  - title:`), to name the field.
fn is_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// The metadata of `rel` (relative to `root`), refusing it when it or a
/// folder on the way is a symbolic link: a link can point anywhere on the
/// machine. `Ok(None)` when there is no such file or folder.
pub fn unlinked(root: &Path, rel: &Path) -> Result<Option<std::fs::Metadata>, Diagnostic> {
    let mut at = PathBuf::new();
    let mut meta = None;
    for part in rel.components() {
        at.push(part);
        match std::fs::symlink_metadata(root.join(&at)) {
            Ok(m) if m.file_type().is_symlink() => {
                return Err(Diagnostic::error(
                    Location::file(&at),
                    "this is a symbolic link; guong does not follow links",
                )
                .help("copy the file into the site instead of linking to it"))
            }
            Ok(m) => meta = Some(m),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => {
                return Err(Diagnostic::error(
                    Location::file(&at),
                    format!("cannot read: {e}"),
                ))
            }
        }
    }
    Ok(meta)
}

/// Read a file of the site without following symbolic links (see
/// [`unlinked`]); a named pipe or device is refused too, since reading one
/// would block the run forever. `Ok(None)` when there is no such file.
pub fn read_site_file(root: &Path, rel: &Path) -> Result<Option<Vec<u8>>, Diagnostic> {
    match unlinked(root, rel)? {
        None => Ok(None),
        Some(m) if !m.is_file() => Err(Diagnostic::error(
            Location::file(rel),
            "this is not a regular file (a folder, a device or a named pipe)",
        )
        .help("replace it with a plain text file, or remove it")),
        Some(_) => std::fs::read(root.join(rel))
            .map(Some)
            .map_err(|e| Diagnostic::error(Location::file(rel), format!("cannot read: {e}"))),
    }
}

/// A text file of the site, checked and in NFC; `Ok(None)` when there is no such file.
pub fn read_text(root: &Path, rel: &Path) -> Result<Option<String>, Diagnostic> {
    match read_site_file(root, rel)? {
        None => Ok(None),
        Some(bytes) => check_text(&bytes, rel).map(Some),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_bytes_get_clear_messages() {
        let p = Path::new("f.md");
        assert!(check_text(b"", p)
            .unwrap_err()
            .message
            .to_string()
            .contains("empty"));
        assert!(check_text(b"\xEF\xBB\xBF---\n", p)
            .unwrap_err()
            .message
            .to_string()
            .contains("BOM"));
        assert!(check_text(b"---\r\na: 1\r\n", p)
            .unwrap_err()
            .message
            .to_string()
            .contains("CRLF"));
        let e = check_text(b"---\nx\n\x00\x01", p).unwrap_err();
        assert_eq!(e.location.line, Some(3));
        assert!(check_text(b"---\n\xff\xfe", p)
            .unwrap_err()
            .message
            .to_string()
            .contains("UTF-8"));
    }

    #[test]
    fn windows_1258_files_show_what_the_line_reads() {
        // "Đoàn kết, sáng tạo" in CP1258: Đ = D0, tones as combining marks
        // (grave CC, acute EC, dot below F2), ê = EA.
        let bytes = b"---\nname: \xD0oa\xCCn k\xEA\xECt, sa\xECng ta\xF2o\n---\n";
        let e = check_text(bytes, Path::new("f.md")).unwrap_err();
        assert_eq!(e.location.line, Some(2));
        let help = e.help.unwrap().to_string();
        assert!(help.contains("Windows-1258"), "{help}");
        assert!(
            help.contains("\u{201c}name: Đoàn kết, sáng tạo\u{201d}"),
            "{help}"
        );
        // Bytes that are not Vietnamese in any code page keep the plain advice.
        let e = check_text(b"---\nname: \xff\xfe\xfd\n", Path::new("f.md")).unwrap_err();
        assert!(!e.help.unwrap().to_string().contains("1258"));
    }

    #[test]
    fn old_encoding_lines_are_all_reported_with_their_field() {
        let text = "---\nname: §oµn kÕt, s¸ng t¹o\nrole: Đoàn kết\n---\nÑoaøn keát, saùng taïo\n";
        let found = legacy_encoding(text, Path::new("f.md"));
        let shown: Vec<_> = found.iter().map(ToString::to_string).collect();
        assert_eq!(shown.len(), 2, "{shown:?}");
        assert!(shown[0].starts_with(
            "error: f.md:2: `name`: looks like TCVN3 (ABC) text; it reads: “Đoàn kết, sáng tạo”"
        ));
        assert!(shown[1].starts_with(
            "error: f.md:5: looks like VNI-Windows text; it reads: “Đoàn kết, sáng tạo”"
        ));
    }
}
