//! What a portal publishes besides pages, read back with independent
//! parsers: Atom feeds (feed-rs) and iCalendar agendas (icalendar).

mod common;

use common::Site;
use icalendar::parser::{Component, read_calendar, unfold};

fn feed(site: &Site, path: &str) -> feed_rs::model::Feed {
    let xml = site.read(path);
    roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{path} is not well-formed XML: {e}"));
    feed_rs::parser::parse(xml.as_bytes()).unwrap_or_else(|e| panic!("{path} is not a valid feed: {e}"))
}

/// Every VEVENT of an agenda, with the calendar's VTIMEZONE names.
fn events(site: &Site, path: &str) -> (Vec<Component<'static>>, Vec<String>) {
    let text: &'static str = Box::leak(unfold(&site.read(path)).into_boxed_str());
    let calendar = read_calendar(text).unwrap_or_else(|e| panic!("{path} is not valid iCalendar: {e}"));
    let events: Vec<Component> = calendar.components.iter().filter(|c| c.name == "VEVENT").cloned().collect();
    let zones = calendar
        .components
        .iter()
        .filter(|c| c.name == "VTIMEZONE")
        .filter_map(|c| c.find_prop("TZID").map(|p| p.val.as_str().to_string()))
        .collect();
    (events, zones)
}

fn prop(event: &Component, name: &str) -> String {
    event.find_prop(name).map(|p| p.val.as_str().to_string()).unwrap_or_default()
}

fn param(event: &Component, name: &str, key: &str) -> Option<String> {
    let property = event.find_prop(name)?;
    property.params.iter().find(|p| p.key == key).and_then(|p| p.val.as_ref().map(|v| v.as_str().to_string()))
}

fn with_actions() -> Site {
    let site = Site::minimal();
    site.write(
        "content/projects/coopjop.fr.md",
        "---\ntitle: COOPJOP\nstatus: ongoing\nstart: 2025-10-01\nend: 2027-12-31\nlead: region-sud\npartners: [region-sud, lombardia]\ntime_zone: Europe/Paris\n---\nUn programme.\n",
    );
    site.write(
        "content/actions/visit.fr.md",
        "---\ntitle: Visite de terrain\nproject: coopjop\nstart: 2026-04-20\nend: 2026-04-23\nlocation: Milan\nkind: field-visit\n---\nVisite.\n",
    );
    site.write(
        "content/actions/webinar.fr.md",
        "---\ntitle: Webinaire\nproject: coopjop\nstart: 2026-07-02T10:00\nend: 2026-07-02T11:30\nonline: true\ntime_zone: America/Denver\n---\nEn ligne.\n",
    );
    site
}

#[test]
fn each_language_has_an_atom_feed_of_its_news() {
    let site = Site::minimal();
    site.write(
        "content/news/second.fr.md",
        "---\ntitle: Deuxième & « dernière »\ndate: 2026-02-20\n---\nTexte <b>gras</b>.\n",
    );
    site.build_ok();
    let fr = feed(&site, "fr/atom.xml");
    assert_eq!(fr.language.as_deref(), Some("fr"));
    let titles: Vec<String> = fr.entries.iter().map(|e| e.title.as_ref().unwrap().content.clone()).collect();
    assert_eq!(titles, ["Deuxième & « dernière »", "Lancement de COOPJOP"], "newest first");
    let links: Vec<&str> = fr.entries.iter().map(|e| e.links[0].href.as_str()).collect();
    assert_eq!(
        links,
        ["https://example.org/prog/fr/actualites/second/", "https://example.org/prog/fr/actualites/lancement-coopjop/"]
    );
    assert!(
        fr.links.iter().any(|l| l.rel.as_deref() == Some("self") && l.href == "https://example.org/prog/fr/atom.xml")
    );
    assert_eq!(fr.updated.unwrap().to_rfc3339(), "2026-02-20T00:00:00+00:00");
    let first = &fr.entries[0];
    assert!(first.content.as_ref().unwrap().body.as_ref().unwrap().contains("<b>gras</b>"));
    let en = feed(&site, "en/atom.xml");
    assert_eq!(en.entries.len(), 1, "the English feed has the English news only");
    assert_eq!(en.entries[0].title.as_ref().unwrap().content, "COOPJOP launched");
}

#[test]
fn every_page_points_to_its_languages_feed() {
    let site = Site::minimal();
    site.build_ok();
    for (page, feed) in
        [("fr/index.html", "/prog/fr/atom.xml"), ("en/projects/coopjop/index.html", "/prog/en/atom.xml")]
    {
        let hrefs = site.html(page).attrs("link[rel=alternate][type=\"application/atom+xml\"]", "href");
        assert!(hrefs.contains(&feed.to_string()), "{page}: {hrefs:?}");
    }
}

