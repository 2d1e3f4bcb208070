#!/usr/bin/env bash
# Wire intake: starts the packaged jar on an empty data directory, leaves FILES agency files (ninjs,
# NewsML-G2 and plain text, a third each) in its wire folder at once, and measures how fast they are taken
# in, in stories per second, from the moment they appear until the folder is empty. See bench/README.md and
# docs/wires.md.
#
#   bash bench/wires.sh
#
# Options (environment variables):
#   FILES=1000        files to leave in the folder
#   PARAGRAPHS=8      paragraphs of about 60 words in each story
#   POLL=100ms        masthead.wires.poll-interval: how soon the app looks after the files appear
#   BUILD=yes         build the jar first; "no" uses target/masthead-0.1.0-SNAPSHOT.jar as it is
#   APP_JAVA_OPTS="-Xms512m -Xmx512m"   JVM flags for the app
#   REPORT=docs/benchmarks.md   where the results go, between the bench:wires markers
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
OUT=${OUT:-$BENCH_DIR/out/wires}
FILES=${FILES:-1000}
PARAGRAPHS=${PARAGRAPHS:-8}
POLL=${POLL:-100ms}
BUILD=${BUILD:-yes}
APP_JAVA_OPTS=${APP_JAVA_OPTS:--Xms512m -Xmx512m}
REPORT=${REPORT:-$ROOT/docs/benchmarks.md}
JAR_NAME=masthead-0.1.0-SNAPSHOT.jar
START_MARKER='<!-- bench:wires:start -->'
END_MARKER='<!-- bench:wires:end -->'

# shellcheck source=bench/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
command -v curl >/dev/null || die "please install curl"

mkdir -p "$OUT"
if [[ $BUILD == yes ]]; then
    log "Building the app"
    (cd "$ROOT" && ./mvnw -q -DskipTests -Dspotless.check.skip=true package) || die "the build failed"
fi
[[ -f $ROOT/target/$JAR_NAME ]] || die "no target/$JAR_NAME; run with BUILD=yes"
cp "$ROOT/target/$JAR_NAME" "$OUT/masthead.jar"

APP_PID=
cleanup() {
    if [[ -n $APP_PID ]] && kill -0 "$APP_PID" 2>/dev/null; then
        kill -TERM "$APP_PID" 2>/dev/null || true
        wait "$APP_PID" 2>/dev/null || true
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
    local port _
    for _ in $(seq 200); do
        port=$((10000 + RANDOM % 22000)) # below the ephemeral range, as in lib.sh
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    die "found no free port"
}

# --- The app, on an empty data directory, without demo content -------------------------------------------

rm -rf "$OUT/data" "$OUT/staging"
mkdir -p "$OUT/data" "$OUT/staging"
PORT=$(free_port)
log "Starting the app on port $PORT ($APP_JAVA_OPTS)"
# shellcheck disable=SC2086 # APP_JAVA_OPTS is a list of flags
"$JAVA" $APP_JAVA_OPTS -jar "$OUT/masthead.jar" \
    --server.port="$PORT" \
    --masthead.data-dir="$OUT/data" \
    --masthead.demo-content=false \
    --masthead.wires.poll-interval="$POLL" \
    --masthead.wires.settle-time=0s \
    >"$OUT/app.log" 2>&1 &
APP_PID=$!
for ((i = 0; i < 600; i++)); do
    kill -0 "$APP_PID" 2>/dev/null || { tail -n 40 "$OUT/app.log" >&2; die "the app exited; see $OUT/app.log"; }
    curl -sf "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"' && break
    sleep 0.5
done
((i < 600)) || die "the app did not become healthy within 5 minutes"

# --- The files, written beside the folder and moved in at once ---------------------------------------------

