#!/usr/bin/env bash
# Runs every benchmark, each beside the tool a user would otherwise run; `npm run bench` runs this.
#
#   npm run bench              all of them, at the sizes the issues ask for
#   npm run bench -- --quick   smaller runs, for a first look (a few minutes in all)
#   npm run bench -- render    only the named ones: render, copy, scan-gate, canary
#
# The registry for the copy bench is started (and stopped afterwards) like the tests do it, unless
# the services are already running. Results are Markdown tables on stdout; absolute times on a shared
# machine mean little, the ratios in one run are what to read.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

quick=no
selected=()
for arg in "$@"; do
  case $arg in
    --quick) quick=yes ;;
    render | copy | scan-gate | canary | canary-robust | deploy) selected+=("$arg") ;;
    *)
      echo "bench/run.sh: unknown argument \"$arg\" (expected --quick, render, copy, scan-gate, canary, canary-robust, deploy)" >&2
      exit 2
      ;;
  esac
done
((${#selected[@]} > 0)) || selected=(render copy scan-gate canary canary-robust deploy)

if [[ ! -d node_modules ]]; then npm install --no-audit --no-fund; fi
# The benches run on Node 24, the runtime of the actions (and the current LTS); Node 20 starts
# about twice as slowly, which is most of a retag's time.
node24=$(bash scripts/node24.sh)

stop_services=no
stop_kube=no
cleanup() {
  local status=$?
  [[ $stop_services == no ]] || bash scripts/services.sh stop >&2 || true
  [[ $stop_kube == no ]] || bash scripts/kube.sh stop >&2 || true
  exit "$status"
}
trap cleanup EXIT

wants() { [[ " ${selected[*]} " == *" $1 "* ]]; }

if wants copy; then
  if ! bash scripts/services.sh status >/dev/null 2>&1; then
    bash scripts/services.sh start >/dev/null
    stop_services=yes
  fi
  # shellcheck source=/dev/null
  source "${SLIPWAY_SERVICES_DIR:-$PWD/.cache/services}/env"
fi

if wants deploy && ! bash scripts/kube.sh status >/dev/null 2>&1; then
  bash scripts/kube.sh start >/dev/null
  stop_kube=yes
fi

status=0
run() {
  echo
  echo "## $1"
  echo
  shift
  "$@" || { status=$?; echo "bench/run.sh: $* failed (exit $status)" >&2; }
}

if [[ $quick == yes ]]; then
  wants render && run render "$node24" bench/render.mjs --runs 3
  wants copy && run copy "$node24" bench/copy.mjs --reps 2 --size 100 --node "$node24"
  wants scan-gate && run scan-gate "$node24" bench/scan-gate.mjs --runs 1
  wants canary && run canary "$node24" bench/canary.mjs --quick
  wants canary-robust && run canary-robust "$node24" bench/canary-robust.mjs --quick
  wants deploy && run deploy "$node24" bench/deploy.mjs --objects 200 --runs 1
else
  wants render && run render "$node24" bench/render.mjs
  wants copy && run copy "$node24" bench/copy.mjs --node "$node24"
  wants scan-gate && run scan-gate "$node24" bench/scan-gate.mjs
  wants canary && run canary "$node24" bench/canary.mjs
  wants canary-robust && run canary-robust "$node24" bench/canary-robust.mjs
  wants deploy && run deploy "$node24" bench/deploy.mjs
fi
exit "$status"
