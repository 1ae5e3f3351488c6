//! Runs the real-browser tests of `passerelle serve --watch`
//! (tests/browser/*.test.mjs, Node's test runner driving Debian's Chromium
//! through playwright-core) against the binary cargo just built.
//!
//! They need Node.js, `npm ci` (for node_modules/playwright-core) and
//! /usr/bin/chromium (`apt-get install chromium`); `.ci/run` installs both.
//! Without them the test is skipped with a message, except under CI (the
//! `CI` variable set), where it fails and names what is missing.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CHROMIUM: &str = "/usr/bin/chromium";
/// Far above what the tests take (a few seconds); only a hang gets there.
const LIMIT: Duration = Duration::from_secs(180);

#[test]
fn live_reload_in_chromium() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let missing = missing_tools(root);
    if !missing.is_empty() {
        let what = missing.join(", ");
        assert!(
            std::env::var_os("CI").is_none(),
            "browser tests cannot run: missing {what} (.ci/run installs them: apt-get install chromium && npm ci)"
        );
        // Straight to stderr: the test harness captures eprintln! of passing tests.
        let _ = writeln!(
            std::io::stderr(),
            "browser tests skipped: missing {what} (run: apt-get install chromium && npm ci)"
        );
        return;
    }

    // The test files are named one by one: what `node --test DIR` does with
    // a folder differs between Node versions.
    let files = test_files(&root.join("tests/browser"));
    assert!(!files.is_empty(), "no tests/browser/*.test.mjs found");
    let mut child = Command::new("node")
        .arg("--test")
        .args(&files)
        .current_dir(root)
        // Server.start (support.mjs) sets each server's locale itself.
        .env("PASSERELLE_BIN", env!("CARGO_BIN_EXE_passerelle"))
        .stdin(Stdio::null())
        .spawn()
        .expect("start node");
    let deadline = Instant::now() + LIMIT;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for node") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the browser tests were still running after {} s: stopped", LIMIT.as_secs());
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(status.success(), "the browser tests failed ({status}): see node's report above");
}

/// What the browser tests need and cannot find.
fn missing_tools(root: &Path) -> Vec<String> {
    let mut missing = Vec::new();
    let node = Command::new("node").arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status();
    if !node.is_ok_and(|status| status.success()) {
        missing.push("node (Node.js)".to_string());
    }
    if !root.join("node_modules/playwright-core/package.json").is_file() {
        missing.push("node_modules/playwright-core".to_string());
    }
    if !Path::new(CHROMIUM).is_file() {
        missing.push(CHROMIUM.to_string());
    }
    missing
}

/// The `*.test.mjs` files of `dir`, sorted.
fn test_files(dir: &Path) -> Vec<PathBuf> {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let mut files: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.ends_with(".test.mjs")))
        .collect();
    files.sort();
    files
}
