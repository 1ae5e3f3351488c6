//! The agenda, per language and per project: actions split at a fixed
//! build date (`PASSERELLE_TODAY`), grouped by the month they start in,
//! times shown in the zone the action is held in, the links to subscribe,
//! and a project's next action.

mod common;

use common::{Page, Site, minimal_files};

const TODAY: &str = "2026-03-01";

/// The minimal site, its project in Paris time, with actions on both sides
/// of the build date, one spanning two months, one in Utah, and a second
/// project whose actions are all over.
fn site() -> Site {
    let mut files = minimal_files();
    files.retain(|(path, _)| !path.starts_with("content/projects/coopjop.fr"));
    files.extend([
        (
            "content/projects/coopjop.fr.md",
            "---\ntitle: COOPJOP\nacronym: COOPJOP\nstatus: ongoing\nstart: 2025-10-01\nend: 2027-12-31\nlead: region-sud\npartners: [region-sud, lombardia]\ntime_zone: Europe/Paris\n---\nUn programme : coopérer !\n",
        ),
        ("content/actions/launch.en.md", "---\ntitle: Official launch\n---\nSee the programme.\n"),
        (
            "content/actions/workshop.fr.md",
            "---\ntitle: Atelier en cours\nproject: coopjop\nstart: 2026-02-20\nend: 2026-03-05\nlocation: Marseille\n---\nUn atelier.\n",
        ),
        (
            "content/actions/seminar.fr.md",
            "---\ntitle: Séminaire de printemps\nproject: coopjop\nstart: 2026-03-28\nend: 2026-04-02\n---\nUn séminaire.\n",
        ),
        (
            "content/actions/summer.fr.md",
            "---\ntitle: Journée d'été\nproject: coopjop\nstart: 2026-07-10T09:00\nend: 2026-07-10T17:00\nlocation: Nice\n---\nUne journée.\n",
        ),
        ("content/actions/summer.en.md", "---\ntitle: Summer day\n---\nA day.\n"),
        (
            "content/actions/utah.fr.md",
            "---\ntitle: Visite dans l'Utah\nproject: coopjop\nstart: 2027-02-15T10:00\ntime_zone: America/Denver\nlocation: Salt Lake City\n---\nUne visite.\n",
        ),
        ("content/actions/utah.en.md", "---\ntitle: Utah visit\n---\nA visit.\n"),
        (
            "content/actions/old.fr.md",
            "---\ntitle: Réunion d'automne\nproject: coopjop\nstart: 2025-11-12\n---\nUne réunion.\n",
        ),
        ("content/projects/coopr.fr.md", "---\ntitle: COOP'R\nstatus: completed\nstart: 2023-11-01\nend: 2025-07-31\n---\nFini.\n"),
        ("content/actions/coopr-end.fr.md", "---\ntitle: Clôture de COOP'R\nproject: coopr\nstart: 2025-07-08\n---\nFin.\n"),
    ]);
    let site = Site::new(&files);
    let run = site.run_with(&[("LANG", "C.UTF-8"), ("PASSERELLE_TODAY", TODAY)], &["build"]);
    assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);
    site
}

/// Headings of the agenda part of a page, in document order, as "hN text".
fn outline(page: &Page, scope: &str) -> Vec<String> {
    let mut out = Vec::new();
    let selector = scraper::Selector::parse(&format!("{scope} h2, {scope} h3, {scope} h4")).unwrap();
    for heading in page.0.select(&selector) {
        let text: String = heading.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ");
        out.push(format!("{} {text}", heading.value().name()));
    }
    out
}

fn strings(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|t| t.to_string()).collect()
}

fn build_with_today(site: &Site, today: &str) -> common::Run {
    site.run_with(&[("LANG", "C.UTF-8"), ("PASSERELLE_TODAY", today)], &["build"])
}

