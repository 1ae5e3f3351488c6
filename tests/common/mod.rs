//! The one harness of the integration tests: writes a small site into a
//! temporary folder, runs the real `passerelle` binary on it, and reads
//! back what a user would see (files, HTML, messages).

#![allow(dead_code)]

pub mod http;
pub mod postings;

use std::path::{Path, PathBuf};
use std::process::Command;

use scraper::{Html, Selector};

pub const SITE_TOML: &str = "title = \"Programme\"\nbase_url = \"https://example.org/prog/\"\n";

/// A site in a temporary folder.
pub struct Site {
    pub dir: tempfile::TempDir,
}

/// What one run of the binary printed and returned.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// The diagnostics printed on standard error, one string per diagnostic
    /// (hint included).
    pub fn diagnostics(&self) -> Vec<String> {
        diagnostics_in(&self.stderr)
    }
}

impl From<std::process::Output> for Run {
    fn from(output: std::process::Output) -> Run {
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

/// The passerelle binary with exactly the locale variables `env` (any
/// `LANG`, `LC_ALL` or `LC_MESSAGES` of the test's own environment removed),
/// so tests read the language they expect whatever machine runs them.
pub fn passerelle(env: &[(&str, &str)]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_passerelle"));
    command.env_remove("LANG").env_remove("LC_ALL").env_remove("LC_MESSAGES");
    for (name, value) in env {
        command.env(name, value);
    }
    command
}

/// The binary in an English locale.
pub fn passerelle_in_english() -> Command {
    passerelle(&[("LANG", "C.UTF-8")])
}

/// The diagnostics in a command's output, one string per diagnostic
/// (hint included), in English or in French.
pub fn diagnostics_in(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in text.lines() {
        if line.starts_with("  hint: ") || line.starts_with("  conseil : ") {
            if let Some(last) = out.last_mut() {
                last.push('\n');
                last.push_str(line);
            }
        } else if is_located(line) {
            out.push(line.to_string());
        }
    }
    out
}

/// Whether `line` starts with `path:line:col: `, as diagnostics do.
fn is_located(line: &str) -> bool {
    line.split(": ").next().is_some_and(|place| {
        let mut parts = place.rsplitn(3, ':');
        let (col, row) = (parts.next(), parts.next());
        parts.next().is_some_and(|path| !path.is_empty())
            && [col, row].iter().all(|n| n.is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())))
    })
}

impl Site {
    /// A site with `site.toml` and the given files (path, text).
    pub fn new(files: &[(&str, &str)]) -> Site {
        let dir = tempfile::tempdir().expect("temporary folder");
        let site = Site { dir };
        if !files.iter().any(|(p, _)| *p == "site.toml") {
            site.write("site.toml", SITE_TOML);
        }
        for (path, text) in files {
            site.write(path, text);
        }
        site
    }

    /// The demo portal at the repository root, built into a temporary
    /// folder's public/ (the build must succeed).
    pub fn demo() -> Site {
        let site = Site::new(&[]);
        let output = site.root().join("public");
        let run = site.run(&["build", "--root", env!("CARGO_MANIFEST_DIR"), "--output", output.to_str().unwrap()]);
        assert_eq!(run.code, 0, "the demo portal must build:\n{}", run.stderr);
        site
    }

    /// A copy of the fixture site `tests/fixtures/<name>/`.
    pub fn fixture(name: &str) -> Site {
        let site = Site::new(&[]);
        let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
        for path in walk(&source) {
            let rel = path.strip_prefix(&source).expect("inside").to_string_lossy().replace('\\', "/");
            site.write(&rel, &std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())));
        }
        site
    }

    /// The minimal bilingual site most tests start from.
    pub fn minimal() -> Site {
        Site::new(&minimal_files())
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self, path: &str, text: &str) {
        let full = self.root().join(path);
        std::fs::create_dir_all(full.parent().expect("a parent")).expect("create folders");
        std::fs::write(full, text).expect("write file");
    }

    /// Writes a binary file (an image) into the site.
    pub fn write_bytes(&self, path: &str, bytes: &[u8]) {
        let full = self.root().join(path);
        std::fs::create_dir_all(full.parent().expect("a parent")).expect("create folders");
        std::fs::write(full, bytes).expect("write file");
    }

    /// A file of the site's sources, as written.
    pub fn read_source(&self, path: &str) -> String {
        std::fs::read_to_string(self.root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    pub fn remove(&self, path: &str) {
        std::fs::remove_file(self.root().join(path)).expect("remove file");
    }

    /// Runs passerelle in an English locale.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_in("C.UTF-8", args)
    }

    /// Runs passerelle in a French locale.
    pub fn run_fr(&self, args: &[&str]) -> Run {
        self.run_in("fr_FR.UTF-8", args)
    }

    /// Runs passerelle with `LANG` set to `lang` (and no other locale variable).
    pub fn run_in(&self, lang: &str, args: &[&str]) -> Run {
        self.run_with(&[("LANG", lang)], args)
    }

    /// Runs passerelle with exactly the locale variables `env`.
    pub fn run_with(&self, env: &[(&str, &str)], args: &[&str]) -> Run {
        passerelle(env).args(args).current_dir(self.root()).output().expect("run passerelle").into()
    }

    /// `passerelle build` with extra arguments.
    pub fn build(&self, args: &[&str]) -> Run {
        let mut all = vec!["build"];
        all.extend_from_slice(args);
        self.run(&all)
    }

    /// Builds and fails the test with the messages if the build fails.
    pub fn build_ok(&self) -> Run {
        let run = self.build(&[]);
        assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);
        run
    }

    pub fn output(&self, path: &str) -> PathBuf {
        self.root().join("public").join(path)
    }

    pub fn read(&self, path: &str) -> String {
        std::fs::read_to_string(self.output(path)).unwrap_or_else(|e| panic!("public/{path}: {e}"))
    }

    pub fn exists(&self, path: &str) -> bool {
        self.output(path).exists()
    }

    pub fn html(&self, path: &str) -> Page {
        Page(Html::parse_document(&self.read(path)))
    }

    /// Every file under public/, relative, sorted.
    pub fn files(&self) -> Vec<String> {
        let base = self.root().join("public");
        let mut out: Vec<String> = walk(&base)
            .into_iter()
            .map(|p| p.strip_prefix(&base).expect("inside").to_string_lossy().replace('\\', "/"))
            .collect();
        out.sort();
        out
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                out.extend(walk(&path));
            } else {
                out.push(path);
            }
        }
    }
    out
}

