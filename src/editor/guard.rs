//! The checks every editor request passes before it touches anything.
//!
//! The editor writes the user's files from a browser, so any web page the
//! user visits could try to drive it: by rebinding a DNS name to 127.0.0.1
//! (caught by the `Host` check), by posting a form cross-site (caught by the
//! `Origin` check and the secret token), or by naming a path outside the
//! content (caught by [`content_file`]). Each check answers with a
//! [`Refusal`], never a panic, so the server turns it into a plain 4xx.

#![allow(dead_code)] // wired by the editor

use std::io::{self, Read};
use std::net::IpAddr;
use std::path::{Path, PathBuf};

use crate::config::{is_language_code, is_slug};
use crate::content::Kind;

/// Why a request is refused. The caller maps each variant to a localized
/// message and answers with [`Refusal::status`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// The `Host` header is missing or names something other than this
    /// server on loopback: a page on another name reached us through DNS
    /// rebinding.
    ForeignHost,
    /// The `Origin` of a write is another site (or `null`), so the write
    /// was sent by a page the editor did not serve.
    ForeignOrigin,
    /// A write carries no `Origin`: browsers always send one on a POST, so
    /// its absence means we cannot tell who sent it.
    MissingOrigin,
    /// The secret token created at start is missing or wrong.
    BadToken,
    /// The path leaves the site's `content/` folder (`..`, an absolute path,
    /// another top folder).
    OutsideContent,
    /// The path stays inside `content/` but is not a content file the editor
    /// may write: unknown folder, bad id or language, not `.md`, a folder.
    NotContentFile,
    /// A symbolic link would lead the write somewhere else than it says.
    Symlink,
    /// The request body is larger than the editor accepts.
    TooLarge,
    /// The uploaded bytes are not a JPEG, PNG, WebP or SVG image.
    BadType,
    /// The uploaded SVG could run script or load something from elsewhere.
    UnsafeSvg,
    /// The request cannot be read: bad encoding, bad escapes, missing parts.
    Malformed,
    /// The disk failed us (a folder could not be created, a write failed):
    /// not the request's fault, so it is a 500 rather than a refusal.
    Storage,
}

impl Refusal {
    /// The HTTP status to answer with.
    pub(crate) fn status(&self) -> u16 {
        match self {
            Refusal::ForeignHost
            | Refusal::ForeignOrigin
            | Refusal::MissingOrigin
            | Refusal::BadToken
            | Refusal::OutsideContent
            | Refusal::Symlink => 403,
            Refusal::TooLarge => 413,
            Refusal::BadType | Refusal::UnsafeSvg => 415,
            Refusal::NotContentFile | Refusal::Malformed => 400,
            Refusal::Storage => 500,
        }
    }
}

/// The per-run secret and the port the server answers on: what a request
/// must show to be believed.
pub(crate) struct Guard {
    port: u16,
    token: String,
}

impl Guard {
    /// A guard with a fresh random token, so that no page can know it
    /// without having been served by this run of the editor.
    ///
    /// Panics only if the operating system has no source of randomness, in
    /// which case the editor must not start at all.
    pub(crate) fn new(port: u16) -> Guard {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).expect("the operating system gives no random bytes");
        Guard { port, token: hex(&bytes) }
    }

    /// The token the editor's pages embed and send back with each write.
    pub(crate) fn token(&self) -> &str {
        &self.token
    }

    /// The `Host` header must name this server on loopback, with its port,
    /// so that a DNS name rebound to 127.0.0.1 is not served.
    pub(crate) fn check_host(&self, host: Option<&str>) -> Result<(), Refusal> {
        match host {
            Some(host) if self.is_own_host(host) => Ok(()),
            _ => Err(Refusal::ForeignHost),
        }
    }

    /// A write must come from a page this server served: same-origin
    /// `Origin` (present, `http://` and one of our hosts with our port) and
    /// the secret token, compared in constant time so its bytes cannot be
    /// guessed one by one from response times.
    pub(crate) fn check_write(&self, origin: Option<&str>, token: Option<&str>) -> Result<(), Refusal> {
        let origin = origin.ok_or(Refusal::MissingOrigin)?;
        match origin.strip_prefix("http://") {
            Some(host) if self.is_own_host(host) => {}
            _ => return Err(Refusal::ForeignOrigin),
        }
        match token {
            Some(token) if constant_time_eq(token.as_bytes(), self.token.as_bytes()) => Ok(()),
            _ => Err(Refusal::BadToken),
        }
    }

    /// `127.0.0.1:PORT`, `localhost:PORT` or `[::1]:PORT`, nothing else: no
    /// other port (another local service's pages), no missing port.
    fn is_own_host(&self, host: &str) -> bool {
        let port = self.port;
        [format!("127.0.0.1:{port}"), format!("localhost:{port}"), format!("[::1]:{port}")]
            .iter()
            .any(|own| own.eq_ignore_ascii_case(host))
    }
}

