#!/usr/bin/env bash
# A local production-shaped cluster on one machine: one PostgreSQL (Debian's), NODES app nodes of the packaged
# jar on it through PgBouncer (Debian's, transaction pooling) with a streaming replica for search, Varnish (Debian's, with xkey from varnish-modules)
# in front of them with deploy/masthead.vcl, and Pushpin (Debian's) holding the readers' live streams. See
# docs/scaling.md.
#
#   bash deploy/cluster.sh up        start everything (installs what is missing when run as root on Debian)
#   bash deploy/cluster.sh status    what runs, and whether each node is healthy
#   bash deploy/cluster.sh down      stop everything; the data stays in CLUSTER_DIR
#
# Run as root on Debian, `up` installs with apt-get what is missing of varnish, varnish-modules, postgresql,
# curl, pushpin and pgbouncer (pushpin only with PUSHPIN=yes, pgbouncer only with PGBOUNCER=yes), then stops
# and disables, with `systemctl disable --now`, the services Debian starts for those it installed (varnish,
# postgresql, pushpin, pgbouncer): they would take this cluster's ports, and start at every boot. As root,
# PostgreSQL, the replica and PgBouncer run as the postgres user, which must be able to reach CLUSTER_DIR:
# every directory above it must let others search it (a clone under /root, mode 700, will not do).
#
# Options (environment variables). `up` saves the options it ran with in CLUSTER_DIR/options; `status` and
# `down` use those, whatever the environment says, and a later `up` uses them for any option the environment
# does not set. While any part of the cluster runs, `up` refuses options that differ from the saved ones:
# `down` first. CLUSTER_DIR itself is not saved: give the same one to every command.
#   NODES=2                  app nodes
#   VARNISH_ADDRESS=127.0.0.1   the address Varnish listens on for readers, such as this machine's public
#                            address or 0.0.0.0 for every interface; it always listens on 127.0.0.1 too, for
#                            the nodes' purges. The nodes, Pushpin, PgBouncer and PostgreSQL listen on 127.0.0.1
#                            only: readers reach the site through Varnish alone.
#   VARNISH_PORT=6081        where readers come in
#   NODE_PORT=8081           the first node's port; the others follow
#   PG_PORT=5433             PostgreSQL's port
#   REPLICA=yes              "no" starts no streaming replica
#   REPLICA_PORT=5434        the replica's port
#   PGBOUNCER=yes            "no" connects the nodes to PostgreSQL directly
#   PGBOUNCER_PORT=6432      PgBouncer's port
#   PUSHPIN=yes              "no" leaves live streams to the nodes themselves
#   PUSHPINS=1               Pushpin instances; each holds its share of the streams and hears every event
#   PUSHPIN_PORT=7999        where live streams come in (Varnish also sends /live there); further
#                            instances take the ports below it (7998, ...)
#   PUSHPIN_PUBLISH_PORT=5561   where the nodes publish events; the two ports below it and above it are taken
#                            too, and further instances take the same ports 10, 20, ... above them
#   CLUSTER_DIR=deploy/.cluster   data and logs of everything (a relative path is taken from the current
#                            directory)
#   NODE_JAVA_OPTS="-Xms256m -Xmx512m"   JVM flags of each node
#   NODE_ARGS=""             more flags for each node, such as --masthead.demo-content=false
#   BASE_URL=""              the public address the nodes put in canonical links, feeds and mail
#                            (masthead.site.base-url); empty means http://127.0.0.1:$VARNISH_PORT
#
# PostgreSQL and its replica take only password logins (scram-sha-256) over TCP on 127.0.0.1, replication
# included, and have no Unix socket; the password of the masthead role is in CLUSTER_DIR/db-password, which,
# like the nodes' folders and logs (where sign-in links are written while no SMTP server is set), only the
# owner may read.
set -euo pipefail

DEPLOY_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$DEPLOY_DIR")
# Absolute, because parts of the cluster start from folders of their own and down must find them all again.
CLUSTER_DIR=$(realpath -m -- "${CLUSTER_DIR:-$DEPLOY_DIR/.cluster}")
OPTIONS_FILE=$CLUSTER_DIR/options
OPTIONS=(NODES VARNISH_ADDRESS VARNISH_PORT NODE_PORT PG_PORT REPLICA REPLICA_PORT PGBOUNCER PGBOUNCER_PORT PUSHPIN PUSHPINS
    PUSHPIN_PORT PUSHPIN_PUBLISH_PORT NODE_JAVA_OPTS NODE_ARGS BASE_URL)
