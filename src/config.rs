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
    /// `[images]`: the widths and quality images are published at.
    pub images: crate::images::Settings,
}

pub const FILE: &str = "site.toml";

const TOP_KEYS: [&str; 10] = [
    "title",
    "description",
    "base_url",
    "default_language",
    "theme",
    "languages",
    "sections",
    "translation_fallback",
    "paginate",
    "images",
];
const IMAGES_KEYS: [&str; 4] = ["widths", "quality", "sizes", "budget_kb"];
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
                parser.error(at, tr!("config-invalid-toml", detail = first_line(err.message())), None);
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
        .ok_or_else(|| tr!("config-base-url-scheme", url = url))?;
    if rest.is_empty() || rest.starts_with('/') {
        return Err(tr!("config-base-url-no-host", url = url));
    }
    if rest.contains(['?', '#', ' ']) {
        return Err(tr!("config-base-url-forbidden", url = url));
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

    /// Reports the keys of `table` that are not `known`; `within` names
    /// the table (`languages.fr`), None for the top level.
    fn unknown_keys(&mut self, table: &Table, known: &[&str], within: Option<&str>) {
        for (key, _) in table.iter() {
            if !known.contains(&key.get_ref().as_ref()) {
                let name = key.get_ref().as_ref();
                let keys = known.join(", ");
                let hint = match crate::diag::did_you_mean(name, known.iter().copied()) {
                    Some(close) => tr!("did-you-mean", name = close),
                    None => match within {
                        None => tr!("config-known-keys", keys = keys),
                        Some(table) => tr!("config-known-keys-in-table", table = table, keys = keys),
                    },
                };
                let message = match within {
                    None => tr!("config-unknown-key", key = name),
                    Some(table) => tr!("config-unknown-key-in-table", key = name, table = table),
                };
                self.error(key.span().start, message, Some(hint));
            }
        }
    }

    fn string(&mut self, table: &Table, key: &str) -> Option<(String, Range<usize>)> {
        let value = get(table, key)?;
        match value.get_ref() {
            DeValue::String(s) => Some((s.to_string(), value.span())),
            other => {
                self.error(value.span().start, tr!("config-not-a-string", key = key, found = kind_of(other)), None);
                None
            }
        }
    }

    fn config(&mut self, table: &Table) -> Option<Config> {
        self.unknown_keys(table, &TOP_KEYS, None);
        let title = self.string(table, "title").map(|(s, _)| s);
        let description = self.string(table, "description").map(|(s, _)| s);
        let base_url = match self.string(table, "base_url") {
            Some((url, span)) => match normalize_base_url(&url) {
                Ok(url) => Some(url),
                Err(message) => {
                    self.error(span.start, message, Some(tr!("config-base-url-example")));
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
        let images = self.images(table);

        if title.is_none() && get(table, "title").is_none() {
            self.error(0, tr!("config-missing-key", key = "title"), Some(tr!("config-missing-title-hint")));
        }
        if base_url.is_none() && get(table, "base_url").is_none() {
            self.error(0, tr!("config-missing-key", key = "base_url"), Some(tr!("config-missing-base-url-hint")));
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
            images,
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
            self.error(value.span().start, tr!("config-languages-not-table"), Some(tr!("config-languages-example")));
            return Vec::new();
        };
        let mut out = Vec::new();
        for (code, lang) in langs.iter() {
            let code_text = code.get_ref().to_string();
            if !is_language_code(&code_text) {
                self.error(
                    code.span().start,
                    tr!("config-not-a-language-code", code = &code_text),
                    Some(tr!("config-language-code-hint")),
                );
                continue;
            }
            let DeValue::Table(fields) = lang.get_ref() else {
                self.error(lang.span().start, tr!("config-not-a-table", key = format!("languages.{code_text}")), None);
                continue;
            };
            self.unknown_keys(fields, &LANGUAGE_KEYS, Some(&format!("languages.{code_text}")));
            let name = self.string(fields, "name").map(|(s, _)| s).unwrap_or_else(|| code_text.clone());
            let title = self.string(fields, "title").map(|(s, _)| s);
            let description = self.string(fields, "description").map(|(s, _)| s);
            out.push(Language { code: code_text, name, title, description });
        }
        if out.is_empty() {
            self.error(value.span().start, tr!("config-no-language"), Some(tr!("config-no-language-hint")));
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
                    tr!("config-missing-key", key = "default_language"),
                    Some(tr!("config-missing-default-language-hint", code = codes[0], codes = codes.join(", "))),
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
            tr!("config-unknown-default-language", code = &code),
            Some(tr!("config-unknown-default-language-hint", codes = codes.join(", "), code = &code)),
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
                    tr!("config-unknown-fallback", value = &value),
                    Some(tr!("config-fallback-hint")),
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
                    self.error(value.span().start, tr!("config-paginate-not-positive"), None);
                    10
                }
            },
            other => {
                self.error(value.span().start, tr!("config-paginate-not-integer", found = kind_of(other)), None);
                10
            }
        }
    }

    /// `[images]`: widths (positive integers, kept ascending and without
    /// duplicates) and quality (1 to 100).
    fn images(&mut self, table: &Table) -> crate::images::Settings {
        let mut settings = crate::images::Settings::default();
        let Some(value) = get(table, "images") else {
            return settings;
        };
        let DeValue::Table(images) = value.get_ref() else {
            self.error(value.span().start, tr!("config-not-a-table", key = "images"), None);
            return settings;
        };
        self.unknown_keys(images, &IMAGES_KEYS, Some("images"));
        if let Some(widths) = get(images, "widths") {
            let parsed: Option<Vec<u32>> = match widths.get_ref() {
                DeValue::Array(list) => list
                    .iter()
                    .map(|w| match w.get_ref() {
                        DeValue::Integer(i) => i.as_str().parse::<u32>().ok().filter(|w| (1..=20_000).contains(w)),
                        _ => None,
                    })
                    .collect::<Option<Vec<u32>>>()
                    .filter(|list| !list.is_empty()),
                _ => None,
            };
            match parsed {
                Some(mut list) => {
                    list.sort_unstable();
                    list.dedup();
                    settings.widths = list;
                }
                None => {
                    self.error(widths.span().start, tr!("config-images-widths"), Some(tr!("config-images-widths-hint")))
                }
            }
        }
        if let Some(quality) = get(images, "quality") {
            match quality.get_ref() {
                DeValue::Integer(i) if i.as_str().parse::<u8>().is_ok_and(|q| (1..=100).contains(&q)) => {
                    settings.quality = i.as_str().parse().unwrap_or(settings.quality);
                }
                _ => self.error(quality.span().start, tr!("config-images-quality"), None),
            }
        }
        if let Some(sizes) = get(images, "sizes") {
            match sizes.get_ref() {
                DeValue::String(text) if !text.trim().is_empty() => settings.sizes = text.trim().to_string(),
                _ => self.error(sizes.span().start, tr!("config-images-sizes"), Some(tr!("config-images-sizes-hint"))),
            }
        }
        if let Some(budget) = get(images, "budget_kb") {
            match budget.get_ref() {
                DeValue::Integer(i) if i.as_str().parse::<u32>().is_ok_and(|b| b >= 1) => {
                    settings.budget_kb = i.as_str().parse().unwrap_or(settings.budget_kb);
                }
                _ => self.error(budget.span().start, tr!("config-images-budget"), None),
            }
        }
        settings
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
            self.error(value.span().start, tr!("config-not-a-table", key = "sections"), None);
            return slugs;
        };
        let names: Vec<&str> = SECTIONS.iter().map(|s| s.0).collect();
        self.unknown_keys(sections, &names, Some("sections"));
        for (section, per_lang) in sections.iter() {
            let section = section.get_ref().to_string();
            let Some(target) = slugs.get_mut(&section) else {
                continue;
            };
            let DeValue::Table(per_lang) = per_lang.get_ref() else {
                self.error(
                    per_lang.span().start,
                    tr!("config-section-not-table", section = &section),
                    Some(tr!("config-section-example", section = &section)),
                );
                continue;
            };
            for (lang, slug) in per_lang.iter() {
                let lang = lang.get_ref().to_string();
                let span_start = slug.span().start;
                if !languages.iter().any(|l| l.code == lang) {
                    self.error(
                        span_start,
                        tr!("config-section-unknown-language", section = &section, lang = &lang),
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
                        tr!("config-invalid-segment", segment = s.as_ref()),
                        Some(tr!("config-segment-hint")),
                    ),
                    other => self.error(span_start, tr!("config-segment-not-a-string", found = kind_of(other)), None),
                }
            }
        }
        slugs
    }
}

