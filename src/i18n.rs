//! Owns the UI strings of the site and of its theme, written as Fluent
//! messages, and the per-language formatting of dates built on them. It does
//! no file I/O (callers pass the contents of each `.ftl` file with the path to
//! show in diagnostics) and knows nothing of Tera: the template engine calls
//! `Locales::message` for its `t()` function.

use std::collections::{BTreeSet, HashMap};
use std::fmt;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentError, FluentResource, FluentValue};
use fluent_syntax::ast;
use fluent_syntax::parser::ErrorKind;
use unic_langid::LanguageIdentifier;

use crate::diag::{Diagnostic, Lines, line_col};

/// The contents of one `.ftl` file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Source {
    /// As shown in diagnostics, e.g. `themes/default/locales/fr/main.ftl`.
    pub path: String,
    /// The language code of the folder it sits in, e.g. `fr`.
    pub lang: String,
    pub text: String,
}

/// A value passed to a message as a Fluent variable (`{ $name }`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Arg {
    Str(String),
    /// Selects plural variants with the language's rules; integers print
    /// without a fractional part.
    Num(f64),
}

/// Why a message could not be formatted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum I18nError {
    /// The language defines no such message (or attribute); no other
    /// language is tried in its place.
    Missing { key: String, lang: String },
    /// The message exists but refers to something that does not, such as a
    /// variable the caller did not pass.
    Format { key: String, lang: String, message: String },
}

impl fmt::Display for I18nError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            I18nError::Missing { key, lang } => f.write_str(&tr!("render-fluent-missing", key = key, lang = lang)),
            I18nError::Format { key, lang, message } => {
                f.write_str(&tr!("render-fluent-format", key = key, lang = lang, detail = message))
            }
        }
    }
}

impl std::error::Error for I18nError {}

/// The messages of every language of the site, each language on its own:
/// a message missing in one language is never taken from another.
pub(crate) struct Locales {
    languages: HashMap<String, Language>,
}

/// One language's bundle, and the message ids it holds (the bundle cannot
/// list them).
struct Language {
    bundle: FluentBundle<FluentResource>,
    keys: BTreeSet<String>,
}

impl Language {
    fn new(code: &str) -> Self {
        // A code that is not a valid language tag still gets its bundle;
        // plural rules then fall back to English ones.
        let langid: LanguageIdentifier = code.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        bundle.set_use_isolating(false);
        bundle.add_builtins().expect("a new bundle has no function yet");
        Language { bundle, keys: BTreeSet::new() }
    }

    /// The pattern of `key`, or of `key.attribute`.
    fn pattern(&self, key: &str) -> Option<&ast::Pattern<&str>> {
        let (id, attribute) = match key.split_once('.') {
            Some((id, attribute)) => (id, Some(attribute)),
            None => (key, None),
        };
        let message = self.bundle.get_message(id)?;
        match attribute {
            Some(attribute) => message.get_attribute(attribute).map(|a| a.value()),
            None => message.value(),
        }
    }
}

/// Where an entry was defined, to point at an earlier duplicate.
struct Definition {
    path: String,
    line: usize,
    col: usize,
}

impl Locales {
    /// `layers` from lowest to highest priority: e.g. embedded theme
    /// files, theme files on disk, site locales. A message defined in a
    /// higher layer replaces the same id from a lower one (site overrides
    /// theme); other messages of lower layers stay available.
    ///
    /// `languages`: the site's language codes, e.g. `["fr", "en", "it"]`.
    /// Sources for other languages are ignored.
    ///
    /// Syntax errors are error diagnostics, and the valid messages of the
    /// file are still used. An id defined twice within one layer is a
    /// warning; the later definition wins.
    pub(crate) fn load(layers: Vec<Vec<Source>>, languages: &[String]) -> (Locales, Vec<Diagnostic>) {
        let mut by_code: HashMap<String, Language> =
            languages.iter().map(|code| (code.clone(), Language::new(code))).collect();
        let mut diagnostics = Vec::new();
        for layer in layers {
            let mut defined: HashMap<(String, String), Definition> = HashMap::new();
            for source in layer {
                let Some(language) = by_code.get_mut(&source.lang) else {
                    continue;
                };
                let resource = parse(&source.path, source.text, &mut diagnostics);
                let lines = Lines::new(resource.source());
                for (name, offset, is_message) in entries(&resource) {
                    let (line, col) = lines.line_col(offset);
                    let shown = if is_message { name.to_string() } else { format!("-{name}") };
                    let here = Definition { path: source.path.clone(), line, col };
                    if let Some(first) = defined.insert((source.lang.clone(), shown.clone()), here) {
                        let place = format!("{}:{}:{}", first.path, first.line, first.col);
                        let kind = if is_message { "message" } else { "term" };
                        let message = tr!("render-fluent-defined-twice", kind = kind, id = &shown, place = place);
                        diagnostics.push(Diagnostic::warning(&source.path, line, col, message));
                    }
                    // Messages and terms share the bundle's namespace.
                    if is_message {
                        language.keys.insert(name.to_string());
                    } else {
                        language.keys.remove(name);
                    }
                }
                language.bundle.add_resource_overriding(resource);
            }
        }
        (Locales { languages: by_code }, diagnostics)
    }

