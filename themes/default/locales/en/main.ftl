# Default theme of passerelle: English interface strings.
# A site overrides any of these messages in locales/en/*.ftl at its root.
#
# Messages the passerelle engine relies on:
#   month-1 .. month-12, date-long ($day $month $year), date-month-year ($month $year),
#   country-XX (ISO 3166-1 alpha-2), kind-*, action-kind-*, status-*, type-*.

## Site

# Used as <meta name="description"> when a page has no summary.
site-description = Portal of cooperation between local and regional governments
# Open Graph locale of this language.
og-locale = en_GB

## Dates

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
# $day and $year are numbers; $month is the name (month-N).
date-long = { $day } { $month } { $year }
date-month-year = { $month } { $year }
# Read between the two dates of a period, for screen readers ("6 to 8 February").
date-range-to = to
# A date followed by a time: "6 February 2026 at 18:30".
date-at-time = { $date } at { $time }
# The time zone of a time, named after its city with its offset at that date:
# "Paris time, UTC+1". $city: the last part of the IANA name (Europe/Paris),
# or the message tz-<Area>-<City> when there is one; $initial: "vowel" or
# "consonant" (the city's first letter, for languages that elide);
# $offset: "+1", "−7", "+5:30", or empty for UTC itself.
time-zone = { $city } time, UTC{ $offset }
# A zone named after no city (UTC, Etc/GMT-2).
time-zone-utc = UTC{ $offset }
# After a time: "6 February 2026 at 18:30 (Paris time, UTC+1)".
time-zone-shown = ({ $zone })
# Cities named otherwise than in their IANA name, in languages that need it
# (the French theme has Bruxelles, Londres...); English keeps these names.
tz-Europe-Brussels = Brussels
tz-Europe-London = London
tz-Europe-Vienna = Vienna
tz-Europe-Warsaw = Warsaw
tz-Europe-Lisbon = Lisbon
tz-Europe-Copenhagen = Copenhagen
tz-Europe-Athens = Athens
tz-Europe-Bucharest = Bucharest
tz-Europe-Moscow = Moscow
tz-Africa-Algiers = Algiers
tz-America-New_York = New York
tz-America-Mexico_City = Mexico City
tz-America-Montreal = Montreal
tz-America-Sao_Paulo = São Paulo

## Numbers

number-group-separator = ,
number-decimal-separator = .
percent = { $value }%
amount-currency = { $currency } { $amount }

## Navigation and page structure

skip-to-content = Skip to content
nav-main = Main menu
nav-home = Home
nav-breadcrumb = Breadcrumb
nav-tags = Tags
lang-switcher = Language
# Shown after a language whose link goes to its home page because this page is not translated.
lang-switch-home = home page
toc = Contents
# Appended to <title> on page 2 and later of a list.
title-page-number = page { $number }

## Untranslated content

fallback-notice = This page has not been translated into English yet. It is shown in its original language:

## Footer

footer-accessibility = Accessibility: partially compliant
footer-legal = Legal notice
footer-built-with = Built with passerelle
footer-feed = News feed (Atom)
footer-calendar = Calendar (iCalendar)
footer-tags = All tags

## Types of content

type-project = Project
type-partner = Partner
type-action = Action
type-news = News
type-page = Page

## Status of projects and actions

status-planned = planned
status-ongoing = ongoing
status-completed = completed

## Partner kinds

kind-region = Region
kind-department = Department
kind-municipality = Municipality
kind-intercommunality = Intermunicipal body
kind-state = State
kind-university = University
kind-association = Association
kind-agency = Agency
kind-other = Other

## Action kinds

action-kind-meeting = Meeting
action-kind-field-visit = Field visit
action-kind-webinar = Webinar
action-kind-seminar = Seminar
action-kind-training = Training
action-kind-study = Study
action-kind-other = Other

## Home page

home-latest-news = Latest news
home-projects = Projects
home-upcoming-actions = Upcoming actions
home-no-upcoming = No action is planned at the moment.
home-all-news = All news
home-all-projects = All projects
home-all-actions = Full agenda
home-all-partners = All partners

## Facts about an item

# Under a news item's image: who made it ($credit as written in the front matter).
image-credit = Image: { $credit }
facts = Key facts
field-acronym = Acronym
field-status = Status
field-dates = Dates
field-period = Period
field-lead = Lead partner
field-website = Website
field-themes = Themes
field-kind = Type
field-country = Country
field-official-name = Official name
field-short-name = Short name
field-project = Project
field-location = Location
field-format = Format
field-author = Author
field-date = Date
byline-author = By { $author }
field-tags = Tags
online = Online
online-and-onsite = On site and online
action-number = Action { $number }
upcoming = Upcoming
past = Past

