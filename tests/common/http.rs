//! Raw HTTP for the tests of the servers (`serve`, `edit`): the lines a
//! spawned server prints, one request on its own connection, and the
//! answer as a user agent reads it.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

/// The lines of `stdout`, as they come, read on a thread of their own.
pub fn lines_of(stdout: impl Read + Send + 'static) -> Receiver<String> {
    let (tx, lines) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    lines
}

/// The port of a `serving http://HOST:PORT/…` line.
pub fn port_in(line: &str) -> u16 {
    let port = line.split(':').nth(2).and_then(|p| p.split('/').next()).and_then(|p| p.parse().ok());
    port.unwrap_or_else(|| panic!("no port in {line:?}"))
}

/// Sends `request` (everything up to the body) and `body` to `port`, then
/// reads until the server closes or the final answer's body is complete.
pub fn exchange(port: u16, request: &str, body: &[u8], timeout: Duration) -> Response {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream.set_read_timeout(Some(timeout)).unwrap();
    let _ = stream.write_all(request.as_bytes());
    let _ = stream.write_all(body);
    let mut raw = Vec::new();
    let mut chunk = [0; 8192];
    while let Ok(read @ 1..) = stream.read(&mut chunk) {
        raw.extend_from_slice(&chunk[..read]);
        if Response::parse(&raw).is_complete() {
            break;
        }
    }
    Response::parse(&raw)
}

#[derive(Debug)]
pub struct Response {
    pub status: u16,
    /// Names in lowercase.
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Response {
    /// The final answer in `raw`: interim `1xx` heads are skipped.
    pub fn parse(raw: &[u8]) -> Response {
        let mut text = String::from_utf8_lossy(raw).into_owned();
        while text.starts_with("HTTP/1.1 1") {
            let Some(end) = text.find("\r\n\r\n") else { break };
            text.drain(..end + 4);
        }
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let mut lines = head.lines();
        let status = lines.next().and_then(|l| l.split(' ').nth(1)).and_then(|s| s.parse().ok()).unwrap_or(0);
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        Response { status, headers, body: body.to_string() }
    }

    /// Whether the body announced by `Content-Length` has all arrived.
    pub fn is_complete(&self) -> bool {
        let length = self.header("content-length").and_then(|l| l.parse::<usize>().ok());
        self.status >= 200 && length.is_some_and(|length| self.body.len() >= length)
    }

    /// The value of the header `name` (lowercase).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}
