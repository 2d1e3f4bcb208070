#!/usr/bin/env bash
# Failure drills on the local cluster of deploy/cluster.sh, each under read load (Reads.java) and write load
# (Registrations.java), results written to docs/drills.md:
#
#   1. node 2 killed with SIGKILL: reads through Varnish keep being answered, every acknowledged registration
#      is in the database with its confirmation mail, every reply a reader was told went out has told the
#      reader replied to (bench/DiscussionLoad.java reply), and every story an editor scheduled for the minute
#      the node dies is published, once (bench/NewsroomLoad.java schedule);
#   2. PostgreSQL restarted: the seconds in which readers saw errors, and the nodes answering again without
#      a restart of their own;
#   3. every node stopped: Varnish keeps serving the pages it holds.
#
#   bash deploy/drills/cluster-failures.sh
#
# Options: SECONDS_EACH=45 (each drill's load), READERS=4, WRITERS=2 (threads), and deploy/cluster.sh's
# CLUSTER_DIR, VARNISH_PORT, PG_PORT, NODE_PORT and NODE_ARGS. The cluster is stopped and started again first,
# its nodes allowing any number of registrations from one address and of comments from one reader (the load
# comes from one of each), and is left running. Writes its section of docs/drills.md (REPORT) between the drill:cluster markers.
set -euo pipefail

DRILLS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$DRILLS_DIR/../.." && pwd)
SECONDS_EACH=${SECONDS_EACH:-45}
SCHEDULED=${SCHEDULED:-10}
READERS=${READERS:-4}
WRITERS=${WRITERS:-2}
CLUSTER_DIR=${CLUSTER_DIR:-$ROOT/deploy/.cluster}
VARNISH_PORT=${VARNISH_PORT:-6081}
PG_PORT=${PG_PORT:-5433}
NODE_PORT=${NODE_PORT:-8081}
OUT=${OUT:-$DRILLS_DIR/out}
REPORT=${REPORT:-$ROOT/docs/drills.md}
START_MARKER='<!-- drill:cluster:start -->'
END_MARKER='<!-- drill:cluster:end -->'
VARNISH=http://127.0.0.1:$VARNISH_PORT

# shellcheck source=bench/common.sh
source "$ROOT/bench/common.sh"
mkdir -p "$OUT"
export CLUSTER_DIR VARNISH_PORT PG_PORT NODE_PORT

cluster() { bash "$ROOT/deploy/cluster.sh" "$@" >&2; }
sql() {
    PGPASSWORD=$(<"$CLUSTER_DIR/db-password") psql -X -q -A -t -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" \
        -U masthead masthead "$@"
}
pg_ctl_cluster() {
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$bin/pg_ctl" -D "$CLUSTER_DIR/postgres" "$@"; else "$bin/pg_ctl" -D "$CLUSTER_DIR/postgres" "$@"; fi
}

# Every `up` below gives the same flags: deploy/cluster.sh refuses other options while the cluster runs.
DRILL_NODE_ARGS="--masthead.rate-limits.registration-per-ip.capacity=100000000 \
--masthead.rate-limits.comments-per-reader.capacity=100000000 ${NODE_ARGS:-}"
cluster_up() { NODE_ARGS=$DRILL_NODE_ARGS cluster up; }

log "Restarting the cluster with registrations unlimited per address and comments per reader"
cluster down
cluster_up

ARTICLE=$(sql -c "SELECT '/' || s.path || '/' || to_char(a.published_at AT TIME ZONE 'Europe/London', 'YYYY/mon/DD') || '/' || a.slug
    FROM article a JOIN section s ON s.id = a.section_id
    WHERE a.status = 'PUBLISHED' AND a.published_at <= now() ORDER BY a.published_at DESC LIMIT 1")
SECTION=/$(sql -c "SELECT s.path FROM section s JOIN article a ON a.section_id = s.id WHERE a.status = 'PUBLISHED' LIMIT 1")
CACHED=("/" "$SECTION" "$ARTICLE")
# Searches no cache has seen reach a node and the database every time.
UNCACHED=("/search?q=drill{n}")
for path in "${CACHED[@]}"; do
    curl -sf -o /dev/null "$VARNISH$path" || die "$VARNISH$path is not answered"
done

# Runs reads and writes for SECONDS_EACH through Varnish, doing "$@" after DELAY seconds. Sets READS_FILE and
# ACKED_FILE for the drill named $1.
under_load() {
    local name=$1 delay=$2
    shift 2
    READS_FILE=$OUT/cluster-$name-reads.txt
    ACKED_FILE=$OUT/cluster-$name-acked.txt
    : >"$ACKED_FILE"
    "$JAVA" "$DRILLS_DIR/Reads.java" "$VARNISH" "$SECONDS_EACH" "$READERS" "$READS_FILE" "${CACHED[@]}" "${UNCACHED[@]}" &
    local reads=$!
    "$JAVA" "$DRILLS_DIR/Registrations.java" "$VARNISH" "$ACKED_FILE" "$WRITERS" "$SECONDS_EACH" \
        >"$OUT/cluster-$name-writes.txt" 2>&1 &
    local writes=$!
    sleep "$delay"
    "$@"
    wait "$reads" "$writes" || true
}
# "reads answered / reads failed / seconds with a failed read"
reads_summary() {
    awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
           ok += v["ok"]; failed += v["failed"]; if (v["failed"] > 0) bad++ }
         END { printf "%d / %d / %d", ok, failed, bad }' "$1"
}
# "acknowledged / missing accounts / missing mails"
writes_summary() {
    sql <<SQL
CREATE TEMP TABLE acked (email TEXT);
\copy acked FROM '$1'
SELECT (SELECT count(*) FROM acked) || ' / '
    || (SELECT count(*) FROM acked a WHERE NOT EXISTS (SELECT 1 FROM account c WHERE c.email = a.email)) || ' / '
    || (SELECT count(*) FROM acked a WHERE NOT EXISTS (SELECT 1 FROM mail_outbox m WHERE m.to_address = a.email));
SQL
}

