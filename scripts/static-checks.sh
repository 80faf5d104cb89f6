#!/usr/bin/env bash
# The type check and the lint, side by side: each runs on one core, and CI has two.
set -uo pipefail
log=$(mktemp)
npm run check > "$log" 2>&1 &
check=$!
npm run lint
lint=$?
wait "$check"
checked=$?
cat "$log"
rm -f "$log"
exit $(( lint || checked ))
