//! Owns the content folder as files: finds every Markdown file under
//! `content/`, works out its type, id and language from its path, and splits
//! front matter from body. It reads files but interprets no field: typed
//! front matter is `frontmatter`'s job, pairing translations is `resolve`'s.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use crate::config::{Config, is_slug};
use crate::diag::{Diagnostic, Diagnostics, did_you_mean};

/// The types of content, each with its folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Home,
    Project,
    Partner,
    Action,
    News,
    Page,
}

impl Kind {
    pub const ITEMS: [Kind; 5] = [Kind::Project, Kind::Partner, Kind::Action, Kind::News, Kind::Page];

    /// The folder under `content/` (and the `@/` link prefix).
    pub fn folder(self) -> &'static str {
        match self {
            Kind::Home => "",
            Kind::Project => "projects",
            Kind::Partner => "partners",
            Kind::Action => "actions",
            Kind::News => "news",
            Kind::Page => "pages",
        }
    }

    /// The name used in views and templates.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Home => "home",
            Kind::Project => "project",
            Kind::Partner => "partner",
            Kind::Action => "action",
            Kind::News => "news",
            Kind::Page => "page",
        }
    }

    pub fn from_folder(folder: &str) -> Option<Kind> {
        Kind::ITEMS.into_iter().find(|k| k.folder() == folder)
    }
}

/// A content file's Markdown body.
#[derive(Debug, Clone)]
pub enum Body {
    /// Read with the front matter and kept: a builder that builds again
    /// (`serve`, the editor) renders again only the bodies that changed.
    Held(Arc<str>),
    /// Left in the file from this byte on and read again when rendered:
    /// a one-shot build of a large site does not hold every text at once.
    InFile(usize),
}

/// One Markdown file, split but not interpreted.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the site root, with `/`, e.g. `content/news/launch.fr.md`.
    pub path: String,
    pub kind: Kind,
    pub id: String,
    pub lang: String,
    /// Front matter text, without the `---` lines.
    pub front_matter: String,
    /// 1-based line of the front matter's first line in the file.
    pub front_matter_line: usize,
    pub body: Body,
    /// 1-based line of the body's first line in the file.
    pub body_line: usize,
    /// Hash of the whole file text: what changed between two builds.
    pub hash: u64,
}

/// A content file found on disk.
#[derive(Debug, Clone)]
pub struct Found {
    pub path: PathBuf,
    /// Path relative to the site root, with `/`.
    pub rel: String,
}

/// Modification time and length: what tells that a file changed.
pub type Stamp = (Option<SystemTime>, u64);

/// The stamp of the file at `path`; none that could match another when
/// it cannot be read.
pub fn stamp(path: &Path) -> Stamp {
    std::fs::metadata(path).map(|m| (m.modified().ok(), m.len())).unwrap_or((None, 0))
}

/// Lists every Markdown file under `root/content`, sorted by path. Only
/// the folders are read: what a file holds, or its stamp, is asked when
/// needed, by then on every core.
pub fn list(root: &Path) -> (Vec<Found>, Diagnostics) {
    let content = root.join("content");
    let mut diags = Diagnostics::new();
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(&content).sort_by_file_name() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err.path().map(|p| relative(root, p)).unwrap_or_else(|| "content".into());
                diags.push(Diagnostic::error(path, 1, 1, tr!("content-cannot-read", error = err.to_string())));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = relative(root, entry.path());
        if rel.ends_with(".md") && !is_editor_file(&rel) {
            found.push(Found { path: entry.into_path(), rel });
        }
    }
    (found, diags)
}

/// Files editors write beside the real one while saving (`.#x.md`, `~x.md`).
pub fn is_editor_file(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    name.starts_with(".#") || name.starts_with('~') || name.starts_with(".~")
}

/// The path of `path` relative to `root`, with `/` separators.
pub fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    if std::path::MAIN_SEPARATOR == '/' {
        // Written with `/` already: no need to take it apart.
        return rel.to_string_lossy().into_owned();
    }
    rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

/// Reads and splits one content file, keeping its body (`Body::Held`)
/// or leaving it in the file (`Body::InFile`).
pub fn read_one(path: &Path, rel: &str, config: &Config, keep_body: bool) -> Result<SourceFile, Diagnostic> {
    place(rel, config)?;
    let bytes = std::fs::read(path)
        .map_err(|e| Diagnostic::error(rel, 1, 1, tr!("content-cannot-read-file", error = e.to_string())))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let (line, col) = crate::diag::line_col(&String::from_utf8_lossy(&e.into_bytes()[..offset]), offset);
        Diagnostic::error(rel, line, col, tr!("content-not-utf8")).with_hint(tr!("content-not-utf8-hint"))
    })?;
    split(rel, &text, config, keep_body)
}

