# Releases: kube-lite installed on this machine from a values file, Helm style. Sourced by deploy/kube-lite,
# whose functions it uses (start_component, healthy, pid_of, build_missing, need_java_and_maven, say, die).
#
# A release lives in $KUBELITE_HOME/releases/RELEASE:
#   values.yaml   the resolved values (deploy/values.yaml, then each -f, then each --set); upgrade starts from them
#   run/          pid and port of each component, and `instances`, the components started (name:module:port)
#   logs/         one log per component
#   lib/          the copies of the jars its components run (runnable_copy), so that a rebuild of the source
#                 tree never swaps a jar under a running component; upgrade rolls out a new build
#   data/         the components' KUBELITE_HOME: the embedded PostgreSQL, when database.url is empty
# uninstall removes all but data/ (and data/ too with --purge).

RELEASES_DIR=$KUBELITE_HOME/releases
declare -A VALUES

release_usage() {
  die "usage: kube-lite $1 RELEASE [-f VALUES.yaml]... [--set KEY=VALUE]..."
}

# use_release NAME: points the functions of deploy/kube-lite at the release's directories
use_release() {
  [[ $1 =~ ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$ ]] ||
    die "release name '$1' must be lowercase letters, digits and '-', starting and ending with a letter or digit"
  RELEASE=$1
  RELEASE_DIR=$RELEASES_DIR/$1
  RUN_DIR=$RELEASE_DIR/run
  LOG_DIR=$RELEASE_DIR/logs
  LIB_DIR=$RELEASE_DIR/lib
  KUBELITE_HOME=$RELEASE_DIR/data
}

release_exists() { [ -f "$RELEASE_DIR/values.yaml" ]; }

# resolve_values OUT [-f FILE | --set K=V]...: checks and writes the values to OUT and loads them into VALUES
resolve_values() {
  local out=$1 flat line
  shift
  flat=$(java "$ROOT/deploy/ReleaseValues.java" "$ROOT/deploy/values.yaml" "$@" --out "$out") || exit 1
  VALUES=()
  VALUES_FLAT=$flat
  while IFS= read -r line; do VALUES[${line%%=*}]=${line#*=}; done <<<"$flat"
}

# say_changes OLD_FLAT: each value that differs from OLD_FLAT (key=value lines), passwords masked
say_changes() {
  local -A before=()
  local line key changed=0
  while IFS= read -r line; do before[${line%%=*}]=${line#*=}; done <<<"$1"
  while IFS= read -r line; do
    key=${line%%=*}
    [ "${before[$key]}" = "${VALUES[$key]}" ] && continue
    changed=1
    if [[ $key == *password* ]]; then say "  $key: (changed)"; else say "  $key: '${before[$key]}' -> '${VALUES[$key]}'"; fi
  done <<<"$VALUES_FLAT"
  [ $changed = 1 ] || say "  (no value changed: the components restart on the same values, e.g. to run new builds)"
}

load_values() { resolve_values /dev/null -f "$RELEASE_DIR/values.yaml"; }

# name:module:port of every component the values ask for, in start order
release_instances() {
  local entry key name module count port i
  # the controller manager judges nodes by their agents' heartbeats: it starts after them and stops before them
  for entry in apiServer:api-server:api-server-service:replicas scheduler:scheduler:scheduler-service:replicas \
               nodeAgents:node-agent:node-agent-service:count \
               controllerManager:controller-manager:controller-manager-service:replicas; do
    IFS=: read -r key name module count <<<"$entry"
    port=${VALUES[$key.port]}
    for (( i=1; i<=${VALUES[$key.$count]}; i++ )); do echo "$name-$i:$module:$((port + i - 1))"; done
  done
}

started_instances() {
  [ -f "$RUN_DIR/instances" ] && cat "$RUN_DIR/instances"
  return 0
}

port_answers() { { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null; }

# The service arguments of one component: the values of its kind, and for node agents the nodes it hosts.
instance_args() {
  local name=$1 key number=${1##*-} per_agent
  case "$name" in
    api-server-*) key=apiServer ;;
    scheduler-*) key=scheduler ;;
    controller-manager-*) key=controllerManager ;;
    node-agent-*) key=nodeAgents ;;
  esac
  if [ "$key" = nodeAgents ]; then
    per_agent=${VALUES[nodeAgents.nodesPerAgent]}
    echo "--kubelite.agent.runtime=${VALUES[nodeAgents.runtime]}"
    if [ "${VALUES[nodeAgents.runtime]}" = docker ]; then
      echo "--kubelite.agent.node-name=${VALUES[nodeAgents.nodeNamePrefix]}-$number"
    else
      echo "--kubelite.agent.node-name=${VALUES[nodeAgents.nodeNamePrefix]}"
      echo "--kubelite.agent.nodes=$per_agent"
      echo "--kubelite.agent.first-node=$(( (number - 1) * per_agent + 1 ))"
    fi
    [ -z "${VALUES[nodeAgents.capacity.cpu]}" ] || echo "--kubelite.agent.capacity.cpu=${VALUES[nodeAgents.capacity.cpu]}"
    [ -z "${VALUES[nodeAgents.capacity.memory]}" ] || echo "--kubelite.agent.capacity.memory=${VALUES[nodeAgents.capacity.memory]}"
    echo "--kubelite.agent.capacity.pods=${VALUES[nodeAgents.capacity.pods]}"
  fi
  # shellcheck disable=SC2086 # args is a list of words by design
  [ -z "${VALUES[$key.args]}" ] || printf '%s\n' ${VALUES[$key.args]}
  echo "JVM ${VALUES[jvmOptions]} ${VALUES[$key.jvmOptions]}"
}

