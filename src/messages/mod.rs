//! Every sentence guong says to the people who run it — errors, warnings,
//! help lines, summaries — in Vietnamese first and English second, from one
//! message catalogue (Project Fluent, `locales/<lang>/*.ftl`), never from
//! strings scattered through the code.
//!
//! A diagnostic's message id is its stable code (`G0104`): the reports carry
//! it and the staff guides index it, so a message can be looked up in either
//! language. Its `.help` attribute is the fix the guides print. Other
//! sentences (summaries, notes) have kebab-case ids. A test checks that both
//! languages have every message the code uses, with the same variables.
//!
//! The language is chosen once per run: `--lang`, else the environment
//! (`LC_ALL`, `LC_MESSAGES`, `LANG`: English when it starts with `en`),
//! else Vietnamese.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::borrow::Cow;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::LazyLock;

/// The two languages guong publishes (Vietnamese at `/`, English under
/// `/en/`) and speaks to its users in.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Vi,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }
    pub fn other(self) -> Lang {
        match self {
            Lang::Vi => Lang::En,
            Lang::En => Lang::Vi,
        }
    }
    pub fn from_code(s: &str) -> Option<Lang> {
        match s {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

macro_rules! catalogue {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!("../../locales/vi/", $name, ".ftl")),
            include_str!(concat!("../../locales/en/", $name, ".ftl")),
        )
    };
}

/// The catalogue's files, one per part of the pipeline, so each part's
/// sentences sit together. Order does not matter; ids are unique across files.
pub const FILES: &[(&str, &str, &str)] = &[
    catalogue!("core"),
    catalogue!("yaml"),
    catalogue!("content"),
    catalogue!("source"),
    catalogue!("config"),
    catalogue!("data"),
    catalogue!("validate"),
    catalogue!("images"),
    catalogue!("banner"),
    catalogue!("check"),
    catalogue!("render"),
    catalogue!("import"),
    catalogue!("serve"),
    catalogue!("cli"),
];

type Bundle = FluentBundle<FluentResource>;

static BUNDLES: LazyLock<[Bundle; 2]> = LazyLock::new(|| [bundle(Lang::Vi), bundle(Lang::En)]);

fn bundle(lang: Lang) -> Bundle {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().expect("a valid language tag");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Fluent wraps each variable in Unicode isolation marks for mixed
    // right-to-left text; in a terminal and in tests they are invisible noise.
    bundle.set_use_isolating(false);
    for (name, vi, en) in FILES {
        let text = match lang {
            Lang::Vi => vi,
            Lang::En => en,
        };
        // The catalogue is compiled in and checked by the tests: a syntax
        // error here is a bug of this build, not of the user's site.
        let resource = FluentResource::try_new(text.to_string())
            .unwrap_or_else(|(_, e)| panic!("locales/{}/{name}.ftl: {e:?}", lang.code()));
        bundle
            .add_resource(resource)
            .unwrap_or_else(|e| panic!("locales/{}/{name}.ftl: {e:?}", lang.code()));
    }
    bundle
}

const UNSET: u8 = 0;
static CHOSEN: AtomicU8 = AtomicU8::new(UNSET);
static FROM_ENV: LazyLock<Lang> = LazyLock::new(|| from_env(|k| std::env::var(k).ok()));

/// Choose the language of every message of this run (`--lang`).
pub fn set_lang(lang: Lang) {
    CHOSEN.store(lang as u8 + 1, Ordering::Relaxed);
}

/// The language `--lang` chose, if it was given.
pub fn chosen() -> Option<Lang> {
    match CHOSEN.load(Ordering::Relaxed) {
        UNSET => None,
        n if n == Lang::En as u8 + 1 => Some(Lang::En),
        _ => Some(Lang::Vi),
    }
}

/// The language messages are written in: the one chosen, else the
/// environment's, else Vietnamese.
pub fn lang() -> Lang {
    chosen().unwrap_or(*FROM_ENV)
}

/// POSIX order: the first of these that is set and not empty decides.
fn from_env(var: impl Fn(&str) -> Option<String>) -> Lang {
    let value = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| var(k))
        .find(|v| !v.is_empty())
        .unwrap_or_default();
    if value.starts_with("en") {
        Lang::En
    } else {
        Lang::Vi
    }
}

