//! Command-line interface: argument definitions and the glue that runs a
//! command through the library's stages. No content logic lives here.

use crate::config::Lang;
use crate::error::{BuildFailed, Diagnostic, Location, Severity};
use crate::messages::{msg, Arg};
use crate::Options;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::time::Instant;

/// A line on standard error. A closed standard error (`2>&1 | head`) loses
/// the message but never panics: `eprintln!` would.
macro_rules! note {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

#[derive(Parser, Debug)]
#[command(
    name = "guong",
    version,
    about = "Builds the website of the exemplary models (điển hình tiên tiến) of Sơn La province",
    long_about = "guong turns the profiles, congresses, movements and slogans written in content/ and data/ \
                  into a bilingual website (Vietnamese at /, English under /en/).\n\n\
                  Everyday use:\n  guong serve        preview the site in your browser\n  guong check        find mistakes without building\n  guong build        build the site into public/"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// The language of messages (and of `search`): `vi` or `en`. Default:
    /// Vietnamese, or English when the environment's LANG is English.
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
}

#[derive(clap::Args, Debug, Clone)]
pub struct SiteArgs {
    /// The site folder (the one with site.yaml). Default: the current folder.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Include profiles and pages marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Build the website into the output folder (public/ by default).
    ///
    /// The new site replaces the old one only when the whole build succeeded:
    /// a mistake in the content never leaves a broken site behind.
    Build {
        #[command(flatten)]
        site: SiteArgs,
        /// Where to write the site. Default: public/ inside the site folder.
        #[arg(long)]
        out: Option<PathBuf>,
        /// The address the site will be published at (overrides base_url in site.yaml).
        #[arg(long)]
        base_url: Option<String>,
    },
    /// Check the whole site for mistakes without writing anything.
    ///
    /// Everything `build` checks, and then every page as it would be built:
    /// links and #anchors that lead nowhere, images that do not exist. Lists
    /// errors, then warnings (profiles without a photo, readings still to
    /// check against the original document), and prints the
    /// translation report on standard output. Exits with 1 when there is an
    /// error, 0 otherwise.
    Check {
        #[command(flatten)]
        site: SiteArgs,
        /// The report on standard output: `table` sums up what needs
        /// translating, `csv` lists every translatable item for a spreadsheet
        /// (`> translations.csv`), `json` every diagnostic with its code and
        /// every translatable item, for programs.
        #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
        format: ReportFormat,
        /// List every warning, also the kinds that are summed up in one
        /// line when there are many (profiles without a photo, readings to
        /// check), and every translation that needs work.
        #[arg(long)]
        verbose: bool,
    },
    /// Preview the site at http://127.0.0.1:PORT/, updated as you save.
    ///
    /// The preview is built in memory (public/ is not touched). Saving a file
    /// redraws what it changed and reloads the open pages; a mistake shows
    /// over the page, naming the file and line, until it is fixed.
    Serve {
        #[command(flatten)]
        site: SiteArgs,
        /// The port to listen on.
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// The address to listen on. Use 0.0.0.0 to preview from a phone on
        /// the same network.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
    },
    /// Search the site as the public would, from the terminal.
    ///
    /// Answers from the same index and with the same ranking as the search
    /// page of the website. Diacritics are optional: "son la" finds "Sơn La".
    Search {
        /// What to look for, e.g. "tran thanh son" or "hợp tác xã".
        query: String,
        /// Print the results as JSON.
        #[arg(long)]
        json: bool,
        /// How many results to show.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        #[command(flatten)]
        site: SiteArgs,
    },
    /// Write JSON Schemas of the front matter and data files, for editors.
    ///
    /// One schema per content kind (profile, congress, movement, page and
    /// their English files), per data file and for site.yaml, with this
    /// site's keys (fields, communes, awards, movements) listed so editors
    /// offer them. Run it again after changing data/*.yaml.
    Schema {
        /// The site folder (the one with site.yaml).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the schemas. Default: schemas/ inside the site folder.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Create a new profile or movement from a template.
    New {
        #[command(subcommand)]
        what: NewCommand,
    },
    /// Create profiles from a spreadsheet (CSV, XLSX, XLS or ODS), or add awards to existing ones.
    ///
    /// One profile per person or collective (name + organisation); a row of
    /// someone who already has a profile adds its award to that profile, once.
    /// Headers may be in Vietnamese ("Họ và tên", "Chức vụ", "Đơn vị",
    /// "Lĩnh vực", "Hình thức khen thưởng", "Năm", "Số quyết định"…).
    /// Nothing a writer wrote is ever overwritten. Try --dry-run first.
    Import {
        /// The spreadsheet file.
        file: PathBuf,
        /// The site folder (the one with site.yaml).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Say which header holds which key, e.g. --map "Tên đơn vị=organization,Ghi chú=ignore".
        /// Keys: name, kind, honorific, role, organization, field, commune,
        /// ethnicity, award, year, decision, summary, ignore.
        #[arg(long, value_name = "HEADER=KEY,...")]
        map: Vec<String>,
        /// The worksheet to read (default: the first).
        #[arg(long)]
        sheet: Option<String>,
        /// The field (lĩnh vực) of rows that do not give one: a key or name of data/fields.yaml.
        #[arg(long)]
        field: Option<String>,
        /// The publication date of new profiles, YEAR-MONTH-DAY (default: today).
        #[arg(long)]
        date: Option<String>,
        /// Create the new profiles as drafts (`draft: true`).
        #[arg(long)]
        draft: bool,
        /// Show what would be created and updated, and write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Convert text typed in the old Vietnamese encodings (TCVN3/ABC, VNI) to Unicode.
    ///
    /// The lines `check` reports as TCVN3 or VNI text ("§oµn kÕt",
    /// "Ñoaøn keát") are rewritten in Unicode ("Đoàn kết"); every other line
    /// is left as it is. Prints each line it converts.
    FixEncoding {
        /// The content or data files to convert.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Show what would be converted, and write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Tools for guong's developers (the fixture generators are in xtask/).
    #[command(hide = true)]
    Dev {
        #[command(subcommand)]
        what: DevCommand,
    },
}

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    Table,
    Csv,
    Json,
}

#[derive(Subcommand, Debug)]
pub enum DevCommand {
    /// Print the Snowball English stem of each word read from standard
    /// input, one per line (for the stemmer parity test).
    Stem,
}

#[derive(Subcommand, Debug)]
pub enum NewCommand {
    /// Create content/profiles/<slug>/index.vi.md for a person or collective.
    Profile {
        /// The full name, with diacritics, e.g. "Trần Thanh Sơn".
        name: String,
        /// The site folder.
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Create content/movements/<slug>.vi.md for an emulation movement.
    Movement {
        /// The movement's name, e.g. "Dân vận khéo".
        title: String,
        /// The site folder.
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

fn print_diagnostics(diags: &[Diagnostic]) {
    for d in diags {
        note!("{d}");
    }
}

/// A failure whose report is already printed.
#[derive(Debug)]
struct Reported;

impl std::fmt::Display for Reported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", msg!("cli-errors-found"))
    }
}

impl std::error::Error for Reported {}

fn report_failure(err: &anyhow::Error) {
    if err.downcast_ref::<Reported>().is_some() {
        return;
    }
    if let Some(BuildFailed(diags)) = err.downcast_ref::<BuildFailed>() {
        print_diagnostics(diags);
        let errors = diags
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        // A command that failed on the site's errors says why it needed them.
        if err.chain().count() > 1 {
            note!("\n{err}");
        }
        note!("\n{}", msg!("cli-build-failed", count = errors));
    } else {
        note!("{}: {err:#}", msg!("label-error"));
    }
}

/// Search the site from the terminal, as the search page would.
fn search(
    site: &SiteArgs,
    lang: Lang,
    query: &str,
    json: bool,
    limit: usize,
) -> anyhow::Result<()> {
    let loaded = crate::load(&options(site, None))?;
    let theme = crate::theme::Theme::load(&loaded.site.config).map_err(BuildFailed)?;
    let answer = crate::search::query(&loaded.site, &theme.strings, lang, query, limit)?;
    let t = &theme.strings[&lang];
    if json {
        let out = serde_json::json!({
            "query": query, "lang": lang.code(), "total": answer.total,
            "results": answer.results, "suggestion": answer.suggestion,
        });
        return emit(&format!("{}\n", serde_json::to_string_pretty(&out)?));
    }
    let mut text = String::new();
    if let Some(fixed) = &answer.suggestion {
        text += &format!("{} {fixed}\n", t.get("search_suggest"));
    }
    if answer.results.is_empty() {
        text += &format!("{}\n", msg!("cli-search-none", query = query));
    } else {
        let found = msg!("cli-search-results", count = answer.total, query = query);
        text += &format!("{found}\n");
        for (i, h) in answer.results.iter().enumerate() {
            text += &format!("{:>3}. {} ({})\n     {}\n", i + 1, h.title, h.kind, h.url);
        }
    }
    emit(&text)
}

/// Writes what a user may pipe into another program (a report, results)
/// to standard output. A reader that stops early (`| head`) closes the
/// pipe: that is a normal end, which [`main`] turns into a quiet exit 0,
/// as ripgrep does, rather than a panic.
fn emit(text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// Commands that work on a site refuse a folder that is not one, rather
/// than start a preview of nothing or create content in the wrong place.
fn require_site(root: &std::path::Path) -> anyhow::Result<()> {
    if root.join("site.yaml").is_file() {
        return Ok(());
    }
    anyhow::bail!(
        "{}\n  {}: {}",
        msg!("cli-not-a-site", folder = root),
        msg!("label-help"),
        msg!("cli-not-a-site.help")
    )
}

/// Did the command stop because the reader of its output went away?
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Errors, then warnings, on standard error; the report on standard
/// output (so it can be redirected); the verdict last.
fn print_check(
    report: &crate::check::Report,
    format: ReportFormat,
    verbose: bool,
) -> anyhow::Result<()> {
    use crate::check::{report as text, translations};
    let diagnostics = text::diagnostics(report, verbose);
    if !diagnostics.is_empty() {
        note!("{}", diagnostics.trim_end());
    }
    if format == ReportFormat::Json {
        emit(&format!(
            "{}\n",
            serde_json::to_string_pretty(&text::json(report))?
        ))?;
    } else if let Some(rows) = &report.translations {
        if format == ReportFormat::Table && !diagnostics.is_empty() {
            note!();
        }
        emit(&match format {
            ReportFormat::Csv => translations::csv(rows),
            _ => translations::table(rows, verbose),
        })?;
    }
    note!("\n{}", text::verdict(report));
    Ok(())
}

fn options(site: &SiteArgs, base_url: Option<String>) -> Options {
    Options {
        root: site.root.clone(),
        base_url,
        drafts: site.drafts,
    }
}

/// Run the command line; returns the process exit code.
pub fn main() -> i32 {
    let cli = Cli::parse();
    if let Some(lang) = cli.lang {
        crate::messages::set_lang(lang);
    }
    match run(cli) {
        Ok(()) => 0,
        Err(e) if is_broken_pipe(&e) => 0,
        Err(e) => {
            report_failure(&e);
            1
        }
    }
}

pub fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Build {
            site,
            out,
            base_url,
        } => build(&site, out, base_url),
        Command::Check {
            site,
            format,
            verbose,
        } => {
            let report = crate::check(&options(&site, None));
            print_check(&report, format, verbose)?;
            if report.ok() {
                Ok(())
            } else {
                Err(Reported.into())
            }
        }
        Command::Serve { site, port, bind } => {
            require_site(&site.root)?;
            let mut opts = options(&site, None);
            opts.root = std::fs::canonicalize(&opts.root).map_err(|e| {
                let (dir, error) = (&opts.root, e.to_string());
                anyhow::anyhow!(
                    "{}",
                    msg!("cli-cannot-open-site", folder = dir, error = error)
                )
            })?;
            crate::serve::serve(&opts, bind, port)
        }
        Command::Search {
            query,
            json,
            limit,
            site,
        } => {
            // The index searched is the one `--lang` names, Vietnamese
            // otherwise: the environment chooses messages, not content.
            let lang = cli.lang.unwrap_or(Lang::Vi);
            search(&site, lang, &query, json, limit)
        }
        Command::Dev { what } => dev(what),
        Command::Schema { root, out } => {
            require_site(&root)?;
            let out = out.unwrap_or_else(|| root.join(crate::schema::DIR));
            let written = crate::schema::write(&root, &out)?;
            note!(
                "{}",
                msg!("cli-wrote-schemas", count = written.len(), folder = &out)
            );
            Ok(())
        }
        Command::Import {
            file,
            root,
            map,
            sheet,
            field,
            date,
            draft,
            dry_run,
        } => {
            let report = crate::import::run(&crate::import::ImportOptions {
                root,
                file,
                sheet,
                map,
                field,
                date,
                draft,
                dry_run,
            })?;
            emit(&report.to_string())
        }
        Command::New { what } => new(what),
        Command::FixEncoding { paths, dry_run } => fix_encoding(&paths, dry_run),
    }
}

/// `guong fix-encoding`: each file's old-encoding lines converted in place.
fn fix_encoding(paths: &[PathBuf], dry_run: bool) -> anyhow::Result<()> {
    let (mut report, mut lines, mut failed) = (String::new(), 0, false);
    for path in paths {
        let text = match std::fs::read(path).map(String::from_utf8) {
            Ok(Ok(text)) => text,
            Ok(Err(_)) => {
                let d =
                    Diagnostic::error(Location::file(path), msg!("G0801")).help(msg!("G0801.help"));
                note!("{d}");
                failed = true;
                continue;
            }
            Err(e) => {
                let d =
                    Diagnostic::error(Location::file(path), msg!("G0802", error = e.to_string()))
                        .help(msg!("G0802.help"));
                note!("{d}");
                failed = true;
                continue;
            }
        };
        let (fixed, found) = crate::text::legacy::fix(&text);
        for f in &found {
            let name = f.encoding.name();
            report += &format!("{}:{}: {name} → {}\n", path.display(), f.line, f.converted);
        }
        lines += found.len();
        if !found.is_empty() && !dry_run {
            crate::output::write_file(path, fixed.as_bytes(), crate::output::Existing::Replace)?;
        }
    }
    emit(&report)?;
    let files = paths.len();
    let done = if dry_run {
        msg!("cli-would-convert", lines = lines, files = files)
    } else {
        msg!("cli-converted", lines = lines, files = files)
    };
    note!("{done}");
    if failed {
        return Err(Reported.into());
    }
    Ok(())
}

fn build(site: &SiteArgs, out: Option<PathBuf>, base_url: Option<String>) -> anyhow::Result<()> {
    let start = Instant::now();
    let out = out.unwrap_or_else(|| site.root.join("public"));
    let built = crate::build(&options(site, base_url), &out)?;
    print_diagnostics(&built.warnings);
    let seconds = Arg::decimal(start.elapsed().as_secs_f64(), 2);
    let (n, f, dir) = (built.profiles, built.files, &out);
    let done = msg!(
        "cli-built",
        profiles = n,
        files = f,
        folder = dir,
        seconds = seconds
    );
    note!("{done}");
    Ok(())
}

fn new(what: NewCommand) -> anyhow::Result<()> {
    match what {
        NewCommand::Profile { name, root } => {
            require_site(&root)?;
            let path = crate::scaffold::new_profile(&root, &name)?;
            note!("{}", msg!("cli-created", file = &path));
            let slug = path
                .parent()
                .and_then(|d| d.file_name())
                .unwrap_or_default();
            // The preview serves the site at its root, whatever base_url says.
            let page = crate::config::Config::load(&root)
                .map(|c| crate::paths::Urls::new(&c).profile(Lang::Vi, &slug.to_string_lossy()))
                .unwrap_or_default();
            note!("{}", msg!("cli-new-profile-next", page = page));
        }
        NewCommand::Movement { title, root } => {
            require_site(&root)?;
            let path = crate::scaffold::new_movement(&root, &title)?;
            note!("{}", msg!("cli-created", file = &path));
            // Profiles name movements by file: the editors should offer the new one now.
            let schemas = root.join(crate::schema::DIR);
            if schemas.is_dir() {
                match crate::schema::write(&root, &schemas) {
                    Ok(_) => note!("{}", msg!("cli-schemas-updated", folder = &schemas)),
                    Err(e) => {
                        let (dir, e) = (&schemas, format!("{e:#}"));
                        note!(
                            "{}",
                            msg!("cli-schemas-not-updated", folder = dir, error = e)
                        )
                    }
                }
            }
        }
    }
    Ok(())
}

fn dev(what: DevCommand) -> anyhow::Result<()> {
    match what {
        DevCommand::Stem => {
            use std::io::{BufRead, Write};
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            for word in std::io::stdin().lock().lines() {
                writeln!(out, "{}", crate::search::analyze::stem_english(&word?))?;
            }
            out.flush()?;
        }
    }
    Ok(())
}
