#!/usr/bin/env bash
# Failure drill: the embedded default (one node, its own PostgreSQL) killed with SIGKILL under write load,
# ROUNDS times in a row on the same data directory. Each round starts the packaged jar, has readers register
# through the form on THREADS threads (Registrations.java keeps every address the app acknowledged), kills
# the JVM 1 to 8 s after the round's first acknowledged write, and, when the next start answers, checks that every
# acknowledged account is in the database with its confirmation mail queued. Writes docs/drills.md's section.
#
#   bash deploy/drills/kill-embedded.sh
#
# Options: ROUNDS=20, THREADS=4, BUILD=yes ("no" uses target/ as it is), OUT=deploy/drills/out
set -euo pipefail

DRILLS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$DRILLS_DIR/../.." && pwd)
ROUNDS=${ROUNDS:-20}
THREADS=${THREADS:-4}
BUILD=${BUILD:-yes}
OUT=${OUT:-$DRILLS_DIR/out}
REPORT=${REPORT:-$ROOT/docs/drills.md}
JAR_NAME=masthead-0.1.0-SNAPSHOT.jar
START_MARKER='<!-- drill:kill-embedded:start -->'
END_MARKER='<!-- drill:kill-embedded:end -->'

# shellcheck source=bench/common.sh
source "$ROOT/bench/common.sh"
command -v psql >/dev/null || die "please install postgresql-client (psql)"

mkdir -p "$OUT"
if [[ $BUILD == yes ]]; then
    log "Building the jar"
    (cd "$ROOT" && ./mvnw -q -DskipTests -Dspotless.check.skip=true package) || die "the build failed"
fi
cp "$ROOT/target/$JAR_NAME" "$OUT/masthead.jar"
rm -rf "$OUT/data"
mkdir -p "$OUT/data"
: >"$OUT/acked.txt"
: >"$OUT/app.log"
PORT=$((10000 + RANDOM % 20000))
APP=http://127.0.0.1:$PORT
APP_PID=
cleanup() {
    if [[ -n $APP_PID ]] && kill -0 "$APP_PID" 2>/dev/null; then kill -TERM "$APP_PID"; wait "$APP_PID" || true; fi
}
trap cleanup EXIT

start_app() { # sets APP_PID, and START_MS: the milliseconds until the node answered healthy
    local started i
    started=$(date +%s%N)
    "$JAVA" -Xms256m -Xmx512m -jar "$OUT/masthead.jar" --server.port="$PORT" --masthead.data-dir="$OUT/data" \
        --masthead.rate-limits.registration-per-ip.capacity=100000000 >>"$OUT/app.log" 2>&1 &
    APP_PID=$!
    for ((i = 0; i < 1800; i++)); do
        kill -0 "$APP_PID" 2>/dev/null || { tail -n 40 "$OUT/app.log" >&2; die "the app exited instead of starting"; }
        curl -sf "$APP/actuator/health" 2>/dev/null | grep -q '"status":"UP"' && break
        sleep 0.1
    done
    ((i < 1800)) || die "the app did not answer within 3 minutes"
    START_MS=$((($(date +%s%N) - started) / 1000000))
}

# How many acknowledged addresses have no account, and how many have no confirmation mail queued.
missing() {
    local pg_port
    pg_port=$(grep -o 'Embedded PostgreSQL is listening on 127.0.0.1:[0-9]*' "$OUT/app.log" | tail -n 1 | sed 's/.*://')
    PGPASSWORD=$(<"$OUT/data/postgres-password") psql -X -q -A -t -v ON_ERROR_STOP=1 \
        "host=127.0.0.1 port=$pg_port user=postgres dbname=postgres" <<SQL
CREATE TEMP TABLE acked (email TEXT);
\copy acked FROM '$OUT/acked.txt'
SELECT (SELECT count(*) FROM acked a WHERE NOT EXISTS (SELECT 1 FROM account c WHERE c.email = a.email))
    || ' ' || (SELECT count(*) FROM acked a WHERE NOT EXISTS (SELECT 1 FROM mail_outbox m WHERE m.to_address = a.email));
SQL
}

