//! Checks what the rendered pages point to: links and assets inside the
//! site must exist in the build, a `#fragment` must name an element of its
//! page, every `<img>` must have an `alt` attribute, and nothing a page
//! loads may come from another host. Findings are located in the content file or template that
//! writes the URL when it can be found there, else at the output page.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::Site;
use super::html::{self, Tag};
use crate::diag::Diagnostic;
use crate::output::Files;
use crate::theme::StaticSource;
use crate::urls::{has_scheme, normalize, percent_decode, split_url, strip_query};

/// Where a URL leads, seen from a page of the site.
#[derive(Debug, PartialEq, Eq)]
enum Target {
    /// A file of the site: output path, without query or fragment.
    Internal(String),
    /// Another host.
    External,
    /// Not checked: fragments, mail, other schemes, paths outside the root.
    Ignored,
}

/// What a URL found in a page is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Use {
    Link,
    Image,
    File,
}

impl Use {
    /// The stable code messages select their wording with.
    fn code(self) -> &'static str {
        match self {
            Use::Link => "link",
            Use::Image => "image",
            Use::File => "file",
        }
    }
}

/// What is wrong with a URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Issue {
    /// It leads to no file of the build.
    Missing(Use),
    /// The page loads it from another host.
    External,
    /// Its `#fragment` names no element of the page it leads to.
    MissingAnchor,
    /// An `<img>` with this source has no `alt` attribute at all.
    NoAlt,
}

/// One finding before it is located: what is wrong and the URL as written.
type Finding = (Issue, String);

/// The ids of every HTML page of the build, by output path: what a
/// `#fragment` may name.
type Anchors = HashMap<String, HashSet<String>>;

pub(crate) fn check(site: &Site, files: &Files) -> Vec<Diagnostic> {
    let base = Base::new(&site.config.base_url);
    let mut paths: Vec<&String> = files.keys().collect();
    paths.sort();
    let pages: Vec<(&String, html::Document)> = paths
        .iter()
        .filter(|path| path.ends_with(".html"))
        .filter_map(|path| Some((*path, html::parse(std::str::from_utf8(&files[*path]).ok()?))))
        .collect();
    let anchors: Anchors = pages
        .iter()
        .map(|(path, doc)| {
            let ids = doc
                .tags
                .iter()
                .filter_map(|tag| tag.attr("id").or_else(|| if tag.name == "a" { tag.attr("name") } else { None }));
            (path.to_string(), ids.map(str::to_string).collect())
        })
        .collect();
    let docs: HashMap<&String, &html::Document> = pages.iter().map(|(path, doc)| (*path, doc)).collect();
    // Finding → the output pages it was seen on.
    let mut found: BTreeMap<Finding, Vec<String>> = BTreeMap::new();
    for path in paths {
        let Ok(text) = std::str::from_utf8(&files[path]) else { continue };
        let mut findings = Vec::new();
        if let Some(doc) = docs.get(path) {
            for tag in &doc.tags {
                for (url, usage, loads) in urls(tag) {
                    judge(&base, files, path, &url, usage, loads, &mut findings);
                    if usage == Use::Link && !loads {
                        anchor(&base, &anchors, path, &url, &mut findings);
                    }
                }
                if tag.name == "img" && tag.attr("alt").is_none() {
                    findings.push((Issue::NoAlt, tag.attr("src").unwrap_or_default().to_string()));
                }
                if let Some(style) = tag.attr("style") {
                    css(&base, files, path, style, &mut findings);
                }
            }
            for style in &doc.styles {
                css(&base, files, path, style, &mut findings);
            }
        } else if path.ends_with(".css") {
            css(&base, files, path, text, &mut findings);
        }
        for finding in findings {
            found.entry(finding).or_default().push(path.clone());
        }
    }
    found.into_iter().flat_map(|(finding, pages)| locate(site, finding, &pages)).collect()
}