#[test]
fn the_french_agenda_lists_upcoming_then_past_actions_by_month() {
    let site = site();
    let page = site.html("fr/agenda/index.html");
    let expected = [
        "h2 Actions à venir",
        // Still running on the build date: upcoming, under the month it started in.
        "h3 février 2026",
        "h4 Atelier en cours",
        // From 28 March to 2 April: under March only.
        "h3 mars 2026",
        "h4 Séminaire de printemps",
        "h3 juillet 2026",
        "h4 Journée d'été",
        "h3 février 2027",
        "h4 Visite dans l'Utah",
        // Past actions, the latest first.
        "h2 Actions passées",
        "h3 février 2026",
        "h4 Lancement officiel",
        "h3 novembre 2025",
        "h4 Réunion d'automne",
        "h3 juillet 2025",
        "h4 Clôture de COOP'R",
    ];
    assert_eq!(outline(&page, ".agenda"), strings(&expected));
    assert_eq!(page.texts(".agenda--upcoming .card__place"), ["Marseille", "Nice", "Salt Lake City"]);
}

#[test]
fn the_english_agenda_names_months_in_english() {
    let site = site();
    let page = site.html("en/agenda/index.html");
    let expected = [
        "h2 Upcoming actions",
        "h3 July 2026",
        "h4 Summer day",
        "h3 February 2027",
        "h4 Utah visit",
        "h2 Past actions",
        "h3 February 2026",
        "h4 Official launch",
    ];
    assert_eq!(outline(&page, ".agenda"), strings(&expected));
}

#[test]
fn times_are_shown_in_the_zone_of_the_action_with_its_offset_on_that_date() {
    let site = site();
    let fr = site.html("fr/agenda/index.html");
    // Paris (the project's zone) in winter and in summer; Denver for Utah
    // (the action's own zone); a date without a time has no offset.
    assert_eq!(
        fr.attrs(".agenda time", "datetime"),
        [
            "2026-02-20",
            "2026-03-05",
            "2026-03-28",
            "2026-04-02",
            "2026-07-10T09:00+02:00",
            "2026-07-10T17:00+02:00",
            "2027-02-15T10:00-07:00",
            "2026-02-06T18:30+01:00",
            "2025-11-12",
            "2025-07-08",
        ]
    );
    assert_eq!(
        fr.texts(".agenda .card__date"),
        [
            "20 février 2026 – au 5 mars 2026",
            "28 mars 2026 – au 2 avril 2026",
            // Both ends in the same zone: it is named once.
            "10 juillet 2026 à 09:00 – au 10 juillet 2026 à 17:00 (heure de Paris, UTC+2)",
            "15 février 2027 à 10:00 (heure de Denver, UTC\u{2212}7)",
            "6 février 2026 à 18:30 (heure de Paris, UTC+1)",
            "12 novembre 2025",
            "8 juillet 2025",
        ]
    );
    let en = site.html("en/agenda/index.html");
    assert_eq!(
        en.texts(".agenda .card__date"),
        [
            "10 July 2026 at 09:00 – to 10 July 2026 at 17:00 (Paris time, UTC+2)",
            "15 February 2027 at 10:00 (Denver time, UTC\u{2212}7)",
            "6 February 2026 at 18:30 (Paris time, UTC+1)",
        ]
    );
    // The action's own page too.
    let action = site.html("fr/agenda/utah/index.html");
    assert_eq!(action.attrs(".facts time", "datetime"), ["2027-02-15T10:00-07:00"]);
    assert_eq!(action.texts(".facts dd")[1], "15 février 2027 à 10:00 (heure de Denver, UTC\u{2212}7)");
}

#[test]
fn the_agenda_links_to_its_calendar_under_the_sites_base_path() {
    let site = site();
    let fr = site.html("fr/agenda/index.html");
    assert_eq!(
        fr.texts(".agenda__subscribe a"),
        ["S'abonner au calendrier (iCalendar)", "ouvrir dans mon application d'agenda"]
    );
    assert_eq!(
        fr.attrs(".agenda__subscribe a", "href"),
        ["/prog/fr/agenda.ics", "webcal://example.org/prog/fr/agenda.ics"]
    );
    assert!(site.exists("fr/agenda.ics"));
    let en = site.html("en/agenda/index.html");
    assert_eq!(
        en.texts(".agenda__subscribe a"),
        ["Subscribe to the calendar (iCalendar)", "open in my calendar application"]
    );
    assert_eq!(en.attrs(".agenda__subscribe a", "href")[0], "/prog/en/agenda.ics");
}

