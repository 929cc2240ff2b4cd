#!/usr/bin/env bash
# First step on a fresh machine: system packages (apt), then the npm install that builds the qode
# shim and NodeGui's addon (compiled once, ~7-15 min on 2 cores, then restored from the cache in
# ~/.cache/ifc-room-schedule/nodegui-core). Safe to run again: it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")"
t0=$(date +%s)
bash scripts/setup-system.sh
t1=$(date +%s)
if [ -d node_modules/@nodegui/nodegui/build/Release ] && [ -f node_modules/@nodegui/nodegui/build/Release/nodegui_core.node ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  echo "setup: node_modules up to date"
elif [ -f package-lock.json ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund
else
  echo "setup: npm install"
  npm install --no-audit --no-fund
fi
t2=$(date +%s)
echo "setup: system $((t1 - t0)) s, npm $((t2 - t1)) s, total $((t2 - t0)) s"
