//! `passerelle serve` as a user meets it: the real binary on an ephemeral
//! port, spoken to with raw HTTP requests.

mod common;

use std::cell::RefCell;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use common::Site;
use common::http::{self, Response};

/// A running `passerelle serve`, stopped when dropped.
struct Served {
    child: Child,
    lines: Receiver<String>,
    /// Every stdout line received so far.
    printed: RefCell<Vec<String>>,
    port: u16,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Served {
    fn start(site: &Site, extra: &[&str]) -> Served {
        Served::start_in("C.UTF-8", site, extra)
    }

    /// Starts with `LANG` set to `lang` (and no other locale variable).
    fn start_in(lang: &str, site: &Site, extra: &[&str]) -> Served {
        let mut child = common::passerelle(&[("LANG", lang)])
            .args(["serve", "--port", "0", "--root"])
            .arg(site.root())
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start passerelle serve");
        let lines = http::lines_of(child.stdout.take().expect("stdout"));
        let mut served = Served { child, lines, printed: RefCell::default(), port: 0 };
        served.port = http::port_in(&served.wait_for(" http://"));
        served
    }

    /// Waits (10 s at most) for a stdout line containing `text`.
    fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        let from = self.printed.borrow().len();
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    self.printed.borrow_mut().push(line.clone());
                    if line.contains(text) {
                        return line;
                    }
                }
                Err(_) => break,
            }
        }
        panic!("no line with {text:?}; saw:\n{}", self.printed.borrow()[from..].join("\n"));
    }

    fn request(&self, method: &str, path: &str) -> Response {
        let request = format!("{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        http::exchange(self.port, &request, b"", Duration::from_secs(5))
    }

    fn get(&self, path: &str) -> Response {
        self.request("GET", path)
    }
}

/// Polls `check` until it is true, for 5 s at most.
fn eventually(what: &str, mut check: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        if check() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("timed out waiting for: {what}");
}

