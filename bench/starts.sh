#!/usr/bin/env bash
# Fresh starts under fire: starts the packaged jar on an empty data directory again and again, each time
# with a burst of concurrent requests from the moment it is launched, and counts the starts that serve.
# A start serves when every request of a burst is answered 200 once the app is up, and still is after the
# demo content's notifications have been worked through. See bench/README.md and docs/start-up.md.
#
#   bash bench/starts.sh
#
# Options (environment variables):
#   STARTS=20        starts for each page-cache setting
#   PAGE_CACHE="off on"   the masthead.page-cache.enabled settings to run, in turn
#   WAVE_EVERY=0.5   seconds between bursts (each burst asks for every page of BURST_PATHS at once)
#   HOLD=20          seconds a start must keep serving after its first full burst
#   STALL=120        seconds without a single answer, once Jetty has started, after which a start is stuck
#   DEADLINE=3600    seconds after launch by which a start must serve, or it counts as too slow
#   BUILD=yes        build the jar first; "no" uses target/masthead-0.1.0-SNAPSHOT.jar as it is
#   APP_JAVA_OPTS=   JVM flags for the app (none: as a newcomer runs it)
#   REPORT=docs/start-up.md   where the results go, between the bench:starts markers
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
OUT=${OUT:-$BENCH_DIR/out/starts}
STARTS=${STARTS:-20}
PAGE_CACHE=${PAGE_CACHE:-off on}
WAVE_EVERY=${WAVE_EVERY:-0.5}
HOLD=${HOLD:-20}
STALL=${STALL:-120}
DEADLINE=${DEADLINE:-3600}
BUILD=${BUILD:-yes}
APP_JAVA_OPTS=${APP_JAVA_OPTS:-}
REPORT=${REPORT:-$ROOT/docs/start-up.md}
JAR_NAME=masthead-0.1.0-SNAPSHOT.jar
START_MARKER='<!-- bench:starts:start -->'
END_MARKER='<!-- bench:starts:end -->'
# Pages, feeds, static files read from the jar, and the health probe: different classes to load, at once.
BURST_PATHS=(/ /robots.txt /sitemap.xml /sitemaps/news.xml /rss /world /culture /signin /register
    /css/site.css /js/live.js /img/logo.png /me /actuator/health/readiness)

# shellcheck source=bench/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
JCMD=${JAVA_HOME:+$JAVA_HOME/bin/}jcmd
command -v curl >/dev/null || die "please install curl"

mkdir -p "$OUT"
if [[ $BUILD == yes ]]; then
    log "Building the app"
    (cd "$ROOT" && ./mvnw -q -DskipTests -Dspotless.check.skip=true package) || die "the build failed"
fi
[[ -f $ROOT/target/$JAR_NAME ]] || die "no target/$JAR_NAME; run with BUILD=yes"
cp "$ROOT/target/$JAR_NAME" "$OUT/masthead.jar"

APP_PID=
BURST_PID=
RUN_DIR=

