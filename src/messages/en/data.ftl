## Data files of content/data/: surveys, and the shortcodes that draw them
## (chart, survey) and partner maps (partners_map).

## Reading a survey file

data-invalid-id = '{ $id }' is not a valid survey id (the file name)
data-not-a-mapping = a survey file must be a list of fields (title:, respondents:, questions:)
data-not-a-mapping-hint = start with 'title:' on the first line, with no indentation
# $detail: the YAML parser's message, in English.
data-yaml-syntax = invalid YAML: { $detail }
# $line: where the key was first written.
data-duplicate-key = '{ $key }' is written twice (first on line { $line })
data-yaml-unsupported = anchors and tags are not supported in data files
data-yaml-key = a field name must be a plain word
data-unknown-field = unknown field '{ $field }'
# $fields: the fields allowed here, comma-separated.
data-known-fields = fields here: { $fields }
data-missing-field = missing field '{ $field }'
data-survey-respondents-hint = write how many people answered the survey, e.g. respondents: 38
data-not-a-boolean = '{ $field }' must be true or false
data-not-a-list = '{ $field }' must be a list (one '- ' line per entry)
data-not-a-group = each entry of '{ $field }' must be a group of fields
data-no-questions = the survey has no questions
data-no-questions-hint = add 'questions:' with one '- id: ...' entry per question
data-question-hint = a question needs id, kind (single, multiple or open) and text
data-answer-hint = write each answer as '- {"{"} label: {"{"} fr: "Oui", en: "Yes" {"}"}, count: 29 {"}"}'
data-responses-hint = an open question lists its verbatim answers under 'responses:'
# $value: what was written.
data-not-a-count = '{ $field }' must be a whole number of people, not '{ $value }'
data-not-a-count-hint = write a whole number, 0 or more, without a unit (percentages are computed)
data-unknown-language = unknown language '{ $lang }'
# $codes: the site's languages, comma-separated.
data-languages = the site's languages: { $codes }
data-not-a-text = '{ $field }' in '{ $lang }' must be a text
data-not-texts = '{ $field }' must be a text, or one text per language ({"{"} fr: "...", en: "..." {"}"})
# $langs: the languages without a text, comma-separated.
data-missing-translation = '{ $field }' has no text in { $langs }
# $lang: the language whose text is shown instead.
data-missing-translation-hint = the '{ $lang }' text is shown there, marked as such
data-not-a-date = '{ $field }' must be a date (YYYY-MM-DD), not '{ $value }'
data-not-a-date-hint = e.g. 2024-11-04
data-fieldwork-hint = write the fieldwork as {"{"} start: 2024-11-04, end: 2024-12-13 {"}"}
data-fieldwork-order = the fieldwork ends ({ $end }) before it starts ({ $start })
# $line: where the id was first used.
data-duplicate-question = question id '{ $id }' is used twice (first on line { $line })
data-duplicate-question-hint = give each question its own id: charts name questions by it
data-invalid-question-id = '{ $id }' is not a valid question id
data-unknown-kind = unknown question kind '{ $kind }'
# $kinds: the kinds allowed, comma-separated.
data-kinds = kinds: { $kinds }
data-single-respondents = 'respondents' of a single question is the sum of its counts ({ $sum }), not { $written }
data-single-respondents-hint = remove it, or correct the counts; the sum is what is shown
data-single-over = the answers to '{ $id }' add up to { $sum }, more than the survey's { $total } respondents
data-single-over-hint = a single question counts one answer per person: check the counts, or make it 'kind: multiple'
data-multiple-respondents = question '{ $id }' allows several answers: it needs 'respondents'
data-multiple-respondents-hint = write how many people answered this question, e.g. respondents: 27; its percentages are of that number
data-question-over = { $count } people answered '{ $id }', more than the survey's { $total } respondents
data-multiple-over = this answer counts { $count } people, more than the { $respondents } who answered the question
data-multiple-over-hint = check the count, or the question's 'respondents'
data-field-not-for-kind = '{ $field }' does not belong to a question of kind '{ $kind }'
data-field-not-for-kind-hint = closed questions (single, multiple) have 'answers'; open ones have 'responses'
data-no-answers = the question has no answers

