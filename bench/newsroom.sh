#!/usr/bin/env bash
# The newsroom benchmark: an editor publishes article after article on one app node while a second node, on
# the same database, is asked for each new page until it serves it (publish to served, p99 over
# PUBLICATIONS); then the editor saves a long article again and again (save, p99). See bench/README.md.
#
#   bash bench/newsroom.sh
#
# Options (environment variables; bench/lib.sh has the ones all benchmarks share):
#   PUBLICATIONS=100   articles published, one after another
#   SAVES=200          saves of the long article, half by the Save button, half by autosave
#   WORDS=5000         words in the long article
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PUBLICATIONS=${PUBLICATIONS:-100}
SAVES=${SAVES:-200}
WORDS=${WORDS:-5000}
EDITOR_EMAIL=${EDITOR_EMAIL:-editor@masthead.test}
EDITOR_PASSWORD=${EDITOR_PASSWORD:-masthead-demo}
START_MARKER='<!-- bench:newsroom:start -->'
END_MARKER='<!-- bench:newsroom:end -->'
# One editor signs in and saves far more often than the limits let anyone: what is measured is the server.
APP_ARGS=${APP_ARGS:---masthead.rate-limits.sign-in-per-ip.capacity=1000000}
# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

start_app
SECTION_ID=$(sql -c "SELECT id FROM section WHERE path = 'uk'")
[[ -n $SECTION_ID ]] || die "found no section uk: the demo content is missing"
BYLINE=$(sql -c "SELECT name FROM author ORDER BY id LIMIT 1")

# The second node: the same jar on the first node's embedded PostgreSQL, as an external database.
SECOND_PID=
SECOND_PORT=$(free_port)
mkdir -p "$OUT/second-node"
: >"$OUT/second-node.log"
stop_second() { stop_pid "$SECOND_PID" TERM; SECOND_PID=; }
trap 'stop_second; cleanup' EXIT
log "Starting a second node on port $SECOND_PORT"
# shellcheck disable=SC2086 # APP_JAVA_OPTS and APP_ARGS are lists of flags
MASTHEAD_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" MASTHEAD_DB_USER=postgres \
    MASTHEAD_DB_PASSWORD=$(<"$OUT/data/postgres-password") \
    "$JAVA" $APP_JAVA_OPTS -jar "$OUT/masthead.jar" \
    --server.port="$SECOND_PORT" \
    --masthead.data-dir="$OUT/second-node" \
    --masthead.images.dir="$OUT/data/images" \
    $APP_ARGS >>"$OUT/second-node.log" 2>&1 &
SECOND_PID=$!
for ((i = 0; i < 600; i++)); do
    kill -0 "$SECOND_PID" 2>/dev/null || { tail -n 40 "$OUT/second-node.log" >&2; die "the second node exited"; }
    curl -sf "http://127.0.0.1:$SECOND_PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"' && break
    sleep 0.5
done
((i < 600)) || die "the second node did not become healthy within 5 minutes; see bench/out/second-node.log"
SECOND=http://127.0.0.1:$SECOND_PORT

OTHER_WORK=$(wait_for_quiet)
log "Publishing $PUBLICATIONS articles on the first node, reading them from the second"
# Either node may send the sign-in link's mail, and log it.
PUBLISH_RESULT=$("$JAVA" "$BENCH_DIR/NewsroomLoad.java" publish "$APP" "$SECOND" "$OUT/app.log,$OUT/second-node.log" \
    "$EDITOR_EMAIL" "$EDITOR_PASSWORD" "$SECTION_ID" uk "$BYLINE" "$PUBLICATIONS")
echo "$PUBLISH_RESULT" >&2
stop_second

log "Saving a $WORDS-word article $SAVES times"
SAVE_RESULT=$("$JAVA" "$BENCH_DIR/NewsroomLoad.java" save "$APP" "$OUT/app.log" \
    "$EDITOR_EMAIL" "$EDITOR_PASSWORD" "$SECTION_ID" "$BYLINE" "$SAVES" "$WORDS")
