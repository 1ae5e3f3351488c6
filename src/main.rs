//! The `passerelle` command: parses arguments, runs one command, prints
//! its diagnostics and chooses the exit code.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use passerelle::check::{CheckOptions, report};
use passerelle::diag::Diagnostics;
use passerelle::pipeline::{self, BuildOptions};
use passerelle::scaffold::{self, NewItem};

#[derive(Parser)]
#[command(
    name = "passerelle",
    version,
    about = "Static sites for cooperation programmes between local and regional governments"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Creates a new site with starter content in French and English.
    Init {
        /// The folder to create the site in (created if missing).
        dir: PathBuf,
        /// Writes into a folder that is not empty, replacing the starter's files there.
        #[arg(long)]
        force: bool,
    },
    /// Writes a new item in every language of the site, front matter filled.
    New {
        /// project, partner, action, news or page.
        #[arg(value_name = "TYPE")]
        kind: String,
        /// The item's id: lowercase letters, digits and hyphens, e.g. coopjop-launch.
        id: String,
        /// The item's title; a placeholder in each language otherwise.
        #[arg(long)]
        title: Option<String>,
        /// The site's folder (with site.toml).
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Builds the site into the output folder (replaced only when the build succeeds).
    Build {
        /// The site's folder (with site.toml).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site; default: public/ in the site's folder.
        #[arg(long)]
        output: Option<PathBuf>,
        /// Overrides base_url from site.toml.
        #[arg(long)]
        base_url: Option<String>,
        /// Includes items with `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Includes news dated in the future.
        #[arg(long)]
        future: bool,
    },
    /// Checks the site without writing it: everything build checks, plus links, assets,
    /// other hosts, images without alternative text, legal pages and translations.
    Check {
        /// The site's folder (with site.toml).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// text for people, json for CI.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Exits with 1 when there is any warning too.
        #[arg(long)]
        deny_warnings: bool,
        /// Includes items with `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Includes news dated in the future.
        #[arg(long)]
        future: bool,
    },
    /// Builds the site and serves it, rebuilding and reloading browsers on changes with --watch.
    Serve {
        /// The site's folder (with site.toml).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Rebuilds on every change to content, themes, templates, locales, static files or site.toml.
        #[arg(long)]
        watch: bool,
        /// The port to listen on.
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// The address to listen on; 127.0.0.1 keeps the site to this computer.
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
        /// Opens the site in a browser.
        #[arg(long)]
        open: bool,
        /// Includes items with `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Includes news dated in the future.
        #[arg(long)]
        future: bool,
    },
}

/// How `check` prints its findings.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

fn main() -> ExitCode {
    passerelle::messages::set_locale(passerelle::messages::Locale::from_env(|name| std::env::var(name).ok()));
    let cli = Cli::parse();
    match cli.command {
        Command::Init { dir, force } => match scaffold::init(&dir, force, jiff::Zoned::now().date()) {
            Ok(written) => {
                print!("{}", scaffold::init_report(&dir, &written));
                ExitCode::SUCCESS
            }
            Err(err) => refused("init", &err),
        },
        Command::New { kind, id, title, root } => {
            let item = NewItem {
                root: &root,
                kind: &kind,
                id: &id,
                title: title.as_deref(),
                today: jiff::Zoned::now().date(),
            };
            match scaffold::new_item(&item) {
                Ok(written) => {
                    for path in written {
                        println!("{path}");
                    }
                    ExitCode::SUCCESS
                }
                Err(err) => refused("new", &err),
            }
        }
        Command::Build { root, output, base_url, drafts, future } => {
            let output = output.unwrap_or_else(|| root.join("public"));
            let options = BuildOptions { root, output, base_url, drafts, future, today: None };
            build(&options)
        }
        Command::Check { root, format, deny_warnings, drafts, future } => {
            check(&CheckOptions { root, drafts, future }, format, deny_warnings)
        }
        Command::Serve { root, watch, port, bind, open, drafts, future } => {
            let output = root.join("public");
            let build = BuildOptions { root, output, base_url: None, drafts, future, today: None };
            match passerelle::serve::serve(passerelle::serve::ServeOptions { build, bind, port, watch, open }) {
                Ok(()) => ExitCode::SUCCESS,
                Err(err) => {
                    eprintln!("error: {err}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}

fn build(options: &BuildOptions) -> ExitCode {
    match pipeline::build(options) {
        Ok(outcome) => {
            print_diagnostics(&outcome.diagnostics);
            match outcome.summary {
                Some(summary) => {
                    let mut langs: Vec<_> = summary.pages.iter().filter(|(l, _)| !l.is_empty()).collect();
                    langs.sort();
                    let per_lang: Vec<String> = langs.iter().map(|(l, n)| format!("{n} {l}")).collect();
                    println!(
                        "built {} pages ({}) into {} in {} ms",
                        summary.files,
                        per_lang.join(", "),
                        options.output.display(),
                        outcome.elapsed.as_millis()
                    );
                    ExitCode::SUCCESS
                }
                None => {
                    let errors = outcome.diagnostics.error_count();
                    eprintln!(
                        "build failed: {errors} error{}; {} left unchanged",
                        if errors == 1 { "" } else { "s" },
                        options.output.display()
                    );
                    ExitCode::FAILURE
                }
            }
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}

fn check(options: &CheckOptions, format: Format, deny_warnings: bool) -> ExitCode {
    use std::io::IsTerminal;
    let diags = match passerelle::check::check(options) {
        Ok(diags) => diags,
        Err(err) => {
            eprintln!("error: {err}");
            return ExitCode::FAILURE;
        }
    };
    match format {
        Format::Json => print!("{}", report::json(&diags)),
        Format::Text => {
            let colour = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            print!("{}", report::text(&diags, colour));
        }
    }
    let failed = diags.has_errors() || (deny_warnings && diags.warning_count() > 0);
    if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

fn refused(command: &str, err: &scaffold::Error) -> ExitCode {
    if let scaffold::Error::Config(diags) = err {
        print_diagnostics(diags);
    }
    eprintln!("passerelle {command}: {err}");
    ExitCode::FAILURE
}

fn print_diagnostics(diags: &Diagnostics) {
    for d in diags.sorted() {
        eprintln!("{d}");
    }
    let (errors, warnings) = (diags.error_count(), diags.warning_count());
    if errors + warnings > 0 {
        eprintln!("{}", passerelle::diag::counts(errors, warnings));
    }
}