/// Whether `--bind` names a loopback address: 127.0.0.0/8, `::1` or
/// `localhost`. The editor writes files, so it must never listen where the
/// network can reach it (0.0.0.0, ::, a LAN address, a host name that may
/// resolve anywhere).
pub(crate) fn is_loopback_bind(bind: &str) -> bool {
    if bind.eq_ignore_ascii_case("localhost") {
        return true;
    }
    let bare = bind.strip_prefix('[').and_then(|b| b.strip_suffix(']')).unwrap_or(bind);
    bare.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// The file a content path from a request names, as an absolute path inside
/// `root/content`, after every check.
///
/// `rel` is relative with `/` separators and already percent-decoded; it
/// must have the shape `content/<folder>/<id>.md`,
/// `content/<folder>/<id>.<lang>.md` or `content/_index[.<lang>].md`. The
/// shape is checked before the disk is looked at, so `..`, absolute paths,
/// backslashes and leftover escapes never reach the file system. Then the
/// existing folders are canonicalized, so a symlinked folder leading out of
/// `content/` is refused, and the file itself, if it exists, must be a
/// regular file and not a link.
///
/// The checks and the later write are not one atomic step; that is accepted
/// because whoever can plant symlinks in the site between them can already
/// write its files.
pub(crate) fn content_file(root: &Path, rel: &str) -> Result<PathBuf, Refusal> {
    if rel.is_empty() || rel.contains(['\\', '\0', '%']) {
        return Err(Refusal::Malformed);
    }
    let segments: Vec<&str> = rel.split('/').collect();
    if rel.starts_with('/') || segments.iter().any(|s| s.is_empty() || *s == "." || *s == "..") {
        return Err(Refusal::OutsideContent);
    }
    let inside = match segments.as_slice() {
        ["content", rest @ ..] => rest,
        _ => return Err(Refusal::OutsideContent),
    };
    let well_formed = match inside {
        [file] => content_file_name(file).is_some_and(|id| id == "_index"),
        [folder, file] => Kind::from_folder(folder).is_some() && content_file_name(file).is_some_and(is_slug),
        _ => false,
    };
    if !well_formed {
        return Err(Refusal::NotContentFile);
    }

    let content = root.join("content").canonicalize().map_err(|_| Refusal::OutsideContent)?;
    let mut path = content.clone();
    for folder in &inside[..inside.len() - 1] {
        path.push(folder);
        match path.canonicalize() {
            Ok(real) if real.starts_with(&content) => {
                if !real.is_dir() {
                    return Err(Refusal::NotContentFile);
                }
            }
            Ok(_) => return Err(Refusal::Symlink),
            // The folder may not exist yet: the write will create it inside
            // `content`, which is already checked.
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(_) => return Err(Refusal::Storage),
        }
    }
    path.push(inside[inside.len() - 1]);
    match path.symlink_metadata() {
        Ok(meta) if meta.file_type().is_symlink() => Err(Refusal::Symlink),
        Ok(meta) if !meta.is_file() => Err(Refusal::NotContentFile),
        Ok(_) => Ok(path),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(path),
        Err(_) => Err(Refusal::Storage),
    }
}

/// The id of a content file name (`launch.md`, `launch.fr.md`, `_index.pt-BR.md`),
/// or None when it is not `.md` or its language is not a language code. The
/// caller checks the id itself, which differs for `_index`.
fn content_file_name(file: &str) -> Option<&str> {
    let stem = file.strip_suffix(".md")?;
    match stem.split_once('.') {
        None => Some(stem),
        Some((id, lang)) if is_language_code(lang) => Some(id),
        Some(_) => None,
    }
}

/// Reads at most `limit` bytes: one more byte than that means the body is
/// too large, and the rest is never read into memory. The caller checks
/// `Content-Length` first; this catches bodies that lie about it.
pub(crate) fn read_limited(reader: &mut dyn Read, limit: usize) -> Result<Vec<u8>, Refusal> {
    let mut body = Vec::new();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    reader.take(cap).read_to_end(&mut body).map_err(|_| Refusal::Malformed)?;
    if body.len() > limit {
        return Err(Refusal::TooLarge);
    }
    Ok(body)
}

/// The name/value pairs of an `application/x-www-form-urlencoded` body, in
/// order, duplicates kept. A bad escape or text that is not UTF-8 refuses
/// the whole body rather than guessing what was meant.
pub(crate) fn form_pairs(body: &[u8]) -> Result<Vec<(String, String)>, Refusal> {
    body.split(|&b| b == b'&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = match pair.iter().position(|&b| b == b'=') {
                Some(at) => (&pair[..at], &pair[at + 1..]),
                None => (pair, &[][..]),
            };
            Ok((form_decode(name)?, form_decode(value)?))
        })
        .collect()
}