/// One content file from its text, as if read at `rel`: what the editor
/// checks before it writes anything.
pub fn from_text(rel: &str, text: &str, config: &Config) -> Result<SourceFile, Diagnostic> {
    split(rel, text, config, true)
}

fn split(rel: &str, text: &str, config: &Config, keep_body: bool) -> Result<SourceFile, Diagnostic> {
    let (kind, id, lang) = place(rel, config)?;
    let split = split_front_matter(text)
        .map_err(|(line, message, hint)| Diagnostic::error(rel, line, 1, message).with_hint(hint))?;
    Ok(SourceFile {
        path: rel.to_string(),
        kind,
        id,
        lang,
        front_matter: split.front_matter.to_string(),
        front_matter_line: split.front_matter_line,
        body: match keep_body {
            true => Body::Held(Arc::from(split.body)),
            false => Body::InFile(text.len() - split.body.len()),
        },
        body_line: split.body_line,
        hash: text_hash(text),
    })
}

/// The body of the content file at `rel` under `root`, read again, when
/// the file still has the text that was hashed to `hash`.
pub fn body_in_file(root: &Path, rel: &str, offset: usize, hash: u64) -> Result<String, Diagnostic> {
    let changed = || {
        Diagnostic::error(rel, 1, 1, tr!("content-changed-while-building"))
            .with_hint(tr!("content-changed-while-building-hint"))
    };
    let bytes = std::fs::read(root.join(rel)).map_err(|_| changed())?;
    let mut text = String::from_utf8(bytes).map_err(|_| changed())?;
    if text_hash(&text) != hash || !text.is_char_boundary(offset) {
        return Err(changed());
    }
    text.drain(..offset);
    Ok(text)
}

/// What tells whether a file changed between two reads of one build:
/// FxHash, a few times faster than SipHash on whole files, and no one
/// crafts collisions against their own site.
fn text_hash(text: &str) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    text.hash(&mut hasher);
    hasher.finish()
}

/// Works out type, id and language from a path like `content/news/launch.fr.md`.
pub fn place(rel: &str, config: &Config) -> Result<(Kind, String, String), Diagnostic> {
    let inside = rel.strip_prefix("content/").unwrap_or(rel);
    let (folder, file) = inside.rsplit_once('/').unwrap_or(("", inside));
    let stem = file.strip_suffix(".md").unwrap_or(file);
    let (id, lang) = match stem.rsplit_once('.') {
        Some((id, lang)) => {
            if config.language(lang).is_none() {
                let codes = config.language_codes();
                let hint = match did_you_mean(lang, codes.iter().map(String::as_str)) {
                    Some(close) => tr!("content-unknown-language-close", close = close, codes = codes.join(", ")),
                    None => tr!("content-unknown-language-add", codes = codes.join(", "), lang = lang),
                };
                return Err(Diagnostic::error(rel, 1, 1, tr!("content-unknown-language", lang = lang)).with_hint(hint));
            }
            (id, lang.to_string())
        }
        None => (stem, config.default_language.clone()),
    };
    if folder.is_empty() {
        if id == "_index" {
            return Ok((Kind::Home, String::new(), lang));
        }
        return Err(
            Diagnostic::error(rel, 1, 1, tr!("content-outside-section")).with_hint(tr!("content-outside-section-hint"))
        );
    }
    let Some(kind) = Kind::from_folder(folder) else {
        let folders: Vec<&str> = Kind::ITEMS.iter().map(|k| k.folder()).collect();
        let hint = match did_you_mean(folder, folders.iter().copied()) {
            Some(close) => tr!("did-you-mean", name = format!("content/{close}/")),
            None => tr!("content-folders", folders = folders.join(", ")),
        };
        return Err(Diagnostic::error(rel, 1, 1, tr!("content-unknown-folder", folder = folder)).with_hint(hint));
    };
    if !is_slug(id) {
        return Err(
            Diagnostic::error(rel, 1, 1, tr!("content-invalid-id", id = id)).with_hint(tr!("content-invalid-id-hint"))
        );
    }
    Ok((kind, id.to_string(), lang))
}

/// A file split into front matter and body.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    pub front_matter: &'a str,
    pub front_matter_line: usize,
    pub body: &'a str,
    pub body_line: usize,
}

