//! `guong serve`: build once, then serve the output folder on 127.0.0.1 for
//! preview. Serves only files inside the output folder.

use crate::Options;
use anyhow::{Context, Result};
use std::path::{Component, Path, PathBuf};

pub fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// Map a request path to a file under `root`, refusing anything outside it.
pub fn resolve(root: &Path, url_path: &str) -> Option<PathBuf> {
    let path = url_path.split(['?', '#']).next().unwrap_or("/");
    let decoded = percent_decode(path)?;
    let mut full = root.to_path_buf();
    for c in Path::new(decoded.trim_start_matches('/')).components() {
        match c {
            Component::Normal(part) => full.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if full.is_dir() {
        full.push("index.html");
    }
    full.is_file().then_some(full)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

pub fn serve(opts: &Options, out: &Path, port: u16) -> Result<()> {
    let address = format!("127.0.0.1:{port}");
    let mut opts = opts.clone();
    opts.base_url = Some(format!("http://{address}"));
    let built = crate::build(&opts, out)?;
    for w in &built.warnings {
        eprintln!("{w}");
    }
    let server = tiny_http::Server::http(&address)
        .map_err(|e| anyhow::anyhow!("cannot listen on {address}: {e}"))?;
    eprintln!(
        "Built {} profiles. Preview at http://{address}/ (Ctrl+C to stop)",
        built.profiles
    );
    let root = out
        .canonicalize()
        .with_context(|| format!("cannot open {}", out.display()))?;
    for request in server.incoming_requests() {
        let url = request.url().to_string();
        // A folder without its trailing slash: redirect so relative links work.
        let path_only = url.split(['?', '#']).next().unwrap_or("/");
        if !path_only.ends_with('/')
            && resolve(&root, path_only).is_some_and(|f| f.ends_with("index.html"))
            && !path_only.ends_with(".html")
        {
            let location = tiny_http::Header::from_bytes("Location", format!("{path_only}/"))
                .expect("valid header");
            let _ = request.respond(tiny_http::Response::empty(301).with_header(location));
            continue;
        }
        let (file, status) = match resolve(&root, &url) {
            Some(f) => (f, 200),
            None => (root.join("404.html"), 404),
        };
        let response = match std::fs::read(&file) {
            Ok(bytes) => {
                let ct = tiny_http::Header::from_bytes("Content-Type", content_type(&file))
                    .expect("valid header");
                tiny_http::Response::from_data(bytes)
                    .with_status_code(status)
                    .with_header(ct)
            }
            Err(_) => tiny_http::Response::from_data(b"not found".to_vec()).with_status_code(404),
        };
        let _ = request.respond(response);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_paths_outside_the_output() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("public");
        std::fs::create_dir_all(root.join("a")).unwrap();
        std::fs::write(root.join("a/index.html"), "x").unwrap();
        std::fs::write(tmp.path().join("secret"), "s").unwrap();
        assert_eq!(resolve(&root, "/a/"), Some(root.join("a/index.html")));
        assert_eq!(resolve(&root, "/a/?q=1"), Some(root.join("a/index.html")));
        assert_eq!(resolve(&root, "/../secret"), None);
        assert_eq!(resolve(&root, "/%2e%2e/secret"), None);
        assert_eq!(resolve(&root, "/missing"), None);
    }
}
