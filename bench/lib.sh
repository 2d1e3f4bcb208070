#!/usr/bin/env bash
# What the benchmark scripts share: tools, the app and nginx as processes, wrk measurements with CPU
# accounting, and the report file. Sourced by bench/run.sh and bench/discussion.sh after they set their
# own options; see bench/README.md.

ROOT=$(dirname "$BENCH_DIR")
OUT=$BENCH_DIR/out
# shellcheck source=bench/common.sh
source "$BENCH_DIR/common.sh"

DURATION=${DURATION:-20}
WARMUP=${WARMUP:-10}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
KEEP_DATA=${KEEP_DATA:-yes}
QUIET=${QUIET:-20}
QUIET_WAIT=${QUIET_WAIT:-120}
BUILD=${BUILD:-yes}
DAMON=${DAMON:-pause}
REPORT=${REPORT:-$ROOT/docs/benchmarks.md}
# A fixed, pre-touched heap so the run measures steady state rather than heap growth; ParallelGC because on
# a small machine it runs no concurrent GC threads beside the server and wrk, and cached pages allocate
# little (young pauses of about 1 ms). G1 and Serial measured the same within the noise. See bench/README.md.
APP_JAVA_OPTS=${APP_JAVA_OPTS:--Xms1g -Xmx1g -XX:+AlwaysPreTouch -XX:+UseParallelGC}
APP_ARGS=${APP_ARGS:-}
# The zone article URLs are dated in (masthead.site.time-zone).
SITE_TIME_ZONE=${SITE_TIME_ZONE:-Europe/London}

JAR_NAME=masthead-0.1.0-SNAPSHOT.jar


# --- Tools ------------------------------------------------------------------------------------------------


apt_install() {
    # Installs the given packages, refreshing the package lists only if the first attempt fails.
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >&2 && return 0
    DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >&2
}

