//! What another part of the program may add to the dev server: the editor
//! of `passerelle edit` admits or refuses every request, answers its own,
//! and adds its toolbar to pages. The server knows nothing else of it.

use tiny_http::Request;

/// A part of the program that the dev server asks about every request.
pub trait Extension: Send + Sync {
    /// Told the address the server listens on, before any request.
    fn bound(&self, _addr: std::net::SocketAddr) {}

    /// Called first for every request: an Err refuses it with that status
    /// and plain-text message.
    fn admit(&self, request: &Request) -> Result<(), (u16, String)>;

    /// Answers a request the extension owns (its body may be read); None
    /// leaves it to the server.
    fn answer(&self, request: &mut Request) -> Option<Answer>;

    /// Markup to add before `</body>` of the HTML page served at `path`
    /// (a site path such as `/coopjop/fr/`).
    fn toolbar(&self, path: &str) -> Option<String>;

    /// Told after every build, good or not: what the extension knows of
    /// the content may be stale.
    fn site_changed(&self) {}
}

/// A complete answer of an extension.
pub struct Answer {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    /// Extra headers (ASCII values, no line breaks).
    pub headers: Vec<(&'static str, String)>,
}

impl Answer {
    pub fn new(status: u16, content_type: &'static str, body: impl Into<Vec<u8>>) -> Answer {
        Answer { status, content_type, body: body.into(), headers: Vec::new() }
    }

    pub fn with(mut self, name: &'static str, value: impl Into<String>) -> Answer {
        self.headers.push((name, value.into()));
        self
    }
}
