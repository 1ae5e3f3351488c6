//! Owns the command line's own words: every diagnostic, summary and help
//! text passerelle prints, written as Fluent messages in English and French
//! (`src/messages/<lang>/*.ftl`, embedded in the binary). The language is
//! chosen once per process from the environment; the site's own UI strings
//! live in `i18n`, not here.
//!
//! Code never spells out a sentence: it calls `tr!("message-id", name =
//! value, ...)` and gets the text in the user's language.

use std::sync::LazyLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::LanguageIdentifier;

/// A value passed to a message as a Fluent variable: a string or a number
/// (numbers select plural variants).
pub type Arg<'a> = fluent_bundle::FluentValue<'a>;

/// The languages passerelle speaks on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locale {
    En,
    Fr,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Fr];

    /// The language of the locale environment: the first of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG` that is set and not empty decides (as in
    /// POSIX); French when it starts with `fr`, English otherwise.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Locale {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .find_map(|name| var(name).filter(|value| !value.is_empty()))
            .map_or(Locale::En, |value| if value.starts_with("fr") { Locale::Fr } else { Locale::En })
    }

    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Fr => "fr",
        }
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Makes `locale` the language of every message of this process from now on.
pub fn set_locale(locale: Locale) {
    CURRENT.store(locale as u8, Ordering::Relaxed);
}

/// The language messages are written in; English until `set_locale`.
pub fn locale() -> Locale {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Locale::Fr,
        _ => Locale::En,
    }
}

/// The `.ftl` files of one language, by name.
macro_rules! embedded {
    ($lang:literal: $($name:literal),+) => {
        &[$(($name, include_str!(concat!("messages/", $lang, "/", $name, ".ftl")))),+]
    };
}

type Files = &'static [(&'static str, &'static str)];

const FILES: [(Locale, Files); 2] = [
    (
        Locale::En,
        embedded!("en": "common", "config", "content", "render", "check", "commands", "serve", "data", "editor"),
    ),
    (
        Locale::Fr,
        embedded!("fr": "common", "config", "content", "render", "check", "commands", "serve", "data", "editor"),
    ),
];

static BUNDLES: LazyLock<Vec<(Locale, FluentBundle<FluentResource>)>> = LazyLock::new(|| {
    FILES
        .iter()
        .map(|(locale, files)| {
            let langid: LanguageIdentifier = locale.code().parse().expect("en and fr are language tags");
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            // Isolation marks show as stray characters in a terminal.
            bundle.set_use_isolating(false);
            for (name, text) in *files {
                let resource = FluentResource::try_new(text.to_string())
                    .unwrap_or_else(|_| panic!("src/messages/{}/{name}.ftl has a syntax error", locale.code()));
                bundle.add_resource(resource).unwrap_or_else(|errors| {
                    panic!("src/messages/{}/{name}.ftl defines an id twice: {errors:?}", locale.code())
                });
            }
            (*locale, bundle)
        })
        .collect()
});

fn bundle(locale: Locale) -> &'static FluentBundle<FluentResource> {
    &BUNDLES.iter().find(|(l, _)| *l == locale).expect("every locale has a bundle").1
}

/// Whether message `id` exists (in every language: a test keeps them equal).
pub fn has(id: &str) -> bool {
    bundle(locale()).get_message(id).is_some()
}

/// Message `id` in the current language, with `args` as its variables.
pub fn text(id: &str, args: &[(&str, Arg)]) -> String {
    text_in(locale(), id, args)
}

/// Message `id` in `locale`. An unknown id or a missing variable is a bug
/// of passerelle's own, caught by the tests: debug builds panic, release
/// builds print what they can rather than nothing.
pub fn text_in(locale: Locale, id: &str, args: &[(&str, Arg)]) -> String {
    let bundle = bundle(locale);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        debug_assert!(false, "no message '{id}' in src/messages/{}", locale.code());
        return id.to_string();
    };
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    debug_assert!(errors.is_empty(), "message '{id}' in {}: {errors:?}", locale.code());
    text.into_owned()
}

