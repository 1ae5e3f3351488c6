## Shortcodes in Markdown: {{ name(key="value") }} alone in a paragraph, or inside a line of text for inline ones (partner).

# $detail: one of the render-shortcode-* messages below that say what is wrong.
render-shortcode-malformed = malformed shortcode call: { $detail }
render-shortcode-malformed-hint = shortcodes look like { "{{" } name(key="value") { "}}" }; to show the text as it is, put it between backticks
# $detail: why the shortcode template failed (a template error or render-shortcode-no-template).
render-shortcode-failed = shortcode '{ $name }' failed: { $detail }
# $template: the template's name under templates/, e.g. shortcodes/chart.html.
render-shortcode-no-template = no template templates/{ $template }
render-shortcode-alone = a shortcode call must stand alone in its paragraph
render-shortcode-block = shortcode '{ $name }' draws a block: it must stand alone in its paragraph
render-shortcode-block-hint = put the call on a line of its own, with a blank line before and after
render-shortcode-bad-name = '{ $name }' is not a shortcode name (lowercase letters, digits and '_')
render-shortcode-parentheses = expected '(' after '{ $name }' and ')' at the end of the call
# $text: the rest of the call, as written.
render-shortcode-bad-argument = expected an argument like key="value", found '{ $text }'
render-shortcode-bad-value = the value of '{ $key }' must be a quoted string, a number, true or false
render-shortcode-duplicate-argument = argument '{ $key }' is given twice
render-shortcode-missing-comma = expected ',' after argument '{ $key }'

## Internal links in Markdown: [text](@/projects/coopjop.md)

# $target: what follows @/ as written, fragment included.
render-broken-internal-link = broken internal link '@/{ $target }'
# $item: the target without .md nor fragment, e.g. projects/coopjop.
render-broken-internal-link-hint = no content file matches '{ $item }'; internal links look like @/<section>/<id>.md

## Links to files of the site: [the study](/docs/study.pdf){lang=en}

# $url: the link's destination as written.
render-missing-file = link to a missing file: { $url }
# $path: where the file would be, e.g. static/docs/study.pdf.
render-missing-file-hint = put the file at { $path } (the files of static/ are published at the site root), or correct the link
# $text: the braces as written after the link, e.g. {lang=en.
render-link-attributes-malformed = malformed attributes after a link: '{ $text }'
render-link-attribute-unknown = unknown link attribute '{ $key }'
render-link-lang-invalid = '{ $value }' is not a language code
render-link-attributes-hint = right after a link, {"{"}lang=en{"}"} gives the language of the document it leads to (a code such as en, fr, it, pt-BR)

## Images a page shows: ![alt](/images/photo.jpg), figure, a news image.

# $url: the image's source as written.
render-image-missing = image not found: { $url }
render-image-unsupported = unsupported image format: { $url }
render-image-unsupported-hint = use a JPEG, PNG, WebP or GIF image (an SVG is shown as it is)
render-image-unreadable = cannot read image { $url }: not an image, or a truncated file
render-image-unreadable-hint = open the file in an image editor and save it again as JPEG or PNG
# $width, $height: the image's size in pixels; $limit: the most megapixels processed.
render-image-too-large = image too large to process safely: { $url } is { $width }×{ $height } pixels
render-image-too-large-hint = reduce it to at most { $limit } megapixels (a photo for the web needs no more than 3000 pixels across)
# resize_image(path, width, height, op, format, focus) in a template.
render-resize-path = resize_image needs path="…": the image to resize, e.g. path="/images/port.jpg"
render-resize-size = resize_image needs a width or a height, and op="fill" needs both
# $name: width or height; $value: the number given.
render-resize-size-range = resize_image: { $name } must be a whole number of pixels from 1 to 20000, not { $value }
render-resize-op = resize_image: op must be "fit" or "fill", not "{ $op }"
render-resize-format = resize_image: format must be "auto", "webp", "jpg" or "png", not "{ $format }"
render-resize-outside = resize_image can only be used while the site is built
# $path: the path given to resize_image.
render-resize-not-a-file = resize_image: { $path } is not a file of the site

## Templates (Tera). $detail is Tera's own description, in English.

render-template-syntax = template syntax error: { $detail }
render-template-not-found = template '{ $name }' not found
render-template-missing-parent = template extends '{ $parent }', which does not exist
# The t() translation function was called where the variable `lang` is not set.
render-t-needs-lang = t() needs the page language ('lang' is not set)
render-dir-within-needs-lang = dir_within() needs the page language ('lang' is not set)
# Hint under a template error: the first page that hit it, and how many other pages did.
render-while-rendering = { $others ->
        [0] while rendering { $page }
        [one] while rendering { $page } (and 1 other page)
       *[other] while rendering { $page } (and { $others } other pages)
    }

## The site's and the theme's Fluent files (locales/<lang>/*.ftl)

# $detail: the Fluent parser's description, in English, or render-fluent-expected-line-break.
render-fluent-syntax = invalid Fluent syntax: { $detail }
render-fluent-expected-line-break = expected a line break
# $kind: "message" or "term"; $id: the id as written (terms start with -);
# $place: path:line:col of the first definition.
render-fluent-defined-twice = { $kind ->
        [term] term '{ $id }' is defined twice; this definition replaces the one at { $place }
       *[other] message '{ $id }' is defined twice; this definition replaces the one at { $place }
    }
render-fluent-missing = missing message '{ $key }' in language '{ $lang }'
# $detail: what Fluent could not resolve, in English (e.g. "unknown variable: $name").
render-fluent-format = message '{ $key }' in language '{ $lang }': { $detail }
# $name: the variable's name; $value: the number, e.g. NaN or 1e20.
render-fluent-not-a-number = variable ${ $name } is not a number that can be shown ({ $value })
