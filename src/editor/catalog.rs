//! Owns what the editor knows of the site between two builds: every
//! content file with its item and language, the URL of each published
//! version, the titles reference pickers show, and the diagnostics of the
//! last survey. It is made from a survey (see `Builder::survey`) and never
//! reads pages.

use std::collections::BTreeMap;
use std::path::Path;

use crate::builder::Surveyed;
use crate::config::Config;
use crate::content::{self, Kind};
use crate::diag::{Diagnostic, Diagnostics};

/// One language version of an item.
#[derive(Debug, Clone)]
pub(crate) struct Version {
    /// The content file, relative to the site root.
    pub path: String,
    /// Site path of its page, when published.
    pub url: Option<String>,
    pub title: String,
}

/// An item (or a home page) in the languages it has.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub kind: Kind,
    pub id: String,
    pub versions: BTreeMap<String, Version>,
}

/// The site as the editor sees it.
pub(crate) struct Catalog {
    pub config: Config,
    /// By type, then id (homes have the empty id).
    pub entries: BTreeMap<(Kind, String), Entry>,
    pub diagnostics: Diagnostics,
    /// What `check` finds in the content files (missing and older translations).
    pub findings: Vec<Diagnostic>,
    /// The funders of the registry: id, and name in the default language.
    pub funders: Vec<(String, String)>,
}

impl Catalog {
    /// Every content file in `root`, with what the survey resolved.
    pub fn new(root: &Path, config: Config, surveyed: Option<&Surveyed>, diagnostics: Diagnostics) -> Catalog {
        let mut entries: BTreeMap<(Kind, String), Entry> = BTreeMap::new();
        let (found, _) = content::list(root);
        for file in found {
            let Ok((kind, id, lang)) = content::place(&file.rel, &config) else { continue };
            let entry = entries.entry((kind, id.clone())).or_insert_with(|| Entry {
                kind,
                id: id.clone(),
                versions: BTreeMap::new(),
            });
            let title = if id.is_empty() { String::new() } else { id.clone() };
            entry.versions.insert(lang, Version { path: file.rel, url: None, title });
        }
        if let Some(surveyed) = surveyed {
            let site = &surveyed.site;
            let published = site.items.iter().map(|item| (item.kind, item.id.clone(), &item.entries));
            for (kind, id, versions) in published {
                let Some(entry) = entries.get_mut(&(kind, id)) else { continue };
                for (lang, published) in versions {
                    if let Some(version) = entry.versions.get_mut(lang) {
                        version.url = Some(published.url.clone());
                        version.title = published.title.clone();
                    }
                }
            }
            for (lang, home) in &site.homes {
                if let Some(version) =
                    entries.get_mut(&(Kind::Home, String::new())).and_then(|e| e.versions.get_mut(lang))
                {
                    version.url = Some(home.url.clone());
                    version.title = home.title.clone();
                }
            }
        }
        let findings = crate::check::content_findings(root, &config);
        let default = &config.default_language;
        let funders = surveyed.map_or_else(Vec::new, |s| {
            s.site.funders.iter().map(|f| (f.id.clone(), f.name.get(default, default).text)).collect()
        });
        Catalog { config, entries, diagnostics, findings, funders }
    }

    /// The item and language of the page at `path` (a site path, with or
    /// without `index.html`).
    pub fn at_url(&self, path: &str) -> Option<(&Entry, &str)> {
        let path = path.strip_suffix("index.html").unwrap_or(path);
        self.entries.values().find_map(|entry| {
            entry.versions.iter().find(|(_, v)| v.url.as_deref() == Some(path)).map(|(lang, _)| (entry, lang.as_str()))
        })
    }

    /// Ids and titles of a type's items, in the language `lang` when they
    /// have it, sorted by title.
    pub fn choices(&self, kind: Kind, lang: &str) -> Vec<(String, String)> {
        let mut choices: Vec<(String, String)> = self
            .entries
            .values()
            .filter(|e| e.kind == kind)
            .map(|e| {
                let version = e.versions.get(lang).or_else(|| e.versions.get(&self.config.default_language));
                let title = version.or_else(|| e.versions.values().next()).map(|v| v.title.clone());
                (e.id.clone(), title.unwrap_or_else(|| e.id.clone()))
            })
            .collect();
        choices.sort_by_key(|choice| choice.1.to_lowercase());
        choices
    }

    /// Ids of a type's items.
    pub fn ids(&self, kind: Kind) -> Vec<&str> {
        self.entries.values().filter(|e| e.kind == kind).map(|e| e.id.as_str()).collect()
    }

    /// The diagnostics and findings about one file.
    pub fn about(&self, rel: &str) -> Vec<&Diagnostic> {
        let mut found: Vec<&Diagnostic> = self.diagnostics.iter().filter(|d| d.path == rel).collect();
        found.extend(self.findings.iter().filter(|d| d.path == rel));
        found
    }

    /// The path of the version of `entry` in `lang`, written or not.
    pub fn path_in(&self, entry: &Entry, lang: &str) -> String {
        if let Some(version) = entry.versions.get(lang) {
            return version.path.clone();
        }
        let file = if entry.kind == Kind::Home { "_index".to_string() } else { entry.id.clone() };
        match entry.kind {
            Kind::Home => format!("content/{file}.{lang}.md"),
            kind => format!("content/{}/{file}.{lang}.md", kind.folder()),
        }
    }
}
