//! Partner names as readers get them: `{{ partner(id="…") }}` inside a
//! sentence links the partner's page in the page language, and a name in
//! another language or script carries its `lang` (and `dir`, isolated, for
//! a right-to-left script); partner pages show official names the same way.

mod common;

use common::{Site, minimal_files};

/// The minimal site plus a Moroccan partner with an Arabic official name and
/// an "about" page naming partners in French and English.
fn site_with(fr_body: &str, en_body: &str) -> Site {
    let fr = format!("---\ntitle: À propos\n---\n{fr_body}\n");
    let en = format!("---\ntitle: About\n---\n{en_body}\n");
    let mut files = minimal_files();
    files.push((
        "content/partners/fes-meknes.fr.md",
        "---\ntitle: Région Fès-Meknès\nofficial_name: \"جهة فاس مكناس\"\nofficial_lang: ar\nkind: region\ncountry: MA\n---\nPartenaire marocain.\n",
    ));
    files.push(("content/partners/fes-meknes.en.md", "---\ntitle: Fez-Meknes Region\n---\nMoroccan partner.\n"));
    files.push(("content/pages/about.fr.md", &fr));
    files.push(("content/pages/about.en.md", &en));
    Site::new(&files)
}

fn named_site() -> Site {
    site_with(
        "La {{ partner(id=\"region-sud\") }} coopère avec la {{ partner(id=\"lombardia\", name=\"official\") }} \
         et la {{ partner(id=\"fes-meknes\", name=\"official\") }}, au Maroc.",
        "The {{ partner(id=\"region-sud\") }} works with {{ partner(id=\"lombardia\") }} and \
         {{ partner(id=\"fes-meknes\") }} ({{ partner(id=\"fes-meknes\", name=\"official\") }}).",
    )
}

/// (text, href, lang, dir) of every partner name in the page's text.
fn names(site: &Site, path: &str) -> Vec<(String, String, String, String)> {
    let page = site.html(path);
    let css = "main p a.partner-name";
    let texts = page.texts(css);
    let selector = scraper::Selector::parse(css).unwrap();
    let attr = |e: &scraper::ElementRef, name: &str| e.value().attr(name).unwrap_or("-").to_string();
    page.0
        .select(&selector)
        .zip(texts)
        .map(|(e, text)| (text, attr(&e, "href"), attr(&e, "lang"), attr(&e, "dir")))
        .collect()
}

fn name(text: &str, href: &str, lang: &str, dir: &str) -> (String, String, String, String) {
    (text.into(), href.into(), lang.into(), dir.into())
}

#[test]
fn a_partner_named_in_a_french_sentence_links_its_french_page_and_marks_foreign_names() {
    let site = named_site();
    site.build_ok();
    assert_eq!(
        names(&site, "fr/about/index.html"),
        [
            name("Région Sud", "/prog/fr/partenaires/region-sud/", "-", "-"),
            name("Regione Lombardia", "/prog/fr/partenaires/lombardia/", "it", "-"),
            name("جهة فاس مكناس", "/prog/fr/partenaires/fes-meknes/", "ar", "rtl"),
        ]
    );
    let html = site.read("fr/about/index.html");
    assert!(
        html.contains(
            "<p>La <a class=\"partner-name\" href=\"/prog/fr/partenaires/region-sud/\">Région Sud</a> coopère avec la \
             <a class=\"partner-name\" href=\"/prog/fr/partenaires/lombardia/\" lang=\"it\">Regione Lombardia</a> et la \
             <a class=\"partner-name\" href=\"/prog/fr/partenaires/fes-meknes/\" lang=\"ar\" dir=\"rtl\">جهة فاس مكناس</a>, \
             au Maroc.</p>"
        ),
        "one paragraph, the names inline, the comma after the Arabic name outside its isolated link:\n{html}"
    );
}

#[test]
fn a_partner_named_in_an_english_sentence_links_its_english_page_or_its_untranslated_one() {
    let site = named_site();
    site.build_ok();
    assert_eq!(
        names(&site, "en/about/index.html"),
        [
            name("Sud Region", "/prog/en/partners/region-sud/", "-", "-"),
            name("Région Lombardie", "/prog/fr/partenaires/lombardia/", "fr", "-"),
            name("Fez-Meknes Region", "/prog/en/partners/fes-meknes/", "-", "-"),
            name("جهة فاس مكناس", "/prog/en/partners/fes-meknes/", "ar", "rtl"),
        ]
    );
    assert!(
        site.read("en/about/index.html").contains(
            "(<a class=\"partner-name\" href=\"/prog/en/partners/fes-meknes/\" lang=\"ar\" dir=\"rtl\">جهة فاس مكناس</a>).</p>"
        ),
        "the parentheses stay outside the Arabic name"
    );
}

