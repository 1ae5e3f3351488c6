//! Working groups as readers and writers meet them: a section per group on
//! the project page with an anchor, the actions and news that name the
//! group, the link back from those pages, and the diagnostics of a
//! `working_group:` that names no group of its project.

mod common;

use common::Site;

const PROJECT: &str = "---
title: COOPJOP
acronym: COOPJOP
status: ongoing
start: 2025-10-01
lead: region-sud
partners: [region-sud, lombardia]
working_groups:
  - id: durable
    title: Des Jeux durables
    summary: Réduire l'empreinte des Jeux.
  - title: L'accès au sport pour tous
---
Un programme.
";

const PROJECT_EN: &str = "---\ntitle: COOPJOP in English\nworking_groups:\n  - title: Sustainable Games\n  - title: Sport for all\n---\nA programme.\n";

fn site() -> Site {
    let site = Site::minimal();
    site.write("content/projects/coopjop.fr.md", PROJECT);
    site.write("content/projects/coopjop.en.md", PROJECT_EN);
    site.write(
        "content/actions/atelier.fr.md",
        "---\ntitle: Atelier sur l'empreinte\nproject: coopjop\nstart: 2026-03-10\nworking_group: durable\n---\nUn atelier.\n",
    );
    site.write("content/actions/atelier.en.md", "---\ntitle: Footprint workshop\n---\nA workshop.\n");
    site.write(
        "content/news/bilan.fr.md",
        "---\ntitle: Premier bilan\ndate: 2026-03-20\nprojects: [coopjop]\nworking_group: l-acces-au-sport-pour-tous\n---\nUn bilan.\n",
    );
    site
}

#[test]
fn the_project_page_has_a_linkable_section_per_group_with_its_actions_and_news() {
    let site = site();
    site.build_ok();
    let page = site.html("fr/projets/coopjop/index.html");
    assert_eq!(page.attrs(".working-groups h3", "id"), ["wg-durable", "wg-l-acces-au-sport-pour-tous"]);
    assert_eq!(page.texts(".working-groups h3"), ["Des Jeux durables", "L'accès au sport pour tous"]);
    assert_eq!(page.texts("#wg-durable ~ .wg-items a"), ["Atelier sur l'empreinte"]);
    assert_eq!(page.texts("#wg-l-acces-au-sport-pour-tous ~ .wg-items a"), ["Premier bilan"]);
    assert_eq!(page.texts("#wg-durable ~ h4"), ["Actions"]);
    assert_eq!(page.texts("#wg-l-acces-au-sport-pour-tous ~ h4"), ["Actualités"]);

    let english = site.html("en/projects/coopjop/index.html");
    assert_eq!(
        english.attrs(".working-groups h3", "id"),
        ["wg-durable", "wg-l-acces-au-sport-pour-tous"],
        "ids do not change with the language"
    );
    assert_eq!(english.texts(".working-groups h3"), ["Sustainable Games", "Sport for all"]);
}

#[test]
fn actions_and_news_link_to_their_group_on_the_project_page() {
    let site = site();
    site.build_ok();
    let action = site.html("fr/agenda/atelier/index.html");
    assert_eq!(action.attrs("dd a[href*='#wg-']", "href"), ["/prog/fr/projets/coopjop/#wg-durable"]);
    assert_eq!(action.texts("dd a[href*='#wg-']"), ["Des Jeux durables"]);
    let news = site.html("fr/actualites/bilan/index.html");
    assert_eq!(news.texts(".item-group"), ["Groupe de travail : L'accès au sport pour tous"]);
    assert_eq!(news.attrs(".item-group a", "href"), ["/prog/fr/projets/coopjop/#wg-l-acces-au-sport-pour-tous"]);
    let english = site.html("en/agenda/atelier/index.html");
    assert_eq!(english.texts("dd a[href*='#wg-']"), ["Sustainable Games"]);
    assert_eq!(english.attrs("dd a[href*='#wg-']", "href"), ["/prog/en/projects/coopjop/#wg-durable"]);
}

#[test]
fn a_group_that_is_not_one_of_the_projects_is_an_error_where_it_is_named() {
    let site = site();
    site.write(
        "content/actions/atelier.fr.md",
        "---\ntitle: Atelier\nproject: coopjop\nstart: 2026-03-10\nworking_group: durabel\n---\nUn atelier.\n",
    );
    site.write(
        "content/news/bilan.fr.md",
        "---\ntitle: Bilan\ndate: 2026-03-20\nworking_group: durable\n---\nUn bilan.\n",
    );
    site.write(
        "content/projects/autre.fr.md",
        "---\ntitle: Autre\nstart: 2025-01-01\nworking_groups:\n  - id: un\n    title: Un\n  - id: un\n    title: Deux\n---\nTexte.\n",
    );
    let run = site.build(&[]);
    assert_ne!(run.code, 0);
    assert_eq!(
        run.diagnostics(),
        [
            "content/actions/atelier.fr.md:5:16: unknown working group 'durabel' in project coopjop\n  hint: did you mean 'durable'?",
            "content/news/bilan.fr.md:4:16: working group 'durable' without a project\n  hint: a working group belongs to a project: name it in 'projects'",
            "content/projects/autre.fr.md:7:9: working group id 'un' is used twice\n  hint: give each working group its own 'id' (by default, the slug of its title)",
        ]
    );
    let fr = site.run_fr(&["build"]);
    assert!(fr.stderr.contains("groupe de travail « durabel » inconnu dans le projet coopjop"), "{}", fr.stderr);
}

#[test]
fn a_project_without_groups_says_so_in_the_hint() {
    let site = Site::minimal();
    site.write(
        "content/news/bilan.fr.md",
        "---\ntitle: Bilan\ndate: 2026-03-20\nprojects: [coopjop]\nworking_group: transport\n---\nUn bilan.\n",
    );
    let run = site.build(&[]);
    assert_eq!(
        run.diagnostics(),
        [
            "content/news/bilan.fr.md:5:16: unknown working group 'transport' in project coopjop\n  hint: the project has no working_groups: give each an id there"
        ]
    );
}