# The database the components use: the values' external PostgreSQL, or the embedded one in the release's home,
# whatever KUBELITE_DB_* the calling shell holds.
export_database() {
  if [ -n "${VALUES[database.url]}" ]; then
    export KUBELITE_DB_URL=${VALUES[database.url]} KUBELITE_DB_USER=${VALUES[database.user]}
    export KUBELITE_DB_PASSWORD=${VALUES[database.password]}
  else
    unset KUBELITE_DB_URL KUBELITE_DB_USER KUBELITE_DB_PASSWORD
  fi
}

prepare_runtime() {
  [ "${VALUES[nodeAgents.count]}" -gt 0 ] || return 0
  if [ "${VALUES[nodeAgents.runtime]}" = docker ]; then
    "$ROOT/deploy/docker-engine" start
    "$ROOT/deploy/docker-engine" image
    eval "$("$ROOT/deploy/docker-engine" env)"
    say "Node agents run pods as Docker containers ($DOCKER_HOST)"
  else
    say "Node agents simulate pods (nodeAgents.runtime=simulated)"
  fi
}

# start_instance NAME:MODULE:PORT: starts one component and waits until it is ready
start_instance() {
  local name module port arg jvm=() args=()
  IFS=: read -r name module port <<<"$1"
  if ! pid_of "$name" >/dev/null && port_answers "$port"; then
    die "port $port for $name is taken by another program; choose other ports in the values (see deploy/values.yaml)"
  fi
  while IFS= read -r arg; do
    # shellcheck disable=SC2206 # JVM options are a list of words by design
    if [[ $arg == "JVM "* ]]; then jvm=(${arg#JVM }); else args+=("$arg"); fi
  done < <(instance_args "$name")
  JDK_JAVA_OPTIONS="${jvm[*]}" DOCKER_HOST=${DOCKER_HOST:-} start_component "$name" "$module" "$port" "${args[@]}"
}

stop_instance() {
  local name=$1 pid
  if pid=$(pid_of "$name"); then
    kill "$pid"
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    say "Stopped $name (pid $pid)"
  fi
  rm -f "$RUN_DIR/$name.pid" "$RUN_DIR/$name.port"
}

# release_args ARGS...: the -f / --set arguments of install and upgrade, checked
release_args() {
  RELEASE_ARGS=()
  while [ $# -gt 0 ]; do
    case "$1" in
      -f|--values) [ $# -ge 2 ] && [ -f "$2" ] || die "$1 needs a values file, not '${2:-}'"
                   RELEASE_ARGS+=(-f "$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"); shift 2 ;;
      --set) [ $# -ge 2 ] || die "--set needs KEY=VALUE"; RELEASE_ARGS+=(--set "$2"); shift 2 ;;
      *) die "unknown argument '$1' (expected -f VALUES.yaml or --set KEY=VALUE)" ;;
    esac
  done
}

cmd_install() {
  [ $# -ge 1 ] || release_usage install
  use_release "$1"
  shift
  release_args "$@"
  release_exists && die "release $RELEASE already exists ($RELEASE_DIR); change it with: deploy/kube-lite upgrade $RELEASE, or remove it first with: deploy/kube-lite uninstall $RELEASE"
  need_java_and_maven
  local checked
  checked=$(mktemp)
  resolve_values "$checked" "${RELEASE_ARGS[@]}"
  (umask 077 && mkdir -p "$RUN_DIR" "$LOG_DIR" "$KUBELITE_HOME") && mv "$checked" "$RELEASE_DIR/values.yaml"
  [ -d "$KUBELITE_HOME/postgres" ] && [ -z "${VALUES[database.url]}" ] && say "Reusing the data a previous install of $RELEASE left in $KUBELITE_HOME"
  build_missing
  export_database
  prepare_runtime
  release_instances >"$RUN_DIR/instances"
  while IFS= read -r instance; do start_instance "$instance"; done <"$RUN_DIR/instances"
  say ""
  say "Release $RELEASE is installed ($RELEASE_DIR)"
  release_endpoints
  say "  deploy/kube-lite status $RELEASE | deploy/kube-lite upgrade $RELEASE --set KEY=VALUE | deploy/kube-lite uninstall $RELEASE"
}

release_endpoints() {
  local port=${VALUES[apiServer.port]} i
  for (( i=0; i<${VALUES[apiServer.replicas]}; i++ )); do say "  API:        http://localhost:$((port + i))"; done
  say "  Swagger UI: http://localhost:$port/swagger-ui/index.html"
  if [ -n "${VALUES[database.url]}" ]; then say "  Database:   ${VALUES[database.url]}"; else say "  Database:   embedded, in $KUBELITE_HOME"; fi
}

cmd_upgrade() {
  [ $# -ge 1 ] || release_usage upgrade
  use_release "$1"
  shift
  release_args "$@"
  release_exists || die "release $RELEASE is not installed; install it with: deploy/kube-lite install $RELEASE"
  need_java_and_maven
  local next old old_values instance name
  next=$(mktemp)
  load_values
  old_values=$VALUES_FLAT
  resolve_values "$next" -f "$RELEASE_DIR/values.yaml" "${RELEASE_ARGS[@]}"
  old=$(started_instances)
  say "Upgrading $RELEASE; values changed:"
  say_changes "$old_values"
  mv "$next" "$RELEASE_DIR/values.yaml"
  build_missing
  export_database
  prepare_runtime
  release_instances >"$RUN_DIR/instances"
  say "Restarting components one at a time, each ready before the next; API servers first, controller managers last"
  while IFS= read -r instance; do
    name=${instance%%:*}
    if pid_of "$name" >/dev/null; then say "Restarting $name"; stop_instance "$name"; fi
    start_instance "$instance"
  done <"$RUN_DIR/instances"
  for instance in $old; do
    name=${instance%%:*}
    grep -q "^$name:" "$RUN_DIR/instances" || { say "Removing $name (no longer in the values)"; stop_instance "$name"; }
  done
  say ""
  say "Release $RELEASE is upgraded"
  release_endpoints
}

cmd_uninstall() {
  [ $# -ge 1 ] || die "usage: kube-lite uninstall RELEASE [--purge]"
  use_release "$1"
  local purge=${2:-}
  [ -z "$purge" ] || [ "$purge" = --purge ] || die "unknown argument '$purge' (expected --purge)"
  release_exists || [ -d "$RELEASE_DIR" ] || die "release $RELEASE is not installed"
  local names
  # the reverse of start order
  names=$(started_instances | cut -d: -f1 | tac)
  for name in $names; do stop_instance "$name"; done
  stop_leftover_postgres
  if [ "$purge" = --purge ]; then
    rm -rf "$RELEASE_DIR"
    say "Release $RELEASE is uninstalled, its data removed"
  else
    rm -rf "$RELEASE_DIR/values.yaml" "$LIB_DIR" "$RUN_DIR" "$LOG_DIR"
    say "Release $RELEASE is uninstalled; its data stays in $KUBELITE_HOME (uninstall --purge removes it, install $RELEASE reuses it)"
  fi
}

# The last component out stops the embedded PostgreSQL; one killed with -9 cannot, so it is stopped here.
stop_leftover_postgres() {
  local pid_file=$KUBELITE_HOME/postgres/postmaster.pid pid
  [ -f "$pid_file" ] || return 0
  pid=$(head -n 1 "$pid_file")
  kill -0 "$pid" 2>/dev/null || return 0
  kill -INT "$pid"
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  say "Stopped the embedded PostgreSQL (pid $pid)"
}

cmd_release_status() {
  use_release "$1"
  release_exists || die "release $RELEASE is not installed (installed: $(installed_releases))"
  load_values
  say "Release $RELEASE ($RELEASE_DIR, values in values.yaml, logs in logs/)"
  release_endpoints
  say "  Nodes:      ${VALUES[nodeAgents.count]} agents of ${VALUES[nodeAgents.nodesPerAgent]} node(s) each, runtime ${VALUES[nodeAgents.runtime]}"
  say ""
  local name port pid health
  printf '%-22s %-8s %-6s %s\n' COMPONENT PID PORT HEALTH
  while IFS=: read -r name _ port; do
    if pid=$(pid_of "$name"); then
      if healthy "$port"; then health=ready; else health=starting; fi
      printf '%-22s %-8s %-6s %s\n' "$name" "$pid" "$port" "$health"
    else
      printf '%-22s %-8s %-6s %s\n' "$name" - "$port" stopped
    fi
  done < <(started_instances)
}

installed_releases() {
  local values names=()
  for values in "$RELEASES_DIR"/*/values.yaml; do [ -f "$values" ] && names+=("$(basename "$(dirname "$values")")"); done
  [ ${#names[@]} -gt 0 ] && echo "${names[*]}" || echo none
}
