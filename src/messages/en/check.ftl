## passerelle check: the content files

check-image-without-alt = image without alternative text
check-image-without-alt-hint = describe the image between the brackets: ![what it shows](...)
# $page: the id of the required page, "legal-notice" or "accessibility".
check-missing-page = { $page ->
        [legal-notice] missing the legal-notice page
        [accessibility] missing the accessibility page
       *[other] missing the { $page } page
    }
check-missing-page-hint = create content/pages/{ $page }.<lang>.md (passerelle new page { $page })
check-no-compliance-status = the accessibility statement states no compliance status
check-no-compliance-status-hint = say whether the site is "totalement conforme", "partiellement conforme" or "non conforme" (fully, partially or not compliant) with the RGAA

## passerelle check: translations of the content

# $lang: the language code in site.toml; $name: its name, e.g. English.
check-missing-translation = missing translation in { $lang } ({ $name })
# $path: the file to create, e.g. content/news/launch.en.md.
check-missing-translation-hint = create { $path }
check-staleness-unknown = staleness of translations cannot be known outside a git repository
# $source: the file in the default language; dates are YYYY-MM-DD of the last commits.
check-translation-older = translation older than { $source } (source changed { $changed }, translation { $translated })
check-translation-older-hint = update it from { $source }, then commit it

## passerelle check: the UI strings (Fluent files)

# $id: the message id; $lang and $name: the language that lacks it.
check-fluent-missing = message '{ $id }' is missing in { $lang } ({ $name })
# $path: the Fluent file of that language to add it to.
check-fluent-missing-hint = add it to { $path }
check-fluent-unused = message '{ $id }' is not used by any template
check-fluent-unused-hint = remove it, or show it with { "{{" } t(key="{ $id }") { "}}" } in a template

## passerelle check: links and resources of the rendered pages

# $kind: what the URL is for: "link", "image" or "file" (scripts, style sheets, media).
check-missing-target = { $kind ->
        [image] missing image { $url }
        [file] missing file { $url }
       *[other] broken link to { $url }
    }
check-external-resource = page loads a resource from another host: { $url }
check-external-resource-hint = copy the file into static/ and refer to it under the site's address: visitors' browsers must not contact another host
# $url: the link as written in the page, fragment included.
check-missing-anchor = link to a missing anchor: { $url }
# $id: the fragment, decoded.
check-missing-anchor-hint = no element of the page it leads to has id="{ $id }"; a heading takes its id from its text, or from {"{"}#id{"}"} written after it
check-img-without-alt = image without an alt attribute: { $url }
check-img-without-alt-hint = add alt="..." describing the image, or alt="" if it is purely decorative
# Hint when the URL is not written in any content file; $pages: on how many output pages.
check-found-in-template = { $pages ->
        [1] found in a template, not in content/
       *[other] found in a template, not in content/, on { $pages } pages
    }

## passerelle check: the text report

# Before an error's message, in colour on a terminal.
check-error-label = error:

## Images once processed. $url: the image, e.g. /images/port.jpg; $width, $height: its pixel size.
# $asked: how wide the theme may show it, in CSS pixels.
check-image-short-column = image { $url } is { $width }×{ $height } pixels but the theme shows it up to { $asked } pixels wide: it will look blurred
check-image-short-column-hint = use an original at least { $asked } pixels wide
check-image-short-sharing = image { $url } is { $width }×{ $height } pixels: too small for the 1200×630 image sharing sites show (og:image)
check-image-short-sharing-hint = use an original at least 1200 pixels wide and 630 high
# $asked: the size a template asked for, e.g. 1600×1200.
check-image-short-template = a template asks for image { $url } at { $asked } pixels, but it is only { $width }×{ $height }: it is published at its own size, not enlarged
check-image-short-template-hint = use a larger original, or ask resize_image for a smaller size
# $size, $budget: kilobytes; $file: the heaviest file published for it.
check-image-heavy = image { $url } still weighs { $size } KB once processed ({ $file }), over the budget of { $budget } KB
check-image-heavy-hint = crop it to its subject, lower 'quality' or the largest of 'widths' in [images] of site.toml, or raise 'budget_kb' if this image needs it
