//! Owns watching a site's folders for `serve --watch`: turns file-system
//! events into batches of changed paths once the files have been quiet for
//! a few tens of milliseconds, leaving out editor temp and swap files and
//! everything outside what a build reads. It does not build anything.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};

/// The folders and files of a site that a build reads.
pub const WATCHED: [&str; 6] = ["site.toml", "content", "themes", "templates", "locales", "static"];

/// How long files must stay quiet before a batch is handed over.
pub const QUIET: Duration = Duration::from_millis(15);
/// A batch is handed over after this long even if events keep coming.
const LONGEST: Duration = Duration::from_millis(400);

/// Changed paths, relative to the site root, with `/`.
pub type Batch = BTreeSet<String>;

/// Watches one site.
pub struct Watcher {
    root: PathBuf,
    inner: RecommendedWatcher,
    events: Receiver<notify::Result<Event>>,
    watched: BTreeSet<String>,
}

impl Watcher {
    /// Starts watching the parts of `root` a build reads.
    pub fn new(root: &Path) -> std::io::Result<Watcher> {
        let root = root.canonicalize().map_err(|e| crate::output::with_path(e, root))?;
        let (tx, events) = channel();
        let inner = notify::recommended_watcher(move |event| {
            let _ = tx.send(event);
        })
        .map_err(|e| cannot_watch(&root, &e))?;
        let mut watcher = Watcher { root, inner, events, watched: BTreeSet::new() };
        // The root itself, not recursively: to see site.toml and folders that appear later.
        let root = watcher.root.clone();
        watcher.inner.watch(&root, RecursiveMode::NonRecursive).map_err(|e| cannot_watch(&root, &e))?;
        watcher.watch_folders();
        Ok(watcher)
    }

    /// Watches the site folders that exist and are not watched yet.
    fn watch_folders(&mut self) {
        for name in WATCHED.iter().filter(|n| !n.contains('.')) {
            let path = self.root.join(name);
            if path.is_dir()
                && !self.watched.contains(*name)
                && self.inner.watch(&path, RecursiveMode::Recursive).is_ok()
            {
                self.watched.insert(name.to_string());
            }
        }
    }

    /// Waits for the next change, then for the files to be quiet, and
    /// returns every relevant path that changed meanwhile. None when the
    /// watcher stopped.
    pub fn next_batch(&mut self) -> Option<Batch> {
        let mut batch = Batch::new();
        loop {
            let event = self.events.recv().ok()?;
            self.add(event, &mut batch);
            if !batch.is_empty() {
                break;
            }
        }
        let started = Instant::now();
        loop {
            match self.events.recv_timeout(QUIET) {
                Ok(event) => self.add(event, &mut batch),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => break,
            }
            if started.elapsed() > LONGEST {
                break;
            }
        }
        self.watch_folders();
        Some(batch)
    }

    fn add(&self, event: notify::Result<Event>, batch: &mut Batch) {
        let Ok(event) = event else { return };
        if matches!(event.kind, EventKind::Access(_)) {
            return;
        }
        for path in event.paths {
            let Ok(rel) = path.strip_prefix(&self.root) else { continue };
            let rel = crate::content::relative(Path::new(""), rel);
            if is_relevant(&rel) {
                batch.insert(rel);
            }
        }
    }
}

fn cannot_watch(root: &Path, error: &notify::Error) -> std::io::Error {
    std::io::Error::other(tr!("serve-cannot-watch", path = root.display().to_string(), detail = error.to_string()))
}

/// True for a path (relative to the site root) whose change can change the
/// site: in a watched folder or site.toml, and not an editor's temp file.
pub fn is_relevant(rel: &str) -> bool {
    let top = rel.split('/').next().unwrap_or("");
    if !WATCHED.contains(&top) {
        return false;
    }
    let name = rel.rsplit('/').next().unwrap_or(rel);
    let temp = name.starts_with(".#")
        || (name.starts_with('#') && name.ends_with('#'))
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".swo")
        || name.ends_with(".tmp")
        || name.ends_with(".part")
        || name.ends_with(".crdownload")
        || name.starts_with(".goutputstream-")
        || name.starts_with(".~lock.")
        || name == "4913"
        || name == ".DS_Store"
        || rel.split('/').any(|part| part == ".git");
    !temp
}

/// True when every changed path is a stylesheet: browsers can swap styles
/// without reloading.
pub fn only_styles(batch: &Batch) -> bool {
    !batch.is_empty() && batch.iter().all(|p| p.ends_with(".css"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_files_and_other_folders_are_ignored() {
        let cases = [
            ("content/news/a.fr.md", true),
            ("site.toml", true),
            ("themes/default/templates/base.html", true),
            ("static/style.css", true),
            ("content/news/.a.fr.md.swp", false),
            ("content/news/a.fr.md~", false),
            ("content/news/.#a.fr.md", false),
            ("content/news/#a.fr.md#", false),
            ("content/news/4913", false),
            ("content/.goutputstream-XYZ12", false),
            ("public/fr/index.html", false),
            ("target/debug/passerelle", false),
            (".git/index", false),
            ("site.toml.tmp", false),
        ];
        for (path, relevant) in cases {
            assert_eq!(is_relevant(path), relevant, "{path}");
        }
    }

    #[test]
    fn a_css_only_batch_swaps_styles() {
        let css: Batch = ["static/style.css".to_string()].into();
        let mixed: Batch = ["static/style.css".to_string(), "content/a.md".to_string()].into();
        assert!(only_styles(&css));
        assert!(!only_styles(&mixed));
        assert!(!only_styles(&Batch::new()));
    }
}
