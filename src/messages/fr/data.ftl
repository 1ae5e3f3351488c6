## Fichiers de données de content/data/ : les enquêtes, et les shortcodes
## qui les dessinent (chart, survey) ainsi que les cartes des partenaires
## (partners_map).

## Lecture d'un fichier d'enquête

data-invalid-id = « { $id } » n'est pas un identifiant d'enquête valide (le nom du fichier)
data-not-a-mapping = un fichier d'enquête doit être une liste de champs (title:, respondents:, questions:)
data-not-a-mapping-hint = commencez par « title: » sur la première ligne, sans retrait
# $detail : le message de l'analyseur YAML, en anglais.
data-yaml-syntax = YAML invalide : { $detail }
# $line : où la clé a été écrite la première fois.
data-duplicate-key = « { $key } » est écrit deux fois (la première à la ligne { $line })
data-yaml-unsupported = les ancres et les étiquettes ne sont pas acceptées dans les fichiers de données
data-yaml-key = un nom de champ doit être un mot simple
data-unknown-field = champ « { $field } » inconnu
# $fields : les champs permis ici, séparés par des virgules.
data-known-fields = champs possibles ici : { $fields }
data-missing-field = champ « { $field } » manquant
data-survey-respondents-hint = indiquez combien de personnes ont répondu à l'enquête, par exemple respondents: 38
data-not-a-boolean = « { $field } » doit valoir true ou false
data-not-a-list = « { $field } » doit être une liste (une ligne « - » par entrée)
data-not-a-group = chaque entrée de « { $field } » doit être un groupe de champs
data-no-questions = l'enquête n'a aucune question
data-no-questions-hint = ajoutez « questions: » avec une entrée « - id: ... » par question
data-question-hint = une question a besoin de id, kind (single, multiple ou open) et text
data-answer-hint = écrivez chaque réponse ainsi : « - {"{"} label: {"{"} fr: "Oui", en: "Yes" {"}"}, count: 29 {"}"} »
data-responses-hint = une question ouverte liste ses réponses telles quelles sous « responses: »
# $value : ce qui a été écrit.
data-not-a-count = « { $field } » doit être un nombre entier de personnes, pas « { $value } »
data-not-a-count-hint = écrivez un nombre entier, 0 ou plus, sans unité (les pourcentages sont calculés)
data-unknown-language = langue « { $lang } » inconnue
# $codes : les langues du site, séparées par des virgules.
data-languages = langues du site : { $codes }
data-not-a-text = « { $field } » en « { $lang } » doit être un texte
data-not-texts = « { $field } » doit être un texte, ou un texte par langue ({"{"} fr: "...", en: "..." {"}"})
# $langs : les langues sans texte, séparées par des virgules.
data-missing-translation = « { $field } » n'a pas de texte en { $langs }
# $lang : la langue dont le texte est affiché à la place.
data-missing-translation-hint = le texte « { $lang } » y est affiché, signalé comme tel
data-not-a-date = « { $field } » doit être une date (AAAA-MM-JJ), pas « { $value } »
data-not-a-date-hint = par exemple 2024-11-04
data-fieldwork-hint = écrivez la période d'enquête ainsi : {"{"} start: 2024-11-04, end: 2024-12-13 {"}"}
data-fieldwork-order = l'enquête se termine ({ $end }) avant de commencer ({ $start })
# $line : où l'identifiant a été utilisé la première fois.
data-duplicate-question = l'identifiant de question « { $id } » est utilisé deux fois (la première à la ligne { $line })
data-duplicate-question-hint = donnez à chaque question son propre identifiant : les graphiques désignent les questions par lui
data-invalid-question-id = « { $id } » n'est pas un identifiant de question valide
data-unknown-kind = type de question « { $kind } » inconnu
# $kinds : les types permis, séparés par des virgules.
data-kinds = types possibles : { $kinds }
data-single-respondents = « respondents » d'une question à réponse unique est la somme de ses effectifs ({ $sum }), pas { $written }
data-single-respondents-hint = supprimez ce champ ou corrigez les effectifs : c'est la somme qui est affichée
data-single-over = les réponses à « { $id } » totalisent { $sum }, plus que les { $total } répondants de l'enquête
data-single-over-hint = une question à réponse unique compte une réponse par personne : vérifiez les effectifs, ou passez-la en « kind: multiple »
data-multiple-respondents = la question « { $id } » admet plusieurs réponses : il lui faut « respondents »
data-multiple-respondents-hint = indiquez combien de personnes ont répondu à cette question, par exemple respondents: 27 ; ses pourcentages s'y rapportent
data-question-over = { $count } personnes ont répondu à « { $id } », plus que les { $total } répondants de l'enquête
data-multiple-over = cette réponse compte { $count } personnes, plus que les { $respondents } qui ont répondu à la question
data-multiple-over-hint = vérifiez l'effectif, ou le champ « respondents » de la question
data-field-not-for-kind = « { $field } » n'a pas sa place dans une question de type « { $kind } »
data-field-not-for-kind-hint = les questions fermées (single, multiple) ont des « answers » ; les questions ouvertes des « responses »
data-no-answers = la question n'a aucune réponse