/// The value of `name` in the query string of a request URL (`/edit?path=…`),
/// decoded like a form; None when absent or badly encoded.
pub(crate) fn query_value(url: &str, name: &str) -> Option<String> {
    let (_, query) = url.split_once('?')?;
    let query = query.split_once('#').map_or(query, |(q, _)| q);
    form_pairs(query.as_bytes()).ok()?.into_iter().find(|(n, _)| n == name).map(|(_, v)| v)
}

/// Decodes one form component: `+` is a space, `%XX` a byte, and the bytes
/// must make UTF-8.
fn form_decode(text: &[u8]) -> Result<String, Refusal> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text;
    while let Some((&b, tail)) = rest.split_first() {
        match b {
            b'+' => bytes.push(b' '),
            b'%' => {
                let (hi, lo) = match tail {
                    [hi, lo, ..] => (hex_value(*hi), hex_value(*lo)),
                    _ => (None, None),
                };
                let (Some(hi), Some(lo)) = (hi, lo) else {
                    return Err(Refusal::Malformed);
                };
                bytes.push((hi << 4) | lo);
                rest = &tail[2..];
                continue;
            }
            _ => bytes.push(b),
        }
        rest = tail;
    }
    String::from_utf8(bytes).map_err(|_| Refusal::Malformed)
}

fn hex_value(digit: u8) -> Option<u8> {
    char::from(digit).to_digit(16).and_then(|d| u8::try_from(d).ok())
}

