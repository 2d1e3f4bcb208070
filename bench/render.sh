#!/usr/bin/env bash
# The render-path benchmark: pages Masthead renders for every request (the article and home pages with its
# page cache off, and signed-in pages, which are never cached), then the long tail (article URLs in random
# order, each asked for once, page cache on but cold), each against nginx serving the same article bytes in
# the same run; and a restarted node's time to its first page and its memory. See bench/README.md.
#
#   bash bench/render.sh
#
# Options (environment variables; bench/lib.sh has the ones all benchmarks share):
#   TAIL=20000             article URLs in the long tail
#   TAIL_WARMUP=2000       other articles whose pages warm the JIT before the tail (the site needs TAIL + these)
#   TAIL_DURATION=60       seconds the tail is measured
#   PHASES="aot render tail"  which measurements run; a partial run writes bench/out/benchmarks-render.md only
#   RESTARTS=3             restarts measured each way; the report gives the one whose first page came at the median
#   APP_JAVA_OPTS          default: the README's run command's, -XX:+UseSerialGC -Xms64m -Xmx512m
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TAIL=${TAIL:-20000}
TAIL_WARMUP=${TAIL_WARMUP:-2000}
TAIL_DURATION=${TAIL_DURATION:-60}
PHASES=${PHASES:-aot render tail}
RESTARTS=${RESTARTS:-3}
# Measured as a new user runs it: with the JVM flags ./mvnw spring-boot:run gives the app (pom.xml).
APP_JAVA_OPTS=${APP_JAVA_OPTS:--XX:+UseSerialGC -Xms64m -Xmx512m --enable-native-access=ALL-UNNAMED}
READER_EMAIL=${READER_EMAIL:-reader@masthead.test}
READER_PASSWORD=${READER_PASSWORD:-masthead-demo}
START_MARKER='<!-- bench:render:start -->'
END_MARKER='<!-- bench:render:end -->'
# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

has_phase() { [[ " $PHASES " == *" $1 "* ]]; }
BASE_APP_ARGS=$APP_ARGS
UNCACHED_ARGS="--masthead.page-cache.enabled=false${BASE_APP_ARGS:+ $BASE_APP_ARGS}"

# --- The site, and a restarted node ----------------------------------------------------------------------

APP_ARGS=$UNCACHED_ARGS
start_app
ensure_articles $((TAIL + TAIL_WARMUP))
# A node restarted on an existing data directory: how long until it answers a reader, and where that goes.
# Restarts it RESTARTS times and sets MEDIAN (the median start's "first-page-ms cpu-ms steps...", the steps as
# ms since launch read from the log) and ALL_RESTARTS_MS (every start's time to its first page, in order).
RESTART_STEP_NAMES=("JVM started, Spring starting" "embedded PostgreSQL listening" "database schema checked (Flyway)"
    "Jetty listening" "application started")
measure_restarts() {
    local i runs=()
    ALL_RESTARTS_MS=()
    for ((i = 0; i < RESTARTS; i++)); do
        stop_app
        start_app
        ALL_RESTARTS_MS+=("$FIRST_PAGE_MS")
        runs+=("$FIRST_PAGE_MS $FIRST_PAGE_CPU_MS $(since_launch 'Starting MastheadApplication')\
 $(since_launch 'Embedded PostgreSQL is listening') $(since_launch 'Schema .* is up to date|Successfully applied')\
 $(since_launch 'Jetty started on port') $(since_launch 'Started MastheadApplication')")
    done
    MEDIAN=$(printf '%s\n' "${runs[@]}" | sort -n | sed -n "$(((RESTARTS + 1) / 2))p")
}
measure_restarts
read -r RESTART_MS RESTART_CPU_MS RESTART_AT <<<"$MEDIAN"
RESTART_ALL=$(IFS=,; echo "${ALL_RESTARTS_MS[*]}")
read -r -a RESTART_AT <<<"$RESTART_AT"
sleep 10
read -r IDLE_JVM_MB IDLE_PG_MB < <(memory_line)
echo "restart: first page after $RESTART_MS ms ($RESTART_CPU_MS ms of CPU); idle: JVM $IDLE_JVM_MB MiB, PostgreSQL $IDLE_PG_MB MiB" >&2

