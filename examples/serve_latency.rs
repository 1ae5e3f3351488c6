//! Benchmark: how long after saving one news file the dev server serves
//! the rebuilt page. Starts `passerelle serve --watch` on a site (for
//! example one written by `gen_site`) and listens to its live-reload event
//! stream as a browser tab does; then, RUNS times, appends a unique word to
//! a news file, waits for the `reload` event and fetches the page, which
//! must hold the word. Prints every run, the server's own rebuild times,
//! and medians.
//!
//!     cargo build --release --examples
//!     target/release/examples/gen_site --news 1945 --out /tmp/site-4000
//!     target/release/examples/serve_latency --root /tmp/site-4000 [--runs 20]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1)).cloned();
    let Some(root) = value("--root").map(PathBuf::from) else {
        eprintln!("usage: serve_latency --root SITE [--runs N] [--passerelle PATH]");
        std::process::exit(2);
    };
    let runs: usize = value("--runs").and_then(|r| r.parse().ok()).unwrap_or(20);
    let binary = value("--passerelle").map(PathBuf::from).unwrap_or_else(default_binary);

    let news = root.join("content/news/news-00100.fr.md");
    let original = std::fs::read_to_string(&news).unwrap_or_else(|e| panic!("{}: {e}", news.display()));
    let mut child = Command::new(&binary)
        .args(["serve", "--watch", "--port", "0", "--root"])
        .arg(&root)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|e| panic!("{}: {e}", binary.display()));
    let lines = lines_of(child.stdout.take().expect("stdout"));
    let serving = wait_for(&lines, "serving http://", Duration::from_secs(120));
    let base = serving.split_whitespace().nth(1).expect("a URL").to_string();
    let port: u16 =
        base.split(':').nth(2).and_then(|p| p.split('/').next()).and_then(|p| p.parse().ok()).expect("port");
    let root_path = format!("/{}", base.splitn(4, '/').nth(3).unwrap_or(""));
    let page = format!("{root_path}fr/actualites/news-00100/");
    assert!(get(port, &page).contains("<html"), "{page} is not served");

    let mut events = TcpStream::connect(("127.0.0.1", port)).expect("connect to the event stream");
    write!(events, "GET /__passerelle/events HTTP/1.1\r\nHost: localhost\r\n\r\n").expect("subscribe");
    let events = lines_of(events);
    wait_for(&events, "event: hello", Duration::from_secs(10));

    let mut totals = Vec::new();
    let mut rebuilds = Vec::new();
    for run in 0..runs {
        let token = format!("jalon{run}x{}", std::process::id());
        let started = Instant::now();
        std::fs::write(&news, format!("{original}\n{token}\n")).expect("write the news file");
        wait_for(&events, "event: reload", Duration::from_secs(10));
        assert!(get(port, &page).contains(&token), "run {run}: the reloaded page lacks the edit");
        let total = started.elapsed();
        let line = wait_for(&lines, "rewritten in", Duration::from_secs(10));
        let rebuild: f64 =
            line.rsplit("in ").next().and_then(|t| t.trim_end_matches(" ms").parse().ok()).unwrap_or(f64::NAN);
        println!("run {run:2}: served {:6.1} ms after the save; rebuild {rebuild:5.1} ms ({line})", ms(total));
        totals.push(ms(total));
        rebuilds.push(rebuild);
        std::thread::sleep(Duration::from_millis(150));
    }
    std::fs::write(&news, original).expect("restore the news file");
    let _ = child.kill();
    let _ = child.wait();
    println!(
        "\n{runs} runs: median {:.1} ms from save to served page; median rebuild {:.1} ms",
        median(&mut totals),
        median(&mut rebuilds)
    );
}

fn default_binary() -> PathBuf {
    let here = std::env::current_exe().expect("own path");
    here.parent().and_then(Path::parent).map(|p| p.join("passerelle")).expect("target/release/passerelle")
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n == 0 {
        f64::NAN
    } else if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

fn lines_of(stdout: impl Read + Send + 'static) -> Receiver<String> {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

fn wait_for(lines: &Receiver<String>, text: &str, limit: Duration) -> String {
    let deadline = Instant::now() + limit;
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        match lines.recv_timeout(left) {
            Ok(line) if line.contains(text) => return line,
            Ok(_) => {}
            Err(_) => break,
        }
    }
    panic!("the server never printed {text:?}");
}

fn get(port: u16, path: &str) -> String {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else { return String::new() };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let _ = write!(stream, "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    let mut body = String::new();
    let _ = stream.read_to_string(&mut body);
    body
}
