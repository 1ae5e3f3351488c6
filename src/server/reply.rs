//! How the dev server writes its answers: the content type of each file
//! and a complete HTTP response written on the raw connection. It knows
//! nothing of the site, the snapshot or live reload.

use std::io::Write;
use std::sync::Arc;

use tiny_http::{Method, Request, StatusCode};

pub(super) const TEXT_HTML: &str = "text/html; charset=utf-8";
pub(super) const TEXT_JS: &str = "text/javascript; charset=utf-8";
pub(super) const TEXT_PLAIN: &str = "text/plain; charset=utf-8";

/// A response body: shared with the snapshot when it is served as is.
pub(super) enum Body {
    Shared(Arc<Vec<u8>>),
    Owned(Vec<u8>),
    Static(&'static [u8]),
}

impl AsRef<[u8]> for Body {
    fn as_ref(&self) -> &[u8] {
        match self {
            Body::Shared(bytes) => bytes,
            Body::Owned(bytes) => bytes,
            Body::Static(bytes) => bytes,
        }
    }
}

/// A complete answer, written by hand on the raw connection: tiny_http
/// cannot send `Connection: close`, and with keep-alive each idle browser
/// connection holds one of its pool threads, so a burst of connections
/// (a page and its assets) leaves some unanswered until another one closes.
pub(super) struct Reply {
    status: u16,
    content_type: &'static str,
    extra: Vec<(&'static str, String)>,
    body: Body,
}

impl Reply {
    pub(super) fn new(status: u16, content_type: &'static str, body: Body) -> Reply {
        Reply { status, content_type, extra: Vec::new(), body }
    }

    /// Adds one header; the value must be ASCII without line breaks.
    pub(super) fn with(mut self, name: &'static str, value: impl Into<String>) -> Reply {
        self.extra.push((name, value.into()));
        self
    }

    /// Sends the reply to a request whose body is announced far beyond
    /// anything the server reads, and leaves that body unread for good.
    /// tiny_http 0.12 drains an unread body when its request is dropped, into
    /// one buffer the size of what is left, before a reply can be written:
    /// an absurd `Content-Length` would abort the process. So the request is
    /// turned into its raw stream (tiny_http writes an interim `100` head for
    /// that), the reply follows it on that stream, and the stream is kept,
    /// unread, until the process ends: one idle thread per such request,
    /// which only hand-made requests make.
    pub(super) fn send_leaving_body(self, request: Request) {
        let mut stream = request.upgrade("passerelle", tiny_http::Response::empty(100));
        let _ = stream
            .write_all(&self.head())
            .and_then(|()| stream.write_all(self.body.as_ref()))
            .and_then(|()| stream.flush());
        std::mem::forget(stream);
    }

    /// Sends the reply (the headers only for HEAD); a browser that went away is not an error.
    pub(super) fn send(self, request: Request) {
        let head_only = *request.method() == Method::Head;
        let head = self.head();
        let mut writer = request.into_writer();
        let _ = writer
            .write_all(&head)
            .and_then(|()| if head_only { Ok(()) } else { writer.write_all(self.body.as_ref()) })
            .and_then(|()| writer.flush());
    }

    /// The status line and headers, up to the blank line.
    fn head(&self) -> Vec<u8> {
        let mut head = format!(
            "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n",
            self.status,
            StatusCode(self.status).default_reason_phrase(),
            self.content_type,
            self.body.as_ref().len()
        );
        for (name, value) in &self.extra {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str("\r\n");
        head.into_bytes()
    }
}

pub(super) fn content_type(path: &str) -> &'static str {
    let name = path.rsplit('/').next().unwrap_or(path);
    if name.eq_ignore_ascii_case("atom.xml") {
        return "application/atom+xml; charset=utf-8";
    }
    let extension = name.rsplit_once('.').map(|(_, ext)| ext.to_ascii_lowercase()).unwrap_or_default();
    match extension.as_str() {
        "html" | "htm" => TEXT_HTML,
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => TEXT_JS,
        "json" => "application/json",
        "xml" => "application/xml",
        "atom" => "application/atom+xml",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "ics" => "text/calendar; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "pdf" => "application/pdf",
        "webmanifest" => "application/manifest+json",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types_follow_extensions() {
        let cases = [
            ("index.html", "text/html; charset=utf-8"),
            ("old/page.HTM", "text/html; charset=utf-8"),
            ("style.css", "text/css; charset=utf-8"),
            ("app.mjs", "text/javascript; charset=utf-8"),
            ("search.json", "application/json"),
            ("sitemap.xml", "application/xml"),
            ("sitemap-2.xml", "application/xml"),
            ("fr/atom.xml", "application/atom+xml; charset=utf-8"),
            ("news.atom", "application/atom+xml"),
            ("logo.svg", "image/svg+xml"),
            ("a.jpeg", "image/jpeg"),
            ("a.avif", "image/avif"),
            ("favicon.ico", "image/x-icon"),
            ("f.woff", "font/woff"),
            ("f.otf", "font/otf"),
            ("agenda.ics", "text/calendar; charset=utf-8"),
            ("robots.txt", "text/plain; charset=utf-8"),
            ("report.pdf", "application/pdf"),
            ("site.webmanifest", "application/manifest+json"),
            ("CNAME", "application/octet-stream"),
            (".hidden/file.weird", "application/octet-stream"),
        ];
        for (path, expected) in cases {
            assert_eq!(content_type(path), expected, "{path}");
        }
    }
}
