# Shell functions the benchmark scripts share; sourced, not run.

die() {
    printf 'bench: error: %s\n' "$*" >&2
    exit 1
}

# Median of numbers given as arguments.
median() {
    printf '%s\n' "$@" | sort -g | awk '
        { v[NR] = $1 }
        END {
            if (NR == 0) exit 1
            if (NR % 2) print v[(NR + 1) / 2]
            else print (v[NR / 2] + v[NR / 2 + 1]) / 2
        }'
}
