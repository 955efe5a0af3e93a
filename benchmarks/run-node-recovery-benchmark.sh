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

source "$ROOT/benchmarks/local-cluster.bash"
export KUBELITE_NODES=${KUBELITE_NODES:-3} KUBELITE_RUNTIME=simulated
start_local_cluster recovery
echo "kube-lite up in $KUBELITE_HOME ($KUBELITE_NODES simulated nodes, API port $KUBELITE_API_PORT)"
java -cp "$TOOL_JAR" io.kubelite.benchmarks.recovery.NodeRecoveryBenchmark \
  --server "http://localhost:$KUBELITE_API_PORT" --home "$KUBELITE_HOME" --kube-lite "$ROOT/deploy/kube-lite" "$@"