find_nginx() { command -v nginx || { [[ -x /usr/sbin/nginx ]] && echo /usr/sbin/nginx; } || true; }

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v psql >/dev/null || missing+=(postgresql-client)
[[ -n $(find_nginx) ]] || missing+=(nginx)
if ((${#missing[@]})); then
    [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null \
        || die "please install ${missing[*]} (Debian/Ubuntu: apt-get install wrk nginx-light postgresql-client)"
    log "Installing ${missing[*]}"
    packages=("${missing[@]/#nginx/nginx-light}")
    if ! apt_install "${packages[@]}"; then
        # Newer Debian releases have no nginx-light; plain nginx does as well.
        apt_install "${missing[@]}"
    fi
fi
NGINX=$(find_nginx)
[[ -n $NGINX ]] || die "nginx is not installed"
ulimit -n 65536 2>/dev/null || true

# --- Processes and clean-up -------------------------------------------------------------------------------

APP_PID=
NGINX_PID=
# Other servers a script starts (bench/run.sh's bare Tomcat and Jetty): stopped on exit, and measured as the
# server of the targets named in SERVER_PIDS (target name -> pid) instead of the app or nginx.
OTHER_PIDS=()
declare -A SERVER_PIDS=()

stop_pid() {
    local pid=$1 signal=$2 i
    [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
    kill "-$signal" "$pid" 2>/dev/null || true
    for ((i = 0; i < 600; i++)); do
        kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

stop_app() {
    stop_pid "$APP_PID" TERM # the app's shutdown hook stops its embedded PostgreSQL
    APP_PID=
}

# DAMON, the kernel's data access monitor, runs on some machines (these VMs among them) with a scheme that
# pages out memory left untouched for a minute, handing it back to the host. Its thread samples every half
# second and then takes a CPU for tens of milliseconds: with two CPUs, every process on the machine stalls
# in step with it, and a benchmark's slowest requests measure the monitor. With DAMON=pause (the default) the
# scripts turn each running kdamond off while they run, when they may (as root), and back on at the end;
# with DAMON=keep they leave it. See bench/README.md.
PAUSED_KDAMONDS=()
pause_damon() {
    local state
    [[ $DAMON == pause ]] || return 0
    for state in /sys/kernel/mm/damon/admin/kdamonds/*/state; do
        [[ -w $state && $(<"$state") == on ]] || continue
        echo off >"$state" 2>/dev/null && PAUSED_KDAMONDS+=("$state")
    done
    ((${#PAUSED_KDAMONDS[@]} == 0)) || log "Paused the kernel's DAMON page reclaim (${#PAUSED_KDAMONDS[@]} kdamond) until the end (DAMON=keep leaves it)"
}

resume_damon() {
    local state
    for state in "${PAUSED_KDAMONDS[@]}"; do
        echo on >"$state" 2>/dev/null || echo "bench: could not turn $state back on" >&2
    done
    PAUSED_KDAMONDS=()
}

damon_line() { # for the report: whether DAMON ran during the measurements
    local state running=0
    for state in /sys/kernel/mm/damon/admin/kdamonds/*/state; do
        [[ -r $state && $(<"$state") == on ]] && running=$((running + 1))
    done
    if ((${#PAUSED_KDAMONDS[@]})); then
        echo "the kernel's DAMON page reclaim paused while measuring (\`DAMON=keep\` leaves it running)"
    elif ((running)); then
        echo "the kernel's DAMON page reclaim running (\`DAMON=pause\` pauses it)"
    else
        echo "no DAMON page reclaim running"
    fi
}

cleanup() {
    local pid
    resume_damon
    for pid in "${OTHER_PIDS[@]}"; do
        stop_pid "$pid" TERM
    done
    stop_pid "$NGINX_PID" TERM
    NGINX_PID=
    stop_app
}
trap cleanup EXIT
trap 'exit 130' INT TERM
pause_damon

# A port below Linux's ephemeral range (32768 and up), where the system picks the embedded PostgreSQL's port
# and those of outgoing connections: one picked there could be taken by the app's own database before the app
# binds it.
free_port() {
    local port _
    for _ in $(seq 200); do
        port=$((10000 + RANDOM % 22000))
        [[ $port == "${APP_PORT:-}" ]] && continue
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    die "found no free port"
}

# --- Build ------------------------------------------------------------------------------------------------

mkdir -p "$OUT"
if [[ $BUILD == yes ]]; then
    log "Building the app"
    (cd "$ROOT" && ./mvnw -q -DskipTests -Dspotless.check.skip=true clean package) \
        || die "the build failed; fix it, or run with BUILD=no to use the jar already in target/"
fi
[[ -f $ROOT/target/$JAR_NAME ]] || die "no target/$JAR_NAME; run with BUILD=yes"
# Run a copy, so a rebuild of target/ while the benchmark runs cannot pull the jar from under the app.
cp "$ROOT/target/$JAR_NAME" "$OUT/masthead.jar"

# --- The app and its data ---------------------------------------------------------------------------------

if [[ $KEEP_DATA != yes ]]; then
    log "Removing bench/out/data (KEEP_DATA=$KEEP_DATA)"
    rm -rf "$OUT/data"
fi
mkdir -p "$OUT/data"
METRICS_TOKEN=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
: >"$OUT/app.log"

# Starts the app and waits until it serves; sets APP, APP_PORT, PG_PORT, and FIRST_PAGE_MS: the milliseconds
# from launching the JVM to the first 200 from "/" (polled every 0.1 s), the time a restarted node takes to
# answer its first reader, with FIRST_PAGE_CPU_MS, the CPU time the JVM used until then. APP_LAUNCH, if set,
# replaces "-jar bench/out/masthead.jar" (a shell word list).
start_app() {
    APP_PORT=$(free_port)
    log "Starting the app on port $APP_PORT ($APP_JAVA_OPTS${APP_ARGS:+ $APP_ARGS})"
    APP_LAUNCHED_MS=$(date +%s%3N)
    APP_LOG_FROM=$(($(wc -l <"$OUT/app.log") + 1))
    # shellcheck disable=SC2086 # APP_JAVA_OPTS and APP_ARGS are lists of flags
    "$JAVA" $APP_JAVA_OPTS ${APP_LAUNCH:--jar "$OUT/masthead.jar"} \
        --server.port="$APP_PORT" \
        --masthead.data-dir="$OUT/data" \
        --masthead.metrics-token="$METRICS_TOKEN" \
        $APP_ARGS \
        >>"$OUT/app.log" 2>&1 &
    APP_PID=$!
    local i
    for ((i = 0; i < 3000; i++)); do
        kill -0 "$APP_PID" 2>/dev/null || { tail -n 40 "$OUT/app.log" >&2; die "the app exited; see bench/out/app.log"; }
        if [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$APP_PORT/" 2>/dev/null) == 200 ]]; then
            FIRST_PAGE_MS=$(($(date +%s%3N) - APP_LAUNCHED_MS))
            FIRST_PAGE_CPU_MS=$(($(proc_ticks "$APP_PID") * 1000 / CLK_TCK))
            break
        fi
        sleep 0.1
    done
    ((i < 3000)) || die "the app did not answer / within 5 minutes; see bench/out/app.log"
    for ((i = 0; i < 600; i++)); do
        if curl -sf "http://127.0.0.1:$APP_PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
            break
        fi
        sleep 0.5
    done
    ((i < 600)) || die "the app did not become healthy within 5 minutes; see bench/out/app.log"
    PG_PORT=$(grep -o 'Embedded PostgreSQL is listening on 127.0.0.1:[0-9]*' "$OUT/app.log" | tail -n 1 | sed 's/.*://')
    [[ -n $PG_PORT ]] || die "found no embedded PostgreSQL port in bench/out/app.log"
    APP=http://127.0.0.1:$APP_PORT
}

# Milliseconds from launching the JVM to the first log line matching $1 in this start, or "?".
since_launch() {
    local stamp
    stamp=$(tail -n "+$APP_LOG_FROM" "$OUT/app.log" | grep -m 1 -E -- "$1" | cut -c1-24) || true
    [[ -n $stamp ]] || { echo "?"; return; }
    echo $(($(date -d "$stamp" +%s%3N) - APP_LAUNCHED_MS))
}

# The embedded PostgreSQL's processes: its postmaster and everything the postmaster started.
pg_pids() {
    local master
    master=$(head -n 1 "$OUT/data/postgres/postmaster.pid" 2>/dev/null) || return 0
    [[ -n $master ]] || return 0
    echo "$master"
    ps -o pid= --ppid "$master" || true
}

# Resident memory in MiB: the JVM's RSS, and the embedded PostgreSQL's proportional set size (PSS: shared
# memory, such as shared_buffers, counted once across its processes rather than once per process).
memory_line() {
    local jvm pg=0 pid
    jvm=$(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$APP_PID/status")
    for pid in $(pg_pids); do
        pg=$((pg + $(awk '/^Pss:/ { print $2; exit }' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)))
    done
    echo "$jvm $((pg / 1024))"
}

sql() {
    # The embedded PostgreSQL's password is kept in the data directory, readable by its owner only.
    PGPASSWORD=$(<"$OUT/data/postgres-password") \
        psql -X -q -A -t -v ON_ERROR_STOP=1 "host=127.0.0.1 port=$PG_PORT user=postgres dbname=postgres" "$@"
}

published_count() { sql -c "SELECT count(*) FROM article WHERE status = 'PUBLISHED'"; }

# Makes sure at least $1 articles are published, cloning the demo content with generate.sql; sets PUBLISHED.
ensure_articles() {
    PUBLISHED=$(published_count)
    if ((PUBLISHED < $1)); then
        log "Generating articles: $PUBLISHED published, $1 wanted"
        local started
        started=$(date +%s%N)
        sql -v articles="$1" -f "$BENCH_DIR/generate.sql" >/dev/null
        echo "generated in $((($(date +%s%N) - started) / 1000000)) ms" >&2
        # Restart, so nothing the app keeps in memory (its section list, cached pages) predates the new rows.
        stop_app
        start_app
        PUBLISHED=$(published_count)
    fi
    echo "published articles: $PUBLISHED" >&2
}

# The newest published article's address as the app builds it (site/internal/Links): section path, then the
# date of first publication in the site's zone as yyyy/mon/dd with an English lower-case month, then the slug.
article_path() { # $1: an SQL condition on the article a, e.g. "a.id = 7"; default: the newest
    sql -v tz="$SITE_TIME_ZONE" <<SQL
SELECT '/' || s.path || '/' || to_char(a.published_at AT TIME ZONE :'tz', 'YYYY/mon/DD') || '/' || a.slug
FROM article a JOIN section s ON s.id = a.section_id
WHERE a.status = 'PUBLISHED' AND a.published_at <= now() AND (${1:-true})
ORDER BY a.published_at DESC, a.id DESC
LIMIT 1
SQL
}

check_page() {
    local status
    status=$(curl -s -o /dev/null -w '%{http_code}' "$APP$1")
    [[ $status == 200 ]] || die "$APP$1 answered $status, not 200"
}

# --- nginx ------------------------------------------------------------------------------------------------

# Writes $2/nginx.conf from the template $1 for an nginx under the prefix $2 listening on port $3: fills in
# @USER@, @PREFIX@, @PORT@ and @TEMP_PATHS@, and each further argument NAME=VALUE's @NAME@.
nginx_conf() {
    local template=$1 prefix=$2 port=$3 nginx_build temp_paths module user_line
    shift 3
    mkdir -p "$prefix/tmp"
    nginx_build=$("$NGINX" -V 2>&1)
    temp_paths="    client_body_temp_path $prefix/tmp/body;"
    for module in proxy fastcgi uwsgi scgi; do
        if [[ $nginx_build != *"--without-http_${module}_module"* ]]; then
            temp_paths+=$'\n'"    ${module}_temp_path $prefix/tmp/$module;"
        fi
    done
    user_line=
    [[ $(id -u) == 0 ]] && user_line="user root;" # the workers must read bench/out, wherever the checkout lives
    awk -v user="$user_line" -v prefix="$prefix" -v port="$port" -v temps="$temp_paths" -v extra="$(printf '%s\n' "$@")" '
        BEGIN {
            n = split(extra, pairs, "\n")
            for (i = 1; i <= n; i++) {
                eq = index(pairs[i], "=")
                if (eq) { names[i] = "@" substr(pairs[i], 1, eq - 1) "@"; values[i] = substr(pairs[i], eq + 1) }
            }
        }
        /^@TEMP_PATHS@$/ { print temps; next }
        {
            gsub(/@USER@/, user); gsub(/@PREFIX@/, prefix); gsub(/@PORT@/, port)
            # Values are put in as they are: no character of theirs means anything to awk here.
            for (i in names) {
                while ((at = index($0, names[i])) > 0) {
                    $0 = substr($0, 1, at - 1) values[i] substr($0, at + length(names[i]))
                }
            }
            print
        }' "$template" >"$prefix/nginx.conf"
}

# Starts nginx answering every path with the file $1, sent with Content-Type $2, and /_same/<name> with each
# further argument's file, given as name=file; sets NGINX_URL.
start_nginx() {
    NGINX_PORT=$(free_port)
    NGX=$OUT/nginx
    rm -rf "$NGX/html/_same"
    mkdir -p "$NGX/html/_same" "$NGX/tmp"
    cp "$1" "$NGX/html/page.html"
    local same
    for same in "${@:3}"; do
        cp "${same#*=}" "$NGX/html/_same/${same%%=*}"
    done
    nginx_conf "$BENCH_DIR/nginx.conf" "$NGX" "$NGINX_PORT" "CONTENT_TYPE=$2"
    : >"$NGX/error.log"
    log "Starting nginx on port $NGINX_PORT"
    "$NGINX" -p "$NGX" -c "$NGX/nginx.conf" -e "$NGX/error.log" &
    NGINX_PID=$!
    NGINX_URL=http://127.0.0.1:$NGINX_PORT
    await_bytes nginx "$NGINX_PID" "$NGX/error.log" "$NGINX_URL/" "$NGX/html/page.html"
}

# Waits (up to 30 s) until the server $1 (process $2, log $3) answers $4 with the bytes of the file $5; dies,
# showing the log, if it exits first or sends other bytes.
await_bytes() {
    local name=$1 pid=$2 server_log=$3 url=$4 expected=$5 i
    for ((i = 0; i < 300; i++)); do
        kill -0 "$pid" 2>/dev/null || { cat "$server_log" >&2; die "$name exited"; }
        curl -sf -o "$OUT/check.html" "$url" 2>/dev/null && break
        sleep 0.1
    done
    cmp -s "$OUT/check.html" "$expected" || die "$name does not send the bytes of $expected"
}

# --- Measure ----------------------------------------------------------------------------------------------

to_ms() { # wrk's "870.00us", "1.23ms", "2.01s", "1.00m" in milliseconds
    awk -v v="$1" 'BEGIN {
        n = v + 0; unit = v; sub(/^[0-9.]+/, "", unit)
        if (unit == "us") n /= 1000; else if (unit == "s") n *= 1000
        else if (unit == "m") n *= 60000; else if (unit == "h") n *= 3600000
        else if (unit != "ms") { print "?"; exit }
        printf "%.3f", n }'
}

page_cache_counts() { # "hits misses" of the app's in-memory page cache, from its Prometheus metrics
    local metrics
    metrics=$(curl -sf -H "Authorization: Bearer $METRICS_TOKEN" "$APP/actuator/prometheus") || { echo "? ?"; return; }
    awk '$1 ~ /^masthead_page_cache_hits/ { h = $2 } $1 ~ /^masthead_page_cache_misses/ { m = $2 }
         END { if (h == "" || m == "") print "? ?"; else printf "%.0f %.0f\n", h, m }' <<<"$metrics"
}

cpu_busy() { # percentage of all CPUs busy over the next $1 seconds, whoever uses them
    local -a a b
    read -r -a a </proc/stat
    sleep "$1"
    read -r -a b </proc/stat
    local idle=$((b[4] + b[5] - a[4] - a[5])) total=0 i
    for ((i = 1; i <= 8; i++)); do total=$((total + b[i] - a[i])); done
    echo $((total > 0 ? 100 * (total - idle) / total : 0))
}

CLK_TCK=$(getconf CLK_TCK)

stat_ticks() { # "busy total" CPU ticks of the whole machine so far; busy is user, nice and system time
    local -a c
    read -r -a c </proc/stat
    echo "$((c[1] + c[2] + c[3])) $((c[1] + c[2] + c[3] + c[4] + c[5] + c[6] + c[7] + c[8]))"
}

proc_ticks() { # user and system CPU ticks the given processes have used so far
    local total=0 pid line
    local -a f
    for pid; do
        [[ -r /proc/$pid/stat ]] || continue
        line=$(<"/proc/$pid/stat")
        read -r -a f <<<"${line##*) }" # fields from the third on: utime and stime are the 14th and 15th
        total=$((total + f[11] + f[12]))
    done
    echo "$total"
}

wrk_ticks() { # sets WRK_TICKS: CPU ticks used so far by this shell's finished children, wrk the bulk of them
    times >"$OUT/times.txt" # in this shell: in a $(...) subshell it would not see them
    WRK_TICKS=$(awk -v hz="$CLK_TCK" 'NR == 2 {
        for (i = 1; i <= 2; i++) { m = $i; sub(/m.*/, "", m); s = $i; sub(/^[0-9]+m/, "", s); sub(/s$/, "", s); t += m * 60 + s }
        printf "%.0f", t * hz }' "$OUT/times.txt")
}

wait_for_quiet() { # prints the CPU % busy with other work once it is at most QUIET%, or after QUIET_WAIT s
    local busy waited=0
    while :; do
        busy=$(cpu_busy 2)
        waited=$((waited + 2))
        if ((busy <= QUIET || waited >= QUIET_WAIT)); then
            ((busy <= QUIET)) || echo "bench: the machine is still ${busy}% busy with other work; measuring anyway" >&2
            echo "$busy"
            return
        fi
        ((waited % 10)) || echo "bench: waiting for other work to finish (${busy}% CPU busy)" >&2
    done
}


# Warms, then measures each of TARGETS ("name|label|url[|extra wrk arguments]"; a name with "nginx" in it is nginx's)
# with wrk, while accounting for where the machine's CPU time goes. Fills RPS, P50, P99, ERRORS, BUSY,
# SERVER_CPU, WRK_CPU, OTHER_CPU, CPU_PER_REQUEST, DB_CPU_PER_REQUEST (the embedded PostgreSQL's, for the app's
# targets) and RESPONSE_KB by name, and CACHE_LINE. The extra arguments are words split on spaces, such as
# "-H Cookie:SESSION=..." or "-s script.lua".
declare -A RPS P50 P99 ERRORS BUSY SERVER_CPU WRK_CPU OTHER_CPU CPU_PER_REQUEST DB_CPU_PER_REQUEST RESPONSE_KB
measure_targets() {
    local target name label url extra busy0 total0 busy1 total1 app0 app1 nginx0 nginx1 pg0 pg1 wrk0 wrk1 total server
    local others requests other0 other1 server0
    local -a nginx_pids wrk_args script_args
    for target in "${TARGETS[@]}"; do
        ((WARMUP > 0)) || break
        IFS='|' read -r name label url extra <<<"$target"
        read -r -a wrk_args <<<"${extra%% -- *}"
        script_args=()
        [[ $extra != *" -- "* ]] || read -r -a script_args <<<"-- ${extra#* -- }"
        log "Warming $label for ${WARMUP}s"
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "${wrk_args[@]}" "$url" "${script_args[@]}" >"$OUT/wrk-$name-warmup.txt"
    done

    # shellcheck disable=SC2207 # pids are numbers
    nginx_pids=("$NGINX_PID" $(ps -o pid= --ppid "$NGINX_PID"))
    local hits_before misses_before hits_after misses_after
    read -r hits_before misses_before < <(page_cache_counts)
    for target in "${TARGETS[@]}"; do
        IFS='|' read -r name label url extra <<<"$target"
        # Arguments after " -- " are the script's, and wrk wants them after the URL.
        read -r -a wrk_args <<<"${extra%% -- *}"
        script_args=()
        [[ $extra != *" -- "* ]] || read -r -a script_args <<<"-- ${extra#* -- }"
        # With nothing of ours under load, any busy CPU is other work that would skew the measurement.
        BUSY[$name]=$(wait_for_quiet)
        log "Measuring $label: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency${extra:+ $extra} $url"
        read -r busy0 total0 < <(stat_ticks)
        app0=$(proc_ticks "$APP_PID")
        # shellcheck disable=SC2046 # pids are numbers
        pg0=$(proc_ticks $(pg_pids))
        nginx0=$(proc_ticks "${nginx_pids[@]}")
        other0=$( ((${#OTHER_PIDS[@]} == 0)) || proc_ticks "${OTHER_PIDS[@]}")
        server0=$([[ -z ${SERVER_PIDS[$name]:-} ]] || proc_ticks "${SERVER_PIDS[$name]}")
        wrk_ticks
        wrk0=$WRK_TICKS
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "${wrk_args[@]}" "$url" "${script_args[@]}" | tee "$OUT/wrk-$name.txt" >&2
        wrk_ticks
        wrk1=$WRK_TICKS
        app1=$(proc_ticks "$APP_PID")
        # shellcheck disable=SC2046
        pg1=$(proc_ticks $(pg_pids))
        nginx1=$(proc_ticks "${nginx_pids[@]}")
        other1=$( ((${#OTHER_PIDS[@]} == 0)) || proc_ticks "${OTHER_PIDS[@]}")
        read -r busy1 total1 < <(stat_ticks)
        # Shares of the whole machine's CPU time (all CPUs) during the measurement.
        total=$((total1 - total0 > 0 ? total1 - total0 : 1))
        if [[ -n ${SERVER_PIDS[$name]:-} ]]; then
            server=$(($(proc_ticks "${SERVER_PIDS[$name]}") - server0))
        elif [[ $name == *nginx* ]]; then
            server=$((nginx1 - nginx0))
        else
            server=$((app1 - app0))
        fi
        others=$((busy1 - busy0 - (app1 - app0) - (pg1 - pg0) - (nginx1 - nginx0) - (${other1:-0} - ${other0:-0}) - (wrk1 - wrk0)))
        SERVER_CPU[$name]=$((100 * server / total))
        WRK_CPU[$name]=$((100 * (wrk1 - wrk0) / total))
        OTHER_CPU[$name]=$((others > 0 ? 100 * others / total : 0))
        requests=$(awk '/ requests in / { print $1 }' "$OUT/wrk-$name.txt")
        # wrk's "836000 requests in 20.01s, 9.29GB read": the average response, headers included
        RESPONSE_KB[$name]=$(awk '/ requests in / {
            v = $5; unit = v; sub(/^[0-9.]+/, "", unit); v += 0
            m = unit == "KB" ? 1 : unit == "MB" ? 1024 : unit == "GB" ? 1048576 : unit == "TB" ? 1073741824 : 1 / 1024
            if ($1 > 0) printf "%.1f", v * m / $1; else print "?" }' "$OUT/wrk-$name.txt")
        CPU_PER_REQUEST[$name]=$(awk -v t="$server" -v hz="$CLK_TCK" -v n="$requests" \
            'BEGIN { if (n > 0) printf "%.0f", t / hz * 1e6 / n; else print "?" }')
        if [[ $name == *nginx* ]]; then
            DB_CPU_PER_REQUEST[$name]=
        else
            DB_CPU_PER_REQUEST[$name]=$(awk -v t="$((pg1 - pg0))" -v hz="$CLK_TCK" -v n="$requests" \
                'BEGIN { if (n > 0) printf "%.0f", t / hz * 1e6 / n; else print "?" }')
        fi
        RPS[$name]=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$OUT/wrk-$name.txt")
        P50[$name]=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$OUT/wrk-$name.txt")")
        P99[$name]=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$OUT/wrk-$name.txt")")
        ERRORS[$name]=$(awk '/Non-2xx or 3xx responses:/ { printf "%s non-2xx/3xx responses; ", $NF }
                             /Socket errors:/ { sub(/^ *Socket errors: */, ""); printf "socket errors: %s; ", $0 }' \
            "$OUT/wrk-$name.txt")
    done
    read -r hits_after misses_after < <(page_cache_counts)
    if [[ $hits_before == "?" || $hits_after == "?" ]]; then
        CACHE_LINE="could not be read from /actuator/prometheus"
    else
        CACHE_LINE="$((hits_after - hits_before)) hits, $((misses_after - misses_before)) misses"
    fi
}

# --- Report -----------------------------------------------------------------------------------------------

ms() { awk -v v="$1" 'BEGIN { if (v == "?") print "?"; else if (v < 10) printf "%.2f ms", v; else printf "%.1f ms", v }'; }
thousands() { echo "$1" | sed ':a; s/\B[0-9]\{3\}\>/,&/; ta'; }
percent() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f%%", 100 * a / b; else print "?" }'; }

machine_line() {
    echo "$(nproc) CPUs ($(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)), $(awk '/^MemTotal:/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo) GiB memory, Linux $(uname -r); $(damon_line)"
}