/// A value for a message's variable. Counts stay numbers so the catalogue
/// can choose "1 file" / "2 files".
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Arg {
    Text(String),
    Count(i64),
    /// A decimal written with a point (`1.08`): Vietnamese shows a comma.
    Decimal(String),
}

impl Arg {
    /// `value` with `places` decimals, in the run's language's notation.
    pub fn decimal(value: f64, places: usize) -> Arg {
        Arg::Decimal(format!("{value:.places$}"))
    }
}

macro_rules! arg_from_count {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Count(n as i64)
            }
        }
    )*};
}
arg_from_count!(usize, u64, u32, i64, i32, u16, u8);

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}
impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}
impl From<&&str> for Arg {
    fn from(s: &&str) -> Arg {
        Arg::Text(s.to_string())
    }
}
impl From<Cow<'_, str>> for Arg {
    fn from(s: Cow<'_, str>) -> Arg {
        Arg::Text(s.into_owned())
    }
}
impl From<&std::path::Path> for Arg {
    fn from(p: &std::path::Path) -> Arg {
        Arg::Text(p.to_string_lossy().replace('\\', "/"))
    }
}
impl From<&std::path::PathBuf> for Arg {
    fn from(p: &std::path::PathBuf) -> Arg {
        Arg::from(p.as_path())
    }
}

/// One sentence of the catalogue with its variables: rendered in the run's
/// language when it is printed, so one diagnostic can be shown in either.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Msg {
    /// `G0104`, `G0104.help` (an attribute) or `check-summary`.
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

/// `msg!("G0104", key = name, suggestion = best)`: a sentence of the catalogue.
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::messages::Msg {
            id: $id,
            args: vec![$((stringify!($name), $crate::messages::Arg::from($value))),*],
        }
    };
}

pub(crate) use msg;

impl Msg {
    /// The message's code when it is a diagnostic's (`G0104`), else `None`.
    pub fn code(&self) -> Option<&'static str> {
        let (id, _) = split(self.id);
        is_code(id).then_some(id)
    }

    /// The sentence in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        render(lang, self.id, &self.args)
    }

    /// The sentence in the run's language.
    pub fn text(&self) -> String {
        self.render(lang())
    }
}

impl std::fmt::Display for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text())
    }
}

/// A diagnostic's code: `G` and four digits.
pub fn is_code(id: &str) -> bool {
    id.len() == 5 && id.starts_with('G') && id[1..].bytes().all(|b| b.is_ascii_digit())
}

fn split(id: &str) -> (&str, Option<&str>) {
    match id.split_once('.') {
        Some((id, attr)) => (id, Some(attr)),
        None => (id, None),
    }
}

/// Render message (or `message.attribute`) `id` in `lang`. A message
/// missing from the catalogue shows its id and variables rather than
/// nothing (the catalogue test keeps that from shipping).
pub fn render(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    let bundle = &BUNDLES[lang as usize];
    let (name, attr) = split(id);
    let pattern = bundle.get_message(name).and_then(|m| match attr {
        Some(a) => m.get_attribute(a).map(|a| a.value()),
        None => m.value(),
    });
    let Some(pattern) = pattern else {
        return fallback(id, args);
    };
    let mut fluent_args = FluentArgs::new();
    for (k, v) in args {
        let value = match v {
            Arg::Text(s) => FluentValue::from(s.as_str()),
            Arg::Count(n) => FluentValue::from(*n),
            Arg::Decimal(d) if lang == Lang::Vi => FluentValue::from(d.replace('.', ",")),
            Arg::Decimal(d) => FluentValue::from(d.as_str()),
        };
        fluent_args.set(*k, value);
    }
    let mut errors = vec![];
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    text.into_owned()
}

fn fallback(id: &str, args: &[(&str, Arg)]) -> String {
    let mut s = id.to_string();
    for (k, v) in args {
        match v {
            Arg::Text(t) | Arg::Decimal(t) => s.push_str(&format!(" {k}={t}")),
            Arg::Count(n) => s.push_str(&format!(" {k}={n}")),
        }
    }
    s
}

mod codes;
pub use codes::{examples, index};

#[cfg(test)]
mod tests;
