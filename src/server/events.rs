//! The live-reload event stream: each open browser gets server-sent events
//! on a thread of its own (`reload`, `css`, `errors`, `ok`), a first event
//! that tells a page whether it is out of date, and comments while idle so
//! that browsers which left are noticed and forgotten. What an event means
//! to the page is `live.js`'s business; this side only numbers and sends.

use std::io::{self, Write};
use std::net::TcpStream;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::Duration;

use tiny_http::Request;

use super::{Shared, State};

/// How often an idle event stream gets a comment, so dead browsers are noticed.
const KEEP_ALIVE: Duration = Duration::from_secs(15);
/// The delay of the two comments after each event (see [`stream`]).
const QUICK_PING: Duration = Duration::from_secs(1);
const EVENTS_HEAD: &[u8] = b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n\
Connection: close\r\n\r\nretry: 500\n\n";

/// One open event stream, fed by its own thread.
pub(super) struct Client {
    id: u64,
    events: Sender<Arc<str>>,
}

impl State {
    /// Starts a new generation and queues its event for every open stream;
    /// streams whose thread has ended are dropped.
    pub(super) fn broadcast(&mut self, kind: &str, data: Option<&str>) {
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
pub(super) fn open_stream(shared: &Arc<Shared>, request: Request) {
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
    use std::time::Instant;

    use super::*;
    use crate::diag::Diagnostic;
    use crate::server::Change;
    use crate::server::testing::*;

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
}
