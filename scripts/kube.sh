#!/usr/bin/env bash
# A real Kubernetes control plane for the tests, on 127.0.0.1 only:
#   etcd, kube-apiserver, kube-controller-manager and kube-scheduler of one release, and kwok, which
#   plays fake nodes and pod lifecycles (tools/kube/kwok-stages.yaml says which).
#
# Usage: scripts/kube.sh build|start|stop|status
#   build   builds the binaries from their Go modules (tools/kube/*/go.mod pins every version) into
#           the tools cache, once per set of versions; prints how long each build took.
#   start   builds when needed, then generates a CA, serving and client certificates and a
#           service-account key for this run, starts everything on free ports, registers fake nodes,
#           waits until a pod can run, and writes <state>/env (SLIPWAY_TEST_KUBECONFIG, ...).
#   stop    stops what start started (by pid file) and removes the state.
#   status  tells what runs; exits 1 when something is not running.
#
# Environment: SLIPWAY_KUBE_DIR (state, default .cache/kube), SLIPWAY_TOOLS_CACHE (built binaries,
# default ~/.cache/slipway-tools: shared by every clone on the machine, as the Go build cache is),
# SLIPWAY_KUBE_TIMEOUT (seconds to wait for each component, default 120).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

ROOT=$PWD
STATE=${SLIPWAY_KUBE_DIR:-$ROOT/.cache/kube}
TOOLS=${SLIPWAY_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/slipway-tools}
TIMEOUT=${SLIPWAY_KUBE_TIMEOUT:-120}
COMPONENTS=(etcd kube-apiserver kube-controller-manager kube-scheduler kwok)
NODES=3

log() { echo "kube: $*" >&2; }
die() {
  log "error: $*"
  exit 1
}

# One folder per set of versions: a change of any go.mod or go.sum builds anew. Bump BUILD_RECIPE
# when the way of building changes.
BUILD_RECIPE=1
version_key() {
  { echo "$BUILD_RECIPE"; cat tools/kube/*/go.mod tools/kube/*/go.sum; } | sha256sum | cut -c1-16
}
BIN="$TOOLS/kube-$(version_key)"

ensure_go() {
  command -v go >/dev/null && return
  [[ $EUID -eq 0 ]] || die 'Go is missing: install it (Debian: golang-go), or run this script as root'
  log 'installing Go from Debian'"'"'s packages'
  apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q golang-go >&2
  # Debian's Go may be older than the modules need; the go command then fetches the toolchain
  # named by GOTOOLCHAIN from the Go module proxy.
  export GOTOOLCHAIN=go1.26.8
}

# build_module <folder> <output names...> -- <packages...>
build_module() {
  local dir=$1 t0=$SECONDS
  shift
  local names=() pkgs=()
  while [[ $1 != -- ]]; do names+=("$1"); shift; done
  shift
  pkgs=("$@")
  local ldflags='-s -w'
  if [[ $dir == kubernetes ]]; then
    # The release the servers report (kubectl version, discovery); the build stamps nothing else.
    local v
    v=$(sed -n 's#^require k8s.io/kubernetes \(v[0-9.]*\)$#\1#p' tools/kube/kubernetes/go.mod)
    local minor=${v#v1.}
    minor=${minor%%.*}
    ldflags+=" -X k8s.io/component-base/version.gitVersion=$v -X k8s.io/component-base/version.gitMajor=1"
    ldflags+=" -X k8s.io/component-base/version.gitMinor=$minor -X k8s.io/component-base/version.gitTreeState=clean"
    ldflags+=" -X k8s.io/client-go/pkg/version.gitVersion=$v -X k8s.io/client-go/pkg/version.gitMajor=1"
    ldflags+=" -X k8s.io/client-go/pkg/version.gitMinor=$minor"
  fi
  log "building ${names[*]} (tools/kube/$dir)"
  (cd "tools/kube/$dir" && GOFLAGS=-mod=mod go build -trimpath -ldflags "$ldflags" -o "$BIN.tmp/" "${pkgs[@]}") >&2 ||
    die "go build failed in tools/kube/$dir"
  log "built ${names[*]} in $((SECONDS - t0)) s"
}

build() {
  if [[ -x $BIN/kwok ]]; then
    log "binaries up to date in $BIN"
    return
  fi
  ensure_go
  local t0=$SECONDS
  rm -rf "$BIN.tmp"
  mkdir -p "$BIN.tmp"
  build_module etcd etcd -- go.etcd.io/etcd/server/v3
  mv "$BIN.tmp/server" "$BIN.tmp/etcd" # go names a /v3 package after its parent
  build_module kubernetes kube-apiserver kube-controller-manager kube-scheduler -- \
    k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager \
    k8s.io/kubernetes/cmd/kube-scheduler
  build_module kwok kwok -- sigs.k8s.io/kwok/cmd/kwok
  rm -rf "$BIN"
  mv "$BIN.tmp" "$BIN"
  log "control plane built in $((SECONDS - t0)) s into $BIN"
}

free_port() {
  node -e "const s = require('net').createServer()
s.listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close() })"
}