#[test]
fn a_project_page_shows_its_next_action_and_its_own_agenda() {
    let site = site();
    let page = site.html("fr/projets/coopjop/index.html");
    assert_eq!(page.texts(".next-action h2"), ["Prochaine action"]);
    assert_eq!(page.texts(".next-action__name a"), ["Atelier en cours"]);
    assert_eq!(page.attrs(".next-action__name a", "href"), ["/prog/fr/agenda/workshop/"]);
    assert_eq!(page.texts(".next-action__when"), ["20 février 2026 – au 5 mars 2026"]);
    assert_eq!(page.texts(".next-action__where"), ["Marseille"]);
    // Near the top: right after the title, before the key facts.
    let html = site.read("fr/projets/coopjop/index.html");
    assert!(html.find("next-action").unwrap() < html.find("facts-title").unwrap());

    let outline = outline(&page, ".agenda");
    assert_eq!(outline.first().map(String::as_str), Some("h2 Actions à venir"));
    assert!(outline.contains(&"h3 février 2027".to_string()), "{outline:?}");
    assert!(!outline.iter().any(|h| h.contains("COOP'R")), "only the project's own actions: {outline:?}");
    assert_eq!(
        page.attrs(".agenda__subscribe a", "href"),
        ["/prog/fr/projets/coopjop/agenda.ics", "webcal://example.org/prog/fr/projets/coopjop/agenda.ics"]
    );
    assert!(site.exists("fr/projets/coopjop/agenda.ics"));
}

#[test]
fn a_project_whose_actions_are_all_over_shows_no_next_action() {
    let site = site();
    let page = site.html("fr/projets/coopr/index.html");
    assert!(page.texts(".next-action").is_empty());
    assert_eq!(
        outline(&page, ".agenda"),
        strings(&["h2 Actions à venir", "h2 Actions passées", "h3 juillet 2025", "h4 Clôture de COOP'R"])
    );
    assert_eq!(
        page.texts(".agenda--upcoming > p:not(.agenda__subscribe)"),
        ["Aucune action n'est prévue pour le moment."]
    );
}

#[test]
fn the_build_date_decides_what_is_upcoming() {
    let site = site();
    // A day after the workshop ended, the spring seminar is next.
    let run = build_with_today(&site, "2026-03-06");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = site.html("fr/projets/coopjop/index.html");
    assert_eq!(page.texts(".next-action__name a"), ["Séminaire de printemps"]);
    // Its last day still counts as upcoming.
    let run = build_with_today(&site, "2026-04-02");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = site.html("fr/projets/coopjop/index.html");
    assert_eq!(page.texts(".next-action__name a"), ["Séminaire de printemps"]);
    // After the last one, none.
    let run = build_with_today(&site, "2027-03-01");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(site.html("fr/projets/coopjop/index.html").texts(".next-action").is_empty());
}

#[test]
fn a_build_date_that_is_not_a_date_is_refused() {
    let site = site();
    let run = build_with_today(&site, "1 March");
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr.trim(),
        "error: PASSERELLE_TODAY must be a date written YYYY-MM-DD (e.g. 2026-03-01), not '1 March'"
    );
    let run = site.run_with(&[("LANG", "fr_FR.UTF-8"), ("PASSERELLE_TODAY", "2026-02-30")], &["build"]);
    assert_eq!(
        run.stderr.trim(),
        "erreur : PASSERELLE_TODAY doit être une date écrite AAAA-MM-JJ (par exemple 2026-03-01), pas « 2026-02-30 »"
    );
}
