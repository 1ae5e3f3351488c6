# Default theme of passerelle: French interface strings.
# A site overrides any of these messages in locales/fr/*.ftl at its root.
#
# Messages the passerelle engine relies on:
#   month-1 .. month-12, date-long ($day $month $year), date-month-year ($month $year),
#   country-XX (ISO 3166-1 alpha-2), kind-*, action-kind-*, status-*, type-*.

## Site

# Used as <meta name="description"> when a page has no summary.
site-description = Portail de coopération entre collectivités territoriales
# Open Graph locale of this language.
og-locale = fr_FR

## Dates

month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
# $day and $year are numbers; $month is the name (month-N). The first day reads "1er".
date-long = { $day ->
        [1] 1er
       *[other] { $day }
    } { $month } { $year }
date-month-year = { $month } { $year }
# Read between the two dates of a period, for screen readers ("du 6 au 8 février").
date-range-to = au
# A date followed by a time: "6 février 2026 à 18:30".
date-at-time = { $date } à { $time }
# The time zone of a time, named after its city with its offset at that date:
# "heure de Paris, UTC+1", "heure d'Abidjan, UTC". $city: the last part of
# the IANA name (Europe/Paris), or the message tz-<Area>-<City> when there
# is one; $initial: "vowel" or "consonant" (for the elision of "de");
# $offset: "+1", "−7", "+5:30", or empty for UTC itself.
time-zone = { $initial ->
        [vowel] heure d'{ $city }
       *[other] heure de { $city }
    }, UTC{ $offset }
# A zone named after no city (UTC, Etc/GMT-2).
time-zone-utc = UTC{ $offset }
# After a time: "6 février 2026 à 18:30 (heure de Paris, UTC+1)".
time-zone-shown = ({ $zone })
# Cities whose French name differs from the IANA one.
tz-Europe-Brussels = Bruxelles
tz-Europe-London = Londres
tz-Europe-Vienna = Vienne
tz-Europe-Warsaw = Varsovie
tz-Europe-Lisbon = Lisbonne
tz-Europe-Copenhagen = Copenhague
tz-Europe-Athens = Athènes
tz-Europe-Bucharest = Bucarest
tz-Europe-Moscow = Moscou
tz-Africa-Algiers = Alger
tz-America-New_York = New York
tz-America-Mexico_City = Mexico
tz-America-Montreal = Montréal
tz-America-Sao_Paulo = São Paulo

## Numbers

# Thousands separator (narrow no-break space) and decimal separator.
number-group-separator = {"\u202F"}
number-decimal-separator = ,
percent = { $value }{"\u00A0"}%
amount-currency = { $amount }{"\u00A0"}{ $currency }

## Navigation and page structure

skip-to-content = Aller au contenu
nav-main = Menu principal
nav-home = Accueil
nav-breadcrumb = Fil d'Ariane
nav-tags = Mots-clés
lang-switcher = Choix de la langue
# Shown after a language whose link goes to its home page because this page is not translated.
lang-switch-home = page d'accueil
toc = Sommaire
# Appended to <title> on page 2 and later of a list.
title-page-number = page { $number }

## Untranslated content

fallback-notice = Cette page n'a pas encore été traduite en français. Elle est affichée dans sa langue d'origine :

## Footer

footer-accessibility = Accessibilité : partiellement conforme
footer-legal = Mentions légales
footer-built-with = Site construit avec passerelle
footer-feed = Flux Atom des actualités
footer-calendar = Agenda (iCalendar)
footer-tags = Tous les mots-clés

## Types of content

type-project = Projet
type-partner = Partenaire
type-action = Action
type-news = Actualité
type-page = Page

## Status of projects and actions ("Statut : terminé")

status-planned = prévu
status-ongoing = en cours
status-completed = terminé

## Partner kinds

kind-region = Région
kind-department = Département
kind-municipality = Commune
kind-intercommunality = Intercommunalité
kind-state = État
kind-university = Université
kind-association = Association
kind-agency = Agence
kind-other = Autre

## Action kinds

