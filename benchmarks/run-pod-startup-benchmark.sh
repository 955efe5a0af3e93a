#!/usr/bin/env bash
# Measures pod startup latency on this machine: starts a whole kube-lite (API server, scheduler, node
# agents) with deploy/kube-lite in a temporary KUBELITE_HOME on free ports, creates pods at a steady rate,
# prints the create-to-Running latency as a watcher sees it, then stops everything.
#
#   benchmarks/run-pod-startup-benchmark.sh simulated|docker [tool options]   e.g. docker --pods 200 --rate 20
#
# simulated: KUBELITE_NODES (default 2) agents, each simulating one node; docker: that many agents running
# real containers of the local image kubelite/busybox:1. KEEP_HOME=1 keeps the temporary home afterwards.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TOOL_JAR=$ROOT/benchmarks/target/benchmarks-0.1.0.jar
RUNTIME=${1:-}
[ "$RUNTIME" = simulated ] || [ "$RUNTIME" = docker ] || {
  sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
shift

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    port_in_use "$port" || port_in_use $((port + 1)) || port_in_use $((port + 2)) || { echo "$port"; return; }
  done
  echo "no free port" >&2; exit 1
}

[ -f "$TOOL_JAR" ] || (cd "$ROOT" && mvn -B -ntp -q -pl benchmarks -am package -DskipTests)

export KUBELITE_HOME
KUBELITE_HOME=$(mktemp -d /tmp/kubelite-startup-XXXX)
export KUBELITE_API_PORT KUBELITE_SCHEDULER_PORT KUBELITE_CONTROLLER_MANAGER_PORT KUBELITE_AGENT_PORT KUBELITE_RUNTIME=$RUNTIME
KUBELITE_API_PORT=$(free_port)
KUBELITE_SCHEDULER_PORT=$(free_port)
KUBELITE_CONTROLLER_MANAGER_PORT=$(free_port)
KUBELITE_AGENT_PORT=$(free_port)
stop() {
  "$ROOT/deploy/kube-lite" down >/dev/null || true
  [ "${KEEP_HOME:-}" = 1 ] && echo "home kept: $KUBELITE_HOME" || rm -rf "$KUBELITE_HOME"
}
trap stop EXIT

"$ROOT/deploy/kube-lite" up >/dev/null
echo "kube-lite up in $KUBELITE_HOME (runtime $RUNTIME, API port $KUBELITE_API_PORT)"
java -cp "$TOOL_JAR" io.kubelite.benchmarks.startup.PodStartupBenchmark \
  --server "http://localhost:$KUBELITE_API_PORT" "$@"
