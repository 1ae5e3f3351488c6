//! Owns the HTTP side of `passerelle serve`: it answers requests from an
//! in-memory snapshot of the built site, adds the live-reload script (and,
//! while the last build failed, the error overlay) to HTML as it is served,
//! and pushes reload events to open browsers over server-sent events. It
//! never reads the disk (only the snapshot), never builds and never watches:
//! the build side publishes snapshots and errors through a [`Handle`].
//! Where a URL leads is `route`'s, the event streams are `events`', what
//! pages gain as they are served is `page`'s and writing a reply is `reply`'s.

mod events;
mod extension;
mod page;
mod reply;
mod route;
#[cfg(test)]
mod testing;

pub use self::extension::{Answer, Extension};

use std::collections::HashMap;
use std::io;
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr, TcpListener};
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, RwLock};
use std::thread;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tiny_http::{Method, Request};

use self::events::{Client, open_stream};
use self::reply::{Body, Reply, TEXT_HTML, TEXT_JS, TEXT_PLAIN, content_type};
use self::route::{Route, encode_path, normalize_root, route};
use crate::diag::Diagnostic;

/// The built site as served: output path (relative to the output root, '/'
/// separators, e.g. "fr/index.html", "style.css", "404.html") → bytes.
pub type Files = HashMap<String, Arc<Vec<u8>>>;

/// What changed in a new snapshot, so browsers know how to refresh.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Anything but stylesheets changed: pages reload.
    Full,
    /// Only stylesheets changed: pages swap them without reloading.
    CssOnly,
}

/// Threads answering ordinary requests; event streams get threads of their own.
const WORKERS: usize = 4;

/// The dev server: bound on creation, serving once [`Server::run`] is called.
pub struct Server {
    http: tiny_http::Server,
    /// A clone of the listening socket, to restart tiny_http's accept loop.
    listener: TcpListener,
    addr: SocketAddr,
    shared: Arc<Shared>,
}

/// A cloneable, Send + Sync handle to publish new states from the build thread.
#[derive(Clone)]
pub struct Handle {
    shared: Arc<Shared>,
}

struct Shared {
    /// The site's path prefix, starting and ending with '/'.
    root: String,
    /// Where the server can reach itself (see [`events::open_stream`]).
    own_addr: SocketAddr,
    state: Mutex<State>,
    /// The editor, under `passerelle edit`.
    extension: std::sync::OnceLock<Arc<dyn Extension>>,
}

struct State {
    files: Arc<Files>,
    /// Whether a site was ever published: until then a failed build has no
    /// last good version to show.
    published: bool,
    /// Set while the last build failed.
    errors: Option<Errors>,
    /// Bumped by every event; starts at the boot time in milliseconds, so a
    /// browser coming back after a restart sees a different number.
    generation: u64,
    clients: Vec<Client>,
    next_client: u64,
}

struct Errors {
    overlay: Arc<str>,
    json: String,
}

/// What one request gets, taken from the state in one short lock.
#[derive(Clone)]
struct Snapshot {
    files: Arc<Files>,
    overlay: Option<Arc<str>>,
    generation: u64,
    /// What an extension adds to the page served.
    toolbar: Option<String>,
}