free_port() {
    local port _
    for _ in $(seq 200); do
        # Below the kernel's ephemeral range (32768 and up), so that no other program's port 0 takes it meanwhile.
        port=$((10000 + RANDOM % 20000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    die "found no free port"
}

stop_pid() { # $1 pid, $2 signal, $3 seconds to wait before SIGKILL
    local pid=$1 i
    [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
    kill "-$2" "$pid" 2>/dev/null || true
    for ((i = 0; i < $3 * 10; i++)); do
        kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

# Stops this run's app and bursts, and its PostgreSQL if a stuck app had to be killed; deletes its data.
end_run() {
    stop_pid "$BURST_PID" TERM 5
    BURST_PID=
    stop_pid "$APP_PID" TERM 30
    APP_PID=
    if [[ -n $RUN_DIR ]]; then
        local pidfile=$RUN_DIR/data/postgres/postmaster.pid postgres
        if [[ -f $pidfile ]]; then
            postgres=$(head -n 1 "$pidfile")
            if [[ $postgres =~ ^[0-9]+$ ]] && [[ $(cat "/proc/$postgres/comm" 2>/dev/null) == postgres ]]; then
                stop_pid "$postgres" TERM 30
            fi
        fi
        rm -rf "$RUN_DIR"
        RUN_DIR=
    fi
}
trap end_run EXIT
trap 'exit 130' INT TERM

# One burst: every path at once; prints "status path" lines. A request gets 10 s to be answered.
burst() {
    local urls=() path
    # Each URL needs its own -o: in parallel mode a single -o applies to the first URL only, and the other
    # bodies would be mixed into the status lines.
    for path in "${BURST_PATHS[@]}"; do urls+=(-o /dev/null "http://127.0.0.1:$1$path"); done
    curl -s -Z --parallel-max 32 --max-time 10 -w '%{http_code} %{url_effective}\n' "${urls[@]}" \
        2>/dev/null || true
}

all_served() { # $1 port: every page of a burst answered 200
    local answers
    answers=$(burst "$1")
    [[ $(grep -c '^200 ' <<<"$answers") == "${#BURST_PATHS[@]}" ]]
}

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# Runs one start; appends "cache result first_page_seconds served_seconds" to $OUT/results.txt.
run_start() {
    local cache=$1 number=$2 port launched first_page=- served=- result=slow elapsed listening=- last_answer
    RUN_DIR=$(mktemp -d /tmp/masthead-start.XXXXXX)
    port=$(free_port)
    launched=$(now_ms)
    # shellcheck disable=SC2086 # APP_JAVA_OPTS is a list of flags
    "$JAVA" $APP_JAVA_OPTS -jar "$OUT/masthead.jar" \
        --server.port="$port" \
        --masthead.data-dir="$RUN_DIR/data" \
        --masthead.page-cache.enabled="$( [[ $cache == on ]] && echo true || echo false)" \
        >"$RUN_DIR/app.log" 2>&1 &
    APP_PID=$!
    (
        while :; do
            burst "$port" | sed "s/^/$(($(now_ms) - launched)) /" >>"$RUN_DIR/requests.log" &
            sleep "$WAVE_EVERY"
        done
    ) &
    BURST_PID=$!
    while :; do
        elapsed=$(($(now_ms) - launched))
        ((elapsed < DEADLINE * 1000)) || break
        kill -0 "$APP_PID" 2>/dev/null || { result=exited; break; }
        if [[ $listening == - ]] && grep -q 'Jetty started on port' "$RUN_DIR/app.log"; then
            listening=$elapsed
        fi
        if [[ $listening != - ]]; then
            # A hung node takes connections but answers nothing: not one status in STALL seconds.
            last_answer=$(awk -v since="$listening" '$2 != "000" && $1 > since { last = $1 } END { print last + 0 }' \
                "$RUN_DIR/requests.log" 2>/dev/null)
            ((last_answer > listening)) || last_answer=$listening
            ((elapsed - last_answer < STALL * 1000)) || { result=stuck; break; }
        fi
        if grep -q 'Started MastheadApplication' "$RUN_DIR/app.log" && all_served "$port"; then
            # The demo conversations' notifications and mail are still being worked through: keep asking.
            sleep "$HOLD"
            if all_served "$port"; then
                served=$(($(now_ms) - launched))
                result=served
                break
            fi
        fi
        sleep 1
    done
    # Read once the start is decided: the first home page often comes in the very burst that decides it.
    first_page=$(awk '$2 == 200 && $3 ~ /:[0-9]+\/$/ { print $1; exit }' "$RUN_DIR/requests.log" 2>/dev/null)
    first_page=${first_page:--}
    if [[ $result != served ]]; then
        cp "$RUN_DIR/app.log" "$OUT/$cache-$number-app.log"
        cp "$RUN_DIR/requests.log" "$OUT/$cache-$number-requests.log" 2>/dev/null || true
        if kill -0 "$APP_PID" 2>/dev/null; then
            timeout 120 "$JCMD" "$APP_PID" Thread.dump_to_file -format=text "$OUT/$cache-$number-threads.txt" \
                >/dev/null 2>&1 || true
        fi
    fi
    [[ $first_page == - ]] || first_page=$(awk -v v="$first_page" 'BEGIN { printf "%.1f", v / 1000 }')
    [[ $served == - ]] || served=$(awk -v v="$served" 'BEGIN { printf "%.1f", v / 1000 }')
    echo "$cache $result $first_page $served" >>"$OUT/results.txt"
    log "page cache $cache, start $number/$STARTS: $result (first page after ${first_page} s, serving after ${served} s)"
    end_run
}

: >"$OUT/results.txt"
rm -f "$OUT"/*-app.log "$OUT"/*-requests.log "$OUT"/*-threads.txt
began=$(date -u '+%Y-%m-%d %H:%M UTC')

# --- Report -----------------------------------------------------------------------------------------------

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
slowest() { sort -n | tail -n 1 | grep . || echo -; }

# Writes the table of the starts so far into REPORT (after every start, so that an interrupted run keeps them).
write_results() {
    local cache total ok stuck slow exited first_median first_slowest served_median served_slowest planned
    local SECTION_FILE=$OUT/section.md
    planned=$((STARTS * $(wc -w <<<"$PAGE_CACHE")))
    {
        echo "$START_MARKER"
        echo "## Fresh starts under a burst of requests"
        echo
        echo "_Written by \`bash bench/starts.sh\` on $began; the script replaces everything between the \`bench:starts\` markers._"
        echo
        echo "Each start runs the packaged jar on an empty data directory under \`/tmp\` (deleted afterwards), so"
        echo "every one creates its PostgreSQL cluster, writes the demo content and posts the demo conversations,"
        echo "whose notifications and mail are worked through while the site serves. From the moment the JVM is"
        echo "launched, every ${WAVE_EVERY} s a burst asks for ${#BURST_PATHS[@]} pages at once (\`${BURST_PATHS[*]}\`)."
        echo "A start **serves** when, after the log says the app started, every page of a burst answers 200, and"
        echo "again ${HOLD} s later. A start is **stuck** if, once Jetty has started, not one request is answered"
        echo "for ${STALL} s (the hang), and **too slow** if it neither serves nor stops answering within ${DEADLINE} s"
        echo "of its launch; the log, requests and a thread dump of such a start are kept in \`bench/out/starts/\`."
        echo
        echo "- Machine: $(nproc) CPUs ($(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)), $(awk '/^MemTotal:/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo) GiB memory, Linux $(uname -r); other work shared it"
        echo "- JDK: $("$JAVA" -version 2>&1 | sed -n 2p); app JVM flags: \`${APP_JAVA_OPTS:-none}\`"
        echo "- Reproduce: \`bash bench/starts.sh\` (\`STARTS\`, \`PAGE_CACHE\`, \`HOLD\`, \`STALL\`, \`DEADLINE\` in the script's header)"
        echo "- Starts run: $(wc -l <"$OUT/results.txt") of the $planned planned, the page-cache settings taking turns"
        echo
        echo "| Page cache | Starts | Served | Stuck | Too slow | Exited | First page after launch (median, slowest) | Serving after launch (median, slowest) |"
        echo "|---|---:|---:|---:|---:|---:|---:|---:|"
        for cache in $PAGE_CACHE; do
            total=$(awk -v c="$cache" '$1 == c' "$OUT/results.txt" | wc -l)
            ok=$(awk -v c="$cache" '$1 == c && $2 == "served"' "$OUT/results.txt" | wc -l)
            stuck=$(awk -v c="$cache" '$1 == c && $2 == "stuck"' "$OUT/results.txt" | wc -l)
            slow=$(awk -v c="$cache" '$1 == c && $2 == "slow"' "$OUT/results.txt" | wc -l)
            exited=$(awk -v c="$cache" '$1 == c && $2 == "exited"' "$OUT/results.txt" | wc -l)
            first_median=$(awk -v c="$cache" '$1 == c && $3 != "-" { print $3 }' "$OUT/results.txt" | median)
            first_slowest=$(awk -v c="$cache" '$1 == c && $3 != "-" { print $3 }' "$OUT/results.txt" | slowest)
            served_median=$(awk -v c="$cache" '$1 == c && $4 != "-" { print $4 }' "$OUT/results.txt" | median)
            served_slowest=$(awk -v c="$cache" '$1 == c && $4 != "-" { print $4 }' "$OUT/results.txt" | slowest)
            echo "| $cache | $total | $ok | $stuck | $slow | $exited | ${first_median} s, ${first_slowest} s | ${served_median} s, ${served_slowest} s |"
        done
        echo
        echo "\"Serving after launch\" includes the ${HOLD} s a start is watched after its first full burst."
        echo "$END_MARKER"
    } >"$SECTION_FILE"

    write_report "$START_MARKER" "$END_MARKER" "$SECTION_FILE" \
        $'# Starting a node\n\nFresh starts of the packaged jar, measured by `bench/starts.sh`.'
    cat "$SECTION_FILE"
}

# Page-cache settings take turns, so that any number of starts so far covers each alike.
for ((n = 1; n <= STARTS; n++)); do
    for cache in $PAGE_CACHE; do
        run_start "$cache" "$n"
        write_results >/dev/null
    done
done
write_results