# The options this shell's environment sets, and those the last `up` saved.
declare -A GIVEN=() SAVED=()
for option in "${OPTIONS[@]}"; do
    [[ -z ${!option+x} ]] || GIVEN[$option]=${!option}
    unset "$option"
done
if [[ -f $OPTIONS_FILE ]]; then
    # shellcheck source=/dev/null # written by save_options below
    source "$OPTIONS_FILE"
    for option in "${OPTIONS[@]}"; do
        [[ -z ${!option+x} ]] || SAVED[$option]=${!option}
        unset "$option"
    done
fi
# `up` takes what the environment says, then what was saved; `status` and `down` the other way round, so that
# they look at the cluster that was started.
for option in "${OPTIONS[@]}"; do
    if [[ ${1:-} == up && -n ${GIVEN[$option]+x} ]]; then
        printf -v "$option" '%s' "${GIVEN[$option]}"
    elif [[ -n ${SAVED[$option]+x} ]]; then
        printf -v "$option" '%s' "${SAVED[$option]}"
    elif [[ -n ${GIVEN[$option]+x} ]]; then
        printf -v "$option" '%s' "${GIVEN[$option]}"
    fi
done
NODES=${NODES:-2}
VARNISH_ADDRESS=${VARNISH_ADDRESS:-127.0.0.1}
VARNISH_PORT=${VARNISH_PORT:-6081}
NODE_PORT=${NODE_PORT:-8081}
PG_PORT=${PG_PORT:-5433}
REPLICA=${REPLICA:-yes}
REPLICA_PORT=${REPLICA_PORT:-5434}
PGBOUNCER=${PGBOUNCER:-yes}
PGBOUNCER_PORT=${PGBOUNCER_PORT:-6432}
PUSHPIN=${PUSHPIN:-yes}
PUSHPIN_PORT=${PUSHPIN_PORT:-7999}
PUSHPINS=${PUSHPINS:-1}
PUSHPIN_PUBLISH_PORT=${PUSHPIN_PUBLISH_PORT:-5561}
GRIP_SIG_KEY_FILE=$CLUSTER_DIR/grip-sig-key
PG_PASSWORD_FILE=$CLUSTER_DIR/db-password
# The same password in the form psql, createdb and pg_basebackup read it (PGPASSFILE): never on a command line,
# which every user on the machine may read in ps.
PG_PASS_FILE=$CLUSTER_DIR/pgpass
NODE_JAVA_OPTS=${NODE_JAVA_OPTS:--Xms256m -Xmx512m}
NODE_ARGS=${NODE_ARGS:-}
BASE_URL=${BASE_URL:-}
JAR=$ROOT/target/masthead-0.1.0-SNAPSHOT.jar
PG_USER=masthead
PG_DATABASE=masthead

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'cluster: %s\n' "$*" >&2; exit 1; }

