#!/usr/bin/env bash
# Runs every test (unit, integration, e2e) on a fresh machine; `npm test` runs this.
#
#   1. npm install --no-audit --no-fund, when node_modules is missing or older than package-lock.json;
#   2. Node 24, the runtime of `runs.using: node24`, into .cache/node24 (scripts/node24.sh), for the
#      end-to-end tests that run the bundles as the runner does;
#   3. dockerd, the registry and Prometheus (scripts/services.sh start; installs the Debian packages
#      when missing, which needs root), then their endpoints from <state>/env (SLIPWAY_TEST_*);
#   4. the Kubernetes control plane (scripts/kube.sh start: builds it from its Go modules the first
#      time on a machine, then etcd, kube-apiserver, controller-manager, scheduler and kwok);
#   5. helm and docker buildx built from their Go modules (scripts/tools.sh env: SLIPWAY_TEST_HELM,
#      SLIPWAY_TEST_DOCKER_CONFIG), the first time on a machine;
#   6. jest over all projects, with any extra arguments: npm test -- --selectProjects unit
#
# The services are stopped on exit, however the script ends, unless SLIPWAY_KEEP_SERVICES=1 or they
# were already running before (then whoever started them stops them). Exit code: jest's, or that of
# the setup step that failed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

log() { echo "test.sh: $*" >&2; }

if [[ ! -d node_modules || package-lock.json -nt node_modules ]]; then
  log "installing npm packages"
  npm install --no-audit --no-fund
  touch node_modules # npm leaves the folder's time alone when nothing changed
fi

log "Node 24 for the end-to-end tests: $(bash scripts/node24.sh)"

state="${SLIPWAY_SERVICES_DIR:-$PWD/.cache/services}"
kube_state="${SLIPWAY_KUBE_DIR:-$PWD/.cache/kube}"
stop_services=no stop_kube=no
if [[ "${SLIPWAY_KEEP_SERVICES:-}" != 1 ]] && ! bash scripts/services.sh status >/dev/null 2>&1; then
  stop_services=yes
fi
if [[ "${SLIPWAY_KEEP_SERVICES:-}" != 1 ]] && ! bash scripts/kube.sh status >/dev/null 2>&1; then
  stop_kube=yes
fi

cleanup() {
  local status=$?
  if [[ $stop_kube == yes ]]; then
    bash scripts/kube.sh stop >&2 || log "stopping the control plane failed; see above"
  fi
  if [[ $stop_services == yes ]]; then
    bash scripts/services.sh stop >&2 || log "stopping the services failed; see above"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

bash scripts/services.sh start >/dev/null
# shellcheck source=/dev/null
source "$state/env"
bash scripts/kube.sh start >/dev/null
# shellcheck source=/dev/null
source "$kube_state/env"
# After the control plane: scripts/kube.sh installs Go when a machine lacks it.
tools_env=$(bash scripts/tools.sh env)
eval "$tools_env"

set +e
NODE_OPTIONS="--experimental-vm-modules ${NODE_OPTIONS:-}" NODE_NO_WARNINGS=1 npx jest "$@"
status=$?
set -e
exit "$status"
