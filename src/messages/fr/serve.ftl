## passerelle init et passerelle new : refus et échecs, affichés après
## « passerelle init: » ou « passerelle new: ».

# $folder : le dossier donné à init, tel que saisi.
scaffold-not-a-folder = { $folder } n'est pas un dossier
scaffold-folder-not-empty = { $folder } n'est pas vide ; utilisez --force pour y écrire quand même
# $kind : le type saisi ; $known : les types acceptés, séparés par des virgules.
scaffold-unknown-type = type « { $kind } » inconnu ; utilisez l'un de ceux-ci : { $known }
scaffold-invalid-id = « { $id } » n'est pas un identifiant valide ; utilisez des lettres minuscules, des chiffres et des tirets, par exemple lancement-coopjop
# $path : le fichier du nouvel élément qui existe déjà.
scaffold-already-exists = { $path } existe déjà
scaffold-action-needs-project = créez d'abord un projet : passerelle new project <identifiant>
# $file : site.toml ; $folder : le dossier du site (--root).
scaffold-no-site = aucun { $file } dans { $folder } ; lancez la commande dans le dossier d'un site, indiquez-le avec --root DOSSIER, ou créez un site avec passerelle init DOSSIER
# $file : site.toml, dont les diagnostics sont affichés juste avant.
scaffold-config-has-errors = { $file } contient des erreurs ; corrigez-les d'abord
# $doing : create, write ou read ; $detail : le message d'erreur du système.
scaffold-io-error = { $doing ->
        [create] impossible de créer { $path } : { $detail }
        [write] impossible d'écrire { $path } : { $detail }
       *[read] impossible de lire { $path } : { $detail }
    }

## Ce qu'affiche passerelle init une fois le site écrit : cette ligne, les
## fichiers, puis les commandes à lancer ensuite.

scaffold-init-created = nouveau site créé dans { $folder } :
scaffold-init-next = ensuite :
# Un commentaire du shell après « passerelle serve --watch ».
scaffold-init-preview = aperçu sur { $url }

## passerelle serve : une ligne par construction, puis les diagnostics.

# Ce qui a lancé la première construction ; $what des lignes serve-built et serve-failed-*.
serve-first-build = construction du site
# Ce qui a lancé une reconstruction : $path modifié, et $others fichiers de plus.
serve-changed = { $others ->
        [0] modification de { $path }
        [one] modification de { $path } et d'un autre fichier
       *[other] modification de { $path } et de { $others } autres fichiers
    }
# $what : serve-first-build ou serve-changed ; $rendered des $files pages
# du site ont été réécrites ; $ms : millisecondes.
serve-built = { $what } : { $rendered ->
        [one] { $rendered } page réécrite
       *[other] { $rendered } pages réécrites
    } sur { $files } en { $ms } ms
# Une construction échouée alors qu'une construction correcte précédente reste servie.
serve-failed-last-good = { $what } : échec de la construction avec { $errors ->
        [one] { $errors } erreur
       *[other] { $errors } erreurs
    } en { $ms } ms ; la dernière version correcte du site reste servie
# Une construction échouée quand aucune n'a réussi depuis le lancement de serve.
serve-failed-no-site = { $what } : échec de la construction avec { $errors ->
        [one] { $errors } erreur
       *[other] { $errors } erreurs
    } en { $ms } ms ; le site sera servi dès qu'il se construira sans erreur
serve-serving = site servi sur { $url } (Ctrl+C pour arrêter)
serve-serving-watching = site servi sur { $url } (surveillance des modifications ; Ctrl+C pour arrêter)
serve-no-browser = impossible d'ouvrir un navigateur : ouvrez { $url } vous-même
serve-server-stopped = le fil d'exécution du serveur s'est arrêté de manière inattendue

## passerelle serve : les erreurs et réponses du serveur lui-même.

# $address : l'adresse et le port d'écoute, par exemple 127.0.0.1:1111 ; $detail : le message d'erreur du système.
serve-cannot-listen = impossible d'écouter sur { $address } : { $detail }
# $next : le port à essayer à la place.
serve-port-in-use = impossible d'écouter sur { $address } : le port est déjà utilisé (un autre `passerelle serve` est-il lancé ? essayez --port { $next })
serve-port-in-use-other = impossible d'écouter sur { $address } : le port est déjà utilisé (un autre `passerelle serve` est-il lancé ? essayez un autre --port)
# $path : le dossier du site ; $detail : le message d'erreur du système.
serve-cannot-watch = impossible de surveiller { $path } : { $detail }
# Le corps d'une réponse HTTP 405.
serve-method-not-allowed = méthode non autorisée
serve-body-too-large = requête trop volumineuse
# Le corps d'une réponse HTTP 400 (une adresse mal formée).
serve-bad-request = requête invalide
# La page d'une adresse où le site construit n'a pas de page, quand le site n'a pas de 404.html.
serve-not-found-title = Page introuvable
serve-not-found-text = Le site construit n'a aucune page à cette adresse.
# Un lien vers la page d'accueil ; un point le suit.
serve-not-found-home = Aller à la page d'accueil

## passerelle serve : le panneau affiché par-dessus les pages tant que la construction échoue.

serve-overlay-heading-last-good = La construction a échoué — la dernière version correcte du site est affichée
# Aucune construction n'a réussi depuis le lancement de serve : il n'y a pas de site sous le panneau.
serve-overlay-heading-no-site = La construction a échoué — aucune version du site à afficher pour l'instant
# Sous le titre ; les avertissements ne sont comptés que s'il y en a.
serve-overlay-count = { $warnings ->
        [0] { $errors ->
            [one] { $errors } erreur
           *[other] { $errors } erreurs
        }
       *[other] { $errors ->
            [one] { $errors } erreur
           *[other] { $errors } erreurs
        }, { $warnings ->
            [one] { $warnings } avertissement
           *[other] { $warnings } avertissements
        }
    }
# Le bouton qui ferme le panneau.
serve-overlay-dismiss = Fermer

## La ligne de progression d'une longue construction sur un terminal (build, check et serve).

# $phase : reading, linking, markdown ou pages ;
# $done étapes sur $total sont faites ; $total vaut 0 pour une phase dont les
# étapes ne sont pas comptées.
serve-progress = { $phase ->
        [reading] lecture du contenu
        [linking] liaison des éléments
        [markdown] rendu du Markdown
       *[pages] rendu des pages
    }{ $total ->
        [0] …
       *[other] { " " }: { $done }/{ $total }
    }