/// The URLs of a tag: (url, what it is for, whether the page loads it).
fn urls(tag: &Tag) -> Vec<(String, Use, bool)> {
    let mut out = Vec::new();
    let mut add = |attr: &str, usage: Use, loads: bool| {
        if let Some(url) = tag.attr(attr) {
            out.push((url.to_string(), usage, loads));
        }
    };
    match tag.name.as_str() {
        "a" | "area" => add("href", Use::Link, false),
        "link" => {
            let rel = tag.attr("rel").unwrap_or("").to_ascii_lowercase();
            let rels: Vec<&str> = rel.split_whitespace().collect();
            // Relations the browser fetches (or connects to) by itself.
            let fetched = |names: &[&str]| rels.iter().any(|r| names.contains(r));
            if fetched(&["icon", "apple-touch-icon", "mask-icon"]) {
                add("href", Use::Image, true);
            } else if fetched(&["stylesheet", "preload", "modulepreload", "prefetch", "manifest"])
                || fetched(&["preconnect", "dns-prefetch"])
            {
                add("href", Use::File, true);
            } else {
                add("href", Use::Link, false);
            }
        }
        "img" => add("src", Use::Image, true),
        "iframe" => add("src", Use::Link, true),
        "script" | "video" | "audio" | "source" | "track" | "embed" => add("src", Use::File, true),
        "object" => add("data", Use::File, true),
        _ => {}
    }
    if tag.name == "video" {
        add("poster", Use::Image, true);
    }
    if matches!(tag.name.as_str(), "img" | "source")
        && let Some(srcset) = tag.attr("srcset")
    {
        // "small.jpg 480w, large.jpg 1080w": a URL, then a size, per candidate.
        for candidate in srcset.split(',') {
            if let Some(url) = candidate.split_whitespace().next() {
                out.push((url.to_string(), Use::Image, true));
            }
        }
    }
    out
}

/// Checks the `#fragment` of a link against the ids of the page it leads
/// to, when that page is one of the build's.
fn anchor(base: &Base, anchors: &Anchors, page: &str, url: &str, out: &mut Vec<Finding>) {
    let Some((before, fragment)) = url.trim().split_once('#') else { return };
    let id = percent_decode(fragment);
    // An empty fragment and `#top` go to the top of the page by definition.
    if id.is_empty() || id.eq_ignore_ascii_case("top") {
        return;
    }
    let target = if before.is_empty() {
        page.to_string()
    } else {
        match base.target(page, before) {
            Target::Internal(path) if path.is_empty() || path.ends_with('/') => format!("{path}index.html"),
            Target::Internal(path) if anchors.contains_key(&path) => path,
            Target::Internal(path) => format!("{path}/index.html"),
            _ => return,
        }
    };
    if let Some(ids) = anchors.get(&target)
        && !ids.contains(&id)
    {
        out.push((Issue::MissingAnchor, url.to_string()));
    }
}

/// The URLs of a style sheet, resolved from `path` (the page or the CSS file).
fn css(base: &Base, files: &Files, path: &str, text: &str, findings: &mut Vec<Finding>) {
    for url in html::css_urls(text) {
        judge(base, files, path, &url, Use::File, true, findings);
    }
}

fn judge(base: &Base, files: &Files, page: &str, url: &str, usage: Use, loads: bool, out: &mut Vec<Finding>) {
    match base.target(page, url) {
        Target::Internal(path) if !exists(files, &path) => {
            out.push((Issue::Missing(usage), url.to_string()));
        }
        Target::External if loads => {
            out.push((Issue::External, url.to_string()));
        }
        _ => {}
    }
}

/// A `dir/` URL is `dir/index.html`; a folder without its slash is accepted too.
fn exists(files: &Files, path: &str) -> bool {
    if path.is_empty() || path.ends_with('/') {
        return files.contains_key(&format!("{path}index.html"));
    }
    files.contains_key(path) || files.contains_key(&format!("{path}/index.html"))
}

