//! Owns the `serve` command: builds the site into memory, serves it, and
//! with `--watch` rebuilds on every change and tells open browsers. A
//! build error never stops it: the last good site stays served with the
//! diagnostics shown over it, in the browser and in the terminal.

use std::io::Write as _;
use std::sync::Arc;
use std::time::Instant;

use crate::builder::{Builder, Report};
use crate::diag::Diagnostics;
use crate::options::{BuildOptions, load_config};
use crate::output::Memory;
use crate::server::{Change, Extension, Handle, Server};
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
    serve_with(options, None)
}

/// Runs the dev server with `extension` (the editor) asked about every
/// request and told of every build.
pub fn serve_with(options: ServeOptions, extension: Option<Arc<dyn Extension>>) -> std::io::Result<()> {
    let mut config_diags = Diagnostics::new();
    let root = load_config(&options.build.root, None, &mut config_diags)
        .map_or_else(|| "/".to_string(), |config| config.root().to_string());
    let address = format!("{}:{}", options.bind, options.port);
    let mut server = Server::bind(&address, &root)?;
    if let Some(extension) = &extension {
        extension.bound(server.local_addr());
        server = server.with_extension(Arc::clone(extension));
    }
    let local = server.local_addr();
    let handle = server.handle();
    let mut build = options.build.clone();
    let host = if local.ip().is_unspecified() { "127.0.0.1".to_string() } else { local.ip().to_string() };
    build.base_url = Some(format!("http://{host}:{}{root}", local.port()));
    let mut builder = Builder::new(build);
    let memory = Memory::default();

    let watcher = if options.watch { Some(Watcher::new(&options.build.root)?) } else { None };
    let report = build_and_show(&mut builder, &memory, &handle, Change::Full)?;
    if let Some(extension) = &extension {
        extension.site_changed();
    }
    print_report(&tr!("serve-first-build"), &report, handle.has_site());
    let url = format!("http://{host}:{}{root}", local.port());
    if options.watch {
        println!("{}", tr!("serve-serving-watching", url = &url));
    } else {
        println!("{}", tr!("serve-serving", url = &url));
    }
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
            if let Some(extension) = &extension {
                extension.site_changed();
            }
            let what = describe(&batch);
            // The time until browsers were told, when they were.
            let elapsed = report.ready.unwrap_or_else(|| started.elapsed());
            print_report(&what, &Report { elapsed, ..report }, handle.has_site());
        }
    }
    server_thread.join().map_err(|_| std::io::Error::other(tr!("serve-server-stopped")))
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

/// "changed content/news/a.fr.md" or "changed content/news/a.fr.md and 2
/// other files".
fn describe(batch: &watch::Batch) -> String {
    let first = batch.iter().next().cloned().unwrap_or_default();
    tr!("serve-changed", path = first, others = batch.len().saturating_sub(1))
}

/// One line per build, then the diagnostics when there are any. `what`
/// says what started the build; `has_site` whether a good build is served.
fn print_report(what: &str, report: &Report, has_site: bool) {
    let ms = format!("{:.0}", report.elapsed.as_secs_f64() * 1000.0);
    match &report.summary {
        Some(summary) => {
            let (rendered, files) = (summary.rendered, summary.files);
            println!("{}", tr!("serve-built", what = what, rendered = rendered, files = files, ms = ms));
        }
        None => {
            let errors = report.diagnostics.error_count();
            if has_site {
                println!("{}", tr!("serve-failed-last-good", what = what, errors = errors, ms = ms));
            } else {
                println!("{}", tr!("serve-failed-no-site", what = what, errors = errors, ms = ms));
            }
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
        println!("{}", tr!("serve-no-browser", url = url));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::{Locale, text_in};

    #[test]
    fn a_rebuild_names_the_first_changed_file_and_counts_the_others() {
        let batch = |paths: &[&str]| -> watch::Batch { paths.iter().map(|p| p.to_string()).collect() };
        assert_eq!(describe(&batch(&["a.md"])), "changed a.md");
        assert_eq!(describe(&batch(&["a.md", "b.md"])), "changed a.md and 1 other file");
        assert_eq!(describe(&batch(&["a.md", "b.md", "c.md"])), "changed a.md and 2 other files");
        let fr =
            |others: usize| text_in(Locale::Fr, "serve-changed", &[("path", "a.md".into()), ("others", others.into())]);
        assert_eq!(fr(0), "modification de a.md");
        assert_eq!(fr(1), "modification de a.md et d'un autre fichier");
        assert_eq!(fr(2), "modification de a.md et de 2 autres fichiers");
    }

    #[test]
    fn build_lines_agree_with_their_numbers_in_french() {
        let built = |rendered: usize, files: usize| {
            let args = [
                ("what", "construction du site".into()),
                ("rendered", rendered.into()),
                ("files", files.into()),
                ("ms", "12".into()),
            ];
            text_in(Locale::Fr, "serve-built", &args)
        };
        assert_eq!(built(0, 40), "construction du site : 0 page réécrite sur 40 en 12 ms");
        assert_eq!(built(1, 40), "construction du site : 1 page réécrite sur 40 en 12 ms");
        assert_eq!(built(40, 40), "construction du site : 40 pages réécrites sur 40 en 12 ms");
        let failed = |id: &str, errors: usize| {
            text_in(
                Locale::Fr,
                id,
                &[("what", "modification de a.md".into()), ("errors", errors.into()), ("ms", "7".into())],
            )
        };
        assert_eq!(
            failed("serve-failed-last-good", 2),
            "modification de a.md : échec de la construction avec 2 erreurs en 7 ms ; \
             la dernière version correcte du site reste servie"
        );
        assert_eq!(
            failed("serve-failed-no-site", 1),
            "modification de a.md : échec de la construction avec 1 erreur en 7 ms ; \
             le site sera servi dès qu'il se construira sans erreur"
        );
        assert_eq!(
            text_in(
                Locale::En,
                "serve-built",
                &[("what", "built the site".into()), ("rendered", 1.into()), ("files", 1.into()), ("ms", "3".into())]
            ),
            "built the site: 1 of 1 page rewritten in 3 ms"
        );
    }
}
