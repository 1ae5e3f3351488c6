## passerelle check : les fichiers de contenu

check-image-without-alt = image sans texte alternatif
check-image-without-alt-hint = décrivez l'image entre les crochets : ![ce qu'elle montre](...)
# $page : l'identifiant de la page obligatoire, « legal-notice » ou « accessibility ».
check-missing-page = { $page ->
        [legal-notice] il manque la page des mentions légales (legal-notice)
        [accessibility] il manque la déclaration d'accessibilité (accessibility)
       *[other] il manque la page « { $page } »
    }
check-missing-page-hint = créez content/pages/{ $page }.<langue>.md (passerelle new page { $page })
check-no-compliance-status = la déclaration d'accessibilité n'indique pas d'état de conformité
check-no-compliance-status-hint = indiquez si le site est « totalement conforme », « partiellement conforme » ou « non conforme » au RGAA

## passerelle check : traductions du contenu

# $lang : le code de langue de site.toml ; $name : son nom, par exemple English.
check-missing-translation = traduction manquante dans la langue « { $lang } » ({ $name })
# $path : le fichier à créer, par exemple content/news/launch.en.md.
check-missing-translation-hint = créez { $path }
check-staleness-unknown = impossible de savoir si les traductions sont à jour en dehors d'un dépôt git
# $source : le fichier dans la langue par défaut ; les dates (AAAA-MM-JJ) sont celles des derniers commits.
check-translation-older = traduction plus ancienne que { $source } (source modifiée le { $changed }, traduction le { $translated })
check-translation-older-hint = mettez-la à jour d'après { $source }, puis validez-la (git commit)

## passerelle check : les textes de l'interface (fichiers Fluent)

# $id : l'identifiant du message ; $lang et $name : la langue où il manque.
check-fluent-missing = le message « { $id } » manque dans la langue « { $lang } » ({ $name })
# $path : le fichier Fluent de cette langue où l'ajouter.
check-fluent-missing-hint = ajoutez-le à { $path }
check-fluent-unused = le message « { $id } » n'est utilisé par aucun gabarit
check-fluent-unused-hint = supprimez-le, ou affichez-le avec { "{{" } t(key="{ $id }") { "}}" } dans un gabarit

## passerelle check : liens et ressources des pages produites

# $kind : à quoi sert l'adresse : « link », « image » ou « file » (scripts, feuilles de style, médias).
check-missing-target = { $kind ->
        [image] image manquante : { $url }
        [file] fichier manquant : { $url }
       *[other] lien brisé vers { $url }
    }
check-external-resource = la page charge une ressource depuis un autre serveur : { $url }
check-external-resource-hint = copiez le fichier dans static/ et désignez-le par l'adresse du site : les navigateurs des visiteurs ne doivent contacter aucun autre serveur
# $url : le lien tel qu'écrit dans la page, ancre comprise.
check-missing-anchor = lien vers une ancre absente : { $url }
# $id : l'ancre, décodée.
check-missing-anchor-hint = aucun élément de la page visée n'a l'id « { $id } » ; un titre prend l'id tiré de son texte, ou celui écrit après lui entre {"{"}#…{"}"}
check-img-without-alt = image sans attribut alt : { $url }
check-img-without-alt-hint = ajoutez alt="..." pour décrire l'image, ou alt="" si elle est purement décorative
# Conseil quand l'adresse n'est écrite dans aucun fichier de contenu ; $pages : sur combien de pages produites.
check-found-in-template = { $pages ->
        [1] trouvé dans un gabarit, pas dans content/
       *[other] trouvé dans un gabarit, pas dans content/, sur { $pages } pages
    }

## passerelle check : le rapport en texte

# Avant le message d'une erreur, en couleur dans un terminal.
check-error-label = erreur :

## Images une fois traitées. $url : l'image, par exemple /images/port.jpg ; $width, $height : sa taille en pixels.
# $asked : la largeur maximale à laquelle le thème la montre, en pixels CSS.
check-image-short-column = l'image { $url } mesure { $width } × { $height } pixels mais le thème la montre jusqu'à { $asked } pixels de large : elle paraîtra floue
check-image-short-column-hint = utilisez un original d'au moins { $asked } pixels de large
check-image-short-sharing = l'image { $url } mesure { $width } × { $height } pixels : trop petite pour l'image de 1200 × 630 que montrent les réseaux sociaux (og:image)
check-image-short-sharing-hint = utilisez un original d'au moins 1200 pixels de large et 630 de haut
# $asked : la taille demandée par un gabarit, par exemple 1600×1200.
check-image-short-template = un gabarit demande l'image { $url } en { $asked } pixels, mais elle ne mesure que { $width } × { $height } : elle est publiée à sa taille, sans agrandissement
check-image-short-template-hint = utilisez un original plus grand, ou demandez une taille plus petite à resize_image
# $size, $budget : kilo-octets ; $file : le fichier le plus lourd publié pour elle.
check-image-heavy = l'image { $url } pèse encore { $size } Ko une fois traitée ({ $file }), au-delà du budget de { $budget } Ko
check-image-heavy-hint = recadrez-la sur son sujet, baissez « quality » ou la plus grande des « widths » dans [images] de site.toml, ou relevez « budget_kb » si cette image le demande
