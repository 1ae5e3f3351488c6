//! Rebuilds are incremental: after each edit of a scripted series, the
//! site a long-lived Builder holds must equal, byte for byte, a fresh full
//! build of the same files, while rendering only what the edit touched.

mod common;

use common::{Site, build_options};
use passerelle::builder::Builder;
use passerelle::output::{Files, Memory};
use passerelle::pipeline::BuildOptions;

fn fresh(site: &Site) -> Files {
    let memory = Memory::default();
    let report = Builder::new(build_options(site.root())).build(&memory).unwrap();
    assert!(report.summary.is_some(), "fresh build failed: {:?}", report.diagnostics.sorted());
    memory.snapshot()
}

fn differences(incremental: &Files, full: &Files) -> Vec<String> {
    let mut out = Vec::new();
    for (path, bytes) in full {
        match incremental.get(path) {
            None => out.push(format!("missing {path}")),
            Some(other) if other != bytes => out.push(format!("differs {path}")),
            _ => {}
        }
    }
    for path in incremental.keys() {
        if !full.contains_key(path) {
            out.push(format!("left over {path}"));
        }
    }
    out.sort();
    out
}

/// Every file of the site folder (outputs aside), by relative path.
fn tree(root: &std::path::Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    for entry in walkdir::WalkDir::new(root).into_iter().flatten().filter(|e| e.file_type().is_file()) {
        let rel = entry.path().strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
        if !rel.starts_with("public") {
            out.insert(rel, std::fs::read(entry.path()).unwrap());
        }
    }
    out
}

/// Applies one edit, rebuilds incrementally (telling the builder which
/// paths changed, as the watcher does, when `told` is set), and compares
/// with a fresh build. Returns how many pages the incremental build rendered.
fn step(site: &Site, builder: &mut Builder, memory: &Memory, name: &str, edit: impl FnOnce(&Site)) -> usize {
    let before = tree(site.root());
    edit(site);
    if TOLD.with(|t| t.get()) {
        let after = tree(site.root());
        let changed: Vec<String> =
            before.keys().chain(after.keys()).filter(|p| before.get(*p) != after.get(*p)).cloned().collect();
        builder.note_changes(&changed);
    }
    let report = builder.build(memory).unwrap();
    let summary = report.summary.unwrap_or_else(|| panic!("{name}: build failed: {:?}", report.diagnostics.sorted()));
    let diff = differences(&memory.snapshot(), &fresh(site));
    assert!(diff.is_empty(), "after '{name}', the incremental site differs from a full build:\n{}", diff.join("\n"));
    summary.rendered
}

thread_local! {
    static TOLD: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

#[test]
fn a_scripted_series_of_edits_matches_a_full_build_byte_for_byte() {
    scripted_series();
}

#[test]
fn the_same_series_told_which_files_changed_matches_too() {
    TOLD.with(|t| t.set(true));
    scripted_series();
}

/// A JPEG photo whose pixels depend on `shade`.
fn jpeg(width: u32, height: u32, shade: u8) -> Vec<u8> {
    let image = image::RgbImage::from_fn(width, height, |x, y| image::Rgb([shade, (x % 256) as u8, (y % 256) as u8]));
    let mut out = Vec::new();
    image::DynamicImage::ImageRgb8(image)
        .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Jpeg)
        .unwrap();
    out
}

const POLL: &str = "title: { fr: Sondage, en: Poll }\nrespondents: 10\nquestions:\n  - id: q\n    kind: single\n    text: { fr: Oui ou non ?, en: Yes or no? }\n    answers:\n      - { label: { fr: Oui, en: Yes }, count: 3 }\n      - { label: { fr: Non, en: No }, count: 4 }\n";

