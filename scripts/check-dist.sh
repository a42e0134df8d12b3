#!/usr/bin/env bash
# Fails when the committed dist/ differs from a fresh bundle of the sources.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf dist
npm run --silent bundle >/dev/null
if [ -n "$(git status --porcelain -- dist)" ]; then
  echo "::error::dist/ is out of date: run 'npm run bundle' and commit dist/" >&2
  git status --porcelain -- dist >&2
  git diff --stat -- dist >&2 || true
  exit 1
fi
echo "dist/ is in sync with src/"
