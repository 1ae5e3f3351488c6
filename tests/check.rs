//! `passerelle check` on fixture sites: each kind of finding with its exact
//! message, the JSON report, exit codes, the demo site, and stale
//! translations in a git repository.

mod common;

use std::process::Command;

use common::{Run, Site, minimal_files};

const ACCESSIBILITY_FR: &str = "---\ntitle: Accessibilité\n---\nCe site est non conforme au RGAA.\n";
const ACCESSIBILITY_EN: &str = "---\ntitle: Accessibility\n---\nThis site is not compliant with the RGAA.\n";

/// The minimal site with its accessibility statement, plus `files`.
fn site(files: &[(&str, &str)]) -> Site {
    let mut all = minimal_files();
    all.push(("content/pages/accessibility.fr.md", ACCESSIBILITY_FR));
    all.push(("content/pages/accessibility.en.md", ACCESSIBILITY_EN));
    all.extend_from_slice(files);
    Site::new(&all)
}

/// The findings of a text report, one string per diagnostic (hint
/// included), in English or in French.
fn findings(run: &Run) -> Vec<String> {
    common::diagnostics_in(&run.stdout)
}

fn check(site: &Site, args: &[&str]) -> Run {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    site.run(&all)
}

/// `passerelle check` in a French locale.
fn check_fr(site: &Site, args: &[&str]) -> Run {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    site.run_fr(&all)
}

fn assert_has(run: &Run, expected: &[&str]) {
    let found = findings(run);
    for e in expected {
        assert!(found.iter().any(|f| f == e), "missing finding:\n{e}\nin:\n{}", run.stdout);
    }
}

// The build reports an image Markdown shows that the site lacks; check
// finds those raw HTML shows, and images without alt (an SVG, left as written).
const NEWS: &str = "---\ntitle: Brève\ndate: 2026-01-10\n---\nVoir [la page](/prog/fr/nope/) et <img alt=\"Le logo\" src=\"/prog/img/x.png\">.\n\n![](/prog/logo.svg)\n\n[Un autre site](https://other.org/page) sans souci.\n";

#[test]
fn broken_links_and_missing_images_are_errors_at_their_line() {
    let site =
        site(&[("content/news/brief.fr.md", NEWS), ("static/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")]);
    let run = check(&site, &[]);
    assert_has(
        &run,
        &[
            "content/news/brief.fr.md:5:16: broken link to /prog/fr/nope/",
            "content/news/brief.fr.md:5:59: missing image /prog/img/x.png",
        ],
    );
    assert_eq!(run.code, 1);
    assert!(!run.stdout.contains("other.org"), "{}", run.stdout);
    assert!(!site.exists(""), "check must not write the site");
}

#[test]
fn broken_links_and_missing_images_in_french() {
    let site =
        site(&[("content/news/brief.fr.md", NEWS), ("static/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")]);
    let run = check_fr(&site, &[]);
    assert_has(
        &run,
        &[
            "content/news/brief.fr.md:5:16: lien brisé vers /prog/fr/nope/",
            "content/news/brief.fr.md:5:59: image manquante : /prog/img/x.png",
        ],
    );
    assert_eq!(run.code, 1);
}

#[test]
fn a_broken_link_in_a_template_is_reported_at_the_template() {
    let site = site(&[(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block content %}<a href=\"/prog/fr/gone/\">x</a>{% endblock %}",
    )]);
    let run = check(&site, &[]);
    assert_has(&run, &["templates/page.html:1:54: broken link to /prog/fr/gone/"]);
}

/// A URL a template builds from variables is written nowhere: the finding
/// is shown at the first output page that has it.
const PAGE_WITH_BUILT_LINK: &str =
    "{% extends \"base.html\" %}{% block content %}<a href=\"/prog/{{ lang }}/gone/\">x</a>{% endblock %}";

#[test]
fn a_link_built_by_a_template_is_reported_at_the_output_page() {
    let site = site(&[("templates/page.html", PAGE_WITH_BUILT_LINK)]);
    assert_has(
        &check(&site, &[]),
        &[
            "public/en/accessibility/index.html:1:1: broken link to /prog/en/gone/\n  hint: found in a template, not in content/, on 2 pages",
        ],
    );
    assert_has(
        &check_fr(&site, &[]),
        &[
            "public/en/accessibility/index.html:1:1: lien brisé vers /prog/en/gone/\n  conseil : trouvé dans un gabarit, pas dans content/, sur 2 pages",
        ],
    );
}

