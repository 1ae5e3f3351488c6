//! Checks what the rendered pages point to: links and assets inside the
//! site must exist in the build, and nothing a page loads may come from
//! another host. Findings are located in the content file or template that
//! writes the URL when it can be found there, else at the output page.

use std::collections::BTreeMap;

use super::Site;
use super::html::{self, Tag};
use crate::diag::Diagnostic;
use crate::output::Files;
use crate::theme::StaticSource;

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
}

/// One finding before it is located: what is wrong and the URL as written.
type Finding = (Issue, String);

pub(crate) fn check(site: &Site, files: &Files) -> Vec<Diagnostic> {
    let base = Base::new(&site.config.base_url);
    // Finding → the output pages it was seen on.
    let mut found: BTreeMap<Finding, Vec<String>> = BTreeMap::new();
    let mut paths: Vec<&String> = files.keys().collect();
    paths.sort();
    for path in paths {
        let Ok(text) = std::str::from_utf8(&files[path]) else { continue };
        let mut findings = Vec::new();
        if path.ends_with(".html") {
            let doc = html::parse(text);
            for tag in &doc.tags {
                for (url, usage, loads) in urls(tag) {
                    judge(&base, files, path, &url, usage, loads, &mut findings);
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
            let stylesheet = rel.split_whitespace().any(|r| r == "stylesheet");
            add("href", if stylesheet { Use::File } else { Use::Link }, stylesheet);
        }
        "img" => add("src", Use::Image, true),
        "iframe" => add("src", Use::Link, true),
        "script" | "video" | "audio" | "source" | "track" | "embed" => add("src", Use::File, true),
        _ => {}
    }
    if tag.name == "video" {
        add("poster", Use::Image, true);
    }
    out
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
    let external = issue == Issue::External;
    let message = match issue {
        Issue::Missing(usage) => tr!("check-missing-target", kind = usage.code(), url = &url),
        Issue::External => tr!("check-external-resource", url = &url),
    };
    let hint = |d: Diagnostic| if external { d.with_hint(tr!("check-external-resource-hint")) } else { d };
    let mut places = site.locate(&url);
    if places.is_empty()
        && let Some(css) = css_source(site, pages)
    {
        places = super::find(&css.0, &css.1, &url).into_iter().collect();
    }
    if !places.is_empty() {
        return places
            .into_iter()
            .map(|(path, line, col)| hint(Diagnostic::error(path, line, col, &message)))
            .collect();
    }
    let shown = tr!("check-found-in-template", pages = pages.len());
    let page = format!("public/{}", pages[0]);
    let d = Diagnostic::error(page, 1, 1, &message);
    vec![if external { hint(d) } else { d.with_hint(shown) }]
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

/// Host (lower case, without port) and path of an absolute `http(s)://` or `//` URL.
fn split_url(url: &str) -> Option<(String, &str)> {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        url.strip_prefix("//")?
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let host = authority.rsplit('@').next().unwrap_or(authority);
    let host = host.split(':').next().unwrap_or(host).to_ascii_lowercase();
    let path = &rest[end..];
    Some((host, if path.is_empty() { "/" } else { path }))
}

fn has_scheme(url: &str) -> bool {
    match url.find(':') {
        Some(i) => {
            let scheme = &url[..i];
            !scheme.is_empty()
                && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        None => false,
    }
}

fn strip_query(url: &str) -> &str {
    &url[..url.find(['?', '#']).unwrap_or(url.len())]
}

/// Resolves `.` and `..` and percent-escapes; None when it climbs above the root.
fn normalize(path: &str) -> Option<String> {
    let decoded = percent_decode(path);
    let mut parts: Vec<&str> = Vec::new();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let mut out = parts.join("/");
    let folder = decoded.ends_with('/') || decoded.ends_with("/.") || decoded.ends_with("/..") || decoded == ".";
    if folder && !out.is_empty() {
        out.push('/');
    }
    Some(out)
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(byte) = text.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
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
