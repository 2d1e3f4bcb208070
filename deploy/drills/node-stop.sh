#!/usr/bin/env bash
# A light drill on the running cluster of deploy/cluster.sh: what readers see through Varnish while one node
# stops. A search no cache has seen (a node answers every one) is read every 0.1 s; after 3 s node 2 is sent
# SIGNAL (TERM, a planned stop: the node drains first; KILL, a crash: Varnish tries the other node); after
# SECONDS_EACH the drill counts the reads not answered 200 and those that got Varnish's own error page, and
# starts node 2 again with `bash deploy/cluster.sh up`.
#
#   SIGNAL=TERM bash deploy/drills/node-stop.sh
#   SIGNAL=KILL bash deploy/drills/node-stop.sh
#
# Options: SIGNAL=TERM, SECONDS_EACH=8, and deploy/cluster.sh's CLUSTER_DIR and VARNISH_PORT. Exits 1 when a
# read failed, so that it can gate a change to the VCL or to how nodes stop.
set -euo pipefail

DRILLS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$DRILLS_DIR/../.." && pwd)
SIGNAL=${SIGNAL:-TERM}
SECONDS_EACH=${SECONDS_EACH:-8}
CLUSTER_DIR=$(realpath -m -- "${CLUSTER_DIR:-$ROOT/deploy/.cluster}")
VARNISH_PORT=${VARNISH_PORT:-6081}
export CLUSTER_DIR

# shellcheck source=bench/common.sh
source "$ROOT/bench/common.sh"

[[ -f $CLUSTER_DIR/node-2/pid ]] && kill -0 "$(<"$CLUSTER_DIR/node-2/pid")" 2>/dev/null \
    || die "node 2 of the cluster in $CLUSTER_DIR is not running: bash deploy/cluster.sh up first"
bodies=$(mktemp -d)
trap 'rm -rf "$bodies"' EXIT

run=$RANDOM
reads=$((SECONDS_EACH * 10))
failed=0
varnish_pages=0
for ((i = 1; i <= reads; i++)); do
    if ((i == 31)); then
        log "Sending SIG$SIGNAL to node 2"
        kill "-$SIGNAL" "$(<"$CLUSTER_DIR/node-2/pid")"
    fi
    status=$(curl -s -m 5 -o "$bodies/$i" -w '%{http_code}' \
        "http://127.0.0.1:$VARNISH_PORT/search?q=drill$run-$i" || true)
    if [[ $status != 200 ]]; then
        failed=$((failed + 1))
        grep -q 'Guru Meditation' "$bodies/$i" && varnish_pages=$((varnish_pages + 1))
        printf 'read %d: %s\n' "$i" "$status" >&2
    fi
    sleep 0.1
done
echo "SIG$SIGNAL to node 2: $failed of $reads reads not answered 200, $varnish_pages of them with Varnish's own error page"

log "Starting node 2 again"
for ((i = 0; i < 300; i++)); do
    kill -0 "$(<"$CLUSTER_DIR/node-2/pid")" 2>/dev/null || break
    sleep 0.1
done
bash "$ROOT/deploy/cluster.sh" up >/dev/null
((failed == 0))
