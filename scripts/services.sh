#!/usr/bin/env bash
# The real services the integration tests talk to, each on 127.0.0.1 only, on free ports, in its own
# folder under the state dir:
#   - dockerd: its own unix socket, data and exec roots; no bridge, no iptables, no TCP listener.
#     Builds and containers use host networking.
#   - the distribution registry (Debian docker-registry), delete enabled.
#   - Prometheus, scraping every 1 s the targets tests write to <state>/targets/<name>.json.
#
# Usage: scripts/services.sh start|stop|status   (npm run services start)
#   start   installs the Debian packages when missing (as root), starts the services, waits until each
#           answers, writes <state>/env (export lines for the tests) and prints it. When they already
#           run it only prints the env.
#   stop    stops what start started (by pid file, never anything else) and removes the state.
#   status  tells what runs; exits 1 when a service is not running.
#
# The state dir is ${SLIPWAY_SERVICES_DIR:-$PWD/.cache/services}; SLIPWAY_SERVICES_TIMEOUT (seconds,
# default 60) bounds the wait for each service.
#
# Docker client: Debian 12 has no docker-buildx package. The Debian client (/usr/bin/docker, 20.10)
# has BuildKit built into `docker build`, so `DOCKER_BUILDKIT=1 /usr/bin/docker build --network host`
# works against this daemon. A newer client first on PATH (/usr/local/bin/docker, 28.x) refuses
# BuildKit builds without buildx and falls back to the deprecated legacy builder, so tests use
# /usr/bin/docker (SLIPWAY_TEST_DOCKER). Images are built FROM scratch: nothing is pulled.
set -euo pipefail

STATE=${SLIPWAY_SERVICES_DIR:-$PWD/.cache/services}
TIMEOUT=${SLIPWAY_SERVICES_TIMEOUT:-60}
DOCKER=/usr/bin/docker
DOCKERD=/usr/sbin/dockerd
REGISTRY=/usr/bin/docker-registry
PROMETHEUS=/usr/bin/prometheus
SERVICES=(dockerd registry prometheus)

log() { echo "services: $*" >&2; }
die() {
  log "error: $*"
  exit 1
}

binary_of() {
  case $1 in
    dockerd) echo "$DOCKERD" ;;
    registry) echo "$REGISTRY" ;;
    prometheus) echo "$PROMETHEUS" ;;
  esac
}

