#!/usr/bin/env bash
# Builds build/hello: one static binary, so the image can be FROM scratch with nothing pulled.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p build
${CC:-gcc} -static -O2 -pthread -Wall -Wextra -o build/hello.tmp hello.c
mv build/hello.tmp build/hello
echo "built $PWD/build/hello"
