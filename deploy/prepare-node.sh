#!/usr/bin/env bash
# Prepares the packaged jar to start fast: extracts it (the JDK's own jar reader finds classes across plain jars
# far faster than Spring Boot's reader of nested ones) and, on JDK 25 or newer, makes an ahead-of-time cache of
# its classes by a training run (-XX:AOTCacheOutput) that starts the app on a throwaway data directory, reads a
# few of its pages and stops it. See README.md, "Starting a production node faster".
#
#   bash deploy/prepare-node.sh JAR DIR [JVM flags...]
#
# The JVM flags are those the node will run with: a cache made with other flags is refused by the JVM, which
# then starts without it. Each preparation goes in a folder of DIR of its own, named after what it was made
# from (the jar's checksum, the JDK, the flags): the extracted jar (masthead.jar, its libraries in lib/) and
# the cache (masthead.aot). Run it again for every new build: an unchanged build is found and not made again,
# and folders of earlier builds are removed once no process has them open, so a node still running an older
# build keeps its files. It prints the launch arguments to put after `java` and the JVM flags,
# `-XX:AOTCache=DIR/<folder>/masthead.aot -jar DIR/<folder>/masthead.jar`, or without the `-XX:AOTCache` where
# the JDK cannot make a cache. Run the node with the same `java` (JAVA_HOME): a cache serves only the JDK that
# made it.
set -euo pipefail

[[ $# -ge 2 ]] || { echo "usage: $0 JAR DIR [JVM flags...]" >&2; exit 2; }
JAR=$(realpath -- "$1")
PARENT=$(realpath -m -- "$2")
# The launch arguments are printed as one line of words: a path with a space in it would come apart.
[[ $PARENT != *[[:space:]]* && $JAR != *[[:space:]]* ]] || { echo "prepare-node: paths with spaces are not supported" >&2; exit 1; }
shift 2
[[ -f $JAR ]] || { echo "prepare-node: no jar at $JAR (build it with ./mvnw package -DskipTests)" >&2; exit 1; }
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

log() { printf '==> %s\n' "$*" >&2; }

java_feature() {
    "$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p'
}

launch_args() {
    if [[ -f $DIR/masthead.aot ]]; then
        echo "-XX:AOTCache=$DIR/masthead.aot -jar $DIR/masthead.jar"
    else
        echo "-jar $DIR/masthead.jar"
    fi
}

# The training run: the app started in full on a throwaway data directory, asked for a few pages (so the classes
# and the JIT's profiles of serving a reader are in the cache, not only those of starting), then stopped; the JVM
# writes the cache as it exits. It runs with none of this shell's environment, so with none of the node's settings
# (MASTHEAD_DB_URL, mail, payments): it starts the embedded PostgreSQL in that directory, never the node's database.
train() {
    local data=$1 pid port="" i path
    shift
    env -i PATH="$PATH" HOME="$HOME" "$JAVA" "$@" -XX:AOTCacheOutput="$DIR/masthead.aot" -jar "$DIR/masthead.jar" \
        --server.address=127.0.0.1 --server.port=0 --masthead.data-dir="$data" --masthead.demo-content=false \
        >"$DIR/training.log" 2>&1 &
    pid=$!
    for ((i = 0; i < 600; i++)); do
        kill -0 "$pid" 2>/dev/null || return 1
        port=$(sed -n 's/.*Jetty started on port \([0-9]*\).*/\1/p' "$DIR/training.log")
        [[ -n $port ]] && break
        sleep 0.5
    done
    [[ -n $port ]] || { kill "$pid"; wait "$pid"; return 1; }
    for ((i = 0; i < 3; i++)); do
        for path in / /uk /search?q=water /signin /register /premium /support /no-such-page; do
            curl -s -o /dev/null "http://127.0.0.1:$port$path" || true
        done
    done
    kill -TERM "$pid"
    wait "$pid" || true
    [[ -f $DIR/masthead.aot ]]
}

# Whether any process has a file of folder $1 open or mapped (a node running that build).
in_use() {
    local fd
    grep -qsF -- "$1/" /proc/[0-9]*/maps && return 0
    for fd in /proc/[0-9]*/fd/*; do
        [[ $(readlink "$fd" 2>/dev/null) == "$1"/* ]] && return 0
    done
    return 1
}

remove_unused_builds() {
    local other
    for other in "$PARENT"/*/; do
        other=${other%/}
        [[ $other == "$DIR" || ! -f $other/made-from ]] && continue
        in_use "$other" || rm -rf "$other"
    done
}

# What a preparation is made from: the jar's checksum, the JDK and the JVM flags. Any change makes another.
stamp="$(sha256sum "$JAR" | cut -d' ' -f1) $("$JAVA" -version 2>&1 | tr '\n' ' ') $*"
DIR=$PARENT/$(printf '%s' "$stamp" | sha256sum | cut -c1-12)
if [[ -f $DIR/made-from ]]; then
    remove_unused_builds
    launch_args
    exit 0
fi

log "Extracting $JAR into $DIR"
rm -rf "$DIR"
mkdir -p "$DIR"
extracted=$(mktemp -d "$DIR/.extract.XXXXXX")
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$extracted" >/dev/null
mv "$extracted/lib" "$DIR/lib"
mv "$extracted/$(basename "$JAR")" "$DIR/masthead.jar"
rmdir "$extracted"

feature=$(java_feature)
if ((${feature%%.*} >= 25)); then
    log "Training an ahead-of-time class cache (about half a minute)"
    training=$(mktemp -d)
    if train "$training" "$@"; then
        rm -rf "$training"
    else
        rm -rf "$training" "$DIR/masthead.aot"
        log "The training run failed (see $DIR/training.log); the node will start without a class cache"
    fi
else
    log "java $feature cannot make an ahead-of-time class cache (JDK 25 or newer can); the node starts from the extracted jar"
fi
echo "$stamp" >"$DIR/made-from"
remove_unused_builds
launch_args
