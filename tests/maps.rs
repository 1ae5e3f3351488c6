//! Partner maps as visitors get them: the SVG and the list of places in the
//! built pages of fixture sites. The path data is read back with svgtypes
//! (an independent SVG path parser), and each marker is tested against the
//! shape of its partner's country with the even-odd rule browsers use.

mod common;

use common::{Page, Site, minimal_files};
use scraper::{ElementRef, Selector};
use svgtypes::{SimplePathSegment, SimplifyingPathParser};

/// Partners in four countries: two near each other in Utah (one marker),
/// one in Lombardy, one in Marseille, and one in Senegal without a location.
fn map_site() -> Site {
    let partner = |id: &str, title: &str, country: &str, location: Option<&str>| {
        let location = location.map(|l| format!("location: {l}\n")).unwrap_or_default();
        (
            format!("content/partners/{id}.fr.md"),
            format!("---\ntitle: {title}\nkind: region\ncountry: {country}\n{location}---\nPartenaire.\n"),
        )
    };
    let partners = [
        partner("region-sud", "Région Sud", "FR", Some("[43.3046, 5.3803]")),
        partner("lombardia", "Région Lombardie", "IT", Some("[45.4851, 9.195]")),
        partner("utah", "État de l'Utah", "US", Some("[40.7775, -111.888]")),
        partner("salt-lake-city", "Ville de Salt Lake City", "US", Some("[40.7594, -111.8863]")),
        partner("thies", "Région de Thiès", "SN", None),
    ];
    let mut files: Vec<(String, String)> =
        minimal_files().into_iter().map(|(p, t)| (p.to_string(), t.to_string())).collect();
    files.retain(|(p, _)| !p.starts_with("content/partners/lombardia"));
    files.retain(|(p, _)| p != "content/partners/region-sud.fr.md");
    files.extend(partners);
    files.push((
        "content/projects/coopjop.fr.md".into(),
        "---\ntitle: COOPJOP\nacronym: COOPJOP\nstatus: ongoing\nstart: 2025-10-01\nend: 2027-12-31\nlead: region-sud\n\
         partners: [region-sud, lombardia, utah, salt-lake-city, thies]\n---\nUn programme.\n"
            .into(),
    ));
    let files: Vec<(&str, &str)> = files.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    Site::new(&files)
}

/// The rings of an SVG path, in absolute coordinates.
fn rings(d: &str) -> Vec<Vec<[f64; 2]>> {
    let mut rings: Vec<Vec<[f64; 2]>> = Vec::new();
    for segment in SimplifyingPathParser::from(d) {
        match segment.unwrap_or_else(|e| panic!("path data that parses: {e}: {d}")) {
            SimplePathSegment::MoveTo { x, y } => rings.push(vec![[x, y]]),
            SimplePathSegment::LineTo { x, y } => rings.last_mut().expect("a move first").push([x, y]),
            SimplePathSegment::ClosePath => {}
            other => panic!("countries are polygons, not curves: {other:?}"),
        }
    }
    rings
}

/// Even-odd point in polygon, as `fill-rule` evenodd draws it.
fn inside(rings: &[Vec<[f64; 2]>], [x, y]: [f64; 2]) -> bool {
    let mut odd = false;
    for ring in rings {
        for (i, a) in ring.iter().enumerate() {
            let b = ring[(i + 1) % ring.len()];
            if (a[1] > y) != (b[1] > y) && x < a[0] + (y - a[1]) / (b[1] - a[1]) * (b[0] - a[0]) {
                odd = !odd;
            }
        }
    }
    odd
}

fn select<'a>(element: ElementRef<'a>, css: &str) -> Vec<ElementRef<'a>> {
    element.select(&Selector::parse(css).unwrap()).collect()
}

fn number(element: &ElementRef, attr: &str) -> f64 {
    element.value().attr(attr).unwrap_or_else(|| panic!("{attr} on {:?}", element.value())).parse().unwrap()
}