    /// Formats message `key` (or `key.attribute`) in `lang` with `args`.
    pub(crate) fn message(&self, lang: &str, key: &str, args: &[(&str, Arg)]) -> Result<String, I18nError> {
        let missing = || I18nError::Missing { key: key.to_string(), lang: lang.to_string() };
        let format_error =
            |message: String| I18nError::Format { key: key.to_string(), lang: lang.to_string(), message };
        let language = self.languages.get(lang).ok_or_else(missing)?;
        let pattern = language.pattern(key).ok_or_else(missing)?;
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, arg) in args {
            let value = match arg {
                Arg::Str(text) => FluentValue::from(text.as_str()),
                // Plural rules panic on numbers they cannot take apart.
                Arg::Num(n) if !n.is_finite() || n.abs() >= 1e15 => {
                    let value = n.to_string();
                    return Err(format_error(tr!("render-fluent-not-a-number", name = *name, value = value)));
                }
                Arg::Num(n) => FluentValue::from(*n),
            };
            fluent_args.set(*name, value);
        }
        let mut errors = Vec::new();
        let text = language.bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        if errors.is_empty() {
            Ok(text.into_owned())
        } else {
            let described: Vec<String> = errors.iter().map(describe).collect();
            Err(format_error(described.join("; ")))
        }
    }

    /// Whether `message` would find `key` (or `key.attribute`) in `lang`;
    /// a message with attributes but no value of its own has no `key`.
    #[allow(dead_code, reason = "used by `passerelle check` for translation reports")]
    pub(crate) fn has(&self, lang: &str, key: &str) -> bool {
        self.languages.get(lang).is_some_and(|language| language.pattern(key).is_some())
    }

    /// Every message id known in `lang`, sorted (terms are not listed).
    #[allow(dead_code, reason = "used by `passerelle check` for translation reports")]
    pub(crate) fn keys(&self, lang: &str) -> Vec<String> {
        self.languages.get(lang).map(|language| language.keys.iter().cloned().collect()).unwrap_or_default()
    }

    /// "6 février 2026" / "6 February 2026", through the message
    /// `date-long` with the variables `day` (number), `month` (the text of
    /// message `month-<1..12>`) and `year` (number). ISO "2026-02-06" when
    /// the language lacks those messages.
    pub(crate) fn format_date(&self, lang: &str, date: jiff::civil::Date) -> String {
        self.month_name(lang, "month", date)
            .and_then(|month| {
                let args = [
                    ("day", Arg::Num(date.day().into())),
                    ("month", Arg::Str(month)),
                    ("year", Arg::Num(date.year().into())),
                ];
                self.message(lang, "date-long", &args).ok()
            })
            .unwrap_or_else(|| format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day()))
    }

    /// "févr. 2026", through the message `date-month-year` with the
    /// variables `month` (the text of `month-short-<1..12>` when the
    /// language defines it, else of `month-<1..12>`) and `year` (number).
    /// "2026-02" when the language lacks those messages.
    #[allow(dead_code, reason = "used by `passerelle check` for translation reports")]
    pub(crate) fn format_month_year(&self, lang: &str, date: jiff::civil::Date) -> String {
        self.month_year(lang, date, &["month-short", "month"])
    }

    /// "février 2026" / "February 2026": `date-month-year` with the full
    /// name of the month (`month-<1..12>`), as agendas head each month.
    pub(crate) fn format_month(&self, lang: &str, date: jiff::civil::Date) -> String {
        self.month_year(lang, date, &["month"])
    }

    fn month_year(&self, lang: &str, date: jiff::civil::Date, prefixes: &[&str]) -> String {
        prefixes
            .iter()
            .find_map(|prefix| self.month_name(lang, prefix, date))
            .and_then(|month| {
                let args = [("month", Arg::Str(month)), ("year", Arg::Num(date.year().into()))];
                self.message(lang, "date-month-year", &args).ok()
            })
            .unwrap_or_else(|| format!("{:04}-{:02}", date.year(), date.month()))
    }

    /// A time zone as readers know it, through the message `time-zone`
    /// with the variables `city` (the place an IANA zone is named after,
    /// `Europe/Paris` → `Paris`, or the message `tz-Europe-Paris` when the
    /// language names it otherwise), `initial` (`vowel` when the city's
    /// name starts with one, for elision: "heure d'Abidjan") and `offset`
    /// (`+1`, `−7`, `+5:30`, or empty for UTC itself). Zones named after no
    /// city (`UTC`, `Etc/GMT-2`) go through `time-zone-utc` with `offset`.
    pub(crate) fn format_time_zone(&self, lang: &str, zone: &str, offset_seconds: i32) -> Option<String> {
        let offset = offset_text(offset_seconds);
        let city = zone.rsplit_once('/').filter(|(area, _)| *area != "Etc").map(|(_, city)| city.replace('_', " "));
        let Some(city) = city else {
            return self.message(lang, "time-zone-utc", &[("offset", Arg::Str(offset))]).ok();
        };
        let city = self.message(lang, &format!("tz-{}", zone.replace('/', "-")), &[]).unwrap_or(city);
        let vowel = city.chars().next().is_some_and(|c| "aeiouyàâéèêëîïôöùûüAEIOUYÀÂÉÈÊÎÏÔÖÙÛÜ".contains(c));
        let args = [
            ("city", Arg::Str(city)),
            ("initial", Arg::Str(if vowel { "vowel" } else { "consonant" }.into())),
            ("offset", Arg::Str(offset)),
        ];
        self.message(lang, "time-zone", &args).ok()
    }

    fn month_name(&self, lang: &str, prefix: &str, date: jiff::civil::Date) -> Option<String> {
        self.message(lang, &format!("{prefix}-{}", date.month()), &[]).ok()
    }
}