#[test]
fn images_without_alternative_text_are_warnings() {
    let site =
        site(&[("content/news/brief.fr.md", NEWS), ("static/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")]);
    assert_has(
        &check(&site, &[]),
        &[
            "content/news/brief.fr.md:7:1: warning: image without alternative text\n  hint: describe the image between the brackets: ![what it shows](...)",
        ],
    );
    assert_has(
        &check_fr(&site, &[]),
        &[
            "content/news/brief.fr.md:7:1: attention : image sans texte alternatif\n  conseil : décrivez l'image entre les crochets : ![ce qu'elle montre](...)",
        ],
    );
}

const ANCHORS: &str = "---\ntitle: Programme\ndate: 2026-01-10\n---\n## Calendrier\n\nVoir [le calendrier](#calendrier), [les dates](#dates)\net [le projet](@/projects/coopjop.md#budget).\n\n<img src=\"/prog/logo.png\">\n\n<img src=\"/prog/logo.png\" alt=\"\" srcset=\"/prog/logo-2x.png 2x\">\n\n<object data=\"https://maps.example.com/embed\"></object>\n";

#[test]
fn anchors_srcset_objects_and_raw_images_are_checked() {
    let site = site(&[("content/news/programme.fr.md", ANCHORS), ("static/logo.png", "png")]);
    let run = check(&site, &[]);
    assert_has(
        &run,
        &[
            "content/news/programme.fr.md:7:48: link to a missing anchor: #dates\n  hint: no element of the page it leads to has id=\"dates\"; a heading takes its id from its text, or from {#id} written after it",
            "content/news/programme.fr.md:8:37: link to a missing anchor: /prog/fr/projets/coopjop/#budget\n  hint: no element of the page it leads to has id=\"budget\"; a heading takes its id from its text, or from {#id} written after it",
            "content/news/programme.fr.md:10:11: warning: image without an alt attribute: /prog/logo.png\n  hint: add alt=\"...\" describing the image, or alt=\"\" if it is purely decorative",
            "content/news/programme.fr.md:12:42: missing image /prog/logo-2x.png",
            "content/news/programme.fr.md:14:15: page loads a resource from another host: https://maps.example.com/embed\n  hint: copy the file into static/ and refer to it under the site's address: visitors' browsers must not contact another host",
        ],
    );
    let findings = findings(&run);
    assert!(!findings.iter().any(|f| f.contains("#calendrier")), "the heading's anchor exists: {findings:?}");
    assert_eq!(
        findings.iter().filter(|f| f.contains("alt attribute")).count(),
        1,
        "alt=\"\" is a choice: {findings:?}"
    );
    assert_has(
        &check_fr(&site, &[]),
        &[
            "content/news/programme.fr.md:7:48: lien vers une ancre absente : #dates\n  conseil : aucun élément de la page visée n'a l'id « dates » ; un titre prend l'id tiré de son texte, ou celui écrit après lui entre {#…}",
            "content/news/programme.fr.md:10:11: attention : image sans attribut alt : /prog/logo.png\n  conseil : ajoutez alt=\"...\" pour décrire l'image, ou alt=\"\" si elle est purement décorative",
        ],
    );
}

#[test]
fn resources_from_other_hosts_are_errors() {
    let site = site(&[
        (
            "content/pages/map.fr.md",
            "---\ntitle: Carte\n---\nLa carte :\n\n<script src=\"https://cdn.example.com/map.js\"></script>\n",
        ),
        ("content/pages/map.en.md", "---\ntitle: Map\n---\nThe map.\n"),
        ("static/extra.css", "body { color: black }\n@import url(\"https://fonts.example.com/a.css\");\n"),
    ]);
    let hint = "\n  hint: copy the file into static/ and refer to it under the site's address: visitors' browsers must not contact another host";
    assert_has(
        &check(&site, &[]),
        &[
            &format!(
                "content/pages/map.fr.md:6:14: page loads a resource from another host: https://cdn.example.com/map.js{hint}"
            ),
            &format!(
                "static/extra.css:2:14: page loads a resource from another host: https://fonts.example.com/a.css{hint}"
            ),
        ],
    );
    assert_has(
        &check_fr(&site, &[]),
        &[
            "content/pages/map.fr.md:6:14: la page charge une ressource depuis un autre serveur : https://cdn.example.com/map.js\n  conseil : copiez le fichier dans static/ et désignez-le par l'adresse du site : les navigateurs des visiteurs ne doivent contacter aucun autre serveur",
        ],
    );
}

