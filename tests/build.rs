//! What `passerelle build` writes: URLs, languages, switchers, inherited
//! fields, reverse links, typography, drafts, and the atomic output.

mod common;

use common::Site;

#[test]
fn every_language_gets_its_pages_under_its_own_prefix() {
    let site = Site::minimal();
    let run = site.build_ok();
    assert!(run.stdout.starts_with("built "), "{}", run.stdout);
    for path in [
        "index.html",
        "404.html",
        "fr/index.html",
        "en/index.html",
        "fr/actualites/lancement-coopjop/index.html",
        "en/news/coopjop-launch/index.html",
        "fr/projets/coopjop/index.html",
        "en/projects/coopjop/index.html",
        "fr/partenaires/region-sud/index.html",
        "fr/agenda/launch/index.html",
        "fr/mentions-legales/index.html",
        "en/legal-notice/index.html",
        "fr/actualites/index.html",
        "fr/partenaires/index.html",
        "fr/projets/index.html",
        "fr/agenda/index.html",
        "fr/mots-cles/sport/index.html",
        "fr/mots-cles/cooperation/index.html",
        "en/tags/sport/index.html",
        "style.css",
    ] {
        assert!(site.exists(path), "missing public/{path}; written: {:?}", site.files());
    }
    assert_eq!(site.html("fr/actualites/lancement-coopjop/index.html").attrs("html", "lang"), ["fr"]);
    assert_eq!(site.html("en/news/coopjop-launch/index.html").attrs("html", "lang"), ["en"]);
}

#[test]
fn the_root_sends_visitors_to_the_default_language() {
    let site = Site::minimal();
    site.build_ok();
    let root = site.read("index.html");
    assert!(root.contains("url=/prog/fr/"), "{root}");
    let chooser = site.html("index.html");
    let links = chooser.attrs("a[hreflang]", "href");
    assert!(links.contains(&"/prog/fr/".to_string()) && links.contains(&"/prog/en/".to_string()), "{links:?}");
}

#[test]
fn hreflang_alternates_and_the_switcher_point_to_the_translation() {
    let site = Site::minimal();
    site.build_ok();
    let page = site.html("fr/actualites/lancement-coopjop/index.html");
    let mut alternates: Vec<(String, String)> = page
        .attrs("link[rel=alternate][hreflang]", "hreflang")
        .into_iter()
        .zip(page.attrs("link[rel=alternate][hreflang]", "href"))
        .collect();
    alternates.sort();
    assert_eq!(
        alternates,
        [
            ("en".to_string(), "https://example.org/prog/en/news/coopjop-launch/".to_string()),
            ("fr".to_string(), "https://example.org/prog/fr/actualites/lancement-coopjop/".to_string()),
        ]
    );
    let switcher = page.attrs(".lang-switcher a[hreflang=en]", "href");
    assert_eq!(switcher, ["/prog/en/news/coopjop-launch/"]);
}

#[test]
fn a_page_missing_in_one_language_switches_to_that_languages_home() {
    let site = Site::minimal();
    site.build_ok();
    assert!(!site.exists("en/partners/lombardia/index.html"));
    let page = site.html("fr/partenaires/lombardia/index.html");
    assert_eq!(page.attrs(".lang-switcher a[hreflang=en]", "href"), ["/prog/en/"]);
    assert_eq!(page.attrs("link[rel=alternate][hreflang]", "hreflang"), ["fr"]);
    let label = page.texts(".lang-switcher a[hreflang=en]").join(" ");
    assert!(
        label.contains("home") || label.contains("accueil"),
        "the switcher should say it goes to the home page: {label}"
    );
}

#[test]
fn with_a_banner_fallback_the_original_is_shown_with_its_language() {
    let site = Site::minimal();
    site.write("site.toml", &format!("{}translation_fallback = \"banner\"\n", common::SITE_TOML));
    site.build_ok();
    let page = site.html("en/partners/lombardia/index.html");
    assert_eq!(page.attrs("html", "lang"), ["en"]);
    assert!(!page.attrs("[lang=fr]", "lang").is_empty(), "the French content must carry lang=fr");
    assert!(page.text().contains("Partenaire italien."));
}

