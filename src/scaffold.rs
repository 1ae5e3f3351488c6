//! Owns what passerelle writes for its users to start from: a whole
//! starter site (`passerelle init`: the texts and the image of
//! `src/scaffold/starter/`, embedded in the binary) and the files of one
//! new item in every language of a site (`passerelle new`). It writes only
//! files it was asked to create (a `.gitignore` already there only gets the
//! starter's patterns it lacks), never reads the clock (callers pass
//! today's date), and does not build or check the site: the starter files
//! are kept valid by tests.

use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::config::{self, Config};
use crate::content::Kind;
use crate::diag::Diagnostics;
use crate::frontmatter::{ACTION_KINDS, PARTNER_KINDS, STATUSES};

/// Files of `src/scaffold/starter/` as (path relative to the site,
/// contents), read with `include_str!` (texts) or `include_bytes!`.
macro_rules! starter {
    ($include:ident: $($path:literal),* $(,)?) => {
        [$(($path, $include!(concat!("scaffold/starter/", $path)))),*]
    };
}

/// The starter site's texts; `{today}` in a text becomes the date of the run.
const STARTER: [(&str, &str); 20] = starter![include_str:
    "site.toml",
    ".gitignore",
    "locales/fr/main.ftl",
    "locales/en/main.ftl",
    "content/_index.fr.md",
    "content/_index.en.md",
    "content/projects/example-project.fr.md",
    "content/projects/example-project.en.md",
    "content/partners/example-region.fr.md",
    "content/partners/example-region.en.md",
    "content/partners/example-city.fr.md",
    "content/partners/example-city.en.md",
    "content/actions/kickoff-meeting.fr.md",
    "content/actions/kickoff-meeting.en.md",
    "content/news/site-launch.fr.md",
    "content/news/site-launch.en.md",
    "content/pages/legal-notice.fr.md",
    "content/pages/legal-notice.en.md",
    "content/pages/accessibility.fr.md",
    "content/pages/accessibility.en.md",
];

/// The starter site's binary files, written as they are: the news item's
/// image (drawn by `examples/demo_images.rs`).
const STARTER_BYTES: [(&str, &[u8]); 1] = starter![include_bytes: "static/images/welcome.jpg"];

/// The starter's `.gitignore`: what passerelle makes (`public/`,
/// `.passerelle-cache/`) stays out of version control.
const GITIGNORE: &str = ".gitignore";

