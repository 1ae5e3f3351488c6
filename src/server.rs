//! Owns the HTTP side of `passerelle serve`: it answers requests from an
//! in-memory snapshot of the built site, adds the live-reload script (and,
//! while the last build failed, the error overlay) to HTML as it is served,
//! and pushes reload events to open browsers over server-sent events. It
//! never reads the disk (only the snapshot), never builds and never watches:
//! the build side publishes snapshots and errors through a [`Handle`].

mod extension;
mod page;
mod reply;

pub use self::extension::{Answer, Extension};

use std::collections::HashMap;
use std::io::{self, Write};
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr, TcpListener, TcpStream};
use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, RwLock};
use std::thread;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tiny_http::{Method, Request};

use self::reply::{Body, Reply, TEXT_HTML, TEXT_JS, TEXT_PLAIN, content_type};

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
/// How often an idle event stream gets a comment, so dead browsers are noticed.
const KEEP_ALIVE: Duration = Duration::from_secs(15);
/// The delay of the two comments after each event (see [`stream`]).
const QUICK_PING: Duration = Duration::from_secs(1);
/// Served by the server itself, outside the site's root.
const LIVE_PREFIX: &str = "/__passerelle/";
const EVENTS_HEAD: &[u8] = b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n\
Connection: close\r\n\r\nretry: 500\n\n";

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
    /// Where the server can reach itself (see [`open_stream`]).
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