/// How many missing messages a diagnostic names before "and N more".
const NAMES_SHOWN: usize = 5;

/// Says which of the theme's messages each of `languages` lacks: an error
/// at site.toml when a language has no UI strings at all, a warning at its
/// first file otherwise. The theme's messages are those its own files
/// define in any language (the site's `locales/` are not the theme), in
/// the order they are first defined.
pub(crate) fn missing_messages(layers: &[Vec<Source>], locales: &Locales, languages: &[String]) -> Vec<Diagnostic> {
    let is_site = |source: &Source| source.path.starts_with("locales/");
    let mut expected: Vec<String> = Vec::new();
    let mut seen = BTreeSet::new();
    for source in layers.iter().flatten().filter(|s| !is_site(s)) {
        let resource = parse(&source.path, source.text.clone(), &mut Vec::new());
        for (name, _, is_message) in entries(&resource) {
            if is_message && seen.insert(name.to_string()) {
                expected.push(name.to_string());
            }
        }
    }
    let theme_sources = || layers.iter().flatten().filter(|s| !is_site(s));
    let model = theme_sources().find(|s| s.lang == "en").or_else(|| theme_sources().next());
    let model = model.map_or_else(|| "locales/en/main.ftl".to_string(), |s| theme_relative(&s.path));
    let mut out = Vec::new();
    for lang in languages {
        let has = |id: &String| locales.languages.get(lang).is_some_and(|l| l.keys.contains(id));
        let missing: Vec<&String> = expected.iter().filter(|id| !has(id)).collect();
        if missing.is_empty() {
            continue;
        }
        let count = missing.len();
        let mut names = missing.iter().take(NAMES_SHOWN).map(|id| id.as_str()).collect::<Vec<_>>().join(", ");
        if count > NAMES_SHOWN {
            names = tr!("build-ui-strings-names-more", names = names, count = count - NAMES_SHOWN);
        }
        let first_file = layers.iter().flatten().find(|s| &s.lang == lang).map(|s| s.path.clone());
        out.push(match first_file {
            None => Diagnostic::error(
                crate::config::FILE,
                1,
                1,
                tr!("build-no-ui-strings", lang = lang.as_str(), count = count, names = names),
            )
            .with_hint(tr!("build-no-ui-strings-hint", lang = lang.as_str(), model = model.as_str())),
            Some(path) => Diagnostic::warning(
                &path,
                1,
                1,
                tr!("build-ui-strings-missing", lang = lang.as_str(), count = count, names = names),
            )
            .with_hint(tr!("build-ui-strings-missing-hint", path = path.as_str(), model = model.as_str())),
        });
    }
    out
}