fn get<'a, 'i>(table: &'a Table<'i>, key: &str) -> Option<&'a Spanned<DeValue<'i>>> {
    table.iter().find(|(k, _)| k.get_ref().as_ref() == key).map(|(_, v)| v)
}

/// The kind of a TOML value, as the `found` variable of messages selects it.
fn kind_of(value: &DeValue) -> &'static str {
    match value {
        DeValue::String(_) => "string",
        DeValue::Integer(_) => "integer",
        DeValue::Float(_) => "float",
        DeValue::Boolean(_) => "boolean",
        DeValue::Datetime(_) => "datetime",
        DeValue::Array(_) => "array",
        DeValue::Table(_) => "table",
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

/// Languages written right to left, by primary subtag: the one list the
/// build and the theme's views consult.
const RIGHT_TO_LEFT: &[&str] = &["ar", "arc", "ckb", "dv", "fa", "he", "ks", "ps", "sd", "syr", "ug", "ur", "yi"];
/// Scripts written right to left (ISO 15924, lowercase), for tags that name one.
const RIGHT_TO_LEFT_SCRIPTS: &[&str] = &["adlm", "arab", "hebr", "nkoo", "rohg", "syrc", "thaa"];

/// Whether text in language `code` is written right to left: `ar`, `he`,
/// `fa`, `ur`... and any tag naming a right-to-left script (`pa-Arab`); a
/// tag naming another script (`ku-Latn`) is left to right.
pub fn is_right_to_left(code: &str) -> bool {
    let mut parts = code.split(['-', '_']);
    let primary = parts.next().unwrap_or("").to_ascii_lowercase();
    let script = parts.find(|p| p.len() == 4 && p.chars().all(|c| c.is_ascii_alphabetic()));
    match script {
        Some(script) => RIGHT_TO_LEFT_SCRIPTS.contains(&script.to_ascii_lowercase().as_str()),
        None => RIGHT_TO_LEFT.contains(&primary.as_str()),
    }
}

/// The `dir` that isolates a text in `text_lang` inside a page in
/// `page_lang`: "rtl" or "ltr" when their directions differ, None when the
/// text runs the page's way.
pub fn dir_within(text_lang: &str, page_lang: &str) -> Option<&'static str> {
    let rtl = is_right_to_left(text_lang);
    (rtl != is_right_to_left(page_lang)).then_some(if rtl { "rtl" } else { "ltr" })
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

    #[test]
    fn right_to_left_languages_and_scripts_get_their_direction() {
        let cases = [
            ("ar", "fr", Some("rtl")),
            ("he", "en", Some("rtl")),
            ("fa-IR", "fr", Some("rtl")),
            ("ur", "en", Some("rtl")),
            ("pa-Arab", "en", Some("rtl")),
            ("ku-Latn", "en", None),
            ("it", "fr", None),
            ("ar", "ar", None),
            ("fr", "ar", Some("ltr")),
        ];
        for (text, page, dir) in cases {
            assert_eq!(dir_within(text, page), dir, "{text} inside a page in {page}");
        }
    }

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
    fn languages_sections_and_settings_are_checked() {
        let text = "title = 3\nbase_url = \"https://\"\ntranslation_fallback = \"banniere\"\npaginate = 0\n\
                    [languages]\nFR = { name = \"Français\" }\nen = \"English\"\nit = { nom = \"Italiano\" }\n\
                    [sections]\nnews = \"actus\"\nprojets = {}\nprojects = { fr = \"Projets\", de = \"projekte\", it = 2 }\n";
        assert_eq!(
            messages(text),
            [
                "site.toml:1:9: 'title' must be a string, found an integer",
                "site.toml:2:12: base_url has no host: 'https://'\n  hint: for example: base_url = \"https://example.org/programme/\"",
                "site.toml:3:24: unknown translation_fallback 'banniere'\n  hint: expected \"absent\" or \"banner\"",
                "site.toml:4:12: 'paginate' must be a whole number above 0",
                "site.toml:6:1: 'FR' is not a language code\n  hint: use a code like fr, en, it or pt-BR",
                "site.toml:7:6: 'languages.en' must be a table",
                "site.toml:8:8: unknown key 'nom' in [languages.it]\n  hint: did you mean 'name'?",
                "site.toml:10:8: 'sections.news' must map languages to URL segments\n  hint: for example: news = { fr = \"...\", en = \"...\" }",
                "site.toml:11:1: unknown key 'projets' in [sections]\n  hint: did you mean 'projects'?",
                "site.toml:12:19: 'sections.projects' names language 'fr', which is not configured",
                "site.toml:12:35: 'sections.projects' names language 'de', which is not configured",
                "site.toml:12:52: URL segment must be a string, found an integer",
            ]
        );
        let text = "title = \"T\"\nbase_url = \"https://example.org/a b\"\nzzz = 1\n\
                    [languages.fr]\n[languages.en]\n[sections]\nnews = { fr = \"Actus\" }\n";
        assert_eq!(
            messages(text),
            [
                "site.toml:1:1: missing key 'default_language'\n  hint: add a line like: default_language = \"en\" (one of en, fr)",
                "site.toml:2:12: base_url must not contain a query, fragment or space: 'https://example.org/a b'\n  hint: for example: base_url = \"https://example.org/programme/\"",
                "site.toml:3:1: unknown key 'zzz'\n  hint: known keys: title, description, base_url, default_language, theme, languages, sections, translation_fallback, paginate, images",
                "site.toml:7:15: 'Actus' is not a valid URL segment\n  hint: use lowercase letters, digits and hyphens",
            ]
        );
        assert_eq!(
            messages("title = \"T\"\nbase_url = \"https://e.org/\"\nlanguages = 3\nsections = []\n"),
            [
                "site.toml:3:13: 'languages' must be a table of languages\n  hint: for example: [languages.fr] then name = \"Français\"",
                "site.toml:4:12: 'sections' must be a table",
            ]
        );
        assert_eq!(
            messages("title = \"T\"\nbase_url = \"https://e.org/\"\nlanguages = {}\n"),
            ["site.toml:3:13: no language is configured\n  hint: add at least [languages.fr] with a name"]
        );
    }

    /// French wording, formatted directly: parsing speaks the process's
    /// language, which tests must not change.
    #[test]
    fn french_messages_agree_with_the_kind_of_value_found() {
        use crate::messages::{Arg, Locale, text_in};
        let fr = |id: &str, args: &[(&str, Arg)]| text_in(Locale::Fr, id, args);
        assert_eq!(
            fr("config-not-a-string", &[("key", "title".into()), ("found", "integer".into())]),
            "« title » doit être une chaîne, pas un nombre entier"
        );
        assert_eq!(
            fr("config-paginate-not-integer", &[("found", "string".into())]),
            "« paginate » doit être un nombre entier, pas une chaîne"
        );
        assert_eq!(
            fr("config-segment-not-a-string", &[("found", "table".into())]),
            "un segment d'URL doit être une chaîne, pas une table"
        );
        assert_eq!(
            fr("config-unknown-key-in-table", &[("key", "nom".into()), ("table", "languages.fr".into())]),
            "clé inconnue « nom » dans [languages.fr]"
        );
        assert_eq!(
            fr("config-known-keys-in-table", &[("table", "languages.fr".into()), ("keys", "name, title".into())]),
            "clés connues dans [languages.fr] : name, title"
        );
        assert_eq!(
            fr("config-section-example", &[("section", "news".into())]),
            "par exemple : news = { fr = \"...\", en = \"...\" }"
        );
        assert_eq!(
            fr("config-unknown-default-language-hint", &[("codes", "fr, en".into()), ("code", "de".into())]),
            "langues configurées : fr, en ; ajoutez [languages.de] ou choisissez l'une d'elles"
        );
        assert_eq!(
            fr("config-base-url-scheme", &[("url", "/coopjop/".into())]),
            "« base_url » doit commencer par http:// ou https:// (valeur actuelle : « /coopjop/ »)"
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

    #[test]
    fn images_take_widths_and_quality_and_nothing_else() {
        let base = "title = \"T\"\nbase_url = \"https://example.org/\"\n";
        let config = Config::parse(base).0.unwrap();
        assert_eq!(config.images, crate::images::Settings::default());
        let text = format!("{base}[images]\nwidths = [1200, 400, 400]\nquality = 65\n");
        let config = Config::parse(&text).0.unwrap();
        let expected = crate::images::Settings { widths: vec![400, 1200], quality: 65, ..Default::default() };
        assert_eq!(config.images, expected);
        let text = format!("{base}[images]\nsizes = \"(min-width: 60rem) 30rem, 100vw\"\nbudget_kb = 150\n");
        let config = Config::parse(&text).0.unwrap();
        assert_eq!((config.images.sizes.as_str(), config.images.budget_kb), ("(min-width: 60rem) 30rem, 100vw", 150));
        let text = format!("{base}[images]\nwidth = [400]\nwidths = [0]\nquality = 101\n");
        assert_eq!(
            messages(&text),
            [
                "site.toml:4:1: unknown key 'width' in [images]\n  hint: did you mean 'widths'?",
                "site.toml:5:10: 'widths' in [images] must be a list of widths in pixels, from 1 to 20000\n  hint: for example: widths = [480, 800, 1200, 1600]",
                "site.toml:6:11: 'quality' in [images] must be a whole number from 1 to 100",
            ]
        );
    }
}