/// Splits `---` front matter from the body. Errors carry (line, message, hint).
pub fn split_front_matter(text: &str) -> Result<Split<'_>, (usize, String, String)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "---" {
        return Err((1, tr!("content-front-matter-missing"), tr!("content-front-matter-missing-hint")));
    }
    let start = first.len();
    let mut offset = start;
    for (n, l) in lines.enumerate() {
        if l.trim_end() == "---" {
            let body_start = offset + l.len();
            return Ok(Split {
                front_matter: &text[start..offset],
                front_matter_line: 2,
                body: &text[body_start..],
                body_line: n + 3,
            });
        }
        offset += l.len();
    }
    Err((1, tr!("content-front-matter-unclosed"), tr!("content-front-matter-unclosed-hint")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        Config::parse("title = \"T\"\nbase_url = \"https://example.org/\"\n").0.unwrap()
    }

    #[test]
    fn paths_give_type_id_and_language() {
        let config = config();
        let cases = [
            ("content/news/launch.fr.md", Ok((Kind::News, "launch", "fr"))),
            ("content/news/launch.en.md", Ok((Kind::News, "launch", "en"))),
            ("content/partners/region-sud.md", Ok((Kind::Partner, "region-sud", "fr"))),
            ("content/_index.en.md", Ok((Kind::Home, "", "en"))),
            (
                "content/news/launch.de.md",
                Err(
                    "content/news/launch.de.md:1:1: unknown language 'de' in the file name\n  hint: configured languages: fr, en; add [languages.de] to site.toml to publish it",
                ),
            ),
            (
                "content/new/launch.fr.md",
                Err(
                    "content/new/launch.fr.md:1:1: unknown content folder 'new'\n  hint: did you mean 'content/news/'?",
                ),
            ),
            (
                "content/news/Launch_2.fr.md",
                Err(
                    "content/news/Launch_2.fr.md:1:1: 'Launch_2' is not a valid id\n  hint: ids use lowercase letters, digits and hyphens, e.g. coopjop-launch",
                ),
            ),
        ];
        for (path, expected) in cases {
            let found = place(path, &config);
            match expected {
                Ok((kind, id, lang)) => assert_eq!(found.unwrap(), (kind, id.to_string(), lang.to_string()), "{path}"),
                Err(message) => assert_eq!(found.unwrap_err().to_string(), message, "{path}"),
            }
        }
    }

    #[test]
    fn front_matter_is_split_with_line_numbers() {
        let split = split_front_matter("---\ntitle: A\n---\nBody\n").unwrap();
        assert_eq!(split.front_matter, "title: A\n");
        assert_eq!(split.body, "Body\n");
        assert_eq!((split.front_matter_line, split.body_line), (2, 4));
        let crlf = split_front_matter("\u{feff}---\r\ntitle: A\r\n---\r\nBody").unwrap();
        assert_eq!(crlf.front_matter, "title: A\r\n");
        assert_eq!(split_front_matter("title: A\n").unwrap_err().1, "missing front matter");
        assert_eq!(split_front_matter("---\ntitle: A\n").unwrap_err().1, "the front matter is not closed");
    }

    #[test]
    fn a_body_left_in_its_file_is_read_again_only_if_the_file_is_unchanged() {
        let root = tempfile::tempdir().unwrap();
        let rel = "content/news/launch.fr.md";
        std::fs::create_dir_all(root.path().join("content/news")).unwrap();
        std::fs::write(root.path().join(rel), "\u{feff}---\ntitle: Lancement\n---\nLe programme est lancé.\n").unwrap();
        let file = read_one(&root.path().join(rel), rel, &config(), false).unwrap();
        let Body::InFile(offset) = file.body else { panic!("the body is held: {:?}", file.body) };
        assert_eq!(body_in_file(root.path(), rel, offset, file.hash).unwrap(), "Le programme est lancé.\n");
        let held = read_one(&root.path().join(rel), rel, &config(), true).unwrap();
        assert!(matches!(held.body, Body::Held(text) if &*text == "Le programme est lancé.\n"));

        std::fs::write(root.path().join(rel), "---\ntitle: Lancement\n---\nLe programme est reporté.\n").unwrap();
        assert_eq!(
            body_in_file(root.path(), rel, offset, file.hash).unwrap_err().to_string(),
            "content/news/launch.fr.md:1:1: the file changed while the site was being built\n  \
             hint: build again: nothing was written"
        );
        std::fs::remove_file(root.path().join(rel)).unwrap();
        assert!(body_in_file(root.path(), rel, offset, file.hash).is_err(), "a file removed meanwhile");
    }
}