# The pid of a component when it runs and is ours: our binary, started with our state dir.
pid_of() {
  local file=$STATE/$1.pid pid
  [[ -r $file ]] || return 1
  pid=$(<"$file")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  [[ $(readlink "/proc/$pid/exe" 2>/dev/null) == "$BIN/$1" ]] || return 1
  tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$STATE/" || return 1
  echo "$pid"
}

launch() {
  local name=$1
  shift
  setsid "$BIN/$name" "$@" </dev/null >"$STATE/$name.log" 2>&1 &
  echo $! >"$STATE/$name.pid"
}

fail_start() {
  log "error: $1 $2; last lines of $STATE/$1.log:"
  tail -n 30 "$STATE/$1.log" >&2 || true
  stop_all
  exit 1
}

wait_until() {
  local name=$1 deadline=$((SECONDS + TIMEOUT)) pid
  shift
  pid=$(<"$STATE/$name.pid")
  until "$@" >/dev/null 2>&1; do
    [[ -e /proc/$pid/exe ]] || fail_start "$name" 'exited while starting'
    ((SECONDS < deadline)) || fail_start "$name" "was not ready within ${TIMEOUT}s"
    sleep 0.3
  done
}

kubectl_() { kubectl --kubeconfig "$STATE/admin.kubeconfig" "$@"; }

# Per-run certificates: a CA, the API server's serving certificate for 127.0.0.1, an admin client
# certificate (system:masters) for kubectl, the controllers and kwok, and the service-account key.
make_pki() {
  local pki=$STATE/pki
  mkdir -p "$pki"
  (
    cd "$pki"
    openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 2 \
      -subj '/CN=slipway-test-ca' 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -keyout apiserver.key -out apiserver.csr \
      -subj '/CN=kube-apiserver' 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc\nextendedKeyUsage=serverAuth\n' >apiserver.ext
    openssl x509 -req -in apiserver.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 \
      -extfile apiserver.ext -out apiserver.crt 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -keyout admin.key -out admin.csr \
      -subj '/O=system:masters/CN=slipway-test-admin' 2>/dev/null
    printf 'extendedKeyUsage=clientAuth\n' >client.ext
    openssl x509 -req -in admin.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 \
      -extfile client.ext -out admin.crt 2>/dev/null
    openssl genrsa -out sa.key 2048 2>/dev/null
    openssl rsa -in sa.key -pubout -out sa.pub 2>/dev/null
  ) || die 'openssl failed making the certificates'
}

write_kubeconfig() {
  local server=$1 pki=$STATE/pki
  cat >"$STATE/admin.kubeconfig" <<EOF
apiVersion: v1
kind: Config
clusters:
  - name: slipway-test
    cluster:
      server: $server
      certificate-authority: $pki/ca.crt
users:
  - name: admin
    user:
      client-certificate: $pki/admin.crt
      client-key: $pki/admin.key
contexts:
  - name: slipway-test
    context: { cluster: slipway-test, user: admin }
current-context: slipway-test
EOF
}

