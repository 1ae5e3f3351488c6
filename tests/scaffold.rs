//! What `passerelle init` and `passerelle new` write and say: a starter site
//! that builds without a single diagnostic, new items in every language of
//! the site, and the exact refusals.

mod common;

use common::Site;

/// An empty temporary folder to run the commands in.
fn empty() -> Site {
    Site { dir: tempfile::tempdir().expect("temporary folder") }
}

/// A site created by `passerelle init .`.
fn initialised() -> Site {
    let site = empty();
    let run = site.run(&["init", "."]);
    assert_eq!(run.code, 0, "init failed:\n{}", run.stderr);
    site
}

fn today() -> String {
    jiff::Zoned::now().date().to_string()
}

fn file(site: &Site, path: &str) -> String {
    std::fs::read_to_string(site.root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

const STARTER_FILES: [&str; 21] = [
    "site.toml",
    ".gitignore",
    "locales/fr/main.ftl",
    "locales/en/main.ftl",
    "content/_index.fr.md",
    "content/_index.en.md",
    "content/projects/example-project.fr.md",
    "content/projects/example-project.en.md",
    "content/partners/example-region.fr.md",
    "content/partners/example-region.en.md",
    "content/partners/example-city.fr.md",
    "content/partners/example-city.en.md",
    "content/actions/kickoff-meeting.fr.md",
    "content/actions/kickoff-meeting.en.md",
    "content/news/site-launch.fr.md",
    "content/news/site-launch.en.md",
    "content/pages/legal-notice.fr.md",
    "content/pages/legal-notice.en.md",
    "content/pages/accessibility.fr.md",
    "content/pages/accessibility.en.md",
    "static/images/welcome.jpg",
];

#[test]
fn init_writes_a_site_that_builds_without_any_diagnostic_in_both_languages() {
    let site = empty();
    let run = site.run(&["init", "my-site"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let listed: String = STARTER_FILES.iter().map(|path| format!("  {path}\n")).collect();
    assert_eq!(
        run.stdout,
        format!(
            "created a new site in my-site:\n{listed}next:\n  cd my-site\n  passerelle serve --watch    # preview at http://127.0.0.1:1111/\n"
        )
    );

    let build = site.run(&["build", "--root", "my-site"]);
    assert_eq!((build.code, build.stderr.as_str()), (0, ""), "{}", build.stdout);
    let public = site.root().join("my-site/public");
    for path in [
        "fr/index.html",
        "en/index.html",
        "fr/projets/projet-exemple/index.html",
        "en/projects/example-project/index.html",
        "fr/partenaires/region-exemple/index.html",
        "en/partners/example-city/index.html",
        "fr/agenda/reunion-de-lancement/index.html",
        "en/agenda/kickoff-meeting/index.html",
        "fr/actualites/ouverture-du-portail/index.html",
        "en/news/site-launch/index.html",
        "fr/mentions-legales/index.html",
        "en/legal-notice/index.html",
        "fr/accessibilite/index.html",
        "en/accessibility/index.html",
    ] {
        assert!(public.join(path).is_file(), "missing my-site/public/{path}");
    }
    let news = file(&site, "my-site/content/news/site-launch.fr.md");
    assert!(news.contains(&format!("\ndate: {}\n", today())), "{news}");
    let home = std::fs::read_to_string(public.join("fr/index.html")).expect("home page");
    assert!(home.contains("Accessibilité : non conforme"), "the footer states the placeholder status");

    let ignored: Vec<String> =
        file(&site, "my-site/.gitignore").lines().filter(|line| !line.starts_with('#')).map(str::to_string).collect();
    assert_eq!(ignored, ["/public/", "/.passerelle-cache/"], "what passerelle makes stays out of git");
    let images: Vec<String> = std::fs::read_dir(public.join("images"))
        .expect("public/images")
        .map(|entry| entry.expect("an entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        images.iter().any(|name| name.starts_with("welcome-") && name.ends_with(".webp")),
        "the news image is published as WebP renditions: {images:?}"
    );
    assert!(!public.join("images/welcome.jpg").exists(), "its original is not published");
}

#[test]
fn init_refuses_a_folder_that_is_not_empty_unless_forced() {
    let site = empty();
    site.write("my-site/notes.txt", "mine");
    site.write("my-site/content/news/site-launch.fr.md", "old");

    let run = site.run(&["init", "my-site"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stderr, "passerelle init: my-site is not empty; use --force to write into it anyway\n");
    assert_eq!(run.stdout, "");
    assert!(!site.root().join("my-site/site.toml").exists(), "nothing is written");

    let forced = site.run(&["init", "my-site", "--force"]);
    assert_eq!((forced.code, forced.stderr.as_str()), (0, ""));
    assert_eq!(file(&site, "my-site/notes.txt"), "mine", "other files are kept");
    assert!(file(&site, "my-site/content/news/site-launch.fr.md").starts_with("---\n"), "starter files are replaced");
    assert_eq!(site.run(&["build", "--root", "my-site"]).stderr, "");
}

#[test]
fn init_accepts_a_folder_holding_only_hidden_files() {
    let site = empty();
    site.write(".git/HEAD", "ref: refs/heads/main\n");
    site.write(".gitignore", "*.log\n/public/\n");
    let run = site.run(&["init", "."]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert!(run.stdout.starts_with("created a new site in .:\n"), "{}", run.stdout);
    assert!(run.stdout.ends_with("next:\n  passerelle serve --watch    # preview at http://127.0.0.1:1111/\n"));
    let ignored = file(&site, ".gitignore");
    assert!(
        ignored.starts_with("*.log\n/public/\n\n#") && ignored.ends_with("\n/.passerelle-cache/\n"),
        "an existing .gitignore is kept and gets only the patterns it lacks:\n{ignored}"
    );
}

#[test]
fn new_news_is_published_in_both_languages() {
    let site = initialised();
    let run = site.run(&["new", "news", "launch", "--title", "Lancement"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert_eq!(run.stdout, "content/news/launch.fr.md\ncontent/news/launch.en.md\n");

    let fr = file(&site, "content/news/launch.fr.md");
    assert!(fr.starts_with(&format!("---\ntitle: \"Lancement\"\ndate: {}\n", today())), "{fr}");
    assert!(fr.contains("\n# tags: ") && fr.contains("\n# image: "), "optional fields are shown as comments:\n{fr}");
    let en = file(&site, "content/news/launch.en.md");
    assert!(en.starts_with("---\ntitle: \"Lancement\""), "{en}");
    assert!(!en.contains("\ndate:"), "a translation inherits the date:\n{en}");

    let build = site.build(&[]);
    assert_eq!((build.code, build.stderr.as_str()), (0, ""));
    assert_eq!(site.html("fr/actualites/launch/index.html").texts("h1"), ["Lancement"]);
    assert_eq!(site.html("en/news/launch/index.html").texts("h1"), ["Lancement"]);
    assert!(site.read("en/news/launch/index.html").contains("Write the news item here."));
}

#[test]
fn new_writes_every_type_with_a_valid_front_matter() {
    let site = empty();
    assert_eq!(site.run(&["init", "site"]).code, 0);
    for (kind, id) in [("project", "coopjop"), ("partner", "region-sud"), ("action", "visit-1"), ("page", "about")] {
        let run = site.run(&["new", kind, id, "--root", "site"]);
        assert_eq!((run.code, run.stderr.as_str()), (0, ""), "new {kind}");
        assert_eq!(run.stdout.lines().count(), 2, "{}", run.stdout);
    }
    let action = file(&site, "site/content/actions/visit-1.fr.md");
    assert!(action.contains("\nproject: coopjop "), "the first project id in alphabetical order:\n{action}");
    let partner = file(&site, "site/content/partners/region-sud.fr.md");
    assert!(partner.contains("\nkind: other ") && partner.contains("\ncountry: FR "), "{partner}");
    let build = site.run(&["build", "--root", "site"]);
    assert_eq!((build.code, build.stderr.as_str()), (0, ""));
    let public = site.root().join("site/public");
    for path in ["fr/projets/coopjop", "en/partners/region-sud", "fr/agenda/visit-1", "en/about"] {
        assert!(public.join(path).join("index.html").is_file(), "missing {path}");
    }
    assert!(std::fs::read_to_string(public.join("fr/about/index.html")).expect("page").contains("Nouvelle page"));
}

#[test]
fn new_refuses_a_bad_id_an_existing_item_and_an_unknown_type() {
    let site = initialised();
    site.write("content/news/launch.en.md", "---\ntitle: Launch\n---\n");
    let cases = [
        (
            vec!["new", "news", "Bad_Id"],
            "passerelle new: 'Bad_Id' is not a valid id; use lowercase letters, digits and hyphens, e.g. coopjop-launch\n",
        ),
        (vec!["new", "news", "launch"], "passerelle new: content/news/launch.en.md already exists\n"),
        (vec!["new", "news", "site-launch"], "passerelle new: content/news/site-launch.fr.md already exists\n"),
        (
            vec!["new", "article", "launch"],
            "passerelle new: unknown type 'article'; use one of: project, partner, action, news, page\n",
        ),
    ];
    for (args, expected) in cases {
        let run = site.run(&args);
        assert_eq!((run.code, run.stdout.as_str(), run.stderr.as_str()), (1, "", expected), "{args:?}");
    }
    assert!(!site.root().join("content/news/launch.fr.md").exists(), "a refusal writes nothing");
    assert!(!site.root().join("content/news/bad_id.fr.md").exists());
}

#[test]
fn new_action_needs_a_project_and_new_needs_a_valid_site() {
    let site = empty();
    let run = site.run(&["new", "news", "launch"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "passerelle new: no site.toml in .; run it in a site's folder, pass --root DIR, or create a site with passerelle init DIR\n"
    );

    site.write("site.toml", common::SITE_TOML);
    let run = site.run(&["new", "action", "launch"]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (1, "passerelle new: create a project first: passerelle new project <id>\n")
    );

    site.write("site.toml", "title = \"T\"\nbase_url = \"https://example.org/\"\ntitel = \"T\"\n");
    let run = site.run(&["new", "news", "launch"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.starts_with("site.toml:3:1: "), "{}", run.stderr);
    assert!(run.stderr.ends_with("\npasserelle new: site.toml has errors; fix them first\n"), "{}", run.stderr);
}

#[test]
fn new_writes_one_file_per_configured_language() {
    let site = Site::new(&[(
        "site.toml",
        "title = \"Programma\"\nbase_url = \"https://example.org/\"\ndefault_language = \"fr\"\n\n\
         [languages.fr]\nname = \"Français\"\n[languages.en]\nname = \"English\"\n[languages.it]\nname = \"Italiano\"\n",
    )]);
    let english_strings =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/themes/default/locales/en/main.ftl"))
            .expect("the theme's English strings");
    site.write("locales/it/main.ftl", &english_strings);

    let run = site.run(&["new", "project", "coopjop"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert_eq!(
        run.stdout,
        "content/projects/coopjop.fr.md\ncontent/projects/coopjop.en.md\ncontent/projects/coopjop.it.md\n"
    );
    assert!(file(&site, "content/projects/coopjop.fr.md").contains("title: \"Nouveau projet\"\nstart: "));
    assert!(file(&site, "content/projects/coopjop.it.md").starts_with("---\ntitle: \"New project\"\n"));

    let build = site.build(&[]);
    assert_eq!((build.code, build.stderr.as_str()), (0, ""));
    for lang in ["fr", "en", "it"] {
        let page = site.files().into_iter().find(|f| f.starts_with(&format!("{lang}/")) && f.contains("/coopjop/"));
        assert!(page.is_some(), "no {lang} page for coopjop in {:?}", site.files());
    }
}

/// What a refusal says after the command's name (`passerelle init: `),
/// which main.rs prints.
fn refusal(run: &common::Run) -> &str {
    assert_eq!((run.code, run.stdout.as_str()), (1, ""), "{}", run.stderr);
    let line = run.stderr.lines().last().unwrap_or_default();
    assert!(line.starts_with("passerelle "), "{line}");
    line.split_once(": ").map_or(line, |(_, message)| message)
}

#[test]
fn init_speaks_french_in_a_french_locale() {
    let site = empty();
    let run = site.run_fr(&["init", "mon site"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let listed: String = STARTER_FILES.iter().map(|path| format!("  {path}\n")).collect();
    assert_eq!(
        run.stdout,
        format!(
            "nouveau site créé dans mon site :\n{listed}ensuite :\n  cd 'mon site'\n  passerelle serve --watch    # aperçu sur http://127.0.0.1:1111/\n"
        )
    );
    assert!(
        file(&site, "mon site/content/news/site-launch.en.md").contains("title:"),
        "the starter site is the same in every locale"
    );

    let run = site.run_fr(&["init", "mon site"]);
    assert_eq!(refusal(&run), "mon site n'est pas vide ; utilisez --force pour y écrire quand même");
    site.write("fichier", "x");
    assert_eq!(refusal(&site.run_fr(&["init", "fichier"])), "fichier n'est pas un dossier");
}

#[test]
fn new_refuses_in_french_in_a_french_locale() {
    let site = initialised();
    let cases = [
        (
            vec!["new", "news", "Bad_Id"],
            "« Bad_Id » n'est pas un identifiant valide ; utilisez des lettres minuscules, des chiffres et des tirets, par exemple lancement-coopjop",
        ),
        (vec!["new", "news", "site-launch"], "content/news/site-launch.fr.md existe déjà"),
        (
            vec!["new", "article", "launch"],
            "type « article » inconnu ; utilisez l'un de ceux-ci : project, partner, action, news, page",
        ),
    ];
    for (args, expected) in cases {
        assert_eq!(refusal(&site.run_fr(&args)), expected, "{args:?}");
    }

    let site = empty();
    assert_eq!(
        refusal(&site.run_fr(&["new", "news", "launch"])),
        "aucun site.toml dans . ; lancez la commande dans le dossier d'un site, indiquez-le avec --root DOSSIER, ou créez un site avec passerelle init DOSSIER"
    );
    site.write("site.toml", common::SITE_TOML);
    assert_eq!(
        refusal(&site.run_fr(&["new", "action", "launch"])),
        "créez d'abord un projet : passerelle new project <identifiant>"
    );
    site.write("site.toml", "title = \"T\"\nbase_url = \"https://example.org/\"\ntitel = \"T\"\n");
    let run = site.run_fr(&["new", "news", "launch"]);
    assert!(run.stderr.starts_with("site.toml:3:1: "), "{}", run.stderr);
    assert_eq!(refusal(&run), "site.toml contient des erreurs ; corrigez-les d'abord");
}
