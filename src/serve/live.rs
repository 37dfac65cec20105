//! Live reload: every preview page opens a WebSocket to `serve`, which tells
//! it when its file changed (reload) or when the content has errors (show
//! them over the page, in the page's language, until they are fixed).

use crate::error::Diagnostic;
use crate::preview::Files;
use serde_json::json;
use std::sync::mpsc::{channel, Sender};
use std::sync::{Arc, Mutex};

pub const SOCKET_PATH: &str = "/__guong/live";
pub const SCRIPT_PATH: &str = "/__guong/live.js";
pub const SCRIPT: &str = include_str!("live.js");

/// Served in place of every page while no build has succeeded yet.
pub const WAITING_PAGE: &str = "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width\"><title>guong</title></head><body>\
<main><h1>Trang chưa dựng được / The site could not be built</h1>\
<p>Sửa các lỗi trong cửa sổ lệnh; trang sẽ tự tải lại. / Fix the errors shown in the terminal; \
this page reloads by itself.</p></main></body></html>";

/// More changed pages than this and every open page reloads.
const MANY: usize = 2000;

/// The open pages, and the errors of the content if it has any.
pub struct Hub {
    files: Files,
    clients: Mutex<Vec<Sender<String>>>,
    errors: Mutex<Option<String>>,
}

/// The page with the live script, told which file it is and of which build.
pub fn inject(html: &[u8], key: &str, generation: u64) -> Vec<u8> {
    let tag = format!(
        "<script src=\"{SCRIPT_PATH}\" data-file=\"{}\" data-generation=\"{generation}\" defer></script>",
        crate::text::escape_html(key)
    );
    let text = String::from_utf8_lossy(html);
    match text.rfind("</body>") {
        Some(at) => format!("{}{tag}{}", &text[..at], &text[at..]).into_bytes(),
        None => format!("{text}{tag}").into_bytes(),
    }
}

/// The errors as the overlay shows them.
pub fn errors_message(diags: &[Diagnostic]) -> String {
    let errors: Vec<_> = diags
        .iter()
        .map(|d| {
            json!({
                "file": d.location.path.to_string_lossy().replace('\\', "/"),
                "line": d.location.line,
                "column": d.location.col,
                "field": d.field,
                "message": d.message,
                "help": d.help,
            })
        })
        .collect();
    json!({"type": "errors", "errors": errors}).to_string()
}

impl Hub {
    pub fn new(files: Files) -> Hub {
        Hub {
            files,
            clients: Mutex::new(Vec::new()),
            errors: Mutex::new(None),
        }
    }

    /// Tell every open page.
    fn broadcast(&self, message: &str) {
        let mut clients = self.clients.lock().expect("clients lock");
        // A page that went away drops its receiver: forget it.
        clients.retain(|c| c.send(message.to_string()).is_ok());
    }

    /// The content has errors: show them over every open page.
    pub fn errors(&self, diags: &[Diagnostic]) {
        let message = errors_message(diags);
        *self.errors.lock().expect("errors lock") = Some(message.clone());
        self.broadcast(&message);
    }

    /// A build succeeded: reload the pages whose file changed, clear the errors.
    pub fn changed(&self, paths: &[String]) {
        *self.errors.lock().expect("errors lock") = None;
        let message = if paths.len() > MANY {
            json!({"type": "reload", "all": true})
        } else {
            json!({"type": "reload", "paths": paths})
        };
        self.broadcast(&message.to_string());
    }

    /// Open the WebSocket of a page (`?file=…&generation=…`). A page that
    /// connects after its file changed, or while there are errors, is told
    /// at once.
    pub fn accept(self: &Arc<Self>, request: tiny_http::Request, url: &str) {
        let key = request
            .headers()
            .iter()
            .find(|h| h.field.equiv("Sec-WebSocket-Key"))
            .map(|h| h.value.as_str().to_string());
        let Some(key) = key else {
            let _ = request
                .respond(tiny_http::Response::from_string("WebSocket only").with_status_code(400));
            return;
        };
        let query = url.split_once('?').map_or("", |(_, q)| q);
        let param = |name: &str| {
            query
                .split('&')
                .filter_map(|kv| kv.split_once('='))
                .find(|(k, _)| *k == name)
                .map(|(_, v)| super::http::file_key(&format!("/{v}")).unwrap_or_default())
        };
        let file = param("file").unwrap_or_default();
        let seen: u64 = query
            .split('&')
            .find_map(|kv| kv.strip_prefix("generation="))
            .and_then(|g| g.parse().ok())
            .unwrap_or(0);
        let accept = tungstenite::handshake::derive_accept_key(key.as_bytes());
        let response = tiny_http::Response::empty(101).with_header(
            tiny_http::Header::from_bytes("Sec-WebSocket-Accept", accept).expect("valid header"),
        );
        let stream = request.upgrade("websocket", response);
        let (tx, rx) = channel::<String>();
        let first = match self.errors.lock().expect("errors lock").clone() {
            Some(errors) => Some(errors),
            None => {
                let files = self.files.read().expect("files lock");
                let newer = files.get(&file).is_some_and(|(_, g)| *g > seen);
                newer.then(|| json!({"type": "reload", "paths": [file]}).to_string())
            }
        };
        if let Some(m) = first {
            let _ = tx.send(m);
        }
        self.clients.lock().expect("clients lock").push(tx);
        std::thread::spawn(move || {
            let mut socket = tungstenite::WebSocket::from_raw_socket(
                stream,
                tungstenite::protocol::Role::Server,
                None,
            );
            for message in rx {
                if socket.send(tungstenite::Message::text(message)).is_err() {
                    break;
                }
            }
        });
    }
}
