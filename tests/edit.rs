//! `passerelle edit` as an attacker or a careless request meets it: the real
//! binary on an ephemeral port, spoken to with raw HTTP. Every refusal must
//! leave the files on disk as they were, and the one well-formed save must
//! go through, so that the refusals are not the editor refusing everything.

mod common;

use std::process::{Child, Stdio};
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use common::Site;
use common::http::{self, Response};

const NEWS: &str = "---\n\
title: Lancement   # le titre des listes\n\
date: 2026-02-06\n\
# summary: Une phrase pour les listes.\n\
# author: Prénom Nom\n\
---\n\
\n\
Le programme est lancé.\n";

fn site() -> Site {
    Site::new(&[
        (
            "site.toml",
            "title = \"Programme\"\nbase_url = \"https://example.org/\"\ndefault_language = \"fr\"\n\n[languages.fr]\nname = \"Français\"\n\n[languages.en]\nname = \"English\"\n",
        ),
        ("content/_index.fr.md", "---\ntitle: Accueil\n---\n\nBienvenue.\n"),
        ("content/news/launch.fr.md", NEWS),
    ])
}

/// A running `passerelle edit`, stopped when dropped.
struct Editor {
    child: Child,
    port: u16,
    token: String,
}

impl Drop for Editor {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Editor {
    fn start(site: &Site) -> Editor {
        let mut child = common::passerelle(&[("LANG", "C.UTF-8")])
            .args(["edit", "--no-open", "--port", "0", "--root"])
            .arg(site.root())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start passerelle edit");
        let lines = http::lines_of(child.stdout.take().expect("stdout"));
        let port = http::port_in(&wait_for(&lines, " http://"));
        let mut editor = Editor { child, port, token: String::new() };
        let dashboard = editor.get("/__passerelle/edit/");
        assert_eq!(dashboard.status, 200, "{}", dashboard.body);
        editor.token = between(&dashboard.body, "name=\"passerelle-token\" content=\"", "\"").to_string();
        assert!(editor.token.len() >= 32, "a secret token in the page: {:?}", editor.token);
        editor
    }

    fn host(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    fn origin(&self) -> String {
        format!("http://{}", self.host())
    }

    /// Sends `head` (request line and headers, without the blank line) and
    /// `body`, and reads the whole answer.
    fn send(&self, head: &str, body: &[u8]) -> Response {
        http::exchange(self.port, &format!("{head}\r\nConnection: close\r\n\r\n"), body, Duration::from_secs(10))
    }

    fn get(&self, path: &str) -> Response {
        self.send(&format!("GET {path} HTTP/1.1\r\nHost: {}", self.host()), b"")
    }

    /// A form post as a page of the editor sends it, with `headers` added
    /// (and a Host and Origin unless `headers` gives its own).
    fn post(&self, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Response {
        let mut head = format!("POST {path} HTTP/1.1\r\nContent-Length: {}", body.len());
        let has = |name: &str| headers.iter().any(|(n, _)| n.eq_ignore_ascii_case(name));
        if !has("Host") {
            head.push_str(&format!("\r\nHost: {}", self.host()));
        }
        if !has("Origin") {
            head.push_str(&format!("\r\nOrigin: {}", self.origin()));
        }
        if !has("Content-Type") {
            head.push_str("\r\nContent-Type: application/x-www-form-urlencoded");
        }
        for (name, value) in headers.iter().filter(|(_, value)| !value.is_empty()) {
            head.push_str(&format!("\r\n{name}: {value}"));
        }
        self.send(&head, body)
    }

    /// The `base` fingerprint of the form opened on `rel`.
    fn base_of(&self, rel: &str) -> String {
        let form = self.get(&format!("/__passerelle/edit/form?path={rel}"));
        assert_eq!(form.status, 200, "{}", form.body);
        between(&form.body, "name=\"base\" value=\"", "\"").to_string()
    }
}

fn wait_for(lines: &Receiver<String>, text: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut seen = Vec::new();
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        match lines.recv_timeout(left) {
            Ok(line) if line.contains(text) => return line,
            Ok(line) => seen.push(line),
            Err(_) => break,
        }
    }
    panic!("no line with {text:?}; saw:\n{}", seen.join("\n"));
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text.find(start).unwrap_or_else(|| panic!("no {start:?} in the page")) + start.len();
    let len = text[from..].find(end).expect("the end of the value");
    &text[from..from + len]
}

/// `name=value&…`, each value percent-encoded.
fn form(pairs: &[(&str, &str)]) -> Vec<u8> {
    let encode = |text: &str| -> String {
        text.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
                b' ' => "+".to_string(),
                _ => format!("%{b:02X}"),
            })
            .collect()
    };
    pairs.iter().map(|(n, v)| format!("{}={}", encode(n), encode(v))).collect::<Vec<_>>().join("&").into_bytes()
}

/// A save of the launch news with `title` and `summary`, as the form posts it.
fn save_form(token: &str, base: &str, title: &str, summary: &str) -> Vec<u8> {
    form(&[
        ("token", token),
        ("path", "content/news/launch.fr.md"),
        ("base", base),
        ("f.title", title),
        ("f.date", "2026-02-06"),
        ("f.summary", summary),
        ("body", "Le programme est lancé.\n"),
    ])
}

