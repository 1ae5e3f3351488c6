## Words shared by every command: how a diagnostic is laid out, and counts.

# Before the message of a diagnostic that does not fail the build.
diag-warning = warning:
# Before the line that says how to fix a problem.
diag-hint = hint:
did-you-mean = did you mean '{ $name }'?
# After a list of diagnostics.
summary-counts = { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }
