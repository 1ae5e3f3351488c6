## The command line itself: help of commands and arguments, usage errors,
## and the summaries `passerelle build` prints.

cli-about = Static sites for cooperation programmes between local and regional governments
cli-usage = Usage:
cli-heading-commands = Commands
cli-heading-arguments = Arguments
cli-heading-options = Options
# The placeholder for a command's name in usage lines.
cli-command-placeholder = COMMAND
cli-help-flag = Print help
cli-version-flag = Print version
cli-help-about = Print this message or the help of the given command
cli-help-command = The command to explain
# After an argument's help; $value is the value used when it is not given.
cli-default = [default: { $value }]
# $values: the values allowed, separated by commas.
cli-possible-values = [possible values: { $values }]

## Commands and their arguments.

cli-init-about = Creates a new site with starter content in French and English
cli-init-dir = The folder to create the site in (created if missing)
cli-init-force = Writes into a folder that is not empty, replacing the starter's files there
cli-new-about = Writes a new item in every language of the site, front matter filled
cli-new-type = project, partner, action, news or page
cli-new-id = The item's id: lowercase letters, digits and hyphens, e.g. coopjop-launch
cli-new-title = The item's title; a placeholder in each language otherwise
cli-build-about = Builds the site into the output folder (replaced only when the build succeeds)
cli-build-output = Where to write the site; default: public/ in the site's folder
cli-build-base-url = Overrides base_url from site.toml
cli-check-about = Checks the site without writing it: everything build checks, plus links, assets, other hosts, images without alternative text, legal pages and translations
cli-check-format = text for people, json for CI
cli-check-deny-warnings = Exits with 1 when there is any warning too
cli-serve-about = Builds the site and serves it, rebuilding and reloading browsers on changes with --watch
cli-serve-watch = Rebuilds on every change to content, themes, templates, locales, static files or site.toml
cli-serve-port = The port to listen on
cli-serve-bind = The address to listen on; 127.0.0.1 keeps the site to this computer
cli-serve-open = Opens the site in a browser
cli-edit-about = Serves the site as serve --watch does, with an editor in the browser to write and translate content
cli-edit-bind = The address to listen on: only this computer's (127.0.0.1, ::1 or localhost)
cli-edit-no-open = Does not open the site in a browser
cli-arg-root = The site's folder (with site.toml)
cli-arg-drafts = Includes items with `draft: true`
cli-arg-future = Includes news dated in the future

## Usage errors.

# Before the message of an error that stops the command.
cli-error = error:
cli-error-unknown-command = unrecognized command '{ $name }'
cli-error-similar-command = a command with a close name exists: '{ $name }'
cli-error-unknown-argument = unexpected argument '{ $name }'
cli-error-similar-argument = an argument with a close name exists: '{ $name }'
# $arg: the argument as shown in the help, e.g. "--format <FORMAT>".
cli-error-invalid-value = invalid value '{ $value }' for '{ $arg }'
# $reason: why the value was refused (in English, from the parser).
cli-error-invalid-value-because = invalid value '{ $value }' for '{ $arg }': { $reason }
# $names: the missing arguments, e.g. "<DIR>".
cli-error-missing-arguments = missing required arguments: { $names }
# $value: what the variable holds.
cli-error-today = PASSERELLE_TODAY must be a date written YYYY-MM-DD (e.g. 2026-03-01), not '{ $value }'
cli-more-information = For more information, try '--help'.

## Summaries.

# $languages: pages per language, e.g. "69 en, 69 fr"; $ms: milliseconds.
cli-built = built { $pages } pages ({ $languages }) into { $output } in { $ms } ms
# After a build that showed images: $shown sources; $encoded files (responsive sets, crops) encoded by
# this build, $reused taken from the cache of earlier builds.
cli-images = images shown: { $shown }; encoded now: { $encoded }; taken from .passerelle-cache/: { $reused }
cli-build-failed = build failed: { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }; { $output } left unchanged