start_etcd() {
  local client peer
  client=$(free_port)
  peer=$(free_port)
  mkdir -p "$STATE/etcd"
  # --unsafe-no-fsync: test data, thrown away at stop; fsync would dominate every write.
  launch etcd --name slipway-test --data-dir "$STATE/etcd" \
    --listen-client-urls "http://127.0.0.1:$client" --advertise-client-urls "http://127.0.0.1:$client" \
    --listen-peer-urls "http://127.0.0.1:$peer" --initial-advertise-peer-urls "http://127.0.0.1:$peer" \
    --initial-cluster "slipway-test=http://127.0.0.1:$peer" --unsafe-no-fsync \
    --log-level warn
  wait_until etcd curl -fsS --noproxy '*' --max-time 2 "http://127.0.0.1:$client/health"
  echo "$client" >"$STATE/etcd.port"
}

start_kube_apiserver() {
  local port pki=$STATE/pki
  port=$(free_port)
  # --endpoint-reconciler-type=none: the kubernetes Service would otherwise get 127.0.0.1 as its
  # endpoint, which the API refuses. Service IPs are only allocated, never routed: nothing here
  # proxies them.
  launch kube-apiserver \
    --etcd-servers "http://127.0.0.1:$(<"$STATE/etcd.port")" \
    --bind-address 127.0.0.1 --advertise-address 127.0.0.1 --secure-port "$port" \
    --tls-cert-file "$pki/apiserver.crt" --tls-private-key-file "$pki/apiserver.key" \
    --client-ca-file "$pki/ca.crt" \
    --service-account-issuer https://kubernetes.default.svc \
    --service-account-key-file "$pki/sa.pub" --service-account-signing-key-file "$pki/sa.key" \
    --service-cluster-ip-range 10.96.0.0/16 --endpoint-reconciler-type none \
    --authorization-mode RBAC --allow-privileged=true --profiling=false \
    --cert-dir "$STATE/apiserver-certs"
  write_kubeconfig "https://127.0.0.1:$port"
  wait_until kube-apiserver kubectl_ get --raw /readyz
  echo "$port" >"$STATE/kube-apiserver.port"
}

# The controllers' client limits (20 requests/s by default) would make the test cluster, not the
# tool under test, the bottleneck of every rollout of more than a few Deployments.
start_kube_controller_manager() {
  local pki=$STATE/pki
  launch kube-controller-manager --kubeconfig "$STATE/admin.kubeconfig" \
    --bind-address 127.0.0.1 --secure-port 0 --leader-elect=false \
    --service-account-private-key-file "$pki/sa.key" --root-ca-file "$pki/ca.crt" \
    --use-service-account-credentials=false --concurrent-deployment-syncs 10 \
    --concurrent-replicaset-syncs 10 --kube-api-qps 200 --kube-api-burst 400 \
    --cert-dir "$STATE/controller-manager-certs"
}

start_kube_scheduler() {
  launch kube-scheduler --kubeconfig "$STATE/admin.kubeconfig" \
    --bind-address 127.0.0.1 --secure-port 0 --leader-elect=false \
    --kube-api-qps 200 --kube-api-burst 400
}

start_kwok() {
  local port
  port=$(free_port)
  # Nodes answer on 127.0.0.1 (kwok's own server), so whatever asks a "kubelet" stays on loopback.
  # Pod IPs are only written into status: nothing routes to them.
  launch kwok --kubeconfig "$STATE/admin.kubeconfig" --config "$ROOT/tools/kube/kwok-stages.yaml" \
    --manage-nodes-with-annotation-selector kwok.x-k8s.io/node=fake \
    --node-ip 127.0.0.1 --node-port "$port" --server-address "127.0.0.1:$port" \
    --cidr 10.244.0.0/16
}

