//! Links to documents of the site: their format, size and language said
//! inside the link in the page language, `{lang=…}` after a link, the
//! `download` shortcode, and a link to a missing file failing the build.

mod common;

use common::Site;

/// The minimal site (base_url `https://example.org/prog/`) with documents
/// of known sizes in static/, and `files`.
fn site_with(files: &[(&str, &str)]) -> Site {
    let site = Site::minimal();
    site.write("static/docs/study.pdf", &"%".repeat(240_000));
    site.write("static/docs/budget.ods", &"0".repeat(1_234_567));
    site.write("static/docs/note.txt", &"a".repeat(400));
    site.write("static/docs/archive.zip", &"z".repeat(2_000_000));
    site.write("static/img/photo.jpg", "not really a jpeg");
    for (path, text) in files {
        site.write(path, text);
    }
    site
}

const DOCS_FR: &str = "---\ntitle: Documents\nslug: documents\n---\nLire [l'étude](/docs/study.pdf), \
[le budget](/docs/budget.ods), [la note](docs/note.txt), [l'archive](/prog/docs/archive.zip) \
et [la photo](/img/photo.jpg \"Photo\").\n";

const DOCS_EN: &str = "---\ntitle: Documents\n---\nRead [the study](/docs/study.pdf), \
[the budget](https://example.org/prog/docs/budget.ods), [the note](./docs/note.txt) \
and [the archive](/docs/archive.zip#part-2).\n";

