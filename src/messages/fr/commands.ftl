## La ligne de commande elle-même : aide des commandes et des arguments,
## erreurs d'utilisation, et les bilans qu'affiche `passerelle build`.

cli-about = Sites statiques pour les programmes de coopération entre collectivités territoriales
cli-usage = Utilisation :
# clap écrit « : » juste après un intitulé : l'espace qui doit le précéder
# fait partie de l'intitulé.
cli-heading-commands = Commandes{" "}
cli-heading-arguments = Arguments{" "}
cli-heading-options = Options{" "}
# Le nom d'une commande dans les lignes d'utilisation.
cli-command-placeholder = COMMANDE
cli-help-flag = Affiche l'aide
cli-version-flag = Affiche la version
cli-help-about = Affiche ce message ou l'aide de la commande donnée
cli-help-command = La commande à expliquer
# Après l'aide d'un argument ; $value est la valeur prise quand il est absent.
cli-default = [par défaut : { $value }]
# $values : les valeurs permises, séparées par des virgules.
cli-possible-values = [valeurs possibles : { $values }]

## Les commandes et leurs arguments.

cli-init-about = Crée un nouveau site avec un contenu de départ en français et en anglais
cli-init-dir = Le dossier où créer le site (créé s'il n'existe pas)
cli-init-force = Écrit dans un dossier qui n'est pas vide, en y remplaçant les fichiers du site de départ
cli-new-about = Écrit un nouvel élément dans chaque langue du site, en-tête rempli
cli-new-type = project, partner, action, news ou page
cli-new-id = L'identifiant de l'élément : lettres minuscules, chiffres et tirets, par exemple lancement-coopjop
cli-new-title = Le titre de l'élément ; à défaut, un titre provisoire dans chaque langue
cli-build-about = Construit le site dans le dossier de sortie (remplacé seulement si la construction réussit)
cli-build-output = Où écrire le site ; par défaut : public/ dans le dossier du site
cli-build-base-url = Remplace le base_url de site.toml
cli-check-about = Vérifie le site sans l'écrire : tout ce que vérifie build, plus les liens, les fichiers, les autres hôtes, les images sans texte alternatif, les pages légales et les traductions
cli-check-format = text pour une personne, json pour l'intégration continue
cli-check-deny-warnings = Sort avec le code 1 aussi quand il y a un avertissement
cli-serve-about = Construit le site et le sert ; avec --watch, le reconstruit et recharge les navigateurs à chaque modification
cli-serve-watch = Reconstruit à chaque modification du contenu, des thèmes, des gabarits, des traductions, des fichiers statiques ou de site.toml
cli-serve-port = Le port d'écoute
cli-serve-bind = L'adresse d'écoute ; 127.0.0.1 réserve le site à cet ordinateur
cli-serve-open = Ouvre le site dans un navigateur
cli-edit-about = Sert le site comme serve --watch, avec un éditeur dans le navigateur pour écrire et traduire le contenu
cli-edit-bind = L'adresse d'écoute : seulement celle de cet ordinateur (127.0.0.1, ::1 ou localhost)
cli-edit-no-open = N'ouvre pas le site dans un navigateur
cli-arg-root = Le dossier du site (celui de site.toml)
cli-arg-drafts = Inclut les éléments marqués `draft: true`
cli-arg-future = Inclut les actualités datées dans le futur

## Erreurs d'utilisation.

# Avant le message d'une erreur qui arrête la commande.
cli-error = erreur :
cli-error-unknown-command = commande inconnue « { $name } »
cli-error-similar-command = une commande au nom proche existe : « { $name } »
cli-error-unknown-argument = argument inattendu « { $name } »
cli-error-similar-argument = un argument au nom proche existe : « { $name } »
# $arg : l'argument tel que l'aide le montre, par exemple « --format <FORMAT> ».
cli-error-invalid-value = valeur « { $value } » invalide pour « { $arg } »
# $reason : pourquoi la valeur est refusée (en anglais, vient de l'analyseur).
cli-error-invalid-value-because = valeur « { $value } » invalide pour « { $arg } » : { $reason }
# $names : les arguments manquants, par exemple « <DIR> ».
cli-error-missing-arguments = arguments obligatoires manquants : { $names }
# $value: what the variable holds.
cli-error-today = PASSERELLE_TODAY doit être une date écrite AAAA-MM-JJ (par exemple 2026-03-01), pas « { $value } »
cli-more-information = Pour en savoir plus, essayez « --help ».

## Bilans.

# $languages : pages par langue, par exemple « 69 en, 69 fr » ; $ms : millisecondes.
cli-built = { $pages } pages construites ({ $languages }) dans { $output } en { $ms } ms
# Après une construction qui montre des images : $shown sources ; $encoded fichiers (jeux d'images, recadrages)
# encodés par cette construction, $reused repris du cache des précédentes.
cli-images = images montrées : { $shown } ; encodées maintenant : { $encoded } ; reprises de .passerelle-cache/ : { $reused }
cli-build-failed = échec de la construction : { $errors ->
        [one] { $errors } erreur
       *[other] { $errors } erreurs
    } ; { $output } n'a pas été modifié