## Sections: list titles (used by the engine: section-projects, -partners, -actions, -news, -tags)
## and headings of item pages

section-funding = Funding
funding-caption = Project funding
funding-funder = Funder
funding-programme = Programme
funding-rate = Co-financing rate
funding-amount = Amount
section-working-groups = Working groups
section-partners = Partners
section-projects = Projects
section-actions = Actions
section-news = News
section-tags = Tags
news-shown-of = The { $shown } most recent of { $total } news items.
news-related-projects = Related projects
news-related-partners = Partners mentioned

## Lists

list-empty = Nothing here yet.
actions-upcoming = Upcoming actions
actions-past = Past actions
actions-none-upcoming = No action is planned at the moment.
partners-count = { $count ->
        [one] { $count } partner
       *[other] { $count } partners
    }
news-count = { $count ->
        [one] { $count } news item
       *[other] { $count } news items
    }
items-count = { $count ->
        [one] { $count } item
       *[other] { $count } items
    }
tag-intro = { $count ->
        [one] { $count } item has this tag.
       *[other] { $count } items have this tag.
    }
tags-intro = Every tag used on this site, with the number of items that carry it.
tags-all = All tags

## Pagination

pagination = Pagination
page-of = Page { $current } of { $total }
page-n = Page { $number }
page-prev = Previous page
page-next = Next page

## Error page and language chooser

not-found-title = Page not found
not-found-text = The page you are looking for does not exist or has moved. Check the address, or start again from the home page.
not-found-homes = Home pages
chooser-title = Choose your language
chooser-redirect = This page redirects to the default version of the site. If nothing happens, choose a language below.

## Countries (ISO 3166-1 alpha-2)

