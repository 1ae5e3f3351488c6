//! Checks the UI strings: a message one language has and another lacks,
//! and messages the site's own `locales/` define that no template uses.
//! A template uses a message through `t(key="id")`; a key built with `~`
//! (`"status-" ~ x`) uses every id with that prefix.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::Entry;

use super::Site;
use crate::diag::{Diagnostic, line_col};

/// Where a message is defined.
#[derive(Debug, Clone)]
struct Place {
    path: String,
    line: usize,
    col: usize,
    /// Defined by the site's `locales/`, not by a theme.
    site: bool,
    /// Also defined by a theme, which the site overrides.
    overrides: bool,
}

pub(crate) fn check(site: &Site) -> Vec<Diagnostic> {
    let config = site.config;
    // Language → message id → its effective definition.
    let mut defined: BTreeMap<String, BTreeMap<String, Place>> = BTreeMap::new();
    for source in site.theme.locales.iter().flatten() {
        if config.language(&source.lang).is_none() {
            continue;
        }
        let is_site = source.path.starts_with("locales/");
        let messages = defined.entry(source.lang.clone()).or_default();
        for (id, offset) in message_ids(&source.text) {
            let (line, col) = line_col(&source.text, offset);
            let overrides = messages.get(&id).is_some_and(|p| !p.site || p.overrides);
            messages.insert(id, Place { path: source.path.clone(), line, col, site: is_site, overrides });
        }
    }
    let mut out = Vec::new();
    for language in &config.languages {
        let own = defined.get(&language.code);
        let mut reported = BTreeSet::new();
        for other in config.languages.iter().filter(|l| l.code != language.code) {
            let Some(theirs) = defined.get(&other.code) else { continue };
            for (id, place) in theirs {
                if own.is_some_and(|own| own.contains_key(id)) || !reported.insert(id.clone()) {
                    continue;
                }
                let message = tr!("check-fluent-missing", id = id, lang = &language.code, name = &language.name);
                let target = place.path.replacen(&format!("/{}/", other.code), &format!("/{}/", language.code), 1);
                out.push(
                    Diagnostic::warning(&place.path, place.line, place.col, message)
                        .with_hint(tr!("check-fluent-missing-hint", path = target)),
                );
            }
        }
    }
    let uses = Uses::of(site.theme.templates.values().map(|t| t.text.as_str()));
    // A message the theme has in another language is the theme's, used by
    // templates or by passerelle itself (a site adding Arabic writes them all).
    let theme_ids: BTreeSet<&String> =
        defined.values().flat_map(|messages| messages.iter()).filter(|(_, p)| !p.site).map(|(id, _)| id).collect();
    for messages in defined.values() {
        for (id, place) in messages {
            if place.site && !place.overrides && !theme_ids.contains(id) && !uses.covers(id) {
                out.push(
                    Diagnostic::warning(&place.path, place.line, place.col, tr!("check-fluent-unused", id = id))
                        .with_hint(tr!("check-fluent-unused-hint", id = id)),
                );
            }
        }
    }
    out
}

/// The message ids of a Fluent file with their byte offsets (terms aside).
fn message_ids(text: &str) -> Vec<(String, usize)> {
    let resource = match fluent_syntax::parser::parse(text) {
        Ok(resource) => resource,
        Err((resource, _)) => resource,
    };
    let start = text.as_ptr() as usize;
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            Entry::Message(m) => Some((m.id.name.to_string(), (m.id.name.as_ptr() as usize).saturating_sub(start))),
            _ => None,
        })
        .collect()
}

/// The message keys templates name: exact ids and prefixes.
#[derive(Debug, Default)]
struct Uses {
    exact: BTreeSet<String>,
    prefixes: BTreeSet<String>,
}

impl Uses {
    fn of<'t>(templates: impl Iterator<Item = &'t str>) -> Uses {
        let mut uses = Uses::default();
        for text in templates {
            let mut rest = text;
            while let Some(found) = rest.find("key") {
                rest = &rest[found + 3..];
                let after = rest.trim_start();
                let Some(after) = after.strip_prefix('=') else { continue };
                let after = after.trim_start();
                let Some(quote) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else { continue };
                let inner = &after[1..];
                let Some(end) = inner.find(quote) else { continue };
                let key = &inner[..end];
                let id = key.split('.').next().unwrap_or(key).to_string();
                if inner[end + 1..].trim_start().starts_with('~') {
                    uses.prefixes.insert(key.to_string());
                } else {
                    uses.exact.insert(id);
                }
            }
        }
        uses
    }

    fn covers(&self, id: &str) -> bool {
        self.exact.contains(id) || self.prefixes.iter().any(|p| id.starts_with(p.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_use_literal_keys_and_prefixes() {
        let uses = Uses::of(
            ["{{ t(key=\"nav-main\") }} {{ t(key = 'footer.title') }} {{ t(key=\"status-\" ~ x) }} {{ t(key=v) }}"]
                .into_iter(),
        );
        for (id, used) in [("nav-main", true), ("footer", true), ("status-ongoing", true), ("other", false)] {
            assert_eq!(uses.covers(id), used, "{id}");
        }
    }

    #[test]
    fn message_ids_have_their_offsets() {
        assert_eq!(message_ids("a = A\n-term = T\n\nb-c = B\n"), [("a".to_string(), 0), ("b-c".to_string(), 17)]);
    }
}