#[test]
fn translations_inherit_language_neutral_fields() {
    let site = Site::minimal();
    site.build_ok();
    let en = site.html("en/partners/region-sud/index.html");
    let text = en.text();
    assert!(text.contains("Sud Region"), "title from the English file");
    assert!(text.contains("France"), "country inherited from the French file: {text}");
    let project = site.html("en/projects/coopjop/index.html").text();
    assert!(project.contains("1 October 2025"), "start date inherited and formatted in English: {project}");
    let fr = site.html("fr/projets/coopjop/index.html").text();
    assert!(fr.contains("1er octobre 2025"), "{fr}");
}

#[test]
fn partners_list_their_projects_actions_and_news() {
    let site = Site::minimal();
    site.build_ok();
    let page = site.html("fr/partenaires/region-sud/index.html");
    let links = page.attrs("main a", "href");
    for target in ["/prog/fr/projets/coopjop/", "/prog/fr/agenda/launch/", "/prog/fr/actualites/lancement-coopjop/"] {
        assert!(links.contains(&target.to_string()), "partner page should link {target}: {links:?}");
    }
    let project = site.html("fr/projets/coopjop/index.html").attrs("main a", "href");
    assert!(project.contains(&"/prog/fr/agenda/launch/".to_string()), "{project:?}");
    assert!(project.contains(&"/prog/fr/partenaires/lombardia/".to_string()), "{project:?}");
}

#[test]
fn official_names_in_another_language_are_marked() {
    let site = Site::minimal();
    site.build_ok();
    let page = site.html("fr/partenaires/lombardia/index.html");
    assert_eq!(page.texts("span[lang=it]"), ["Regione Lombardia"]);
}

#[test]
fn internal_links_point_to_the_page_in_the_current_language() {
    let site = Site::minimal();
    site.build_ok();
    let action = site.html("fr/agenda/launch/index.html");
    assert!(action.attrs(".prose a", "href").contains(&"/prog/fr/projets/coopjop/".to_string()));
}

#[test]
fn french_typography_applies_to_french_text_only() {
    let site = Site::minimal();
    site.build_ok();
    let fr = site.read("fr/projets/coopjop/index.html");
    assert!(fr.contains("Un programme\u{a0}: coopérer\u{202f}!"), "{fr}");
    let news = site.read("fr/actualites/lancement-coopjop/index.html");
    assert!(news.contains("«\u{a0}ici\u{a0}»"), "{news}");
    let en = site.read("en/projects/coopjop/index.html");
    assert!(en.contains("A programme: cooperate!"), "{en}");
}

#[test]
fn the_more_marker_makes_the_summary() {
    let site = Site::minimal();
    site.build_ok();
    let list = site.html("fr/actualites/index.html").text();
    assert!(list.contains("Le programme est lancé"), "{list}");
    assert!(!list.contains("La suite"), "only the text before <!-- more --> is the summary: {list}");
    assert!(!site.read("fr/actualites/lancement-coopjop/index.html").contains("<!-- more -->"));
}

#[test]
fn every_url_the_site_emits_stays_under_the_sub_path() {
    let site = Site::minimal();
    site.build_ok();
    for file in site.files().iter().filter(|f| f.ends_with(".html")) {
        let page = site.html(file);
        for attr in ["href", "src", "action"] {
            for url in page.attrs(&format!("[{attr}]"), attr) {
                let ok = url.starts_with("/prog/")
                    || url.starts_with("https://example.org/prog/")
                    || url.starts_with("webcal://example.org/prog/")
                    || url.starts_with('#')
                    || url.starts_with("mailto:");
                assert!(ok, "{file}: {attr}={url} escapes the /prog/ sub-path");
            }
        }
    }
}