/// Why `init` or `new` wrote nothing (or stopped).
#[derive(Debug)]
pub enum Error {
    /// The command refuses what it was asked; the message says why and
    /// what to do instead.
    Refused(String),
    /// `site.toml` has errors, listed in the diagnostics.
    Config(Diagnostics),
    /// Reading or writing a file failed; `doing` is `create`, `write` or
    /// `read` (a code the message selects its wording with).
    Io { doing: &'static str, path: PathBuf, source: io::Error },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Refused(message) => f.write_str(message),
            Error::Config(_) => f.write_str(&tr!("scaffold-config-has-errors", file = config::FILE)),
            Error::Io { doing, path, source } => {
                let (path, detail) = (path.display().to_string(), source.to_string());
                f.write_str(&tr!("scaffold-io-error", doing = *doing, path = path, detail = detail))
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

fn io_error(doing: &'static str, path: &Path) -> impl FnOnce(io::Error) -> Error {
    let path = path.to_path_buf();
    move |source| Error::Io { doing, path, source }
}

/// Writes the starter site into `dir`, creating it if needed. A folder
/// holding anything but hidden files (such as `.git`) is refused unless
/// `force`; then only the starter's own files are replaced. A `.gitignore`
/// already there is kept, completed with the starter's patterns it lacks.
/// Returns the paths written, relative to `dir`.
pub fn init(dir: &Path, force: bool, today: Date) -> Result<Vec<String>, Error> {
    if dir.exists() && !dir.is_dir() {
        return Err(Error::Refused(tr!("scaffold-not-a-folder", folder = dir.display().to_string())));
    }
    if !force && has_visible_entries(dir)? {
        return Err(Error::Refused(tr!("scaffold-folder-not-empty", folder = dir.display().to_string())));
    }
    let today = today.to_string();
    let mut written = Vec::with_capacity(STARTER.len() + STARTER_BYTES.len());
    for (path, text) in STARTER {
        let text = if path == GITIGNORE {
            match gitignore(&dir.join(path), text)? {
                Some(text) => text,
                None => continue,
            }
        } else {
            text.replace("{today}", &today)
        };
        write_starter_file(dir, path, text.as_bytes())?;
        written.push(path.to_string());
    }
    for (path, bytes) in STARTER_BYTES {
        write_starter_file(dir, path, bytes)?;
        written.push(path.to_string());
    }
    Ok(written)
}

/// Writes `contents` to `path` under `dir`, creating its folders.
fn write_starter_file(dir: &Path, path: &str, contents: &[u8]) -> Result<(), Error> {
    let full = dir.join(path);
    if let Some(parent) = full.parent() {
        std::fs::create_dir_all(parent).map_err(io_error("create", parent))?;
    }
    std::fs::write(&full, contents).map_err(io_error("write", &full))
}

/// The `.gitignore` to write at `path`: the starter's when there is none,
/// else the existing one with the starter's patterns it lacks added;
/// None when it has them all (it is left as it is).
fn gitignore(path: &Path, starter: &str) -> Result<Option<String>, Error> {
    match std::fs::read_to_string(path) {
        Ok(existing) => Ok(completed_gitignore(&existing, starter)),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(Some(starter.to_string())),
        Err(err) => Err(io_error("read", path)(err)),
    }
}

/// `existing` followed by the patterns of `starter` it does not have
/// (after the starter's comment, separated by a blank line), or None when
/// it has them all.
fn completed_gitignore(existing: &str, starter: &str) -> Option<String> {
    let has: Vec<&str> = existing.lines().map(str::trim).collect();
    let is_pattern = |line: &&str| !line.trim().is_empty() && !line.starts_with('#');
    let missing: Vec<&str> = starter.lines().filter(is_pattern).filter(|line| !has.contains(&line.trim())).collect();
    if missing.is_empty() {
        return None;
    }
    let mut text = existing.to_string();
    if !text.is_empty() {
        text.push_str(if text.ends_with('\n') { "\n" } else { "\n\n" });
    }
    for line in starter.lines().filter(|line| line.starts_with('#')).chain(missing) {
        text.push_str(line);
        text.push('\n');
    }
    Some(text)
}

fn has_visible_entries(dir: &Path) -> Result<bool, Error> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(false),
        Err(err) => return Err(io_error("read", dir)(err)),
    };
    for entry in entries {
        let entry = entry.map_err(io_error("read", dir))?;
        if !entry.file_name().to_string_lossy().starts_with('.') {
            return Ok(true);
        }
    }
    Ok(false)
}

/// What `init` tells the user once the site is written: the files, then
/// the next two commands.
pub fn init_report(dir: &Path, written: &[String]) -> String {
    let mut out = format!("{}\n", tr!("scaffold-init-created", folder = dir.display().to_string()));
    for path in written {
        out.push_str(&format!("  {path}\n"));
    }
    out.push_str(&format!("{}\n", tr!("scaffold-init-next")));
    if dir != Path::new(".") && dir != Path::new("") {
        out.push_str(&format!("  cd {}\n", shell_word(&dir.display().to_string())));
    }
    let preview = tr!("scaffold-init-preview", url = "http://127.0.0.1:1111/");
    out.push_str(&format!("  passerelle serve --watch    # {preview}\n"));
    out
}

/// `word` as one shell word, quoted only when it must be.
fn shell_word(word: &str) -> String {
    let plain = !word.is_empty() && word.chars().all(|c| c.is_ascii_alphanumeric() || "-_./~+:@%".contains(c));
    if plain { word.to_string() } else { format!("'{}'", word.replace('\'', r"'\''")) }
}

/// What `passerelle new` is asked to create.
#[derive(Debug, Clone)]
pub struct NewItem<'a> {
    /// The site's folder, with `site.toml`.
    pub root: &'a Path,
    /// `project`, `partner`, `action`, `news` or `page`, as typed.
    pub kind: &'a str,
    pub id: &'a str,
    /// The title in every language; a placeholder per language when None.
    pub title: Option<&'a str>,
    pub today: Date,
}

