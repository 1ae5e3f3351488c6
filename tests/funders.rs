//! Funders as a Région's communication officer meets them: the registry
//! `content/data/funders.yaml`, the funding section of a project page, the
//! statements in the footer of its actions and news, the EU emblem with the
//! EU's wording, and every rule the build checks, with its exact message.

mod common;

use common::Site;

const FUNDERS: &str = r#"meae:
  kind: state
  name: { fr: "Ministère de l'Europe et des Affaires étrangères", en: "Ministry for Europe and Foreign Affairs" }
  statement:
    fr: "Avec le soutien du ministère de l'Europe et des Affaires étrangères"
    en: "With the support of the Ministry for Europe and Foreign Affairs"
  logo: /images/meae.svg
  url: https://www.diplomatie.gouv.fr/
ue:
  kind: eu
  name: { fr: "Union européenne", en: "European Union" }
  statement:
    fr: "Cofinancé par l’Union européenne"
    en: "Co-funded by the European Union"
"#;

const PROJECT: &str = "---
title: COOPJOP
start: 2025-10-01
lead: region-sud
partners: [region-sud, lombardia]
funding:
  - funder: meae
    programme: Sport et coopération décentralisée
    rate: 50
  - funder: ue
---
Un programme.
";

fn site() -> Site {
    let site = Site::minimal();
    site.write("content/data/funders.yaml", FUNDERS);
    site.write("content/projects/coopjop.fr.md", PROJECT);
    site.write("static/images/meae.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 20\"></svg>");
    site
}

#[test]
fn the_project_page_credits_each_funder_with_its_logo_statement_programme_and_rate() {
    let site = site();
    site.build_ok();
    let page = site.html("fr/projets/coopjop/index.html");
    assert_eq!(page.attrs(".funding .credit", "class"), ["credit credit--state", "credit credit--eu"]);
    assert_eq!(page.attrs(".funding .credit__logo", "alt"), ["Ministère de l'Europe et des Affaires étrangères"]);
    assert_eq!(page.attrs(".funding .credit__logo", "src"), ["/prog/images/meae.svg"], "logos get the base path");
    assert_eq!(
        page.texts(".funding .credit__statement"),
        ["Avec le soutien du ministère de l'Europe et des Affaires étrangères", "Cofinancé par l’Union européenne"]
    );
    assert_eq!(
        page.texts(".funding tbody th"),
        ["Ministère de l'Europe et des Affaires étrangères", "Union européenne"]
    );
    assert_eq!(
        page.texts(".funding tbody td")[..2],
        ["Sport et coopération décentralisée".to_string(), "50 %".to_string()]
    );

    let english = site.html("en/projects/coopjop/index.html");
    assert_eq!(
        english.texts(".funding .credit__statement"),
        ["With the support of the Ministry for Europe and Foreign Affairs", "Co-funded by the European Union"]
    );
    assert_eq!(english.attrs(".funding .credit__logo", "alt"), ["Ministry for Europe and Foreign Affairs"]);
}

#[test]
fn the_eu_emblem_is_drawn_beside_the_eu_statement_with_nothing_fetched() {
    let site = site();
    site.build_ok();
    let page = site.html("en/projects/coopjop/index.html");
    assert_eq!(page.attrs(".credit--eu svg.eu-emblem", "viewBox"), ["0 0 810 540"], "three by two");
    assert_eq!(page.attrs(".credit--eu svg.eu-emblem", "aria-hidden"), ["true"], "the statement beside it says it all");
    assert_eq!(page.attrs(".credit--eu svg.eu-emblem rect", "fill"), ["#039"]);
    let stars = page.attrs(".credit--eu svg.eu-emblem path", "d");
    assert_eq!(stars.len(), 1);
    assert_eq!(stars[0].matches('M').count(), 12, "twelve stars");
    assert_eq!(page.texts(".credit--eu .credit__statement"), ["Co-funded by the European Union"]);
    assert!(page.attrs(".credit--eu img", "src").is_empty(), "the emblem is drawn, not loaded");
}

#[test]
fn actions_and_news_of_a_funded_project_carry_its_statements_in_their_footer() {
    let site = site();
    site.write("content/news/launch.en.md", "---\ntitle: COOPJOP launched\nslug: coopjop-launch\n---\nLaunched.\n");
    site.build_ok();
    let action = site.html("fr/agenda/launch/index.html");
    assert_eq!(
        action.texts("footer .credit__statement"),
        ["Avec le soutien du ministère de l'Europe et des Affaires étrangères", "Cofinancé par l’Union européenne"]
    );
    assert_eq!(action.attrs("footer .credit--eu svg", "class"), ["eu-emblem"]);
    let news = site.html("en/news/coopjop-launch/index.html");
    assert_eq!(
        news.texts("footer .credit__statement"),
        ["With the support of the Ministry for Europe and Foreign Affairs", "Co-funded by the European Union"]
    );
    let project = site.html("fr/projets/coopjop/index.html");
    assert!(project.texts("footer .credit").is_empty(), "a project page credits its funders once, in its section");
    let legal = site.html("fr/mentions-legales/index.html");
    assert!(legal.texts("footer .credit").is_empty(), "pages of no project credit no one");
}