echo "$SAVE_RESULT" >&2

value() { tr ' ' '\n' <<<"$1" | awk -F= -v key="$2" '$1 == key { print $2 }'; }
met() { awk -v v="$1" -v limit="$2" 'BEGIN { print (v < limit) ? "**met**" : "**not met**" }'; }

SECTION_FILE=$OUT/benchmarks-newsroom.md
{
    echo "$START_MARKER"
    echo "## The newsroom: publish to served on another node, saving a long article"
    echo
    echo "_Written by \`bash bench/newsroom.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'); the script replaces everything between the \`bench:newsroom\` markers._"
    echo
    echo "Two app nodes run the same jar on one database (the first node's embedded PostgreSQL, which the second"
    echo "uses as an external one), each with its own page cache. The demo editor signs in on the first node as in a"
    echo "browser (password, then the e-mailed link of the second factor) and works through the newsroom's forms"
    echo "(\`NewsroomLoad.java\`). Other work on the machine just before: ${OTHER_WORK}% of the CPU."
    echo
    echo "- Machine: $(machine_line)"
    echo "- App JVM flags: \`$APP_JAVA_OPTS\`"
    echo "- Reproduce: \`bash bench/newsroom.sh\` (options in [bench/README.md](../bench/README.md))"
    echo
    echo "**Publish to served.** $(value "$PUBLISH_RESULT" publications) articles, one after another: each is written"
    echo "as a draft, the second node's section page is read (so it is cached there), then the clock starts as the"
    echo "Publish request is sent, and the second node is asked every 2 ms for the article's address and the section"
    echo "page until it serves the article and lists it."
    echo
    echo "| From sending Publish until | p50 | p99 | worst |"
    echo "|---|---:|---:|---:|"
    for key in ack article section; do
        case $key in
        ack) label="the first node answers the editor" ;;
        article) label="the second node serves the article" ;;
        section) label="the second node's cached section page lists it" ;;
        esac
        echo "| $label | $(value "$PUBLISH_RESULT" "${key}_p50") ms | $(value "$PUBLISH_RESULT" "${key}_p99") ms | $(value "$PUBLISH_RESULT" "${key}_max") ms |"
    done
    echo
    echo "**Saving.** One article of $(thousands "$(value "$SAVE_RESULT" words)") words ($(thousands "$(value "$SAVE_RESULT" bytes)") bytes of Markdown) saved"
    echo "$SAVES times in turn, a word changed each time; each save is checked against the version it started from"
    echo "and keeps a revision."
    echo
    echo "| Save | p50 | p99 | worst |"
    echo "|---|---:|---:|---:|"
    echo "| the Save button (the whole form, answered with a redirect) | $(value "$SAVE_RESULT" save_p50) ms | $(value "$SAVE_RESULT" save_p99) ms | $(value "$SAVE_RESULT" save_max) ms |"
    echo "| autosave (the same form, answered in JSON) | $(value "$SAVE_RESULT" autosave_p50) ms | $(value "$SAVE_RESULT" autosave_p99) ms | $(value "$SAVE_RESULT" autosave_max) ms |"
    echo
    echo "Targets:"
    echo
    echo "- Publish to served on the second node under 1 s (p99): $(met "$(value "$PUBLISH_RESULT" section_p99)" 1000) ($(value "$PUBLISH_RESULT" section_p99) ms until the section page lists it)"
    echo "- Saving a $WORDS-word article, p99 under 100 ms: $(met "$(value "$SAVE_RESULT" save_p99)" 100) (Save $(value "$SAVE_RESULT" save_p99) ms, autosave $(value "$SAVE_RESULT" autosave_p99) ms)"
    echo "$END_MARKER"
} >"$SECTION_FILE"
write_report "$START_MARKER" "$END_MARKER" "$SECTION_FILE"
log "Wrote $REPORT"
