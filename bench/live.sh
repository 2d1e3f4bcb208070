#!/usr/bin/env bash
# Live streams at scale: LISTENERS pages hold /live on one article, through the Pushpin instances in front
# of the local cluster (deploy/cluster.sh), and each hears of one new comment posted on node 1; streams held
# by node 1 itself are the baseline, measured in the same run. See docs/scaling.md.
#
#   bash bench/live.sh
#
# Options (environment variables): LISTENERS=20000 (through Pushpin), PUSHPINS=2 (Pushpin instances, the
# streams shared between them in turn), OPEN_RATE=500 (streams opened a second), NODE_LISTENERS=1000 (held
# by node 1, whose 512 MB heap holds about 1,300: see masthead.notifications.live-max-streams), and deploy/cluster.sh's (NODES, PUSHPIN_PORT,
# NODE_PORT, PG_PORT, CLUSTER_DIR). The cluster is started if it is not running, and left running.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
LISTENERS=${LISTENERS:-20000}
PUSHPINS=${PUSHPINS:-2}
OPEN_RATE=${OPEN_RATE:-500}
NODE_LISTENERS=${NODE_LISTENERS:-1000}
NODE_PORT=${NODE_PORT:-8081}
PUSHPIN_PORT=${PUSHPIN_PORT:-7999}
PUSHPIN_PUBLISH_PORT=${PUSHPIN_PUBLISH_PORT:-5561}
PG_PORT=${PG_PORT:-5433}
CLUSTER_DIR=${CLUSTER_DIR:-$ROOT/deploy/.cluster}
REPORT=${REPORT:-$ROOT/docs/benchmarks.md}
OUT=$BENCH_DIR/out
START_MARKER='<!-- bench:live:start -->'
END_MARKER='<!-- bench:live:end -->'

# shellcheck source=bench/common.sh
source "$BENCH_DIR/common.sh"
command -v wrk >/dev/null || die "please install wrk (Debian: apt-get install wrk)"
mkdir -p "$OUT"

# Each listener is a socket at both ends, and a local port. The load generator's holders keep at most
# HOLDER_STREAMS each, and each Pushpin its share.
ulimit -n $((LISTENERS * 2 + 10000)) 2>/dev/null || ulimit -n "$(ulimit -Hn)" || true
HOLDER_STREAMS=$(($(ulimit -n) - 1000 < 10000 ? $(ulimit -n) - 1000 : 10000))
((LISTENERS / PUSHPINS + 500 < $(ulimit -n))) || die "ulimit -n is $(ulimit -n); $LISTENERS listeners need more Pushpin instances than $PUSHPINS (PUSHPINS=...), each holding one file per stream"
read -r low high </proc/sys/net/ipv4/ip_local_port_range
if ((high - low < LISTENERS + 1000)); then
    [[ $(id -u) == 0 ]] || die "the local port range ($low-$high) is too small for $LISTENERS listeners"
    echo "1024 65000" >/proc/sys/net/ipv4/ip_local_port_range
fi

PUSHPIN=yes PUSHPINS=$PUSHPINS bash "$ROOT/deploy/cluster.sh" up >&2
NODE=http://127.0.0.1:$NODE_PORT
BASES=()
for ((i = 0; i < PUSHPINS; i++)); do BASES+=("http://127.0.0.1:$((PUSHPIN_PORT - i))"); done
LISTEN_BASES=$(IFS=,; echo "${BASES[*]}")
# A cluster started with fewer Pushpin instances has nodes that publish to those only.
LAST_PUBLISH_URL=http://127.0.0.1:$((PUSHPIN_PUBLISH_PORT + 10 * (PUSHPINS - 1)))
tr '\0' ' ' <"/proc/$(cat "$CLUSTER_DIR/node-1/pid")/cmdline" | grep -q -- "grip-publish-urls=[^ ]*$LAST_PUBLISH_URL" ||
    die "the running cluster's nodes do not publish to $PUSHPINS Pushpin instances: bash deploy/cluster.sh down, then run this again"
ARTICLE_ID=$(PGPASSWORD=$(<"$CLUSTER_DIR/db-password") psql -X -q -A -t -h 127.0.0.1 -p "$PG_PORT" -U masthead masthead \
    -c "SELECT id FROM article WHERE status = 'PUBLISHED' AND published_at <= now() ORDER BY published_at DESC LIMIT 1")
[[ -n $ARTICLE_ID ]] || die "no published article in the cluster's database"
echo "reader@masthead.test" >"$OUT/live-reader.txt"

rss_mb() { ps -o rss= -p "$@" 2>/dev/null | awk '{ s += $1 } END { printf "%.0f", s / 1024 }'; }
pushpin_pids() { pgrep -d, -f "condure|pushpin-proxy|pushpin-handler|zurl" || true; }
node_pid() { cat "$CLUSTER_DIR/node-1/pid"; }

threads() { ls "/proc/$1/task" 2>/dev/null | wc -l; }
NODE_IDLE="rss_mb=$(rss_mb "$(node_pid)") threads=$(threads "$(node_pid)")"

