//! Owns `passerelle check`: runs the whole build into memory (nothing is
//! written), then looks at the result and at the site's files for what a
//! build does not judge: links and assets of the rendered pages, resources
//! loaded from other hosts, images without alternative text, images too
//! small for where they are shown or too heavy once processed, the legal and
//! accessibility pages, and the state of translations. It only gathers
//! diagnostics; `report` formats them and the binary picks the exit code.

mod content;
mod fluent;
mod html;
mod images;
mod links;
pub mod report;

use std::path::{Path, PathBuf};

use crate::builder::Builder;
use crate::config::Config;
use crate::diag::{Diagnostics, line_col};
use crate::options::{BuildOptions, load_config};
use crate::output::Memory;
use crate::theme::{self, ThemeFiles};

/// What `check` was asked for.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    pub root: PathBuf,
    pub drafts: bool,
    pub future: bool,
    /// The day drafts of the future are judged against; today when None.
    pub today: Option<jiff::civil::Date>,
}

/// Every finding of `check` about the site in `options.root`: the build's
/// own diagnostics and the checks of this module.
pub fn check(options: &CheckOptions) -> std::io::Result<Diagnostics> {
    let build = BuildOptions {
        root: options.root.clone(),
        output: options.root.join("public"),
        base_url: None,
        drafts: options.drafts,
        future: options.future,
        today: options.today,
    };
    let memory = Memory::default();
    let mut builder = Builder::once(build);
    let display = crate::progress::Display::start(builder.progress());
    let report = builder.build(&memory)?;
    drop(display);
    let mut diags = report.diagnostics;
    let mut ignored = Diagnostics::new();
    let Some(config) = load_config(&options.root, None, &mut ignored) else {
        return Ok(diags);
    };
    let (theme, _) = theme::load(&options.root, &config.theme);
    let sources = Sources::read(&options.root, &config);
    let site = Site { root: &options.root, config: &config, theme: &theme, sources: &sources };
    if report.summary.is_some() {
        diags.extend(links::check(&site, &memory.snapshot()));
        diags.extend(images::check(&site, &report.images));
    }
    diags.extend(content::check(&site, &options.root));
    diags.extend(fluent::check(&site));
    Ok(diags)
}

/// What `check` finds in the content files alone (missing and older
/// translations, images without alternative text, required pages): the
/// editor's dashboard shows them beside the build's diagnostics.
pub(crate) fn content_findings(root: &Path, config: &Config) -> Vec<crate::diag::Diagnostic> {
    let (theme, _) = theme::load(root, &config.theme);
    let sources = Sources::read(root, config);
    let site = Site { root, config, theme: &theme, sources: &sources };
    content::check(&site, root)
}

/// What the checks read: the configuration, the theme and the content files.
pub(crate) struct Site<'a> {
    pub root: &'a Path,
    pub config: &'a Config,
    pub theme: &'a ThemeFiles,
    pub sources: &'a Sources,
}

impl Site<'_> {
    /// Where `needle` is written: in content files, else in templates.
    /// Each file containing it gives its first occurrence.
    pub fn locate(&self, needle: &str) -> Vec<(String, usize, usize)> {
        let found: Vec<_> = self.sources.files.iter().filter_map(|f| find(&f.rel, &f.text, needle)).collect();
        if !found.is_empty() {
            return found;
        }
        let mut templates: Vec<_> = self.theme.templates.values().collect();
        templates.sort_by(|a, b| a.path.cmp(&b.path));
        templates.into_iter().filter_map(|t| find(&t.path, &t.text, needle)).collect()
    }
}

fn find(path: &str, text: &str, needle: &str) -> Option<(String, usize, usize)> {
    if needle.is_empty() {
        return None;
    }
    let offset = text.find(needle)?;
    let (line, col) = line_col(text, offset);
    Some((path.to_string(), line, col))
}

/// One content file as text, with its place in the site.
pub(crate) struct SourceText {
    /// Relative to the site root, e.g. `content/news/launch.fr.md`.
    pub rel: String,
    pub text: String,
    pub kind: crate::content::Kind,
    pub id: String,
    pub lang: String,
    /// Byte offset of the Markdown body in `text`.
    pub body_start: usize,
}

/// The content files that could be read and placed (the build reports the others).
pub(crate) struct Sources {
    pub files: Vec<SourceText>,
}

impl Sources {
    fn read(root: &Path, config: &Config) -> Sources {
        let (found, _) = crate::content::list(root);
        let mut files = Vec::new();
        for file in found {
            let Ok((kind, id, lang)) = crate::content::place(&file.rel, config) else { continue };
            let Ok(text) = std::fs::read_to_string(&file.path) else { continue };
            let body_start = match crate::content::split_front_matter(&text) {
                Ok(split) => text.len() - split.body.len(),
                Err(_) => continue,
            };
            files.push(SourceText { rel: file.rel, text, kind, id, lang, body_start });
        }
        Sources { files }
    }
}
