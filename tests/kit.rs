//! The partner kit of a project page: the snippet a partner pastes on its
//! own website, read back as HTML (scraper) from the page's text field.

mod common;

use common::Site;
use scraper::{Html, Selector};

fn snippet(site: &Site, page: &str) -> Html {
    let page = site.html(page);
    let code = page.raw_texts("textarea.kit__code");
    assert_eq!(code.len(), 1, "one kit per project page");
    Html::parse_fragment(&code[0])
}

fn texts(html: &Html, css: &str) -> Vec<String> {
    html.select(&Selector::parse(css).unwrap()).map(|e| e.text().collect::<String>().trim().to_string()).collect()
}

fn attrs(html: &Html, css: &str, attr: &str) -> Vec<String> {
    html.select(&Selector::parse(css).unwrap()).filter_map(|e| e.value().attr(attr).map(String::from)).collect()
}

#[test]
fn the_kit_is_html_with_the_project_its_summary_its_funders_and_an_absolute_link_back() {
    let site = Site::minimal();
    site.write("content/data/funders.yaml", "meae:\n  kind: state\n  name: Ministère\n  statement: { fr: \"Avec le soutien du ministère\", en: \"With the ministry's support\" }\n");
    site.write(
        "content/projects/coopjop.fr.md",
        "---\ntitle: COOPJOP\nsummary: \"Des <Jeux> & l'avenir des territoires.\"\nstart: 2025-10-01\nfunding:\n  - funder: meae\n---\nUn programme.\n",
    );
    site.build_ok();
    let fr = snippet(&site, "fr/projets/coopjop/index.html");
    assert_eq!(attrs(&fr, "div.cooperation-project", "lang"), ["fr"]);
    assert_eq!(
        attrs(&fr, "a", "href"),
        ["https://example.org/prog/fr/projets/coopjop/"],
        "absolute: it is pasted elsewhere"
    );
    assert_eq!(texts(&fr, "a strong"), ["COOPJOP"]);
    assert!(attrs(&fr, "jeux", "class").is_empty() && texts(&fr, "jeux").is_empty(), "text stays text once pasted");
    assert_eq!(texts(&fr, "p"), ["COOPJOP – Des <Jeux> & l'avenir des territoires.", "Avec le soutien du ministère"]);

    let en = snippet(&site, "en/projects/coopjop/index.html");
    assert_eq!(attrs(&en, "div.cooperation-project", "lang"), ["en"]);
    assert_eq!(attrs(&en, "a", "href"), ["https://example.org/prog/en/projects/coopjop/"]);
    assert_eq!(texts(&en, "p")[1], "With the ministry's support");

    let page = site.html("fr/projets/coopjop/index.html");
    assert_eq!(page.texts("label[for='kit-coopjop']"), ["Code HTML à coller sur votre site"]);
    assert_eq!(page.attrs("textarea#kit-coopjop", "readonly"), [""], "read-only, yet selectable");
    assert_eq!(page.attrs("button[data-copy='kit-coopjop']", "hidden"), [""], "no dead button without JavaScript");
    assert_eq!(page.attrs("[data-copy-status='kit-coopjop']", "role"), ["status"]);
    assert!(site.exists("kit.js"));
}
