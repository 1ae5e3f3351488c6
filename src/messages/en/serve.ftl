## passerelle init and passerelle new: refusals and failures, printed after
## "passerelle init: " or "passerelle new: ".

# $folder: the folder given to init, as typed.
scaffold-not-a-folder = { $folder } is not a folder
scaffold-folder-not-empty = { $folder } is not empty; use --force to write into it anyway
# $kind: the type typed by the user; $known: the accepted types, comma-separated.
scaffold-unknown-type = unknown type '{ $kind }'; use one of: { $known }
scaffold-invalid-id = '{ $id }' is not a valid id; use lowercase letters, digits and hyphens, e.g. coopjop-launch
# $path: the file of the new item that is already there.
scaffold-already-exists = { $path } already exists
scaffold-action-needs-project = create a project first: passerelle new project <id>
# $file: site.toml; $folder: the site's folder (--root).
scaffold-no-site = no { $file } in { $folder }; run it in a site's folder, pass --root DIR, or create a site with passerelle init DIR
# $file: site.toml, whose diagnostics are printed just before.
scaffold-config-has-errors = { $file } has errors; fix them first
# $doing: create, write or read; $detail: the system's error message.
scaffold-io-error = { $doing ->
        [create] cannot create { $path }: { $detail }
        [write] cannot write { $path }: { $detail }
       *[read] cannot read { $path }: { $detail }
    }

## What passerelle init prints once the site is written: this line, the
## files, then the commands to run next.

scaffold-init-created = created a new site in { $folder }:
scaffold-init-next = next:
# A shell comment after "passerelle serve --watch".
scaffold-init-preview = preview at { $url }

## passerelle serve: one line per build, then the diagnostics.

# What started the first build; $what of the serve-built and serve-failed-* lines.
serve-first-build = built the site
# What started a rebuild: $path changed, and $others more files.
serve-changed = { $others ->
        [0] changed { $path }
        [one] changed { $path } and 1 other file
       *[other] changed { $path } and { $others } other files
    }
# $what: serve-first-build or serve-changed; $rendered of the $files pages
# of the site were written again; $ms: milliseconds.
serve-built = { $what }: { $rendered } of { $files ->
        [one] 1 page
       *[other] { $files } pages
    } rewritten in { $ms } ms
# A failed build while a previous good build is still served.
serve-failed-last-good = { $what }: build failed with { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    } in { $ms } ms; still serving the last good site
# A failed build when no build has succeeded since serve started.
serve-failed-no-site = { $what }: build failed with { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    } in { $ms } ms; the site will be served once it builds
serve-serving = serving { $url } (Ctrl+C to stop)
serve-serving-watching = serving { $url } (watching for changes; Ctrl+C to stop)
serve-no-browser = could not open a browser: open { $url } yourself
serve-server-stopped = the server thread stopped unexpectedly

## passerelle serve: the server's own errors and answers.

# $address: the address and port to listen on, e.g. 127.0.0.1:1111; $detail: the system's error message.
serve-cannot-listen = cannot listen on { $address }: { $detail }
# $next: the port to try instead.
serve-port-in-use = cannot listen on { $address }: the port is already in use (is another `passerelle serve` running? try --port { $next })
serve-port-in-use-other = cannot listen on { $address }: the port is already in use (is another `passerelle serve` running? try another --port)
# $path: the site's folder; $detail: the system's error message.
serve-cannot-watch = cannot watch { $path }: { $detail }
# The body of an HTTP 405 answer.
serve-method-not-allowed = method not allowed
serve-body-too-large = request too large
# The body of an HTTP 400 answer (a malformed address).
serve-bad-request = bad request
# The page of an address the built site has no page for, when the site has no 404.html.
serve-not-found-title = Not found
serve-not-found-text = The built site has no page at this address.
# A link to the home page; a full stop follows it.
serve-not-found-home = Go to the home page

## passerelle serve: the panel shown over the pages while the build fails.

serve-overlay-heading-last-good = Build failed — the last good version of the site is shown
# No build has succeeded since serve started: there is no site under the panel.
serve-overlay-heading-no-site = Build failed — there is no version of the site to show yet
# Under the heading; warnings are counted only when there are some.
serve-overlay-count = { $warnings ->
        [0] { $errors ->
            [one] 1 error
           *[other] { $errors } errors
        }
       *[other] { $errors ->
            [one] 1 error
           *[other] { $errors } errors
        }, { $warnings ->
            [one] 1 warning
           *[other] { $warnings } warnings
        }
    }
# The button that closes the panel.
serve-overlay-dismiss = Dismiss

## The progress line of a long build on a terminal (build, check and serve).

# $phase: reading, linking, markdown or pages; $done of
# $total steps are done; $total is 0 for a phase whose steps are not counted.
serve-progress = { $phase ->
        [reading] reading content
        [linking] linking items
        [markdown] rendering Markdown
       *[pages] rendering pages
    }{ $total ->
        [0] …
       *[other] : { $done }/{ $total }
    }