/// Writes `content/<folder>/<id>.<lang>.md` for every language of the
/// site: the default language's file with the full front matter of the
/// type, the others with a title and a body to translate. Refuses an
/// unknown type, an id that is not a slug and an item that already has a
/// file, before writing anything. Returns the paths written, relative to
/// the site's folder.
pub fn new_item(item: &NewItem) -> Result<Vec<String>, Error> {
    let Some(kind) = Kind::ITEMS.into_iter().find(|k| k.name() == item.kind) else {
        let names: Vec<&str> = Kind::ITEMS.iter().map(|k| k.name()).collect();
        return Err(Error::Refused(tr!("scaffold-unknown-type", kind = item.kind, known = names.join(", "))));
    };
    if !config::is_slug(item.id) {
        return Err(Error::Refused(tr!("scaffold-invalid-id", id = item.id)));
    }
    let config = read_config(item.root)?;
    let folder = format!("content/{}", kind.folder());
    // A file without a language suffix is the default language's version.
    let mut taken: Vec<String> = vec![format!("{folder}/{}.md", item.id)];
    let planned: Vec<(String, &str)> =
        config.languages.iter().map(|l| (format!("{folder}/{}.{}.md", item.id, l.code), l.code.as_str())).collect();
    taken.extend(planned.iter().map(|(path, _)| path.clone()));
    if let Some(path) = taken.iter().find(|path| item.root.join(path).exists()) {
        return Err(Error::Refused(tr!("scaffold-already-exists", path = path)));
    }
    let project = match kind {
        Kind::Action => Some(
            first_project(item.root, &config)?.ok_or_else(|| Error::Refused(tr!("scaffold-action-needs-project")))?,
        ),
        _ => None,
    };
    let fields = Fields { kind, today: item.today, project: project.as_deref() };
    let dir = item.root.join(&folder);
    std::fs::create_dir_all(&dir).map_err(io_error("create", &dir))?;
    let mut written = Vec::with_capacity(planned.len());
    for (path, lang) in planned {
        let given = item.title.map(str::trim).filter(|t| !t.is_empty());
        let title = given.unwrap_or_else(|| Starter::of(lang).title(kind));
        let text = if lang == config.default_language {
            fields.default_file(title, Starter::of(lang))
        } else {
            translation_file(kind, title, given.is_some(), Starter::of(lang))
        };
        write_new(&item.root.join(&path), &text)?;
        written.push(path);
    }
    Ok(written)
}

fn read_config(root: &Path) -> Result<Config, Error> {
    let path = root.join(config::FILE);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            let folder = root.display().to_string();
            return Err(Error::Refused(tr!("scaffold-no-site", file = config::FILE, folder = folder)));
        }
        Err(err) => return Err(io_error("read", &path)(err)),
    };
    match Config::parse(&text) {
        (Some(config), _) => Ok(config),
        (None, diags) => Err(Error::Config(diags)),
    }
}

/// The first project id in alphabetical order, from the file names in
/// `content/projects/`.
fn first_project(root: &Path, config: &Config) -> Result<Option<String>, Error> {
    let dir = root.join("content").join(Kind::Project.folder());
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(err) => return Err(io_error("read", &dir)(err)),
    };
    let mut ids = Vec::new();
    for entry in entries {
        let name = entry.map_err(io_error("read", &dir))?.file_name().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".md") else { continue };
        let id = match stem.rsplit_once('.') {
            Some((id, lang)) if config.language(lang).is_some() => id,
            _ => stem,
        };
        if config::is_slug(id) {
            ids.push(id.to_string());
        }
    }
    ids.sort();
    Ok(ids.into_iter().next())
}

