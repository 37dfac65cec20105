//! Reading the site's sources: the one place that opens a file of the site
//! folder. Reads refuse symbolic links, devices and pipes, and text is
//! checked (UTF-8, no legacy Vietnamese encoding, no byte-order mark
//! surprises) and normalised to NFC before any stage sees it. A leaf: it
//! knows nothing of what the files mean.

use crate::error::{Diagnostic, Location};
use crate::messages::msg;
use std::path::{Path, PathBuf};

/// Check a text file's bytes and return its text in NFC.
pub fn check_text(bytes: &[u8], rel: &Path) -> Result<String, Diagnostic> {
    let loc = Location::file(rel);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        let help = if rel.starts_with("data") {
            msg!("source-empty-table-help")
        } else {
            msg!("G0301.help")
        };
        return Err(Diagnostic::error(loc, msg!("G0301")).help(help));
    }
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Err(
            Diagnostic::error(Location::at(rel, 1, Some(1)), msg!("G0302"))
                .help(msg!("G0302.help")),
        );
    }
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        let line = bytes[..pos].iter().filter(|&&b| b == b'\n').count() + 1;
        return Err(
            Diagnostic::error(Location::at(rel, line, None), msg!("G0303"))
                .help(msg!("G0303.help")),
        );
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let line = bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            let d = Diagnostic::error(Location::at(rel, line, None), msg!("G0304"));
            return Err(match windows_1258_line(bytes, line) {
                Some(reads) => d.help(msg!("source-windows-1258-help", line = line, reads = reads)),
                None => d.help(msg!("G0304.help")),
            });
        }
    };
    if let Some(pos) = text.find("\r\n") {
        let line = text[..pos].matches('\n').count() + 1;
        return Err(
            Diagnostic::error(Location::at(rel, line, None), msg!("G0305"))
                .help(msg!("G0305.help")),
        );
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
                msg!("G0306", encoding = found.encoding.name(), reads = reads),
            )
            .help(msg!("G0306.help", file = rel));
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
                return Err(
                    Diagnostic::error(Location::file(&at), msg!("G0307")).help(msg!("G0307.help"))
                )
            }
            Ok(m) => meta = Some(m),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => {
                return Err(Diagnostic::error(
                    Location::file(&at),
                    msg!("G0308", error = e.to_string()),
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
        Some(m) if !m.is_file() => {
            Err(Diagnostic::error(Location::file(rel), msg!("G0309")).help(msg!("G0309.help")))
        }
        Some(_) => std::fs::read(root.join(rel)).map(Some).map_err(|e| {
            Diagnostic::error(Location::file(rel), msg!("G0308", error = e.to_string()))
        }),
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
    use crate::messages::Lang;

    fn code(bytes: &[u8]) -> Option<&'static str> {
        check_text(bytes, Path::new("f.md")).unwrap_err().code()
    }

    #[test]
    fn bad_bytes_get_clear_messages() {
        let p = Path::new("f.md");
        assert_eq!(code(b""), Some("G0301"));
        assert_eq!(code(b"\xEF\xBB\xBF---\n"), Some("G0302"));
        assert_eq!(code(b"---\r\na: 1\r\n"), Some("G0305"));
        let e = check_text(b"---\nx\n\x00\x01", p).unwrap_err();
        assert_eq!((e.code(), e.location.line), (Some("G0303"), Some(3)));
        let e = check_text(b"---\n\xff\xfe", p).unwrap_err();
        assert_eq!(e.code(), Some("G0304"));
        assert!(e.message.render(Lang::En).contains("UTF-8"));
        // A data file is told it may simply be removed.
        let e = check_text(b"", Path::new("data/fields.yaml")).unwrap_err();
        assert!(e.help.unwrap().render(Lang::En).contains("empty table"));
    }

    #[test]
    fn windows_1258_files_show_what_the_line_reads() {
        // "Đoàn kết, sáng tạo" in CP1258: Đ = D0, tones as combining marks
        // (grave CC, acute EC, dot below F2), ê = EA.
        let bytes = b"---\nname: \xD0oa\xCCn k\xEA\xECt, sa\xECng ta\xF2o\n---\n";
        let e = check_text(bytes, Path::new("f.md")).unwrap_err();
        assert_eq!(e.location.line, Some(2));
        let help = e.help.unwrap();
        for lang in Lang::ALL {
            let text = help.render(lang);
            assert!(text.contains("Windows-1258"), "{text}");
            assert!(
                text.contains("\u{201c}name: Đoàn kết, sáng tạo\u{201d}"),
                "{text}"
            );
        }
        // Bytes that are not Vietnamese in any code page keep the plain advice.
        let e = check_text(b"---\nname: \xff\xfe\xfd\n", Path::new("f.md")).unwrap_err();
        assert!(!e.help.unwrap().render(Lang::En).contains("1258"));
    }

    #[test]
    fn old_encoding_lines_are_all_reported_with_their_field() {
        let text = "---\nname: §oµn kÕt, s¸ng t¹o\nrole: Đoàn kết\n---\nÑoaøn keát, saùng taïo\n";
        let found = legacy_encoding(text, Path::new("f.md"));
        let shown: Vec<_> = found.iter().map(|d| d.render(Lang::En)).collect();
        assert_eq!(shown.len(), 2, "{shown:?}");
        assert!(shown[0].starts_with(
            "error[G0306]: f.md:2: `name`: looks like TCVN3 (ABC) text; it reads: “Đoàn kết, sáng tạo”"
        ));
        assert!(shown[1].starts_with(
            "error[G0306]: f.md:5: looks like VNI-Windows text; it reads: “Đoàn kết, sáng tạo”"
        ));
        let vi = found[0].render(Lang::Vi);
        assert!(vi.contains("“Đoàn kết, sáng tạo”"), "{vi}");
        assert!(vi.contains("`guong fix-encoding f.md`"), "{vi}");
    }
}