country-AD = Andorra
country-AE = United Arab Emirates
country-AF = Afghanistan
country-AG = Antigua and Barbuda
country-AI = Anguilla
country-AL = Albania
country-AM = Armenia
country-AO = Angola
country-AQ = Antarctica
country-AR = Argentina
country-AS = American Samoa
country-AT = Austria
country-AU = Australia
country-AW = Aruba
country-AX = Åland Islands
country-AZ = Azerbaijan
country-BA = Bosnia and Herzegovina
country-BB = Barbados
country-BD = Bangladesh
country-BE = Belgium
country-BF = Burkina Faso
country-BG = Bulgaria
country-BH = Bahrain
country-BI = Burundi
country-BJ = Benin
country-BL = Saint Barthélemy
country-BM = Bermuda
country-BN = Brunei
country-BO = Bolivia
country-BQ = Bonaire, Sint Eustatius and Saba
country-BR = Brazil
country-BS = Bahamas
country-BT = Bhutan
country-BV = Bouvet Island
country-BW = Botswana
country-BY = Belarus
country-BZ = Belize
country-CA = Canada
country-CC = Cocos (Keeling) Islands
country-CD = Democratic Republic of the Congo
country-CF = Central African Republic
country-CG = Republic of the Congo
country-CH = Switzerland
country-CI = Côte d'Ivoire
country-CK = Cook Islands
country-CL = Chile
country-CM = Cameroon
country-CN = China
country-CO = Colombia
country-CR = Costa Rica
country-CU = Cuba
country-CV = Cabo Verde
country-CW = Curaçao
country-CX = Christmas Island
country-CY = Cyprus
country-CZ = Czechia
country-DE = Germany
country-DJ = Djibouti
country-DK = Denmark
country-DM = Dominica
country-DO = Dominican Republic
country-DZ = Algeria
country-EC = Ecuador
country-EE = Estonia
country-EG = Egypt
country-EH = Western Sahara
country-ER = Eritrea
country-ES = Spain
country-ET = Ethiopia
country-FI = Finland
country-FJ = Fiji
country-FK = Falkland Islands
country-FM = Micronesia
country-FO = Faroe Islands
country-FR = France
country-GA = Gabon
country-GB = United Kingdom
country-GD = Grenada
country-GE = Georgia
country-GF = French Guiana
country-GG = Guernsey
country-GH = Ghana
country-GI = Gibraltar
country-GL = Greenland
country-GM = Gambia
country-GN = Guinea
country-GP = Guadeloupe
country-GQ = Equatorial Guinea
country-GR = Greece
country-GS = South Georgia and the South Sandwich Islands
country-GT = Guatemala
country-GU = Guam
country-GW = Guinea-Bissau
country-GY = Guyana
country-HK = Hong Kong
country-HM = Heard Island and McDonald Islands
country-HN = Honduras
country-HR = Croatia
country-HT = Haiti
country-HU = Hungary
country-ID = Indonesia
country-IE = Ireland
country-IL = Israel
country-IM = Isle of Man
country-IN = India
country-IO = British Indian Ocean Territory
country-IQ = Iraq
country-IR = Iran
country-IS = Iceland
country-IT = Italy
country-JE = Jersey
country-JM = Jamaica
country-JO = Jordan
country-JP = Japan
country-KE = Kenya
country-KG = Kyrgyzstan
country-KH = Cambodia
country-KI = Kiribati
country-KM = Comoros
country-KN = Saint Kitts and Nevis
country-KP = North Korea
country-KR = South Korea
country-KW = Kuwait
country-KY = Cayman Islands
country-KZ = Kazakhstan
country-LA = Laos
country-LB = Lebanon
country-LC = Saint Lucia
country-LI = Liechtenstein
country-LK = Sri Lanka
country-LR = Liberia
country-LS = Lesotho
country-LT = Lithuania
country-LU = Luxembourg
country-LV = Latvia
country-LY = Libya
country-MA = Morocco
country-MC = Monaco
country-MD = Moldova
country-ME = Montenegro
country-MF = Saint Martin (French part)
country-MG = Madagascar
country-MH = Marshall Islands
country-MK = North Macedonia
country-ML = Mali
country-MM = Myanmar
country-MN = Mongolia
country-MO = Macao
country-MP = Northern Mariana Islands
country-MQ = Martinique
country-MR = Mauritania
country-MS = Montserrat
country-MT = Malta
country-MU = Mauritius
country-MV = Maldives
country-MW = Malawi
country-MX = Mexico
country-MY = Malaysia
country-MZ = Mozambique
country-NA = Namibia
country-NC = New Caledonia
country-NE = Niger
country-NF = Norfolk Island
country-NG = Nigeria
country-NI = Nicaragua
country-NL = Netherlands
country-NO = Norway
country-NP = Nepal
country-NR = Nauru
country-NU = Niue
country-NZ = New Zealand
country-OM = Oman
country-PA = Panama
country-PE = Peru
country-PF = French Polynesia
country-PG = Papua New Guinea
country-PH = Philippines
country-PK = Pakistan
country-PL = Poland
country-PM = Saint Pierre and Miquelon
country-PN = Pitcairn
country-PR = Puerto Rico
country-PS = Palestine
country-PT = Portugal
country-PW = Palau
country-PY = Paraguay
country-QA = Qatar
country-RE = Réunion
country-RO = Romania
country-RS = Serbia
country-RU = Russia
country-RW = Rwanda
country-SA = Saudi Arabia
country-SB = Solomon Islands
country-SC = Seychelles
country-SD = Sudan
country-SE = Sweden
country-SG = Singapore
country-SH = Saint Helena, Ascension and Tristan da Cunha
country-SI = Slovenia
country-SJ = Svalbard and Jan Mayen
country-SK = Slovakia
country-SL = Sierra Leone
country-SM = San Marino
country-SN = Senegal
country-SO = Somalia
country-SR = Suriname
country-SS = South Sudan
country-ST = Sao Tome and Principe
country-SV = El Salvador
country-SX = Sint Maarten (Dutch part)
country-SY = Syria
country-SZ = Eswatini
country-TC = Turks and Caicos Islands
country-TD = Chad
country-TF = French Southern Territories
country-TG = Togo
country-TH = Thailand
country-TJ = Tajikistan
country-TK = Tokelau
country-TL = Timor-Leste
country-TM = Turkmenistan
country-TN = Tunisia
country-TO = Tonga
country-TR = Türkiye
country-TT = Trinidad and Tobago
country-TV = Tuvalu
country-TW = Taiwan
country-TZ = Tanzania
country-UA = Ukraine
country-UG = Uganda
country-UM = United States Minor Outlying Islands
country-US = United States
country-UY = Uruguay
country-UZ = Uzbekistan
country-VA = Vatican City
country-VC = Saint Vincent and the Grenadines
country-VE = Venezuela
country-VG = British Virgin Islands
country-VI = U.S. Virgin Islands
country-VN = Vietnam
country-VU = Vanuatu
country-WF = Wallis and Futuna
country-WS = Samoa
country-XK = Kosovo
country-YE = Yemen
country-YT = Mayotte
country-ZA = South Africa
country-ZM = Zambia
country-ZW = Zimbabwe