/// What a refused request is, its body, its headers, and what the refusal names.
type Case<'a> = (&'a str, Vec<u8>, Vec<(&'a str, &'a str)>, &'a str);

#[test]
fn a_write_needs_the_token_a_same_origin_page_and_the_loopback_host() {
    let site = site();
    let editor = Editor::start(&site);
    let base = editor.base_of("content/news/launch.fr.md");
    let wrong_host = format!("evil.example:{}", editor.port);
    let other_port = format!("127.0.0.1:{}", editor.port.wrapping_add(1));
    let cases: [Case; 7] = [
        ("no token", save_form("", &base, "Piraté", ""), vec![], "key"),
        ("a wrong token", save_form("0123456789abcdef0123456789abcdef", &base, "Piraté", ""), vec![], "key"),
        (
            "a foreign Origin",
            save_form(&editor.token, &base, "Piraté", ""),
            vec![("Origin", "http://evil.example")],
            "Origin",
        ),
        ("no Origin", save_form(&editor.token, &base, "Piraté", ""), vec![("Origin", "")], "Origin"),
        ("a rebinding Host", save_form(&editor.token, &base, "Piraté", ""), vec![("Host", &wrong_host)], "Host"),
        ("another port in Host", save_form(&editor.token, &base, "Piraté", ""), vec![("Host", &other_port)], "Host"),
        (
            "a token header with a foreign Origin",
            save_form("", &base, "Piraté", ""),
            vec![("X-Passerelle-Token", &editor.token), ("Origin", "http://127.0.0.1:1")],
            "Origin",
        ),
    ];
    for (what, body, headers, named) in cases {
        let answer = editor.post("/__passerelle/edit/save", &headers, &body);
        assert_eq!(answer.status, 403, "{what}: {answer:?}");
        assert!(answer.body.starts_with("refused: ") && answer.body.contains(named), "{what}: {}", answer.body);
        assert_eq!(site.read_source("content/news/launch.fr.md"), NEWS, "{what} changed the file");
    }
    // A page of another site cannot even read the editor: no Host of ours.
    let read = editor.send("GET /__passerelle/edit/ HTTP/1.1\r\nHost: evil.example", b"");
    assert_eq!(read.status, 403, "{read:?}");
    let read = editor.send("GET /fr/ HTTP/1.1\r\nHost: evil.example", b"");
    assert_eq!(read.status, 403, "the site itself, through a rebinding name: {read:?}");

    // The same save, well formed, goes through: only the title line changes
    // and the summary replaces its commented example.
    let answer =
        editor.post("/__passerelle/edit/save", &[], &save_form(&editor.token, &base, "Le lancement", "Un début."));
    assert_eq!(answer.status, 303, "{answer:?}");
    assert_eq!(answer.header("location"), Some("/fr/actualites/launch/"));
    let expected = NEWS
        .replace("title: Lancement   #", "title: Le lancement   #")
        .replace("# summary: Une phrase pour les listes.", "summary: Un début.");
    assert_eq!(site.read_source("content/news/launch.fr.md"), expected);

    // What `build` writes knows nothing of the editor.
    let run = site.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = site.read("fr/actualites/launch/index.html");
    assert!(page.contains("Le lancement"), "{page}");
    for file in walkdir::WalkDir::new(site.root().join("public")).into_iter().filter_map(Result::ok) {
        let bytes = std::fs::read(file.path()).unwrap_or_default();
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("__passerelle") && !text.contains(&editor.token), "{}", file.path().display());
    }
}

#[test]
fn paths_outside_the_content_are_refused_and_nothing_changes() {
    let site = site();
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.md");
    std::fs::write(&secret, "---\ntitle: Secret\n---\n").unwrap();
    std::fs::create_dir_all(outside.path().join("events")).unwrap();
    std::fs::write(outside.path().join("events/far.fr.md"), "---\ntitle: Loin\n---\n").unwrap();
    std::os::unix::fs::symlink(&secret, site.root().join("content/news/link.fr.md")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("events"), site.root().join("content/events")).unwrap();
    let editor = Editor::start(&site);
    let site_toml = site.read_source("site.toml");

    let paths = [
        "../site.toml",
        "content/../site.toml",
        "content/news/../../site.toml",
        "site.toml",
        "/etc/passwd",
        &secret.display().to_string(),
        "content/news/%2e%2e/%2e%2e/site.toml",
        "content/news/link.fr.md",
        "content/events/far.fr.md",
        "content/news/launch.fr.md/../../../site.toml",
        "content\\news\\launch.fr.md",
        "static/images/x.md",
    ];
    for path in paths {
        let encoded = String::from_utf8(form(&[("path", path)])).unwrap();
        let read = editor.get(&format!("/__passerelle/edit/form?{encoded}"));
        assert!(matches!(read.status, 400 | 403), "reading {path}: {read:?}");
        assert!(read.body.starts_with("refused: "), "reading {path}: {}", read.body);
        assert!(!read.body.contains("Secret") && !read.body.contains("Loin"), "{path} leaked: {}", read.body);

        let body = form(&[
            ("token", &editor.token),
            ("path", path),
            ("base", "absent"),
            ("f.title", "Écrasé"),
            ("body", "Écrasé.\n"),
        ]);
        let write = editor.post("/__passerelle/edit/save", &[], &body);
        assert!(matches!(write.status, 400 | 403), "writing {path}: {write:?}");
        assert!(write.body.starts_with("refused: "), "writing {path}: {}", write.body);
    }
    assert_eq!(std::fs::read_to_string(&secret).unwrap(), "---\ntitle: Secret\n---\n");
    assert_eq!(std::fs::read_to_string(outside.path().join("events/far.fr.md")).unwrap(), "---\ntitle: Loin\n---\n");
    assert_eq!(site.read_source("site.toml"), site_toml);
    assert_eq!(site.read_source("content/news/launch.fr.md"), NEWS);
}

