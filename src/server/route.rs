//! Where a request leads, decided from its URL and the snapshot's paths
//! alone: the path is percent-decoded and refused when it could name
//! anything outside the site, the site's root is taken off, and folders
//! lead to their index file or gain a trailing slash. It reads no file and
//! answers nothing: `answer` in the parent module sends what the route says.

use super::Files;

/// Served by the server itself, outside the site's root.
const LIVE_PREFIX: &str = "/__passerelle/";

/// Where a request leads, decided from its URL and the snapshot's paths only.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Route {
    /// A key of `Files`.
    File(String),
    Missing,
    Redirect(u16, String),
    Bad,
    LiveJs,
    Events,
}

pub(super) fn route(url: &str, root: &str, files: &Files) -> Route {
    let raw = url.split(['?', '#']).next().unwrap_or_default();
    let Some(path) = decode_path(raw) else {
        return Route::Bad;
    };
    if let Some(name) = path.strip_prefix(LIVE_PREFIX) {
        return match name {
            "live.js" => Route::LiveJs,
            "events" => Route::Events,
            _ => Route::Missing,
        };
    }
    let Some(rel) = path.strip_prefix(root) else {
        return match path.as_str() {
            "/" => Route::Redirect(302, encode_path(root)),
            _ if format!("{path}/") == root => Route::Redirect(301, encode_path(root)),
            _ => Route::Missing,
        };
    };
    if rel.is_empty() || rel.ends_with('/') {
        let index = format!("{rel}index.html");
        return if files.contains_key(&index) { Route::File(index) } else { Route::Missing };
    }
    if files.contains_key(rel) {
        Route::File(rel.to_owned())
    } else if files.contains_key(&format!("{rel}/index.html")) {
        Route::Redirect(301, encode_path(&format!("{root}{rel}/")))
    } else {
        Route::Missing
    }
}

/// The percent-decoded path, or None when it is malformed or could name
/// anything outside the site: not absolute, invalid escapes or UTF-8, `.` or
/// `..` segments, encoded slashes, backslashes or NUL bytes.
fn decode_path(raw: &str) -> Option<String> {
    let rest = raw.strip_prefix('/')?;
    let mut path = String::with_capacity(raw.len());
    for segment in rest.split('/') {
        let decoded = percent_decode(segment)?;
        if decoded == "." || decoded == ".." || decoded.contains(['/', '\\', '\0']) {
            return None;
        }
        path.push('/');
        path.push_str(&decoded);
    }
    Some(path)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// `path` as a URL path: everything but unreserved characters and '/' escaped.
pub(super) fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for &b in path.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

pub(super) fn normalize_root(root: &str) -> String {
    match root.trim_matches('/') {
        "" => "/".to_owned(),
        inner => format!("/{inner}/"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::testing::{sample, site};

    #[test]
    fn urls_map_to_snapshot_paths() {
        let files = sample();
        let cases = [
            ("/coopjop/", Route::File("index.html".into())),
            ("/coopjop/fr/", Route::File("fr/index.html".into())),
            ("/coopjop/fr", Route::Redirect(301, "/coopjop/fr/".into())),
            ("/coopjop/fr/partners?x=1", Route::Redirect(301, "/coopjop/fr/partners/".into())),
            ("/coopjop/style.css?v=3", Route::File("style.css".into())),
            ("/coopjop/fonts/a%2Ewoff2", Route::File("fonts/a.woff2".into())),
            ("/coopjop/missing.html", Route::Missing),
            ("/coopjop/blob.bin/", Route::Missing),
            ("/", Route::Redirect(302, "/coopjop/".into())),
            ("/coopjop", Route::Redirect(301, "/coopjop/".into())),
            ("/fr/", Route::Missing),
            ("/__passerelle/live.js", Route::LiveJs),
            ("/__passerelle/events?since=7", Route::Events),
            ("/__passerelle/other", Route::Missing),
            ("/coopjop/../secret", Route::Bad),
            ("/coopjop/%2e%2e/secret", Route::Bad),
            ("/coopjop/%2E%2e/secret", Route::Bad),
            ("/coopjop/./secret", Route::Bad),
            ("/coopjop/..%2fsecret", Route::Bad),
            ("/coopjop/fr%2Findex.html", Route::Bad),
            ("/coopjop/a%00b", Route::Bad),
            ("/coopjop/a\\b", Route::Bad),
            ("/coopjop/a%5cb", Route::Bad),
            ("/coopjop/%zz", Route::Bad),
            ("/coopjop/%c3", Route::Bad),
            ("coopjop/", Route::Bad),
            ("*", Route::Bad),
            ("http://evil.example/coopjop/", Route::Bad),
        ];
        for (url, expected) in cases {
            assert_eq!(route(url, "/coopjop/", &files), expected, "{url}");
        }
        let unicode = site(&[("café/index.html", "x")]);
        assert_eq!(route("/caf%C3%A9", "/", &unicode), Route::Redirect(301, "/caf%C3%A9/".into()));
        assert_eq!(route("/caf%C3%A9/", "/", &unicode), Route::File("café/index.html".into()));
    }

    #[test]
    fn roots_are_normalized() {
        for (given, expected) in [("/", "/"), ("", "/"), ("coopjop", "/coopjop/"), ("/coopjop/", "/coopjop/")] {
            assert_eq!(normalize_root(given), expected);
        }
    }
}