action-kind-meeting = Réunion
action-kind-field-visit = Visite de terrain
action-kind-webinar = Webinaire
action-kind-seminar = Séminaire
action-kind-training = Formation
action-kind-study = Étude
action-kind-other = Autre

## Home page

home-latest-news = Dernières actualités
home-projects = Projets
home-upcoming-actions = Prochaines actions
home-no-upcoming = Aucune action n'est prévue pour le moment.
home-all-news = Toutes les actualités
home-all-projects = Tous les projets
home-all-actions = Tout l'agenda
home-all-partners = Tous les partenaires

## Facts about an item

# Sous l'image d'une actualité : qui l'a faite ($credit tel qu'écrit dans l'en-tête).
image-credit = Image : { $credit }
facts = En bref
field-acronym = Acronyme
field-status = Statut
field-dates = Dates
field-period = Période
field-lead = Chef de file
field-website = Site internet
field-themes = Thématiques
field-kind = Type
field-country = Pays
field-official-name = Nom officiel
field-short-name = Sigle
field-project = Projet
field-location = Lieu
field-format = Format
field-author = Auteur ou autrice
field-date = Date
byline-author = Par { $author }
field-tags = Mots-clés
online = En ligne
online-and-onsite = Sur place et en ligne
action-number = Action { $number }
upcoming = À venir
past = Passée

## Sections: list titles (used by the engine: section-projects, -partners, -actions, -news, -tags)
## and headings of item pages

section-funding = Financement
funding-caption = Financement du projet
funding-funder = Financeur
funding-programme = Programme
funding-rate = Taux de cofinancement
funding-amount = Montant
section-working-groups = Groupes de travail
section-partners = Partenaires
section-projects = Projets
section-actions = Actions
section-news = Actualités
section-tags = Mots-clés
news-shown-of = Les { $shown } actualités les plus récentes sur { $total }.
news-related-projects = Projets liés
news-related-partners = Partenaires cités

## Lists

list-empty = Aucun contenu pour le moment.
actions-upcoming = Actions à venir
actions-past = Actions passées
actions-none-upcoming = Aucune action n'est prévue pour le moment.
partners-count = { $count ->
        [one] { $count } partenaire
       *[other] { $count } partenaires
    }
news-count = { $count ->
        [one] { $count } actualité
       *[other] { $count } actualités
    }
items-count = { $count ->
        [one] { $count } contenu
       *[other] { $count } contenus
    }
tag-intro = { $count ->
        [one] { $count } contenu porte ce mot-clé.
       *[other] { $count } contenus portent ce mot-clé.
    }
tags-intro = Tous les mots-clés utilisés sur le site, avec le nombre de contenus associés.
tags-all = Tous les mots-clés

## Pagination

pagination = Pagination
page-of = Page { $current } sur { $total }
page-n = Page { $number }
page-prev = Page précédente
page-next = Page suivante

## Error page and language chooser

not-found-title = Page introuvable
not-found-text = La page que vous cherchez n'existe pas ou a été déplacée. Vérifiez l'adresse, ou repartez de la page d'accueil.
not-found-homes = Pages d'accueil
chooser-title = Choisissez votre langue
chooser-redirect = Cette page redirige vers la version par défaut du site. Si rien ne se passe, choisissez une langue ci-dessous.

## Countries (ISO 3166-1 alpha-2)

