## Content files: finding them under content/, their names and their front
## matter. Throughout, $kind is the type of an item as a stable code:
## home, project, partner, action, news or page.

## Reading the files

# $error: the system's reason, in English.
content-cannot-read = cannot read: { $error }
content-cannot-read-file = cannot read file: { $error }
content-not-utf8 = the file is not valid UTF-8 text
content-changed-while-building = the file changed while the site was being built
content-changed-while-building-hint = build again: nothing was written
content-not-utf8-hint = save the file with the UTF-8 encoding

## What a file's path says: folder, id and language

content-unknown-language = unknown language '{ $lang }' in the file name
# $close: the configured language closest to the one written; $codes: every configured language, comma-separated.
content-unknown-language-close = did you mean '{ $close }'? configured languages: { $codes }
content-unknown-language-add = configured languages: { $codes }; add [languages.{ $lang }] to site.toml to publish it
content-outside-section = content file outside a section folder
content-outside-section-hint = move it to content/pages/ for a free page, or to projects/, partners/, actions/ or news/
content-unknown-folder = unknown content folder '{ $folder }'
# $folders: the folders content/ may hold, comma-separated.
content-folders = content folders are: { $folders }
content-invalid-id = '{ $id }' is not a valid id
content-invalid-id-hint = ids use lowercase letters, digits and hyphens, e.g. coopjop-launch

## The front matter's frame

content-front-matter-missing = missing front matter
content-front-matter-missing-hint = start the file with a line '---', the fields (title: ...), then another '---'
content-front-matter-unclosed = the front matter is not closed
content-front-matter-unclosed-hint = add a line '---' after the last field
content-front-matter-not-fields = the front matter must be a list of fields
content-front-matter-not-fields-hint = write one field per line, like: title: My news
# $detail: the YAML parser's own message, in English.
content-invalid-yaml = invalid YAML: { $detail }
content-invalid-yaml-hint = check the indentation and quote text that contains ': '

## Fields and their types

content-unknown-field = unknown field '{ $field }' for { $kind ->
        [home] the home page
        [project] a project
        [partner] a partner
        [action] an action
        [news] a news item
        [page] a page
       *[other] a { $kind }
    }
# $parent: the field the unknown one is written under, e.g. image.
content-unknown-subfield = unknown field '{ $field }' in '{ $parent }' for { $kind ->
        [home] the home page
        [project] a project
        [partner] a partner
        [action] an action
        [news] a news item
        [page] a page
       *[other] a { $kind }
    }
# $fields: the allowed field names, comma-separated.
content-allowed-fields = allowed fields: { $fields }
content-allowed-subfields = allowed fields in '{ $parent }': { $fields }
# A field has a value of the wrong type. $subject is "field" ($field names it,
# e.g. partners or funding[0].rate) or "front-matter" (the whole front matter).
# $expected and $found are type codes; $expected_value and $found_value are
# the value written (for text-value, number-value, boolean-value) or the
# parser's English description (for other).
content-wrong-type = { $subject ->
        [front-matter] the front matter
       *[field] '{ $field }'
    } must be { $expected ->
        [text] text
        [text-value] text "{ $expected_value }"
        [list] a list
        [map] a map of fields
        [boolean] true or false
        [integer] a whole number
        [number] a number
        [pair] a pair [latitude, longitude]
        [date] a date like 2026-02-06
        [number-value] the number `{ $expected_value }`
        [boolean-value] the value `{ $expected_value }`
       *[other] { $expected_value }
    }, found { $found ->
        [text] text
        [text-value] text "{ $found_value }"
        [list] a list
        [map] a map of fields
        [boolean] true or false
        [integer] a whole number
        [number] a number
        [pair] a pair [latitude, longitude]
        [date] a date like 2026-02-06
        [number-value] the number `{ $found_value }`
        [boolean-value] the value `{ $found_value }`
       *[other] { $found_value }
    }
# A list has too many or too few elements. $subject as for content-wrong-type
# ("field" or "list"); $count: how many there are; $expected: how many there should be.
content-wrong-length = { $subject ->
        [list] a list
       *[field] '{ $field }'
    } has the wrong number of elements ({ $count }, expected sequence of { $expected } elements)
