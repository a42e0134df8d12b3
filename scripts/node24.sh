#!/usr/bin/env bash
# Installs Node 24 (the runtime GitHub's runner uses for `runs.using: node24`) into .cache/node24
# from the npm registry package node-linux-<arch>, and prints the path of its node binary.
# Idempotent: does nothing when the pinned version is already there.
set -euo pipefail

VERSION=24.21.0
# sha512 of the registry tarballs (npm view node-linux-<arch>@VERSION dist.integrity)
declare -A INTEGRITY=(
  [x64]='sha512-3nULszZ5X0fciYpG0t6TrdApJzAn8+FlINP6OiMX7V8HrvpATPN936U1LlReOJriLRa4e8yEqQBYCnLyPNAs7Q=='
  [arm64]='sha512-FpJRPEz2OvvTLfjIOlNGFY9JLPMKgl5m+d4oGYBLg24kJ1mmvN1Zl/HPJgF4HDaJ51ISev1l1cRZ/DM+keXW5g=='
)

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="$root/.cache/node24"
node="$dest/bin/node"

if [[ -x "$node" && "$("$node" --version 2>/dev/null)" == "v$VERSION" ]]; then
  echo "$node"
  exit 0
fi

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) arch=x64 ;;
  Linux-aarch64 | Linux-arm64) arch=arm64 ;;
  *)
    echo "node24.sh: no node-linux package for $(uname -s) $(uname -m)" >&2
    exit 1
    ;;
esac
package="node-linux-$arch"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "node24.sh: downloading $package@$VERSION" >&2
tarball="$(cd "$work" && npm pack --silent "$package@$VERSION" | tail -n 1)"

actual="sha512-$(node -e 'process.stdout.write(require("crypto").createHash("sha512").update(require("fs").readFileSync(process.argv[1])).digest("base64"))' "$work/$tarball")"
if [[ "$actual" != "${INTEGRITY[$arch]}" ]]; then
  echo "node24.sh: $tarball has integrity $actual, expected ${INTEGRITY[$arch]}" >&2
  exit 1
fi

# The package holds bin/node, include/ and share/ under package/.
mkdir -p "$work/unpacked"
tar -xzf "$work/$tarball" -C "$work/unpacked" --strip-components=1
rm -rf "$dest"
mkdir -p "$(dirname "$dest")"
mv "$work/unpacked" "$dest"

if [[ "$("$node" --version)" != "v$VERSION" ]]; then
  echo "node24.sh: $node does not report v$VERSION" >&2
  exit 1
fi
echo "$node"
