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

source "$ROOT/benchmarks/local-cluster.bash"
export KUBELITE_RUNTIME=$RUNTIME
start_local_cluster startup
echo "kube-lite up in $KUBELITE_HOME (runtime $RUNTIME, API port $KUBELITE_API_PORT)"
java -cp "$TOOL_JAR" io.kubelite.benchmarks.startup.PodStartupBenchmark \
  --server "http://localhost:$KUBELITE_API_PORT" "$@"