if [[ -z ${JAVA_HOME:-} && -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
    export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
# PostgreSQL refuses to run as root: as root, it runs as the postgres user Debian's package made.
as_pg() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
# A PostgreSQL client, as as_pg, signing in as the masthead role with its password.
as_pg_client() { as_pg env PGPASSFILE="$PG_PASS_FILE" "$@"; }
node_port() { echo $((NODE_PORT + $1 - 1)); }
# Pushpin instance $1 (from 1): where it runs from, where streams come in, where the nodes publish.
pushpin_dir() { if (($1 == 1)); then echo "$CLUSTER_DIR/pushpin"; else echo "$CLUSTER_DIR/pushpin-$1"; fi; }
pushpin_port() { echo $((PUSHPIN_PORT - $1 + 1)); }
pushpin_publish_port() { echo $((PUSHPIN_PUBLISH_PORT + 10 * ($1 - 1))); }
pid_alive() { [[ -f $1 ]] && kill -0 "$(<"$1")" 2>/dev/null; }

# Whether any part of the cluster in CLUSTER_DIR runs.
cluster_running() {
    local file bin
    for file in "$CLUSTER_DIR/varnish.pid" "$CLUSTER_DIR"/node-*/pid "$CLUSTER_DIR"/pushpin*/pid \
        "$CLUSTER_DIR/pgbouncer/pgbouncer.pid"; do
        pid_alive "$file" && return 0
    done
    bin=$(pg_bin)
    [[ -n $bin ]] || return 1
    for file in "$CLUSTER_DIR/postgres" "$CLUSTER_DIR/replica"; do
        [[ -f $file/PG_VERSION ]] && as_pg "$bin/pg_ctl" -D "$file" status >/dev/null 2>&1 && return 0
    done
    return 1
}

# For up: refuses options other than those a running cluster was started with, then saves them.
save_options() {
    local option differ=()
    if ((${#SAVED[@]})) && cluster_running; then
        for option in "${OPTIONS[@]}"; do
            if [[ -n ${SAVED[$option]+x} && ${SAVED[$option]} != "${!option}" ]]; then
                differ+=("$option=${!option} (running with ${SAVED[$option]:-\"\"})")
            fi
        done
        ((${#differ[@]} == 0)) || die "the cluster in $CLUSTER_DIR runs with other options: ${differ[*]}; stop it first (bash deploy/cluster.sh down)"
    fi
    mkdir -p "$CLUSTER_DIR"
    # NODE_ARGS may hold secrets (an API key): the file is its owner's only.
    (
        umask 077
        {
            echo "# The options of the last 'bash deploy/cluster.sh up' on this directory, which status, down and up read."
            for option in "${OPTIONS[@]}"; do printf '%s=%q\n' "$option" "${!option}"; done
        } >"$OPTIONS_FILE.new"
    )
    mv "$OPTIONS_FILE.new" "$OPTIONS_FILE"
}

# For status and down: says when the environment asks for other options than the saved ones they use.
note_saved_options() {
    local option differ=()
    for option in "${OPTIONS[@]}"; do
        if [[ -n ${GIVEN[$option]+x} && -n ${SAVED[$option]+x} && ${GIVEN[$option]} != "${SAVED[$option]}" ]]; then
            differ+=("$option=${SAVED[$option]}")
        fi
    done
    ((${#differ[@]} == 0)) || log "Using the options saved in $OPTIONS_FILE by up, not the environment's: ${differ[*]}"
}

# As root, PostgreSQL, its replica and PgBouncer run as the postgres user, from folders in CLUSTER_DIR.
check_postgres_reaches_cluster_dir() {
    [[ $(id -u) == 0 ]] || return 0
    runuser -u postgres -- test -x "$CLUSTER_DIR" \
        || die "the postgres user cannot reach $CLUSTER_DIR: every directory above it must let others search it (chmod o+x), or set CLUSTER_DIR to a directory that does, such as /srv/masthead-cluster"
}

install_missing() {
    local missing=()
    command -v varnishd >/dev/null || [[ -x /usr/sbin/varnishd ]] || missing+=(varnish)
    compgen -G "/usr/lib/*/varnish/vmods/libvmod_xkey.so" >/dev/null || missing+=(varnish-modules)
    [[ -n $(pg_bin) ]] || missing+=(postgresql)
    command -v curl >/dev/null || missing+=(curl)
    [[ $PUSHPIN != yes ]] || command -v pushpin >/dev/null || missing+=(pushpin)
    [[ $PGBOUNCER != yes ]] || command -v pgbouncer >/dev/null || missing+=(pgbouncer)
    ((${#missing[@]})) || return 0
    [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null || die "please install ${missing[*]} (Debian: apt-get install ${missing[*]})"
    log "Installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2 \
        || { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2; }
    # Debian starts the services of the packages it installs, on the ports this cluster uses; the cluster runs
    # its own. Only the services of packages just installed are stopped and disabled: one the machine already
    # ran is left alone.
    local package services=()
    for package in "${missing[@]}"; do
        case $package in varnish | postgresql | pushpin | pgbouncer) services+=("$package") ;; esac
    done
    if ((${#services[@]})); then
        log "Stopping and disabling the services Debian started: ${services[*]} (systemctl disable --now)"
        systemctl disable --now "${services[@]}" >/dev/null 2>&1 || true
    fi
}

start_postgres() {
    local bin data=$CLUSTER_DIR/postgres
    bin=$(pg_bin)
    mkdir -p "$CLUSTER_DIR"
    write_password_files
    if [[ ! -f $data/PG_VERSION ]]; then
        log "Creating the database in $data"
        mkdir -p "$data"
        (umask 077 && cp "$PG_PASSWORD_FILE" "$CLUSTER_DIR/db-password.initdb")
        if [[ $(id -u) == 0 ]]; then chown postgres "$data" "$CLUSTER_DIR/db-password.initdb"; fi
        as_pg "$bin/initdb" -D "$data" -U "$PG_USER" --pwfile="$CLUSTER_DIR/db-password.initdb" \
            --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$CLUSTER_DIR/initdb.log"
        rm -f "$CLUSTER_DIR/db-password.initdb"
        # What Masthead relies on (docs/scaling.md): durable commits, and room for every node's pool.
        cat >>"$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
synchronous_commit = on
max_connections = 200
CONF
    fi
    secure_postgres "$data"
    if ! as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
        log "Starting PostgreSQL on port $PG_PORT"
        as_pg "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w start >/dev/null
    fi
    as_pg_client "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = '$PG_DATABASE'" | grep -q 1 \
        || as_pg_client "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" "$PG_DATABASE"
}

# The masthead role's password, made once, and the PGPASSFILE the clients above read: the owner's only.
write_password_files() {
    (
        umask 077
        [[ -f $PG_PASSWORD_FILE ]] || od -An -tx1 -N16 /dev/urandom | tr -d ' \n' >"$PG_PASSWORD_FILE"
        printf '127.0.0.1:*:*:%s:%s\n' "$PG_USER" "$(<"$PG_PASSWORD_FILE")" >"$PG_PASS_FILE"
    )
    # Made world-readable by an earlier version of this script.
    chmod 600 "$PG_PASSWORD_FILE" "$PG_PASS_FILE"
    if [[ $(id -u) == 0 ]]; then chown postgres "$PG_PASS_FILE"; fi
}

# Password logins over TCP only, replication included, and no Unix socket: any user on the machine could
# reach a socket, and a "trust" line lets them in as the superuser. Written at every up, so that a database
# made by an earlier version of this script (local trust, a socket in /tmp) is closed too: its logins at once
# if it runs (reloaded), its socket at its next start.
secure_postgres() {
    local data=$1
    cat >"$data/pg_hba.conf" <<HBA
# Written by deploy/cluster.sh at every start: password logins (scram-sha-256) from this machine, over TCP.
host    all             all             127.0.0.1/32            scram-sha-256
host    replication     all             127.0.0.1/32            scram-sha-256
HBA
    grep -q "^unix_socket_directories = ''" "$data/postgresql.conf" \
        || echo "unix_socket_directories = ''" >>"$data/postgresql.conf"
    if [[ $(id -u) == 0 ]]; then chown postgres "$data/pg_hba.conf"; fi
    chmod 600 "$data/pg_hba.conf"
    if as_pg "$(pg_bin)/pg_ctl" -D "$data" status >/dev/null 2>&1; then
        as_pg "$(pg_bin)/pg_ctl" -D "$data" reload >/dev/null
    fi
}

# A streaming replica of the primary, made with pg_basebackup, for the reads that may be a moment stale.
start_replica() {
    local bin data=$CLUSTER_DIR/replica
    [[ $REPLICA == yes ]] || return 0
    bin=$(pg_bin)
    REPLICA_ARG=--masthead.db.replica-url=jdbc:postgresql://127.0.0.1:$REPLICA_PORT/$PG_DATABASE
    if [[ ! -f $data/PG_VERSION ]]; then
        log "Making a streaming replica in $data"
        mkdir -p "$data"
        chmod 700 "$data"
        if [[ $(id -u) == 0 ]]; then chown postgres "$data"; fi
        as_pg_client "$bin/pg_basebackup" -h 127.0.0.1 -p "$PG_PORT" \
            -U "$PG_USER" -D "$data" --write-recovery-conf --wal-method=stream --checkpoint=fast
        # The copied postgresql.conf names the primary's port; the last setting wins.
        echo "port = $REPLICA_PORT" >>"$data/postgresql.conf"
    fi
    secure_postgres "$data"
    if ! as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
        log "Starting the replica on port $REPLICA_PORT"
        as_pg "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w start >/dev/null
    fi
}

# PgBouncer in transaction pooling: the nodes' pools share its connections to PostgreSQL. It refuses to
# run as root, so it runs as PostgreSQL does.
start_pgbouncer() {
    local dir=$CLUSTER_DIR/pgbouncer
    [[ $PGBOUNCER == yes ]] || return 0
    mkdir -p "$dir"
    chmod 700 "$dir"
    (umask 077 && printf '"%s" "%s"\n' "$PG_USER" "$(<"$PG_PASSWORD_FILE")" >"$dir/users.txt")
    cat >"$dir/pgbouncer.ini" <<INI
[databases]
$PG_DATABASE = host=127.0.0.1 port=$PG_PORT
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $PGBOUNCER_PORT
unix_socket_dir =
auth_type = scram-sha-256
auth_file = $dir/users.txt
pool_mode = transaction
max_client_conn = 1000
default_pool_size = 40
; After PostgreSQL restarts, try it again within a second, not the default 15 s, while the nodes' requests wait.
server_login_retry = 1
logfile = $dir/pgbouncer.log
pidfile = $dir/pgbouncer.pid
INI
    chmod 600 "$dir/users.txt"
    if [[ $(id -u) == 0 ]]; then chown -R postgres "$dir"; fi
    if pid_alive "$dir/pgbouncer.pid"; then
        return 0
    fi
    log "Starting PgBouncer on port $PGBOUNCER_PORT (transaction pooling)"
    as_pg pgbouncer -d "$dir/pgbouncer.ini"
}

db_args() {
    if [[ $PGBOUNCER == yes ]]; then
        # Through PgBouncer, pgjdbc must not name prepared statements; LISTEN and migrations need a session of
        # their own, so they go to PostgreSQL itself.
        echo "jdbc:postgresql://127.0.0.1:$PGBOUNCER_PORT/$PG_DATABASE?prepareThreshold=0" \
            "--masthead.db.direct-url=jdbc:postgresql://127.0.0.1:$PG_PORT/$PG_DATABASE"
    else
        echo "jdbc:postgresql://127.0.0.1:$PG_PORT/$PG_DATABASE" ""
    fi
}

start_node() {
    local n=$1 port dir
    port=$(node_port "$n")
    dir=$CLUSTER_DIR/node-$n
    mkdir -p "$dir"
    # The log holds every sign-in and second-factor link while no SMTP server is set: the owner's only.
    chmod 700 "$dir"
    (umask 077 && touch "$dir/node.log")
    chmod 600 "$dir/node.log"
    if pid_alive "$dir/pid"; then
        return 0
    fi
    log "Starting node $n on port $port"
    # One data directory for every node: with the database external, it holds the wire folder (wires/), which
    # agencies drop files in once for the whole site; a node claims each file with an atomic move, so each
    # is taken once, and a file waits for no node in particular.
    mkdir -p "$CLUSTER_DIR/shared"
    local db_url direct_arg
    read -r db_url direct_arg < <(db_args)
    # shellcheck disable=SC2086 # NODE_JAVA_OPTS and NODE_ARGS are lists of flags
    MASTHEAD_DB_URL=$db_url MASTHEAD_DB_USER=$PG_USER \
        MASTHEAD_DB_PASSWORD=$(<"$PG_PASSWORD_FILE") \
        MASTHEAD_NOTIFICATIONS_GRIPSIGKEY=$( [[ $PUSHPIN == yes ]] && cat "$GRIP_SIG_KEY_FILE") \
        nohup "$JAVA" $NODE_JAVA_OPTS $NODE_LAUNCH \
        --server.address=127.0.0.1 \
        --server.port="$port" \
        --masthead.shutdown.drain=4s \
        --masthead.data-dir="$CLUSTER_DIR/shared" \
        --masthead.images.dir="$CLUSTER_DIR/images" \
        --masthead.cache.purge-urls="http://127.0.0.1:$VARNISH_PORT" \
        --masthead.trusted-proxies=127.0.0.1/32 \
        --masthead.site.base-url="${BASE_URL:-http://127.0.0.1:$VARNISH_PORT}" \
        ${PUSHPIN_ARG:-} ${REPLICA_ARG:-} $direct_arg \
        $NODE_ARGS >>"$dir/node.log" 2>&1 &
    echo $! >"$dir/pid"
}

# An earlier version of this script gave each node a wire folder of its own: what still waits in one goes to the
# folder the nodes share.
gather_wire_files() {
    local file
    mkdir -p "$CLUSTER_DIR/shared/wires/incoming"
    for file in "$CLUSTER_DIR"/node-*/wires/incoming/*; do
        [[ -f $file ]] || continue
        log "Moving ${file#"$CLUSTER_DIR"/} to shared/wires/incoming, the wire folder every node takes from"
        mv -n "$file" "$CLUSTER_DIR/shared/wires/incoming/"
    done
}

wait_healthy() {
    local n=$1 i
    for ((i = 0; i < 300; i++)); do
        pid_alive "$CLUSTER_DIR/node-$n/pid" || { tail -n 30 "$CLUSTER_DIR/node-$n/node.log" >&2; die "node $n exited; see $CLUSTER_DIR/node-$n/node.log"; }
        curl -sf "http://127.0.0.1:$(node_port "$n")/actuator/health" 2>/dev/null | grep -q '"status":"UP"' && return 0
        sleep 1
    done
    die "node $n was not healthy within 5 minutes; see $CLUSTER_DIR/node-$n/node.log"
}

start_pushpin() {
    local i urls=()
    [[ $PUSHPIN == yes ]] || return 0
    # One key for every instance: each signs the requests it passes on, and the nodes check the signature.
    [[ -f $GRIP_SIG_KEY_FILE ]] || (umask 077 && od -An -tx1 -N16 /dev/urandom | tr -d ' \n' >"$GRIP_SIG_KEY_FILE")
    for ((i = 1; i <= PUSHPINS; i++)); do
        urls+=("http://127.0.0.1:$(pushpin_publish_port "$i")")
        start_one_pushpin "$i"
    done
    PUSHPIN_ARG=--masthead.notifications.grip-publish-urls=$(IFS=,; echo "${urls[*]}")
}

start_one_pushpin() {
    local dir port publish n targets=()
    dir=$(pushpin_dir "$1")
    port=$(pushpin_port "$1")
    publish=$(pushpin_publish_port "$1")
    mkdir -p "$dir/run" "$dir/log"
    # Its configuration holds the key that signs what it passes to the nodes.
    chmod 700 "$dir"
    for ((n = 1; n <= NODES; n++)); do targets+=("127.0.0.1:$(node_port "$n")"); done
    # Targets are tried in order when one cannot be reached (a comma would start a target's options instead).
    echo "* ${targets[*]}" >"$dir/routes"
    sed -e "s/@HTTP_PORT@/127.0.0.1:$port/" -e "s/@PUBLISH_PORT@/$publish/" \
        -e "s/@PUSH_PORT@/$((publish - 1))/" -e "s/@SUBSCRIBE_PORT@/$((publish + 1))/" \
        -e "s/@COMMAND_PORT@/$((publish + 2))/" -e "s/@SIG_KEY@/$(<"$GRIP_SIG_KEY_FILE")/" \
        -e "s/@MAX_CONNECTIONS@/100000/" -e "s/@MESSAGE_RATE@/100000/" \
        "$DEPLOY_DIR/pushpin/pushpin.conf" >"$dir/pushpin.conf"
    if pid_alive "$dir/pid"; then
        return 0
    fi
    log "Starting Pushpin on port $port (publish port $publish)"
    (cd "$dir" && { nohup pushpin --config pushpin.conf --merge-output >>pushpin.log 2>&1 & echo $! >pid; })
}

start_varnish() {
    local n nodes=$CLUSTER_DIR/nodes.vcl
    {
        for ((n = 1; n <= NODES; n++)); do
            printf 'backend node_%d {\n    .host = "127.0.0.1";\n    .port = "%d";\n    .probe = masthead_health;\n}\n\n' "$n" "$(node_port "$n")"
        done
        if [[ $PUSHPIN == yes ]]; then
            for ((n = 1; n <= PUSHPINS; n++)); do
                printf 'backend pushpin_%d {\n    .host = "127.0.0.1";\n    .port = "%d";\n}\n\n' "$n" "$(pushpin_port "$n")"
            done
        fi
        echo "sub vcl_init {"
        for ((n = 1; n <= NODES; n++)); do
            echo "    nodes.add_backend(node_$n);"
            [[ $PUSHPIN == yes ]] || echo "    live.add_backend(node_$n);"
        done
        if [[ $PUSHPIN == yes ]]; then
            for ((n = 1; n <= PUSHPINS; n++)); do echo "    live.add_backend(pushpin_$n);"; done
        fi
        echo "}"
    } >"$nodes"
    if pid_alive "$CLUSTER_DIR/varnish.pid"; then
        return 0
    fi
    log "Starting Varnish on $VARNISH_ADDRESS:$VARNISH_PORT"
    local listen=(-a "127.0.0.1:$VARNISH_PORT")
    # The nodes purge through 127.0.0.1; an address that covers it already would be a second bind of the port.
    case $VARNISH_ADDRESS in
    127.0.0.1 | localhost) ;;
    0.0.0.0 | '[::]' | '::') listen=(-a "$VARNISH_ADDRESS:$VARNISH_PORT") ;;
    *) listen+=(-a "$VARNISH_ADDRESS:$VARNISH_PORT") ;;
    esac
    varnishd "${listen[@]}" -T 127.0.0.1:0 -n "$CLUSTER_DIR/varnish" \
        -f "$DEPLOY_DIR/masthead.vcl" -p vcl_path="$CLUSTER_DIR:$DEPLOY_DIR:/usr/share/varnish/vcl" \
        -s malloc,256m -P "$CLUSTER_DIR/varnish.pid"
}

up() {
    save_options
    install_missing
    check_postgres_reaches_cluster_dir
    # Pushpin and the nodes hold a file descriptor per open page: as many as root may give, or as this shell
    # may have.
    ulimit -n 200000 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
    if [[ ! -f $JAR ]]; then
        log "Building the jar"
        (cd "$ROOT" && ./mvnw -q -DskipTests -Dspotless.check.skip=true package) || die "the build failed"
    fi
    # The jar extracted, with an ahead-of-time class cache on JDK 25 or newer, made once per build: a node then
    # starts in about half the time (README.md, "Starting a production node faster").
    # shellcheck disable=SC2086 # NODE_JAVA_OPTS is a list of flags
    NODE_LAUNCH=$(bash "$DEPLOY_DIR/prepare-node.sh" "$JAR" "$CLUSTER_DIR/app" $NODE_JAVA_OPTS) \
        || die "could not prepare the jar for the nodes"
    start_postgres
    start_replica
    start_pgbouncer
    # Varnish and Pushpin first, so that they hear every purge and every event, even those of the demo content
    # the first node loads.
    start_pushpin
    start_varnish
    gather_wire_files
    # The first node alone first: it migrates the database and loads the demo content; the others find them.
    start_node 1
    wait_healthy 1
    local n
    for ((n = 2; n <= NODES; n++)); do start_node "$n"; done
    for ((n = 2; n <= NODES; n++)); do wait_healthy "$n"; done
    wait_varnish_sees_nodes
    status
    echo "Masthead through Varnish: http://$VARNISH_ADDRESS:$VARNISH_PORT/"
}

# A node is healthy for Varnish only after its probe has answered enough times (deploy/masthead.vcl): until
# then, readers all go to the others.
wait_varnish_sees_nodes() {
    local i n list sick
    for ((i = 0; i < 60; i++)); do
        list=$(varnishadm -n "$CLUSTER_DIR/varnish" backend.list 2>/dev/null) || list=
        sick=()
        for ((n = 1; n <= NODES; n++)); do
            grep -Eq "\.node_$n[[:space:]].*[[:space:]]healthy([[:space:]]|$)" <<<"$list" || sick+=("node-$n")
        done
        ((${#sick[@]})) || return 0
        sleep 1
    done
    printf '%s\n' "$list" >&2
    die "Varnish does not see ${sick[*]} as healthy within 60 s, though the node answers its health check; see varnishadm -n $CLUSTER_DIR/varnish backend.list and $CLUSTER_DIR/varnish"
}

status() {
    local n port health bin
    bin=$(pg_bin)
    if [[ -n $bin ]] && as_pg "$bin/pg_ctl" -D "$CLUSTER_DIR/postgres" status >/dev/null 2>&1; then
        echo "postgresql  127.0.0.1:$PG_PORT  running"
    else
        echo "postgresql  127.0.0.1:$PG_PORT  stopped"
    fi
    if [[ $REPLICA == yes ]]; then
        if [[ -n $bin ]] && as_pg "$bin/pg_ctl" -D "$CLUSTER_DIR/replica" status >/dev/null 2>&1; then
            echo "replica     127.0.0.1:$REPLICA_PORT  running, $(as_pg_client "$bin/psql" -h 127.0.0.1 -p "$REPLICA_PORT" -U "$PG_USER" -d postgres -tAc \
                "SELECT 'streaming, ' || coalesce(pg_size_pretty(pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn())) || ' received and not yet replayed', 'nothing received yet')" 2>/dev/null)"
        else
            echo "replica     127.0.0.1:$REPLICA_PORT  stopped"
        fi
    fi
    if [[ $PGBOUNCER == yes ]]; then
        if pid_alive "$CLUSTER_DIR/pgbouncer/pgbouncer.pid"; then
            echo "pgbouncer   127.0.0.1:$PGBOUNCER_PORT  running, pid $(<"$CLUSTER_DIR/pgbouncer/pgbouncer.pid"), transaction pooling"
        else
            echo "pgbouncer   127.0.0.1:$PGBOUNCER_PORT  stopped"
        fi
    fi
    for ((n = 1; n <= NODES; n++)); do
        port=$(node_port "$n")
        if pid_alive "$CLUSTER_DIR/node-$n/pid"; then
            health=$(curl -s -m 2 "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -o '"status":"[A-Z_]*"' | head -n 1 | cut -d'"' -f4)
            echo "node-$n      127.0.0.1:$port  running, pid $(<"$CLUSTER_DIR/node-$n/pid"), health ${health:-no answer}"
        else
            echo "node-$n      127.0.0.1:$port  stopped"
        fi
    done
    if [[ $PUSHPIN == yes ]]; then
        # Those asked for, and any more a cluster of this directory was started with.
        n=1
        while ((n <= PUSHPINS)) || [[ -f $(pushpin_dir "$n")/pid ]]; do
            if pid_alive "$(pushpin_dir "$n")/pid"; then
                echo "pushpin-$n   127.0.0.1:$(pushpin_port "$n")  running, pid $(<"$(pushpin_dir "$n")/pid"), publish port $(pushpin_publish_port "$n")"
            else
                echo "pushpin-$n   127.0.0.1:$(pushpin_port "$n")  stopped"
            fi
            n=$((n + 1))
        done
    fi
    if pid_alive "$CLUSTER_DIR/varnish.pid"; then
        echo "varnish     $VARNISH_ADDRESS:$VARNISH_PORT  running, pid $(<"$CLUSTER_DIR/varnish.pid")"
        varnishadm -n "$CLUSTER_DIR/varnish" backend.list 2>/dev/null | sed 's/^/            /' || true
    else
        echo "varnish     $VARNISH_ADDRESS:$VARNISH_PORT  stopped"
    fi
}

stop_pidfile() {
    local file=$1 pid i
    pid_alive "$file" || { rm -f "$file"; return 0; }
    pid=$(<"$file")
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 300; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$file"
}

down() {
    local n bin dir
    stop_pidfile "$CLUSTER_DIR/varnish.pid"
    # Every instance a cluster of this directory may have started, whatever PUSHPINS says now.
    for dir in "$CLUSTER_DIR"/pushpin "$CLUSTER_DIR"/pushpin-*; do stop_pidfile "$dir/pid"; done
    # Every node a cluster of this directory may have started, whatever NODES says.
    for dir in "$CLUSTER_DIR"/node-*; do stop_pidfile "$dir/pid"; done
    stop_pidfile "$CLUSTER_DIR/pgbouncer/pgbouncer.pid"
    bin=$(pg_bin)
    if [[ -n $bin && -f $CLUSTER_DIR/replica/PG_VERSION ]]; then
        as_pg "$bin/pg_ctl" -D "$CLUSTER_DIR/replica" -m fast stop >/dev/null 2>&1 || true
    fi
    if [[ -n $bin && -f $CLUSTER_DIR/postgres/PG_VERSION ]]; then
        as_pg "$bin/pg_ctl" -D "$CLUSTER_DIR/postgres" -m fast stop >/dev/null 2>&1 || true
    fi
    # A part that outlived its stop (or was started outside these pid files) would keep its ports.
    if cluster_running; then
        die "some of the cluster in $CLUSTER_DIR still runs (bash deploy/cluster.sh status): stop it by its pid"
    fi
    echo "stopped; the data stays in $CLUSTER_DIR"
}

case ${1:-} in
up) up ;;
status) note_saved_options; status ;;
down) note_saved_options; down ;;
*) die "usage: bash deploy/cluster.sh up|status|down" ;;
esac