impl Server {
    /// Binds `addr` (e.g. "127.0.0.1:1111"; port 0 = any free port). A port in
    /// use gives an io::Error whose message is exactly (in English):
    /// "cannot listen on 127.0.0.1:1111: the port is already in use (is another
    /// `passerelle serve` running? try --port 1112)"; other bind errors:
    /// "cannot listen on ADDR: <error>". `root` is the site's path prefix from
    /// base_url, starting and ending with '/', e.g. "/" or "/coopjop/".
    pub fn bind(addr: &str, root: &str) -> io::Result<Server> {
        let listener = TcpListener::bind(addr).map_err(|error| listen_error(addr, error))?;
        let local = listener.local_addr().map_err(|error| listen_error(addr, error))?;
        let accepting = listener.try_clone().map_err(|error| listen_error(addr, error))?;
        let http = tiny_http::Server::from_listener(accepting, None).map_err(|error| {
            io::Error::other(tr!("serve-cannot-listen", address = addr, detail = error.to_string()))
        })?;
        let boot = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis() as u64);
        let state = State {
            files: Arc::default(),
            published: false,
            errors: None,
            generation: boot,
            clients: Vec::new(),
            next_client: 0,
        };
        let own_addr = match local.ip() {
            ip if ip.is_unspecified() && ip.is_ipv4() => SocketAddr::from((Ipv4Addr::LOCALHOST, local.port())),
            ip if ip.is_unspecified() => SocketAddr::from((Ipv6Addr::LOCALHOST, local.port())),
            _ => local,
        };
        let shared = Arc::new(Shared {
            root: normalize_root(root),
            own_addr,
            state: Mutex::new(state),
            extension: Default::default(),
        });
        Ok(Server { http, listener, addr: local, shared })
    }

    /// The server with `extension` asked about every request, from the
    /// first one on (`run` comes after).
    pub fn with_extension(self, extension: Arc<dyn Extension>) -> Server {
        // Set once, here: a server is given one extension at most.
        let _ = self.shared.extension.set(extension);
        self
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// A cloneable, Send + Sync handle to publish new states from the build thread.
    pub fn handle(&self) -> Handle {
        Handle { shared: self.shared.clone() }
    }

    /// Serves requests until the process ends, on a few worker threads
    /// (event streams get their own threads, so requests never wait on them).
    pub fn run(self) {
        let Server { http, listener, shared, .. } = self;
        let accept = Arc::new(Accept { current: RwLock::new(Arc::new(http)), listener });
        for n in 1..WORKERS {
            let (accept, shared) = (accept.clone(), shared.clone());
            // A worker that cannot be started leaves the others to do the work.
            let _ = thread::Builder::new().name(format!("passerelle-http-{n}")).spawn(move || work(&accept, &shared));
        }
        work(&accept, &shared);
    }
}

/// The tiny_http server in use; replaced when its accept loop dies.
struct Accept {
    current: RwLock<Arc<tiny_http::Server>>,
    listener: TcpListener,
}

impl Accept {
    fn current(&self) -> Arc<tiny_http::Server> {
        self.current.read().unwrap_or_else(PoisonError::into_inner).clone()
    }

    /// tiny_http's accept thread stops for good on its first error (too many
    /// open files, a connection aborted before `accept`): start a new one on
    /// the same socket and send the other workers over to it.
    fn restart(&self, failed: &Arc<tiny_http::Server>) {
        let mut current = self.current.write().unwrap_or_else(PoisonError::into_inner);
        if !Arc::ptr_eq(&current, failed) {
            return;
        }
        // Not faster than this, should accepting keep failing.
        thread::sleep(Duration::from_millis(100));
        loop {
            let fresh = self.listener.try_clone().ok().and_then(|l| tiny_http::Server::from_listener(l, None).ok());
            if let Some(fresh) = fresh {
                *current = Arc::new(fresh);
                break;
            }
            thread::sleep(Duration::from_millis(200));
        }
        for _ in 0..WORKERS {
            failed.unblock();
        }
    }
}

fn work(accept: &Accept, shared: &Arc<Shared>) {
    loop {
        let http = accept.current();
        match http.recv() {
            // A panic drops the request, which tiny_http answers with a 500.
            Ok(request) => drop(panic::catch_unwind(AssertUnwindSafe(|| answer(shared, request)))),
            Err(_) => accept.restart(&http),
        }
    }
}

impl Handle {
    /// Replaces the served site and clears any errors; open browsers reload
    /// (or only swap stylesheets for CssOnly).
    pub fn publish(&self, files: Arc<Files>, change: Change) {
        let mut state = self.shared.lock();
        state.files = files;
        state.published = true;
        let kind = match (state.errors.take(), change) {
            (Some(_), _) => "ok",
            (None, Change::Full) => "reload",
            (None, Change::CssOnly) => "css",
        };
        state.broadcast(kind, None);
    }

