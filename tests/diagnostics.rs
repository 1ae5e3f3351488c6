//! The exact messages a user sees when a file is wrong, and that one build
//! reports every problem at once.

mod common;

use common::Site;

/// Builds the minimal site with `files` changed and returns the diagnostics.
fn diagnostics_with(files: &[(&str, &str)]) -> Vec<String> {
    let site = Site::minimal();
    for (path, text) in files {
        site.write(path, text);
    }
    let run = site.build(&[]);
    assert_eq!(run.code, 1, "the build should fail:\n{}", run.stderr);
    run.diagnostics()
}

#[test]
fn invalid_yaml() {
    let found = diagnostics_with(&[(
        "content/news/launch.fr.md",
        "---\ntitle: Lancement\ndate: 2026-02-06\n  tags: [a]\n---\n",
    )]);
    assert_eq!(
        found,
        [
            "content/news/launch.fr.md:4:7: invalid YAML: mapping values are not allowed in this context\n  hint: check the indentation and quote text that contains ': '"
        ]
    );
}

#[test]
fn wrong_field_type() {
    let found = diagnostics_with(&[(
        "content/actions/launch.fr.md",
        "---\ntitle: Lancement\nproject: coopjop\nstart: 2026-02-06\nonline: oui\n---\n",
    )]);
    assert_eq!(found, ["content/actions/launch.fr.md:5:9: 'online' must be true or false, found text \"oui\""]);
}

#[test]
fn missing_required_field() {
    let found =
        diagnostics_with(&[("content/partners/region-sud.fr.md", "---\ntitle: Région Sud\nkind: region\n---\n")]);
    assert_eq!(
        found,
        [
            "content/partners/region-sud.fr.md:1:1: missing required field 'country' for a partner\n  hint: add a line 'country: FR' to the front matter"
        ]
    );
}

#[test]
fn unknown_reference_with_a_suggestion() {
    let found = diagnostics_with(&[(
        "content/news/launch.fr.md",
        "---\ntitle: Lancement\ndate: 2026-02-06\npartners: [region-sdu]\n---\n",
    )]);
    assert_eq!(
        found,
        ["content/news/launch.fr.md:4:12: unknown partner 'region-sdu'\n  hint: did you mean 'region-sud'?"]
    );
}

#[test]
fn broken_internal_link() {
    let found = diagnostics_with(&[(
        "content/news/launch.fr.md",
        "---\ntitle: Lancement\ndate: 2026-02-06\n---\nPremier paragraphe.\n\nVoir [le projet](@/projects/coopjopp.md).\n",
    )]);
    assert_eq!(
        found,
        [
            "content/news/launch.fr.md:7:6: broken internal link '@/projects/coopjopp.md'\n  hint: no content file matches 'projects/coopjopp'; internal links look like @/<section>/<id>.md"
        ]
    );
}

#[test]
fn unknown_site_toml_key() {
    let found = diagnostics_with(&[(
        "site.toml",
        "title = \"P\"\nbase_url = \"https://example.org/prog/\"\ndefault_langage = \"fr\"\n",
    )]);
    assert_eq!(found, ["site.toml:3:1: unknown key 'default_langage'\n  hint: did you mean 'default_language'?"]);
}

#[test]
fn missing_fluent_message() {
    let found = diagnostics_with(&[(
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block content %}\n<p>{{ t(key=\"no-such-message\") }}</p>\n{% endblock %}\n",
    )]);
    assert_eq!(
        found,
        [
            "templates/page.html:3:7: missing message 'no-such-message' in language 'en'\n  hint: while rendering /prog/en/legal-notice/",
            "templates/page.html:3:7: missing message 'no-such-message' in language 'fr'\n  hint: while rendering /prog/fr/mentions-legales/",
        ]
    );
}

#[test]
fn tera_syntax_error() {
    let found = diagnostics_with(&[(
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block content %}\n{{ item.title }\n{% endblock %}\n",
    )]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("templates/page.html:3:"), "{found:?}");
    assert!(found[0].contains("template syntax error"), "{found:?}");
}

#[test]
fn every_problem_is_reported_in_one_run_sorted_by_file() {
    let found = diagnostics_with(&[
        ("content/news/launch.fr.md", "---\ntitle: Lancement\ndate: 2026-02-30\npartners: [region-sdu]\n---\n"),
        (
            "content/projects/coopjop.fr.md",
            "---\ntitle: COOPJOP\nstart: 2025-10-01\nstatus: ongoin\nlead: lombardie\n---\n",
        ),
        ("content/partners/lombardia.fr.md", "---\ntitle: Lombardie\nkind: region\ncountry: it\n---\n"),
    ]);
    assert_eq!(
        found,
        [
            "content/news/launch.fr.md:3:7: 'date' is not a valid date: '2026-02-30'\n  hint: write dates as YYYY-MM-DD, or YYYY-MM-DDTHH:MM with a time",
            "content/news/launch.fr.md:4:12: unknown partner 'region-sdu'\n  hint: did you mean 'region-sud'?",
            "content/partners/lombardia.fr.md:4:10: unknown country code 'it'\n  hint: country codes are upper case: 'IT'",
            "content/projects/coopjop.fr.md:4:9: unknown status 'ongoin'\n  hint: did you mean 'ongoing'? (expected one of: planned, ongoing, completed)",
            "content/projects/coopjop.fr.md:5:7: unknown partner 'lombardie'\n  hint: did you mean 'lombardia'?",
        ]
    );
}

#[test]
fn a_translation_that_changes_a_language_neutral_field_gets_a_warning() {
    let site = Site::minimal();
    site.write(
        "content/news/launch.en.md",
        "---\ntitle: COOPJOP launched\nslug: coopjop-launch\ndate: 2026-02-07\n---\nText.\n",
    );
    let run = site.build(&[]);
    assert_eq!(run.code, 0, "warnings do not fail the build: {}", run.stderr);
    assert_eq!(
        run.diagnostics(),
        [
            "content/news/launch.en.md:4:1: warning: 'date' differs from content/news/launch.fr.md, which it would inherit\n  hint: 'date' is the same in every language: remove it here and change it in content/news/launch.fr.md if needed"
        ]
    );
}

#[test]
fn unknown_front_matter_field_and_file_language() {
    let found = diagnostics_with(&[
        ("content/news/launch.fr.md", "---\ntitle: Lancement\ndate: 2026-02-06\nsumary: Résumé\n---\n"),
        ("content/news/launch.de.md", "---\ntitle: Start\n---\n"),
    ]);
    assert_eq!(
        found,
        [
            "content/news/launch.de.md:1:1: unknown language 'de' in the file name\n  hint: configured languages: fr, en; add [languages.de] to site.toml to publish it",
            "content/news/launch.fr.md:4:1: unknown field 'sumary' for a news item\n  hint: did you mean 'summary'?",
        ]
    );
}

#[test]
fn a_language_without_ui_strings_is_one_clear_error() {
    let found = diagnostics_with(&[(
        "site.toml",
        "title = \"P\"\nbase_url = \"https://example.org/prog/\"\ndefault_language = \"fr\"\n[languages.fr]\nname = \"Français\"\n[languages.en]\nname = \"English\"\n[languages.it]\nname = \"Italiano\"\n",
    )]);
    assert_eq!(
        found,
        [
            "site.toml:1:1: no UI strings for language 'it'\n  hint: add locales/it/main.ftl with the theme's messages in that language (start from a copy of the theme's locales/en/main.ftl)"
        ]
    );
}