#[test]
fn projects_have_their_own_feed_and_agenda() {
    let site = with_actions();
    site.build_ok();
    let project_feed = feed(&site, "fr/projets/coopjop/atom.xml");
    assert_eq!(project_feed.entries.len(), 1);
    let (project_events, _) = events(&site, "fr/projets/coopjop/agenda.ics");
    let uids: Vec<String> = project_events.iter().map(|e| prop(e, "UID")).collect();
    assert_eq!(uids, ["launch@example.org", "visit@example.org", "webinar@example.org"]);
    let page = site.html("fr/projets/coopjop/index.html");
    let links = page.attrs("a", "href");
    assert!(links.contains(&"/prog/fr/projets/coopjop/atom.xml".to_string()));
    assert!(links.contains(&"/prog/fr/projets/coopjop/agenda.ics".to_string()));
}

#[test]
fn the_agenda_is_valid_icalendar_with_exclusive_all_day_ends_and_time_zones() {
    let site = with_actions();
    site.build_ok();
    let (events, zones) = events(&site, "fr/agenda.ics");
    assert_eq!(events.len(), 3);
    for event in &events {
        for required in ["UID", "DTSTAMP", "DTSTART"] {
            assert!(event.find_prop(required).is_some(), "{} lacks {required}", prop(event, "UID"));
        }
    }
    let by_uid = |uid: &str| events.iter().find(|e| prop(e, "UID") == uid).unwrap();
    let visit = by_uid("visit@example.org");
    assert_eq!(prop(visit, "DTSTART"), "20260420");
    assert_eq!(prop(visit, "DTEND"), "20260424", "an all-day end is exclusive");
    assert_eq!(param(visit, "DTSTART", "VALUE").as_deref(), Some("DATE"));
    assert_eq!(prop(visit, "LOCATION"), "Milan");

    let launch = by_uid("launch@example.org");
    assert_eq!(prop(launch, "DTSTART"), "20260206T183000");
    assert_eq!(param(launch, "DTSTART", "TZID").as_deref(), Some("Europe/Paris"), "the project's time zone");

    let webinar = by_uid("webinar@example.org");
    assert_eq!(param(webinar, "DTSTART", "TZID").as_deref(), Some("America/Denver"), "the action's own zone wins");
    assert_eq!(prop(webinar, "DTEND"), "20260702T113000");
    assert_eq!(prop(webinar, "CONFERENCE"), "https://example.org/prog/fr/agenda/webinar/");
    let mut zones = zones;
    zones.sort();
    assert_eq!(zones, ["America/Denver", "Europe/Paris"], "a VTIMEZONE for every TZID used");
}

#[test]
fn each_action_page_offers_its_own_ics_file() {
    let site = with_actions();
    site.build_ok();
    let page = site.html("fr/agenda/visit/index.html");
    assert!(page.attrs("a[download]", "href").contains(&"/prog/fr/agenda/visit/visit.ics".to_string()));
    let (events, _) = events(&site, "fr/agenda/visit/visit.ics");
    assert_eq!(events.len(), 1);
    assert_eq!(prop(&events[0], "UID"), "visit@example.org");
}

#[test]
fn an_unknown_time_zone_is_an_error_with_its_line() {
    let site = with_actions();
    site.write(
        "content/actions/visit.fr.md",
        "---\ntitle: Visite\nproject: coopjop\nstart: 2026-04-20T09:00\ntime_zone: Europe/Pariss\n---\n",
    );
    let run = site.build(&[]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.diagnostics(),
        [
            "content/actions/visit.fr.md:5:12: unknown time zone 'Europe/Pariss'\n  hint: use an IANA time zone name, e.g. Europe/Paris, America/Denver, Africa/Dakar"
        ]
    );
}

#[test]
fn the_demo_portals_feeds_and_agendas_parse() {
    let site = Site::demo();
    for lang in ["fr", "en"] {
        let news = feed(&site, &format!("{lang}/atom.xml"));
        assert!(news.entries.len() >= 4, "{lang}: {} entries", news.entries.len());
        let (events, _) = events(&site, &format!("{lang}/agenda.ics"));
        assert!(events.len() >= 10, "{lang}: {} events", events.len());
        assert!(events.iter().all(|e| e.find_prop("UID").is_some() && e.find_prop("DTSTAMP").is_some()));
    }
}

/// (loc, hreflang → href) of every sitemap entry, read with roxmltree.
fn sitemap_entries(site: &Site) -> Vec<(String, Vec<(String, String)>)> {
    let xml = site.read("sitemap.xml");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed sitemap");
    let sitemap_ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    let xhtml_ns = "http://www.w3.org/1999/xhtml";
    doc.root_element()
        .children()
        .filter(|n| n.has_tag_name((sitemap_ns, "url")))
        .map(|url| {
            let loc = url.children().find(|n| n.has_tag_name((sitemap_ns, "loc"))).and_then(|n| n.text()).unwrap();
            let links = url
                .children()
                .filter(|n| n.has_tag_name((xhtml_ns, "link")))
                .map(|l| (l.attribute("hreflang").unwrap().to_string(), l.attribute("href").unwrap().to_string()))
                .collect();
            (loc.to_string(), links)
        })
        .collect()
}

