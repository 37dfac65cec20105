//! Live reload: every preview page listens to an event stream of `serve`
//! (Server-Sent Events: the messages go one way), which tells it when its
//! file changed (reload) or when the content has errors (show
//! them over the page, in the page's language, until they are fixed).

use crate::error::Diagnostic;
use crate::messages::{Lang, Msg};
use crate::preview::Files;
use hyper::body::{Bytes, Frame};
use serde_json::json;
use std::convert::Infallible;
use std::pin::Pin;
use std::sync::Mutex;
use std::task::{Context, Poll};
use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver, UnboundedSender};

pub const EVENTS_PATH: &str = "/__guong/live";
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
    clients: Mutex<Vec<UnboundedSender<String>>>,
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

/// The errors as the overlay shows them: each in both languages, for the
/// overlay speaks the language of the page it covers (or the one `--lang`
/// chose, when it was given).
pub fn errors_message(diags: &[Diagnostic]) -> String {
    let both = |m: &Msg| json!({"vi": m.render(Lang::Vi), "en": m.render(Lang::En)});
    let errors: Vec<_> = diags
        .iter()
        .map(|d| {
            json!({
                "file": d.location.path.to_string_lossy().replace('\\', "/"),
                "line": d.location.line,
                "column": d.location.col,
                "field": d.field,
                "code": d.code(),
                "message": both(&d.message),
                "help": d.help.as_ref().map(both),
            })
        })
        .collect();
    let lang = crate::messages::chosen().map(Lang::code);
    json!({"type": "errors", "lang": lang, "errors": errors}).to_string()
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
        // A page that went away dropped its stream: forget it.
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

    /// The event stream of a page (`?file=…&generation=…`). Its first
    /// message says what it missed: the errors if there are any, else a
    /// reload (of its file if that changed since the page was drawn), which
    /// also takes down an overlay of errors fixed meanwhile.
    pub fn subscribe(&self, query: &str) -> Events {
        let mut file = String::new();
        let mut seen = 0;
        for (name, value) in form_urlencoded::parse(query.as_bytes()) {
            match name.as_ref() {
                "file" => file = super::http::site_file(&value).unwrap_or_default(),
                "generation" => seen = value.parse().unwrap_or(0),
                _ => {}
            }
        }
        // Held until the page is listed, so that no message falls between.
        let mut clients = self.clients.lock().expect("clients lock");
        let first = match self.errors.lock().expect("errors lock").clone() {
            Some(errors) => errors,
            None => {
                let files = self.files.read().expect("files lock");
                let newer = files.get(&file).is_some_and(|(_, g)| *g > seen);
                let paths = if newer { vec![file] } else { Vec::new() };
                json!({"type": "reload", "paths": paths}).to_string()
            }
        };
        let (tx, rx) = unbounded_channel::<String>();
        let _ = tx.send(first);
        clients.push(tx);
        Events(rx)
    }
}

/// The messages to one page as Server-Sent Events, until the page goes away
/// (hyper then drops this, and the next broadcast forgets the page).
pub struct Events(UnboundedReceiver<String>);

impl hyper::body::Body for Events {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        // The messages are one-line JSON, so each is one `data:` line.
        self.0
            .poll_recv(cx)
            .map(|m| m.map(|m| Ok(Frame::data(Bytes::from(format!("data: {m}\n\n"))))))
    }
}