/// A parsed HTML page.
pub struct Page(pub Html);

impl Page {
    /// Text of every element matching `css`, whitespace folded.
    pub fn texts(&self, css: &str) -> Vec<String> {
        let selector = Selector::parse(css).expect("valid selector");
        self.0
            .select(&selector)
            .map(|e| e.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    }

    /// Text of every element matching `css`, trimmed, inner spaces kept as
    /// written (no-break spaces included).
    pub fn raw_texts(&self, css: &str) -> Vec<String> {
        let selector = Selector::parse(css).expect("valid selector");
        self.0.select(&selector).map(|e| e.text().collect::<String>().trim().to_string()).collect()
    }

    /// Attribute `attr` of every element matching `css`.
    pub fn attrs(&self, css: &str, attr: &str) -> Vec<String> {
        let selector = Selector::parse(css).expect("valid selector");
        self.0.select(&selector).filter_map(|e| e.value().attr(attr).map(str::to_string)).collect()
    }

    pub fn text(&self) -> String {
        self.0.root_element().text().collect::<String>()
    }
}

pub fn minimal_files() -> Vec<(&'static str, &'static str)> {
    vec![
        ("content/_index.fr.md", "---\ntitle: Accueil du programme\n---\nBienvenue sur le portail !\n"),
        ("content/_index.en.md", "---\ntitle: Programme home\n---\nWelcome to the portal!\n"),
        (
            "content/partners/region-sud.fr.md",
            "---\ntitle: Région Sud\nkind: region\ncountry: FR\n---\nLa Région Sud est chef de file.\n",
        ),
        ("content/partners/region-sud.en.md", "---\ntitle: Sud Region\n---\nThe Sud Region leads.\n"),
        (
            "content/partners/lombardia.fr.md",
            "---\ntitle: Région Lombardie\nofficial_name: Regione Lombardia\nofficial_lang: it\nkind: region\ncountry: IT\n---\nPartenaire italien.\n",
        ),
        (
            "content/projects/coopjop.fr.md",
            "---\ntitle: COOPJOP\nacronym: COOPJOP\nstatus: ongoing\nstart: 2025-10-01\nend: 2027-12-31\nlead: region-sud\npartners: [region-sud, lombardia]\n---\nUn programme : coopérer !\n",
        ),
        ("content/projects/coopjop.en.md", "---\ntitle: COOPJOP in English\n---\nA programme: cooperate!\n"),
        (
            "content/actions/launch.fr.md",
            "---\ntitle: Lancement officiel\nproject: coopjop\nstart: 2026-02-06T18:30\nkind: meeting\npartners: [region-sud]\n---\nVoir [le programme](@/projects/coopjop.md).\n",
        ),
        (
            "content/news/launch.fr.md",
            "---\ntitle: Lancement de COOPJOP\nslug: lancement-coopjop\ndate: 2026-02-06\nprojects: [coopjop]\npartners: [region-sud]\ntags: [Sport, Coopération]\n---\nLe programme est lancé !\n\n<!-- more -->\n\nLa suite « ici ».\n",
        ),
        (
            "content/news/launch.en.md",
            "---\ntitle: COOPJOP launched\nslug: coopjop-launch\ntags: [Sport]\n---\nThe programme is launched!\n\n<!-- more -->\n\nMore here.\n",
        ),
        (
            "content/pages/legal-notice.fr.md",
            "---\ntitle: Mentions légales\nslug: mentions-legales\n---\nÉditeur : exemple.\n",
        ),
        ("content/pages/legal-notice.en.md", "---\ntitle: Legal notice\n---\nPublisher: example.\n"),
    ]
}

/// How many messages the default theme defines, counted from its English
/// files as a translator would: one per line that starts a message.
pub fn theme_message_count() -> usize {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/themes/default/locales/en");
    std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| std::fs::read_to_string(entry.unwrap().path()).unwrap())
        .flat_map(|text| text.lines().map(str::to_string).collect::<Vec<_>>())
        .filter(|line| line.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) && line.contains(" ="))
        .count()
}

/// What `passerelle build` gets for the site in `root`, built into its
/// `public/` folder on 2026-03-01: for the tests that drive a `Builder`.
pub fn build_options(root: &Path) -> passerelle::pipeline::BuildOptions {
    passerelle::pipeline::BuildOptions {
        root: root.to_path_buf(),
        output: root.join("public"),
        base_url: None,
        drafts: false,
        future: false,
        today: Some("2026-03-01".parse().unwrap()),
    }
}
