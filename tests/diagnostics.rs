//! The exact messages a user sees when a file is wrong, and that one build
//! reports every problem at once.

mod common;

use common::{Site, theme_message_count};

/// Builds the minimal site with `files` changed and returns the diagnostics.
fn diagnostics_with(files: &[(&str, &str)]) -> Vec<String> {
    failed_build_in("C.UTF-8", files)
}

/// Like `diagnostics_with`, with passerelle speaking French.
fn french_diagnostics_with(files: &[(&str, &str)]) -> Vec<String> {
    failed_build_in("fr_FR.UTF-8", files)
}

fn failed_build_in(lang: &str, files: &[(&str, &str)]) -> Vec<String> {
    let site = Site::minimal();
    for (path, text) in files {
        site.write(path, text);
    }
    let run = site.run_in(lang, &["build"]);
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

const BROKEN_INTERNAL_LINK: (&str, &str) = (
    "content/news/launch.fr.md",
    "---\ntitle: Lancement\ndate: 2026-02-06\n---\nPremier paragraphe.\n\nVoir [le projet](@/projects/coopjopp.md).\n",
);

#[test]
fn broken_internal_link() {
    let found = diagnostics_with(&[BROKEN_INTERNAL_LINK]);
    assert_eq!(
        found,
        [
            "content/news/launch.fr.md:7:6: broken internal link '@/projects/coopjopp.md'\n  hint: no content file matches 'projects/coopjopp'; internal links look like @/<section>/<id>.md"
        ]
    );
}

#[test]
fn broken_internal_link_in_french() {
    assert_eq!(
        french_diagnostics_with(&[BROKEN_INTERNAL_LINK]),
        [
            "content/news/launch.fr.md:7:6: lien interne brisé « @/projects/coopjopp.md »\n  conseil : aucun fichier de contenu ne correspond à « projects/coopjopp » ; un lien interne s'écrit @/<section>/<identifiant>.md"
        ]
    );
}

const SHORTCODES: (&str, &str) = (
    "content/news/launch.fr.md",
    "---\ntitle: Lancement\ndate: 2026-02-06\n---\n{{ timeline(data=\"survey\") }}\n\n{{ figure(src=\"a.jpg\" }}\n",
);

#[test]
fn failing_and_malformed_shortcodes() {
    assert_eq!(
        diagnostics_with(&[SHORTCODES]),
        [
            "content/news/launch.fr.md:5:1: shortcode 'timeline' failed: no template templates/shortcodes/timeline.html",
            "content/news/launch.fr.md:7:1: malformed shortcode call: expected '(' after 'figure' and ')' at the end of the call\n  hint: shortcodes look like {{ name(key=\"value\") }}; to show the text as it is, put it between backticks",
        ]
    );
    assert_eq!(
        french_diagnostics_with(&[SHORTCODES]),
        [
            "content/news/launch.fr.md:5:1: le shortcode « timeline » a échoué : le gabarit templates/shortcodes/timeline.html n'existe pas",
            "content/news/launch.fr.md:7:1: appel de shortcode mal formé : « ( » est attendu après « figure », et « ) » à la fin de l'appel\n  conseil : un shortcode s'écrit {{ nom(arg=\"valeur\") }} ; pour afficher le texte tel quel, mettez-le entre accents graves (`)",
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

const PAGE_WITH_MISSING_MESSAGE: (&str, &str) = (
    "templates/page.html",
    "{% extends \"base.html\" %}\n{% block content %}\n<p>{{ t(key=\"no-such-message\") }}</p>\n{% endblock %}\n",
);

#[test]
fn unknown_site_toml_key_in_french() {
    let found = french_diagnostics_with(&[(
        "site.toml",
        "title = \"P\"\nbase_url = \"https://example.org/prog/\"\ndefault_langage = \"fr\"\n",
    )]);
    assert_eq!(
        found,
        ["site.toml:3:1: clé inconnue « default_langage »\n  conseil : vouliez-vous dire « default_language » ?"]
    );
}

#[test]
fn every_site_toml_problem_in_french() {
    let text = "titel = \"T\"\nbase_url = \"prog\"\ndefault_language = \"de\"\npaginate = \"dix\"\n\
                [languages.fr]\nnom = \"Français\"\n[sections]\nnews = { fr = \"Actualités\" }\n";
    assert_eq!(
        french_diagnostics_with(&[("site.toml", text)]),
        [
            "site.toml:1:1: clé inconnue « titel »\n  conseil : vouliez-vous dire « title » ?",
            "site.toml:1:1: clé manquante « title »\n  conseil : ajoutez une ligne comme : title = \"Mon programme\"",
            "site.toml:2:12: « base_url » doit commencer par http:// ou https:// (valeur actuelle : « prog »)\n  conseil : par exemple : base_url = \"https://exemple.fr/programme/\"",
            "site.toml:3:20: la langue par défaut « de » ne fait pas partie des langues configurées\n  conseil : langues configurées : fr ; ajoutez [languages.de] ou choisissez l'une d'elles",
            "site.toml:4:12: « paginate » doit être un nombre entier, pas une chaîne",
            "site.toml:6:1: clé inconnue « nom » dans [languages.fr]\n  conseil : vouliez-vous dire « name » ?",
            "site.toml:8:15: « Actualités » n'est pas un segment d'URL valide\n  conseil : utilisez des lettres minuscules sans accents, des chiffres et des tirets",
        ]
    );
}

#[test]
fn a_missing_site_toml_or_theme_is_explained() {
    let site = Site::new(&[]);
    site.remove("site.toml");
    assert_eq!(
        site.build(&[]).diagnostics(),
        [
            "site.toml:1:1: no site.toml in .\n  hint: run passerelle in the site's folder, pass --root DIR, or create a site with 'passerelle init DIR'"
        ]
    );
    assert_eq!(
        site.run_fr(&["build"]).diagnostics(),
        [
            "site.toml:1:1: aucun fichier site.toml dans .\n  conseil : lancez passerelle dans le dossier du site, passez --root DOSSIER, ou créez un site avec « passerelle init DOSSIER »"
        ]
    );
    let with_theme = format!("{}theme = \"sobre\"\n", common::SITE_TOML);
    assert_eq!(
        diagnostics_with(&[("site.toml", &with_theme)]),
        ["site.toml:1:1: theme 'sobre' not found\n  hint: create themes/sobre/ or use theme = \"default\""]
    );
    assert_eq!(
        french_diagnostics_with(&[("site.toml", &with_theme)]),
        [
            "site.toml:1:1: thème « sobre » introuvable\n  conseil : créez le dossier themes/sobre/ ou utilisez theme = \"default\""
        ]
    );
}

#[test]
fn missing_fluent_message() {
    let found = diagnostics_with(&[PAGE_WITH_MISSING_MESSAGE]);
    assert_eq!(
        found,
        [
            "templates/page.html:3:7: missing message 'no-such-message' in language 'en'\n  hint: while rendering /prog/en/legal-notice/",
            "templates/page.html:3:7: missing message 'no-such-message' in language 'fr'\n  hint: while rendering /prog/fr/mentions-legales/",
        ]
    );
}

#[test]
fn missing_fluent_message_in_french() {
    assert_eq!(
        french_diagnostics_with(&[PAGE_WITH_MISSING_MESSAGE]),
        [
            "templates/page.html:3:7: message « no-such-message » manquant dans la langue « en »\n  conseil : lors de la construction de la page /prog/en/legal-notice/",
            "templates/page.html:3:7: message « no-such-message » manquant dans la langue « fr »\n  conseil : lors de la construction de la page /prog/fr/mentions-legales/",
        ]
    );
}

#[test]
fn a_template_error_hit_by_several_pages_says_how_many() {
    let about = ("content/pages/about.en.md", "---\ntitle: About\n---\nAbout us.\n");
    let en = diagnostics_with(&[PAGE_WITH_MISSING_MESSAGE, about]);
    let fr = french_diagnostics_with(&[PAGE_WITH_MISSING_MESSAGE, about]);
    // Pages render in parallel: which page comes first is not fixed.
    let english = "templates/page.html:3:7: missing message 'no-such-message' in language 'en'\n  hint: while rendering /prog/en/";
    assert!(en[0].starts_with(english) && en[0].ends_with("/ (and 1 other page)"), "{en:?}");
    let french = "templates/page.html:3:7: message « no-such-message » manquant dans la langue « en »\n  conseil : lors de la construction de la page /prog/en/";
    assert!(fr[0].starts_with(french) && fr[0].ends_with("/ (et d'une autre page)"), "{fr:?}");
}

#[test]
fn invalid_fluent_file() {
    let ftl = ("locales/fr/site.ftl", "a = A\na = B\nd = { $n -> [one] 1 *[other] n }\n");
    assert_eq!(
        diagnostics_with(&[ftl]),
        [
            "locales/fr/site.ftl:2:1: warning: message 'a' is defined twice; this definition replaces the one at locales/fr/site.ftl:1:1",
            "locales/fr/site.ftl:3:13: invalid Fluent syntax: expected a line break",
        ]
    );
    assert_eq!(
        french_diagnostics_with(&[ftl]),
        [
            "locales/fr/site.ftl:2:1: attention : le message « a » est défini deux fois ; cette définition remplace celle de locales/fr/site.ftl:1:1",
            "locales/fr/site.ftl:3:13: syntaxe Fluent invalide : saut de ligne attendu",
        ]
    );
}

const PAGE_WITH_SYNTAX_ERROR: (&str, &str) =
    ("templates/page.html", "{% extends \"base.html\" %}\n{% block content %}\n{{ item.title }\n{% endblock %}\n");

#[test]
fn tera_syntax_error() {
    let found = diagnostics_with(&[PAGE_WITH_SYNTAX_ERROR]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("templates/page.html:3:"), "{found:?}");
    assert!(found[0].contains("template syntax error"), "{found:?}");
}

#[test]
fn tera_syntax_error_in_french() {
    let found = french_diagnostics_with(&[PAGE_WITH_SYNTAX_ERROR]);
    assert_eq!(found.len(), 1, "{found:?}");
    // Tera's own description stays in English, inside a French frame.
    let english = diagnostics_with(&[PAGE_WITH_SYNTAX_ERROR]);
    let detail = english[0].split_once("template syntax error: ").expect("the English frame").1;
    let position = english[0].split_once(": ").expect("a position").0;
    assert_eq!(found[0], format!("{position}: erreur de syntaxe dans le gabarit : {detail}"));
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
    let n = theme_message_count();
    assert_eq!(
        found,
        [format!(
            "site.toml:1:1: no UI strings for language 'it': the theme's {n} messages are missing (site-description, og-locale, month-1, month-2, month-3 and {} more)\n  hint: create locales/it/main.ftl with the theme's messages in that language (start from a copy of the theme's locales/en/main.ftl)",
            n - 5
        )]
    );
}

#[test]
fn a_language_without_ui_strings_in_french() {
    let found = french_diagnostics_with(&[(
        "site.toml",
        "title = \"P\"\nbase_url = \"https://example.org/prog/\"\ndefault_language = \"fr\"\n[languages.fr]\nname = \"Français\"\n[languages.en]\nname = \"English\"\n[languages.it]\nname = \"Italiano\"\n",
    )]);
    let n = theme_message_count();
    assert_eq!(
        found,
        [format!(
            "site.toml:1:1: aucun texte d'interface pour la langue « it » : les {n} messages du thème manquent (site-description, og-locale, month-1, month-2, month-3 et {} autres)\n  conseil : créez locales/it/main.ftl avec les messages du thème dans cette langue (partez d'une copie du fichier locales/en/main.ftl du thème)",
            n - 5
        )]
    );
}

#[test]
fn invalid_yaml_in_french() {
    let found = french_diagnostics_with(&[(
        "content/news/launch.fr.md",
        "---\ntitle: Lancement\ndate: 2026-02-06\n  tags: [a]\n---\n",
    )]);
    assert_eq!(
        found,
        [
            "content/news/launch.fr.md:4:7: YAML invalide : mapping values are not allowed in this context\n  conseil : vérifiez l'indentation et mettez entre guillemets les textes qui contiennent « : » (deux-points suivi d'une espace)"
        ]
    );
}

#[test]
fn wrong_field_type_in_french() {
    let found = french_diagnostics_with(&[
        (
            "content/actions/launch.fr.md",
            "---\ntitle: Lancement\nproject: coopjop\nstart: 2026-02-06\nonline: oui\n---\n",
        ),
        ("content/pages/legal-notice.fr.md", "---\ntitle: [Mentions]\nmenu: 1.5\n---\n"),
        (
            "content/partners/region-sud.fr.md",
            "---\ntitle: Région Sud\nkind: region\ncountry: FR\nlocation: [43.3, 5.4, 0]\n---\n",
        ),
    ]);
    assert_eq!(
        found,
        [
            "content/actions/launch.fr.md:5:9: le champ « online » doit être true ou false, et non le texte « oui »",
            "content/pages/legal-notice.fr.md:2:8: le champ « title » doit être du texte, et non une liste",
            "content/partners/region-sud.fr.md:5:11: le champ « location » n'a pas le bon nombre d'éléments (3 au lieu de 2)",
        ]
    );
}

#[test]
fn missing_required_field_in_french() {
    let found = french_diagnostics_with(&[
        ("content/partners/region-sud.fr.md", "---\ntitle: Région Sud\nkind: region\n---\n"),
        ("content/actions/visit.fr.md", "---\ntitle: Visite\nstart: 2026-03-01\n---\n"),
    ]);
    assert_eq!(
        found,
        [
            "content/actions/visit.fr.md:1:1: champ obligatoire « project » manquant pour une action\n  conseil : ajoutez une ligne « project: <identifiant du projet> » à l'en-tête",
            "content/partners/region-sud.fr.md:1:1: champ obligatoire « country » manquant pour un partenaire\n  conseil : ajoutez une ligne « country: FR » à l'en-tête",
        ]
    );
}

#[test]
fn unknown_reference_in_french() {
    let found = french_diagnostics_with(&[(
        "content/news/launch.fr.md",
        "---\ntitle: Lancement\ndate: 2026-02-06\npartners: [region-sdu, genova]\nprojects: [coopjopp]\n---\n",
    )]);
    assert_eq!(
        found,
        [
            "content/news/launch.fr.md:4:12: partenaire « region-sdu » inconnu\n  conseil : vouliez-vous dire « region-sud » ?",
            "content/news/launch.fr.md:4:24: partenaire « genova » inconnu\n  conseil : aucun fichier content/partners/genova.<langue>.md n'existe",
            "content/news/launch.fr.md:5:12: projet « coopjopp » inconnu\n  conseil : vouliez-vous dire « coopjop » ?",
        ]
    );
}

#[test]
fn a_translation_that_changes_a_language_neutral_field_gets_a_warning_in_french() {
    let site = Site::minimal();
    site.write(
        "content/news/launch.en.md",
        "---\ntitle: COOPJOP launched\nslug: coopjop-launch\ndate: 2026-02-07\n---\nText.\n",
    );
    let run = site.run_fr(&["build"]);
    assert_eq!(run.code, 0, "warnings do not fail the build: {}", run.stderr);
    assert_eq!(
        run.diagnostics(),
        [
            "content/news/launch.en.md:4:1: attention : le champ « date » diffère de celui de content/news/launch.fr.md, dont il devrait hériter\n  conseil : le champ « date » est le même dans toutes les langues : supprimez-le ici et, si besoin, modifiez-le dans content/news/launch.fr.md"
        ]
    );
}

#[test]
fn unknown_front_matter_field_and_file_language_in_french() {
    let found = french_diagnostics_with(&[
        ("content/news/launch.fr.md", "---\ntitle: Lancement\ndate: 2026-02-06\nsumary: Résumé\n---\n"),
        ("content/news/launch.de.md", "---\ntitle: Start\n---\n"),
        ("content/news/launch.ne.md", "---\ntitle: Start\n---\n"),
        (
            "content/news/brief.fr.md",
            "---\ntitle: Brève\ndate: 2026-02-06\nimage:\n  src: a.jpg\n  legende: Une photo\n---\n",
        ),
    ]);
    assert_eq!(
        found,
        [
            "content/news/brief.fr.md:6:3: champ « legende » inconnu dans « image » pour une actualité\n  conseil : champs autorisés dans « image » : src, alt, credit, focus",
            "content/news/launch.de.md:1:1: langue « de » inconnue dans le nom du fichier\n  conseil : langues configurées : fr, en ; ajoutez [languages.de] à site.toml pour publier cette langue",
            "content/news/launch.fr.md:4:1: champ « sumary » inconnu pour une actualité\n  conseil : vouliez-vous dire « summary » ?",
            "content/news/launch.ne.md:1:1: langue « ne » inconnue dans le nom du fichier\n  conseil : vouliez-vous dire « en » ? Langues configurées : fr, en",
        ]
    );
}

#[test]
fn wrong_values_in_french() {
    let found = french_diagnostics_with(&[
        (
            "content/actions/launch.fr.md",
            "---\ntitle: Lancement\nproject: coopjop\nstart: 2026-02-06\nkind: meting\nstatus: fini\ntime_zone: Europe/Pariss\n---\n",
        ),
        (
            "content/news/launch.fr.md",
            "---\ntitle: Lancement\ndate: 2026-13-45\nimage:\n  src: a.jpg\nslug: Mauvais_Slug\n---\n",
        ),
        (
            "content/partners/lombardia.fr.md",
            "---\ntitle: Lombardie\nkind: regione\ncountry: it\nofficial_lang: italien\n---\n",
        ),
        ("content/pages/twin.fr.md", "---\ntitle: Doublon\nslug: mentions-legales\n---\n"),
    ]);
    assert_eq!(
        found,
        [
            "content/actions/launch.fr.md:5:7: type d'action « meting » inconnu\n  conseil : vouliez-vous dire « meeting » ? (valeurs possibles : meeting, field-visit, webinar, seminar, training, study, other)",
            "content/actions/launch.fr.md:6:9: statut « fini » inconnu\n  conseil : valeurs possibles : planned, ongoing, completed",
            "content/actions/launch.fr.md:7:12: fuseau horaire « Europe/Pariss » inconnu\n  conseil : utilisez un nom de fuseau horaire IANA, par exemple Europe/Paris, America/Denver, Africa/Dakar",
            "content/news/launch.fr.md:3:7: le champ « date » ne contient pas une date valide : « 2026-13-45 »\n  conseil : écrivez les dates sous la forme AAAA-MM-JJ, ou AAAA-MM-JJTHH:MM avec une heure (par exemple 2026-02-06 ou 2026-02-06T18:30)",
            "content/news/launch.fr.md:4:1: image sans texte alternatif\n  conseil : ajoutez « alt: » sous « image: » pour décrire l'image (ou alt: \"\" seulement si elle est purement décorative)",
            "content/news/launch.fr.md:5:8: image introuvable : a.jpg\n  conseil : placez le fichier dans static/a.jpg (les fichiers de static/ sont publiés à la racine du site) ou corrigez le lien",
            "content/news/launch.fr.md:6:7: « Mauvais_Slug » n'est pas un slug valide\n  conseil : utilisez des lettres minuscules sans accents, des chiffres et des tirets, par exemple lancement-coopjop",
            "content/pages/twin.fr.md:1:1: deux pages seraient écrites à l'adresse /prog/fr/mentions-legales/ : ce fichier et content/pages/legal-notice.fr.md\n  conseil : donnez un autre « slug » à l'une des deux",
            "content/partners/lombardia.fr.md:3:7: type de partenaire « regione » inconnu\n  conseil : vouliez-vous dire « region » ? (valeurs possibles : region, department, municipality, intercommunality, state, university, association, agency, other)",
            "content/partners/lombardia.fr.md:4:10: code pays « it » inconnu\n  conseil : les codes pays s'écrivent en majuscules : « IT »",
            "content/partners/lombardia.fr.md:5:16: « italien » n'est pas un code de langue\n  conseil : utilisez un code comme it, en, fr ou pt-BR",
        ]
    );
}

#[test]
fn misplaced_files_in_french() {
    let found = french_diagnostics_with(&[
        ("content/new/launch.fr.md", "---\ntitle: Lancement\n---\n"),
        ("content/blog/launch.fr.md", "---\ntitle: Lancement\n---\n"),
        ("content/launch.fr.md", "---\ntitle: Lancement\n---\n"),
        ("content/news/Lancement_2.fr.md", "---\ntitle: Lancement\n---\n"),
        ("content/pages/open.fr.md", "---\ntitle: Ouvert\n"),
        ("content/pages/bare.fr.md", "title: Sans en-tête\n"),
        ("content/pages/list.fr.md", "---\n- title\n---\n"),
    ]);
    assert_eq!(
        found,
        [
            "content/blog/launch.fr.md:1:1: dossier de contenu « blog » inconnu\n  conseil : les dossiers de contenu sont : projects, partners, actions, news, pages",
            "content/launch.fr.md:1:1: fichier de contenu en dehors d'un dossier de section\n  conseil : déplacez-le dans content/pages/ pour une page libre, ou dans projects/, partners/, actions/ ou news/",
            "content/new/launch.fr.md:1:1: dossier de contenu « new » inconnu\n  conseil : vouliez-vous dire « content/news/ » ?",
            "content/news/Lancement_2.fr.md:1:1: « Lancement_2 » n'est pas un identifiant valide\n  conseil : utilisez des lettres minuscules sans accents, des chiffres et des tirets, par exemple coopjop-lancement",
            "content/pages/bare.fr.md:1:1: en-tête manquant\n  conseil : commencez le fichier par une ligne « --- », puis les champs (title: ...), puis une autre ligne « --- »",
            "content/pages/list.fr.md:2:1: l'en-tête doit être une liste de champs\n  conseil : écrivez un champ par ligne, par exemple : title: Mon actualité",
            "content/pages/open.fr.md:1:1: l'en-tête n'est pas fermé\n  conseil : ajoutez une ligne « --- » après le dernier champ",
        ]
    );
}

#[test]
fn a_group_of_fields_missing_one_of_its_fields() {
    let news = (
        "content/news/launch.fr.md",
        "---\ntitle: Lancement\ndate: 2026-02-06\nimage:\n  alt: La salle du conseil\n---\nTexte.\n",
    );
    assert_eq!(
        diagnostics_with(&[news]),
        [
            "content/news/launch.fr.md:5:3: 'image' lacks the field 'src'\n  hint: add a line 'src: ...' under 'image:', indented like the other fields of 'image'"
        ]
    );
    assert_eq!(
        french_diagnostics_with(&[news]),
        [
            "content/news/launch.fr.md:5:3: il manque le champ « src » dans « image »\n  conseil : ajoutez une ligne « src: ... » sous « image: », avec le même retrait que les autres champs de « image »"
        ]
    );
}
