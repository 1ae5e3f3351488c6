//! Owns the words of the command line itself: the help of every command and
//! argument, and the usage errors, in the user's language. clap parses; the
//! texts it would print in English are replaced here by messages of
//! `src/messages/<lang>/commands.ftl`.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, ArgMatches, Command};
use passerelle::tr;

/// The subcommands, as clap names them.
const COMMANDS: [&str; 6] = ["init", "new", "build", "check", "serve", "edit"];

/// `command` with its help texts, headings and help/version flags in the
/// user's language, and a `help [COMMAND]` subcommand of its own.
pub fn localized(command: Command) -> Command {
    let mut command = common(command)
        .about(tr!("cli-about"))
        .subcommand_help_heading(tr!("cli-heading-commands"))
        .subcommand_value_name(tr!("cli-command-placeholder"))
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(tr!("cli-version-flag"))
                .help_heading(tr!("cli-heading-options")),
        )
        .disable_help_subcommand(true)
        .subcommand(common(
            Command::new("help").about(tr!("cli-help-about")).arg(
                Arg::new("command")
                    .value_name(tr!("cli-command-placeholder"))
                    .value_parser(COMMANDS)
                    .hide_possible_values(true)
                    .help(tr!("cli-help-command"))
                    .help_heading(tr!("cli-heading-arguments")),
            ),
        ));
    for name in COMMANDS {
        command = command.mut_subcommand(name, |sub| {
            let ids: Vec<String> = sub.get_arguments().map(|arg| arg.get_id().to_string()).collect();
            // Arguments are listed in the order they were last changed, so
            // the help flag `common` adds comes after them.
            let mut sub = sub.about(about(name)).bin_name(format!("passerelle {name}"));
            for id in ids {
                sub = sub.mut_arg(id, |arg| localized_arg(name, arg));
            }
            common(sub)
        });
    }
    command
}

/// What every command shares: the usage line's heading and the help flag.
fn common(command: Command) -> Command {
    let template = format!("{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}\n", tr!("cli-usage"));
    command.help_template(template).disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help(tr!("cli-help-flag"))
            .help_heading(tr!("cli-heading-options")),
    )
}

fn about(command: &str) -> String {
    match command {
        "init" => tr!("cli-init-about"),
        "new" => tr!("cli-new-about"),
        "build" => tr!("cli-build-about"),
        "check" => tr!("cli-check-about"),
        "edit" => tr!("cli-edit-about"),
        _ => tr!("cli-serve-about"),
    }
}

/// `arg` of `command` with its help, its default and possible values in
/// the user's language, under the heading for its kind.
fn localized_arg(command: &str, arg: Arg) -> Arg {
    let mut help = arg_help(command, arg.get_id().as_str());
    let takes_value = arg.get_action().takes_values();
    let defaults: Vec<String> = arg.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
    if takes_value && !defaults.is_empty() {
        help = format!("{help} {}", tr!("cli-default", value = defaults.join(", ")));
    }
    let possible: Vec<String> = arg.get_possible_values().iter().map(|v| v.get_name().to_string()).collect();
    if takes_value && !possible.is_empty() {
        help = format!("{help} {}", tr!("cli-possible-values", values = possible.join(", ")));
    }
    let heading = if arg.is_positional() { tr!("cli-heading-arguments") } else { tr!("cli-heading-options") };
    let arg = arg.help(help).help_heading(heading);
    if takes_value { arg.hide_default_value(true).hide_possible_values(true) } else { arg }
}