# Same, when the parser's words could not be read; $detail is in English.
content-wrong-length-detail = { $subject ->
        [list] a list
       *[field] '{ $field }'
    } has the wrong number of elements ({ $detail })
content-field-twice = field '{ $field }' is set twice
content-field-twice-hint = keep only one line for it
# $example: a sample value for the field.
content-missing-field = missing required field '{ $field }' for { $kind ->
        [home] the home page
        [project] a project
        [partner] a partner
        [action] an action
        [news] a news item
        [page] a page
       *[other] a { $kind }
    }
content-missing-field-hint = add a line '{ $field }: { $example }' to the front matter
content-missing-project-hint = add a line 'project: <project id>' to the front matter
# A field missing inside a group of fields, such as 'src' under 'image'.
content-missing-subfield = '{ $parent }' lacks the field '{ $field }'
content-missing-subfield-hint = add a line '{ $field }: ...' under '{ $parent }:', indented like the other fields of '{ $parent }'

## Field values

content-invalid-date = '{ $field }' is not a valid date: '{ $value }'
content-invalid-date-hint = write dates as YYYY-MM-DD, or YYYY-MM-DDTHH:MM with a time
# A value outside a fixed list. $what: status, action-kind or partner-kind.
content-unknown-choice = unknown { $what ->
        [status] status
        [action-kind] action kind
        [partner-kind] partner kind
       *[other] value
    } '{ $value }'
# $allowed: the values allowed, comma-separated.
content-expected-one-of = expected one of: { $allowed }
content-expected-one-of-close = did you mean '{ $close }'? (expected one of: { $allowed })
content-unknown-country = unknown country code '{ $code }'
content-country-upper-case = country codes are upper case: '{ $upper }'
content-country-hint = use an ISO 3166-1 alpha-2 code, e.g. FR, IT, US, BJ, SN
content-invalid-language-code = '{ $code }' is not a language code
content-invalid-language-code-hint = use a code like it, en, fr or pt-BR
content-unknown-time-zone = unknown time zone '{ $zone }'
content-unknown-time-zone-hint = use an IANA time zone name, e.g. Europe/Paris, America/Denver, Africa/Dakar
content-image-without-alt = image without alternative text
content-image-without-alt-hint = add 'alt:' under 'image:' describing the picture (or alt: "" only if it is purely decorative)
# $focus: the value written.
content-image-focus = cannot read the focus '{ $focus }' of the image
content-image-focus-hint = write where the subject is, as in CSS: top, bottom, left, right, center, two of them ("top left"), or percentages from the left then from the top ("30% 20%")
content-invalid-slug = '{ $slug }' is not a valid slug
content-invalid-slug-hint = slugs use lowercase letters, digits and hyphens, e.g. lancement-coopjop

## Between files: translations, references, URLs

# A translation sets a field that every language shares. $base: the file it inherits from.
content-translation-differs = '{ $field }' differs from { $base }, which it would inherit
content-translation-differs-hint = '{ $field }' is the same in every language: remove it here and change it in { $base } if needed
# A reference to an item that does not exist. $kind: the type of the item
# referred to; $folder: its folder under content/.
content-unknown-reference = unknown { $kind ->
        [project] project
        [partner] partner
        [action] action
        [news] news item
        [page] page
       *[other] { $kind }
    } '{ $id }'
content-unknown-reference-hint = no file content/{ $folder }/{ $id }.<lang>.md exists
# $url: the site path both pages would have; $other: the other file.
content-url-collision = two pages would be written at { $url }: this file and { $other }
content-url-collision-hint = give one of them another 'slug'

## Working groups (a project's working_groups; working_group: in actions and news)
# $id: the working group id written; $projects: the project ids, comma-separated.
content-unknown-working-group = unknown working group '{ $id }' in project { $projects }
# $ids: the project's working group ids, comma-separated.
content-working-groups-hint = its working groups: { $ids }
content-no-working-groups-hint = the project has no working_groups: give each an id there
content-working-group-no-project = working group '{ $id }' without a project
# $field: project (actions) or projects (news).
content-working-group-no-project-hint = a working group belongs to a project: name it in '{ $field }'
content-working-group-twice = working group id '{ $id }' is used twice
content-working-group-twice-hint = give each working group its own 'id' (by default, the slug of its title)
