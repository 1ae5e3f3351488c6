//! Owns what a build is asked for: the options `build`, `serve`, `check`
//! and `edit` share, and reading `site.toml` under them (a `--base-url`
//! applied). It reads that one file and builds nothing; `builder` runs the
//! phases, `pipeline` writes a whole build to the output folder.

use std::path::{Path, PathBuf};

use crate::config::{self, Config};
use crate::diag::{Diagnostic, Diagnostics};

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