/// `themes/default/locales/en/main.ftl` → `locales/en/main.ftl`, the path
/// inside the theme, as users copy it.
fn theme_relative(path: &str) -> String {
    match path.find("/locales/") {
        Some(i) if path.starts_with("themes/") => path[i + 1..].to_string(),
        _ => path.to_string(),
    }
}

/// `+1`, `−7` (with a minus sign), `+5:30`; empty for no offset.
fn offset_text(seconds: i32) -> String {
    if seconds == 0 {
        return String::new();
    }
    let sign = if seconds < 0 { '\u{2212}' } else { '+' };
    let (hours, minutes) = (seconds.unsigned_abs() / 3600, seconds.unsigned_abs() % 3600 / 60);
    if minutes == 0 { format!("{sign}{hours}") } else { format!("{sign}{hours}:{minutes:02}") }
}

impl fmt::Debug for Locales {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut languages: Vec<&String> = self.languages.keys().collect();
        languages.sort();
        f.debug_struct("Locales").field("languages", &languages).finish_non_exhaustive()
    }
}

/// Parses one file, reporting its syntax errors; the entries that are
/// valid are kept.
fn parse(path: &str, text: String, diagnostics: &mut Vec<Diagnostic>) -> FluentResource {
    FluentResource::try_new(text).unwrap_or_else(|(resource, errors)| {
        for error in errors {
            let (line, col) = line_col(resource.source(), error.pos.start);
            let message = tr!("render-fluent-syntax", detail = syntax_error(&error.kind));
            diagnostics.push(Diagnostic::error(path, line, col, message));
        }
        resource
    })
}

/// The messages and terms of a resource: name, byte offset of the name in
/// the source (of the `-` for a term), and whether it is a message.
fn entries(resource: &FluentResource) -> Vec<(&str, usize, bool)> {
    let start = resource.source().as_ptr() as usize;
    // The parsed names are slices of the source, so their address gives
    // their position.
    let offset = |name: &str| (name.as_ptr() as usize).saturating_sub(start);
    resource
        .entries()
        .filter_map(|entry| match entry {
            ast::Entry::Message(message) => Some((message.id.name, offset(message.id.name), true)),
            ast::Entry::Term(term) => Some((term.id.name, offset(term.id.name).saturating_sub(1), false)),
            _ => None,
        })
        .collect()
}

/// A parser error as a lower-case phrase without raw line breaks.
fn syntax_error(kind: &ErrorKind) -> String {
    match kind {
        ErrorKind::ExpectedCharRange { range } if range.contains('\n') => tr!("render-fluent-expected-line-break"),
        kind => lower_first(&kind.to_string()).replace('\n', "\\n").replace('\r', "\\r"),
    }
}