#[test]
fn base_url_can_be_overridden_on_the_command_line() {
    let site = Site::minimal();
    let run = site.build(&["--base-url", "https://region.example/microsite"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = site.read("fr/index.html");
    assert!(page.contains("href=\"/microsite/fr/"), "{page}");
    assert!(page.contains("https://region.example/microsite/fr/"));
}

#[test]
fn a_wrong_base_url_on_the_command_line_is_explained_in_the_users_language() {
    let site = Site::minimal();
    let run = site.build(&["--base-url", "region.example/microsite"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.diagnostics(),
        ["--base-url:1:1: base_url must start with http:// or https://, found 'region.example/microsite'"]
    );
    let run = site.run_fr(&["build", "--base-url", "https://region.example/?page=1"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.diagnostics(),
        [
            "--base-url:1:1: « base_url » ne doit contenir ni paramètres (?), ni ancre (#), ni espace : « https://region.example/?page=1 »"
        ]
    );
}

#[test]
fn drafts_and_future_news_need_their_flags() {
    let site = Site::minimal();
    site.write("content/news/draft.fr.md", "---\ntitle: Brouillon\ndate: 2026-01-01\ndraft: true\n---\nTexte.\n");
    site.write("content/news/later.fr.md", "---\ntitle: Plus tard\ndate: 2099-01-01\n---\nTexte.\n");
    site.build_ok();
    assert!(!site.exists("fr/actualites/draft/index.html"));
    assert!(!site.exists("fr/actualites/later/index.html"));
    assert!(!site.read("fr/actualites/index.html").contains("Brouillon"));
    let run = site.build(&["--drafts", "--future"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(site.exists("fr/actualites/draft/index.html"));
    assert!(site.exists("fr/actualites/later/index.html"));
}

#[test]
fn news_lists_are_paginated() {
    let site = Site::minimal();
    site.write("site.toml", &format!("{}paginate = 2\n", common::SITE_TOML));
    for n in 1..=4 {
        site.write(
            &format!("content/news/n{n}.fr.md"),
            &format!("---\ntitle: Nouvelle {n}\ndate: 2025-01-0{n}\n---\nTexte.\n"),
        );
    }
    site.build_ok();
    assert!(site.exists("fr/actualites/page/2/index.html"));
    assert!(site.exists("fr/actualites/page/3/index.html"));
    assert!(!site.exists("fr/actualites/page/4/index.html"));
    let first = site.html("fr/actualites/index.html").text();
    assert!(first.contains("Lancement de COOPJOP") && first.contains("Nouvelle 4") && !first.contains("Nouvelle 3"));
    assert!(site.read("fr/actualites/index.html").contains("/prog/fr/actualites/page/2/"));
    let middle = site.html("fr/actualites/page/2/index.html");
    assert_eq!(middle.attrs("link[rel=prev]", "href"), ["/prog/fr/actualites/"]);
    assert_eq!(middle.attrs("link[rel=next]", "href"), ["/prog/fr/actualites/page/3/"]);
    assert_eq!(middle.attrs("a[rel=next]", "href"), ["/prog/fr/actualites/page/3/"]);
    assert_eq!(middle.attrs("nav.pagination [aria-current=page]", "href"), ["/prog/fr/actualites/page/2/"]);
    assert!(!middle.attrs("nav.pagination", "aria-label").is_empty(), "the page navigation is labelled");
}

#[test]
fn any_number_of_languages_works() {
    let site = Site::minimal();
    site.write(
        "site.toml",
        &format!(
            "{}default_language = \"fr\"\n[languages.fr]\nname = \"Français\"\n[languages.en]\nname = \"English\"\n[languages.it]\nname = \"Italiano\"\n[sections]\nnews = {{ fr = \"actualites\", en = \"news\", it = \"notizie\" }}\n",
            common::SITE_TOML
        ),
    );
    site.write(
        "locales/it/main.ftl",
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/themes/default/locales/en/main.ftl")).unwrap(),
    );
    site.write(
        "content/news/launch.it.md",
        "---\ntitle: Lancio di COOPJOP\nslug: lancio\n---\nIl programma è lanciato.\n",
    );
    site.build_ok();
    assert!(site.exists("it/notizie/lancio/index.html"));
    assert_eq!(site.html("it/notizie/lancio/index.html").attrs("html", "lang"), ["it"]);
    let hreflangs =
        site.html("fr/actualites/lancement-coopjop/index.html").attrs("link[rel=alternate][hreflang]", "hreflang");
    assert_eq!(hreflangs.len(), 3, "{hreflangs:?}");
}

#[test]
fn site_templates_and_strings_override_the_theme() {
    let site = Site::minimal();
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block content %}<p id=\"custom\">{{ item.title }}</p>{% endblock %}",
    );
    site.write("locales/en/override.ftl", "section-news = Latest updates\n");
    site.build_ok();
    assert_eq!(site.html("fr/mentions-legales/index.html").texts("#custom"), ["Mentions légales"]);
    assert!(site.html("en/index.html").texts("nav a").contains(&"Latest updates".to_string()));
}

#[test]
fn aliases_redirect_old_urls() {
    let site = Site::minimal();
    site.write(
        "content/pages/about.fr.md",
        "---\ntitle: À propos\naliases: [\"/ancien/a-propos.html\"]\n---\nTexte.\n",
    );
    site.build_ok();
    let redirect = site.read("ancien/a-propos.html");
    assert!(redirect.contains("url=https://example.org/prog/fr/about/"), "{redirect}");
    assert!(redirect.contains("rel=\"canonical\""));
}

#[test]
fn a_failed_build_leaves_the_previous_site_untouched() {
    let site = Site::minimal();
    site.build_ok();
    let before: Vec<(String, String)> =
        site.files().into_iter().map(|f| (site.read(&f), f)).map(|(t, f)| (f, t)).collect();
    site.write("content/news/broken.fr.md", "---\ntitle: [oops\n---\n");
    site.write("content/news/launch.fr.md", "---\ntitle: Nouveau titre\ndate: 2026-02-06\n---\nChangé.\n");
    let run = site.build(&[]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("public left unchanged"), "{}", run.stderr);
    let after: Vec<(String, String)> =
        site.files().into_iter().map(|f| (site.read(&f), f)).map(|(t, f)| (f, t)).collect();
    assert_eq!(before, after);
    let leftovers: Vec<_> = std::fs::read_dir(site.root()).unwrap().flatten().map(|e| e.file_name()).collect();
    assert!(!leftovers.iter().any(|n| n.to_string_lossy().contains("staging")), "{leftovers:?}");
}

#[test]
fn the_demo_portal_builds_without_errors_or_warnings() {
    let out = tempfile::tempdir().unwrap();
    let output = common::passerelle_in_english()
        .args(["build", "--root", env!("CARGO_MANIFEST_DIR"), "--output"])
        .arg(out.path().join("public"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert_eq!(stderr, "", "the demo must build without any diagnostic");
    let home = std::fs::read_to_string(out.path().join("public/fr/index.html")).unwrap();
    assert!(home.contains("COOPJOP"));
    assert!(out.path().join("public/en/projects/coopjop/index.html").exists());
    assert!(out.path().join("public/fr/projets/coopr/index.html").exists());
}

/// Every site path a page links to, mapped to the file that serves it.
fn local_target(url: &str, root: &str) -> Option<String> {
    let path = url.split(['#', '?']).next()?;
    let rest = path.strip_prefix(root)?;
    Some(if rest.is_empty() || rest.ends_with('/') { format!("{rest}index.html") } else { rest.to_string() })
}

#[test]
fn every_link_of_the_demo_portal_leads_to_a_written_file() {
    let site = Site::demo();
    let mut broken = Vec::new();
    for file in site.files().iter().filter(|f| f.ends_with(".html")) {
        let page = site.html(file);
        for (css, attr) in [("a[href]", "href"), ("link[href]", "href"), ("img[src]", "src"), ("script[src]", "src")] {
            for url in page.attrs(css, attr) {
                if let Some(target) = local_target(&url, "/coopjop/")
                    && !site.exists(&target)
                {
                    broken.push(format!("{file} -> {url}"));
                }
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn pages_load_nothing_from_another_host_and_carry_no_bidi_marks() {
    let site = Site::minimal();
    site.build_ok();
    for file in site.files().iter().filter(|f| f.ends_with(".html") || f.ends_with(".css")) {
        let text = site.read(file);
        assert!(!text.contains(['\u{2068}', '\u{2069}']), "{file} has Fluent isolation marks");
        if file.ends_with(".css") {
            assert!(!text.contains("url(http") && !text.contains("@import"), "{file} loads another resource");
            continue;
        }
        let page = site.html(file);
        for (css, attr) in [("link[href]", "href"), ("img[src]", "src"), ("script[src]", "src"), ("iframe[src]", "src")]
        {
            for url in page.attrs(css, attr) {
                let rel_is_link = css == "link[href]" && (url.starts_with("https://example.org/prog/"));
                assert!(url.starts_with('/') || rel_is_link, "{file}: {css} {url} is loaded from another host");
            }
        }
    }
}

/// The JSON-LD graph of a page, parsed.
fn json_ld(site: &Site, path: &str) -> Vec<serde_json::Value> {
    let page = site.html(path);
    let scripts = page.texts("script[type=\"application/ld+json\"]");
    assert_eq!(scripts.len(), 1, "{path} should carry one JSON-LD block");
    let doc: serde_json::Value = serde_json::from_str(&scripts[0]).expect("valid JSON-LD");
    assert_eq!(doc["@context"], "https://schema.org");
    doc["@graph"].as_array().expect("a graph").clone()
}

#[test]
fn item_pages_describe_themselves_in_json_ld() {
    let site = Site::minimal();
    site.build_ok();
    let news = json_ld(&site, "fr/actualites/lancement-coopjop/index.html");
    assert_eq!(news[0]["@type"], "NewsArticle");
    assert_eq!(news[0]["headline"], "Lancement de COOPJOP");
    assert_eq!(news[0]["datePublished"], "2026-02-06");
    assert_eq!(news[0]["inLanguage"], "fr");
    assert_eq!(news[1]["@type"], "BreadcrumbList");
    let crumbs: Vec<&str> =
        news[1]["itemListElement"].as_array().unwrap().iter().map(|c| c["item"].as_str().unwrap()).collect();
    assert_eq!(
        crumbs,
        [
            "https://example.org/prog/fr/",
            "https://example.org/prog/fr/actualites/",
            "https://example.org/prog/fr/actualites/lancement-coopjop/"
        ]
    );

    let action = json_ld(&site, "fr/agenda/launch/index.html");
    assert_eq!(action[0]["@type"], "Event");
    assert_eq!(action[0]["startDate"], "2026-02-06T18:30");
    let partner = json_ld(&site, "fr/partenaires/lombardia/index.html");
    assert_eq!(partner[0]["@type"], "GovernmentOrganization");
    assert_eq!(partner[0]["address"]["addressCountry"], "IT");
    assert_eq!(partner[0]["alternateName"], "Regione Lombardia");
    let project = json_ld(&site, "en/projects/coopjop/index.html");
    assert_eq!(project[0]["@type"], "Project");
    assert_eq!(project[0]["member"].as_array().unwrap().len(), 2);
}

#[test]
fn pages_carry_canonical_description_open_graph_and_twitter_tags() {
    let site = Site::minimal();
    let mut photo = Vec::new();
    image::DynamicImage::new_rgb8(1300, 700)
        .write_to(&mut std::io::Cursor::new(&mut photo), image::ImageFormat::Jpeg)
        .unwrap();
    site.write_bytes("static/img/launch.jpg", &photo);
    site.write(
        "content/news/launch.en.md",
        "---\ntitle: COOPJOP launched\nslug: coopjop-launch\nsummary: The programme starts.\nimage:\n  src: /img/launch.jpg\n  alt: Officials on stage\n---\nText.\n",
    );
    site.build_ok();
    let page = site.html("en/news/coopjop-launch/index.html");
    let meta = |css: &str| page.attrs(css, "content").join("|");
    assert_eq!(page.attrs("link[rel=canonical]", "href"), ["https://example.org/prog/en/news/coopjop-launch/"]);
    assert_eq!(meta("meta[name=description]"), "The programme starts.");
    assert_eq!(meta("meta[property=\"og:title\"]"), "COOPJOP launched");
    assert_eq!(meta("meta[property=\"og:type\"]"), "article");
    // The original is not published: its 1200×630 crop is shown.
    let image = meta("meta[property=\"og:image\"]");
    assert!(image.starts_with("https://example.org/prog/img/launch-") && image.ends_with("-1200x630.jpg"), "{image}");
    assert_eq!(meta("meta[property=\"og:image:width\"]"), "1200");
    assert_eq!(meta("meta[property=\"og:image:height\"]"), "630");
    assert_eq!(meta("meta[property=\"og:image:alt\"]"), "Officials on stage");
    assert_eq!(meta("meta[name=\"twitter:card\"]"), "summary_large_image");
    assert!(page.attrs("img", "alt").contains(&"Officials on stage".to_string()));
    let home = site.html("en/index.html");
    assert_eq!(home.attrs("meta[name=\"twitter:card\"]", "content"), ["summary"]);
}
