#!/usr/bin/env bash
# Measures node failure recovery on this machine: starts a whole kube-lite (API server, scheduler, controller
# manager, KUBELITE_NODES=3 simulated nodes, one agent process each) with deploy/kube-lite in a temporary
# KUBELITE_HOME on free ports, runs a 6-replica Deployment, then 10 times SIGKILLs the agent of the node with
# the most of its pods and times the kill to all replicas Running on the other nodes (the agent is started again
# with deploy/kube-lite up between trials); prints each trial and p50/p99, then stops everything.
#
#   benchmarks/run-node-recovery-benchmark.sh [--trials 10] [--replicas 6] [--cpu 500m]
#
# KEEP_HOME=1 keeps the temporary home (logs) afterwards.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TOOL_JAR=$ROOT/benchmarks/target/benchmarks-0.1.0.jar

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

export KUBELITE_HOME KUBELITE_NODES=${KUBELITE_NODES:-3} KUBELITE_RUNTIME=simulated
KUBELITE_HOME=$(mktemp -d /tmp/kubelite-recovery-XXXX)
export KUBELITE_API_PORT KUBELITE_SCHEDULER_PORT KUBELITE_CONTROLLER_MANAGER_PORT KUBELITE_AGENT_PORT
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
echo "kube-lite up in $KUBELITE_HOME ($KUBELITE_NODES simulated nodes, API port $KUBELITE_API_PORT)"
java -cp "$TOOL_JAR" io.kubelite.benchmarks.recovery.NodeRecoveryBenchmark \
  --server "http://localhost:$KUBELITE_API_PORT" --home "$KUBELITE_HOME" --kube-lite "$ROOT/deploy/kube-lite" "$@"