#[test]
fn pages_are_served_under_the_sub_path_with_their_content_types() {
    let site = Site::minimal();
    site.write("static/files/report.pdf", "%PDF-1.4");
    site.write("static/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    let served = Served::start(&site, &[]);
    let cases = [
        ("/prog/fr/", 200, "text/html; charset=utf-8"),
        ("/prog/en/news/coopjop-launch/", 200, "text/html; charset=utf-8"),
        ("/prog/style.css", 200, "text/css; charset=utf-8"),
        ("/prog/logo.svg", 200, "image/svg+xml"),
        ("/prog/files/report.pdf", 200, "application/pdf"),
        ("/prog/no/such/page/", 404, "text/html; charset=utf-8"),
    ];
    for (path, status, content_type) in cases {
        let response = served.get(path);
        assert_eq!((response.status, response.header("content-type")), (status, Some(content_type)), "{path}");
    }
    assert!(served.get("/prog/no/such/page/").body.contains("404"), "the site's own 404 page");
    assert_eq!(served.get("/").status, 302);
    assert_eq!(served.get("/prog/fr").status, 301, "a folder without its slash is redirected");
    let page = served.get("/prog/fr/").body;
    assert!(page.contains("/__passerelle/live.js"), "HTML gets the live-reload script");
    assert!(!served.get("/prog/style.css").body.contains("__passerelle"), "CSS is served as built");
}

#[test]
fn head_requests_get_headers_only() {
    let site = Site::minimal();
    let served = Served::start(&site, &[]);
    let get = served.get("/prog/style.css");
    let head = served.request("HEAD", "/prog/style.css");
    assert_eq!(head.status, 200);
    assert_eq!(head.header("content-length"), get.header("content-length"));
    assert!(head.body.is_empty());
    assert_eq!(served.request("POST", "/prog/fr/").status, 405);
}

#[test]
fn a_request_announcing_an_absurd_body_is_refused_and_the_server_lives_on() {
    let site = Site::minimal();
    let served = Served::start(&site, &[]);
    let mut stream = TcpStream::connect(("127.0.0.1", served.port)).expect("connect");
    stream.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    write!(stream, "POST /prog/fr/ HTTP/1.1\r\nHost: localhost\r\nContent-Length: 900000000000000\r\n\r\nx").unwrap();
    let mut raw = Vec::new();
    let mut chunk = [0; 4096];
    while let Ok(read @ 1..) = stream.read(&mut chunk) {
        raw.extend_from_slice(&chunk[..read]);
        if String::from_utf8_lossy(&raw).ends_with("request too large\n") {
            break;
        }
    }
    let text = String::from_utf8_lossy(&raw);
    assert!(text.contains("\r\n\r\nHTTP/1.1 413 Payload Too Large\r\n"), "{text}");
    assert_eq!(served.get("/prog/fr/").status, 200, "the server still answers");
}

#[test]
fn nothing_outside_the_built_site_can_be_read() {
    let site = Site::minimal();
    site.write("secret.txt", "do not serve");
    let served = Served::start(&site, &[]);
    for path in [
        "/prog/../secret.txt",
        "/prog/%2e%2e/secret.txt",
        "/prog/%2E%2e/%2e%2e/etc/passwd",
        "/prog/..%2fsecret.txt",
        "/prog/fr/%00index.html",
        "/prog/fr\\..\\..\\secret.txt",
        "/prog/../../../../etc/passwd",
        "/prog/site.toml",
        "/prog/content/news/launch.fr.md",
    ] {
        let response = served.get(path);
        assert!(matches!(response.status, 400 | 404), "{path}: status {}", response.status);
        assert!(!response.body.contains("do not serve") && !response.body.contains("root:"), "{path} leaked a file");
        assert!(!response.body.contains("base_url"), "{path} leaked site.toml");
    }
}

#[test]
fn a_first_build_that_fails_is_shown_and_fixing_it_serves_the_site() {
    let site = Site::minimal();
    site.write("content/news/launch.fr.md", "---\ntitle: [oops\n---\n");
    let served = Served::start(&site, &["--watch"]);
    let page = served.get("/prog/fr/");
    assert!(page.body.contains("passerelle-errors"), "the overlay is shown: {}", page.body);
    assert!(page.body.contains("content/news/launch.fr.md:3:1"), "with the position: {}", page.body);
    site.write("content/news/launch.fr.md", "---\ntitle: Réparé\ndate: 2026-02-06\n---\nTout va bien.\n");
    served.wait_for("pages rewritten");
    eventually("the fixed page is served without the overlay", || {
        let page = served.get("/prog/fr/actualites/launch/");
        page.status == 200 && page.body.contains("Tout va bien") && !page.body.contains("id=\"passerelle-errors\"")
    });
}

#[test]
fn each_rebuild_prints_one_line_and_keeps_the_last_good_site_on_error() {
    let site = Site::minimal();
    let served = Served::start(&site, &["--watch"]);
    site.write(
        "content/news/launch.en.md",
        "---\ntitle: COOPJOP launched\nslug: coopjop-launch\n---\nA brand new text.\n",
    );
    let line = served.wait_for("pages rewritten");
    assert!(line.starts_with("changed content/news/launch.en.md: "), "{line}");
    eventually("the new text", || served.get("/prog/en/news/coopjop-launch/").body.contains("A brand new text"));

    site.write("content/news/launch.en.md", "---\ntitle: [broken\n---\n");
    let line = served.wait_for("build failed");
    assert!(line.contains("still serving the last good site"), "{line}");
    let diagnostic = served.wait_for("content/news/launch.en.md:");
    assert!(diagnostic.starts_with("content/news/launch.en.md:3:1: invalid YAML"), "{diagnostic}");
    let page = served.get("/prog/en/news/coopjop-launch/");
    assert!(page.body.contains("A brand new text"), "the last good page is still served");
    assert!(page.body.contains("passerelle-errors"), "with the errors over it");
}

#[test]
fn a_port_in_use_is_a_clear_message() {
    let site = Site::minimal();
    let busy = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = busy.local_addr().unwrap().port().to_string();
    let output =
        common::passerelle_in_english().args(["serve", "--port", &port, "--root"]).arg(site.root()).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let next = port.parse::<u16>().unwrap() + 1;
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        format!(
            "error: cannot listen on 127.0.0.1:{port}: the port is already in use (is another `passerelle serve` running? try --port {next})\n"
        )
    );
}