    /// Replaces the served site without telling browsers: for files that
    /// follow an announced change (the search index, the sitemap).
    pub fn update(&self, files: Arc<Files>) {
        self.shared.lock().files = files;
    }

    /// Shows these diagnostics over every page (the last good site stays
    /// served); open browsers show the overlay at once. No diagnostics clears
    /// the overlay.
    pub fn show_errors(&self, errors: Vec<Diagnostic>) {
        let mut state = self.shared.lock();
        if errors.is_empty() {
            if state.errors.take().is_some() {
                state.broadcast("ok", None);
            }
            return;
        }
        let json = page::errors_json(&errors, state.published);
        state.broadcast("errors", Some(&json));
        state.errors = Some(Errors { overlay: page::overlay(&errors, state.published).into(), json });
    }

    /// Whether a site was published: a failed build then leaves it served.
    pub fn has_site(&self) -> bool {
        self.shared.lock().published
    }

    /// How many browsers are connected to the event stream.
    pub fn clients(&self) -> usize {
        self.shared.lock().clients.len()
    }
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn snapshot(&self) -> Snapshot {
        let state = self.lock();
        Snapshot {
            files: state.files.clone(),
            overlay: state.errors.as_ref().map(|errors| errors.overlay.clone()),
            generation: state.generation,
            toolbar: None,
        }
    }
}

/// A body announced beyond this is refused before anything else: far above
/// what the server or the editor ever reads.
const ABSURD_BODY: usize = 64 * 1024 * 1024;

fn answer(shared: &Arc<Shared>, mut request: Request) {
    if request.body_length().is_some_and(|length| length > ABSURD_BODY) {
        let message = format!("{}\n", tr!("serve-body-too-large"));
        return Reply::new(413, TEXT_PLAIN, Body::Owned(message.into_bytes())).send_leaving_body(request);
    }
    if let Some(extension) = shared.extension.get() {
        if let Err((status, message)) = extension.admit(&request) {
            return Reply::new(status, TEXT_PLAIN, Body::Owned(format!("{message}\n").into_bytes())).send(request);
        }
        if let Some(answer) = extension.answer(&mut request) {
            let mut reply = Reply::new(answer.status, answer.content_type, Body::Owned(answer.body));
            for (name, value) in answer.headers {
                reply = reply.with(name, value);
            }
            return reply.send(request);
        }
    }
    if !matches!(request.method(), Method::Get | Method::Head) {
        return Reply::new(405, TEXT_PLAIN, Body::Owned(format!("{}\n", tr!("serve-method-not-allowed")).into_bytes()))
            .with("Allow", "GET, HEAD")
            .send(request);
    }
    let snapshot = shared.snapshot();
    let reply = match route(request.url(), &shared.root, &snapshot.files) {
        Route::Events if *request.method() == Method::Get => return open_stream(shared, request),
        Route::Events => Reply::new(200, "text/event-stream", Body::Static(b"")),
        Route::LiveJs => Reply::new(200, TEXT_JS, Body::Owned(page::live_js(snapshot.generation).into_bytes())),
        Route::File(key) => match snapshot.files.get(&key) {
            Some(bytes) => {
                let toolbar = shared.extension.get().and_then(|e| e.toolbar(&format!("{}{key}", shared.root)));
                file_reply(200, &key, bytes, &Snapshot { toolbar, ..snapshot.clone() })
            }
            None => not_found(&snapshot, &shared.root),
        },
        Route::Missing => not_found(&snapshot, &shared.root),
        Route::Redirect(status, location) => {
            Reply::new(status, TEXT_PLAIN, Body::Static(b"")).with("Location", location)
        }
        Route::Bad => Reply::new(400, TEXT_PLAIN, Body::Owned(format!("{}\n", tr!("serve-bad-request")).into_bytes())),
    };
    reply.send(request);
}

