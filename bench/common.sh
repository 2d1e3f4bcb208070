#!/usr/bin/env bash
# What every script under bench/ and deploy/drills/ shares: messages, the JDK, and writing a section of a
# report file between markers. Sourced; the sourcing script sets REPORT.

log() { printf '\n==> %s\n' "$*" >&2; }
die() { printf '%s: %s\n' "$(basename "$0" .sh)" "$*" >&2; exit 1; }

if [[ -z ${JAVA_HOME:-} && -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
    export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
if [[ -n ${JAVA_HOME:-} ]]; then
    JAVA=$JAVA_HOME/bin/java
else
    JAVA=$(command -v java) || die "no JDK found: set JAVA_HOME to a JDK 21 or newer"
fi

# Writes the section file $3 into REPORT between the markers $1 and $2, replacing what was there; a new
# REPORT starts with the heading and line $4.
write_report() {
    local start=$1 end=$2 section=$3
    local opening=${4:-$'# Benchmarks\n\nMeasurements of Masthead, written by the scripts under `bench/`.'}
    mkdir -p "$(dirname "$REPORT")"
    if [[ ! -f $REPORT ]]; then
        printf '%s\n' "$opening" >"$REPORT"
    fi
    if grep -qF "$start" "$REPORT" && grep -qF "$end" "$REPORT"; then
        awk -v start="$start" -v end="$end" -v file="$section" '
            $0 == start { while ((getline line < file) > 0) print line; skipping = 1; next }
            $0 == end { skipping = 0; next }
            !skipping { print }' "$REPORT" >"$REPORT.tmp"
        mv "$REPORT.tmp" "$REPORT"
    else
        { [[ -s $REPORT ]] && echo; cat "$section"; } >>"$REPORT"
    fi
}