log "Writing $FILES wire files"
paragraph="Officials said the work would continue through the night and that a further statement was expected"
paragraph+=" in the morning, once engineers had inspected the site and the council had met to decide what"
paragraph+=" should happen next, while residents were asked to keep away from the area and to follow the advice"
paragraph+=" of the emergency services."
body=""
for ((p = 1; p <= PARAGRAPHS; p++)); do body+="$paragraph Paragraph $p."$'\n\n'; done
json_body=${body//$'\n'/\\n}
xml_body=""
for ((p = 1; p <= PARAGRAPHS; p++)); do xml_body+="<p>$paragraph Paragraph $p.</p>"; done
for ((n = 1; n <= FILES; n++)); do
    case $((n % 3)) in
    0) printf '{"uri": "urn:bench:%d", "version": "1", "urgency": 4, "infosource": [{"name": "Bench Press"}], "headline": "Bench story %d in ninjs", "body_text": "%s"}' \
        "$n" "$n" "$json_body" >"$OUT/staging/story-$n.json" ;;
    1) printf '<?xml version="1.0" encoding="UTF-8"?>\n<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:bench:%d" version="1"><itemMeta><provider literal="bp"><name>Bench Press</name></provider></itemMeta><contentMeta><urgency>4</urgency><headline>Bench story %d in NewsML-G2</headline></contentMeta><contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body>%s</body></html></inlineXML></contentSet></newsItem>\n' \
        "$n" "$n" "$xml_body" >"$OUT/staging/story-$n.xml" ;;
    2) printf 'Bench story %d in plain text\n\n%s' "$n" "$body" >"$OUT/staging/story-$n.txt" ;;
    esac
done
bytes=$(du -sb "$OUT/staging" | cut -f1)
INCOMING=$OUT/data/wires/incoming
PROCESSING=$OUT/data/wires/processing
[[ -d $INCOMING ]] || die "the app made no wire folder at $INCOMING"

log "Leaving them in the wire folder"
load=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date +%s%N)
find "$OUT/staging" -type f -exec mv -t "$INCOMING" {} +
moved=$(date +%s%N)
deadline=$((started + 600 * 1000000000))
while :; do
    left=$(($(find "$INCOMING" "$PROCESSING" -type f | wc -l)))
    ((left == 0)) && break
    (($(date +%s%N) < deadline)) || die "$left files still waiting after 10 minutes"
    sleep 0.05
done
finished=$(date +%s%N)

created=$(grep -c 'Wire: created' "$OUT/app.log" || true)
quarantined=$(find "$OUT/data/wires/quarantine" -type f ! -name '*.reason.txt' | wc -l)
seconds=$(awk -v a="$started" -v b="$finished" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
rate=$(awk -v n="$created" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }')
move_ms=$(((moved - started) / 1000000))
((created == FILES)) || die "only $created of $FILES stories were taken in ($quarantined quarantined); see $OUT/app.log"

# --- Report -----------------------------------------------------------------------------------------------

SECTION=$OUT/section.md
{
    echo "$START_MARKER"
    echo "## Wire intake"
    echo
    echo "_Written by \`bash bench/wires.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'); the script replaces everything between the \`bench:wires\` markers._"
    echo
    echo "$FILES agency files ($((FILES / 3)) ninjs, $(((FILES + 2) / 3)) NewsML-G2, $(((FILES + 1) / 3)) plain text; $PARAGRAPHS paragraphs each,"
    echo "$((bytes / 1024)) KiB in all) are moved into the wire folder of one node at once (in $move_ms ms), and the clock"
    echo "stops when the folder is empty: every file claimed, parsed, committed in its own transaction and deleted."
    echo "The node polls every $POLL. The embedded PostgreSQL runs on the same machine."
    echo
    echo "- Machine: $(nproc) CPUs ($(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)), $(awk '/^MemTotal:/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo) GiB memory, Linux $(uname -r); other work shared it (load average $load as the files went in)"
    echo "- JDK: $("$JAVA" -version 2>&1 | sed -n 2p); app JVM flags: \`$APP_JAVA_OPTS\`"
    echo "- Reproduce: \`bash bench/wires.sh\` (\`FILES\`, \`PARAGRAPHS\`, \`POLL\` in the script's header)"
    echo
    echo "| Files | Taken in | Quarantined | Time | Stories per second |"
    echo "|---:|---:|---:|---:|---:|"
    echo "| $FILES | $created | $quarantined | $seconds s | **$rate** |"
    echo "$END_MARKER"
} >"$SECTION"

write_report "$START_MARKER" "$END_MARKER" "$SECTION"
cat "$SECTION"
