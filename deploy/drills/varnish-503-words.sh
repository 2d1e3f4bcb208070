#!/usr/bin/env bash
# What Varnish's own 503 page tells a reader when no node answers: for a read, that nothing they sent was
# changed; for anything else (a comment, a payment, which a node may have saved before it failed), that we
# could not tell whether it arrived, never that nothing was changed. Needs only varnishd and the
# varnish-modules (xkey), not the cluster: deploy/masthead.vcl runs with one node on a closed port.
#
#   bash deploy/drills/varnish-503-words.sh
#
# Options: PORT=6199. Exits 1 when a page says the wrong thing.
set -euo pipefail

DRILLS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$DRILLS_DIR/../.." && pwd)
PORT=${PORT:-6199}
WORK=$(mktemp -d)
chmod 755 "$WORK" # varnishd compiles the VCL as its own user
stop() {
    if [[ -f $WORK/varnish.pid ]]; then
        local pid
        pid=$(cat "$WORK/varnish.pid")
        kill "$pid" 2>/dev/null || true
        while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    fi
    rm -rf "$WORK"
}
trap stop EXIT

cat >"$WORK/nodes.vcl" <<'VCL'
backend node_1 {
    .host = "127.0.0.1";
    .port = "1";
    .probe = masthead_health;
}
sub vcl_init {
    nodes.add_backend(node_1);
    live.add_backend(node_1);
}
VCL
varnishd -a "127.0.0.1:$PORT" -f "$ROOT/deploy/masthead.vcl" \
    -p vcl_path="$WORK:$ROOT/deploy:/usr/share/varnish/vcl" -n "$WORK/varnish" -P "$WORK/varnish.pid" \
    -s malloc,16m >/dev/null
for _ in $(seq 50); do
    curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break
    sleep 0.1
done

failed=0
read_page=$(curl -s "http://127.0.0.1:$PORT/news")
sent_page=$(curl -s -X POST -d comment=hello "http://127.0.0.1:$PORT/support")
if [[ $read_page != *"Nothing you sent has been changed."* ]]; then
    echo "GET: the 503 page does not say that nothing sent was changed" >&2
    failed=1
fi
if [[ $sent_page == *"Nothing you sent has been changed."* || $sent_page != *"We could not tell whether what you sent arrived."* ]]; then
    echo "POST: the 503 page does not say that we could not tell whether it arrived" >&2
    failed=1
fi
[[ $failed == 0 ]] && echo "503 pages: a read is told nothing changed, a POST to check before sending again"
exit "$failed"
