//! Owns the `serve` command: builds the site into memory, serves it, and
//! with `--watch` rebuilds on every change and tells open browsers. A
//! build error never stops it: the last good site stays served with the
//! diagnostics shown over it, in the browser and in the terminal.

use std::io::Write as _;
use std::sync::Arc;
use std::time::Instant;

use crate::builder::{Builder, Report};
use crate::diag::Diagnostics;
use crate::output::Memory;
use crate::pipeline::{BuildOptions, load_config};
use crate::server::{Change, Handle, Server};
use crate::watch::{self, Watcher};

/// What `serve` was asked for.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub build: BuildOptions,
    pub bind: String,
    pub port: u16,
    pub watch: bool,
    pub open: bool,
}

/// Runs the dev server until the process is stopped.
pub fn serve(options: ServeOptions) -> std::io::Result<()> {
    let mut config_diags = Diagnostics::new();
    let root = load_config(&options.build.root, None, &mut config_diags)
        .map_or_else(|| "/".to_string(), |config| config.root().to_string());
    let address = format!("{}:{}", options.bind, options.port);
    let server = Server::bind(&address, &root)?;
    let local = server.local_addr();
    let handle = server.handle();
    let mut build = options.build.clone();
    let host = if local.ip().is_unspecified() { "127.0.0.1".to_string() } else { local.ip().to_string() };
    build.base_url = Some(format!("http://{host}:{}{root}", local.port()));
    let mut builder = Builder::new(build);
    let memory = Memory::default();

    let watcher = if options.watch { Some(Watcher::new(&options.build.root)?) } else { None };
    let report = build_and_show(&mut builder, &memory, &handle, Change::Full)?;
    print_report("built the site", &report);
    let url = format!("http://{host}:{}{root}", local.port());
    println!(
        "serving {url}{}",
        if options.watch { " (watching for changes; Ctrl+C to stop)" } else { " (Ctrl+C to stop)" }
    );
    let _ = std::io::stdout().flush();
    if options.open {
        open_browser(&url);
    }
    let server_thread = std::thread::spawn(move || server.run());
    if let Some(mut watcher) = watcher {
        while let Some(batch) = watcher.next_batch() {
            let started = Instant::now();
            builder.note_changes(&batch);
            let change = if watch::only_styles(&batch) { Change::CssOnly } else { Change::Full };
            let report = build_and_show(&mut builder, &memory, &handle, change)?;
            let what = describe(&batch);
            // The time until browsers were told, when they were.
            let elapsed = report.ready.unwrap_or_else(|| started.elapsed());
            print_report(&what, &Report { elapsed, ..report });
        }
    }
    server_thread.join().map_err(|_| std::io::Error::other("the server thread stopped unexpectedly"))
}

/// Builds, tells browsers as soon as the pages are ready, then serves the
/// files that cover the whole site too; on failure shows the diagnostics.
fn build_and_show(builder: &mut Builder, memory: &Memory, handle: &Handle, change: Change) -> std::io::Result<Report> {
    let report = builder.build_with(memory, &mut || handle.publish(Arc::new(memory.snapshot()), change))?;
    if report.summary.is_some() {
        handle.update(Arc::new(memory.snapshot()));
    } else {
        handle.show_errors(report.diagnostics.sorted());
    }
    Ok(report)
}

/// "content/news/a.fr.md" or "content/news/a.fr.md and 2 other files".
fn describe(batch: &watch::Batch) -> String {
    let mut paths = batch.iter();
    let first = paths.next().cloned().unwrap_or_default();
    match batch.len() {
        0 | 1 => format!("changed {first}"),
        2 => format!("changed {first} and 1 other file"),
        n => format!("changed {first} and {} other files", n - 1),
    }
}

/// One line per build, then the diagnostics when there are any.
fn print_report(what: &str, report: &Report) {
    let ms = report.elapsed.as_secs_f64() * 1000.0;
    match &report.summary {
        Some(summary) => {
            println!("{what}: {} of {} pages rewritten in {ms:.0} ms", summary.rendered, summary.files);
        }
        None => {
            let errors = report.diagnostics.error_count();
            println!(
                "{what}: build failed with {errors} error{} in {ms:.0} ms; still serving the last good site",
                if errors == 1 { "" } else { "s" }
            );
        }
    }
    for d in report.diagnostics.sorted() {
        println!("{d}");
    }
    let _ = std::io::stdout().flush();
}

/// Opens the site in the user's browser; failing to is not an error.
fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(opener).arg(url).spawn().is_err() {
        println!("could not open a browser: open {url} yourself");
    }
}
