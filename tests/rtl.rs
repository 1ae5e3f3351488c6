//! A right-to-left language: the trilingual French, English and Arabic
//! fixture (tests/fixtures/rtl/) gives Arabic pages `dir="rtl"`, marks
//! text of the other direction, never applies French typography to Arabic,
//! and says which UI strings a site adding Arabic still lacks. Its layout
//! in a browser is checked by tests/browser/rtl.test.mjs.

mod common;

use common::{Site, theme_message_count};

const ARABIC_PAGES: [&str; 8] = [
    "ar/index.html",
    "ar/projects/coopjop/index.html",
    "ar/partners/rabat/index.html",
    "ar/agenda/index.html",
    "ar/agenda/launch/index.html",
    "ar/news/index.html",
    "ar/news/page/2/index.html",
    "ar/search/index.html",
];

/// The `<html …>` start tag of a built page.
fn html_tag(site: &Site, path: &str) -> String {
    let text = site.read(path);
    let start = text.find("<html").unwrap_or_else(|| panic!("{path}: no <html>"));
    text[start..start + text[start..].find('>').expect("a closed tag") + 1].to_string()
}

#[test]
fn arabic_pages_are_right_to_left_and_the_others_unchanged() {
    let site = Site::fixture("rtl");
    site.build_ok();
    for path in ARABIC_PAGES {
        assert_eq!(html_tag(&site, path), r#"<html lang="ar" dir="rtl">"#, "{path}");
    }
    for (path, lang) in [("fr/projets/coopjop/index.html", "fr"), ("en/projects/coopjop/index.html", "en")] {
        assert_eq!(html_tag(&site, path), format!(r#"<html lang="{lang}">"#), "{path}");
    }
    assert_eq!(html_tag(&site, "index.html"), r#"<html lang="fr">"#, "the language chooser");
}

#[test]
fn names_in_the_other_direction_are_isolated_in_the_language_switcher() {
    let site = Site::fixture("rtl");
    site.build_ok();
    let names = |path: &str| {
        let page = site.html(path);
        let langs = page.attrs(".lang-switcher a span[lang]", "lang");
        let dirs: Vec<String> =
            langs.iter().map(|lang| page.attrs(&format!(".lang-switcher span[lang={lang}]"), "dir").join("")).collect();
        langs.into_iter().zip(dirs).collect::<Vec<_>>()
    };
    let pair = |lang: &str, dir: &str| (lang.to_string(), dir.to_string());
    assert_eq!(names("fr/projets/coopjop/index.html"), [pair("fr", ""), pair("ar", "rtl"), pair("en", "")]);
    assert_eq!(names("ar/projects/coopjop/index.html"), [pair("fr", "ltr"), pair("ar", ""), pair("en", "ltr")]);
    // The root's language chooser lists every language's home.
    let chooser = site.html("index.html");
    assert_eq!(chooser.attrs(".lang-homes a[lang=ar]", "dir"), ["rtl"]);
    assert!(chooser.attrs(".lang-homes a[lang=en]", "dir").is_empty());
    // The Moroccan partner's official name on a French page, as before.
    let partner = site.html("fr/partenaires/rabat/index.html");
    assert_eq!(partner.attrs("dd span[lang=ar]", "dir"), ["rtl"]);
}

#[test]
fn french_typography_never_applies_to_arabic_text() {
    let site = Site::fixture("rtl");
    site.build_ok();
    let arabic = site.html("ar/projects/coopjop/index.html").raw_texts(".prose p");
    assert_eq!(arabic[0], "برنامج للتعاون: لنتعاون معا! يقول الشركاء «نعم» ؛ هل توافقون ?");
    let news = site.html("ar/news/coopjop-launch/index.html").raw_texts(".prose p");
    assert_eq!(news[0], "انطلق البرنامج: «أخيرا»!");
    for path in ARABIC_PAGES {
        let text = site.html(path).texts("main").join(" ");
        assert!(!site.read(path).contains(['\u{A0}', '\u{202F}']), "{path} holds a no-break space: {text}");
    }
    // French keeps its typography.
    let french = site.html("fr/projets/coopjop/index.html").raw_texts(".prose p");
    assert_eq!(french[0], "Un programme\u{A0}: coopérer\u{202F}! Les partenaires disent «\u{A0}oui\u{A0}».");
}

#[test]
fn french_content_shown_on_an_arabic_page_is_marked_left_to_right() {
    let site = Site::fixture("rtl");
    let toml = site.read_source("site.toml").replace("paginate = 1", "paginate = 1\ntranslation_fallback = \"banner\"");
    site.write("site.toml", &toml);
    site.write(
        "content/news/only-fr.fr.md",
        "---\ntitle: Seulement en français\ndate: 2026-06-01\n---\nTexte : pas encore traduit !\n",
    );
    site.build_ok();
    let page = site.html("ar/news/only-fr/index.html");
    assert_eq!(page.attrs(".notice span[lang]", "dir"), ["ltr"]);
    assert_eq!(page.attrs(".prose[lang=fr]", "dir"), ["ltr"]);
    assert_eq!(page.raw_texts(".prose p"), ["Texte\u{A0}: pas encore traduit\u{202F}!"]);
    let list = site.html("ar/news/index.html");
    assert_eq!(list.attrs(".card[lang=fr]", "dir"), ["ltr"]);
    assert_eq!(list.attrs(".card[lang=fr] .card__meta", "dir"), ["rtl"]);
}

#[test]
fn a_site_adding_arabic_is_told_which_ui_strings_it_lacks() {
    let site = Site::fixture("rtl");
    site.write("locales/ar/countries.ftl", "country-FR = فرنسا\ncountry-MA = المغرب\n");
    let run = site.build_ok();
    assert_eq!(
        run.diagnostics(),
        [
            "locales/ar/countries.ftl:1:1: warning: 248 UI messages of the theme are missing in language 'ar': country-AD, country-AE, country-AF, country-AG, country-AI and 243 more\n  hint: add them to locales/ar/countries.ftl (the theme's locales/en/main.ftl has every message)"
        ]
    );

    site.remove("locales/ar/countries.ftl");
    site.remove("locales/ar/main.ftl");
    let run = site.build(&[]);
    assert_eq!(run.code, 1);
    let n = theme_message_count();
    assert_eq!(
        run.diagnostics(),
        [format!(
            "site.toml:1:1: no UI strings for language 'ar': the theme's {n} messages are missing (site-description, og-locale, month-1, month-2, month-3 and {} more)\n  hint: create locales/ar/main.ftl with the theme's messages in that language (start from a copy of the theme's locales/en/main.ftl)",
            n - 5
        )]
    );
}

#[test]
fn check_takes_the_arabic_ui_strings_as_the_themes_messages() {
    let site = Site::fixture("rtl");
    let run = site.run(&["check"]);
    let about_ui_strings: Vec<String> =
        run.diagnostics().into_iter().filter(|d| d.starts_with("locales/") || d.contains("message")).collect();
    assert_eq!(about_ui_strings, Vec::<String>::new(), "{}", run.stderr);
}