/// One open event stream, fed by its own thread.
struct Client {
    id: u64,
    events: Sender<Arc<str>>,
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

impl State {
    /// Starts a new generation and queues its event for every open stream;
    /// streams whose thread has ended are dropped.
    fn broadcast(&mut self, kind: &str, data: Option<&str>) {
        self.generation += 1;
        let text: Arc<str> = event(self.generation, kind, data).into();
        self.clients.retain(|client| client.events.send(text.clone()).is_ok());
    }
}

/// One server-sent event; the id is the generation, the data defaults to it.
fn event(generation: u64, kind: &str, data: Option<&str>) -> String {
    let data = data.map_or_else(|| generation.to_string(), str::to_owned);
    format!("id: {generation}\nevent: {kind}\ndata: {data}\n\n")
}

/// Where a request leads, decided from its URL and the snapshot's paths only.
#[derive(Debug, PartialEq, Eq)]
enum Route {
    /// A key of `Files`.
    File(String),
    Missing,
    Redirect(u16, String),
    Bad,
    LiveJs,
    Events,
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

fn route(url: &str, root: &str, files: &Files) -> Route {
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
fn encode_path(path: &str) -> String {
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

fn normalize_root(root: &str) -> String {
    match root.trim_matches('/') {
        "" => "/".to_owned(),
        inner => format!("/{inner}/"),
    }
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

// ---- event streams ----

/// Registers a browser for events and gives its raw connection to a thread
/// of its own. The first event is the current state: `reload` when the page
/// comes from another generation (a change it missed, or a restart),
/// `errors` while the build is failing, else `hello`.
///
/// tiny_http reads each connection on a pool thread, which an open stream
/// now holds for good; when connections arrive in a burst (tabs reconnecting
/// after a restart) its pool queues some of them behind the busy threads.
/// Connecting to ourselves makes the pool start a thread, which then takes
/// the next queued connection; each stream opened that way pokes again.
fn open_stream(shared: &Arc<Shared>, request: Request) {
    let seen = last_seen(&request);
    let (sender, events) = mpsc::channel();
    let id = {
        let mut state = shared.lock();
        let generation = state.generation;
        let first = match (seen, &state.errors) {
            (Some(seen), _) if seen != generation => event(generation, "reload", None),
            (_, Some(errors)) => event(generation, "errors", Some(&errors.json)),
            _ => event(generation, "hello", None),
        };
        let _ = sender.send(first.into());
        let id = state.next_client;
        state.next_client += 1;
        state.clients.push(Client { id, events: sender });
        id
    };
    let writer = request.into_writer();
    let owner = shared.clone();
    let spawned = thread::Builder::new().name("passerelle-events".to_owned()).spawn(move || {
        let _ = panic::catch_unwind(AssertUnwindSafe(|| stream(writer, &events)));
        owner.lock().clients.retain(|client| client.id != id);
    });
    if spawned.is_err() {
        shared.lock().clients.retain(|client| client.id != id);
    }
    drop(TcpStream::connect_timeout(&shared.own_addr, Duration::from_secs(1)));
}

/// The generation the browser last saw: its `Last-Event-ID` on reconnects,
/// else the `since` the script was served with.
fn last_seen(request: &Request) -> Option<u64> {
    let from_header = request.headers().iter().find(|h| h.field.equiv("Last-Event-ID")).map(|h| h.value.as_str());
    let from_query = || {
        let query = request.url().split_once('?')?.1;
        query.split('&').find_map(|pair| pair.strip_prefix("since="))
    };
    from_header.or_else(from_query)?.trim().parse().ok()
}

/// Writes events as they come, a comment when idle; ends when the browser
/// has gone (a write fails) or the server forgot the client. A closed
/// connection only fails the second write after it, so two quick comments
/// follow each event: pages that reload are forgotten within seconds.
fn stream(mut writer: Box<dyn Write + Send>, events: &Receiver<Arc<str>>) -> io::Result<()> {
    writer.write_all(EVENTS_HEAD)?;
    writer.flush()?;
    let mut quick = 0_u8;
    loop {
        let wait = if quick > 0 { QUICK_PING } else { KEEP_ALIVE };
        match events.recv_timeout(wait) {
            Ok(text) => {
                writer.write_all(text.as_bytes())?;
                quick = 2;
            }
            Err(RecvTimeoutError::Timeout) => {
                writer.write_all(b": ping\n\n")?;
                quick = quick.saturating_sub(1);
            }
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        }
        writer.flush()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;
    use std::net::TcpStream;
    use std::time::Instant;

    const TIMEOUT: Duration = Duration::from_secs(5);
    const PAGE: &str = "<!DOCTYPE html>\n<html><head><title>Accueil</title></head>\n<body class=\"home\">\n<p>Bonjour</p>\n</body>\n</html>\n";

    fn site(entries: &[(&str, &str)]) -> Arc<Files> {
        Arc::new(entries.iter().map(|(path, text)| (path.to_string(), Arc::new(text.as_bytes().to_vec()))).collect())
    }

    fn sample() -> Arc<Files> {
        site(&[
            ("index.html", PAGE),
            ("fr/index.html", "<body>fr</body>"),
            ("fr/partners/index.html", "<body>partners</body>"),
            ("404.html", "<body>lost</body>"),
            ("style.css", "body { color: red }"),
            ("app.js", "console.log(1)"),
            ("data.json", "{}"),
            ("feed.xml", "<rss/>"),
            ("fr/atom.xml", "<feed/>"),
            ("logo.svg", "<svg/>"),
            ("photo.JPG", "jpg"),
            ("fonts/a.woff2", "w"),
            ("events.ics", "BEGIN:VCALENDAR"),
            ("site.webmanifest", "{}"),
            ("blob.bin", "?"),
            ("secret", "TOP SECRET"),
        ])
    }

    /// A running server with `files` published.
    fn start(root: &str, files: Arc<Files>) -> (SocketAddr, Handle) {
        let server = Server::bind("127.0.0.1:0", root).expect("bind on a free port");
        let (addr, handle) = (server.local_addr(), server.handle());
        thread::spawn(move || server.run());
        handle.publish(files, Change::Full);
        (addr, handle)
    }

    struct Received {
        status: u16,
        head: String,
        body: Vec<u8>,
    }

    impl Received {
        fn header(&self, name: &str) -> Option<&str> {
            self.head.lines().skip(1).find_map(|line| {
                let (field, value) = line.split_once(':')?;
                field.eq_ignore_ascii_case(name).then(|| value.trim())
            })
        }

        fn text(&self) -> String {
            String::from_utf8_lossy(&self.body).into_owned()
        }
    }

    /// Sends one raw request (the connection closes after the answer).
    fn send(addr: SocketAddr, method: &str, path: &str, extra: &str) -> Received {
        let mut stream = TcpStream::connect_timeout(&addr, TIMEOUT).expect("connect");
        stream.set_read_timeout(Some(TIMEOUT)).expect("timeout");
        let request = format!("{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n{extra}\r\n");
        stream.write_all(request.as_bytes()).expect("send");
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).expect("the server answers and closes in time");
        let split = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("a complete head");
        let head = String::from_utf8_lossy(&raw[..split]).into_owned();
        let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).expect("a status");
        Received { status, head, body: raw[split + 4..].to_vec() }
    }

    fn get(addr: SocketAddr, path: &str) -> Received {
        send(addr, "GET", path, "")
    }

    /// An open event stream; `extra` is added to the request's headers.
    fn listen(addr: SocketAddr, extra: &str) -> TcpStream {
        listen_many(addr, 1, extra).remove(0)
    }

    /// `n` event streams opened at once, like tabs reconnecting after a restart.
    fn listen_many(addr: SocketAddr, n: usize, extra: &str) -> Vec<TcpStream> {
        let mut streams: Vec<_> =
            (0..n).map(|_| TcpStream::connect_timeout(&addr, TIMEOUT).expect("connect")).collect();
        let request =
            format!("GET /__passerelle/events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n{extra}\r\n");
        for stream in &mut streams {
            stream.write_all(request.as_bytes()).expect("send");
        }
        streams
    }

    /// Reads until `needle` shows up or the deadline passes; returns all that was read.
    fn read_until(stream: &mut TcpStream, needle: &str, deadline: Instant) -> String {
        let mut seen = Vec::new();
        let mut buf = [0; 4096];
        while !String::from_utf8_lossy(&seen).contains(needle) {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            stream.set_read_timeout(Some(left)).expect("timeout");
            match stream.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => seen.extend_from_slice(&buf[..n]),
            }
        }
        String::from_utf8_lossy(&seen).into_owned()
    }

    fn wait_for_clients(handle: &Handle, n: usize) {
        let deadline = Instant::now() + TIMEOUT;
        while handle.clients() != n {
            assert!(Instant::now() < deadline, "expected {n} clients, have {}", handle.clients());
            thread::sleep(Duration::from_millis(10));
        }
    }

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
    fn every_open_browser_is_told_to_reload() {
        let (addr, handle) = start("/", sample());
        let mut streams: Vec<_> = listen_many(addr, 10, "");
        wait_for_clients(&handle, 10);
        for stream in &mut streams {
            let start = read_until(stream, "event: hello", Instant::now() + TIMEOUT);
            assert!(start.contains("Content-Type: text/event-stream\r\n"), "{start}");
            assert!(start.contains("retry: 500\n"), "{start}");
        }
        handle.publish(sample(), Change::Full);
        let deadline = Instant::now() + Duration::from_secs(1);
        for (n, stream) in streams.iter_mut().enumerate() {
            let text = read_until(stream, "event: reload", deadline);
            assert!(text.contains("event: reload"), "client {n} got: {text:?}");
        }
    }

    #[test]
    fn a_stylesheet_change_swaps_css_only() {
        let (addr, handle) = start("/", sample());
        let mut stream = listen(addr, "");
        wait_for_clients(&handle, 1);
        handle.publish(sample(), Change::CssOnly);
        let text = read_until(&mut stream, "event: css", Instant::now() + TIMEOUT);
        assert!(text.contains("event: css") && !text.contains("event: reload"), "{text:?}");
    }

    #[test]
    fn streams_carry_errors_and_their_fix() {
        let (addr, handle) = start("/", sample());
        handle.show_errors(vec![Diagnostic::error("site.toml", 2, 1, "missing 'title'")]);
        let mut stream = listen(addr, "");
        let text = read_until(&mut stream, "}]", Instant::now() + TIMEOUT);
        assert!(
            text.contains("event: errors\ndata: {\"count\":\"1 error\",\"errors\":[{"),
            "sent on connect: {text:?}"
        );
        assert!(text.contains(r#""message":"missing 'title'""#), "{text:?}");
        handle.publish(sample(), Change::CssOnly);
        let text = read_until(&mut stream, "event: ok", Instant::now() + TIMEOUT);
        assert!(text.contains("event: ok"), "{text:?}");
    }

    #[test]
    fn a_browser_from_another_generation_reloads_on_connect() {
        let (addr, handle) = start("/", sample());
        let mut stream = listen(addr, "Last-Event-ID: 12\r\n");
        assert!(read_until(&mut stream, "event: reload", Instant::now() + TIMEOUT).contains("event: reload"));
        let generation = handle.shared.lock().generation;
        let mut stream = listen(addr, &format!("Last-Event-ID: {generation}\r\n"));
        let text = read_until(&mut stream, "event: hello", Instant::now() + TIMEOUT);
        assert!(text.contains(&format!("id: {generation}\nevent: hello")), "{text:?}");
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
    fn browsers_that_left_are_dropped() {
        let (addr, handle) = start("/", sample());
        let stay = listen(addr, "");
        let mut leave = listen(addr, "");
        assert!(read_until(&mut leave, "event: hello", Instant::now() + TIMEOUT).contains("event: hello"));
        wait_for_clients(&handle, 2);
        drop(leave);
        handle.publish(sample(), Change::Full);
        wait_for_clients(&handle, 1);
        drop(stay);
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

    #[test]
    fn roots_are_normalized() {
        for (given, expected) in [("/", "/"), ("", "/"), ("coopjop", "/coopjop/"), ("/coopjop/", "/coopjop/")] {
            assert_eq!(normalize_root(given), expected);
        }
    }
}
