#!/usr/bin/env bash
# The type check, the formatting check and the lint, side by side (CI has two
# cores; one after the other they take about a minute); each one's output is
# printed whole, and the script fails if any of them failed.
set -uo pipefail
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
npm run --silent check > "$dir/check" 2>&1 &
check=$!
npx prettier --check . > "$dir/prettier" 2>&1 &
prettier=$!
npx eslint . > "$dir/eslint" 2>&1 &
eslint=$!
failed=0
for name in check prettier eslint; do
	pid=${!name}
	wait "$pid" || { failed=1; echo "✗ $name"; }
	cat "$dir/$name"
done
exit "$failed"