#[test]
fn a_funder_that_is_not_in_the_registry_is_an_error_with_did_you_mean() {
    let site = site();
    site.write("content/projects/coopjop.fr.md", &PROJECT.replace("funder: meae", "funder: maee"));
    let run = site.build(&[]);
    assert_ne!(run.code, 0);
    assert_eq!(
        run.diagnostics(),
        ["content/projects/coopjop.fr.md:7:13: unknown funder 'maee'\n  hint: did you mean 'meae'?"]
    );

    let bare = Site::minimal();
    bare.write("content/projects/coopjop.fr.md", PROJECT);
    let run = bare.build(&[]);
    assert_eq!(
        run.diagnostics()[0],
        "content/projects/coopjop.fr.md:7:13: unknown funder 'meae'\n  hint: funders are listed in content/data/funders.yaml: add 'meae:' there with its name and statement"
    );
}

#[test]
fn the_registry_is_checked_where_each_rule_is_broken() {
    let site = site();
    site.write(
        "content/data/funders.yaml",
        r#"meae:
  kind: state
  name: { fr: "Ministère", en: "Ministry" }
  statement: { fr: "Avec le soutien du ministère" }
  logo: /images/meea.svg
ue:
  kind: eu
  name: { fr: "Union européenne", en: "European Union" }
  statement: { fr: "Financé par l'Europe", en: "Co-funded by the European Union" }
region:
  kind: regoin
  name: Région Sud
"#,
    );
    let run = site.build(&[]);
    assert_ne!(run.code, 0);
    assert_eq!(
        run.diagnostics(),
        [
            "content/data/funders.yaml:4:14: warning: 'statement' has no text in en\n  hint: the 'fr' text is shown there, marked as such",
            "content/data/funders.yaml:5:9: the logo '/images/meea.svg' is not a file of the site\n  hint: did you mean '/images/meae.svg'?",
            "content/data/funders.yaml:9:20: warning: the statement of an EU funder in 'fr' is not the wording the EU prescribes\n  hint: write « Cofinancé par l'Union européenne » / « Financé par l'Union européenne »",
            "content/data/funders.yaml:11:9: unknown funder kind 'regoin'\n  hint: did you mean 'region'?",
        ]
    );
}

#[test]
fn a_funded_project_whose_funders_have_no_statement_is_warned() {
    let site = site();
    site.write("content/data/funders.yaml", "meae:\n  kind: state\n  name: Ministère\n");
    site.write("content/projects/coopjop.fr.md", &PROJECT.replace("  - funder: ue\n", ""));
    let run = site.build(&[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.diagnostics(),
        [
            "content/projects/coopjop.fr.md:7:13: warning: none of the project's funders has a statement: its pages credit no one\n  hint: give its funders a 'statement' in content/data/funders.yaml"
        ]
    );
    let page = site.html("fr/projets/coopjop/index.html");
    assert_eq!(page.texts(".funding .credit__statement"), ["Ministère"], "the name stands in for the statement");
}

#[test]
fn funder_messages_read_in_french_for_a_french_user() {
    let site = site();
    site.write("content/projects/coopjop.fr.md", &PROJECT.replace("funder: meae", "funder: maee"));
    let run = site.run_fr(&["build"]);
    assert!(run.stderr.contains("content/projects/coopjop.fr.md:7:13: financeur « maee » inconnu"), "{}", run.stderr);
}

#[test]
fn logos_written_from_the_site_root_get_the_base_path() {
    let site = site();
    site.write(
        "content/projects/coopjop.fr.md",
        &PROJECT.replace("start: 2025-10-01\n", "start: 2025-10-01\nlogo: /images/meae.svg\n"),
    );
    site.build_ok();
    let page = site.html("fr/projets/coopjop/index.html");
    assert_eq!(page.attrs(".facts__logo", "src"), ["/prog/images/meae.svg"]);
}

#[test]
fn an_eu_funder_without_a_statement_shows_the_eus_wording_in_the_page_language() {
    let site = site();
    site.write("content/data/funders.yaml", "ue:\n  kind: eu\n  name: { fr: Union européenne, en: European Union }\n");
    site.write(
        "content/projects/coopjop.fr.md",
        &PROJECT.replace("  - funder: meae\n    programme: Sport et coopération décentralisée\n    rate: 50\n", ""),
    );
    let run = site.build_ok();
    assert_eq!(run.diagnostics(), Vec::<String>::new(), "the theme's wording is a statement");
    assert_eq!(
        site.html("fr/projets/coopjop/index.html").texts(".credit--eu .credit__statement"),
        ["Cofinancé par l'Union européenne"]
    );
    assert_eq!(
        site.html("fr/agenda/launch/index.html").texts("footer .credit--eu .credit__statement"),
        ["Cofinancé par l'Union européenne"]
    );
    assert_eq!(
        site.html("en/projects/coopjop/index.html").texts(".credit--eu .credit__statement"),
        ["Co-funded by the European Union"]
    );
}