/// Creates `path` with `text`, refusing to replace a file that appeared
/// since the check.
fn write_new(path: &Path, text: &str) -> Result<(), Error> {
    let mut file =
        std::fs::OpenOptions::new().write(true).create_new(true).open(path).map_err(io_error("create", path))?;
    file.write_all(text.as_bytes()).map_err(io_error("write", path))
}

/// The values `new` fills in the default language's front matter.
struct Fields<'a> {
    kind: Kind,
    today: Date,
    /// The project of a new action.
    project: Option<&'a str>,
}

impl Fields<'_> {
    /// Required fields with a value, then every optional field of the type
    /// as a comment, then the body placeholder.
    fn default_file(&self, title: &str, texts: Starter) -> String {
        let today = self.today;
        let mut lines = vec![format!("title: {}", quoted(title))];
        let optional: &[(&str, &str)] = match self.kind {
            Kind::Project => {
                lines.push(format!("start: {today}"));
                &[
                    ("# acronym: ABC", ""),
                    ("# summary: One sentence shown in lists.", ""),
                    ("# status: planned", "STATUSES"),
                    ("# end: 2030-12-31", ""),
                    ("# lead: partner-id", "the lead partner's id"),
                    ("# partners: [partner-id, other-partner-id]", ""),
                    ("# themes: [a theme, another theme]", ""),
                    ("# funding:", ""),
                    (
                        "#   - { funder: funder-id, programme: Programme, rate: 80, amount: 100000, currency: EUR }",
                        "funder-id: an entry of content/data/funders.yaml",
                    ),
                    ("# working_groups:", ""),
                    (
                        "#   - { id: group-id, title: Group title, summary: What the group works on. }",
                        "actions and news name it in working_group",
                    ),
                    ("# website: https://example.org/", ""),
                    ("# logo: /images/logo.png", ""),
                    ("# time_zone: Europe/Paris", "of its actions' times"),
                ]
            }
            Kind::Partner => {
                lines.push(noted("kind: other", "check it: PARTNER_KINDS"));
                lines.push(noted("country: FR", "check it: ISO 3166-1 alpha-2 code, e.g. FR, IT, SN, US"));
                &[
                    ("# short_name: ABC", ""),
                    ("# official_name: Name in its own language", ""),
                    ("# official_lang: it", "the language of official_name"),
                    ("# location: [45.46, 9.19]", "latitude, longitude"),
                    ("# website: https://example.org/", ""),
                    ("# logo: /images/logo.png", ""),
                    ("# summary: One sentence shown in lists.", ""),
                ]
            }
            Kind::Action => {
                lines.push(noted(&format!("project: {}", self.project.unwrap_or_default()), "its project's id"));
                lines.push(noted(&format!("start: {today}"), &format!("or {today}T09:30 with a time")));
                &[
                    ("# number: 1", ""),
                    ("# kind: meeting", "ACTION_KINDS"),
                    ("# end: 2030-12-31", ""),
                    ("# location: Place, town", ""),
                    ("# online: true", ""),
                    ("# partners: [partner-id, other-partner-id]", ""),
                    ("# working_group: group-id", "one of its project's working_groups"),
                    ("# status: planned", "STATUSES"),
                    ("# summary: One sentence shown in lists.", ""),
                    ("# time_zone: Europe/Paris", "of a start or end with a time"),
                ]
            }
            Kind::News => {
                lines.push(format!("date: {today}"));
                &[
                    ("# summary: One sentence shown in lists.", "default: the text before <!-- more -->"),
                    ("# author: First name Last name", ""),
                    ("# projects: [project-id]", ""),
                    ("# partners: [partner-id, other-partner-id]", ""),
                    ("# working_group: group-id", "one of its projects' working_groups"),
                    ("# tags: [a tag, another tag]", ""),
                    ("# image: { src: /images/photo.jpg, alt: What the picture shows }", ""),
                    ("# aliases: [/old/address/]", "old URLs that redirect here"),
                ]
            }
            Kind::Page | Kind::Home => &[
                ("# summary: One sentence shown in lists.", ""),
                ("# menu: 10", "weight in the main menu"),
                ("# aliases: [/old/address/]", "old URLs that redirect here"),
            ],
        };
        lines.extend(optional.iter().map(|(code, note)| noted(code, note)));
        lines.push(noted(SLUG.0, SLUG.1));
        lines.push(noted("# draft: true", "built only with --drafts"));
        front_matter(&lines, texts.body(self.kind))
    }
}