fn arg_help(command: &str, id: &str) -> String {
    match (command, id) {
        ("init", "dir") => tr!("cli-init-dir"),
        ("init", "force") => tr!("cli-init-force"),
        ("new", "kind") => tr!("cli-new-type"),
        ("new", "id") => tr!("cli-new-id"),
        ("new", "title") => tr!("cli-new-title"),
        ("build", "output") => tr!("cli-build-output"),
        ("build", "base_url") => tr!("cli-build-base-url"),
        ("check", "format") => tr!("cli-check-format"),
        ("check", "deny_warnings") => tr!("cli-check-deny-warnings"),
        ("serve", "watch") => tr!("cli-serve-watch"),
        ("serve", "port") => tr!("cli-serve-port"),
        ("serve", "bind") => tr!("cli-serve-bind"),
        ("serve", "open") => tr!("cli-serve-open"),
        ("edit", "port") => tr!("cli-serve-port"),
        ("edit", "bind") => tr!("cli-edit-bind"),
        ("edit", "no_open") => tr!("cli-edit-no-open"),
        (_, "root") => tr!("cli-arg-root"),
        (_, "drafts") => tr!("cli-arg-drafts"),
        (_, "future") => tr!("cli-arg-future"),
        _ => {
            debug_assert!(false, "no help for {command} --{id}");
            String::new()
        }
    }
}

/// Parses the process's arguments. Prints the help, the version or a usage
/// error and exits when that is what they ask for or contain.
pub fn matches(mut command: Command) -> ArgMatches {
    let matches = match command.try_get_matches_from_mut(std::env::args_os()) {
        Ok(matches) => matches,
        Err(err) => match err.kind() {
            ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => err.exit(),
            _ => {
                eprint!("{}", usage_error(&err));
                std::process::exit(2);
            }
        },
    };
    if let Some(("help", help)) = matches.subcommand() {
        let shown = match help.get_one::<String>("command") {
            Some(name) => command.find_subcommand_mut(name).expect("a known command, checked by clap"),
            None => &mut command,
        };
        print!("{}", shown.render_help());
        std::process::exit(0);
    }
    matches
}

/// A usage error in the user's language, laid out as clap lays it out;
/// clap's own English text for the rare kinds not translated.
fn usage_error(err: &clap::Error) -> String {
    let get = |kind: ContextKind| -> Option<String> {
        err.get(kind).map(|value| match value {
            ContextValue::Strings(values) => values.join(", "),
            other => other.to_string(),
        })
    };
    let text = |kind: ContextKind| get(kind).unwrap_or_default();
    let (message, tip) = match err.kind() {
        ErrorKind::InvalidSubcommand => (
            tr!("cli-error-unknown-command", name = text(ContextKind::InvalidSubcommand)),
            get(ContextKind::SuggestedSubcommand).map(|name| tr!("cli-error-similar-command", name = name)),
        ),
        ErrorKind::UnknownArgument => (
            tr!("cli-error-unknown-argument", name = text(ContextKind::InvalidArg)),
            get(ContextKind::SuggestedArg).map(|name| tr!("cli-error-similar-argument", name = name)),
        ),
        ErrorKind::InvalidValue => (
            tr!(
                "cli-error-invalid-value",
                value = text(ContextKind::InvalidValue),
                arg = text(ContextKind::InvalidArg)
            ),
            get(ContextKind::ValidValue).map(|values| tr!("cli-possible-values", values = values)),
        ),
        ErrorKind::ValueValidation => (
            tr!(
                "cli-error-invalid-value-because",
                value = text(ContextKind::InvalidValue),
                arg = text(ContextKind::InvalidArg),
                reason = std::error::Error::source(err).map(|e| e.to_string()).unwrap_or_default()
            ),
            None,
        ),
        ErrorKind::MissingRequiredArgument => {
            (tr!("cli-error-missing-arguments", names = text(ContextKind::InvalidArg)), None)
        }
        _ => return err.render().to_string(),
    };
    let mut out = format!("{} {message}\n", tr!("cli-error"));
    if let Some(tip) = tip {
        out.push_str(&format!("\n  {} {tip}\n", tr!("diag-hint")));
    }
    if let Some(usage) = get(ContextKind::Usage) {
        // clap writes its own English heading before the usage line; ours replaces it.
        let usage = usage.trim().strip_prefix("Usage:").unwrap_or(&usage).trim();
        out.push_str(&format!("\n{} {usage}\n", tr!("cli-usage")));
    }
    out.push_str(&format!("\n{}\n", tr!("cli-more-information")));
    out
}