#[test]
fn legal_notice_and_accessibility_pages_are_required() {
    let site = Site::minimal();
    site.remove("content/pages/legal-notice.fr.md");
    site.remove("content/pages/legal-notice.en.md");
    let run = check(&site, &[]);
    assert_has(
        &run,
        &[
            "content/pages:1:1: missing the legal-notice page\n  hint: create content/pages/legal-notice.<lang>.md (passerelle new page legal-notice)",
            "content/pages:1:1: missing the accessibility page\n  hint: create content/pages/accessibility.<lang>.md (passerelle new page accessibility)",
        ],
    );
    assert_eq!(run.code, 1);
    assert_has(
        &check_fr(&site, &[]),
        &[
            "content/pages:1:1: il manque la page des mentions légales (legal-notice)\n  conseil : créez content/pages/legal-notice.<langue>.md (passerelle new page legal-notice)",
            "content/pages:1:1: il manque la déclaration d'accessibilité (accessibility)\n  conseil : créez content/pages/accessibility.<langue>.md (passerelle new page accessibility)",
        ],
    );
}

#[test]
fn an_accessibility_statement_must_state_its_compliance_status() {
    let site = site(&[("content/pages/accessibility.en.md", "---\ntitle: Accessibility\n---\nWe try hard.\n")]);
    let run = check(&site, &[]);
    assert_has(
        &run,
        &[
            "content/pages/accessibility.en.md:1:1: warning: the accessibility statement states no compliance status\n  hint: say whether the site is \"totalement conforme\", \"partiellement conforme\" or \"non conforme\" (fully, partially or not compliant) with the RGAA",
        ],
    );
    assert!(!findings(&run).iter().any(|f| f.starts_with("content/pages/accessibility.fr.md")), "{}", run.stdout);
    assert_has(
        &check_fr(&site, &[]),
        &[
            "content/pages/accessibility.en.md:1:1: attention : la déclaration d'accessibilité n'indique pas d'état de conformité\n  conseil : indiquez si le site est « totalement conforme », « partiellement conforme » ou « non conforme » au RGAA",
        ],
    );
}

