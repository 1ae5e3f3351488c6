//! The `passerelle` command: parses arguments, runs one command, prints
//! its diagnostics and chooses the exit code.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use passerelle::check::{CheckOptions, report};
use passerelle::diag::Diagnostics;
use passerelle::pipeline::{self, BuildOptions};
use passerelle::scaffold::{self, NewItem};
use passerelle::tr;

mod cli;

/// See Cargo.toml: the build's many short-lived strings on every thread.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

// The help texts of commands and arguments are Fluent messages (see
// `localized`), so they follow the user's language; the names here are
// the ones clap parses.
#[derive(Parser)]
#[command(name = "passerelle", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Init {
        dir: PathBuf,
        #[arg(long)]
        force: bool,
    },
    New {
        #[arg(value_name = "TYPE")]
        kind: String,
        id: String,
        #[arg(long)]
        title: Option<String>,
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    Build {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long)]
        output: Option<PathBuf>,
        #[arg(long)]
        base_url: Option<String>,
        #[arg(long)]
        drafts: bool,
        #[arg(long)]
        future: bool,
    },
    Check {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[arg(long)]
        deny_warnings: bool,
        #[arg(long)]
        drafts: bool,
        #[arg(long)]
        future: bool,
    },
    Serve {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long)]
        watch: bool,
        #[arg(long, default_value_t = 1111)]
        port: u16,
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
        #[arg(long)]
        open: bool,
        #[arg(long)]
        drafts: bool,
        #[arg(long)]
        future: bool,
    },
    Edit {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long, default_value_t = 1111)]
        port: u16,
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
        #[arg(long)]
        no_open: bool,
        #[arg(long)]
        drafts: bool,
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
    let matches = cli::matches(cli::localized(Cli::command()));
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|err| err.exit());
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
            let Some(today) = fixed_today() else { return ExitCode::FAILURE };
            let output = output.unwrap_or_else(|| root.join("public"));
            let options = BuildOptions { root, output, base_url, drafts, future, today };
            build(&options)
        }
        Command::Check { root, format, deny_warnings, drafts, future } => {
            let Some(today) = fixed_today() else { return ExitCode::FAILURE };
            check(&CheckOptions { root, drafts, future, today }, format, deny_warnings)
        }
        Command::Edit { root, port, bind, no_open, drafts, future } => edit(root, port, bind, !no_open, drafts, future),
        Command::Serve { root, watch, port, bind, open, drafts, future } => {
            let Some(today) = fixed_today() else { return ExitCode::FAILURE };
            let output = root.join("public");
            let build = BuildOptions { root, output, base_url: None, drafts, future, today };
            match passerelle::serve::serve(passerelle::serve::ServeOptions { build, bind, port, watch, open }) {
                Ok(()) => ExitCode::SUCCESS,
                Err(err) => {
                    eprintln!("{} {err}", tr!("cli-error"));
                    ExitCode::FAILURE
                }
            }
        }
    }
}

/// `passerelle edit`: the dev server with the editor, on loopback only.
fn edit(root: PathBuf, port: u16, bind: String, open: bool, drafts: bool, future: bool) -> ExitCode {
    let Some(today) = fixed_today() else { return ExitCode::FAILURE };
    let output = root.join("public");
    let build = BuildOptions { root, output, base_url: None, drafts, future, today };
    match passerelle::editor::edit(passerelle::editor::EditOptions { build, bind, port, open }) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("{} {err}", tr!("cli-error"));
            ExitCode::FAILURE
        }
    }
}

/// The build date `PASSERELLE_TODAY` fixes (`2026-03-01`), for
/// reproducible builds and tests: which actions are upcoming and which
/// news lie in the future. `Some(None)` when unset (the real date);
/// `None`, with the error printed, when it is not a date.
fn fixed_today() -> Option<Option<jiff::civil::Date>> {
    let Some(value) = std::env::var_os("PASSERELLE_TODAY").filter(|v| !v.is_empty()) else { return Some(None) };
    let value = value.to_string_lossy();
    match value.trim().parse::<jiff::civil::Date>() {
        Ok(date) if value.trim().len() == 10 => Some(Some(date)),
        _ => {
            eprintln!("{} {}", tr!("cli-error"), tr!("cli-error-today", value = value.to_string()));
            None
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
                        "{}",
                        tr!(
                            "cli-built",
                            pages = summary.files,
                            languages = per_lang.join(", "),
                            output = options.output.display().to_string(),
                            ms = outcome.elapsed.as_millis() as u64
                        )
                    );
                    let images = &outcome.images;
                    if images.shown > 0 {
                        println!(
                            "{}",
                            tr!("cli-images", shown = images.shown, encoded = images.encoded, reused = images.reused)
                        );
                    }
                    ExitCode::SUCCESS
                }
                None => {
                    let errors = outcome.diagnostics.error_count();
                    let output = options.output.display().to_string();
                    eprintln!("{}", tr!("cli-build-failed", errors = errors, output = output));
                    ExitCode::FAILURE
                }
            }
        }
        Err(err) => {
            eprintln!("{} {err}", tr!("cli-error"));
            ExitCode::FAILURE
        }
    }
}

fn check(options: &CheckOptions, format: Format, deny_warnings: bool) -> ExitCode {
    use std::io::IsTerminal;
    let diags = match passerelle::check::check(options) {
        Ok(diags) => diags,
        Err(err) => {
            eprintln!("{} {err}", tr!("cli-error"));
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