const SLUG: (&str, &str) = ("# slug: url-segment", "in this language; default: the id");

/// What a new translation file starts from before the editor writes the
/// translator's fields into it: the file `new` writes, without its title
/// and placeholder text.
pub fn translation_start() -> String {
    front_matter(&["# summary: One sentence shown in lists.".to_string(), noted(SLUG.0, SLUG.1)], "")
}

/// A translation: its title, the fields a translator may set as comments,
/// and the body placeholder in its language.
fn translation_file(kind: Kind, title: &str, given: bool, texts: Starter) -> String {
    let title = format!("title: {}", quoted(title));
    let lines = [
        if given { noted(&title, "to translate") } else { title },
        "# summary: One sentence shown in lists.".to_string(),
        noted(SLUG.0, SLUG.1),
    ];
    front_matter(&lines, texts.body(kind))
}

fn front_matter(lines: &[String], body: &str) -> String {
    format!("---\n{}\n---\n\n{body}\n", lines.join("\n"))
}

/// A front matter line with a comment after it, aligned with the others;
/// names of lists of allowed values in the comment become the values.
fn noted(code: &str, note: &str) -> String {
    if note.is_empty() {
        return code.to_string();
    }
    let join = |values: &[&str]| match values.split_last() {
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    };
    let note = note
        .replace("PARTNER_KINDS", &join(&PARTNER_KINDS))
        .replace("ACTION_KINDS", &join(&ACTION_KINDS))
        .replace("STATUSES", &join(&STATUSES));
    format!("{code:<30} # {note}")
}

/// `text` as a YAML double-quoted scalar (JSON strings are valid YAML).
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_string())
}

/// Placeholder texts of one language; languages without their own use
/// the English ones.
#[derive(Clone, Copy)]
enum Starter {
    French,
    English,
}

impl Starter {
    fn of(lang: &str) -> Starter {
        if lang == "fr" || lang.starts_with("fr-") { Starter::French } else { Starter::English }
    }