fn listen_error(addr: &str, error: io::Error) -> io::Error {
    if error.kind() != io::ErrorKind::AddrInUse {
        return io::Error::new(error.kind(), tr!("serve-cannot-listen", address = addr, detail = error.to_string()));
    }
    let message = match addr.rsplit(':').next().and_then(|port| port.parse::<u16>().ok()) {
        Some(port) => {
            let next = if port == u16::MAX { port - 1 } else { port + 1 };
            tr!("serve-port-in-use", address = addr, next = next.to_string())
        }
        None => tr!("serve-port-in-use-other", address = addr),
    };
    io::Error::new(io::ErrorKind::AddrInUse, message)
}

fn file_reply(status: u16, key: &str, bytes: &Arc<Vec<u8>>, snapshot: &Snapshot) -> Reply {
    let content_type = content_type(key);
    let body = if content_type == TEXT_HTML {
        Body::Owned(page::decorate(bytes, snapshot.overlay.as_deref(), snapshot.toolbar.as_deref()))
    } else {
        Body::Shared(bytes.clone())
    };
    Reply::new(status, content_type, body)
}

/// The site's own `404.html` when it has one, else a small page of ours.
fn not_found(snapshot: &Snapshot, root: &str) -> Reply {
    if let Some(bytes) = snapshot.files.get("404.html") {
        return file_reply(404, "404.html", bytes, snapshot);
    }
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title}</title></head>\
<body><h1>{title}</h1><p>{text} <a href=\"{home}\">{link}</a>.</p></body></html>\n",
        lang = crate::messages::locale().code(),
        title = page::escape(&tr!("serve-not-found-title")),
        text = page::escape(&tr!("serve-not-found-text")),
        home = page::escape(&encode_path(root)),
        link = page::escape(&tr!("serve-not-found-home")),
    );
    Reply::new(404, TEXT_HTML, Body::Owned(page::decorate(html.as_bytes(), snapshot.overlay.as_deref(), None)))
}

#[cfg(test)]
mod tests {
    use std::io::Write;
    use std::net::TcpStream;
    use std::time::Instant;

    use super::testing::*;
    use super::*;

    #[test]
    fn files_are_served_with_their_content_type_and_no_caching() {
        let (addr, _handle) = start("/", sample());
        let cases = [
            ("/style.css", "text/css; charset=utf-8"),
            ("/app.js", "text/javascript; charset=utf-8"),
            ("/data.json", "application/json"),
            ("/fr/atom.xml", "application/atom+xml; charset=utf-8"),
            ("/logo.svg", "image/svg+xml"),
            ("/photo.JPG", "image/jpeg"),
            ("/fonts/a.woff2", "font/woff2"),
            ("/events.ics", "text/calendar; charset=utf-8"),
            ("/site.webmanifest", "application/manifest+json"),
            ("/blob.bin", "application/octet-stream"),
        ];
        for (path, expected) in cases {
            let reply = get(addr, path);
            assert_eq!(reply.status, 200, "{path}");
            assert_eq!(reply.header("Content-Type"), Some(expected), "{path}");
            assert_eq!(reply.header("Cache-Control"), Some("no-store"), "{path}");
        }
    }

    #[test]
    fn folders_serve_their_index_and_gain_a_trailing_slash() {
        let (addr, _handle) = start("/", sample());
        let reply = get(addr, "/fr/");
        assert_eq!((reply.status, reply.header("Content-Type")), (200, Some(TEXT_HTML)));
        assert!(reply.text().starts_with("<body>fr"));
        let reply = get(addr, "/fr/partners?tab=2");
        assert_eq!((reply.status, reply.header("Location")), (301, Some("/fr/partners/")));
    }

    #[test]
    fn unknown_paths_get_the_site_404_page_with_status_404() {
        let (addr, _handle) = start("/", sample());
        let reply = get(addr, "/nowhere/");
        assert_eq!(reply.status, 404);
        assert_eq!(reply.text(), format!("<body>lost{}</body>", page::SCRIPT_TAG));
        let (addr, _handle) = start("/", site(&[("index.html", "x")]));
        let reply = get(addr, "/nowhere");
        assert_eq!(reply.status, 404);
        assert!(reply.text().contains("<h1>Not found</h1>"));
    }

