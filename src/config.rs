//! Owns `site.toml`: parses it into a [`Config`], checking every key and
//! value and reporting each problem with its line and column. It reads no
//! file itself (callers pass the text) and knows nothing of content.

use std::collections::BTreeMap;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diag::{Diagnostic, Diagnostics, line_col};

/// The sections that hold items, with their default URL segments.
pub const SECTIONS: [(&str, &str, &str); 6] = [
    ("projects", "projets", "projects"),
    ("partners", "partenaires", "partners"),
    ("actions", "agenda", "agenda"),
    ("news", "actualites", "news"),
    ("tags", "mots-cles", "tags"),
    ("search", "recherche", "search"),
];

/// What a page missing in one language becomes there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fallback {
    /// The page is absent; the switcher sends readers to that language's home.
    Absent,
    /// The page is shown in its original language with a notice.
    Banner,
}

/// One language of the site.
#[derive(Debug, Clone, PartialEq)]
pub struct Language {
    pub code: String,
    pub name: String,
    /// Site title in this language, when it differs.
    pub title: Option<String>,
    /// Site description in this language, when it differs.
    pub description: Option<String>,
}

/// The parsed `site.toml`.
#[derive(Debug, Clone)]
pub struct Config {
    pub title: String,
    pub description: Option<String>,
    /// Absolute base URL, always ending with `/`.
    pub base_url: String,
    pub default_language: String,
    pub theme: String,
    /// The default language first, then the others by code.
    pub languages: Vec<Language>,
    /// Section name → language → URL segment.
    pub section_slugs: BTreeMap<String, BTreeMap<String, String>>,
    pub translation_fallback: Fallback,
    /// News per page on paginated lists.
    pub paginate: usize,
}

pub const FILE: &str = "site.toml";

const TOP_KEYS: [&str; 9] = [
    "title",
    "description",
    "base_url",
    "default_language",
    "theme",
    "languages",
    "sections",
    "translation_fallback",
    "paginate",
];
const LANGUAGE_KEYS: [&str; 3] = ["name", "title", "description"];

impl Config {
    /// Parses `site.toml`. Returns the config when it is usable, and every
    /// problem found either way.
    pub fn parse(text: &str) -> (Option<Config>, Diagnostics) {
        let mut parser = Parser { text, diags: Diagnostics::new() };
        let config = match DeTable::parse(text) {
            Ok(table) => parser.config(table.get_ref()),
            Err(err) => {
                let at = err.span().map_or(0, |s| s.start);
                parser.error(at, format!("invalid TOML: {}", first_line(err.message())), None);
                None
            }
        };
        let diags = parser.diags;
        if diags.has_errors() { (None, diags) } else { (config, diags) }
    }

    /// The path part of `base_url`, starting and ending with `/`.
    pub fn root(&self) -> &str {
        let after_scheme = self.base_url.find("://").map_or(0, |i| i + 3);
        match self.base_url[after_scheme..].find('/') {
            Some(i) => &self.base_url[after_scheme + i..],
            None => "/",
        }
    }

    pub fn language(&self, code: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.code == code)
    }

    pub fn language_codes(&self) -> Vec<String> {
        self.languages.iter().map(|l| l.code.clone()).collect()
    }

    /// The site title in `lang`.
    pub fn title_in(&self, lang: &str) -> &str {
        self.language(lang).and_then(|l| l.title.as_deref()).unwrap_or(&self.title)
    }

    /// The site description in `lang`.
    pub fn description_in(&self, lang: &str) -> Option<&str> {
        self.language(lang).and_then(|l| l.description.as_deref()).or(self.description.as_deref())
    }

    /// URL segment of `section` in `lang`.
    pub fn section_slug<'a>(&'a self, section: &'a str, lang: &str) -> &'a str {
        self.section_slugs.get(section).and_then(|by_lang| by_lang.get(lang)).map_or(section, String::as_str)
    }

    /// Returns a copy with another base URL (from `--base-url`).
    pub fn with_base_url(mut self, url: &str) -> Result<Config, String> {
        self.base_url = normalize_base_url(url)?;
        Ok(self)
    }
}

fn normalize_base_url(url: &str) -> Result<String, String> {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| format!("base_url must start with http:// or https://, found '{url}'"))?;
    if rest.is_empty() || rest.starts_with('/') {
        return Err(format!("base_url has no host: '{url}'"));
    }
    if rest.contains(['?', '#', ' ']) {
        return Err(format!("base_url must not contain a query, fragment or space: '{url}'"));
    }
    Ok(if url.ends_with('/') { url.to_string() } else { format!("{url}/") })
}