country-AD = Andorre
country-AE = Émirats arabes unis
country-AF = Afghanistan
country-AG = Antigua-et-Barbuda
country-AI = Anguilla
country-AL = Albanie
country-AM = Arménie
country-AO = Angola
country-AQ = Antarctique
country-AR = Argentine
country-AS = Samoa américaines
country-AT = Autriche
country-AU = Australie
country-AW = Aruba
country-AX = Îles Åland
country-AZ = Azerbaïdjan
country-BA = Bosnie-Herzégovine
country-BB = Barbade
country-BD = Bangladesh
country-BE = Belgique
country-BF = Burkina Faso
country-BG = Bulgarie
country-BH = Bahreïn
country-BI = Burundi
country-BJ = Bénin
country-BL = Saint-Barthélemy
country-BM = Bermudes
country-BN = Brunei
country-BO = Bolivie
country-BQ = Bonaire, Saint-Eustache et Saba
country-BR = Brésil
country-BS = Bahamas
country-BT = Bhoutan
country-BV = Île Bouvet
country-BW = Botswana
country-BY = Biélorussie
country-BZ = Belize
country-CA = Canada
country-CC = Îles Cocos (Keeling)
country-CD = République démocratique du Congo
country-CF = République centrafricaine
country-CG = République du Congo
country-CH = Suisse
country-CI = Côte d'Ivoire
country-CK = Îles Cook
country-CL = Chili
country-CM = Cameroun
country-CN = Chine
country-CO = Colombie
country-CR = Costa Rica
country-CU = Cuba
country-CV = Cap-Vert
country-CW = Curaçao
country-CX = Île Christmas
country-CY = Chypre
country-CZ = Tchéquie
country-DE = Allemagne
country-DJ = Djibouti
country-DK = Danemark
country-DM = Dominique
country-DO = République dominicaine
country-DZ = Algérie
country-EC = Équateur
country-EE = Estonie
country-EG = Égypte
country-EH = Sahara occidental
country-ER = Érythrée
country-ES = Espagne
country-ET = Éthiopie
country-FI = Finlande
country-FJ = Fidji
country-FK = Îles Malouines (Falkland)
country-FM = Micronésie
country-FO = Îles Féroé
country-FR = France
country-GA = Gabon
country-GB = Royaume-Uni
country-GD = Grenade
country-GE = Géorgie
country-GF = Guyane française
country-GG = Guernesey
country-GH = Ghana
country-GI = Gibraltar
country-GL = Groenland
country-GM = Gambie
country-GN = Guinée
country-GP = Guadeloupe
country-GQ = Guinée équatoriale
country-GR = Grèce
country-GS = Géorgie du Sud-et-les Îles Sandwich du Sud
country-GT = Guatemala
country-GU = Guam
country-GW = Guinée-Bissau
country-GY = Guyana
country-HK = Hong Kong
country-HM = Îles Heard-et-MacDonald
country-HN = Honduras
country-HR = Croatie
country-HT = Haïti
country-HU = Hongrie
country-ID = Indonésie
country-IE = Irlande
country-IL = Israël
country-IM = Île de Man
country-IN = Inde
country-IO = Territoire britannique de l'océan Indien
country-IQ = Irak
country-IR = Iran
country-IS = Islande
country-IT = Italie
country-JE = Jersey
country-JM = Jamaïque
country-JO = Jordanie
country-JP = Japon
country-KE = Kenya
country-KG = Kirghizistan
country-KH = Cambodge
country-KI = Kiribati
country-KM = Comores
country-KN = Saint-Christophe-et-Niévès
country-KP = Corée du Nord
country-KR = Corée du Sud
country-KW = Koweït
country-KY = Îles Caïmans
country-KZ = Kazakhstan
country-LA = Laos
country-LB = Liban
country-LC = Sainte-Lucie
country-LI = Liechtenstein
country-LK = Sri Lanka
country-LR = Liberia
country-LS = Lesotho
country-LT = Lituanie
country-LU = Luxembourg
country-LV = Lettonie
country-LY = Libye
country-MA = Maroc
country-MC = Monaco
country-MD = Moldavie
country-ME = Monténégro
country-MF = Saint-Martin (partie française)
country-MG = Madagascar
country-MH = Îles Marshall
country-MK = Macédoine du Nord
country-ML = Mali
country-MM = Birmanie
country-MN = Mongolie
country-MO = Macao
country-MP = Îles Mariannes du Nord
country-MQ = Martinique
country-MR = Mauritanie
country-MS = Montserrat
country-MT = Malte
country-MU = Maurice
country-MV = Maldives
country-MW = Malawi
country-MX = Mexique
country-MY = Malaisie
country-MZ = Mozambique
country-NA = Namibie
country-NC = Nouvelle-Calédonie
country-NE = Niger
country-NF = Île Norfolk
country-NG = Nigeria
country-NI = Nicaragua
country-NL = Pays-Bas
country-NO = Norvège
country-NP = Népal
country-NR = Nauru
country-NU = Niue
country-NZ = Nouvelle-Zélande
country-OM = Oman
country-PA = Panama
country-PE = Pérou
country-PF = Polynésie française
country-PG = Papouasie-Nouvelle-Guinée
country-PH = Philippines
country-PK = Pakistan
country-PL = Pologne
country-PM = Saint-Pierre-et-Miquelon
country-PN = Îles Pitcairn
country-PR = Porto Rico
country-PS = Palestine
country-PT = Portugal
country-PW = Palaos
country-PY = Paraguay
country-QA = Qatar
country-RE = La Réunion
country-RO = Roumanie
country-RS = Serbie
country-RU = Russie
country-RW = Rwanda
country-SA = Arabie saoudite
country-SB = Îles Salomon
country-SC = Seychelles
country-SD = Soudan
country-SE = Suède
country-SG = Singapour
country-SH = Sainte-Hélène, Ascension et Tristan da Cunha
country-SI = Slovénie
country-SJ = Svalbard et Jan Mayen
country-SK = Slovaquie
country-SL = Sierra Leone
country-SM = Saint-Marin
country-SN = Sénégal
country-SO = Somalie
country-SR = Suriname
country-SS = Soudan du Sud
country-ST = Sao Tomé-et-Principe
country-SV = Salvador
country-SX = Saint-Martin (partie néerlandaise)
country-SY = Syrie
country-SZ = Eswatini
country-TC = Îles Turques-et-Caïques
country-TD = Tchad
country-TF = Terres australes et antarctiques françaises
country-TG = Togo
country-TH = Thaïlande
country-TJ = Tadjikistan
country-TK = Tokelau
country-TL = Timor oriental
country-TM = Turkménistan
country-TN = Tunisie
country-TO = Tonga
country-TR = Turquie
country-TT = Trinité-et-Tobago
country-TV = Tuvalu
country-TW = Taïwan
country-TZ = Tanzanie
country-UA = Ukraine
country-UG = Ouganda
country-UM = Îles mineures éloignées des États-Unis
country-US = États-Unis
country-UY = Uruguay
country-UZ = Ouzbékistan
country-VA = Vatican
country-VC = Saint-Vincent-et-les-Grenadines
country-VE = Venezuela
country-VG = Îles Vierges britanniques
country-VI = Îles Vierges des États-Unis
country-VN = Viêt Nam
country-VU = Vanuatu
country-WF = Wallis-et-Futuna
country-WS = Samoa
country-XK = Kosovo
country-YE = Yémen
country-YT = Mayotte
country-ZA = Afrique du Sud
country-ZM = Zambie
country-ZW = Zimbabwe