STARTS=()
LOST_ACCOUNTS=0
LOST_MAIL=0
REFUSED=0
for ((round = 1; round <= ROUNDS; round++)); do
    start_app
    STARTS+=("$START_MS")
    read -r accounts mail < <(missing)
    LOST_ACCOUNTS=$((LOST_ACCOUNTS + accounts))
    LOST_MAIL=$((LOST_MAIL + mail))
    "$JAVA" "$DRILLS_DIR/Registrations.java" "$APP" "$OUT/acked.txt" "$THREADS" 60 >"$OUT/writer.txt" 2>&1 &
    writer=$!
    # The kill comes while writes are being acknowledged: 1 to 8 s after the first of this round.
    before=$(wc -l <"$OUT/acked.txt")
    for ((i = 0; i < 600; i++)); do
        (($(wc -l <"$OUT/acked.txt") > before)) && break
        sleep 0.1
    done
    sleep "$((1 + RANDOM % 8))"
    kill -KILL "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=
    wait "$writer" || true
    refused=$(sed -n 's/.*refused=\([0-9]*\).*/\1/p' "$OUT/writer.txt")
    REFUSED=$((REFUSED + ${refused:-0}))
    log "round $round: started in ${STARTS[-1]} ms; $(wc -l <"$OUT/acked.txt") acknowledged so far; missing before this round: $accounts accounts, $mail mails"
done
# One more start, to check the last round's writes.
start_app
LAST_START=$START_MS
read -r accounts mail < <(missing)
LOST_ACCOUNTS=$((LOST_ACCOUNTS + accounts))
LOST_MAIL=$((LOST_MAIL + mail))
ACKED=$(wc -l <"$OUT/acked.txt")
cleanup
APP_PID=

sorted=$(printf '%s\n' "${STARTS[@]}" "$LAST_START" | sort -n)
count=$(wc -l <<<"$sorted")
median=$(sed -n "$(((count + 1) / 2))p" <<<"$sorted")
SECTION=$OUT/drill-kill-embedded.md
{
    echo "$START_MARKER"
    echo "## The embedded default killed under write load, $ROUNDS times"
    echo
    echo "_Written by \`bash deploy/drills/kill-embedded.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC')._"
    echo
    echo "One node of the packaged jar with its embedded PostgreSQL, on one data directory throughout. In each round"
    echo "it starts, $THREADS threads register readers through the form (\`Registrations.java\`: an address counts as"
    echo "acknowledged once the app has redirected to \"check your e-mail\"), and the JVM gets SIGKILL at a random"
    echo "moment 1 to 8 s after the round's first acknowledged write, leaving its PostgreSQL orphaned. The next start checks every address acknowledged"
    echo "so far: its account, and its confirmation mail in the outbox."
    echo
    echo "| | |"
    echo "|---|---:|"
    echo "| kills | $ROUNDS |"
    echo "| starts that answered healthy | $count of $((ROUNDS + 1)) |"
    echo "| time to healthy after a kill (min / median / max) | $(head -n 1 <<<"$sorted") / $median / $(tail -n 1 <<<"$sorted") ms |"
    echo "| registrations acknowledged | $ACKED |"
    echo "| registrations answered otherwise (a form shown again, an error) | $REFUSED |"
    echo "| acknowledged accounts missing | $LOST_ACCOUNTS |"
    echo "| acknowledged accounts without their mail | $LOST_MAIL |"
    echo
    echo "Machine: $(nproc) CPUs, load average before the run ended $(cut -d' ' -f1-3 /proc/loadavg)."
    echo "$END_MARKER"
} >"$SECTION"
write_report "$START_MARKER" "$END_MARKER" "$SECTION" \
    $'# Failure drills\n\nWhat happens when parts of Masthead fail, measured by the scripts under `deploy/drills/`.'
cat "$SECTION"
((LOST_ACCOUNTS == 0 && LOST_MAIL == 0)) || die "acknowledged writes were lost"
