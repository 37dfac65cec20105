//! Answers the browser from the preview's files in memory, with the live
//! reload script added to every HTML page.

use super::live::{self, Hub};
use crate::preview::Files;
use std::path::{Component, Path};
use std::sync::Arc;

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

/// The key of a request path in the preview's files (`/a/` → `a/index.html`),
/// refusing anything that would climb out of the site (`..`, absolute parts).
pub fn file_key(url_path: &str) -> Option<String> {
    let path = url_path.split(['?', '#']).next().unwrap_or("/");
    let decoded = percent_decode(path)?;
    let mut site_path = String::new();
    for c in Path::new(&decoded).components() {
        match c {
            Component::Normal(part) => site_path = format!("{site_path}/{}", part.to_str()?),
            Component::CurDir | Component::RootDir => {}
            _ => return None,
        }
    }
    if decoded.ends_with('/') || site_path.is_empty() {
        site_path.push('/');
    }
    Some(crate::paths::output_file(&site_path))
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name, value).expect("valid header")
}

/// Answer one request from the preview's files.
pub fn respond(request: tiny_http::Request, files: &Files, hub: &Arc<Hub>) {
    let url = request.url().to_string();
    let path_only = url.split(['?', '#']).next().unwrap_or("/").to_string();
    if path_only == live::SOCKET_PATH {
        hub.accept(request, &url);
        return;
    }
    if path_only == live::SCRIPT_PATH {
        let response = tiny_http::Response::from_data(live::SCRIPT.as_bytes().to_vec())
            .with_header(header("Content-Type", "text/javascript; charset=utf-8"))
            .with_header(header("Cache-Control", "no-store"));
        let _ = request.respond(response);
        return;
    }
    let Some(key) = file_key(&path_only) else {
        let _ = request.respond(tiny_http::Response::from_string("refused").with_status_code(400));
        return;
    };
    let map = files.read().expect("files lock");
    // A folder without its trailing slash: redirect so relative links work.
    if !map.contains_key(&key) && map.contains_key(&format!("{key}/index.html")) {
        drop(map);
        let response = tiny_http::Response::empty(301)
            .with_header(header("Location", &format!("{path_only}/")));
        let _ = request.respond(response);
        return;
    }
    let (key, status) = if map.contains_key(&key) {
        (key, 200)
    } else {
        ("404.html".to_string(), 404)
    };
    let found = map
        .get(&key)
        .map(|(bytes, generation)| (bytes.clone(), *generation));
    drop(map);
    let (bytes, generation) = match found {
        Some(f) => f,
        // No site yet (the first build failed): a page that shows the errors.
        None => (Arc::new(live::WAITING_PAGE.as_bytes().to_vec()), 0),
    };
    let kind = content_type(Path::new(&key));
    let body = if kind.starts_with("text/html") {
        live::inject(&bytes, &key, generation)
    } else {
        bytes.to_vec()
    };
    let response = tiny_http::Response::from_data(body)
        .with_status_code(status)
        .with_header(header("Content-Type", kind))
        .with_header(header("Cache-Control", cache_control(&key)));
    let _ = request.respond(response);
}

/// A file whose name carries its content hash (`style.036d930218.css`,
/// `og.8697c8d445.jpg`, the search index folder) never changes: the browser
/// keeps it, so a live reload refetches only the page. Everything else is
/// fetched fresh.
pub fn cache_control(key: &str) -> &'static str {
    let hashed = key.starts_with("_search/")
        || key.split(['.', '/', '-']).any(|part| {
            part.len() == 10
                && part
                    .bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        });
    if hashed {
        "public, max-age=31536000, immutable"
    } else {
        "no-store"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_paths_outside_the_site() {
        assert_eq!(file_key("/").as_deref(), Some("index.html"));
        assert_eq!(file_key("/a/").as_deref(), Some("a/index.html"));
        assert_eq!(file_key("/a/?q=1").as_deref(), Some("a/index.html"));
        assert_eq!(file_key("/a/b.css#x").as_deref(), Some("a/b.css"));
        assert_eq!(
            file_key("/ho-so/tr%E1%BA%A7n/").as_deref(),
            Some("ho-so/trần/index.html")
        );
        assert_eq!(file_key("/../secret"), None);
        assert_eq!(file_key("/%2e%2e/secret"), None);
        assert_eq!(file_key("/a/%2e%2e/%2e%2e/etc/passwd"), None);
    }

    #[test]
    fn only_hashed_files_are_kept_by_the_browser() {
        assert!(cache_control("assets/style.036d930218.css").contains("immutable"));
        assert!(cache_control("dien-hinh/a/og.8697c8d445.jpg").contains("immutable"));
        assert!(cache_control("_search/vi/ab12cd34ef/meta.json").contains("immutable"));
        assert_eq!(cache_control("dien-hinh/a/index.html"), "no-store");
        assert_eq!(cache_control("assets/emblem.svg"), "no-store");
        assert_eq!(cache_control("atom.xml"), "no-store");
    }
}