# Feeds and calendars
field-calendar = Calendrier
add-to-calendar = Ajouter à mon agenda (.ics)
field-follow = Suivre
project-feed = Flux Atom des actualités du projet
project-calendar = Agenda du projet (iCalendar)
# The agenda page and a project's actions: upcoming and past by month.
agenda-subscribe = S'abonner au calendrier (iCalendar)
# The same file as a webcal:// link, which calendar applications open.
agenda-subscribe-webcal = ouvrir dans mon application d'agenda
# On a project page: the first of its actions that has not ended.
next-action = Prochaine action

## Search page (search.html, search.js)

search-title = Rechercher
search-label = Rechercher sur le site
search-hint = Les accents et les majuscules n'ont pas d'importance. Les résultats s'affichent pendant la saisie.
search-submit = Rechercher
search-results-label = Résultats de la recherche
# The script replaces {count} (search-results-one/other receive the text "{count}" as $count).
search-results-none = Aucun résultat
search-results-one = { $count } résultat
search-results-other = { $count } résultats
search-too-short = Saisissez au moins un mot de deux lettres ou plus. Les mots très courants, comme « de » ou « la », sont ignorés.
search-loading = Chargement de l'index de recherche…
search-error = La recherche n'est pas disponible pour le moment. Tous les contenus du site sont listés ci-dessous.
search-more = Afficher plus de résultats
search-all-content = Tous les contenus
search-fallback-help = Tous les contenus du site, classés par type. La fonction « Rechercher dans la page » de votre navigateur permet d'y trouver un mot.
search-group-pages = Pages

