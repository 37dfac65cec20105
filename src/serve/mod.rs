//! `guong serve`: the site in memory at http://127.0.0.1:PORT/, redrawn in
//! part when a file is saved, and open pages reloaded by Server-Sent Events.
//! Orchestrates only: [`crate::preview`] builds, [`http`] answers, [`live`]
//! talks to the pages, notify watches the files.

pub mod http;
pub mod live;

pub use http::content_type;

use crate::error::Diagnostic;
use crate::messages::msg;
use crate::preview::{Preview, Update};
use crate::Options;
use anyhow::Result;
use notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, NoCache};
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::mpsc::{channel, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Editors save in several steps (write, rename, chmod): the steps that
/// come within this time of each other make one rebuild.
const QUIET: Duration = Duration::from_millis(50);
/// Rebuild the search index this long after the last edit.
const SEARCH_AFTER: Duration = Duration::from_millis(1000);

enum Event {
    Files(Vec<PathBuf>),
    Search(Result<(Vec<crate::output::OutFile>, crate::search::SearchIndex), Vec<Diagnostic>>),
}

pub fn serve(opts: &Options, bind: IpAddr, port: u16) -> Result<()> {
    let address = SocketAddr::new(bind, port);
    let shown = if bind.is_unspecified() {
        SocketAddr::new(IpAddr::from([127, 0, 0, 1]), port)
    } else {
        address
    };
    let mut opts = opts.clone();
    opts.base_url = Some(format!("http://{shown}"));
    // Fail at once if the port is taken, not after building ten thousand
    // pages; a browser that asks meanwhile waits for the first build.
    let listener = std::net::TcpListener::bind(address).map_err(|e| cannot_listen(address, &e))?;
    // Watch before the first build: a file saved meanwhile is not missed.
    let (tx, rx) = channel::<Event>();
    let _watcher = watch(&opts.root, tx.clone())?;
    let mut preview = Preview::new(&opts);
    let start = Instant::now();
    let first = preview.rebuild();
    let files = preview.files();
    let hub = Arc::new(live::Hub::new(files.clone()));
    http::spawn(listener, files, hub.clone()).map_err(|e| cannot_listen(address, &e))?;
    report(first, &hub);
    let seconds = crate::messages::Arg::decimal(start.elapsed().as_secs_f64(), 1);
    let (n, s, at) = (preview.profiles(), seconds, format!("http://{shown}/"));
    let started = msg!("serve-started", profiles = n, seconds = s, address = at);
    eprintln!("{started}");
    if bind.is_unspecified() || !bind.is_loopback() {
        let address = address.to_string();
        eprintln!("{}", msg!("serve-listening-everywhere", address = address));
    }

    let mut search_due = Some(Instant::now());
    let mut searching = false;
    loop {
        let wait = match (search_due, searching) {
            (Some(due), false) => due.saturating_duration_since(Instant::now()),
            _ => Duration::from_secs(3600),
        };
        match rx.recv_timeout(wait) {
            Ok(Event::Files(mut paths)) => {
                // Saves that came while the last one was rebuilt: one rebuild.
                let mut later = Vec::new();
                while let Ok(event) = rx.try_recv() {
                    match event {
                        Event::Files(more) => paths.extend(more),
                        other => later.push(other),
                    }
                }
                if let Ok(Some(update)) = applied(preview.apply(&paths), &hub) {
                    print_update(&update);
                    search_due = Some(Instant::now() + SEARCH_AFTER);
                }
                for e in later {
                    let _ = tx.send(e);
                }
            }
            Ok(Event::Search(result)) => {
                searching = false;
                match result {
                    Ok(index) => {
                        if let Ok(update) = applied(preview.apply_search(index), &hub) {
                            let count = update.changed.len();
                            eprintln!("{}", msg!("serve-search-updated", count = count));
                        }
                    }
                    Err(diags) => print_errors(&diags),
                }
            }
            Err(RecvTimeoutError::Timeout) => {
                search_due = None;
                if let Some(job) = preview.search_job() {
                    searching = true;
                    let tx = tx.clone();
                    std::thread::spawn(move || {
                        // One core for the index, so that the next save is
                        // not kept waiting behind it.
                        let result = match rayon::ThreadPoolBuilder::new().num_threads(1).build() {
                            Ok(pool) => pool.install(|| job.run()),
                            Err(_) => job.run(),
                        };
                        let _ = tx.send(Event::Search(result));
                    });
                }
            }
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        }
    }
}

/// The port is taken (by another preview, most often) or not ours to use.
fn cannot_listen(address: SocketAddr, e: &std::io::Error) -> anyhow::Error {
    let (address, error) = (address.to_string(), e.to_string());
    let mut text = msg!("serve-cannot-listen-on", address = address, error = error).text();
    if e.kind() == std::io::ErrorKind::AddrInUse {
        let help = msg!("serve-port-taken");
        text.push_str(&format!("\n  {}: {help}", msg!("label-help")));
    }
    anyhow::anyhow!(text)
}

type Watcher = Debouncer<RecommendedWatcher, NoCache>;

/// Watch what the site is made of; the output and caches are not watched.
fn watch(root: &std::path::Path, tx: Sender<Event>) -> Result<Watcher> {
    let events = move |result: DebounceEventResult| {
        let Ok(events) = result else { return };
        let paths: Vec<PathBuf> = events
            .into_iter()
            .filter(|e| !matches!(e.kind, notify::EventKind::Access(_)))
            .flat_map(|e| e.event.paths)
            .collect();
        if !paths.is_empty() {
            let _ = tx.send(Event::Files(paths));
        }
    };
    // No cache of file ids: it would walk every content folder at start, and
    // `preview` compares documents, not names, to tell what a save changed.
    let mut watcher = notify_debouncer_full::new_debouncer_opt(
        QUIET,
        None,
        events,
        NoCache,
        notify::Config::default(),
    )?;
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    watcher.watch(&root, RecursiveMode::NonRecursive)?;
    for dir in ["content", "data", "templates", "themes", "static"] {
        let dir = root.join(dir);
        if dir.is_dir() {
            watcher.watch(&dir, RecursiveMode::Recursive).map_err(|e| {
                let error = e.to_string();
                anyhow::anyhow!(
                    "{}",
                    msg!("serve-cannot-watch", folder = &dir, error = error)
                )
            })?;
        }
    }
    Ok(watcher)
}

/// Tell the pages and the terminal what a rebuild gave.
fn applied<T: Reported>(result: Result<T, Vec<Diagnostic>>, hub: &live::Hub) -> Result<T, ()> {
    match result {
        Ok(t) => {
            t.tell(hub);
            Ok(t)
        }
        Err(diags) => {
            print_errors(&diags);
            hub.errors(&diags);
            Err(())
        }
    }
}

trait Reported {
    fn tell(&self, hub: &live::Hub);
}

impl Reported for Update {
    fn tell(&self, hub: &live::Hub) {
        hub.changed(&self.changed);
    }
}

impl Reported for Option<Update> {
    fn tell(&self, hub: &live::Hub) {
        if let Some(u) = self {
            u.tell(hub);
        }
    }
}

fn report(result: Result<Update, Vec<Diagnostic>>, hub: &live::Hub) {
    if let Ok(update) = applied(result, hub) {
        for w in &update.warnings {
            eprintln!("{w}");
        }
    }
}

fn print_errors(diags: &[Diagnostic]) {
    for d in diags {
        eprintln!("{d}");
    }
    eprintln!("\n{}", msg!("serve-keeps-last-good"));
}

fn print_update(u: &Update) {
    let first = u.changed.first().map(String::as_str).unwrap_or("none");
    let (t, c, d, f) = (u.took.as_millis() as u64, u.changed.len(), u.drawn, first);
    let removed = u.removed.len();
    let rebuilt = msg!(
        "serve-rebuilt",
        ms = t,
        changed = c,
        drawn = d,
        first = f,
        removed = removed
    );
    eprintln!("{rebuilt}");
}