register_nodes() {
  local i
  for ((i = 0; i < NODES; i++)); do
    kubectl_ apply --server-side --field-manager slipway-test -f - >/dev/null <<EOF
apiVersion: v1
kind: Node
metadata:
  name: kwok-node-$i
  annotations: { kwok.x-k8s.io/node: fake, node.alpha.kubernetes.io/ttl: "0" }
  labels:
    kubernetes.io/hostname: kwok-node-$i
    kubernetes.io/os: linux
    kubernetes.io/arch: amd64
    type: kwok
    topology.kubernetes.io/zone: zone-$((i % 2))
status:
  capacity: { cpu: "32", memory: 128Gi, pods: "1000" }
EOF
  done
}

nodes_ready() {
  [[ $(kubectl_ get nodes -o jsonpath='{range .items[*]}{.status.conditions[?(@.type=="Ready")].status}{"\n"}{end}' | grep -c True) -eq $NODES ]]
}

default_service_account() { kubectl_ -n default get serviceaccount default; }

# The custom resources strategies and hand-offs use: Gateway API HTTPRoute, Argo Rollouts'
# Rollout, Argo CD's Application, Flux's Kustomization (tools/kube/crds, reduced schemas).
install_crds() {
  kubectl_ apply --server-side --field-manager slipway-test -f "$ROOT/tools/kube/crds" >/dev/null
  kubectl_ wait --for condition=Established --timeout "${TIMEOUT}s" -f "$ROOT/tools/kube/crds" >/dev/null
}

write_env() {
  {
    printf 'export %s=%q\n' \
      SLIPWAY_TEST_KUBECONFIG "$STATE/admin.kubeconfig" \
      SLIPWAY_TEST_KUBE_SERVER "https://127.0.0.1:$(<"$STATE/kube-apiserver.port")" \
      SLIPWAY_TEST_KUBE_CA "$STATE/pki/ca.crt" \
      SLIPWAY_TEST_KUBE_DIR "$STATE" \
      SLIPWAY_TEST_KUBE_BIN "$BIN"
  } >"$STATE/env"
}

all_running() {
  local name
  [[ -f $STATE/env ]] || return 1
  for name in "${COMPONENTS[@]}"; do pid_of "$name" >/dev/null || return 1; done
}

start() {
  mkdir -p "$STATE"
  STATE=$(cd "$STATE" && pwd)
  if all_running; then
    cat "$STATE/env"
    return
  fi
  stop_all
  command -v openssl >/dev/null || die 'openssl is missing (scripts/services.sh installs it)'
  command -v kubectl >/dev/null || die 'kubectl is missing'
  build
  mkdir -p "$STATE"
  local t0=$SECONDS
  make_pki
  start_etcd
  start_kube_apiserver
  start_kube_controller_manager
  start_kube_scheduler
  start_kwok
  register_nodes
  install_crds || fail_start kube-apiserver 'did not establish the CRDs of tools/kube/crds'
  wait_until kwok nodes_ready
  wait_until kube-controller-manager default_service_account
  write_env
  log "control plane ready in $((SECONDS - t0)) s; env in $STATE/env"
  cat "$STATE/env"
}

stop_component() {
  local name=$1 pid waited=0
  pid=$(pid_of "$name") || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  while [[ -e /proc/$pid/exe ]]; do
    if ((waited >= 50)); then
      log "$name did not stop within 10s: killing it"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.2
    waited=$((waited + 1))
  done
}

stop_all() {
  [[ -d $STATE ]] || return 0
  STATE=$(cd "$STATE" && pwd)
  local i
  for ((i = ${#COMPONENTS[@]} - 1; i >= 0; i--)); do stop_component "${COMPONENTS[i]}"; done
  rm -rf "$STATE"
}

status() {
  local name pid code=0
  if [[ -d $STATE ]]; then STATE=$(cd "$STATE" && pwd); fi
  for name in "${COMPONENTS[@]}"; do
    if pid=$(pid_of "$name"); then
      echo "$name: running (pid $pid)"
    else
      echo "$name: not running"
      code=1
    fi
  done
  if ((code == 0)); then cat "$STATE/env"; fi
  return $code
}

case ${1:-} in
  build) build ;;
  start) start ;;
  stop) stop_all ;;
  status) status ;;
  *)
    echo "usage: $0 build|start|stop|status" >&2
    exit 2
    ;;
esac