#[test]
fn missing_translations_and_unknown_staleness_are_warnings() {
    let run = check(&site(&[]), &[]);
    assert_has(
        &run,
        &[
            "content/partners/lombardia.fr.md:1:1: warning: missing translation in en (English)\n  hint: create content/partners/lombardia.en.md",
            "content/actions/launch.fr.md:1:1: warning: missing translation in en (English)\n  hint: create content/actions/launch.en.md",
            "site.toml:1:1: warning: staleness of translations cannot be known outside a git repository",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn missing_translations_and_unknown_staleness_in_french() {
    let run = check_fr(&site(&[]), &[]);
    assert_has(
        &run,
        &[
            "content/partners/lombardia.fr.md:1:1: attention : traduction manquante dans la langue « en » (English)\n  conseil : créez content/partners/lombardia.en.md",
            "site.toml:1:1: attention : impossible de savoir si les traductions sont à jour en dehors d'un dépôt git",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn fluent_messages_missing_in_a_language_or_unused_are_warnings() {
    let site = site(&[
        ("locales/fr/site.ftl", "footer-legal = Mentions\nprogramme-motto = Coopérer\n"),
        ("locales/en/site.ftl", "footer-legal = Legal\n"),
    ]);
    let run = check(&site, &[]);
    assert_has(
        &run,
        &[
            "locales/fr/site.ftl:2:1: warning: message 'programme-motto' is missing in en (English)\n  hint: add it to locales/en/site.ftl",
            "locales/fr/site.ftl:2:1: warning: message 'programme-motto' is not used by any template\n  hint: remove it, or show it with {{ t(key=\"programme-motto\") }} in a template",
        ],
    );
    // footer-legal overrides a theme message: used, and present in both.
    assert!(!run.stdout.contains("'footer-legal'"), "{}", run.stdout);
    assert_has(
        &check_fr(&site, &[]),
        &[
            "locales/fr/site.ftl:2:1: attention : le message « programme-motto » manque dans la langue « en » (English)\n  conseil : ajoutez-le à locales/en/site.ftl",
            "locales/fr/site.ftl:2:1: attention : le message « programme-motto » n'est utilisé par aucun gabarit\n  conseil : supprimez-le, ou affichez-le avec {{ t(key=\"programme-motto\") }} dans un gabarit",
        ],
    );
}

#[test]
fn the_text_report_is_grouped_by_file_with_counts() {
    let site =
        site(&[("content/news/brief.fr.md", NEWS), ("static/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")]);
    let run = check(&site, &[]);
    assert!(run.stdout.contains("\ncontent/news/brief.fr.md\ncontent/news/brief.fr.md:1:1: "), "{}", run.stdout);
    assert!(run.stdout.ends_with("\n2 errors, 5 warnings\n"), "{}", run.stdout);
    assert!(!run.stdout.contains('\x1b'), "no colours in a pipe");
    let run = check_fr(&site, &[]);
    assert!(run.stdout.contains("\ncontent/news/brief.fr.md\ncontent/news/brief.fr.md:1:1: "), "{}", run.stdout);
    assert!(run.stdout.ends_with("\n2 erreurs, 5 avertissements\n"), "{}", run.stdout);
}

#[test]
fn json_lists_the_same_findings_as_text() {
    let site =
        site(&[("content/news/brief.fr.md", NEWS), ("static/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")]);
    let text = findings(&check(&site, &[]));
    let run = check(&site, &["--format", "json"]);
    assert_eq!(run.code, 1);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("one JSON document");
    let items = doc["diagnostics"].as_array().expect("a list");
    let from_json: Vec<String> = items
        .iter()
        .map(|d| {
            let warning = if d["severity"] == "warning" { "warning: " } else { "" };
            let mut line = format!(
                "{}:{}:{}: {warning}{}",
                d["path"].as_str().unwrap(),
                d["line"],
                d["col"],
                d["message"].as_str().unwrap()
            );
            if let Some(hint) = d["hint"].as_str() {
                line.push_str(&format!("\n  hint: {hint}"));
            }
            line
        })
        .collect();
    assert_eq!(from_json, text);
    assert_eq!(doc["errors"], 2);
    assert_eq!(doc["warnings"], 5);
}

#[test]
fn json_keeps_its_field_names_and_gives_messages_in_the_users_language() {
    let site =
        site(&[("content/news/brief.fr.md", NEWS), ("static/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")]);
    let run = check_fr(&site, &["--format", "json"]);
    assert_eq!(run.code, 1);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("one JSON document");
    assert_eq!(doc["errors"], 2);
    let image = doc["diagnostics"]
        .as_array()
        .expect("a list")
        .iter()
        .find(|d| d["line"] == 7)
        .expect("the image without alternative text");
    assert_eq!(image["severity"], "warning");
    assert_eq!(image["path"], "content/news/brief.fr.md");
    assert_eq!(image["message"], "image sans texte alternatif");
    assert_eq!(image["hint"], "décrivez l'image entre les crochets : ![ce qu'elle montre](...)");
}

#[test]
fn warnings_fail_only_with_deny_warnings() {
    let site = site(&[]);
    assert_eq!(check(&site, &[]).code, 0);
    assert_eq!(check(&site, &["--deny-warnings"]).code, 1);
}

#[test]
fn the_demo_site_has_no_error() {
    let site = Site::new(&[]);
    let run = check(&site, &["--root", env!("CARGO_MANIFEST_DIR")]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(run.stdout.starts_with("0 errors"), "{}", run.stdout);
}

fn git(site: &Site, args: &[&str], date: &str) {
    let status = Command::new("git")
        .args(args)
        .current_dir(site.root())
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", site.root())
        .output()
        .expect("run git");
    assert!(status.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&status.stderr));
}

#[test]
fn translations_older_than_their_source_are_found_with_git() {
    let site = site(&[]);
    let day1 = "2026-02-10T12:00:00+00:00";
    git(&site, &["init", "-q"], day1);
    git(&site, &["config", "user.name", "Test"], day1);
    git(&site, &["config", "user.email", "test@example.org"], day1);
    git(&site, &["add", "."], day1);
    git(&site, &["commit", "-q", "-m", "site"], day1);
    site.write("content/news/launch.fr.md", "---\ntitle: Lancement\ndate: 2026-02-06\n---\nTexte revu.\n");
    git(&site, &["commit", "-q", "-am", "French text changed"], "2026-03-02T09:00:00+00:00");
    let run = check(&site, &[]);
    assert_has(
        &run,
        &[
            "content/news/launch.en.md:1:1: warning: translation older than content/news/launch.fr.md (source changed 2026-03-02, translation 2026-02-10)\n  hint: update it from content/news/launch.fr.md, then commit it",
        ],
    );
    let stale: Vec<String> = findings(&run).into_iter().filter(|f| f.contains("translation older")).collect();
    assert_eq!(stale.len(), 1, "{stale:?}");
    assert!(!run.stdout.contains("outside a git repository"), "{}", run.stdout);
    assert_has(
        &check_fr(&site, &[]),
        &[
            "content/news/launch.en.md:1:1: attention : traduction plus ancienne que content/news/launch.fr.md (source modifiée le 2026-03-02, traduction le 2026-02-10)\n  conseil : mettez-la à jour d'après content/news/launch.fr.md, puis validez-la (git commit)",
        ],
    );
}
