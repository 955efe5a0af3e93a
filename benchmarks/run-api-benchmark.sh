#!/usr/bin/env bash
# Measures the API server on this machine: builds it and the load tool, starts the server against a fresh
# embedded PostgreSQL in a temporary KUBELITE_HOME on a free loopback port, runs the load tool, prints its
# report and the CPU each process used, then stops the server (which stops its PostgreSQL).
#
#   benchmarks/run-api-benchmark.sh [load tool options]     e.g. --pods 5000 --clients 64 --out report.md
#
# Environment: SKIP_BUILD=1 reuses the jars already in target/; KEEP_HOME=1 keeps the temporary
# KUBELITE_HOME (server log, database) for a look afterwards; SERVER_JAVA_OPTS is passed to the server's JVM.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VERSION=0.1.0
SERVER_JAR=$ROOT/api-server-service/target/api-server-service-$VERSION.jar
TOOL_JAR=$ROOT/benchmarks/target/benchmarks-$VERSION.jar
READY_LIMIT_SECONDS=120
STOP_LIMIT_SECONDS=30

say() { printf 'run-api-benchmark: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

# An HTTP status line from a loopback port, in plain bash so curl is not needed.
http_status() {
  { exec 3<>"/dev/tcp/127.0.0.1/$1" &&
    printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$2" >&3 &&
    head -n 1 <&3 | cut -d' ' -f2; } 2>/dev/null
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    port_in_use "$port" || { echo "$port"; return; }
  done
  die "found no free port"
}

# user+system CPU seconds a process has used so far (fields 14 and 15 of /proc/PID/stat, in clock ticks)
cpu_seconds() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || { echo 0; return; }
  stat=${stat##*) }
  awk -v ticks="$(getconf CLK_TCK)" '{ printf "%.1f", ($12 + $13) / ticks }' <<<"$stat"
}

# the PostgreSQL postmaster serving our temporary home: the postgres process whose command line names it
postmaster_pid() {
  local pid
  for pid in $(pgrep -x postgres || true); do
    grep -qF "$KUBELITE_HOME" "/proc/$pid/cmdline" 2>/dev/null && { echo "$pid"; return 0; }
  done
  return 0
}

# the postmaster and its backends
postgres_pids() {
  local postmaster
  postmaster=$(postmaster_pid)
  [ -n "$postmaster" ] || return 0
  echo "$postmaster"
  pgrep -P "$postmaster" || true
}

cpu_report() {
  local label=$1 server_cpu=0 pg_cpu=0 pid
  [ -n "${SERVER_PID:-}" ] && server_cpu=$(cpu_seconds "$SERVER_PID")
  for pid in $(postgres_pids); do
    pg_cpu=$(awk -v a="$pg_cpu" -v b="$(cpu_seconds "$pid")" 'BEGIN { printf "%.1f", a + b }')
  done
  say "$label: api server ${server_cpu} s CPU, postgres ${pg_cpu} s CPU (since start, user+system)"
}

stop_server() {
  [ -n "${SERVER_PID:-}" ] || return 0
  if kill -0 "$SERVER_PID" 2>/dev/null; then
    cpu_report "CPU used"
    kill -TERM "$SERVER_PID"
    for _ in $(seq 1 "$STOP_LIMIT_SECONDS"); do
      kill -0 "$SERVER_PID" 2>/dev/null || break
      sleep 1
    done
    if kill -0 "$SERVER_PID" 2>/dev/null; then
      say "api server did not stop in ${STOP_LIMIT_SECONDS} s; killing pid $SERVER_PID"
      kill -KILL "$SERVER_PID"
    fi
  fi
  # a server that died hard leaves its PostgreSQL behind: stop it (fast shutdown) by its own pid
  local leftover
  leftover=$(postmaster_pid)
  if [ -n "$leftover" ]; then
    say "stopping PostgreSQL left running by the server (pid $leftover)"
    kill -INT "$leftover" 2>/dev/null || true
  fi
  SERVER_PID=
}

cleanup() {
  set +e  # clean up as much as possible whatever fails
  stop_server
  if [ "${KEEP_HOME:-0}" = 1 ]; then
    say "kept $KUBELITE_HOME"
  else
    rm -rf "$KUBELITE_HOME"
  fi
}

command -v java >/dev/null || die "Java 17 is needed"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  command -v mvn >/dev/null || die "Maven is needed"
  say "building api-server-service and benchmarks..."
  (cd "$ROOT" && mvn -B -ntp -q -pl api-server-service,benchmarks -am package -DskipTests) || die "build failed"
fi
[ -f "$SERVER_JAR" ] || die "missing $SERVER_JAR"
[ -f "$TOOL_JAR" ] || die "missing $TOOL_JAR"

KUBELITE_HOME=$(mktemp -d /tmp/kube-lite-bench.XXXXXX)
export KUBELITE_HOME
unset KUBELITE_DB_URL
trap cleanup EXIT
trap 'exit 130' INT TERM

PORT=$(free_port)
LOG=$KUBELITE_HOME/api-server.log
say "starting the api server on port $PORT (KUBELITE_HOME=$KUBELITE_HOME, log $LOG)"
# shellcheck disable=SC2086 # SERVER_JAVA_OPTS is a list of JVM options
java ${SERVER_JAVA_OPTS:-} -jar "$SERVER_JAR" --server.port="$PORT" >"$LOG" 2>&1 &
SERVER_PID=$!

started=$SECONDS
until [ "$(http_status "$PORT" /actuator/health/readiness)" = 200 ]; do
  kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 30 "$LOG" >&2; die "the api server exited; log above"; }
  [ $((SECONDS - started)) -lt "$READY_LIMIT_SECONDS" ] ||
    die "the api server was not ready in ${READY_LIMIT_SECONDS} s"
  sleep 0.5
done
say "api server ready in $((SECONDS - started)) s (pid $SERVER_PID)"
cpu_report "CPU at start"

POSTMASTER_PID=$(postmaster_pid)
java -jar "$TOOL_JAR" --server "http://127.0.0.1:$PORT" --server-pid "$SERVER_PID" \
  ${POSTMASTER_PID:+--postgres-pid "$POSTMASTER_PID"} "$@"
