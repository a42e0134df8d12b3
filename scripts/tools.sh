#!/usr/bin/env bash
# helm and docker buildx for the tests, built from their Go modules (tools/helm/go.mod and
# tools/buildx/go.mod pin the versions) into the tools cache once per set of versions, as
# scripts/kube.sh does for the control plane.
#
# Usage: scripts/tools.sh build   builds when needed; prints how long each build took
#        scripts/tools.sh env     builds when needed; prints export lines for the tests:
#                                 SLIPWAY_TEST_HELM (the helm binary) and SLIPWAY_TEST_DOCKER_CONFIG
#                                 (a docker config folder whose cli-plugins/ has buildx)
#
# Environment: SLIPWAY_TOOLS_CACHE (default ~/.cache/slipway-tools, shared by every clone on the
# machine, as the Go build cache is).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

TOOLS=${SLIPWAY_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/slipway-tools}
BUILD_RECIPE=1

log() { echo "tools: $*" >&2; }
die() {
  log "error: $*"
  exit 1
}

# key_of <folder> [<extra linker flags>]
key_of() {
  {
    echo "$BUILD_RECIPE"
    cat "tools/$1/go.mod" "tools/$1/go.sum"
    if [[ -n ${2:-} ]]; then echo "$2"; fi
  } | sha256sum | cut -c1-16
}

# build_tool <folder> <package> <output name> [<extra linker flags>]
build_tool() {
  local dir=$1 pkg=$2 name=$3 ldflags=${4:-} out t0=$SECONDS
  out="$TOOLS/$dir-$(key_of "$dir" "$ldflags")"
  if [[ -x $out/$name ]]; then
    echo "$out/$name"
    return
  fi
  command -v go >/dev/null || die 'Go is missing: scripts/kube.sh build installs it'
  log "building $name (tools/$dir)"
  rm -rf "$out.tmp"
  mkdir -p "$out.tmp"
  (cd "tools/$dir" && GOFLAGS=-mod=mod go build -trimpath -ldflags "-s -w $ldflags" -o "$out.tmp/$name" "$pkg") >&2 ||
    die "go build failed in tools/$dir"
  rm -rf "$out"
  mv "$out.tmp" "$out"
  log "built $name in $((SECONDS - t0)) s"
  echo "$out/$name"
}

build() {
  helm=$(build_tool helm helm.sh/helm/v4/cmd/helm helm)
  # buildx prints the version it was linked with (v0.0.0+unknown otherwise), and build-image
  # reports it.
  local buildx_version
  buildx_version=$(awk '$1 == "github.com/docker/buildx" { print $2 }' tools/buildx/go.mod)
  buildx=$(build_tool buildx github.com/docker/buildx/cmd/buildx docker-buildx \
    "-X github.com/docker/buildx/version.Version=$buildx_version")
}

env_lines() {
  build
  # A docker config folder of its own, one per buildx build (as clones with other versions share
  # the cache): the user's ~/.docker stays untouched.
  local dir=${buildx%/*}
  local config="$TOOLS/docker-config-${dir##*/buildx-}"
  mkdir -p "$config/cli-plugins"
  ln -sf "$buildx" "$config/cli-plugins/docker-buildx"
  printf 'export %s=%q\n' SLIPWAY_TEST_HELM "$helm" SLIPWAY_TEST_DOCKER_CONFIG "$config"
}

case ${1:-} in
  build) build ;;
  env) env_lines ;;
  *)
    echo "usage: $0 build|env" >&2
    exit 2
    ;;
esac
