//! Owns where a theme's files come from: the default theme embedded in the
//! binary, the theme folder on disk, and the site's own `templates/`,
//! `locales/` and `static/` that override files of the same name. It reads
//! files into a [`ThemeFiles`] value; compiling templates is `templates`'s job.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::content::relative;
use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_theme.rs"));
}

/// A template's text and the path users should see in messages.
#[derive(Debug, Clone)]
pub struct TemplateSource {
    pub path: String,
    pub text: String,
}

/// A static file to copy as it is.
#[derive(Debug, Clone)]
pub enum StaticSource {
    Embedded(&'static [u8]),
    Disk(PathBuf),
}

/// Every file a build takes from themes and site overrides.
#[derive(Debug, Clone, Default)]
pub struct ThemeFiles {
    /// Template name (path under `templates/`) → source; later layers won.
    pub templates: BTreeMap<String, TemplateSource>,
    /// Fluent files by layer, lowest priority first.
    pub locales: Vec<Vec<i18n::Source>>,
    /// Output path → source; site `static/` wins over the theme's.
    pub statics: BTreeMap<String, StaticSource>,
}

/// Gathers the theme named in site.toml and the site's overrides.
pub fn load(root: &Path, theme: &str) -> (ThemeFiles, Diagnostics) {
    let mut files = ThemeFiles::default();
    let mut diags = Diagnostics::new();
    let theme_dir = root.join("themes").join(theme);
    let on_disk = theme_dir.is_dir();
    if theme == "default" || !on_disk {
        if theme != "default" {
            diags.push(
                Diagnostic::error(crate::config::FILE, 1, 1, tr!("build-theme-not-found", theme = theme))
                    .with_hint(tr!("build-theme-not-found-hint", theme = theme)),
            );
        }
        let mut layer = Vec::new();
        for (rel, bytes) in embedded::FILES {
            add_file(
                &mut files,
                &mut layer,
                rel,
                &format!("themes/default/{rel}"),
                Content::Embedded(bytes),
                &mut diags,
            );
        }
        files.locales.push(layer);
    }
    if on_disk {
        read_layer(root, &theme_dir, &mut files, &mut diags);
    }
    read_layer(root, root, &mut files, &mut diags);
    (files, diags)
}

enum Content {
    Embedded(&'static [u8]),
    Disk(PathBuf),
}

/// Reads `templates/`, `locales/` and `static/` under `dir` as one layer.
fn read_layer(root: &Path, dir: &Path, files: &mut ThemeFiles, diags: &mut Diagnostics) {
    let mut layer = Vec::new();
    for sub in ["templates", "locales", "static"] {
        let base = dir.join(sub);
        if !base.is_dir() {
            continue;
        }
        for entry in walkdir::WalkDir::new(&base).sort_by_file_name().into_iter().flatten() {
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = relative(dir, entry.path());
            let shown = relative(root, entry.path());
            add_file(files, &mut layer, &rel, &shown, Content::Disk(entry.into_path()), diags);
        }
    }
    files.locales.push(layer);
}

fn add_file(
    files: &mut ThemeFiles,
    layer: &mut Vec<i18n::Source>,
    rel: &str,
    shown: &str,
    content: Content,
    diags: &mut Diagnostics,
) {
    let read_text = |content: &Content| -> Result<String, String> {
        match content {
            Content::Embedded(bytes) => String::from_utf8(bytes.to_vec()).map_err(|e| e.to_string()),
            Content::Disk(path) => std::fs::read_to_string(path).map_err(|e| e.to_string()),
        }
    };
    if let Some(name) = rel.strip_prefix("templates/") {
        match read_text(&content) {
            Ok(text) => {
                files.templates.insert(name.to_string(), TemplateSource { path: shown.to_string(), text });
            }
            Err(e) => diags.push(Diagnostic::error(shown, 1, 1, tr!("build-cannot-read-template", error = e))),
        }
    } else if let Some(rest) = rel.strip_prefix("locales/") {
        let Some((lang, file)) = rest.split_once('/') else {
            return;
        };
        if !file.ends_with(".ftl") {
            return;
        }
        match read_text(&content) {
            Ok(text) => layer.push(i18n::Source { path: shown.to_string(), lang: lang.to_string(), text }),
            Err(e) => diags.push(Diagnostic::error(shown, 1, 1, tr!("build-cannot-read-fluent", error = e))),
        }
    } else if let Some(out) = rel.strip_prefix("static/") {
        let source = match content {
            Content::Embedded(bytes) => StaticSource::Embedded(bytes),
            Content::Disk(path) => StaticSource::Disk(path),
        };
        files.statics.insert(out.to_string(), source);
    }
}
