//! Owns the `build` command's contract: the options, reading `site.toml`,
//! and writing a whole build atomically to the output folder. The phases
//! themselves run in `builder`, shared with `serve`.

use std::path::{Path, PathBuf};

use crate::builder::{Builder, Report};
use crate::config::{self, Config};
use crate::diag::{Diagnostic, Diagnostics};
use crate::output;

/// What `build` (and `serve`) was asked for.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    pub output: PathBuf,
    pub base_url: Option<String>,
    pub drafts: bool,
    pub future: bool,
    /// The day drafts of the future are judged against; today when None.
    pub today: Option<jiff::civil::Date>,
}

/// Reads and checks `site.toml`, applying a `--base-url` override.
pub(crate) fn load_config(root: &Path, base_url: Option<&str>, diags: &mut Diagnostics) -> Option<Config> {
    let path = root.join(config::FILE);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            let message = if e.kind() == std::io::ErrorKind::NotFound {
                tr!("config-no-site-toml", dir = root.display().to_string())
            } else {
                tr!("config-cannot-read", error = e.to_string())
            };
            diags.push(Diagnostic::error(config::FILE, 1, 1, message).with_hint(tr!("config-no-site-toml-hint")));
            return None;
        }
    };
    let (config, found) = Config::parse(&text);
    diags.extend(found);
    let config = config?;
    match base_url {
        None => Some(config),
        Some(url) => match config.with_base_url(url) {
            Ok(config) => Some(config),
            Err(message) => {
                diags.push(Diagnostic::error("--base-url", 1, 1, message));
                None
            }
        },
    }
}

/// `passerelle build`: checks everything, renders into a staging folder,
/// and swaps it in only when there is no error.
pub fn build(options: &BuildOptions) -> std::io::Result<Report> {
    let staging = output::Staging::new(&options.output)?;
    let mut builder = Builder::new(options.clone());
    let _display = crate::progress::Display::start(builder.progress());
    let report = builder.build(&staging)?;
    if report.summary.is_some() {
        staging.commit()?;
    }
    Ok(report)
}