# Feeds and calendars
field-calendar = Calendar
add-to-calendar = Add to my calendar (.ics)
field-follow = Follow
project-feed = Atom feed of the project's news
project-calendar = Project agenda (iCalendar)
# The agenda page and a project's actions: upcoming and past by month.
agenda-subscribe = Subscribe to the calendar (iCalendar)
# The same file as a webcal:// link, which calendar applications open.
agenda-subscribe-webcal = open in my calendar application
# On a project page: the first of its actions that has not ended.
next-action = Next action

## Search page (search.html, search.js)

search-title = Search
search-label = Search the site
search-hint = Accents and capital letters do not matter. Results appear as you type.
search-submit = Search
search-results-label = Search results
# The script replaces {count} (search-results-one/other receive the text "{count}" as $count).
search-results-none = No results
search-results-one = { $count } result
search-results-other = { $count } results
search-too-short = Type at least one word of two letters or more. Very common words, such as “the” or “of”, are ignored.
search-loading = Loading the search index…
search-error = Search is not available at the moment. All the content of the site is listed below.
search-more = Show more results
search-all-content = All content
search-fallback-help = All the content of the site, by type. Your browser's “Find in page” function lets you look for a word in it.
search-group-pages = Pages

## Survey charts (partials/chart.html, shortcodes/survey.html)

chart-example = Example data
chart-multiple = several answers allowed
# $n: the question's respondents.
chart-desc-n = { $n ->
        [one] { $n } respondent.
       *[other] { $n } respondents.
    }
# $percent is already formatted ("76%"); $count is a number.
chart-desc-answer = { $label }: { $percent } ({ $count }).
chart-table-caption = Figures of the chart, n = { $n }
chart-answer = Answer
chart-count = Count
chart-share = Share
chart-csv = Download the data (CSV)
chart-source = Source:
survey-example-notice = The figures of this survey are example data, not published results.
survey-sponsor = Run by
survey-fieldwork = Fieldwork
survey-fieldwork-dates = from { $start } to { $end }
survey-respondents = Respondents
survey-respondents-count = { $n ->
        [one] { $n } person
       *[other] { $n } people
    }
survey-source = Source
survey-per-question = Respondents per question
survey-question-n = n = { $n }
survey-data = Data
survey-open-n = { $n ->
        [one] { $n } response, as written:
       *[other] { $n } responses, as written:
    }

## Partner maps (partials/partners_map.html)

section-map = Where the partners are
map-title = Map of the partners of { $project }
map-title-all = Map of the partners
# Followed by the list of countries: "7 partners in 3 countries: France (3), Italy (1), United States (3)."
map-desc = { $partners ->
        [one] { $partners } partner
       *[other] { $partners } partners
    } in { $countries ->
        [one] { $countries } country:
       *[other] { $countries } countries:
    }
map-places = Partners by country
map-list-follows = The list of partners by country follows the map.
map-credit = Base map: Natural Earth (public domain), de facto boundaries.

## Working groups: on the project page, and the group of an action or a news item.
field-working-group = Working group
working-group-label = Working group:
wg-actions = Actions
wg-news = News

## Links to documents of the site (Markdown links and the download shortcode)

# After the link text: the document's format ("PDF"), its size (download-size-*).
download-note = ({ $format }, { $size })
# The same for a document in a given language ($language: download-language).
download-note-language = ({ $format }, { $size }, { $language })
# $size is already written with its decimal separator ("1.2").
download-size-kb = { $size }{"\u00A0"}KB
download-size-mb = { $size }{"\u00A0"}MB
download-size-gb = { $size }{"\u00A0"}GB
# The language of a document, from its code (the first part of {lang=pt-BR}).
download-language = { $code ->
        [fr] in French
        [en] in English
        [it] in Italian
        [es] in Spanish
        [de] in German
        [ar] in Arabic
        [pt] in Portuguese
        [nl] in Dutch
        [pl] in Polish
        [ro] in Romanian
       *[other] language: { $code }
    }

## The partner kit of a project page.
kit-title = Partner kit
kit-help = Partners can present the project on their own website: copy this HTML code and paste it into a page of your site. It links back here and includes the funders' statements.
kit-label = HTML code to paste on your website
kit-copy = Copy the code
kit-copied = Code copied.
kit-copy-failed = The code could not be copied: it is selected, copy it with Ctrl+C (⌘+C on a Mac).

## The EU's funding statement, shown beside the emblem for an EU funder that has no statement of its own.
eu-statement = Co-funded by the European Union
