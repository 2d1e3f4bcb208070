#!/usr/bin/env bash
# The cluster's reading path: the newest article served from Varnish's cache next to nginx serving the same
# bytes, then with Varnish's cache bypassed, one node on its own against both nodes behind Varnish. On the
# local cluster of deploy/cluster.sh (started if it is not running, and left running). See bench/README.md.
#
#   bash bench/varnish.sh
#
# Options: DURATION=20, WARMUP=5, CONNECTIONS=32, THREADS=2, and deploy/cluster.sh's (VARNISH_PORT, NODE_PORT,
# PG_PORT, CLUSTER_DIR).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
WARMUP=${WARMUP:-5}
VARNISH_PORT=${VARNISH_PORT:-6081}
NODE_PORT=${NODE_PORT:-8081}
PG_PORT=${PG_PORT:-5433}
START_MARKER='<!-- bench:varnish:start -->'
END_MARKER='<!-- bench:varnish:end -->'
# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"
CLUSTER_DIR=${CLUSTER_DIR:-$ROOT/deploy/.cluster}
trap cleanup EXIT
mkdir -p "$OUT"

bash "$ROOT/deploy/cluster.sh" up >&2
VARNISH=http://127.0.0.1:$VARNISH_PORT
NODE=http://127.0.0.1:$NODE_PORT
ARTICLE=$(PGPASSWORD=$(<"$CLUSTER_DIR/db-password") psql -X -q -A -t -h 127.0.0.1 -p "$PG_PORT" -U masthead masthead \
    -v tz="$SITE_TIME_ZONE" <<'SQL'
SELECT '/' || s.path || '/' || to_char(a.published_at AT TIME ZONE :'tz', 'YYYY/mon/DD') || '/' || a.slug
FROM article a JOIN section s ON s.id = a.section_id
WHERE a.status = 'PUBLISHED' AND a.published_at <= now()
ORDER BY a.published_at DESC, a.id DESC
LIMIT 1
SQL
)
[[ -n $ARTICLE ]] || die "no published article in the cluster's database"

curl -sf -o "$OUT/varnish-article.html" -D "$OUT/varnish-article.headers" "$VARNISH$ARTICLE" || die "Varnish does not serve $ARTICLE"
curl -sf -o /dev/null -D "$OUT/varnish-article.headers" "$VARNISH$ARTICLE"
grep -qi '^X-Cache: HIT' "$OUT/varnish-article.headers" || die "Varnish does not cache $ARTICLE (see bench/out/varnish-article.headers)"
CONTENT_TYPE=$(awk -F': ' 'tolower($1) == "content-type" { sub(/\r$/, "", $2); print $2 }' "$OUT/varnish-article.headers")
start_nginx "$OUT/varnish-article.html" "$CONTENT_TYPE"

# Varnish looks pages up whatever cookies a request has, but passes every request with Authorization
# (deploy/masthead.vcl), which the nodes ignore on public pages.
BYPASS=(-H "Authorization: Bearer bench")
curl -sf -o /dev/null -D "$OUT/varnish-pass.headers" "${BYPASS[@]}" "$VARNISH$ARTICLE" || die "a request Varnish passes is not answered"
grep -qi '^X-Cache: MISS' "$OUT/varnish-pass.headers" || die "Varnish did not pass the request (see bench/out/varnish-pass.headers)"

# label|url|extra wrk arguments
TARGETS_RUN=(
    "nginx, the same bytes|$NGINX_URL$ARTICLE|"
    "Varnish, from its cache|$VARNISH$ARTICLE|"
    "node 1 alone (its page cache)|$NODE$ARTICLE|"
    "Varnish passing to both nodes (their page caches)|$VARNISH$ARTICLE|bypass"
)
ROWS=()
for target in "${TARGETS_RUN[@]}"; do
    IFS='|' read -r label url extra <<<"$target"
    args=()
    [[ $extra != bypass ]] || args=("${BYPASS[@]}")
    busy=$(wait_for_quiet)
    log "Measuring $label"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "${args[@]}" "$url" >/dev/null
    file=$OUT/wrk-varnish-$((${#ROWS[@]} + 1)).txt
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "${args[@]}" "$url" | tee "$file" >&2
    rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$file")
    p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$file")")
    p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$file")")
    errors=$(awk '/Non-2xx or 3xx responses:/ { printf "%s non-2xx/3xx", $NF } /Socket errors:/ { printf " socket errors" }' "$file")
    ROWS+=("$label|$rps|$p50|$p99|${errors:-none}|$busy")
done

rps_of() { IFS='|' read -r _ rps _ <<<"${ROWS[$1]}"; echo "$rps"; }
SECTION_FILE=$OUT/benchmarks-varnish.md
{
    echo "$START_MARKER"
    echo "## The cluster's reading path: Varnish against nginx, one node against two"
    echo
    echo "_Written by \`bash bench/varnish.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'); the script replaces everything between the \`bench:varnish\` markers._"
    echo
    echo "The newest article of the local cluster of \`deploy/cluster.sh\`, \`wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s\` after ${WARMUP} s of warm-up"
    echo "each, all on this machine: nginx serving the bytes Varnish served; Varnish from its cache; node 1 on its own;"
    echo "and Varnish passing every request to the two nodes in turn (requests with \`Authorization\`, which"
    echo "\`deploy/masthead.vcl\` never looks up), each node answering from its own page cache."
    echo
    echo "| Served by | Requests/s | p50 | p99 | Errors | Other work just before |"
    echo "|---|---:|---:|---:|---|---:|"
    for row in "${ROWS[@]}"; do
        IFS='|' read -r label rps p50 p99 errors busy <<<"$row"
        echo "| $label | $(thousands "$rps") | $(ms "$p50") | $(ms "$p99") | $errors | ${busy}% |"
    done
    echo
    echo "Varnish from its cache: $(percent "$(rps_of 1)" "$(rps_of 0)") of nginx. Both nodes behind Varnish against node 1"
    echo "alone: $(awk -v a="$(rps_of 3)" -v b="$(rps_of 2)" 'BEGIN { if (b > 0) printf "%.2f×", a / b; else print "?" }') (a second node on the"
    echo "same two cores adds no CPU: the factor says what Varnish's pass and the second JVM cost, not what a second"
    echo "machine would add)."
    echo
    echo "Machine: $(machine_line). Raw output: \`bench/out/wrk-varnish-*.txt\`."
    echo "$END_MARKER"
} >"$SECTION_FILE"
write_report "$START_MARKER" "$END_MARKER" "$SECTION_FILE"
cat "$SECTION_FILE"