kill_node_2() {
    log "Killing node 2 (SIGKILL)"
    kill -KILL "$(<"$CLUSTER_DIR/node-2/pid")"
}

# Drill 1's other writes. The demo reader replies to the newest published comment of someone else, and each
# reply must reach that reader's notifications; stories scheduled for one minute must each be published once,
# node 2 dying two seconds before that minute.
read -r REPLY_ARTICLE REPLY_TO REPLIED_READER < <(sql -F ' ' -c "SELECT c.article_id, c.id, c.author_id
    FROM comment c JOIN account r ON r.id = c.author_id JOIN article a ON a.id = c.article_id
    WHERE c.status = 'published' AND a.status = 'PUBLISHED' AND r.email <> 'reader@masthead.test'
    ORDER BY a.published_at DESC, c.id DESC LIMIT 1") || true
[[ -n ${REPLY_TO:-} ]] || die "found no published comment to reply to in the cluster's database"
echo "reader@masthead.test" >"$OUT/cluster-replier.txt"
NOW=$(date +%s)
AT=$(((NOW / 60 + 1) * 60))
((AT - NOW >= 45)) || AT=$((AT + 60))
AT_TEXT=$(TZ=Europe/London date -d "@$AT" +%Y-%m-%dT%H:%M)
log "Scheduling $SCHEDULED stories for $AT_TEXT (Europe/London)"
"$JAVA" "$ROOT/bench/NewsroomLoad.java" schedule "http://127.0.0.1:$NODE_PORT" \
    "$CLUSTER_DIR/node-1/node.log,$CLUSTER_DIR/node-2/node.log" editor@masthead.test masthead-demo \
    "$(sql -c "SELECT id FROM section WHERE parent_id IS NULL ORDER BY id LIMIT 1")" \
    "$(sql -c "SELECT name FROM author ORDER BY id LIMIT 1")" "$SCHEDULED" "$AT_TEXT" >"$OUT/cluster-scheduled.txt"
SCHEDULED_IDS=$(paste -sd, "$OUT/cluster-scheduled.txt")
(($(date +%s) < AT - 17)) || die "scheduling took too long to kill node 2 before $AT_TEXT"
sleep $((AT - 17 - $(date +%s)))

log "Drill 1: node 2 killed under load"
REPLIES_FILE=$OUT/cluster-node-killed-replies.txt
"$JAVA" "$ROOT/bench/DiscussionLoad.java" reply "$VARNISH" "$REPLY_ARTICLE" "$OUT/cluster-replier.txt" masthead-demo \
    "$REPLY_TO" "$SECONDS_EACH" "$REPLIES_FILE" >"$OUT/cluster-node-killed-replying.txt" 2>&1 &
REPLYING=$!
under_load node-killed 15 kill_node_2
wait "$REPLYING" || true
NODE_READS=$(reads_summary "$READS_FILE")
NODE_WRITES=$(writes_summary "$ACKED_FILE")

# "acknowledged / not told", waiting up to a minute for the notifications still on their way.
replies_summary() {
    local i summary
    for ((i = 0; i < 60; i++)); do
        summary=$(sql <<SQL
CREATE TEMP TABLE acked (id BIGINT);
\copy acked FROM '$REPLIES_FILE'
SELECT (SELECT count(*) FROM acked) || ' / '
    || (SELECT count(*) FROM acked a WHERE NOT EXISTS (SELECT 1 FROM notification n
        WHERE n.kind = 'reply' AND n.comment_id = a.id AND n.recipient_id = $REPLIED_READER));
SQL
        )
        [[ $summary != *" / 0" ]] || break
        sleep 1
    done
    echo "$summary"
}
NODE_REPLIES="$(replies_summary) ($(<"$OUT/cluster-node-killed-replying.txt"))"
# "scheduled / published / published more than once / still waiting to run", once the minute is 30 s past.
sleep $((AT + 30 - $(date +%s) > 0 ? AT + 30 - $(date +%s) : 0))
NODE_SCHEDULED=$(sql -c "SELECT $SCHEDULED || ' / '
    || (SELECT count(*) FROM article WHERE id IN ($SCHEDULED_IDS) AND status = 'PUBLISHED') || ' / '
    || (SELECT count(*) FROM (SELECT article_id FROM article_audit WHERE article_id IN ($SCHEDULED_IDS)
        AND action = 'published' GROUP BY article_id HAVING count(*) > 1) twice) || ' / '
    || (SELECT count(*) FROM scheduled_tasks WHERE task_name = 'publish-article'
        AND task_instance IN (SELECT unnest(string_to_array('$SCHEDULED_IDS', ','))))")
cluster_up

restart_postgres() {
    log "Restarting PostgreSQL"
    PG_STARTED=$(date +%s%N)
    pg_ctl_cluster -m fast -w restart >/dev/null
    PG_BACK_MS=$((($(date +%s%N) - PG_STARTED) / 1000000))
}
log "Drill 2: PostgreSQL restarted under load"
under_load postgres-restarted 15 restart_postgres
PG_READS=$(reads_summary "$READS_FILE")
PG_WRITES=$(writes_summary "$ACKED_FILE")
PG_HEALTH=$(for n in 1 2; do curl -s -m 5 "http://127.0.0.1:$((NODE_PORT + n - 1))/actuator/health" | grep -o '"status":"[A-Z]*"' | head -n 1 | cut -d'"' -f4; done | tr '\n' ' ')

stop_nodes() {
    log "Stopping every node"
    for pid_file in "$CLUSTER_DIR"/node-*/pid; do
        kill -KILL "$(<"$pid_file")" 2>/dev/null || true
    done
}
log "Drill 3: every node stopped, Varnish alone"
GRACE_FILE=$OUT/cluster-grace-reads.txt
stop_nodes
sleep 3
"$JAVA" "$DRILLS_DIR/Reads.java" "$VARNISH" "$SECONDS_EACH" "$READERS" "$GRACE_FILE" "${CACHED[@]}"
GRACE_READS=$(reads_summary "$GRACE_FILE")
cluster_up

SECTION_FILE=$OUT/drill-cluster.md
{
    echo "$START_MARKER"
    echo "## The cluster: a node killed, PostgreSQL restarted, every node stopped"
    echo
    echo "_Written by \`bash deploy/drills/cluster-failures.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC')._"
    echo
    echo "The local cluster of \`deploy/cluster.sh\` (two nodes, one PostgreSQL, Varnish, Pushpin). In each drill, for"
    echo "${SECONDS_EACH} s, $READERS threads read through Varnish (\`Reads.java\`: the home page, a section, an article, which"
    echo "Varnish holds, and a search no cache has seen, which reaches a node and the database every time; a read fails"
    echo "if it is not answered 200 within 5 s) and $WRITERS threads register readers through Varnish (\`Registrations.java\`)."
    echo "The failure comes 15 s in."
    echo
    echo "| Drill | Reads answered / failed / seconds with a failure | Registrations acknowledged / missing / without their mail |"
    echo "|---|---:|---:|"
    echo "| node 2 killed with SIGKILL | $NODE_READS | $NODE_WRITES |"
    echo "| PostgreSQL restarted (\`pg_ctl restart -m fast\`, back after ${PG_BACK_MS} ms) | $PG_READS | $PG_WRITES |"
    echo "| every node stopped: cached pages only, for ${SECONDS_EACH} s | $GRACE_READS | |"
    echo
    echo "While node 2 was killed, the demo reader also replied to another reader's comment through Varnish, one reply"
    echo "after another (\`DiscussionLoad.java reply\`), and the editor had scheduled $SCHEDULED stories for the minute"
    echo "node 2 died two seconds before (\`NewsroomLoad.java schedule\`):"
    echo
    echo "| Node 2 killed | Result |"
    echo "|---|---:|"
    echo "| replies acknowledged as published / without the notification of the reader replied to, within a minute | $NODE_REPLIES |"
    echo "| stories scheduled / published / published more than once / jobs still waiting, 30 s after their minute | $NODE_SCHEDULED |"
    echo
    echo "After PostgreSQL's restart, without restarting them, the nodes' health was: $PG_HEALTH."
    echo "Per-second counts: \`deploy/drills/out/cluster-*-reads.txt\`. Machine: $(nproc) CPUs, load average at the end"
    echo "$(cut -d' ' -f1-3 /proc/loadavg)."
    echo "$END_MARKER"
} >"$SECTION_FILE"
write_report "$START_MARKER" "$END_MARKER" "$SECTION_FILE" \
    $'# Failure drills\n\nWhat happens when parts of Masthead fail, measured by the scripts under `deploy/drills/`.'
cat "$SECTION_FILE"
