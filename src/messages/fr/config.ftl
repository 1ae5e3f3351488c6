## site.toml : le trouver, le lire, vérifier ses clés et leurs valeurs.

config-no-site-toml = aucun fichier site.toml dans { $dir }
# $error : le message du système, tel quel (souvent en anglais).
config-cannot-read = impossible de lire site.toml : { $error }
config-no-site-toml-hint = lancez passerelle dans le dossier du site, passez --root DOSSIER, ou créez un site avec « passerelle init DOSSIER »
# $detail : le message de l'analyseur TOML, tel quel (en anglais).
config-invalid-toml = TOML invalide : { $detail }

## Clés : inconnues, manquantes, d'un mauvais type.
## $found est le type de la valeur écrite à la place : string, integer,
## float, boolean, datetime, array ou table.

config-unknown-key = clé inconnue « { $key } »
# $table : la table où se trouve la clé, comme languages.fr ou sections.
config-unknown-key-in-table = clé inconnue « { $key } » dans [{ $table }]
# $keys : les clés permises à cet endroit, séparées par des virgules.
config-known-keys = clés connues : { $keys }
config-known-keys-in-table = clés connues dans [{ $table }] : { $keys }
config-missing-key = clé manquante « { $key } »
config-missing-title-hint = ajoutez une ligne comme : title = "Mon programme"
config-missing-base-url-hint = ajoutez une ligne comme : base_url = "https://exemple.fr/"
# $code : la première langue configurée ; $codes : toutes, séparées par des virgules.
config-missing-default-language-hint = ajoutez une ligne comme : default_language = "{ $code }" (l'une de { $codes })
config-not-a-string = « { $key } » doit être une chaîne, pas { $found ->
        [string] une chaîne
        [integer] un nombre entier
        [float] un nombre décimal
        [boolean] un booléen
        [datetime] une date
        [array] un tableau
        [table] une table
       *[other] une valeur d'un autre type
    }
# $key : le nom d'une table, comme sections ou languages.fr.
config-not-a-table = « { $key } » doit être une table

## base_url (dans site.toml ou passée avec --base-url).

config-base-url-scheme = « base_url » doit commencer par http:// ou https:// (valeur actuelle : « { $url } »)
config-base-url-no-host = « base_url » ne contient pas de nom de domaine : « { $url } »
config-base-url-forbidden = « base_url » ne doit contenir ni paramètres (?), ni ancre (#), ni espace : « { $url } »
config-base-url-example = par exemple : base_url = "https://exemple.fr/programme/"

## Langues.

config-languages-not-table = « languages » doit être une table de langues
config-languages-example = par exemple : [languages.fr] puis name = "Français"
config-not-a-language-code = « { $code } » n'est pas un code de langue
config-language-code-hint = utilisez un code comme fr, en, it ou pt-BR
config-no-language = aucune langue n'est configurée
config-no-language-hint = ajoutez au moins [languages.fr] avec un nom (name)
config-unknown-default-language = la langue par défaut « { $code } » ne fait pas partie des langues configurées
# $codes : les langues configurées, séparées par des virgules.
config-unknown-default-language-hint = langues configurées : { $codes } ; ajoutez [languages.{ $code }] ou choisissez l'une d'elles
config-unknown-fallback = valeur inconnue pour « translation_fallback » : « { $value } »
config-fallback-hint = choisissez "absent" ou "banner"

## Autres réglages : paginate, sections.

config-paginate-not-positive = « paginate » doit être un nombre entier supérieur à 0
config-paginate-not-integer = « paginate » doit être un nombre entier, pas { $found ->
        [string] une chaîne
        [integer] un nombre entier
        [float] un nombre décimal
        [boolean] un booléen
        [datetime] une date
        [array] un tableau
        [table] une table
       *[other] une valeur d'un autre type
    }
# $section : le nom d'une section, comme news ou projects.
config-section-not-table = « sections.{ $section } » doit associer à chaque langue un segment d'URL
config-section-example = par exemple : { $section } = { "{" } fr = "...", en = "..." { "}" }
config-section-unknown-language = « sections.{ $section } » mentionne la langue « { $lang } », qui n'est pas configurée
config-invalid-segment = « { $segment } » n'est pas un segment d'URL valide
config-segment-hint = utilisez des lettres minuscules sans accents, des chiffres et des tirets
config-segment-not-a-string = un segment d'URL doit être une chaîne, pas { $found ->
        [string] une chaîne
        [integer] un nombre entier
        [float] un nombre décimal
        [boolean] un booléen
        [datetime] une date
        [array] un tableau
        [table] une table
       *[other] une valeur d'un autre type
    }

## Le thème et les fichiers du site qui le remplacent.

build-theme-not-found = thème « { $theme } » introuvable
build-theme-not-found-hint = créez le dossier themes/{ $theme }/ ou utilisez theme = "default"
# $error : le message du système, tel quel (souvent en anglais).
build-cannot-read-template = impossible de lire le gabarit : { $error }
build-cannot-read-fluent = impossible de lire le fichier Fluent : { $error }
# Textes d'interface : ceux du thème (menus, boutons) dans les langues du site.
# $count : combien de messages du thème manquent à la langue ; $names : les premiers d'entre eux.
build-no-ui-strings = aucun texte d'interface pour la langue « { $lang } » : les { $count } messages du thème manquent ({ $names })
# $model : le fichier du thème dont partir, par exemple locales/en/main.ftl.
build-no-ui-strings-hint = créez locales/{ $lang }/main.ftl avec les messages du thème dans cette langue (partez d'une copie du fichier { $model } du thème)
build-ui-strings-missing = { $count ->
        [one] { $count } message d'interface du thème manque dans la langue « { $lang } » : { $names }
       *[other] { $count } messages d'interface du thème manquent dans la langue « { $lang } » : { $names }
    }
build-ui-strings-missing-hint = ajoutez-les à { $path } (le fichier { $model } du thème les a tous)
# $names : les premiers identifiants de messages ; $count : combien d'autres il y a.
build-ui-strings-names-more = { $names } et { $count } autres

## [images] : les largeurs et la qualité des images publiées.

config-images-widths = « widths » dans [images] doit être une liste de largeurs en pixels, de 1 à 20000
config-images-widths-hint = par exemple : widths = [480, 800, 1200, 1600]
config-images-quality = « quality » dans [images] doit être un nombre entier de 1 à 100
config-images-sizes = « sizes » dans [images] doit être le texte d'un attribut sizes
config-images-sizes-hint = par exemple : sizes = "(min-width: 46rem) 46rem, 100vw" (la largeur à laquelle le thème montre les images du texte d'une page)
config-images-budget = « budget_kb » dans [images] doit être un nombre entier de kilo-octets, 1 ou plus