## Graphiques d'enquête (partials/chart.html, shortcodes/survey.html)

chart-example = Données d'exemple
chart-multiple = plusieurs réponses possibles
# $n : les répondants de la question.
chart-desc-n = { $n ->
        [one] { $n } répondant.
       *[other] { $n } répondants.
    }
# $percent est déjà mis en forme (« 76 % ») ; $count est un nombre.
chart-desc-answer = { $label }{"\u00A0"}: { $percent } ({ $count }).
chart-table-caption = Chiffres du graphique, n = { $n }
chart-answer = Réponse
chart-count = Effectif
chart-share = Part
chart-csv = Télécharger les données (CSV)
chart-source = Source{"\u00A0"}:
survey-example-notice = Les chiffres de cette enquête sont des données d'exemple, pas des résultats publiés.
survey-sponsor = Commanditaire
survey-fieldwork = Période d'enquête
survey-fieldwork-dates = du { $start } au { $end }
survey-respondents = Répondants
survey-respondents-count = { $n ->
        [one] { $n } personne
       *[other] { $n } personnes
    }
survey-source = Source
survey-per-question = Répondants par question
survey-question-n = n = { $n }
survey-data = Données
survey-open-n = { $n ->
        [one] { $n } réponse, telle qu'écrite{"\u00A0"}:
       *[other] { $n } réponses, telles qu'écrites{"\u00A0"}:
    }

## Cartes des partenaires (partials/partners_map.html)

section-map = Où sont les partenaires
map-title = Carte des partenaires de { $project }
map-title-all = Carte des partenaires
# Suivi de la liste des pays : « 7 partenaires dans 3 pays : France (3), Italie (1), États-Unis (3). »
map-desc = { $partners ->
        [one] { $partners } partenaire
       *[other] { $partners } partenaires
    } dans { $countries } pays{"\u00A0"}:
map-places = Partenaires par pays
map-list-follows = La liste des partenaires par pays suit la carte.
map-credit = Fond de carte{"\u00A0"}: Natural Earth (domaine public), frontières de facto.

## Groupes de travail : sur la page du projet, et le groupe d'une action ou d'une actualité.
field-working-group = Groupe de travail
working-group-label = Groupe de travail{"\u00A0"}:
wg-actions = Actions
wg-news = Actualités

## Liens vers des documents du site (liens Markdown et shortcode download)

# Après le texte du lien : le format du document (« PDF »), sa taille (download-size-*).
download-note = ({ $format }, { $size })
# La même chose pour un document dans une langue donnée ($language : download-language).
download-note-language = ({ $format }, { $size }, { $language })
# $size est déjà écrit avec son séparateur décimal (« 1,2 »).
download-size-kb = { $size }{"\u00A0"}Ko
download-size-mb = { $size }{"\u00A0"}Mo
download-size-gb = { $size }{"\u00A0"}Go
# La langue d'un document, d'après son code (la première partie de {lang=pt-BR}).
download-language = { $code ->
        [fr] en français
        [en] en anglais
        [it] en italien
        [es] en espagnol
        [de] en allemand
        [ar] en arabe
        [pt] en portugais
        [nl] en néerlandais
        [pl] en polonais
        [ro] en roumain
       *[other] langue{"\u00A0"}: { $code }
    }

## Le kit partenaire d'une page de projet.
kit-title = Kit partenaire
kit-help = Les partenaires peuvent présenter le projet sur leur propre site{"\u00A0"}: copiez ce code HTML et collez-le dans une page de votre site. Il renvoie ici et reprend les mentions des financeurs.
kit-label = Code HTML à coller sur votre site
kit-copy = Copier le code
kit-copied = Code copié.
kit-copy-failed = Le code n'a pas pu être copié{"\u00A0"}: il est sélectionné, copiez-le avec Ctrl+C (⌘+C sur Mac).

## La mention de l'UE, écrite à côté de l'emblème pour un financeur européen sans mention propre.
eu-statement = Cofinancé par l'Union européenne