pub(super) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Compares without stopping at the first difference, so the time taken
/// says nothing about how much of a guessed token was right. The length is
/// not secret (every token is 64 hex digits).
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |diff, (x, y)| diff | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;
    use std::os::unix::fs::symlink;

    const PORT: u16 = 1111;

    #[test]
    fn hosts_of_this_server_on_loopback_are_accepted() {
        let guard = Guard::new(PORT);
        for host in ["127.0.0.1:1111", "localhost:1111", "LocalHost:1111", "[::1]:1111"] {
            assert_eq!(guard.check_host(Some(host)), Ok(()), "{host}");
        }
    }

    #[test]
    fn other_hosts_ports_and_missing_host_are_refused() {
        let guard = Guard::new(PORT);
        for host in ["127.0.0.1:2222", "evil.example:1111", "127.0.0.1", "localhost", "127.0.0.1:01111", ""] {
            assert_eq!(guard.check_host(Some(host)), Err(Refusal::ForeignHost), "{host}");
        }
        assert_eq!(guard.check_host(None), Err(Refusal::ForeignHost));
    }

    #[test]
    fn tokens_are_fresh_and_long() {
        let (a, b) = (Guard::new(PORT), Guard::new(PORT));
        assert_eq!(a.token().len(), 64);
        assert!(a.token().chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a.token(), b.token());
    }

    #[test]
    fn writes_need_same_origin_and_the_token() {
        let guard = Guard::new(PORT);
        let token = guard.token().to_string();
        let good = Some(token.as_str());
        assert_eq!(guard.check_write(Some("http://127.0.0.1:1111"), good), Ok(()));
        assert_eq!(guard.check_write(Some("http://localhost:1111"), good), Ok(()));
        assert_eq!(guard.check_write(Some("http://[::1]:1111"), good), Ok(()));

        let wrong = "0".repeat(64);
        assert_eq!(guard.check_write(Some("http://127.0.0.1:1111"), Some(&wrong)), Err(Refusal::BadToken));
        assert_eq!(guard.check_write(Some("http://127.0.0.1:1111"), Some("short")), Err(Refusal::BadToken));
        assert_eq!(guard.check_write(Some("http://127.0.0.1:1111"), None), Err(Refusal::BadToken));

        for origin in ["http://evil.example", "http://127.0.0.1:2222", "null", "https://127.0.0.1:1111", ""] {
            assert_eq!(guard.check_write(Some(origin), good), Err(Refusal::ForeignOrigin), "{origin}");
        }
        assert_eq!(guard.check_write(None, good), Err(Refusal::MissingOrigin));
    }

    #[test]
    fn only_loopback_binds_are_allowed() {
        for bind in ["127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost"] {
            assert!(is_loopback_bind(bind), "{bind}");
        }
        for bind in ["0.0.0.0", "::", "192.168.1.2", "example.org", "", "localhost.example.org"] {
            assert!(!is_loopback_bind(bind), "{bind}");
        }
    }

    #[test]
    fn refusals_have_their_status() {
        assert_eq!(Refusal::ForeignHost.status(), 403);
        assert_eq!(Refusal::Symlink.status(), 403);
        assert_eq!(Refusal::TooLarge.status(), 413);
        assert_eq!(Refusal::UnsafeSvg.status(), 415);
        assert_eq!(Refusal::NotContentFile.status(), 400);
        assert_eq!(Refusal::Malformed.status(), 400);
    }

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("content/news")).unwrap();
        fs::write(dir.path().join("content/news/a.fr.md"), "---\n---\n").unwrap();
        fs::write(dir.path().join("site.toml"), "").unwrap();
        dir
    }

    #[test]
    fn content_files_are_found_inside_content() {
        let site = site();
        let content = site.path().join("content").canonicalize().unwrap();
        assert_eq!(content_file(site.path(), "content/news/a.fr.md"), Ok(content.join("news/a.fr.md")));
        // Files to be created are accepted too, in folders that may not exist yet.
        assert_eq!(content_file(site.path(), "content/_index.en.md"), Ok(content.join("_index.en.md")));
        assert_eq!(content_file(site.path(), "content/_index.md"), Ok(content.join("_index.md")));
        assert_eq!(
            content_file(site.path(), "content/pages/about-us.pt-BR.md"),
            Ok(content.join("pages/about-us.pt-BR.md"))
        );
        assert!(content_file(site.path(), "content/news/a.fr.md").unwrap().is_absolute());
    }

    #[test]
    fn paths_leaving_content_are_refused() {
        let site = site();
        for rel in [
            "../x.md",
            "content/news/../../site.toml",
            "/etc/passwd",
            "content/news/a.fr.md/..",
            "site.toml",
            "./content/news/a.md",
            "content//news/a.md",
            "other/news/a.md",
        ] {
            assert_eq!(content_file(site.path(), rel), Err(Refusal::OutsideContent), "{rel}");
        }
        for rel in ["content\\news\\a.md", "content/news/a%2e.md", "content/news/a\0.md", ""] {
            assert_eq!(content_file(site.path(), rel), Err(Refusal::Malformed), "{rel:?}");
        }
    }

    #[test]
    fn paths_that_are_not_content_files_are_refused() {
        let site = site();
        for rel in [
            "content/other/a.md",
            "content/news/A.md",
            "content/news/a.txt",
            "content/news/-a.md",
            "content/news/a.f.md",
            "content/news/a.fr.en.md",
            "content/news/_index.md",
            "content/a.md",
            "content/news",
            "content/news/sub/a.md",
        ] {
            assert_eq!(content_file(site.path(), rel), Err(Refusal::NotContentFile), "{rel}");
        }
    }

    #[test]
    fn symlinks_leading_out_are_refused() {
        let site = site();
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("secret.md"), "secret").unwrap();

        fs::remove_dir_all(site.path().join("content/news")).unwrap();
        symlink(outside.path(), site.path().join("content/news")).unwrap();
        assert_eq!(content_file(site.path(), "content/news/a.fr.md"), Err(Refusal::Symlink));
        assert_eq!(content_file(site.path(), "content/news/secret.md"), Err(Refusal::Symlink));

        fs::create_dir(site.path().join("content/pages")).unwrap();
        symlink(outside.path().join("secret.md"), site.path().join("content/pages/b.fr.md")).unwrap();
        assert_eq!(content_file(site.path(), "content/pages/b.fr.md"), Err(Refusal::Symlink));
    }

    #[test]
    fn bodies_over_the_limit_are_refused() {
        assert_eq!(read_limited(&mut &b"12345"[..], 5), Ok(b"12345".to_vec()));
        assert_eq!(read_limited(&mut &b"1234"[..], 5), Ok(b"1234".to_vec()));
        assert_eq!(read_limited(&mut &b"123456"[..], 5), Err(Refusal::TooLarge));
        assert_eq!(read_limited(&mut io::repeat(b'x'), 1024), Err(Refusal::TooLarge));
    }

    #[test]
    fn forms_are_decoded() {
        let pairs =
            form_pairs(b"title=Bonjour+le+monde&lang=fr&accent=%C3%A9t%C3%A9&empty=&flag&&a=1%2B1%3D2").unwrap();
        let pairs: Vec<(&str, &str)> = pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        assert_eq!(
            pairs,
            [
                ("title", "Bonjour le monde"),
                ("lang", "fr"),
                ("accent", "été"),
                ("empty", ""),
                ("flag", ""),
                ("a", "1+1=2"),
            ]
        );
        for bad in [&b"a=%"[..], b"a=%4", b"a=%zz", b"a=%C3", b"%FF=1", b"a=\xff"] {
            assert_eq!(form_pairs(bad), Err(Refusal::Malformed), "{}", String::from_utf8_lossy(bad));
        }
    }

    #[test]
    fn query_values_are_read_from_the_url() {
        let url = "/__passerelle/edit/?path=content%2Fnews%2Fa.fr.md&lang=fr#top";
        assert_eq!(query_value(url, "path").as_deref(), Some("content/news/a.fr.md"));
        assert_eq!(query_value(url, "lang").as_deref(), Some("fr"));
        assert_eq!(query_value(url, "top"), None);
        assert_eq!(query_value("/edit", "path"), None);
        assert_eq!(query_value("/edit?path=%zz", "path"), None);
    }
}
