//! Owns the order of the phases of a build: config, theme, UI strings,
//! templates, content, resolution, Markdown, pages, output. Each phase
//! reports into one Diagnostics value and the next runs on what the
//! previous produced, so one run reports every problem.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::config::{self, Config};
use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::Locales;
use crate::pages::Bodies;
use crate::render::{self, Sink, Summary};
use crate::resolve::{self, Site};
use crate::templates::Engine;
use crate::theme::{self, ThemeFiles};
use crate::{content, output};

/// What `build` was asked for.
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

/// Everything a site needs before pages are rendered.
pub struct Loaded {
    pub(crate) site: Site,
    pub(crate) engine: Engine,
    pub(crate) theme: ThemeFiles,
    pub(crate) bodies: Bodies,
}

/// The result of a build.
#[derive(Debug)]
pub struct Outcome {
    pub diagnostics: Diagnostics,
    /// Present when the output was written.
    pub summary: Option<Summary>,
    pub elapsed: Duration,
}

/// Reads and checks a whole site, without writing anything.
pub fn load(options: &BuildOptions) -> (Option<Loaded>, Diagnostics) {
    let mut diags = Diagnostics::new();
    let Some(config) = load_config(&options.root, options.base_url.as_deref(), &mut diags) else {
        return (None, diags);
    };
    let (theme, found) = theme::load(&options.root, &config.theme);
    diags.extend(found);
    let (locales, found) = Locales::load(theme.locales.clone(), &config.language_codes());
    diags.extend(found);
    let (engine, found) = Engine::new(&theme.templates, Arc::new(locales));
    diags.extend(found);

    let (files, found) = content::scan(&options.root, &config);
    diags.extend(found);
    let today = options.today.unwrap_or_else(|| jiff::Zoned::now().date());
    let resolve_options = resolve::Options { drafts: options.drafts, future: options.future, today };
    let (site, found) = resolve::resolve(&config, files, &resolve_options);
    diags.extend(found);

    let Some(engine) = engine else { return (None, diags) };
    let (bodies, found) = render::bodies(&site, &engine);
    diags.extend(found);
    (Some(Loaded { site, engine, theme, bodies }), diags)
}

fn load_config(root: &Path, base_url: Option<&str>, diags: &mut Diagnostics) -> Option<Config> {
    let path = root.join(config::FILE);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            let message = if e.kind() == std::io::ErrorKind::NotFound {
                format!("no site.toml in {}", root.display())
            } else {
                format!("cannot read site.toml: {e}")
            };
            diags.push(Diagnostic::error(config::FILE, 1, 1, message).with_hint(
                "run passerelle in the site's folder, pass --root DIR, or create a site with 'passerelle init DIR'",
            ));
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

/// Renders a loaded site into `sink`.
pub fn render_all(loaded: &Loaded, sink: &dyn Sink) -> std::io::Result<(Summary, Diagnostics)> {
    let (summary, diags) = render::pages(&loaded.site, &loaded.engine, &loaded.bodies, sink)?;
    render::statics(&loaded.theme, sink)?;
    Ok((summary, diags))
}

/// `passerelle build`: checks everything, renders into a staging folder,
/// and swaps it in only when there is no error.
pub fn build(options: &BuildOptions) -> std::io::Result<Outcome> {
    let started = Instant::now();
    let (loaded, mut diags) = load(options);
    let Some(loaded) = loaded else {
        return Ok(Outcome { diagnostics: diags, summary: None, elapsed: started.elapsed() });
    };
    if diags.has_errors() {
        // Rendering pages from invalid content would only add noise
        // (a template tripping on a value already reported).
        return Ok(Outcome { diagnostics: diags, summary: None, elapsed: started.elapsed() });
    }
    let staging = output::Staging::new(&options.output)?;
    let (summary, found) = render_all(&loaded, &staging)?;
    diags.extend(found);
    if diags.has_errors() {
        drop(staging);
        return Ok(Outcome { diagnostics: diags, summary: None, elapsed: started.elapsed() });
    }
    staging.commit()?;
    Ok(Outcome { diagnostics: diags, summary: Some(summary), elapsed: started.elapsed() })
}