# The same restart as a production node starts: the jar extracted, with an ahead-of-time cache of its classes made
# by a training run (deploy/prepare-node.sh, as deploy/cluster.sh does).
if has_phase aot; then
    log "Preparing the jar as a production node runs it (deploy/prepare-node.sh)"
    stop_app
    # shellcheck disable=SC2086 # APP_JAVA_OPTS is a list of flags
    APP_LAUNCH=$(bash "$ROOT/deploy/prepare-node.sh" "$OUT/masthead.jar" "$OUT/prepared" $APP_JAVA_OPTS) \
        || die "deploy/prepare-node.sh failed"
    measure_restarts
    read -r AOT_RESTART_MS AOT_RESTART_CPU_MS AOT_AT <<<"$MEDIAN"
    AOT_STARTED_MS=${AOT_AT##* }
    AOT_RESTART_ALL=$(IFS=,; echo "${ALL_RESTARTS_MS[*]}")
    echo "restart as a production node: first page after $AOT_RESTART_MS ms ($AOT_RESTART_CPU_MS ms of CPU)" >&2
    stop_app
    unset APP_LAUNCH
    start_app
fi

ARTICLE_PATH=$(article_path)
[[ -n $ARTICLE_PATH ]] || die "found no published article"
check_page "$ARTICLE_PATH"
check_page /
CONTENT_TYPE=$(curl -s -o "$OUT/article.html" -w '%{content_type}' "$APP$ARTICLE_PATH")
ARTICLE_BYTES=$(wc -c <"$OUT/article.html")
start_nginx "$OUT/article.html" "$CONTENT_TYPE"

# --- Pages rendered for every request ---------------------------------------------------------------------

# Signs the demo reader in through the sign-in form, as a browser does; prints the session cookie's value.
sign_in() {
    local jar=$OUT/reader-cookies.txt token status
    rm -f "$jar"
    token=$(curl -s -c "$jar" -b "$jar" "$APP/signin" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')
    [[ -n $token ]] || die "found no CSRF token on $APP/signin"
    status=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' \
        --data-urlencode "email=$READER_EMAIL" --data-urlencode "password=$READER_PASSWORD" \
        --data-urlencode "_csrf=$token" "$APP/signin")
    [[ $status == 302 || $status == 303 ]] || die "signing in as $READER_EMAIL answered $status"
    awk '$6 == "SESSION" { print $7 }' "$jar"
}

if has_phase render; then
    SESSION=$(sign_in)
    [[ -n $SESSION ]] || die "signing in as $READER_EMAIL set no SESSION cookie"
    export SESSION # for session.lua
    for page in /notifications /reading-list; do
        status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: SESSION=$SESSION" "$APP$page")
        [[ $status == 200 ]] || die "$page answered $status to the signed-in reader"
    done
    TARGETS=(
        "nginx|nginx static article|$NGINX_URL$ARTICLE_PATH"
        "article|article page, rendered|$APP$ARTICLE_PATH"
        "home|home page, rendered|$APP/"
        "notifications|signed in: notifications|$APP/notifications|-s $BENCH_DIR/session.lua"
        "reading-list|signed in: reading list|$APP/reading-list|-s $BENCH_DIR/session.lua"
    )
    RENDER_TARGETS=("${TARGETS[@]}")
    measure_targets
    read -r RENDER_JVM_MB RENDER_PG_MB < <(memory_line)
fi

# --- The long tail ----------------------------------------------------------------------------------------

if has_phase tail; then
    # Published articles' addresses in random order (the same order each run): the first TAIL are the tail,
    # the next TAIL_WARMUP warm the JIT beforehand.
    sql -v tz="$SITE_TIME_ZONE" >"$OUT/tail-all.txt" <<SQL
SELECT setseed(0.42);
SELECT '/' || s.path || '/' || to_char(a.published_at AT TIME ZONE :'tz', 'YYYY/mon/DD') || '/' || a.slug
FROM article a JOIN section s ON s.id = a.section_id
WHERE a.status = 'PUBLISHED' AND a.published_at <= now()
ORDER BY random()
LIMIT $((TAIL + TAIL_WARMUP));
SQL
    sed -i '/^$/d' "$OUT/tail-all.txt"
    head -n "$TAIL" "$OUT/tail-all.txt" >"$OUT/tail-paths.txt"
    tail -n "+$((TAIL + 1))" "$OUT/tail-all.txt" >"$OUT/tail-warmup-paths.txt"
    (($(wc -l <"$OUT/tail-paths.txt") == TAIL)) || die "fewer than $TAIL published articles"

    # A node with its page cache on, started afresh: the cache is cold.
    stop_app
    APP_ARGS=$BASE_APP_ARGS
    start_app
    log "Warming the JIT on $TAIL_WARMUP other articles for ${WARMUP}s"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$BENCH_DIR/tail.lua" "$APP" \
        -- "$OUT/tail-warmup-paths.txt" "$THREADS" >"$OUT/wrk-tail-warmup.txt"
    TARGETS=(
        "tail-nginx|nginx static article|$NGINX_URL$ARTICLE_PATH"
        "tail|article pages, long tail|$APP|-s $BENCH_DIR/tail.lua -- $OUT/tail-paths.txt $THREADS"
    )
    # No warming here: it would ask for the tail's own paths.
    saved_duration=$DURATION saved_warmup=$WARMUP
    DURATION=$TAIL_DURATION WARMUP=0
    measure_targets
    DURATION=$saved_duration WARMUP=$saved_warmup
    TAIL_CACHE_LINE=$CACHE_LINE
    TAIL_REPEATED=$(awk '/^Repeated paths:/ { print $3 }' "$OUT/wrk-tail.txt")
    read -r TAIL_JVM_MB TAIL_PG_MB < <(memory_line)
fi

# --- Report -----------------------------------------------------------------------------------------------

jdk=$("$JAVA" -version 2>&1 | sed -n 2p)
nginx_version=$("$NGINX" -v 2>&1 | sed 's/^nginx version: //')
table() { # reference target, then targets: a table of the measurements
    local reference=$1 name label
    shift
    echo "| Target | req/s | p50 | p99 | Ratio to nginx | Server CPU per request | PostgreSQL CPU per request | Other work |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|"
    for target; do
        IFS='|' read -r name label _ <<<"$target"
        echo "| $label | $(thousands "${RPS[$name]}") | $(ms "${P50[$name]}") | $(ms "${P99[$name]}") | $(percent "${RPS[$name]}" "${RPS[$reference]}") | ${CPU_PER_REQUEST[$name]} µs | ${DB_CPU_PER_REQUEST[$name]:+${DB_CPU_PER_REQUEST[$name]} µs} | ${OTHER_CPU[$name]}% |"
    done
    echo
    for target; do
        IFS='|' read -r name label _ <<<"$target"
        [[ -z ${ERRORS[$name]} ]] || echo "- Errors, $label: ${ERRORS[$name]%; }"
    done
}
verdict() { # name, at least this many req/s, p99 under this many ms (empty: none)
    local name=$1 rps=$2 p99=${3:-} words
    if [[ -n ${ERRORS[$name]} ]]; then
        echo "**not met** (errors)"
        return
    fi
    words=$(awk -v r="${RPS[$name]}" -v want="$rps" 'BEGIN { print (r >= want ? "met" : "not met") }')
    if [[ -n $p99 ]]; then
        if [[ $CONNECTIONS != 32 ]]; then
            echo "**$words** for throughput ($(thousands "${RPS[$name]}") req/s); p99 not assessed at $CONNECTIONS connections"
            return
        fi
        awk -v p="${P99[$name]}" -v want="$p99" 'BEGIN { exit !(p != "?" && p < want) }' || words="not met"
    fi
    echo "**$words** ($(thousands "${RPS[$name]}") req/s${p99:+, p99 $(ms "${P99[$name]}")})"
}

SECTION_FILE=$OUT/benchmarks-render.md
{
    echo "$START_MARKER"
    echo "## Render path: pages rendered per request, the long tail, start and memory"
    echo
    echo "_Written by \`bash bench/render.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'); the script replaces everything between the \`bench:render\` markers._"
    echo
    echo "- Machine: $(machine_line)"
    echo "- JDK: $jdk; app JVM flags: \`$APP_JAVA_OPTS\`${BASE_APP_ARGS:+; app arguments: \`$BASE_APP_ARGS\`}"
    echo "- nginx: $nginx_version, serving the article's $(thousands "$ARTICLE_BYTES") bytes as a static file; the site holds $(thousands "$PUBLISHED") published articles"
    echo "- Each measurement: \`wrk -t$THREADS -c$CONNECTIONS --latency\`. Server CPU is the app's JVM (or nginx's workers) and"
    echo "  PostgreSQL CPU the embedded database's processes, per request; Other work is the share of all CPUs taken by other"
    echo "  processes during the measurement, which should be near 0% (if it is not, the machine was busy and the numbers are low)"
    echo "- Reproduce: \`bash bench/render.sh\` (options in [bench/README.md](../bench/README.md)); raw wrk output in \`bench/out/wrk-*.txt\`"
    echo
    if has_phase render; then
        echo "### Rendered for every request"
        echo
        echo "The app runs with \`--masthead.page-cache.enabled=false\`, so the article and home pages are rendered for"
        echo "each request. The signed-in pages are the demo reader's (\`$READER_EMAIL\`), never cached. ${WARMUP} s of"
        echo "unmeasured load on each first, then ${DURATION} s measured."
        echo
        table nginx "${RENDER_TARGETS[@]}"
        echo
        echo "Targets: the article page at least 1,000 req/s with p99 under 50 ms at 32 connections: $(verdict article 1000 50);"
        echo "the home page at least 500 req/s: $(verdict home 500); a signed-in page at least 500 req/s: notifications"
        echo "$(verdict notifications 500), reading list $(verdict reading-list 500)."
        echo
    fi
    if has_phase tail; then
        echo "### The long tail"
        echo
        echo "$(thousands "$TAIL") article addresses in random order, each asked for once, from a node started afresh with its"
        echo "page cache on (so cold): every request is a miss, rendered and then kept. The JIT is warmed first for ${WARMUP} s on"
        echo "$(thousands "$TAIL_WARMUP") other articles; the tail is then measured for ${TAIL_DURATION} s ([\`tail.lua\`](../bench/tail.lua))."
        echo
        table tail-nginx "tail-nginx|nginx static article" "tail|article pages, long tail"
        echo
        echo "- Page cache during the tail: $TAIL_CACHE_LINE; requests that repeated a path (the list ran out): ${TAIL_REPEATED:-?}"
        echo
    fi
    echo "### Start and memory"
    echo
    echo "A node restarted on an existing data directory (page cache off, \`java $APP_JAVA_OPTS -jar masthead.jar\`), $RESTARTS times:"
    echo "the median start answered its first page $(thousands "$RESTART_MS") ms after its JVM was launched (all: $RESTART_ALL ms), having"
    echo "used $(thousands "$RESTART_CPU_MS") ms of CPU (all threads: the JIT compilers take a good part of it). Where that start's time went,"
    echo "from the app's log (ms since launch):"
    echo
    echo "| Step | ms since launch |"
    echo "|---|---:|"
    for i in "${!RESTART_STEP_NAMES[@]}"; do
        echo "| ${RESTART_STEP_NAMES[$i]} | $(thousands "${RESTART_AT[$i]}") |"
    done
    echo "| first 200 from / | $(thousands "$RESTART_MS") |"
    echo
    if has_phase aot; then
        echo "The same restart as a production node starts (\`deploy/prepare-node.sh\`, which \`deploy/cluster.sh\` runs: the jar"
        echo "extracted, with an ahead-of-time cache of its classes made by a training run, \`-XX:AOTCache\`): first page after"
        echo "$(thousands "$AOT_RESTART_MS") ms at the median of $RESTARTS (all: $AOT_RESTART_ALL ms), $(thousands "$AOT_RESTART_CPU_MS") ms of CPU (application started at"
    echo "$(thousands "$AOT_STARTED_MS") ms)."
        echo "Target: a restarted node answers its first page within 5 s: $( ((AOT_RESTART_MS <= 5000)) && echo '**met**' || echo '**not met**')."
        echo
    fi
    echo "Resident memory (JVM: RSS; PostgreSQL: proportional set size summed over its processes, so shared memory"
    echo "counts once):"
    echo
    echo "| When | JVM | PostgreSQL |"
    echo "|---|---:|---:|"
    echo "| idle, 10 s after the restart | $IDLE_JVM_MB MiB | $IDLE_PG_MB MiB |"
    has_phase render && echo "| after the rendered pages | $RENDER_JVM_MB MiB | $RENDER_PG_MB MiB |"
    has_phase tail && echo "| after the long tail (page cache filled) | $TAIL_JVM_MB MiB | $TAIL_PG_MB MiB |"
    echo "$END_MARKER"
} >"$SECTION_FILE"

if [[ $PHASES == "aot render tail" ]]; then
    write_report "$START_MARKER" "$END_MARKER" "$SECTION_FILE"
    log "Results (also in ${REPORT#"$ROOT"/})"
else
    log "Results of a partial run (PHASES=$PHASES), in bench/out/benchmarks-render.md only"
fi
sed -n '/^### /,$p' "$SECTION_FILE" | grep -v -e "$END_MARKER" >&2