# Runs one measurement: $1 a label, $2 where the streams are opened, $3 how many, $4 how many unmeasured comments
# the reader posts first (the first measurement warms node 1's posting path for both: the reader's comments count
# against the cluster's rate limit of ten in a burst). Prints DiscussionLoad's
# result line with the highest memory and thread count of node 1, and the memory of Pushpin, while the streams
# were open.
measure() {
    local label=$1 listen=$2 count=$3 warmup_posts=$4 result_file=$OUT/live-$1.txt
    log "$label: $count listeners on $listen, article $ARTICLE_ID"
    "$JAVA" -Dopen.rate="$OPEN_RATE" -Dholder.streams="$HOLDER_STREAMS" -Dwarmup.posts="$warmup_posts" \
        "$BENCH_DIR/DiscussionLoad.java" listen \
        "$NODE" "$ARTICLE_ID" "$OUT/live-reader.txt" masthead-demo "$count" "$listen" >"$result_file" 2>&1 &
    local load=$! node_rss=0 node_threads=0 pushpin_rss=0 now
    for ((i = 0; i < 600; i++)); do
        kill -0 "$load" 2>/dev/null || break
        now=$(rss_mb "$(node_pid)")
        ((now <= node_rss)) || node_rss=$now
        now=$(threads "$(node_pid)")
        ((now <= node_threads)) || node_threads=$now
        if [[ -n $(pushpin_pids) ]]; then
            now=$(rss_mb "$(pushpin_pids)")
            ((now <= pushpin_rss)) || pushpin_rss=$now
        fi
        sleep 1
    done
    wait "$load" || true
    echo "$(grep '^listeners=' "$result_file") node1_rss_mb=$node_rss node1_threads=$node_threads pushpin_rss_mb=$pushpin_rss"
}

# A node just started answers streams slowly until its JIT has compiled the path, and Pushpin answers 502 to
# the streams it cannot pass on in time: unmeasured first, each node answers as Pushpin asks (a request with
# Grip-Sig gets the stream's opening at once), as every other benchmark here warms up. Each stream answered
# is closed again after the nodes' live timeout (5 minutes): a run within that time of another shares the
# machine with the closing of the other's streams, so leave 5 minutes between runs.
# A Grip-Sig as Pushpin signs it, with the cluster's key (a JSON Web Token, HS256): the nodes check it.
b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
GRIP_HEADER=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
GRIP_CLAIMS=$(printf '{"iss":"pushpin","exp":%d}' $(($(date +%s) + 3600)) | b64url)
GRIP_SIG=$GRIP_HEADER.$GRIP_CLAIMS.$(printf '%s.%s' "$GRIP_HEADER" "$GRIP_CLAIMS" \
    | openssl dgst -sha256 -hmac "$(<"$CLUSTER_DIR/grip-sig-key")" -binary | b64url)
for ((n = 0; n < 2; n++)); do
    wrk -t2 -c8 -d10s -H "Grip-Sig: $GRIP_SIG" -H 'Accept: text/event-stream' \
        "http://127.0.0.1:$((NODE_PORT + n))/live?article=$ARTICLE_ID" >"$OUT/live-warmup-$((n + 1)).txt"
done
THROUGH_PUSHPIN=$(measure pushpin "$LISTEN_BASES" "$LISTENERS" 3)
sleep 5
ON_THE_NODE=$(measure node "$NODE" "$NODE_LISTENERS" 0)

field() { sed -n "s/.*\b$2=\([^ ]*\).*/\1/p" <<<"$1"; }
row() {
    echo "| $1 | $(field "$2" listeners) | $(field "$2" connected) | $(field "$2" refused) | $(field "$2" dropped) | $(field "$2" heard) | $(field "$2" heard_within_1s) | $(field "$2" p50_ms) ms | $(field "$2" p99_ms) ms | $(field "$2" max_ms) ms | $(field "$2" node1_rss_mb) MB, $(field "$2" node1_threads) threads | $(field "$2" pushpin_rss_mb) MB |"
}
SECTION=$OUT/benchmarks-live.md
{
    echo "$START_MARKER"
    echo "## Live streams: $LISTENERS readers on one article through Pushpin"
    echo
    echo "_Written by \`bash bench/live.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'); the script replaces everything between the \`bench:live\` markers._"
    echo
    echo "The local cluster of \`deploy/cluster.sh\` (two nodes, PostgreSQL, Varnish, $PUSHPINS Pushpin instances) on this machine."
    echo "$LISTENERS clients (\`DiscussionLoad.java listen\`, one socket each, held by processes of at most $HOLDER_STREAMS) open"
    echo "\`/live?article=$ARTICLE_ID\` through the Pushpin instances in turn, $OPEN_RATE a second; then, as the baseline, $NODE_LISTENERS open it"
    echo "on node 1 itself. Before the first streams open, the demo reader posts three unmeasured comments, so that the measured"
    echo "ones are not the node's first; once each crowd is open it posts one comment on node 1, and each client's delay from"
    echo "sending that post to reading the comment's event is measured. Connected counts the streams answered 200 in the"
    echo "end; Refused those answered otherwise at first, which are tried again after 2 to 8 s as the site's pages do;"
    echo "Dropped counts the times a server closed an open stream before its client had heard; the client opens it"
    echo "again 3 s later with the last event id it read, as a browser's EventSource does, and is sent what it missed."
    echo "Node 1 and Pushpin are the resident size and thread count at their highest while the streams were open (Pushpin:"
    echo "every instance's condure, zurl, proxy and handler); node 1 idle, before: $NODE_IDLE. Several instances because"
    echo "this machine allows no process more than $(ulimit -Hn) open files, and one Pushpin's condure holds all of its streams."
    echo
    echo "| Streams held by | Listeners | Connected | Refused at first | Dropped | Heard | Heard within 1 s | p50 | p99 | max | node 1 | Pushpin |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    row "$PUSHPINS Pushpin instances" "$THROUGH_PUSHPIN"
    row "node 1 itself" "$ON_THE_NODE"
    echo
    echo "Machine: $(nproc) CPUs; the load generator runs on the same machine. Raw output: \`bench/out/live-*.txt\`."
    echo "$END_MARKER"
} >"$SECTION"
write_report "$START_MARKER" "$END_MARKER" "$SECTION"
cat "$SECTION"
