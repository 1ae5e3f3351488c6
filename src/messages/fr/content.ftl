## Fichiers de contenu : leur recherche sous content/, leur nom et leur
## en-tête. Partout, $kind est le type d'un élément sous forme de code
## stable : home, project, partner, action, news ou page.

## Lecture des fichiers

# $error : la raison donnée par le système, en anglais.
content-cannot-read = lecture impossible : { $error }
content-cannot-read-file = impossible de lire le fichier : { $error }
content-not-utf8 = le fichier n'est pas du texte UTF-8 valide
content-changed-while-building = le fichier a changé pendant la construction du site
content-changed-while-building-hint = relancez la construction : rien n'a été écrit
content-not-utf8-hint = enregistrez le fichier avec l'encodage UTF-8

## Ce que dit le chemin d'un fichier : dossier, identifiant et langue

content-unknown-language = langue « { $lang } » inconnue dans le nom du fichier
# $close : la langue configurée la plus proche de celle écrite ; $codes : toutes les langues configurées, séparées par des virgules.
content-unknown-language-close = vouliez-vous dire « { $close } » ? Langues configurées : { $codes }
content-unknown-language-add = langues configurées : { $codes } ; ajoutez [languages.{ $lang }] à site.toml pour publier cette langue
content-outside-section = fichier de contenu en dehors d'un dossier de section
content-outside-section-hint = déplacez-le dans content/pages/ pour une page libre, ou dans projects/, partners/, actions/ ou news/
content-unknown-folder = dossier de contenu « { $folder } » inconnu
# $folders : les dossiers que content/ peut contenir, séparés par des virgules.
content-folders = les dossiers de contenu sont : { $folders }
content-invalid-id = « { $id } » n'est pas un identifiant valide
content-invalid-id-hint = utilisez des lettres minuscules sans accents, des chiffres et des tirets, par exemple coopjop-lancement

## Le cadre de l'en-tête

content-front-matter-missing = en-tête manquant
content-front-matter-missing-hint = commencez le fichier par une ligne « --- », puis les champs (title: ...), puis une autre ligne « --- »
content-front-matter-unclosed = l'en-tête n'est pas fermé
content-front-matter-unclosed-hint = ajoutez une ligne « --- » après le dernier champ
content-front-matter-not-fields = l'en-tête doit être une liste de champs
content-front-matter-not-fields-hint = écrivez un champ par ligne, par exemple : title: Mon actualité
# $detail : le message de l'analyseur YAML, en anglais.
content-invalid-yaml = YAML invalide : { $detail }
content-invalid-yaml-hint = vérifiez l'indentation et mettez entre guillemets les textes qui contiennent « : » (deux-points suivi d'une espace)

## Les champs et leurs types

content-unknown-field = champ « { $field } » inconnu pour { $kind ->
        [home] la page d'accueil
        [project] un projet
        [partner] un partenaire
        [action] une action
        [news] une actualité
        [page] une page
       *[other] un élément { $kind }
    }
# $parent : le champ sous lequel l'inconnu est écrit, par exemple image.
content-unknown-subfield = champ « { $field } » inconnu dans « { $parent } » pour { $kind ->
        [home] la page d'accueil
        [project] un projet
        [partner] un partenaire
        [action] une action
        [news] une actualité
        [page] une page
       *[other] un élément { $kind }
    }
# $fields : les noms de champs autorisés, séparés par des virgules.
content-allowed-fields = champs autorisés : { $fields }
content-allowed-subfields = champs autorisés dans « { $parent } » : { $fields }
# Un champ a une valeur du mauvais type. $subject vaut « field » ($field le
# nomme, par exemple partners ou funding[0].rate) ou « front-matter » (tout
# l'en-tête). $expected et $found sont des codes de type ; $expected_value et
# $found_value sont la valeur écrite (pour text-value, number-value,
# boolean-value) ou la description anglaise de l'analyseur (pour other).
content-wrong-type = { $subject ->
        [front-matter] l'en-tête
       *[field] le champ « { $field } »
    } doit être { $expected ->
        [text] du texte
        [text-value] le texte « { $expected_value } »
        [list] une liste
        [map] un groupe de champs
        [boolean] true ou false
        [integer] un nombre entier
        [number] un nombre
        [pair] une paire [latitude, longitude]
        [date] une date comme 2026-02-06
        [number-value] le nombre { $expected_value }
        [boolean-value] la valeur { $expected_value }
       *[other] { $expected_value }
    }, et non { $found ->
        [text] du texte
        [text-value] le texte « { $found_value } »
        [list] une liste
        [map] un groupe de champs
        [boolean] true ou false
        [integer] un nombre entier
        [number] un nombre
        [pair] une paire [latitude, longitude]
        [date] une date
        [number-value] le nombre { $found_value }
        [boolean-value] la valeur { $found_value }
       *[other] { $found_value }
    }
# Une liste a trop ou trop peu d'éléments. $subject comme pour
# content-wrong-type (« field » ou « list ») ; $count : combien elle en a ;
# $expected : combien elle devrait en avoir.
content-wrong-length = { $subject ->
        [list] une liste
       *[field] le champ « { $field } »
    } n'a pas le bon nombre d'éléments ({ $count } au lieu de { $expected })
# Idem, quand les mots de l'analyseur n'ont pas pu être lus ; $detail est en anglais.
content-wrong-length-detail = { $subject ->
        [list] une liste
       *[field] le champ « { $field } »
    } n'a pas le bon nombre d'éléments ({ $detail })
