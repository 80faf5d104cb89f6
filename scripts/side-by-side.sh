#!/usr/bin/env bash
# Runs commands side by side and prints each one's output whole, in the order
# given, once it is done; fails if any failed.
#   scripts/side-by-side.sh NAME 'COMMAND' [NAME 'COMMAND' …]
# CI has two cores, and none of these checks keeps both busy all the time.
set -uo pipefail
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
names=()
pids=()
while [ $# -ge 2 ]; do
	names+=("$1")
	bash -c "$2" > "$dir/${#pids[@]}" 2>&1 &
	pids+=($!)
	shift 2
done
failed=0
for i in "${!pids[@]}"; do
	if wait "${pids[$i]}"; then status=ok; else status=failed; failed=1; fi
	echo "── ${names[$i]} ($status)"
	cat "$dir/$i"
done
exit "$failed"
