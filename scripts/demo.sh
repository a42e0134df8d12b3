#!/usr/bin/env bash
# slipway's main job on the embedded example (examples/hello): validate its slipway.yaml and
# workflow files, then preview what each environment would get. Needs only node and kubectl;
# the CLI runs from the committed bundle, so no npm install is needed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
slipway() { node "$root/dist/cli/index.js" "$@"; }
cd "$root/examples/hello"

echo "== slipway validate (examples/hello/slipway.yaml)"
slipway validate

for env in staging production; do
  echo
  echo "== slipway render --env $env"
  slipway render --env "$env"
done