    fn title(self, kind: Kind) -> &'static str {
        match (self, kind) {
            (Starter::French, Kind::Project) => "Nouveau projet",
            (Starter::French, Kind::Partner) => "Nouveau partenaire",
            (Starter::French, Kind::Action) => "Nouvelle action",
            (Starter::French, Kind::News) => "Nouvelle actualité",
            (Starter::French, Kind::Page | Kind::Home) => "Nouvelle page",
            (Starter::English, Kind::Project) => "New project",
            (Starter::English, Kind::Partner) => "New partner",
            (Starter::English, Kind::Action) => "New action",
            (Starter::English, Kind::News) => "New news item",
            (Starter::English, Kind::Page | Kind::Home) => "New page",
        }
    }

    fn body(self, kind: Kind) -> &'static str {
        match (self, kind) {
            (Starter::French, Kind::Project) => {
                "Présentez ici le projet : ses objectifs, ses partenaires, son calendrier et son financement."
            }
            (Starter::French, Kind::Partner) => {
                "Présentez ici le partenaire : son territoire, ses compétences et son rôle dans la coopération."
            }
            (Starter::French, Kind::Action) => {
                "Décrivez ici l'action : son lieu, son programme, ses participants et les résultats attendus."
            }
            (Starter::French, Kind::News) => {
                "Écrivez ici l'actualité. Le premier paragraphe sert de résumé dans les listes."
            }
            (Starter::French, Kind::Page | Kind::Home) => "Écrivez ici le contenu de la page.",
            (Starter::English, Kind::Project) => {
                "Describe the project here: its aims, its partners, its timeline and its funding."
            }
            (Starter::English, Kind::Partner) => {
                "Describe the partner here: its territory, its responsibilities and its part in the cooperation."
            }
            (Starter::English, Kind::Action) => {
                "Describe the action here: its venue, its programme, its participants and the expected results."
            }
            (Starter::English, Kind::News) => {
                "Write the news item here. The first paragraph is the summary shown in lists."
            }
            (Starter::English, Kind::Page | Kind::Home) => "Write the content of the page here.",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> Date {
        jiff::civil::date(2026, 3, 14)
    }

    #[test]
    fn default_files_fill_required_fields_and_list_the_others() {
        let cases: [(Kind, Option<&str>, &[&str]); 5] = [
            (Kind::Project, None, &["title: \"T\"", "start: 2026-03-14", "# status: planned "]),
            (Kind::Partner, None, &["kind: other ", "country: FR ", "# official_lang: it "]),
            (Kind::Action, Some("coopjop"), &["project: coopjop", "start: 2026-03-14 ", "# online: true"]),
            (Kind::News, None, &["date: 2026-03-14", "# image: { src: "]),
            (Kind::Page, None, &["# menu: 10 ", "# slug: url-segment "]),
        ];
        for (kind, project, expected) in cases {
            let text = Fields { kind, today: day(), project }.default_file("T", Starter::English);
            for line in expected {
                assert!(text.lines().any(|l| l.starts_with(line)), "{kind:?}: no line {line:?} in\n{text}");
            }
            assert!(!text.contains("_KINDS") && !text.contains("STATUSES"), "{text}");
        }
    }

    #[test]
    fn titles_are_quoted_for_yaml() {
        let cases =
            [("Lancement", "\"Lancement\""), ("COOP'R : bilan", "\"COOP'R : bilan\""), ("a \"b\"", "\"a \\\"b\\\"\"")];
        for (title, expected) in cases {
            assert_eq!(quoted(title), expected);
            let parsed: serde_yaml::Value = serde_yaml::from_str(&format!("title: {expected}")).expect("valid YAML");
            assert_eq!(parsed["title"].as_str(), Some(title));
        }
    }

    #[test]
    fn shell_words_are_quoted_only_when_needed() {
        let cases = [
            ("my-site", "my-site"),
            ("../sites/a_b", "../sites/a_b"),
            ("my site", "'my site'"),
            ("l'an", r"'l'\''an'"),
        ];
        for (word, expected) in cases {
            assert_eq!(shell_word(word), expected);
        }
    }

    #[test]
    fn file_errors_say_what_failed_in_both_languages() {
        let error = Error::Io {
            doing: "write",
            path: PathBuf::from("site/content/news/a.fr.md"),
            source: io::Error::other("disk full"),
        };
        assert_eq!(error.to_string(), "cannot write site/content/news/a.fr.md: disk full");
        let cases = [
            ("create", "impossible de créer site/content : disk full"),
            ("write", "impossible d'écrire site/content : disk full"),
            ("read", "impossible de lire site/content : disk full"),
        ];
        for (doing, expected) in cases {
            let args = [("doing", doing.into()), ("path", "site/content".into()), ("detail", "disk full".into())];
            assert_eq!(crate::messages::text_in(crate::messages::Locale::Fr, "scaffold-io-error", &args), expected);
        }
    }

    #[test]
    fn an_existing_gitignore_gets_only_the_patterns_it_lacks() {
        let starter = "# Made by passerelle.\n/public/\n/.passerelle-cache/\n";
        assert_eq!(completed_gitignore("/public/\n/.passerelle-cache/\n", starter), None);
        assert_eq!(
            completed_gitignore("*.log\n/public/", starter).as_deref(),
            Some("*.log\n/public/\n\n# Made by passerelle.\n/.passerelle-cache/\n")
        );
        assert_eq!(completed_gitignore("", starter).as_deref(), Some(starter));
    }

    #[test]
    fn the_starter_site_has_a_date_to_fill_in_every_dated_item() {
        for (path, text) in STARTER {
            let dated = ["start:", "date:"].iter().any(|field| text.contains(field));
            assert_eq!(dated, text.contains("{today}"), "{path}");
        }
    }
}