/// Each marker's partner ids, with the country codes of the highlighted
/// shapes that hold its centre in its own panel.
fn markers(page: &Page) -> Vec<(Vec<String>, Vec<String>)> {
    let mut found = Vec::new();
    for panel in page.0.select(&Selector::parse("svg.map__svg g.map__panel").unwrap()) {
        let shapes: Vec<(String, Vec<Vec<[f64; 2]>>)> = select(panel, "path[data-country]")
            .iter()
            .map(|p| (p.value().attr("data-country").unwrap().to_string(), rings(p.value().attr("d").unwrap())))
            .collect();
        for marker in select(panel, "g[data-partner]") {
            let circle = select(marker, "circle")[0];
            let centre = [number(&circle, "cx"), number(&circle, "cy")];
            let ids = marker.value().attr("data-partner").unwrap().split(' ').map(String::from).collect();
            let holders = shapes.iter().filter(|(_, r)| inside(r, centre)).map(|(c, _)| c.clone()).collect();
            found.push((ids, holders));
        }
    }
    found
}

#[test]
fn a_project_map_highlights_each_partner_country_and_puts_each_marker_inside_it() {
    let site = map_site();
    site.build_ok();
    let page = site.html("fr/projets/coopjop/index.html");
    let mut countries = page.attrs("svg.map__svg path[data-country]", "data-country");
    countries.sort();
    assert_eq!(countries, ["FR", "IT", "SN", "US"], "one highlighted shape per partner country");
    assert!(page.attrs("svg.map__svg path:not([data-country])", "d").len() > 3, "neighbours are drawn muted");

    let markers = markers(&page);
    let home = |id: &str| match id {
        "region-sud" => "FR",
        "lombardia" => "IT",
        "utah" | "salt-lake-city" => "US",
        other => panic!("no marker expected for {other}"),
    };
    let mut ids: Vec<&str> = markers.iter().flat_map(|(ids, _)| ids.iter().map(String::as_str)).collect();
    ids.sort();
    assert_eq!(ids, ["lombardia", "region-sud", "salt-lake-city", "utah"], "a marker for each located partner");
    for (ids, holders) in &markers {
        for id in ids {
            assert_eq!(holders, &[home(id)], "the marker of {id} lies inside its country's shape and no other");
        }
    }
    let grouped: Vec<&Vec<String>> = markers.iter().map(|(ids, _)| ids).filter(|ids| ids.len() > 1).collect();
    assert_eq!(grouped, [&vec!["utah".to_string(), "salt-lake-city".to_string()]], "close partners share one marker");
    assert_eq!(page.texts("g[data-partner='utah salt-lake-city'] text"), ["2"], "a shared marker shows its count");

    let mut panels: Vec<Vec<String>> = page
        .0
        .select(&Selector::parse("svg.map__svg g.map__panel").unwrap())
        .map(|panel| {
            select(panel, "path[data-country]")
                .iter()
                .map(|p| p.value().attr("data-country").unwrap().to_string())
                .collect()
        })
        .collect();
    panels.sort();
    assert_eq!(panels, [vec!["FR", "IT"], vec!["SN"], vec!["US"]], "far-apart partners get panels of their own");
}