## Les shortcodes chart, survey, partners_map et partner. Leurs messages suivent
## « le shortcode « chart » a échoué : ».

shortcode-unknown-survey = enquête « { $id } » inconnue
# $surveys : les enquêtes du site, séparées par des virgules.
shortcode-surveys = les enquêtes sont les fichiers de content/data/ : { $surveys }
shortcode-no-surveys = le site n'a aucune enquête : écrivez-la dans content/data/{ $id }.yaml
shortcode-unknown-question = l'enquête « { $survey } » n'a pas de question « { $id } »
# $questions : les identifiants des questions de l'enquête, séparés par des virgules.
shortcode-questions = ses questions : { $questions }
shortcode-open-question = la question « { $id } » est ouverte : elle a des réponses libres, pas d'effectifs à représenter
shortcode-open-question-hint = affichez-la avec son enquête : { "{{" } survey(data="{ $survey }") { "}}" }
shortcode-unknown-project = projet « { $id } » inconnu
# $projects : les identifiants des projets du site, séparés par des virgules.
shortcode-projects = projets : { $projects }
shortcode-unknown-partner = partenaire « { $id } » inconnu
# $partners : les identifiants des partenaires du site, séparés par des virgules.
shortcode-partners = partenaires : { $partners }
shortcode-no-partners = le site n'a aucun partenaire : écrivez-le dans content/partners/{ $id }.md
# $name : ce que dit name="…" ; un partenaire est nommé par son titre, son nom court ou son nom officiel.
shortcode-unknown-partner-name = nom « { $name } » inconnu
# $names : title, short, official.
shortcode-partner-names = noms possibles : { $names }
# $field : short_name ou official_name.
shortcode-partner-without = le partenaire « { $id } » n'a pas de { $field }
shortcode-partner-without-hint = ajoutez { $field } à { $path }, ou retirez name= pour afficher son titre
shortcode-unknown-argument = argument « { $key } » inconnu
# $arguments : les arguments que prend le shortcode, séparés par des virgules.
shortcode-arguments = arguments possibles : { $arguments }
shortcode-missing-argument = argument « { $key } » manquant

## Le shortcode download : {{ download(file="/docs/etude.pdf", text="L'étude", lang="en") }}

# $file : l'argument file tel qu'écrit.
shortcode-download-missing = aucun fichier { $file } dans le site
shortcode-download-not-a-file = { $file } n'est pas un fichier du site
shortcode-download-not-a-file-hint = « file » est le chemin d'un fichier de static/, p. ex. file="/docs/etude.pdf" ; pour une page ou un autre site, écrivez [texte](adresse)
shortcode-download-lang-hint = « lang » est le code de la langue du document, p. ex. lang="en"

## Le registre des financeurs, content/data/funders.yaml, et le financement des projets.
funders-not-a-mapping = le registre des financeurs doit lister les financeurs par identifiant (meae:, eu:, …)
funders-not-a-mapping-hint = commencez chaque financeur par son identifiant suivi de deux-points, seul sur sa ligne, par exemple « meae: »
funders-invalid-id = « { $id } » n'est pas un identifiant de financeur valide
funders-not-a-group = le financeur « { $id } » doit être un groupe de champs
funders-not-a-group-hint = indentez sous lui son name, son statement, son kind, son logo et son url
funders-unknown-kind = type de financeur « { $kind } » inconnu
# $kinds : les types connus, séparés par des virgules.
funders-kinds = types : { $kinds }
# $lang : la langue de la mention.
funders-eu-wording = la mention d'un financeur européen en « { $lang } » n'est pas la formule prescrite par l'UE
# $wording : les formules prescrites, séparées par « / ».
funders-eu-wording-hint = écrivez « { $wording } »
funders-missing-logo = le logo « { $logo } » n'est pas un fichier du site
# $path : où le fichier doit se trouver, depuis le dossier static/ du site.
funders-missing-logo-hint = placez le fichier dans static/{ $path }
funders-unknown = financeur « { $id } » inconnu
# $file : le fichier du registre.
funders-unknown-hint = les financeurs sont listés dans { $file } : ajoutez-y « { $id }: » avec son nom et sa mention
funders-no-statement = aucun financeur du projet n'a de mention : ses pages ne créditent personne
funders-no-statement-hint = donnez une « statement » à ses financeurs dans { $file }
