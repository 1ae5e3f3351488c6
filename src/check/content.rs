//! Checks the content files themselves: images without alternative text,
//! the legal-notice and accessibility pages, and translations that are
//! missing or older than their source (by the last commit touching each
//! file, when the site is in a git repository). Reads git, writes nothing.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::process::Command;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::{Site, SourceText};
use crate::content::Kind;
use crate::diag::{Diagnostic, line_col};

pub(crate) fn check(site: &Site, root: &Path) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for file in &site.sources.files {
        out.extend(images_without_alt(file));
    }
    out.extend(required_pages(site));
    out.extend(translations(site, root));
    out
}

/// `![](x.png)`: an image whose brackets hold no text.
fn images_without_alt(file: &SourceText) -> Vec<Diagnostic> {
    let body = &file.text[file.body_start..];
    let options = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut out = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        match event {
            Event::Start(Tag::Image { .. }) => open = Some((range.start, String::new())),
            Event::End(TagEnd::Image) => {
                if let Some((start, alt)) = open.take()
                    && alt.trim().is_empty()
                {
                    let (line, col) = line_col(&file.text, file.body_start + start);
                    out.push(
                        Diagnostic::warning(&file.rel, line, col, tr!("check-image-without-alt"))
                            .with_hint(tr!("check-image-without-alt-hint")),
                    );
                }
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some((_, alt)) = open.as_mut() {
                    alt.push_str(&text);
                }
            }
            _ => {}
        }
    }
    out
}

/// What a statement says about compliance, in the languages passerelle knows.
const COMPLIANCE: [&str; 6] = [
    "totalement conforme",
    "partiellement conforme",
    "non conforme",
    "fully compliant",
    "partially compliant",
    "not compliant",
];

/// The legal notice and the accessibility statement, which public bodies must publish.
fn required_pages(site: &Site) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for id in ["legal-notice", "accessibility"] {
        let pages: Vec<&SourceText> =
            site.sources.files.iter().filter(|f| f.kind == Kind::Page && f.id == id).collect();
        if pages.is_empty() {
            out.push(
                Diagnostic::error("content/pages", 1, 1, tr!("check-missing-page", page = id))
                    .with_hint(tr!("check-missing-page-hint", page = id)),
            );
        }
        if id != "accessibility" {
            continue;
        }
        for page in pages {
            let text: String = page.text.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ");
            if !COMPLIANCE.iter().any(|status| text.contains(status)) {
                out.push(
                    Diagnostic::warning(&page.rel, 1, 1, tr!("check-no-compliance-status"))
                        .with_hint(tr!("check-no-compliance-status-hint")),
                );
            }
        }
    }
    out
}

/// Items missing in a language, and translations older than their source.
fn translations(site: &Site, root: &Path) -> Vec<Diagnostic> {
    let config = site.config;
    let default = &config.default_language;
    let mut groups: BTreeMap<(Kind, &str), BTreeMap<&str, &SourceText>> = BTreeMap::new();
    for file in &site.sources.files {
        groups.entry((file.kind, &file.id)).or_default().insert(&file.lang, file);
    }
    let mut out = Vec::new();
    for files in groups.values() {
        let Some(source) = files.get(default.as_str()).or_else(|| files.values().next()) else { continue };
        for language in &config.languages {
            if !files.contains_key(language.code.as_str()) {
                let message = tr!("check-missing-translation", lang = &language.code, name = &language.name);
                let hint = tr!("check-missing-translation-hint", path = translation_path(source, &language.code));
                out.push(Diagnostic::warning(&source.rel, 1, 1, message).with_hint(hint));
            }
        }
    }
    let Some(mut git) = Git::open(root) else {
        out.push(Diagnostic::warning(crate::config::FILE, 1, 1, tr!("check-staleness-unknown")));
        return out;
    };
    for files in groups.values() {
        let Some(source) = files.get(default.as_str()) else { continue };
        let Some(changed) = git.last_commit(&source.rel) else { continue };
        for (lang, translation) in files {
            if lang == default {
                continue;
            }
            let Some(translated) = git.last_commit(&translation.rel) else { continue };
            if translated < changed {
                let (changed, translated) = (day(changed), day(translated));
                let message =
                    tr!("check-translation-older", source = &source.rel, changed = changed, translated = translated);
                out.push(
                    Diagnostic::warning(&translation.rel, 1, 1, message)
                        .with_hint(tr!("check-translation-older-hint", source = &source.rel)),
                );
            }
        }
    }
    out
}

/// The path a translation of `source` in `lang` would have.
fn translation_path(source: &SourceText, lang: &str) -> String {
    let stem = source.rel.strip_suffix(".md").unwrap_or(&source.rel);
    let stem = match stem.rsplit_once('.') {
        Some((before, code)) if code == source.lang => before,
        _ => stem,
    };
    format!("{stem}.{lang}.md")
}

/// The UTC day of a commit time.
fn day(seconds: i64) -> String {
    jiff::Timestamp::from_second(seconds)
        .map(|t| t.to_zoned(jiff::tz::TimeZone::UTC).date().to_string())
        .unwrap_or_else(|_| seconds.to_string())
}

/// The git repository holding the site, asked one file at a time.
struct Git<'a> {
    root: &'a Path,
    times: HashMap<String, Option<i64>>,
}

impl<'a> Git<'a> {
    fn open(root: &'a Path) -> Option<Git<'a>> {
        let output = Command::new("git").arg("-C").arg(root).args(["rev-parse", "--is-inside-work-tree"]).output();
        match output {
            Ok(output) if output.status.success() && output.stdout.starts_with(b"true") => {
                Some(Git { root, times: HashMap::new() })
            }
            _ => None,
        }
    }

    /// Seconds since the epoch of the last commit touching `rel`; None when never committed.
    fn last_commit(&mut self, rel: &str) -> Option<i64> {
        if let Some(known) = self.times.get(rel) {
            return *known;
        }
        let output = Command::new("git")
            .arg("-C")
            .arg(self.root)
            .args(["log", "-1", "--format=%ct", "--", rel])
            .output()
            .ok()
            .filter(|o| o.status.success());
        let time = output.and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse().ok());
        self.times.insert(rel.to_string(), time);
        time
    }
}
