# Sourced by the benchmark scripts that measure a whole kube-lite: starts one with deploy/kube-lite up in a
# temporary KUBELITE_HOME on free ports (KUBELITE_RUNTIME and KUBELITE_NODES as the caller exported them) and
# stops it, removing the home unless KEEP_HOME=1, when the script exits.

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A free port whose next two are free too (agents take consecutive ports).
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    port_in_use "$port" || port_in_use $((port + 1)) || port_in_use $((port + 2)) || { echo "$port"; return; }
  done
  echo "no free port" >&2; exit 1
}

stop_local_cluster() {
  "$ROOT/deploy/kube-lite" down >/dev/null || true
  if [ "${KEEP_HOME:-}" = 1 ]; then echo "home kept: $KUBELITE_HOME"; else rm -rf "$KUBELITE_HOME"; fi
}

# start_local_cluster NAME: NAME goes into the temporary home's name
start_local_cluster() {
  [ -f "$ROOT/benchmarks/target/benchmarks-0.1.0.jar" ] ||
    (cd "$ROOT" && mvn -B -ntp -q -pl benchmarks -am package -DskipTests)
  export KUBELITE_HOME KUBELITE_API_PORT KUBELITE_SCHEDULER_PORT KUBELITE_CONTROLLER_MANAGER_PORT KUBELITE_AGENT_PORT
  KUBELITE_HOME=$(mktemp -d "/tmp/kubelite-$1-XXXX")
  KUBELITE_API_PORT=$(free_port)
  KUBELITE_SCHEDULER_PORT=$(free_port)
  KUBELITE_CONTROLLER_MANAGER_PORT=$(free_port)
  KUBELITE_AGENT_PORT=$(free_port)
  trap stop_local_cluster EXIT
  "$ROOT/deploy/kube-lite" up >/dev/null
}