content-field-twice = le champ « { $field } » est défini deux fois
content-field-twice-hint = ne gardez qu'une seule ligne pour ce champ
# $example : une valeur d'exemple pour le champ.
content-missing-field = champ obligatoire « { $field } » manquant pour { $kind ->
        [home] la page d'accueil
        [project] un projet
        [partner] un partenaire
        [action] une action
        [news] une actualité
        [page] une page
       *[other] un élément { $kind }
    }
content-missing-field-hint = ajoutez une ligne « { $field }: { $example } » à l'en-tête
content-missing-project-hint = ajoutez une ligne « project: <identifiant du projet> » à l'en-tête
# Un champ manquant dans un groupe de champs, comme « src » sous « image ».
content-missing-subfield = il manque le champ « { $field } » dans « { $parent } »
content-missing-subfield-hint = ajoutez une ligne « { $field }: ... » sous « { $parent }: », avec le même retrait que les autres champs de « { $parent } »

## Les valeurs des champs

content-invalid-date = le champ « { $field } » ne contient pas une date valide : « { $value } »
content-invalid-date-hint = écrivez les dates sous la forme AAAA-MM-JJ, ou AAAA-MM-JJTHH:MM avec une heure (par exemple 2026-02-06 ou 2026-02-06T18:30)
# Une valeur hors d'une liste fixe. $what : status, action-kind ou partner-kind.
content-unknown-choice = { $what ->
        [status] statut
        [action-kind] type d'action
        [partner-kind] type de partenaire
       *[other] valeur
    } « { $value } » { $what ->
        [status] inconnu
        [action-kind] inconnu
        [partner-kind] inconnu
       *[other] inconnue
    }
# $allowed : les valeurs autorisées, séparées par des virgules.
content-expected-one-of = valeurs possibles : { $allowed }
content-expected-one-of-close = vouliez-vous dire « { $close } » ? (valeurs possibles : { $allowed })
content-unknown-country = code pays « { $code } » inconnu
content-country-upper-case = les codes pays s'écrivent en majuscules : « { $upper } »
content-country-hint = utilisez un code ISO 3166-1 alpha-2, par exemple FR, IT, US, BJ, SN
content-invalid-language-code = « { $code } » n'est pas un code de langue
content-invalid-language-code-hint = utilisez un code comme it, en, fr ou pt-BR
content-unknown-time-zone = fuseau horaire « { $zone } » inconnu
content-unknown-time-zone-hint = utilisez un nom de fuseau horaire IANA, par exemple Europe/Paris, America/Denver, Africa/Dakar
content-image-without-alt = image sans texte alternatif
content-image-without-alt-hint = ajoutez « alt: » sous « image: » pour décrire l'image (ou alt: "" seulement si elle est purement décorative)
# $focus : la valeur écrite.
content-image-focus = impossible de lire le point d'intérêt « { $focus } » de l'image
content-image-focus-hint = indiquez où se trouve le sujet, comme en CSS : top, bottom, left, right, center, deux d'entre eux (« top left »), ou des pourcentages depuis la gauche puis depuis le haut (« 30% 20% »)
content-invalid-slug = « { $slug } » n'est pas un slug valide
content-invalid-slug-hint = utilisez des lettres minuscules sans accents, des chiffres et des tirets, par exemple lancement-coopjop

## Entre fichiers : traductions, références, adresses

# Une traduction donne une valeur à un champ commun à toutes les langues. $base : le fichier dont elle hérite.
content-translation-differs = le champ « { $field } » diffère de celui de { $base }, dont il devrait hériter
content-translation-differs-hint = le champ « { $field } » est le même dans toutes les langues : supprimez-le ici et, si besoin, modifiez-le dans { $base }
# Une référence à un élément qui n'existe pas. $kind : le type de l'élément
# visé ; $folder : son dossier sous content/.
content-unknown-reference = { $kind ->
        [project] projet « { $id } » inconnu
        [partner] partenaire « { $id } » inconnu
        [action] action « { $id } » inconnue
        [news] actualité « { $id } » inconnue
        [page] page « { $id } » inconnue
       *[other] élément { $kind } « { $id } » inconnu
    }
content-unknown-reference-hint = aucun fichier content/{ $folder }/{ $id }.<langue>.md n'existe
# $url : l'adresse que les deux pages auraient ; $other : l'autre fichier.
content-url-collision = deux pages seraient écrites à l'adresse { $url } : ce fichier et { $other }
content-url-collision-hint = donnez un autre « slug » à l'une des deux

## Groupes de travail (working_groups d'un projet ; working_group: des actions et actualités)
# $id : l'identifiant écrit ; $projects : les identifiants des projets, séparés par des virgules.
content-unknown-working-group = groupe de travail « { $id } » inconnu dans le projet { $projects }
# $ids : les identifiants des groupes du projet, séparés par des virgules.
content-working-groups-hint = ses groupes de travail : { $ids }
content-no-working-groups-hint = le projet n'a pas de working_groups : donnez-y un id à chacun
content-working-group-no-project = groupe de travail « { $id } » sans projet
# $field : project (actions) ou projects (actualités).
content-working-group-no-project-hint = un groupe de travail appartient à un projet : nommez-le dans « { $field } »
content-working-group-twice = l'identifiant de groupe de travail « { $id } » est employé deux fois
content-working-group-twice-hint = donnez à chaque groupe de travail son propre « id » (par défaut, le slug de son titre)