struct Parser<'t> {
    text: &'t str,
    diags: Diagnostics,
}

type Table<'i> = DeTable<'i>;

impl Parser<'_> {
    fn error(&mut self, at: usize, message: String, hint: Option<String>) {
        let (line, col) = line_col(self.text, at);
        let mut d = Diagnostic::error(FILE, line, col, message);
        if let Some(hint) = hint {
            d = d.with_hint(hint);
        }
        self.diags.push(d);
    }

    fn unknown_keys(&mut self, table: &Table, known: &[&str], context: &str) {
        for (key, _) in table.iter() {
            if !known.contains(&key.get_ref().as_ref()) {
                let name = key.get_ref().as_ref();
                let hint = crate::diag::did_you_mean(name, known.iter().copied())
                    .map(|k| format!("did you mean '{k}'?"))
                    .or_else(|| Some(format!("known keys{context}: {}", known.join(", "))));
                self.error(key.span().start, format!("unknown key '{name}'{context}"), hint);
            }
        }
    }

    fn string(&mut self, table: &Table, key: &str) -> Option<(String, Range<usize>)> {
        let value = get(table, key)?;
        match value.get_ref() {
            DeValue::String(s) => Some((s.to_string(), value.span())),
            other => {
                self.error(value.span().start, format!("'{key}' must be a string, found {}", kind_of(other)), None);
                None
            }
        }
    }

    fn config(&mut self, table: &Table) -> Option<Config> {
        self.unknown_keys(table, &TOP_KEYS, "");
        let title = self.string(table, "title").map(|(s, _)| s);
        let description = self.string(table, "description").map(|(s, _)| s);
        let base_url = match self.string(table, "base_url") {
            Some((url, span)) => match normalize_base_url(&url) {
                Ok(url) => Some(url),
                Err(message) => {
                    self.error(
                        span.start,
                        message,
                        Some("for example: base_url = \"https://example.org/programme/\"".into()),
                    );
                    None
                }
            },
            None => None,
        };
        let theme = self.string(table, "theme").map_or_else(|| "default".to_string(), |(s, _)| s);
        let languages = self.languages(table);
        let default_language = self.default_language(table, &languages);
        let translation_fallback = self.fallback(table);
        let paginate = self.paginate(table);
        let section_slugs = self.sections(table, &languages);

        if title.is_none() && get(table, "title").is_none() {
            self.error(0, "missing key 'title'".into(), Some("add a line like: title = \"My programme\"".into()));
        }
        if base_url.is_none() && get(table, "base_url").is_none() {
            self.error(
                0,
                "missing key 'base_url'".into(),
                Some("add a line like: base_url = \"https://example.org/\"".into()),
            );
        }
        let default_language = default_language?;
        let mut languages = languages;
        languages.sort_by(|a, b| (a.code != default_language, &a.code).cmp(&(b.code != default_language, &b.code)));
        Some(Config {
            title: title?,
            description,
            base_url: base_url?,
            default_language,
            theme,
            languages,
            section_slugs,
            translation_fallback,
            paginate,
        })
    }

    fn languages(&mut self, table: &Table) -> Vec<Language> {
        let Some(value) = get(table, "languages") else {
            return vec![
                Language { code: "fr".into(), name: "Français".into(), title: None, description: None },
                Language { code: "en".into(), name: "English".into(), title: None, description: None },
            ];
        };
        let DeValue::Table(langs) = value.get_ref() else {
            self.error(
                value.span().start,
                "'languages' must be a table of languages".into(),
                Some("for example: [languages.fr] then name = \"Français\"".into()),
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for (code, lang) in langs.iter() {
            let code_text = code.get_ref().to_string();
            if !is_language_code(&code_text) {
                self.error(
                    code.span().start,
                    format!("'{code_text}' is not a language code"),
                    Some("use a code like fr, en, it or pt-BR".into()),
                );
                continue;
            }
            let DeValue::Table(fields) = lang.get_ref() else {
                self.error(lang.span().start, format!("'languages.{code_text}' must be a table"), None);
                continue;
            };
            let context = format!(" in [languages.{code_text}]");
            self.unknown_keys(fields, &LANGUAGE_KEYS, &context);
            let name = self.string(fields, "name").map(|(s, _)| s).unwrap_or_else(|| code_text.clone());
            let title = self.string(fields, "title").map(|(s, _)| s);
            let description = self.string(fields, "description").map(|(s, _)| s);
            out.push(Language { code: code_text, name, title, description });
        }
        if out.is_empty() {
            self.error(
                value.span().start,
                "no language is configured".into(),
                Some("add at least [languages.fr] with a name".into()),
            );
        }
        out
    }

    fn default_language(&mut self, table: &Table, languages: &[Language]) -> Option<String> {
        let (code, span) = match self.string(table, "default_language") {
            Some(found) => found,
            None if get(table, "default_language").is_some() => return None,
            None if languages.len() > 1 && get(table, "languages").is_some() => {
                let codes: Vec<&str> = languages.iter().map(|l| l.code.as_str()).collect();
                self.error(
                    0,
                    "missing key 'default_language'".into(),
                    Some(format!("add a line like: default_language = \"{}\" (one of {})", codes[0], codes.join(", "))),
                );
                return None;
            }
            None => return languages.first().map(|l| l.code.clone()),
        };
        if languages.iter().any(|l| l.code == code) {
            return Some(code);
        }
        let codes: Vec<&str> = languages.iter().map(|l| l.code.as_str()).collect();
        self.error(
            span.start,
            format!("default language '{code}' is not among the languages"),
            Some(format!("configured languages: {}; add [languages.{code}] or choose one of them", codes.join(", "))),
        );
        None
    }

    fn fallback(&mut self, table: &Table) -> Fallback {
        match self.string(table, "translation_fallback") {
            None => Fallback::Absent,
            Some((value, _)) if value == "absent" => Fallback::Absent,
            Some((value, _)) if value == "banner" => Fallback::Banner,
            Some((value, span)) => {
                self.error(
                    span.start,
                    format!("unknown translation_fallback '{value}'"),
                    Some("expected \"absent\" or \"banner\"".into()),
                );
                Fallback::Absent
            }
        }
    }

    fn paginate(&mut self, table: &Table) -> usize {
        let Some(value) = get(table, "paginate") else {
            return 10;
        };
        match value.get_ref() {
            DeValue::Integer(i) => match i.as_str().parse::<usize>() {
                Ok(n) if n > 0 => n,
                _ => {
                    self.error(value.span().start, "'paginate' must be a whole number above 0".into(), None);
                    10
                }
            },
            other => {
                self.error(
                    value.span().start,
                    format!("'paginate' must be a whole number, found {}", kind_of(other)),
                    None,
                );
                10
            }
        }
    }

    fn sections(&mut self, table: &Table, languages: &[Language]) -> BTreeMap<String, BTreeMap<String, String>> {
        let mut slugs: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
        for (section, fr, other) in SECTIONS {
            let by_lang = languages
                .iter()
                .map(|l| (l.code.clone(), if l.code == "fr" { fr } else { other }.to_string()))
                .collect();
            slugs.insert(section.to_string(), by_lang);
        }
        let Some(value) = get(table, "sections") else {
            return slugs;
        };
        let DeValue::Table(sections) = value.get_ref() else {
            self.error(value.span().start, "'sections' must be a table".into(), None);
            return slugs;
        };
        let names: Vec<&str> = SECTIONS.iter().map(|s| s.0).collect();
        self.unknown_keys(sections, &names, " in [sections]");
        for (section, per_lang) in sections.iter() {
            let section = section.get_ref().to_string();
            let Some(target) = slugs.get_mut(&section) else {
                continue;
            };
            let DeValue::Table(per_lang) = per_lang.get_ref() else {
                self.error(
                    per_lang.span().start,
                    format!("'sections.{section}' must map languages to URL segments"),
                    Some(format!("for example: {section} = {{ fr = \"...\", en = \"...\" }}")),
                );
                continue;
            };
            for (lang, slug) in per_lang.iter() {
                let lang = lang.get_ref().to_string();
                let span_start = slug.span().start;
                if !languages.iter().any(|l| l.code == lang) {
                    self.error(
                        span_start,
                        format!("'sections.{section}' names language '{lang}', which is not configured"),
                        None,
                    );
                    continue;
                }
                match slug.get_ref() {
                    DeValue::String(s) if is_slug(s) => {
                        target.insert(lang, s.to_string());
                    }
                    DeValue::String(s) => self.error(
                        span_start,
                        format!("'{s}' is not a valid URL segment"),
                        Some("use lowercase letters, digits and hyphens".into()),
                    ),
                    other => {
                        self.error(span_start, format!("URL segment must be a string, found {}", kind_of(other)), None)
                    }
                }
            }
        }
        slugs
    }
}

fn get<'a, 'i>(table: &'a Table<'i>, key: &str) -> Option<&'a Spanned<DeValue<'i>>> {
    table.iter().find(|(k, _)| k.get_ref().as_ref() == key).map(|(_, v)| v)
}

fn kind_of(value: &DeValue) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a number",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

fn first_line(message: &str) -> &str {
    message.lines().next().unwrap_or(message).trim_end_matches('.')
}

/// `fr`, `en`, `pt-BR`, `zh-Hant`: what a site may use as a language code.
pub fn is_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Lowercase ASCII letters, digits and single inner hyphens.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with('-')
        && !text.ends_with('-')
        && !text.contains("--")
        && text.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = "title = \"T\"\nbase_url = \"https://example.org/coopjop\"\n";

    fn messages(text: &str) -> Vec<String> {
        Config::parse(text).1.sorted().iter().map(ToString::to_string).collect()
    }

    #[test]
    fn defaults_are_french_and_english() {
        let (config, diags) = Config::parse(MINIMAL);
        assert!(diags.is_empty(), "{diags:?}");
        let config = config.unwrap();
        assert_eq!(config.base_url, "https://example.org/coopjop/");
        assert_eq!(config.root(), "/coopjop/");
        assert_eq!(config.language_codes(), ["fr", "en"]);
        assert_eq!(config.section_slug("news", "fr"), "actualites");
        assert_eq!(config.section_slug("news", "en"), "news");
        assert_eq!(config.section_slug("actions", "en"), "agenda");
    }

    #[test]
    fn three_languages_with_the_default_first() {
        let text = format!(
            "{MINIMAL}default_language = \"it\"\n[languages.fr]\nname = \"Français\"\n[languages.it]\nname = \"Italiano\"\ntitle = \"Progetto\"\n[languages.en]\nname = \"English\"\n[sections]\nnews = {{ it = \"notizie\" }}\n"
        );
        let config = Config::parse(&text).0.unwrap();
        assert_eq!(config.language_codes(), ["it", "en", "fr"]);
        assert_eq!(config.title_in("it"), "Progetto");
        assert_eq!(config.title_in("en"), "T");
        assert_eq!(config.section_slug("news", "it"), "notizie");
        assert_eq!(config.section_slug("projects", "it"), "projects");
    }

    #[test]
    fn every_problem_is_reported_with_its_position() {
        let text = "titel = \"T\"\nbase_url = \"https://example.org/\"\ndefault_language = \"de\"\npaginate = \"ten\"\n[languages.fr]\nnom = \"Français\"\n";
        assert_eq!(
            messages(text),
            [
                "site.toml:1:1: missing key 'title'\n  hint: add a line like: title = \"My programme\"",
                "site.toml:1:1: unknown key 'titel'\n  hint: did you mean 'title'?",
                "site.toml:3:20: default language 'de' is not among the languages\n  hint: configured languages: fr; add [languages.de] or choose one of them",
                "site.toml:4:12: 'paginate' must be a whole number, found a string",
                "site.toml:6:1: unknown key 'nom' in [languages.fr]\n  hint: did you mean 'name'?",
            ]
        );
    }

    #[test]
    fn malformed_toml_names_the_line() {
        assert_eq!(
            messages("title = \"T\nbase_url = 3\n"),
            ["site.toml:1:11: invalid TOML: invalid basic string, expected `\"`"]
        );
    }

    #[test]
    fn base_url_must_be_absolute() {
        let found = messages("title = \"T\"\nbase_url = \"/coopjop/\"\n");
        assert_eq!(
            found,
            [
                "site.toml:2:12: base_url must start with http:// or https://, found '/coopjop/'\n  hint: for example: base_url = \"https://example.org/programme/\""
            ]
        );
    }

    #[test]
    fn slugs_and_language_codes() {
        for (text, ok) in
            [("actualites", true), ("news-2", true), ("Actu", false), ("a--b", false), ("-a", false), ("", false)]
        {
            assert_eq!(is_slug(text), ok, "{text}");
        }
        for (code, ok) in
            [("fr", true), ("pt-BR", true), ("zh-Hant", true), ("FR", false), ("f", false), ("fr_FR", false)]
        {
            assert_eq!(is_language_code(code), ok, "{code}");
        }
    }
}
