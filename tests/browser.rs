//! Runs the real-browser tests (tests/browser/*.test.mjs, Node's test runner
//! driving Debian's Chromium through playwright-core) against the binary
//! cargo just built: `passerelle serve --watch`, the search page, and the
//! accessibility (axe-core) and HTML validity (Nu HTML Checker) audits of
//! the demo portal.
//!
//! They need Node.js, `npm ci --ignore-scripts` (node_modules/playwright-core,
//! axe-core and vnu-jar), /usr/bin/chromium (`apt-get install chromium`) and
//! Java for vnu.jar (`apt-get install default-jre-headless`); `.ci/run`
//! installs them all. Without them the test is skipped with a message,
//! except under CI (the `CI` variable set), where it fails and names what is
//! missing.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CHROMIUM: &str = "/usr/bin/chromium";
/// What installs every tool the browser tests need, as `.ci/run` does it.
const INSTALL: &str = "apt-get install chromium default-jre-headless && npm ci --ignore-scripts";
/// The npm packages the tests use, each by a file it must have.
const NODE_MODULES: [&str; 3] = ["playwright-core/package.json", "axe-core/axe.min.js", "vnu-jar/build/dist/vnu.jar"];
/// Far above what the tests take (under two minutes on an idle 2-core machine,
/// the audits included); only a hang gets there.
const LIMIT: Duration = Duration::from_secs(480);

#[test]
fn live_reload_in_chromium() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let missing = missing_tools(root);
    if !missing.is_empty() {
        let what = missing.join(", ");
        assert!(
            std::env::var_os("CI").is_none(),
            "browser tests cannot run: missing {what} (.ci/run installs them: {INSTALL})"
        );
        // Straight to stderr: the test harness captures eprintln! of passing tests.
        let _ = writeln!(std::io::stderr(), "browser tests skipped: missing {what} (run: {INSTALL})");
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
    if !runs("node", "--version") {
        missing.push("node (Node.js)".to_string());
    }
    for file in NODE_MODULES {
        if !root.join("node_modules").join(file).is_file() {
            let package = file.split('/').next().unwrap_or(file);
            missing.push(format!("node_modules/{package}"));
        }
    }
    if !Path::new(CHROMIUM).is_file() {
        missing.push(CHROMIUM.to_string());
    }
    if !runs("java", "-version") {
        missing.push("java (for the Nu HTML Checker)".to_string());
    }
    missing
}

/// Whether `program arg` runs and succeeds.
fn runs(program: &str, arg: &str) -> bool {
    let status = Command::new(program).arg(arg).stdout(Stdio::null()).stderr(Stdio::null()).status();
    status.is_ok_and(|status| status.success())
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