    #[test]
    fn head_gives_the_length_without_a_body() {
        let big = "x".repeat(100_000);
        let (addr, _handle) = start("/", site(&[("index.html", PAGE), ("big.txt", &big)]));
        let reply = send(addr, "HEAD", "/big.txt", "");
        assert_eq!((reply.status, reply.header("Content-Length")), (200, Some("100000")));
        assert!(reply.body.is_empty());
        let html_length = get(addr, "/").body.len().to_string();
        let reply = send(addr, "HEAD", "/", "");
        assert_eq!(reply.header("Content-Length"), Some(html_length.as_str()));
        assert!(reply.body.is_empty());
        assert_eq!(get(addr, "/big.txt").header("Content-Length"), Some("100000"));
    }

    #[test]
    fn other_methods_are_refused() {
        let (addr, _handle) = start("/", sample());
        for method in ["POST", "PUT", "DELETE", "OPTIONS"] {
            let reply = send(addr, method, "/", "Content-Length: 0\r\n");
            assert_eq!((reply.status, reply.header("Allow")), (405, Some("GET, HEAD")), "{method}");
        }
    }

    #[test]
    fn traversal_attempts_never_reach_a_file() {
        let (addr, _handle) = start("/coopjop/", sample());
        for path in ["/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/coopjop/..%2fsecret", "/a%00b", "/a\\b"] {
            let reply = get(addr, path);
            assert!(matches!(reply.status, 400 | 404), "{path}: {}", reply.status);
            assert!(!reply.text().contains("root:") && !reply.text().contains("TOP SECRET"), "{path}");
        }
        assert_eq!(get(addr, "/coopjop/secret").text(), "TOP SECRET");
    }

    #[test]
    fn the_site_lives_under_its_root() {
        let (addr, _handle) = start("/coopjop/", sample());
        assert_eq!(get(addr, "/coopjop/fr/").status, 200);
        assert_eq!(get(addr, "/fr/").status, 404);
        let reply = get(addr, "/");
        assert_eq!((reply.status, reply.header("Location")), (302, Some("/coopjop/")));
        let reply = get(addr, "/__passerelle/live.js");
        assert_eq!((reply.status, reply.header("Content-Type")), (200, Some(TEXT_JS)));
        assert!(reply.text().contains("/__passerelle/events"));
    }

    #[test]
    fn only_html_gets_the_live_reload_script() {
        let files = sample();
        let (addr, _handle) = start("/", files.clone());
        let expected = PAGE.replace("\n</body>", &format!("\n{}</body>", page::SCRIPT_TAG));
        assert_eq!(get(addr, "/").text(), expected);
        assert_eq!(get(addr, "/style.css").text(), "body { color: red }");
        assert_eq!(files["index.html"].as_slice(), PAGE.as_bytes(), "the snapshot is untouched");
    }