#[test]
fn a_body_over_the_limit_is_refused_and_nothing_changes() {
    let site = site();
    let editor = Editor::start(&site);
    // A form of 5 MB, past the 4 MB the editor reads.
    let mut body = save_form(&editor.token, "absent", "Énorme", "");
    body.extend(std::iter::repeat_n(b'a', 5 * 1024 * 1024));
    let answer = editor.post("/__passerelle/edit/save", &[], &body);
    assert_eq!(answer.status, 413, "{answer:?}");
    assert!(answer.body.contains("too large"), "{}", answer.body);
    assert_eq!(site.read_source("content/news/launch.fr.md"), NEWS);

    // A length no one sends, announced by hand: answered at once, and the
    // editor lives on.
    let head = format!(
        "POST /__passerelle/edit/save HTTP/1.1\r\nHost: {}\r\nOrigin: {}\r\nX-Passerelle-Token: {}\r\n\
Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 900000000000000",
        editor.host(),
        editor.origin(),
        editor.token
    );
    let answer = editor.send(&head, b"path=content%2Fnews%2Flaunch.fr.md");
    assert_eq!(answer.status, 413, "{answer:?}");
    assert!(answer.body.contains("too large"), "{}", answer.body);
    assert_eq!(editor.get("/__passerelle/edit/").status, 200);
    assert_eq!(site.read_source("content/news/launch.fr.md"), NEWS);
}

#[test]
fn uploads_are_checked_from_their_bytes_and_stored_under_a_safe_name() {
    let site = site();
    let editor = Editor::start(&site);
    let token = editor.token.clone();
    let upload = |name: &str, bytes: &[u8]| {
        editor.post(
            &format!("/__passerelle/edit/upload?name={name}"),
            &[("X-Passerelle-Token", &token), ("Content-Type", "application/octet-stream")],
            bytes,
        )
    };

    let text = upload("photo.png", b"#!/bin/sh\necho not an image\n");
    assert_eq!(text.status, 415, "{text:?}");
    let script = upload("logo.svg", b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
    assert!(matches!(script.status, 400 | 415), "{script:?}");
    assert!(!site.root().join("static/images/uploads/photo.png").exists());
    assert!(!site.root().join("static/images/uploads/logo.svg").exists());

    let mut png = Vec::new();
    image::RgbImage::from_pixel(4, 3, image::Rgb([200, 30, 40]))
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    let stored = upload("..%2F..%2FPhoto%20d%27%C3%A9t%C3%A9.png", &png);
    assert_eq!(stored.status, 201, "{stored:?}");
    let src: serde_json::Value = serde_json::from_str(&stored.body).unwrap();
    let src = src["src"].as_str().unwrap().to_string();
    assert!(src.starts_with("/images/uploads/") && src.ends_with(".png"), "{src}");
    let name = src.rsplit('/').next().unwrap();
    assert!(name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.'), "{name}");
    let written = std::fs::read(site.root().join("static").join(src.trim_start_matches('/'))).unwrap();
    let decoded = image::load_from_memory(&written).unwrap();
    assert_eq!((decoded.width(), decoded.height()), (4, 3));

    // Without the token, nothing is stored.
    let before = std::fs::read_dir(site.root().join("static/images/uploads")).unwrap().count();
    let refused = editor.post("/__passerelle/edit/upload?name=x.png", &[("Content-Type", "image/png")], &png);
    assert_eq!(refused.status, 403, "{refused:?}");
    assert_eq!(std::fs::read_dir(site.root().join("static/images/uploads")).unwrap().count(), before);
}

#[test]
fn edit_refuses_to_listen_beyond_this_computer() {
    let site = site();
    for address in ["0.0.0.0", "::", "192.168.1.10", "example.org"] {
        let run = site.run(&["edit", "--no-open", "--port", "0", "--bind", address]);
        assert_eq!(run.code, 1, "{address}: {}", run.stdout);
        assert!(run.stderr.contains(&format!("not on '{address}'")), "{address}: {}", run.stderr);
        assert!(!run.stdout.contains("http://"), "{address} served: {}", run.stdout);
    }
}
