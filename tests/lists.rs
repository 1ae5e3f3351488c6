//! The order of lists as readers see it: news newest first, news of the
//! same day in the order of their files, alike on the news list, a tag's
//! page and a project's page; and the name a tag written several ways
//! gets.

mod common;

use common::Site;

/// Five news of the minimal site's project, written out of order: three on
/// one day, one newer and one older, the tag `eau` spelled three ways.
fn with_news_on_one_day() -> Site {
    let site = Site::minimal();
    for (id, date, tag) in [
        ("b-meme-jour", "2026-03-01", "Eau"),
        ("z-ancienne", "2025-01-01", "EAU"),
        ("a-meme-jour", "2026-03-01", "eau"),
        ("m-recente", "2026-09-01", "Eau"),
        ("c-meme-jour", "2026-03-01", "Eau"),
    ] {
        site.write(
            &format!("content/news/{id}.fr.md"),
            &format!("---\ntitle: Titre {id}\ndate: {date}\nprojects: [coopjop]\ntags: [{tag}]\n---\nTexte.\n"),
        );
    }
    site
}

fn card_titles(site: &Site, path: &str) -> Vec<String> {
    site.html(path).texts(".card__title a")
}

#[test]
fn news_of_one_day_keep_the_order_of_their_files_in_every_list() {
    let site = with_news_on_one_day();
    site.build_ok();
    let newest_first = [
        "Titre m-recente",
        "Titre a-meme-jour",
        "Titre b-meme-jour",
        "Titre c-meme-jour",
        "Lancement de COOPJOP",
        "Titre z-ancienne",
    ];
    assert_eq!(card_titles(&site, "fr/actualites/index.html"), newest_first);
    let tagged: Vec<&str> = newest_first.into_iter().filter(|t| t.starts_with("Titre")).collect();
    assert_eq!(card_titles(&site, "fr/mots-cles/eau/index.html"), tagged);
    let project = site.html("fr/projets/coopjop/index.html");
    assert_eq!(project.texts("section[aria-labelledby=related-news] .card__title a"), newest_first);
}

#[test]
fn a_tag_written_several_ways_is_named_as_the_first_file_writes_it() {
    let site = with_news_on_one_day();
    site.build_ok();
    // a-meme-jour comes first among the files, though not first in the list.
    assert_eq!(site.html("fr/mots-cles/eau/index.html").texts("h1"), ["eau"]);
    site.remove("content/news/a-meme-jour.fr.md");
    site.build_ok();
    assert_eq!(site.html("fr/mots-cles/eau/index.html").texts("h1"), ["Eau"]);
}