fn scripted_series() {
    let site = Site::minimal();
    let memory = Memory::default();
    let mut builder = Builder::new(build_options(site.root()));
    let first = builder.build(&memory).unwrap().summary.expect("first build");
    assert_eq!(first.rendered, first.files, "the first build renders every page");
    let total = first.files;

    let rendered = step(&site, &mut builder, &memory, "nothing changed", |_| {});
    assert_eq!(rendered, 0, "a rebuild without changes renders nothing");

    let rendered = step(&site, &mut builder, &memory, "news body edited", |s| {
        s.write(
            "content/news/launch.fr.md",
            "---\ntitle: Lancement de COOPJOP\nslug: lancement-coopjop\ndate: 2026-02-06\nprojects: [coopjop]\npartners: [region-sud]\ntags: [Sport, Coopération]\n---\nLe programme est lancé, enfin !\n\n<!-- more -->\n\nLa suite.\n",
        )
    });
    assert!(
        rendered > 0 && rendered < total / 2,
        "a body edit re-renders the pages that show it ({rendered} of {total})"
    );

    step(&site, &mut builder, &memory, "news added", |s| {
        s.write("content/news/second.fr.md", "---\ntitle: Deuxième nouvelle\ndate: 2026-02-20\npartners: [lombardia]\ntags: [Sport, Culture]\n---\nTexte.\n");
        s.write("content/news/second.en.md", "---\ntitle: Second news\ntags: [Culture]\n---\nText.\n");
    });
    step(&site, &mut builder, &memory, "translation deleted", |s| s.remove("content/news/second.en.md"));
    step(&site, &mut builder, &memory, "translation added", |s| {
        s.write("content/partners/lombardia.en.md", "---\ntitle: Lombardy Region\n---\nItalian partner.\n")
    });
    step(&site, &mut builder, &memory, "reference changed", |s| {
        s.write("content/news/second.fr.md", "---\ntitle: Deuxième nouvelle\ndate: 2026-02-20\npartners: [region-sud]\nprojects: [coopjop]\ntags: [Sport]\n---\nTexte.\n")
    });
    step(&site, &mut builder, &memory, "file renamed", |s| {
        let text = std::fs::read_to_string(s.root().join("content/news/second.fr.md")).unwrap();
        s.remove("content/news/second.fr.md");
        s.write("content/news/deuxieme.fr.md", &text);
    });
    step(&site, &mut builder, &memory, "slug changed, so links to it change", |s| {
        s.write(
            "content/projects/coopjop.fr.md",
            "---\ntitle: COOPJOP\nslug: programme-coopjop\nacronym: COOPJOP\nstatus: ongoing\nstart: 2025-10-01\nend: 2027-12-31\nlead: region-sud\npartners: [region-sud, lombardia]\n---\nUn programme : coopérer !\n",
        )
    });
    step(&site, &mut builder, &memory, "survey added and charted, with a map", |s| {
        s.write("content/data/poll.yaml", POLL);
        s.write(
            "content/pages/results.fr.md",
            "---\ntitle: Résultats\n---\n{{ chart(data=\"poll\", question=\"q\") }}\n\n{{ partners_map(project=\"coopjop\") }}\n",
        );
    });
    step(&site, &mut builder, &memory, "survey counts edited", |s| {
        s.write("content/data/poll.yaml", &POLL.replace("count: 3", "count: 5"))
    });
    step(&site, &mut builder, &memory, "partner located", |s| {
        s.write(
            "content/partners/lombardia.fr.md",
            "---\ntitle: Région Lombardie\nofficial_name: Regione Lombardia\nofficial_lang: it\nkind: region\ncountry: IT\nlocation: [45.4851, 9.195]\n---\nPartenaire italien.\n",
        )
    });
    step(&site, &mut builder, &memory, "working groups given, and an action put in one", |s| {
        let project = s.read_source("content/projects/coopjop.fr.md");
        s.write(
            "content/projects/coopjop.fr.md",
            &project.replacen("---\n", "---\nworking_groups:\n  - id: jeux\n    title: Des Jeux durables\n", 1),
        );
        let action = s.read_source("content/actions/launch.fr.md");
        s.write("content/actions/launch.fr.md", &action.replacen("---\n", "---\nworking_group: jeux\n", 1));
    });
    step(&site, &mut builder, &memory, "working group renamed", |s| {
        let project = s.read_source("content/projects/coopjop.fr.md");
        s.write("content/projects/coopjop.fr.md", &project.replace("Des Jeux durables", "Des Jeux sobres"));
    });
    step(&site, &mut builder, &memory, "project time zone set, so its timed action shows an offset", |s| {
        let project = s.read_source("content/projects/coopjop.fr.md");
        s.write("content/projects/coopjop.fr.md", &project.replacen("---\n", "---\ntime_zone: Europe/Paris\n", 1));
    });
    let page = String::from_utf8(memory.snapshot()["fr/agenda/index.html"].to_vec()).unwrap();
    assert!(page.contains("datetime=\"2026-02-06T18:30+01:00\""), "the agenda shows the project's zone");
    step(&site, &mut builder, &memory, "partner named in a sentence", |s| {
        s.write(
            "content/pages/partners-text.fr.md",
            "---\ntitle: Nos partenaires\n---\nAvec la {{ partner(id=\"lombardia\") }} ({{ partner(id=\"lombardia\", name=\"official\") }}).\n",
        )
    });
    step(&site, &mut builder, &memory, "named partner's title and official name edited", |s| {
        s.write(
            "content/partners/lombardia.fr.md",
            "---\ntitle: Lombardie\nofficial_name: Regione Lombardia (IT)\nofficial_lang: it\nkind: region\ncountry: IT\nlocation: [45.4851, 9.195]\n---\nPartenaire italien.\n",
        )
    });
    let page = String::from_utf8(memory.snapshot()["fr/partners-text/index.html"].to_vec()).unwrap();
    assert!(page.contains(">Lombardie</a> (<a "), "the sentence shows the new title");
    step(&site, &mut builder, &memory, "named partner's translation edited", |s| {
        s.write("content/partners/lombardia.en.md", "---\ntitle: Lombardy\n---\nItalian partner.\n")
    });
    step(&site, &mut builder, &memory, "funder registered and named by the project", |s| {
        s.write(
            "content/data/funders.yaml",
            "meae:\n  kind: state\n  name: Ministère\n  statement: Avec le soutien du ministère\n",
        );
        let project = s.read_source("content/projects/coopjop.fr.md");
        s.write("content/projects/coopjop.fr.md", &project.replacen("---\n", "---\nfunding:\n  - funder: meae\n", 1));
    });
    step(&site, &mut builder, &memory, "funder statement edited", |s| {
        s.write(
            "content/data/funders.yaml",
            "meae:\n  kind: state\n  name: Ministère\n  statement: Avec l'appui du ministère\n",
        );
    });
    let action = String::from_utf8(memory.snapshot()["fr/agenda/launch/index.html"].to_vec()).unwrap();
    assert!(action.contains("Avec l&#39;appui du ministère"), "the action's footer shows the new statement");
    step(&site, &mut builder, &memory, "chart removed, then its survey", |s| {
        s.write("content/pages/results.fr.md", "---\ntitle: Résultats\n---\nPlus de graphique.\n");
        s.remove("content/data/poll.yaml");
    });
    step(&site, &mut builder, &memory, "template changed", |s| {
        s.write(
            "templates/page.html",
            "{% extends \"base.html\" %}{% block content %}<p class=\"custom\">{{ item.title }}</p>{% endblock %}",
        )
    });
    step(&site, &mut builder, &memory, "UI string changed", |s| {
        s.write("locales/fr/site.ftl", "section-news = Nouvelles\n")
    });
    step(&site, &mut builder, &memory, "static file added", |s| {
        s.write("static/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
    });
    step(&site, &mut builder, &memory, "document linked", |s| {
        s.write("static/docs/report.pdf", &"x".repeat(2_000));
        s.write("content/pages/documents.fr.md", "---\ntitle: Documents\n---\n[Le rapport](/docs/report.pdf)\n");
    });
    step(&site, &mut builder, &memory, "linked document grown, so its size changes", |s| {
        s.write("static/docs/report.pdf", &"x".repeat(3_000))
    });
    step(&site, &mut builder, &memory, "image added and shown by a page and a news", |s| {
        s.write_bytes("static/images/port.jpg", &jpeg(900, 600, 40));
        s.write("content/pages/photos.fr.md", "---\ntitle: Photos\n---\n![Le port](/images/port.jpg)\n");
        let news = s.read_source("content/news/deuxieme.fr.md");
        s.write(
            "content/news/deuxieme.fr.md",
            &news.replacen("---\n", "---\nimage:\n  src: /images/port.jpg\n  alt: Le port\n", 1),
        );
    });
    assert!(!memory.snapshot().contains_key("images/port.jpg"), "the original of a shown image is not published");
    step(&site, &mut builder, &memory, "image replaced by another of the same size", |s| {
        s.write_bytes("static/images/port.jpg", &jpeg(900, 600, 200))
    });
    // A theme's resize_image: pages show the new file when the image changes.
    let footer = "{% set r = resize_image(path=\"/images/port.jpg\", width=120) %}\
                  <footer><img src=\"{{ r.url }}\" width=\"{{ r.width }}\" height=\"{{ r.height }}\" alt=\"\"></footer>\n";
    step(&site, &mut builder, &memory, "a template resizes the image", |s| {
        s.write("templates/partials/footer.html", footer)
    });
    step(&site, &mut builder, &memory, "image resized by a template replaced", |s| {
        s.write_bytes("static/images/port.jpg", &jpeg(900, 500, 90))
    });
    step(&site, &mut builder, &memory, "a body edit while a template resizes the image", |s| {
        s.write("content/pages/photos.fr.md", "---\ntitle: Photos\n---\n![Le vieux port](/images/port.jpg)\n")
    });
    step(&site, &mut builder, &memory, "the template no longer resizes it", |s| {
        s.remove("templates/partials/footer.html")
    });
    assert!(!memory.snapshot().keys().any(|path| path.contains("-120x")), "no resized file is left over");
    step(&site, &mut builder, &memory, "image linked for download", |s| {
        s.write(
            "content/pages/photos.fr.md",
            "---\ntitle: Photos\n---\n![Le port](/images/port.jpg)\n\n[En grand](/images/port.jpg)\n",
        )
    });
    assert!(memory.snapshot().contains_key("images/port.jpg"), "a linked original is published");
    step(&site, &mut builder, &memory, "image deleted with what shows it", |s| {
        s.remove("static/images/port.jpg");
        s.remove("content/pages/photos.fr.md");
        let news = s.read_source("content/news/deuxieme.fr.md");
        s.write(
            "content/news/deuxieme.fr.md",
            &news.replacen("image:\n  src: /images/port.jpg\n  alt: Le port\n", "", 1),
        );
    });
    assert!(!memory.snapshot().keys().any(|path| path.starts_with("images/")), "no rendition is left over");
    step(&site, &mut builder, &memory, "site title changed", |s| {
        s.write("site.toml", "title = \"Programme renommé\"\nbase_url = \"https://example.org/prog/\"\n")
    });

    // A broken file keeps the last good site, and fixing it catches up.
    site.write("content/news/launch.fr.md", "---\ntitle: [broken\n---\n");
    let broken = builder.build(&memory).unwrap();
    assert!(broken.summary.is_none());
    step(&site, &mut builder, &memory, "error fixed", |s| {
        s.write(
            "content/news/launch.fr.md",
            "---\ntitle: Lancement réparé\ndate: 2026-02-06\ntags: [Sport]\n---\nRéparé.\n",
        )
    });
    step(&site, &mut builder, &memory, "file deleted", |s| s.remove("content/actions/launch.fr.md"));
}

/// `passerelle build` builds once and leaves the bodies in their files
/// until it renders them, where `serve` holds them for its rebuilds: both
/// must write the same site (the demo portal's).
#[test]
fn a_one_shot_build_writes_what_a_kept_builder_holds() {
    let out = tempfile::tempdir().unwrap();
    let options = BuildOptions {
        output: out.path().join("public"),
        today: None,
        ..build_options(std::path::Path::new(env!("CARGO_MANIFEST_DIR")))
    };
    let memory = Memory::default();
    let report = Builder::new(options.clone()).build(&memory).unwrap();
    assert!(report.summary.is_some(), "kept builder failed: {:?}", report.diagnostics.sorted());
    let held = memory.snapshot();
    let report = passerelle::pipeline::build(&options).unwrap();
    assert!(report.summary.is_some(), "one-shot build failed: {:?}", report.diagnostics.sorted());
    let mut written = Files::new();
    for entry in walkdir::WalkDir::new(&options.output).into_iter().flatten().filter(|e| e.file_type().is_file()) {
        let rel = entry.path().strip_prefix(&options.output).unwrap().to_string_lossy().replace('\\', "/");
        written.insert(rel, std::sync::Arc::new(std::fs::read(entry.path()).unwrap()));
    }
    assert!(held.len() > 100, "the demo has a site to compare ({} files)", held.len());
    let diff = differences(&written, &held);
    assert!(diff.is_empty(), "the one-shot build differs from the kept builder's:\n{}", diff.join("\n"));
}