    #[test]
    fn the_overlay_shows_while_the_build_fails() {
        let (addr, handle) = start("/", sample());
        let error = Diagnostic::error("content/news/launch.fr.md", 4, 13, "unknown partner '<b>region-sdu</b>'")
            .with_hint("did you mean 'region-sud'?");
        handle.show_errors(vec![error]);
        let text = get(addr, "/").text();
        let overlay_at = text.find(r#"<div id="passerelle-errors" role="alert" aria-live="assertive" lang="en">"#);
        assert_eq!(overlay_at, Some(PAGE.find("<body class=\"home\">").unwrap_or(0) + "<body class=\"home\">".len()));
        assert!(text.contains("Build failed — the last good version of the site is shown"));
        assert!(text.contains("<code>content/news/launch.fr.md:4:13</code>"));
        assert!(text.contains("unknown partner &#39;&lt;b&gt;region-sdu&lt;/b&gt;&#39;"));
        assert!(text.contains("hint: did you mean &#39;region-sud&#39;?"));
        assert!(text.contains("<p>Bonjour</p>"), "the last good site stays served");
        assert!(!get(addr, "/style.css").text().contains("passerelle-errors"));

        handle.publish(sample(), Change::Full);
        assert!(!get(addr, "/").text().contains("passerelle-errors"));
    }

    #[test]
    fn a_failure_before_any_good_build_says_there_is_no_site_yet() {
        let server = Server::bind("127.0.0.1:0", "/").expect("bind on a free port");
        let (addr, handle) = (server.local_addr(), server.handle());
        thread::spawn(move || server.run());
        handle.show_errors(vec![Diagnostic::error("site.toml", 2, 1, "missing 'title'")]);
        assert!(!handle.has_site());
        let reply = get(addr, "/");
        assert_eq!(reply.status, 404);
        let text = reply.text();
        assert!(text.contains("<h2>Build failed — there is no version of the site to show yet</h2><p>1 error</p>"));
        assert!(text.contains("<title>Not found</title>"), "{text}");
        assert!(
            text.contains(r#"<p>The built site has no page at this address. <a href="/">Go to the home page</a>.</p>"#)
        );
        handle.publish(sample(), Change::Full);
        assert!(handle.has_site());
        handle.show_errors(vec![Diagnostic::error("site.toml", 2, 1, "missing 'title'")]);
        assert!(get(addr, "/").text().contains("<h2>Build failed — the last good version of the site is shown</h2>"));
    }

    #[test]
    fn requests_are_answered_while_streams_are_open() {
        let (addr, handle) = start("/", sample());
        let _streams: Vec<_> = listen_many(addr, 10, "");
        wait_for_clients(&handle, 10);
        for _ in 0..WORKERS * 2 {
            assert_eq!(get(addr, "/style.css").status, 200);
        }
    }

    #[test]
    fn a_burst_of_keep_alive_connections_is_all_answered() {
        // Regression: with keep-alive, tiny_http left connections beyond its
        // idle pool threads unanswered until another connection closed.
        let (addr, _handle) = start("/", sample());
        let mut streams: Vec<_> =
            (0..12).map(|_| TcpStream::connect_timeout(&addr, TIMEOUT).expect("connect")).collect();
        for stream in &mut streams {
            stream.write_all(b"GET /style.css HTTP/1.1\r\nHost: localhost\r\n\r\n").expect("send");
        }
        for (n, mut stream) in streams.into_iter().enumerate() {
            let text = read_until(&mut stream, "color: red", Instant::now() + TIMEOUT);
            assert!(
                text.contains("\r\nConnection: close\r\n") && text.ends_with("color: red }"),
                "connection {n}: {text:?}"
            );
        }
    }

    #[test]
    fn a_port_in_use_names_the_next_one() {
        let first = Server::bind("127.0.0.1:0", "/").expect("bind");
        let addr = format!("127.0.0.1:{}", first.local_addr().port());
        let error = Server::bind(&addr, "/").err().expect("the port is taken");
        let next = first.local_addr().port() + 1;
        assert_eq!(
            error.to_string(),
            format!(
                "cannot listen on {addr}: the port is already in use (is another `passerelle serve` running? try --port {next})"
            )
        );
        let error = Server::bind("nonsense", "/").err().expect("not an address");
        assert!(error.to_string().starts_with("cannot listen on nonsense: "), "{error}");
    }

    #[test]
    fn serving_survives_a_dead_accept_loop() {
        let server = Server::bind("127.0.0.1:0", "/").expect("bind");
        let addr = server.local_addr();
        server.handle().publish(sample(), Change::Full);
        let Server { http, listener, shared, .. } = server;
        drop(http); // its accept thread ends, as on an accept error
        let dead = Arc::new(tiny_http::Server::http("127.0.0.1:0").expect("another server"));
        let accept = Arc::new(Accept { current: RwLock::new(dead.clone()), listener });
        let worker = accept.clone();
        thread::spawn(move || work(&worker, &shared));
        accept.restart(&dead);
        assert_eq!(get(addr, "/style.css").text(), "body { color: red }");
    }
}
