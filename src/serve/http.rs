//! Answers the browser from the preview's files in memory, with the live
//! reload script added to every HTML page. HTTP/1.1 by hyper on one tokio
//! thread: every answer is a copy out of memory, so one thread keeps up,
//! and the builds keep both cores.

use super::live::{self, Hub};
use crate::messages::msg;
use crate::paths::output_file;
use crate::preview::Files;
use http_body_util::{Either, Full};
use hyper::body::{Bytes, Incoming};
use hyper::header::{HeaderValue, CACHE_CONTROL, CONTENT_TYPE, LOCATION};
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use std::convert::Infallible;
use std::path::{Component, Path};
use std::sync::Arc;
use std::time::Duration;

/// A file or message answered whole, or the endless stream of live events.
pub type Body = Either<Full<Bytes>, live::Events>;

/// Serve `listener` on a thread of its own until the process ends.
pub fn spawn(listener: std::net::TcpListener, files: Files, hub: Arc<Hub>) -> std::io::Result<()> {
    listener.set_nonblocking(true)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .build()?;
    std::thread::spawn(move || runtime.block_on(accept(listener, files, hub)));
    Ok(())
}

async fn accept(listener: std::net::TcpListener, files: Files, hub: Arc<Hub>) {
    let listener = match tokio::net::TcpListener::from_std(listener) {
        Ok(l) => l,
        Err(e) => {
            let error = e.to_string();
            let label = msg!("label-error");
            return eprintln!("{label}: {}", msg!("serve-cannot-listen", error = error));
        }
    };
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            // Out of file descriptors, say: let open pages finish first.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let (files, hub) = (files.clone(), hub.clone());
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |request: Request<Incoming>| {
                std::future::ready(Ok::<_, Infallible>(respond(&request, &files, &hub)))
            });
            // A browser that goes away mid-answer ends its connection with an
            // error: nothing to tell anyone.
            let _ = hyper::server::conn::http1::Builder::new()
                // `Location:` as every server writes it (tests and curl users read it).
                .title_case_headers(true)
                .timer(TokioTimer::new())
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

pub fn content_type(path: &Path) -> String {
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    // Text without a charset may be read as windows-1252: Vietnamese would break.
    if mime.type_() == mime_guess::mime::TEXT || mime.subtype() == mime_guess::mime::XML {
        format!("{mime}; charset=utf-8")
    } else {
        mime.to_string()
    }
}

/// The key of a request path in the preview's files (`/a/` → `a/index.html`),
/// refusing anything that would climb out of the site (`..`, absolute parts).
pub fn file_key(url_path: &str) -> Option<String> {
    let path = url_path.split(['?', '#']).next().unwrap_or("/");
    let decoded = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()?;
    site_file(&decoded)
}

/// The output file of a decoded site path, or `None` if it leaves the site.
pub fn site_file(path: &str) -> Option<String> {
    let mut parts = Vec::new();
    for c in Path::new(path).components() {
        match c {
            Component::Normal(part) => parts.push(part.to_str()?),
            Component::CurDir | Component::RootDir => {}
            _ => return None,
        }
    }
    let folder = path.ends_with('/') && !parts.is_empty();
    Some(output_file(&format!(
        "/{}{}",
        parts.join("/"),
        if folder { "/" } else { "" }
    )))
}

/// Answer one request from the preview's files.
pub fn respond(request: &Request<Incoming>, files: &Files, hub: &Hub) -> Response<Body> {
    let path = request.uri().path();
    if path == live::EVENTS_PATH {
        let events = hub.subscribe(request.uri().query().unwrap_or(""));
        return answer(StatusCode::OK, Either::Right(events))
            .with(CONTENT_TYPE, "text/event-stream")
            .with(CACHE_CONTROL, "no-store");
    }
    if path == live::SCRIPT_PATH {
        return whole(StatusCode::OK, live::SCRIPT.as_bytes().to_vec())
            .with(CONTENT_TYPE, "text/javascript; charset=utf-8")
            .with(CACHE_CONTROL, "no-store");
    }
    let Some(key) = file_key(path) else {
        return whole(StatusCode::BAD_REQUEST, b"refused".to_vec());
    };
    let map = files.read().expect("files lock");
    // A folder without its trailing slash: redirect so relative links work.
    if !map.contains_key(&key) && map.contains_key(&format!("{key}/index.html")) {
        drop(map);
        return match HeaderValue::from_str(&format!("{path}/")) {
            Ok(to) => with_header(
                whole(StatusCode::MOVED_PERMANENTLY, Vec::new()),
                LOCATION,
                to,
            ),
            Err(_) => whole(StatusCode::BAD_REQUEST, b"refused".to_vec()),
        };
    }
    let (key, status) = if map.contains_key(&key) {
        (key, StatusCode::OK)
    } else {
        ("404.html".to_string(), StatusCode::NOT_FOUND)
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
    let response = whole(status, body).with(CACHE_CONTROL, cache_control(&key));
    match HeaderValue::from_str(&kind) {
        Ok(kind) => with_header(response, CONTENT_TYPE, kind),
        Err(_) => response,
    }
}

fn answer(status: StatusCode, body: Body) -> Response<Body> {
    let mut response = Response::new(body);
    *response.status_mut() = status;
    response
}

fn whole(status: StatusCode, bytes: Vec<u8>) -> Response<Body> {
    answer(status, Either::Left(Full::new(Bytes::from(bytes))))
}

fn with_header(
    mut response: Response<Body>,
    name: hyper::header::HeaderName,
    value: HeaderValue,
) -> Response<Body> {
    response.headers_mut().insert(name, value);
    response
}

/// Headers whose values are fixed strings.
trait With {
    fn with(self, name: hyper::header::HeaderName, value: &'static str) -> Self;
}

impl With for Response<Body> {
    fn with(self, name: hyper::header::HeaderName, value: &'static str) -> Self {
        with_header(self, name, HeaderValue::from_static(value))
    }
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
        assert_eq!(file_key("/a/./b//c.css").as_deref(), Some("a/b/c.css"));
        assert_eq!(
            file_key("/ho-so/tr%E1%BA%A7n/").as_deref(),
            Some("ho-so/trần/index.html")
        );
        assert_eq!(file_key("/../secret"), None);
        assert_eq!(file_key("/%2e%2e/secret"), None);
        assert_eq!(file_key("/a/%2e%2e/%2e%2e/etc/passwd"), None);
        assert_eq!(file_key("/%C3%28/"), None, "not UTF-8");
    }

    #[test]
    fn text_is_utf_8_and_other_files_have_their_type() {
        let of = |name: &str| content_type(Path::new(name));
        assert_eq!(of("a/index.html"), "text/html; charset=utf-8");
        assert_eq!(of("style.036d930218.css"), "text/css; charset=utf-8");
        assert_eq!(of("search.js"), "text/javascript; charset=utf-8");
        assert_eq!(of("atom.xml"), "text/xml; charset=utf-8");
        assert_eq!(of("og.8697c8d445.jpg"), "image/jpeg");
        assert_eq!(of("a.webp"), "image/webp");
        assert_eq!(of("emblem.svg"), "image/svg+xml");
        assert_eq!(of("noto.woff2"), "font/woff2");
        assert_eq!(of("_search/vi/meta.json"), "application/json");
        assert_eq!(of("no-extension"), "application/octet-stream");
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