#[test]
fn a_short_name_can_be_chosen_and_a_partner_alone_in_its_paragraph_stays_a_paragraph() {
    let mut files = minimal_files();
    files.retain(|(p, _)| *p != "content/partners/region-sud.en.md");
    files.push(("content/partners/region-sud.en.md", "---\ntitle: Sud Region\nshort_name: Sud\n---\nLead.\n"));
    files.push((
        "content/pages/about.en.md",
        "---\ntitle: About\n---\n{{ partner(id=\"region-sud\", name=\"short\") }}\n",
    ));
    let site = Site::new(&files);
    site.build_ok();
    assert!(
        site.read("en/about/index.html")
            .contains("<p><a class=\"partner-name\" href=\"/prog/en/partners/region-sud/\">Sud</a></p>")
    );
}

#[test]
fn partner_pages_show_the_official_name_in_its_language_and_direction() {
    let site = named_site();
    site.build_ok();
    let official = |path: &str| {
        let page = site.html(path);
        let css = ".facts dd span[lang]";
        let texts = page.texts(css);
        (texts, page.attrs(css, "lang"), page.attrs(css, "dir"))
    };
    assert_eq!(
        official("fr/partenaires/lombardia/index.html"),
        (vec!["Regione Lombardia".to_string()], vec!["it".to_string()], vec![])
    );
    assert_eq!(
        official("en/partners/fes-meknes/index.html"),
        (vec!["جهة فاس مكناس".to_string()], vec!["ar".to_string()], vec!["rtl".to_string()])
    );
    assert!(
        site.read("fr/partenaires/fes-meknes/index.html")
            .contains("<dd><span lang=\"ar\" dir=\"rtl\">جهة فاس مكناس</span></dd>")
    );
}

#[test]
fn an_unknown_partner_or_name_is_an_error_where_it_is_written_with_did_you_mean() {
    let site = site_with(
        "Intro.\n\nAvec la {{ partner(id=\"lombardie\") }} et\nla {{ partner(id=\"region-sud\", name=\"officiel\") }}.\n\n\
         {{ partner(id=\"nowhere\") }}\n\n{{ partner(name=\"short\") }} et {{ partner(id=\"region-sud\", nom=\"short\") }}",
        "{{ partner(id=\"lombardia\", name=\"short\") }}",
    );
    let run = site.build(&[]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.diagnostics(),
        [
            "content/pages/about.en.md:4:1: shortcode 'partner' failed: partner 'lombardia' has no short_name\n  \
             hint: add short_name to content/partners/lombardia.fr.md, or leave out name= to show its title",
            "content/pages/about.fr.md:6:9: shortcode 'partner' failed: unknown partner 'lombardie'\n  \
             hint: did you mean 'lombardia'?",
            "content/pages/about.fr.md:7:4: shortcode 'partner' failed: unknown name 'officiel'\n  \
             hint: did you mean 'official'?",
            "content/pages/about.fr.md:9:1: shortcode 'partner' failed: unknown partner 'nowhere'\n  \
             hint: partners: fes-meknes, lombardia, region-sud",
            "content/pages/about.fr.md:11:1: shortcode 'partner' failed: missing argument 'id'\n  \
             hint: arguments: id, name",
            "content/pages/about.fr.md:11:32: shortcode 'partner' failed: unknown argument 'nom'\n  \
             hint: did you mean 'name'?",
        ]
    );
}

#[test]
fn partner_mistakes_read_in_french_for_a_french_user() {
    let site = site_with("Avec la {{ partner(id=\"lombardie\") }}.", "Text.");
    let run = site.run_fr(&["build"]);
    assert_eq!(
        run.diagnostics(),
        ["content/pages/about.fr.md:4:9: le shortcode « partner » a échoué : partenaire « lombardie » inconnu\n  \
          conseil : vouliez-vous dire « lombardia » ?"]
    );
}

#[test]
fn a_block_shortcode_inside_a_sentence_is_an_error() {
    let site = site_with("Voici {{ partners_map() }} la carte.", "Text.");
    let run = site.build(&[]);
    assert_eq!(
        run.diagnostics(),
        [
            "content/pages/about.fr.md:4:7: shortcode 'partners_map' draws a block: it must stand alone in its paragraph\n  \
          hint: put the call on a line of its own, with a blank line before and after"
        ]
    );
}

#[test]
fn an_official_language_that_is_no_language_code_is_reported_where_it_is_written() {
    let mut files = minimal_files();
    files.retain(|(p, _)| !p.starts_with("content/partners/lombardia"));
    files.push((
        "content/partners/lombardia.fr.md",
        "---\ntitle: Région Lombardie\nofficial_name: Regione Lombardia\nofficial_lang: italian\nkind: region\ncountry: IT\n---\nTexte.\n",
    ));
    let run = Site::new(&files).build(&[]);
    assert_eq!(
        run.diagnostics(),
        [
            "content/partners/lombardia.fr.md:4:16: 'italian' is not a language code\n  hint: use a code like it, en, fr or pt-BR"
        ]
    );
}