#[test]
fn the_map_says_in_words_what_it_shows_and_lists_the_places_after_it() {
    let site = map_site();
    site.build_ok();
    let page = site.html("fr/projets/coopjop/index.html");
    assert_eq!(page.attrs("svg.map__svg", "role"), ["img"]);
    assert_eq!(
        page.texts("svg.map__svg > desc"),
        ["5 partenaires dans 4 pays : États-Unis (2), France (1), Italie (1), Sénégal (1)."]
    );
    assert_eq!(page.texts("figure.map + .map__places > ul > li > ul > li > a").len(), 5);
    let places: Vec<String> = page
        .0
        .select(&Selector::parse(".map__places > ul > li").unwrap())
        .map(|li| li.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(
        places,
        [
            "États-Unis État de l'Utah Ville de Salt Lake City",
            "France Région Sud",
            "Italie Région Lombardie",
            "Sénégal Région de Thiès"
        ]
    );
    assert_eq!(page.attrs(".map__places a", "href")[0], "/prog/fr/partenaires/utah/");
    let english = site.html("en/projects/coopjop/index.html");
    assert!(english.texts("svg.map__svg > desc")[0].starts_with("5 partners in 4 countries: France (1), Italy (1)"));

    let html = site.read("fr/projets/coopjop/index.html");
    let svg = &html[html.find("<svg class=\"map__svg\"").unwrap()..html.find("</svg>").unwrap()];
    assert!(!svg.contains("http") || svg.matches("http").count() == 1, "nothing but the SVG namespace names a host");
}

#[test]
fn the_partners_map_shortcode_draws_one_project_or_every_partner() {
    let site = map_site();
    site.write(
        "content/pages/map.fr.md",
        "---\ntitle: Carte\nslug: carte\n---\n{{ partners_map() }}\n\n{{ partners_map(project=\"coopjop\") }}\n",
    );
    site.write("content/pages/map.en.md", "---\ntitle: Map\n---\n{{ partners_map() }}\n");
    site.build_ok();
    let page = site.html("fr/carte/index.html");
    assert_eq!(page.attrs("svg.map__svg", "role").len(), 2);
    let ids = page.attrs("figure.map", "id");
    assert_eq!(ids.len(), 2);
    assert_ne!(ids[0], ids[1], "two maps on a page keep distinct ids");
    let titles = page.texts("svg.map__svg > title");
    assert_eq!(titles[1], "Carte des partenaires de COOPJOP");
}

#[test]
fn a_map_of_an_unknown_project_suggests_the_closest_and_the_build_reports_the_rest() {
    let site = map_site();
    site.write(
        "content/pages/map.fr.md",
        "---\ntitle: Carte\nslug: carte\n---\nVoici la carte.\n\n{{ partners_map(project=\"coopjp\") }}\n\n{{ partners_map(projet=\"coopjop\") }}\n",
    );
    let run = site.build(&[]);
    assert_ne!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.diagnostics(),
        [
            "content/pages/map.fr.md:7:1: shortcode 'partners_map' failed: unknown project 'coopjp'\n  hint: did you mean 'coopjop'?",
            "content/pages/map.fr.md:9:1: shortcode 'partners_map' failed: unknown argument 'projet'\n  hint: did you mean 'project'?",
        ]
    );
}

#[test]
fn the_partners_list_maps_every_partner() {
    let site = map_site();
    site.build_ok();
    let page = site.html("fr/partenaires/index.html");
    let mut countries = page.attrs("svg.map__svg path[data-country]", "data-country");
    countries.sort();
    assert_eq!(countries, ["FR", "IT", "SN", "US"]);
    assert_eq!(markers(&page).iter().map(|(ids, _)| ids.len()).sum::<usize>(), 4);
}

#[test]
fn the_demo_maps_coopr_in_six_countries_in_a_light_svg() {
    let site = Site::demo();
    for path in ["fr/projets/coopr/index.html", "en/projects/coopr/index.html"] {
        let html = site.read(path);
        let start = html.find("<svg class=\"map__svg\"").expect("a map");
        let svg = &html[start..start + html[start..].find("</svg>").unwrap()];
        assert!(svg.len() < 150_000, "{path}: the map weighs {} bytes", svg.len());
        let page = site.html(path);
        let mut countries = page.attrs("svg.map__svg path[data-country]", "data-country");
        countries.sort();
        assert_eq!(countries, ["BJ", "CI", "CM", "FR", "MA", "SN"], "{path}");
        for (ids, holders) in markers(&page) {
            assert_eq!(holders.len(), 1, "{path}: {ids:?} lies in exactly one partner country: {holders:?}");
        }
    }
}