/// The text of a message of `src/messages/`, in the user's language:
/// `tr!("unknown-key", key = name)`.
#[macro_export]
macro_rules! tr {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::messages::text($id, &[$((stringify!($name), $crate::messages::Arg::from($value))),*])
    };
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use fluent_syntax::ast;

    use super::*;

    #[test]
    fn the_environment_chooses_the_language_like_posix() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| pairs.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string())
        };
        let cases: [(&[(&str, &str)], Locale); 7] = [
            (&[], Locale::En),
            (&[("LANG", "fr_FR.UTF-8")], Locale::Fr),
            (&[("LANG", "fr")], Locale::Fr),
            (&[("LANG", "en_GB.UTF-8")], Locale::En),
            (&[("LC_ALL", "C"), ("LANG", "fr_FR.UTF-8")], Locale::En),
            (&[("LC_ALL", ""), ("LC_MESSAGES", "fr_BE.UTF-8"), ("LANG", "C")], Locale::Fr),
            (&[("LC_MESSAGES", "de_DE"), ("LANG", "fr_FR")], Locale::En),
        ];
        for (pairs, expected) in cases {
            assert_eq!(Locale::from_env(env(pairs)), expected, "{pairs:?}");
        }
    }

    /// Message ids with the variables each one uses, for one language.
    fn catalogue(locale: Locale) -> BTreeMap<String, BTreeSet<String>> {
        let files = FILES.iter().find(|(l, _)| *l == locale).expect("listed").1;
        let mut out = BTreeMap::new();
        for (name, text) in files {
            let resource = fluent_syntax::parser::parse(*text)
                .unwrap_or_else(|(_, errors)| panic!("{}/{name}.ftl: {errors:?}", locale.code()));
            for entry in resource.body {
                if let ast::Entry::Message(message) = entry {
                    let mut variables = BTreeSet::new();
                    if let Some(pattern) = &message.value {
                        variables_of(pattern, &mut variables);
                    }
                    let id = message.id.name.to_string();
                    assert!(out.insert(id.clone(), variables).is_none(), "{id} defined twice in {}", locale.code());
                }
            }
        }
        out
    }

    fn variables_of(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_variables(expression, out);
            }
        }
    }

    fn expression_variables(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
        match expression {
            ast::Expression::Select { selector, variants } => {
                inline_variables(selector, out);
                for variant in variants {
                    variables_of(&variant.value, out);
                }
            }
            ast::Expression::Inline(inline) => inline_variables(inline, out),
        }
    }

    fn inline_variables(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
        match inline {
            ast::InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_string());
            }
            ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for argument in &arguments.positional {
                    inline_variables(argument, out);
                }
            }
            _ => {}
        }
    }

    #[test]
    fn french_and_english_have_the_same_messages_with_the_same_variables() {
        let (en, fr) = (catalogue(Locale::En), catalogue(Locale::Fr));
        let only_en: Vec<_> = en.keys().filter(|id| !fr.contains_key(*id)).collect();
        let only_fr: Vec<_> = fr.keys().filter(|id| !en.contains_key(*id)).collect();
        assert!(only_en.is_empty() && only_fr.is_empty(), "only in English: {only_en:?}; only in French: {only_fr:?}");
        for (id, variables) in &en {
            assert_eq!(variables, &fr[id], "variables of '{id}' differ between English and French");
        }
    }

    /// Every `tr!("id"` of the sources names a message that exists, and
    /// every message is used somewhere.
    #[test]
    fn every_message_used_exists_and_every_message_is_used() {
        let en = catalogue(Locale::En);
        let mut used = BTreeSet::new();
        let mut sources = Vec::new();
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        for entry in walkdir::WalkDir::new(&src) {
            let entry = entry.expect("readable src/");
            // This file names ids only in examples.
            if entry.path().extension().is_none_or(|e| e != "rs") || entry.path().ends_with("messages.rs") {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).expect("readable source");
            sources.push(text.clone());
            for (at, _) in text.match_indices("tr!(") {
                if text[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let Some(rest) = text[at + 4..].trim_start().strip_prefix('"') else { continue };
                used.insert(rest[..rest.find('"').expect("closing quote")].to_string());
            }
        }
        let missing: Vec<_> = used.iter().filter(|id| !en.contains_key(*id)).collect();
        assert!(missing.is_empty(), "used but not defined: {missing:?}");
        // The editor names its messages as plain strings, or as families
        // completed at run time (`format!("editor-field-{}", …)`); its own
        // tests check that every member of a family exists.
        let quoted = |id: &str| sources.iter().any(|text| text.contains(&format!("\"{id}\"")));
        let family = |id: &str| {
            sources.iter().any(|text| {
                text.match_indices("-{").any(|(at, _)| {
                    let start = text[..at].rfind('"').map_or(at, |q| q + 1);
                    id.starts_with(&text[start..=at]) && text[start..at].starts_with("editor-")
                })
            })
        };
        let unused: Vec<_> = en.keys().filter(|id| !used.contains(*id) && !quoted(id) && !family(id)).collect();
        assert!(unused.is_empty(), "defined but never used: {unused:?}");
    }

    #[test]
    fn messages_take_their_variables_and_plurals() {
        assert_eq!(
            text_in(Locale::En, "summary-counts", &[("errors", 1.into()), ("warnings", 2.into())]),
            "1 error, 2 warnings"
        );
        assert_eq!(
            text_in(Locale::Fr, "summary-counts", &[("errors", 1.into()), ("warnings", 0.into())]),
            "1 erreur, 0 avertissement"
        );
    }
}