install_packages() {
  local missing=()
  [[ -x $DOCKERD && -x $DOCKER ]] || missing+=(docker.io)
  [[ -x $REGISTRY ]] || missing+=(docker-registry)
  [[ -x $PROMETHEUS ]] || missing+=(prometheus)
  command -v curl >/dev/null || missing+=(curl)
  command -v skopeo >/dev/null || missing+=(skopeo)         # bench/copy.mjs compares with it
  command -v htpasswd >/dev/null || missing+=(apache2-utils) # bcrypt htpasswd for auth tests
  command -v Rscript >/dev/null || missing+=(r-base-core)     # the judge is checked against wilcox.test
  command -v openssl >/dev/null || missing+=(openssl)         # certificates of the TLS test servers
  ((${#missing[@]} > 0)) || return 0
  [[ $EUID -eq 0 ]] || die "missing Debian packages (${missing[*]}): run as root to install them"
  log "installing ${missing[*]}"
  # Package scripts must not start the system's own dockerd (with its bridge and iptables rules),
  # registry or Prometheus: policy-rc.d answering 101 forbids it for the length of the install.
  local policy=/usr/sbin/policy-rc.d created=''
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod +x "$policy"
    created=1
  fi
  local status=0
  {
    apt-get update -q &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  } >&2 || status=$?
  [[ -z $created ]] || rm -f "$policy"
  ((status == 0)) || die "apt-get failed (exit $status) installing ${missing[*]}"
}

# Node is there: this is a Node project. The port may be taken again before the service binds it;
# the service then fails to start and says so.
free_port() {
  node -e "const s = require('net').createServer()
s.listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close() })"
}

# The pid of a service when it runs and is ours: the right binary, started with our state dir.
pid_of() {
  local file=$STATE/$1/pid pid
  [[ -r $file ]] || return 1
  pid=$(<"$file")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  [[ $(readlink "/proc/$pid/exe" 2>/dev/null) == "$(readlink -f "$(binary_of "$1")")" ]] || return 1
  tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$STATE/" || return 1
  echo "$pid"
}

# Starts a daemon in its own session, output in <dir>/<name>.log, pid in <dir>/pid. (A background
# job of a script is no process group leader, so setsid execs the daemon without forking.)
launch() {
  local name=$1
  shift
  setsid "$@" </dev/null >"$STATE/$name/$name.log" 2>&1 &
  echo $! >"$STATE/$name/pid"
}

fail_start() {
  log "error: $1 $2; last lines of $STATE/$1/$1.log:"
  tail -n 40 "$STATE/$1/$1.log" >&2 || true
  stop_all
  exit 1
}

wait_until_ready() {
  local name=$1 deadline=$((SECONDS + TIMEOUT)) pid
  shift
  pid=$(<"$STATE/$name/pid")
  until "$@" >/dev/null 2>&1; do
    [[ -e /proc/$pid/exe ]] || fail_start "$name" 'exited while starting'
    ((SECONDS < deadline)) || fail_start "$name" "did not answer within ${TIMEOUT}s"
    sleep 0.2
  done
  pid_of "$name" >/dev/null || fail_start "$name" "answers, but pid $pid is not $(binary_of "$name")"
}

# --noproxy: these requests must go to 127.0.0.1, never through a proxy from the environment.
http_ok() { curl -fsS --noproxy '*' --max-time 2 -o /dev/null "$1"; }

start_dockerd() {
  local dir=$STATE/dockerd
  mkdir -p "$dir/data" "$dir/exec"
  # The daemon and its containerd put sockets under the exec root; a unix socket path has at
  # most 107 bytes.
  local longest=$dir/exec/containerd/containerd.sock.ttrpc
  ((${#longest} < 100)) || die "state dir $STATE is too deep for unix sockets: set SLIPWAY_SERVICES_DIR"
  echo '{}' >"$dir/daemon.json"
  # --config-file: ignore /etc/docker/daemon.json. --ip-forward=false: leave the host's sysctls
  # alone. The containerd namespaces keep us apart should a system containerd be running (dockerd
  # uses it instead of starting its own).
  launch dockerd "$DOCKERD" \
    --config-file="$dir/daemon.json" \
    --host="unix://$dir/docker.sock" \
    --data-root="$dir/data" \
    --exec-root="$dir/exec" \
    --pidfile="$dir/dockerd.pid" \
    --bridge=none --iptables=false --ip6tables=false --ip-masq=false --ip-forward=false \
    --containerd-namespace=slipway-test --containerd-plugins-namespace=slipway-test-plugins
  wait_until_ready dockerd env DOCKER_HOST="unix://$dir/docker.sock" "$DOCKER" version
}

start_registry() {
  local dir=$STATE/registry port
  port=$(free_port)
  mkdir -p "$dir/data"
  cat >"$dir/config.yml" <<EOF
version: 0.1
log:
  level: info
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $dir/data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
EOF
  launch registry "$REGISTRY" serve "$dir/config.yml"
  wait_until_ready registry http_ok "http://127.0.0.1:$port/v2/"
  echo "$port" >"$dir/port"
}

start_prometheus() {
  local dir=$STATE/prometheus port
  port=$(free_port)
  mkdir -p "$dir/data" "$STATE/targets"
  cat >"$dir/prometheus.yml" <<EOF
global:
  scrape_interval: 1s
  scrape_timeout: 1s
  evaluation_interval: 1s
scrape_configs:
  - job_name: slipway-test
    file_sd_configs:
      - files: ['$STATE/targets/*.json']
        refresh_interval: 1s
EOF
  launch prometheus "$PROMETHEUS" \
    --config.file="$dir/prometheus.yml" \
    --storage.tsdb.path="$dir/data" \
    --web.listen-address="127.0.0.1:$port" \
    --web.enable-lifecycle
  wait_until_ready prometheus http_ok "http://127.0.0.1:$port/-/ready"
  echo "$port" >"$dir/port"
}

write_env() {
  {
    printf 'export %s=%q\n' \
      SLIPWAY_TEST_DOCKER_HOST "unix://$STATE/dockerd/docker.sock" \
      SLIPWAY_TEST_DOCKER "$DOCKER" \
      SLIPWAY_TEST_REGISTRY "127.0.0.1:$(<"$STATE/registry/port")" \
      SLIPWAY_TEST_PROMETHEUS "http://127.0.0.1:$(<"$STATE/prometheus/port")" \
      SLIPWAY_TEST_PROMETHEUS_TARGETS "$STATE/targets" \
      SLIPWAY_TEST_SERVICES_DIR "$STATE"
  } >"$STATE/env"
}

all_running() {
  local name
  [[ -f $STATE/env ]] || return 1
  for name in "${SERVICES[@]}"; do pid_of "$name" >/dev/null || return 1; done
}

start() {
  mkdir -p "$STATE"
  STATE=$(cd "$STATE" && pwd)
  if all_running; then
    cat "$STATE/env"
    return
  fi
  stop_all # whatever is left of an earlier run
  install_packages
  [[ $EUID -eq 0 ]] || die 'dockerd needs root: run this script as root'
  mkdir -p "$STATE"
  local name started=$SECONDS
  for name in "${SERVICES[@]}"; do
    log "starting $name"
    "start_$name"
  done
  write_env
  log "all services ready in $((SECONDS - started))s; env in $STATE/env"
  cat "$STATE/env"
}

# What dockerd leaves behind when it had to be killed: the containers' processes (each the
# child of a shim), then its containerd shims, known by their binary and a command line naming
# our exec root.
leftovers() {
  local proc shims=()
  for proc in /proc/[0-9]*; do
    [[ $(readlink "$proc/exe" 2>/dev/null) == */containerd* ]] || continue
    tr '\0' '\n' <"$proc/cmdline" 2>/dev/null | grep -qF "$STATE/dockerd/" && shims+=("${proc#/proc/}")
  done
  ((${#shims[@]} > 0)) || return 0
  pgrep -P "$(IFS=,; echo "${shims[*]}")" || true
  printf '%s\n' "${shims[@]}"
}

stop_service() {
  local name=$1 pid waited=0 grace=10
  pid=$(pid_of "$name") || return 0
  [[ $name != dockerd ]] || grace=40 # it stops its containers first
  log "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || return 0
  while kill -0 "$pid" 2>/dev/null && [[ -e /proc/$pid/exe ]]; do
    if ((waited >= grace * 5)); then
      log "$name did not stop within ${grace}s: killing it"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.2
    waited=$((waited + 1))
  done
  # Dead; give init a moment to reap it, so that pgrep right after stop shows nothing.
  for ((waited = 0; waited < 25; waited++)); do
    [[ -e /proc/$pid ]] || break
    sleep 0.2
  done
}

stop_all() {
  [[ -d $STATE ]] || return 0
  STATE=$(cd "$STATE" && pwd)
  local name pids mount
  for name in prometheus registry dockerd; do stop_service "$name"; done
  mapfile -t pids < <(leftovers)
  if ((${#pids[@]} > 0)); then
    log "killing what dockerd left behind: ${pids[*]}"
    kill -KILL "${pids[@]}" 2>/dev/null || true
  fi
  # dockerd leaves mounts under its exec and data roots (e.g. exec/netns/default).
  awk -v prefix="$STATE/" 'index($2, prefix) == 1 { print $2 }' /proc/self/mounts | sort -r |
    while read -r mount; do
      umount "$mount" 2>/dev/null || umount -l "$mount" 2>/dev/null || log "could not unmount $mount"
    done
  rm -rf "${SERVICES[@]/#/$STATE/}" "$STATE/targets" "$STATE/env" || log "could not remove all of $STATE"
  rmdir "$STATE" 2>/dev/null || true
}

status() {
  local name pid code=0
  if [[ -d $STATE ]]; then STATE=$(cd "$STATE" && pwd); fi
  for name in "${SERVICES[@]}"; do
    if pid=$(pid_of "$name"); then
      echo "$name: running (pid $pid)"
    else
      echo "$name: not running"
      code=1
    fi
  done
  if ((code == 0)) && [[ -f $STATE/env ]]; then cat "$STATE/env"; fi
  return $code
}

case ${1:-} in
  start) start ;;
  stop) stop_all ;;
  status) status ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
