#!/usr/bin/env bash
# Full-build benchmark of passerelle on synthetic bilingual sites.
#
#   bench/run.sh [NEWS_PER_LANGUAGE ...]    default: 445 4945
#
# For each size N, generates (once) a site of 2N + 110 content pages with
# `cargo run --release --example gen_site`, then times RUNS full builds of it
# with /usr/bin/time and prints the median wall time and peak memory.
#
# Environment:
#   RUNS=5          builds timed per size
#   BENCH_DIR=/tmp  where sites and outputs go (passerelle-bench-<N>, -<N>-out)
#   REGEN=1         regenerate the sites even if they exist
#   OUT_DIR=DIR     where build outputs go (default BENCH_DIR); /dev/shm
#                   measures without the disk. Each run writes a fresh folder,
#                   all removed at the end: on ext4, creating files right
#                   after deleting thousands is several times slower for
#                   about a minute, which would measure the file system.
set -euo pipefail
export LC_ALL=C # decimal points for printf, awk and sort

usage() {
    sed -n '2,13s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
}

# die, median
# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

runs=${RUNS:-5}
bench_dir=${BENCH_DIR:-/tmp}
out_dir=${OUT_DIR:-$bench_dir}
regen=${REGEN:-0}

sizes=()
for arg in "$@"; do
    case $arg in
        -h | --help)
            usage
            exit 0
            ;;
        *[!0-9]* | '')
            printf 'bench: error: not a news count: %s\n\n' "$arg" >&2
            usage >&2
            exit 2
            ;;
        *) sizes+=("$arg") ;;
    esac
done
if ((${#sizes[@]} == 0)); then
    sizes=(445 4945)
fi
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive whole number, got '$runs'"
[[ -n $bench_dir && -d $bench_dir ]] || die "BENCH_DIR '$bench_dir' is not a folder"

time_bin=/usr/bin/time
if [[ ! -x $time_bin ]]; then
    die "$time_bin not found (GNU time measures peak memory); install it with: apt-get install -y time"
fi

root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
cd -- "$root"
target_dir=${CARGO_TARGET_DIR:-$root/target}
passerelle=$target_dir/release/passerelle
gen_site=$target_dir/release/examples/gen_site

echo "bench: building passerelle (cargo build --release)"
cargo build --release ||
    die "cargo build --release failed: fix the build before benchmarking"
cargo build --release --example gen_site ||
    die "cargo build --release --example gen_site failed"
[[ -x $passerelle ]] || die "the build did not produce $passerelle"
[[ -x $gen_site ]] || die "the build did not produce $gen_site"

cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
printf 'bench: %s runs per size, %s CPUs%s, %s\n' \
    "$runs" "$(nproc)" "${cpu:+ ($cpu)}" "$(rustc --version)"

time_file=$(mktemp)
trap 'rm -f -- "$time_file"' EXIT

summary=()
for n in "${sizes[@]}"; do
    n=$((10#$n))
    site=$bench_dir/passerelle-bench-$n
    out_base=$out_dir/passerelle-bench-$n-out
    log=$site-build.log

    if [[ $regen == 1 || ! -f $site/site.toml ]]; then
        # site.toml is written last: without it the folder is incomplete.
        "$gen_site" --news "$n" --out "$site" --force
    else
        echo "bench: reusing $site (REGEN=1 to rebuild it)"
    fi
    pages=$(find "$site/content" -name '*.md' ! -name '_index.*' | wc -l)
    pages=$((pages))
    if ((pages != 2 * n + 110)); then
        echo "bench: warning: $site has $pages content pages, expected $((2 * n + 110)); REGEN=1 rebuilds it" >&2
    fi

    echo "bench: N=$n ($pages content pages): passerelle build --root $site --output $out_base-<run>"
    walls=()
    rss_kib=()
    for ((i = 1; i <= runs; i++)); do
        out=$out_base-$i
        rm -rf -- "${out:?}"
        if ! "$time_bin" -f '%e %M' -o "$time_file" \
            "$passerelle" build --root "$site" --output "$out" >"$log" 2>&1; then
            echo "bench: passerelle build failed on $site (run $i); last lines of $log:" >&2
            tail -n 20 -- "$log" >&2
            exit 1
        fi
        read -r wall rss < <(tail -n 1 -- "$time_file")
        walls+=("$wall")
        rss_kib+=("$rss")
        printf '  run %d: %6.2f s  %8.1f MiB\n' "$i" "$wall" "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')"
    done
    for ((i = 1; i <= runs; i++)); do
        rm -rf -- "${out_base:?}-$i"
    done
    wall_med=$(median "${walls[@]}")
    rss_med=$(median "${rss_kib[@]}")
    summary+=("$(printf '%10d %8d %5d %16.2f %18.1f' \
        "$n" "$pages" "$runs" "$wall_med" "$(awk -v k="$rss_med" 'BEGIN { print k / 1024 }')")")
done

echo
printf '%10s %8s %5s %16s %18s\n' "news/lang" "pages" "runs" "median wall (s)" "median peak (MiB)"
printf '%s\n' "${summary[@]}"