/// `line` with every number replaced by N (times and page counts vary).
fn numbers_hidden(line: &str) -> String {
    let mut out = String::new();
    for c in line.chars() {
        if !c.is_ascii_digit() {
            out.push(c);
        } else if !out.ends_with('N') {
            out.push('N');
        }
    }
    out
}

#[test]
fn serve_speaks_french_in_a_french_locale_in_the_terminal_and_the_overlay() {
    let site = Site::minimal();
    site.write("content/news/launch.fr.md", "---\ntitle: [oops\n---\n");
    let served = Served::start_in("fr_FR.UTF-8", &site, &["--watch"]);
    let printed = served.printed.borrow().clone();
    let port = served.port;
    // The build line, the diagnostic (with its hint) and the address.
    assert_eq!(printed.len(), 4, "{printed:#?}");
    assert_eq!(
        numbers_hidden(&printed[0]),
        "construction du site : échec de la construction avec N erreur en N ms ; \
         le site sera servi dès qu'il se construira sans erreur"
    );
    assert!(printed[1].starts_with("content/news/launch.fr.md:3:1: "), "{}", printed[1]);
    assert!(printed[2].starts_with("  conseil : "), "{}", printed[2]);
    assert_eq!(
        printed[3],
        format!("site servi sur http://127.0.0.1:{port}/prog/ (surveillance des modifications ; Ctrl+C pour arrêter)")
    );

    let page = served.get("/prog/fr/");
    assert_eq!(page.status, 404);
    assert!(page.body.starts_with(
        "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Page introuvable</title>"
    ));
    assert!(page.body.contains(
        "<p>Le site construit n&#39;a aucune page à cette adresse. <a href=\"/prog/\">Aller à la page d&#39;accueil</a>.</p>"
    ));
    assert!(page.body.contains(r#"<div id="passerelle-errors" role="alert" aria-live="assertive" lang="fr">"#));
    assert!(page.body.contains(r#"onclick="this.parentNode.remove()">Fermer</button>"#));
    assert!(page.body.contains(
        "<h2>La construction a échoué — aucune version du site à afficher pour l&#39;instant</h2><p>1 erreur</p>"
    ));
    let script = served.get("/__passerelle/live.js").body;
    assert!(script.contains(r#""dismiss":"Fermer","#) && script.contains(r#""hint":"conseil :","lang":"fr","#));

    site.write("content/news/launch.fr.md", "---\ntitle: Réparé\ndate: 2026-02-06\n---\nTout va bien.\n");
    let line = served.wait_for("réécrite");
    assert_eq!(numbers_hidden(&line), "modification de content/news/launch.fr.md : N pages réécrites sur N en N ms");
    site.write("content/news/launch.fr.md", "---\ntitle: [oops\n---\n");
    let line = served.wait_for("échec");
    assert_eq!(
        numbers_hidden(&line),
        "modification de content/news/launch.fr.md : échec de la construction avec N erreur en N ms ; \
         la dernière version correcte du site reste servie"
    );
    let page = served.get("/prog/fr/");
    assert!(page.body.contains(
        "<h2>La construction a échoué — la dernière version correcte du site est affichée</h2><p>1 erreur</p>"
    ));
}

#[test]
fn a_port_in_use_is_a_clear_message_in_french() {
    let site = Site::minimal();
    let busy = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = busy.local_addr().unwrap().port();
    let output = common::passerelle(&[("LANG", "fr_FR.UTF-8")])
        .args(["serve", "--port", &port.to_string(), "--root"])
        .arg(site.root())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    // The word before the message is main.rs's.
    let (_, message) = stderr.split_once(": ").expect("error: message");
    assert_eq!(
        message,
        format!(
            "impossible d'écouter sur 127.0.0.1:{port} : le port est déjà utilisé (un autre `passerelle serve` est-il lancé ? essayez --port {})\n",
            port + 1
        )
    );
}