## The shortcodes chart, survey, partners_map and partner. Their messages follow
## "shortcode 'chart' failed: ".

shortcode-unknown-survey = unknown survey '{ $id }'
# $surveys: the site's surveys, comma-separated.
shortcode-surveys = surveys are the files of content/data/: { $surveys }
shortcode-no-surveys = the site has no survey: write it in content/data/{ $id }.yaml
shortcode-unknown-question = survey '{ $survey }' has no question '{ $id }'
# $questions: the survey's question ids, comma-separated.
shortcode-questions = its questions: { $questions }
shortcode-open-question = question '{ $id }' is open: it has responses, not counts to chart
shortcode-open-question-hint = show it with its survey: { "{{" } survey(data="{ $survey }") { "}}" }
shortcode-unknown-project = unknown project '{ $id }'
# $projects: the site's project ids, comma-separated.
shortcode-projects = projects: { $projects }
shortcode-unknown-partner = unknown partner '{ $id }'
# $partners: the ids of the site's partners, comma-separated.
shortcode-partners = partners: { $partners }
shortcode-no-partners = the site has no partner: write it in content/partners/{ $id }.md
# $name: what name="…" says; a partner is named by its title, short or official name.
shortcode-unknown-partner-name = unknown name '{ $name }'
# $names: title, short, official.
shortcode-partner-names = names: { $names }
# $field: short_name or official_name.
shortcode-partner-without = partner '{ $id }' has no { $field }
shortcode-partner-without-hint = add { $field } to { $path }, or leave out name= to show its title
shortcode-unknown-argument = unknown argument '{ $key }'
# $arguments: the arguments the shortcode takes, comma-separated.
shortcode-arguments = arguments: { $arguments }
shortcode-missing-argument = missing argument '{ $key }'

## The shortcode download: {{ download(file="/docs/study.pdf", text="The study", lang="en") }}

# $file: the file argument as written.
shortcode-download-missing = no file { $file } in the site
shortcode-download-not-a-file = { $file } is not a file of the site
shortcode-download-not-a-file-hint = 'file' is a path of a file of static/, e.g. file="/docs/study.pdf"; link pages and other sites with [text](url)
shortcode-download-lang-hint = 'lang' is the language code of the document, e.g. lang="en"

## The funder registry, content/data/funders.yaml, and projects' funding.
funders-not-a-mapping = the funder registry must list funders by id (meae:, eu:, …)
funders-not-a-mapping-hint = start each funder with its id and a colon on a line of its own, e.g. 'meae:'
funders-invalid-id = '{ $id }' is not a valid funder id
funders-not-a-group = funder '{ $id }' must be a group of fields
funders-not-a-group-hint = indent its name, statement, kind, logo and url under it
funders-unknown-kind = unknown funder kind '{ $kind }'
# $kinds: the known kinds, comma-separated.
funders-kinds = kinds: { $kinds }
# $lang: the language of the statement.
funders-eu-wording = the statement of an EU funder in '{ $lang }' is not the wording the EU prescribes
# $wording: the prescribed wordings, separated by « / ».
funders-eu-wording-hint = write « { $wording } »
funders-missing-logo = the logo '{ $logo }' is not a file of the site
# $path: where the file should be, from the site's static/ folder.
funders-missing-logo-hint = put the file at static/{ $path }
funders-unknown = unknown funder '{ $id }'
# $file: the registry file.
funders-unknown-hint = funders are listed in { $file }: add '{ $id }:' there with its name and statement
funders-no-statement = none of the project's funders has a statement: its pages credit no one
funders-no-statement-hint = give its funders a 'statement' in { $file }