/// The links of the page at `path` as (href, text with no-break spaces kept).
fn links(site: &Site, path: &str) -> Vec<(String, String)> {
    let page = site.html(path);
    let hrefs = page.attrs(".prose a", "href");
    hrefs.into_iter().zip(page.raw_texts(".prose a")).collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

#[test]
fn a_link_to_a_document_says_its_format_and_size_in_french() {
    let site = site_with(&[("content/pages/documents.fr.md", DOCS_FR), ("content/pages/documents.en.md", DOCS_EN)]);
    site.build_ok();
    assert_eq!(
        links(&site, "fr/documents/index.html"),
        pairs(&[
            ("/prog/docs/study.pdf", "l'étude (PDF, 240\u{a0}Ko)"),
            ("/prog/docs/budget.ods", "le budget (ODS, 1,2\u{a0}Mo)"),
            ("/prog/docs/note.txt", "la note (TXT, 1\u{a0}Ko)"),
            ("/prog/docs/archive.zip", "l'archive (ZIP, 2\u{a0}Mo)"),
            ("/prog/img/photo.jpg", "la photo"),
        ])
    );
}

#[test]
fn a_link_to_a_document_says_its_format_and_size_in_english() {
    let site = site_with(&[("content/pages/documents.fr.md", DOCS_FR), ("content/pages/documents.en.md", DOCS_EN)]);
    site.build_ok();
    assert_eq!(
        links(&site, "en/documents/index.html"),
        pairs(&[
            ("/prog/docs/study.pdf", "the study (PDF, 240\u{a0}KB)"),
            ("https://example.org/prog/docs/budget.ods", "the budget (ODS, 1.2\u{a0}MB)"),
            ("/prog/docs/note.txt", "the note (TXT, 1\u{a0}KB)"),
            ("/prog/docs/archive.zip#part-2", "the archive (ZIP, 2\u{a0}MB)"),
        ])
    );
}

#[test]
fn the_language_of_a_document_is_its_hreflang_and_is_said_in_the_page_language() {
    let site = site_with(&[
        (
            "content/pages/documents.fr.md",
            "---\ntitle: Documents\nslug: documents\n---\n[L'étude](/docs/study.pdf){lang=en}, \
             [le budget](/docs/budget.ods){lang=ar} et [le site](https://other.org/){lang=it}.\n",
        ),
        (
            "content/pages/documents.en.md",
            "---\ntitle: Documents\n---\n[The study](/docs/study.pdf){lang=fr}; [the budget](/docs/budget.ods){lang=pt-BR}.\n",
        ),
    ]);
    site.build_ok();
    let fr = site.html("fr/documents/index.html");
    assert_eq!(fr.attrs(".prose a", "hreflang"), ["en", "ar", "it"]);
    assert_eq!(
        fr.raw_texts(".prose a"),
        ["L'étude (PDF, 240\u{a0}Ko, en anglais)", "le budget (ODS, 1,2\u{a0}Mo, en arabe)", "le site"]
    );
    assert_eq!(
        fr.texts(".prose p"),
        ["L'étude (PDF, 240 Ko, en anglais), le budget (ODS, 1,2 Mo, en arabe) et le site."]
    );
    let en = site.html("en/documents/index.html");
    assert_eq!(en.attrs(".prose a", "hreflang"), ["fr", "pt-BR"]);
    assert_eq!(
        en.raw_texts(".prose a"),
        ["The study (PDF, 240\u{a0}KB, in French)", "the budget (ODS, 1.2\u{a0}MB, in Portuguese)"]
    );
}

#[test]
fn the_download_shortcode_draws_the_same_announced_link() {
    let call = "{{ download(file=\"/docs/study.pdf\", text=\"L'étude : texte intégral\", lang=\"en\") }}";
    let site = site_with(&[
        ("content/pages/documents.fr.md", &format!("---\ntitle: Documents\nslug: documents\n---\n{call}\n")),
        (
            "content/pages/documents.en.md",
            "---\ntitle: Documents\n---\n{{ download(file=\"docs/budget.ods\", text=\"The budget\") }}\n",
        ),
    ]);
    site.build_ok();
    let fr = site.html("fr/documents/index.html");
    assert_eq!(fr.attrs(".download a", "href"), ["/prog/docs/study.pdf"]);
    assert_eq!(fr.attrs(".download a", "hreflang"), ["en"]);
    assert_eq!(fr.raw_texts(".download a"), ["L'étude\u{a0}: texte intégral (PDF, 240\u{a0}Ko, en anglais)"]);
    let en = site.html("en/documents/index.html");
    assert_eq!(en.attrs(".download a", "href"), ["/prog/docs/budget.ods"]);
    assert_eq!(en.attrs(".download a", "hreflang"), Vec::<String>::new());
    assert_eq!(en.raw_texts(".download a"), ["The budget (ODS, 1.2\u{a0}MB)"]);
}

#[test]
fn a_download_shortcode_naming_a_missing_file_fails_with_did_you_mean() {
    let site = site_with(&[(
        "content/pages/documents.fr.md",
        "---\ntitle: Documents\n---\nIntro.\n\n{{ download(file=\"/docs/stduy.pdf\", text=\"L'étude\") }}\n\n{{ download(file=\"/docs/study.pdf\", txt=\"x\") }}\n",
    )]);
    let run = site.build(&[]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.diagnostics(),
        [
            "content/pages/documents.fr.md:6:1: shortcode 'download' failed: no file /docs/stduy.pdf in the site\n  hint: did you mean '/docs/study.pdf'?",
            "content/pages/documents.fr.md:8:1: shortcode 'download' failed: unknown argument 'txt'\n  hint: did you mean 'text'?",
        ]
    );
}

#[test]
fn links_to_other_hosts_and_to_pages_are_left_as_written() {
    let site = site_with(&[(
        "content/pages/documents.fr.md",
        "---\ntitle: Documents\nslug: documents\n---\n[Rapport](https://other.org/rapport.pdf), \
         [page](/prog/fr/nope/), [courriel](mailto:equipe@example.org) et <equipe@example.org>.\n",
    )]);
    site.build_ok();
    assert_eq!(
        links(&site, "fr/documents/index.html"),
        pairs(&[
            ("https://other.org/rapport.pdf", "Rapport"),
            ("/prog/fr/nope/", "page"),
            ("mailto:equipe@example.org", "courriel"),
            ("mailto:equipe@example.org", "equipe@example.org"),
        ])
    );
}

#[test]
fn a_site_at_the_host_root_links_its_files_from_there() {
    let site = site_with(&[(
        "content/pages/documents.en.md",
        "---\ntitle: Documents\n---\n[The study](/docs/study.pdf) and [the note](docs/note.txt).\n",
    )]);
    site.write("site.toml", "title = \"Programme\"\nbase_url = \"https://example.org/\"\n");
    site.build_ok();
    assert_eq!(
        links(&site, "en/documents/index.html"),
        pairs(&[("/docs/study.pdf", "The study (PDF, 240\u{a0}KB)"), ("/docs/note.txt", "the note (TXT, 1\u{a0}KB)")])
    );
}

#[test]
fn a_link_to_a_missing_file_fails_the_build_with_every_other_problem_and_keeps_the_output() {
    let site = site_with(&[]);
    site.build_ok();
    let before = site.read("fr/index.html");
    site.write(
        "content/pages/documents.fr.md",
        "---\ntitle: Documents\n---\nIntro.\n\nLire [l'étude](/docs/stduy.pdf)\net [le bilan](/docs/bilan-2025.pdf \"Bilan\").\n",
    );
    site.write(
        "content/news/launch.fr.md",
        "---\ntitle: Lancement\ndate: 2026-02-06\npartners: [region-sdu]\n---\nTexte.\n",
    );
    let run = site.build(&[]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.diagnostics(),
        [
            "content/news/launch.fr.md:4:12: unknown partner 'region-sdu'\n  hint: did you mean 'region-sud'?",
            "content/pages/documents.fr.md:6:6: link to a missing file: /docs/stduy.pdf\n  hint: did you mean '/docs/study.pdf'?",
            "content/pages/documents.fr.md:7:4: link to a missing file: /docs/bilan-2025.pdf\n  hint: put the file at static/docs/bilan-2025.pdf (the files of static/ are published at the site root), or correct the link",
        ]
    );
    assert_eq!(site.read("fr/index.html"), before, "a failed build leaves the output untouched");

    let french = site.run_fr(&["build"]);
    assert_eq!(
        french.diagnostics()[1..],
        [
            "content/pages/documents.fr.md:6:6: lien vers un fichier absent : /docs/stduy.pdf\n  conseil : vouliez-vous dire « /docs/study.pdf » ?",
            "content/pages/documents.fr.md:7:4: lien vers un fichier absent : /docs/bilan-2025.pdf\n  conseil : placez le fichier dans static/docs/bilan-2025.pdf (les fichiers de static/ sont publiés à la racine du site) ou corrigez le lien",
        ]
    );
}

#[test]
fn malformed_or_unknown_attributes_after_a_link_are_explained() {
    let site = site_with(&[(
        "content/pages/documents.en.md",
        "---\ntitle: Documents\n---\n[A](/docs/study.pdf){lang=en\n\n[B](/docs/study.pdf){lnag=en}\n\n[C](/docs/study.pdf){lang=english}\n\n[D](/docs/study.pdf){en}\n",
    )]);
    let run = site.build(&[]);
    assert_eq!(run.code, 1);
    let hint = "\n  hint: right after a link, {lang=en} gives the language of the document it leads to (a code such as en, fr, it, pt-BR)";
    assert_eq!(
        run.diagnostics(),
        [
            format!("content/pages/documents.en.md:4:21: malformed attributes after a link: '{{lang=en'{hint}"),
            "content/pages/documents.en.md:6:21: unknown link attribute 'lnag'\n  hint: did you mean 'lang'?"
                .to_string(),
            format!("content/pages/documents.en.md:8:21: 'english' is not a language code{hint}"),
            format!("content/pages/documents.en.md:10:21: malformed attributes after a link: '{{en}}'{hint}"),
        ]
    );
}
