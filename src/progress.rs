//! Owns telling a person at a terminal what a long build is doing: the
//! builder records its phase and how many pages are done; a line on
//! standard error shows it once the work has taken more than a second.
//! In a pipe or on CI nothing is shown, so logs keep only the summary.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long work may take before progress is shown.
const QUIET_FOR: Duration = Duration::from_secs(1);

/// The phases a build goes through.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Phase {
    #[default]
    Reading,
    Linking,
    Markdown,
    Pages,
}

impl Phase {
    /// The code the progress message selects its wording with.
    fn code(self) -> &'static str {
        match self {
            Phase::Reading => "reading",
            Phase::Linking => "linking",
            Phase::Markdown => "markdown",
            Phase::Pages => "pages",
        }
    }
}

/// What a build is doing now.
#[derive(Debug, Default)]
pub struct Progress {
    phase: Mutex<Phase>,
    done: AtomicUsize,
    total: AtomicUsize,
}

impl Progress {
    /// Starts a phase; `total` is the number of steps when it is counted.
    pub fn phase(&self, phase: Phase, total: usize) {
        *self.phase.lock().unwrap_or_else(|p| p.into_inner()) = phase;
        self.done.store(0, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
    }

    /// One more step of the current phase is done.
    pub fn step(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }

    /// The line shown for the current state, in the user's language.
    pub fn line(&self) -> String {
        let phase = self.phase.lock().unwrap_or_else(|p| p.into_inner()).code();
        let (done, total) = (self.done.load(Ordering::Relaxed), self.total.load(Ordering::Relaxed));
        tr!("serve-progress", phase = phase, done = done, total = total)
    }
}

/// Shows progress on standard error while it lives, when that is a
/// terminal and not CI; clears the line when dropped.
pub struct Display {
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Display {
    pub fn start(progress: Arc<Progress>) -> Display {
        let stop = Arc::new(AtomicBool::new(false));
        let on_terminal = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
        let thread = on_terminal.then(|| {
            let stop = Arc::clone(&stop);
            std::thread::spawn(move || {
                let started = Instant::now();
                let mut shown = false;
                while !stop.load(Ordering::Relaxed) {
                    std::thread::sleep(Duration::from_millis(100));
                    if started.elapsed() >= QUIET_FOR {
                        let mut err = std::io::stderr().lock();
                        let _ = write!(err, "\r\x1b[2K{}", progress.line());
                        let _ = err.flush();
                        shown = true;
                    }
                }
                if shown {
                    let _ = write!(std::io::stderr().lock(), "\r\x1b[2K");
                }
            })
        });
        Display { stop, thread }
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_names_the_phase_and_counts_steps() {
        let progress = Progress::default();
        progress.phase(Phase::Reading, 0);
        assert_eq!(progress.line(), "reading content…");
        progress.phase(Phase::Pages, 3);
        progress.step();
        progress.step();
        assert_eq!(progress.line(), "rendering pages: 2/3");
    }

    #[test]
    fn the_line_is_written_in_french_too() {
        use crate::messages::{Locale, text_in};
        let line = |phase: &str, done: usize, total: usize| {
            let args = [("phase", phase.into()), ("done", done.into()), ("total", total.into())];
            text_in(Locale::Fr, "serve-progress", &args)
        };
        assert_eq!(line("reading", 0, 0), "lecture du contenu…");
        assert_eq!(line("linking", 0, 0), "liaison des éléments…");
        assert_eq!(line("markdown", 0, 0), "rendu du Markdown…");
        assert_eq!(line("pages", 2, 3), "rendu des pages : 2/3");
    }
}