/// Turns a finding into diagnostics where the URL is written.
fn locate(site: &Site, (issue, url): Finding, pages: &[String]) -> Vec<Diagnostic> {
    let fragment = url.split_once('#').map_or("", |(_, f)| f);
    let (message, own_hint) = match issue {
        Issue::Missing(usage) => (tr!("check-missing-target", kind = usage.code(), url = &url), None),
        Issue::External => (tr!("check-external-resource", url = &url), Some(tr!("check-external-resource-hint"))),
        Issue::MissingAnchor => (
            tr!("check-missing-anchor", url = &url),
            Some(tr!("check-missing-anchor-hint", id = percent_decode(fragment))),
        ),
        Issue::NoAlt => (tr!("check-img-without-alt", url = &url), Some(tr!("check-img-without-alt-hint"))),
    };
    let new = |path: String, line: usize, col: usize| match issue {
        Issue::NoAlt => Diagnostic::warning(path, line, col, &message),
        _ => Diagnostic::error(path, line, col, &message),
    };
    let hint = |d: Diagnostic| match &own_hint {
        Some(h) => d.with_hint(h),
        None => d,
    };
    let mut places = site.locate(&url);
    // `@/projects/coopjop.md#calendar` is written differently from the URL it becomes.
    if places.is_empty() && issue == Issue::MissingAnchor {
        places = site.locate(&format!("#{fragment}"));
    }
    if places.is_empty()
        && let Some(css) = css_source(site, pages)
    {
        places = super::find(&css.0, &css.1, &url).into_iter().collect();
    }
    if !places.is_empty() {
        return places.into_iter().map(|(path, line, col)| hint(new(path, line, col))).collect();
    }
    let d = new(format!("public/{}", pages[0]), 1, 1);
    vec![match own_hint {
        Some(_) => hint(d),
        None => d.with_hint(tr!("check-found-in-template", pages = pages.len())),
    }]
}

/// The source of the style sheet among `pages`, when the URL came from one.
fn css_source(site: &Site, pages: &[String]) -> Option<(String, String)> {
    let out = pages.iter().find(|p| p.ends_with(".css"))?;
    match site.theme.statics.get(out)? {
        StaticSource::Disk(path) => {
            let text = std::fs::read_to_string(path).ok()?;
            Some((crate::content::relative(site.root, path), text))
        }
        StaticSource::Embedded(bytes) => {
            Some((format!("themes/default/static/{out}"), String::from_utf8_lossy(bytes).into_owned()))
        }
    }
}

/// The site's address, to tell its own URLs from other hosts'.
struct Base {
    host: String,
    /// The sub-path, e.g. `/coopjop/`.
    root: String,
}

impl Base {
    fn new(base_url: &str) -> Base {
        let (host, path) = split_url(base_url).unwrap_or_default();
        let mut root = path.to_string();
        if !root.ends_with('/') {
            root.push('/');
        }
        Base { host, root }
    }

    fn target(&self, page: &str, url: &str) -> Target {
        let url = url.trim();
        if url.is_empty() || url.starts_with('#') {
            return Target::Ignored;
        }
        if let Some((host, path)) = split_url(url) {
            if host != self.host {
                return Target::External;
            }
            return self.site_path(path);
        }
        if has_scheme(url) {
            return Target::Ignored;
        }
        if url.starts_with('/') {
            return self.site_path(url);
        }
        let dir = page.rfind('/').map_or("", |i| &page[..=i]);
        match normalize(&format!("{dir}{}", strip_query(url))) {
            Some(path) => Target::Internal(path),
            // Above the root: no file of the site.
            None => Target::Internal(url.to_string()),
        }
    }

    fn site_path(&self, path: &str) -> Target {
        let path = strip_query(path);
        let inside = path.strip_prefix(&self.root).or_else(|| (format!("{path}/") == self.root).then_some(""));
        match inside {
            Some(rest) => Target::Internal(normalize(rest).unwrap_or_else(|| format!("../{rest}"))),
            None => Target::Ignored,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_resolved_from_the_page() {
        let base = Base::new("https://example.org/coopjop/");
        let internal = |s: &str| Target::Internal(s.to_string());
        let cases = [
            ("/coopjop/fr/nope/", internal("fr/nope/")),
            ("/coopjop/fr/a/?x=1#top", internal("fr/a/")),
            ("/coopjop", internal("")),
            ("https://EXAMPLE.org/coopjop/img/x.png", internal("img/x.png")),
            ("//example.org/coopjop/style.css", internal("style.css")),
            ("../../en/", internal("en/")),
            ("../", internal("fr/")),
            ("img/caf%C3%A9.png", internal("fr/news/img/café.png")),
            ("../../../x", internal("../../../x")),
            ("https://cdn.example.com/x.js", Target::External),
            ("/other/", Target::Ignored),
            ("#main", Target::Ignored),
            ("mailto:a@example.org", Target::Ignored),
            ("data:image/png;base64,AA", Target::Ignored),
        ];
        for (url, expected) in cases {
            assert_eq!(base.target("fr/news/index.html", url), expected, "{url}");
        }
    }
}
