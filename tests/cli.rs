//! The command line in the user's language: help of every command, usage
//! errors and the build's summaries, in English and in French, chosen from
//! LC_ALL, LC_MESSAGES and LANG.

mod common;

use common::{Run, Site};

/// Runs passerelle in a folder with exactly these locale variables.
fn run_with(env: &[(&str, &str)], args: &[&str]) -> Run {
    Site::new(&[]).run_with(env, args)
}

fn english(args: &[&str]) -> Run {
    run_with(&[("LANG", "en_GB.UTF-8")], args)
}

fn french(args: &[&str]) -> Run {
    run_with(&[("LANG", "fr_FR.UTF-8")], args)
}

#[test]
fn the_list_of_commands_is_in_the_users_language() {
    let run = english(&["--help"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.starts_with(
        "Static sites for cooperation programmes between local and regional governments\n\n\
         Usage: passerelle <COMMAND>\n\nCommands:\n  \
         init   Creates a new site with starter content in French and English\n"
    ));
    assert!(run.stdout.contains("\nOptions:\n  -h, --help     Print help\n  -V, --version  Print version\n"));

    let run = french(&["--help"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout.starts_with(
            "Sites statiques pour les programmes de coopération entre collectivités territoriales\n\n\
             Utilisation : passerelle <COMMANDE>\n\nCommandes :\n  \
             init   Crée un nouveau site avec un contenu de départ en français et en anglais\n"
        ),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains(
        "  build  Construit le site dans le dossier de sortie (remplacé seulement si la construction réussit)\n"
    ));
    assert!(run.stdout.contains("  help   Affiche ce message ou l'aide de la commande donnée\n"));
    assert!(run.stdout.contains("\nOptions :\n  -h, --help     Affiche l'aide\n  -V, --version  Affiche la version\n"));
    assert!(!run.stdout.contains("Print"), "nothing left in English:\n{}", run.stdout);
}

#[test]
fn each_command_explains_its_arguments_in_the_users_language() {
    let run = english(&["init", "--help"]);
    assert_eq!(
        run.stdout,
        "Creates a new site with starter content in French and English\n\n\
         Usage: passerelle init [OPTIONS] <DIR>\n\n\
         Arguments:\n  <DIR>  The folder to create the site in (created if missing)\n\n\
         Options:\n      --force  Writes into a folder that is not empty, replacing the starter's files there\n  \
         -h, --help   Print help\n"
    );
    let run = french(&["init", "--help"]);
    assert_eq!(
        run.stdout,
        "Crée un nouveau site avec un contenu de départ en français et en anglais\n\n\
         Utilisation : passerelle init [OPTIONS] <DIR>\n\n\
         Arguments :\n  <DIR>  Le dossier où créer le site (créé s'il n'existe pas)\n\n\
         Options :\n      --force  Écrit dans un dossier qui n'est pas vide, en y remplaçant les fichiers du site de départ\n  \
         -h, --help   Affiche l'aide\n"
    );

    let check = french(&["check", "--help"]).stdout;
    assert!(check.contains(
        "      --root <ROOT>      Le dossier du site (celui de site.toml) [par défaut : .]\n      \
         --format <FORMAT>  text pour une personne, json pour l'intégration continue \
         [par défaut : text] [valeurs possibles : text, json]\n"
    ));
    let check = english(&["check", "--help"]).stdout;
    assert!(check.contains(
        "      --format <FORMAT>  text for people, json for CI [default: text] [possible values: text, json]\n"
    ));

    for command in ["init", "new", "build", "check", "serve"] {
        for run in [english, french] {
            let (asked, flag) = (run(&["help", command]), run(&[command, "--help"]));
            assert_eq!((asked.code, flag.code), (0, 0));
            assert_eq!(asked.stdout, flag.stdout, "`help {command}` and `{command} --help` agree");
        }
        let text = french(&[command, "--help"]).stdout;
        for english_word in ["Usage", "Print help", "[default", "site's"] {
            assert!(!text.contains(english_word), "{command}: '{english_word}' left in English:\n{text}");
        }
    }
}

#[test]
fn usage_errors_are_in_the_users_language() {
    let run = french(&["bild"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "erreur : commande inconnue « bild »\n\n  \
         conseil : une commande au nom proche existe : « build »\n\n\
         Utilisation : passerelle <COMMANDE>\n\n\
         Pour en savoir plus, essayez « --help ».\n"
    );
    let run = english(&["bild"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: unrecognized command 'bild'\n\n  \
         hint: a command with a close name exists: 'build'\n\n\
         Usage: passerelle <COMMAND>\n\n\
         For more information, try '--help'.\n"
    );

    let run = french(&["check", "--format", "xml"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "erreur : valeur « xml » invalide pour « --format <FORMAT> »\n\n  \
         conseil : [valeurs possibles : text, json]\n\n\
         Pour en savoir plus, essayez « --help ».\n"
    );
    let run = french(&["init"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("erreur : arguments obligatoires manquants : <DIR>\n\nUtilisation : passerelle init <DIR>\n")
    );
    let run = english(&["build", "--drafs"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.starts_with(
            "error: unexpected argument '--drafs'\n\n  hint: an argument with a close name exists: '--drafts'\n"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn the_locale_variables_are_read_in_posix_order() {
    let french_help = "Utilisation : passerelle <COMMANDE>";
    let cases: [(&[(&str, &str)], bool); 5] = [
        (&[("LANG", "fr_FR.UTF-8")], true),
        (&[("LC_MESSAGES", "fr_CA.UTF-8"), ("LANG", "C.UTF-8")], true),
        (&[("LC_ALL", "fr_BE.UTF-8"), ("LANG", "en_US.UTF-8")], true),
        (&[("LC_ALL", "C"), ("LANG", "fr_FR.UTF-8")], false),
        (&[], false),
    ];
    for (env, in_french) in cases {
        let run = run_with(env, &["--help"]);
        assert_eq!(run.stdout.contains(french_help), in_french, "{env:?}:\n{}", run.stdout);
    }
}

#[test]
fn the_build_summary_is_in_the_users_language() {
    let site = Site::minimal();
    let run = site.run_fr(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let line = run.stdout.trim_end();
    let (pages, rest) = line.split_once(' ').unwrap();
    assert!(pages.parse::<usize>().is_ok_and(|n| n > 20), "{line}");
    assert!(rest.starts_with("pages construites ("), "{line}");
    assert!(rest.contains(" fr) dans ./public en ") && rest.ends_with(" ms"), "{line}");

    site.write("content/news/broken.fr.md", "---\ntitle: [\n---\n");
    let run = site.run_fr(&["build"]);
    assert_eq!(run.code, 1);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(
        lines[lines.len() - 2..],
        ["1 erreur, 0 avertissement", "échec de la construction : 1 erreur ; ./public n'a pas été modifié"]
    );
    let run = site.run(&["build"]);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines[lines.len() - 2..], ["1 error, 0 warnings", "build failed: 1 error; ./public left unchanged"]);
}