/// The output file that serves an absolute URL of the site.
fn file_of(url: &str, base: &str) -> String {
    let rest = url.strip_prefix(base).unwrap_or_else(|| panic!("{url} is not under {base}"));
    if rest.is_empty() || rest.ends_with('/') { format!("{rest}index.html") } else { rest.to_string() }
}

#[test]
fn the_sitemap_lists_every_page_once_with_reciprocal_alternates() {
    let site = Site::demo();
    let base = "https://example.org/coopjop/";
    let entries = sitemap_entries(&site);
    let locs: std::collections::BTreeSet<&str> = entries.iter().map(|(loc, _)| loc.as_str()).collect();
    assert_eq!(locs.len(), entries.len(), "every page is listed once");
    for (loc, links) in &entries {
        assert!(site.exists(&file_of(loc, base)), "{loc} is not in the output");
        let find = |lang: &str| links.iter().find(|(l, _)| l == lang).map(|(_, h)| h.as_str());
        assert_eq!(find("x-default"), find("fr"), "{loc}: x-default is the French version");
        for (lang, href) in links.iter().filter(|(l, _)| l != "x-default") {
            let (_, back) = entries.iter().find(|(l, _)| l == href).unwrap_or_else(|| panic!("{href} has no entry"));
            let own_lang = links.iter().find(|(_, h)| h == loc).map(|(l, _)| l.clone()).unwrap();
            assert!(back.iter().any(|(l, h)| *l == own_lang && h == loc), "{loc} → {href} ({lang}) is not reciprocal");
        }
    }
    let html_pages = site.files().iter().filter(|f| f.ends_with("index.html") && *f != "index.html").count();
    assert_eq!(entries.len(), html_pages, "every page but the root chooser is in the sitemap");
    assert!(site.read("robots.txt").contains("Sitemap: https://example.org/coopjop/sitemap.xml"));
}

#[test]
fn a_small_site_keeps_one_urlset_sitemap_and_no_sitemap_index() {
    let site = Site::minimal();
    site.build_ok();
    let xml = site.read("sitemap.xml");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed sitemap");
    let urlset = ("http://www.sitemaps.org/schemas/sitemap/0.9", "urlset");
    assert!(doc.root_element().has_tag_name(urlset), "sitemap.xml is a urlset, not an index");
    let sitemaps: Vec<String> = site.files().into_iter().filter(|f| f.starts_with("sitemap")).collect();
    assert_eq!(sitemaps, ["sitemap.xml"], "no sitemap-1.xml below the protocol's limits");
    assert!(site.read("robots.txt").ends_with("\nSitemap: https://example.org/prog/sitemap.xml\n"));
}

#[test]
fn each_language_has_a_search_index_that_folds_accents() {
    let site = Site::demo();
    let meta: serde_json::Value = serde_json::from_str(&site.read("fr/search-index/meta.json")).expect("valid JSON");
    let shards = meta["shards"].as_array().unwrap().len();
    let mut words = Vec::new();
    for n in 0..shards {
        let shard: serde_json::Value =
            serde_json::from_str(&site.read(&format!("fr/search-index/terms/{n}.json"))).unwrap();
        words.extend(shard["words"].as_array().unwrap().iter().map(|w| w.as_str().unwrap().to_owned()));
    }
    assert!(words.contains(&"cooperation".to_owned()), "accents are folded in the index");
    assert!(!words.iter().any(|t| t.contains('é')), "no accented word remains");
    assert!(words.is_sorted(), "the shards cover consecutive ranges of words");
    let titled =
        |docs: &serde_json::Value| docs.as_array().unwrap().iter().any(|d| d[1].as_str().unwrap().contains("Coopérer"));
    let pages = meta["docs"].as_u64().unwrap().div_ceil(meta["page"].as_u64().unwrap());
    let all: Vec<serde_json::Value> = (0..pages)
        .map(|n| serde_json::from_str(&site.read(&format!("fr/search-index/docs/{n}.json"))).unwrap())
        .collect();
    assert!(all.iter().any(titled), "titles are kept as written");
    let en: serde_json::Value = serde_json::from_str(&site.read("en/search-index/meta.json")).unwrap();
    assert!(en["docs"].as_u64().unwrap() >= 40);
    assert!(site.exists("fr/recherche/index.html") && site.exists("en/search/index.html"));
}
