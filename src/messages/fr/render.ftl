## Shortcodes dans le Markdown : {{ nom(arg="valeur") }} seul dans un paragraphe, ou dans une ligne de texte pour ceux qui sont en ligne (partner).

# $detail : l'un des messages render-shortcode-* ci-dessous, qui dit ce qui ne va pas.
render-shortcode-malformed = appel de shortcode mal formé : { $detail }
render-shortcode-malformed-hint = un shortcode s'écrit { "{{" } nom(arg="valeur") { "}}" } ; pour afficher le texte tel quel, mettez-le entre accents graves (`)
# $detail : pourquoi le gabarit du shortcode a échoué (erreur de gabarit ou render-shortcode-no-template).
render-shortcode-failed = le shortcode « { $name } » a échoué : { $detail }
# $template : le nom du gabarit sous templates/, par exemple shortcodes/chart.html.
render-shortcode-no-template = le gabarit templates/{ $template } n'existe pas
render-shortcode-alone = un appel de shortcode doit être seul dans son paragraphe
render-shortcode-block = le shortcode « { $name } » dessine un bloc : il doit être seul dans son paragraphe
render-shortcode-block-hint = écrivez l'appel sur une ligne à part, précédée et suivie d'une ligne vide
render-shortcode-bad-name = « { $name } » n'est pas un nom de shortcode (lettres minuscules, chiffres et « _ »)
render-shortcode-parentheses = « ( » est attendu après « { $name } », et « ) » à la fin de l'appel
# $text : la suite de l'appel, telle qu'écrite.
render-shortcode-bad-argument = un argument de la forme arg="valeur" est attendu, pas « { $text } »
render-shortcode-bad-value = la valeur de « { $key } » doit être une chaîne entre guillemets, un nombre, true ou false
render-shortcode-duplicate-argument = l'argument « { $key } » est donné deux fois
render-shortcode-missing-comma = une virgule est attendue après l'argument « { $key } »

## Liens internes dans le Markdown : [texte](@/projects/coopjop.md)

# $target : ce qui suit @/, tel qu'écrit, fragment compris.
render-broken-internal-link = lien interne brisé « @/{ $target } »
# $item : la cible sans .md ni fragment, par exemple projects/coopjop.
render-broken-internal-link-hint = aucun fichier de contenu ne correspond à « { $item } » ; un lien interne s'écrit @/<section>/<identifiant>.md

## Liens vers des fichiers du site : [l'étude](/docs/etude.pdf){lang=en}

# $url : la destination du lien, telle qu'écrite.
render-missing-file = lien vers un fichier absent : { $url }
# $path : où le fichier devrait être, p. ex. static/docs/etude.pdf.
render-missing-file-hint = placez le fichier dans { $path } (les fichiers de static/ sont publiés à la racine du site) ou corrigez le lien
# $text : les accolades écrites après le lien, p. ex. {lang=en.
render-link-attributes-malformed = attributs mal formés après un lien : « { $text } »
render-link-attribute-unknown = attribut de lien inconnu : « { $key } »
render-link-lang-invalid = « { $value } » n'est pas un code de langue
render-link-attributes-hint = juste après un lien, {"{"}lang=en{"}"} donne la langue du document vers lequel il mène (un code comme en, fr, it, pt-BR)

## Images montrées par une page : ![alt](/images/photo.jpg), figure, l'image d'une actualité.

# $url : la source de l'image, telle qu'écrite.
render-image-missing = image introuvable : { $url }
render-image-unsupported = format d'image non pris en charge : { $url }
render-image-unsupported-hint = utilisez une image JPEG, PNG, WebP ou GIF (une image SVG est montrée telle quelle)
render-image-unreadable = impossible de lire l'image { $url } : ce n'est pas une image, ou le fichier est tronqué
render-image-unreadable-hint = ouvrez le fichier dans un éditeur d'images et enregistrez-le de nouveau en JPEG ou en PNG
# $width, $height : la taille de l'image en pixels ; $limit : le nombre maximal de mégapixels traités.
render-image-too-large = image trop grande pour être traitée sans risque : { $url } mesure { $width } × { $height } pixels
render-image-too-large-hint = réduisez-la à { $limit } mégapixels au plus (une photo pour le web n'a pas besoin de plus de 3000 pixels de large)
# resize_image(path, width, height, op, format, focus) dans un gabarit.
render-resize-path = resize_image a besoin de path="…" : l'image à redimensionner, par exemple path="/images/port.jpg"
render-resize-size = resize_image a besoin d'une largeur ou d'une hauteur, et op="fill" des deux
# $name : width ou height ; $value : le nombre donné.
render-resize-size-range = resize_image : { $name } doit être un nombre entier de pixels de 1 à 20000, et non { $value }
render-resize-op = resize_image : op doit valoir "fit" ou "fill", et non "{ $op }"
render-resize-format = resize_image : format doit valoir "auto", "webp", "jpg" ou "png", et non "{ $format }"
render-resize-outside = resize_image ne s'utilise que pendant la construction du site
# $path : le chemin donné à resize_image.
render-resize-not-a-file = resize_image : { $path } n'est pas un fichier du site

## Gabarits (Tera). $detail est la description de Tera, en anglais.

render-template-syntax = erreur de syntaxe dans le gabarit : { $detail }
render-template-not-found = gabarit « { $name } » introuvable
render-template-missing-parent = le gabarit étend « { $parent } », qui n'existe pas
# La fonction de traduction t() est appelée là où la variable `lang` n'est pas définie.
render-t-needs-lang = t() a besoin de la langue de la page (« lang » n'est pas défini)
render-dir-within-needs-lang = dir_within() a besoin de la langue de la page (« lang » n'est pas défini)
# Conseil sous une erreur de gabarit : la première page concernée, et combien d'autres le sont.
render-while-rendering = { $others ->
        [0] lors de la construction de la page { $page }
        [one] lors de la construction de la page { $page } (et d'une autre page)
       *[other] lors de la construction de la page { $page } (et de { $others } autres pages)
    }

## Les fichiers Fluent du site et du thème (locales/<langue>/*.ftl)

# $detail : la description de l'analyseur Fluent, en anglais, ou render-fluent-expected-line-break.
render-fluent-syntax = syntaxe Fluent invalide : { $detail }
render-fluent-expected-line-break = saut de ligne attendu
# $kind : « message » ou « term » ; $id : l'identifiant tel qu'écrit (un terme commence par -) ;
# $place : chemin:ligne:colonne de la première définition.
render-fluent-defined-twice = { $kind ->
        [term] le terme « { $id } » est défini deux fois ; cette définition remplace celle de { $place }
       *[other] le message « { $id } » est défini deux fois ; cette définition remplace celle de { $place }
    }
render-fluent-missing = message « { $key } » manquant dans la langue « { $lang } »
# $detail : ce que Fluent n'a pas pu résoudre, en anglais (par exemple « unknown variable: $name »).
render-fluent-format = message « { $key } » dans la langue « { $lang } » : { $detail }
# $name : le nom de la variable ; $value : le nombre, par exemple NaN ou 1e20.
render-fluent-not-a-number = la variable ${ $name } n'est pas un nombre affichable ({ $value })