/// A formatting error as a lower-case phrase ("unknown variable: $count").
fn describe(error: &FluentError) -> String {
    match error {
        FluentError::ResolverError(error) => lower_first(&error.to_string()),
        other => lower_first(&other.to_string()),
    }
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn source(path: &str, lang: &str, text: &str) -> Source {
        Source { path: path.to_string(), lang: lang.to_string(), text: text.to_string() }
    }

    fn codes(codes: &[&str]) -> Vec<String> {
        codes.iter().map(|code| code.to_string()).collect()
    }

    /// One layer with one file per (lang, text).
    fn locales(files: &[(&str, &str)]) -> Locales {
        let layer = files.iter().map(|(lang, text)| source(&format!("locales/{lang}/main.ftl"), lang, text)).collect();
        let languages: Vec<&str> = files.iter().map(|(lang, _)| *lang).collect();
        let (locales, diagnostics) = Locales::load(vec![layer], &codes(&languages));
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        locales
    }

    fn count(n: f64) -> [(&'static str, Arg); 1] {
        [("count", Arg::Num(n))]
    }

    #[test]
    fn arguments_are_inserted_without_bidi_isolation_marks() {
        let l = locales(&[("en", "hello = Hello, { $name }!")]);
        let text = l.message("en", "hello", &[("name", Arg::Str("Ana".into()))]).unwrap();
        assert_eq!(text, "Hello, Ana!");
        assert!(!text.contains(['\u{2068}', '\u{2069}']));
    }

    #[test]
    fn plurals_follow_each_languages_rules() {
        let ftl = "articles = { $count -> \n    [one] { $count } one\n   *[other] { $count } other\n}\n";
        let l = locales(&[("fr", ftl), ("en", ftl), ("it", ftl)]);
        let cases = [
            ("fr", 0.0, "0 one"),
            ("fr", 1.0, "1 one"),
            ("fr", 1.5, "1.5 one"),
            ("fr", 2.0, "2 other"),
            ("en", 0.0, "0 other"),
            ("en", 1.0, "1 one"),
            ("en", 1.5, "1.5 other"),
            ("it", 1.0, "1 one"),
            ("it", 3.0, "3 other"),
        ];
        for (lang, n, expected) in cases {
            assert_eq!(l.message(lang, "articles", &count(n)).unwrap(), expected, "{lang} {n}");
        }
    }

    #[test]
    fn a_language_without_files_or_with_an_odd_code_still_has_a_bundle() {
        let ftl = "n = { $count ->\n    [one] one\n   *[other] other\n}\n";
        let l = locales(&[("not a code!", ftl)]);
        assert_eq!(l.message("not a code!", "n", &count(1.0)).unwrap(), "one");
        let (l, _) = Locales::load(vec![], &codes(&["it"]));
        assert!(l.keys("it").is_empty());
        assert!(!l.has("it", "n"));
    }

    #[test]
    fn higher_layers_replace_single_messages_of_lower_ones() {
        let theme = vec![source("themes/default/locales/fr/main.ftl", "fr", "a = A\nb = B\n")];
        let site = vec![source("locales/fr/main.ftl", "fr", "a = Z\n"), source("locales/de/main.ftl", "de", "a = D\n")];
        let (l, diagnostics) = Locales::load(vec![theme, site], &codes(&["fr", "en"]));
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(l.message("fr", "a", &[]).unwrap(), "Z");
        assert_eq!(l.message("fr", "b", &[]).unwrap(), "B");
        assert_eq!(l.keys("fr"), ["a", "b"]);
        assert!(!l.has("de", "a"));
    }

    #[test]
    fn a_syntax_error_is_located_and_the_rest_of_the_file_still_works() {
        let text = "a = A\n\nnav-about À propos\nc = C\nd = { $n -> [one] 1 *[other] n }\n";
        let layer = vec![source("themes/default/locales/fr/main.ftl", "fr", text)];
        let (l, diagnostics) = Locales::load(vec![layer], &codes(&["fr"]));
        let shown: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "themes/default/locales/fr/main.ftl:3:11: invalid Fluent syntax: expected a token starting with \"=\"",
                "themes/default/locales/fr/main.ftl:5:13: invalid Fluent syntax: expected a line break",
            ]
        );
        assert_eq!(l.message("fr", "a", &[]).unwrap(), "A");
        assert_eq!(l.message("fr", "c", &[]).unwrap(), "C");
        assert!(!l.has("fr", "nav-about"));
        assert_eq!(l.keys("fr"), ["a", "c"]);
    }

    #[test]
    fn an_id_defined_twice_in_one_layer_is_a_warning_and_the_later_wins() {
        let layer = vec![
            source("locales/fr/main.ftl", "fr", "a = 1\n-brand = P\n"),
            source("locales/fr/more.ftl", "fr", "b = 2\na = 3\n-brand = Q\n"),
        ];
        let (l, diagnostics) = Locales::load(vec![layer], &codes(&["fr"]));
        let shown: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "locales/fr/more.ftl:2:1: warning: message 'a' is defined twice; this definition replaces the one at locales/fr/main.ftl:1:1",
                "locales/fr/more.ftl:3:1: warning: term '-brand' is defined twice; this definition replaces the one at locales/fr/main.ftl:2:1",
            ]
        );
        assert_eq!(l.message("fr", "a", &[]).unwrap(), "3");
    }

    #[test]
    fn a_missing_message_is_not_taken_from_another_language() {
        let l = locales(&[("fr", "nav-home = Accueil"), ("en", "other = Other")]);
        let error = l.message("en", "nav-home", &[]).unwrap_err();
        assert_eq!(error, I18nError::Missing { key: "nav-home".into(), lang: "en".into() });
        assert_eq!(error.to_string(), "missing message 'nav-home' in language 'en'");
        assert!(l.message("es", "nav-home", &[]).is_err());
    }

    #[test]
    fn formatting_errors_name_what_is_missing() {
        let l = locales(&[("fr", "hi = Bonjour { $name } { other }")]);
        let error = l.message("fr", "hi", &[]).unwrap_err();
        assert_eq!(error.to_string(), "message 'hi' in language 'fr': unknown variable: $name; unknown message: other");
        let error = l.message("fr", "hi", &[("name", Arg::Num(f64::NAN))]).unwrap_err();
        assert_eq!(
            error.to_string(),
            "message 'hi' in language 'fr': variable $name is not a number that can be shown (NaN)"
        );
    }

    #[test]
    fn fluent_errors_read_in_french() {
        use crate::messages::{Locale, text_in};
        let fr = |id: &str, args: &[(&str, crate::messages::Arg)]| text_in(Locale::Fr, id, args);
        assert_eq!(
            fr("render-fluent-missing", &[("key", "nav-home".into()), ("lang", "en".into())]),
            "message « nav-home » manquant dans la langue « en »"
        );
        let not_a_number = fr("render-fluent-not-a-number", &[("name", "name".into()), ("value", "NaN".into())]);
        assert_eq!(not_a_number, "la variable $name n'est pas un nombre affichable (NaN)");
        assert_eq!(
            fr("render-fluent-format", &[("key", "hi".into()), ("lang", "fr".into()), ("detail", not_a_number.into())]),
            "message « hi » dans la langue « fr » : la variable $name n'est pas un nombre affichable (NaN)"
        );
        let twice = |kind: &str| {
            let place = "locales/fr/main.ftl:2:1";
            fr(
                "render-fluent-defined-twice",
                &[("kind", kind.into()), ("id", "-brand".into()), ("place", place.into())],
            )
        };
        assert_eq!(
            twice("term"),
            "le terme « -brand » est défini deux fois ; cette définition remplace celle de locales/fr/main.ftl:2:1"
        );
        assert_eq!(fr("render-t-needs-lang", &[]), "t() a besoin de la langue de la page (« lang » n'est pas défini)");
    }

    #[test]
    fn attributes_are_reached_with_a_dot() {
        let l = locales(&[(
            "en",
            "search = Search\n    .placeholder = Type here\n-brand = Passerelle\nonly =\n    .title = T\n",
        )]);
        assert_eq!(l.message("en", "search.placeholder", &[]).unwrap(), "Type here");
        assert!(l.has("en", "search.placeholder"));
        assert!(!l.has("en", "search.label"));
        assert!(!l.has("en", "only"));
        assert_eq!(l.keys("en"), ["only", "search"]);
    }

    #[test]
    fn dates_are_written_through_each_languages_messages() {
        let fr = "month-1 = janvier\nmonth-2 = février\nmonth-short-2 = févr.\n\
                  date-long = { $day ->\n    [1] 1er\n   *[other] { $day }\n} { $month } { $year }\n\
                  date-month-year = { $month } { $year }\n";
        let en =
            "month-2 = February\ndate-long = { $day } { $month } { $year }\ndate-month-year = { $month } { $year }\n";
        let l = locales(&[("fr", fr), ("en", en), ("it", "")]);
        let cases = [
            ("fr", date(2026, 2, 6), "6 février 2026", "févr. 2026"),
            ("fr", date(2026, 2, 1), "1er février 2026", "févr. 2026"),
            ("fr", date(2026, 1, 11), "11 janvier 2026", "janvier 2026"),
            ("fr", date(2026, 3, 1), "2026-03-01", "2026-03"),
            ("en", date(2026, 2, 6), "6 February 2026", "February 2026"),
            ("it", date(2026, 2, 6), "2026-02-06", "2026-02"),
        ];
        for (lang, day, long, month_year) in cases {
            assert_eq!(l.format_date(lang, day), long, "{lang} {day}");
            assert_eq!(l.format_month_year(lang, day), month_year, "{lang} {day}");
        }
        assert_eq!(l.format_month("fr", date(2026, 2, 6)), "février 2026");
    }

    #[test]
    fn time_zones_are_named_after_their_city_with_their_offset() {
        let fr = "time-zone = { $initial ->\n    [vowel] heure d'{ $city }\n   *[other] heure de { $city }\n}, UTC{ $offset }\n\
                  time-zone-utc = UTC{ $offset }\ntz-Europe-Brussels = Bruxelles\n";
        let en = "time-zone = { $city } time, UTC{ $offset }\n";
        let l = locales(&[("fr", fr), ("en", en)]);
        let cases = [
            ("fr", "Europe/Paris", 3600, Some("heure de Paris, UTC+1")),
            ("fr", "Africa/Abidjan", 0, Some("heure d'Abidjan, UTC")),
            ("fr", "Europe/Brussels", 7200, Some("heure de Bruxelles, UTC+2")),
            ("fr", "UTC", 0, Some("UTC")),
            ("fr", "Etc/GMT-2", 7200, Some("UTC+2")),
            ("en", "America/Denver", -7 * 3600, Some("Denver time, UTC\u{2212}7")),
            ("en", "Asia/Kolkata", 5 * 3600 + 1800, Some("Kolkata time, UTC+5:30")),
            ("en", "America/Argentina/Buenos_Aires", -3 * 3600, Some("Buenos Aires time, UTC\u{2212}3")),
            ("en", "UTC", 0, None),
        ];
        for (lang, zone, offset, expected) in cases {
            assert_eq!(l.format_time_zone(lang, zone, offset).as_deref(), expected, "{lang} {zone}");
        }
    }

    #[test]
    fn the_theme_messages_a_language_lacks_are_counted_and_named() {
        let theme = vec![
            source("themes/default/locales/fr/main.ftl", "fr", "a = A\nb = B\nc = C\nd = D\ne = E\nf = F\ng = G\n"),
            source("themes/default/locales/en/main.ftl", "en", "a = A\nb = B\nc = C\nd = D\ne = E\nf = F\ng = G\n"),
        ];
        let site = vec![
            source("locales/ar/main.ftl", "ar", "a = أ\nc = ج\nsite-only = x\n"),
            source("locales/he/main.ftl", "he", "a = א\nb = ב\nc = ג\nd = ד\ne = ה\nf = ו\n"),
        ];
        let layers = vec![theme, site];
        let languages = codes(&["fr", "en", "ar", "he", "it"]);
        let (l, _) = Locales::load(layers.clone(), &languages);
        let shown: Vec<String> = missing_messages(&layers, &l, &languages).iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "locales/ar/main.ftl:1:1: warning: 5 UI messages of the theme are missing in language 'ar': b, d, e, f, g\n  hint: add them to locales/ar/main.ftl (the theme's locales/en/main.ftl has every message)",
                "locales/he/main.ftl:1:1: warning: 1 UI message of the theme is missing in language 'he': g\n  hint: add them to locales/he/main.ftl (the theme's locales/en/main.ftl has every message)",
                "site.toml:1:1: no UI strings for language 'it': the theme's 7 messages are missing (a, b, c, d, e and 2 more)\n  hint: create locales/it/main.ftl with the theme's messages in that language (start from a copy of the theme's locales/en/main.ftl)",
            ]
        );
    }

    #[test]
    fn locales_can_be_shared_between_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Locales>();
    }
}
