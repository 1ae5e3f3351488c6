## site.toml: finding it, reading it, and checking its keys and values.

config-no-site-toml = no site.toml in { $dir }
# $error: the system's own message, as it gives it.
config-cannot-read = cannot read site.toml: { $error }
config-no-site-toml-hint = run passerelle in the site's folder, pass --root DIR, or create a site with 'passerelle init DIR'
# $detail: the TOML parser's own message, as it gives it.
config-invalid-toml = invalid TOML: { $detail }

## Keys: unknown, missing, of the wrong kind.
## $found is the kind of value written instead: string, integer, float,
## boolean, datetime, array or table.

config-unknown-key = unknown key '{ $key }'
# $table: the table the key is in, such as languages.fr or sections.
config-unknown-key-in-table = unknown key '{ $key }' in [{ $table }]
# $keys: the keys allowed there, separated by commas.
config-known-keys = known keys: { $keys }
config-known-keys-in-table = known keys in [{ $table }]: { $keys }
config-missing-key = missing key '{ $key }'
config-missing-title-hint = add a line like: title = "My programme"
config-missing-base-url-hint = add a line like: base_url = "https://example.org/"
# $code: the first configured language; $codes: all of them, separated by commas.
config-missing-default-language-hint = add a line like: default_language = "{ $code }" (one of { $codes })
config-not-a-string = '{ $key }' must be a string, found { $found ->
        [string] a string
        [integer] an integer
        [float] a number
        [boolean] a boolean
        [datetime] a date
        [array] an array
        [table] a table
       *[other] a value of another kind
    }
# $key: a table's name, such as sections or languages.fr.
config-not-a-table = '{ $key }' must be a table

## base_url (in site.toml or given with --base-url).

config-base-url-scheme = base_url must start with http:// or https://, found '{ $url }'
config-base-url-no-host = base_url has no host: '{ $url }'
config-base-url-forbidden = base_url must not contain a query, fragment or space: '{ $url }'
config-base-url-example = for example: base_url = "https://example.org/programme/"

## Languages.

config-languages-not-table = 'languages' must be a table of languages
config-languages-example = for example: [languages.fr] then name = "Français"
config-not-a-language-code = '{ $code }' is not a language code
config-language-code-hint = use a code like fr, en, it or pt-BR
config-no-language = no language is configured
config-no-language-hint = add at least [languages.fr] with a name
config-unknown-default-language = default language '{ $code }' is not among the languages
# $codes: the configured languages, separated by commas.
config-unknown-default-language-hint = configured languages: { $codes }; add [languages.{ $code }] or choose one of them
config-unknown-fallback = unknown translation_fallback '{ $value }'
config-fallback-hint = expected "absent" or "banner"

## Other settings: paginate, sections.

config-paginate-not-positive = 'paginate' must be a whole number above 0
config-paginate-not-integer = 'paginate' must be a whole number, found { $found ->
        [string] a string
        [integer] an integer
        [float] a number
        [boolean] a boolean
        [datetime] a date
        [array] an array
        [table] a table
       *[other] a value of another kind
    }
# $section: a section's name, such as news or projects.
config-section-not-table = 'sections.{ $section }' must map languages to URL segments
config-section-example = for example: { $section } = { "{" } fr = "...", en = "..." { "}" }
config-section-unknown-language = 'sections.{ $section }' names language '{ $lang }', which is not configured
config-invalid-segment = '{ $segment }' is not a valid URL segment
config-segment-hint = use lowercase letters, digits and hyphens
config-segment-not-a-string = URL segment must be a string, found { $found ->
        [string] a string
        [integer] an integer
        [float] a number
        [boolean] a boolean
        [datetime] a date
        [array] an array
        [table] a table
       *[other] a value of another kind
    }

## The theme and the site's overrides of it.

build-theme-not-found = theme '{ $theme }' not found
build-theme-not-found-hint = create themes/{ $theme }/ or use theme = "default"
# $error: the system's own message, as it gives it.
build-cannot-read-template = cannot read template: { $error }
build-cannot-read-fluent = cannot read Fluent file: { $error }
# UI strings: the theme's texts (menus, buttons) in the site's languages.
# $count: how many of the theme's messages the language lacks; $names: the first few of them.
build-no-ui-strings = no UI strings for language '{ $lang }': the theme's { $count } messages are missing ({ $names })
# $model: the theme's file to start from, e.g. locales/en/main.ftl.
build-no-ui-strings-hint = create locales/{ $lang }/main.ftl with the theme's messages in that language (start from a copy of the theme's { $model })
build-ui-strings-missing = { $count ->
        [one] { $count } UI message of the theme is missing in language '{ $lang }': { $names }
       *[other] { $count } UI messages of the theme are missing in language '{ $lang }': { $names }
    }
build-ui-strings-missing-hint = add them to { $path } (the theme's { $model } has every message)
# $names: the first few message ids; $count: how many more there are.
build-ui-strings-names-more = { $names } and { $count } more

## [images]: the widths and quality images are published at.

config-images-widths = 'widths' in [images] must be a list of widths in pixels, from 1 to 20000
config-images-widths-hint = for example: widths = [480, 800, 1200, 1600]
config-images-quality = 'quality' in [images] must be a whole number from 1 to 100
config-images-sizes = 'sizes' in [images] must be the text of a sizes attribute
config-images-sizes-hint = for example: sizes = "(min-width: 46rem) 46rem, 100vw" (how wide the theme shows images of a page's text)
config-images-budget = 'budget_kb' in [images] must be a whole number of kilobytes, 1 or more
