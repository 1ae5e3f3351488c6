//! What the dev server's tests share: sample sites, a running server, and
//! raw HTTP requests and event streams sent to it over TCP.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use super::{Change, Files, Handle, Server};

pub(super) const TIMEOUT: Duration = Duration::from_secs(5);
pub(super) const PAGE: &str = "<!DOCTYPE html>\n<html><head><title>Accueil</title></head>\n<body class=\"home\">\n<p>Bonjour</p>\n</body>\n</html>\n";

pub(super) fn site(entries: &[(&str, &str)]) -> Arc<Files> {
    Arc::new(entries.iter().map(|(path, text)| (path.to_string(), Arc::new(text.as_bytes().to_vec()))).collect())
}

pub(super) fn sample() -> Arc<Files> {
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
pub(super) fn start(root: &str, files: Arc<Files>) -> (SocketAddr, Handle) {
    let server = Server::bind("127.0.0.1:0", root).expect("bind on a free port");
    let (addr, handle) = (server.local_addr(), server.handle());
    thread::spawn(move || server.run());
    handle.publish(files, Change::Full);
    (addr, handle)
}

pub(super) struct Received {
    pub(super) status: u16,
    head: String,
    pub(super) body: Vec<u8>,
}

impl Received {
    pub(super) fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().skip(1).find_map(|line| {
            let (field, value) = line.split_once(':')?;
            field.eq_ignore_ascii_case(name).then(|| value.trim())
        })
    }

    pub(super) fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Sends one raw request (the connection closes after the answer).
pub(super) fn send(addr: SocketAddr, method: &str, path: &str, extra: &str) -> Received {
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

pub(super) fn get(addr: SocketAddr, path: &str) -> Received {
    send(addr, "GET", path, "")
}

/// An open event stream; `extra` is added to the request's headers.
pub(super) fn listen(addr: SocketAddr, extra: &str) -> TcpStream {
    listen_many(addr, 1, extra).remove(0)
}

/// `n` event streams opened at once, like tabs reconnecting after a restart.
pub(super) fn listen_many(addr: SocketAddr, n: usize, extra: &str) -> Vec<TcpStream> {
    let mut streams: Vec<_> = (0..n).map(|_| TcpStream::connect_timeout(&addr, TIMEOUT).expect("connect")).collect();
    let request =
        format!("GET /__passerelle/events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n{extra}\r\n");
    for stream in &mut streams {
        stream.write_all(request.as_bytes()).expect("send");
    }
    streams
}

/// Reads until `needle` shows up or the deadline passes; returns all that was read.
pub(super) fn read_until(stream: &mut TcpStream, needle: &str, deadline: Instant) -> String {
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

pub(super) fn wait_for_clients(handle: &Handle, n: usize) {
    let deadline = Instant::now() + TIMEOUT;
    while handle.clients() != n {
        assert!(Instant::now() < deadline, "expected {n} clients, have {}", handle.clients());
        thread::sleep(Duration::from_millis(10));
    }
}
